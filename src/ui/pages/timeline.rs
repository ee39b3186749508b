//! The timeline: every event in order, grouped by year, filtered from the URL.
//!
//! It opens with the build's first view (its slice: the first page of events, the count,
//! the chart, the picker's counts) and fetches what the reader asks for beyond it: the
//! chosen actors' lanes for an actor filter, every event for another filter, a zoom or a
//! span ("Filtering…" until they are in), a folded lane, "Show more", a link to an event
//! beyond the first page, an export, and the actor picker's counts beside a date, kind or
//! document filter (each fetch that fails is said with a retry). Its events always come
//! from `core::lists::TimelineAnswer`, whole or not at all.
//!
//! Filters are links and form controls that navigate (push, so back/forward walk through
//! them); the list is the primary view, the chart above it (`components::chart`) an aid
//! linked with it: a mark leads to its card, a card under the pointer or focus lights its
//! marks.

use leptos::prelude::*;

use crate::core::date::{month_name, PartialDate};
use crate::core::lists::TimelineAnswer;
use crate::core::model::{ActorId, ActorKind, Corpus, DocumentId, Event, EventId, Parts};
use crate::core::pack::Need;
use crate::core::route::{event_anchor, fragment_href, year_anchor, ActorMatch, Route, TimelineAnchor, TimelineQuery};
use crate::core::text::shorten;
use crate::core::timeline::anchor_position;
use crate::ui::app::{focus_heading, use_corpus, use_go, use_route};
use crate::ui::components::chart::{chart_layout, TimelineChart};
use crate::ui::components::date::DateTime;
use crate::ui::components::export::{ExportButtons, ExportOf};
use crate::ui::components::ignored::IgnoredNote;
use crate::ui::components::more::{use_limit, ShowMore};
use crate::ui::components::waiting::{busy, fetch_while, LoadFailure};
use crate::ui::data::use_data;

