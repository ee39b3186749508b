//! Quotation marks and the attributions around them, read from one paragraph.
//!
//! [`spans`] finds every passage in quotation marks: curly and straight, double and
//! single, nested, and one whose closing mark never comes (noted, running to the end of
//! the paragraph). An apostrophe (Sharaa’s, I’m, Russia's) is never taken for a mark.
//! [`after`] and [`before`] read the attribution beside a quotation ("X said", "said X",
//! "X told Y:", "according to X", "he says") as the words of the text; resolving those
//! words to an actor is the caller's (`core::draft`).

use std::ops::Range;

/// A passage in quotation marks.
#[derive(Clone, Debug, PartialEq)]
pub struct Span {
    /// From the opening mark to after the closing mark (or the paragraph's end).
    pub outer: Range<usize>,
    /// The quoted words: inside the marks, without surrounding spaces or the comma that
    /// news style puts before a closing mark.
    pub inner: Range<usize>,
    /// Whether its closing mark was found.
    pub closed: bool,
    /// Whether it stands inside another quotation.
    pub nested: bool,
}

#[derive(Clone, Copy, PartialEq)]
enum Mark {
    Double,
    Single,
}

fn is_open_context(prev: Option<char>) -> bool {
    prev.is_none_or(|c| c.is_whitespace() || matches!(c, '(' | '[' | '—' | '–' | ':' | '“' | '"' | '‘'))
}

/// Every quotation in `p`, in order of their opening marks.
pub fn spans(p: &str) -> Vec<Span> {
    let chars: Vec<(usize, char)> = p.char_indices().collect();
    let mut stack: Vec<(Mark, usize, usize)> = Vec::new(); // (mark, open byte, byte after mark)
    let mut found: Vec<(Range<usize>, Range<usize>, bool, usize)> = Vec::new(); // outer, inside, closed, depth
    for (k, &(i, c)) in chars.iter().enumerate() {
        let prev = k.checked_sub(1).map(|j| chars[j].1);
        let next = chars.get(k + 1).map(|x| x.1);
        let after = i + c.len_utf8();
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let close = |stack: &mut Vec<(Mark, usize, usize)>, found: &mut Vec<_>, mark: Mark| -> bool {
            if let Some(pos) = stack.iter().rposition(|(m, _, _)| *m == mark) {
                // Marks opened inside and never closed end here too.
                while stack.len() > pos + 1 {
                    let (_, open, inside) = stack.pop().expect("non-empty");
                    found.push((open..i, inside..i, false, stack.len()));
                }
                let (_, open, inside) = stack.pop().expect("non-empty");
                found.push((open..after, inside..i, true, stack.len()));
                true
            } else {
                false
            }
        };
        match c {
            '“' => stack.push((Mark::Double, i, after)),
            '”' => {
                close(&mut stack, &mut found, Mark::Double);
            }
            '"' => {
                let top_double = stack.last().is_some_and(|(m, _, _)| *m == Mark::Double);
                if top_double && !prev.is_some_and(char::is_whitespace) {
                    close(&mut stack, &mut found, Mark::Double);
                } else if is_open_context(prev) && next.is_some_and(|c| !c.is_whitespace()) {
                    stack.push((Mark::Double, i, after));
                } else {
                    close(&mut stack, &mut found, Mark::Double);
                }
            }
            '‘' if next.is_some_and(|c| !c.is_whitespace()) => stack.push((Mark::Single, i, after)),
            '’' | '\'' => {
                if letter(prev) && letter(next) {
                    continue; // an apostrophe inside a word
                }
                let top_single = stack.iter().any(|(m, _, _)| *m == Mark::Single);
                let closes = prev.is_some_and(|c| !c.is_whitespace()) && !letter(next);
                if top_single && closes {
                    close(&mut stack, &mut found, Mark::Single);
                } else if c == '\'' && is_open_context(prev) && next.is_some_and(|c| c.is_alphanumeric()) {
                    stack.push((Mark::Single, i, after));
                }
            }
            _ => {}
        }
    }
    while let Some((_, open, inside)) = stack.pop() {
        found.push((open..p.len(), inside..p.len(), false, stack.len()));
    }
    found.sort_by_key(|(outer, ..)| outer.start);
    let unclosed_outer: Vec<Range<usize>> = found.iter().filter(|f| f.3 == 0 && !f.2).map(|f| f.0.clone()).collect();
    let mut out = Vec::new();
    for (outer, inside, closed, depth) in found {
        // A quotation inside a closed one is part of it; inside an unclosed one it is
        // the only clear boundary there is, so it is drafted too.
        if depth > 0 && !unclosed_outer.iter().any(|u| u.start <= outer.start && outer.end <= u.end) {
            continue;
        }
        let text = &p[inside.clone()];
        let lead = text.len() - text.trim_start().len();
        let trimmed = text.trim_end().trim_end_matches(',').trim_end();
        if trimmed.trim_start().is_empty() {
            continue;
        }
        let inner = inside.start + lead..inside.start + trimmed.len();
        out.push(Span { outer, inner, closed, nested: depth > 0 });
    }
    out
}

