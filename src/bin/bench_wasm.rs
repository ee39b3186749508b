//! The search core compiled to WebAssembly for the browser benchmark (`.ci/bench`): it
//! generates the synthetic corpus (`dossier::synth`), builds the index and answers queries,
//! so `tests/browser/bench/peers.html` can time Dossier in Chromium beside MiniSearch and
//! FlexSearch on exactly the same quotes and queries. Not part of the app.

#[cfg(target_arch = "wasm32")]
mod bench {
    use wasm_bindgen::prelude::wasm_bindgen;

    use dossier::core::load::load;
    use dossier::core::model::Corpus;
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
}

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("dossier-bench-wasm is built for wasm32 by .ci/bench; natively, run `cargo run --release --bin dossier-bench`");
    std::process::exit(2);
}
