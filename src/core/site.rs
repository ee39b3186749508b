//! The static site around the pages: the hardened shell every page is poured into, the
//! build's own head tags, `sitemap.xml`, `robots.txt`, the pages that send a retired id
//! on to its successor, and the service worker. Page markup is not written here: every
//! page is the app's own components rendered natively (`src/ui/render.rs`).
//!
//! Invariant: every piece of data or URL text goes through [`escape`]; markup comes only
//! from the literals in this file.

use std::fmt::Write as _;

use crate::core::meta::SITE_NAME;
use crate::core::pack::{content_hash as hash, MANIFEST_META, SLICE_META};
use crate::core::route::{keys as key, Route};

/// How many items a long list shows at first (the app adds more a page at a time), so a
/// corpus of 100,000 quotes does not make a page of 100,000 quotes.
pub const LIST_PAGE: usize = 100;

/// How many of an actor's quotes and events their page shows, with the whole counts and
/// links to all of them in the quote search and on the timeline (which sort, filter and
/// export them): about a screenful of quotes and two of events, so a prolific speaker's
/// page is as light and as quick to open as anyone's.
pub const ACTOR_QUOTES: usize = 20;
pub const ACTOR_EVENTS: usize = 50;

/// Escapes text for HTML element content and double- or single-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Where the site lives, for absolute URLs in canonical links, previews and the sitemap:
/// its scheme and host (hrefs carry the path the site is served under,
/// [`crate::core::route::base`]). `None` writes host-relative URLs (`/quotes/x`), which
/// work on any host.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BaseUrl(Option<String>);

impl BaseUrl {
    /// `https://example.org` or `https://example.org/` (the trailing slash is dropped);
    /// an empty value means host-relative.
    pub fn new(base: Option<&str>) -> BaseUrl {
        BaseUrl(base.map(|b| b.trim().trim_end_matches('/').to_owned()).filter(|b| !b.is_empty()))
    }

    /// The site's address as a reader gives it (`https://owner.github.io/dossier/`), for a
    /// site served under `base_path` ([`crate::core::route::base`]): its scheme and host,
    /// once its path is checked to be that base path (a canonical URL with another path
    /// would name pages that are not there).
    pub fn for_site(address: Option<&str>, base_path: &str) -> Result<BaseUrl, String> {
        let Some(address) = address.map(str::trim).filter(|a| !a.is_empty()) else { return Ok(BaseUrl(None)) };
        let host_at = address.find("://").map(|i| i + 3).filter(|&i| i < address.len()).ok_or_else(|| {
            format!("DOSSIER_BASE_URL {address:?} is not an absolute URL such as https://dossier.example.org")
        })?;
        let path_at = address[host_at..].find(['/', '?', '#']).map_or(address.len(), |i| i + host_at);
        let (origin, path) = address.split_at(path_at);
        let path = crate::core::route::normalize_base(path).map_err(|e| format!("DOSSIER_BASE_URL {address:?}: {e}"))?;
        if path != base_path {
            let shown = |p: &str| if p.is_empty() { "/".to_owned() } else { format!("{p}/") };
            return Err(format!(
                "DOSSIER_BASE_URL {address:?} puts the site under {}, but it is built for {} (Trunk's public URL): build with `trunk build --public-url {}` or give DOSSIER_BASE_URL that path",
                shown(&path),
                shown(base_path),
                shown(&path)
            ));
        }
        Ok(BaseUrl(Some(origin.to_owned())))
    }

    /// The URL of an href: absolute when a base is set.
    pub fn url(&self, href: &str) -> String {
        match &self.0 {
            Some(base) => format!("{base}{href}"),
            None => href.to_owned(),
        }
    }

    /// The base, if one is set.
    pub fn as_str(&self) -> Option<&str> {
        self.0.as_deref()
    }

    pub fn is_absolute(&self) -> bool {
        self.0.is_some()
    }
}

/// What a list page preloads depending on its URL's query, which only the page's pending
/// script ([`PENDING_SCRIPT`]) can read: `files` when the query needs them (`/quotes?q=…`
/// every quote and the index, `/timeline?from=…` every event), else `otherwise` (the
/// list's first page, which those files replace). On the timeline `otherwise` is also
/// preloaded when actors are chosen (`/timeline?actor=…&from=…` is drawn from their lanes
/// and the first page; every event only counts the actor picker's options).
#[derive(Clone, Copy, Debug, Default)]
pub struct QueryData<'a> {
    pub files: &'a [String],
    pub otherwise: &'a [String],
}

