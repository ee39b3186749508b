//! Link previews: the 1200×630 image a chat or a social network shows for a quote, an
//! event or the site. What an image says is a [`Card`], made here from the corpus (on
//! both targets: the page names its image, whether the build or the app renders the
//! head); the image itself is drawn at build time by [`render`] (native only, resvg with
//! the Noto fonts in `src/fonts`, OFL), never in the browser.
//!
//! Images are named by a hash of their card, so a corrected quote gets a new image (and
//! URL, which chat services cache for good), and a rebuild draws only the cards whose
//! content changed (the build keeps drawn images in a cache folder).

use crate::core::cite::Cited;
use crate::core::model::Corpus;
use crate::core::pack::content_hash;
use crate::core::stats::summary;

/// The image's size in pixels: what Open Graph and X (Twitter) show as a large card.
pub const WIDTH: u32 = 1200;
pub const HEIGHT: u32 = 630;

/// The folder of the images on the site.
pub const DIR: &str = "previews";

/// Changes whenever the drawing or its encoding changes, so images drawn before (and
/// cached by the build) get new names.
/// With a hash of the fonts and the drawing crates' versions (build.rs).
const DRAWING: &str = concat!("dossier-preview-3-", env!("DOSSIER_DRAWING_INPUTS"));

/// What one preview image says.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Card {
    /// "Quote", "Event" or the site's name: the small line at the top.
    pub kind: &'static str,
    /// The words: a quote verbatim, an event's title, the site's summary.
    pub text: String,
    /// Who and when: "Asaad al-Shaibani, to Russia · 26 November – 8 December 2024".
    pub byline: String,
    /// Where from: the source document and its publisher.
    pub source: String,
    /// The image described in words (`og:image:alt`).
    pub alt: String,
}

impl Card {
    /// The image's path on the site: `previews/quote-<hash>.png`.
    pub fn file(&self) -> String {
        let key = [DRAWING, self.kind, &self.text, &self.byline, &self.source].join("\u{0}");
        format!("{DIR}/{}-{:016x}.png", self.kind.to_lowercase(), content_hash(key.as_bytes()))
    }
}

