//! A source text cut into paragraphs, each typed by rule, and into sentences.
//!
//! A paragraph is a non-blank line, so every paragraph is an exact piece of the source
//! whatever its line ends (`\n` or `\r\n`) or byte-order mark. Lines that stand together
//! without a blank line between them, in a text whose paragraphs are otherwise set apart
//! by blank lines, are a picture's caption and credit. Repeats and scraping debris are
//! flagged, never dropped.

use std::ops::Range;

use crate::core::model::ParagraphKind;

/// One drafted paragraph.
#[derive(Clone, Debug, PartialEq)]
pub struct Para {
    pub n: u32,
    /// Byte range in the source text.
    pub range: Range<usize>,
    pub kind: ParagraphKind,
    /// Why the curator should look at it (a repeat, debris), if anything.
    pub flag: Option<String>,
    /// The rule that typed it, for the draft's cue.
    pub cue: &'static str,
}

/// A line's place among its neighbours.
struct Line {
    range: Range<usize>,
    /// Index of its block (lines with no blank line between them).
    block: usize,
    /// Lines in its block.
    block_len: usize,
    first_in_block: bool,
}

fn lines(text: &str) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::new();
    let mut block = 0;
    let mut blank_before = true;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let start = offset;
        offset += raw.len();
        let mark = |c: char| c.is_whitespace() || c == '\u{feff}';
        let unmarked = raw.trim_start_matches(mark);
        let trimmed_start = raw.len() - unmarked.len();
        let content = unmarked.trim_end_matches(mark);
        if content.is_empty() {
            blank_before = true;
            continue;
        }
        if blank_before && !out.is_empty() {
            block += 1;
        }
        let begin = start + trimmed_start;
        out.push(Line { range: begin..begin + content.len(), block, block_len: 0, first_in_block: blank_before });
        blank_before = false;
    }
    let mut sizes = vec![0usize; out.last().map_or(0, |l| l.block + 1)];
    for l in &out {
        sizes[l.block] += 1;
    }
    for l in &mut out {
        l.block_len = sizes[l.block];
    }
    out
}

pub fn words(text: &str) -> usize {
    text.split_whitespace().count()
}

/// Ends like a sentence (or a quotation closing one).
pub fn ends_sentence(text: &str) -> bool {
    let t = text.trim_end_matches(['"', '”', '’', '\'', ')', ']']);
    t.ends_with(['.', '?', '!', '…', ':', ';'])
}

/// A line a scraper picked up from the page around the article.
fn debris(text: &str) -> Option<&'static str> {
    const JUNK: [&str; 14] = [
        "advertisement", "font change", "share this article", "read more", "subscribe", "sign up",
        "click here", "share", "print", "email", "related articles", "most read", "cookie", "loading",
    ];
    let lower = text.to_lowercase();
    let lower = lower.trim_end_matches(['.', ':']);
    if JUNK.contains(&lower) {
        return Some("a page control, not article text");
    }
    let first = text.chars().next()?;
    if first.is_lowercase() && words(text) <= 4 && !ends_sentence(text) {
        return Some("a short lower-case line with no sentence (page debris)");
    }
    None
}

/// A photo credit line: short, no sentence, names an agency or a photographer.
fn credit_like(text: &str) -> bool {
    words(text) <= 6 && !ends_sentence(text) && text.chars().next().is_some_and(|c| c.is_uppercase() || c == '(')
}

/// Whether a short line reads as a person's name with an optional title (a pull-quote's
/// attribution): every word capitalised or a name particle.
pub fn name_line(text: &str) -> bool {
    let ws: Vec<&str> = text.split_whitespace().collect();
    (2..=8).contains(&ws.len())
        && !ends_sentence(text)
        && ws.iter().all(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.chars().next().is_some_and(char::is_uppercase) || is_particle(w)
        })
}

/// Lower-case words inside names: al-Sharaa, bin Salman, de Mistura.
pub fn is_particle(word: &str) -> bool {
    let lower = word.to_lowercase();
    ["al", "el", "bin", "ibn", "bint", "abu", "de", "da", "di", "van", "von", "der", "du", "la", "le"].contains(&lower.as_str())
        || lower.starts_with("al-")
        || lower.starts_with("el-")
        || lower.starts_with("ad-")
        || lower.starts_with("as-")
}

