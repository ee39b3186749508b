//! Parse, then validate: raw file texts in, a trusted [`Corpus`] or every problem out.
//!
//! The same code runs in the curator's `dossier check`, in `cargo test` and in the build
//! (`dossier pages`). The browser never runs it: it reads the data files the build wrote
//! from a checked corpus (`core::pack`).

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::core::date::{DateSpec, PartialDate, Precision};
use crate::core::error::{DataError, DataErrors, ErrorKind};
use crate::core::model::*;
use crate::core::raw::*;

pub const DOCUMENTS: &str = "documents.json";
pub const ACTORS: &str = "actors.json";
pub const PLACES: &str = "places.json";
pub const QUOTES: &str = "quotes.json";
pub const EVENTS: &str = "events.json";
pub const SOURCES: &str = "sources";

/// The texts of a corpus's files, read but not parsed.
#[derive(Clone, Debug, Default)]
pub struct CorpusFiles {
    pub documents: String,
    pub actors: String,
    pub places: String,
    pub quotes: String,
    pub events: String,
    /// Source texts by file name; `None` skips the source check (the browser).
    pub sources: Option<BTreeMap<String, String>>,
}

impl CorpusFiles {
    /// The corpus of `data/`, or of the folder `DOSSIER_DATA` named at build time (see
    /// `build.rs`), without source texts: for the native tests and benchmark. Never in
    /// the browser build, which gets its data from the data files (`core::pack`).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn bundled() -> CorpusFiles {
        CorpusFiles {
            documents: include_str!(concat!(env!("DOSSIER_DATA_DIR"), "/documents.json")).to_owned(),
            actors: include_str!(concat!(env!("DOSSIER_DATA_DIR"), "/actors.json")).to_owned(),
            places: include_str!(concat!(env!("DOSSIER_DATA_DIR"), "/places.json")).to_owned(),
            quotes: include_str!(concat!(env!("DOSSIER_DATA_DIR"), "/quotes.json")).to_owned(),
            events: include_str!(concat!(env!("DOSSIER_DATA_DIR"), "/events.json")).to_owned(),
            sources: None,
        }
    }

    /// Reads a data folder from disk, sources included. Unreadable files are reported
    /// together; the caller still gets whatever could be read.
    pub fn read_dir(dir: &std::path::Path) -> (CorpusFiles, Vec<DataError>) {
        let mut errors = Vec::new();
        let mut read = |name: &str| match std::fs::read_to_string(dir.join(name)) {
            Ok(text) => text,
            Err(e) => {
                errors.push(DataError {
                    file: name.to_owned(),
                    record: String::new(),
                    kind: ErrorKind::Io,
                    reason: format!("cannot read {}: {e}", dir.join(name).display()),
                });
                "[]".to_owned()
            }
        };
        let mut files = CorpusFiles {
            documents: read(DOCUMENTS),
            actors: read(ACTORS),
            places: read(PLACES),
            quotes: read(QUOTES),
            events: read(EVENTS),
            sources: None,
        };
        let mut sources = BTreeMap::new();
        match std::fs::read_dir(dir.join(SOURCES)) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    match std::fs::read_to_string(entry.path()) {
                        Ok(text) => {
                            sources.insert(name, text);
                        }
                        Err(e) => errors.push(DataError {
                            file: format!("{SOURCES}/{name}"),
                            record: String::new(),
                            kind: ErrorKind::Io,
                            reason: format!("cannot read as UTF-8 text: {e}"),
                        }),
                    }
                }
            }
            Err(e) => errors.push(DataError {
                file: SOURCES.to_owned(),
                record: String::new(),
                kind: ErrorKind::Io,
                reason: format!("cannot read the folder {}: {e}", dir.join(SOURCES).display()),
            }),
        }
        files.sources = Some(sources);
        (files, errors)
    }
}

