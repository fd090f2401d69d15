//! Head metadata: title, description, canonical link, Open Graph, Twitter card, JSON-LD.

use std::borrow::Cow;

use serde::Serialize;

use super::escape::escape_into;
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

/// The `og:locale` form of a language tag: `en_US`, `ko_KR`, or the language alone.
fn og_locale(language: &str) -> String {
    language.replace('-', "_")
}

/// Writes the `<head>` contents for an article into `out`: one tag a line, every value
/// escaped.
pub(crate) fn write_head(view: &View<'_>, out: &mut String) {
    let article = view.article;
    let title = article.seo_title().unwrap_or(article.title());
    let canonical = article.url().map(|url| view.absolute(url));
    let site = article.site();
    let image = article.image().map(|i| (i, view.absolute(&i.url)));
    let summary = article.summary();

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
    if let Some(url) = &canonical {
        out.push_str("<link rel=\"canonical\" href=\"");
        escape_into(url, out);
        out.push_str("\">\n");
    }
    if !article.authors().is_empty() {
        meta(
            out,
            "name",
            "author",
            &view.strings.join(&view.author_names()),
        );
    }
    if !article.tags().is_empty() {
        meta(out, "name", "keywords", &article.tags().join(", "));
    }
    meta(out, "property", "og:type", "article");
    meta(out, "property", "og:title", title);
    if let Some(summary) = summary {
        meta(out, "property", "og:description", summary);
    }
    if let Some(url) = &canonical {
        meta(out, "property", "og:url", url);
    }
    if let Some((image, url)) = &image {
        meta(out, "property", "og:image", url);
        meta(out, "property", "og:image:alt", &image.alt);
        if let Some(width) = image.width {
            meta(out, "property", "og:image:width", &width.to_string());
        }
        if let Some(height) = image.height {
            meta(out, "property", "og:image:height", &height.to_string());
        }
    }
    if let Some(site) = site {
        meta(out, "property", "og:site_name", &site.name);
    }
    meta(out, "property", "og:locale", &og_locale(article.language()));
    if let Some(published) = article.published() {
        meta(
            out,
            "property",
            "article:published_time",
            &published.to_string(),
        );
    }
    if let Some(updated) = article.updated() {
        meta(
            out,
            "property",
            "article:modified_time",
            &updated.to_string(),
        );
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
    write_json_ld(view, out);
    out.push_str("</script>\n");
}

/// `<meta {attribute}="{name}" content="{content}">` and a line break.
fn meta(out: &mut String, attribute: &str, name: &str, content: &str) {
    out.push_str("<meta ");
    out.push_str(attribute);
    out.push_str("=\"");
    out.push_str(name);
    out.push_str("\" content=\"");
    escape_into(content, out);
    out.push_str("\">\n");
}

/// The JSON-LD graph of the page, in schema.org terms. Every field borrows from the
/// article, so building it allocates only for the URLs made absolute and the dates.
#[derive(Serialize)]
struct Graph<'a> {
    #[serde(rename = "@context")]
    context: &'static str,
    #[serde(rename = "@graph")]
    graph: Vec<GraphNode<'a>>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum GraphNode<'a> {
    Article(Box<ArticleLd<'a>>),
    Breadcrumbs(BreadcrumbsLd<'a>),
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArticleLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id", skip_serializing_if = "Option::is_none")]
    id: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
    headline: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    description: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    image: Option<ImageLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_published: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    date_modified: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    author: Vec<AgentLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    publisher: Option<PublisherLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    main_entity_of_page: Option<WebPageLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    article_section: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    keywords: Option<String>,
    in_language: &'a str,
    word_count: u64,
    time_required: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    is_based_on: Vec<AgentLd<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    digital_source_type: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ImageLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    url: Cow<'a, str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    width: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    height: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    caption: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    credit_text: Option<&'a str>,
}

/// A person, an organization or a creative work, by name and link.
#[derive(Serialize)]
struct AgentLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    url: Option<Cow<'a, str>>,
}

#[derive(Serialize)]
struct PublisherLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    name: &'a str,
    url: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    logo: Option<ImageLd<'a>>,
}

#[derive(Serialize)]
struct WebPageLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    #[serde(rename = "@id")]
    id: Cow<'a, str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct BreadcrumbsLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    item_list_element: Vec<ListItemLd<'a>>,
}

