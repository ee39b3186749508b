//! Fetching the data files in the browser: the manifest a page names in its head, then
//! what a page needs (`core::pack::need_for`): the shards of whole parts, and a record
//! page's slice, whose file the page's head names (preloaded, so it usually arrives with
//! the wasm) or, for a page reached inside the app, a directory shard does. Each file is
//! checked and decoded by [`crate::core::pack`]; a failed fetch or a refused file is an
//! error with the file and the reason, never a panic and never a partial corpus.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::pack::{read_manifest, read_shard, Manifest, Need, ShardRef, Shelf};
use crate::core::site::BaseUrl;
use crate::ui::data::CorpusContext;

/// A release's data files, and what of them has been read.
pub struct Source {
    manifest: Manifest,
    shelf: Mutex<Shelf>,
    /// Slice files named by the page's head, by key.
    hints: Mutex<BTreeMap<String, ShardRef>>,
}

/// The locks cannot be poisoned in a single-threaded page; said in words if they are.
const UNUSABLE: &str = "the data store is unusable";

impl Source {
    /// Reads the manifest at `href`.
    pub async fn open(href: &str) -> Result<Source, String> {
        let bytes = fetch_bytes(href).await?;
        let manifest = read_manifest(href, &bytes).map_err(|e| e.to_string())?;
        Ok(Source { manifest, shelf: Mutex::new(Shelf::default()), hints: Mutex::default() })
    }

    /// Notes that the slice `key` is in `shard` (as the page's head says).
    pub fn hint(&self, key: String, shard: ShardRef) {
        if let Ok(mut hints) = self.hints.lock() {
            hints.insert(key, shard);
        }
    }

    /// Fetches what of `needs` is not on the shelf yet and returns the corpus of
    /// everything read so far (`Shelf::wanted` says what to read; a slice found through
    /// a directory takes a second round, so three rounds always suffice).
    pub async fn load(&self, needs: &[Need]) -> Result<CorpusContext, String> {
        for _ in 0..3 {
            let wanted = {
                let mut shelf = self.shelf.lock().map_err(|_| UNUSABLE)?;
                let hints = self.hints.lock().map_err(|_| UNUSABLE)?;
                shelf.wanted(&self.manifest, needs, &hints)
            };
            if wanted.is_empty() {
                break;
            }
            // Every request is started before the first is awaited, so they run side by side.
            let pending: Vec<_> = wanted.iter().map(|w| (w, fetch_bytes(&w.shard.href()))).collect();
            let mut read = Vec::with_capacity(pending.len());
            for (w, started) in pending {
                let bytes = started.await?;
                read.push((w, read_shard(&w.shard, &bytes).map_err(|e| e.to_string())?));
            }
            let mut shelf = self.shelf.lock().map_err(|_| UNUSABLE)?;
            for (w, content) in read {
                shelf.put_wanted(w, content).map_err(|e| e.to_string())?;
            }
        }
        let shelf = self.shelf.lock().map_err(|_| UNUSABLE)?;
        if let Some(key) = shelf.lacking(needs) {
            return Err(format!("the data of the page {key} is not in this release's files (reload the page)"));
        }
        let corpus = shelf.corpus(&self.manifest).map_err(|e| e.to_string())?;
        let index = shelf.index().map(Arc::from);
        Ok(CorpusContext::new(corpus, index, BaseUrl::new(self.manifest.base_url.as_deref()))
            .with_citations(Some(Arc::new(shelf.citations().clone())))
            .with_slices(shelf.slices())
            .with_previews(self.manifest.previews))
    }
}

/// Fetches a file's bytes; any failure is said in words. The request starts at the
/// call, before the future is first awaited.
fn fetch_bytes(href: &str) -> impl std::future::Future<Output = Result<Vec<u8>, String>> {
    let href = href.to_owned();
    let window = web_sys::window();
    let started = window.map(|w| JsFuture::from(w.fetch_with_str(&href)));
    async move {
        let response = started
            .ok_or("no window")?
            .await
            .map_err(|_| format!("{href}: the network request failed (offline, or the site is unreachable)"))?;
        let response: web_sys::Response = response.dyn_into().map_err(|_| format!("{href}: not a response"))?;
        if !response.ok() {
            return Err(format!("{href}: the server answered {} {}", response.status(), response.status_text()));
        }
        let buffer = response.array_buffer().map_err(|_| format!("{href}: the body cannot be read"))?;
        let buffer = JsFuture::from(buffer).await.map_err(|_| format!("{href}: the download was interrupted"))?;
        Ok(js_sys::Uint8Array::new(&buffer).to_vec())
    }
}
