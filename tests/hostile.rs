//! Hostile and extreme files: each loads, or is refused with a reason,
//! without taking the rest down. Sizes are the ones issue #7 names; the
//! files are generated here.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Output;

use serde_json::Value;

mod common;

fn byline(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    common::byline_in(home.path(), &[&["--no-state"], args].concat())
}

fn export(path: &Path) -> Vec<Value> {
    let out = byline(&["export", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Value>(&out.stdout).unwrap().as_array().unwrap().clone()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_ten_megabyte_line_is_one_paragraph() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("line.txt");
    let line = "word ".repeat(2_000_000);
    std::fs::write(&path, format!("One long line\n\n{line}\n")).unwrap();
    let stories = export(&path);
    assert_eq!(stories[0]["title"], "One long line");
    let paragraphs = stories[0]["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 1);
    assert_eq!(paragraphs[0].as_str().unwrap().len(), line.trim_end().len());
}

#[test]
fn a_story_of_a_hundred_thousand_paragraphs_has_all_its_quotes() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("long.txt");
    let body: Vec<String> =
        (0..100_000).map(|i| format!("Item {i} arrived. \"It is here,\" said Amina Njoki.")).collect();
    std::fs::write(&path, format!("A long story\n\n{}\n", body.join("\n\n"))).unwrap();
    let out = byline(&["quotes", "--speaker", "Njoki", path.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 100_000);
}

#[test]
fn a_hundred_thousand_tags_load_written_either_way() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..100_000).map(|i| format!("Tag{i}")).collect();
    std::fs::write(dir.path().join("commas.txt"), format!("Commas\n\nBody.\n\nTags: {}\n", names.join(", ")))
        .unwrap();
    std::fs::write(dir.path().join("spaces.txt"), format!("Spaces\n\nBody.\n\nTags: {}\n", names.join(" ")))
        .unwrap();
    for story in export(dir.path()) {
        assert_eq!(story["tags"].as_array().unwrap().len(), 100_000, "{}", story["title"]);
    }
}

#[test]
fn deeply_nested_pages_are_refused_and_deep_fragments_become_text() {
    let dir = tempfile::tempdir().unwrap();
    let deep = format!("{}lost{}", "<div>".repeat(100_000), "</div>".repeat(100_000));
    std::fs::write(dir.path().join("page.html"), format!("<html><body>{deep}</body></html>")).unwrap();
    let item = format!(
        "<item><title>Deep item</title><description>{}</description></item>",
        deep.replace('<', "&lt;").replace('>', "&gt;")
    );
    let feed = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>F</title>{item}</channel></rss>"
    );
    std::fs::write(dir.path().join("feed.xml"), feed).unwrap();
    let elements = format!(
        "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>x</title>{}</item></channel></rss>",
        "<x>".repeat(100_000)
    );
    std::fs::write(dir.path().join("elements.xml"), elements).unwrap();

    let out = byline(&["export", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "skipped files make the status 2");
    let err = stderr(&out);
    assert!(err.contains("page.html: HTML nested more than 512 levels deep"), "{err}");
    assert!(err.contains("elements.xml: not a readable feed"), "{err}");
    let stories: Value = serde_json::from_slice(&out.stdout).unwrap();
    let stories = stories.as_array().unwrap();
    assert_eq!(stories.len(), 1, "the feed's item still loads");
    assert_eq!(stories[0]["paragraphs"], serde_json::json!(["lost"]));
}

#[test]
fn entity_expansion_is_never_performed() {
    // "Billion laughs": nine levels of entities, each ten of the one before.
    let mut dtd = String::from("<!ENTITY lol \"lol\">\n");
    for i in 1..=9 {
        let previous = if i == 1 { "lol".to_string() } else { format!("lol{}", i - 1) };
        dtd.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", format!("&{previous};").repeat(10)));
    }
    let feed = format!(
        "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n{dtd}]>\n<rss version=\"2.0\"><channel><title>&lol9;</title>\
         <item><title>Laughs &lol9;</title><description>&lol9;</description></item></channel></rss>"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("laughs.xml");
    std::fs::write(&path, feed).unwrap();
    let out = byline(&["export", path.to_str().unwrap()]);
    assert!(out.stdout.len() < 10_000, "nothing was expanded: {} bytes", out.stdout.len());
}

#[test]
fn a_vanished_or_dangling_file_is_skipped_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("good.txt"), "Good\n\nBody.\n").unwrap();
    std::os::unix::fs::symlink(dir.path().join("gone.txt"), dir.path().join("dangling.txt")).unwrap();
    let out = byline(&["list", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("dangling.txt: no such file or directory"), "{}", stderr(&out));
    assert!(String::from_utf8_lossy(&out.stdout).contains("Good"));
}
