//! Build script: tells the native tests and benchmark (`CorpusFiles::bundled` in
//! `src/core/load.rs`) which data folder to read. It is `data/` unless `DOSSIER_DATA`
//! names another one, as for the site itself (`DOSSIER_DATA=path/to/data trunk build
//! --release`, whose hooks check and pack that folder). No data is compiled into the
//! browser's wasm.

use std::path::PathBuf;

fn main() {
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
