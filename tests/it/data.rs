//! The bundled corpus: it loads through the checker, and its claims stand in the sources.

use std::collections::HashSet;

use dossier::core::load::{load, CorpusFiles};
use dossier::core::model::{ParagraphKind, QuoteKind};

use super::{corpus, root};

#[test]
fn bundled_data_passes_every_check() {
    let c = corpus();
    assert_eq!(c.documents.len(), 2);
    assert!(c.quotes.len() >= 50, "only {} quotes", c.quotes.len());
}

#[test]
fn the_browser_loads_the_same_corpus_without_sources() {
    let in_browser = load(&CorpusFiles::bundled()).expect("bundled files load");
    let checked = corpus();
    assert_eq!(in_browser.quotes, checked.quotes);
    assert_eq!(in_browser.events, checked.events);
}

#[test]
fn every_quote_is_verbatim_in_its_source_file() {
    let c = corpus();
    for q in &c.quotes {
        let doc = c.document(&q.document).unwrap();
        let source = std::fs::read_to_string(root("data/sources").join(&doc.source)).unwrap();
        assert!(source.contains(&q.text), "{}: not verbatim in {}", q.id, doc.source);
        assert!(c.paragraph(&q.document, q.paragraph).unwrap().text.contains(&q.text), "{}", q.id);
    }
}

#[test]
fn every_event_cites_verbatim_evidence() {
    let c = corpus();
    for e in &c.events {
        let p = c.paragraph(&e.document, e.paragraph).unwrap();
        assert!(p.text.contains(&e.evidence), "{}", e.id);
    }
}

#[test]
fn sources_are_the_published_seeds_unchanged() {
    let seeds = root("../shared/seeds");
    let Ok(entries) = std::fs::read_dir(&seeds) else {
        // shared/ sits beside the checkout on the team's machines and in CI; elsewhere the
        // copies in data/sources are the record.
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let copy = std::fs::read(root("data/sources").join(&name)).expect("every seed is in data/sources");
        assert_eq!(copy, std::fs::read(entry.path()).unwrap(), "{name:?} differs from the seed");
    }
}

#[test]
fn every_interview_answer_paragraph_is_quotable() {
    let c = corpus();
    for doc in &c.documents {
        for p in doc.paragraphs.iter().filter(|p| p.kind == ParagraphKind::Answer) {
            let covered = c
                .quotes
                .iter()
                .any(|q| q.document == doc.id && q.paragraph == p.n && q.kind == QuoteKind::InterviewAnswer);
            assert!(covered, "{} paragraph {} is an answer with no quote", doc.id, p.n);
        }
    }
}

#[test]
fn every_pull_quote_is_a_quote_attributed_to_its_speaker() {
    let c = corpus();
    for doc in &c.documents {
        for p in doc.paragraphs.iter().filter(|p| p.kind == ParagraphKind::PullQuote) {
            let quote = c
                .quotes
                .iter()
                .find(|q| q.document == doc.id && q.paragraph == p.n && q.kind == QuoteKind::PullQuote)
                .unwrap_or_else(|| panic!("{} paragraph {} has no pull-quote", doc.id, p.n));
            assert_eq!(Some(&quote.speaker), p.speaker.as_ref());
        }
    }
}

// Regression guard for the worst bug we can ship: the wire-agency quotes of the Moscow
// analysis are Anadolu's and AFP's, not al-Shaibani's or Putin's.
#[test]
fn agency_quotes_are_attributed_to_the_agencies() {
    let c = corpus();
    let speaker = |id: &str| c.quote(&dossier::core::model::QuoteId::new(id)).unwrap().speaker.to_string();
    assert_eq!(speaker("anadolu-russia-peaceful-means"), "anadolu-agency");
    assert_eq!(speaker("anadolu-putin-syria-unity"), "anadolu-agency");
    assert_eq!(speaker("afp-baku-continuation-of-talks"), "afp");
}

