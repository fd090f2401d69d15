//! The body as HTML: the markup comrak's own formatter writes for the options dateline
//! parses with, written straight into the page's buffer.
//!
//! comrak's formatter writes through `&mut dyn fmt::Write`, one call per piece, and looks
//! up options on every node. This writer covers only the nodes the parse can make
//! (CommonMark, tables, strikethrough, autolinks and footnotes), pushes onto the `String`
//! directly and escapes text with a vectorized search. Its output is held byte for byte
//! equal to comrak's formatter, with dateline's changes (heading ids, alignment classes,
//! lazily loaded images), by the tests below.

use comrak::arena_tree::NodeEdge;
use comrak::nodes::{ListType, NodeValue, TableAlignment};

use super::{Node, PageParts};
use crate::locale::push_decimal;

/// Writes the tree under `root` as HTML into `out`.
pub(super) fn write(
    root: Node<'_>,
    page: &PageParts<'_>,
    alignments: &[TableAlignment],
    raw_html: bool,
    out: &mut String,
) {
    let mut writer = Writer {
        start: out.len(),
        out,
        page: *page,
        next_heading: 0,
        alignments,
        next_cell: 0,
        raw_html,
        footnotes: 0,
        footnotes_with_backrefs: 0,
    };
    writer.document(root);
}

struct Writer<'w> {
    out: &'w mut String,
    /// Where the body starts in `out`: before it, the body is at the start of a line.
    start: usize,
    /// Heading ids, the words of the footnotes' links back, the prefix of ids.
    page: PageParts<'w>,
    next_heading: usize,
    alignments: &'w [TableAlignment],
    next_cell: usize,
    /// Whether HTML blocks (sanitized) are written as they are.
    raw_html: bool,
    /// Footnote definitions opened, and the last one whose back-references were written.
    footnotes: u32,
    footnotes_with_backrefs: u32,
}

