//! Subscriptions in and out through the CLI: OPML import and export (a
//! round trip keeps every feed and tag), newsboat `urls` files, and the
//! subscriptions file people edit by hand.

#![allow(clippy::unwrap_used)]

mod common;

use std::path::Path;

use common::byline_in;

fn run(home: &Path, args: &[&str]) -> (String, String, Option<i32>) {
    let out = byline_in(home, args);
    (String::from_utf8(out.stdout).unwrap(), String::from_utf8(out.stderr).unwrap(), out.status.code())
}

/// `feeds list --json`, one value a subscription, without fetch times.
fn subscriptions(home: &Path) -> Vec<serde_json::Value> {
    let (out, err, code) = run(home, &["feeds", "list", "--json"]);
    assert_eq!(code, Some(0), "{err}");
    out.lines().map(|l| serde_json::from_str(l).unwrap()).collect()
}

/// Folders, categories, an escaped title and a URL byline cannot fetch.
const OPML: &str = include_str!("fixtures/opml/nested.opml");

#[test]
fn opml_import_turns_folders_and_categories_into_tags() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("subs.opml");
    std::fs::write(&file, OPML).unwrap();
    let (_, err, code) = run(home.path(), &["feeds", "import", file.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("imported 3 feeds (3 new)"), "{err}");
    assert!(err.contains("skipped `ftp://old.example/rss`: only http and https"), "{err}");
    let subs = subscriptions(home.path());
    let summary: Vec<(String, String, serde_json::Value)> = subs
        .iter()
        .map(|s| (s["title"].as_str().unwrap().into(), s["url"].as_str().unwrap().into(), s["tags"].clone()))
        .collect();
    assert_eq!(
        summary,
        [
            (
                "Island Wire".into(),
                "https://wire.example/rss".into(),
                serde_json::json!(["World", "Caribbean", "Haiti"])
            ),
            (
                "Rift Daily".into(),
                "https://rift.example/atom.xml".into(),
                serde_json::json!(["World", "East Africa", "Kenya", "Ruto"])
            ),
            ("Loose & Free".into(), "http://loose.example/feed.json".into(), serde_json::json!([])),
        ]
    );
}

#[test]
fn opml_import_export_import_gives_the_same_subscriptions_and_tags() {
    let first = tempfile::tempdir().unwrap();
    let file = first.path().join("subs.opml");
    std::fs::write(&file, OPML).unwrap();
    run(first.path(), &["feeds", "import", file.to_str().unwrap()]);
    let (exported, err, code) = run(first.path(), &["feeds", "export"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(exported.contains("<opml version=\"2.0\">"), "{exported}");

    let second = tempfile::tempdir().unwrap();
    let again = second.path().join("again.opml");
    std::fs::write(&again, &exported).unwrap();
    let (_, err, code) = run(second.path(), &["feeds", "import", again.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert_eq!(subscriptions(second.path()), subscriptions(first.path()));
    // And importing the same file again changes nothing.
    let (_, err, _) = run(second.path(), &["feeds", "import", again.to_str().unwrap()]);
    assert!(err.contains("imported 3 feeds (0 new)"), "{err}");
    assert_eq!(subscriptions(second.path()), subscriptions(first.path()));
}

#[test]
fn a_newsboat_urls_file_imports_with_its_tags_and_titles() {
    let home = tempfile::tempdir().unwrap();
    let urls = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/opml/newsboat-urls");
    let (_, err, code) = run(home.path(), &["feeds", "import", "--newsboat", urls.to_str().unwrap()]);
    assert_eq!(code, Some(0), "{err}");
    assert!(err.contains("imported 2 feeds"), "{err}");
    assert!(err.contains("skipped line 4:"), "a query feed has no URL to fetch: {err}");
    let subs = subscriptions(home.path());
    assert_eq!(subs[0]["tags"], serde_json::json!(["Haiti", "Latin America"]));
    assert_eq!(subs[1]["title"], "Rift Daily");
    assert_eq!(subs[1]["tags"], serde_json::json!(["Kenya"]));
}

#[test]
fn a_file_that_is_not_opml_is_refused_and_nothing_changes() {
    let home = tempfile::tempdir().unwrap();
    let file = home.path().join("feed.xml");
    std::fs::write(&file, "<rss><channel><title>x</title></channel></rss>").unwrap();
    let (_, err, code) = run(home.path(), &["feeds", "import", file.to_str().unwrap()]);
    assert_eq!(code, Some(2));
    assert!(err.contains("not an OPML document"), "{err}");
    assert!(subscriptions(home.path()).is_empty());
}

#[test]
fn the_subscriptions_file_is_plain_toml_that_hand_edits_reach() {
    let home = tempfile::tempdir().unwrap();
    let (_, err, code) = run(
        home.path(),
        &["feeds", "add", "--no-check", "https://wire.example/rss", "--tag", "Haiti", "--title", "Wire"],
    );
    assert_eq!(code, Some(0), "{err}");
    let path = home.path().join("config/byline/feeds.toml");
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("url = \"https://wire.example/rss\""), "{text}");
    std::fs::write(
        &path,
        format!("{text}\n[[feed]]\nurl = \"https://by-hand.example/rss\"\ntags = [\"Ruto\"]\n"),
    )
    .unwrap();
    let subs = subscriptions(home.path());
    assert_eq!(subs.len(), 2);
    assert_eq!(subs[1]["tags"], serde_json::json!(["Ruto"]));

    std::fs::write(&path, "[[feed]]\nurl = \"https://ok.example/\"\nlabel = \"x\"\n").unwrap();
    let (_, err, code) = run(home.path(), &["fetch"]);
    assert_eq!(code, Some(2));
    assert!(err.contains("feeds.toml:3:1"), "a mistake is named by line and column: {err}");
}

#[test]
fn a_url_byline_cannot_fetch_is_refused_when_added() {
    let home = tempfile::tempdir().unwrap();
    for url in ["file:///etc/passwd", "javascript:alert(1)", "wire.example/rss"] {
        let (_, err, code) = run(home.path(), &["feeds", "add", url]);
        assert_eq!(code, Some(2), "{url} was accepted");
        assert!(err.starts_with("byline: "), "{err}");
    }
    assert!(subscriptions(home.path()).is_empty());
}

#[test]
fn with_another_config_file_the_subscriptions_sit_beside_it() {
    let home = tempfile::tempdir().unwrap();
    let elsewhere = home.path().join("elsewhere");
    std::fs::create_dir_all(&elsewhere).unwrap();
    let config = elsewhere.join("work.toml");
    std::fs::write(&config, "").unwrap();
    let config = config.to_str().unwrap();
    let (_, err, code) =
        run(home.path(), &["--config", config, "feeds", "add", "--no-check", "https://work.example/rss"]);
    assert_eq!(code, Some(0), "{err}");
    assert!(elsewhere.join("feeds.toml").exists());
    assert!(subscriptions(home.path()).is_empty(), "the usual feeds.toml is untouched");
}
