//! What the dossier contains, for the home page: counts and the span of dates covered.
//! Read from the corpus's [`crate::core::model::Counts`], so a page that holds only the
//! catalog (the home page in the browser) tells the same numbers as the whole corpus.

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
    Summary {
        documents: corpus.documents.len(),
        quotes: corpus.counts.quotes,
        events: corpus.counts.events,
        actors: corpus.actors.len(),
        places: corpus.places.len(),
        actors_by_kind: ActorKind::ALL
            .iter()
            .map(|&k| (k, corpus.actors.iter().filter(|a| a.kind == k).count()))
            .filter(|&(_, n)| n > 0)
            .collect(),
        span: corpus.counts.span,
    }
}
