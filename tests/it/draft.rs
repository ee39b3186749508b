//! `dossier draft`: each rule on small articles of its own (not the bundled two), and the
//! command a curator runs, end to end: drafts validate, are listed apart from errors,
//! are refused by a release, never overwrite, and a second run changes nothing.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

use dossier::core::draft::{draft, Drafted, Existing, Options, Refusal};
use dossier::core::raw::RawQuote;

use super::root;

/// A wire story, unlike the bundled texts: a dateline, "said X", "X told Y", a spokesman
/// named once and then by his title, "according to", a scare quote, a quotation left
/// open at a paragraph's end, weekday and month-day dates, and page debris.
const WIRE: &str = "Kremlin says talks with Damascus will continue

MOSCOW (Reuters) - Kremlin spokesman Dmitry Peskov said on Tuesday that talks with Syria would go on. \"We are ready to keep talking,\" the spokesman told reporters.

“Nothing has been decided,” said Foreign Minister Sergei Lavrov, who met his Syrian counterpart on Oct. 15.

According to state media, the minister called the meeting “constructive and frank.”

The so-called “new page” in relations began in 2019-20, Lavrov said.

“We will return,” Lavrov said. “And we will rebuild.

“It takes time,” he added.

Advertisement
";

fn wire() -> Drafted {
    let options = Options { published: Some("2025-10-21".into()), publisher: Some("Reuters".into()), ..Options::default() };
    draft(WIRE.as_bytes(), &Existing::default(), &options).expect("drafts")
}

fn speaker_name(d: &Drafted, q: &RawQuote) -> Option<String> {
    let id = q.speaker.as_ref()?;
    d.actors.iter().find(|a| &a.id == id).map(|a| a.name.clone())
}

fn quote<'a>(d: &'a Drafted, text: &str) -> &'a RawQuote {
    d.quotes.iter().find(|q| q.text == text).unwrap_or_else(|| panic!("no quote {text:?} in {:#?}", d.quotes.iter().map(|q| &q.text).collect::<Vec<_>>()))
}

#[test]
fn attribution_patterns_on_a_wire_story() {
    let d = wire();
    // "the spokesman" is the spokesman named before; "said X" names X.
    assert_eq!(speaker_name(&d, quote(&d, "We are ready to keep talking")).as_deref(), Some("Dmitry Peskov"));
    assert!(quote(&d, "We are ready to keep talking").draft.as_deref().unwrap().contains("'the spokesman' read as Dmitry Peskov"));
    assert_eq!(speaker_name(&d, quote(&d, "Nothing has been decided")).as_deref(), Some("Sergei Lavrov"));
    // The verb nearest the mark wins over "according to" earlier in the sentence.
    assert_eq!(speaker_name(&d, quote(&d, "constructive and frank.")).as_deref(), Some("Sergei Lavrov"));
    assert_eq!(speaker_name(&d, quote(&d, "We will return")).as_deref(), Some("Sergei Lavrov"));
    // Left open at the paragraph's end: drafted, with the note.
    let open = quote(&d, "And we will rebuild.");
    assert!(open.draft.as_deref().unwrap().contains("never closed"), "{:?}", open.draft);
    assert_eq!(speaker_name(&d, open).as_deref(), Some("Sergei Lavrov"));
    // "he added" is the person named last before it.
    assert_eq!(speaker_name(&d, quote(&d, "It takes time")).as_deref(), Some("Sergei Lavrov"));
    // The so-called "new page" is a scare quote, not a quote.
    assert!(d.quotes.iter().all(|q| q.text != "new page"));
    assert_eq!(d.scare_quotes, vec![(5, "new page".to_owned())]);
    assert!(d.document.notes.iter().any(|n| n.contains("'new page' (paragraph 5)")));
    // Every quote is verbatim in its paragraph.
    for q in &d.quotes {
        let p = d.document.paragraphs.iter().find(|p| p.n == q.paragraph).unwrap();
        assert!(p.text.contains(&q.text), "{q:?}");
    }
}

