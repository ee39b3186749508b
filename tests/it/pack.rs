//! The data files (`core::pack`): the corpus the browser decodes is the corpus the build
//! checked, whatever the shard size; every page rendered from only the parts it fetches is
//! the page rendered from the whole corpus; bad bytes are refused with a reason, never a
//! panic.

use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use dossier::core::cite::{styled_all, Citations};
use dossier::core::model::{Corpus, Parts};
use dossier::core::pack::{encode, need_for, read_manifest, read_shard, slice_key, DataFile, Kind, LaneFiles, Manifest, Need, ShardRef, Shelf};
use dossier::core::route::{every_page, Route};
use dossier::core::search::QuoteIndex;
use dossier::core::site::BaseUrl;
use dossier::ui::data::CorpusContext;
use dossier::ui::render::{init, render_page};

use super::corpus;

/// The data files of `c`, the manifest read back, and each record page's slice file.
fn files(c: &Corpus, max_records: usize) -> (Manifest, Vec<DataFile>, HashMap<String, String>) {
    files_with(c, max_records, false)
}

/// [`files`], with the search index sharded or not.
fn files_with(c: &Corpus, max_records: usize, sharded: bool) -> (Manifest, Vec<DataFile>, HashMap<String, String>) {
    files_chunked(c, max_records, sharded.then_some(dossier::core::search::CHUNK_BYTES))
}

/// The data files with the search sharded in chunks of about `search_chunks` bytes.
fn files_chunked(c: &Corpus, max_records: usize, search_chunks: Option<usize>) -> (Manifest, Vec<DataFile>, HashMap<String, String>) {
    let encoded = encode(c, &QuoteIndex::new(c), &citations(c), Some("https://d.example"), true, max_records, search_chunks).unwrap();
    let manifest = read_manifest(&encoded.files[0].name, &encoded.files[0].bytes).unwrap();
    (manifest, encoded.files, encoded.slices)
}

/// The citations the build renders, for the site at https://d.example.
fn citations(c: &Corpus) -> Citations {
    styled_all(c, &BaseUrl::new(Some("https://d.example")))
}

fn bytes_of<'a>(files: &'a [DataFile], name: &str) -> &'a [u8] {
    &files.iter().find(|f| f.name == name).unwrap_or_else(|| panic!("no file {name}")).bytes
}

/// A shelf holding the shards of `parts`.
fn shelf(manifest: &Manifest, files: &[DataFile], parts: Parts) -> Shelf {
    let mut shelf = Shelf::default();
    for shard in manifest.shards_for(parts) {
        shelf.put(shard, read_shard(shard, bytes_of(files, &shard.file)).unwrap()).unwrap();
    }
    shelf
}

/// Reads into `shelf` what `needs` name, round by round as the browser does
/// (`ui::fetch`), and returns the names of the files read.
fn fetch(shelf: &mut Shelf, manifest: &Manifest, files: &[DataFile], needs: &[Need], hints: &BTreeMap<String, ShardRef>) -> Vec<String> {
    let mut read = Vec::new();
    for _ in 0..3 {
        let wanted = shelf.wanted(manifest, needs, hints);
        if wanted.is_empty() {
            break;
        }
        for w in wanted {
            shelf.put_wanted(&w, read_shard(&w.shard, bytes_of(files, &w.shard.file)).unwrap()).unwrap();
            read.push(w.shard.file.clone());
        }
    }
    assert!(shelf.wanted(manifest, needs, hints).is_empty(), "three rounds were not enough for {needs:?}");
    assert_eq!(shelf.lacking(manifest, needs), None);
    read
}

/// The context a page in the browser renders from, given what is on `shelf`.
fn context(shelf: &Shelf, manifest: &Manifest) -> CorpusContext {
    CorpusContext::from_shelf(shelf, manifest).unwrap()
}

/// The context the static build renders from: everything.
fn whole(c: &Corpus) -> CorpusContext {
    CorpusContext::with_index(Arc::new(c.clone()), QuoteIndex::new(c), BaseUrl::new(Some("https://d.example")))
        .with_citations(Some(Arc::new(citations(c))))
        .with_previews(true)
}

/// What a page opened cold reads: the catalog and its slice, found through the head's hint.
fn opened(manifest: &Manifest, files: &[DataFile], slices: &HashMap<String, String>, route: &Route) -> CorpusContext {
    let need = need_for(&route.page());
    let hints: BTreeMap<String, ShardRef> = need.slice.iter().map(|k| (k.clone(), ShardRef::slice_named(&slices[k]).unwrap())).collect();
    let mut shelf = Shelf::default();
    fetch(&mut shelf, manifest, files, std::slice::from_ref(&need), &hints);
    context(&shelf, manifest)
}

const SHELL: &str = "<html><head><!--HEAD--></head><body></body></html>";

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
        let (manifest, files, _) = files(&c, max_records);
        assert_eq!(manifest.base_url.as_deref(), Some("https://d.example"));
        let quote_shards = manifest.shards.iter().filter(|s| s.kind == Kind::Quotes).count();
        assert_eq!(quote_shards, c.quotes.len().div_ceil(max_records));
        let mut shelf = shelf(&manifest, &files, Parts::ALL);
        assert_eq!(shelf.parts(&manifest), Parts::ALL);
        // The paragraphs are in the documents' pages' slices.
        let documents: Vec<Need> = every_page(&c).iter().filter(|r| matches!(r, Route::Document { .. })).map(|r| need_for(&r.page())).collect();
        fetch(&mut shelf, &manifest, &files, &documents, &BTreeMap::new());
        let decoded = shelf.corpus(&manifest).unwrap();
        assert_same(&decoded, &c);
        assert_eq!(shelf.citations().documents.len(), c.documents.len());
        // The shipped index answers as one built from the corpus.
        let index = QuoteIndex::from_bytes(&decoded, shelf.index().unwrap()).unwrap();
        let q = dossier::core::route::QuoteQuery { q: "aleppo".into(), ..Default::default() };
        assert_eq!(index.search(&decoded, &q), QuoteIndex::new(&c).search(&c, &q));
    }
}

#[test]
fn names_are_content_addressed_and_stable() {
    let c = corpus();
    let (a, _, slices_a) = files(&c, 5_000);
    let (b, _, slices_b) = files(&c, 5_000);
    assert_eq!(a, b, "the same corpus writes the same files");
    assert_eq!(slices_a, slices_b);
    let mut changed = c.clone();
    changed.events[0].title.push('!');
    let (d, _, slices_d) = files(&changed, 5_000);
    let name = |m: &Manifest, k: Kind| m.shards.iter().find(|s| s.kind == k).unwrap().file.clone();
    assert_ne!(name(&a, Kind::Events), name(&d, Kind::Events), "a changed shard gets a new name");
    assert_eq!(name(&a, Kind::Quotes), name(&d, Kind::Quotes), "an unchanged one keeps its name (and cache)");
    let event = format!("event/{}", c.events[0].id.as_str());
    assert_ne!(slices_a[&event], slices_d[&event], "the changed event's slice is renamed");
    let far = c.quotes.iter().find(|q| !c.events.iter().any(|e| e.document == q.document && e.paragraph == q.paragraph)).unwrap();
    let far = format!("quote/{}", far.id.as_str());
    assert_eq!(slices_a[&far], slices_d[&far], "a quote's slice that does not show it keeps its name");
}

#[test]
fn every_page_rendered_from_only_what_it_fetches_is_the_page_rendered_from_the_whole_corpus() {
    init();
    let c = corpus();
    let (manifest, files, slices) = files(&c, 5_000);
    let whole = whole(&c);
    let catalog_only = Need::parts(Parts::CATALOG);
    let routes: Vec<Route> = every_page(&c).into_iter().chain([Route::NotFound { path: String::new() }]).collect();
    let mut record_pages = 0;
    for (i, route) in routes.iter().enumerate() {
        let need = need_for(&route.page());
        // Half the pages find their slice through the head's hint, half through the
        // directory (a page reached inside the app).
        let hints: BTreeMap<String, ShardRef> = need
            .slice
            .iter()
            .filter(|_| i % 2 == 0)
            .map(|k| (k.clone(), ShardRef::slice_named(&slices[k]).unwrap()))
            .collect();
        let mut shelf = Shelf::default();
        let read = fetch(&mut shelf, &manifest, &files, std::slice::from_ref(&need), &hints);
        let ctx = context(&shelf, &manifest);
        if let Some(key) = &need.slice {
            record_pages += 1;
            // A record page reads the catalog, its slice and at most one directory:
            // nothing whose size grows with the corpus.
            assert!(read.iter().all(|f| ["catalog-", "slice-", "directory-"].iter().any(|p| f.starts_with(p))), "{read:?}");
            assert!(read.contains(&slices[key]), "{key} read {read:?}");
            // Not every event, whatever the page (the timeline's first view included).
            assert!(!ctx.satisfies(&Need::events()), "{}", route.href());
        } else {
            assert!(ctx.satisfies(&catalog_only));
        }
        assert!(ctx.satisfies(&need), "{need:?}");
        let partial = render_page(SHELL, &ctx, route, "").unwrap();
        let full = render_page(SHELL, &whole, route, "").unwrap();
        assert_eq!(partial, full, "{} renders otherwise from {need:?}", route.href());
    }
    // The record pages and the two lists.
    assert_eq!(record_pages, 2 + c.quotes.len() + c.events.len() + c.actors.len() + c.documents.len());
}

