//! How good a draft is: the drafted records of a source against the curated ones.
//!
//! Documents are paired by their source text and paragraphs by their text, so the two
//! sides may number them differently. A quote is found when a draft in the same
//! paragraph has its words (trailing punctuation aside); a speaker is right when the
//! drafted speaker and the curated one share a spelling (folded as search folds it), so
//! a draft into an empty folder, whose actors are all new, is scored fairly.
//! A quotation the source opens and never closes counts as in quotation marks; a draft
//! with its first words but another end is counted apart ("same start, other end").
//! An event whose date the text states (no derivation) is found when a draft in the same
//! paragraph cites overlapping evidence, and dated right when one of those has the same
//! start, end and precision. Events a curator dated by inference are reported apart.

use std::collections::{BTreeMap, HashSet};
use std::fmt::{self, Write as _};

use crate::core::raw::{RawDocument, RawEntity, RawEvent, RawQuote};

use super::names::key;

/// One side: a data folder's records, parsed but not validated.
#[derive(Clone, Debug, Default)]
pub struct Side {
    pub documents: Vec<RawDocument>,
    pub actors: Vec<RawEntity>,
    pub quotes: Vec<RawQuote>,
    pub events: Vec<RawEvent>,
    /// Source file name → text.
    pub sources: BTreeMap<String, String>,
}

impl Side {
    /// Reads a data folder's files (missing files are empty).
    pub fn read(dir: &std::path::Path) -> Result<Side, String> {
        fn file<T: serde::de::DeserializeOwned>(dir: &std::path::Path, name: &str) -> Result<Vec<T>, String> {
            match std::fs::read_to_string(dir.join(name)) {
                Ok(t) => serde_json::from_str(&t).map_err(|e| format!("{}: {e}", dir.join(name).display())),
                Err(_) => Ok(Vec::new()),
            }
        }
        let mut sources = BTreeMap::new();
        if let Ok(entries) = std::fs::read_dir(dir.join("sources")) {
            for e in entries.flatten() {
                if let Ok(t) = std::fs::read_to_string(e.path()) {
                    sources.insert(e.file_name().to_string_lossy().into_owned(), t);
                }
            }
        }
        Ok(Side {
            documents: file(dir, "documents.json")?,
            actors: file(dir, "actors.json")?,
            quotes: file(dir, "quotes.json")?,
            events: file(dir, "events.json")?,
            sources,
        })
    }

    fn spellings(&self, id: &str) -> HashSet<String> {
        self.actors.iter().filter(|a| a.id == id).flat_map(|a| std::iter::once(&a.name).chain(&a.aliases)).map(|s| key(s)).filter(|k| !k.is_empty()).collect()
    }

    fn paragraph<'a>(&'a self, document: &str, n: u32) -> Option<&'a str> {
        let d = self.documents.iter().find(|d| d.id == document)?;
        d.paragraphs.iter().find(|p| p.n == n).map(|p| p.text.as_str())
    }
}

/// Found / total, and right / found where that applies.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Tally {
    pub total: usize,
    pub found: usize,
    /// Found from the same first word but ending elsewhere (a quotation whose closing
    /// mark the source never gives: the curator chose the end).
    pub other_end: usize,
    pub right: usize,
}

fn pct(a: usize, b: usize) -> String {
    if b == 0 {
        "–".to_owned()
    } else {
        format!("{:.1}%", 100.0 * a as f64 / b as f64)
    }
}

/// The scores of one comparison.
#[derive(Clone, Debug, Default)]
pub struct Report {
    /// Curated quotes by kind: those in quotation marks apart ("in marks").
    pub quotes: BTreeMap<String, Tally>,
    /// Curated events whose evidence states the date.
    pub stated_events: Tally,
    /// Curated events dated by inference (reported, not counted).
    pub inferred_events: Tally,
    /// Drafted quotes matching no curated quote, and all drafted quotes.
    pub false_quotes: usize,
    pub drafted_quotes: usize,
    pub false_events: usize,
    pub drafted_events: usize,
    /// Drafted quotes or evidence not verbatim in their paragraph (must be 0).
    pub not_verbatim: usize,
    /// Examples of misses, for whoever improves the rules.
    pub misses: Vec<String>,
}

