//! Every URL Dossier has: the one module that knows paths and query keys.
//!
//! [`parse`] turns any href into a typed [`Route`] and never fails: an unknown path is
//! [`Route::NotFound`], a bad query value falls back to the default and is listed in
//! [`Parsed::ignored`] so the page can say so. [`Route::href`] writes a route back, and
//! `parse(route.href()).route == route` for every canonical route (tested below and in
//! `tests/it/route.rs`). Components build links only through [`Route::href`].
//!
//! A site may live under a path of its host (`https://owner.github.io/dossier/`, a
//! GitHub Pages project site): [`set_base`] sets that path once per process (the build
//! from Trunk's public URL, the browser from the page's head), [`Route::href`] and
//! [`asset`] put it in front of every URL, and [`parse`] takes it off. A route's
//! [`Route::address`] is its URL without it: what the data's ledger of published
//! addresses and the site's folders are written in, whatever the site is served under.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

use crate::core::date::{DateFault, PartialDate};
use crate::core::model::{is_valid_slug, ActorId, ActorKind, Corpus, DocumentId, EventId, QuoteId, QuoteKind};

/// Query keys, in the order [`Route::href`] writes them.
pub mod keys {
    pub const Q: &str = "q";
    pub const SPEAKER: &str = "speaker";
    pub const DOC: &str = "doc";
    pub const KIND: &str = "kind";
    pub const SORT: &str = "sort";
    pub const ACTOR: &str = "actor";
    pub const MATCH: &str = "match";
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
    pub const QUOTE: &str = "quote";
    /// The quotes page's keys: any of them set makes it a search.
    pub const QUOTES: [&str; 5] = [Q, SPEAKER, DOC, KIND, SORT];
    /// The timeline's keys: any of them set makes it a filtered view.
    pub const TIMELINE: [&str; 6] = [ACTOR, MATCH, KIND, FROM, TO, DOC];
    /// The timeline's keys that need every event (for the view, or for the actor
    /// picker's counts): with actors alone it needs only theirs.
    pub const TIMELINE_EVERY_EVENT: [&str; 4] = [KIND, FROM, TO, DOC];
}

/// The path the site is served under, without its trailing slash: empty at the root of
/// its host (the default), `/dossier` for `https://owner.github.io/dossier/`.
static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();

/// Sets the path the site is served under (`/`, `/dossier` or `/dossier/`), once per
/// process, before the first URL is written or read; a second call with another path
/// is refused, as is a path that is not a plain absolute path.
pub fn set_base(path: &str) -> Result<(), String> {
    let path = normalize_base(path)?;
    let set = BASE.get_or_init(|| path.clone());
    if *set == path {
        Ok(())
    } else {
        Err(format!("the site's base path is {set:?} already, not {path:?}"))
    }
}

/// The path the site is served under: empty, or `/name` (no trailing slash).
pub fn base() -> &'static str {
    BASE.get().map_or("", String::as_str)
}

/// `path` as a base: `/` or empty is the root (empty); otherwise it must start with `/`
/// and be made of path segments that need no escaping in a URL (letters, digits, `-`,
/// `_`, `.`, `~`; no `.` or `..` segment), so it can go into any URL and HTML attribute
/// as it is.
pub fn normalize_base(path: &str) -> Result<String, String> {
    let trimmed = path.trim().trim_end_matches('/');
    if trimmed.is_empty() {
        return Ok(String::new());
    }
    let Some(rest) = trimmed.strip_prefix('/') else {
        return Err(format!("the base path {path:?} must start with '/' (a path on this host, such as /dossier/)"));
    };
    for segment in rest.split('/') {
        let plain = segment.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b));
        if segment.is_empty() || segment == "." || segment == ".." || !plain {
            return Err(format!("the base path {path:?} may hold only letters, digits, '-', '_', '.' and '~' between its slashes"));
        }
    }
    Ok(trimmed.to_owned())
}

/// The URL of a file of the site (`/sw.js`, `/data/…`, `/previews/…`): under [`base`].
pub fn asset(path: &str) -> String {
    under(base(), path.to_owned())
}

/// `address` (a path from the site's root, starting with `/`) under `base`: the same
/// string at the root of a host, and no address (the not-found page's own) stays none.
pub fn under(base: &str, address: String) -> String {
    if base.is_empty() || address.is_empty() {
        address
    } else {
        format!("{base}{address}")
    }
}

/// `path` with `base` taken off, as an address from the site's root; `None` if the path
/// is not under `base`.
pub fn strip_base<'a>(base: &str, path: &'a str) -> Option<&'a str> {
    if base.is_empty() {
        return Some(path);
    }
    match path.strip_prefix(base) {
        Some("") => Some("/"),
        Some(rest) if rest.starts_with('/') => Some(rest),
        _ => None,
    }
}

