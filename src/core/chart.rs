//! The timeline chart's layout: time along x, one lane per actor, a mark per event that
//! shows how precisely its date is known, ticks that suit the zoom.
//!
//! Pure and in chart units (a `viewBox` [`WIDTH`] wide), so the same layout is drawn by
//! the static build and adopted by the browser. A day-precision date is a point; a range
//! a solid bar over its days; a month, a year, "c." or "late/early" a faded bar over every
//! day it could be, never a point. Marks in a lane are stacked in rows so none overlap;
//! where more would be needed, the rest of that stretch of time is binned with a count,
//! never dropped; a lane too busy to draw event by event (more than [`LANE_MARKS`] in
//! view) or folded by the reader is all counts. The view is the query's `from`/`to` (the
//! period the list shows), else the span of the events shown.

use std::ops::RangeInclusive;

use serde::{Deserialize, Serialize};

use crate::core::date::{month_name, PartialDate, Precision};
use crate::core::model::{ActorId, Corpus, Event};
use crate::core::route::TimelineQuery;

/// The chart's width in `viewBox` units.
pub const WIDTH: f64 = 1000.0;
/// Rows of marks a lane stacks before it bins.
pub const MAX_ROWS: usize = 4;
/// Events a lane draws one by one within the view; a lane with more (a busy actor over
/// years, or 10,000 events) is drawn as counts by stretch of time until zoomed in, as a
/// folded lane is. It bounds the chart's marks at any corpus size, so a filter or a zoom
/// redraws a few hundred elements, not thousands.
pub const LANE_MARKS: usize = 100;
/// Events the whole chart draws one by one: past it, the busiest lanes are drawn as
/// counts first (with 20 lanes of 50 events, some of them).
pub const CHART_MARKS: usize = 300;
/// Lanes drawn when no actor is chosen: the busiest actors, then "others".
pub const AUTO_LANES: usize = 4;
/// Marks closer than this (in chart units) go on different rows: a point's width and a
/// little air on a phone's screen (a thousandth of the width is a third of a pixel there).
const GAP: f64 = 12.0;
/// The narrowest bin drawn, so its count can be read on a 360 px screen too (a count of
/// three digits is about 20 px there; bins closer than this are one).
const MIN_BIN: f64 = 64.0;
/// The narrowest bar drawn, so a month at a decade's zoom is still visible.
const MIN_BAR: f64 = 3.0;
/// The least room (chart units) a mark's label is drawn in: a word or two of its title
/// on a laptop's screen (60 units of a 930 px chart are 56 px).
pub const MIN_LABEL: f64 = 60.0;
/// Room from which a label is kept on a phone's screen too (160 units of a 340 px chart
/// are 54 px); narrower ones are for wider screens (the stylesheet hides them).
pub const WIDE_LABEL: f64 = 160.0;

/// The first and last days a view can show: 0001-01-01 and 9999-12-31 (a date of four
/// digits, from year 1; [`day_number`] of each).
const FIRST_DAY: i64 = -719_162;
const LAST_DAY: i64 = 2_932_896;

/// Days since 1970-01-01 of a civil date (proleptic Gregorian).
pub fn day_number((y, m, d): (i32, u8, u8)) -> i64 {
    // Howard Hinnant's days_from_civil.
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = i64::from(m);
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date of a day number ([`day_number`]'s inverse).
pub fn civil(days: i64) -> (i32, u8, u8) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y as i32, m, d)
}

/// The days an event's date could cover.
pub fn days_of(event: &Event) -> RangeInclusive<i64> {
    day_number(event.date.first_day())..=day_number(event.date.last_day())
}

/// An event: its index and the first and last day it could cover.
type Span = (usize, i64, i64);

/// The spans of `shown` (indices into `corpus.events`).
fn spans(corpus: &Corpus, shown: &[usize]) -> Vec<Span> {
    shown
        .iter()
        .map(|&i| {
            let r = days_of(&corpus.events[i]);
            (i, *r.start(), *r.end())
        })
        .collect()
}

/// The stretch of time drawn: whole days, first to last inclusive.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct View {
    pub first: i64,
    pub last: i64,
}

/// The narrowest and the widest zoom, in days: a week, four hundred years.
const NARROWEST: f64 = 7.0;
const WIDEST: f64 = 365.0 * 400.0;

