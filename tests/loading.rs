//! Large libraries end to end: the reader opens on a library of thousands
//! of files and shows them as they load, search answers from the word
//! index, and the CLI's progress bar appears only on a terminal.

#![allow(clippy::unwrap_used)]

use std::path::Path;
use std::process::Command;

mod common;

use common::pty::Session;

/// `count` small text stories in folders of 500; story 1234 alone holds the
/// word "quagga".
fn corpus(dir: &Path, count: usize) {
    for n in 0..count {
        let folder = dir.join(format!("{:02}", n / 500));
        if n % 500 == 0 {
            std::fs::create_dir_all(&folder).unwrap();
        }
        let animal = if n == 1234 { "quagga" } else { "zebra" };
        let text = format!(
            "Story number {n}\n\nThe {animal} herd crossed the river near Narok on day {n}.\n\n\"We counted them all,\" said Amina Njoki.\n\nTags: Wildlife, Narok\n"
        );
        std::fs::write(folder.join(format!("{n:05}.txt")), text).unwrap();
    }
}

/// Wait until the reader lists all `stories` and nothing is loading.
fn wait_loaded(s: &mut Session, stories: usize, what: &str) {
    let count = format!(" {stories} ");
    s.wait_until(what, |screen| screen.contents().contains(&count) && !screen.contents().contains("loading"));
}

#[test]
fn a_library_of_thousands_opens_and_is_searchable_by_word() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 3000);
    let path = dir.path().to_str().unwrap();
    let mut s = Session::start(&[path], 100, 30);
    wait_loaded(&mut s, 3000, "every story loaded");
    s.keys("/quag");
    s.wait_for_text("1 of 3000");
    s.wait_for_text("Story number 1234");
    s.keys("\r");
    s.keys("q");
    assert!(s.finish().0.success());
}

#[test]
fn the_progress_bar_is_drawn_on_a_terminal_and_erased() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 600);
    let path = dir.path().to_str().unwrap();
    let home = tempfile::tempdir().unwrap();
    let s = Session::start_with_env(home, &["tags", path], 100, 30, &[("BYLINE_PROGRESS_DELAY_MS", "0")]);
    let raw = finish_raw(s);
    let text = String::from_utf8_lossy(&raw);
    let bar = text.find("byline: loading").expect("a progress bar");
    let erased = text[bar..].find("\r\x1b[2K").expect("the bar erased") + bar;
    let tags = text.find("Wildlife").unwrap();
    assert!(erased < tags, "the bar is gone before the output: {text:?}");
}

#[test]
fn the_progress_bar_never_goes_to_a_pipe() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 600);
    let home = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(["tags", dir.path().to_str().unwrap()])
        .envs(common::xdg_env(home.path()))
        .env("BYLINE_PROGRESS_DELAY_MS", "0")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
    assert_eq!(String::from_utf8_lossy(&out.stdout), "600  Narok\n600  Wildlife\n");
}

/// Wait for the session to end and return every byte it wrote.
fn finish_raw(s: Session) -> Vec<u8> {
    let (status, _parser, raw) = s.finish_raw();
    assert!(status.success());
    raw
}

#[test]
fn files_over_the_size_limit_are_skipped_with_a_reason_and_the_limit_can_be_raised() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 3);
    let big = dir.path().join("big.txt");
    let paragraph = "A long paragraph about the long rains in the Rift Valley. ".repeat(40);
    let text = format!("Big story\n\n{}\n", vec![paragraph; 1000].join("\n\n"));
    assert!(text.len() > 2 * 1024 * 1024);
    std::fs::write(&big, text).unwrap();
    let home = tempfile::tempdir().unwrap();
    let run = |extra: &[&str]| {
        let mut args = vec!["list", dir.path().to_str().unwrap()];
        args.extend_from_slice(extra);
        common::byline_in(home.path(), &args)
    };

    let capped = run(&["--max-file-mib", "1"]);
    assert_eq!(capped.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&capped.stderr);
    assert!(stderr.contains("big.txt: file too large (over 1 MiB"), "{stderr}");
    assert_eq!(String::from_utf8_lossy(&capped.stdout).lines().count(), 3, "the rest loads");

    let raised = run(&[]);
    assert!(raised.status.success(), "2 MiB is under the default 64 MiB");
    assert!(String::from_utf8_lossy(&raised.stdout).contains("Big story"));

    let zero = run(&["--max-file-mib", "0"]);
    assert_eq!(zero.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&zero.stderr).contains("--max-file-mib"));
}

