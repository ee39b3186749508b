//! The curator's command line. `dossier check DIR` validates a data folder and prints
//! every problem (file, record, reason), exiting 1 if there is any.

use std::path::Path;
use std::process::ExitCode;

use dossier::core::{load, stats};

const USAGE: &str = "usage: dossier check <data-dir>\n\nChecks a Dossier data folder (documents.json, actors.json, places.json,\nquotes.json, events.json and sources/) and prints every problem found.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", dir] => check(Path::new(dir)),
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
