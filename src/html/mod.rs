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
//! `dl-comments`, `dl-comment`, `dl-related`, `dl-cards`, `dl-card`.

mod components;
mod head;

use maud::{DOCTYPE, Markup, Render, html};

use crate::locale::{self, Strings};
use crate::markdown::Arena;
use crate::reading_time::ReadingSpeed;
use crate::view::View;
use crate::{Article, Provenance};

use components::{ArticleHeader, BodyHtml, Comments, Contents, Figure, Notices, Related, SiteBar};

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
    /// language.
    pub strings: Option<Strings>,
    /// Reading speeds for the reading time. Default [`ReadingSpeed::default`].
    pub reading_speed: ReadingSpeed,
    /// Where styles come from. Default [`Stylesheet::Inline`].
    pub stylesheet: Stylesheet,
    /// Show a table of contents before the body when it has two or more headings.
    /// Default `false`.
    pub table_of_contents: bool,
    /// Show the comments section (with a "no comments" line when empty). Default `true`.
    pub comments: bool,
    /// Show related articles. Default `true`.
    pub related: bool,
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
        }
    }
}

fn with_view<R>(article: &Article, options: &HtmlOptions, f: impl FnOnce(&View<'_>) -> R) -> R {
    let arena = Arena::new();
    let view = View::new(
        article,
        options.strings.as_ref(),
        &options.reading_speed,
        &arena,
    );
    f(&view)
}

/// Renders a full HTML page: doctype, head metadata, site bar, article, comments and
/// related articles.
pub fn page(article: &Article, options: &HtmlOptions) -> String {
    with_view(article, options, |view| {
        let lang = view.article.language();
        let dir = if locale::is_rtl(lang) { "rtl" } else { "ltr" };
        let mut out = String::with_capacity(article.body().len() * 2 + 16 * 1024);
        html! {
            (DOCTYPE)
            html lang=(lang) dir=(dir) {
                "\n" head {
                    "\n" (head::Head { view })
                    @match &options.stylesheet {
                        Stylesheet::Inline => style { (components::trusted(STYLESHEET)) },
                        Stylesheet::Link(url) => link rel="stylesheet" href=(url);,
                        Stylesheet::None => {},
                    }
                }
                "\n" body.dl-page {
                    @if let Some(site) = view.article.site() {
                        (SiteBar { site, strings: &view.strings })
                    }
                    "\n" main.dl-main {
                        (ArticleView { view, options })
                        (Trailer { view, options })
                    }
                }
            }
        }
        .render_to(&mut out);
        out
    })
}

/// Renders the `<article>` element alone, with `lang` and `dir`, for a host's layout.
pub fn article(article: &Article, options: &HtmlOptions) -> String {
    with_view(article, options, |view| {
        ArticleView { view, options }.render().into_string()
    })
}

/// Renders the head metadata alone (meta tags and JSON-LD), for a host's `<head>`.
pub fn head(article: &Article, options: &HtmlOptions) -> String {
    with_view(article, options, |view| {
        head::Head { view }.render().into_string()
    })
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
        head::json_ld_string(&head::json_ld(view))
    })
}

/// The article element: header, image, body, notices.
struct ArticleView<'v, 'a> {
    view: &'v View<'a>,
    options: &'v HtmlOptions,
}

impl Render for ArticleView<'_, '_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let article = view.article;
        let lang = article.language();
        let provenance = article.provenance();
        html! {
            article.dl-article lang=(lang) dir=(if locale::is_rtl(lang) { "rtl" } else { "ltr" })
                data-provenance=[(provenance != Provenance::Human).then(|| provenance.as_str())] { "\n"
                (ArticleHeader { view })
                @if let Some(image) = article.image() {
                    (Figure { image })
                }
                @if self.options.table_of_contents {
                    (Contents { view })
                }
                (BodyHtml { view })
                @if !view.notices.is_empty() || !article.tags().is_empty() {
                    footer.dl-article-footer { "\n"
                        (Notices { view })
                        @if !article.tags().is_empty() {
                            ul.dl-tags {
                                @for tag in article.tags() { li.dl-tag { (tag) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Comments and related articles, after the article.
struct Trailer<'v, 'a> {
    view: &'v View<'a>,
    options: &'v HtmlOptions,
}

impl Render for Trailer<'_, '_> {
    fn render(&self) -> Markup {
        let view = self.view;
        html! {
            @if self.options.comments {
                (Comments { comments: view.article.comments(), strings: &view.strings })
            }
            @if self.options.related {
                (Related { related: view.article.related(), strings: &view.strings })
            }
        }
    }
}