#[test]
fn paragraphs_typed_and_debris_flagged() {
    let d = wire();
    let kinds: Vec<&str> = d.document.paragraphs.iter().map(|p| p.kind.as_str()).collect();
    // The dateline ("MOSCOW (Reuters) -") makes the first paragraph the story's lede, not a
    // standfirst.
    assert_eq!(kinds, ["headline", "body", "body", "body", "body", "body", "body", "body"]);
    assert_eq!(d.document.title, "Kremlin says talks with Damascus will continue");
    assert!(!d.document.title_supplied);
    let last = d.document.paragraphs.last().unwrap();
    assert_eq!(last.text, "Advertisement");
    assert!(last.draft.as_deref().unwrap().contains("page control"));
    assert_eq!(d.document.publisher.as_deref(), Some("Reuters"));
    assert_eq!(d.document.published.as_ref().map(|p| p.start.as_str()), Some("2025-10-21"));
}

#[test]
fn dates_resolved_against_the_publication_date_with_derivations() {
    let d = wire();
    let dated: BTreeMap<&str, (&str, &str, Option<&str>)> = d
        .events
        .iter()
        .map(|e| {
            let date = e.date.as_ref().unwrap();
            let expression = e.draft.as_deref().unwrap().split('\'').nth(1).unwrap();
            (expression, (date.start.as_str(), date.precision.as_str(), date.derivation.as_deref()))
        })
        .collect();
    // 21 October 2025 was a Tuesday.
    assert_eq!(dated["on Tuesday"].0, "2025-10-21");
    assert!(dated["on Tuesday"].2.unwrap().contains("21 October 2025, the publication date"));
    assert_eq!((dated["Oct. 15"].0, dated["Oct. 15"].1), ("2025-10-15", "day"));
    assert!(dated["Oct. 15"].2.unwrap().contains("without a year"));
    assert_eq!(dated["2019-20"].1, "range");
    for e in &d.events {
        let p = d.document.paragraphs.iter().find(|p| p.n == e.paragraph).unwrap();
        assert!(p.text.contains(&e.evidence));
    }
}

#[test]
fn without_a_date_relative_expressions_are_left_unknown_with_the_reason() {
    let d = draft("The envoy arrived on Thursday. He left last February.\n".as_bytes(), &Existing::default(), &Options::default()).unwrap();
    assert_eq!(d.events.len(), 2);
    for e in &d.events {
        assert!(e.date.is_none());
        assert!(e.draft.as_deref().unwrap().contains("needs a reference date"), "{:?}", e.draft);
    }
    assert!(d.document.title_supplied);
}

#[test]
fn an_interview_answers_to_the_interviewee_and_questions_to_the_interviewer() {
    let text = "Jane Roe on the road to peace\n\nIn this interview, conducted on 3 March 2025, the foreign minister speaks.\n\nEditor John Doe interviews Foreign Minister Jane Roe in her office.\n\nWhat changed?\n\nEverything. We talked, and they listened.\n\nAnd then?\n\nI told them: 'We will not wait.' Yesterday we signed.\n\nWhy now?\n\nBecause it was time.\n";
    let d = draft(text.as_bytes(), &Existing::default(), &Options::default()).unwrap();
    assert_eq!(d.document.kind, "interview");
    let name = |id: &Option<String>| id.as_ref().and_then(|id| d.actors.iter().find(|a| &a.id == id)).map(|a| a.name.as_str());
    let answer = d.quotes.iter().find(|q| q.kind == "interview-answer" && q.text.starts_with("Everything")).unwrap();
    assert_eq!((name(&answer.speaker), name(&answer.said_to)), (Some("Jane Roe"), Some("John Doe")));
    assert_eq!(answer.question, Some(4));
    assert_eq!(answer.said_on.as_ref().map(|d| d.start.as_str()), Some("2025-03-03"));
    let told = d.quotes.iter().find(|q| q.text == "We will not wait.").unwrap();
    assert_eq!((told.kind.as_str(), name(&told.speaker)), ("reported-speech", Some("Jane Roe")));
    // "Yesterday" in an answer counts from the interview's date.
    let yesterday = d.events.iter().find(|e| e.evidence.starts_with("Yesterday")).unwrap();
    assert_eq!(yesterday.date.as_ref().unwrap().start, "2025-03-02");
    let q = d.document.paragraphs.iter().find(|p| p.n == 4).unwrap();
    assert_eq!((q.kind.as_str(), name(&q.speaker)), ("question", Some("John Doe")));
}

