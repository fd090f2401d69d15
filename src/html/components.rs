//! The parts of the page, each a small type that implements [`maud::Render`].

use maud::{Markup, PreEscaped, Render, html};

use crate::locale::Strings;
use crate::view::{Notice, View};
use crate::{Comment, DateTime, RelatedArticle, Site, Source};

/// `<time datetime>` with the date written the local way.
pub(crate) struct Time<'s> {
    pub(crate) date: DateTime,
    pub(crate) strings: &'s Strings,
}

impl Render for Time<'_> {
    fn render(&self) -> Markup {
        html! { time datetime=(self.date.to_string()) { (self.strings.date(self.date.date())) } }
    }
}

/// The site bar: brand and section, as a breadcrumb.
pub(crate) struct SiteBar<'a> {
    pub(crate) site: &'a Site,
    pub(crate) strings: &'a Strings,
}

impl Render for SiteBar<'_> {
    fn render(&self) -> Markup {
        let site = self.site;
        html! {
            header.dl-site { "\n"
                nav.dl-site-nav aria-label=(self.strings.site_navigation) {
                    ol.dl-breadcrumb {
                        li { a.dl-site-name href=(site.url) { (site.name) } }
                        @if let Some(section) = &site.section {
                            li {
                                @match &section.url {
                                    Some(url) => a.dl-section-name href=(url) { (section.name) },
                                    None => span.dl-section-name { (section.name) },
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Source links, comma-separated.
pub(crate) struct SourceLinks<'a>(pub(crate) &'a [Source]);

impl Render for SourceLinks<'_> {
    fn render(&self) -> Markup {
        html! {
            @for (i, source) in self.0.iter().enumerate() {
                @if i > 0 { ", " }
                @match &source.url {
                    Some(url) => a.dl-source href=(url) rel="noopener external" { (source.name) },
                    None => span.dl-source { (source.name) },
                }
            }
        }
    }
}

/// The article header: category and label, headline, meta line and standfirst.
pub(crate) struct ArticleHeader<'v, 'a> {
    pub(crate) view: &'v View<'a>,
}

impl Render for ArticleHeader<'_, '_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let article = view.article;
        html! {
            header.dl-article-header { "\n"
                @if article.category().is_some() || view.label.is_some() {
                    p.dl-kicker {
                        @if let Some(category) = article.category() {
                            @match &category.url {
                                Some(url) => a.dl-category href=(url) { (category.name) },
                                None => span.dl-category { (category.name) },
                            }
                        }
                        @if article.category().is_some() && view.label.is_some() { " " }
                        @if let Some(label) = &view.label {
                            span.dl-label.dl-label-ai[article.provenance() != crate::Provenance::Human] { (label) }
                        }
                    }
                }
                h1.dl-headline { (article.title()) }
                (Byline { view })
                @if let Some(summary) = article.summary() {
                    p.dl-standfirst { (summary) }
                }
            }
        }
    }
}

/// The byline and meta line: authors, dates, reading time, sources.
pub(crate) struct Byline<'v, 'a> {
    pub(crate) view: &'v View<'a>,
}

impl Render for Byline<'_, '_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let article = view.article;
        let strings: &Strings = &view.strings;
        let authors = article.authors();
        html! {
            div.dl-meta { "\n"
                @if !authors.is_empty() {
                    p.dl-byline {
                        (strings.by) " "
                        @for (i, author) in authors.iter().enumerate() {
                            @if i > 0 {
                                @if i + 1 == authors.len() { " " (strings.and) " " } @else { ", " }
                            }
                            @match &author.url {
                                Some(url) => a.dl-author href=(url) rel="author" { (author.name) },
                                None => span.dl-author { (author.name) },
                            }
                        }
                    }
                }
                p.dl-meta-line {
                    @if let Some(published) = article.published() {
                        span.dl-published { (Time { date: published, strings }) }
                    }
                    @if let Some(updated) = view.shown_update {
                        span.dl-updated { (strings.updated) " " (Time { date: updated, strings }) }
                    }
                    span.dl-reading-time { (view.reading_label()) }
                    @if !article.sources().is_empty() {
                        span.dl-sources {
                            (strings.sources.format(&strings.language, article.sources().len() as u64)) ": "
                            (SourceLinks(article.sources()))
                        }
                    }
                }
            }
        }
    }
}

/// The feature image with its caption and credit.
pub(crate) struct Figure<'a> {
    pub(crate) image: &'a crate::Image,
}

impl Render for Figure<'_> {
    fn render(&self) -> Markup {
        let image = self.image;
        html! {
            figure.dl-figure { "\n"
                img.dl-image src=(image.url) alt=(image.alt) width=[image.width] height=[image.height]
                    loading="eager" decoding="async" fetchpriority="high";
                @if image.caption.is_some() || image.credit.is_some() {
                    figcaption {
                        @if let Some(caption) = &image.caption { span.dl-caption { (caption) } }
                        @if image.caption.is_some() && image.credit.is_some() { " " }
                        @if let Some(credit) = &image.credit { span.dl-credit { (credit) } }
                    }
                }
            }
        }
    }
}

