//! Export of what is on screen: the shown quotes or events as CSV, JSON, a Markdown list
//! of citations, or references for a reference manager (CSL-JSON, BibTeX; one entry a
//! record, each a passage of its source, as `core::cite` writes them). Built in the browser from the same records the page shows; every text is
//! verbatim and every unknown stays empty (CSV), `null` (JSON) or spelled out (Markdown).
//! A date goes with its precision and, when it was inferred, how (quotes and events alike).

use serde_json::{json, Value};

use crate::core::cite::{self, event_citation, quote_citation, Cited};
use crate::core::date::DateSpec;
use crate::core::model::Corpus;
use crate::core::route::Route;

/// The export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Markdown,
    CslJson,
    Bibtex,
}

impl Format {
    pub const ALL: [Format; 5] = [Format::Csv, Format::Json, Format::Markdown, Format::CslJson, Format::Bibtex];

    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Markdown => "Markdown citations",
            Format::CslJson => "CSL-JSON",
            Format::Bibtex => "BibTeX",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
            Format::CslJson => "csl.json",
            Format::Bibtex => "bib",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json | Format::CslJson => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
            Format::Bibtex => "application/x-bibtex;charset=utf-8",
        }
    }
}

/// An export ready to save: its file name and content (CSV starts with a UTF-8
/// byte-order mark).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub file_name: String,
    pub content: String,
}

/// One exported record in every format.
struct Record {
    csv: Vec<String>,
    json: Value,
    citation: String,
    /// The record as a reference (CSL-JSON item, BibTeX entry).
    csl: Value,
    bibtex: String,
}

/// Puts records together in one format.
fn assemble(format: Format, what: &str, header: &[&str], records: Vec<Record>) -> Export {
    let content = match format {
        Format::Csv => {
            // A byte-order mark, so spreadsheet programs read UTF-8 (Arabic names, curly quotes).
            let mut rows = vec!["\u{feff}".to_owned(), csv_row(header)];
            rows.extend(records.iter().map(|r| csv_row(&r.csv.iter().map(String::as_str).collect::<Vec<_>>())));
            rows.concat()
        }
        Format::Json => pretty(&Value::Array(records.into_iter().map(|r| r.json).collect())),
        Format::Markdown => records.iter().map(|r| format!("- {}\n", r.citation)).collect(),
        Format::CslJson => pretty(&Value::Array(records.into_iter().map(|r| r.csl).collect())),
        Format::Bibtex => records.iter().map(|r| r.bibtex.as_str()).collect::<Vec<_>>().join("\n"),
    };
    Export { file_name: format!("dossier-{what}.{}", format.extension()), content }
}

/// The quotes at `shown` (indices into `corpus.quotes`), in the order shown. `origin` is
/// the site's origin (`https://example.org`), for the Dossier URL of each quote.
pub fn quotes(corpus: &Corpus, shown: &[usize], format: Format, origin: &str) -> Export {
    let header = ["id", "speaker", "said_to", "said_on", "said_on_shown", "said_on_precision", "said_on_derivation", "kind", "reported_by", "text", "document", "paragraph", "url"];
    let records = shown
        .iter()
        .map(|&i| {
            let q = &corpus.quotes[i];
            let url = format!("{origin}{}", Route::Quote(q.id.clone()).href());
            Record {
                csv: [
                    vec![q.id.to_string(), corpus.actor_name(&q.speaker).to_owned(), q.said_to.as_ref().map_or("", |a| corpus.actor_name(a)).to_owned()],
                    Vec::from(date_columns(q.said_on.as_ref())),
                    vec![
                        q.kind.as_str().to_owned(),
                        q.reported_by.as_ref().map_or("", |a| corpus.actor_name(a)).to_owned(),
                        q.text.clone(),
                        q.document.to_string(),
                        q.paragraph.to_string(),
                        url.clone(),
                    ],
                ]
                .concat(),
                json: json!({
                    "id": q.id.as_str(),
                    "speaker": { "id": q.speaker.as_str(), "name": corpus.actor_name(&q.speaker) },
                    "said_to": q.said_to.as_ref().map(|a| json!({ "id": a.as_str(), "name": corpus.actor_name(a) })),
                    "said_on": q.said_on.as_ref().map(date_json),
                    "kind": q.kind.as_str(),
                    // Reported speech is in its narrator's words.
                    "reported_by": q.reported_by.as_ref().map(|a| json!({ "id": a.as_str(), "name": corpus.actor_name(a) })),
                    "text": q.text,
                    "document": q.document.as_str(),
                    "paragraph": q.paragraph,
                    "url": url,
                }),
                citation: quote_citation(corpus, q, &url),
                csl: cite::csl_json(corpus, Cited::Quote(q), &url),
                bibtex: cite::bibtex(corpus, Cited::Quote(q), &url),
            }
        })
        .collect();
    assemble(format, "quotes", &header, records)
}

