//! What the lists show before the reader asks for more. The build works out each list's
//! unfiltered first view from the whole corpus and writes it in the list's slice, so the
//! list opens from one small file whatever the corpus's size:
//! - the quotes page ([`QuotesFirst`]): the first page of quotes, the count, the facets;
//!   every quote and the search index are fetched when the reader asks for more (a
//!   search, a filter, "Show more", an export);
//! - the timeline ([`TimelineFirst`]): the first page of events, the count, the chart of
//!   every event (its marks and its counts by stretch of time) and the actor picker's
//!   counts; every event is fetched for a filter, a zoom, a folded lane, "Show more".
//!
//! [`QuoteAnswer`] and [`TimelineAnswer`] are the pages' one way to their results: from
//! the whole corpus when it is in, from the build's first view when that is all there is
//! and the query is the unfiltered list, and otherwise `None`: the page must fetch the
//! rest before it shows anything, so a partial answer is never presented as complete.

use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::chart::{layout_folded, Chart};
use crate::core::facets::{quote_facets, QuoteFacets};
use crate::core::model::{ActorId, Corpus, EventId, Quote, QuoteId};
use crate::core::route::{QuoteQuery, TimelineQuery};
use crate::core::pack::{Need, SearchFiles, EXCERPT_QUOTES};
use crate::core::search::{Guide, Hit, QuoteIndex, Ranking, ShardedIndex};
use crate::core::site::LIST_PAGE;
use crate::core::timeline::{actor_counts, filter};

/// The unfiltered quote list as the whole index answers it: how many quotes, the first
/// page's quotes in result order (by id; the slice that carries this holds them), and
/// the facets.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct QuotesFirst {
    pub total: usize,
    pub order: Vec<QuoteId>,
    pub facets: QuoteFacets,
    /// Where the search is sharded, what a query typed on the page guesses its chunks
    /// from, to fetch them beside the terms shard ([`crate::core::search::likely_chunks`]).
    /// Empty otherwise.
    pub guide: Guide,
}

impl QuotesFirst {
    /// The first page of `corpus`'s unfiltered quote list (at build time, from the whole
    /// corpus and its index).
    pub fn of(index: &QuoteIndex, corpus: &Corpus) -> QuotesFirst {
        let query = QuoteQuery::default();
        let ranking = index.rank(corpus, &query);
        let order = ranking.first(LIST_PAGE).iter().map(|hit| corpus.quotes[hit.quote].id.clone()).collect();
        QuotesFirst { total: ranking.len(), facets: quote_facets(index, corpus, &query, &ranking), order, guide: Guide::default() }
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
    Ranked(Arc<Ranking>),
    /// The sharded index holds what the query reads: the count, order and facets are
    /// whole; a hit's record is shown once its excerpts file is in (`found`).
    Sharded(Arc<Ranking>),
    /// Only the build's first page of the unfiltered list is in (shared with the page's
    /// data: at newsroom scale its facets are thousands of names, too many to copy or
    /// drop at each keystroke).
    First(Arc<QuotesFirst>),
}

/// The search indexes a page may hold: the whole one (every quote in) and the sharded one.
#[derive(Clone, Copy, Default)]
pub struct Indexes<'a> {
    pub whole: Option<&'a QuoteIndex>,
    pub sharded: Option<&'a ShardedIndex>,
}

impl QuoteAnswer {
    /// The answer to `query`: ranked by the whole index if it is in, else by the sharded
    /// index if it holds the chunks the query reads, else the build's `first` page if the
    /// query is the unfiltered list, else `None`.
    pub fn of(indexes: Indexes<'_>, first: Option<&Arc<QuotesFirst>>, corpus: &Corpus, query: &QuoteQuery) -> Option<QuoteAnswer> {
        if let Some(index) = indexes.whole {
            return Some(QuoteAnswer::Ranked(Arc::new(index.rank(corpus, query))));
        }
        if let Some(Ok(ranking)) = indexes.sharded.map(|s| s.rank(corpus, query)) {
            return Some(QuoteAnswer::Sharded(ranking));
        }
        match first {
            Some(first) if *query == QuoteQuery::default() => Some(QuoteAnswer::First(first.clone())),
            _ => None,
        }
    }

