//! The security suite: an attack corpus in every field, hostile Markdown, random articles,
//! all checked by one checker that fails on any forbidden construct in the page.
//!
//! The payloads are classic filter-evasion vectors of the kind collected in public XSS
//! cheat sheets and Markdown injection lists: script tags in many spellings, event
//! handlers, `javascript:` URLs obscured by case, entities, white space and control
//! characters, `data:` and `vbscript:` URLs, breaking out of attributes and of the
//! JSON-LD script, and Markdown links, images, autolinks, reference definitions,
//! footnotes and tables that carry them.

mod checker;

use checker::{Allow, forbidden_constructs};
use dateline::html::{self, HtmlOptions};
use dateline::text::{self, TextOptions};
use dateline::{Article, Limits};
use proptest::prelude::*;
use serde_json::{Value, json};

const PAYLOADS: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "</script><script>alert(1)</script>",
    "</ScRiPt ><!--",
    "<!--<script>-->alert(1)",
    "<img src=x onerror=alert(1)>",
    "<img src=\"x\" onerror=\"alert(1)\">",
    "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
    "<IMG SRC=javascript:alert(String.fromCharCode(88,83,83))>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "<body onload=alert(1)>",
    "<iframe src=\"javascript:alert(1)\"></iframe>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
    "<embed src=\"javascript:alert(1)\">",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
    "<a href=\"&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)\">x</a>",
    "<a href=\" &#14;  javascript:alert(1)\">x</a>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<button formaction=\"javascript:alert(1)\">x</button>",
    "<video poster=\"javascript:alert(1)\"></video>",
    "<img srcset=\"javascript:alert(1) 1x\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<base href=\"javascript:alert(1)//\">",
    "<link rel=\"import\" href=\"https://evil.example/\">",
    "<div style=\"background:url(javascript:alert(1))\">x</div>",
    "<style>@import 'https://evil.example/x.css';</style>",
    "\"><script>alert(1)</script>",
    "'><img src=x onerror=alert(1)>",
    "\" onmouseover=\"alert(1)",
    "' autofocus onfocus='alert(1)",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "java\u{0}script:alert(1)",
    "java\tscript:alert(1)",
    "\u{1}javascript:alert(1)",
    "vbscript:msgbox(1)",
    "data:text/html,<script>alert(1)</script>",
    "data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+",
    "file:///etc/passwd",
    "\u{2028}\u{2029}</script>",
    "\u{202e}gnp.exe",
    "\u{feff}\u{0}\u{7}\u{1b}[31m",
    "{{constructor.constructor('alert(1)')()}}",
    "${alert(1)}",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    // What input cleaning removes, brought back by character references in Markdown.
    "&#x202E;gnp.exe&#x2066;",
    "&#xFEFF;&#0;&#7;&#x1b;[31m&#x85;&#xFFFE;&#13;",
    "java&#9;script:alert(1)",
];

/// Markdown that carries a payload in each construct that takes a URL or text.
fn markdown_contexts(payload: &str) -> Vec<String> {
    vec![
        payload.to_owned(),
        format!("[click]({payload})"),
        format!("[click](<{payload}>)"),
        format!("[click](https://example.com \"{payload}\")"),
        format!("![{payload}]({payload})"),
        format!("![alt](x.png \"{payload}\")"),
        format!("<{payload}>"),
        format!("[ref][r]\n\n[r]: {payload}"),
        format!("[ref][r]\n\n[r]: https://example.com \"{payload}\""),
        format!("Note[^n]\n\n[^n]: {payload} [x]({payload})"),
        format!("| a | b |\n|---|---|\n| {payload} | [x]({payload}) |"),
        format!("# {payload}\n\n## [x]({payload})"),
        format!("> {payload}\n>\n> - [x]({payload})"),
        format!("```{payload}\n{payload}\n```"),
        format!("`{payload}`"),
        format!("<div>\n{payload}\n</div>"),
        format!("*{payload}* **[x]({payload})**"),
    ]
}

