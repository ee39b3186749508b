//! `dossier check`: what a curator sees.

use std::process::Command;

use super::root;

fn check(dir: &str) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier")).args(["check", &root(dir).to_string_lossy()]).output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

#[test]
fn valid_folder_exits_zero_with_counts() {
    let (code, out, _) = check("tests/fixtures/minimal");
    assert_eq!(code, 0);
    assert!(out.ends_with("ok: 1 documents, 1 quotes, 1 events, 2 actors, 1 places, 0 redirects\n"), "{out}");
}

#[test]
fn broken_folder_lists_every_problem_and_exits_one() {
    let (code, _, err) = check("tests/fixtures/broken");
    assert_eq!(code, 1);
    let want = [
        "documents.json: one paragraph 1: text is not an exact piece of sources/one.txt",
        r#"quotes.json: Bad Id: id "Bad Id" must be lower-case letters, digits and single hyphens"#,
        r#"quotes.json: Bad Id: speaker "nobody" is not an actor in actors.json"#,
        "quotes.json: Bad Id: text is not an exact substring of one paragraph 1",
        r#"quotes.json: q2: kind "musing" is not one of: statement, interview-answer, pull-quote, reported-speech"#,
        r#"quotes.json: q2: document "one" has no paragraph 9"#,
        r#"events.json: e1: date: precision "day" needs a start like "2024-12-08""#,
        r#"events.json: e1: role "hero" is not one of: participant, target, mediator, host, source, mentioned"#,
        r#"events.json: e1: place "atlantis" is not a place in places.json"#,
        "events.json: e1: this id is used by an earlier record",
        "10 problems found",
    ];
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), want.len(), "{err}");
    for (line, want) in lines.iter().zip(want) {
        assert!(line.ends_with(want), "{line:?} should end with {want:?}");
    }
}

#[test]
fn wrong_usage_exits_two() {
    let out = Command::new(env!("CARGO_BIN_EXE_dossier")).arg("frobnicate").output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("usage: dossier check [--release] <data-dir>"));
}

/// A fresh copy of the minimal corpus in a temporary folder, for commands that need to
/// change it or write next to it.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dossier-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let data = dir.join("data");
    std::fs::create_dir_all(data.join("sources")).unwrap();
    let fixture = root("tests/fixtures/minimal");
    for entry in std::fs::read_dir(&fixture).unwrap().chain(std::fs::read_dir(fixture.join("sources")).unwrap()) {
        let entry = entry.unwrap();
        if entry.path().is_file() {
            let rel = entry.path().strip_prefix(&fixture).unwrap().to_owned();
            std::fs::copy(entry.path(), data.join(rel)).unwrap();
        }
    }
    dir
}

fn run(args: &[&std::path::Path], command: &str, base: Option<&str>) -> (i32, String, String) {
    run_with(args, command, base, &[])
}

/// [`run`] with more environment; drawn previews are cached in a scratch folder, not the
/// repository's `target/`, unless `envs` names another.
fn run_with(args: &[&std::path::Path], command: &str, base: Option<&str>, envs: &[(&str, &std::ffi::OsStr)]) -> (i32, String, String) {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_dossier"));
    cmd.arg(command).args(args);
    cmd.env("DOSSIER_PREVIEW_CACHE", std::env::temp_dir().join(format!("dossier-cli-previews-{}", std::process::id())));
    cmd.env_remove("DOSSIER_PREVIEWS");
    cmd.env_remove("TRUNK_PUBLIC_URL");
    for (key, value) in envs {
        cmd.env(key, value);
    }
    match base {
        Some(b) => cmd.env("DOSSIER_BASE_URL", b),
        None => cmd.env_remove("DOSSIER_BASE_URL"),
    };
    let out = cmd.output().unwrap();
    (out.status.code().unwrap_or(-1), String::from_utf8_lossy(&out.stdout).into(), String::from_utf8_lossy(&out.stderr).into())
}

