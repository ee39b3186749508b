//! Property tests (proptest) of the URL parser and quote search on generated input.
//!
//! - Routes: `parse` and `parse_parts` never panic on arbitrary or hostile hrefs (broken
//!   escapes, NUL, bidi overrides, Arabic, emoji, markup, repeated `?&=#`, `..`, real page
//!   prefixes followed by junk, very long values), agree with each other and keep their
//!   limits (valid slugs, no duplicate ids, capped query text, short notes, no paragraph
//!   0). What they read is a fixed point: its href reads back the same, with nothing
//!   ignored (see `has_canonical_href` for the two by-design exceptions). Generated
//!   canonical states of every page and query key, with corpus and arbitrary ids,
//!   satisfy `parse(route.href()).route == route`.
//! - Search: any query (any text up to the cap of a link's query text) under any filters
//!   returns distinct in-range quotes that pass the filters (exactly the unfiltered hits
//!   that do), in the promised order, with highlights that are runs of whole words of the
//!   text, sorted and disjoint. A word or a phrase taken from a quote finds that quote and
//!   marks it; two quoted words find exactly the quotes both find.
//!
//! Case counts are modest (256 per property, 8 for the longest queries) so the suite
//! stays fast; proptest picks new cases each run.

use std::collections::HashSet;
use std::ops::Range;
use std::sync::{Arc, OnceLock};

use dossier::core::date::PartialDate;
use dossier::core::fold::{tokens, word_spans};
use dossier::core::model::{is_valid_slug, ActorId, ActorKind, Corpus, DocumentId, EventId, QuoteId, QuoteKind};
use dossier::core::route::{
    cap_query, parse, parse_parts, ActorMatch, Parsed, QuoteQuery, QuoteSort, Route, TimelineQuery, MAX_QUERY_BYTES,
};
use dossier::core::facets::quote_facets;
use dossier::core::search::{highlight_pieces, Hit, QuoteIndex, ShardedIndex, Shards};
use proptest::prelude::*;
use proptest::sample::{select, Index};
use proptest::test_runner::Config;

/// The bundled corpus and its index, loaded once for every case of every property.
fn shared() -> &'static (Corpus, QuoteIndex) {
    static SHARED: OnceLock<(Corpus, QuoteIndex)> = OnceLock::new();
    SHARED.get_or_init(|| {
        let corpus = super::corpus();
        let index = QuoteIndex::new(&corpus);
        (corpus, index)
    })
}

fn corpus() -> &'static Corpus {
    &shared().0
}

/// A text's words: byte range and folded token.
type Words = Vec<(Range<usize>, String)>;

/// The words of each quote, folded once for all cases.
fn quote_words() -> &'static [Words] {
    static WORDS: OnceLock<Vec<Words>> = OnceLock::new();
    WORDS.get_or_init(|| corpus().quotes.iter().map(|q| word_spans(&q.text)).collect())
}

/// `cases` cases, and no regression files written into the source tree on failure (the
/// failing input is printed instead, to be pinned as a plain test).
fn config(cases: u32) -> Config {
    Config { cases, failure_persistence: None, ..Config::default() }
}

// ---------------------------------------------------------------------------------------
// Generators
// ---------------------------------------------------------------------------------------

/// Pieces that have broken URL parsers before.
#[rustfmt::skip]
const HOSTILE: &[&str] = &[
    "%", "%%", "%G1", "%1", "%FF%FE", "%E0%A4%A", "%C3", "%C3%28", "%ED%A0%80", "%F0%9F%92", "%00", "%2F", "%2f",
    "%3F", "%23", "%26", "%3D", "%2C", "%25", "%2541", "%20", "%E2%80%AE", "\0", "\u{202e}", "\u{200f}", "\u{feff}",
    "\u{fffd}", "\u{0301}", "الشرع", "حميميم", "٤٨ ساعة", "ال", "al-", "🙂", "👨‍👩‍👧", "🇸🇾",
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"", "'", "“", "”", "?", "??", "&", "&&", "=",
    "==", "#", "##", "/", "//", "..", "../..", ".", "+", ",", ",,", " ", "\t", "\n", "\r\n", "index.html", "quotes",
    "timeline", "events", "actors", "documents", "q=", "speaker=", "doc=", "kind=", "sort=date", "sort=", "actor=",
    "match=all", "match=", "from=", "to=", "quote=", "p-", "p-0", "p-+7", "p--1", "p-4294967296", "2024",
    "2024-02-29", "2023-02-29", "2024-13", "0000", "9999-12-31", "-1", "statement", "pull-quote", "media", "a",
    "a-b", "A", "-a", "a--b", "\\", ".*", "(((", "[", "]", "{", "}", "^$", "|", "\u{7f}", "\u{85}", "\u{2028}",
];

/// Paths and path-and-query prefixes of real pages, to put junk where it is read.
#[rustfmt::skip]
const PREFIXES: &[&str] = &[
    "", "/", "/quotes", "/quotes/", "/quotes?q=", "/quotes?speaker=", "/quotes?doc=", "/quotes?kind=",
    "/quotes?sort=", "/quotes/index.html?q=", "/timeline", "/timeline?actor=", "/timeline?match=",
    "/timeline?kind=", "/timeline?from=", "/timeline?to=", "/timeline?doc=", "/timeline/index.html?actor=",
    "/events/", "/actors/", "/actors", "/documents/", "/documents", "/documents/x?quote=", "/documents/x#p-",
    "/documents/majalla-shaibani-interview-part-1?quote=", "/index.html", "https://example.org/quotes?q=",
];

/// Arbitrary characters, any of Unicode.
fn any_text(max: usize) -> impl Strategy<Value = String> {
    proptest::collection::vec(any::<char>(), 0..max).prop_map(String::from_iter)
}