/// The build's own tags in a page's head (not page markup, which the components write):
/// where the data is, which page this file was rendered for, and the data files the page
/// fetches first (a record page's slice named too), preloaded so they arrive with the
/// wasm instead of after it; and ([`QueryData`]) those that depend on the URL's query,
/// which the pending script preloads, choosing by the query (`/quotes?q=…` needs
/// every quote and the index, `/quotes` only its first page; `/timeline?from=…` every
/// event, `/timeline` only its first view, `/timeline?actor=…` that actor's lane, which
/// the app finds through the catalog).
pub fn head_plumbing(manifest_href: &str, rendered: Option<&Route>, preload: &[String], slice: Option<&str>, pending_script: Option<&str>, query: &QueryData) -> String {
    let mut h = String::new();
    let _ = write!(h, "<meta name=\"{MANIFEST_META}\" content=\"{}\">", escape(manifest_href));
    // The icon: the one address the header's image also uses, so a page fetches it once.
    let _ = write!(h, "<link rel=\"icon\" href=\"{}\" type=\"image/svg+xml\">", escape(&crate::core::route::asset(ICON)));
    let base = crate::core::route::base();
    if !base.is_empty() {
        let _ = write!(h, "<meta name=\"{BASE_META}\" content=\"{}\">", escape(base));
    }
    if let Some(file) = slice {
        let _ = write!(h, "<meta name=\"{SLICE_META}\" content=\"{}\">", escape(file));
    }
    if let Some(route) = rendered {
        let _ = write!(h, "<meta name=\"{RENDERED_META}\" content=\"{}\">", escape(&route.href()));
    }
    // The keys whose value makes `files` needed, and those whose value needs `otherwise` still.
    let (keys, keep) = match rendered {
        Some(Route::Quotes(_)) => (&key::QUOTES[..], &[][..]),
        Some(Route::Timeline(_)) => (&key::TIMELINE_EVERY_EVENT[..], &[key::ACTOR][..]),
        _ => (&[][..], &[][..]),
    };
    let by_query = !query.files.is_empty() && !keys.is_empty() && pending_script.is_some();
    // Without the script to choose, what a page without a query needs is preloaded as it is.
    let otherwise = if by_query { &[][..] } else { query.otherwise };
    for href in std::iter::once(manifest_href).chain(preload.iter().chain(otherwise).map(String::as_str)) {
        let _ = write!(h, "<link rel=\"preload\" href=\"{}\" as=\"fetch\" crossorigin=\"anonymous\">", escape(href));
    }
    if by_query {
        let _ = write!(h, "<meta name=\"{QUERY_DATA_META}\" content=\"{}\" data-keys=\"{}\"", escape(&query.files.join(" ")), keys.join(" "));
        if !query.otherwise.is_empty() {
            let _ = write!(h, " data-otherwise=\"{}\"", escape(&query.otherwise.join(" ")));
            if !keep.is_empty() {
                let _ = write!(h, " data-keep=\"{}\"", keep.join(" "));
            }
        }
        h.push('>');
    }
    if let Some(src) = pending_script {
        let _ = write!(h, "<script src=\"{}\"></script>", escape(src));
    }
    h
}

/// The site's icon, copied to the site's root by Trunk (`index.html`): every page's
/// `<link rel="icon">` ([`head_plumbing`]) and the header's image (`ui::app`) name it at
/// one address ([`crate::core::route::asset`]), so a first visit fetches it once.
pub const ICON: &str = "/favicon.svg";

/// The `<meta name>` under which a list page names the data files a query in its URL
/// needs (space-separated), in `data-keys` the query keys that make one, in
/// `data-otherwise` what the page needs without one, and in `data-keep` the keys that
/// need it still, for [`PENDING_SCRIPT`] to preload the first when one of those keys has
/// a value, the second when none has or a `data-keep` key has (`?utm_source=…` shows
/// the page unfiltered).
pub const QUERY_DATA_META: &str = "dossier-query-data";

