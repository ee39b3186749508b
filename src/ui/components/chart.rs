//! The timeline chart: the core's layout (`core::chart`) drawn as one SVG above the list.
//!
//! Part of the static page (x positions are percentages of the chart's width, heights in
//! pixels, so text keeps its size at any width and the height is reserved before the
//! wasm arrives); the browser hydrates it. Zoom and pan are links (they work before the
//! wasm and without it, and back/forward walk them); dragging across the chart brushes a
//! span, Ctrl+wheel (a trackpad's pinch) zooms around the pointer, two fingers pinch on a
//! touch screen, and inside the chart the arrow keys move between events (one tab stop
//! for the whole chart), + and − zoom, Shift+arrows pan and 0 shows every date. Every
//! event is a link to its card in the list, named by its title and date; the list stays
//! the primary way through; a tooltip shows the name of the mark under the pointer or
//! the keyboard's focus. A button per lane folds it to one row of counts.

use leptos::prelude::*;
use leptos::tachys::svg;
use wasm_bindgen::JsCast;

use std::sync::Arc;

use crate::core::chart::{self, label_rooms, Chart, Lane, Shape, Tick, View, WIDTH};
use crate::core::date::PartialDate;
use crate::core::lists::TimelineAnswer;
use crate::core::model::{ActorId, Corpus, EventId};
use crate::core::pack::Need;
use crate::core::route::{event_anchor, fragment_href, Route, TimelineQuery};
use crate::ui::components::lanes::{bin_key, lane_view, Drawing, Label, LaneSpec, Mark, MarkShape};
use crate::ui::app::use_go;
use crate::ui::data::use_data;

/// Pixel sizes of the drawing.
const AXIS: f64 = 24.0;
const HEAD: f64 = 18.0;
const ROW: f64 = 14.0;
const PAD: f64 = 8.0;

fn pct(x: f64) -> String {
    format!("{:.3}%", x / WIDTH * 100.0)
}

/// "26 Nov 2024".
fn day_label(day: i64) -> String {
    let (y, m, d) = chart::civil(day);
    PartialDate::ymd(y, m, d).map(|p| p.display()).unwrap_or_default()
}

/// The y of each lane's top, and the whole height.
fn lane_tops(chart: &Chart) -> (Vec<f64>, f64) {
    let mut y = AXIS;
    let mut tops = Vec::with_capacity(chart.lanes.len());
    for lane in &chart.lanes {
        tops.push(y);
        y += HEAD + (lane.rows + usize::from(!lane.bins.is_empty())) as f64 * ROW + PAD;
    }
    (tops, y)
}

/// A chart laid out, with the number of events it was laid out from and the corpus its
/// event numbers index (drawn with that corpus, whatever has come in since).
#[derive(Clone)]
struct Drawn {
    chart: Chart,
    count: usize,
    corpus: Arc<Corpus>,
}

impl PartialEq for Drawn {
    fn eq(&self, other: &Drawn) -> bool {
        self.chart == other.chart && self.count == other.count && Arc::ptr_eq(&self.corpus, &other.corpus)
    }
}

/// The chart's layout for the timeline's `answer` to `query`, and the lanes the reader
/// folded: made by the page, which draws it with [`TimelineChart`] and places its list
/// below it ([`ChartLayout::height`]). While there is no answer (every event is being
/// fetched for a filter, a zoom, a fold) the last layout stays, under the page's pending
/// state.
#[derive(Clone, Copy)]
pub struct ChartLayout {
    drawn: Memo<Drawn>,
    /// Folds or unfolds lanes: those the reader folded to a row of counts (an actor, or
    /// `None` for "others"), kept while the page is, through every filter and zoom.
    set_folded: WriteSignal<Vec<Option<ActorId>>>,
    /// The answer it is laid out from (`None` while it is fetched).
    answer: Memo<Option<TimelineAnswer>>,
}

/// Lays out the chart of `answer` to `query` (see [`ChartLayout`]).
pub fn chart_layout(query: Memo<TimelineQuery>, answer: Memo<Option<TimelineAnswer>>) -> ChartLayout {
    let data = use_data();
    let (folded, set_folded) = signal(Vec::<Option<ActorId>>::new());
    let drawn = Memo::new(move |previous: Option<&Drawn>| {
        let ctx = data.current();
        let made = answer.with(|a| {
            let a = a.as_ref()?;
            let chart = query.with(|q| folded.with(|f| a.chart(&ctx.corpus, q, f)))?;
            Some(Drawn { chart, count: a.len(), corpus: ctx.corpus.clone() })
        });
        made.or_else(|| previous.cloned()).unwrap_or_else(|| Drawn { chart: Chart::default(), count: 0, corpus: ctx.corpus.clone() })
    });
    ChartLayout { drawn, set_folded, answer }
}

