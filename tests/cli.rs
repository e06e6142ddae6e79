//! The `byline` binary as a script would use it: exit codes, stderr reasons,
//! JSON that parses, filters that return the right stories, quiet pipes.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

mod common;

/// Run byline with its own empty config, state and data directories.
fn byline(args: &[&str]) -> Output {
    let home = tempfile::tempdir().unwrap();
    common::byline_in(home.path(), args)
}

fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

fn stderr(out: &Output) -> String {
    String::from_utf8(out.stderr.clone()).expect("stderr is UTF-8")
}

fn export(args: &[&str]) -> Vec<Value> {
    let out = byline(&[&["export"], args].concat());
    assert!(out.status.success(), "{}", stderr(&out));
    serde_json::from_slice::<Value>(&out.stdout).expect("valid JSON").as_array().unwrap().clone()
}

/// File stems of the stories `byline list ARGS` prints (the last argument
/// is the path), matched to the export by short id.
fn listed_stems(args: &[&str]) -> Vec<String> {
    let path = args.last().expect("a path");
    let out = byline(&["export", "--format", "jsonl", path]);
    assert!(out.status.success());
    let all: Vec<Value> = stdout(&out).lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    let listing = byline(&[&["list"], args].concat());
    assert!(listing.status.success(), "{}", stderr(&listing));
    stdout(&listing)
        .lines()
        .map(|line| {
            let short = line.split_whitespace().next().unwrap();
            let story = all.iter().find(|s| s["id"].as_str().unwrap().starts_with(short)).unwrap();
            let source = story["source"].as_str().unwrap();
            source.rsplit('/').next().unwrap().trim_end_matches(".txt").to_string()
        })
        .collect()
}

#[test]
fn export_of_the_reference_article() {
    // The reference article lives beside the repository, not in it; where it
    // is absent, tests/fixtures/text/seed-shape.txt covers the same shape.
    if !std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed").exists() {
        return;
    }
    let stories = export(&["../shared/seed/"]);
    let story = &stories[0];
    assert_eq!(story["title"], "Boost for Ruto as Trump set to support Kenya's mission in Haiti");
    assert!(story["caption"].as_str().unwrap().starts_with("A side-by-side image"));
    assert_eq!(story["credit"], "PHOTOS | COURTESY");
    let paragraphs = story["paragraphs"].as_array().unwrap();
    assert_eq!(paragraphs.len(), 11);
    let body = paragraphs.iter().map(|p| p.as_str().unwrap()).collect::<Vec<_>>().join("\n");
    for boilerplate in ["Tags", "send us a story", "Comment", "latest stories"] {
        assert!(!body.contains(boilerplate), "boilerplate {boilerplate:?} in body");
    }
    let tags: Vec<&str> = story["tags"].as_array().unwrap().iter().map(|t| t.as_str().unwrap()).collect();
    for name in ["Haiti", "Trump", "President Ruto"] {
        assert!(tags.contains(&name), "{tags:?}");
    }
    let quotes = story["quotes"].as_array().unwrap();
    assert_eq!(quotes.len(), 2);
    assert!(quotes.iter().all(|q| q["speaker"] == "Marco Rubio"));
}

#[test]
fn export_has_exactly_the_schema_fields() {
    let stories = export(&["assets"]);
    assert_eq!(stories.len(), 14);
    let fields: Vec<&str> = stories[0].as_object().unwrap().keys().map(String::as_str).collect();
    let mut expected = vec![
        "id",
        "source",
        "format",
        "title",
        "caption",
        "credit",
        "author",
        "url",
        "published",
        "tags",
        "paragraphs",
        "quotes",
        "people",
        "read",
        "starred",
        "cluster",
    ];
    expected.sort_unstable();
    let mut fields_sorted = fields.clone();
    fields_sorted.sort_unstable();
    assert_eq!(fields_sorted, expected);
    let quote = &stories.iter().find(|s| !s["quotes"].as_array().unwrap().is_empty()).unwrap()["quotes"][0];
    let mut quote_fields: Vec<&str> = quote.as_object().unwrap().keys().map(String::as_str).collect();
    quote_fields.sort_unstable();
    assert_eq!(quote_fields, ["cue", "end", "end_paragraph", "paragraph", "speaker", "start", "text"]);
    let person = &stories.iter().find(|s| !s["people"].as_array().unwrap().is_empty()).unwrap()["people"][0];
    let mut person_fields: Vec<&str> = person.as_object().unwrap().keys().map(String::as_str).collect();
    person_fields.sort_unstable();
    assert_eq!(person_fields, ["kind", "mentions", "name", "quotes"]);
}

