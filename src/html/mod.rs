//! The HTML renderer: a full article page, or fragments for a host's own layout.
//!
//! The page is HTML5 with landmarks (`header`, `main`, `article`, `footer`), one `h1`
//! (body headings are shifted below it and get ids), `<time>` dates, the feature image as
//! a `<figure>`, notices as named `<aside>`s, and head metadata for search engines and
//! social sites (Open Graph, Twitter card, one JSON-LD graph).
//!
//! All text is escaped. The body's raw HTML is dropped, and its link and image targets
//! are checked: only `http`, `https`, `mailto` and relative references are kept.
//!
//! ```
//! use dateline::{Article, html::{self, HtmlOptions}};
//!
//! let article = Article::from_json(r#"{"title": "Bridge reopens", "body": "Traffic is back."}"#)?;
//! let page = html::page(&article, &HtmlOptions::default());
//! assert!(page.starts_with("<!DOCTYPE html><html lang=\"en\" dir=\"ltr\">"));
//! assert!(page.contains("<h1 class=\"dl-headline\">Bridge reopens</h1>"));
//! assert!(page.contains("<span class=\"dl-reading-time\">1 min read</span>"));
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! # Class names
//!
//! The default stylesheet ([`STYLESHEET`]) styles these classes, which stay stable between
//! releases: `dl-page`, `dl-site`, `dl-breadcrumb`, `dl-main`, `dl-article`,
//! `dl-article-header`, `dl-kicker`, `dl-category`, `dl-label` (`dl-label-ai` for
//! AI-made articles), `dl-headline`, `dl-meta`, `dl-byline`, `dl-meta-line`,
//! `dl-reading-time`, `dl-sources`, `dl-standfirst`, `dl-figure`, `dl-body`, `dl-toc`,
//! `dl-article-footer`, `dl-notice` (with `dl-notice-ai-generated` and so on),
//! `dl-comments`, `dl-comment`, `dl-related`, `dl-cards`, `dl-card`, and in the body's
//! tables `dl-align-left`, `dl-align-right` and `dl-align-center`.
//!
//! The body's code blocks and tables carry `tabindex="0"`: the stylesheet lets them
//! scroll sideways when they are wider than the page, and a reader who uses the keyboard
//! can scroll only what can take focus.
//!
//! # Ids
//!
//! Body headings get ids as GitHub makes them (`## The vote` gives `the-vote`), unique on
//! the page: a heading whose id another heading, a footnote (`fn-NAME`, `fnref-NAME`) or
//! a part of the page (`dl-toc-title`, `dl-comments-title`, `dl-related-title`) already
//! has gets a suffix (`-1`, `-2`); a heading of no letter or digit gets `section`.
//! [`HtmlOptions::id_prefix`] goes before all of them, for a page that shows several
//! articles.

mod components;
pub(crate) mod escape;
mod head;
mod json;

use std::sync::Arc;

use maud::Render;

use crate::locale::Strings;
use crate::markdown::{Arena, Body};
use crate::reading_time::{ReadingSpeed, ReadingTime};
use crate::text::TextOptions;
use crate::view::{self, View};
use crate::{Article, RawHtml};

pub use components::{
    ArticleElement, ArticleHeader, BodyHtml, Byline, Comments, Document, Figure, Head, Notices,
    Related, SiteBar, TableOfContents,
};

/// The default stylesheet: a readable measure, a layout from 320 px up, dark mode, print
/// styles and right-to-left layout through logical properties.
pub const STYLESHEET: &str = include_str!("style.css");

/// Where the page gets its styles.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Stylesheet {
    /// The default stylesheet, inlined in a `<style>` element.
    Inline,
    /// A `<link rel="stylesheet">` to the host's own stylesheet.
    Link(crate::Url),
    /// No styles: the host styles the page.
    None,
}

