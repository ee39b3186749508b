//! URL state on real corpus ids and hostile input: parsing never fails, links round-trip.

use dossier::core::model::{ActorId, DocumentId, QuoteId};
use dossier::core::route::{every_page, normalize_base, parse, parse_address, parse_under, strip_base, under, QuoteQuery, Route, TimelineQuery};

use super::corpus;

#[test]
fn every_corpus_page_round_trips() {
    let c = corpus();
    let mut routes = every_page(&c);
    assert_eq!(routes.len(), 5 + c.quotes.len() + c.events.len() + c.actors.len() + c.documents.len());
    routes.extend(c.actors.iter().map(|a| Route::timeline_of(&a.id)));
    routes.extend(c.actors.iter().map(|a| Route::quotes_of(&a.id)));
    for r in routes {
        assert_eq!(parse(&r.href()).route, r, "{}", r.href());
    }
}

#[test]
fn a_site_under_a_path_round_trips_its_pages_and_refuses_paths_outside_it() {
    let c = corpus();
    for r in every_page(&c) {
        let href = under("/dossier", r.address());
        assert!(href.starts_with("/dossier/"), "{href}");
        assert_eq!(parse_under("/dossier", &href).route, r, "{href}");
        // The address itself is what the ledger of published addresses holds.
        assert_eq!(parse_address(&r.address()).route, r);
    }
    assert_eq!(under("/dossier", "/".into()), "/dossier/");
    assert_eq!(under("/dossier", String::new()), "", "the not-found page's own address stays none");
    assert_eq!(under("", "/quotes".into()), "/quotes");
    assert_eq!(parse_under("/dossier", "/dossier").route, Route::Home);
    assert_eq!(parse_under("/dossier", "/dossier/index.html").route, Route::Home);
    assert_eq!(parse_under("/dossier", "/dossier/quotes?q=aleppo").route, Route::Quotes(QuoteQuery { q: "aleppo".into(), ..QuoteQuery::default() }));
    // Not under the base: no page, whatever it would be at the root.
    for outside in ["/quotes", "/dossierx/quotes", "/", "", "/dossie"] {
        assert!(matches!(parse_under("/dossier", outside).route, Route::NotFound { .. }), "{outside}");
    }
    assert_eq!(strip_base("", "/quotes"), Some("/quotes"));
    assert_eq!(strip_base("/a/b", "/a/b/quotes"), Some("/quotes"));
    assert_eq!(strip_base("/a/b", "/a/bc"), None);
}

#[test]
fn a_base_path_is_a_plain_path_or_refused_with_why() {
    for (given, want) in [("", ""), ("/", ""), ("  /  ", ""), ("/dossier", "/dossier"), ("/dossier/", "/dossier"), ("/a/b-c_d.e~f/", "/a/b-c_d.e~f")] {
        assert_eq!(normalize_base(given).as_deref(), Ok(want), "{given:?}");
    }
    for bad in ["dossier/", "https://cdn.example/", "/a//b/", "/a/../b", "/./a", "/a b/", "/a?x=1", "/a#b", "/\"<x>/", "/é/"] {
        let e = normalize_base(bad).unwrap_err();
        assert!(e.contains(&format!("{bad:?}")), "{bad:?}: {e}");
    }
}

#[test]
fn hostile_urls_parse_to_something_sensible() {
    let long = "a".repeat(20_000);
    let cases = [
        "/quotes?q=<script>alert(1)</script>",
        "/quotes?q=%00%00",
        "/quotes?q=%E2%80%AEevil",
        "/quotes?q=%",
        "/timeline?from=9999-99-99&to=-1",
        "/documents/..%2F..%2Fetc%2Fpasswd",
        "//double//slashes//",
        "/quotes/%F0%9F%92%A9",
        "/actors/<img src=x>",
    ];
    for href in cases {
        let _ = parse(href);
    }
    let Route::Quotes(QuoteQuery { q, .. }) = parse(&format!("/quotes?q={long}")).route else { panic!() };
    assert_eq!(q.len(), dossier::core::route::MAX_QUERY_BYTES);
    // Cut at a character's end: Arabic letters are two bytes, emoji four.
    for (piece, kept) in [("ب", 1000), ("🙂", 500), ("aب", 666)] {
        let Route::Quotes(QuoteQuery { q, .. }) = parse(&format!("/quotes?q={}", piece.repeat(3000))).route else { panic!() };
        assert_eq!(q.chars().count(), kept * piece.chars().count() + usize::from(piece == "aب"), "{piece}");
        assert!(q.len() <= dossier::core::route::MAX_QUERY_BYTES);
    }
}

