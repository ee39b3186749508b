//! The search index as bytes (`QuoteIndex::to_bytes` / `from_bytes`): it reads back as
//! the same index, and any other bytes are refused with a reason, never a panic.

use dossier::core::facets::quote_facets;
use dossier::core::load::load;
use dossier::core::model::Corpus;
use dossier::core::route::QuoteQuery;
use dossier::core::search::{IndexError, QuoteIndex, ShardedIndex, Shards};
use proptest::prelude::*;
use proptest::test_runner::Config;

use super::corpus;

fn synthetic(quotes: usize) -> Corpus {
    let (files, _) = dossier::synth::corpus(quotes, 3);
    load(&files).expect("the synthetic corpus is valid")
}

#[test]
fn bytes_read_back_as_the_same_index() {
    for c in [corpus(), synthetic(2_000)] {
        let built = QuoteIndex::new(&c);
        let bytes = built.to_bytes(&c);
        let loaded = QuoteIndex::from_bytes(&c, &bytes).expect("its own bytes load");
        assert_eq!(loaded, built);
        // And answers alike, highlights included (they are worked out from the text).
        for text in ["Hmeimim", "\"48 hours\"", "lavorv", "al-Shaybani", "turkiye negot", ""] {
            let query = QuoteQuery { q: text.into(), ..QuoteQuery::default() };
            assert_eq!(loaded.search(&c, &query), built.search(&c, &query), "{text:?}");
        }
    }
}

#[test]
fn the_index_is_smaller_than_the_text_it_indexes() {
    let c = synthetic(2_000);
    let bytes = QuoteIndex::new(&c).to_bytes(&c);
    let text: usize = c.quotes.iter().map(|q| q.text.len()).sum();
    assert!(bytes.len() < text / 2, "{} bytes of index for {text} bytes of quotes", bytes.len());
}

#[test]
fn bytes_for_other_data_are_refused_with_a_reason() {
    let c = corpus();
    let bytes = QuoteIndex::new(&c).to_bytes(&c);
    let mut edited = c.clone();
    edited.quotes[0].text.push_str(" more");
    let err = QuoteIndex::from_bytes(&edited, &bytes).unwrap_err();
    assert!(err.to_string().contains("built from other quotes"), "{err}");
    let mut renamed = c.clone();
    renamed.actors[0].aliases.push("Someone Else".into());
    assert!(QuoteIndex::from_bytes(&renamed, &bytes).is_err());
    let other = synthetic(10);
    assert!(QuoteIndex::from_bytes(&other, &bytes).is_err());
    let mut version = bytes.clone();
    version[4] = 99;
    assert!(QuoteIndex::from_bytes(&c, &version).unwrap_err().to_string().contains("format version 99"));
    assert!(QuoteIndex::from_bytes(&c, b"").unwrap_err().to_string().contains("truncated"));
    assert!(QuoteIndex::from_bytes(&c, b"<html>").unwrap_err().to_string().contains("magic"));
}

#[test]
fn every_truncation_and_trailing_garbage_is_refused() {
    let c = corpus();
    let bytes = QuoteIndex::new(&c).to_bytes(&c);
    // Every cut of the header and the vocabulary's start, then every 97th byte.
    for cut in (0..bytes.len()).filter(|&n| n < 400 || n % 97 == 0) {
        assert!(QuoteIndex::from_bytes(&c, &bytes[..cut]).is_err(), "cut at {cut} of {}", bytes.len());
    }
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(QuoteIndex::from_bytes(&c, &longer).unwrap_err().to_string().contains("after the end"));
}

