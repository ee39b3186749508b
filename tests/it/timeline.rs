//! Timeline filters and the chart's layout on a small corpus of mixed-precision dates
//! (and on the bundled corpus).

use dossier::core::date::PartialDate;
use dossier::core::load::{load, CorpusFiles};
use dossier::core::model::{ActorId, ActorKind, Corpus, DocumentId};
use dossier::core::route::{event_anchor, fragment_href, year_anchor, ActorMatch, TimelineAnchor, TimelineQuery};
use dossier::core::chart::{day_number, layout, layout_folded, unit_for, Shape, Unit, View, MAX_ROWS, WIDTH};
use dossier::core::route::{parse, Route};
use dossier::core::timeline::{actor_counts, anchor_position, filter};
use serde_json::json;

use super::root;

/// The minimal fixture with events at every precision, listed out of order.
fn corpus() -> Corpus {
    let (mut files, errors) = CorpusFiles::read_dir(&root("tests/fixtures/minimal"));
    assert!(errors.is_empty());
    let event = |id: &str, date: serde_json::Value, actors: &[&str]| {
        json!({
            "id": id, "title": id, "date": date,
            "actors": actors.iter().map(|a| json!({"id": a, "role": "participant"})).collect::<Vec<_>>(),
            "places": [], "document": "one", "paragraph": 2, "evidence": "The minister"
        })
    };
    let events = json!([
        event("day", json!({"start": "2024-12-08", "precision": "day"}), &["minister", "envoy"]),
        event("month", json!({"start": "2024-12", "precision": "month"}), &["minister"]),
        event("year", json!({"start": "2024", "precision": "year"}), &["envoy"]),
        event("range", json!({"start": "2019", "end": "2020", "precision": "range"}), &["minister"]),
        event("fuzzy", json!({"start": "2024-11-21", "end": "2024-12-05", "precision": "approximate"}), &[]),
        event("early", json!({"start": "2015", "precision": "approximate"}), &["envoy"]),
    ]);
    files.events = events.to_string();
    load(&files).unwrap()
}

fn shown(c: &Corpus, query: TimelineQuery) -> Vec<String> {
    filter(c, &query).into_iter().map(|i| c.events[i].id.to_string()).collect()
}

#[test]
fn events_are_chronological_with_a_year_before_its_months_and_a_month_before_its_days() {
    let c = corpus();
    assert_eq!(shown(&c, TimelineQuery::default()), ["early", "range", "year", "fuzzy", "month", "day"]);
}

#[test]
fn any_and_all_actor_matching() {
    let c = corpus();
    let both = vec![ActorId::new("minister"), ActorId::new("envoy")];
    let any = TimelineQuery { actors: both.clone(), ..TimelineQuery::default() };
    assert_eq!(shown(&c, any), ["early", "range", "year", "month", "day"]);
    let all = TimelineQuery { actors: both, match_mode: ActorMatch::All, ..TimelineQuery::default() };
    assert_eq!(shown(&c, all), ["day"]);
}

#[test]
fn date_ranges_keep_events_that_overlap_at_their_precision() {
    let c = corpus();
    let d = |s: &str| PartialDate::parse(s).ok();
    let dec = TimelineQuery { from: d("2024-12"), to: d("2024-12"), ..TimelineQuery::default() };
    // The year 2024 and the fuzzy late-Nov-to-early-Dec span both overlap December.
    assert_eq!(shown(&c, dec), ["year", "fuzzy", "month", "day"]);
    let up_to_2020 = TimelineQuery { to: d("2020"), ..TimelineQuery::default() };
    assert_eq!(shown(&c, up_to_2020), ["early", "range"]);
    let from_day = TimelineQuery { from: d("2024-12-08"), ..TimelineQuery::default() };
    assert_eq!(shown(&c, from_day), ["year", "month", "day"]);
}

#[test]
fn kind_and_document_filters() {
    let c = corpus();
    let people = TimelineQuery { kind: Some(ActorKind::Person), ..TimelineQuery::default() };
    assert_eq!(shown(&c, people), ["early", "range", "year", "month", "day"]);
    let states = TimelineQuery { kind: Some(ActorKind::State), ..TimelineQuery::default() };
    assert!(shown(&c, states).is_empty());
    let other_doc = TimelineQuery { doc: Some(DocumentId::new("two")), ..TimelineQuery::default() };
    assert!(shown(&c, other_doc).is_empty());
}

