//! The home page: what this dossier contains and where to start.

use leptos::prelude::*;

use crate::core::route::{QuoteQuery, Route, TimelineQuery};
use crate::core::stats::{latest_documents, summary};
use crate::ui::app::use_corpus;
use crate::ui::components::date::MaybeDate;

#[component]
pub fn HomePage() -> impl IntoView {
    let ctx = use_corpus();
    let corpus = ctx.corpus.clone();
    let s = summary(&corpus);
    let span = s.span.map(|(first, last)| {
        if first == last {
            first.display()
        } else {
            format!("{} to {}", first.display(), last.display())
        }
    });
    let latest = latest_documents(&corpus);
    let shown = latest.len();
    // (Said only of dates there are: undated documents are listed in the corpus's order.)
    let order = if latest.first().is_some_and(|d| d.published.is_some()) { ", the most recently published first" } else { "" };
    let documents = latest
        .into_iter()
        .map(|d| {
            let href = Route::document(&d.id).href();
            view! {
                <li>
                    <a href=href><cite>{d.title.clone()}</cite></a>
                    {d.title_supplied.then_some(" (title supplied)")}
                    <span class="meta">
                        " · "{d.kind.clone()}" · "{d.publisher.clone().unwrap_or_else(|| "publisher not stated".into())}" · "
                        <MaybeDate spec=d.published.clone() unknown="publication date not stated"/>
                    </span>
                </li>
            }
        })
        .collect_view();
    view! {
        <h1>"Dossier"</h1>
        <p class="lead">
            "What was said and what happened, drawn verbatim from "{s.documents}" source documents"
            {span.map(|span| view! { ", covering events from "{span} })}"."
        </p>
        <ul class="stats">
            <li><a href=Route::Quotes(QuoteQuery::default()).href()><strong>{s.quotes}</strong>" quotes"</a></li>
            <li><a href=Route::Timeline(TimelineQuery::default()).href()><strong>{s.events}</strong>" events"</a></li>
            <li><a href=Route::Actors.href()><strong>{s.actors}</strong>" actors"</a></li>
            <li><strong>{s.places}</strong>" places"</li>
        </ul>
        <h2>"Source documents"</h2>
        <ul class="documents">{documents}</ul>
        {(s.documents > shown).then(|| view! {
            <p class="beyond">{format!("{shown} of {} documents{order}: ", s.documents)}<a href=Route::Documents.href()>"all "{s.documents}" documents"</a>"."</p>
        })}
        <h2>"How to use it"</h2>
        <p>
            "Search the quotes by words, names in any spelling or an exact phrase; follow the timeline by actor, date or document. "
            "Every quote, event, actor and document has its own link to share."
        </p>
    }
}