    /// How many quotes match (exact in both cases).
    pub fn len(&self) -> usize {
        match self {
            QuoteAnswer::Ranked(r) | QuoteAnswer::Sharded(r) => r.len(),
            QuoteAnswer::First(f) => f.total,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The quote numbers among the first `n` results whose records are not in `found`
    /// (a sharded answer's; the others hold their records or cannot show `n`).
    pub fn lacking(&self, found: &BTreeMap<u32, Quote>, n: usize) -> Vec<u32> {
        match self {
            QuoteAnswer::Sharded(r) => r.first(n).iter().map(|hit| hit.quote as u32).filter(|q| !found.contains_key(q)).collect(),
            _ => Vec::new(),
        }
    }

    /// Whether the first `n` results can be shown from what is in.
    pub fn covers(&self, found: &BTreeMap<u32, Quote>, n: usize) -> bool {
        match self {
            QuoteAnswer::Ranked(_) => true,
            QuoteAnswer::Sharded(_) => self.lacking(found, n).is_empty(),
            QuoteAnswer::First(f) => n <= f.order.len() || f.is_whole(),
        }
    }

    /// The facets beside the results, from the index the answer was ranked with (or the
    /// build's, [`QuoteAnswer::build_facets`]).
    pub fn facets(&self, indexes: Indexes<'_>, first: Option<&QuotesFirst>, corpus: &Corpus, query: &QuoteQuery) -> QuoteFacets {
        if let Some(facets) = self.build_facets(indexes, first, query) {
            return facets.clone();
        }
        match (self, indexes.whole, indexes.sharded) {
            (QuoteAnswer::Ranked(r), Some(index), _) => quote_facets(index, corpus, query, r),
            (QuoteAnswer::Sharded(r), _, Some(sharded)) => sharded.facets(corpus, query, r),
            (QuoteAnswer::First(f), _, _) => f.facets.clone(),
            _ => QuoteFacets::default(),
        }
    }

    /// The build's facets of the unfiltered list (`first`'s, counted over every quote),
    /// for a sharded answer to it whose index has not read the speakers: the same counts,
    /// and the static page's (which the app adopts as it is).
    fn build_facets<'a>(&self, indexes: Indexes<'_>, first: Option<&'a QuotesFirst>, query: &QuoteQuery) -> Option<&'a QuoteFacets> {
        match (self, indexes.sharded, first) {
            (QuoteAnswer::Sharded(_), Some(sharded), Some(first)) if !sharded.has_speakers() && *query == QuoteQuery::default() => Some(&first.facets),
            _ => None,
        }
    }

    /// Whether the facets' speaker counts are in: a sharded index reads who said each
    /// quote after the results (its speaker facet is empty until then, never wrong),
    /// unless the build counted them ([`QuoteAnswer::build_facets`]).
    pub fn speakers_counted(&self, indexes: Indexes<'_>, first: Option<&QuotesFirst>, query: &QuoteQuery) -> bool {
        match (self, indexes.sharded) {
            (QuoteAnswer::Sharded(_), Some(sharded)) => sharded.has_speakers() || self.build_facets(indexes, first, query).is_some(),
            _ => true,
        }
    }

    /// The first `n` results explained, each with its record (what a page of results
    /// shows), or `None` if they are not all in ([`QuoteAnswer::covers`]): never a
    /// shorter page than the answer says. `found` holds the records fetched by number.
    pub fn page(&self, indexes: Indexes<'_>, corpus: &Corpus, found: &BTreeMap<u32, Quote>, n: usize) -> Option<Vec<(Hit, Quote)>> {
        match (self, indexes.whole, indexes.sharded) {
            (QuoteAnswer::Ranked(r), Some(index), _) => r
                .explain_first(index, corpus, n)
                .into_iter()
                .map(|hit| {
                    let quote = corpus.quotes.get(hit.quote)?.clone();
                    Some((hit, quote))
                })
                .collect(),
            (QuoteAnswer::Sharded(r), _, Some(sharded)) => r
                .first(n)
                .iter()
                .map(|hit| {
                    let quote = found.get(&(hit.quote as u32))?;
                    Some((sharded.explain(r, &quote.text, hit), quote.clone()))
                })
                .collect(),
            (QuoteAnswer::First(f), _, _) if self.covers(found, n) => f
                .order
                .iter()
                .take(n)
                .map(|id| {
                    let quote = corpus.quote_number(id)?;
                    Some((Hit { quote, score: 0, fuzzy_terms: 0, highlights: Vec::new(), reasons: Vec::new() }, corpus.quotes[quote].clone()))
                })
                .collect(),
            _ => None,
        }
    }

    /// Every result in order (for an export), or `None` if they are not all in (a
    /// sharded answer never holds them all: an export fetches every quote).
    pub fn all(&self, corpus: &Corpus) -> Option<Vec<usize>> {
        match self {
            QuoteAnswer::Ranked(r) => Some(r.first(usize::MAX).iter().map(|hit| hit.quote).collect()),
            QuoteAnswer::First(f) if f.is_whole() => f.order.iter().map(|id| corpus.quote_number(id)).collect(),
            QuoteAnswer::First(_) | QuoteAnswer::Sharded(_) => None,
        }
    }
}

/// The most excerpts files one need asks for: the rest of a page of results comes in
/// batches, each a task of its own after the first screen is painted (a page of 100 hits
/// is about 80 files, and asking for all at once holds the page for tens of
/// milliseconds). At least a first screen's worth, so that comes in one batch.
pub const EXCERPTS_AT_ONCE: usize = 20;

/// What the quotes page must fetch before it shows the first `n` results of `query`
/// (`answer` is what is in answers, [`QuoteAnswer::of`]), or `None` if nothing. Without a
/// sharded index (`files`), every quote and the index; with one, its terms and columns
/// and the chunks the query's words read (asked for together: the fetch reads which from
/// the terms shard), then the excerpts files of the hits to show, [`EXCERPTS_AT_ONCE`]
/// at a time (the page asks again for the rest).
pub fn quotes_need(
    answer: Option<&QuoteAnswer>,
    files: Option<&SearchFiles>,
    sharded: Option<&ShardedIndex>,
    found: &BTreeMap<u32, Quote>,
    query: &QuoteQuery,
    n: usize,
) -> Option<Need> {
    match answer {
        Some(a @ QuoteAnswer::Sharded(_)) => {
            // The files of the first hits lacking, in result order, at most a batch.
            let mut excerpts: Vec<u32> = Vec::new();
            for file in a.lacking(found, n).into_iter().map(|q| q / EXCERPT_QUOTES as u32) {
                if excerpts.len() == EXCERPTS_AT_ONCE {
                    break;
                }
                if !excerpts.contains(&file) {
                    excerpts.push(file);
                }
            }
            excerpts.sort_unstable();
            (!excerpts.is_empty()).then(|| Need::sharded(Vec::new(), excerpts))
        }
        Some(a) if a.covers(found, n) => None,
        _ => match (files, sharded) {
            (None, _) => Some(Need::search()),
            // The terms and columns, the chunks its words are surely in beside them, and
            // the rest as soon as the terms say which.
            (Some(_), None) => Some(Need::sharded_query(query)),
            (Some(_), Some(index)) => {
                // The chunks its words read; the hits' records follow once it is ranked.
                let chunks: Vec<u32> = index.missing(query).into_iter().map(|k| k as u32).collect();
                Some(Need::sharded(chunks, Vec::new()))
            }
        },
    }
}

/// What the quotes page must fetch to count the speakers of a sharded `answer` to
/// `query` (the speakers unit, [`QuoteAnswer::speakers_counted`]), or `None`; nothing
/// when nothing matches: there are no facets to count.
pub fn speakers_need(answer: Option<&QuoteAnswer>, indexes: Indexes<'_>, first: Option<&QuotesFirst>, query: &QuoteQuery) -> Option<Need> {
    let (answer, index) = (answer?, indexes.sharded?);
    (!answer.is_empty() && !answer.speakers_counted(indexes, first, query)).then(|| Need::sharded(vec![index.speakers() as u32], Vec::new()))
}

/// What the quotes page offers when nothing matches a query.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NoMatch {
    /// How many quotes the words find without the filters (0 when none are set).
    pub without_filters: usize,
    /// The query respelt with the corpus's closest words, if that finds something.
    pub suggestion: Option<String>,
}

impl NoMatch {
    /// The help for `query`, or the chunks a sharded index must read first.
    pub fn of(indexes: Indexes<'_>, corpus: &Corpus, query: &QuoteQuery) -> Result<NoMatch, Vec<usize>> {
        let words = QuoteQuery { q: query.q.clone(), ..QuoteQuery::default() };
        let filtered = *query != words;
        match (indexes.whole, indexes.sharded) {
            (Some(index), _) => Ok(NoMatch {
                without_filters: if filtered { index.rank(corpus, &words).len() } else { 0 },
                suggestion: index.suggest(corpus, query),
            }),
            (None, Some(sharded)) => Ok(NoMatch {
                without_filters: if filtered { sharded.rank(corpus, &words)?.len() } else { 0 },
                suggestion: sharded.suggest(corpus, query)?,
            }),
            (None, None) => Ok(NoMatch::default()),
        }
    }
}

/// The unfiltered timeline as the whole corpus gives it: how many events, the first
/// page's events in order, the chart of every event (its event numbers index `marked`,
/// the events it names) and the actor picker's counts. The slice that carries this holds
/// every event it names, without their evidence.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineFirst {
    pub total: usize,
    pub page: Vec<EventId>,
    pub chart: Option<Chart>,
    pub marked: Vec<EventId>,
    pub counts: Vec<(ActorId, usize)>,
}