#[test]
fn actor_counts_ignore_the_actor_filter_but_keep_the_others() {
    let c = corpus();
    let q = TimelineQuery { actors: vec![ActorId::new("envoy")], ..TimelineQuery::default() };
    let counts: Vec<(String, usize)> = actor_counts(&c, &q).into_iter().map(|(a, n)| (a.to_string(), n)).collect();
    // Ties are ordered by name ("The Envoy" before "The Minister").
    assert_eq!(counts, [("envoy".to_owned(), 3), ("minister".to_owned(), 3)]);
    let d = |s: &str| PartialDate::parse(s).ok();
    let recent = TimelineQuery { from: d("2024"), ..q };
    let counts: Vec<(String, usize)> = actor_counts(&c, &recent).into_iter().map(|(a, n)| (a.to_string(), n)).collect();
    assert_eq!(counts, [("envoy".to_owned(), 2), ("minister".to_owned(), 2)]);
}

#[test]
fn the_chart_draws_each_precision_as_what_is_known() {
    let c = corpus();
    let all = filter(&c, &TimelineQuery::default());
    let chart = layout(&c, &all, &TimelineQuery::default());
    // No actor chosen: the busiest actors' lanes, then the events of none of them.
    let labels: Vec<&str> = chart.lanes.iter().map(|l| l.label.as_str()).collect();
    assert_eq!(labels.last(), Some(&"Others"));
    let shape_of = |id: &str| {
        chart.lanes.iter().flat_map(|l| &l.items).find(|i| c.events[i.event].id.as_str() == id).map(|i| (i.shape, i.x1 - i.x0))
    };
    // A day is a point; a range a solid bar; a month, a year, "c." a faded bar, never a point.
    assert_eq!(shape_of("day").unwrap().0, Shape::Point);
    assert_eq!(shape_of("range").unwrap().0, Shape::Bar);
    for id in ["month", "year", "fuzzy", "early"] {
        let (shape, width) = shape_of(id).unwrap();
        assert_eq!(shape, Shape::Fuzzy, "{id}");
        assert!(width > 0.0, "{id}");
    }
    // The view spans every event; a year's bar is a year long on that scale.
    assert_eq!(chart.view.first, day_number((2015, 1, 1)));
    assert_eq!(chart.view.last, day_number((2024, 12, 31)));
    let (_, year) = shape_of("year").unwrap();
    assert!((year - 366.0 * WIDTH / chart.view.days() as f64).abs() < 0.01);
    // Marks in a lane never overlap on a row.
    for lane in &chart.lanes {
        for a in &lane.items {
            for b in lane.items.iter().filter(|b| b.row == a.row && b.event != a.event) {
                assert!(a.x1 < b.x0 || b.x1 < a.x0, "{a:?} {b:?}");
            }
        }
    }
}

#[test]
fn a_folded_lane_counts_every_event_in_one_row_of_bins() {
    let c = corpus();
    let q = TimelineQuery { actors: vec![ActorId::new("minister"), ActorId::new("envoy")], ..TimelineQuery::default() };
    let shown = filter(&c, &q);
    let open = layout(&c, &shown, &q);
    let folded = layout_folded(&c, &shown, &q, &[Some(ActorId::new("envoy"))]);
    // The other lane is untouched.
    assert_eq!(folded.lanes[0], open.lanes[0]);
    let lane = &folded.lanes[1];
    assert!(lane.folded && !open.lanes[1].folded);
    assert_eq!((lane.rows, lane.items.len()), (0, 0));
    // Every event of the lane is in a bin: the counts add up to the lane's events.
    assert_eq!(lane.bins.iter().map(|b| b.count).sum::<usize>(), open.lanes[1].items.len());
    assert_eq!(lane.count, open.lanes[1].count);
    // "Others" folds by `None`; an actor not among the lanes folds nothing.
    let all = filter(&c, &TimelineQuery::default());
    let others = layout_folded(&c, &all, &TimelineQuery::default(), &[None, Some(ActorId::new("nobody"))]);
    let plain = layout(&c, &all, &TimelineQuery::default());
    for (a, b) in others.lanes.iter().zip(&plain.lanes) {
        assert_eq!(a.folded, a.actor.is_none());
        if a.actor.is_some() {
            assert_eq!(a, b);
        } else {
            assert_eq!(a.bins.iter().map(|b| b.count).sum::<usize>(), b.items.len() + b.bins.iter().map(|b| b.count).sum::<usize>());
        }
    }
}

