//! The quotes page: search as you type, facets by speaker, document and kind.

use leptos::prelude::*;

use crate::core::facets::quote_facets;
use crate::core::model::{ActorId, DocumentId};
use crate::core::route::{QuoteQuery, QuoteSort, Route};
use crate::ui::app::{use_corpus, use_go, use_route};
use crate::ui::components::export::{ExportButtons, ExportOf};
use crate::ui::components::more::{use_limit, ShowMore};
use crate::ui::components::quote_card::QuoteCard;

#[component]
pub fn QuotesPage() -> impl IntoView {
    let ctx = use_corpus();
    let parsed = use_route();
    let go = use_go();
    let query = Memo::new(move |_| match parsed.with(|p| p.route.clone()) {
        Route::Quotes(q) => q,
        _ => QuoteQuery::default(),
    });
    let hits = {
        let ctx = ctx.clone();
        Memo::new(move |_| query.with(|q| ctx.quote_index().rank(&ctx.corpus, q)))
    };
    // How many quotes match: the count, the export, "Show more" and the busy state.
    let found = Memo::new(move |_| hits.with(|r| r.len()));
    let on_input = {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let q = QuoteQuery { q: event_target_value(&ev), ..query.get_untracked() };
            go(&Route::Quotes(q), true);
        }
    };
    let facets = {
        let ctx = ctx.clone();
        move || {
            let corpus = &ctx.corpus;
            let q = query.get();
            let facets = hits.with(|found| quote_facets(ctx.quote_index(), corpus, &q, found));
            let empty = facets.is_empty();
            let speakers: Vec<(String, String, usize)> =
                facets.speakers.iter().map(|(id, n)| (id.to_string(), corpus.actor_name(id).to_owned(), *n)).collect();
            let kinds = facets.kinds;
            let docs: Vec<(String, String, usize)> = facets
                .documents
                .iter()
                .map(|(id, n)| (id.to_string(), corpus.document(id).map(|d| d.title.clone()).unwrap_or_default(), *n))
                .collect();
            let (has_speakers, has_kinds, has_docs) = (!speakers.is_empty(), !kinds.is_empty(), !docs.is_empty());
            let speaker_links = speakers
                .into_iter()
                .map(|(id, name, n)| {
                    let id = ActorId::new(id);
                    let on = q.speakers.contains(&id);
                    let mut next = q.clone();
                    if on {
                        next.speakers.retain(|s| s != &id);
                    } else {
                        next.speakers.push(id);
                    }
                    facet_link(Route::Quotes(next), name, n, on)
                })
                .collect_view();
            let kind_links = kinds
                .into_iter()
                .map(|(kind, n)| {
                    let on = q.kind == Some(kind);
                    let next = QuoteQuery { kind: (!on).then_some(kind), ..q.clone() };
                    facet_link(Route::Quotes(next), kind.label().to_owned(), n, on)
                })
                .collect_view();
            let doc_links = docs
                .into_iter()
                .map(|(id, title, n)| {
                    let id = DocumentId::new(id);
                    let on = q.doc.as_ref() == Some(&id);
                    let next = QuoteQuery { doc: (!on).then_some(id), ..q.clone() };
                    facet_link(Route::Quotes(next), title, n, on)
                })
                .collect_view();
            // Nothing to narrow when nothing matches, whatever the filters.
            (!empty).then(|| view! {
                <details class="facets" open>
                    <summary>"Filter"</summary>
                    {has_speakers.then(|| view! { <div class="facet"><h2>"Speaker"</h2><ul>{speaker_links}</ul></div> })}
                    {has_kinds.then(|| view! { <div class="facet"><h2>"Kind"</h2><ul>{kind_links}</ul></div> })}
                    {has_docs.then(|| view! { <div class="facet"><h2>"Document"</h2><ul>{doc_links}</ul></div> })}
                </details>
            })
        }
    };
    let limit = use_limit(query);
    let results = {
        let ctx = ctx.clone();
        move || {
            let q = query.get();
            if hits.with(|r| r.is_empty()) {
                let filtered = q != QuoteQuery { q: q.q.clone(), ..QuoteQuery::default() };
                let unfiltered = Route::Quotes(QuoteQuery { q: q.q.clone(), ..QuoteQuery::default() });
                let without_filters = if filtered {
                    ctx.quote_index().rank(&ctx.corpus, &QuoteQuery { q: q.q.clone(), ..QuoteQuery::default() }).len()
                } else {
                    0
                };
                let suggestion = ctx.quote_index().suggest(&ctx.corpus, &q).map(|better| {
                    let route = Route::Quotes(QuoteQuery { q: better.clone(), ..q.clone() });
                    view! { <li>"Did you mean "<a href=route.href()>"“"{better}"”"</a>"?"</li> }
                });
                let what = if q.q.trim().is_empty() { "these filters".to_owned() } else { format!("“{}”", q.q.trim()) };
                // A name of someone the dossier knows but never quotes: say so, and lead to them.
                let known = ctx.corpus.actor_named(&q.q).map(|a| {
                    let (_, events) = ctx.corpus.actor_counts(&a.id);
                    view! {
                        <li>
                            <a href=Route::Actor(a.id.clone()).href()>{a.name.clone()}</a>
                            " is in the dossier, in "{events}" event"{if events == 1 { "" } else { "s" }}
                            ", but no quote says the name or is said by them."
                        </li>
                    }
                });
                return view! {
                    <div class="empty">
                        <p>"No quote matches "{what}"."</p>
                        <ul>
                            {known}
                            {suggestion}
                            {(without_filters > 0).then(|| view! {
                                <li><a href=unfiltered.href()>"Remove the filters"</a>" to see "{without_filters}" matching quotes."</li>
                            })}
                            <li>"Try fewer or shorter words, another spelling, or a name’s other form (al-Sharaa, Jolani)."</li>
                        </ul>
                    </div>
                }
                .into_any();
            }
            // Highlights and reasons are worked out only for the quotes rendered.
            let items = hits
                .with(|ranking| ranking.explain_first(ctx.quote_index(), &ctx.corpus, limit.rendered()))
                .into_iter()
                .map(|hit| {
                    let quote = ctx.corpus.quotes[hit.quote].clone();
                    view! { <li><QuoteCard quote highlights=hit.highlights reasons=hit.reasons link=true/></li> }
                })
                .collect_view();
            view! { <ol class="results">{items}</ol> }.into_any()
        }
    };
    let sort_link = move || {
        let q = query.get();
        let (label, next) = match q.sort {
            QuoteSort::Auto => ("Sort by date", QuoteQuery { sort: QuoteSort::Date, ..q }),
            QuoteSort::Date => ("Sort by relevance", QuoteQuery { sort: QuoteSort::Auto, ..q }),
        };
        view! { <a class="sort" href=Route::Quotes(next).href()>{label}</a> }
    };
    let total = ctx.corpus.quotes.len();
    view! {
        <h1>"Quotes"</h1>
        // A plain form: before the wasm has arrived (or without it) Enter submits the
        // words to /quotes?q=…, and that page says the search is pending until it runs.
        <search class="quote-search">
            <form action=Route::Quotes(QuoteQuery::default()).href() method="get" on:submit=|ev| ev.prevent_default()>
                <label for="quote-q">"Search quotes " <span class="hint">"(press / to jump here)"</span></label>
                <input
                    id="quote-q"
                    name="q"
                    type="search"
                    autocomplete="off"
                    spellcheck="false"
                    placeholder="Words, names or \"an exact phrase\""
                    maxlength="10000"
                    prop:value=move || query.with(|q| q.q.clone())
                    on:input=on_input
                />
            </form>
        </search>
        <p class="pending-note" role="status">"Searching…"</p>
        <p class="count" role="status" aria-live="polite">
            {move || {
                let n = found.get();
                if n == total { format!("All {total} quotes") } else { format!("{n} of {total} quotes") }
            }}
            " · "
            {sort_link}
        </p>
        <ExportButtons
            of=ExportOf::Quotes
            count=found
            shown=Signal::derive(move || hits.with(|r| r.first(usize::MAX).iter().map(|hit| hit.quote).collect()))
        />
        <div class="with-facets">
            {facets}
            <div class="results-area" aria-busy=move || limit.partial(found.get()).to_string()>
                {results}
                <ShowMore limit total=found what="quotes"/>
            </div>
        </div>
    }
}

fn facet_link(route: Route, label: String, count: usize, on: bool) -> impl IntoView {
    view! {
        <li>
            <a href=route.href() class:on=on>
                {label}" "<span class="n">{count}</span>
                {on.then_some(view! { <span class="visually-hidden">" (selected; follow to remove)"</span> })}
            </a>
        </li>
    }
}
