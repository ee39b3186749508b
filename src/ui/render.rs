//! The static build's renderer: every page is the app itself ([`App`]) rendered to HTML
//! natively, with leptos_router given the page's route and leptos_meta writing its head,
//! poured into the shell. The browser hydrates exactly this markup.

use std::sync::Arc;

use futures::StreamExt;
use hydration_context::SsrSharedContext;
use leptos::prelude::*;
use leptos_meta::ServerMetaContext;
use leptos_router::location::RequestUrl;

use crate::core::route::{Parsed, Route};
use crate::core::site::{fill_shell, valid_markers};
use crate::ui::app::App;
use crate::ui::data::{CorpusContext, DataContext};

/// Sets up the executor leptos_meta awaits on; call once before [`render_page`].
pub fn init() {
    // An error only says it is set up already.
    let _ = any_spawner::Executor::init_futures_executor();
}

/// The whole HTML document of `route` (a route without query state, as
/// [`crate::core::route::Page::rendered`] gives): `shell` with `head_tags` and the app.
pub fn render_page(shell: &str, ctx: &CorpusContext, route: &Route, head_tags: &str) -> Result<String, String> {
    let owner = Owner::new_root(Some(Arc::new(SsrSharedContext::new())));
    let result = owner.with(|| {
        let href = route.href();
        provide_context(RequestUrl::new(if href.is_empty() { "/" } else { &href }));
        let (meta, output) = ServerMetaContext::new();
        provide_context(meta);
        let pinned = ArcRwSignal::new(Some(Parsed { route: route.clone(), ignored: Vec::new() }));
        let data = DataContext::complete(ctx.clone());
        let body = valid_markers(&view! { <App data pinned/> }.to_html());
        let document = fill_shell(shell, head_tags, &body)?;
        Ok(futures::executor::block_on(async move {
            output.inject_meta_context(futures::stream::iter([document])).await.collect::<String>().await
        }))
    });
    owner.unset();
    result
}
