//! The simple path of quote search, kept as the oracle of the fast one: one hash map per
//! term, every hit with its highlights and reasons, then a sort. It is what
//! [`QuoteIndex::search`] computed before ranking and explaining were split; the property
//! tests (`tests/it/props.rs`) check that both agree exactly on random queries, filters
//! and sorts, over the bundled corpus and a synthetic one. Not used by the app.

use std::cell::RefCell;
use std::ops::Range;

use rustc_hash::FxHashMap;

use super::{alias_reason, merge, passes_filters, Hit, QuoteIndex, Strength, Term};
use crate::core::fold::{tokens, word_ranges};
use crate::core::model::Corpus;
use crate::core::route::{QuoteQuery, QuoteSort};

/// Per quote, across terms: score, fuzzy terms, highlights, reasons, terms matched.
type Accumulated = (u32, usize, Vec<Range<usize>>, Vec<String>, usize);

/// Per quote, for one term: best strength, ranges, a reason, and whether some match
/// needed no explaining.
type TermMatch = (Strength, Vec<Range<usize>>, Option<String>, bool);

impl QuoteIndex {
    /// The quotes matching `query`, ranked (or ordered as `query.sort` asks), the simple way.
    #[doc(hidden)]
    pub fn search_reference(&self, corpus: &Corpus, query: &QuoteQuery) -> Vec<Hit> {
        let (terms, left) = self.query_terms(&query.q);
        // Every quote's words as vocabulary ids, read from its text: phrases are found here
        // by trying every start of every quote, not from the postings as the fast path does.
        let all_words: Vec<Vec<u32>> = corpus.quotes.iter().map(|quote| self.read_text(&quote.text).1).collect();
        let phrase_hits = |words: &[String], prefix: bool| -> Vec<(u32, u32)> {
            let mut out = Vec::new();
            for (q, ids) in all_words.iter().enumerate() {
                out.extend((0..ids.len()).filter(|&start| self.phrase_in(ids, start, words, prefix)).map(|start| (q as u32, start as u32)));
            }
            out
        };
        // Where the words of a quote stand in its text, worked out from the text once per
        // quote met (the fast path does it only for the hits it explains).
        let spans: RefCell<FxHashMap<u32, Vec<Range<usize>>>> = RefCell::default();
        let run = |q: u32, start: u32, len: usize| {
            let mut spans = spans.borrow_mut();
            let words = spans.entry(q).or_insert_with(|| corpus.quotes.get(q as usize).map_or_else(Vec::new, |quote| self.read_text(&quote.text).0));
            words[start as usize].start..words[start as usize + len - 1].end
        };
        // Without filters every quote is allowed; checking 100,000 of them would cost more
        // than the search.
        let filtered = !query.speakers.is_empty() || query.doc.is_some() || query.kind.is_some();
        // What the query leaves out, found by reading every quote: a word, whole (in the
        // text, or naming the speaker); a phrase; a name in any of its forms, or its speaker.
        let left_out: Vec<bool> = (0..corpus.quotes.len())
            .map(|q| {
                let ids = &all_words[q];
                let speaker = &corpus.quotes[q].speaker;
                let said_by = |entity: &super::Entity| entity.actor.as_ref() == Some(speaker);
                left.iter().any(|term| match term {
                    Term::Word { word, .. } => self.token_id(word).is_some_and(|id| {
                        ids.contains(&id) || self.entities.iter().any(|e| e.name_tokens.binary_search(&id).is_ok() && said_by(e))
                    }),
                    Term::Phrase { words, .. } => (0..ids.len()).any(|start| self.phrase_in(ids, start, words, false)),
                    Term::Entity { entity, .. } => {
                        let entity = &self.entities[*entity];
                        said_by(entity) || entity.forms.iter().any(|(_, form)| (0..ids.len()).any(|start| self.phrase_in(ids, start, form, false)))
                    }
                })
            })
            .collect();
        let allowed = |i: usize| (!filtered || passes_filters(&corpus.quotes[i], query)) && !left_out[i];
        // Per quote: (score, fuzzy terms, highlights, reasons, terms matched). Order does
        // not matter: hits are sorted by a total order at the end.
        let mut acc: FxHashMap<u32, Accumulated> = FxHashMap::default();
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
            let mut found: FxHashMap<u32, TermMatch> =
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
                            let range = run(p.quote, p.word, 1);
                            note(p.quote, strength, Some(range), reason.clone());
                        }
                        // A misspelt name still finds what that person said, saying how it was read.
                        let speaker_reason = (strength == Strength::Fuzzy).then(|| format!("speaker’s name “{token}” read from “{word}”"));
                        // Every entity whose names hold the word, found by a scan (not through
                        // the index's table of them).
                        for entity in self.entities.iter().filter(|e| e.name_tokens.binary_search(&id).is_ok()) {
                            for &q in &entity.quotes {
                                note(q, strength.min(Strength::Speaker), None, speaker_reason.clone());
                            }
                        }
                    }
                }
                Term::Phrase { words, prefix } => {
                    for (q, start) in phrase_hits(words, *prefix) {
                        note(q, Strength::Phrase, Some(run(q, start, words.len())), None);
                    }
                }
                Term::Entity { entity, typed } => {
                    let entity = &self.entities[*entity];
                    let typed_tokens = tokens(typed);
                    let alias_note = if typed != &entity.name { format!(" (alias {typed})") } else { String::new() };
                    for (written, form) in &entity.forms {
                        // Naming it as typed is a plain match; another of its names is explained.
                        let reason = (*form != typed_tokens).then(|| alias_reason(&entity.name, typed, written));
                        for (q, start) in phrase_hits(form, false) {
                            note(q, Strength::Exact, Some(run(q, start, form.len())), reason.clone());
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
            .map(|(q, (score, fuzzy_terms, highlights, mut reasons, _))| {
                let merged = merge(highlights);
                reasons.dedup();
                // Shorter quotes with the same matches rank higher: the match is more of the quote.
                let length = word_ranges(&corpus.quotes[q as usize].text).len() as u32;
                Hit { quote: q as usize, score: score * 100 / (10 + length / 8), fuzzy_terms, highlights: merged, reasons }
            })
            .collect();
        hits.sorted_for(corpus, query.sort)
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

