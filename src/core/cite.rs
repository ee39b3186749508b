//! Citations of a document, a quote or an event, in the forms researchers use: a plain
//! sentence, BibTeX, RIS and CSL-JSON (encoded here, on both targets, so exports in the
//! browser make them too), and APA and Chicago text, which a CSL engine renders from the
//! same CSL-JSON at build time ([`styled`], native only: the wasm carries no CSL engine,
//! the build ships the rendered text in the data).
//!
//! What is cited is always the source document as it is; a quote or an event is a passage
//! of it, located by paragraph, and the link is the Dossier page of that passage. Nothing
//! the source does not state is filled in: no author, publisher or date is invented, a
//! title Dossier's editors supplied is marked as such, and a publication date is given
//! only at day, month or year precision (a range or an approximate date is left out).

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::core::date::{DateSpec, Precision};
use crate::core::model::{Corpus, Document, DocumentId, Event, EventId, Quote, QuoteId};
use crate::core::route::Route;
use crate::core::site::BaseUrl;

/// The host a citation's link names when the build has no base URL: the static build
/// does not know where it will be served, so citations made then carry this origin and
/// the page puts its own origin in its place ([`with_origin`]).
pub const UNKNOWN_ORIGIN: &str = "https://dossier.invalid";

/// The link a citation gives for a page: absolute under the build's base URL, or under
/// [`UNKNOWN_ORIGIN`] when the build has none.
pub fn link(base: &BaseUrl, href: &str) -> String {
    if base.is_absolute() {
        base.url(href)
    } else {
        format!("{UNKNOWN_ORIGIN}{href}")
    }
}

/// A citation made with [`UNKNOWN_ORIGIN`], with `origin` (`https://host`, or empty for a
/// site-relative link) in its place.
pub fn with_origin(text: &str, origin: &str) -> String {
    text.replace(UNKNOWN_ORIGIN, origin)
}

/// What a citation is of.
#[derive(Clone, Copy, Debug)]
pub enum Cited<'a> {
    Document(&'a Document),
    Quote(&'a Quote),
    Event(&'a Event),
}

impl<'a> Cited<'a> {
    /// The record's id (the citation key in BibTeX and CSL-JSON).
    pub fn id(&self) -> &'a str {
        match self {
            Cited::Document(d) => d.id.as_str(),
            Cited::Quote(q) => q.id.as_str(),
            Cited::Event(e) => e.id.as_str(),
        }
    }

    /// The record a page is about, if it is a document, a quote or an event that exists.
    pub fn on_page(corpus: &'a Corpus, page: &crate::core::route::Page) -> Option<Cited<'a>> {
        use crate::core::route::Page;
        match page {
            // Every part of a document cites the document.
            Page::Document(id, _) => corpus.document(id).map(Cited::Document),
            Page::Quote(id) => corpus.quote(id).map(Cited::Quote),
            Page::Event(id) => corpus.event(id).map(Cited::Event),
            _ => None,
        }
    }

    /// Whether the source names its publisher. Where it does not, the page leaves out
    /// `og:site_name` too, which reference managers would take for the publisher.
    pub fn publisher_stated(&self, corpus: &Corpus) -> bool {
        self.source(corpus).0.is_some_and(|d| d.publisher.is_some())
    }

    /// The page of the record.
    pub fn route(&self) -> Route {
        match self {
            Cited::Document(d) => Route::document(&d.id),
            Cited::Quote(q) => Route::Quote(q.id.clone()),
            Cited::Event(e) => Route::Event(e.id.clone()),
        }
    }

    /// The source document and the paragraph of the passage.
    fn source(&self, corpus: &'a Corpus) -> (Option<&'a Document>, Option<u32>) {
        match self {
            Cited::Document(d) => (Some(d), None),
            Cited::Quote(q) => (corpus.document(&q.document), Some(q.paragraph)),
            Cited::Event(e) => (corpus.document(&e.document), Some(e.paragraph)),
        }
    }

    /// What the passage is, in words: "Paragraph 71, Asaad al-Shaibani to Russia, 26
    /// November – 8 December 2024: “48 hours”". None for a document.
    pub fn passage(&self, corpus: &Corpus) -> Option<String> {
        match self {
            Cited::Document(_) => None,
            Cited::Quote(q) => {
                Some(format!("Paragraph {}, {}: “{}”", q.paragraph, said_by(corpus, q), q.text))
            }
            Cited::Event(e) => Some(format!("Paragraph {}, event: {}, {}", e.paragraph, e.title, e.date.display_noting_inference())),
        }
    }
}

/// A personal name as citation formats want it, split at its last space ("Ibrahim
/// Hamidi" → Hamidi, Ibrahim), as reference managers split a one-field name. A one-word
/// name (or an organisation written as one) is kept whole.
fn name_parts(name: &str) -> Option<(&str, &str)> {
    let name = name.trim();
    // Several people, or a name already written "Family, Given", is kept as written.
    if name.contains(',') || name.contains('&') || name.contains(" and ") {
        return None;
    }
    let (given, family) = name.rsplit_once(' ')?;
    Some((family.trim(), given.trim())).filter(|(f, g)| !f.is_empty() && !g.is_empty())
}

/// The publication date the citation may give: a day, a month or a year, as the text
/// states it. A date a curator inferred (it has a derivation) is not given as the
/// source's: reference formats have no way to say "inferred".
fn stated_date(doc: &Document) -> Option<(i32, Option<u8>, Option<u8>)> {
    let date: &DateSpec = doc.published.as_ref()?;
    (matches!(date.precision, Precision::Day | Precision::Month | Precision::Year) && date.derivation.is_none())
        .then(|| (date.start.year_value(), date.start.month_value(), date.start.day_value()))
}

/// The title as cited: a title Dossier's editors supplied is bracketed, as APA and
/// Chicago mark a description standing in for a missing title.
pub(crate) fn cited_title(doc: &Document) -> String {
    if doc.title_supplied {
        format!("[{}]", doc.title)
    } else {
        doc.title.clone()
    }
}

/// The CSL-JSON item of a citation: the source document, with the passage in `note` and
/// the Dossier page as `URL`. [`styled`] renders APA and Chicago from this same item.
pub fn csl_json(corpus: &Corpus, cited: Cited, url: &str) -> Value {
    let mut item = Map::new();
    item.insert("id".into(), json!(cited.id()));
    let (doc, _) = cited.source(corpus);
    // A web page: how the passage is read and linked. (CSL's `interview` type would make
    // the document's author the person interviewed; here the author is the interviewer.)
    item.insert("type".into(), json!("webpage"));
    if doc.is_some_and(|d| d.kind == "interview") {
        item.insert("genre".into(), json!("Interview"));
    }
    if let Some(doc) = doc {
        item.insert("title".into(), json!(cited_title(doc)));
        if let Some(author) = &doc.author {
            let name = match name_parts(author) {
                Some((family, given)) => json!({ "family": family, "given": given }),
                None => json!({ "literal": author }),
            };
            item.insert("author".into(), json!([name]));
        }
        if let Some(publisher) = &doc.publisher {
            item.insert("publisher".into(), json!(publisher));
        }
        if let Some((year, month, day)) = stated_date(doc) {
            let parts: Vec<Value> = [Some(i64::from(year)), month.map(i64::from), day.map(i64::from)].into_iter().flatten().map(Value::from).collect();
            item.insert("issued".into(), json!({ "date-parts": [parts] }));
        }
    }
    if let Some(passage) = cited.passage(corpus) {
        item.insert("note".into(), json!(passage));
    }
    item.insert("URL".into(), json!(url));
    Value::Object(item)
}

/// CSL-JSON of several citations: a JSON array, as reference managers import it.
pub fn csl_json_list(items: Vec<Value>) -> String {
    serde_json::to_string_pretty(&Value::Array(items)).unwrap_or_else(|_| "[]".to_owned())
}

/// A BibTeX `@misc` entry (the type for a web page or a passage of one), keyed by the
/// record's id. Every field value is escaped for TeX, braces included, and the title is
/// braced so its capitals are kept.
pub fn bibtex(corpus: &Corpus, cited: Cited, url: &str) -> String {
    let (doc, _) = cited.source(corpus);
    let mut fields: Vec<(&str, String)> = Vec::new();
    if let Some(doc) = doc {
        if let Some(author) = &doc.author {
            let name = match name_parts(author) {
                Some((family, given)) => format!("{}, {}", tex(family), tex(given)),
                None => format!("{{{}}}", tex(author)),
            };
            fields.push(("author", name));
        }
        fields.push(("title", format!("{{{}}}", tex(&cited_title(doc)))));
        if let Some(publisher) = &doc.publisher {
            fields.push(("howpublished", tex(publisher)));
        }
        if let Some((year, month, _)) = stated_date(doc) {
            fields.push(("year", year.to_string()));
            if let Some(month) = month {
                fields.push(("month", crate::core::date::month_name(month).to_lowercase().chars().take(3).collect()));
            }
        }
    }
    if let Some(passage) = cited.passage(corpus) {
        fields.push(("note", tex(&passage)));
    }
    fields.push(("url", tex_url(url)));
    let key: String = cited.id().chars().filter(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':' | '.')).collect();
    let body: Vec<String> = fields
        .into_iter()
        .map(|(name, value)| if name == "month" { format!("  {name} = {value}") } else { format!("  {name} = {{{value}}}") })
        .collect();
    format!("@misc{{{key},\n{}\n}}\n", body.join(",\n"))
}

/// Text as TeX reads it: its special characters written as commands, braces as
/// balanced commands (a lone brace would end the field), line breaks as spaces.
fn tex(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\{"),
            '}' => out.push_str("\\}"),
            '#' | '$' | '%' | '&' | '_' => {
                out.push('\\');
                out.push(c);
            }
            '~' => out.push_str("\\textasciitilde{}"),
            '^' => out.push_str("\\textasciicircum{}"),
            '\n' | '\r' | '\t' => out.push(' '),
            _ => out.push(c),
        }
    }
    balance(out)
}