/// The bundled corpus and its index's bytes, made once for every case.
fn shared() -> &'static (Corpus, Vec<u8>) {
    static SHARED: std::sync::OnceLock<(Corpus, Vec<u8>)> = std::sync::OnceLock::new();
    SHARED.get_or_init(|| {
        let c = corpus();
        let bytes = QuoteIndex::new(&c).to_bytes(&c);
        (c, bytes)
    })
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Corrupting bytes of a real index (or any bytes at all) gives an error or an index,
    /// never a panic; an index that loads answers a search without panicking.
    #[test]
    fn corrupt_bytes_never_panic(flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8), junk in proptest::collection::vec(any::<u8>(), 0..64)) {
        let (c, good) = shared();
        let mut bytes = good.clone();
        for (at, value) in flips {
            let i = at.index(bytes.len());
            bytes[i] = value;
        }
        if let Ok(index) = QuoteIndex::from_bytes(c, &bytes) {
            let _ = index.search(c, &QuoteQuery { q: "Moscow bases".into(), ..QuoteQuery::default() });
        }
        let _ = QuoteIndex::from_bytes(c, &junk);
    }
}

// ---------------------------------------------------------------------------------------
// The index in shards (`QuoteIndex::to_shards` / `ShardedIndex`)
// ---------------------------------------------------------------------------------------

/// A corpus without its quotes and events: what a searching page holds besides the index.
fn catalog_of(c: &Corpus) -> Corpus {
    let mut catalog = c.clone();
    catalog.quotes.clear();
    catalog.events.clear();
    catalog
}

/// Opens `shards` and reads every chunk.
fn open_all(catalog: &Corpus, shards: &Shards) -> Result<ShardedIndex, IndexError> {
    let mut sharded = ShardedIndex::open(catalog, &shards.terms, &shards.columns)?;
    for chunk in &shards.chunks {
        sharded.add_chunk(chunk)?;
    }
    Ok(sharded)
}

#[test]
fn shards_cut_the_postings_by_size_and_answer_without_the_quotes() {
    let c = synthetic(2_000);
    let index = QuoteIndex::new(&c);
    let small = index.to_shards(&c, 1_024);
    let large = index.to_shards(&c, 64 * 1_024);
    assert!(small.chunks.len() > 4 * large.chunks.len(), "{} and {} chunks", small.chunks.len(), large.chunks.len());
    // No chunk is much larger than asked, unless one word alone is.
    let header = 4 + 1 + 8 + 3 * 3;
    assert!(small.chunks.iter().filter(|k| k.len() > 1_024 + header + 64).count() < small.chunks.len() / 4);
    let catalog = catalog_of(&c);
    let mut sharded = ShardedIndex::open(&catalog, &small.terms, &small.columns).expect("its own shards open");
    let query = QuoteQuery { q: "sanctions".into(), ..QuoteQuery::default() };
    let needed = sharded.missing(&query);
    assert!(!needed.is_empty() && needed.len() < small.chunks.len() / 4, "a word reads a few chunks: {needed:?}");
    assert_eq!(sharded.rank(&catalog, &query).err(), Some(needed.clone()));
    for k in needed {
        sharded.add_chunk(&small.chunks[k]).expect("its own chunk reads");
    }
    let ranking = sharded.rank(&catalog, &query).expect("answered");
    assert_eq!(ranking.first(usize::MAX), index.rank(&c, &query).first(usize::MAX));
    assert!(!ranking.is_empty());
    // The dates come after the postings, read only for a sort by date.
    let dates = sharded.dates();
    let by_date = QuoteQuery { sort: dossier::core::route::QuoteSort::Date, ..query };
    assert_eq!(sharded.missing(&by_date), [dates]);
    assert_eq!(sharded.add_chunk(&small.chunks[dates]).expect("the dates read"), dates);
    assert_eq!(sharded.rank(&catalog, &by_date).expect("answered").first(usize::MAX), index.rank(&c, &by_date).first(usize::MAX));
}