impl TimelineFirst {
    /// The first view of `corpus`'s timeline (at build time, from every event).
    pub fn of(corpus: &Corpus) -> TimelineFirst {
        let query = TimelineQuery::default();
        let shown = filter(corpus, &query);
        let chart = layout_folded(corpus, &shown, &query, &[]);
        let numbers = chart.events();
        let at = |n: usize| numbers.binary_search(&n).ok();
        TimelineFirst {
            total: shown.len(),
            page: shown.iter().take(LIST_PAGE).map(|&i| corpus.events[i].id.clone()).collect(),
            chart: chart.map_events(at),
            marked: numbers.iter().map(|&i| corpus.events[i].id.clone()).collect(),
            counts: actor_counts(corpus, &query),
        }
    }

    /// Every event it names (the page's and the chart's), once each.
    pub fn events(&self) -> impl Iterator<Item = &EventId> {
        let mut all: Vec<&EventId> = self.page.iter().chain(&self.marked).collect();
        all.sort();
        all.dedup();
        all.into_iter()
    }
}

/// Whether every event `query` can keep is in `corpus` because the lanes of the actors it
/// chooses are (`lanes`: the actors whose every event is in): each event it keeps
/// involves one of them. An actor the catalog does not name has no events to wait for.
pub fn lanes_cover(corpus: &Corpus, lanes: &[ActorId], query: &TimelineQuery) -> bool {
    !query.actors.is_empty() && query.actors.iter().all(|a| lanes.contains(a) || corpus.actor(a).is_none())
}