impl View {
    /// The view of a query: its `from`/`to` where given, else the span of `shown`, or of
    /// the whole corpus when nothing is shown (a filter no event passes still draws the
    /// dossier's years, not an arbitrary one).
    pub fn of(corpus: &Corpus, shown: &[usize], query: &TimelineQuery) -> View {
        View::over(corpus, query, &spans(corpus, shown))
    }

    /// [`View::of`] from the shown events' days, worked out once.
    fn over(corpus: &Corpus, query: &TimelineQuery, spans: &[Span]) -> View {
        let drawn = match (spans.iter().map(|s| s.1).min(), spans.iter().map(|s| s.2).max()) {
            (Some(first), Some(last)) => Some((first, last)),
            _ if query.from.is_none() && query.to.is_none() => {
                corpus.counts.span.map(|(first, last)| (day_number(first.first_day()), day_number(last.last_day())))
            }
            _ => None,
        };
        let first = query.from.map(|d| day_number(d.first_day())).or(drawn.map(|d| d.0));
        let last = query.to.map(|d| day_number(d.last_day())).or(drawn.map(|d| d.1));
        let (first, last) = match (first, last) {
            (Some(f), Some(l)) => (f, l),
            (Some(f), None) => (f, f + 365),
            (None, Some(l)) => (l - 365, l),
            (None, None) => (0, 365),
        };
        // At least a week, so a single day is not a point at infinite zoom.
        let (first, last) = if last < first { (last, first) } else { (first, last) };
        // (Cut to the years a date can name: a `to` early in year 1 has no year before.)
        let (first, last) = (first.max(FIRST_DAY), last.min(LAST_DAY));
        if last - first < 6 {
            let mid = (first + last) / 2;
            View::bounded(mid - 3, mid + 3)
        } else {
            View { first, last }
        }
    }

    pub fn days(&self) -> i64 {
        self.last - self.first + 1
    }

    /// Chart x of the start of `day`.
    pub fn x(&self, day: i64) -> f64 {
        (day - self.first) as f64 * WIDTH / self.days() as f64
    }

    /// The day at chart x (clamped to the view).
    pub fn day_at(&self, x: f64) -> i64 {
        let day = self.first + (x.clamp(0.0, WIDTH) / WIDTH * self.days() as f64).floor() as i64;
        day.clamp(self.first, self.last)
    }

    /// This view scaled by `factor` (below 1 zooms in) around the day at chart x `at`:
    /// from a week to four hundred years wide, but a zoom out never narrows the view (an
    /// overview wider than that, of a corpus spanning more years) nor a zoom in widens it.
    pub fn zoom(&self, factor: f64, at: f64) -> View {
        let center = self.first as f64 + at.clamp(0.0, WIDTH) / WIDTH * self.days() as f64;
        let now = self.days() as f64;
        let days = (now * factor).clamp(NARROWEST.min(now), WIDEST.max(now));
        let share = at.clamp(0.0, WIDTH) / WIDTH;
        let first = (center - days * share).round() as i64;
        View::bounded(first, first + days.round() as i64 - 1)
    }

    /// This view moved by `fraction` of its width (negative: earlier).
    pub fn pan(&self, fraction: f64) -> View {
        let shift = (self.days() as f64 * fraction).round() as i64;
        View::bounded(self.first + shift, self.last + shift)
    }

    /// The view from `first` to `last`, moved (its width kept) to within the years a date
    /// can name, 0001 to 9999, so a zoom or a pan never writes a date the URL refuses.
    fn bounded(first: i64, last: i64) -> View {
        let days = last - first;
        let first = first.clamp(FIRST_DAY, (LAST_DAY - days).max(FIRST_DAY));
        View { first, last: (first + days).min(LAST_DAY) }
    }

    /// The view as the query's `from`/`to`, at day precision.
    pub fn as_dates(&self) -> (PartialDate, PartialDate) {
        let date = |d: i64| {
            let (y, m, day) = civil(d);
            PartialDate::ymd(y, m, day).unwrap_or(PartialDate::year(y))
        };
        (date(self.first), date(self.last))
    }

    /// `query` showing this view (the list then shows the same period).
    pub fn query(&self, query: &TimelineQuery) -> TimelineQuery {
        let (from, to) = self.as_dates();
        TimelineQuery { from: Some(from), to: Some(to), ..query.clone() }
    }
}

/// How a mark shows what is known of its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Shape {
    /// A day.
    Point,
    /// A range of known ends.
    Bar,
    /// A month, a year, an approximate date: every day it could be, faded.
    Fuzzy,
}

