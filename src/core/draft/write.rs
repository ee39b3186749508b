//! Writing a draft into a data folder: append, never rewrite.
//!
//! [`draft_into`] reads the folder (refusing a file it cannot read rather than taking it
//! for absent), drafts, checks the folder as it would be with the draft in memory, and
//! only then writes. Each JSON file keeps its bytes as they are; the new records are
//! inserted before its closing `]`, pretty-printed the way the bundled files are. Every
//! file is written beside its final name first and then renamed; if a rename fails, the
//! files already renamed are put back as they were.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use super::{draft, Drafted, Existing, Options};
use crate::core::load::{self, CorpusFiles};

/// Reads a file of the folder: `None` if it is not there; an error if it is there but
/// cannot be read (never taken for absent, which would overwrite it).
fn read_text(path: &Path) -> Result<Option<String>, String> {
    match std::fs::read_to_string(path) {
        Ok(t) => Ok(Some(t)),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(format!("{}: cannot read ({e}); nothing was written", path.display())),
    }
}

fn parse<T: serde::de::DeserializeOwned>(path: &Path, text: &Option<String>) -> Result<Vec<T>, String> {
    match text {
        Some(t) => serde_json::from_str(t).map_err(|e| format!("{}: {e}: fix it (dossier check) before drafting into it; nothing was written", path.display())),
        None => Ok(Vec::new()),
    }
}