/// Reads and validates a data folder: the curator's entry point.
pub fn load_dir(dir: &std::path::Path) -> Result<Corpus, DataErrors> {
    let (files, mut errors) = CorpusFiles::read_dir(dir);
    match load(&files) {
        Ok(corpus) if errors.is_empty() => Ok(corpus),
        Ok(_) => Err(DataErrors(errors)),
        Err(DataErrors(more)) => {
            errors.extend(more);
            Err(DataErrors(errors))
        }
    }
}

/// Parses and validates a corpus, reporting every problem at once. Drafts are checked
/// like everything else and left out of the corpus; [`load_with_drafts`] lists them.
pub fn load(files: &CorpusFiles) -> Result<Corpus, DataErrors> {
    load_with_drafts(files).map(|(corpus, _)| corpus)
}

/// A record `dossier draft` proposed that a curator has not yet confirmed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Draft {
    /// The file name relative to the data folder, e.g. `quotes.json`.
    pub file: String,
    /// The record's id (for a flagged paragraph, `document paragraph n`).
    pub record: String,
    /// What to confirm, and the cue the drafter went by.
    pub confirm: String,
}

impl std::fmt::Display for Draft {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}: {}", self.file, self.record, self.confirm)
    }
}

/// The drafts of a corpus whatever else is wrong with it (files that do not parse list
/// none), so a curator sees them beside the errors.
pub fn list_drafts(files: &CorpusFiles) -> Vec<Draft> {
    Drafts::read(
        records(&files.documents).ok().as_ref(),
        records(&files.actors).ok().as_ref(),
        records(&files.places).ok().as_ref(),
        records(&files.quotes).ok().as_ref(),
        records(&files.events).ok().as_ref(),
    )
    .list
}

/// [`load`], with the drafts still to confirm. A curated record may not point at a draft:
/// confirm what it refers to first.
pub fn load_with_drafts(files: &CorpusFiles) -> Result<(Corpus, Vec<Draft>), DataErrors> {
    let mut v = Validator::default();
    // Each record is parsed on its own: one with a missing or misspelt field is reported
    // by itself, and every other record of its file is still checked.
    let read_actors = v.parse_json::<RawEntity>(ACTORS, &files.actors, |r| &r.id);
    let read_places = v.parse_json::<RawEntity>(PLACES, &files.places, |r| &r.id);
    let read_documents = v.parse_json::<RawDocument>(DOCUMENTS, &files.documents, |r| &r.id);
    let read_quotes = v.parse_json::<RawQuote>(QUOTES, &files.quotes, |r| &r.id);
    let read_events = v.parse_json::<RawEvent>(EVENTS, &files.events, |r| &r.id);
    let raw_actors = read_actors.as_ref().map(|r| r.parsed.as_slice());
    let raw_places = read_places.as_ref().map(|r| r.parsed.as_slice());
    let raw_documents = read_documents.as_ref().map(|r| r.parsed.as_slice());
    let raw_quotes = read_quotes.as_ref().map(|r| r.parsed.as_slice());
    let raw_events = read_events.as_ref().map(|r| r.parsed.as_slice());

    // References are checked against every id a file declares, valid or not (a record
    // that did not parse declares its `id` all the same), so one bad record is reported
    // once rather than again at each reference to it. A file that is not valid JSON
    // declares nothing we can check against: references into it are skipped.
    let declared = |read: &Option<Records<RawEntity>>| -> Option<Vec<String>> {
        read.as_ref().map(|read| read.parsed.iter().map(|r| &r.id).chain(read.unread_ids()).cloned().collect())
    };
    let actor_ids = declared(&read_actors).map(|ids| ids.iter().map(ActorId::new).collect());
    let place_ids = declared(&read_places).map(|ids| ids.iter().map(PlaceId::new).collect());
    let actors: Vec<Actor> = v.unique(ACTORS, raw_actors, |r| &r.id, |v, r| v.actor(r));
    let places: Vec<Place> = v.unique(PLACES, raw_places, |r| &r.id, |v, r| v.place(r));
    let refs = Refs { actors: actor_ids, places: place_ids, documents: None, unread_documents: HashSet::new() };

    let documents: Vec<Document> = v.unique(DOCUMENTS, raw_documents, |r| &r.id, |v, r| v.document(r, &refs, files.sources.as_ref()));
    let refs = Refs {
        documents: raw_documents.is_some().then(|| documents.iter().map(|d| (d.id.clone(), d)).collect()),
        unread_documents: read_documents.iter().flat_map(Records::unread_ids).map(DocumentId::new).collect(),
        ..refs
    };
    let quotes: Vec<Quote> = v.unique(QUOTES, raw_quotes, |r| &r.id, |v, r| v.quote(r, &refs));
    let events: Vec<Event> = v.unique(EVENTS, raw_events, |r| &r.id, |v, r| v.event(r, &refs));

    let drafts = Drafts::read(read_documents.as_ref(), read_actors.as_ref(), read_places.as_ref(), read_quotes.as_ref(), read_events.as_ref());
    drafts.check_curated(&mut v, raw_documents, raw_quotes, raw_events);

    if v.errors.is_empty() {
        let keep = |draft: &HashSet<String>, id: &str| !draft.contains(id);
        let documents = documents.into_iter().filter(|d| keep(&drafts.documents, d.id.as_str())).collect();
        let actors = actors.into_iter().filter(|a| keep(&drafts.actors, a.id.as_str())).collect();
        let places = places.into_iter().filter(|p| keep(&drafts.places, p.id.as_str())).collect();
        let quotes = quotes.into_iter().filter(|q| keep(&drafts.quotes, q.id.as_str())).collect();
        let events = events.into_iter().filter(|e| keep(&drafts.events, e.id.as_str())).collect();
        Ok((Corpus::assemble(documents, actors, places, quotes, events), drafts.list))
    } else {
        Err(DataErrors(v.errors))
    }
}

