//! The parsed cache gives exactly what parsing gives: the same stories,
//! tags, quotes and marks, whatever happened to the files between two
//! opens; a damaged or foreign cache file is never trusted and is rebuilt.

#![allow(clippy::unwrap_used)]

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use byline_engine::cache::{self, Cache, CacheError, CacheSpec};
use byline_engine::load::{self, Loaded};
use proptest::prelude::*;

/// Load `dir`, through `cache` if given, and write the cache after as the
/// CLI does.
fn open(dir: &Path, cache: Option<&CacheSpec>) -> Loaded {
    let options = load::Options { cache: cache.cloned(), ..load::Options::default() };
    let loaded = load::receive_all(&load::spawn(&[dir.to_path_buf()], options).unwrap(), |_, _| {});
    if let Some(spec) = cache.filter(|_| loaded.manifest.needs_write()) {
        cache::write(spec, &loaded.library, &loaded.manifest).unwrap();
    }
    loaded
}

/// Load `dir` as the reader does: cached files taken on their recorded
/// stamps, then every file checked and the changed ones taken in.
fn open_trusting(dir: &Path, cache: &CacheSpec) -> Loaded {
    let options =
        load::Options { cache: Some(cache.clone()), trust_stamps: true, ..load::Options::default() };
    let mut loaded =
        load::receive_all(&load::spawn(&[dir.to_path_buf()], options.clone()).unwrap(), |_, _| {});
    // The files taken on the cache's word, in the cache's order.
    let found = loaded.check.as_ref().map(|check| load::recheck(check, &options)).unwrap_or_default();
    let (skipped, warnings) = load::take_in(&mut loaded.library, &mut loaded.manifest, found);
    loaded.skipped.retain(|s| !skipped.iter().any(|again| again.path == s.path));
    loaded.warnings.retain(|w| !warnings.iter().any(|again| again.path == w.path));
    loaded.skipped.extend(skipped);
    loaded.warnings.extend(warnings);
    // Written once checked, as the reader writes it (whatever the size:
    // these libraries are smaller than `CacheSpec::smallest`).
    if loaded.manifest.needs_write() {
        cache::write(cache, &loaded.library, &loaded.manifest).unwrap();
    }
    loaded
}

/// The tags `byline tags` prints for a load: names and story counts.
fn counted(loaded: &Loaded) -> Vec<(String, usize)> {
    loaded.library.tags().iter().map(|t| (t.name.clone(), t.stories.len())).collect()
}

/// The tag counts the cache gives for a library it finds unchanged.
fn cached_counts(spec: &CacheSpec) -> Option<Vec<(String, usize)>> {
    Cache::open(spec, None).ok()?.unchanged_tags()
}

/// Everything a user sees of a load, in an order that does not depend on
/// which thread read what.
fn seen(loaded: &Loaded) -> Vec<String> {
    let library = &loaded.library;
    let mut lines: Vec<String> = (0..library.len())
        .filter(|&i| !library.is_retired(i))
        .map(|i| &library.stories()[i])
        .map(|s| {
            let quotes: Vec<_> =
                s.quotes().iter().map(|q| (&q.text, &q.speaker, q.paragraph, q.start)).collect();
            format!(
                "{} {} {:?} {} {:?} {:?} {:?} {:?} tags={:?} {:?} quotes={quotes:?} read={} starred={} {:?}",
                s.id(),
                s.source,
                s.format,
                s.title(),
                s.caption(),
                s.author,
                s.url,
                s.published,
                s.tags,
                s.paragraphs(),
                s.read,
                s.starred,
                s.links
            )
        })
        .collect();
    lines.extend(loaded.skipped.iter().map(ToString::to_string));
    lines.extend(loaded.warnings.iter().map(ToString::to_string));
    lines.sort();
    let tags: Vec<String> =
        loaded.library.tags().iter().map(|t| format!("tag {} {}", t.name, t.stories.len())).collect();
    lines.extend(tags);
    // The reading order, which the cache's recorded places decide.
    let order = library.order().iter().filter(|&&i| !library.is_retired(i)).map(|&i| &library.stories()[i]);
    lines.extend(order.map(|s| format!("order {} {}", s.source, s.title())));
    lines
}

