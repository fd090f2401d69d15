//! Peak heap memory of a render of a 1 MiB body, against comrak alone.
//!
//! Target: dateline's full HTML page peaks at most 1.25× comrak's own parse and render of
//! the same body (comrak's tree alone is many times the input, so the budget is for what
//! dateline adds: no second copy of the body, no second tree).
//!
//! Each case runs in a child process of this binary, counted by dhat's allocator, so
//! that one case's peak cannot hide another's. `cargo bench --bench memory` prints the
//! table; `-- --test` (as CI runs benches) checks a 64 KiB body instead, quickly.

use std::process::Command;

use dateline::html::{self, HtmlOptions};
use dateline::text::{self, TextOptions};
use dateline::{Article, Limits};

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

mod common;

use common::comrak_options;

/// Runs one case and prints its peak heap bytes above what was allocated before it.
fn child(case: &str, size: usize) {
    let body = common::long_body(size);
    let mut limits = Limits::default();
    limits.body_bytes = 2 * size + (1 << 20);
    let article = Article::builder("Memory", body.clone())
        .limits(limits)
        .build()
        .expect("a valid article");
    let _profiler = dhat::Profiler::builder().testing().build();
    let before = dhat::HeapStats::get().curr_bytes;
    let output_len = match case {
        "comrak" => comrak::markdown_to_html(&body, &comrak_options()).len(),
        "dateline_html" => html::page(&article, &HtmlOptions::default()).len(),
        "dateline_text" => text::render(&article, &TextOptions::default()).len(),
        "comrak_parse" => {
            let arena = comrak::Arena::new();
            let root = comrak::parse_document(&arena, &body, &comrak_options());
            usize::from(root.first_child().is_some())
        }
        "dateline_reading_time" => {
            dateline::reading_time::ReadingTime::of_markdown(&body).words() as usize
        }
        "dateline_page_new" => {
            let options = HtmlOptions::default();
            html::Page::new(&article, &options).reading_time().words() as usize
        }
        other => panic!("unknown case {other}"),
    };
    let peak = dhat::HeapStats::get().max_bytes - before;
    println!("{peak} {output_len}");
}

fn run(case: &str, size: usize) -> (usize, usize) {
    let exe = std::env::current_exe().expect("the bench binary has a path");
    let out = Command::new(exe)
        .env("DATELINE_MEMORY_CASE", case)
        .env("DATELINE_MEMORY_SIZE", size.to_string())
        .output()
        .expect("the child runs");
    let text = String::from_utf8_lossy(&out.stdout);
    let mut numbers = text
        .split_whitespace()
        .map(|n| n.parse::<usize>().expect("a number"));
    (
        numbers.next().expect("a peak"),
        numbers.next().expect("an output length"),
    )
}

fn main() {
    if let Ok(case) = std::env::var("DATELINE_MEMORY_CASE") {
        let size = std::env::var("DATELINE_MEMORY_SIZE")
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(1 << 20);
        child(&case, size);
        return;
    }
    let quick = std::env::args().any(|a| a == "--test");
    let size = if quick { 64 << 10 } else { 1 << 20 };
    let (comrak, comrak_out) = run("comrak", size);
    println!("body: {size} bytes");
    println!(
        "{:<34} {:>12} {:>10} {:>12}",
        "case", "peak bytes", "× body", "× comrak"
    );
    println!(
        "{:<34} {:>12} {:>10.2} {:>12.2}",
        "comrak markdown_to_html",
        comrak,
        comrak as f64 / size as f64,
        1.0
    );
    let mut worst: f64 = 0.0;
    for (case, name) in [
        ("dateline_html", "dateline html::page"),
        ("dateline_text", "dateline text::render"),
    ] {
        let (peak, _) = run(case, size);
        let ratio = peak as f64 / comrak as f64;
        if case == "dateline_html" {
            worst = worst.max(ratio);
        }
        println!(
            "{name:<34} {peak:>12} {:>10.2} {ratio:>12.2}",
            peak as f64 / size as f64
        );
    }
    println!("(comrak's output: {comrak_out} bytes)");
    assert!(
        worst <= 1.25,
        "the page's peak is {worst:.2}× comrak's, over the 1.25× target"
    );
}
