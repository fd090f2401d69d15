//! The plain-text renderer: the article for terminals, email, feeds and text pipelines.
//!
//! The layout follows the page: site line, category and label, the headline underlined,
//! the meta line, the standfirst, the body, notices set off as a block, comments and
//! related articles, then the references of the links. Paragraphs wrap to a width in
//! display columns (CJK characters are two columns wide) with Unicode line breaking, so
//! text without spaces wraps too; code blocks are kept verbatim.
//!
//! ```
//! use dateline::{Article, text::{self, TextOptions}};
//!
//! let article = Article::from_json(r#"{
//!     "title": "Bridge reopens",
//!     "body": "Traffic is back on the [bridge](https://example.com/bridge)."
//! }"#)?;
//! let mut options = TextOptions::default();
//! options.width = 40;
//! assert_eq!(text::render(&article, &options), "\
//! Bridge reopens
//! ==============
//!
//! 1 min read
//!
//! Traffic is back on the bridge [1].
//!
//! References
//! [1] https://example.com/bridge
//! ");
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

use std::fmt::Write as _;

use unicode_width::UnicodeWidthStr;

use crate::locale::Strings;
use crate::markdown::Body;
use crate::markdown::{Arena, Edge, ListType, Node, TableAlignment, Value};
use crate::reading_time::ReadingSpeed;
use crate::reading_time::plain_letter;
use crate::strmap::StrMap;
use crate::view::{self, View};
use crate::{Article, Source};

/// How links are shown in plain text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
#[non_exhaustive]
pub enum LinkStyle {
    /// The link text, a number `[1]`, and a References list at the end with each URL
    /// once. The default.
    #[default]
    References,
    /// The link text followed by the URL in parentheses.
    Inline,
    /// The link text alone.
    None,
}

/// Which parts of the page the text includes; all of them by default.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub struct TextParts {
    /// The site and section line. Default `true`.
    pub site: bool,
    /// Category, label, byline, dates, reading time and sources. Default `true`.
    pub meta: bool,
    /// The standfirst. Default `true`.
    pub summary: bool,
    /// The notices (AI disclaimer and others). Default `true`.
    pub notices: bool,
    /// Reader comments. Default `true`.
    pub comments: bool,
    /// Related articles. Default `true`.
    pub related: bool,
}

impl Default for TextParts {
    fn default() -> TextParts {
        TextParts {
            site: true,
            meta: true,
            summary: true,
            notices: true,
            comments: true,
            related: true,
        }
    }
}

/// Options for the plain-text renderer.
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct TextOptions {
    /// Wrap width in display columns. Default 72; 0 turns wrapping off.
    pub width: usize,
    /// How links are shown. Default [`LinkStyle::References`].
    pub links: LinkStyle,
    /// Which parts to include. Default: all.
    pub parts: TextParts,
    /// The words on the page. Default `None`: the built-in strings of the article's
    /// language, shared with the HTML renderer.
    pub strings: Option<Strings>,
    /// Reading speeds for the reading time. Default [`ReadingSpeed::default`].
    pub reading_speed: ReadingSpeed,
}

impl Default for TextOptions {
    fn default() -> TextOptions {
        TextOptions {
            width: 72,
            links: LinkStyle::References,
            parts: TextParts::default(),
            strings: None,
            reading_speed: ReadingSpeed::default(),
        }
    }
}

/// Renders an article as plain text.
pub fn render(article: &Article, options: &TextOptions) -> String {
    let arena = Arena::new();
    let (view, body) = view::prepare(
        article,
        options.strings.as_ref(),
        &options.reading_speed,
        &crate::RawHtml::Omit,
        false,
        &arena,
    );
    write(&view, &body, options)
}

/// Writes the article of `view` as plain text from its parsed `body`.
pub(crate) fn write(view: &View<'_>, body: &Body<'_>, options: &TextOptions) -> String {
    let mut w = Writer::new(options, view.strings.image.to_string());
    w.base = view.base();
    // Plain text is about as long as its Markdown; one allocation holds most pages.
    w.out.reserve(view.article.body().len() + 4 * 1024);
    w.page(view, body);
    w.finish(view.strings)
}

/// What joins the pieces of a line of the page's own parts.
const SEPARATOR: &str = " · ";

/// Pieces of a line of the page's own parts, joined by [`SEPARATOR`] as they are written.
struct Pieces<'l> {
    line: &'l mut String,
    count: usize,
}

impl<'l> Pieces<'l> {
    /// Clears `line` for new pieces.
    fn new(line: &'l mut String) -> Pieces<'l> {
        line.clear();
        Pieces { line, count: 0 }
    }

    /// The line, ready for the next piece.
    fn next(&mut self) -> &mut String {
        if self.count > 0 {
            self.line.push_str(SEPARATOR);
        }
        self.count += 1;
        self.line
    }
}

/// What follows a node in document order once it is done: its next sibling, or the end
/// of its parent; nothing after `root`.
fn after<'a>(node: Node<'a>, root: Node<'a>) -> Option<Edge<Node<'a>>> {
    if std::ptr::eq(node, root) {
        return None;
    }
    match node.next_sibling() {
        Some(sibling) => Some(Edge::Start(sibling)),
        None => node.parent().map(Edge::End),
    }
}

/// The mark before a list item's first line, written when a prefix is made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Marker {
    /// `- `.
    Bullet,
    /// Two spaces: an indent with no mark, for a comment's text.
    Indent,
    /// `3. `, in an ordered list.
    Number(usize),
    /// `² `, before a footnote's text.
    Footnote(usize),
}

impl Marker {
    fn write(self, out: &mut String) {
        match self {
            Marker::Bullet => out.push_str("- "),
            Marker::Indent => out.push_str("  "),
            Marker::Number(n) => {
                crate::locale::push_decimal(out, n as u64);
                out.push_str(". ");
            }
            Marker::Footnote(n) => {
                push_superscript(out, n);
                out.push(' ');
            }
        }
    }

    /// Its display width: one column for each character, superscript digits included.
    fn width(self) -> usize {
        let digits = |n: usize| n.checked_ilog10().map_or(1, |log| log as usize + 1);
        match self {
            Marker::Bullet | Marker::Indent => 2,
            Marker::Number(n) => digits(n) + 2,
            Marker::Footnote(n) => digits(n) + 1,
        }
    }
}

/// A prefix for the lines of a container: a quote, or a list item.
#[derive(Debug, Clone, Copy)]
enum Container {
    Quote,
    Item {
        marker: Marker,
        used: bool,
    },
    List {
        ordered: bool,
        next: usize,
        tight: bool,
    },
}

struct Writer<'o> {
    options: &'o TextOptions,
    /// "Image", in the page's language.
    image_word: String,
    /// The site's home page, for relative links.
    base: Option<&'o crate::model::BaseUrl>,
    /// Footnote numbers by name, in the order they are first seen.
    footnotes: StrMap<()>,
    out: String,
    containers: Vec<Container>,
    /// Link targets, numbered from 1 in the order they are first seen.
    references: StrMap<()>,
    /// Whether a blank line goes before the next block.
    blank_before: bool,
    /// The text of the last block written, kept for its allocation.
    inline_buffer: String,
    /// Where the open links of a block's text start, kept for its allocation.
    link_starts: Vec<usize>,
    table: TableBuffers,
    /// A line of the page's own parts (meta line, comment heads, card meta), made here
    /// and then written: one allocation for all of them.
    line: String,
    /// The prefixes of the first and the other lines of the block being written, as
    /// [`Writer::update_prefixes`] last made them.
    first: String,
    rest: String,
}

