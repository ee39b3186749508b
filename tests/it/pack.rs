//! The data files (`core::pack`): the corpus the browser decodes is the corpus the build
//! checked, whatever the shard size; every page rendered from only the parts it fetches is
//! the page rendered from the whole corpus; bad bytes are refused with a reason, never a
//! panic.

use std::sync::Arc;

use dossier::core::cite::{styled_all, Citations};
use dossier::core::model::{Corpus, Parts};
use dossier::core::pack::{encode, parts_for, read_manifest, read_shard, DataFile, Kind, Manifest, Shelf};
use dossier::core::route::every_page;
use dossier::core::search::QuoteIndex;
use dossier::core::site::BaseUrl;
use dossier::ui::data::CorpusContext;
use dossier::ui::render::{init, render_page};

use super::corpus;

fn files(c: &Corpus, max_records: usize) -> (Manifest, Vec<DataFile>) {
    let index = QuoteIndex::new(c).to_bytes(c);
    let files = encode(c, index, &citations(c), Some("https://d.example"), true, max_records).unwrap();
    let manifest = read_manifest(&files[0].name, &files[0].bytes).unwrap();
    (manifest, files)
}

/// The citations the build renders, for the site at https://d.example.
fn citations(c: &Corpus) -> Citations {
    styled_all(c, &BaseUrl::new(Some("https://d.example")))
}

/// A shelf holding the shards of `parts`.
fn shelf(manifest: &Manifest, files: &[DataFile], parts: Parts) -> Shelf {
    let mut shelf = Shelf::default();
    for shard in manifest.shards_for(parts) {
        let file = files.iter().find(|f| f.name == shard.file).unwrap();
        shelf.put(shard, read_shard(shard, &file.bytes).unwrap());
    }
    shelf
}

fn assert_same(a: &Corpus, b: &Corpus) {
    assert_eq!(a.documents, b.documents);
    assert_eq!(a.actors, b.actors);
    assert_eq!(a.places, b.places);
    assert_eq!(a.quotes, b.quotes);
    assert_eq!(a.events, b.events);
    assert_eq!(a.counts, b.counts);
}

#[test]
fn the_decoded_corpus_is_the_checked_corpus_whatever_the_shard_size() {
    let c = corpus();
    for max_records in [1, 7, 5_000] {
        let (manifest, files) = files(&c, max_records);
        assert_eq!(manifest.base_url.as_deref(), Some("https://d.example"));
        let quote_shards = manifest.shards.iter().filter(|s| s.kind == Kind::Quotes).count();
        assert_eq!(quote_shards, c.quotes.len().div_ceil(max_records));
        let shelf = shelf(&manifest, &files, Parts::ALL);
        assert_eq!(shelf.parts(&manifest), Parts::ALL);
        let decoded = shelf.corpus(&manifest).unwrap();
        assert_same(&decoded, &c);
        // The shipped index answers as one built from the corpus.
        assert_eq!(shelf.citations().unwrap(), Some(&citations(&c)));
        let index = QuoteIndex::from_bytes(&decoded, shelf.index().unwrap()).unwrap();
        let q = dossier::core::route::QuoteQuery { q: "aleppo".into(), ..Default::default() };
        assert_eq!(index.search(&decoded, &q), QuoteIndex::new(&c).search(&c, &q));
    }
}

#[test]
fn names_are_content_addressed_and_stable() {
    let c = corpus();
    let (a, _) = files(&c, 5_000);
    let (b, _) = files(&c, 5_000);
    assert_eq!(a, b, "the same corpus writes the same files");
    let mut changed = c.clone();
    changed.events[0].title.push('!');
    let (d, _) = files(&changed, 5_000);
    let name = |m: &Manifest, k: Kind| m.shards.iter().find(|s| s.kind == k).unwrap().file.clone();
    assert_ne!(name(&a, Kind::Events), name(&d, Kind::Events), "a changed shard gets a new name");
    assert_eq!(name(&a, Kind::Quotes), name(&d, Kind::Quotes), "an unchanged one keeps its name (and cache)");
}

