//! "Cite": the citation of a document, a quote or an event in every format a researcher
//! uses (APA and Chicago as the build's CSL engine rendered them; BibTeX, RIS and
//! CSL-JSON from the core's encoders), and for a quote the HTML to embed it in an
//! article. A disclosure that is part of the static page, so it can be read and copied
//! without the wasm; each format has a copy button once the page is live, which says
//! beside it what it did (the text selected, if the clipboard was refused).
//!
//! Citations name the page's absolute link. The static build knows it only when it was
//! given a base URL; otherwise the link is site-relative in the static page and becomes
//! absolute (this host's origin) once the app runs.

use leptos::prelude::*;

use crate::core::cite::{self, Cited};
use crate::ui::app::use_corpus;
use crate::ui::components::copy::write_clipboard;

/// One format of the panel: its label, a note on what it is, and its text.
struct Format {
    label: &'static str,
    id: &'static str,
    text: String,
    /// Shown as code (BibTeX, RIS, JSON, HTML) rather than as prose.
    code: bool,
}

#[component]
pub fn CitePanel(
    /// What the page cites, by its kind and id.
    page: crate::core::route::Page,
) -> impl IntoView {
    let ctx = use_corpus();
    let corpus = ctx.corpus.clone();
    let Some(cited) = Cited::on_page(&corpus, &page) else {
        return ().into_any();
    };
    let link = cite::link(&ctx.base, &cited.route().href());
    // What is cited: a document whole, or a passage of it.
    let what = if matches!(cited, Cited::Document(_)) { "The source document as it is" } else { "The source document as it is, this passage located by paragraph" };
    let note = format!("{what}; what the source does not state (author, publisher, date) is left out, not guessed.");
    let styled = ctx.citations.as_ref().and_then(|c| c.of(cited)).cloned().unwrap_or_default();
    let mut formats = vec![
        Format { label: "APA", id: "apa", text: styled.apa, code: false },
        Format { label: "APA, in the text", id: "apa-in-text", text: styled.apa_in_text, code: false },
        Format { label: "Chicago, note", id: "chicago-note", text: styled.chicago_note, code: false },
        Format { label: "Chicago, bibliography", id: "chicago", text: styled.chicago, code: false },
        Format { label: "BibTeX", id: "bibtex", text: cite::bibtex(&corpus, cited, &link), code: true },
        Format { label: "RIS (Zotero, EndNote, Mendeley)", id: "ris", text: cite::ris(&corpus, cited, &link), code: true },
        Format { label: "CSL-JSON", id: "csl-json", text: cite::csl_json_list(vec![cite::csl_json(&corpus, cited, &link)]), code: true },
    ];
    formats.retain(|f| !f.text.is_empty());
    if let Cited::Quote(quote) = cited {
        formats.push(Format { label: "Embed in a web page (HTML)", id: "embed", text: cite::embed(&corpus, quote, &link), code: true });
    }
    // The origin citations name: none in the static page (site-relative links, the
    // build does not know its host), this host's once the app runs.
    let (origin, set_origin) = signal(String::new());
    Effect::new(move |_| set_origin.set(window().location().origin().unwrap_or_default()));
    let (copied, set_copied) = signal(None::<Result<&'static str, &'static str>>);
    let items = formats
        .into_iter()
        .map(|f| {
            let raw = f.text;
            let text = Memo::new(move |_| cite::with_origin(&raw, &origin.get()));
            let label = f.label;
            let heading = format!("cite-{}", f.id);
            let body_id = format!("cite-text-{}", f.id);
            let copy = {
                let body_id = body_id.clone();
                move |_| {
                    let text = text.get_untracked();
                    let body_id = body_id.clone();
                    leptos::task::spawn_local(async move {
                        let copied = write_clipboard(&text).await;
                        // Refused: the text is selected, for the reader to copy by hand.
                        if !copied {
                            select(&body_id);
                        }
                        set_copied.set(Some(if copied { Ok(label) } else { Err(label) }));
                    });
                }
            };
            let body = if f.code {
                view! { <pre class="cite-text" id=body_id><code>{move || text.get()}</code></pre> }.into_any()
            } else {
                view! { <p class="cite-text" id=body_id>{move || text.get()}</p> }.into_any()
            };
            // What pressing this format's button did, beside the button.
            let feedback = move || match copied.get() {
                Some(Ok(l)) if l == label => format!("{label} copied to the clipboard."),
                Some(Err(l)) if l == label => "The browser refused the clipboard: the text below is selected, to copy by hand.".to_owned(),
                _ => String::new(),
            };
            view! {
                <div class="cite-format">
                    <div class="cite-head">
                        <h3 id=heading>{label}</h3>
                        <button type="button" on:click=copy aria-label=format!("Copy {label}")>"Copy"</button>
                        <span class="cite-feedback" role="status">{feedback}</span>
                    </div>
                    {body}
                </div>
            }
        })
        .collect_view();
    view! {
        <details class="cite-panel">
            <summary><h2>"Cite or embed"</h2></summary>
            <p class="cite-note">{note}</p>
            {items}
        </details>
    }
    .into_any()
}

/// Selects the text of the element `id` (a format refused by the clipboard), so the
/// reader has only to copy it.
fn select(id: &str) {
    let (Some(el), Ok(Some(selection))) = (document().get_element_by_id(id), window().get_selection()) else { return };
    let _ = selection.select_all_children(&el);
}