#[test]
fn repeated_and_comma_separated_values_merge() {
    let Route::Quotes(q) = parse("/quotes?speaker=a,b&speaker=b,c&doc=d").route else { panic!() };
    assert_eq!(q.speakers, ["a", "b", "c"].map(ActorId::new));
    assert_eq!(q.doc, Some(DocumentId::new("d")));
    let Route::Timeline(t) = parse("/timeline?actor=&from=").route else { panic!() };
    assert_eq!(t, TimelineQuery::default());
}

#[test]
fn a_shared_link_reads_as_written_commas_and_all() {
    // Lists are written with bare commas; an escaped comma anywhere reads the same.
    let t = TimelineQuery { actors: ["russia", "vladimir-putin"].map(ActorId::new).to_vec(), ..TimelineQuery::default() };
    assert_eq!(Route::Timeline(t.clone()).href(), "/timeline?actor=russia,vladimir-putin");
    assert_eq!(parse("/timeline?actor=russia%2Cvladimir-putin").route, Route::Timeline(t));
    let q = QuoteQuery { q: "Damascus, 2024".into(), ..QuoteQuery::default() };
    assert_eq!(Route::Quotes(q.clone()).href(), "/quotes?q=Damascus,+2024");
    assert_eq!(parse(&Route::Quotes(q.clone()).href()).route, Route::Quotes(q));
    // A date pasted with spaces around it is the date, not an error.
    let parsed = parse("/timeline?from=%202024%20&to=+2025-01+");
    let Route::Timeline(t) = &parsed.route else { panic!() };
    assert_eq!((t.from.map(|d| d.iso()), t.to.map(|d| d.iso())), (Some("2024".to_owned()), Some("2025-01".to_owned())));
    assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
}

#[test]
fn document_links_carry_the_quote_and_paragraph() {
    let r = parse("/documents/majalla-shaibani-interview-part-1?quote=shaibani-48-hours#p-71").route;
    assert_eq!(
        r,
        Route::Document {
            id: DocumentId::new("majalla-shaibani-interview-part-1"),
            part: 1,
            quote: Some(QuoteId::new("shaibani-48-hours")),
            paragraph: Some(71)
        }
    );
}

#[test]
fn removing_an_actor_drops_any_or_all_once_fewer_than_two_remain() {
    use dossier::core::route::ActorMatch;
    let (a, b, c) = (ActorId::new("a"), ActorId::new("b"), ActorId::new("c"));
    let all = TimelineQuery { actors: vec![a.clone(), b.clone(), c.clone()], match_mode: ActorMatch::All, ..TimelineQuery::default() };
    let two = all.without_actor(&c);
    assert_eq!((two.actors.clone(), two.match_mode), (vec![a.clone(), b.clone()], ActorMatch::All));
    let one = two.without_actor(&a);
    assert_eq!((one.actors.clone(), one.match_mode), (vec![b.clone()], ActorMatch::default()));
    assert!(!Route::Timeline(one.clone()).href().contains("match="), "{}", Route::Timeline(one).href());
    assert_eq!(all.without_actor(&ActorId::new("nobody")), all, "an actor not in the filter changes nothing");
}