/// The ids of every draft record, by file, and the list a curator reads.
#[derive(Default)]
struct Drafts {
    documents: HashSet<String>,
    actors: HashSet<String>,
    places: HashSet<String>,
    quotes: HashSet<String>,
    events: HashSet<String>,
    list: Vec<Draft>,
}

impl Drafts {
    fn of(documents: &[RawDocument], actors: &[RawEntity], places: &[RawEntity], quotes: &[RawQuote], events: &[RawEvent]) -> Drafts {
        let mut d = Drafts::default();
        let mut list = Vec::new();
        let mut push = |file: &str, id: &str, confirm: &str| {
            list.push(Draft { file: file.to_owned(), record: id.to_owned(), confirm: confirm.to_owned() })
        };
        for r in documents {
            if let Some(confirm) = &r.draft {
                d.documents.insert(r.id.clone());
                push(DOCUMENTS, &r.id, confirm);
            }
            for p in &r.paragraphs {
                if let Some(confirm) = &p.draft {
                    push(DOCUMENTS, &format!("{} paragraph {}", r.id, p.n), confirm);
                }
            }
        }
        for (set, file, raws) in [(&mut d.actors, ACTORS, actors), (&mut d.places, PLACES, places)] {
            for r in raws {
                if let Some(confirm) = &r.draft {
                    set.insert(r.id.clone());
                    push(file, &r.id, confirm);
                }
            }
        }
        for r in quotes {
            if let Some(confirm) = &r.draft {
                d.quotes.insert(r.id.clone());
                push(QUOTES, &r.id, confirm);
            }
        }
        for r in events {
            if let Some(confirm) = &r.draft {
                d.events.insert(r.id.clone());
                push(EVENTS, &r.id, confirm);
            }
        }
        d.list = list;
        d
    }

    /// The drafts of the files as read (`None` for a file that is not a JSON array): those
    /// among the records that parsed, then those among the records that did not, which
    /// are still listed and still drafts for what refers to them.
    fn read(
        documents: Option<&Records<RawDocument>>,
        actors: Option<&Records<RawEntity>>,
        places: Option<&Records<RawEntity>>,
        quotes: Option<&Records<RawQuote>>,
        events: Option<&Records<RawEvent>>,
    ) -> Drafts {
        fn parsed<T>(read: Option<&Records<T>>) -> &[T] {
            read.map_or(&[], |r| r.parsed.as_slice())
        }
        let mut d = Drafts::of(parsed(documents), parsed(actors), parsed(places), parsed(quotes), parsed(events));
        d.add_unread(DOCUMENTS, documents);
        d.add_unread(ACTORS, actors);
        d.add_unread(PLACES, places);
        d.add_unread(QUOTES, quotes);
        d.add_unread(EVENTS, events);
        d
    }

