//! Dossier: explore what was said and what happened in a set of news documents.
//!
//! [`core`] is pure Rust (model, data loading and validation, search, timeline filtering,
//! URL state, data files) and is tested natively. [`ui`] is the Leptos front end: rendered
//! natively into the static pages, hydrated in the browser; it calls the core and owns
//! nothing but presentation. [`synth`] generates
//! deterministic synthetic corpora for the benchmarks.

pub mod core;
pub mod synth;

pub mod ui;

/// `println!` for the command-line tools: when standard output is closed early (piped
/// into `head`), the tool ends quietly with success instead of panicking on the broken
/// pipe, as Unix tools do; any other failure to write is said, and the tool fails.
#[macro_export]
macro_rules! out {
    ($($arg:tt)*) => {{
        use ::std::io::Write as _;
        if let Err(e) = writeln!(::std::io::stdout().lock(), $($arg)*) {
            if e.kind() == ::std::io::ErrorKind::BrokenPipe {
                ::std::process::exit(0);
            }
            eprintln!("cannot write to standard output: {e}");
            ::std::process::exit(1);
        }
    }};
}