/// `\{` and `\}` still count as braces for BibTeX's parser: unless they nest properly
/// (never closing more than is open, all closed at the end), they are written as
/// `\textbraceleft{}` / `\textbraceright{}` instead.
fn balance(text: String) -> String {
    let mut depth = 0i64;
    let mut nested = true;
    for c in text.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        nested &= depth >= 0;
    }
    if nested && depth == 0 {
        return text;
    }
    text.replace("\\{", "\\textbraceleft{}").replace("\\}", "\\textbraceright{}")
}

/// A URL for BibTeX's `url` field (read verbatim by `\url`): braces and spaces, which
/// a URL of Dossier's never has but a base URL could, are percent-encoded.
fn tex_url(url: &str) -> String {
    url.replace('%', "%25").replace('{', "%7B").replace('}', "%7D").replace(' ', "%20").replace('\\', "%5C")
}

/// An RIS record (the tagged format every reference manager imports): `TY` to `ER`, one
/// tag a line, values on one line each.
pub fn ris(corpus: &Corpus, cited: Cited, url: &str) -> String {
    let (doc, _) = cited.source(corpus);
    // A web page (ELEC), whatever the document's kind.
    let mut lines = vec![("TY", "ELEC".to_owned())];
    if let Some(doc) = doc {
        if let Some(author) = &doc.author {
            lines.push(("AU", name_parts(author).map_or_else(|| author.clone(), |(f, g)| format!("{f}, {g}"))));
        }
        lines.push(("TI", cited_title(doc)));
        if let Some(publisher) = &doc.publisher {
            lines.push(("PB", publisher.clone()));
        }
        if let Some((year, month, day)) = stated_date(doc) {
            lines.push(("PY", year.to_string()));
            let m = month.map(|m| format!("{m:02}")).unwrap_or_default();
            let d = day.map(|d| format!("{d:02}")).unwrap_or_default();
            lines.push(("DA", format!("{year}/{m}/{d}/")));
        }
    }
    if let Some(passage) = cited.passage(corpus) {
        lines.push(("N1", passage));
    }
    lines.push(("UR", url.to_owned()));
    lines.push(("ID", cited.id().to_owned()));
    let mut out = String::new();
    for (tag, value) in lines {
        let value: String = value.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
        out.push_str(&format!("{tag}  - {}\n", value.trim()));
    }
    out.push_str("ER  - \n");
    out
}

