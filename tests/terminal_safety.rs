//! No byte of an article reaches the terminal except as printable text:
//! escape sequences, C0/C1 controls and bidirectional overrides are gone
//! from every command's output and from the reader's screen.

#![allow(clippy::unwrap_used)]

mod common;

use common::pty::Session;

/// An article laced with everything a hostile file could send a terminal.
const HOSTILE: &str = "Title \u{1b}[2J\u{1b}]0;pwned\u{7}with \u{202E}reversed\u{202C} text\n\n\
Caption \u{2066}isolated\u{2069} here. PHOTO | FILE\n\n\
\"We \u{9b}31mare\u{1b}[0m here,\" said Amina \u{202D}Njoki\u{202C}.\n\n\
Body with a bell\u{7}, a backspace\u{8} and an OSC 8 \u{1b}]8;;http://evil.example\u{1b}\\link\u{1b}]8;;\u{1b}\\.\n\n\
Tags: Haiti\u{202E}, Nai\u{1b}[1mrobi\n";

fn is_unsafe(c: char) -> bool {
    (c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
        || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{061C}')
}

#[test]
fn every_command_prints_hostile_text_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, HOSTILE).unwrap();
    let path = path.to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    for args in [
        vec!["list", path],
        vec!["tags", path],
        vec!["quotes", path],
        vec!["export", path],
        vec!["export", "--format", "jsonl", path],
    ] {
        let out = common::byline_in(home.path(), &args);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).unwrap();
        let bad: Vec<char> = text.chars().filter(|&c| is_unsafe(c)).collect();
        assert!(bad.is_empty(), "{args:?} printed {bad:?}: {text:?}");
        assert!(!text.contains("\\u001b") && !text.contains("\\u202e"), "{args:?} kept them escaped: {text}");
    }
    let list = common::byline_in(home.path(), &["list", path]);
    let list = String::from_utf8_lossy(&list.stdout);
    assert!(list.contains("Title with reversed text"), "{list}");
    assert!(list.contains("Haiti, Nairobi"), "{list}");
}

#[test]
fn the_reader_shows_hostile_text_as_plain_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hostile.txt");
    std::fs::write(&path, HOSTILE).unwrap();
    let mut s = Session::start(&[path.to_str().unwrap()], 120, 30);
    s.wait_for_text("Title with reversed text");
    s.keys("\r");
    s.wait_for_text("Body with a bell, a backspace and an OSC 8 link.");
    let screen = s.screen();
    assert!(!screen.chars().any(is_unsafe), "{screen:?}");
    assert!(screen.contains("Amina Njoki"), "{screen}");
    let raw = String::from_utf8_lossy(&s.raw);
    assert!(
        !raw.contains("pwned") && !raw.contains("evil.example"),
        "the file's own sequences never went out"
    );
    s.keys("q");
    assert!(s.finish().0.success());
}
