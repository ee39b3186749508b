//! Quote search: filters, folded word matching, ranking and highlight ranges.
//!
//! [`QuoteIndex`] is built once from a [`Corpus`] (tokens of every quote and of its
//! speaker's names); [`QuoteIndex::search`] answers a [`QuoteQuery`]. Every query word
//! must match (the last one as a prefix, for search-as-you-type); a word matches a quote
//! through its text or through its speaker's name and aliases. Results carry byte ranges
//! to highlight in the quote text, never markup.

use std::cmp::Reverse;
use std::ops::Range;

use crate::core::fold::{tokens, word_spans};
use crate::core::model::{Corpus, Quote};
use crate::core::route::{QuoteQuery, QuoteSort};

/// Searchable tokens of one quote.
#[derive(Clone, Debug)]
struct Entry {
    /// Folded words of the quote text with their byte ranges in the text.
    words: Vec<(Range<usize>, String)>,
    /// Folded words of the speaker's name and aliases.
    speaker_words: Vec<String>,
}

/// Search structures for every quote of a corpus, in corpus order.
#[derive(Clone, Debug)]
pub struct QuoteIndex {
    entries: Vec<Entry>,
}

/// One quote that matched, with what to highlight.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    /// Index into `corpus.quotes`.
    pub quote: usize,
    pub score: u32,
    /// Byte ranges of matched words in the quote text, sorted and disjoint.
    pub highlights: Vec<Range<usize>>,
    /// True when some query word matched only the speaker's name or an alias.
    pub matched_speaker: bool,
}

impl QuoteIndex {
    pub fn new(corpus: &Corpus) -> QuoteIndex {
        let entries = corpus
            .quotes
            .iter()
            .map(|quote| {
                let speaker_words = corpus
                    .actor(&quote.speaker)
                    .map(|a| std::iter::once(&a.name).chain(&a.aliases).flat_map(|n| tokens(n)).collect())
                    .unwrap_or_default();
                Entry { words: word_spans(&quote.text), speaker_words }
            })
            .collect();
        QuoteIndex { entries }
    }

    /// The quotes matching `query`, ranked (or ordered as `query.sort` asks).
    pub fn search(&self, corpus: &Corpus, query: &QuoteQuery) -> Vec<Hit> {
        let words = tokens(&query.q);
        let typing_last = !query.q.ends_with(char::is_whitespace);
        let mut hits: Vec<Hit> = corpus
            .quotes
            .iter()
            .zip(&self.entries)
            .enumerate()
            .filter(|(_, (quote, _))| passes_filters(quote, query))
            .filter_map(|(i, (_, entry))| match_entry(entry, &words, typing_last).map(|mut hit| {
                hit.quote = i;
                hit
            }))
            .collect();
        match query.sort {
            QuoteSort::Date => hits.sort_by_key(|h| {
                let said_on = corpus.quotes[h.quote].said_on.as_ref();
                (said_on.is_none(), said_on.map(|d| d.first_day()), h.quote)
            }),
            QuoteSort::Auto if !words.is_empty() => hits.sort_by_key(|h| (Reverse(h.score), h.quote)),
            QuoteSort::Auto => {}
        }
        hits
    }
}

fn passes_filters(quote: &Quote, query: &QuoteQuery) -> bool {
    (query.speakers.is_empty() || query.speakers.contains(&quote.speaker))
        && query.doc.as_ref().is_none_or(|d| d == &quote.document)
        && query.kind.is_none_or(|k| k == quote.kind)
}

fn match_entry(entry: &Entry, words: &[String], typing_last: bool) -> Option<Hit> {
    let mut score = 0;
    let mut highlights = Vec::new();
    let mut matched_speaker = false;
    for (i, word) in words.iter().enumerate() {
        let prefix = typing_last && i + 1 == words.len();
        let matches = |token: &String| token == word || (prefix && token.starts_with(word.as_str()));
        let before = highlights.len();
        for (range, token) in &entry.words {
            if matches(token) {
                highlights.push(range.clone());
                score += if token == word { 3 } else { 1 };
            }
        }
        let in_speaker = entry.speaker_words.iter().any(matches);
        if in_speaker {
            score += 2;
        }
        if highlights.len() == before && !in_speaker {
            return None;
        }
        matched_speaker |= highlights.len() == before;
    }
    highlights.sort_by_key(|r| r.start);
    highlights.dedup();
    // Shorter quotes with the same matches rank higher: the match is more of the quote.
    if !words.is_empty() {
        score = score * 100 / (10 + entry.words.len() as u32 / 10);
    }
    Some(Hit { quote: 0, score, highlights, matched_speaker })
}

/// Splits `text` into alternating plain and highlighted pieces, for rendering with
/// `<mark>` as text nodes (never as HTML).
pub fn highlight_pieces<'a>(text: &'a str, highlights: &[Range<usize>]) -> Vec<(&'a str, bool)> {
    let mut pieces = Vec::new();
    let mut at = 0;
    for range in highlights {
        if range.start < at || range.end > text.len() {
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
        assert_eq!(
            pieces,
            [("We had to neutralise ", false), ("Russian", true), (" air ", false), ("power", true)]
        );
        let joined: String = pieces.iter().map(|(s, _)| *s).collect();
        assert_eq!(joined, text);
    }
}