/// The timeline's events for one query, from what is in; event numbers index the
/// corpus the answer was made from.
#[derive(Clone, Debug, PartialEq)]
pub enum TimelineAnswer {
    /// Every event the query can keep is in (every event, or the chosen actors' lanes:
    /// [`lanes_cover`]): the query's events, in order.
    Whole(Vec<usize>),
    /// Only the build's first view of the unfiltered timeline is in.
    First { total: usize, page: Vec<usize>, chart: Chart, counts: Vec<(ActorId, usize)> },
}

impl TimelineAnswer {
    /// The answer to `query`: filtered from the events in if they hold every event the
    /// query can keep (`whole`: every event, or the chosen actors' lanes),
    /// else the build's `first` view if the query is the unfiltered timeline and every
    /// event it names is in `corpus`, else `None`.
    pub fn of(corpus: &Corpus, whole: bool, first: Option<&TimelineFirst>, query: &TimelineQuery) -> Option<TimelineAnswer> {
        if whole {
            return Some(TimelineAnswer::Whole(filter(corpus, query)));
        }
        let first = first.filter(|_| *query == TimelineQuery::default())?;
        let page = first.page.iter().map(|id| corpus.event_number(id)).collect::<Option<Vec<usize>>>()?;
        let marked = first.marked.iter().map(|id| corpus.event_number(id)).collect::<Option<Vec<usize>>>()?;
        let chart = first.chart.as_ref()?.map_events(|n| marked.get(n).copied())?;
        Some(TimelineAnswer::First { total: first.total, page, chart, counts: first.counts.clone() })
    }

    /// How many events the query keeps (exact in both cases).
    pub fn len(&self) -> usize {
        match self {
            TimelineAnswer::Whole(shown) => shown.len(),
            TimelineAnswer::First { total, .. } => *total,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The events in order as far as they are in: all of them, or the first page.
    pub fn shown(&self) -> &[usize] {
        match self {
            TimelineAnswer::Whole(shown) => shown,
            TimelineAnswer::First { page, .. } => page,
        }
    }

    /// Whether the first `n` events can be shown from what is in.
    pub fn covers(&self, n: usize) -> bool {
        match self {
            TimelineAnswer::Whole(_) => true,
            TimelineAnswer::First { total, page, .. } => n <= page.len() || page.len() >= *total,
        }
    }

    /// Every event the query keeps, or `None` if they are not all in.
    pub fn all(&self) -> Option<&[usize]> {
        match self {
            TimelineAnswer::Whole(shown) => Some(shown),
            TimelineAnswer::First { total, page, .. } => (page.len() >= *total).then_some(page.as_slice()),
        }
    }

    /// The chart with the lanes in `folded` folded, or `None` if that needs every event
    /// (a fold of the build's first view).
    pub fn chart(&self, corpus: &Corpus, query: &TimelineQuery, folded: &[Option<ActorId>]) -> Option<Chart> {
        match self {
            TimelineAnswer::Whole(shown) => Some(layout_folded(corpus, shown, query, folded)),
            TimelineAnswer::First { chart, .. } => folded.is_empty().then(|| chart.clone()),
        }
    }
}

/// The actor picker's counts for `query` from what is in: each actor's events among those
/// every filter but the actor filter keeps, most first. Counted from every event if they
/// are all in (`whole`); else the build's `first` counts if no other filter is set (the
/// actor filter does not change them); else `None`, until every event is in.
pub fn picker_counts(corpus: &Corpus, whole: bool, first: Option<&TimelineFirst>, query: &TimelineQuery) -> Option<Vec<(ActorId, usize)>> {
    if whole {
        return Some(actor_counts(corpus, query));
    }
    first.filter(|_| !query.without_actors().is_filtered()).map(|f| f.counts.clone())
}
