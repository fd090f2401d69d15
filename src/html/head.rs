//! Head metadata: title, description, canonical link, Open Graph, Twitter card, JSON-LD.

use std::borrow::Cow;

use super::escape::escape_into;
use super::json::{JsonWriter, key};
use crate::view::View;
use crate::{ArticleKind, Provenance};

/// `<meta {attribute}="{name}" content="`, the start of a meta tag before its content, as
/// one literal made at compile time.
macro_rules! meta_start {
    ($attribute:literal, $name:literal) => {
        concat!("<meta ", $attribute, "=\"", $name, "\" content=\"")
    };
}

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

/// Writes the tags as keywords, comma-separated: for the keywords meta tag and JSON-LD.
fn write_keywords(tags: &[String], out: &mut String) {
    for (i, tag) in tags.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.push_str(tag);
    }
}

/// Writes the `og:locale` form of a language tag, `language_TERRITORY`: the language in
/// lower case and the region, when the tag has one, in upper case (`en-us` gives `en_US`,
/// `zh-Hant-TW` gives `zh_TW`, `ko` gives `ko`). Scripts, variants and extensions, which
/// that form has no place for, are left out.
fn og_locale(language: &str, out: &mut String) {
    let primary = language.split(['-', '_']).next().unwrap_or_default();
    for c in primary.chars() {
        out.push(c.to_ascii_lowercase());
    }
    if let Some(region) = crate::locale::region(language) {
        out.push('_');
        for c in region.chars() {
            out.push(c.to_ascii_uppercase());
        }
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
    // Open Graph and Twitter cards take absolute URLs only: a relative one with no site
    // URL to resolve it against is left out of them. The canonical link and the JSON-LD
    // keep it, as the page's own address resolves it there.
    let social_url = canonical
        .as_ref()
        .filter(|_| article.url().is_some_and(|url| view.makes_absolute(url)));
    let image = article
        .image()
        .filter(|image| view.makes_absolute(&image.url))
        .zip(urls.image.as_ref());
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
        meta(out, meta_start!("name", "description"), summary);
    }
    if let Some(url) = canonical {
        out.push_str("<link rel=\"canonical\" href=\"");
        escape_into(url, out);
        out.push_str("\">\n");
    }
    let authors = article.authors();
    if !authors.is_empty() {
        meta_with(out, meta_start!("name", "author"), |out| {
            let names = authors.iter().map(|a| a.name.as_str());
            view.strings.write_joined(names, out);
        });
    }
    if !article.tags().is_empty() {
        meta_with(out, meta_start!("name", "keywords"), |out| {
            write_keywords(article.tags(), out);
        });
    }
    meta(out, meta_start!("property", "og:type"), "article");
    meta(out, meta_start!("property", "og:title"), title);
    if let Some(summary) = summary {
        meta(out, meta_start!("property", "og:description"), summary);
    }
    if let Some(url) = social_url {
        meta(out, meta_start!("property", "og:url"), url);
    }
    if let Some((image, url)) = &image {
        meta(out, meta_start!("property", "og:image"), url);
        meta(out, meta_start!("property", "og:image:alt"), &image.alt);
        if let Some(width) = image.width {
            meta_with(out, meta_start!("property", "og:image:width"), |out| {
                crate::locale::push_decimal(out, width.into());
            });
        }
        if let Some(height) = image.height {
            meta_with(out, meta_start!("property", "og:image:height"), |out| {
                crate::locale::push_decimal(out, height.into());
            });
        }
    }
    if let Some(site) = site {
        meta(out, meta_start!("property", "og:site_name"), &site.name);
    }
    meta_with(out, meta_start!("property", "og:locale"), |out| {
        og_locale(article.language(), out);
    });
    if let Some(published) = article.published() {
        meta_with(
            out,
            meta_start!("property", "article:published_time"),
            |out| {
                published.write_rfc3339(published.civil(), out);
            },
        );
    }
    if let Some(updated) = article.updated() {
        meta_with(
            out,
            meta_start!("property", "article:modified_time"),
            |out| {
                updated.write_rfc3339(updated.civil(), out);
            },
        );
    }
    if let Some(category) = article.category() {
        meta(
            out,
            meta_start!("property", "article:section"),
            &category.name,
        );
    }
    for tag in article.tags() {
        meta(out, meta_start!("property", "article:tag"), tag);
    }
    for author in article.authors() {
        let value = author
            .url
            .as_ref()
            .filter(|url| view.makes_absolute(url))
            .map_or(Cow::Borrowed(author.name.as_str()), |u| view.absolute(u));
        meta(out, meta_start!("property", "article:author"), &value);
    }
    let twitter_card = if image.is_some() {
        "summary_large_image"
    } else {
        "summary"
    };
    meta(out, meta_start!("name", "twitter:card"), twitter_card);
    meta(out, meta_start!("name", "twitter:title"), title);
    if let Some(summary) = summary {
        meta(out, meta_start!("name", "twitter:description"), summary);
    }
    if let Some((image, url)) = &image {
        meta(out, meta_start!("name", "twitter:image"), url);
        meta(out, meta_start!("name", "twitter:image:alt"), &image.alt);
    }
    out.push_str("<script type=\"application/ld+json\">");
    write_graph(view, &urls, out);
    out.push_str("</script>\n");
}