/// Verbs of saying, in the forms news prose uses.
const SPEECH: [&str; 66] = [
    "said", "says", "say", "told", "tells", "tell", "asked", "asks", "added", "adds", "reported", "reports", "stated",
    "states", "declared", "declares", "wrote", "writes", "explained", "explains", "insisted", "insists", "noted", "notes",
    "warned", "warns", "argued", "argues", "recalled", "recalls", "replied", "replies", "answered", "answers",
    "announced", "announces", "claimed", "claims", "described", "describes", "characterized", "characterised",
    "characterizes", "characterises", "summarises", "summarizes", "summarised", "summarized", "called", "calls",
    "urged", "urges", "pledged", "promised", "conveyed", "stressed", "stresses", "emphasized", "emphasised",
    "acknowledged", "admitted", "admits", "continued", "continues", "quipped", "cites",
];

pub fn is_speech_verb(word: &str) -> bool {
    SPEECH.contains(&word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())
}

/// What an attribution says: who spoke (as written), to whom, and by which words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Cue {
    /// The words naming the speaker ("he", "Anadolu Agency", "a trusted intermediary").
    pub speaker: Option<String>,
    /// The words naming the addressee ("them", "the Russians").
    pub to: Option<String>,
    /// The verb ("said", "were told").
    pub verb: String,
    /// The speaker is not named (a passive: "the Russians were told:").
    pub passive: bool,
    /// The whole attribution as it stands, for the draft's cue.
    pub words: String,
}

fn words_of(text: &str) -> Vec<(Range<usize>, &str)> {
    let mut out = Vec::new();
    let mut offset = 0;
    for piece in text.split_inclusive(char::is_whitespace) {
        let start = offset;
        offset += piece.len();
        let w = piece.trim_end();
        if !w.is_empty() {
            out.push((start..start + w.len(), w));
        }
    }
    out
}

/// Adverbs that stand between a speaker and the verb ("I also said").
fn is_filler(w: &str) -> bool {
    ["also", "then", "later", "once", "again", "simply", "reportedly", "recently", "has", "have", "had", "was", "is"]
        .contains(&w.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase().as_str())
}

/// The attribution after a closing mark, up to the end of its sentence: ", he says",
/// ", said Putin", " Anadolu Agency, a state-run news agency, reported".
pub fn after(rest: &str) -> Option<Cue> {
    let clause_end = rest.find(['.', '“', '"', ';', '?', '!']).unwrap_or(rest.len());
    let clause = rest[..clause_end].trim_start_matches([',', ' ', '—', '–']);
    let ws = words_of(clause);
    if ws.is_empty() || ws.len() > 16 {
        return None;
    }
    let verb_at = ws.iter().position(|(_, w)| is_speech_verb(w))?;
    let verb = ws[verb_at].1.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    if verb_at == 0 {
        // "said Putin", "said the minister, who ..."
        let object: String = clause[ws[0].0.end..].split(',').next().unwrap_or("").trim().to_owned();
        return (!object.is_empty()).then(|| Cue { speaker: Some(object), verb, words: clause.trim().to_owned(), ..Cue::default() });
    }
    // "X, an appositive, reported": the speaker is before the first comma.
    let before = clause[..ws[verb_at].0.start].trim().trim_end_matches(',');
    let subject = before.split(',').next().unwrap_or("").trim();
    let subject: Vec<&str> = subject.split_whitespace().filter(|w| !is_filler(w)).collect();
    if subject.is_empty() || subject.len() > 8 {
        return None;
    }
    let to = clause[ws[verb_at].0.end..].trim().split(',').next().filter(|_| ["told", "tells", "tell"].contains(&verb.as_str())).map(|s| s.trim().to_owned()).filter(|s| !s.is_empty());
    Some(Cue { speaker: Some(subject.join(" ")), to, verb, words: clause.trim().to_owned(), ..Cue::default() })
}

