//! End to end: the real `byline` binary in a pseudo-terminal. Keys go in as
//! bytes; what comes out is fed to a terminal emulator (vt100) and the
//! assertions read the screen a person would see. Every wait is for a
//! condition on the screen, with a deadline, never a fixed sleep.

#![allow(clippy::unwrap_used)]

use std::io::Read;
use std::path::Path;

mod common;

use std::num::NonZeroU16;

use std::time::Instant;

use common::pty::{DEADLINE, Session};
use portable_pty::PtySize;

/// After byline ends the terminal is as it was: main screen, cursor shown,
/// mouse reporting off.
fn assert_terminal_restored(parser: &vt100::Parser) {
    let screen = parser.screen();
    assert!(!screen.alternate_screen(), "left the alternate screen");
    assert!(!screen.hide_cursor(), "cursor visible again");
    assert_eq!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "mouse reporting off");
}

/// `?` shows the help over the reader and Esc closes it.
fn help_opens_and_closes(s: &mut Session) {
    s.keys("?");
    s.wait_for_text("open the story in the reader");
    s.keys("\x1b");
    s.wait_until("help closed", |screen| !screen.contents().contains("open the story in the reader"));
}

#[test]
fn a_new_user_finds_haiti_stories_and_walks_their_quotes() {
    let mut s = Session::start(&[], 120, 32);
    s.wait_for_text("Stories");
    assert!(s.parser.screen().alternate_screen());
    s.keys("t");
    s.wait_for_text("Tag:");
    s.keys("Haiti");
    s.wait_for_text("any tag naming “Haiti”");
    s.keys("\r");
    s.wait_for_text("5 of 14");
    s.wait_for_text("tag: Haiti");
    s.keys("\r");
    s.keys("]");
    s.wait_for_text("quote 1/4 - Andrew Holness-Clarke");
    s.keys("]");
    s.wait_for_text("quote 2/4 - Andrew Holness-Clarke");
    s.keys("]");
    s.wait_for_text("quote 3/4 - William Ruto");
    s.keys("[");
    s.wait_for_text("quote 2/4 - Andrew Holness-Clarke");
    help_opens_and_closes(&mut s);
    s.keys("q");
    let (status, parser) = s.finish();
    assert!(status.success());
    assert_terminal_restored(&parser);
}

#[test]
fn the_reference_article_has_two_quotes_by_marco_rubio() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed");
    if !seed.exists() {
        return; // The reference article lives beside the repository, not in it.
    }
    let mut s = Session::start(&["../shared/seed/"], 100, 30);
    s.wait_for_text("Boost for Ruto");
    s.keys("]");
    s.wait_for_text("quote 1/2 - Marco Rubio");
    s.keys("]");
    s.wait_for_text("quote 2/2 - Marco Rubio");
    s.keys("[");
    s.wait_for_text("quote 1/2 - Marco Rubio");
    s.keys("\x03"); // Ctrl-C
    let (status, parser) = s.finish();
    assert!(status.success());
    assert_terminal_restored(&parser);
}

#[test]
fn search_narrows_the_list_as_you_type() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for_text("Stories");
    s.keys("/hyacinth");
    s.wait_for_text("1 of 14");
    s.keys("\r");
    s.wait_for_text("search: hyacinth");
    s.keys("\x1b");
    s.wait_until("filters cleared", |screen| !screen.contents().contains("search: hyacinth"));
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn sigterm_restores_the_terminal_and_saves_the_marks() {
    let mut s = Session::start(&[], 100, 30);
    s.wait_for_text("Stories");
    // Star a story: the save is coalesced, so it is still pending when the
    // signal comes.
    s.keys("s");
    s.wait_until("starred", |screen| screen.contents().contains('★'));
    let pid = s.child.process_id().unwrap();
    let killed = std::process::Command::new("kill").args(["-TERM", &pid.to_string()]).status().unwrap();
    assert!(killed.success());
    let (_, parser, home) = s.finish_keeping_home();
    assert_terminal_restored(&parser);
    let out = common::byline_in(home.path(), &["list", "--starred"]);
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 1, "the star was saved");
}

#[test]
fn resizing_redraws_at_once_and_narrow_shows_one_pane() {
    let mut s = Session::start(&[], 120, 30);
    s.wait_for_text("Reader");
    s.master.resize(PtySize { rows: 20, cols: 60, pixel_width: 0, pixel_height: 0 }).unwrap();
    s.parser.set_size(NonZeroU16::new(20).unwrap(), NonZeroU16::new(60).unwrap());
    s.wait_until("one pane", |screen| {
        let text = screen.contents();
        text.contains("Stories") && !text.contains("Reader")
    });
    s.keys("\r");
    s.wait_until("the reader alone", |screen| {
        let text = screen.contents();
        text.contains("Reader") && !text.contains("Stories")
    });
    s.keys("q");
    let (status, parser) = s.finish();
    assert!(status.success());
    assert_terminal_restored(&parser);
}