#[test]
fn chosen_actors_get_a_lane_each_and_an_event_of_both_shows_in_both() {
    let c = corpus();
    let q = TimelineQuery { actors: vec![ActorId::new("minister"), ActorId::new("envoy")], ..TimelineQuery::default() };
    let shown = filter(&c, &q);
    let chart = layout(&c, &shown, &q);
    let lanes: Vec<(Option<&str>, Vec<&str>)> =
        chart.lanes.iter().map(|l| (l.actor.as_ref().map(|a| a.as_str()), l.items.iter().map(|i| c.events[i.event].id.as_str()).collect())).collect();
    assert_eq!(lanes, vec![(Some("minister"), vec!["range", "month", "day"]), (Some("envoy"), vec!["early", "year", "day"])]);
}

#[test]
fn a_brushed_span_is_the_query_and_opens_to_the_same_view() {
    // Late November to early December 2024 on the bundled corpus, Putin and al-Sharaa.
    let c = super::corpus();
    let q = TimelineQuery { actors: vec![ActorId::new("vladimir-putin"), ActorId::new("ahmed-al-sharaa")], ..TimelineQuery::default() };
    let all = layout(&c, &filter(&c, &q), &q);
    assert_eq!(all.lanes.len(), 2);
    let brushed = View { first: day_number((2024, 11, 20)), last: day_number((2024, 12, 10)) }.query(&q);
    let href = Route::Timeline(brushed.clone()).href();
    assert!(href.contains("from=2024-11-20") && href.contains("to=2024-12-10"), "{href}");
    // The URL read back is the same view: the same span, lanes and marks.
    let Route::Timeline(read) = parse(&href).route else { panic!("{href}") };
    assert_eq!(read, brushed);
    let chart = layout(&c, &filter(&c, &read), &read);
    assert_eq!((chart.view.first, chart.view.last), (day_number((2024, 11, 20)), day_number((2024, 12, 10))));
    assert_eq!(chart.unit, Unit::Day);
    assert!(chart.lanes.iter().all(|l| l.items.iter().all(|i| (0.0..=WIDTH).contains(&i.x0) && i.x1 <= WIDTH)));
    assert!(chart.lanes.iter().any(|l| !l.items.is_empty()));
}

#[test]
fn a_filter_no_event_passes_draws_the_dossiers_span_not_an_arbitrary_year() {
    let c = super::corpus();
    let (first, last) = c.counts.span.unwrap();
    let (first, last) = (day_number(first.first_day()), day_number(last.last_day()));
    // Two actors who never share an event (the bundled corpus has such pairs).
    let actors: Vec<ActorId> = c.actors.iter().map(|a| a.id.clone()).collect();
    let q = actors
        .iter()
        .flat_map(|a| actors.iter().map(move |b| (a, b)))
        .map(|(a, b)| TimelineQuery { actors: vec![a.clone(), b.clone()], match_mode: ActorMatch::All, ..TimelineQuery::default() })
        .find(|q| filter(&c, q).is_empty())
        .unwrap();
    let chart = layout(&c, &[], &q);
    assert_eq!((chart.view.first, chart.view.last), (first, last));
    // With dates, an empty answer is drawn over those dates, as any other.
    let dated = TimelineQuery { from: PartialDate::parse("2030").ok(), ..q.clone() };
    let chart = layout(&c, &[], &dated);
    assert_eq!((chart.view.first, chart.view.last), (day_number((2030, 1, 1)), day_number((2030, 1, 1)) + 365));
}

