//! Fixture tests: every file under `assets/` and `tests/fixtures/<format>/`
//! is loaded the way a user opens it (the whole directory at once, so tags
//! are segmented with the library's knowledge) and what it yields - its
//! stories and the reasons for any records skipped - is compared with the
//! reviewed JSON in `tests/expected/<dir>/<file>.json`. After a deliberate
//! change, `BYLINE_BLESS=1 cargo test --test fixtures` rewrites them;
//! review the diff before committing it.

#![allow(clippy::unwrap_used)]

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Value, json};

fn file_name(path: &str) -> String {
    Path::new(path).file_name().unwrap().to_string_lossy().into_owned()
}

fn check_directory(dir: &str, expected_dir: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = byline_engine::load_paths(&[PathBuf::from(dir)]).expect("fixture directory exists");
    let mut by_file: BTreeMap<String, (Vec<Value>, Vec<String>)> = BTreeMap::new();
    for entry in fs::read_dir(root.join(dir)).unwrap() {
        by_file.entry(entry.unwrap().file_name().to_string_lossy().into_owned()).or_default();
    }
    for story in loaded.library.in_order() {
        by_file.entry(file_name(&story.source)).or_default().0.push(serde_json::to_value(story).unwrap());
    }
    for skipped in &loaded.skipped {
        by_file.entry(file_name(&skipped.path)).or_default().1.push(skipped.reason.to_string());
    }
    let bless = std::env::var_os("BYLINE_BLESS").is_some();
    let mut failures = Vec::new();
    for (name, (stories, skipped)) in &by_file {
        let expected_path = root.join(expected_dir).join(format!("{name}.json"));
        let actual =
            serde_json::to_string_pretty(&json!({ "stories": stories, "skipped": skipped })).unwrap() + "\n";
        if bless {
            fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => {
                failures.push(format!("{name}: differs\n--- expected\n{expected}\n+++ actual\n{actual}"))
            }
            Err(_) => failures.push(format!("{name}: no expected file {}", expected_path.display())),
        }
    }
    if !bless {
        let expected_files = fs::read_dir(root.join(expected_dir)).map_or(0, |d| d.count());
        assert_eq!(expected_files, by_file.len(), "one expected file per input file in {dir}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sample_corpus() {
    let loaded = byline_engine::load_paths(&[PathBuf::from("assets")]).unwrap();
    assert!(loaded.skipped.is_empty(), "the sample corpus loads cleanly: {:?}", loaded.skipped);
    check_directory("assets", "tests/expected/assets");
}

#[test]
fn plain_text() {
    check_directory("tests/fixtures/text", "tests/expected/text");
}

#[test]
fn json_and_json_lines() {
    check_directory("tests/fixtures/json", "tests/expected/json");
}

#[test]
fn markdown() {
    check_directory("tests/fixtures/markdown", "tests/expected/markdown");
}

#[test]
fn rss() {
    check_directory("tests/fixtures/rss", "tests/expected/rss");
}

#[test]
fn atom() {
    check_directory("tests/fixtures/atom", "tests/expected/atom");
}

#[test]
fn json_feed() {
    check_directory("tests/fixtures/jsonfeed", "tests/expected/jsonfeed");
}

#[test]
fn saved_web_pages() {
    check_directory("tests/fixtures/html", "tests/expected/html");
}

#[test]
fn bundled_corpus_is_the_assets_directory() {
    // What `byline` opens with no PATH is exactly what is in assets/.
    let bundled = byline::sample::load();
    let on_disk = byline_engine::load_paths(&[PathBuf::from("assets")]).unwrap();
    let ids =
        |l: &byline_engine::Loaded| l.library.in_order().map(|s| s.id().to_string()).collect::<Vec<_>>();
    assert_eq!(ids(&bundled), ids(&on_disk));
}
