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
/// Words that never name a speaker or an addressee on their own.
const NOT_NAMES: [&str; 22] = [
    "it", "they", "you", "him", "her", "them", "us", "me", "and", "but", "or", "which", "that", "who", "whom", "this",
    "these", "those", "there", "one", "someone", "everyone",
];

/// Whether `words` could name who spoke: not a pronoun standing for no one in particular,
/// a conjunction or a relative word.
pub fn could_name(words: &str) -> bool {
    let lower = words.trim().to_lowercase();
    !lower.is_empty() && !NOT_NAMES.contains(&lower.as_str()) && lower.chars().any(char::is_alphabetic)
}

/// Where the clause after a closing mark ends: at a sentence's stop (not an
/// abbreviation's: "said U.S. Envoy Tom Barrack."), another mark or a semicolon.
fn clause_end(rest: &str) -> usize {
    for (i, c) in rest.char_indices() {
        match c {
            '“' | '"' | ';' | '?' | '!' => return i,
            '.' => {
                let word = rest[..i].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
                let initial_chain = word.contains('.') && word.split('.').all(|p| p.chars().count() <= 1);
                if !super::paragraphs::is_abbreviation(word) && !initial_chain {
                    return i;
                }
            }
            _ => {}
        }
    }
    rest.len()
}

/// The addressee of "told …": up to a comma, a preposition or a time word ("told the BBC
/// on Monday" → "the BBC").
fn addressee(after_verb: &str) -> Option<String> {
    let stop = ["on", "in", "at", "during", "after", "before", "last", "this", "earlier", "that", "yesterday", "today", "by", "when", "about"];
    let mut words = Vec::new();
    for w in after_verb.split_whitespace() {
        let bare = w.trim_end_matches([',', ':', ';']);
        if stop.contains(&bare.to_lowercase().as_str()) {
            break;
        }
        words.push(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    let to = words.join(" ");
    (!to.is_empty() && words.len() <= 5).then_some(to)
}

/// Whether a verb of saying follows a closing mark closely (", he says", "it said"),
/// whoever it names: what tells a short quotation from a scare quote.
pub fn verb_beside(rest: &str) -> bool {
    let clause = rest[..clause_end(rest)].trim_start_matches([',', ' ', '—', '–']);
    clause.split_whitespace().take(6).any(is_speech_verb)
}

pub fn after(rest: &str) -> Option<Cue> {
    let clause = rest[..clause_end(rest)].trim_start_matches([',', ' ', '—', '–']);
    let ws = words_of(clause);
    if ws.is_empty() || ws.len() > 16 {
        return None;
    }
    let verb_at = ws.iter().position(|(_, w)| is_speech_verb(w))?;
    let verb = ws[verb_at].1.trim_matches(|c: char| !c.is_alphanumeric()).to_owned();
    if verb_at == 0 {
        // "said Putin", "said the minister, who ..."
        let object: String = clause[ws[0].0.end..].split(',').next().unwrap_or("").trim().to_owned();
        return could_name(&object).then(|| Cue { speaker: Some(object), verb, words: clause.trim().to_owned(), ..Cue::default() });
    }
    // "X, an appositive, reported": the speaker is before the first comma.
    let before = clause[..ws[verb_at].0.start].trim().trim_end_matches(',');
    let subject = before.split(',').next().unwrap_or("").trim();
    let subject: Vec<&str> = subject.split_whitespace().filter(|w| !is_filler(w)).collect();
    // A subject is a name or a noun phrase, not "and" or "it" (words after the quotation
    // that go on with the sentence: "denied “any wrongdoing” and said …").
    if subject.is_empty() || subject.len() > 8 || !could_name(&subject.join(" ")) || (subject.len() == 1 && NOT_NAMES.contains(&subject[0].to_lowercase().as_str())) {
        return None;
    }
    let to = ["told", "tells", "tell"].contains(&verb.as_str()).then(|| addressee(&clause[ws[verb_at].0.end..])).flatten();
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
    // ASCII lower-casing keeps every byte offset (full lower-casing changes lengths: İ).
    if let Some(at) = clause.to_ascii_lowercase().rfind("according to ").filter(|at| last_verb.is_none_or(|v| v < *at)) {
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
    let to = ["told", "tells", "tell", "asked", "asks"].contains(&verb.as_str()).then(|| addressee(after_verb)).flatten();
    let words = clause[ws[first].0.start..].to_owned();
    if passive {
        let addressee = (!subject.is_empty()).then(|| subject.join(" "));
        return Some(Cue { speaker: None, to: addressee, verb: format!("were {verb}"), passive: true, words });
    }
    if subject.is_empty() || subject.len() > 8 || !could_name(&subject.join(" ")) {
        return None;
    }
    Some(Cue { speaker: Some(subject.join(" ")), to, verb, words, passive: false })
}

/// A quotation of a few words with no attribution beside it is a scare quote (a term
/// held at a distance), not a quote: "the “Russian knot”". A verb of saying just before
/// it makes it a quote even after a determiner ("called it a “historic step”"); an
/// attribution only after it does not ("Regarding the “Russian knot,” he says …": the
/// words name a topic, they are not what he says).
pub fn is_scare(inner: &str, lead: &str, cue_before: bool, cue_after: bool) -> bool {
    let n = inner.split_whitespace().count();
    if n > 3 || cue_before {
        return false;
    }
    let last = lead.trim_end().rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    let determiner = ["the", "a", "an", "so-called", "this", "that", "its", "their", "his", "her", "our", "of"].contains(&last.as_str());
    determiner || !cue_after
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
        assert!(is_scare("Russian knot", "Regarding the ", false, false));
        assert!(is_scare("Russian knot", "Regarding the ", false, true));
        assert!(!is_scare("honest diplomacy", "He summarises it as ", true, false));
        assert!(!is_scare("historic step.", "Lavrov called it a ", true, false));
        assert!(!is_scare("honest diplomacy", "", false, true));
        assert!(!is_scare("continuation of regional talks involving Israel", "characterized it as a ", true, false));
    }

    #[test]
    fn no_one_is_named_by_a_pronoun_or_a_conjunction() {
        assert!(after(" it said.").is_none());
        assert!(after(" and said he would resign.").is_none());
        let c = after(", said U.S. Envoy Tom Barrack.").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("U.S. Envoy Tom Barrack"));
        let c = after(" Lavrov told the BBC on Monday.").unwrap();
        assert_eq!(c.to.as_deref(), Some("the BBC"));
        let c = after(", Mr. Peskov said.").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("Mr. Peskov"));
        // Offsets stay right when lower-casing would change a letter's length.
        let c = before("İzmir officials, according to Ömer Çelik, ").unwrap();
        assert_eq!(c.speaker.as_deref(), Some("Ömer Çelik"));
    }
}
