//! The curator's command line. `dossier check DIR` validates a data folder and prints
//! every problem (file, record, reason), exiting 1 if there is any. `dossier pages DIR
//! DIST` (run by Trunk after a build) turns the app shell into the static site: the data
//! files the browser reads, every page its own `index.html` rendered by the app's own
//! components (status 200 on any static host, no rewrite rules), plus `404.html`,
//! `sitemap.xml`, `robots.txt`, redirects and the service worker. `dossier published DIR`
//! updates the ledger of published addresses that later releases must keep or redirect.
//! `dossier synth DIR QUOTES EVENTS [EVENT_ACTORS]` writes a synthetic data folder for benchmarks.
//! `dossier draft SOURCE --data DIR` proposes a new document's records for a curator to
//! confirm (`core::draft`); `dossier check` lists the drafts apart from errors, and
//! `dossier check --release` (the release build's hook) refuses them.

use std::path::Path;
use std::process::ExitCode;
use std::sync::Arc;

use dossier::core::error::DataErrors;
use dossier::core::model::Corpus;
use dossier::core::published::{self, Redirect};
use dossier::core::route::{self, Route};
use dossier::core::search::{QuoteIndex, CHUNK_BYTES};
use dossier::core::site::{self, BaseUrl};
use dossier::core::{load, pack, stats};
use dossier::ui::data::CorpusContext;
use dossier::ui::render;

const USAGE: &str = "usage: dossier check [--release] <data-dir>
       dossier draft <source.txt> --data <data-dir> [--id ID] [--title T] [--publisher P]
                     [--author A] [--published YYYY-MM-DD]
       dossier pages <data-dir> <dist-dir>
       dossier published <data-dir>
       dossier synth <data-dir> <quotes> <events> [<event-actors>]

check:     checks a Dossier data folder (documents.json, actors.json, places.json,
           quotes.json, events.json, sources/, and the optional redirects.json and
           published.txt) and prints every problem found, then the drafts still to
           confirm. With --release, a draft is a problem: a release publishes none.
draft:     drafts a new document from a plain-text article into <data-dir> (new or
           existing): the source copied byte for byte to sources/, its paragraphs typed,
           every quotation and interview answer with a proposed speaker, every date
           expression as a dated event, new actors and places. Every record is marked
           \"draft\" with what to confirm and why; confirming one is setting its \"draft\"
           to null. Existing records are never rewritten.
