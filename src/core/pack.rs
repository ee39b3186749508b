//! The data files: how the static build hands the checked corpus to the browser. This one
//! module owns both directions, [`encode`] (natively, at build time, after validation)
//! and [`read_manifest`], [`read_shard`] and [`Shelf`] (in the browser), so the two
//! cannot drift. The browser never parses JSON and never validates: it checks that each
//! file is the one the manifest names, byte for byte, and decodes it.
//!
//! A build writes, beside the pages, under [`DATA_DIR`]:
//! - **the manifest** `manifest-<hash>.bin`, named in every page's head: for each shard
//!   its kind, the range of records it holds (`first`, `count`), its file name, size and
//!   content hash; the site's base URL;
//! - **shards** `<kind>-<hash>.bin` of what the lists and search need whole: the catalog
//!   (documents without their paragraphs, actors, places and the whole corpus's
//!   [`Counts`]), quotes and events (cut into shards of at most `max_records` records,
//!   record `i` in the shard whose range holds it; events without their evidence, which
//!   the timeline does not show, in `evidence` shards of the same ranges that an export
//!   fetches) and the prebuilt search index;
//! - **a slice per record page** `slice-<hash>.bin` ([`Slice`]): exactly the records
//!   that page shows, so a quote's page fetches one quote, its paragraph, its events and
//!   its citation whatever the corpus's size; and one for each list: the quotes list's
//!   first page, count and facets, the timeline's first page, count, chart and actor
//!   counts ([`crate::core::lists`]). A page's head names its own slice; for a
//!   page reached inside the app, **directory** shards (listed in the manifest, about
//!   [`DIRECTORY_ENTRIES`] pages each, bucketed by a hash of the page's key) name it;
//! - **files named by number under one hash of their set**, many of the same kind that
//!   change together, so the manifest lists the set once, not each file's hash: the
//!   search index's postings and excerpts ([`SearchFiles`], for a large corpus) and the
//!   actors' lanes, each actor's events for the timeline's actor filter ([`LaneFiles`]).
//!   Each body carries its set, so another release's file under the same name is refused;
//!   a change to any one of them renames them all (a returning reader fetches the set's
//!   files again: the price of a manifest that does not grow with them).
//!
//! [`need_for`] says what each page fetches; [`Shelf`] joins whatever has been read
//! (whole parts and slices) into one [`Corpus`] in the corpus's order.
//!
//! Every file is a header and a body:
//!
//! ```text
//! "DOSSIER" version:u16le kind:u8 body-hash:u64le body-length:u32le body
//! ```
//!
//! The body is [postcard](https://docs.rs/postcard) (serde's data model, varints). Other
//! names are content-addressed (the body's hash), so a shard that did not change between
//! two releases keeps its name and its cache entry, and one manifest can never be served
//! with another release's shard: a file whose bytes are not the ones its manifest names
//! (or, named by set, whose set is not the manifest's) is refused with a reason
//! ([`PackError`]), never decoded into wrong data, never a panic.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::core::cite::{Cited, Citations};
use crate::core::lists::{QuotesFirst, TimelineFirst};
use crate::core::model::{Actor, ActorId, Corpus, Counts, Document, DocumentId, Event, Paragraph, Parts, Place, Quote};
use crate::core::route::{part_paragraphs, parts_of, Page, QuoteQuery, Route, TimelineQuery};
use crate::core::search::{likely_chunks, CatalogOf, Names, QuoteIndex, ShardedIndex};

/// The format's version: a reader refuses files of another.
pub const VERSION: u16 = 12;
/// The folder of the site that holds the data files.
pub const DATA_DIR: &str = "data";
/// The `<meta name>` under which every page names its manifest.
pub const MANIFEST_META: &str = "dossier-data";
/// The `<meta name>` under which a record page names its own slice's file, so a cold
/// visit fetches it beside the manifest instead of after a directory.
pub const SLICE_META: &str = "dossier-slice";
/// How many quotes or events one shard holds at most, by default.
pub const MAX_RECORDS: usize = 5_000;
/// About how many record pages one directory shard lists.
pub const DIRECTORY_ENTRIES: usize = 1_024;
/// Past how many quotes a build shards its search index ([`SearchFiles`]), so a search
/// fetches what its words need instead of every quote: past one quotes shard.
pub const SHARDED_SEARCH_FROM: usize = MAX_RECORDS;
/// How many quotes one excerpts file holds: the records of search hits, fetched for the
/// hits shown.
pub const EXCERPT_QUOTES: usize = 8;
/// About how many events one lanes shard holds: actors in the corpus's order, each with
/// every event they are in, until the next would pass this (an actor with more has a
/// shard of their own).
pub const LANE_EVENTS: usize = 250;

const MAGIC: &[u8; 7] = b"DOSSIER";
const HEADER: usize = MAGIC.len() + 2 + 1 + 8 + 4;

/// What a data file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Manifest,
    Catalog,
    Quotes,
    Events,
    Index,
    /// The records one record page shows ([`Slice`]).
    Slice,
    /// Which slice file holds each record page's data, for the pages whose key falls in
    /// this bucket ([`bucket_of`]).
    Directory,
    /// The evidence of the events of the [`Kind::Events`] shard with the same range.
    Evidence,
    /// The sharded search index's vocabulary and chunk ranges (`core::search::Shards`).
    Terms,
    /// What the sharded search reads of every quote besides its words.
    Columns,
    /// One chunk of the sharded search index's postings.
    Postings,
    /// The quote records of a range of [`EXCERPT_QUOTES`] quotes, for search hits.
    Excerpts,
    /// A range of actors' lanes: each actor's events (summaries, without evidence), what
    /// the timeline filtered by those actors shows ([`LANE_EVENTS`], [`LaneFiles`]).
    Lanes,
}

impl Kind {
    const ALL: [Kind; 13] = [
        Kind::Manifest,
        Kind::Catalog,
        Kind::Quotes,
        Kind::Events,
        Kind::Index,
        Kind::Slice,
        Kind::Directory,
        Kind::Evidence,
        Kind::Terms,
        Kind::Columns,
        Kind::Postings,
        Kind::Excerpts,
        Kind::Lanes,
    ];

    /// The start of its files' names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Manifest => "manifest",
            Kind::Catalog => "catalog",
            Kind::Quotes => "quotes",
            Kind::Events => "events",
            Kind::Index => "index",
            Kind::Slice => "slice",
            Kind::Directory => "directory",
            Kind::Evidence => "evidence",
            Kind::Terms => "terms",
            Kind::Columns => "columns",
            Kind::Postings => "postings",
            Kind::Excerpts => "excerpts",
            Kind::Lanes => "lanes",
        }
    }

    /// The part of a corpus its shards make up (none for the manifest, slices and
    /// directories, which are not parts).
    pub fn part(self) -> Parts {
        match self {
            Kind::Manifest | Kind::Slice | Kind::Directory | Kind::Terms | Kind::Columns | Kind::Postings | Kind::Excerpts | Kind::Lanes => {
                Parts::NONE
            }
            Kind::Catalog => Parts::CATALOG,
            Kind::Quotes => Parts::QUOTES,
            Kind::Events => Parts::EVENTS,
            Kind::Index => Parts::INDEX,
            Kind::Evidence => Parts::EVIDENCE,
        }
    }

    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// What a page must have before it renders: whole parts (the catalog always), and for a
/// record page or a list its [`Slice`], named by [`slice_key`], unless the parts
/// `instead` are all in (the quotes list's first page is in every quote and the index,
/// the timeline's in every event).
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Need {
    pub parts: Parts,
    pub slice: Option<String>,
    pub instead: Parts,
    /// Files of the sharded search index ([`SearchFiles`]), if any.
    pub search: Option<SearchNeed>,
    /// Actors whose every event is needed (their lanes shards), unless every event is.
    pub lanes: Vec<ActorId>,
}

/// What a search of a sharded index needs: its terms and columns always, and the
/// postings chunks its words read and the excerpts files of the hits it shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct SearchNeed {
    pub chunks: Vec<u32>,
    /// Excerpts files by number (quote `n` is in file `n / EXCERPT_QUOTES`).
    pub excerpts: Vec<u32>,
    /// A query whose words' chunks are wanted too, as soon as the terms shard says which
    /// they are (before the page has the index to ask): its postings are then fetched
    /// beside the columns, not after them.
    pub query: Option<QuoteQuery>,
}

impl Need {
    /// The whole parts `parts` (the catalog with them).
    pub fn parts(parts: Parts) -> Need {
        Need { parts: parts.with(Parts::CATALOG), slice: None, instead: Parts::NONE, search: None, lanes: Vec::new() }
    }

    /// The sharded search index's terms and columns, and `chunks` and `excerpts` files.
    pub fn sharded(chunks: Vec<u32>, excerpts: Vec<u32>) -> Need {
        Need { search: Some(SearchNeed { chunks, excerpts, query: None }), ..Need::parts(Parts::CATALOG) }
    }

    /// The sharded search index's terms and columns, and the chunks `query`'s words read.
    pub fn sharded_query(query: &QuoteQuery) -> Need {
        Need { search: Some(SearchNeed { query: Some(query.clone()), ..SearchNeed::default() }), ..Need::parts(Parts::CATALOG) }
    }

    /// Every quote and the search index: what any query of the quotes page needs.
    pub fn search() -> Need {
        Need::parts(Parts::QUOTES.with(Parts::INDEX))
    }