#[component]
pub fn TimelinePage() -> impl IntoView {
    // The catalog (actors, documents, counts) is in from the start and never changes.
    let ctx = use_corpus();
    let data = use_data();
    let parsed = use_route();
    let go = use_go();
    let query = Memo::new(move |_| match parsed.with(|p| p.route.clone()) {
        Route::Timeline(q) => q,
        _ => TimelineQuery::default(),
    });
    // The events for the query from what is in now (more may come in while the page is
    // shown); event numbers index the current corpus.
    let answer = {
        let data = data.clone();
        Memo::new(move |_| {
            let ctx = data.current();
            query.with(|q| ctx.timeline(q))
        })
    };
    // Every event the query can keep is in (every event, or the chosen actors' lanes).
    let whole = Memo::new(move |_| answer.with(|a| matches!(a, Some(TimelineAnswer::Whole(_)))));
    // A query the first view cannot answer, or more of it than it holds.
    let waiting = Memo::new(move |_| answer.with(Option::is_none));
    // The list starts below the chart, often below the window: after a filter or a zoom
    // its first render is what the window shows of it.
    let layout = chart_layout(query, answer);
    let list_el = NodeRef::<leptos::html::Div>::new();
    let limit = use_limit(query, Signal::derive(move || !waiting.get())).placed(list_el, Signal::derive(move || layout.height()));
    let loading_more = Memo::new(move |_| answer.with(|a| a.as_ref().is_some_and(|a| !a.covers(limit.get()))));
    // What the query needs is fetched for either (the chosen actors' events, or every
    // event); "Filtering…" while a query waits for them.
    let need = Memo::new(move |_| (waiting.get() || loading_more.get()).then(|| query.with(Need::timeline)));
    let fetching = fetch_while(need, waiting);
    // How many events the filters keep: the count, the export, "Show more" and the busy state.
    let found = Memo::new(move |_| answer.with(|a| a.as_ref().map_or(0, TimelineAnswer::len)));
    let busy = busy(fetching, move || limit.partial(found.get()));
    let total = ctx.corpus.counts.events;
    // An export carries each event's evidence, which the timeline's own data leaves out
    // (evidence is joined to events only when every event is in, never to a lane's).
    let evidence_in = {
        let data = data.clone();
        move || data.current().parts().contains(Parts::EVENTS.with(Parts::EVIDENCE))
    };
    let (date_error, set_date_error) = signal(None::<String>);
    let (pick_error, set_pick_error) = signal(None::<String>);

    // The picker: type a name or alias, pick from the list, the actor is added. The counts
    // ignore the actor filter, so adding an actor changes them not at all: the options are
    // keyed and only the chosen one leaves the list.
    let others = Memo::new(move |_| {
        query.with(TimelineQuery::without_actors)
    });
    // While every event is being fetched, the counts stay as they were. Once they are in,
    // the counts follow the other filters only: adding or removing an actor (the most
    // common filter) leaves them, and the 10,000 events they are counted over, alone.
    // The counts of the current filters, if what is in can count them; counted once.
    let current = {
        let data = data.clone();
        Memo::new(move |_| others.with(|q| data.current().timeline_counts(q)))
    };
    let counts = Memo::new(move |previous: Option<&Vec<(ActorId, usize)>>| current.get().or_else(|| previous.cloned()).unwrap_or_default());
    // Whether the counts are those of the current filters (else the options say
    // "Counting…" rather than show the last ones as current).
    let counted = Memo::new(move |_| current.with(Option::is_some));
    // With a filter besides the actors, the picker's counts need every event, which the
    // chosen actors' lanes are not: fetched once their answer is shown. A failure is said
    // with a retry (`LoadFailure` below), or the options would say "Counting…" for ever.
    let counts_need = Memo::new(move |_| (!counted.get() && answer.with(Option::is_some)).then(Need::events));
    Effect::new({
        let data = data.clone();
        move |_| {
            if let Some(need) = counts_need.get() {
                data.request(need);
            }
        }
    });
    // Keyed by actor alone, the count a reactive label: a zoom or a date filter changes
    // counts, and re-keying 200 options for that cost more than the rest of the page.
    let count_of = Memo::new(move |_| counts.with(|c| c.iter().cloned().collect::<std::collections::HashMap<ActorId, usize>>()));
    let picker_options = move || {
        counts.with(|options| query.with(|q| options.iter().filter(|(id, _)| !q.actors.contains(id)).map(|(id, _)| id.clone()).collect::<Vec<_>>()))
    };
    let picker_option = {
        let ctx = ctx.clone();
        move |id: ActorId| {
            let actor = ctx.corpus.actor(&id);
            let name = actor.map(|a| a.name.clone()).unwrap_or_default();
            let aliases = actor.map(|a| a.aliases.join(", ")).unwrap_or_default();
            let label = move || {
                if !counted.get() {
                    return format!("Counting… · {aliases}");
                }
                let n = count_of.with(|c| c.get(&id).copied().unwrap_or(0));
                format!("{n} event{} · {aliases}", if n == 1 { "" } else { "s" })
            };
            view! { <option value=name label=label></option> }
        }
    };
    let pick = {
        let ctx = ctx.clone();
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let typed = event_target_value(&ev);
            let Some(id) = ctx.corpus.actor_named(&typed).map(|a| a.id.clone()) else {
                // Say so, rather than do nothing; an empty box just clears the message.
                let typed = typed.trim();
                set_pick_error.set((!typed.is_empty()).then(|| {
                    format!("No one in the dossier is called “{}”: pick a name or alias from the list.", shorten(typed, 60))
                }));
                return;
            };
            set_pick_error.set(None);
            let mut q = query.get_untracked();
            if !q.actors.contains(&id) {
                q.actors.push(id);
            }
            go(&Route::Timeline(q), false);
            if let Some(input) = leptos::ev::Event::target(&ev)
                .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
            {
                input.set_value("");
            }
        }
    };
    let set_date = {
        let go = go.clone();
        move |which: &'static str, ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let value = value.trim();
            let date = if value.is_empty() { Ok(None) } else { PartialDate::parse(value).map(Some) };
            match date {
                Ok(date) => {
                    set_date_error.set(None);
                    let mut q = query.get_untracked();
                    if which == "from" {
                        q.from = date;
                    } else {
                        q.to = date;
                    }
                    go(&Route::Timeline(q), false);
                }
                Err(e) => set_date_error.set(Some(format!("{}: {e}", if which == "from" { "From" } else { "To" }))),
            }
        }
    };
    let set_from = {
        let set_date = set_date.clone();
        move |ev| set_date("from", ev)
    };
    let set_to = move |ev| set_date("to", ev);
    let set_doc = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            let doc = (!value.is_empty()).then(|| DocumentId::new(value));
            go(&Route::Timeline(TimelineQuery { doc, ..query.get_untracked() }), false);
        }
    };
    let doc_options = ctx
        .corpus
        .documents
        .iter()
        .map(|d| {
            let id = d.id.clone();
            let selected = move || query.with(|q| q.doc.as_ref() == Some(&id));
            view! { <option value=d.id.to_string() selected=selected>{d.title.clone()}</option> }
        })
        .collect_view();

    // The chosen actors' chips, built again only when the chosen actors change (a zoom or
    // another filter changes each one's removal link, nothing else). Ids the dossier does
    // not know are not among them: the route left them out, and the page's note says so.
    let chosen = Memo::new(move |_| query.with(|q| q.actors.clone()));
    let chip = {
        let ctx = ctx.clone();
        move |id: ActorId| {
            let name = ctx.corpus.actor_name(&id).to_owned();
            let actor_href = Route::Actor(id.clone()).href();
            let remove = move || query.with(|q| Route::Timeline(q.without_actor(&id)).href());
            view! {
                <li class="chip">
                    <a class="chip-name" href=actor_href>{name.clone()}</a>
                    <a class="chip-remove" href=remove aria-label=format!("Remove {name} from the filter") on:click=heading_after>"×"</a>
                </li>
            }
        }
    };
    let several = Memo::new(move |_| query.with(|q| q.actors.len() > 1));
    let is_all = Memo::new(move |_| query.with(|q| q.match_mode == ActorMatch::All));
    let mode_href = move |mode: ActorMatch| move || query.with(|q| Route::Timeline(TimelineQuery { match_mode: mode, ..q.clone() }).href());
    let chips = view! {
        <ul class="chips" aria-label="Selected actors">
            {move || chosen.get().into_iter().map(chip.clone()).collect_view()}
        </ul>
        {move || several.get().then(|| view! {
            <p class="match">
                "Events involving "
                <a href=mode_href(ActorMatch::Any) class:on=move || !is_all.get() aria-current=move || (!is_all.get()).then_some("true")>"any"</a>
                " / "
                <a href=mode_href(ActorMatch::All) class:on=is_all aria-current=move || is_all.get().then_some("true")>"all"</a>
                " of these actors"
            </p>
        })}
    };
    // The kinds: built once, each link's address and state following the query.
    let kinds = ActorKind::ALL
        .iter()
        .map(|&k| {
            let on = Memo::new(move |_| query.with(|q| q.kind == Some(k)));
            let href = move || query.with(|q| Route::Timeline(TimelineQuery { kind: (!on.get()).then_some(k), ..q.clone() }).href());
            view! {
                <li><a href=href class:on=on aria-current=move || on.get().then_some("true")>{k.label()}</a></li>
            }
        })
        .collect_view();
    let filtered = Memo::new(move |_| query.with(TimelineQuery::is_filtered));
    // A chip's "×" and "Clear filters" are gone once followed: the keyboard goes on from
    // the page's heading, not from the top of the document.
    let clear = move || {
        filtered.get().then(|| view! {
            <p><a class="clear" href=Route::Timeline(TimelineQuery::default()).href() on:click=heading_after>"Clear filters"</a></p>
        })
    };

    // The card under the pointer or focus: the chart lights its marks.
    let (highlight, set_highlight) = signal(None::<EventId>);
    let mark_card = move |target: Option<web_sys::EventTarget>| {
        let card = target
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .and_then(|t| t.closest("article.event").ok().flatten())
            .map(|card| card.id());
        let event = card.and_then(|id| match TimelineAnchor::parse(&id)? {
            TimelineAnchor::Event(event) => Some(event),
            TimelineAnchor::Year(_) => None,
        });
        if highlight.get_untracked() != event {
            set_highlight.set(event);
        }
    };
    // The filter a card's actor link leads to is fetched ahead of the click (at scale,
    // that actor's lane of events): once the pointer or the keyboard's focus has rested
    // on the link a moment (not as either passes over it on the way elsewhere: tabbing
    // through the cards fetches nothing), or at once when a mouse presses it (the click
    // follows about a tenth of a second later). The filter then answers without waiting
    // for the lane; with every event in, there is nothing to fetch. (A finger pressing a
    // link may be starting a scroll: a tap waits for the click.)
    // The link resting, and a count of the moves, so a pointer that leaves and comes
    // back within the moment starts the moment again.
    let resting = StoredValue::new_local((0u64, None::<Need>));
    // The pointer or the focus has come to `target` (`None`: has left the list).
    let rest_on = {
        let data = data.clone();
        move |target: Option<web_sys::EventTarget>| {
            let need = link_need(target);
            let Some(moved) = resting.try_update_value(|(moved, rest)| {
                *moved += 1;
                *rest = need.clone();
                *moved
            }) else {
                return;
            };
            let Some(need) = need else { return };
            let data = data.clone();
            set_timeout(
                move || {
                    if resting.try_with_value(|(now, rest)| *now == moved && rest.as_ref() == Some(&need)) == Some(true) {
                        data.prefetch(need);
                    }
                },
                HOVER_INTENT,
            );
        }
    };
    let pressed = {
        let data = data.clone();
        move |ev: leptos::ev::PointerEvent| {
            if ev.pointer_type() == "mouse" && ev.button() == 0 {
                if let Some(need) = link_need(ev.target()) {
                    data.prefetch(need);
                }
            }
        }
    };
    // A link to an event's card or a year (opened cold, or followed) that lies beyond the
    // rendered page renders up to it, then scrolls there.
    let location = leptos_router::hooks::use_location();
    // One beyond the build's first view asks for every event, and runs again once they are in.
    Effect::new({
        let data = data.clone();
        move |_| {
            let Some(anchor) = TimelineAnchor::parse(&location.hash.get()) else { return };
            let in_whole = whole.get();
            let ctx = data.snapshot();
            let Some(pos) = answer.with_untracked(|a| a.as_ref().and_then(|a| anchor_position(&ctx.corpus, a.shown(), &anchor))) else {
                if !in_whole {
                    data.request(query.with_untracked(Need::timeline));
                }
                return;
            };
            limit.cover(pos + 1);
            // Back or forward: the browser puts the reader back where they were, and the
            // keyboard goes on from the link they followed (`ui::app`), not from the card.
            if crate::ui::components::more::traversing() {
                return;
            }
            let id = anchor.id();
            request_animation_frame(move || {
                if let Some(el) = document().get_element_by_id(&id) {
                    el.scroll_into_view();
                    // A mark of the chart leads here: the card takes the focus, so the
                    // keyboard goes on from it.
                    if let Ok(card) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = card.focus();
                    }
                }
            });
        }
    });
    // A link's card or year that is not in the list once every event the query can keep
    // is in: left out by the filters (with the way to it), or not in the dossier at all.
    // Only once the page is live: the static page knows no fragment, so hydration must
    // meet none (effects run once it is done).
    let (live, set_live) = signal(false);
    Effect::new(move |_| set_live.set(true));
    let anchor_note = {
        let data = data.clone();
        Memo::new(move |_| {
            if !live.get() {
                return None;
            }
            let anchor = TimelineAnchor::parse(&location.hash.get())?;
            let ctx = data.current();
            let absent = answer.with(|a| match a {
                Some(TimelineAnswer::Whole(shown)) => anchor_position(&ctx.corpus, shown, &anchor).is_none(),
                _ => false,
            });
            if !absent {
                return None;
            }
            let (filtered, every_event) = query.with(|q| (q.is_filtered(), q.actors.is_empty()));
            Some(match anchor {
                // With no actor chosen, every event is in: one not found does not exist.
                TimelineAnchor::Event(id) if every_event && ctx.corpus.event(&id).is_none() => AnchorNote::NoEvent(id),
                TimelineAnchor::Event(id) if filtered => {
                    let named = ctx.corpus.event(&id).map(|e| format!("“{}”, {},", e.title, e.date.display_noting_inference()));
                    AnchorNote::LeftOut(id, named)
                }
                TimelineAnchor::Event(id) => AnchorNote::NoEvent(id),
                TimelineAnchor::Year(year) if filtered => AnchorNote::YearLeftOut(year),
                TimelineAnchor::Year(year) => AnchorNote::NoYear(year),
            })
        })
    };
    let anchor_note = move || {
        anchor_note.get().map(|note| match note {
            AnchorNote::LeftOut(id, named) => {
                let named = named.unwrap_or_else(|| format!("The event “{id}”"));
                let whole = format!("{}{}", Route::Timeline(TimelineQuery::default()).href(), fragment_href(&event_anchor(&id)));
                view! {
                    <p class="note" role="status">
                        {named}" is not among the events these filters keep: see it "
                        <a href=whole>"in the whole timeline"</a>" or "<a href=Route::Event(id).href()>"on its own page"</a>"."
                    </p>
                }
                .into_any()
            }
            AnchorNote::NoEvent(id) => view! { <p class="note" role="status">{format!("No event with the id “{id}” is in this dossier.")}</p> }.into_any(),
            AnchorNote::YearLeftOut(year) => view! { <p class="note" role="status">{format!("No event of {year} is among the events these filters keep.")}</p> }.into_any(),
            AnchorNote::NoYear(year) => view! { <p class="note" role="status">{format!("No event of this dossier is dated {year}.")}</p> }.into_any(),
        })
    };
    // The events the list renders, by id. Data coming in renumbers the corpus's events
    // (a lane fetched ahead of a click, say) without changing those shown: the list is
    // then left as it is, not built again under the reader's pointer.
    let rendered = {
        let data = data.clone();
        Memo::new(move |_| {
            let ctx = data.current();
            answer.with(|a| {
                let a = a.as_ref()?;
                Some(a.shown().iter().take(limit.rendered()).filter_map(|&i| ctx.corpus.events.get(i)).map(|e| e.id.clone()).collect::<Vec<EventId>>())
            })
        })
    };
    let list = {
        let data = data.clone();
        move || {
            let q = query.get();
            // Nothing while the events are not in: "no event matches" would be wrong.
            let Some(rendered) = rendered.get() else {
                return ().into_any();
            };
            // Not subscribing: what the list shows changes `rendered`, and a card shows
            // what its event's id names in any corpus (summaries and catalog alike).
            let ctx = data.snapshot();
            let corpus = &ctx.corpus;
            let mut years: Vec<(i32, Vec<&Event>)> = Vec::new();
            for event in rendered.iter().filter_map(|id| corpus.event(id)) {
                let year = event.date.start.year_value();
                match years.last_mut() {
                    Some((y, events)) if *y == year => events.push(event),
                    _ => years.push((year, vec![event])),
                }
            }
            if years.is_empty() {
                return view! {
                    <p class="empty">"No event matches these filters. "
                        <a href=Route::Timeline(TimelineQuery::default()).href()>"Clear filters"</a>
                    </p>
                }
                .into_any();
            }
            years
                .into_iter()
                .map(|(year, events)| {
                    // Within a year: events known only to the year (or spanning it) first,
                    // then one group per month, as the chronological order already has them.
                    let mut months: Vec<(Option<u8>, Vec<&Event>)> = Vec::new();
                    for e in events {
                        let month = e.date.start.month_value();
                        match months.last_mut() {
                            Some((m, group)) if *m == month => group.push(e),
                            _ => months.push((month, vec![e])),
                        }
                    }
                    let groups = months
                        .into_iter()
                        .map(|(month, events)| {
                            let cards = events.into_iter().map(|e| event_card(e, &q, corpus, month.is_some())).collect_view();
                            match month {
                                Some(m) => view! {
                                    <section class="month">
                                        <h3>{month_name(m)}" "{year}</h3>
                                        {cards}
                                    </section>
                                }
                                .into_any(),
                                None => cards.into_any(),
                            }
                        })
                        .collect_view();
                    view! {
                        <section class="year" aria-labelledby=year_anchor(year)>
                            <h2 id=year_anchor(year)>{year}</h2>
                            {groups}
                        </section>
                    }
                })
                .collect_view()
                .into_any()
        }
    };

    // On a phone the filter form and the export fold behind one button, so the first
    // screen shows the chart and events rather than form fields; the chips of the chosen
    // actors, the kinds, the count and "Clear filters" stay in view, and the button names
    // the form's filters that are set. Wider screens show them always (the stylesheet).
    let (panel_open, set_panel_open) = signal(false);
    let panel_set = move || {
        let set = query.with(|q| [("from", q.from.is_some()), ("to", q.to.is_some()), ("document", q.doc.is_some())]);
        let names: Vec<&str> = set.iter().filter(|(_, on)| *on).map(|(name, _)| *name).collect();
        (!names.is_empty()).then(|| format!(" ({} set)", names.join(", ")))
    };

    view! {
        <h1>"Timeline"</h1>
        <IgnoredNote/>
        <button type="button" class="filters-toggle" aria-controls="timeline-filters"
            aria-expanded=move || panel_open.get().to_string()
            on:click=move |_| set_panel_open.update(|open| *open = !*open)>
            "Filters and export"{panel_set}
        </button>
        <form id="timeline-filters" class="timeline-filters" class:open=panel_open on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="actor-pick">"Add an actor"</label>
                <input id="actor-pick" type="text" list="actor-options" autocomplete="off"
                    placeholder="Name or alias, e.g. Putin, Jolani" on:change=pick/>
                <datalist id="actor-options">
                    <For each=picker_options key=|id| id.clone() children=picker_option/>
                </datalist>
            </div>
            <div class="field">
                <label for="from">"From"</label>
                <input id="from" type="text" inputmode="numeric" placeholder="2024 or 2024-11"
                    prop:value=move || query.with(|q| q.from.map(|d| d.iso()).unwrap_or_default()) on:change=set_from/>
            </div>
            <div class="field">
                <label for="to">"To"</label>
                <input id="to" type="text" inputmode="numeric" placeholder="2025-07-31"
                    prop:value=move || query.with(|q| q.to.map(|d| d.iso()).unwrap_or_default()) on:change=set_to/>
            </div>
            <div class="field">
                <label for="doc">"Document"</label>
                <select id="doc" on:change=set_doc>
                    <option value="" selected=move || query.with(|q| q.doc.is_none())>"All documents"</option>
                    {doc_options}
                </select>
            </div>
        </form>
        {move || date_error.get().map(|e| view! { <p class="note" role="alert">{e}</p> })}
        {move || pick_error.get().map(|e| view! { <p class="note" role="alert">{e}</p> })}
        <p class="pending-note" role="status">"Filtering…"</p>
        <LoadFailure need what="events"/>
        <LoadFailure need=counts_need what="event counts of the actor list"/>
        <div class="filters">
            {chips}
            <div class="kinds-row"><span id="kind-label">"Involving a "</span>
                <ul class="kinds" aria-labelledby="kind-label">{kinds}</ul>
            </div>
            {clear}
        </div>
        {anchor_note}
        // On paper there is no form: the filters in words.
        {
            let corpus = ctx.corpus.clone();
            move || query.with(|q| crate::core::meta::timeline_filters(&corpus, q)).map(|words| view! { <p class="print-only">{words}</p> })
        }
        <p class="count" role="status" aria-live="polite">
            {move || {
                let n = found.get();
                // No count while the answer is not in: 0 would be a wrong one.
                if waiting.get() {
                    String::new()
                } else if n == total {
                    format!("All {total} events")
                } else {
                    format!("{n} of {total} events")
                }
            }}
        </p>
        <ExportButtons
            of=ExportOf::Events
            count=found
            shown=Signal::derive(move || {
                if !evidence_in() {
                    return None;
                }
                answer.with(|a| a.as_ref().and_then(|a| a.all().map(<[usize]>::to_vec)))
            })
            fetch=Need::parts(Parts::EVENTS.with(Parts::EVIDENCE))
        />
        <TimelineChart query=query layout=layout highlight=highlight/>
        <div class="timeline" node_ref=list_el aria-busy=move || busy.get().to_string()
            on:mouseover={
                let rest_on = rest_on.clone();
                move |ev: leptos::ev::MouseEvent| {
                    mark_card(ev.target());
                    rest_on(ev.target());
                }
            }
            on:focusin={
                let rest_on = rest_on.clone();
                move |ev: leptos::ev::FocusEvent| {
                    mark_card(ev.target());
                    rest_on(ev.target());
                }
            }
            on:pointerdown=pressed
            on:mouseleave=move |_| {
                set_highlight.set(None);
                rest_on(None);
            }>{list}</div>
        {move || if loading_more.get() {
            view! { <p class="show-more" role="status">"Loading more events…"</p> }.into_any()
        } else {
            view! { <ShowMore limit total=found what="events"/> }.into_any()
        }}
    }
}