#[test]
fn slices_read_for_several_pages_join_into_a_corpus_that_renders_each_of_them_right() {
    init();
    let c = corpus();
    let (manifest, files, _) = files(&c, 5_000);
    let whole = whole(&c);
    let routes: Vec<Route> = every_page(&c).into_iter().filter(|r| slice_key(&r.page()).is_some()).collect();
    // A reader's walk through the app: every record page, each fetched on top of what the
    // pages before it left on the shelf, in an order that mixes kinds, with the timeline
    // (every event) read part way.
    let mut shelf = Shelf::default();
    let step = 37 % routes.len().max(1);
    for k in 0..routes.len() {
        let route = &routes[(k * step) % routes.len()];
        let mut needs = vec![need_for(&route.page())];
        if k == routes.len() / 2 {
            needs.push(need_for(&Route::Timeline(Default::default()).page()));
        }
        fetch(&mut shelf, &manifest, &files, &needs, &BTreeMap::new());
        let ctx = context(&shelf, &manifest);
        assert_eq!(render_page(SHELL, &ctx, route, "").unwrap(), render_page(SHELL, &whole, route, "").unwrap(), "{}", route.href());
    }
}

#[test]
fn an_unknown_record_is_a_page_not_found_once_the_directory_says_so() {
    init();
    let c = corpus();
    let (manifest, files, _) = files(&c, 5_000);
    for route in [Route::Quote(dossier::core::model::QuoteId::new("no-such-quote")), Route::Actor(dossier::core::model::ActorId::new("nobody"))] {
        let need = need_for(&route.page());
        let mut shelf = Shelf::default();
        let read = fetch(&mut shelf, &manifest, &files, std::slice::from_ref(&need), &BTreeMap::new());
        assert!(read.iter().any(|f| f.starts_with("directory-")) && !read.iter().any(|f| f.starts_with("slice-")), "{read:?}");
        let html = render_page(SHELL, &context(&shelf, &manifest), &route, "").unwrap();
        assert_eq!(html, render_page(SHELL, &whole(&c), &route, "").unwrap());
        assert!(!html.contains("class=\"loading\""));
    }
}

#[test]
fn a_page_lacking_its_data_says_it_is_loading_instead_of_rendering_wrong() {
    init();
    let c = corpus();
    let (manifest, files, _) = files(&c, 5_000);
    let catalog = shelf(&manifest, &files, Parts::CATALOG);
    let ctx = context(&catalog, &manifest);
    for route in [Route::Quote(c.quotes[0].id.clone()), Route::Timeline(Default::default())] {
        let html = render_page(SHELL, &ctx, &route, "").unwrap();
        assert!(html.contains("class=\"loading\"") && !html.contains("No such quote"), "{html}");
    }
}

#[test]
fn a_slice_for_another_page_or_beyond_the_catalog_is_refused() {
    let c = corpus();
    let (manifest, files, slices) = files(&c, 5_000);
    // The head names the slice of another page.
    let (a, b) = (format!("quote/{}", c.quotes[0].id.as_str()), format!("quote/{}", c.quotes[1].id.as_str()));
    let hints = BTreeMap::from([(a.clone(), ShardRef::slice_named(&slices[&b]).unwrap())]);
    let mut shelf = shelf(&manifest, &files, Parts::CATALOG);
    let need = Need { parts: Parts::CATALOG, slice: Some(a.clone()), instead: Parts::NONE, search: None, lanes: Vec::new() };
    let w = shelf.wanted(&manifest, std::slice::from_ref(&need), &hints).remove(0);
    let err = shelf.put_wanted(&w, read_shard(&w.shard, bytes_of(&files, &w.shard.file)).unwrap()).unwrap_err();
    assert_eq!(err.reason, format!("holds the page {b}, not {a}"));
    assert_eq!(shelf.lacking(&manifest, std::slice::from_ref(&need)), Some(a.as_str()));
    // A slice of a larger release beside a smaller release's catalog: its last quote is
    // beyond the catalog's count.
    let mut fewer = c.clone();
    fewer.quotes.truncate(10);
    fewer.counts.quotes = 10;
    let (small, small_files, _) = self::files(&fewer, 5_000);
    let mut mixed = self::shelf(&small, &small_files, Parts::CATALOG);
    let last = format!("quote/{}", c.quotes.last().unwrap().id.as_str());
    let shard = ShardRef::slice_named(&slices[&last]).unwrap();
    mixed.put(&shard, read_shard(&shard, bytes_of(&files, &shard.file)).unwrap()).unwrap();
    let err = mixed.corpus(&small).unwrap_err();
    assert!(err.reason.contains(&format!("holds quote {} where the catalog has 10", c.quotes.len() - 1)), "{err}");
}

#[test]
fn bad_bytes_are_refused_with_a_reason_never_a_panic() {
    let c = corpus();
    let (manifest, files, slices) = files(&c, 20);
    let slice = ShardRef::slice_named(slices.values().next().unwrap()).unwrap();
    for shard in [&manifest.shards[1], manifest.shards.iter().find(|s| s.kind == Kind::Directory).unwrap(), &slice] {
        let bytes = bytes_of(&files, &shard.file);
        // Every truncation, and a flipped bit at every position of the header and through
        // the body.
        for n in 0..bytes.len() {
            let err = read_shard(shard, &bytes[..n]).unwrap_err();
            assert_eq!(err.file, shard.file);
        }
        for at in (0..bytes.len()).step_by(7).chain(0..30) {
            let mut bad = bytes.to_vec();
            bad[at] ^= 0x10;
            assert!(read_shard(shard, &bad).is_err(), "a flip at byte {at} of {} was read", shard.file);
        }
    }
    let shard = &manifest.shards[1];
    let bytes = bytes_of(&files, &shard.file);
    // Another shard's bytes under this name, a page instead of data, the manifest read as
    // a shard: each says what is wrong.
    let other = bytes_of(&files, &manifest.shards[2].file);
    assert!(read_shard(shard, other).unwrap_err().reason.contains("manifest names"));
    assert!(read_shard(shard, b"<!DOCTYPE html><html>").unwrap_err().reason.contains("not a Dossier data file"));
    assert!(read_manifest("m", bytes).unwrap_err().reason.contains("not manifest"));
    let err = read_manifest("/data/manifest-x.bin", &files[0].bytes[..40]).unwrap_err();
    assert!(err.to_string().starts_with("data file /data/manifest-x.bin: is 40 bytes long where its header says"), "{err}");
    // A head's slice name that is not one is no hint at all.
    for bad in ["slice-xyz.bin", "slice-0123.bin", "quotes-0123456789abcdef.bin", "slice-0123456789abcdefg.bin", ""] {
        assert_eq!(ShardRef::slice_named(bad), None, "{bad}");
    }
}

