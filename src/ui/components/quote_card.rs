//! One quote as a `<figure>`: the words in a `<blockquote>`, who, to whom, when and where
//! (and, for reported speech, who recounts it) in a `<figcaption>`. Highlights are
//! `<mark>` text nodes, never HTML.

use std::ops::Range;

use leptos::prelude::*;

use crate::core::model::Quote;
use crate::core::route::Route;
use crate::core::search::highlight_pieces;
use crate::ui::app::use_corpus;
use crate::ui::components::date::MaybeDate;

#[component]
pub fn QuoteCard(
    /// The quote to show.
    quote: Quote,
    /// Byte ranges of the quote text to mark as matches.
    #[prop(optional)]
    highlights: Vec<Range<usize>>,
    /// Link the quote text to its own page (lists) or not (the quote's page).
    #[prop(optional)]
    link: bool,
    /// Why the quote matched a search, beyond a literal match.
    #[prop(optional)]
    reasons: Vec<String>,
) -> impl IntoView {
    let ctx = use_corpus();
    let corpus = &ctx.corpus;
    let speaker = corpus.actor_name(&quote.speaker).to_owned();
    let said_to = quote.said_to.as_ref().map(|a| (Route::Actor(a.clone()).href(), corpus.actor_name(a).to_owned()));
    // Reported speech is in its narrator's words: the card names them.
    let reporter = quote.narrator().map(|a| (Route::Actor(a.clone()).href(), corpus.actor_name(a).to_owned()));
    let document = corpus.document(&quote.document).map(|d| d.title.clone()).unwrap_or_default();
    let pieces: Vec<(String, bool)> =
        highlight_pieces(&quote.text, &highlights).into_iter().map(|(s, m)| (s.to_owned(), m)).collect();
    let text = pieces
        .into_iter()
        .map(|(s, marked)| if marked { view! { <mark>{s}</mark> }.into_any() } else { s.into_any() })
        .collect_view();
    let context_href = Route::quote_in(&quote.document, &quote.id, quote.paragraph).href();
    view! {
        <figure class="quote" class:reported={quote.kind == crate::core::model::QuoteKind::ReportedSpeech}>
            <blockquote cite=context_href.clone()>
                {if link {
                    view! { <a class="quote-link" href=Route::Quote(quote.id.clone()).href()>{text}</a> }.into_any()
                } else {
                    view! { <p>{text}</p> }.into_any()
                }}
            </blockquote>
            <figcaption>
                <a class="speaker" href=Route::Actor(quote.speaker.clone()).href()>{speaker}</a>
                {said_to.map(|(href, name)| view! { " to "<a href=href>{name}</a> })}
                ", "
                <MaybeDate spec=quote.said_on.clone() unknown="date unknown"/>
                <span class="kind">" · "{quote.kind.label()}</span>
                {reporter.map(|(href, name)| view! { ", recounted by "<a href=href>{name}</a> })}
                <br/>
                <span class="source">"In "<cite>{document}</cite>", paragraph "{quote.paragraph}" · "</span>
                <a href=context_href>"in context"</a>
                {(!reasons.is_empty()).then(|| view! { <br/><span class="why">"Why: "{reasons.join("; ")}</span> })}
            </figcaption>
        </figure>
    }
}