/// A file's content from a number: stories of several formats, with
/// quotes, tag lines written with and without separators (so the
/// segmentation of one file depends on the tags of others), marks written
/// in an export, and now and then a file that cannot be read.
fn content(seed: u32) -> (&'static str, String) {
    let place = ["Kisumu", "Port Harbour", "Lake Town", "North Ridge"][seed as usize % 4];
    let body = format!(
        "The ferry to {place} ran again on day {seed}. \"We waited {seed} days for this,\" said trader Amina Otieno.\n\n\
         Officials said the route would stay open."
    );
    match seed % 6 {
        0 | 1 => {
            ("txt", format!("Ferry resumes at {place} ({seed})\n\n{body}\n\nTags: {place}, Transport\n"))
        }
        2 => ("txt", format!("Ferry notes {seed}\n\n{body}\n\nTags: {place} Transport Weather\n")),
        3 => ("md", format!("# Market day {seed}\n\n{body}\n\nTags: Markets, {place}\n")),
        4 => (
            "json",
            format!(
                r#"[{{"title": "Export {seed}", "paragraphs": ["{place} story {seed}."], "tags": ["{place}"], "read": true}},
                   {{"title": "Export {seed} b", "paragraphs": ["Second."], "starred": {}}}]"#,
                seed.is_multiple_of(2)
            ),
        ),
        _ => ("txt", String::new()),
    }
}

/// A time well in the past, different for each `n`: trusted by the cache
/// (not within `RACY_SECS` of the load).
fn past(n: u64) -> SystemTime {
    SystemTime::UNIX_EPOCH + Duration::from_secs(1_600_000_000 + n * 7)
}

fn set_time(path: &Path, n: u64) {
    let file = fs::File::options().write(!path.is_dir()).read(path.is_dir()).open(path).unwrap();
    let _ = file.set_modified(past(n));
}

/// A library of files under two directories, all dated in the past.
struct Tree {
    root: tempfile::TempDir,
    files: Vec<PathBuf>,
    clock: u64,
}

impl Tree {
    fn new(seeds: &[u32]) -> Tree {
        let root = tempfile::tempdir().unwrap();
        let mut tree = Tree { root, files: Vec::new(), clock: 0 };
        for &seed in seeds {
            tree.add(seed);
        }
        tree.settle();
        tree
    }

    fn dir(&self) -> PathBuf {
        self.root.path().join("news")
    }

    fn add(&mut self, seed: u32) {
        let (ext, text) = content(seed);
        let sub = self.dir().join(["a", "b"][seed as usize % 2]);
        fs::create_dir_all(&sub).unwrap();
        let path = sub.join(format!("story-{}-{seed}.{ext}", self.files.len() + self.clock as usize));
        fs::write(&path, text).unwrap();
        self.files.push(path);
    }