pages:     turns Trunk's <dist-dir>/index.html into the static site: the data files
           (<dist-dir>/data/), an index.html for every page rendered by the app itself
           (title, description, preview tags, content),
           404.html, sitemap.xml, robots.txt and redirect pages, under a
           Content-Security-Policy. DOSSIER_BASE_URL (e.g. https://dossier.example.org)
           makes canonical, preview and sitemap URLs absolute; Trunk's public URL
           (TRUNK_PUBLIC_URL, from `trunk build --public-url /path/`) puts the site under
           a path of its host. The service worker precaches the data files when they
           total at most 4 MiB (DOSSIER_PRECACHE_DATA sets another number of bytes).
published: updates <data-dir>/published.txt, the ledger of published addresses:
           it keeps every address already there and adds this release's pages.
synth:     writes a synthetic data folder (deterministic; realistic sentences, about
           200 speakers; the events' actors drawn from the first <event-actors> of
           them, all by default) for benchmarks and tests of long lists; build the app
           with it by setting DOSSIER_DATA=<data-dir>.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.iter().map(String::as_str).collect::<Vec<_>>().as_slice() {
        ["check", dir] => check(Path::new(dir), false),
        ["check", "--release", dir] | ["check", dir, "--release"] => check(Path::new(dir), true),
        ["draft", rest @ ..] => draft(rest),
        ["pages", dir, dist] => pages(Path::new(dir), Path::new(dist)),
        ["published", dir] => published(Path::new(dir)),
        ["synth", dir, quotes, events] => match (quotes.parse(), events.parse()) {
            (Ok(quotes), Ok(events)) => synth(Path::new(dir), quotes, events, dossier::synth::SPEAKERS),
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
        ["synth", dir, quotes, events, actors] => match (quotes.parse(), events.parse(), actors.parse()) {
            (Ok(quotes), Ok(events), Ok(actors)) if actors > 0 => synth(Path::new(dir), quotes, events, actors),
            _ => {
                eprintln!("{USAGE}");
                ExitCode::from(2)
            }
        },
        ["-h" | "--help" | "help"] => {
            dossier::out!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// The corpus, its redirects and the ledger of published addresses (if there is one).
type DataFolder = (Corpus, Vec<Redirect>, Option<Vec<String>>, Vec<load::Draft>);

/// A data folder's parts, each parsed but not yet checked against the others.
fn read_all(dir: &Path) -> Result<DataFolder, DataErrors> {
    let (files, mut errors) = load::CorpusFiles::read_dir(dir);
    let (corpus, drafts) = match load::load_with_drafts(&files) {
        Ok(loaded) if errors.is_empty() => loaded,
        Ok(_) => return Err(DataErrors(errors)),
        Err(DataErrors(more)) => {
            errors.extend(more);
            return Err(DataErrors(errors));
        }
    };
    let optional = |name: &str| std::fs::read_to_string(dir.join(name)).ok();
    let redirects = published::parse_redirects(optional(published::REDIRECTS).as_deref()).map_err(|e| DataErrors(vec![e]))?;
    let ledger = optional(published::PUBLISHED).map(|t| published::parse_published(&t));
    Ok((corpus, redirects, ledger, drafts))
}

/// The corpus (drafts left out), its redirects and the drafts, checked together with the
/// ledger of published pages.
fn load_all(dir: &Path) -> Result<(Corpus, Vec<Redirect>, Vec<load::Draft>), DataErrors> {
    let (corpus, redirects, ledger, drafts) = read_all(dir)?;
    let errors = published::check(&corpus, &redirects, ledger.as_deref());
    if errors.is_empty() {
        Ok((corpus, redirects, drafts))
    } else {
        Err(DataErrors(errors))
    }
}

fn check(dir: &Path, release: bool) -> ExitCode {
    match load_all(dir) {
        Ok((corpus, redirects, drafts)) => {
            let s = stats::summary(&corpus);
            if release && !drafts.is_empty() {
                for d in &drafts {
                    eprintln!("{d}");
                }
                eprintln!(
                    "{}: {} draft record{} not yet confirmed: a release publishes no drafts. Confirm each (set its \"draft\" to null) or delete it, then build again.",
                    dir.display(),
                    drafts.len(),
                    if drafts.len() == 1 { "" } else { "s" }
                );
                return ExitCode::FAILURE;
            }
            dossier::out!(
                "{}: ok: {} documents, {} quotes, {} events, {} actors, {} places, {} redirects",
                dir.display(),
                s.documents,
                s.quotes,
                s.events,
                s.actors,
                s.places,
                redirects.len()
            );
            if !drafts.is_empty() {
                dossier::out!("\n{} drafts to confirm (left out of the site until confirmed; set \"draft\" to null to confirm one):", drafts.len());
                for d in &drafts {
                    dossier::out!("  {d}");
                }
            }
            ExitCode::SUCCESS
        }
        Err(errors) => {
            eprintln!("{}: {errors}", dir.display());
            let (files, _) = load::CorpusFiles::read_dir(dir);
            let drafts = load::list_drafts(&files);
            if !drafts.is_empty() {
                eprintln!("\nand {} drafts to confirm (not errors):", drafts.len());
                for d in &drafts {
                    eprintln!("  {d}");
                }
            }
            ExitCode::FAILURE
        }
    }
}

/// `dossier draft SOURCE --data DIR [options]`.
fn draft(args: &[&str]) -> ExitCode {
    use dossier::core::draft::{write, Options};
    let mut source = None;
    let mut data = None;
    let mut options = Options::default();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        let mut value = |name: &str| match it.next() {
            Some(v) => Some(v.to_string()),
            None => {
                eprintln!("{name} needs a value\n{USAGE}");
                None
            }
        };
        let slot = match *arg {
            "--data" => &mut data,
            "--id" => &mut options.id,
            "--title" => &mut options.title,
            "--publisher" => &mut options.publisher,
            "--author" => &mut options.author,
            "--published" => &mut options.published,
            other if !other.starts_with("--") && source.is_none() => {
                source = Some(other.to_owned());
                continue;
            }
            other => {
                eprintln!("unknown argument {other:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        };
        match value(arg) {
            Some(v) => *slot = Some(v),
            None => return ExitCode::from(2),
        }
    }
    let (Some(source), Some(data)) = (source, data) else {
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    };
    let dir = Path::new(&data);
    let bytes = match std::fs::read(&source) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{source}: cannot read: {e}");
            return ExitCode::FAILURE;
        }
    };
    let drafted = match write::draft_into(dir, &bytes, &options) {
        Ok(d) => d,
        Err(why) => {
            eprintln!("{source}: {why}");
            return ExitCode::FAILURE;
        }
    };
    let d = &drafted.document;
    let flagged = d.paragraphs.iter().filter(|p| p.draft.is_some()).count();
    dossier::out!(
        "{}: drafted document {:?} from {source} (sources/{}): {} paragraphs ({flagged} flagged), {} quotes, {} dated events, {} new actors, {} new places; {} scare quotes noted, not drafted.",
        dir.display(),
        d.id,
        drafted.source_name,
        d.paragraphs.len(),
        drafted.quotes.len(),
        drafted.events.len(),
        drafted.actors.len(),
        drafted.places.len(),
        drafted.scare_quotes.len()
    );
    dossier::out!(
        "Every drafted record passes validation; {} to confirm (`dossier check {}` lists every draft of the folder).",
        1 + flagged + drafted.actors.len() + drafted.places.len() + drafted.quotes.len() + drafted.events.len(),
        dir.display()
    );
    ExitCode::SUCCESS
}

fn published(dir: &Path) -> ExitCode {
    let (corpus, redirects, previous) = match read_all(dir) {
        Ok((corpus, redirects, ledger, _)) => (corpus, redirects, ledger.unwrap_or_default()),
        Err(errors) => {
            eprintln!("{}: {errors}", dir.display());
            return ExitCode::FAILURE;
        }
    };
    let ledger = published::next_ledger(&corpus, &redirects, &previous);
    let mut text = String::from("# Every address Dossier has published (updated by `dossier published data/`).\n# An address may stop being a page only with a redirect in redirects.json.\n");
    for href in &ledger {
        text.push_str(href);
        text.push('\n');
    }
    let path = dir.join(published::PUBLISHED);
    if let Err(e) = std::fs::write(&path, text) {
        eprintln!("{}: cannot write: {e}", path.display());
        return ExitCode::FAILURE;
    }
    dossier::out!("{}: {} addresses ({} new)", path.display(), ledger.len(), ledger.len() - previous.len());
    ExitCode::SUCCESS
}

fn synth(dir: &Path, quotes: usize, events: usize, event_actors: usize) -> ExitCode {
    match dossier::synth::write_dir_with(dir, quotes, events, event_actors, 2025) {
        Ok(()) => {
            dossier::out!("{}: wrote {quotes} synthetic quotes and {events} events", dir.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}

fn pages(dir: &Path, dist: &Path) -> ExitCode {
    match write_site(dir, dist) {
        Ok((written, took)) => {
            dossier::out!(
                "{}: wrote {written} pages (loading, citations and data files {:.1} s, previews {:.1} s, pages {:.1} s)",
                dist.display(),
                took[0],
                took[1],
                took[2]
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{}: {e}", dist.display());
            ExitCode::FAILURE
        }
    }
}

/// Up to this size (every data file together), the service worker precaches every data
/// file on a first visit, so every page works offline after it; a larger corpus keeps
/// what each page fetched.
const PRECACHE_DATA_BYTES: usize = 4 << 20;

/// [`PRECACHE_DATA_BYTES`], or the number of bytes `DOSSIER_PRECACHE_DATA` says (0: the
/// worker never precaches data, as for a large corpus).
fn precache_data_bytes() -> Result<usize, String> {
    match std::env::var("DOSSIER_PRECACHE_DATA").as_deref().map(str::trim) {
        Ok("") | Err(_) => Ok(PRECACHE_DATA_BYTES),
        Ok(bytes) => bytes.parse().map_err(|_| format!("DOSSIER_PRECACHE_DATA={bytes}: expected a number of bytes, such as 4194304 (0: never)")),
    }
}

/// Whether the build shards the search index: `DOSSIER_SEARCH=sharded` or `whole` says
/// so; otherwise a corpus of more than [`pack::SHARDED_SEARCH_FROM`] quotes is sharded,
/// so a search fetches what its words need instead of every quote.
fn sharded_search_wanted(corpus: &Corpus) -> Result<bool, String> {
    match std::env::var("DOSSIER_SEARCH").as_deref().map(str::trim) {
        Ok("sharded") => Ok(true),
        Ok("whole") => Ok(false),
        Ok("" | "auto") | Err(_) => Ok(corpus.quotes.len() > pack::SHARDED_SEARCH_FROM),
        Ok(other) => Err(format!("DOSSIER_SEARCH={other}: expected sharded, whole or auto")),
    }
}

/// Whether to draw link preview images: yes unless `DOSSIER_PREVIEWS` is `off` (for a
/// corpus so large that drawing an image per quote costs too much build time).
fn previews_wanted() -> bool {
    !matches!(std::env::var("DOSSIER_PREVIEWS").as_deref().map(str::trim), Ok("off" | "0" | "false" | "no"))
}

/// Draws the preview image of every quote and event, and the site's, into
/// `dist/previews`. Images are named by their content, and drawn ones are kept in a cache
/// folder (`DOSSIER_PREVIEW_CACHE`, or `target/dossier-previews`), so a rebuild draws only
/// the cards that changed. Drawing runs on every core.
fn draw_previews(corpus: &Corpus, dist: &Path) -> Result<(), String> {
    use dossier::core::cite::Cited;
    use dossier::core::preview;
    let cache = std::env::var_os("DOSSIER_PREVIEW_CACHE").map_or_else(|| Path::new("target").join("dossier-previews"), Into::into);
    std::fs::create_dir_all(dist.join(preview::DIR)).map_err(|e| format!("cannot create {}: {e}", dist.join(preview::DIR).display()))?;
    let cache = std::fs::create_dir_all(&cache).is_ok().then_some(cache);
    let mut cards = vec![preview::card(corpus, None)];
    cards.extend(corpus.quotes.iter().map(|q| preview::card(corpus, Some(Cited::Quote(q)))));
    cards.extend(corpus.events.iter().map(|e| preview::card(corpus, Some(Cited::Event(e)))));
    cards.sort_by_key(preview::Card::file);
    cards.dedup_by_key(|c| c.file());
    let fonts = preview::Fonts::new();
    let threads = dossier::core::par::threads();
    let drawn = std::sync::atomic::AtomicUsize::new(0);
    let started = std::time::Instant::now();
    dossier::core::par::runs(&cards, |cards| -> Result<(), String> {
        for card in cards {
            let file = card.file();
            let target = dist.join(&file);
            let cached = cache.as_ref().map(|c| c.join(file.trim_start_matches(&format!("{}/", preview::DIR))));
            // A cached image is used only if it is a whole PNG (a build stopped
            // while writing one must not leave a broken image for good).
            if let Some(bytes) = cached.as_ref().and_then(|c| std::fs::read(c).ok()).filter(|b| whole_png(b)) {
                if std::fs::write(&target, &bytes).is_ok() {
                    continue;
                }
            }
            let png = preview::png(&fonts, card)?;
            drawn.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            std::fs::write(&target, &png).map_err(|e| format!("cannot write {}: {e}", target.display()))?;
            if let Some(cached) = cached {
                // Written aside and renamed, so the cache never holds half a file.
                let aside = cached.with_extension(format!("part-{}", std::process::id()));
                if std::fs::write(&aside, &png).is_ok() && std::fs::rename(&aside, &cached).is_err() {
                    let _ = std::fs::remove_file(&aside);
                }
            }
        }
        Ok(())
    })
    .into_iter()
    .collect::<Result<(), String>>()?;
    let drawn = drawn.load(std::sync::atomic::Ordering::Relaxed);
    let bytes: u64 = cards.iter().filter_map(|c| std::fs::metadata(dist.join(c.file())).ok()).map(|m| m.len()).sum();
    eprintln!(
        "previews: {} images, {bytes} B; {drawn} drawn and {} from the cache in {:.1} s on {threads} threads",
        cards.len(),
        cards.len() - drawn,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// Whether `bytes` is a PNG from its signature to its closing IEND chunk.
fn whole_png(bytes: &[u8]) -> bool {
    bytes.starts_with(b"\x89PNG\r\n\x1a\n") && bytes.ends_with(&[0, 0, 0, 0, b'I', b'E', b'N', b'D', 0xAE, 0x42, 0x60, 0x82])
}

/// Writes the site; returns how many pages, and the seconds its phases took (loading,
/// citations and data files; previews; pages), for the build's log.
fn write_site(dir: &Path, dist: &Path) -> Result<(usize, [f64; 3]), String> {
    let started = std::time::Instant::now();
    let mut took = [0.0; 3];
    let (corpus, redirects, _drafts) = load_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    // The path the site is served under is Trunk's public URL (`trunk build --public-url
    // /dossier/`, which Trunk's own tags in the shell already carry).
    let public_url = std::env::var("TRUNK_PUBLIC_URL").unwrap_or_default();
    route::set_base(&public_url).map_err(|e| format!("Trunk's public URL: {e}"))?;
    let base = BaseUrl::for_site(std::env::var("DOSSIER_BASE_URL").ok().as_deref(), route::base())?;
    let precache_limit = precache_data_bytes()?;
    let shell = std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("cannot read index.html: {e}"))?;
    let (shell, scripts) = site::harden_shell(&shell).map_err(|e| format!("index.html: {e}"))?;
    let write = |path: &Path, content: &[u8]| -> Result<(), String> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("cannot create {}: {e}", parent.display()))?;
        }
        std::fs::write(path, content).map_err(|e| format!("cannot write {}: {e}", path.display()))
    };
    for script in &scripts {
        write(&dist.join(&script.file_name), script.content.as_bytes())?;
    }
    let pending = format!("pending-{:016x}.js", pack::content_hash(site::PENDING_SCRIPT.as_bytes()));
    write(&dist.join(&pending), site::PENDING_SCRIPT.as_bytes())?;

    // The data files: the corpus checked above, its index built here, for the browser.
    let index = QuoteIndex::new(&corpus);
    // APA and Chicago, rendered here by the CSL engine so the browser only shows them.
    let citations = Arc::new(dossier::core::cite::styled_all(&corpus, &base));
    let previews = previews_wanted();
    let sharded = sharded_search_wanted(&corpus)?;
    let pack::Encoded { files, slices } = pack::encode(&corpus, &index, &citations, base.as_str(), previews, pack::MAX_RECORDS, sharded.then_some(CHUNK_BYTES))?;
    let data_dir = dist.join(pack::DATA_DIR);
    // Files of an earlier build are not this release's.
    if data_dir.is_dir() {
        std::fs::remove_dir_all(&data_dir).map_err(|e| format!("cannot clear {}: {e}", data_dir.display()))?;
    }
    for file in &files {
        write(&data_dir.join(&file.name), &file.bytes)?;
    }
    let manifest_href = pack::href(&files[0].name);
    let manifest = pack::read_manifest(&manifest_href, &files[0].bytes).map_err(|e| e.to_string())?;

    took[0] = started.elapsed().as_secs_f64();
    if previews {
        draw_previews(&corpus, dist)?;
    }
    took[1] = started.elapsed().as_secs_f64() - took[0];
    let ctx = CorpusContext::with_index(Arc::new(corpus), index, base.clone()).with_citations(Some(citations)).with_previews(previews);
    render::init();
    let page = |route: &Route| -> Result<Vec<u8>, String> {
        let need = pack::need_for(&route.page());
        let slice = need.slice.as_ref().and_then(|key| slices.get(key));
        let lists = matches!(route, Route::Quotes(_) | Route::Timeline(_));
        // A query on a list needs every quote and the index (where the search is sharded,
        // its terms and columns), or every event: preloaded only then. Where that is the
        // whole of what the list's slice is cut from (`need.instead`), the app draws the
        // page from it, not from the slice: the slice is then preloaded only without such
        // a query, or with actors chosen on the timeline (`site::QueryData`).
        let (query_data, slice_without_query): (Vec<String>, bool) = match route {
            Route::Quotes(_) if manifest.search.is_some() => {
                (manifest.shards.iter().filter(|s| matches!(s.kind, pack::Kind::Terms | pack::Kind::Columns)).map(|s| s.href()).collect(), false)
            }
            Route::Quotes(_) | Route::Timeline(_) => (manifest.shards_for(need.instead.without(need.parts)).map(|s| s.href()).collect(), true),
            _ => (Vec::new(), false),
        };
        let slice_href = slice.map(|f| pack::href(f));
        let (slice_first, slice_otherwise) = if slice_without_query { (None, slice_href) } else { (slice_href, None) };
        let preload: Vec<String> = manifest.shards_for(need.parts).map(|s| s.href()).chain(slice_first).collect();
        let pending_script = lists.then(|| route::asset(&format!("/{pending}")));
        let query = site::QueryData { files: &query_data, otherwise: slice_otherwise.as_slice() };
        let head = site::head_plumbing(&manifest_href, Some(route), &preload, slice.map(String::as_str), pending_script.as_deref(), &query);
        render::render_page(&shell, &ctx, route, &head).map(String::into_bytes).map_err(|e| format!("{}: {e}", route.address()))
    };
    // Every page on every core: each is rendered under its own reactive owner, so the
    // routes are split into one run per core; the first error (in route order) is reported.
    let routes: Vec<Route> = route::every_page(&ctx.corpus);
    dossier::core::par::runs(&routes, |run| {
        run.iter().try_for_each(|route| {
            // Ids are slugs, so a page's address is already a safe relative folder path.
            write(&dist.join(route.address().trim_start_matches('/')).join("index.html"), &page(route)?)
        })
    })
    .into_iter()
    .collect::<Result<(), String>>()?;
    let hrefs: Vec<String> = routes.iter().map(Route::href).collect();
    write(&dist.join("404.html"), &page(&Route::NotFound { path: String::new() })?)?;
    // The corpus's redirects, and each folder of pages sent on to the page that lists
    // them (unless the corpus's own redirects say otherwise).
    let folders = route::FOLDERS_LISTED
        .iter()
        .filter(|f| !redirects.iter().any(|r| r.from.trim_end_matches('/') == f.folder))
        .map(|f| (f.folder.to_owned(), (f.listing)().address()));
    for (from, to) in redirects.iter().map(|r| (r.from.clone(), r.to.clone())).chain(folders) {
        let html = site::redirect_page(&to, &base, site::CONTENT_SECURITY_POLICY);
        write(&dist.join(from.trim_start_matches('/')).join("index.html"), html.as_bytes())?;
    }
    write(&dist.join("sitemap.xml"), site::sitemap(&hrefs, &base).as_bytes())?;
    write(&dist.join("robots.txt"), site::robots(&base).as_bytes())?;
    // The app shell with no page in it, for the service worker's offline answers: the app
    // renders whatever the URL asks for into its empty body.
    let app_shell_head = format!("{}<title>Dossier</title>", site::head_plumbing(&manifest_href, None, &[], None, None, &site::QueryData::default()));
    write(&dist.join(site::APP_SHELL), site::fill_shell(&shell, &app_shell_head, "")?.as_bytes())?;
    // The service worker precaches every top-level file of the build; its version is a
    // hash of their contents (the pages name the data, so new data is a new version).
    let mut precache = Vec::new();
    let mut contents = Vec::new();
    let entries = std::fs::read_dir(dist).map_err(|e| format!("cannot list {}: {e}", dist.display()))?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let precached = [".wasm", ".js", ".css", ".svg", ".html"].iter().any(|ext| name.ends_with(ext));
        if entry.path().is_file() && precached && name != "sw.js" {
            contents.extend(std::fs::read(entry.path()).map_err(|e| format!("cannot read {name}: {e}"))?);
            precache.push(route::asset(&format!("/{name}")));
        }
    }
    // The data files too, while they are small (the bundled corpus: every page works
    // offline after a first visit); a large corpus keeps what each page fetched instead.
    let data_bytes: usize = files.iter().map(|f| f.bytes.len()).sum();
    if data_bytes <= precache_limit {
        precache.extend(files.iter().map(|f| pack::href(&f.name)));
    }
    precache.sort();
    let version = format!("{:016x}", pack::content_hash(&contents));
    write(&dist.join("sw.js"), site::service_worker(&version, &precache).as_bytes())?;
    took[2] = started.elapsed().as_secs_f64() - took[0] - took[1];
    Ok((hrefs.len(), took))
}
