//! The corpus as the pages see it. Natively (the static build) it is the whole checked
//! corpus; in the browser it is what the data files fetched so far hold (`ui::fetch`),
//! and more is fetched when a page needs a part or a slice that is not in yet. A page is
//! rendered only once what it needs ([`crate::core::pack::need_for`]) is in, so it
//! always renders as the static build rendered it.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::{Arc, OnceLock};

use leptos::prelude::*;

use crate::core::cite::Citations;
use crate::core::lists::{lanes_cover, picker_counts, quotes_need, speakers_need, Indexes, QuoteAnswer, QuotesFirst, TimelineAnswer, TimelineFirst};
use crate::core::model::{ActorId, Corpus, Parts, Quote};
use crate::core::pack::{Manifest, Need, PackError, SearchFiles, Shelf};
use crate::core::route::{QuoteQuery, TimelineQuery};
use crate::core::search::{QuoteIndex, ShardedIndex};
use crate::core::site::BaseUrl;

/// The corpus at one moment and its search index, which every page reads. Pages take a
/// snapshot when they are created and keep it: a part fetched later for another page
/// does not re-create them.
#[derive(Clone)]
pub struct CorpusContext {
    pub corpus: Arc<Corpus>,
    /// The prebuilt index's bytes (from the data files), if fetched.
    index_bytes: Option<Arc<[u8]>>,
    quote_index: Arc<OnceLock<QuoteIndex>>,
    /// The APA and Chicago citations the build rendered: all of them natively, in the
    /// browser those of the record pages whose slices were fetched.
    pub citations: Option<Arc<Citations>>,
    /// The record pages' slices in (by key), with the pages known not to exist; `None`
    /// when the corpus is whole (natively), which has every page's records.
    slices: Option<Arc<BTreeSet<String>>>,
    /// The quotes list's first page as the build worked it out, if its slice was read.
    quotes_first: Option<Arc<QuotesFirst>>,
    /// The timeline's first view as the build worked it out, if its slice was read.
    timeline_first: Option<Arc<TimelineFirst>>,
    /// Who appears most often with the actors whose pages' slices were read.
    together: Arc<BTreeMap<ActorId, Vec<(ActorId, usize)>>>,
    /// The release's sharded search index, if it has one ([`SearchFiles`]), and the
    /// index as far as it is in.
    search_files: Option<SearchFiles>,
    sharded: Option<Arc<ShardedIndex>>,
    /// Quote records fetched by number (excerpts files, slices): the hits a sharded
    /// search shows.
    found: Arc<BTreeMap<u32, Quote>>,
    excerpt_files: Arc<BTreeSet<u32>>,
    /// The actors whose every event is in (their lanes were read; every actor once
    /// every event is): the timeline filtered by them is answered.
    lanes: Arc<[ActorId]>,
    /// Whether the build drew link preview images, which the head names.
    pub previews: bool,
    /// Where the site lives, for canonical and preview URLs.
    pub base: BaseUrl,
}

impl CorpusContext {
    /// A context for `corpus`; `index_bytes` is the search index the build made for it.
    pub fn new(corpus: Corpus, index_bytes: Option<Arc<[u8]>>, base: BaseUrl) -> CorpusContext {
        CorpusContext {
            corpus: Arc::new(corpus),
            index_bytes,
            quote_index: Arc::default(),
            citations: None,
            slices: Some(Arc::default()),
            quotes_first: None,
            timeline_first: None,
            together: Arc::default(),
            search_files: None,
            sharded: None,
            found: Arc::default(),
            excerpt_files: Arc::default(),
            lanes: Arc::default(),
            previews: false,
            base,
        }
    }

    /// The context of what is on `shelf` (the browser's, or a test's).
    pub fn from_shelf(shelf: &Shelf, manifest: &Manifest) -> Result<CorpusContext, PackError> {
        // The sharded index must be the one the manifest describes, or the page would ask
        // for parts of it that no file holds.
        if let (Some(files), Some(index)) = (&manifest.search, shelf.sharded()) {
            if index.chunks() != files.chunks as usize || index.quotes() != files.quotes as usize {
                let reason = format!(
                    "the search index has {} parts and {} quotes where the manifest says {} and {} (reload the page)",
                    index.chunks(),
                    index.quotes(),
                    files.chunks,
                    files.quotes
                );
                return Err(PackError { file: "terms".to_owned(), reason });
            }
        }
        let ctx = CorpusContext::new(shelf.corpus(manifest)?, shelf.index().map(Arc::from), BaseUrl::new(manifest.base_url.as_deref()))
            .with_citations(Some(Arc::new(shelf.citations().clone())))
            .with_slices(shelf.slices())
            .with_previews(manifest.previews);
        Ok(CorpusContext {
            quotes_first: shelf.quotes_first().cloned().map(Arc::new),
            timeline_first: shelf.timeline_first().cloned().map(Arc::new),
            together: Arc::new(shelf.together().clone()),
            search_files: manifest.search,
            sharded: shelf.sharded().cloned(),
            found: Arc::new(shelf.numbered_quotes()),
            excerpt_files: Arc::new(shelf.excerpt_files().clone()),
            lanes: shelf.lanes(manifest).into(),
            ..ctx
        })
    }

