//! The Markdown body: parsed once, checked, counted, and written out.
//!
//! This is the only module that names comrak. Its types stay here, so that a comrak
//! release that renames options changes one file, and none of them reach the public API.

use comrak::nodes::{AstNode, NodeValue};

use crate::locale::Strings;
use crate::reading_time::{Counter, Counts};
use crate::sanitize::Sanitizer;
use crate::strmap::StrMap;
use unicode_segmentation::UnicodeSegmentation;

mod html;

/// Holds the nodes of one parse.
pub(crate) type Arena<'a> = comrak::Arena<'a>;

/// A node of the parsed body, for the renderers in this crate.
pub(crate) type Node<'a> = &'a AstNode<'a>;

pub(crate) use comrak::arena_tree::NodeEdge as Edge;
pub(crate) use comrak::nodes::{ListType, NodeValue as Value, TableAlignment};

/// A heading of the body, after its level was shifted under the page's `h1`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Heading {
    /// 2 to 6.
    pub(crate) level: u8,
    /// The heading's text, without markup.
    pub(crate) text: String,
    /// A unique id for anchors and the table of contents.
    pub(crate) id: String,
}

/// The body, parsed once; every output is derived from it.
pub(crate) struct Body<'a> {
    pub(crate) root: Node<'a>,
    pub(crate) headings: Vec<Heading>,
    pub(crate) counts: Counts,
    /// The start of the first paragraph with text in it, as a reader reads it: enough
    /// for an excerpt.
    pub(crate) first_paragraph: Option<String>,
    /// The alignment of every table cell, in document order (none without `for_html`).
    cell_alignments: Vec<TableAlignment>,
    /// Whether sanitized HTML blocks were kept, to be written as they are.
    kept_html: bool,
}

fn options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    // Raw HTML never reaches the output: it is removed from the tree below, and behind
    // that the body's writer (`html`) acts as comrak's safe mode does, set here for
    // comrak's own formatter, which the tests hold that writer equal to: any HTML left
    // becomes a comment and dangerous link targets are left empty.
    options.render.r#unsafe = false;
    options
}

/// The ids that the page's own parts write around the body (the titles of the table of
/// contents, the comments and the related articles). A heading whose id would be one of
/// them gets a suffix instead, as a repeated heading does.
pub(crate) const PAGE_IDS: [&str; 3] = ["dl-toc-title", "dl-comments-title", "dl-related-title"];