    /// Adds the drafts of `file` among its records that did not parse.
    fn add_unread<T>(&mut self, file: &str, read: Option<&Records<T>>) {
        let unread = read.into_iter().flat_map(|r| &r.unread);
        for (id, confirm) in unread.filter_map(|u| Some((u.id.clone()?, u.draft.clone()?))) {
            let set = match file {
                DOCUMENTS => &mut self.documents,
                ACTORS => &mut self.actors,
                PLACES => &mut self.places,
                QUOTES => &mut self.quotes,
                _ => &mut self.events,
            };
            set.insert(id.clone());
            self.list.push(Draft { file: file.to_owned(), record: id, confirm });
        }
    }

    /// A curated (confirmed) record may only point at curated records.
    fn check_curated(&self, v: &mut Validator, documents: Option<&[RawDocument]>, quotes: Option<&[RawQuote]>, events: Option<&[RawEvent]>) {
        let still = |v: &mut Validator, at: At, field: &str, id: &str, set: &HashSet<String>, file: &str| {
            if set.contains(id) {
                v.error(at, ErrorKind::UnknownReference, format!("{field} {id:?} is still a draft in {file}: confirm it first"));
            }
        };
        for r in documents.unwrap_or_default().iter().filter(|r| r.draft.is_none()) {
            for p in &r.paragraphs {
                if let Some(speaker) = &p.speaker {
                    let record = format!("{} paragraph {}", r.id, p.n);
                    still(v, At { file: DOCUMENTS, record: &record }, "speaker", speaker, &self.actors, ACTORS);
                }
            }
        }
        for r in quotes.unwrap_or_default().iter().filter(|r| r.draft.is_none()) {
            let at = At { file: QUOTES, record: &r.id };
            for (field, id) in [("speaker", &r.speaker), ("said_to", &r.said_to), ("reported_by", &r.reported_by)] {
                if let Some(id) = id {
                    still(v, at, field, id, &self.actors, ACTORS);
                }
            }
            still(v, at, "document", &r.document, &self.documents, DOCUMENTS);
        }
        for r in events.unwrap_or_default().iter().filter(|r| r.draft.is_none()) {
            let at = At { file: EVENTS, record: &r.id };
            for a in &r.actors {
                still(v, at, "actor", &a.id, &self.actors, ACTORS);
            }
            for p in &r.places {
                still(v, at, "place", p, &self.places, PLACES);
            }
            still(v, at, "document", &r.document, &self.documents, DOCUMENTS);
        }
    }
}

/// A data file's records, each parsed on its own.
struct Records<T> {
    parsed: Vec<T>,
    unread: Vec<Unread>,
}

impl<T> Records<T> {
    /// The ids declared by the records that did not parse.
    fn unread_ids(&self) -> impl Iterator<Item = &String> {
        self.unread.iter().filter_map(|u| u.id.as_ref())
    }
}

/// A record that did not parse.
struct Unread {
    /// Where it is: its id, or `record N` (counting from 1) where it has none.
    record: String,
    /// The id it declares, if any: what refers to it is not reported again.
    id: Option<String>,
    /// Its `draft` cue, if it is a draft: it is still listed, and still one to confirm.
    draft: Option<String>,
    /// serde's reason, and the line of the file it points at.
    reason: String,
}

/// What any record declares, whatever else is wrong with it.
#[derive(serde::Deserialize)]
struct Declared {
    id: Option<serde_json::Value>,
    draft: Option<serde_json::Value>,
}