/// The `<meta name>` under which a page names the path the site is served under, when it
/// is not the root of its host (`/dossier`): the browser's [`crate::core::route::set_base`].
pub const BASE_META: &str = "dossier-base";

/// The `<meta name>` under which a page names the route its file was rendered for (the
/// browser hydrates that route first, then applies what its URL asks for). The offline
/// app shell has none: the browser renders it from scratch.
pub const RENDERED_META: &str = "dossier-page";

/// The marker in the shell's `<head>` after which leptos_meta puts a page's title and tags.
pub const HEAD_MARKER: &str = "<!--HEAD-->";

/// The small script, in the head of list pages, that marks the page as pending when its
/// URL carries a query its static file cannot show (`/quotes?q=aleppo` is served
/// `/quotes/index.html`): until the app has applied it, the page says so instead of
/// offering the unfiltered list as results. Classic and blocking, so it runs before the
/// first paint; the app removes the class once the URL's state is shown. It also
/// preloads the files the query needs, or those the page needs without one
/// ([`QUERY_DATA_META`]), so they arrive with the wasm instead of after it, and a file
/// the page will not read is not fetched.
pub const PENDING_SCRIPT: &str = "// Dossier: see src/core/site.rs (PENDING_SCRIPT).
if (location.search.length > 1) document.documentElement.classList.add('pending');
(function () {
  var data = document.querySelector('meta[name=\"dossier-query-data\"]');
  if (!data) return;
  var params = new URLSearchParams(location.search);
  // A key's last value, as the app reads a key given twice (core::route).
  var given = function (keys) { return (keys || '').split(' ').some(function (key) { var all = params.getAll(key); return all.length > 0 && all[all.length - 1]; }); };
  var query = given(data.dataset.keys);
  var first = !query || given(data.dataset.keep);
  ((query ? data.content : '') + ' ' + (first ? data.dataset.otherwise || '' : '')).split(' ').forEach(function (href) {
    if (!href) return;
    var link = document.createElement('link');
    link.rel = 'preload';
    link.as = 'fetch';
    link.crossOrigin = 'anonymous';
    link.href = href;
    document.head.appendChild(link);
  });
})();
";

/// The class [`PENDING_SCRIPT`] puts on `<html>`.
pub const PENDING_CLASS: &str = "pending";

/// A page of the site: the shell (Trunk's hardened `index.html`) with the build's head
/// tags before [`HEAD_MARKER`] and the app's rendered body as the first thing in `<body>`
/// (hydration starts at the body's first child, so nothing, not even white space, may
/// come before it). The title and the page's meta tags are added after the marker by
/// leptos_meta. Fails if the shell lacks an anchor, so a changed shell is noticed.
pub fn fill_shell(shell: &str, head_tags: &str, body_html: &str) -> Result<String, String> {
    let marker = shell.find(HEAD_MARKER).ok_or("the shell has no <!--HEAD--> marker in its <head>")?;
    let head_end = shell.find("</head>").ok_or("the shell has no </head>")?;
    if marker > head_end {
        return Err("the shell's <!--HEAD--> marker is not in its <head>".to_owned());
    }
    let body = shell.find("<body>").ok_or("the shell has no <body>")?;
    let body_end = shell.rfind("</body>").ok_or("the shell has no </body>")?;
    if body_end < body {
        return Err("the shell's </body> comes before its <body>".to_owned());
    }
    let body_start = body + "<body>".len();
    let mut out = String::with_capacity(shell.len() + head_tags.len() + body_html.len());
    out.push_str(&shell[..marker]);
    out.push_str(head_tags);
    out.push_str(&shell[marker..body_start]);
    out.push_str(body_html);
    // What the shell has in its body (white space) would follow the app's last node.
    out.push_str(&shell[body_end..]);
    Ok(out)
}

