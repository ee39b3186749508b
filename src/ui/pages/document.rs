//! The document reader: typed paragraphs, each addressable as `#p-<n>`, with a quote
//! from `?quote=` highlighted and scrolled into view.

use crate::core::route::Page;
use crate::ui::components::cite::CitePanel;
use leptos::prelude::*;

use crate::core::model::{DocumentId, ParagraphKind};
use crate::core::route::{paragraph_anchor, Route};
use crate::core::search::highlight_pieces;
use crate::ui::app::{use_corpus, use_route};
use crate::ui::components::date::MaybeDate;
use crate::ui::components::missing::Missing;

#[component]
pub fn DocumentPage(
    /// The document's id from the URL.
    id: DocumentId,
) -> impl IntoView {
    let ctx = use_corpus();
    let parsed = use_route();
    let corpus = ctx.corpus.clone();
    let Some(doc) = corpus.document(&id).cloned() else {
        return view! { <Missing what="document" id=id.to_string() list=Route::Documents/> }.into_any();
    };
    let target = Memo::new(move |_| match parsed.with(|p| p.route.clone()) {
        Route::Document { quote, paragraph, .. } => (quote, paragraph),
        _ => (None, None),
    });
    // The quote `?quote=` names, if it is one of this document's (its page's slice holds
    // them all; a quote of another document is not highlighted here).
    let quoted = {
        let (corpus, id) = (corpus.clone(), doc.id.clone());
        move |q: &crate::core::model::QuoteId| corpus.quote(q).filter(|q| q.document == id).cloned()
    };
    let quote_unknown = {
        let quoted = quoted.clone();
        move || {
            target.get().0.filter(|q| quoted(q).is_none()).map(|q| {
                view! { <p class="note" role="status">"No quote with the id “"{q.to_string()}"” is in this document; showing the whole text."</p> }
            })
        }
    };
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
                    }
                });
            }
        }
    });
    let paragraphs = doc
        .paragraphs
        .iter()
        .map(|p| {
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
            view! {
                <div class=format!("para {}", p.kind.as_str()) id=paragraph_anchor(n)>
                    <a class="pn" href=Route::paragraph(&doc.id, n).href() aria-label=format!("Paragraph {n}")>{n}</a>
                    {label.map(|l| view! { <span class="kind-label">{l}</span> })}
                    {body}
                </div>
            }
        })
        .collect_view();
    view! {
        <h1>{doc.title.clone()}</h1>
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
        <CitePanel page=Page::Document(doc.id.clone())/>
        {quote_unknown}
        <div class="reader">{paragraphs}</div>
    }
    .into_any()
}
