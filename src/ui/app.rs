//! The app shell: provides the data and the parsed URL as context and shows the page
//! for the route inside the header and footer. The same component renders every static
//! page natively and hydrates it in the browser ([`App`] is given the route the static
//! file was rendered for, and shows it until released, so hydration finds the markup it
//! expects; then the URL's own state applies).

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Link, Meta, Title};
use leptos_router::components::{Route as RouterRoute, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::core::meta::{meta, SITE_NAME};
use crate::core::pack::{need_for, need_for_route};
use crate::core::route::{self, Page, Parsed, Route, Section};
use crate::ui::components::more::{now, traversing};
pub use crate::ui::data::{use_corpus, CorpusContext, DataContext};
use crate::ui::data::use_data;
use crate::ui::pages;

/// The current URL, parsed. Pages read their state from it.
#[derive(Clone, Copy)]
pub struct RouteContext(pub Memo<Parsed>);

pub fn use_route() -> Memo<Parsed> {
    expect_context::<RouteContext>().0
}

#[component]
pub fn App(
    /// The corpus: all of it natively, what has been fetched in the browser.
    data: DataContext,
    /// The route to show instead of the URL's while it is set: the one the page's static
    /// file was rendered for, while the browser hydrates that file.
    pinned: ArcRwSignal<Option<Parsed>>,
) -> impl IntoView {
    provide_meta_context();
    provide_context(data);
    // Before the router's own listener (a no-op natively).
    crate::ui::components::more::watch_history();
    watch_reader();
    view! { <Router><Shell pinned/></Router> }
}

#[component]
fn Shell(pinned: ArcRwSignal<Option<Parsed>>) -> impl IntoView {
    let location = use_location();
    let data = expect_context::<DataContext>();
    // The ids a query names that the dossier does not know are left out and said
    // (`Parsed::known_to`): the catalog, which knows them all, is in before any page.
    let parsed = Memo::new(move |_| {
        pinned
            .get()
            .unwrap_or_else(|| route::parse_parts(&location.pathname.get(), &location.search.get(), &location.hash.get()))
            .known_to(&data.snapshot().corpus)
    });
    provide_context(RouteContext(parsed));
    // The not-found page shows the path it was asked for itself, so a 404 rendered for
    // no path in particular is adopted, not re-created, when the real path applies.
    let page = Memo::new(move |_| {
        parsed.with(|p| match p.route.page() {
            Page::NotFound(_) => Page::NotFound(String::new()),
            page => page,
        })
    });
    let section = Memo::new(move |_| parsed.with(|p| p.route.section()));
    // Effects run in the browser only, after the page is hydrated.
    Effect::new(|_| register_service_worker());
    Effect::new(|_| prepare_printing());
    // "/" focuses the search box where there is one (unless the user is typing already).
    let _ = window_event_listener(leptos::ev::keydown, |ev| {
        let typing = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(t).ok())
            .is_some_and(|el| matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.is_content_editable());
        let shortcut = ev.key() == "/" && !typing && !ev.ctrl_key() && !ev.meta_key() && !ev.alt_key();
        if shortcut && document().get_element_by_id("quote-q").is_some_and(focus) {
            ev.prevent_default();
        }
    });

    view! {
        // The router handles in-page links itself, so the browser would not move focus.
        <a class="skip-link" href="#main" on:click=|_| { document().get_element_by_id("main").map(focus); }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href=Route::Home.href()>
                <img src=route::asset(crate::core::site::ICON) alt="" width="28" height="28"/>
                <span>"Dossier"</span>
            </a>
            <nav aria-label="Main">
                <ul>
                    {Section::NAV
                        .into_iter()
                        .map(|s| {
                            view! {
                                <li>
                                    <a
                                        href=s.route().href()
                                        aria-current=move || (section.get() == s).then_some("page")
                                    >
                                        {s.label()}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
        <main id="main" tabindex="-1">
            // One catch-all route: the core parses the URL; leptos_router provides history
            // (it writes the URL only once a <Routes> has matched).
            <Routes fallback=|| ()>
                <RouterRoute path=path!("/*any") view=move || current_page(page)/>
            </Routes>
        </main>
        <footer class="site-footer">
            <p>
                "Every quotation is verbatim from its source document. "
                <a href=Route::Documents.href()>"Read the sources"</a>
            </p>
        </footer>
    }
}

/// The page for the current route, with its head tags; re-created only when the page (not
/// its query) changes. A page whose data is not all in yet says it is loading (or why it
/// could not load, with a retry) and appears when it is.
fn current_page(page: Memo<Page>) -> impl IntoView {
    let data = use_data();
    let parsed = use_route();
    let ready = {
        let data = data.clone();
        Memo::new(move |_| data.has(&need_for(&page.get())))
    };
    // The page last shown, to move focus when another replaces it; `None` while the
    // loading state is (of this page, or of one the reader left before it was shown).
    let shown: StoredValue<Option<Page>> = StoredValue::new(None);
    // The page the tab showed before this document, if back or forward loaded it (from
    // another site, or into a history entry whose document is gone), which has no
    // `shown` of its own.
    let left_before_load = StoredValue::new(page_left_before_load());
    // The page coming in: whether back or forward brought it, and whether it could be
    // shown at once (the browser then restored the reader's position into it). Noted
    // when it is asked for, since it may be shown only once its data is in, long after.
    let coming: StoredValue<Option<(Page, Arrival)>> = StoredValue::new(None);
    // The page asked for before it: the page the reader left, shown or still loading.
    let left: StoredValue<Option<Page>> = StoredValue::new(None);
    move || {
        let page = page.get();
        let is_ready = ready.get();
        if coming.with_value(|c| c.as_ref().map(|(p, _)| p) != Some(&page)) {
            left.set_value(coming.with_value(|c| c.as_ref().map(|(p, _)| p.clone())));
            let arrival = Arrival { traversal: traversing(), restored: is_ready };
            coming.set_value(Some((page.clone(), arrival)));
        }
        if !is_ready {
            shown.set_value(None);
            // What the route needs with its query: for a search, every quote and the
            // index, which make the list's first page unneeded (its `instead`), so the
            // page is ready once they are in; for any other route its page's need.
            let sharded = data.snapshot().sharded_search();
            let need = parsed.with_untracked(|p| need_for_route(&p.route, sharded));
            data.request(need.clone());
            let data = data.clone();
            return view! {
                <div class="loading" role="status" aria-live="polite">
                    {move || match data.failure_of(&need) {
                        None => view! { <p>"Loading…"</p> }.into_any(),
                        Some(reason) => {
                            let (data, need) = (data.clone(), need.clone());
                            view! {
                                <p>"This page’s data could not be loaded: "{reason}</p>
                                <p><button type="button" on:click=move |_| data.request(need.clone())>"Try again"</button></p>
                            }
                            .into_any()
                        }
                    }}
                </div>
            }
            .into_any();
        }
        // This render replaces another page, or the loading state (of this page, or of
        // one the reader left before it was shown).
        let replaced = shown.with_value(|s| s.as_ref() != Some(&page));
        let arrival = coming.with_value(|c| c.as_ref().map(|(_, a)| *a));
        match left.get_value() {
            _ if !replaced => {}
            // Back or forward: the keyboard goes on from the link to the page left, if
            // this one has it (the card the reader followed), else from the heading.
            // (Not from the page for no path: it has no address of its own to look for.)
            Some(left) if !matches!(left, Page::NotFound(_)) && arrival.is_some_and(|a| a.traversal) => {
                focus_link_to(left.rendered().href(), arrival.is_some_and(|a| a.restored))
            }
            Some(_) => focus_heading(),
            None => {
                if let Some(left) = left_before_load.get_value().filter(|left| !left.is_empty() && *left != page.rendered().href()) {
                    // The browser restored the position into the static page, which is
                    // the page shown only if the address has no query to apply.
                    let restored = window().location().search().is_ok_and(|q| q.is_empty());
                    focus_link_to(left, restored);
                }
            }
        }
        shown.set_value(Some(page.clone()));
        // (It is used once, for the page back or forward loaded.)
        left_before_load.set_value(None);
        remember_shown(&page);
        view! { <PageHead page=page.clone()/>{page_view(page)}}.into_any()
    }
}

/// Paper has no links to follow: while the page prints, each link of the page names its
/// whole address (the stylesheet writes `data-print-href` after it; the static page
/// alone prints the path), the page's own address heads it, and what is folded away (a
/// document's editor's notes) is unfolded; all are undone after.
fn prepare_printing() {
    const OPENED: &str = "data-opened-to-print";
    const ADDRESS: &str = "data-print-href";
    // The page's own whole address, printed at its head (the stylesheet).
    const PAGE_ADDRESS: &str = "data-print-address";
    let each = |selector: &str, f: &dyn Fn(&web_sys::Element)| {
        if let Ok(list) = document().query_selector_all(selector) {
            (0..list.length()).filter_map(|i| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(list.item(i)?).ok()).for_each(|el| f(&el));
        }
    };
    let _ = window_event_listener(leptos::ev::beforeprint, move |_| {
        let origin = window().location().origin().unwrap_or_default();
        if let (Ok(Some(main)), Ok(address)) = (document().query_selector("main"), window().location().href()) {
            let _ = main.set_attribute(PAGE_ADDRESS, &address);
        }
        each("main a[href^='/']", &|a| {
            if let Some(href) = a.get_attribute("href") {
                let _ = a.set_attribute(ADDRESS, &format!("{origin}{href}"));
            }
        });
        each("main details:not([open])", &|el| {
            let _ = el.set_attribute("open", "");
            let _ = el.set_attribute(OPENED, "");
        });
    });
    let _ = window_event_listener(leptos::ev::afterprint, move |_| {
        if let Ok(Some(main)) = document().query_selector("main") {
            let _ = main.remove_attribute(PAGE_ADDRESS);
        }
        each(&format!("main a[{ADDRESS}]"), &|a| {
            let _ = a.remove_attribute(ADDRESS);
        });
        each(&format!("main details[{OPENED}]"), &|el| {
            let _ = el.remove_attribute("open");
            let _ = el.remove_attribute(OPENED);
        });
    });
}

/// After moving to another page, focuses its heading (once it is in the document), so
/// screen readers announce it and keyboard users continue from the top of the new content.
pub fn focus_heading() {
    request_animation_frame(focus_heading_now);
}

/// Focuses the page's heading now, without scrolling: a new page is already at its top,
/// and back or forward keeps the position the browser restores.
fn focus_heading_now() {
    if let Ok(Some(h1)) = document().query_selector("main h1") {
        focus_in_place(h1);
    }
}

thread_local! {
    /// When the reader last pressed a key, a button or the screen, or turned the wheel
    /// (`performance.now()`): what moves the page that is the reader's, not the browser's.
    static READER_MOVED: std::cell::Cell<f64> = const { std::cell::Cell::new(f64::NEG_INFINITY) };
}

/// Keeps [`READER_MOVED`] for the life of the app.
fn watch_reader() {
    fn moved() {
        READER_MOVED.with(|t| t.set(now()));
    }
    window_event_listener(leptos::ev::keydown, |_| moved());
    window_event_listener(leptos::ev::pointerdown, |_| moved());
    window_event_listener(leptos::ev::wheel, |_| moved());
    window_event_listener(leptos::ev::touchstart, |_| moved());
}

/// After back or forward, focuses a link in the page to `href` (a page's address; the
/// link may carry a query or a fragment), so the keyboard goes on from the link the
/// reader followed: the first such link in view (the browser restores the position the
/// reader left), else the first one; the heading if the page, once rendered, has none.
/// The page may not be whole yet (a list is marked `aria-busy` while its data or the rest
/// of its items are on their way, and the page's pending state hides it): the link is
/// looked for at each frame until it is shown, for five seconds at most. Unless the
/// browser `restored` the reader's position into the page (it was shown at once), which
/// it cannot do in a list that was not there yet, a link found out of view is brought
/// into it, unless the reader has moved the page meanwhile. The focus is never taken from where
/// the reader has put it (a field they type in, a control), and a link hidden under the
/// page's pending state is not one to focus.
fn focus_link_to(href: String, restored: bool) {
    struct Looking {
        href: String,
        restored: bool,
        /// What had the focus when the page was shown, and when that was.
        before: Option<web_sys::Element>,
        since: f64,
        /// The page's scroll position at the last look (none before the first: the
        /// page counts as moving until two looks agree).
        y: f64,
    }
    fn look(mut l: Looking) {
        let active = document().active_element();
        let reader_focused = active.as_ref().is_some_and(|el| {
            let typing = matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") || el.has_attribute("contenteditable");
            el.tag_name() != "BODY" && el.id() != "main" && (typing || Some(el) != l.before.as_ref())
        });
        if reader_focused {
            return;
        }
        // (Until the document has loaded, the browser has not restored the position in
        // a page back or forward loaded anew.)
        let html = document().document_element();
        let settled = html.as_ref().is_some_and(|html| html.has_attribute("data-hydrated")) && document().ready_state() == "complete";
        // Looked for at each frame for five seconds at most.
        let timely = now() - l.since < 5_000.0;
        let links = if settled { links_to(&l.href) } else { Vec::new() };
        let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        let in_view = |a: &web_sys::Element| {
            let rect = a.get_bounding_client_rect();
            rect.bottom() > 0.0 && rect.top() < height
        };
        // The browser may still be moving the page to the reader's place (smoothly, as
        // the stylesheet asks, in a document loaded anew): the link in view is known
        // once it stops.
        let y = window().scroll_y().unwrap_or(0.0);
        let moving = (y - std::mem::replace(&mut l.y, y)).abs() > 0.5;
        if l.restored && moving && timely {
            request_animation_frame(move || look(l));
            return;
        }
        let Some(link) = links.iter().find(|a| in_view(a)).or(links.first()) else {
            // (Before `data-hydrated`, a page opened anew still shows the route its file
            // was rendered for, not the URL's.)
            let pending = html.is_some_and(|html| html.class_list().contains("pending"));
            let rendering = !settled || pending || document().query_selector("main [aria-busy='true']").ok().flatten().is_some();
            if rendering && timely {
                request_animation_frame(move || look(l));
            } else {
                focus_heading_now();
            }
            return;
        };
        focus_without_scroll(link);
        let reader_moved = READER_MOVED.with(|t| t.get()) > l.since;
        if !l.restored && !reader_moved && !in_view(link) {
            let place = web_sys::ScrollIntoViewOptions::new();
            place.set_block(web_sys::ScrollLogicalPosition::Center);
            place.set_behavior(web_sys::ScrollBehavior::Instant);
            link.scroll_into_view_with_scroll_into_view_options(&place);
        }
    }
    request_animation_frame(move || {
        look(Looking { href, restored, before: document().active_element(), since: now(), y: f64::INFINITY })
    });
}

/// Where the tab's last document said it was: each page shown is written down
/// (`sessionStorage`, one tab's), and read before this document writes its own.
const SHOWN_KEY: &str = "dossier-shown";

/// The address of the page the tab showed before this document, if back or forward
/// loaded it (the navigation's type; not a link, a reload or a typed address).
fn page_left_before_load() -> Option<String> {
    // (The static build renders pages with no window or storage.)
    if cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let window = web_sys::window()?;
    let entries = window.performance()?.get_entries_by_type("navigation");
    let kind = js_sys::Reflect::get(&entries.get(0), &"type".into()).ok()?.as_string()?;
    if kind != "back_forward" {
        return None;
    }
    window.session_storage().ok().flatten()?.get_item(SHOWN_KEY).ok().flatten()
}

/// Writes down the address of the page shown (see [`page_left_before_load`]).
/// (The page for no path has no address of its own to look for: it is written as none.)
fn remember_shown(page: &Page) {
    if cfg!(not(target_arch = "wasm32")) {
        return;
    }
    if let Some(storage) = web_sys::window().and_then(|w| w.session_storage().ok().flatten()) {
        let _ = match page {
            Page::NotFound(_) => storage.remove_item(SHOWN_KEY),
            page => storage.set_item(SHOWN_KEY, &page.rendered().href()),
        };
    }
}

/// The links in the page to `href` (a page's address; the link may carry a query or a
/// fragment) that are shown (not hidden under the page's pending state).
fn links_to(href: &str) -> Vec<web_sys::Element> {
    let Ok(links) = document().query_selector_all("main a[href]") else { return Vec::new() };
    (0..links.length())
        .filter_map(|i| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(links.item(i)?).ok())
        .filter(|a| a.get_attribute("href").is_some_and(|h| h.split(['?', '#']).next() == Some(href)))
        // (An element under `display: none` has no box: HTML links and the chart's SVG
        // ones alike.)
        .filter(|a| a.get_client_rects().length() > 0)
        .collect()
}

/// Focuses an element, HTML or SVG (a chart's link), without scrolling to it.
fn focus_without_scroll(element: &web_sys::Element) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::HtmlElement>(element) {
        let _ = el.focus_with_options(&options);
    } else if let Some(el) = wasm_bindgen::JsCast::dyn_ref::<web_sys::SvgElement>(element) {
        let _ = el.focus_with_options(&options);
    }
}

/// Focuses an element that is not a control (a heading, a paragraph) without scrolling
/// to it, so the keyboard goes on from there: it takes the focus by script only
/// (`tabindex="-1"`).
pub fn focus_in_place(element: web_sys::Element) {
    let _ = element.set_attribute("tabindex", "-1");
    focus_without_scroll(&element);
}

/// How a page came to be shown (see `current_page`).
#[derive(Clone, Copy)]
struct Arrival {
    /// Back or forward brought it.
    traversal: bool,
    /// It was shown as soon as it was asked for, so the browser's restored position is
    /// the reader's place in it.
    restored: bool,
}

/// The page's title, description, canonical link and preview tags (leptos_meta writes
/// them into the static page's head, and keeps them up to date in the browser).
#[component]
fn PageHead(
    /// The page described.
    page: Page,
) -> impl IntoView {
    let ctx = use_corpus();
    let m = meta(&ctx.corpus, &page);
    let not_found = matches!(page, Page::NotFound(_));
    let url = ctx.base.url(&page.rendered().href());
    let og_title = if m.title.is_empty() { SITE_NAME.to_owned() } else { m.title.clone() };
    // Open Graph requires an absolute URL; without a base URL the tag is left out.
    let og_url = (ctx.base.is_absolute() && !not_found).then(|| view! { <Meta property="og:url" content=url.clone()/> });
    // What reference managers read: the source document of a document, quote or event.
    let cited = crate::core::cite::Cited::on_page(&ctx.corpus, &page);
    let absolute = ctx.base.is_absolute().then_some(url.as_str());
    let fields = cited.map(|c| crate::core::cite::head_fields(&ctx.corpus, c, absolute)).unwrap_or_default();
    let dublin_core = (!fields.is_empty()).then(|| view! { <Link rel="schema.DC" href="http://purl.org/dc/elements/1.1/"/> });
    let fields = fields.into_iter().map(|(name, content)| view! { <Meta name=name content=content/> }).collect_view();
    // Zotero takes `og:site_name` for the publisher where the page names none: a source
    // without one gets no stand-in.
    let site_name = cited.is_none_or(|c| c.publisher_stated(&ctx.corpus)).then(|| view! { <Meta property="og:site_name" content=SITE_NAME/> });
    // The preview image: a quote's or an event's own, the site's for the other pages.
    let image = (ctx.previews && !not_found).then(|| {
        let own = cited.filter(|c| !matches!(c, crate::core::cite::Cited::Document(_)));
        let card = crate::core::preview::card(&ctx.corpus, own);
        let src = ctx.base.url(&route::asset(&format!("/{}", card.file())));
        view! {
            <Meta property="og:image" content=src.clone()/>
            <Meta property="og:image:type" content="image/png"/>
            <Meta property="og:image:width" content=crate::core::preview::WIDTH.to_string()/>
            <Meta property="og:image:height" content=crate::core::preview::HEIGHT.to_string()/>
            <Meta property="og:image:alt" content=card.alt.clone()/>
            <Meta name="twitter:image" content=src/>
            <Meta name="twitter:image:alt" content=card.alt/>
        }
    });
    let card_kind = if image.is_some() { "summary_large_image" } else { "summary" };
    view! {
        <Title text=m.full_title() formatter=title_text/>
        <Meta name="description" content=m.description.clone()/>
        {(!not_found).then(|| view! { <Link rel="canonical" href=url.clone()/> })}
        {site_name}
        <Meta property="og:type" content=m.og_type/>
        <Meta property="og:title" content=og_title.clone()/>
        <Meta property="og:description" content=m.description.clone()/>
        {og_url}
        <Meta name="twitter:card" content=card_kind/>
        <Meta name="twitter:title" content=og_title/>
        <Meta name="twitter:description" content=m.description/>
        {image}
        {dublin_core}
        {fields}
    }
}

/// The title as it is written: leptos_meta puts a server-rendered title into the page
/// as it is given (unescaped, and `</title>` in data would end the element), while in
/// the browser it sets `document.title`, which takes plain text.
fn title_text(title: String) -> String {
    if cfg!(target_arch = "wasm32") {
        title
    } else {
        crate::core::site::escape(&title)
    }
}

/// The page component for a page.
fn page_view(page: Page) -> AnyView {
    match page {
        Page::Home => view! { <pages::home::HomePage/> }.into_any(),
        Page::Quotes => view! { <pages::quotes::QuotesPage/> }.into_any(),
        Page::Quote(id) => view! { <pages::quote::QuotePage id/> }.into_any(),
        Page::Timeline => view! { <pages::timeline::TimelinePage/> }.into_any(),
        Page::Event(id) => view! { <pages::event::EventPage id/> }.into_any(),
        Page::Actors => view! { <pages::actors::ActorsPage/> }.into_any(),
        Page::Actor(id) => view! { <pages::actor::ActorPage id/> }.into_any(),
        Page::Documents => view! { <pages::documents::DocumentsPage/> }.into_any(),
        Page::Document(id, part) => view! { <pages::document::DocumentPage id part/> }.into_any(),
        Page::NotFound(_) => view! { <pages::not_found::NotFoundPage/> }.into_any(),
    }
}

/// Navigates to a route. `replace` rewrites the current history entry (typing in a search
/// box) instead of adding one (a deliberate filter change, which back/forward should walk).
pub fn use_go() -> impl Fn(&Route, bool) + Clone {
    let navigate = leptos_router::hooks::use_navigate();
    move |route: &Route, replace: bool| {
        navigate(&route.href(), leptos_router::NavigateOptions { replace, scroll: false, ..Default::default() })
    }
}

/// Whether the app has adopted the page (hydrated it, or mounted its own).
static ADOPTED: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

/// Whether the app has adopted the page: until then (and natively, in the static build)
/// a view must render what the static page has, so that it is adopted as it is; after,
/// a view may leave out what is not seen until asked for.
pub fn adopted() -> bool {
    ADOPTED.load(std::sync::atomic::Ordering::Relaxed)
}

/// Notes that the app has adopted the page (`ui::boot`, once it has).
pub fn set_adopted() {
    ADOPTED.store(true, std::sync::atomic::Ordering::Relaxed);
}

/// The element that has the keyboard's focus, if one has: `None` when it has fallen to
/// `<body>` (its element was hidden or removed), where the next key does nothing useful.
pub fn focused_element() -> Option<web_sys::Element> {
    document().active_element().filter(|a| a.tag_name() != "BODY")
}

/// Moves keyboard focus to an element, HTML or SVG (a chart's mark); false if it cannot
/// take focus.
pub fn focus(element: web_sys::Element) -> bool {
    match wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element) {
        Ok(el) => el.focus().is_ok(),
        Err(element) => wasm_bindgen::JsCast::dyn_into::<web_sys::SvgElement>(element).is_ok_and(|el| el.focus().is_ok()),
    }
}

/// Registers the service worker the build wrote (`/sw.js`, under the site's base path, so
/// its scope is the site and no more), which makes every page work
/// offline after a first visit. Where the browser has none, or refuses (plain http on a
/// host other than localhost), Dossier simply stays online-only.
fn register_service_worker() {
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register(&route::asset("/sw.js"));
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
