use std::fs;

use std::path::Path;
use std::sync::Arc;

use super::{FileRecord, Manifest, Stamp, Stamper};

/// A cached file counts as unchanged when its stamp now is the one taken
/// when it was read (by path, from the open file): a stamp taken through
/// its directory must be the same, or every open would parse everything.
#[test]
fn a_stamp_through_the_directory_is_the_stamp_by_path() {
    let dir = tempfile::tempdir().unwrap();
    let (one, two) = (dir.path().join("one.txt"), dir.path().join("sub/two.txt"));
    fs::create_dir(dir.path().join("sub")).unwrap();
    fs::write(&one, "Title\n\nBody.\n").unwrap();
    fs::write(&two, "Other\n\nMore body text.\n").unwrap();
    let mut stamper = Stamper::default();
    for path in [&one, &two, &one] {
        let by_path = Stamp::of(&fs::metadata(path).unwrap());
        let opened = Stamp::of(&fs::File::open(path).unwrap().metadata().unwrap());
        assert_eq!(stamper.stamp(path).unwrap(), by_path);
        assert_eq!(by_path, opened);
    }
    fs::write(&one, "Title\n\nBody, edited.\n").unwrap();
    assert_eq!(stamper.stamp(&one).unwrap().size, 21, "an edit shows through the open directory");
    fs::remove_file(&two).unwrap();
    assert!(stamper.stamp(&two).is_err(), "a removed file has no stamp");
}

#[cfg(unix)]
#[test]
fn a_stamp_follows_a_symbolic_link_to_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("story.txt");
    fs::write(&target, "Title\n\nBody.\n").unwrap();
    let link = dir.path().join("link.txt");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let stamp = Stamper::default().stamp(&link).unwrap();
    assert_eq!(stamp, Stamp::of(&fs::metadata(&target).unwrap()));
}

/// The story records are encoded in runs side by side: whatever the
/// number of runs, the snapshot is the same.
#[test]
fn a_snapshot_encoded_in_runs_is_the_snapshot_encoded_in_one() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    fs::create_dir(&news).unwrap();
    for n in 0..30 {
        let tags = if n % 3 == 0 { "Kisumu Transport".to_string() } else { format!("Kisumu, Day {n}") };
        let text = format!("Story {n}\n\n\"We waited,\" said Amina Otieno on day {n}.\n\nTags: {tags}\n");
        fs::write(news.join(format!("{n:02}.txt")), text).unwrap();
    }
    fs::write(news.join("feed.jsonl"), "{\"title\": \"One\"}\n{\"title\": \"Two\", \"read\": true}\n")
        .unwrap();
    let spec = super::CacheSpec::new(&dir.path().join("cache"), std::slice::from_ref(&news), "test");
    let options = crate::load::Options { cache: Some(spec.clone()), ..crate::load::Options::default() };
    let loaded = crate::load::receive_all(&crate::load::spawn(&[news], options).unwrap(), |_, _| {});
    let one = super::Snapshot::take_in_runs(&spec, &loaded.library, &loaded.manifest, 1);
    for runs in [2, 3, 7, 40] {
        let taken = super::Snapshot::take_in_runs(&spec, &loaded.library, &loaded.manifest, runs);
        assert!(taken == one, "{runs} runs");
    }
}

/// Bodies are encoded in blocks on a thread of their own while the
/// blocks before are written: a cache of more than one block reads back
/// every text, and a rewrite that meets a damaged body in the old cache
/// leaves no cache rather than a wrong one.
#[test]
fn bodies_written_in_blocks_read_back_and_a_damaged_one_leaves_no_cache() {
    let dir = tempfile::tempdir().unwrap();
    let news = dir.path().join("news");
    fs::create_dir(&news).unwrap();
    let hour_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    for n in 0..3 * super::write::BODIES_A_BLOCK / 2 {
        let path = news.join(format!("{n:03}.txt"));
        fs::write(&path, format!("Story {n}\n\nThe ferry left on day {n}.\n")).unwrap();
        fs::File::options().write(true).open(&path).unwrap().set_modified(hour_ago).unwrap();
    }
    let spec = super::CacheSpec::new(&dir.path().join("cache"), std::slice::from_ref(&news), "test");
    let options = crate::load::Options { cache: Some(spec.clone()), ..crate::load::Options::default() };
    let load = || {
        crate::load::receive_all(
            &crate::load::spawn(std::slice::from_ref(&news), options.clone()).unwrap(),
            |_, _| {},
        )
    };
    let parsed = load();
    assert!(super::Snapshot::take(&spec, &parsed.library, &parsed.manifest).write().unwrap());
    let cached = load();
    assert!(
        cached.library.stories().iter().all(|s| s.body().unread_at().is_some()),
        "bodies left in the cache"
    );
    let texts = |l: &crate::library::Library| -> Vec<String> {
        l.in_order().map(|s| s.paragraphs().join("\n")).collect()
    };
    let cached_again = load();
    assert_eq!(texts(&cached_again.library), texts(&parsed.library));
    // The last body's text is damaged in place: copying it fails.
    let mut bytes = fs::read(&spec.path).unwrap();
    let at = bytes.len() - 12;
    bytes[at] ^= 0x20;
    fs::write(&spec.path, bytes).unwrap();
    assert!(super::Snapshot::take(&spec, &cached.library, &cached.manifest).write().is_err());
    assert!(!spec.path.exists(), "the damaged cache is gone");
}

#[test]
fn the_files_a_check_names_are_found_in_the_load_few_or_many() {
    let record = |n: usize| FileRecord {
        path: Arc::from(Path::new(&format!("/news/{n:03}.txt"))),
        stamp: Stamp::default(),
        first: n,
        count: 1,
        marks: Vec::new(),
        keep: true,
    };
    let manifest = Manifest { files: (0..40).map(record).collect(), ..Manifest::default() };
    for wanted in [vec![], vec![7], vec![31, 2, 9], (0..40).rev().step_by(2).collect::<Vec<_>>()] {
        // Paths equal to the load's, not the same `Arc`s, with one the
        // load never read.
        let mut paths: Vec<Arc<Path>> = wanted.iter().map(|&n| record(n).path).collect();
        paths.push(Arc::from(Path::new("/news/gone.txt")));
        let mut expected = wanted.clone();
        expected.sort_unstable();
        assert_eq!(manifest.positions(paths.iter()), expected, "{} asked for", wanted.len());
    }
}