impl<'o> Writer<'o> {
    fn new(options: &'o TextOptions, image_word: String) -> Writer<'o> {
        Writer {
            options,
            image_word,
            base: None,
            footnotes: StrMap::default(),
            out: String::new(),
            containers: Vec::new(),
            references: StrMap::default(),
            blank_before: false,
            // Room for a typical paragraph and line up front, instead of growing to them.
            inline_buffer: String::with_capacity(512),
            link_starts: Vec::new(),
            table: TableBuffers::default(),
            line: String::with_capacity(256),
            first: String::new(),
            rest: String::new(),
        }
    }

    fn finish(mut self, strings: &Strings) -> String {
        if !self.references.is_empty() {
            self.block_gap();
            self.out.push_str(&strings.references);
            self.out.push('\n');
            for (i, url) in self.references.keys().enumerate() {
                // A URL is never broken; one too long for its line goes on the next.
                let start = self.out.len();
                self.out.push('[');
                crate::locale::push_decimal(&mut self.out, i as u64 + 1);
                self.out.push(']');
                let number = self.out.len() - start;
                let width = self.options.width;
                if width != 0 && number + 1 + display_columns(url) > width {
                    self.out.push('\n');
                    push_repeated(&mut self.out, ' ', number);
                }
                self.out.push(' ');
                self.out.push_str(url);
                self.out.push('\n');
            }
        }
        self.out
    }

    fn block_gap(&mut self) {
        if self.blank_before {
            self.update_prefixes(false);
            self.out.push_str(self.rest.trim_end());
            self.out.push('\n');
        }
        self.blank_before = true;
    }

    /// Makes `first` and `rest` the prefixes of the first and the other lines of the next
    /// block; with `mark_used`, list markers are marked as shown. Quotes and list items
    /// deeper than [`MAX_NESTING`] add nothing (the innermost item still shows its
    /// marker), so that hostile nesting cannot make the output grow with the square of
    /// the input.
    #[inline]
    fn update_prefixes(&mut self, mark_used: bool) {
        self.first.clear();
        self.rest.clear();
        // Most blocks stand outside any list or quote, with no prefix.
        if !self.containers.is_empty() {
            self.nested_prefixes(mark_used);
        }
    }

    /// [`Writer::update_prefixes`] inside lists and quotes.
    fn nested_prefixes(&mut self, mark_used: bool) {
        let mut depth = 0;
        let innermost_item = self
            .containers
            .iter()
            .rposition(|c| matches!(c, Container::Item { .. }));
        for (i, c) in self.containers.iter_mut().enumerate() {
            match c {
                Container::Quote => {
                    depth += 1;
                    if depth <= MAX_NESTING {
                        self.first.push_str("> ");
                        self.rest.push_str("> ");
                    }
                }
                Container::Item { marker, used } => {
                    depth += 1;
                    if depth <= MAX_NESTING {
                        let pad = marker.width();
                        if *used {
                            push_repeated(&mut self.first, ' ', pad);
                        } else {
                            marker.write(&mut self.first);
                        }
                        push_repeated(&mut self.rest, ' ', pad);
                    } else if Some(i) == innermost_item && !*used {
                        marker.write(&mut self.first);
                    }
                    if mark_used {
                        *used = true;
                    }
                }
                Container::List { .. } => {}
            }
        }
    }

    /// Writes wrapped text as one block.
    fn paragraph(&mut self, text: &str) {
        self.block_gap();
        self.update_prefixes(true);
        // Most blocks have no line break: one vectorized search tells.
        if memchr::memchr(b'\n', text.as_bytes()).is_none() {
            wrap_into(
                &mut self.out,
                text,
                self.options.width,
                &self.first,
                &self.rest,
            );
            return;
        }
        let mut initial = &self.first;
        for line in text.split('\n') {
            wrap_into(&mut self.out, line, self.options.width, initial, &self.rest);
            initial = &self.rest;
        }
    }

    /// Writes a line of [`Pieces`] as one block, wrapped between pieces where it can be.
    fn pieces(&mut self, line: &str) {
        self.block_gap();
        self.update_prefixes(true);
        wrap_pieces(
            &mut self.out,
            line,
            self.options.width,
            &self.first,
            &self.rest,
        );
    }

    fn verbatim(&mut self, text: &str, indent: &str) {
        self.block_gap();
        self.update_prefixes(true);
        for (i, line) in text.trim_end_matches('\n').split('\n').enumerate() {
            let prefix = if i == 0 { &self.first } else { &self.rest };
            self.out.push_str(prefix);
            self.out.push_str(indent);
            self.out.push_str(line);
            self.out.push('\n');
        }
    }

    /// Opens a container: the blank line before it carries only the outer prefixes.
    fn open(&mut self, container: Container) {
        self.block_gap();
        self.blank_before = false;
        self.containers.push(container);
    }

    /// Writes a heading, underlined as wide as its longest line when `underline` is given.
    fn heading(&mut self, text: &str, underline: Option<char>) {
        let start = self.out.len();
        self.paragraph(text);
        if let Some(c) = underline {
            // `rest` is still the prefix the paragraph's lines after the first took.
            let indent = display_columns(&self.rest);
            let written = self.out[start..].trim_start_matches('\n');
            let width = written
                .lines()
                .map(|l| display_columns(l).saturating_sub(indent))
                .max()
                .unwrap_or(0);
            self.out.push_str(&self.rest);
            push_repeated(&mut self.out, c, width.max(1));
            self.out.push('\n');
        }
    }

    fn footnote_number(&mut self, name: &str) -> usize {
        number(&mut self.footnotes, name)
    }

    fn reference(&mut self, url: &str) -> usize {
        number(&mut self.references, url)
    }

    /// The text of a link, with its URL as the link style says.
    fn link(&mut self, text: &str, url: &str) -> String {
        // Room for the URL or its reference number after the text.
        let mut out = String::with_capacity(text.len() + url.len() + 4);
        out.push_str(text);
        self.link_target(&mut out, 0, url);
        out
    }

    /// Adds the URL of the link whose text is `out[text_start..]`, as the link style says.
    fn link_target(&mut self, out: &mut String, text_start: usize, url: &str) {
        let text = &out[text_start..];
        let same = text == url || url.strip_prefix("mailto:") == Some(text);
        if url.is_empty() || same {
            return;
        }
        // Relative links are made absolute against the site, so that they work outside it.
        let absolute = self.base.map(|base| base.resolve(url));
        let url = absolute.as_deref().unwrap_or(url);
        match self.options.links {
            LinkStyle::References => {
                let number = self.reference(url);
                out.push_str(" [");
                crate::locale::push_decimal(out, number as u64);
                out.push(']');
            }
            LinkStyle::Inline => {
                out.push_str(" (");
                out.push_str(url);
                out.push(')');
            }
            LinkStyle::None => {}
        }
    }

    /// `Sources: A [1], B [2]`, as [`Strings::labelled`] labels the source links.
    fn sources(&mut self, strings: &Strings, sources: &[Source]) -> String {
        // Room for the label, the names and, after each, its URL or reference number.
        let names: usize = sources
            .iter()
            .map(|s| s.name.len() + s.url.as_ref().map_or(0, |u| u.as_str().len()) + 8)
            .sum();
        let mut line = String::with_capacity(names + 32);
        strings
            .sources
            .format_into(&strings.language, sources.len() as u64, &mut line);
        line.push_str(&strings.colon);
        for (i, source) in sources.iter().enumerate() {
            if i > 0 {
                line.push_str(strings.list_separator());
            }
            let start = line.len();
            line.push_str(&source.name);
            if let Some(url) = &source.url {
                self.link_target(&mut line, start, url.as_str());
            }
        }
        line
    }

    fn page(&mut self, view: &View<'_>, body: &Body<'_>) {
        let article = view.article;
        let strings: &Strings = view.strings;
        let parts = &self.options.parts;
        let mut line = std::mem::take(&mut self.line);
        // The sources line, made once for the meta lines and the AI notice.
        let mut sources_line: Option<String> = None;
        if parts.site
            && let Some(site) = article.site()
        {
            line.clear();
            line.push_str(&site.name);
            if let Some(section) = &site.section {
                line.push_str(" | ");
                line.push_str(&section.name);
            }
            self.paragraph(&line);
        }
        if parts.meta {
            let mut kicker = Pieces::new(&mut line);
            for piece in article
                .category()
                .map(|c| c.name.as_str())
                .into_iter()
                .chain(view.label.as_deref())
            {
                kicker.next().push_str(piece);
            }
            if kicker.count > 0 {
                self.pieces(&line);
            }
        }
        self.heading(article.title(), Some('='));
        if parts.meta {
            let mut meta = Pieces::new(&mut line);
            let authors = article.authors();
            if !authors.is_empty() {
                let by = meta.next();
                by.push_str(&strings.by);
                by.push(' ');
                strings.write_joined(authors.iter().map(|a| a.name.as_str()), by);
            }
            if let Some(published) = article.published() {
                strings.write_date(published.date(), meta.next());
            }
            if let Some(updated) = view.shown_update {
                let piece = meta.next();
                piece.push_str(&strings.updated);
                piece.push(' ');
                if view.updated_on_publication_day(updated) {
                    strings.write_time(updated.civil().time(), piece);
                } else {
                    strings.write_date(updated.date(), piece);
                }
            }
            let minutes = view.reading_time.minutes().into();
            strings
                .min_read
                .format_into(&strings.language, minutes, meta.next());
            self.pieces(&line);
            if !article.sources().is_empty() {
                let line =
                    sources_line.get_or_insert_with(|| self.sources(strings, article.sources()));
                wrap_into(&mut self.out, line, self.options.width, "", "");
            }
        }
        if parts.summary
            && let Some(summary) = article.summary()
        {
            self.paragraph(summary);
        }
        if let Some(image) = article.image() {
            line.clear();
            line.push('[');
            line.push_str(&strings.image);
            line.push_str(": ");
            line.push_str(&image.alt);
            line.push(']');
            if let Some(caption) = &image.caption {
                line.push(' ');
                line.push_str(caption);
            }
            if let Some(credit) = &image.credit {
                line.push_str(" (");
                line.push_str(credit);
                line.push(')');
            }
            self.paragraph(&line);
        }
        self.body(body);
        if parts.notices {
            for notice in &view.notices {
                self.open(Container::Quote);
                self.update_prefixes(false);
                // A notice's lines start with a bar where a quote's have `>`: the prefixes
                // are changed in place (the next block makes its own again).
                let mut first = std::mem::take(&mut self.first);
                let mut rest = std::mem::take(&mut self.rest);
                for prefix in [&mut first, &mut rest] {
                    if let Some(at) = prefix.find("> ") {
                        prefix.replace_range(at..at + 1, "|");
                    }
                }
                wrap_into(
                    &mut self.out,
                    &notice.text,
                    self.options.width,
                    &first,
                    &rest,
                );
                if notice.with_sources && !article.sources().is_empty() {
                    let line = sources_line
                        .get_or_insert_with(|| self.sources(strings, article.sources()));
                    wrap_into(&mut self.out, line, self.options.width, &rest, &rest);
                }
                (self.first, self.rest) = (first, rest);
                self.containers.pop();
                self.blank_before = true;
            }
        }
        if parts.comments && !article.comments().is_empty() {
            self.heading(&strings.comments, Some('-'));
            for comment in article.comments() {
                line.clear();
                line.push_str(&comment.author);
                if let Some(posted) = comment.posted {
                    line.push_str(SEPARATOR);
                    strings.write_date(posted.date(), &mut line);
                }
                self.pieces(&line);
                self.containers.push(Container::Item {
                    marker: Marker::Indent,
                    used: true,
                });
                self.blank_before = false;
                for (i, paragraph) in comment
                    .text
                    .split("\n\n")
                    .filter(|p| !p.trim().is_empty())
                    .enumerate()
                {
                    if i > 0 {
                        self.blank_before = true;
                    }
                    self.paragraph(paragraph.trim());
                }
                self.containers.pop();
            }
        }
        if parts.related && !article.related().is_empty() {
            self.heading(&strings.related, Some('-'));
            for item in article.related() {
                let title = self.link(&item.title, item.url.as_str());
                self.containers.push(Container::Item {
                    marker: Marker::Bullet,
                    used: false,
                });
                self.paragraph(&title);
                let mut meta = Pieces::new(&mut line);
                if let Some(category) = &item.category {
                    meta.next().push_str(&category.name);
                }
                if let Some(published) = item.published {
                    strings.write_date(published.date(), meta.next());
                }
                if let Some(minutes) = item.reading_minutes {
                    strings
                        .min_read
                        .format_into(&strings.language, minutes.into(), meta.next());
                }
                if meta.count > 0 {
                    self.update_prefixes(false);
                    wrap_pieces(
                        &mut self.out,
                        &line,
                        self.options.width,
                        &self.rest,
                        &self.rest,
                    );
                }
                self.containers.pop();
                self.blank_before = false;
            }
            self.blank_before = true;
        }
        self.line = line;
    }

    /// Writes the body from the parsed Markdown, walking the tree without recursion.
    fn body(&mut self, body: &Body<'_>) {
        let root = body.root;
        let mut next = Some(Edge::Start(root));
        while let Some(edge) = next.take() {
            match edge {
                Edge::Start(node) => {
                    // Paragraphs, headings, code and tables are written whole: the walk
                    // goes on after them, without visiting what is in them.
                    let mut whole = true;
                    let value = node.data().value.clone_shallow();
                    match value {
                        Shallow::Paragraph => self.with_inline_text(node, |w, text| {
                            if !is_blank(text) {
                                w.paragraph(text);
                            }
                        }),
                        Shallow::Heading(level) => self.with_inline_text(node, |w, text| {
                            w.heading(text, (level == 2).then_some('-'));
                        }),
                        Shallow::CodeBlock => {
                            if let Value::CodeBlock(block) = &node.data().value {
                                self.verbatim(&block.literal, "    ");
                            }
                        }
                        Shallow::Table => self.table(node),
                        Shallow::ThematicBreak => {
                            whole = false;
                            self.paragraph("* * *");
                        }
                        Shallow::BlockQuote => {
                            whole = false;
                            self.open(Container::Quote);
                        }
                        Shallow::List {
                            ordered,
                            start,
                            tight,
                        } => {
                            whole = false;
                            let in_tight_item =
                                matches!(
                                    self.containers.iter().rev().nth(1),
                                    Some(Container::List { tight: true, .. })
                                ) && matches!(self.containers.last(), Some(Container::Item { .. }));
                            if in_tight_item {
                                self.blank_before = false;
                            }
                            self.open(Container::List {
                                ordered,
                                next: start,
                                tight,
                            });
                        }
                        Shallow::Item => {
                            whole = false;
                            let (marker, tight) = match self.containers.last_mut() {
                                Some(Container::List {
                                    ordered: true,
                                    next,
                                    tight,
                                }) => {
                                    let marker = Marker::Number(*next);
                                    *next += 1;
                                    (marker, *tight)
                                }
                                Some(Container::List { tight, .. }) => (Marker::Bullet, *tight),
                                _ => (Marker::Bullet, true),
                            };
                            if tight || node.previous_sibling().is_none() {
                                self.blank_before = false;
                            }
                            self.open(Container::Item {
                                marker,
                                used: false,
                            });
                        }
                        Shallow::FootnoteDefinition => {
                            whole = false;
                            let number = match &node.data().value {
                                Value::FootnoteDefinition(f) => self.footnote_number(&f.name),
                                _ => 0,
                            };
                            self.open(Container::Item {
                                marker: Marker::Footnote(number),
                                used: false,
                            });
                        }
                        Shallow::Other => whole = false,
                    }
                    next = match node.first_child() {
                        Some(child) if !whole => Some(Edge::Start(child)),
                        Some(_) => after(node, root),
                        None => Some(Edge::End(node)),
                    };
                }
                Edge::End(node) => {
                    next = after(node, root);
                    let value = node.data().value.clone_shallow();
                    match value {
                        Shallow::BlockQuote | Shallow::Item | Shallow::FootnoteDefinition => {
                            self.containers.pop();
                            if let Some(Container::List { tight: true, .. }) =
                                self.containers.last()
                            {
                                self.blank_before = false;
                            }
                        }
                        Shallow::List { .. } => {
                            self.containers.pop();
                            self.blank_before = true;
                        }
                        _ => {}
                    }
                }
            }
        }
    }

    /// Calls `f` with the text of a block's inlines ([`Writer::inline_text`]), read
    /// straight from the tree when the block holds one text, as most do.
    fn with_inline_text(&mut self, block: Node<'_>, f: impl FnOnce(&mut Self, &str)) {
        if let Some(text) = only_text(block) {
            f(self, &text);
            return;
        }
        let text = self.inline_text(block);
        f(self, &text);
        self.inline_buffer = text;
    }

    /// The text of a block's inlines, with links as the link style says.
    fn inline_text(&mut self, block: Node<'_>) -> String {
        let mut out = std::mem::take(&mut self.inline_buffer);
        out.clear();
        // Most blocks hold only text: their children are read one by one, and the walk
        // starts at the first child that holds more.
        let mut children = block.children();
        let Some(other) = children.find(|child| !push_plain(&child.data().value, &mut out)) else {
            return out;
        };
        let mut link_starts = std::mem::take(&mut self.link_starts);
        link_starts.clear();
        let mut skip: Option<Node<'_>> = None;
        for edge in std::iter::once(other)
            .chain(children)
            .flat_map(|c| c.traverse())
        {
            match edge {
                Edge::Start(node) => {
                    if skip.is_some() {
                        continue;
                    }
                    let value = &node.data().value;
                    if push_plain(value, &mut out) {
                        continue;
                    }
                    match value {
                        Value::Link(_) => link_starts.push(out.len()),
                        Value::Image(_) => {
                            out.push('[');
                            out.push_str(&self.image_word);
                            out.push_str(": ");
                            let alt_start = out.len();
                            node.collect_text_append(&mut out);
                            // The alt text trimmed, in place.
                            let trimmed_end = alt_start + out[alt_start..].trim_end().len();
                            out.truncate(trimmed_end);
                            let leading =
                                out[alt_start..].len() - out[alt_start..].trim_start().len();
                            out.drain(alt_start..alt_start + leading);
                            out.push(']');
                            skip = Some(node);
                        }
                        Value::FootnoteReference(r) => {
                            let number = self.footnote_number(&r.name);
                            push_superscript(&mut out, number);
                        }
                        _ => {}
                    }
                }
                Edge::End(node) => {
                    if skip.is_some_and(|s| std::ptr::eq(s, node)) {
                        skip = None;
                        continue;
                    }
                    if let Value::Link(link) = &node.data().value {
                        let start = link_starts.pop().unwrap_or(0);
                        self.link_target(&mut out, start, &link.url);
                    }
                }
            }
        }
        self.link_starts = link_starts;
        out
    }

    fn table(&mut self, table: Node<'_>) {
        let data = table.data();
        let alignments: &[TableAlignment] = match &data.value {
            Value::Table(t) => &t.alignments,
            _ => &[],
        };
        // Every cell's text, one line each, in one buffer, as (start, end, display width)
        // spans; each row is the spans from its start to the next row's.
        let mut cells = std::mem::take(&mut self.table.cells);
        let mut spans = std::mem::take(&mut self.table.spans);
        let mut row_starts = std::mem::take(&mut self.table.row_starts);
        let mut widths = std::mem::take(&mut self.table.widths);
        cells.clear();
        spans.clear();
        row_starts.clear();
        widths.clear();
        for row in table.children() {
            row_starts.push(spans.len());
            for cell in row.children() {
                let start = cells.len();
                self.with_inline_text(cell, |_, text| {
                    // Most cells start and end with a visible ASCII character: nothing
                    // to trim.
                    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
                    let bytes = text.as_bytes();
                    let text = if visible(bytes.first()) && visible(bytes.last()) {
                        text
                    } else {
                        text.trim()
                    };
                    for (i, piece) in text.split('\n').enumerate() {
                        if i > 0 {
                            cells.push(' ');
                        }
                        cells.push_str(piece);
                    }
                });
                spans.push((start, cells.len(), display_columns(&cells[start..])));
            }
        }
        let row = |r: usize| {
            let end = row_starts.get(r + 1).copied().unwrap_or(spans.len());
            spans[row_starts[r]..end]
                .iter()
                .map(|&(start, end, columns)| (&cells[start..end], columns))
        };
        for r in 0..row_starts.len() {
            for (i, (_, columns)) in row(r).enumerate() {
                match widths.get_mut(i) {
                    Some(width) => *width = columns.max(*width),
                    None => widths.push(columns),
                }
            }
        }
        let columns = widths.len();
        self.update_prefixes(false);
        let total = widths.iter().sum::<usize>()
            + 3 * columns.saturating_sub(1)
            + display_columns(&self.rest);
        self.block_gap();
        self.update_prefixes(true);
        let rest = &self.rest;
        if self.options.width == 0 || total <= self.options.width {
            for r in 0..row_starts.len() {
                let line_start = self.out.len();
                self.out.push_str(rest);
                let mut cells = row(r);
                for (i, width) in widths.iter().enumerate() {
                    let (cell, columns) = cells.next().unwrap_or(("", 0));
                    if i > 0 {
                        self.out.push_str(" | ");
                    }
                    let pad = width - columns;
                    let before = match alignments.get(i) {
                        Some(TableAlignment::Right) => pad,
                        Some(TableAlignment::Center) => pad / 2,
                        _ => 0,
                    };
                    push_repeated(&mut self.out, ' ', before);
                    self.out.push_str(cell);
                    push_repeated(&mut self.out, ' ', pad - before);
                }
                let kept = self.out[line_start..].trim_end().len();
                self.out.truncate(line_start + kept);
                self.out.push('\n');
                if r == 0 {
                    self.out.push_str(rest);
                    for (i, width) in widths.iter().enumerate() {
                        if i > 0 {
                            self.out.push_str("-+-");
                        }
                        push_repeated(&mut self.out, '-', (*width).max(1));
                    }
                    self.out.push('\n');
                }
            }
        } else {
            // Too wide: each row as "header: value" lines.
            let indent = format!("{rest}  ");
            let mut line = String::new();
            for r in 1..row_starts.len() {
                if r > 1 {
                    self.out.push_str(rest.trim_end());
                    self.out.push('\n');
                }
                let mut header = row(0).map(|(name, _)| name);
                for (cell, _) in row(r) {
                    let name = header.next().unwrap_or("");
                    line.clear();
                    if !name.is_empty() {
                        line.push_str(name);
                        line.push_str(": ");
                    }
                    line.push_str(cell);
                    wrap_into(&mut self.out, &line, self.options.width, rest, &indent);
                }
            }
        }
        self.table = TableBuffers {
            cells,
            spans,
            row_starts,
            widths,
        };
    }
}

/// The buffers a table is laid out in, kept between tables for their allocations.
#[derive(Default)]
struct TableBuffers {
    cells: String,
    spans: Vec<(usize, usize, usize)>,
    row_starts: Vec<usize>,
    widths: Vec<usize>,
}

/// The text of a block that holds one text and nothing else, as most paragraphs,
/// headings and table cells do: it is written from the tree, without being gathered.
fn only_text<'a>(block: Node<'a>) -> Option<std::cell::Ref<'a, str>> {
    let child = block.first_child().filter(|c| c.next_sibling().is_none())?;
    std::cell::Ref::filter_map(child.data(), |ast| match &ast.value {
        Value::Text(text) => Some(&**text),
        _ => None,
    })
    .ok()
}

