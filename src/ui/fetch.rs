//! Fetching the data files in the browser: the manifest a page names in its head, then
//! the shards of the parts a page needs (all at once; the page's head preloads its own,
//! so they usually arrive with the wasm). Each file is checked and decoded by
//! [`crate::core::pack`]; a failed fetch or a refused file is an error with the file and
//! the reason, never a panic and never a partial corpus.

use std::sync::{Arc, Mutex};

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::core::model::Parts;
use crate::core::pack::{read_manifest, read_shard, Manifest, Shelf};
use crate::core::site::BaseUrl;
use crate::ui::data::CorpusContext;

/// A release's data files, and what of them has been read.
pub struct Source {
    manifest: Manifest,
    shelf: Mutex<Shelf>,
}

impl Source {
    /// Reads the manifest at `href`.
    pub async fn open(href: &str) -> Result<Source, String> {
        let bytes = fetch_bytes(href).await?;
        let manifest = read_manifest(href, &bytes).map_err(|e| e.to_string())?;
        Ok(Source { manifest, shelf: Mutex::new(Shelf::default()) })
    }

    /// Fetches what of `parts` is not on the shelf yet and returns the corpus of
    /// everything read so far.
    pub async fn load(&self, parts: Parts) -> Result<CorpusContext, String> {
        let wanted: Vec<_> = {
            let shelf = self.shelf.lock().map_err(|_| "the data store is unusable")?;
            self.manifest.shards_for(parts).filter(|s| !shelf.has(s)).cloned().collect()
        };
        // Every request is started before the first is awaited, so they run side by side.
        let pending: Vec<_> = wanted.iter().map(|s| (s, fetch_bytes(&s.href()))).collect();
        let mut read = Vec::with_capacity(pending.len());
        for (shard, started) in pending {
            let bytes = started.await?;
            read.push((shard, read_shard(shard, &bytes).map_err(|e| e.to_string())?));
        }
        let mut shelf = self.shelf.lock().map_err(|_| "the data store is unusable")?;
        for (shard, content) in read {
            shelf.put(shard, content);
        }
        let corpus = shelf.corpus(&self.manifest).map_err(|e| e.to_string())?;
        let index = shelf.index().map(Arc::from);
        let citations = shelf.citations().map_err(|e| e.to_string())?.cloned().map(Arc::new);
        Ok(CorpusContext::new(corpus, index, BaseUrl::new(self.manifest.base_url.as_deref()))
            .with_citations(citations)
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
