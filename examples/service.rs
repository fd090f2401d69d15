//! An HTTP service that renders articles with dateline.
//!
//! ```text
//! cargo run --example service -- [--addr 127.0.0.1:3000] [--articles DIR]
//! ```
//!
//! - `GET /articles/{slug}`: the HTML page of `DIR/{slug}.md` or `DIR/{slug}.json`;
//!   `GET /articles/{slug}.txt`: its plain text.
//! - `POST /render`: a JSON article in the body, its HTML page back. Bad input gets 400 with
//!   the error message; a body over the input limit gets 413.
//!
//! Responses carry an `ETag` (a hash of the content) and `Last-Modified` (the article's
//! update or publication date); `If-None-Match` and `If-Modified-Since` get 304.
//! The service prints `listening on http://ADDR` once it accepts connections, so that a
//! test can start it on port 0 and read the port.

use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use axum::Router;
use axum::body::Bytes;
use axum::extract::{DefaultBodyLimit, Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use dateline::html::{self, HtmlOptions};
use dateline::text::{self, TextOptions};
use dateline::{Article, Error, Limits};

struct App {
    articles: PathBuf,
    limits: Limits,
    html: HtmlOptions,
    text: TextOptions,
}

/// FNV-1a, 64 bits: a stable hash of the content for the `ETag`.
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, b| {
        (hash ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A 200 response with caching headers, or 304 when the client's copy is current.
fn cached(
    request: &HeaderMap,
    article: &Article,
    content_type: &'static str,
    body: String,
) -> Response {
    let etag = format!("\"{:016x}\"", fnv1a(body.as_bytes()));
    let modified = article
        .updated()
        .or(article.published())
        .map(|d| d.timestamp());
    let last_modified = modified
        .map(|t| jiff::fmt::rfc2822::DateTimePrinter::new().timestamp_to_rfc9110_string(&t));
    let not_modified = match request
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
    {
        Some(tags) => tags
            .split(',')
            .any(|tag| tag.trim() == etag || tag.trim() == "*"),
        None => match (
            request
                .get(header::IF_MODIFIED_SINCE)
                .and_then(|v| v.to_str().ok()),
            modified,
        ) {
            (Some(since), Some(modified)) => jiff::fmt::rfc2822::parse(since)
                .is_ok_and(|since| modified.as_second() <= since.timestamp().as_second()),
            _ => false,
        },
    };
    let mut headers = HeaderMap::new();
    headers.insert(
        header::ETAG,
        HeaderValue::from_str(&etag).expect("a valid header"),
    );
    if let Some(value) = last_modified
        .and_then(|v| v.ok())
        .and_then(|v| HeaderValue::from_str(&v).ok())
    {
        headers.insert(header::LAST_MODIFIED, value);
    }
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("public, max-age=60"),
    );
    if not_modified {
        return (StatusCode::NOT_MODIFIED, headers).into_response();
    }
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    (StatusCode::OK, headers, body).into_response()
}

fn error_response(error: &Error) -> Response {
    let status = match error {
        Error::TooLarge { .. } | Error::TooMany { .. } => StatusCode::PAYLOAD_TOO_LARGE,
        _ => StatusCode::BAD_REQUEST,
    };
    (
        status,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        format!("{error}\n"),
    )
        .into_response()
}

/// Finds `slug.md` or `slug.json` in the articles folder; slugs are letters, digits, `-`
/// and `_`, so a request can never leave the folder.
fn load(dir: &Path, slug: &str, limits: &Limits) -> Result<Option<Article>, Error> {
    if slug.is_empty()
        || !slug
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    {
        return Ok(None);
    }
    for extension in ["md", "json"] {
        let path = dir.join(format!("{slug}.{extension}"));
        if let Ok(bytes) = std::fs::read(&path) {
            let article = if extension == "md" {
                Article::from_markdown_slice(&bytes, limits)
            } else {
                Article::from_json_slice(&bytes, limits)
            };
            return article.map(Some);
        }
    }
    Ok(None)
}

async fn article(
    State(app): State<Arc<App>>,
    UrlPath(slug): UrlPath<String>,
    request: HeaderMap,
) -> Response {
    let (slug, as_text) = match slug.strip_suffix(".txt") {
        Some(slug) => (slug.to_owned(), true),
        None => (slug, false),
    };
    match load(&app.articles, &slug, &app.limits) {
        Ok(Some(article)) if as_text => {
            let body = text::render(&article, &app.text);
            cached(&request, &article, "text/plain; charset=utf-8", body)
        }
        Ok(Some(article)) => {
            let body = html::page(&article, &app.html);
            cached(&request, &article, "text/html; charset=utf-8", body)
        }
        Ok(None) => (StatusCode::NOT_FOUND, "no such article\n").into_response(),
        // A stored article that does not parse is the server's fault.
        Err(e) => (StatusCode::INTERNAL_SERVER_ERROR, format!("{e}\n")).into_response(),
    }
}

async fn render(State(app): State<Arc<App>>, request: HeaderMap, body: Bytes) -> Response {
    match Article::from_json_slice(&body, &app.limits) {
        Ok(article) => {
            let page = html::page(&article, &app.html);
            cached(&request, &article, "text/html; charset=utf-8", page)
        }
        Err(e) => error_response(&e),
    }
}

fn router(app: Arc<App>) -> Router {
    let limit = app.limits.input_bytes;
    Router::new()
        .route("/articles/{slug}", get(article))
        .route("/render", post(render))
        // Bodies over the input limit are refused with 413 before they are read whole.
        .layer(DefaultBodyLimit::max(limit))
        .with_state(app)
}

#[tokio::main]
async fn main() -> std::process::ExitCode {
    let mut addr: SocketAddr = ([127, 0, 0, 1], 3000).into();
    let mut articles = PathBuf::from("examples/articles");
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match (arg.as_str(), args.next()) {
            ("--addr", Some(value)) => match value.parse() {
                Ok(a) => addr = a,
                Err(e) => {
                    eprintln!("error: invalid address `{value}`: {e}");
                    return std::process::ExitCode::from(2);
                }
            },
            ("--articles", Some(value)) => articles = PathBuf::from(value),
            _ => {
                eprintln!(
                    "error: unknown argument `{arg}`\nusage: service [--addr ADDR] [--articles DIR]"
                );
                return std::process::ExitCode::from(2);
            }
        }
    }
    let app = Arc::new(App {
        articles,
        limits: Limits::default(),
        html: HtmlOptions::default(),
        text: TextOptions::default(),
    });
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(e) => {
            eprintln!("error: cannot listen on {addr}: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    match listener.local_addr() {
        Ok(addr) => println!("listening on http://{addr}"),
        Err(e) => eprintln!("error: {e}"),
    }
    let shutdown = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    if let Err(e) = axum::serve(listener, router(app))
        .with_graceful_shutdown(shutdown)
        .await
    {
        eprintln!("error: {e}");
        return std::process::ExitCode::FAILURE;
    }
    std::process::ExitCode::SUCCESS
}
