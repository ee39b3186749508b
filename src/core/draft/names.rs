//! Who and where: every spelling of every known actor and place found in one pass, and
//! new names proposed from the places prose names people (titles, attributions).
//!
//! Names are compared folded as search folds them (`core::fold::word_spans`: case,
//! diacritics, apostrophes, the Arabic article), so "Al-Shaibani", "al-Shaibani" and
//! "Shaibani" are one key, and "Türkiye" finds an actor listed as "Turkiye". The matcher
//! is Aho-Corasick over the folded words of the text joined by spaces, so a key only
//! matches whole words.

use std::collections::HashMap;
use std::ops::Range;

use aho_corasick::AhoCorasick;

use crate::core::fold;
use crate::core::raw::RawEntity;

/// An actor or place, known (in the corpus) or proposed by this draft.
#[derive(Clone, Debug)]
pub struct Entity {
    pub id: String,
    pub name: String,
    pub kind: String,
    pub aliases: Vec<String>,
    pub is_place: bool,
    /// Already in the corpus (never rewritten) or proposed here.
    pub known: bool,
    /// Where the drafter found the name first, for a new record's cue.
    pub cue: String,
}

impl Entity {
    pub fn is_person(&self) -> bool {
        !self.is_place && self.kind == "person"
    }

    /// Every spelling: the name and the aliases.
    pub fn spellings(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// A name found in a text.
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    pub entity: usize,
    /// Byte range in the text searched.
    pub range: Range<usize>,
}

/// The folded key of a spelling: its folded words joined by single spaces.
pub fn key(spelling: &str) -> String {
    fold::tokens(spelling).join(" ")
}

/// All entities, and a matcher over their spellings.
pub struct Names {
    pub entities: Vec<Entity>,
    matcher: Option<AhoCorasick>,
    /// For each pattern of the matcher: its entity, and whether only its capitals match
    /// ("US", "IS", "AA": acronyms, not the words "us", "is").
    owners: Vec<(usize, bool)>,
    /// Each folded spelling's entity, actors and places apart (`None`: two entities of
    /// the same kind share it).
    by_key: HashMap<(bool, String), Option<usize>>,
}

/// An acronym: all capitals (or digits), at most five letters.
fn acronym(spelling: &str) -> bool {
    let letters: Vec<char> = spelling.chars().filter(|c| c.is_alphabetic()).collect();
    !letters.is_empty() && letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase())
}

impl Names {
    pub fn new(actors: &[RawEntity], places: &[RawEntity]) -> Names {
        let mut entities = Vec::new();
        for (raws, is_place) in [(actors, false), (places, true)] {
            for r in raws {
                entities.push(Entity {
                    id: r.id.clone(),
                    name: r.name.clone(),
                    kind: r.kind.clone(),
                    aliases: r.aliases.clone(),
                    is_place,
                    known: true,
                    cue: String::new(),
                });
            }
        }
        let mut names = Names { entities, matcher: None, owners: Vec::new(), by_key: HashMap::new() };
        names.rebuild();
        names
    }

    /// Builds the matcher again after entities or spellings changed. A key two entities
    /// of one kind share (an ambiguous spelling) matches neither, rather than one at
    /// random; an actor and a place may share one ("Syria" the state and the country).
    pub fn rebuild(&mut self) {
        let mut by_key: HashMap<(bool, String), Option<usize>> = HashMap::new();
        let mut caps: HashMap<(bool, String), bool> = HashMap::new();
        for (i, e) in self.entities.iter().enumerate() {
            for s in e.spellings() {
                let k = key(s);
                if k.is_empty() {
                    continue;
                }
                let slot = (e.is_place, k);
                *caps.entry(slot.clone()).or_insert(true) &= acronym(s);
                by_key.entry(slot).and_modify(|owner| if *owner != Some(i) { *owner = None }).or_insert(Some(i));
            }
        }
        let mut patterns = Vec::new();
        self.owners.clear();
        let mut keys: Vec<(&(bool, String), &Option<usize>)> = by_key.iter().collect();
        keys.sort();
        for (slot, owner) in keys {
            if let Some(owner) = owner {
                patterns.push(format!(" {} ", slot.1));
                self.owners.push((*owner, caps.get(slot).copied().unwrap_or(false)));
            }
        }
        self.matcher = AhoCorasick::new(&patterns).ok();
        self.by_key = by_key;
    }