fn norm(s: &str) -> &str {
    s.trim().trim_end_matches(|c: char| matches!(c, ',' | '.' | ';' | ':') || c.is_whitespace()).trim_start()
}

/// Whether `text` is opened by a quotation mark in `paragraph` (closed or not: a source
/// may never close one).
fn in_marks(paragraph: &str, text: &str) -> bool {
    paragraph.match_indices(text).any(|(at, _)| paragraph[..at].ends_with(['“', '"', '‘', '\'']))
}

/// Compares `drafted` with `curated` on every document whose source both hold.
pub fn score(curated: &Side, drafted: &Side) -> Report {
    let mut r = Report::default();
    let strip = |s: &str| s.trim_start_matches('\u{feff}').replace('\r', "");
    for cd in &curated.documents {
        let Some(ctext) = curated.sources.get(&cd.source) else { continue };
        let Some(dd) = drafted.documents.iter().find(|d| drafted.sources.get(&d.source).is_some_and(|t| strip(t) == strip(ctext))) else { continue };
        // Paragraph n on the curated side → n on the drafted side, by text.
        let mut map = BTreeMap::new();
        let mut from = 0;
        for p in &cd.paragraphs {
            if let Some(k) = dd.paragraphs[from..].iter().position(|q| q.text == p.text) {
                map.insert(p.n, dd.paragraphs[from + k].n);
                from += k + 1;
            }
        }
        let dquotes: Vec<&RawQuote> = drafted.quotes.iter().filter(|q| q.document == dd.id).collect();
        let devents: Vec<&RawEvent> = drafted.events.iter().filter(|e| e.document == dd.id).collect();
        for q in &dquotes {
            r.drafted_quotes += 1;
            if !drafted.paragraph(&dd.id, q.paragraph).is_some_and(|p| p.contains(&q.text)) {
                r.not_verbatim += 1;
            }
        }
        for e in &devents {
            r.drafted_events += 1;
            if !drafted.paragraph(&dd.id, e.paragraph).is_some_and(|p| p.contains(&e.evidence)) {
                r.not_verbatim += 1;
            }
        }
        let mut matched_drafts: HashSet<*const RawQuote> = HashSet::new();
        for q in curated.quotes.iter().filter(|q| q.document == cd.id) {
            let paragraph = curated.paragraph(&cd.id, q.paragraph).unwrap_or("");
            let kind = if in_marks(paragraph, &q.text) { format!("{} (in quotation marks)", q.kind) } else { q.kind.clone() };
            let tally = r.quotes.entry(kind.clone()).or_default();
            tally.total += 1;
            let n = map.get(&q.paragraph).copied();
            let exact = dquotes.iter().find(|d| Some(d.paragraph) == n && norm(&d.text) == norm(&q.text));
            let same_start = || dquotes.iter().find(|d| Some(d.paragraph) == n && (d.text.starts_with(norm(&q.text)) || q.text.starts_with(norm(&d.text))));
            // Overlapping drafts are not false drafts, even when not the same words.
            for d in dquotes.iter().filter(|d| Some(d.paragraph) == n && (d.text.contains(norm(&q.text)) || q.text.contains(norm(&d.text)))) {
                matched_drafts.insert(*d as *const RawQuote);
            }
            let d = match (exact, same_start()) {
                (Some(d), _) => {
                    tally.found += 1;
                    d
                }
                (None, Some(d)) => {
                    tally.other_end += 1;
                    r.misses.push(format!("quote found with another end: {} [{kind}] drafted {:?}, curated {:?}", q.id, shorten(&d.text), shorten(&q.text)));
                    d
                }
                (None, None) => {
                    r.misses.push(format!("quote not found: {} [{kind}] {:?}", q.id, shorten(&q.text)));
                    continue;
                }
            };
            let want = curated.spellings(&q.speaker.clone().unwrap_or_default());
            let got = d.speaker.as_deref().map(|s| drafted.spellings(s)).unwrap_or_default();
            if !want.is_disjoint(&got) {
                tally.right += 1;
            } else {
                r.misses.push(format!("speaker wrong: {} [{kind}] drafted {:?}, curated {:?}", q.id, d.speaker, q.speaker));
            }
        }
        r.false_quotes += dquotes.iter().filter(|d| !matched_drafts.contains(&(**d as *const RawQuote))).count();

        let mut matched_events: HashSet<*const RawEvent> = HashSet::new();
        for e in curated.events.iter().filter(|e| e.document == cd.id) {
            let n = map.get(&e.paragraph).copied();
            let overlapping: Vec<&&RawEvent> = devents.iter().filter(|d| Some(d.paragraph) == n && (d.evidence.contains(&e.evidence) || e.evidence.contains(&d.evidence))).collect();
            for d in &overlapping {
                matched_events.insert(**d as *const RawEvent);
            }
            let stated = e.date.as_ref().is_some_and(|d| d.derivation.is_none());
            let tally = if stated { &mut r.stated_events } else { &mut r.inferred_events };
            tally.total += 1;
            if overlapping.is_empty() {
                if stated {
                    r.misses.push(format!("stated event not found: {} {:?}", e.id, shorten(&e.evidence)));
                }
                continue;
            }
            tally.found += 1;
            let same_date = |d: &RawEvent| match (&d.date, &e.date) {
                (Some(a), Some(b)) => a.start == b.start && a.end == b.end && a.precision == b.precision,
                _ => false,
            };
            if overlapping.iter().any(|d| same_date(d)) {
                tally.right += 1;
            } else if stated {
                let got: Vec<String> = overlapping.iter().map(|d| d.date.as_ref().map_or("unknown".into(), |x| format!("{}/{:?}/{}", x.start, x.end, x.precision))).collect();
                r.misses.push(format!("date wrong: {} curated {:?}, drafted {got:?}", e.id, e.date.as_ref().map(|x| (&x.start, &x.end, &x.precision))));
            }
        }
        r.false_events += devents.iter().filter(|d| !matched_events.contains(&(**d as *const RawEvent))).count();
    }
    r
}