/// Parses `markdown`, removes raw HTML and unsafe link targets, shifts headings under the
/// page's `h1`, and counts what a reader reads. With `for_html`, it also gives headings
/// ids, unique among themselves, the footnotes' ids and [`PAGE_IDS`], keeps their text
/// and keeps the start of the first paragraph for the excerpt: what only the HTML page
/// shows.
/// One pass over the tree, with no recursion, so deep nesting cannot overflow the stack.
pub(crate) fn parse<'a>(
    arena: &'a Arena<'a>,
    markdown: &str,
    japanese: bool,
    sanitizer: Option<&Sanitizer>,
    for_html: bool,
) -> Body<'a> {
    let root = comrak::parse_document(arena, markdown, &options());
    // Input cleaning took out of the body the characters that hide or reorder text, but a
    // character reference (`&#x202E;`) puts them back as the body is parsed: the text that
    // references can reach is cleaned again when one of them may have done so.
    // Markdown of ASCII without `&`, as much of it is, can only make ASCII text: then
    // there is nothing to clean again, and the counter need not look for other scripts.
    let ascii_text = !crate::bytes::any_in::<NotAsciiText>(markdown.as_bytes());
    let decoded = !ascii_text && references_need_cleaning(markdown);
    // The text of the block being read goes to the counter, which counts it when the
    // block ends: one call per block costs less than one per text node.
    let mut counter = Counter::new(japanese);
    // The body's text is shorter than its Markdown: room for it up front, within the
    // counter's batch, saves growing the batch block by block.
    counter.reserve(markdown.len().min(Counter::BATCH));
    if ascii_text {
        counter.all_ascii();
    }
    // Each heading with its level and, once it ends, its text (none when it holds an
    // image, whose alt text the heading's id includes but reading time does not).
    let mut headings: Vec<(Node<'a>, u8, Option<String>)> = Vec::new();
    let mut heading_has_image = false;
    // The footnotes and their references, whose ids headings must not take.
    let mut footnotes: Vec<Node<'a>> = Vec::new();
    let mut first_paragraph: Option<String> = None;
    let mut remove: Vec<Node<'a>> = Vec::new();
    let mut unwrap: Vec<Node<'a>> = Vec::new();
    let mut cell_alignments = Vec::new();
    let mut table_alignments: Vec<TableAlignment> = Vec::new();
    let mut column = 0;
    let mut kept_html = false;
    // The walk goes down to a node's first child, else ends the node and each ancestor
    // it is the last child of, then goes on to the next sibling: a leaf, most often text,
    // is started and ended in one step.
    let mut next = Some(root);
    while let Some(node) = next {
        // Images and code blocks are not read as text: their subtree is skipped.
        let mut skip = false;
        let mut data = node.data_mut();
        // The blocks that hold text (paragraphs, headings, table cells) are the blocks of
        // reading time; the blocks around them never have text of their own to count.
        let holds_text = data.value.contains_inlines();
        match &mut data.value {
            NodeValue::Text(text) => {
                if decoded {
                    clean_decoded(text.to_mut(), false);
                }
                counter.push_str(text);
            }
            NodeValue::Code(code) => counter.push_str(&code.literal),
            NodeValue::SoftBreak | NodeValue::LineBreak => counter.push_str("\n"),
            NodeValue::HtmlBlock(block) => match sanitizer {
                Some(sanitizer) => {
                    block.literal = sanitizer.clean(&block.literal);
                    if decoded {
                        clean_decoded(&mut block.literal, false);
                    }
                    kept_html = true;
                }
                None => remove.push(node),
            },
            NodeValue::HtmlInline(_) => remove.push(node),
            NodeValue::CodeBlock(block) => {
                if decoded {
                    clean_decoded(&mut block.info, true);
                }
                skip = true;
            }
            // A footnote defined twice: comrak keeps the last definition and leaves
            // the others where they stand, unreferenced, which would open the list
            // of footnotes in the middle of the body. They are taken out.
            NodeValue::FootnoteDefinition(definition) if definition.total_references == 0 => {
                remove.push(node);
                skip = true;
            }
            NodeValue::FootnoteDefinition(_) | NodeValue::FootnoteReference(_) if for_html => {
                footnotes.push(node);
            }
            NodeValue::Heading(heading) => {
                headings.push((node, heading.level, None));
                heading_has_image = false;
            }
            NodeValue::Link(link) => {
                if decoded {
                    clean_decoded(&mut link.title, true);
                }
                if !safe_body_url(&link.url) {
                    unwrap.push(node);
                }
            }
            NodeValue::Image(image) => {
                if decoded {
                    clean_decoded(&mut image.title, true);
                }
                counter.image();
                heading_has_image = true;
                if !safe_body_url(&image.url) {
                    image.url.clear();
                    remove.push(node);
                }
                skip = true;
            }
            // Cells' alignments are for the HTML writer; plain text reads its tables'.
            NodeValue::Table(table) if for_html => table_alignments.clone_from(&table.alignments),
            NodeValue::TableRow(_) if for_html => column = 0,
            NodeValue::TableCell if for_html => {
                let alignment = table_alignments
                    .get(column)
                    .copied()
                    .unwrap_or(TableAlignment::None);
                cell_alignments.push(alignment);
                column += 1;
            }
            _ => {}
        }
        drop(data);
        if !skip && let Some(child) = node.first_child() {
            next = Some(child);
            continue;
        }
        // `node` ends, then each ancestor that it ends.
        let (mut ended, mut ended_holds_text) = (node, holds_text);
        next = loop {
            if ended_holds_text {
                let value = &ended.data().value;
                if for_html
                    && !heading_has_image
                    && matches!(value, NodeValue::Heading(_))
                    && let Some((_, _, text)) = headings.last_mut()
                {
                    // The heading's text as a reader reads it, line breaks as spaces.
                    *text = Some(counter.current_block().replace('\n', " "));
                }
                if for_html
                    && first_paragraph.is_none()
                    && matches!(value, NodeValue::Paragraph)
                    && !counter.current_block().trim().is_empty()
                {
                    first_paragraph = Some(prefix(counter.current_block(), 1024).to_owned());
                }
                counter.close_block();
            }
            if std::ptr::eq(ended, root) {
                break None;
            }
            if let Some(sibling) = ended.next_sibling() {
                break Some(sibling);
            }
            let Some(parent) = ended.parent() else {
                break None;
            };
            ended = parent;
            ended_holds_text = parent.data().value.contains_inlines();
        };
    }

    if for_html {
        rename_clashing_footnotes(&footnotes);
    }
    for node in unwrap {
        while let Some(child) = node.first_child() {
            node.insert_before(child);
        }
        node.detach();
    }
    for node in remove {
        node.detach();
    }

    Body {
        root,
        headings: shift_headings(headings, for_html.then_some(footnotes)),
        counts: counter.finish(),
        first_paragraph,
        cell_alignments,
        kept_html,
    }
}

