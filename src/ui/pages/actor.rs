//! One actor: who they are, their quotes, their events and who they appear with.

use leptos::prelude::*;

use crate::core::model::ActorId;
use crate::core::route::{QuoteQuery, Route};
use crate::core::site::{ACTOR_EVENTS, ACTOR_QUOTES};
use crate::ui::app::use_corpus;
use crate::ui::components::date::DateTime;
use crate::ui::components::missing::Missing;
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
    // The first page of each (all the page's data holds: a prolific speaker in a large
    // corpus has thousands of quotes); the rest are a link away, in the quote search and
    // on the timeline, with their filters, order and export.
    let (n_quotes, n_events) = corpus.actor_counts(&actor.id);
    let quotes: Vec<_> = corpus.quotes.iter().filter(|q| q.speaker == actor.id).take(ACTOR_QUOTES).cloned().collect();
    let events: Vec<_> = corpus.events_involving(&actor.id).iter().take(ACTOR_EVENTS).map(|&i| &corpus.events[i]).collect();
    let together = ctx.together(&actor.id);
    let together = (!together.is_empty()).then(|| {
        let items = together
            .into_iter()
            .map(|(a, n)| view! { <li><a href=Route::Actor(a.clone()).href()>{corpus.actor_name(&a).to_owned()}</a>" ("{n}")"</li> })
            .collect_view();
        view! { <ul>{items}</ul> }.into_any()
    });
    let event_items = events
        .iter()
        .map(|e| {
            let (href, title, spec) = (Route::Event(e.id.clone()).href(), e.title.clone(), e.date.clone());
            view! { <li><DateTime spec/>" — "<a href=href>{title}</a></li> }
        })
        .collect_view();
    let quote_items = quotes.into_iter().map(|quote| view! { <li><QuoteCard quote link=true/></li> }).collect_view();
    let beyond = |n: usize, shown: usize, what: &'static str, route: Route, place: &'static str| {
        (n > shown).then(|| view! { <p class="beyond">"The first "{shown}" of "{n}" "{what}": "<a href=route.href()>"all "{n}" "{place}</a>"."</p> })
    };
    let more_events = beyond(n_events, ACTOR_EVENTS, "events", Route::timeline_of(&actor.id), "on the timeline");
    let more_quotes = beyond(n_quotes, ACTOR_QUOTES, "quotes", Route::quotes_of(&actor.id), "in the quote search");
    view! {
        <h1>{actor.name.clone()}</h1>
        <p class="lead">{actor.description.clone()}</p>
        <dl class="facts">
            <dt>"Kind"</dt><dd>{actor.kind.label()}</dd>
            // Each alias isolated (<bdi>): two names in Arabic script side by side would
            // otherwise read as one right-to-left run, in the wrong order.
            {(!actor.aliases.is_empty()).then(|| {
                let aliases = actor
                    .aliases
                    .iter()
                    .enumerate()
                    .map(|(k, alias)| view! { {(k > 0).then_some(" · ")}<bdi>{alias.clone()}</bdi> })
                    .collect_view();
                view! { <dt>"Also written"</dt><dd>{aliases}</dd> }
            })}
        </dl>
        <section>
            <h2>"Events ("{n_events}")"</h2>
            {if n_events > 0 {
                view! { <p><a href=Route::timeline_of(&actor.id).href()>"See them on the timeline"</a></p><ul>{event_items}</ul> }.into_any()
            } else {
                view! { <p>"No event in these documents involves "{actor.name.clone()}"."</p> }.into_any()
            }}
            {more_events}
        </section>
        <section>
            <h2>"Appears most often with"</h2>
            {together.unwrap_or_else(|| view! { <p>"No event names "{actor.name.clone()}" beside another actor."</p> }.into_any())}
        </section>
        <section>
            <h2>"Quotes ("{n_quotes}")"</h2>
            {if n_quotes > 0 {
                view! { <p><a href=Route::quotes_of(&actor.id).href()>"Search within them"</a></p><ul class="results">{quote_items}</ul> }.into_any()
            } else {
                // Said by no one here, but perhaps named: the search finds quotes that
                // name them (by any of their names), or says that none does. (A link that
                // promised quotes could open an empty search: what names them is not in
                // this page's data.)
                let named = Route::Quotes(QuoteQuery { q: actor.name.clone(), ..QuoteQuery::default() }).href();
                view! { <p>"No quote in these documents is attributed to "{actor.name.clone()}". "<a href=named>"Search the quotes for "{actor.name.clone()}"’s names"</a></p> }.into_any()
            }}
            {more_quotes}
        </section>
    }
    .into_any()
}