/// Cuts and types the paragraphs of `text`. `interview` is whether the document is an
/// interview (questions and answers are then typed as such).
pub fn paragraphs(text: &str, interview: bool) -> Vec<Para> {
    let lines = lines(text);
    let spaced = lines.iter().filter(|l| l.block_len == 1).count() * 2 >= lines.len();
    let texts: Vec<&str> = lines.iter().map(|l| &text[l.range.clone()]).collect();
    let mut out: Vec<Para> = Vec::with_capacity(lines.len());
    let mut in_interview = false;
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, line) in lines.iter().enumerate() {
        let t = texts[i];
        let mut flag = None;
        let (kind, cue) = if let Some(why) = debris(t) {
            flag = Some(format!("looks like {why}: delete it (and number the paragraphs after it one lower), or set draft to null to keep it"));
            (ParagraphKind::Body, "debris")
        } else if spaced && line.block_len > 1 && line.first_in_block && credit_like(t) {
            (ParagraphKind::Credit, "a short line standing above a caption")
        } else if t.starts_with("(credit") || t.to_lowercase().starts_with("photo:") || (spaced && line.block_len > 1 && !line.first_in_block && credit_like(t) && i > 0 && lines[i - 1].block == line.block && out.last().is_some_and(|p: &Para| p.kind == ParagraphKind::Caption)) {
            (ParagraphKind::Credit, "a short line standing under a caption")
        } else if spaced && line.block_len > 1 {
            (ParagraphKind::Caption, "lines set together apart from the paragraphs: a picture's caption")
        } else if t.contains("(credit:") || t.contains("(R)") || t.contains("(L)") || t.contains("(C)") {
            (ParagraphKind::Caption, "a picture's caption (a credit or a left/right marker)")
        } else if (i == 0 || out.first().is_some_and(|p| p.kind == ParagraphKind::Headline && texts[0] == t)) && words(t) <= 16 && !ends_sentence(t) {
            (ParagraphKind::Headline, "the first line, short and without a full stop")
        } else if i == 1 && out.first().is_some_and(|p| p.kind == ParagraphKind::Headline) && words(t) <= 70 && !dateline(t) {
            (ParagraphKind::Standfirst, "the paragraph under the headline")
        } else if i > 0 && name_line(t) && out.last().is_some_and(|p| p.kind == ParagraphKind::Body || p.kind == ParagraphKind::Answer) && words(texts[i - 1]) <= 45 && pulled(text, &texts, i) {
            // A short paragraph, then a line that is only a name: a pull-quote and its
            // attribution. The paragraph before is retyped below.
            (ParagraphKind::Attribution, "a line that is only a name, under a short paragraph")
        } else if words(t) <= 10 && !ends_sentence(t) {
            (ParagraphKind::Subheading, "a short line without a full stop between paragraphs")
        } else if interview && t.trim_end().ends_with('?') && question_here(&texts, i) {
            in_interview = true;
            (ParagraphKind::Question, "a paragraph ending in a question mark, in an interview")
        } else if interview && in_interview && editorial_note(t) {
            (ParagraphKind::Body, "an editor's note about the interview, not an answer")
        } else if interview && in_interview {
            (ParagraphKind::Answer, "a paragraph after an interview question")
        } else {
            (ParagraphKind::Body, "prose")
        };
        if kind == ParagraphKind::Attribution {
            if let Some(prev) = out.last_mut() {
                prev.kind = ParagraphKind::PullQuote;
                prev.cue = "a short paragraph set above a name: a pull-quote";
            }
        }
        let first = *seen.entry(t).or_insert(i);
        if flag.is_none() && first < i {
            flag = Some(format!("repeats paragraph {} word for word (the page shows it twice): set draft to null to keep it as the source has it", first + 1));
        }
        out.push(Para { n: u32::try_from(i + 1).unwrap_or(u32::MAX), range: line.range.clone(), kind, flag, cue });
    }
    out
}

/// A wire story's dateline opens its first paragraph: "MOSCOW (Reuters) -", "DAMASCUS —".
fn dateline(text: &str) -> bool {
    let first = text.split_whitespace().next().unwrap_or("");
    let caps = first.chars().filter(|c| c.is_alphabetic()).count() >= 3 && first.chars().all(|c| !c.is_lowercase());
    caps && (text.contains(" - ") || text.contains(" — ") || text.contains(" – ") || text[first.len()..].trim_start().starts_with('('))
}

/// A note about the interview itself ("This interview has been edited for length"),
/// which follows answers but is not one.
fn editorial_note(text: &str) -> bool {
    let lower = text.to_lowercase();
    lower.starts_with("this interview") || lower.contains("edited for length") || lower.contains("edited for clarity") || lower.starts_with("this conversation has been")
}

/// Whether line `i`, a name under paragraph `i - 1`, attributes a pull-quote: the name
/// is mentioned elsewhere in the text, and the paragraph repeats words said elsewhere or
/// the same name line stands under another paragraph too.
fn pulled(text: &str, texts: &[&str], i: usize) -> bool {
    let surname = texts[i].split_whitespace().last().unwrap_or("");
    let mentioned = text.matches(surname).count() >= 2;
    let head: String = texts[i - 1].split_whitespace().take(4).collect::<Vec<_>>().join(" ");
    let repeats_words = !head.is_empty() && text.matches(head.as_str()).count() >= 2;
    let repeated_line = texts.iter().filter(|t| **t == texts[i]).count() >= 2;
    mentioned && (repeats_words || repeated_line)
}

/// A question in an interview is answered: the next typed paragraph is not a question.
fn question_here(texts: &[&str], i: usize) -> bool {
    texts.get(i + 1).is_some_and(|next| !next.trim_end().ends_with('?'))
}

