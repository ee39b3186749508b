//! Timeline filtering: which events a [`TimelineQuery`] shows, in chronological order.
//!
//! Date filters compare whole spans: an event is shown when any day it could cover lies
//! between the first day of `from` and the last day of `to`, so `from=2024-11` keeps
//! "November 2024" and "late Nov – early Dec 2024", and `to=2024` keeps "2024-12-08".

use rustc_hash::FxHashMap;

use crate::core::model::{ActorId, Corpus, Event};
use crate::core::route::{ActorMatch, TimelineAnchor, TimelineQuery};

/// Indices into `corpus.events` (already chronological) of the events the query keeps.
pub fn filter(corpus: &Corpus, query: &TimelineQuery) -> Vec<usize> {
    let kept = |&i: &usize| keeps(corpus, query, &corpus.events[i]);
    if query.actors.is_empty() {
        return (0..corpus.events.len()).filter(kept).collect();
    }
    // Only the actors' own events can pass (every one of them for "all": the fewest will
    // do); `keeps` still decides, so this only skips events that cannot.
    let mut lists = query.actors.iter().map(|a| corpus.events_involving(a));
    match query.match_mode {
        // (Each list is ascending, an event once.)
        _ if query.actors.len() == 1 => lists.next().unwrap_or_default().iter().copied().filter(kept).collect(),
        // Several lists: marked once each, then read in order (twenty lanes of 10,000
        // events hold each event about twice: no sort of them all).
        ActorMatch::Any => {
            let mut marked = vec![false; corpus.events.len()];
            for &i in lists.flatten() {
                if let Some(m) = marked.get_mut(i) {
                    *m = true;
                }
            }
            marked.iter().enumerate().filter(|&(_, &m)| m).map(|(i, _)| i).filter(kept).collect()
        }
        ActorMatch::All => lists.min_by_key(|l| l.len()).unwrap_or_default().iter().copied().filter(kept).collect(),
    }
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
    let others = query.without_actors();
    let mut counts: Vec<(ActorId, usize)> = corpus.actors.iter().map(|a| (a.id.clone(), 0)).collect();
    // Each event's own actors are counted, not every actor against every event: at 10,000
    // events and hundreds of actors the difference is a dropped frame.
    let place: FxHashMap<&ActorId, usize> = corpus.actors.iter().enumerate().map(|(i, a)| (&a.id, i)).collect();
    let mut seen: Vec<usize> = Vec::new();
    for event in corpus.events.iter().filter(|e| keeps(corpus, &others, e)) {
        seen.clear();
        seen.extend(event.actors.iter().filter_map(|a| place.get(&a.id).copied()));
        seen.sort_unstable();
        seen.dedup();
        for &i in &seen {
            counts[i].1 += 1;
        }
    }
    counts.retain(|(_, n)| *n > 0);
    counts.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| corpus.actor_name(&a.0).cmp(corpus.actor_name(&b.0))));
    counts
}

/// Where in the list of `shown` events (indices into `corpus.events`, ascending) an anchor
/// of the timeline points: its event, or the first event of its year. `None` if the
/// filters hide it.
pub fn anchor_position(corpus: &Corpus, shown: &[usize], anchor: &TimelineAnchor) -> Option<usize> {
    match anchor {
        TimelineAnchor::Event(id) => shown.iter().position(|&i| &corpus.events[i].id == id),
        TimelineAnchor::Year(year) => shown.iter().position(|&i| corpus.events[i].date.first_day().0 == *year),
    }
}