#[test]
fn shards_that_do_not_join_or_do_not_match_the_catalog_are_refused() {
    let c = corpus();
    let (manifest, files, _) = files(&c, 20);
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
fn the_quotes_list_opens_from_its_first_page_and_answers_only_the_unfiltered_list_from_it() {
    use dossier::core::lists::{Indexes, QuoteAnswer};
    use dossier::core::pack::need_for_route;
    use dossier::core::route::{Page, QuoteQuery, QuoteSort};
    use dossier::core::site::LIST_PAGE;
    init();
    // More quotes than a page, in shards smaller than the list's first page.
    let (data, _) = dossier::synth::corpus(450, 5);
    let c = dossier::core::load::load(&data).expect("the synthetic corpus is valid");
    let (manifest, files, slices) = files(&c, 100);
    let need = need_for(&Page::Quotes);
    let list = &slices["list/quotes"];
    let hints = BTreeMap::from([("list/quotes".to_owned(), ShardRef::slice_named(list).unwrap())]);
    let mut shelf = Shelf::default();
    let mut read = fetch(&mut shelf, &manifest, &files, std::slice::from_ref(&need), &hints);
    read.sort();
    assert_eq!(read.len(), 2, "{read:?}");
    assert!(read[0].starts_with("catalog-") && read[1] == *list, "{read:?}");
    let ctx = context(&shelf, &manifest);
    assert!(ctx.searchable().is_none(), "a page of quotes is not a corpus to search");
    assert_eq!(ctx.corpus.quotes.len(), LIST_PAGE);
    let route = Route::Quotes(QuoteQuery::default());
    assert_eq!(render_page(SHELL, &ctx, &route, "").unwrap(), render_page(SHELL, &whole(&c), &route, "").unwrap());

    // The first page's answer is the whole index's, as far as it goes, and no further.
    let index = QuoteIndex::new(&c);
    let default = QuoteQuery::default();
    let whole_index = Indexes { whole: Some(&index), sharded: None };
    let none = BTreeMap::new();
    let first = QuoteAnswer::of(Indexes::default(), ctx.quotes_first_shared(), &ctx.corpus, &default).expect("the unfiltered list");
    let ranked = QuoteAnswer::of(whole_index, None, &c, &default).unwrap();
    assert_eq!((first.len(), ranked.len()), (450, 450));
    assert_eq!(first.facets(Indexes::default(), None, &ctx.corpus, &default), ranked.facets(whole_index, None, &c, &default));
    let ids = |hits: Vec<(dossier::core::search::Hit, dossier::core::model::Quote)>| -> Vec<(String, usize, usize)> {
        hits.into_iter().map(|(h, q)| (q.id.to_string(), h.highlights.len(), h.reasons.len())).collect()
    };
    assert_eq!(ids(first.page(Indexes::default(), &ctx.corpus, &none, LIST_PAGE).unwrap()), ids(ranked.page(whole_index, &c, &none, LIST_PAGE).unwrap()));
    assert!(first.covers(&none, LIST_PAGE) && !first.covers(&none, LIST_PAGE + 1));
    assert_eq!(first.page(Indexes::default(), &ctx.corpus, &none, LIST_PAGE + 1), None);
    assert_eq!(first.all(&ctx.corpus), None, "an export of the first page would be short");
    assert_eq!(ranked.all(&c).map(|all| all.len()), Some(450));

    // Any other state of the page needs every quote and the index: never an answer from
    // the first page alone.
    let speaker = c.quotes[0].speaker.clone();
    for q in [
        QuoteQuery { q: "lavrov".to_owned(), ..QuoteQuery::default() },
        QuoteQuery { speakers: vec![speaker], ..QuoteQuery::default() },
        QuoteQuery { sort: QuoteSort::Date, ..QuoteQuery::default() },
    ] {
        assert_eq!(QuoteAnswer::of(Indexes::default(), ctx.quotes_first_shared(), &ctx.corpus, &q), None, "{q:?}");
        assert_eq!(need_for_route(&Route::Quotes(q.clone()), false), Need::search());
        assert!(!ctx.satisfies(&need_for_route(&Route::Quotes(q), false)));
    }

    // With every quote and the index in, the list needs no slice of its own.
    let mut searched = Shelf::default();
    fetch(&mut searched, &manifest, &files, &[Need::search()], &BTreeMap::new());
    assert!(fetch(&mut searched, &manifest, &files, std::slice::from_ref(&need), &hints).is_empty());
    let ctx = context(&searched, &manifest);
    assert!(ctx.satisfies(&need) && ctx.searchable().is_some());
    assert_eq!(render_page(SHELL, &ctx, &route, "").unwrap(), render_page(SHELL, &whole(&c), &route, "").unwrap());
}

#[test]
fn the_timeline_fetches_events_without_their_evidence_and_an_export_fetches_it() {
    init();
    let c = corpus();
    let (manifest, files, _) = files(&c, 7);
    let timeline = Route::Timeline(Default::default());
    let mut shelf = Shelf::default();
    // What any filter of the timeline fetches.
    let read = fetch(&mut shelf, &manifest, &files, &[Need::events()], &BTreeMap::new());
    assert!(read.iter().all(|f| f.starts_with("catalog-") || f.starts_with("events-")), "{read:?}");
    let ctx = context(&shelf, &manifest);
    assert!(!ctx.parts().contains(Parts::EVIDENCE));
    assert!(ctx.corpus.events.iter().all(|e| e.evidence.is_empty()), "summaries only");
    // The timeline shows no evidence: it renders as from the whole corpus.
    assert_eq!(render_page(SHELL, &ctx, &timeline, "").unwrap(), render_page(SHELL, &whole(&c), &timeline, "").unwrap());
    // An event's page read on top keeps its own evidence; the rest stay summaries.
    let e = &c.events[c.events.len() / 2];
    let event = Route::Event(e.id.clone());
    fetch(&mut shelf, &manifest, &files, &[need_for(&event.page())], &BTreeMap::new());
    let ctx = context(&shelf, &manifest);
    assert_eq!(ctx.corpus.event(&e.id).unwrap().evidence, e.evidence);
    assert_eq!(render_page(SHELL, &ctx, &event, "").unwrap(), render_page(SHELL, &whole(&c), &event, "").unwrap());
    // The export's need brings every event's evidence, in its own shards.
    let read = fetch(&mut shelf, &manifest, &files, &[Need::parts(Parts::EVENTS.with(Parts::EVIDENCE))], &BTreeMap::new());
    assert!(!read.is_empty() && read.iter().all(|f| f.starts_with("evidence-")), "{read:?}");
    assert_eq!(context(&shelf, &manifest).corpus.events, c.events);
}

/// The quotes page's loop, as the browser runs it: ask what showing `n` results of `q`
/// needs, fetch it, until nothing; then the speakers its facet counts, if not in. Returns
/// the files read. The hits' excerpts come in batches of at most [`EXCERPTS_AT_ONCE`]
/// files, so a first screen in one.
fn search_until_shown(shelf: &mut Shelf, manifest: &Manifest, files: &[DataFile], q: &dossier::core::route::QuoteQuery, n: usize) -> Vec<String> {
    use dossier::core::lists::EXCERPTS_AT_ONCE;
    let mut read = Vec::new();
    let mut batches = 0;
    // The terms and columns, the chunks, the batches, then the speakers.
    for _ in 0..3 + n.div_ceil(EXCERPTS_AT_ONCE) {
        let ctx = context(shelf, manifest);
        let answer = ctx.quotes(q);
        let Some(need) = ctx.quotes_need(answer.as_ref(), q, n).or_else(|| ctx.speakers_need(answer.as_ref(), q)) else { return read };
        let excerpts = need.search.as_ref().map_or(0, |s| s.excerpts.len());
        assert!(excerpts <= EXCERPTS_AT_ONCE, "{q:?}: {excerpts} excerpts files in one need");
        batches += usize::from(excerpts > 0);
        assert!(n > EXCERPTS_AT_ONCE || batches <= 1, "{q:?}: the first {n} hits in {batches} batches");
        read.extend(fetch(shelf, manifest, files, &[need], &BTreeMap::new()));
    }
    panic!("{q:?} still needs more after {} rounds", 3 + n.div_ceil(EXCERPTS_AT_ONCE));
}

/// A shelf holding what the quotes page opened cold reads: the catalog and its first view.
fn quotes_page(manifest: &Manifest, files: &[DataFile], slices: &HashMap<String, String>) -> Shelf {
    let hints = BTreeMap::from([("list/quotes".to_owned(), ShardRef::slice_named(&slices["list/quotes"]).unwrap())]);
    let mut shelf = Shelf::default();
    fetch(&mut shelf, manifest, files, &[need_for(&dossier::core::route::Page::Quotes)], &hints);
    shelf
}

/// A synthetic corpus of 2,400 quotes, its search sharded, its lists in shards of 500.
fn sharded_site() -> (Corpus, Manifest, Vec<DataFile>, HashMap<String, String>) {
    init();
    let (data, _) = dossier::synth::corpus(2_400, 5);
    let c = dossier::core::load::load(&data).expect("the synthetic corpus is valid");
    // Chunks smaller than a build's, so that the speakers' lists of quotes come in
    // several, as a large corpus's do.
    let (manifest, files, slices) = files_chunked(&c, 500, Some(1024));
    (c, manifest, files, slices)
}

#[test]
fn a_sharded_search_fetches_what_its_words_and_hits_need_and_shows_what_the_whole_index_shows() {
    use dossier::core::lists::{NoMatch, QuoteAnswer};
    use dossier::core::pack::{need_for_route, EXCERPT_QUOTES};
    use dossier::core::route::{Page, QuoteQuery, QuoteSort};
    use dossier::core::site::LIST_PAGE;
    let (c, manifest, files, slices) = sharded_site();
    let search = manifest.search.expect("a sharded index");
    assert_eq!(search.excerpts as usize, c.quotes.len().div_ceil(EXCERPT_QUOTES));
    assert!(search.chunks > 4, "{} chunks", search.chunks);
    let whole_bytes: usize = manifest.shards_for(Parts::QUOTES.with(Parts::INDEX)).map(|s| s.bytes as usize).sum();
    let hints = BTreeMap::from([("list/quotes".to_owned(), ShardRef::slice_named(&slices["list/quotes"]).unwrap())]);
    let speaker = c.quotes[7].speaker.clone();
    let queries = [
        QuoteQuery { q: "sanctions".into(), ..QuoteQuery::default() },
        QuoteQuery { q: "lavorv".into(), ..QuoteQuery::default() },
        QuoteQuery { q: "sanc".into(), sort: QuoteSort::Date, ..QuoteQuery::default() },
        QuoteQuery { q: "\"the lifting of\" zurich".into(), ..QuoteQuery::default() },
        QuoteQuery { q: "geneve".into(), speakers: vec![speaker.clone()], ..QuoteQuery::default() },
        QuoteQuery { speakers: vec![speaker], ..QuoteQuery::default() },
        QuoteQuery { q: "ziruch".into(), ..QuoteQuery::default() },
    ];
    for q in queries {
        let route = Route::Quotes(q.clone());
        // Opened cold: the list's slice and the index's terms and columns.
        let mut shelf = Shelf::default();
        // Its route's need alone (a link followed inside the app) brings the list's page too.
        let mut read = fetch(&mut shelf, &manifest, &files, &[need_for_route(&route, true)], &hints);
        assert!(context(&shelf, &manifest).satisfies(&need_for_route(&route, true)));
        assert!(context(&shelf, &manifest).satisfies(&need_for(&Page::Quotes)));
        // The first screen, then the first page: what the page shows is what the whole
        // index shows, highlights, reasons, counts and facets included.
        read.extend(search_until_shown(&mut shelf, &manifest, &files, &q, 20));
        let ctx = context(&shelf, &manifest);
        assert!(matches!(ctx.quotes(&q), Some(QuoteAnswer::Sharded(_))), "{q:?}");
        read.extend(search_until_shown(&mut shelf, &manifest, &files, &q, LIST_PAGE));
        // When nothing matches, the help (a respelling, the count without filters) reads
        // the chunks of its own words, as the page fetches them.
        let ctx = context(&shelf, &manifest);
        let empty = ctx.quotes(&q).unwrap().is_empty();
        if let (true, Err(chunks)) = (empty, NoMatch::of(ctx.indexes(), &ctx.corpus, &q)) {
            read.extend(fetch(&mut shelf, &manifest, &files, &[Need::sharded(chunks.into_iter().map(|k| k as u32).collect(), Vec::new())], &BTreeMap::new()));
        }
        let ctx = context(&shelf, &manifest);
        if ctx.quotes(&q).unwrap().is_empty() {
            let help = NoMatch::of(ctx.indexes(), &ctx.corpus, &q).expect("its chunks are in");
            let w = whole(&c);
            assert_eq!(help, NoMatch::of(w.indexes(), &w.corpus, &q).unwrap());
            assert!(help.suggestion.is_some(), "{q:?}: a respelling");
        }
        assert_eq!(render_page(SHELL, &ctx, &route, "").unwrap(), render_page(SHELL, &whole(&c), &route, "").unwrap(), "{q:?}");
        // Never every quote or the whole index: the chunks and the hits' excerpts.
        assert!(read.iter().all(|f| ["catalog-", "slice-", "terms-", "columns-", "postings-", "excerpts-"].iter().any(|k| f.starts_with(k))), "{read:?}");
        let fetched: usize = read.iter().map(|f| bytes_of(&files, f).len()).sum();
        assert!(fetched < whole_bytes, "{q:?}: {fetched} B fetched, every quote and the index are {whole_bytes} B");
    }
}

#[test]
fn a_search_file_holding_another_part_of_the_index_is_refused_and_fetched_again() {
    let (data, _) = dossier::synth::corpus(600, 5);
    let c = dossier::core::load::load(&data).expect("the synthetic corpus is valid");
    let (manifest, mut files, _) = files_with(&c, 500, true);
    let search = manifest.search.expect("a sharded index");
    let (zero, one) = (search.chunk(0).file, search.chunk(1).file);
    let other = bytes_of(&files, &one).to_vec();
    files.iter_mut().find(|f| f.name == zero).expect("chunk 0").bytes = other;
    let mut shelf = Shelf::default();
    fetch(&mut shelf, &manifest, &files, &[Need::sharded(Vec::new(), Vec::new())], &BTreeMap::new());
    let need = [Need::sharded(vec![0], Vec::new())];
    let w = shelf.wanted(&manifest, &need, &BTreeMap::new()).remove(0);
    assert_eq!(w.shard.file, zero);
    let err = shelf.put_wanted(&w, read_shard(&w.shard, bytes_of(&files, &w.shard.file)).unwrap()).unwrap_err();
    assert_eq!((err.file.as_str(), err.reason.as_str()), (zero.as_str(), "holds part 1 of the search index, not part 0"));
    // Not on the shelf: a retry asks for it again.
    assert_eq!(shelf.wanted(&manifest, &need, &BTreeMap::new()).len(), 1);
    assert!(!context(&shelf, &manifest).satisfies(&need[0]));
}

#[test]
fn a_corpus_without_events_or_quotes_opens_its_lists_and_searches() {
    use dossier::core::route::QuoteQuery;
    init();
    for (quotes, events) in [(30, 0), (0, 0)] {
        let (data, _) = dossier::synth::corpus_with_events(quotes, events, 3);
        let c = dossier::core::load::load(&data).expect("the synthetic corpus is valid");
        assert_eq!((c.quotes.len(), c.events.len()), (quotes, events));
        let (manifest, files, _) = files(&c, 10);
        // Parts with no shards are empty, so in: every page and a search are ready.
        let search = Route::Quotes(QuoteQuery { q: "sanctions".to_owned(), ..QuoteQuery::default() });
        for route in [Route::Timeline(Default::default()), Route::Quotes(QuoteQuery::default()), search.clone()] {
            let need = dossier::core::pack::need_for_route(&route, false);
            let mut shelf = Shelf::default();
            fetch(&mut shelf, &manifest, &files, std::slice::from_ref(&need), &BTreeMap::new());
            let ctx = context(&shelf, &manifest);
            assert!(ctx.satisfies(&need), "{} with {quotes} quotes, {events} events", route.href());
            assert_eq!(render_page(SHELL, &ctx, &route, "").unwrap(), render_page(SHELL, &whole(&c), &route, "").unwrap());
        }
        let mut shelf = Shelf::default();
        fetch(&mut shelf, &manifest, &files, &[Need::search()], &BTreeMap::new());
        let ctx = context(&shelf, &manifest);
        let Route::Quotes(q) = &search else { unreachable!() };
        let answer = ctx.quotes(q).expect("answered");
        assert_eq!(answer.len(), QuoteIndex::new(&c).rank(&c, q).len());
    }
}

/// The ids of the events numbered `numbers` in `ctx`'s corpus.
fn event_ids(ctx: &CorpusContext, numbers: &[usize]) -> Vec<dossier::core::model::EventId> {
    numbers.iter().map(|&i| ctx.corpus.events[i].id.clone()).collect()
}

/// `answer`'s chart of `query`, its events numbered by their place among those it names,
/// and those events' ids: comparable between corpora that number events differently
/// (a first view, lanes, every event).
fn chart_by_id(
    ctx: &CorpusContext,
    answer: &dossier::core::lists::TimelineAnswer,
    query: &dossier::core::route::TimelineQuery,
) -> (dossier::core::chart::Chart, Vec<dossier::core::model::EventId>) {
    let chart = answer.chart(&ctx.corpus, query, &[]).expect("a chart");
    let events = chart.events();
    (chart.map_events(|i| events.binary_search(&i).ok()).expect("every event it names is numbered"), event_ids(ctx, &events))
}

#[test]
fn the_timeline_opens_from_its_first_view_and_any_filter_fetches_every_event() {
    use dossier::core::lists::TimelineAnswer;
    use dossier::core::route::TimelineQuery;
    init();
    // Enough events of few enough actors that lanes are drawn as counts.
    let (data, _) = dossier::synth::corpus_with_event_actors(40, 900, 12, 7);
    let c = dossier::core::load::load(&data).expect("the synthetic corpus is valid");
    let (manifest, files, slices) = files(&c, 200);
    let timeline = Route::Timeline(TimelineQuery::default());
    let mut shelf = Shelf::default();
    let read = fetch(&mut shelf, &manifest, &files, &[need_for(&timeline.page())], &BTreeMap::new());
    assert!(read.iter().all(|f| f.starts_with("catalog-") || f.starts_with("slice-") || f.starts_with("directory-")), "{read:?}");
    assert!(read.contains(&slices["list/timeline"]));
    let slice_bytes = bytes_of(&files, &slices["list/timeline"]).len();
    let events_bytes: usize = manifest.shards_for(Parts::EVENTS).map(|s| s.bytes as usize).sum();
    assert!(slice_bytes * 3 < events_bytes, "the first view ({slice_bytes} B) is a fraction of every event ({events_bytes} B)");
    let first = context(&shelf, &manifest);
    assert!(first.corpus.events.len() < c.events.len(), "only the events the first view names");
    assert_eq!(render_page(SHELL, &first, &timeline, "").unwrap(), render_page(SHELL, &whole(&c), &timeline, "").unwrap());

    // The first view's answer is the whole corpus's, event for event and mark for mark.
    let query = TimelineQuery::default();
    let partial = first.timeline(&query).expect("the first view answers the unfiltered timeline");
    let full = whole(&c).timeline(&query).expect("answered");
    assert!(matches!(partial, TimelineAnswer::First { .. }) && matches!(full, TimelineAnswer::Whole(_)));
    assert_eq!(partial.len(), c.events.len());
    assert_eq!(event_ids(&first, partial.shown()), event_ids(&whole(&c), &full.shown()[..partial.shown().len()]));
    let (chart, named) = chart_by_id(&first, &partial, &query);
    assert!(chart.lanes.iter().any(|l| l.dense), "counts by stretch of time");
    assert_eq!((chart, named), chart_by_id(&whole(&c), &full, &query));
    // The picker's counts too, with an actor chosen or not; another filter needs every event.
    let counts = whole(&c).timeline_counts(&query).expect("counted from every event");
    assert!(!counts.is_empty());
    assert_eq!(first.timeline_counts(&query).as_ref(), Some(&counts));
    let with_actor = TimelineQuery { actors: vec![counts[0].0.clone()], ..TimelineQuery::default() };
    assert_eq!(first.timeline_counts(&with_actor).as_ref(), Some(&counts));
    assert_eq!(whole(&c).timeline_counts(&with_actor).as_ref(), Some(&counts));
    let by_document = TimelineQuery { doc: Some(c.documents[0].id.clone()), ..TimelineQuery::default() };
    assert!(first.timeline_counts(&by_document).is_none());
    assert!(whole(&c).timeline_counts(&by_document).is_some());
    // Neither a fold nor a filter, nor more than the first page, is answered from it.
    assert!(partial.chart(&first.corpus, &query, &[None]).is_none());
    assert!(!partial.covers(c.events.len()) && partial.all().is_none());
    let filtered = TimelineQuery { actors: vec![c.actors[0].id.clone()], ..TimelineQuery::default() };
    assert!(first.timeline(&filtered).is_none());
    assert_eq!(dossier::core::pack::need_for_route(&Route::Timeline(filtered.clone()), false), Need::timeline(&filtered));
    let by_date = TimelineQuery { from: Some(dossier::core::date::PartialDate::year(2020)), ..TimelineQuery::default() };
    assert_eq!(dossier::core::pack::need_for_route(&Route::Timeline(by_date), false), Need::events());

    // An event's page read before the timeline keeps its evidence beside the summaries.
    let e = c.events.iter().find(|e| first.corpus.event(&e.id).is_some()).expect("an event of the first view");
    let mut walk = Shelf::default();
    fetch(&mut walk, &manifest, &files, &[need_for(&Route::Event(e.id.clone()).page())], &BTreeMap::new());
    fetch(&mut walk, &manifest, &files, &[need_for(&timeline.page())], &BTreeMap::new());
    assert_eq!(context(&walk, &manifest).corpus.event(&e.id).unwrap().evidence, e.evidence);
    fetch(&mut walk, &manifest, &files, &[Need::events()], &BTreeMap::new());
    let ctx = context(&walk, &manifest);
    assert_eq!(ctx.corpus.event(&e.id).unwrap().evidence, e.evidence);
    // Every event in: any filter is answered, as from the whole corpus.
    assert_eq!(ctx.timeline(&filtered), whole(&c).timeline(&filtered));
    let route = Route::Timeline(filtered);
    assert_eq!(render_page(SHELL, &ctx, &route, "").unwrap(), render_page(SHELL, &whole(&c), &route, "").unwrap());
}

#[test]
fn an_actor_page_holds_its_first_quotes_and_events_and_links_to_the_rest() {
    init();
    // The bundled corpus with al-Shaibani's quotes and events each there three times
    // (new ids, the same verbatim words and passages): more of each than the page shows.
    let dir = std::env::temp_dir().join(format!("dossier-prolific-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let data = super::root("data");
    for name in ["documents.json", "actors.json", "places.json", "published.txt"] {
        std::fs::copy(data.join(name), dir.join(name)).unwrap();
    }
    std::fs::create_dir_all(dir.join("sources")).unwrap();
    for source in std::fs::read_dir(data.join("sources")).unwrap() {
        let source = source.unwrap().path();
        std::fs::copy(&source, dir.join("sources").join(source.file_name().unwrap())).unwrap();
    }
    let actor = "asaad-al-shaibani";
    let tripled = |file: &str, keep: &dyn Fn(&serde_json::Value) -> bool| {
        let mut records: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(data.join(file)).unwrap()).unwrap();
        let copies: Vec<serde_json::Value> = records
            .iter()
            .filter(|r| keep(r))
            .flat_map(|r| {
                (1..=2).map(move |k| {
                    let mut copy = r.clone();
                    copy["id"] = format!("{}-copy-{k}", r["id"].as_str().unwrap()).into();
                    copy
                })
            })
            .collect();
        records.extend(copies);
        std::fs::write(dir.join(file), serde_json::to_string(&records).unwrap()).unwrap();
    };
    tripled("quotes.json", &|q| q["speaker"] == actor);
    tripled("events.json", &|e| e["actors"].as_array().unwrap().iter().any(|a| a["id"] == actor));
    let c = dossier::core::load::load_dir(&dir).unwrap_or_else(|e| panic!("{e}"));
    std::fs::remove_dir_all(&dir).unwrap();
    let id = dossier::core::model::ActorId::new(actor);
    let (said, involved) = c.actor_counts(&id);
    let (shown_quotes, shown_events) = (dossier::core::site::ACTOR_QUOTES, dossier::core::site::ACTOR_EVENTS);
    assert!(said > shown_quotes && involved > shown_events, "{said} quotes, {involved} events");

    let (manifest, files, slices) = files(&c, 5_000);
    let route = Route::Actor(id.clone());
    let ctx = opened(&manifest, &files, &slices, &route);
    // The slice holds what the page shows of each, the first in the corpus's order.
    let first_quotes: Vec<&str> = c.quotes.iter().filter(|q| q.speaker == id).take(shown_quotes).map(|q| q.id.as_str()).collect();
    let got: Vec<&str> = ctx.corpus.quotes.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(got, first_quotes);
    let first_events: Vec<&str> = c.events_involving(&id).iter().take(shown_events).map(|&i| c.events[i].id.as_str()).collect();
    let got: Vec<&str> = ctx.corpus.events.iter().map(|e| e.id.as_str()).collect();
    assert_eq!(got, first_events);
    // Rendered from it, the page is the page rendered from the whole corpus: the first of
    // each, the whole counts, the actors met most often over every event, and links to
    // the rest.
    let partial = render_page(SHELL, &ctx, &route, "").unwrap();
    let full = render_page(SHELL, &whole(&c), &route, "").unwrap();
    assert_eq!(partial, full);
    // Its text, without the renderer's markers.
    let partial = partial.replace("<!---->", "");
    assert!(partial.contains(&format!("Quotes ({said})")) && partial.contains(&format!("Events ({involved})")), "the whole counts");
    assert_eq!(partial.matches("<figure class=\"quote").count(), shown_quotes);
    assert!(partial.contains(&format!("The first {shown_quotes} of {said} quotes")));
    assert!(partial.contains(&format!("href=\"{}\"", Route::quotes_of(&id).href().replace('&', "&amp;"))));
    assert!(partial.contains(&format!("The first {shown_events} of {involved} events")));
    assert!(partial.contains(&format!("href=\"{}\"", Route::timeline_of(&id).href().replace('&', "&amp;"))));
}

#[test]
fn a_long_document_is_read_in_parts_each_page_holding_its_paragraphs_and_their_quotes() {
    init();
    // 250 quotes, a paragraph each, in one document: three parts.
    let (files_in, _) = dossier::synth::corpus_with_events(250, 20, 5);
    let c = dossier::core::load::load(&files_in).unwrap_or_else(|e| panic!("{e}"));
    let doc = c.documents.iter().find(|d| d.paragraphs.len() == 250).expect("a 250-paragraph document");
    let parts: Vec<Route> = every_page(&c).into_iter().filter(|r| matches!(r, Route::Document { id, .. } if *id == doc.id)).collect();
    assert_eq!(parts.len(), 3, "{parts:?}");
    let (manifest, files, slices) = files(&c, 5_000);
    let mut seen = Vec::new();
    for (k, route) in parts.iter().enumerate() {
        let Route::Document { part, .. } = route else { unreachable!() };
        assert_eq!(*part as usize, k + 1);
        let ctx = opened(&manifest, &files, &slices, route);
        // The part's paragraphs, and exactly the quotes in them.
        let ns: Vec<u32> = ctx.corpus.document(&doc.id).unwrap().paragraphs.iter().map(|p| p.n).collect();
        let first = 100 * k as u32 + 1;
        assert_eq!(ns, (first..=(first + 99).min(250)).collect::<Vec<u32>>());
        let mut quotes: Vec<&str> = ctx.corpus.quotes.iter().map(|q| q.id.as_str()).collect();
        let mut expected: Vec<&str> = c.quotes.iter().filter(|q| q.document == doc.id && ns.contains(&q.paragraph)).map(|q| q.id.as_str()).collect();
        quotes.sort_unstable();
        expected.sort_unstable();
        assert_eq!(quotes, expected);
        // Rendered from its slice, the page is the page rendered from the whole corpus:
        // its paragraphs only, where it stands, the way to the others.
        let partial = render_page(SHELL, &ctx, route, "").unwrap();
        assert_eq!(partial, render_page(SHELL, &whole(&c), route, "").unwrap());
        let text = partial.replace("<!---->", "");
        assert_eq!(text.matches("class=\"para ").count(), ns.len());
        assert!(text.contains(&format!("Paragraphs {}–{} of 250.", first, (first + 99).min(250))), "where it stands");
        assert_eq!(text.contains("rel=\"prev\""), k > 0);
        assert_eq!(text.contains("rel=\"next\""), k < 2);
        assert_eq!(text.matches("aria-current=\"page\"").count(), 2, "the navigation's and the part's own");
        seen.extend(ns);
    }
    // Every paragraph is on exactly one part's page.
    assert_eq!(seen, (1..=250).collect::<Vec<u32>>());
    // A quote's link to its paragraph is the part that holds it.
    let late = c.quotes.iter().find(|q| q.document == doc.id && q.paragraph == 180).unwrap();
    assert_eq!(Route::quote_in(&doc.id, &late.id, late.paragraph).href(), format!("/documents/{}/part/2?quote={}#p-180", doc.id, late.id));
    // A part beyond the document's is no page: no slice, and the page says so.
    let beyond = Route::Document { id: doc.id.clone(), part: 4, quote: None, paragraph: None };
    assert!(slice_key(&beyond.page()).is_some_and(|k| !slices.contains_key(&k)));
    let html = render_page(SHELL, &whole(&c), &beyond, "").unwrap().replace("<!---->", "");
    assert!(html.contains("No such part of this document") && html.contains("there is no part 4"), "{html}");
}

#[test]
fn a_cold_search_asks_for_its_words_chunks_as_soon_as_the_terms_are_read_before_the_columns() {
    use dossier::core::route::QuoteQuery;
    use dossier::core::search::ShardedIndex;
    let (c, manifest, files, slices) = sharded_site();
    let q = QuoteQuery { q: "sanctions lavorv".into(), ..QuoteQuery::default() };
    let need = [Need::sharded_query(&q)];
    let mut shelf = quotes_page(&manifest, &files, &slices);
    // The terms and columns first, and beside them the chunks its words would be in
    // (guessed from the first word of each chunk, which the page's first view names): the
    // one of "sanctions", a word of the corpus, is one the query reads; the typo's may not
    // be. The typo names Lavrov (as the index will find), so his said chunk comes too.
    let first = shelf.wanted(&manifest, &need, &BTreeMap::new());
    let kinds: Vec<&str> = first.iter().map(|w| w.shard.file.split('-').next().unwrap()).collect();
    assert_eq!(kinds[..2], ["terms", "columns"], "{first:?}");
    let search = manifest.search.unwrap();
    let first_view = context(&shelf, &manifest).quotes_first().unwrap().clone();
    let guide = first_view.guide.clone();
    let speaking: Vec<_> = first_view.facets.speakers.iter().map(|(a, _)| a.clone()).collect();
    let names = dossier::core::search::Names::of((&c).into(), &speaking);
    let likely = |q: &str| dossier::core::search::likely_chunks(&guide, Some(&names), &QuoteQuery { q: q.into(), ..QuoteQuery::default() });
    let guessed: Vec<usize> = first[2..].iter().map(|w| w.shard.first as usize).collect();
    assert_eq!(guessed, likely(&q.q));
    let sanctions = likely("sanctions ");
    assert_eq!(sanctions.len(), 1);
    let lavrov = c.actors.iter().position(|a| a.name.contains("Lavrov")).unwrap();
    let said = guide.firsts.len() + 2 + guide.said.partition_point(|&s| s as usize <= lavrov) - 1;
    assert!(guessed.contains(&said), "Lavrov's said chunk {said} among {guessed:?}");
    assert!(guessed.contains(&sanctions[0]) && first[2..].iter().all(|w| w.shard.kind == Kind::Postings));
    let read = |shelf: &mut Shelf, w: &dossier::core::pack::Wanted| shelf.put_wanted(w, read_shard(&w.shard, bytes_of(&files, &w.shard.file)).unwrap()).unwrap();
    // With the terms and guessed chunks read, but not the columns: the query's
    // other chunks are wanted, exactly those the whole index opened from both shards says.
    for w in first.iter().filter(|w| !w.shard.file.starts_with("columns")) {
        read(&mut shelf, w);
    }
    assert!(shelf.sharded().is_none(), "no index answers without its columns");
    let now = shelf.wanted(&manifest, &need, &BTreeMap::new());
    let shards = QuoteIndex::new(&c).to_shards(&c, 1024);
    let expected = ShardedIndex::open(&c, &shards.terms, &shards.columns).unwrap().missing(&q);
    assert!(!expected.is_empty() && expected.contains(&sanctions[0]));
    let mut files_now: Vec<String> = now.iter().map(|w| w.shard.file.clone()).collect();
    files_now.sort();
    let mut files_expected: Vec<String> = std::iter::once(first.iter().find(|w| w.shard.file.starts_with("columns")).unwrap().shard.file.clone())
        .chain(expected.iter().filter(|k| !guessed.contains(k)).map(|&k| search.chunk(k as u32).file))
        .collect();
    files_expected.sort();
    assert_eq!(files_now, files_expected);
    assert!(guessed.iter().all(|k| expected.contains(k)), "guessed {guessed:?}, read {expected:?}");
    // Chunks that arrive before the columns wait for them; then the search is answered.
    for w in now.iter().filter(|w| w.shard.file.starts_with("postings")) {
        read(&mut shelf, w);
    }
    assert!(shelf.sharded().is_none());
    for w in now.iter().filter(|w| w.shard.file.starts_with("columns")) {
        read(&mut shelf, w);
    }
    assert!(shelf.wanted(&manifest, &need, &BTreeMap::new()).is_empty());
    let ctx = context(&shelf, &manifest);
    assert!(ctx.satisfies(&need[0]));
    assert!(matches!(ctx.quotes(&q), Some(dossier::core::lists::QuoteAnswer::Sharded(_))));
}

#[test]
fn a_search_typed_cold_fetches_its_words_chunks_beside_the_terms_and_no_chunk_it_does_not_read() {
    use dossier::core::route::{QuoteQuery, QuoteSort};
    let (c, manifest, files, slices) = sharded_site();
    let search = manifest.search.expect("a sharded index");
    // The quotes page's first view names the first word of each postings chunk, in the
    // vocabulary's order.
    let first_view = context(&quotes_page(&manifest, &files, &slices), &manifest).quotes_first().unwrap().clone();
    let guide = first_view.guide.clone();
    let speaking: Vec<_> = first_view.facets.speakers.iter().map(|(a, _)| a.clone()).collect();
    let firsts = &guide.firsts;
    assert!(!firsts.is_empty() && (firsts.len() as u32) < search.chunks);
    assert!(firsts.windows(2).all(|w| w[0] < w[1]), "{firsts:?}");
    // And the first actor of each said chunk, the units last.
    assert!(guide.said.len() > 1 && firsts.len() + 2 + guide.said.len() == search.chunks as usize, "{guide:?}");
    assert_eq!(guide.fault(), None);
    let postings = |read: &[String]| -> Vec<String> {
        let mut p: Vec<String> = read.iter().filter(|f| f.starts_with("postings-")).cloned().collect();
        p.sort();
        p
    };
    // Words of the corpus's quotes (each in the vocabulary), whole and being typed, and
    // two words of a phrase.
    let mut words: Vec<String> = c.quotes.iter().flat_map(|q| q.text.split_whitespace()).map(|w| w.to_lowercase()).filter(|w| w.len() >= 4 && w.chars().all(char::is_alphabetic)).collect();
    words.sort();
    words.dedup();
    assert!(words.len() > 20, "{} words", words.len());
    let step = words.len() / 20;
    let mut queries: Vec<(String, QuoteSort)> = words.iter().step_by(step).flat_map(|w| [format!("{w} "), w.clone(), w[..3].to_owned()]).map(|q| (q, QuoteSort::Auto)).collect();
    queries.push((format!("\"{} {}\" ", words[1], words[step]), QuoteSort::Auto));
    // Speakers' names, whole, a word of one, being typed, with a typo, and sorted by date.
    for a in &c.actors {
        let name = a.name.to_lowercase();
        let word = name.split_whitespace().last().unwrap().to_owned();
        queries.extend([format!("{name} "), format!("{word} "), word.chars().take(4).collect()].map(|q| (q, QuoteSort::Auto)));
        queries.push((format!("{word} sanctions"), QuoteSort::Date));
    }
    queries.extend(["lavorv ", "al-shaybani", "shaybni ", "lavrov al-shaibani ", "lavroff"].map(|q| (q.to_owned(), QuoteSort::Auto)));
    let names = dossier::core::search::Names::of((&c).into(), &speaking);
    let mut guessed = 0;
    let mut said_guessed = 0;
    let (mut whole_names, mut whole_in_one) = (0, 0);
    for (q, sort) in queries {
        let query = QuoteQuery { q: q.clone(), sort, ..QuoteQuery::default() };
        let need = [Need::sharded_query(&query)];
        // Typed on the page opened cold: the terms, the columns and the guess, in one round.
        let mut cold = quotes_page(&manifest, &files, &slices);
        let first: Vec<String> = cold.wanted(&manifest, &need, &BTreeMap::new()).into_iter().map(|w| w.shard.file).collect();
        assert!(first.iter().any(|f| f.starts_with("terms-")) && first.iter().any(|f| f.starts_with("columns-")), "{q:?}: {first:?}");
        // Without the page's first view (nothing names the chunks' first words), no guess.
        let bare: Vec<String> = Shelf::default().wanted(&manifest, &need, &BTreeMap::new()).into_iter().map(|w| w.shard.file).collect();
        assert!(postings(&bare).is_empty(), "{q:?}: {bare:?}");
        let read = fetch(&mut cold, &manifest, &files, &need, &BTreeMap::new());
        // Typed once the terms and columns are in: exactly the chunks the index names.
        let mut warm = Shelf::default();
        fetch(&mut warm, &manifest, &files, &[Need::sharded(Vec::new(), Vec::new())], &BTreeMap::new());
        let named = fetch(&mut warm, &manifest, &files, &need, &BTreeMap::new());
        // The guess is only ever a chunk the query reads: the same files in the end.
        assert_eq!(postings(&read), postings(&named), "{q:?}");
        let early = postings(&first);
        assert!(early.iter().all(|f| postings(&named).contains(f)), "{q:?}: guessed {early:?}, read {named:?}");
        // A whole word is always guessed.
        if q.ends_with(' ') {
            assert!(!early.is_empty(), "{q:?}: no guess");
        }
        guessed += usize::from(!early.is_empty());
        // A speaker's name typed whole needs no second round: all it reads was guessed.
        if q.strip_suffix(' ').is_some_and(|n| c.actors.iter().any(|a| a.name.to_lowercase() == n)) {
            whole_names += 1;
            whole_in_one += usize::from(early == postings(&named));
        }
        // A name's said chunk is among them (after the postings, the dates, the speakers).
        let said_from = firsts.len() as u32 + 2;
        said_guessed += usize::from(first.iter().any(|f| (said_from..search.chunks).any(|k| *f == search.chunk(k).file)));
        // Not with a speaker filter, which reads every quote's speaker (too large to guess).
        let filtered = QuoteQuery { speakers: vec![c.actors[0].id.clone()], ..query.clone() };
        let guess = dossier::core::search::likely_chunks(&guide, Some(&names), &filtered);
        assert!(guess.iter().all(|&k| k < firsts.len() || k == firsts.len() && sort == QuoteSort::Date), "{q:?}: {guess:?}");
        // So is the dates file for a sort by date.
        assert_eq!(first.contains(&search.chunk(firsts.len() as u32).file), sort == QuoteSort::Date, "{q:?}");
        assert!(context(&cold, &manifest).satisfies(&need[0]), "{q:?}");
    }
    assert!(guessed > 40, "{guessed} queries guessed");
    assert!(said_guessed > c.actors.len(), "{said_guessed} queries guessed a said chunk");
    assert_eq!((whole_names, whole_in_one), (c.actors.len(), c.actors.len()), "names typed whole, and read in one round");
}

/// The timeline filtered by actors on a site opened at `/timeline`: what it reads, and
/// the context it then renders from.
fn timeline_filtered(manifest: &Manifest, files: &[DataFile], q: &dossier::core::route::TimelineQuery) -> (Vec<String>, CorpusContext) {
    use dossier::core::pack::need_for_route;
    let mut shelf = Shelf::default();
    fetch(&mut shelf, manifest, files, &[need_for(&Page::Timeline)], &BTreeMap::new());
    let route = Route::Timeline(q.clone());
    let read = fetch(&mut shelf, manifest, files, &[need_for_route(&route, false)], &BTreeMap::new());
    let ctx = context(&shelf, manifest);
    assert!(ctx.satisfies(&need_for_route(&route, false)), "{}", route.href());
    (read, ctx)
}

use dossier::core::route::Page;

#[test]
fn the_timeline_filtered_by_actors_reads_only_their_lanes_and_shows_what_every_event_shows() {
    use dossier::core::date::PartialDate;
    use dossier::core::lists::TimelineAnswer;
    use dossier::core::model::{ActorId, ActorKind};
    use dossier::core::route::{ActorMatch, TimelineQuery};
    init();
    let (data, _) = dossier::synth::corpus_with_event_actors(40, 2_400, 12, 11);
    let c = dossier::core::load::load(&data).expect("the synthetic corpus is valid");
    let (manifest, files, _) = files(&c, 300);
    // Every actor's lane in exactly one file, in order, which `of_actor` finds; none
    // listed among the shards (they are named by number under one hash).
    let listed = manifest.lanes.as_ref().expect("lanes files");
    let lanes: Vec<ShardRef> = (0..listed.firsts.len()).map(|k| listed.file(k).unwrap()).collect();
    assert!(lanes.len() >= 3, "{} lanes shards", lanes.len());
    assert_eq!(lanes.iter().map(|s| s.count as usize).sum::<usize>(), c.actors.len());
    assert!(lanes.windows(2).all(|w| w[0].first + w[0].count == w[1].first));
    for (a, _) in c.actors.iter().enumerate() {
        let file = listed.of_actor(a).unwrap();
        assert!((file.first as usize..(file.first + file.count) as usize).contains(&a), "actor {a} in {file:?}");
        assert!(files.iter().any(|f| f.name == file.file), "{} written", file.file);
    }
    assert_eq!(listed.of_actor(c.actors.len()), None);
    assert!(manifest.shards.iter().all(|s| s.kind != Kind::Lanes));
    let busy: Vec<&ActorId> = c.actors.iter().map(|a| &a.id).filter(|a| !c.events_involving(a).is_empty()).collect();
    assert!(busy.len() >= 6);
    let kinds = [ActorKind::Person, ActorKind::Organization, ActorKind::State];
    let mut rng = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = |n: usize| {
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        (rng % n as u64) as usize
    };
    // How many of the queries keep some events, with and without another filter.
    let mut kept = [0, 0];
    for round in 0..48 {
        let mut actors: Vec<ActorId> = (0..1 + next(3)).map(|_| busy[next(busy.len())].clone()).collect();
        actors.dedup();
        if round % 11 == 5 {
            // An id no actor has (a hand-edited URL): it has no events to wait for.
            actors.push(ActorId::new("no-such-actor"));
        }
        let mut q = TimelineQuery { actors, ..TimelineQuery::default() };
        q.match_mode = if q.actors.len() > 1 && next(3) == 0 { ActorMatch::All } else { ActorMatch::Any };
        let others = round % 4 != 0;
        if others {
            match next(4) {
                0 => q.from = Some(PartialDate::year(2015 + next(10) as i32)),
                1 => q.to = PartialDate::year_month(2018 + next(8) as i32, 1 + next(12) as u8),
                2 => q.kind = Some(kinds[next(kinds.len())]),
                _ => q.doc = Some(c.events[next(c.events.len())].document.clone()),
            }
        }
        let (read, ctx) = timeline_filtered(&manifest, &files, &q);
        // The chosen actors' lanes, and not every event.
        assert!(!read.is_empty() && read.iter().all(|f| f.starts_with("lanes-")), "{q:?}: {read:?}");
        assert!(read.len() <= q.actors.len());
        assert!(ctx.corpus.events.len() < c.events.len(), "{q:?}: only the lanes' events");
        let partial = ctx.timeline(&q).expect("answered from the lanes");
        let full = whole(&c).timeline(&q).expect("answered");
        assert!(matches!(partial, TimelineAnswer::Whole(_)));
        assert_eq!(partial.len(), full.len(), "{q:?}");
        kept[usize::from(others)] += usize::from(!full.is_empty());
        assert_eq!(event_ids(&ctx, partial.shown()), event_ids(&whole(&c), full.shown()), "{q:?}");
        assert_eq!(chart_by_id(&ctx, &partial, &q), chart_by_id(&whole(&c), &full, &q), "{q:?}");
        let route = Route::Timeline(q.clone());
        if others {
            // The picker's counts over another filter need every event: none until then.
            assert!(ctx.timeline_counts(&q).is_none(), "{q:?}");
        } else {
            // The picker's counts are the first view's, and the page is the whole corpus's.
            assert_eq!(ctx.timeline_counts(&q), whole(&c).timeline_counts(&q));
            assert_eq!(render_page(SHELL, &ctx, &route, "").unwrap(), render_page(SHELL, &whole(&c), &route, "").unwrap(), "{q:?}");
        }
    }
    assert!(kept[0] >= 10 && kept[1] >= 20, "queries keeping events: {kept:?}");
}

#[test]
fn a_lane_that_does_not_hold_its_actors_events_is_refused() {
    use dossier::core::model::Event;
    use dossier::core::route::TimelineQuery;
    use dossier::core::pack::Shard;
    let (data, _) = dossier::synth::corpus_with_event_actors(20, 200, 6, 3);
    let c = dossier::core::load::load(&data).expect("the synthetic corpus is valid");
    let (manifest, files, _) = files(&c, 100);
    let a = c.actors.iter().position(|a| !c.events_involving(&a.id).is_empty()).unwrap();
    let not_theirs = c.events.iter().position(|e| !e.involves(&c.actors[a].id)).unwrap();
    let lane = ShardRef { kind: Kind::Lanes, first: a as u32, count: 1, file: "lanes-test.bin".to_owned(), bytes: 0, hash: 0 };
    let summary = |n: usize| (n as u32, Event { evidence: String::new(), ..c.events[n].clone() });
    let theirs: Vec<usize> = c.events_involving(&c.actors[a].id).to_vec();
    let lanes_of = |held: &[usize]| Shard::Lanes { first: a as u32, lists: vec![held.iter().map(|&n| n as u32).collect()], events: held.iter().map(|&n| summary(n)).collect() };
    let mut swapped = theirs.clone();
    swapped[0] = not_theirs;
    swapped.sort_unstable();
    let repeated: Vec<u32> = std::iter::repeat_n(theirs[0] as u32, theirs.len()).collect();
    let bad = [
        // One event short of the catalog's count.
        ("where the catalog counts", lanes_of(&theirs[1..])),
        // An event the actor is not in, in place of one they are.
        ("who is not in it", lanes_of(&swapped)),
        // As many numbers as the catalog counts, but one of them twice.
        ("out of order or twice", Shard::Lanes { first: a as u32, lists: vec![repeated], events: vec![summary(theirs[0])] }),
    ];
    let id = c.actors[a].id.clone();
    let query = TimelineQuery { actors: vec![id.clone()], ..TimelineQuery::default() };
    for (reason, content) in bad {
        // Refused as it is put, with the file named, and nothing of it left on the shelf:
        // the lane is fetched again, and the good file then taken.
        let mut refused = shelf(&manifest, &files, Parts::CATALOG);
        let err = refused.put(&lane, content.clone()).unwrap_err();
        assert!(err.reason.contains(reason) && err.file == lane.file, "{reason}: {err}");
        assert!(!refused.has(&lane));
        assert!(refused.lanes(&manifest).is_empty(), "{reason}");
        assert!(refused.corpus(&manifest).expect("nothing refused stays").events.is_empty(), "{reason}");
        let again: Vec<String> = refused.wanted(&manifest, &[Need::timeline(&query)], &BTreeMap::new()).into_iter().map(|w| w.shard.file).collect();
        let real = manifest.lanes.as_ref().and_then(|l| l.of_actor(a)).expect("a lanes file");
        assert!(again.contains(&real.file), "the lane is wanted again: {again:?}");
        refused.put(&real, read_shard(&real, bytes_of(&files, &real.file)).unwrap()).unwrap();
        assert!(refused.lanes(&manifest).contains(&id));
        assert_eq!(refused.corpus(&manifest).unwrap().events_involving(&id).len(), theirs.len());
        // Read before the catalog (natively only: the browser finds lanes through it),
        // the same lane is refused when the corpus is made.
        let mut early = Shelf::default();
        early.put(&lane, content).unwrap();
        for shard in manifest.shards_for(Parts::CATALOG) {
            early.put(shard, read_shard(shard, bytes_of(&files, &shard.file)).unwrap()).unwrap();
        }
        let err = early.corpus(&manifest).unwrap_err();
        assert!(err.reason.contains(reason), "{reason}: {err}");
    }
    // A lanes file whose list names an event it does not hold is refused when read.
    let real = manifest.lanes.as_ref().and_then(|l| l.file(0)).unwrap();
    let mut bytes = bytes_of(&files, &real.file).to_vec();
    let last = bytes.len() - 1;
    bytes[last] ^= 1;
    assert!(read_shard(&real, &bytes).unwrap_err().reason.contains("corrupt"));
    // Another release's lanes file under this one's name (a host mixing releases).
    let other = LaneFiles { set: real.hash ^ 1, ..manifest.lanes.clone().unwrap() };
    let err = read_shard(&other.file(0).unwrap(), bytes_of(&files, &real.file)).unwrap_err();
    assert!(err.reason.contains("another release"), "{err}");
}

/// A list's first screen is a windowful of the shortest cards and two more, within its
/// bounds; a window of no known height gets the most (the benchmark of the sharded search
/// asks for the window it runs in, as the quotes page does).
#[test]
fn a_first_screen_is_a_windowful_of_the_shortest_cards() {
    use dossier::ui::components::more::{first_screen_for, FIRST_SCREEN};
    assert_eq!(first_screen_for(720.0), 10);
    assert_eq!(first_screen_for(1620.0), FIRST_SCREEN);
    assert_eq!(first_screen_for(100.0), 8);
    for unknown in [0.0, -5.0, f64::NAN, f64::INFINITY] {
        assert_eq!(first_screen_for(unknown), FIRST_SCREEN, "{unknown}");
    }
}

/// A list placed low in the window (the timeline's, below its chart) renders at first what
/// the window shows of it and two cards more, at least three, never more than a
/// windowful; a list below the window gets the fewest, one scrolled into gets a windowful.
#[test]
fn a_list_low_in_the_window_renders_what_shows_of_it_first() {
    use dossier::ui::components::more::{first_screen_for, first_screen_in};
    let windowful = first_screen_for(720.0);
    // 28 px of the list show: one card, and two more.
    assert_eq!(first_screen_in(28.0, windowful), 3);
    assert_eq!(first_screen_in(156.0, windowful), 4);
    assert_eq!(first_screen_in(-1200.0, windowful), 3);
    assert_eq!(first_screen_in(0.0, windowful), 3);
    // Scrolled into the list: the room is more than the window; still a windowful at most.
    assert_eq!(first_screen_in(720.0 + 2000.0, windowful), windowful);
    assert_eq!(first_screen_in(450.0, windowful), 7);
    // A room not known is a windowful; a windowful below three is kept.
    assert_eq!(first_screen_in(f64::NAN, windowful), windowful);
    assert_eq!(first_screen_in(-50.0, 2), 2);
}

/// The page for a path Dossier does not have names it; a folder of pages (`/events`) also
/// leads to the page that lists them.
#[test]
fn a_folder_of_pages_that_is_no_page_leads_to_its_listing() {
    init();
    let c = corpus();
    let ctx = whole(&c);
    // (Without the markers hydration reads.)
    let html = render_page(SHELL, &ctx, &Route::NotFound { path: "/events".into() }, "").unwrap().replace("<!---->", "");
    assert!(html.contains("There is no page at /events in this dossier."), "{html}");
    assert!(html.contains("Events are listed on <a href=\"/timeline\">the timeline</a>."), "{html}");
    let other = render_page(SHELL, &ctx, &Route::NotFound { path: "/eventz".into() }, "").unwrap();
    assert!(!other.contains("are listed on"), "{other}");
}