    /// What any query of the quotes page needs before its words are known: every quote
    /// and the index, or where the release shards its search (`sharded`), that index's
    /// terms and columns (the words' chunks and the hits' excerpts follow from them).
    pub fn search_start(sharded: bool) -> Need {
        if sharded {
            Need::sharded(Vec::new(), Vec::new())
        } else {
            Need::search()
        }
    }

    /// Every event (without evidence): what a filter, zoom or fold of the timeline
    /// without an actor chosen needs.
    pub fn events() -> Need {
        Need::parts(Parts::EVENTS)
    }

    /// What the timeline needs to answer `query` beyond its first view: with actors
    /// chosen, only their events (their lanes shards: every event the query can keep
    /// involves one of them) and the first view (the picker's counts, which leave the
    /// actor filter out); otherwise every event.
    pub fn timeline(query: &TimelineQuery) -> Need {
        if query.actors.is_empty() {
            Need::events()
        } else {
            Need { lanes: query.actors.clone(), ..need_for(&Page::Timeline) }
        }
    }

    /// Whether its slice is needed, given the whole parts `have`.
    pub fn slice_needed(&self, have: Parts) -> Option<&str> {
        let instead = !self.instead.is_empty() && have.contains(self.instead);
        self.slice.as_deref().filter(|_| !instead)
    }
}

/// What `page` needs, so the browser fetches that and nothing else. A record page needs
/// only its slice, and so do the lists (their first view): their size does not grow
/// with the corpus. A test renders each page from only what this names and compares it
/// with the page rendered from the whole corpus.
pub fn need_for(page: &Page) -> Need {
    let instead = match page {
        Page::Quotes => Need::search().parts,
        Page::Timeline => Need::events().parts,
        _ => Parts::NONE,
    };
    Need { parts: Parts::CATALOG, slice: slice_key(page), instead, search: None, lanes: Vec::new() }
}

/// What `route` needs with its query state: the quotes page with a search, a filter or
/// another order needs every quote and the index (or, where the release shards its
/// search, `sharded`, that index's terms and columns first: the words' chunks and the
/// hits' excerpts follow from them, asked for by the page, whose list says if they fail
/// and offers a retry), the timeline with a filter or a span every event, or with actors
/// chosen only theirs ([`Need::timeline`]);
/// any other route what its page needs.
pub fn need_for_route(route: &Route, sharded: bool) -> Need {
    match route {
        // The list's own slice too, which the page is rendered from while it searches.
        Route::Quotes(q) if *q != QuoteQuery::default() && sharded => Need { search: Need::search_start(true).search, ..need_for(&Page::Quotes) },
        Route::Quotes(q) if *q != QuoteQuery::default() => Need::search_start(false),
        Route::Timeline(q) if q.is_filtered() => Need::timeline(q),
        _ => need_for(&route.page()),
    }
}

/// The key of a record page's slice (`quote/<id>`, …) or of a list's (`list/quotes`,
/// `list/timeline`); `None` for other pages.
pub fn slice_key(page: &Page) -> Option<String> {
    match page {
        Page::Quotes => Some("list/quotes".to_owned()),
        Page::Timeline => Some("list/timeline".to_owned()),
        Page::Quote(id) => Some(format!("quote/{}", id.as_str())),
        Page::Event(id) => Some(format!("event/{}", id.as_str())),
        Page::Actor(id) => Some(format!("actor/{}", id.as_str())),
        Page::Document(id, 1) => Some(format!("document/{}", id.as_str())),
        Page::Document(id, part) => Some(format!("document/{}/part/{part}", id.as_str())),
        _ => None,
    }
}

/// The directory bucket, of `buckets`, that lists the slice `key`.
pub fn bucket_of(key: &str, buckets: usize) -> u32 {
    (content_hash(key.as_bytes()) % buckets.max(1) as u64) as u32
}

/// One shard as the manifest lists it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ShardRef {
    pub kind: Kind,
    /// The first record it holds (quotes and events; 0 for the others).
    pub first: u32,
    /// How many records it holds (quotes and events; 1 for the others).
    pub count: u32,
    /// Its file name inside [`DATA_DIR`].
    pub file: String,
    /// Its size in bytes, header included.
    pub bytes: u32,
    /// The hash of its body, also in its header and its name.
    pub hash: u64,
}

impl ShardRef {
    /// Its URL on the site.
    pub fn href(&self) -> String {
        href(&self.file)
    }

    /// The slice whose body hash is `hash` (`bytes` long, if known; 0 if not).
    pub fn slice(hash: u64, bytes: u32) -> ShardRef {
        ShardRef { kind: Kind::Slice, first: 0, count: 1, file: format!("{}-{hash:016x}.bin", Kind::Slice.name()), bytes, hash }
    }

    /// The slice a file name names (`slice-<hash>.bin`, as a page's [`SLICE_META`]
    /// says), or `None` for any other text.
    pub fn slice_named(file: &str) -> Option<ShardRef> {
        let hex = file.strip_prefix("slice-")?.strip_suffix(".bin")?;
        let hash = (hex.len() == 16).then(|| u64::from_str_radix(hex, 16).ok()).flatten()?;
        Some(ShardRef::slice(hash, 0))
    }
}

/// One record page as a directory lists it: its [`slice_key`], and its slice's body hash
/// and size.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub key: String,
    pub hash: u64,
    pub bytes: u32,
}

/// The URL on the site of the data file named `file` (under the site's base path).
pub fn href(file: &str) -> String {
    crate::core::route::asset(&format!("/{DATA_DIR}/{file}"))
}

/// The list of a release's data files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Where the site lives (`DOSSIER_BASE_URL`), for absolute canonical and preview URLs.
    pub base_url: Option<String>,
    /// Whether the build drew link preview images (`core::preview`), which pages name.
    pub previews: bool,
    pub shards: Vec<ShardRef>,
    /// The sharded search index, for a corpus of more than [`SHARDED_SEARCH_FROM`] quotes.
    pub search: Option<SearchFiles>,
    /// The actors' lanes, if the corpus has actors.
    pub lanes: Option<LaneFiles>,
}

/// A release's lanes files: named by number and by `set`, a hash of them all, like the
/// search's postings (a hundred of them at 10,000 events: their own hashes would cost
/// every page's manifest about 2.8 KB gzipped); file `k` holds the lanes of the actors
/// from number `firsts[k]` to the next file's first (or the last of `actors`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LaneFiles {
    pub set: u64,
    pub firsts: Vec<u32>,
    pub actors: u32,
}

/// A lanes file's body after its set: the number of its first actor, each of its actors'
/// events by number (ascending), and those events' summaries by number (ascending).
type LaneBody = (u32, Vec<Vec<u32>>, Vec<(u32, Event)>);

impl LaneFiles {
    /// Lanes file `k`, if there is one.
    pub fn file(&self, k: usize) -> Option<ShardRef> {
        let first = *self.firsts.get(k)?;
        let end = self.firsts.get(k + 1).copied().unwrap_or(self.actors);
        Some(ShardRef { kind: Kind::Lanes, first, count: end.checked_sub(first)?, file: format!("lanes-{:016x}-{k}.bin", self.set), bytes: 0, hash: self.set })
    }

    /// The file holding the lane of actor number `actor`, if the release has it.
    pub fn of_actor(&self, actor: usize) -> Option<ShardRef> {
        let actor = u32::try_from(actor).ok().filter(|&a| a < self.actors)?;
        self.file(self.firsts.partition_point(|&f| f <= actor).checked_sub(1)?)
    }

    /// Why these files cannot be the lanes of `actors` actors in order, if they cannot:
    /// the first from actor 0, each starting past the one before, all within `actors`.
    fn fault(&self) -> Option<&'static str> {
        if self.firsts.first() != Some(&0) {
            return Some("its first lanes file does not start at the first actor");
        }
        if !self.firsts.windows(2).all(|w| w[0] < w[1]) || self.firsts.last().is_some_and(|&l| l >= self.actors) {
            return Some("its lanes files are not ranges of actors in order");
        }
        None
    }
}

/// A release's sharded search index: the `terms` and `columns` shards are in
/// [`Manifest::shards`]; its postings chunks and excerpts files are named by number and
/// by `set`, a hash of all of them, so no file of one release is taken for another's.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SearchFiles {
    pub set: u64,
    pub chunks: u32,
    pub excerpts: u32,
    /// How many quotes the index covers (the last excerpts file may hold fewer).
    pub quotes: u32,
}

impl SearchFiles {
    /// Postings chunk `k`'s file.
    pub fn chunk(&self, k: u32) -> ShardRef {
        ShardRef { kind: Kind::Postings, first: k, count: 1, file: format!("postings-{:016x}-{k}.bin", self.set), bytes: 0, hash: self.set }
    }

    /// Excerpts file `k`'s file: quotes `k * EXCERPT_QUOTES` on.
    pub fn excerpts(&self, k: u32) -> ShardRef {
        let first = k.saturating_mul(EXCERPT_QUOTES as u32);
        let count = self.quotes.saturating_sub(first).min(EXCERPT_QUOTES as u32);
        ShardRef { kind: Kind::Excerpts, first, count, file: format!("excerpts-{:016x}-{k}.bin", self.set), bytes: 0, hash: self.set }
    }
}

impl Manifest {
    /// The shards that make up `parts`, in the order they are listed.
    pub fn shards_for(&self, parts: Parts) -> impl Iterator<Item = &ShardRef> {
        self.shards.iter().filter(move |s| !s.kind.part().is_empty() && parts.contains(s.kind.part()))
    }