/// Options for the HTML renderer.
///
/// ```
/// use dateline::html::{HtmlOptions, Stylesheet};
///
/// let mut options = HtmlOptions::default();
/// options.stylesheet = Stylesheet::None;
/// options.table_of_contents = true;
/// ```
#[derive(Debug, Clone)]
#[non_exhaustive]
pub struct HtmlOptions {
    /// The words on the page. Default `None`: the built-in strings of the article's
    /// language, or English ones marked `lang="en"` for a language without built-in
    /// strings. Strings given here are taken to be in their [`Strings::language`]: when
    /// that is not the article's language, the page's words are marked with it (and with
    /// its direction, when the two go different ways).
    pub strings: Option<Strings>,
    /// Reading speeds for the reading time. Default [`ReadingSpeed::default`].
    pub reading_speed: ReadingSpeed,
    /// Where styles come from. Default [`Stylesheet::Inline`].
    pub stylesheet: Stylesheet,
    /// Show a table of contents before the body when it has two or more headings.
    /// Default `false`.
    pub table_of_contents: bool,
    /// Show the comments section on the page (with a "no comments" line when empty).
    /// Default `true`.
    pub comments: bool,
    /// Show related articles on the page. Default `true`.
    pub related: bool,
    /// What happens to raw HTML in the body. Default [`RawHtml::Omit`]: it is dropped.
    pub raw_html: RawHtml,
    /// Put before every `id` the page writes (headings, footnotes, the titles of its
    /// sections) and every link to one, so that several articles can share one page, as
    /// comrak's `header_ids` prefix does. Only letters, digits, `-`, `_`, `.` and `:` are
    /// kept: white space cannot be in an id, and `#`, `%` or quotes would need escaping in
    /// the links. Default empty.
    ///
    /// ```
    /// use dateline::{Article, html::{self, HtmlOptions}};
    /// let article = Article::from_json(r###"{"title": "T", "body": "## Vote\n\nYes."}"###)?;
    /// let mut options = HtmlOptions::default();
    /// options.id_prefix = "story-7-".into();
    /// let html = html::page(&article, &options);
    /// assert!(html.contains(r#"<h2 id="story-7-vote">"#));
    /// assert!(html.contains(r#"<h2 id="story-7-dl-comments-title""#));
    /// # Ok::<(), dateline::Error>(())
    /// ```
    pub id_prefix: String,
}

impl Default for HtmlOptions {
    fn default() -> HtmlOptions {
        HtmlOptions {
            strings: None,
            reading_speed: ReadingSpeed::default(),
            stylesheet: Stylesheet::Inline,
            table_of_contents: false,
            comments: true,
            related: true,
            raw_html: RawHtml::Omit,
            id_prefix: String::new(),
        }
    }
}

/// Renders a full HTML page: doctype, head metadata, site bar, article, comments and
/// related articles. The body is parsed once and written straight into the page.
pub fn page(article: &Article, options: &HtmlOptions) -> String {
    let arena = Arena::new();
    let (view, body) = prepare(article, options, &arena);
    let mut out =
        String::with_capacity(article.body().len() * 2 + 8 * 1024 + stylesheet_len(options));
    components::DocumentWith {
        view: &view,
        options,
        body: &body,
    }
    .render_to(&mut out);
    out
}

fn stylesheet_len(options: &HtmlOptions) -> usize {
    if options.stylesheet == Stylesheet::Inline {
        STYLESHEET.len()
    } else {
        0
    }
}

/// Renders the `<article>` element alone, with `lang` and `dir`, for a host's layout.
pub fn article(article: &Article, options: &HtmlOptions) -> String {
    let arena = Arena::new();
    let (view, body) = prepare(article, options, &arena);
    components::ArticleWith {
        view: &view,
        options,
        body: &body,
    }
    .render()
    .into_string()
}

/// Renders the head metadata alone (meta tags and JSON-LD), for a host's `<head>`.
pub fn head(article: &Article, options: &HtmlOptions) -> String {
    with_view(article, options, |view| Head { view }.to_string())
}