/// Whether a text is an interview: it says so near the top and has at least three
/// paragraphs that are questions followed by something else.
pub fn is_interview(text: &str) -> bool {
    let lines = lines(text);
    let texts: Vec<&str> = lines.iter().map(|l| &text[l.range.clone()]).collect();
    let top = texts.iter().take(12).any(|t| {
        let l = t.to_lowercase();
        l.contains("interview") || l.contains("conversation") || l.contains("q&a")
    });
    let questions = (0..texts.len()).filter(|&i| texts[i].trim_end().ends_with('?') && question_here(&texts, i)).count();
    top && questions >= 3
}

/// Whether a full stop after `word` (as written, without the stop) belongs to an
/// abbreviation or an initial rather than ending a sentence: "Mr", "Oct", "U.S", "J".
pub fn is_abbreviation(word: &str) -> bool {
    let w = word.trim_start_matches(['(', '"', '“']).to_lowercase();
    ABBREVIATIONS.contains(&w.as_str()) || (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
}

/// Common abbreviations after which a full stop does not end a sentence.
const ABBREVIATIONS: [&str; 30] = [
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "st", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc", "u.s", "u.k", "u.n", "sen", "rep",
];

/// The sentences of a paragraph, as byte ranges into it: a sentence ends at `.`, `?`, `!`
/// or `…` (with any closing quotation marks) before a space and a capital, a digit or an
/// opening mark, unless the word before is an abbreviation or an initial.
pub fn sentences(p: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes: Vec<(usize, char)> = p.char_indices().collect();
    let mut k = 0;
    while k < bytes.len() {
        let (i, c) = bytes[k];
        if matches!(c, '.' | '?' | '!' | '…') {
            // Take closing marks with the stop.
            let mut j = k + 1;
            while j < bytes.len() && matches!(bytes[j].1, '"' | '”' | '’' | '\'' | ')') {
                j += 1;
            }
            let end = bytes.get(j).map_or(p.len(), |&(at, _)| at);
            let next_is_space = bytes.get(j).is_some_and(|&(_, c)| c == ' ');
            let after = bytes.get(j + 1).map(|&(_, c)| c);
            let starts_new = after.is_some_and(|c| c.is_uppercase() || c.is_numeric() || matches!(c, '"' | '“' | '‘' | '\'' | '('));
            let word_before: String = p[start..i].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("").to_lowercase();
            let word_before = word_before.trim_start_matches(['(', '"', '“']);
            let abbreviation = c == '.'
                && (ABBREVIATIONS.contains(&word_before)
                    || (word_before.chars().count() == 1 && word_before.chars().all(char::is_alphabetic)));
            if next_is_space && starts_new && !abbreviation {
                out.push(start..end);
                start = end + 1;
                k = j + 1;
                continue;
            }
        }
        let _ = i;
        k += 1;
    }
    if start < p.len() && !p[start..].trim().is_empty() {
        out.push(start..p.len());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_blocks_and_kinds() {
        let text = "\u{feff}Minister visits Moscow\r\n\r\nThe minister arrived on Thursday. He met Lavrov.\r\n\r\nAFP\r\nThe minister (L) in Moscow, July 31, 2025.\r\n\r\nA new page\r\n\r\n\"We will return,\" he said.\r\n\r\nfont change\r\n";
        let ps = paragraphs(text, false);
        let kinds: Vec<ParagraphKind> = ps.iter().map(|p| p.kind).collect();
        use ParagraphKind::*;
        assert_eq!(kinds, vec![Headline, Standfirst, Credit, Caption, Subheading, Body, Body]);
        for p in &ps {
            assert!(!text[p.range.clone()].contains('\r'));
        }
        assert_eq!(&text[ps[0].range.clone()], "Minister visits Moscow");
        assert!(ps[6].flag.as_deref().unwrap().starts_with("looks like a page control"));
    }

    #[test]
    fn a_repeat_is_flagged_not_dropped() {
        let ps = paragraphs("One line here.\n\nTwo more words here.\n\nOne line here.\n", false);
        assert_eq!(ps.len(), 3);
        assert!(ps[2].flag.as_deref().unwrap().contains("repeats paragraph 1"));
    }

    #[test]
    fn sentences_keep_abbreviations_and_marks() {
        let p = "The talks of Oct. 15 went well. “We agreed,” he said. Mr. Smith left! Then U.S. envoys came.";
        let s: Vec<&str> = sentences(p).into_iter().map(|r| &p[r]).collect();
        assert_eq!(s, vec!["The talks of Oct. 15 went well.", "“We agreed,” he said.", "Mr. Smith left!", "Then U.S. envoys came."]);
    }

    #[test]
    fn an_interview_and_its_pull_quote() {
        let text = "In an interview, the minister Jane Roe speaks.\n\nWhat happened?\n\nWe won the war and then we rebuilt.\n\nWe won the war and then we rebuilt.\n\nForeign Minister Jane Roe\n\nWhy?\n\nBecause we could.\n\nAnd then?\n\nPeace.\n\nThis interview has been edited for length and clarity.\n";
        assert!(is_interview(text));
        let kinds: Vec<ParagraphKind> = paragraphs(text, true).iter().map(|p| p.kind).collect();
        use ParagraphKind::*;
        assert_eq!(kinds, vec![Body, Question, Answer, PullQuote, Attribution, Question, Answer, Question, Answer, Body]);
    }
}
