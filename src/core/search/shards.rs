//! The search index in shards, so a page of a large corpus searches without fetching
//! every quote and the whole index: the vocabulary (`terms`), what ranking and the
//! document and kind filters read of each quote (`columns`), the postings in chunks by
//! vocabulary range, fetched as a query's words need them, and the dates and speakers,
//! fetched when a query reads them. Encoder and decoder in one place.
//!
//! ```text
//! terms:    "DSXT" version:u8 fingerprint:u64le quotes:varint
//!           words (front-coded, as in the `index` bytes)  chunks:varint  (words in chunk:varint)*chunks
//!           said chunks:varint  (actors in said chunk:varint)*said chunks
//! columns:  "DSXC" version:u8 fingerprint:u64le quotes:varint documents:varint
//!           runs:varint  (document:varint quotes in run:varint)*runs
//!           kind:u8*quotes  (words / 8):varint*quotes
//! chunk:    "DSXP" version:u8 fingerprint:u64le chunk:varint first word:varint words:varint
//!           per word: postings:varint, then per posting (quote − previous quote):varint and
//!           (position − previous position in the same quote, or position):varint
//! dates:    "DSXD" version:u8 fingerprint:u64le quotes:varint
//!           (0 undated | zigzag(key − previous dated key)+1):varint64*quotes
//! speakers: "DSXS" version:u8 fingerprint:u64le quotes:varint actors:varint
//!           (speaker+1 | 0):varint*quotes
//! said:     "DSXA" version:u8 fingerprint:u64le said chunk:varint first actor:varint actors:varint
//!           per actor: quotes:varint, then (quote − previous quote, or quote):varint*quotes
//! ```
//!
//! After the postings chunks come the units fetched on demand: the dates (chunk number
//! `chunks`), the speakers (`chunks + 1`), then the quotes each actor said, in chunks by
//! actor (`chunks + 2` on). Only a sort by date reads the dates; only the speaker facet
//! and a speaker filter read the speakers, each as large as the rest of a cold search's
//! files together (a speaker among 200 is a byte a quote, 1.1 MB gzipped at a million
//! quotes), so a search is answered without them and its speaker counts follow. A word of
//! an actor's name finds the quotes they said: it reads that actor's said chunk, a few
//! kilobytes, not every quote's speaker.
//!
//! Every shard carries the fingerprint of the whole index's data (the quotes' texts, the
//! speakers' names, the folding rules), so shards of two builds never mix; the columns
//! are checked against the catalog the page holds (its actors and documents), every
//! number against the counts it indexes or a bound, and a chunk says which it is (the
//! data files check it is the one asked for). Bad bytes are an [`IndexError`], never a
//! panic.
//!
//! A page that has not read the terms shard yet still knows enough to fetch, beside it,
//! most of what a query reads ([`likely_chunks`]): the quotes page's first view carries a
//! [`Guide`] (the first and last words of each postings chunk, the first actor of each
//! said chunk),
//! and the catalog's names ([`Names`]) tell which words of speakers' names and which
//! actors a query's words stand for. A speaker's name typed whole is then answered after
//! one round trip for the index, not two.
//!
//! [`ShardedIndex`] answers a query only once it holds every chunk the query reads
//! ([`ShardedIndex::missing`]); its answers are then exactly the whole index's (a property
//! test checks random queries and filters). Chunks are cut at word boundaries so that
//! each holds about `chunk_bytes` of postings; a word with more (a common word) is a
//! chunk of its own.

use std::ops::Range;
use std::sync::Arc;

use rustc_hash::FxHashSet;
use serde::{Deserialize, Serialize};

use super::binary::{fingerprint, put_varint, put_words, read_words, Reader};
use super::{CatalogOf, Columns, IndexError, Kept, Posting, QuoteIndex, Ranking, Term};
use crate::core::facets::{quote_facets, QuoteFacets};
use crate::core::model::{ActorId, Corpus, QuoteKind};
use crate::core::route::{QuoteQuery, QuoteSort};

const TERMS: &[u8; 4] = b"DSXT";
const COLUMNS: &[u8; 4] = b"DSXC";
const CHUNK: &[u8; 4] = b"DSXP";
const DATES: &[u8; 4] = b"DSXD";
const SPEAKERS: &[u8; 4] = b"DSXS";
const SAID: &[u8; 4] = b"DSXA";
const VERSION: u8 = 3;

/// The most words over 8 a quote may have in the columns shard (a quote of 100 million
/// words is not a quote).
const MAX_SIZE: u32 = 1 << 24;

/// About how many bytes of postings a chunk holds.
pub const CHUNK_BYTES: usize = 16 * 1024;

/// The search index of a corpus as shards: what [`ShardedIndex::open`] reads first, and
/// the chunks it reads as queries need them (chunk `k` is `chunks[k]`; after the postings
/// come the dates, the speakers, then the actors' said chunks).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Shards {
    pub terms: Vec<u8>,
    pub columns: Vec<u8>,
    pub chunks: Vec<Vec<u8>>,
    /// What [`likely_chunks`] guesses from before the terms shard is in.
    pub guide: Guide,
}

