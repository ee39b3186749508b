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
//! - **shards** `<kind>-<hash>.bin`: the catalog (documents without their paragraphs,
//!   actors, places and the whole corpus's [`Counts`]), quotes, events, the documents'
//!   texts and the prebuilt search index. Quotes and events are cut into shards of at most
//!   `max_records` records (record `i` is in the shard whose range holds it), so a large
//!   corpus is split without a change of format.
//!
//! Every file is a header and a body:
//!
//! ```text
//! "DOSSIER" version:u16le kind:u8 body-hash:u64le body-length:u32le body
//! ```
//!
//! The body is [postcard](https://docs.rs/postcard) (serde's data model, varints). Names
//! are content-addressed (the body's hash), so a shard that did not change between two
//! releases keeps its name and its cache entry, and one manifest can never be served with
//! another release's shard: a file whose bytes are not the ones its manifest names is
//! refused with a reason ([`PackError`]), never decoded into wrong data, never a panic.

use std::collections::BTreeMap;
use std::fmt;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::core::cite::Citations;
use crate::core::model::{Actor, Corpus, Counts, Document, Event, Paragraph, Parts, Place, Quote};
use crate::core::route::Page;

/// The format's version: a reader refuses files of another.
pub const VERSION: u16 = 2;
/// The folder of the site that holds the data files.
pub const DATA_DIR: &str = "data";
/// The `<meta name>` under which every page names its manifest.
pub const MANIFEST_META: &str = "dossier-data";
/// How many quotes or events one shard holds at most, by default.
pub const MAX_RECORDS: usize = 5_000;

const MAGIC: &[u8; 7] = b"DOSSIER";
const HEADER: usize = MAGIC.len() + 2 + 1 + 8 + 4;

/// What a data file holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Kind {
    Manifest,
    Catalog,
    Quotes,
    Events,
    Texts,
    Index,
    Cites,
}

impl Kind {
    const ALL: [Kind; 7] = [Kind::Manifest, Kind::Catalog, Kind::Quotes, Kind::Events, Kind::Texts, Kind::Index, Kind::Cites];

    /// The start of its files' names.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Manifest => "manifest",
            Kind::Catalog => "catalog",
            Kind::Quotes => "quotes",
            Kind::Events => "events",
            Kind::Texts => "texts",
            Kind::Index => "index",
            Kind::Cites => "cites",
        }
    }

    /// The part of a corpus its shards make up.
    pub fn part(self) -> Parts {
        match self {
            Kind::Manifest => Parts::NONE,
            Kind::Catalog => Parts::CATALOG,
            Kind::Quotes => Parts::QUOTES,
            Kind::Events => Parts::EVENTS,
            Kind::Texts => Parts::TEXTS,
            Kind::Index => Parts::INDEX,
            Kind::Cites => Parts::CITES,
        }
    }

    fn code(self) -> u8 {
        self as u8
    }

    fn from_code(code: u8) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// The parts of the corpus a page shows, so the browser fetches those and no others.
/// Every page needs the catalog; a test renders each page from only its parts and
/// compares it with the page rendered from the whole corpus.
pub fn parts_for(page: &Page) -> Parts {
    let parts = match page {
        Page::Home | Page::Actors | Page::Documents | Page::NotFound(_) => Parts::NONE,
        // Search and its facets; the texts of the hits are the quotes themselves.
        Page::Quotes => Parts::QUOTES.with(Parts::INDEX),
        // The paragraph around it, the question it answers, the events in that paragraph.
        // And its citations.
        Page::Quote(_) => Parts::QUOTES.with(Parts::TEXTS).with(Parts::EVENTS).with(Parts::CITES),
        Page::Timeline => Parts::EVENTS,
        // The quotes from the same paragraph (and an event's citations).
        Page::Event(_) => Parts::EVENTS.with(Parts::QUOTES).with(Parts::CITES),
        Page::Actor(_) => Parts::EVENTS.with(Parts::QUOTES),
        // The text, with a quote from the URL highlighted, and the document's citations.
        Page::Document(_) => Parts::TEXTS.with(Parts::QUOTES).with(Parts::CITES),
    };
    parts.with(Parts::CATALOG)
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
}

/// The URL on the site of the data file named `file`.
pub fn href(file: &str) -> String {
    format!("/{DATA_DIR}/{file}")
}

/// The list of a release's data files.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    /// Where the site lives (`DOSSIER_BASE_URL`), for absolute canonical and preview URLs.
    pub base_url: Option<String>,
    /// Whether the build drew link preview images (`core::preview`), which pages name.
    pub previews: bool,
    pub shards: Vec<ShardRef>,
}