#[test]
fn every_page_rendered_from_its_own_parts_is_the_page_rendered_from_the_whole_corpus() {
    init();
    let c = corpus();
    let (manifest, files) = files(&c, 5_000);
    let whole = CorpusContext::with_index(Arc::new(c.clone()), QuoteIndex::new(&c), BaseUrl::default())
        .with_citations(Some(Arc::new(citations(&c))))
        .with_previews(true);
    let shell = "<html><head><!--HEAD--></head><body></body></html>";
    let mut cache: Vec<(Parts, CorpusContext)> = Vec::new();
    for route in every_page(&c).into_iter().chain([dossier::core::route::Route::NotFound { path: String::new() }]) {
        let parts = parts_for(&route.page());
        let ctx = match cache.iter().find(|(p, _)| *p == parts) {
            Some((_, ctx)) => ctx.clone(),
            None => {
                let shelf = shelf(&manifest, &files, parts);
                let cites = shelf.citations().unwrap().cloned().map(Arc::new);
                let ctx = CorpusContext::new(shelf.corpus(&manifest).unwrap(), shelf.index().map(Arc::from), BaseUrl::default())
                    .with_citations(cites)
                    .with_previews(manifest.previews);
                assert!(ctx.parts().contains(parts), "{parts:?}");
                cache.push((parts, ctx.clone()));
                ctx
            }
        };
        let partial = render_page(shell, &ctx, &route, "").unwrap();
        let full = render_page(shell, &whole, &route, "").unwrap();
        assert_eq!(partial, full, "{} renders otherwise from its parts {parts:?}", route.href());
    }
}

#[test]
fn a_page_lacking_a_part_says_it_is_loading_instead_of_rendering_wrong() {
    init();
    let c = corpus();
    let (manifest, files) = files(&c, 5_000);
    let catalog = shelf(&manifest, &files, Parts::CATALOG);
    let ctx = CorpusContext::new(catalog.corpus(&manifest).unwrap(), None, BaseUrl::default());
    let route = dossier::core::route::Route::Quote(c.quotes[0].id.clone());
    let html = render_page("<html><head><!--HEAD--></head><body></body></html>", &ctx, &route, "").unwrap();
    assert!(html.contains("class=\"loading\"") && !html.contains("No such quote"), "{html}");
}

#[test]
fn bad_bytes_are_refused_with_a_reason_never_a_panic() {
    let c = corpus();
    let (manifest, files) = files(&c, 20);
    let shard = &manifest.shards[1];
    let bytes = &files.iter().find(|f| f.name == shard.file).unwrap().bytes;
    // Every truncation, and a flipped bit at every position of the header and through
    // the body.
    for n in 0..bytes.len() {
        let err = read_shard(shard, &bytes[..n]).unwrap_err();
        assert_eq!(err.file, shard.file);
    }
    for at in (0..bytes.len()).step_by(7).chain(0..30) {
        let mut bad = bytes.clone();
        bad[at] ^= 0x10;
        assert!(read_shard(shard, &bad).is_err(), "a flip at byte {at} was read");
    }
    // Another shard's bytes under this name, a page instead of data, the manifest read as
    // a shard: each says what is wrong.
    let other = &files.iter().find(|f| f.name == manifest.shards[2].file).unwrap().bytes;
    assert!(read_shard(shard, other).unwrap_err().reason.contains("manifest names"));
    assert!(read_shard(shard, b"<!DOCTYPE html><html>").unwrap_err().reason.contains("not a Dossier data file"));
    assert!(read_manifest("m", bytes).unwrap_err().reason.contains("not manifest"));
    let err = read_manifest("/data/manifest-x.bin", &files[0].bytes[..40]).unwrap_err();
    assert!(err.to_string().starts_with("data file /data/manifest-x.bin: is 40 bytes long where its header says"), "{err}");
}

#[test]
fn shards_that_do_not_join_or_do_not_match_the_catalog_are_refused() {
    let c = corpus();
    let (manifest, files) = files(&c, 20);
    // A manifest that leaves out a quotes shard: the quotes do not join.
    let mut gap = manifest.clone();
    let second = gap.shards.iter().position(|s| s.kind == Kind::Quotes && s.first == 20).unwrap();
    gap.shards.remove(second);
    let shelf = shelf(&gap, &files, Parts::ALL);
    let err = shelf.corpus(&gap).unwrap_err();
    assert!(err.reason.contains("do not join"), "{err}");
    // Without the catalog there is no corpus.
    let no_catalog = self::shelf(&manifest, &files, Parts::QUOTES);
    assert!(no_catalog.corpus(&manifest).unwrap_err().reason.contains("has not been read"));
}

#[test]
fn citations_that_do_not_fit_the_catalog_are_refused() {
    let c = corpus();
    let mut short = citations(&c);
    short.quotes.pop();
    let index = QuoteIndex::new(&c).to_bytes(&c);
    let files = encode(&c, index, &short, None, false, 5_000).unwrap();
    let manifest = read_manifest(&files[0].name, &files[0].bytes).unwrap();
    let shelf = shelf(&manifest, &files, Parts::CATALOG.with(Parts::CITES));
    let err = shelf.citations().unwrap_err();
    assert_eq!(err.file, "cites");
    assert!(err.reason.contains(&format!("{} quotes", c.quotes.len() - 1)), "{err}");
}
