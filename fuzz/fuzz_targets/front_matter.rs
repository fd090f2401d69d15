#![no_main]
//! Any bytes as Markdown with TOML front matter: an error or a rendered page, never a panic.

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = dateline::Article::from_markdown_slice(data, &dateline::Limits::default()) {
        check::render_all(&article);
    }
});