    /// The directory shard that lists the slice `key`, if the release has record pages.
    pub fn directory_for(&self, key: &str) -> Option<&ShardRef> {
        let buckets = self.shards.iter().filter(|s| s.kind == Kind::Directory).count();
        let bucket = bucket_of(key, buckets);
        self.shards.iter().find(|s| s.kind == Kind::Directory && s.first == bucket)
    }
}

/// The records one record page shows, each with its number in the corpus, so slices
/// read for several pages join into one corpus in the corpus's order:
/// - a quote's page: the quote, the paragraphs it shows (its own, the question it
///   answers), the events of its paragraph, its citation;
/// - an event's page: the event, the quotes of its paragraph, its citation;
/// - an actor's page: the quotes it speaks and the events it is in;
/// - a document's page: its paragraphs, its quotes (a `?quote=` to highlight), its
///   citation;
/// - the quotes list: the first page of quotes and the list's count and facets
///   ([`QuotesFirst`]);
/// - the timeline: the events its first view names, without their evidence, and that
///   view ([`TimelineFirst`]).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Slice {
    /// The page's [`slice_key`]: a slice read for another page is refused.
    pub key: String,
    quotes: Vec<(u32, Quote)>,
    events: Vec<(u32, Event)>,
    /// By document number in the catalog: paragraphs, ascending.
    paragraphs: Vec<(u32, Vec<Paragraph>)>,
    cites: Citations,
    first: Option<QuotesFirst>,
    timeline: Option<TimelineFirst>,
    /// An actor page's "appears most often with", counted over all the actor's events
    /// (the slice holds only the first page of them).
    together: Option<Vec<(ActorId, usize)>>,
}

/// How many actors an actor page names as appearing most often with them.
pub const TOGETHER: usize = 8;

/// The catalog: what every page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Documents with their paragraphs left out (they are in the texts shard).
    documents: Vec<Document>,
    actors: Vec<Actor>,
    places: Vec<Place>,
    counts: Counts,
}

impl Catalog {
    /// What the search index reads of the catalog.
    fn of(&self) -> CatalogOf<'_> {
        CatalogOf { quotes: self.counts.quotes, documents: self.documents.len(), actors: &self.actors, places: &self.places }
    }
}

/// A decoded shard.
#[derive(Clone, Debug, PartialEq)]
pub enum Shard {
    Catalog(Box<Catalog>),
    Quotes(Vec<Quote>),
    /// Events without their evidence.
    Events(Vec<Event>),
    /// The evidence of the events of the same range.
    Evidence(Vec<String>),
    /// [`crate::core::search::QuoteIndex::to_bytes`] of the whole corpus.
    Index(Vec<u8>),
    Slice(Box<Slice>),
    /// One bucket of the directory, its entries sorted by key.
    Directory(Vec<Entry>),
    /// The sharded search index's terms shard ([`crate::core::search::Shards`]).
    Terms(Vec<u8>),
    /// Its columns shard.
    Columns(Vec<u8>),
    /// One of its postings chunks.
    Postings(Vec<u8>),
    /// Quote records from number `first` on, for search hits.
    Excerpts { first: u32, quotes: Vec<Quote> },
    /// The lanes of the actors from number `first` on: each one's events by number, and
    /// those events (summaries) by number, ascending.
    Lanes { first: u32, lists: Vec<Vec<u32>>, events: Vec<(u32, Event)> },
}

/// Why a data file cannot be used: which file, and what is wrong with it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PackError {
    /// The file's name (or URL), as the reader was asked for it.
    pub file: String,
    pub reason: String,
}

impl fmt::Display for PackError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "data file {}: {}", self.file, self.reason)
    }
}

impl std::error::Error for PackError {}

/// A file the build writes into [`DATA_DIR`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataFile {
    pub name: String,
    pub bytes: Vec<u8>,
}

/// A stable hash of some bytes, for file names and checks against corruption (FNV-1a,
/// 64 bits; not for security: whoever serves the site serves its code too).
pub fn content_hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn wrap(kind: Kind, body: &[u8]) -> (u64, Vec<u8>) {
    let hash = content_hash(body);
    let mut out = Vec::with_capacity(HEADER + body.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&VERSION.to_le_bytes());
    out.push(kind.code());
    out.extend_from_slice(&hash.to_le_bytes());
    out.extend_from_slice(&u32::try_from(body.len()).unwrap_or(u32::MAX).to_le_bytes());
    out.extend_from_slice(body);
    (hash, out)
}

fn body_of<T: Serialize>(value: &T) -> Result<Vec<u8>, String> {
    postcard::to_allocvec(value).map_err(|e| format!("cannot encode: {e}"))
}

/// What [`encode`] writes: the data files (the manifest first) and, for each record page
/// (by [`slice_key`]), its slice's file name, which the page's head names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Encoded {
    pub files: Vec<DataFile>,
    pub slices: HashMap<String, String>,
}

/// The data files of a validated corpus: the manifest (first), the catalog, quotes and
/// events in shards of `max_records`, the search index (`index`, the corpus's), a slice
/// per record page (with its citation from `citations`) and for the quotes list, and the
/// directory of slices. `previews` says whether the build draws preview images;
/// `search_chunks`, whether the search index is sharded, in chunks of about how many
/// bytes ([`CHUNK_BYTES`](crate::core::search::CHUNK_BYTES) in a build). Fails only if a file would exceed 4 GiB.
#[allow(clippy::too_many_arguments)]
pub fn encode(
    corpus: &Corpus,
    index: &QuoteIndex,
    citations: &Citations,
    base_url: Option<&str>,
    previews: bool,
    max_records: usize,
    search_chunks: Option<usize>,
) -> Result<Encoded, String> {
    let max_records = max_records.max(1);
    let mut first = QuotesFirst::of(index, corpus);
    let timeline = TimelineFirst::of(corpus);
    let search_shards = search_chunks.map(|bytes| index.to_shards(corpus, bytes));
    // The quotes page's first view carries what its searches guess their chunks from (not
    // the manifest, which every page reads).
    first.guide = search_shards.as_ref().map(|s| s.guide.clone()).unwrap_or_default();
    let index = index.to_bytes(corpus);
    let mut shards: Vec<(Kind, u32, u32, Vec<u8>)> = Vec::new();
    let catalog = Catalog {
        documents: corpus.documents.iter().map(|d| Document { paragraphs: Vec::new(), ..d.clone() }).collect(),
        actors: corpus.actors.clone(),
        places: corpus.places.clone(),
        counts: corpus.counts.clone(),
    };
    shards.push((Kind::Catalog, 0, 1, body_of(&catalog)?));
    for (i, chunk) in corpus.quotes.chunks(max_records).enumerate() {
        shards.push((Kind::Quotes, records(i * max_records)?, records(chunk.len())?, body_of(&chunk)?));
    }
    // The timeline's events without their evidence, which shards of its own hold.
    for (i, chunk) in corpus.events.chunks(max_records).enumerate() {
        let summaries: Vec<Event> = chunk.iter().map(|e| Event { evidence: String::new(), ..e.clone() }).collect();
        shards.push((Kind::Events, records(i * max_records)?, records(chunk.len())?, body_of(&summaries)?));
        // With its first record: two ranges citing the same passages are two files.
        let first = records(i * max_records)?;
        let evidence: Vec<&str> = chunk.iter().map(|e| e.evidence.as_str()).collect();
        shards.push((Kind::Evidence, first, records(chunk.len())?, body_of(&(first, evidence))?));
    }
    // Each actor's lane: every event they are in, actors grouped in order; named by
    // number and by a hash of them all (below).
    let mut lane_files: Vec<LaneBody> = Vec::new();
    let mut next = 0;
    while next < corpus.actors.len() {
        let (start, mut held) = (next, 0);
        while next < corpus.actors.len() {
            let n = corpus.events_involving(&corpus.actors[next].id).len();
            if next > start && held + n > LANE_EVENTS {
                break;
            }
            held += n;
            next += 1;
        }
        let lists: Vec<Vec<u32>> = corpus.actors[start..next]
            .iter()
            .map(|a| corpus.events_involving(&a.id).iter().map(|&i| records(i)).collect())
            .collect::<Result<_, String>>()?;
        let numbers: BTreeSet<u32> = lists.iter().flatten().copied().collect();
        let events: Vec<(u32, Event)> = numbers.into_iter().map(|i| (i, Event { evidence: String::new(), ..corpus.events[i as usize].clone() })).collect();
        lane_files.push((records(start)?, lists, events));
    }
    shards.push((Kind::Index, 0, 1, body_of(&index)?));

    let mut files = Vec::new();
    // The sharded search: terms and columns listed with the shards; chunks and excerpts
    // named by number and by a hash of them all.
    let search = match search_shards {
        Some(search) => {
            shards.push((Kind::Terms, 0, 1, body_of(&search.terms)?));
            shards.push((Kind::Columns, 0, 1, body_of(&search.columns)?));
            let excerpts: Vec<(u32, Vec<Quote>)> = corpus
                .quotes
                .chunks(EXCERPT_QUOTES)
                .enumerate()
                .map(|(k, quotes)| Ok((records(k * EXCERPT_QUOTES)?, quotes.to_vec())))
                .collect::<Result<_, String>>()?;
            let mut all = Vec::new();
            for chunk in &search.chunks {
                all.extend_from_slice(chunk);
            }
            for excerpt in &excerpts {
                all.extend_from_slice(&body_of(excerpt)?);
            }
            let set = SearchFiles {
                set: content_hash(&all),
                chunks: records(search.chunks.len())?,
                excerpts: records(excerpts.len())?,
                quotes: records(corpus.quotes.len())?,
            };
            for (k, chunk) in search.chunks.into_iter().enumerate() {
                let (_, bytes) = wrap(Kind::Postings, &body_of(&(set.set, chunk))?);
                files.push(DataFile { name: set.chunk(records(k)?).file, bytes });
            }
            for (k, (first, quotes)) in excerpts.into_iter().enumerate() {
                let (_, bytes) = wrap(Kind::Excerpts, &body_of(&(set.set, first, quotes))?);
                files.push(DataFile { name: set.excerpts(records(k)?).file, bytes });
            }
            Some(set)
        }
        None => None,
    };
    let lanes = if lane_files.is_empty() {
        None
    } else {
        let mut all = Vec::new();
        for lane in &lane_files {
            all.extend_from_slice(&body_of(lane)?);
        }
        let lanes = LaneFiles { set: content_hash(&all), firsts: lane_files.iter().map(|(first, _, _)| *first).collect(), actors: records(corpus.actors.len())? };
        for (k, lane) in lane_files.into_iter().enumerate() {
            let (_, bytes) = wrap(Kind::Lanes, &body_of(&(lanes.set, lane))?);
            let name = lanes.file(k).ok_or_else(|| format!("lanes file {k} is not in its own list"))?.file;
            files.push(DataFile { name, bytes });
        }
        Some(lanes)
    };
    let mut slices = HashMap::new();
    let mut entries = Vec::new();
    for slice in Slices::of(corpus, citations, &first, &timeline).all() {
        let slice = slice?;
        let (hash, bytes) = wrap(Kind::Slice, &body_of(&slice)?);
        let shard = ShardRef::slice(hash, records(bytes.len())?);
        entries.push(Entry { key: slice.key.clone(), hash, bytes: shard.bytes });
        slices.insert(slice.key, shard.file.clone());
        files.push(DataFile { name: shard.file, bytes });
    }
    let buckets = entries.len().div_ceil(DIRECTORY_ENTRIES);
    let mut directory: Vec<Vec<Entry>> = vec![Vec::new(); buckets];
    for entry in entries {
        directory[bucket_of(&entry.key, buckets) as usize].push(entry);
    }
    for (bucket, mut listed) in directory.into_iter().enumerate() {
        listed.sort_by(|a, b| a.key.cmp(&b.key));
        shards.push((Kind::Directory, records(bucket)?, records(listed.len())?, body_of(&listed)?));
    }

    let mut refs = Vec::new();
    let mut listed = Vec::new();
    for (kind, first, count, body) in shards {
        let (hash, bytes) = wrap(kind, &body);
        let file = format!("{}-{hash:016x}.bin", kind.name());
        refs.push(ShardRef { kind, first, count, file: file.clone(), bytes: records(bytes.len())?, hash });
        listed.push(DataFile { name: file, bytes });
    }
    let manifest = Manifest { base_url: base_url.map(str::to_owned), previews, shards: refs, search, lanes };
    let (hash, bytes) = wrap(Kind::Manifest, &body_of(&manifest)?);
    let mut all = vec![DataFile { name: format!("{}-{hash:016x}.bin", Kind::Manifest.name()), bytes }];
    all.extend(listed);
    all.extend(files);
    Ok(Encoded { files: all, slices })
}

