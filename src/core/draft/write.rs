//! Writing a draft into a data folder: append, never rewrite.
//!
//! Each JSON file keeps its bytes as they are; the new records are inserted before its
//! closing `]`, pretty-printed the way the bundled files are. Every file is written
//! beside its final name first and then renamed, so a failure before the renames leaves
//! the folder unchanged.

use std::path::{Path, PathBuf};

use serde::Serialize;

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

    /// Writes every file aside, then renames them into place.
    pub fn commit(self) -> Result<Vec<PathBuf>, String> {
        let mut staged = Vec::new();
        for (path, bytes) in &self.files {
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
            }
            let aside = aside(path);
            if let Err(e) = std::fs::write(&aside, bytes) {
                for (a, _) in &staged {
                    let _ = std::fs::remove_file(a);
                }
                return Err(format!("cannot write {}: {e}", aside.display()));
            }
            staged.push((aside, path.clone()));
        }
        for (aside, path) in &staged {
            std::fs::rename(aside, path).map_err(|e| format!("cannot rename {} to {}: {e}", aside.display(), path.display()))?;
        }
        Ok(staged.into_iter().map(|(_, p)| p).collect())
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