/// Longest query text a link keeps, in UTF-8 bytes. A byte is at most three characters of
/// the address (`%D8`), so a search's link stays near 6 KB at worst, under the 8 KB of
/// request line most servers and CDNs accept (nginx, Apache, CloudFront): a link the app
/// writes opens on any host. Longer text is cut at a character's end (and a URL's is
/// noted), so a hostile URL cannot make every keystroke search a megabyte either.
pub const MAX_QUERY_BYTES: usize = 2_000;

/// Cuts `q` to at most [`MAX_QUERY_BYTES`], at a character's end; true if it was cut.
pub fn cap_query(q: &mut String) -> bool {
    if q.len() <= MAX_QUERY_BYTES {
        return false;
    }
    let mut end = MAX_QUERY_BYTES;
    while !q.is_char_boundary(end) {
        end -= 1;
    }
    q.truncate(end);
    true
}

/// How the quote list is ordered.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum QuoteSort {
    /// Relevance when there is a query, document order otherwise.
    #[default]
    Auto,
    /// Chronological by when the words were said (unknown dates last).
    Date,
}

/// The state of the quotes page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct QuoteQuery {
    pub q: String,
    pub speakers: Vec<ActorId>,
    pub doc: Option<DocumentId>,
    pub kind: Option<QuoteKind>,
    pub sort: QuoteSort,
}

/// Whether an event must involve any or all of the chosen actors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ActorMatch {
    #[default]
    Any,
    All,
}

/// The state of the timeline page.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct TimelineQuery {
    pub actors: Vec<ActorId>,
    pub match_mode: ActorMatch,
    pub kind: Option<ActorKind>,
    pub from: Option<PartialDate>,
    pub to: Option<PartialDate>,
    pub doc: Option<DocumentId>,
}

impl TimelineQuery {
    pub fn is_filtered(&self) -> bool {
        self != &TimelineQuery::default()
    }

    /// This query without `actor`. "Any" or "all" means nothing with fewer than two
    /// actors, so it goes back to the default then (no stray `match=all` in the URL).
    pub fn without_actor(&self, actor: &ActorId) -> TimelineQuery {
        let mut q = self.clone();
        q.retain_actors(|a| a != actor);
        q
    }

    /// Keeps the actors `keep` accepts. "Any" or "all" means nothing with fewer than two
    /// actors: when one is removed and fewer remain, it goes back to the default.
    pub fn retain_actors(&mut self, mut keep: impl FnMut(&ActorId) -> bool) {
        let chosen = self.actors.len();
        self.actors.retain(|a| keep(a));
        if self.actors.len() < chosen && self.actors.len() < 2 {
            self.match_mode = ActorMatch::default();
        }
    }

    /// This query with no actor filter (what the actor picker's counts are counted over).
    pub fn without_actors(&self) -> TimelineQuery {
        TimelineQuery { actors: Vec::new(), match_mode: ActorMatch::default(), ..self.clone() }
    }
}

/// A page of Dossier and its state.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Route {
    Home,
    Quotes(QuoteQuery),
    Quote(QuoteId),
    Timeline(TimelineQuery),
    Event(EventId),
    Actors,
    Actor(ActorId),
    Documents,
    /// A document in the reader: `part` (from 1) of its paragraphs ([`DOCUMENT_PART`]
    /// to a part), a quote to highlight, a paragraph to scroll to.
    Document { id: DocumentId, part: u32, quote: Option<QuoteId>, paragraph: Option<u32> },
    NotFound { path: String },
}

/// A query parameter that was present but could not be used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Ignored {
    pub key: String,
    pub value: String,
    pub reason: String,
}

/// The result of reading a URL: always a route, plus what was ignored on the way.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Parsed {
    pub route: Route,
    pub ignored: Vec<Ignored>,
}

impl Parsed {
    /// This route without the ids its query names that `corpus` has no record of (a
    /// speaker or actor, a document), each listed in [`Parsed::ignored`]: a filter by an
    /// id the dossier does not know would match nothing and not say why. Every page holds
    /// the catalog (every actor and document) before it renders, so this is known at once.
    pub fn known_to(mut self, corpus: &Corpus) -> Parsed {
        let Parsed { route, ignored } = &mut self;
        let mut gone = Vec::new();
        let mut known = |id: &ActorId| corpus.actor(id).is_some() || {
            gone.push(id.clone());
            false
        };
        let (key, doc) = match route {
            Route::Quotes(q) => {
                q.speakers.retain(|id| known(id));
                (keys::SPEAKER, q.doc.take_if(|id| corpus.document(id).is_none()))
            }
            Route::Timeline(q) => {
                q.retain_actors(known);
                (keys::ACTOR, q.doc.take_if(|id| corpus.document(id).is_none()))
            }
            _ => return self,
        };
        let unknown = |key: &str, id: &str, what: &str| Ignored { key: key.to_owned(), value: shown(id), reason: format!("this dossier has no {what} with this id") };
        ignored.extend(gone.iter().map(|id| unknown(key, id.as_str(), "actor")));
        ignored.extend(doc.map(|id| unknown(keys::DOC, id.as_str(), "document")));
        self
    }
}