#[test]
fn export_names_the_people_of_each_story_with_their_quotes() {
    let stories = export(&["assets"]);
    for story in &stories {
        let quotes = story["quotes"].as_array().unwrap();
        for person in story["people"].as_array().unwrap() {
            assert!(["person", "organisation"].contains(&person["kind"].as_str().unwrap()), "{person}");
            // A person's quotes are those whose speaker they are.
            let name = person["name"].as_str().unwrap();
            let theirs = quotes.iter().filter(|q| q["speaker"].as_str() == Some(name)).count() as u64;
            assert!(person["quotes"].as_u64().unwrap() >= theirs, "{name}: {person}");
        }
        // Every attributed quote's speaker is among the story's people.
        let speakers = quotes.iter().filter_map(|q| q["speaker"].as_str());
        let people: Vec<&str> =
            story["people"].as_array().unwrap().iter().map(|p| p["name"].as_str().unwrap()).collect();
        for speaker in speakers {
            let last = speaker.rsplit(' ').next().unwrap();
            assert!(people.iter().any(|p| p.ends_with(last)), "{speaker} not in {people:?}");
        }
    }
}

#[test]
fn ids_are_stable_across_runs_and_paths() {
    let a = export(&["assets"]);
    let b = export(&["assets/06-ruto-caribbean-leaders.txt"]);
    let id = b[0]["id"].as_str().unwrap();
    assert_eq!(id.len(), 16);
    assert!(a.iter().any(|s| s["id"] == id));
}

#[test]
fn jsonl_is_one_object_a_line() {
    let out = byline(&["export", "--format", "jsonl", "assets"]);
    let lines: Vec<String> = stdout(&out).lines().map(str::to_string).collect();
    assert_eq!(lines.len(), 14);
    for line in lines {
        assert!(serde_json::from_str::<Value>(&line).unwrap().is_object());
    }
}

#[test]
fn list_by_tag_gives_the_stories_a_reader_expects() {
    let mut ruto = listed_stems(&["--tag", "Ruto", "assets/"]);
    ruto.sort();
    assert_eq!(ruto, ["04-ruto-garissa-solar", "05-ruto-budget-bottom-up", "06-ruto-caribbean-leaders"]);
    let mut haiti = listed_stems(&["--tag", "haiti", "assets/"]);
    haiti.sort();
    assert_eq!(
        haiti,
        [
            "01-haiti-police-rotation",
            "02-haiti-schools-reopen",
            "03-haiti-mission-funding",
            "06-ruto-caribbean-leaders",
            "14-haiti-carrefour-road"
        ]
    );
}

#[test]
fn repeated_tags_mean_all_of_them() {
    assert_eq!(listed_stems(&["--tag", "Haiti", "--tag", "Ruto", "assets"]), ["06-ruto-caribbean-leaders"]);
}

#[test]
fn list_search_narrows_by_text() {
    assert_eq!(listed_stems(&["--search", "hyacinth", "assets"]), ["12-lake-victoria-hyacinth"]);
    assert_eq!(listed_stems(&["--search", "KISUMU cholera", "assets"]), ["09-kisumu-water-sensors"]);
}

#[test]
fn with_the_cache_off_commands_that_drop_the_text_answer_the_same() {
    // Without a cache to write, `tags`, `sources` and `list` keep no text;
    // a search still reads it.
    for command in ["tags", "sources", "list"] {
        let cached = byline(&[command, "assets"]);
        let uncached = byline(&["--no-cache", command, "assets"]);
        assert!(uncached.status.success(), "{}", stderr(&uncached));
        assert!(!stdout(&cached).is_empty());
        assert_eq!(stdout(&uncached), stdout(&cached), "byline {command}");
    }
    assert_eq!(
        listed_stems(&["--no-cache", "--search", "hyacinth", "assets"]),
        ["12-lake-victoria-hyacinth"]
    );
}