/// The HTML a newsroom pastes into an article to quote from the dossier: a
/// `<blockquote>` with the words, the speaker (and to whom and when it was said, as far
/// as known), the source and a link back. No script, no style, every value escaped; it
/// reads as a quotation in a bare page, and right-to-left words lay out as such.
pub fn embed(corpus: &Corpus, quote: &Quote, url: &str) -> String {
    use crate::core::site::escape;
    let source = corpus.document(&quote.document).map(|doc| {
        let publisher = doc.publisher.as_ref().map(|p| format!(", {}", escape(p))).unwrap_or_default();
        format!(" In <cite>{}</cite>{publisher}.", escape(&cited_title(doc)))
    });
    let url = escape(url);
    format!(
        "<blockquote cite=\"{url}\">\n  <p dir=\"auto\">“{}”</p>\n  <footer>— {}.{} <a href=\"{url}\">Source and context on Dossier</a></footer>\n</blockquote>\n",
        escape(&quote.text),
        escape(&said_by(corpus, quote)),
        source.unwrap_or_default(),
    )
}

/// The `<meta>` fields reference managers read from a page (Zotero's embedded-metadata
/// import: Highwire's `citation_*`, then Dublin Core), for the page of `cited`: the
/// source document as it is, the passage in the description. A field the source does
/// not state is left out, never filled with a stand-in. `url` is the page's absolute
/// URL, if the build knows it.
pub fn head_fields(corpus: &Corpus, cited: Cited, url: Option<&str>) -> Vec<(&'static str, String)> {
    let (doc, _) = cited.source(corpus);
    let mut fields = Vec::new();
    let Some(doc) = doc else { return fields };
    let title = cited_title(doc);
    fields.push(("citation_title", title.clone()));
    fields.push(("DC.title", title));
    if let Some(author) = &doc.author {
        let name = name_parts(author).map_or_else(|| author.clone(), |(f, g)| format!("{f}, {g}"));
        fields.push(("citation_author", name.clone()));
        fields.push(("DC.creator", name));
    }
    if let Some((year, month, day)) = stated_date(doc) {
        let highwire = [Some(format!("{year}")), month.map(|m| format!("{m:02}")), day.map(|d| format!("{d:02}"))];
        fields.push(("citation_publication_date", highwire.iter().flatten().cloned().collect::<Vec<_>>().join("/")));
        fields.push(("DC.date", highwire.iter().flatten().cloned().collect::<Vec<_>>().join("-")));
    }
    if let Some(publisher) = &doc.publisher {
        fields.push(("citation_publisher", publisher.clone()));
        fields.push(("DC.publisher", publisher.clone()));
    }
    fields.push(("DC.type", "Text".to_owned()));
    if let Some(passage) = cited.passage(corpus) {
        fields.push(("DC.description", passage));
    }
    if let Some(url) = url {
        fields.push(("DC.identifier", url.to_owned()));
    }
    fields
}

/// The one-line citation "Copy citation" gives: who said what, where and when, as far as
/// the sources say, with the Dossier link.
pub fn plain(corpus: &Corpus, cited: Cited, url: &str) -> String {
    match cited {
        Cited::Document(doc) => format!("{}. Dossier: {url}", publication(doc)),
        Cited::Quote(quote) => quote_citation(corpus, quote, url),
        Cited::Event(event) => event_citation(corpus, event, url),
    }
}

/// Where a document was published, as far as known: "Al Majalla, 31 July 2025", or the
/// explicit unknowns ("publisher not stated, publication date not stated").
fn publication(doc: &Document) -> String {
    let publisher = doc.publisher.clone().unwrap_or_else(|| "publisher not stated".to_owned());
    let date = doc.published.as_ref().map_or_else(|| "publication date not stated".to_owned(), |d| d.display_noting_inference());
    let author = doc.author.as_ref().map(|a| format!("{a}, ")).unwrap_or_default();
    format!("{author}“{}”, {publisher}, {date}", cited_title(doc))
}

/// Who said a quote, to whom and when, as far as known, and who recounts it: "Unnamed
/// senior Russian figure to Asaad al-Shaibani, 26 November – 8 December 2024 (inferred),
/// as recounted by Asaad al-Shaibani". The passage, the embed and the plain citation all
/// name the speaker this way. Reported speech is in the words of the one who recounts
/// it, not always the speaker's ("they asked me if I expected to reach Damascus"): a
/// citation that left the narrator out would put the narrator's words in the speaker's
/// mouth.
fn said_by(corpus: &Corpus, quote: &Quote) -> String {
    let to = quote.said_to.as_ref().map(|a| format!(" to {}", corpus.actor_name(a))).unwrap_or_default();
    let when = quote.said_on.as_ref().map(|d| format!(", {}", d.display_noting_inference())).unwrap_or_default();
    format!("{}{to}{when}{}", corpus.actor_name(&quote.speaker), recounted(corpus, quote))
}

/// ", as recounted by …" for a quote with a narrator ([`Quote::narrator`]), else nothing.
pub fn recounted(corpus: &Corpus, quote: &Quote) -> String {
    quote.narrator().map(|by| format!(", as recounted by {}", corpus.actor_name(by))).unwrap_or_default()
}

/// A citation for a quote: speaker, words, when said, source and paragraph, URL.
pub fn quote_citation(corpus: &Corpus, quote: &Quote, url: &str) -> String {
    let source = corpus.document(&quote.document).map(publication).unwrap_or_default();
    let end = sentence_end(&quote.text);
    format!("{}: “{}”{end} In {source}, paragraph {}. Dossier: {url}", said_by(corpus, quote), quote.text, quote.paragraph)
}

/// What ends the sentence after quoted words that a sentence follows: nothing if the
/// words end one themselves (`.`, `?`, `!`, `…`, Arabic `؟`, before any closing quote
/// mark), else a full stop outside the quote marks, so the words stay verbatim and the
/// citation does not run on ("…by peaceful means”. In …").
pub fn sentence_end(words: &str) -> &'static str {
    let last = words.trim_end().trim_end_matches(['"', '\'', '”', '’', '»', '›', ')']).chars().next_back();
    match last {
        Some('.' | '?' | '!' | '…' | '؟' | '۔') => "",
        _ => ".",
    }
}

/// A citation for an event: title, date, the source passage's document and paragraph, URL.
pub fn event_citation(corpus: &Corpus, event: &Event, url: &str) -> String {
    let source = corpus.document(&event.document).map(publication).unwrap_or_default();
    // The date after a comma, not in parentheses: an inferred one has its own "(inferred)".
    format!("{}, {}. Source: {source}, paragraph {}. Dossier: {url}", event.title, event.date.display_noting_inference(), event.paragraph)
}

