//! Unit tests for loading: walking, skipping with reasons, reading.

use super::*;
use crate::error::SkipReason;
use one_file::read_file;
use std::path::Path;

fn write(dir: &Path, name: &str, body: &[u8]) {
    let path = dir.join(name);
    fs::create_dir_all(path.parent().unwrap()).unwrap();
    fs::write(path, body).unwrap();
}

#[test]
fn directories_are_walked_recursively_skipping_hidden_entries() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a.txt", b"First\n\nBody.\n");
    write(dir.path(), "sub/b.txt", b"Second\n\nBody.\n");
    write(dir.path(), ".hidden/c.txt", b"Hidden\n\nBody.\n");
    write(dir.path(), ".d.txt", b"Hidden file\n\nBody.\n");
    write(dir.path(), "photo.jpg", b"\xff\xd8\xff\x00");
    let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
    let titles: Vec<&str> = loaded.library.in_order().map(|s| s.title()).collect();
    assert_eq!(titles, ["First", "Second"]);
    assert!(loaded.skipped.is_empty());
}

#[test]
fn bad_files_are_skipped_with_reasons_and_the_rest_loads() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "good.txt", b"Good\n\nBody.\n");
    write(dir.path(), "empty.txt", b"");
    write(dir.path(), "binary.txt", b"\x00\x01\x02");
    let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(loaded.library.stories().len(), 1);
    let reasons: Vec<String> = loaded.skipped.iter().map(|s| s.to_string()).collect();
    assert_eq!(reasons.len(), 2);
    assert!(reasons[0].ends_with("binary.txt: binary file (contains NUL bytes)"), "{reasons:?}");
    assert!(reasons[1].ends_with("empty.txt: empty file"), "{reasons:?}");
}

#[test]
fn a_file_gone_between_the_walk_and_the_read_is_skipped_with_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("gone.txt");
    write(dir.path(), "gone.txt", b"Here\n\nBody.\n");
    std::fs::remove_file(&path).unwrap();
    let mut batch = Batch::default();
    let read = read_file(&path, &mut Vec::new(), MAX_FILE_SIZE);
    read_one("gone.txt", read.as_ref().map(|_| &b""[..]), None, &mut batch);
    assert_eq!(
        batch.skipped,
        [Skipped { path: "gone.txt".into(), reason: SkipReason::Io("no such file or directory".into()) }]
    );
    assert_eq!(batch.files, 1);
}

#[test]
fn a_missing_path_is_an_error() {
    let err = load_paths(&[PathBuf::from("/no/such/place")]).unwrap_err();
    assert_eq!(err.to_string(), "/no/such/place: no such file or directory");
}

#[cfg(unix)]
#[test]
fn symlink_loops_are_survived_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/story.txt", b"Looped\n\nBody.\n");
    std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/again")).unwrap();
    let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
    assert_eq!(loaded.library.stories().len(), 1);
    assert!(loaded.skipped.iter().any(|s| s.reason == SkipReason::SymlinkLoop));
}

#[test]
fn a_named_file_is_read_whatever_its_ending() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "notes.article", b"Named\n\nBody.\n");
    let loaded = load_paths(&[dir.path().join("notes.article")]).unwrap();
    assert_eq!(loaded.library.stories()[0].title(), "Named");
}

#[test]
fn files_in_memory_load_under_their_names() {
    let files = [
        ("assets/one.article".to_string(), &b"One\n\nBody.\n"[..]),
        ("assets/two.md".into(), b"# Two\n\nText.\n"),
    ];
    let loaded = load_named_bytes(files);
    let titles: Vec<_> = loaded.library.in_order().map(|s| (s.title(), s.source.as_str())).collect();
    assert!(titles.contains(&("One", "assets/one.article")), "{titles:?}");
    assert!(titles.contains(&("Two", "assets/two.md")), "{titles:?}");
    assert!(loaded.skipped.is_empty());
}

#[test]
fn a_load_that_keeps_no_text_gives_the_same_tags_sources_and_ids() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a/one.txt", b"Ferry resumes\n\nThe ferry sailed at dawn.\n\nTags: Haiti, Transport\n");
    write(
        dir.path(),
        "a/two.txt",
        b"Port reopens\n\nThe Port Authority moved cranes.\n\nTags: Haiti Port Authority Weather\n",
    );
    write(dir.path(), "b/three.md", b"# Storm passes\n\nRain eased by noon.\n");
    let paths = [dir.path().to_path_buf()];
    let load = |keep_text| {
        let progress = spawn(&paths, Options { keep_text, ..Options::default() }).unwrap();
        receive_all(&progress, |_, _| {})
    };
    let (full, bare) = (load(true), load(false));
    let names = |loaded: &Loaded| -> Vec<(String, usize)> {
        loaded.library.tags().iter().map(|t| (t.name.clone(), t.stories.len())).collect()
    };
    assert_eq!(names(&bare), names(&full));
    assert!(names(&full).contains(&("Haiti".to_string(), 2)), "{:?}", names(&full));
    assert!(names(&full).contains(&("Port Authority".to_string(), 1)), "{:?}", names(&full));
    let sources = |loaded: &Loaded| -> Vec<(String, usize)> {
        loaded.library.sources().iter().map(|s| (s.name.clone(), s.stories.len())).collect()
    };
    assert_eq!(sources(&bare), sources(&full));
    // Ids were worked out from the text before it was dropped: marks saved
    // under them still apply.
    let ids =
        |loaded: &Loaded| -> Vec<String> { loaded.library.in_order().map(|s| s.id().to_string()).collect() };
    assert_eq!(ids(&bare), ids(&full));
    assert!(full.library.stories().iter().all(|s| !s.paragraphs().is_empty()));
    // Only the story whose space-joined tag line is segmented with its
    // text keeps it.
    let kept: Vec<&str> =
        bare.library.in_order().filter(|s| !s.paragraphs().is_empty()).map(|s| s.title()).collect();
    assert_eq!(kept, ["Port reopens"]);
}

#[test]
fn a_load_for_a_cache_works_out_the_ids_of_what_it_parses_even_unasked() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "one.txt", b"Ferry resumes\n\nThe ferry sailed at dawn.\n");
    write(dir.path(), "two.txt", b"Port reopens\n\nThe Port Authority moved cranes.\n");
    let paths = [dir.path().to_path_buf()];
    let load = |cache: Option<CacheSpec>| {
        let options = Options { story_ids: false, cache, ..Options::default() };
        receive_all(&spawn(&paths, options).unwrap(), |_, _| {})
    };
    // Without a cache, an id waits until it is asked for.
    assert!(load(None).library.stories().iter().all(|s| !s.has_id()));
    // A cache will record every id: the loading threads work them out,
    // not the reader's thread when the cache is written.
    let spec = CacheSpec::new(&dir.path().join("cache"), &paths, "test");
    let loaded = load(Some(spec));
    assert_eq!(loaded.library.len(), 2);
    assert!(loaded.library.stories().iter().all(|s| s.has_id()));
}
