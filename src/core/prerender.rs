//! The static build's HTML: for every page, its head (title, description, canonical link,
//! Open Graph and Twitter card tags) and its main content as plain HTML, so a page is
//! readable and indexable before, and without, WebAssembly. Also `sitemap.xml`,
//! `robots.txt` and the pages that send a retired id on to its successor.
//!
//! Invariant: every piece of data or URL text goes through [`escape`]; markup comes only
//! from the literals in this file. The app removes the prerendered block (`#prerendered`)
//! in the same task in which it mounts, so the page never shows both.

use std::fmt::Write as _;

use crate::core::date::{month_name, DateSpec};
use crate::core::meta::{meta, SITE_NAME};
use crate::core::model::{Corpus, ParagraphKind, Quote};
use crate::core::route::{event_anchor, paragraph_anchor, year_anchor, Page, QuoteQuery, Route, Section, TimelineQuery};
use crate::core::stats::summary;

/// How many items a long list shows at first (the app adds more a page at a time), so a
/// corpus of 100,000 quotes does not make a page of 100,000 quotes.
pub const LIST_PAGE: usize = 100;

/// The id of the element that holds the prerendered page; the app removes it on mount.
pub const PRERENDERED_ID: &str = "prerendered";

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

/// Where the site lives, for absolute URLs in canonical links, previews and the sitemap.
/// `None` writes host-relative URLs (`/quotes/x`), which work on any host.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BaseUrl(Option<String>);

impl BaseUrl {
    /// `https://example.org` or `https://example.org/` (the trailing slash is dropped);
    /// an empty value means host-relative.
    pub fn new(base: Option<&str>) -> BaseUrl {
        BaseUrl(base.map(|b| b.trim().trim_end_matches('/').to_owned()).filter(|b| !b.is_empty()))
    }

    /// The URL of an href: absolute when a base is set.
    pub fn url(&self, href: &str) -> String {
        match &self.0 {
            Some(base) => format!("{base}{href}"),
            None => href.to_owned(),
        }
    }

    pub fn is_absolute(&self) -> bool {
        self.0.is_some()
    }
}

/// The tags that go into a page's `<head>`, replacing the shell's `<title>`.
pub fn head(corpus: &Corpus, route: &Route, base: &BaseUrl) -> String {
    let page = route.page();
    let m = meta(corpus, &page);
    let title = escape(&m.full_title());
    let description = escape(&m.description);
    let url = escape(&base.url(&route.href()));
    let mut h = String::new();
    let _ = write!(h, "<title>{title}</title>\n    <meta name=\"description\" content=\"{description}\">\n");
    if !matches!(page, Page::NotFound(_)) {
        let _ = writeln!(h, "    <link rel=\"canonical\" href=\"{url}\">");
    }
    let _ = writeln!(h, "    <meta property=\"og:site_name\" content=\"{SITE_NAME}\">");
    let _ = writeln!(h, "    <meta property=\"og:type\" content=\"{}\">", m.og_type);
    let og_title = if m.title.is_empty() { SITE_NAME.to_owned() } else { escape(&m.title) };
    let _ = writeln!(h, "    <meta property=\"og:title\" content=\"{og_title}\">");
    let _ = writeln!(h, "    <meta property=\"og:description\" content=\"{description}\">");
    // Open Graph requires an absolute URL; without a base URL the tag is left out.
    if base.is_absolute() && !matches!(page, Page::NotFound(_)) {
        let _ = writeln!(h, "    <meta property=\"og:url\" content=\"{url}\">");
    }
    let _ = writeln!(h, "    <meta name=\"twitter:card\" content=\"summary\">");
    let _ = writeln!(h, "    <meta name=\"twitter:title\" content=\"{og_title}\">");
    let _ = write!(h, "    <meta name=\"twitter:description\" content=\"{description}\">");
    h
}

