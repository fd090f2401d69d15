//! The Markdown body: parsed once, checked, counted, and written out.
//!
//! This is the only module that names comrak. Its types stay here, so that a comrak
//! release that renames options changes one file, and none of them reach the public API.

use std::fmt;
use std::sync::atomic::{AtomicUsize, Ordering};

use comrak::adapters::{HeadingAdapter, HeadingMeta};
use comrak::arena_tree::NodeEdge;
use comrak::nodes::{AstNode, NodeValue, Sourcepos};

use crate::reading_time::{Counter, Counts};

/// Holds the nodes of one parse.
pub(crate) type Arena<'a> = comrak::Arena<'a>;

/// A node of the parsed body, for the renderers in this crate.
pub(crate) type Node<'a> = &'a AstNode<'a>;

pub(crate) use comrak::arena_tree::NodeEdge as Edge;
pub(crate) use comrak::nodes::{ListType, NodeValue as Value};

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
}

fn options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    // Raw HTML never reaches the output: it is removed from the tree below, and comrak's
    // own safe mode stays on behind that.
    options.render.r#unsafe = false;
    options
}

/// Parses `markdown`, removes raw HTML and unsafe link targets, shifts headings below
/// `h1`, gives them ids, and counts what a reader reads. One pass over the tree, with no
/// recursion, so deep nesting cannot overflow the stack.
pub(crate) fn parse<'a>(arena: &'a Arena<'a>, markdown: &str, japanese: bool) -> Body<'a> {
    let root = comrak::parse_document(arena, markdown, &options());
    let mut counter = Counter::new(japanese);
    let mut headings: Vec<(Node<'a>, u8)> = Vec::new();
    let mut remove: Vec<Node<'a>> = Vec::new();
    let mut unwrap: Vec<Node<'a>> = Vec::new();
    // Images and code blocks are not read as text: their subtree is skipped.
    let mut skip: Option<Node<'a>> = None;

    for edge in root.traverse() {
        match edge {
            NodeEdge::Start(node) => {
                if skip.is_some() {
                    continue;
                }
                let mut data = node.data_mut();
                match &mut data.value {
                    NodeValue::Text(text) => counter.text(text),
                    NodeValue::Code(code) => counter.text(&code.literal),
                    NodeValue::SoftBreak | NodeValue::LineBreak => counter.text("\n"),
                    NodeValue::HtmlBlock(_) | NodeValue::HtmlInline(_) => remove.push(node),
                    NodeValue::CodeBlock(_) => skip = Some(node),
                    NodeValue::Heading(heading) => headings.push((node, heading.level)),
                    NodeValue::Link(link) if !safe_url(&link.url) => {
                        unwrap.push(node);
                    }
                    NodeValue::Image(image) => {
                        counter.image();
                        if !safe_url(&image.url) {
                            image.url.clear();
                            remove.push(node);
                        }
                        skip = Some(node);
                    }
                    _ => {}
                }
            }
            NodeEdge::End(node) => {
                if skip.is_some_and(|s| std::ptr::eq(s, node)) {
                    skip = None;
                }
                if skip.is_none() && node.data().value.block() {
                    counter.end_block();
                }
            }
        }
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

    // Shift so that the highest body heading is an h2: the page's h1 is the headline.
    let shift = headings
        .iter()
        .map(|(_, level)| *level)
        .min()
        .map_or(0, |min| 2u8.saturating_sub(min));
    let mut anchorizer = comrak::Anchorizer::new();
    let headings = headings
        .into_iter()
        .map(|(node, level)| {
            let level = (level + shift).min(6);
            if let NodeValue::Heading(h) = &mut node.data_mut().value {
                h.level = level;
            }
            let text = node.collect_text();
            let id = anchorizer.anchorize(&text);
            Heading { level, text, id }
        })
        .collect();

    Body {
        root,
        headings,
        counts: counter.finish(),
    }
}

/// Whether a link or image target in the body may be written out: `http`, `https`,
/// `mailto` and relative references pass; everything else, judged after removing
/// whitespace and control characters and folding case, does not.
fn safe_url(url: &str) -> bool {
    if url.is_empty() {
        return true;
    }
    let folded: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take(16)
        .flat_map(char::to_lowercase)
        .collect();
    let Some(colon) = folded.find(':') else {
        return true;
    };
    let scheme = &folded[..colon];
    if scheme.contains(['/', '?', '#']) {
        return true; // the colon is in the path, not a scheme
    }
    matches!(scheme, "http" | "https" | "mailto")
}

/// Writes ids from the parse into headings, in document order.
struct HeadingIds<'h> {
    headings: &'h [Heading],
    next: AtomicUsize,
}

impl HeadingAdapter for HeadingIds<'_> {
    fn enter(
        &self,
        output: &mut dyn fmt::Write,
        heading: &HeadingMeta,
        _sourcepos: Option<Sourcepos>,
    ) -> fmt::Result {
        let index = self.next.fetch_add(1, Ordering::Relaxed);
        match self.headings.get(index) {
            Some(h) => write!(output, "<h{} id=\"{}\">", heading.level, escape_attr(&h.id)),
            None => write!(output, "<h{}>", heading.level),
        }
    }

    fn exit(&self, output: &mut dyn fmt::Write, heading: &HeadingMeta) -> fmt::Result {
        writeln!(output, "</h{}>", heading.level)
    }
}

/// Escapes text for a double-quoted attribute.
fn escape_attr(s: &str) -> impl fmt::Display + '_ {
    struct Escaped<'s>(&'s str);
    impl fmt::Display for Escaped<'_> {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            for c in self.0.chars() {
                match c {
                    '&' => f.write_str("&amp;")?,
                    '"' => f.write_str("&quot;")?,
                    '<' => f.write_str("&lt;")?,
                    '>' => f.write_str("&gt;")?,
                    c => fmt::Write::write_char(f, c)?,
                }
            }
            Ok(())
        }
    }
    Escaped(s)
}

impl Body<'_> {
    /// Writes the body as HTML into `out`.
    pub(crate) fn write_html(&self, out: &mut String) {
        let ids = HeadingIds {
            headings: &self.headings,
            next: AtomicUsize::new(0),
        };
        let mut plugins = comrak::options::Plugins::default();
        plugins.render.heading_adapter = Some(&ids);
        // Writing into a String cannot fail.
        let _ = comrak::format_html_with_plugins(self.root, &options(), out, &plugins);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[track_caller]
    fn html(markdown: &str) -> String {
        let arena = Arena::new();
        let body = parse(&arena, markdown, false);
        let mut out = String::new();
        body.write_html(&mut out);
        out
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
    fn shifts_headings_under_the_headline_and_gives_ids() {
        let arena = Arena::new();
        let body = parse(&arena, "# One\n\n## Two\n\n# One\n", false);
        let levels: Vec<_> = body
            .headings
            .iter()
            .map(|h| (h.level, h.id.as_str()))
            .collect();
        assert_eq!(levels, [(2, "one"), (3, "two"), (2, "one-1")]);
        assert_eq!(html("## Kept\n"), "<h2 id=\"kept\">Kept</h2>\n");
    }

    #[test]
    fn counts_what_a_reader_reads() {
        let arena = Arena::new();
        let md = "Read [the report](https://example.com/very/long/url) now.\n\n\
                  <!-- a comment -->\n\n```\nlet code = 1;\n```\n\n![Alt text here](a.png)\n";
        let body = parse(&arena, md, false);
        assert_eq!(body.counts.words, 4);
        assert_eq!(body.counts.images, 1);
    }
}
