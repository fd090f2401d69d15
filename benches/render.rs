//! Renders the sample article: the full HTML page, plain text, and reading time.

use criterion::{Criterion, criterion_group, criterion_main};
use dateline::Article;
use dateline::html::{self, HtmlOptions};
use dateline::reading_time::{ReadingSpeed, ReadingTime};
use dateline::text::{self, TextOptions};

const SAMPLE: &str = include_str!("../examples/articles/regional-development.md");

fn sample(c: &mut Criterion) {
    let article = Article::from_markdown(SAMPLE).expect("the sample article is valid");
    let html_options = HtmlOptions::default();
    let text_options = TextOptions::default();
    let mut group = c.benchmark_group("sample");
    group.bench_function("parse", |b| {
        b.iter(|| Article::from_markdown(std::hint::black_box(SAMPLE)))
    });
    group.bench_function("html_page", |b| {
        b.iter(|| html::page(std::hint::black_box(&article), &html_options))
    });
    group.bench_function("text", |b| {
        b.iter(|| text::render(std::hint::black_box(&article), &text_options))
    });
    group.bench_function("reading_time", |b| {
        b.iter(|| ReadingTime::of_article(std::hint::black_box(&article), &ReadingSpeed::default()))
    });
    group.finish();
}

criterion_group!(benches, sample);
criterion_main!(benches);