/// The whole visible page as plain HTML: the header and navigation, the main content,
/// the footer. Same structure and classes as the app, without its interactive controls.
pub fn body(corpus: &Corpus, route: &Route) -> String {
    let page = route.page();
    let section = route.section();
    let mut b = String::new();
    let _ = write!(b, "<div id=\"{PRERENDERED_ID}\">");
    b.push_str("<a class=\"skip-link\" href=\"#main\">Skip to content</a>");
    let _ = write!(
        b,
        "<header class=\"site-header\"><a class=\"brand\" href=\"{}\"><img src=\"/favicon.svg\" alt=\"\" width=\"28\" height=\"28\"><span>Dossier</span></a><nav aria-label=\"Main\"><ul>",
        Route::Home.href()
    );
    for s in Section::NAV {
        let current = if s == section { " aria-current=\"page\"" } else { "" };
        let _ = write!(b, "<li><a href=\"{}\"{current}>{}</a></li>", escape(&s.route().href()), escape(s.label()));
    }
    b.push_str("</ul></nav></header><main id=\"main\" tabindex=\"-1\">");
    main_content(&mut b, corpus, &page);
    let _ = write!(
        b,
        "</main><footer class=\"site-footer\"><p>Every quotation is verbatim from its source document. <a href=\"{}\">Read the sources</a></p></footer></div>",
        Route::Documents.href()
    );
    b
}

