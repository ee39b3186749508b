//! One broken fixture per kind of data error: a small valid corpus (tests/fixtures/minimal)
//! with one file changed, checked for the exact error reported.

use dossier::core::error::{DataError, ErrorKind};
use dossier::core::load::{load, CorpusFiles};
use serde_json::{json, Value};

use super::root;

fn minimal() -> CorpusFiles {
    let (files, errors) = CorpusFiles::read_dir(&root("tests/fixtures/minimal"));
    assert!(errors.is_empty(), "{errors:?}");
    files
}

/// Applies `change` to the JSON of one file of the minimal corpus and returns the errors.
fn errors_after(file: &str, change: impl FnOnce(&mut Value)) -> Vec<DataError> {
    let mut files = minimal();
    let text = match file {
        "documents.json" => &mut files.documents,
        "actors.json" => &mut files.actors,
        "places.json" => &mut files.places,
        "quotes.json" => &mut files.quotes,
        "events.json" => &mut files.events,
        other => panic!("no file {other}"),
    };
    let mut value: Value = serde_json::from_str(text).unwrap();
    change(&mut value);
    *text = value.to_string();
    load(&files).err().map(|e| e.0).unwrap_or_default()
}

fn check(file: &str, change: impl FnOnce(&mut Value), want: &[(ErrorKind, &str)]) {
    let got: Vec<(ErrorKind, String)> =
        errors_after(file, change).into_iter().map(|e| (e.kind, e.to_string())).collect();
    let want: Vec<(ErrorKind, String)> = want.iter().map(|(k, s)| (*k, s.to_string())).collect();
    assert_eq!(got, want);
}

#[test]
fn the_minimal_fixture_is_valid() {
    let corpus = load(&minimal()).unwrap();
    assert_eq!((corpus.quotes.len(), corpus.events.len()), (1, 1));
}

#[test]
fn malformed_json_names_the_file() {
    let mut files = minimal();
    files.actors = "[{".into();
    let errors = load(&files).unwrap_err().0;
    assert_eq!(errors[0].kind, ErrorKind::Json);
    assert!(errors[0].to_string().starts_with("actors.json: not valid JSON for this file: "), "{}", errors[0]);
}

#[test]
fn misspelt_field_is_a_json_error() {
    let errors = errors_after("places.json", |v| v[0]["descripton"] = json!("typo"));
    assert_eq!(errors.len(), 1);
    assert!(errors[0].reason.contains("unknown field `descripton`"), "{}", errors[0]);
}

