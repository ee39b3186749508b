//! A deterministic synthetic corpus for benchmarks: any number of quotes made of
//! realistic English sentences about diplomacy and war, said by about 200 speakers whose
//! names include Arabic transliterations (with alternative spellings and Arabic script as
//! aliases), naming places written with diacritics. The same seed always gives the same
//! corpus, natively and in wasm, so Dossier and the peers it is compared with search
//! exactly the same texts. [`write_dir`] writes one as a data folder (`dossier synth`),
//! so the app itself can be built with it (`DOSSIER_DATA`, see `build.rs`) for the
//! browser benchmark and the tests of long lists. Not used by the app.

use serde_json::{json, Value};

use crate::core::load::CorpusFiles;

/// xorshift64*: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const FIRST: [&str; 20] = [
    "Asaad", "Ahmed", "Sergey", "Maria", "Hakan", "Mohammed", "Fatima", "Yusuf", "Layla", "Omar", "Dmitry", "Elena",
    "Khaled", "Rania", "Walid", "Nour", "Mikhail", "Amal", "Tariq", "Hassan",
];
/// Family names with other transliterations and the Arabic or Cyrillic script.
const FAMILY: [(&str, &str, &str); 10] = [
    ("al-Shaibani", "al-Shaybani", "الشيباني"),
    ("al-Sharaa", "al-Shara", "الشرع"),
    ("Lavrov", "Lavroff", "Лавров"),
    ("Fidan", "Fidan", "فيدان"),
    ("al-Khatib", "el-Khatib", "الخطيب"),
    ("Haddad", "Hadad", "حداد"),
    ("Zakharova", "Zaharova", "Захарова"),
    ("al-Masri", "el-Masri", "المصري"),
    ("Nasrallah", "Nasrullah", "نصر الله"),
    ("Qassem", "Kassem", "قاسم"),
];
/// Places written with diacritics, with their plain and Arabic forms.
const PLACES: [(&str, &str, &str); 12] = [
    ("Türkiye", "Turkey", "تركيا"),
    ("Hmeimim", "Khmeimim", "حميميم"),
    ("Tartus", "Tartous", "طرطوس"),
    ("Genève", "Geneva", "جنيف"),
    ("Qamishli", "Kamishli", "القامشلي"),
    ("Deir ez-Zor", "Deir al-Zour", "دير الزور"),
    ("Aleppo", "Halab", "حلب"),
    ("Moscow", "Moskva", "موسكو"),
    ("Idlib", "Edlib", "إدلب"),
    ("Zürich", "Zurich", "زيورخ"),
    ("Doha", "Dauha", "الدوحة"),
    ("Beirut", "Bayrut", "بيروت"),
];
const SUBJECTS: [&str; 12] = [
    "the government", "our delegation", "the Russian side", "the new authorities", "the negotiators", "the ministry",
    "the opposition", "the international community", "our partners", "the security council", "the army", "the people",
];
const VERBS: [&str; 16] = [
    "discussed", "rejected", "welcomed", "postponed", "guaranteed", "questioned", "supported", "reviewed",
    "negotiated", "announced", "suspended", "renewed", "condemned", "proposed", "accepted", "examined",
];
const OBJECTS: [&str; 16] = [
    "the future of the military bases", "a new agreement on reconstruction", "the return of refugees",
    "the lifting of sanctions", "the question of accountability", "a ceasefire along the front",
    "economic cooperation", "the transfer of wheat shipments", "energy contracts", "the protection of civilians",
    "the withdrawal of foreign forces", "a timetable for elections", "the release of detainees",
    "the restoration of electricity", "the unity of the country", "the constitutional declaration",
];
const TIMES: [&str; 10] = [
    "within 48 hours", "before the end of the year", "after long negotiations", "during the visit",
    "at the last meeting", "in the coming weeks", "without preconditions", "behind closed doors",
    "for the first time", "despite strong objections",
];

/// The number of speakers, about 200 (each first name with each family name would be
/// 200 exactly).
pub const SPEAKERS: usize = FIRST.len() * FAMILY.len();

/// One quote as the peers index it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SynthQuote {
    pub text: String,
    pub speaker: String,
}

/// A corpus of `n` quotes in Dossier's data format, and the same quotes flat.
pub fn corpus(n: usize, seed: u64) -> (CorpusFiles, Vec<SynthQuote>) {
    corpus_with_events(n, 0, seed)
}

/// A corpus of `n` quotes and `events` events (dated 2011-2025 at every precision, each
/// with one to three speakers as actors), for timeline benchmarks.
pub fn corpus_with_events(n: usize, events: usize, seed: u64) -> (CorpusFiles, Vec<SynthQuote>) {
    corpus_with_event_actors(n, events, SPEAKERS, seed)
}

