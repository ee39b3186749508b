//! What the dossier contains, for the home page: counts, the span of dates covered and
//! the documents it starts from. Read from the corpus's [`crate::core::model::Counts`]
//! and its catalog, so a page that holds only the catalog (the home page in the browser)
//! tells the same numbers as the whole corpus.

use crate::core::date::PartialDate;
use crate::core::model::{ActorKind, Corpus, Document};

/// Documents the home page lists: the page stays a screenful at any corpus size (a
/// newsroom's hundreds of documents are on `/documents`, a link away).
pub const HOME_DOCUMENTS: usize = 10;

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

/// The documents the home page lists: the [`HOME_DOCUMENTS`] most recently published
/// (by the last day their publication date can be), those of unknown date after the
/// dated ones; documents of the same date, and every undated one, in the corpus's order.
pub fn latest_documents(corpus: &Corpus) -> Vec<&Document> {
    let mut documents: Vec<&Document> = corpus.documents.iter().collect();
    // (A stable sort: equal keys keep the corpus's order.)
    documents.sort_by_key(|d| std::cmp::Reverse(d.published.as_ref().map(|p| p.last_day())));
    documents.truncate(HOME_DOCUMENTS);
    documents
}