/// One event's mark in one lane.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Item {
    /// Index into `corpus.events`.
    pub event: usize,
    pub x0: f64,
    pub x1: f64,
    pub row: usize,
    pub shape: Shape,
    /// The mark runs on beyond the view's edge.
    pub clipped: (bool, bool),
}

/// Marks too many to stack in a stretch of a lane, drawn as one with their count.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bin {
    pub x0: f64,
    pub x1: f64,
    pub count: usize,
    /// The earliest event it holds (index into `corpus.events`), where it links.
    pub first: usize,
    /// The days it covers, for the zoom a click on it makes.
    pub days: (i64, i64),
}

/// One lane: an actor's events (or those of no lane actor).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    /// `None` for "others".
    pub actor: Option<ActorId>,
    pub label: String,
    pub items: Vec<Item>,
    pub bins: Vec<Bin>,
    /// Rows of marks (at least 1, none when folded); the bins, if any, are on a row of
    /// their own below.
    pub rows: usize,
    /// Events in this lane within the view.
    pub count: usize,
    /// Folded by the reader: no rows of marks, every event in the row of bins.
    pub folded: bool,
    /// More than [`LANE_MARKS`] events in the view, or among the busiest lanes of a chart
    /// past [`CHART_MARKS`]: drawn as counts, like a folded lane.
    pub dense: bool,
}

/// A tick on the axis.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Tick {
    pub x: f64,
    pub label: String,
    /// A year boundary (drawn stronger).
    pub major: bool,
}

/// The tick unit a view uses.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Decade,
    #[default]
    Year,
    Month,
    Day,
}

/// The whole chart (empty by default: no lanes, no ticks).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Chart {
    pub view: View,
    pub unit: Unit,
    pub ticks: Vec<Tick>,
    pub lanes: Vec<Lane>,
    /// Shown events that lie wholly outside the view (none when the view is the query's).
    pub outside: usize,
}

impl Chart {
    /// Every event the chart names (its marks' and its bins' first), once each, ascending.
    pub fn events(&self) -> Vec<usize> {
        let mut all: Vec<usize> = self.lanes.iter().flat_map(|l| l.items.iter().map(|m| m.event).chain(l.bins.iter().map(|b| b.first))).collect();
        all.sort_unstable();
        all.dedup();
        all
    }

    /// The same chart with every event number passed through `to` (from one list of
    /// events to another), or `None` if `to` has no number for one of them.
    pub fn map_events(&self, to: impl Fn(usize) -> Option<usize>) -> Option<Chart> {
        let mut chart = self.clone();
        for lane in &mut chart.lanes {
            for item in &mut lane.items {
                item.event = to(item.event)?;
            }
            for bin in &mut lane.bins {
                bin.first = to(bin.first)?;
            }
        }
        Some(chart)
    }
}

/// The unit whose ticks suit a view of `days`: about 4 to 15 ticks.
pub fn unit_for(days: i64) -> Unit {
    if days > 365 * 40 {
        Unit::Decade
    } else if days > 365 * 3 {
        Unit::Year
    } else if days > 75 {
        Unit::Month
    } else {
        Unit::Day
    }
}

/// The ticks of a view.
pub fn ticks(view: &View) -> (Unit, Vec<Tick>) {
    let unit = unit_for(view.days());
    let (y0, m0, _) = civil(view.first);
    let mut out = Vec::new();
    match unit {
        Unit::Decade | Unit::Year => {
            let years = view.days() / 365 + 1;
            let step = if unit == Unit::Decade { 10 } else { [1, 2, 5].into_iter().find(|s| years / i64::from(*s) <= 14).unwrap_or(5) };
            let mut y = y0 - y0.rem_euclid(step);
            loop {
                let day = day_number((y, 1, 1));
                if day > view.last {
                    break;
                }
                if day >= view.first {
                    out.push(Tick { x: view.x(day), label: if unit == Unit::Decade { format!("{y}s") } else { y.to_string() }, major: true });
                }
                y += step;
            }
        }
        Unit::Month => {
            // At most about 14 ticks, on months a step divides (January always one).
            let months = view.days() / 30 + 1;
            let step: i32 = [1, 2, 3, 4, 6].into_iter().find(|s| months / i64::from(*s) <= 14).unwrap_or(6);
            let (mut y, mut m) = (y0, i32::from(m0));
            m -= (m - 1).rem_euclid(step);
            loop {
                let day = day_number((y, m as u8, 1));
                if day > view.last {
                    break;
                }
                if day >= view.first {
                    let label = if m == 1 { y.to_string() } else { month_name(m as u8).chars().take(3).collect() };
                    out.push(Tick { x: view.x(day), label, major: m == 1 });
                }
                m += step;
                while m > 12 {
                    m -= 12;
                    y += 1;
                }
            }
        }
        Unit::Day => {
            let step = (view.days() / 10).max(1);
            let mut day = view.first;
            let mut month = None;
            while day <= view.last {
                let (_, m, d) = civil(day);
                // The first tick of each month names it: "20 Nov", "22", …, "2 Dec".
                let label = if month != Some(m) { format!("{d} {}", &month_name(m)[..3]) } else { d.to_string() };
                month = Some(m);
                out.push(Tick { x: view.x(day), label, major: d == 1 && m == 1 });
                day += step;
            }
        }
    }
    (unit, out)
}