/// The build's lookups for cutting slices: which quotes and events each paragraph and
/// each speaker has, so a slice is found without a pass over the corpus per page.
struct Slices<'a> {
    corpus: &'a Corpus,
    citations: &'a Citations,
    first: &'a QuotesFirst,
    timeline: &'a TimelineFirst,
    quotes_at: HashMap<(&'a DocumentId, u32), Vec<usize>>,
    events_at: HashMap<(&'a DocumentId, u32), Vec<usize>>,
    quotes_of: HashMap<&'a crate::core::model::ActorId, Vec<usize>>,
    quotes_in: HashMap<&'a DocumentId, Vec<usize>>,
}

impl<'a> Slices<'a> {
    fn of(corpus: &'a Corpus, citations: &'a Citations, first: &'a QuotesFirst, timeline: &'a TimelineFirst) -> Slices<'a> {
        let (mut quotes_at, mut events_at, mut quotes_of, mut quotes_in) =
            (HashMap::<_, Vec<usize>>::new(), HashMap::<_, Vec<usize>>::new(), HashMap::<_, Vec<usize>>::new(), HashMap::<_, Vec<usize>>::new());
        for (i, q) in corpus.quotes.iter().enumerate() {
            quotes_at.entry((&q.document, q.paragraph)).or_default().push(i);
            quotes_of.entry(&q.speaker).or_default().push(i);
            quotes_in.entry(&q.document).or_default().push(i);
        }
        for (i, e) in corpus.events.iter().enumerate() {
            events_at.entry((&e.document, e.paragraph)).or_default().push(i);
        }
        Slices { corpus, citations, first, timeline, quotes_at, events_at, quotes_of, quotes_in }
    }

    /// Every record page's slice, and the lists'.
    fn all(&'a self) -> impl Iterator<Item = Result<Slice, String>> + 'a {
        let c = self.corpus;
        let pages = [Page::Quotes, Page::Timeline]
            .into_iter()
            .chain(c.quotes.iter().map(|q| Page::Quote(q.id.clone())))
            .chain(c.events.iter().map(|e| Page::Event(e.id.clone())))
            .chain(c.actors.iter().map(|a| Page::Actor(a.id.clone())))
            .chain(c.documents.iter().flat_map(|d| (1..=parts_of(d.paragraphs.len())).map(|part| Page::Document(d.id.clone(), part))));
        pages.filter_map(move |page| self.slice(&page).transpose())
    }

    fn quotes(&self, at: Option<&Vec<usize>>) -> Result<Vec<(u32, Quote)>, String> {
        at.into_iter().flatten().map(|&i| Ok((records(i)?, self.corpus.quotes[i].clone()))).collect()
    }

    fn events(&self, at: impl IntoIterator<Item = usize>) -> Result<Vec<(u32, Event)>, String> {
        at.into_iter().map(|i| Ok((records(i)?, self.corpus.events[i].clone()))).collect()
    }

    /// The slice of the record page `page` (`None` for other pages or an unknown id).
    fn slice(&self, page: &Page) -> Result<Option<Slice>, String> {
        let c = self.corpus;
        let Some(key) = slice_key(page) else { return Ok(None) };
        let paragraphs = |doc: &DocumentId, ns: &[u32]| -> Result<Vec<(u32, Vec<Paragraph>)>, String> {
            let Some(d) = c.document(doc) else { return Ok(Vec::new()) };
            let mut ns = ns.to_vec();
            ns.sort_unstable();
            ns.dedup();
            let kept = ns.into_iter().filter_map(|n| d.paragraph(n).cloned()).collect();
            Ok(vec![(records(c.document_number(doc).unwrap_or(0))?, kept)])
        };
        let slice = match page {
            Page::Quote(id) => {
                let (Some(q), Some(i)) = (c.quote(id), c.quote_number(id)) else { return Ok(None) };
                let mut shown = vec![q.paragraph];
                shown.extend(q.question);
                shown.extend(c.question_before(&q.document, q.paragraph).map(|p| p.n));
                Slice {
                    key,
                    quotes: vec![(records(i)?, q.clone())],
                    events: self.events(self.events_at.get(&(&q.document, q.paragraph)).into_iter().flatten().copied())?,
                    paragraphs: paragraphs(&q.document, &shown)?,
                    cites: self.citations.only(Cited::Quote(q)),
                    ..Slice::default()
                }
            }
            Page::Event(id) => {
                let (Some(e), Some(i)) = (c.event(id), c.event_number(id)) else { return Ok(None) };
                Slice {
                    key,
                    quotes: self.quotes(self.quotes_at.get(&(&e.document, e.paragraph)))?,
                    events: self.events([i])?,
                    paragraphs: Vec::new(),
                    cites: self.citations.only(Cited::Event(e)),
                    ..Slice::default()
                }
            }
            Page::Actor(id) => {
                if c.actor(id).is_none() {
                    return Ok(None);
                }
                // What the page shows: its first page of each (the counts are the
                // catalog's), so a prolific speaker's slice stays the size of a page.
                let quotes: Vec<usize> = self.quotes_of.get(id).into_iter().flatten().copied().take(crate::core::site::ACTOR_QUOTES).collect();
                Slice {
                    key,
                    quotes: self.quotes(Some(&quotes))?,
                    events: self.events(c.events_involving(id).iter().copied().take(crate::core::site::ACTOR_EVENTS))?,
                    together: Some(crate::core::facets::companions(c, id, TOGETHER)),
                    paragraphs: Vec::new(),
                    ..Slice::default()
                }
            }
            Page::Document(id, part) => {
                let Some(d) = c.document(id) else { return Ok(None) };
                if *part > parts_of(d.paragraphs.len()) {
                    return Ok(None);
                }
                // The part's paragraphs and the quotes in them.
                let range = part_paragraphs(*part);
                let shown: Vec<u32> = d.paragraphs.iter().map(|p| p.n).filter(|n| range.contains(n)).collect();
                let quotes: Vec<usize> = self.quotes_in.get(id).into_iter().flatten().copied().filter(|&i| range.contains(&c.quotes[i].paragraph)).collect();
                Slice {
                    key,
                    quotes: self.quotes(Some(&quotes))?,
                    events: Vec::new(),
                    paragraphs: paragraphs(id, &shown)?,
                    cites: self.citations.only(Cited::Document(d)),
                    ..Slice::default()
                }
            }
            Page::Quotes => {
                let shown: Vec<usize> = self.first.order.iter().filter_map(|id| c.quote_number(id)).collect();
                Slice {
                    key,
                    quotes: self.quotes(Some(&shown))?,
                    events: Vec::new(),
                    paragraphs: Vec::new(),
                    first: Some(self.first.clone()),
                    ..Slice::default()
                }
            }
            Page::Timeline => {
                // Summaries, as the timeline's own shards hold them: it shows no evidence.
                let shown: Vec<usize> = self.timeline.events().filter_map(|id| c.event_number(id)).collect();
                let events = shown.into_iter().map(|i| Ok((records(i)?, Event { evidence: String::new(), ..c.events[i].clone() }))).collect::<Result<_, String>>()?;
                Slice { key, events, timeline: Some(self.timeline.clone()), ..Slice::default() }
            }
            _ => return Ok(None),
        };
        Ok(Some(slice))
    }
}

fn records(n: usize) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| format!("{n} is more than a data file can count"))
}