#[test]
fn known_actors_are_matched_by_any_spelling_and_never_rewritten() {
    let existing = Existing { actors: super::data_actors(), ..Existing::default() };
    let text = "Syria's top diplomat speaks\n\nSyrian Foreign Minister Asaad al-Shaybani met Turkish officials in Ankara. “We want calm,” al-Shaibani said.\n";
    let d = draft(text.as_bytes(), &existing, &Options::default()).unwrap();
    let q = d.quotes.iter().find(|q| q.text == "We want calm").unwrap();
    assert_eq!(q.speaker.as_deref(), Some("asaad-al-shaibani"));
    assert!(d.actors.iter().all(|a| a.id != "asaad-al-shaibani"), "a known actor is not proposed again");
}

/// The bundled corpus's actors and places, as a newsroom's existing corpus.
fn bundled() -> Existing {
    let places = serde_json::from_str(&std::fs::read_to_string(root("data/places.json")).unwrap()).unwrap();
    Existing { actors: super::data_actors(), places, ..Existing::default() }
}

/// The speaker's id (or None) and the cue of the quote `text`, drafted from `article`.
fn spoken(article: &str, text: &str) -> (Option<String>, String) {
    let options = Options { published: Some("2025-07-31".into()), ..Options::default() };
    let d = draft(article.as_bytes(), &bundled(), &options).unwrap();
    let q = quote(&d, text);
    (q.speaker.clone(), q.draft.clone().unwrap_or_default())
}

#[test]
fn no_speaker_is_proposed_without_a_cue_that_names_one() {
    // A place is never a speaker; a state sharing a place's name still is one.
    let (who, _) = spoken("Talks.\n\n“We will stay,” the Kremlin said.\n", "We will stay");
    assert_ne!(who.as_deref(), Some("moscow"));
    let (who, _) = spoken("Talks.\n\n“We will decide,” Syria said.\n", "We will decide");
    assert_eq!(who.as_deref(), Some("syria"));
    // A name inside a longer description, or a possessive, is not the speaker.
    let (who, cue) = spoken("Talks.\n\n“No deal,” an aide to Putin said.\n", "No deal");
    assert_eq!(who, None, "{cue}");
    assert!(cue.contains("not resolved"), "{cue}");
    let (who, cue) = spoken("Talks.\n\n“No,” Lavrov’s spokeswoman said.\n", "No");
    assert_eq!(who, None, "{cue}");
    // Pronouns and conjunctions name no one.
    let (who, _) = spoken("Talks.\n\n“We reject it,” it said.\n", "We reject it");
    assert_eq!(who, None);
    // An abbreviation's full stop does not end the attribution.
    let (who, _) = spoken("Talks.\n\n“We are here to listen,” said U.S. Envoy Tom Barrack.\n", "We are here to listen");
    assert_eq!(who.as_deref(), Some("tom-barrack"));
    // "he" is not a name inside someone's quoted words.
    let (who, cue) = spoken("Talks.\n\nAl-Shaibani said: “Putin has been generous.” “We thank him,” he added.\n", "We thank him");
    assert_eq!(who.as_deref(), Some("asaad-al-shaibani"), "{cue}");
    // Another name between two quotations stops the second inheriting the first's speaker.
    let (who, cue) = spoken("Talks.\n\n“Yes,” Lavrov said. Al-Shaibani disagreed: “No, never, not at all.”\n", "No, never, not at all.");
    assert_eq!(who, None, "{cue}");
    // "the minister" with two ministers named is left for the curator, naming both.
    let (who, cue) = spoken(
        "Talks.\n\nRussian Foreign Minister Sergei Lavrov met Syrian Foreign Minister Asaad al-Shaibani. “We agreed,” the minister said.\n",
        "We agreed",
    );
    assert_eq!(who, None, "{cue}");
    assert!(cue.contains("Sergei Lavrov") && cue.contains("Asaad al-Shaibani"), "{cue}");
    // A short quotation after "called it a" is a quote, not a scare quote.
    let (who, _) = spoken("Talks.\n\nLavrov called it a “historic step.”\n", "historic step.");
    assert_eq!(who.as_deref(), Some("sergei-lavrov"));
}