/// The cache files in a session's home.
fn caches(home: &Path) -> Vec<std::path::PathBuf> {
    let dir = home.join("cache/byline/libraries");
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut names: Vec<_> = entries.map(|e| e.unwrap().path()).filter(|p| !p.ends_with(".lock")).collect();
    names.retain(|p| p.extension().is_none_or(|e| e != "lock"));
    names.sort();
    names
}

/// The cache the CLI keeps for `dir` with default settings, opened.
fn open_cache(home: &Path, dir: &Path) -> byline_engine::cache::Cache {
    let spec = byline::config::Config::default().cache_spec(
        &home.join("cache/byline/libraries"),
        &[dir.to_path_buf()],
        None,
    );
    byline_engine::cache::Cache::open(&spec, None).unwrap()
}

fn tags_in(home: &Path, dir: &Path, extra: &[&str]) -> std::process::Output {
    let mut args = vec!["tags", dir.to_str().unwrap()];
    args.extend(extra);
    common::byline_in(home, &args)
}

#[test]
fn the_cli_keeps_a_parsed_cache_and_shows_changes_made_since() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 70);
    let home = tempfile::tempdir().unwrap();
    let first = tags_in(home.path(), dir.path(), &[]);
    assert_eq!(String::from_utf8_lossy(&first.stdout), "70  Narok\n70  Wildlife\n");
    assert_eq!(caches(home.path()).len(), 1, "one cache file, no temporary file left");
    assert_eq!(open_cache(home.path(), dir.path()).files(), 70);
    let second = tags_in(home.path(), dir.path(), &[]);
    assert_eq!(second.stdout, first.stdout);
    // A new story and an edited one show at once.
    std::fs::write(dir.path().join("00/new.txt"), "New story\n\nBody.\n\nTags: Floods\n").unwrap();
    std::fs::write(dir.path().join("00/00001.txt"), "Edited\n\nBody.\n\nTags: Floods, Narok\n").unwrap();
    let third = tags_in(home.path(), dir.path(), &[]);
    assert_eq!(String::from_utf8_lossy(&third.stdout), "70  Narok\n69  Wildlife\n 2  Floods\n");
    assert_eq!(open_cache(home.path(), dir.path()).files(), 71);
    // A story or two is parsed, never cached: no cache file per article.
    let one = dir.path().join("00/00002.txt");
    assert!(common::byline_in(home.path(), &["export", one.to_str().unwrap()]).status.success());
    assert_eq!(caches(home.path()).len(), 1);
}

/// Date `path` (a file or directory) `secs` seconds ago.
fn date_back(path: &Path, secs: u64) {
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(secs);
    std::fs::File::open(path).unwrap().set_modified(when).unwrap();
}

#[test]
fn tags_of_an_unchanged_library_come_from_the_cache_and_an_edit_since_is_counted() {
    // Files written an hour ago: the cache may answer for them on their
    // stamps alone.
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 70);
    let old = |path: &Path| date_back(path, 3600);
    let file = dir.path().join("00/00003.txt");
    for path in [dir.path().to_path_buf(), dir.path().join("00")] {
        for entry in std::fs::read_dir(&path).unwrap() {
            old(&entry.unwrap().path());
        }
        old(&path);
    }
    let home = tempfile::tempdir().unwrap();
    let first = tags_in(home.path(), dir.path(), &[]);
    assert_eq!(String::from_utf8_lossy(&first.stdout), "70  Narok\n70  Wildlife\n");
    let counts = open_cache(home.path(), dir.path()).unchanged_tags();
    assert_eq!(counts, Some(vec![("Narok".to_string(), 70), ("Wildlife".to_string(), 70)]));
    assert_eq!(tags_in(home.path(), dir.path(), &[]).stdout, first.stdout);
    // Edited in place (the directory unchanged) and dated back again: its
    // stamp differs all the same, and the cache's counts are not used.
    std::fs::write(&file, "Edited\n\nBody.\n\nTags: Floods, Narok\n").unwrap();
    date_back(&file, 1800);
    assert_eq!(open_cache(home.path(), dir.path()).unchanged_tags(), None);
    let edited = tags_in(home.path(), dir.path(), &[]);
    assert_eq!(String::from_utf8_lossy(&edited.stdout), "70  Narok\n69  Wildlife\n 1  Floods\n");
    assert_eq!(edited.stdout, tags_in(home.path(), dir.path(), &["--no-cache"]).stdout);
}

#[test]
fn no_cache_and_cache_false_neither_read_nor_write_one() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 70);
    let home = tempfile::tempdir().unwrap();
    assert!(tags_in(home.path(), dir.path(), &["--no-cache"]).status.success());
    assert!(caches(home.path()).is_empty());
    let config = home.path().join("byline.toml");
    std::fs::write(&config, "cache = false\n").unwrap();
    assert!(tags_in(home.path(), dir.path(), &["--config", config.to_str().unwrap()]).status.success());
    assert!(caches(home.path()).is_empty());
    // Without them, the same command keeps one.
    assert!(tags_in(home.path(), dir.path(), &[]).status.success());
    assert_eq!(caches(home.path()).len(), 1);
}