/// A run of hostile pieces, slugs and arbitrary characters.
fn hostile_text(max_pieces: usize) -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        4 => select(HOSTILE).prop_map(str::to_owned),
        2 => slug(),
        1 => any_text(6),
        1 => "[a-zA-Z0-9%&=?#/,.+ -]{1,6}",
    ];
    proptest::collection::vec(piece, 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// A value for a query key: ids (often the same few, so lists repeat), dates, words of
/// the vocabularies, numbers, nothing, or junk.
fn query_value() -> impl Strategy<Value = String> {
    let id = select(&["a", "b", "a-b", "putin", "Bad Id", "a,b", "b,a", " a ", ""][..]).prop_map(str::to_owned);
    prop_oneof![
        3 => proptest::collection::vec(id, 1..4).prop_map(|ids| ids.join(",")),
        1 => partial_date().prop_map(|d| d.iso()),
        1 => select(&["any", "all", "date", "statement", "pull-quote", "media", "person", "2024-02-30", "24"][..])
            .prop_map(str::to_owned),
        1 => "[0-9+-]{0,12}",
        1 => hostile_text(4),
    ]
}

/// Hrefs that look like Dossier's: a page, then keys it reads (and some it does not),
/// repeated and in any order, and perhaps a paragraph anchor.
fn structured_href() -> impl Strategy<Value = String> {
    let path =
        select(&["/quotes", "/quotes/", "/timeline", "/timeline/index.html", "/documents/d", "/actors/a", "/"][..]);
    let key =
        select(&["q", "speaker", "doc", "kind", "sort", "actor", "match", "from", "to", "quote", "Q", "", "q[]"][..]);
    let pair = (key, query_value()).prop_map(|(k, v)| {
        let v: String = form_encode(&v);
        if k.is_empty() {
            v
        } else {
            format!("{k}={v}")
        }
    });
    let fragment =
        prop_oneof![Just(String::new()), "#p-(0|00|\\+0|[0-9+-]{0,11})", hostile_text(2).prop_map(|f| format!("#{f}"))];
    (path, proptest::collection::vec(pair, 0..8), fragment)
        .prop_map(|(path, pairs, fragment)| format!("{path}?{}{fragment}", pairs.join("&")))
}

/// Form-encodes a value the way a browser would, most of the time; sometimes not at all.
fn form_encode(value: &str) -> String {
    if value.len() % 5 == 4 {
        return value.to_owned();
    }
    value
        .bytes()
        .map(|b| match b {
            b'a'..=b'z' | b'A'..=b'Z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b',' => (b as char).to_string(),
            b' ' => "+".to_owned(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Hrefs biased towards hostile input.
fn href() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => any_text(64),
        4 => hostile_text(16),
        4 => structured_href(),
        4 => (select(PREFIXES), hostile_text(12)).prop_map(|(p, junk)| format!("{p}{junk}")),
        1 => (select(PREFIXES), "0|00|\\+0|-0|[0-9+-]{0,12}").prop_map(|(p, n)| format!("{p}{n}")),
        1 => (MAX_QUERY_BYTES - 2..=MAX_QUERY_BYTES + 2, select(&["x", "é", "🙂", "%C3%A9", "+", "%F0%9F%99%82"][..]))
            .prop_map(|(n, c)| format!("/quotes?q={}", c.repeat(n))),
        1 => (select(PREFIXES), select(HOSTILE), 1..4_000usize)
            .prop_map(|(p, piece, n)| format!("{p}{}", piece.repeat(n))),
    ]
}

/// A valid slug, short or up to the 120-byte limit.
fn slug() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[a-z0-9]{1,8}(-[a-z0-9]{1,8}){0,4}",
        1 => "[a-z0-9]{1,8}(-[a-z0-9]{1,10}){9,10}".prop_filter("at most 120 bytes", |s| s.len() <= 120),
    ]
}

/// Ids of the bundled corpus, of each kind.
fn actor_ids() -> Vec<String> {
    corpus().actors.iter().map(|a| a.id.to_string()).collect()
}
fn document_ids() -> Vec<String> {
    corpus().documents.iter().map(|d| d.id.to_string()).collect()
}
fn quote_ids() -> Vec<String> {
    corpus().quotes.iter().map(|q| q.id.to_string()).collect()
}
fn event_ids() -> Vec<String> {
    corpus().events.iter().map(|e| e.id.to_string()).collect()
}

/// An id as it may appear in a query value: a corpus id or any valid slug.
fn slug_from(ids: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![select(ids), slug()]
}

/// An id as it may appear in a path: a corpus id, a slug, or any text at all — the path
/// is not checked, only looked up. (Empty and `index.html` are not ids: they are the list
/// page itself.)
fn path_id(ids: Vec<String>) -> impl Strategy<Value = String> {
    prop_oneof![
        2 => select(ids),
        1 => slug(),
        1 => hostile_text(6),
        1 => any_text(12),
    ]
    .prop_filter("a path id is not empty and not the list page", |s| !s.is_empty() && s != "index.html")
}

/// Distinct ids in the order given: a list in a URL is a set that remembers its order.
fn id_list(ids: Vec<String>) -> impl Strategy<Value = Vec<String>> {
    proptest::collection::vec(slug_from(ids), 0..6).prop_map(|mut v| {
        let mut seen = HashSet::new();
        v.retain(|s| seen.insert(s.clone()));
        v
    })
}

/// Search text: anything, up to the cap the parser keeps.
fn search_text() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => Just(String::new()),
        2 => any_text(40),
        2 => hostile_text(10),
        4 => corpus_words(),
        1 => (1..=MAX_QUERY_BYTES / 2).prop_map(|n| "é".repeat(n)),
    ]
}