/// The minimal corpus in a scratch folder (returned with its `data` and `dist`), whose
/// quote was published as "old-words" and has since been renamed (a redirect), with a
/// shell in `dist` as Trunk writes it for the public URL `base` (`""` for the root).
fn renamed_quote_site(name: &str, base: &str) -> (std::path::PathBuf, std::path::PathBuf, std::path::PathBuf) {
    let dir = scratch(name);
    let (data, dist) = (dir.join("data"), dir.join("dist"));
    std::fs::create_dir_all(&dist).unwrap();
    std::fs::write(
        dist.join("index.html"),
        format!("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><!--HEAD--><script type=\"module\">import init from '{base}/app.js'; await init();</script></head><body></body></html>"),
    )
    .unwrap();
    std::fs::write(data.join("published.txt"), "/\n/quotes/old-words\n/quotes/we-chose-change\n").unwrap();
    std::fs::write(data.join("redirects.json"), r#"[{"from": "/quotes/old-words", "to": "/quotes/we-chose-change", "reason": "renamed"}]"#).unwrap();
    (dir, data, dist)
}

#[test]
fn pages_writes_the_static_site_with_redirects_sitemap_and_a_hardened_shell() {
    let (dir, data, dist) = renamed_quote_site("pages", "");
    let (code, out, err) = run(&[&data, &dist], "pages", Some("https://d.example/"));
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("wrote"), "{out}");
    let read = |p: &str| std::fs::read_to_string(dist.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    let quote = read("quotes/we-chose-change/index.html");
    assert!(quote.contains("<link href=\"https://d.example/quotes/we-chose-change\" rel=\"canonical\">"), "{quote}");
    assert!(quote.contains("<meta property=\"og:url\" content=\"https://d.example/quotes/we-chose-change\">"));
    assert!(quote.contains("We chose change"));
    assert!(quote.contains("Content-Security-Policy"));
    assert!(!quote.contains("import init"), "the loader moved to a file");
    let moved = read("quotes/old-words/index.html");
    assert!(moved.contains("url=/quotes/we-chose-change"), "{moved}");
    // An event's address trimmed to its folder leads to the timeline, which lists them.
    let events = read("events/index.html");
    assert!(events.contains("url=/timeline\"") && events.contains("noindex"), "{events}");
    assert!(read("sitemap.xml").contains("<loc>https://d.example/quotes/we-chose-change</loc>"));
    assert!(!read("sitemap.xml").contains("old-words"));
    assert!(read("robots.txt").contains("Sitemap: https://d.example/sitemap.xml"));
    assert!(read("404.html").contains("<h1>Page not found"));
    let shell = read("app-shell.html");
    assert!(shell.contains("<body></body>") && shell.contains("<meta name=\"dossier-data\"") && !shell.contains("dossier-page"), "{shell}");
    // The data files the pages name are there, and decode.
    let at = quote.find("<meta name=\"dossier-data\" content=\"").unwrap() + 35;
    let manifest_href = &quote[at..at + quote[at..].find('"').unwrap()];
    let manifest = dossier::core::pack::read_manifest(manifest_href, &std::fs::read(dist.join(manifest_href.trim_start_matches('/'))).unwrap()).unwrap();
    assert_eq!(manifest.base_url.as_deref(), Some("https://d.example"));
    for shard in &manifest.shards {
        let bytes = std::fs::read(dist.join(shard.href().trim_start_matches('/'))).unwrap();
        dossier::core::pack::read_shard(shard, &bytes).unwrap();
        if matches!(shard.kind, dossier::core::pack::Kind::Quotes | dossier::core::pack::Kind::Events) {
            assert!(!quote.contains(&shard.href()), "a quote page does not fetch every {:?}", shard.kind);
        }
    }
    // It names and preloads its own slice, which holds the quote.
    let at = quote.find("<meta name=\"dossier-slice\" content=\"").unwrap() + 36;
    let slice = dossier::core::pack::ShardRef::slice_named(&quote[at..at + quote[at..].find('"').unwrap()]).unwrap();
    assert!(quote.contains(&format!("<link rel=\"preload\" href=\"{}\"", slice.href())), "{quote}");
    match dossier::core::pack::read_shard(&slice, &std::fs::read(dist.join(slice.href().trim_start_matches('/'))).unwrap()).unwrap() {
        dossier::core::pack::Shard::Slice(s) => assert_eq!(s.key, "quote/we-chose-change"),
        other => panic!("{other:?}"),
    }
    let sw = read("sw.js");
    assert!(sw.contains("\"/app-shell.html\"") && sw.contains("\"/index.html\""), "{sw}");
    let loader = std::fs::read_dir(&dist).unwrap().flatten().find(|e| e.file_name().to_string_lossy().starts_with("script-")).unwrap();
    assert!(std::fs::read_to_string(loader.path()).unwrap().contains("import init"));

    // Dropping the redirect breaks the promise made by published.txt: build and check fail.
    std::fs::write(data.join("redirects.json"), "[]").unwrap();
    let (code, _, err) = run(&[&data, &dist], "pages", None);
    assert_eq!(code, 1);
    assert!(err.contains("published.txt: /quotes/old-words: this address was published but is no longer a page"), "{err}");
    let (code, _, err) = run(&[&data], "check", None);
    assert_eq!(code, 1);
    assert!(err.contains("/quotes/old-words"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Every root-relative URL in `html`'s attributes (`href="/…"`, `src="/…"`, `content="/…"`).
fn rooted_urls(html: &str) -> Vec<String> {
    let mut urls = Vec::new();
    for attribute in ["href=\"/", "src=\"/", "content=\"/", "action=\"/", "url=/"] {
        let mut rest = html;
        while let Some(at) = rest.find(attribute) {
            let start = at + attribute.len() - 1;
            let end = rest[start..].find(['"', ' ']).map_or(rest.len(), |e| e + start);
            urls.push(rest[start..end].to_owned());
            rest = &rest[end..];
        }
    }
    urls
}

#[test]
fn pages_under_a_base_path_put_every_url_under_it_and_keep_the_site_folders_and_addresses() {
    let (dir, data, dist) = renamed_quote_site("pages-base", "/sub");
    let public = [("TRUNK_PUBLIC_URL", "/sub/".as_ref()), ("DOSSIER_PREVIEWS", "off".as_ref())];
    let (code, _, err) = run_with(&[&data, &dist], "pages", Some("https://d.example/sub/"), &public);
    assert_eq!(code, 0, "{err}");
    let read = |p: &str| std::fs::read_to_string(dist.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"));
    // The site's folders are its addresses, as at the root: the host serves them under /sub/.
    let quote = read("quotes/we-chose-change/index.html");
    assert!(quote.contains("<meta name=\"dossier-base\" content=\"/sub\">"), "{quote}");
    assert!(quote.contains("<link href=\"https://d.example/sub/quotes/we-chose-change\" rel=\"canonical\">"), "{quote}");
    assert!(quote.contains("href=\"/sub/quotes\""), "the navigation is under /sub");
    // The icon's link and the header's image name one address: a page fetches it once.
    assert!(quote.contains("<link rel=\"icon\" href=\"/sub/favicon.svg\" type=\"image/svg+xml\">"), "{quote}");
    assert_eq!(quote.matches("/sub/favicon.svg").count(), 2, "{quote}");
    for page in ["index.html", "quotes/index.html", "timeline/index.html", "quotes/we-chose-change/index.html", "404.html", "app-shell.html", "quotes/old-words/index.html"] {
        let html = read(page);
        let urls = rooted_urls(&html);
        assert!(!urls.is_empty(), "{page}");
        for url in urls {
            assert!(url == "/sub" || url.starts_with("/sub/"), "{page}: {url} is outside /sub/");
        }
    }
    assert!(read("quotes/old-words/index.html").contains("url=/sub/quotes/we-chose-change"));
    assert!(read("events/index.html").contains("url=/sub/timeline\""), "{}", read("events/index.html"));
    assert!(read("sitemap.xml").contains("<loc>https://d.example/sub/quotes/we-chose-change</loc>"));
    assert!(read("sitemap.xml").contains("<loc>https://d.example/sub/</loc>"));
    assert!(read("robots.txt").contains("Sitemap: https://d.example/sub/sitemap.xml"));
    let sw = read("sw.js");
    assert!(sw.contains("const SHELL = \"/sub/app-shell.html\"") && sw.contains("const DATA = \"/sub/data/\"") && sw.contains("\"/sub/index.html\""), "{sw}");
    assert!(sw.contains("const PREFIX = 'dossier|' + \"/sub\" + '|';"), "a cache of its own: {sw}");
    assert!(!sw.contains("\"/index.html\""), "{sw}");
    // The data files the page names are where the host serves them.
    let at = quote.find("<meta name=\"dossier-data\" content=\"").unwrap() + 35;
    let manifest_href = &quote[at..at + quote[at..].find('"').unwrap()];
    let file = manifest_href.strip_prefix("/sub/").unwrap_or_else(|| panic!("{manifest_href}"));
    let manifest = dossier::core::pack::read_manifest(file, &std::fs::read(dist.join(file)).unwrap()).unwrap();
    assert_eq!(manifest.base_url.as_deref(), Some("https://d.example"), "hrefs carry the path, the base URL its host");
    // The ledger (published.txt) is in addresses from the site's root, and the redirect
    // above, also in addresses, answered for its old one: the build passed its check.

    // A base URL that names another path, or a public URL that is not a path: refused, with why.
    let (code, _, err) = run_with(&[&data, &dist], "pages", Some("https://d.example/"), &public);
    assert_eq!(code, 1);
    assert!(err.contains("puts the site under /, but it is built for /sub/ (Trunk's public URL)"), "{err}");
    let (code, _, err) = run_with(&[&data, &dist], "pages", None, &[("TRUNK_PUBLIC_URL", "https://cdn.example/".as_ref())]);
    assert_eq!(code, 1);
    assert!(err.contains("Trunk's public URL: the base path \"https://cdn.example/\" must start with '/'"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn published_adds_this_releases_pages_and_keeps_the_old_addresses() {
    let dir = scratch("published");
    let data = dir.join("data");
    std::fs::write(data.join("published.txt"), "# old\n/quotes/old-words\n").unwrap();
    std::fs::write(data.join("redirects.json"), r#"[{"from": "/quotes/old-words", "to": "/quotes/we-chose-change"}]"#).unwrap();
    let (code, out, err) = run(&[&data], "published", None);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("addresses (") && out.contains(" new)"), "{out}");
    let ledger = std::fs::read_to_string(data.join("published.txt")).unwrap();
    let lines: Vec<&str> = ledger.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(lines[..3], ["/quotes/old-words", "/", "/quotes"]);
    assert!(lines.contains(&"/quotes/we-chose-change"));
    // Run again: nothing new, nothing lost.
    let (_, out, _) = run(&[&data], "published", None);
    assert!(out.contains("(0 new)"), "{out}");
    assert_eq!(std::fs::read_to_string(data.join("published.txt")).unwrap(), ledger);
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn pages_draws_each_preview_once_and_none_when_turned_off() {
    let dir = scratch("previews");
    let (data, dist) = (dir.join("data"), dir.join("dist"));
    let shell = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><!--HEAD--></head><body></body></html>";
    let cache = dir.join("cache");
    let fresh = |name: &str| {
        let dist = dir.join(name);
        std::fs::create_dir_all(&dist).unwrap();
        std::fs::write(dist.join("index.html"), shell).unwrap();
        dist
    };
    let image_of = |dist: &std::path::Path| {
        let page = std::fs::read_to_string(dist.join("quotes/we-chose-change/index.html")).unwrap();
        let at = page.find("<meta property=\"og:image\" content=\"/")?;
        let rest = &page[at + 36..];
        Some(rest[..rest.find('"').unwrap()].to_owned())
    };
    let env = [("DOSSIER_PREVIEW_CACHE", cache.as_os_str())];
    let (code, _, err) = run_with(&[&data, &fresh("dist")], "pages", None, &env);
    assert_eq!(code, 0, "{err}");
    let line = err.lines().find(|l| l.starts_with("previews: ")).unwrap_or_else(|| panic!("{err}"));
    assert!(line.contains(" 0 from the cache"), "{line}");
    let image = image_of(&dist).expect("the quote page names its image");
    let png = std::fs::read(dist.join(&image)).unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n", "{image}");
    // A second build draws nothing: every card is in the cache.
    let again = fresh("again");
    let (code, _, err) = run_with(&[&data, &again], "pages", None, &env);
    assert_eq!(code, 0, "{err}");
    let line = err.lines().find(|l| l.starts_with("previews: ")).unwrap();
    assert!(line.contains("; 0 drawn and "), "{line}");
    assert_eq!(std::fs::read(again.join(&image)).unwrap(), png);
    // A cached image cut short (a build stopped while writing it) is drawn again.
    let cached = cache.join(image.trim_start_matches("previews/"));
    std::fs::write(&cached, &png[..png.len() / 2]).unwrap();
    let third = fresh("third");
    let (code, _, err) = run_with(&[&data, &third], "pages", None, &env);
    assert_eq!(code, 0, "{err}");
    assert!(err.contains("; 1 drawn and "), "{err}");
    assert_eq!(std::fs::read(third.join(&image)).unwrap(), png);
    assert_eq!(std::fs::read(&cached).unwrap(), png);
    // Turned off: no images, and no page names one.
    let off = fresh("off");
    let (code, _, err) = run_with(&[&data, &off], "pages", None, &[("DOSSIER_PREVIEWS", "off".as_ref()), env[0]]);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("previews: ") && !off.join("previews").exists());
    assert_eq!(image_of(&off), None);
    let page = std::fs::read_to_string(off.join("quotes/we-chose-change/index.html")).unwrap();
    assert!(page.contains("<meta name=\"twitter:card\" content=\"summary\">"), "{page}");
    let _ = std::fs::remove_dir_all(&dir);
}
