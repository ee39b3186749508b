//! Architecture rules as tests: every Rust file has a module doc, and the core knows
//! nothing of the browser or the UI framework.

use std::path::{Path, PathBuf};

use super::root;

const UI_CRATES: [&str; 6] = ["leptos", "leptos_router", "leptos_meta", "web_sys", "wasm_bindgen", "gloo"];

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out.sort();
    out
}

/// The UI crates a source file names outside comments.
fn ui_crates_named(source: &str) -> Vec<&'static str> {
    let code = source.lines().filter(|l| !l.trim_start().starts_with("//"));
    let mut named: Vec<&str> = Vec::new();
    for line in code {
        for krate in UI_CRATES {
            let mentioned = line
                .split(|c: char| !(c.is_alphanumeric() || c == '_'))
                .any(|word| word == krate);
            if mentioned && !named.contains(&krate) {
                named.push(krate);
            }
        }
    }
    named
}

#[test]
fn every_rust_file_starts_with_a_module_doc() {
    let mut missing = Vec::new();
    for dir in ["src", "tests"] {
        for file in rust_files(&root(dir)) {
            let text = std::fs::read_to_string(&file).unwrap();
            if !text.trim_start().starts_with("//!") {
                missing.push(file.display().to_string());
            }
        }
    }
    assert!(missing.is_empty(), "files without a //! module doc: {missing:#?}");
}

#[test]
fn the_core_imports_no_ui_crate() {
    let files = rust_files(&root("src/core"));
    assert!(files.len() >= 10, "expected the core modules, found {files:?}");
    let mut offenders = Vec::new();
    for file in files {
        let named = ui_crates_named(&std::fs::read_to_string(&file).unwrap());
        if !named.is_empty() {
            offenders.push(format!("{}: {}", file.display(), named.join(", ")));
        }
    }
    assert!(offenders.is_empty(), "the core must not use UI crates: {offenders:#?}");
}

#[test]
fn the_ui_crate_detector_detects() {
    assert_eq!(ui_crates_named("use leptos::prelude::*;\nlet w = web_sys::window();"), ["leptos", "web_sys"]);
    assert!(ui_crates_named("// leptos is mentioned in a comment\nlet leptosish = 1;").is_empty());
}

#[test]
fn main_only_mounts() {
    let main = std::fs::read_to_string(root("src/main.rs")).unwrap();
    let code: Vec<&str> = main.lines().filter(|l| !l.trim_start().starts_with("//") && !l.trim().is_empty()).collect();
    assert!(code.len() <= 12, "src/main.rs should only mount the app:\n{}", code.join("\n"));
}

#[test]
fn trunk_pins_the_wasm_bindgen_of_cargo_lock() {
    let lock = std::fs::read_to_string(root("Cargo.lock")).unwrap();
    let locked = lock
        .split("[[package]]")
        .find(|p| p.contains("name = \"wasm-bindgen\"\n"))
        .and_then(|p| p.lines().find_map(|l| l.strip_prefix("version = \"")))
        .map(|v| v.trim_end_matches('"').to_owned())
        .expect("wasm-bindgen is in Cargo.lock");
    let trunk = std::fs::read_to_string(root("Trunk.toml")).unwrap();
    assert!(
        trunk.contains(&format!("wasm_bindgen = \"{locked}\"")),
        "Trunk.toml [tools] must pin wasm_bindgen = \"{locked}\" (the version in Cargo.lock)"
    );
}
