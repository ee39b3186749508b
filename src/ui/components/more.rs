//! Long lists render a page at a time: a corpus of 100,000 quotes must not put 100,000
//! cards in the page. A [`Limit`] says how many items to show; it belongs to one query,
//! so a new query shows the first page again in the same render (no extra pass with the
//! old limit), and so does going back to an earlier query. [`ShowMore`] is the button
//! that shows the next page.
//!
//! After the query changes (typing, a filter), a list first renders only a screenful
//! ([`first_screen`] items), so the new results are painted in the same frame even at
//! 10,000 events; the rest of the page follows right after that paint (for results that
//! had to be fetched, the paint of their first screenful once they are in). The first render
//! of a page is whole, so it matches the prerendered page the app replaces, and so is a
//! render for back or forward, so the browser can restore the scroll position in it.
//!
//! A list that starts low in the window (the timeline's, below its chart) can say where
//! it is ([`Limit::placed`]): its first screenful is then what the window shows of it
//! ([`watch_room`]: as last laid out, moved by what the height above it has changed by
//! since), not a whole window's worth of cards. So can a search's list, whose first
//! screenful is fetched before it is shown ([`Limit::screened`]): the count is fitted to
//! the list's room as the query changes and kept for that query, so what is fetched for
//! the first screen and what is rendered of it agree.

use std::cell::Cell;

use leptos::prelude::*;

/// How many results a list shows at first, and adds per "Show more" (the same number the
/// static pages show).
pub const PAGE: usize = crate::core::site::LIST_PAGE;

/// The most items rendered at once when the query changes: more than a tall screen
/// shows of cards (and what is rendered where the window's height is not known).
pub const FIRST_SCREEN: usize = 20;

// A first screen of search hits is fetched in one batch.
const _: () = assert!(FIRST_SCREEN <= crate::core::lists::EXCERPTS_AT_ONCE);

/// The fewest: a short window still gets a screenful and a little more.
const FIRST_SCREEN_MIN: usize = 8;

/// The height of the shortest card a list draws (an event's, on a wide screen), in CSS
/// pixels: a window shows no more than its height over this, whatever it is scrolled to.
const SHORTEST_CARD: f64 = 90.0;

/// How many items are rendered at once when the query changes: as many of the shortest
/// cards as the window's height holds, and two more, between [`FIRST_SCREEN_MIN`] and
/// [`FIRST_SCREEN`]: 10 in a window 720 pixels high, not 20. (A list that knows where it
/// is in the window renders fewer: [`Limit::placed`], [`Limit::screened`].)
///
/// Of the window's height as the page loaded: what a list fetched for its first screen
/// and what it then renders must agree, and a phone's window grows when its keyboard
/// closes.
pub fn first_screen() -> usize {
    load_height().map_or(FIRST_SCREEN, first_screen_for)
}

/// The window's height as the page loaded (read once).
fn load_height() -> Option<f64> {
    thread_local! {
        static HEIGHT: Cell<Option<Option<f64>>> = const { Cell::new(None) };
    }
    HEIGHT.with(|h| match h.get() {
        Some(height) => height,
        None => {
            let height = window_height();
            h.set(Some(height));
            height
        }
    })
}

/// [`first_screen`] for a window `height` CSS pixels high (what the benchmark of the
/// sharded search asks, for the window it runs in).
pub fn first_screen_for(height: f64) -> usize {
    if height.is_finite() && height > 0.0 {
        ((height / SHORTEST_CARD).ceil() as usize + 2).clamp(FIRST_SCREEN_MIN, FIRST_SCREEN)
    } else {
        FIRST_SCREEN
    }
}

/// The fewest items rendered at once for a list whose room in the window is known: what
/// shows of the first one or two, and one more.
const FIRST_SCREEN_PLACED_MIN: usize = 3;

/// [`first_screen`] for a list with `room` CSS pixels of the window below its top (the
/// window's height less the list's top in it; negative when the list starts below the
/// window): the shortest cards that room holds, and two more, between
/// [`FIRST_SCREEN_PLACED_MIN`] and [`first_screen`].
pub fn first_screen_in(room: f64, first_screen: usize) -> usize {
    if room.is_finite() {
        let held = (room.max(0.0) / SHORTEST_CARD).ceil() as usize + 2;
        held.clamp(FIRST_SCREEN_PLACED_MIN.min(first_screen), first_screen)
    } else {
        first_screen
    }
}