/// APA and Chicago text of one citation, as the build ships it.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Styled {
    /// APA 7th edition: the reference-list entry.
    pub apa: String,
    /// APA: the parenthetical in-text citation, with the paragraph ("para. 71").
    pub apa_in_text: String,
    /// Chicago, notes and bibliography: the full note, with the paragraph.
    pub chicago_note: String,
    /// Chicago: the bibliography entry.
    pub chicago: String,
}

/// Styled citations of documents, quotes and events, by id: natively every one the build
/// rendered; in the browser those the record pages' slices brought (`core::pack`), each
/// slice the citation of the record its page cites.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Citations {
    pub documents: BTreeMap<DocumentId, Styled>,
    pub quotes: BTreeMap<QuoteId, Styled>,
    pub events: BTreeMap<EventId, Styled>,
}

impl Citations {
    /// The styled citation of `cited`, if this set has it.
    pub fn of(&self, cited: Cited) -> Option<&Styled> {
        match cited {
            Cited::Document(d) => self.documents.get(&d.id),
            Cited::Quote(q) => self.quotes.get(&q.id),
            Cited::Event(e) => self.events.get(&e.id),
        }
    }

    /// The citation of `cited` alone (what a record page's slice carries).
    pub fn only(&self, cited: Cited) -> Citations {
        let mut one = Citations::default();
        if let Some(styled) = self.of(cited).cloned() {
            match cited {
                Cited::Document(d) => one.documents.insert(d.id.clone(), styled),
                Cited::Quote(q) => one.quotes.insert(q.id.clone(), styled),
                Cited::Event(e) => one.events.insert(e.id.clone(), styled),
            };
        }
        one
    }

    /// Adds the citations of `other` (the slices read so far, joined).
    pub fn extend(&mut self, other: Citations) {
        self.documents.extend(other.documents);
        self.quotes.extend(other.quotes);
        self.events.extend(other.events);
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use styled::{styled, styled_all};

/// `rendered` with the letters of each word the source's `title` writes in mixed case
/// ("al-Shaibani", "iPhone": a capital after its first letter) as the title writes them,
/// where a style's title case changed only their case: Chicago's headline style
/// capitalizes every word, and would print "Al-Shaibani", which is not how the name is
/// written. (CSL processors leave such words alone; hayagriva's CSL-JSON input has no way
/// to protect them.) Only where the whole title is printed, letter for letter in any
/// case (a style may curl its quote marks and apostrophes): the author, the publisher and
/// the link are never touched.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn keep_mixed_case(title: &str, rendered: &str) -> String {
    let title: Vec<char> = title.chars().collect();
    // Which of the title's letters to keep as written: those of its mixed-case words.
    let in_word = |c: char| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’');
    let mut keep = vec![false; title.len()];
    let mut at = 0;
    while at < title.len() {
        let end = title[at..].iter().position(|&c| !in_word(c)).map_or(title.len(), |k| at + k);
        let word = &title[at..end];
        let mixed = word.iter().skip(1).any(|c| c.is_uppercase()) && word.iter().any(|c| c.is_lowercase());
        keep[at..end].iter_mut().for_each(|k| *k = mixed);
        at = end + 1;
    }
    if title.is_empty() || !keep.contains(&true) {
        return rendered.to_owned();
    }
    let quote_kind = |c: char| match c {
        '\'' | '‘' | '’' => Some(1),
        '"' | '“' | '”' => Some(2),
        _ => None,
    };
    let same = |r: char, t: char| r == t || r.to_lowercase().eq(t.to_lowercase()) || quote_kind(r).is_some_and(|k| quote_kind(t) == Some(k));
    let printed: Vec<char> = rendered.chars().collect();
    let mut out = String::with_capacity(rendered.len());
    let mut k = 0;
    while k < printed.len() {
        let whole = printed.len() - k >= title.len() && title.iter().enumerate().all(|(j, &t)| same(printed[k + j], t));
        if whole {
            for (j, &t) in title.iter().enumerate() {
                out.push(if keep[j] && t.is_alphabetic() { t } else { printed[k + j] });
            }
            k += title.len();
        } else {
            out.push(printed[k]);
            k += 1;
        }
    }
    out
}

/// APA and Chicago, rendered by hayagriva (Typst's CSL processor) with the styles and
/// locales it bundles. Native only: the build renders them and ships the text.
#[cfg(not(target_arch = "wasm32"))]
mod styled {
    use hayagriva::citationberg::json::Item;
    use hayagriva::citationberg::{IndependentStyle, Locale, Style};
    use hayagriva::{archive::ArchivedStyle, BibliographyDriver, BibliographyRequest, BufWriteFormat, CitationItem, CitationRequest};
    use hayagriva::{LocatorPayload, SpecificLocator};

    use rustc_hash::FxHashMap;

    use super::{csl_json, Cited, Citations, Styled};
    use crate::core::model::{Corpus, Document, DocumentId};
    use crate::core::site::BaseUrl;

    pub(super) struct Styles {
        apa: IndependentStyle,
        chicago: IndependentStyle,
        locales: Vec<Locale>,
    }

    pub(super) fn styles() -> Styles {
        let get = |name: &str| match ArchivedStyle::by_name(name).map(ArchivedStyle::get) {
            Some(Style::Independent(style)) => style,
            _ => unreachable!("hayagriva bundles {name} as an independent style"),
        };
        Styles { apa: get("apa"), chicago: get("chicago-notes"), locales: hayagriva::archive::locales() }
    }

