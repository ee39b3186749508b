//! Dates at their real precision: a year, a month or a day, never more than the source says.
//!
//! [`PartialDate`] orders a year before its months and a month before its days, so a
//! timeline sorted by start date puts "November 2024" before "8 November 2024".
//! [`DateSpec`] is a dated claim: its precision, an optional end and how it was derived.

use std::fmt;

use serde::{Deserialize, Serialize};

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A calendar date known to the year, the month or the day.
///
/// Field order matters: the derived `Ord` compares year, then month, then day, and
/// `None` sorts before `Some`, which puts a month before the days in it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct PartialDate {
    year: i32,
    month: Option<u8>,
    day: Option<u8>,
}

/// Why a string is not a [`PartialDate`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError(pub String);

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// What makes a text no [`PartialDate`] (said of the date: "is " it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateFault {
    /// Not `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    Form,
    /// Year 0000.
    YearZero,
    /// A month outside 01–12.
    Month,
    /// A day the month does not have (30 February): its year and month.
    Day { year: i32, month: u8 },
}

impl fmt::Display for DateFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            DateFault::Form => f.write_str("not a date of the form YYYY, YYYY-MM or YYYY-MM-DD"),
            DateFault::YearZero => f.write_str("no year of the calendar: years run from 0001"),
            DateFault::Month => f.write_str("no month of the calendar: months run from 01 to 12"),
            DateFault::Day { year, month } => write!(
                f,
                "not a day of the calendar: {} {year} has {} days",
                MONTHS[usize::from(month.clamp(1, 12) - 1)],
                days_in_month(year, month)
            ),
        }
    }
}

impl PartialDate {
    pub fn year(year: i32) -> PartialDate {
        PartialDate { year, month: None, day: None }
    }

    pub fn year_month(year: i32, month: u8) -> Option<PartialDate> {
        (1..=12).contains(&month).then_some(PartialDate { year, month: Some(month), day: None })
    }

    pub fn ymd(year: i32, month: u8, day: u8) -> Option<PartialDate> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(PartialDate { year, month: Some(month), day: Some(day) })
    }

    /// Parses `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (four-digit years, calendar-checked days).
    pub fn parse(s: &str) -> Result<PartialDate, DateError> {
        PartialDate::read(s).map_err(|fault| DateError(format!("{s:?} is {fault}")))
    }

    /// [`PartialDate::parse`], with what is wrong said of the date alone (for a reader
    /// who sees the text already, as in a link's query).
    pub fn read(s: &str) -> Result<PartialDate, DateFault> {
        let parts: Vec<&str> = s.split('-').collect();
        let number = |p: &str, len: usize| -> Result<u32, DateFault> {
            if p.len() == len && p.bytes().all(|b| b.is_ascii_digit()) {
                p.parse().map_err(|_| DateFault::Form)
            } else {
                Err(DateFault::Form)
            }
        };
        // The calendar has no year 0 (1 BC is followed by AD 1): a written year 0000 is a
        // slip, which would otherwise be read as a date before every event.
        let year = |y: &str| match number(y, 4)? {
            0 => Err(DateFault::YearZero),
            y => Ok(y as i32),
        };
        match parts.as_slice() {
            [y] => Ok(PartialDate::year(year(y)?)),
            [y, m] => {
                let (y, m) = (year(y)?, number(m, 2)?);
                u8::try_from(m).ok().and_then(|m| PartialDate::year_month(y, m)).ok_or(DateFault::Month)
            }
            [y, m, d] => {
                let (y, m, d) = (year(y)?, number(m, 2)?, number(d, 2)?);
                let month = u8::try_from(m).ok().filter(|m| (1..=12).contains(m)).ok_or(DateFault::Month)?;
                u8::try_from(d).ok().and_then(|d| PartialDate::ymd(y, month, d)).ok_or(DateFault::Day { year: y, month })
            }
            _ => Err(DateFault::Form),
        }
    }

    pub fn year_value(&self) -> i32 {
        self.year
    }

    pub fn month_value(&self) -> Option<u8> {
        self.month
    }

    pub fn day_value(&self) -> Option<u8> {
        self.day
    }

    /// The granularity this date is known to.
    pub fn granularity(&self) -> Granularity {
        match (self.month, self.day) {
            (None, _) => Granularity::Year,
            (Some(_), None) => Granularity::Month,
            (Some(_), Some(_)) => Granularity::Day,
        }
    }

    /// The first day this date could be (for range overlap tests).
    pub fn first_day(&self) -> (i32, u8, u8) {
        (self.year, self.month.unwrap_or(1), self.day.unwrap_or(1))
    }

    /// The last day this date could be.
    pub fn last_day(&self) -> (i32, u8, u8) {
        let month = self.month.unwrap_or(12);
        (self.year, month, self.day.unwrap_or_else(|| days_in_month(self.year, month)))
    }

    /// ISO 8601 at this date's precision: `2018`, `2024-11`, `2024-12-08`.
    pub fn iso(&self) -> String {
        match (self.month, self.day) {
            (None, _) => format!("{:04}", self.year),
            (Some(m), None) => format!("{:04}-{m:02}", self.year),
            (Some(m), Some(d)) => format!("{:04}-{m:02}-{d:02}", self.year),
        }
    }

    /// As an editor writes it: `8 December 2024`, `November 2024`, `2018`.
    pub fn display(&self) -> String {
        match (self.month, self.day) {
            (None, _) => self.year.to_string(),
            (Some(m), None) => format!("{} {}", month_name(m), self.year),
            (Some(m), Some(d)) => format!("{d} {} {}", month_name(m), self.year),
        }
    }
}

