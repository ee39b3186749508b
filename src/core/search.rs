//! Quote search: folded, typo-tolerant, alias-aware matching with phrases, ranking and
//! highlight ranges.
//!
//! [`QuoteIndex`] is built once from a [`Corpus`]: a sorted vocabulary of folded words,
//! postings from each word to where it stands, and the name forms of every actor and
//! place. [`QuoteIndex::search`] answers a [`QuoteQuery`]:
//!
//! - every term must match (several words mean all of them);
//! - a word matches exactly, as a prefix when it is the last word being typed, or within
//!   one edit (five letters or more) or two (nine or more), a swap of neighbours counting
//!   as one; a typo match never outranks a quote that matched without typos;
//! - `"double quotes"` match only that exact sequence of words;
//! - a `-` at a word's start leaves out every quote the word, a name or a quoted phrase
//!   after it would find matched whole (no prefix, no typo): `russia -aleppo`, `-Putin`
//!   (quotes naming him in any form, and what he said), `-"no fly"`; a query that only
//!   leaves out lists every other quote;
//! - a name or alias of an actor or place (any spelling, Arabic script) matches quotes
//!   that name it in any of its forms or were said by it, and the hit says why;
//! - results carry byte ranges to highlight in the quote text, never markup.
//!
//! Searching is two steps, so a query matching 30,000 of 100,000 quotes stays within a
//! frame: [`QuoteIndex::rank`] finds every match in one per-quote array kept between
//! queries (no allocation per hit) and puts only the first page in order (the rest when
//! asked for), and [`Ranking::explain`] works out the highlights and reasons of the hits
//! actually shown. [`QuoteIndex::search`] does both for every hit; the simple
//! implementation it replaced is kept in `reference.rs` as the property tests' oracle.
//! `binary.rs` stores the index as compact bytes.


use rustc_hash::{FxHashMap, FxHashSet};
use std::borrow::Cow;
use std::ops::Range;
use std::sync::{Arc, Mutex};

use crate::core::chart::day_number;
use crate::core::date::DateSpec;
use crate::core::fold::{tokens, word_ranges, word_spans};
use crate::core::model::{Actor, ActorId, Corpus, DocumentId, Place, Quote, QuoteKind};
use crate::core::site::LIST_PAGE;
use crate::core::route::{QuoteQuery, QuoteSort};

mod binary;
mod reference;
mod shards;

pub use binary::IndexError;
pub use shards::{likely_chunks, Guide, Names, Shards, ShardedIndex, CHUNK_BYTES};

type TokenId = u32;

/// Where a word stands: quote index and word position in that quote (ordered so).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
struct Posting {
    quote: u32,
    word: u32,
}

/// A named thing the query may refer to by any of its names.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Entity {
    name: String,
    /// The actor, when the entity is one (its quotes match too).
    actor: Option<ActorId>,
    /// Each name form as written and as folded tokens.
    forms: Vec<(String, Vec<String>)>,
    /// The quotes the actor said, ascending (none for a place).
    quotes: Vec<u32>,
    /// The vocabulary ids of the words of all its names, sorted, once each.
    name_tokens: Vec<TokenId>,
}

/// Each of the first `actors` entities' quotes (by the columns' speakers), ascending;
/// counted first so every list is allocated once.
fn said_by(actors: usize, columns: &Columns) -> Vec<Vec<u32>> {
    let mut said: Vec<usize> = vec![0; actors];
    for &e in &columns.speaker {
        if let Some(n) = said.get_mut(e as usize) {
            *n += 1;
        }
    }
    let mut said_by: Vec<Vec<u32>> = said.into_iter().map(Vec::with_capacity).collect();
    for (q, &e) in columns.speaker.iter().enumerate() {
        if let Some(list) = said_by.get_mut(e as usize) {
            list.push(q as u32);
        }
    }
    said_by
}

/// What an index reads of a corpus's catalog: how many quotes and documents it counts,
/// and its actors and places (their names and aliases). A sharded index is opened from
/// the catalog alone, without building a corpus around it.
#[derive(Clone, Copy, Debug)]
pub struct CatalogOf<'a> {
    pub quotes: usize,
    pub documents: usize,
    pub actors: &'a [Actor],
    pub places: &'a [Place],
}

impl<'a> From<&'a Corpus> for CatalogOf<'a> {
    fn from(corpus: &'a Corpus) -> CatalogOf<'a> {
        CatalogOf { quotes: corpus.counts.quotes, documents: corpus.documents.len(), actors: &corpus.actors, places: &corpus.places }
    }
}

/// Search structures for every quote of a corpus, in corpus order.
///
/// Whole when built from a corpus ([`QuoteIndex::new`]) or from the `index` bytes; a
/// sharded index (`shards.rs`) holds the same vocabulary and columns but only the postings
/// of the chunks read so far, and answers only through [`ShardedIndex`], which says what
/// a query still needs.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteIndex {
    /// Sorted, unique folded words of all quote texts and speaker names.
    vocabulary: Vec<String>,
    /// For each vocabulary word, its length in characters and [`letter_mask`], so the
    /// typo scan skips most words without measuring an edit distance.
    shapes: Vec<Shape>,
    /// For each vocabulary word, where it stands in quote texts, by quote then position.
    /// Where each word stands in the text is worked out again when a hit is explained:
    /// keeping 3 million byte ranges for 100,000 quotes would cost more memory than the
    /// rest of the index.
    postings: Vec<Vec<Posting>>,
    /// For each vocabulary word, the entities (by number) whose names contain it: their
    /// quotes match the word as said by them. Kept by entity, not by quote, so opening a
    /// sharded index does not walk every quote once per name word.
    named: Vec<Vec<u32>>,
    /// In a whole index, each quote's words as vocabulary ids, in order: phrases and
    /// highlights read them instead of looking positions up (three times faster per
    /// keystroke). Empty in a sharded index, which reads a hit's words from its text.
    words: Vec<Vec<TokenId>>,
    entities: Vec<Entity>,
    /// What a query reads of each quote besides its words.
    columns: Columns,
    /// [`QuoteIndex::rank`]'s per-quote working memory, kept between queries.
    scratch: Kept<Vec<Slot>>,
    /// The last query prepared, kept for the next ask of the same words (what words
    /// expand to depends only on the vocabulary and the names, fixed once it is made).
    prepared: Kept<Option<(String, Arc<[Prepared]>)>>,
}

/// What ranking, filters and facets read of each quote besides its words, in corpus
/// order: with these, a query is answered without the quotes themselves (a sharded
/// index ships them on their own, `shards.rs`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
struct Columns {
    /// The entity of its speaker (an actor's entity is its place in `corpus.actors`);
    /// `u32::MAX` names nobody.
    speaker: Vec<u32>,
    /// Its document's place in `corpus.documents`.
    document: Vec<u32>,
    /// Its kind's place in [`QuoteKind::ALL`].
    kind: Vec<u8>,
    /// Its date as a sort key ([`date_key`]): by first day, undated last.
    date: Vec<u32>,
    /// Its number of words over 8: all the score reads of its length (shorter quotes with
    /// the same matches rank higher), and fewer bits to ship than the length.
    size: Vec<u32>,
}

impl Columns {
    fn len(&self) -> usize {
        self.size.len()
    }

    /// The columns of every quote of `corpus`, whose quotes have `length` words each;
    /// `entity_of` gives an actor's entity.
    fn of(corpus: &Corpus, entity_of: &FxHashMap<&ActorId, u32>, length: impl Iterator<Item = usize>) -> Columns {
        let document_of: FxHashMap<&DocumentId, u32> = corpus.documents.iter().enumerate().map(|(i, d)| (&d.id, i as u32)).collect();
        let quotes = &corpus.quotes;
        Columns {
            // Validation guarantees every speaker is an actor and every document known.
            speaker: quotes.iter().map(|q| entity_of.get(&q.speaker).copied().unwrap_or(u32::MAX)).collect(),
            document: quotes.iter().map(|q| document_of.get(&q.document).copied().unwrap_or(u32::MAX)).collect(),
            kind: quotes.iter().map(|q| QuoteKind::ALL.iter().position(|k| *k == q.kind).unwrap_or(0) as u8).collect(),
            date: quotes.iter().map(|q| date_key(q.said_on.as_ref())).collect(),
            size: length.map(|n| (n / 8) as u32).collect(),
        }
    }
}

/// A quote's date as a sort key: its first day's number (so a month sorts before its
/// days), undated (`u32::MAX`) last.
fn date_key(said_on: Option<&DateSpec>) -> u32 {
    said_on.map_or(u32::MAX, |d| (day_number(d.first_day()) + (1 << 31)).clamp(0, i64::from(u32::MAX) - 1) as u32)
}