    /// One citation in one style: the in-text citation (or note) and the bibliography entry.
    fn render(style: &IndependentStyle, locales: &[Locale], item: &Item, paragraph: Option<u32>) -> (String, String) {
        let number = paragraph.map(|n| n.to_string());
        let locator = number.as_deref().map(|n| SpecificLocator(hayagriva::citationberg::taxonomy::Locator::Paragraph, LocatorPayload::Str(n)));
        let mut driver: BibliographyDriver<'_, Item> = BibliographyDriver::new();
        driver.citation(CitationRequest::new(vec![CitationItem::new(item, locator, None, false, None)], style, None, locales, Some(1)));
        let rendered = driver.finish(BibliographyRequest::new(style, None, locales));
        let text = |content: &hayagriva::ElemChildren| {
            let mut buf = String::new();
            let _ = content.write_buf(&mut buf, BufWriteFormat::Plain);
            buf
        };
        let citation = rendered.citations.first().map(|c| text(&c.citation)).unwrap_or_default();
        let entry = rendered.bibliography.and_then(|b| b.items.into_iter().next()).map(|i| text(&i.content)).unwrap_or_default();
        match item.0.get("title") {
            Some(hayagriva::citationberg::json::Value::String(title)) => (super::keep_mixed_case(title, &citation), super::keep_mixed_case(title, &entry)),
            _ => (citation, entry),
        }
    }

    pub(super) fn styled_with(styles: &Styles, corpus: &Corpus, cited: Cited, url: &str) -> Styled {
        let value = csl_json(corpus, cited, url);
        let Ok(item) = serde_json::from_value::<Item>(value) else {
            return Styled::default();
        };
        let paragraph = match cited {
            Cited::Document(_) => None,
            Cited::Quote(q) => Some(q.paragraph),
            Cited::Event(e) => Some(e.paragraph),
        };
        styled_item(styles, &item, paragraph)
    }

    /// APA and Chicago of one CSL item, located at `paragraph` if given.
    fn styled_item(styles: &Styles, item: &Item, paragraph: Option<u32>) -> Styled {
        let (apa_in_text, apa) = render(&styles.apa, &styles.locales, item, paragraph);
        // APA 7 gives an undated page's address alone when no retrieval date is known,
        // and none is: when a reader opened the page is not the build's to say. The APA
        // style hayagriva bundles prints "Retrieved" before the address all the same.
        let apa = match item.0.get("URL") {
            Some(hayagriva::citationberg::json::Value::String(url)) => apa.replace(&format!("Retrieved {url}"), url),
            _ => apa,
        };
        let (chicago_note, chicago) = render(&styles.chicago, &styles.locales, item, paragraph);
        Styled { apa, apa_in_text, chicago_note, chicago }
    }

    /// APA and Chicago for one citation.
    pub fn styled(corpus: &Corpus, cited: Cited, url: &str) -> Styled {
        styled_with(&styles(), corpus, cited, url)
    }

    /// What a template's passage carries in place of its own paragraph, link and note.
    const TEMPLATE_PARAGRAPH: u32 = 918_273_645;
    const TEMPLATE_HREF: &str = "/dossier-citation-template";
    const TEMPLATE_NOTE: &str = "Dossier citation template passage";

    /// A document's passage citation rendered once, with placeholders for what differs from
    /// one quote or event of it to the next: the paragraph (the locator) and the link. The
    /// passage itself (CSL's `note`) differs too, but neither style prints it; a template
    /// that would print it is refused.
    struct Template {
        styled: Styled,
        url: String,
    }

    impl Template {
        fn of(styles: &Styles, corpus: &Corpus, doc: &Document, base: &BaseUrl) -> Option<Template> {
            let url = super::link(base, TEMPLATE_HREF);
            let mut value = csl_json(corpus, Cited::Document(doc), &url);
            let fields = value.as_object_mut()?;
            fields.remove("URL");
            // A placeholder the document's own fields hold would be filled in where it stands.
            let own = serde_json::Value::Object(fields.clone()).to_string();
            let placeholder = TEMPLATE_PARAGRAPH.to_string();
            if own.contains(&placeholder) || own.contains(TEMPLATE_HREF) || url.contains(&placeholder) {
                return None;
            }
            fields.insert("id".into(), "dossier-citation-template".into());
            fields.insert("note".into(), TEMPLATE_NOTE.into());
            fields.insert("URL".into(), url.clone().into());
            let item = serde_json::from_value::<Item>(value).ok()?;
            let styled = styled_item(styles, &item, Some(TEMPLATE_PARAGRAPH));
            let printed = [&styled.apa, &styled.apa_in_text, &styled.chicago_note, &styled.chicago];
            // The link printed whole or not at all, and the passage not printed.
            let fits = printed.iter().all(|s| !s.contains(TEMPLATE_NOTE) && !s.replace(&url, "").contains(TEMPLATE_HREF));
            fits.then_some(Template { styled, url })
        }

        /// The citation of the passage at `paragraph` linked as `url`.
        fn fill(&self, paragraph: u32, url: &str) -> Styled {
            let (placeholder, paragraph) = (TEMPLATE_PARAGRAPH.to_string(), paragraph.to_string());
            // The paragraph first: a link may hold any digits, the template's link none of the placeholder's.
            let fill = |s: &str| s.replace(&placeholder, &paragraph).replace(&self.url, url);
            Styled {
                apa: fill(&self.styled.apa),
                apa_in_text: fill(&self.styled.apa_in_text),
                chicago_note: fill(&self.styled.chicago_note),
                chicago: fill(&self.styled.chicago),
            }
        }
    }

