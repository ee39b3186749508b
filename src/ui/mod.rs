//! The Leptos front end: a thin layer that renders what the core computes.
//!
//! [`app`] owns the shell (header, navigation, the current page) and the contexts;
//! [`pages`] has one file per page; [`components`] holds pieces shared between pages;
//! [`data`] is the corpus as pages see it. Natively, [`render`] renders every page for
//! the static build; in the browser, [`boot`] fetches the page's data ([`fetch`]) and
//! hydrates the page, and [`panic`] shows a panel if anything panics.
//! Invariant: no URL is built here except through [`crate::core::route::Route::href`],
//! and no data or URL text is ever inserted as HTML (only as text nodes and attributes).

pub mod app;
#[cfg(target_arch = "wasm32")]
pub mod boot;
pub mod components;
pub mod data;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
pub mod pages;
#[cfg(target_arch = "wasm32")]
pub mod panic;
#[cfg(not(target_arch = "wasm32"))]
pub mod render;

pub use app::App;