thread_local! {
    /// The room the watched list has in the window ([`first_screen_in`]) as the page was
    /// last laid out, and the height above it then that the page says changes (the
    /// chart's); `None` when it is not known, or the page has scrolled since (the list is
    /// then somewhere else in the window).
    static ROOM: Cell<Option<(f64, f64)>> = const { Cell::new(None) };
    /// The observer that measures it, and its callback (kept alive while it watches).
    #[cfg(target_arch = "wasm32")]
    #[allow(clippy::type_complexity)]
    static ROOM_WATCH: std::cell::RefCell<Option<(web_sys::ResizeObserver, wasm_bindgen::closure::Closure<dyn FnMut()>)>> =
        const { std::cell::RefCell::new(None) };
}

/// Watches the room `list` has in the window while it is in the page: measured after
/// layout whenever the page's or the list's size changes (a `ResizeObserver`, whose
/// callback runs once the frame is laid out, so the measure forces no layout of its own),
/// with `above` then (a height above the list that a new query changes: the timeline's
/// chart); forgotten when the page scrolls, and measured again after the next layout.
/// One list at a time: a page's list replaces the last.
///
/// Where the next render puts the list, the page either stays where it is or goes back
/// to its top (a new page): either way the list has no more room than measured, less
/// what `above` has grown by, as long as nothing has scrolled. (What else above it
/// shrinks, a chip removed, is within the two cards [`first_screen_in`] adds; what is
/// more, a phone's twenty lane buttons and chips cleared, is caught before the paint by
/// [`Limit::fill_window`].)
pub fn watch_room(list: NodeRef<leptos::html::Div>, above: Signal<f64>) {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsCast;
        thread_local! {
            static SCROLL_WATCHED: Cell<bool> = const { Cell::new(false) };
        }
        // A scroll moves the list in the window: its room is not known until measured
        // again, after the next layout (the body observed anew, which the observer
        // reports then).
        if !SCROLL_WATCHED.with(|w| w.replace(true)) {
            window_event_listener(leptos::ev::scroll, |_| {
                ROOM.with(|r| r.set(None));
                ROOM_WATCH.with_borrow(|w| {
                    if let (Some((observer, _)), Some(body)) = (w, document().body()) {
                        observer.unobserve(&body);
                        observer.observe(&body);
                    }
                });
            });
        }
        Effect::new(move |_| {
            let Some(el) = list.get() else { return };
            let el: web_sys::Element = el.into();
            let measured = el.clone();
            let callback = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(move || {
                // A list not shown (the page's pending state hides it) has no place:
                // the last measure stands.
                let rect = measured.get_bounding_client_rect();
                if rect.width() == 0.0 && rect.height() == 0.0 {
                    return;
                }
                // (Of the taller of the window as the page loaded and as it is: a phone's
                // keyboard open while the reader types may close before the paint.)
                let room = window_height().map(|h| h.max(load_height().unwrap_or(h)) - rect.top());
                let above = above.try_get_untracked();
                ROOM.with(|r| r.set(room.zip(above)));
            });
            let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else { return };
            observer.observe(&el);
            if let Some(body) = document().body() {
                observer.observe(&body);
            }
            forget_room();
            ROOM_WATCH.with(|w| w.replace(Some((observer, callback))));
        });
        on_cleanup(forget_room);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (list, above);
}

/// Stops watching a list's room (its page is gone, or another list is watched).
#[cfg(target_arch = "wasm32")]
fn forget_room() {
    if let Some((observer, _)) = ROOM_WATCH.with(|w| w.take()) {
        observer.disconnect();
    }
    ROOM.with(|r| r.set(None));
}

/// The first screenful of the watched list for a query made now: if what is above it is
/// `steady`, what the window shows of it as last laid out ([`first_screen_in`]); a
/// windowful ([`first_screen`]) if not, or while its room is not known (before the first
/// layout, after a scroll). What a [`Limit::screened`] list renders first for the query.
fn screen_if(steady: bool) -> usize {
    match ROOM.with(Cell::get) {
        Some((room, _)) if steady => first_screen_in(room, first_screen()),
        _ => first_screen(),
    }
}