#[derive(Serialize)]
struct ListItemLd<'a> {
    #[serde(rename = "@type")]
    kind: &'static str,
    position: u32,
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    item: Option<Cow<'a, str>>,
}

fn image_ld<'a>(view: &View<'a>, url: &'a crate::Url) -> ImageLd<'a> {
    ImageLd {
        kind: "ImageObject",
        url: view.absolute(url),
        width: None,
        height: None,
        caption: None,
        credit_text: None,
    }
}

fn graph<'a>(view: &View<'a>) -> Graph<'a> {
    let article = view.article;
    let site = article.site();
    let canonical = article.url().map(|url| view.absolute(url));
    let authors: Vec<AgentLd<'a>> = if article.authors().is_empty() {
        site.map(|site| AgentLd {
            kind: "Organization",
            name: &site.name,
            url: Some(Cow::Borrowed(site.url.as_str())),
        })
        .into_iter()
        .collect()
    } else {
        article
            .authors()
            .iter()
            .map(|a| AgentLd {
                kind: author_type(&a.name),
                name: &a.name,
                url: a.url.as_ref().map(|u| view.absolute(u)),
            })
            .collect()
    };
    let node = ArticleLd {
        kind: schema_type(article.kind()),
        id: canonical.clone(),
        url: canonical.clone(),
        headline: article.title(),
        description: article.summary(),
        image: article.image().map(|image| ImageLd {
            width: image.width,
            height: image.height,
            caption: image.caption.as_deref(),
            credit_text: image.credit.as_deref(),
            ..image_ld(view, &image.url)
        }),
        date_published: article.published().map(|d| d.to_string()),
        date_modified: article
            .updated()
            .or(article.published())
            .map(|d| d.to_string()),
        author: authors,
        publisher: site.map(|site| PublisherLd {
            kind: "Organization",
            name: &site.name,
            url: site.url.as_str(),
            logo: site.logo.as_ref().map(|logo| image_ld(view, logo)),
        }),
        main_entity_of_page: canonical.map(|id| WebPageLd {
            kind: "WebPage",
            id,
        }),
        article_section: article.category().map(|c| c.name.as_str()),
        keywords: (!article.tags().is_empty()).then(|| article.tags().join(", ")),
        in_language: article.language(),
        word_count: view.reading_time.words() + view.reading_time.cjk_chars(),
        time_required: iso_minutes(view.reading_time.minutes()),
        is_based_on: article
            .sources()
            .iter()
            .map(|s| AgentLd {
                kind: "CreativeWork",
                name: &s.name,
                url: s.url.as_ref().map(|u| view.absolute(u)),
            })
            .collect(),
        digital_source_type: match article.provenance() {
            Provenance::AiGenerated => Some(TRAINED_ALGORITHMIC_MEDIA),
            Provenance::AiAssisted => Some(COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA),
            _ => None,
        },
    };
    let mut graph = vec![GraphNode::Article(Box::new(node))];
    if let Some(site) = site {
        let mut items = vec![ListItemLd {
            kind: "ListItem",
            position: 1,
            name: &site.name,
            item: Some(Cow::Borrowed(site.url.as_str())),
        }];
        if let Some(section) = &site.section {
            items.push(ListItemLd {
                kind: "ListItem",
                position: 2,
                name: &section.name,
                item: section.url.as_ref().map(|u| view.absolute(u)),
            });
        }
        graph.push(GraphNode::Breadcrumbs(BreadcrumbsLd {
            kind: "BreadcrumbList",
            item_list_element: items,
        }));
    }
    Graph {
        context: "https://schema.org",
        graph,
    }
}