/// The JSON-LD graph of an article (schema.org), as JSON that is safe inside a `<script>`.
///
/// ```
/// let article = dateline::Article::from_json(
///     r#"{"title": "</script>", "body": "x", "kind": "analysis", "provenance": "ai_generated"}"#,
/// )?;
/// let json = dateline::html::json_ld(&article, &Default::default());
/// assert!(json.contains(r#""@type":"AnalysisNewsArticle""#));
/// assert!(json.contains(r#""headline":"\u003c/script\u003e""#));
/// assert!(json.contains("trainedAlgorithmicMedia"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub fn json_ld(article: &Article, options: &HtmlOptions) -> String {
    with_view(article, options, |view| {
        let mut json = String::new();
        head::write_json_ld(view, &mut json);
        json
    })
}

/// Parses the body once and decides what the page says, as `options` ask.
fn prepare<'a, 'b>(
    article: &'a Article,
    options: &'a HtmlOptions,
    arena: &'b Arena<'b>,
) -> (View<'a>, Body<'b>) {
    let (mut view, body) = view::prepare(
        article,
        options.strings.as_ref(),
        &options.reading_speed,
        &options.raw_html,
        true,
        arena,
    );
    view.set_id_prefix(&options.id_prefix);
    (view, body)
}

/// Parses the body once for what the page says, without writing the body out: for the
/// parts that do not show it.
fn with_view<R>(article: &Article, options: &HtmlOptions, f: impl FnOnce(&View<'_>) -> R) -> R {
    let arena = Arena::new();
    let (view, _body) = prepare(article, options, &arena);
    f(&view)
}

/// An article made ready for HTML: the body parsed once and rendered, and everything the
/// page says decided. Its methods give each part of the page as a component that
/// implements [`maud::Render`] (for a host's maud templates) and
/// [`Display`](std::fmt::Display) (for everyone else: `to_string()` is its HTML).
///
/// ```
/// use dateline::{Article, html::{HtmlOptions, Page}};
///
/// let article = Article::from_json(r#"{
///     "title": "Bridge reopens",
///     "body": "Traffic is back.",
///     "provenance": "ai_generated",
///     "site": {"name": "The Courier", "url": "https://courier.example/"}
/// }"#)?;
/// let options = HtmlOptions::default();
/// let page = Page::new(&article, &options);
///
/// // In a host's own maud template:
/// let markup = maud::html! {
///     div.host-layout { (page.site_bar()) (page.article()) }
///     aside.host-sidebar { (page.notices()) }
/// };
/// assert!(markup.into_string().contains(r#"<a class="dl-site-name" href="https://courier.example/">The Courier</a>"#));
///
/// // Or as strings:
/// let byline: String = page.byline().to_string();
/// assert!(byline.contains("1 min read"));
/// assert!(page.notices().to_string().starts_with(r#"<aside class="dl-notice dl-notice-ai-generated" role="note""#));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct Page<'a> {
    view: View<'a>,
    body: String,
    options: &'a HtmlOptions,
}