#[test]
fn ids_the_dossier_does_not_know_are_left_out_of_the_query_and_said() {
    use dossier::core::route::ActorMatch;
    let c = corpus();
    let (actor, document) = (c.actors[0].id.clone(), c.documents[0].id.clone());
    // An unknown actor among known ones: the known ones filter, "all" stays meaningful
    // only while two remain.
    let href = format!("/timeline?actor={actor},nobody-at-all&match=all&doc=no-such-doc");
    let parsed = parse(&href).known_to(&c);
    let Route::Timeline(t) = &parsed.route else { panic!("{parsed:?}") };
    assert_eq!((t.actors.clone(), t.match_mode, t.doc.clone()), (vec![actor.clone()], ActorMatch::Any, None));
    let said: Vec<(&str, &str)> = parsed.ignored.iter().map(|i| (i.key.as_str(), i.value.as_str())).collect();
    assert_eq!(said, [("actor", "nobody-at-all"), ("doc", "no-such-doc")]);
    assert!(parsed.ignored.iter().all(|i| i.reason.starts_with("this dossier has no ")), "{:?}", parsed.ignored);
    // The same on the quotes' filters; known ids pass untouched and nothing is said.
    let parsed = parse(&format!("/quotes?speaker=nobody,{actor}&doc={document}")).known_to(&c);
    let Route::Quotes(q) = &parsed.route else { panic!("{parsed:?}") };
    assert_eq!((q.speakers.clone(), q.doc.clone()), (vec![actor.clone()], Some(document.clone())));
    assert_eq!(parsed.ignored.len(), 1, "{:?}", parsed.ignored);
    assert_eq!((parsed.ignored[0].key.as_str(), parsed.ignored[0].value.as_str()), ("speaker", "nobody"));
    // A canonical route is its own answer.
    for r in every_page(&c) {
        let parsed = parse(&r.href()).known_to(&c);
        assert_eq!((parsed.route, parsed.ignored.len()), (r, 0));
    }
}

#[test]
fn a_year_0000_is_no_date_and_is_said() {
    // The calendar has no year 0: `to=0000` would otherwise keep no event and say nothing.
    let parsed = parse("/timeline?from=2024-11&to=0000-01");
    let Route::Timeline(t) = &parsed.route else { panic!() };
    assert_eq!((t.from.map(|d| d.iso()), t.to), (Some("2024-11".to_owned()), None));
    assert_eq!(parsed.ignored.len(), 1, "{:?}", parsed.ignored);
    assert_eq!((parsed.ignored[0].key.as_str(), parsed.ignored[0].value.as_str()), ("to", "0000-01"));
    assert_eq!(parsed.ignored[0].reason, "no year of the calendar: years run from 0001");
}

#[test]
fn a_date_the_calendar_lacks_is_said_as_such() {
    // A day the month does not have, a month past December: the note says which, not
    // only the form a date takes (which these have).
    let parsed = parse("/timeline?from=2024-02-30&to=2023-02-29");
    let Route::Timeline(t) = &parsed.route else { panic!() };
    assert_eq!((t.from, t.to), (None, None));
    let reasons: Vec<(&str, &str)> = parsed.ignored.iter().map(|i| (i.value.as_str(), i.reason.as_str())).collect();
    assert_eq!(
        reasons,
        [
            ("2024-02-30", "not a day of the calendar: February 2024 has 29 days"),
            ("2023-02-29", "not a day of the calendar: February 2023 has 28 days")
        ]
    );
    let parsed = parse("/timeline?from=2024-13&to=24-01");
    let reasons: Vec<&str> = parsed.ignored.iter().map(|i| i.reason.as_str()).collect();
    assert_eq!(reasons, ["no month of the calendar: months run from 01 to 12", "expected a date such as 2024, 2024-11 or 2024-12-08"]);
    // Spaces around a date are not part of it; a key with no value is no date.
    let parsed = parse("/timeline?from=%202024-02-29%20&to=");
    let Route::Timeline(t) = &parsed.route else { panic!() };
    assert_eq!((t.from.map(|d| d.iso()), t.to, parsed.ignored.len()), (Some("2024-02-29".to_owned()), None, 0));
}

#[test]
fn a_range_that_ends_before_it_starts_is_read_the_right_way_round_and_said() {
    use dossier::core::date::PartialDate;
    let parsed = parse("/timeline?from=2025&to=2015-03");
    let Route::Timeline(t) = &parsed.route else { panic!() };
    assert_eq!((t.from, t.to), (PartialDate::parse("2015-03").ok(), PartialDate::parse("2025").ok()));
    assert_eq!(parsed.ignored.len(), 1);
    assert_eq!(parsed.ignored[0].reason, "after to=2015-03: the two dates were swapped");
    // A month inside its year is no reversal.
    let parsed = parse("/timeline?from=2024-12&to=2024");
    assert!(parsed.ignored.is_empty(), "{:?}", parsed.ignored);
}

