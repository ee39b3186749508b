//! Build script. It writes the Unicode tables of `core::fold` (for both targets), and
//! tells the native tests and benchmark (`CorpusFiles::bundled` in
//! `src/core/load.rs`) which data folder to read. It is `data/` unless `DOSSIER_DATA`
//! names another one, as for the site itself (`DOSSIER_DATA=path/to/data trunk build
//! --release`, whose hooks check and pack that folder). No data is compiled into the
//! browser's wasm.

use std::fmt::Write as _;
use std::path::PathBuf;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

fn main() {
    fold_tables();
    drawing_inputs();
    // The browser build reads no data at compile time, so the same wasm serves every
    // corpus (and building the site for another one does not compile it again).
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rerun-if-changed=build.rs");
        return;
    }
    println!("cargo:rerun-if-env-changed=DOSSIER_DATA");
    let manifest = PathBuf::from(
        std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"),
    );
    let dir = match std::env::var_os("DOSSIER_DATA").filter(|d| !d.is_empty()) {
        // Relative to the package, where Trunk and cargo are run from.
        Some(dir) => manifest.join(dir),
        None => manifest.join("data"),
    };
    for file in [
        "documents.json",
        "actors.json",
        "places.json",
        "quotes.json",
        "events.json",
    ] {
        if !dir.join(file).is_file() {
            panic!(
                "DOSSIER_DATA: {} has no {file} (a data folder is described in data/FORMAT.md)",
                dir.display()
            );
        }
    }
    println!("cargo:rustc-env=DOSSIER_DATA_DIR={}", dir.display());
}

/// Sets `DOSSIER_DRAWING_INPUTS`, a hash of what draws a preview image besides the
/// card and `core::preview`'s own code: the bundled fonts and the versions of the crates
/// that lay out, rasterise and encode it (from Cargo.lock). Preview images are named and
/// cached by their card and this, so new fonts or a new resvg give every image a new name.
fn drawing_inputs() {
    let root = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR"));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut feed = |bytes: &[u8]| {
        for &b in bytes {
            hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    };
    for font in ["NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSansArabic-Regular.ttf"] {
        let path = root.join("src/fonts").join(font);
        println!("cargo:rerun-if-changed={}", path.display());
        feed(&std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display())));
    }
    let lock = root.join("Cargo.lock");
    println!("cargo:rerun-if-changed={}", lock.display());
    let lock = std::fs::read_to_string(&lock).unwrap_or_default();
    let drawing = ["resvg", "usvg", "tiny-skia", "tiny-skia-path", "png", "ttf-parser", "rustybuzz", "fontdb", "fdeflate", "miniz_oxide"];
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if let Some(name) = line.strip_prefix("name = \"").and_then(|n| n.strip_suffix('"')) {
            if drawing.contains(&name) {
                feed(line.as_bytes());
                feed(lines.next().unwrap_or_default().as_bytes());
            }
        }
    }
    println!("cargo:rustc-env=DOSSIER_DRAWING_INPUTS={hash:016x}");
}

/// Writes `$OUT_DIR/fold_tables.rs`, what `core::fold` needs of Unicode to strip
/// diacritics, taken from unicode-normalization at build time so the wasm carries two
/// small tables instead of the crate's normalization tables (about 70 KB gzipped):
///
/// - `MARKS`: the combining marks (general category M), as sorted inclusive ranges;
/// - `BASES`: every character whose canonical decomposition, without its marks, is one
///   other character (é → e, أ → ا, Å → A), sorted by character;
/// - `LONGER`: the few whose decomposition is several characters without marks.
///
/// Hangul syllables decompose by arithmetic (`core::fold` does it); a test there checks the
/// whole of Unicode against the crate, so a character outside these cases fails it.
fn fold_tables() {
    let mut marks: Vec<(u32, u32)> = Vec::new();
    let mut bases = String::new();
    let mut count = 0;
    let mut longer: Vec<(char, String)> = Vec::new();
    for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
        if is_combining_mark(c) {
            match marks.last_mut() {
                Some((_, end)) if *end + 1 == c as u32 => *end = c as u32,
                _ => marks.push((c as u32, c as u32)),
            }
            continue;
        }
        if (0xAC00..=0xD7A3).contains(&(c as u32)) {
            continue;
        }
        let mut kept = Vec::new();
        decompose_canonical(c, |d| {
            if !is_combining_mark(d) {
                kept.push(d);
            }
        });
        if kept != [c] {
            match kept[..] {
                [one] => {
                    let _ = write!(bases, "({:#x}, {:#x}),", c as u32, one as u32);
                    count += 1;
                }
                _ => longer.push((c, kept.into_iter().collect::<String>())),
            }
        }
    }
    let mut out = String::from("// Generated by build.rs from unicode-normalization. Do not edit.\n");
    let _ = writeln!(out, "pub(crate) static MARKS: [(u32, u32); {}] = [", marks.len());
    for (start, end) in &marks {
        let _ = write!(out, "({start:#x}, {end:#x}),");
    }
    let _ = writeln!(out, "];\npub(crate) static BASES: [(u32, u32); {count}] = [{bases}];");
    let _ = writeln!(out, "pub(crate) static LONGER: [(u32, &str); {}] = [", longer.len());
    for (c, kept) in &longer {
        let _ = write!(out, "({:#x}, {kept:?}),", *c as u32);
    }
    out.push_str("];\n");
    let path = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR")).join("fold_tables.rs");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