/// Checks a file's header and returns its body, or why it is not a file of this kind.
fn unwrap<'a>(file: &str, kind: Kind, bytes: &'a [u8], hash: Option<u64>) -> Result<&'a [u8], PackError> {
    let fail = |reason: String| PackError { file: file.to_owned(), reason };
    if bytes.len() < HEADER || &bytes[..MAGIC.len()] != MAGIC {
        return Err(fail("not a Dossier data file (the server may have sent a page instead)".to_owned()));
    }
    let field = |at: usize, n: usize| &bytes[MAGIC.len() + at..MAGIC.len() + at + n];
    let version = u16::from_le_bytes([field(0, 2)[0], field(0, 2)[1]]);
    if version != VERSION {
        return Err(fail(format!("written in format version {version}; this app reads version {VERSION} (reload the page)")));
    }
    let found = Kind::from_code(field(2, 1)[0]);
    if found != Some(kind) {
        let found = found.map_or("an unknown kind", Kind::name);
        return Err(fail(format!("holds {found}, not {}", kind.name())));
    }
    let mut eight = [0u8; 8];
    eight.copy_from_slice(field(3, 8));
    let declared = u64::from_le_bytes(eight);
    let mut four = [0u8; 4];
    four.copy_from_slice(field(11, 4));
    let length = u32::from_le_bytes(four) as usize;
    let body = &bytes[HEADER..];
    if body.len() != length {
        return Err(fail(format!("is {} bytes long where its header says {}: it was cut short or altered", bytes.len(), HEADER + length)));
    }
    if content_hash(body) != declared {
        return Err(fail("is corrupt: its content does not match its checksum".to_owned()));
    }
    if let Some(expected) = hash.filter(|&h| h != declared) {
        return Err(fail(format!("is {declared:016x}, not the {expected:016x} this page's manifest names (a newer release may be live: reload the page)")));
    }
    Ok(body)
}

fn decode<'a, T: Deserialize<'a>>(file: &str, body: &'a [u8]) -> Result<T, PackError> {
    let fail = |reason: String| PackError { file: file.to_owned(), reason };
    let (value, rest) = postcard::take_from_bytes::<T>(body).map_err(|e| fail(format!("cannot be decoded: {e}")))?;
    if !rest.is_empty() {
        return Err(fail(format!("has {} bytes after its content", rest.len())));
    }
    Ok(value)
}

/// Reads a manifest (`file` names it in messages).
pub fn read_manifest(file: &str, bytes: &[u8]) -> Result<Manifest, PackError> {
    let manifest: Manifest = decode(file, unwrap(file, Kind::Manifest, bytes, None)?)?;
    if manifest.shards.iter().any(|s| s.kind == Kind::Manifest) {
        return Err(PackError { file: file.to_owned(), reason: "lists a manifest among its shards".to_owned() });
    }
    if let Some(reason) = manifest.lanes.as_ref().and_then(LaneFiles::fault) {
        return Err(PackError { file: file.to_owned(), reason: reason.to_owned() });
    }
    Ok(manifest)
}

/// Reads the shard `shard` names: refused unless the bytes are exactly that shard.
pub fn read_shard(shard: &ShardRef, bytes: &[u8]) -> Result<Shard, PackError> {
    // Postings, excerpts and lanes are named by their release's set, which their bodies
    // carry; their headers' checksums still catch any damage.
    let named = matches!(shard.kind, Kind::Postings | Kind::Excerpts | Kind::Lanes);
    let body = unwrap(&shard.file, shard.kind, bytes, (!named).then_some(shard.hash))?;
    let other_release = |set: u64| {
        (set != shard.hash).then(|| PackError { file: shard.file.clone(), reason: "belongs to another release than this page's manifest (reload the page)".to_owned() })
    };
    let file = shard.file.as_str();
    let counted = |n: usize| {
        if n == shard.count as usize {
            Ok(())
        } else {
            Err(PackError { file: file.to_owned(), reason: format!("holds {n} records where the manifest says {}", shard.count) })
        }
    };
    Ok(match shard.kind {
        Kind::Manifest => return Err(PackError { file: file.to_owned(), reason: "is a manifest, not a shard".to_owned() }),
        Kind::Catalog => Shard::Catalog(Box::new(decode(file, body)?)),
        Kind::Quotes => {
            let quotes: Vec<Quote> = decode(file, body)?;
            counted(quotes.len())?;
            Shard::Quotes(quotes)
        }
        Kind::Events => {
            let events: Vec<Event> = decode(file, body)?;
            counted(events.len())?;
            Shard::Events(events)
        }
        Kind::Evidence => {
            let (first, evidence): (u32, Vec<String>) = decode(file, body)?;
            if first != shard.first {
                return Err(PackError { file: file.to_owned(), reason: format!("holds the evidence from event {first}, not {}", shard.first) });
            }
            counted(evidence.len())?;
            Shard::Evidence(evidence)
        }
        // Bytes are read as one slice (their encoding is a length and the bytes), not
        // byte by byte as a sequence.
        Kind::Index => Shard::Index(decode::<&[u8]>(file, body)?.to_vec()),
        Kind::Slice => Shard::Slice(Box::new(decode(file, body)?)),
        Kind::Directory => {
            let entries: Vec<Entry> = decode(file, body)?;
            counted(entries.len())?;
            Shard::Directory(entries)
        }
        Kind::Terms => Shard::Terms(decode::<&[u8]>(file, body)?.to_vec()),
        Kind::Columns => Shard::Columns(decode::<&[u8]>(file, body)?.to_vec()),
        Kind::Postings => {
            let (set, chunk): (u64, &[u8]) = decode(file, body)?;
            if let Some(e) = other_release(set) {
                return Err(e);
            }
            Shard::Postings(chunk.to_vec())
        }
        Kind::Lanes => {
            let (set, (first, lists, events)): (u64, LaneBody) = decode(file, body)?;
            if let Some(e) = other_release(set) {
                return Err(e);
            }
            let fail = |reason: String| Err(PackError { file: file.to_owned(), reason });
            if first != shard.first {
                return fail(format!("holds the lanes from actor {first}, not {}", shard.first));
            }
            counted(lists.len())?;
            if first.checked_add(shard.count).is_none() {
                return fail(format!("holds lanes beyond the last actor number ({first} and {} more)", shard.count));
            }
            // Strictly ascending, so a list as long as the catalog's count is every event.
            if !events.windows(2).all(|w| w[0].0 < w[1].0) || lists.iter().any(|l| !l.windows(2).all(|w| w[0] < w[1])) {
                return fail("holds its events out of order".to_owned());
            }
            if let Some(n) = lists.iter().flatten().find(|&&n| events.binary_search_by_key(&n, |(m, _)| *m).is_err()) {
                return fail(format!("lists the event {n} without holding it"));
            }
            Shard::Lanes { first, lists, events }
        }
        Kind::Excerpts => {
            let (set, first, quotes): (u64, u32, Vec<Quote>) = decode(file, body)?;
            if let Some(e) = other_release(set) {
                return Err(e);
            }
            if first != shard.first {
                return Err(PackError { file: file.to_owned(), reason: format!("holds the quotes from {first}, not {}", shard.first) });
            }
            counted(quotes.len())?;
            Shard::Excerpts { first, quotes }
        }
    })
}

/// Checks that a kind's shards, keyed by their first record, join without a gap into
/// `total` records.
fn joined<T>(kind: Kind, chunks: &BTreeMap<u32, Vec<T>>, total: usize) -> Result<(), PackError> {
    let fail = |reason: String| PackError { file: kind.name().to_owned(), reason };
    let mut next = 0usize;
    for (&first, records) in chunks {
        if first as usize != next {
            return Err(fail(format!("shards do not join: one starts at record {first}, the one before ends at {next}")));
        }
        next += records.len();
    }
    if next == total {
        Ok(())
    } else {
        Err(fail(format!("shards hold {next} records where the catalog counts {total}")))
    }
}

/// A file to read: a shard, and for a slice the page it is for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wanted {
    pub shard: ShardRef,
    pub key: Option<String>,
}

/// Where the slice of a record page is, as far as the shards read so far say.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Located {
    /// In this file.
    Slice(ShardRef),
    /// This directory shard lists it (or says there is no such page): read it first.
    Directory(ShardRef),
    /// The release has no such page (an unknown id): the page says so.
    NoSuchPage,
}

