//! The page for a path Dossier does not have.

use leptos::prelude::*;

use crate::core::route::Section;

#[component]
pub fn NotFoundPage(
    /// The path that was asked for, shown as text.
    path: String,
) -> impl IntoView {
    view! {
        <h1>"Page not found"</h1>
        <p class="lead">"There is no page at "<code>{path}</code>" in this dossier."</p>
        <p>"Try one of these instead:"</p>
        <ul>
            <li><a href=Section::Home.route().href()>"Home"</a></li>
            {Section::NAV.into_iter().map(|s| view! { <li><a href=s.route().href()>{s.label()}</a></li> }).collect_view()}
        </ul>
    }
}
