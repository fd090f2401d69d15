//! The parts of the page, each a small type that implements [`maud::Render`] and
//! [`Display`](std::fmt::Display), made by [`Page`](super::Page).

use std::fmt;

use maud::{Markup, Render, html};

use super::HtmlOptions;
use super::escape::{Text, escape_written};
use crate::locale::{self, Strings, direction};
use crate::view::{Notice, View};
use crate::{DateTime, Provenance, Source};

/// Something that writes the article body's HTML: the parsed tree, or HTML rendered from
/// it earlier.
pub(crate) trait WriteBody {
    fn write_body(&self, view: &View<'_>, out: &mut String);
}

impl WriteBody for crate::markdown::Body<'_> {
    fn write_body(&self, view: &View<'_>, out: &mut String) {
        self.write_html(&view.page_parts(), out);
    }
}

impl WriteBody for String {
    fn write_body(&self, _view: &View<'_>, out: &mut String) {
        out.push_str(self);
    }
}

macro_rules! display_as_html {
    ($($name:ident),* $(,)?) => {$(
        impl fmt::Display for $name<'_> {
            /// The component's HTML.
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                let mut buffer = String::new();
                self.render_to(&mut buffer);
                f.write_str(&buffer)
            }
        }
    )*};
}

display_as_html!(
    SiteBar,
    ArticleHeader,
    Byline,
    Figure,
    BodyHtml,
    TableOfContents,
    Notices,
    Comments,
    Related,
    ArticleElement,
    Document,
    Head
);

/// `<time datetime>` with the date written the local way.
struct Time<'s> {
    date: DateTime,
    strings: &'s Strings,
    /// Shows the time of day instead of the date.
    time_of_day: bool,
    /// The language and direction of the words, when the element needs to say them.
    lang: Option<&'s str>,
    dir: Option<&'static str>,
}

impl<'s> Time<'s> {
    fn date(date: DateTime, strings: &'s Strings) -> Time<'s> {
        Time {
            date,
            strings,
            time_of_day: false,
            lang: None,
            dir: None,
        }
    }

    /// The date in the page's own words, marked with their language and direction when
    /// those are not the article's.
    fn in_words(date: DateTime, view: &'s View<'_>) -> Time<'s> {
        Time {
            lang: view.words_lang,
            dir: view.words_dir,
            ..Time::date(date, view.strings)
        }
    }
}

impl Render for Time<'_> {
    fn render_to(&self, buffer: &mut String) {
        let civil = self.date.civil();
        // An RFC 3339 date is digits and `-`, `:`, `.`, `+`, `T`: nothing to escape.
        buffer.push_str("<time datetime=\"");
        self.date.write_html_datetime(civil, buffer);
        if let Some(lang) = self.lang {
            buffer.push_str("\" lang=\"");
            Text(lang).render_to(buffer);
        }
        if let Some(dir) = self.dir {
            buffer.push_str("\" dir=\"");
            buffer.push_str(dir);
        }
        buffer.push_str("\">");
        let start = buffer.len();
        if self.time_of_day {
            self.strings.write_time(civil.time(), buffer);
        } else {
            self.strings.write_date(civil.date(), buffer);
        }
        escape_written(buffer, start);
        buffer.push_str("</time>");
    }
}

/// A plural text for a number, such as "3 min read", escaped.
struct Plural<'s> {
    text: &'s locale::PluralText,
    language: &'s str,
    n: u64,
}

impl Render for Plural<'_> {
    fn render_to(&self, buffer: &mut String) {
        let start = buffer.len();
        self.text.format_into(self.language, self.n, buffer);
        escape_written(buffer, start);
    }
}

/// What goes before a name in a list of names, as [`Strings::join`] joins them, escaped.
struct NameSeparator<'s> {
    strings: &'s Strings,
    index: usize,
    count: usize,
}

impl Render for NameSeparator<'_> {
    fn render_to(&self, buffer: &mut String) {
        let start = buffer.len();
        self.strings
            .write_name_separator(self.index, self.count, buffer);
        escape_written(buffer, start);
    }
}