/// The shards a page has read so far, and the corpus they make.
#[derive(Clone, Debug, Default)]
pub struct Shelf {
    catalog: Option<Catalog>,
    quotes: BTreeMap<u32, Vec<Quote>>,
    events: BTreeMap<u32, Vec<Event>>,
    evidence: BTreeMap<u32, Vec<String>>,
    index: Option<Vec<u8>>,
    /// What the slices read so far hold, by number in the corpus.
    some_quotes: BTreeMap<u32, Quote>,
    some_events: BTreeMap<u32, Event>,
    paragraphs: BTreeMap<u32, BTreeMap<u32, Paragraph>>,
    cites: Citations,
    /// The quotes list's first page, once its slice is read.
    first: Option<QuotesFirst>,
    /// The timeline's first view, once its slice is read.
    timeline: Option<TimelineFirst>,
    /// The keys of the slices read, and of the pages the directory does not list.
    slices: BTreeSet<String>,
    absent: BTreeSet<String>,
    directories: BTreeMap<u32, Vec<Entry>>,
    /// The sharded search index's shards, and the index: opened once its terms and the
    /// catalog are in (it then says which chunks a query reads), given its columns when
    /// they come, and its chunks once it has them (chunks that come first wait here).
    terms: Option<(String, Vec<u8>)>,
    columns: Option<(String, Vec<u8>)>,
    postings: BTreeMap<u32, (String, Vec<u8>)>,
    /// Shared with the contexts built from the shelf, so a load that adds no chunk does
    /// not copy it (one that does copies it once, the page's context holding the last).
    sharded: Option<Arc<ShardedIndex>>,
    /// Quotes read from excerpts files, by number, and those files by number.
    excerpts: BTreeMap<u32, Quote>,
    excerpt_files: BTreeSet<u32>,
    /// Actor pages' "appears most often with", from their slices.
    together: BTreeMap<ActorId, Vec<(ActorId, usize)>>,
    /// The catalog's names as a search reads them, made for the first search that
    /// guesses its chunks (which actors' said chunks its words read).
    names: Option<Names>,
    /// The lanes read: each actor's number and their events by number (in `some_events`).
    lanes: Vec<(u32, Vec<u32>)>,
    /// Whether a lane was put before the catalog, so not checked against it as it was
    /// put (natively only: the browser finds lanes through the catalog).
    lanes_unchecked: bool,
    /// The files put on the shelf.
    have: Vec<String>,
}

impl Shelf {
    /// Whether the shelf holds the shard `shard` names.
    pub fn has(&self, shard: &ShardRef) -> bool {
        self.have.contains(&shard.file)
    }

    /// Puts a shard read with [`read_shard`] on the shelf. A slice's records must be
    /// within the catalog's counts (checked when the corpus is made); the sharded search
    /// index's shards must read as one index of the catalog's quotes.
    pub fn put(&mut self, shard: &ShardRef, content: Shard) -> Result<(), PackError> {
        if self.has(shard) {
            return Ok(());
        }
        self.have.push(shard.file.clone());
        match content {
            Shard::Catalog(c) => self.catalog = Some(*c),
            Shard::Quotes(q) => {
                self.quotes.insert(shard.first, q);
            }
            Shard::Events(e) => {
                self.events.insert(shard.first, e);
            }
            Shard::Evidence(e) => {
                self.evidence.insert(shard.first, e);
            }
            Shard::Index(i) => self.index = Some(i),
            Shard::Slice(slice) => {
                let Slice { key, quotes, events, paragraphs, cites, first, timeline, together } = *slice;
                if let (Some(together), Some(actor)) = (together, key.strip_prefix("actor/")) {
                    self.together.insert(ActorId::new(actor), together);
                }
                if first.is_some() {
                    self.first = first;
                }
                if timeline.is_some() {
                    self.timeline = timeline;
                }
                self.some_quotes.extend(quotes);
                // The timeline's slice holds summaries: an event read whole (its page's
                // slice) keeps its evidence.
                for (n, event) in events {
                    let whole = self.some_events.get(&n).is_some_and(|e| !e.evidence.is_empty());
                    if !whole || !event.evidence.is_empty() {
                        self.some_events.insert(n, event);
                    }
                }
                for (doc, list) in paragraphs {
                    self.paragraphs.entry(doc).or_default().extend(list.into_iter().map(|p| (p.n, p)));
                }
                self.cites.extend(cites);
                self.slices.insert(key);
            }
            Shard::Directory(entries) => {
                self.directories.insert(shard.first, entries);
            }
            Shard::Terms(bytes) => self.terms = Some((shard.file.clone(), bytes)),
            Shard::Columns(bytes) => self.columns = Some((shard.file.clone(), bytes)),
            Shard::Postings(bytes) => {
                self.postings.insert(shard.first, (shard.file.clone(), bytes));
            }
            Shard::Excerpts { first, quotes } => {
                self.excerpts.extend((first..).zip(quotes));
                self.excerpt_files.insert(first / EXCERPT_QUOTES as u32);
            }
            // Summaries: an event read whole (its page's slice) keeps its evidence.
            Shard::Lanes { first, lists, events } => {
                // Checked against the catalog (through which it was found) before anything
                // of it is put on the shelf: a lane refused leaves nothing behind, and a
                // retry fetches the file again.
                if let Some(catalog) = &self.catalog {
                    let held = |n: u32| events.binary_search_by_key(&n, |(m, _)| *m).ok().map(|at| &events[at].1);
                    if let Some(reason) = (first..).zip(&lists).find_map(|(k, list)| lane_fault(catalog, k, list, held)) {
                        self.have.retain(|f| *f != shard.file);
                        return Err(PackError { file: shard.file.clone(), reason });
                    }
                } else {
                    self.lanes_unchecked = true;
                }
                for (n, event) in events {
                    self.some_events.entry(n).or_insert(event);
                }
                self.lanes.extend((first..).zip(lists));
                self.lanes.sort_unstable_by_key(|(k, _)| *k);
                self.lanes.dedup_by_key(|(k, _)| *k);
            }
        }
        self.settle_search()
    }

    /// Opens the sharded search index once its terms and the catalog are in, adds its
    /// columns once they are, then the chunks read. A shard that does not fit is taken
    /// off the shelf (a retry fetches it again) and said with its file.
    fn settle_search(&mut self) -> Result<(), PackError> {
        let Some(catalog) = &self.catalog else { return Ok(()) };
        let of = catalog.of();
        // The terms first: they say which chunks a query reads while the columns arrive.
        if self.sharded.is_none() {
            let Some((terms_file, terms)) = &self.terms else { return Ok(()) };
            match ShardedIndex::open_terms(of, terms) {
                Ok(index) => self.sharded = Some(Arc::new(index)),
                Err(e) => {
                    let file = terms_file.clone();
                    self.have.retain(|f| *f != file);
                    self.terms = None;
                    return Err(PackError { file, reason: e.to_string() });
                }
            }
        }
        let Some(index) = self.sharded.as_mut() else { return Ok(()) };
        if !index.has_columns() {
            let (Some((terms_file, _)), Some((columns_file, columns))) = (&self.terms, &self.columns) else { return Ok(()) };
            if let Err(e) = Arc::make_mut(index).add_columns(of, columns) {
                // Either may be the wrong one (another build's): both are fetched again.
                let files = [terms_file.clone(), columns_file.clone()];
                self.have.retain(|f| !files.contains(f));
                (self.terms, self.columns, self.sharded) = (None, None, None);
                return Err(PackError { file: files.join(" and "), reason: e.to_string() });
            }
        }
        // Chunks are checked against the columns (each posting within its quote).
        let Some(index) = self.sharded.as_mut().filter(|i| i.has_columns() && !self.postings.is_empty()) else { return Ok(()) };
        let index = Arc::make_mut(index);
        let mut queued = std::mem::take(&mut self.postings).into_iter();
        while let Some((k, (file, bytes))) = queued.next() {
            // The file must hold the unit its name says, or the page would wait for it.
            let read = index.add_chunk(&bytes).map_err(|e| e.to_string()).and_then(|got| {
                if got == k as usize {
                    Ok(())
                } else {
                    Err(format!("holds part {got} of the search index, not part {k}"))
                }
            });
            if let Err(reason) = read {
                // This file and those not read after it are taken off: a retry fetches them.
                let dropped: Vec<String> = std::iter::once(file.clone()).chain(queued.map(|(_, (f, _))| f)).collect();
                self.have.retain(|f| !dropped.contains(f));
                return Err(PackError { file, reason });
            }
        }
        Ok(())
    }

    /// The sharded search index, once its terms and columns are in.
    pub fn sharded(&self) -> Option<&Arc<ShardedIndex>> {
        self.sharded.as_ref().filter(|i| i.has_columns())
    }

    /// Every quote read with its number: from excerpts files and from slices.
    pub fn numbered_quotes(&self) -> BTreeMap<u32, Quote> {
        let mut all = self.excerpts.clone();
        all.extend(self.some_quotes.iter().map(|(&n, q)| (n, q.clone())));
        all
    }

    /// The excerpts files read, by number.
    pub fn excerpt_files(&self) -> &BTreeSet<u32> {
        &self.excerpt_files
    }

    /// Whether the slice `key` is on the shelf, or known not to exist.
    pub fn has_slice(&self, key: &str) -> bool {
        self.slices.contains(key) || self.absent.contains(key)
    }

