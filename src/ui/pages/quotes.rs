//! The quotes page: search as you type, facets by speaker, document and kind.
//!
//! It opens with the build's first page of the unfiltered list (its slice: a page of
//! quotes, the count, the facets) and fetches what the reader's query needs: every quote
//! and the search index, or, where the release shards its index (a large corpus), the
//! index's terms and columns, then the chunks the query's words read and the records of
//! the hits shown, and once those are painted who said each quote, for the speaker facet
//! ("Counting…" until then). Focusing the search box starts the first of these (so the
//! first keystroke finds them in); a query or filter says "Searching…" until its first
//! screen of results is in; "Show more" and an export fetch what they show. The results always
//! come from `core::lists::QuoteAnswer`, whole or not at all.

use leptos::prelude::*;

use crate::core::lists::{NoMatch, QuoteAnswer};
use crate::core::model::{ActorId, DocumentId};
use crate::core::pack::Need;
use crate::core::route::{self, QuoteQuery, QuoteSort, Route, MAX_QUERY_BYTES};
use crate::core::search;
use crate::ui::app::{use_corpus, use_go, use_route};
use crate::ui::data::use_data;
use crate::ui::components::export::{ExportButtons, ExportOf};
use crate::ui::components::ignored::IgnoredNote;
use crate::ui::components::more::{use_limit, ShowMore};
use crate::ui::components::quote_card::QuoteCard;
use crate::ui::components::waiting::{busy, fetch_while, LoadFailure};