/// Words, phrases and punctuation from the corpus's quotes.
fn corpus_words() -> impl Strategy<Value = String> {
    let piece = (any::<Index>(), any::<Index>(), select(&["", " ", "\"", "“", "”", "-", ".*", "? ", "'s ", " -", " −“"][..]))
        .prop_map(|(q, w, glue)| {
            let q = q.index(corpus().quotes.len());
            let (text, spans) = (&corpus().quotes[q].text, &quote_words()[q]);
            let word = if spans.is_empty() { "" } else { &text[spans[w.index(spans.len())].0.clone()] };
            format!("{word}{glue}")
        });
    proptest::collection::vec(piece, 1..6).prop_map(|p| p.concat())
}

/// One word of a quote of the corpus, as written.
fn corpus_word() -> impl Strategy<Value = String> {
    (any::<Index>(), any::<Index>()).prop_filter_map("a quote with words", |(q, w)| {
        let q = q.index(corpus().quotes.len());
        let (text, spans) = (&corpus().quotes[q].text, &quote_words()[q]);
        (!spans.is_empty()).then(|| text[spans[w.index(spans.len())].0.clone()].to_owned())
    })
}

fn partial_date() -> impl Strategy<Value = PartialDate> {
    prop_oneof![
        (0..=9999i32).prop_map(PartialDate::year),
        (0..=9999i32, 1..=12u8).prop_map(|(y, m)| PartialDate::year_month(y, m).unwrap()),
        (0..=9999i32, 1..=12u8, 1..=31u8)
            .prop_filter_map("a day of the calendar", |(y, m, d)| PartialDate::ymd(y, m, d)),
    ]
}

fn quote_kind() -> impl Strategy<Value = QuoteKind> {
    select(QuoteKind::ALL)
}

fn quote_sort() -> impl Strategy<Value = QuoteSort> {
    prop_oneof![Just(QuoteSort::Auto), Just(QuoteSort::Date)]
}

fn quote_query() -> impl Strategy<Value = QuoteQuery> {
    (
        search_text(),
        id_list(actor_ids()),
        proptest::option::of(slug_from(document_ids())),
        proptest::option::of(quote_kind()),
        quote_sort(),
    )
        .prop_map(|(q, speakers, doc, kind, sort)| QuoteQuery {
            q,
            speakers: speakers.into_iter().map(ActorId::new).collect(),
            doc: doc.map(DocumentId::new),
            kind,
            sort,
        })
}

fn timeline_query() -> impl Strategy<Value = TimelineQuery> {
    (
        id_list(actor_ids()),
        prop_oneof![Just(ActorMatch::Any), Just(ActorMatch::All)],
        proptest::option::of(select(ActorKind::ALL)),
        proptest::option::of(partial_date()),
        proptest::option::of(partial_date()),
        proptest::option::of(slug_from(document_ids())),
    )
        .prop_map(|(actors, match_mode, kind, from, to, doc)| {
            // A range that ends before it starts is not canonical: it is read swapped.
            let (from, to) = match (from, to) {
                (Some(f), Some(t)) if f.first_day() > t.last_day() => (Some(t), Some(f)),
                range => range,
            };
            TimelineQuery { actors: actors.into_iter().map(ActorId::new).collect(), match_mode, kind, from, to, doc: doc.map(DocumentId::new) }
        })
}

/// A path that is no page: its first segment is no section, or a section has one
/// segment too many. Segments avoid `%`, `/`, `?` and `#`, which the path as shown (decoded)
/// cannot tell apart from their encoded forms.
fn not_found_path() -> impl Strategy<Value = String> {
    let segment = prop_oneof![select(HOSTILE).prop_map(str::to_owned), slug(), any_text(8),]
        .prop_map(|s: String| s.replace(['%', '/', '?', '#'], ""))
        .prop_filter("a segment is not empty", |s| !s.is_empty());
    proptest::collection::vec(segment, 1..5)
        .prop_filter("no page has this path", |segments| {
            let known = match segments.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
                [s] => ["quotes", "timeline", "actors", "documents", "index.html"].contains(s),
                [s, _] => ["quotes", "events", "actors", "documents"].contains(s),
                _ => false,
            };
            !known && segments.last().is_some_and(|s| s != "index.html")
        })
        .prop_map(|segments| format!("/{}", segments.join("/")))
}

/// Every kind of route, in its canonical form (the form `parse` produces).
fn canonical_route() -> impl Strategy<Value = Route> {
    prop_oneof![
        1 => Just(Route::Home),
        1 => Just(Route::Actors),
        1 => Just(Route::Documents),
        3 => quote_query().prop_map(Route::Quotes),
        3 => timeline_query().prop_map(Route::Timeline),
        1 => path_id(quote_ids()).prop_map(|id| Route::Quote(QuoteId::new(id))),
        1 => path_id(event_ids()).prop_map(|id| Route::Event(EventId::new(id))),
        1 => path_id(actor_ids()).prop_map(|id| Route::Actor(ActorId::new(id))),
        2 => (path_id(document_ids()), 1..=5000u32, proptest::option::of(slug_from(quote_ids())), proptest::option::of(1..=u32::MAX))
            .prop_map(|(id, part, quote, paragraph)| Route::Document {
                id: DocumentId::new(id),
                part,
                quote: quote.map(QuoteId::new),
                paragraph,
            }),
        1 => not_found_path().prop_map(|path| Route::NotFound { path }),
    ]
}

// ---------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------

fn slugs_ok<'a>(mut ids: impl Iterator<Item = &'a str>) -> bool {
    ids.all(is_valid_slug)
}

