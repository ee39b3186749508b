//! Quote search on the bundled corpus, case by case.

use dossier::core::model::{ActorId, Corpus, QuoteKind};
use dossier::core::route::{QuoteQuery, QuoteSort};
use dossier::core::search::{highlight_pieces, QuoteIndex};

use super::corpus;

fn ids(c: &Corpus, query: QuoteQuery) -> Vec<String> {
    QuoteIndex::new(c).search(c, &query).iter().map(|h| c.quotes[h.quote].id.to_string()).collect()
}

fn q(text: &str) -> QuoteQuery {
    QuoteQuery { q: text.into(), ..QuoteQuery::default() }
}

/// Every hit's quote text, folded, contains each expected word.
fn check_all_contain(text: &str, needle: &str) {
    let c = corpus();
    let hits = ids(&c, q(text));
    assert!(!hits.is_empty(), "{text:?} found nothing");
    for id in hits {
        let quote = c.quote(&dossier::core::model::QuoteId::new(&id)).unwrap();
        assert!(dossier::core::fold::fold(&quote.text).contains(needle), "{text:?} found {id}");
    }
}

#[test]
fn empty_query_lists_every_quote_in_document_order() {
    let c = corpus();
    let all = ids(&c, q(""));
    let expected: Vec<String> = c.quotes.iter().map(|q| q.id.to_string()).collect();
    assert_eq!(all, expected);
}

#[test]
fn folds_diacritics_and_case() {
    check_all_contain("TURKIYE", "turkiye");
    check_all_contain("naivete", "naivete");
}

#[test]
fn last_word_matches_as_a_prefix_while_typing() {
    check_all_contain("hmei", "hmeimim");
    // A finished word (followed by a space) must match whole.
    let c = corpus();
    assert!(ids(&c, q("hmei ")).is_empty());
}

#[test]
fn every_word_must_match() {
    let c = corpus();
    let both = ids(&c, q("Aleppo 2016"));
    assert!(both.contains(&"shaibani-how-many-times-aleppo".to_owned()), "{both:?}");
    for id in &both {
        let text = &c.quote(&dossier::core::model::QuoteId::new(id)).unwrap().text;
        assert!(text.contains("Aleppo") && text.contains("2016"), "{id}");
    }
}

#[test]
fn a_speaker_name_finds_their_quotes() {
    let c = corpus();
    let anadolu = ids(&c, q("anadolu"));
    assert_eq!(anadolu, ["anadolu-russia-peaceful-means", "anadolu-putin-syria-unity"]);
}

#[test]
fn filters_narrow_results() {
    let c = corpus();
    let query = QuoteQuery { speakers: vec![ActorId::new("afp")], ..QuoteQuery::default() };
    assert_eq!(ids(&c, query), ["afp-baku-continuation-of-talks"]);
    let pulls = ids(&c, QuoteQuery { kind: Some(QuoteKind::PullQuote), ..QuoteQuery::default() });
    assert_eq!(pulls.len(), 3);
}

#[test]
fn sort_by_date_puts_unknown_dates_last() {
    let c = corpus();
    let sorted = ids(&c, QuoteQuery { sort: QuoteSort::Date, ..QuoteQuery::default() });
    let last = c.quote(&dossier::core::model::QuoteId::new(sorted.last().unwrap())).unwrap();
    assert!(last.said_on.is_none());
    let first = c.quote(&dossier::core::model::QuoteId::new(&sorted[0])).unwrap();
    assert_eq!(first.said_on.as_ref().unwrap().start.year_value(), 2024);
}

#[test]
fn hostile_queries_are_just_text() {
    let c = corpus();
    let long = "x".repeat(10_000);
    for text in ["<script>alert(1)</script>", ".*", "(((", "\\", "٤٨ ساعة", "🙂", "\u{0}", "\u{202e}", long.as_str()] {
        let hits = ids(&c, q(text));
        assert!(hits.len() <= c.quotes.len());
    }
    assert!(ids(&c, q("<script>")).is_empty());
}

#[test]
fn highlights_mark_the_matched_words_as_written() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    let hits = index.search(&c, &q("turkiye"));
    let quote = &c.quotes[hits[0].quote];
    let marked: Vec<&str> =
        highlight_pieces(&quote.text, &hits[0].highlights).into_iter().filter(|(_, m)| *m).map(|(s, _)| s).collect();
    assert!(marked.iter().all(|m| *m == "Türkiye" || *m == "Türkiye,"), "{marked:?}");
    assert!(!marked.is_empty());
}

fn hits(c: &Corpus, text: &str) -> Vec<dossier::core::search::Hit> {
    QuoteIndex::new(c).search(c, &q(text))
}