fn main_content(b: &mut String, corpus: &Corpus, page: &Page) {
    let m = meta(corpus, page);
    match page {
        Page::Home => {
            let s = summary(corpus);
            b.push_str("<h1>Dossier</h1>");
            let span = s.span.map(|(first, last)| {
                if first == last {
                    first.display()
                } else {
                    format!("{} to {}", first.display(), last.display())
                }
            });
            let _ = write!(
                b,
                "<p class=\"lead\">What was said and what happened, drawn verbatim from {} source documents{}.</p>",
                s.documents,
                span.map(|s| format!(", covering events from {}", escape(&s))).unwrap_or_default()
            );
            let _ = write!(
                b,
                "<ul class=\"stats\"><li><a href=\"{}\"><strong>{}</strong> quotes</a></li><li><a href=\"{}\"><strong>{}</strong> events</a></li><li><a href=\"{}\"><strong>{}</strong> actors</a></li><li><strong>{}</strong> places</li></ul>",
                Route::Quotes(QuoteQuery::default()).href(),
                s.quotes,
                Route::Timeline(TimelineQuery::default()).href(),
                s.events,
                Route::Actors.href(),
                s.actors,
                s.places
            );
            b.push_str("<h2>Source documents</h2>");
            document_list(b, corpus);
        }
        Page::Quotes => {
            b.push_str("<h1>Quotes</h1>");
            let _ = write!(b, "<p class=\"count\">All {} quotes</p><ul class=\"results\">", corpus.quotes.len());
            for quote in corpus.quotes.iter().take(LIST_PAGE) {
                b.push_str("<li>");
                quote_figure(b, corpus, quote, true);
                b.push_str("</li>");
            }
            b.push_str("</ul>");
            more(b, LIST_PAGE, corpus.quotes.len(), "quotes");
        }
        Page::Quote(id) => match corpus.quote(id) {
            Some(quote) => {
                let _ = write!(b, "<h1>Quote by {}</h1>", escape(corpus.actor_name(&quote.speaker)));
                quote_figure(b, corpus, quote, false);
                let question = quote
                    .question
                    .and_then(|n| corpus.paragraph(&quote.document, n))
                    .or_else(|| corpus.question_before(&quote.document, quote.paragraph));
                if let Some(q) = question {
                    let _ = write!(b, "<section class=\"question\"><h2>Asked</h2><p>{}</p></section>", escape(&q.text));
                }
                if let Some(p) = corpus.paragraph(&quote.document, quote.paragraph) {
                    let _ = write!(b, "<section><h2>The paragraph</h2><p class=\"context\">{}</p>", escape(&p.text));
                    let href = Route::Document { id: quote.document.clone(), quote: Some(quote.id.clone()), paragraph: Some(quote.paragraph) }.href();
                    let _ = write!(b, "<p><a href=\"{}\">Read it in the document</a></p></section>", escape(&href));
                }
            }
            None => missing(b, &m.title),
        },
        Page::Timeline => {
            b.push_str("<h1>Timeline</h1>");
            let _ = write!(b, "<p class=\"count\">All {} events</p><div class=\"timeline\">", corpus.events.len());
            // Grouped as the app groups them: a section per year, one per known month.
            let mut year = None;
            let mut month = None;
            for event in corpus.events.iter().take(LIST_PAGE) {
                let y = event.date.start.year_value();
                let m = event.date.start.month_value();
                if year != Some(y) {
                    if month.is_some() {
                        b.push_str("</section>");
                    }
                    if year.is_some() {
                        b.push_str("</section>");
                    }
                    let _ = write!(b, "<section class=\"year\" aria-labelledby=\"{0}\"><h2 id=\"{0}\">{y}</h2>", year_anchor(y));
                    year = Some(y);
                    month = None;
                }
                if m != month {
                    if month.is_some() {
                        b.push_str("</section>");
                    }
                    if let Some(m) = m {
                        let _ = write!(b, "<section class=\"month\"><h3>{} {y}</h3>", month_name(m));
                    }
                    month = m;
                }
                let _ = write!(b, "<article class=\"event\" id=\"{}\"><p class=\"when\">", escape(&event_anchor(&event.id)));
                time(b, &event.date);
                let h = if month.is_some() { "h4" } else { "h3" };
                let _ = write!(b, "</p><{h}><a href=\"{}\">{}</a></{h}></article>", escape(&Route::Event(event.id.clone()).href()), escape(&event.title));
            }
            if month.is_some() {
                b.push_str("</section>");
            }
            if year.is_some() {
                b.push_str("</section>");
            }
            b.push_str("</div>");
            more(b, LIST_PAGE, corpus.events.len(), "events");
        }
        Page::Event(id) => match corpus.event(id) {
            Some(event) => {
                b.push_str("<article class=\"event-page\"><p class=\"when\">");
                time(b, &event.date);
                let _ = write!(b, "</p><h1>{}</h1>", escape(&event.title));
                let href = Route::paragraph(&event.document, event.paragraph).href();
                let document = corpus.document(&event.document).map(|d| d.title.as_str()).unwrap_or_default();
                let _ = write!(
                    b,
                    "<section><h2>Evidence</h2><blockquote class=\"evidence\" cite=\"{0}\"><p>{1}</p></blockquote><p>From <cite>{2}</cite>, <a href=\"{0}\">paragraph {3}</a>.</p></section>",
                    escape(&href),
                    escape(&event.evidence),
                    escape(document),
                    event.paragraph
                );
                if !event.actors.is_empty() {
                    b.push_str("<section><h2>Actors</h2><ul>");
                    for a in &event.actors {
                        let _ = write!(
                            b,
                            "<li><a href=\"{}\">{}</a> — {}</li>",
                            escape(&Route::Actor(a.id.clone()).href()),
                            escape(corpus.actor_name(&a.id)),
                            escape(a.role.label())
                        );
                    }
                    b.push_str("</ul></section>");
                }
                b.push_str("</article>");
            }
            None => missing(b, &m.title),
        },
        Page::Actors => {
            b.push_str("<h1>Actors</h1><ul class=\"actors-list\">");
            for a in &corpus.actors {
                let _ = write!(
                    b,
                    "<li><a href=\"{}\">{}</a><br><span class=\"description\">{}</span></li>",
                    escape(&Route::Actor(a.id.clone()).href()),
                    escape(&a.name),
                    escape(&a.description)
                );
            }
            b.push_str("</ul>");
        }
        Page::Actor(id) => match corpus.actor(id) {
            Some(actor) => {
                let _ = write!(b, "<h1>{}</h1><p class=\"lead\">{}</p>", escape(&actor.name), escape(&actor.description));
                let _ = write!(b, "<dl class=\"facts\"><dt>Kind</dt><dd>{}</dd>", escape(actor.kind.label()));
                if !actor.aliases.is_empty() {
                    let _ = write!(b, "<dt>Also written</dt><dd>{}</dd>", escape(&actor.aliases.join(" · ")));
                }
                b.push_str("</dl>");
                let events: Vec<_> = corpus.events.iter().filter(|e| e.involves(&actor.id)).collect();
                let _ = write!(b, "<section><h2>Events ({})</h2><ul>", events.len());
                for e in events.iter().take(LIST_PAGE) {
                    b.push_str("<li>");
                    time(b, &e.date);
                    let _ = write!(b, " — <a href=\"{}\">{}</a></li>", escape(&Route::Event(e.id.clone()).href()), escape(&e.title));
                }
                b.push_str("</ul>");
                more(b, LIST_PAGE, events.len(), "events");
                let quotes: Vec<_> = corpus.quotes.iter().filter(|q| q.speaker == actor.id).collect();
                let _ = write!(b, "</section><section><h2>Quotes ({})</h2><ul class=\"results\">", quotes.len());
                for q in quotes.iter().take(LIST_PAGE) {
                    b.push_str("<li>");
                    quote_figure(b, corpus, q, true);
                    b.push_str("</li>");
                }
                b.push_str("</ul>");
                more(b, LIST_PAGE, quotes.len(), "quotes");
                b.push_str("</section>");
            }
            None => missing(b, &m.title),
        },
        Page::Documents => {
            b.push_str("<h1>Documents</h1>");
            document_list(b, corpus);
        }
        Page::Document(id) => match corpus.document(id) {
            Some(doc) => {
                let _ = write!(b, "<h1>{}</h1><dl class=\"facts\"><dt>Kind</dt><dd>{}</dd>", escape(&doc.title), escape(&doc.kind));
                let stated = |v: &Option<String>| escape(v.as_deref().unwrap_or("not stated in the text"));
                let _ = write!(b, "<dt>Publisher</dt><dd>{}</dd><dt>Author</dt><dd>{}</dd></dl>", stated(&doc.publisher), stated(&doc.author));
                b.push_str("<div class=\"reader\">");
                for p in &doc.paragraphs {
                    let _ = write!(
                        b,
                        "<div class=\"para {}\" id=\"{}\"><a class=\"pn\" href=\"{}\" aria-label=\"Paragraph {n}\">{n}</a>",
                        p.kind.as_str(),
                        paragraph_anchor(p.n),
                        escape(&Route::paragraph(&doc.id, p.n).href()),
                        n = p.n
                    );
                    if !matches!(p.kind, ParagraphKind::Body | ParagraphKind::Answer) {
                        let _ = write!(b, "<span class=\"kind-label\">{}</span>", escape(p.kind.label()));
                    }
                    let _ = write!(b, "<div class=\"para-body\">{}</div></div>", escape(&p.text));
                }
                b.push_str("</div>");
            }
            None => missing(b, &m.title),
        },
        Page::NotFound(_) => {
            b.push_str("<h1>Page not found</h1><p class=\"lead\">There is no page at this address in this dossier.</p><p>Try one of these instead:</p><ul>");
            let _ = write!(b, "<li><a href=\"{}\">Home</a></li>", Route::Home.href());
            for s in Section::NAV {
                let _ = write!(b, "<li><a href=\"{}\">{}</a></li>", escape(&s.route().href()), escape(s.label()));
            }
            b.push_str("</ul>");
        }
    }
}