/// A query value as a note shows it: control characters percent-encoded (`%00`), since a
/// URL can carry any of them and a page cannot show them; at most 80 characters.
fn shown(value: &str) -> String {
    const MOST: usize = 80;
    let mut out = String::new();
    let mut len = 0;
    for c in value.chars() {
        let piece = if c.is_control() {
            c.encode_utf8(&mut [0; 4]).bytes().map(|b| format!("%{b:02X}")).collect()
        } else {
            c.to_string()
        };
        // Whole escapes only: a cut `%0` would read as another character.
        len += piece.chars().count();
        if len > MOST {
            break;
        }
        out.push_str(&piece);
    }
    out
}

/// Characters escaped in a path segment: everything but unreserved characters.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC.remove(b'-').remove(b'_').remove(b'.').remove(b'~');

/// Parses an href (`/path?query#fragment`, or a full URL's path onwards), its path under
/// [`base`] (a path outside it is no page).
pub fn parse(href: &str) -> Parsed {
    parse_under(base(), href)
}

/// Parses an address: an href from the site's root, whatever the base (the ledger of
/// published addresses, a redirect's `from` and `to`).
pub fn parse_address(href: &str) -> Parsed {
    parse_under("", href)
}

/// [`parse`] with the site under `base`.
pub fn parse_under(base: &str, href: &str) -> Parsed {
    let (rest, fragment) = href.split_once('#').unwrap_or((href, ""));
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    parts_under(base, path, query, fragment)
}

/// Parses the three parts of a location, as the browser hands them over (with or without
/// their leading `?` and `#`), its path under [`base`].
pub fn parse_parts(path: &str, query: &str, fragment: &str) -> Parsed {
    parts_under(base(), path, query, fragment)
}

fn parts_under(base: &str, path: &str, query: &str, fragment: &str) -> Parsed {
    let Some(path) = strip_base(base, path) else {
        return Parsed { route: Route::NotFound { path: path.to_owned() }, ignored: Vec::new() };
    };
    let query = query.strip_prefix('?').unwrap_or(query);
    let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
    let segments: Vec<String> = path
        .split('/')
        .filter(|s| !s.is_empty())
        .map(|s| percent_decode_str(s).decode_utf8_lossy().into_owned())
        .collect();
    // Static hosts serve `/quotes/index.html` for `/quotes/`; treat them alike.
    let segments: Vec<&str> = match segments.split_last() {
        Some((last, init)) if last == "index.html" => init.iter().map(String::as_str).collect(),
        _ => segments.iter().map(String::as_str).collect(),
    };
    let params: Vec<(String, String)> =
        form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    // Whether each value was UTF-8 once decoded: the decoder puts U+FFFD in place of bytes
    // that were not, so only a value with one is decoded again, from its pair as the
    // decoder read it (between `&`s, empty ones skipped).
    let utf8 = query
        .split('&')
        .filter(|pair| !pair.is_empty())
        .zip(&params)
        .map(|(pair, (_, value))| {
            !value.contains('\u{FFFD}') || std::str::from_utf8(&percent_decode_str(pair.split_once('=').map_or("", |(_, v)| v)).collect::<Vec<u8>>()).is_ok()
        })
        .collect();
    let mut reader = QueryReader { params, utf8, ignored: Vec::new(), read: Vec::new() };
    let not_found = || Route::NotFound { path: format!("/{}", segments.join("/")) };
    let route = match segments.as_slice() {
        [] => Route::Home,
        ["quotes"] => Route::Quotes(reader.quote_query()),
        ["quotes", id] => Route::Quote(QuoteId::new(*id)),
        ["timeline"] => Route::Timeline(reader.timeline_query()),
        ["events", id] => Route::Event(EventId::new(*id)),
        ["actors"] => Route::Actors,
        ["actors", id] => Route::Actor(ActorId::new(*id)),
        ["documents"] => Route::Documents,
        ["documents", id, rest @ ..] => match part_in(rest) {
            Some(part) => Route::Document {
                id: DocumentId::new(*id),
                part,
                quote: reader.one(keys::QUOTE).and_then(|v| reader.slug(keys::QUOTE, v).map(QuoteId::new)),
                paragraph: paragraph_of(fragment),
            },
            None => not_found(),
        },
        _ => not_found(),
    };
    // Said in the order the link has them (each key's notes in the order they were found).
    let QueryReader { params, mut ignored, .. } = reader;
    let mut first: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (k, (key, _)) in params.iter().enumerate() {
        first.entry(key.as_str()).or_insert(k);
    }
    ignored.sort_by_key(|i| first.get(i.key.as_str()).copied().unwrap_or(usize::MAX));
    Parsed { route, ignored }
}

/// The part a document's address names after its id: none is part 1; `part/<k>` part `k`,
/// its number written plainly (no sign, no leading zero) and above 1, since part 1 is the
/// document's own address. Anything else is no page, so each part has one address.
fn part_in(rest: &[&str]) -> Option<u32> {
    match rest {
        [] => Some(1),
        ["part", k] if k.bytes().all(|b| b.is_ascii_digit()) && !k.starts_with('0') => k.parse().ok().filter(|&k| k > 1),
        _ => None,
    }
}