/// Source links, parted as the page's language parts a list; each name marked as in
/// `lang`, and as going in `dir`, when those are given.
struct SourceLinks<'a> {
    sources: &'a [Source],
    separator: &'static str,
    lang: Option<&'a str>,
    dir: Option<&'static str>,
}

impl Render for SourceLinks<'_> {
    fn render(&self) -> Markup {
        html! {
            @for (i, source) in self.sources.iter().enumerate() {
                @if i > 0 { (self.separator) }
                @match &source.url {
                    Some(url) => a.dl-source href=(Text(url.as_str())) rel="noopener external" lang=[self.lang] dir=[self.dir] { (Text(&source.name)) },
                    None => span.dl-source lang=[self.lang] dir=[self.dir] { (Text(&source.name)) },
                }
            }
        }
    }
}

/// The site bar: brand and section as a breadcrumb, in a `<header>`. Empty when the
/// article has no site.
#[derive(Debug, Clone, Copy)]
pub struct SiteBar<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for SiteBar<'_> {
    fn render(&self) -> Markup {
        let Some(site) = self.view.article.site() else {
            return html! {};
        };
        // In a page whose own words are in another language than the article, the
        // navigation's name is in the words' language and the names in the article's.
        let words = self.view.words_lang;
        let content = self.view.content_lang();
        html! {
            header.dl-site {
                "\n"
                nav.dl-site-nav lang=[words] aria-label=(Text(&self.view.strings.site_navigation)) {
                    ol.dl-breadcrumb lang=[content] {
                        li { a.dl-site-name href=(Text(site.url.as_str())) { (Text(&site.name)) } }
                        @if let Some(section) = &site.section {
                            li {
                                @match &section.url {
                                    Some(url) => a.dl-section-name href=(Text(url.as_str())) { (Text(&section.name)) },
                                    None => span.dl-section-name { (Text(&section.name)) },
                                }
                            }
                        }
                    }
                }
            }
            "\n"
        }
    }
}

/// The article header: category and label, headline, byline and meta line, standfirst.
#[derive(Debug, Clone, Copy)]
pub struct ArticleHeader<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for ArticleHeader<'_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let article = view.article;
        let own_label = article.label().is_none();
        html! {
            header.dl-article-header {
                "\n"
                @if article.category().is_some() || view.label.is_some() {
                    p.dl-kicker {
                        @if let Some(category) = article.category() {
                            @match &category.url {
                                Some(url) => a.dl-category href=(Text(url.as_str())) { (Text(&category.name)) },
                                None => span.dl-category { (Text(&category.name)) },
                            }
                        }
                        @if article.category().is_some() && view.label.is_some() { " " }
                        @if let Some(label) = &view.label {
                            // The page's own label, unless the article gave one.
                            span.dl-label.dl-label-ai[article.provenance() != Provenance::Human]
                                lang=[view.words_lang.filter(|_| own_label)]
                                dir=[view.words_dir.filter(|_| own_label)] { (Text(label)) }
                        }
                    }
                    "\n"
                }
                h1.dl-headline { (Text(article.title())) }
                "\n"
                (Byline { view })
                @if let Some(summary) = article.summary() {
                    p.dl-standfirst { (Text(summary)) }
                    "\n"
                }
            }
            "\n"
        }
    }
}