/// What a page knows of a sharded index before its terms shard is in (the quotes page's
/// first view carries it, not the manifest every page reads): enough to fetch, beside the
/// terms, the units a query's words surely read ([`likely_chunks`]).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Guide {
    /// The first word of each postings chunk.
    pub firsts: Vec<String>,
    /// The last word of each postings chunk: whether a chunk holds a word at or past a
    /// word being typed, when the words it begins run on into the next chunks.
    pub lasts: Vec<String>,
    /// The first actor (by number in the catalog) of each said chunk.
    pub said: Vec<u32>,
}

impl Guide {
    /// Why the guide cannot be of an index (words or actors out of order), if it cannot:
    /// a page that read such a guide would guess chunks at random.
    pub fn fault(&self) -> Option<String> {
        if !self.firsts.windows(2).all(|w| w[0] < w[1]) {
            return Some("the postings chunks' first words are out of order".to_owned());
        }
        // Each chunk's last word at or past its first and before the next chunk's first.
        let after = self.firsts.iter().skip(1).map(Some).chain([None]);
        if self.lasts.len() != self.firsts.len() || !self.firsts.iter().zip(&self.lasts).zip(after).all(|((f, l), next)| f <= l && next.is_none_or(|n| l < n)) {
            return Some("the postings chunks' last words do not fit their first words".to_owned());
        }
        if self.said.first().is_some_and(|&a| a != 0) || !self.said.windows(2).all(|w| w[0] < w[1]) {
            return Some("the said chunks' first actors are out of order".to_owned());
        }
        None
    }
}

/// The names of a catalog's actors and places as a search reads them, with none of the
/// index in: enough to tell which vocabulary words of names and which actors' said chunks
/// a query reads ([`likely_chunks`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Names {
    /// An index of no quotes whose vocabulary is the words of the speakers' names: those
    /// words, and only those of names, are in the whole index's vocabulary whatever its
    /// quotes say.
    index: QuoteIndex,
    /// By entity: whether it is an actor who speaks.
    speaks: Vec<bool>,
}

impl Default for Names {
    /// No names: a query reads, as far as they tell, its own words and no said chunk.
    fn default() -> Names {
        Names::of(CatalogOf { quotes: 0, documents: 0, actors: &[], places: &[] }, &[])
    }
}

impl Names {
    /// The names of `catalog`'s actors and places, `speaking` those who speak (the
    /// unfiltered list's speaker facet).
    pub fn of(catalog: CatalogOf<'_>, speaking: &[ActorId]) -> Names {
        let speaking: FxHashSet<&ActorId> = speaking.iter().collect();
        let speaks: Vec<bool> = catalog.actors.iter().map(|a| speaking.contains(&a.id)).collect();
        let mut words: Vec<String> = catalog
            .actors
            .iter()
            .zip(&speaks)
            .filter(|(_, &s)| s)
            .flat_map(|(a, _)| std::iter::once(&a.name).chain(&a.aliases))
            .flat_map(|n| super::tokens(n))
            .collect();
        words.sort_unstable();
        words.dedup();
        let postings = vec![Vec::new(); words.len()];
        Names { index: QuoteIndex::from_parts(catalog, words, postings, Columns::default()), speaks }
    }

    /// What a search of `q` surely reads, as far as the names tell: the words to find in
    /// the postings chunks (whole, or `true` for a word being typed, which reads every word
    /// it begins), and the actors (by number) whose said chunks it reads. Each word of a
    /// speaker's name that a query word stands for (exactly, as a prefix or a typo) is
    /// one; each word of every form of a speaker's name the query spells whole too. Some
    /// the whole index reads may be missing (words of quotes, names of those who do not
    /// speak), never one it does not read, so long as the query's own words are words of
    /// the vocabulary.
    fn read(&self, q: &str) -> (Vec<(String, bool)>, Vec<usize>) {
        let terms = self.index.prepare_anew(q);
        let mut words = Vec::new();
        for term in &terms {
            match &term.term {
                Term::Word { word, prefix } => {
                    words.push((word.clone(), *prefix));
                    words.extend(term.expanded.iter().map(|&(id, _)| (self.index.vocabulary[id as usize].clone(), false)));
                }
                Term::Phrase { words: phrase, prefix } => {
                    let last = phrase.len().saturating_sub(1);
                    words.extend(phrase.iter().enumerate().map(|(i, w)| (w.clone(), *prefix && i == last)));
                }
                Term::Entity { entity, typed } => {
                    // A speaker's every form is in the vocabulary; of anyone else's, only
                    // the words typed are known to be (if they are words at all).
                    let forms = match self.index.entities.get(*entity) {
                        Some(e) if self.speaks.get(*entity) == Some(&true) => e.forms.iter().flat_map(|(_, f)| f.clone()).collect(),
                        _ => super::tokens(typed),
                    };
                    words.extend(forms.into_iter().map(|w| (w, false)));
                }
            }
        }
        (words, self.index.speakers_named(&terms))
    }
}

