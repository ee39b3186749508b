//! The app shell: loads the corpus, provides it as context, reads the URL into a typed
//! route and shows the page for it inside the header and footer.

use std::sync::{Arc, OnceLock};

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route as RouterRoute, Router, Routes};
use leptos_router::hooks::use_location;
use leptos_router::path;

use crate::core::load::{load, CorpusFiles};
use crate::core::meta::{full_title, page_title};
use crate::core::prerender::PRERENDERED_ID;
use crate::core::model::Corpus;
use crate::core::route::{self, Page, Parsed, Route, Section};
use crate::core::search::QuoteIndex;
use crate::ui::components::ignored::IgnoredNote;
use crate::ui::pages;

/// The validated corpus and its search index, shared by every page.
#[derive(Clone)]
pub struct CorpusContext {
    pub corpus: Arc<Corpus>,
    quote_index: Arc<OnceLock<QuoteIndex>>,
}

impl CorpusContext {
    fn new(corpus: Corpus) -> CorpusContext {
        CorpusContext { corpus: Arc::new(corpus), quote_index: Arc::default() }
    }

    /// The search index, built the first time a page searches: pages that never do (the
    /// timeline, documents, events) do not wait for it (0.6 s at 100,000 quotes).
    pub fn quote_index(&self) -> &QuoteIndex {
        self.quote_index.get_or_init(|| QuoteIndex::new(&self.corpus))
    }
}

/// The current URL, parsed. Pages read their state from it.
#[derive(Clone, Copy)]
pub struct RouteContext(pub Memo<Parsed>);

pub fn use_corpus() -> CorpusContext {
    expect_context::<CorpusContext>()
}

pub fn use_route() -> Memo<Parsed> {
    expect_context::<RouteContext>().0
}

#[component]
pub fn App() -> impl IntoView {
    // The static build put this page's content in the HTML for readers without
    // WebAssembly; the app replaces it in this same task, so the two never show together.
    if let Some(prerendered) = document().get_element_by_id(PRERENDERED_ID) {
        prerendered.remove();
    }
    provide_meta_context();
    crate::ui::components::more::watch_history();
    match load(&CorpusFiles::bundled()) {
        Ok(corpus) => {
            provide_context(CorpusContext::new(corpus));
            view! { <Router><Shell/></Router> }.into_any()
        }
        // The build checks the data, so this only shows if a bad corpus was bundled anyway.
        Err(errors) => view! {
            <main id="main" class="data-error">
                <h1>"The bundled data has errors"</h1>
                <p>"Dossier cannot show this corpus until these are fixed (run "<code>"dossier check data/"</code>"):"</p>
                <ul>{errors.0.into_iter().map(|e| view! { <li>{e.to_string()}</li> }).collect_view()}</ul>
            </main>
        }
        .into_any(),
    }
}

#[component]
fn Shell() -> impl IntoView {
    let location = use_location();
    let parsed = Memo::new(move |_| {
        route::parse_parts(&location.pathname.get(), &location.search.get(), &location.hash.get())
    });
    provide_context(RouteContext(parsed));
    let page = Memo::new(move |_| parsed.with(|p| p.route.page()));
    let corpus = use_corpus().corpus;
    let section = Memo::new(move |_| parsed.with(|p| p.route.section()));
    // After moving to another page, focus its heading so screen readers announce it and
    // keyboard users continue from the top of the new content.
    Effect::new(move |previous: Option<Page>| {
        let current = page.get();
        if previous.is_some_and(|p| p != current) {
            request_animation_frame(|| {
                if let Ok(Some(h1)) = document().query_selector("main h1") {
                    let _ = h1.set_attribute("tabindex", "-1");
                    // Without scrolling: a new page is already at its top, and back or
                    // forward keeps the position the browser restores.
                    if let Ok(h1) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h1) {
                        let options = web_sys::FocusOptions::new();
                        options.set_prevent_scroll(true);
                        let _ = h1.focus_with_options(&options);
                    }
                }
            });
        }
        current
    });
    register_service_worker();
    // For the benchmark: when the app has first rendered (in place of the prerendered page).
    Effect::new(|_| {
        if let Some(performance) = window().performance() {
            let _ = performance.mark("dossier-app-mounted");
        }
    });
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
        <Title formatter=|title: String| full_title(&title) text=move || page_title(&corpus, &page.get())/>
        // The router handles in-page links itself, so the browser would not move focus.
        <a class="skip-link" href="#main" on:click=|_| { document().get_element_by_id("main").map(focus); }>"Skip to content"</a>
        <header class="site-header">
            <a class="brand" href=Route::Home.href()>
                <img src="/favicon.svg" alt="" width="28" height="28"/>
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
            <IgnoredNote/>
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

/// The page for the current route; re-created only when the page (not its query) changes.
fn current_page(page: Memo<Page>) -> impl IntoView {
    move || match page.get() {
        Page::Home => view! { <pages::home::HomePage/> }.into_any(),
        Page::Quotes => view! { <pages::quotes::QuotesPage/> }.into_any(),
        Page::Quote(id) => view! { <pages::quote::QuotePage id/> }.into_any(),
        Page::Timeline => view! { <pages::timeline::TimelinePage/> }.into_any(),
        Page::Event(id) => view! { <pages::event::EventPage id/> }.into_any(),
        Page::Actors => view! { <pages::actors::ActorsPage/> }.into_any(),
        Page::Actor(id) => view! { <pages::actor::ActorPage id/> }.into_any(),
        Page::Documents => view! { <pages::documents::DocumentsPage/> }.into_any(),
        Page::Document(id) => view! { <pages::document::DocumentPage id/> }.into_any(),
        Page::NotFound(path) => view! { <pages::not_found::NotFoundPage path/> }.into_any(),
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

/// Moves keyboard focus to an element; false if it cannot take focus.
fn focus(element: web_sys::Element) -> bool {
    wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).is_ok_and(|el| el.focus().is_ok())
}

/// Registers the service worker the build wrote (`/sw.js`), which makes every page work
/// offline after a first visit. Where the browser has none, or refuses (plain http on a
/// host other than localhost), Dossier simply stays online-only.
fn register_service_worker() {
    let navigator = window().navigator();
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        return;
    }
    let promise = navigator.service_worker().register("/sw.js");
    leptos::task::spawn_local(async move {
        let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
    });
}