fn shorten(s: &str) -> String {
    let short: String = s.chars().take(60).collect();
    if short.len() < s.len() {
        short + "…"
    } else {
        short
    }
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::new();
        let _ = writeln!(out, "| curated quotes, by kind | total | found (same words) | recall | same start, other end | speaker right | of found |");
        let _ = writeln!(out, "|---|---:|---:|---:|---:|---:|---:|");
        for (kind, t) in &self.quotes {
            let found = t.found + t.other_end;
            let _ = writeln!(out, "| {kind} | {} | {} | {} | {} | {} | {} |", t.total, t.found, pct(t.found, t.total), t.other_end, t.right, pct(t.right, found));
        }
        let s = &self.stated_events;
        let i = &self.inferred_events;
        let _ = writeln!(out, "\n| curated events | total | found | date right | of total |");
        let _ = writeln!(out, "|---|---:|---:|---:|---:|");
        let _ = writeln!(out, "| date stated in the evidence (counted) | {} | {} | {} | {} |", s.total, s.found, s.right, pct(s.right, s.total));
        let _ = writeln!(out, "| dated by inference (reported only) | {} | {} | {} | {} |", i.total, i.found, i.right, pct(i.right, i.total));
        let _ = writeln!(
            out,
            "\ndrafts: {} quotes, {} matching no curated quote (precision {}); {} events, {} matching no curated event (precision {}); {} not verbatim",
            self.drafted_quotes,
            self.false_quotes,
            pct(self.drafted_quotes - self.false_quotes, self.drafted_quotes),
            self.drafted_events,
            self.false_events,
            pct(self.drafted_events - self.false_events, self.drafted_events),
            self.not_verbatim
        );
        f.write_str(&out)
    }
}