/// The card of a quote or an event, or (`None`) the site's card, which the home page,
/// the lists, actors and documents show.
pub fn card(corpus: &Corpus, cited: Option<Cited>) -> Card {
    let source = |doc: &crate::core::model::DocumentId| {
        corpus.document(doc).map_or_else(String::new, |d| {
            let title = crate::core::cite::cited_title(d);
            match &d.publisher {
                Some(p) => format!("{title} · {p}"),
                None => title,
            }
        })
    };
    match cited {
        Some(Cited::Quote(q)) => {
            // Reported speech in a narrator's words names the narrator (`cite::recounted`).
            let speaker = format!("{}{}", corpus.actor_name(&q.speaker), crate::core::cite::recounted(corpus, q));
            let to = q.said_to.as_ref().map(|a| format!(", to {}", corpus.actor_name(a))).unwrap_or_default();
            let when = q.said_on.as_ref().map(|d| format!(" · {}", d.display_noting_inference())).unwrap_or_default();
            Card {
                kind: "Quote",
                text: q.text.clone(),
                byline: format!("{speaker}{to}{when}"),
                source: source(&q.document),
                alt: format!("{speaker}: “{}”", crate::core::text::shorten(&q.text, 300)),
            }
        }
        Some(Cited::Event(e)) => Card {
            kind: "Event",
            text: e.title.clone(),
            byline: e.date.display_noting_inference(),
            source: source(&e.document),
            alt: format!("{}, {}", e.title, e.date.display_noting_inference()),
        },
        Some(Cited::Document(_)) | None => {
            let s = summary(corpus);
            let plural = |n: usize, one: &str| format!("{n} {one}{}", if n == 1 { "" } else { "s" });
            let text = format!("What was said and what happened, verbatim from {}.", plural(s.documents, "source document"));
            let byline = format!("{} · {}", plural(s.quotes, "quote"), plural(s.events, "event"));
            Card {
                kind: crate::core::meta::SITE_NAME,
                alt: format!("{}: {text} {byline}.", crate::core::meta::SITE_NAME),
                byline,
                source: "Searchable quotes and a filterable timeline".to_owned(),
                text,
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
pub use render::{png, svg, Drawn, Fonts};

/// Drawing a card: the words fitted into the card (the largest size at which they fit,
/// lines broken between words, a quote too long for the smallest size shortened with an
/// ellipsis and a note that it was), laid out right to left where the words are Arabic
/// or Hebrew; then the SVG drawn to PNG by resvg with the bundled fonts only (never the
/// system's, so every machine draws the same image).
#[cfg(not(target_arch = "wasm32"))]
mod render {
    use std::sync::Arc;

    use resvg::{tiny_skia, usvg};

    use super::{Card, HEIGHT, WIDTH};
    use crate::core::site::escape;

    const FONTS: [&[u8]; 3] = [
        include_bytes!("../fonts/NotoSans-Regular.ttf"),
        include_bytes!("../fonts/NotoSans-Bold.ttf"),
        include_bytes!("../fonts/NotoSansArabic-Regular.ttf"),
    ];

    const MARGIN: f32 = 80.0;
    const TEXT_TOP: f32 = 150.0;
    const TEXT_BOTTOM: f32 = 470.0;
    /// Font sizes tried for the words, largest first.
    const SIZES: [f32; 7] = [64.0, 56.0, 50.0, 44.0, 40.0, 36.0, 32.0];
    const LINE: f32 = 1.3;
    /// Measured widths leave this much room, for what shaping changes (Arabic joining).
    const SLACK: f32 = 0.94;

    /// The fonts, loaded once: for measuring (ttf-parser) and for drawing (fontdb).
    pub struct Fonts {
        db: Arc<usvg::fontdb::Database>,
        /// Regular, bold and Arabic, as `FONTS` lists them.
        faces: Vec<ttf_parser::Face<'static>>,
    }

    impl Default for Fonts {
        fn default() -> Self {
            Fonts::new()
        }
    }

    impl Fonts {
        pub fn new() -> Fonts {
            let mut db = usvg::fontdb::Database::new();
            for font in FONTS {
                db.load_font_data(font.to_vec());
            }
            db.set_sans_serif_family("Noto Sans");
            let faces = FONTS.iter().filter_map(|f| ttf_parser::Face::parse(f, 0).ok()).collect();
            Fonts { db: Arc::new(db), faces }
        }

        /// The width of `text` at `size` pixels: each character's advance in the first
        /// bundled font that has it (the bold or regular Latin font, then the Arabic).
        pub(crate) fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
            self.units(text, bold) * size
        }

        /// [`Fonts::width`] at one pixel.
        fn units(&self, text: &str, bold: bool) -> f32 {
            let order = [usize::from(bold), 2];
            text.chars()
                .map(|c| {
                    order
                        .iter()
                        .filter_map(|&i| self.faces.get(i))
                        .find_map(|f| Some(f32::from(f.glyph_hor_advance(f.glyph_index(c)?)?) / f32::from(f.units_per_em())))
                        .unwrap_or(0.6)
                })
                .sum()
        }

        /// Whether every character of `text` (bar spaces and controls) has a glyph in
        /// the bundled fonts.
        pub fn covers(&self, text: &str) -> bool {
            text.chars()
                .filter(|c| !c.is_whitespace() && !c.is_control() && !is_format(*c))
                .all(|c| self.faces.iter().any(|f| f.glyph_index(c).is_some()))
        }
    }

    fn is_format(c: char) -> bool {
        matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
    }

    /// Whether a text reads right to left: its first letter is Arabic, Hebrew, Syriac or
    /// Thaana.
    pub(crate) fn is_rtl(text: &str) -> bool {
        text.chars().find(|c| c.is_alphabetic()).is_some_and(|c| matches!(c as u32, 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF))
    }

    /// A card laid out: its SVG, and whether its words had to be shortened.
    pub struct Drawn {
        pub svg: String,
        pub shortened: bool,
        /// The lines of the words as laid out, and their font size.
        pub lines: Vec<String>,
        pub size: f32,
    }

    /// Breaks `words` into lines no wider than `max` at `size`. None if a single word
    /// is wider than a line. Each word is measured once; a line is its words and spaces.
    fn wrap(fonts: &Fonts, words: &[&str], size: f32, max: f32) -> Option<Vec<String>> {
        let limit = max / size;
        let space = fonts.units(" ", false);
        let mut lines: Vec<String> = Vec::new();
        let (mut line, mut used) = (String::new(), 0.0f32);
        for word in words {
            let units = fonts.units(word, false);
            if units > limit {
                return None;
            }
            if line.is_empty() {
                line.push_str(word);
                used = units;
            } else if used + space + units <= limit {
                line.push(' ');
                line.push_str(word);
                used += space + units;
            } else {
                lines.push(std::mem::replace(&mut line, (*word).to_owned()));
                used = units;
            }
        }
        if !line.is_empty() {
            lines.push(line);
        }
        Some(lines)
    }

    /// Fits the words into the text box: the largest size at which all of them fit; at
    /// the smallest, the lines that fit, the last ending in an ellipsis at a word break.
    fn fit(fonts: &Fonts, text: &str) -> (Vec<String>, f32, bool) {
        let max = (WIDTH as f32 - 2.0 * MARGIN) * SLACK;
        let words: Vec<&str> = text.split_whitespace().collect();
        for size in SIZES {
            let rows = ((TEXT_BOTTOM - TEXT_TOP) / (size * LINE)).floor() as usize;
            if let Some(lines) = wrap(fonts, &words, size, max) {
                if lines.len() <= rows {
                    return (lines, size, false);
                }
            }
        }
        let size = SIZES[SIZES.len() - 1];
        let rows = ((TEXT_BOTTOM - TEXT_TOP) / (size * LINE)).floor() as usize;
        // A word wider than a line (a long link, say) is cut into pieces that fit.
        let mut pieces: Vec<String> = Vec::new();
        for word in &words {
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if fonts.width(&piece, size, false) > max {
                    piece.pop();
                    pieces.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            pieces.push(piece);
        }
        let pieces: Vec<&str> = pieces.iter().map(String::as_str).collect();
        let mut lines = wrap(fonts, &pieces, size, max).unwrap_or_default();
        let shortened = lines.len() > rows;
        lines.truncate(rows);
        if shortened {
            if let Some(last) = lines.last_mut() {
                loop {
                    let with = format!("{last} …");
                    if fonts.width(&with, size, false) <= max || !last.contains(' ') {
                        *last = with;
                        break;
                    }
                    let cut = last.rfind(' ').unwrap_or(0);
                    last.truncate(cut);
                }
            }
        }
        (lines, size, shortened)
    }

    /// The byline ("who · when") on one line: smaller until it fits; at the smallest size
    /// the who is shortened, never the when (a date and its "(inferred)" stay whole).
    fn byline_fitted(fonts: &Fonts, byline: &str, max: f32) -> (String, f32) {
        const SIZES: [f32; 4] = [30.0, 27.0, 24.0, 21.0];
        if let Some(&size) = SIZES.iter().find(|&&size| fonts.width(byline, size, true) <= max) {
            return (byline.to_owned(), size);
        }
        let size = SIZES[SIZES.len() - 1];
        match byline.rsplit_once(" · ") {
            Some((who, when)) => {
                let when = format!(" · {when}");
                let room = (max - fonts.width(&when, size, true)).max(0.0);
                (format!("{}{when}", one_line(fonts, who, size, true, room)), size)
            }
            None => (one_line(fonts, byline, size, true, max), size),
        }
    }

    /// One line of text, shortened at a word break with an ellipsis to fit `max`.
    fn one_line(fonts: &Fonts, text: &str, size: f32, bold: bool, max: f32) -> String {
        if fonts.width(text, size, bold) <= max {
            return text.to_owned();
        }
        let mut words: Vec<&str> = text.split_whitespace().collect();
        while words.len() > 1 {
            words.pop();
            let candidate = format!("{}…", words.join(" "));
            if fonts.width(&candidate, size, bold) <= max {
                return candidate;
            }
        }
        let mut out = String::new();
        for c in text.chars() {
            if fonts.width(&format!("{out}{c}…"), size, bold) > max {
                break;
            }
            out.push(c);
        }
        format!("{out}…")
    }

    /// A line of SVG text, anchored at the right margin if it reads right to left (with
    /// right-to-left marks around it, so its punctuation takes its direction).
    fn text_line(text: &str, y: f32, size: f32, weight: &str, fill: &str) -> String {
        line_in(is_rtl(text), text, y, size, weight, fill)
    }

    /// [`text_line`] in a given direction (every line of a quote takes the quote's).
    /// Characters XML does not allow (control characters, U+FFFE, U+FFFF) are drawn as
    /// spaces: scraped text can hold them, and the SVG would not parse.
    fn line_in(rtl: bool, text: &str, y: f32, size: f32, weight: &str, fill: &str) -> String {
        let text: String = text
            .chars()
            .map(|c| if (c.is_control() && !matches!(c, '\t' | '\n' | '\r')) || matches!(c, '\u{FFFE}' | '\u{FFFF}') { ' ' } else { c })
            .collect();
        let text = text.as_str();
        let (x, anchor, text) = if rtl {
            (WIDTH as f32 - MARGIN, "end", format!("\u{200F}{text}\u{200F}"))
        } else {
            (MARGIN, "start", text.to_owned())
        };
        format!(
            "<text x=\"{x}\" y=\"{y}\" font-family=\"Noto Sans, Noto Sans Arabic\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\" text-anchor=\"{anchor}\">{}</text>\n",
            escape(&text)
        )
    }

    /// The card's SVG.
    pub fn svg(fonts: &Fonts, card: &Card) -> Drawn {
        let (lines, size, shortened) = fit(fonts, &card.text);
        let max = WIDTH as f32 - 2.0 * MARGIN;
        let mut out = format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{HEIGHT}\" viewBox=\"0 0 {WIDTH} {HEIGHT}\">\n\
             <rect width=\"{WIDTH}\" height=\"{HEIGHT}\" fill=\"#fbf8f3\"/>\n<rect width=\"16\" height=\"{HEIGHT}\" fill=\"#8a2f1c\"/>\n"
        );
        out.push_str(&text_line(&card.kind.to_uppercase(), 96.0, 26.0, "700", "#8a2f1c"));
        if card.kind != crate::core::meta::SITE_NAME {
            let site = format!(
                "<text x=\"{}\" y=\"96\" font-family=\"Noto Sans\" font-size=\"26\" font-weight=\"700\" fill=\"#5b554e\" text-anchor=\"end\">{}</text>\n",
                WIDTH as f32 - MARGIN,
                crate::core::meta::SITE_NAME.to_uppercase()
            );
            out.push_str(&site);
        }
        let quoted = card.kind == "Quote";
        for (i, line) in lines.iter().enumerate() {
            // A quote's words between quotation marks, the marks outside the words.
            let mut line = line.clone();
            if quoted && i == 0 && !is_rtl(&card.text) {
                line = format!("“{line}");
            }
            if quoted && i + 1 == lines.len() && !is_rtl(&card.text) && !shortened {
                line.push('”');
            }
            out.push_str(&line_in(is_rtl(&card.text), &line, TEXT_TOP + size + i as f32 * size * LINE, size, "400", "#1d1b19"));
        }
        let (byline, byline_size) = byline_fitted(fonts, &card.byline, max);
        out.push_str(&text_line(&byline, 530.0, byline_size, "700", "#1d1b19"));
        let source = if shortened {
            format!("Shortened: the whole quote is at the link · {}", card.source)
        } else {
            card.source.clone()
        };
        let source = one_line(fonts, &source, 24.0, false, max);
        out.push_str(&text_line(&source, 574.0, 24.0, "400", "#5b554e"));
        out.push_str("</svg>\n");
        Drawn { svg: out, shortened, lines, size }
    }

    /// The card drawn as a PNG.
    pub fn png(fonts: &Fonts, card: &Card) -> Result<Vec<u8>, String> {
        let drawn = svg(fonts, card);
        let options = usvg::Options { fontdb: fonts.db.clone(), font_family: "Noto Sans".to_owned(), ..usvg::Options::default() };
        let tree = usvg::Tree::from_str(&drawn.svg, &options).map_err(|e| format!("preview {}: {e}", card.file()))?;
        let mut pixmap = tiny_skia::Pixmap::new(WIDTH, HEIGHT).ok_or("cannot allocate a preview image")?;
        resvg::render(&tree, tiny_skia::Transform::default(), &mut pixmap.as_mut());
        encode(&pixmap).map_err(|e| format!("preview {}: {e}", card.file()))
    }

    /// The pixels as a PNG: indexed (a palette of the colours used, in the order they
    /// first appear) when there are at most 256 of them, else RGB. Lossless either way;
    /// the card is opaque, so no alpha. (Neighbouring pixels are mostly the same colour,
    /// so most pixels cost one comparison, even in the build's unoptimised profile.)
    fn encode(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, png::EncodingError> {
        // Opaque pixels: premultiplied RGBA is the colour itself. Most rows repeat the
        // one above (the background, the bar), so a row equal to the last is copied whole.
        let data = pixmap.data();
        let row_bytes = WIDTH as usize * 4;
        let mut palette: Vec<u32> = Vec::new();
        let mut indices: Vec<u8> = Vec::with_capacity(data.len() / 4);
        let mut indexed = true;
        let (mut seen, mut index) = (u32::MAX, 0u8);
        'rows: for y in 0..HEIGHT as usize {
            let row = &data[y * row_bytes..(y + 1) * row_bytes];
            if y > 0 && row == &data[(y - 1) * row_bytes..y * row_bytes] {
                let start = indices.len() - WIDTH as usize;
                indices.extend_from_within(start..);
                continue;
            }
            let mut x = 0;
            while x < row_bytes {
                let colour = u32::from_le_bytes([row[x], row[x + 1], row[x + 2], 0]);
                if colour != seen {
                    index = match palette.iter().position(|&c| c == colour) {
                        Some(at) => at as u8,
                        None if palette.len() < 256 => {
                            palette.push(colour);
                            (palette.len() - 1) as u8
                        }
                        None => {
                            indexed = false;
                            break 'rows;
                        }
                    };
                    seen = colour;
                }
                indices.push(index);
                x += 4;
            }
        }
        let pixels: Vec<u32> = if indexed { Vec::new() } else { data.chunks_exact(4).map(|p| u32::from_le_bytes([p[0], p[1], p[2], 0])).collect() };
        let rgb = |c: &u32| -> [u8; 3] {
            let [r, g, b, _] = c.to_le_bytes();
            [r, g, b]
        };
        let mut out = Vec::new();
        {
            let mut encoder = png::Encoder::new(&mut out, WIDTH, HEIGHT);
            encoder.set_depth(png::BitDepth::Eight);
            encoder.set_compression(png::Compression::Default);
            if indexed {
                encoder.set_color(png::ColorType::Indexed);
                encoder.set_palette(palette.iter().flat_map(rgb).collect::<Vec<u8>>());
                encoder.write_header()?.write_image_data(&indices)?;
            } else {
                encoder.set_color(png::ColorType::Rgb);
                let pixels: Vec<u8> = pixels.iter().flat_map(rgb).collect();
                encoder.write_header()?.write_image_data(&pixels)?;
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::load::{load, CorpusFiles};
    use crate::core::model::QuoteId;

    fn corpus() -> Corpus {
        load(&CorpusFiles::bundled()).unwrap()
    }

    #[test]
    fn a_quote_card_says_who_when_and_where_and_is_named_by_its_content() {
        let corpus = corpus();
        let q = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap();
        let c = card(&corpus, Some(Cited::Quote(q)));
        assert_eq!(c.kind, "Quote");
        assert_eq!(c.text, "48 hours");
        assert_eq!(c.byline, "Asaad al-Shaibani, to Russia · 26 November – 8 December 2024 (inferred)");
        assert_eq!(c.source, "Asaad al-Shaibani on how Syria untangled its Russian knot · Al Majalla");
        assert!(c.file().starts_with("previews/quote-") && c.file().ends_with(".png"));
        assert_eq!(c.file(), card(&corpus, Some(Cited::Quote(q))).file(), "the same card, the same name");
        let mut corrected = q.clone();
        corrected.text.push('.');
        assert_ne!(c.file(), card(&corpus, Some(Cited::Quote(&corrected))).file(), "a corrected quote gets a new image");
        let site = card(&corpus, None);
        assert_eq!(site.byline, format!("{} quotes · {} events", corpus.quotes.len(), corpus.events.len()));
    }

    #[test]
    fn words_fit_at_the_largest_size_and_a_long_quote_says_it_was_shortened() {
        let corpus = corpus();
        let fonts = Fonts::new();
        let max = WIDTH as f32 - 160.0;
        for q in &corpus.quotes {
            let c = card(&corpus, Some(Cited::Quote(q)));
            let drawn = svg(&fonts, &c);
            assert!(!drawn.lines.is_empty(), "{}", q.id);
            // Lines break between words: put together they are the words, in order.
            let joined = drawn.lines.join(" ");
            let words: Vec<&str> = q.text.split_whitespace().collect();
            if drawn.shortened {
                let kept = joined.strip_suffix(" …").unwrap_or_else(|| panic!("{}: {joined}", q.id));
                assert!(words.join(" ").starts_with(kept), "{}: {kept}", q.id);
                assert!(drawn.svg.contains("Shortened: the whole quote is at the link"), "{}", q.id);
            } else {
                assert_eq!(joined, words.join(" "), "{}", q.id);
                assert!(!drawn.svg.contains("Shortened"), "{}", q.id);
            }
            for line in &drawn.lines {
                assert!(fonts.width(line, drawn.size, false) <= max, "{}: {line}", q.id);
            }
        }
        let short = svg(&fonts, &card(&corpus, Some(Cited::Quote(corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap()))));
        assert_eq!((short.size, short.shortened), (64.0, false));
        let longest = corpus.quotes.iter().max_by_key(|q| q.text.len()).unwrap();
        assert!(svg(&fonts, &card(&corpus, Some(Cited::Quote(longest)))).shortened, "the longest quote does not fit whole");
    }

    /// Images are cached by name, and a name covers the card, not how it is drawn: a
    /// change to the drawing must change `DRAWING`, or rebuilds would serve old images.
    /// This pins the drawing of a few cards; when it fails, bump `DRAWING` and the hash.
    #[test]
    fn the_drawing_is_versioned() {
        let fonts = Fonts::new();
        let fixed = |kind: &'static str, text: &str, byline: &str| Card {
            kind,
            text: text.to_owned(),
            byline: byline.to_owned(),
            source: "A source document · A publisher".to_owned(),
            alt: String::new(),
        };
        let long = "We are rebuilding the relationship on respectful engagement, in line with our interests. ".repeat(8);
        let svgs: String = [
            fixed("Quote", "48 hours", "A speaker, to a listener · 26 November – 8 December 2024 (inferred)"),
            fixed("Quote", &long, "A speaker with a very long name indeed, to another with a longer one · c. 2019 (inferred)"),
            fixed("Quote", "قال الشيباني: «لم نكن نعلم»", "A speaker · 2025"),
            fixed("Event", "Something happened somewhere to someone", "late 2024"),
            fixed(crate::core::meta::SITE_NAME, "What was said and what happened.", "60 quotes · 66 events"),
        ]
        .iter()
        .map(|c| svg(&fonts, c).svg)
        .collect();
        assert!(DRAWING.starts_with("dossier-preview-3-"));
        assert_eq!(format!("{:016x}", content_hash(svgs.as_bytes())), "7829d12c4c73bd22", "the drawing changed: bump DRAWING's number and this hash");
    }

    #[test]
    fn a_byline_keeps_its_date_whole() {
        let corpus = corpus();
        let fonts = Fonts::new();
        let mut q = corpus.quote(&QuoteId::new("shaibani-48-hours")).unwrap().clone();
        let when = " · 26 November – 8 December 2024 (inferred)";
        for speaker_said_to in [None, Some(corpus.actors.iter().max_by_key(|a| a.name.len()).unwrap().id.clone())] {
            q.said_to = speaker_said_to;
            let c = card(&corpus, Some(Cited::Quote(&q)));
            assert!(c.byline.ends_with(when), "{}", c.byline);
            let drawn = svg(&fonts, &c);
            assert!(drawn.svg.contains(&crate::core::site::escape(when)), "{}", drawn.svg);
        }
        for e in &corpus.events {
            let c = card(&corpus, Some(Cited::Event(e)));
            assert!(svg(&fonts, &c).svg.contains(&crate::core::site::escape(&c.byline)), "{}", c.byline);
        }
    }

    #[test]
    fn arabic_is_laid_out_right_to_left_and_every_glyph_is_in_the_bundled_fonts() {
        let corpus = corpus();
        let fonts = Fonts::new();
        let mut q = corpus.quotes[0].clone();
        q.text = "قال الشيباني: «لم نكن نعلم» إنّ روسيا انسحبت".to_owned();
        let drawn = svg(&fonts, &card(&corpus, Some(Cited::Quote(&q))));
        assert!(drawn.lines.iter().all(|l| render::is_rtl(l)));
        assert!(drawn.svg.contains("text-anchor=\"end\">\u{200F}قال"), "{}", drawn.svg);
        assert!(fonts.covers(&q.text));
        // A right-to-left quote stays right to left on every line, even one that starts
        // with a Latin name.
        q.text = format!("قالت روسيا {}", "Putin Lavrov Shoigu Peskov ".repeat(8));
        let drawn = svg(&fonts, &card(&corpus, Some(Cited::Quote(&q))));
        assert!(drawn.lines.len() > 1 && drawn.lines.iter().skip(1).any(|l| !render::is_rtl(l)), "{:?}", drawn.lines);
        let quote_lines = drawn.svg.lines().filter(|l| l.contains("font-weight=\"400\" fill=\"#1d1b19\"")).count();
        let right_aligned = drawn.svg.lines().filter(|l| l.contains("font-weight=\"400\" fill=\"#1d1b19\" text-anchor=\"end\"")).count();
        assert_eq!((quote_lines, right_aligned), (drawn.lines.len(), drawn.lines.len()), "{}", drawn.svg);
        // Every card of the corpus is drawn with real glyphs, none missing.
        let cards = corpus
            .quotes
            .iter()
            .map(|q| card(&corpus, Some(Cited::Quote(q))))
            .chain(corpus.events.iter().map(|e| card(&corpus, Some(Cited::Event(e)))))
            .chain([card(&corpus, None)]);
        for c in cards {
            for text in [&c.text, &c.byline, &c.source] {
                assert!(fonts.covers(text), "{text}");
            }
        }
    }

    #[test]
    fn hostile_words_are_text_in_the_image_and_it_is_a_1200_by_630_png() {
        let corpus = corpus();
        let fonts = Fonts::new();
        let mut q = corpus.quotes[0].clone();
        q.text = "</text><script>alert(1)</script> & \"quoted\" \u{8}\u{0}\u{FFFF} Supercalifragilisticexpialidocious-and-then-some-more-letters-than-a-line-can-hold-at-any-size-whatsoever".to_owned();
        let c = card(&corpus, Some(Cited::Quote(&q)));
        let drawn = svg(&fonts, &c);
        assert!(!drawn.svg.contains("<script") && drawn.svg.contains("&lt;script&gt;"));
        let image = png(&fonts, &c).unwrap();
        assert_eq!(&image[..8], b"\x89PNG\r\n\x1a\n");
        let ihdr = &image[16..24];
        assert_eq!(u32::from_be_bytes(ihdr[..4].try_into().unwrap()), WIDTH);
        assert_eq!(u32::from_be_bytes(ihdr[4..].try_into().unwrap()), HEIGHT);
    }
}
