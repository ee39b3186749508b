//! The source documents with what is known (and not known) about each.

use leptos::prelude::*;

use crate::core::route::Route;
use crate::ui::app::use_corpus;
use crate::ui::components::date::MaybeDate;

#[component]
pub fn DocumentsPage() -> impl IntoView {
    let ctx = use_corpus();
    let corpus = ctx.corpus.clone();
    let items = corpus
        .documents
        .iter()
        .map(|d| {
            let (paragraphs, quotes, events) = corpus.document_counts(&d.id);
            view! {
                <li>
                    <h2><a href=Route::document(&d.id).href()>{d.title.clone()}</a></h2>
                    <p class="meta">
                        {d.kind.clone()}" · "{d.publisher.clone().unwrap_or_else(|| "publisher not stated".into())}
                        {d.author.clone().map(|a| format!(" · {a}"))}" · "
                        <MaybeDate spec=d.published.clone() unknown="publication date not stated"/>
                        " · "{paragraphs}" paragraphs · "{quotes}" quotes · "{events}" events"
                    </p>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Documents"</h1>
        <ul class="documents">{items}</ul>
    }
}