    /// APA and Chicago for every record, each linking to its page under `base`
    /// ([`super::link`]), exactly as [`styled`] renders each alone.
    /// Runs on every core ([`crate::core::par`]). A quote's or event's citation is its
    /// document's [`Template`] filled in, checked against rendering the first passage of
    /// each document directly (a document whose template disagrees is rendered passage by
    /// passage): at 100,000 quotes the CSL engine would otherwise be most of the build's time.
    pub fn styled_all(corpus: &Corpus, base: &BaseUrl) -> Citations {
        let mut all: Vec<Cited> = corpus.documents.iter().map(Cited::Document).collect();
        all.extend(corpus.quotes.iter().map(Cited::Quote));
        all.extend(corpus.events.iter().map(Cited::Event));
        let styled = crate::core::par::runs(&all, |run| {
            let styles = styles();
            let mut templates: FxHashMap<&DocumentId, Option<Template>> = FxHashMap::default();
            run.iter()
                .map(|&cited| {
                    let url = super::link(base, &cited.route().href());
                    let (doc, paragraph) = match cited {
                        Cited::Document(_) => return styled_with(&styles, corpus, cited, &url),
                        Cited::Quote(q) => (&q.document, q.paragraph),
                        Cited::Event(e) => (&e.document, e.paragraph),
                    };
                    match templates.get(doc) {
                        Some(Some(template)) => template.fill(paragraph, &url),
                        Some(None) => styled_with(&styles, corpus, cited, &url),
                        None => {
                            let direct = styled_with(&styles, corpus, cited, &url);
                            let template = corpus
                                .document(doc)
                                .and_then(|d| Template::of(&styles, corpus, d, base))
                                .filter(|t| t.fill(paragraph, &url) == direct);
                            templates.insert(doc, template);
                            direct
                        }
                    }
                })
                .collect::<Vec<_>>()
        });
        let mut styled = styled.into_iter().flatten();
        let mut next = || styled.next().unwrap_or_default();
        Citations {
            documents: corpus.documents.iter().map(|d| (d.id.clone(), next())).collect(),
            quotes: corpus.quotes.iter().map(|q| (q.id.clone(), next())).collect(),
            events: corpus.events.iter().map(|e| (e.id.clone(), next())).collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{load, CorpusFiles};
    use crate::core::model::{EventId, QuoteId, QuoteKind};

    const URL: &str = "https://example.org/quotes/shaibani-48-hours";

    #[test]
    fn a_quote_is_cited_as_a_passage_of_its_source_in_every_format() {
        let corpus = load(&CorpusFiles::bundled()).unwrap();
        let c = Cited::Quote(corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap());
        let passage = "Paragraph 71, Asaad al-Shaibani to Russia, 26 November – 8 December 2024 (inferred): “48 hours”";
        assert_eq!(
            bibtex(&corpus, c, URL),
            format!(
                "@misc{{shaibani-48-hours,\n  author = {{Hamidi, Ibrahim}},\n  title = {{{{Asaad al-Shaibani on how Syria untangled its Russian knot}}}},\n  \
                 howpublished = {{Al Majalla}},\n  note = {{{passage}}},\n  url = {{{URL}}}\n}}\n"
            )
        );
        assert_eq!(
            ris(&corpus, c, URL),
            format!(
                "TY  - ELEC\nAU  - Hamidi, Ibrahim\nTI  - Asaad al-Shaibani on how Syria untangled its Russian knot\nPB  - Al Majalla\n\
                 N1  - {passage}\nUR  - {URL}\nID  - shaibani-48-hours\nER  - \n"
            )
        );
        let json = csl_json(&corpus, c, URL);
        assert_eq!(json["type"], "webpage");
        assert_eq!(json["genre"], "Interview", "the interviewer is the author, so not CSL's interview type");
        assert_eq!(json["author"][0]["family"], "Hamidi");
        assert_eq!(json["author"][0]["given"], "Ibrahim");
        assert_eq!(json["publisher"], "Al Majalla");
        assert_eq!(json["note"], passage);
        assert_eq!(json["URL"], URL);
        assert!(json.get("issued").is_none(), "the source states no date: {json}");
        let list: Value = serde_json::from_str(&csl_json_list(vec![json.clone()])).unwrap();
        assert_eq!(list, Value::Array(vec![json]));

        let styled = styled(&corpus, c, URL);
        assert_eq!(
            styled.apa,
            format!("Hamidi, I. (n.d.). Asaad al-Shaibani on how Syria untangled its Russian knot [Interview]. Al Majalla. {URL}")
        );
        assert_eq!(styled.apa_in_text, "(Hamidi, n.d., para. 71)");
        // Chicago's headline style capitalizes the title's words, not the name's particle.
        assert!(styled.chicago_note.starts_with("Ibrahim Hamidi, “Asaad al-Shaibani on How Syria Untangled Its Russian Knot,” Interview, Al Majalla, para. 71,"), "{styled:?}");
        assert!(styled.chicago.starts_with("Hamidi, Ibrahim. “Asaad al-Shaibani on How"), "{styled:?}");
    }

    #[test]
    fn title_case_keeps_a_word_the_source_writes_in_mixed_case() {
        let title = "Al-Assad's fall: al-Shaibani, McDonald and the iPhone (al-Shaibani's)";
        let rendered = "Ann Al-Shaibani, “Al-Assad’s Fall: Al-Shaibani, Mcdonald and the IPhone (Al-Shaibani’s),” https://x.example/iphone/al-shaibani.";
        assert_eq!(
            keep_mixed_case(title, rendered),
            "Ann Al-Shaibani, “Al-Assad’s Fall: al-Shaibani, McDonald and the iPhone (al-Shaibani’s),” https://x.example/iphone/al-shaibani.",
            "the title's words only, its curled apostrophes kept; never the author or the link"
        );
        // Nothing to restore: a title in plain case, a title not printed whole.
        assert_eq!(keep_mixed_case("on how Syria untangled", "On How Syria Untangled"), "On How Syria Untangled");
        assert_eq!(keep_mixed_case("al-Shaibani in Moscow", "Al-Shaibani in Mosc…"), "Al-Shaibani in Mosc…");
        // Printed twice (a note and its entry), restored twice; letters that change length
        // when lowercased are no trouble.
        assert_eq!(keep_mixed_case("aL-İx", "AL-İX; al-İx"), "aL-İx; aL-İx");
    }

    #[test]
    fn quoted_words_end_their_sentence_once() {
        for (words, end) in [
            ("by exclusively peaceful means", "."),
            ("48 hours", "."),
            ("It is over.", ""),
            ("Is it over?", ""),
            ("He said “enough!”", ""),
            ("and then…", ""),
            ("هل انتهى؟", ""),
            ("the word \"end\".", ""),
            ("", "."),
        ] {
            assert_eq!(sentence_end(words), end, "{words:?}");
        }
    }

    #[test]
    fn what_the_source_does_not_state_is_left_out() {
        let corpus = load(&CorpusFiles::bundled()).unwrap();
        let doc = corpus.documents.iter().find(|d| d.author.is_none() && d.publisher.is_none() && d.published.is_none()).unwrap();
        assert!(doc.title_supplied);
        let c = Cited::Document(doc);
        let bib = bibtex(&corpus, c, URL);
        assert!(!bib.contains("author") && !bib.contains("howpublished") && !bib.contains("year") && !bib.contains("note"), "{bib}");
        assert!(bib.contains(&format!("title = {{{{[{}]}}}}", doc.title)), "a supplied title is bracketed: {bib}");
        let ris = ris(&corpus, c, URL);
        assert!(!ris.contains("AU  -") && !ris.contains("PB  -") && !ris.contains("PY  -"), "{ris}");
        let json = csl_json(&corpus, c, URL);
        for field in ["author", "publisher", "issued", "note"] {
            assert!(json.get(field).is_none(), "{field} in {json}");
        }
        let fields = head_fields(&corpus, c, None);
        let names: Vec<&str> = fields.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, ["citation_title", "DC.title", "DC.type"]);
        assert!(!c.publisher_stated(&corpus));
        let styled = styled(&corpus, c, URL);
        assert!(styled.apa.starts_with(&format!("[{}]. (n.d.).", doc.title)), "{styled:?}");
    }

    #[test]
    fn a_stated_date_is_cited_at_its_precision_and_a_range_not_at_all() {
        let mut corpus = load(&CorpusFiles::bundled()).unwrap();
        let id = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap().document.clone();
        let at = corpus.documents.iter().position(|d| d.id == id).unwrap();
        let day = crate::core::date::PartialDate::ymd(2025, 7, 31).unwrap();
        for (spec, bib_year, ris_da, highwire) in [
            (DateSpec::new(day, None, Precision::Day, None).unwrap(), Some("year = {2025},\n  month = jul"), Some("DA  - 2025/07/31/"), Some("2025/07/31")),
            (DateSpec::new(crate::core::date::PartialDate::year(2025), None, Precision::Year, None).unwrap(), Some("year = {2025}"), Some("DA  - 2025///"), Some("2025")),
            (
                DateSpec::new(day, Some(crate::core::date::PartialDate::ymd(2025, 8, 2).unwrap()), Precision::Range, None).unwrap(),
                None,
                None,
                None,
            ),
        ] {
            corpus.documents[at].published = Some(spec);
            let quote = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap().clone();
            let c = Cited::Quote(&quote);
            let bib = bibtex(&corpus, c, URL);
            let ris = ris(&corpus, c, URL);
            let fields = head_fields(&corpus, c, None);
            let date = fields.iter().find(|(n, _)| *n == "citation_publication_date").map(|(_, v)| v.as_str());
            assert_eq!(date, highwire);
            match (bib_year, ris_da) {
                (Some(y), Some(da)) => {
                    assert!(bib.contains(y), "{bib}");
                    assert!(ris.contains(da), "{ris}");
                    // hayagriva renders the year the CSL-JSON item carries.
                    assert!(styled(&corpus, c, URL).apa.contains("(2025"), "{:?}", styled(&corpus, c, URL));
                }
                _ => {
                    assert!(!bib.contains("year") && !ris.contains("PY") && csl_json(&corpus, c, URL).get("issued").is_none());
                    assert!(styled(&corpus, c, URL).apa.contains("(n.d.)"));
                }
            }
        }
    }

    /// Braces as BibTeX counts them: balanced, never below zero.
    fn balanced(text: &str) -> bool {
        let mut depth = 0i32;
        for c in text.chars() {
            depth += match c {
                '{' => 1,
                '}' => -1,
                _ => 0,
            };
            if depth < 0 {
                return false;
            }
        }
        depth == 0
    }

    #[test]
    fn hostile_text_is_escaped_for_each_format() {
        let mut corpus = load(&CorpusFiles::bundled()).unwrap();
        let hostile = "50% {of} the \\end}} & x_y #1 ~ ^ $\n<script>alert(\"x\")</script> ’";
        // Braces as many as each other but out of order, then in order.
        for text in ["a } b {", "a {b} c"] {
            let mut q = corpus.quotes[0].clone();
            q.text = text.to_owned();
            let bib = bibtex(&corpus, Cited::Quote(&q), URL);
            assert!(balanced(&bib), "{bib}");
        }
        corpus.documents[1].title = hostile.to_owned();
        corpus.documents[1].author = Some("A } B".to_owned());
        let mut quote = corpus.quotes.iter().find(|q| q.document == corpus.documents[1].id).unwrap().clone();
        quote.text = hostile.to_owned();
        let c = Cited::Quote(&quote);
        let bib = bibtex(&corpus, c, "https://e.example/a b{c}");
        assert!(balanced(&bib), "{bib}");
        // Every TeX special character is escaped (the url field aside, percent-encoded).
        let fields: String = bib.lines().filter(|l| !l.trim_start().starts_with("url")).collect();
        for special in ['%', '&', '_', '#', '$'] {
            let bare = fields.match_indices(special).any(|(at, _)| !fields[..at].ends_with('\\'));
            assert!(!bare, "{special:?} unescaped in {bib}");
        }
        assert!(!bib.contains("the \\end") && !bib.contains('~') && !bib.contains('^') && !bib.contains("\n<"), "{bib}");
        assert!(bib.contains("url = {https://e.example/a%20b%7Bc%7D}"), "{bib}");
        let ris = ris(&corpus, c, URL);
        assert!(ris.lines().all(|l| l.len() >= 6 && &l[2..6] == "  - "), "one tag a line: {ris}");
        let json = csl_json_list(vec![csl_json(&corpus, c, URL)]);
        let back: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back[0]["title"], hostile);
        let html = embed(&corpus, &quote, "https://e.example/q?a=1&b=\"2\"");
        assert!(!html.contains("<script") && html.contains("&lt;script&gt;"), "{html}");
        assert!(html.contains("href=\"https://e.example/q?a=1&amp;b=&quot;2&quot;\""), "{html}");
    }

