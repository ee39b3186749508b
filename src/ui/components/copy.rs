//! "Copy link" and "Copy citation" buttons with visible feedback, and "Share…" (the
//! system share sheet) where the browser has one. If the clipboard is refused, or the
//! browser offers none (plain http), the text is shown so it can be copied by hand. The
//! absolute link is made when a button is pressed (the static build does not know the
//! host a page is served from), and "Share…" appears once the page is running in a
//! browser that has a share sheet.

use std::sync::Arc;

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

/// Makes the citation of a page's subject for its absolute link.
pub type Cite = Arc<dyn Fn(&str) -> String + Send + Sync>;

/// The page's absolute URL as the reader sees it: the host it was served from.
fn absolute(href: &str) -> String {
    format!("{}{href}", window().location().origin().unwrap_or_default())
}

#[component]
pub fn CopyButtons(
    /// The page's URL, relative to the site root.
    href: String,
    /// The citation text for the page's subject, given its absolute URL.
    cite: Cite,
) -> impl IntoView {
    let (feedback, set_feedback) = signal(Feedback::None);
    let copy = move |what: &'static str, text: String| {
        leptos::task::spawn_local(async move {
            if write_clipboard(&text).await {
                set_feedback.set(Feedback::Copied(what));
            } else {
                set_feedback.set(Feedback::Failed(text));
            }
        });
    };
    let copy_link = {
        let href = href.clone();
        move |_| copy("Link", absolute(&href))
    };
    // `navigator.share` is looked up in the browser, after hydration (few desktop
    // browsers have it; the static page cannot know).
    let (can_share, set_can_share) = signal(false);
    Effect::new(move |_| set_can_share.set(share_function().is_some()));
    let share = {
        let href = href.clone();
        move |_| {
            let Some(share) = share_function() else { return };
            let data = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
            let _ = js_sys::Reflect::set(&data, &"url".into(), &absolute(&href).into());
            let Ok(promise) = share.call1(&window().navigator(), &data) else { return };
            let Ok(promise) = promise.dyn_into::<js_sys::Promise>() else { return };
            leptos::task::spawn_local(async move {
                // Cancelling the sheet rejects the promise; that is not an error to show.
                if JsFuture::from(promise).await.is_ok() {
                    set_feedback.set(Feedback::Shared);
                }
            });
        }
    };
    let copy_citation = move |_| copy("Citation", cite(&absolute(&href)));
    view! {
        <div class="copy">
            <button type="button" on:click=copy_link>"Copy link"</button>
            <button type="button" on:click=copy_citation>"Copy citation"</button>
            {move || can_share.get().then(|| {
                let share = share.clone();
                view! { <button type="button" on:click=share>"Share…"</button> }
            })}
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

/// Puts `text` on the clipboard; false where the browser refuses, or has no clipboard to
/// offer: a page served over plain http from another host than this machine is not a
/// secure context, and there `navigator.clipboard` is undefined (calling it would throw).
pub async fn write_clipboard(text: &str) -> bool {
    let navigator = window().navigator();
    let clipboard = js_sys::Reflect::get(&navigator, &"clipboard".into()).ok().filter(|c| c.is_object());
    let Some(clipboard) = clipboard else { return false };
    let promise = clipboard.unchecked_into::<web_sys::Clipboard>().write_text(text);
    JsFuture::from(promise).await.is_ok()
}

/// The browser's `navigator.share`, where there is one.
fn share_function() -> Option<js_sys::Function> {
    js_sys::Reflect::get(&window().navigator(), &"share".into()).ok().and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}