    fn apply(&mut self, edit: &Edit) {
        if self.files.is_empty() {
            return self.add(1);
        }
        let len = self.files.len();
        let i = |n: usize| n % len;
        match *edit {
            Edit::Add(seed) => self.add(seed),
            Edit::Change(n, seed) => {
                // Written in place, as `>>` or an editor saving in place
                // does: the directory does not change.
                fs::write(&self.files[i(n)], content(seed).1).unwrap();
                self.clock += 1;
                set_time(&self.files[i(n)], 10_000 + self.clock);
                return;
            }
            Edit::SameSizeKeepTime(n) => {
                // An edit that keeps the length and the modification time:
                // only the inode's change time tells.
                let path = self.files[i(n)].clone();
                let mut text = fs::read(&path).unwrap();
                if let Some(b) = text.iter_mut().find(|b| b.is_ascii_digit()) {
                    *b = if *b == b'9' { b'0' } else { *b + 1 };
                }
                let modified = fs::metadata(&path).unwrap().modified().unwrap();
                fs::write(&path, text).unwrap();
                fs::File::options().write(true).open(&path).unwrap().set_modified(modified).unwrap();
                return;
            }
            Edit::Touch(n) => {
                self.clock += 1;
                set_time(&self.files[i(n)], 10_000 + self.clock);
                return;
            }
            Edit::Remove(n) => {
                fs::remove_file(self.files.remove(i(n))).unwrap();
            }
            Edit::Rename(n) => {
                let from = self.files[i(n)].clone();
                let to =
                    from.with_file_name(format!("renamed-{}", from.file_name().unwrap().to_str().unwrap()));
                fs::rename(&from, &to).unwrap();
                self.files[i(n)] = to;
            }
        }
        self.settle();
    }

    /// Date every file and directory in the past, as files are that were
    /// not edited in the last seconds.
    fn settle(&mut self) {
        self.clock += 1;
        for file in &self.files {
            set_time(file, self.clock);
        }
        for dir in [self.dir().join("a"), self.dir().join("b"), self.dir()] {
            if dir.exists() {
                set_time(&dir, self.clock);
            }
        }
    }
}

#[derive(Debug, Clone)]
enum Edit {
    Add(u32),
    Change(usize, u32),
    SameSizeKeepTime(usize),
    Touch(usize),
    Remove(usize),
    Rename(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0u32..60).prop_map(Edit::Add),
        (0usize..64, 0u32..60).prop_map(|(n, s)| Edit::Change(n, s)),
        (0usize..64).prop_map(Edit::SameSizeKeepTime),
        (0usize..64).prop_map(Edit::Touch),
        (0usize..64).prop_map(Edit::Remove),
        (0usize..64).prop_map(Edit::Rename),
    ]
}

fn spec(tree: &Tree) -> CacheSpec {
    CacheSpec::new(&tree.root.path().join("cache"), &[tree.dir()], "test")
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

    /// After any edits between opens, a cached open sees exactly what
    /// parsing every file sees.
    #[test]
    fn a_cached_library_is_the_parsed_library(
        seeds in proptest::collection::vec(0u32..60, 1..10),
        edits in proptest::collection::vec(edit(), 1..6),
    ) {
        let mut tree = Tree::new(&seeds);
        let spec = spec(&tree);
        let first = open(&tree.dir(), Some(&spec));
        prop_assert_eq!(seen(&first), seen(&open(&tree.dir(), None)));
        // Nothing changed: everything comes from the cache.
        let again = open(&tree.dir(), Some(&spec));
        prop_assert!(!again.manifest.needs_write(), "an unchanged library is read from the cache");
        prop_assert_eq!(seen(&again), seen(&first));
        // Its tags are counted without a story read, unless a file gave a
        // problem (it is read again every time).
        let whole = first.skipped.is_empty() && first.warnings.is_empty();
        let counts = cached_counts(&spec);
        prop_assert_eq!(counts.is_some(), whole);
        if let Some(counts) = counts {
            prop_assert_eq!(counts, counted(&first));
        }
        for edit in &edits {
            tree.apply(edit);
            prop_assert!(cached_counts(&spec).is_none(), "counts of the library before {:?}", edit);
            // As the reader opens it: on the cache's word, then checked.
            let trusting = open_trusting(&tree.dir(), &spec);
            let parsed_load = open(&tree.dir(), None);
            let parsed = seen(&parsed_load);
            prop_assert_eq!(seen(&trusting), parsed.clone(), "the reader, after {:?}", edit);
            if let Some(counts) = cached_counts(&spec) {
                prop_assert_eq!(counts, counted(&parsed_load), "written by the reader, after {:?}", edit);
            }
            let cached = open(&tree.dir(), Some(&spec));
            prop_assert_eq!(seen(&cached), parsed, "after {:?}", edit);
            if let Some(counts) = cached_counts(&spec) {
                prop_assert_eq!(counts, counted(&parsed_load), "after {:?}", edit);
            }
        }
    }
}