/// How finely a [`PartialDate`] is known.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Granularity {
    Year,
    Month,
    Day,
}

/// The English name of a month (1 = January); out-of-range values are clamped.
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12) - 1)]
}

fn short_month_name(month: u8) -> &'static str {
    &month_name(month)[..3]
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How precisely a claim is dated, as the data file declares it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Precision {
    Day,
    Month,
    Year,
    Range,
    Approximate,
}

impl Precision {
    pub const ALL: [Precision; 5] =
        [Precision::Day, Precision::Month, Precision::Year, Precision::Range, Precision::Approximate];

    pub fn as_str(&self) -> &'static str {
        match self {
            Precision::Day => "day",
            Precision::Month => "month",
            Precision::Year => "year",
            Precision::Range => "range",
            Precision::Approximate => "approximate",
        }
    }

    pub fn parse(s: &str) -> Option<Precision> {
        Precision::ALL.into_iter().find(|p| p.as_str() == s)
    }
}

/// A dated claim: when, how precisely, and (if inferred) how it was worked out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateSpec {
    pub start: PartialDate,
    pub end: Option<PartialDate>,
    pub precision: Precision,
    pub derivation: Option<String>,
}

impl DateSpec {
    /// Checks that the parts agree with the declared precision.
    pub fn new(
        start: PartialDate,
        end: Option<PartialDate>,
        precision: Precision,
        derivation: Option<String>,
    ) -> Result<DateSpec, DateError> {
        let want = |g: Granularity, name: &str| {
            if start.granularity() != g {
                Err(DateError(format!("precision {name:?} needs a start like {}", example(g))))
            } else if end.is_some() {
                Err(DateError(format!("precision {name:?} takes no end; use \"range\"")))
            } else {
                Ok(())
            }
        };
        match precision {
            Precision::Day => want(Granularity::Day, "day")?,
            Precision::Month => want(Granularity::Month, "month")?,
            Precision::Year => want(Granularity::Year, "year")?,
            Precision::Range if end.is_none() => {
                return Err(DateError("precision \"range\" needs an end".into()))
            }
            Precision::Range | Precision::Approximate => {}
        }
        if let Some(end) = end {
            if end.last_day() < start.first_day() {
                return Err(DateError(format!("end {} is before start {}", end.iso(), start.iso())));
            }
        }
        if derivation.as_deref().is_some_and(|d| d.trim().is_empty()) {
            return Err(DateError("derivation is empty; omit it or say how the date was found".into()));
        }
        Ok(DateSpec { start, end, precision, derivation })
    }

    /// The `datetime` attribute of a `<time>` element: ISO at real precision, ranges as
    /// `start/end` (ISO 8601 interval notation).
    pub fn iso(&self) -> String {
        match self.end {
            Some(end) => format!("{}/{}", self.start.iso(), end.iso()),
            None => self.start.iso(),
        }
    }

    /// The last possible day covered, for range filters.
    pub fn last_day(&self) -> (i32, u8, u8) {
        self.end.unwrap_or(self.start).last_day()
    }

    pub fn first_day(&self) -> (i32, u8, u8) {
        self.start.first_day()
    }

