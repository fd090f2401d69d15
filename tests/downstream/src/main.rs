//! Renders an article from JSON on standard input, as a downstream service would.

use std::io::Read;

fn main() -> std::process::ExitCode {
    let mut json = String::new();
    if std::io::stdin().read_to_string(&mut json).is_err() {
        return std::process::ExitCode::from(2);
    }
    let article = match dateline::Article::from_json(&json) {
        Ok(article) => article,
        Err(e) => {
            eprintln!("error: {e}");
            return std::process::ExitCode::from(2);
        }
    };
    #[allow(unused_mut)]
    let mut options = dateline::html::HtmlOptions::default();
    #[cfg(feature = "sanitize")]
    {
        options.raw_html = dateline::RawHtml::sanitized();
    }
    print!("{}", dateline::html::page(&article, &options));
    std::process::ExitCode::SUCCESS
}
