//! `dossier check`: what a curator sees.

use std::process::Command;

use super::root;

fn check(dir: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier")).args(["check", &root(dir).to_string_lossy()]).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn valid_folder_exits_zero_with_counts() {
    let (code, out, _) = check("tests/fixtures/minimal");
    assert_eq!(code, 0);
    assert!(out.ends_with("ok: 1 documents, 1 quotes, 1 events, 2 actors, 1 places, 0 redirects\n"), "{out}");
}

#[test]
fn broken_folder_lists_every_problem_and_exits_one() {
    let (code, _, err) = check("tests/fixtures/broken");
    assert_eq!(code, 1);
    let want = [
        "documents.json: one paragraph 1: text is not an exact piece of sources/one.txt",
        r#"quotes.json: Bad Id: id "Bad Id" must be lower-case letters, digits and single hyphens"#,
        r#"quotes.json: Bad Id: speaker "nobody" is not an actor in actors.json"#,
        "quotes.json: Bad Id: text is not an exact substring of one paragraph 1",
        r#"quotes.json: q2: kind "musing" is not one of: statement, interview-answer, pull-quote, reported-speech"#,
        r#"quotes.json: q2: document "one" has no paragraph 9"#,
        r#"events.json: e1: date: precision "day" needs a start like "2024-12-08""#,
        r#"events.json: e1: role "hero" is not one of: participant, target, mediator, host, source, mentioned"#,
        r#"events.json: e1: place "atlantis" is not a place in places.json"#,
        "events.json: e1: this id is used by an earlier record",
        "10 problems found",
    ];
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), want.len(), "{err}");
    for (line, want) in lines.iter().zip(want) {
        assert!(line.ends_with(want), "{line:?} should end with {want:?}");
    }
}

#[test]
fn wrong_usage_exits_two() {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier")).arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: dossier check <data-dir>"));
}