/// Leptos separates adjacent text nodes in server-rendered HTML with `<!>`, which HTML
/// parses as an empty comment but calls a parse error ("bogus comment"). This writes each
/// as `<!---->`, the same empty comment in valid HTML, so hydration finds the same nodes.
/// Only markers between elements change: text is escaped (a `<` in data is `&lt;`), and
/// tags, attribute values and real comments are copied as they are.
pub fn valid_markers(html: &str) -> String {
    let bytes = html.as_bytes();
    let mut out = String::with_capacity(html.len() + html.len() / 16);
    let mut copied = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        let rest = &html[i..];
        let end = if rest.starts_with("<!>") {
            out.push_str(&html[copied..i]);
            out.push_str("<!---->");
            copied = i + 3;
            i + 3
        } else if rest.starts_with("<!--") {
            rest.find("-->").map_or(bytes.len(), |e| i + e + 3)
        } else {
            tag_end(html, i).unwrap_or(bytes.len())
        };
        i = end;
    }
    out.push_str(&html[copied..]);
    out
}

/// A page that sends a retired address on to its successor (`to`, an address from the
/// site's root), for hosts without redirects.
pub fn redirect_page(to: &str, base: &BaseUrl, csp: &str) -> String {
    let to_href = crate::core::route::under(crate::core::route::base(), to.to_owned());
    let url = escape(&base.url(&to_href));
    let href = escape(&to_href);
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n    <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n    <link rel=\"canonical\" href=\"{url}\">\n    <meta name=\"robots\" content=\"noindex\">\n    <title>Moved · {SITE_NAME}</title>\n  </head>\n  <body>\n    <p>This page has moved to <a href=\"{href}\">{href}</a>.</p>\n  </body>\n</html>\n",
        escape(csp)
    )
}

/// `sitemap.xml`: every page of the corpus.
pub fn sitemap(hrefs: &[String], base: &BaseUrl) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
    for href in hrefs {
        let _ = writeln!(s, "  <url><loc>{}</loc></url>", escape(&base.url(href)));
    }
    s.push_str("</urlset>\n");
    s
}

/// `robots.txt`: everything may be crawled; the sitemap is named when its URL is absolute
/// (robots.txt requires an absolute sitemap URL).
pub fn robots(base: &BaseUrl) -> String {
    let mut s = String::from("User-agent: *\nAllow: /\n");
    if base.is_absolute() {
        let _ = writeln!(s, "Sitemap: {}", base.url(&crate::core::route::asset("/sitemap.xml")));
    }
    s
}

/// The Content-Security-Policy of every page: scripts only from this site (WebAssembly
/// compilation allowed), no inline script or style, no plugins, no foreign base; forms
/// (the search box works without the wasm) submit only to this site.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'";

/// A script moved out of the shell into a file of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalScript {
    /// The file name, named by a hash of its content so it can be cached for good.
    pub file_name: String,
    pub content: String,
}

/// Makes the shell safe under [`CONTENT_SECURITY_POLICY`]: every inline `<script>` (Trunk's
/// loader) becomes a file referenced by `src`, the policy goes first in `<head>`, and a
/// preload loses an `integrity` the browser ignores ([`without_ignored_integrity`]).
/// Comments are copied as they are; tag and attribute names are matched in any case.
///
/// `trunk serve` adds a live-reload script whose placeholders its server fills in only
/// inside HTML: that script stays inline and such a development shell gets no policy
/// (the release build, which is what ships and what the browser tests check, always has one).
pub fn harden_shell(shell: &str) -> Result<(String, Vec<ExternalScript>), String> {
    let lower = shell.to_ascii_lowercase();
    let mut out = String::with_capacity(shell.len());
    let mut scripts = Vec::new();
    let mut development = false;
    let mut at = 0;
    loop {
        let next = ["<!--", "<script", "<link"].into_iter().filter_map(|m| next_open(&lower, at, m).map(|i| (i, m))).min();
        match next {
            Some((c, "<!--")) => {
                let end = lower[c..].find("-->").ok_or("a comment is not closed")? + c + "-->".len();
                out.push_str(&shell[at..end]);
                at = end;
            }
            Some((start, "<link")) => {
                let end = tag_end(shell, start).ok_or("a <link> tag is not closed")?;
                out.push_str(&shell[at..start]);
                out.push_str(&without_ignored_integrity(&shell[start..end]));
                at = end;
            }
            Some((start, _script)) => {
                let open_end = tag_end(shell, start).ok_or("a <script> tag is not closed")?;
                let open = &shell[start..open_end];
                let close = lower[open_end..].find("</script").ok_or("a <script> element has no </script>")? + open_end;
                let close_end = shell[close..].find('>').ok_or("a </script> tag is not closed")? + close + 1;
                out.push_str(&shell[at..start]);
                let attributes = attributes(open);
                let live_reload = shell[open_end..close].contains("{{__TRUNK_ADDRESS__}}");
                development |= live_reload;
                if live_reload || attributes.iter().any(|(name, _)| name == "src") {
                    out.push_str(&shell[start..close_end]);
                } else {
                    let content = shell[open_end..close].to_owned();
                    let file_name = format!("script-{:016x}.js", hash(content.as_bytes()));
                    let module = attributes.iter().any(|(name, value)| name == "type" && value.eq_ignore_ascii_case("module"));
                    let module = if module { " type=\"module\"" } else { "" };
                    let _ = write!(out, "<script{module} src=\"{}\"></script>", crate::core::route::asset(&format!("/{file_name}")));
                    scripts.push(ExternalScript { file_name, content });
                }
                at = close_end;
            }
            None => break,
        }
    }
    out.push_str(&shell[at..]);
    if development {
        return Ok((out, scripts));
    }
    // Right after `<meta charset>` (which must come first), else right after `<head>`.
    let lower = out.to_ascii_lowercase();
    let head = lower.find("<head>").ok_or("the shell has no <head>")? + "<head>".len();
    let head = lower[head..].find("<meta charset=\"utf-8\">").map_or(head, |i| head + i + "<meta charset=\"utf-8\">".len());
    let policy = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", escape(CONTENT_SECURITY_POLICY));
    out.insert_str(head, &policy);
    Ok((out, scripts))
}