/// Renames the footnotes whose ids would repeat another footnote's. A footnote's HTML
/// ids are `fn-NAME` and, for its references, `fnref-NAME`, `fnref-NAME-2` and so on, as
/// comrak writes them, so a footnote named `a-2` takes the id of the second reference to
/// `a`. Such a footnote gets a `_` after its name until its ids are free; names are never
/// shown, and the two outputs number footnotes in order whatever their names.
fn rename_clashing_footnotes(footnotes: &[Node<'_>]) {
    use std::collections::{HashMap, HashSet};
    // A name can take another footnote's reference id only if it ends in `-` and a
    // number of 2 or more, written as comrak writes reference numbers.
    fn stem_and_number(name: &str) -> Option<(&str, u32)> {
        let (stem, digits) = name.rsplit_once('-')?;
        let number: u32 = digits.parse().ok()?;
        (number >= 2 && number.to_string() == digits).then_some((stem, number))
    }
    let numbered = footnotes.iter().any(|node| {
        matches!(&node.data().value, NodeValue::FootnoteDefinition(d)
            if stem_and_number(&d.name).is_some())
    });
    if !numbered {
        return;
    }
    // The rest runs only for such names, once over the footnotes, so that a hostile body
    // of many of them costs linear time.
    let names: Vec<String> = footnotes
        .iter()
        .filter_map(|node| match &node.data().value {
            NodeValue::FootnoteDefinition(d) => Some(d.name.clone()),
            _ => None,
        })
        .collect();
    let references: HashSet<(String, u32)> = footnotes
        .iter()
        .filter_map(|node| match &node.data().value {
            NodeValue::FootnoteReference(r) if r.ref_num >= 2 => Some((r.name.clone(), r.ref_num)),
            _ => None,
        })
        .collect();
    let mut taken: HashSet<String> = names.iter().cloned().collect();
    // A new name is no stem of a numbered name, so that it makes no clash of its own.
    taken.extend(
        names
            .iter()
            .filter_map(|n| stem_and_number(n))
            .map(|(stem, _)| stem.to_owned()),
    );
    let mut renames: HashMap<String, String> = HashMap::new();
    for name in &names {
        let Some((stem, number)) = stem_and_number(name) else {
            continue;
        };
        if !references.contains(&(stem.to_owned(), number)) {
            continue;
        }
        let mut renamed = format!("{name}_");
        while taken.contains(&renamed) {
            renamed.push('_');
        }
        taken.insert(renamed.clone());
        renames.insert(name.clone(), renamed);
    }
    if renames.is_empty() {
        return;
    }
    for node in footnotes {
        match &mut node.data_mut().value {
            NodeValue::FootnoteDefinition(d) => {
                if let Some(renamed) = renames.get(&d.name) {
                    d.name.clone_from(renamed);
                }
            }
            NodeValue::FootnoteReference(r) => {
                if let Some(renamed) = renames.get(&r.name) {
                    r.name.clone_from(renamed);
                }
            }
            _ => {}
        }
    }
}

/// Shifts heading levels so that the highest is an `h2` (the page's `h1` is the headline)
/// and no level is skipped on the way down. Given the body's `footnotes` (definitions and
/// references), also gives each heading an id unique among them, [`PAGE_IDS`] and the
/// footnotes' ids, and keeps its text, for anchors and the table of contents; plain text
/// needs neither.
fn shift_headings<'a>(
    headings: Vec<(Node<'a>, u8, Option<String>)>,
    footnotes: Option<Vec<Node<'a>>>,
) -> Vec<Heading> {
    let highest = headings
        .iter()
        .map(|(_, level, _)| *level)
        .min()
        .unwrap_or(2);
    let mut previous = 1u8;
    let ids = footnotes.is_some();
    let mut anchors = Anchors::with_capacity(if ids { headings.len() } else { 0 });
    anchors.reserved = Reserved {
        page: ids,
        footnotes: footnotes.unwrap_or_default(),
        footnote_ids: None,
    };
    let mut out = Vec::with_capacity(if ids { headings.len() } else { 0 });
    for (node, level, text) in headings {
        let shifted = (level + 2).saturating_sub(highest);
        let level = shifted.clamp(2, previous + 1).min(6);
        previous = level;
        if let NodeValue::Heading(h) = &mut node.data_mut().value {
            h.level = level;
        }
        if ids {
            let text = text.unwrap_or_else(|| node.collect_text());
            let id = anchors.anchorize(&text);
            out.push(Heading { level, text, id });
        }
    }
    out
}

/// The longest start of `text` of at most `max` bytes that ends on a character boundary.
fn prefix(text: &str, max: usize) -> &str {
    let mut end = max.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Unique heading ids, as GitHub makes them (and comrak's `Anchorizer`): the text in
/// lower case, without characters other than letters, marks, numbers, connector
/// punctuation, hyphens and spaces, spaces made hyphens; a repeat gets `-1`, `-2`, and so
/// on, skipping any id already taken.
///
/// An id [`Reserved`] for something else is passed over as one already given.
#[derive(Default)]
struct Anchors<'a> {
    /// Every id given, with the next suffix to try for a heading whose id would be it.
    taken: StrMap<usize>,
    reserved: Reserved<'a>,
}

/// Ids of the page that are not headings': with `page`, [`PAGE_IDS`] and the ids of the
/// footnotes' HTML, `fn-NAME` and `fnref-NAME` (`fnref-NAME-2` for a second reference).
/// The footnotes' ids are made only when a heading's id could be one of them, so that
/// most pages never make them, and once, so that a hostile body of many such headings
/// and many footnotes costs linear time.
#[derive(Default)]
struct Reserved<'a> {
    page: bool,
    footnotes: Vec<Node<'a>>,
    footnote_ids: Option<StrMap<()>>,
}

impl Reserved<'_> {
    fn contains(&mut self, id: &str) -> bool {
        if !self.page {
            return false;
        }
        if PAGE_IDS.contains(&id) {
            return true;
        }
        if !(id.starts_with("fn-") || id.starts_with("fnref-")) {
            return false;
        }
        let footnotes = &self.footnotes;
        let ids = self.footnote_ids.get_or_insert_with(|| {
            let mut ids = StrMap::with_capacity(footnotes.len());
            for node in footnotes {
                let id = match &node.data().value {
                    NodeValue::FootnoteDefinition(definition) => format!("fn-{}", definition.name),
                    NodeValue::FootnoteReference(reference) if reference.ref_num > 1 => {
                        format!("fnref-{}-{}", reference.name, reference.ref_num)
                    }
                    NodeValue::FootnoteReference(reference) => format!("fnref-{}", reference.name),
                    _ => continue,
                };
                if ids.position(&id).is_none() {
                    ids.push(id, ());
                }
            }
            ids
        });
        ids.position(id).is_some()
    }
}

