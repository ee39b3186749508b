//! Date expressions in news prose, resolved against the document's date.
//!
//! Each expression becomes a date in the data format (`core::date`), at the precision
//! the words support, with a derivation wherever the words alone do not give it ("'on
//! Thursday' is 31 July 2025, …"). What needs a reference date the document lacks is
//! returned unresolved with the reason, never guessed. Calendar arithmetic is jiff's.

use std::ops::Range;
use std::sync::OnceLock;

use jiff::civil::{Date, Weekday};
use jiff::Span;
use regex::{Captures, Regex};

use crate::core::date::month_name;
use crate::core::raw::RawDate;

/// The date relative expressions are counted from, and how it was obtained.
#[derive(Clone, Debug)]
pub struct Anchor {
    pub date: Date,
    /// "the publication date" or "31 July 2025, the latest full date the text states".
    pub how: String,
}

/// A date expression found in a sentence.
#[derive(Clone, Debug)]
pub struct Found {
    /// Byte range in the sentence.
    pub range: Range<usize>,
    /// The date, or why it could not be worked out.
    pub date: Result<RawDate, String>,
}

impl Found {
    /// Whether the words state the date in full (no derivation).
    pub fn stated(&self) -> bool {
        self.date.as_ref().is_ok_and(|d| d.derivation.is_none())
    }
}

const MONTH: &str = r"(January|February|March|April|May|June|July|August|September|October|November|December|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept?\.|Oct\.|Nov\.|Dec\.)";

fn month_number(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    let names = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    names.iter().position(|m| w.starts_with(m)).map(|i| i as i8 + 1)
}

/// Whether a word is a month's or a weekday's name (so not a place or a person).
pub fn is_month_or_weekday(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    let months = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
    let days = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
    months.contains(&w.as_str()) || days.contains(&w.as_str()) || (w.len() >= 3 && months.iter().any(|m| m.starts_with(&w) && word.ends_with('.')))
}

fn number_word(word: &str) -> Option<i64> {
    let w = word.to_lowercase();
    let words = ["a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"];
    words.iter().position(|x| *x == w).map(|i| (i as i64).max(1)).or_else(|| w.parse().ok())
}

struct Patterns {
    iso: Regex,
    dmy: Regex,
    mdy: Regex,
    month_year: Regex,
    range: Regex,
    part_of_year: Regex,
    circa: Regex,
    year: Regex,
    month_alone: Regex,
    weekday: Regex,
    ago: Regex,
    relative: Regex,
}

fn patterns() -> &'static Patterns {
    static P: OnceLock<Patterns> = OnceLock::new();
    P.get_or_init(|| {
        let re = |s: &str| Regex::new(s).expect("a valid pattern");
        Patterns {
            dmy: re(&format!(r"\b(\d{{1,2}})(?:st|nd|rd|th)? {MONTH}(?:,? (\d{{4}}))?")),
            mdy: re(&format!(r"\b{MONTH} (\d{{1,2}})(?:st|nd|rd|th)?\b(?:, (\d{{4}}))?")),
            month_year: re(&format!(r"\b{MONTH},? ((?:1[89]|20)\d\d)\b")),
            range: re(r"\b(?:[Bb]etween |[Ff]rom )?((?:1[89]|20)\d\d) ?(?:-|–|—|to|and) ?((?:1[89]|20)?\d\d)\b"),
            part_of_year: re(r"\b([Ee]arly|[Mm]id|[Ll]ate|the end of|the beginning of|the start of|the middle of)[- ]((?:1[89]|20)\d\d)\b"),
            circa: re(r"\b(c\.|ca\.|circa|around|about|some|roughly|[Bb]y) ?((?:1[89]|20)\d\d)\b"),
            year: re(r"\b((?:1[89]|20)\d\d)\b"),
            month_alone: re(&format!(r"\b([Ii]n|[Ss]ince|[Bb]y|[Uu]ntil|[Ll]ast|[Tt]his|[Nn]ext|[Ee]arly|[Ll]ate|[Mm]id|[Oo]f|[Ii]n early|[Ii]n late)[ -]{MONTH}")),
            iso: re(r"\b((?:1[89]|20)\d\d)-(\d\d)-(\d\d)\b"),
            weekday: re(r"\b([Oo]n|[Ll]ast|[Tt]his|[Nn]ext|[Ss]ince|[Uu]ntil|[Bb]y|[Ff]rom) (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
            ago: re(r"\b(?:(?:just )?(?:less than|more than|about|nearly|almost|some) )?(a|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d+) (day|week|month|year)s? ago\b"),
            relative: re(r"\b([Yy]esterday|[Ll]ast year|[Ll]ast month|[Tt]his year)\b"),
        }
    })
}

