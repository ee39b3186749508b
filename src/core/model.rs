//! The typed, validated corpus the rest of the program trusts.
//!
//! Values here are only made by [`crate::core::load`], after every check has passed, so
//! code that holds a [`Corpus`] may assume: ids are unique, every reference resolves,
//! every quote and piece of evidence is an exact substring of its paragraph.

use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;

use crate::core::date::{DateSpec, PartialDate};

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        // Shared, not owned: the browser makes its corpus again as data comes in, and an
        // id is cloned for every record and every index that holds it (the same string
        // on the wire and in every ordering and hash).
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub struct $name(#[serde(deserialize_with = "shared_str")] std::sync::Arc<str>);

        impl $name {
            /// Wraps a string without checking it; ids from data files are checked by
            /// [`is_valid_slug`] in the loader, ids from URLs are looked up and may miss.
            pub fn new(s: impl Into<String>) -> $name {
                $name(s.into().into())
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }
    };
}

/// Reads an id straight into a shared string: one allocation, where serde's own
/// `Arc<str>` makes a `String` first and copies it.
fn shared_str<'de, D: serde::Deserializer<'de>>(deserializer: D) -> Result<std::sync::Arc<str>, D::Error> {
    struct Shared;
    impl serde::de::Visitor<'_> for Shared {
        type Value = std::sync::Arc<str>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an id (a string)")
        }
        fn visit_str<E: serde::de::Error>(self, s: &str) -> Result<Self::Value, E> {
            Ok(s.into())
        }
    }
    deserializer.deserialize_str(Shared)
}

typed_id!(
    /// Identifies a [`Document`].
    DocumentId
);
typed_id!(
    /// Identifies an [`Actor`].
    ActorId
);
typed_id!(
    /// Identifies a [`Place`].
    PlaceId
);
typed_id!(
    /// Identifies a [`Quote`].
    QuoteId
);
typed_id!(
    /// Identifies an [`Event`].
    EventId
);

/// Ids are part of the public URL contract: lower-case ASCII letters, digits and single
/// hyphens, starting and ending with a letter or digit.
pub fn is_valid_slug(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 120
        && s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
        && !s.contains("--")
}

/// Declares a closed vocabulary: an enum with its wire names, an `as_str()` for data
/// files, URLs and CSS classes, a `parse` and a human `label`.
macro_rules! vocabulary {
    ($(#[$doc:meta])* $name:ident { $($variant:ident = $wire:literal / $label:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        pub enum $name { $($variant),+ }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(&self) -> &'static str {
                match self { $($name::$variant => $wire),+ }
            }

            pub fn label(&self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            pub fn parse(s: &str) -> Option<$name> {
                match s { $($wire => Some($name::$variant),)+ _ => None }
            }

            /// The accepted wire names, for error messages.
            pub fn expected() -> String {
                [$($wire),+].join(", ")
            }

            /// The accepted wire names for a link's reader, each with the name the page
            /// shows where that is another word: "media (shown as News outlet)".
            pub fn expected_in_links() -> String {
                [$(($wire, $label)),+]
                    .iter()
                    .map(|(wire, label)| if wire.eq_ignore_ascii_case(label) { (*wire).to_owned() } else { format!("{wire} (shown as {label})") })
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        }
    };
}

vocabulary!(
    /// What part of a document a paragraph is.
    ParagraphKind {
        Headline = "headline" / "Headline",
        Standfirst = "standfirst" / "Standfirst",
        Subheading = "subheading" / "Subheading",
        Body = "body" / "Body",
        Question = "question" / "Question",
        Answer = "answer" / "Answer",
        Caption = "caption" / "Caption",
        Credit = "credit" / "Credit",
        PullQuote = "pull-quote" / "Pull-quote",
        Attribution = "attribution" / "Attribution",
    }
);

vocabulary!(
    /// What sort of actor.
    ActorKind {
        Person = "person" / "Person",
        State = "state" / "State",
        Organization = "organization" / "Organisation",
        Group = "group" / "Group",
        Media = "media" / "News outlet",
    }
);

vocabulary!(
    /// What sort of place.
    PlaceKind {
        City = "city" / "City",
        Region = "region" / "Region",
        Country = "country" / "Country",
        Site = "site" / "Site",
        Area = "area" / "Area",
    }
);

vocabulary!(
    /// How a quotation came to be in the document.
    QuoteKind {
        Statement = "statement" / "Statement",
        InterviewAnswer = "interview-answer" / "Interview answer",
        PullQuote = "pull-quote" / "Pull-quote",
        ReportedSpeech = "reported-speech" / "Reported speech",
    }
);

vocabulary!(
    /// An actor's part in an event.
    Role {
        Participant = "participant" / "participant",
        Target = "target" / "target",
        Mediator = "mediator" / "mediator",
        Host = "host" / "host",
        Source = "source" / "source",
        Mentioned = "mentioned" / "mentioned",
    }
);

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// 1-based position in the document.
    pub n: u32,
    pub kind: ParagraphKind,
    pub text: String,
    pub speaker: Option<ActorId>,
}