    /// The keys of the slices on the shelf and of the pages known not to exist: the
    /// record pages the corpus can render.
    pub fn slices(&self) -> BTreeSet<String> {
        self.slices.union(&self.absent).cloned().collect()
    }

    /// Where to find the slice `key`. A key whose directory was read and does not list
    /// it is recorded as a page that does not exist.
    pub fn locate(&mut self, manifest: &Manifest, key: &str) -> Located {
        let Some(directory) = manifest.directory_for(key) else {
            self.absent.insert(key.to_owned());
            return Located::NoSuchPage;
        };
        let Some(entries) = self.directories.get(&directory.first).filter(|_| self.has(directory)) else {
            return Located::Directory(directory.clone());
        };
        match entries.binary_search_by(|e| e.key.as_str().cmp(key)) {
            Ok(i) => Located::Slice(ShardRef::slice(entries[i].hash, entries[i].bytes)),
            Err(_) => {
                self.absent.insert(key.to_owned());
                Located::NoSuchPage
            }
        }
    }

    /// The files to read next for `needs`, none once all is in (or known not to exist):
    /// the shards of their parts, and for each slice not in yet its file (from `hints`,
    /// the slices a page's head names) or else the directory shard that names it. The
    /// browser reads them side by side, puts them with [`Shelf::put_wanted`], and asks
    /// again: a slice reached through a directory takes two rounds.
    pub fn wanted(&mut self, manifest: &Manifest, needs: &[Need], hints: &BTreeMap<String, ShardRef>) -> Vec<Wanted> {
        let parts = needs.iter().fold(Parts::NONE, |all, n| all.with(n.parts));
        let mut wanted: Vec<Wanted> = manifest.shards_for(parts).filter(|s| !self.has(s)).map(|s| Wanted { shard: s.clone(), key: None }).collect();
        // A slice is not needed where the parts that hold its records are in, or will be
        // once this round's parts are.
        let have = self.parts(manifest).with(parts);
        for key in needs.iter().filter_map(|n| n.slice_needed(have)) {
            if self.has_slice(key) {
                continue;
            }
            let located = match hints.get(key) {
                Some(hinted) if !self.has(hinted) => Located::Slice(hinted.clone()),
                _ => self.locate(manifest, key),
            };
            match located {
                Located::Slice(shard) => wanted.push(Wanted { shard, key: Some(key.to_owned()) }),
                Located::Directory(shard) => wanted.push(Wanted { shard, key: None }),
                Located::NoSuchPage => {}
            }
        }
        // An actor's lane, unless every event is (or will be) in; found through the
        // catalog (an actor it does not name has no events, so nothing to fetch).
        if let Some(catalog) = self.catalog.as_ref().filter(|_| !have.contains(Parts::EVENTS)) {
            for id in needs.iter().flat_map(|n| &n.lanes) {
                let Some(k) = catalog.actors.iter().position(|a| &a.id == id) else { continue };
                let lane = manifest.lanes.as_ref().and_then(|l| l.of_actor(k));
                wanted.extend(lane.filter(|s| !self.has(s)).map(|shard| Wanted { shard, key: None }));
            }
        }
        if let Some(files) = &manifest.search {
            for need in needs.iter().filter_map(|n| n.search.as_ref()) {
                let opened = manifest.shards.iter().filter(|s| matches!(s.kind, Kind::Terms | Kind::Columns)).cloned();
                let chunks = need.chunks.iter().filter(|&&k| k < files.chunks).map(|&k| files.chunk(k));
                let excerpts = need.excerpts.iter().filter(|&&k| k < files.excerpts).map(|&k| files.excerpts(k));
                // The query's chunks once the terms shard is read; until then, those its
                // words surely read, fetched beside it (a round trip less), if the quotes
                // page's first view (which names the chunks' first words) is in.
                let read = match (&need.query, self.sharded.as_deref()) {
                    (Some(query), Some(index)) => index.missing(query),
                    (Some(query), None) => {
                        if let (None, Some(catalog), Some(first)) = (&self.names, &self.catalog, &self.first) {
                            let speaking: Vec<ActorId> = first.facets.speakers.iter().map(|(a, _)| a.clone()).collect();
                            self.names = Some(Names::of(catalog.of(), &speaking));
                        }
                        self.first.as_ref().map(|f| likely_chunks(&f.guide, self.names.as_ref(), query)).unwrap_or_default()
                    }
                    (None, _) => Vec::new(),
                };
                let read = read.into_iter().map(|k| k as u32).filter(|&k| k < files.chunks).map(|k| files.chunk(k));
                wanted.extend(opened.chain(chunks).chain(read).chain(excerpts).filter(|s| !self.has(s)).map(|shard| Wanted { shard, key: None }));
            }
        }
        let mut seen = BTreeSet::new();
        wanted.retain(|w| seen.insert(w.shard.file.clone()));
        wanted
    }

    /// Puts a file read for `wanted` on the shelf: a slice must hold the page it was
    /// fetched for, and a list's first view the records it names.
    pub fn put_wanted(&mut self, wanted: &Wanted, content: Shard) -> Result<(), PackError> {
        if let (Shard::Slice(slice), Some(key)) = (&content, &wanted.key) {
            let fail = |reason: String| Err(PackError { file: wanted.shard.file.clone(), reason });
            if slice.key != *key {
                return fail(format!("holds the page {}, not {key}", slice.key));
            }
            if let Some(first) = &slice.first {
                if let Some(fault) = first.guide.fault() {
                    return fail(fault);
                }
                let held: BTreeSet<&str> = slice.quotes.iter().map(|(_, q)| q.id.as_str()).collect();
                if let Some(missing) = first.order.iter().find(|id| !held.contains(id.as_str())) {
                    return fail(format!("lists the quote {} on the first page without holding it", missing.as_str()));
                }
            }
            if let Some(timeline) = &slice.timeline {
                let held: BTreeSet<&str> = slice.events.iter().map(|(_, e)| e.id.as_str()).collect();
                if let Some(missing) = timeline.events().find(|id| !held.contains(id.as_str())) {
                    return fail(format!("names the event {} in the timeline's first view without holding it", missing.as_str()));
                }
            }
        }
        self.put(&wanted.shard, content)
    }

    /// The first slice of `needs` that is needed, yet neither in nor known not to exist.
    pub fn lacking<'a>(&self, manifest: &Manifest, needs: &'a [Need]) -> Option<&'a str> {
        let have = self.parts(manifest);
        needs.iter().filter_map(|n| n.slice_needed(have)).find(|k| !self.has_slice(k))
    }

    /// The parts every one of whose shards in `manifest` is on the shelf (a part with no
    /// shards is empty, so in).
    pub fn parts(&self, manifest: &Manifest) -> Parts {
        [Parts::CATALOG, Parts::QUOTES, Parts::EVENTS, Parts::INDEX, Parts::EVIDENCE]
            .into_iter()
            // A part with no shards (a corpus without quotes, say) is in: it is empty.
            .filter(|&p| manifest.shards_for(p).all(|s| self.has(s)))
            .fold(Parts::NONE, Parts::with)
    }

    /// The search index's bytes, once its shard is on the shelf.
    pub fn index(&self) -> Option<&[u8]> {
        self.index.as_deref()
    }

    /// The citations the slices on the shelf brought.
    pub fn citations(&self) -> &Citations {
        &self.cites
    }

    /// The quotes list's first page, if its slice is on the shelf.
    pub fn quotes_first(&self) -> Option<&QuotesFirst> {
        self.first.as_ref()
    }

    /// The actors whose every event is on the shelf: those whose lanes were read, and
    /// every actor once every event is (none before the catalog is in).
    pub fn lanes(&self, manifest: &Manifest) -> Vec<ActorId> {
        let Some(catalog) = &self.catalog else { return Vec::new() };
        if self.parts(manifest).contains(Parts::EVENTS) {
            return catalog.actors.iter().map(|a| a.id.clone()).collect();
        }
        self.lanes.iter().filter_map(|(k, _)| catalog.actors.get(*k as usize)).map(|a| a.id.clone()).collect()
    }

    /// The timeline's first view, if its slice is on the shelf.
    pub fn timeline_first(&self) -> Option<&TimelineFirst> {
        self.timeline.as_ref()
    }

    /// Who appears most often with each actor whose page's slice is on the shelf.
    pub fn together(&self) -> &BTreeMap<ActorId, Vec<(ActorId, usize)>> {
        &self.together
    }

    /// The corpus of the parts and slices on the shelf (the catalog at least), checked for
    /// agreement between its shards: record ranges that join without a gap, the counts
    /// the catalog gives, slices' records within them. A part whose shards are all in
    /// gives every record of its kind; otherwise a kind holds the records of the slices
    /// read, in the corpus's order. Events carry their evidence if its shards are all in,
    /// and always those that came in a slice (an event's page read after the timeline).
    pub fn corpus(&self, manifest: &Manifest) -> Result<Corpus, PackError> {
        let parts = self.parts(manifest);
        let fail = |kind: Kind, reason: String| PackError { file: kind.name().to_owned(), reason };
        let catalog = self.catalog.as_ref().filter(|_| parts.contains(Parts::CATALOG));
        let catalog = catalog.ok_or_else(|| fail(Kind::Catalog, "has not been read".to_owned()))?;
        let counts = &catalog.counts;
        if counts.by_actor.len() != catalog.actors.len() || counts.by_document.len() != catalog.documents.len() {
            return Err(fail(Kind::Catalog, "counts do not match its actors and documents".to_owned()));
        }
        let beyond = |what: &str, last: Option<&u32>, total: usize| match last {
            Some(&n) if n as usize >= total => Err(fail(Kind::Slice, format!("holds {what} {n} where the catalog has {total}"))),
            _ => Ok(()),
        };
        beyond("quote", self.some_quotes.keys().next_back(), counts.quotes)?;
        beyond("event", self.some_events.keys().next_back(), counts.events)?;
        beyond("document", self.paragraphs.keys().next_back(), catalog.documents.len())?;
        // A lane holds every event of its actor, each of which involves them: checked as
        // it is put if the catalog was in by then (it always is in the browser, where
        // the corpus is made again at each arrival), else here.
        if self.lanes_unchecked {
            if let Some(reason) = self.lanes.iter().find_map(|(k, list)| lane_fault(catalog, *k, list, |n| self.some_events.get(&n))) {
                return Err(fail(Kind::Lanes, reason));
            }
        }
        let quotes = if parts.contains(Parts::QUOTES) {
            joined(Kind::Quotes, &self.quotes, counts.quotes)?;
            self.quotes.values().flatten().cloned().collect()
        } else {
            self.some_quotes.values().cloned().collect()
        };
        let events = if parts.contains(Parts::EVENTS) {
            joined(Kind::Events, &self.events, counts.events)?;
            let mut events: Vec<Event> = self.events.values().flatten().cloned().collect();
            if parts.contains(Parts::EVIDENCE) {
                joined(Kind::Evidence, &self.evidence, counts.events)?;
                for (event, evidence) in events.iter_mut().zip(self.evidence.values().flatten()) {
                    event.evidence.clone_from(evidence);
                }
            }
            // The events read whole in slices keep their evidence (the timeline's slice
            // holds summaries, which take nothing away).
            for (&n, event) in self.some_events.iter().filter(|(_, e)| !e.evidence.is_empty()) {
                events[n as usize].evidence.clone_from(&event.evidence);
            }
            events
        } else {
            self.some_events.values().cloned().collect()
        };
        let mut documents = catalog.documents.clone();
        for (&d, paragraphs) in &self.paragraphs {
            documents[d as usize].paragraphs = paragraphs.values().cloned().collect();
        }
        Ok(Corpus::from_parts(parts.without(Parts::INDEX), counts.clone(), documents, catalog.actors.clone(), catalog.places.clone(), quotes, events))
    }
}