#[test]
fn dense_periods_are_binned_with_a_count_never_dropped() {
    let (mut files, errors) = CorpusFiles::read_dir(&root("tests/fixtures/minimal"));
    assert!(errors.is_empty());
    // 300 events in March 2024, all the minister's: more than a lane's rows can hold.
    let events: Vec<serde_json::Value> = (0..300)
        .map(|n| {
            json!({
                "id": format!("e{n}"), "title": "t", "date": {"start": format!("2024-03-{:02}", n % 28 + 1), "precision": "day"},
                "actors": [{"id": "minister", "role": "participant"}], "places": [], "document": "one", "paragraph": 2, "evidence": "The minister"
            })
        })
        .chain(std::iter::once(json!({
            "id": "later", "title": "t", "date": {"start": "2025-06-01", "precision": "day"},
            "actors": [{"id": "minister", "role": "participant"}], "places": [], "document": "one", "paragraph": 2, "evidence": "The minister"
        })))
        .collect();
    files.events = serde_json::Value::Array(events).to_string();
    let c = load(&files).unwrap();
    let q = TimelineQuery::default();
    let shown = filter(&c, &q);
    let chart = layout(&c, &shown, &q);
    let lane = &chart.lanes[0];
    assert!(lane.rows <= MAX_ROWS);
    assert!(!lane.bins.is_empty());
    let drawn = lane.items.len() + lane.bins.iter().map(|b| b.count).sum::<usize>();
    assert_eq!(drawn, 301, "every event is a mark or counted in a bin");
    assert_eq!(lane.count, 301);
    // A bin links to the earliest event it holds and covers its days.
    let bin = &lane.bins[0];
    assert!(bin.days.0 <= day_number((2024, 3, 1)) && bin.days.1 >= day_number((2024, 3, 1)));
    // Dense at either end of the view, or across it: every bin is inside the drawing
    // (its count too: a bin at the right end once ran past it), none overlaps the next,
    // and none is dropped.
    for (from, to) in [("2024-01", "2024-03-01"), ("2024-03-01", "2024-03-28"), ("2024-02-20", "2024-03-27"), ("2024-03-05", "2024-03-31"), ("2024-03-28", "2024-04-30"), ("2023", "2024-03")] {
        let q = TimelineQuery { from: PartialDate::parse(from).ok(), to: PartialDate::parse(to).ok(), ..TimelineQuery::default() };
        let shown = filter(&c, &q);
        let chart = layout(&c, &shown, &q);
        for lane in &chart.lanes {
            assert_eq!(lane.items.len() + lane.bins.iter().map(|b| b.count).sum::<usize>(), lane.count, "{from}–{to}");
            for b in &lane.bins {
                assert!(0.0 <= b.x0 && b.x0 < b.x1 && b.x1 <= WIDTH, "{from}–{to}: {b:?}");
            }
            for pair in lane.bins.windows(2) {
                assert!(pair[0].x1 <= pair[1].x0, "{from}–{to}: {pair:?}");
            }
        }
    }
}

#[test]
fn ticks_adapt_to_the_zoom_and_zooming_keeps_its_centre() {
    let c = super::corpus();
    let q = TimelineQuery::default();
    let chart = layout(&c, &filter(&c, &q), &q);
    assert_eq!(chart.unit, Unit::Year);
    let zoomed = chart.view.zoom(0.5, WIDTH / 2.0);
    let centre = |v: &View| (v.first + v.last) / 2;
    assert!((centre(&zoomed) - centre(&chart.view)).abs() <= 1);
    let mut v = chart.view;
    let mut units = vec![chart.unit];
    for _ in 0..12 {
        v = v.zoom(0.5, WIDTH / 2.0);
        units.push(unit_for(v.days()));
    }
    assert_eq!(units.last(), Some(&Unit::Day));
    assert!(units.contains(&Unit::Month));
}

#[test]
fn anchors_find_their_event_or_the_first_event_of_their_year_among_those_shown() {
    let c = corpus();
    let all = filter(&c, &TimelineQuery::default());
    for (pos, &i) in all.iter().enumerate() {
        // As a chart mark links to its card.
        let anchor = TimelineAnchor::parse(&fragment_href(&event_anchor(&c.events[i].id)))
            .expect("an event anchor parses");
        assert_eq!(anchor_position(&c, &all, &anchor), Some(pos));
        let year = c.events[i].date.first_day().0;
        let first_of_year = all
            .iter()
            .position(|&j| c.events[j].date.first_day().0 == year);
        assert_eq!(
            anchor_position(
                &c,
                &all,
                &TimelineAnchor::parse(&year_anchor(year)).unwrap()
            ),
            first_of_year
        );
        assert!(first_of_year.unwrap() <= pos);
    }
    // An event the filters hide, and a year with no event, point at nothing.
    let shaibani = TimelineQuery {
        actors: vec![ActorId::new("asaad-al-shaibani")],
        ..TimelineQuery::default()
    };
    let some = filter(&c, &shaibani);
    let hidden = all
        .iter()
        .find(|i| !some.contains(i))
        .expect("some event without al-Shaibani");
    assert_eq!(
        anchor_position(
            &c,
            &some,
            &TimelineAnchor::Event(c.events[*hidden].id.clone())
        ),
        None
    );
    assert_eq!(anchor_position(&c, &all, &TimelineAnchor::Year(1900)), None);
}