#[test]
fn a_title_case_headline_names_no_one_and_the_attribution_dates_the_words() {
    let options = Options { published: Some("2025-07-31".into()), ..Options::default() };
    let d = draft("Foreign Minister Jane Roe Visits Baku\n\n“We are ready,” Jane Roe said on Monday.\n".as_bytes(), &Existing::default(), &options).unwrap();
    assert!(d.actors.iter().all(|a| !a.name.contains("Visits")), "{:?}", d.actors.iter().map(|a| &a.name).collect::<Vec<_>>());
    let q = quote(&d, "We are ready");
    assert_eq!(q.said_on.as_ref().map(|d| d.start.as_str()), Some("2025-07-28"));
    assert!(q.draft.as_deref().unwrap().contains("from the attribution's date"));
}

#[test]
fn places_named_as_city_and_country_are_proposed() {
    let d = draft("Talks.\n\nThe envoys met in Baku, Azerbaijan, on 10 July 2025.\n".as_bytes(), &Existing::default(), &Options::default()).unwrap();
    let places: Vec<(&str, &str)> = d.places.iter().map(|p| (p.name.as_str(), p.kind.as_str())).collect();
    assert_eq!(places, vec![("Baku", "city"), ("Azerbaijan", "country")]);
    let e = &d.events[0];
    assert_eq!(e.places, vec!["baku".to_owned(), "azerbaijan".to_owned()]);
    // Known places are matched, not proposed again.
    let d = draft("Talks.\n\nThe envoys met in Moscow, Russia, on 10 July 2025.\n".as_bytes(), &bundled(), &Options::default()).unwrap();
    assert!(d.places.iter().all(|p| p.name != "Moscow"));
}

#[test]
fn hostile_text_does_not_panic() {
    for text in ["İzmir officials, according to Ömer Çelik, “we will stay calm.”", "\u{212a}“conducted on 3 May 2024” in an interview", "It began 20000 years ago, on 1 May 2024."] {
        let _ = draft(text.as_bytes(), &bundled(), &Options { published: Some("2025-01-01".into()), ..Options::default() });
    }
}

#[test]
fn bad_sources_get_a_clear_refusal() {
    assert!(matches!(draft(&[0xff, 0xfe, 0x41], &Existing::default(), &Options::default()), Err(Refusal::NotUtf8(_))));
    assert_eq!(draft(b"  \n\r\n", &Existing::default(), &Options::default()).unwrap_err(), Refusal::Empty);
    assert_eq!(draft("\u{feff}".as_bytes(), &Existing::default(), &Options::default()).unwrap_err(), Refusal::Empty);
    let bad = Options { published: Some("31/07/2025".into()), ..Options::default() };
    assert!(matches!(draft(b"Text.", &Existing::default(), &bad), Err(Refusal::BadOption(_))));
    let bad = Options { id: Some("Not A Slug".into()), ..Options::default() };
    assert!(matches!(draft(b"Text.", &Existing::default(), &bad), Err(Refusal::BadOption(_))));
}