/// The URL fields of an article, as JSON pointers with a way to set them.
fn with_url(url: &str) -> Vec<Value> {
    vec![
        json!({"title": "T", "body": "B", "url": url}),
        json!({"title": "T", "body": "B", "category": {"name": "C", "url": url}}),
        json!({"title": "T", "body": "B", "authors": [{"name": "A", "url": url}]}),
        json!({"title": "T", "body": "B", "sources": [{"name": "S", "url": url}]}),
        json!({"title": "T", "body": "B", "image": {"url": url, "alt": "A"}}),
        json!({"title": "T", "body": "B", "related": [{"title": "R", "url": url}]}),
        json!({"title": "T", "body": "B", "related": [{"title": "R", "url": "/r", "image": {"url": url, "alt": ""}}]}),
        json!({"title": "T", "body": "B", "site": {"name": "S", "url": url}}),
        json!({"title": "T", "body": "B", "site": {"name": "S", "url": "https://s.example/", "logo": url, "section": {"name": "N", "url": url}}}),
    ]
}

/// Every text field of an article holding `text`.
fn with_text(text: &str) -> Value {
    json!({
        "title": text, "seo_title": text, "summary": text, "body": text, "label": text,
        "category": {"name": text, "url": "/c"},
        "published": "2026-01-05T09:00:00+09:00",
        "authors": [{"name": text, "url": "/a"}],
        "sources": [{"name": text, "url": "https://s.example/"}],
        "image": {"url": "/i.png", "alt": text, "caption": text, "credit": text, "width": 1, "height": 1},
        "tags": [text],
        "disclaimer": {"kind": "notice", "text": text},
        "related": [{"title": text, "url": "/r", "category": text, "summary": text,
                     "image": {"url": "/t.png", "alt": text}}],
        "comments": [{"author": text, "text": text}],
        "site": {"name": text, "url": "https://s.example/", "section": {"name": text, "url": "/s"}},
        "provenance": "ai_generated",
    })
}

/// Checks that the page and the text of `article` are safe, and that no character that
/// input cleaning removes reaches either.
#[track_caller]
fn assert_clean(article: &Article, options: &HtmlOptions, allow: Allow<'_>, context: &str) {
    let page = assert_safe(article, options, allow, context);
    assert!(
        !page.chars().any(hidden),
        "{context}: a control, bidi or noncharacter in the page"
    );
}

/// Checks that the page and the text of `article` are safe: no script, and no hidden
/// character in the text. Returns the page.
#[track_caller]
fn assert_safe(
    article: &Article,
    options: &HtmlOptions,
    allow: Allow<'_>,
    context: &str,
) -> String {
    let page = html::page(article, options);
    let found = forbidden_constructs(&page, allow);
    assert!(found.is_empty(), "{context}\n{found:#?}\n{page}");
    let text = text::render(article, &TextOptions::default());
    assert!(
        !text.chars().any(hidden),
        "{context}: a control, bidi or noncharacter in the text output"
    );
    page
}

/// A character that input cleaning removes, or a carriage return: none reaches an output.
fn hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t')
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}')
        || matches!(c, '\u{fdd0}'..='\u{fdef}')
        || (c as u32) & 0xfffe == 0xfffe
}

#[test]
fn payloads_in_every_text_field() {
    for payload in PAYLOADS {
        let json = with_text(payload).to_string();
        match Article::from_json(&json) {
            Ok(article) => assert_clean(&article, &HtmlOptions::default(), Allow::NOTHING, payload),
            // Fields that end up empty once control characters are gone are refused.
            Err(e) => assert!(
                matches!(e, dateline::Error::EmptyField { .. }),
                "{payload}: {e}"
            ),
        }
    }
}

#[test]
fn payloads_in_every_url_field_are_refused_or_harmless() {
    for payload in PAYLOADS {
        for value in with_url(payload) {
            match Article::from_json(&value.to_string()) {
                Ok(article) => {
                    assert_clean(&article, &HtmlOptions::default(), Allow::NOTHING, payload)
                }
                Err(e) => assert!(
                    matches!(e, dateline::Error::InvalidUrl { .. }),
                    "{payload}: expected a URL error, got {e}"
                ),
            }
        }
    }
}