/// Writes an inline that is plain text (text, a code span, a line break) as plain text
/// shows it; `false`, writing nothing, for any other node.
#[inline(always)]
fn push_plain(value: &Value, out: &mut String) -> bool {
    match value {
        Value::Text(t) => out.push_str(t),
        Value::Code(c) => out.push_str(&c.literal),
        Value::SoftBreak => out.push(' '),
        Value::LineBreak => out.push('\n'),
        _ => return false,
    }
    true
}

/// The number of `key` in `map`, counting from 1 in the order keys are first seen.
fn number(map: &mut StrMap<()>, key: &str) -> usize {
    let position = match map.position(key) {
        Some(position) => position,
        None => map.push(key.to_owned(), ()),
    };
    position + 1
}

/// A copy of the parts of a node the text writer needs, so the node is not borrowed while
/// the writer walks its children.
enum Shallow {
    Paragraph,
    Heading(u8),
    CodeBlock,
    ThematicBreak,
    Table,
    BlockQuote,
    List {
        ordered: bool,
        start: usize,
        tight: bool,
    },
    Item,
    FootnoteDefinition,
    Other,
}

trait ShallowExt {
    fn clone_shallow(&self) -> Shallow;
}

impl ShallowExt for Value {
    fn clone_shallow(&self) -> Shallow {
        match self {
            Value::Paragraph => Shallow::Paragraph,
            Value::Heading(h) => Shallow::Heading(h.level),
            Value::CodeBlock(_) => Shallow::CodeBlock,
            Value::ThematicBreak => Shallow::ThematicBreak,
            Value::Table(_) => Shallow::Table,
            Value::BlockQuote => Shallow::BlockQuote,
            Value::List(l) => Shallow::List {
                ordered: l.list_type == ListType::Ordered,
                start: l.start,
                tight: l.tight,
            },
            Value::Item(_) => Shallow::Item,
            Value::FootnoteDefinition(_) => Shallow::FootnoteDefinition,
            _ => Shallow::Other,
        }
    }
}

