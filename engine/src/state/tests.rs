//! State tests: saving, merging between processes, corrupt files.

use super::*;

fn mark(read: bool, starred: bool, changed: u64) -> Mark {
    Mark { read, starred, changed }
}

fn state_with(id: &str, m: Mark) -> State {
    let mut s = State::default();
    s.stories.insert(id.to_string(), m);
    s
}

#[test]
fn save_then_load_gives_the_same_state() {
    let dir = tempfile::tempdir().unwrap();
    let mut file = StateFile::new(dir.path().join("state.json"));
    let mut state = state_with("a", mark(true, true, 5));
    state.positions.insert("lib".into(), Position { story: "a".into(), scroll: 7 });
    file.save(&state).unwrap();
    let loaded = StateFile::new(dir.path().join("state.json")).load();
    assert_eq!(loaded.state, state);
    assert_eq!(loaded.notice, None);
}

#[test]
fn a_missing_file_is_empty_state_without_a_notice() {
    let dir = tempfile::tempdir().unwrap();
    let loaded = StateFile::new(dir.path().join("nested/state.json")).load();
    assert_eq!(loaded.state, State::default());
    assert_eq!(loaded.notice, None);
}

#[test]
fn two_processes_keep_each_others_marks() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let mut first = StateFile::new(path.clone());
    let mut second = StateFile::new(path.clone());
    first.save(&state_with("a", mark(true, false, 10))).unwrap();
    let merged = second.save(&state_with("b", mark(true, false, 11))).unwrap();
    assert!(merged.stories["a"].read && merged.stories["b"].read);
    let on_disk = StateFile::new(path).load().state;
    assert_eq!(on_disk.stories.len(), 2);
}

#[test]
fn the_later_change_to_a_story_wins() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    StateFile::new(path.clone()).save(&state_with("a", mark(true, false, 20))).unwrap();
    // An older unread mark from another process does not undo the read.
    let merged = StateFile::new(path.clone()).save(&state_with("a", mark(false, false, 10))).unwrap();
    assert!(merged.stories["a"].read);
    // A newer one does.
    let merged = StateFile::new(path).save(&state_with("a", mark(false, true, 30))).unwrap();
    assert_eq!(merged.stories["a"], mark(false, true, 30));
}

#[test]
fn a_corrupt_file_is_moved_aside_and_not_overwritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    fs::write(&path, b"{\"stories\": {\"a\": tru").unwrap();
    let mut file = StateFile::new(path.clone());
    let loaded = file.load();
    assert_eq!(loaded.state, State::default());
    let notice = loaded.notice.unwrap();
    assert!(notice.contains("moved it to") && notice.contains("state.json.corrupt-"), "{notice}");
    let aside: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().starts_with("state.json.corrupt-"))
        .collect();
    assert_eq!(aside.len(), 1);
    assert_eq!(
        fs::read(aside[0].path()).unwrap(),
        b"{\"stories\": {\"a\": tru",
        "the bad file is kept as it was"
    );
    file.save(&state_with("b", mark(true, false, 1))).unwrap();
    assert!(StateFile::new(path).load().state.stories.contains_key("b"));
}

#[cfg(target_os = "linux")]
#[test]
fn a_bad_file_that_cannot_be_moved_is_never_written_over() {
    // Nothing, not even root, can rename a file in /proc: a stand-in for a
    // state file on a read-only disk.
    let path = PathBuf::from("/proc/self/status");
    let before = fs::metadata(&path).unwrap().modified().ok();
    let mut file = StateFile::new(path.clone());
    let notice = file.load().notice.unwrap();
    assert!(notice.contains("will not be saved"), "{notice}");
    let saved = file.save(&state_with("a", mark(true, false, 1))).unwrap();
    assert!(saved.stories["a"].read, "marks still live in memory");
    assert!(!fs::read_to_string(&path).unwrap().contains("stories"));
    assert_eq!(fs::metadata(&path).unwrap().modified().ok(), before);
}

#[test]
fn marks_apply_to_stories_by_id() {
    let mut stories = vec![crate::model::Story::new("x", crate::model::Format::Text, "T".into(), vec![])];
    let state = state_with(stories[0].id(), mark(true, true, 1));
    state.apply(&mut stories);
    assert!(stories[0].read && stories[0].starred);
}

#[test]
fn library_keys_do_not_depend_on_argument_order() {
    let a = PathBuf::from("/tmp/a");
    let b = PathBuf::from("/tmp/b");
    assert_eq!(library_key(&[a.clone(), b.clone()]), library_key(&[b, a]));
    assert_eq!(library_key(&[]), "sample");
}
