//! Head metadata: title, description, canonical link, Open Graph, Twitter card, JSON-LD.

use std::borrow::Cow;

use super::escape::escape_into;
use super::json::JsonWriter;
use crate::view::View;
use crate::{ArticleKind, Provenance};

/// The IPTC digital source type for content made by a trained model.
pub(crate) const TRAINED_ALGORITHMIC_MEDIA: &str =
    "http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia";

/// The IPTC digital source type for content a person made with a model's help.
pub(crate) const COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA: &str =
    "http://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia";

/// The schema.org type for a kind of article.
pub(crate) fn schema_type(kind: ArticleKind) -> &'static str {
    match kind {
        ArticleKind::Analysis => "AnalysisNewsArticle",
        ArticleKind::Opinion | ArticleKind::Editorial => "OpinionNewsArticle",
        ArticleKind::Explainer => "BackgroundNewsArticle",
        ArticleKind::Review => "ReviewNewsArticle",
        ArticleKind::Feature => "ReportageNewsArticle",
        _ => "NewsArticle",
    }
}

/// Writes the `og:locale` form of a language tag: `en_US`, `ko_KR`, or the language alone.
fn og_locale(language: &str, out: &mut String) {
    for (i, part) in language.split('-').enumerate() {
        if i > 0 {
            out.push('_');
        }
        out.push_str(part);
    }
}

/// Writes the `<head>` contents for an article into `out`: one tag a line, every value
/// escaped.
pub(crate) fn write_head(view: &View<'_>, out: &mut String) {
    let article = view.article;
    let title = article.seo_title().unwrap_or(article.title());
    let urls = PageUrls::of(view);
    let canonical = &urls.canonical;
    let site = article.site();
    let image = article.image().zip(urls.image.as_ref());
    let summary = view.description();

    out.push_str("<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>");
    escape_into(title, out);
    if let Some(site) = site {
        out.push_str(" | ");
        escape_into(&site.name, out);
    }
    out.push_str("</title>\n");
    if let Some(summary) = summary {
        meta(out, "name", "description", summary);
    }
    if let Some(url) = canonical {
        out.push_str("<link rel=\"canonical\" href=\"");
        escape_into(url, out);
        out.push_str("\">\n");
    }
    let authors = article.authors();
    if !authors.is_empty() {
        meta_with(out, "name", "author", |out| {
            let names = authors.iter().map(|a| a.name.as_str());
            view.strings.write_joined(names, out);
        });
    }
    if !article.tags().is_empty() {
        meta_with(out, "name", "keywords", |out| {
            for (i, tag) in article.tags().iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                out.push_str(tag);
            }
        });
    }
    meta(out, "property", "og:type", "article");
    meta(out, "property", "og:title", title);
    if let Some(summary) = summary {
        meta(out, "property", "og:description", summary);
    }
    if let Some(url) = canonical {
        meta(out, "property", "og:url", url);
    }
    if let Some((image, url)) = &image {
        meta(out, "property", "og:image", url);
        meta(out, "property", "og:image:alt", &image.alt);
        if let Some(width) = image.width {
            meta_with(out, "property", "og:image:width", |out| {
                crate::locale::push_decimal(out, width.into());
            });
        }
        if let Some(height) = image.height {
            meta_with(out, "property", "og:image:height", |out| {
                crate::locale::push_decimal(out, height.into());
            });
        }
    }
    if let Some(site) = site {
        meta(out, "property", "og:site_name", &site.name);
    }
    meta_with(out, "property", "og:locale", |out| {
        og_locale(article.language(), out);
    });
    if let Some(published) = article.published() {
        meta_with(out, "property", "article:published_time", |out| {
            published.write_rfc3339(published.civil(), out);
        });
    }
    if let Some(updated) = article.updated() {
        meta_with(out, "property", "article:modified_time", |out| {
            updated.write_rfc3339(updated.civil(), out);
        });
    }
    if let Some(category) = article.category() {
        meta(out, "property", "article:section", &category.name);
    }
    for tag in article.tags() {
        meta(out, "property", "article:tag", tag);
    }
    for author in article.authors() {
        let value = author
            .url
            .as_ref()
            .map_or(Cow::Borrowed(author.name.as_str()), |u| view.absolute(u));
        meta(out, "property", "article:author", &value);
    }
    let twitter_card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta(out, "name", "twitter:card", twitter_card);
    meta(out, "name", "twitter:title", title);
    if let Some(summary) = summary {
        meta(out, "name", "twitter:description", summary);
    }
    if let Some((image, url)) = &image {
        meta(out, "name", "twitter:image", url);
        meta(out, "name", "twitter:image:alt", &image.alt);
    }
    out.push_str("<script type=\"application/ld+json\">");
    write_graph(view, &urls, out);
    out.push_str("</script>\n");
}