impl Manifest {
    /// The shards that make up `parts`, in the order they are listed.
    pub fn shards_for(&self, parts: Parts) -> impl Iterator<Item = &ShardRef> {
        self.shards.iter().filter(move |s| !s.kind.part().is_empty() && parts.contains(s.kind.part()))
    }
}

/// The catalog: what every page needs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Documents with their paragraphs left out (they are in the texts shard).
    documents: Vec<Document>,
    actors: Vec<Actor>,
    places: Vec<Place>,
    counts: Counts,
}

/// A decoded shard.
#[derive(Clone, Debug, PartialEq)]
pub enum Shard {
    Catalog(Box<Catalog>),
    Quotes(Vec<Quote>),
    Events(Vec<Event>),
    /// Each document's paragraphs, in the catalog's order of documents.
    Texts(Vec<Vec<Paragraph>>),
    /// [`crate::core::search::QuoteIndex::to_bytes`] of the whole corpus.
    Index(Vec<u8>),
    /// The citations the build rendered, in corpus order.
    Cites(Box<Citations>),
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

/// The data files of a validated corpus: the manifest (first) and every shard.
/// `index` is the corpus's search index as bytes, `citations` its rendered citations,
/// `previews` whether the build draws preview images; quotes and events go `max_records`
/// to a shard. Fails only if a file would exceed 4 GiB.
pub fn encode(corpus: &Corpus, index: Vec<u8>, citations: &Citations, base_url: Option<&str>, previews: bool, max_records: usize) -> Result<Vec<DataFile>, String> {
    let max_records = max_records.max(1);
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
    for (i, chunk) in corpus.events.chunks(max_records).enumerate() {
        shards.push((Kind::Events, records(i * max_records)?, records(chunk.len())?, body_of(&chunk)?));
    }
    let texts: Vec<&Vec<Paragraph>> = corpus.documents.iter().map(|d| &d.paragraphs).collect();
    shards.push((Kind::Texts, 0, 1, body_of(&texts)?));
    shards.push((Kind::Index, 0, 1, body_of(&index)?));
    shards.push((Kind::Cites, 0, 1, body_of(citations)?));

    let mut files = Vec::new();
    let mut refs = Vec::new();
    for (kind, first, count, body) in shards {
        let (hash, bytes) = wrap(kind, &body);
        let file = format!("{}-{hash:016x}.bin", kind.name());
        refs.push(ShardRef { kind, first, count, file: file.clone(), bytes: records(bytes.len())?, hash });
        files.push(DataFile { name: file, bytes });
    }
    let manifest = Manifest { base_url: base_url.map(str::to_owned), previews, shards: refs };
    let (hash, bytes) = wrap(Kind::Manifest, &body_of(&manifest)?);
    files.insert(0, DataFile { name: format!("{}-{hash:016x}.bin", Kind::Manifest.name()), bytes });
    Ok(files)
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

fn decode<T: DeserializeOwned>(file: &str, body: &[u8]) -> Result<T, PackError> {
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
    Ok(manifest)
}

/// Reads the shard `shard` names: refused unless the bytes are exactly that shard.
pub fn read_shard(shard: &ShardRef, bytes: &[u8]) -> Result<Shard, PackError> {
    let body = unwrap(&shard.file, shard.kind, bytes, Some(shard.hash))?;
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
        Kind::Texts => Shard::Texts(decode(file, body)?),
        Kind::Index => Shard::Index(decode(file, body)?),
        Kind::Cites => Shard::Cites(Box::new(decode(file, body)?)),
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

/// The shards a page has read so far, and the corpus they make.
#[derive(Clone, Debug, Default)]
pub struct Shelf {
    catalog: Option<Catalog>,
    quotes: BTreeMap<u32, Vec<Quote>>,
    events: BTreeMap<u32, Vec<Event>>,
    texts: Option<Vec<Vec<Paragraph>>>,
    index: Option<Vec<u8>>,
    cites: Option<Citations>,
    /// The files put on the shelf.
    have: Vec<String>,
}

impl Shelf {
    /// Whether the shelf holds the shard `shard` names.
    pub fn has(&self, shard: &ShardRef) -> bool {
        self.have.contains(&shard.file)
    }

    /// Puts a shard read with [`read_shard`] on the shelf.
    pub fn put(&mut self, shard: &ShardRef, content: Shard) {
        if self.has(shard) {
            return;
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
            Shard::Texts(t) => self.texts = Some(t),
            Shard::Index(i) => self.index = Some(i),
            Shard::Cites(c) => self.cites = Some(*c),
        }
    }

    /// The parts every one of whose shards in `manifest` is on the shelf.
    pub fn parts(&self, manifest: &Manifest) -> Parts {
        [Parts::CATALOG, Parts::QUOTES, Parts::EVENTS, Parts::TEXTS, Parts::INDEX, Parts::CITES]
            .into_iter()
            .filter(|&p| manifest.shards_for(p).next().is_some() && manifest.shards_for(p).all(|s| self.has(s)))
            .fold(Parts::NONE, Parts::with)
    }

    /// The search index's bytes, once its shard is on the shelf.
    pub fn index(&self) -> Option<&[u8]> {
        self.index.as_deref()
    }

    /// The citations, once their shard is on the shelf, checked against the catalog's
    /// counts (one for every document, quote and event).
    pub fn citations(&self) -> Result<Option<&Citations>, PackError> {
        let (Some(cites), Some(catalog)) = (self.cites.as_ref(), self.catalog.as_ref()) else {
            return Ok(None);
        };
        let c = &catalog.counts;
        if (cites.documents.len(), cites.quotes.len(), cites.events.len()) != (catalog.documents.len(), c.quotes, c.events) {
            return Err(PackError {
                file: Kind::Cites.name().to_owned(),
                reason: format!(
                    "holds citations of {} documents, {} quotes and {} events where the catalog has {}, {} and {}",
                    cites.documents.len(), cites.quotes.len(), cites.events.len(), catalog.documents.len(), c.quotes, c.events
                ),
            });
        }
        Ok(Some(cites))
    }

    /// The corpus of the parts on the shelf (the catalog at least), checked for agreement
    /// between its shards: record ranges that join without a gap, the counts the catalog
    /// gives, a text for every document.
    pub fn corpus(&self, manifest: &Manifest) -> Result<Corpus, PackError> {
        let parts = self.parts(manifest);
        let fail = |kind: Kind, reason: String| PackError { file: kind.name().to_owned(), reason };
        let catalog = self.catalog.as_ref().filter(|_| parts.contains(Parts::CATALOG));
        let catalog = catalog.ok_or_else(|| fail(Kind::Catalog, "has not been read".to_owned()))?;
        let counts = &catalog.counts;
        if counts.by_actor.len() != catalog.actors.len() || counts.by_document.len() != catalog.documents.len() {
            return Err(fail(Kind::Catalog, "counts do not match its actors and documents".to_owned()));
        }
        let quotes = if parts.contains(Parts::QUOTES) {
            joined(Kind::Quotes, &self.quotes, counts.quotes)?;
            self.quotes.values().flatten().cloned().collect()
        } else {
            Vec::new()
        };
        let events = if parts.contains(Parts::EVENTS) {
            joined(Kind::Events, &self.events, counts.events)?;
            self.events.values().flatten().cloned().collect()
        } else {
            Vec::new()
        };
        let mut documents = catalog.documents.clone();
        if let Some(texts) = self.texts.as_ref().filter(|_| parts.contains(Parts::TEXTS)) {
            if texts.len() != documents.len() {
                return Err(fail(Kind::Texts, format!("holds {} documents where the catalog has {}", texts.len(), documents.len())));
            }
            for (doc, paragraphs) in documents.iter_mut().zip(texts) {
                doc.paragraphs = paragraphs.clone();
            }
        }
        Ok(Corpus::from_parts(
            parts.without(Parts::INDEX).without(Parts::CITES),
            counts.clone(),
            documents,
            catalog.actors.clone(),
            catalog.places.clone(),
            quotes,
            events,
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_header_is_checked_field_by_field() {
        let (_, bytes) = wrap(Kind::Index, b"abc");
        assert_eq!(bytes.len(), HEADER + 3);
        assert!(unwrap("f", Kind::Index, &bytes, None).is_ok());
        assert!(unwrap("f", Kind::Texts, &bytes, None).unwrap_err().reason.contains("holds index, not texts"));
        let mut other_version = bytes.clone();
        other_version[MAGIC.len()] = 9;
        assert!(unwrap("f", Kind::Index, &other_version, None).unwrap_err().reason.contains("format version 9"));
        let mut flipped = bytes.clone();
        *flipped.last_mut().unwrap() ^= 1;
        assert!(unwrap("f", Kind::Index, &flipped, None).unwrap_err().reason.contains("corrupt"));
        assert!(unwrap("f", Kind::Index, b"<!DOCTYPE html>", None).unwrap_err().reason.contains("not a Dossier data file"));
    }
}
