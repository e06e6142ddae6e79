//! Every source format through the CLI: a mixed directory reads as one
//! library, content beats a misleading name, `--format` forces a parser,
//! broken records are reported by position, and export round-trips.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeSet;

use serde_json::Value;

mod common;
use common::byline_in;

fn run(args: &[&str]) -> std::process::Output {
    let home = tempfile::tempdir().unwrap();
    byline_in(home.path(), args)
}

fn export(args: &[&str]) -> Vec<Value> {
    let out = run(&[&["export"], args].concat());
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_mixed_directory_is_one_library() {
    let stories = export(&["tests/fixtures/mixed"]);
    assert_eq!(stories.len(), 8);
    let formats: BTreeSet<&str> = stories.iter().map(|s| s["format"].as_str().unwrap()).collect();
    assert_eq!(formats, BTreeSet::from(["html", "json", "markdown", "rss", "text"]));
    let tags = run(&["tags", "tests/fixtures/mixed"]);
    let first = String::from_utf8(tags.stdout).unwrap().lines().next().unwrap().to_string();
    assert_eq!(first.split_whitespace().collect::<Vec<_>>(), ["2", "Haiti"], "counted across formats");
}

#[test]
fn a_txt_file_holding_rss_is_read_as_a_feed() {
    let stories = export(&["tests/fixtures/mixed/feed-named.txt"]);
    assert_eq!(stories[0]["format"], "rss");
    assert_eq!(stories[0]["title"], "A feed saved as text");
}

#[test]
fn format_forces_a_parser() {
    let as_text = export(&["--input-format", "text", "tests/fixtures/mixed/feed-named.txt"]);
    assert_eq!(as_text[0]["format"], "text");
    let listed = run(&["list", "--format", "text", "tests/fixtures/mixed/feed-named.txt"]);
    assert!(listed.status.success());
    assert!(String::from_utf8(listed.stdout).unwrap().contains("<?xml"), "the XML read as a text title");
    let bad = run(&["list", "--format", "pdf", "assets"]);
    assert_eq!(bad.status.code(), Some(2));
}

#[test]
fn broken_records_are_reported_with_their_position_and_the_rest_loads() {
    let out = run(&["list", "tests/fixtures/json/wrong-type.json", "tests/fixtures/rss/truncated.xml"]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("skipped tests/fixtures/json/wrong-type.json: record 2: `title` must be a string"),
        "{err}"
    );
    assert!(
        err.contains("skipped tests/fixtures/rss/truncated.xml: the feed breaks off after item 1"),
        "{err}"
    );
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 3);
}

#[test]
fn export_then_load_then_export_gives_the_same_stories() {
    let dir = tempfile::tempdir().unwrap();
    for (name, args) in [("text.json", vec!["assets"]), ("mixed.json", vec!["tests/fixtures/mixed"])] {
        let first = run(&[&["export"], args.as_slice()].concat());
        let path = dir.path().join(name);
        std::fs::write(&path, &first.stdout).unwrap();
        let second = run(&["export", path.to_str().unwrap()]);
        assert!(second.status.success(), "{}", String::from_utf8_lossy(&second.stderr));
        let a: Value = serde_json::from_slice(&first.stdout).unwrap();
        let b: Value = serde_json::from_slice(&second.stdout).unwrap();
        assert_eq!(a, b, "{name} round-trips");
        // JSON Lines too.
        let lines = run(&[&["export", "--format", "jsonl"], args.as_slice()].concat());
        let path = dir.path().join(format!("{name}l"));
        std::fs::write(&path, &lines.stdout).unwrap();
        let third: Value = serde_json::from_slice(&run(&["export", path.to_str().unwrap()]).stdout).unwrap();
        assert_eq!(a, third, "{name} round-trips through JSON Lines");
    }
}

#[test]
fn quotes_and_tag_matching_work_on_every_format() {
    let out = run(&["quotes", "--speaker", "akinyi", "tests/fixtures/html"]);
    assert!(String::from_utf8(out.stdout).unwrap().starts_with("Ruth Akinyi"));
    let out = run(&["list", "--tag", "lake victoria", "tests/fixtures/html"]);
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1);
}
