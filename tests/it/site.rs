//! The static site: pages rendered by the app's own components (heads, bodies, hostile
//! data), the hardened shell, sitemap, robots, redirects and the ledger of published
//! addresses, and the export formats.

use std::sync::Arc;

use dossier::core::export::{self, Format};
use dossier::core::model::{ActorId, Corpus, Document, QuoteId};
use dossier::core::published::{check, page_hrefs, parse_published, parse_redirects, Redirect};
use dossier::core::route::{every_page, Route};
use dossier::core::search::QuoteIndex;
use dossier::core::site::{fill_shell, harden_shell, head_plumbing, redirect_page, robots, sitemap, BaseUrl, QueryData, CONTENT_SECURITY_POLICY, LIST_PAGE};
use dossier::ui::data::CorpusContext;
use dossier::ui::render::{init, render_page};

use super::{corpus, root};

/// A shell shaped like Trunk's release output.
const SHELL: &str = r#"<!DOCTYPE html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <!--HEAD-->
    <link rel="modulepreload" href="/app-1.js" crossorigin="anonymous" integrity="sha384-x">
    <link rel="preload" href="/app-1_bg.wasm" crossorigin="anonymous" integrity="sha384-y" as="fetch" type="application/wasm">
  <script type="module">
import init, * as bindings from '/app-1.js';
const wasm = await init({ module_or_path: '/app-1_bg.wasm' });
</script>
<script src="/kept.js"></script></head>
  <body>
  </body>
</html>
"#;

/// The whole page the static build writes for `route`.
pub fn page(c: &Corpus, route: &Route, base: &BaseUrl) -> String {
    init();
    let ctx = CorpusContext::with_index(Arc::new(c.clone()), QuoteIndex::new(c), base.clone()).with_citations(Some(citations(c, base))).with_previews(true);
    render_page(SHELL, &ctx, route, "").unwrap_or_else(|e| panic!("{}: {e}", route.href()))
}

/// The citations the build renders for `c` under `base`: rendering them is slow in a
/// debug build, so each corpus and base is rendered once per test thread.
fn citations(c: &Corpus, base: &BaseUrl) -> Arc<dossier::core::cite::Citations> {
    thread_local! {
        static MADE: std::cell::RefCell<Vec<(String, Arc<dossier::core::cite::Citations>)>> = const { std::cell::RefCell::new(Vec::new()) };
    }
    let key = format!("{:?}{:?}{:?}{:?}", base.as_str(), c.documents, c.quotes, c.events);
    MADE.with(|made| {
        if let Some((_, cites)) = made.borrow().iter().find(|(k, _)| *k == key) {
            return cites.clone();
        }
        let cites = Arc::new(dossier::core::cite::styled_all(c, base));
        made.borrow_mut().push((key, cites.clone()));
        cites
    })
}

fn head(c: &Corpus, route: &Route, base: &BaseUrl) -> String {
    let html = page(c, route, base);
    html[html.find("<head>").unwrap()..html.find("</head>").unwrap()].to_owned()
}

fn body(c: &Corpus, route: &Route) -> String {
    let html = page(c, route, &BaseUrl::default());
    html[html.find("<body>").unwrap() + "<body>".len()..html.rfind("</body>").unwrap()].to_owned()
}

/// What the renderer wrote into a page: the head's tags after the marker and the body.
fn rendered_parts(html: &str) -> String {
    let head = &html[html.find("<!--HEAD-->").unwrap()..html.find("<link rel=\"modulepreload\"").unwrap()];
    let body = &html[html.find("<body>").unwrap()..];
    format!("{head}{body}")
}

/// The value of a `<meta property|name="key" content="...">` tag in a head.
fn meta_content<'a>(head: &'a str, key: &str) -> Option<&'a str> {
    let at = head.find(&format!("=\"{key}\" content=\""))?;
    let rest = &head[at + key.len() + 13..];
    Some(&rest[..rest.find('"')?])
}

#[test]
fn every_page_has_its_own_title_description_canonical_and_preview_tags() {
    let c = corpus();
    let base = BaseUrl::new(Some("https://dossier.example.org/"));
    let mut titles = std::collections::BTreeSet::new();
    for route in every_page(&c) {
        let h = head(&c, &route, &base);
        let href = route.href();
        assert!(h.contains(&format!("<link href=\"https://dossier.example.org{href}\" rel=\"canonical\">")), "{href}: {h}");
        assert_eq!(meta_content(&h, "og:url"), Some(format!("https://dossier.example.org{href}").as_str()));
        for key in ["description", "og:title", "og:description", "og:type", "twitter:card", "twitter:title", "twitter:description"] {
            assert!(meta_content(&h, key).is_some_and(|v| !v.is_empty()), "{href} lacks {key}");
        }
        assert_eq!(h.matches("<title>").count(), 1, "{href}");
        let title = &h[h.find("<title>").unwrap() + 7..h.find("</title>").unwrap()];
        assert!(titles.insert(title.to_owned()), "{href}: title {title} is not unique");
    }
}

#[test]
fn a_quote_preview_names_the_speaker_and_the_words_and_an_event_its_date() {
    let c = corpus();
    let quote = c.quote(&QuoteId::new("shaibani-48-hours")).unwrap();
    let h = head(&c, &Route::Quote(quote.id.clone()), &BaseUrl::default());
    assert_eq!(meta_content(&h, "og:type"), Some("article"));
    assert!(meta_content(&h, "og:title").unwrap().starts_with("Asaad al-Shaibani: “48 hours”"), "{h}");
    // Reported speech in its narrator's words is never titled as the speaker's alone.
    let reported = c.quote(&QuoteId::new("russians-asked-if-reaching-damascus")).unwrap();
    let reported_head = head(&c, &Route::Quote(reported.id.clone()), &BaseUrl::default());
    let title = meta_content(&reported_head, "og:title").unwrap();
    assert!(title.starts_with("Unnamed senior Russian figure, as recounted by Asaad al-Shaibani: “they asked me"), "{title}");
    let description = meta_content(&reported_head, "og:description").unwrap();
    assert!(description.contains("2024 (inferred), as recounted by Asaad al-Shaibani: “they asked me"), "{description}");
    assert!(meta_content(&h, "og:description").unwrap().contains("“48 hours”"), "{h}");
    // Without a base URL, links stay host-relative and og:url (absolute only) is left out.
    assert!(h.contains("<link href=\"/quotes/shaibani-48-hours\" rel=\"canonical\">"), "{h}");
    assert!(meta_content(&h, "og:url").is_none());

    let long = c.quotes.iter().max_by_key(|q| q.text.chars().count()).unwrap();
    let description = meta_content(&head(&c, &Route::Quote(long.id.clone()), &BaseUrl::default()), "og:description").unwrap().to_owned();
    assert!(description.chars().count() < 400 && description.contains('…'), "{description}");

    let event = &c.events[0];
    let h = head(&c, &Route::Event(event.id.clone()), &BaseUrl::default());
    assert!(meta_content(&h, "og:description").unwrap().starts_with(&event.date.display()), "{h}");
}