/// The byline and meta line: authors, dates, reading time and sources.
#[derive(Debug, Clone, Copy)]
pub struct Byline<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for Byline<'_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let article = view.article;
        let strings: &Strings = view.strings;
        let authors = article.authors();
        let sources = article.sources();
        // The byline and meta line are the page's words around the article's names. The
        // meta line's items each say their direction, so that they keep the page's order.
        let (words, words_dir) = (view.words_lang, view.words_dir);
        let (content, content_dir) = (view.content_lang(), view.content_dir());
        html! {
            div.dl-meta {
                "\n"
                @if !authors.is_empty() {
                    p.dl-byline lang=[words] dir=[words_dir] {
                        (Text(&strings.by)) " "
                        @for (i, author) in authors.iter().enumerate() {
                            (NameSeparator { strings, index: i, count: authors.len() })
                            @match &author.url {
                                Some(url) => a.dl-author href=(Text(url.as_str())) rel="author" lang=[content] dir=[content_dir] { (Text(&author.name)) },
                                None => span.dl-author lang=[content] dir=[content_dir] { (Text(&author.name)) },
                            }
                        }
                    }
                    "\n"
                }
                p.dl-meta-line lang=[words] {
                    @if let Some(published) = article.published() {
                        span.dl-published dir=[words_dir] { (Time::date(published, strings)) }
                        " "
                    }
                    @if let Some(updated) = view.shown_update {
                        span.dl-updated dir=[words_dir] {
                            (Text(&strings.updated)) " "
                            (Time { time_of_day: view.updated_on_publication_day(updated), ..Time::date(updated, strings) })
                        }
                        " "
                    }
                    span.dl-reading-time dir=[words_dir] {
                        (Plural { text: &strings.min_read, language: &strings.language, n: view.reading_time.minutes().into() })
                    }
                    @if !sources.is_empty() {
                        " "
                        span.dl-sources dir=[words_dir] {
                            (Plural { text: &strings.sources, language: &strings.language, n: sources.len() as u64 })
                            (Text(&strings.colon))
                            (SourceLinks { sources, separator: strings.list_separator(), lang: content, dir: content_dir })
                        }
                    }
                }
                "\n"
            }
            "\n"
        }
    }
}

/// The feature image as a `<figure>` with its caption and credit. Empty when the article
/// has no image.
#[derive(Debug, Clone, Copy)]
pub struct Figure<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for Figure<'_> {
    fn render(&self) -> Markup {
        let Some(image) = self.view.article.image() else {
            return html! {};
        };
        html! {
            figure.dl-figure {
                "\n"
                img.dl-image src=(Text(image.url.as_str())) alt=(Text(&image.alt)) width=[image.width] height=[image.height]
                    loading="eager" decoding="async" fetchpriority="high";
                @if image.caption.is_some() || image.credit.is_some() {
                    figcaption {
                        @if let Some(caption) = &image.caption { span.dl-caption { (Text(caption)) } }
                        @if image.caption.is_some() && image.credit.is_some() { " " }
                        @if let Some(credit) = &image.credit { span.dl-credit { (Text(credit)) } }
                    }
                }
            }
            "\n"
        }
    }
}

/// The Markdown body in a `<div class="dl-body">`.
pub struct BodyHtml<'p> {
    pub(crate) view: &'p View<'p>,
    pub(crate) body: &'p String,
}

impl Render for BodyHtml<'_> {
    fn render_to(&self, buffer: &mut String) {
        BodyWith {
            view: self.view,
            body: self.body,
        }
        .render_to(buffer);
    }
}

/// The body from any source: the parse itself for [`super::page`], or HTML rendered from it
/// earlier for [`super::Page`].
struct BodyWith<'p, B: WriteBody + ?Sized> {
    view: &'p View<'p>,
    body: &'p B,
}

impl<B: WriteBody + ?Sized> Render for BodyWith<'_, B> {
    fn render_to(&self, buffer: &mut String) {
        buffer.push_str("<div class=\"dl-body\">\n");
        self.body.write_body(self.view, buffer);
        buffer.push_str("</div>\n");
    }
}

impl fmt::Debug for BodyHtml<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BodyHtml").finish_non_exhaustive()
    }
}