/// Parses `text` as a JSON array, then each element as a `T`, so a record with a missing
/// or misspelt field spoils only itself. An error if `text` is not a JSON array.
fn records<T: serde::de::DeserializeOwned>(text: &str) -> Result<Records<T>, serde_json::Error> {
    let raws: Vec<&serde_json::value::RawValue> = serde_json::from_str(text)?;
    let mut read = Records { parsed: Vec::with_capacity(raws.len()), unread: Vec::new() };
    for (k, raw) in raws.into_iter().enumerate() {
        let e = match serde_json::from_str::<T>(raw.get()) {
            Ok(record) => {
                read.parsed.push(record);
                continue;
            }
            Err(e) => e,
        };
        let declared = serde_json::from_str::<Declared>(raw.get()).ok();
        let text_of = |v: Option<serde_json::Value>| v.and_then(|v| v.as_str().map(str::to_owned)).filter(|s| !s.trim().is_empty());
        let (id, draft) = declared.map_or((None, None), |d| (text_of(d.id), text_of(d.draft)));
        // serde counts lines from the record's start; the curator reads the file.
        let start = (raw.get().as_ptr() as usize).checked_sub(text.as_ptr() as usize).filter(|&at| at <= text.len());
        let line = start.map_or(e.line(), |at| text[..at].matches('\n').count() + e.line());
        let message = e.to_string();
        let message = message.strip_suffix(&format!(" at line {} column {}", e.line(), e.column())).unwrap_or(&message);
        read.unread.push(Unread {
            record: id.clone().unwrap_or_else(|| format!("record {}", k + 1)),
            id,
            draft,
            reason: format!("{message} (line {line})"),
        });
    }
    Ok(read)
}

/// What references may point at; `None` where the file could not be parsed.
struct Refs<'a> {
    actors: Option<HashSet<ActorId>>,
    places: Option<HashSet<PlaceId>>,
    documents: Option<HashMap<DocumentId, &'a Document>>,
    /// Documents whose records did not parse: what cites them is not checked against them
    /// (their own error says what is wrong), rather than reported as citing nothing.
    unread_documents: HashSet<DocumentId>,
}

#[derive(Default)]
struct Validator {
    errors: Vec<DataError>,
}

/// Where an error is: file and record.
#[derive(Clone, Copy)]
struct At<'a> {
    file: &'a str,
    record: &'a str,
}

impl Validator {
    fn error(&mut self, at: At, kind: ErrorKind, reason: impl Into<String>) {
        self.errors.push(DataError {
            file: at.file.to_owned(),
            record: at.record.to_owned(),
            kind,
            reason: reason.into(),
        });
    }

    /// `file` read record by record ([`records`]), each record that did not parse
    /// reported: its id (or its place in the file) and serde's reason with its line; an id
    /// one of them shares with another record is reported as repeated. `None`, reported,
    /// if the file is not a JSON array.
    fn parse_json<T: serde::de::DeserializeOwned>(&mut self, file: &str, text: &str, id_of: impl Fn(&T) -> &str) -> Option<Records<T>> {
        let read = records::<T>(text)
            .map_err(|e| self.error(At { file, record: "" }, ErrorKind::Json, format!("not valid JSON for this file: {e}")))
            .ok()?;
        let mut seen: HashSet<&str> = read.parsed.iter().map(id_of).collect();
        for Unread { record, id, reason, .. } in &read.unread {
            let at = At { file, record };
            self.error(at, ErrorKind::Json, format!("not a valid record: {reason}"));
            if id.as_ref().is_some_and(|id| !seen.insert(id)) {
                self.error(at, ErrorKind::DuplicateId, "this id is used by another record");
            }
        }
        Some(read)
    }

    /// Validates each record, skipping (and reporting) a repeated id. A record with errors
    /// is still returned where it is usable, so references to it resolve and are not
    /// reported twice; `load` fails on any error, so such records never reach a corpus.
    fn unique<R, T>(
        &mut self,
        file: &str,
        raws: Option<&[R]>,
        id: impl Fn(&R) -> &String,
        mut validate: impl FnMut(&mut Validator, &R) -> Option<T>,
    ) -> Vec<T> {
        let mut seen = HashSet::new();
        let mut out = Vec::new();
        for raw in raws.unwrap_or_default() {
            let id = id(raw);
            if !seen.insert(id.clone()) {
                self.error(At { file, record: id }, ErrorKind::DuplicateId, "this id is used by an earlier record");
                continue;
            }
            if let Some(value) = validate(self, raw) {
                out.push(value);
            }
        }
        out
    }