    /// As a careful editor writes it: "8 December 2024", "2019–2020", "c. 2015",
    /// "26 November – 8 December 2024", "late Nov – early Dec 2024".
    pub fn display(&self) -> String {
        let parts = self.display_parts();
        match parts.end {
            Some((separator, end)) => format!("{}{}{separator}{}", parts.prefix, parts.start.1, end.1),
            None => format!("{}{}", parts.prefix, parts.start.1),
        }
    }

    /// [`DateSpec::display`], and " (inferred)" where the date was worked out rather than
    /// stated in the text (it has a derivation): what text outside the page (a citation,
    /// an embed, a preview image) says, since it cannot show the derivation.
    pub fn display_noting_inference(&self) -> String {
        match self.derivation {
            Some(_) => format!("{} (inferred)", self.display()),
            None => self.display(),
        }
    }

    /// [`DateSpec::display`] in pieces, each end with the ISO date it stands for, so a
    /// range becomes two `<time>` elements (HTML's `datetime` takes a date, not an
    /// interval): `c. ` + (`2024-11-26`, "26 November") + ` – ` + (`2024-12-08`, "8 December 2024").
    pub fn display_parts(&self) -> DateParts {
        let approximate = self.precision == Precision::Approximate;
        let prefix = if approximate { "c. " } else { "" };
        let Some(end) = self.end.filter(|&end| end != self.start) else {
            return DateParts { prefix, start: (self.start.iso(), self.start.display()), end: None };
        };
        // A fuzzy span says its vagueness in words ("late Nov"), so it takes no "c.".
        let fuzzy = approximate && self.start.granularity() == Granularity::Day && end.granularity() == Granularity::Day;
        let (prefix, (start_text, separator, end_text)) =
            if fuzzy { ("", fuzzy_span(self.start, end)) } else { (prefix, span(self.start, end)) };
        DateParts { prefix, start: (self.start.iso(), start_text), end: Some((separator, (end.iso(), end_text))) }
    }
}

/// A date's display in pieces: see [`DateSpec::display_parts`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateParts {
    /// "c. " for an approximate date, else empty.
    pub prefix: &'static str,
    /// The start: its ISO date and its text.
    pub start: (String, String),
    /// For a range, the separator ("–" or " – ") and the end's ISO date and text.
    pub end: Option<(&'static str, (String, String))>,
}

fn example(g: Granularity) -> &'static str {
    match g {
        Granularity::Year => "\"2018\"",
        Granularity::Month => "\"2024-11\"",
        Granularity::Day => "\"2024-12-08\"",
    }
}

/// An exact span, sharing the year (and month) where both ends do: the start's text, the
/// separator and the end's text.
fn span(start: PartialDate, end: PartialDate) -> (String, &'static str, String) {
    let same_year = start.year == end.year;
    match (start.granularity(), end.granularity()) {
        (Granularity::Day, Granularity::Day) if same_year && start.month == end.month => {
            (start.day.unwrap_or(1).to_string(), "–", format!("{} {} {}", end.day.unwrap_or(1), month_name(end.month.unwrap_or(1)), end.year))
        }
        (Granularity::Day, Granularity::Day) if same_year => {
            (format!("{} {}", start.day.unwrap_or(1), month_name(start.month.unwrap_or(1))), " – ", end.display())
        }
        (Granularity::Month, Granularity::Month) if same_year => {
            (month_name(start.month.unwrap_or(1)).to_owned(), "–", end.display())
        }
        (Granularity::Year, Granularity::Year) => (start.year.to_string(), "–", end.year.to_string()),
        _ => (start.display(), " – ", end.display()),
    }
}

