//! `dossier draft`: from a raw article to draft records a curator confirms.
//!
//! [`draft`] is pure: a source's bytes and the corpus it joins in, the records to add
//! out (a document, its quotes and dated events, new actors and places), each marked
//! `draft` with what to confirm and the cue that justified it. Nothing it proposes is
//! invented: every paragraph, quote and evidence is an exact piece of the source, a
//! speaker is proposed only from an attribution the text makes (the cue says which), and
//! a date only from a date expression (the derivation says how; what cannot be resolved
//! is left unknown with the reason). Writing the records is [`write`]'s, which only ever
//! appends: a curator's records are never rewritten.
//!
//! Native only (not in the wasm): rules, no model, nothing downloaded.

pub mod dates;
pub mod names;
pub mod paragraphs;
pub mod quotes;
pub mod score;
pub mod write;

use std::collections::HashSet;

use jiff::civil::Date;

use crate::core::model::ParagraphKind;
use crate::core::raw::{RawDate, RawDocument, RawEntity, RawEvent, RawEventActor, RawParagraph, RawQuote};
use dates::Anchor;
use names::{Mention, Names};
use paragraphs::Para;

/// What the curator says on the command line.
#[derive(Clone, Debug, Default)]
pub struct Options {
    pub id: Option<String>,
    pub title: Option<String>,
    pub publisher: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub author: Option<String>,
}

/// The corpus the source joins: what ids are taken and which names are known.
#[derive(Clone, Debug, Default)]
pub struct Existing {
    pub documents: Vec<RawDocument>,
    pub actors: Vec<RawEntity>,
    pub places: Vec<RawEntity>,
    pub quote_ids: HashSet<String>,
    pub event_ids: HashSet<String>,
    /// Source file names and their bytes.
    pub sources: Vec<(String, Vec<u8>)>,
}

/// The records a draft adds.
#[derive(Clone, Debug)]
pub struct Drafted {
    /// The file name in `sources/` and the bytes to write there.
    pub source_name: String,
    pub document: RawDocument,
    pub actors: Vec<RawEntity>,
    pub places: Vec<RawEntity>,
    pub quotes: Vec<RawQuote>,
    pub events: Vec<RawEvent>,
    /// Quotation marks held at a distance and not drafted: (paragraph, words).
    pub scare_quotes: Vec<(u32, String)>,
}

/// Why a source cannot be drafted.
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    NotUtf8(String),
    Empty,
    AlreadyIn { document: String, source: String },
    IdTaken(String),
    BadOption(String),
}

impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Refusal::NotUtf8(e) => write!(f, "the source is not UTF-8 text ({e}); convert it to UTF-8 first"),
            Refusal::Empty => write!(f, "the source has no text"),
            Refusal::AlreadyIn { document, source } => write!(f, "this source is already in the corpus as document {document:?} (sources/{source}); nothing was changed"),
            Refusal::IdTaken(id) => write!(f, "a document with id {id:?} is already in the corpus; choose another with --id"),
            Refusal::BadOption(e) => write!(f, "{e}"),
        }
    }
}

/// Whether two sources are the same text (a byte-order mark or CRLF line ends aside).
fn same_text(a: &[u8], b: &[u8]) -> bool {
    let strip = |x: &[u8]| -> Vec<u8> {
        let x = x.strip_prefix("\u{feff}".as_bytes()).unwrap_or(x);
        x.iter().copied().filter(|&c| c != b'\r').collect()
    };
    strip(a) == strip(b)
}

/// A source file name: the document id and a short content hash, so two sources never
/// share a name.
fn source_name(id: &str, bytes: &[u8]) -> String {
    // FNV-1a, 64 bits: a name, not a security boundary.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{id}_{:016x}.txt", h)
}

/// Cuts `text` to at most `max` characters at a word boundary, with "…" if cut.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_owned();
    }
    let mut out = String::new();
    for w in text.split_whitespace() {
        if out.chars().count() + w.chars().count() + 1 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out.trim_end_matches([',', ';', ':']).to_owned() + "…"
}

/// Interview roles, from "X interviews Y" or a headline "Y on …".
struct Interview {
    interviewer: Option<usize>,
    interviewee: Option<usize>,
    how: String,
    /// The date the text gives the conversation, and how it was read.
    date: Option<RawDate>,
}

/// Everything known while drafting one source.
struct Drafter<'a> {
    text: &'a str,
    paras: Vec<Para>,
    names: Names,
    anchor: Option<Anchor>,
    existing: &'a Existing,
    taken_quotes: HashSet<String>,
    taken_events: HashSet<String>,
    /// People named with a title: (the title's last word, lower-case; entity; paragraph
    /// index), so "the spokesman" can be read as the spokesman named earlier.
    titled: Vec<(String, usize, usize)>,
}