/// The paragraph a fragment points at (`p-12`), if any.
fn paragraph_of(fragment: &str) -> Option<u32> {
    fragment.strip_prefix("p-").and_then(|n| n.parse().ok()).filter(|&n| n > 0)
}

/// Paragraphs a document page holds: a longer document is read in parts of this many,
/// each a page of its own (`/documents/<id>/part/<k>`), so a 1,000-paragraph transcript's
/// page weighs what an article's does, and a link to any paragraph opens cold on the
/// page that holds it.
pub const DOCUMENT_PART: u32 = 100;

/// The part of a document that holds paragraph `n`.
pub fn part_of(n: u32) -> u32 {
    n.saturating_sub(1) / DOCUMENT_PART + 1
}

/// The paragraph numbers of part `part` (of a document long enough to have it).
pub fn part_paragraphs(part: u32) -> std::ops::RangeInclusive<u32> {
    let first = part.max(1).saturating_sub(1).saturating_mul(DOCUMENT_PART).saturating_add(1);
    first..=first.saturating_add(DOCUMENT_PART - 1)
}

/// The first and last paragraph that part `part` of a `paragraphs`-long document shows.
pub fn part_span(part: u32, paragraphs: usize) -> (u32, u32) {
    let range = part_paragraphs(part);
    (*range.start(), (*range.end()).min(u32::try_from(paragraphs).unwrap_or(u32::MAX)))
}

/// How many parts a document of `paragraphs` paragraphs is read in (at least one).
pub fn parts_of(paragraphs: usize) -> u32 {
    u32::try_from(paragraphs.div_ceil(DOCUMENT_PART as usize)).unwrap_or(u32::MAX).max(1)
}

struct QueryReader {
    params: Vec<(String, String)>,
    /// Whether each of `params`' values was UTF-8.
    utf8: Vec<bool>,
    ignored: Vec<Ignored>,
    /// The keys of one value read so far (their earlier values noted once).
    read: Vec<String>,
}

impl QueryReader {
    /// The last value of a key (a later value overrides an earlier one, as in forms); an
    /// earlier, different value is noted as not used (once, however often it is read).
    fn one(&mut self, key: &str) -> Option<String> {
        let values: Vec<String> = self.params.iter().filter(|(k, _)| k == key).map(|(_, v)| v.clone()).collect();
        let (last, earlier) = values.split_last()?;
        if !self.read.iter().any(|k| k == key) {
            self.read.push(key.to_owned());
            let mut dropped: Vec<&String> = Vec::new();
            for value in earlier.iter().filter(|v| !v.trim().is_empty() && *v != last) {
                if !dropped.contains(&value) {
                    dropped.push(value);
                }
            }
            for value in dropped {
                self.ignore(key, value, format!("given again later in the link: the last {key}= is the one used"));
            }
        }
        Some(last.clone())
    }

    /// Whether the last value of a key (the one [`QueryReader::one`] reads) was UTF-8.
    fn one_is_utf8(&self, key: &str) -> bool {
        self.params.iter().rposition(|(k, _)| k == key).is_none_or(|at| self.utf8.get(at).copied().unwrap_or(true))
    }