fn iso_day(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year(), d.month(), d.day())
}

fn iso_month(y: i16, m: i8) -> String {
    format!("{y:04}-{m:02}")
}

/// `YYYY-MM-DD`.
pub fn display_iso(d: Date) -> String {
    iso_day(d)
}

/// "31 July 2025".
pub fn display(d: Date) -> String {
    format!("{} {} {}", d.day(), month_name(d.month() as u8), d.year())
}

fn day(start: String, derivation: Option<String>) -> RawDate {
    RawDate { start, end: None, precision: "day".into(), derivation }
}

fn of(start: String, end: Option<String>, precision: &str, derivation: Option<String>) -> RawDate {
    RawDate { start, end, precision: precision.into(), derivation }
}

/// The most recent date with this month and day on or before the anchor.
fn on_or_before(anchor: Date, month: i8, day_of_month: i8) -> Option<Date> {
    let this_year = Date::new(anchor.year(), month, day_of_month).ok()?;
    if this_year <= anchor {
        Some(this_year)
    } else {
        Date::new(anchor.year() - 1, month, day_of_month).ok()
    }
}

/// Where an expression stands, for the rules that read it.
struct At<'a> {
    sentence: &'a str,
    whole: Range<usize>,
    /// The expression as written.
    text: &'a str,
    anchor: Option<&'a Anchor>,
    /// The sentence speaks of what is to come ("will resume on Monday"): a date without
    /// its year or week is then the next such one, not the last.
    future: bool,
}

/// Whether a sentence looks ahead: a future tense or a word of plans.
pub fn looks_ahead(sentence: &str) -> bool {
    let lower = sentence.to_lowercase();
    [" will ", "’ll ", "'ll ", " shall ", " next ", "upcoming", "scheduled", " is to ", " are to ", " plans to ", " planned for ", " due to ", "expected to "]
        .iter()
        .any(|w| lower.contains(w) || lower.starts_with(w.trim_start()))
}

/// The nearest date with this month and day on or after the anchor.
fn on_or_after(anchor: Date, month: i8, day_of_month: i8) -> Option<Date> {
    let this_year = Date::new(anchor.year(), month, day_of_month).ok()?;
    if this_year >= anchor {
        Some(this_year)
    } else {
        Date::new(anchor.year() + 1, month, day_of_month).ok()
    }
}

/// What a rule makes of a match: `None` when it is not a date after all.
type Reading = Option<Result<RawDate, String>>;

/// A rule: reads one pattern's match.
type Rule = fn(&Captures, &At) -> Reading;

fn needs(what: &str) -> String {
    format!("'{what}' needs a reference date and the text gives none: date it by hand or draft again with --published")
}

/// A day and month, with the year written or taken from the reference date.
fn day_month(at: &At, year: Option<&str>, month: &str, day_of_month: &str) -> Reading {
    let (Ok(d), Some(m)) = (day_of_month.parse::<i8>(), month_number(month)) else { return None };
    let invalid = || format!("'{}' is not a date in the calendar", at.text);
    Some(match year.and_then(|y| y.parse::<i16>().ok()) {
        Some(y) => Date::new(y, m, d).map(|x| day(iso_day(x), None)).map_err(|_| invalid()),
        None => match at.anchor {
            Some(a) if at.future => on_or_after(a.date, m, d)
                .map(|x| day(iso_day(x), Some(format!("The text says '{}' without a year, of what is to come; {} is the next such day on or after {}.", at.text, display(x), a.how))))
                .ok_or_else(invalid),
            Some(a) => on_or_before(a.date, m, d)
                .map(|x| day(iso_day(x), Some(format!("The text says '{}' without a year; {} is the last such day on or before {}.", at.text, display(x), a.how))))
                .ok_or_else(invalid),
            None => Err(needs(at.text)),
        },
    })
}