impl ChartLayout {
    /// The drawing's height in CSS pixels (the SVG's `height`, not the row of lane
    /// buttons under it), as laid out now.
    pub fn height(&self) -> f64 {
        self.drawn.with(|Drawn { chart: c, .. }| lane_tops(c).1)
    }
}

/// The chart `layout` of the timeline's answer to `query`, drawn.
#[component]
pub fn TimelineChart(query: Memo<TimelineQuery>, layout: ChartLayout, highlight: ReadSignal<Option<EventId>>) -> impl IntoView {
    let data = use_data();
    let go = use_go();
    let ChartLayout { drawn, set_folded, answer } = layout;
    // Highlight the marks of the card under the pointer or focus (set by the list), and
    // again after each redraw (`light` below: a redrawn mark may have lost it, a new one
    // never had it, and a bin kept in its place may now hold other events).
    Effect::new(move |_| light(highlight.get().as_ref()));

    // The zoom and pan links: built once, their addresses following the query and the
    // view (a filter or a zoom changes four attributes, not four links). One that would
    // show the same view (the earliest or latest dates a view can reach, the narrowest
    // or the widest zoom) has no address, so it is plain text, not a link to nowhere new.
    let view_now = Memo::new(move |_| drawn.with(|Drawn { chart: c, .. }| c.view));
    let tool = move |label: &'static str, title: &'static str, to: fn(View) -> View| {
        let next = move || Some(to(view_now.get())).filter(|next| *next != view_now.get());
        let href = move || next().map(|v| query.with(|q| Route::Timeline(v.query(q)).href()));
        view! { <a href=href title=title>{label}</a> }
    };
    let dated = Memo::new(move |_| query.with(|q| q.from.is_some() || q.to.is_some()));
    let every_date = move || {
        dated.get().then(|| {
            let href = move || query.with(|q| Route::Timeline(TimelineQuery { from: None, to: None, ..q.clone() }).href());
            view! { <a class="all" href=href title="Every date (0)">"All dates"</a> }
        })
    };
    let tools = view! {
        {tool("Zoom in", "Show half as much time (+)", |v| v.zoom(0.5, WIDTH / 2.0))}
        {tool("Zoom out", "Show twice as much time (−)", |v| v.zoom(2.0, WIDTH / 2.0))}
        {tool("← Earlier", "Move back in time (Shift+←)", |v| v.pan(-0.5))}
        {tool("Later →", "Move forward in time (Shift+→)", |v| v.pan(0.5))}
        {every_date}
    };

    // A button per lane folds it to one row of counts (or unfolds it): a lane view that
    // fits a phone's screen. Built again only when the lanes' actors change, each one's
    // state and label following the drawing, so a zoom keeps the buttons and a button
    // pressed keeps the keyboard's focus (not a keyed `For`: its diff costs the wasm
    // more than rebuilding a few buttons costs a filter).
    let toggle_keys = Memo::new(move |_| drawn.with(|Drawn { chart: c, .. }| c.lanes.iter().map(|l| l.actor.clone()).collect::<Vec<_>>()));
    let lane_toggle = {
        let data = data.clone();
        move |key: Option<ActorId>| {
            let data = data.clone();
            let lane = {
                let key = key.clone();
                Memo::new(move |_| {
                    drawn.with(|Drawn { chart: c, .. }| c.lanes.iter().find(|l| l.actor == key).map(|l| (!l.folded, l.label.clone())).unwrap_or_default())
                })
            };
            let open = move || lane.with(|(open, _)| *open);
            let toggle = move |_| {
                // The build's first view has no folded layout: that needs the events
                // the query can keep (a request for what is in does nothing).
                data.request(query.with_untracked(Need::timeline));
                set_folded.update(|f| match f.iter().position(|k| *k == key) {
                    Some(at) => {
                        f.remove(at);
                    }
                    None => f.push(key.clone()),
                })
            };
            let title = move || if open() { "Fold this lane to a row of counts" } else { "Show this lane's events" };
            view! {
                <button type="button" class="lane-toggle" aria-expanded=move || open().to_string() title=title on:click=toggle>
                    <span aria-hidden="true">{move || if open() { "▾ " } else { "▸ " }}</span>{move || lane.with(|(_, label)| label.clone())}
                </button>
            }
        }
    };

    let caption = move || {
        drawn.with(|Drawn { chart: c, count, .. }| {
            let n: usize = count.saturating_sub(c.outside);
            let lanes = c.lanes.len();
            let dense = if c.lanes.iter().any(|l| l.dense) { " Busy lanes are counts by stretch of time: zoom in to see each event." } else { "" };
            format!(
                "{} – {}: {n} event{} in {lanes} lane{}.{dense}",
                day_label(c.view.first),
                day_label(c.view.last),
                if n == 1 { "" } else { "s" },
                if lanes == 1 { "" } else { "s" }
            )
        })
    };

    // The axis: redrawn only when its ticks change (a zoom, not a filter).
    let ticks = Memo::new(move |_| drawn.with(|d| d.chart.ticks.clone()));
    let axis = move || ticks.with(|t| draw_axis(t));
    // The lanes: drawn by their views at first (the static page, hydrated), then redrawn
    // in place at each change (`components::lanes`).
    let specs = move || drawn.with(|d| query.with(|q| lane_specs(&d.corpus, &d.chart, q)));
    let first_lanes = untrack(specs);
    let lanes_ref = NodeRef::<svg::G>::new();
    let drawing = StoredValue::new_local(Drawing::First(first_lanes.clone()));
    // The arrow keys moved the tab stop: the next drawing sets every tabindex again.
    let roving = StoredValue::new(false);
    // A zoom or move by key keeps the keyboard in the chart: the mark it was on (by
    // selector), or the chart's tab stop, is focused again once the new view is drawn.
    // (Its mark may be gone from the view, and the page hides the chart while it fetches
    // what a view needs, which takes the focus from whatever was in it.)
    let refocus = StoredValue::new(None::<Option<String>>);
    // A change of view while the keyboard is in the drawing (on a mark, or on the drawing
    // itself when it has none), by key or by the pointer (a pinch, a brush, a wheel, a bin
    // followed), gives it back so.
    let hold_focus = move || {
        let in_drawing = crate::ui::app::focused_element().is_some_and(|el| el.closest(".chart-svg").ok().flatten().is_some());
        if in_drawing {
            refocus.set_value(Some(focused_mark()));
        }
    };
    Effect::new(move |_| {
        let lanes = specs();
        let Some(root) = lanes_ref.get_untracked() else { return };
        let moved = roving.get_value();
        roving.set_value(false);
        drawing.update_value(|d| d.redraw(&root, lanes, moved));
        light(highlight.get_untracked().as_ref());
        // (Not while the page waits for what the new view needs: the chart is hidden and
        // still the old view. The new view's drawing gives the focus back.)
        if let Some(mark) = refocus.get_value().filter(|_| answer.with_untracked(Option::is_some)) {
            refocus.set_value(None);
            request_animation_frame(move || {
                focus_again(mark.as_deref());
                // It set the tab stop where the focus is: the next drawing sets every
                // tabindex again, as after the arrow keys.
                roving.set_value(true);
            });
        }
    });

    // Brushing: a drag across the chart (not starting on a mark) selects a span. Two
    // fingers on a touch screen pinch instead: the change in their spread across the
    // chart is the zoom, around the point between them, applied when one lifts.
    let (brush, set_brush) = signal(None::<(f64, f64)>);
    // The tooltip's text and place (below), and the one way it is hidden (a change only if
    // it is shown: no redraw for each move across the chart).
    let (tip, set_tip) = signal(None::<(String, f64, f64)>);
    let hide_tip = move || {
        if tip.try_with_untracked(Option::is_some) == Some(true) {
            set_tip.set(None);
        }
    };
    // Touching pointers (id, fraction across the chart), and the pinch's starting spread.
    let touches = StoredValue::new(Vec::<(i32, f64)>::new());
    let pinch = StoredValue::new(None::<f64>);
    let spread = move || {
        touches.with_value(|t| match t.as_slice() {
            [(_, a), (_, b), ..] => Some(((a - b).abs().max(0.01), (a + b) / 2.0)),
            _ => None,
        })
    };
    // A finger or the mouse is lifted (or the browser took the gesture): no longer touching.
    let lift = move |ev: &leptos::ev::PointerEvent| touches.update_value(|t| t.retain(|(p, _)| *p != ev.pointer_id()));
    let fraction = |ev: &web_sys::MouseEvent| -> Option<f64> {
        let el = ev.current_target()?.dyn_into::<web_sys::Element>().ok()?;
        let rect = el.get_bounding_client_rect();
        (rect.width() > 0.0).then(|| ((f64::from(ev.client_x()) - rect.left()) / rect.width()).clamp(0.0, 1.0))
    };
    let on_down = move |ev: leptos::ev::PointerEvent| {
        if ev.pointer_type() == "touch" {
            if let Some(f) = fraction(&ev) {
                let id = ev.pointer_id();
                touches.update_value(|t| {
                    t.retain(|(p, _)| *p != id);
                    t.push((id, f));
                });
            }
            if let Some((width, _)) = spread() {
                set_brush.set(None);
                pinch.set_value(Some(width));
                return;
            }
        }
        let on_mark = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("a").ok().flatten()).is_some();
        if on_mark || ev.button() != 0 {
            return;
        }
        if let Some(f) = fraction(&ev) {
            if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
            hide_tip();
            set_brush.set(Some((f, f)));
        }
    };
    let on_move = move |ev: leptos::ev::PointerEvent| {
        let Some(f) = fraction(&ev) else { return };
        if ev.pointer_type() == "touch" {
            let id = ev.pointer_id();
            touches.update_value(|t| t.iter_mut().filter(|(p, _)| *p == id).for_each(|(_, x)| *x = f));
        }
        if pinch.get_value().is_some() {
            return;
        }
        if let Some((start, _)) = brush.get_untracked() {
            set_brush.set(Some((start, f)));
        }
    };
    let on_up = {
        let go = go.clone();
        move |ev: leptos::ev::PointerEvent| {
            // The spread as the finger lifts, before it leaves the touching ones.
            let now = spread();
            lift(&ev);
            if let Some(before) = pinch.get_value() {
                pinch.set_value(None);
                let Some((after, at)) = now else { return };
                let factor = (before / after).clamp(0.05, 20.0);
                let shown = drawn.with_untracked(|Drawn { chart: c, .. }| c.view);
                let view = shown.zoom(factor, at * WIDTH);
                if factor.ln().abs() > 0.1 && view != shown {
                    hold_focus();
                    go(&Route::Timeline(view.query(&query.get_untracked())), false);
                }
                return;
            }
            let Some((a, b)) = brush.get_untracked() else { return };
            set_brush.set(None);
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            if b - a < 0.01 {
                return; // a click, not a drag
            }
            let view = drawn.with_untracked(|Drawn { chart: c, .. }| c.view);
            let span = View { first: view.day_at(a * WIDTH), last: view.day_at(b * WIDTH) };
            hold_focus();
            go(&Route::Timeline(span.query(&query.get_untracked())), false);
        }
    };
    // The browser took the gesture (a vertical scroll) or lost the pointer: nothing is done.
    let on_cancel = move |ev: leptos::ev::PointerEvent| {
        lift(&ev);
        pinch.set_value(None);
        set_brush.set(None);
    };
    let on_wheel = {
        let go = go.clone();
        move |ev: leptos::ev::WheelEvent| {
            // Only a pinch (Ctrl+wheel): a plain wheel scrolls the page as everywhere.
            if !ev.ctrl_key() && !ev.meta_key() {
                return;
            }
            ev.prevent_default();
            let Some(f) = fraction(&ev) else { return };
            let factor = if ev.delta_y() < 0.0 { 0.8 } else { 1.25 };
            let shown = drawn.with_untracked(|Drawn { chart: c, .. }| c.view);
            let view = shown.zoom(factor, f * WIDTH);
            if view != shown {
                hold_focus();
                go(&Route::Timeline(view.query(&query.get_untracked())), true);
            }
        }
    };
    // Keys inside the chart: arrows between marks (a roving tab stop), + and − zoom,
    // Shift+arrows pan, 0 every date.
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let key = ev.key();
        let q = query.get_untracked();
        let view = drawn.with_untracked(|Drawn { chart: c, .. }| c.view);
        let next = match (key.as_str(), ev.shift_key()) {
            ("+" | "=", _) => Some(view.zoom(0.5, WIDTH / 2.0)),
            ("-" | "_", _) => Some(view.zoom(2.0, WIDTH / 2.0)),
            ("ArrowLeft", true) => Some(view.pan(-0.5)),
            ("ArrowRight", true) => Some(view.pan(0.5)),
            ("0", _) => {
                ev.prevent_default();
                if q.from.is_some() || q.to.is_some() {
                    hold_focus();
                    go(&Route::Timeline(TimelineQuery { from: None, to: None, ..q }), false);
                }
                return;
            }
            ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown" | "Home" | "End", false) => {
                ev.prevent_default();
                move_focus(&key);
                roving.set_value(true);
                None
            }
            _ => None,
        };
        if let Some(v) = next.filter(|v| *v != view) {
            ev.prevent_default();
            hold_focus();
            go(&Route::Timeline(v.query(&q)), false);
        }
    };
    // The drawing's links are SVG links, which the router leaves to the browser (it takes
    // HTML links only): they are followed here as every other link in the app is, a bin's
    // (its stretch of time: the page stays where it is, the focus goes on from the mark
    // that stands for it in the new view), a lane head's (the actor's page) and an
    // event's mark (a fragment: its card, which the page scrolls to and focuses) without
    // loading the page again or passing for back or forward. A click with a modifier key
    // (another tab or window) is the browser's, as for any link.
    let navigate = leptos_router::hooks::use_navigate();
    let on_click = move |ev: leptos::ev::MouseEvent| {
        if ev.default_prevented() || ev.button() != 0 || ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key() {
            return;
        }
        let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("a").ok().flatten());
        let Some(link) = link else { return };
        let Some(href) = link.get_attribute("href") else { return };
        let to = if href.starts_with('#') {
            let here = window().location();
            format!("{}{}{href}", here.pathname().unwrap_or_default(), here.search().unwrap_or_default())
        } else if href.starts_with('/') && !href.starts_with("//") {
            href
        } else {
            return;
        };
        ev.prevent_default();
        let bin = link.class_list().contains("bin");
        if bin {
            hold_focus();
        }
        navigate(&to, leptos_router::NavigateOptions { scroll: !bin, ..Default::default() });
    };
    let brush_rect = move || {
        brush.get().map(|(a, b)| {
            let (a, b) = if a <= b { (a, b) } else { (b, a) };
            view! { <rect class="brush" x=pct(a * WIDTH) width=pct((b - a) * WIDTH) y=0 height="100%"></rect> }
        })
    };
    // The tooltip: the name of the mark under the pointer or the keyboard's focus, above
    // it (built in the browser only: its place is set through the CSS object model, which
    // the content security policy allows, unlike a style attribute in the page). Screen
    // readers have the name already: the tooltip is hidden from them.
    let show_tip = move |target: Option<web_sys::EventTarget>| {
        let mark = target.and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|t| t.closest("a.item, a.bin").ok().flatten());
        let (Some(mark), true) = (mark, brush.get_untracked().is_none()) else {
            hide_tip();
            return;
        };
        let Some(figure) = mark.closest("figure").ok().flatten() else { return };
        // Above its shape (the link's box takes in its label, cut off or not).
        let shape = mark.first_element_child().unwrap_or_else(|| mark.clone());
        let (m, f) = (shape.get_bounding_client_rect(), figure.get_bounding_client_rect());
        set_tip.set(Some((mark.get_attribute("aria-label").unwrap_or_default(), m.left() + m.width() / 2.0 - f.left(), m.top() - f.top())));
    };
    // A new drawing (a filter, a zoom) leaves no tooltip on a mark that has moved or gone;
    // nor does a resize (it was placed for the old size). Escape dismisses it wherever the
    // focus is (the pointer can also rest on it: it stays while hovered).
    Effect::new(move |_| {
        drawn.track();
        hide_tip();
    });
    let on_escape = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            hide_tip();
        }
    });
    let on_resize = window_event_listener(leptos::ev::resize, move |_| hide_tip());
    on_cleanup(move || {
        on_escape.remove();
        on_resize.remove();
    });
    let tooltip = move || {
        tip.get().map(|(name, x, y)| {
            // Centred on the mark, and kept inside the figure at its widest (the
            // stylesheet's limit, 18rem or the figure's width): the browser clamps, in
            // whatever a rem is here.
            let left = format!("clamp(min(9rem, 50%), {x:.1}px, calc(100% - min(9rem, 50%)))");
            view! { <div class="chart-tip" aria-hidden="true" style:left=left style:top=format!("{y:.1}px")>{name}</div> }
        })
    };
    let height = move || layout.height();
    // With no mark to stand on (a span with no event), the chart itself is the tab stop,
    // so its keys still work.
    let own_stop = move || drawn.with(|Drawn { chart: c, .. }| c.lanes.iter().all(|l| l.items.is_empty() && l.bins.is_empty())).then_some("0");

    view! {
        // Leaving the figure, not the drawing, hides the tooltip: the pointer may rest on it.
        // Focus events are heard on the figure, not the drawing: Chromium makes an SVG
        // element with focus listeners a tab stop of its own.
        <figure class="chart" aria-labelledby="chart-caption" on:pointerleave=move |_| hide_tip()
            on:focusin=move |ev: leptos::ev::FocusEvent| show_tip(ev.target()) on:focusout=move |_| hide_tip()>
            <div class="chart-tools" role="group" aria-label="Zoom and move in time">{tools}</div>
            <div class="chart-lanes" role="group" aria-label="Fold or unfold lanes">
                {move || toggle_keys.get().into_iter().map(lane_toggle.clone()).collect_view()}
            </div>
            <svg class="chart-svg" width="100%" height=height role="group" aria-label="Events in time, by actor" tabindex=own_stop
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_cancel on:wheel=on_wheel on:keydown=on_key on:click=on_click
                on:pointerover=move |ev: leptos::ev::PointerEvent| show_tip(ev.target())>
                <g class="axis" aria-hidden="true">{axis}</g>
                <g class="lanes" node_ref=lanes_ref>{first_lanes.iter().map(lane_view).collect_view()}</g>
                {brush_rect}
            </svg>
            {tooltip}
            // How to use the drawing: not on paper.
            <figcaption id="chart-caption">{caption}<span class="chart-hint">" Drag across the chart to show a span; Ctrl+wheel zooms."</span></figcaption>
        </figure>
    }
}