/// Which of `shown` (an interview's paragraphs in order, or a stretch of them) name their
/// speaker, as a transcript names who speaks: an answer at each turn (the first answer
/// after a question, or after another speaker's answer), a question when its asker is not
/// the previous question's. Only the speaker the data states for the paragraph is named;
/// none is guessed. A stretch's first question and first answer name theirs, since what
/// came before is not shown.
pub fn speakers_named(shown: &[&Paragraph]) -> Vec<Option<ActorId>> {
    let mut last_question: Option<&ActorId> = None;
    let mut previous: Option<&Paragraph> = None;
    shown
        .iter()
        .map(|&p| {
            let named = match (p.kind, p.speaker.as_ref()) {
                (ParagraphKind::Answer, Some(speaker)) => {
                    let same_turn = previous.is_some_and(|q| q.kind == ParagraphKind::Answer && q.speaker.as_ref() == Some(speaker));
                    (!same_turn).then(|| speaker.clone())
                }
                (ParagraphKind::Question, Some(speaker)) => {
                    let same_asker = last_question == Some(speaker);
                    last_question = Some(speaker);
                    (!same_asker).then(|| speaker.clone())
                }
                _ => None,
            };
            previous = Some(p);
            named
        })
        .collect()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub id: DocumentId,
    pub title: String,
    /// True when the source has no headline and Dossier's editors wrote the title.
    pub title_supplied: bool,
    pub source: String,
    pub publisher: Option<String>,
    pub author: Option<String>,
    pub published: Option<DateSpec>,
    pub kind: String,
    pub notes: Vec<String>,
    pub paragraphs: Vec<Paragraph>,
}