/// Writes `n` copies of `c` (a space or the `=` and `-` of rules) a run at a time.
fn push_repeated(out: &mut String, c: char, n: usize) {
    const SPACES: &str = "                                ";
    const EQUALS: &str = "================================";
    const DASHES: &str = "--------------------------------";
    let run = match c {
        ' ' => SPACES,
        '=' => EQUALS,
        '-' => DASHES,
        _ => {
            out.extend(std::iter::repeat_n(c, n));
            return;
        }
    };
    let mut left = n;
    while left > 0 {
        let take = left.min(run.len());
        out.push_str(&run[..take]);
        left -= take;
    }
}

/// Whether `text` is empty or white space only, as `text.trim().is_empty()` tells, looking
/// no further than its first other character.
#[inline]
fn is_blank(text: &str) -> bool {
    text.chars().all(char::is_whitespace)
}

/// The deepest quote or list nesting that the text shows as indentation.
const MAX_NESTING: usize = 8;

/// Writes a footnote number in superscript digits into `out`: ¹, ², ¹⁰.
fn push_superscript(out: &mut String, number: usize) {
    const SUPERSCRIPT: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    crate::locale::push_digits(out, number as u64, &SUPERSCRIPT);
}

/// The display width of `text`, as unicode-width gives it: its length when it is all
/// printable ASCII (one column each). Line prefixes, the most measured texts, are empty or
/// a few spaces and markers: they are checked here byte by byte, inline, which costs less
/// than a call and the setting up of a vectorized pass.
#[inline]
fn display_columns(text: &str) -> usize {
    if text.len() <= 8 && text.bytes().all(|b| b.wrapping_sub(b' ') <= b'~' - b' ') {
        return text.len();
    }
    longer_display_columns(text)
}

/// [`display_columns`] of any text: its length when one vectorized pass finds it all
/// printable ASCII.
fn longer_display_columns(text: &str) -> usize {
    if crate::bytes::is_printable_ascii(text) {
        text.len()
    } else {
        text.width()
    }
}