/// What every parse result promises, whatever the input.
fn check_parsed(href: &str, parsed: &Parsed) -> Result<(), TestCaseError> {
    match &parsed.route {
        Route::Quotes(q) => {
            prop_assert!(q.q.len() <= MAX_QUERY_BYTES, "query text not capped for {href:?}");
            prop_assert!(slugs_ok(q.speakers.iter().map(ActorId::as_str)), "{q:?}");
            prop_assert!(slugs_ok(q.doc.iter().map(DocumentId::as_str)), "{q:?}");
            let distinct: HashSet<_> = q.speakers.iter().collect();
            prop_assert_eq!(distinct.len(), q.speakers.len(), "duplicate speakers from {:?}", href);
        }
        Route::Timeline(t) => {
            prop_assert!(slugs_ok(t.actors.iter().map(ActorId::as_str)), "{t:?}");
            prop_assert!(slugs_ok(t.doc.iter().map(DocumentId::as_str)), "{t:?}");
            let distinct: HashSet<_> = t.actors.iter().collect();
            prop_assert_eq!(distinct.len(), t.actors.len(), "duplicate actors from {:?}", href);
        }
        Route::Document { part, quote, paragraph, .. } => {
            prop_assert!(quote.as_ref().is_none_or(|q| is_valid_slug(q.as_str())), "{quote:?}");
            prop_assert_ne!(*paragraph, Some(0));
            prop_assert!(*part >= 1, "{part}");
        }
        Route::Quote(id) => prop_assert!(!id.as_str().is_empty()),
        Route::Event(id) => prop_assert!(!id.as_str().is_empty()),
        Route::Actor(id) => prop_assert!(!id.as_str().is_empty()),
        Route::NotFound { path } => prop_assert!(path.starts_with('/'), "{path:?}"),
        Route::Home | Route::Actors | Route::Documents => {}
    }
    for note in &parsed.ignored {
        prop_assert!(note.value.chars().count() <= 80, "a note repeats a long value: {note:?}");
        prop_assert!(!note.reason.is_empty());
    }
    Ok(())
}

/// Whether `parse` read `route` from `raw_path` in a form its href writes back. Two kinds
/// of result are not, by design: a not-found path is kept decoded, for display, so one
/// that had escapes (`%2F`, `%3F`, `%25`), raw `?` or `#` (only `parse_parts` can be handed
/// those), or a trailing `index.html` left after the one that is dropped, reads as another
/// path; and an id `index.html` (from `/quotes/index.html/index.html`) names the list page.
/// Neither is ever linked to.
fn has_canonical_href(route: &Route, raw_path: &str) -> bool {
    let id = match route {
        Route::NotFound { path } => return !raw_path.contains(['%', '?', '#']) && !path.ends_with("/index.html"),
        Route::Quote(id) => id.as_str(),
        Route::Event(id) => id.as_str(),
        Route::Actor(id) => id.as_str(),
        Route::Document { id, .. } => id.as_str(),
        _ => return true,
    };
    id != "index.html"
}

/// What every search result promises, whatever the query.
fn check_hits(c: &Corpus, query: &QuoteQuery, hits: &[Hit]) -> Result<(), TestCaseError> {
    let mut seen = HashSet::new();
    for hit in hits {
        prop_assert!(hit.quote < c.quotes.len(), "index {} out of range", hit.quote);
        prop_assert!(seen.insert(hit.quote), "quote {} listed twice", hit.quote);
        let quote = &c.quotes[hit.quote];
        prop_assert!(
            query.speakers.is_empty() || query.speakers.contains(&quote.speaker),
            "{} breaks the speaker filter",
            quote.id
        );
        prop_assert!(query.doc.as_ref().is_none_or(|d| d == &quote.document), "{} breaks the doc filter", quote.id);
        prop_assert!(query.kind.is_none_or(|k| k == quote.kind), "{} breaks the kind filter", quote.id);
        let text = &quote.text;
        let words = &quote_words()[hit.quote];
        let mut end_of_previous = None;
        for r in &hit.highlights {
            prop_assert!(r.start < r.end && r.end <= text.len(), "{r:?} outside {} ({} bytes)", quote.id, text.len());
            prop_assert!(
                text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
                "{r:?} splits a char of {}",
                quote.id
            );
            prop_assert!(
                words.iter().any(|(w, _)| w.start == r.start) && words.iter().any(|(w, _)| w.end == r.end),
                "{r:?} is not a run of whole words of {}",
                quote.id
            );
            prop_assert!(end_of_previous.is_none_or(|e| r.start > e), "{:?} not sorted and disjoint", hit.highlights);
            end_of_previous = Some(r.end);
        }
        let pieces = highlight_pieces(text, &hit.highlights);
        prop_assert_eq!(pieces.iter().filter(|p| p.1).count(), hit.highlights.len(), "a highlight was dropped");
        prop_assert_eq!(pieces.iter().map(|p| p.0).collect::<String>(), text.as_str());
    }
    match query.sort {
        QuoteSort::Auto => prop_assert!(
            hits.windows(2).all(|w| (w[0].fuzzy_terms, std::cmp::Reverse(w[0].score))
                <= (w[1].fuzzy_terms, std::cmp::Reverse(w[1].score))),
            "typo matches or lower scores ranked first"
        ),
        QuoteSort::Date => prop_assert!(
            hits.windows(2).all(|w| {
                let day = |h: &Hit| c.quotes[h.quote].said_on.as_ref().map(|d| d.first_day());
                let key = |h: &Hit| (day(h).is_none(), day(h));
                key(&w[0]) <= key(&w[1])
            }),
            "not in date order"
        ),
    }
    Ok(())
}

/// The quotes the bundled corpus's search of `q` finds, in `sort` order, ascending,
/// once the hits are checked ([`check_hits`]).
fn checked_set(q: String, sort: QuoteSort) -> Result<Vec<usize>, TestCaseError> {
    let (c, index) = shared();
    let query = QuoteQuery { q, sort, ..QuoteQuery::default() };
    let hits = index.search(c, &query);
    check_hits(c, &query, &hits).map(|()| quote_set(&hits))
}