/// A query's filters as the columns hold them.
struct Filter {
    /// The chosen speakers' entities, sorted (none known: nothing passes).
    speakers: Option<Vec<u32>>,
    document: Option<u32>,
    kind: Option<u8>,
}

impl Filter {
    /// `None` when the query filters nothing.
    fn of(index: &QuoteIndex, corpus: &Corpus, query: &QuoteQuery) -> Option<Filter> {
        if query.speakers.is_empty() && query.doc.is_none() && query.kind.is_none() {
            return None;
        }
        let speakers = (!query.speakers.is_empty()).then(|| {
            let mut e: Vec<u32> = index
                .entities
                .iter()
                .enumerate()
                .filter(|(_, e)| e.actor.as_ref().is_some_and(|a| query.speakers.contains(a)))
                .map(|(i, _)| i as u32)
                .collect();
            e.sort_unstable();
            e
        });
        // An unknown document or kind matches no quote.
        let document = query.doc.as_ref().map(|d| corpus.documents.iter().position(|x| &x.id == d).map_or(u32::MAX, |i| i as u32));
        let kind = query.kind.map(|k| QuoteKind::ALL.iter().position(|x| *x == k).map_or(u8::MAX, |i| i as u8));
        Some(Filter { speakers, document, kind })
    }

    /// Whether quote `q` passes. A sharded index reads the speakers only once they are
    /// in (`ShardedIndex::missing` asks for them first): until then none passes.
    fn passes(&self, c: &Columns, q: usize) -> bool {
        self.speakers.as_ref().is_none_or(|s| c.speaker.get(q).is_some_and(|e| s.binary_search(e).is_ok()))
            && self.document.is_none_or(|d| c.document.get(q) == Some(&d))
            && self.kind.is_none_or(|k| c.kind.get(q) == Some(&k))
    }
}

/// How a term matched a quote; the order is the ranking order (best last).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    Fuzzy,
    Prefix,
    Speaker,
    Exact,
    Phrase,
}

impl Strength {
    /// The strength whose `as u8` is `rank`.
    fn from_rank(rank: u8) -> Strength {
        match rank {
            0 => Strength::Fuzzy,
            1 => Strength::Prefix,
            2 => Strength::Speaker,
            3 => Strength::Exact,
            _ => Strength::Phrase,
        }
    }

    fn weight(self) -> u32 {
        match self {
            Strength::Fuzzy => 1,
            Strength::Prefix => 2,
            Strength::Speaker => 3,
            Strength::Exact => 4,
            Strength::Phrase => 6,
        }
    }
}

/// One quote that matched, with what to highlight and why it matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `corpus.quotes`.
    pub quote: usize,
    pub score: u32,
    /// How many terms matched only through a typo tolerance (ranked after exact matches).
    pub fuzzy_terms: usize,
    /// Byte ranges of matched words in the quote text, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
    /// Plain-language reasons beyond a literal match, e.g.
    /// "matched Ahmed al-Sharaa via alias Jolani" or "“lavorv” read as “lavrov”".
    pub reasons: Vec<String>,
}

/// A term of a query made ready to run: a word term with the vocabulary words it stands
/// for, in the order they are visited, and where each stands in that list.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Prepared {
    term: Term,
    expanded: Vec<(TokenId, Strength)>,
    position: FxHashMap<TokenId, usize>,
    /// For an entity term, the words of the name as typed.
    typed_tokens: Vec<String>,
    /// Whether the term's matches are left out (`-word`) rather than required. A query's
    /// prepared terms list those it keeps first, then those it leaves out.
    leave: bool,
}

/// A query's prepared terms: those a hit must match, then those it leaves out (listed
/// in that order, [`Prepared::leave`]).
fn kept_and_left(terms: &[Prepared]) -> (&[Prepared], &[Prepared]) {
    terms.split_at(terms.iter().take_while(|t| !t.leave).count())
}

/// One quote that matched, ranked, before its highlights are worked out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Ranked {
    /// Index into `corpus.quotes`.
    pub quote: usize,
    pub score: u32,
    /// How many terms matched only through a typo tolerance (ranked after exact matches).
    pub fuzzy_terms: usize,
}

/// How many hits [`QuoteIndex::rank`] puts in order at once: a page of results. Ordering
/// 10,000 hits per keystroke took half the time of a query; the rest are ordered only when
/// asked for ([`Ranking::first`] beyond a page, an export).
const ORDERED_AT_ONCE: usize = LIST_PAGE;

/// How many postings or quotes a ranking's loops take per call of a function of their
/// own ([`each_posting`], [`settle`], [`settle_last`], [`empty`]). In the browser a wasm
/// function runs as baseline code until it has run a while, and its optimized code is
/// used from its next call on (a call under way is not switched): a loop over the
/// 300,000 postings of a word at 1,000,000 quotes, in one call, would run wholly as
/// baseline code. (Measured there: a cold ranking of those 300,000 hits 78 → 54 ms, with
/// the last term's hits made as it is settled rather than in a pass of their own.)
const BATCH: usize = 4096;

/// After the last term `t`: each quote of `run` the term matched that matched every
/// earlier term (and, were it the first, that the filters allow) made a hit, keyed by
/// `keyed`; shorter quotes with the same matches rank higher (the match is more of the
/// quote). Each slot's term state is emptied; with one term, that is the whole slot (the
/// slots of the first of several terms' quotes are emptied after, [`empty`]).
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn settle_last(run: &[u32], slots: &mut [Slot], t: u32, allowed: &impl Fn(usize) -> bool, sizes: &[u32], keyed: &impl Fn(Ranked) -> (u128, Ranked), hits: &mut Vec<(u128, Ranked)>) {
    for &q in run {
        let i = q as usize;
        let slot = &mut slots[i];
        let Some((strength, term_score)) = slot.end_term(t, || allowed(i)) else { continue };
        let score = slot.score + term_score;
        let fuzzy = slot.fuzzy + u32::from(strength == Strength::Fuzzy);
        hits.push(keyed(Ranked { quote: i, score: score * 100 / (10 + sizes[i]), fuzzy_terms: fuzzy as usize }));
    }
}

/// Empties the slots of `run`'s quotes.
#[inline(never)]
fn empty(run: &[u32], slots: &mut [Slot]) {
    for &q in run {
        slots[q as usize] = Slot::default();
    }
}

/// Hands each of `run`'s postings, matched with `strength`, to `found`.
#[inline(never)]
fn each_posting(run: &[Posting], strength: Strength, found: &mut impl FnMut(u32, Strength, u8)) {
    for p in run {
        found(p.quote, strength, 1);
    }
}

/// After term `t`, not the last: for each quote of `run` the term matched, its best
/// strength and occurrences scored into its slot and the slot's term state emptied; a
/// quote that missed an earlier term (or, at the first, is not `allowed`) is left out;
/// those of the first term become the `candidates`.
#[inline(never)]
fn settle(run: &[u32], slots: &mut [Slot], t: u32, allowed: &impl Fn(usize) -> bool, candidates: &mut Vec<u32>) {
    for &q in run {
        let i = q as usize;
        let slot = &mut slots[i];
        let Some((strength, term_score)) = slot.end_term(t, || allowed(i)) else { continue };
        if t == 0 {
            candidates.push(q);
        }
        slot.matched += 1;
        slot.score += term_score;
        slot.fuzzy += u32::from(strength == Strength::Fuzzy);
    }
}

/// The quotes matching a query, the best of them in result order, and the query made
/// ready to explain any of them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ranking {
    /// Every hit with its sort key (unique, smallest first). The first `ordered` are in
    /// result order and come before all the others, which are in no particular order.
    hits: Vec<(u128, Ranked)>,
    ordered: usize,
    terms: Arc<[Prepared]>,
}

impl Ranking {
    /// How many quotes matched.
    pub fn len(&self) -> usize {
        self.hits.len()
    }

    pub fn is_empty(&self) -> bool {
        self.hits.is_empty()
    }

    /// The first `n` hits in result order (all of them for `usize::MAX`). Beyond the
    /// first page this orders the rest, a sort of every hit.
    pub fn first(&self, n: usize) -> Vec<Ranked> {
        if n <= self.ordered || self.ordered == self.hits.len() {
            return self.hits.iter().take(n).map(|&(_, hit)| hit).collect();
        }
        let mut rest = self.hits[self.ordered..].to_vec();
        rest.sort_unstable_by_key(|&(key, _)| key);
        self.hits[..self.ordered].iter().chain(&rest).take(n).map(|&(_, hit)| hit).collect()
    }

    /// Every hit, in no particular order: for counting them by speaker, document or kind.
    pub fn unordered(&self) -> impl Iterator<Item = &Ranked> {
        self.hits.iter().map(|(_, hit)| hit)
    }

