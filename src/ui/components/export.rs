//! "Export": the quotes or events the current filters and search match (all of them, not
//! only the page shown) as CSV, JSON, Markdown citations, CSL-JSON or BibTeX, made in the browser by the
//! core and saved as a file (a Blob behind a temporary download link).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::export::{self, Format};
use crate::core::pack::Need;
use crate::ui::data::use_data;

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
    /// Indices of what matches, in the order shown: read only when a file is made;
    /// `None` while what the file needs is not all in (every quote, on the quotes page's
    /// first view; every event's evidence, on the timeline).
    #[prop(into)]
    shown: Signal<Option<Vec<usize>>>,
    /// What to fetch when `shown` is `None`: the file is made once it is in.
    #[prop(optional)]
    fetch: Option<Need>,
) -> impl IntoView {
    let data = use_data();
    let (failed, set_failed) = signal(false);
    // The format asked for while what matches was still being fetched; forgotten if the
    // matches change meanwhile (another query) or the fetch fails, so a file is never
    // saved for a query other than the one it was asked for, nor without a click.
    let (waiting, set_waiting) = signal(None::<Format>);
    let (fetch_failed, set_fetch_failed) = signal(None::<String>);
    Effect::new(move |before: Option<usize>| {
        let now = count.get();
        if before.is_some_and(|n| n != now) {
            set_waiting.set(None);
        }
        now
    });
    let make = {
        let data = data.clone();
        move |format: Format, shown: &[usize]| {
            let corpus = data.snapshot().corpus;
            let origin = window().location().origin().unwrap_or_default();
            let made = match of {
                ExportOf::Quotes => export::quotes(&corpus, shown, format, &origin),
                ExportOf::Events => export::events(&corpus, shown, format, &origin),
            };
            set_failed.set(download(&made.file_name, &made.content, format.mime()).is_err());
        }
    };
    {
        let (make, data, fetch) = (make.clone(), data.clone(), fetch.clone());
        Effect::new(move |_| {
            let Some(format) = waiting.get() else { return };
            if let Some(reason) = fetch.as_ref().and_then(|need| data.failure_of(need)) {
                set_waiting.set(None);
                set_fetch_failed.set(Some(reason));
            } else if let Some(list) = shown.get() {
                set_waiting.set(None);
                make(format, &list);
            }
        });
    }
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
                    let (make, data, fetch) = (make.clone(), data.clone(), fetch.clone());
                    let save = move |_| match shown.get_untracked() {
                        Some(list) => {
                            set_fetch_failed.set(None);
                            make(format, &list);
                        }
                        None => {
                            set_fetch_failed.set(None);
                            set_waiting.set(Some(format));
                            if let Some(need) = fetch.clone() {
                                data.request(need);
                            }
                        }
                    };
                    view! { <button type="button" on:click=save>{format.label()}</button> }
                })
                .collect_view();
            view! {
                <div class="export" role="group" aria-label=format!("Export the matching {what}")>
                    <span class="export-label">"Export the "{move || count.get()}" matching "{what}":"</span>
                    {buttons}
                    {move || failed.get().then(|| view! { <span role="alert">"This browser refused to save the file."</span> })}
                    {move || waiting.get().map(|_| view! { <span role="status">"Preparing the file…"</span> })}
                    {move || fetch_failed.get().map(|reason| view! { <span role="alert">"The file could not be made: "{reason}</span> })}
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