#[test]
fn pages_carry_the_main_content_rendered_by_the_components() {
    let c = corpus();
    let quote = &c.quotes[3];
    let b = body(&c, &Route::Quote(quote.id.clone()));
    // Hydration starts at the body's first child: the app's own first element.
    assert!(b.starts_with("<a href=\"#main\" class=\"skip-link\">"), "{}", &b[..80]);
    assert!(b.contains(&format!("<h1>Quote by <!---->{}", c.actor_name(&quote.speaker))), "{b}");
    assert!(b.contains("<button type=\"button\">Copy link"), "the controls are part of the page");
    let event = &c.events[10];
    let b = body(&c, &Route::Event(event.id.clone()));
    assert!(b.contains("<h2>Evidence"));
    let doc = &c.documents[1];
    let b = body(&c, &Route::document(&doc.id));
    assert_eq!(b.matches("class=\"para ").count(), doc.paragraphs.len());
    let b = body(&c, &Route::Timeline(Default::default()));
    assert_eq!(b.matches("class=\"event\">").count(), c.events.len());
    assert_eq!(b.matches("<section").count(), b.matches("</section>").count());
    let b = body(&c, &Route::Quotes(Default::default()));
    assert!(b.contains("<form action=\"/quotes\" method=\"get\">"), "the search box works without the wasm");
    assert!(b.contains("name=\"q\""));
    let b = body(&c, &Route::Actor(ActorId::new("no-such-actor")));
    assert!(b.contains("<h1>No such <!---->actor"));
    let b = body(&c, &Route::NotFound { path: String::new() });
    assert!(b.contains("<h1>Page not found") && b.contains("no page at this address"), "{b}");
}

#[test]
fn a_date_range_is_two_time_elements() {
    let c = corpus();
    let quote = c.quote(&QuoteId::new("shaibani-48-hours")).unwrap();
    let b = body(&c, &Route::Quote(quote.id.clone()));
    assert!(b.contains("<time datetime=\"2024-11-26\">26 November<!----></time> – <time datetime=\"2024-12-08\">8 December 2024"), "{b}");
    for route in every_page(&c) {
        let b = body(&c, &route);
        assert!(!b.contains("datetime=\"\"") && !b.contains("datetime=\"2024-11-26/"), "{}", route.href());
    }
}

#[test]
fn data_text_is_escaped_never_inserted_as_markup() {
    let mut c = corpus();
    let hostile = "<script>alert(\"x\")</script> & 'quoted' <img src=x onerror=alert(1)>";
    c.quotes[0].text = hostile.to_owned();
    let speaker = c.quotes[0].speaker.clone();
    c.actors.iter_mut().find(|a| a.id == speaker).unwrap().name = hostile.to_owned();
    let route = Route::Quote(c.quotes[0].id.clone());
    let html = rendered_parts(&page(&c, &route, &BaseUrl::default()));
    assert!(!html.contains("<script") && !html.contains("<img src=x"), "{html}");
    assert!(html.contains("&lt;script&gt;alert("), "{html}");
}

#[test]
fn no_page_carries_markup_from_hostile_data() {
    let mut c = corpus();
    let hostile = "<script>x()</script><img src=x onerror=y()>\"'&";
    for q in &mut c.quotes {
        q.text = hostile.to_owned();
    }
    for a in &mut c.actors {
        a.name = format!("{} {hostile}", a.name);
        a.description = hostile.to_owned();
        a.aliases.push(hostile.to_owned());
    }
    for e in &mut c.events {
        e.title = format!("{} {hostile}", e.title);
        e.evidence = hostile.to_owned();
    }
    for d in &mut c.documents {
        d.title = format!("{} {hostile}", d.title);
        d.kind = hostile.to_owned();
        for p in &mut d.paragraphs {
            p.text = hostile.to_owned();
        }
    }
    for route in every_page(&c) {
        let html = rendered_parts(&page(&c, &route, &BaseUrl::default()));
        assert!(
            !html.contains("<script") && !html.contains("<img src=x") && !html.contains("onerror=y()\""),
            "{}: {html}",
            route.href()
        );
    }
}

#[test]
fn the_builds_head_tags_name_the_data_and_the_rendered_route() {
    let query_data = ["/data/quotes-4.bin".to_owned(), "/data/index-5.bin".to_owned()];
    let tags = head_plumbing("/data/manifest-1.bin", Some(&Route::Quotes(Default::default())), &["/data/quotes-2.bin".into()], None, Some("/pending-3.js"), &QueryData { files: &query_data, otherwise: &[] });
    assert!(!tags.contains("dossier-slice"));
    assert!(tags.contains("<meta name=\"dossier-data\" content=\"/data/manifest-1.bin\">"));
    assert!(tags.contains("<meta name=\"dossier-page\" content=\"/quotes\">"));
    assert!(tags.contains("<link rel=\"preload\" href=\"/data/quotes-2.bin\" as=\"fetch\" crossorigin=\"anonymous\">"));
    assert!(tags.contains("<script src=\"/pending-3.js\"></script>"));
    // What a query needs is named before the pending script, which preloads it.
    let named = tags
        .find("<meta name=\"dossier-query-data\" content=\"/data/quotes-4.bin /data/index-5.bin\" data-keys=\"q speaker doc kind sort\">")
        .expect("the query's data named");
    // The script reads that meta by its name.
    assert!(dossier::core::site::PENDING_SCRIPT.contains(&format!("meta[name=\"{}\"]", dossier::core::site::QUERY_DATA_META)));
    assert!(named < tags.find("<script").unwrap());
    assert!(!tags.contains("href=\"/data/index-5.bin\""), "preloaded only for a query: {tags}");
    // The offline shell names no rendered route: the browser renders it from scratch.
    assert!(!head_plumbing("/m", None, &[], None, None, &QueryData::default()).contains("dossier-page"));
    let hostile_files = ["x\"><script>".to_owned()];
    let hostile = head_plumbing("/m\"><script>", Some(&Route::Quotes(Default::default())), &[], Some("s\"><script>"), Some("/p\"><script>"), &QueryData { files: &hostile_files, otherwise: &hostile_files });
    assert!(!hostile.contains("<script>"), "{hostile}");
    // A record page names its slice, which it also preloads.
    let quote = head_plumbing("/m", Some(&Route::Quote(dossier::core::model::QuoteId::new("q"))), &["/data/slice-1.bin".into()], Some("slice-1.bin"), None, &QueryData::default());
    assert!(quote.contains("<meta name=\"dossier-slice\" content=\"slice-1.bin\">"), "{quote}");
}

