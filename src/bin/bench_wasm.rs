//! The search core compiled to WebAssembly for the browser benchmark (`.ci/bench`): it
//! generates the synthetic corpus (`dossier::synth`), builds the index and answers queries,
//! so `tests/browser/bench/peers.html` can time Dossier in Chromium beside MiniSearch and
//! FlexSearch on exactly the same quotes and queries; and it runs the sharded search, cold
//! then warm, at 100,000 or 1,000,000 quotes on the files `dossier-bench` writes
//! (`ColdSearch`). Not part of the app.

#[cfg(target_arch = "wasm32")]
mod bench {
    use std::collections::HashMap;
    use std::sync::Arc;

    use wasm_bindgen::prelude::wasm_bindgen;

    use dossier::core::load::load;
    use dossier::core::model::{Actor, ActorId, Corpus, Counts, Document, Place, Quote};
    use dossier::core::pack::{Catalog, Kind, Manifest, Shard, ShardRef, Shelf, EXCERPT_QUOTES};
    use dossier::core::search::{likely_chunks, Guide, Names, Ranking, ShardedIndex};
    use dossier::ui::components::more::{first_screen_for, first_screen_in};
    use dossier::core::route::QuoteQuery;
    use dossier::core::site::LIST_PAGE;
    use dossier::core::search::QuoteIndex;
    use dossier::synth::{self, SynthQuote};

    /// A synthetic corpus, loaded and indexed as the app would.
    #[wasm_bindgen]
    pub struct SynthBench {
        corpus: Corpus,
        index: Option<QuoteIndex>,
        flat: Vec<SynthQuote>,
    }

    #[wasm_bindgen]
    impl SynthBench {
        /// Generates and loads (parses and validates) `n` quotes.
        #[wasm_bindgen(constructor)]
        pub fn new(n: usize, seed: u32) -> Result<SynthBench, String> {
            let (files, flat) = synth::corpus(n, u64::from(seed));
            let corpus = load(&files).map_err(|e| format!("invalid synthetic corpus: {} problems", e.0.len()))?;
            Ok(SynthBench { corpus, index: None, flat })
        }

        /// Builds the search index (timed separately from loading).
        pub fn build_index(&mut self) {
            self.index = Some(QuoteIndex::new(&self.corpus));
        }

        /// The built index as bytes (`QuoteIndex::to_bytes`), as a build would ship it.
        pub fn index_bytes(&self) -> Vec<u8> {
            self.index.as_ref().map(|index| index.to_bytes(&self.corpus)).unwrap_or_default()
        }

        /// Loads the index from bytes instead of building it (timed against building).
        pub fn load_index(&mut self, bytes: &[u8]) -> Result<(), String> {
            self.index = Some(QuoteIndex::from_bytes(&self.corpus, bytes).map_err(|e| e.to_string())?);
            Ok(())
        }

        /// The quotes as the peers index them: `[{"id": i, "text": ..., "speaker": ...}]`.
        pub fn quotes_json(&self) -> String {
            let records: Vec<serde_json::Value> = self
                .flat
                .iter()
                .enumerate()
                .map(|(i, q)| serde_json::json!({ "id": i, "text": q.text, "speaker": q.speaker }))
                .collect();
            serde_json::Value::Array(records).to_string()
        }

        /// The indices of the quotes matching `q`, as the quotes page gets them: every
        /// match found, the first page in order and explained (highlights, reasons), the
        /// rest in no particular order.
        pub fn search(&self, q: &str) -> Vec<u32> {
            let Some(index) = &self.index else { return Vec::new() };
            let query = QuoteQuery { q: q.to_owned(), ..QuoteQuery::default() };
            let ranking = index.rank(&self.corpus, &query);
            std::hint::black_box(ranking.explain_first(index, &self.corpus, LIST_PAGE));
            ranking.unordered().map(|h| h.quote as u32).collect()
        }

        /// The true result set of a typo or diacritic query, if it has one.
        pub fn truth(&self, q: &str) -> Option<Vec<u32>> {
            synth::truth(&self.flat, q).map(|t| t.into_iter().map(|i| i as u32).collect())
        }

        /// The benchmark's queries, as JSON.
        pub fn queries() -> String {
            serde_json::to_string(&synth::QUERIES).unwrap_or_default()
        }
    }

    /// One cold search of a sharded index, as the quotes page runs it, for
    /// `tests/browser/bench/cold.js`: the files are fetched there, read here in the order
    /// the page reads them (the catalog, which the page has before it searches; then the
    /// terms, the columns and the chunks the words surely read; any chunk still missing;
    /// then the excerpts files of the first screen of hits, which are explained). Then
    /// [`ColdSearch::warm`]: the same query as a new one costs, its files in.
    #[wasm_bindgen]
    pub struct ColdSearch {
        catalog: Corpus,
        guide: Guide,
        speaking: Vec<ActorId>,
        /// Made on the first guess, as the page makes it on the first keystroke.
        names: Option<Names>,
        index: Option<ShardedIndex>,
        ranking: Option<Arc<Ranking>>,
        texts: HashMap<usize, String>,
        query: QuoteQuery,
        /// How many hits the first screen shows (as the quotes page counts them in its window).
        screen: usize,
    }