#[test]
fn script_urls_in_url_fields_are_always_refused() {
    for url in [
        "javascript:alert(1)",
        "JAVASCRIPT:x",
        " javascript:x",
        "vbscript:x",
        "data:text/html,x",
        "file:///x",
        "java\u{0}script:x",
    ] {
        for value in with_url(url) {
            let err = Article::from_json(&value.to_string()).expect_err(url);
            assert!(
                matches!(err, dateline::Error::InvalidUrl { .. }),
                "{url}: {err}"
            );
        }
    }
}

#[test]
fn payloads_in_every_markdown_construct() {
    for payload in PAYLOADS {
        for body in markdown_contexts(payload) {
            let Ok(article) = Article::builder("T", body.clone()).build() else {
                continue; // a body of control characters alone is empty
            };
            assert_clean(&article, &HtmlOptions::default(), Allow::NOTHING, &body);
        }
    }
}

#[cfg(feature = "sanitize")]
#[test]
fn sanitized_raw_html_blocks_stay_safe() {
    let mut options = HtmlOptions::default();
    options.raw_html = dateline::RawHtml::sanitized();
    let allow = Allow {
        iframe_hosts: &["www.youtube-nocookie.com", "player.vimeo.com"],
    };
    for payload in PAYLOADS {
        for body in markdown_contexts(payload) {
            let Ok(article) = Article::builder("T", body.clone()).build() else {
                continue;
            };
            assert_clean(&article, &options, allow, &body);
        }
    }
    let article = Article::builder(
        "T",
        "<figure>\n<iframe src=\"https://www.youtube-nocookie.com/embed/abc\" onload=\"x()\"></iframe>\n<figcaption>Clip</figcaption>\n</figure>",
    )
    .build()
    .unwrap();
    let page = html::page(&article, &options);
    assert!(
        page.contains("<figure>") && page.contains("https://www.youtube-nocookie.com/embed/abc"),
        "{page}"
    );
    assert_clean(&article, &options, allow, "allowlisted embed");
}

#[test]
fn json_ld_cannot_be_broken_out_of() {
    for title in [
        "</script><script>alert(1)</script>",
        "<!--<script>",
        "a\u{2028}b\u{2029}c",
        "</SCRIPT >",
    ] {
        let article = Article::builder(title, "Body")
            .summary(title)
            .build()
            .unwrap();
        let json = html::json_ld(&article, &HtmlOptions::default());
        assert!(
            !json.contains('<')
                && !json.contains('>')
                && !json.contains('\u{2028}')
                && !json.contains('\u{2029}'),
            "{json}"
        );
        let parsed: Value = serde_json::from_str(&json).unwrap();
        assert_eq!(
            parsed["@graph"][0]["headline"], title,
            "the title round-trips"
        );
    }
}

/// The page's own words, which a host may set, are escaped like the article's text:
/// every label, the month names and the date, time and plural patterns.
#[test]
fn payloads_in_the_page_strings() {
    use dateline::locale::Strings;
    use std::borrow::Cow;
    let article = Article::from_json(
        &json!({
            "title": "T", "body": "## One\n\nText [link](/l).\n\n## Two\n\nMore.",
            "kind": "analysis", "provenance": "ai_generated",
            "published": "2026-01-05T09:00:00+09:00", "updated": "2026-01-05T15:00:00+09:00",
            "authors": [{"name": "A"}, {"name": "B"}],
            "sources": [{"name": "S", "url": "https://s.example/"}],
            "image": {"url": "/i.png", "alt": "A"},
            "related": [{"title": "R", "url": "/r", "published": "2026-01-04T09:00:00+09:00",
                         "reading_minutes": 3}],
            "comments": [{"author": "C", "text": "Hi", "posted": "2026-01-05T10:00:00+09:00"}],
            "site": {"name": "S", "url": "https://s.example/", "section": {"name": "N", "url": "/s"}},
        })
        .to_string(),
    )
    .unwrap();
    for payload in PAYLOADS {
        let text = Cow::Borrowed(*payload);
        let mut strings = Strings::for_language("en");
        for field in [
            &mut strings.related,
            &mut strings.comments,
            &mut strings.no_comments,
            &mut strings.published,
            &mut strings.updated,
            &mut strings.by,
            &mut strings.and,
            &mut strings.contents,
            &mut strings.site_navigation,
            &mut strings.notice,
            &mut strings.ai_generated_label,
            &mut strings.ai_assisted_label,
            &mut strings.colon,
            &mut strings.references,
            &mut strings.image,
        ] {
            *field = text.clone();
        }
        strings.kinds.iter_mut().for_each(|k| *k = text.clone());
        strings.notices.iter_mut().for_each(|n| *n = text.clone());
        strings.months = std::array::from_fn(|_| text.clone());
        strings.date_pattern = format!("{{day}} {payload} {{month_name}} {{year}}").into();
        strings.time_pattern = format!("{{hour}}{payload}{{minute}}").into();
        for plural in [&mut strings.min_read, &mut strings.sources] {
            plural.one = None;
            plural.other = format!("{{n}} {payload}").into();
        }
        let mut options = HtmlOptions::default();
        options.strings = Some(strings);
        options.table_of_contents = true;
        // The host's strings are trusted (SECURITY.md): escaped, but not cleaned.
        assert_safe(&article, &options, Allow::NOTHING, payload);
    }
}