/// The events at `shown` (indices into `corpus.events`), in the order shown.
pub fn events(corpus: &Corpus, shown: &[usize], format: Format, origin: &str) -> Export {
    let header = ["id", "title", "date", "date_shown", "precision", "derivation", "actors", "document", "paragraph", "evidence", "url"];
    let records = shown
        .iter()
        .map(|&i| {
            let e = &corpus.events[i];
            let url = format!("{origin}{}", Route::Event(e.id.clone()).href());
            let actors: Vec<String> = e.actors.iter().map(|a| format!("{} ({})", corpus.actor_name(&a.id), a.role.label())).collect();
            Record {
                csv: [
                    vec![e.id.to_string(), e.title.clone()],
                    Vec::from(date_columns(Some(&e.date))),
                    vec![actors.join("; "), e.document.to_string(), e.paragraph.to_string(), e.evidence.clone(), url.clone()],
                ]
                .concat(),
                json: json!({
                    "id": e.id.as_str(),
                    "title": e.title,
                    "date": date_json(&e.date),
                    "actors": e.actors.iter().map(|a| json!({ "id": a.id.as_str(), "name": corpus.actor_name(&a.id), "role": a.role.as_str() })).collect::<Vec<_>>(),
                    "document": e.document.as_str(),
                    "paragraph": e.paragraph,
                    "evidence": e.evidence,
                    "url": url,
                }),
                citation: event_citation(corpus, e, &url),
                csl: cite::csl_json(corpus, Cited::Event(e), &url),
                bibtex: cite::bibtex(corpus, Cited::Event(e), &url),
            }
        })
        .collect();
    assemble(format, "events", &header, records)
}

/// A date's four CSV columns, as the page shows it too: ISO, shown, precision and how it
/// was inferred (empty when the source states it); all empty for no date.
fn date_columns(d: Option<&DateSpec>) -> [String; 4] {
    d.map_or_else(Default::default, |d| [d.iso(), d.display(), d.precision.as_str().to_owned(), d.derivation.clone().unwrap_or_default()])
}

/// A date as exported in JSON: its ends, its precision, how it was inferred (`null` when
/// the source states it) and as the page shows it.
fn date_json(d: &DateSpec) -> Value {
    json!({
        "start": d.start.iso(),
        "end": d.end.map(|d| d.iso()),
        "precision": d.precision.as_str(),
        "derivation": d.derivation,
        "shown": d.display(),
    })
}

fn pretty(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_else(|_| "[]".to_owned());
    s.push('\n');
    s
}

/// One CSV line (RFC 4180: fields quoted when needed, quotes doubled, CRLF). A field a
/// spreadsheet would run as a formula (`=`, `+`, `-`, `@` first) gets a leading `'`.
fn csv_row(fields: &[&str]) -> String {
    let cells: Vec<String> = fields
        .iter()
        .map(|f| {
            let f = if f.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{f}") } else { (*f).to_owned() };
            if f.contains([',', '"', '\n', '\r']) {
                format!("\"{}\"", f.replace('"', "\"\""))
            } else {
                f
            }
        })
        .collect();
    format!("{}\r\n", cells.join(","))
}

#[cfg(test)]
mod tests {
    use super::csv_row;

    #[test]
    fn csv_quotes_what_needs_quoting_and_defuses_formulas() {
        assert_eq!(csv_row(&["a", "b c", "d,e", "say \"hi\"", "line\nbreak"]), "a,b c,\"d,e\",\"say \"\"hi\"\"\",\"line\nbreak\"\r\n");
        assert_eq!(csv_row(&["=1+1", "-2", "@x", "ok"]), "'=1+1,'-2,'@x,ok\r\n");
    }
}