/// A `<link>` tag as it is, unless it preloads a file the browser would check against an
/// `integrity` it does not support there: Trunk gives the wasm's `<link rel="preload"
/// as="fetch">` one, which Chromium ignores with a warning on every page (crbug.com/981419).
/// Subresource integrity applies to scripts and styles, so those (and `modulepreload`)
/// keep theirs.
fn without_ignored_integrity(tag: &str) -> String {
    let attributes = attributes(tag);
    let value = |key: &str| attributes.iter().find(|(name, _)| name == key).map(|(_, value)| value.to_ascii_lowercase());
    let preload = value("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "preload"));
    let checked = value("as").is_some_and(|dest| dest == "script" || dest == "style");
    if !preload || checked || value("integrity").is_none() {
        return tag.to_owned();
    }
    let mut out = String::from("<link");
    for (name, value) in attributes.iter().filter(|(name, _)| name != "integrity") {
        // Values are copied as written (their entities stay encoded), in quotes they cannot contain.
        let quote = if value.contains('"') { '\'' } else { '"' };
        let _ = write!(out, " {name}={quote}{value}{quote}");
    }
    out.push('>');
    out
}

/// Where `open` (`<!--`, or `<` and a tag name) is next found in `lower` from `at`: a tag
/// name only where it ends (`<link-card>` is not a `<link>`).
fn next_open(lower: &str, at: usize, open: &str) -> Option<usize> {
    let mut from = at;
    loop {
        let start = lower[from..].find(open)? + from;
        let after = lower[start + open.len()..].chars().next();
        if open == "<!--" || after.is_none_or(|c| c.is_whitespace() || c == '>' || c == '/') {
            return Some(start);
        }
        from = start + open.len();
    }
}

/// Where the tag opened at `start` ends (just past its `>`), minding quoted values.
fn tag_end(html: &str, start: usize) -> Option<usize> {
    let mut quote = None;
    for (i, c) in html[start..].char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return Some(start + i + 1),
            _ => {}
        }
    }
    None
}

/// The attributes of an opening tag: lower-case names, values without their quotes.
fn attributes(tag: &str) -> Vec<(String, String)> {
    let inner = tag.trim_start_matches('<').trim_end_matches('>');
    let mut chars = inner.char_indices().peekable();
    // Skip the tag name.
    while chars.peek().is_some_and(|(_, c)| !c.is_whitespace() && *c != '/') {
        chars.next();
    }
    let mut out = Vec::new();
    loop {
        // A `/` between attributes is a self-closing mark; in an unquoted value
        // (`href=/a/>`) it is part of the value.
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace() || *c == '/') {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&(_, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' || c == '/' {
                break;
            }
            name.push(c.to_ascii_lowercase());
            chars.next();
        }
        if name.is_empty() {
            break;
        }
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            chars.next();
        }
        let mut value = String::new();
        if chars.peek().is_some_and(|(_, c)| *c == '=') {
            chars.next();
            while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
                chars.next();
            }
            match chars.peek().map(|(_, c)| *c) {
                Some(q @ ('"' | '\'')) => {
                    chars.next();
                    for (_, c) in chars.by_ref() {
                        if c == q {
                            break;
                        }
                        value.push(c);
                    }
                }
                _ => {
                    while let Some(&(_, c)) = chars.peek() {
                        if c.is_whitespace() {
                            break;
                        }
                        value.push(c);
                        chars.next();
                    }
                }
            }
        }
        out.push((name, value));
    }
    out
}