#[test]
fn a_list_preloads_its_first_page_only_when_no_query_replaces_it() {
    let query_data = ["/data/events-4.bin".to_owned()];
    let first_view = ["/data/slice-5.bin".to_owned()];
    let query = QueryData { files: &query_data, otherwise: &first_view };
    let timeline = Route::Timeline(Default::default());
    let tags = head_plumbing("/m", Some(&timeline), &[], Some("slice-5.bin"), Some("/pending-3.js"), &query);
    // Named for the pending script, not preloaded by the parser: `/timeline?from=2024`
    // reads every event and never the first view.
    assert!(tags.contains("<meta name=\"dossier-query-data\" content=\"/data/events-4.bin\" data-keys=\"kind from to doc\" data-otherwise=\"/data/slice-5.bin\" data-keep=\"actor\">"), "{tags}");
    assert!(!tags.contains("<link rel=\"preload\" href=\"/data/slice-5.bin\""), "{tags}");
    assert!(dossier::core::site::PENDING_SCRIPT.contains("data.dataset.otherwise") && dossier::core::site::PENDING_SCRIPT.contains("data.dataset.keep"));
    // The quotes page has no key that needs its first page beside a query's files.
    let quotes = head_plumbing("/m", Some(&Route::Quotes(Default::default())), &[], None, Some("/pending-3.js"), &query);
    assert!(quotes.contains("data-otherwise=\"/data/slice-5.bin\">"), "{quotes}");
    // With no script to choose (or nothing a query adds), the first page is preloaded as before.
    for tags in [
        head_plumbing("/m", Some(&timeline), &[], None, None, &query),
        head_plumbing("/m", Some(&timeline), &[], None, Some("/pending-3.js"), &QueryData { files: &[], otherwise: &first_view }),
    ] {
        assert!(tags.contains("<link rel=\"preload\" href=\"/data/slice-5.bin\" as=\"fetch\" crossorigin=\"anonymous\">"), "{tags}");
        assert!(!tags.contains("data-otherwise"), "{tags}");
    }
}

#[test]
fn the_shell_gets_a_policy_and_loses_its_inline_scripts() {
    let (hardened, scripts) = harden_shell(SHELL).unwrap();
    assert_eq!(scripts.len(), 1);
    assert!(scripts[0].content.contains("import init"));
    assert!(scripts[0].file_name.starts_with("script-") && scripts[0].file_name.ends_with(".js"));
    assert!(hardened.contains(&format!("<script type=\"module\" src=\"/{}\"></script>", scripts[0].file_name)));
    assert!(hardened.contains("<script src=\"/kept.js\"></script>"));
    assert!(!hardened.contains("import init"));
    let charset = hardened.find("<meta charset=\"utf-8\">").unwrap();
    let policy = hardened.find("<meta http-equiv=\"Content-Security-Policy\"").unwrap();
    assert!(charset < policy && policy < hardened.find("<!--HEAD-->").unwrap());
    assert!(!CONTENT_SECURITY_POLICY.contains("unsafe-inline") && !CONTENT_SECURITY_POLICY.contains("'unsafe-eval'"));
    // The same content always gets the same file name (cacheable), other content another.
    let (_, again) = harden_shell(SHELL).unwrap();
    assert_eq!(again, scripts);
    let (_, other) = harden_shell(&SHELL.replace("app-1", "app-2")).unwrap();
    assert_ne!(other[0].file_name, scripts[0].file_name);
    assert!(harden_shell("<html><head><script>unclosed").is_err());
}