    /// Every name in `text`: actors and places each longest first where two of a kind
    /// overlap, in text order.
    pub fn find(&self, text: &str) -> Vec<Mention> {
        let Some(matcher) = &self.matcher else { return Vec::new() };
        let spans = fold::word_spans(text);
        let mut joined = String::from(" ");
        let mut starts = Vec::with_capacity(spans.len());
        for (_, token) in &spans {
            starts.push(joined.len() - 1);
            joined.push_str(token);
            joined.push(' ');
        }
        // Word index of a byte offset in `joined` that is the space before a word.
        let word_at = |offset: usize| starts.binary_search(&offset).ok();
        let mut found: Vec<(usize, usize, usize)> = Vec::new(); // (first word, words, entity)
        for m in matcher.find_overlapping_iter(&joined) {
            let (Some(first), Some(after)) = (word_at(m.start()), word_at(m.end() - 1).or((m.end() - 1 == joined.len() - 1).then_some(spans.len()))) else {
                continue;
            };
            let (entity, caps_only) = self.owners[m.pattern().as_usize()];
            if after <= first {
                continue;
            }
            let written = &text[spans[first].0.start..spans[after - 1].0.end];
            if caps_only && written.chars().any(char::is_lowercase) {
                continue;
            }
            found.push((first, after - first, entity));
        }
        // Longest first, then leftmost; keep those that overlap nothing of their kind.
        found.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let mut taken = [vec![false; spans.len()], vec![false; spans.len()]];
        let mut out = Vec::new();
        for (first, len, entity) in found {
            let kind = usize::from(self.entities[entity].is_place);
            if taken[kind][first..first + len].iter().any(|t| *t) {
                continue;
            }
            taken[kind][first..first + len].iter_mut().for_each(|t| *t = true);
            out.push(Mention { entity, range: spans[first].0.start..spans[first + len - 1].0.end });
        }
        out.sort_by_key(|m| (m.range.start, self.entities[m.entity].is_place));
        out
    }

    /// The actors (not places) named in `text`.
    pub fn find_actors(&self, text: &str) -> Vec<Mention> {
        self.find(text).into_iter().filter(|m| !self.entities[m.entity].is_place).collect()
    }

    /// The actor a spelling names, if exactly one does.
    pub fn lookup(&self, spelling: &str) -> Option<usize> {
        self.by_key.get(&(false, key(spelling))).copied().flatten()
    }

    /// Adds a spelling to a proposed entity (never to a known one: the corpus's records
    /// are the curator's).
    pub fn add_spelling(&mut self, entity: usize, spelling: &str) {
        let e = &mut self.entities[entity];
        if e.known || e.spellings().any(|s| s == spelling) {
            return;
        }
        e.aliases.push(spelling.to_owned());
        let k = key(spelling);
        if !k.is_empty() {
            let slot = (self.entities[entity].is_place, k);
            self.by_key.entry(slot).and_modify(|owner| if *owner != Some(entity) { *owner = None }).or_insert(Some(entity));
        }
    }

    /// Proposes a new entity, or returns the one that already has this spelling (or, for
    /// a person, the same first and last name: "Asaad Hassan al-Shaibani" is "Asaad
    /// al-Shaibani").
    pub fn propose(&mut self, name: &str, kind: &str, is_place: bool, cue: &str, taken: &dyn Fn(&str) -> bool) -> usize {
        if let Some(i) = self.by_key.get(&(is_place, key(name))).copied().flatten() {
            self.add_spelling(i, name);
            return i;
        }
        let words = fold::tokens(name);
        if kind == "person" && words.len() >= 2 {
            // Only with a person proposed in this draft: a known actor with the same first
            // and last name may be someone else (a grandson), and is never rewritten.
            let same = self.entities.iter().position(|e| {
                !e.known && e.is_person() && e.spellings().any(|s| {
                    let w = fold::tokens(s);
                    w.len() >= 2 && w.first() == words.first() && w.last() == words.last()
                })
            });
            if let Some(i) = same {
                self.add_spelling(i, name);
                self.rebuild();
                return i;
            }
        }
        let base = slug(name);
        let base = if base.is_empty() { "unnamed".to_owned() } else { base };
        let mut id = base.clone();
        let mut k = 2;
        while taken(&id) || self.entities.iter().any(|e| e.id == id && e.is_place == is_place) {
            id = format!("{base}-{k}");
            k += 1;
        }
        self.entities.push(Entity { id, name: name.to_owned(), kind: kind.to_owned(), aliases: Vec::new(), is_place, known: false, cue: cue.to_owned() });
        self.rebuild();
        self.entities.len() - 1
    }