/// Lights the marks of event `e` (its own, and a bin that names it first), and no other.
fn light(e: Option<&EventId>) {
    let each = |selector: &str, on: bool| {
        let Ok(nodes) = document().query_selector_all(selector) else { return };
        for k in 0..nodes.length() {
            if let Some(el) = nodes.item(k).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
                let _ = if on { el.class_list().add_1("hl") } else { el.class_list().remove_1("hl") };
            }
        }
    };
    each(".chart a.hl", false);
    if let Some(e) = e {
        // Ids are slugs: nothing in one can end the quoted value. An event's marks link
        // to its card; a bin names its first event.
        let href = fragment_href(&event_anchor(e));
        each(&format!(".chart a.item[href=\"{href}\"], .chart a.bin[data-e=\"{}\"]", e.as_str()), true);
    }
}

/// The selector of the chart's link that has the keyboard's focus, if one has: an
/// event's mark by the card it links to, a bin by the event it names first (or, the bin
/// gone, that event's mark), a lane's head by its actor's page.
fn focused_mark() -> Option<String> {
    let active = document().active_element()?;
    let mark = active.closest("a.item, a.bin, a.lane-head").ok()??;
    // Ids are slugs, a mark's href a fragment of one and a lane's an actor's page: nothing
    // in any can end the quoted value.
    let class = mark.class_list();
    match (class.contains("bin"), class.contains("lane-head"), mark.get_attribute("data-e"), mark.get_attribute("href")) {
        // (A bin followed is gone from the new view: the event it named first is drawn.)
        (true, _, Some(e), _) => Some(format!(".chart a.bin[data-e=\"{e}\"], .chart a.item[href=\"{}\"]", fragment_href(&event_anchor(&EventId::new(e.as_str()))))),
        (false, true, _, Some(href)) => Some(format!(".chart a.lane-head[href=\"{href}\"]")),
        (false, false, _, Some(href)) => Some(format!(".chart a.item[href=\"{href}\"]")),
        _ => None,
    }
}