/// `<meta {attribute}="{name}" content="{content}">` and a line break.
fn meta(out: &mut String, attribute: &str, name: &str, content: &str) {
    meta_start(out, attribute, name);
    escape_into(content, out);
    out.push_str("\">\n");
}

/// [`meta`] with the content that `write` writes in place, escaped afterwards.
fn meta_with(out: &mut String, attribute: &str, name: &str, write: impl FnOnce(&mut String)) {
    meta_start(out, attribute, name);
    let start = out.len();
    write(out);
    super::escape::escape_written(out, start);
    out.push_str("\">\n");
}

/// `<meta {attribute}="{name}" content="`, before the content.
fn meta_start(out: &mut String, attribute: &str, name: &str) {
    out.push_str("<meta ");
    out.push_str(attribute);
    out.push_str("=\"");
    out.push_str(name);
    out.push_str("\" content=\"");
}

/// Writes the JSON-LD graph of the page (schema.org) into `out`, safe inside a `<script>`
/// element: the article, with its authors, publisher, sources and AI provenance, and the
/// site's breadcrumbs.
pub(crate) fn write_json_ld(view: &View<'_>, out: &mut String) {
    write_graph(view, &PageUrls::of(view), out);
}

/// The article's own URLs, made absolute once for both the meta tags and the JSON-LD.
struct PageUrls<'a> {
    canonical: Option<Cow<'a, str>>,
    image: Option<Cow<'a, str>>,
}