    /// Every comma-separated value of every occurrence of a key, deduplicated in order.
    fn list(&self, key: &str) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for (_, value) in self.params.iter().filter(|(k, _)| k == key) {
            for item in value.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                if !out.iter().any(|o| o == item) {
                    out.push(item.to_owned());
                }
            }
        }
        out
    }

    fn ignore(&mut self, key: &str, value: &str, reason: impl Into<String>) {
        self.ignored.push(Ignored { key: key.to_owned(), value: shown(value), reason: reason.into() });
    }

    fn slug(&mut self, key: &str, value: String) -> Option<String> {
        if is_valid_slug(&value) {
            Some(value)
        } else {
            self.ignore(key, &value, "not a valid id");
            None
        }
    }

    fn slugs(&mut self, key: &str) -> Vec<String> {
        self.list(key).into_iter().filter_map(|v| self.slug(key, v)).collect()
    }

    fn word<T>(&mut self, key: &str, parse: impl Fn(&str) -> Option<T>, expected: &str) -> Option<T> {
        let value = self.one(key)?;
        if value.is_empty() {
            return None;
        }
        let parsed = parse(&value);
        if parsed.is_none() {
            self.ignore(key, &value, format!("expected {expected}"));
        }
        parsed
    }

    fn date(&mut self, key: &str) -> Option<PartialDate> {
        let value = self.one(key)?;
        // Spaces around a date (a link pasted with them) are not part of it.
        match PartialDate::read(value.trim()) {
            _ if value.is_empty() => None,
            Ok(date) => Some(date),
            Err(DateFault::Form) => {
                self.ignore(key, &value, "expected a date such as 2024, 2024-11 or 2024-12-08");
                None
            }
            // Of the right form: what the calendar lacks (a 30 February) is said.
            Err(fault) => {
                self.ignore(key, &value, fault.to_string());
                None
            }
        }
    }

    fn quote_query(&mut self) -> QuoteQuery {
        let mut q = self.one(keys::Q).unwrap_or_default();
        if !self.one_is_utf8(keys::Q) {
            self.ignore(keys::Q, &q, "not valid UTF-8: each byte that was not is shown as �");
        }
        if cap_query(&mut q) {
            self.ignore(keys::Q, "", format!("the search text was cut to its first {MAX_QUERY_BYTES} bytes, as long as a link can safely be"));
        }
        let sort = self.word(keys::SORT, |v| (v == "date").then_some(QuoteSort::Date), "date").unwrap_or_default();
        QuoteQuery {
            q,
            speakers: self.slugs(keys::SPEAKER).into_iter().map(ActorId::new).collect(),
            doc: self.one(keys::DOC).filter(|v| !v.is_empty()).and_then(|v| self.slug(keys::DOC, v)).map(DocumentId::new),
            kind: self.word(keys::KIND, QuoteKind::parse, &QuoteKind::expected_in_links()),
            sort,
        }
    }

    fn timeline_query(&mut self) -> TimelineQuery {
        let match_mode = self
            .word(
                keys::MATCH,
                |v| match v {
                    "any" => Some(ActorMatch::Any),
                    "all" => Some(ActorMatch::All),
                    _ => None,
                },
                "any or all",
            )
            .unwrap_or_default();
        let actors = self.slugs(keys::ACTOR).into_iter().map(ActorId::new).collect();
        let kind = self.word(keys::KIND, ActorKind::parse, &ActorKind::expected_in_links());
        let (mut from, mut to) = (self.date(keys::FROM), self.date(keys::TO));
        // A range that ends before it starts holds no day: read as the range it names.
        if let (Some(f), Some(t)) = (from, to) {
            if f.first_day() > t.last_day() {
                self.ignore(keys::FROM, &f.iso(), format!("after {}={}: the two dates were swapped", keys::TO, t.iso()));
                (from, to) = (Some(t), Some(f));
            }
        }
        TimelineQuery {
            actors,
            match_mode,
            kind,
            from,
            to,
            doc: self.one(keys::DOC).filter(|v| !v.is_empty()).and_then(|v| self.slug(keys::DOC, v)).map(DocumentId::new),
        }
    }
}

fn segment(s: &str) -> String {
    utf8_percent_encode(s, SEGMENT).to_string()
}

fn join(ids: impl Iterator<Item = String>) -> Option<String> {
    let ids: Vec<String> = ids.collect();
    (!ids.is_empty()).then(|| ids.join(","))
}

fn with_query(path: String, pairs: &[(&str, Option<String>)]) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    let mut any = false;
    for (key, value) in pairs {
        if let Some(value) = value {
            serializer.append_pair(key, value);
            any = true;
        }
    }
    if any {
        // A comma needs no escape in a query (RFC 3986 keeps it for such lists), so a
        // shared link reads `actor=russia,vladimir-putin`; every reader of the query decodes
        // either spelling alike.
        format!("{path}?{}", serializer.finish().replace("%2C", ","))
    } else {
        path
    }
}

impl Route {
    /// The URL of this route on this host: its [`Route::address`] under [`base`].
    pub fn href(&self) -> String {
        under(base(), self.address())
    }

    /// The URL of this route from the site's root, whatever path the site is served
    /// under: how the ledger of published addresses and the site's folders name it.
    pub fn address(&self) -> String {
        match self {
            Route::Home => "/".to_owned(),
            Route::Quotes(q) => with_query(
                "/quotes".to_owned(),
                &[
                    (keys::Q, Some(q.q.clone()).filter(|s| !s.is_empty())),
                    (keys::SPEAKER, join(q.speakers.iter().map(|a| a.to_string()))),
                    (keys::DOC, q.doc.as_ref().map(|d| d.to_string())),
                    (keys::KIND, q.kind.map(|k| k.as_str().to_owned())),
                    (keys::SORT, (q.sort == QuoteSort::Date).then(|| "date".to_owned())),
                ],
            ),
            Route::Quote(id) => format!("/quotes/{}", segment(id.as_str())),
            Route::Timeline(t) => with_query(
                "/timeline".to_owned(),
                &[
                    (keys::ACTOR, join(t.actors.iter().map(|a| a.to_string()))),
                    (keys::MATCH, (t.match_mode == ActorMatch::All).then(|| "all".to_owned())),
                    (keys::KIND, t.kind.map(|k| k.as_str().to_owned())),
                    (keys::FROM, t.from.map(|d| d.iso())),
                    (keys::TO, t.to.map(|d| d.iso())),
                    (keys::DOC, t.doc.as_ref().map(|d| d.to_string())),
                ],
            ),
            Route::Event(id) => format!("/events/{}", segment(id.as_str())),
            Route::Actors => "/actors".to_owned(),
            Route::Actor(id) => format!("/actors/{}", segment(id.as_str())),
            Route::Documents => "/documents".to_owned(),
            Route::Document { id, part, quote, paragraph } => {
                let path = match part {
                    0 | 1 => format!("/documents/{}", segment(id.as_str())),
                    k => format!("/documents/{}/part/{k}", segment(id.as_str())),
                };
                let href = with_query(
                    path,
                    &[(keys::QUOTE, quote.as_ref().map(|q| q.to_string()))],
                );
                match paragraph {
                    Some(n) => format!("{href}#{}", paragraph_anchor(*n)),
                    None => href,
                }
            }
            Route::NotFound { path } => path.clone(),
        }
    }

