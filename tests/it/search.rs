//! Quote search on the bundled corpus, case by case.

use dossier::core::model::{ActorId, Corpus, QuoteKind};
use dossier::core::route::{QuoteQuery, QuoteSort};
use dossier::core::search::{highlight_pieces, QuoteIndex};

use super::corpus;

fn ids(c: &Corpus, query: QuoteQuery) -> Vec<String> {
    QuoteIndex::new(c).search(c, &query).iter().map(|h| c.quotes[h.quote].id.to_string()).collect()
}

fn q(text: &str) -> QuoteQuery {
    QuoteQuery { q: text.into(), ..QuoteQuery::default() }
}

/// Every hit's quote text, folded, contains each expected word.
fn check_all_contain(text: &str, needle: &str) {
    let c = corpus();
    let hits = ids(&c, q(text));
    assert!(!hits.is_empty(), "{text:?} found nothing");
    for id in hits {
        let quote = c.quote(&dossier::core::model::QuoteId::new(&id)).unwrap();
        assert!(dossier::core::fold::fold(&quote.text).contains(needle), "{text:?} found {id}");
    }
}

#[test]
fn empty_query_lists_every_quote_in_document_order() {
    let c = corpus();
    let all = ids(&c, q(""));
    let expected: Vec<String> = c.quotes.iter().map(|q| q.id.to_string()).collect();
    assert_eq!(all, expected);
}

#[test]
fn folds_diacritics_and_case() {
    check_all_contain("TURKIYE", "turkiye");
    check_all_contain("naivete", "naivete");
}

#[test]
fn last_word_matches_as_a_prefix_while_typing() {
    check_all_contain("hmei", "hmeimim");
    // A finished word (followed by a space) must match whole.
    let c = corpus();
    assert!(ids(&c, q("hmei ")).is_empty());
}

#[test]
fn every_word_must_match() {
    let c = corpus();
    let both = ids(&c, q("Aleppo 2016"));
    assert!(both.contains(&"shaibani-how-many-times-aleppo".to_owned()), "{both:?}");
    for id in &both {
        let text = &c.quote(&dossier::core::model::QuoteId::new(id)).unwrap().text;
        assert!(text.contains("Aleppo") && text.contains("2016"), "{id}");
    }
}

#[test]
fn a_speaker_name_finds_their_quotes() {
    let c = corpus();
    let anadolu = ids(&c, q("anadolu"));
    assert_eq!(anadolu, ["anadolu-russia-peaceful-means", "anadolu-putin-syria-unity"]);
}

#[test]
fn filters_narrow_results() {
    let c = corpus();
    let query = QuoteQuery { speakers: vec![ActorId::new("afp")], ..QuoteQuery::default() };
    assert_eq!(ids(&c, query), ["afp-baku-continuation-of-talks"]);
    let pulls = ids(&c, QuoteQuery { kind: Some(QuoteKind::PullQuote), ..QuoteQuery::default() });
    assert_eq!(pulls.len(), 3);
}

#[test]
fn sort_by_date_puts_unknown_dates_last() {
    let c = corpus();
    let sorted = ids(&c, QuoteQuery { sort: QuoteSort::Date, ..QuoteQuery::default() });
    let last = c.quote(&dossier::core::model::QuoteId::new(sorted.last().unwrap())).unwrap();
    assert!(last.said_on.is_none());
    let first = c.quote(&dossier::core::model::QuoteId::new(&sorted[0])).unwrap();
    assert_eq!(first.said_on.as_ref().unwrap().start.year_value(), 2024);
}

#[test]
fn hostile_queries_are_just_text() {
    let c = corpus();
    let long = "x".repeat(10_000);
    for text in ["<script>alert(1)</script>", ".*", "(((", "\\", "٤٨ ساعة", "🙂", "\u{0}", "\u{202e}", long.as_str()] {
        let hits = ids(&c, q(text));
        assert!(hits.len() <= c.quotes.len());
    }
    assert!(ids(&c, q("<script>")).is_empty());
}

#[test]
fn highlights_mark_the_matched_words_as_written() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    let hits = index.search(&c, &q("turkiye"));
    let quote = &c.quotes[hits[0].quote];
    let marked: Vec<&str> =
        highlight_pieces(&quote.text, &hits[0].highlights).into_iter().filter(|(_, m)| *m).map(|(s, _)| s).collect();
    assert!(marked.iter().all(|m| *m == "Türkiye" || *m == "Türkiye,"), "{marked:?}");
    assert!(!marked.is_empty());
}