impl Anchors<'_> {
    fn with_capacity(headings: usize) -> Self {
        Anchors {
            taken: StrMap::with_capacity(headings),
            reserved: Reserved::default(),
        }
    }

    fn anchorize(&mut self, text: &str) -> String {
        let mut base = slug(text);
        if base.is_empty() {
            // An id cannot be empty: a heading of no letter or digit (`## !!!`, `## 🎉`)
            // takes a word instead, where GitHub and comrak give `""`, then `-1`.
            base.push_str(EMPTY_HEADING_ID);
        }
        let repeated = match self.taken.position(&base) {
            Some(repeated) => repeated,
            // Reserved: passed over as if a heading had it.
            None if self.reserved.contains(&base) => self.taken.push(base.clone(), 1),
            None => {
                self.taken.push(base.clone(), 1);
                return base;
            }
        };
        // A repeat: the first free suffix from the one after the last given.
        let mut candidate = base;
        candidate.push('-');
        let stem = candidate.len();
        let mut suffix = *self.taken.value_mut(repeated);
        loop {
            candidate.truncate(stem);
            crate::locale::push_decimal(&mut candidate, suffix as u64);
            if self.taken.position(&candidate).is_none() && !self.reserved.contains(&candidate) {
                break;
            }
            suffix += 1;
        }
        *self.taken.value_mut(repeated) = suffix + 1;
        self.taken.push(candidate.clone(), 1);
        candidate
    }
}

/// The id of a heading whose text gives none, before it is made unique.
const EMPTY_HEADING_ID: &str = "section";

/// A heading's id before it is made unique.
fn slug(text: &str) -> String {
    if !text.is_ascii() {
        // A fresh anchorizer gives the id without a suffix.
        return comrak::Anchorizer::new().anchorize(text);
    }
    let mut id = String::with_capacity(text.len());
    for b in text.bytes() {
        match b {
            b'a'..=b'z' | b'0'..=b'9' | b'_' | b'-' => id.push(char::from(b)),
            b'A'..=b'Z' => id.push(char::from(b.to_ascii_lowercase())),
            b' ' => id.push('-'),
            _ => {}
        }
    }
    id
}

