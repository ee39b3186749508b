//! The browser's start. The page in front of the reader is the static build's, already
//! painted; the wasm adopts it without painting it again:
//!
//! 1. read from the head the path the site is served under (if not the host's root),
//!    where the data is (the manifest) and which route the file was rendered for;
//! 2. fetch the parts of the corpus that route and the URL's own route need (the head
//!    preloads them, so they arrive with the wasm);
//! 3. hydrate the body with the rendered route, so every element is adopted as it is;
//! 4. release the route: what the URL asks for beyond its file (`?q=aleppo`, a filter, a
//!    fragment, the path of a page not found) applies now, as any later change would;
//!    words typed into the search box before the wasm arrived are searched;
//! 5. mark `<html data-hydrated>`, the one signal that the page is live (tests and the
//!    benchmark wait for it), and lift the "pending" state the head's script set.
//!
//! The offline app shell (a page never visited, served by the service worker) has no
//! rendered route: the app renders into its empty body instead. If the data cannot be
//! had, the static page stays readable and a notice says why, with a way to retry.

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::pack::{need_for, need_for_route, slice_key, ShardRef, MANIFEST_META, SLICE_META};
use crate::core::route::{self, Parsed, Route};
use crate::core::site::{BASE_META, PENDING_CLASS, RENDERED_META};
use crate::ui::app::App;
use crate::ui::data::DataContext;
use crate::ui::fetch::{Failure, Source};

/// Starts the app (`main` calls this and nothing else).
pub fn start() {
    crate::ui::panic::install();
    wasm_bindgen_futures::spawn_local(run());
}

/// The `content` of the head's `<meta name=…>`, if there is one.
fn meta(name: &str) -> Option<String> {
    let selector = format!("meta[name=\"{name}\"]");
    let element = document().query_selector(&selector).ok().flatten()?;
    element.get_attribute("content")
}

async fn run() {
    // Before any URL is read or written: every link and data file is under this path.
    if let Some(base) = meta(BASE_META) {
        if let Err(e) = route::set_base(&base) {
            return fail(&Failure::Other(format!("this page names a base path the app cannot use: {e}")));
        }
    }
    let location = window().location();
    let real = route::parse_parts(
        &location.pathname().unwrap_or_default(),
        &location.search().unwrap_or_default(),
        &location.hash().unwrap_or_default(),
    );
    // The route the file was rendered for: what hydration must find.
    let rendered = meta(RENDERED_META).map(|href| {
        let route = if href.is_empty() { Route::NotFound { path: String::new() } } else { route::parse(&href).route };
        Parsed { route, ignored: Vec::new() }
    });
    let Some(manifest) = meta(MANIFEST_META) else {
        return fail(&Failure::Other("this page does not say where its data is (it was not written by `dossier pages`)".to_owned()));
    };
    let source = match Source::open(&manifest).await {
        Ok(source) => Arc::new(source),
        Err(failure) => return fail(&failure),
    };
    // The URL's own state may need more than its file's page (a search needs the index,
    // or the sharded index's terms and columns).
    let routed = need_for_route(&real.route, source.sharded_search());
    let needs: Vec<_> = rendered.iter().map(|p| need_for(&p.route.page())).chain([routed]).collect();
    // The rendered page's own slice, as its head names it.
    let hinted = rendered.as_ref().and_then(|p| slice_key(&p.route.page())).zip(meta(SLICE_META).as_deref().and_then(ShardRef::slice_named));
    if let Some((key, shard)) = hinted {
        source.hint(key, shard);
    }
    let ctx = match source.load(&needs).await {
        Ok(ctx) => ctx,
        Err(failure) => return fail(&failure),
    };
    mark("dossier-data");
    // Each step its own task, so the browser can paint and answer input between them
    // (one long task would block the page for their sum): decoding the data above, the
    // search index (if the page searches), then hydration.
    next_task().await;
    if needs.iter().any(|n| n.parts.contains(crate::core::model::Parts::INDEX)) {
        let _ = ctx.quote_index();
        mark("dossier-index");
        next_task().await;
    }
    // Words typed into the search box while the wasm was on its way.
    let typed = search_box().map(|input| input.value()).filter(|v| !v.is_empty());

    let data = DataContext::fetched(ctx, source);
    let pinned = ArcRwSignal::new(rendered.clone());
    {
        let pinned = pinned.clone();
        if rendered.is_some() {
            leptos::mount::hydrate_body(move || view! { <App data pinned/> });
        } else {
            leptos::mount::mount_to_body(move || view! { <App data pinned/> });
        }
    }
    crate::ui::app::set_adopted();
    mark("dossier-adopted");
    pinned.set(None);
    // After the released route has been rendered (effects run before the next frame).
    request_animation_frame(move || {
        if let (Some(typed), Some(input)) = (typed, search_box()) {
            if input.value() != typed {
                // As if typed now: the page's own input handler searches and writes the URL.
                input.set_value(&typed);
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict("input", &init) {
                    let _ = input.dispatch_event(&event);
                }
            }
        }
        let html = document().document_element();
        if let Some(html) = html {
            let _ = html.class_list().remove_1(PENDING_CLASS);
            let _ = html.set_attribute("data-hydrated", "");
        }
        mark("dossier-hydrated");
    });
}

/// A `performance.mark` for the benchmark's timings of the start.
fn mark(name: &str) {
    if let Some(performance) = window().performance() {
        let _ = performance.mark(name);
    }
}

/// Resolves in a task of its own (after a zero timeout), so what follows does not
/// lengthen the task that awaited it.
async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

fn search_box() -> Option<web_sys::HtmlInputElement> {
    document().get_element_by_id("quote-q")?.dyn_into().ok()
}

/// Leaves the static page as it is (it is readable) and says at its top why the app could
/// not start, with a reload link; a page from a replaced release reloads into the live one.
fn fail(failure: &Failure) {
    if failure.reload_if_superseded() {
        return;
    }
    let reason = failure.to_string();
    if let Some(html) = document().document_element() {
        let _ = html.class_list().remove_1(PENDING_CLASS);
        let _ = html.set_attribute("data-failed", "");
    }
    let lead = if window().navigator().on_line() {
        "This page’s data could not be loaded, so search, filters and the app’s links are not available. What you see here can still be read."
    } else {
        "You are offline, and this page’s data has not been saved on this device yet: it needs the network once."
    };
    crate::ui::panic::alert_panel("data-failure", &[("h2", "The app could not start"), ("p", lead), ("p", &reason)]);
}