#[test]
fn a_value_a_note_shows_has_its_control_characters_written_out() {
    let parsed = parse("/timeline?actor=%00x&kind=%1B%5B2J");
    let shown: Vec<&str> = parsed.ignored.iter().map(|i| i.value.as_str()).collect();
    assert_eq!(shown, ["%00x", "%1B[2J"]);
    // At most 80 characters, never cut inside an escape.
    let long = parse(&format!("/timeline?kind={}%00", "k".repeat(78)));
    assert_eq!(long.ignored[0].value, "k".repeat(78));
    let long = parse(&format!("/timeline?kind={}%00", "k".repeat(77)));
    assert_eq!(long.ignored[0].value, format!("{}%00", "k".repeat(77)));
    let long = parse(&format!("/timeline?kind={}", "k".repeat(200)));
    assert_eq!(long.ignored[0].value, "k".repeat(80));
}

#[test]
fn search_text_that_is_not_utf8_is_said() {
    let parsed = parse("/quotes?q=%E0%A4&speaker=&q2=%FF");
    let Route::Quotes(q) = &parsed.route else { panic!() };
    assert_eq!(q.q, "\u{FFFD}");
    let said: Vec<(&str, &str)> = parsed.ignored.iter().map(|i| (i.key.as_str(), i.reason.as_str())).collect();
    assert_eq!(said, [("q", "not valid UTF-8: each byte that was not is shown as �")]);
    // Valid text, encoded or not, and the replacement character itself typed, are not.
    for href in ["/quotes?q=%D8%AD%D9%85%D9%8A%D9%85%D9%8A%D9%85", "/quotes?q=caf%C3%A9+noir", "/quotes?q=%EF%BF%BD", "/quotes?&&q=x&&"] {
        assert!(parse(href).ignored.is_empty(), "{href}: {:?}", parse(href).ignored);
    }
    // The last value is the one read, and the one judged (an earlier one is said unused).
    let said = parse("/quotes?q=%FF&q=ok").ignored;
    assert_eq!(said.iter().map(|i| i.reason.as_str()).collect::<Vec<_>>(), ["given again later in the link: the last q= is the one used"]);
    assert_eq!(parse("/quotes?q=ok&q=%FF").ignored.len(), 2);
}

#[test]
fn a_key_given_twice_says_which_value_is_used_and_notes_come_in_the_links_order() {
    // The last value is used (as in forms); the earlier one is said, not dropped silently.
    let parsed = parse("/timeline?from=2024-03-01&from=2024-02-30");
    let Route::Timeline(t) = &parsed.route else { panic!() };
    assert_eq!(t.from, None);
    let said: Vec<(&str, &str)> = parsed.ignored.iter().map(|i| (i.value.as_str(), i.reason.as_str())).collect();
    assert_eq!(
        said,
        [
            ("2024-03-01", "given again later in the link: the last from= is the one used"),
            ("2024-02-30", "not a day of the calendar: February 2024 has 29 days")
        ]
    );
    // Each unused value is said once, however often it was given.
    let said: Vec<String> = parse("/timeline?from=2024&from=2023&from=2024&from=2025").ignored.into_iter().map(|i| i.value).collect();
    assert_eq!(said, ["2024", "2023"]);
    // The same value twice, or an empty one before, is nothing to say.
    assert!(parse("/timeline?from=2024&from=2024").ignored.is_empty());
    assert!(parse("/timeline?from=&from=2024").ignored.is_empty());
    // Notes follow the link's order of keys, whatever order they are read in.
    let parsed = parse("/timeline?actor=nope!&kind=zzz&match=maybe");
    let keys: Vec<&str> = parsed.ignored.iter().map(|i| i.key.as_str()).collect();
    assert_eq!(keys, ["actor", "kind", "match"]);
    assert_eq!(parsed.ignored[1].reason, "expected person, state, organization (shown as Organisation), group, media (shown as News outlet)");
}