#[test]
fn text_field_policy() {
    let family = "\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467}";
    let title = format!(
        "Bidi \u{202e}override\u{202c} and \u{2066}isolate\u{2069}, NUL \u{0}, BOM \u{feff}, {family}, Z{}",
        "\u{301}".repeat(200)
    );
    let article = Article::builder(title, "Body").build().unwrap();
    let cleaned = article.title();
    assert!(
        !cleaned.contains([
            '\u{202e}', '\u{202c}', '\u{2066}', '\u{2069}', '\u{0}', '\u{feff}'
        ]),
        "{cleaned:?}"
    );
    assert!(cleaned.contains(family), "ZWJ sequences survive");
    assert_eq!(
        cleaned.chars().filter(|c| *c == '\u{301}').count(),
        31,
        "stacked marks are capped"
    );
}

fn hostile_string() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        proptest::sample::select(PAYLOADS).prop_map(str::to_owned),
        "[<>\"'&;:/ ()\\[\\]!*#`=a-zA-Z0-9\u{0}-\u{1f}\u{202e}\u{2028}]{0,20}",
        any::<String>(),
    ];
    proptest::collection::vec(piece, 0..6).prop_map(|p| p.concat())
}

fn hostile_article() -> impl Strategy<Value = Value> {
    (
        hostile_string(),
        hostile_string(),
        hostile_string(),
        hostile_string(),
        hostile_string(),
    )
        .prop_map(|(a, b, c, d, e)| {
            json!({
                "title": a, "summary": b, "body": format!("{c}\n\n[{d}]({e}) ![{a}]({b}) <{e}>"),
                "category": d, "tags": [e], "authors": [{"name": a}],
                "image": {"url": "/i.png", "alt": b, "caption": c},
                "comments": [{"author": d, "text": e}],
                "related": [{"title": c, "url": "/r", "summary": a}],
                "site": {"name": b, "url": "https://s.example/"}
            })
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(500)
    ))]

    #[test]
    fn random_articles_never_panic_and_stay_safe(value in hostile_article()) {
        if let Ok(article) = Article::from_json(&value.to_string()) {
            let page = html::page(&article, &HtmlOptions::default());
            let found = forbidden_constructs(&page, Allow::NOTHING);
            prop_assert!(found.is_empty(), "{:#?}", found);
            let _ = text::render(&article, &TextOptions::default());
        }
    }

    #[test]
    fn random_bytes_are_an_error_or_an_article(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let limits = Limits::default();
        let _ = Article::from_json_slice(&bytes, &limits);
        let _ = Article::from_markdown_slice(&bytes, &limits);
        let mut with_front = b"+++\ntitle = \"T\"\n".to_vec();
        with_front.extend_from_slice(&bytes);
        let _ = Article::from_markdown_slice(&with_front, &limits);
    }
}