/// Not in the view (in [`layout`]'s table of each event's place among those in view).
const NOT_IN_VIEW: u32 = u32::MAX;

/// The lanes' actors: the chosen ones, or the busiest of the events in view (then
/// "others"). `place[i]` is event `i`'s place among those in view, or [`NOT_IN_VIEW`]:
/// each actor's events are counted from the corpus's index of them, no hashing per event.
fn lane_actors(corpus: &Corpus, place: &[u32], query: &TimelineQuery) -> (Vec<ActorId>, bool) {
    if !query.actors.is_empty() {
        let known: Vec<ActorId> = query.actors.iter().filter(|a| corpus.actor(a).is_some()).cloned().collect();
        return (known, false);
    }
    let mut ranked: Vec<(&ActorId, usize)> = corpus
        .actors
        .iter()
        .map(|a| (&a.id, corpus.events_involving(&a.id).iter().filter(|&&i| place[i] != NOT_IN_VIEW).count()))
        .filter(|&(_, n)| n > 0)
        .collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| corpus.actor_name(a.0).cmp(corpus.actor_name(b.0))));
    (ranked.into_iter().take(AUTO_LANES).map(|(a, _)| a.clone()).collect(), true)
}

/// Lays out the chart of `shown` (indices into `corpus.events`, chronological) for
/// `query`.
pub fn layout(corpus: &Corpus, shown: &[usize], query: &TimelineQuery) -> Chart {
    layout_folded(corpus, shown, query, &[])
}


/// [`layout`], with the lanes in `folded` (an actor, or `None` for "others") folded to
/// one row of bins: their events counted where they fall, none dropped.
pub fn layout_folded(corpus: &Corpus, shown: &[usize], query: &TimelineQuery, folded: &[Option<ActorId>]) -> Chart {
    // Each event's days worked out once: the view, then the events in it and where each
    // stands.
    let shown_spans = spans(corpus, shown);
    let view = View::over(corpus, query, &shown_spans);
    let (unit, ticks) = ticks(&view);
    let in_view: Vec<Span> = shown_spans.into_iter().filter(|&(_, first, last)| last >= view.first && first <= view.last).collect();
    let mut place = vec![NOT_IN_VIEW; corpus.events.len()];
    for (k, &(i, ..)) in in_view.iter().enumerate() {
        place[i] = k as u32;
    }
    let (actors, others) = lane_actors(corpus, &place, query);
    let mut in_a_lane = vec![false; in_view.len()];
    // Each lane's key, label and events in view.
    let mut groups: Vec<(Option<ActorId>, String, Vec<Span>)> = actors
        .iter()
        .map(|a| {
            let events: Vec<Span> = corpus
                .events_involving(a)
                .iter()
                .filter_map(|&i| {
                    let k = *place.get(i)?;
                    (k != NOT_IN_VIEW).then(|| {
                        in_a_lane[k as usize] = true;
                        in_view[k as usize]
                    })
                })
                .collect();
            (Some(a.clone()), corpus.actor_name(a).to_owned(), events)
        })
        .collect();
    if others {
        let rest: Vec<Span> = in_view.iter().zip(&in_a_lane).filter(|(_, &taken)| !taken).map(|(s, _)| *s).collect();
        if !rest.is_empty() || groups.is_empty() {
            let label = if groups.is_empty() { "All events" } else { "Others" };
            groups.push((None, label.into(), rest));
        }
    }
    // Which lanes are drawn as counts: the folded, those over LANE_MARKS, then the busiest
    // of the rest until the chart draws at most CHART_MARKS events one by one.
    let mut counts_only: Vec<bool> = groups.iter().map(|(key, _, events)| folded.contains(key) || events.len() > LANE_MARKS).collect();
    let mut marks: usize = groups.iter().zip(&counts_only).filter(|(_, &c)| !c).map(|((_, _, e), _)| e.len()).sum();
    let mut busiest: Vec<usize> = (0..groups.len()).collect();
    busiest.sort_by_key(|&k| std::cmp::Reverse(groups[k].2.len()));
    for k in busiest {
        if marks <= CHART_MARKS {
            break;
        }
        if !counts_only[k] {
            counts_only[k] = true;
            marks -= groups[k].2.len();
        }
    }
    let lanes: Vec<Lane> = groups
        .into_iter()
        .zip(counts_only)
        .map(|((key, label, events), counts)| {
            let fold = folded.contains(&key);
            lane(&view, unit, key, label, &events, corpus, fold, counts && !fold)
        })
        .collect();
    Chart { view, unit, ticks, lanes, outside: shown.len() - in_view.len() }
}

