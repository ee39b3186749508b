//! One quote on its own page: the words, the question they answer, the paragraph around
//! them and the events reported in the same paragraph.

use crate::core::route::Page;
use crate::ui::components::cite::CitePanel;
use leptos::prelude::*;

use crate::core::model::{QuoteId, QuoteKind};
use crate::core::route::{QuoteQuery, Route};
use crate::ui::app::use_corpus;
use crate::core::cite::quote_citation;
use crate::ui::components::copy::{Cite, CopyButtons};
use crate::ui::components::date::DateTime;
use crate::ui::components::missing::Missing;
use crate::ui::components::quote_card::QuoteCard;

#[component]
pub fn QuotePage(
    /// The quote's id from the URL.
    id: QuoteId,
) -> impl IntoView {
    let ctx = use_corpus();
    let corpus = ctx.corpus.clone();
    let Some(quote) = corpus.quote(&id).cloned() else {
        return view! { <Missing what="quote" id=id.to_string() list=Route::Quotes(QuoteQuery::default())/> }.into_any();
    };
    let speaker = corpus.actor_name(&quote.speaker).to_owned();
    // The question these words answer: the record's own, else, for an interview answer,
    // the nearest question before it. Words an interviewee recounts (said to someone
    // else, at another time) answer no question of the interview: the question shown for
    // them is the one their paragraph answers, and is headed so.
    let asked = quote.question.and_then(|n| corpus.paragraph(&quote.document, n)).map(|p| ("Asked", p.text.clone()));
    let question = asked.or_else(|| {
        let heading = match quote.kind {
            QuoteKind::InterviewAnswer => "Asked",
            QuoteKind::ReportedSpeech => "The interview question this passage answers",
            _ => return None,
        };
        corpus.question_before(&quote.document, quote.paragraph).map(|p| (heading, p.text.clone()))
    });
    let derivation = quote.said_on.as_ref().and_then(|d| d.derivation.clone());
    let paragraph = corpus.paragraph(&quote.document, quote.paragraph).map(|p| p.text.clone()).unwrap_or_default();
    let reported_by = quote.reported_by.as_ref().map(|a| (Route::Actor(a.clone()).href(), corpus.actor_name(a).to_owned()));
    let events: Vec<_> = corpus
        .events_at(&quote.document, quote.paragraph)
        .map(|e| (Route::Event(e.id.clone()).href(), e.title.clone(), e.date.clone()))
        .collect();
    let href = Route::Quote(quote.id.clone()).href();
    let cite: Cite = {
        let (corpus, quote) = (corpus.clone(), quote.clone());
        std::sync::Arc::new(move |link: &str| quote_citation(&corpus, &quote, link))
    };
    view! {
        <h1>"Quote by "{speaker}</h1>
        <QuoteCard quote=quote.clone()/>
        <CopyButtons href cite/>
        <CitePanel page=Page::Quote(quote.id.clone())/>
        {derivation.map(|d| view! { <p class="derivation">"How the date was inferred: "{d}</p> })}
        {question.map(|(heading, q)| view! {
            <section class="question">
                <h2>{heading}</h2>
                <p>{q}</p>
            </section>
        })}
        <section>
            <h2>"The paragraph"</h2>
            <p class="context">{paragraph}</p>
            <p><a href=Route::quote_in(&quote.document, &quote.id, quote.paragraph).href()>
                "Read it in the document"
            </a></p>
        </section>
        {reported_by.map(|(href, name)| view! { <p>"Reported by "<a href=href>{name}</a>"."</p> })}
        {quote.notes.clone().map(|n| view! { <section><h2>"Editor’s note"</h2><p>{n}</p></section> })}
        {(!events.is_empty()).then(|| view! {
            <section>
                <h2>"Events in the same paragraph"</h2>
                <ul>
                    {events.into_iter().map(|(href, title, spec)| view! {
                        <li><a href=href>{title}</a>" — "<DateTime spec/></li>
                    }).collect_view()}
                </ul>
            </section>
        })}
    }
    .into_any()
}