/// Named character references that stand for a character of their own, which joins no
/// other into a grapheme cluster and which input cleaning keeps: the ones bodies use.
const PLAIN_NAMED_REFERENCES: [&str; 30] = [
    "amp", "lt", "gt", "quot", "apos", "nbsp", "copy", "reg", "trade", "mdash", "ndash", "hellip",
    "lsquo", "rsquo", "ldquo", "rdquo", "laquo", "raquo", "middot", "bull", "times", "divide",
    "deg", "plusmn", "euro", "pound", "yen", "cent", "sect", "para",
];

/// Whether a character reference of `markdown` may decode to what input cleaning would
/// change: a character it removes, a tab or a line break, or one that joins another into a
/// grapheme cluster (which could stack past the cap). One vectorized search for `&`; the
/// references that bodies use (`&#8217;`, `&amp;`, `&nbsp;`) need nothing, so that the
/// text is cleaned again only when it may have to be.
fn references_need_cleaning(markdown: &str) -> bool {
    memchr::memchr_iter(b'&', markdown.as_bytes())
        .any(|at| reference_needs_cleaning(&markdown[at + 1..]))
}

/// The bytes of Markdown that can make text other than ASCII: bytes outside ASCII, NUL
/// (which the parser replaces with U+FFFD) and `&`, which starts a character reference.
/// Markdown without them parses to ASCII text alone (smart punctuation is off).
struct NotAsciiText;

impl crate::bytes::ByteClass for NotAsciiText {
    #[inline(always)]
    fn test(b: u8) -> u8 {
        u8::from(b.wrapping_sub(1) >= 0x7f) | u8::from(b == b'&')
    }

    #[inline(always)]
    fn test_simd<S: fearless_simd::Simd>(
        bytes: fearless_simd::u8x64<S>,
    ) -> fearless_simd::mask8x64<S> {
        use fearless_simd::prelude::*;
        (bytes - 1u8).simd_ge(0x7f) | bytes.simd_eq(b'&')
    }
}

/// [`references_need_cleaning`] for the text after one `&`.
fn reference_needs_cleaning(after: &str) -> bool {
    // The longest reference is 32 characters and the `;`.
    let Some(end) = after.bytes().take(33).position(|b| b == b';') else {
        return false;
    };
    let name = &after[..end];
    let Some(number) = name.strip_prefix('#') else {
        let named = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric());
        return named && !PLAIN_NAMED_REFERENCES.contains(&name);
    };
    let value = match number.strip_prefix(['x', 'X']) {
        Some(hex) if (1..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()
        }
        None if (1..=7).contains(&number.len()) && number.bytes().all(|b| b.is_ascii_digit()) => {
            number.parse().ok()
        }
        _ => return false,
    };
    // As CommonMark decodes them: NUL and what is no character become U+FFFD.
    let c = value
        .and_then(char::from_u32)
        .filter(|&c| c != '\0')
        .unwrap_or('\u{fffd}');
    !stands_alone(c)
}

/// Whether `c` is kept by input cleaning, is no tab or line break, and joins nothing into
/// a grapheme cluster, before it, after it or with itself.
fn stands_alone(c: char) -> bool {
    if c.is_ascii() {
        return (' '..='~').contains(&c);
    }
    if crate::input::is_removed(c) {
        return false;
    }
    let mut bytes = [0u8; 4];
    let c = c.encode_utf8(&mut bytes).as_bytes();
    // Two graphemes, or the pair joins.
    let separate = |first: &[u8], second: &[u8]| {
        let mut pair = [0u8; 8];
        pair[..first.len()].copy_from_slice(first);
        pair[first.len()..first.len() + second.len()].copy_from_slice(second);
        std::str::from_utf8(&pair[..first.len() + second.len()])
            .is_ok_and(|pair| pair.graphemes(true).nth(1).is_some())
    };
    separate(b"a", c) && separate(c, b"a") && separate(c, c)
}

/// Cleans text that the parser decoded from character references, as input text is
/// cleaned: with `single_line`, line breaks and tabs become spaces, as in an attribute;
/// otherwise a carriage return does, which no parsed text holds but a reference.
fn clean_decoded(text: &mut String, single_line: bool) {
    let cleaned = crate::input::clean_text(std::mem::take(text), single_line);
    *text = if !single_line && cleaned.contains('\r') {
        cleaned.replace('\r', " ")
    } else {
        cleaned
    };
}

/// [`safe_url`] for a link or image target of the body, which also may not hold a tab or
/// a line break: a character reference can put one there, and the plain text writes
/// targets as they are.
fn safe_body_url(url: &str) -> bool {
    !has_hidden(url, true) && safe_scheme(url)
}

