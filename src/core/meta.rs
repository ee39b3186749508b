//! What each page is called and how it is described: the `<title>` the app sets and the
//! title, description and preview tags the static build writes. One source, so a page
//! opened cold and the same page rendered by the app never disagree.

use crate::core::model::Corpus;
use crate::core::route::{part_span, parts_of, ActorMatch, Page, QuoteQuery, TimelineQuery};
use crate::core::stats::summary;
use crate::core::text::shorten;

/// The product name, used as the title suffix and the preview's site name.
pub const SITE_NAME: &str = "Dossier";

/// How a page presents itself to browsers, search engines and link previews.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PageMeta {
    /// The page's own title ("Timeline"); empty for the home page.
    pub title: String,
    /// One or two sentences for search results and preview cards.
    pub description: String,
    /// Open Graph type: `article` for a quote or an event, `website` otherwise.
    pub og_type: &'static str,
}

impl PageMeta {
    /// The document title: "Timeline · Dossier", or "Dossier" for the home page.
    pub fn full_title(&self) -> String {
        full_title(&self.title)
    }
}

/// The document title for a page title.
pub fn full_title(title: &str) -> String {
    if title.is_empty() {
        SITE_NAME.to_owned()
    } else {
        format!("{title} · {SITE_NAME}")
    }
}

/// The page's own title, as the app shows it in the tab. Unknown ids get the title of
/// the "not found" message the page shows.
pub fn page_title(corpus: &Corpus, page: &Page) -> String {
    meta(corpus, page).title
}

/// Title, description and type of a page.
pub fn meta(corpus: &Corpus, page: &Page) -> PageMeta {
    let s = summary(corpus);
    let website = |title: &str, description: String| PageMeta { title: title.to_owned(), description, og_type: "website" };
    match page {
        Page::Home => website(
            "",
            format!(
                "What was said and what happened, verbatim from {} source documents: {} quotes and {} events, searchable and filterable by actor, date and document.",
                s.documents, s.quotes, s.events
            ),
        ),
        Page::Quotes => website(
            "Quotes",
            format!("Search {} verbatim quotes by words, names in any spelling or exact phrase, filtered by speaker, document and kind.", s.quotes),
        ),
        Page::Timeline => website(
            "Timeline",
            format!("{} events in chronological order with honest dates, filterable by actor, date and document.", s.events),
        ),
        Page::Actors => website("Actors", format!("{} people, states, organisations, armed groups and news outlets, with their quotes and events.", s.actors)),
        Page::Documents => website("Documents", format!("The {} source documents, paragraph by paragraph.", s.documents)),
        Page::Quote(id) => match corpus.quote(id) {
            Some(quote) => {
                // Reported speech names who recounts it (the words are theirs).
                let (speaker, recounted) = (corpus.actor_name(&quote.speaker), crate::core::cite::recounted(corpus, quote));
                let when = quote.said_on.as_ref().map(|d| format!(", {}", d.display_noting_inference())).unwrap_or_default();
                let source = corpus.document(&quote.document).map(|d| format!(" In “{}”.", d.title)).unwrap_or_default();
                PageMeta {
                    title: format!("{speaker}{recounted}: “{}”", shorten(&quote.text, 60)),
                    description: {
                        let words = shorten(&quote.text, 220);
                        let end = if source.is_empty() { "" } else { crate::core::cite::sentence_end(&words) };
                        format!("{speaker}{when}{recounted}: “{words}”{end}{source}")
                    },
                    og_type: "article",
                }
            }
            None => missing("quote"),
        },
        Page::Event(id) => match corpus.event(id) {
            Some(event) => PageMeta {
                title: event.title.clone(),
                description: format!("{}. {}", event.date.display_noting_inference(), shorten(&event.evidence, 220)),
                og_type: "article",
            },
            None => missing("event"),
        },
        Page::Actor(id) => match corpus.actor(id) {
            Some(actor) => {
                let (quotes, events) = corpus.actor_counts(&actor.id);
                website(
                    &actor.name,
                    format!("{} {} quote{}, {} event{}.", actor.description, quotes, plural(quotes), events, plural(events)),
                )
            }
            None => missing("actor"),
        },
        Page::Document(id, part) => match corpus.document(id) {
            Some(doc) if *part <= parts_of(corpus.document_counts(&doc.id).0) => {
                let publisher = doc.publisher.clone().unwrap_or_else(|| "publisher not stated".to_owned());
                let paragraphs = corpus.document_counts(&doc.id).0;
                if parts_of(paragraphs) == 1 {
                    website(&doc.title, format!("The full text of “{}” ({}, {}), {} paragraphs, with its quotes marked.", doc.title, doc.kind, publisher, paragraphs))
                } else {
                    let (first, last) = part_span(*part, paragraphs);
                    website(
                        &format!("{} (paragraphs {first}–{last})", doc.title),
                        format!("Paragraphs {first} to {last} of the {paragraphs} of “{}” ({}, {}), with their quotes marked.", doc.title, doc.kind, publisher),
                    )
                }
            }
            Some(doc) => PageMeta {
                title: "No such part of this document".to_owned(),
                description: format!("“{}” has no part {part}.", doc.title),
                og_type: "website",
            },
            None => missing("document"),
        },
        Page::NotFound(_) => website("Page not found", "This address is not a page of this dossier.".to_owned()),
    }
}