#[test]
fn a_preload_loses_only_the_integrity_the_browser_would_ignore() {
    let (hardened, _) = harden_shell(SHELL).unwrap();
    // Chromium warns on every page that it ignores `integrity` on a fetch preload (the wasm).
    assert!(hardened.contains(r#"<link rel="preload" href="/app-1_bg.wasm" crossorigin="anonymous" as="fetch" type="application/wasm">"#), "{hardened}");
    // A script keeps its check.
    assert!(hardened.contains(r#"<link rel="modulepreload" href="/app-1.js" crossorigin="anonymous" integrity="sha384-x">"#));
    let kept = [
        r#"<link rel="preload" as="script" href="/a.js" integrity="sha384-a">"#,
        r#"<LINK REL="Preload" AS="style" href="/a.css" integrity="sha384-b">"#,
        r#"<link rel="stylesheet" href="/a.css" integrity="sha384-c">"#,
        r#"<link rel="preload" as="fetch" href="/d.bin">"#,
    ];
    for tag in kept {
        let (hardened, _) = harden_shell(&format!("<html><head>{tag}</head></html>")).unwrap();
        assert!(hardened.contains(tag), "{tag} changed: {hardened}");
    }
    // Other attributes are copied as written, whatever their quotes and entities; a comment is left alone.
    let shell = r#"<html><head><!-- <link rel="preload" as="fetch" integrity="x"> --><link rel='preload' as=fetch data-x='say "a&amp;b"' integrity='sha384-z' href=/w.wasm></head></html>"#;
    let (hardened, _) = harden_shell(shell).unwrap();
    assert!(hardened.contains(r#"<!-- <link rel="preload" as="fetch" integrity="x"> -->"#), "{hardened}");
    assert!(hardened.contains(r#"<link rel="preload" as="fetch" data-x='say "a&amp;b"' href="/w.wasm">"#), "{hardened}");
    assert!(harden_shell("<html><head><link rel=\"preload").is_err());
    // Names in any case; a slash ending an unquoted value is the value's; a tag whose name
    // only starts with "link" is not a link.
    let shell = "<html><head><LINK REL=preload AS=fetch INTEGRITY=sha384-u HREF=/d/><link-card rel=preload as=fetch integrity=x></link-card><link rel=preload as=fetch integrity=y href=\"/e\"/></head></html>";
    let (hardened, _) = harden_shell(shell).unwrap();
    assert!(hardened.contains(r#"<link rel="preload" as="fetch" href="/d/">"#), "{hardened}");
    assert!(hardened.contains("<link-card rel=preload as=fetch integrity=x></link-card>"), "{hardened}");
    assert!(hardened.contains(r#"<link rel="preload" as="fetch" href="/e">"#), "{hardened}");
}

#[test]
fn the_development_shell_keeps_trunks_live_reload_inline_and_has_no_policy() {
    let shell = SHELL.replace("<script src=\"/kept.js\"></script>", "<script>const address = '{{__TRUNK_ADDRESS__}}';</script>");
    let (hardened, scripts) = harden_shell(&shell).unwrap();
    assert!(hardened.contains("<script>const address = '{{__TRUNK_ADDRESS__}}';</script>"));
    assert!(!hardened.contains("Content-Security-Policy"));
    assert_eq!(scripts.len(), 1, "the loader still moves to a file");
}

#[test]
fn hardening_minds_comments_case_quotes_and_line_breaks() {
    let shell = "<!DOCTYPE html><html><HEAD><meta charset=\"utf-8\"><title>Dossier</title>\n\
        <!-- <script>not a script</script> -->\n\
        <SCRIPT type=module>import a from '/a.js';</SCRIPT>\n\
        <script type='module' data-x=\"a>b\">import b from '/b.js';</script>\n\
        <script\n  src=\"/kept.js\"></script>\n\
        <script>window.c = 1;</script></HEAD><body></body></html>";
    let (hardened, scripts) = harden_shell(shell).unwrap();
    assert!(hardened.contains("<!-- <script>not a script</script> -->"), "comments are copied: {hardened}");
    assert_eq!(scripts.len(), 3, "{scripts:?}");
    assert_eq!(scripts[0].content, "import a from '/a.js';");
    assert_eq!(scripts[1].content, "import b from '/b.js';");
    assert_eq!(scripts[2].content, "window.c = 1;");
    let tags: Vec<&str> = hardened.match_indices("<script").map(|(i, _)| &hardened[i..i + hardened[i..].find('>').unwrap() + 1]).collect();
    assert_eq!(tags[1..], [
        format!("<script type=\"module\" src=\"/{}\">", scripts[0].file_name).as_str(),
        format!("<script type=\"module\" src=\"/{}\">", scripts[1].file_name).as_str(),
        "<script\n  src=\"/kept.js\">",
        format!("<script src=\"/{}\">", scripts[2].file_name).as_str(),
    ]);
    assert!(hardened.find("Content-Security-Policy").unwrap() > hardened.find("<meta charset").unwrap());
}

#[test]
fn hardening_reads_the_shell_as_a_browser_does() {
    // What only looks like a script (in an attribute value, a title, a textarea) stays as
    // it is; a `<!--` in a style or an attribute value opens no comment; a script's text
    // ends where HTML ends it (inside `<!-- <script>`, the first `</script>` does not).
    let kept = [
        r#"<meta name="x" content="<script>alert(1)</script>">"#,
        "<title>a <script>b()</script></title>",
        "<style>/* <!-- */ a { color: red }</style>",
        "<meta name=y content=\"<!-- not a comment\">",
        r#"<!-- var s = "</script>"; -->"#,
    ];
    let shell = format!(
        "<!DOCTYPE html><html><head><meta charset=\"utf-8\">{}<script>if (a < b) {{ c(); }}</script>\
         <script><!-- document.write(\"<script>d()</script>\"); --></script><p>after</p></head>\
         <body><textarea><script>e()</script></textarea></body></html>",
        kept.concat()
    );
    let (hardened, scripts) = harden_shell(&shell).unwrap();
    for tag in kept.into_iter().chain(["<textarea><script>e()</script></textarea>"]) {
        assert!(hardened.contains(tag), "{tag} changed: {hardened}");
    }
    let contents: Vec<&str> = scripts.iter().map(|s| s.content.as_str()).collect();
    // Text that comes in chunks (lol_html splits it at a `<`) is put back together.
    assert_eq!(contents, ["if (a < b) { c(); }", "<!-- document.write(\"<script>d()</script>\"); -->"]);
    assert!(hardened.contains(&format!("<script src=\"/{}\"></script><p>after</p>", scripts[1].file_name)), "{hardened}");
    assert_eq!(hardened.matches("<script src=").count(), 2, "{hardened}");
    // Live reload is found in a script's whole text, not one chunk of it.
    let development = shell.replace("c();", "c('{{__TRUNK_ADDRESS__}}');");
    let (hardened, scripts) = harden_shell(&development).unwrap();
    assert!(hardened.contains("<script>if (a < b) { c('{{__TRUNK_ADDRESS__}}'); }</script>"), "{hardened}");
    assert!(!hardened.contains("Content-Security-Policy"));
    assert_eq!(scripts.len(), 1);
}

#[test]
fn the_policy_follows_the_charset_however_they_are_written() {
    let policy = format!("\n    <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", dossier::core::site::escape(CONTENT_SECURITY_POLICY));
    let (hardened, _) = harden_shell("<html><HEAD lang=en>\n<META CHARSET='UTF-8'/>\n<title>t</title></HEAD></html>").unwrap();
    assert_eq!(hardened, format!("<html><HEAD lang=en>\n<META CHARSET='UTF-8'/>{policy}\n<title>t</title></HEAD></html>"));
    let (hardened, _) = harden_shell("<html><head data-x=\"a>b\"><title>t</title></head></html>").unwrap();
    assert_eq!(hardened, format!("<html><head data-x=\"a>b\">{policy}<title>t</title></head></html>"));
    // A `<head>` in a comment or an attribute value is none.
    assert_eq!(harden_shell("<html><!-- <head> --><body data-x=\"<head>\"></body></html>").unwrap_err(), "the shell has no <head>");
}

#[test]
fn a_link_is_read_whatever_its_quotes() {
    let cases = [
        // An apostrophe in an unquoted value opens no quote.
        ("<link rel=preload as=fetch integrity=x title=it's href=/a>", r#"<link rel="preload" as="fetch" title="it's" href="/a">"#),
        // A `>` in a quoted value does not end the tag.
        (r#"<link rel=preload title="a>b" as=fetch integrity="x" href=/z>"#, r#"<link rel="preload" title="a>b" as="fetch" href="/z">"#),
        // A value with both quotes keeps them both.
        (r#"<link rel=preload as=fetch data-q=a"b'c integrity=x>"#, r#"<link rel="preload" as="fetch" data-q="a&quot;b'c">"#),
        // `rel` is a list of words, `as` any case; a bare attribute has an empty value.
        ("<link crossorigin rel=\"prefetch preload\" as=FETCH href=/w integrity=x>", r#"<link crossorigin="" rel="prefetch preload" as="FETCH" href="/w">"#),
    ];
    for (link, expected) in cases {
        let (hardened, _) = harden_shell(&format!("<html><head>{link}</head></html>")).unwrap();
        assert!(hardened.contains(&format!("{expected}</head>")), "{link}: {hardened}");
    }
}

#[test]
fn a_shell_cut_off_inside_a_tag_a_comment_or_a_script_is_refused() {
    for (shell, error) in [
        ("<html><head><!-- x", "the shell ends inside a tag, a comment or an element with no end tag"),
        ("<html><head><link rel=\"preload\" href=/a", "the shell ends inside a tag, a comment or an element with no end tag"),
        ("<html><head><style>a { color: red }", "the shell ends inside a tag, a comment or an element with no end tag"),
        ("<html><head><title>Dossier", "the shell ends inside a tag, a comment or an element with no end tag"),
        ("<html><head><script>x()</script", "a <script> element has no </script>"),
        ("<html><head><script>x()</script><script type=module>y()", "a <script> element has no </script>"),
    ] {
        assert_eq!(harden_shell(shell).unwrap_err(), error, "{shell}");
    }
    // One that ends after its last tag is whole, even with no `</html>` or `</head>`.
    assert!(harden_shell("<html><head><script>x()</script>").is_ok());
}

#[test]
fn filling_the_shell_puts_the_builds_tags_before_the_marker_and_the_app_first_in_body() {
    let page = fill_shell(SHELL, "<meta name=\"x\">", "<main>app</main>").unwrap();
    assert!(page.contains("<meta name=\"x\"><!--HEAD-->"));
    assert!(page.contains("<body><main>app</main></body>"), "{page}");
    assert!(fill_shell("<html><body></body></html>", "", "").is_err(), "no marker");
    assert!(fill_shell("<html><head></head><!--HEAD--><body></body></html>", "", "").is_err(), "marker outside the head");
}

#[test]
fn sitemap_and_robots_list_every_page_absolute_when_a_base_is_set() {
    let c = corpus();
    let hrefs = page_hrefs(&c);
    let base = BaseUrl::new(Some("https://dossier.example.org"));
    let map = sitemap(&hrefs, &base);
    assert_eq!(map.matches("<loc>").count(), hrefs.len());
    assert!(map.contains("<loc>https://dossier.example.org/quotes/shaibani-48-hours</loc>"));
    assert_eq!(robots(&base), "User-agent: *\nAllow: /\nSitemap: https://dossier.example.org/sitemap.xml\n");
    assert!(!robots(&BaseUrl::new(None)).contains("Sitemap"));
    assert!(sitemap(&hrefs, &BaseUrl::new(Some(""))).contains("<loc>/timeline</loc>"));
}

#[test]
fn the_bundled_ledger_holds_every_page_and_every_address_it_lists_still_answers() {
    let c = corpus();
    let ledger = parse_published(&std::fs::read_to_string(root("data/published.txt")).unwrap());
    for page in page_hrefs(&c) {
        assert!(ledger.contains(&page), "{page} is not in data/published.txt: run `cargo run --bin dossier -- published data/`");
    }
    let redirects = parse_redirects(std::fs::read_to_string(root("data/redirects.json")).ok().as_deref()).unwrap();
    assert_eq!(check(&c, &redirects, Some(&ledger)), []);
}

#[test]
fn the_next_ledger_keeps_every_old_address() {
    let c = corpus();
    let previous = vec!["/quotes/retired".to_owned(), "/".to_owned()];
    let redirects = [Redirect { from: "/events/renamed".into(), to: "/timeline".into(), reason: None }];
    let next = dossier::core::published::next_ledger(&c, &redirects, &previous);
    assert_eq!(next[..3], ["/quotes/retired", "/", "/events/renamed"]);
    assert_eq!(next.len(), 2 + 1 + page_hrefs(&c).len() - 1, "no repeats");
    assert!(page_hrefs(&c).iter().all(|p| next.contains(p)));
}

#[test]
fn a_redirect_comes_only_from_a_page_address_with_a_slug_id() {
    let c = corpus();
    let to = format!("/quotes/{}", c.quotes[0].id);
    for bad in ["/quotes/..", "/actors/.", "/timeline?actor=x", "/quotes/a/b", "/", "/quotes", "/quotes/Bad_Id", "/quotes/x#p-1", "/documents/x?quote=y"] {
        let r = Redirect { from: bad.into(), to: to.clone(), reason: None };
        let errors = check(&c, &[r], None);
        assert!(errors.iter().any(|e| e.record == bad && e.reason.contains("`from` must be")), "{bad}: {errors:?}");
    }
    let ok = Redirect { from: "/events/old-name".into(), to: to.clone(), reason: None };
    assert_eq!(check(&c, &[ok], None), []);
    // A part of a document that grew shorter, in its one spelling.
    let part = Redirect { from: "/documents/old-report/part/3".into(), to: to.clone(), reason: None };
    assert_eq!(check(&c, &[part], None), []);
    let bad = Redirect { from: "/documents/old-report/part/1".into(), to, reason: None };
    assert!(check(&c, &[bad], None).iter().any(|e| e.reason.contains("`from` must be")));
}

#[test]
fn a_published_id_cannot_disappear_without_a_redirect() {
    let mut c = corpus();
    let ledger = page_hrefs(&c);
    let old = c.quotes[0].id.clone();
    let new = QuoteId::new("renamed-quote");
    c.quotes[0].id = new.clone();
    let errors = check(&c, &[], Some(&ledger));
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].file, "published.txt");
    assert_eq!(errors[0].record, format!("/quotes/{old}"));
    let moved = Redirect { from: format!("/quotes/{old}"), to: format!("/quotes/{new}"), reason: None };
    assert_eq!(check(&c, std::slice::from_ref(&moved), Some(&ledger)), []);
    // A redirect must not hide a live page, point nowhere, or come twice.
    let shadow = Redirect { from: "/quotes/renamed-quote".into(), to: "/timeline".into(), reason: None };
    let nowhere = Redirect { from: "/events/gone".into(), to: "/events/also-gone".into(), reason: None };
    let errors = check(&c, &[moved.clone(), moved, shadow, nowhere], Some(&ledger));
    let records: Vec<&str> = errors.iter().map(|e| e.record.as_str()).collect();
    assert_eq!(records, [format!("/quotes/{old}").as_str(), "/quotes/renamed-quote", "/events/gone"]);
    assert!(parse_redirects(Some("[{\"from\": 1}]")).is_err());
}

#[test]
fn a_redirect_page_sends_the_reader_on() {
    let page = redirect_page("/quotes/new-id", &BaseUrl::default(), CONTENT_SECURITY_POLICY);
    assert!(page.contains("<meta http-equiv=\"refresh\" content=\"0; url=/quotes/new-id\">"));
    assert!(page.contains("<a href=\"/quotes/new-id\">"));
    assert!(page.contains("Content-Security-Policy"));
    // With the site's icon: a page without one makes the browser ask for a /favicon.ico
    // no static site of Dossier's has.
    assert!(page.contains("<link rel=\"icon\" href=\"/favicon.svg\" type=\"image/svg+xml\">"), "{page}");
}

#[test]
fn exports_hold_exactly_what_is_shown_verbatim() {
    let c = corpus();
    let shown = [5, 0, 12];
    let csv = export::quotes(&c, &shown, Format::Csv, "https://d.example").content;
    assert_eq!(csv.matches("\r\n").count(), 1 + shown.len());
    for &i in &shown {
        assert!(csv.contains(&c.quotes[i].text.replace('"', "\"\"")), "{}", c.quotes[i].id);
    }
    assert!(csv.starts_with("\u{feff}id,speaker,said_to,said_on,said_on_shown,said_on_precision,said_on_derivation,kind,reported_by,text,document,paragraph,url\r\n"));
    // An inferred date says how, as the page does: a quote of each kind of date.
    let inferred = c.quotes.iter().position(|q| q.said_on.as_ref().is_some_and(|d| d.derivation.is_some())).unwrap();
    let stated = c.quotes.iter().position(|q| q.said_on.as_ref().is_some_and(|d| d.derivation.is_none()));
    let undated = c.quotes.iter().position(|q| q.said_on.is_none());
    let picked: Vec<usize> = [Some(inferred), stated, undated].into_iter().flatten().collect();
    let rows = export::quotes(&c, &picked, Format::Csv, "").content;
    let json: serde_json::Value = serde_json::from_str(&export::quotes(&c, &picked, Format::Json, "").content).unwrap();
    for (k, &i) in picked.iter().enumerate() {
        let said_on = c.quotes[i].said_on.as_ref();
        let derivation = said_on.and_then(|d| d.derivation.as_deref());
        assert_eq!(json[k]["said_on"]["derivation"].as_str(), derivation, "{}", c.quotes[i].id);
        assert_eq!(json[k]["said_on"]["shown"].as_str().map(str::to_owned), said_on.map(|d| d.display()));
        assert_eq!(json[k]["said_on"].is_null(), said_on.is_none());
        if let Some(derivation) = derivation {
            assert!(rows.contains(&derivation.replace('"', "\"\"")), "{}", c.quotes[i].id);
        }
    }
    let json: serde_json::Value = serde_json::from_str(&export::quotes(&c, &shown, Format::Json, "").content).unwrap();
    let ids: Vec<&str> = json.as_array().unwrap().iter().map(|r| r["id"].as_str().unwrap()).collect();
    assert_eq!(ids, shown.iter().map(|&i| c.quotes[i].id.as_str()).collect::<Vec<_>>());
    for (record, &i) in json.as_array().unwrap().iter().zip(&shown) {
        assert_eq!(record["text"], c.quotes[i].text.as_str());
        assert_eq!(record["said_on"]["start"].as_str().map(str::to_owned), c.quotes[i].said_on.as_ref().map(|d| d.start.iso()));
    }
    let md = export::quotes(&c, &shown, Format::Markdown, "https://d.example").content;
    assert_eq!(md.lines().count(), 3);
    for (line, &i) in md.lines().zip(&shown) {
        assert!(line.contains(&c.quotes[i].text) && line.ends_with(&format!("https://d.example/quotes/{}", c.quotes[i].id)), "{line}");
    }
    let all: Vec<usize> = (0..c.events.len()).collect();
    let events: serde_json::Value = serde_json::from_str(&export::events(&c, &all, Format::Json, "").content).unwrap();
    assert_eq!(events.as_array().unwrap().len(), c.events.len());
    let derived = c.events.iter().position(|e| e.date.derivation.is_some()).unwrap();
    assert_eq!(events[derived]["date"]["derivation"], c.events[derived].date.derivation.as_deref().unwrap());
    assert!(export::events(&c, &[], Format::Csv, "").content.starts_with("\u{feff}id,title,date,"));
}

#[test]
fn long_lists_are_rendered_a_page_at_a_time() {
    let (files, _) = dossier::synth::corpus(250, 7);
    let c = dossier::core::load::load(&files).unwrap();
    let b = body(&c, &Route::Quotes(Default::default()));
    assert_eq!(b.matches("<figure class=\"quote").count(), LIST_PAGE);
    assert!(b.contains("Show 100 more quotes") && b.contains("(100 of 250 shown)"), "{}", &b[b.len() - 600..]);
    // The bundled corpus is shorter than a page: everything is shown, with no button.
    let bundled = corpus();
    let b = body(&bundled, &Route::Quotes(Default::default()));
    assert_eq!(b.matches("<figure class=\"quote").count(), bundled.quotes.len());
    assert!(!b.contains("show-more"));
}

#[test]
fn the_synthetic_corpus_is_valid_deterministic_and_its_truth_is_what_search_finds() {
    let (a, flat) = dossier::synth::corpus(2000, 11);
    let (b, _) = dossier::synth::corpus(2000, 11);
    assert_eq!(a.quotes, b.quotes);
    let c = dossier::core::load::load(&a).unwrap();
    assert_eq!(c.quotes.len(), 2000);
    assert_eq!(c.actors.len(), dossier::synth::SPEAKERS);
    let index = dossier::core::search::QuoteIndex::new(&c);
    for query in dossier::synth::QUERIES {
        let Some(truth) = dossier::synth::truth(&flat, query) else { continue };
        assert!(!truth.is_empty(), "{query} has an empty true set");
        let q = dossier::core::route::QuoteQuery { q: query.into(), ..Default::default() };
        let mut found: Vec<usize> = index.search(&c, &q).iter().map(|h| h.quote).collect();
        found.sort_unstable();
        assert_eq!(found, truth, "{query}");
    }
}

/// What Zotero's embedded-metadata import takes from a page's head: Highwire's
/// `citation_*` first, Dublin Core (`DC.*`) next, then Open Graph, each tag read with
/// an HTML parser as the browser would.
#[derive(Debug, Default, PartialEq)]
struct Imported {
    title: Option<String>,
    /// (family, given) per author; "Last, First" as the tags write them.
    creators: Vec<(String, String)>,
    date: Option<String>,
    /// The publisher, or the site name Zotero falls back to where none is given.
    publisher: Option<String>,
    url: Option<String>,
    abstract_note: Option<String>,
}

fn import_like_zotero(html: &str) -> Imported {
    let doc = scraper::Html::parse_document(html);
    let metas = scraper::Selector::parse("head meta").unwrap();
    let mut tags: Vec<(String, String)> = Vec::new();
    for m in doc.select(&metas) {
        let key = m.value().attr("name").or(m.value().attr("property"));
        if let (Some(key), Some(content)) = (key, m.value().attr("content")) {
            tags.push((key.to_owned(), content.to_owned()));
        }
    }
    let first = |keys: &[&str]| keys.iter().find_map(|k| tags.iter().find(|(n, _)| n.eq_ignore_ascii_case(k)).map(|(_, v)| v.clone()));
    let authors: Vec<&String> = tags.iter().filter(|(n, _)| n == "citation_author").map(|(_, v)| v).collect();
    let authors = if authors.is_empty() { tags.iter().filter(|(n, _)| n.eq_ignore_ascii_case("DC.creator")).map(|(_, v)| v).collect() } else { authors };
    Imported {
        title: first(&["citation_title", "DC.title", "og:title"]),
        creators: authors
            .into_iter()
            .map(|a| match a.split_once(", ") {
                Some((family, given)) => (family.to_owned(), given.to_owned()),
                None => (a.clone(), String::new()),
            })
            .collect(),
        date: first(&["citation_publication_date", "citation_date", "DC.date"]),
        publisher: first(&["citation_publisher", "DC.publisher", "og:site_name"]),
        url: first(&["DC.identifier", "og:url"]),
        abstract_note: first(&["DC.description", "description"]),
    }
}

#[test]
fn reference_managers_read_the_source_document_and_the_passage_from_the_head() {
    let c = corpus();
    let base = BaseUrl::new(Some("https://d.example"));
    let quote = Route::Quote(QuoteId::new("shaibani-48-hours"));
    let html = page(&c, &quote, &base);
    let got = import_like_zotero(&html);
    assert_eq!(
        got,
        Imported {
            title: Some("Asaad al-Shaibani on how Syria untangled its Russian knot".into()),
            creators: vec![("Hamidi".into(), "Ibrahim".into())],
            date: None,
            publisher: Some("Al Majalla".into()),
            url: Some("https://d.example/quotes/shaibani-48-hours".into()),
            abstract_note: Some("Paragraph 71, Asaad al-Shaibani to Russia, 26 November – 8 December 2024 (inferred): “48 hours”".into()),
        }
    );
    // A source with no author, publisher or date: none is made up, and the site's name,
    // which the import would take for the publisher, is left out too.
    let analysis = c.documents.iter().find(|d| d.publisher.is_none() && d.author.is_none()).unwrap();
    for route in every_page(&c) {
        let of_analysis = match &route {
            Route::Document { id, .. } => id == &analysis.id,
            Route::Quote(id) => c.quote(id).is_some_and(|q| q.document == analysis.id),
            Route::Event(id) => c.event(id).is_some_and(|e| e.document == analysis.id),
            _ => continue,
        };
        let html = page(&c, &route, &base);
        let got = import_like_zotero(&html);
        if of_analysis {
            assert_eq!(got.title, Some(format!("[{}]", analysis.title)), "{}", route.href());
            assert!(got.creators.is_empty() && got.date.is_none() && got.publisher.is_none(), "{}: {got:?}", route.href());
        } else {
            assert_eq!(got.creators, vec![("Hamidi".to_owned(), "Ibrahim".to_owned())], "{}", route.href());
            assert_eq!(got.publisher.as_deref(), Some("Al Majalla"), "{}", route.href());
        }
        assert_eq!(got.url, Some(format!("https://d.example{}", route.href())));
    }
    // With a base URL the preview image is absolute, as Open Graph wants it.
    let h = head(&c, &quote, &base);
    let image = meta_content(&h, "og:image").unwrap();
    assert!(image.starts_with("https://d.example/previews/quote-") && image.ends_with(".png"), "{image}");
    assert_eq!(meta_content(&h, "twitter:card"), Some("summary_large_image"));
    // Pages that are no record's keep the site's name and carry no citation fields.
    let home = page(&c, &Route::Home, &base);
    assert!(home.contains("property=\"og:site_name\"") && !home.contains("citation_title"));
}

#[test]
fn a_document_highlights_only_its_own_quote_and_says_so_of_another_documents() {
    let c = corpus();
    let (doc, other) = (&c.documents[0], &c.documents[1]);
    let own = c.quotes.iter().find(|q| q.document == doc.id).unwrap();
    let foreign = c.quotes.iter().find(|q| q.document == other.id).unwrap();
    let at = |quote: &QuoteId| body(&c, &Route::Document { id: doc.id.clone(), part: 1, quote: Some(quote.clone()), paragraph: None });
    let html = at(&own.id);
    assert!(html.contains("<mark>") && !html.contains("No quote with the id"), "{html}");
    let html = at(&foreign.id);
    assert!(!html.contains("<mark>"), "another document's quote is highlighted here");
    let note = &html[html.find("No quote with the id").expect("the note")..];
    let note = &note[..note.find("</p>").unwrap()];
    assert!(note.contains(foreign.id.as_str()) && note.contains("is in this document"), "{note}");
}

#[test]
fn a_printed_list_says_its_filters_in_words() {
    use dossier::core::meta::{quote_filters, timeline_filters};
    use dossier::core::route::parse;
    let corpus = corpus();
    let timeline = |href: &str| match parse(href).route {
        Route::Timeline(q) => timeline_filters(&corpus, &q),
        other => panic!("{other:?}"),
    };
    assert_eq!(timeline("/timeline"), None);
    assert_eq!(
        timeline("/timeline?actor=vladimir-putin,ahmed-al-sharaa,sergei-lavrov&match=all&kind=state&from=2024-11&to=2024-12-08"),
        Some("Events involving Vladimir Putin, Ahmed al-Sharaa and Sergei Lavrov, with an actor of the kind State, from November 2024 to 8 December 2024.".to_owned())
    );
    assert_eq!(
        timeline("/timeline?actor=vladimir-putin,ahmed-al-sharaa&doc=shaibani-moscow-visit-2025&to=2025"),
        Some("Events involving Vladimir Putin or Ahmed al-Sharaa, reported in “Syria's foreign minister visits Moscow”, up to 2025.".to_owned())
    );
    let quotes = |href: &str| match parse(href).route {
        Route::Quotes(q) => quote_filters(&corpus, &q),
        other => panic!("{other:?}"),
    };
    assert_eq!(quotes("/quotes?sort=date"), None);
    assert_eq!(
        quotes("/quotes?q=%20Russia%20&speaker=asaad-al-shaibani&kind=interview-answer&doc=majalla-shaibani-interview-part-1"),
        Some("Quotes found by “Russia”, said by Asaad al-Shaibani, of the kind Interview answer, in “Asaad al-Shaibani on how Syria untangled its Russian knot”.".to_owned())
    );
}

#[test]
fn the_home_page_lists_the_latest_documents_and_links_to_every_one() {
    use dossier::core::date::{DateSpec, PartialDate, Precision};
    use dossier::core::model::DocumentId;
    use dossier::core::stats::{latest_documents, HOME_DOCUMENTS};
    // The bundled corpus: every document, in its order, and no link to more.
    let bundled = corpus();
    let b = body(&bundled, &Route::Home);
    let ids: Vec<_> = latest_documents(&bundled).iter().map(|d| d.id.clone()).collect();
    assert_eq!(ids, bundled.documents.iter().map(|d| d.id.clone()).collect::<Vec<_>>());
    assert!(!b.contains("the most recently published first"));
    // Fourteen more: twelve dated (out of order, two of them on the same day), two undated.
    let mut c = bundled.clone();
    let day = |y, m, d| Some(DateSpec { start: PartialDate::ymd(y, m, d).unwrap(), end: None, precision: Precision::Day, derivation: None });
    let dates = [day(2019, 3, 1), None, day(2024, 12, 8), day(2021, 6, 30), day(2024, 12, 8), day(2018, 1, 2), None, day(2020, 2, 29), day(2023, 7, 14), day(2022, 5, 5), day(2017, 9, 9), day(2025, 1, 20), day(2016, 4, 4), day(2015, 8, 8)];
    for (k, published) in dates.iter().enumerate() {
        let mut d = bundled.documents[0].clone();
        d.id = DocumentId::new(format!("extra-{k}"));
        d.title = format!("Extra document {k}");
        d.published = published.clone();
        c.documents.push(d);
    }
    let latest: Vec<&str> = latest_documents(&c).iter().map(|d| d.id.as_str()).collect();
    // Newest first, the two of 8 December 2024 in the corpus's order; the ten newest are
    // all dated, so no undated one is listed.
    assert_eq!(latest, ["extra-11", "extra-2", "extra-4", "extra-8", "extra-9", "extra-3", "extra-7", "extra-0", "extra-5", "extra-10"]);
    assert_eq!(latest.len(), HOME_DOCUMENTS);
    let n = c.documents.len();
    let b = body(&c, &Route::Home);
    let list = &b[b.find("<ul class=\"documents\">").unwrap()..];
    let list = &list[..list.find("</ul>").unwrap()];
    assert_eq!(list.matches("<li>").count(), HOME_DOCUMENTS);
    let order: Vec<usize> = latest.iter().map(|id| list.find(&format!("href=\"/documents/{id}\"")).unwrap_or_else(|| panic!("{id} not listed"))).collect();
    assert!(order.windows(2).all(|w| w[0] < w[1]), "listed out of order: {order:?}");
    let beyond = &b[b.find("<p class=\"beyond\">").expect("a line on the documents not listed")..];
    let beyond = beyond[..beyond.find("</p>").unwrap()].replace("<!---->", "");
    assert_eq!(beyond, format!("<p class=\"beyond\">{HOME_DOCUMENTS} of {n} documents, the most recently published first: <a href=\"/documents\">all {n} documents</a>."));
    // Undated documents come after the dated ones, in the corpus's order.
    let undated: Vec<&Document> = c.documents.iter().filter(|d| d.published.is_none()).collect();
    let mut all = c.clone();
    all.documents.retain(|d| d.published.is_none() || d.id.as_str() == "extra-11");
    let latest: Vec<&str> = latest_documents(&all).iter().map(|d| d.id.as_str()).collect();
    let mut expected = vec!["extra-11"];
    expected.extend(undated.iter().map(|d| d.id.as_str()));
    assert_eq!(latest, expected);
    // Twelve documents of which none is dated: the first ten in the corpus's order, and
    // no word of an order by date that is not there.
    let mut none_dated = bundled.clone();
    for k in 0..10 {
        let mut d = bundled.documents[0].clone();
        d.id = DocumentId::new(format!("undated-{k}"));
        d.published = None;
        none_dated.documents.push(d);
    }
    let ids: Vec<&str> = latest_documents(&none_dated).iter().map(|d| d.id.as_str()).collect();
    let corpus_order: Vec<&str> = none_dated.documents.iter().take(HOME_DOCUMENTS).map(|d| d.id.as_str()).collect();
    assert_eq!(ids, corpus_order);
    let b = body(&none_dated, &Route::Home);
    let beyond = &b[b.find("<p class=\"beyond\">").expect("a line on the documents not listed")..];
    let beyond = beyond[..beyond.find("</p>").unwrap()].replace("<!---->", "");
    assert_eq!(beyond, format!("<p class=\"beyond\">{HOME_DOCUMENTS} of 12 documents: <a href=\"/documents\">all 12 documents</a>."));
}
