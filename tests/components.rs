//! Each part of the page alone, as a host embeds it: through maud or as a String.

mod common;

use std::path::Path;

use dateline::html::{self, HtmlOptions, Page};
use maud::html;

#[test]
fn every_component_renders_alone() {
    let article = common::sample();
    let options = HtmlOptions::default();
    let page = Page::new(&article, &options);
    insta::assert_snapshot!("site_bar", page.site_bar().to_string());
    insta::assert_snapshot!("byline", page.byline().to_string());
    insta::assert_snapshot!("notices", page.notices().to_string());
    insta::assert_snapshot!("comments", page.comments().to_string());
    insta::assert_snapshot!("related", page.related().to_string());
    insta::assert_snapshot!("figure", page.figure().to_string());
    insta::assert_snapshot!("table_of_contents", page.table_of_contents().to_string());
}

#[test]
fn components_embed_in_a_host_maud_template() {
    let article = common::sample();
    let options = HtmlOptions::default();
    let page = Page::new(&article, &options);
    let markup = html! {
        div.host { (page.header()) (page.body()) }
        aside.host-rail { (page.related()) }
    };
    let html = markup.into_string();
    assert!(html.starts_with(r#"<div class="host"><header class="dl-article-header">"#));
    assert!(html.contains(r#"<div class="dl-body">"#));
    assert!(html.contains(r#"<aside class="host-rail"><section class="dl-related""#));
}

#[test]
fn the_article_fragment_keeps_language_and_direction() {
    let article = common::load(Path::new("tests/fixtures/arabic.json"));
    let fragment = html::article(&article, &HtmlOptions::default());
    assert!(
        fragment.starts_with(r#"<article class="dl-article" lang="ar" dir="rtl">"#),
        "{fragment}"
    );
    let page = html::page(&article, &HtmlOptions::default());
    assert!(page.starts_with(r#"<!DOCTYPE html><html lang="ar" dir="rtl">"#));
}

#[test]
fn page_document_equals_the_page_function() {
    let article = common::sample();
    let options = HtmlOptions::default();
    assert_eq!(
        Page::new(&article, &options).document().to_string(),
        html::page(&article, &options)
    );
    assert_eq!(
        Page::new(&article, &options).article().to_string(),
        html::article(&article, &options)
    );
}

#[test]
fn one_parse_gives_the_page_and_the_text_that_two_renders_give() {
    use dateline::locale::Strings;
    use dateline::text::{self, LinkStyle, TextOptions};
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut articles = vec![common::sample()];
    for entry in std::fs::read_dir(fixtures).unwrap() {
        let path = entry.unwrap().path();
        if path.is_file() {
            articles.push(common::load(&path));
        }
    }
    assert!(articles.len() >= 13);
    let mut options = HtmlOptions::default();
    options.table_of_contents = true;
    let mut narrow = TextOptions::default();
    narrow.width = 40;
    narrow.links = LinkStyle::Inline;
    narrow.strings = Some(Strings::for_language("ko"));
    // Raw HTML blocks kept in the tree for the page change nothing in the text.
    #[cfg(feature = "sanitize")]
    {
        options.raw_html = dateline::RawHtml::sanitized();
        articles.push(
            dateline::Article::from_json(
                r#"{"title": "Kept", "body": "One.\n\n<figure><img src=\"/a.png\" alt=\"A\"></figure>\n\nTwo."}"#,
            )
            .unwrap(),
        );
    }
    for article in &articles {
        for text_options in [&TextOptions::default(), &narrow] {
            let (page, plain) = Page::with_text(article, &options, text_options);
            assert_eq!(
                plain,
                text::render(article, text_options),
                "{}",
                article.title()
            );
            assert_eq!(
                page.document().to_string(),
                html::page(article, &options),
                "{}",
                article.title()
            );
        }
    }
}

#[test]
fn head_alone_has_the_metadata() {
    let head = html::head(&common::sample(), &HtmlOptions::default());
    for needle in [
        r#"<link rel="canonical" href="https://liabooks.example/politics/kim-jong-un-regional-development-20x10">"#,
        r#"<meta property="og:type" content="article">"#,
        r#"<meta property="og:image:width" content="1200">"#,
        r#"<meta property="article:published_time" content="2026-01-12T08:30:00+09:00">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#"<script type="application/ld+json">"#,
    ] {
        assert!(head.contains(needle), "{needle}");
    }
}

#[test]
fn social_tags_take_only_absolute_urls() {
    let fields = r#""title": "T", "body": "B", "url": "/a/b",
        "image": {"url": "/i.png", "alt": "A"}, "authors": [{"name": "N", "url": "/n"}]"#;
    // With no site URL, relative URLs stay relative: Open Graph and Twitter cards, which
    // take absolute URLs only, leave them out; the canonical link and JSON-LD keep them.
    let article = dateline::Article::from_json(&format!("{{{fields}}}")).unwrap();
    let head = html::head(&article, &HtmlOptions::default());
    for absent in ["og:url", "og:image", "twitter:image", r#"content="/n""#] {
        assert!(!head.contains(absent), "{absent} in {head}");
    }
    for present in [
        r#"<link rel="canonical" href="/a/b">"#,
        r#"<meta name="twitter:card" content="summary">"#,
        r#"<meta property="article:author" content="N">"#,
        r#""image":{"@type":"ImageObject","url":"/i.png"}"#,
    ] {
        assert!(head.contains(present), "{present} not in {head}");
    }
    // A site URL makes them absolute, and the tags come back.
    let site = r#""site": {"name": "S", "url": "https://s.example/"}"#;
    let article = dateline::Article::from_json(&format!("{{{fields}, {site}}}")).unwrap();
    let head = html::head(&article, &HtmlOptions::default());
    for present in [
        r#"<meta property="og:url" content="https://s.example/a/b">"#,
        r#"<meta property="og:image" content="https://s.example/i.png">"#,
        r#"<meta name="twitter:card" content="summary_large_image">"#,
        r#"<meta name="twitter:image" content="https://s.example/i.png">"#,
        r#"<meta property="article:author" content="https://s.example/n">"#,
    ] {
        assert!(head.contains(present), "{present} not in {head}");
    }
}

#[test]
fn json_ld_has_every_property_for_a_full_article() {
    let article = common::load(Path::new("tests/fixtures/full.json"));
    let json: serde_json::Value =
        serde_json::from_str(&html::json_ld(&article, &HtmlOptions::default())).unwrap();
    let node = &json["@graph"][0];
    for key in [
        "headline",
        "description",
        "image",
        "datePublished",
        "dateModified",
        "author",
        "publisher",
        "mainEntityOfPage",
        "articleSection",
        "keywords",
        "inLanguage",
        "wordCount",
        "timeRequired",
        "isBasedOn",
        "digitalSourceType",
    ] {
        assert!(!node[key].is_null(), "JSON-LD lacks {key}");
    }
    assert_eq!(node["@type"], "NewsArticle");
    assert_eq!(
        node["image"]["url"],
        "https://news.example/images/2026/02/plant.jpg"
    );
    assert_eq!(node["author"][0]["@type"], "Person");
    assert_eq!(node["author"][2]["@type"], "Organization");
    assert_eq!(
        node["author"][2]["url"],
        "https://news.example/authors/asia-desk"
    );
    assert_eq!(
        node["publisher"]["logo"]["url"],
        "https://news.example/logo.png"
    );
    assert_eq!(node["timeRequired"], "PT1M");
    assert_eq!(json["@graph"][1]["@type"], "BreadcrumbList");
    assert_eq!(
        json["@graph"][1]["itemListElement"][1]["item"],
        "https://news.example/world"
    );
}

#[test]
fn update_on_the_day_of_publication_shows_the_time() {
    let article = common::load(Path::new("tests/fixtures/full.json"));
    let options = HtmlOptions::default();
    let page = Page::new(&article, &options);
    let byline = page.byline().to_string();
    assert!(
        byline.contains(r#"Updated <time datetime="2026-02-05T11:30:00+00:00">11:30</time>"#),
        "{byline}"
    );
}

#[test]
fn hostile_text_fields_are_escaped() {
    let article = common::load(Path::new("tests/fixtures/full.json"));
    let page = html::page(&article, &HtmlOptions::default());
    assert!(page.contains("&lt;b&gt;Not bold&lt;/b&gt;"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(
        page.matches("<script").count(),
        1,
        "only the JSON-LD script"
    );
}

#[test]
fn the_byline_joins_names_as_the_strings_do() {
    // The byline links each name, so it joins them itself; it must join them as the
    // author meta tag and plain text do.
    let names = ["Kim", "Lee", "Park"];
    for language in ["en", "zh", "ja", "ar", "ko", "fr"] {
        for count in 1..=3 {
            let authors: Vec<String> = names[..count]
                .iter()
                .enumerate()
                .map(|(i, name)| {
                    // One name with a link, so that both kinds of author are joined.
                    let url = if i == 1 { r#", "url": "/a""# } else { "" };
                    format!(r#"{{"name": "{name}"{url}}}"#)
                })
                .collect();
            let json = format!(
                r#"{{"title": "T", "body": "B", "language": "{language}", "authors": [{}]}}"#,
                authors.join(", ")
            );
            let article = dateline::Article::from_json(&json).unwrap();
            let options = HtmlOptions::default();
            let byline = Page::new(&article, &options).byline().to_string();
            let start = byline.find("<p class=\"dl-byline\">").unwrap();
            let end = start + byline[start..].find("</p>").unwrap();
            let mut text = String::new();
            let mut in_tag = false;
            for c in byline[start..end].chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => text.push(c),
                    _ => {}
                }
            }
            let strings = dateline::locale::Strings::for_language(language);
            let expected = format!("{} {}", strings.by, strings.join(&names[..count]));
            assert_eq!(text, expected, "{language}, {count} names");
        }
    }
}

#[test]
fn footnote_links_back_are_named_in_the_page_language() {
    let body = "One[^a], two[^a].\\n\\n[^a]: The note.";
    let labels = |language: &str, options: &HtmlOptions| {
        let json = format!(r#"{{"title": "T", "body": "{body}", "language": "{language}"}}"#);
        let article = dateline::Article::from_json(&json).unwrap();
        let html = Page::new(&article, options).body().to_string();
        html.split("aria-label=\"")
            .skip(1)
            .map(|rest| rest[..rest.find('"').unwrap()].to_owned())
            .collect::<Vec<_>>()
    };
    let options = HtmlOptions::default();
    assert_eq!(
        labels("en", &options),
        ["Back to reference 1", "Back to reference 1-2"]
    );
    assert_eq!(
        labels("ko", &options),
        [
            "본문의 참조 1 위치로 돌아가기",
            "본문의 참조 1-2 위치로 돌아가기"
        ]
    );
    assert_eq!(labels("fr", &options)[0], "Retour à la référence 1");
    // A host's own words are escaped like any other text.
    let mut strings = dateline::locale::Strings::for_language("en");
    strings.back_to_reference = "\"Up\" to {n}".into();
    let mut options = HtmlOptions::default();
    options.strings = Some(strings);
    assert_eq!(labels("en", &options)[0], "&quot;Up&quot; to 1");
}

/// The `lang` in force at the text node that contains `needle`, or at the element that
/// `selector` picks when `needle` is empty (for the language of its `aria-label`).
fn lang_at(html: &str, needle: &str, selector: &str) -> String {
    attribute_at(html, needle, selector, "lang")
}

/// The `dir` in force at the text node that contains `needle`.
fn dir_at(html: &str, needle: &str) -> String {
    attribute_at(html, needle, "", "dir")
}

/// The inherited attribute `name` in force at the text node that contains `needle`, or
/// at the element that `selector` picks when `needle` is empty.
fn attribute_at(html: &str, needle: &str, selector: &str, name: &str) -> String {
    let document = scraper::Html::parse_document(html);
    let start = if needle.is_empty() {
        let selector = scraper::Selector::parse(selector).unwrap();
        *document
            .select(&selector)
            .next()
            .expect("an element for the selector")
    } else {
        document
            .tree
            .nodes()
            .find(|node| node.value().as_text().is_some_and(|t| t.contains(needle)))
            .unwrap_or_else(|| panic!("no text {needle:?}"))
    };
    std::iter::once(start)
        .chain(start.ancestors())
        .find_map(|node| node.value().as_element()?.attr(name))
        .unwrap_or_default()
        .to_owned()
}

#[test]
fn the_page_marks_its_own_words_when_they_are_not_in_the_article_language() {
    // Indonesian has no built-in strings: the page's words are English.
    let article = common::load(&Path::new("tests/fixtures").join("indonesian.json"));
    let html = html::page(&article, &HtmlOptions::default());
    for words in [
        "By ",
        " and ",
        "Updated ",
        "January 13, 2026",
        "1 min read",
        "Sources: ",
        "AI Analysis",
        "This article was generated by AI",
        "Comments",
        "January 12, 2026",
        "Related articles",
        "January 5, 2026",
        "4 min read",
    ] {
        assert_eq!(lang_at(&html, words, ""), "en", "{words:?}");
    }
    for label in ["nav.dl-site-nav", "aside.dl-notice", "a.footnote-backref"] {
        assert_eq!(lang_at(&html, "", label), "en", "aria-label of {label}");
    }
    for content in [
        "Berita Contoh",
        "Dunia",
        "Politik",
        "Korea Utara menempatkan",
        "Meja Asia",
        "Dewi Lestari",
        "Kantor Berita Yonhap",
        "Perdana Menteri Pak Thae-song",
        "Apa yang dijanjikan",
        "Menurut kantor berita",
        "pembaca_2",
        "Dua puluh pabrik setahun",
        "Penjelasan",
        "Cara membaca media",
    ] {
        assert_eq!(lang_at(&html, content, ""), "id", "{content:?}");
    }
    // An article's own label and notice text are in its language.
    let own = article
        .to_builder()
        .label("Analisis")
        .disclaimer(dateline::Disclaimer::with_text(
            dateline::DisclaimerKind::AiGenerated,
            "Teks ini dibuat oleh AI dan diperiksa.",
        ))
        .build()
        .unwrap();
    let html = html::page(&own, &HtmlOptions::default());
    assert_eq!(lang_at(&html, "Analisis", ""), "id");
    assert_eq!(lang_at(&html, "Teks ini dibuat oleh AI", ""), "id");
    assert_eq!(
        lang_at(&html, "", "aside.dl-notice"),
        "en",
        "the notice's name"
    );

    // With built-in strings, or the host's own, only `<html>` and `<article>` say it.
    let count = |html: &str| html.matches(" lang=\"").count();
    assert_eq!(
        count(&html::page(&common::sample(), &HtmlOptions::default())),
        2
    );
    // Strings the host translated, saying so, add nothing; English ones asked for by a
    // language without built-in strings say they are English.
    let mut translated = dateline::locale::Strings::for_language("id");
    translated.language = "id".into();
    let mut options = HtmlOptions::default();
    options.strings = Some(translated);
    assert_eq!(count(&html::page(&article, &options)), 2);
    options.strings = Some(dateline::locale::Strings::for_language("id"));
    assert_eq!(
        html::page(&article, &options),
        html::page(&article, &HtmlOptions::default())
    );
}

/// Checks the language and direction in force at each text of `texts`.
#[track_caller]
fn assert_marked(html: &str, texts: &[&str], lang: &str, dir: &str) {
    for text in texts {
        let found = (lang_at(html, text, ""), dir_at(html, text));
        assert_eq!(
            (found.0.as_str(), found.1.as_str()),
            (lang, dir),
            "{text:?}"
        );
    }
}

#[test]
fn words_that_go_the_other_way_say_their_direction() {
    // Persian has no built-in strings: English words on a right-to-left page.
    let article = common::load(&Path::new("tests/fixtures").join("persian.json"));
    let html = html::page(&article, &HtmlOptions::default());
    let words = [
        "By ",
        "Updated ",
        "January 13, 2026",
        "1 min read",
        "Source: ",
        "AI Analysis",
        "This article was generated by AI",
        "Comments",
        "January 12, 2026",
        "Related articles",
        "4 min read",
    ];
    assert_marked(&html, &words, "en", "ltr");
    // The article's names inside them go right to left again; the rest of the page
    // takes the article's direction.
    let content = [
        "میز آسیا",
        "خبرگزاری مرکزی کره",
        "کره شمالی کارخانه‌های",
        "برنامه چه وعده‌ای می‌دهد",
        "اخبار نمونه",
        "بیست کارخانه در سال",
    ];
    assert_marked(&html, &content, "fa", "rtl");
    // The notice's box keeps the page's side; only its paragraphs turn.
    assert_eq!(
        attribute_at(&html, "", "aside.dl-notice", "dir"),
        "rtl",
        "the notice box"
    );

    // A host's strings in another language than the article's are marked with it: Arabic
    // words on an English page, the English names inside them.
    let sample = common::sample();
    let arabic = dateline::locale::Strings::for_language("ar");
    let mut options = HtmlOptions::default();
    options.strings = Some(arabic.clone());
    let html = html::page(&sample, &options);
    let words = [&*arabic.comments, &*arabic.related, &*arabic.by];
    assert_marked(&html, &words, "ar", "rtl");
    let content = [
        "PRISM Desk",
        "Korean Central News Agency",
        "Why Kim Jong-un",
    ];
    assert_marked(&html, &content, "en", "ltr");
    // The same language in another region is the same language: nothing to mark.
    options.strings = Some(dateline::locale::Strings::for_language("en-GB"));
    let html = html::page(&sample, &options);
    assert_eq!(html.matches(" lang=\"").count(), 2);
    assert!(!html.contains(" dir=\"rtl"));
}

#[test]
fn a_host_language_tag_is_escaped_wherever_it_marks_words() {
    let article = common::load(&Path::new("tests/fixtures").join("portuguese.json"));
    let mut strings = dateline::locale::Strings::for_language("en");
    strings.language = "x\"><script>alert(1)</script>".into();
    let mut options = HtmlOptions::default();
    options.strings = Some(strings);
    let html = html::page(&article, &options);
    assert!(!html.contains("<script>alert"), "{html}");
    assert!(html.contains("lang=\"x&quot;&gt;&lt;script&gt;"));
    // The footnote's link back is one of the places.
    assert!(html.contains(
        "footnote-backref\" data-footnote-backref data-footnote-backref-idx=\"1\" lang=\"x&quot;"
    ));
}

/// Every `id` of `html`, and every id that its links (`href="#…"`) and labels
/// (`aria-labelledby`) point to.
fn ids_and_references(html: &str) -> (Vec<String>, Vec<String>) {
    let document = scraper::Html::parse_document(html);
    let all = scraper::Selector::parse("*").unwrap();
    let mut ids = Vec::new();
    let mut references = Vec::new();
    for element in document.select(&all) {
        let element = element.value();
        ids.extend(element.attr("id").map(str::to_owned));
        if let Some(fragment) = element.attr("href").and_then(|h| h.strip_prefix('#')) {
            references.push(fragment.to_owned());
        }
        if let Some(labels) = element.attr("aria-labelledby") {
            references.extend(labels.split_ascii_whitespace().map(str::to_owned));
        }
    }
    (ids, references)
}

/// A body whose headings would take the ids of the page's own parts and of its footnotes.
const ID_CLASHES: &str = r###"{
    "title": "Ids",
    "body": "## DL comments title\n\nA claim.[^visits] Again.[^visits] Then.[^visits-2] And.[^visits-2_]\n\n## DL related title\n\n## DL toc title\n\n## Fn visits\n\n## Fnref visits\n\n## Fnref visits 2\n\n## Fn visits\n\n## !!!\n\n## 🎉\n\n[^visits]: Where it was said.\n\n[^visits-2]: A note named like the second reference to the first.\n\n[^visits-2_]: And one named like that one renamed.",
    "related": [{"title": "Earlier", "url": "/earlier"}],
    "comments": [{"author": "Min", "posted": "2026-01-12T10:00:00+09:00", "text": "Noted."}]
}"###;

#[test]
fn ids_on_a_page_are_unique_and_every_link_to_one_finds_it() {
    let article = dateline::Article::from_json(ID_CLASHES).unwrap();
    let mut options = HtmlOptions::default();
    options.table_of_contents = true;
    for prefix in ["", "story-7-"] {
        options.id_prefix = prefix.into();
        let page = html::page(&article, &options);
        let (ids, references) = ids_and_references(&page);
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "repeated ids: {ids:?}");
        // The table of contents, 9 headings, three footnotes with 4 references, comments
        // and related articles.
        assert!(ids.len() >= 19, "{ids:?}");
        for id in &ids {
            assert!(id.starts_with(prefix), "{id} without the prefix {prefix}");
            assert!(id.len() > prefix.len(), "an empty id: {ids:?}");
        }
        for reference in &references {
            assert!(
                ids.contains(reference),
                "nothing has the id {reference}: {ids:?}"
            );
        }
        assert!(references.len() >= 19, "{references:?}");
    }
}

#[test]
fn the_id_prefix_keeps_what_ids_and_links_can_hold() {
    let article = dateline::Article::from_json(ID_CLASHES).unwrap();
    let mut options = HtmlOptions::default();
    options.id_prefix = " story 7\t\"><#%/기사:1.x_ ".into();
    let html = html::article(&article, &options);
    assert!(
        html.contains(r#"<h2 id="story7기사:1.x_dl-comments-title-1">"#),
        "{html}"
    );
    let (ids, references) = ids_and_references(&html);
    assert!(
        ids.iter().all(|id| id.starts_with("story7기사:1.x_")),
        "{ids:?}"
    );
    assert!(references.iter().all(|r| ids.contains(r)), "{references:?}");
}