    /// The section of the site this route belongs to, for the navigation's current item.
    pub fn section(&self) -> Section {
        match self {
            Route::Home | Route::NotFound { .. } => Section::Home,
            Route::Quotes(_) | Route::Quote(_) => Section::Quotes,
            Route::Timeline(_) | Route::Event(_) => Section::Timeline,
            Route::Actors | Route::Actor(_) => Section::Actors,
            Route::Documents | Route::Document { .. } => Section::Documents,
        }
    }

    /// The timeline filtered to one actor.
    pub fn timeline_of(actor: &ActorId) -> Route {
        Route::Timeline(TimelineQuery { actors: vec![actor.clone()], ..TimelineQuery::default() })
    }

    /// The quotes page filtered to one speaker.
    pub fn quotes_of(actor: &ActorId) -> Route {
        Route::Quotes(QuoteQuery { speakers: vec![actor.clone()], ..QuoteQuery::default() })
    }

    /// A paragraph of a document in the reader (on the part that holds it).
    pub fn paragraph(document: &DocumentId, n: u32) -> Route {
        Route::Document { id: document.clone(), part: part_of(n), quote: None, paragraph: Some(n) }
    }

    /// A quote highlighted in the reader, in paragraph `n` of `document` (on its part).
    pub fn quote_in(document: &DocumentId, quote: &QuoteId, n: u32) -> Route {
        Route::Document { id: document.clone(), part: part_of(n), quote: Some(quote.clone()), paragraph: Some(n) }
    }

    /// A document's first page (the whole of it, when it has one part).
    pub fn document(id: &DocumentId) -> Route {
        Route::Document { id: id.clone(), part: 1, quote: None, paragraph: None }
    }
}

/// Which page a route shows, without its query state. The UI re-creates a page only when
/// this changes, so typing into a search box (which changes the query) keeps its focus.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Quotes,
    Quote(QuoteId),
    Timeline,
    Event(EventId),
    Actors,
    Actor(ActorId),
    Documents,
    /// A document's part (from 1).
    Document(DocumentId, u32),
    NotFound(String),
}

impl Route {
    pub fn page(&self) -> Page {
        match self {
            Route::Home => Page::Home,
            Route::Quotes(_) => Page::Quotes,
            Route::Quote(id) => Page::Quote(id.clone()),
            Route::Timeline(_) => Page::Timeline,
            Route::Event(id) => Page::Event(id.clone()),
            Route::Actors => Page::Actors,
            Route::Actor(id) => Page::Actor(id.clone()),
            Route::Documents => Page::Documents,
            Route::Document { id, part, .. } => Page::Document(id.clone(), *part),
            Route::NotFound { path } => Page::NotFound(path.clone()),
        }
    }
}

impl Page {
    /// The route a static file for this page is rendered from: the page with no query
    /// state. The browser hydrates a file with this route first, then applies the state
    /// its URL carries. Every route of [`every_page`] is one of these; the not-found page
    /// is rendered for no path in particular (`404.html` answers for every unknown one).
    pub fn rendered(&self) -> Route {
        match self {
            Page::Home => Route::Home,
            Page::Quotes => Route::Quotes(QuoteQuery::default()),
            Page::Quote(id) => Route::Quote(id.clone()),
            Page::Timeline => Route::Timeline(TimelineQuery::default()),
            Page::Event(id) => Route::Event(id.clone()),
            Page::Actors => Route::Actors,
            Page::Actor(id) => Route::Actor(id.clone()),
            Page::Documents => Route::Documents,
            Page::Document(id, part) => Route::Document { id: id.clone(), part: *part, quote: None, paragraph: None },
            Page::NotFound(_) => Route::NotFound { path: String::new() },
        }
    }
}

/// A folder of pages that is not a page itself, and the page that lists what is in it.
pub struct FolderListed {
    /// The folder's address from the site's root (`/events`).
    pub folder: &'static str,
    /// What is in it and where it is listed, for a sentence: "Events are listed on the timeline."
    pub what: &'static str,
    pub listed_on: &'static str,
    pub listing: fn() -> Route,
}