impl Document {
    /// The paragraph numbered `n`, if there is one (and, in the browser, if it was
    /// fetched: a record page's slice holds only the paragraphs it shows, in order).
    pub fn paragraph(&self, n: u32) -> Option<&Paragraph> {
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        match self.paragraphs.get(index).filter(|p| p.n == n) {
            Some(p) => Some(p),
            None => self.paragraphs.binary_search_by_key(&n, |p| p.n).ok().map(|i| &self.paragraphs[i]),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    pub kind: PlaceKind,
    pub aliases: Vec<String>,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    pub id: QuoteId,
    pub text: String,
    pub speaker: ActorId,
    pub document: DocumentId,
    pub paragraph: u32,
    pub kind: QuoteKind,
    pub said_to: Option<ActorId>,
    pub said_on: Option<DateSpec>,
    /// For interview answers: the paragraph holding the question.
    pub question: Option<u32>,
    pub reported_by: Option<ActorId>,
    pub notes: Option<String>,
}

impl Quote {
    /// Who recounts these words, where that is someone else than the speaker: reported
    /// speech is in its narrator's words ("they asked me…"), so whatever attributes it
    /// names them. A speaker recounting their own words says them: `None`.
    pub fn narrator(&self) -> Option<&ActorId> {
        self.reported_by.as_ref().filter(|by| self.kind == QuoteKind::ReportedSpeech && **by != self.speaker)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventActor {
    pub id: ActorId,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: EventId,
    pub title: String,
    pub date: DateSpec,
    pub actors: Vec<EventActor>,
    pub places: Vec<PlaceId>,
    pub document: DocumentId,
    pub paragraph: u32,
    pub evidence: String,
    pub notes: Option<String>,
}

impl Event {
    pub fn involves(&self, actor: &ActorId) -> bool {
        self.actors.iter().any(|a| &a.id == actor)
    }
}

/// Which parts of a corpus are present. The static build holds them all; a page in the
/// browser fetches only the parts it shows (see [`crate::core::pack`]), and a page is
/// rendered only once its parts are in.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Parts(u8);

impl Parts {
    /// Documents without their paragraphs, actors, places and the counts: every page.
    pub const CATALOG: Parts = Parts(1);
    pub const QUOTES: Parts = Parts(2);
    pub const EVENTS: Parts = Parts(4);
    /// The prebuilt search index.
    pub const INDEX: Parts = Parts(8);
    /// Every event's evidence, which [`Parts::EVENTS`] leaves out (the timeline does not
    /// show it; an event's page has it in its slice; an export of events needs it).
    pub const EVIDENCE: Parts = Parts(16);
    pub const ALL: Parts = Parts(31);
    pub const NONE: Parts = Parts(0);

    pub const fn with(self, other: Parts) -> Parts {
        Parts(self.0 | other.0)
    }

    pub const fn contains(self, other: Parts) -> bool {
        self.0 & other.0 == other.0
    }

    /// The parts of `self` that `have` lacks.
    pub const fn without(self, have: Parts) -> Parts {
        Parts(self.0 & !have.0)
    }

    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
}

/// Counts that pages show without holding every record: worked out once from the whole
/// corpus (natively) and shipped with the catalog, so the home page says "60 quotes"
/// and the actors list how often each is quoted without downloading the quotes.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub quotes: usize,
    pub events: usize,
    /// Earliest event start and latest event end (or start), if there are events.
    pub span: Option<(PartialDate, PartialDate)>,
    /// Per actor, in the corpus's order: quotes spoken, events involved in.
    pub by_actor: Vec<(u32, u32)>,
    /// Per document, in the corpus's order: paragraphs, quotes, events.
    pub by_document: Vec<(u32, u32, u32)>,
}

impl Counts {
    fn of(documents: &[Document], actors: &[Actor], quotes: &[Quote], events: &[Event]) -> Counts {
        let actor_at = index_by(actors, |a| &a.id);
        let document_at = index_by(documents, |d| &d.id);
        let mut by_actor = vec![(0u32, 0u32); actors.len()];
        let mut by_document: Vec<(u32, u32, u32)> =
            documents.iter().map(|d| (u32::try_from(d.paragraphs.len()).unwrap_or(u32::MAX), 0, 0)).collect();
        for q in quotes {
            if let Some(&i) = actor_at.get(&q.speaker) {
                by_actor[i].0 += 1;
            }
            if let Some(&i) = document_at.get(&q.document) {
                by_document[i].1 += 1;
            }
        }
        for e in events {
            let mut seen: Vec<usize> = e.actors.iter().filter_map(|a| actor_at.get(&a.id).copied()).collect();
            seen.sort_unstable();
            seen.dedup();
            for i in seen {
                by_actor[i].1 += 1;
            }
            if let Some(&i) = document_at.get(&e.document) {
                by_document[i].2 += 1;
            }
        }
        let first = events.iter().map(|e| e.date.start).min();
        let last = events.iter().map(|e| e.date.end.unwrap_or(e.date.start)).max();
        Counts { quotes: quotes.len(), events: events.len(), span: first.zip(last), by_actor, by_document }
    }
}

/// The whole validated dataset with lookups by id. Build it with [`crate::core::load`]
/// (natively, every part) or from the data files with [`crate::core::pack`] (in the
/// browser, the parts a page needs: see [`Corpus::parts`]).
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    /// Documents. Natively with all their paragraphs; in the browser with the paragraphs
    /// the record pages' slices fetched so far (in order, each with its number `n`).
    pub documents: Vec<Document>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    /// Empty unless [`Parts::QUOTES`] is present.
    pub quotes: Vec<Quote>,
    /// Sorted chronologically (stable: ties keep file order). Empty unless
    /// [`Parts::EVENTS`] is present; an event's `evidence` is empty unless
    /// [`Parts::EVIDENCE`] is, or a slice that holds the event was read.
    pub events: Vec<Event>,
    /// Counts over the whole corpus, whichever parts are present.
    pub counts: Counts,
    parts: Parts,
    // Keys come from the validated data files; lookups are what is hot (every card names
    // its actors), so a fast hasher.
    document_index: FxHashMap<DocumentId, usize>,
    actor_index: FxHashMap<ActorId, usize>,
    place_index: FxHashMap<PlaceId, usize>,
    quote_index: FxHashMap<QuoteId, usize>,
    event_index: FxHashMap<EventId, usize>,
    /// For each actor, the events that involve it, ascending, each once: filtering the
    /// timeline by an actor visits its events instead of all of them.
    events_by_actor: FxHashMap<ActorId, Vec<usize>>,
    /// The quotes and events of each paragraph, made on first use: a quote's page shows
    /// its paragraph's events and an event's page its paragraph's quotes, and the build
    /// renders 110,000 such pages at newsroom scale, so each is a lookup, not a scan.
    by_paragraph: std::sync::OnceLock<ByParagraph>,
}

/// Quote and event numbers by (document number, paragraph), ascending.
#[derive(Clone, Debug, Default)]
struct ByParagraph {
    quotes: FxHashMap<(usize, u32), Vec<usize>>,
    events: FxHashMap<(usize, u32), Vec<usize>>,
}

fn index_by<T, K: Clone + Eq + std::hash::Hash>(items: &[T], key: impl Fn(&T) -> &K) -> FxHashMap<K, usize> {
    items.iter().enumerate().map(|(i, item)| (key(item).clone(), i)).collect()
}

impl Corpus {
    /// The actor whose name or one of whose aliases is `typed`, folded (case, diacritics,
    /// the Arabic article): "jolani" finds Ahmed al-Sharaa.
    pub fn actor_named(&self, typed: &str) -> Option<&Actor> {
        let typed = crate::core::fold::fold(typed.trim());
        if typed.is_empty() {
            return None;
        }
        self.actors.iter().find(|a| std::iter::once(&a.name).chain(&a.aliases).any(|n| crate::core::fold::fold(n) == typed))
    }

    /// Assembles validated parts, all of them. Callers outside `load` should not need this.
    pub(crate) fn assemble(
        documents: Vec<Document>,
        actors: Vec<Actor>,
        places: Vec<Place>,
        quotes: Vec<Quote>,
        mut events: Vec<Event>,
    ) -> Corpus {
        events.sort_by(|a, b| a.date.start.cmp(&b.date.start).then_with(|| a.date.end.cmp(&b.date.end)));
        let counts = Counts::of(&documents, &actors, &quotes, &events);
        Corpus::from_parts(Parts::ALL.without(Parts::INDEX), counts, documents, actors, places, quotes, events)
    }

    /// A corpus of some parts, with the counts of the whole (the data files' decoder
    /// builds the browser's corpus with it). `events` must already be in order.
    pub(crate) fn from_parts(
        parts: Parts,
        counts: Counts,
        documents: Vec<Document>,
        actors: Vec<Actor>,
        places: Vec<Place>,
        quotes: Vec<Quote>,
        events: Vec<Event>,
    ) -> Corpus {
        let mut events_by_actor: FxHashMap<ActorId, Vec<usize>> = FxHashMap::default();
        for (i, event) in events.iter().enumerate() {
            for a in &event.actors {
                // The id is cloned once an actor, not once an event (the browser makes
                // the corpus again at each data arrival).
                match events_by_actor.get_mut(&a.id) {
                    // An actor named twice in one event (two roles) lists the event once.
                    Some(list) if list.last() == Some(&i) => {}
                    Some(list) => list.push(i),
                    None => {
                        events_by_actor.insert(a.id.clone(), vec![i]);
                    }
                }
            }
        }
        Corpus {
            events_by_actor,
            by_paragraph: std::sync::OnceLock::new(),
            document_index: index_by(&documents, |d| &d.id),
            actor_index: index_by(&actors, |a| &a.id),
            place_index: index_by(&places, |p| &p.id),
            quote_index: index_by(&quotes, |q| &q.id),
            event_index: index_by(&events, |e| &e.id),
            counts,
            parts,
            documents,
            actors,
            places,
            quotes,
            events,
        }
    }

    /// Which parts this corpus holds.
    pub fn parts(&self) -> Parts {
        self.parts
    }

    /// How many quotes an actor speaks and how many events involve it, in the whole
    /// corpus (0 and 0 for an unknown id).
    pub fn actor_counts(&self, id: &ActorId) -> (usize, usize) {
        self.actor_index
            .get(id)
            .and_then(|&i| self.counts.by_actor.get(i))
            .map_or((0, 0), |&(q, e)| (q as usize, e as usize))
    }

    /// A document's paragraphs, quotes and events, in the whole corpus.
    pub fn document_counts(&self, id: &DocumentId) -> (usize, usize, usize) {
        self.document_index
            .get(id)
            .and_then(|&i| self.counts.by_document.get(i))
            .map_or((0, 0, 0), |&(p, q, e)| (p as usize, q as usize, e as usize))
    }

    pub fn document(&self, id: &DocumentId) -> Option<&Document> {
        self.document_index.get(id).map(|&i| &self.documents[i])
    }

    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actor_index.get(id).map(|&i| &self.actors[i])
    }

    pub fn place(&self, id: &PlaceId) -> Option<&Place> {
        self.place_index.get(id).map(|&i| &self.places[i])
    }

    pub fn quote(&self, id: &QuoteId) -> Option<&Quote> {
        self.quote_index.get(id).map(|&i| &self.quotes[i])
    }

    /// Where the quote `id` is in `quotes` (data shipped beside the records, such as
    /// citations, is in the same order).
    pub fn quote_number(&self, id: &QuoteId) -> Option<usize> {
        self.quote_index.get(id).copied()
    }

    /// Where the event `id` is in `events`.
    pub fn event_number(&self, id: &EventId) -> Option<usize> {
        self.event_index.get(id).copied()
    }

    /// Where the document `id` is in `documents`.
    pub fn document_number(&self, id: &DocumentId) -> Option<usize> {
        self.document_index.get(id).copied()
    }

    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.event_index.get(id).map(|&i| &self.events[i])
    }

