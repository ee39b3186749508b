//! The size floor of Dossier's first-view target: the smallest realistic app on Dossier's
//! stack (Leptos 0.8 in client-side rendering, leptos_router, leptos_meta): five routes
//! that read path and query parameters, a keyed list filtered as you type, links and
//! titles. `.ci/bench` builds it like the app and prints its size; nothing else uses it.

use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes, A};
use leptos_router::hooks::{use_params_map, use_query_map};
use leptos_router::path;

fn quotes() -> Vec<String> {
    vec![
        "The committee met on Tuesday.".to_string(),
        "We never agreed to the proposal.".to_string(),
        "The budget was approved in March.".to_string(),
        "No comment at this time.".to_string(),
        "The minister resigned after the vote.".to_string(),
        "Talks will resume next week.".to_string(),
    ]
}

#[component]
fn Nav() -> impl IntoView {
    view! {
        <nav>
            <A href="/">"Home"</A>
            " | "
            <A href="/quotes">"Quotes"</A>
            " | "
            <A href="/timeline">"Timeline"</A>
            " | "
            <A href="/actors/1">"Actor 1"</A>
        </nav>
    }
}

#[component]
fn Home() -> impl IntoView {
    let query = use_query_map();
    let q = move || query.read().get("q").unwrap_or_default();
    view! {
        <Title text="Home"/>
        <h1>"Dossier"</h1>
        <p>"Query: " {q}</p>
        <A href="/quotes?q=budget">"Search quotes about the budget"</A>
    }
}

#[component]
fn Quotes() -> impl IntoView {
    let query = use_query_map();
    let initial = query.read_untracked().get("q").unwrap_or_default();
    let (filter, set_filter) = signal(initial);
    let all = StoredValue::new(quotes());
    let filtered = move || {
        let f = filter.get().to_lowercase();
        all.with_value(|qs| {
            qs.iter()
                .enumerate()
                .filter(|(_, s)| f.is_empty() || s.to_lowercase().contains(&f))
                .map(|(i, s)| (i, s.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Title text="Quotes"/>
        <h1>"Quotes"</h1>
        <input
            type="search"
            prop:value=filter
            on:input=move |ev| set_filter.set(event_target_value(&ev))
        />
        <p>{move || format!("{} matching", filtered().len())}</p>
        <ul>
            <For
                each=filtered
                key=|(i, _)| *i
                children=move |(i, s)| {
                    view! {
                        <li>
                            <A href=format!("/quotes/{i}")>{s}</A>
                        </li>
                    }
                }
            />
        </ul>
    }
}

#[component]
fn Quote() -> impl IntoView {
    let params = use_params_map();
    let id = move || {
        params
            .read()
            .get("id")
            .and_then(|s| s.parse::<usize>().ok())
    };
    let text = move || {
        id().and_then(|i| quotes().get(i).cloned())
            .unwrap_or_else(|| "Unknown quote".to_string())
    };
    view! {
        <Title text="Quote"/>
        <h1>"Quote " {move || id().map(|i| i.to_string()).unwrap_or_default()}</h1>
        <blockquote>{text}</blockquote>
        <A href="/quotes">"Back to quotes"</A>
    }
}

#[component]
fn Timeline() -> impl IntoView {
    let query = use_query_map();
    let year = move || query.read().get("year").unwrap_or_else(|| "all".to_string());
    let (expanded, set_expanded) = signal(false);
    view! {
        <Title text="Timeline"/>
        <h1>"Timeline (" {year} ")"</h1>
        <button on:click=move |_| set_expanded.update(|e| *e = !*e)>
            {move || if expanded.get() { "Collapse" } else { "Expand" }}
        </button>
        <Show when=move || expanded.get()>
            <ol>
                <li>"March: budget approved"</li>
                <li>"June: minister resigned"</li>
            </ol>
        </Show>
    }
}

#[component]
fn Actor() -> impl IntoView {
    let params = use_params_map();
    let query = use_query_map();
    let id = move || params.read().get("id").unwrap_or_default();
    let tab = move || query.read().get("tab").unwrap_or_else(|| "quotes".to_string());
    view! {
        <Title text=move || format!("Actor {}", id())/>
        <h1>"Actor " {id}</h1>
        <p>"Tab: " {tab}</p>
    }
}

#[component]
fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Title text="Dossier"/>
        <Router>
            <Nav/>
            <main>
                <Routes fallback=|| view! { <p>"Not found"</p> }>
                    <Route path=path!("/") view=Home/>
                    <Route path=path!("/quotes") view=Quotes/>
                    <Route path=path!("/quotes/:id") view=Quote/>
                    <Route path=path!("/timeline") view=Timeline/>
                    <Route path=path!("/actors/:id") view=Actor/>
                </Routes>
            </main>
        </Router>
    }
}

fn main() {
    leptos::mount::mount_to_body(App);
}