#[test]
fn every_quoted_passage_in_the_sources_is_captured() {
    // Each run of text between curly double quotes is a quotation; each must fall inside
    // some quote of the corpus, or be a phrase deliberately left out (a label, not speech).
    let not_speech: HashSet<&str> = ["Russian knot,"].into();
    let c = corpus();
    for doc in &c.documents {
        for p in &doc.paragraphs {
            for piece in p.text.split('“').skip(1) {
                let inner = piece.split('”').next().unwrap();
                if not_speech.contains(inner) {
                    continue;
                }
                let inner = inner.trim_end_matches([',', '.']);
                let found = c.quotes.iter().any(|q| q.document == doc.id && q.paragraph == p.n && q.text.contains(inner));
                assert!(found, "{} paragraph {}: “{inner}” is not in any quote", doc.id, p.n);
            }
        }
    }
}

#[test]
fn every_interview_answer_quote_names_the_question_just_before_it() {
    let c = corpus();
    for q in c.quotes.iter().filter(|q| q.kind == QuoteKind::InterviewAnswer) {
        let before = c.question_before(&q.document, q.paragraph).map(|p| p.n);
        assert_eq!(q.question, before, "{}", q.id);
    }
}

#[test]
fn there_are_well_over_fifty_events() {
    assert!(corpus().events.len() > 50);
}

// "Never invent a day or month": a date must either be written in its evidence or say
// how it was derived.
#[test]
fn every_event_date_is_in_its_evidence_or_says_how_it_was_derived() {
    const MONTHS: [&str; 12] = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December",
    ];
    let c = corpus();
    for e in &c.events {
        if e.date.derivation.is_some() {
            continue;
        }
        let written = |d: &dossier::core::date::PartialDate| {
            let year = d.year_value().to_string();
            let short_year = format!("-{}", d.year_value() % 100);
            let year_ok = e.evidence.contains(&year) || e.evidence.contains(&short_year);
            let month_ok = d.month_value().is_none_or(|m| e.evidence.contains(MONTHS[usize::from(m) - 1]));
            let day_ok = d.day_value().is_none_or(|day| e.evidence.contains(&day.to_string()));
            year_ok && month_ok && day_ok
        };
        assert!(written(&e.date.start), "{}: {} is not in the evidence and has no derivation", e.id, e.date.start.iso());
        if let Some(end) = &e.date.end {
            assert!(written(end), "{}: end {} is not in the evidence and has no derivation", e.id, end.iso());
        }
    }
}

// The source dates the March 2020 ceasefire "in Sochi"; the record keeps the text's place
// and says that the source may be wrong.
#[test]
fn source_errors_are_recorded_as_given_with_a_note() {
    let c = corpus();
    let ceasefire = c.events.iter().find(|e| e.evidence.contains("March 2020 ceasefire in Sochi")).expect("the ceasefire event");
    assert_eq!(ceasefire.date.start.iso(), "2020-03");
    assert!(ceasefire.places.iter().any(|p| p.as_str() == "sochi"));
    assert!(ceasefire.notes.as_deref().is_some_and(|n| n.contains("Moscow")));
}

#[test]
fn a_paragraphs_quotes_and_events_are_looked_up_as_a_scan_finds_them() {
    use dossier::core::model::{DocumentId, Quote, Event};
    let (synthetic, _) = dossier::synth::corpus_with_events(300, 120, 7);
    for c in [corpus(), load(&synthetic).expect("the synthetic corpus is valid")] {
        let mut shared = 0;
        let places: HashSet<(DocumentId, u32)> =
            c.quotes.iter().map(|q| (q.document.clone(), q.paragraph)).chain(c.events.iter().map(|e| (e.document.clone(), e.paragraph))).collect();
        for (doc, n) in &places {
            let quotes: Vec<&Quote> = c.quotes.iter().filter(|q| q.document == *doc && q.paragraph == *n).collect();
            let events: Vec<&Event> = c.events.iter().filter(|e| e.document == *doc && e.paragraph == *n).collect();
            assert_eq!(c.quotes_at(doc, *n).collect::<Vec<_>>(), quotes, "quotes of {doc} ¶{n}");
            assert_eq!(c.events_at(doc, *n).collect::<Vec<_>>(), events, "events of {doc} ¶{n}");
            shared += usize::from(!quotes.is_empty() && !events.is_empty());
        }
        assert!(shared > 0, "no paragraph holds both a quote and an event: the lookup is not exercised");
        let unknown = DocumentId::new("no-such-document");
        assert_eq!(c.quotes_at(&unknown, 1).count() + c.events_at(&unknown, 1).count(), 0);
        assert_eq!(c.quotes_at(&c.documents[0].id, u32::MAX).count(), 0);
    }
}
