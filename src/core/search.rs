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
//! - a name or alias of an actor or place (any spelling, Arabic script) matches quotes
//!   that name it in any of its forms or were said by it, and the hit says why;
//! - results carry byte ranges to highlight in the quote text, never markup.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use std::ops::Range;

use crate::core::fold::{tokens, word_spans};
use crate::core::model::{ActorId, Corpus, Quote};
use crate::core::route::{QuoteQuery, QuoteSort};

type TokenId = u32;

/// Where a word stands: quote index and word position in that quote.
#[derive(Clone, Copy, Debug)]
struct Posting {
    quote: u32,
    word: u32,
}

/// A named thing the query may refer to by any of its names.
#[derive(Clone, Debug)]
struct Entity {
    name: String,
    /// The actor, when the entity is one (its quotes match too).
    actor: Option<ActorId>,
    /// Each name form as written and as folded tokens.
    forms: Vec<(String, Vec<String>)>,
}

/// Search structures for every quote of a corpus, in corpus order.
#[derive(Clone, Debug)]
pub struct QuoteIndex {
    /// Sorted, unique folded words of all quote texts and speaker names.
    vocabulary: Vec<String>,
    /// For each vocabulary word, where it stands in quote texts.
    postings: Vec<Vec<Posting>>,
    /// For each vocabulary word, the quotes whose speaker's names contain it.
    speaker_postings: Vec<Vec<u32>>,
    /// For each quote, its words: byte range in the text and vocabulary id.
    words: Vec<Vec<(Range<usize>, TokenId)>>,
    entities: Vec<Entity>,
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

/// A term of a parsed query.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Term {
    Word { word: String, prefix: bool },
    Phrase { words: Vec<String>, prefix: bool },
    /// A run of query words that is a name form of entity `entity`.
    Entity { entity: usize, typed: String },
}

/// The words of a query and its phrases, folded. A phrase left open while typing
/// (`"48 hou`) matches its last word as a prefix.
fn parse_terms(q: &str) -> Vec<Term> {
    let typing = !q.ends_with(|c: char| c.is_whitespace() || c == '"' || c == '“' || c == '”');
    let mut terms = Vec::new();
    let normalized = q.replace(['“', '”', '„'], "\"");
    let pieces: Vec<&str> = normalized.split('"').collect();
    let last_piece = pieces.len() - 1;
    for (i, piece) in pieces.iter().enumerate() {
        let words = tokens(piece);
        if words.is_empty() {
            continue;
        }
        let prefix = typing && i == last_piece;
        if i % 2 == 1 {
            terms.push(Term::Phrase { words, prefix });
        } else {
            let n = words.len();
            terms.extend(words.into_iter().enumerate().map(|(j, word)| Term::Word { word, prefix: prefix && j + 1 == n }));
        }
    }
    terms
}