    /// The indices of the events that involve `actor`, ascending (none for an unknown id).
    pub fn events_involving(&self, actor: &ActorId) -> &[usize] {
        self.events_by_actor.get(actor).map_or(&[], Vec::as_slice)
    }

    /// The paragraph index, made on first use.
    fn by_paragraph(&self) -> &ByParagraph {
        self.by_paragraph.get_or_init(|| {
            let mut index = ByParagraph::default();
            for (i, q) in self.quotes.iter().enumerate() {
                if let Some(d) = self.document_number(&q.document) {
                    index.quotes.entry((d, q.paragraph)).or_default().push(i);
                }
            }
            for (i, e) in self.events.iter().enumerate() {
                if let Some(d) = self.document_number(&e.document) {
                    index.events.entry((d, e.paragraph)).or_default().push(i);
                }
            }
            index
        })
    }

    /// The quotes in paragraph `n` of `document` that this corpus holds, in order.
    pub fn quotes_at(&self, document: &DocumentId, n: u32) -> impl Iterator<Item = &Quote> {
        let at = self.document_number(document).and_then(|d| self.by_paragraph().quotes.get(&(d, n)));
        at.into_iter().flatten().map(|&i| &self.quotes[i])
    }

    /// The events reported in paragraph `n` of `document` that this corpus holds, in
    /// chronological order.
    pub fn events_at(&self, document: &DocumentId, n: u32) -> impl Iterator<Item = &Event> {
        let at = self.document_number(document).and_then(|d| self.by_paragraph().events.get(&(d, n)));
        at.into_iter().flatten().map(|&i| &self.events[i])
    }