/// Gives the keyboard's focus back to the chart after a zoom or move by key, unless the
/// reader has moved it elsewhere meanwhile: to `mark` if it is still drawn, else to the
/// chart's tab stop (its first mark, or the drawing itself when it has none). A link the
/// focus stayed on (its lane or mark was kept) is made the tab stop again: the new
/// drawing set every tabindex from its marks.
fn focus_again(mark: Option<&str>) {
    let marks = marks();
    if let Some(active) = crate::ui::app::focused_element() {
        if let Some(k) = marks.iter().position(|m| *m == active) {
            focus_mark(&marks, k);
        }
        return;
    }
    let doc = document();
    let find = |selector: &str| doc.query_selector(selector).ok().flatten();
    let target = mark
        .and_then(find)
        .and_then(|m| marks.iter().position(|k| *k == m))
        .or_else(|| marks.iter().position(|m| m.get_attribute("tabindex").as_deref() == Some("0")))
        .or((!marks.is_empty()).then_some(0));
    match target {
        Some(target) => focus_mark(&marks, target),
        None => {
            if let Some(svg) = find(".chart svg.chart-svg") {
                crate::ui::app::focus(svg);
            }
        }
    }
}

/// The chart's links the arrow keys move between, in the document's order: by lane, its
/// head (a link to the actor's page) then its marks (events and bins) in time. None when
/// the view has no mark: the drawing itself is then the tab stop, and the heads stay out
/// of the way (a head made the stop would be a second one).
fn marks() -> Vec<web_sys::Element> {
    let Ok(nodes) = document().query_selector_all(".chart a.lane-head, .chart a.item, .chart a.bin") else { return Vec::new() };
    let links: Vec<web_sys::Element> = (0..nodes.length()).filter_map(|k| nodes.item(k)?.dyn_into().ok()).collect();
    if links.iter().all(|l| l.class_list().contains("lane-head")) {
        return Vec::new();
    }
    links
}

