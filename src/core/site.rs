//! The static site around the pages: the hardened shell every page is poured into, the
//! build's own head tags, `sitemap.xml`, `robots.txt`, the pages that send a retired id
//! on to its successor, and the service worker. Page markup is not written here: every
//! page is the app's own components rendered natively (`src/ui/render.rs`). Trunk's shell
//! is read and rewritten by lol_html, natively only ([`harden_shell`]).
//!
//! Invariant: every piece of data or URL text goes through [`escape`]; markup comes only
//! from the literals in this file.

use std::fmt::Write as _;

use crate::core::meta::SITE_NAME;
use crate::core::pack::{MANIFEST_META, SLICE_META};
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

/// A page that sends a retired address on to its successor (`to`, an address from the
/// site's root), for hosts without redirects.
pub fn redirect_page(to: &str, base: &BaseUrl, csp: &str) -> String {
    let to_href = crate::core::route::under(crate::core::route::base(), to.to_owned());
    let url = escape(&base.url(&to_href));
    let href = escape(&to_href);
    // The site's icon, or the browser asks for a /favicon.ico the site does not have.
    let icon = escape(&crate::core::route::asset(ICON));
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n  <head>\n    <meta charset=\"utf-8\">\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n    <meta http-equiv=\"refresh\" content=\"0; url={href}\">\n    <link rel=\"canonical\" href=\"{url}\">\n    <link rel=\"icon\" href=\"{icon}\" type=\"image/svg+xml\">\n    <meta name=\"robots\" content=\"noindex\">\n    <title>Moved · {SITE_NAME}</title>\n  </head>\n  <body>\n    <p>This page has moved to <a href=\"{href}\">{href}</a>.</p>\n  </body>\n</html>\n",
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
/// loader) becomes a file referenced by `src` (its `type="module"` kept), the policy goes
/// first in `<head>` (right after `<meta charset>`, which must come first, else right
/// after `<head>`), and a preload loses an `integrity` the browser ignores
/// ([`without_ignored_integrity`]). Everything else is copied byte for byte.
///
/// The shell is read by lol_html (Cloudflare's streaming HTML rewriter), which tokenizes
/// as a browser does: comments, the raw text of `<script>`, `<style>`, `<title>` and
/// `<textarea>`, quoted and unquoted attribute values and names in any case are what
/// HTML makes of them, so a `<script>` in a comment, a title or an attribute value is not
/// a script, and a script ends where the browser ends it. It reads the shell twice: once
/// to learn each script's text (a script is moved or kept by its text, which comes after
/// its start tag) and what `<head>` holds, then to rewrite it. A shell that ends inside a
/// tag, a comment or an element whose end tag is missing is refused, as is a release
/// shell with no `<head>`.
///
/// `trunk serve` adds a live-reload script whose placeholders its server fills in only
/// inside HTML: that script stays inline and such a development shell gets no policy
/// (the release build, which is what ships and what the browser tests check, always has one).
#[cfg(not(target_arch = "wasm32"))]
pub fn harden_shell(shell: &str) -> Result<(String, Vec<ExternalScript>), String> {
    use lol_html::html_content::ContentType;
    use lol_html::{element, rewrite_str, RewriteStrSettings};

    let read = read_shell(shell)?;
    let development = read.scripts.iter().any(|script| script.content.contains(LIVE_RELOAD));
    if !development && !read.head {
        return Err("the shell has no <head>".to_owned());
    }
    let mut found = read.scripts.into_iter();
    let mut scripts = Vec::new();
    let mut handlers = vec![
        // The second reading meets the scripts the first one found, in the same order.
        element!("script", |el| {
            let script = found.next().ok_or("the shell's scripts changed between its two readings")?;
            if script.src || script.content.contains(LIVE_RELOAD) {
                return Ok(());
            }
            let file_name = format!("script-{:016x}.js", crate::core::pack::content_hash(script.content.as_bytes()));
            let module = if script.module { " type=\"module\"" } else { "" };
            el.replace(&format!("<script{module} src=\"{}\"></script>", crate::core::route::asset(&format!("/{file_name}"))), ContentType::Html);
            scripts.push(ExternalScript { file_name, content: script.content });
            Ok(())
        }),
        element!("link", |el| {
            if let Some(tag) = without_ignored_integrity(el) {
                el.replace(&tag, ContentType::Html);
            }
            Ok(())
        }),
    ];
    if !development {
        // Once: after the first `<meta charset>` in `<head>`, else first in the first `<head>`.
        let charset = read.charset;
        let policy = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", escape(CONTENT_SECURITY_POLICY));
        let mut placed = false;
        handlers.push(element!(if charset { CHARSET } else { "head" }, move |el| {
            if !std::mem::replace(&mut placed, true) {
                if charset {
                    el.after(&policy, ContentType::Html);
                } else {
                    el.prepend(&policy, ContentType::Html);
                }
            }
            Ok(())
        }));
    }
    let out = rewrite_str(shell, RewriteStrSettings { element_content_handlers: handlers, ..RewriteStrSettings::default() }).map_err(|e| format!("the shell could not be rewritten: {e}"))?;
    Ok((out, scripts))
}

/// What Trunk's live-reload script holds, which its development server fills in.
#[cfg(not(target_arch = "wasm32"))]
const LIVE_RELOAD: &str = "{{__TRUNK_ADDRESS__}}";

/// The `<meta charset>` the policy follows: a child of `<head>`.
#[cfg(not(target_arch = "wasm32"))]
const CHARSET: &str = "head > meta[charset]";

/// What the first reading of the shell learns ([`read_shell`]).
#[cfg(not(target_arch = "wasm32"))]
struct ShellReading {
    /// Every `<script>` element, in order.
    scripts: Vec<ShellScript>,
    /// Whether the shell has a `<head>`, and a `<meta charset>` in it.
    head: bool,
    charset: bool,
}

#[cfg(not(target_arch = "wasm32"))]
struct ShellScript {
    /// Whether it has a `src` (it is kept as it is) and `type="module"`.
    src: bool,
    module: bool,
    /// Its text, in as many chunks as lol_html gave it.
    content: String,
    /// Whether its `</script>` was reached.
    closed: bool,
}

/// Reads the shell with lol_html without rewriting it: its scripts' text, whether it has a
/// `<head>` and a `<meta charset>` in it, and whether it ends where HTML text can end. A
/// browser drops a tag cut off by the end of the file and lol_html copies it without a
/// word, so the shell is read with an element of a name it cannot hold (its hash is in
/// it) after its end: if that element is not found, the shell ended inside a tag, a
/// comment or an element whose text runs to its end tag (a script, a style, a title).
#[cfg(not(target_arch = "wasm32"))]
fn read_shell(shell: &str) -> Result<ShellReading, String> {
    use std::cell::RefCell;
    use std::rc::Rc;

    use lol_html::{element, rewrite_str, text, RewriteStrSettings};

    let end = format!("dossier-shell-end-{:016x}", crate::core::pack::content_hash(shell.as_bytes()));
    // Shared with the end-tag handlers, which lol_html requires to be 'static.
    let scripts: Rc<RefCell<Vec<ShellScript>>> = Rc::default();
    let (mut head, mut charset, mut ended) = (false, false, false);
    let handlers = vec![
        element!("head", |_| {
            head = true;
            Ok(())
        }),
        element!(CHARSET, |_| {
            charset = true;
            Ok(())
        }),
        element!("script", |el| {
            let module = el.get_attribute("type").is_some_and(|kind| kind.eq_ignore_ascii_case("module"));
            let index = {
                let mut scripts = scripts.borrow_mut();
                scripts.push(ShellScript { src: el.has_attribute("src"), module, content: String::new(), closed: false });
                scripts.len() - 1
            };
            let scripts = Rc::clone(&scripts);
            el.end_tag_handlers().ok_or("a <script> cannot have an end tag")?.push(Box::new(move |_| {
                scripts.borrow_mut()[index].closed = true;
                Ok(())
            }));
            Ok(())
        }),
        // A script's text may come in chunks.
        text!("script", |chunk| {
            if let Some(script) = scripts.borrow_mut().last_mut() {
                script.content.push_str(chunk.as_str());
            }
            Ok(())
        }),
        element!(end.as_str(), |_| {
            ended = true;
            Ok(())
        }),
    ];
    rewrite_str(&format!("{shell}<{end}>"), RewriteStrSettings { element_content_handlers: handlers, ..RewriteStrSettings::default() }).map_err(|e| format!("the shell could not be read: {e}"))?;
    let scripts = scripts.take();
    if scripts.iter().any(|script| !script.closed) {
        return Err("a <script> element has no </script>".to_owned());
    }
    if !ended {
        return Err("the shell ends inside a tag, a comment or an element with no end tag".to_owned());
    }
    Ok(ShellReading { scripts, head, charset })
}

/// The tag to write instead of a `<link>` that preloads a file the browser would check
/// against an `integrity` it does not support there, or `None` to keep the link as it is:
/// Trunk gives the wasm's `<link rel="preload" as="fetch">` one, which Chromium ignores
/// with a warning on every page (crbug.com/981419). Subresource integrity applies to
/// scripts and styles, so those (and `modulepreload`) keep theirs. The new tag has the
/// other attributes as lol_html read them: names in lower case, values as written (their
/// entities stay encoded) in quotes they cannot end early.
#[cfg(not(target_arch = "wasm32"))]
fn without_ignored_integrity(link: &lol_html::html_content::Element) -> Option<String> {
    let value = |name: &str| link.get_attribute(name).map(|value| value.to_ascii_lowercase());
    let preload = value("rel").is_some_and(|rel| rel.split_ascii_whitespace().any(|r| r == "preload"));
    let checked = value("as").is_some_and(|dest| dest == "script" || dest == "style");
    if !preload || checked || !link.has_attribute("integrity") {
        return None;
    }
    let mut tag = String::from("<link");
    for attribute in link.attributes().iter().filter(|attribute| attribute.name() != "integrity") {
        let (name, value) = (attribute.name(), attribute.value());
        let _ = match (value.contains('"'), value.contains('\'')) {
            (true, false) => write!(tag, " {name}='{value}'"),
            (true, true) => write!(tag, " {name}=\"{}\"", value.replace('"', "&quot;")),
            (false, _) => write!(tag, " {name}=\"{value}\""),
        };
    }
    tag.push('>');
    Some(tag)
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
