//! One actor: who they are, their quotes, their events and who they appear with.

use leptos::prelude::*;

use crate::core::facets::companions;
use crate::core::model::ActorId;
use crate::core::route::Route;
use crate::ui::app::use_corpus;
use crate::ui::components::date::DateTime;
use crate::ui::components::missing::Missing;
use crate::ui::components::more::{use_limit, ShowMore};
use crate::ui::components::quote_card::QuoteCard;

#[component]
pub fn ActorPage(
    /// The actor's id from the URL.
    id: ActorId,
) -> impl IntoView {
    let ctx = use_corpus();
    let corpus = ctx.corpus.clone();
    let Some(actor) = corpus.actor(&id).cloned() else {
        return view! { <Missing what="actor" id=id.to_string() list=Route::Actors/> }.into_any();
    };
    let quotes: Vec<_> = corpus.quotes.iter().filter(|q| q.speaker == actor.id).cloned().collect();
    let events: Vec<_> = corpus.events_involving(&actor.id).iter().map(|&i| &corpus.events[i]).collect();
    let together = companions(&corpus, &actor.id, 8)
        .into_iter()
        .map(|(a, n)| view! { <li><a href=Route::Actor(a.clone()).href()>{corpus.actor_name(&a).to_owned()}</a>" ("{n}")"</li> })
        .collect_view();
    let n_quotes = quotes.len();
    let n_events = events.len();
    // A prolific speaker in a large corpus has thousands of quotes: a page at a time.
    let page_of = {
        let id = actor.id.clone();
        Memo::new(move |_| id.clone())
    };
    let (event_limit, quote_limit) = (use_limit(page_of), use_limit(page_of));
    let event_rows: Vec<(String, String, crate::core::date::DateSpec)> =
        events.iter().map(|e| (Route::Event(e.id.clone()).href(), e.title.clone(), e.date.clone())).collect();
    let event_items = move || {
        event_rows
            .iter()
            .take(event_limit.rendered())
            .cloned()
            .map(|(href, title, spec)| view! { <li><DateTime spec/>" — "<a href=href>{title}</a></li> })
            .collect_view()
    };
    let quote_items = move || {
        quotes.iter().take(quote_limit.rendered()).cloned().map(|quote| view! { <li><QuoteCard quote link=true/></li> }).collect_view()
    };
    view! {
        <h1>{actor.name.clone()}</h1>
        <p class="lead">{actor.description.clone()}</p>
        <dl class="facts">
            <dt>"Kind"</dt><dd>{actor.kind.label()}</dd>
            {(!actor.aliases.is_empty()).then(|| view! { <dt>"Also written"</dt><dd>{actor.aliases.join(" · ")}</dd> })}
        </dl>
        <section>
            <h2>"Events ("{n_events}")"</h2>
            {(n_events > 0).then(|| view! { <p><a href=Route::timeline_of(&actor.id).href()>"See them on the timeline"</a></p> })}
            <ul>{event_items}</ul>
            <ShowMore limit=event_limit total=Signal::derive(move || n_events) what="events"/>
        </section>
        <section>
            <h2>"Appears most often with"</h2>
            <ul>{together}</ul>
        </section>
        <section>
            <h2>"Quotes ("{n_quotes}")"</h2>
            {(n_quotes > 0).then(|| view! { <p><a href=Route::quotes_of(&actor.id).href()>"Search within them"</a></p> })}
            <ul class="results">{quote_items}</ul>
            <ShowMore limit=quote_limit total=Signal::derive(move || n_quotes) what="quotes"/>
        </section>
    }
    .into_any()
}