#[test]
fn the_speakers_are_read_last_and_only_by_what_needs_them() {
    let c = synthetic(2_000);
    let index = QuoteIndex::new(&c);
    // Small chunks, so a name's actors are in a few of the many said chunks.
    let shards = index.to_shards(&c, 128);
    let catalog = catalog_of(&c);
    let mut sharded = ShardedIndex::open(&catalog, &shards.terms, &shards.columns).expect("its own shards open");
    let speakers = sharded.speakers();
    let read = |sharded: &mut ShardedIndex, query: &QuoteQuery| {
        for k in sharded.missing(query) {
            sharded.add_chunk(&shards.chunks[k]).expect("its own chunk reads");
        }
    };
    // A word no actor's name holds is answered without them, whole but for the speaker
    // counts, which are empty rather than wrong.
    let words = QuoteQuery { q: "sanctions".into(), ..QuoteQuery::default() };
    assert!(!sharded.missing(&words).contains(&speakers));
    read(&mut sharded, &words);
    let ranking = sharded.rank(&catalog, &words).expect("answered without the speakers");
    let whole = index.rank(&c, &words);
    assert_eq!(ranking.first(usize::MAX), whole.first(usize::MAX));
    let (before, expected) = (sharded.facets(&catalog, &words, &ranking), quote_facets(&index, &c, &words, &whole));
    assert!(!sharded.has_speakers() && before.speakers.is_empty() && !expected.speakers.is_empty());
    assert_eq!((&before.kinds, &before.documents), (&expected.kinds, &expected.documents));
    // A word of a speaker's name (or a prefix of it) and a whole name read the quotes
    // that actor said, not every quote's speaker, and answer as the whole index does,
    // "said by" reasons included.
    let speaker = &c.quotes[0].speaker;
    let e = c.actors.iter().position(|a| &a.id == speaker).expect("an actor");
    let name = c.actor_name(speaker).to_owned();
    let family = name.split_whitespace().last().expect("a name").to_lowercase();
    for query in [
        QuoteQuery { q: family.clone(), ..QuoteQuery::default() },
        QuoteQuery { q: family[..family.len() - 1].to_owned(), ..QuoteQuery::default() },
        QuoteQuery { q: name.clone(), ..QuoteQuery::default() },
    ] {
        let mut fresh = sharded.clone();
        let missing = fresh.missing(&query);
        assert!(missing.contains(&fresh.said_chunk_of(e)) && !missing.contains(&speakers), "{query:?}: {missing:?}");
        read(&mut fresh, &query);
        let (got, whole) = (fresh.rank(&catalog, &query).expect("answered"), index.rank(&c, &query));
        assert!(!got.is_empty() && !fresh.has_speakers());
        assert_eq!(got.first(usize::MAX), whole.first(usize::MAX), "{query:?}");
        for hit in got.first(50) {
            assert_eq!(fresh.explain(&got, &c.quotes[hit.quote].text, &hit), whole.explain(&index, &c, &hit), "{query:?}");
        }
        // Every quote the actor said is found, their name in its text or not.
        let found: Vec<usize> = got.first(usize::MAX).iter().map(|h| h.quote).collect();
        assert!(c.quotes.iter().enumerate().filter(|(_, q)| &q.speaker == speaker).all(|(i, _)| found.contains(&i)), "{query:?}");
    }
    // A speaker filter reads every quote's speaker.
    let filtered = QuoteQuery { speakers: vec![speaker.clone()], ..words.clone() };
    assert!(sharded.missing(&filtered).contains(&speakers));
    assert_eq!(sharded.rank(&catalog, &filtered).err().map(|m| m.contains(&speakers)), Some(true));
    assert_eq!(sharded.add_chunk(&shards.chunks[speakers]).expect("the speakers read"), speakers);
    assert!(sharded.has_speakers());
    assert_eq!(sharded.facets(&catalog, &words, &ranking), expected);
    for query in [QuoteQuery { speakers: vec![speaker.clone()], ..words.clone() }, QuoteQuery { q: name, ..QuoteQuery::default() }] {
        read(&mut sharded, &query);
        let (got, whole) = (sharded.rank(&catalog, &query).expect("answered"), index.rank(&c, &query));
        assert!(!got.is_empty());
        assert_eq!(got.first(usize::MAX), whole.first(usize::MAX), "{query:?}");
    }
    // A speaker past the catalog's actors is refused.
    let mut past = shards.chunks[speakers].clone();
    past.pop();
    past.extend([0xff, 0x7f]);
    assert!(ShardedIndex::open(&catalog, &shards.terms, &shards.columns).expect("opens").add_chunk(&past).unwrap_err().to_string().contains("past the"));
}

