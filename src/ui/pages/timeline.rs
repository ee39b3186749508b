//! The timeline: every event in order, grouped by year, filtered from the URL.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::core::model::{ActorKind, Event};
use crate::core::route::{ActorMatch, Route, TimelineQuery};
use crate::core::timeline::filter;
use crate::ui::app::{use_corpus, use_route};
use crate::ui::components::date::DateTime;

#[component]
pub fn TimelinePage() -> impl IntoView {
    let ctx = use_corpus();
    let parsed = use_route();
    let query = Memo::new(move |_| match parsed.with(|p| p.route.clone()) {
        Route::Timeline(q) => q,
        _ => TimelineQuery::default(),
    });
    let shown = {
        let ctx = ctx.clone();
        Memo::new(move |_| query.with(|q| filter(&ctx.corpus, q)))
    };
    let total = ctx.corpus.events.len();
    let filters = {
        let ctx = ctx.clone();
        move || {
            let q = query.get();
            let corpus = &ctx.corpus;
            let unknown: Vec<String> =
                q.actors.iter().filter(|a| corpus.actor(a).is_none()).map(|a| a.to_string()).collect();
            let chips = q
                .actors
                .iter()
                .filter(|a| corpus.actor(a).is_some())
                .map(|a| {
                    let next = TimelineQuery { actors: q.actors.iter().filter(|x| *x != a).cloned().collect(), ..q.clone() };
                    view! {
                        <li class="chip">
                            {corpus.actor_name(a).to_owned()}
                            <a href=Route::Timeline(next).href() aria-label=format!("Remove {}", corpus.actor_name(a))>"×"</a>
                        </li>
                    }
                })
                .collect_view();
            let match_link = (q.actors.len() > 1).then(|| {
                let (label, mode) = match q.match_mode {
                    ActorMatch::Any => ("Show events involving all of them", ActorMatch::All),
                    ActorMatch::All => ("Show events involving any of them", ActorMatch::Any),
                };
                view! { <a href=Route::Timeline(TimelineQuery { match_mode: mode, ..q.clone() }).href()>{label}</a> }
            });
            let kinds = ActorKind::ALL
                .iter()
                .map(|&k| {
                    let on = q.kind == Some(k);
                    let next = TimelineQuery { kind: (!on).then_some(k), ..q.clone() };
                    view! { <li><a href=Route::Timeline(next).href() class:on=on>{k.label()}</a></li> }
                })
                .collect_view();
            view! {
                {(!unknown.is_empty()).then(|| view! {
                    <p class="note" role="status">"Ignored unknown actor ids: "{unknown.join(", ")}</p>
                })}
                <div class="filters">
                    <ul class="chips" aria-label="Selected actors">{chips}</ul>
                    {match_link}
                    <ul class="kinds" aria-label="Actor kind">{kinds}</ul>
                    {q.is_filtered().then(|| view! {
                        <a class="clear" href=Route::Timeline(TimelineQuery::default()).href()>"Clear filters"</a>
                    })}
                </div>
            }
        }
    };
    let list = {
        let ctx = ctx.clone();
        move || {
            let q = query.get();
            let corpus = &ctx.corpus;
            let mut years: Vec<(i32, Vec<&Event>)> = Vec::new();
            for i in shown.get() {
                let event = &corpus.events[i];
                let year = event.date.start.year_value();
                match years.last_mut() {
                    Some((y, events)) if *y == year => events.push(event),
                    _ => years.push((year, vec![event])),
                }
            }
            years
                .into_iter()
                .map(|(year, events)| {
                    view! {
                        <section class="year" aria-labelledby=format!("y-{year}")>
                            <h2 id=format!("y-{year}")>{year}</h2>
                            {events.into_iter().map(|e| event_card(e, &q, corpus)).collect_view()}
                        </section>
                    }
                })
                .collect_view()
        }
    };
    view! {
        <Title text="Timeline"/>
        <h1>"Timeline"</h1>
        {filters}
        <p class="count" role="status" aria-live="polite">
            {move || {
                let n = shown.with(Vec::len);
                if n == total { format!("All {total} events") } else { format!("{n} of {total} events") }
            }}
        </p>
        <div class="timeline">{list}</div>
    }
}

fn event_card(event: &Event, q: &TimelineQuery, corpus: &crate::core::model::Corpus) -> impl IntoView {
    let actors = event
        .actors
        .iter()
        .map(|a| {
            let mut next = q.clone();
            if !next.actors.contains(&a.id) {
                next.actors.push(a.id.clone());
            }
            view! {
                <li>
                    <a href=Route::Timeline(next).href() title=format!("Add {} to the filter", corpus.actor_name(&a.id))>
                        {corpus.actor_name(&a.id).to_owned()}
                    </a>
                    <span class="role">" ("{a.role.label()}")"</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <article class="event" id=format!("event-{}", event.id)>
            <p class="when"><DateTime spec=event.date.clone()/></p>
            <h3><a href=Route::Event(event.id.clone()).href()>{event.title.clone()}</a></h3>
            <ul class="actors" aria-label="Actors">{actors}</ul>
        </article>
    }
}