// ---- the command ----

fn dossier(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier")).args(args).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-draft-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Every file under `dir` and its bytes.
fn snapshot(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_owned()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap().flatten() {
            if e.path().is_dir() {
                stack.push(e.path());
            } else {
                out.insert(e.path(), std::fs::read(e.path()).unwrap());
            }
        }
    }
    out
}

fn s(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

#[test]
fn the_bundled_sources_drafted_into_an_empty_folder_validate_and_are_listed_not_published() {
    let dir = scratch("bundled");
    let data = dir.join("data");
    for source in std::fs::read_dir(root("data/sources")).unwrap().flatten() {
        let (code, out, err) = dossier(&["draft", &s(&source.path()), "--data", &s(&data)]);
        assert_eq!(code, 0, "{out}{err}");
        assert!(out.contains("Every drafted record passes validation"), "{out}");
    }
    // The same validation as curated data (verbatim texts, references), drafts apart.
    let (files, errors) = dossier::core::load::CorpusFiles::read_dir(&data);
    assert!(errors.is_empty());
    let (corpus, drafts) = dossier::core::load::load_with_drafts(&files).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(corpus.quotes.len(), 0, "drafts stay out of the site");
    assert!(drafts.iter().any(|d| d.file == "quotes.json" && d.confirm.starts_with("confirm: speaker:")));
    // The copies are byte for byte.
    for source in std::fs::read_dir(root("data/sources")).unwrap().flatten() {
        let bytes = std::fs::read(source.path()).unwrap();
        assert!(std::fs::read_dir(data.join("sources")).unwrap().flatten().any(|c| std::fs::read(c.path()).unwrap() == bytes));
    }
    // check lists them and passes; a release refuses them and says which.
    let (code, out, _) = dossier(&["check", &s(&data)]);
    assert_eq!(code, 0);
    assert!(out.contains("drafts to confirm"), "{out}");
    let (code, _, err) = dossier(&["check", "--release", &s(&data)]);
    assert_eq!(code, 1);
    assert!(err.contains("quotes.json: ") && err.contains("a release publishes no drafts"), "{err}");
    // A second run changes nothing and says why.
    let before = snapshot(&data);
    let any = std::fs::read_dir(root("data/sources")).unwrap().flatten().next().unwrap().path();
    let (code, _, err) = dossier(&["draft", &s(&any), "--data", &s(&data)]);
    assert_eq!(code, 1);
    assert!(err.contains("already in the corpus"), "{err}");
    assert_eq!(snapshot(&data), before);
}

#[test]
fn drafting_into_a_curated_corpus_only_appends_and_confirming_is_one_field() {
    let dir = scratch("append");
    let data = dir.join("data");
    std::fs::create_dir_all(data.join("sources")).unwrap();
    for name in ["documents.json", "actors.json", "places.json", "quotes.json", "events.json"] {
        std::fs::copy(root("data").join(name), data.join(name)).unwrap();
    }
    for source in std::fs::read_dir(root("data/sources")).unwrap().flatten() {
        std::fs::copy(source.path(), data.join("sources").join(source.file_name())).unwrap();
    }
    let before = snapshot(&data);
    // CRLF and a byte-order mark, kept byte for byte.
    let article = "\u{feff}Envoy visits Damascus\r\n\r\nUS Envoy Tom Barrack arrived in Damascus on 2 August 2025. “We are here to listen,” Barrack said.\r\n";
    let src = dir.join("envoy.txt");
    std::fs::write(&src, article).unwrap();
    let (code, out, err) = dossier(&["draft", &s(&src), "--data", &s(&data), "--id", "envoy-visit", "--publisher", "Example News"]);
    assert_eq!(code, 0, "{out}{err}");
    for (path, old) in &before {
        let new = std::fs::read(path).unwrap();
        if path.extension().is_some_and(|e| e == "json") {
            let keep = std::str::from_utf8(old).unwrap().trim_end().trim_end_matches(']').trim_end();
            assert!(std::str::from_utf8(&new).unwrap().starts_with(keep), "{} was rewritten", path.display());
        } else {
            assert_eq!(&new, old, "{} changed", path.display());
        }
    }
    let copied = std::fs::read_dir(data.join("sources")).unwrap().flatten().find(|e| e.file_name().to_string_lossy().starts_with("envoy-visit_")).unwrap();
    assert_eq!(std::fs::read(copied.path()).unwrap(), article.as_bytes());

    // The known actor is matched ("Barrack" is one of tom-barrack's spellings).
    let quotes: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(data.join("quotes.json")).unwrap()).unwrap();
    let drafted = quotes.iter().find(|q| q["document"] == "envoy-visit").unwrap();
    assert_eq!(drafted["speaker"], "tom-barrack");
    // Confirming the quote before its document is an error that says what to do.
    let confirm = |file: &str, id: &str| {
        let path = data.join(file);
        let mut records: Vec<serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
        for r in records.iter_mut().filter(|r| r["id"] == id) {
            r["draft"] = serde_json::Value::Null;
        }
        std::fs::write(&path, serde_json::to_string_pretty(&records).unwrap()).unwrap();
    };
    let quote_id = drafted["id"].as_str().unwrap().to_owned();
    confirm("quotes.json", &quote_id);
    let (code, _, err) = dossier(&["check", &s(&data)]);
    assert_eq!(code, 1);
    assert!(err.contains(&format!("quotes.json: {quote_id}: document \"envoy-visit\" is still a draft in documents.json: confirm it first")), "{err}");
    assert!(err.contains("drafts to confirm (not errors):\n  documents.json: envoy-visit: confirm:"), "the drafts are listed beside the errors: {err}");
    confirm("documents.json", "envoy-visit");
    let (code, out, err) = dossier(&["check", &s(&data)]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("ok: 3 documents, 61 quotes"), "{out}");
}