#[component]
pub fn QuotesPage() -> impl IntoView {
    let data = use_data();
    let parsed = use_route();
    let go = use_go();
    let query = Memo::new(move |_| match parsed.with(|p| p.route.clone()) {
        Route::Quotes(q) => q,
        _ => QuoteQuery::default(),
    });
    // What is in now (more may come in while the page is shown).
    let current = {
        let data = data.clone();
        move || data.current()
    };
    let hits = {
        let current = current.clone();
        Memo::new(move |_| {
            let ctx = current();
            query.with(|q| ctx.quotes(q))
        })
    };
    // Whether the facets are open (see `facets` below).
    let (unfolded, set_unfolded) = signal(false);
    // The results' first screenful is what the window shows of them (fetched, then
    // rendered, at the same count), unless the facets are open above them (a phone):
    // the next query's facets may be much shorter, and the list higher, than now.
    let results_ref = NodeRef::<leptos::html::Div>::new();
    let steady = Signal::derive(move || !unfolded.get() || !facets_stacked());
    let limit = use_limit(query, Signal::derive(move || hits.with(Option::is_some))).screened(results_ref, steady);
    // What showing `n` results needs that is not in.
    let need_for = {
        let current = current.clone();
        move |n: usize| {
            let ctx = current();
            hits.with(|a| query.with(|q| ctx.quotes_need(a.as_ref(), q, n)))
        }
    };
    // What the first screen of results needs (the rest of the page may follow).
    let first_need = {
        let need_for = need_for.clone();
        Memo::new(move |_| need_for(limit.first_screen().min(limit.get())))
    };
    let searching = Memo::new(move |_| first_need.with(Option::is_some));
    // When nothing matches: how many the words find without the filters, and a respelling;
    // a sharded index says them once it holds the chunks their words read (fetched with
    // the list's other needs, so a failure is said and retried like theirs).
    let no_match = {
        let current = current.clone();
        Memo::new(move |_| {
            if !hits.with(|a| a.as_ref().is_some_and(QuoteAnswer::is_empty)) {
                return None;
            }
            let ctx = current();
            Some(query.with(|q| NoMatch::of(ctx.indexes(), &ctx.corpus, q)))
        })
    };
    let help_need = Memo::new(move |_| match no_match.get() {
        Some(Err(chunks)) => Some(Need::sharded(chunks.into_iter().map(|k| k as u32).collect(), Vec::new())),
        _ => None,
    });
    // What is fetched: the first screen's needs, then those of every result asked for,
    // or the help's; while the first screen waits, the head's pending state is on
    // ("Searching…", the stale results hidden).
    let more_need = Memo::new(move |_| first_need.get().or_else(|| need_for(limit.get())));
    let loading_more = Memo::new(move |_| more_need.with(Option::is_some) && !searching.get());
    let need = Memo::new(move |_| more_need.get().or_else(|| help_need.get()));
    let waiting = fetch_while(need, searching);
    // Who said each quote, which a sharded index reads after the first screen of results
    // is in (not beside it: reading it would hold that screen back) unless the query
    // reads it first (a speaker filter): the speaker facet counts once it is in.
    let speakers_need = {
        let current = current.clone();
        Memo::new(move |_| {
            if searching.get() {
                return None;
            }
            let ctx = current();
            hits.with(|a| query.with(|q| ctx.speakers_need(a.as_ref(), q)))
        })
    };
    let counting = fetch_while(speakers_need, Memo::new(|_| false));
    // How many quotes match: the count, the export, "Show more" and the busy state.
    let found = Memo::new(move |_| hits.with(|a| a.as_ref().map_or(0, QuoteAnswer::len)));
    let busy = busy(waiting, move || limit.partial(found.get()));
    let prefetch = {
        let data = data.clone();
        move |_| {
            // Whatever any query will need first.
            let sharded = data.snapshot().sharded_search();
            data.request(Need::search_start(sharded))
        }
    };
    let on_input = {
        let (go, data) = (go.clone(), data.clone());
        move |ev: leptos::ev::Event| {
            // No longer than a link can carry: the box shows what is searched.
            let mut text = event_target_value(&ev);
            if route::cap_query(&mut text) {
                event_target::<web_sys::HtmlInputElement>(&ev).set_value(&text);
            }
            let q = QuoteQuery { q: text, ..query.get_untracked() };
            // The new query's files are asked for first, before the address changes and
            // the page renders its pending state (what its first screen needs, as far as
            // what is in tells: the count its first screen will have).
            if let Some(need) = data.snapshot().quotes_need(None, &q, limit.next_screen()) {
                data.request(need);
            }
            go(&Route::Quotes(q), true);
            data.follow();
        }
    };
    // The facets' values, worked out whenever what is in changes, and drawn only when
    // they change (a fetch that adds records to a page of results leaves them, and a
    // "N more" the reader unfolded, as they are).
    let facet_values_now = {
        let current = current.clone();
        Memo::new(move |_| {
            let ctx = current();
            let corpus = &ctx.corpus;
            let q = query.get();
            let (indexes, first) = (ctx.indexes(), ctx.quotes_first());
            let (facets, counted) =
                hits.with(|found| found.as_ref().map(|found| (found.facets(indexes, first, corpus, &q), found.speakers_counted(indexes, first, &q))))?;
            // Nothing to narrow when nothing matches, whatever the filters.
            if facets.is_empty() {
                return None;
            }
            let speakers: Vec<(String, String, usize)> =
                facets.speakers.iter().map(|(id, n)| (id.to_string(), corpus.actor_name(id).to_owned(), *n)).collect();
            let kinds = facets.kinds;
            let docs: Vec<(String, String, usize)> = facets
                .documents
                .iter()
                .map(|(id, n)| (id.to_string(), corpus.document(id).map(|d| d.title.clone()).unwrap_or_default(), *n))
                .collect();
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
                    FacetValue { route: Route::Quotes(next), label: name, count: n, on }
                })
                .collect::<Vec<_>>();
            let kind_links = kinds
                .into_iter()
                .map(|(kind, n)| {
                    let on = q.kind == Some(kind);
                    let next = QuoteQuery { kind: (!on).then_some(kind), ..q.clone() };
                    FacetValue { route: Route::Quotes(next), label: kind.label().to_owned(), count: n, on }
                })
                .collect::<Vec<_>>();
            let doc_links = docs
                .into_iter()
                .map(|(id, title, n)| {
                    let id = DocumentId::new(id);
                    let on = q.doc.as_ref() == Some(&id);
                    let next = QuoteQuery { doc: (!on).then_some(id), ..q.clone() };
                    FacetValue { route: Route::Quotes(next), label: title, count: n, on }
                })
                .collect::<Vec<_>>();
            Some(([speaker_links, kind_links, doc_links], counted))
        })
    };
    // Each facet drawn on its own, so the speakers coming in (a sharded index reads them
    // after the results) leave a "N more" the reader unfolded under the others as it is.
    let speaker_values = Memo::new(move |_| facet_values_now.with(|v| v.as_ref().map(|(values, counted)| (values[0].clone(), *counted))));
    let kind_values = Memo::new(move |_| facet_values_now.with(|v| v.as_ref().map(|(values, _)| values[1].clone())));
    let doc_values = Memo::new(move |_| facet_values_now.with(|v| v.as_ref().map(|(values, _)| values[2].clone())));
    let any_facets = Memo::new(move |_| facet_values_now.with(Option::is_some));
    let facet = |title: &'static str, noun: &'static str, values: Vec<FacetValue>| {
        (!values.is_empty()).then(|| view! { <div class="facet"><h2>{title}</h2>{facet_values(values, noun)}</div> })
    };
    // Where the facets stack above the results (a phone), they are folded at first, so
    // the first screen shows quotes: the stylesheet hides them there unless unfolded (the
    // static page too, so nothing shifts), and once the page is live the disclosure is
    // closed to match, opening as any does. Wider, they show open beside the results.
    // (Closed once: facets drawn again, after a search that had none, keep the reader's
    // choice, which `unfolded` holds.)
    let facets_ref = NodeRef::<leptos::html::Details>::new();
    Effect::new(move |closed: Option<bool>| {
        let Some(details) = facets_ref.get() else { return closed.unwrap_or(false) };
        if closed != Some(true) {
            set_unfolded.set(!facets_stacked());
        }
        details.set_open(unfolded.get_untracked());
        true
    });
    let facets = move || {
        any_facets.get().then(|| {
            // Until a sharded index has read who said each quote: no count rather than a
            // wrong one (or the failure and a retry).
            let speakers = move || match speaker_values.get() {
                Some((values, true)) => facet("Speaker", "speakers", values).into_any(),
                Some((_, false)) => view! {
                    <div class="facet">
                        <h2>"Speaker"</h2>
                        <LoadFailure need=speakers_need what="speakers"/>
                        {move || counting.get().then(|| view! { <p class="counting" role="status">"Counting…"</p> })}
                    </div>
                }
                .into_any(),
                None => ().into_any(),
            };
            view! {
                <details class="facets" open class:unfolded=unfolded node_ref=facets_ref
                    on:toggle=move |_| if let Some(d) = facets_ref.get_untracked() { set_unfolded.set(d.open()) }>
                    <summary>"Filter"</summary>
                    {speakers}
                    {move || kind_values.get().and_then(|values| facet("Kind", "kinds", values))}
                    {move || doc_values.get().and_then(|values| facet("Document", "documents", values))}
                </details>
            }
        })
    };
    // What the words leave out (`-aleppo`): said, so a reader sees the minus was read.
    let left_out = Memo::new(move |_| query.with(|q| search::left_out(&q.q)));
    let results = {
        let current = current.clone();
        move || {
            let ctx = current();
            let q = query.get();
            if searching.get() {
                return ().into_any();
            }
            if hits.with(|r| r.as_ref().is_some_and(QuoteAnswer::is_empty)) {
                let unfiltered = Route::Quotes(QuoteQuery { q: q.q.clone(), ..QuoteQuery::default() });
                // Until a sharded index has read what the help needs, the plain help.
                let NoMatch { without_filters, suggestion } = no_match.get().and_then(Result::ok).unwrap_or_default();
                let suggestion = suggestion.map(|better| {
                    let route = Route::Quotes(QuoteQuery { q: better.clone(), ..q.clone() });
                    view! { <li>"Did you mean "<a href=route.href()>"“"{better}"”"</a>"?"</li> }
                });
                let what = if q.q.trim().is_empty() { "these filters".to_owned() } else { format!("“{}”", q.q.trim()) };
                // Everything left out by the words after a minus: the search without them.
                let has_left_out = left_out.with(|left| !left.is_empty());
                let without_minus = Route::Quotes(QuoteQuery { q: search::without_left_out(&q.q), ..q.clone() });
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
                            {has_left_out.then(|| view! {
                                <li>"The words after a minus leave out every quote they match: "<a href=without_minus.href()>"search without them"</a>"."</li>
                            })}
                            <li>"Try fewer or shorter words, another spelling, or a name’s other form (al-Sharaa, Jolani)."</li>
                        </ul>
                    </div>
                }
                .into_any();
            }
            // Highlights and reasons are worked out only for the quotes rendered; while
            // more than the first page (or screen) is on its way, that stays.
            let (indexes, found) = (ctx.indexes(), ctx.found());
            let items = hits
                .with(|answer| {
                    let answer = answer.as_ref()?;
                    let n = limit.rendered();
                    [n, n.min(crate::core::site::LIST_PAGE), n.min(limit.first_screen())].into_iter().find_map(|n| answer.page(indexes, &ctx.corpus, found, n))
                })
                .unwrap_or_default()
                .into_iter()
                .map(|(hit, quote)| view! { <li><QuoteCard quote highlights=hit.highlights reasons=hit.reasons link=true/></li> })
                .collect_view();
            view! { <ol class="results">{items}</ol> }.into_any()
        }
    };
    let sort_link = move || {
        let q = query.get();
        let (label, next) = match q.sort {
            QuoteSort::Auto => ("Sort by date", QuoteQuery { sort: QuoteSort::Date, ..q }),
            // With nothing searched there is nothing to rank: the other order is the documents'.
            QuoteSort::Date if !search::has_kept_words(&q.q) => ("In document order", QuoteQuery { sort: QuoteSort::Auto, ..q }),
            QuoteSort::Date => ("Sort by relevance", QuoteQuery { sort: QuoteSort::Auto, ..q }),
        };
        view! { <a class="sort" href=Route::Quotes(next).href()>{label}</a> }
    };
    let left_out_note = move || {
        left_out.with(|left| {
            let named: Vec<String> = left.iter().map(|words| format!("“{words}”")).collect();
            let list = match named.as_slice() {
                [] => return None,
                [one] => one.clone(),
                [rest @ .., last] => format!("{} or {last}", rest.join(", ")),
            };
            Some(view! { <p class="left-out">"Leaving out every quote that matches "{list}"."</p> })
        })
    };
    // Search text with no word in it (only quote marks, a lone minus): said, so the whole
    // list is not taken for what the words found.
    let wordless = Memo::new(move |_| query.with(|q| (!q.q.trim().is_empty() && !search::has_kept_words(&q.q) && left_out.with(Vec::is_empty)).then(|| q.q.trim().to_owned())));
    let wordless_note = move || wordless.get().map(|typed| view! { <p class="left-out">"“"{typed}"” has no words to search for, so every quote is listed."</p> });
    let total = use_corpus().corpus.counts.quotes;
    let current_export = current.clone();
    view! {
        <h1>"Quotes"</h1>
        <IgnoredNote/>
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
                    placeholder="Words, names or \"a phrase\""
                    aria-describedby="quote-q-help"
                    maxlength=MAX_QUERY_BYTES.to_string()
                    prop:value=move || query.with(|q| q.q.clone())
                    on:input=on_input
                    on:focus=prefetch
                />
                <p id="quote-q-help" class="hint">"Quote marks find a phrase; a minus leaves out the quotes with a whole word or a name: "<code>"-aleppo"</code>"."</p>
            </form>
        </search>
        // On paper there is no search box nor facets: what was searched and filtered.
        {
            let corpus = use_corpus().corpus;
            move || query.with(|q| crate::core::meta::quote_filters(&corpus, q)).map(|words| view! { <p class="print-only">{words}</p> })
        }
        {left_out_note}
        {wordless_note}
        <p class="pending-note" role="status">"Searching…"</p>
        <LoadFailure need what="quotes"/>
        <p class="count" role="status" aria-live="polite">
            {move || {
                let n = found.get();
                // No count while the answer is not in: 0 would be a wrong one.
                if searching.get() {
                    String::new()
                } else if n == total {
                    format!("All {total} quotes")
                } else {
                    format!("{n} of {total} quotes")
                }
            }}
            // No order to change while there are no results to order.
            {move || (!searching.get() && found.get() > 0).then(|| view! { <span class="sort-part">" · " {sort_link}</span> })}
        </p>
        <ExportButtons
            of=ExportOf::Quotes
            count=found
            shown=Signal::derive(move || {
                let ctx = current_export();
                hits.with(|a| a.as_ref().and_then(|a| a.all(&ctx.corpus)))
            })
            fetch=Need::search()
        />
        <div class="with-facets">
            {facets}
            <div class="results-area" node_ref=results_ref aria-busy=move || busy.get().to_string()>
                {results}
                {move || if loading_more.get() {
                    view! { <p class="show-more" role="status">"Loading more quotes…"</p> }.into_any()
                } else {
                    view! { <ShowMore limit total=found what="quotes"/> }.into_any()
                }}
            </div>
        </div>
    }
}