    fn slug(&mut self, at: At, id: &str) -> bool {
        let ok = is_valid_slug(id);
        if !ok {
            self.error(at, ErrorKind::BadId, format!("id {id:?} must be lower-case letters, digits and single hyphens"));
        }
        ok
    }

    fn non_empty(&mut self, at: At, field: &str, text: &str) -> bool {
        let ok = !text.trim().is_empty();
        if !ok {
            self.error(at, ErrorKind::Empty, format!("{field} is empty"));
        }
        ok
    }

    fn vocabulary<T>(&mut self, at: At, field: &str, value: &str, parse: fn(&str) -> Option<T>, expected: String) -> Option<T> {
        let parsed = parse(value);
        if parsed.is_none() {
            self.error(at, ErrorKind::BadValue, format!("{field} {value:?} is not one of: {expected}"));
        }
        parsed
    }

    fn date(&mut self, at: At, field: &str, raw: &RawDate) -> Option<DateSpec> {
        let fail = |v: &mut Validator, reason: String| {
            v.error(at, ErrorKind::BadDate, format!("{field}: {reason}"));
            None
        };
        let start = match PartialDate::parse(&raw.start) {
            Ok(d) => d,
            Err(e) => return fail(self, format!("start: {e}")),
        };
        let end = match raw.end.as_deref().map(PartialDate::parse).transpose() {
            Ok(d) => d,
            Err(e) => return fail(self, format!("end: {e}")),
        };
        let Some(precision) = Precision::parse(&raw.precision) else {
            let expected: Vec<&str> = Precision::ALL.iter().map(Precision::as_str).collect();
            return fail(self, format!("precision {:?} is not one of: {}", raw.precision, expected.join(", ")));
        };
        match DateSpec::new(start, end, precision, raw.derivation.clone()) {
            Ok(date) => Some(date),
            Err(e) => fail(self, e.0),
        }
    }

    fn actor_ref(&mut self, at: At, field: &str, id: &str, refs: &Refs) -> ActorId {
        let id = ActorId::new(id);
        if refs.actors.as_ref().is_some_and(|ids| !ids.contains(&id)) {
            self.error(at, ErrorKind::UnknownReference, format!("{field} {:?} is not an actor in {ACTORS}", id.as_str()));
        }
        id
    }

    fn entity_parts(&mut self, file: &str, raw: &RawEntity) {
        let at = At { file, record: &raw.id };
        self.slug(at, &raw.id);
        self.non_empty(at, "name", &raw.name);
        self.non_empty(at, "description", &raw.description);
        let mut seen = HashSet::new();
        for alias in &raw.aliases {
            self.non_empty(at, "an alias", alias);
            if !seen.insert(alias.as_str()) || alias == &raw.name {
                self.error(at, ErrorKind::BadValue, format!("alias {alias:?} is listed twice"));
            }
        }
    }

    fn actor(&mut self, raw: &RawEntity) -> Option<Actor> {
        self.entity_parts(ACTORS, raw);
        let at = At { file: ACTORS, record: &raw.id };
        let kind = self.vocabulary(at, "kind", &raw.kind, ActorKind::parse, ActorKind::expected());
        Some(Actor {
            id: ActorId::new(&raw.id),
            name: raw.name.clone(),
            kind: kind?,
            aliases: raw.aliases.clone(),
            description: raw.description.clone(),
        })
    }

    fn place(&mut self, raw: &RawEntity) -> Option<Place> {
        self.entity_parts(PLACES, raw);
        let at = At { file: PLACES, record: &raw.id };
        let kind = self.vocabulary(at, "kind", &raw.kind, PlaceKind::parse, PlaceKind::expected());
        Some(Place {
            id: PlaceId::new(&raw.id),
            name: raw.name.clone(),
            kind: kind?,
            aliases: raw.aliases.clone(),
            description: raw.description.clone(),
        })
    }