/// Whether `url` holds a character that input cleaning removes, or with `breaks` a tab or
/// a line break: one pass over its bytes for the usual URL, which has none of them.
fn has_hidden(url: &str, breaks: bool) -> bool {
    url.bytes().any(|b| !(0x20..0x7f).contains(&b))
        && url
            .chars()
            .any(|c| crate::input::is_removed(c) || (breaks && matches!(c, '\t' | '\n' | '\r')))
}

/// Whether a link or image target in the body may be written out: `http`, `https`,
/// `mailto` and relative references pass; everything else, judged after removing
/// whitespace and control characters and folding case, does not. Nor does a target with
/// a character that input cleaning removes, which only a character reference can put
/// there, as URL fields with one are refused.
#[cfg(any(feature = "sanitize", test))]
pub(crate) fn safe_url(url: &str) -> bool {
    !has_hidden(url, false) && safe_scheme(url)
}

/// Whether the scheme of `url`, if it has one, is `http`, `https` or `mailto`.
fn safe_scheme(url: &str) -> bool {
    // Most targets are absolute `https` or `http` URLs or paths: they pass at once.
    if url.starts_with("https:") || url.starts_with("http:") || url.starts_with('/') {
        return true;
    }
    // The first 16 characters that are not white space or control characters, folded to
    // lower case, on the stack: enough for the longest scheme allowed and then some.
    let mut folded = [0u8; 16];
    let mut len = 0;
    for c in url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
    {
        if len == folded.len() {
            break;
        }
        // A non-ASCII character cannot be in a scheme: it ends the part that matters.
        folded[len] = if c.is_ascii() {
            c.to_ascii_lowercase() as u8
        } else {
            0xFF
        };
        len += 1;
    }
    let folded = &folded[..len];
    let Some(colon) = folded.iter().position(|&b| b == b':') else {
        return true;
    };
    let scheme = &folded[..colon];
    if scheme.iter().any(|b| matches!(b, b'/' | b'?' | b'#')) {
        return true; // the colon is in the path, not a scheme
    }
    matches!(scheme, b"http" | b"https" | b"mailto")
}

/// What the body's HTML takes from the page around it.
#[derive(Clone, Copy)]
pub(crate) struct PageParts<'p> {
    /// The body's headings with their ids, in document order.
    pub(crate) headings: &'p [Heading],
    /// The page's words, for the footnotes' links back.
    pub(crate) strings: &'p Strings,
    /// The language of those words, when it is not the article's.
    pub(crate) words_lang: Option<&'p str>,
    /// Put before every id and every link to one (`HtmlOptions::id_prefix`).
    pub(crate) id_prefix: &'p str,
}

