//! The document reader: typed paragraphs, each addressable as `#p-<n>`, with a quote
//! from `?quote=` highlighted and scrolled into view. A long document is read in parts
//! of [`DOCUMENT_PART`] paragraphs, each a page of its own with links between them; a link
//! to a paragraph of another part (an old link, or one written by hand) moves to it.

use crate::core::route::Page;
use crate::ui::components::cite::CitePanel;
use leptos::prelude::*;

use crate::core::model::{DocumentId, ParagraphKind};
use crate::core::route::{paragraph_anchor, part_of, part_paragraphs, part_span, parts_of, Route, DOCUMENT_PART};
use crate::core::pack::need_for;
use crate::ui::app::use_go;
use crate::ui::data::use_data;
use crate::core::search::highlight_pieces;
use crate::ui::app::{use_corpus, use_route};
use crate::ui::components::date::MaybeDate;
use crate::ui::components::ignored::IgnoredNote;
use crate::ui::components::missing::Missing;

#[component]
pub fn DocumentPage(
    /// The document's id from the URL.
    id: DocumentId,
    /// Which part of its paragraphs (from 1).
    part: u32,
) -> impl IntoView {
    let ctx = use_corpus();
    let parsed = use_route();
    let corpus = ctx.corpus.clone();
    let Some(doc) = corpus.document(&id).cloned() else {
        return view! { <Missing what="document" id=id.to_string() list=Route::Documents/><IgnoredNote/> }.into_any();
    };
    // The whole document's length is the catalog's: this page's data holds its part.
    let total = corpus.document_counts(&doc.id).0.max(doc.paragraphs.len());
    let parts = parts_of(total);
    if part > parts {
        return view! {
            <h1>"No such part of this document"</h1>
            <IgnoredNote/>
            <p class="lead">"“"{doc.title.clone()}"” is read in "{parts}" parts of up to "{DOCUMENT_PART}" paragraphs; there is no part "{part}". The link may be mistyped or out of date."</p>
            <p><a href=Route::document(&doc.id).href()>"Read it from the start"</a></p>
        }
        .into_any();
    }
    let range = part_paragraphs(part);
    let (first, last) = part_span(part, total);
    // The quote and paragraph of this very page's address (not of the next page's, while
    // the router moves on).
    let target = {
        let id = doc.id.clone();
        Memo::new(move |_| match parsed.with(|p| p.route.clone()) {
            Route::Document { id: at, part: k, quote, paragraph } if at == id && k == part => (quote, paragraph),
            _ => (None, None),
        })
    };
    // The quote `?quote=` names, if it is one of this part's (its page's slice holds them
    // all; a quote of another document or part is not highlighted here).
    let quoted = {
        let (corpus, id, range) = (corpus.clone(), doc.id.clone(), range.clone());
        move |q: &crate::core::model::QuoteId| corpus.quote(q).filter(|q| q.document == id && range.contains(&q.paragraph)).cloned()
    };
    let quote_unknown = {
        let quoted = quoted.clone();
        let place = if parts == 1 { "this document; showing the whole text".to_owned() } else { format!("paragraphs {first}–{last} of this document; showing them") };
        move || {
            target.get().0.filter(|q| quoted(q).is_none()).map(|q| {
                view! { <p class="note" role="status">{format!("No quote with the id “{q}” is in {place}.")}</p> }
            })
        }
    };
    // A paragraph the document does not have (a link written by hand, or to an older
    // version of the text): said, rather than leaving the reader at the top.
    let paragraph_unknown = move || {
        target.get().1.filter(|&n| n as usize > total).map(|n| {
            view! { <p class="note" role="status">{format!("This document has no paragraph {n}: its paragraphs are numbered 1 to {total}.")}</p> }
        })
    };
    // A paragraph of another part (an old link to the whole document, or one written by
    // hand): its part's page takes over the address.
    Effect::new({
        let (go, id, range) = (use_go(), doc.id.clone(), range.clone());
        move |_| {
            let (quote, paragraph) = target.get();
            if let Some(n) = paragraph.filter(|n| !range.contains(n) && (*n as usize) <= total) {
                go(&Route::Document { id: id.clone(), part: part_of(n), quote, paragraph: Some(n) }, true);
            }
        }
    });
    // A quote named without its paragraph (a link written by hand) that this part does
    // not hold: its own page's data says where it is, and the page of the part that holds
    // it takes over the address. An id the dossier does not have stays a note.
    Effect::new({
        let (go, id, range, data) = (use_go(), doc.id.clone(), range.clone(), use_data());
        move |_| {
            let (quote, paragraph) = target.get();
            let Some(q) = quote.filter(|_| paragraph.is_none() && parts > 1) else { return };
            let ctx = data.current();
            match ctx.corpus.quote(&q) {
                Some(found) if found.document == id && !range.contains(&found.paragraph) => go(&Route::quote_in(&id, &q, found.paragraph), true),
                Some(_) => {}
                None => data.request(need_for(&Page::Quote(q))),
            }
        }
    });
    // Scroll the quoted (or linked) paragraph into view once it is rendered.
    Effect::new({
        let quoted = quoted.clone();
        move |_| {
            let (quote, paragraph) = target.get();
            let n = quote.and_then(|q| quoted(&q).map(|q| q.paragraph)).or(paragraph);
            if let Some(n) = n {
                request_animation_frame(move || {
                    if let Some(el) = document().get_element_by_id(&paragraph_anchor(n)) {
                        el.scroll_into_view();
                        // The keyboard goes on from the paragraph shown, not from the
                        // heading far above it.
                        crate::ui::app::focus_in_place(el);
                    }
                });
            }
        }
    });
    let shown: Vec<&crate::core::model::Paragraph> = doc.paragraphs.iter().filter(|p| range.contains(&p.n)).collect();
    let named = crate::core::model::speakers_named(&shown);
    let paragraphs = shown
        .into_iter()
        .zip(named)
        .map(|(p, named)| {
            let n = p.n;
            let text = p.text.clone();
            let quoted = quoted.clone();
            let body = move || {
                let (quote, paragraph) = target.get();
                let quote = quote.and_then(|q| quoted(&q)).filter(|q| q.paragraph == n);
                let ranges: Vec<_> = quote
                    .iter()
                    .filter_map(|q| text.find(&q.text).map(|start| start..start + q.text.len()))
                    .collect();
                let pieces: Vec<(String, bool)> =
                    highlight_pieces(&text, &ranges).into_iter().map(|(s, m)| (s.to_owned(), m)).collect();
                let targeted = !ranges.is_empty() || paragraph == Some(n);
                view! {
                    <div class="para-body" class:targeted=targeted>
                        {pieces.into_iter().map(|(s, m)| if m { view! { <mark>{s}</mark> }.into_any() } else { s.into_any() }).collect_view()}
                    </div>
                }
            };
            let label = match p.kind {
                ParagraphKind::Body | ParagraphKind::Answer => None,
                kind => Some(kind.label()),
            };
            // Who asks or answers, as the data states it (an answer is labelled only
            // with its speaker, at each turn).
            let label = match (label, &named) {
                (None, Some(_)) => Some(p.kind.label()),
                (label, _) => label,
            };
            let speaker = named.map(|id| {
                let name = corpus.actor_name(&id).to_owned();
                view! { <span class="para-speaker">" — "<a href=Route::Actor(id).href()>{name}</a></span> }
            });
            view! {
                <div class=format!("para {}", p.kind.as_str()) id=paragraph_anchor(n)>
                    <a class="pn" href=Route::paragraph(&doc.id, n).href() aria-label=format!("Paragraph {n}")>{n}</a>
                    {label.map(|l| view! { <span class="kind-label">{l}</span> })}
                    {speaker}
                    {body}
                </div>
            }
        })
        .collect_view();
    view! {
        <h1>{doc.title.clone()}</h1>
        <IgnoredNote/>
        <dl class="facts">
            <dt>"Kind"</dt><dd>{doc.kind.clone()}</dd>
            <dt>"Publisher"</dt><dd>{doc.publisher.clone().unwrap_or_else(|| "not stated in the text".into())}</dd>
            <dt>"Author"</dt><dd>{doc.author.clone().unwrap_or_else(|| "not stated in the text".into())}</dd>
            <dt>"Published"</dt><dd><MaybeDate spec=doc.published.clone() unknown="not stated in the text" explain=true/></dd>
            {doc.title_supplied.then(|| view! { <dt>"Title"</dt><dd>"supplied by Dossier; the source has no headline"</dd> })}
        </dl>
        {(!doc.notes.is_empty()).then(|| view! {
            <details class="doc-notes">
                <summary>"Editor’s notes ("{doc.notes.len()}")"</summary>
                <ul>{doc.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}</ul>
            </details>
        })}
        <CitePanel page=Page::Document(doc.id.clone(), part)/>
        {quote_unknown}
        {paragraph_unknown}
        {(parts > 1).then(|| part_nav(&doc.id, part, parts, total))}
        <div class="reader">{paragraphs}</div>
        {(parts > 1).then(|| view! { <p class="parts-next">{part_steps(&doc.id, part, parts, total)}</p> })}
    }
    .into_any()
}

