//! Head metadata: title, description, canonical link, Open Graph, Twitter card, JSON-LD.

use maud::{Markup, PreEscaped, html};
use serde_json::{Value, json};

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
        let canonical = article.canonical_url();
        let site = article.site();
        let image = article.image().map(|i| {
            (
                i,
                match site {
                    Some(s) => i.url.resolve(&s.url),
                    None => i.url.clone(),
                },
            )
        });
        let absolute = |url: &crate::Url| match site {
            Some(s) => url.resolve(&s.url).to_string(),
            None => url.to_string(),
        };
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
                meta property="article:author" content=(author.url.as_ref().map_or(author.name.clone(), &absolute)); "\n"
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
            script type="application/ld+json" { (PreEscaped(json_ld_string(&json_ld(view)))) } "\n"
        }
    }
}

/// The JSON-LD graph: the article, and a breadcrumb list for the site bar.
pub(crate) fn json_ld(view: &View<'_>) -> Value {
    let article = view.article;
    let site = article.site();
    let absolute = |url: &crate::Url| match site {
        Some(s) => url.resolve(&s.url).to_string(),
        None => url.to_string(),
    };
    let mut node = json!({
        "@type": schema_type(article.kind()),
        "headline": article.title(),
        "inLanguage": article.language(),
        "wordCount": view.reading_time.words() + view.reading_time.cjk_chars(),
        "timeRequired": iso_minutes(view.reading_time.minutes()),
    });
    let obj = node.as_object_mut().expect("a JSON object");
    if let Some(summary) = article.summary() {
        obj.insert("description".into(), summary.into());
    }
    if let Some(url) = article.canonical_url() {
        obj.insert("@id".into(), url.to_string().into());
        obj.insert("url".into(), url.to_string().into());
        obj.insert(
            "mainEntityOfPage".into(),
            json!({ "@type": "WebPage", "@id": url.to_string() }),
        );
    }
    if let Some(image) = article.image() {
        let mut img = json!({ "@type": "ImageObject", "url": absolute(&image.url) });
        if let Some(w) = image.width {
            img["width"] = w.into();
        }
        if let Some(h) = image.height {
            img["height"] = h.into();
        }
        if let Some(caption) = &image.caption {
            img["caption"] = caption.as_str().into();
        }
        if let Some(credit) = &image.credit {
            img["creditText"] = credit.as_str().into();
        }
        obj.insert("image".into(), img);
    }
    if let Some(published) = article.published() {
        obj.insert("datePublished".into(), published.to_string().into());
    }
    if let Some(updated) = article.updated().or(article.published()) {
        obj.insert("dateModified".into(), updated.to_string().into());
    }
    if !article.authors().is_empty() {
        let authors: Vec<Value> = article
            .authors()
            .iter()
            .map(|a| {
                let mut v = json!({ "@type": author_type(&a.name), "name": a.name });
                if let Some(url) = &a.url {
                    v["url"] = absolute(url).into();
                }
                v
            })
            .collect();
        obj.insert("author".into(), authors.into());
    } else if let Some(site) = site {
        obj.insert(
            "author".into(),
            json!({ "@type": "Organization", "name": site.name, "url": site.url.to_string() }),
        );
    }
    if let Some(site) = site {
        let mut publisher =
            json!({ "@type": "Organization", "name": site.name, "url": site.url.to_string() });
        if let Some(logo) = &site.logo {
            publisher["logo"] = json!({ "@type": "ImageObject", "url": absolute(logo) });
        }
        obj.insert("publisher".into(), publisher);
    }
    if let Some(category) = article.category() {
        obj.insert("articleSection".into(), category.name.as_str().into());
    }
    if !article.tags().is_empty() {
        obj.insert("keywords".into(), article.tags().join(", ").into());
    }
    if !article.sources().is_empty() {
        let sources: Vec<Value> = article
            .sources()
            .iter()
            .map(|s| {
                let mut v = json!({ "@type": "CreativeWork", "name": s.name });
                if let Some(url) = &s.url {
                    v["url"] = absolute(url).into();
                }
                v
            })
            .collect();
        obj.insert("isBasedOn".into(), sources.into());
    }
    match article.provenance() {
        Provenance::AiGenerated => {
            obj.insert("digitalSourceType".into(), TRAINED_ALGORITHMIC_MEDIA.into());
        }
        Provenance::AiAssisted => {
            obj.insert(
                "digitalSourceType".into(),
                COMPOSITE_WITH_TRAINED_ALGORITHMIC_MEDIA.into(),
            );
        }
        _ => {}
    }

    let mut graph = vec![node];
    if let Some(site) = site {
        let mut items = vec![
            json!({ "@type": "ListItem", "position": 1, "name": site.name, "item": site.url.to_string() }),
        ];
        if let Some(section) = &site.section {
            let mut item = json!({ "@type": "ListItem", "position": 2, "name": section.name });
            if let Some(url) = &section.url {
                item["item"] = absolute(url).into();
            }
            items.push(item);
        }
        graph.push(json!({ "@type": "BreadcrumbList", "itemListElement": items }));
    }
    json!({ "@context": "https://schema.org", "@graph": graph })
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

/// JSON for a `<script>` element: `<`, `>`, `&`, U+2028 and U+2029 are written as `\uXXXX`,
/// so no string in it can close the element, open a comment, or break a JavaScript parser.
pub(crate) fn json_ld_string(value: &Value) -> String {
    let json = serde_json::to_string(value).expect("a JSON value serializes");
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        match c {
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            '&' => out.push_str("\\u0026"),
            '\u{2028}' => out.push_str("\\u2028"),
            '\u{2029}' => out.push_str("\\u2029"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn script_content_cannot_break_out() {
        let v = json!({ "headline": "</script><!-- \u{2028}\u{2029} & >" });
        let s = json_ld_string(&v);
        assert_eq!(
            s,
            r#"{"headline":"\u003c/script\u003e\u003c!-- \u2028\u2029 \u0026 \u003e"}"#
        );
        let back: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(back, v);
    }

    #[test]
    fn kinds_map_to_schema_types() {
        assert_eq!(schema_type(ArticleKind::News), "NewsArticle");
        assert_eq!(schema_type(ArticleKind::Analysis), "AnalysisNewsArticle");
        assert_eq!(schema_type(ArticleKind::Opinion), "OpinionNewsArticle");
    }
}
