//! Ids are a public contract: people cite Dossier URLs for years. Two optional files in
//! the data folder keep that promise:
//!
//! - `published.txt`: every address ever published, one per line (`dossier published
//!   data/` adds this release's pages to it and never drops one). An address may stop
//!   being a page only with a redirect.
//! - `redirects.json`: `[{"from": "/quotes/old", "to": "/quotes/new", "reason": "..."}]`.
//!   The static build writes a page at `from` that sends the reader on to `to`.
//!
//! [`check`] reports every address of the ledger that is neither a page nor redirected,
//! and every redirect that shadows a page or points nowhere.

use std::collections::BTreeSet;

use serde::Deserialize;

use crate::core::error::{DataError, ErrorKind};
use crate::core::model::{is_valid_slug, Corpus};
use crate::core::route::{every_page, parse_address, Route};

pub const PUBLISHED: &str = "published.txt";
pub const REDIRECTS: &str = "redirects.json";

/// One retired address and where its content lives now.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Redirect {
    pub from: String,
    pub to: String,
    /// Why the id changed, for the curators who come later.
    #[serde(default)]
    pub reason: Option<String>,
}

/// Parses `redirects.json` (absent: no redirects).
pub fn parse_redirects(text: Option<&str>) -> Result<Vec<Redirect>, DataError> {
    let Some(text) = text else { return Ok(Vec::new()) };
    serde_json::from_str(text).map_err(|e| DataError {
        file: REDIRECTS.to_owned(),
        record: String::new(),
        kind: ErrorKind::Json,
        reason: e.to_string(),
    })
}

/// The addresses of `published.txt`: one per line, blank lines and `#` comments skipped.
pub fn parse_published(text: &str) -> Vec<String> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(str::to_owned).collect()
}

/// Every page address of a corpus, in the order of [`every_page`]: the ledger's content.
pub fn page_hrefs(corpus: &Corpus) -> Vec<String> {
    every_page(corpus).iter().map(Route::address).collect()
}

/// Whether `href` can be the `from` of a redirect: exactly the address of a quote, event,
/// actor or document page (or a part of a document: one that grew shorter) whose id is a
/// slug (so the page the build writes for it stays inside its folder: no `..`, no query,
/// no fragment).
fn is_redirectable(href: &str) -> bool {
    let id = match parse_address(href).route {
        Route::Quote(id) => id.to_string(),
        Route::Event(id) => id.to_string(),
        Route::Actor(id) => id.to_string(),
        Route::Document { id, quote: None, paragraph: None, .. } => id.to_string(),
        _ => return false,
    };
    is_valid_slug(&id) && parse_address(href).route.address() == href
}

/// The ledger for this release: every address of the previous ledger (addresses are never
/// dropped: a redirect must keep answering for them), every redirect source, and every
/// page of the corpus, in that order, without repeats.
pub fn next_ledger(corpus: &Corpus, redirects: &[Redirect], previous: &[String]) -> Vec<String> {
    let mut seen = BTreeSet::new();
    previous
        .iter()
        .cloned()
        .chain(redirects.iter().map(|r| r.from.clone()))
        .chain(page_hrefs(corpus))
        .filter(|h| seen.insert(h.clone()))
        .collect()
}

/// Checks redirects against the corpus and the ledger against both; every problem at once.
pub fn check(corpus: &Corpus, redirects: &[Redirect], published: Option<&[String]>) -> Vec<DataError> {
    let pages: BTreeSet<String> = page_hrefs(corpus).into_iter().collect();
    let mut errors = Vec::new();
    let mut error = |file: &str, record: &str, kind: ErrorKind, reason: String| {
        errors.push(DataError { file: file.to_owned(), record: record.to_owned(), kind, reason });
    };
    let mut froms = BTreeSet::new();
    for r in redirects {
        if !is_redirectable(&r.from) {
            error(REDIRECTS, &r.from, ErrorKind::BadValue, "`from` must be the address of a quote, event, actor or document page, such as /quotes/some-id".into());
        }
        if pages.contains(&r.from) {
            error(REDIRECTS, &r.from, ErrorKind::DuplicateId, "`from` is still a page of this corpus; a redirect would hide it".into());
        }
        if !pages.contains(&r.to) {
            error(REDIRECTS, &r.from, ErrorKind::UnknownReference, format!("`to` ({}) is not a page of this corpus", r.to));
        }
        if !froms.insert(r.from.as_str()) {
            error(REDIRECTS, &r.from, ErrorKind::DuplicateId, "redirected twice".into());
        }
    }
    for href in published.unwrap_or_default() {
        if !pages.contains(href) && !froms.contains(href.as_str()) {
            error(
                PUBLISHED,
                href,
                ErrorKind::UnknownReference,
                format!("this address was published but is no longer a page; add a redirect for it to {REDIRECTS}"),
            );
        }
    }
    errors
}