    /// The hit with what to highlight in its text and why it matched.
    pub fn explain(&self, index: &QuoteIndex, corpus: &Corpus, hit: &Ranked) -> Hit {
        self.explain_text(index, corpus.quotes.get(hit.quote).map_or("", |q| q.text.as_str()), hit)
    }

    /// [`Ranking::explain`] given the hit's text (a sharded index's hits come with their
    /// records, not with every quote).
    pub fn explain_text(&self, index: &QuoteIndex, text: &str, hit: &Ranked) -> Hit {
        let mut highlights = Vec::new();
        // No words, nothing to find in the text (the list of every quote).
        // (Terms left out match nothing of a hit: nothing of them to mark or explain.)
        let (kept, _) = kept_and_left(&self.terms);
        let (spans, words) = if kept.is_empty() { (Vec::new(), Cow::Borrowed(&[][..])) } else { index.read(hit.quote, text) };
        let mut reasons: Vec<String> =
            kept.iter().filter_map(|term| index.explain_term(term, hit.quote, &spans, &words, &mut highlights)).collect();
        reasons.dedup();
        Hit { quote: hit.quote, score: hit.score, fuzzy_terms: hit.fuzzy_terms, highlights: merge(highlights), reasons }
    }

    /// The first `n` hits, explained: what a page of results shows.
    pub fn explain_first(&self, index: &QuoteIndex, corpus: &Corpus, n: usize) -> Vec<Hit> {
        self.first(n).iter().map(|hit| self.explain(index, corpus, hit)).collect()
    }
}

/// Sorted, disjoint ranges covering the same bytes as `ranges`.
fn merge(mut ranges: Vec<Range<usize>>) -> Vec<Range<usize>> {
    if ranges.len() < 2 {
        return ranges;
    }
    ranges.sort_unstable_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
    for r in ranges {
        match merged.last_mut() {
            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
            _ => merged.push(r),
        }
    }
    merged
}

/// A term of a parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Term {
    Word { word: String, prefix: bool },
    Phrase { words: Vec<String>, prefix: bool },
    /// A run of query words that is a name form of entity `entity`.
    Entity { entity: usize, typed: String },
}

/// A piece of a parsed query: a term every hit must match, or one whose matches are left
/// out (`-word`, `-"a phrase"`).
#[derive(Clone, Debug, PartialEq, Eq)]
enum Piece {
    Keep(Term),
    /// A `-` before a quoted phrase: that exact sequence of words.
    LeaveOut(Term),
    /// A `-` before a run of text: its words, read as a name when they spell one.
    LeaveOutWords(Vec<String>),
}

/// Why a quote naming `name` in its `written` form matched the `typed` form: through the
/// alias typed ("matched Ahmed al-Sharaa via alias Jolani"), or, when the name itself was
/// typed, as the form the text has ("matched Vladimir Putin as “Putin”").
fn alias_reason(name: &str, typed: &str, written: &str) -> String {
    if typed == name {
        format!("matched {name} as “{written}”")
    } else {
        format!("matched {name} via alias {typed}")
    }
}

/// Whether `c` marks what follows as left out: a hyphen-minus or a minus sign.
fn is_minus(c: char) -> bool {
    c == '-' || c == '\u{2212}'
}

/// The quote marks that open or close a phrase.
const QUOTE_MARKS: [char; 4] = ['"', '“', '”', '„'];

/// A stretch of a query's text: a run outside quote marks, or a phrase inside them; and
/// whether a minus leaves it out ([`segments`]).
struct Segment<'a> {
    text: &'a str,
    phrase: bool,
    leave: bool,
    /// For a phrase: whether its closing quote mark was typed.
    closed: bool,
    /// Whether it is of the text after the last quote mark (the end of what is typed).
    at_end: bool,
}

/// A query's text cut into [`Segment`]s, in order (curly quote marks are quote marks too).
/// A `-` at the start of a word (at the query's start or after a space) leaves out what
/// follows up to the next space, or the quoted phrase it stands before; a `-` inside a
/// word (al-Sharaa), on its own, at the very end or right after a closing quote mark is
/// not one.
fn segments(q: &str) -> Vec<Segment<'_>> {
    let pieces: Vec<&str> = q.split(QUOTE_MARKS).collect();
    let last = pieces.len() - 1;
    let mut out = Vec::new();
    // Whether the text before a phrase ended in a `-` that leaves it out.
    let mut minus_before = false;
    for (i, piece) in pieces.iter().enumerate() {
        if i % 2 == 1 {
            let leave = std::mem::take(&mut minus_before);
            out.push(Segment { text: piece, phrase: true, leave, closed: i < last, at_end: i == last });
            continue;
        }
        let (runs, ends_in_minus) = split_minus(piece, i == 0);
        minus_before = ends_in_minus && i < last;
        out.extend(runs.into_iter().map(|(text, leave)| Segment { text, phrase: false, leave, closed: false, at_end: i == last }));
    }
    out
}

/// The words of a query and its phrases, folded ([`segments`]). The last word typed
/// (the last word of a phrase left open while typing, `"48 hou`) matches as a prefix;
/// what is left out is always matched whole, never as a prefix or with a typo. A
/// stretch left out without words (`-.`, `-al`) is punctuation, as elsewhere.
fn parse_terms(q: &str) -> Vec<Piece> {
    let typing = !q.ends_with(|c: char| c.is_whitespace() || QUOTE_MARKS.contains(&c));
    let with_words: Vec<(Segment<'_>, Vec<String>)> =
        segments(q).into_iter().map(|s| { let words = tokens(s.text); (s, words) }).filter(|(_, words)| !words.is_empty()).collect();
    let last = with_words.len().saturating_sub(1);
    let mut out = Vec::new();
    for (j, (segment, words)) in with_words.into_iter().enumerate() {
        let prefix = typing && segment.at_end && j == last && !segment.leave;
        match (segment.phrase, segment.leave) {
            (true, true) => out.push(Piece::LeaveOut(Term::Phrase { words, prefix: false })),
            (true, false) => out.push(Piece::Keep(Term::Phrase { words, prefix })),
            (false, true) => out.push(Piece::LeaveOutWords(words)),
            (false, false) => {
                let n = words.len();
                out.extend(words.into_iter().enumerate().map(|(k, word)| Piece::Keep(Term::Word { word, prefix: prefix && k + 1 == n })));
            }
        }
    }
    out
}

/// A piece of query text outside quotes cut into runs, each kept or left out (a run that
/// starts with a `-` at a word's start, up to the next space), and whether the text ends
/// in such a `-` with nothing after it (it then leaves out the phrase that follows). A
/// word starts at the query's start (`at_start`: the piece is the first) or after a space,
/// not right after a closing quote (`"no fly"-zone` keeps "zone").
fn split_minus(piece: &str, at_start: bool) -> (Vec<(&str, bool)>, bool) {
    let mut runs = Vec::new();
    let mut start = 0;
    let mut after_space = at_start;
    let mut ends_in_minus = false;
    let mut chars = piece.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        if is_minus(c) && after_space {
            let next = chars.peek().map(|&(_, n)| n);
            match next {
                None => ends_in_minus = true,
                // `--word`: the last of the run marks it.
                Some(n) if is_minus(n) => continue,
                Some(n) if n.is_whitespace() => {}
                Some(_) => {
                    runs.push((&piece[start..at], false));
                    let from = at + c.len_utf8();
                    let end = piece[from..].find(char::is_whitespace).map_or(piece.len(), |k| from + k);
                    runs.push((&piece[from..end], true));
                    while chars.peek().is_some_and(|&(k, _)| k < end) {
                        chars.next();
                    }
                    start = end;
                    after_space = false;
                    continue;
                }
            }
        }
        after_space = c.is_whitespace();
    }
    runs.push((&piece[start..], false));
    (runs, ends_in_minus)
}

/// What a query leaves out, as typed (`-aleppo` gives `aleppo`, `-"no fly"` gives
/// `no fly`), in order: for the page to say so.
pub fn left_out(q: &str) -> Vec<String> {
    segments(q).into_iter().filter(|s| s.leave && !tokens(s.text).is_empty()).map(|s| s.text.trim().to_owned()).collect()
}