/// Wraps one line of text to `width` display columns (0: no wrapping) into `out`, with
/// Unicode line breaking so CJK text breaks between characters; words longer than the
/// width (URLs) stay whole.
fn wrap_into(out: &mut String, text: &str, width: usize, initial: &str, subsequent: &str) {
    if width == 0 {
        // No line ends in spaces, as when lines are wrapped.
        let text = text.trim_end_matches([' ', '\t']);
        if text.is_empty() {
            out.push_str(initial.trim_end_matches(' '));
        } else {
            out.push_str(initial);
            out.push_str(text);
        }
        out.push('\n');
        return;
    }
    // Text no longer in bytes than its line fits whatever it holds (no character takes
    // more columns than bytes): most headings and list items.
    let short = initial.len() + text.len() <= width;
    if (short && fits_on_one_line(out, text, width, initial))
        || wrap_ascii(out, text, width, initial, subsequent)
        || (!short && fits_on_one_line(out, text, width, initial))
        || wrap_letters(out, text, width, initial, subsequent)
        || wrap_segmented(out, text, width, initial, subsequent)
    {
        return;
    }
    wrap_unicode(out, text, width, initial, subsequent);
}

/// [`wrap_into`] for a line of [`Pieces`]: lines break after a separator rather than
/// inside a piece, so that "3 min read" or a date stays whole, and a piece breaks inside
/// only when it is too wide for a line of its own. The separator before a break stays at
/// the end of its line, unless a piece too wide for a line leaves no room for it there:
/// then the break alone parts the pieces, rather than a separator on a line of its own.
fn wrap_pieces(out: &mut String, text: &str, width: usize, initial: &str, subsequent: &str) {
    if width == 0 || !text.contains(SEPARATOR) {
        wrap_into(out, text, width, initial, subsequent);
        return;
    }
    if fits_on_one_line(out, text, width, initial) {
        return;
    }
    // The lines as `wrap_into` would take them, at least one column for text.
    let widths = [initial, subsequent].map(|prefix| {
        let prefix = display_columns(prefix);
        width.max(prefix + 1) - prefix
    });
    let separator = display_columns(SEPARATOR);
    // The trailing separator at a break: ` ·`.
    let trailing = SEPARATOR.trim_end();
    let mut pieces = text.split(SEPARATOR).peekable();
    let mut first = true;
    // The pieces of the line being filled, as a range of `text`, and its columns.
    let (mut start, mut end, mut used) = (0, 0, 0);
    // Where the next piece starts in `text`.
    let mut next_start = 0;
    while let Some(piece) = pieces.next() {
        let piece_start = next_start;
        next_start += piece.len() + SEPARATOR.len();
        let last = pieces.peek().is_none();
        // A piece that is not the last needs room for the separator after it, should
        // the line break there.
        let needs = display_columns(piece) + if last { 0 } else { display_columns(trailing) };
        let available = widths[usize::from(!first)];
        if end > start && used + separator + needs > available {
            let prefix = if first { initial } else { subsequent };
            if used + display_columns(trailing) <= available {
                let mut line = String::with_capacity(end - start + trailing.len());
                line.push_str(&text[start..end]);
                line.push_str(trailing);
                wrap_into(out, &line, width, prefix, subsequent);
            } else {
                // A piece wider than the line: its last line takes the separator if it
                // has room.
                let before = out.len();
                wrap_into(out, &text[start..end], width, prefix, subsequent);
                if out.len() > before && out.ends_with('\n') {
                    let line_end = out.len() - 1;
                    let line_start = out[..line_end].rfind('\n').map_or(0, |i| i + 1);
                    if display_columns(&out[line_start..line_end]) + display_columns(trailing)
                        <= width
                    {
                        out.insert_str(line_end, trailing);
                    }
                }
            }
            first = false;
            (start, used) = (piece_start, 0);
        } else if end > start {
            used += separator;
        } else {
            start = piece_start;
        }
        end = piece_start + piece.len();
        used += display_columns(piece);
    }
    let prefix = if first { initial } else { subsequent };
    wrap_into(out, &text[start..end], width, prefix, subsequent);
}

/// [`wrap_into`] for text in any script that fits on its first line, as textwrap measures
/// it: the line as textwrap writes it, without looking for breaks. Returns `false`,
/// writing nothing, for longer text.
fn fits_on_one_line(out: &mut String, text: &str, width: usize, initial: &str) -> bool {
    let width = width.max(display_columns(initial) + 1);
    // Blank text is textwrap's to write: it leaves out the indent.
    if is_blank(text) {
        return false;
    }
    // No character takes more columns than its UTF-8 bytes, so text no longer in bytes
    // than the width fits without measuring it.
    if initial.len() + text.len() > width
        && textwrap::core::display_width(initial) + textwrap::core::display_width(text) > width
    {
        return false;
    }
    let start = out.len();
    out.push_str(initial);
    out.push_str(text);
    let kept = out[start..].trim_end().len();
    out.truncate(start + kept);
    out.push('\n');
    true
}

/// [`wrap_into`] for text in any script: the lines textwrap makes with the options of
/// [`wrap_unicode`] (the same line segmenter, the same words after
/// [`words_for_wrapping`] joins them, the same first fit), found in one pass over the
/// segmenter's breaks without collecting words or lines. Returns `false`, writing nothing,
/// for the text textwrap treats apart: empty, starting with a space, short enough for its
/// shortcut, or with a newline or an ANSI escape in it.
fn wrap_segmented(
    out: &mut String,
    text: &str,
    width: usize,
    initial: &str,
    subsequent: &str,
) -> bool {
    use textwrap::core::display_width;
    let width = width.max(display_columns(initial) + 1);
    if text.is_empty()
        || text.starts_with(' ')
        || (text.len() < width && initial.is_empty())
        || text.contains(['\n', '\x1b'])
    {
        return false;
    }
    let widths = [
        width.saturating_sub(display_width(initial)),
        width.saturating_sub(display_width(subsequent)),
    ];
    let mut wrapper = FirstFit {
        out,
        text,
        widths,
        initial,
        subsequent,
        lines: 0,
        line_start: 0,
        line_end: 0,
        used: 0,
    };
    // Words as textwrap's separator makes them: from one break to the next, none after a
    // hyphen or a soft hyphen, and the last break left out (the rest of the text is the
    // last word); then joined as `words_for_wrapping` joins them.
    let segmenter = icu_segmenter::LineSegmenter::new_for_non_complex_scripts(
        icu_segmenter::options::LineBreakOptions::default(),
    );
    let mut breaks = segmenter
        .segment_str(text)
        .filter(|&at| at > 0 && !matches!(text[..at].chars().next_back(), Some('-' | '\u{ad}')));
    let mut pending = breaks.next();
    let mut word_start = 0;
    // The joined word being read: where it starts, and how the last piece ended.
    let mut joined_start = 0;
    let mut previous: Option<(bool, char)> = None;
    let mut next_piece = |end: usize, wrapper: &mut FirstFit<'_, '_>| {
        let piece = &text[word_start..end];
        let word = piece.trim_end_matches(' ');
        if !joins(previous, word) && word_start > 0 {
            wrapper.fragment(joined_start, word_start);
            joined_start = word_start;
        }
        previous = word
            .chars()
            .next_back()
            .map(|c| (word.len() < piece.len(), c));
        word_start = end;
    };
    while let Some(at) = pending {
        pending = breaks.next();
        if pending.is_some() {
            next_piece(at, &mut wrapper);
        }
    }
    next_piece(text.len(), &mut wrapper);
    wrapper.fragment(joined_start, text.len());
    wrapper.finish();
    true
}

/// textwrap's first-fit line filling, fed one word at a time.
struct FirstFit<'o, 't> {
    out: &'o mut String,
    text: &'t str,
    /// The widths of the first and the other lines.
    widths: [usize; 2],
    initial: &'t str,
    subsequent: &'t str,
    /// Lines written.
    lines: usize,
    /// The line being filled: where it starts and where its last word ends in `text`,
    /// and the columns its words and the spaces after them take.
    line_start: usize,
    line_end: usize,
    used: usize,
}

impl FirstFit<'_, '_> {
    /// Adds the word `text[start..end]`, spaces after it included.
    fn fragment(&mut self, start: usize, end: usize) {
        let piece = &self.text[start..end];
        let word = piece.trim_end_matches(' ');
        let width = textwrap::core::display_width(word);
        let limit = self.widths[self.lines.min(1)];
        if self.used + width > limit && start > self.line_start {
            self.write_line();
            self.line_start = start;
            self.used = 0;
        }
        self.used += width + (piece.len() - word.len());
        self.line_end = start + word.len();
    }

