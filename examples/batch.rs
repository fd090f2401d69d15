//! Renders a folder of articles into a folder of pages, in parallel.
//!
//! ```text
//! cargo run --release --example batch -- [--threads N] [--format html|text] [--no-write] INPUT_DIR OUTPUT_DIR
//! ```
//!
//! `--no-write` renders without writing the pages, to measure rendering alone.
//!
//! Every `.json` and `.md` file in INPUT_DIR becomes `OUTPUT_DIR/<name>.html` (or `.txt`).
//! A progress bar shows on stderr, and the run ends with the articles rendered per second.
//! Files that are not valid articles are listed with their error, and the exit code is 2;
//! the others are still rendered.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use dateline::html::{self, HtmlOptions};
use dateline::text::{self, TextOptions};
use dateline::{Article, Limits};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;

const USAGE: &str =
    "usage: batch [--threads N] [--format html|text] [--no-write] INPUT_DIR OUTPUT_DIR";

struct Args {
    threads: Option<usize>,
    text: bool,
    write: bool,
    input: PathBuf,
    output: PathBuf,
}

fn parse_args() -> Result<Args, String> {
    let mut threads = None;
    let mut text = false;
    let mut write = true;
    let mut paths = Vec::new();
    let mut it = std::env::args().skip(1);
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--threads" => {
                let n = it.next().ok_or("`--threads` needs a value")?;
                threads = Some(
                    n.parse::<usize>()
                        .ok()
                        .filter(|n| *n > 0)
                        .ok_or(format!("invalid thread count `{n}`"))?,
                );
            }
            "--format" => match it.next().as_deref() {
                Some("html") => text = false,
                Some("text") => text = true,
                other => {
                    return Err(format!(
                        "unknown format `{}`: expected `html` or `text`",
                        other.unwrap_or("")
                    ));
                }
            },
            "--no-write" => write = false,
            flag if flag.starts_with('-') => return Err(format!("unknown option `{flag}`")),
            _ => paths.push(PathBuf::from(arg)),
        }
    }
    let [input, output] = <[PathBuf; 2]>::try_from(paths)
        .map_err(|_| "INPUT_DIR and OUTPUT_DIR are required".to_owned())?;
    Ok(Args {
        threads,
        text,
        write,
        input,
        output,
    })
}

fn read(path: &Path, limits: &Limits) -> Result<Article, String> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read: {e}"))?;
    let article = match path.extension().and_then(|e| e.to_str()) {
        Some("json") => Article::from_json_slice(&bytes, limits),
        _ => Article::from_markdown_slice(&bytes, limits),
    };
    article.map_err(|e| e.to_string())
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut files: Vec<PathBuf> = match std::fs::read_dir(&args.input) {
        Ok(entries) => entries
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| matches!(p.extension().and_then(|e| e.to_str()), Some("json" | "md")))
            .collect(),
        Err(e) => {
            eprintln!("error: cannot read `{}`: {e}", args.input.display());
            return ExitCode::from(2);
        }
    };
    files.sort();
    if let Err(e) = std::fs::create_dir_all(&args.output) {
        eprintln!("error: cannot create `{}`: {e}", args.output.display());
        return ExitCode::from(2);
    }
    let pool = match rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.unwrap_or(0))
        .build()
    {
        Ok(pool) => pool,
        Err(e) => {
            eprintln!("error: cannot start threads: {e}");
            return ExitCode::FAILURE;
        }
    };

    let progress = ProgressBar::new(files.len() as u64);
    progress.set_style(
        ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {eta} left")
            .unwrap_or_else(|_| ProgressStyle::default_bar()),
    );
    let limits = Limits::default();
    let (html_options, text_options) = (HtmlOptions::default(), TextOptions::default());
    let extension = if args.text { "txt" } else { "html" };
    let start = Instant::now();
    let failures: Vec<String> = pool.install(|| {
        files
            .par_iter()
            .filter_map(|path| {
                let result = read(path, &limits).and_then(|article| {
                    let output = if args.text {
                        text::render(&article, &text_options)
                    } else {
                        html::page(&article, &html_options)
                    };
                    if !args.write {
                        std::hint::black_box(output);
                        return Ok(());
                    }
                    let stem = path.file_stem().unwrap_or_default();
                    let target = args.output.join(stem).with_extension(extension);
                    std::fs::write(&target, output)
                        .map_err(|e| format!("cannot write `{}`: {e}", target.display()))
                });
                progress.inc(1);
                result.err().map(|e| format!("{}: {e}", path.display()))
            })
            .collect()
    });
    let elapsed = start.elapsed();
    progress.finish_and_clear();

    let rendered = files.len() - failures.len();
    let threads = pool.current_num_threads();
    eprintln!(
        "rendered {rendered} articles in {:.3} s with {threads} thread{}: {:.0} articles/s",
        elapsed.as_secs_f64(),
        if threads == 1 { "" } else { "s" },
        rendered as f64 / elapsed.as_secs_f64().max(f64::EPSILON)
    );
    for failure in &failures {
        eprintln!("error: {failure}");
    }
    if failures.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}
