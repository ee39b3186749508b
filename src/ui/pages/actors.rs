//! Every actor, grouped by kind, with how often each is quoted and appears in events.

use leptos::prelude::*;

use crate::core::model::ActorKind;
use crate::core::route::Route;
use crate::ui::app::use_corpus;

#[component]
pub fn ActorsPage() -> impl IntoView {
    let ctx = use_corpus();
    let corpus = ctx.corpus.clone();
    let groups = ActorKind::ALL
        .iter()
        .map(|&kind| {
            let items = corpus
                .actors
                .iter()
                .filter(|a| a.kind == kind)
                .map(|a| {
                    let (quotes, events) = corpus.actor_counts(&a.id);
                    view! {
                        <li>
                            <a href=Route::Actor(a.id.clone()).href()>{a.name.clone()}</a>
                            <span class="meta">{format!(" · {quotes} quote{} · {events} event{}", if quotes == 1 { "" } else { "s" }, if events == 1 { "" } else { "s" })}</span>
                            <br/>
                            <span class="description">{a.description.clone()}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section>
                    <h2>{plural(kind)}</h2>
                    <ul class="actors-list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1>"Actors"</h1>
        <p class="lead">"The people, states, organisations, groups and news outlets the documents mention."</p>
        {groups}
    }
}

fn plural(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "People",
        ActorKind::State => "States",
        ActorKind::Organization => "Organisations",
        ActorKind::Group => "Groups",
        ActorKind::Media => "News outlets",
    }
}