    /// The same context, saying which record pages' slices are in.
    pub fn with_slices(self, slices: BTreeSet<String>) -> CorpusContext {
        CorpusContext { slices: Some(Arc::new(slices)), ..self }
    }

    /// The same context, saying whether the build drew preview images.
    pub fn with_previews(self, previews: bool) -> CorpusContext {
        CorpusContext { previews, ..self }
    }

    /// The same context with the build's rendered citations.
    pub fn with_citations(self, citations: Option<Arc<Citations>>) -> CorpusContext {
        CorpusContext { citations, ..self }
    }

    /// A context whose index is already built (natively, where the build made it).
    pub fn with_index(corpus: Arc<Corpus>, index: QuoteIndex, base: BaseUrl) -> CorpusContext {
        let quote_index = Arc::new(OnceLock::new());
        let _ = quote_index.set(index);
        CorpusContext {
            corpus,
            index_bytes: None,
            quote_index,
            citations: None,
            slices: None,
            quotes_first: None,
            timeline_first: None,
            together: Arc::default(),
            search_files: None,
            sharded: None,
            found: Arc::default(),
            excerpt_files: Arc::default(),
            lanes: Arc::default(),
            previews: false,
            base,
        }
    }

    /// The search index, read from the build's bytes the first time a page searches
    /// (pages that never search never pay for it). Bytes that do not fit this corpus
    /// cannot come from a consistent release, but the answer stays right: the index is
    /// then built here.
    pub fn quote_index(&self) -> &QuoteIndex {
        self.quote_index.get_or_init(|| {
            self.index_bytes
                .as_deref()
                .and_then(|bytes| QuoteIndex::from_bytes(&self.corpus, bytes).ok())
                .unwrap_or_else(|| QuoteIndex::new(&self.corpus))
        })
    }

    /// The search index if every quote is in (so it answers any query), else `None`.
    pub fn searchable(&self) -> Option<&QuoteIndex> {
        self.corpus.parts().contains(Parts::QUOTES).then(|| self.quote_index())
    }

    /// The actors who share the most events with `actor`, most first, at most
    /// [`TOGETHER`](crate::core::pack::TOGETHER): counted over every event where they are
    /// in, else as the actor's page's slice says (it holds only a page of the events).
    pub fn together(&self, actor: &ActorId) -> Vec<(ActorId, usize)> {
        match self.together.get(actor) {
            Some(list) if !self.corpus.parts().contains(Parts::EVENTS) => list.clone(),
            _ => crate::core::facets::companions(&self.corpus, actor, crate::core::pack::TOGETHER),
        }
    }

    /// The quotes list's first page, if its slice was read.
    pub fn quotes_first(&self) -> Option<&QuotesFirst> {
        self.quotes_first.as_deref()
    }

    /// [`CorpusContext::quotes_first`], shared.
    pub fn quotes_first_shared(&self) -> Option<&Arc<QuotesFirst>> {
        self.quotes_first.as_ref()
    }