impl Writer<'_> {
    /// A newline, unless the output is at the start of a line.
    #[inline]
    fn cr(&mut self) {
        if self.out.len() > self.start && !self.out.ends_with('\n') {
            self.out.push('\n');
        }
    }

    #[inline]
    fn push(&mut self, s: &str) {
        self.out.push_str(s);
    }

    #[inline]
    fn escape(&mut self, text: &str) {
        crate::html::escape::escape_markdown_text_into(text, self.out);
    }

    fn escape_href(&mut self, url: &str) {
        // Rare next to text, and full of URL rules: comrak's own escaping.
        let _ = comrak::html::escape_href(self.out, url, false);
    }

    /// A link or image target. The parse already took out every target but `http`,
    /// `https`, `mailto` and relative ones; as comrak's safe mode does, a target with a
    /// dangerous scheme is still left empty here unless raw HTML is kept.
    fn checked_href(&mut self, url: &str) {
        if self.raw_html || !comrak::html::dangerous_url(url) {
            self.escape_href(url);
        }
    }

    fn document(&mut self, root: Node<'_>) {
        let mut next = Some(NodeEdge::Start(root));
        while let Some(edge) = next.take() {
            match edge {
                NodeEdge::Start(node) => {
                    let descend = self.enter(node);
                    next = match node.first_child() {
                        Some(child) if descend => Some(NodeEdge::Start(child)),
                        // An image's text was written with it: what follows is its end.
                        _ => Some(NodeEdge::End(node)),
                    };
                }
                NodeEdge::End(node) => {
                    self.exit(node);
                    if std::ptr::eq(node, root) {
                        break;
                    }
                    next = match node.next_sibling() {
                        Some(sibling) => Some(NodeEdge::Start(sibling)),
                        None => node.parent().map(NodeEdge::End),
                    };
                }
            }
        }
        if self.footnotes > 0 {
            self.push("</ol>\n</section>\n");
        }
    }

    /// Writes what opens `node`; returns whether its children are to be visited.
    fn enter(&mut self, node: Node<'_>) -> bool {
        match &node.data().value {
            NodeValue::Text(text) => self.escape(text),
            NodeValue::SoftBreak => self.push("\n"),
            NodeValue::Paragraph => {
                if !tight_paragraph(node) {
                    self.cr();
                    self.push("<p>");
                } else if node
                    .previous_sibling()
                    .is_some_and(|p| matches!(p.data().value, NodeValue::Paragraph))
                {
                    // In a tight list item, a paragraph after another starts a new line.
                    self.push("\n");
                }
            }
            NodeValue::Emph => self.push("<em>"),
            NodeValue::Strong => self.push("<strong>"),
            NodeValue::Strikethrough => self.push("<del>"),
            NodeValue::Code(code) => {
                self.push("<code>");
                self.escape(&code.literal);
                self.push("</code>");
            }
            NodeValue::Link(link) => {
                self.push("<a href=\"");
                self.checked_href(&link.url);
                if !link.title.is_empty() {
                    self.push("\" title=\"");
                    self.escape(&link.title);
                }
                self.push("\">");
            }
            NodeValue::Image(image) => {
                self.push("<img src=\"");
                self.checked_href(&image.url);
                // Body images load lazily and decode off the main thread.
                self.push("\" loading=\"lazy\" decoding=\"async\" alt=\"");
                // The alt text: the image's text without markup.
                for inner in node.descendants().skip(1) {
                    match &inner.data().value {
                        NodeValue::Text(text) => self.escape(text),
                        NodeValue::Code(code) => self.escape(&code.literal),
                        NodeValue::HtmlInline(html) => self.escape(html),
                        NodeValue::LineBreak | NodeValue::SoftBreak => self.push(" "),
                        _ => {}
                    }
                }
                if !image.title.is_empty() {
                    self.push("\" title=\"");
                    self.escape(&image.title);
                }
                self.push("\">");
                return false;
            }
            NodeValue::LineBreak => self.push("<br />\n"),
            NodeValue::Heading(heading) => {
                self.cr();
                // Ids from the parse, so that they match the table of contents.
                self.push("<h");
                push_decimal(self.out, u64::from(heading.level));
                if let Some(h) = self.page.headings.get(self.next_heading) {
                    self.push(" id=\"");
                    self.escape(self.page.id_prefix);
                    self.escape(&h.id);
                    self.push("\"");
                }
                self.next_heading += 1;
                self.push(">");
            }
            NodeValue::BlockQuote => {
                self.cr();
                self.push("<blockquote>\n");
            }
            NodeValue::List(list) => {
                self.cr();
                match list.list_type {
                    ListType::Bullet => self.push("<ul>\n"),
                    ListType::Ordered if list.start == 1 => self.push("<ol>\n"),
                    ListType::Ordered => {
                        self.push("<ol start=\"");
                        push_decimal(self.out, list.start as u64);
                        self.push("\">\n");
                    }
                }
            }
            NodeValue::Item(_) => {
                self.cr();
                self.push("<li>");
            }
            NodeValue::CodeBlock(block) => {
                self.cr();
                let info = block.info.as_bytes();
                let lang_end = info
                    .iter()
                    .position(|&b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                    .unwrap_or(info.len());
                // A long line makes the block scroll, and a reader without a mouse scrolls it
                // only if it can take focus (WCAG 2.1.1).
                if info.is_empty() {
                    self.push("<pre tabindex=\"0\"><code>");
                } else {
                    self.push("<pre tabindex=\"0\"><code class=\"language-");
                    self.escape(&block.info[..lang_end]);
                    self.push("\">");
                }
                self.escape(&block.literal);
                self.push("</code></pre>\n");
            }
            NodeValue::HtmlBlock(block) => {
                self.cr();
                if self.raw_html {
                    self.push(&block.literal);
                } else {
                    self.push("<!-- raw HTML omitted -->");
                }
                self.cr();
            }
            NodeValue::HtmlInline(html) => {
                if self.raw_html {
                    self.push(html);
                } else {
                    self.push("<!-- raw HTML omitted -->");
                }
            }
            NodeValue::ThematicBreak => {
                self.cr();
                self.push("<hr />\n");
            }
            NodeValue::Table(_) => {
                // Scrolls when wide, as code blocks do: focusable for the keyboard.
                self.cr();
                self.push("<table tabindex=\"0\">\n");
            }
            NodeValue::TableRow(header) => {
                self.cr();
                if *header {
                    self.push("<thead>\n");
                } else if node
                    .previous_sibling()
                    .is_some_and(|p| matches!(p.data().value, NodeValue::TableRow(true)))
                {
                    self.push("<tbody>\n");
                }
                self.push("<tr>");
            }
            NodeValue::TableCell => {
                self.cr();
                self.push(if header_cell(node) { "<th" } else { "<td" });
                // Alignment as a class: the `align` attribute is obsolete in HTML5, and a
                // `style` attribute would need `'unsafe-inline'` in a host's Content
                // Security Policy.
                self.push(match self.alignments.get(self.next_cell) {
                    Some(TableAlignment::Left) => " class=\"dl-align-left\">",
                    Some(TableAlignment::Right) => " class=\"dl-align-right\">",
                    Some(TableAlignment::Center) => " class=\"dl-align-center\">",
                    _ => ">",
                });
                self.next_cell += 1;
            }
            NodeValue::FootnoteDefinition(definition) => {
                if self.footnotes == 0 {
                    self.push("<section class=\"footnotes\" data-footnotes>\n<ol>\n");
                }
                self.footnotes += 1;
                self.push("<li id=\"");
                self.escape(self.page.id_prefix);
                self.push("fn-");
                self.escape_href(&definition.name);
                self.push("\">");
            }
            NodeValue::FootnoteReference(reference) => {
                self.push("<sup class=\"footnote-ref\"><a href=\"#");
                self.escape(self.page.id_prefix);
                self.push("fn-");
                self.escape_href(&reference.name);
                self.push("\" id=\"");
                self.escape(self.page.id_prefix);
                let mut id = String::with_capacity(reference.name.len() + 10);
                id.push_str("fnref-");
                id.push_str(&reference.name);
                if reference.ref_num > 1 {
                    id.push('-');
                    push_decimal(&mut id, u64::from(reference.ref_num));
                }
                self.escape_href(&id);
                self.push("\" data-footnote-ref>");
                push_decimal(self.out, u64::from(reference.ix));
                self.push("</a></sup>");
            }
            // Nothing else is made with dateline's options; the text inside is written.
            _ => {}
        }
        true
    }

    /// Writes what closes `node`.
    fn exit(&mut self, node: Node<'_>) {
        match &node.data().value {
            NodeValue::Paragraph if !tight_paragraph(node) => {
                if let Some(parent) = node.parent()
                    && let NodeValue::FootnoteDefinition(definition) = &parent.data().value
                    && node.next_sibling().is_none()
                {
                    self.push(" ");
                    self.footnote_backrefs(&definition.name, definition.total_references);
                }
                self.push("</p>\n");
            }
            NodeValue::Emph => self.push("</em>"),
            NodeValue::Strong => self.push("</strong>"),
            NodeValue::Strikethrough => self.push("</del>"),
            NodeValue::Link(_) => self.push("</a>"),
            NodeValue::Heading(heading) => {
                self.push("</h");
                push_decimal(self.out, u64::from(heading.level));
                self.push(">\n");
            }
            NodeValue::BlockQuote => {
                self.cr();
                self.push("</blockquote>\n");
            }
            NodeValue::List(list) => self.push(match list.list_type {
                ListType::Bullet => "</ul>\n",
                ListType::Ordered => "</ol>\n",
            }),
            NodeValue::Item(_) => self.push("</li>\n"),
            NodeValue::Table(_) => {
                if !std::ptr::eq(
                    node.last_child()
                        .map_or(std::ptr::null(), |n| n as *const _),
                    node.first_child()
                        .map_or(std::ptr::null(), |n| n as *const _),
                ) {
                    self.cr();
                    self.push("</tbody>\n");
                }
                self.cr();
                self.push("</table>\n");
            }
            NodeValue::TableRow(header) => {
                self.cr();
                self.push("</tr>");
                if *header {
                    self.cr();
                    self.push("</thead>");
                }
            }
            NodeValue::TableCell => self.push(if header_cell(node) { "</th>" } else { "</td>" }),
            NodeValue::FootnoteDefinition(definition) => {
                if self.footnote_backrefs(&definition.name, definition.total_references) {
                    self.push("\n");
                }
                self.push("</li>\n");
            }
            _ => {}
        }
    }

    /// Links back from the footnote being written to each reference to it, once per
    /// footnote, named in the page's language; returns whether they were written.
    fn footnote_backrefs(&mut self, name: &str, references: u32) -> bool {
        if self.footnotes_with_backrefs >= self.footnotes {
            return false;
        }
        self.footnotes_with_backrefs = self.footnotes;
        let number = self.footnotes;
        let mut label = String::new();
        for reference in 1..=references {
            if reference > 1 {
                self.push(" ");
            }
            let suffix = |out: &mut String| {
                if reference > 1 {
                    out.push('-');
                    push_decimal(out, u64::from(reference));
                }
            };
            self.push("<a href=\"#");
            self.escape(self.page.id_prefix);
            self.push("fnref-");
            self.escape_href(name);
            suffix(self.out);
            self.push(
                "\" class=\"footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"",
            );
            push_decimal(self.out, u64::from(number));
            suffix(self.out);
            if let Some(lang) = self.page.words_lang {
                // The host's strings may name any language: escaped like other text.
                self.push("\" lang=\"");
                self.escape(lang);
            }
            self.push("\" aria-label=\"");
            label.clear();
            self.page
                .strings
                .write_back_to_reference(number, reference, &mut label);
            self.escape(&label);
            self.push("\">↩");
            if reference > 1 {
                self.push("<sup class=\"footnote-ref\">");
                push_decimal(self.out, u64::from(reference));
                self.push("</sup>");
            }
            self.push("</a>");
        }
        true
    }
}