    fn document(&mut self, raw: &RawDocument, refs: &Refs, sources: Option<&BTreeMap<String, String>>) -> Option<Document> {
        let at = At { file: DOCUMENTS, record: &raw.id };
        self.slug(at, &raw.id);
        self.non_empty(at, "title", &raw.title);
        self.non_empty(at, "kind", &raw.kind);
        let published = raw.published.as_ref().and_then(|d| self.date(at, "published", d));
        let source_text = match sources {
            Some(sources) => match sources.get(&raw.source) {
                Some(text) => Some(text.as_str()),
                None => {
                    self.error(at, ErrorKind::UnknownReference, format!("source {:?} is not a file in {SOURCES}/", raw.source));
                    None
                }
            },
            None => None,
        };
        if raw.paragraphs.is_empty() {
            self.error(at, ErrorKind::Empty, "the document has no paragraphs");
        }
        // Paragraphs must appear in the source in order: each is searched for after the
        // end of the previous one.
        let mut cursor = 0;
        let mut paragraphs = Vec::with_capacity(raw.paragraphs.len());
        for (index, p) in raw.paragraphs.iter().enumerate() {
            let record = format!("{} paragraph {}", raw.id, p.n);
            let pat = At { file: DOCUMENTS, record: &record };
            if usize::try_from(p.n).ok() != Some(index + 1) {
                self.error(pat, ErrorKind::BadValue, format!("paragraph number {} should be {} (numbered from 1 in order)", p.n, index + 1));
            }
            self.non_empty(pat, "text", &p.text);
            let kind = self.vocabulary(pat, "kind", &p.kind, ParagraphKind::parse, ParagraphKind::expected());
            let speaker = p.speaker.as_deref().map(|s| self.actor_ref(pat, "speaker", s, refs));
            if let Some(source) = source_text {
                match source[cursor..].find(&p.text) {
                    Some(offset) if !p.text.is_empty() => cursor += offset + p.text.len(),
                    _ => {
                        let reason = if source.contains(&p.text) {
                            "text is in the source but out of order".to_owned()
                        } else {
                            format!("text is not an exact piece of {SOURCES}/{}", raw.source)
                        };
                        self.error(pat, ErrorKind::NotInSource, reason);
                    }
                }
            }
            if let Some(kind) = kind {
                paragraphs.push(Paragraph { n: p.n, kind, text: p.text.clone(), speaker });
            }
        }
        Some(Document {
            id: DocumentId::new(&raw.id),
            title: raw.title.clone(),
            title_supplied: raw.title_supplied,
            source: raw.source.clone(),
            publisher: raw.publisher.clone(),
            author: raw.author.clone(),
            published,
            kind: raw.kind.clone(),
            notes: raw.notes.clone(),
            paragraphs,
        })
    }