#[test]
fn sources_are_listed_with_counts_and_narrow_the_list() {
    let out = byline(&["sources", "tests/fixtures/mixed"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let coast = text.lines().find(|l| l.ends_with("Coast Desk")).expect("the feed's title is a source");
    let counts: Vec<&str> = coast.split_whitespace().take(2).collect();
    assert_eq!(counts, ["2", "2"], "stories and unread: {text}");
    let listed = byline(&["list", "--source", "coast desk", "tests/fixtures/mixed"]);
    assert_eq!(stdout(&listed).lines().count(), 2, "{}", stdout(&listed));
}

#[test]
fn list_sorts_by_the_order_asked_for() {
    let titles = |args: &[&str]| -> Vec<String> {
        let out = byline(&[&["list", "--columns", "id,title"], args, &["tests/fixtures/mixed"]].concat());
        assert!(out.status.success(), "{}", stderr(&out));
        stdout(&out).lines().map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" ")).collect()
    };
    let newest = titles(&[]);
    let oldest = titles(&["--sort", "oldest"]);
    assert!(newest.len() > 1);
    let mut by_title = titles(&["--sort", "title"]);
    let mut sorted = by_title.clone();
    sorted.sort_by_key(|t| t.to_lowercase());
    assert_eq!(by_title, sorted);
    by_title.sort();
    let mut again = newest.clone();
    again.sort();
    assert_eq!(by_title, again, "the same stories in another order");
    assert_ne!(newest, oldest);
    let wrong = byline(&["list", "--sort", "random", "assets"]);
    assert!(!wrong.status.success());
    assert!(stderr(&wrong).contains("expected newest, oldest, source or title"), "{}", stderr(&wrong));
}

#[test]
fn list_aligns_columns_by_display_width() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "東京の朝\n\nBody.\n\nTags: Japan\n").unwrap();
    std::fs::write(dir.path().join("b.txt"), "Tokyo morning\n\nBody.\n\nTags: Japan\n").unwrap();
    let out = byline(&["list", dir.path().to_str().unwrap()]);
    let columns: Vec<usize> =
        stdout(&out).lines().map(|l| unicode_width(&l[..l.find("Japan").unwrap()])).collect();
    assert_eq!(columns.len(), 2);
    assert_eq!(columns[0], columns[1], "tags column starts at the same cell");
}

fn unicode_width(s: &str) -> usize {
    s.chars().map(|c| if ('\u{3000}'..='\u{9fff}').contains(&c) { 2 } else { 1 }).sum()
}

#[test]
fn tags_are_counted_most_used_first() {
    let out = byline(&["tags", "assets"]);
    let first = stdout(&out).lines().next().unwrap().to_string();
    assert_eq!(first.split_whitespace().collect::<Vec<_>>(), ["5", "Haiti"]);
}

#[test]
fn quotes_by_speaker() {
    let out = byline(&["quotes", "--speaker", "ruto", "assets"]);
    let text = stdout(&out);
    assert_eq!(text.lines().count(), 5, "{text}");
    assert!(text.lines().all(|l| l.starts_with("William Ruto")));
    let out = byline(&["quotes", "--speaker", "Rubio", "--tag", "Haiti", "../shared/seed"]);
    if out.status.success() && !out.stdout.is_empty() {
        assert_eq!(stdout(&out).lines().count(), 2);
    }
}

#[test]
fn quotes_with_cues_show_why_each_speaker_was_chosen() {
    let out = byline(&["quotes", "--cues", "--speaker", "Kiprono", "assets"]);
    let text = stdout(&out);
    let line = text.lines().next().expect("a quote by Peter Kiprono");
    let columns: Vec<&str> = line.split("  ").filter(|c| !c.trim().is_empty()).collect();
    assert_eq!(
        columns[..2].iter().map(|c| c.trim()).collect::<Vec<_>>(),
        ["Peter Kiprono", "told reporters"]
    );
    // A quote that only continues the one before it has no cue of its own.
    let out = byline(&["quotes", "--cues", "--speaker", "Holness", "assets"]);
    let text = stdout(&out);
    let cue_column: Vec<&str> =
        text.lines().map(|l| l["Andrew Holness-Clarke".len()..].trim_start()).collect();
    assert!(cue_column[0].starts_with("said "), "{text}");
    assert!(cue_column[1].starts_with("(no cue) "), "{text}");
    // Without --cues the line is speaker, quote, title as before.
    let plain = stdout(&byline(&["quotes", "--speaker", "Kiprono", "assets"]));
    assert!(
        plain.lines().next().unwrap().split("  ").filter(|c| !c.is_empty()).nth(1).unwrap().starts_with('“')
    );
}