#[test]
fn an_unchanged_library_is_read_without_parsing_and_its_problems_are_told_again() {
    let tree = Tree::new(&[0, 1, 2, 3, 4, 5, 11]);
    let spec = spec(&tree);
    let first = open(&tree.dir(), Some(&spec));
    assert_eq!(first.manifest.parsed, 5, "five files parse cleanly; two are empty");
    assert_eq!(first.skipped.len(), 2);
    let again = open(&tree.dir(), Some(&spec));
    assert_eq!(again.manifest.parsed, 0, "nothing parsed the second time");
    assert!(!again.manifest.walked, "no walk when no directory changed");
    // Bodies wait in the cache until a story is read.
    let story = &again.library.stories()[0];
    assert!(story.body().loaded().is_none());
    assert!(!story.paragraphs().is_empty());
    assert_eq!(seen(&again), seen(&first));
}

#[test]
fn a_load_on_the_caches_word_names_the_files_to_check_and_leaves_their_check_free_to_run() {
    let mut tree = Tree::new(&[0, 1, 2, 3, 4, 5, 11]);
    let spec = spec(&tree);
    let first = open(&tree.dir(), Some(&spec));
    let options = load::Options { cache: Some(spec.clone()), trust_stamps: true, ..load::Options::default() };
    let loaded = load::receive_all(&load::spawn(&[tree.dir()], options.clone()).unwrap(), |_, _| {});
    let check = loaded.check.expect("taken on the cache's word: files to check");
    // Those whose stories came from the cache, on their recorded stamps;
    // the two that gave a problem were parsed again.
    let kept: Vec<_> =
        first.manifest.files.iter().filter(|f| f.keep).map(|f| (f.path.clone(), f.stamp)).collect();
    let mut named = check.files.clone();
    named.sort_by(|a, b| a.0.cmp(&b.0));
    let mut expected = kept;
    expected.sort_by(|a, b| a.0.cmp(&b.0));
    assert_eq!(named, expected);
    assert!(!check.waits_for_the_load(), "the load is over: its check must not wait");
    assert!(load::recheck(&check, &options).changed.is_empty());
    tree.apply(&Edit::Change(0, 7));
    let changed = load::recheck(&check, &options).changed;
    assert_eq!(changed.len(), 1);
    // A load without the cache's word stamps every file: nothing to check.
    let stamped = open(&tree.dir(), Some(&spec));
    assert!(stamped.check.is_none());
}

/// A cached library reaches the reader a few hundred files at a time, as
/// a parsed one does, whether its stamps are taken or trusted: the list
/// fills while the rest is read, and no batch is one huge move at the end.
#[test]
fn a_cached_library_arrives_in_batches() {
    let seeds: Vec<u32> = (0..600).map(|n| n % 60).filter(|n| n % 6 != 5).collect();
    let tree = Tree::new(&seeds);
    let spec = spec(&tree);
    open(&tree.dir(), Some(&spec));
    for trust_stamps in [false, true] {
        let options = load::Options { cache: Some(spec.clone()), trust_stamps, ..load::Options::default() };
        let mut sizes = Vec::new();
        for progress in load::spawn(&[tree.dir()], options).unwrap() {
            if let load::Progress::Batch(batch) = progress {
                assert_eq!(batch.parsed, 0, "every file comes from the cache");
                sizes.push(batch.files);
            }
        }
        assert_eq!(sizes.iter().sum::<usize>(), seeds.len());
        assert!(
            sizes.iter().all(|&n| n <= load::BATCH_FILES),
            "trusting stamps: {trust_stamps}, batches of {sizes:?} files"
        );
    }
}

