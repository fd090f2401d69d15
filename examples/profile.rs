//! Renders one article many times in a loop, for profilers: `perf record`, or valgrind's
//! callgrind, whose instruction counts do not move with the machine's load.
//!
//! ```text
//! cargo run --release --example profile -- [--output OUTPUT] [--long-form] [--iterations N] [ARTICLE]
//! ```
//!
//! OUTPUT is `page` (`html::page`, the default), `text` (`text::render`), `reading-time`
//! (`ReadingTime::of_text` over the body's Markdown, as `benches/reading_time.rs` counts),
//! or one of the baselines of `benches/render.rs` on the same body: `comrak-html` (comrak's
//! `markdown_to_html`) and `comrak-parse` (comrak's parse alone); or reading the article:
//! `read-json` (`Article::from_json` of the article as JSON) and `read-markdown`
//! (`Article::from_markdown` of the Markdown file, or of the bundled sample). ARTICLE is a `.json` or
//! `.md` file (default: the bundled sample); `--long-form` replaces its body with the
//! benches' 50 KB long-form body. Prints the time per render on stderr.
//!
//! The instruction count of one render is the difference between two runs, one with
//! `--iterations 0`, divided by N:
//!
//! ```text
//! valgrind --tool=callgrind --callgrind-out-file=/dev/null target/release/examples/profile --iterations 400
//! ```

use std::hint::black_box;
use std::process::ExitCode;
use std::time::Instant;

use dateline::html::{self, HtmlOptions};
use dateline::reading_time::ReadingTime;
use dateline::text::{self, TextOptions};
use dateline::{Article, Limits};

#[path = "../benches/common/mod.rs"]
mod common;

const USAGE: &str = "usage: profile [--output page|text|reading-time|comrak-html|comrak-parse|read-json|read-markdown] [--long-form] [--iterations N] [ARTICLE]";

#[derive(Clone, Copy)]
enum Output {
    Page,
    Text,
    ReadingTime,
    ComrakHtml,
    ComrakParse,
    ReadJson,
    ReadMarkdown,
}

struct Args {
    output: Output,
    long_form: bool,
    iterations: u64,
    article: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        output: Output::Page,
        long_form: false,
        iterations: 10_000,
        article: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--output" => {
                args.output = match it.next().as_deref() {
                    Some("page") => Output::Page,
                    Some("text") => Output::Text,
                    Some("reading-time") => Output::ReadingTime,
                    Some("comrak-html") => Output::ComrakHtml,
                    Some("comrak-parse") => Output::ComrakParse,
                    Some("read-json") => Output::ReadJson,
                    Some("read-markdown") => Output::ReadMarkdown,
                    other => {
                        return Err(format!("unknown output `{}`", other.unwrap_or("")));
                    }
                }
            }
            "--long-form" => args.long_form = true,
            "--iterations" => {
                let n = it.next().ok_or("`--iterations` needs a value")?;
                args.iterations = n
                    .parse()
                    .map_err(|_| format!("invalid iteration count `{n}`"))?;
            }
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            _ if args.article.is_some() => return Err("only one ARTICLE".to_owned()),
            _ => args.article = Some(arg),
        }
    }
    Ok(args)
}

fn load(args: &Args) -> Result<Article, String> {
    let limits = Limits::default();
    let article = match &args.article {
        None => Article::from_markdown(common::SAMPLE).map_err(|e| e.to_string())?,
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read `{path}`: {e}"))?;
            let article = if path.ends_with(".json") {
                Article::from_json_slice(&bytes, &limits)
            } else {
                Article::from_markdown_slice(&bytes, &limits)
            };
            article.map_err(|e| format!("{path}: {e}"))?
        }
    };
    if !args.long_form {
        return Ok(article);
    }
    let mut json = serde_json::to_value(&article).map_err(|e| e.to_string())?;
    json["body"] = common::long_body(50 * 1024).into();
    Article::from_json(&json.to_string()).map_err(|e| e.to_string())
}

/// The Markdown with front matter that `read-markdown` reads: the ARTICLE file, or the
/// bundled sample.
fn markdown_source(args: &Args) -> Result<String, String> {
    if args.long_form {
        return Err("`read-markdown` reads the article as it is, without `--long-form`".into());
    }
    match &args.article {
        None => Ok(common::SAMPLE.to_owned()),
        Some(path) if path.ends_with(".json") => Err(format!(
            "`read-markdown` needs a Markdown article, not `{path}`"
        )),
        Some(path) => {
            std::fs::read_to_string(path).map_err(|e| format!("cannot read `{path}`: {e}"))
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let article = match load(&args) {
        Ok(article) => article,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    // The text that the reading outputs read, made before the loop.
    let source = match args.output {
        Output::ReadJson => serde_json::to_string(&article).map_err(|e| e.to_string()),
        Output::ReadMarkdown => markdown_source(&args),
        _ => Ok(String::new()),
    };
    let source = match source {
        Ok(source) => source,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let markdown_options = common::comrak_options();
    let html_options = HtmlOptions::default();
    let text_options = TextOptions::default();
    let start = Instant::now();
    let mut bytes = 0;
    for _ in 0..args.iterations {
        let article = black_box(&article);
        bytes += match args.output {
            Output::Page => html::page(article, &html_options).len(),
            Output::Text => text::render(article, &text_options).len(),
            Output::ReadingTime => ReadingTime::of_text(article.body()).words() as usize,
            Output::ComrakHtml => comrak::markdown_to_html(article.body(), &markdown_options).len(),
            Output::ComrakParse => {
                let arena = comrak::Arena::new();
                let root = comrak::parse_document(&arena, article.body(), &markdown_options);
                usize::from(root.first_child().is_some())
            }
            Output::ReadJson => {
                Article::from_json(black_box(&source)).map_or(0, |a| a.body().len())
            }
            Output::ReadMarkdown => {
                Article::from_markdown(black_box(&source)).map_or(0, |a| a.body().len())
            }
        };
    }
    let elapsed = start.elapsed();
    let each = elapsed.as_secs_f64() * 1e6 / args.iterations.max(1) as f64;
    eprintln!(
        "{} renders in {:.1} ms: {each:.2} µs each ({bytes} bytes written)",
        args.iterations,
        elapsed.as_secs_f64() * 1e3
    );
    ExitCode::SUCCESS
}