/// Optimal-string-alignment distance (a swap of neighbours is one edit), if at most `max`.
fn within(a: &str, b: &str, max: usize) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    la.abs_diff(lb) <= max && strsim::osa_distance(a, b) <= max
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
        let spans: Vec<Vec<(Range<usize>, String)>> = corpus.quotes.iter().map(|q| word_spans(&q.text)).collect();
        let speaker_words: Vec<Vec<String>> = corpus
            .quotes
            .iter()
            .map(|q| {
                corpus
                    .actor(&q.speaker)
                    .map(|a| std::iter::once(&a.name).chain(&a.aliases).flat_map(|n| tokens(n)).collect())
                    .unwrap_or_default()
            })
            .collect();
        let mut vocabulary: Vec<String> =
            spans.iter().flatten().map(|(_, t)| t.clone()).chain(speaker_words.iter().flatten().cloned()).collect();
        vocabulary.sort();
        vocabulary.dedup();
        let id_of: HashMap<&str, TokenId> = vocabulary.iter().enumerate().map(|(i, t)| (t.as_str(), i as TokenId)).collect();
        let mut postings = vec![Vec::new(); vocabulary.len()];
        let mut speaker_postings = vec![Vec::new(); vocabulary.len()];
        let mut words = Vec::with_capacity(spans.len());
        for (q, quote_spans) in spans.into_iter().enumerate() {
            let mut quote_words = Vec::with_capacity(quote_spans.len());
            for (w, (range, token)) in quote_spans.into_iter().enumerate() {
                let id = id_of[token.as_str()];
                postings[id as usize].push(Posting { quote: q as u32, word: w as u32 });
                quote_words.push((range, id));
            }
            words.push(quote_words);
            for token in &speaker_words[q] {
                let list: &mut Vec<u32> = &mut speaker_postings[id_of[token.as_str()] as usize];
                if list.last() != Some(&(q as u32)) {
                    list.push(q as u32);
                }
            }
        }
        let forms = |name: &str, aliases: &[String]| -> Vec<(String, Vec<String>)> {
            std::iter::once(name)
                .chain(aliases.iter().map(String::as_str))
                .map(|f| (f.to_owned(), tokens(f)))
                .filter(|(_, t)| !t.is_empty())
                .collect()
        };
        let entities = corpus
            .actors
            .iter()
            .map(|a| Entity { name: a.name.clone(), actor: Some(a.id.clone()), forms: forms(&a.name, &a.aliases) })
            .chain(corpus.places.iter().map(|p| Entity { name: p.name.clone(), actor: None, forms: forms(&p.name, &p.aliases) }))
            .collect();
        QuoteIndex { vocabulary, postings, speaker_postings, words, entities }
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
            let start = self.vocabulary.partition_point(|t| t.as_str() < word);
            for (i, t) in self.vocabulary[start..].iter().enumerate() {
                if !t.starts_with(word) {
                    break;
                }
                if t != word {
                    out.push(((start + i) as TokenId, Strength::Prefix));
                }
            }
        }
        let max = tolerance(word);
        if max > 0 {
            for (i, t) in self.vocabulary.iter().enumerate() {
                if t != word && !(prefix && t.starts_with(word)) && within(word, t, max) {
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

    /// Where a sequence of words stands in the quote texts: quote, range of the run.
    fn phrase_hits(&self, words: &[String], prefix: bool) -> Vec<(u32, Range<usize>)> {
        let Some((first, rest)) = words.split_first() else { return Vec::new() };
        let mut out = Vec::new();
        let firsts: Vec<TokenId> = if rest.is_empty() && prefix {
            self.expand(first, true).into_iter().filter(|(_, s)| *s != Strength::Fuzzy).map(|(id, _)| id).collect()
        } else {
            self.token_id(first).into_iter().collect()
        };
        for id in firsts {
            for p in &self.postings[id as usize] {
                let quote_words = &self.words[p.quote as usize];
                let start = p.word as usize;
                let Some(run) = quote_words.get(start..start + words.len()) else { continue };
                let matches = run.iter().zip(words).enumerate().all(|(k, ((_, id), w))| {
                    let t = &self.vocabulary[*id as usize];
                    t == w || (prefix && k + 1 == words.len() && t.starts_with(w.as_str()))
                });
                if matches {
                    out.push((p.quote, run[0].0.start..run[run.len() - 1].0.end));
                }
            }
        }
        out
    }

    /// The quotes matching `query`, ranked (or ordered as `query.sort` asks).
    pub fn search(&self, corpus: &Corpus, query: &QuoteQuery) -> Vec<Hit> {
        let terms = self.find_entities(parse_terms(&query.q));
        // Without filters every quote is allowed; checking 100,000 of them would cost more
        // than the search.
        let filtered = !query.speakers.is_empty() || query.doc.is_some() || query.kind.is_some();
        let allowed = |i: usize| !filtered || passes_filters(&corpus.quotes[i], query);
        // Per quote: (score, fuzzy terms, highlights, reasons, terms matched). Order does
        // not matter: hits are sorted by a total order at the end.
        let mut acc: FxHashMap<u32, (u32, usize, Vec<Range<usize>>, Vec<String>, usize)> = FxHashMap::default();
        if terms.is_empty() {
            return (0..corpus.quotes.len())
                .filter(|&i| allowed(i))
                .map(|i| Hit { quote: i, score: 0, fuzzy_terms: 0, highlights: Vec::new(), reasons: Vec::new() })
                .collect::<Vec<_>>()
                .sorted_for(corpus, query.sort);
        }
        for (t, term) in terms.iter().enumerate() {
            // Per quote: best strength for this term, ranges, a reason, and whether some
            // match needed no explaining (then the reason is dropped as noise).
            let expanded = match term {
                Term::Word { word, prefix } => self.expand(word, *prefix),
                _ => Vec::new(),
            };
            // Sized once: growing a map of 30,000 quotes step by step costs more than filling it.
            let capacity = expanded.iter().map(|(id, _)| self.postings[*id as usize].len()).sum();
            let mut found: FxHashMap<u32, (Strength, Vec<Range<usize>>, Option<String>, bool)> =
                FxHashMap::with_capacity_and_hasher(capacity, Default::default());
            let mut note = |q: u32, s: Strength, range: Option<Range<usize>>, reason: Option<String>| {
                let entry = found.entry(q).or_insert((s, Vec::new(), None, false));
                entry.0 = entry.0.max(s);
                entry.1.extend(range);
                match reason {
                    None => entry.3 = true,
                    Some(r) if entry.2.is_none() => entry.2 = Some(r),
                    Some(_) => {}
                }
            };
            match term {
                Term::Word { word, .. } => {
                    for &(id, strength) in &expanded {
                        let token = &self.vocabulary[id as usize];
                        let reason = (strength == Strength::Fuzzy).then(|| format!("“{word}” read as “{token}”"));
                        for p in &self.postings[id as usize] {
                            let range = self.words[p.quote as usize][p.word as usize].0.clone();
                            note(p.quote, strength, Some(range), reason.clone());
                        }
                        // A misspelt name still finds what that person said, saying how it was read.
                        let speaker_reason = (strength == Strength::Fuzzy).then(|| format!("speaker’s name “{token}” read from “{word}”"));
                        for &q in &self.speaker_postings[id as usize] {
                            note(q, strength.min(Strength::Speaker), None, speaker_reason.clone());
                        }
                    }
                }
                Term::Phrase { words, prefix } => {
                    for (q, range) in self.phrase_hits(words, *prefix) {
                        note(q, Strength::Phrase, Some(range), None);
                    }
                }
                Term::Entity { entity, typed } => {
                    let entity = &self.entities[*entity];
                    let typed_tokens = tokens(typed);
                    let alias_note = (typed != &entity.name).then(|| format!(" (alias {typed})")).unwrap_or_default();
                    for (_, form) in &entity.forms {
                        // Naming it as typed is a plain match; another of its names is explained.
                        let reason = (*form != typed_tokens).then(|| format!("matched {} via alias {typed}", entity.name));
                        for (q, range) in self.phrase_hits(form, false) {
                            note(q, Strength::Exact, Some(range), reason.clone());
                        }
                    }
                    if let Some(actor) = &entity.actor {
                        let reason = format!("said by {}{alias_note}", entity.name);
                        for (q, quote) in corpus.quotes.iter().enumerate() {
                            if &quote.speaker == actor {
                                note(q as u32, Strength::Speaker, None, Some(reason.clone()));
                            }
                        }
                    }
                }
            }
            let mut remaining = found.len();
            for (q, (strength, ranges, reason, plain)) in found {
                let reason = if plain { None } else { reason };
                if !allowed(q as usize) {
                    continue;
                }
                let occurrences = ranges.len().clamp(1, 3) as u32;
                let score = strength.weight() * 10 + occurrences;
                let fuzzy = usize::from(strength == Strength::Fuzzy);
                if t == 0 {
                    acc.reserve(remaining);
                    remaining = 0;
                    acc.insert(q, (score, fuzzy, ranges, reason.into_iter().collect(), 1));
                    continue;
                }
                // A quote that missed an earlier term is out; one never seen is not added.
                let Some(entry) = acc.get_mut(&q) else { continue };
                if entry.4 != t {
                    continue;
                }
                entry.0 += score;
                entry.1 += fuzzy;
                entry.2.extend(ranges);
                entry.3.extend(reason);
                entry.4 += 1;
            }
        }
        let hits: Vec<Hit> = acc
            .into_iter()
            .filter(|(_, e)| e.4 == terms.len())
            .map(|(q, (score, fuzzy_terms, mut highlights, mut reasons, _))| {
                let merged = if highlights.len() < 2 {
                    highlights
                } else {
                    highlights.sort_unstable_by_key(|r| (r.start, std::cmp::Reverse(r.end)));
                    let mut merged: Vec<Range<usize>> = Vec::with_capacity(highlights.len());
                    for r in highlights {
                        match merged.last_mut() {
                            Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                            _ => merged.push(r),
                        }
                    }
                    merged
                };
                reasons.dedup();
                // Shorter quotes with the same matches rank higher: the match is more of the quote.
                let length = self.words[q as usize].len() as u32;
                Hit { quote: q as usize, score: score * 100 / (10 + length / 8), fuzzy_terms, highlights: merged, reasons }
            })
            .collect();
        hits.sorted_for(corpus, query.sort)
    }

    /// What to offer when a query finds nothing: the query with each unknown word replaced
    /// by the closest word of the corpus (within two edits), if that finds something under
    /// the same filters.
    pub fn suggest(&self, corpus: &Corpus, query: &QuoteQuery) -> Option<String> {
        let better = self.respell(&query.q)?;
        let found = !self.search(corpus, &QuoteQuery { q: better.clone(), ..query.clone() }).is_empty();
        found.then_some(better)
    }

    /// The query with each word not in the corpus replaced by the closest one within two
    /// edits, if any word changed.
    fn respell(&self, q: &str) -> Option<String> {
        let mut changed = false;
        let words: Vec<String> = tokens(q)
            .into_iter()
            .map(|word| {
                let length = word.chars().count();
                if self.token_id(&word).is_some() || length < 3 {
                    return word;
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
                match best {
                    Some((_, t)) => {
                        changed = true;
                        t.clone()
                    }
                    None => word,
                }
            })
            .collect();
        changed.then(|| words.join(" "))
    }
}

trait SortedFor {
    fn sorted_for(self, corpus: &Corpus, sort: QuoteSort) -> Self;
}

impl SortedFor for Vec<Hit> {
    fn sorted_for(self, corpus: &Corpus, sort: QuoteSort) -> Vec<Hit> {
        // Small keys are sorted and the hits gathered after: moving tens of thousands of
        // hits (with their highlight lists) through a sort costs more than the search.
        // The quote number breaks ties, so the order is total and an unstable sort is exact.
        let order: Vec<usize> = match sort {
            QuoteSort::Date => {
                let mut keys: Vec<_> = self
                    .iter()
                    .enumerate()
                    .map(|(i, h)| {
                        let said_on = corpus.quotes[h.quote].said_on.as_ref();
                        ((said_on.is_none(), said_on.map(|d| d.first_day()), h.quote), i)
                    })
                    .collect();
                keys.sort_unstable();
                keys.into_iter().map(|(_, i)| i).collect()
            }
            // Typo matches never outrank exact ones: fewer fuzzy terms first, then score.
            QuoteSort::Auto => {
                let mut keys: Vec<_> =
                    self.iter().enumerate().map(|(i, h)| ((h.fuzzy_terms, std::cmp::Reverse(h.score), h.quote), i)).collect();
                keys.sort_unstable();
                keys.into_iter().map(|(_, i)| i).collect()
            }
        };
        let mut slots: Vec<Option<Hit>> = self.into_iter().map(Some).collect();
        order.into_iter().filter_map(|i| slots[i].take()).collect()
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
        let word = |w: &str, prefix| Term::Word { word: w.into(), prefix };
        assert_eq!(parse_terms("russian air"), [word("russian", false), word("air", true)]);
        assert_eq!(parse_terms("russian air "), [word("russian", false), word("air", false)]);
        assert_eq!(
            parse_terms("“48 hours” damascus"),
            [Term::Phrase { words: vec!["48".into(), "hours".into()], prefix: false }, word("damascus", true)]
        );
        assert_eq!(parse_terms("\"48 hou"), [Term::Phrase { words: vec!["48".into(), "hou".into()], prefix: true }]);
        assert!(parse_terms("\"\" ... ").is_empty());
    }

    #[test]
    fn typo_tolerance_grows_with_word_length() {
        assert!(within("lavorv", "lavrov", 1), "a swap of neighbours is one edit");
        assert!(!within("lavorv", "lavrov", 0));
        assert_eq!((tolerance("idlib"), tolerance("aleppo"), tolerance("negotiations"), tolerance("hama")), (1, 1, 2, 0));
    }
}
