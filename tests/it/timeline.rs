//! Timeline filters on a small corpus of mixed-precision dates.

use dossier::core::date::PartialDate;
use dossier::core::load::{load, CorpusFiles};
use dossier::core::model::{ActorId, ActorKind, Corpus, DocumentId};
use dossier::core::route::{event_anchor, year_anchor, ActorMatch, TimelineAnchor, TimelineQuery};
use dossier::core::timeline::{actor_counts, anchor_position, filter, overview, MarkGroup, MARKS_PER_YEAR};
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
fn overview_covers_every_year_between_the_first_and_last_with_a_mark_per_event() {
    let c = corpus();
    let all = filter(&c, &TimelineQuery::default());
    let years = overview(&c, &all);
    let counts: Vec<(i32, usize)> = years.iter().map(|y| (y.year, y.count)).collect();
    assert_eq!(counts.first(), Some(&(2015, 1)));
    assert_eq!(counts.last(), Some(&(2024, 4)));
    assert_eq!(years.len(), 10);
    assert!(years.iter().filter(|y| y.count == 0).all(|y| y.marks.is_empty()));
    // 2024 is not dense: one mark per event, each jumping to that event, in order.
    let marks: Vec<(String, MarkGroup)> =
        years[9].marks.iter().map(|m| (c.events[m.first].id.to_string(), m.group)).collect();
    let ids: Vec<String> = all.iter().map(|&i| c.events[i].id.to_string()).filter(|id| id != "early" && id != "range").collect();
    assert_eq!(marks.iter().map(|(id, _)| id.clone()).collect::<Vec<_>>(), ids);
    assert!(marks.iter().all(|(_, g)| *g == MarkGroup::Event));
    assert!(overview(&c, &[]).is_empty());
}

#[test]
fn a_dense_year_gets_one_mark_per_month_jumping_to_its_first_event() {
    let (mut files, errors) = CorpusFiles::read_dir(&root("tests/fixtures/minimal"));
    assert!(errors.is_empty());
    // 20 events in 2024: 2 known only to the year, 8 in March, 10 in November.
    let mut events = Vec::new();
    let mut add = |id: String, start: String, precision: &str| {
        events.push(json!({
            "id": id, "title": "t", "date": {"start": start, "precision": precision},
            "actors": [], "places": [], "document": "one", "paragraph": 2, "evidence": "The minister"
        }));
    };
    for n in 0..2 {
        add(format!("y{n}"), "2024".into(), "year");
    }
    for n in 0..8 {
        add(format!("mar{n}"), format!("2024-03-{:02}", n + 1), "day");
    }
    for n in 0..10 {
        add(format!("nov{n}"), format!("2024-11-{:02}", 20 - n), "day");
    }
    files.events = serde_json::Value::Array(events).to_string();
    let c = load(&files).unwrap();
    let all = filter(&c, &TimelineQuery::default());
    let years = overview(&c, &all);
    assert_eq!(years.len(), 1);
    assert_eq!(years[0].count, 20);
    let marks: Vec<(MarkGroup, usize, String)> =
        years[0].marks.iter().map(|m| (m.group, m.count, c.events[m.first].id.to_string())).collect();
    assert_eq!(
        marks,
        [
            (MarkGroup::YearOnly, 2, "y0".to_owned()),
            (MarkGroup::Month(3), 8, "mar0".to_owned()),
            (MarkGroup::Month(11), 10, "nov9".to_owned()),
        ]
    );
    assert!(years[0].count > MARKS_PER_YEAR);
}

#[test]
fn anchors_find_their_event_or_the_first_event_of_their_year_among_those_shown() {
    let c = corpus();
    let all = filter(&c, &TimelineQuery::default());
    for (pos, &i) in all.iter().enumerate() {
        let anchor = TimelineAnchor::parse(&format!("#{}", event_anchor(&c.events[i].id)))
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