    /// The search indexes in: the whole one if every quote is, and the sharded one.
    pub fn indexes(&self) -> Indexes<'_> {
        let whole = self.searchable();
        Indexes { whole, sharded: self.sharded.as_deref().filter(|_| whole.is_none()) }
    }

    /// Quote records fetched by number.
    pub fn found(&self) -> &BTreeMap<u32, Quote> {
        &self.found
    }

    /// Whether the release shards its search index.
    pub fn sharded_search(&self) -> bool {
        self.search_files.is_some()
    }

    /// The quotes page's answer to `query` from what is in ([`QuoteAnswer::of`]).
    pub fn quotes(&self, query: &QuoteQuery) -> Option<QuoteAnswer> {
        QuoteAnswer::of(self.indexes(), self.quotes_first_shared(), &self.corpus, query)
    }

    /// What the quotes page must fetch to count the speakers of `answer` to `query`
    /// ([`speakers_need`]).
    pub fn speakers_need(&self, answer: Option<&QuoteAnswer>, query: &QuoteQuery) -> Option<Need> {
        speakers_need(answer, self.indexes(), self.quotes_first(), query)
    }

    /// What the quotes page must fetch to show `n` results of `query` ([`quotes_need`]).
    pub fn quotes_need(&self, answer: Option<&QuoteAnswer>, query: &QuoteQuery, n: usize) -> Option<Need> {
        quotes_need(answer, self.search_files.as_ref(), self.indexes().sharded, &self.found, query, n)
    }

    /// The timeline's answer to `query` from what is in ([`TimelineAnswer::of`]).
    pub fn timeline(&self, query: &TimelineQuery) -> Option<TimelineAnswer> {
        let events_in = self.corpus.parts().contains(Parts::EVENTS) || lanes_cover(&self.corpus, &self.lanes, query);
        TimelineAnswer::of(&self.corpus, events_in, self.timeline_first.as_deref(), query)
    }

    /// The actor picker's counts for `query` from what is in ([`picker_counts`]).
    pub fn timeline_counts(&self, query: &TimelineQuery) -> Option<Vec<(ActorId, usize)>> {
        picker_counts(&self.corpus, self.corpus.parts().contains(Parts::EVENTS), self.timeline_first.as_deref(), query)
    }

    /// The parts present, the index counted once it can be had without building it.
    pub fn parts(&self) -> Parts {
        let index = self.index_bytes.is_some() || self.quote_index.get().is_some();
        self.corpus.parts().with(if index { Parts::INDEX } else { Parts::NONE })
    }

    /// Whether a page that needs `need` can be rendered from this context.
    pub fn satisfies(&self, need: &Need) -> bool {
        let parts = self.parts();
        let slice = match (need.slice_needed(parts), &self.slices) {
            (Some(key), Some(have)) => have.contains(key),
            _ => true,
        };
        // A release without a sharded index has none of its files to wait for.
        let search = match (&need.search, self.search_files.as_ref()) {
            (Some(s), Some(_)) => self.sharded.as_ref().is_some_and(|index| {
                s.chunks.iter().all(|&k| index.has_chunk(k))
                    && s.excerpts.iter().all(|k| self.excerpt_files.contains(k))
                    && s.query.as_ref().is_none_or(|q| index.missing(q).is_empty())
            }),
            _ => true,
        };
        let lanes = parts.contains(Parts::EVENTS) || need.lanes.iter().all(|a| self.lanes.contains(a) || self.corpus.actor(a).is_none());
        parts.contains(need.parts) && slice && search && lanes
    }
}

/// Where pages get their data: the current [`CorpusContext`], and (in the browser) the
/// means to fetch more.
#[derive(Clone)]
pub struct DataContext {
    current: ArcRwSignal<CorpusContext>,
    /// The fetches that failed, each with why, shown with a retry by whatever waits for
    /// that need (a fetch abandoned for another, a keystroke's, fails for no one else).
    failures: ArcRwSignal<Vec<(Need, String)>>,
    #[cfg(target_arch = "wasm32")]
    source: Option<Arc<crate::ui::fetch::Source>>,
    /// The needs being fetched now, each with whether a page waits for it (not only a
    /// [`DataContext::prefetch`]): asking again for one of them (a keystroke while the
    /// focus's prefetch is on its way) waits for that fetch instead of starting another.
    #[cfg(target_arch = "wasm32")]
    in_flight: Arc<std::sync::Mutex<Vec<(Need, bool)>>>,
    /// The needs whose prefetch failed (the last few, [`keep_last`]), not prefetched again: a reader
    /// offline pointing at link after link makes one failing request a link, not one a
    /// rest of the pointer. A page asking for one still fetches it.
    #[cfg(target_arch = "wasm32")]
    prefetch_failed: Arc<std::sync::Mutex<Vec<Need>>>,
    /// What the lists wait for before they can answer at all ([`DataContext::watch`]):
    /// asked for as soon as data comes in, before the pages render it.
    #[cfg(target_arch = "wasm32")]
    watched: Arc<std::sync::Mutex<Vec<Watched>>>,
}

