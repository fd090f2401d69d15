//! Helpers shared by the integration tests.

#![allow(dead_code)]

use std::path::{Path, PathBuf};

use dateline::Article;

/// Reads a fixture article, JSON or Markdown with front matter, by its extension.
#[track_caller]
pub fn load(path: &Path) -> Article {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let article = match path.extension().and_then(|e| e.to_str()) {
        Some("json") => Article::from_json(&text),
        Some("md") => Article::from_markdown(&text),
        other => panic!("unexpected fixture extension {other:?}"),
    };
    article.unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The bundled sample article.
pub fn sample() -> Article {
    Article::from_markdown(include_str!(
        "../../examples/articles/regional-development.md"
    ))
    .expect("the sample article is valid")
}

/// An example binary, which `cargo test` builds next to the test binaries.
pub fn example(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary has a path");
    let dir = exe
        .parent()
        .and_then(|p| p.parent())
        .expect("target/<profile>/deps");
    dir.join("examples")
        .join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}