    /// Resolves `document` + `paragraph` and checks that `text` stands in that paragraph.
    fn cited<'r>(&mut self, at: At, refs: &'r Refs, document: &str, n: u32, field: &str, text: &str) -> Option<&'r Paragraph> {
        let documents = refs.documents.as_ref()?;
        let Some(doc) = documents.get(&DocumentId::new(document)) else {
            if !refs.unread_documents.contains(&DocumentId::new(document)) {
                self.error(at, ErrorKind::UnknownReference, format!("document {document:?} is not in {DOCUMENTS}"));
            }
            return None;
        };
        let Some(paragraph) = doc.paragraph(n) else {
            self.error(at, ErrorKind::UnknownReference, format!("document {document:?} has no paragraph {n}"));
            return None;
        };
        if !self.non_empty(at, field, text) {
            return None;
        }
        if !paragraph.text.contains(text) {
            self.error(at, ErrorKind::NotInParagraph, format!("{field} is not an exact substring of {document} paragraph {n}"));
            return None;
        }
        Some(paragraph)
    }

    fn quote(&mut self, raw: &RawQuote, refs: &Refs) -> Option<Quote> {
        let at = At { file: QUOTES, record: &raw.id };
        let errors_before = self.errors.len();
        self.slug(at, &raw.id);
        let kind = self.vocabulary(at, "kind", &raw.kind, QuoteKind::parse, QuoteKind::expected());
        let speaker = match &raw.speaker {
            Some(id) => Some(self.actor_ref(at, "speaker", id, refs)),
            None if raw.draft.is_some() => None,
            None => {
                self.error(at, ErrorKind::Empty, "speaker is missing (only a draft may leave it null)");
                None
            }
        };
        let said_to = raw.said_to.as_deref().map(|s| self.actor_ref(at, "said_to", s, refs));
        let reported_by = raw.reported_by.as_deref().map(|s| self.actor_ref(at, "reported_by", s, refs));
        let said_on = raw.said_on.as_ref().and_then(|d| self.date(at, "said_on", d));
        self.cited(at, refs, &raw.document, raw.paragraph, "text", &raw.text);
        match (kind, raw.question) {
            (Some(QuoteKind::InterviewAnswer), None) => {
                self.error(at, ErrorKind::UnknownReference, "an interview answer needs the paragraph of its question");
            }
            (_, Some(q)) => {
                let id = DocumentId::new(&raw.document);
                let unread = |docs: &HashMap<DocumentId, &Document>| !docs.contains_key(&id) && refs.unread_documents.contains(&id);
                let document = refs.documents.as_ref().filter(|docs| !unread(docs)).map(|docs| docs.get(&id));
                let is_question = |d: &&Document| d.paragraph(q).is_some_and(|p| p.kind == ParagraphKind::Question);
                if document.is_some_and(|d| !d.is_some_and(is_question)) {
                    self.error(at, ErrorKind::UnknownReference, format!("question {q} is not a question paragraph of {}", raw.document));
                }
            }
            _ => {}
        }
        let speaker = speaker?;
        (self.errors.len() == errors_before).then(|| Quote {
            id: QuoteId::new(&raw.id),
            text: raw.text.clone(),
            speaker,
            document: DocumentId::new(&raw.document),
            paragraph: raw.paragraph,
            kind: kind.expect("checked above"),
            said_to,
            said_on,
            question: raw.question,
            reported_by,
            notes: raw.notes.clone(),
        })
    }

    fn event(&mut self, raw: &RawEvent, refs: &Refs) -> Option<Event> {
        let at = At { file: EVENTS, record: &raw.id };
        let errors_before = self.errors.len();
        self.slug(at, &raw.id);
        self.non_empty(at, "title", &raw.title);
        let date = match &raw.date {
            Some(date) => self.date(at, "date", date),
            None if raw.draft.is_some() => None,
            None => {
                self.error(at, ErrorKind::Empty, "date is missing (only a draft may leave it null)");
                None
            }
        };
        let mut actors = Vec::new();
        for a in &raw.actors {
            let id = self.actor_ref(at, "actor", &a.id, refs);
            if let Some(role) = self.vocabulary(at, "role", &a.role, Role::parse, Role::expected()) {
                actors.push(EventActor { id, role });
            }
        }
        let mut places = Vec::new();
        for p in &raw.places {
            let id = PlaceId::new(p);
            if refs.places.as_ref().is_some_and(|ids| !ids.contains(&id)) {
                self.error(at, ErrorKind::UnknownReference, format!("place {p:?} is not a place in {PLACES}"));
            }
            places.push(id);
        }
        self.cited(at, refs, &raw.document, raw.paragraph, "evidence", &raw.evidence);
        let date = date?;
        (self.errors.len() == errors_before).then(|| Event {
            id: EventId::new(&raw.id),
            title: raw.title.clone(),
            date,
            actors,
            places,
            document: DocumentId::new(&raw.document),
            paragraph: raw.paragraph,
            evidence: raw.evidence.clone(),
            notes: raw.notes.clone(),
        })
    }
}
