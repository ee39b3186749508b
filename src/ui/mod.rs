//! The Leptos front end: a thin layer that renders what the core computes.
//!
//! [`app`] owns the shell (header, navigation, the current page) and the contexts;
//! [`pages`] has one file per page; [`components`] holds pieces shared between pages.
//! Invariant: no URL is built here except through [`crate::core::route::Route::href`],
//! and no data or URL text is ever inserted as HTML (only as text nodes and attributes).

pub mod app;
pub mod components;
pub mod pages;
pub mod panic;

pub use app::App;