/// How long the pointer or the focus rests on a card's actor link before its filter is
/// fetched: a pointer on its way elsewhere crosses a link in less, and a reader tabbing
/// through the cards leaves each link sooner.
const HOVER_INTENT: std::time::Duration = std::time::Duration::from_millis(65);

/// What following the card's actor link at `target` needs, if it is one (the filter it
/// leads to, read from its address as the router will read it).
fn link_need(target: Option<web_sys::EventTarget>) -> Option<Need> {
    let link = wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(target?).ok()?.closest("article.event ul.actors a").ok()??;
    match crate::core::route::parse(&link.get_attribute("href")?).route {
        Route::Timeline(q) => Some(Need::timeline(&q)),
        _ => None,
    }
}

/// An event on the timeline; its title is a level below the year's or month's heading.
fn event_card(event: &Event, q: &TimelineQuery, corpus: &Corpus, in_month: bool) -> impl IntoView {
    let actors = event
        .actors
        .iter()
        .map(|a| {
            let mut next = q.clone();
            if !next.actors.contains(&a.id) {
                next.actors.push(a.id.clone());
            }
            let name = corpus.actor_name(&a.id).to_owned();
            view! {
                <li>
                    <a href=Route::Timeline(next).href() title=format!("Show only events involving {name}")>{name.clone()}</a>
                    <span class="role">" ("{a.role.label()}")"</span>
                </li>
            }
        })
        .collect_view();
    let places: Vec<String> = event.places.iter().filter_map(|p| corpus.place(p)).map(|p| p.name.clone()).collect();
    view! {
        <article class="event" id=event_anchor(&event.id) tabindex="-1">
            <p class="when"><DateTime spec=event.date.clone()/></p>
            {let title = view! { <a href=Route::Event(event.id.clone()).href()>{event.title.clone()}</a> };
             if in_month { view! { <h4>{title}</h4> }.into_any() } else { view! { <h3>{title}</h3> }.into_any() }}
            {(!places.is_empty()).then(|| view! { <p class="places">{places.join(" · ")}</p> })}
            <ul class="actors" aria-label="Actors">{actors}</ul>
        </article>
    }
}

/// Why the card or year a link names is not in the timeline's list (see `anchor_note`).
#[derive(Clone, Debug, PartialEq)]
enum AnchorNote {
    /// The filters leave the event out: its id, and its title and date if it is in.
    LeftOut(EventId, Option<String>),
    /// The whole timeline has no such event.
    NoEvent(EventId),
    /// The filters keep no event of that year.
    YearLeftOut(i32),
    /// No event of the dossier is of that year.
    NoYear(i32),
}

/// After a link the router follows in this tab (no modifier key: those open another tab
/// or window, and this one keeps its focus) and that the page then removes, the keyboard
/// goes on from the page's heading.
fn heading_after(ev: leptos::ev::MouseEvent) {
    if ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key()) {
        focus_heading();
    }
}