    #[test]
    fn an_embed_is_a_blockquote_with_speaker_source_and_link() {
        let corpus = load(&CorpusFiles::bundled()).unwrap();
        let quote = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap();
        assert_eq!(
            embed(&corpus, quote, URL),
            format!(
                "<blockquote cite=\"{URL}\">\n  <p dir=\"auto\">“48 hours”</p>\n  <footer>— Asaad al-Shaibani to Russia, 26 November – 8 December 2024 (inferred). \
                 In <cite>Asaad al-Shaibani on how Syria untangled its Russian knot</cite>, Al Majalla. <a href=\"{URL}\">Source and context on Dossier</a></footer>\n</blockquote>\n"
            )
        );
    }

    #[test]
    fn an_inferred_publication_date_is_not_cited_as_the_sources() {
        let mut corpus = load(&CorpusFiles::bundled()).unwrap();
        let quote = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap().clone();
        let at = corpus.documents.iter().position(|d| d.id == quote.document).unwrap();
        let day = crate::core::date::PartialDate::ymd(2025, 7, 31).unwrap();
        corpus.documents[at].published = Some(DateSpec::new(day, None, Precision::Day, Some("from the caption".into())).unwrap());
        let c = Cited::Quote(&quote);
        assert!(!bibtex(&corpus, c, URL).contains("year") && !ris(&corpus, c, URL).contains("PY  -"));
        assert!(csl_json(&corpus, c, URL).get("issued").is_none());
        assert!(head_fields(&corpus, c, None).iter().all(|(n, _)| *n != "citation_publication_date" && *n != "DC.date"));
        assert!(plain(&corpus, c, URL).contains("31 July 2025 (inferred)"), "{}", plain(&corpus, c, URL));
    }

