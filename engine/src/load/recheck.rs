//! Checking, after they are shown, the files a reader took from the parsed
//! cache on the stamps it recorded (`Options::trust_stamps`): every file is
//! stamped on every core, and those changed since are read again. The
//! reader then retires the stories of the changed and vanished files and
//! adds what they hold now.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use super::one_file::parse_into;
use super::{Batch, Options, Skipped, Warning};
use crate::bitset::BitSet;
use crate::cache::{Manifest, Stamp, Stamper};
use crate::library::Library;

/// What rechecking found.
#[derive(Debug, Clone, Default)]
pub struct Rechecked {
    /// The files (by position in what was rechecked) whose stamp is not
    /// the one they were taken with, or that are gone.
    pub changed: Vec<usize>,
    /// Those still there, read again (their records count from the
    /// batch's first story).
    pub batch: Batch,
}

/// Stamp each of `files` and read again those whose stamp is not the one
/// given.
pub fn recheck(files: &[(Arc<Path>, Stamp)], options: &Options) -> Rechecked {
    let size = files.len().div_ceil(crate::parallel::cores()).max(1);
    let parts: Vec<&[(Arc<Path>, Stamp)]> = files.chunks(size).collect();
    let found = crate::parallel::map_parts(&parts, |nth, part| {
        let mut stamper = Stamper::default();
        let differ =
            |(_, (path, stamp)): &(usize, &(Arc<Path>, Stamp))| stamper.stamp(path).ok() != Some(*stamp);
        part.iter().enumerate().filter(differ).map(|(k, _)| nth * size + k).collect::<Vec<_>>()
    });
    let changed: Vec<usize> = found.into_iter().flatten().flatten().collect();
    let mut batch = Batch::default();
    let mut buf = Vec::new();
    for &n in &changed {
        let path = &files[n].0;
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
    let changed =
        BitSet::of(manifest.files.len(), found.changed.into_iter().filter(|&n| n < manifest.files.len()));
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
