//! Timeline filtering: which events a [`TimelineQuery`] shows, in chronological order.
//!
//! Date filters compare whole spans: an event is shown when any day it could cover lies
//! between the first day of `from` and the last day of `to`, so `from=2024-11` keeps
//! "November 2024" and "late Nov – early Dec 2024", and `to=2024` keeps "2024-12-08".

use crate::core::model::{ActorId, Corpus, Event};
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

/// For the actor picker: each actor that appears in an event passing every filter but
/// the actor filter, with the number of such events, most frequent first.
pub fn actor_counts(corpus: &Corpus, query: &TimelineQuery) -> Vec<(ActorId, usize)> {
    let others = TimelineQuery { actors: Vec::new(), ..query.clone() };
    let mut counts: Vec<(ActorId, usize)> = corpus.actors.iter().map(|a| (a.id.clone(), 0)).collect();
    for event in corpus.events.iter().filter(|e| keeps(corpus, &others, e)) {
        for (id, n) in counts.iter_mut() {
            if event.involves(id) {
                *n += 1;
            }
        }
    }
    counts.retain(|(_, n)| *n > 0);
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| corpus.actor_name(&a.0).cmp(corpus.actor_name(&b.0))));
    counts
}

/// Events per year from the first to the last year of the shown events (empty years
/// included, so gaps in the record are visible).
pub fn density(corpus: &Corpus, shown: &[usize]) -> Vec<(i32, usize)> {
    let years: Vec<i32> = shown.iter().map(|&i| corpus.events[i].date.start.year_value()).collect();
    let (Some(&first), Some(&last)) = (years.iter().min(), years.iter().max()) else { return Vec::new() };
    (first..=last).map(|y| (y, years.iter().filter(|&&x| x == y).count())).collect()
}