/// The reader's column range at 120 columns: right of the 40% story list.
fn reader_rows(screen: &vt100::Screen) -> Vec<String> {
    screen.rows(48, 72).collect()
}

fn list_rows(screen: &vt100::Screen) -> Vec<String> {
    screen.rows(0, 48).collect()
}

#[test]
fn reading_is_remembered_across_runs() {
    let mut s = Session::start(&[], 120, 30);
    s.wait_for_text("Stories");
    s.keys("jj");
    s.wait_until("third story previewed", |screen| reader_rows(screen)[1].contains("Caribbean leaders"));
    s.keys("\r");
    s.wait_until("opened", |screen| !list_rows(screen)[3].contains('●'));
    s.keys("q");
    let (status, _, home) = s.finish_keeping_home();
    assert!(status.success());

    // The CLI sees the mark.
    let out = common::byline_in(home.path(), &["export"]);
    let stories: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let read: Vec<&str> =
        stories.iter().filter(|s| s["read"] == true).map(|s| s["title"].as_str().unwrap()).collect();
    assert_eq!(read, ["Caribbean leaders and Ruto agree plan to widen Haiti mission"]);
    assert!(stories.iter().all(|s| s["read"] == true || s["read"] == false));

    // The next run selects the same story and shows it read.
    let mut s = Session::start_in(home, &[], 120, 30);
    s.wait_for_text("Stories");
    s.wait_until("the same story selected", |screen| reader_rows(screen)[1].contains("Caribbean leaders"));
    let rows = list_rows(s.parser.screen());
    assert!(rows[3].contains("Caribbean") && !rows[3].contains('●'), "{rows:?}");
    assert!(rows[1].contains('●'), "others stay unread: {rows:?}");
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn stars_are_remembered_and_u_shows_unread_only() {
    let mut s = Session::start(&[], 120, 30);
    s.wait_for_text("Stories");
    s.keys("s");
    s.wait_for_text("★");
    s.keys("\r");
    s.wait_for_text("Esc list");
    s.keys("\x1b");
    // Wait for the list to have focus: Esc and a key sent together read as Alt-key.
    s.wait_for_text("t tags");
    s.keys("u");
    s.wait_for_text("unread only");
    s.wait_for_text("13 of 14");
    s.keys("q");
    let (_, _, home) = s.finish_keeping_home();
    let mut s = Session::start_in(home, &[], 120, 30);
    s.wait_for_text("★");
    s.keys("*");
    s.wait_for_text("1 of 14");
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn no_color_draws_without_colour_but_shows_the_selection() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_with_env(home, &[], 100, 30, &[("NO_COLOR", "1")]);
    s.wait_for_text("q quit");
    let screen = s.parser.screen();
    let mut inverse = 0;
    for row in 0..30 {
        for col in 0..100 {
            let cell = screen.cell(row, col).unwrap();
            assert_eq!(cell.fgcolor(), vt100::Color::Default, "colour at {row},{col}");
            assert_eq!(cell.bgcolor(), vt100::Color::Default, "colour at {row},{col}");
            inverse += usize::from(cell.inverse());
        }
    }
    assert!(inverse > 20, "the selected row and the status bar are in reverse video");
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn o_opens_the_link_with_browser_as_one_literal_argument_never_through_a_shell() {
    let home = tempfile::tempdir().unwrap();
    let record = home.path().join("browser-args");
    let canary = home.path().join("pwned");
    let script = home.path().join("fake-browser");
    std::fs::write(
        &script,
        format!("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{}'\n", record.display()),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
    let url = format!(
        "https://news.example/a;touch${{IFS}}{}&x=$(touch${{IFS}}{})|`id`",
        canary.display(),
        canary.display()
    );
    let story =
        serde_json::json!([{"title": "A story with a hostile link", "paragraphs": ["Text."], "url": url}]);
    let data = home.path().join("story.json");
    std::fs::write(&data, story.to_string()).unwrap();
    let browser = script.display().to_string();
    let mut s = Session::start_with_env(home, &[data.to_str().unwrap()], 100, 30, &[("BROWSER", &browser)]);
    s.wait_for_text("A story with a hostile link");
    s.keys("\r");
    s.wait_for_text("Esc list");
    s.keys("o");
    s.wait_for_text("opened https://news.example/a;");
    let start = Instant::now();
    let recorded = loop {
        if let Ok(text) = std::fs::read_to_string(&record)
            && text.ends_with('\n')
        {
            break text;
        }
        assert!(start.elapsed() < DEADLINE, "the browser never ran");
        std::thread::yield_now();
    };
    assert_eq!(recorded, format!("{url}\n"), "exactly one argument, the URL as it was");
    assert!(!canary.exists(), "nothing in the URL was run");
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn a_mixed_directory_opens_as_one_story_list() {
    let mut s = Session::start(&["tests/fixtures/mixed"], 120, 30);
    s.wait_for_text(" 8 ");
    for title in [
        "Kisumu port welcomes",
        "Malindi fishermen",
        "Embu coffee",
        "Machakos potters",
        "Port-au-Prince market",
    ] {
        s.wait_for_text(title);
    }
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn sighup_ends_byline_and_restores_the_terminal() {
    // What a closing terminal window sends, the terminal still there. (A
    // real hang-up, the pty gone: the next test.)
    let mut s = Session::start(&[], 100, 30);
    s.wait_for_text("q quit");
    let pid = s.child.process_id().unwrap();
    assert!(std::process::Command::new("kill").args(["-HUP", &pid.to_string()]).status().unwrap().success());
    let (_, parser) = s.finish();
    assert_terminal_restored(&parser);
}

#[test]
fn a_terminal_that_goes_away_ends_byline_within_its_grace_period() {
    // A real hang-up: the window closes and the pty goes with it, so the
    // terminal can no longer be written to. byline must still end (after
    // the 2 s it gives its loop to notice), never spin on the dead
    // terminal.
    let home = tempfile::tempdir().unwrap();
    let pair = portable_pty::native_pty_system()
        .openpty(PtySize { rows: 30, cols: 100, pixel_width: 0, pixel_height: 0 })
        .unwrap();
    let mut cmd = portable_pty::CommandBuilder::new(env!("CARGO_BIN_EXE_byline"));
    cmd.cwd(env!("CARGO_MANIFEST_DIR"));
    cmd.env("TERM", "xterm-256color");
    for (var, dir) in common::xdg_env(home.path()) {
        cmd.env(var, dir);
    }
    let mut child = pair.slave.spawn_command(cmd).unwrap();
    drop(pair.slave);
    let pid = child.process_id().unwrap();
    let mut reader = pair.master.try_clone_reader().unwrap();
    let mut screen = vt100::Parser::new(NonZeroU16::new(30).unwrap(), NonZeroU16::new(100).unwrap(), 0);
    let mut buf = [0u8; 8192];
    while !screen.screen().contents().contains("q quit") {
        let n = reader.read(&mut buf).unwrap();
        assert!(n > 0, "the reader drew its first frame");
        screen.process(&buf[..n]);
    }
    drop(reader);
    drop(pair.master);
    let (tx, ended) = std::sync::mpsc::channel();
    std::thread::spawn(move || tx.send(child.wait().unwrap()));
    let status = ended.recv_timeout(DEADLINE);
    if status.is_err() {
        let _ = std::process::Command::new("kill").args(["-KILL", &pid.to_string()]).status();
    }
    assert!(
        status.is_ok_and(|s| !s.success()),
        "byline still running {DEADLINE:?} after its terminal went away"
    );
}

#[test]
fn ctrl_z_gives_the_terminal_back_and_the_reader_returns_redrawn() {
    // The pty's session has no shell to stop byline for, so the stop is
    // discarded and byline comes straight back; what is tested is that it
    // leaves the terminal as it found it first and redraws everything after.
    // (The stop itself and `fg` were checked by hand in an interactive bash.)
    let mut s = Session::start(&[], 100, 30);
    s.wait_for_text("q quit");
    let before = s.raw.len();
    s.keys("\x1a");
    s.wait_for_bytes(before, "suspend and return", |raw| {
        let text = String::from_utf8_lossy(raw);
        let left = text.find("\x1b[?1049l");
        let back = left.and_then(|at| text[at..].find("\x1b[?1049h").map(|b| at + b));
        back.is_some_and(|at| text[at..].contains(" Stories "))
    });
    assert!(s.parser.screen().alternate_screen(), "back on the reader's screen");
    s.keys("q");
    let (status, parser) = s.finish();
    assert!(status.success());
    assert_terminal_restored(&parser);
}

#[test]
fn a_crash_restores_the_terminal_saves_the_marks_and_names_its_report() {
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_with_env(home, &[], 120, 30, &[("BYLINE_CRASH_TEST", "1")]);
    s.wait_for_text("Stories");
    s.keys("\r");
    s.wait_until("opened", |screen| !list_rows(screen)[1].contains('●'));
    s.keys("!");
    let (status, parser, home) = s.finish_keeping_home();
    assert!(!status.success());
    assert_terminal_restored(&parser);
    let screen = parser.screen().contents();
    let line = screen.lines().find(|l| l.contains("crashed")).unwrap_or_else(|| panic!("one line: {screen}"));
    let report = line.split("the report is in ").nth(1).unwrap().trim();
    assert!(report.starts_with(home.path().to_str().unwrap()), "in the state directory: {report}");
    let text = std::fs::read_to_string(report).unwrap();
    assert!(text.contains("crash test: `!` pressed"), "{text}");
    assert!(!screen.contains("panicked at"), "no trace over the screen: {screen}");

    // The mark made just before the crash was saved.
    let out = common::byline_in(home.path(), &["export"]);
    let stories: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(stories.iter().filter(|s| s["read"] == true).count(), 1);
}

#[test]
fn a_crash_caught_in_a_worker_thread_leaves_the_reader_running_on_its_screen() {
    // A parser that falls over on one file costs that file: the reader
    // keeps its screen, its keys and its mouse.
    let home = tempfile::tempdir().unwrap();
    let mut s = Session::start_with_env(home, &[], 120, 30, &[("BYLINE_CRASH_TEST", "worker")]);
    s.wait_for_text("q quit");
    s.keys("!");
    help_opens_and_closes(&mut s);
    let screen = s.parser.screen();
    assert!(screen.alternate_screen(), "still on the reader's screen");
    assert_ne!(screen.mouse_protocol_mode(), vt100::MouseProtocolMode::None, "the mouse still works");
    s.keys("q");
    let (status, parser) = s.finish();
    assert!(status.success());
    assert_terminal_restored(&parser);
}

#[test]
fn two_feeds_show_their_sources_and_dates_and_triage_is_remembered() {
    let home = tempfile::tempdir().unwrap();
    let dir = "tests/fixtures/two-feeds";
    // Dates show in the local time zone: fix it, so they read the same
    // on every machine.
    let utc = [("TZ", "UTC")];
    let mut s = Session::start_with_env(home, &[dir], 150, 30, &utc);
    s.wait_for_text("4 unread · 4");
    // A frame may still be arriving: wait for each, not one look.
    for shown in ["Lakeside Courier", "Highland Post", "2025-06-10", "2025-06-03"] {
        s.wait_for_text(shown);
    }
    // n opens the next unread story after the selected one.
    s.keys("n");
    s.wait_for_text("3 unread · 4");
    // The reader is the right-hand pane, from column 60 of 150.
    s.wait_until("the second story in the reader", |screen| {
        screen.rows(60, 90).any(|r| r.contains("Tea growers vote"))
    });
    // The whole frame is drawn (the reader's hints) before Esc is sent, and
    // the list's hints are back before A: Esc and a key together read as
    // Alt-key.
    s.wait_for_text("Esc list");
    s.keys("\x1b");
    s.wait_for_text("t tags");
    // A marks every story shown read.
    s.keys("A");
    s.wait_for_text("marked 3 stories read");
    s.wait_for_text("0 unread · 4");
    s.keys("q");
    let (status, _, home) = s.finish_keeping_home();
    assert!(status.success());
    // The next run finds the marks kept.
    let mut s = Session::start_with_env(home, &[dir], 150, 30, &utc);
    s.wait_for_text("0 unread · 4");
    s.keys("q");
    assert!(s.finish().0.success());
}

/// The people pane on `path`: the named speaker is listed with `quotes`
/// quotes in one story; Enter, Enter opens the reader at their first quote,
/// `]` follows them, `y` copies the quote through OSC 52, Esc goes back.
fn people_pane_flow(path: &str, title: &str, speaker: &str, quotes: usize) {
    let mut s = Session::start(&[path], 120, 32);
    s.wait_for_text(title);
    s.keys("p");
    s.wait_for_text("People quoted");
    let row = format!("{quotes} quotes · 1 story");
    s.wait_until("the speaker's row", |screen| {
        screen.contents().lines().any(|line| line.contains(speaker) && line.contains(&row))
    });
    s.keys("\r");
    s.wait_for_text(&format!("{speaker} · {quotes} quotes"));
    s.keys("\r");
    s.wait_for_text(&format!("quote 1/{quotes} by {speaker}"));
    s.keys("]");
    s.wait_for_text(&format!("quote 2/{quotes} by {speaker}"));
    let before = s.raw.len();
    s.keys("y");
    s.wait_for_text("copied the quote with its citation");
    s.wait_for_bytes(before, "an OSC 52 copy", |raw| String::from_utf8_lossy(raw).contains("\x1b]52;c;"));
    s.keys("\x1b");
    s.wait_for_text(&format!("{speaker} · {quotes} quotes"));
    s.keys("\x1b");
    s.wait_for_text("People quoted");
    s.keys("\x1b");
    s.wait_until("the pane closed", |screen| !screen.contents().contains("People quoted"));
    s.keys("q");
    let (status, parser) = s.finish();
    assert!(status.success());
    assert_terminal_restored(&parser);
}

#[test]
fn the_people_pane_follows_a_speaker_through_a_story() {
    people_pane_flow("tests/fixtures/text/seed-shape.txt", "Boost for coast ferries", "Davis Chirchir", 2);
}

#[test]
fn the_people_pane_lists_marco_rubio_in_the_reference_article() {
    if !Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed").exists() {
        return; // The reference article lives beside the repository, not in it.
    }
    people_pane_flow("../shared/seed/", "Boost for Ruto", "Marco Rubio", 2);
}

/// Events told by several outlets: one row each with `+N`, `z` lists the
/// other sources under it, `A` on it marks the whole event read (the CLI
/// sees it), and `group_stories = false` gives the flat list.
#[test]
fn an_event_from_several_outlets_is_one_row_to_unfold_and_mark_read() {
    let dir = "tests/fixtures/clusters";
    let mut s = Session::start(&[dir], 120, 32);
    s.wait_until("the events grouped", |screen| {
        list_rows(screen).iter().any(|row| row.contains("▸ Garissa") && row.contains("+1"))
    });
    s.keys("z");
    s.wait_for_text("↳ ");
    s.wait_for_text("▾ Garissa");
    s.keys("A");
    s.wait_for_text("marked 2 stories of this event read");
    s.keys("q");
    let (status, parser, home) = s.finish_keeping_home();
    assert!(status.success());
    assert_terminal_restored(&parser);
    let out = common::byline_in(home.path(), &["export", dir]);
    let stories: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    let read: Vec<&serde_json::Value> = stories.iter().filter(|s| s["read"] == true).collect();
    assert_eq!(read.len(), 2, "the two stories of the event, nothing else");
    assert_eq!(read[0]["cluster"], read[1]["cluster"], "one event");

    let config = home.path().join("config/byline/config.toml");
    std::fs::create_dir_all(config.parent().unwrap()).unwrap();
    std::fs::write(&config, "group_stories = false\n").unwrap();
    let mut s = Session::start_in(home, &[dir], 120, 32);
    s.wait_for_text("Garissa");
    s.keys("z");
    s.wait_for_text("stories are not grouped (group_stories = false)");
    assert!(!s.screen().contains('▸'), "a flat list: {}", s.screen());
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn every_frame_is_drawn_as_one_synchronized_update() {
    // A terminal that knows DEC mode 2026 then shows each frame whole,
    // never the new list above the old status bar.
    let mut s = Session::start(&[], 100, 30);
    s.wait_for_text("q quit");
    help_opens_and_closes(&mut s);
    s.keys("q");
    let (status, parser, raw) = s.finish_raw();
    assert!(status.success());
    assert_terminal_restored(&parser);
    let text = String::from_utf8_lossy(&raw);
    let marks: Vec<&str> = text.match_indices("\x1b[?2026").map(|(at, _)| &text[at + 7..at + 8]).collect();
    assert!(
        marks.iter().filter(|&&m| m == "h").count() >= 3,
        "a frame begun at least three times: {marks:?}"
    );
    // Each frame is ended before the next begins; an end with no frame
    // open (sent when the terminal is given back) does nothing.
    let mut open = false;
    for mark in &marks {
        assert!(!(open && *mark == "h"), "a frame begun inside another: {marks:?}");
        open = *mark == "h";
    }
    assert!(!open, "the last frame was ended: {marks:?}");
    // Nothing of a frame is drawn outside its marks.
    let outside: String = text
        .split("\x1b[?2026h")
        .map(|part| part.split_once("\x1b[?2026l").map_or(part, |(_, after)| after))
        .collect();
    for drawn in [" Stories ", "quit", "open the story"] {
        assert!(!outside.contains(drawn), "{drawn:?} drawn outside a frame's marks");
    }
}
