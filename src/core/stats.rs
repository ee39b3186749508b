//! What the dossier contains, for the home page: counts and the span of dates covered.

use crate::core::date::PartialDate;
use crate::core::model::{ActorKind, Corpus};

/// Counts of everything in a corpus and the dates its events span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub documents: usize,
    pub quotes: usize,
    pub events: usize,
    pub actors: usize,
    pub places: usize,
    /// Actors per kind, in [`ActorKind::ALL`] order, kinds with none left out.
    pub actors_by_kind: Vec<(ActorKind, usize)>,
    /// Earliest event start and latest event end (or start), if there are events.
    pub span: Option<(PartialDate, PartialDate)>,
}

pub fn summary(corpus: &Corpus) -> Summary {
    let first = corpus.events.iter().map(|e| e.date.start).min();
    let last = corpus.events.iter().map(|e| e.date.end.unwrap_or(e.date.start)).max();
    Summary {
        documents: corpus.documents.len(),
        quotes: corpus.quotes.len(),
        events: corpus.events.len(),
        actors: corpus.actors.len(),
        places: corpus.places.len(),
        actors_by_kind: ActorKind::ALL
            .iter()
            .map(|&k| (k, corpus.actors.iter().filter(|a| a.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect(),
        span: first.zip(last),
    }
}