#[test]
fn skipped_files_are_named_and_the_rest_still_prints() {
    let out = byline(&["list", "tests/fixtures/broken"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("byline: skipped tests/fixtures/broken/empty.txt: empty file"), "{err}");
    assert!(err.contains("byline: skipped tests/fixtures/broken/image.txt: binary file"), "{err}");
    assert!(stdout(&out).contains("A story that survives its broken neighbours"));
}

#[test]
fn invalid_utf8_is_a_warning_not_a_failure() {
    let out = byline(&["list", "tests/fixtures/text/invalid-utf8.txt"]);
    assert!(out.status.success());
    assert!(stderr(&out).contains("warning: tests/fixtures/text/invalid-utf8.txt: invalid UTF-8"));
}

#[test]
fn a_missing_path_is_one_clear_line() {
    let out = byline(&["list", "no/such/dir"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), "byline: no/such/dir: no such file or directory\n");
    assert!(out.stdout.is_empty());
}

#[test]
fn no_path_means_the_bundled_sample_corpus() {
    let out = byline(&["tags"]);
    assert!(out.status.success());
    assert!(stdout(&out).contains("Haiti"));
}

#[test]
fn the_reader_without_a_terminal_says_so_instead_of_crashing() {
    let out = byline(&["assets"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(err.contains("the reader needs a terminal"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
}

#[test]
fn global_options_go_before_or_after_the_command() {
    for args in [&["--no-state", "list", "assets"][..], &["list", "--no-state", "assets"][..]] {
        let out = byline(args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stdout(&out).lines().count(), 14, "{args:?}");
    }
}

#[test]
fn help_and_version() {
    let help = byline(&["--help"]);
    assert!(help.status.success());
    for word in ["export", "list", "tags", "quotes", "Usage"] {
        assert!(stdout(&help).contains(word), "--help mentions {word}");
    }
    let version = byline(&["--version"]);
    assert_eq!(stdout(&version).trim(), format!("byline {}", env!("CARGO_PKG_VERSION")));
    assert_eq!(byline(&["list", "--bogus"]).status.code(), Some(2));
}

#[test]
fn output_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    for i in 0..3000 {
        std::fs::write(
            dir.path().join(format!("{i:04}.txt")),
            format!("Story number {i} about nothing\n\nBody.\n"),
        )
        .unwrap();
    }
    let mut child = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["--no-state", "list", dir.path().to_str().unwrap()])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    assert!(first.contains("Story number"));
    // The reader is dropped here: `byline list | head -1`.
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "exit {:?}", out.status);
    assert_eq!(stderr(&out), "");
}

#[test]
fn list_shows_date_and_source_after_the_id_and_columns_can_be_chosen() {
    let out = byline(&["list", "tests/fixtures/mixed"]);
    assert!(out.status.success(), "{}", stderr(&out));
    let text = stdout(&out);
    let malindi = text.lines().find(|l| l.contains("Malindi fishermen")).unwrap();
    let cells: Vec<&str> = malindi.split("  ").map(str::trim).filter(|c| !c.is_empty()).collect();
    assert_eq!(cells[0].len(), 8, "the short id first: {malindi}");
    // 2 June 2025 08:15 in Nairobi: 1 or 2 June in the machine's zone.
    assert!(cells[1].starts_with("2025-06-0"), "then the date: {malindi}");
    assert_eq!(cells[2], "Coast Desk", "then the source: {malindi}");
    let chosen = byline(&["list", "--columns", "title,source", "tests/fixtures/mixed"]);
    let first = stdout(&chosen).lines().next().unwrap().to_string();
    assert!(first.starts_with("Kisumu port welcomes"), "{first}");
    assert!(first.ends_with("lakeside.example"), "{first}");
    let wrong = byline(&["list", "--columns", "id,colour", "assets"]);
    assert!(stderr(&wrong).contains("unknown column `colour`"), "{}", stderr(&wrong));
}