    fn write_line(&mut self) {
        let line_start = self.out.len();
        self.out.push_str(if self.lines == 0 {
            self.initial
        } else {
            self.subsequent
        });
        self.out
            .push_str(&self.text[self.line_start..self.line_end]);
        let kept = self.out[line_start..].trim_end().len();
        self.out.truncate(line_start + kept);
        self.out.push('\n');
        self.lines += 1;
    }

    fn finish(mut self) {
        self.write_line();
    }
}

/// [`wrap_into`] for text in any script, by textwrap.
fn wrap_unicode(out: &mut String, text: &str, width: usize, initial: &str, subsequent: &str) {
    let options = textwrap::Options::new(width.max(display_columns(initial) + 1))
        .initial_indent(initial)
        .subsequent_indent(subsequent)
        .word_separator(textwrap::WordSeparator::Custom(words_for_wrapping))
        .word_splitter(textwrap::WordSplitter::NoHyphenation)
        // First fit moves a word that does not fit to the next line, as readers expect;
        // optimal fit may leave an overlong word on a line with others.
        .wrap_algorithm(textwrap::WrapAlgorithm::FirstFit)
        .break_words(false);
    let lines = textwrap::wrap(text, options);
    if lines.is_empty() {
        let _ = writeln!(out, "{}", initial.trim_end());
    }
    for line in lines {
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

/// [`wrap_into`] for printable ASCII text that does not start with a space, where words
/// are runs of non-spaces and every column is one character: the same lines as the
/// textwrap path, without allocating. Each line jumps to its last column and looks back
/// for the last break, so only the bytes near line ends are read one by one. Returns
/// `false`, writing nothing, for any other text.
fn wrap_ascii(out: &mut String, text: &str, width: usize, initial: &str, subsequent: &str) -> bool {
    let bytes = text.as_bytes();
    // One branch-free pass over the bytes decides whether the fast path applies.
    if bytes.first().is_none_or(|b| *b == b' ') || crate::bytes::any_in::<NotSimple>(bytes) {
        return false;
    }
    let width = width.max(display_columns(initial) + 1);
    let widths = [
        width.saturating_sub(display_columns(initial)),
        width.saturating_sub(display_columns(subsequent)),
    ];
    let end = text.trim_end_matches(' ').len();
    let mut first = true;
    let mut line_start = 0;
    loop {
        // A line holds every word that ends within its width, and at least one word.
        let cutoff = line_start + widths[usize::from(!first)];
        let line = if end <= cutoff {
            None
        } else {
            last_break(bytes, line_start, cutoff).or_else(|| next_break(bytes, cutoff, end))
        };
        out.push_str(if first { initial } else { subsequent });
        let Some((line_end, next_start)) = line else {
            out.push_str(&text[line_start..end]);
            out.push('\n');
            return true;
        };
        out.push_str(&text[line_start..line_end]);
        out.push('\n');
        first = false;
        line_start = next_start;
    }
}

/// Typographic punctuation that [`wrap_letters`] takes: curly quotes and apostrophes,
/// dashes and the ellipsis, one column each.
const TYPOGRAPHIC: [char; 7] = [
    '\u{2018}', '\u{2019}', '\u{201c}', '\u{201d}', '\u{2013}', '\u{2014}', '\u{2026}',
];

/// [`wrap_into`] for text of printable ASCII and letters of other alphabets
/// ([`plain_letter`]: accented Latin, Greek, Cyrillic, Arabic, Hangul) and
/// [`TYPOGRAPHIC`] punctuation that does not start with a space: lines break only at
/// spaces, as for ASCII, and a letter takes one column, a Hangul syllable two. The same
/// lines as the textwrap path, word by word, without allocating. Returns `false`, writing
/// nothing, for any other text.
fn wrap_letters(
    out: &mut String,
    text: &str,
    width: usize,
    initial: &str,
    subsequent: &str,
) -> bool {
    let bytes = text.as_bytes();
    if bytes.first().is_none_or(|b| *b == b' ') {
        return false;
    }
    let start = out.len();
    let width = width.max(display_columns(initial) + 1);
    let widths = [
        width.saturating_sub(display_columns(initial)),
        width.saturating_sub(display_columns(subsequent)),
    ];
    let mut first = true;
    // The line being filled: where it starts and ends in `text`, and its columns.
    let (mut line_start, mut line_end, mut used) = (0, 0, 0);
    let mut i = 0;
    while i < bytes.len() {
        let word_start = i;
        // The word's columns, spaces it joins across included.
        let mut columns = 0;
        let (word_end, trailing) = loop {
            // The last character before the spaces, and the ASCII byte whose
            // line-breaking class it has at a space.
            let mut last = b'a';
            let mut last_char = 'a';
            while let Some(&b) = bytes.get(i)
                && b != b' '
            {
                if b < 0x80 {
                    if not_simple(b) != 0 {
                        out.truncate(start);
                        return false;
                    }
                    last = b;
                    last_char = char::from(b);
                    columns += 1;
                    i += 1;
                } else {
                    let c = text[i..].chars().next().unwrap_or_default();
                    match plain_letter(c) {
                        Some(hangul) => columns += 1 + usize::from(hangul),
                        None if TYPOGRAPHIC.contains(&c) => columns += 1,
                        None => {
                            out.truncate(start);
                            return false;
                        }
                    }
                    last = b'a';
                    last_char = c;
                    i += c.len_utf8();
                }
            }
            let end = i;
            while bytes.get(i) == Some(&b' ') {
                i += 1;
            }
            // At a space, typographic punctuation breaks as a letter does, except that no
            // line starts with a closing quote or ends with an opening one, and no line
            // break parts two dashes (UAX #14 LB15a, LB15b, LB17): those lines are left
            // to the segmenter.
            let next_char = text[i..].chars().next();
            if i < bytes.len()
                && (matches!(last_char, '\u{2018}' | '\u{201c}')
                    || matches!(next_char, Some('\u{2019}' | '\u{201d}'))
                    || (last_char == '\u{2014}' && next_char == Some('\u{2014}')))
            {
                out.truncate(start);
                return false;
            }
            let next = bytes.get(i).map(|&b| if b < 0x80 { b } else { b'a' });
            if next.is_none_or(|next| breaks_after_spaces(last, next)) {
                break (end, i - end);
            }
            columns += i - end;
        };
        let limit = widths[usize::from(!first)];
        if word_start > line_start && used + columns > limit {
            out.push_str(if first { initial } else { subsequent });
            out.push_str(&text[line_start..line_end]);
            out.push('\n');
            first = false;
            line_start = word_start;
            used = 0;
        }
        used += columns + trailing;
        line_end = word_end;
    }
    out.push_str(if first { initial } else { subsequent });
    out.push_str(&text[line_start..line_end]);
    out.push('\n');
    true
}

/// The line break after the last word that ends in `line_start + 1..=cutoff`: the word's
/// end and the start of the next line. `cutoff` is before the end of the text's words.
fn last_break(bytes: &[u8], line_start: usize, cutoff: usize) -> Option<(usize, usize)> {
    let mut at = cutoff;
    while at > line_start {
        if bytes[at] == b' '
            && bytes[at - 1] != b' '
            && let Some(next) = break_after(bytes, at)
        {
            return Some((at, next));
        }
        at -= 1;
    }
    None
}

/// The first line break after a word that ends after `from` and before `end`.
fn next_break(bytes: &[u8], from: usize, end: usize) -> Option<(usize, usize)> {
    let mut at = from + 1;
    while at < end {
        if bytes[at] == b' '
            && bytes[at - 1] != b' '
            && let Some(next) = break_after(bytes, at)
        {
            return Some((at, next));
        }
        at += 1;
    }
    None
}

/// Where the next line starts when the line may break at the spaces from `word_end`; none
/// when the spaces are not a break ([`breaks_after_spaces`]) or end the text.
#[inline]
fn break_after(bytes: &[u8], word_end: usize) -> Option<usize> {
    // Words are most often parted by one space.
    let next = match bytes.get(word_end + 1) {
        Some(&b) if b != b' ' => word_end + 1,
        _ => word_end + bytes[word_end..].iter().position(|&b| b != b' ')?,
    };
    breaks_after_spaces(bytes[word_end - 1], bytes[next]).then_some(next)
}

/// 1 for a byte the ASCII wrapping paths leave to the line segmenter, else 0. They take
/// the ASCII characters whose line-breaking classes they mirror: letters, digits, space
/// and the punctuation of prose. Control characters, bytes outside ASCII, numeric
/// prefixes and suffixes (`$`, `%`, `+`), `<`, `=`, `>`, `\`, `^`, `_`, the backtick,
/// `|` and `~` are left out. Told apart by a few range checks that the compiler runs on
/// many bytes side by side: the left-out punctuation falls in three short runs
/// (`$%`, `<=>`, `^_` and the backtick) and three single bytes, two of which (`\` and
/// `|`) differ only in the bit that `| 0x20` sets, and `~` sits next to the end of
/// printable ASCII.
#[inline(always)]
fn not_simple(b: u8) -> u8 {
    // Below the space, or from `~` up (DEL and every byte outside ASCII).
    u8::from(b.wrapping_sub(b' ') > b'}' - b' ')
        | u8::from(b.wrapping_sub(b'$') < 2)
        | u8::from(b.wrapping_sub(b'<') < 3)
        | u8::from(b.wrapping_sub(b'^') < 3)
        | u8::from(b == b'+')
        | u8::from(b | 0x20 == b'|')
}

/// [`not_simple`] as a class of bytes, to be tested 64 at a time.
struct NotSimple;

impl crate::bytes::ByteClass for NotSimple {
    #[inline(always)]
    fn test(b: u8) -> u8 {
        not_simple(b)
    }

    #[inline(always)]
    fn test_simd<S: fearless_simd::Simd>(
        bytes: fearless_simd::u8x64<S>,
    ) -> fearless_simd::mask8x64<S> {
        use fearless_simd::prelude::*;
        (bytes - b' ').simd_gt(b'}' - b' ')
            | (bytes - b'$').simd_lt(2)
            | (bytes - b'<').simd_lt(3)
            | (bytes - b'^').simd_lt(3)
            | bytes.simd_eq(b'+')
            | (bytes | 0x20).simd_eq(b'|')
    }
}

/// Whether UAX #14 lets a line break after the spaces between `before` and `after` (ASCII):
/// never before closing and infix punctuation (LB13) or after opening punctuation (LB14).
fn breaks_after_spaces(before: u8, after: u8) -> bool {
    !(matches!(
        after,
        b')' | b']' | b'}' | b'!' | b'?' | b',' | b'.' | b':' | b';' | b'/'
    ) || matches!(before, b'(' | b'[' | b'{'))
}

/// Words for line breaking: the break opportunities of the Unicode line breaking
/// algorithm (UAX #14), less those that no reader expects without a space. Lines break
/// at spaces, and next to Chinese and Japanese characters and their punctuation, which
/// are written without spaces. They never break inside a Korean word (Korean puts spaces
/// between words, and its readers expect lines to break there) or after a hyphen or slash
/// in a word or URL, which would change what is copied.
fn words_for_wrapping(line: &str) -> Box<dyn Iterator<Item = textwrap::core::Word<'_>> + '_> {
    let offset = |s: &str| s.as_ptr() as usize - line.as_ptr() as usize;
    // Byte ranges of the words after joining, each made into a `Word` once, so that a
    // long run of joined pieces costs linear time.
    let mut ranges: Vec<(usize, usize)> = Vec::new();
    let mut previous: Option<(bool, char)> = None; // (ended in white space, last character)
    for word in textwrap::WordSeparator::UnicodeBreakProperties.find_words(line) {
        let start = offset(word.word);
        let end = offset(word.whitespace) + word.whitespace.len();
        match ranges.last_mut() {
            Some(range) if joins(previous, word.word) => range.1 = end,
            _ => ranges.push((start, end)),
        }
        previous = word
            .word
            .chars()
            .next_back()
            .map(|c| (!word.whitespace.is_empty(), c));
    }
    Box::new(
        ranges
            .into_iter()
            .map(move |(start, end)| textwrap::core::Word::from(&line[start..end])),
    )
}

/// Characters of scripts written without spaces, next to which a line may break.
/// Whether a line-breaking piece starting with `word` joins the one before it, which
/// ended as `previous` says (whether spaces followed it, and its last character): lines
/// break only after spaces, or next to Chinese and Japanese text.
fn joins(previous: Option<(bool, char)>, word: &str) -> bool {
    previous.is_some_and(|(spaced, last)| {
        !spaced && !breaks_anywhere(last) && !word.chars().next().is_some_and(breaks_anywhere)
    })
}

fn breaks_anywhere(c: char) -> bool {
    crate::reading_time::is_cjk(c)
        || matches!(c, '\u{3000}'..='\u{303f}' | '\u{3040}'..='\u{30ff}' | '\u{ff00}'..='\u{ffef}')
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::{Strategy, any, prop_oneof};
    use proptest::test_runner::TestCaseError;

    /// A wrapping path, as [`wrap_into`] calls it.
    type Wrap = fn(&mut String, &str, usize, &str, &str) -> bool;

    /// Checks that `path` writes the lines textwrap writes, or, when it leaves the text to
    /// another path (never, with `must_take`), writes nothing.
    fn same_as_textwrap(
        path: Wrap,
        must_take: bool,
        text: &str,
        width: usize,
        initial: &str,
        subsequent: &str,
    ) -> Result<(), TestCaseError> {
        let mut fast = String::new();
        let taken = path(&mut fast, text, width, initial, subsequent);
        proptest::prop_assert!(taken || !must_take, "left {text:?} to another path");
        if taken {
            let mut reference = String::new();
            wrap_unicode(&mut reference, text, width, initial, subsequent);
            proptest::prop_assert_eq!(fast, reference);
        } else {
            proptest::prop_assert!(fast.is_empty());
        }
        Ok(())
    }

    proptest::proptest! {
        /// A line of pieces breaks only between pieces while each fits a line of its own,
        /// keeps every word, and keeps within the width.
        #[test]
        fn pieces_break_between_pieces(
            pieces in proptest::collection::vec("[a-z]{1,7}( [a-z0-9]{1,7}){0,3}", 1..6),
            width in 1usize..60,
            indent in proptest::sample::select(vec!["", "  ", "| "]),
        ) {
            let text = pieces.join(SEPARATOR);
            let mut out = String::new();
            wrap_pieces(&mut out, &text, width, indent, indent);
            let lines: Vec<&str> = out.lines().map(|line| &line[indent.len()..]).collect();
            let words = |text: &str| -> Vec<String> {
                text.split_whitespace().filter(|w| *w != "·").map(str::to_owned).collect()
            };
            proptest::prop_assert_eq!(words(&lines.join(" ")), words(&text));
            for line in &lines {
                // A separator ends a line, or goes with the break.
                proptest::prop_assert!(!line.starts_with('·'), "{lines:?}");
            }
            let available = width.max(indent.len() + 1) - indent.len();
            if pieces.iter().all(|piece| piece.len() + 2 <= available) {
                proptest::prop_assert_eq!(lines.join(" "), text.clone());
                for line in &lines {
                    proptest::prop_assert!(
                        indent.len() + display_columns(line) <= width,
                        "{line:?}"
                    );
                }
                for piece in &pieces {
                    proptest::prop_assert!(
                        lines.iter().any(|line| line.contains(piece.as_str())),
                        "{piece:?} broken in {lines:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn pieces_that_fit_are_one_line_and_a_wide_piece_wraps_inside() {
        let wrap = |text: &str, width: usize| {
            let mut out = String::new();
            wrap_pieces(&mut out, text, width, "", "");
            out
        };
        assert_eq!(wrap("a · b", 72), "a · b\n");
        assert_eq!(wrap("a · b", 0), "a · b\n");
        assert_eq!(
            wrap("March 1, 2026 · 12 min read", 20),
            "March 1, 2026 ·\n12 min read\n"
        );
        assert_eq!(
            wrap("By one two three four · 3 min read", 12),
            "By one two\nthree four ·\n3 min read\n"
        );
        // Two columns a Hangul syllable: the break moves before the wide piece.
        assert_eq!(wrap("ab · 한국어 기사", 12), "ab ·\n한국어 기사\n");
        // Blank pieces, as wide as the line or wider, are no trouble.
        for width in 1..8 {
            let out = wrap("      · x ·       · y", width);
            assert!(out.contains('x') && out.contains('y'), "{out:?}");
        }
        // A piece wider than the line keeps the separator only where it has room.
        assert_eq!(
            wrap("By Ann Featherstonehaugh · 1 min read", 17),
            "By Ann\nFeatherstonehaugh\n1 min read\n"
        );
        assert_eq!(
            wrap("By Ann Featherstonehaugh · 1 min read", 19),
            "By Ann\nFeatherstonehaugh ·\n1 min read\n"
        );
    }

    proptest::proptest! {
        #[test]
        fn letter_wrapping_equals_textwrap(
            // As above, with letters of other alphabets and Hangul syllables (two columns)
            // in and between the words.
            text in "[a-zé가][a-zA-Z0-9é가힣Жжλά한국ب.,:;!?'\"()\\[\\]/&*# ]{0,80}",
            width in 1usize..40,
            initial in "(> |- |  |1\\. )?",
            subsequent in "(> |  )?",
        ) {
            same_as_textwrap(wrap_letters, true, &text, width, &initial, &subsequent)?;
        }

        #[test]
        fn typographic_wrapping_equals_textwrap(
            // Curly quotes, dashes and the ellipsis at every place next to spaces; the
            // text the fast path leaves to the segmenter is left untouched.
            text in "[a-zé가‘“][a-zA-Zé가한 .,!?()‘’“”–—…]{0,80}",
            width in 1usize..40,
            initial in "(> |- |  )?",
            subsequent in "(> |  )?",
        ) {
            same_as_textwrap(wrap_letters, false, &text, width, &initial, &subsequent)?;
        }

        #[test]
        fn segmented_wrapping_equals_textwrap(
            pieces in proptest::collection::vec(
                prop_oneof![
                    3 => proptest::sample::select(WRAP_PIECES).prop_map(str::to_owned),
                    1 => any::<char>().prop_map(|c| c.to_string()),
                ],
                1..40,
            ),
            width in 1usize..40,
            initial in "(> |- |  |1\\. |¹ )?",
            subsequent in "(> |  )?",
        ) {
            same_as_textwrap(wrap_segmented, false, &pieces.concat(), width, &initial, &subsequent)?;
        }

        #[test]
        fn ascii_wrapping_equals_textwrap(
            // Hyphens are left out: next to spaces and brackets, textwrap's tables keep a few
            // hyphens with the word before where the fast path breaks at the space. In words,
            // both keep them (no break after a hyphen without a space).
            text in "[a-z]{1,3}[a-zA-Z0-9.,:;!?'\"()\\[\\]{}/&*#@ ]{0,120}",
            width in 1usize..40,
            initial in "(> |- |  |1\\. )?",
            subsequent in "(> |  )?",
        ) {
            let mut fast = String::new();
            proptest::prop_assume!(wrap_ascii(&mut fast, &text, width, &initial, &subsequent));
            let mut reference = String::new();
            wrap_unicode(&mut reference, &text, width, &initial, &subsequent);
            proptest::prop_assert_eq!(fast, reference);
        }
    }

    /// Text of many scripts and the punctuation around it, for the wrapping tests.
    const WRAP_PIECES: &[&str] = &[
        "word",
        "Word",
        " ",
        "  ",
        "-",
        "\u{ad}",
        "—",
        "–",
        "…",
        "’",
        "‘",
        "“",
        "”",
        "\"",
        "'",
        "(",
        ")",
        "[",
        "]",
        ".",
        ",",
        "!",
        "?",
        ":",
        ";",
        "/",
        "%",
        "$",
        "#",
        "1",
        "42",
        "é",
        "naïve",
        "Привет",
        "κόσμε",
        "مرحبا",
        "שלום",
        "한국어",
        "읽기",
        "中文",
        "汉字",
        "。",
        "、",
        "「",
        "」",
        "『",
        "』",
        "（",
        "）",
        "！",
        "？",
        "・",
        "ー",
        "っ",
        "ゃ",
        "ひらがな",
        "カタカナ",
        "ｶﾀｶﾅ",
        "々",
        "〜",
        "\u{3000}",
        "\u{a0}",
        "\t",
        "😀",
        "👨‍👩‍👧",
        "e\u{301}",
        "\u{200b}",
        "\u{200d}",
        "https://example.com/a-b?c=d",
        "ไทย",
        "नमस्ते",
        "\u{1100}\u{1161}",
    ];

    proptest::proptest! {
        /// Jumping to line ends gives the same lines as reading word by word, hyphens,
        /// brackets, runs of spaces and words longer than the width included.
        #[test]
        fn jumping_wrap_equals_word_by_word(
            text in "[a-z]{1,3}[a-zA-Z0-9.,:;!?'\"()\\[\\]{}/&*#@ -]{0,300}",
            width in 1usize..80,
            initial in "(> |- |  |1\\. )?",
            subsequent in "(> |  )?",
        ) {
            let mut jumping = String::new();
            let mut word_by_word = String::new();
            let fast = wrap_ascii(&mut jumping, &text, width, &initial, &subsequent);
            // Word by word, as `wrap_letters` goes through ASCII.
            let reference = wrap_letters(&mut word_by_word, &text, width, &initial, &subsequent);
            proptest::prop_assert_eq!(fast, reference);
            proptest::prop_assert_eq!(jumping, word_by_word);
        }
    }

    proptest::proptest! {
        /// A line that fits is written as textwrap writes it.
        #[test]
        fn one_line_equals_textwrap(
            text in "[ a-zA-Z·é한中か,.|%$\u{3000}\u{a0}-]{0,50}",
            slack in 0usize..10,
            initial in "(> |- |  |1\\. )?",
        ) {
            let width = textwrap::core::display_width(&initial)
                + textwrap::core::display_width(&text)
                + slack;
            let mut one_line = String::new();
            let fits = fits_on_one_line(&mut one_line, &text, width, &initial);
            proptest::prop_assert_eq!(fits, !text.trim().is_empty());
            if fits {
                let mut reference = String::new();
                wrap_unicode(&mut reference, &text, width, &initial, "");
                proptest::prop_assert_eq!(one_line, reference);
            }
        }
    }

    proptest::proptest! {
        /// What lets short text skip measuring: no text is wider than its UTF-8 length.
        #[test]
        fn text_is_never_wider_than_its_bytes(
            text in "\\PC{0,40}|[\u{1f300}-\u{1faff}\u{fe0f}\u{200d}#*0-9\u{20e3}\u{1100}-\u{115f}\u{ac00}-\u{d7a3}\u{1b}\\[m]{0,20}"
        ) {
            proptest::prop_assert!(textwrap::core::display_width(&text) <= text.len());
            proptest::prop_assert!(display_columns(&text) <= text.len());
        }
    }

    #[test]
    fn typographic_text_takes_the_fast_path() {
        let text = "“It’s the plan’s first year,” the minister said \u{2014} and the \
                    region’s factories… are still waiting – again.";
        let mut fast = String::new();
        assert!(wrap_letters(&mut fast, text, 30, "", ""));
        let mut reference = String::new();
        wrap_unicode(&mut reference, text, 30, "", "");
        assert_eq!(fast, reference);
    }

    /// The ASCII the wrapping fast paths take, listed: [`not_simple`] must be its complement.
    const fn simple_ascii(b: u8) -> bool {
        b.is_ascii_alphanumeric()
            || matches!(
                b,
                b' ' | b'.'
                    | b','
                    | b':'
                    | b';'
                    | b'!'
                    | b'?'
                    | b'\''
                    | b'"'
                    | b'('
                    | b')'
                    | b'['
                    | b']'
                    | b'{'
                    | b'}'
                    | b'/'
                    | b'-'
                    | b'&'
                    | b'*'
                    | b'#'
                    | b'@'
            )
    }

    #[test]
    fn the_vectorized_check_is_simple_ascii() {
        for b in 0..=255u8 {
            assert_eq!(
                not_simple(b) == 1,
                !(b.is_ascii() && simple_ascii(b)),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn simple_ascii_is_one_class_both_ways() {
        crate::bytes::tests::check_byte_class::<NotSimple>();
    }

    #[test]
    fn repeated_characters_are_written_n_times() {
        for c in [' ', '=', '-', '~', '\u{2500}'] {
            for n in [0, 1, 31, 32, 33, 64, 100] {
                let mut out = String::from("x");
                push_repeated(&mut out, c, n);
                assert_eq!(out, format!("x{}", c.to_string().repeat(n)));
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn blank_is_empty_once_trimmed(text in "[ \\t\\n\\u{a0}\\u{3000}a]{0,6}|\\PC{0,8}") {
            proptest::prop_assert_eq!(is_blank(&text), text.trim().is_empty());
        }
    }

    #[test]
    fn marker_widths_are_the_widths_of_their_text() {
        let numbers = (0..2_000).chain([9_999, 10_000, 123_456_789, usize::MAX]);
        for n in numbers {
            for marker in [
                Marker::Number(n),
                Marker::Footnote(n),
                Marker::Bullet,
                Marker::Indent,
            ] {
                let mut text = String::new();
                marker.write(&mut text);
                assert_eq!(marker.width(), text.width(), "{text:?}");
            }
        }
    }

    #[test]
    fn columns_are_unicode_widths() {
        for c in (0..=0x2FFFu32).filter_map(char::from_u32) {
            let text = c.to_string();
            assert_eq!(display_columns(&text), text.width(), "{c:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn columns_of_any_text_are_unicode_widths(
            text in "[ -~]{0,100}|[ -~\\x00-\\x1f\\x7fé한]{0,100}|\\PC{0,60}"
        ) {
            proptest::prop_assert_eq!(display_columns(&text), text.width());
        }
    }

    #[test]
    fn ascii_wrapping_leaves_other_text_to_textwrap() {
        let mut out = String::new();
        assert!(!wrap_ascii(&mut out, "café au lait", 10, "", ""));
        assert!(!wrap_ascii(&mut out, " leading space", 10, "", ""));
        assert!(!wrap_ascii(&mut out, "tab\there", 10, "", ""));
        assert!(!wrap_ascii(&mut out, "100 % sure", 10, "", ""));
        assert!(out.is_empty());
    }
}
