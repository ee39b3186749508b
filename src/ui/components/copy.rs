//! "Copy link" and "Copy citation" buttons with visible feedback, and "Share…" (the
//! system share sheet) where the browser has one. If the clipboard is refused, the text
//! is shown so it can be copied by hand.

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// What the last copy did, shown next to the buttons.
#[derive(Clone, Debug, PartialEq)]
enum Feedback {
    None,
    Copied(&'static str),
    Shared,
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
    // `navigator.share` is looked up at run time: few desktop browsers have it.
    let share_fn = js_sys::Reflect::get(&window().navigator(), &"share".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let share = share_fn.map(|share| {
        let link = link.clone();
        move |_| {
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
            let _ = js_sys::Reflect::set(&data, &"url".into(), &link.as_str().into());
            let Ok(promise) = share.call1(&window().navigator(), &data) else { return };
            let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return };
            leptos::task::spawn_local(async move {
                // Cancelling the sheet rejects the promise; that is not an error to show.
                if JsFuture::from(promise).await.is_ok() {
                    set_feedback.set(Feedback::Shared);
                }
            });
        }
    });
    let copy_citation = {
        let citation = citation.clone();
        move |_| copy("Citation", citation.clone())
    };
    view! {
        <div class="copy">
            <button type="button" on:click=copy_link>"Copy link"</button>
            <button type="button" on:click=copy_citation>"Copy citation"</button>
            {share.map(|share| view! { <button type="button" on:click=share>"Share…"</button> })}
            <span class="copy-feedback" role="status" aria-live="polite">
                {move || match feedback.get() {
                    Feedback::None => ().into_any(),
                    Feedback::Copied(what) => view! { <span class="ok">{what}" copied to the clipboard."</span> }.into_any(),
                    Feedback::Shared => view! { <span class="ok">"Shared."</span> }.into_any(),
                    Feedback::Failed(text) => view! {
                        <span class="failed">"The browser refused the clipboard; copy this by hand: "</span>
                        <textarea readonly rows="3" aria-label="Text to copy">{text}</textarea>
                    }.into_any(),
                }}
            </span>
        </div>
    }
}