/// Whether a paragraph is in an item of a tight list, where it is written without `<p>`.
fn tight_paragraph(node: Node<'_>) -> bool {
    node.parent()
        .and_then(|item| item.parent())
        .is_some_and(|list| matches!(list.data().value, NodeValue::List(ref l) if l.tight))
}

/// Whether a table cell is in the header row.
fn header_cell(cell: Node<'_>) -> bool {
    cell.parent()
        .is_some_and(|row| matches!(row.data().value, NodeValue::TableRow(true)))
}

#[cfg(test)]
mod tests {
    use std::fmt::Write as _;
    use std::sync::Arc;

    use crate::locale::Strings;

    use comrak::nodes::{NodeValue, TableAlignment};
    use proptest::prelude::*;

    use super::super::{Arena, Heading, options, parse};

    /// What the HTML formatter needs beyond the tree: heading ids and cell alignments, each
    /// taken in document order.
    #[derive(Default)]
    struct Extras {
        headings: Arc<[Heading]>,
        next_heading: usize,
        alignments: Vec<TableAlignment>,
        next_cell: usize,
    }

    comrak::create_formatter!(BodyFormatter<Extras>, {
        // Ids from the parse, so that they match the table of contents.
        NodeValue::Heading(ref heading) => |context, entering| {
            if entering {
                context.cr()?;
                let index = context.user.next_heading;
                context.user.next_heading += 1;
                let headings = Arc::clone(&context.user.headings);
                match headings.get(index) {
                    Some(h) => {
                        write!(context, "<h{} id=\"", heading.level)?;
                        context.escape(&h.id)?;
                        context.write_str("\">")?;
                    }
                    None => write!(context, "<h{}>", heading.level)?,
                }
            } else {
                writeln!(context, "</h{}>", heading.level)?;
            }
        },
        // Alignment as a class: the `align` attribute is obsolete in HTML5, and a `style`
        // attribute would need `'unsafe-inline'` in a host's Content Security Policy.
        NodeValue::TableCell => |context, node, entering| {
            let header = node.parent().is_some_and(|row| matches!(row.data().value, NodeValue::TableRow(true)));
            let tag = if header { "th" } else { "td" };
            if entering {
                context.cr()?;
                let index = context.user.next_cell;
                context.user.next_cell += 1;
                let class = match context.user.alignments.get(index) {
                    Some(TableAlignment::Left) => " class=\"dl-align-left\"",
                    Some(TableAlignment::Right) => " class=\"dl-align-right\"",
                    Some(TableAlignment::Center) => " class=\"dl-align-center\"",
                    _ => "",
                };
                write!(context, "<{tag}{class}>")?;
            } else {
                write!(context, "</{tag}>")?;
            }
        },
        // Body images load lazily and decode off the main thread.
        NodeValue::Image(ref link) => |context, entering| {
            if entering {
                context.write_str("<img src=\"")?;
                context.escape_href(&link.url)?;
                context.write_str("\" loading=\"lazy\" decoding=\"async\" alt=\"")?;
                return Ok(comrak::html::ChildRendering::Plain);
            } else {
                if !link.title.is_empty() {
                    context.write_str("\" title=\"")?;
                    context.escape(&link.title)?;
                }
                context.write_str("\">")?;
            }
        },
    });