/// The address of part `k` of a document.
fn part_href(id: &DocumentId, k: u32) -> String {
    Route::Document { id: id.clone(), part: k, quote: None, paragraph: None }.href()
}

/// "101–200": the paragraphs of part `k`.
fn span_label(k: u32, total: usize) -> String {
    let (a, b) = part_span(k, total);
    format!("{a}–{b}")
}

/// Where this part stands and the way to the others: "Paragraphs 101–200 of 1000", the
/// parts before and after, and every part by its paragraphs.
fn part_nav(id: &DocumentId, part: u32, parts: u32, total: usize) -> impl IntoView {
    let every = (1..=parts)
        .map(|k| {
            let current = (k == part).then_some("page");
            view! { <li><a href=part_href(id, k) aria-current=current>{span_label(k, total)}</a></li> }
        })
        .collect_view();
    view! {
        <nav class="parts" aria-label="Parts of this document">
            <p>{part_steps(id, part, parts, total)}</p>
            <ul>{every}</ul>
        </nav>
    }
}

/// "Paragraphs 101–200 of 1000", with the parts before and after.
fn part_steps(id: &DocumentId, part: u32, parts: u32, total: usize) -> impl IntoView {
    view! {
        "Paragraphs "{span_label(part, total)}" of "{total}"."
        {(part > 1).then(|| view! { " " <a rel="prev" href=part_href(id, part - 1)>"← Paragraphs "{span_label(part - 1, total)}</a> })}
        {(part > 1 && part < parts).then_some(" ·")}
        {(part < parts).then(|| view! { " " <a rel="next" href=part_href(id, part + 1)>"Paragraphs "{span_label(part + 1, total)}" →"</a> })}
    }
}