fn iso(c: &Captures, at: &At) -> Reading {
    let (Ok(y), Ok(m), Ok(d)) = (c[1].parse::<i16>(), c[2].parse::<i8>(), c[3].parse::<i8>()) else { return None };
    Some(Date::new(y, m, d).map(|x| day(iso_day(x), None)).map_err(|_| format!("'{}' is not a date in the calendar", at.text)))
}

fn dmy(c: &Captures, at: &At) -> Reading {
    day_month(at, c.get(3).map(|y| y.as_str()), &c[2], &c[1])
}

fn mdy(c: &Captures, at: &At) -> Reading {
    day_month(at, c.get(3).map(|y| y.as_str()), &c[1], &c[2])
}

fn month_year(c: &Captures, _: &At) -> Reading {
    let (Some(m), Ok(y)) = (month_number(&c[1]), c[2].parse::<i16>()) else { return None };
    Some(Ok(of(iso_month(y, m), None, "month", None)))
}

fn part_of_year(c: &Captures, at: &At) -> Reading {
    let y = c[2].parse::<i16>().ok()?;
    let (from, to) = match c[1].to_lowercase().as_str() {
        "early" | "the beginning of" | "the start of" => (1, 4),
        "mid" | "the middle of" => (5, 8),
        _ => (9, 12),
    };
    let derivation = format!("The text says '{}', read as {} to {} {y}.", at.text, month_name(from), month_name(to));
    Some(Ok(of(iso_month(y, from as i8), Some(iso_month(y, to as i8)), "approximate", Some(derivation))))
}

fn year_range(c: &Captures, _: &At) -> Reading {
    let from = c[1].parse::<i16>().ok()?;
    let to_text = &c[2];
    let mut to = to_text.parse::<i16>().ok()?;
    if to_text.len() == 2 {
        to += from - from % 100;
        if to < from {
            to += 100;
        }
    }
    (to > from && to - from <= 50).then(|| Ok(of(format!("{from:04}"), Some(format!("{to:04}")), "range", None)))
}

fn circa(c: &Captures, at: &At) -> Reading {
    // "some 2000 fighters", "won by 2000 votes": a number of things, not a year.
    let next = at.sentence[at.whole.end..].trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("");
    if next.chars().next().is_some_and(char::is_lowercase) && !["was", "is", "and", "when", "had", "were", "the", "we", "he", "she", "they", "it"].contains(&next) {
        return None;
    }
    let y = c[2].parse::<i16>().ok()?;
    let derivation = if c[1].eq_ignore_ascii_case("by") {
        format!("The text says '{}': by that year, not a date within it.", at.text)
    } else {
        format!("The text says '{}': about that year, not exactly.", at.text)
    };
    Some(Ok(of(format!("{y:04}"), None, "approximate", Some(derivation))))
}

/// A year stands after a preposition or at a clause's start, or before a verb or
/// punctuation; "had 2015 members" is a number of things.
fn year(c: &Captures, at: &At) -> Reading {
    let after = &at.sentence[at.whole.end..];
    let before = at.sentence[..at.whole.start].trim_end();
    let prev = before.rsplit(char::is_whitespace).next().unwrap_or("").to_lowercase();
    let prepositions = ["in", "since", "by", "of", "until", "till", "from", "before", "after", "during", "through", "year", "early", "late", "mid", "around", "between"];
    let placed = before.is_empty() || before.ends_with([',', '(', ';', ':']) || prepositions.contains(&prev.as_str());
    let next = after.trim_start().split(|c: char| !c.is_alphanumeric()).next().unwrap_or("").to_lowercase();
    let verb_after = ["was", "is", "and", "marked", "saw", "brought", "had", "were", "when"].contains(&next.as_str());
    let money = at.sentence[..at.whole.start].ends_with(['$', '£', '€', '#']);
    // "by 2000 votes": a count of things (a plural noun after it).
    if next.len() > 2 && next.ends_with('s') && !verb_after && !["was", "is", "has", "does", "this", "its", "his", "us"].contains(&next.as_str()) {
        return None;
    }
    (!money && (placed || verb_after || after.starts_with([',', '.', ')', ';', ':']))).then(|| Ok(of(c[1].to_owned(), None, "year", None)))
}

