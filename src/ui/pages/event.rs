//! One event: its date and how it was determined, actors and roles, places, the verbatim
//! evidence with a link to its paragraph, and quotes from the same paragraph.

use crate::core::route::Page;
use crate::ui::components::cite::CitePanel;
use leptos::prelude::*;

use crate::core::model::EventId;
use crate::core::route::{Route, TimelineQuery};
use crate::ui::app::use_corpus;
use crate::core::cite::event_citation;
use crate::ui::components::copy::{Cite, CopyButtons};
use crate::ui::components::date::DateTime;
use crate::ui::components::missing::Missing;
use crate::ui::components::quote_card::QuoteCard;

#[component]
pub fn EventPage(
    /// The event's id from the URL.
    id: EventId,
) -> impl IntoView {
    let ctx = use_corpus();
    let corpus = ctx.corpus.clone();
    let Some(event) = corpus.event(&id).cloned() else {
        return view! { <Missing what="event" id=id.to_string() list=Route::Timeline(TimelineQuery::default())/> }.into_any();
    };
    let document = corpus.document(&event.document).map(|d| d.title.clone()).unwrap_or_default();
    let actors = event
        .actors
        .iter()
        .map(|a| view! {
            <li><a href=Route::Actor(a.id.clone()).href()>{corpus.actor_name(&a.id).to_owned()}</a>" — "{a.role.label()}</li>
        })
        .collect_view();
    let places: Vec<String> =
        event.places.iter().filter_map(|p| corpus.place(p)).map(|p| p.name.clone()).collect();
    let quotes: Vec<_> = corpus.quotes_at(&event.document, event.paragraph).cloned().collect();
    // Only where the paragraph holds quotes: no heading over an empty list.
    let quotes = (!quotes.is_empty()).then(|| {
        let items = quotes.into_iter().map(|quote| view! { <li><QuoteCard quote link=true/></li> }).collect_view();
        view! {
            <section>
                <h2>"Quotes from the same paragraph"</h2>
                <ul class="results">{items}</ul>
            </section>
        }
    });
    let paragraph_href = Route::paragraph(&event.document, event.paragraph).href();
    let href = Route::Event(event.id.clone()).href();
    let cite: Cite = {
        let (corpus, event) = (corpus.clone(), event.clone());
        std::sync::Arc::new(move |link: &str| event_citation(&corpus, &event, link))
    };
    view! {
        <article class="event-page">
            // The date above the title, marked if inferred; how it was inferred (often a
            // paragraph of reasoning) below it, so a phone's first screen shows the title.
            <p class="when"><DateTime spec=event.date.clone()/></p>
            <h1>{event.title.clone()}</h1>
            {event.date.derivation.clone().map(|d| view! { <p class="derivation">"How the date was inferred: "{d}</p> })}
            <CopyButtons href cite/>
            <CitePanel page=Page::Event(event.id.clone())/>
            <section>
                <h2>"Evidence"</h2>
                <blockquote class="evidence" cite=paragraph_href.clone()><p>{event.evidence.clone()}</p></blockquote>
                <p>"From "<cite>{document}</cite>", "<a href=paragraph_href>"paragraph "{event.paragraph}</a>"."</p>
            </section>
            {event.notes.clone().map(|n| view! { <section><h2>"Editor’s note"</h2><p>{n}</p></section> })}
            <section>
                <h2>"Actors"</h2>
                {if event.actors.is_empty() {
                    view! { <p>"No actor is named."</p> }.into_any()
                } else {
                    view! { <ul>{actors}</ul> }.into_any()
                }}
            </section>
            {(!places.is_empty()).then(|| view! { <section><h2>"Places"</h2><p>{places.join(", ")}</p></section> })}
            {quotes}
        </article>
    }
    .into_any()
}