/// Where the facets stack above the results (the stylesheet's media query, the same).
const FACETS_STACKED: &str = "(max-width: 48rem)";

/// Whether the facets stack above the results in this window (never in the static build).
fn facets_stacked() -> bool {
    cfg!(target_arch = "wasm32") && window().match_media(FACETS_STACKED).ok().flatten().is_some_and(|m| m.matches())
}

/// How many values of a facet show before the rest are folded away.
const FACET_SHOWN: usize = 8;

/// One value of a facet: the link that chooses it (or, chosen, lifts it) and its count.
#[derive(Clone, PartialEq)]
struct FacetValue {
    route: Route,
    label: String,
    count: usize,
    on: bool,
}

/// A facet's values: the first [`FACET_SHOWN`] and any chosen beyond them, then the rest
/// behind "N more …" (a corpus of hundreds of speakers or documents would otherwise push
/// the results a screen away, or many). The folded ones are drawn when first unfolded:
/// a search at newsroom scale redraws the facets at every keystroke. The static page
/// has them all (it works without the app), and so has the app while it adopts it.
fn facet_values(values: Vec<FacetValue>, noun: &'static str) -> impl IntoView {
    let (shown, rest): (Vec<_>, Vec<_>) = values.into_iter().enumerate().partition(|(i, v)| *i < FACET_SHOWN || v.on);
    let links = |values: &[(usize, FacetValue)]| values.iter().map(|(_, v)| facet_link(v)).collect_view();
    let more = (!rest.is_empty()).then(|| {
        let label = format!("{} more {noun}", rest.len());
        let (drawn, set_drawn) = signal(!crate::ui::app::adopted());
        view! {
            <details class="facet-more" on:toggle=move |_| set_drawn.set(true)>
                <summary>{label}</summary>
                <ul>{move || drawn.get().then(|| links(&rest))}</ul>
            </details>
        }
    });
    view! { <ul>{links(&shown)}</ul>{more} }
}

fn facet_link(value: &FacetValue) -> impl IntoView {
    let on = value.on;
    view! {
        <li>
            <a href=value.route.href() class:on=on>
                {value.label.clone()}" "<span class="n">{value.count}</span>
                {on.then_some(view! { <span class="visually-hidden">" (selected; follow to remove)"</span> })}
            </a>
        </li>
    }
}
