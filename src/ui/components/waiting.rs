//! A list waiting for data it fetched on the reader's behalf (every quote for a search,
//! every event for a filter): the page's pending state while it waits, and the reason
//! with a retry if the fetch failed. The list shows nothing stale meanwhile.

use leptos::prelude::*;

use crate::core::pack::Need;
use crate::core::site::PENDING_CLASS;
use crate::ui::data::use_data;

/// A list's fetch on the reader's behalf: whenever the list `need`s data that is not in
/// (for its query, or for more results than are in), that is requested, and while
/// `unanswered` (the query itself waits for it) the page is pending ([`pending_while`]).
/// What the query waits for is asked for as soon as data comes in
/// ([`DataContext::watch`](crate::ui::data::DataContext::watch)); what only adds to
/// results shown, once they are painted. Returns whether the page is waiting for a fetch
/// that has not failed (a failure is an answer, said by [`LoadFailure`]).
pub fn fetch_while(need: Memo<Option<Need>>, unanswered: Memo<bool>) -> Memo<bool> {
    let data = use_data();
    data.watch(need, unanswered);
    Effect::new({
        let data = data.clone();
        move |_| {
            let Some(wanted) = need.get() else { return };
            if unanswered.get() {
                data.request(wanted);
            } else {
                data.request_after_paint(wanted, move |n| need.try_get_untracked().flatten().as_ref() == Some(n));
            }
        }
    });
    let waiting = Memo::new(move |_| need.with(|n| n.as_ref().is_some_and(|n| data.failure_of(n).is_none())));
    pending_while(Memo::new(move |_| unanswered.get() && waiting.get()));
    waiting
}

/// Puts the head's pending state on the page ([`PENDING_CLASS`]: "Searching…", the list
/// hidden) while `waiting`, and takes it off when the data is in, has failed, or the
/// page is left. Hiding the list and the chart takes the keyboard's focus from a link or
/// mark in them (a zoom link pressed with Enter): it is given back when they show again,
/// if that element is still in the page and the reader has not moved on meanwhile.
fn pending_while(waiting: Memo<bool>) {
    Effect::new(move |was: Option<(bool, Option<web_sys::Element>)>| {
        let on = waiting.get();
        let (was_on, focused) = was.unwrap_or((false, None));
        if !on && !was_on {
            return (false, None);
        }
        if let Some(html) = document().document_element() {
            let _ = html.class_list().toggle_with_force(PENDING_CLASS, on);
        }
        if on {
            // Taken before the style that hides it applies. (Not a mark of the chart: the
            // chart gives that back itself, to the mark that stands for it in the new view.)
            let active = crate::ui::app::focused_element().filter(|el| el.closest(".chart-svg").ok().flatten().is_none());
            return (true, if was_on { focused } else { active });
        }
        let lost = crate::ui::app::focused_element().is_none();
        match focused {
            Some(el) if lost && el.is_connected() => {
                crate::ui::app::focus(el);
            }
            // Gone with the list it was in (a card's actor link followed with Enter): the
            // page's heading, as after moving to another page, where the scroll stays.
            Some(_) if lost => crate::ui::app::focus_heading(),
            _ => {}
        }
        (false, None)
    });
    // Leaving the page mid-fetch: the next page is not pending (another list would hide
    // under the same class). In the browser only: natively the page is disposed once
    // rendered, and there is no document.
    on_cleanup(|| {
        if !cfg!(target_arch = "wasm32") {
            return;
        }
        if let Some(html) = document().document_element() {
            let _ = html.class_list().remove_1(PENDING_CLASS);
        }
    });
}

/// Whether a list's region is busy (its `aria-busy`): while `waiting` for its fetch
/// ([`fetch_while`]), or while it is still only partly rendered. A test or a screen
/// reader waits for this, not for the list.
pub fn busy(waiting: Memo<bool>, partial: impl Fn() -> bool + Send + Sync + 'static) -> Signal<bool> {
    Signal::derive(move || partial() || waiting.get())
}

/// "The quotes could not be loaded: <reason>" with a button that asks for what the list
/// `need`s again, while it waits for that and its fetch has failed; nothing otherwise.
#[component]
pub fn LoadFailure(
    /// What the list waits for, if anything.
    need: Memo<Option<Need>>,
    /// What could not be loaded ("quotes", "events").
    what: &'static str,
) -> impl IntoView {
    let data = use_data();
    move || {
        let reason = need.with(|n| n.as_ref().and_then(|n| data.failure_of(n)))?;
        let data = data.clone();
        Some(view! {
            <p class="load-failure" role="alert">
                "The "{what}" could not be loaded: "{reason}" "
                <button type="button" on:click=move |_| if let Some(need) = need.get_untracked() { data.request(need) }>"Try again"</button>
            </p>
        })
    }
}
