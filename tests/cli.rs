//! The `render` example, run as a user runs it: outputs, flags and exit codes.

mod common;

use std::io::Write as _;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

#[track_caller]
fn run(args: &[&str]) -> Output {
    Command::new(common::example("render"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the render example runs")
}

/// Asserts that the example failed on bad input: exit code 2 and an error line that
/// contains `message`.
#[track_caller]
fn assert_refused(out: &Output, message: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains(message), "{stderr}");
}

/// Runs the example with `input` on its stdin.
#[track_caller]
fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(common::example("render"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the render example runs");
    let mut stdin = child.stdin.take().unwrap();
    // The example may stop reading early (an input over the limit): a broken pipe here is
    // its answer, not a failure of the test.
    let _ = stdin.write_all(input);
    drop(stdin);
    child.wait_with_output().unwrap()
}

#[test]
fn reads_stdin_as_json_or_markdown() {
    let fixtures = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    for (file, words) in [("minimal.json", 18), ("korean.md", 83)] {
        let input = std::fs::read(fixtures.join(file)).unwrap();
        let out = run_with_stdin(&["--format", "stats", "-"], &input);
        assert_eq!(out.status.code(), Some(0), "{file}");
        let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(stats["words"], words, "{file}");
        // The same counts as from the file itself.
        let from_file = run(&["--format", "stats", fixtures.join(file).to_str().unwrap()]);
        assert_eq!(out.stdout, from_file.stdout, "{file}");
    }
    let out = run_with_stdin(&["-"], b"no front matter");
    assert_refused(&out, "error: <stdin>: invalid front matter");
}

#[test]
fn input_past_the_limit_is_refused_without_reading_it_all() {
    let input = vec![b'a'; dateline::Limits::default().input_bytes + 4096];
    let out = run_with_stdin(&["-"], &input);
    assert_refused(&out, "`input` is too large");
}

#[test]
fn width_sets_the_text_wrap() {
    let widest = |args: &[&str]| {
        let out = run(args);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let text = String::from_utf8(out.stdout).unwrap();
        // URLs are never broken, so a long one may be wider than the lines.
        let lines = text.lines().filter(|l| !l.contains("://"));
        lines.map(|l| l.chars().count()).max().unwrap()
    };
    assert!(widest(&["--format", "text"]) <= 72);
    assert!(widest(&["--format", "text", "--width", "40"]) <= 40);
    // Unwrapped, a paragraph of the sample is one line.
    assert!(widest(&["--format", "text", "--width", "0"]) > 200);
    let out = run(&["--format", "text", "--width", "wide"]);
    assert_refused(&out, "error: `--width` takes a number");
}

#[test]
fn nothing_is_printed_on_stderr_for_text_without_spaces() {
    // Thai is written without spaces between words; the line segmenter has no model for
    // it and says so, which must not reach stderr.
    let thai = "สภาอนุมัติแผนสร้างโรงงานใหม่ในทุกอำเภอในปีนี้".repeat(4);
    let json = format!(r#"{{"title": "ไทย", "language": "th", "body": "{thai}"}}"#);
    let out = run_with_stdin(&["--format", "text", "--width", "30", "-"], json.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&thai));
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn a_double_dash_ends_the_options() {
    let out = run(&["--", "--format"]);
    assert_refused(&out, "error: cannot read `--format`");
}

#[test]
fn renders_the_sample_without_arguments() {
    let out = run(&[]);
    assert_eq!(out.status.code(), Some(0));
    let page = String::from_utf8(out.stdout).unwrap();
    assert!(page.starts_with("<!DOCTYPE html>"));
    assert!(page.contains("AI Analysis"));
}

#[test]
fn stats_is_one_json_object() {
    let out = run(&["--format", "stats"]);
    assert_eq!(out.status.code(), Some(0));
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["minutes"], 3);
    assert_eq!(stats["label"], "3 min read");
    assert!(stats["words"].as_u64().unwrap() > 450);
    assert!(stats["seconds"].as_u64().unwrap() > 120);
}

#[test]
fn locale_changes_the_page_strings() {
    let out = run(&["--format", "stats", "--locale", "ko"]);
    let stats: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stats["label"], "읽는 데 3분");
}

#[test]
fn writes_to_out() {
    let dir = std::env::temp_dir().join(format!("dateline-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("page.txt");
    let out = run(&[
        "--format",
        "text",
        "--out",
        path.to_str().unwrap(),
        "tests/fixtures/minimal.json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.starts_with("Harbour ferry returns after winter repairs\n"));
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn every_invalid_fixture_exits_2_with_an_error_line() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/invalid");
    let mut seen = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let out = run(&[path.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{}: {stderr}", path.display());
        assert!(stderr.starts_with("error: "), "{stderr}");
        assert!(!stderr.contains("panicked"), "{stderr}");
        assert!(out.stdout.is_empty());
        seen += 1;
    }
    assert!(seen >= 9);
}

#[test]
fn bad_arguments_exit_2() {
    for args in [
        &["--format", "pdf"][..],
        &["--bogus"],
        &["--locale", "no_such"],
        &["missing.json"],
        &["a.txt"],
    ] {
        let out = run(args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).starts_with("error: "));
    }
}