#[test]
fn shards_of_another_build_or_catalog_are_refused_with_a_reason() {
    let c = corpus();
    let other = synthetic(300);
    let shards = QuoteIndex::new(&c).to_shards(&c, 512);
    let foreign = QuoteIndex::new(&other).to_shards(&other, 512);
    let catalog = catalog_of(&c);
    let err = |r: Result<ShardedIndex, IndexError>| r.err().map(|e| e.to_string()).unwrap_or_default();
    assert!(err(ShardedIndex::open(&catalog, &shards.terms, &foreign.columns)).contains("another build"));
    assert!(err(ShardedIndex::open(&catalog, &shards.columns, &shards.terms)).contains("magic"));
    assert!(err(ShardedIndex::open(&catalog_of(&other), &shards.terms, &shards.columns)).contains("catalog"));
    let mut sharded = ShardedIndex::open(&catalog, &shards.terms, &shards.columns).expect("opens");
    assert!(sharded.add_chunk(&foreign.chunks[0]).unwrap_err().to_string().contains("another build"));
    assert!(sharded.add_chunk(&shards.terms).unwrap_err().to_string().contains("magic"));
    let mut version = shards.chunks[0].clone();
    version[4] = 9;
    assert!(sharded.add_chunk(&version).unwrap_err().to_string().contains("format version 9"));
    // A chunk read twice changes nothing.
    sharded.add_chunk(&shards.chunks[1]).expect("reads");
    let once = sharded.clone();
    sharded.add_chunk(&shards.chunks[1]).expect("reads again");
    assert_eq!(sharded, once);
}

#[test]
fn a_columns_shard_whose_runs_of_documents_do_not_cover_its_quotes_is_refused() {
    // 300 quotes of one document: after the header (13 bytes), the quotes (300: 2
    // bytes), the documents (1), one run of document 0 for 300 quotes.
    let c = synthetic(300);
    let shards = QuoteIndex::new(&c).to_shards(&c, 512);
    let catalog = catalog_of(&c);
    assert_eq!(shards.columns[16..20], [1, 0, 0xac, 0x02], "the layout this test edits");
    let with = |run: &[u8]| [&shards.columns[..17], run, &shards.columns[20..]].concat();
    let err = |columns: Vec<u8>| ShardedIndex::open(&catalog, &shards.terms, &columns).map(|_| ()).unwrap_err().to_string();
    assert!(ShardedIndex::open(&catalog, &shards.terms, &with(&[0, 0xac, 0x02])).is_ok());
    assert!(err(with(&[1, 0xac, 0x02])).contains("run 0's document 1 is past the 1 documents"));
    assert!(err(with(&[0, 0xad, 0x02])).contains("run 0 of 301 quotes runs past the 300 quotes"));
    assert!(err(with(&[0, 0])).contains("run 0 is empty"));
    // Runs that cover the quotes in a shard too short to hold their kinds and lengths.
    assert!(err(shards.columns[..24].to_vec()).contains("truncated"));
    assert!(err(with(&[0, 0xab, 0x02])).contains("cover 299 of the 300 quotes"));
}

