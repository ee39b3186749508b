//! Dossier: explore what was said and what happened in a set of news documents.
//!
//! [`core`] is pure Rust (model, data loading and validation, search, timeline filtering,
//! URL state, data files) and is tested natively. [`ui`] is the Leptos front end: rendered
//! natively into the static pages, hydrated in the browser; it calls the core and owns
//! nothing but presentation. [`synth`] generates
//! deterministic synthetic corpora for the benchmarks.

pub mod core;
pub mod synth;

pub mod ui;