#[test]
fn typos_within_one_edit_are_tolerated_and_a_swap_is_one_edit() {
    let c = corpus();
    check_all_contain("Hmeimin", "hmeimim");
    let swapped = hits(&c, "negotiatoins ");
    assert!(!swapped.is_empty());
    assert!(swapped.iter().all(|h| h.fuzzy_terms == 1 && h.reasons.iter().any(|r| r.contains("read as “negotiations”"))));
    // Four letters or fewer must be exact: "hams" is not "hama".
    assert!(hits(&c, "hams ").is_empty());
}

#[test]
fn typo_matches_never_outrank_exact_ones() {
    let c = corpus();
    for text in ["russian ", "regime ", "aleppo ", "syrian ", "damascus "] {
        let found = hits(&c, text);
        let fuzzy: Vec<usize> = found.iter().map(|h| h.fuzzy_terms).collect();
        let mut sorted = fuzzy.clone();
        sorted.sort();
        assert_eq!(fuzzy, sorted, "{text:?}");
    }
}

#[test]
fn an_alias_finds_quotes_naming_the_actor_and_says_why() {
    let c = corpus();
    let found = hits(&c, "Jolani");
    assert!(!found.is_empty(), "Jolani should find quotes naming al-Sharaa");
    for h in &found {
        let text = &c.quotes[h.quote].text;
        assert!(text.contains("Sharaa"), "{text}");
        assert_eq!(h.reasons, ["matched Ahmed al-Sharaa via alias Jolani"]);
    }
}

#[test]
fn a_full_name_typed_says_which_of_its_forms_the_text_has() {
    let c = corpus();
    let found = hits(&c, "vladimir putin ");
    let short: Vec<_> = found.iter().filter(|h| !c.quotes[h.quote].text.contains("Vladimir Putin")).collect();
    assert!(!short.is_empty(), "no quote names him otherwise");
    for h in short {
        let text = &c.quotes[h.quote].text;
        let form = if text.contains("Putin") { "Putin" } else { "بوتين" };
        assert_eq!(h.reasons, [format!("matched Vladimir Putin as “{form}”")], "{text}");
    }
}

#[test]
fn another_transliteration_finds_the_speaker() {
    let c = corpus();
    let found = hits(&c, "al-Shaybani ");
    let by_him = c.quotes.iter().filter(|q| q.speaker.as_str() == "asaad-al-shaibani").count();
    assert!(found.len() >= by_him);
    assert!(found.iter().any(|h| h.reasons.iter().any(|r| r == "said by Asaad al-Shaibani (alias al-Shaybani)")));
}

#[test]
fn place_aliases_in_latin_and_arabic_script() {
    let c = corpus();
    for alias in ["Khmeimim", "حميميم"] {
        let found = hits(&c, alias);
        assert!(!found.is_empty(), "{alias}");
        for h in &found {
            assert!(c.quotes[h.quote].text.contains("Hmeimim"), "{alias}");
        }
    }
}

#[test]
fn a_phrase_matches_only_that_sequence() {
    let c = corpus();
    let phrase = ids(&c, q("\"48 hours\""));
    assert!(phrase.contains(&"shaibani-48-hours".to_owned()), "{phrase:?}");
    assert!(ids(&c, q("\"hours 48\"")).is_empty());
    assert!(!ids(&c, q("hours 48")).is_empty());
    let h = &hits(&c, "“48 hours”")[0];
    let marked: Vec<&str> = highlight_pieces(&c.quotes[h.quote].text, &h.highlights).into_iter().filter(|p| p.1).map(|p| p.0).collect();
    assert_eq!(marked, ["48 hours"]);
}

#[test]
fn suggestions_offer_the_closest_corpus_words() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    let suggest = |text: &str| index.suggest(&c, &q(text));
    assert_eq!(suggest("hmiemin agremnt"), Some("hmeimim agreement".to_owned()));
    // Both words exist, but no quote has both: no point suggesting it.
    assert_eq!(suggest("hmiemin damscs"), None);
    assert_eq!(suggest("russia"), None);
}

// The fast path (postings) must agree with a plain scan of every quote.
#[test]
fn exact_word_search_agrees_with_a_plain_scan() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    for word in ["russia", "regime", "idlib", "2016", "we", "bases", "step"] {
        let fast: Vec<usize> = {
            let mut v: Vec<usize> = index.search(&c, &q(&format!("\"{word}\""))).into_iter().map(|h| h.quote).collect();
            v.sort();
            v
        };
        let slow: Vec<usize> = c
            .quotes
            .iter()
            .enumerate()
            .filter(|(_, quote)| dossier::core::fold::tokens(&quote.text).iter().any(|t| t == word))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(fast, slow, "{word}");
    }
}


