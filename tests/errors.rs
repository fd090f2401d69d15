//! Every error variant, with the message a user sees.

use dateline::{Article, Error, Limits};

#[track_caller]
fn json_error(json: &str) -> Error {
    Article::from_json(json).expect_err("the input is invalid")
}

#[track_caller]
fn markdown_error(markdown: &str) -> Error {
    Article::from_markdown(markdown).expect_err("the input is invalid")
}

#[test]
fn json_syntax_error_has_line_and_column() {
    let err = json_error("{\"title\": \"T\",\n \"body\": \"B\"\n \"kind\": \"news\"}");
    assert_eq!(
        err.to_string(),
        "JSON syntax error at line 3, column 2: expected `,` or `}`"
    );
    assert_eq!(err.position(), Some((3, 2)));
}

#[test]
fn json_trailing_characters_are_a_syntax_error() {
    let err = json_error(r#"{"title": "T", "body": "B"} x"#);
    assert_eq!(
        err.to_string(),
        "JSON syntax error at line 1, column 29: trailing characters"
    );
}

#[test]
fn toml_syntax_error_has_line_and_column_in_the_file() {
    let err = markdown_error("+++\ntitle = \"T\"\nkind = \n+++\nBody\n");
    assert_eq!(err.position(), Some((3, 8)));
    assert!(
        err.to_string()
            .starts_with("TOML syntax error at line 3, column 8: "),
        "{err}"
    );
}

#[test]
fn missing_front_matter() {
    assert_eq!(
        markdown_error("Just a body").to_string(),
        "invalid front matter: the file must start with a `+++` line"
    );
    assert_eq!(
        markdown_error("+++\ntitle = \"T\"\n").to_string(),
        "invalid front matter: no closing `+++` line after the front matter"
    );
}

#[test]
fn body_in_front_matter() {
    assert_eq!(
        markdown_error("+++\ntitle = \"T\"\nbody = \"B\"\n+++\nBody\n").to_string(),
        "invalid value in `body`: the body is the Markdown after the front matter, not a field"
    );
}

#[test]
fn invalid_utf8() {
    let err = Article::from_json_slice(
        b"{\"title\": \"T\xff\", \"body\": \"B\"}",
        &Limits::default(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "input is not valid UTF-8: invalid byte at offset 12"
    );
}

#[test]
fn lone_surrogate_is_a_syntax_error() {
    let err = json_error(r#"{"title": "\ud800", "body": "B"}"#);
    assert!(matches!(err, Error::Syntax { line: 1, .. }), "{err}");
}

#[test]
fn unknown_field_is_named_with_its_place() {
    assert_eq!(
        json_error(r#"{"title": "T", "body": "B", "colour": "red"}"#).to_string(),
        "unknown field `colour` in the article"
    );
    let err = json_error(r#"{"title": "T", "body": "B", "sources": [{"name": "S", "link": "x"}]}"#);
    assert_eq!(err.to_string(), "unknown field `link` in `sources[0]`");
    assert_eq!(err.field(), Some("sources[0]"));
}

#[test]
fn missing_title_and_body() {
    assert_eq!(
        json_error(r#"{"body": "B"}"#).to_string(),
        "missing field `title`"
    );
    assert_eq!(
        json_error(r#"{"title": "T"}"#).to_string(),
        "missing field `body`"
    );
    assert_eq!(
        json_error(r#"{"title": "T", "body": "B", "image": {"url": "/a.png"}}"#).to_string(),
        "missing field `image.alt`"
    );
}

#[test]
fn empty_title_and_body() {
    assert_eq!(
        json_error(r#"{"title": " \n ", "body": "B"}"#).to_string(),
        "empty field `title`: it must contain text"
    );
    assert_eq!(
        json_error(r#"{"title": "T", "body": ""}"#).to_string(),
        "empty field `body`: it must contain text"
    );
    assert_eq!(
        json_error(r#"{"title": "T", "body": "B", "authors": [{"name": ""}]}"#).to_string(),
        "empty field `authors[0].name`: it must contain text"
    );
}

#[test]
fn nested_fields_are_named_with_their_place() {
    let related = r#"{"title": "T", "body": "B", "related": [
        {"title": "A", "url": "/a"},
        {"title": "B", "url": "/b", "image": {"url": "/b.png", "alt": "B", "caption": " "}},
        {"title": "C", "url": "/c", "category": {"name": "\t"}}
    ]}"#;
    assert_eq!(
        json_error(related).to_string(),
        "empty field `related[2].category.name`: it must contain text"
    );
    let comments = r#"{"title": "T", "body": "B", "comments": [
        {"author": "A", "text": "Fine."}, {"author": "B", "text": "\n"}
    ]}"#;
    assert_eq!(
        json_error(comments).to_string(),
        "empty field `comments[1].text`: it must contain text"
    );
    let mut limits = Limits::default();
    limits.field_bytes = 8;
    let image = r#"{"title": "T", "body": "B", "related": [
        {"title": "A", "url": "/a", "image": {"url": "/a.png", "alt": "A", "caption": "far too long"}}
    ]}"#;
    let err = Article::from_json_with(image, &limits).expect_err("the caption is too long");
    assert_eq!(err.field(), Some("related[0].image.caption"));
}

#[test]
fn wrong_type() {
    assert_eq!(
        json_error(r#"{"title": 7, "body": "B"}"#).to_string(),
        "invalid value in `title`: invalid type: integer `7`, expected a string"
    );
}

#[test]
fn unknown_kind_and_provenance() {
    assert_eq!(
        json_error(r#"{"title": "T", "body": "B", "provenance": "robot"}"#).to_string(),
        "unknown value `robot` in `provenance`: expected one of `human`, `ai_assisted`, `ai_generated`"
    );
    let err = json_error(r#"{"title": "T", "body": "B", "kind": "blog"}"#);
    assert!(
        matches!(&err, Error::UnknownValue { field, value, .. } if field == "kind" && value == "blog")
    );
}

#[test]
fn a_kind_that_is_not_a_string_is_an_invalid_value_not_a_syntax_error() {
    for (json, field, found) in [
        (
            r#"{"title": "T", "body": "B", "kind": 5}"#,
            "kind",
            "integer `5`",
        ),
        (
            r#"{"title": "T", "body": "B", "provenance": true}"#,
            "provenance",
            "boolean `true`",
        ),
        (
            r#"{"title": "T", "body": "B", "disclaimer": {"kind": []}}"#,
            "disclaimer.kind",
            "sequence",
        ),
    ] {
        assert_eq!(
            json_error(json).to_string(),
            format!("invalid value in `{field}`: invalid type: {found}, expected a string")
        );
    }
}

#[test]
fn json_that_is_not_an_object_says_so() {
    for (json, found) in [
        ("[]", "an array"),
        (" [1, 2]", "an array"),
        ("\"article\"", "a string"),
        ("-5", "a number"),
        ("true", "a boolean"),
        ("null", "null"),
    ] {
        let err = json_error(json);
        assert_eq!(
            err.to_string(),
            format!("invalid value in the article: an article is a JSON object, not {found}"),
            "{json}"
        );
        assert_eq!(err.field(), Some(""));
    }
    // Not JSON at all: a syntax error with its position.
    assert!(matches!(json_error("nul"), Error::Syntax { line: 1, .. }));
}

#[test]
fn image_sizes_are_at_least_one_pixel() {
    let err = json_error(
        r#"{"title": "T", "body": "B", "related": [{"title": "R", "url": "/r", "image": {"url": "/r.jpg", "alt": "", "height": 0}}]}"#,
    );
    assert_eq!(
        err.to_string(),
        "invalid value in `related[0].image.height`: an image is at least 1 pixel wide and high"
    );
    let err = json_error(
        r#"{"title": "T", "body": "B", "image": {"url": "/a.jpg", "alt": "A", "width": 0}}"#,
    );
    assert_eq!(err.field(), Some("image.width"));
}

#[test]
fn urls_must_be_http_https_or_relative() {
    for (url, scheme) in [
        ("javascript:alert(1)", "javascript"),
        ("data:text/html,x", "data"),
        ("vbscript:x", "vbscript"),
        ("file:///etc/passwd", "file"),
    ] {
        let json = format!(
            r#"{{"title": "T", "body": "B", "related": [{{"title": "R", "url": "{url}"}}]}}"#
        );
        assert_eq!(
            json_error(&json).to_string(),
            format!(
                "invalid URL in `related[0].url`: `{url}`: the scheme `{scheme}` is not allowed, only `http` and `https`"
            )
        );
    }
    assert_eq!(
        json_error(r#"{"title": "T", "body": "B", "url": "https://"}"#).to_string(),
        "invalid URL in `url`: `https://`: empty host"
    );
}

#[test]
fn dates_a_page_cannot_write_are_refused() {
    let err = json_error(r#"{"title": "T", "body": "B", "published": "0000-12-31T09:00:00Z"}"#);
    assert_eq!(
        err.to_string(),
        "invalid date in `published`: `0000-12-31T09:00:00+00:00`: the year must be 1 or later"
    );
    // An offset with seconds, which only `DateTime::from_parts` can make.
    let offset = jiff::tz::Offset::from_seconds(3600 + 30).unwrap();
    let date = dateline::DateTime::from_parts(jiff::Timestamp::UNIX_EPOCH, offset);
    let mut comment = dateline::Comment::new("Min", "Noted.");
    comment.posted = Some(date);
    let err = Article::builder("T", "B")
        .comment(comment)
        .build()
        .unwrap_err();
    assert!(
        matches!(&err, Error::InvalidDate { field, reason, .. }
            if field == "comments[0].posted" && reason == "the offset must be whole minutes"),
        "{err}"
    );
}

#[test]
fn invalid_date() {
    let err = json_error(r#"{"title": "T", "body": "B", "published": "2026-01-05"}"#);
    assert_eq!(
        err.to_string(),
        "invalid date in `published`: `2026-01-05`: a time and an offset are required, as in `2026-01-05T09:30:00+09:00`"
    );
    let err = json_error(
        r#"{"title": "T", "body": "B", "comments": [{"author": "A", "text": "x", "posted": "noon"}]}"#,
    );
    assert!(
        matches!(&err, Error::InvalidDate { field, .. } if field == "comments[0].posted"),
        "{err}"
    );
}

#[test]
fn updated_before_published() {
    let err = json_error(
        r#"{"title": "T", "body": "B", "published": "2026-01-05T09:00:00+09:00", "updated": "2026-01-04T23:00:00Z"}"#,
    );
    assert_eq!(
        err.to_string(),
        "`updated` (2026-01-04T23:00:00+00:00) is before `published` (2026-01-05T09:00:00+09:00)"
    );
    // The same instant in another offset is not earlier.
    assert!(Article::from_json(
        r#"{"title": "T", "body": "B", "published": "2026-01-05T09:00:00+09:00", "updated": "2026-01-05T00:00:00Z"}"#
    )
    .is_ok());
}

#[test]
fn invalid_language() {
    assert_eq!(
        json_error(r#"{"title": "T", "body": "B", "language": "en_US"}"#).to_string(),
        "invalid language tag in `language`: `en_US`"
    );
}

#[test]
fn body_over_the_limit() {
    let body = "word ".repeat(220_000);
    let json = serde_json::json!({ "title": "T", "body": body }).to_string();
    assert_eq!(
        json_error(&json).to_string(),
        "`body` is too large: 1100000 bytes, the limit is 1048576"
    );
    let mut limits = Limits::default();
    limits.body_bytes = 2 * 1024 * 1024;
    assert!(Article::from_json_with(&json, &limits).is_ok());
}

#[test]
fn input_and_lists_over_their_limits() {
    let mut limits = Limits::default();
    limits.input_bytes = 10;
    assert_eq!(
        Article::from_json_with(r#"{"title": "T", "body": "B"}"#, &limits)
            .unwrap_err()
            .to_string(),
        "`input` is too large: 27 bytes, the limit is 10"
    );
    let mut limits = Limits::default();
    limits.comments = 1;
    let json = r#"{"title": "T", "body": "B", "comments": [{"author": "A", "text": "1"}, {"author": "B", "text": "2"}]}"#;
    assert_eq!(
        Article::from_json_with(json, &limits)
            .unwrap_err()
            .to_string(),
        "`comments` has too many entries: 2, the limit is 1"
    );
}

#[test]
fn tables_that_would_render_too_many_cells() {
    let body = format!(
        "|{}\n|{}\n{}",
        "a|".repeat(700),
        "-|".repeat(700),
        "|x\n".repeat(200)
    );
    let err = Article::builder("T", body).build().unwrap_err();
    assert_eq!(
        err.to_string(),
        "`body (table cells)` has too many entries: 141400, the limit is 100000"
    );
}

#[test]
fn builder_reports_the_field() {
    let err = Article::builder("T", "B")
        .url("javascript:x")
        .build()
        .unwrap_err();
    assert_eq!(err.field(), Some("url"));
    let err = Article::builder("T", "B")
        .published("soon")
        .build()
        .unwrap_err();
    assert_eq!(err.field(), Some("published"));
    let err = Article::builder("", "B").build().unwrap_err();
    assert_eq!(err.to_string(), "empty field `title`: it must contain text");
}