/// Why the lane of actor number `k` listing `list` (events by number, `event` giving each
/// one it holds) is not that actor's in `catalog`, if it is not: every event the catalog
/// counts for them, in order, once each, each of them involving them.
fn lane_fault<'a>(catalog: &Catalog, k: u32, list: &[u32], event: impl Fn(u32) -> Option<&'a Event>) -> Option<String> {
    let (Some(actor), Some(&(_, counted))) = (catalog.actors.get(k as usize), catalog.counts.by_actor.get(k as usize)) else {
        return Some(format!("holds the lane of actor {k} where the catalog has {}", catalog.actors.len()));
    };
    if !list.windows(2).all(|w| w[0] < w[1]) {
        return Some(format!("lists the events of {} out of order or twice", actor.id.as_str()));
    }
    if list.len() != counted as usize {
        return Some(format!("lists {} events of {} where the catalog counts {counted}", list.len(), actor.id.as_str()));
    }
    let stranger = list.iter().find(|&&n| !event(n).is_some_and(|e| e.involves(&actor.id)))?;
    Some(format!("lists the event {stranger} for {}, who is not in it", actor.id.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_is_checked_field_by_field() {
        let (_, bytes) = wrap(Kind::Index, b"abc");
        assert_eq!(bytes.len(), HEADER + 3);
        assert!(unwrap("f", Kind::Index, &bytes, None).is_ok());
        assert!(unwrap("f", Kind::Catalog, &bytes, None).unwrap_err().reason.contains("holds index, not catalog"));
        let mut other_version = bytes.clone();
        other_version[MAGIC.len()] = 7;
        assert!(unwrap("f", Kind::Index, &other_version, None).unwrap_err().reason.contains("format version 7"));
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(unwrap("f", Kind::Index, &flipped, None).unwrap_err().reason.contains("corrupt"));
        assert!(unwrap("f", Kind::Index, b"<!DOCTYPE html>", None).unwrap_err().reason.contains("not a Dossier data file"));
    }

    #[test]
    fn a_manifest_whose_lanes_files_are_not_ranges_of_actors_in_order_is_refused() {
        let lanes = LaneFiles { set: 7, firsts: vec![0, 3, 5], actors: 9 };
        let manifest = |lanes: LaneFiles| {
            let m = Manifest { base_url: None, previews: false, shards: Vec::new(), search: None, lanes: Some(lanes) };
            read_manifest("manifest-test.bin", &wrap(Kind::Manifest, &body_of(&m).unwrap()).1)
        };
        assert!(manifest(lanes.clone()).is_ok());
        assert_eq!(lanes.of_actor(0).map(|f| (f.first, f.count)), Some((0, 3)));
        assert_eq!(lanes.of_actor(4).map(|f| (f.first, f.count, f.file)), Some((3, 2, format!("lanes-{:016x}-1.bin", 7))));
        assert_eq!(lanes.of_actor(8).map(|f| (f.first, f.count)), Some((5, 4)));
        assert_eq!(lanes.of_actor(9), None);
        assert_eq!(lanes.of_actor(usize::MAX), None);
        for firsts in [vec![], vec![1, 2], vec![0, 0], vec![0, 4, 2], vec![0, 9], vec![0, u32::MAX]] {
            let err = manifest(LaneFiles { firsts: firsts.clone(), ..lanes.clone() }).unwrap_err();
            assert!(err.reason.contains("lanes file"), "{firsts:?}: {err}");
        }
    }

    #[test]
    fn a_first_page_naming_a_quote_its_slice_does_not_hold_is_refused() {
        let first = QuotesFirst { total: 3, order: vec![crate::core::model::QuoteId::new("q-absent")], ..QuotesFirst::default() };
        let slice = Slice { key: "list/quotes".to_owned(), first: Some(first), ..Slice::default() };
        let wanted = Wanted { shard: ShardRef::slice(1, 0), key: Some("list/quotes".to_owned()) };
        let err = Shelf::default().put_wanted(&wanted, Shard::Slice(Box::new(slice))).unwrap_err();
        assert!(err.reason.contains("q-absent"), "{err}");
    }

    #[test]
    fn a_first_page_whose_search_guide_is_out_of_order_is_refused() {
        use crate::core::search::Guide;
        let words = |w: &[&str]| w.iter().map(|w| (*w).to_owned()).collect::<Vec<String>>();
        let faults = [
            (Guide { firsts: words(&["b", "a"]), lasts: words(&["b", "a"]), said: vec![0] }, "first words"),
            (Guide { firsts: words(&["a", "a"]), lasts: words(&["a", "a"]), said: vec![] }, "first words"),
            (Guide { firsts: words(&["a", "c"]), lasts: words(&["b"]), said: vec![0] }, "last words"),
            (Guide { firsts: words(&["a", "c"]), lasts: words(&["c", "d"]), said: vec![0] }, "last words"),
            (Guide { firsts: words(&["b", "c"]), lasts: words(&["a", "d"]), said: vec![0] }, "last words"),
            (Guide { firsts: words(&["a"]), lasts: words(&["a"]), said: vec![1, 2] }, "first actors"),
            (Guide { firsts: words(&["a"]), lasts: words(&["a"]), said: vec![0, 3, 3] }, "first actors"),
        ];
        for (guide, reason) in faults {
            let first = QuotesFirst { guide: guide.clone(), ..QuotesFirst::default() };
            let slice = Slice { key: "list/quotes".to_owned(), first: Some(first), ..Slice::default() };
            let wanted = Wanted { shard: ShardRef::slice(1, 0), key: Some("list/quotes".to_owned()) };
            let mut shelf = Shelf::default();
            let err = shelf.put_wanted(&wanted, Shard::Slice(Box::new(slice))).unwrap_err();
            assert!(err.reason.contains(reason), "{guide:?}: {err}");
            assert!(shelf.quotes_first().is_none());
        }
        let good = Guide { firsts: words(&["a", "b"]), lasts: words(&["ab", "bz"]), said: vec![0, 4] };
        let slice = Slice { key: "list/quotes".to_owned(), first: Some(QuotesFirst { guide: good, ..QuotesFirst::default() }), ..Slice::default() };
        let wanted = Wanted { shard: ShardRef::slice(1, 0), key: Some("list/quotes".to_owned()) };
        assert!(Shelf::default().put_wanted(&wanted, Shard::Slice(Box::new(slice))).is_ok());
    }

    #[test]
    fn a_timeline_first_view_naming_an_event_its_slice_does_not_hold_is_refused() {
        use crate::core::model::EventId;
        let first = TimelineFirst { total: 2, page: vec![EventId::new("e-absent")], ..TimelineFirst::default() };
        let slice = Slice { key: "list/timeline".to_owned(), timeline: Some(first), ..Slice::default() };
        let wanted = Wanted { shard: ShardRef::slice(1, 0), key: Some("list/timeline".to_owned()) };
        let mut shelf = Shelf::default();
        let err = shelf.put_wanted(&wanted, Shard::Slice(Box::new(slice))).unwrap_err();
        assert!(err.reason.contains("e-absent"), "{err}");
        assert!(shelf.timeline_first().is_none());
    }
}