impl<'a> Page<'a> {
    /// Parses the article's body once and prepares every part of the page.
    pub fn new(article: &'a Article, options: &'a HtmlOptions) -> Page<'a> {
        let arena = Arena::new();
        let (view, body) = prepare(article, options, &arena);
        Page::from_parse(view, &body, options)
    }

    /// [`Page::new`], and the article as plain text, as [`text::render`] writes it, from
    /// the same parse of its body: for the HTML and plain-text parts of an email, or a
    /// feed's `content_html` and `content_text`, at the cost of one parse.
    ///
    /// ```
    /// use dateline::{Article, html::{HtmlOptions, Page}, text::{self, TextOptions}};
    /// let article = Article::from_json(r#"{"title": "Bridge reopens", "body": "Traffic is back."}"#)?;
    /// let (options, text_options) = (HtmlOptions::default(), TextOptions::default());
    /// let (page, plain) = Page::with_text(&article, &options, &text_options);
    /// assert!(page.article().to_string().contains("<p>Traffic is back.</p>"));
    /// assert_eq!(plain, text::render(&article, &text_options));
    /// # Ok::<(), dateline::Error>(())
    /// ```
    ///
    /// [`text::render`]: crate::text::render
    pub fn with_text(
        article: &'a Article,
        options: &'a HtmlOptions,
        text_options: &TextOptions,
    ) -> (Page<'a>, String) {
        let arena = Arena::new();
        let (view, body) = prepare(article, options, &arena);
        let text_view = View::new(
            article,
            text_options.strings.as_ref(),
            &text_options.reading_speed,
            body.counts,
            Arc::from([]),
        );
        let text = crate::text::write(&text_view, &body, text_options);
        (Page::from_parse(view, &body, options), text)
    }

    fn from_parse(view: View<'a>, body: &Body<'_>, options: &'a HtmlOptions) -> Page<'a> {
        let mut html = String::with_capacity(view.article.body().len() * 3 / 2);
        body.write_html(&view.page_parts(), &mut html);
        Page {
            view,
            body: html,
            options,
        }
    }

    /// The whole HTML document, as [`page`] renders it.
    pub fn document(&self) -> Document<'_> {
        Document {
            view: &self.view,
            options: self.options,
            body: &self.body,
        }
    }

    /// The `<article>` element, with `lang` and `dir`.
    pub fn article(&self) -> ArticleElement<'_> {
        ArticleElement {
            view: &self.view,
            options: self.options,
            body: &self.body,
        }
    }

    /// The head metadata: title, description, canonical link, Open Graph, Twitter card,
    /// JSON-LD.
    pub fn head(&self) -> Head<'_> {
        Head { view: &self.view }
    }

    /// The site bar: brand and section.
    pub fn site_bar(&self) -> SiteBar<'_> {
        SiteBar { view: &self.view }
    }

    /// Category, label, headline, byline and standfirst.
    pub fn header(&self) -> ArticleHeader<'_> {
        ArticleHeader { view: &self.view }
    }

    /// The byline and meta line: authors, dates, reading time, sources.
    pub fn byline(&self) -> Byline<'_> {
        Byline { view: &self.view }
    }

    /// The feature image.
    pub fn figure(&self) -> Figure<'_> {
        Figure { view: &self.view }
    }

    /// The body.
    pub fn body(&self) -> BodyHtml<'_> {
        BodyHtml {
            view: &self.view,
            body: &self.body,
        }
    }

    /// A table of contents of the body's headings.
    pub fn table_of_contents(&self) -> TableOfContents<'_> {
        TableOfContents { view: &self.view }
    }

    /// The notices: the AI disclaimer and any other.
    pub fn notices(&self) -> Notices<'_> {
        Notices { view: &self.view }
    }

    /// Reader comments.
    pub fn comments(&self) -> Comments<'_> {
        Comments { view: &self.view }
    }

    /// Related articles.
    pub fn related(&self) -> Related<'_> {
        Related { view: &self.view }
    }

    /// The JSON-LD graph, safe inside a `<script>` element.
    pub fn json_ld(&self) -> String {
        let mut json = String::new();
        head::write_json_ld(&self.view, &mut json);
        json
    }

    /// The article's reading time: headline, standfirst, body and images.
    pub fn reading_time(&self) -> ReadingTime {
        self.view.reading_time
    }

    /// The reading-time label, such as "3 min read".
    pub fn reading_time_label(&self) -> String {
        self.view.reading_label()
    }

    /// The body's first paragraph as plain text on one line, cut before a word to at most
    /// 160 characters with `…`; none when the body has no paragraph. The page uses it
    /// for its description (meta description, Open Graph, Twitter card, JSON-LD) when the
    /// article has no summary, and a host can use it for cards and feeds.
    ///
    /// ```
    /// use dateline::{Article, html::{HtmlOptions, Page}};
    ///
    /// let article = Article::from_json(r###"{
    ///     "title": "Bridge reopens",
    ///     "body": "## Traffic\n\nCars are back on the *river bridge* after [six weeks](/news/works) of repairs."
    /// }"###)?;
    /// let options = HtmlOptions::default();
    /// let page = Page::new(&article, &options);
    /// assert_eq!(page.excerpt(), Some("Cars are back on the river bridge after six weeks of repairs."));
    /// assert!(page.head().to_string().contains(r#"<meta name="description" content="Cars are back"#));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn excerpt(&self) -> Option<&str> {
        self.view.excerpt()
    }
}

impl maud::Render for Page<'_> {
    fn render_to(&self, buffer: &mut String) {
        self.document().render_to(buffer);
    }
}
