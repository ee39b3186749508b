//! Folding text for matching: case, diacritics, apostrophes, hyphens, Arabic articles.
//!
//! Search compares folded tokens, so "Türkiye" matches "turkiye", "naïveté" matches
//! "naivete", "Hay’at" matches "Hay'at", and "al-Sharaa" matches "Sharaa". The same
//! function folds the corpus and the query, which is what keeps them comparable.

use std::ops::Range;

mod tables {
    include!(concat!(env!("OUT_DIR"), "/fold_tables.rs"));
}

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
    let mut stripped = String::with_capacity(text.len());
    for c in text.chars() {
        push_stripped(c, &mut stripped);
    }
    stripped
        .chars()
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

/// Whether `c` is a combining mark (a diacritic, an Arabic vowel mark, …): Unicode's
/// general category M.
pub fn is_combining_mark(c: char) -> bool {
    let c = c as u32;
    tables::MARKS
        .binary_search_by(|&(start, end)| {
            if end < c {
                std::cmp::Ordering::Less
            } else if start > c {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Pushes `c`'s canonical decomposition (Unicode NFD) without its combining marks: é → e,
/// أ → ا, a Hangul syllable → its jamo, a mark → nothing. Folding a text char by char
/// this way is folding its NFD, since only the marks' order differs there.
fn push_stripped(c: char, out: &mut String) {
    let code = c as u32;
    if (0xAC00..=0xD7A3).contains(&code) {
        // Hangul syllables decompose by arithmetic (Unicode 3.12).
        let s = code - 0xAC00;
        let trailing = (!s.is_multiple_of(28)).then_some(0x11A7 + s % 28);
        for jamo in [Some(0x1100 + s / 588), Some(0x1161 + (s % 588) / 28), trailing].into_iter().flatten() {
            out.extend(char::from_u32(jamo));
        }
    } else if let Ok(at) = tables::BASES.binary_search_by_key(&code, |&(from, _)| from) {
        out.push(char::from_u32(tables::BASES[at].1).unwrap_or(c));
    } else if let Ok(at) = tables::LONGER.binary_search_by_key(&code, |&(from, _)| from) {
        out.push_str(tables::LONGER[at].1);
    } else if !is_combining_mark(c) {
        out.push(c);
    }
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

    /// The build's tables against unicode-normalization itself, on every character:
    /// stripping a character's marks is its NFD without the marks, and the marks are
    /// the crate's.
    #[test]
    fn tables_agree_with_unicode_normalization_everywhere() {
        use unicode_normalization::UnicodeNormalization;
        for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
            assert_eq!(is_combining_mark(c), unicode_normalization::char::is_combining_mark(c), "{c:?}");
            let want: String = std::iter::once(c).collect::<String>().nfd().filter(|&d| !is_combining_mark(d)).collect();
            let mut got = String::new();
            push_stripped(c, &mut got);
            assert_eq!(got, want, "{c:?} (U+{:04X})", c as u32);
        }
        // And a text as a whole: NFD reorders marks, which folding drops anyway.
        let text = "Ça̋ ṩ Ǻ 가각 Ω e\u{301}\u{323} أحمد";
        let nfd: String = text.nfd().filter(|&d| !is_combining_mark(d)).collect();
        let mut got = String::new();
        text.chars().for_each(|c| push_stripped(c, &mut got));
        assert_eq!(got, nfd);
    }

    #[test]
    fn punctuation_and_symbols_are_separators() {
        check("<script>alert(1)</script>", &["script", "alert", "1", "script"]);
        check(".*+?^${}()|[]\\", &[]);
        check("", &[]);
    }
}