/// A fuzzy span in thirds of a month: "late Nov" – "early Dec 2024".
fn fuzzy_span(start: PartialDate, end: PartialDate) -> (String, &'static str, String) {
    let part = |d: PartialDate| {
        let third = match d.day.unwrap_or(1) {
            1..=10 => "early",
            11..=20 => "mid",
            _ => "late",
        };
        format!("{third} {}", short_month_name(d.month.unwrap_or(1)))
    };
    if start.year == end.year {
        (part(start), " – ", format!("{} {}", part(end), end.year))
    } else {
        (format!("{} {}", part(start), start.year), " – ", format!("{} {}", part(end), end.year))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> PartialDate {
        PartialDate::parse(s).unwrap()
    }

    fn spec(start: &str, end: Option<&str>, precision: Precision) -> DateSpec {
        DateSpec::new(d(start), end.map(d), precision, None).unwrap()
    }

    #[test]
    fn parses_each_precision_and_rejects_the_rest() {
        assert_eq!(d("2018").iso(), "2018");
        assert_eq!(d("2024-11").iso(), "2024-11");
        assert_eq!(d("2024-12-08").iso(), "2024-12-08");
        for bad in ["", "24", "2024-13", "2024-02-30", "2023-02-29", "2024-1-5", "2024/11", "x2024", "2024-11-08-01", "0000", "0000-01-01"] {
            assert!(PartialDate::parse(bad).is_err(), "{bad:?} should not parse");
        }
        assert_eq!(PartialDate::parse("0000-12").unwrap_err().0, "\"0000-12\" is no year of the calendar: years run from 0001");
        assert_eq!(d("0001").iso(), "0001");
        assert!(PartialDate::parse("2024-02-29").is_ok());
    }

    #[test]
    fn a_month_sorts_before_its_days_and_after_its_year() {
        let mut dates = [d("2024-11-08"), d("2024-11"), d("2024"), d("2024-10-31"), d("2023-12")];
        dates.sort();
        let isos: Vec<String> = dates.iter().map(PartialDate::iso).collect();
        assert_eq!(isos, ["2023-12", "2024", "2024-10-31", "2024-11", "2024-11-08"]);
    }

    #[test]
    fn displays_like_an_editor() {
        let check = |s: DateSpec, want: &str| assert_eq!(s.display(), want);
        check(spec("2024-12-08", None, Precision::Day), "8 December 2024");
        check(spec("2024-11", None, Precision::Month), "November 2024");
        check(spec("2019", Some("2020"), Precision::Range), "2019–2020");
        check(spec("2015", None, Precision::Approximate), "c. 2015");
        check(spec("2024-11-26", Some("2024-12-08"), Precision::Range), "26 November – 8 December 2024");
        check(spec("2024-11-26", Some("2024-11-30"), Precision::Range), "26–30 November 2024");
        check(spec("2024-11-21", Some("2024-12-05"), Precision::Approximate), "late Nov – early Dec 2024");
        check(spec("2024-09", Some("2024-11"), Precision::Range), "September–November 2024");
    }

    #[test]
    fn a_range_is_displayed_in_two_dated_pieces() {
        let parts = spec("2024-11-26", Some("2024-12-08"), Precision::Range).display_parts();
        assert_eq!(parts.start, ("2024-11-26".to_owned(), "26 November".to_owned()));
        assert_eq!(parts.end, Some((" – ", ("2024-12-08".to_owned(), "8 December 2024".to_owned()))));
        let fuzzy = spec("2024-11-21", Some("2024-12-05"), Precision::Approximate).display_parts();
        assert_eq!((fuzzy.prefix, fuzzy.start.1.as_str()), ("", "late Nov"));
        let circa = spec("2014", Some("2015"), Precision::Approximate).display_parts();
        assert_eq!((circa.prefix, circa.start.0.as_str(), circa.end.unwrap().1 .0.as_str()), ("c. ", "2014", "2015"));
        // A point in time is one piece.
        assert_eq!(spec("2024-11", None, Precision::Month).display_parts().end, None);
    }

    #[test]
    fn datetime_attribute_keeps_real_precision() {
        assert_eq!(spec("2024-11", None, Precision::Month).iso(), "2024-11");
        assert_eq!(spec("2019", Some("2020"), Precision::Range).iso(), "2019/2020");
    }

    #[test]
    fn precision_must_agree_with_the_parts() {
        let err = |start: &str, end: Option<&str>, p: Precision| {
            DateSpec::new(d(start), end.map(d), p, None).unwrap_err().0
        };
        assert!(err("2024", None, Precision::Day).contains("needs a start like \"2024-12-08\""));
        assert!(err("2024-11-01", Some("2024-12-01"), Precision::Day).contains("takes no end"));
        assert!(err("2024", None, Precision::Range).contains("needs an end"));
        assert!(err("2024-12", Some("2024-11"), Precision::Range).contains("before start"));
        // A year-level end overlapping the start year is not "before".
        assert!(DateSpec::new(d("2024-11"), Some(d("2024")), Precision::Range, None).is_ok());
    }
}
