//! The `render` example, run as a user runs it: outputs, flags and exit codes.

mod common;

use std::path::PathBuf;
use std::process::{Command, Output};

#[track_caller]
fn run(args: &[&str]) -> Output {
    Command::new(common::example("render"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the render example runs")
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
