//! What the quotes page shows before the reader searches. The build works out the
//! unfiltered list's first page, its count and its facets ([`QuotesFirst`]) and writes
//! them in the quotes page's slice, so `/quotes` opens with one page of quotes whatever
//! the corpus's size; every quote and the search index are fetched only when the reader
//! asks for more (a search, a filter, "Show more", an export).
//!
//! [`QuoteAnswer`] is the page's one way to its results: from the whole index when it is
//! in, from the build's first page when that is all there is and the query is the
//! unfiltered list, and otherwise `None`: the page must fetch the rest before it shows
//! anything, so a partial answer is never presented as complete.

use serde::{Deserialize, Serialize};

use crate::core::facets::{quote_facets, QuoteFacets};
use crate::core::model::{Corpus, QuoteId};
use crate::core::route::QuoteQuery;
use crate::core::search::{Hit, QuoteIndex, Ranking};
use crate::core::site::LIST_PAGE;

/// The unfiltered quote list as the whole index answers it: how many quotes, the first
/// page's quotes in result order (by id; the slice that carries this holds them), and
/// the facets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotesFirst {
    pub total: usize,
    pub order: Vec<QuoteId>,
    pub facets: QuoteFacets,
}

impl QuotesFirst {
    /// The first page of `corpus`'s unfiltered quote list (at build time, from the whole
    /// corpus and its index).
    pub fn of(index: &QuoteIndex, corpus: &Corpus) -> QuotesFirst {
        let query = QuoteQuery::default();
        let ranking = index.rank(corpus, &query);
        let order = ranking.first(LIST_PAGE).iter().map(|hit| corpus.quotes[hit.quote].id.clone()).collect();
        QuotesFirst { total: ranking.len(), facets: quote_facets(index, corpus, &query, &ranking), order }
    }

    /// Whether the first page is the whole list.
    pub fn is_whole(&self) -> bool {
        self.order.len() >= self.total
    }
}

/// The quotes page's results for one query, from what is in.
#[derive(Clone, Debug, PartialEq)]
pub enum QuoteAnswer {
    /// Every quote and the index are in: any query is answered in full.
    Ranked(Ranking),
    /// Only the build's first page of the unfiltered list is in.
    First(QuotesFirst),
}

impl QuoteAnswer {
    /// The answer to `query`: ranked by `index` if the whole index is in (`Some`),
    /// else the build's `first` page if the query is the unfiltered list, else `None`.
    pub fn of(index: Option<&QuoteIndex>, first: Option<&QuotesFirst>, corpus: &Corpus, query: &QuoteQuery) -> Option<QuoteAnswer> {
        match (index, first) {
            (Some(index), _) => Some(QuoteAnswer::Ranked(index.rank(corpus, query))),
            (None, Some(first)) if *query == QuoteQuery::default() => Some(QuoteAnswer::First(first.clone())),
            _ => None,
        }
    }

    /// How many quotes match (exact in both cases).
    pub fn len(&self) -> usize {
        match self {
            QuoteAnswer::Ranked(r) => r.len(),
            QuoteAnswer::First(f) => f.total,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether the first `n` results can be shown from what is in.
    pub fn covers(&self, n: usize) -> bool {
        match self {
            QuoteAnswer::Ranked(_) => true,
            QuoteAnswer::First(f) => n <= f.order.len() || f.is_whole(),
        }
    }

    /// The facets beside the results. `index` is the one the answer was ranked with.
    pub fn facets(&self, index: Option<&QuoteIndex>, corpus: &Corpus, query: &QuoteQuery) -> QuoteFacets {
        match (self, index) {
            (QuoteAnswer::Ranked(r), Some(index)) => quote_facets(index, corpus, query, r),
            (QuoteAnswer::First(f), _) => f.facets.clone(),
            (QuoteAnswer::Ranked(_), None) => QuoteFacets::default(),
        }
    }

    /// The first `n` results explained (what a page of results shows), or `None` if they
    /// are not all in ([`QuoteAnswer::covers`]). A quote of the first page missing from
    /// `corpus` is `None` too: never a shorter page than the answer says.
    pub fn page(&self, index: Option<&QuoteIndex>, corpus: &Corpus, n: usize) -> Option<Vec<Hit>> {
        match (self, index) {
            (QuoteAnswer::Ranked(r), Some(index)) => Some(r.explain_first(index, corpus, n)),
            (QuoteAnswer::First(f), _) if self.covers(n) => f
                .order
                .iter()
                .take(n)
                .map(|id| {
                    let quote = corpus.quote_number(id)?;
                    Some(Hit { quote, score: 0, fuzzy_terms: 0, highlights: Vec::new(), reasons: Vec::new() })
                })
                .collect(),
            _ => None,
        }
    }

    /// Every result in order (for an export), or `None` if they are not all in.
    pub fn all(&self, corpus: &Corpus) -> Option<Vec<usize>> {
        match self {
            QuoteAnswer::Ranked(r) => Some(r.first(usize::MAX).iter().map(|hit| hit.quote).collect()),
            QuoteAnswer::First(f) if f.is_whole() => f.order.iter().map(|id| corpus.quote_number(id)).collect(),
            QuoteAnswer::First(_) => None,
        }
    }
}