    /// Gives each proposed person with a multi-word name their surname ("al-Shaibani"
    /// for "Asaad al-Shaibani") as a spelling when the text uses it alone, unless two
    /// people share it.
    pub fn add_surnames(&mut self, text: &str) {
        let mut surnames: HashMap<String, Vec<(usize, String)>> = HashMap::new();
        for (i, e) in self.entities.iter().enumerate().filter(|(_, e)| !e.known && e.is_person()) {
            let name_words: Vec<&str> = e.name.split_whitespace().collect();
            if name_words.len() < 2 {
                continue;
            }
            let last = name_words[name_words.len() - 1];
            surnames.entry(key(last)).or_default().push((i, last.to_owned()));
        }
        for (k, owners) in surnames {
            // Not when two people share it, or another entity is already spelt so.
            let other = |place: bool| self.by_key.get(&(place, k.clone())).is_some_and(|o| *o != Some(owners[0].0));
            if owners.len() != 1 || k.is_empty() || other(false) || other(true) {
                continue;
            }
            let (i, _) = &owners[0];
            // Every spelling of the surname the text uses: "Shaibani", "al-Shaibani", "Al-Shaibani".
            for (range, token) in fold::word_spans(text) {
                if token == k {
                    let mut start = range.start;
                    for article in ["al-", "Al-", "el-", "El-"] {
                        if text[..start].ends_with(article) {
                            start -= article.len();
                        }
                    }
                    let spelling = text[start..range.end].to_owned();
                    // Only where it stands alone, not inside another name ("Maher
                    // al-Assad"): the word before is lower-case, a title, or starts a
                    // sentence.
                    let before = text[..start].trim_end();
                    let prev_word = before.rsplit(char::is_whitespace).next().unwrap_or("");
                    let ahead = before[..before.len() - prev_word.len()].trim_end();
                    let sentence_start = ahead.is_empty() || ahead.ends_with(['.', '?', '!', '\n', '“', '"']);
                    let alone = before.ends_with([',', '(', ':', ';', '“', '"', '‘'])
                        || !prev_word.chars().next().is_some_and(char::is_uppercase)
                        || is_title(prev_word)
                        || sentence_start;
                    if alone {
                        self.add_spelling(*i, &spelling);
                    }
                }
            }
        }
        self.rebuild();
    }
}

/// A slug for an id: lower-case letters and digits joined by single hyphens.
pub fn slug(text: &str) -> String {
    let folded = fold::fold(text);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() && c != '\'' {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_owned()
}

/// Titles that stand before a person's name.
const TITLES: [&str; 34] = [
    "president", "minister", "envoy", "editor-in-chief", "editor", "secretary", "spokesman", "spokeswoman",
    "spokesperson", "chancellor", "king", "prince", "ambassador", "general", "gen.", "mr", "mr.", "mrs", "mrs.", "ms",
    "ms.", "dr", "dr.", "sheikh", "emir", "commander", "senator", "governor", "mayor", "director", "chairman", "leader",
    "premier", "counterpart",
];

pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word.to_lowercase().trim_end_matches(','))
}

/// A run of capitalised words (with name particles inside) in `text`: byte ranges.
/// Punctuation after a word ends its run.
pub fn capitalised_runs(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut held: Option<usize> = None; // a particle waiting for a capitalised word
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += piece.len();
        let word = piece.trim_end();
        let core = word.trim_start_matches(['(', '"', '“', '‘', '\'']);
        let begin = start + (word.len() - core.len());
        let trimmed = core.trim_end_matches(|c: char| !c.is_alphanumeric());
        let end = begin + trimmed.len();
        let punctuated = trimmed.len() < core.len();
        let opened = begin > start;
        let capital = trimmed.chars().next().is_some_and(char::is_uppercase);
        let joined_particle = trimmed.split_once('-').is_some_and(|(p, rest)| {
            super::paragraphs::is_particle(p) && rest.chars().next().is_some_and(char::is_uppercase)
        });
        if capital || joined_particle {
            run = Some(match run.take() {
                Some(r) if !opened => r.start..end,
                Some(r) => {
                    out.push(r);
                    begin..end
                }
                None => held.unwrap_or(begin)..end,
            });
            held = None;
        } else if super::paragraphs::is_particle(trimmed) && !punctuated && run.is_some() {
            // "bin" in "Mohammed bin Salman": kept only if a capitalised word follows.
            if let Some(r) = run.take() {
                out.push(r.clone());
                held = Some(r.start);
            }
            continue;
        } else {
            held = None;
            if let Some(r) = run.take() {
                out.push(r);
            }
        }
        if punctuated {
            if let Some(r) = run.take() {
                out.push(r);
            }
        }
    }
    out.extend(run);
    // A run pushed before a particle and then continued appears twice: keep the longer.
    out.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    out.dedup_by(|later, earlier| later.start == earlier.start);
    out
}