/// "in May", "last February": the month, its year from the reference date.
fn month_alone(c: &Captures, at: &At) -> Reading {
    // "in May 2025" is read by `month_year`; "May" alone is also a verb, so only after a
    // preposition (this pattern) and capitalised.
    if at.sentence[at.whole.end..].trim_start().starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let m = month_number(&c[2])?;
    let word = c[1].to_lowercase();
    let (last, this) = (word == "last", word == "this");
    Some(match at.anchor {
        Some(a) => {
            let mut y = a.date.year();
            let rule = if this {
                "the month of that name in the year of"
            } else if at.future {
                if m < a.date.month() {
                    y += 1;
                }
                "the next such month on or after"
            } else {
                if m > a.date.month() || (last && m >= a.date.month()) {
                    y -= 1;
                }
                if last { "the last such month before" } else { "the last such month on or before" }
            };
            Ok(of(iso_month(y, m), None, "month", Some(format!("The text says '{}' without a year; {} {y} is {rule} {}.", at.text, month_name(m as u8), a.how))))
        }
        None => Err(needs(at.text)),
    })
}

/// "on Thursday": the last such weekday on or before the reference date.
fn weekday(c: &Captures, at: &At) -> Reading {
    let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    let days = [Weekday::Monday, Weekday::Tuesday, Weekday::Wednesday, Weekday::Thursday, Weekday::Friday, Weekday::Saturday, Weekday::Sunday];
    let target = days[names.iter().position(|n| *n == &c[2])?];
    let word = c[1].to_lowercase();
    Some(match at.anchor {
        Some(a) => {
            let from = i64::from(a.date.weekday().to_monday_zero_offset());
            let to = i64::from(target.to_monday_zero_offset());
            // Days to move from the anchor, and the rule that says why.
            let (shift, rule) = if word == "this" {
                (to - from, "the one in the same week (Monday to Sunday) as".to_owned())
            } else if word == "next" || at.future {
                let ahead = (to - from).rem_euclid(7);
                (if word == "next" && ahead == 0 { 7 } else { ahead }, format!("the next {} on or after", &c[2]))
            } else {
                let back = (from - to).rem_euclid(7);
                (-(if word == "last" && back == 0 { 7 } else { back }), format!("the last {} on or before", &c[2]))
            };
            Span::new()
                .try_days(shift)
                .and_then(|span| a.date.checked_add(span))
                .map(|d| day(iso_day(d), Some(format!("'{}' is read as {}, {rule} {}.", at.text, display(d), a.how))))
                .map_err(|_| format!("'{}' falls outside the calendar", at.text))
        }
        None => Err(needs(at.text)),
    })
}

/// "12 months ago": counted back from the reference date, approximate.
fn ago(c: &Captures, at: &At) -> Reading {
    // "10,000 years ago" is not "000 years ago"; "1.5 years" not "5 years".
    if at.sentence[..at.whole.start].ends_with(|c: char| c.is_ascii_digit() || c == ',' || c == '.') {
        return None;
    }
    let n = number_word(&c[1])?;
    Some(match at.anchor {
        Some(a) => {
            let span = match &c[2] {
                "day" => Span::new().try_days(n),
                "week" => Span::new().try_weeks(n),
                "month" => Span::new().try_months(n),
                _ => Span::new().try_years(n),
            };
            span.and_then(|span| a.date.checked_sub(span))
                .map(|d| {
                    let (start, how) = match &c[2] {
                        "day" | "week" => (iso_day(d), display(d)),
                        "month" => (iso_month(d.year(), d.month()), format!("{} {}", month_name(d.month() as u8), d.year())),
                        _ => (format!("{:04}", d.year()), d.year().to_string()),
                    };
                    of(start, None, "approximate", Some(format!("'{}' counted back from {}: about {how}.", at.text, a.how)))
                })
                .map_err(|_| format!("'{}' falls outside the calendar", at.text))
        }
        None => Err(needs(at.text)),
    })
}

