//! The curator's command line. `dossier check DIR` validates a data folder and prints
//! every problem (file, record, reason), exiting 1 if there is any. `dossier pages DIR
//! DIST` (run by Trunk after a build) gives every page its own `index.html`, so each
//! route opens cold with status 200 on a static host with no rewrite rules.

use std::path::Path;
use std::process::ExitCode;

use dossier::core::{load, route, stats};

const USAGE: &str = "usage: dossier check <data-dir>\n       dossier pages <data-dir> <dist-dir>\n\ncheck: checks a Dossier data folder (documents.json, actors.json, places.json,\n       quotes.json, events.json and sources/) and prints every problem found.\npages: writes <dist-dir>/<page>/index.html for every page of the corpus.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", dir] => check(Path::new(dir)),
        ["pages", dir, dist] => pages(Path::new(dir), Path::new(dist)),
        ["-h" | "--help" | "help"] => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn check(dir: &Path) -> ExitCode {
    match load::load_dir(dir) {
        Ok(corpus) => {
            let s = stats::summary(&corpus);
            println!(
                "{}: ok: {} documents, {} quotes, {} events, {} actors, {} places",
                dir.display(),
                s.documents,
                s.quotes,
                s.events,
                s.actors,
                s.places
            );
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{}: {errors}", dir.display());
            ExitCode::FAILURE
        }
    }
}

fn pages(dir: &Path, dist: &Path) -> ExitCode {
    let corpus = match load::load_dir(dir) {
        Ok(corpus) => corpus,
        Err(errors) => {
            eprintln!("{}: {errors}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let shell = match std::fs::read(dist.join("index.html")) {
        Ok(shell) => shell,
        Err(e) => {
            eprintln!("{}: cannot read index.html: {e}", dist.display());
            return ExitCode::FAILURE;
        }
    };
    let mut written = 0;
    for page in route::every_page(&corpus) {
        let href = page.href();
        // Ids are slugs, so a page's href is already a safe relative folder path.
        let folder = dist.join(href.trim_start_matches('/'));
        if folder == dist {
            continue;
        }
        if let Err(e) = std::fs::create_dir_all(&folder).and_then(|()| std::fs::write(folder.join("index.html"), &shell)) {
            eprintln!("{}: cannot write {href}: {e}", dist.display());
            return ExitCode::FAILURE;
        }
        written += 1;
    }
    println!("{}: wrote {written} pages", dist.display());
    ExitCode::SUCCESS
}