/// The query without what it leaves out (`russia -aleppo` gives `russia`): what to search
/// instead when everything its words find is left out.
pub fn without_left_out(q: &str) -> String {
    let mut out = String::new();
    for segment in segments(q) {
        match (segment.phrase, segment.leave) {
            (false, false) => out.push_str(segment.text),
            (true, false) => {
                out.push('"');
                out.push_str(segment.text);
                if segment.closed {
                    out.push('"');
                }
            }
            // The minus before the phrase left out goes with it.
            (true, true) => out.truncate(out.trim_end().trim_end_matches(is_minus).len()),
            (false, true) => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a query has words a hit must match (not only words it leaves out): with none,
/// every quote the filters allow is listed, in document order, less those left out.
pub fn has_kept_words(q: &str) -> bool {
    parse_terms(q).iter().any(|p| matches!(p, Piece::Keep(_)))
}

/// Optimal-string-alignment distance (a swap of neighbours is one edit), if at most `max`.
fn within(a: &str, b: &str, max: usize) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.abs_diff(lb) <= max && strsim::osa_distance(a, b) <= max
}

/// What the typo scan knows of a word before measuring an edit distance.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Shape {
    chars: u32,
    letters: u64,
}

impl Shape {
    fn of(word: &str) -> Shape {
        Shape { chars: word.chars().count() as u32, letters: letter_mask(word) }
    }

    /// False only if the words are surely more than `max` edits apart: an edit changes
    /// the length by at most one and the letter mask by at most two bits (one letter out,
    /// one in; a swap changes neither).
    fn may_be_within(self, other: Shape, max: usize) -> bool {
        self.chars.abs_diff(other.chars) as usize <= max && (self.letters ^ other.letters).count_ones() as usize <= 2 * max
    }
}

/// Which letters a word has, each character hashed to one of 64 bits. Two characters
/// sharing a bit only make words look closer, so the bound stays safe.
fn letter_mask(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| mask | 1 << (u32::from(c) % 64))
}

/// How many edits a word of this length may be off by.
fn tolerance(word: &str) -> usize {
    match word.chars().count() {
        0..=4 => 0,
        5..=8 => 1,
        _ => 2,
    }
}

impl QuoteIndex {
    pub fn new(corpus: &Corpus) -> QuoteIndex {
        // Each distinct folded word gets an id when first met, and the ids are renumbered
        // in sorted order at the end: sorting every occurrence instead costs seconds at
        // 100,000 quotes.
        let mut interned: FxHashMap<String, TokenId> = FxHashMap::default();
        let mut met: Vec<String> = Vec::new();
        let mut intern = |token: String| -> TokenId {
            if let Some(&id) = interned.get(&token) {
                return id;
            }
            let id = met.len() as TokenId;
            met.push(token.clone());
            interned.insert(token, id);
            id
        };
        // The names and aliases of those who speak are searchable words too (not every
        // actor's: a name no quote says or speaks is no word to suggest).
        let speaking: FxHashSet<&ActorId> = corpus.quotes.iter().map(|q| &q.speaker).collect();
        for a in corpus.actors.iter().filter(|a| speaking.contains(&a.id)) {
            for token in std::iter::once(&a.name).chain(&a.aliases).flat_map(|n| tokens(n)) {
                intern(token);
            }
        }
        let mut words: Vec<Vec<TokenId>> = corpus
            .quotes
            .iter()
            .map(|q| word_spans(&q.text).into_iter().map(|(_, token)| intern(token)).collect())
            .collect();
        let mut order: Vec<TokenId> = (0..met.len() as TokenId).collect();
        order.sort_unstable_by(|&a, &b| met[a as usize].cmp(&met[b as usize]));
        let mut renumber = vec![0; met.len()];
        for (new, &old) in order.iter().enumerate() {
            renumber[old as usize] = new as TokenId;
        }
        let vocabulary: Vec<String> = order.iter().map(|&old| std::mem::take(&mut met[old as usize])).collect();
        for id in words.iter_mut().flatten() {
            *id = renumber[*id as usize];
        }
        QuoteIndex::assemble(corpus, vocabulary, words)
    }

    /// The index of `corpus` from its sorted, unique vocabulary and each quote's words as
    /// vocabulary ids: everything else is derived here (postings, columns, names).
    fn assemble(corpus: &Corpus, vocabulary: Vec<String>, words: Vec<Vec<TokenId>>) -> QuoteIndex {
        let mut postings = vec![Vec::new(); vocabulary.len()];
        for (q, quote_words) in words.iter().enumerate() {
            for (w, &id) in quote_words.iter().enumerate() {
                postings[id as usize].push(Posting { quote: q as u32, word: w as u32 });
            }
        }
        let entity_of: FxHashMap<&ActorId, u32> = corpus.actors.iter().enumerate().map(|(e, a)| (&a.id, e as u32)).collect();
        let columns = Columns::of(corpus, &entity_of, words.iter().map(Vec::len));
        QuoteIndex { words, ..QuoteIndex::from_parts(CatalogOf::from(corpus), vocabulary, postings, columns) }
    }

    /// The index from its vocabulary, postings (all of them, or those of the chunks read)
    /// and columns, with the actors and places of `catalog`: the names, the entities
    /// named by each word and the typo shapes are derived here.
    fn from_parts(corpus: CatalogOf<'_>, vocabulary: Vec<String>, postings: Vec<Vec<Posting>>, columns: Columns) -> QuoteIndex {
        let id_of = |token: &str| vocabulary.binary_search_by(|t| t.as_str().cmp(token)).ok().map(|i| i as TokenId);
        let forms = |name: &str, aliases: &[String]| -> Vec<(String, Vec<String>)> {
            std::iter::once(name)
                .chain(aliases.iter().map(String::as_str))
                .map(|f| (f.to_owned(), tokens(f)))
                .filter(|(_, t)| !t.is_empty())
                .collect()
        };
        let said_by = said_by(corpus.actors.len(), &columns);
        // The vocabulary's ids of the words of a name's forms (each form tokenised once:
        // at 100,000 quotes this runs as a cold search's first file comes in).
        let name_tokens = |forms: &[(String, Vec<String>)]| -> Vec<TokenId> {
            let mut ids: Vec<TokenId> = forms.iter().flat_map(|(_, words)| words).filter_map(|t| id_of(t)).collect();
            ids.sort_unstable();
            ids.dedup();
            ids
        };
        let entities: Vec<Entity> = corpus
            .actors
            .iter()
            .zip(said_by)
            .map(|(a, quotes)| {
                let forms = forms(&a.name, &a.aliases);
                Entity { name: a.name.clone(), actor: Some(a.id.clone()), name_tokens: name_tokens(&forms), forms, quotes }
            })
            .chain(corpus.places.iter().map(|p| Entity {
                name: p.name.clone(),
                actor: None,
                forms: forms(&p.name, &p.aliases),
                quotes: Vec::new(),
                name_tokens: Vec::new(),
            }))
            .collect();
        let mut named = vec![Vec::new(); vocabulary.len()];
        for (e, entity) in entities.iter().enumerate() {
            for &id in &entity.name_tokens {
                named[id as usize].push(e as u32);
            }
        }
        let shapes = vocabulary.iter().map(|t| Shape::of(t)).collect();
        QuoteIndex { vocabulary, shapes, postings, named, words: Vec::new(), entities, columns, scratch: Kept::default(), prepared: Kept::default() }
    }

    /// Puts in the columns of a sharded index opened from its vocabulary alone, with
    /// each actor's quotes read from their speakers if they are in
    /// ([`QuoteIndex::set_speakers`]; else those read with [`QuoteIndex::set_said`] stay).
    fn set_columns(&mut self, columns: Columns) {
        if !columns.speaker.is_empty() {
            let said = said_by(self.entities.iter().filter(|e| e.actor.is_some()).count(), &columns);
            for (entity, quotes) in self.entities.iter_mut().zip(said) {
                entity.quotes = quotes;
            }
        }
        self.columns = columns;
    }

    /// Puts in each quote's speaker (a sharded index reads them last: only the speaker
    /// facet and a speaker filter read them), and so every actor's quotes.
    fn set_speakers(&mut self, speaker: Vec<u32>) {
        let columns = Columns { speaker, ..std::mem::take(&mut self.columns) };
        self.set_columns(columns);
    }

    /// Puts in the quotes actor entity `e` said, ascending (a sharded index reads them
    /// for a query that names the actor, without every quote's speaker).
    fn set_said(&mut self, e: usize, quotes: Vec<u32>) {
        if let Some(entity) = self.entities.get_mut(e) {
            entity.quotes = quotes;
        }
    }

    /// The quotes actor entity `e` said, ascending (what [`QuoteIndex::set_said`] puts).
    fn said(&self, e: usize) -> &[u32] {
        self.entities.get(e).map_or(&[], |e| &e.quotes)
    }