/// The Markdown body, written by the Markdown module straight into the page buffer.
pub(crate) struct BodyHtml<'v, 'a> {
    pub(crate) view: &'v View<'a>,
}

impl Render for BodyHtml<'_, '_> {
    fn render_to(&self, buffer: &mut String) {
        buffer.push_str("<div class=\"dl-body\">\n");
        self.view.body.write_html(buffer);
        buffer.push_str("</div>\n");
    }
}

/// The notices: the AI disclaimer and any other notice, each an `<aside>` with a name.
pub(crate) struct Notices<'v, 'a> {
    pub(crate) view: &'v View<'a>,
}

impl Render for Notices<'_, '_> {
    fn render(&self) -> Markup {
        let view = self.view;
        let sources = view.article.sources();
        html! {
            @for notice in &view.notices {
                (NoticeBox { notice, sources, strings: &view.strings })
            }
        }
    }
}

struct NoticeBox<'n, 'a> {
    notice: &'n Notice<'a>,
    sources: &'a [Source],
    strings: &'n Strings,
}

impl Render for NoticeBox<'_, '_> {
    fn render(&self) -> Markup {
        let kind = self.notice.kind.as_str();
        html! {
            aside class={ "dl-notice dl-notice-" (kind.replace('_', "-")) } aria-label=(self.strings.notice)
                data-notice=(kind) {
                "\n" p.dl-notice-text { (self.notice.text) }
                @if self.notice.with_sources && !self.sources.is_empty() {
                    p.dl-notice-sources {
                        (self.strings.sources.format(&self.strings.language, self.sources.len() as u64)) ": "
                        (SourceLinks(self.sources))
                    }
                }
            }
        }
    }
}

/// Reader comments, as escaped plain text.
pub(crate) struct Comments<'a> {
    pub(crate) comments: &'a [Comment],
    pub(crate) strings: &'a Strings,
}

impl Render for Comments<'_> {
    fn render(&self) -> Markup {
        let strings = self.strings;
        html! {
            section.dl-comments aria-labelledby="dl-comments-title" { "\n"
                h2 #dl-comments-title { (strings.comments) }
                @if self.comments.is_empty() {
                    p.dl-comments-empty { (strings.no_comments) }
                } @else {
                    ol.dl-comment-list {
                        @for comment in self.comments {
                            li.dl-comment { "\n"
                                p.dl-comment-meta {
                                    span.dl-comment-author { (comment.author) }
                                    @if let Some(posted) = comment.posted {
                                        " " (Time { date: posted, strings })
                                    }
                                }
                                (PlainText(&comment.text))
                            }
                        }
                    }
                }
            }
        }
    }
}

/// Plain text as paragraphs: blank lines split paragraphs, single line breaks are kept.
struct PlainText<'a>(&'a str);

impl Render for PlainText<'_> {
    fn render(&self) -> Markup {
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
                        (line)
                    }
                }
            }
        }
    }
}

/// Related articles, as a labelled list of cards.
pub(crate) struct Related<'a> {
    pub(crate) related: &'a [RelatedArticle],
    pub(crate) strings: &'a Strings,
}

impl Render for Related<'_> {
    fn render(&self) -> Markup {
        let strings = self.strings;
        html! {
            @if !self.related.is_empty() {
                section.dl-related aria-labelledby="dl-related-title" { "\n"
                    h2 #dl-related-title { (strings.related) }
                    ul.dl-cards {
                        @for item in self.related {
                            li.dl-card { "\n"
                                @if let Some(image) = &item.image {
                                    img.dl-card-image src=(image.url) alt=(image.alt) width=[image.width]
                                        height=[image.height] loading="lazy" decoding="async";
                                }
                                h3.dl-card-title { a href=(item.url) { (item.title) } }
                                @if item.category.is_some() || item.published.is_some() || item.reading_minutes.is_some() {
                                    p.dl-card-meta {
                                        @if let Some(category) = &item.category {
                                            span.dl-card-category { (category.name) }
                                        }
                                        @if let Some(published) = item.published {
                                            " " (Time { date: published, strings })
                                        }
                                        @if let Some(minutes) = item.reading_minutes {
                                            " " span.dl-reading-time { (strings.reading_time(minutes)) }
                                        }
                                    }
                                }
                                @if let Some(summary) = &item.summary {
                                    p.dl-card-summary { (summary) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// A table of contents built from the body's headings.
pub(crate) struct Contents<'v, 'a> {
    pub(crate) view: &'v View<'a>,
}

impl Render for Contents<'_, '_> {
    fn render(&self) -> Markup {
        let headings = &self.view.body.headings;
        html! {
            @if headings.len() > 1 {
                nav.dl-toc aria-labelledby="dl-toc-title" { "\n"
                    h2 #dl-toc-title { (self.view.strings.contents) }
                    ol {
                        @for h in headings.iter().filter(|h| h.level <= 3) {
                            li class={ "dl-toc-" (h.level) } { a href={ "#" (h.id) } { (h.text) } }
                        }
                    }
                }
            }
        }
    }
}

/// HTML that this crate wrote itself; never untrusted text.
pub(crate) fn trusted(html: &str) -> PreEscaped<&str> {
    PreEscaped(html)
}
