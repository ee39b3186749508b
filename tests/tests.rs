//! The one integration-test binary (one link step instead of one per file).
//!
//! Modules:
//! - `data`: the bundled corpus loads, and every quote, event and paragraph is verbatim.
//! - `fixtures`: each kind of data error, on a small valid corpus broken one way at a time.
//! - `cli`: `dossier check` output and exit codes.
//! - `draft`: `dossier draft`: each drafting rule on small articles of its own, the command
//!   end to end (validates, appends only, refuses a second run, release refuses drafts),
//!   and a property test that any text drafts verbatim and valid.
//! - `route`: URL parsing and writing, round trips and hostile input.
//! - `search`: quote search behaviour on the bundled corpus.
//! - `timeline`: timeline filters and ordering, and the overview strip.
//! - `pack`: the data files: round trips at any shard size, every page rendered from only
//!   its parts equals the page from the whole corpus, bad bytes refused with a reason.
//! - `site`: the static site (pages rendered by the components, policy, sitemap, redirects,
//!   ledger) and exports.
//! - `props`: property tests of the URL parser and the search core on hostile input.
//! - `tidy`: architecture rules (module docs, a core free of UI crates).

mod it;