impl Drafter<'_> {
    fn ptext(&self, p: &Para) -> &str {
        &self.text[p.range.clone()]
    }

    /// Proposes a new entity found at `cue` (or finds the known one).
    fn propose(&mut self, name: &str, kind: &str, cue: &str) -> usize {
        let existing = self.existing;
        let taken = |id: &str| existing.actors.iter().any(|a| a.id == id);
        self.names.propose(name, kind, false, cue, &taken)
    }

    /// The people the text introduces by title ("Foreign Minister Asaad al-Shaibani",
    /// "Kremlin spokesman Dmitry Peskov"). Headlines and subheadings are skipped: their
    /// Title Case makes every word look like a name.
    fn discover_names(&mut self) {
        let paras: Vec<Para> = self.paras.clone();
        for (index, p) in paras.iter().enumerate() {
            if p.flag.is_some() || matches!(p.kind, ParagraphKind::Credit | ParagraphKind::Headline | ParagraphKind::Subheading) {
                continue;
            }
            let t = self.ptext(p).to_owned();
            for run in names::capitalised_runs(&t) {
                // The title inside the run ("Foreign Minister Asaad al-Shaibani") or just
                // before it in lower case ("Kremlin spokesman Dmitry Peskov").
                let before = t[..run.start].trim_end();
                let prev = before.rsplit(char::is_whitespace).next().unwrap_or("");
                let mut words: Vec<&str> = t[run.clone()].split_whitespace().collect();
                if names::is_title(prev) && !prev.chars().next().is_some_and(char::is_uppercase) {
                    words.insert(0, prev);
                }
                let Some(title_at) = words.iter().rposition(|w| names::is_title(w)) else { continue };
                let mut person: Vec<&str> = words[title_at + 1..].to_vec();
                // A known place is not part of a name ("Envoy to Syria Tom Barrack").
                if let Some(cut) = person.iter().rposition(|w| self.names.find(w).iter().any(|m| self.names.entities[m.entity].is_place)) {
                    person = person[cut + 1..].to_vec();
                }
                if person.len() > 3 {
                    person = person[person.len() - 2..].to_vec();
                }
                // At least a given name and a surname, or one name that the text uses again.
                if person.is_empty() || person.iter().all(|w| paragraphs::is_particle(w)) {
                    continue;
                }
                let mut name = person.join(" ");
                // "al-Sharaa’s government": the name without the possessive.
                for possessive in ["’s", "'s", "’", "'"] {
                    if let Some(bare) = name.strip_suffix(possessive) {
                        name = bare.to_owned();
                        break;
                    }
                }
                if person.len() == 1 && (self.text.matches(name.as_str()).count() < 2 || self.names.lookup(&name).is_some()) {
                    continue;
                }
                let title = words[title_at].trim_end_matches(',').to_lowercase();
                if let Some(i) = self.names.lookup(&name).filter(|&i| self.names.entities[i].known) {
                    self.titled.push((title, i, index));
                    continue;
                }
                let cue = format!("named with the title '{}' in paragraph {}", words[..=title_at].join(" "), p.n);
                let i = self.propose(&name, "person", &cue);
                self.titled.push((title, i, index));
            }
        }
        self.names.add_surnames(self.text);
    }

    /// Places the text names as "in City, Country" ("in Baku, Azerbaijan"), proposed as a
    /// city and a country unless known. Other capitalised words after "in" are too often
    /// not places ("in May", "in Part 1") to propose.
    fn discover_places(&mut self) {
        static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
        let re = PATTERN.get_or_init(|| {
            let word = r"\p{Lu}[\p{L}'’-]+";
            regex::Regex::new(&format!(r"\bin ({word}(?: {word}){{0,2}}), ({word}(?: {word}){{0,2}})(?:[,.;]|$)")).expect("a valid pattern")
        });
        let not_place = |w: &str| {
            let first = w.split_whitespace().next().unwrap_or("");
            dates::is_month_or_weekday(first)
        };
        let paras: Vec<Para> = self.paras.clone();
        for p in paras.iter().filter(|p| p.flag.is_none() && !matches!(p.kind, ParagraphKind::Headline | ParagraphKind::Subheading | ParagraphKind::Credit)) {
            let t = self.ptext(p).to_owned();
            for c in re.captures_iter(&t) {
                let (city, country) = (&c[1], &c[2]);
                if not_place(city) || not_place(country) {
                    continue;
                }
                let cue = format!("'in {city}, {country}' in paragraph {}", p.n);
                for (name, kind) in [(city, "city"), (country, "country")] {
                    let known = self.names.find(name).iter().any(|m| self.names.entities[m.entity].is_place && m.range.len() == name.len());
                    let an_actor = self.names.lookup(name).is_some_and(|i| self.names.entities[i].known);
                    if !known && !an_actor {
                        let existing = self.existing;
                        let taken = |id: &str| existing.places.iter().any(|pl| pl.id == id);
                        self.names.propose(name, kind, true, &cue, &taken);
                    }
                }
            }
        }
    }

    fn interview(&mut self, is_interview: bool) -> Option<Interview> {
        if !is_interview {
            return None;
        }
        let mut found: Option<Interview> = None;
        let paras = self.paras.clone();
        for p in &paras {
            let t = self.ptext(p).to_owned();
            let Some(at) = t.find(" interviews ") else { continue };
            let before = &t[..at];
            let after = &t[at + " interviews ".len()..];
            // The names stand right beside the verb: "Editor Ibrahim Hamidi interviews
            // Foreign Minister Asaad al-Shaibani", not "In earlier interviews Sharaa …".
            let Some(a_run) = names::capitalised_runs(before).last().filter(|r| r.end == before.len()).cloned() else { continue };
            let Some(b_run) = names::capitalised_runs(after).first().filter(|r| r.start == 0).cloned() else { continue };
            let (a, b) = (before[a_run.clone()].to_owned(), after[b_run.clone()].to_owned());
            let written = t[a_run.start..at + " interviews ".len() + b_run.end].to_owned();
            let strip_title = |s: &str| {
                let ws: Vec<&str> = s.split_whitespace().collect();
                let from = ws.iter().rposition(|w| names::is_title(w)).map_or(0, |i| i + 1);
                ws[from..].join(" ")
            };
            let (a, b) = (strip_title(&a), strip_title(&b));
            let whole = |s: &str| paragraphs::name_line(s) || self.names.lookup(s).is_some();
            if !whole(&a) || !whole(&b) {
                continue;
            }
            let cue = format!("'{written}' in paragraph {}", p.n);
            let (Ok(interviewer), Ok(interviewee)) = (self.subject(&a, &cue), self.subject(&b, &cue)) else { continue };
            let date = dates::find(after, self.anchor.as_ref()).into_iter().find_map(|f| f.date.ok());
            found = Some(Interview { interviewer: Some(interviewer), interviewee: Some(interviewee), how: cue, date });
            break;
        }
        let mut found = found.or_else(|| {
            // A headline "Name on …" names the interviewee, if the name is a person's the
            // text names again ("Putin’s Envoy on …" is not one).
            let head = paras.iter().find(|p| p.kind == ParagraphKind::Headline)?;
            let t = self.ptext(head).to_owned();
            let at = t.find(" on ")?;
            let name = t[..at].trim().to_owned();
            let named_again = self.text.matches(name.as_str()).count() >= 2;
            (paragraphs::name_line(&name) && named_again && !name.contains(['’', '\''])).then(|| {
                let cue = format!("the headline '{t}' names the interviewee");
                let i = self.subject(&name, &cue).ok();
                Interview { interviewer: None, interviewee: i, how: cue, date: None }
            })
        })?;
        // "conducted on 13 November" dates the conversation itself.
        for p in &paras {
            let t = self.ptext(p).to_owned();
            // ASCII lower-casing keeps byte offsets.
            let lower = t.to_ascii_lowercase();
            if (lower.contains("conversation") || lower.contains("interview")) && lower.contains("conducted on") {
                let at = lower.find("conducted on").unwrap_or(0);
                if let Some(d) = dates::find(&t[at..], self.anchor.as_ref()).into_iter().find_map(|f| f.date.ok()) {
                    found.date = Some(d);
                }
            }
        }
        Some(found)
    }

    /// The actor the words `written` name as the subject of an attribution: a known actor
    /// whose name is the whole subject (titles, determiners and capitalised words such as
    /// "Russian" aside), or a name proposed as new. An error says why not: no name, a
    /// name inside a longer description ("an aide to Putin"), a possessive ("Lavrov’s
    /// spokeswoman").
    fn subject(&mut self, written: &str, cue: &str) -> Result<usize, String> {
        let trimmed = written.trim_matches(|c: char| !c.is_alphanumeric());
        if !quotes::could_name(trimmed) {
            return Err(format!("'{written}' names no one"));
        }
        let mentions = self.names.find_actors(trimmed);
        if let Some(m) = mentions.iter().max_by_key(|m| m.range.len()) {
            let name = self.names.entities[m.entity].name.clone();
            let rest = &trimmed[m.range.end..];
            let matched = &trimmed[m.range.clone()];
            if rest.starts_with(['’', '\'']) || matched.ends_with("’s") || matched.ends_with("'s") || matched.ends_with('’') {
                return Err(format!("'{written}' is someone of {name}’s, not {name}"));
            }
            // Words after the name describe someone else ("Putin aide"); before it, only
            // titles, determiners and capitalised words ("Russian President") may stand.
            if rest.chars().any(char::is_alphanumeric) {
                return Err(format!("'{written}' names {name} inside a longer description"));
            }
            let outside = &trimmed[..m.range.start];
            let described = outside.split_whitespace().any(|w| {
                let w = w.trim_matches(|c: char| !c.is_alphanumeric());
                !w.is_empty()
                    && !w.chars().next().is_some_and(char::is_uppercase)
                    && !names::is_title(w)
                    && !paragraphs::is_particle(w)
                    && !["the", "a", "an"].contains(&w.to_lowercase().as_str())
            });
            if described {
                return Err(format!("'{written}' names {name} inside a longer description"));
            }
            return Ok(m.entity);
        }
        // A new name: capitalised words only (after a determiner), not a description.
        let name = trimmed.strip_prefix("the ").or_else(|| trimmed.strip_prefix("The ")).unwrap_or(trimmed);
        let words: Vec<&str> = name.split_whitespace().collect();
        let all_names = words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || paragraphs::is_particle(w));
        if !all_names || words.len() > 6 || name.contains(['’', '\'']) && name.ends_with('s') {
            return Err(format!("'{written}' is not a name"));
        }
        let kind = names::guess_kind(name);
        let i = self.propose(name, kind, cue);
        if name != trimmed {
            self.names.add_spelling(i, trimmed);
            self.names.rebuild();
        }
        Ok(i)
    }

    /// How far back "he" or "she" looks for the person meant: this paragraph and the two
    /// before it.
    const PRONOUN_REACH: usize = 2;

    /// The person mentioned last before byte `at` of paragraph `p_index`, outside
    /// quotation marks (a name in someone's words is not who speaks), looking back at
    /// most [`Self::PRONOUN_REACH`] paragraphs of prose.
    fn last_person_before(&self, p_index: usize, at: usize) -> Option<usize> {
        let from = p_index.saturating_sub(Self::PRONOUN_REACH);
        for (k, p) in self.paras[from..=p_index].iter().enumerate().rev() {
            let k = k + from;
            if matches!(p.kind, ParagraphKind::Credit | ParagraphKind::Caption | ParagraphKind::Headline | ParagraphKind::Subheading | ParagraphKind::Attribution) && k != p_index {
                continue;
            }
            let t = self.ptext(p);
            let limit = if k == p_index { at.min(t.len()) } else { t.len() };
            let quoted: Vec<std::ops::Range<usize>> = quotes::spans(t).into_iter().map(|s| s.outer).collect();
            let found = self
                .names
                .find_actors(&t[..limit])
                .into_iter()
                .rev()
                .find(|m| self.names.entities[m.entity].is_person() && !quoted.iter().any(|q| q.start <= m.range.start && m.range.end <= q.end));
            if let Some(m) = found {
                return Some(m.entity);
            }
        }
        None
    }
}

