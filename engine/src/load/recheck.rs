//! Checking the files a reader took from the parsed cache on the stamps it
//! recorded (`Options::trust_stamps`), from the moment the cache is open
//! and in the time the loading threads leave (`ToCheck`): every file is
//! stamped on every core, and those changed since are read again. Once
//! loading is over, the reader retires the stories of the changed and
//! vanished files and adds what they hold now (`take_in`).

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use super::one_file::parse_into;
use super::{Batch, Options, Skipped, Warning};
use crate::bitset::BitSet;
use crate::cache::{Manifest, Stamp, changed_files};
use crate::library::Library;

/// What rechecking found.
#[derive(Debug, Clone, Default)]
pub struct Rechecked {
    /// The files whose stamp is not the one they were taken on, or that
    /// are gone.
    pub changed: Vec<Arc<Path>>,
    /// Those still there, read again (their records count from the
    /// batch's first story).
    pub batch: Batch,
}

/// Files a load took on the cache's word, each with the stamp it was
/// taken on, for `recheck`. Known as soon as the cache is opened, so the
/// check can start at once: it then takes only the time the load leaves,
/// as it waits while the loading threads decode stories (`decoding`).
#[derive(Debug, Default)]
pub struct ToCheck {
    /// The files, each with the stamp its stories were taken on.
    pub files: Vec<(Arc<Path>, Stamp)>,
    decoding: AtomicBool,
}

impl ToCheck {
    /// `files` to check, with the stamps they were taken on.
    pub fn new(files: Vec<(Arc<Path>, Stamp)>) -> ToCheck {
        ToCheck { files, decoding: AtomicBool::new(false) }
    }

    pub(super) fn set_decoding(&self, decoding: bool) {
        self.decoding.store(decoding, Ordering::Release);
    }

    /// Whether a check waits now for the loading threads, which are
    /// decoding stories.
    pub fn waits_for_the_load(&self) -> bool {
        self.decoding.load(Ordering::Acquire)
    }

    /// Wait while the loading threads decode stories.
    fn yield_to_loading(&self) {
        while self.waits_for_the_load() {
            std::thread::sleep(std::time::Duration::from_millis(1));
        }
    }
}

/// Stamp each of the files and read again those whose stamp is not the
/// one given.
pub fn recheck(to_check: &ToCheck, options: &Options) -> Rechecked {
    let found = changed_files(&to_check.files, |f| (&f.0, f.1), false, || to_check.yield_to_loading());
    // A thread that failed (a bug) leaves every file taken as it was.
    let changed: Vec<Arc<Path>> = found.unwrap_or_default().into_iter().map(|f| Arc::clone(&f.0)).collect();
    let mut batch = Batch::default();
    let mut buf = Vec::new();
    for path in &changed {
        if path.is_file() {
            parse_into(path.to_path_buf(), &mut buf, options, &mut batch);
        }
    }
    Rechecked { changed, batch }
}

/// Take in what `recheck` found for the load recorded in `manifest`: the
/// stories of each file changed or gone are retired from `library` and
/// its record dropped; what the files hold now is added, in order, with
/// the read and starred marks their old stories had (matched by id), and
/// the library is put in order again; the manifest then calls for a new
/// cache. Returns the files' problems.
pub fn take_in(
    library: &mut Library,
    manifest: &mut Manifest,
    found: Rechecked,
) -> (Vec<Skipped>, Vec<Warning>) {
    manifest.unchecked = false;
    if found.changed.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let mut marks: HashMap<String, (bool, bool)> = HashMap::new();
    // The check may have gone by another list of the files (the cache's).
    let changed = BitSet::of(manifest.files.len(), manifest.positions(found.changed.iter()));
    let mut ranges = Vec::with_capacity(changed.count());
    for file in manifest.files.iter().enumerate().filter(|(n, _)| changed.contains(*n)).map(|(_, f)| f) {
        let range = file.first..file.first + file.count;
        for story in library.stories().get(range.clone()).unwrap_or_default() {
            if story.read || story.starred {
                marks.insert(story.id().to_string(), (story.read, story.starred));
            }
        }
        ranges.push(range);
    }
    // Their records go in one pass (a `remove` each would move the rest
    // of the list once a changed file).
    let mut n = 0;
    manifest.files.retain(|_| {
        n += 1;
        !changed.contains(n - 1)
    });
    let written_before = library.written_tags_fingerprint();
    library.retire(&ranges);
    let mut batch = found.batch;
    let from = library.len();
    manifest.add(from, std::mem::take(&mut batch.cacheable), batch.parsed);
    library.extend(batch.drafts);
    for index in from..library.len() {
        if let Some(&(read, starred)) = marks.get(library.stories()[index].id()) {
            library.set_marks(index, read, starred);
        }
    }
    library.segment_after_retiring(written_before);
    manifest.walked = true;
    (batch.skipped, batch.warnings)
}
