//! Fetching the data files in the browser: the manifest a page names in its head, then
//! what a page needs (`core::pack::need_for`): the shards of whole parts, and a record
//! page's slice, whose file the page's head names (preloaded, so it usually arrives with
//! the wasm) or, for a page reached inside the app, a directory shard does. Each file is
//! checked and decoded by [`crate::core::pack`]; a failed fetch or a refused file is an
//! error with the file and the reason, never a panic and never a partial corpus.
//!
//! Data files are named by their content, so a release never mixes with another; when a
//! newer release replaces this one on the host, this page's files are gone. A file the
//! host does not have (404) is therefore checked against the manifest: if the manifest is
//! gone too, the error is [`Failure::Superseded`] and the page reloads into the release
//! that is live now (once per release, so a host that keeps serving old pages cannot
//! make it loop); otherwise it is a plain failure, shown with a retry.

use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::{Arc, Mutex};

use futures::future::{FutureExt, Shared};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::pack::{read_manifest, read_shard, Manifest, Need, ShardRef, Shelf};
use crate::ui::data::CorpusContext;

/// A release's data files, and what of them has been read.
pub struct Source {
    /// Where the manifest is: its absence on the host means this release was replaced.
    href: String,
    manifest: Manifest,
    shelf: Mutex<Shelf>,
    /// Slice files named by the page's head, by key.
    hints: Mutex<BTreeMap<String, ShardRef>>,
}

/// The locks cannot be poisoned in a single-threaded page; said in words if they are.
fn unusable() -> Fetched {
    Fetched::Failed("the data store is unusable".to_owned())
}

/// Why a page's data could not be had.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// A newer release replaced the one the page is from (`manifest` is gone from the host).
    Superseded { manifest: String },
    /// Anything else, in words: the file and the reason.
    Other(String),
}

impl std::fmt::Display for Failure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Failure::Superseded { manifest } => write!(
                f,
                "a newer release of this site is live and this page’s files ({manifest}) are gone from the host: reload the page"
            ),
            Failure::Other(reason) => f.write_str(reason),
        }
    }
}

impl Failure {
    /// Reloads the page into the live release, unless it was already reloaded away from
    /// this same release (a host still serving the old page would loop); returns whether
    /// it did.
    pub fn reload_if_superseded(&self) -> bool {
        let Failure::Superseded { manifest } = self else { return false };
        let Some(window) = web_sys::window() else { return false };
        // Without a place to remember it (storage turned off), no reload: it could loop.
        let Some(storage) = window.session_storage().ok().flatten() else { return false };
        const KEY: &str = "dossier-reloaded-from";
        if storage.get_item(KEY).ok().flatten().as_deref() == Some(manifest.as_str()) {
            return false;
        }
        if storage.set_item(KEY, manifest).is_err() {
            return false;
        }
        window.location().reload().is_ok()
    }
}

/// How one fetch went wrong.
#[derive(Clone)]
enum Fetched {
    /// The host answered 404: the file is not there.
    Missing(String),
    Failed(String),
}

impl From<Fetched> for Failure {
    fn from(f: Fetched) -> Failure {
        match f {
            Fetched::Missing(href) => Failure::Other(format!("{href}: the server answered 404 Not Found")),
            Fetched::Failed(reason) => Failure::Other(reason),
        }
    }
}

impl Source {
    /// Reads the manifest at `href`.
    pub async fn open(href: &str) -> Result<Source, Failure> {
        let bytes = match fetch_bytes(href).await {
            // The page names a manifest that is gone: the page is from an older release.
            Err(Fetched::Missing(_)) => return Err(Failure::Superseded { manifest: href.to_owned() }),
            other => other.map_err(Failure::from)?,
        };
        let manifest = read_manifest(href, &bytes).map_err(|e| Failure::Other(e.to_string()))?;
        Ok(Source { href: href.to_owned(), manifest, shelf: Mutex::new(Shelf::default()), hints: Mutex::default() })
    }