/// The folders of pages that are not pages themselves: a reader who trims an event's
/// address to `/events` is sent to the timeline (by a page the static build writes there,
/// or, in the app, by a link on the page it does not have).
pub const FOLDERS_LISTED: &[FolderListed] =
    &[FolderListed { folder: "/events", what: "Events", listed_on: "the timeline", listing: || Route::Timeline(TimelineQuery::default()) }];

/// The folder of pages `path` is ([`FOLDERS_LISTED`]), if it is one.
pub fn listed_at(path: &str) -> Option<&'static FolderListed> {
    let path = path.trim_end_matches('/');
    FOLDERS_LISTED.iter().find(|f| f.folder == path)
}

/// Every page of a corpus without query state: the sections, then each quote, event,
/// actor and document. A static build writes one HTML file per entry.
pub fn every_page(corpus: &Corpus) -> Vec<Route> {
    let mut pages = vec![Section::Home.route()];
    pages.extend(Section::NAV.iter().map(Section::route));
    pages.extend(corpus.quotes.iter().map(|q| Route::Quote(q.id.clone())));
    pages.extend(corpus.events.iter().map(|e| Route::Event(e.id.clone())));
    pages.extend(corpus.actors.iter().map(|a| Route::Actor(a.id.clone())));
    // A document's parts (the whole corpus knows its paragraphs; a corpus read from the
    // data files, the catalog's count of them).
    for d in &corpus.documents {
        let paragraphs = d.paragraphs.len().max(corpus.document_counts(&d.id).0);
        pages.extend((1..=parts_of(paragraphs)).map(|part| Route::Document { id: d.id.clone(), part, quote: None, paragraph: None }));
    }
    pages
}

/// The element id of a year's section on the timeline: `y-2024`.
pub fn year_anchor(year: i32) -> String {
    format!("y-{year}")
}

/// The element id of an event's card on the timeline: `event-<id>`.
pub fn event_anchor(id: &EventId) -> String {
    format!("event-{id}")
}

/// What a timeline URL's fragment points at: an event's card or a year's section.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TimelineAnchor {
    Event(EventId),
    Year(i32),
}

impl TimelineAnchor {
    /// Reads a fragment written by [`event_anchor`] or [`year_anchor`] (with or without
    /// its `#`); anything else points at nothing.
    pub fn parse(fragment: &str) -> Option<TimelineAnchor> {
        let fragment = fragment.strip_prefix('#').unwrap_or(fragment);
        if let Some(id) = fragment.strip_prefix("event-") {
            return is_valid_slug(id).then(|| TimelineAnchor::Event(EventId::new(id)));
        }
        let year = fragment.strip_prefix("y-")?;
        if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) {
            year.parse().ok().map(TimelineAnchor::Year)
        } else {
            None
        }
    }

    /// The element id this anchor names.
    pub fn id(&self) -> String {
        match self {
            TimelineAnchor::Event(id) => event_anchor(id),
            TimelineAnchor::Year(year) => year_anchor(*year),
        }
    }
}

impl Route {
    /// This route's URL pointing at an element of its page.
    pub fn href_to(&self, anchor: &str) -> String {
        with_fragment(&self.href(), anchor)
    }
}

/// `href` (a route's URL, as [`Route::href`] wrote it) pointing at element `anchor`, for
/// many anchors of one page without writing its URL again for each.
pub fn with_fragment(href: &str, anchor: &str) -> String {
    let href = href.split_once('#').map_or(href, |(h, _)| h);
    format!("{href}#{anchor}")
}

/// A link to element `anchor` on the page it is on: a bare fragment, resolved against
/// the page's own URL, so it stays right whatever the page's query becomes (a chart mark
/// kept by a filter or a zoom keeps its link).
pub fn fragment_href(anchor: &str) -> String {
    format!("#{anchor}")
}

/// The element id of paragraph `n` in the reader: `p-12`.
pub fn paragraph_anchor(n: u32) -> String {
    format!("p-{n}")
}

/// The top-level sections shown in the navigation.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Home,
    Quotes,
    Timeline,
    Actors,
    Documents,
}

impl Section {
    pub const NAV: [Section; 4] = [Section::Quotes, Section::Timeline, Section::Actors, Section::Documents];

