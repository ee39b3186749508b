//! The search index as bytes (`QuoteIndex::to_bytes` / `from_bytes`): it reads back as
//! the same index, and any other bytes are refused with a reason, never a panic.

use dossier::core::load::load;
use dossier::core::model::Corpus;
use dossier::core::route::QuoteQuery;
use dossier::core::search::QuoteIndex;
use proptest::prelude::*;
use proptest::test_runner::Config;

use super::corpus;

fn synthetic(quotes: usize) -> Corpus {
    let (files, _) = dossier::synth::corpus(quotes, 3);
    load(&files).expect("the synthetic corpus is valid")
}

#[test]
fn bytes_read_back_as_the_same_index() {
    for c in [corpus(), synthetic(2_000)] {
        let built = QuoteIndex::new(&c);
        let bytes = built.to_bytes(&c);
        let loaded = QuoteIndex::from_bytes(&c, &bytes).expect("its own bytes load");
        assert_eq!(loaded, built);
        // And answers alike, highlights included (they are worked out from the text).
        for text in ["Hmeimim", "\"48 hours\"", "lavorv", "al-Shaybani", "turkiye negot", ""] {
            let query = QuoteQuery { q: text.into(), ..QuoteQuery::default() };
            assert_eq!(loaded.search(&c, &query), built.search(&c, &query), "{text:?}");
        }
    }
}

#[test]
fn the_index_is_smaller_than_the_text_it_indexes() {
    let c = synthetic(2_000);
    let bytes = QuoteIndex::new(&c).to_bytes(&c);
    let text: usize = c.quotes.iter().map(|q| q.text.len()).sum();
    assert!(bytes.len() < text / 2, "{} bytes of index for {text} bytes of quotes", bytes.len());
}

#[test]
fn bytes_for_other_data_are_refused_with_a_reason() {
    let c = corpus();
    let bytes = QuoteIndex::new(&c).to_bytes(&c);
    let mut edited = c.clone();
    edited.quotes[0].text.push_str(" more");
    let err = QuoteIndex::from_bytes(&edited, &bytes).unwrap_err();
    assert!(err.to_string().contains("built from other quotes"), "{err}");
    let mut renamed = c.clone();
    renamed.actors[0].aliases.push("Someone Else".into());
    assert!(QuoteIndex::from_bytes(&renamed, &bytes).is_err());
    let other = synthetic(10);
    assert!(QuoteIndex::from_bytes(&other, &bytes).is_err());
    let mut version = bytes.clone();
    version[4] = 99;
    assert!(QuoteIndex::from_bytes(&c, &version).unwrap_err().to_string().contains("format version 99"));
    assert!(QuoteIndex::from_bytes(&c, b"").unwrap_err().to_string().contains("truncated"));
    assert!(QuoteIndex::from_bytes(&c, b"<html>").unwrap_err().to_string().contains("magic"));
}

#[test]
fn every_truncation_and_trailing_garbage_is_refused() {
    let c = corpus();
    let bytes = QuoteIndex::new(&c).to_bytes(&c);
    // Every cut of the header and the vocabulary's start, then every 97th byte.
    for cut in (0..bytes.len()).filter(|&n| n < 400 || n % 97 == 0) {
        assert!(QuoteIndex::from_bytes(&c, &bytes[..cut]).is_err(), "cut at {cut} of {}", bytes.len());
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(QuoteIndex::from_bytes(&c, &longer).unwrap_err().to_string().contains("after the end"));
}

/// The bundled corpus and its index's bytes, made once for every case.
fn shared() -> &'static (Corpus, Vec<u8>) {
    static SHARED: std::sync::OnceLock<(Corpus, Vec<u8>)> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let c = corpus();
        let bytes = QuoteIndex::new(&c).to_bytes(&c);
        (c, bytes)
    })
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Corrupting bytes of a real index (or any bytes at all) gives an error or an index,
    /// never a panic; an index that loads answers a search without panicking.
    #[test]
    fn corrupt_bytes_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), junk in proptest::collection::vec(any::<u8>(), 0..64)) {
        let (c, good) = shared();
        let mut bytes = good.clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Ok(index) = QuoteIndex::from_bytes(c, &bytes) {
            let _ = index.search(c, &QuoteQuery { q: "Moscow bases".into(), ..QuoteQuery::default() });
        }
        let _ = QuoteIndex::from_bytes(c, &junk);
    }
}