/// Writes the JSON-LD graph into `out`, safe inside a `<script>` element.
pub(crate) fn write_json_ld(view: &View<'_>, out: &mut String) {
    write_script_json(&graph(view), out);
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

/// An ISO 8601 duration of whole minutes: `PT3M`.
pub(crate) fn iso_minutes(minutes: u32) -> String {
    format!("PT{minutes}M")
}

/// Writes `value` as JSON for a `<script>` element, straight into `out`: `<`, `>`, `&`,
/// U+2028 and U+2029 become `\uXXXX`, so no string in it can close the element, open a
/// comment or break a JavaScript parser. The JSON stays equal: these characters only
/// appear inside strings.
pub(crate) fn write_script_json(value: &impl Serialize, out: &mut String) {
    let mut json = Vec::with_capacity(2048);
    let mut serializer = serde_json::Serializer::with_formatter(&mut json, ScriptSafe);
    if value.serialize(&mut serializer).is_ok()
        && let Ok(json) = std::str::from_utf8(&json)
    {
        out.push_str(json);
    }
}

/// serde_json's compact output, with strings escaped for a `<script>` element.
struct ScriptSafe;

impl serde_json::ser::Formatter for ScriptSafe {
    fn write_string_fragment<W: ?Sized + std::io::Write>(
        &mut self,
        writer: &mut W,
        fragment: &str,
    ) -> std::io::Result<()> {
        let bytes = fragment.as_bytes();
        let mut copied = 0;
        let mut from = 0;
        // The next `<`, `>` or `&`, and the next E2 byte (U+2028 and U+2029 are E2 80 A8
        // and E2 80 A9 in UTF-8), each found by a vectorized search.
        let mut next_markup = memchr::memchr3(b'<', b'>', b'&', bytes);
        let mut next_e2 = memchr::memchr(0xE2, bytes);
        loop {
            let i = match (next_markup, next_e2) {
                (Some(m), Some(e)) => m.min(e),
                (Some(i), None) | (None, Some(i)) => i,
                (None, None) => break,
            };
            let escape: Option<&[u8]> = match bytes[i] {
                b'<' => Some(b"\\u003c"),
                b'>' => Some(b"\\u003e"),
                b'&' => Some(b"\\u0026"),
                _ => match bytes.get(i + 1..i + 3) {
                    Some([0x80, 0xA8]) => Some(b"\\u2028"),
                    Some([0x80, 0xA9]) => Some(b"\\u2029"),
                    _ => None,
                },
            };
            if let Some(escape) = escape {
                writer.write_all(&bytes[copied..i])?;
                writer.write_all(escape)?;
                copied = if bytes[i] == 0xE2 { i + 3 } else { i + 1 };
            }
            from = from.max(i + 1);
            if next_markup == Some(i) {
                next_markup = memchr::memchr3(b'<', b'>', b'&', &bytes[from..]).map(|p| from + p);
            }
            if next_e2 == Some(i) {
                next_e2 = memchr::memchr(0xE2, &bytes[from..]).map(|p| from + p);
            }
        }
        writer.write_all(&bytes[copied..])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_content_cannot_break_out() {
        let v = serde_json::json!({ "headline": "</script><!-- \u{2028}\u{2029} & >" });
        let mut s = String::new();
        write_script_json(&v, &mut s);
        assert_eq!(
            s,
            r#"{"headline":"\u003c/script\u003e\u003c!-- \u2028\u2029 \u0026 \u003e"}"#
        );
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
        // Escapes inside a string that is split around other escapes, and keys.
        let v = serde_json::json!({ "a<b": "x\"<\u{1}>\\&\u{2028}é\u{2029}\n" });
        let mut s = String::new();
        write_script_json(&v, &mut s);
        assert!(!s.contains(['<', '>', '&', '\u{2028}', '\u{2029}']), "{s}");
        let back: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn kinds_map_to_schema_types() {
        assert_eq!(schema_type(ArticleKind::News), "NewsArticle");
        assert_eq!(schema_type(ArticleKind::Analysis), "AnalysisNewsArticle");
        assert_eq!(schema_type(ArticleKind::Opinion), "OpinionNewsArticle");
    }
}
