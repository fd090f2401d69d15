// Shared by the fuzz targets: render every output of a valid article and check the HTML
// for the constructs that must never appear.

use dateline::Article;
use dateline::html::{self, HtmlOptions};
use dateline::text::{self, TextOptions};

pub fn render_all(article: &Article) {
    let page = html::page(article, &HtmlOptions::default());
    assert_eq!(page.matches("<script").count(), 1, "only the JSON-LD script");
    let lower = page.to_ascii_lowercase();
    for forbidden in ["javascript:", "vbscript:", " onerror=", " onload=", " onclick=", "<iframe", "<object", "<embed"] {
        // The JSON-LD and escaped text may hold the words, but never as markup: escaped
        // text has no `<` or `"` around them.
        if let Some(at) = lower.find(forbidden) {
            let before = &lower[at.saturating_sub(8)..at];
            assert!(!before.contains("href=\"") && !before.contains("src=\""), "{forbidden} in an attribute");
            assert!(!forbidden.starts_with('<'), "{forbidden} element in the output");
        }
    }
    let _ = text::render(article, &TextOptions::default());
    let _ = html::json_ld(article, &HtmlOptions::default());
}