#[allow(clippy::too_many_arguments)]
fn lane(view: &View, unit: Unit, actor: Option<ActorId>, label: String, events: &[Span], corpus: &Corpus, folded: bool, dense: bool) -> Lane {
    let max_rows = if folded || dense { 0 } else { MAX_ROWS };
    if max_rows == 0 {
        // Counts only: each event's first day in view is all a bin needs (10,000 events
        // in "others" at every date is the common case: no mark to shape or place).
        let bins = bin(view, unit, events.iter().map(|&(i, first, _)| (i, first.max(view.first))).collect());
        return Lane { actor, label, rows: 0, count: events.len(), items: Vec::new(), bins, folded, dense };
    }
    let mut marks: Vec<(Item, i64)> = events
        .iter()
        .map(|&(i, first, last)| {
            let shape = match corpus.events[i].date.precision {
                Precision::Day => Shape::Point,
                Precision::Range => Shape::Bar,
                Precision::Month | Precision::Year | Precision::Approximate => Shape::Fuzzy,
            };
            let shape = if shape == Shape::Point && first != last { Shape::Fuzzy } else { shape };
            let x0 = view.x(first.max(view.first));
            let mut x1 = view.x(last.min(view.last) + 1);
            if shape != Shape::Point && x1 - x0 < MIN_BAR {
                x1 = x0 + MIN_BAR;
            }
            let x1 = if shape == Shape::Point { x0 } else { x1 };
            // With the first day in view, which a bin goes by.
            (Item { event: i, x0, x1, row: 0, shape, clipped: (first < view.first, last > view.last) }, first.max(view.first))
        })
        .collect();
    marks.sort_by(|(a, _), (b, _)| a.x0.total_cmp(&b.x0).then(a.event.cmp(&b.event)));
    let mut row_ends: Vec<f64> = Vec::new();
    let mut items = Vec::new();
    let mut overflow: Vec<(Item, i64)> = Vec::new();
    for (mut m, start) in marks {
        let right = if m.shape == Shape::Point { m.x0 + GAP } else { m.x1 + GAP / 2.0 };
        let left = if m.shape == Shape::Point { m.x0 - GAP / 2.0 } else { m.x0 };
        match row_ends.iter().position(|&end| end <= left) {
            Some(r) => {
                row_ends[r] = right;
                m.row = r;
                items.push(m);
            }
            None if row_ends.len() < max_rows => {
                m.row = row_ends.len();
                row_ends.push(right);
                items.push(m);
            }
            None => overflow.push((m, start)),
        }
    }
    // What does not fit is binned by a stretch of time that suits the zoom, with a count,
    // on a row of its own under the marks ("+12"): nothing is dropped.
    let bins = bin(view, unit, overflow.into_iter().map(|(m, start)| (m.event, start)).collect());
    let rows = if folded || dense { 0 } else { row_ends.len().max(1) };
    Lane { actor, label, rows, count: events.len(), items, bins, folded, dense }
}

/// Where a mark's label (its event's title) is drawn: from `x`, across `width` chart
/// units, and cut off there.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelRoom {
    pub x: f64,
    pub width: f64,
}