#[test]
fn two_processes_opening_one_library_at_once_both_work_and_leave_one_valid_cache() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 1500);
    let home = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_byline"))
            .args(["list", dir.path().to_str().unwrap()])
            .envs(common::xdg_env(home.path()))
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (a, b) = (run(), run());
    let (a, b) = (a.wait_with_output().unwrap(), b.wait_with_output().unwrap());
    assert!(a.status.success() && b.status.success());
    assert_eq!(a.stdout, b.stdout);
    assert_eq!(caches(home.path()).len(), 1);
    assert_eq!(open_cache(home.path(), dir.path()).files(), 1500);
    let again = common::byline_in(home.path(), &["list", dir.path().to_str().unwrap()]);
    assert_eq!(again.stdout, a.stdout);
}

/// Open the reader on the 600 stories at `path` and quit once they are
/// in (the cache is then written); the session's home.
fn read_once(path: &str) -> tempfile::TempDir {
    let mut s = Session::start(&[path], 100, 30);
    wait_loaded(&mut s, 600, "every story loaded");
    s.keys("q");
    let (status, _, home) = s.finish_keeping_home();
    assert!(status.success());
    home
}

#[test]
fn the_reader_writes_the_cache_once_loaded_and_opens_from_it_next_time() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 600);
    let path = dir.path().to_str().unwrap();
    let home = read_once(path);
    assert_eq!(open_cache(home.path(), dir.path()).files(), 600);
    let mut s = Session::start_in(home, &[path], 100, 30);
    wait_loaded(&mut s, 600, "every story loaded from the cache");
    // Search reads the bodies kept in the cache.
    s.keys("/herd crossed 421");
    s.wait_for_text("1 of 600");
    s.wait_for_text("Story number 421");
    s.keys("\r");
    s.keys("q");
    assert!(s.finish().0.success());
}

/// Date a file or directory an hour back (`minutes` earlier still), as
/// files are that were not edited in the last seconds.
fn backdate(path: &Path, minutes: u64) {
    let file = std::fs::File::options().write(!path.is_dir()).read(path.is_dir()).open(path).unwrap();
    let when = std::time::SystemTime::now() - std::time::Duration::from_secs(3600 + minutes * 60);
    file.set_modified(when).unwrap();
}

#[test]
fn a_file_changed_since_the_cache_was_written_shows_its_change_soon_after_opening() {
    let dir = tempfile::tempdir().unwrap();
    corpus(dir.path(), 600);
    for entry in std::fs::read_dir(dir.path()).unwrap() {
        let folder = entry.unwrap().path();
        for file in std::fs::read_dir(&folder).unwrap() {
            backdate(&file.unwrap().path(), 5);
        }
        backdate(&folder, 5);
    }
    backdate(dir.path(), 5);
    let path = dir.path().to_str().unwrap();
    let home = read_once(path);

    // Edited in place (the directory does not change), dated in the past.
    let edited = dir.path().join("00/00421.txt");
    std::fs::write(&edited, "Story number 421 revised\n\nThe okapi herd was counted again.\n").unwrap();
    backdate(&edited, 1);
    // And one emptied: it is skipped, and told as load problems are.
    let emptied = dir.path().join("00/00422.txt");
    std::fs::write(&emptied, "").unwrap();
    backdate(&emptied, 1);
    let mut s = Session::start_in(home, &[path], 100, 30);
    s.wait_for_text("2 files changed since last time: read again");
    wait_loaded(&mut s, 599, "the changed story in place of the old one, the emptied one gone");
    s.keys("/okapi");
    s.wait_for_text("1 of 599");
    s.wait_for_text("Story number 421 revised");
    // The old text of the story is gone from the list and the search.
    s.keys("\x1b/number 421");
    s.wait_for_text("1 of 599");
    s.keys("\rq");
    let (status, screen, home) = s.finish_keeping_home();
    assert!(status.success());
    let output = screen.screen().contents();
    assert!(output.contains(&format!("byline: skipped {}: empty file", emptied.display())), "{output}");
    // Once the change was drawn, the cache was written again with it.
    let cache = open_cache(home.path(), dir.path());
    let n = cache.find(&edited).expect("the edited file is in the cache");
    let now = byline_engine::cache::Stamp::of(&std::fs::metadata(&edited).unwrap());
    assert_eq!(cache.recorded_stamp(n), now);
}