/// The attribution before an opening mark, in the same sentence: "X told Y:", "X
/// characterized it as a", "according to X,", "the Russians were told:".
pub fn before(lead: &str) -> Option<Cue> {
    let clause = lead.trim_end();
    if clause.is_empty() {
        return None;
    }
    let ws = words_of(clause);
    let last_verb = ws.iter().rposition(|(_, w)| is_speech_verb(w)).map(|i| ws[i].0.start);
    // "according to X," unless a verb of saying stands nearer the mark ("According to
    // state media, the minister called it …": the minister's words).
    if let Some(at) = clause.to_lowercase().rfind("according to ").filter(|at| last_verb.is_none_or(|v| v < *at)) {
        let name = clause[at + "according to ".len()..].split(',').next().unwrap_or("").trim();
        if !name.is_empty() {
            return Some(Cue { speaker: Some(name.to_owned()), verb: "according to".into(), words: clause[at..].to_owned(), ..Cue::default() });
        }
    }
    let verb_at = ws.iter().rposition(|(_, w)| is_speech_verb(w)).or_else(|| {
        // "We made it clear:"
        ws.iter().rposition(|(_, w)| w.trim_end_matches([':', ',']) == "clear").filter(|&i| i >= 2 && ws[i - 2].1 == "made").map(|i| i - 2)
    })?;
    // Only a short distance between the verb and the mark: "characterized it as a".
    if ws.len() - verb_at > 5 {
        return None;
    }
    let verb = ws[verb_at].1.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    let passive = verb_at > 0 && ["were", "was", "been", "being"].contains(&ws[verb_at - 1].1);
    // The subject runs back to the clause's start, a comma or a conjunction.
    let mut first = verb_at;
    while first > 0 {
        let w = ws[first - 1].1;
        if w.ends_with([',', ';', ':']) || ["and", "but", "when", "that", "then", "who"].contains(&w) {
            break;
        }
        first -= 1;
    }
    let subject: Vec<&str> = ws[first..verb_at].iter().map(|(_, w)| *w).filter(|w| !is_filler(w) && !["were", "was", "been"].contains(w)).collect();
    let after_verb = clause[ws[verb_at].0.end..].trim().trim_end_matches([':', ',']).trim();
    let to = (["told", "tells", "tell", "asked", "asks"].contains(&verb.as_str()) && !after_verb.is_empty() && after_verb.split_whitespace().count() <= 4)
        .then(|| after_verb.to_owned());
    let words = clause[ws[first].0.start..].to_owned();
    if passive {
        let addressee = (!subject.is_empty()).then(|| subject.join(" "));
        return Some(Cue { speaker: None, to: addressee, verb: format!("were {verb}"), passive: true, words });
    }
    if subject.is_empty() || subject.len() > 8 {
        return None;
    }
    Some(Cue { speaker: Some(subject.join(" ")), to, verb, words, passive: false })
}

/// A quotation of a few words with no attribution beside it is a scare quote (a term
/// held at a distance), not a quote: "the “Russian knot”".
pub fn is_scare(inner: &str, lead: &str, cue_beside: bool) -> bool {
    let n = inner.split_whitespace().count();
    if n > 3 {
        return false;
    }
    let last = lead.trim_end().rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    let determiner = ["the", "a", "an", "so-called", "this", "that", "its", "their", "his", "her", "our", "of"].contains(&last.as_str());
    determiner || !cue_beside
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(p: &str) -> Vec<(&str, bool)> {
        spans(p).into_iter().map(|s| (&p[s.inner], s.closed)).collect()
    }

    #[test]
    fn curly_straight_double_single() {
        assert_eq!(texts("“We won,” he said. \"Then we left.\" And: ‘so it goes.’"), vec![("We won", true), ("Then we left.", true), ("so it goes.", true)]);
        assert_eq!(texts("I said: 'Yes, absolutely.' They asked."), vec![("Yes, absolutely.", true)]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        assert_eq!(texts("Sharaa’s government and Russia's bases, the states’ view."), vec![]);
        assert_eq!(texts("“I’m not sure,” she said of Hay’at Tahrir al-Sham's role."), vec![("I’m not sure", true)]);
    }

    #[test]
    fn nested_is_part_of_the_outer_and_unclosed_is_noted() {
        assert_eq!(texts("He said: “They told me ‘no’ twice.” Then left."), vec![("They told me ‘no’ twice.", true)]);
        let p = "I also said: 'If you have interests, they can be organised. We made it clear: 'let us move on.'";
        assert_eq!(texts(p), vec![("If you have interests, they can be organised. We made it clear: 'let us move on.'", false), ("let us move on.", true)]);
        assert_eq!(texts("“The war goes on, and on"), vec![("The war goes on, and on", false)]);
    }

    #[test]
    fn attributions_after() {
        let c = after(", he says. Then").unwrap();
        assert_eq!((c.speaker.as_deref(), c.verb.as_str()), (Some("he"), "says"));
        let c = after(" Ankara-based Anadolu Agency, a state-run news agency, reported. “More").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("Ankara-based Anadolu Agency"));
        let c = after(", said Vladimir Putin, who spoke first.").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("Vladimir Putin"));
        let c = after(" the minister told reporters.").unwrap();
        assert_eq!((c.speaker.as_deref(), c.to.as_deref()), (Some("the minister"), Some("reporters")));
        assert!(after(" and is frank as to Syria’s situation.").is_none());
    }

    #[test]
    fn attributions_before() {
        let c = before("Shortly afterwards, a trusted intermediary told us: ").unwrap();
        assert_eq!((c.speaker.as_deref(), c.to.as_deref()), (Some("a trusted intermediary"), Some("us")));
        let c = before("Agence France-Presse characterized it as a ").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("Agence France-Presse"));
        let c = before("Crucially, the Russians were told: ").unwrap();
        assert!(c.passive);
        assert_eq!(c.to.as_deref(), Some("the Russians"));
        let c = before("I also said: ").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("I"));
        let c = before("The deal, according to Reuters, ").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("Reuters"));
        assert!(before("Regarding the ").is_none());
    }

    #[test]
    fn scare_quotes() {
        assert!(is_scare("Russian knot", "Regarding the ", false));
        assert!(is_scare("Russian knot", "Regarding the ", true));
        assert!(!is_scare("honest diplomacy", "He summarises it as ", true));
        assert!(!is_scare("continuation of regional talks involving Israel", "characterized it as a ", true));
    }
}