/// A record with a missing field once made serde refuse its whole file, hiding every
/// other record's problem in it; now it is reported by itself, the rest of its file is
/// still checked, and what refers to it is not reported again.
#[test]
fn a_record_missing_a_field_is_reported_alone_and_the_rest_of_its_file_checked() {
    check("actors.json", |v| {
        v[0].as_object_mut().unwrap().remove("kind");
        v[1]["kind"] = json!("alien");
    }, &[
        (ErrorKind::Json, "actors.json: minister: not a valid record: missing field `kind` (line 1)"),
        (ErrorKind::BadValue, r#"actors.json: envoy: kind "alien" is not one of: person, state, organization, group, media"#),
    ]);
}

/// The drafts of a file are listed even when another of its records does not parse.
#[test]
fn drafts_are_listed_beside_a_record_that_does_not_parse() {
    let mut files = minimal();
    let mut quotes: Value = serde_json::from_str(&files.quotes).unwrap();
    quotes[0]["draft"] = json!("confirm the speaker: 'said the minister'");
    quotes.as_array_mut().unwrap().push(json!({ "id": "broken" }));
    files.quotes = quotes.to_string();
    let drafts = dossier::core::load::list_drafts(&files);
    assert_eq!(drafts.iter().map(|d| d.record.as_str()).collect::<Vec<_>>(), ["we-chose-change"]);
    let errors = load(&files).unwrap_err().0;
    assert!(errors.iter().any(|e| e.record == "broken" && e.reason.starts_with("not a valid record: missing field")), "{errors:?}");
}

/// A record that names no id is found by its place in the file.
#[test]
fn a_record_without_an_id_is_named_by_its_place() {
    check("places.json", |v| v.as_array_mut().unwrap().push(json!({ "name": "Nowhere" })), &[
        (ErrorKind::Json, "places.json: record 2: not a valid record: missing field `id` (line 1)"),
    ]);
}

/// The line given is the file's, where serde stopped inside the record, so a curator can
/// go to it; a blank id is no name, so the record is named by its place.
#[test]
fn a_record_that_does_not_parse_is_found_by_its_line_in_the_file() {
    let mut files = minimal();
    let mut actors: Value = serde_json::from_str(&files.actors).unwrap();
    actors[1]["aliases"] = json!("Envoy");
    actors.as_array_mut().unwrap().push(json!({ "id": " ", "name": "Nobody" }));
    files.actors = serde_json::to_string_pretty(&actors).unwrap();
    let aliases = files.actors.lines().position(|l| l.contains("\"aliases\": \"Envoy\"")).unwrap() + 1;
    let errors: Vec<String> = load(&files).unwrap_err().0.iter().map(ToString::to_string).collect();
    assert_eq!(errors[..2], [
        format!("actors.json: envoy: not a valid record: invalid type: string \"Envoy\", expected a sequence (line {aliases})"),
        format!("actors.json: record 3: not a valid record: missing field `kind` (line {})", files.actors.lines().count() - 1),
    ]);
}

/// A record that did not parse and repeats an id is told so at once, not at the next check.
#[test]
fn a_record_that_does_not_parse_and_repeats_an_id_is_told_both() {
    check("actors.json", |v| v.as_array_mut().unwrap().push(json!({ "id": "envoy" })), &[
        (ErrorKind::Json, "actors.json: envoy: not a valid record: missing field `name` (line 1)"),
        (ErrorKind::DuplicateId, "actors.json: envoy: this id is used by another record"),
    ]);
}

/// A draft that does not parse is still a draft: listed, and a curated record may not
/// point at it.
#[test]
fn a_draft_that_does_not_parse_is_still_a_draft() {
    let mut files = minimal();
    let mut actors: Value = serde_json::from_str(&files.actors).unwrap();
    actors[1] = json!({ "id": "envoy", "name": "The Envoy", "draft": "new name: 'the envoy'" });
    files.actors = actors.to_string();
    let drafts = dossier::core::load::list_drafts(&files);
    assert_eq!(drafts.iter().map(|d| (d.file.as_str(), d.record.as_str())).collect::<Vec<_>>(), [("actors.json", "envoy")]);
    let errors: Vec<String> = load(&files).unwrap_err().0.iter().map(ToString::to_string).collect();
    assert_eq!(errors, [
        "actors.json: envoy: not a valid record: missing field `kind` (line 1)",
        r#"events.json: minister-meets-envoy: actor "envoy" is still a draft in actors.json: confirm it first"#,
    ]);
}

/// What cites a document whose record did not parse is not reported as citing nothing.
#[test]
fn a_document_that_does_not_parse_is_reported_once() {
    check("documents.json", |v| {
        v[0].as_object_mut().unwrap().remove("title");
    }, &[(ErrorKind::Json, "documents.json: one: not a valid record: missing field `title` (line 1)")]);
}

#[test]
fn bad_id() {
    check("places.json", |v| v[0]["id"] = json!("Aleppo City"), &[
        (ErrorKind::BadId, r#"places.json: Aleppo City: id "Aleppo City" must be lower-case letters, digits and single hyphens"#),
        (ErrorKind::UnknownReference, r#"events.json: minister-meets-envoy: place "aleppo" is not a place in places.json"#),
    ]);
}

#[test]
fn duplicate_id() {
    check("actors.json", |v| {
        let first = v[0].clone();
        v.as_array_mut().unwrap().push(first);
    }, &[(ErrorKind::DuplicateId, "actors.json: minister: this id is used by an earlier record")]);
}

#[test]
fn unknown_speaker() {
    check("quotes.json", |v| v[0]["speaker"] = json!("ghost"), &[(
        ErrorKind::UnknownReference,
        r#"quotes.json: we-chose-change: speaker "ghost" is not an actor in actors.json"#,
    )]);
}

#[test]
fn unknown_paragraph() {
    check("events.json", |v| v[0]["paragraph"] = json!(7), &[(
        ErrorKind::UnknownReference,
        r#"events.json: minister-meets-envoy: document "one" has no paragraph 7"#,
    )]);
}

#[test]
fn bad_vocabulary_word() {
    check("actors.json", |v| v[1]["kind"] = json!("wizard"), &[(
        ErrorKind::BadValue,
        r#"actors.json: envoy: kind "wizard" is not one of: person, state, organization, group, media"#,
    )]);
}

#[test]
fn date_contradicting_its_precision() {
    check("quotes.json", |v| v[0]["said_on"] = json!({"start": "2024-12", "precision": "day"}), &[(
        ErrorKind::BadDate,
        r#"quotes.json: we-chose-change: said_on: precision "day" needs a start like "2024-12-08""#,
    )]);
}

#[test]
fn range_ending_before_it_starts() {
    check("events.json", |v| v[0]["date"] = json!({"start": "2024-12", "end": "2024-11-30", "precision": "range"}), &[(
        ErrorKind::BadDate,
        "events.json: minister-meets-envoy: date: end 2024-11-30 is before start 2024-12",
    )]);
}

#[test]
fn impossible_calendar_day() {
    check("events.json", |v| v[0]["date"]["start"] = json!("2025-02-29"), &[(
        ErrorKind::BadDate,
        r#"events.json: minister-meets-envoy: date: start: "2025-02-29" is not a day of the calendar: February 2025 has 28 days"#,
    )]);
}

#[test]
fn quote_not_verbatim() {
    // Straightened quotes are the classic silent drift: the source has “curly” ones here.
    check("quotes.json", |v| v[0]["text"] = json!("We chose  change"), &[(
        ErrorKind::NotInParagraph,
        "quotes.json: we-chose-change: text is not an exact substring of one paragraph 2",
    )]);
}

#[test]
fn evidence_not_verbatim() {
    check("events.json", |v| v[0]["evidence"] = json!("The minister met the envoy in Damascus"), &[(
        ErrorKind::NotInParagraph,
        "events.json: minister-meets-envoy: evidence is not an exact substring of one paragraph 2",
    )]);
}

#[test]
fn paragraph_not_in_source() {
    check("documents.json", |v| v[0]["paragraphs"][0]["text"] = json!("Minister greets envoy"), &[(
        ErrorKind::NotInSource,
        "documents.json: one paragraph 1: text is not an exact piece of sources/one.txt",
    )]);
}

#[test]
fn paragraphs_out_of_order() {
    check("documents.json", |v| {
        let paragraphs = v[0]["paragraphs"].as_array_mut().unwrap();
        paragraphs.swap(0, 1);
        paragraphs[0]["n"] = json!(1);
        paragraphs[1]["n"] = json!(2);
    }, &[
        (ErrorKind::NotInSource, "documents.json: one paragraph 2: text is in the source but out of order"),
        (ErrorKind::NotInParagraph, "quotes.json: we-chose-change: text is not an exact substring of one paragraph 2"),
        (ErrorKind::NotInParagraph, "events.json: minister-meets-envoy: evidence is not an exact substring of one paragraph 2"),
    ]);
}

#[test]
fn missing_source_file() {
    check("documents.json", |v| v[0]["source"] = json!("two.txt"), &[(
        ErrorKind::UnknownReference,
        r#"documents.json: one: source "two.txt" is not a file in sources/"#,
    )]);
}

#[test]
fn empty_text() {
    check("events.json", |v| v[0]["title"] = json!("  "), &[(ErrorKind::Empty, "events.json: minister-meets-envoy: title is empty")]);
}

#[test]
fn interview_answer_without_its_question() {
    check("quotes.json", |v| v[0]["kind"] = json!("interview-answer"), &[(
        ErrorKind::UnknownReference,
        "quotes.json: we-chose-change: an interview answer needs the paragraph of its question",
    )]);
}

#[test]
fn unreadable_folder_reports_every_missing_file() {
    let errors = dossier::core::load::load_dir(&root("tests/fixtures/does-not-exist")).unwrap_err().0;
    let files: Vec<&str> = errors.iter().filter(|e| e.kind == ErrorKind::Io).map(|e| e.file.as_str()).collect();
    assert_eq!(files, ["documents.json", "actors.json", "places.json", "quotes.json", "events.json", "sources"]);
}