#[test]
fn a_misspelt_speaker_name_finds_what_they_said_and_says_how_it_was_read() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    let shaibani = ActorId::new("asaad-al-shaibani");
    let by_him = c.quotes.iter().filter(|q| q.speaker == shaibani).count();
    // "shaibanu" is one edit from "shaibani" (a word of eight letters may be one edit off).
    let hits = index.search(&c, &q("shaibanu"));
    let his: Vec<_> = hits.iter().filter(|h| c.quotes[h.quote].speaker == shaibani).collect();
    assert_eq!(his.len(), by_him, "every quote he said is found");
    let silent = his.iter().find(|h| !dossier::core::fold::fold(&c.quotes[h.quote].text).contains("shaibani")).unwrap();
    assert!(silent.reasons.iter().any(|r| r.contains("“shaibani” read from “shaibanu”")), "{:?}", silent.reasons);
    // Exact matches still rank first: the correctly spelt name finds the same quotes
    // with no typo to explain.
    let exact = index.search(&c, &q("shaibani"));
    assert_eq!(exact.len(), hits.len());
    assert!(exact.iter().all(|h| h.reasons.iter().all(|r| !r.contains("read from"))));
}

#[test]
fn an_actor_is_found_by_any_of_their_names_folded() {
    let c = corpus();
    let id = |typed: &str| c.actor_named(typed).map(|a| a.id.to_string());
    assert_eq!(id("JOLANI").as_deref(), Some("ahmed-al-sharaa"));
    assert_eq!(id("  al-Shaybani ").as_deref(), Some("asaad-al-shaibani"));
    assert_eq!(id("Sergey Lavrov").as_deref(), Some("sergei-lavrov"));
    assert_eq!(id(""), None);
    assert_eq!(id("nobody at all"), None);
}

#[test]
fn facet_counts_are_the_results_of_the_query_with_that_facet_lifted() {
    use dossier::core::facets::quote_facets;
    use dossier::core::model::DocumentId;
    use std::collections::BTreeMap;
    let c = corpus();
    let index = QuoteIndex::new(&c);
    let sharaa = ActorId::new("ahmed-al-sharaa");
    let doc = DocumentId::new("majalla-shaibani-interview-part-1");
    let queries = [
        q(""),
        q("russia"),
        q("moscow"),
        QuoteQuery { speakers: vec![sharaa.clone()], ..q("") },
        QuoteQuery { kind: Some(QuoteKind::InterviewAnswer), doc: Some(doc.clone()), ..q("syria") },
        QuoteQuery { speakers: vec![sharaa], kind: Some(QuoteKind::Statement), ..q("") },
        q("no such words at all"),
    ];
    for query in queries {
        let found = index.rank(&c, &query);
        let facets = quote_facets(&index, &c, &query, &found);
        // Counted the slow way: search the widened query and count every hit.
        let count = |wider: QuoteQuery, key: &dyn Fn(usize) -> String| {
            let mut counts: BTreeMap<String, usize> = BTreeMap::new();
            for hit in index.search(&c, &wider) {
                *counts.entry(key(hit.quote)).or_default() += 1;
            }
            counts
        };
        let speakers = count(QuoteQuery { speakers: vec![], ..query.clone() }, &|i| c.quotes[i].speaker.to_string());
        let kinds = count(QuoteQuery { kind: None, ..query.clone() }, &|i| c.quotes[i].kind.as_str().to_owned());
        let docs = count(QuoteQuery { doc: None, ..query.clone() }, &|i| c.quotes[i].document.to_string());
        let got = |v: &[(String, usize)]| v.iter().cloned().collect::<BTreeMap<_, _>>();
        assert_eq!(got(&facets.speakers.iter().map(|(a, n)| (a.to_string(), *n)).collect::<Vec<_>>()), speakers, "{query:?}");
        assert_eq!(got(&facets.kinds.iter().map(|(k, n)| (k.as_str().to_owned(), *n)).collect::<Vec<_>>()), kinds, "{query:?}");
        assert_eq!(got(&facets.documents.iter().map(|(d, n)| (d.to_string(), *n)).collect::<Vec<_>>()), docs, "{query:?}");
        assert!(facets.speakers.windows(2).all(|w| w[0].1 >= w[1].1), "most quoted first");
        assert_eq!(facets.is_empty(), speakers.is_empty() && kinds.is_empty() && docs.is_empty());
    }
}

#[test]
fn companions_are_counted_once_per_shared_event() {
    use dossier::core::facets::companions;
    let c = corpus();
    for actor in &c.actors {
        let got = companions(&c, &actor.id, usize::MAX);
        for (other, n) in &got {
            let shared = c.events.iter().filter(|e| e.involves(&actor.id) && e.involves(other)).count();
            assert_eq!(*n, shared, "{} with {other}", actor.id);
            assert_ne!(other, &actor.id);
        }
        assert!(got.windows(2).all(|w| w[0].1 >= w[1].1));
        assert_eq!(companions(&c, &actor.id, 8), got.iter().take(8).cloned().collect::<Vec<_>>());
    }
}