/// A table of contents built from the body's headings (levels 2 and 3). Empty when the
/// body has fewer than two headings.
#[derive(Debug, Clone, Copy)]
pub struct TableOfContents<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for TableOfContents<'_> {
    fn render(&self) -> Markup {
        let headings = &self.view.headings;
        html! {
            @if headings.len() > 1 {
                nav.dl-toc aria-labelledby={ (self.view.id_prefix) "dl-toc-title" } {
                    "\n"
                    h2 id={ (self.view.id_prefix) "dl-toc-title" } lang=[self.view.words_lang] dir=[self.view.words_dir] { (Text(&self.view.strings.contents)) }
                    ol {
                        @for h in headings.iter().filter(|h| h.level <= 3) {
                            li class={ "dl-toc-" (h.level) } { a href={ "#" (self.view.id_prefix) (h.id) } { (Text(&h.text)) } }
                        }
                    }
                }
                "\n"
            }
        }
    }
}

/// The notices: the AI disclaimer and any other notice, each an `<aside role="note">`
/// with an accessible name. Empty when there are none.
#[derive(Debug, Clone, Copy)]
pub struct Notices<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for Notices<'_> {
    fn render(&self) -> Markup {
        let view = self.view;
        html! {
            @for notice in &view.notices {
                (NoticeBox { notice, view })
            }
        }
    }
}

struct NoticeBox<'n, 'a> {
    notice: &'n Notice<'a>,
    view: &'n View<'a>,
}

impl Render for NoticeBox<'_, '_> {
    fn render(&self) -> Markup {
        let kind = self.notice.kind.as_str();
        let strings: &Strings = self.view.strings;
        let sources = self.view.article.sources();
        let (content, content_dir) = (self.view.content_lang(), self.view.content_dir());
        let words_dir = self.view.words_dir;
        let from_strings = self.notice.from_strings;
        html! {
            // A note, not a landmark: it belongs to the article it sits in. The box takes
            // the page's direction; its paragraphs say their own.
            aside class={ "dl-notice dl-notice-" (kind.replace('_', "-")) } role="note"
                lang=[self.view.words_lang] aria-label=(Text(&strings.notice)) data-notice=(kind) {
                "\n"
                p.dl-notice-text lang=[content.filter(|_| !from_strings)] dir=[words_dir.filter(|_| from_strings)] { (Text(&self.notice.text)) }
                @if self.notice.with_sources && !sources.is_empty() {
                    "\n"
                    p.dl-notice-sources dir=[words_dir] {
                        (Plural { text: &strings.sources, language: &strings.language, n: sources.len() as u64 })
                        (Text(&strings.colon))
                        (SourceLinks { sources, separator: strings.list_separator(), lang: content, dir: content_dir })
                    }
                }
            }
            "\n"
        }
    }
}

/// Reader comments as escaped plain text, under a heading. With no comments it says so,
/// and a host can fill the section.
#[derive(Debug, Clone, Copy)]
pub struct Comments<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for Comments<'_> {
    fn render(&self) -> Markup {
        let strings: &Strings = self.view.strings;
        let comments = self.view.article.comments();
        let (words, words_dir) = (self.view.words_lang, self.view.words_dir);
        html! {
            section.dl-comments aria-labelledby={ (self.view.id_prefix) "dl-comments-title" } {
                "\n"
                h2 id={ (self.view.id_prefix) "dl-comments-title" } lang=[words] dir=[words_dir] { (Text(&strings.comments)) }
                "\n"
                @if comments.is_empty() {
                    p.dl-comments-empty lang=[words] dir=[words_dir] { (Text(&strings.no_comments)) }
                } @else {
                    ol.dl-comment-list {
                        @for comment in comments {
                            "\n"
                            li.dl-comment {
                                p.dl-comment-meta {
                                    span.dl-comment-author { (Text(&comment.author)) }
                                    @if let Some(posted) = comment.posted {
                                        " " (Time::in_words(posted, self.view))
                                    }
                                }
                                (PlainText(&comment.text))
                            }
                        }
                        "\n"
                    }
                }
                "\n"
            }
            "\n"
        }
    }
}

/// Plain text as paragraphs: blank lines split paragraphs, single line breaks are kept.
struct PlainText<'a>(&'a str);

