//! Rendering time grows linearly with input size, even for pathological Markdown.
//!
//! The inputs follow the generators of cmark's `test/pathological_tests.py`, plus deep
//! nesting and wide tables. Each is rendered at 1×, 10× and 100× its base size; the time
//! at 100× must stay within 2.5 times of linear. These are timing checks, so they are
//! ignored in CI and run on demand:
//!
//! ```text
//! cargo test --release --test pathological -- --ignored --nocapture
//! ```

use std::time::{Duration, Instant};

use dateline::html::{self, HtmlOptions};
use dateline::text::{self, TextOptions};
use dateline::{Article, Limits};

/// A named input generator: the input at size `n`.
type Generator = (&'static str, fn(usize) -> String);

fn generators() -> Vec<Generator> {
    vec![
        ("nested strong emph", |n| {
            "*a **a ".repeat(n) + "b" + &" a** a*".repeat(n)
        }),
        ("many emph closers with no openers", |n| "a_ ".repeat(n)),
        ("many emph openers with no closers", |n| "_a ".repeat(n)),
        ("many link closers with no openers", |n| "a]".repeat(n)),
        ("many link openers with no closers", |n| "[a".repeat(n)),
        ("mismatched openers and closers", |n| "*a_ ".repeat(n)),
        ("cmark issue 389", |n| "*a ".repeat(n) + &"_a*_ ".repeat(n)),
        ("openers and closers multiple of 3", |n| {
            "a**b".to_owned() + &"c* ".repeat(n)
        }),
        ("link openers and emph closers", |n| "[ a_".repeat(n)),
        ("pattern [ (]( repeated", |n| "[ (](".repeat(n)),
        ("nested brackets", |n| "[".repeat(n) + "a" + &"]".repeat(n)),
        ("nested block quotes", |n| ">".repeat(n) + " a\n"),
        ("nested block quotes, lazy lines", |n| {
            ">".repeat(n) + " a\n" + &"b\n".repeat(n)
        }),
        ("nested list markers", |n| "- ".repeat(n) + "a\n"),
        ("U+0000 in input", |n| "abc\u{0}de\u{0}".repeat(n)),
        ("unclosed links A", |n| "[a](<b".repeat(n)),
        ("unclosed links B", |n| "[a](b".repeat(n)),
        ("unclosed comments", |n| "</".to_owned() + &"<!--".repeat(n)),
        ("many references", |n| {
            (0..n)
                .map(|i| format!("[r{i}]: /u{i}\n"))
                .collect::<String>()
                + &"[x][r1] ".repeat(n)
        }),
        ("long unbroken word", |n| "a".repeat(n * 10)),
        ("long line of CJK and curly quotes", |n| {
            "“漢字かな”。한국어 “quoted” — ".repeat(n)
        }),
        ("long unbroken CJK-free line of other scripts", |n| {
            "é—ж’".repeat(n * 3)
        }),
        ("runs of stars", |n| "*".repeat(n)),
        ("wide table with missing cells", |n| {
            let columns = (n / 10).max(2);
            format!(
                "|{}\n|{}\n{}",
                "a|".repeat(columns),
                "-|".repeat(columns),
                "|x\n".repeat(n / 10)
            )
        }),
        ("many distinct links", |n| {
            (0..n / 5).map(|i| format!("[a](/p{i}) ")).collect()
        }),
        ("many headings, all the same", |n| {
            "## Same\n\n".repeat(n / 5)
        }),
        ("many distinct headings", |n| {
            (0..n / 5).map(|i| format!("## H{i}\n\n")).collect()
        }),
        ("many headings with the ids of many footnotes", |n| {
            (0..n / 10)
                .map(|i| format!("## fn {i}\n\na[^{i}]\n\n"))
                .collect::<String>()
                + &(0..n / 10)
                    .map(|i| format!("[^{i}]: note\n"))
                    .collect::<String>()
        }),
        ("many footnotes named like others' second references", |n| {
            (0..n / 20)
                .map(|i| format!("a[^{i}] b[^{i}] c[^{i}-2] "))
                .collect::<String>()
                + "\n\n"
                + &(0..n / 20)
                    .map(|i| format!("[^{i}]: note\n[^{i}-2]: note\n"))
                    .collect::<String>()
        }),
        ("many footnotes", |n| {
            (0..n / 10).map(|i| format!("a[^{i}] ")).collect::<String>()
                + "\n\n"
                + &(0..n / 10)
                    .map(|i| format!("[^{i}]: note\n"))
                    .collect::<String>()
        }),
    ]
}

/// The fastest of three renders of every output.
fn time(body: &str) -> Duration {
    let mut limits = Limits::default();
    limits.body_bytes = 64 << 20;
    limits.input_bytes = 64 << 20;
    // Measured here is how rendering scales; the default limit would refuse the widest
    // tables before they reach it.
    limits.table_cells = usize::MAX;
    let article = Article::builder("Pathological", body)
        .limits(limits)
        .build()
        .expect("a valid article");
    (0..3)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(html::page(&article, &HtmlOptions::default()));
            std::hint::black_box(text::render(&article, &TextOptions::default()));
            start.elapsed()
        })
        .min()
        .unwrap_or_default()
}

#[test]
#[ignore = "timing; run with --release --ignored"]
fn rendering_time_is_linear_in_input_size() {
    let mut failures = Vec::new();
    for (name, generate) in generators() {
        let base = 1_000;
        let times: Vec<(usize, Duration)> = [1, 10, 100]
            .iter()
            .map(|scale| {
                let body = generate(base * scale);
                (body.len(), time(&body))
            })
            .collect();
        let (small_len, small) = times[0];
        let (large_len, large) = times[2];
        // Time per input byte at 100× against 1×; a floor of 50 µs keeps timer noise on
        // tiny inputs from counting.
        let per_byte = |t: Duration, len: usize| t.as_secs_f64() / len as f64;
        let ratio =
            per_byte(large, large_len) / per_byte(small.max(Duration::from_micros(50)), small_len);
        println!(
            "{name:36} {:>9} B {:>10.2?} | {:>9} B {:>10.2?} | {:>9} B {:>10.2?} | per byte ×{ratio:.2}",
            times[0].0, times[0].1, times[1].0, times[1].1, times[2].0, times[2].1
        );
        if ratio > 2.5 {
            failures.push(format!(
                "{name}: time per byte grew ×{ratio:.1} from 1× to 100×"
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