/// The note under a list cut at `shown` items (the app offers the rest).
fn more(b: &mut String, shown: usize, total: usize, what: &str) {
    if total > shown {
        let _ = write!(b, "<p class=\"show-more\">({shown} of {total} {what} shown)</p>");
    }
}

fn missing(b: &mut String, title: &str) {
    let _ = write!(b, "<h1>{}</h1>", escape(title));
}

fn document_list(b: &mut String, corpus: &Corpus) {
    b.push_str("<ul class=\"documents\">");
    for d in &corpus.documents {
        let href = Route::Document { id: d.id.clone(), quote: None, paragraph: None }.href();
        let publisher = d.publisher.as_deref().unwrap_or("publisher not stated");
        let published = d.published.as_ref().map_or_else(|| "publication date not stated".to_owned(), |p| p.display());
        let _ = write!(
            b,
            "<li><a href=\"{}\"><cite>{}</cite></a>{} <span class=\"meta\">· {} · {} · {}</span></li>",
            escape(&href),
            escape(&d.title),
            if d.title_supplied { " (title supplied)" } else { "" },
            escape(&d.kind),
            escape(publisher),
            escape(&published)
        );
    }
    b.push_str("</ul>");
}

fn time(b: &mut String, date: &DateSpec) {
    let _ = write!(b, "<time datetime=\"{}\">{}</time>", escape(&date.iso()), escape(&date.display()));
}