/// "yesterday", "last year", "last month", "this year".
fn relative(c: &Captures, at: &At) -> Reading {
    // "only yesterday" is a figure of speech, not a date.
    if at.sentence[..at.whole.start].trim_end().to_lowercase().ends_with("only") {
        return None;
    }
    let Some(a) = at.anchor else { return Some(Err(needs(at.text))) };
    let d = a.date;
    let text = at.text;
    Some(match c[1].to_lowercase().as_str() {
        "yesterday" => d
            .checked_sub(Span::new().days(1))
            .map(|y| day(iso_day(y), Some(format!("'{text}' is {}, the day before {}.", display(y), a.how))))
            .map_err(|_| format!("'{text}' falls outside the calendar")),
        "last year" => Ok(of(format!("{:04}", d.year() - 1), None, "year", Some(format!("'{text}' is {}, the year before {}.", d.year() - 1, a.how)))),
        "this year" => Ok(of(format!("{:04}", d.year()), None, "year", Some(format!("'{text}' is {}, the year of {}.", d.year(), a.how)))),
        _ => {
            let prev = d.checked_sub(Span::new().months(1)).unwrap_or(d);
            Ok(of(iso_month(prev.year(), prev.month()), None, "month", Some(format!("'{text}' is the month before {}.", a.how))))
        }
    })
}

/// Every date expression in `sentence`, in order, none overlapping: the rules run from the
/// most specific ("8 December 2024") to the least ("in May"), and a later rule never
/// reads words an earlier one took.
pub fn find(sentence: &str, anchor: Option<&Anchor>) -> Vec<Found> {
    let p = patterns();
    let rules: [(&Regex, Rule); 12] = [
        (&p.iso, iso),
        (&p.dmy, dmy),
        (&p.mdy, mdy),
        (&p.month_year, month_year),
        (&p.part_of_year, part_of_year),
        (&p.range, year_range),
        (&p.circa, circa),
        (&p.year, year),
        (&p.month_alone, month_alone),
        (&p.weekday, weekday),
        (&p.ago, ago),
        (&p.relative, relative),
    ];
    let future = looks_ahead(sentence);
    let mut out: Vec<Found> = Vec::new();
    for (re, rule) in rules {
        for c in re.captures_iter(sentence) {
            let whole = c.get(0).expect("a match").range();
            if !out.iter().all(|f| f.range.end <= whole.start || f.range.start >= whole.end) {
                continue;
            }
            let at = At { sentence, whole: whole.clone(), text: &sentence[whole.clone()], anchor, future };
            if let Some(date) = rule(&c, &at) {
                out.push(Found { range: whole, date });
            }
        }
    }
    out.sort_by_key(|f| f.range.start);
    out
}