impl Render for PlainText<'_> {
    fn render(&self) -> Markup {
        // Most comments are one line: one vectorized search tells, and skips the splitting.
        if memchr::memchr(b'\n', self.0.as_bytes()).is_none() {
            let line = self.0.trim();
            return html! {
                @if !line.is_empty() { p { (Text(line)) } }
            };
        }
        let paragraphs = self
            .0
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty());
        html! {
            @for paragraph in paragraphs {
                p {
                    @for (i, line) in paragraph.lines().enumerate() {
                        @if i > 0 { br; }
                        (Text(line))
                    }
                }
            }
        }
    }
}

/// Related articles, as a labelled list of cards. Empty when there are none.
#[derive(Debug, Clone, Copy)]
pub struct Related<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for Related<'_> {
    fn render(&self) -> Markup {
        let strings: &Strings = self.view.strings;
        let related = self.view.article.related();
        let (words, words_dir) = (self.view.words_lang, self.view.words_dir);
        html! {
            @if !related.is_empty() {
                section.dl-related aria-labelledby={ (self.view.id_prefix) "dl-related-title" } {
                    "\n"
                    h2 id={ (self.view.id_prefix) "dl-related-title" } lang=[words] dir=[words_dir] { (Text(&strings.related)) }
                    "\n"
                    ul.dl-cards {
                        @for item in related {
                            "\n"
                            li.dl-card {
                                @if let Some(image) = &item.image {
                                    img.dl-card-image src=(Text(image.url.as_str())) alt=(Text(&image.alt)) width=[image.width]
                                        height=[image.height] loading="lazy" decoding="async";
                                }
                                h3.dl-card-title { a href=(Text(item.url.as_str())) { (Text(&item.title)) } }
                                @if item.category.is_some() || item.published.is_some() || item.reading_minutes.is_some() {
                                    p.dl-card-meta {
                                        @if let Some(category) = &item.category {
                                            span.dl-card-category { (Text(&category.name)) }
                                            " "
                                        }
                                        @if let Some(published) = item.published {
                                            (Time::in_words(published, self.view))
                                            " "
                                        }
                                        @if let Some(minutes) = item.reading_minutes {
                                            span.dl-reading-time lang=[words] dir=[words_dir] {
                                                (Plural { text: &strings.min_read, language: &strings.language, n: minutes.into() })
                                            }
                                        }
                                    }
                                }
                                @if let Some(summary) = &item.summary {
                                    p.dl-card-summary { (Text(summary)) }
                                }
                            }
                        }
                        "\n"
                    }
                    "\n"
                }
                "\n"
            }
        }
    }
}

/// The `<article>` element alone, with `lang` and `dir`, for a host's own layout: header,
/// image, table of contents (when asked for), body, notices and tags.
pub struct ArticleElement<'p> {
    pub(crate) view: &'p View<'p>,
    pub(crate) options: &'p HtmlOptions,
    pub(crate) body: &'p String,
}

impl fmt::Debug for ArticleElement<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ArticleElement").finish_non_exhaustive()
    }
}

impl Render for ArticleElement<'_> {
    fn render_to(&self, buffer: &mut String) {
        ArticleWith {
            view: self.view,
            options: self.options,
            body: self.body,
        }
        .render_to(buffer);
    }
}

/// The article element around a body from any source.
pub(crate) struct ArticleWith<'p, B: WriteBody + ?Sized> {
    pub(crate) view: &'p View<'p>,
    pub(crate) options: &'p HtmlOptions,
    pub(crate) body: &'p B,
}

