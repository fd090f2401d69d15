//! Head metadata: title, description, canonical link, Open Graph, Twitter card, JSON-LD.

use std::borrow::Cow;

use maud::{Markup, Render, html};
use serde::Serialize;

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

/// The `<head>` contents for an article.
pub(crate) fn head(view: &View<'_>) -> Markup {
    {
        let article = view.article;
        let title = article.seo_title().unwrap_or(article.title());
        let canonical = article.url().map(|url| view.absolute(url));
        let site = article.site();
        let image = article.image().map(|i| (i, view.absolute(&i.url)));
        let twitter_card = if image.is_some() {
            "summary_large_image"
        } else {
            "summary"
        };
        html! {
            meta charset="utf-8"; "\n"
            meta name="viewport" content="width=device-width, initial-scale=1"; "\n"
            title { (title) @if let Some(site) = site { " | " (site.name) } } "\n"
            @if let Some(summary) = article.summary() {
                meta name="description" content=(summary); "\n"
            }
            @if let Some(url) = &canonical {
                link rel="canonical" href=(url); "\n"
            }
            @if !article.authors().is_empty() {
                meta name="author" content=(view.strings.join(&view.author_names())); "\n"
            }
            @if !article.tags().is_empty() {
                meta name="keywords" content=(article.tags().join(", ")); "\n"
            }
            meta property="og:type" content="article"; "\n"
            meta property="og:title" content=(title); "\n"
            @if let Some(summary) = article.summary() {
                meta property="og:description" content=(summary); "\n"
            }
            @if let Some(url) = &canonical {
                meta property="og:url" content=(url); "\n"
            }
            @if let Some((image, url)) = &image {
                meta property="og:image" content=(url); "\n"
                meta property="og:image:alt" content=(image.alt); "\n"
                @if let Some(w) = image.width { meta property="og:image:width" content=(w); }
                @if let Some(h) = image.height { meta property="og:image:height" content=(h); }
            }
            @if let Some(site) = site {
                meta property="og:site_name" content=(site.name); "\n"
            }
            meta property="og:locale" content=(og_locale(article.language())); "\n"
            @if let Some(published) = article.published() {
                meta property="article:published_time" content=(published.to_string()); "\n"
            }
            @if let Some(updated) = article.updated() {
                meta property="article:modified_time" content=(updated.to_string()); "\n"
            }
            @if let Some(category) = article.category() {
                meta property="article:section" content=(category.name); "\n"
            }
            @for tag in article.tags() {
                meta property="article:tag" content=(tag); "\n"
            }
            @for author in article.authors() {
                meta property="article:author" content=(author.url.as_ref().map_or(Cow::Borrowed(author.name.as_str()), |u| view.absolute(u))); "\n"
            }
            meta name="twitter:card" content=(twitter_card); "\n"
            meta name="twitter:title" content=(title); "\n"
            @if let Some(summary) = article.summary() {
                meta name="twitter:description" content=(summary); "\n"
            }
            @if let Some((image, url)) = &image {
                meta name="twitter:image" content=(url); "\n"
                meta name="twitter:image:alt" content=(image.alt); "\n"
            }
            script type="application/ld+json" { (JsonLd { view }) } "\n"
        }
    }
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
    let json = serde_json::to_string(&graph(view)).expect("the JSON-LD graph serializes");
    escape_for_script(&json, out);
}

/// The JSON-LD, written straight into the page.
struct JsonLd<'v, 'a> {
    view: &'v View<'a>,
}

impl Render for JsonLd<'_, '_> {
    fn render_to(&self, buffer: &mut String) {
        write_json_ld(self.view, buffer);
    }
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

/// Writes JSON for a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 become `\uXXXX`,
/// so no string in it can close the element, open a comment or break a JavaScript parser.
/// The JSON stays equal: these characters only appear inside strings.
pub(crate) fn escape_for_script(json: &str, out: &mut String) {
    out.reserve(json.len() + 16);
    let bytes = json.as_bytes();
    let mut copied = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = match b {
            b'<' => "\\u003c",
            b'>' => "\\u003e",
            b'&' => "\\u0026",
            // U+2028 and U+2029 are E2 80 A8 and E2 80 A9 in UTF-8.
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA8) => "\\u2028",
            0xE2 if bytes.get(i + 1) == Some(&0x80) && bytes.get(i + 2) == Some(&0xA9) => "\\u2029",
            _ => continue,
        };
        out.push_str(&json[copied..i]);
        out.push_str(escape);
        copied = if b == 0xE2 { i + 3 } else { i + 1 };
    }
    out.push_str(&json[copied..]);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_content_cannot_break_out() {
        let v = serde_json::json!({ "headline": "</script><!-- \u{2028}\u{2029} & >" });
        let mut s = String::new();
        escape_for_script(&serde_json::to_string(&v).unwrap(), &mut s);
        assert_eq!(
            s,
            r#"{"headline":"\u003c/script\u003e\u003c!-- \u2028\u2029 \u0026 \u003e"}"#
        );
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