#[test]
fn every_truncation_of_a_shard_is_refused() {
    let c = corpus();
    let shards = QuoteIndex::new(&c).to_shards(&c, 512);
    let catalog = catalog_of(&c);
    let mut longer = shards.columns.clone();
    longer.push(0);
    assert!(ShardedIndex::open(&catalog, &shards.terms, &longer).unwrap_err().to_string().contains("after the end"));
    for cut in (0..shards.terms.len()).filter(|&n| n < 300 || n % 31 == 0) {
        assert!(ShardedIndex::open(&catalog, &shards.terms[..cut], &shards.columns).is_err(), "terms cut at {cut}");
    }
    for cut in 0..shards.columns.len() {
        assert!(ShardedIndex::open(&catalog, &shards.terms, &shards.columns[..cut]).is_err(), "columns cut at {cut}");
    }
    let sharded = ShardedIndex::open(&catalog, &shards.terms, &shards.columns).expect("opens");
    for chunk in shards.chunks.iter().take(5).chain(shards.chunks.iter().rev().take(3)) {
        for cut in 0..chunk.len() {
            assert!(sharded.clone().add_chunk(&chunk[..cut]).is_err(), "chunk cut at {cut}");
        }
    }
}

proptest! {
    #![proptest_config(Config { cases: 256, failure_persistence: None, ..Config::default() })]

    /// Corrupt shards give an error or an index, never a panic, and an index that opens
    /// answers a search, or names what it needs, without panicking.
    #[test]
    fn corrupt_shards_never_panic(which in 0..5usize, flips in proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>()), 1..8)) {
        let (c, _) = shared();
        let shards = QuoteIndex::new(c).to_shards(c, 512);
        let mut bad = shards.clone();
        let target = match which {
            0 => &mut bad.terms,
            1 => &mut bad.columns,
            2 => &mut bad.chunks[0],
            // The speakers, then a said chunk.
            3 => bad.chunks.iter_mut().find(|k| k.starts_with(b"DSXS")).expect("the speakers"),
            _ => bad.chunks.last_mut().expect("a said chunk"),
        };
        for (at, value) in flips {
            let i = at.index(target.len());
            target[i] = value;
        }
        let catalog = catalog_of(c);
        if let Ok(sharded) = open_all(&catalog, &bad) {
            for q in ["Moscow bases", "\"48 hours\"", "al-Sharaa", "a"] {
                let query = QuoteQuery { q: q.into(), ..QuoteQuery::default() };
                if let Ok(ranking) = sharded.rank(&catalog, &query) {
                    let _ = sharded.facets(&catalog, &query, &ranking);
                    for hit in ranking.first(20) {
                        let _ = sharded.explain(&ranking, c.quotes.get(hit.quote).map_or("", |q| q.text.as_str()), &hit);
                    }
                }
            }
        }
    }
}