/// As [`corpus_with_events`], with the events' actors drawn from the first
/// `event_actors` speakers only (the timeline benchmark's 20 lane actors).
pub fn corpus_with_event_actors(n: usize, events: usize, event_actors: usize, seed: u64) -> (CorpusFiles, Vec<SynthQuote>) {
    let event_actors = event_actors.clamp(1, SPEAKERS);
    let mut rng = Rng(seed | 1);
    let speakers: Vec<(String, String, Vec<String>)> = (0..SPEAKERS)
        .map(|i| {
            let first = FIRST[i % FIRST.len()];
            let (family, other, script) = FAMILY[i / FIRST.len()];
            let mut aliases = vec![script.to_owned()];
            if other != family {
                aliases.insert(0, format!("{first} {other}"));
            }
            (format!("speaker-{i}"), format!("{first} {family}"), aliases)
        })
        .collect();
    let mut quotes = Vec::with_capacity(n);
    for _ in 0..n {
        let mut sentences = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let (place, _, _) = PLACES[rng.below(PLACES.len())];
            let sentence = match rng.below(4) {
                0 => format!("{} {} {} in {} {}.", cap(rng.pick(&SUBJECTS)), rng.pick(&VERBS), rng.pick(&OBJECTS), place, rng.pick(&TIMES)),
                1 => {
                    let (_, name, _) = &speakers[rng.below(SPEAKERS)];
                    format!("We met {name} in {place} and {} {} {}.", rng.pick(&VERBS), rng.pick(&OBJECTS), rng.pick(&TIMES))
                }
                2 => format!("In {place}, {} {} {}.", rng.pick(&SUBJECTS), rng.pick(&VERBS), rng.pick(&OBJECTS)),
                _ => format!("{} said that {} {} {}.", cap(rng.pick(&SUBJECTS)), rng.pick(&SUBJECTS), rng.pick(&VERBS), rng.pick(&OBJECTS)),
            };
            sentences.push(sentence);
        }
        let speaker = rng.below(SPEAKERS);
        quotes.push((sentences.join(" "), speaker));
    }
    // A document per 1,000 quotes, a paragraph per quote.
    let docs: Vec<Value> = quotes
        .chunks(1000)
        .enumerate()
        .map(|(d, chunk)| {
            json!({
                "id": format!("doc-{d}"), "title": format!("Synthetic document {d}"), "title_supplied": true,
                "source": format!("doc-{d}.txt"), "publisher": null, "author": null, "published": null,
                "kind": "analysis", "notes": [],
                "paragraphs": chunk.iter().enumerate().map(|(p, (text, _))| json!({
                    "n": p + 1, "kind": "body", "text": text,
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let quote_records: Vec<Value> = quotes
        .iter()
        .enumerate()
        .map(|(i, (text, s))| {
            json!({
                "id": format!("q-{i}"), "text": text, "speaker": speakers[*s].0,
                "document": format!("doc-{}", i / 1000), "paragraph": i % 1000 + 1, "kind": "statement",
                "said_to": null, "said_on": null, "question": null, "reported_by": null, "notes": null,
            })
        })
        .collect();
    let actors: Vec<Value> = speakers
        .iter()
        .map(|(id, name, aliases)| json!({ "id": id, "name": name, "kind": "person", "aliases": aliases, "description": "A synthetic speaker." }))
        .collect();
    let places: Vec<Value> = PLACES
        .iter()
        .enumerate()
        .map(|(i, (name, plain, script))| {
            json!({ "id": format!("place-{i}"), "name": name, "kind": "city", "aliases": [plain, script], "description": "A synthetic place." })
        })
        .collect();
    let files = CorpusFiles {
        documents: Value::Array(docs).to_string(),
        actors: Value::Array(actors).to_string(),
        places: Value::Array(places).to_string(),
        quotes: Value::Array(quote_records).to_string(),
        events: Value::Array(synthetic_events(events, event_actors, &mut rng, &quotes)).to_string(),
        sources: None,
    };
    let flat = quotes.into_iter().map(|(text, s)| SynthQuote { text, speaker: speakers[s].1.clone() }).collect();
    (files, flat)
}

/// Writes a synthetic corpus of `quotes` quotes and `events` events as a data folder that
/// `dossier check` accepts: the five JSON files and, for the source check, each
/// document's text in `sources/` (its paragraphs, a blank line apart).
pub fn write_dir(dir: &std::path::Path, quotes: usize, events: usize, seed: u64) -> Result<(), String> {
    write_dir_with(dir, quotes, events, SPEAKERS, seed)
}

/// As [`write_dir`], the events' actors drawn from the first `event_actors` speakers.
pub fn write_dir_with(dir: &std::path::Path, quotes: usize, events: usize, event_actors: usize, seed: u64) -> Result<(), String> {
    use crate::core::load::{ACTORS, DOCUMENTS, EVENTS, PLACES, QUOTES, SOURCES};
    if quotes == 0 {
        return Err("a synthetic corpus needs at least one quote (its events cite the first)".into());
    }
    let (files, _) = corpus_with_event_actors(quotes, events, event_actors, seed);
    let sources = dir.join(SOURCES);
    std::fs::create_dir_all(&sources).map_err(|e| format!("cannot create {}: {e}", sources.display()))?;
    let write = |path: std::path::PathBuf, text: &str| {
        std::fs::write(&path, text).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    let named = [(DOCUMENTS, &files.documents), (ACTORS, &files.actors), (PLACES, &files.places), (QUOTES, &files.quotes), (EVENTS, &files.events)];
    for (name, text) in named {
        write(dir.join(name), text)?;
    }
    let documents: Vec<Value> = serde_json::from_str(&files.documents).map_err(|e| format!("synthetic documents: {e}"))?;
    for doc in &documents {
        let paragraphs: Vec<&str> = doc["paragraphs"].as_array().into_iter().flatten().filter_map(|p| p["text"].as_str()).collect();
        let name = doc["source"].as_str().unwrap_or_default();
        write(sources.join(name), &paragraphs.join("\n\n"))?;
    }
    Ok(())
}

/// Events spread evenly over the quotes' paragraphs, each citing its paragraph's text
/// as its evidence (as a real corpus spreads its events over its documents, so no one
/// page holds them all). Without quotes there is no paragraph to cite: no events.
fn synthetic_events(n: usize, actors: usize, rng: &mut Rng, quotes: &[(String, usize)]) -> Vec<Value> {
    let n = if quotes.is_empty() { 0 } else { n };
    (0..n)
        .map(|i| {
            // The paragraph of quote k: document k / 1,000, paragraph k % 1,000 + 1.
            let k = i * quotes.len() / n;
            let year = 2011 + rng.below(15);
            let month = 1 + rng.below(12);
            let day = 1 + rng.below(28);
            let date = match rng.below(4) {
                0 => json!({ "start": format!("{year}"), "precision": "year" }),
                1 => json!({ "start": format!("{year}-{month:02}"), "precision": "month" }),
                2 => json!({ "start": format!("{year}-{month:02}-{day:02}"), "end": format!("{year}-{month:02}-28"), "precision": "range" }),
                _ => json!({ "start": format!("{year}-{month:02}-{day:02}"), "precision": "day" }),
            };
            // One to three actors, each once.
            let mut ids: Vec<usize> = Vec::with_capacity(3);
            for _ in 0..1 + rng.below(3) {
                let a = rng.below(actors);
                if !ids.contains(&a) {
                    ids.push(a);
                }
            }
            let actors: Vec<Value> = ids.iter().map(|a| json!({ "id": format!("speaker-{a}"), "role": "participant" })).collect();
            json!({
                "id": format!("e-{i}"), "title": format!("Synthetic event {i}"), "date": date, "actors": actors,
                "places": [], "document": format!("doc-{}", k / 1000), "paragraph": k % 1000 + 1, "evidence": quotes[k].0,
            })
        })
        .collect()
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().chain(c).collect()).unwrap_or_default()
}

/// The benchmark's queries: plain words, names, a phrase, prefixes while typing, and the
/// typo and diacritic queries whose true result set is known (see [`expected`]).
pub const QUERIES: [&str; 12] = [
    "reconstruction",
    "military bases",
    "\"within 48 hours\"",
    "negot",
    "refugees return",
    "sanctions",
    "lavorv",
    "turkiye",
    "geneve",
    "zurich",
    "hmeimim",
    "al-Shaybani",
];

/// For the typo and diacritic queries, the words whose quotes are the true result set:
/// every quote whose text or speaker contains that word (any case, diacritics folded).
pub fn expected(query: &str) -> Option<&'static [&'static str]> {
    match query {
        "lavorv" => Some(&["lavrov"]),
        "turkiye" => Some(&["türkiye", "turkiye"]),
        "geneve" => Some(&["genève", "geneve"]),
        "zurich" => Some(&["zürich", "zurich"]),
        _ => None,
    }
}

/// The true result set of a query with [`expected`] words: quote indices, ascending.
pub fn truth(quotes: &[SynthQuote], query: &str) -> Option<Vec<usize>> {
    let words = expected(query)?;
    Some(
        quotes
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                let hay = format!("{} {}", q.text, q.speaker).to_lowercase();
                words.iter().any(|w| hay.split(|c: char| !c.is_alphanumeric()).any(|t| t == *w))
            })
            .map(|(i, _)| i)
            .collect(),
    )
}
