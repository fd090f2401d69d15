//! Shared by the benches: the baseline options and the bench articles' bodies.

#![allow(dead_code)]

pub const SAMPLE: &str = include_str!("../../examples/articles/regional-development.md");
pub const FEATURES: &str = include_str!("../../tests/fixtures/features.md");

/// The Markdown options dateline gives comrak, for a like-for-like baseline.
pub fn comrak_options() -> comrak::Options<'static> {
    let mut options = comrak::Options::default();
    options.extension.strikethrough = true;
    options.extension.table = true;
    options.extension.autolink = true;
    options.extension.footnotes = true;
    options
}

/// The body after a file's front matter.
pub fn body_of(markdown: &str) -> &str {
    markdown.splitn(3, "+++\n").nth(2).unwrap_or(markdown)
}

/// A long-form body of at least `size` bytes: the sample's sections and the features
/// fixture's tables, lists, code and footnotes, repeated under numbered headings.
pub fn long_body(size: usize) -> String {
    let mut body = String::with_capacity(size + 8192);
    let mut part = 1;
    while body.len() < size {
        body.push_str(&format!("## Part {part}\n\n"));
        body.push_str(&body_of(SAMPLE).replace("## ", "### "));
        body.push_str("\n\n");
        body.push_str(
            &body_of(FEATURES)
                .replace("# ", "### ")
                .replace("[^kcna]", &format!("[^n{part}]")),
        );
        body.push_str("\n\n");
        part += 1;
    }
    body
}