/// A list's watch ([`DataContext::watch`]): its number, what it needs and whether it waits.
#[cfg(target_arch = "wasm32")]
type Watched = (u64, Memo<Option<Need>>, Memo<bool>);

impl DataContext {
    /// Data that is all there (the static build, or a test).
    pub fn complete(ctx: CorpusContext) -> DataContext {
        DataContext {
            current: ArcRwSignal::new(ctx),
            failures: ArcRwSignal::new(Vec::new()),
            #[cfg(target_arch = "wasm32")]
            source: None,
            #[cfg(target_arch = "wasm32")]
            in_flight: Arc::default(),
            #[cfg(target_arch = "wasm32")]
            prefetch_failed: Arc::default(),
            #[cfg(target_arch = "wasm32")]
            watched: Arc::default(),
        }
    }

    /// Data fetched from `source`, of which `ctx` is what is in so far.
    #[cfg(target_arch = "wasm32")]
    pub fn fetched(ctx: CorpusContext, source: Arc<crate::ui::fetch::Source>) -> DataContext {
        DataContext {
            current: ArcRwSignal::new(ctx),
            failures: ArcRwSignal::new(Vec::new()),
            source: Some(source),
            in_flight: Arc::default(),
            prefetch_failed: Arc::default(),
            watched: Arc::default(),
        }
    }

    /// The current snapshot, subscribing: a component that shows more as more comes in.
    pub fn current(&self) -> CorpusContext {
        self.current.get()
    }

    /// The current snapshot, without subscribing.
    pub fn snapshot(&self) -> CorpusContext {
        self.current.get_untracked()
    }

    /// Whether what `need` names is in (subscribes).
    pub fn has(&self, need: &Need) -> bool {
        self.current.with(|c| c.satisfies(need))
    }

    /// Why fetching `need` failed, if its last fetch did (subscribes). A failure is the
    /// answer of the need that failed only: another need's fetch, even one that read some
    /// of the same files, says its own.
    pub fn failure_of(&self, need: &Need) -> Option<String> {
        self.failures.with(|f| f.iter().find(|(n, _)| n == need).map(|(_, why)| why.clone()))
    }

    /// Starts fetching whatever of `need` is not in yet; [`DataContext::has`] turns true
    /// when it is, or [`DataContext::failure_of`] says why not. Asking again after a
    /// failure is the retry: the failure is forgotten while it runs.
    pub fn request(&self, need: Need) {
        if self.current.with_untracked(|c| c.satisfies(&need)) {
            return;
        }
        if self.failures.with_untracked(|f| f.iter().any(|(n, _)| n == &need)) {
            self.failures.update(|f| f.retain(|(n, _)| n != &need));
        }
        self.load(need, true);
    }

    /// Fetches whatever of `need` is not in yet ahead of the reader (the link under the
    /// pointer or in focus), so following it finds its data in. Nobody waits for it: if
    /// it fails, nothing is said and nothing is kept (the page that asks for the need
    /// fetches it again and says why if that fails), unless a page has asked for the same
    /// need while it was on its way (then it is that page's fetch, as if it had asked:
    /// its failure is kept, even if the reader has left that page by the time it ends);
    /// and a newer release found live does not reload the page under the reader's
    /// pointer (the page that asks for the need will). A need whose prefetch failed is
    /// not prefetched again.
    pub fn prefetch(&self, need: Need) {
        if self.current.with_untracked(|c| c.satisfies(&need)) || self.failures.with_untracked(|f| f.iter().any(|(n, _)| n == &need)) {
            return;
        }
        #[cfg(target_arch = "wasm32")]
        if self.prefetch_failed.lock().map_or(true, |f| f.contains(&need)) {
            return;
        }
        self.load(need, false);
    }