/// The window's height now, if it has one.
fn window_height() -> Option<f64> {
    #[cfg(target_arch = "wasm32")]
    if let Some(height) = web_sys::window().and_then(|w| w.inner_height().ok()).and_then(|h| h.as_f64()) {
        return Some(height);
    }
    None
}

thread_local! {
    /// Set while the app follows back or forward (from the `popstate` event until the
    /// task after it): the list it renders then is whole, or the browser would restore
    /// the scroll position into a list cut short.
    static TRAVERSING: Cell<bool> = const { Cell::new(false) };
}

/// Whether the app is following back or forward now (see [`watch_history`]).
pub fn traversing() -> bool {
    TRAVERSING.with(Cell::get)
}

/// Watches for back and forward for the whole life of the app. It must be registered
/// before the router's own `popstate` listener, which renders the new page at once.
///
/// While it follows them, and for a second after, the page scrolls instantly (not with
/// the stylesheet's smooth scrolling): the browser restores the position the reader
/// left in one step, so the app finds the link in view that the reader followed
/// (`app::focus_link_to`), not a place an animation is passing.
pub fn watch_history() {
    window_event_listener(leptos::ev::popstate, |_| {
        TRAVERSING.with(|t| t.set(true));
        set_timeout(|| TRAVERSING.with(|t| t.set(false)), std::time::Duration::ZERO);
        scroll_instantly_for(std::time::Duration::from_secs(1));
    });
}

/// The page's clock (`performance.now()`, in milliseconds), 0 where it has none.
pub fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// Makes the page scroll instantly for `time` (an inline `scroll-behavior` on the root,
/// over the stylesheet's); a later call extends it.
pub fn scroll_instantly_for(time: std::time::Duration) {
    thread_local! {
        static UNTIL: Cell<f64> = const { Cell::new(0.0) };
    }
    let Some(root) = document().document_element().and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) else { return };
    let _ = root.style().set_property("scroll-behavior", "auto");
    let until = now() + time.as_secs_f64() * 1000.0;
    UNTIL.with(|u| u.set(until));
    set_timeout(
        move || {
            if UNTIL.with(Cell::get) <= now() {
                let _ = root.style().remove_property("scroll-behavior");
            }
        },
        time,
    );
}

/// How many items of the list for the current query to show.
pub struct Limit<T: Send + Sync + 'static> {
    /// The query the extra pages were asked for, and how many items that makes.
    state: RwSignal<Option<(T, usize)>>,
    /// The query whose whole page has been rendered (not only its first screenful).
    whole: RwSignal<Option<T>>,
    query: Memo<T>,
    /// When the list's room in the window is watched ([`Limit::placed`]): the height
    /// above it that a query changes, and the list.
    place: StoredValue<Option<(Signal<f64>, NodeRef<leptos::html::Div>)>>,
    /// The query whose first screenful, fitted to the list's room, fell short of the
    /// window's bottom (see [`Limit::fill_window`]): it renders a windowful.
    short: RwSignal<Option<T>>,
    /// Whether the last first screenful rendered was fitted to the list's room.
    fitted: StoredValue<bool>,
    /// For a list whose first screenful is fetched ([`Limit::screened`]): its count for
    /// the query now, fitted to the list's room as the query changed, and whether what is
    /// above the list is steady enough to fit it.
    screen: StoredValue<Option<(Memo<usize>, Signal<bool>)>>,
}

impl<T: Send + Sync + 'static> Clone for Limit<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Limit<T> {}