    /// The actors (by entity) whose quotes matching `terms` reads: those a word names (or
    /// a typo or prefix of a word of a name) and those named whole. Ascending, once each.
    fn speakers_named(&self, terms: &[Prepared]) -> Vec<usize> {
        let speaks = |e: usize| self.entities.get(e).is_some_and(|e| e.actor.is_some());
        let mut out: Vec<usize> = Vec::new();
        for term in terms {
            match &term.term {
                Term::Word { .. } => {
                    out.extend(term.expanded.iter().flat_map(|&(id, _)| self.named[id as usize].iter().map(|&e| e as usize)).filter(|&e| speaks(e)));
                }
                Term::Phrase { .. } => {}
                Term::Entity { entity, .. } => out.extend(Some(*entity).filter(|&e| speaks(e))),
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// Who said quote `q`, as far as `term` needs to know: its speaker if the speakers
    /// are in, else the actor among those the term names who said it (a sharded index
    /// holds those actors' quotes before it answers), else nobody the term could match.
    fn speaker_for(&self, term: &Prepared, q: usize) -> Option<&Entity> {
        if let Some(&e) = self.columns.speaker.get(q) {
            return self.entities.get(e as usize);
        }
        term.expanded
            .iter()
            .flat_map(|&(id, _)| &self.named[id as usize])
            .map(|&e| &self.entities[e as usize])
            .find(|e| e.actor.is_some() && e.quotes.binary_search(&(q as u32)).is_ok())
    }

    /// How many quotes the index covers.
    pub fn quotes(&self) -> usize {
        self.columns.len()
    }

    /// Quote `q`'s speaker as a number (its place among the actors, then the places), or
    /// `None` for a quote without one; [`QuoteIndex::speaker_numbered`] names it.
    pub fn speaker_number(&self, q: usize) -> Option<usize> {
        self.columns.speaker.get(q).map(|&e| e as usize).filter(|&e| e < self.entities.len())
    }

    /// The actor numbered `e` by [`QuoteIndex::speaker_number`].
    pub fn speaker_numbered(&self, e: usize) -> Option<&ActorId> {
        self.entities.get(e)?.actor.as_ref()
    }

    /// How many speaker numbers there are.
    pub fn speaker_numbers(&self) -> usize {
        self.entities.len()
    }

    /// Quote `q`'s kind.
    pub fn kind_of(&self, q: usize) -> Option<QuoteKind> {
        QuoteKind::ALL.get(usize::from(*self.columns.kind.get(q)?)).copied()
    }

    /// Quote `q`'s document, as its place in `corpus.documents`.
    pub fn document_of(&self, q: usize) -> Option<usize> {
        self.columns.document.get(q).map(|&d| d as usize)
    }

    fn token_id(&self, word: &str) -> Option<TokenId> {
        self.vocabulary.binary_search_by(|t| t.as_str().cmp(word)).ok().map(|i| i as TokenId)
    }

    /// Vocabulary words a query word can stand for, with how well each matches.
    fn expand(&self, word: &str, prefix: bool) -> Vec<(TokenId, Strength)> {
        let mut out = Vec::new();
        if let Some(id) = self.token_id(word) {
            out.push((id, Strength::Exact));
        }
        if prefix {
            out.extend(self.prefix_ids(word).filter(|&i| self.vocabulary[i] != word).map(|i| (i as TokenId, Strength::Prefix)));
        }
        let max = tolerance(word);
        if max > 0 {
            let shape = Shape::of(word);
            for (i, t) in self.vocabulary.iter().enumerate() {
                if shape.may_be_within(self.shapes[i], max) && t != word && !(prefix && t.starts_with(word)) && within(word, t, max) {
                    out.push((i as TokenId, Strength::Fuzzy));
                }
            }
        }
        out
    }

    /// Replaces runs of query words that spell a whole name form of an actor or place by
    /// an entity term, longest run first.
    fn find_entities(&self, terms: Vec<Term>) -> Vec<Term> {
        // No run longer than the longest name form can spell one; looking further would
        // make a long query (thousands of words) quadratic.
        let longest = self.entities.iter().flat_map(|e| e.forms.iter().map(|(_, t)| t.len())).max().unwrap_or(0);
        let mut out = Vec::new();
        let mut i = 0;
        while i < terms.len() {
            let run: Vec<&str> = terms[i..]
                .iter()
                .take(longest)
                .map_while(|t| match t {
                    // A word still being typed counts once it spells a whole name form.
                    Term::Word { word, .. } => Some(word.as_str()),
                    _ => None,
                })
                .collect();
            let found = (1..=run.len()).rev().find_map(|len| {
                let words = &run[..len];
                self.entities.iter().enumerate().find_map(|(e, entity)| {
                    // Of the forms spelt alike ("Jolani", "al-Jolani"), name the shortest:
                    // the closest to what was typed.
                    entity
                        .forms
                        .iter()
                        .filter(|(_, t)| t.len() == len && t.iter().zip(words).all(|(a, b)| a == b))
                        .min_by_key(|(written, _)| written.len())
                        .map(|(written, _)| (len, e, written.clone()))
                })
            });
            match found {
                Some((len, entity, typed)) => {
                    out.push(Term::Entity { entity, typed });
                    i += len;
                }
                None => {
                    out.push(terms[i].clone());
                    i += 1;
                }
            }
        }
        out
    }

    /// The vocabulary words that begin with `word` (itself included), as a range of ids.
    fn prefix_ids(&self, word: &str) -> Range<usize> {
        let start = self.vocabulary.partition_point(|t| t.as_str() < word);
        let end = start + self.vocabulary[start..].iter().take_while(|t| t.starts_with(word)).count();
        start..end
    }

    /// The vocabulary words a word of a phrase stands for: itself, or every word it begins
    /// when it is the last word and typed as a prefix.
    fn phrase_word_ids(&self, word: &str, as_prefix: bool) -> Range<usize> {
        if as_prefix {
            self.prefix_ids(word)
        } else {
            self.token_id(word).map_or(0..0, |id| id as usize..id as usize + 1)
        }
    }

    /// Where a sequence of words stands in the quote texts: quote, and the position of
    /// the run's first word. Read from the postings alone: each later word must stand
    /// one place further in the same quote.
    fn phrase_hits(&self, words: &[String], prefix: bool) -> Vec<(u32, u32)> {
        let last = words.len().saturating_sub(1);
        let Some((first, rest)) = words.split_first() else { return Vec::new() };
        // A whole index reads each quote's words where the first one stands; a sharded
        // one looks each later word's places up, in order.
        let whole = !self.words.is_empty();
        let later: Vec<Cow<'_, [Posting]>> = rest
            .iter()
            .filter(|_| !whole)
            .enumerate()
            .map(|(k, w)| {
                let ids = self.phrase_word_ids(w, prefix && k + 1 == last);
                if ids.len() == 1 {
                    Cow::Borrowed(&self.postings[ids.start][..])
                } else {
                    let mut merged: Vec<Posting> = ids.flat_map(|id| self.postings[id].iter().copied()).collect();
                    merged.sort_unstable();
                    Cow::Owned(merged)
                }
            })
            .collect();
        let mut out = Vec::new();
        for id in self.phrase_word_ids(first, prefix && last == 0) {
            for p in &self.postings[id] {
                let follows = if whole {
                    self.phrase_in(&self.words[p.quote as usize], p.word as usize, words, prefix)
                } else {
                    later.iter().zip(1..).all(|(places, k)| places.binary_search(&Posting { quote: p.quote, word: p.word + k }).is_ok())
                };
                if follows {
                    out.push((p.quote, p.word));
                }
            }
        }
        out
    }

    /// The vocabulary words whose postings ranking `terms` reads, as ranges of ids: what a
    /// sharded index must hold before it answers.
    fn touched(&self, terms: &[Prepared]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for term in terms {
            match &term.term {
                Term::Word { .. } => out.extend(term.expanded.iter().map(|&(id, _)| id as usize..id as usize + 1)),
                Term::Phrase { words, prefix } => {
                    let last = words.len().saturating_sub(1);
                    out.extend(words.iter().enumerate().map(|(k, w)| self.phrase_word_ids(w, *prefix && k == last)));
                }
                Term::Entity { entity, .. } => {
                    for (_, form) in &self.entities[*entity].forms {
                        out.extend(form.iter().map(|w| self.phrase_word_ids(w, false)));
                    }
                }
            }
        }
        out
    }

    /// Where each word of quote `q`'s `text` stands and its vocabulary id (a whole index
    /// has the ids). Should the text not give the words indexed (an index built from other
    /// data), there is nothing to highlight rather than a wrong highlight.
    fn read(&self, q: usize, text: &str) -> (Vec<Range<usize>>, Cow<'_, [TokenId]>) {
        if let Some(ids) = self.words.get(q) {
            let spans = word_ranges(text);
            return if spans.len() == ids.len() { (spans, Cow::Borrowed(&ids[..])) } else { (Vec::new(), Cow::Borrowed(&[][..])) };
        }
        let (spans, ids) = self.read_text(text);
        (spans, Cow::Owned(ids))
    }

    /// Where each word of `text` stands and its vocabulary id, or nothing if a word is
    /// not in the vocabulary.
    fn read_text(&self, text: &str) -> (Vec<Range<usize>>, Vec<TokenId>) {
        let mut spans = Vec::new();
        let mut ids = Vec::new();
        for (range, token) in word_spans(text) {
            let Some(id) = self.token_id(&token) else { return (Vec::new(), Vec::new()) };
            spans.push(range);
            ids.push(id);
        }
        (spans, ids)
    }

    /// A query's terms, each word term with the vocabulary words it stands for: kept for
    /// the next ask of the same words ([`Kept`]).
    fn prepare(&self, q: &str) -> Arc<[Prepared]> {
        let mut kept = self.prepared.0.try_lock().ok();
        if let Some((words, terms)) = kept.as_deref().and_then(Option::as_ref) {
            if words == q {
                return terms.clone();
            }
        }
        let terms: Arc<[Prepared]> = self.prepare_anew(q).into();
        if let Some(kept) = kept.as_deref_mut() {
            *kept = Some((q.to_owned(), terms.clone()));
        }
        terms
    }

    fn prepare_anew(&self, q: &str) -> Vec<Prepared> {
        let (keep, leave) = self.query_terms(q);
        keep.into_iter()
            .map(|term| (term, false))
            .chain(leave.into_iter().map(|term| (term, true)))
            .map(|(term, leave)| {
                let expanded = match &term {
                    // A word left out is matched whole: never a prefix or a typo.
                    Term::Word { word, .. } if leave => self.token_id(word).map(|id| (id, Strength::Exact)).into_iter().collect(),
                    Term::Word { word, prefix } => self.expand(word, *prefix),
                    _ => Vec::new(),
                };
                let position = expanded.iter().enumerate().map(|(i, (id, _))| (*id, i)).collect();
                let typed_tokens = match &term {
                    Term::Entity { typed, .. } => tokens(typed),
                    _ => Vec::new(),
                };
                Prepared { term, expanded, position, typed_tokens, leave }
            })
            .collect()
    }

    /// A query's terms: those every hit must match (runs of words that spell a name
    /// become entity terms, within each stretch of the query between pieces left out),
    /// then those whose matches are left out (a left-out run of words that spells a name
    /// is that name, in any of its forms; other runs of several words, that sequence).
    fn query_terms(&self, q: &str) -> (Vec<Term>, Vec<Term>) {
        let (mut keep, mut run, mut leave) = (Vec::new(), Vec::new(), Vec::new());
        for piece in parse_terms(q) {
            match piece {
                Piece::Keep(term) => run.push(term),
                Piece::LeaveOut(term) => {
                    keep.extend(self.find_entities(std::mem::take(&mut run)));
                    leave.push(term);
                }
                Piece::LeaveOutWords(words) => {
                    keep.extend(self.find_entities(std::mem::take(&mut run)));
                    let as_words = words.iter().map(|word| Term::Word { word: word.clone(), prefix: false }).collect();
                    leave.push(match self.find_entities(as_words).as_slice() {
                        [one] => one.clone(),
                        _ => Term::Phrase { words, prefix: false },
                    });
                }
            }
        }
        keep.extend(self.find_entities(run));
        (keep, leave)
    }

    /// Calls `found(quote, strength, occurrences)` for every way `term` matches a quote:
    /// a quote may be reported several times, and an occurrence is a highlighted run.
    fn matches(&self, term: &Prepared, found: &mut impl FnMut(u32, Strength, u8)) {
        match &term.term {
            Term::Word { .. } => {
                for &(id, strength) in &term.expanded {
                    for run in self.postings[id as usize].chunks(BATCH) {
                        each_posting(run, strength, found);
                    }
                    for &e in &self.named[id as usize] {
                        for &q in &self.entities[e as usize].quotes {
                            found(q, strength.min(Strength::Speaker), 0);
                        }
                    }
                }
            }
            Term::Phrase { words, prefix } => {
                for (q, _) in self.phrase_hits(words, *prefix) {
                    found(q, Strength::Phrase, 1);
                }
            }
            Term::Entity { entity, .. } => {
                let entity = &self.entities[*entity];
                for (_, form) in &entity.forms {
                    for (q, _) in self.phrase_hits(form, false) {
                        found(q, Strength::Exact, 1);
                    }
                }
                for &q in &entity.quotes {
                    found(q, Strength::Speaker, 0);
                }
            }
        }
    }

    /// The quotes matching `query`, the first page of them in result order (best first,
    /// or as `query.sort` asks), without highlights: [`Ranking::explain`] adds those for
    /// the hits that are shown.
    ///
    /// Per term, each quote keeps its best match strength and its number of occurrences in
    /// a slot of a per-quote array (kept between queries, all zero between them), so no
    /// hit allocates; only quotes that matched every earlier term are carried on.
    pub fn rank(&self, corpus: &Corpus, query: &QuoteQuery) -> Ranking {
        self.rank_prepared(corpus, query, self.prepare(&query.q))
    }

    /// [`QuoteIndex::rank`] with the query's `terms` already prepared.
    fn rank_prepared(&self, corpus: &Corpus, query: &QuoteQuery, terms: Arc<[Prepared]>) -> Ranking {
        let n = self.columns.len();
        // Without filters every quote is allowed; checking 100,000 of them would cost more
        // than the search.
        let filter = Filter::of(self, corpus, query);
        let allowed = |i: usize| filter.as_ref().is_none_or(|f| f.passes(&self.columns, i));
        // The quote is part of every key, so keys are unique, the order total and an
        // unstable sort exact. Typo matches never outrank exact ones: fewer fuzzy terms
        // first, then score. Each hit is made with its key, in one list (at 1,000,000
        // quotes a query can match 300,000).
        let keyed = |h: Ranked| -> (u128, Ranked) {
            let quote = h.quote as u128;
            let key = match query.sort {
                QuoteSort::Date => u128::from(self.columns.date[h.quote]) << 64 | quote,
                QuoteSort::Auto => (h.fuzzy_terms as u128) << 96 | u128::from(u32::MAX - h.score) << 64 | quote,
            };
            (key, h)
        };
        let mut hits: Vec<(u128, Ranked)> = Vec::new();
        let (terms_kept, terms_left) = kept_and_left(&terms);
        let left_out = self.left_out(terms_left, n);
        let allowed = |i: usize| allowed(i) && !left_out.contains(i);
        if terms_kept.is_empty() {
            hits.extend((0..n).filter(|&i| allowed(i)).map(|i| keyed(Ranked { quote: i, score: 0, fuzzy_terms: 0 })));
        } else {
            // A search while another holds the scratch memory (another thread, natively;
            // never in the browser) gets memory of its own.
            let mut own = Vec::new();
            let mut lock = self.scratch.0.try_lock().ok();
            let slots = lock.as_deref_mut().unwrap_or(&mut own);
            if slots.len() != n {
                *slots = vec![Slot::default(); n];
            }
            let mut touched: Vec<u32> = Vec::new();
            let mut candidates: Vec<u32> = Vec::new();
            let last = terms_kept.len() - 1;
            for (t, term) in terms_kept.iter().enumerate() {
                self.matches(term, &mut |q, strength, count| {
                    let slot = &mut slots[q as usize];
                    if slot.best == 0 {
                        touched.push(q);
                    }
                    slot.best = slot.best.max(strength as u8 + 1);
                    slot.occurrences = slot.occurrences.saturating_add(count);
                });
                if t < last {
                    if t == 0 {
                        candidates.reserve(touched.len());
                    }
                    for run in touched.chunks(BATCH) {
                        settle(run, slots, t as u32, &allowed, &mut candidates);
                    }
                } else {
                    // With one term and no filter every quote it matches is a hit.
                    if t == 0 && filter.is_none() && left_out.is_empty() {
                        hits.reserve_exact(touched.len());
                    }
                    for run in touched.chunks(BATCH) {
                        settle_last(run, slots, t as u32, &allowed, &self.columns.size, &keyed, &mut hits);
                    }
                }
                touched.clear();
            }
            // Leaves the slots of the first term's quotes as the next query expects them.
            for run in candidates.chunks(BATCH) {
                empty(run, slots);
            }
        }
        // A list grown by doubling may leave half of it unused, for as long as the
        // ranking is kept: trimmed (at worst one copy, as making the keyed list from the
        // hits was before it was made keyed).
        hits.shrink_to_fit();
        // The best page first, in order; the rest after it, as they come.
        let ordered = ORDERED_AT_ONCE.min(hits.len());
        if ordered < hits.len() {
            hits.select_nth_unstable_by_key(ordered, |&(key, _)| key);
        }
        hits[..ordered].sort_unstable_by_key(|&(key, _)| key);
        Ranking { hits, ordered, terms }
    }

    /// The quotes (of `n`) that any of `terms` (those a query leaves out) matches.
    fn left_out(&self, terms: &[Prepared], n: usize) -> QuoteSet {
        let mut out = QuoteSet::default();
        for term in terms {
            self.matches(term, &mut |q, _, _| out.insert(q as usize, n));
        }
        out
    }

    /// The quotes matching `query`, ranked, each with its highlights and reasons. For a
    /// long result list, [`QuoteIndex::rank`] and [`Ranking::explain`] on the hits shown
    /// cost far less.
    pub fn search(&self, corpus: &Corpus, query: &QuoteQuery) -> Vec<Hit> {
        self.rank(corpus, query).explain_first(self, corpus, usize::MAX)
    }

    /// How one term matches one quote: its highlight ranges, and a reason when every match
    /// needed explaining (a typo, an alias, the speaker). Visits matches in the order
    /// [`QuoteIndex::matches`] does, so the reason given is the first one found.
    /// `spans` are where quote `q`'s words stand in its text, one per indexed word.
    fn explain_term(&self, term: &Prepared, q: usize, spans: &[Range<usize>], quote_words: &[TokenId], ranges: &mut Vec<Range<usize>>) -> Option<String> {
        // Where a run of words stands; nothing if the spans are missing (see `spans`).
        let run = |start: usize, len: usize| Some(spans.get(start)?.start..spans.get(start + len - 1)?.end);
        // The first reason met, and whether some match needed none.
        let mut reason: Option<String> = None;
        let mut plain = false;
        let mut note = |why: Option<String>| match why {
            None => plain = true,
            Some(r) if reason.is_none() => reason = Some(r),
            Some(_) => {}
        };
        match &term.term {
            Term::Word { word, .. } => {
                let speaker = self.speaker_for(term, q).map_or(&[][..], |e| &e.name_tokens);
                // (expansion, 0 for the text or 1 for the speaker, word position)
                let mut met: Vec<(usize, u8, usize)> = quote_words
                    .iter()
                    .enumerate()
                    .filter_map(|(w, id)| term.position.get(id).map(|&e| (e, 0, w)))
                    .chain(speaker.iter().filter_map(|id| term.position.get(id).map(|&e| (e, 1, 0))))
                    .collect();
                met.sort_unstable();
                for (e, place, w) in met {
                    let (id, strength) = term.expanded[e];
                    let fuzzy = strength == Strength::Fuzzy;
                    let token = &self.vocabulary[id as usize];
                    if place == 0 {
                        ranges.extend(spans.get(w).cloned());
                        note(fuzzy.then(|| format!("“{word}” read as “{token}”")));
                    } else {
                        note(fuzzy.then(|| format!("speaker’s name “{token}” read from “{word}”")));
                    }
                }
            }
            Term::Phrase { words, prefix } => {
                for start in 0..quote_words.len() {
                    if self.phrase_in(quote_words, start, words, *prefix) {
                        ranges.extend(run(start, words.len()));
                        note(None);
                    }
                }
            }
            Term::Entity { entity, typed } => {
                let entity = &self.entities[*entity];
                for (written, form) in &entity.forms {
                    // Naming it as typed is a plain match; another of its names is explained.
                    let why = (*form != term.typed_tokens).then(|| alias_reason(&entity.name, typed, written));
                    for start in 0..quote_words.len() {
                        if self.phrase_in(quote_words, start, form, false) {
                            ranges.extend(run(start, form.len()));
                            note(why.clone());
                        }
                    }
                }
                if entity.quotes.binary_search(&(q as u32)).is_ok() {
                    let alias_note = if typed != &entity.name { format!(" (alias {typed})") } else { String::new() };
                    note(Some(format!("said by {}{alias_note}", entity.name)));
                }
            }
        }
        if plain {
            None
        } else {
            reason
        }
    }

    /// Whether the run of `words` stands at word `start` of a quote whose words are
    /// `quote_words` (the last word as a prefix when `prefix`).
    fn phrase_in(&self, quote_words: &[TokenId], start: usize, words: &[String], prefix: bool) -> bool {
        let Some(run) = quote_words.get(start..start + words.len()) else { return false };
        !run.is_empty()
            && run.iter().zip(words).enumerate().all(|(k, (id, w))| {
                let t = &self.vocabulary[*id as usize];
                t == w || (prefix && k + 1 == words.len() && t.starts_with(w.as_str()))
            })
    }

    /// What to offer when a query finds nothing: the query with each unknown word replaced
    /// by the closest word of the corpus (within two edits), if that finds something under
    /// the same filters.
    pub fn suggest(&self, corpus: &Corpus, query: &QuoteQuery) -> Option<String> {
        let better = self.respell(&query.q)?;
        let found = !self.rank(corpus, &QuoteQuery { q: better.clone(), ..query.clone() }).is_empty();
        found.then_some(better)
    }

    /// The query with each word not in the corpus replaced by the closest one within two
    /// edits, if any word changed. The rest of the query is kept as typed: its quotes and
    /// the `-` of what it leaves out.
    fn respell(&self, q: &str) -> Option<String> {
        let mut changed = false;
        let mut out = String::with_capacity(q.len());
        let mut at = 0;
        for (range, word) in word_spans(q) {
            let length = word.chars().count();
            if self.token_id(&word).is_some() || length < 3 {
                continue;
            }
            // Words whose lengths differ by more than two are more than two edits apart;
            // skipping them keeps a very long word from costing a full comparison each.
            let best = self
                .vocabulary
                .iter()
                .filter(|t| t.chars().count().abs_diff(length) <= 2 && t.chars().count() >= 3)
                .map(|t| (strsim::osa_distance(&word, t), t))
                .filter(|(d, _)| *d <= 2)
                .min();
            if let Some((_, better)) = best {
                changed = true;
                out.push_str(&q[at..range.start]);
                out.push_str(better);
                at = range.end;
            }
        }
        out.push_str(&q[at..]);
        changed.then_some(out)
    }
}

/// A set of quotes, a bit each: what a query leaves out (`-the` can leave out most of a
/// million quotes, each then looked up once per quote its words match). Empty, it holds
/// no memory.
#[derive(Default)]
struct QuoteSet(Vec<u64>);

impl QuoteSet {
    /// Adds quote `q` of `n`.
    fn insert(&mut self, q: usize, n: usize) {
        if self.0.is_empty() {
            self.0 = vec![0; n.div_ceil(64)];
        }
        if let Some(word) = self.0.get_mut(q / 64) {
            *word |= 1 << (q % 64);
        }
    }

    fn contains(&self, q: usize) -> bool {
        self.0.get(q / 64).is_some_and(|word| word & (1 << (q % 64)) != 0)
    }

    fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

/// What [`QuoteIndex::rank`] has found of one quote so far. One slot per quote, so the
/// work per hit touches one place in memory instead of one per array.
#[derive(Clone, Copy, Debug, Default)]
struct Slot {
    /// Per term: the best strength plus one (0: no match yet), and occurrences.
    best: u8,
    occurrences: u8,
    /// Across terms: how many matched, the running score, how many only by a typo.
    matched: u32,
    score: u32,
    fuzzy: u32,
}

impl Slot {
    /// After term `t` matched its quote: the term's state emptied for the next, and its
    /// best strength and what it adds to the score, unless the quote is out: it missed an
    /// earlier term (one never seen is not added), or, at the first, it is not `allowed`.
    fn end_term(&mut self, t: u32, allowed: impl FnOnce() -> bool) -> Option<(Strength, u32)> {
        let strength = Strength::from_rank(self.best - 1);
        let term_score = strength.weight() * 10 + u32::from(self.occurrences.clamp(1, 3));
        (self.best, self.occurrences) = (0, 0);
        (self.matched == t && (t != 0 || allowed())).then_some((strength, term_score))
    }
}

/// What an index keeps between calls without it being part of what the index is: the
/// per-quote slots of [`QuoteIndex::rank`] (so a query neither allocates nor clears
/// memory the size of the corpus, 1.6 MB at 100,000 quotes), the last query prepared
/// ([`QuoteIndex::prepare`]: a sharded search asks as each of its files arrives, and
/// again to rank, and expanding the words is a scan of the vocabulary), a sharded index's
/// last ranking. A clone starts empty and any two are equal. Used by one caller at a
/// time: another (another thread, natively) finds it locked and does without.
#[derive(Default)]
pub(crate) struct Kept<T>(pub(crate) Mutex<T>);

impl<T: Default> Clone for Kept<T> {
    fn clone(&self) -> Kept<T> {
        Kept::default()
    }
}

impl<T> PartialEq for Kept<T> {
    fn eq(&self, _: &Kept<T>) -> bool {
        true
    }
}

impl<T> Eq for Kept<T> {}

impl<T> std::fmt::Debug for Kept<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Kept")
    }
}

fn passes_filters(quote: &Quote, query: &QuoteQuery) -> bool {
    (query.speakers.is_empty() || query.speakers.contains(&quote.speaker))
        && query.doc.as_ref().is_none_or(|d| d == &quote.document)
        && query.kind.is_none_or(|k| k == quote.kind)
}

/// Splits `text` into alternating plain and highlighted pieces, for rendering with
/// `<mark>` as text nodes (never as HTML).
pub fn highlight_pieces<'a>(text: &'a str, highlights: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in highlights {
        if range.start < at || range.end > text.len() || !text.is_char_boundary(range.start) || !text.is_char_boundary(range.end) {
            continue;
        }
        if range.start > at {
            pieces.push((&text[at..range.start], false));
        }
        pieces.push((&text[range.clone()], true));
        at = range.end;
    }
    if at < text.len() {
        pieces.push((&text[at..], false));
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn highlight_pieces_cover_the_text_exactly() {
        let text = "We had to neutralise Russian air power";
        let pieces = highlight_pieces(text, &[21..28, 33..38]);
        assert_eq!(pieces, [("We had to neutralise ", false), ("Russian", true), (" air ", false), ("power", true)]);
        let joined: String = pieces.iter().map(|(s, _)| *s).collect();
        assert_eq!(joined, text);
    }

    #[test]
    fn queries_split_into_words_and_phrases() {
        let word = |w: &str, prefix| Piece::Keep(Term::Word { word: w.into(), prefix });
        let phrase = |w: &[&str], prefix| Term::Phrase { words: w.iter().map(|&w| w.into()).collect(), prefix };
        assert_eq!(parse_terms("russian air"), [word("russian", false), word("air", true)]);
        assert_eq!(parse_terms("russian air "), [word("russian", false), word("air", false)]);
        assert_eq!(parse_terms("“48 hours” damascus"), [Piece::Keep(phrase(&["48", "hours"], false)), word("damascus", true)]);
        assert_eq!(parse_terms("\"48 hou"), [Piece::Keep(phrase(&["48", "hou"], true))]);
        assert!(parse_terms("\"\" ... ").is_empty());
    }

    #[test]
    fn a_minus_at_a_words_start_leaves_it_out() {
        let word = |w: &str, prefix| Piece::Keep(Term::Word { word: w.into(), prefix });
        let left = |w: &[&str]| Piece::LeaveOutWords(w.iter().map(|&w| w.into()).collect());
        let phrase = |w: &[&str]| Term::Phrase { words: w.iter().map(|&w| w.into()).collect(), prefix: false };
        // Left out whole even while typed: never as a prefix.
        assert_eq!(parse_terms("russia -aleppo"), [word("russia", false), left(&["aleppo"])]);
        assert_eq!(parse_terms("-aleppo russia"), [left(&["aleppo"]), word("russia", true)]);
        assert_eq!(parse_terms("russia −aleppo idlib"), [word("russia", false), left(&["aleppo"]), word("idlib", true)]);
        // A run up to the next space, its words read together (a name, or a sequence).
        assert_eq!(parse_terms("talks -al-Sharaa"), [word("talks", false), left(&["sharaa"])]);
        assert_eq!(parse_terms("talks -no-fly "), [word("talks", false), left(&["no", "fly"])]);
        assert_eq!(parse_terms("talks --aleppo"), [word("talks", false), left(&["aleppo"])]);
        // Before a quoted phrase: that sequence.
        assert_eq!(parse_terms("talks -“48 hours”"), [word("talks", false), Piece::LeaveOut(phrase(&["48", "hours"]))]);
        assert_eq!(parse_terms("-\"48 hou"), [Piece::LeaveOut(phrase(&["48", "hou"]))]);
        // Not at a word's start, alone, or with nothing after it: punctuation, as before.
        assert_eq!(parse_terms("al-Sharaa"), [word("sharaa", true)]);
        assert_eq!(parse_terms("russia - aleppo"), [word("russia", false), word("aleppo", true)]);
        assert_eq!(parse_terms("russia -"), [word("russia", true)]);
        assert_eq!(parse_terms("russia -\"\""), [word("russia", false)]);
        assert!(parse_terms("- -- -.").is_empty());
        // A minus that leaves nothing out changes nothing: the word before it is still
        // being typed, as with a minus alone.
        assert_eq!(parse_terms("russ -."), [word("russ", true)]);
        assert_eq!(parse_terms("russ -al"), [word("russ", true)]);
        // Right after a closing quote, a minus is a hyphen: not a word's start.
        assert_eq!(parse_terms("\"no fly\"-zone "), [Piece::Keep(Term::Phrase { words: vec!["no".into(), "fly".into()], prefix: false }), word("zone", false)]);
        assert_eq!(parse_terms("\"no fly\" -zone "), [Piece::Keep(Term::Phrase { words: vec!["no".into(), "fly".into()], prefix: false }), left(&["zone"])]);
        assert!(left_out("\"no fly\"-zone \"a\"-\"b\"").is_empty());
        // What the page says is left out, as typed.
        assert_eq!(left_out("russia -aleppo −“no fly” -al-Sharaa - x -"), ["aleppo", "no fly", "al-Sharaa"]);
        assert!(left_out("al-Sharaa - x").is_empty());
        assert!(has_kept_words("-aleppo russia") && !has_kept_words("-aleppo -“no fly”"));
        // And what is searched without it.
        assert_eq!(without_left_out("russia -aleppo idlib"), "russia idlib");
        assert_eq!(without_left_out("“48 hours” -“no fly” talks −Putin"), "\"48 hours\" talks");
        assert_eq!(without_left_out("al-Sharaa - x -"), "al-Sharaa - x -");
        assert_eq!(without_left_out("-aleppo"), "");
        assert_eq!(without_left_out("talks \"open"), "talks \"open");
    }

    fn bundled() -> (Corpus, QuoteIndex) {
        let corpus = crate::core::load::load(&crate::core::load::CorpusFiles::bundled()).expect("bundled data is valid");
        let index = QuoteIndex::new(&corpus);
        (corpus, index)
    }

    #[test]
    fn the_shape_filter_never_skips_a_word_within_reach() {
        let (_, index) = bundled();
        // Each vocabulary word against edits of itself and of its neighbours in the list.
        for (i, word) in index.vocabulary.iter().enumerate() {
            let chars: Vec<char> = word.chars().collect();
            let mut variants: Vec<String> = index.vocabulary[i.saturating_sub(3)..(i + 4).min(index.vocabulary.len())].to_vec();
            for k in 0..chars.len() {
                let mut dropped = chars.clone();
                dropped.remove(k);
                let mut swapped = chars.clone();
                swapped.swap(k, (k + 1) % chars.len());
                let mut replaced = chars.clone();
                replaced[k] = 'q';
                let mut twice = replaced.clone();
                twice.insert(0, 'z');
                variants.extend([dropped, swapped, replaced, twice].map(|v| v.into_iter().collect::<String>()));
            }
            for other in &variants {
                for max in 0..=2 {
                    if within(word, other, max) {
                        assert!(Shape::of(word).may_be_within(Shape::of(other), max), "{word:?} and {other:?} within {max}");
                    }
                }
            }
        }
    }

    #[test]
    fn interned_words_are_those_of_a_plain_sort_of_every_word() {
        let (corpus, index) = bundled();
        let speaking: Vec<&ActorId> = corpus.quotes.iter().map(|q| &q.speaker).collect();
        let mut plain: Vec<String> = corpus.quotes.iter().flat_map(|q| tokens(&q.text)).collect();
        for actor in corpus.actors.iter().filter(|a| speaking.contains(&&a.id)) {
            plain.extend(std::iter::once(&actor.name).chain(&actor.aliases).flat_map(|n| tokens(n)));
        }
        plain.sort();
        plain.dedup();
        assert_eq!(index.vocabulary, plain);
        let words: Vec<Vec<TokenId>> = corpus.quotes.iter().map(|q| index.read_text(&q.text).1).collect();
        assert_eq!(words, index.words);
        for (q, quote) in corpus.quotes.iter().enumerate() {
            let ids: Vec<TokenId> = tokens(&quote.text).iter().map(|t| index.token_id(t).expect("every word is known")).collect();
            assert_eq!(words[q], ids, "{}", quote.id);
            assert_eq!(index.columns.size[q] as usize, ids.len() / 8);
        }
        // Postings list every place of every word, by quote then position.
        let places: usize = index.postings.iter().map(Vec::len).sum();
        assert_eq!(places, words.iter().map(Vec::len).sum::<usize>());
        for (id, list) in index.postings.iter().enumerate() {
            assert!(list.windows(2).all(|w| (w[0].quote, w[0].word) < (w[1].quote, w[1].word)));
            assert!(list.iter().all(|p| words[p.quote as usize][p.word as usize] == id as TokenId));
        }
    }

    #[test]
    fn typo_tolerance_grows_with_word_length() {
        assert!(within("lavorv", "lavrov", 1), "a swap of neighbours is one edit");
        assert!(!within("lavorv", "lavrov", 0));
        assert_eq!((tolerance("idlib"), tolerance("aleppo"), tolerance("negotiations"), tolerance("hama")), (1, 1, 2, 0));
    }
}
