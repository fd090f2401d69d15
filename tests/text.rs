//! The plain-text renderer against its promises, on random Markdown: lines fit the width,
//! every word of the body survives, and no markup leaks.

use dateline::Article;
use dateline::text::{self, LinkStyle, TextOptions};
use proptest::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Words that must survive, each recognisable in the output.
const WORDS: &[&str] = &[
    "alpha",
    "bravo",
    "charlie",
    "delta",
    "echo",
    "foxtrot",
    "golf",
    "hotel",
    "india",
    "juliet",
    "한국어",
    "문장입니다",
    "Привет",
    "naïve",
];

/// A line of a code block: verbatim, so exempt from the width.
const CODE: &str = "§code§";

fn inline() -> impl Strategy<Value = String> {
    let word = proptest::sample::select(WORDS).prop_map(str::to_owned);
    prop_oneof![
        6 => word.clone(),
        1 => word.clone().prop_map(|w| format!("*{w}*")),
        1 => word.clone().prop_map(|w| format!("**{w}**")),
        1 => word.clone().prop_map(|w| format!("[{w}](https://example.com/{w})")),
        1 => word.clone().prop_map(|w| format!("`{w}`")),
        1 => Just("<b>raw</b>".to_owned()),
        // After a word: at the start of a line a comment opens an HTML block, which is
        // dropped whole, words and all.
        1 => word.clone().prop_map(|w| format!("{w} <!-- hidden -->")),
        1 => Just("https://example.com/a/very/long/path/that/cannot/be/broken/anywhere/at/all".to_owned()),
        1 => Just("東京タワーは高い".to_owned()),
        1 => Just("&amp; &lt;tag&gt;".to_owned()),
    ]
}

fn line() -> impl Strategy<Value = String> {
    proptest::collection::vec(inline(), 1..12).prop_map(|w| w.join(" "))
}

fn block() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => line(),
        1 => line().prop_map(|l| format!("## {l}")),
        1 => proptest::collection::vec(line(), 1..4).prop_map(|items| items.iter().map(|i| format!("- {i}")).collect::<Vec<_>>().join("\n")),
        1 => proptest::collection::vec(line(), 1..4).prop_map(|items| items.iter().enumerate().map(|(n, i)| format!("{}. {i}", n + 1)).collect::<Vec<_>>().join("\n")),
        1 => line().prop_map(|l| format!("> {l}\n>\n> > {l}")),
        1 => line().prop_map(|l| format!("- {l}\n  - {l}\n    - {l}")),
        1 => Just(format!("```\n{CODE} a very long line of code that is never wrapped, whatever the width is\n```")),
        1 => (line(), line()).prop_map(|(a, b)| format!("| a | b |\n|---|--:|\n| {a} | {b} |")),
        1 => Just("<div>block html</div>".to_owned()),
        1 => Just("---".to_owned()),
    ]
}

fn markdown() -> impl Strategy<Value = String> {
    proptest::collection::vec(block(), 1..8).prop_map(|b| b.join("\n\n"))
}

/// The text of a line with its quote, list and indent prefixes taken off.
fn content(line: &str) -> &str {
    line.trim_start_matches(|c: char| {
        c == ' ' || c == '>' || c == '|' || c == '-' || c.is_ascii_digit() || c == '.'
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(300)
    ))]

    #[test]
    fn text_keeps_its_promises(body in markdown(), width in prop_oneof![Just(0usize), 20usize..100]) {
        let article = Article::builder("Headline", body.clone()).build().unwrap();
        let mut options = TextOptions::default();
        options.width = width;
        let out = text::render(&article, &options);

        // Lines fit, but for code and single tokens that cannot be broken.
        if width > 0 {
            for line in out.lines() {
                if line.width() > width && !line.contains(CODE) {
                    let tokens = content(line).split_whitespace().count();
                    prop_assert!(tokens <= 1, "line wider than {}: {:?}\n{}", width, line, out);
                }
            }
        }
        // Every word of the body survives.
        for word in WORDS {
            if body.contains(word) {
                prop_assert!(out.contains(word), "{} is missing:\n{}\n{}", word, body, out);
            }
        }
        // No markup leaks: raw HTML is dropped, entities are decoded, emphasis is gone.
        let without_entities = out.replace("<tag>", "");
        prop_assert!(!without_entities.contains('<'), "{}", out);
        prop_assert!(!out.contains("**") && !out.contains("](") && !out.contains("```"), "{}", out);
        prop_assert!(!out.contains("hidden") && !out.contains("block html"), "{}", out);
    }
}