    #[test]
    fn a_name_is_split_only_when_it_is_one_persons() {
        assert_eq!(name_parts("Ibrahim Hamidi"), Some(("Hamidi", "Ibrahim")));
        assert_eq!(name_parts("Reuters"), None);
        for several in ["A. Writer and B. Writer", "Hamidi, Ibrahim", "Smith & Jones"] {
            assert_eq!(name_parts(several), None, "{several}");
        }
    }

    #[test]
    fn links_name_the_base_url_or_an_origin_the_page_fills_in() {
        assert_eq!(link(&BaseUrl::new(Some("https://d.example/")), "/quotes/a"), "https://d.example/quotes/a");
        let unknown = link(&BaseUrl::default(), "/quotes/a");
        assert_eq!(with_origin(&unknown, "http://localhost:8080"), "http://localhost:8080/quotes/a");
        assert_eq!(with_origin(&unknown, ""), "/quotes/a");
    }

    #[test]
    fn citations_name_speaker_source_and_unknowns() {
        let corpus = load(&CorpusFiles::bundled()).unwrap();
        let quote = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap();
        assert_eq!(
            quote_citation(&corpus, quote, "https://example.org/quotes/shaibani-48-hours"),
            "Asaad al-Shaibani to Russia, 26 November – 8 December 2024 (inferred): “48 hours”. In Ibrahim Hamidi, \
             “Asaad al-Shaibani on how Syria untangled its Russian knot”, Al Majalla, publication date not stated, \
             paragraph 71. Dossier: https://example.org/quotes/shaibani-48-hours"
        );
        let anadolu = corpus.quote(&QuoteId::new("anadolu-russia-peaceful-means")).unwrap();
        let cite = quote_citation(&corpus, anadolu, "u");
        assert!(cite.starts_with("Anadolu Agency: “The Russian side"), "{cite}");
        assert!(cite.contains("peaceful means”. In "), "the citation does not run on: {cite}");
        // Reported speech is in its narrator's words: the citation names the narrator, so
        // al-Shaibani's "they asked me…" is not put in the mouth of the Russians it reports.
        let reported = corpus.quote(&QuoteId::new("russians-asked-if-reaching-damascus")).unwrap();
        let recounted = quote_citation(&corpus, reported, "u");
        assert!(recounted.contains(", as recounted by Asaad al-Shaibani: “they asked me if I expected to reach Damascus”"), "{recounted}");
        for q in &corpus.quotes {
            let named = said_by(&corpus, q).contains("as recounted by");
            let narrator = q.reported_by.as_ref().filter(|by| **by != q.speaker);
            assert_eq!(named, q.kind == QuoteKind::ReportedSpeech && narrator.is_some(), "{}", q.id);
        }
        assert!(cite.contains("publisher not stated, publication date not stated"), "{cite}");
        if let Some(event) = corpus.events.first() {
            let cite = event_citation(&corpus, corpus.event(&EventId::new(event.id.as_str())).unwrap(), "u");
            assert!(cite.contains(&event.date.display()));
        }
        // An inferred date says so once, with no parentheses inside parentheses.
        let inferred = corpus.events.iter().find(|e| e.date.derivation.is_some()).unwrap();
        let cite = event_citation(&corpus, inferred, "u");
        assert!(cite.starts_with(&format!("{}, {} (inferred). Source: ", inferred.title, inferred.date.display())), "{cite}");
        let passage = Cited::Event(inferred).passage(&corpus).unwrap();
        assert_eq!(passage, format!("Paragraph {}, event: {}, {} (inferred)", inferred.paragraph, inferred.title, inferred.date.display()));
    }

    #[test]
    fn every_citation_the_build_renders_is_the_one_its_record_renders_alone() {
        let bundled = load(&CorpusFiles::bundled()).unwrap();
        let (files, _) = crate::synth::corpus_with_events(200, 30, 11);
        let synthetic = load(&files).unwrap();
        // A document whose own fields hold the template's placeholders (so its passages are
        // rendered one by one), and one with an author and a stated day.
        let mut odd = bundled.clone();
        odd.documents[0].title = "Paragraph 918273645 of /dossier-citation-template".into();
        let last = odd.documents.len() - 1;
        odd.documents[last].author = Some("Ibrahim Hamidi".into());
        let day = crate::core::date::PartialDate::ymd(2025, 7, 31).unwrap();
        odd.documents[last].published = Some(DateSpec::new(day, None, Precision::Day, None).unwrap());
        for corpus in [&bundled, &synthetic, &odd] {
            let records = corpus.documents.len() + corpus.quotes.len() + corpus.events.len();
            assert!(corpus.quotes.len() > corpus.documents.len() && !corpus.events.is_empty());
            // The styles read once (`styled` reads them for each citation).
            let styles = super::styled::styles();
            for base in [BaseUrl::new(None), BaseUrl::new(Some("https://d.example/dossier"))] {
                let all = styled_all(corpus, &base);
                let mut cited: Vec<Cited> = corpus.documents.iter().map(Cited::Document).collect();
                cited.extend(corpus.quotes.iter().map(Cited::Quote));
                cited.extend(corpus.events.iter().map(Cited::Event));
                assert_eq!(cited.len(), records);
                for c in cited {
                    let alone = super::styled::styled_with(&styles, corpus, c, &link(&base, &c.route().href()));
                    assert!(!alone.apa.is_empty() && !alone.chicago_note.is_empty(), "{}", c.id());
                    assert_eq!(all.of(c), Some(&alone), "{}", c.id());
                }
            }
        }
    }
}