/// Drafts `bytes` into the data folder `dir` (created if need be) and writes the result,
/// or says why not, having written nothing.
pub fn draft_into(dir: &Path, bytes: &[u8], options: &Options) -> Result<Drafted, String> {
    const FILES: [&str; 5] = [load::DOCUMENTS, load::ACTORS, load::PLACES, load::QUOTES, load::EVENTS];
    let mut texts: Vec<Option<String>> = Vec::with_capacity(FILES.len());
    for name in FILES {
        texts.push(read_text(&dir.join(name))?);
    }
    let ids = |k: usize| -> Result<HashSet<String>, String> {
        let values: Vec<serde_json::Value> = parse(&dir.join(FILES[k]), &texts[k])?;
        Ok(values.iter().filter_map(|v| v.get("id")?.as_str().map(str::to_owned)).collect())
    };
    let mut sources: Vec<(String, Vec<u8>)> = Vec::new();
    match std::fs::read_dir(dir.join(load::SOURCES)) {
        Ok(entries) => {
            for e in entries {
                let e = e.map_err(|e| format!("{}: cannot list ({e}); nothing was written", dir.join(load::SOURCES).display()))?;
                let name = e.file_name().to_string_lossy().into_owned();
                let b = std::fs::read(e.path()).map_err(|err| format!("{}: cannot read ({err}); nothing was written", e.path().display()))?;
                sources.push((name, b));
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(format!("{}: cannot list ({e}); nothing was written", dir.join(load::SOURCES).display())),
    }
    let existing = Existing {
        documents: parse(&dir.join(FILES[0]), &texts[0])?,
        actors: parse(&dir.join(FILES[1]), &texts[1])?,
        places: parse(&dir.join(FILES[2]), &texts[2])?,
        quote_ids: ids(3)?,
        event_ids: ids(4)?,
        sources: sources.clone(),
    };
    let files = |texts: &[Option<String>], sources: &[(String, Vec<u8>)]| CorpusFiles {
        documents: texts[0].clone().unwrap_or_else(|| "[]".into()),
        actors: texts[1].clone().unwrap_or_else(|| "[]".into()),
        places: texts[2].clone().unwrap_or_else(|| "[]".into()),
        quotes: texts[3].clone().unwrap_or_else(|| "[]".into()),
        events: texts[4].clone().unwrap_or_else(|| "[]".into()),
        sources: Some(sources.iter().map(|(n, b)| (n.clone(), String::from_utf8_lossy(b).into_owned())).collect::<BTreeMap<_, _>>()),
    };
    // The folder must be sound before the draft, or its problems would be taken for the
    // draft's.
    if texts.iter().any(Option::is_some) {
        if let Err(errors) = load::load_with_drafts(&files(&texts, &sources)) {
            return Err(format!("{}: the folder has problems already; fix them first (dossier check):\n{errors}\nnothing was written", dir.display()));
        }
    }
    let drafted = draft(bytes, &existing, options).map_err(|refusal| refusal.to_string())?;
    let mut new_texts = texts.clone();
    let appended = [
        append(texts[0].as_deref(), std::slice::from_ref(&drafted.document)),
        append(texts[1].as_deref(), &drafted.actors),
        append(texts[2].as_deref(), &drafted.places),
        append(texts[3].as_deref(), &drafted.quotes),
        append(texts[4].as_deref(), &drafted.events),
    ];
    for (k, result) in appended.into_iter().enumerate() {
        match result.map_err(|e| format!("{}: {e}", dir.join(FILES[k]).display()))? {
            Some(t) => new_texts[k] = Some(t),
            None if new_texts[k].is_none() => new_texts[k] = Some("[]\n".into()),
            None => {}
        }
    }
    let mut new_sources = sources.clone();
    new_sources.retain(|(n, _)| n != &drafted.source_name);
    new_sources.push((drafted.source_name.clone(), bytes.to_vec()));
    // Checked as the build checks it, before a byte is written.
    if let Err(errors) = load::load_with_drafts(&files(&new_texts, &new_sources)) {
        return Err(format!("the draft does not pass validation, so nothing was written (a drafter bug: please report it with the source):\n{errors}"));
    }
    let mut batch = Batch::default();
    batch.add(dir.join(load::SOURCES).join(&drafted.source_name), bytes.to_vec());
    for (k, name) in FILES.iter().enumerate() {
        if new_texts[k] != texts[k] {
            batch.add(dir.join(name), new_texts[k].clone().unwrap_or_default().into_bytes());
        }
    }
    batch.commit()?;
    Ok(drafted)
}

/// `existing` (a JSON array, or `None` for a file not there yet) with `records` appended.
pub fn append<T: Serialize>(existing: Option<&str>, records: &[T]) -> Result<Option<String>, String> {
    if records.is_empty() {
        return Ok(None);
    }
    let mut rendered = Vec::with_capacity(records.len());
    for r in records {
        let json = serde_json::to_string_pretty(r).map_err(|e| e.to_string())?;
        rendered.push(json.lines().map(|l| format!("  {l}")).collect::<Vec<_>>().join("\n"));
    }
    let body = rendered.join(",\n");
    let Some(text) = existing else {
        return Ok(Some(format!("[\n{body}\n]\n")));
    };
    let values: Vec<serde_json::Value> = serde_json::from_str(text).map_err(|e| format!("is not a JSON array of records ({e}); fix it before drafting into it"))?;
    let close = text.rfind(']').ok_or("has no closing ]")?;
    let head = text[..close].trim_end();
    let tail = &text[close..];
    let separator = if values.is_empty() { "" } else { "," };
    Ok(Some(format!("{head}{separator}\n{body}\n{tail}")))
}

/// Files to write together.
#[derive(Default)]
pub struct Batch {
    files: Vec<(PathBuf, Vec<u8>)>,
}

impl Batch {
    pub fn add(&mut self, path: PathBuf, bytes: Vec<u8>) {
        self.files.push((path, bytes));
    }

    /// Writes every file aside, then renames them into place. If a write fails, the
    /// files written aside are removed; if a rename fails, the files already renamed
    /// get their old bytes back (or are removed, if they were new).
    pub fn commit(self) -> Result<Vec<PathBuf>, String> {
        let mut staged: Vec<(PathBuf, PathBuf, Option<Vec<u8>>)> = Vec::new();
        let clean = |staged: &[(PathBuf, PathBuf, Option<Vec<u8>>)]| {
            for (a, _, _) in staged {
                let _ = std::fs::remove_file(a);
            }
        };
        for (path, bytes) in &self.files {
            if let Some(dir) = path.parent() {
                if let Err(e) = std::fs::create_dir_all(dir) {
                    clean(&staged);
                    return Err(format!("cannot create {}: {e}; nothing was written", dir.display()));
                }
            }
            let old = match std::fs::read(path) {
                Ok(b) => Some(b),
                Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
                Err(e) => {
                    clean(&staged);
                    return Err(format!("cannot read {}: {e}; nothing was written", path.display()));
                }
            };
            let aside = aside(path);
            if let Err(e) = std::fs::write(&aside, bytes) {
                clean(&staged);
                let _ = std::fs::remove_file(&aside);
                return Err(format!("cannot write {}: {e}; nothing was written", aside.display()));
            }
            staged.push((aside, path.clone(), old));
        }
        for (k, (aside, path, _)) in staged.iter().enumerate() {
            if let Err(e) = std::fs::rename(aside, path) {
                for (_, done, old) in &staged[..k] {
                    let _ = match old {
                        Some(bytes) => std::fs::write(done, bytes),
                        None => std::fs::remove_file(done),
                    };
                }
                clean(&staged[k..]);
                return Err(format!("cannot rename {} to {}: {e}; the files written before it were put back", aside.display(), path.display()));
            }
        }
        Ok(staged.into_iter().map(|(_, p, _)| p).collect())
    }
}

fn aside(path: &Path) -> PathBuf {
    let mut name = path.file_name().map(|n| n.to_os_string()).unwrap_or_default();
    name.push(".draft-tmp");
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn appends_keeping_every_existing_byte() {
        let old = "[\n  {\n    \"id\": \"a\"\n  }\n]\n";
        let new = append(Some(old), &[serde_json::json!({"id": "b"})]).unwrap().unwrap();
        assert!(new.starts_with("[\n  {\n    \"id\": \"a\"\n  }"));
        assert_eq!(new, "[\n  {\n    \"id\": \"a\"\n  },\n  {\n    \"id\": \"b\"\n  }\n]\n");
        let v: Vec<serde_json::Value> = serde_json::from_str(&new).unwrap();
        assert_eq!(v.len(), 2);
        assert_eq!(append(Some("[]"), &[serde_json::json!({"id": "c"})]).unwrap().unwrap(), "[\n  {\n    \"id\": \"c\"\n  }\n]");
        assert_eq!(append(None, &[serde_json::json!(1)]).unwrap().unwrap(), "[\n  1\n]\n");
        assert!(append(Some("{\"not\": \"an array\"}"), &[1]).is_err());
        assert_eq!(append::<i32>(Some(old), &[]).unwrap(), None);
    }
}