/// A speaker as drafted: who, and the cue.
struct Attribution {
    speaker: Option<usize>,
    to: Option<usize>,
    cue: String,
    to_cue: String,
    verb: String,
}

const PRONOUNS_THIRD: [&str; 4] = ["he", "she", "him", "her"];
const PRONOUNS_FIRST: [&str; 4] = ["i", "we", "me", "us"];

/// Drafts `bytes` as a new document of the corpus `existing`.
pub fn draft(bytes: &[u8], existing: &Existing, options: &Options) -> Result<Drafted, Refusal> {
    let text = std::str::from_utf8(bytes).map_err(|e| Refusal::NotUtf8(e.to_string()))?;
    if text.chars().all(|c| c.is_whitespace() || c == '\u{feff}') {
        return Err(Refusal::Empty);
    }
    // A source file no document names (left by an interrupted draft) does not count.
    for (name, old) in &existing.sources {
        if let Some(d) = existing.documents.iter().find(|d| &d.source == name) {
            if same_text(old, bytes) {
                return Err(Refusal::AlreadyIn { document: d.id.clone(), source: name.clone() });
            }
        }
    }
    let published = match &options.published {
        Some(s) => {
            let d = s.parse::<Date>().map_err(|_| Refusal::BadOption(format!("--published {s:?} is not a date as YYYY-MM-DD")))?;
            Some(d)
        }
        None => None,
    };
    let interview = paragraphs::is_interview(text);
    let paras = paragraphs::paragraphs(text, interview);

    // The reference date: the publication date given, else the latest full date stated.
    let anchor = match published {
        Some(d) => Some(Anchor { date: d, how: format!("{}, the publication date", dates::display(d)) }),
        None => {
            // Without one: the latest full date a photo caption gives (a picture is of
            // the story's time), else the latest the prose states of what has happened
            // (not "will meet on…", not a lease "until 2049").
            let stated = |captions: bool| {
                paras
                    .iter()
                    .filter(|p| p.flag.is_none() && (p.kind == ParagraphKind::Caption) == captions)
                    .flat_map(|p| {
                        let t = &text[p.range.clone()];
                        paragraphs::sentences(t)
                            .into_iter()
                            .filter(|r| {
                                let s = t[r.clone()].to_ascii_lowercase();
                                !dates::looks_ahead(&s) && !s.contains("until") && !s.contains("expire")
                            })
                            .flat_map(|r| dates::full_dates(&t[r]))
                            .map(|d| (d, p.n))
                            .collect::<Vec<_>>()
                    })
                    .max_by_key(|(d, _)| *d)
            };
            match (stated(true), stated(false)) {
                (Some((d, n)), _) => Some(Anchor {
                    date: d,
                    how: format!("{}, the latest date a photo caption gives (paragraph {n}; the text gives no publication date)", dates::display(d)),
                }),
                (None, Some((d, n))) => Some(Anchor {
                    date: d,
                    how: format!("{}, the latest full date the text states (paragraph {n}; it gives no publication date)", dates::display(d)),
                }),
                (None, None) => None,
            }
        }
    };

    let mut dr = Drafter {
        text,
        paras,
        names: Names::new(&existing.actors, &existing.places),
        anchor,
        existing,
        taken_quotes: existing.quote_ids.clone(),
        taken_events: existing.event_ids.clone(),
        titled: Vec::new(),
    };
    dr.discover_names();
    dr.discover_places();
    let roles = dr.interview(interview);

    // The document.
    let headline = dr.paras.iter().find(|p| p.kind == ParagraphKind::Headline).map(|p| dr.ptext(p).to_owned());
    let (title, title_supplied) = match (&options.title, &headline) {
        (Some(t), _) => (t.clone(), headline.as_deref() != Some(t.as_str())),
        (None, Some(h)) => (h.clone(), false),
        (None, None) => {
            let first = dr.paras.iter().find(|p| p.kind == ParagraphKind::Body).map(|p| dr.ptext(p)).unwrap_or(text);
            let sentence = paragraphs::sentences(first).first().map(|r| first[r.clone()].to_owned()).unwrap_or_default();
            (shorten(&sentence, 80), true)
        }
    };
    let id = match &options.id {
        Some(id) => id.clone(),
        None => {
            let slug = names::slug(&shorten(&title, 60).replace('…', ""));
            // A title with no Latin letters (Arabic, say) gives no slug: name it by content.
            if slug.is_empty() { format!("document-{}", &source_name("", bytes)[1..9]) } else { slug }
        }
    };
    if !crate::core::model::is_valid_slug(&id) {
        return Err(Refusal::BadOption(format!("--id {id:?} must be lower-case letters, digits and single hyphens")));
    }
    if existing.documents.iter().any(|d| d.id == id) {
        return Err(Refusal::IdTaken(id));
    }

    let speaker_of_para = |p: &Para| -> Option<usize> {
        let r = roles.as_ref()?;
        match p.kind {
            ParagraphKind::Question => r.interviewer,
            ParagraphKind::Answer => r.interviewee,
            _ => None,
        }
    };
    // Pull-quotes are spoken by the person their attribution line names.
    let mut pull_speakers: Vec<(u32, usize)> = Vec::new();
    for (i, p) in dr.paras.clone().iter().enumerate() {
        if p.kind == ParagraphKind::Attribution && i > 0 {
            let line = dr.ptext(p).to_owned();
            let cue = format!("the attribution line '{line}' (paragraph {})", p.n);
            if let Ok(who) = dr.subject(&line, &cue) {
                pull_speakers.push((dr.paras[i - 1].n, who));
            }
        }
    }

    let mut quotes_out: Vec<RawQuote> = Vec::new();
    let mut events_out: Vec<RawEvent> = Vec::new();
    let mut scare: Vec<(u32, String)> = Vec::new();
    let mut notes: Vec<String> = Vec::new();
    let mut question: Option<u32> = None;
    let interview_date = roles.as_ref().and_then(|r| r.date.clone());

    for index in 0..dr.paras.len() {
        let p = dr.paras[index].clone();
        let t = dr.ptext(&p).to_owned();
        if p.kind == ParagraphKind::Question {
            question = Some(p.n);
        }
        let debris = p.flag.as_deref().is_some_and(|f| f.starts_with("looks like"));
        let repeat = p.flag.as_deref().is_some_and(|f| f.starts_with("repeats"));
        if debris || matches!(p.kind, ParagraphKind::Credit | ParagraphKind::Attribution) {
            continue;
        }
        // Whole-paragraph quotes: interview answers and pull-quotes.
        if let (ParagraphKind::Answer, Some(q)) = (p.kind, question) {
            let said_on_cue = match &interview_date {
                Some(_) => "the date the text gives the interview".to_owned(),
                None => "unknown: the text does not date the interview".to_owned(),
            };
            let (speaker, to, how) = match roles.as_ref() {
                Some(r) => (
                    r.interviewee,
                    r.interviewer,
                    format!(
                        "speaker: the interviewee, from {}; said_to: {}",
                        r.how,
                        if r.interviewer.is_some() { "the interviewer" } else { "unknown: the text names no interviewer" }
                    ),
                ),
                None => (None, None, "speaker: unknown: the text does not say who is interviewed (not resolved: say who); said_to: unknown".to_owned()),
            };
            let id = unique(&mut dr.taken_quotes, &quote_id(&dr.names, speaker, &t));
            quotes_out.push(RawQuote {
                id,
                text: t.clone(),
                speaker: speaker.map(|i| dr.names.entities[i].id.clone()),
                document: String::new(),
                paragraph: p.n,
                kind: "interview-answer".into(),
                said_to: to.map(|i| dr.names.entities[i].id.clone()),
                said_on: interview_date.clone(),
                question: Some(q),
                reported_by: None,
                notes: None,
                draft: Some(format!("confirm: an interview answer (paragraph after question {q}); {how}; said_on: {said_on_cue}")),
            });
        }
        if p.kind == ParagraphKind::PullQuote {
            let who = pull_speakers.iter().find(|(n, _)| *n == p.n).map(|(_, w)| *w);
            let id = unique(&mut dr.taken_quotes, &quote_id(&dr.names, who, &t));
            let speaker_cue = match who {
                Some(_) => format!("the name on the line under it (paragraph {})", p.n + 1),
                None => "the line under it names no one the drafter could read (not resolved: say who)".to_owned(),
            };
            quotes_out.push(RawQuote {
                id,
                text: t.clone(),
                speaker: who.map(|w| dr.names.entities[w].id.clone()),
                document: String::new(),
                paragraph: p.n,
                kind: "pull-quote".into(),
                said_to: None,
                said_on: None,
                question: None,
                reported_by: None,
                notes: None,
                draft: Some(format!("confirm: a pull-quote; speaker: {speaker_cue}; said_on: unknown")),
            });
        }
        if repeat {
            continue; // its quotations and dates were drafted from the paragraph it repeats
        }

        // Passages in quotation marks.
        let sentences = paragraphs::sentences(&t);
        let mut previous: Option<Previous> = None;
        for span in quotes::spans(&t) {
            let inner = t[span.inner.clone()].to_owned();
            let sentence_start = sentences.iter().rev().find(|s| s.start <= span.outer.start).map_or(0, |s| s.start);
            let lead = &t[sentence_start..span.outer.start];
            let rest = if span.closed { &t[span.outer.end..] } else { "" };
            // Words after a quotation that ends its sentence ("… did happen.” They
            // asked …") begin another sentence: they attribute nothing.
            let inside = &t[..span.outer.end];
            let ends_sentence = inside.trim_end_matches(['”', '"', '’', '\'']).ends_with(['.', '!', '?']);
            let next_capital = rest.trim_start().starts_with(|c: char| c.is_uppercase());
            let cue_after = if span.closed && !(ends_sentence && next_capital) { quotes::after(rest) } else { None };
            let cue_before = quotes::before(lead);
            let after_beside = span.closed && !(ends_sentence && next_capital) && quotes::verb_beside(rest);
            if quotes::is_scare(&inner, lead, cue_before.is_some(), after_beside) && p.kind != ParagraphKind::PullQuote {
                scare.push((p.n, inner.clone()));
                continue;
            }
            let in_answer = matches!(p.kind, ParagraphKind::Answer | ParagraphKind::PullQuote);
            let cue = cue_after.or(cue_before);
            let said_words = cue.as_ref().map(|c| c.words.clone());
            let attribution = attribute(&mut dr, index, &span, cue, in_answer, roles.as_ref(), previous.as_ref());
            previous = Some(Previous { speaker: attribution.speaker, cue: attribution.cue.clone(), verb: attribution.verb.clone(), end: span.outer.end });
            let reported = in_answer || ["told", "asked", "were told", "were asked", "made"].contains(&attribution.verb.as_str());
            let kind = if reported { "reported-speech" } else { "statement" };
            let reported_by = if in_answer { roles.as_ref().and_then(|r| r.interviewee) } else { None };
            // When: a date in the attribution ("said on Thursday"); else the interview's
            // date for words said in it ("he says"); else unknown.
            let stated = said_words.as_deref().and_then(|w| dates::find(w, dr.anchor.as_ref()).into_iter().find_map(|f| f.date.ok()));
            let present = ["says", "adds", "explains", "notes", "insists", "argues", "recalls", "summarises", "summarizes", "tells", "cites"].contains(&attribution.verb.as_str());
            let (said_on, when) = match (stated, &interview_date, present && !in_answer) {
                (Some(d), _, _) => {
                    let how = d.derivation.clone().unwrap_or_else(|| "as the attribution states it".to_owned());
                    (Some(d), format!("from the attribution's date: {}", how.trim_end_matches('.')))
                }
                (None, Some(d), true) => (Some(d.clone()), "the interview's date (present-tense 'says' in an interview article)".to_owned()),
                _ => (None, "unknown: the text does not say when these words were said".to_owned()),
            };
            let mut confirm = format!("confirm: speaker: {}; said_to: {}; said_on: {when}; kind: {kind}", attribution.cue, attribution.to_cue);
            if !span.closed {
                confirm.push_str("; the opening quotation mark is never closed in this paragraph, so the quote runs to its end: check where it stops");
            }
            let id = unique(&mut dr.taken_quotes, &quote_id(&dr.names, attribution.speaker, &inner));
            quotes_out.push(RawQuote {
                id,
                text: inner,
                speaker: attribution.speaker.map(|i| dr.names.entities[i].id.clone()),
                document: String::new(),
                paragraph: p.n,
                kind: kind.into(),
                said_to: attribution.to.map(|i| dr.names.entities[i].id.clone()),
                said_on,
                question: None,
                reported_by: reported_by.map(|i| dr.names.entities[i].id.clone()),
                notes: None,
                draft: Some(confirm),
            });
        }
        if p.kind == ParagraphKind::Headline {
            continue; // a headline's dates are the story's, drafted from its paragraphs
        }

        // Dated events: one per date expression, the sentence as evidence. Words said in
        // the interview ("yesterday") count from the interview's date where it has one.
        let spoken_anchor = match (&interview_date, p.kind) {
            (Some(d), ParagraphKind::Question | ParagraphKind::Answer | ParagraphKind::PullQuote) if d.precision == "day" => {
                d.start.parse::<Date>().ok().map(|date| Anchor { date, how: format!("{}, the date the text gives the interview", dates::display(date)) })
            }
            _ => None,
        };
        let anchor = spoken_anchor.or_else(|| dr.anchor.clone());
        for s in paragraphs::sentences(&t) {
            let sentence = &t[s.clone()];
            for found in dates::find(sentence, anchor.as_ref()) {
                let mentions: Vec<Mention> = dr.names.find(sentence);
                let mut actors: Vec<RawEventActor> = Vec::new();
                let mut places: Vec<String> = Vec::new();
                for m in &mentions {
                    let e = &dr.names.entities[m.entity];
                    if e.is_place {
                        if !places.contains(&e.id) {
                            places.push(e.id.clone());
                        }
                    } else if !actors.iter().any(|a| a.id == e.id) {
                        actors.push(RawEventActor { id: e.id.clone(), role: "mentioned".into() });
                    }
                }
                let expression = &sentence[found.range.clone()];
                let (date, date_cue) = match found.date {
                    Ok(d) => {
                        let how = d.derivation.as_deref().map(|x| x.trim_end_matches('.').to_owned()).unwrap_or_else(|| format!("'{expression}' as written"));
                        (Some(d), format!("date: {how}"))
                    }
                    Err(why) => (None, format!("date unknown: {why}")),
                };
                let base = format!("{}-{}", names::slug(&shorten(sentence, 40).replace('…', "")), date.as_ref().map_or("undated".to_owned(), |d| d.start.clone()));
                let id = unique(&mut dr.taken_events, &base);
                events_out.push(RawEvent {
                    id,
                    title: shorten(sentence, 90),
                    date,
                    actors,
                    places,
                    document: String::new(),
                    paragraph: p.n,
                    evidence: sentence.to_owned(),
                    notes: None,
                    draft: Some(format!(
                        "confirm: a date expression '{expression}' in paragraph {}; {date_cue}; actors: every name in the sentence, as 'mentioned' (set their roles); title: the sentence, to be shortened to what happened",
                        p.n
                    )),
                });
            }
        }
    }

    if let Some(a) = &dr.anchor {
        notes.push(format!("Relative dates are counted from {}.", a.how));
    } else {
        notes.push("The text states no full date and none was given with --published: relative dates are left unknown.".to_owned());
    }
    if !scare.is_empty() {
        let list: Vec<String> = scare.iter().map(|(n, w)| format!("'{w}' (paragraph {n})")).collect();
        notes.push(format!("Words in quotation marks held at a distance, not drafted as quotes (scare quotes): {}.", list.join(", ")));
    }

    let document_id = id.clone();
    for q in &mut quotes_out {
        q.document = document_id.clone();
    }
    for e in &mut events_out {
        e.document = document_id.clone();
    }

    let paragraphs_out: Vec<RawParagraph> = dr
        .paras
        .iter()
        .map(|p| {
            let speaker = match p.kind {
                ParagraphKind::PullQuote => pull_speakers.iter().find(|(n, _)| *n == p.n).map(|(_, w)| *w),
                _ => speaker_of_para(p),
            };
            RawParagraph {
                n: p.n,
                kind: p.kind.as_str().to_owned(),
                text: text[p.range.clone()].to_owned(),
                speaker: speaker.map(|i| dr.names.entities[i].id.clone()),
                draft: p.flag.clone(),
            }
        })
        .collect();

    let source = source_name(&document_id, bytes);
    let kinds: Vec<String> = {
        let mut seen = Vec::new();
        for p in &dr.paras {
            let k = format!("{} ({})", p.kind.as_str(), p.cue);
            if !seen.contains(&k) {
                seen.push(k);
            }
        }
        seen
    };
    let document = RawDocument {
        id: document_id,
        title,
        title_supplied,
        source: source.clone(),
        publisher: options.publisher.clone(),
        author: options.author.clone(),
        published: published.map(|d| RawDate { start: dates::display_iso(d), end: None, precision: "day".into(), derivation: None }),
        kind: if interview { "interview".into() } else { "news".into() },
        notes,
        paragraphs: paragraphs_out,
        draft: Some(format!(
            "confirm: the title{}, the kind ({}), publisher and author, and each paragraph's kind, typed by rule: {}",
            if title_supplied { " (supplied: the source has no headline)" } else { "" },
            if interview { "an interview: questions answered in turn" } else { "news" },
            kinds.join("; ")
        )),
    };

    // New actors and places: every name this draft proposed (by title, as a speaker or
    // addressee, or as "in City, Country"), whether or not a record refers to it yet.
    let mut actors = Vec::new();
    let mut places = Vec::new();
    for e in dr.names.entities.iter().filter(|e| !e.known) {
        let record = RawEntity {
            id: e.id.clone(),
            name: e.name.clone(),
            kind: e.kind.clone(),
            aliases: e.aliases.iter().filter(|a| **a != e.name).cloned().collect(),
            description: format!("Named in {}: {}.", document.id, e.cue),
            draft: Some(format!(
                "confirm: a new {} proposed from the text ({}); check the kind ({}) and write a one-line description from the text",
                if e.is_place { "place" } else { "actor" },
                e.cue,
                e.kind
            )),
        };
        if e.is_place {
            places.push(record);
        } else {
            actors.push(record);
        }
    }
    Ok(Drafted { source_name: source, document, actors, places, quotes: quotes_out, events: events_out, scare_quotes: scare })
}