/// The timeline's filters in words, printed in place of its form (which paper does not
/// show): "Events involving Russia or Turkey, with an actor of the kind State, reported
/// in “…”, from November 2024 to December 2024." `None` with no filter.
pub fn timeline_filters(corpus: &Corpus, q: &TimelineQuery) -> Option<String> {
    let mut parts = Vec::new();
    if !q.actors.is_empty() {
        let names: Vec<&str> = q.actors.iter().map(|a| corpus.actor_name(a)).collect();
        let joiner = match q.match_mode {
            ActorMatch::Any => "or",
            ActorMatch::All => "and",
        };
        parts.push(format!("involving {}", listed(&names, joiner)));
    }
    if let Some(kind) = q.kind {
        parts.push(format!("with an actor of the kind {}", kind.label()));
    }
    if let Some(doc) = &q.doc {
        parts.push(format!("reported in “{}”", corpus.document(doc).map_or(doc.as_str(), |d| d.title.as_str())));
    }
    match (q.from, q.to) {
        (Some(from), Some(to)) => parts.push(format!("from {} to {}", from.display(), to.display())),
        (Some(from), None) => parts.push(format!("from {} on", from.display())),
        (None, Some(to)) => parts.push(format!("up to {}", to.display())),
        (None, None) => {}
    }
    (!parts.is_empty()).then(|| format!("Events {}.", parts.join(", ")))
}

/// The quotes page's filters in words, printed in place of its search box and facets:
/// "Quotes found by “Putin”, said by Ahmed al-Sharaa, of the kind Interview answer, in
/// “…”." `None` with no filter.
pub fn quote_filters(corpus: &Corpus, q: &QuoteQuery) -> Option<String> {
    let mut parts = Vec::new();
    let words = q.q.trim();
    if !words.is_empty() {
        parts.push(format!("found by “{words}”"));
    }
    if !q.speakers.is_empty() {
        let names: Vec<&str> = q.speakers.iter().map(|a| corpus.actor_name(a)).collect();
        parts.push(format!("said by {}", listed(&names, "or")));
    }
    if let Some(kind) = q.kind {
        parts.push(format!("of the kind {}", kind.label()));
    }
    if let Some(doc) = &q.doc {
        parts.push(format!("in “{}”", corpus.document(doc).map_or(doc.as_str(), |d| d.title.as_str())));
    }
    (!parts.is_empty()).then(|| format!("Quotes {}.", parts.join(", ")))
}

/// "A", "A or B", "A, B or C".
fn listed(names: &[&str], joiner: &str) -> String {
    match names.split_last() {
        None => String::new(),
        Some((last, [])) => (*last).to_owned(),
        Some((last, rest)) => format!("{} {joiner} {last}", rest.join(", ")),
    }
}

fn missing(what: &str) -> PageMeta {
    PageMeta {
        title: format!("No such {what}"),
        description: format!("No {what} with this id is in this dossier."),
        og_type: "website",
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}
