//! The service example, started on an ephemeral port and spoken to over HTTP/1.1.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, Command, Stdio};

/// The running service; stopped when dropped.
struct Service {
    child: Child,
    addr: String,
}

impl Drop for Service {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn start() -> Service {
    let mut child = Command::new(common::example("service"))
        .args(["--addr", "127.0.0.1:0", "--articles", "tests/fixtures"])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdout(Stdio::piped())
        .spawn()
        .expect("the service starts");
    let mut line = String::new();
    BufReader::new(child.stdout.take().expect("a stdout pipe"))
        .read_line(&mut line)
        .expect("a first line");
    let addr = line
        .trim()
        .strip_prefix("listening on http://")
        .expect("the address line")
        .to_owned();
    Service { child, addr }
}

struct Response {
    status: u16,
    headers: Vec<(String, String)>,
    body: String,
}

impl Response {
    fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }
}

fn request(
    service: &Service,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Response {
    let mut stream = TcpStream::connect(&service.addr).expect("a connection");
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nContent-Length: {}\r\n",
        service.addr,
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).unwrap();
    // A refused body may close the connection before it is all sent.
    let _ = stream.write_all(body);
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("a response");
    let raw = String::from_utf8_lossy(&raw).into_owned();
    let (head, body) = raw.split_once("\r\n\r\n").expect("a head and a body");
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split(' ').nth(1))
        .and_then(|s| s.parse().ok())
        .expect("a status");
    let headers = lines
        .filter_map(|l| l.split_once(": "))
        .map(|(n, v)| (n.to_owned(), v.to_owned()))
        .collect();
    Response {
        status,
        headers,
        body: body.to_owned(),
    }
}

#[test]
fn serves_pages_text_renders_and_caches() {
    let service = start();

    let page = request(&service, "GET", "/articles/korean", &[], b"");
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    assert!(page.body.starts_with("<!DOCTYPE html><html lang=\"ko\""));
    let etag = page.header("etag").expect("an ETag").to_owned();
    assert_eq!(
        page.header("last-modified"),
        Some("Mon, 12 Jan 2026 00:00:00 GMT")
    );

    let text = request(&service, "GET", "/articles/korean.txt", &[], b"");
    assert_eq!(text.status, 200);
    assert_eq!(
        text.header("content-type"),
        Some("text/plain; charset=utf-8")
    );
    assert!(text.body.contains("착공식에 담긴 메시지"));
    assert_ne!(text.header("etag"), Some(etag.as_str()));

    let same = request(
        &service,
        "GET",
        "/articles/korean",
        &[("If-None-Match", &etag)],
        b"",
    );
    assert_eq!(same.status, 304);
    assert!(same.body.is_empty());
    let since = request(
        &service,
        "GET",
        "/articles/korean",
        &[("If-Modified-Since", "Tue, 13 Jan 2026 00:00:00 GMT")],
        b"",
    );
    assert_eq!(since.status, 304);
    let older = request(
        &service,
        "GET",
        "/articles/korean",
        &[("If-Modified-Since", "Sun, 11 Jan 2026 00:00:00 GMT")],
        b"",
    );
    assert_eq!(older.status, 200);

    assert_eq!(
        request(&service, "GET", "/articles/no-such-article", &[], b"").status,
        404
    );
    assert_eq!(
        request(&service, "GET", "/articles/..%2Fsecret", &[], b"").status,
        404
    );

    let rendered = request(
        &service,
        "POST",
        "/render",
        &[("Content-Type", "application/json")],
        br#"{"title": "Posted", "body": "Hello."}"#,
    );
    assert_eq!(rendered.status, 200);
    assert!(
        rendered
            .body
            .contains("<h1 class=\"dl-headline\">Posted</h1>")
    );
    assert!(rendered.header("etag").is_some());
    assert!(
        rendered.header("last-modified").is_none(),
        "no dates, no Last-Modified"
    );
}

#[test]
fn bad_input_gets_400_and_large_input_413() {
    let service = start();
    let bad = request(
        &service,
        "POST",
        "/render",
        &[],
        br#"{"title": "T", "body": "B", "kind": "blog"}"#,
    );
    assert_eq!(bad.status, 400);
    assert!(
        bad.body.starts_with("unknown value `blog` in `kind`"),
        "{}",
        bad.body
    );
    let syntax = request(&service, "POST", "/render", &[], b"{\"title\": ");
    assert_eq!(syntax.status, 400);
    assert!(
        syntax.body.starts_with("JSON syntax error at line 1"),
        "{}",
        syntax.body
    );
    let large = vec![b' '; 5 * 1024 * 1024];
    assert_eq!(
        request(&service, "POST", "/render", &[], &large).status,
        413
    );
    let body = format!(r#"{{"title": "T", "body": "{}"}}"#, "a".repeat(1_100_000));
    let too_long_body = request(&service, "POST", "/render", &[], body.as_bytes());
    assert_eq!(too_long_body.status, 413);
    assert!(
        too_long_body.body.starts_with("`body` is too large"),
        "{}",
        too_long_body.body
    );
}
