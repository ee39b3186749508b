//! The typed, validated corpus the rest of the program trusts.
//!
//! Values here are only made by [`crate::core::load`], after every check has passed, so
//! code that holds a [`Corpus`] may assume: ids are unique, every reference resolves,
//! every quote and piece of evidence is an exact substring of its paragraph.

use rustc_hash::FxHashMap;
use std::fmt;

use crate::core::date::DateSpec;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub struct $name(String);

        impl $name {
            /// Wraps a string without checking it; ids from data files are checked by
            /// [`is_valid_slug`] in the loader, ids from URLs are looked up and may miss.
            pub fn new(s: impl Into<String>) -> $name {
                $name(s.into())
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
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct Paragraph {
    /// 1-based position in the document.
    pub n: u32,
    pub kind: ParagraphKind,
    pub text: String,
    pub speaker: Option<ActorId>,
}

#[derive(Clone, Debug, PartialEq)]
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
    /// The paragraph numbered `n`, if there is one.
    pub fn paragraph(&self, n: u32) -> Option<&Paragraph> {
        let index = usize::try_from(n).ok()?.checked_sub(1)?;
        self.paragraphs.get(index).filter(|p| p.n == n)
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    pub kind: ActorKind,
    pub aliases: Vec<String>,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    pub id: PlaceId,
    pub name: String,
    pub kind: PlaceKind,
    pub aliases: Vec<String>,
    pub description: String,
}

#[derive(Clone, Debug, PartialEq)]
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

#[derive(Clone, Debug, PartialEq)]
pub struct EventActor {
    pub id: ActorId,
    pub role: Role,
}

#[derive(Clone, Debug, PartialEq)]
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

/// The whole validated dataset with lookups by id. Build it with [`crate::core::load`].
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub actors: Vec<Actor>,
    pub places: Vec<Place>,
    pub quotes: Vec<Quote>,
    /// Sorted chronologically (stable: ties keep file order).
    pub events: Vec<Event>,
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

    /// Assembles validated parts. Callers outside `load` should not need this.
    pub(crate) fn assemble(
        documents: Vec<Document>,
        actors: Vec<Actor>,
        places: Vec<Place>,
        quotes: Vec<Quote>,
        mut events: Vec<Event>,
    ) -> Corpus {
        events.sort_by(|a, b| a.date.start.cmp(&b.date.start).then_with(|| a.date.end.cmp(&b.date.end)));
        let mut events_by_actor: FxHashMap<ActorId, Vec<usize>> = FxHashMap::default();
        for (i, event) in events.iter().enumerate() {
            for a in &event.actors {
                let list = events_by_actor.entry(a.id.clone()).or_default();
                // An actor named twice in one event (two roles) lists the event once.
                if list.last() != Some(&i) {
                    list.push(i);
                }
            }
        }
        Corpus {
            events_by_actor,
            document_index: index_by(&documents, |d| &d.id),
            actor_index: index_by(&actors, |a| &a.id),
            place_index: index_by(&places, |p| &p.id),
            quote_index: index_by(&quotes, |q| &q.id),
            event_index: index_by(&events, |e| &e.id),
            documents,
            actors,
            places,
            quotes,
            events,
        }
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

    pub fn event(&self, id: &EventId) -> Option<&Event> {
        self.event_index.get(id).map(|&i| &self.events[i])
    }

    /// The indices of the events that involve `actor`, ascending (none for an unknown id).
    pub fn events_involving(&self, actor: &ActorId) -> &[usize] {
        self.events_by_actor.get(actor).map_or(&[], Vec::as_slice)
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
        doc.paragraphs[..usize::try_from(n).ok()? - 1].iter().rev().find(|p| p.kind == ParagraphKind::Question)
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
    }
}