    /// The body as comrak's own formatter writes it, with dateline's changes.
    fn comrak_html(
        root: super::Node<'_>,
        headings: &[Heading],
        alignments: &[TableAlignment],
        raw_html: bool,
    ) -> String {
        let extras = Extras {
            headings: Arc::from(headings),
            alignments: alignments.to_vec(),
            ..Extras::default()
        };
        let mut options = options();
        options.render.r#unsafe = raw_html;
        let mut out = String::new();
        BodyFormatter::format_document(root, &options, &mut out, extras).unwrap();
        out
    }

    /// Our output with the one attribute comrak does not write taken out: the
    /// `tabindex` that lets the keyboard scroll code blocks and tables.
    /// The page around a body: English words, no id prefix.
    fn english_page(headings: &[Heading]) -> super::super::PageParts<'_> {
        super::super::PageParts {
            headings,
            strings: Strings::shared("en"),
            words_lang: None,
            id_prefix: "",
        }
    }

    fn without_tabindex(html: &str) -> String {
        html.replace("<pre tabindex=\"0\">", "<pre>")
            .replace("<table tabindex=\"0\">", "<table>")
    }

    #[track_caller]
    fn assert_same_as_comrak(markdown: &str) {
        // The tree as dateline renders it: raw HTML and unsafe links taken out.
        let arena = Arena::new();
        let body = parse(&arena, markdown, false, None, true);
        let mut ours = String::new();
        body.write_html(&english_page(&body.headings), &mut ours);
        let theirs = comrak_html(body.root, &body.headings, &body.cell_alignments, false);
        assert_eq!(without_tabindex(&ours), theirs, "{markdown:?}");
        // The tree as comrak parses it, HTML and all, written with raw HTML kept.
        let arena = Arena::new();
        let root = comrak::parse_document(&arena, markdown, &options());
        let mut ours = String::new();
        super::write(root, &english_page(&[]), &[], true, &mut ours);
        assert_eq!(
            without_tabindex(&ours),
            comrak_html(root, &[], &[], true),
            "{markdown:?}"
        );
    }

    #[test]
    fn writes_what_comrak_writes() {
        for markdown in [
            "",
            "plain text",
            "# Title\n\n## Sub *em* **strong** ~~del~~ `code`\n\nText & <b>html</b> \"q\"\n",
            "- tight\n- list\n\n1. loose\n\n2. list\n",
            "3. starts\n4. at three\n",
            "- a\n  b\n\n  c\n- d\n",
            "> quote\n> > nested\n\n---\n",
            "```rust extra info\nfn main() {}\n```\n\n    indented\n",
            "| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n| 4 |\n",
            "| header only |\n|---|\n",
            "Note[^a] and again[^a] and [^b].\n\n[^a]: First.\n\n    More.\n[^b]: Second.\n",
            "[^x]\n\n[^x]: - a list\n",
            "![alt *with* `code` <b>x</b>](/a.png \"title\") and ![](b.png)",
            "[link](/a \"t&t\") <https://example.com/a?b=c&d=e> www.example.com",
            "line  \nbreak\\\nand soft\nbreak",
            "<div>\nblock\n</div>\n\n<!-- comment -->\n",
            "a\u{0}b `c\u{0}` [d](/e\u{0})",
            "[bad](javascript:alert(1)) ![bad](data:text/html,x)",
            "Setext\n===\n\nOther\n---\n",
            "- [ ] not a task list\n- [x] here\n",
            "[ipv6](http://[::1]:80/a%20b%zz)",
        ] {
            assert_same_as_comrak(markdown);
        }
    }

    #[test]
    fn leaves_dangerous_targets_empty_even_if_the_parse_missed_them() {
        // A tree straight from comrak, without the parse's checks.
        let arena = Arena::new();
        let markdown = "[a](javascript:alert(1)) ![b](vbscript:x) [c](/ok) <b>x</b>";
        let root = comrak::parse_document(&arena, markdown, &options());
        let mut out = String::new();
        super::write(root, &english_page(&[]), &[], false, &mut out);
        assert_eq!(
            out,
            "<p><a href=\"\">a</a> <img src=\"\" loading=\"lazy\" decoding=\"async\" \
             alt=\"b\"> <a href=\"/ok\">c</a> <!-- raw HTML omitted -->x\
             <!-- raw HTML omitted --></p>\n"
        );
    }

    /// Markdown pieces that open, close and nest every construct the parse knows, so
    /// that random sequences of them reach the formatter's corners.
    const PIECES: &[&str] = &[
        "word",
        " ",
        "\n",
        "\n\n",
        "# ",
        "## ",
        "### ",
        "> ",
        "- ",
        "* ",
        "1. ",
        "7) ",
        "  ",
        "    ",
        "*",
        "**",
        "_",
        "~~",
        "`",
        "```",
        "```js\n",
        "[",
        "]",
        "(",
        ")",
        "](/u \"t\")",
        "](https://e.com/a b)",
        "![",
        "[^n]",
        "[^n]: ",
        "[^m]: ",
        "|",
        "|---|:-:|\n",
        "| a | b |\n",
        "---\n",
        "<b>",
        "</b>",
        "<div>\n",
        "&amp;",
        "&",
        "<",
        ">",
        "\"",
        "'",
        "\\",
        "\u{0}",
        "é",
        "한국어",
        "日本語",
        "https://e.com/x",
        "www.e.org",
        "a@b.co",
        "  \n",
        "\t",
        "=\n",
        "javascript:x",
        "%zz",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(
            std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(2000)
        ))]

        #[test]
        fn writes_what_comrak_writes_for_any_markdown(
            pieces in proptest::collection::vec(proptest::sample::select(PIECES), 0..60)
        ) {
            assert_same_as_comrak(&pieces.concat());
        }
    }
}
