//! What a render costs, against the Markdown engine alone.
//!
//! Targets, as ratios in one run, on the sample article and on a 50 KB long-form article:
//! - the full HTML page (shell, head metadata, JSON-LD, reading time, body) at most 1.2×
//!   comrak's own `markdown_to_html` of the same body with the same options;
//! - plain text at most 1.2× comrak's parse of the same body;
//! - reading time at most 10% of a page render.
//!
//! pulldown-cmark's `push_html` of the same body is measured too, for comparison.
//! `cargo bench --bench render` prints the times; the ratios are in the README.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dateline::Article;
use dateline::html::{self, HtmlOptions, Page};
use dateline::reading_time::{ReadingSpeed, ReadingTime};
use dateline::text::{self, TextOptions};
use std::hint::black_box;

mod common;

use common::{SAMPLE, comrak_options};

/// A long-form article of about 50 KB, with the sample's metadata.
fn longform() -> Article {
    let body = common::long_body(50 * 1024);
    let sample = Article::from_markdown(SAMPLE).expect("the sample is valid");
    let mut json = serde_json::to_value(&sample).expect("an article serializes");
    json["body"] = body.into();
    Article::from_json(&json.to_string()).expect("the long-form article is valid")
}

fn compare(c: &mut Criterion, name: &str, article: &Article) {
    let body = article.body();
    let options = comrak_options();
    let html_options = HtmlOptions::default();
    let text_options = TextOptions::default();
    let mut group = c.benchmark_group(name);
    group.throughput(Throughput::Bytes(body.len() as u64));
    group.bench_function("dateline_html_page", |b| {
        b.iter(|| html::page(black_box(article), &html_options))
    });
    group.bench_function("comrak_markdown_to_html", |b| {
        b.iter(|| comrak::markdown_to_html(black_box(body), &options))
    });
    group.bench_function("pulldown_cmark_push_html", |b| {
        b.iter(|| {
            let mut options = pulldown_cmark::Options::empty();
            options.insert(pulldown_cmark::Options::ENABLE_TABLES);
            options.insert(pulldown_cmark::Options::ENABLE_STRIKETHROUGH);
            options.insert(pulldown_cmark::Options::ENABLE_FOOTNOTES);
            let mut out = String::with_capacity(body.len() * 3 / 2);
            pulldown_cmark::html::push_html(
                &mut out,
                pulldown_cmark::Parser::new_ext(black_box(body), options),
            );
            out
        })
    });
    group.bench_function("dateline_text", |b| {
        b.iter(|| text::render(black_box(article), &text_options))
    });
    // Both outputs from one parse, against the two renders above.
    group.bench_function("dateline_page_and_text", |b| {
        b.iter(|| {
            let (page, plain) = Page::with_text(black_box(article), &html_options, &text_options);
            (page.document().to_string(), plain)
        })
    });
    group.bench_function("comrak_parse", |b| {
        b.iter(|| {
            let arena = comrak::Arena::new();
            let root = comrak::parse_document(&arena, black_box(body), &options);
            black_box(root.first_child().is_some())
        })
    });
    // Inside a page render, reading time is the counter run over the text of the single
    // parse; counting the whole body's text measures that share. `of_article` on its
    // own parses the body too.
    group.bench_function("dateline_reading_time_count", |b| {
        b.iter(|| ReadingTime::estimate(black_box(body), &ReadingSpeed::default()))
    });
    group.bench_function("dateline_reading_time_of_article", |b| {
        b.iter(|| ReadingTime::of_article(black_box(article), &ReadingSpeed::default()))
    });
    group.finish();
}

fn renders(c: &mut Criterion) {
    let sample = Article::from_markdown(SAMPLE).expect("the sample is valid");
    compare(c, "sample", &sample);
    compare(c, "longform", &longform());
}

/// Reading the sample: from Markdown with TOML front matter as it is stored, and from the
/// JSON a service would receive for it.
fn parsing(c: &mut Criterion) {
    c.bench_function("sample/parse_front_matter", |b| {
        b.iter(|| Article::from_markdown(black_box(SAMPLE)))
    });
    let sample = Article::from_markdown(SAMPLE).expect("the sample is valid");
    let json = serde_json::to_string(&sample).expect("an article serializes");
    c.bench_function("sample/parse_json", |b| {
        b.iter(|| Article::from_json(black_box(&json)))
    });
}

criterion_group!(benches, renders, parsing);
criterion_main!(benches);
