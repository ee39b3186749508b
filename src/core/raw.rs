//! The data files exactly as serde reads them: strings and numbers, nothing checked.
//!
//! `deny_unknown_fields` turns a misspelt key into an error instead of silently lost
//! data. Everything beyond JSON shape (ids, vocabularies, dates, references, substrings)
//! is checked in [`crate::core::load`], so all problems are reported together.
//!
//! Every record may carry `draft`: what a curator must still confirm, written by
//! `dossier draft` (`core::draft`). A draft is validated like curated data but left out
//! of the site; confirming it is setting `draft` to `null` (or deleting the line).

use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDate {
    pub start: String,
    #[serde(default)]
    pub end: Option<String>,
    pub precision: String,
    #[serde(default)]
    pub derivation: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawParagraph {
    pub n: u32,
    pub kind: String,
    pub text: String,
    #[serde(default)]
    pub speaker: Option<String>,
    /// Why the drafter flagged this paragraph (a repeat, scraping debris); `null` once
    /// a curator has looked. Flagged paragraphs are kept so nothing is silently lost.
    #[serde(default)]
    pub draft: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawDocument {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub title_supplied: bool,
    pub source: String,
    pub publisher: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    pub published: Option<RawDate>,
    pub kind: String,
    #[serde(default)]
    pub notes: Vec<String>,
    pub paragraphs: Vec<RawParagraph>,
    #[serde(default)]
    pub draft: Option<String>,
}

/// An actor or a place: the two files share one shape.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEntity {
    pub id: String,
    pub name: String,
    pub kind: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    pub description: String,
    #[serde(default)]
    pub draft: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuote {
    pub id: String,
    pub text: String,
    /// Required; only a draft may leave it `null` (the drafter found no speaker).
    #[serde(default)]
    pub speaker: Option<String>,
    pub document: String,
    pub paragraph: u32,
    pub kind: String,
    #[serde(default)]
    pub said_to: Option<String>,
    #[serde(default)]
    pub said_on: Option<RawDate>,
    #[serde(default)]
    pub question: Option<u32>,
    #[serde(default)]
    pub reported_by: Option<String>,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub draft: Option<String>,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEventActor {
    pub id: String,
    pub role: String,
}

#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub id: String,
    pub title: String,
    /// Required; only a draft may leave it `null` (a date expression the drafter could
    /// not resolve, with the reason in `draft`).
    #[serde(default)]
    pub date: Option<RawDate>,
    #[serde(default)]
    pub actors: Vec<RawEventActor>,
    #[serde(default)]
    pub places: Vec<String>,
    pub document: String,
    pub paragraph: u32,
    pub evidence: String,
    #[serde(default)]
    pub notes: Option<String>,
    #[serde(default)]
    pub draft: Option<String>,
}
