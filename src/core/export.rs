//! Export of what is on screen: the shown quotes or events as CSV, JSON or a Markdown list
//! of citations. Built in the browser from the same records the page shows; every text is
//! verbatim and every unknown stays empty (CSV), `null` (JSON) or spelled out (Markdown).

use serde_json::{json, Value};

use crate::core::cite::{event_citation, quote_citation};
use crate::core::model::Corpus;
use crate::core::route::Route;

/// The three export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
    Markdown,
}

impl Format {
    pub const ALL: [Format; 3] = [Format::Csv, Format::Json, Format::Markdown];

    pub fn label(self) -> &'static str {
        match self {
            Format::Csv => "CSV",
            Format::Json => "JSON",
            Format::Markdown => "Markdown citations",
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Markdown => "md",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Csv => "text/csv;charset=utf-8",
            Format::Json => "application/json",
            Format::Markdown => "text/markdown;charset=utf-8",
        }
    }
}

/// An export ready to save: its file name and content.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Export {
    pub file_name: String,
    pub content: String,
}

/// The quotes at `shown` (indices into `corpus.quotes`), in the order shown. `origin` is
/// the site's origin (`https://example.org`), for the Dossier URL of each quote.
pub fn quotes(corpus: &Corpus, shown: &[usize], format: Format, origin: &str) -> Export {
    let url = |i: usize| format!("{origin}{}", Route::Quote(corpus.quotes[i].id.clone()).href());
    let content = match format {
        Format::Csv => {
            let mut rows = vec![csv_row(&["id", "speaker", "said_to", "said_on", "kind", "text", "document", "paragraph", "url"])];
            for &i in shown {
                let q = &corpus.quotes[i];
                rows.push(csv_row(&[
                    q.id.as_str(),
                    corpus.actor_name(&q.speaker),
                    q.said_to.as_ref().map_or("", |a| corpus.actor_name(a)),
                    &q.said_on.as_ref().map(|d| d.iso()).unwrap_or_default(),
                    q.kind.as_str(),
                    &q.text,
                    q.document.as_str(),
                    &q.paragraph.to_string(),
                    &url(i),
                ]));
            }
            rows.concat()
        }
        Format::Json => {
            let records: Vec<Value> = shown
                .iter()
                .map(|&i| {
                    let q = &corpus.quotes[i];
                    json!({
                        "id": q.id.as_str(),
                        "speaker": { "id": q.speaker.as_str(), "name": corpus.actor_name(&q.speaker) },
                        "said_to": q.said_to.as_ref().map(|a| json!({ "id": a.as_str(), "name": corpus.actor_name(a) })),
                        "said_on": q.said_on.as_ref().map(|d| d.iso()),
                        "kind": q.kind.as_str(),
                        "text": q.text,
                        "document": q.document.as_str(),
                        "paragraph": q.paragraph,
                        "url": url(i),
                    })
                })
                .collect();
            pretty(&Value::Array(records))
        }
        Format::Markdown => shown.iter().map(|&i| format!("- {}\n", quote_citation(corpus, &corpus.quotes[i], &url(i)))).collect(),
    };
    Export { file_name: format!("dossier-quotes.{}", format.extension()), content }
}

/// The events at `shown` (indices into `corpus.events`), in the order shown.
pub fn events(corpus: &Corpus, shown: &[usize], format: Format, origin: &str) -> Export {
    let url = |i: usize| format!("{origin}{}", Route::Event(corpus.events[i].id.clone()).href());
    let content = match format {
        Format::Csv => {
            let mut rows = vec![csv_row(&["id", "title", "date", "date_shown", "precision", "derivation", "actors", "document", "paragraph", "evidence", "url"])];
            for &i in shown {
                let e = &corpus.events[i];
                let actors: Vec<String> = e.actors.iter().map(|a| format!("{} ({})", corpus.actor_name(&a.id), a.role.label())).collect();
                rows.push(csv_row(&[
                    e.id.as_str(),
                    &e.title,
                    &e.date.iso(),
                    &e.date.display(),
                    e.date.precision.as_str(),
                    e.date.derivation.as_deref().unwrap_or(""),
                    &actors.join("; "),
                    e.document.as_str(),
                    &e.paragraph.to_string(),
                    &e.evidence,
                    &url(i),
                ]));
            }
            rows.concat()
        }
        Format::Json => {
            let records: Vec<Value> = shown
                .iter()
                .map(|&i| {
                    let e = &corpus.events[i];
                    json!({
                        "id": e.id.as_str(),
                        "title": e.title,
                        "date": {
                            "start": e.date.start.iso(),
                            "end": e.date.end.map(|d| d.iso()),
                            "precision": e.date.precision.as_str(),
                            "derivation": e.date.derivation,
                            "shown": e.date.display(),
                        },
                        "actors": e.actors.iter().map(|a| json!({ "id": a.id.as_str(), "name": corpus.actor_name(&a.id), "role": a.role.as_str() })).collect::<Vec<_>>(),
                        "document": e.document.as_str(),
                        "paragraph": e.paragraph,
                        "evidence": e.evidence,
                        "url": url(i),
                    })
                })
                .collect();
            pretty(&Value::Array(records))
        }
        Format::Markdown => shown.iter().map(|&i| format!("- {}\n", event_citation(corpus, &corpus.events[i], &url(i)))).collect(),
    };
    Export { file_name: format!("dossier-events.{}", format.extension()), content }
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
