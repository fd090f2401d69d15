//! An article written out with serde reads back the same.

mod common;

use dateline::Article;

#[test]
fn every_fixture_round_trips_through_json() {
    insta::glob!("fixtures/*.{json,md}", |path| {
        let article = common::load(path);
        let json = serde_json::to_string(&article).unwrap();
        let back =
            Article::from_json(&json).unwrap_or_else(|e| panic!("{}: {e}\n{json}", path.display()));
        assert_eq!(back, article, "{}", path.display());
    });
}

#[test]
fn sample_round_trips_through_json_and_serde_deserialize() {
    let article = common::sample();
    let json = serde_json::to_string_pretty(&article).unwrap();
    assert_eq!(Article::from_json(&json).unwrap(), article);
    let via_serde: Article = serde_json::from_str(&json).unwrap();
    assert_eq!(via_serde, article);
    assert!(json.contains(r#""published": "2026-01-12T08:30:00+09:00""#));
    assert!(json.contains(r#""provenance": "ai_generated""#));
}

#[test]
fn serde_deserialize_checks_the_article_too() {
    let err = serde_json::from_str::<Article>(r#"{"title": "", "body": "B"}"#).unwrap_err();
    assert_eq!(err.to_string(), "empty field `title`: it must contain text");
}
