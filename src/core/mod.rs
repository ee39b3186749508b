//! The pure core: everything Dossier knows, with no browser, DOM or UI crate in sight.
//!
//! Data flows one way: [`raw`] (serde shapes of the files) → [`load`] (parse and
//! validate into the typed [`model`]) → queries ([`search`], [`timeline`], [`facets`],
//! [`stats`]; [`lists`], the quotes list's first page the build works out).
//! [`pack`] writes the checked corpus as the binary data files the browser reads (and
//! reads them). [`site`] writes the files around the pages (shell, sitemap, service
//! worker). [`route`] turns URLs into typed view state and back. [`date`] and [`fold`] are shared
//! vocabulary. [`draft`] (native only) proposes records from a raw article for a curator
//! to confirm. Invariant: nothing here imports leptos, web-sys, wasm-bindgen or gloo
//! (checked by `tests/it/tidy.rs`).

pub mod chart;
pub mod cite;
pub mod date;
#[cfg(not(target_arch = "wasm32"))]
pub mod draft;
pub mod error;
pub mod export;
pub mod facets;
pub mod fold;
pub mod lists;
pub mod load;
pub mod meta;
pub mod model;
pub mod pack;
#[cfg(not(target_arch = "wasm32"))]
pub mod par;
pub mod preview;
pub mod published;
pub mod raw;
pub mod route;
pub mod search;
pub mod site;
pub mod stats;
pub mod text;
pub mod timeline;