    /// Whether the release shards its search index.
    pub fn sharded_search(&self) -> bool {
        self.manifest.search.is_some()
    }

    /// Notes that the slice `key` is in `shard` (as the page's head says).
    pub fn hint(&self, key: String, shard: ShardRef) {
        if let Ok(mut hints) = self.hints.lock() {
            hints.insert(key, shard);
        }
    }

    /// Fetches what of `needs` is not on the shelf yet and returns the corpus of
    /// everything read so far (`Shelf::wanted` says what to read). Each file is read as
    /// it arrives, and what it makes known is asked for at once: the slice a directory
    /// names, the chunks a query's words read once the terms shard is in. The first
    /// requests start at the call, before the future is first polled: a page that asks
    /// while it renders has its files on the way before the render is done.
    pub fn load(self: &Arc<Source>, needs: &[Need]) -> impl std::future::Future<Output = Result<CorpusContext, Failure>> + 'static {
        let first = self.start(needs);
        let (source, needs) = (self.clone(), needs.to_vec());
        async move {
            let read = source.read(&needs, first).await;
            if matches!(read, Err(Fetched::Missing(_))) && source.superseded().await {
                return Err(Failure::Superseded { manifest: source.href.clone() });
            }
            read.map_err(Failure::from)
        }
    }

    /// Whether this release's manifest is gone from the host. Asked past every cache
    /// (the HTTP cache by `no-store`, the service worker's by a query it never stored).
    async fn superseded(&self) -> bool {
        matches!(fetch_with(&format!("{}?release", self.href), true).await, Err(Fetched::Missing(_)))
    }

    /// Starts a round: requests what of `needs` is not on the shelf, side by side, but
    /// for the files in `asked` (on their way already), which it adds to.
    fn start_new(&self, needs: &[Need], asked: &mut BTreeSet<String>) -> Result<Round, Fetched> {
        let wanted = {
            let mut shelf = self.shelf.lock().map_err(|_| unusable())?;
            let hints = self.hints.lock().map_err(|_| unusable())?;
            shelf.wanted(&self.manifest, needs, &hints)
        };
        Ok(wanted
            .into_iter()
            .filter(|w| asked.insert(w.shard.file.clone()))
            .map(|w| {
                let started = fetch_shared(w.shard.href());
                (w, Box::pin(started) as Pending)
            })
            .collect())
    }

    /// Starts the first round of a load.
    fn start(&self, needs: &[Need]) -> Result<Round, Fetched> {
        self.start_new(needs, &mut BTreeSet::new())
    }

    async fn read(&self, needs: &[Need], first: Result<Round, Fetched>) -> Result<CorpusContext, Fetched> {
        use futures::stream::{FuturesUnordered, StreamExt};
        let first = first?;
        // Every file of a load is asked for once: what is on its way is not asked again.
        let mut asked: BTreeSet<String> = first.iter().map(|(w, _)| w.shard.file.clone()).collect();
        let arrive = |(w, started): (crate::core::pack::Wanted, Pending)| async move { (w, started.await) };
        let mut pending: FuturesUnordered<_> = first.into_iter().map(arrive).collect();
        // The first failure fails the load (the files still on their way are dropped
        // by it: each leaves `ON_THE_WAY` when it ends, see `fetch_shared`).
        while let Some((w, bytes)) = pending.next().await {
            let content = read_shard(&w.shard, &bytes?).map_err(|e| Fetched::Failed(e.to_string()))?;
            self.shelf.lock().map_err(|_| unusable())?.put_wanted(&w, content).map_err(|e| Fetched::Failed(e.to_string()))?;
            pending.extend(self.start_new(needs, &mut asked)?.into_iter().map(arrive));
        }
        let shelf = self.shelf.lock().map_err(|_| unusable())?;
        if let Some(key) = shelf.lacking(&self.manifest, needs) {
            return Err(Fetched::Failed(format!("the data of the page {key} is not in this release’s files (reload the page)")));
        }
        let ctx = CorpusContext::from_shelf(&shelf, &self.manifest).map_err(|e| Fetched::Failed(e.to_string()))?;
        // What was read holds what it was read for, or the load failed: files that
        // disagree with each other (a search part the manifest does not list) are said,
        // never a context that would send the page to ask again.
        if needs.iter().any(|n| !ctx.satisfies(n)) {
            return Err(Fetched::Failed("this release’s data files do not hold what the page needs (reload the page)".to_owned()));
        }
        Ok(ctx)
    }
}