impl LabelRoom {
    /// Room enough for the label on a phone's screen too ([`WIDE_LABEL`]).
    pub fn wide(&self) -> bool {
        self.width >= WIDE_LABEL
    }
}

/// The room for each of `lane`'s items' labels, in its items' order, where there is
/// [`MIN_LABEL`] of it: a bar's or a faded bar's inside it; a point's from the point to
/// the next mark of its row (or the chart's end), since rows keep only a point's width
/// free after it. Labels never cross another mark: a row is a band of its own.
pub fn label_rooms(lane: &Lane) -> Vec<Option<LabelRoom>> {
    // Each row's items in order of x (`lane` places them in that order).
    let mut next_left = vec![WIDTH; lane.items.len()];
    let mut last_in_row: Vec<Option<usize>> = vec![None; lane.items.iter().map(|i| i.row + 1).max().unwrap_or(0)];
    for (k, item) in lane.items.iter().enumerate() {
        let left = if item.shape == Shape::Point { item.x0 - GAP / 2.0 } else { item.x0 };
        if let Some(before) = last_in_row[item.row].replace(k) {
            next_left[before] = left;
        }
    }
    lane.items
        .iter()
        .zip(next_left)
        .map(|(item, next)| {
            let width = match item.shape {
                Shape::Point => next - item.x0 - GAP / 4.0,
                Shape::Bar | Shape::Fuzzy => item.x1 - item.x0,
            };
            (width >= MIN_LABEL).then_some(LabelRoom { x: item.x0, width })
        })
        .collect()
}

/// The stretch of time a bin covers at this zoom, holding `day`: a year at a decade's
/// ticks, a quarter at a year's, a week at a month's, a day at a day's.
fn stretch(unit: Unit, day: i64) -> (i64, i64) {
    let (y, m, _) = civil(day);
    match unit {
        Unit::Decade => (day_number((y, 1, 1)), day_number((y, 12, 31))),
        Unit::Year => {
            let q = (m - 1) / 3 * 3 + 1;
            let next = if q == 10 { day_number((y + 1, 1, 1)) } else { day_number((y, q + 3, 1)) };
            (day_number((y, q, 1)), next - 1)
        }
        Unit::Month => {
            // Weeks from Monday (1970-01-05 was one).
            let monday = day - (day - 4).rem_euclid(7);
            (monday, monday + 6)
        }
        Unit::Day => (day, day),
    }
}

