#![no_main]
//! Any bytes as a JSON article: an error or a rendered page, never a panic.

use libfuzzer_sys::fuzz_target;

mod check;

fuzz_target!(|data: &[u8]| {
    if let Ok(article) = dateline::Article::from_json_slice(data, &dateline::Limits::default()) {
        check::render_all(&article);
    }
});