/// Focuses `marks[target]` and makes it the chart's only tab stop (a roving tabindex).
fn focus_mark(marks: &[web_sys::Element], target: usize) {
    for (k, m) in marks.iter().enumerate() {
        let _ = m.set_attribute("tabindex", if k == target { "0" } else { "-1" });
    }
    if let Some(mark) = marks.get(target) {
        crate::ui::app::focus(mark.clone());
    }
}

/// Moves focus between the chart's links (a lane's head, then its marks in time order;
/// up and down between lanes), keeping the one focused as the chart's only tab stop.
fn move_focus(key: &str) {
    let marks = marks();
    if marks.is_empty() {
        return;
    }
    let active = document().active_element();
    let at = active.as_ref().and_then(|a| marks.iter().position(|m| m == a)).unwrap_or(0);
    let lane_of = |m: &web_sys::Element| m.closest("g.lane").ok().flatten().and_then(|g| g.get_attribute("data-lane")).unwrap_or_default();
    let target = match key {
        "ArrowRight" => (at + 1).min(marks.len() - 1),
        "ArrowLeft" => at.saturating_sub(1),
        "Home" => 0,
        "End" => marks.len() - 1,
        "ArrowDown" => marks.iter().skip(at).position(|m| lane_of(m) != lane_of(&marks[at])).map_or(at, |k| at + k),
        _ => marks[..at].iter().rposition(|m| lane_of(m) != lane_of(&marks[at])).map_or(at, |k| {
            // The first link of the lane above (its head, if it has one).
            let lane = lane_of(&marks[k]);
            marks[..=k].iter().position(|m| lane_of(m) == lane).unwrap_or(k)
        }),
    };
    focus_mark(&marks, target);
}

