//! Renders an article to HTML, plain text, JSON-LD or reading statistics.
//!
//! ```text
//! cargo run --example render -- [--format html|text|json-ld|stats] [--locale TAG] [--out PATH] [--width N] [FILE]
//! ```
//!
//! FILE is JSON (`.json`) or Markdown with TOML front matter (`.md`); without it, the
//! bundled sample article is rendered. `-` reads the article from stdin: JSON when it
//! starts with `{`, else Markdown. `--` ends the options, for a FILE whose name starts
//! with `-`. `--width` sets the text format's wrap width in columns (default 72; 0 for
//! none). Output goes to stdout or to `--out`. Input is read only up to
//! [`Limits::input_bytes`]: a larger file is refused without being read whole.
//!
//! Exit codes: 0 on success, 2 for bad input or bad arguments (with `error: ...` on
//! stderr), 1 when the output cannot be written.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dateline::html::{self, HtmlOptions};
use dateline::locale::Strings;
use dateline::reading_time::{ReadingSpeed, ReadingTime};
use dateline::text::{self, TextOptions};
use dateline::{Article, Limits};

const SAMPLE: &str = include_str!("articles/regional-development.md");

const USAGE: &str = "usage: render [--format html|text|json-ld|stats] [--locale TAG] [--out PATH] [--width N] [FILE]";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Format {
    Html,
    Text,
    JsonLd,
    Stats,
}

struct Args {
    format: Format,
    locale: Option<String>,
    out: Option<PathBuf>,
    /// The text format's wrap width; 0 for none.
    width: Option<usize>,
    file: Option<PathBuf>,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        format: Format::Html,
        locale: None,
        out: None,
        width: None,
        file: None,
    };
    let mut it = std::env::args_os().skip(1);
    let mut options_ended = false;
    while let Some(arg) = it.next() {
        let arg = arg.to_string_lossy().into_owned();
        if options_ended || arg == "-" || !arg.starts_with('-') {
            if args.file.is_some() {
                return Err("only one FILE can be given".into());
            }
            args.file = Some(PathBuf::from(arg));
            continue;
        }
        let mut value = |name: &str| {
            it.next()
                .map(|v| v.to_string_lossy().into_owned())
                .ok_or_else(|| format!("`{name}` needs a value"))
        };
        match arg.as_str() {
            "-h" | "--help" => return Ok(None),
            "--format" | "-f" => {
                args.format = match value("--format")?.as_str() {
                    "html" => Format::Html,
                    "text" => Format::Text,
                    "json-ld" => Format::JsonLd,
                    "stats" => Format::Stats,
                    other => {
                        return Err(format!(
                            "unknown format `{other}`: expected `html`, `text`, `json-ld` or `stats`"
                        ));
                    }
                }
            }
            "--locale" => args.locale = Some(value("--locale")?),
            "--out" | "-o" => args.out = Some(PathBuf::from(value("--out")?)),
            "--width" => {
                let width = value("--width")?;
                args.width = Some(width.parse().map_err(|_| {
                    format!(
                        "`--width` takes a number of columns (0 for no wrapping), not `{width}`"
                    )
                })?);
            }
            "--" => options_ended = true,
            flag => return Err(format!("unknown option `{flag}`")),
        }
    }
    Ok(Some(args))
}

fn load(file: Option<&Path>) -> Result<Article, String> {
    let limits = Limits::default();
    let Some(path) = file else {
        return Article::from_markdown(SAMPLE).map_err(|e| format!("sample article: {e}"));
    };
    let stdin = path.as_os_str() == "-";
    let shown = if stdin {
        "<stdin>".into()
    } else {
        path.display().to_string()
    };
    let bytes = if stdin {
        read_limited(std::io::stdin().lock(), limits.input_bytes)
    } else {
        std::fs::File::open(path).and_then(|file| read_limited(file, limits.input_bytes))
    }
    .map_err(|e| format!("cannot read `{shown}`: {e}"))?;
    let extension = if stdin {
        // JSON starts with `{`, after any byte order mark and white space.
        let start = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap_or(&bytes);
        let json = start.trim_ascii_start().first() == Some(&b'{');
        Some(if json { "json" } else { "md" }.to_owned())
    } else {
        path.extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase)
    };
    let article = match extension.as_deref() {
        Some("json") => Article::from_json_slice(&bytes, &limits),
        Some("md" | "markdown") => Article::from_markdown_slice(&bytes, &limits),
        _ => {
            return Err(format!(
                "`{shown}`: unknown file type: expected `.json` or `.md`"
            ));
        }
    };
    article.map_err(|e| format!("{shown}: {e}"))
}

/// Reads at most one byte more than `limit`: enough for the parser to refuse an input
/// that is too large, without holding all of it.
fn read_limited(reader: impl std::io::Read, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    let limit = u64::try_from(limit).unwrap_or(u64::MAX).saturating_add(1);
    reader.take(limit).read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn render(args: &Args, article: &Article) -> String {
    let strings = args.locale.as_deref().map(Strings::for_language);
    match args.format {
        Format::Html => {
            let mut options = HtmlOptions::default();
            options.strings = strings;
            html::page(article, &options)
        }
        Format::Text => {
            let mut options = TextOptions::default();
            options.strings = strings;
            if let Some(width) = args.width {
                options.width = width;
            }
            text::render(article, &options)
        }
        Format::JsonLd => {
            let mut options = HtmlOptions::default();
            options.strings = strings;
            let mut json = html::json_ld(article, &options);
            json.push('\n');
            json
        }
        Format::Stats => {
            let rt = ReadingTime::of_article(article, &ReadingSpeed::default());
            let strings = strings.unwrap_or_else(|| Strings::for_language(article.language()));
            let stats = serde_json::json!({
                "words": rt.words(),
                "cjk_chars": rt.cjk_chars(),
                "images": rt.images(),
                "minutes": rt.minutes(),
                "seconds": rt.duration().as_secs_f64().round() as u64,
                "label": strings.reading_time(rt.minutes()),
            });
            format!("{stats}\n")
        }
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(args)) => args,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            eprintln!("error: {message}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(tag) = &args.locale
        && !dateline::locale::is_language_tag(tag)
    {
        eprintln!("error: invalid language tag in `--locale`: `{tag}`");
        return ExitCode::from(2);
    }
    let article = match load(args.file.as_deref()) {
        Ok(article) => article,
        Err(message) => {
            eprintln!("error: {message}");
            return ExitCode::from(2);
        }
    };
    let output = render(&args, &article);
    let written = match &args.out {
        Some(path) => std::fs::write(path, output.as_bytes())
            .map_err(|e| format!("cannot write `{}`: {e}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(output.as_bytes())
                .and_then(|()| stdout.flush())
                .map_err(|e| format!("cannot write output: {e}"))
        }
    };
    match written {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