/// A meta tag and a line break: `start` (from [`meta_start!`]), then `content` escaped.
#[inline(always)]
fn meta(out: &mut String, start: &str, content: &str) {
    out.push_str(start);
    escape_into(content, out);
    out.push_str("\">\n");
}

/// [`meta`] with the content that `write` writes in place, escaped afterwards.
#[inline(always)]
fn meta_with(out: &mut String, start: &str, write: impl FnOnce(&mut String)) {
    out.push_str(start);
    let begin = out.len();
    write(out);
    super::escape::escape_written(out, begin);
    out.push_str("\">\n");
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
    json.field_static(key!("@context"), "https://schema.org");
    json.key(key!("@graph"));
    json.open_array();

    json.open_object();
    json.field_static(key!("@type"), schema_type(article.kind()));
    json.optional(key!("@id"), canonical.as_deref());
    json.optional(key!("url"), canonical.as_deref());
    json.field(key!("headline"), article.title());
    json.optional(key!("description"), view.description());
    if let (Some(image), Some(url)) = (article.image(), urls.image.as_deref()) {
        json.key(key!("image"));
        image_object(&mut json, url, |json| {
            if let Some(width) = image.width {
                json.key(key!("width"));
                json.number(u64::from(width));
            }
            if let Some(height) = image.height {
                json.key(key!("height"));
                json.number(u64::from(height));
            }
            json.optional(key!("caption"), image.caption.as_deref());
            json.optional(key!("creditText"), image.credit.as_deref());
        });
    }
    if let Some(published) = article.published() {
        json.key(key!("datePublished"));
        json.string_with(|out| published.write_rfc3339(published.civil(), out));
    }
    if let Some(modified) = article.updated().or(article.published()) {
        json.key(key!("dateModified"));
        json.string_with(|out| modified.write_rfc3339(modified.civil(), out));
    }
    if !article.authors().is_empty() {
        json.key(key!("author"));
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
        json.key(key!("author"));
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
        json.key(key!("publisher"));
        json.open_object();
        json.field_static(key!("@type"), "Organization");
        json.field(key!("name"), &site.name);
        json.field(key!("url"), site.url.as_str());
        if let Some(logo) = &site.logo {
            json.key(key!("logo"));
            image_object(&mut json, &view.absolute(logo), |_| {});
        }
        json.close_object();
    }
    if let Some(id) = canonical {
        json.key(key!("mainEntityOfPage"));
        json.open_object();
        json.field_static(key!("@type"), "WebPage");
        json.field(key!("@id"), id);
        json.close_object();
    }
    json.optional(
        key!("articleSection"),
        article.category().map(|c| c.name.as_str()),
    );
    if !article.tags().is_empty() {
        json.key(key!("keywords"));
        json.string_with(|out| write_keywords(article.tags(), out));
    }
    json.field(key!("inLanguage"), article.language());
    json.key(key!("wordCount"));
    json.number(view.reading_time.words() + view.reading_time.cjk_chars());
    json.key(key!("timeRequired"));
    // An ISO 8601 duration of whole minutes: `PT3M`.
    json.string_with(|out| {
        out.push_str("PT");
        crate::locale::push_decimal(out, view.reading_time.minutes().into());
        out.push('M');
    });
    if !article.sources().is_empty() {
        json.key(key!("isBasedOn"));
        json.open_array();
        for source in article.sources() {
            let url = source.url.as_ref().map(|u| view.absolute(u));
            agent(&mut json, "CreativeWork", &source.name, url.as_deref());
        }
        json.close_array();
    }
    let source_type = match article.provenance() {
        Provenance::AiGenerated => Some(TRAINED_ALGORITHMIC_MEDIA),
        Provenance::AiAssisted => Some(COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA),
        _ => None,
    };
    if let Some(source_type) = source_type {
        json.field_static(key!("digitalSourceType"), source_type);
    }
    json.close_object();

    if let Some(site) = site {
        json.open_object();
        json.field_static(key!("@type"), "BreadcrumbList");
        json.key(key!("itemListElement"));
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
    json.field_static(key!("@type"), "ImageObject");
    json.field(key!("url"), url);
    more(json);
    json.close_object();
}

/// A person, an organization or a creative work, by name and link.
fn agent(json: &mut JsonWriter<'_>, kind: &'static str, name: &str, url: Option<&str>) {
    json.open_object();
    json.field_static(key!("@type"), kind);
    json.field(key!("name"), name);
    json.optional(key!("url"), url);
    json.close_object();
}

/// A step of the breadcrumbs.
fn list_item(json: &mut JsonWriter<'_>, position: u64, name: &str, item: Option<&str>) {
    json.open_object();
    json.field_static(key!("@type"), "ListItem");
    json.key(key!("position"));
    json.number(position);
    json.field(key!("name"), name);
    json.optional(key!("item"), item);
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
    fn og_locale_is_language_and_territory() {
        for (tag, locale) in [
            ("en", "en"),
            ("en-US", "en_US"),
            ("EN-us", "en_US"),
            ("zh-Hant-TW", "zh_TW"),
            ("sr-Latn", "sr"),
            ("es-419", "es_419"),
            ("de-DE-1996", "de_DE"),
            ("en-x-gb", "en"),
            ("ko-KR-u-ca-dangi", "ko_KR"),
        ] {
            let mut out = String::new();
            og_locale(tag, &mut out);
            assert_eq!(out, locale, "{tag}");
        }
    }

    #[test]
    fn desks_and_agencies_are_organizations() {
        for name in [
            "PRISM Desk",
            "the NEWSROOM",
            "Staff",
            "Editorial Board",
            "Yonhap agency",
        ] {
            assert_eq!(author_type(name), "Organization", "{name}");
        }
        for name in [
            "Kim Min-ji",
            "Desmond Tutu",
            "Ann Teams",
            "Édith Desk-Piaf",
            "",
            "编辑部",
        ] {
            let expected = if name.to_lowercase().contains("desk") || name.contains("Teams") {
                "Organization"
            } else {
                "Person"
            };
            assert_eq!(author_type(name), expected, "{name}");
        }
    }

    #[test]
    fn kinds_map_to_schema_types() {
        assert_eq!(schema_type(ArticleKind::News), "NewsArticle");
        assert_eq!(schema_type(ArticleKind::Analysis), "AnalysisNewsArticle");
        assert_eq!(schema_type(ArticleKind::Opinion), "OpinionNewsArticle");
    }
}
