//! Integration test modules; see `tests/tests.rs` for what each covers.

mod cli;
mod data;
mod draft;
mod fixtures;
mod index;
mod pack;
mod props;
mod route;
mod search;
mod site;
mod tidy;
mod timeline;

use std::path::{Path, PathBuf};

/// A path relative to the package root.
pub fn root(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The bundled corpus, fully checked (sources included).
pub fn corpus() -> dossier::core::model::Corpus {
    dossier::core::load::load_dir(&root("data")).unwrap_or_else(|e| panic!("bundled data is invalid:\n{e}"))
}

/// The bundled corpus's actors as the data file has them.
pub fn data_actors() -> Vec<dossier::core::raw::RawEntity> {
    serde_json::from_str(&std::fs::read_to_string(root("data/actors.json")).unwrap()).unwrap()
}