#[test]
fn the_command_refuses_bad_sources_and_usage() {
    let dir = scratch("refuse");
    let data = dir.join("data");
    let latin1 = dir.join("latin1.txt");
    std::fs::write(&latin1, [b'C', b'a', b'f', 0xe9, b'\n']).unwrap();
    let (code, _, err) = dossier(&["draft", &s(&latin1), "--data", &s(&data)]);
    assert_eq!(code, 1);
    assert!(err.contains("not UTF-8"), "{err}");
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "\n\n").unwrap();
    let (code, _, err) = dossier(&["draft", &s(&empty), "--data", &s(&data)]);
    assert_eq!(code, 1);
    assert!(err.contains("no text"), "{err}");
    assert!(!data.exists(), "nothing is written for a refused source");
    let (code, _, err) = dossier(&["draft", &s(&empty)]);
    assert_eq!(code, 2, "{err}");
    // A data file that cannot be read as text is refused, never taken for absent.
    let unreadable = dir.join("unreadable");
    std::fs::create_dir_all(&unreadable).unwrap();
    std::fs::write(unreadable.join("places.json"), [b'[', 0x93, b']']).unwrap();
    let before = snapshot(&unreadable);
    let article = dir.join("article-1.txt");
    std::fs::write(&article, "A minister spoke on 8 December 2024.\n").unwrap();
    let (code, _, err) = dossier(&["draft", &s(&article), "--data", &s(&unreadable)]);
    assert_eq!(code, 1);
    assert!(err.contains("places.json: cannot read") && err.contains("nothing was written"), "{err}");
    assert_eq!(snapshot(&unreadable), before);
    // A data file that does not parse stops the draft before anything is written.
    let broken = dir.join("broken");
    std::fs::create_dir_all(&broken).unwrap();
    std::fs::write(broken.join("quotes.json"), "[{\"id\": ").unwrap();
    let article = dir.join("article.txt");
    std::fs::write(&article, "A minister spoke on 8 December 2024.\n").unwrap();
    let before = snapshot(&broken);
    let (code, _, err) = dossier(&["draft", &s(&article), "--data", &s(&broken)]);
    assert_eq!(code, 1);
    assert!(err.contains("quotes.json") && err.contains("before drafting into it"), "{err}");
    assert_eq!(snapshot(&broken), before);
    let (code, _, err) = dossier(&["draft", &s(&dir.join("missing.txt")), "--data", &s(&data)]);
    assert_eq!(code, 1);
    assert!(err.contains("cannot read"), "{err}");
}