/// The bins of `events`: each event (by index) with its first day in view.
fn bin(view: &View, unit: Unit, mut events: Vec<(usize, i64)>) -> Vec<Bin> {
    events.sort_unstable_by_key(|&(event, start)| (start, event));
    let mut bins: Vec<Bin> = Vec::new();
    for (event, start) in events {
        // A day within the last bin's stretches is counted there: its stretch is one of
        // them (stretches tile time), so nothing else about the bin changes.
        if let Some(bin) = bins.last_mut().filter(|b| start <= b.days.1) {
            bin.count += 1;
            bin.first = bin.first.min(event);
            continue;
        }
        let (a, b) = stretch(unit, start);
        // A bin is at least MIN_BIN wide (its count must fit) and inside the drawing: at
        // its right end it starts that much before the end, merged into the last bin if
        // they would overlap.
        let x0 = view.x(a.max(view.first)).clamp(0.0, WIDTH - MIN_BIN);
        match bins.last_mut() {
            // The same stretch, or one so close that their counts would overlap: one bin.
            Some(bin) if bin.days == (a, b) || x0 < bin.x1 => {
                bin.count += 1;
                bin.first = bin.first.min(event);
                bin.days.1 = bin.days.1.max(b);
                bin.x1 = bin.x1.max(view.x(b.min(view.last) + 1));
            }
            _ => {
                let x1 = view.x(b.min(view.last) + 1).max(x0 + MIN_BIN).min(WIDTH);
                bins.push(Bin { x0, x1, count: 1, first: event, days: (a, b) });
            }
        }
    }
    bins
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(day_number((1970, 1, 1)), 0);
        assert_eq!(day_number((2024, 12, 8)) - day_number((2024, 11, 26)), 12);
        assert_eq!(day_number((2025, 3, 1)) - day_number((2025, 2, 28)), 1);
        assert_eq!(day_number((2024, 3, 1)) - day_number((2024, 2, 28)), 2);
        for d in (-800_000..800_000).step_by(997) {
            assert_eq!(day_number(civil(d)), d);
        }
    }

    #[test]
    fn the_first_and_last_days_are_years_1_and_9999() {
        assert_eq!((FIRST_DAY, LAST_DAY), (day_number((1, 1, 1)), day_number((9999, 12, 31))));
    }

    #[test]
    fn zoom_pan_and_dates() {
        let v = View { first: day_number((2024, 1, 1)), last: day_number((2024, 12, 31)) };
        let z = v.zoom(0.5, WIDTH / 2.0);
        assert!((z.days() - 183).abs() <= 1, "{z:?}");
        assert!(z.first > v.first && z.last < v.last);
        let out = z.zoom(2.0, WIDTH / 2.0);
        assert!((out.days() - v.days()).abs() <= 2);
        let p = v.pan(0.5);
        assert_eq!(p.days(), v.days());
        assert_eq!(v.as_dates().0.iso(), "2024-01-01");
        assert_eq!(v.as_dates().1.iso(), "2024-12-31");
        assert_eq!(v.day_at(0.0), v.first);
        assert_eq!(v.day_at(WIDTH), v.last);
        // Never narrower than a week.
        assert!(v.zoom(0.0001, 10.0).days() >= 7);
        // Never before 0001 or after 9999: the view's dates stay ones a URL can name.
        let early = View { first: day_number((1, 6, 1)), last: day_number((2, 5, 31)) };
        assert_eq!((early.pan(-0.5).as_dates().0.iso(), early.pan(-0.5).days()), ("0001-01-01".to_owned(), early.days()));
        assert_eq!(early.zoom(200.0, WIDTH).as_dates().0.iso(), "0001-01-01");
        let late = View { first: day_number((9999, 6, 1)), last: day_number((9999, 11, 30)) };
        assert_eq!((late.pan(0.5).as_dates().1.iso(), late.pan(0.5).days()), ("9999-12-31".to_owned(), late.days()));
        // A view wider than the widest zoom (the overview of a corpus of 1500-2025) is
        // not narrowed by a zoom out, nor is one narrower than a week widened by a zoom in.
        let wide = View { first: day_number((1500, 1, 1)), last: day_number((2025, 12, 31)) };
        assert_eq!(wide.zoom(2.0, WIDTH / 2.0), wide);
        assert_eq!(wide.zoom(1.25, 0.0), wide);
        assert!(wide.zoom(0.5, WIDTH / 2.0).days() < wide.days());
        let day = View { first: day_number((2024, 12, 8)), last: day_number((2024, 12, 10)) };
        assert_eq!(day.zoom(0.5, WIDTH / 2.0).days(), day.days());
        for v in [early.pan(-3.0), early.zoom(200.0, WIDTH), late.pan(3.0)] {
            let (from, to) = v.as_dates();
            assert!(PartialDate::parse(&from.iso()).is_ok() && PartialDate::parse(&to.iso()).is_ok(), "{v:?}");
        }
    }

    #[test]
    fn ticks_suit_the_zoom() {
        let view = |a: (i32, u8, u8), b: (i32, u8, u8)| View { first: day_number(a), last: day_number(b) };
        let (u, t) = ticks(&view((1950, 1, 1), (2025, 12, 31)));
        assert_eq!(u, Unit::Decade);
        assert_eq!(t.first().unwrap().label, "1950s");
        let (u, t) = ticks(&view((2015, 1, 1), (2025, 12, 31)));
        assert_eq!(u, Unit::Year);
        assert!(t.iter().any(|t| t.label == "2024"));
        let (u, t) = ticks(&view((2024, 6, 1), (2025, 6, 30)));
        assert_eq!(u, Unit::Month);
        assert!(t.iter().any(|t| t.label == "2025" && t.major) && t.iter().any(|t| t.label == "Nov"));
        let (u, t) = ticks(&view((2024, 11, 20), (2024, 12, 10)));
        assert_eq!(u, Unit::Day);
        assert!(t.len() <= 12 && t.iter().any(|t| t.label == "20 Nov") && t.iter().any(|t| t.label == "2 Dec"), "{t:?}");
        for (_, t) in [ticks(&view((2024, 11, 20), (2024, 12, 10))), ticks(&view((1900, 1, 1), (2100, 1, 1)))] {
            assert!(t.windows(2).all(|w| w[0].x < w[1].x) && t.iter().all(|t| (0.0..=WIDTH).contains(&t.x)));
        }
    }
}