    /// [`DataContext::request`] (`waited`) or [`DataContext::prefetch`], once the need is
    /// known not to be in.
    fn load(&self, need: Need, waited: bool) {
        #[cfg(target_arch = "wasm32")]
        if let Some(source) = self.source.clone() {
            let Ok(mut in_flight) = self.in_flight.lock() else { return };
            if let Some((_, waits)) = in_flight.iter_mut().find(|(n, _)| n == &need) {
                // On its way: a page asking for it now waits for that fetch.
                *waits |= waited;
                return;
            }
            in_flight.push((need.clone(), waited));
            drop(in_flight);
            let (current, failures, in_flight, data) = (self.current.clone(), self.failures.clone(), self.in_flight.clone(), self.clone());
            let prefetch_failed = self.prefetch_failed.clone();
            // Its requests start here, not when the task first runs.
            let loading = source.load(std::slice::from_ref(&need));
            leptos::task::spawn_local(async move {
                let loaded = loading.await;
                // Whether a page waits for it, now that it has ended.
                let waited = in_flight.lock().map_or(true, |mut in_flight| {
                    let waited = in_flight.iter().any(|(n, waits)| n == &need && *waits);
                    in_flight.retain(|(n, _)| n != &need);
                    waited
                });
                match loaded {
                    // What was asked for is in (`Source::load` holds to that): what the
                    // lists wait for next is asked for at once, and failures of needs now
                    // met are forgotten.
                    Ok(ctx) => {
                        if failures.with_untracked(|f| f.iter().any(|(n, _)| ctx.satisfies(n))) {
                            failures.update(|f| f.retain(|(n, _)| !ctx.satisfies(n)));
                        }
                        current.set(ctx);
                        data.follow();
                    }
                    // A prefetch nobody came to wait for: not said, not tried again.
                    Err(_) if !waited => {
                        if let Ok(mut failed) = prefetch_failed.lock() {
                            keep_last(&mut failed, need);
                        }
                    }
                    // A newer release is live: the page reloads into it, still "Loading…".
                    Err(e) if e.reload_if_superseded() => {}
                    Err(e) => remember_failure(&failures, need, e.to_string()),
                }
            });
            return;
        }
        // Natively every part is in from the start; nothing else can fetch.
        if waited {
            remember_failure(&self.failures, need, "this page’s data is not available".to_owned());
        }
    }
}

/// Keeps why `need` failed for whoever waits for it: the last few failures (a reader
/// typing offline fails a need a keystroke).
fn remember_failure(failures: &ArcRwSignal<Vec<(Need, String)>>, need: Need, why: String) {
    failures.update(|f| keep_last(f, (need, why)));
}

/// Adds `item` to a list of the last few failures (16), dropping the oldest.
fn keep_last<T>(list: &mut Vec<T>, item: T) {
    list.push(item);
    if list.len() > 16 {
        list.remove(0);
    }
}

impl DataContext {
    /// Asks at once for what a list waits for before it can answer (`need`, while
    /// `unanswered`) whenever data comes in or the reader asks ([`DataContext::follow`]),
    /// so the next round trip starts before the pages render what came in. The list's
    /// own effect asks too, later; the second ask finds the fetch under way. Until the
    /// calling page is left.
    pub fn watch(&self, need: Memo<Option<Need>>, unanswered: Memo<bool>) {
        #[cfg(target_arch = "wasm32")]
        {
            static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
            let id = NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            if let Ok(mut watched) = self.watched.lock() {
                watched.push((id, need, unanswered));
            }
            let watched = self.watched.clone();
            on_cleanup(move || {
                if let Ok(mut watched) = watched.lock() {
                    watched.retain(|(i, _, _)| *i != id);
                }
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = (need, unanswered);
    }

    /// Requests what the watched lists wait for now ([`DataContext::watch`]): called when
    /// data came in, and by a page whose query just changed.
    pub fn follow(&self) {
        #[cfg(target_arch = "wasm32")]
        {
            let watched = self.watched.lock().map(|w| w.clone()).unwrap_or_default();
            for (_, need, unanswered) in watched {
                if unanswered.try_get_untracked() == Some(true) {
                    if let Some(Some(need)) = need.try_get_untracked() {
                        self.request(need);
                    }
                }
            }
        }
    }

    /// [`DataContext::request`], once the browser has painted what is in: for what only
    /// adds to a list already shown (the rest of a page of results), so starting its
    /// fetches does not hold back that paint. Asked for only if `still` says it is
    /// wanted then.
    pub fn request_after_paint(&self, need: Need, still: impl Fn(&Need) -> bool + 'static) {
        #[cfg(target_arch = "wasm32")]
        {
            let data = self.clone();
            request_animation_frame(move || {
                set_timeout(
                    move || {
                        if still(&need) {
                            data.request(need);
                        }
                    },
                    std::time::Duration::ZERO,
                )
            });
        }
        #[cfg(not(target_arch = "wasm32"))]
        if still(&need) {
            self.request(need);
        }
    }
}

/// The data context the app was given.
pub fn use_data() -> DataContext {
    expect_context::<DataContext>()
}

/// The corpus as it is now, for a page being created.
pub fn use_corpus() -> CorpusContext {
    use_data().snapshot()
}