/// The axis of a laid-out chart: its ticks (from the axis to the drawing's foot) and
/// their labels.
fn draw_axis(ticks: &[Tick]) -> impl IntoView {
    ticks
        .iter()
        .enumerate()
        .map(|(k, t)| {
            let class = if t.major { "tick major" } else { "tick" };
            let label_class = if k % 2 == 1 { "tick-label odd" } else { "tick-label" };
            view! {
                <line class=class x1=pct(t.x) x2=pct(t.x) y1=AXIS - 6.0 y2="100%"></line>
                <text class=label_class x=pct(t.x) y=14 dx=3>{t.label.clone()}</text>
            }
        })
        .collect_view()
}

/// The lanes of a laid-out chart, as data (`components::lanes` draws them).
fn lane_specs(corpus: &Corpus, c: &Chart, q: &TimelineQuery) -> Vec<LaneSpec> {
    let (tops, _) = lane_tops(c);
    let mut first_mark = true;
    let busiest = c.lanes.iter().flat_map(|l| &l.bins).map(|b| b.count).max().unwrap_or(1);
    c.lanes
        .iter()
        .zip(tops)
        .enumerate()
        .map(|(k, (lane, top))| LaneSpec {
            key: lane.actor.as_ref().map(|a| a.to_string()).unwrap_or_default(),
            index: k,
            top,
            head: lane.actor.as_ref().map(|a| Route::Actor(a.clone()).href()),
            label: format!("{} · {}", lane.label, lane.count),
            marks: lane_marks(corpus, c, lane, busiest, q, &mut first_mark),
        })
        .collect()
}