/// Every full date (day, month and year) a text states, for the reference date when no
/// publication date is given.
pub fn full_dates(text: &str) -> Vec<Date> {
    find(text, None)
        .into_iter()
        .filter_map(|f| {
            let d = f.date.ok()?;
            if d.precision != "day" || d.derivation.is_some() {
                return None;
            }
            let mut parts = d.start.split('-').map(|x| x.parse::<i32>().ok());
            let (y, m, dd) = (parts.next()??, parts.next()??, parts.next()??);
            Date::new(i16::try_from(y).ok()?, i8::try_from(m).ok()?, i8::try_from(dd).ok()?).ok()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn anchor() -> Anchor {
        Anchor { date: Date::new(2025, 7, 31).unwrap(), how: "31 July 2025, the publication date".into() }
    }

    fn one(s: &str) -> RawDate {
        let found = find(s, Some(&anchor()));
        assert_eq!(found.len(), 1, "{s}: {found:?}");
        found[0].date.clone().unwrap_or_else(|e| panic!("{s}: {e}"))
    }

    fn is(d: &RawDate, start: &str, end: Option<&str>, precision: &str, derived: bool) {
        assert_eq!((d.start.as_str(), d.end.as_deref(), d.precision.as_str(), d.derivation.is_some()), (start, end, precision, derived), "{d:?}");
    }

    #[test]
    fn each_form() {
        is(&one("They met on July 31, 2025 in Moscow."), "2025-07-31", None, "day", false);
        is(&one("It fell on 8 December 2024."), "2024-12-08", None, "day", false);
        is(&one("Talks resumed Oct. 15, officials said."), "2024-10-15", None, "day", true);
        is(&one("Talks will resume Oct. 15, officials said."), "2025-10-15", None, "day", true);
        is(&one("They will meet on Monday."), "2025-08-04", None, "day", true);
        is(&one("They meet next Thursday."), "2025-08-07", None, "day", true);
        is(&one("They met this Tuesday."), "2025-07-29", None, "day", true);
        is(&one("The vote is this September."), "2025-09", None, "month", true);
        is(&one("Fighting resumed in mid-July."), "2025-07", None, "month", true);
        is(&one("The decree of 2024-12-08 stands."), "2024-12-08", None, "day", false);
        is(&one("conducted on 13 November, he said"), "2024-11-13", None, "day", true);
        is(&one("the March 2020 ceasefire"), "2020-03", None, "month", false);
        is(&one("The fall of Aleppo in 2016 marked it."), "2016", None, "year", false);
        is(&one("it was between 2019-20 that we lost"), "2019", Some("2020"), "range", false);
        is(&one("Between 2016-20, we endured"), "2016", Some("2020"), "range", false);
        is(&one("from 2020 to 2024 people had calm"), "2020", Some("2024"), "range", false);
        is(&one("the neutralisation in late 2024, and"), "2024-09", Some("2024-12"), "approximate", true);
        is(&one("Russia has been there since c. 2015."), "2015", None, "approximate", true);
        is(&one("By 2024, we faced a choice."), "2024", None, "approximate", true);
        is(&one("reach out to Sharaa in May and"), "2025-05", None, "month", true);
        is(&one("as he said last February,"), "2025-02", None, "month", true);
        is(&one("He arrived in Moscow on Thursday."), "2025-07-31", None, "day", true);
        is(&one("Putin called Netanyahu on Monday."), "2025-07-28", None, "day", true);
        is(&one("since ousting Assad 12 months ago but"), "2024-07", None, "approximate", true);
        is(&one("The minister left yesterday."), "2025-07-30", None, "day", true);
    }

    #[test]
    fn huge_numbers_are_refused_not_a_panic() {
        let found = find("It began 20000 years ago, or 99999999999 days ago.", Some(&anchor()));
        assert_eq!(found.len(), 2);
        assert!(found.iter().all(|f| f.date.is_err()), "{found:?}");
    }

    #[test]
    fn a_derivation_says_how() {
        let d = one("He arrived in Moscow on Thursday.");
        assert_eq!(d.derivation.as_deref(), Some("'on Thursday' is read as 31 July 2025, the last Thursday on or before 31 July 2025, the publication date."));
    }

    #[test]
    fn without_a_reference_date_nothing_relative_is_guessed() {
        let found = find("He arrived on Thursday, 12 months ago, in May.", None);
        assert_eq!(found.len(), 3);
        assert!(found.iter().all(|f| f.date.as_ref().is_err_and(|e| e.contains("needs a reference date"))));
    }

    #[test]
    fn not_dates() {
        for s in ["There were roughly 20 aircraft.", "after Friday prayers", "a city that, only yesterday, stood with them",
            "some 2000 fighters crossed", "They won by 2000 votes.", "It began 10,000 years ago.", "about 1800 families fled", "A 49-year agreement was signed.", "We may lose a battle.", "It costs $2024 now.", "It had 2015 members."] {
            assert!(find(s, Some(&anchor())).is_empty(), "{s}: {:?}", find(s, Some(&anchor())));
        }
        assert!(find("on 31 February 2024", None)[0].date.is_err());
    }
}
