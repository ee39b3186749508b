//! Timeline filtering: which events a [`TimelineQuery`] shows, in chronological order.
//!
//! Date filters compare whole spans: an event is shown when any day it could cover lies
//! between the first day of `from` and the last day of `to`, so `from=2024-11` keeps
//! "November 2024" and "late Nov – early Dec 2024", and `to=2024` keeps "2024-12-08".

use crate::core::model::{Corpus, Event};
use crate::core::route::{ActorMatch, TimelineQuery};

/// Indices into `corpus.events` (already chronological) of the events the query keeps.
pub fn filter(corpus: &Corpus, query: &TimelineQuery) -> Vec<usize> {
    corpus.events.iter().enumerate().filter(|(_, e)| keeps(corpus, query, e)).map(|(i, _)| i).collect()
}

/// Whether one event passes every filter of the query.
pub fn keeps(corpus: &Corpus, query: &TimelineQuery, event: &Event) -> bool {
    let actors_ok = query.actors.is_empty()
        || match query.match_mode {
            ActorMatch::Any => query.actors.iter().any(|a| event.involves(a)),
            ActorMatch::All => query.actors.iter().all(|a| event.involves(a)),
        };
    let kind_ok = query
        .kind
        .is_none_or(|kind| event.actors.iter().any(|a| corpus.actor(&a.id).is_some_and(|actor| actor.kind == kind)));
    let from_ok = query.from.is_none_or(|from| event.date.last_day() >= from.first_day());
    let to_ok = query.to.is_none_or(|to| event.date.first_day() <= to.last_day());
    let doc_ok = query.doc.as_ref().is_none_or(|d| d == &event.document);
    actors_ok && kind_ok && from_ok && to_ok && doc_ok
}