fn quote_set(hits: &[Hit]) -> Vec<usize> {
    let mut v: Vec<usize> = hits.iter().map(|h| h.quote).collect();
    v.sort_unstable();
    v
}

// ---------------------------------------------------------------------------------------
// Properties
// ---------------------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn parsing_any_href_never_panics_and_gives_a_fixed_point(href in href()) {
        let parsed = parse(&href);
        check_parsed(&href, &parsed)?;
        // Against the corpus: every id left in the query is one it knows, each one left
        // out is said, and doing it again changes nothing.
        let known = parsed.clone().known_to(corpus());
        let ids: Vec<String> = match &known.route {
            Route::Quotes(q) => q.speakers.iter().map(|a| a.to_string()).chain(q.doc.iter().map(|d| d.to_string())).collect(),
            Route::Timeline(t) => t.actors.iter().map(|a| a.to_string()).chain(t.doc.iter().map(|d| d.to_string())).collect(),
            _ => Vec::new(),
        };
        prop_assert!(ids.iter().all(|id| actor_ids().contains(id) || document_ids().contains(id)), "{:?}", ids);
        prop_assert!(known.ignored.len() >= parsed.ignored.len());
        prop_assert_eq!(&known.clone().known_to(corpus()), &known);
        // `parse` is `parse_parts` on the split href, with or without the markers.
        let (rest, fragment) = href.split_once('#').unwrap_or((&href, ""));
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        prop_assert_eq!(&parse_parts(path, query, fragment), &parsed);
        prop_assert_eq!(&parse_parts(path, &format!("?{query}"), &format!("#{fragment}")), &parsed);
        // What was read is canonical: written back and read again, it is the same route,
        // and nothing of the written URL is ignored.
        if has_canonical_href(&parsed.route, path) {
            let again = parse(&parsed.route.href());
            prop_assert_eq!(&again.route, &parsed.route, "via {}", parsed.route.href());
            prop_assert_eq!(again.ignored, vec![], "via {}", parsed.route.href());
        }
    }

    #[test]
    fn parsing_any_parts_never_panics(path in href(), query in hostile_text(12), fragment in hostile_text(4)) {
        let parsed = parse_parts(&path, &query, &fragment);
        check_parsed(&path, &parsed)?;
        if has_canonical_href(&parsed.route, &path) {
            let again = parse(&parsed.route.href());
            prop_assert_eq!(&again.route, &parsed.route, "via {}", parsed.route.href());
        }
    }

    #[test]
    fn canonical_routes_round_trip(route in canonical_route()) {
        let href = route.href();
        let parsed = parse(&href);
        prop_assert_eq!(&parsed.route, &route, "via {}", href);
        prop_assert_eq!(parsed.ignored, vec![], "via {}", href);
        // The browser hands the parts over separately; that reads the same.
        let url = url_parts(&href);
        prop_assert_eq!(parse_parts(url.0, url.1, url.2).route, route);
    }

    #[test]
    fn search_returns_well_formed_hits_that_pass_the_filters(query in quote_query()) {
        let (c, index) = shared();
        let hits = index.search(c, &query);
        check_hits(c, &query, &hits)?;
        // Filters only narrow: the hits are the unfiltered hits that pass them.
        let unfiltered = index.search(c, &QuoteQuery { q: query.q.clone(), ..QuoteQuery::default() });
        check_hits(c, &QuoteQuery { q: query.q.clone(), ..QuoteQuery::default() }, &unfiltered)?;
        let passing: Vec<Hit> = unfiltered.into_iter().filter(|h| {
            let quote = &c.quotes[h.quote];
            (query.speakers.is_empty() || query.speakers.contains(&quote.speaker))
                && query.doc.as_ref().is_none_or(|d| d == &quote.document)
                && query.kind.is_none_or(|k| k == quote.kind)
        }).collect();
        prop_assert_eq!(quote_set(&hits), quote_set(&passing));
        // A query with no words lists every quote the filters let through.
        if tokens(&query.q).is_empty() {
            prop_assert_eq!(hits.len(), c.quotes.iter().filter(|q| {
                (query.speakers.is_empty() || query.speakers.contains(&q.speaker))
                    && query.doc.as_ref().is_none_or(|d| d == &q.document)
                    && query.kind.is_none_or(|k| k == q.kind)
            }).count());
        }
    }

    #[test]
    fn a_word_of_a_quote_finds_that_quote(
        q in any::<Index>(),
        w in any::<Index>(),
        form in 0..6usize,
        own_filters in any::<bool>(),
        sort in quote_sort(),
    ) {
        let (c, index) = shared();
        let quote_index = q.index(c.quotes.len());
        let quote = &c.quotes[quote_index];
        let spans = &quote_words()[quote_index];
        prop_assume!(!spans.is_empty());
        let span = spans[w.index(spans.len())].0.clone();
        let word = &quote.text[span.clone()];
        // As typed (a prefix), finished, as a phrase, in capitals, and twice over (the
        // second match of the same word must merge into one highlight).
        let text = match form {
            0 => word.to_owned(),
            1 => format!("{word} "),
            2 => format!("\"{word}\""),
            3 => word.to_uppercase(),
            4 => format!("{word} {word}"),
            _ => format!("\"{word}\" {word} "),
        };
        let query = if own_filters {
            QuoteQuery {
                q: text.clone(),
                speakers: vec![quote.speaker.clone()],
                doc: Some(quote.document.clone()),
                kind: Some(quote.kind),
                sort,
            }
        } else {
            QuoteQuery { q: text.clone(), sort, ..QuoteQuery::default() }
        };
        let hits = index.search(c, &query);
        check_hits(c, &query, &hits)?;
        let hit = hits.iter().find(|h| h.quote == quote_index);
        prop_assert!(hit.is_some(), "{:?} (from {}) did not find {}", text, quote.id, quote.id);
        // ... and highlights the word where it stands.
        prop_assert!(
            hit.unwrap().highlights.iter().any(|r| r.start <= span.start && span.end <= r.end),
            "{:?} found {} without marking {:?}", text, quote.id, span
        );
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Quoted words are exact and never read as names, so two of them find exactly the
    /// quotes that each finds alone: every term must match.
    #[test]
    fn two_quoted_words_find_the_quotes_both_find(a in corpus_word(), b in corpus_word(), sort in quote_sort()) {
        let (c, _) = shared();
        let search = |q: String| checked_set(q, sort);
        let both = search(format!("\"{a}\" \"{b}\""))?;
        let (with_a, with_b) = (search(format!("\"{a}\""))?, search(format!("\"{b}\""))?);
        let expected: Vec<usize> = with_a.iter().copied().filter(|q| with_b.contains(q)).collect();
        prop_assert_eq!(&both, &expected, "{:?} and {:?}", a, b);
        // Each word alone finds exactly the quotes with that word, and so at least one.
        let token = &tokens(&a)[0];
        let scan: Vec<usize> = (0..c.quotes.len()).filter(|&i| quote_words()[i].iter().any(|(_, t)| t == token)).collect();
        prop_assert_eq!(with_a, scan, "{:?}", a);
    }

    /// A quoted word left out (`a -"b"`) drops exactly the quotes that the quoted word
    /// finds, and nothing else: leaving out is the complement of finding.
    #[test]
    fn a_quoted_word_left_out_drops_exactly_the_quotes_it_finds(a in corpus_word(), b in corpus_word(), sort in quote_sort()) {
        let (c, _) = shared();
        let search = |q: String| checked_set(q, sort);
        let without = search(format!("{a} -\"{b}\""))?;
        let (with_a, with_b) = (search(format!("{a} "))?, search(format!("\"{b}\""))?);
        let expected: Vec<usize> = with_a.iter().copied().filter(|q| !with_b.contains(q)).collect();
        prop_assert_eq!(&without, &expected, "{:?} without {:?}", a, b);
        // And alone, every quote but those.
        let rest: Vec<usize> = (0..c.quotes.len()).filter(|q| !with_b.contains(q)).collect();
        prop_assert_eq!(search(format!("-\"{b}\""))?, rest);
    }

    /// A run of consecutive words of a quote, quoted as a phrase, finds that quote and
    /// marks the run.
    #[test]
    fn a_phrase_from_a_quote_finds_that_quote(q in any::<Index>(), start in any::<Index>(), len in 1..6usize, open in any::<bool>()) {
        let (c, index) = shared();
        let quote_index = q.index(c.quotes.len());
        let text = &c.quotes[quote_index].text;
        let spans = &quote_words()[quote_index];
        prop_assume!(!spans.is_empty());
        let first = start.index(spans.len());
        let run = &spans[first..(first + len).min(spans.len())];
        let words: Vec<&str> = run.iter().map(|(r, _)| &text[r.clone()]).collect();
        // Closed, or still being typed (`"48 hou`).
        let phrase = if open { format!("\"{}", words.join(" ")) } else { format!("“{}”", words.join(" ")) };
        let query = QuoteQuery { q: phrase.clone(), ..QuoteQuery::default() };
        let hits = index.search(c, &query);
        check_hits(c, &query, &hits)?;
        let hit = hits.iter().find(|h| h.quote == quote_index);
        prop_assert!(hit.is_some(), "{:?} did not find {}", phrase, c.quotes[quote_index].id);
        let marked = run[0].0.start..run[run.len() - 1].0.end;
        prop_assert!(
            hit.unwrap().highlights.iter().any(|r| r.start <= marked.start && marked.end <= r.end),
            "{:?} found {} without marking {:?}", phrase, c.quotes[quote_index].id, marked
        );
    }
}