    pub fn label(&self) -> &'static str {
        match self {
            Section::Home => "Home",
            Section::Quotes => "Quotes",
            Section::Timeline => "Timeline",
            Section::Actors => "Actors",
            Section::Documents => "Documents",
        }
    }

    pub fn route(&self) -> Route {
        match self {
            Section::Home => Route::Home,
            Section::Quotes => Route::Quotes(QuoteQuery::default()),
            Section::Timeline => Route::Timeline(TimelineQuery::default()),
            Section::Actors => Route::Actors,
            Section::Documents => Route::Documents,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn route(href: &str) -> Route {
        parse(href).route
    }

    #[test]
    fn paths_map_to_routes() {
        assert_eq!(route("/"), Route::Home);
        assert_eq!(route(""), Route::Home);
        assert_eq!(route("/index.html"), Route::Home);
        assert_eq!(route("/quotes/"), Route::Quotes(QuoteQuery::default()));
        assert_eq!(route("/quotes/index.html"), Route::Quotes(QuoteQuery::default()));
        assert_eq!(route("/quotes/abc"), Route::Quote(QuoteId::new("abc")));
        assert_eq!(route("/events/x"), Route::Event(EventId::new("x")));
        assert_eq!(route("/actors"), Route::Actors);
        assert_eq!(route("/nope/deeper"), Route::NotFound { path: "/nope/deeper".into() });
    }

    #[test]
    fn bad_query_values_fall_back_and_are_noted() {
        let parsed = parse("/timeline?actor=putin,Bad%20Id&from=2024-13&match=sometimes&kind=alien");
        let Route::Timeline(t) = parsed.route else { panic!("not a timeline") };
        assert_eq!(t.actors, vec![ActorId::new("putin")]);
        assert_eq!((t.from, t.match_mode, t.kind), (None, ActorMatch::Any, None));
        let keys: Vec<&str> = parsed.ignored.iter().map(|i| i.key.as_str()).collect();
        // In the link's order.
        assert_eq!(keys, ["actor", "from", "match", "kind"]);
    }

    #[test]
    fn malformed_percent_encoding_never_fails() {
        let parsed = parse("/quotes?q=%E0%A4%A&speaker=%ZZ");
        assert!(matches!(parsed.route, Route::Quotes(_)));
        assert!(matches!(route("/quotes/%FF%FE"), Route::Quote(_)));
    }

    #[test]
    fn href_round_trips() {
        let routes = [
            Route::Home,
            Route::Quotes(QuoteQuery {
                q: "“48 hours” & <b>al-Sharaa</b> ٤٨ + 100% ?#".into(),
                speakers: vec![ActorId::new("a"), ActorId::new("b-2")],
                doc: Some(DocumentId::new("d")),
                kind: Some(QuoteKind::ReportedSpeech),
                sort: QuoteSort::Date,
            }),
            Route::Quote(QuoteId::new("weird id/with?stuff#")),
            Route::Timeline(TimelineQuery {
                actors: vec![ActorId::new("putin")],
                match_mode: ActorMatch::All,
                kind: Some(ActorKind::Media),
                from: PartialDate::parse("2024-11").ok(),
                to: PartialDate::parse("2025").ok(),
                doc: Some(DocumentId::new("d")),
            }),
            Route::Document { id: DocumentId::new("d"), part: 1, quote: Some(QuoteId::new("q")), paragraph: Some(12) },
            Route::Document { id: DocumentId::new("d"), part: 3, quote: Some(QuoteId::new("q")), paragraph: Some(212) },
            Route::Document { id: DocumentId::new("d"), part: 12, quote: None, paragraph: None },
            Route::Actors,
            Route::NotFound { path: "/nope".into() },
        ];
        for r in routes {
            assert_eq!(route(&r.href()), r, "via {}", r.href());
        }
    }

    #[test]
    fn defaults_are_left_out_of_urls() {
        assert_eq!(Route::Quotes(QuoteQuery::default()).href(), "/quotes");
        assert_eq!(Route::timeline_of(&ActorId::new("vladimir-putin")).href(), "/timeline?actor=vladimir-putin");
        assert_eq!(Route::paragraph(&DocumentId::new("d"), 3).href(), "/documents/d#p-3");
        assert_eq!(Route::document(&DocumentId::new("d")).href(), "/documents/d");
    }

    #[test]
    fn a_long_document_is_read_in_parts_and_a_paragraph_link_goes_to_its_part() {
        let d = DocumentId::new("d");
        assert_eq!(Route::paragraph(&d, 100).href(), "/documents/d#p-100");
        assert_eq!(Route::paragraph(&d, 101).href(), "/documents/d/part/2#p-101");
        assert_eq!(Route::quote_in(&d, &QuoteId::new("q"), 250).href(), "/documents/d/part/3?quote=q#p-250");
        assert_eq!((part_of(1), part_of(100), part_of(101), part_of(1000), part_of(1001)), (1, 1, 2, 10, 11));
        assert_eq!(part_paragraphs(2), 101..=200);
        assert_eq!((parts_of(0), parts_of(1), parts_of(100), parts_of(101), parts_of(1000)), (1, 1, 1, 2, 10));
        assert_eq!(part_span(3, 250), (201, 250));
        // Part 1's address is the document's; a part's number is written plainly or the
        // address is no page (parsing never fails).
        assert_eq!(Route::Document { id: d.clone(), part: 1, quote: None, paragraph: None }.href(), "/documents/d");
        for bad in ["/documents/d/part/1", "/documents/d/part/0", "/documents/d/part/02", "/documents/d/part/-2", "/documents/d/part/two", "/documents/d/part/99999999999", "/documents/d/part", "/documents/d/part/2/x"] {
            assert!(matches!(route(bad), Route::NotFound { .. }), "{bad}");
        }
    }
}