impl<T: Clone + PartialEq + Send + Sync + 'static> Limit<T> {
    /// The number of items the list holds now (whole pages; what "Show more" counts).
    pub fn get(&self) -> usize {
        self.query.track();
        self.state.track();
        self.now_untracked()
    }

    /// The number of items to render now: [`Limit::get`], or only the first screenful of
    /// them while a new query's results are being painted.
    pub fn rendered(&self) -> usize {
        let n = self.get();
        if traversing() || self.query.with(|q| self.whole.with(|w| w.as_ref() == Some(q))) {
            return n;
        }
        if let Some((screen, _)) = self.screen.get_value() {
            return n.min(screen.get());
        }
        let place = self.place.get_value().filter(|_| self.query.with(|q| self.short.with(|s| s.as_ref() != Some(q))));
        let fitted = place.zip(ROOM.with(Cell::get));
        self.fitted.set_value(fitted.is_some());
        match fitted {
            Some(((above, _), (room, above_then))) => n.min(first_screen_in(room - (above.get() - above_then), first_screen())),
            None => n.min(first_screen()),
        }
    }

    /// In the frame that paints a first screenful fitted to the list's room, before it is
    /// painted: if the list ends above the window's bottom though more of it is to come
    /// (what shrank above it was more than the room allowed for: a phone's twenty lane
    /// buttons and chips cleared, or a scroll the room had not heard of yet), a windowful
    /// is rendered at once, so the frame shows no gap. (Reading the layout here costs
    /// nothing more than the frame's own layout, which follows and finds it done; the
    /// top-up is laid out again.) A windowful rendered as before is left as it is.
    fn fill_window(&self, painted: &T) {
        let Some(Some((_, list))) = self.place.try_get_value() else { return };
        let fitted = self.fitted.try_get_value() == Some(true)
            && self.query.try_with_untracked(|q| {
                q == painted && self.whole.with_untracked(|w| w.as_ref() != Some(q)) && self.short.with_untracked(|s| s.as_ref() != Some(q))
            }) == Some(true);
        if !fitted {
            return;
        }
        let Some(el) = list.get_untracked() else { return };
        let el: &web_sys::Element = &el;
        let bottom = el.get_bounding_client_rect().bottom();
        let height = window_height().unwrap_or(0.0);
        // (The list says it is partly rendered: its `aria-busy`, from `Limit::partial`.)
        if bottom < height && el.get_attribute("aria-busy").as_deref() == Some("true") {
            self.short.set(Some(painted.clone()));
        }
    }

    /// This limit for the list `list`, whose first screenful is what the window shows of
    /// it ([`watch_room`], `above` the height above it that a query changes). Only for a
    /// list whose first screenful fetches nothing, which can be topped up before the
    /// paint (a search's first screen of hits is fetched: [`Limit::screened`]).
    pub fn placed(self, list: NodeRef<leptos::html::Div>, above: Signal<f64>) -> Self {
        watch_room(list, above);
        self.place.set_value(Some((above, list)));
        self
    }

    /// This limit for the list `list` of a search, whose first screenful is fetched before
    /// it is shown: that screenful is what the window shows of the list (its room as last
    /// laid out, [`watch_room`]) when the query changes, a windowful where that is not
    /// known or while the page says what is above the list is not `steady`. The count is
    /// kept for the query ([`Limit::first_screen`]), so the page fetches for its first
    /// screen exactly what it then renders of it.
    ///
    /// (Nothing tops it up before the paint, as [`Limit::fill_window`] does for a placed
    /// list: more cards would be more to fetch. So what is above the list must change
    /// little with the query, or not be steady: the quotes page's facets, stacked above
    /// its results on a phone, are steady folded, not unfolded. [`first_screen_in`]'s two
    /// spare cards are of the shortest height, 90 px; a quote's card is taller.)
    pub fn screened(self, list: NodeRef<leptos::html::Div>, steady: Signal<bool>) -> Self {
        watch_room(list, Signal::stored(0.0));
        let query = self.query;
        let screen = Memo::new(move |_| {
            query.track();
            screen_if(steady.get_untracked())
        });
        self.screen.set_value(Some((screen, steady)));
        self
    }

    /// How many items the first screenful of the query now holds: for a
    /// [`Limit::screened`] list, fitted to its room as the query changed; otherwise
    /// [`first_screen`].
    pub fn first_screen(&self) -> usize {
        self.screen.get_value().map_or_else(first_screen, |(screen, _)| screen.get())
    }

    /// How many items the first screenful of a query made now will hold
    /// ([`Limit::first_screen`] once it is made): what a page fetches ahead for it.
    pub fn next_screen(&self) -> usize {
        self.screen.get_value().map_or_else(first_screen, |(_, steady)| screen_if(steady.get_untracked()))
    }

    /// Whether a list of `total` items is still only partly rendered (its `aria-busy`).
    pub fn partial(&self, total: usize) -> bool {
        self.rendered() < self.get().min(total)
    }

    /// Shows at least the first `n` items (whole pages), e.g. before jumping to item `n`.
    pub fn cover(&self, n: usize) {
        if n > self.now_untracked() {
            self.state
                .set(Some((self.query.get_untracked(), n.div_ceil(PAGE) * PAGE)));
        }
        self.render_whole();
    }

    /// Shows another page of the current query's list.
    pub fn more(&self) {
        self.state.set(Some((
            self.query.get_untracked(),
            self.now_untracked() + PAGE,
        )));
        self.render_whole();
    }

    /// Renders the whole of what is shown, at once.
    fn render_whole(&self) {
        let query = self.query.get_untracked();
        if self.whole.with_untracked(|w| w.as_ref() != Some(&query)) {
            self.whole.set(Some(query));
        }
    }

    /// The number of items to show, without subscribing (for event handlers).
    fn now_untracked(&self) -> usize {
        self.query.with_untracked(|query| {
            self.state.with_untracked(|s| match s {
                Some((asked_for, n)) if asked_for == query => *n,
                _ => PAGE,
            })
        })
    }
}