proptest! {
    #![proptest_config(config(8))]

    /// Queries up to the cap (any Unicode, hostile runs, a corpus phrase or a typo-prone
    /// word said hundreds of times) return well-formed hits, and a suggestion, without
    /// panicking.
    #[test]
    fn search_never_panics_on_long_queries(
        text in prop_oneof![
            any_text(MAX_QUERY_BYTES),
            hostile_text(400),
            (corpus_words(), 1..=300usize).prop_map(|(w, n)| format!("{w} ").repeat(n)),
            (1..=MAX_QUERY_BYTES / 6).prop_map(|n| "syria ".repeat(n)),
        ].prop_map(|mut s| { cap_query(&mut s); s }),
        sort in quote_sort(),
    ) {
        let (c, index) = shared();
        let query = QuoteQuery { q: text, sort, ..QuoteQuery::default() };
        let hits = index.search(c, &query);
        check_hits(c, &query, &hits)?;
        let _ = index.suggest(c, &query);
    }
}

/// The worst case of the query cap, a thousand words, stays cheap: each word may start a
/// name of at most a few words, so runs are not scanned to the end of the query (which
/// took about a minute here before, 50 ms in a release build now).
#[test]
fn a_query_of_a_thousand_words_is_not_quadratic() {
    let (c, index) = shared();
    let query = QuoteQuery { q: "a ".repeat(MAX_QUERY_BYTES / 2), ..QuoteQuery::default() };
    let started = std::time::Instant::now();
    let hits = index.search(c, &query);
    let elapsed = started.elapsed();
    assert!(elapsed < std::time::Duration::from_secs(10), "searching 1,000 words took {elapsed:?}");
    // Saying a word again changes which quotes match not at all.
    let once = index.search(c, &QuoteQuery { q: "a ".into(), ..QuoteQuery::default() });
    assert!(!hits.is_empty());
    assert_eq!(quote_set(&hits), quote_set(&once));
}

