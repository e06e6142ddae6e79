//! Fixture tests: every article under `assets/` and `tests/fixtures/text/`
//! is loaded the way a user opens it (the whole directory at once, so tags
//! are segmented with the library's knowledge) and its export is compared
//! with the reviewed JSON in `tests/expected/`. After a deliberate change,
//! `BYLINE_BLESS=1 cargo test --test fixtures` rewrites the expected files;
//! review the diff before committing it.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};

fn check_directory(dir: &str, expected_dir: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let loaded = byline::load_paths(&[PathBuf::from(dir)]).expect("fixture directory exists");
    assert!(loaded.skipped.is_empty(), "fixtures must all load: {:?}", loaded.skipped);
    let bless = std::env::var_os("BYLINE_BLESS").is_some();
    let mut failures = Vec::new();
    for story in loaded.library.stories() {
        let stem = Path::new(&story.source).file_stem().unwrap().to_string_lossy().into_owned();
        let expected_path = root.join(expected_dir).join(format!("{stem}.json"));
        let actual = serde_json::to_string_pretty(story).unwrap() + "\n";
        if bless {
            fs::create_dir_all(expected_path.parent().unwrap()).unwrap();
            fs::write(&expected_path, &actual).unwrap();
            continue;
        }
        match fs::read_to_string(&expected_path) {
            Ok(expected) if expected == actual => {}
            Ok(expected) => failures
                .push(format!("{stem}: export differs\n--- expected\n{expected}\n+++ actual\n{actual}")),
            Err(_) => failures.push(format!("{stem}: no expected file {}", expected_path.display())),
        }
    }
    let expected_count = fs::read_dir(root.join(expected_dir)).map_or(0, |d| d.count());
    if !bless {
        assert_eq!(expected_count, loaded.library.stories().len(), "one expected file per story in {dir}");
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn sample_corpus_matches_expected_export() {
    check_directory("assets", "tests/expected/assets");
}

#[test]
fn text_fixtures_match_expected_export() {
    check_directory("tests/fixtures/text", "tests/expected/text");
}

#[test]
fn bundled_corpus_is_the_assets_directory() {
    // What `byline` opens with no PATH is exactly what is in assets/.
    let bundled = byline::load_sample();
    let on_disk = byline::load_paths(&[PathBuf::from("assets")]).unwrap();
    let ids = |l: &byline::Loaded| l.library.stories().iter().map(|s| s.id.clone()).collect::<Vec<_>>();
    assert_eq!(ids(&bundled), ids(&on_disk));
}