#[test]
fn a_cold_guess_of_what_a_query_reads_is_only_ever_what_it_reads() {
    use dossier::core::fold::tokens;
    use dossier::core::model::ActorId;
    use dossier::core::route::QuoteSort;
    use dossier::core::search::{likely_chunks, Names};
    use std::collections::BTreeSet;
    // The bundled corpus has what a synthetic one lacks: actors who never speak (some of
    // whose names its quotes say), places, aliases in other scripts. Small chunks, so
    // that the words and the speakers' lists of quotes fall in many.
    let c = corpus();
    let shards = QuoteIndex::new(&c).to_shards(&c, 4);
    let catalog = catalog_of(&c);
    let opened = ShardedIndex::open(&catalog, &shards.terms, &shards.columns).expect("its own shards open");
    let mut speaking: Vec<ActorId> = c.quotes.iter().map(|q| q.speaker.clone()).collect();
    speaking.sort_unstable();
    speaking.dedup();
    assert!(speaking.len() < c.actors.len(), "some actors never speak");
    assert!(shards.guide.said.len() > 4, "{} said chunks", shards.guide.said.len());
    let names = Names::of((&catalog).into(), &speaking);
    // The words of the vocabulary: of the quotes, and of the names of those who speak.
    let forms = |name: &str, aliases: &[String]| std::iter::once(name.to_owned()).chain(aliases.iter().cloned()).collect::<Vec<String>>();
    let spoken: Vec<String> = c.actors.iter().filter(|a| speaking.contains(&a.id)).flat_map(|a| forms(&a.name, &a.aliases)).collect();
    let vocabulary: BTreeSet<String> = c.quotes.iter().map(|q| q.text.clone()).chain(spoken).flat_map(|t| tokens(&t)).collect();
    // Every name and alias of every actor and place, whole, being typed, its first
    // letters, and with its last letter dropped (a typo); and words of the quotes.
    let mut queries: Vec<String> = Vec::new();
    let all_forms: Vec<String> = c.actors.iter().flat_map(|a| forms(&a.name, &a.aliases)).chain(c.places.iter().flat_map(|p| forms(&p.name, &p.aliases))).collect();
    for form in &all_forms {
        let cut: String = form.chars().take(form.chars().count().saturating_sub(1)).collect();
        let start: String = form.chars().take(3).collect();
        queries.extend([format!("{form} "), form.clone(), format!("{cut} "), start]);
    }
    queries.extend(vocabulary.iter().step_by(7).flat_map(|w| [format!("{w} "), w.chars().take(4).collect()]));
    // The same left out (`-word`): read whole, like a finished word.
    queries.extend(all_forms.iter().map(|f| format!("-{f} ")));
    queries.extend(vocabulary.iter().step_by(11).map(|w| format!("syria -{w} ")));
    let one_word_names: BTreeSet<String> = all_forms.iter().map(|f| tokens(f)).filter(|t| t.len() == 1).flatten().collect();
    // The postings chunk a word of the vocabulary is in, from the chunks' first words.
    let firsts = &shards.guide.firsts;
    let chunk_of = |w: &String| firsts.partition_point(|f| f <= w) - 1;
    let (mut checked, mut said, mut excepted, mut spanning) = (0, 0, 0, 0);
    for q in queries {
        if !tokens(&q).iter().all(|t| vocabulary.contains(t)) {
            continue;
        }
        // A word being typed: the chunks of every word it begins (unless it spells a
        // name whole, which reads the name's words instead).
        let begun: BTreeSet<usize> = match tokens(&q).as_slice() {
            [word] if !q.ends_with(' ') && !one_word_names.contains(word) => vocabulary.range(word.clone()..).take_while(|w| w.starts_with(word.as_str())).map(chunk_of).collect(),
            _ => BTreeSet::new(),
        };
        for sort in [QuoteSort::Auto, QuoteSort::Date] {
            let query = QuoteQuery { q: q.clone(), sort, ..QuoteQuery::default() };
            let guess = likely_chunks(&shards.guide, Some(&names), &query);
            let read = opened.missing(&query);
            // All guessed, however many chunks they run over: one round trip.
            assert!(begun.iter().all(|k| guess.contains(k)), "{q:?}: the words it begins are in {begun:?}, guessed {guess:?}");
            spanning += usize::from(begun.len() > 1);
            let unread: Vec<usize> = guess.iter().copied().filter(|k| !read.contains(k)).collect();
            // The one exception: said chunks guessed where the vocabulary showed the
            // words to name most actors, so the index reads the speakers instead.
            if !unread.is_empty() {
                assert!(read.contains(&opened.speakers()) && unread.iter().all(|&k| k > opened.speakers()), "{q:?}: guessed {guess:?}, reads {read:?}");
                excepted += 1;
            }
            checked += 1;
            said += usize::from(guess.iter().any(|&k| k > opened.speakers()));
        }
    }
    assert!(checked > 200 && said > 20 && spanning > 20, "{checked} queries checked, {said} guessed a said chunk, {spanning} typed words begin words of several chunks");
    assert!(excepted * 20 < checked, "{excepted} of {checked} guessed said chunks the index does not read");
}
