//! Counts the quotes page and an actor's page show beside their lists: the quote facets
//! (speaker, kind, document) and who appears most often with an actor. Pure functions of
//! the corpus and the query, so the components only show what they return.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::core::model::{ActorId, Corpus, DocumentId, QuoteKind};
use crate::core::route::QuoteQuery;
use crate::core::search::{QuoteIndex, Ranking};

/// For each facet of the quotes page, how many results each value has with that facet's
/// own filter lifted, so choosing another value is always possible. Values with no
/// result are left out.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuoteFacets {
    /// Speakers, most quoted first, then by name.
    pub speakers: Vec<(ActorId, usize)>,
    /// Kinds, in the vocabulary's order.
    pub kinds: Vec<(QuoteKind, usize)>,
    /// Documents, in the corpus's order.
    pub documents: Vec<(DocumentId, usize)>,
}

impl QuoteFacets {
    /// Whether there is nothing to narrow (nothing matches, whatever the filters).
    pub fn is_empty(&self) -> bool {
        self.speakers.is_empty() && self.kinds.is_empty() && self.documents.is_empty()
    }
}

/// The facets of `query`, whose results are `found`. One unordered pass over the hits
/// per facet: counting needs no ranking. A facet whose own filter is not set counts
/// `found` itself (typing with no filter searches once, not four times).
pub fn quote_facets(index: &QuoteIndex, corpus: &Corpus, query: &QuoteQuery, found: &Ranking) -> QuoteFacets {
    let each_hit = |lift: &dyn Fn(&mut QuoteQuery), visit: &mut dyn FnMut(usize)| {
        let mut wider = query.clone();
        lift(&mut wider);
        if &wider == query {
            found.unordered().for_each(|hit| visit(hit.quote));
        } else {
            index.rank(corpus, &wider).unordered().for_each(|hit| visit(hit.quote));
        }
    };
    // What each hit is read from the index's columns (a sharded index has no quotes),
    // counted by number: a search can match most of a large corpus.
    let mut by_speaker = vec![0usize; index.speaker_numbers()];
    each_hit(&|w| w.speakers.clear(), &mut |i| {
        if let Some(n) = index.speaker_number(i).and_then(|e| by_speaker.get_mut(e)) {
            *n += 1;
        }
    });
    let mut speakers: Vec<(ActorId, usize)> = by_speaker
        .into_iter()
        .enumerate()
        .filter(|&(_, n)| n > 0)
        .filter_map(|(e, n)| Some((index.speaker_numbered(e)?.clone(), n)))
        .collect();
    speakers.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| corpus.actor_name(&a.0).cmp(corpus.actor_name(&b.0))).then_with(|| a.0.cmp(&b.0)));
    let mut by_kind = vec![0usize; QuoteKind::ALL.len()];
    each_hit(&|w| w.kind = None, &mut |i| {
        if let Some(n) = index.kind_of(i).and_then(|k| by_kind.get_mut(k as usize)) {
            *n += 1;
        }
    });
    let kinds = QuoteKind::ALL.iter().copied().zip(by_kind).filter(|&(_, n)| n > 0).collect();
    let mut by_doc = vec![0usize; corpus.documents.len()];
    each_hit(&|w| w.doc = None, &mut |i| {
        if let Some(n) = index.document_of(i).and_then(|d| by_doc.get_mut(d)) {
            *n += 1;
        }
    });
    let documents = corpus.documents.iter().zip(by_doc).filter(|(_, n)| *n > 0).map(|(d, n)| (d.id.clone(), n)).collect();
    QuoteFacets { speakers, kinds, documents }
}

/// The actors who share the most events with `actor`, most first (then by id), at most
/// `limit` of them.
pub fn companions(corpus: &Corpus, actor: &ActorId, limit: usize) -> Vec<(ActorId, usize)> {
    let mut together: BTreeMap<&ActorId, usize> = BTreeMap::new();
    for &i in corpus.events_involving(actor) {
        let mut others: Vec<&ActorId> = corpus.events[i].actors.iter().map(|a| &a.id).filter(|id| *id != actor).collect();
        // An actor named twice in one event (two roles) shares it once.
        others.sort();
        others.dedup();
        for id in others {
            *together.entry(id).or_default() += 1;
        }
    }
    let mut together: Vec<(ActorId, usize)> = together.into_iter().map(|(id, n)| (id.clone(), n)).collect();
    together.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    together.truncate(limit);
    together
}