/// A store of feeds holds hundreds of stories a file: a batch is sent
/// once it holds `BATCH_STORIES` stories, however few files it covers,
/// whether they are parsed or come from the cache.
#[test]
fn files_of_many_stories_arrive_a_few_hundred_stories_at_a_time() {
    let root = tempfile::tempdir().unwrap();
    let dir = root.path().join("store");
    fs::create_dir(&dir).unwrap();
    let per_file = 200;
    for f in 0..8 {
        let lines: String = (0..per_file)
            .map(|n| format!("{{\"title\": \"Item {f}-{n}\", \"paragraphs\": [\"Text {n}.\"]}}\n"))
            .collect();
        let path = dir.join(format!("feed-{f}.jsonl"));
        fs::write(&path, lines).unwrap();
        set_time(&path, 1);
    }
    set_time(&dir, 1);
    let spec = CacheSpec::new(&root.path().join("cache"), std::slice::from_ref(&dir), "test");
    open(&dir, Some(&spec));
    for (cache, trust_stamps) in [(None, false), (Some(spec.clone()), false), (Some(spec), true)] {
        let how = format!("cached: {}, trusting stamps: {trust_stamps}", cache.is_some());
        let options = load::Options { cache, trust_stamps, ..load::Options::default() };
        let mut sizes = Vec::new();
        for progress in load::spawn(std::slice::from_ref(&dir), options).unwrap() {
            if let load::Progress::Batch(batch) = progress {
                sizes.push(batch.drafts.len());
            }
        }
        assert_eq!(sizes.iter().sum::<usize>(), 8 * per_file, "{how}");
        assert!(
            sizes.iter().all(|&n| n < load::BATCH_STORIES + per_file),
            "{how}: batches of {sizes:?} stories"
        );
    }
}

#[test]
fn a_file_edited_in_the_last_seconds_is_parsed_again_whatever_its_stamp() {
    let tree = Tree::new(&[0, 1]);
    let spec = spec(&tree);
    open(&tree.dir(), Some(&spec));
    // Dated now: too close to the load that wrote the cache to trust.
    fs::File::options().write(true).open(&tree.files[0]).unwrap().set_modified(SystemTime::now()).unwrap();
    let again = open(&tree.dir(), Some(&spec));
    assert_eq!(again.manifest.parsed, 1);
}

/// Damage a written cache with `damage` and check that it is not trusted
/// (`Cache::open` says why, or the damaged body is read from its file
/// again), that the stories are the parsed ones, and that the next open
/// leaves a good cache.
fn rebuilt_after(damage: impl FnOnce(&Path), expected: Option<fn(&CacheError) -> bool>) {
    let tree = Tree::new(&[0, 1, 2, 3, 4]);
    let spec = spec(&tree);
    let parsed = seen(&open(&tree.dir(), None));
    open(&tree.dir(), Some(&spec));
    damage(&spec.path);
    if let Some(expected) = expected {
        let err = Cache::open(&spec, None).unwrap_err();
        assert!(expected(&err), "{err}");
    }
    assert_eq!(seen(&open(&tree.dir(), Some(&spec))), parsed);
    open(&tree.dir(), Some(&spec));
    let good = Cache::open(&spec, None).unwrap();
    assert_eq!(good.files(), tree.files.len());
    assert_eq!(seen(&open(&tree.dir(), Some(&spec))), parsed);
}

fn flip(path: &Path, at: impl FnOnce(usize) -> usize) {
    let mut bytes = fs::read(path).unwrap();
    let at = at(bytes.len());
    bytes[at] ^= 0x20;
    fs::write(path, bytes).unwrap();
}

#[test]
fn a_truncated_cache_is_rebuilt() {
    rebuilt_after(
        |path| {
            let len = fs::metadata(path).unwrap().len();
            fs::File::options().write(true).open(path).unwrap().set_len(len / 2).unwrap();
        },
        Some(|e| matches!(e, CacheError::Damaged)),
    );
    rebuilt_after(|path| fs::write(path, b"BYLN").unwrap(), Some(|e| matches!(e, CacheError::Version)));
}