impl<B: WriteBody + ?Sized> Render for ArticleWith<'_, B> {
    /// Written straight into the page's buffer, so that the body is never copied: the
    /// small parts around it come from maud.
    fn render_to(&self, buffer: &mut String) {
        let view = self.view;
        let article = view.article;
        let lang = article.language();
        let provenance = article.provenance();
        buffer.push_str("<article class=\"dl-article\" lang=\"");
        lang.render_to(buffer);
        buffer.push_str("\" dir=\"");
        buffer.push_str(direction(lang));
        if provenance != Provenance::Human {
            buffer.push_str("\" data-provenance=\"");
            buffer.push_str(provenance.as_str());
        }
        buffer.push_str("\">\n");
        ArticleHeader { view }.render_to(buffer);
        Figure { view }.render_to(buffer);
        if self.options.table_of_contents {
            TableOfContents { view }.render_to(buffer);
        }
        BodyWith {
            view,
            body: self.body,
        }
        .render_to(buffer);
        html! {
            @if !view.notices.is_empty() || !article.tags().is_empty() {
                footer.dl-article-footer {
                    "\n"
                    (Notices { view })
                    @if !article.tags().is_empty() {
                        ul.dl-tags {
                            @for tag in article.tags() { li.dl-tag { (Text(tag)) } }
                        }
                        "\n"
                    }
                }
                "\n"
            }
        }
        .render_to(buffer);
        buffer.push_str("</article>\n");
    }
}

/// A whole HTML document: doctype, head, site bar, article, comments, related articles.
pub struct Document<'p> {
    pub(crate) view: &'p View<'p>,
    pub(crate) options: &'p HtmlOptions,
    pub(crate) body: &'p String,
}

impl fmt::Debug for Document<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Document").finish_non_exhaustive()
    }
}

impl Render for Document<'_> {
    fn render_to(&self, buffer: &mut String) {
        DocumentWith {
            view: self.view,
            options: self.options,
            body: self.body,
        }
        .render_to(buffer);
    }
}

/// The document around a body from any source.
pub(crate) struct DocumentWith<'p, B: WriteBody + ?Sized> {
    pub(crate) view: &'p View<'p>,
    pub(crate) options: &'p HtmlOptions,
    pub(crate) body: &'p B,
}

impl<B: WriteBody + ?Sized> Render for DocumentWith<'_, B> {
    /// Written straight into the caller's buffer, like [`ArticleWith`].
    fn render_to(&self, buffer: &mut String) {
        let view = self.view;
        let options = self.options;
        let lang = view.article.language();
        buffer.push_str("<!DOCTYPE html><html lang=\"");
        lang.render_to(buffer);
        buffer.push_str("\" dir=\"");
        buffer.push_str(direction(lang));
        buffer.push_str("\">\n<head>\n");
        Head { view }.render_to(buffer);
        match &options.stylesheet {
            super::Stylesheet::Inline => {
                buffer.push_str("<style>");
                buffer.push_str(super::STYLESHEET);
                buffer.push_str("</style>\n");
            }
            super::Stylesheet::Link(url) => {
                html! { link rel="stylesheet" href=(Text(url.as_str())); "\n" }.render_to(buffer)
            }
            super::Stylesheet::None => {}
        }
        buffer.push_str("</head>\n<body class=\"dl-page\">\n");
        SiteBar { view }.render_to(buffer);
        buffer.push_str("<main class=\"dl-main\">\n");
        ArticleWith {
            view,
            options,
            body: self.body,
        }
        .render_to(buffer);
        if options.comments {
            Comments { view }.render_to(buffer);
        }
        if options.related {
            Related { view }.render_to(buffer);
        }
        buffer.push_str("</main>\n</body>\n</html>\n");
    }
}

/// The head metadata: title, description, canonical link, Open Graph, Twitter card and the
/// JSON-LD graph.
#[derive(Debug, Clone, Copy)]
pub struct Head<'p> {
    pub(crate) view: &'p View<'p>,
}

impl Render for Head<'_> {
    fn render_to(&self, buffer: &mut String) {
        super::head::write_head(self.view, buffer);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_text_keeps_paragraphs_and_line_breaks() {
        let html = |text: &str| PlainText(text).render().into_string();
        assert_eq!(html("  one line <b>  "), "<p>one line &lt;b&gt;</p>");
        assert_eq!(html(" \t "), "");
        assert_eq!(html("a\r"), "<p>a</p>");
        assert_eq!(html("a\nb\n\n\nc"), "<p>a<br>b</p><p>c</p>");
        assert_eq!(html("a\n \nb"), "<p>a<br> <br>b</p>");
    }
}