/// A limit for the list of `query`'s results, which are in when `answered` (until then
/// the list waits for its data, and the first screenful is the first thing painted once
/// it arrives, however long that took).
pub fn use_limit<T: Clone + PartialEq + Send + Sync + 'static>(query: Memo<T>, answered: Signal<bool>) -> Limit<T> {
    let state = RwSignal::new(None::<(T, usize)>);
    let whole = RwSignal::new(Some(query.get_untracked()));
    let short = RwSignal::new(None::<T>);
    let limit = Limit { state, whole, query, place: StoredValue::new(None), short, fitted: StoredValue::new(false), screen: StoredValue::new(None) };
    Effect::new(move |_| {
        let answered = answered.get();
        query.with(|now| {
            // Once the query has changed, its extra pages are forgotten, so coming back to
            // it (clearing a search) starts from the first page too. Nothing shown changes
            // here (a limit for another query already counts as one page), so nothing is
            // notified.
            if state.with_untracked(|s| s.as_ref().is_some_and(|(asked_for, _)| asked_for != now)) {
                state.update_untracked(|s| *s = None);
            }
            // So is a first screenful that fell short of the window: the query's room is
            // measured afresh when it comes back.
            if short.with_untracked(|s| s.as_ref().is_some_and(|fell_short| fell_short != now)) {
                short.update_untracked(|s| *s = None);
            }
            // Back or forward rendered the whole list already (see `rendered`).
            if traversing() {
                whole.update_untracked(|w| *w = Some(now.clone()));
            }
            // The first screenful is being painted (topped up in that frame if it falls
            // short of the window); the rest of the page follows after that paint (a
            // timer set in the frame's callback runs after the frame). A
            // query whose data is on its way paints nothing yet: its first screenful is
            // painted when the data comes in, and the rest after that.
            if answered && whole.with_untracked(|w| w.as_ref() != Some(now)) {
                let painted = now.clone();
                request_animation_frame(move || {
                    limit.fill_window(&painted);
                    set_timeout(
                        move || {
                            // Unless the list is gone (another page), already whole, or
                            // showing another query by now (which may be waiting for
                            // its data: its own first screenful comes first).
                            if query
                                .try_with_untracked(|q| {
                                    q == &painted && whole.try_with_untracked(|w| w.as_ref() != Some(q)) == Some(true)
                                })
                                == Some(true)
                            {
                                limit.render_whole();
                            }
                        },
                        std::time::Duration::ZERO,
                    );
                });
            }
        })
    });
    limit
}

/// "Show 100 more quotes (100 of 3,214 shown)", when `total` exceeds what is shown.
#[component]
pub fn ShowMore<T: Clone + PartialEq + Send + Sync + 'static>(
    limit: Limit<T>,
    #[prop(into)] total: Signal<usize>,
    what: &'static str,
) -> impl IntoView {
    move || {
        let (shown, total) = (limit.get(), total.get());
        (total > shown).then(|| {
            let next = (total - shown).min(PAGE);
            view! {
                <p class="show-more">
                    <button type="button" on:click=move |_| limit.more()>{format!("Show {next} more {what}")}</button>
                    " "{format!("({shown} of {total} shown)")}
                </p>
            }
        })
    }
}