#[test]
fn a_cache_with_a_damaged_index_is_rebuilt() {
    rebuilt_after(|path| flip(path, |_| 200), Some(|e| matches!(e, CacheError::Damaged)));
}

#[test]
fn damaged_story_records_are_not_used_and_every_file_is_parsed() {
    // The records follow the table of files, whose length the header
    // gives after the magic and the version: a byte in their middle.
    rebuilt_after(
        |path| {
            let bytes = fs::read(path).unwrap();
            let table = u64::from_le_bytes(bytes[16..24].try_into().unwrap()) as usize;
            let index = u64::from_le_bytes(bytes[32..40].try_into().unwrap()) as usize;
            flip(path, |_| 56 + (table + index) / 2);
        },
        None,
    );
}

#[test]
fn a_damaged_body_is_read_from_its_file_and_the_cache_rebuilt() {
    // The last body's text, just before its fingerprint.
    rebuilt_after(|path| flip(path, |len| len - 12), None);
}

#[test]
fn a_cache_of_another_version_or_library_is_not_used() {
    rebuilt_after(|path| flip(path, |_| 8), Some(|e| matches!(e, CacheError::Version)));
    let tree = Tree::new(&[0, 1]);
    let ours = spec(&tree);
    open(&tree.dir(), Some(&ours));
    let other = CacheSpec { key: format!("{}other", ours.key), ..ours.clone() };
    assert!(matches!(Cache::open(&other, None), Err(CacheError::OtherLibrary)));
    assert_eq!(seen(&open(&tree.dir(), Some(&other))), seen(&open(&tree.dir(), None)));
}

#[test]
fn two_libraries_have_two_caches() {
    let (one, two) = (Tree::new(&[0]), Tree::new(&[1]));
    let dir = one.root.path().join("cache");
    let a = CacheSpec::new(&dir, &[one.dir()], "test");
    let b = CacheSpec::new(&dir, &[two.dir()], "test");
    let c = CacheSpec::new(&dir, &[one.dir()], "other options");
    assert_ne!(a.path, b.path);
    assert_ne!(a.path, c.path);
}

#[test]
fn caches_not_written_for_a_month_are_removed_when_another_is_written() {
    let tree = Tree::new(&[0]);
    let dir = tree.root.path().join("cache");
    fs::create_dir_all(&dir).unwrap();
    let (stale, recent) = (dir.join("0000000000000001.cache"), dir.join("0000000000000002.cache"));
    for path in [&stale, &recent] {
        fs::write(path, b"old").unwrap();
    }
    let month_ago = SystemTime::now() - Duration::from_secs((cache::STALE_DAYS + 1) * 24 * 60 * 60);
    fs::File::options().write(true).open(&stale).unwrap().set_modified(month_ago).unwrap();
    open(&tree.dir(), Some(&spec(&tree)));
    assert!(!stale.exists(), "a month-old cache goes");
    assert!(recent.exists(), "a recent one stays");
    assert!(spec(&tree).path.exists());
}

#[test]
fn a_library_of_named_files_is_read_from_the_cache_without_rewriting_it() {
    let tree = Tree::new(&[0, 4]);
    let spec = CacheSpec::new(&tree.root.path().join("cache"), &tree.files, "test");
    let load = || {
        let options = load::Options { cache: Some(spec.clone()), ..load::Options::default() };
        load::receive_all(&load::spawn(&tree.files, options).unwrap(), |_, _| {})
    };
    let first = load();
    assert!(first.manifest.needs_write());
    cache::write(&spec, &first.library, &first.manifest).unwrap();
    let again = load();
    assert_eq!(again.manifest.parsed, 0);
    assert!(!again.manifest.needs_write(), "an unchanged feed file does not rewrite its cache");
    assert_eq!(seen(&again), seen(&first));
}