    #[wasm_bindgen]
    impl ColdSearch {
        /// Reads the catalog file (`src/bin/bench.rs` writes it) for a search of `q` in a
        /// window `height` CSS pixels high whose results list has `room` pixels of it
        /// below its top (NaN where that is not known: a windowful). Its first screen of
        /// hits is explained, counted as the quotes page counts it (`Limit::next_screen`).
        #[wasm_bindgen(constructor)]
        pub fn new(catalog: &[u8], q: &str, height: f64, room: f64) -> Result<ColdSearch, String> {
            let (documents, actors, places, counts, guide, speaking): (Vec<Document>, Vec<Actor>, Vec<Place>, Counts, Guide, Vec<ActorId>) =
                postcard::from_bytes(catalog).map_err(|e| format!("catalog: {e}"))?;
            let body = postcard::to_allocvec(&(&documents, &actors, &places, &counts)).map_err(|e| e.to_string())?;
            let read: Catalog = postcard::from_bytes(&body).map_err(|e| format!("catalog: {e}"))?;
            // Made a corpus as the browser makes one, with the shelf's checks.
            let shard = ShardRef { kind: Kind::Catalog, first: 0, count: 1, file: "catalog.bin".to_owned(), bytes: 0, hash: 0 };
            // The quotes' shards are named but never read, as on the quotes page.
            let quotes = ShardRef { kind: Kind::Quotes, first: 0, count: counts.quotes as u32, file: "quotes.bin".to_owned(), bytes: 0, hash: 0 };
            let events = ShardRef { kind: Kind::Events, first: 0, count: counts.events as u32, file: "events.bin".to_owned(), bytes: 0, hash: 0 };
            let manifest = Manifest { base_url: None, previews: false, shards: vec![shard.clone(), quotes, events], search: None, lanes: None };
            let mut shelf = Shelf::default();
            shelf.put(&shard, Shard::Catalog(Box::new(read))).map_err(|e| e.to_string())?;
            let catalog = shelf.corpus(&manifest).map_err(|e| e.to_string())?;
            let query = QuoteQuery { q: q.to_owned(), ..QuoteQuery::default() };
            Ok(ColdSearch { catalog, guide, speaking, names: None, index: None, ranking: None, texts: HashMap::new(), query, screen: first_screen_in(room, first_screen_for(height)) })
        }

        /// The chunks the query's words surely read, fetched beside the terms and columns.
        pub fn likely(&mut self) -> Vec<u32> {
            let names = self.names.get_or_insert_with(|| Names::of((&self.catalog).into(), &self.speaking));
            likely_chunks(&self.guide, Some(names), &self.query).into_iter().map(|k| k as u32).collect()
        }

        /// Opens the index from its terms and columns.
        pub fn open(&mut self, terms: &[u8], columns: &[u8]) -> Result<(), String> {
            self.index = Some(ShardedIndex::open(&self.catalog, terms, columns).map_err(|e| e.to_string())?);
            Ok(())
        }

        /// The chunks the query reads that are not in.
        pub fn missing(&self) -> Vec<u32> {
            self.index.as_ref().map(|i| i.missing(&self.query).into_iter().map(|k| k as u32).collect()).unwrap_or_default()
        }

        /// Reads a postings chunk in.
        pub fn add_chunk(&mut self, bytes: &[u8]) -> Result<(), String> {
            let index = self.index.as_mut().ok_or("the index is not open")?;
            index.add_chunk(bytes).map(|_| ()).map_err(|e| e.to_string())
        }

        /// Ranks every match; returns the excerpts files the first screen of hits needs.
        pub fn rank(&mut self) -> Result<Vec<u32>, String> {
            let index = self.index.as_ref().ok_or("the index is not open")?;
            let ranking = index.rank(&self.catalog, &self.query).map_err(|missing| format!("chunks {missing:?} are not in"))?;
            let mut files: Vec<u32> = ranking.first(self.screen).iter().map(|h| (h.quote / EXCERPT_QUOTES) as u32).collect();
            files.sort_unstable();
            files.dedup();
            self.ranking = Some(ranking);
            Ok(files)
        }

        /// Reads an excerpts file in.
        pub fn add_excerpts(&mut self, bytes: &[u8]) -> Result<(), String> {
            let (first, quotes): (u32, Vec<Quote>) = postcard::from_bytes(bytes).map_err(|e| format!("excerpts: {e}"))?;
            self.texts.extend(quotes.into_iter().enumerate().map(|(i, q)| (first as usize + i, q.text)));
            Ok(())
        }

        /// How many hits the first screen shows.
        pub fn screen(&self) -> u32 {
            self.screen as u32
        }

        /// Explains the first screen of hits from their texts; returns how many quotes match.
        pub fn first_screen(&self) -> Result<u32, String> {
            let (index, ranking) = self.index.as_ref().zip(self.ranking.as_ref()).ok_or("not ranked")?;
            self.explain_screen(index, ranking)
        }

        /// The query again as a reader's next keystroke costs once its files are in: its
        /// words expanded and its quotes ranked anew (nothing taken from the last query or
        /// ranking, which the page reuses only for the same query), the first screen
        /// explained; returns how many quotes match.
        pub fn warm(&self) -> Result<u32, String> {
            let index = self.index.as_ref().ok_or("the index is not open")?;
            let ranking = index.rank_anew(&self.catalog, &self.query).map_err(|missing| format!("chunks {missing:?} are not in"))?;
            self.explain_screen(index, &ranking)
        }
    }

    impl ColdSearch {
        fn explain_screen(&self, index: &ShardedIndex, ranking: &Ranking) -> Result<u32, String> {
            for hit in ranking.first(self.screen) {
                let text = self.texts.get(&hit.quote).ok_or_else(|| format!("quote {} has not been read", hit.quote))?;
                std::hint::black_box(index.explain(ranking, text, &hit));
            }
            Ok(ranking.len() as u32)
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-bench-wasm is built for wasm32 by .ci/bench; natively, run `cargo run --release --bin dossier-bench`");
    std::process::exit(2);
}