#[test]
fn an_actors_family_name_in_arabic_script_finds_what_it_finds_in_latin_script() {
    let c = corpus();
    let quotes = |text: &str| {
        let mut found: Vec<usize> = hits(&c, text).iter().map(|h| h.quote).collect();
        found.sort_unstable();
        found
    };
    for (arabic, latin) in [("الشرع", "Sharaa"), ("الجولاني", "Jolani"), ("بوتين", "Putin"), ("الشيباني", "Shaibani"), ("الأسد", "Assad")] {
        let found = quotes(arabic);
        assert!(!found.is_empty(), "{arabic}");
        assert_eq!(found, quotes(latin), "{arabic} / {latin}");
    }
}

/// The quotes of a search, as numbers, ascending.
fn quote_set(c: &Corpus, index: &QuoteIndex, text: &str) -> Vec<usize> {
    let mut set: Vec<usize> = index.search(c, &q(text)).iter().map(|h| h.quote).collect();
    set.sort_unstable();
    set
}

#[test]
fn a_word_left_out_drops_exactly_the_quotes_with_that_word() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    for (kept, left) in [("syria ", "agreement"), ("russia ", "interests"), ("", "sanctions"), ("", "will"), ("syria ", "qwertyuiop")] {
        // Whole, never as a prefix or a typo: "agreements" or "agrement" would stay.
        let has = |i: usize| dossier::core::fold::tokens(&c.quotes[i].text).iter().any(|t| t == left);
        let expected: Vec<usize> = quote_set(&c, &index, kept).into_iter().filter(|&i| !has(i)).collect();
        let query = format!("{kept}-{left}");
        assert_eq!(quote_set(&c, &index, &query), expected, "{query:?}");
        assert!(expected.len() < quote_set(&c, &index, kept).len() || left == "qwertyuiop", "{query:?} left nothing out");
    }
}

#[test]
fn a_name_left_out_drops_every_quote_naming_the_actor_in_any_form_and_all_they_said() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    let putin = ActorId::new("vladimir-putin");
    let hits = quote_set(&c, &index, "-Putin");
    let names = |i: usize| {
        let text = dossier::core::fold::fold(&c.quotes[i].text);
        text.contains("putin") || c.quotes[i].text.contains("بوتين")
    };
    let expected: Vec<usize> = (0..c.quotes.len()).filter(|&i| c.quotes[i].speaker != putin && !names(i)).collect();
    assert_eq!(hits, expected);
    assert!(expected.len() < c.quotes.len());
    // In Arabic script, or spelt with his whole name: the same quotes.
    assert_eq!(quote_set(&c, &index, "-بوتين"), expected);
    assert_eq!(quote_set(&c, &index, "-Vladimir-Putin"), expected);
    // A name's words quoted are only that sequence of words: what he said stays.
    let quoted = quote_set(&c, &index, "-\"Putin\"");
    assert!(c.quotes.iter().enumerate().filter(|(_, q)| q.speaker == putin).all(|(i, _)| quoted.contains(&i) || names(i)));
}

#[test]
fn a_query_that_only_leaves_out_lists_the_rest_in_document_order() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    // "aleppo " is the place, in any of its forms: what "-aleppo" leaves out.
    let aleppo = quote_set(&c, &index, "aleppo ");
    assert!(!aleppo.is_empty());
    let rest: Vec<String> =
        c.quotes.iter().enumerate().filter(|(i, _)| !aleppo.contains(i)).map(|(_, q)| q.id.to_string()).collect();
    assert_eq!(ids(&c, q("-aleppo")), rest);
    // Nothing to rank: no highlight, no reason.
    let hits = index.search(&c, &q("-aleppo"));
    assert!(hits.iter().all(|h| h.highlights.is_empty() && h.reasons.is_empty() && h.score == 0));
    // Under a filter, only what the filter keeps.
    let by = QuoteQuery { q: "-aleppo".into(), kind: Some(QuoteKind::Statement), ..QuoteQuery::default() };
    assert!(index.search(&c, &by).iter().all(|h| c.quotes[h.quote].kind == QuoteKind::Statement && !aleppo.contains(&h.quote)));
}

#[test]
fn a_suggestion_keeps_what_the_query_leaves_out() {
    let c = corpus();
    let index = QuoteIndex::new(&c);
    assert_eq!(index.suggest(&c, &q("hmiemin -qwertyuiop")), Some("hmeimim -qwertyuiop".to_owned()));
    // Leaving out every quote that names Hmeimim leaves none to find.
    assert_eq!(index.suggest(&c, &q("hmiemin -hmeimim")), None);
}
