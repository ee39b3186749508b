//! "Export": the quotes or events the current filters and search match (all of them, not
//! only the page shown) as CSV, JSON, Markdown citations, CSL-JSON or BibTeX, made in the browser by the
//! core and saved as a file (a Blob behind a temporary download link).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::export::{self, Format};
use crate::ui::app::use_corpus;

/// What a page exports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ExportOf {
    Quotes,
    Events,
}

#[component]
pub fn ExportButtons(
    /// Quotes or events.
    of: ExportOf,
    /// How many match.
    #[prop(into)]
    count: Signal<usize>,
    /// Indices of what matches, in the order shown: read only when a file is made.
    #[prop(into)]
    shown: Signal<Vec<usize>>,
) -> impl IntoView {
    let ctx = use_corpus();
    let (failed, set_failed) = signal(false);
    let what = match of {
        ExportOf::Quotes => "quotes",
        ExportOf::Events => "events",
    };
    // Nothing to export when nothing matches.
    let has_any = Memo::new(move |_| count.get() > 0);
    move || {
        has_any.get().then(|| {
            let buttons = Format::ALL
                .into_iter()
                .map(|format| {
                    let ctx = ctx.clone();
                    let save = move |_| {
                        let origin = window().location().origin().unwrap_or_default();
                        let made = shown.with_untracked(|shown| match of {
                            ExportOf::Quotes => export::quotes(&ctx.corpus, shown, format, &origin),
                            ExportOf::Events => export::events(&ctx.corpus, shown, format, &origin),
                        });
                        set_failed.set(download(&made.file_name, &made.content, format.mime()).is_err());
                    };
                    view! { <button type="button" on:click=save>{format.label()}</button> }
                })
                .collect_view();
            view! {
                <div class="export" role="group" aria-label=format!("Export the matching {what}")>
                    <span class="export-label">"Export the "{move || count.get()}" matching "{what}":"</span>
                    {buttons}
                    {move || failed.get().then(|| view! { <span role="alert">"This browser refused to save the file."</span> })}
                </div>
            }
        })
    }
}

/// Saves `content` as a file named `file_name`.
fn download(file_name: &str, content: &str, mime: &str) -> Result<(), wasm_bindgen::JsValue> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let a: web_sys::HtmlAnchorElement = document().create_element("a")?.dyn_into()?;
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoked a little later: the download may start after this task ends.
    gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}