/// An href's path, query and fragment, as `location` gives them (with their markers).
fn url_parts(href: &str) -> (&str, &str, &str) {
    let (rest, fragment) = href.find('#').map_or((href, ""), |i| (&href[..i], &href[i..]));
    let (path, query) = rest.find('?').map_or((rest, ""), |i| (&rest[..i], &rest[i..]));
    (path, query, fragment)
}

// ---------------------------------------------------------------------------------------
// The fast path of search against the simple one
// ---------------------------------------------------------------------------------------

/// A synthetic corpus (`dossier::synth`, 1,500 quotes from 200 speakers with transliterated
/// names and places with diacritics) and its index, built once.
fn synthetic() -> &'static (Corpus, QuoteIndex) {
    static SYNTHETIC: OnceLock<(Corpus, QuoteIndex)> = OnceLock::new();
    SYNTHETIC.get_or_init(|| {
        let (files, _) = dossier::synth::corpus(1_500, 7);
        let corpus = dossier::core::load::load(&files).expect("the synthetic corpus is valid");
        let index = QuoteIndex::new(&corpus);
        (corpus, index)
    })
}

/// What users type: words of the corpus's quotes and its actors' and places' names and
/// aliases, cut short as while typing, misspelt (a swap of neighbours, a dropped or a
/// doubled letter), quoted as phrases, and the benchmark's queries.
fn typed_query(c: &'static Corpus) -> impl Strategy<Value = String> {
    let names: Vec<String> = c
        .actors
        .iter()
        .flat_map(|a| std::iter::once(a.name.clone()).chain(a.aliases.iter().cloned()))
        .chain(
            c.places
                .iter()
                .flat_map(|p| std::iter::once(p.name.clone()).chain(p.aliases.iter().cloned())),
        )
        .collect();
    let word = (any::<Index>(), any::<Index>()).prop_map(move |(q, w)| {
        let text = &c.quotes[q.index(c.quotes.len())].text;
        let spans = word_spans(text);
        if spans.is_empty() {
            String::new()
        } else {
            text[spans[w.index(spans.len())].0.clone()].to_owned()
        }
    });
    let piece = prop_oneof![4 => word, 2 => select(names), 1 => select(&dossier::synth::QUERIES[..]).prop_map(str::to_owned)];
    let edited = (piece, 0..6u8, any::<Index>()).prop_map(|(piece, edit, at)| {
        let chars: Vec<char> = piece.chars().collect();
        if chars.len() < 2 {
            return piece;
        }
        let i = at.index(chars.len() - 1);
        let mut out = chars.clone();
        match edit {
            0 => out.swap(i, i + 1),
            1 => drop(out.remove(i)),
            2 => out.insert(i, chars[i]),
            3 => out.truncate(i + 1),
            _ => {}
        }
        out.into_iter().collect()
    });
    // Pieces joined as typed: spaces, quotes, hyphens, and a `-` that leaves out what follows.
    let glue = select(&[" ", " ", "\"", " \"", "\" ", "-", "", " -", " -\""][..]);
    proptest::collection::vec((edited, glue), 1..5)
        .prop_map(|pieces| pieces.into_iter().map(|(p, g)| format!("{p}{g}")).collect())
}

/// Filters and sorts drawn from the corpus itself.
fn typed_search(c: &'static Corpus) -> impl Strategy<Value = QuoteQuery> {
    let speakers: Vec<ActorId> = c.quotes.iter().map(|q| q.speaker.clone()).collect();
    let docs: Vec<DocumentId> = c.documents.iter().map(|d| d.id.clone()).collect();
    (
        typed_query(c),
        proptest::collection::vec(select(speakers), 0..3),
        proptest::option::weighted(0.2, select(docs)),
        proptest::option::weighted(0.2, quote_kind()),
        quote_sort(),
    )
        .prop_map(|(q, speakers, doc, kind, sort)| QuoteQuery {
            q,
            speakers,
            doc,
            kind,
            sort,
        })
}

/// The fast path (flat arrays, highlights only for what is explained) and the simple one
/// (a map per term, every hit explained, then sorted) give the same hits, scores, order,
/// highlights and reasons.
fn same_as_simple_path(
    c: &Corpus,
    index: &QuoteIndex,
    query: &QuoteQuery,
) -> Result<(), TestCaseError> {
    let fast = index.search(c, query);
    let simple = index.search_reference(c, query);
    prop_assert_eq!(fast.len(), simple.len(), "{:?}", query);
    for (i, (f, s)) in fast.iter().zip(&simple).enumerate() {
        prop_assert_eq!(f, s, "hit {} of {:?}", i, query);
    }
    // The first page is put in order at once, the rest only when asked for: every
    // prefix, within, at and beyond the first page, is the simple path's.
    let ranking = index.rank(c, query);
    let order = quote_set_in_order(&simple);
    prop_assert_eq!(ranking.len(), order.len());
    for n in [0, 1, 20, 99, 100, 101, 250, usize::MAX] {
        let first: Vec<usize> = ranking.first(n).iter().map(|h| h.quote).collect();
        prop_assert_eq!(&first[..], &order[..n.min(order.len())], "first {} of {:?}", n, query);
    }
    let mut every: Vec<usize> = ranking.unordered().map(|h| h.quote).collect();
    every.sort_unstable();
    let mut expected = order.clone();
    expected.sort_unstable();
    prop_assert_eq!(every, expected);
    Ok(())
}

fn quote_set_in_order(hits: &[Hit]) -> Vec<usize> {
    hits.iter().map(|h| h.quote).collect()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn fast_search_matches_the_simple_path_on_any_query(query in quote_query()) {
        let (c, index) = shared();
        same_as_simple_path(c, index, &query)?;
    }

    #[test]
    fn fast_search_matches_the_simple_path_on_typed_queries(query in typed_search(corpus())) {
        let (c, index) = shared();
        same_as_simple_path(c, index, &query)?;
    }

    #[test]
    fn fast_search_matches_the_simple_path_on_a_synthetic_corpus(query in typed_search(&synthetic().0)) {
        let (c, index) = synthetic();
        same_as_simple_path(c, index, &query)?;
    }
}

