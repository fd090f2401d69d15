#![no_main]
//! Any text as the Markdown body of an otherwise valid article.

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|body: &str| {
    if let Ok(article) = dateline::Article::builder("Fuzzed", body).build() {
        check::render_all(&article);
    }
});