fn quote_figure(b: &mut String, corpus: &Corpus, quote: &Quote, link: bool) {
    let context = Route::Document { id: quote.document.clone(), quote: Some(quote.id.clone()), paragraph: Some(quote.paragraph) }.href();
    let _ = write!(b, "<figure class=\"quote\"><blockquote cite=\"{}\">", escape(&context));
    if link {
        let _ = write!(b, "<a class=\"quote-link\" href=\"{}\">{}</a>", escape(&Route::Quote(quote.id.clone()).href()), escape(&quote.text));
    } else {
        let _ = write!(b, "<p>{}</p>", escape(&quote.text));
    }
    let _ = write!(
        b,
        "</blockquote><figcaption><a class=\"speaker\" href=\"{}\">{}</a>",
        escape(&Route::Actor(quote.speaker.clone()).href()),
        escape(corpus.actor_name(&quote.speaker))
    );
    if let Some(to) = &quote.said_to {
        let _ = write!(b, " to <a href=\"{}\">{}</a>", escape(&Route::Actor(to.clone()).href()), escape(corpus.actor_name(to)));
    }
    b.push_str(", ");
    match &quote.said_on {
        Some(date) => time(b, date),
        None => b.push_str("<span class=\"unknown\">date unknown</span>"),
    }
    let document = corpus.document(&quote.document).map(|d| d.title.as_str()).unwrap_or_default();
    let _ = write!(
        b,
        "<br><span class=\"source\">In <cite>{}</cite>, paragraph {} · </span><a href=\"{}\">in context</a></figcaption></figure>",
        escape(document),
        quote.paragraph,
        escape(&context)
    );
}

/// Puts a page's head and body into the app shell (Trunk's `index.html`): the shell's
/// `<title>` is replaced by the page's head tags, and the prerendered body goes first
/// in `<body>`. Fails if the shell lacks either anchor, so a changed shell is noticed.
pub fn fill_shell(shell: &str, head_tags: &str, body_html: &str) -> Result<String, String> {
    let title_start = shell.find("<title>").ok_or("the shell has no <title>")?;
    let title_end = shell[title_start..].find("</title>").ok_or("the shell's <title> is not closed")? + title_start + "</title>".len();
    let mut out = String::with_capacity(shell.len() + head_tags.len() + body_html.len());
    out.push_str(&shell[..title_start]);
    out.push_str(head_tags);
    let rest = &shell[title_end..];
    let body = rest.find("<body>").ok_or("the shell has no <body>")? + "<body>".len();
    out.push_str(&rest[..body]);
    out.push_str(body_html);
    out.push_str(&rest[body..]);
    Ok(out)
}