impl Body<'_> {
    /// Writes the body as HTML into `out`, with what it takes from the page.
    pub(crate) fn write_html(&self, page: &PageParts<'_>, out: &mut String) {
        // Only sanitized HTML blocks are left in the tree; every link and image target
        // was checked while parsing.
        html::write(self.root, page, &self.cell_alignments, self.kept_html, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn html(markdown: &str) -> String {
        let arena = Arena::new();
        let body = parse(&arena, markdown, false, None, true);
        let mut out = String::new();
        let page = PageParts {
            headings: &body.headings,
            strings: &Strings::for_language("en"),
            words_lang: None,
            id_prefix: "",
        };
        body.write_html(&page, &mut out);
        out
    }

    #[test]
    fn character_references_do_not_bring_back_what_cleaning_removed() {
        // Controls, bidirectional overrides and isolates, a byte order mark and
        // noncharacters, as references: gone, as from any other text.
        assert_eq!(
            html("a&#1;b&#x7F;c&#x85;d&#x202E;e&#x2067;f&#xFEFF;g&#xFFFE;h&#x1FFFF;i"),
            "<p>abcdefghi</p>\n"
        );
        // A carriage return becomes a space; a line feed stays, as white space.
        assert_eq!(html("a&#13;b&#10;c"), "<p>a b\nc</p>\n");
        // Titles and a code block's language too.
        assert_eq!(
            html("[a](/x \"t&#x202E;&#9;t\") ![b](/y \"u&#1;u\")"),
            "<p><a href=\"/x\" title=\"t t\">a</a> <img src=\"/y\" loading=\"lazy\" decoding=\"async\" alt=\"b\" title=\"uu\"></p>\n"
        );
        assert!(html("~~~r&#x202E;s\ncode\n~~~").contains("class=\"language-rs\""));
        // Stacked combining marks are cut as in any other text.
        let stacked = html(&format!("e{}", "&#x301;".repeat(100)));
        assert_eq!(stacked.matches('\u{301}').count(), 31);
        // A target with such a character is refused, as a URL field with one is; so is
        // one with a line break or a tab, which the plain text would write as it is.
        assert_eq!(html("[a](/x&#x202E;y)"), "<p>a</p>\n");
        assert_eq!(html("[a](/x&#10;y)"), "<p>a</p>\n");
        assert_eq!(html("[a](</x\ty>)"), "<p>a</p>\n");
        assert_eq!(html("![a](/x&#1;y) b"), "<p> b</p>\n");
        assert!(!safe_url("https://example.com/\u{202e}"));
        assert!(safe_url("https://example.com/é"));
        // Named references stack combining marks too, and are cut alike.
        let stacked = html(&format!("e{}", "&DownBreve;".repeat(100)));
        assert_eq!(stacked.matches('\u{311}').count(), 31);
        // A body with no reference is left as it was parsed (and was cleaned as input).
        assert_eq!(html("a&amp;b"), "<p>a&amp;b</p>\n");
    }

    #[test]
    fn only_references_that_may_change_text_take_the_cleaning() {
        for plain in [
            "it&#8217;s",
            "&#x2014; &#169; &#xAC00; &#20013; &#x1F389;",
            "&amp; &nbsp; &mdash; &rsquo;",
            "& alone, &#; &#x; &#12345678; &#xZZ; &not a reference",
            "&#32; &#x41;",
        ] {
            assert!(!references_need_cleaning(plain), "{plain:?}");
        }
        for changing in [
            "&#1;",
            "&#x202E;",
            "&#xFEFF;",
            "&#xFFFE;",
            "&#13;",
            "&#10;",
            "&#9;",
            "&#x7F;",
            // Joins the character before it, after it, or itself.
            "&#x301;",
            "&#x200D;",
            "&#x1F3FB;",
            "&#x1F1FA;",
            "&#x1100;",
            "&zwj;",
            "&DownBreve;",
        ] {
            assert!(
                references_need_cleaning(&format!("a {changing} b")),
                "{changing:?}"
            );
        }
    }

    #[test]
    fn drops_raw_html_and_unsafe_links() {
        assert_eq!(
            html("a <script>alert(1)</script> b"),
            "<p>a alert(1) b</p>\n"
        );
        assert_eq!(html("<div onclick=x>\n\nok"), "<p>ok</p>\n");
        assert_eq!(html("[click](javascript:alert(1))"), "<p>click</p>\n");
        assert_eq!(html("[click](JAVA%0ASCRIPT:x)"), "<p>click</p>\n");
        assert_eq!(html("![x](data:image/svg+xml,<svg>)"), "<p></p>\n");
        assert_eq!(
            html("[ok](/a:b) [m](mailto:a@b.c)"),
            "<p><a href=\"/a:b\">ok</a> <a href=\"mailto:a@b.c\">m</a></p>\n"
        );
    }

    #[test]
    fn a_footnote_defined_twice_leaves_one_list_at_the_end() {
        let out = html("a[^n]\n\n[^n]: first\n\nb[^n]\n\n[^n]: second\n\nend\n");
        let section = out.find("<section class=\"footnotes\"").expect("footnotes");
        assert!(out[..section].contains("<p>end</p>"), "{out}");
        assert_eq!(out.matches("<li id=\"fn-n\">").count(), 1, "{out}");
        assert!(!out.contains("first"), "{out}");
        assert!(out.ends_with("</ol>\n</section>\n"), "{out}");
        // Not read either.
        let arena = Arena::new();
        let body = parse(
            &arena,
            "a[^n]\n\n[^n]: one two three\n\n[^n]: four\n",
            false,
            None,
            false,
        );
        assert_eq!(body.counts.words, 2);
    }

    #[test]
    fn shifts_headings_under_the_headline_and_gives_ids() {
        let arena = Arena::new();
        let body = parse(&arena, "# One\n\n## Two\n\n# One\n", false, None, true);
        let levels: Vec<_> = body
            .headings
            .iter()
            .map(|h| (h.level, h.id.as_str()))
            .collect();
        assert_eq!(levels, [(2, "one"), (3, "two"), (2, "one-1")]);
        assert_eq!(html("## Kept\n"), "<h2 id=\"kept\">Kept</h2>\n");
        assert_eq!(html("### Up\n"), "<h2 id=\"up\">Up</h2>\n");
        let body = parse(
            &arena,
            "## A\n\n#### Skips a level\n\n## B\n",
            false,
            None,
            true,
        );
        let levels: Vec<_> = body.headings.iter().map(|h| h.level).collect();
        assert_eq!(levels, [2, 3, 2]);
    }

    #[test]
    fn text_from_character_references_is_counted_block_by_block() {
        // ASCII Markdown whose references make Chinese, then Japanese: each paragraph is
        // its own run of characters, as if it had been written out.
        let arena = Arena::new();
        let referenced = parse(
            &arena,
            "&#x6F22;&#x5B57;\n\n&#x304B;&#x306A;\n",
            false,
            None,
            false,
        );
        let written = parse(
            &arena,
            "\u{6f22}\u{5b57}\n\n\u{304b}\u{306a}\n",
            false,
            None,
            false,
        );
        assert_eq!(referenced.counts, written.counts);
        assert_eq!(referenced.counts.chinese_chars, 2);
        assert_eq!(referenced.counts.japanese_chars, 2);
    }

    #[test]
    fn markdown_that_can_only_make_ascii_is_told_apart() {
        crate::bytes::tests::check_byte_class::<NotAsciiText>();
        let ascii_only = |md: &str| !crate::bytes::any_in::<NotAsciiText>(md.as_bytes());
        assert!(ascii_only(
            "Plain *text*, `code` and [links](https://example.com).\n"
        ));
        assert!(!ascii_only("caf\u{e9}"));
        assert!(!ascii_only("AT&amp;T"));
        assert!(!ascii_only("a\0b"));
    }

    #[test]
    fn counts_what_a_reader_reads() {
        let arena = Arena::new();
        let md = "Read [the report](https://example.com/very/long/url) now.\n\n\
                  <!-- a comment -->\n\n```\nlet code = 1;\n```\n\n![Alt text here](a.png)\n";
        let body = parse(&arena, md, false, None, true);
        assert_eq!(body.counts.words, 4);
        assert_eq!(body.counts.images, 1);
    }

    #[test]
    fn heading_texts_are_the_headings_whole_text() {
        let md = "# Plain\n\n## *Em* and `code` and [link](/a)\n\nTwo\nlines\n---\n\n\
                  ### With ![alt text](a.png) image\n\n### Raw <b>html</b>\n\n\
                  > ## Quoted\n\n- ## In a list\n";
        let arena = Arena::new();
        let body = parse(&arena, md, false, None, true);
        let texts: Vec<&str> = body.headings.iter().map(|h| h.text.as_str()).collect();
        assert_eq!(
            texts,
            [
                "Plain",
                "Em and code and link",
                "Two lines",
                "With alt text image",
                "Raw html",
                "Quoted",
                "In a list"
            ]
        );
        let mut anchorizer = comrak::Anchorizer::new();
        for heading in &body.headings {
            assert_eq!(heading.id, anchorizer.anchorize(&heading.text));
        }
    }

    #[test]
    fn heading_ids_match_comrak() {
        let headings = [
            "Intro",
            "intro",
            "Intro 1",
            "Intro-1",
            "What's *new*?",
            "  Spaced  out ",
            "under_score",
            "Tabs\tand\u{a0}spaces",
            "Crème brûlée",
            "한국어 제목",
            "日本語",
            "Ελληνικά ΣΟΦΊΑ",
            "Intro",
            "intro-2",
            "Intro",
            "100% done!",
            "a-1",
            "a",
            "a",
            "a-1",
        ];
        let mut ours = Anchors::default();
        let mut theirs = comrak::Anchorizer::new();
        for text in headings {
            assert_eq!(ours.anchorize(text), theirs.anchorize(text), "{text:?}");
        }
    }

    #[test]
    fn a_heading_with_no_letter_or_digit_gets_an_id_all_the_same() {
        let mut anchors = Anchors::default();
        let ids: Vec<String> = ["", "!!!", "🎉", "Section", "?"]
            .into_iter()
            .map(|text| anchors.anchorize(text))
            .collect();
        assert_eq!(
            ids,
            [
                "section",
                "section-1",
                "section-2",
                "section-3",
                "section-4"
            ]
        );
    }

    proptest::proptest! {
        /// Short texts from a small alphabet, so that ids collide with each other and with
        /// the suffixed forms.
        #[test]
        fn heading_ids_match_comrak_on_collisions(
            texts in proptest::collection::vec("[aA1 _!é-]{0,4}", 0..40)
        ) {
            let mut ours = Anchors::default();
            let mut theirs = comrak::Anchorizer::new();
            // Texts that give no id are named apart (`section`), where comrak gives `""`.
            for text in texts.iter().filter(|t| !slug(t).is_empty()) {
                proptest::prop_assert_eq!(ours.anchorize(text), theirs.anchorize(text));
            }
        }
    }
}