/// A fetch under way.
type Pending = std::pin::Pin<Box<dyn std::future::Future<Output = Result<Vec<u8>, Fetched>>>>;

/// The files of one round of [`Source::load`], each with its fetch under way.
type Round = Vec<(crate::core::pack::Wanted, Pending)>;

thread_local! {
    /// Data files on their way, by address, shared by every load that asks for one: a
    /// load started while another fetches the same file waits for that fetch instead of
    /// starting its own (typing during a cold search starts a load a keystroke, each
    /// asking for the index's terms and columns until they are in).
    static ON_THE_WAY: RefCell<HashMap<String, Shared<Pending>>> = RefCell::default();
}

/// [`fetch_bytes`], or the fetch of the same file already on its way. A file leaves
/// [`ON_THE_WAY`] when its fetch ends, so a load asking for it later finds it on the shelf
/// or fetches it again (after a failure: the retry). Each fetch is driven to its end by a
/// task of its own, not only by the loads that wait for it: a load that failed on another
/// file drops it, and a later load must not be handed that fetch's old answer (a failure
/// that was nobody's but the abandoned load's) as if it were on its way. (A file that
/// arrives for no load is not kept: a later load asks for it again, from the HTTP cache.
/// A load that waits for a file gets a copy of its bytes, the task holding the other.)
fn fetch_shared(href: String) -> Shared<Pending> {
    ON_THE_WAY.with(|on_the_way| {
        let mut on_the_way = on_the_way.borrow_mut();
        if let Some(fetch) = on_the_way.get(&href) {
            return fetch.clone();
        }
        let started = fetch_bytes(&href);
        let key = href.clone();
        let fetch: Pending = Box::pin(async move {
            let bytes = started.await;
            ON_THE_WAY.with(|on_the_way| on_the_way.borrow_mut().remove(&key));
            bytes
        });
        let fetch = fetch.shared();
        on_the_way.insert(href, fetch.clone());
        let ended = fetch.clone();
        wasm_bindgen_futures::spawn_local(async move {
            let _ = ended.await;
        });
        fetch
    })
}

/// Fetches a file's bytes; any failure is said in words. The request starts at the
/// call, before the future is first awaited.
fn fetch_bytes(href: &str) -> impl std::future::Future<Output = Result<Vec<u8>, Fetched>> {
    fetch_with(href, false)
}

/// [`fetch_bytes`], past the HTTP cache if `fresh`.
fn fetch_with(href: &str, fresh: bool) -> impl std::future::Future<Output = Result<Vec<u8>, Fetched>> {
    let href = href.to_owned();
    let window = web_sys::window();
    let started = window.map(|w| {
        let init = web_sys::RequestInit::new();
        if fresh {
            init.set_cache(web_sys::RequestCache::NoStore);
        }
        JsFuture::from(w.fetch_with_str_and_init(&href, &init))
    });
    async move {
        let failed = |why: &str| Fetched::Failed(format!("{href}: {why}"));
        let response = started
            .ok_or_else(|| failed("no window"))?
            .await
            .map_err(|_| failed("the network request failed (offline, or the site is unreachable)"))?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| failed("not a response"))?;
        if response.status() == 404 {
            return Err(Fetched::Missing(href));
        }
        if !response.ok() {
            return Err(failed(&format!("the server answered {} {}", response.status(), response.status_text())));
        }
        let buffer = response.array_buffer().map_err(|_| failed("the body cannot be read"))?;
        let buffer = JsFuture::from(buffer).await.map_err(|_| failed("the download was interrupted"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