/// A page that sends a retired address on to its successor, for hosts without redirects.
pub fn redirect_page(to_href: &str, base: &BaseUrl, csp: &str) -> String {
    let url = escape(&base.url(to_href));
    let href = escape(to_href);
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
        let _ = writeln!(s, "Sitemap: {}", base.url("/sitemap.xml"));
    }
    s
}

/// The Content-Security-Policy of every page: scripts only from this site (WebAssembly
/// compilation allowed), no inline script or style, no plugins, no foreign base or forms.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

/// A script moved out of the shell into a file of its own.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExternalScript {
    /// The file name, named by a hash of its content so it can be cached for good.
    pub file_name: String,
    pub content: String,
}

/// Makes the shell safe under [`CONTENT_SECURITY_POLICY`]: every inline `<script>` (Trunk's
/// loader) becomes a file referenced by `src`, and the policy goes first in `<head>`.
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
        let comment = lower[at..].find("<!--").map(|i| i + at);
        let script = lower[at..].find("<script").map(|i| i + at);
        match (comment, script) {
            (Some(c), s) if s.is_none_or(|s| c < s) => {
                let end = lower[c..].find("-->").ok_or("a comment is not closed")? + c + "-->".len();
                out.push_str(&shell[at..end]);
                at = end;
            }
            (_, Some(start)) => {
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
                    let file_name = format!("script-{:016x}.js", fnv1a(content.as_bytes()));
                    let module = attributes.iter().any(|(name, value)| name == "type" && value.eq_ignore_ascii_case("module"));
                    let module = if module { " type=\"module\"" } else { "" };
                    let _ = write!(out, "<script{module} src=\"/{file_name}\"></script>");
                    scripts.push(ExternalScript { file_name, content });
                }
                at = close_end;
            }
            _ => break,
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
    let inner = tag.trim_start_matches('<').trim_end_matches('>').trim_end_matches('/');
    let mut chars = inner.char_indices().peekable();
    // Skip the tag name.
    while chars.peek().is_some_and(|(_, c)| !c.is_whitespace()) {
        chars.next();
    }
    let mut out = Vec::new();
    loop {
        while chars.peek().is_some_and(|(_, c)| c.is_whitespace()) {
            chars.next();
        }
        let mut name = String::new();
        while let Some(&(_, c)) = chars.peek() {
            if c.is_whitespace() || c == '=' {
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

/// A stable hash of some bytes, for file names and cache versions (not for security).
pub fn content_hash(bytes: &[u8]) -> u64 {
    fnv1a(bytes)
}

/// FNV-1a, 64 bits.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// The page the service worker answers with for a page it has not cached: the hardened
/// shell with no prerendered content, so the app renders whatever the URL asks for.
pub const APP_SHELL: &str = "app-shell.html";

/// `sw.js`: precaches the build (the app shell, scripts, wasm, styles, icons) so that
/// after a first visit every page works offline. Pages come from the network first (so
/// a new release shows at once and unknown paths keep their 404), then from the cache,
/// then the app shell; content-hashed assets come from the cache first. `version`
/// changes with the build, which replaces the old cache.
pub fn service_worker(version: &str, precache: &[String]) -> String {
    let list = serde_json::to_string(precache).unwrap_or_else(|_| "[]".to_owned());
    let version = serde_json::to_string(version).unwrap_or_else(|_| "\"0\"".to_owned());
    format!(
        r#"// Dossier's service worker, written by `dossier pages`; see src/core/prerender.rs.
const CACHE = 'dossier-' + {version};
const PRECACHE = {list};
const SHELL = '/{APP_SHELL}';

self.addEventListener('install', (event) => {{
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(PRECACHE)).then(() => self.skipWaiting()));
}});

self.addEventListener('activate', (event) => {{
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((k) => k.startsWith('dossier-') && k !== CACHE).map((k) => caches.delete(k))))
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
  event.respondWith(caches.open(CACHE).then(async (cache) => (await cache.match(request)) ?? fetch(request)));
}});
"#
    )
}
