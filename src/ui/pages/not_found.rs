//! The page for a path Dossier does not have.

use leptos::prelude::*;

use crate::core::route::{self, Route, Section};
use crate::ui::app::use_route;

/// Names the path asked for (read from the URL, so the one `404.html` serves every
/// unknown path) and offers the way on.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let parsed = use_route();
    let lead = move || {
        parsed.with(|p| match &p.route {
            // The address as the reader sees it, under the site's base path.
            route @ Route::NotFound { path } if !path.is_empty() => format!("There is no page at {} in this dossier.", route.href()),
            _ => "There is no page at this address in this dossier.".to_owned(),
        })
    };
    // A folder of pages (`/events`): the page that lists them.
    let listing = move || {
        parsed.with(|p| match &p.route {
            Route::NotFound { path } => route::listed_at(path),
            _ => None,
        })
        .map(|f| view! { <p>{f.what}" are listed on "<a href=(f.listing)().href()>{f.listed_on}</a>"."</p> })
    };
    view! {
        <h1>"Page not found"</h1>
        <p class="lead">{lead}</p>
        {listing}
        <p>"Try one of these instead:"</p>
        <ul>
            <li><a href=Section::Home.route().href()>"Home"</a></li>
            {Section::NAV.into_iter().map(|s| view! { <li><a href=s.route().href()>{s.label()}</a></li> }).collect_view()}
        </ul>
    }
}