/// The page the service worker answers with for a page it has not cached: the hardened
/// shell with no prerendered content, so the app renders whatever the URL asks for.
pub const APP_SHELL: &str = "app-shell.html";

/// `sw.js`: precaches the build (the app shell, scripts, wasm, styles, icons) so that
/// after a first visit every page works offline. Pages come from the network first (so
/// a new release shows at once and unknown paths keep their 404), then from the cache,
/// then the app shell; content-hashed assets come from the cache first, and data files
/// are kept once fetched (a page visited once has its data offline). `version`
/// changes with the build, which replaces the old cache. The cache is named by the
/// site's base path too, so sites under other paths of one host keep theirs.
pub fn service_worker(version: &str, precache: &[String]) -> String {
    let list = serde_json::to_string(precache).unwrap_or_else(|_| "[]".to_owned());
    let version = serde_json::to_string(version).unwrap_or_else(|_| "\"0\"".to_owned());
    let shell = serde_json::to_string(&crate::core::route::asset(&format!("/{APP_SHELL}"))).unwrap_or_default();
    let data = serde_json::to_string(&crate::core::route::asset("/data/")).unwrap_or_default();
    let base = serde_json::to_string(crate::core::route::base()).unwrap_or_default();
    format!(
        r#"// Dossier's service worker, written by `dossier pages`; see src/core/site.rs.
// A cache per site: sites under other paths of this host (GitHub Pages project sites
// share their owner's host) keep theirs. '|' cannot be in a base path.
const PREFIX = 'dossier|' + {base} + '|';
const CACHE = PREFIX + {version};
const PRECACHE = {list};
const SHELL = {shell};
const DATA = {data};

self.addEventListener('install', (event) => {{
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
}});

self.addEventListener('activate', (event) => {{
  event.waitUntil(caches.keys()
    // This site's older caches (and, at a host's root, those named before sites had a path).
    .then((keys) => Promise.all(keys.filter((k) => (k.startsWith(PREFIX) || (PREFIX === 'dossier||' && k.startsWith('dossier-'))) && k !== CACHE).map((k) => caches.delete(k))))
    .then(() => self.clients.claim()));
}});

self.addEventListener('fetch', (event) => {{
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {{
    event.respondWith(fetch(request).then((response) => {{
      if (response.ok && !response.redirected) {{
        const copy = response.clone();
        event.waitUntil(caches.open(CACHE).then((cache) => cache.put(url.pathname, copy)));
      }}
      return response;
    }}).catch(() => caches.open(CACHE).then(async (cache) =>
      (await cache.match(url.pathname)) ?? (await cache.match(SHELL)) ?? Response.error())));
    return;
  }}
  event.respondWith(caches.open(CACHE).then(async (cache) => {{
    const hit = await cache.match(request);
    if (hit) return hit;
    const response = await fetch(request);
    // Data files are named by their content: once fetched, a page's data stays for offline use.
    if (response.ok && url.pathname.startsWith(DATA)) event.waitUntil(cache.put(request, response.clone()));
    return response;
  }}));
}});
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_become_valid_comments_and_nothing_else_changes() {
        let html = "<p title=\"a<!>b\">x<!>y<!--<() />--><!></p><!-- <!> -->";
        assert_eq!(valid_markers(html), "<p title=\"a<!>b\">x<!---->y<!--<() />--><!----></p><!-- <!> -->");
        assert_eq!(valid_markers("plain"), "plain");
        assert_eq!(valid_markers("<a href='<!>'>t</a><!>"), "<a href='<!>'>t</a><!---->");
    }
}