/// The quotation before this one in the same paragraph, and whom it went to.
struct Previous {
    speaker: Option<usize>,
    cue: String,
    verb: String,
    /// Where it ends (byte in the paragraph).
    end: usize,
}

/// Who said the words of `span` in paragraph `index`. Every branch either names the
/// words of the text it went by, or leaves the speaker unknown and says why.
fn attribute(
    dr: &mut Drafter,
    index: usize,
    span: &quotes::Span,
    cue: Option<quotes::Cue>,
    in_answer: bool,
    roles: Option<&Interview>,
    previous: Option<&Previous>,
) -> Attribution {
    let p = dr.paras[index].clone();
    let interviewee = roles.and_then(|r| r.interviewee);
    let name_of = |dr: &Drafter, i: usize| dr.names.entities[i].name.clone();
    let mut out = Attribution { speaker: None, to: None, cue: String::new(), to_cue: "unknown: the text does not say".into(), verb: String::new() };
    if let Some(c) = cue {
        out.verb = c.verb.clone();
        if let Some(to) = &c.to {
            let lower = to.to_lowercase();
            if PRONOUNS_FIRST.contains(&lower.as_str()) || !quotes::could_name(to) || !to.chars().any(char::is_uppercase) {
                out.to_cue = format!("'{to}' in '{}' (not resolved: say whom it means)", c.words);
            } else {
                match dr.subject(to, &format!("addressed in '{}' (paragraph {})", c.words, p.n)) {
                    Ok(i) => {
                        out.to = Some(i);
                        out.to_cue = format!("'{to}' in '{}'", c.words);
                    }
                    Err(why) => out.to_cue = format!("{why} (not resolved: say whom)"),
                }
            }
        }
        match c.speaker.as_deref().map(str::to_lowercase) {
            Some(w) if PRONOUNS_FIRST.contains(&w.as_str()) => {
                if in_answer {
                    out.speaker = interviewee;
                    out.cue = match interviewee {
                        Some(i) => format!("'{}' in an answer: the interviewee, {}", c.words, name_of(dr, i)),
                        None => format!("'{}' in an answer, but the text names no interviewee (not resolved: say who)", c.words),
                    };
                } else {
                    out.cue = format!("'{}': the first person outside an interview answer (not resolved: say who)", c.words);
                }
            }
            Some(w) if PRONOUNS_THIRD.contains(&w.as_str()) => {
                out.speaker = dr.last_person_before(index, span.outer.start);
                out.cue = match out.speaker {
                    Some(i) => format!("'{}', with '{w}' read as the person named last before it (outside quotation marks, within {} paragraphs), {}", c.words, Drafter::PRONOUN_REACH + 1, name_of(dr, i)),
                    None => format!("'{}', but no person is named shortly before it (not resolved: say who)", c.words),
                };
            }
            Some(w) if w.starts_with("the ") || w.starts_with("a ") || w.starts_with("an ") => {
                let written = c.speaker.clone().unwrap_or_default();
                // A role ("the spokesman"): the one person named earlier with that title.
                let role = written.strip_prefix("the ").or_else(|| written.strip_prefix("The ")).filter(|r| !r.contains(' ') && names::is_title(r)).map(str::to_lowercase);
                if let Some(role) = role {
                    let mut holders: Vec<usize> = dr.titled.iter().filter(|(t, _, at)| *t == role && *at <= index).map(|(_, e, _)| *e).collect();
                    holders.sort_unstable();
                    holders.dedup();
                    match holders.as_slice() {
                        [one] => {
                            out.speaker = Some(*one);
                            out.cue = format!("'{}', with '{written}' read as {}, the one person named earlier with that title", c.words, name_of(dr, *one));
                        }
                        [] => out.cue = format!("'{}': no one is named earlier with that title (not resolved: say who)", c.words),
                        many => {
                            let names: Vec<String> = many.iter().map(|&i| name_of(dr, i)).collect();
                            out.cue = format!("'{}': '{written}' could be {} (not resolved: say which)", c.words, names.join(" or "));
                        }
                    }
                    return out;
                }
                // A known group ("the Russians") whose name is the whole subject, else an
                // unnamed speaker as written ("a trusted intermediary").
                match dr.subject(&written, &format!("'{}' in paragraph {}", c.words, p.n)) {
                    Ok(i) => {
                        out.speaker = Some(i);
                        out.cue = format!("'{}' names '{written}'", c.words);
                    }
                    Err(_) if dr.names.find_actors(&written).is_empty() && written.split_whitespace().count() <= 5 => {
                        let bare = written.split_once(' ').map_or("", |(_, rest)| rest);
                        if !bare.chars().any(char::is_alphabetic) {
                            out.cue = format!("'{}' names no one (not resolved: say who)", c.words);
                            return out;
                        }
                        let name = format!("Unnamed {bare}");
                        let i = dr.propose(&name, "person", &format!("'{}' in paragraph {}", c.words, p.n));
                        dr.names.add_spelling(i, &written);
                        out.speaker = Some(i);
                        out.cue = format!("'{}' names an unnamed speaker, '{written}'", c.words);
                    }
                    Err(why) => out.cue = format!("'{}': {why} (not resolved: say who)", c.words),
                }
            }
            Some(_) => {
                let written = c.speaker.clone().unwrap_or_default();
                // "Ankara-based Anadolu Agency": the name without its describing words.
                let described = ["-based", "-backed", "-run", "-owned", "-funded", "-affiliated", "-linked"];
                let plain: Vec<&str> = written.split_whitespace().filter(|w| !described.iter().any(|d| w.ends_with(d))).collect();
                let plain = plain.join(" ");
                match dr.subject(&plain, &format!("the speaker in '{}' (paragraph {})", c.words, p.n)) {
                    Ok(i) => {
                        out.speaker = Some(i);
                        out.cue = format!("'{}'", c.words);
                    }
                    Err(why) => out.cue = format!("'{}': {why} (not resolved: say who)", c.words),
                }
            }
            None if c.passive => {
                // "the Russians were told:": the teller is whoever "told them" earlier in
                // the paragraph, if a pronoun there names the person meant.
                let t = dr.ptext(&p).to_owned();
                let told = quotes::before(&t[..span.outer.start.min(t.len())].rsplit_once(" told ").map(|(a, _)| format!("{a} told ")).unwrap_or_default());
                let teller = told.and_then(|c| c.speaker).map(|w| w.to_lowercase());
                if let Some(w) = teller.filter(|w| PRONOUNS_THIRD.contains(&w.as_str())) {
                    out.speaker = dr.last_person_before(index, span.outer.start);
                    out.cue = format!(
                        "'{}' names no speaker; read as the one who 'told them' earlier in the paragraph ('{w}'), {}",
                        c.words,
                        out.speaker.map(|i| name_of(dr, i)).unwrap_or_else(|| "not resolved: say who".into())
                    );
                } else {
                    out.cue = format!("'{}' names no speaker (not resolved: say who)", c.words);
                }
            }
            None => out.cue = "no attribution found (not resolved: say who)".into(),
        }
        return out;
    }
    let t = dr.ptext(&p).to_owned();
    if let Some(prev) = previous {
        // Another name, or a colon introducing words, between the two quotations means
        // someone else may be speaking: then nothing is inherited.
        let between = &t[prev.end.min(span.outer.start)..span.outer.start];
        let other = dr.names.find_actors(between).iter().any(|m| Some(m.entity) != prev.speaker);
        if prev.speaker.is_some() && !other && !between.contains(':') {
            out.speaker = prev.speaker;
            out.verb = prev.verb.clone();
            out.cue = format!("no attribution of its own; it follows a quotation in the same paragraph attributed by {}", prev.cue);
            return out;
        }
        if prev.speaker.is_some() {
            out.cue = format!("no attribution of its own, and '{}' stands between it and the quotation before (not resolved: say who)", between.trim());
            return out;
        }
    }
    // A verb of saying in the sentence before ("He cites … but says …"): its subject.
    let sentences = paragraphs::sentences(&t);
    let said = sentences.iter().rev().filter(|r| r.end <= span.outer.start).take(1).find(|r| t[(*r).clone()].split_whitespace().any(quotes::is_speech_verb));
    if let Some(r) = said {
        let sentence = &t[r.clone()];
        let first = sentence.split_whitespace().next().unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
        let verb = sentence.split_whitespace().find(|w| quotes::is_speech_verb(w)).unwrap_or("").trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
        let speaker = if PRONOUNS_THIRD.contains(&first.as_str()) {
            dr.last_person_before(index, r.start)
        } else {
            dr.names.find_actors(sentence).into_iter().find(|m| m.range.start == 0).map(|m| m.entity)
        };
        if let Some(i) = speaker {
            out.speaker = Some(i);
            out.verb = verb.clone();
            out.cue = format!("no attribution beside it; the sentence just before it has '{first} … {verb}', read as {}", name_of(dr, i));
            return out;
        }
    }
    if in_answer {
        out.speaker = interviewee;
        out.cue = match interviewee {
            Some(i) => format!("words quoted inside an answer, with no other speaker named: the interviewee, {}", name_of(dr, i)),
            None => "words quoted inside an answer, but the text names no interviewee (not resolved: say who)".to_owned(),
        };
        return out;
    }
    out.cue = "no attribution found (not resolved: say who)".into();
    out
}

/// A quote id: the speaker's surname and the first words.
fn quote_id(names: &Names, speaker: Option<usize>, text: &str) -> String {
    let who = speaker
        .map(|i| {
            let e = &names.entities[i];
            if e.is_person() && !e.name.starts_with("Unnamed") { e.name.split_whitespace().last().unwrap_or("").to_owned() } else { e.name.clone() }
        })
        .unwrap_or_else(|| "unattributed".into());
    let words: Vec<&str> = text.split_whitespace().take(5).collect();
    names::slug(&format!("{who} {}", words.join(" ")))
}

/// `base`, or `base-2`, `base-3`… whichever no record has; then taken.
fn unique(taken: &mut HashSet<String>, base: &str) -> String {
    let base: String = names::slug(base).chars().take(70).collect();
    let base = base.trim_end_matches('-');
    let base = if base.is_empty() { "draft".to_owned() } else { base.to_owned() };
    let mut id = base.clone();
    let mut k = 2;
    while taken.contains(&id) {
        id = format!("{base}-{k}");
        k += 1;
    }
    taken.insert(id.clone());
    id
}
