//! Config and saved state through the CLI: where files are, what a bad
//! config says, and marks reaching `export` and `list`.

#![allow(clippy::unwrap_used)]

use std::path::Path;

mod common;
use common::byline_in;

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn write_config(home: &Path, body: &str) -> std::path::PathBuf {
    let path = home.join("config/byline/config.toml");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, body).unwrap();
    path
}

fn export(home: &Path, args: &[&str]) -> Vec<serde_json::Value> {
    let out = byline_in(home, &[&["export"], args].concat());
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn config_path_follows_xdg_config_home() {
    let home = tempfile::tempdir().unwrap();
    let out = byline_in(home.path(), &["config", "--path"]);
    assert_eq!(text(&out.stdout).trim(), home.path().join("config/byline/config.toml").display().to_string());
    let out = byline_in(home.path(), &["--config", "/etc/elsewhere.toml", "config", "--path"]);
    assert_eq!(text(&out.stdout).trim(), "/etc/elsewhere.toml");
}

#[test]
fn the_printed_default_config_is_a_working_config() {
    let home = tempfile::tempdir().unwrap();
    let out = byline_in(home.path(), &["config", "--default"]);
    assert!(out.status.success());
    let printed = text(&out.stdout);
    assert!(printed.starts_with("# byline configuration"));
    let path = write_config(home.path(), &printed);
    let out = byline_in(home.path(), &["--config", path.to_str().unwrap(), "tags"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

#[test]
fn a_bad_config_stops_with_one_line_naming_file_line_and_column() {
    let home = tempfile::tempdir().unwrap();
    let path = write_config(home.path(), "wrap_width = 80\n[keys]\njump = \"J\"\n");
    let out = byline_in(home.path(), &["list"]);
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("byline: {}:3:1: unknown action `jump`", path.display())), "{err}");
    assert!(out.stdout.is_empty());
}

#[test]
fn each_kind_of_config_mistake_is_reported() {
    let cases = [
        ("[layout\n", ":1:8: "),
        ("colour = \"red\"\n", "unknown field `colour`"),
        ("[keys]\nquit = \"Hyper-q\"\n", "unknown key `Hyper-q`"),
        ("[theme]\nquote = \"ultraviolet\"\n", "impossible colour `ultraviolet`"),
    ];
    for (body, expected) in cases {
        let home = tempfile::tempdir().unwrap();
        write_config(home.path(), body);
        let out = byline_in(home.path(), &["tags"]);
        assert_eq!(out.status.code(), Some(2), "{body}");
        let err = text(&out.stderr);
        assert!(err.contains(expected) && err.lines().count() == 1, "{body}: {err}");
        assert!(!err.contains("panicked"));
    }
}

#[test]
fn a_missing_named_config_is_an_error() {
    let home = tempfile::tempdir().unwrap();
    let out = byline_in(home.path(), &["--config", "/no/such/byline.toml", "tags"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).starts_with("byline: /no/such/byline.toml: "));
}

#[test]
fn the_configured_library_opens_when_no_path_is_given() {
    let home = tempfile::tempdir().unwrap();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/text");
    write_config(home.path(), &format!("library = [{:?}]\n", fixtures.display().to_string()));
    let stories = export(home.path(), &[]);
    assert_eq!(stories.len(), 6);
}

fn write_state(home: &Path, body: &str) -> std::path::PathBuf {
    let path = home.join("state/byline/state.json");
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, body).unwrap();
    path
}

#[test]
fn saved_marks_reach_export_and_list() {
    let home = tempfile::tempdir().unwrap();
    let stories = export(home.path(), &["assets"]);
    assert!(stories.iter().all(|s| s["read"] == false && s["starred"] == false));
    let (a, b) = (stories[0]["id"].as_str().unwrap(), stories[1]["id"].as_str().unwrap());
    write_state(
        home.path(),
        &format!(
            r#"{{"stories": {{"{a}": {{"read": true, "starred": true, "changed": 1}}, "{b}": {{"read": true, "changed": 1}}}}}}"#
        ),
    );
    let stories = export(home.path(), &["assets"]);
    assert_eq!(stories.iter().filter(|s| s["read"] == true).count(), 2);
    assert_eq!(stories.iter().filter(|s| s["starred"] == true).count(), 1);
    let starred = byline_in(home.path(), &["list", "--starred", "assets"]);
    assert_eq!(text(&starred.stdout).lines().count(), 1);
    assert!(text(&starred.stdout).starts_with(&a[..8]));
    let unread = byline_in(home.path(), &["list", "--unread", "assets"]);
    assert_eq!(text(&unread.stdout).lines().count(), 12);
    let ignored = export(home.path(), &["--no-state", "assets"]);
    assert!(ignored.iter().all(|s| s["read"] == false), "--no-state reads nothing");
}

#[test]
fn a_corrupt_state_file_is_moved_aside_with_one_line() {
    let home = tempfile::tempdir().unwrap();
    let path = write_state(home.path(), "{ not json");
    let out = byline_in(home.path(), &["tags", "assets"]);
    assert!(out.status.success());
    let err = text(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("was unreadable") && err.contains("state.json.corrupt-"), "{err}");
    assert!(!path.exists());
    let aside: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("state.json.corrupt-"))
        .collect();
    assert_eq!(std::fs::read_to_string(aside[0].path()).unwrap(), "{ not json");
}

#[test]
fn no_state_writes_nothing() {
    let home = tempfile::tempdir().unwrap();
    byline_in(home.path(), &["--no-state", "export", "assets"]);
    assert!(!home.path().join("state").exists());
}