mod props {
    use proptest::prelude::*;

    use dossier::core::draft::{draft, Options, Refusal};
    use dossier::core::load::{load_with_drafts, CorpusFiles};

    /// Pieces of news prose and of what breaks parsers: every kind of quotation mark,
    /// apostrophes, dates, names, Arabic, CRLF, a byte-order mark, stray punctuation.
    fn piece() -> impl Strategy<Value = &'static str> {
        prop::sample::select(vec![
            "“", "”", "‘", "’", "\"", "'", " ", " ", " ", "\n", "\n\n", "\r\n", "\u{feff}", ", ", ". ", "? ", ": ", "(", ")", "—",
            "he said", "said Putin", " told ", "according to Reuters", "the spokesman", "President Jane Roe", "Sharaa’s",
            "on Thursday", "12 months ago", "Oct. 15", "8 December 2024", "2019-20", "late 2024", "yesterday", "in May",
            "We won", "they left", "al-Shaibani", "أسعد الشيباني", "Q?", "AFP", "font change", "x", "é", "\u{202e}", "<b>",
            "İ", "\u{212a}", "20000 years ago", "the Kremlin said", "it said", "Syria said", "an aide to Putin said", "US", "is",
            "Foreign Minister", "Lavrov", "in Baku, Azerbaijan,", "interviews", "will", "next Monday", "2024-12-08", "mid-July",
        ])
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

        /// Whatever the text, drafting never panics, and what it drafts is verbatim and
        /// passes the corpus's own validation.
        #[test]
        fn any_text_drafts_verbatim_and_valid(pieces in prop::collection::vec(piece(), 1..80)) {
            let text: String = pieces.concat();
            let existing = super::bundled();
            let d = match draft(text.as_bytes(), &existing, &Options::default()) {
                Ok(d) => d,
                Err(Refusal::Empty) => {
                    let blank = text.chars().all(|c| c.is_whitespace() || c == '\u{feff}');
                    prop_assert!(blank, "refused as empty: {:?}", text);
                    return Ok(());
                }
                Err(other) => return Err(TestCaseError::fail(format!("{text:?} refused: {other}"))),
            };
            let json = |v: &dyn erased::Json| v.json();
            let mut actors = existing.actors.clone();
            actors.extend(d.actors.iter().cloned());
            let mut places = existing.places.clone();
            places.extend(d.places.iter().cloned());
            let files = CorpusFiles {
                documents: json(&vec![d.document.clone()]),
                actors: json(&actors),
                places: json(&places),
                quotes: json(&d.quotes),
                events: json(&d.events),
                sources: Some([(d.source_name.clone(), text.clone())].into_iter().collect()),
            };
            let loaded = load_with_drafts(&files);
            prop_assert!(loaded.is_ok(), "{text:?}: {}", loaded.err().map(|e| e.to_string()).unwrap_or_default());
        }
    }

    mod erased {
        pub trait Json {
            fn json(&self) -> String;
        }
        impl<T: serde::Serialize> Json for T {
            fn json(&self) -> String {
                serde_json::to_string(self).expect("serialisable")
            }
        }
    }
}
