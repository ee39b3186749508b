//! Folding text for matching: case, diacritics, apostrophes, hyphens, Arabic articles.
//!
//! Search compares folded tokens, so "Türkiye" matches "turkiye", "naïveté" matches
//! "naivete", "Hay’at" matches "Hay'at", and "al-Sharaa" matches "Sharaa". The same
//! function folds the corpus and the query, which is what keeps them comparable.

use std::ops::Range;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Lower-cases and strips diacritics (including Arabic vowel marks and hamza seats),
/// and unifies a few letters that writers use interchangeably.
pub fn fold(text: &str) -> String {
    // Most words are ASCII, where decomposition changes nothing: folding them is lower-
    // casing (and one apostrophe form), several times faster.
    if text.is_ascii() {
        return text.bytes().map(|b| if b == b'`' { '\'' } else { char::from(b.to_ascii_lowercase()) }).collect();
    }
    fold_any(text)
}

/// [`fold`] for any text, the ASCII shortcut aside.
fn fold_any(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´' => '\'',
            '“' | '”' | '„' | '«' | '»' => '"',
            'ı' => 'i',
            'ø' => 'o',
            'ł' => 'l',
            'đ' => 'd',
            // Arabic: ta marbuta and alef maksura are often written as ha and ya.
            'ة' => 'ه',
            'ى' => 'ي',
            _ => c,
        })
        .collect()
}

/// The word tokens of a text, folded, in order. Hyphens and punctuation split words;
/// apostrophes join them ("hay'at" → "hayat") except a possessive "'s", which is dropped;
/// the Arabic article is dropped ("al-Sharaa" → "sharaa", "الشرع" → "شرع").
pub fn tokens(text: &str) -> Vec<String> {
    word_spans(text).into_iter().map(|(_, token)| token).collect()
}

/// Like [`tokens`], with the byte range of each word in the original text, so matches
/// can be highlighted in the text as written.
pub fn word_spans(text: &str) -> Vec<(Range<usize>, String)> {
    candidate_words(text).filter_map(|range| Some((range.clone(), fold_word(&text[range])?))).collect()
}

/// The byte ranges of [`word_spans`] without the folded words: what highlighting needs,
/// without a string per word. Most words are plain ASCII words, kept without folding.
pub fn word_ranges(text: &str) -> Vec<Range<usize>> {
    candidate_words(text)
        .filter(|range| {
            let word = &text[range.clone()];
            let plain = word.bytes().all(|b| b.is_ascii_alphanumeric());
            // A plain word folds to itself lower-cased: dropped only if it is an article.
            if plain {
                !word.eq_ignore_ascii_case("al") && !word.eq_ignore_ascii_case("el")
            } else {
                fold_word(word).is_some()
            }
        })
        .collect()
}

/// The runs of word characters in `text`, each a word unless folding leaves nothing of it.
fn candidate_words(text: &str) -> impl Iterator<Item = Range<usize>> + '_ {
    let is_word = |c: char| c.is_alphanumeric() || is_apostrophe(c) || is_combining_mark(c);
    let mut start = None;
    text.char_indices().chain(std::iter::once((text.len(), ' '))).filter_map(move |(i, c)| match (start, is_word(c)) {
        (None, true) => {
            start = Some(i);
            None
        }
        (Some(s), false) => {
            start = None;
            Some(s..i)
        }
        _ => None,
    })
}

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ' | 'ʻ' | '`' | '´')
}

fn fold_word(word: &str) -> Option<String> {
    let folded = fold(word);
    let word = folded.trim_matches('\'');
    let word = word.strip_suffix("'s").unwrap_or(word);
    let word: String = word.chars().filter(|&c| c != '\'').collect();
    if word.is_empty() || word == "al" || word == "el" {
        return None;
    }
    Some(match word.strip_prefix("ال") {
        Some(rest) if rest.chars().count() >= 2 => rest.to_owned(),
        _ => word,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, want: &[&str]) {
        assert_eq!(tokens(text), want, "tokens of {text:?}");
    }

    #[test]
    fn ascii_shortcut_folds_as_the_general_path() {
        let ascii: String = (0..=127u8).map(char::from).collect();
        assert_eq!(fold(&ascii), fold_any(&ascii));
        assert_eq!(fold("Hay`at AL-Sham"), "hay'at al-sham");
    }

    #[test]
    fn folds_case_and_diacritics() {
        check("Türkiye", &["turkiye"]);
        check("naïveté", &["naivete"]);
        check("Zhumatov/Pool", &["zhumatov", "pool"]);
    }

    #[test]
    fn apostrophes_join_and_possessives_drop() {
        check("Hay’at Tahrir al-Sham", &["hayat", "tahrir", "sham"]);
        check("Syria’s unity", &["syria", "unity"]);
        check("Syria's unity", &["syria", "unity"]);
        check("I’m", &["im"]);
    }

    #[test]
    fn arabic_articles_and_marks_fold() {
        check("al-Sharaa El-Sharaa Al Majalla", &["sharaa", "sharaa", "majalla"]);
        check("أحمد الشرع", &["احمد", "شرع"]);
        check("حماة", &["حماه"]);
    }

    #[test]
    fn spans_point_at_the_words_as_written() {
        let text = "Türkiye’s al-Sharaa";
        let spans = word_spans(text);
        let words: Vec<&str> = spans.iter().map(|(r, _)| &text[r.clone()]).collect();
        assert_eq!(words, ["Türkiye’s", "Sharaa"]);
    }

    #[test]
    fn word_ranges_are_those_of_word_spans() {
        let files = crate::core::load::CorpusFiles::bundled();
        let tricky = "al El AL-Sharaa el's ' '' 's x's Al’ 'al' ALx حماة الشرع ال Türkiye’s naïve 12 ١٢ e\u{301}";
        let texts = [files.documents.as_str(), files.quotes.as_str(), files.events.as_str(), tricky];
        for text in texts {
            let want: Vec<Range<usize>> = word_spans(text).into_iter().map(|(r, _)| r).collect();
            assert_eq!(word_ranges(text), want);
        }
    }

    #[test]
    fn punctuation_and_symbols_are_separators() {
        check("<script>alert(1)</script>", &["script", "alert", "1", "script"]);
        check(".*+?^${}()|[]\\", &[]);
        check("", &[]);
    }
}