/// A kind for a new actor's name: media and organisations by the words they use.
pub fn guess_kind(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|w| lower.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w));
    if has(&["agency", "news", "press", "presse", "times", "post", "television", "tv", "radio", "journal", "magazine", "majalla", "reuters", "afp", "ap", "bbc", "cnn"]) {
        "media"
    } else if has(&["ministry", "council", "government", "party", "army", "forces", "organization", "organisation", "committee", "union", "nations", "office", "house", "kremlin", "front", "brigade"]) {
        "organization"
    } else if !lower.contains(' ') && ["ans", "ese", "ites", "is", "ards", "ens"].iter().any(|end| lower.ends_with(end)) {
        // A people: "Russians", "Syrians", "Lebanese", "Israelis".
        "group"
    } else {
        "person"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entity(id: &str, name: &str, aliases: &[&str]) -> RawEntity {
        RawEntity { id: id.into(), name: name.into(), kind: "person".into(), aliases: aliases.iter().map(|s| s.to_string()).collect(), description: "x".into(), draft: None }
    }

    #[test]
    fn finds_every_spelling_folded_and_longest_first() {
        let names = Names::new(&[entity("shaibani", "Asaad al-Shaibani", &["Shaibani", "al-Shaybani"])], &[entity("turkey", "Turkey", &["Türkiye"])]);
        let text = "Asaad al-Shaibani met AL-SHAYBANI's aide in Turkiye; Shaibani left. Shaibanis no.";
        let found: Vec<(&str, usize)> = names.find(text).iter().map(|m| (&text[m.range.clone()], m.entity)).collect();
        assert_eq!(found, vec![("Asaad al-Shaibani", 0), ("SHAYBANI's", 0), ("Turkiye", 1), ("Shaibani", 0)]);
    }

    #[test]
    fn acronyms_match_only_in_capitals_and_kinds_keep_apart() {
        let mut us = entity("united-states", "United States", &["US"]);
        us.kind = "state".into();
        let names = Names::new(&[us, entity("syria", "Syria", &[])], &[entity("syria", "Syria", &[])]);
        let text = "He told us the US and Syria agreed.";
        let found: Vec<(&str, bool)> = names.find(text).iter().map(|m| (&text[m.range.clone()], names.entities[m.entity].is_place)).collect();
        assert_eq!(found, vec![("US", false), ("Syria", false), ("Syria", true)]);
        assert_eq!(names.find_actors(text).len(), 2);
    }

    #[test]
    fn a_shared_spelling_matches_no_one() {
        let names = Names::new(&[entity("a", "Ali Hassan", &["Hassan"]), entity("b", "Omar Hassan", &["Hassan"])], &[]);
        let text = "Hassan spoke; Ali Hassan listened.";
        let found: Vec<&str> = names.find(text).iter().map(|m| &text[m.range.clone()]).collect();
        assert_eq!(found, vec!["Ali Hassan"]);
    }

    #[test]
    fn proposed_people_merge_by_first_and_last_name_and_gain_surnames() {
        let mut names = Names::new(&[], &[]);
        let a = names.propose("Asaad al-Shaibani", "person", false, "title", &|_| false);
        let b = names.propose("Asaad Hassan al-Shaibani", "person", false, "title", &|_| false);
        assert_eq!(a, b);
        names.add_surnames("Later al-Shaibani said so, and Shaibani agreed.");
        let e = &names.entities[a];
        assert_eq!(e.id, "asaad-al-shaibani");
        assert!(e.aliases.contains(&"al-Shaibani".to_owned()) && e.aliases.contains(&"Shaibani".to_owned()), "{:?}", e.aliases);
    }

    #[test]
    fn capitalised_runs_keep_particles_and_stop_at_punctuation() {
        let t = "Syrian Foreign Minister Asaad al-Shaibani met Russian President Vladimir Putin, and Hay’at Tahrir al-Sham.";
        let runs: Vec<&str> = capitalised_runs(t).into_iter().map(|r| &t[r]).collect();
        assert_eq!(runs, vec!["Syrian Foreign Minister Asaad al-Shaibani", "Russian President Vladimir Putin", "Hay’at Tahrir al-Sham"]);
    }
}