/// A bin's class: its count against the chart's busiest bin, in four shades, so dense
/// stretches read as dense.
fn bin_class(count: usize, busiest: usize) -> &'static str {
    match (count * 4).div_ceil(busiest.max(1)) {
        0 | 1 => "bin d1",
        2 => "bin d2",
        3 => "bin d3",
        _ => "bin d4",
    }
}

/// One lane's marks, placed relative to its top; `busiest` is the chart's busiest bin.
fn lane_marks(corpus: &Corpus, c: &Chart, lane: &Lane, busiest: usize, q: &TimelineQuery, first_mark: &mut bool) -> Vec<Mark> {
    // One tab stop for the whole chart: its first mark (the arrow keys move it).
    let mut tab = || {
        let t = if *first_mark { "0" } else { "-1" };
        *first_mark = false;
        Some(t.to_owned())
    };
    // A mark is a link and its shape, nothing more: a filter or a zoom redraws a few
    // hundred of them, and each element and attribute is work for the page (the name is
    // the link's label, and the chart's tooltip shows it). Radius, heights and corners
    // are in the stylesheet.
    let mut marks: Vec<Mark> = lane
        .items
        .iter()
        .zip(label_rooms(lane))
        .map(|(item, room)| {
            let e = &corpus.events[item.event];
            let y = HEAD + item.row as f64 * ROW;
            let bar = || MarkShape::Bar([pct(item.x0), (y + 2.0).to_string(), pct(item.x1 - item.x0)]);
            let (class, shape) = match item.shape {
                Shape::Point => ("item point", MarkShape::Point([pct(item.x0), (y + ROW / 2.0).to_string()])),
                Shape::Bar => ("item bar", bar()),
                Shape::Fuzzy => ("item fuzzy", bar()),
            };
            let class = match item.clipped {
                (true, true) => format!("{class} clip-l clip-r"),
                (true, false) => format!("{class} clip-l"),
                (false, true) => format!("{class} clip-r"),
                _ => class.to_owned(),
            };
            // The card on this very page: a fragment, the same whatever the filters (and
            // what the list's highlight looks for).
            let href = fragment_href(&event_anchor(&e.id));
            // Its title where there is room: after a point's dot, inside a bar; on a
            // phone's screen only where the room is wide.
            let label = room.map(|r| Label {
                frame: [if r.wide() { "label" } else { "label narrow" }.to_owned(), pct(r.x), y.to_string(), pct(r.width), ROW.to_string()],
                at: [if item.shape == Shape::Point { "7" } else { "3" }.to_owned()],
                text: e.title.clone(),
            });
            Mark {
                key: href.clone(),
                link: [Some(class), Some(href), Some(format!("{}, {}", e.title, e.date.display())), tab(), None],
                shape,
                count: None,
                label,
            }
        })
        .collect();
    let y = HEAD + lane.rows as f64 * ROW;
    marks.extend(lane.bins.iter().enumerate().map(|(k, b)| {
        let span = View { first: b.days.0.max(c.view.first), last: b.days.1.min(c.view.last) };
        // The name says everything (axe: the visible count is part of it).
        let (first, last) = (day_label(span.first), day_label(span.last));
        let when = if first == last { first } else { format!("{first} – {last}") };
        let name = if b.count == 1 { format!("+1 more event, {when}: show it") } else { format!("+{} more events, {when}: show them", b.count) };
        Mark {
            key: bin_key(k),
            link: [
                Some(bin_class(b.count, busiest).to_owned()),
                Some(Route::Timeline(span.query(q)).href()),
                Some(name),
                tab(),
                corpus.events.get(b.first).map(|e| e.id.to_string()),
            ],
            shape: MarkShape::Bar([pct(b.x0), (y + 1.0).to_string(), pct(b.x1 - b.x0)]),
            count: Some(([pct((b.x0 + b.x1) / 2.0), (y + ROW - 3.0).to_string()], format!("+{}", b.count))),
            label: None,
        }
    }));
    marks
}