/// The units a query surely reads if its words are words of the vocabulary, from what
/// the page knows before the terms shard is in (`guide`, and the catalog's `names`): the
/// postings chunk of each whole word, those of every word a word being typed begins
/// (however many chunks they run over: one round trip, not two), and of each word of a speaker's name the query's words stand for (with a typo,
/// or spelt whole in any of its forms); the said chunks of the actors its words name,
/// where the index reads those rather than every quote's speaker; the dates, for a sort
/// by date. A guess made so those units are fetched beside the terms shard: words of
/// quotes a query word stands for are known only from the vocabulary, and the index asks
/// for their chunks once it is in. Never a unit the query does not read while its own
/// words are words of the vocabulary, but for one case: the vocabulary may show that its
/// words also name actors who do not speak (their names' words being said in quotes),
/// and so the actors of more than half the said chunks, where the names alone did not;
/// the index then reads the speakers instead of the said chunks guessed.
pub fn likely_chunks(guide: &Guide, names: Option<&Names>, query: &QuoteQuery) -> Vec<usize> {
    let firsts = &guide.firsts;
    // The chunk a word is in, if it is in the vocabulary.
    let chunk_of = |word: &str| firsts.partition_point(|f| f.as_str() <= word).checked_sub(1);
    // Without the catalog, no names: the query's own words only.
    let (words, named) = match names {
        Some(names) => names.read(&query.q),
        None => Names::default().read(&query.q),
    };
    let mut out = Vec::new();
    for (word, prefix) in words {
        let w = word.as_str();
        // The chunk whose words run over `word`'s place (none: it comes before the first
        // word), and whether that chunk holds a word at or past it (its last word is).
        let at = chunk_of(w);
        let holds = at.filter(|&k| guide.lasts.get(k).is_none_or(|last| last.as_str() >= w));
        out.extend(holds);
        if prefix {
            // The words a word being typed begins run from its place to before the first
            // word past them: on from the chunk of its place, each next chunk whose first
            // word it begins. (A chunk's words at or past `word` and before a first word
            // that `word` begins all begin with it too.)
            out.extend((at.map_or(0, |k| k + 1)..firsts.len()).take_while(|&j| firsts[j].starts_with(w)));
        }
    }
    // After the postings chunks: the dates, the speakers, then the said chunks.
    let dates = firsts.len();
    if query.sort == QuoteSort::Date {
        out.push(dates);
    }
    // As [`ShardedIndex::missing`] decides with nothing in: a speaker filter, or a word
    // naming the actors of more than half the said chunks, reads the speakers instead
    // (too large to fetch on a guess).
    if query.speakers.is_empty() && !guide.said.is_empty() {
        let mut said: Vec<usize> = named.into_iter().filter_map(|e| guide.said.partition_point(|&s| s as usize <= e).checked_sub(1)).collect();
        said.dedup();
        if said.len() * 2 <= guide.said.len() {
            out.extend(said.into_iter().map(|j| dates + 2 + j));
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads quotes' sizes into `sizes` until it holds `upto`: a batch, in a call of its own
/// (see [`super::BATCH`]; a columns shard holds a size for each of 1,000,000 quotes).
#[inline(never)]
fn read_sizes(r: &mut Reader<'_>, sizes: &mut Vec<u32>, upto: usize) -> Result<(), IndexError> {
    while sizes.len() < upto {
        let size = r.varint()?;
        // No quote has words beyond what its text could hold (a bound that keeps every
        // position and score computed from it far from overflowing).
        if size > MAX_SIZE {
            return Err(IndexError(format!("columns shard: quote {} is {size} × 8 words long", sizes.len())));
        }
        sizes.push(size);
    }
    Ok(())
}

fn put_varint64(out: &mut Vec<u8>, mut n: u64) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

fn varint64(r: &mut Reader<'_>) -> Result<u64, IndexError> {
    let mut n: u64 = 0;
    for shift in (0..64).step_by(7) {
        let byte = r.take(1)?[0];
        n |= u64::from(byte & 0x7f) << shift;
        if byte & 0x80 == 0 {
            return Ok(n);
        }
    }
    Err(IndexError(format!("number too long at byte {}", r.at)))
}

fn header(magic: &[u8; 4], fingerprint: u64) -> Vec<u8> {
    let mut out = magic.to_vec();
    out.push(VERSION);
    out.extend_from_slice(&fingerprint.to_le_bytes());
    out
}

/// Reads a shard's header: its magic, version and fingerprint.
fn read_header<'a>(bytes: &'a [u8], magic: &[u8; 4], what: &str) -> Result<(Reader<'a>, u64), IndexError> {
    let mut r = Reader { bytes, at: 0 };
    if r.take(4)? != magic {
        return Err(IndexError(format!("not a Dossier search {what} (bad magic bytes)")));
    }
    let version = r.take(1)?[0];
    if version != VERSION {
        return Err(IndexError(format!("{what}: format version {version}, this build reads version {VERSION}")));
    }
    let stored: [u8; 8] = r.take(8)?.try_into().map_err(|_| IndexError(format!("{what}: truncated fingerprint")))?;
    Ok((r, u64::from_le_bytes(stored)))
}

fn at_end(r: &Reader<'_>, what: &str) -> Result<(), IndexError> {
    match r.remaining() {
        0 => Ok(()),
        n => Err(IndexError(format!("{what}: {n} bytes after the end"))),
    }
}

/// The postings of words `ids` as a chunk's body.
fn put_postings(out: &mut Vec<u8>, lists: &[Vec<Posting>]) {
    for list in lists {
        put_varint(out, list.len() as u32);
        let mut previous = Posting { quote: 0, word: 0 };
        for p in list {
            put_varint(out, p.quote - previous.quote);
            put_varint(out, if p.quote == previous.quote { p.word - previous.word } else { p.word });
            previous = *p;
        }
    }
}

/// Items' encodings cut into runs of about `chunk_bytes` (an item larger than that is a
/// run of its own): each run's first item, number of items and bytes.
fn runs(items: impl Iterator<Item = Vec<u8>>, chunk_bytes: usize) -> Vec<(usize, usize, Vec<u8>)> {
    let mut runs = Vec::new();
    let (mut first, mut n, mut body) = (0, 0, Vec::new());
    for one in items {
        if n > first && body.len() + one.len() > chunk_bytes {
            runs.push((first, n - first, std::mem::take(&mut body)));
            first = n;
        }
        body.extend_from_slice(&one);
        n += 1;
    }
    if n > 0 {
        runs.push((first, n - first, body));
    }
    runs
}

/// Run `k` as a unit: its header, which run it is, and its body.
fn run_unit(magic: &[u8; 4], print: u64, k: usize, (first, count, body): (usize, usize, Vec<u8>)) -> Vec<u8> {
    let mut out = header(magic, print);
    put_varint(&mut out, k as u32);
    put_varint(&mut out, first as u32);
    put_varint(&mut out, count as u32);
    out.extend_from_slice(&body);
    out
}

/// Reads how many items each of a shard's runs holds, none empty, `total` in all: the
/// first item of each run, and `total` last.
fn read_runs(r: &mut Reader<'_>, total: usize, what: &str, items: &str, whole: &str) -> Result<Vec<usize>, IndexError> {
    let count = r.varint()? as usize;
    let mut starts = Vec::with_capacity(count.min(r.remaining()) + 1);
    let mut at = 0usize;
    for k in 0..count {
        starts.push(at);
        let n = r.varint()? as usize;
        if n == 0 {
            return Err(IndexError(format!("terms shard: {what} {k} holds no {items}")));
        }
        at = at.saturating_add(n);
    }
    if at != total {
        return Err(IndexError(format!("terms shard: the {what}s hold {at} {items}s, {whole} {total}")));
    }
    starts.push(at);
    Ok(starts)
}

/// Reads which run a unit says it is (its number, first item and number of items) and
/// checks it against the runs the terms shard gave (`starts`): the run's number and items.
fn read_run(r: &mut Reader<'_>, starts: &[usize], what: &str, item: &str) -> Result<(usize, Range<usize>), IndexError> {
    let k = r.varint()? as usize;
    let (first, count) = (r.varint()? as usize, r.varint()? as usize);
    // Sums checked: on a 32-bit target a hostile header could overflow them.
    let Some(range) = k.checked_add(2).and_then(|end| starts.get(k..end)) else {
        return Err(IndexError(format!("{what} {k}: the index has {} {what}s", starts.len() - 1)));
    };
    if first.checked_add(count).is_none_or(|end| range != [first, end]) {
        return Err(IndexError(format!("{what} {k}: holds {count} {item}s from {item} {first}, the terms shard says {}..{}", range[0], range[1])));
    }
    Ok((k, first..first + count))
}

impl QuoteIndex {
    /// This (whole) index of `corpus` as shards, the postings cut into chunks of about
    /// `chunk_bytes`.
    pub fn to_shards(&self, corpus: &Corpus, chunk_bytes: usize) -> Shards {
        let print = fingerprint(corpus);
        let n = self.columns.len() as u32;
        // The chunks: runs of words whose postings come to about `chunk_bytes`.
        let bodies = runs(
            (0..self.vocabulary.len()).map(|id| {
                let mut one = Vec::new();
                put_postings(&mut one, &self.postings[id..=id]);
                one
            }),
            chunk_bytes,
        );
        // The quotes each actor said, in runs of actors of about `chunk_bytes`.
        let said = runs(
            (0..corpus.actors.len()).map(|e| {
                let mut one = Vec::new();
                let quotes = self.said(e);
                put_varint(&mut one, quotes.len() as u32);
                let mut previous = 0;
                for &q in quotes {
                    put_varint(&mut one, q - previous);
                    previous = q;
                }
                one
            }),
            chunk_bytes,
        );

        let mut terms = header(TERMS, print);
        put_varint(&mut terms, n);
        put_words(&mut terms, &self.vocabulary);
        put_varint(&mut terms, bodies.len() as u32);
        for (_, count, _) in &bodies {
            put_varint(&mut terms, *count as u32);
        }
        put_varint(&mut terms, said.len() as u32);
        for (_, count, _) in &said {
            put_varint(&mut terms, *count as u32);
        }

        let c = &self.columns;
        let mut columns = header(COLUMNS, print);
        put_varint(&mut columns, n);
        put_varint(&mut columns, corpus.documents.len() as u32);
        // Each document's quotes are mostly side by side: its column as runs, a few
        // numbers where a quote each would be a million at a million quotes (and read
        // as fast as memory is written, when a search opens the index).
        let runs: Vec<&[u32]> = c.document.chunk_by(|a, b| a == b).collect();
        put_varint(&mut columns, runs.len() as u32);
        for run in runs {
            put_varint(&mut columns, run[0]);
            put_varint(&mut columns, run.len() as u32);
        }
        columns.extend_from_slice(&c.kind);
        for &size in &c.size {
            put_varint(&mut columns, size);
        }
        // Quotes next to each other are mostly of one day: each date as the step from the
        // last one, small and repetitive.
        let mut dates = header(DATES, print);
        put_varint(&mut dates, n);
        let mut previous = 1i64 << 31;
        for &key in &c.date {
            if key == u32::MAX {
                put_varint64(&mut dates, 0);
            } else {
                let step = i64::from(key) - previous;
                put_varint64(&mut dates, ((step << 1) ^ (step >> 63)) as u64 + 1);
                previous = i64::from(key);
            }
        }

        let guide = Guide {
            firsts: bodies.iter().map(|(first, _, _)| self.vocabulary[*first].clone()).collect(),
            lasts: bodies.iter().map(|(first, count, _)| self.vocabulary[first + count - 1].clone()).collect(),
            said: said.iter().map(|(first, _, _)| *first as u32).collect(),
        };
        let mut chunks: Vec<Vec<u8>> = bodies.into_iter().enumerate().map(|(k, run)| run_unit(CHUNK, print, k, run)).collect();
        let mut speakers = header(SPEAKERS, print);
        put_varint(&mut speakers, n);
        put_varint(&mut speakers, corpus.actors.len() as u32);
        for &s in &c.speaker {
            put_varint(&mut speakers, s.wrapping_add(1));
        }
        chunks.push(dates);
        chunks.push(speakers);
        chunks.extend(said.into_iter().enumerate().map(|(j, run)| run_unit(SAID, print, j, run)));
        Shards { terms, columns, chunks, guide }
    }
}

/// A search index read from its shards: the vocabulary and columns, and the postings,
/// dates and speakers added so far. It answers a query only when it holds every unit the
/// query reads, and then exactly as the whole index would.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ShardedIndex {
    index: QuoteIndex,
    fingerprint: u64,
    /// The first word of each postings chunk, and the vocabulary's length last.
    starts: Vec<usize>,
    /// The first actor of each said chunk, and the number of actors last.
    said_starts: Vec<usize>,
    /// Which units are in: the postings chunks, the dates, the speakers, the said chunks.
    loaded: Vec<bool>,
    /// How many quotes the terms shard says the index covers.
    quotes: usize,
    /// How many actors and documents the catalog has (the columns and speakers are
    /// checked against them).
    actors: usize,
    documents: usize,
    /// Whether the columns shard is read ([`ShardedIndex::open_terms`] leaves it out).
    columns_in: bool,
    /// The last ranking made, with the query and the units that were in: a page asks
    /// again for the same query each time a file it shows comes in (a hit's excerpts,
    /// the speakers), and ranking 10,000 hits again would hold back that paint. A unit
    /// read in makes another ranking (the key holds what was in).
    last: Kept<Option<LastRanking>>,
}

/// A sharded index's last ranking: its query, which units were in, the ranking.
type LastRanking = (QuoteQuery, Vec<bool>, Arc<Ranking>);

impl ShardedIndex {
    /// The index from its `terms` and `columns` shards, for a corpus's catalog (its
    /// counts, actors, places and documents; a [`Corpus`] whose quotes need not be
    /// there will do), with no chunk yet.
    pub fn open<'a>(catalog: impl Into<CatalogOf<'a>>, terms: &[u8], columns: &[u8]) -> Result<ShardedIndex, IndexError> {
        let catalog: CatalogOf<'a> = catalog.into();
        let mut index = ShardedIndex::open_terms(catalog, terms)?;
        index.add_columns(catalog, columns)?;
        Ok(index)
    }

    /// The index from its `terms` shard alone: it says which chunks a query reads
    /// ([`ShardedIndex::missing`]) while the columns are on their way. Until
    /// [`ShardedIndex::add_columns`] has read them it must not be asked to rank (it holds
    /// no quote: a filter alone would find nothing), so `core::pack::Shelf` hands it to a
    /// page only with its columns ([`ShardedIndex::has_columns`]).
    pub fn open_terms<'a>(catalog: impl Into<CatalogOf<'a>>, terms: &[u8]) -> Result<ShardedIndex, IndexError> {
        let corpus: CatalogOf<'a> = catalog.into();
        let (mut r, print) = read_header(terms, TERMS, "terms shard")?;
        let quotes = r.varint()? as usize;
        let vocabulary = read_words(&mut r)?;
        let starts = read_runs(&mut r, vocabulary.len(), "chunk", "word", "the vocabulary has")?;
        let said_starts = read_runs(&mut r, corpus.actors.len(), "said chunk", "actor", "the catalog has")?;
        at_end(&r, "terms shard")?;
        if quotes != corpus.quotes {
            return Err(IndexError(format!("terms shard: holds {quotes} quotes, the catalog counts {}", corpus.quotes)));
        }
        let postings = vec![Vec::new(); vocabulary.len()];
        // The postings chunks and the dates, the speakers and the said chunks.
        let loaded = vec![false; starts.len() + said_starts.len()];
        let index = QuoteIndex::from_parts(corpus, vocabulary, postings, Columns::default());
        let (actors, documents) = (corpus.actors.len(), corpus.documents);
        Ok(ShardedIndex { index, fingerprint: print, starts, said_starts, loaded, quotes, actors, documents, columns_in: false, last: Kept::default() })
    }

    /// Reads the `columns` shard in (checked against the terms shard read and the
    /// catalog): the index then answers queries once their chunks are in.
    pub fn add_columns<'a>(&mut self, catalog: impl Into<CatalogOf<'a>>, columns: &[u8]) -> Result<(), IndexError> {
        let corpus: CatalogOf<'a> = catalog.into();
        let (print, quotes) = (self.fingerprint, self.quotes);
        let (mut r, column_print) = read_header(columns, COLUMNS, "columns shard")?;
        if column_print != print {
            return Err(IndexError("columns shard: from another build than the terms shard".into()));
        }
        let n = r.varint()? as usize;
        if n != quotes {
            return Err(IndexError(format!("columns shard: holds {n} quotes, the terms shard {quotes}")));
        }
        let documents = r.varint()? as usize;
        if documents != corpus.documents {
            return Err(IndexError(format!("columns shard: built for {documents} documents, the catalog has {}", corpus.documents)));
        }
        // The runs first, as read (each at least two bytes, so no more of them than the
        // bytes hold), then their quotes: a column as large as the quotes counted is
        // made only once the shard is seen to hold a kind and a length for each of them.
        let mut runs: Vec<(u32, usize)> = Vec::new();
        let mut covered = 0;
        for k in 0..r.varint()? as usize {
            let (d, count) = (r.varint()?, r.varint()? as usize);
            if d as usize >= documents {
                return Err(IndexError(format!("columns shard: run {k}'s document {d} is past the {documents} documents")));
            }
            if count == 0 {
                return Err(IndexError(format!("columns shard: run {k} is empty")));
            }
            if count > n - covered {
                return Err(IndexError(format!("columns shard: run {k} of {count} quotes runs past the {n} quotes")));
            }
            covered += count;
            runs.push((d, count));
        }
        if covered != n {
            return Err(IndexError(format!("columns shard: its runs of documents cover {covered} of the {n} quotes")));
        }
        if r.remaining() / 2 < n {
            return Err(IndexError(format!("columns shard: truncated ({} bytes left for the kinds and lengths of {n} quotes)", r.remaining())));
        }
        let mut c = Columns { document: Vec::with_capacity(n), ..Columns::default() };
        for (d, count) in runs {
            c.document.resize(c.document.len() + count, d);
        }
        c.kind = r.take(n)?.to_vec();
        if let Some(q) = c.kind.iter().position(|&k| usize::from(k) >= QuoteKind::ALL.len()) {
            return Err(IndexError(format!("columns shard: quote {q}'s kind is unknown")));
        }
        c.size = Vec::with_capacity(n);
        while c.size.len() < n {
            let upto = n.min(c.size.len() + super::BATCH);
            read_sizes(&mut r, &mut c.size, upto)?;
        }
        at_end(&r, "columns shard")?;
        // Every quote undated until the dates are read (only a sort by date reads them),
        // and said by nobody known until the speakers are (what reads them asks first).
        c.date = vec![u32::MAX; n];
        self.index.set_columns(c);
        self.columns_in = true;
        Ok(())
    }

    /// Whether the columns are in ([`ShardedIndex::add_columns`]): until then the index
    /// only says which chunks queries read.
    pub fn has_columns(&self) -> bool {
        self.columns_in
    }

    /// How many units it fetches on demand: the postings chunks, then the dates, the
    /// speakers and the said chunks.
    pub fn chunks(&self) -> usize {
        self.loaded.len()
    }

    /// The unit that holds the dates.
    pub fn dates(&self) -> usize {
        self.starts.len() - 1
    }

    /// The unit that holds each quote's speaker.
    pub fn speakers(&self) -> usize {
        self.starts.len()
    }

    /// The unit that holds the quotes actor entity `e` said (a said chunk).
    pub fn said_chunk_of(&self, e: usize) -> usize {
        self.speakers() + self.said_starts.partition_point(|&s| s <= e)
    }

    /// Whether each quote's speaker is in: until then the facets count no speaker.
    pub fn has_speakers(&self) -> bool {
        self.loaded[self.speakers()]
    }

    /// How many quotes the index covers.
    pub fn quotes(&self) -> usize {
        self.index.quotes()
    }

    /// Whether chunk `k` is in.
    pub fn has_chunk(&self, k: u32) -> bool {
        self.loaded.get(k as usize).copied().unwrap_or(false)
    }

    /// Reads a chunk's postings in; says which chunk it was. A chunk already in is read
    /// again harmlessly.
    pub fn add_chunk(&mut self, bytes: &[u8]) -> Result<usize, IndexError> {
        if bytes.starts_with(DATES) {
            return self.add_dates(bytes);
        }
        if bytes.starts_with(SPEAKERS) {
            return self.add_speakers(bytes);
        }
        if bytes.starts_with(SAID) {
            return self.add_said(bytes);
        }
        let mut r = self.unit(bytes, CHUNK, "postings chunk")?;
        let (k, items) = read_run(&mut r, &self.starts, "postings chunk", "word")?;
        let n = self.index.columns.len() as u32;
        let mut lists = Vec::with_capacity(items.len());
        for id in items.clone() {
            let len = r.varint()? as usize;
            let mut list = Vec::with_capacity(len.min(r.remaining()));
            let mut previous = Posting { quote: 0, word: 0 };
            for i in 0..len {
                let quote = previous.quote.checked_add(r.varint()?);
                let step = r.varint()?;
                let word = match quote {
                    Some(q) if q == previous.quote && i > 0 => previous.word.checked_add(step).filter(|_| step > 0),
                    Some(_) => Some(step),
                    None => None,
                };
                let p = quote.zip(word).map(|(quote, word)| Posting { quote, word });
                // In order, each within its quote's words (as far as their number over 8 says).
                let Some(p) = p.filter(|p| p.quote < n && p.word / 8 <= self.index.columns.size[p.quote as usize] && (i == 0 || *p > previous)) else {
                    return Err(IndexError(format!("postings chunk {k}: word {id}'s posting {i} is out of order or range")));
                };
                list.push(p);
                previous = p;
            }
            lists.push(list);
        }
        at_end(&r, "postings chunk")?;
        for (id, list) in items.zip(lists) {
            self.index.postings[id] = list;
        }
        self.loaded[k] = true;
        Ok(k)
    }

    /// A unit's reader past its header (magic, version and fingerprint), the unit of the
    /// same build as the terms shard.
    fn unit<'a>(&self, bytes: &'a [u8], magic: &[u8; 4], what: &str) -> Result<Reader<'a>, IndexError> {
        let (r, print) = read_header(bytes, magic, what)?;
        if print != self.fingerprint {
            return Err(IndexError(format!("{what}: from another build than the terms shard")));
        }
        Ok(r)
    }

    /// Reads how many quotes a unit of one value per quote holds: the index's number.
    fn read_quotes(&self, r: &mut Reader<'_>, what: &str) -> Result<usize, IndexError> {
        let n = r.varint()? as usize;
        if n != self.index.columns.len() {
            return Err(IndexError(format!("{what}: holds {n} quotes, the index {}", self.index.columns.len())));
        }
        Ok(n)
    }

    /// Reads the dates in.
    fn add_dates(&mut self, bytes: &[u8]) -> Result<usize, IndexError> {
        let mut r = self.unit(bytes, DATES, "dates")?;
        let n = self.read_quotes(&mut r, "dates")?;
        let mut dates = Vec::with_capacity(n.min(r.remaining()));
        let mut previous = 1i64 << 31;
        for q in 0..n {
            let v = varint64(&mut r)?;
            if v == 0 {
                dates.push(u32::MAX);
                continue;
            }
            let z = v - 1;
            let step = (z >> 1) as i64 ^ -((z & 1) as i64);
            let key = previous.checked_add(step).filter(|k| (0..i64::from(u32::MAX)).contains(k));
            let Some(key) = key else { return Err(IndexError(format!("dates: quote {q}'s date is out of range"))) };
            dates.push(key as u32);
            previous = key;
        }
        at_end(&r, "dates")?;
        self.index.columns.date = dates;
        let k = self.dates();
        self.loaded[k] = true;
        Ok(k)
    }

    /// Reads the speakers in.
    fn add_speakers(&mut self, bytes: &[u8]) -> Result<usize, IndexError> {
        let mut r = self.unit(bytes, SPEAKERS, "speakers")?;
        let n = self.read_quotes(&mut r, "speakers")?;
        let actors = r.varint()? as usize;
        if actors != self.actors {
            return Err(IndexError(format!("speakers: built for {actors} actors, the catalog has {}", self.actors)));
        }
        let mut speaker = Vec::with_capacity(n.min(r.remaining()));
        for q in 0..n {
            let s = r.varint()?;
            if s as usize > actors {
                return Err(IndexError(format!("speakers: quote {q}'s speaker {s} is past the {actors} actors")));
            }
            speaker.push(s.wrapping_sub(1));
        }
        at_end(&r, "speakers")?;
        self.index.set_speakers(speaker);
        let k = self.speakers();
        self.loaded[k] = true;
        Ok(k)
    }

    /// Reads a said chunk in: the quotes each of its actors said.
    fn add_said(&mut self, bytes: &[u8]) -> Result<usize, IndexError> {
        let mut r = self.unit(bytes, SAID, "said chunk")?;
        let (j, actors) = read_run(&mut r, &self.said_starts, "said chunk", "actor")?;
        let n = self.quotes as u32;
        let mut lists = Vec::with_capacity(actors.len());
        for e in actors.clone() {
            let len = r.varint()? as usize;
            let mut list: Vec<u32> = Vec::with_capacity(len.min(r.remaining()));
            for i in 0..len {
                let step = r.varint()?;
                // Ascending, once each, within the quotes.
                let q = match list.last() {
                    Some(&last) => last.checked_add(step).filter(|_| step > 0),
                    None => Some(step),
                };
                let Some(q) = q.filter(|&q| q < n) else {
                    return Err(IndexError(format!("said chunk {j}: actor {e}'s quote {i} is out of order or range")));
                };
                list.push(q);
            }
            lists.push(list);
        }
        at_end(&r, "said chunk")?;
        for (e, list) in actors.zip(lists) {
            self.index.set_said(e, list);
        }
        let k = self.speakers() + 1 + j;
        self.loaded[k] = true;
        Ok(k)
    }

    /// The chunk holding word `id`.
    fn chunk_of(&self, id: usize) -> usize {
        self.starts.partition_point(|&s| s <= id) - 1
    }

    /// The chunks a query reads that are not in yet, ascending (none: it can be answered).
    pub fn missing(&self, query: &QuoteQuery) -> Vec<usize> {
        self.missing_words(&self.index.prepare(&query.q), query)
    }

    fn missing_words(&self, terms: &[super::Prepared], query: &QuoteQuery) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        if query.sort == QuoteSort::Date && !self.loaded[self.dates()] {
            out.push(self.dates());
        }
        if !self.has_speakers() {
            // The quotes said by the actors its words name (all in with the speakers).
            let mut said: Vec<usize> = self.index.speakers_named(terms).into_iter().map(|e| self.said_chunk_of(e)).filter(|&k| !self.loaded[k]).collect();
            said.dedup();
            // A speaker filter reads the speakers; so does a word naming most actors (a
            // short prefix): one file, about half the bytes of every said chunk.
            let said_chunks = self.said_starts.len() - 1;
            if !query.speakers.is_empty() || said.len() * 2 > said_chunks {
                out.push(self.speakers());
            } else {
                out.extend(said);
            }
        }
        for ids in self.index.touched(terms) {
            if ids.is_empty() {
                continue;
            }
            let chunks: Range<usize> = self.chunk_of(ids.start)..self.chunk_of(ids.end - 1) + 1;
            out.extend(chunks.filter(|&k| !self.loaded[k]));
        }
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The quotes matching `query` ([`QuoteIndex::rank`]), or the chunks it still needs.
    /// `corpus` is the catalog the index was opened for (its filters name its actors and
    /// documents): asked again with the same query and nothing read in since, the last
    /// ranking is the answer, shared rather than copied (at 1,000,000 quotes a ranking
    /// can hold 300,000 hits, megabytes to copy at each file a page shows coming in).
    pub fn rank(&self, corpus: &Corpus, query: &QuoteQuery) -> Result<Arc<Ranking>, Vec<usize>> {
        let mut last = self.last.0.try_lock().ok();
        if let Some((q, loaded, ranking)) = last.as_deref().and_then(Option::as_ref) {
            if q == query && *loaded == self.loaded && self.columns_in {
                return Ok(ranking.clone());
            }
        }
        // Prepared once: expanding the words (the typo scan) is most of a query's setup.
        let ranking = Arc::new(self.rank_terms(corpus, query, self.index.prepare(&query.q))?);
        if let (Some(last), true) = (last.as_deref_mut(), self.columns_in) {
            *last = Some((query.clone(), self.loaded.clone(), ranking.clone()));
        }
        Ok(ranking)
    }

    /// [`ShardedIndex::rank`] as a query new to the index costs: its words expanded and
    /// its quotes ranked, nothing taken from the last query or ranking. What a reader's
    /// next keystroke costs once its files are in (the benchmark's warm queries).
    pub fn rank_anew(&self, corpus: &Corpus, query: &QuoteQuery) -> Result<Ranking, Vec<usize>> {
        self.rank_terms(corpus, query, self.index.prepare_anew(&query.q).into())
    }

    /// The ranking of `query`, whose words are `terms`, or the chunks it still needs.
    fn rank_terms(&self, corpus: &Corpus, query: &QuoteQuery, terms: Arc<[super::Prepared]>) -> Result<Ranking, Vec<usize>> {
        let missing = self.missing_words(&terms, query);
        if !missing.is_empty() {
            return Err(missing);
        }
        Ok(self.index.rank_prepared(corpus, query, terms))
    }

    /// The facets of `query`, whose results are `found` (a ranking of this index: a facet
    /// lifts a filter, never a word, so it reads no other chunk). Until the speakers are
    /// in ([`ShardedIndex::has_speakers`]) the speaker facet is empty, never a wrong count.
    pub fn facets(&self, corpus: &Corpus, query: &QuoteQuery, found: &Ranking) -> QuoteFacets {
        quote_facets(&self.index, corpus, query, found)
    }

    /// A hit of a ranking of this index, explained from its text.
    pub fn explain(&self, ranking: &Ranking, text: &str, hit: &super::Ranked) -> super::Hit {
        ranking.explain_text(&self.index, text, hit)
    }

    /// [`QuoteIndex::suggest`], or the chunks the respelt query still needs.
    pub fn suggest(&self, corpus: &Corpus, query: &QuoteQuery) -> Result<Option<String>, Vec<usize>> {
        let Some(better) = self.index.respell(&query.q) else { return Ok(None) };
        let respelt = QuoteQuery { q: better.clone(), ..query.clone() };
        Ok((!self.rank(corpus, &respelt)?.is_empty()).then_some(better))
    }
}