#[track_caller]
fn render_with(links: LinkStyle) -> String {
    let article = Article::builder(
        "Links",
        "See [the report](https://example.com/r), [it again](https://example.com/r) and <https://example.com/a>.",
    )
    .build()
    .unwrap();
    let mut options = TextOptions::default();
    options.links = links;
    options.width = 0;
    text::render(&article, &options)
}

#[test]
fn link_styles() {
    let references = render_with(LinkStyle::References);
    assert!(
        references.contains("See the report [1], it again [1] and https://example.com/a."),
        "{references}"
    );
    assert!(
        references.ends_with("References\n[1] https://example.com/r\n"),
        "{references}"
    );
    assert!(render_with(LinkStyle::Inline).contains("See the report (https://example.com/r), it again (https://example.com/r) and https://example.com/a."));
    let none = render_with(LinkStyle::None);
    assert!(none.contains("See the report, it again and https://example.com/a."));
    assert!(!none.contains("References"));
}

#[test]
fn references_list_each_url_whole() {
    // Ten short links and a long one: numbers of two digits, and a URL longer than the
    // line, which goes on the line after its number, indented past it.
    let mut body: String = (1..=10)
        .map(|i| format!("[l{i}](https://e.example/{i}) "))
        .collect();
    let long = format!("https://e.example/{}", "x".repeat(40));
    body.push_str(&format!("[long]({long})"));
    let article = Article::builder("Links", &body).build().unwrap();
    let mut options = TextOptions::default();
    options.width = 30;
    let out = text::render(&article, &options);
    let references = out.split("References\n").nth(1).unwrap();
    let expected: String = (1..=10)
        .map(|i| format!("[{i}] https://e.example/{i}\n"))
        .chain([format!("[11]\n     {long}\n")])
        .collect();
    assert_eq!(references, expected);
    options.width = 0;
    let out = text::render(&article, &options);
    assert!(out.ends_with(&format!("[11] {long}\n")), "{out}");
}

#[test]
fn parts_can_be_left_out() {
    let article =
        Article::from_markdown(include_str!("../examples/articles/regional-development.md"))
            .unwrap();
    let mut options = TextOptions::default();
    options.parts.site = false;
    options.parts.comments = false;
    options.parts.related = false;
    options.parts.notices = false;
    let out = text::render(&article, &options);
    assert!(out.starts_with("Politics · AI Analysis\n"));
    assert!(
        !out.contains("Comments")
            && !out.contains("Related articles")
            && !out.contains("generated by AI")
    );
}

#[test]
fn wide_tables_fall_back_to_labelled_rows() {
    let article = Article::builder(
        "Table",
        "| Province | What the plan promises there |\n|---|---|\n| South Phyongan | Three plants in the first year, with more to follow |",
    )
    .build()
    .unwrap();
    let mut options = TextOptions::default();
    options.width = 40;
    let out = text::render(&article, &options);
    assert!(out.contains("Province: South Phyongan\nWhat the plan promises there: Three\n  plants in the first year, with more to\n  follow\n"), "{out}");
}

#[test]
fn no_line_ends_in_spaces_at_any_width() {
    let article = Article::from_json(
        r#"{
            "title": "Ferry returns ",
            "summary": "Running again after repairs.  ",
            "body": "Text.",
            "image": {"url": "/f.jpg", "alt": "The ferry ", "caption": "At the pier  "},
            "comments": [{"author": "Min ", "text": "Good news \nfor the island.  \n\nFinally. "}]
        }"#,
    )
    .unwrap();
    for width in [0, 20, 72] {
        let mut options = TextOptions::default();
        options.width = width;
        let out = text::render(&article, &options);
        for line in out.lines() {
            assert!(
                !line.ends_with([' ', '\t']),
                "width {width}: {line:?}\n{out}"
            );
        }
        assert!(out.contains("for the island."), "{out}");
    }
}
