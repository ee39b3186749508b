//! Scores `dossier draft` against a curated corpus: `dossier-bench-draft CURATED DRAFTED` prints
//! recall and precision per quote kind, speakers right, dated events right and false
//! drafts (`core::draft::score`), then every miss. `.ci/bench` runs it after drafting the
//! bundled sources into an empty folder.

use std::path::Path;
use std::process::ExitCode;

use dossier::core::draft::score::{score, Side};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [curated, drafted] = args.as_slice() else {
        eprintln!("usage: dossier-bench-draft <curated-data-dir> <drafted-data-dir>");
        return ExitCode::from(2);
    };
    let (curated, drafted) = match (Side::read(Path::new(curated)), Side::read(Path::new(drafted))) {
        (Ok(c), Ok(d)) => (c, d),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::FAILURE;
        }
    };
    let report = score(&curated, &drafted);
    dossier::out!("{}", report.to_string().trim_end_matches('\n'));
    dossier::out!("\nmisses ({}):", report.misses.len());
    for m in &report.misses {
        dossier::out!("  {m}");
    }
    ExitCode::SUCCESS
}