// ---------------------------------------------------------------------------------------
// The sharded index against the whole one
// ---------------------------------------------------------------------------------------

/// The corpus's catalog alone (no quote, no event): all a page that searches a sharded
/// index holds besides the index and the hits it shows.
fn catalog_of(c: &Corpus) -> Corpus {
    let mut catalog = c.clone();
    catalog.quotes.clear();
    catalog.events.clear();
    catalog
}

/// A corpus's index in small chunks (so a query reads several), and its catalog.
fn sharded_synthetic() -> &'static (Corpus, Shards) {
    static SHARDED: OnceLock<(Corpus, Shards)> = OnceLock::new();
    SHARDED.get_or_init(|| {
        let (c, index) = synthetic();
        (catalog_of(c), index.to_shards(c, 512))
    })
}

fn sharded_bundled() -> &'static (Corpus, Shards) {
    static SHARDED: OnceLock<(Corpus, Shards)> = OnceLock::new();
    SHARDED.get_or_init(|| {
        let (c, index) = shared();
        (catalog_of(c), index.to_shards(c, 256))
    })
}

/// A sharded index opened from the catalog answers `query` only once it holds the chunks
/// it named, whichever others arrived before (`early`), and then exactly as the whole
/// index does: hits, order, scores, highlights, reasons, facets and the suggestion.
fn sharded_same_as_whole(
    c: &Corpus,
    index: &QuoteIndex,
    (catalog, shards): &(Corpus, Shards),
    query: &QuoteQuery,
    early: &[Index],
) -> Result<(), TestCaseError> {
    let mut sharded = ShardedIndex::open(catalog, &shards.terms, &shards.columns).expect("its own shards open");
    prop_assert_eq!(sharded.chunks(), shards.chunks.len());
    for k in early {
        sharded.add_chunk(&shards.chunks[k.index(shards.chunks.len())]).expect("its own chunk reads");
    }
    let missing = sharded.missing(query);
    match sharded.rank(catalog, query) {
        Err(needed) => prop_assert_eq!(&needed, &missing),
        Ok(_) => prop_assert!(missing.is_empty()),
    }
    prop_assert_eq!(sharded.rank_anew(catalog, query).err().unwrap_or_default(), missing.clone());
    for &k in &missing {
        prop_assert_eq!(sharded.add_chunk(&shards.chunks[k]).expect("its own chunk reads"), k);
    }
    prop_assert!(sharded.missing(query).is_empty());
    let ranking = sharded.rank(catalog, query).expect("every chunk it named is in");
    // Asked again, the same ranking, shared; ranked anew (a query new to the index, as the
    // benchmark's warm queries are), an equal one.
    prop_assert!(Arc::ptr_eq(&ranking, &sharded.rank(catalog, query).expect("still answered")));
    prop_assert_eq!(&sharded.rank_anew(catalog, query).expect("every chunk it named is in"), &*ranking);
    let whole = index.rank(c, query);
    let (got, expected) = (ranking.first(usize::MAX), whole.first(usize::MAX));
    prop_assert_eq!(&got, &expected, "{:?}", query);
    for hit in got.iter().take(100) {
        let text = &c.quotes[hit.quote].text;
        prop_assert_eq!(sharded.explain(&ranking, text, hit), whole.explain(index, c, hit), "{:?}", query);
    }
    // The speaker counts only once the speakers are in (a query that does not read them
    // is answered first): empty until then, never wrong.
    let expected = quote_facets(index, c, query, &whole);
    if !sharded.has_speakers() {
        let before = sharded.facets(catalog, query, &ranking);
        prop_assert!(before.speakers.is_empty());
        prop_assert_eq!((&before.kinds, &before.documents), (&expected.kinds, &expected.documents));
        let k = sharded.speakers();
        prop_assert_eq!(sharded.add_chunk(&shards.chunks[k]).expect("the speakers read"), k);
        prop_assert_eq!(sharded.rank(catalog, query).expect("still answered").first(usize::MAX), whole.first(usize::MAX));
    }
    prop_assert_eq!(sharded.facets(catalog, query, &ranking), expected);
    // A suggestion may name words of other chunks: read them as it asks.
    let suggested = loop {
        match sharded.suggest(catalog, query) {
            Ok(s) => break s,
            Err(needed) => {
                prop_assert!(!needed.is_empty());
                for k in needed {
                    sharded.add_chunk(&shards.chunks[k]).expect("its own chunk reads");
                }
            }
        }
    };
    prop_assert_eq!(suggested, index.suggest(c, query));
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn a_sharded_index_answers_as_the_whole_one_on_typed_queries(query in typed_search(corpus()), early in proptest::collection::vec(any::<Index>(), 0..4)) {
        let (c, index) = shared();
        sharded_same_as_whole(c, index, sharded_bundled(), &query, &early)?;
    }

    #[test]
    fn a_sharded_index_answers_as_the_whole_one_on_any_query(query in quote_query(), early in proptest::collection::vec(any::<Index>(), 0..4)) {
        let (c, index) = shared();
        sharded_same_as_whole(c, index, sharded_bundled(), &query, &early)?;
    }

    #[test]
    fn a_sharded_index_answers_as_the_whole_one_on_a_synthetic_corpus(query in typed_search(&synthetic().0), early in proptest::collection::vec(any::<Index>(), 0..8)) {
        let (c, index) = synthetic();
        sharded_same_as_whole(c, index, sharded_synthetic(), &query, &early)?;
    }
}