    /// The paragraph a quote or event points at (always present in a validated corpus).
    pub fn paragraph(&self, document: &DocumentId, n: u32) -> Option<&Paragraph> {
        self.document(document)?.paragraph(n)
    }

    /// The question an answer paragraph responds to: the nearest question before it.
    /// `None` for paragraphs that are not answers.
    pub fn question_before(&self, document: &DocumentId, n: u32) -> Option<&Paragraph> {
        let doc = self.document(document)?;
        if doc.paragraph(n)?.kind != ParagraphKind::Answer {
            return None;
        }
        doc.paragraphs.iter().rev().skip_while(|p| p.n >= n).find(|p| p.kind == ParagraphKind::Question)
    }

    /// The display name of an actor, or its id if unknown (never in a validated corpus).
    pub fn actor_name<'a>(&'a self, id: &'a ActorId) -> &'a str {
        self.actor(id).map_or(id.as_str(), |a| a.name.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_interview_names_each_answering_turn_and_each_new_asker() {
        let p = |n: u32, kind: ParagraphKind, speaker: Option<&str>| Paragraph { n, kind, text: String::new(), speaker: speaker.map(ActorId::new) };
        use ParagraphKind::{Answer, Body, Question};
        let shown = [
            p(1, Body, None),
            p(2, Answer, Some("guest")),
            p(3, Answer, Some("guest")),
            p(4, Question, Some("host")),
            p(5, Answer, Some("guest")),
            p(6, Answer, Some("guest")),
            p(7, Answer, Some("other")),
            p(8, Question, Some("host")),
            p(9, Answer, None),
            p(10, Answer, Some("guest")),
            p(11, Question, Some("second-host")),
            p(12, Body, None),
            p(13, Answer, Some("guest")),
        ];
        let refs: Vec<&Paragraph> = shown.iter().collect();
        let named = speakers_named(&refs);
        let named: Vec<Option<&str>> = named.iter().map(|s| s.as_ref().map(ActorId::as_str)).collect();
        assert_eq!(
            named,
            [None, Some("guest"), None, Some("host"), Some("guest"), None, Some("other"), None, None, Some("guest"), Some("second-host"), None, Some("guest")]
        );
    }

    #[test]
    fn slugs_are_lower_case_words_joined_by_single_hyphens() {
        for good in ["a", "asaad-al-shaibani", "fall-of-aleppo-2016", "x1"] {
            assert!(is_valid_slug(good), "{good}");
        }
        for bad in ["", "-a", "a-", "a--b", "Aleppo", "al_sharaa", "a b", "é", &"a".repeat(121)] {
            assert!(!is_valid_slug(bad), "{bad}");
        }
    }

    #[test]
    fn vocabularies_round_trip_their_wire_names() {
        for kind in QuoteKind::ALL {
            assert_eq!(QuoteKind::parse(kind.as_str()), Some(*kind));
        }
        assert_eq!(ActorKind::parse("organisation"), None);
        assert_eq!(Role::expected(), "participant, target, mediator, host, source, mentioned");
        assert_eq!(ActorKind::expected_in_links(), "person, state, organization (shown as Organisation), group, media (shown as News outlet)");
    }
}
