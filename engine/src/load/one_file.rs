//! One file of a load into a batch: its stories taken from the parsed
//! cache when its stamp is the one recorded, else read and parsed, with
//! what the cache will record of it.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::Sender;

use super::{Batch, Options, Progress, Skipped, Warning};
use crate::cache::{Cache, FileRecord, Stamp};
use crate::error::SkipReason;
use crate::parse::{self, Draft, InputFormat};

/// A file for a worker: one the walk found, or the cache's file `n` (the
/// tree has not changed since the cache was written).
pub(super) enum Work {
    Path(PathBuf),
    Cached(usize),
}

/// Take the stories of the cache's file `n` if its stamp now is the one
/// recorded; false when it must be read.
pub(super) fn from_cache(cache: &Cache, n: usize, stamp: Stamp, batch: &mut Batch) -> bool {
    let first = batch.drafts.len();
    if !cache.stories(n, &stamp, &mut batch.drafts) {
        return false;
    }
    batch.files += 1;
    batch.cacheable.push(record(Arc::clone(cache.path(n)), stamp, first, &batch.drafts[first..]));
    true
}

/// Take the stories of the cached files stamped before the records were
/// read (waiting for them if they are still being read); those that
/// changed are parsed. Full batches are sent on the way; false when the
/// receiver has gone.
pub(super) fn take_waiting(
    cache: &Cache,
    waiting: &mut Vec<(usize, Stamp)>,
    buf: &mut Vec<u8>,
    (options, tx): (&Options, &Sender<Progress>),
    batch: &mut Batch,
) -> bool {
    for (n, stamp) in waiting.drain(..) {
        if !from_cache(cache, n, stamp, batch) {
            parse_into(cache.path(n).to_path_buf(), buf, options, batch);
        }
        if batch.is_full() && !send(batch, options, tx) {
            return false;
        }
    }
    true
}

/// Read and parse the file at `path` into the batch (`buf` is reused from
/// file to file), recording it for the cache when there is one.
pub(super) fn parse_into(path: PathBuf, buf: &mut Vec<u8>, options: &Options, batch: &mut Batch) {
    let source = path.display().to_string();
    let read = read_file(&path, buf, options.max_file_size);
    let (drafts, problems) = (batch.drafts.len(), batch.skipped.len() + batch.warnings.len());
    read_one(&source, read.as_ref().map(|_| buf.as_slice()), options.forced, batch);
    if !options.keep_text {
        // A space-joined tag line is segmented with its story's text, once
        // every file is in: that text is kept.
        for draft in batch.drafts[drafts..].iter_mut().filter(|d| d.unsegmented_tags.is_none()) {
            if options.ids_while_loading() {
                let _ = draft.story.id();
            }
            draft.story.drop_text();
        }
    }
    // A file with a problem is read again every time, so that the problem
    // is told every time.
    let keep = read.is_ok() && problems == batch.skipped.len() + batch.warnings.len();
    batch.parsed += usize::from(keep);
    // What a cache will record, when there is one.
    if options.cache.is_some() {
        let stamp = read.unwrap_or_default();
        let file = record(Arc::from(path), stamp, drafts, &batch.drafts[drafts..]);
        batch.cacheable.push(FileRecord { keep, ..file });
    }
}

/// What the cache records of a file whose stories are `drafts`, the first
/// of them at `first` in its batch.
pub(super) fn record(path: Arc<Path>, stamp: Stamp, first: usize, drafts: &[Draft]) -> FileRecord {
    let marks = drafts
        .iter()
        .enumerate()
        .filter(|(_, d)| d.story.read || d.story.starred)
        .map(|(n, d)| (n, d.story.read, d.story.starred))
        .collect();
    FileRecord { path, stamp, first, count: drafts.len(), marks, keep: true }
}

/// Send a batch (with its word index, if asked for); false when the
/// receiver has gone.
pub(super) fn send(batch: &mut Batch, options: &Options, tx: &Sender<Progress>) -> bool {
    let full = std::mem::replace(batch, Batch::with_room());
    if full.files == 0 {
        return true;
    }
    // A cache records every story's id: parsed stories get theirs here, on
    // every core, rather than on the reader's thread when the cache is
    // written (cached stories come with theirs).
    if options.ids_while_loading() {
        crate::model::work_out_ids(&full.drafts.iter().map(|d| &d.story).collect::<Vec<_>>());
    }
    tx.send(Progress::Batch(full)).is_ok()
}

/// Parse one file's bytes into the batch, or record why it yields nothing.
pub(super) fn read_one(
    source: &str,
    bytes: Result<&[u8], &SkipReason>,
    forced: Option<InputFormat>,
    batch: &mut Batch,
) {
    batch.files += 1;
    let parse = |b: &[u8]| match crate::crash::guard(|| parse::parse_file(source, b, forced)) {
        Ok(parsed) => parsed.map_err(SkipReason::from),
        Err(crashed) => Err(SkipReason::Crashed(crashed)),
    };
    match bytes.map_err(SkipReason::clone).and_then(parse) {
        Ok(parsed) => {
            for draft in &parsed.drafts {
                for message in &draft.warnings {
                    batch.warnings.push(Warning { path: source.to_string(), message: message.clone() });
                }
            }
            for problem in parsed.problems {
                batch.skipped.push(Skipped { path: source.to_string(), reason: problem.into() });
            }
            batch.drafts.extend(parsed.drafts);
        }
        Err(reason) => batch.skipped.push(Skipped { path: source.to_string(), reason }),
    }
}

/// Read a whole file into `buf` (reused from file to file): one open and
/// reads up to one byte past the cap, so no size check is needed first and
/// a file still growing is capped too. Returns its stamp as it was
/// opened, before the read: a change made while reading shows next time.
pub(super) fn read_file(path: &Path, buf: &mut Vec<u8>, limit: u64) -> Result<Stamp, SkipReason> {
    buf.clear();
    let file = fs::File::open(path).map_err(|e| SkipReason::io(&e))?;
    let stamp = file.metadata().map(|m| Stamp::of(&m)).unwrap_or_default();
    // Room for the whole file at once (`take` hides its size from
    // `read_to_end`, which would grow the buffer by doubling: a 100 MB
    // feed copied over and over into fresh memory).
    buf.reserve(usize::try_from(stamp.size.min(limit)).unwrap_or(0).saturating_add(1));
    file.take(limit + 1).read_to_end(buf).map_err(|e| SkipReason::io(&e))?;
    if buf.len() as u64 > limit {
        return Err(SkipReason::TooLarge { limit_mib: limit.div_ceil(1024 * 1024) });
    }
    Ok(stamp)
}
