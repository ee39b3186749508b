//! Citations people paste into articles and footnotes: who said what, where and when,
//! as far as the sources say, with the Dossier link.

use crate::core::model::{Corpus, Document, Event, Quote};

/// Where a document was published, as far as known: "Al Majalla, 31 July 2025", or the
/// explicit unknowns ("publisher not stated, publication date not stated").
fn publication(doc: &Document) -> String {
    let publisher = doc.publisher.clone().unwrap_or_else(|| "publisher not stated".to_owned());
    let date = doc.published.as_ref().map_or_else(|| "publication date not stated".to_owned(), |d| d.display());
    let author = doc.author.as_ref().map(|a| format!("{a}, ")).unwrap_or_default();
    format!("{author}“{}”, {publisher}, {date}", doc.title)
}

/// A citation for a quote: speaker, words, when said, source and paragraph, URL.
pub fn quote_citation(corpus: &Corpus, quote: &Quote, url: &str) -> String {
    let speaker = corpus.actor_name(&quote.speaker);
    let to = quote.said_to.as_ref().map(|a| format!(" to {}", corpus.actor_name(a))).unwrap_or_default();
    let when = quote.said_on.as_ref().map(|d| format!(", {}", d.display())).unwrap_or_default();
    let source = corpus.document(&quote.document).map(publication).unwrap_or_default();
    format!("{speaker}{to}{when}: “{}” In {source}, paragraph {}. Dossier: {url}", quote.text, quote.paragraph)
}

/// A citation for an event: title, date, the source passage's document and paragraph, URL.
pub fn event_citation(corpus: &Corpus, event: &Event, url: &str) -> String {
    let source = corpus.document(&event.document).map(publication).unwrap_or_default();
    format!("{} ({}). Source: {source}, paragraph {}. Dossier: {url}", event.title, event.date.display(), event.paragraph)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{load, CorpusFiles};
    use crate::core::model::{EventId, QuoteId};

    #[test]
    fn citations_name_speaker_source_and_unknowns() {
        let corpus = load(&CorpusFiles::bundled()).unwrap();
        let quote = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap();
        assert_eq!(
            quote_citation(&corpus, quote, "https://example.org/quotes/shaibani-48-hours"),
            "Asaad al-Shaibani to Russia, 26 November – 8 December 2024: “48 hours” In Ibrahim Hamidi, \
             “Asaad al-Shaibani on how Syria untangled its Russian knot”, Al Majalla, publication date not stated, \
             paragraph 71. Dossier: https://example.org/quotes/shaibani-48-hours"
        );
        let anadolu = corpus.quote(&QuoteId::new("anadolu-russia-peaceful-means")).unwrap();
        let cite = quote_citation(&corpus, anadolu, "u");
        assert!(cite.starts_with("Anadolu Agency: “The Russian side"), "{cite}");
        assert!(cite.contains("publisher not stated, publication date not stated"), "{cite}");
        if let Some(event) = corpus.events.first() {
            let cite = event_citation(&corpus, corpus.event(&EventId::new(event.id.as_str())).unwrap(), "u");
            assert!(cite.contains(&event.date.display()));
        }
    }
}
