//! "Copy link" and "Copy citation" buttons with visible feedback. If the clipboard is
//! refused, the text is shown selected so it can be copied by hand.

use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// What the last copy did, shown next to the buttons.
#[derive(Clone, Debug, PartialEq)]
enum Feedback {
    None,
    Copied(&'static str),
    Failed(String),
}

#[component]
pub fn CopyButtons(
    /// The absolute URL of the page.
    link: String,
    /// The citation text for the page's subject.
    citation: String,
) -> impl IntoView {
    let (feedback, set_feedback) = signal(Feedback::None);
    let copy = move |what: &'static str, text: String| {
        let promise = window().navigator().clipboard().write_text(&text);
        leptos::task::spawn_local(async move {
            match JsFuture::from(promise).await {
                Ok(_) => set_feedback.set(Feedback::Copied(what)),
                Err(_) => set_feedback.set(Feedback::Failed(text)),
            }
        });
    };
    let copy_link = {
        let link = link.clone();
        move |_| copy("Link", link.clone())
    };
    let copy_citation = {
        let citation = citation.clone();
        move |_| copy("Citation", citation.clone())
    };
    view! {
        <div class="copy">
            <button type="button" on:click=copy_link>"Copy link"</button>
            <button type="button" on:click=copy_citation>"Copy citation"</button>
            <span class="copy-feedback" role="status" aria-live="polite">
                {move || match feedback.get() {
                    Feedback::None => ().into_any(),
                    Feedback::Copied(what) => view! { <span class="ok">{what}" copied to the clipboard."</span> }.into_any(),
                    Feedback::Failed(text) => view! {
                        <span class="failed">"The browser refused the clipboard; copy this by hand: "</span>
                        <textarea readonly rows="3" aria-label="Text to copy">{text}</textarea>
                    }.into_any(),
                }}
            </span>
        </div>
    }
}