impl<'a> PageUrls<'a> {
    fn of(view: &View<'a>) -> PageUrls<'a> {
        let article = view.article;
        PageUrls {
            canonical: article.url().map(|url| view.absolute(url)),
            image: article.image().map(|image| view.absolute(&image.url)),
        }
    }
}

/// [`write_json_ld`] with the page's URLs already made absolute.
fn write_graph(view: &View<'_>, urls: &PageUrls<'_>, out: &mut String) {
    let article = view.article;
    let site = article.site();
    let canonical = &urls.canonical;
    let mut json = JsonWriter::new(out);
    json.open_object();
    json.field("@context", "https://schema.org");
    json.key("@graph");
    json.open_array();

    json.open_object();
    json.field("@type", schema_type(article.kind()));
    json.optional("@id", canonical.as_deref());
    json.optional("url", canonical.as_deref());
    json.field("headline", article.title());
    json.optional("description", view.description());
    if let (Some(image), Some(url)) = (article.image(), urls.image.as_deref()) {
        json.key("image");
        image_object(&mut json, url, |json| {
            if let Some(width) = image.width {
                json.key("width");
                json.number(u64::from(width));
            }
            if let Some(height) = image.height {
                json.key("height");
                json.number(u64::from(height));
            }
            json.optional("caption", image.caption.as_deref());
            json.optional("creditText", image.credit.as_deref());
        });
    }
    if let Some(published) = article.published() {
        json.key("datePublished");
        json.string_with(|out| published.write_rfc3339(published.civil(), out));
    }
    if let Some(modified) = article.updated().or(article.published()) {
        json.key("dateModified");
        json.string_with(|out| modified.write_rfc3339(modified.civil(), out));
    }
    if !article.authors().is_empty() {
        json.key("author");
        json.open_array();
        for author in article.authors() {
            let url = author.url.as_ref().map(|u| view.absolute(u));
            agent(
                &mut json,
                author_type(&author.name),
                &author.name,
                url.as_deref(),
            );
        }
        json.close_array();
    } else if let Some(site) = site {
        json.key("author");
        json.open_array();
        agent(
            &mut json,
            "Organization",
            &site.name,
            Some(site.url.as_str()),
        );
        json.close_array();
    }
    if let Some(site) = site {
        json.key("publisher");
        json.open_object();
        json.field("@type", "Organization");
        json.field("name", &site.name);
        json.field("url", site.url.as_str());
        if let Some(logo) = &site.logo {
            json.key("logo");
            image_object(&mut json, &view.absolute(logo), |_| {});
        }
        json.close_object();
    }
    if let Some(id) = canonical {
        json.key("mainEntityOfPage");
        json.open_object();
        json.field("@type", "WebPage");
        json.field("@id", id);
        json.close_object();
    }
    json.optional(
        "articleSection",
        article.category().map(|c| c.name.as_str()),
    );
    if !article.tags().is_empty() {
        json.field("keywords", &article.tags().join(", "));
    }
    json.field("inLanguage", article.language());
    json.key("wordCount");
    json.number(view.reading_time.words() + view.reading_time.cjk_chars());
    json.key("timeRequired");
    // An ISO 8601 duration of whole minutes: `PT3M`.
    json.string_with(|out| {
        out.push_str("PT");
        crate::locale::push_decimal(out, view.reading_time.minutes().into());
        out.push('M');
    });
    if !article.sources().is_empty() {
        json.key("isBasedOn");
        json.open_array();
        for source in article.sources() {
            let url = source.url.as_ref().map(|u| view.absolute(u));
            agent(&mut json, "CreativeWork", &source.name, url.as_deref());
        }
        json.close_array();
    }
    json.optional(
        "digitalSourceType",
        match article.provenance() {
            Provenance::AiGenerated => Some(TRAINED_ALGORITHMIC_MEDIA),
            Provenance::AiAssisted => Some(COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA),
            _ => None,
        },
    );
    json.close_object();

    if let Some(site) = site {
        json.open_object();
        json.field("@type", "BreadcrumbList");
        json.key("itemListElement");
        json.open_array();
        list_item(&mut json, 1, &site.name, Some(site.url.as_str()));
        if let Some(section) = &site.section {
            let url = section.url.as_ref().map(|u| view.absolute(u));
            list_item(&mut json, 2, &section.name, url.as_deref());
        }
        json.close_array();
        json.close_object();
    }
    json.close_array();
    json.close_object();
}

/// An `ImageObject` at `url` (absolute when it can be), with the properties `more` adds.
fn image_object(json: &mut JsonWriter<'_>, url: &str, more: impl FnOnce(&mut JsonWriter<'_>)) {
    json.open_object();
    json.field("@type", "ImageObject");
    json.field("url", url);
    more(json);
    json.close_object();
}

/// A person, an organization or a creative work, by name and link.
fn agent(json: &mut JsonWriter<'_>, kind: &str, name: &str, url: Option<&str>) {
    json.open_object();
    json.field("@type", kind);
    json.field("name", name);
    json.optional("url", url);
    json.close_object();
}

/// A step of the breadcrumbs.
fn list_item(json: &mut JsonWriter<'_>, position: u64, name: &str, item: Option<&str>) {
    json.open_object();
    json.field("@type", "ListItem");
    json.key("position");
    json.number(position);
    json.field("name", name);
    json.optional("item", item);
    json.close_object();
}

/// Desks and newsrooms are organizations; people are persons.
fn author_type(name: &str) -> &'static str {
    let lower = name.to_lowercase();
    let org = [
        "desk",
        "newsroom",
        "staff",
        "team",
        "editorial board",
        "agency",
        "bureau",
    ];
    if org.iter().any(|w| lower.contains(w)) {
        "Organization"
    } else {
        "Person"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kinds_map_to_schema_types() {
        assert_eq!(schema_type(ArticleKind::News), "NewsArticle");
        assert_eq!(schema_type(ArticleKind::Analysis), "AnalysisNewsArticle");
        assert_eq!(schema_type(ArticleKind::Opinion), "OpinionNewsArticle");
    }
}