#[test]
fn anchor_fragments_other_than_events_and_years_point_at_nothing() {
    for bad in [
        "",
        "#",
        "event-",
        "#event-<b>",
        "event-A",
        "y-",
        "y-24",
        "y-20245",
        "y-２０２４",
        "p-3",
        "#y-2024x",
        "year-2024",
    ] {
        assert_eq!(TimelineAnchor::parse(bad), None, "{bad:?}");
    }
    assert_eq!(
        TimelineAnchor::parse("#y-2024"),
        Some(TimelineAnchor::Year(2024))
    );
    let anchor = TimelineAnchor::Event(dossier::core::model::EventId::new("moscow-visit"));
    assert_eq!(TimelineAnchor::parse(&anchor.id()), Some(anchor));
}

#[test]
fn actor_counts_match_counting_every_actor_against_every_event() {
    let (files, _) = dossier::synth::corpus_with_events(50, 3_000, 11);
    let c = load(&files).expect("the synthetic corpus is valid");
    let queries = [
        TimelineQuery::default(),
        TimelineQuery {
            from: PartialDate::parse("2015").ok(),
            to: PartialDate::parse("2018-06").ok(),
            ..TimelineQuery::default()
        },
        TimelineQuery {
            actors: vec![ActorId::new("speaker-3")],
            kind: Some(ActorKind::Person),
            ..TimelineQuery::default()
        },
    ];
    for q in queries {
        let others = TimelineQuery {
            actors: Vec::new(),
            ..q.clone()
        };
        let kept: Vec<_> = c
            .events
            .iter()
            .filter(|e| dossier::core::timeline::keeps(&c, &others, e))
            .collect();
        let mut expected: Vec<(ActorId, usize)> = c
            .actors
            .iter()
            .map(|a| {
                (
                    a.id.clone(),
                    kept.iter().filter(|e| e.involves(&a.id)).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        expected.sort_by(|a, b| {
            b.1.cmp(&a.1)
                .then_with(|| c.actor_name(&a.0).cmp(c.actor_name(&b.0)))
        });
        assert!(!expected.is_empty());
        assert_eq!(actor_counts(&c, &q), expected, "{q:?}");
    }
}

/// Filtering by actors visits only their events (the corpus's per-actor lists); it keeps
/// exactly what checking every event would, for one actor, any of several, all of
/// several, an unknown actor, and with the other filters too.
#[test]
fn actor_filters_match_checking_every_event() {
    let (files, _) = dossier::synth::corpus_with_events(50, 3_000, 7);
    let c = load(&files).expect("the synthetic corpus is valid");
    let by_scan = |q: &TimelineQuery| -> Vec<usize> {
        (0..c.events.len()).filter(|&i| dossier::core::timeline::keeps(&c, q, &c.events[i])).collect()
    };
    let ids: Vec<ActorId> = c.actors.iter().map(|a| a.id.clone()).collect();
    let mut checked = 0;
    for (k, first) in ids.iter().enumerate() {
        let second = &ids[(k * 7 + 3) % ids.len()];
        for (actors, match_mode) in [
            (vec![first.clone()], ActorMatch::Any),
            (vec![first.clone(), second.clone()], ActorMatch::Any),
            (vec![first.clone(), second.clone()], ActorMatch::All),
            (vec![first.clone(), ActorId::new("no-such-actor")], ActorMatch::Any),
            (vec![first.clone(), ActorId::new("no-such-actor")], ActorMatch::All),
        ] {
            for narrowed in [false, true] {
                let q = TimelineQuery {
                    actors: actors.clone(),
                    match_mode,
                    from: narrowed.then(|| PartialDate::parse("2016").ok()).flatten(),
                    kind: narrowed.then_some(ActorKind::Person),
                    ..TimelineQuery::default()
                };
                let expected = by_scan(&q);
                checked += usize::from(!expected.is_empty());
                assert_eq!(filter(&c, &q), expected, "{q:?}");
            }
        }
    }
    // The comparison is not empty on both sides.
    assert!(checked > ids.len(), "only {checked} queries kept any event");
}

/// The chart's lanes, worked out from the corpus's per-actor lists, hold exactly what
/// checking every event in view against every lane actor finds; every event of a lane is
/// a mark or counted in a bin, and a lane with more events than it draws one by one is
/// all counts.
#[test]
fn chart_lanes_match_checking_every_event_in_view() {
    use dossier::core::chart::{days_of, CHART_MARKS, LANE_MARKS};
    let (files, _) = dossier::synth::corpus_with_event_actors(50, 3_000, 20, 5);
    let c = load(&files).expect("the synthetic corpus is valid");
    let mut dense = 0;
    let mut drawn = 0;
    let mut budgeted = 0;
    for q in [
        TimelineQuery::default(),
        TimelineQuery { from: PartialDate::parse("2016-03").ok(), to: PartialDate::parse("2016-05").ok(), ..TimelineQuery::default() },
        TimelineQuery { actors: vec![ActorId::new("speaker-3"), ActorId::new("speaker-11")], ..TimelineQuery::default() },
        // Twenty lanes over three years: too many events to draw one by one in all.
        TimelineQuery {
            actors: (0..20).map(|k| ActorId::new(format!("speaker-{k}"))).collect(),
            from: PartialDate::parse("2016").ok(),
            to: PartialDate::parse("2018").ok(),
            ..TimelineQuery::default()
        },
        TimelineQuery {
            actors: vec![ActorId::new("speaker-3")],
            from: PartialDate::parse("2020-01-10").ok(),
            to: PartialDate::parse("2020-03-01").ok(),
            ..TimelineQuery::default()
        },
    ] {
        let shown = filter(&c, &q);
        let chart = layout(&c, &shown, &q);
        let in_view: Vec<usize> = shown
            .iter()
            .copied()
            .filter(|&i| {
                let r = days_of(&c.events[i]);
                *r.end() >= chart.view.first && *r.start() <= chart.view.last
            })
            .collect();
        assert_eq!(chart.outside, shown.len() - in_view.len(), "{q:?}");
        let lane_actors: Vec<&ActorId> = chart.lanes.iter().filter_map(|l| l.actor.as_ref()).collect();
        for lane in &chart.lanes {
            let expected: Vec<usize> = in_view
                .iter()
                .copied()
                .filter(|&i| match &lane.actor {
                    Some(a) => c.events[i].involves(a),
                    None => !lane_actors.iter().any(|a| c.events[i].involves(a)),
                })
                .collect();
            assert_eq!(lane.count, expected.len(), "{q:?} {:?}", lane.actor);
            let mut held: Vec<usize> = lane.items.iter().map(|i| i.event).collect();
            held.sort_unstable();
            held.dedup();
            assert_eq!(held.len(), lane.items.len(), "an event is drawn once per lane");
            assert!(held.iter().all(|i| expected.binary_search(i).is_ok()), "{q:?}");
            assert_eq!(lane.items.len() + lane.bins.iter().map(|b| b.count).sum::<usize>(), expected.len(), "{q:?}");
            // Bins follow each other in time without overlapping; a lane of counts only
            // has in each bin the events whose first day in view falls within its days,
            // and the bin names the earliest of them.
            assert!(lane.bins.windows(2).all(|w| w[0].days.1 < w[1].days.0) && lane.bins.iter().all(|b| b.days.0 <= b.days.1), "{q:?}");
            if lane.items.is_empty() {
                for b in &lane.bins {
                    let inside: Vec<usize> = expected
                        .iter()
                        .copied()
                        .filter(|&i| (b.days.0..=b.days.1).contains(&(*days_of(&c.events[i]).start()).max(chart.view.first)))
                        .collect();
                    assert_eq!((inside.len(), inside.first()), (b.count, Some(&b.first)), "{q:?} {:?} {b:?}", lane.actor);
                }
            }
            if expected.len() > LANE_MARKS {
                assert!(lane.dense, "{q:?} {:?}", lane.actor);
            }
            if lane.dense {
                dense += 1;
                assert!(lane.items.is_empty() && lane.rows == 0);
            } else {
                drawn += lane.items.len();
            }
        }
        // The chart draws at most CHART_MARKS events one by one; lanes made counts for
        // that are the busiest of those under LANE_MARKS.
        let one_by_one: Vec<usize> = chart.lanes.iter().filter(|l| !l.dense).map(|l| l.count).collect();
        assert!(one_by_one.iter().sum::<usize>() <= CHART_MARKS, "{q:?}");
        let quietest_made_counts = chart.lanes.iter().filter(|l| l.dense && l.count <= LANE_MARKS).map(|l| l.count).min();
        if let Some(least) = quietest_made_counts {
            budgeted += 1;
            assert!(one_by_one.iter().all(|&n| n <= least), "{q:?}");
        }
    }
    assert!(budgeted > 0, "no chart met the budget");
    // Both kinds of lane were met.
    assert!(dense > 0 && drawn > 0, "{dense} dense lanes, {drawn} marks");
}

/// A mark's label goes where there is room: inside a bar, after a point up to the next
/// mark of its row (other rows do not limit it), nowhere narrower than `MIN_LABEL`.
#[test]
fn labels_take_the_room_a_row_leaves_and_no_more() {
    use dossier::core::chart::{label_rooms, Item, Lane, LabelRoom, MIN_LABEL};
    let item = |event: usize, x0: f64, x1: f64, row: usize, shape: Shape| Item { event, x0, x1, row, shape, clipped: (false, false) };
    let lane = Lane {
        actor: None,
        label: "All events".into(),
        items: vec![
            item(0, 100.0, 100.0, 0, Shape::Point),
            item(1, 110.0, 110.0, 1, Shape::Point),
            item(2, 200.0, 230.0, 2, Shape::Fuzzy),
            item(3, 400.0, 400.0, 0, Shape::Point),
            item(4, 600.0, 900.0, 0, Shape::Bar),
            item(5, 950.0, 950.0, 0, Shape::Point),
        ],
        bins: Vec::new(),
        rows: 3,
        count: 6,
        folded: false,
        dense: false,
    };
    let rooms = label_rooms(&lane);
    let room = |x: f64, width: f64| Some(LabelRoom { x, width });
    // Up to the next point's left edge (half a gap before it), less a quarter gap of air;
    // up to the bar's start; the next point of another row does not count.
    assert_eq!(rooms[0], room(100.0, 400.0 - 6.0 - 100.0 - 3.0));
    assert_eq!(rooms[1], room(110.0, 1000.0 - 110.0 - 3.0));
    // A faded bar 30 units wide has no room; a 300-unit bar has its own width.
    assert_eq!(rooms[2], None);
    assert_eq!(rooms[3], room(400.0, 600.0 - 400.0 - 3.0));
    assert_eq!(rooms[4], room(600.0, 300.0));
    // 47 units to the chart's end.
    assert_eq!(rooms[5], None);
    assert!(rooms.iter().flatten().all(|r| r.width >= MIN_LABEL));
    assert!(rooms[0].unwrap().wide() && !room(0.0, 100.0).unwrap().wide());
}

/// On charts of the synthetic corpus at several zooms, no label reaches the next mark of
/// its row or the chart's end, and some marks have one.
#[test]
fn labels_never_cross_the_next_mark_of_their_row() {
    use dossier::core::chart::{label_rooms, WIDTH};
    let (files, _) = dossier::synth::corpus_with_event_actors(50, 600, 12, 5);
    let c = load(&files).expect("the synthetic corpus is valid");
    let mut labelled = 0;
    for (from, to) in [(None, None), (Some("2016"), Some("2016")), (Some("2016-03"), Some("2016-04")), (Some("2017-06-01"), Some("2017-06-20"))] {
        let q = TimelineQuery {
            actors: (0..6).map(|k| ActorId::new(format!("speaker-{k}"))).collect(),
            from: from.and_then(|d| PartialDate::parse(d).ok()),
            to: to.and_then(|d| PartialDate::parse(d).ok()),
            ..TimelineQuery::default()
        };
        let chart = layout(&c, &filter(&c, &q), &q);
        for lane in &chart.lanes {
            for (k, (item, room)) in lane.items.iter().zip(label_rooms(lane)).enumerate() {
                let Some(room) = room else { continue };
                labelled += 1;
                assert_eq!(room.x, item.x0);
                assert!(room.x + room.width <= WIDTH, "{q:?} {item:?} {room:?}");
                if item.shape != Shape::Point {
                    assert!(room.x + room.width <= item.x1 + 1e-9, "{q:?} {item:?} {room:?}");
                }
                for next in lane.items[k + 1..].iter().filter(|n| n.row == item.row) {
                    assert!(room.x + room.width < next.x0 - 1.0, "{q:?} {item:?} {room:?} reaches {next:?}");
                }
            }
        }
    }
    assert!(labelled > 20, "only {labelled} labels");
}
