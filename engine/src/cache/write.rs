//! Writing a cache file: a snapshot of the library taken at once (the
//! index encoded, the bodies shared), written whole by whoever has time,
//! and old caches cleared away.

use std::fs;
use std::io;
use std::path::Path;

use super::codec::Encoder;
use super::{CacheSpec, FileRecord, MAGIC, Manifest, NO_TAG_COUNTS, VERSION};
use crate::library::Library;
use crate::model::{Body, BodyAt, Story, fast_hash, fast_hash_of_parts};

/// Write the cache of a loaded library: the files in `manifest` that can
/// be cached, and their stories. `Ok(false)` without writing when another
/// process holds the cache's lock (it is writing the same cache).
pub fn write(spec: &CacheSpec, library: &Library, manifest: &Manifest) -> io::Result<bool> {
    Snapshot::take(spec, library, manifest).write()
}

/// What a cache file will hold, taken from a library at once (the index
/// encoded, the bodies shared, not copied) so that a thread can write it
/// while the library goes on changing.
#[derive(Debug, Clone)]
pub struct Snapshot {
    spec: CacheSpec,
    /// The index's table of directories, files and tag counts.
    table: Vec<u8>,
    /// The story records after it, as the threads that encoded them left
    /// them: written one after another (not copied end to end first).
    records: Vec<Vec<u8>>,
    bodies: Vec<Body>,
    bodies_len: u64,
}

/// Two snapshots are equal when they would write the same index (the
/// bodies' places and lengths are in it).
impl PartialEq for Snapshot {
    fn eq(&self, other: &Snapshot) -> bool {
        self.spec == other.spec
            && self.table == other.table
            && self.records.iter().flatten().eq(other.records.iter().flatten())
            && self.bodies_len == other.bodies_len
    }
}

impl Eq for Snapshot {}

impl Snapshot {
    /// Take what the cache of `library` holds. Every story's id is
    /// computed first (on every core) if not known, so that a reader
    /// opening the cache matches saved marks without reading bodies.
    pub fn take(spec: &CacheSpec, library: &Library, manifest: &Manifest) -> Snapshot {
        Snapshot::take_in_runs(spec, library, manifest, crate::parallel::cores())
    }

    /// As `take`, the story records encoded in `runs` runs side by side.
    pub(super) fn take_in_runs(
        spec: &CacheSpec,
        library: &Library,
        manifest: &Manifest,
        runs: usize,
    ) -> Snapshot {
        let stories = library.stories();
        let mut files: Vec<&FileRecord> = manifest
            .files
            .iter()
            .filter(|f| f.path.to_str().is_some() && f.first + f.count <= stories.len())
            .collect();
        // Files in the reading order of their first story: read back in
        // that order, the stories need next to no sorting.
        let mut rank = vec![usize::MAX; stories.len()];
        for (at, &story) in library.order().iter().enumerate() {
            rank[story] = at;
        }
        files.sort_by_key(|f| rank.get(f.first).copied().unwrap_or(usize::MAX));
        let needed: Vec<&Story> = files.iter().flat_map(|f| &stories[f.first..f.first + f.count]).collect();
        crate::model::find_all_ids(&needed);
        let mut lines: Vec<Option<&str>> = vec![None; stories.len()];
        for (i, line) in library.tag_lines() {
            if let Some(slot) = lines.get_mut(*i) {
                *slot = Some(line.as_str());
            }
        }

        // Room for the whole table at once: grown by doubling, megabytes
        // would be copied over and over into fresh memory.
        let mut table = Encoder { bytes: Vec::with_capacity(files.len() * 128 + 4096) };
        table.str(&spec.key);
        table.i128(manifest.started);
        table.u64(library.written_tags_fingerprint());
        table.u8(u8::from(manifest.dirs.is_some()));
        let dirs = manifest.dirs.as_deref().unwrap_or(&[]);
        table.u32(dirs.len() as u32);
        for (dir, stamp) in dirs {
            table.str(&dir.to_string_lossy());
            table.stamp(stamp);
        }
        table.u32(files.len() as u32);
        let mut slots = Vec::with_capacity(files.len());
        for file in &files {
            table.str(file.path.to_str().unwrap_or_default());
            table.u8(u8::from(file.keep));
            table.stamp(&file.stamp);
            slots.push(table.bytes.len());
            table.u64(0);
            table.u32(if file.keep { file.count as u32 } else { 0 });
        }
        // The tags with their counts, for a command that counts them and
        // finds nothing changed (`Cache::unchanged_tags`): only when the
        // cache holds every file's stories, checked.
        let whole =
            !manifest.unchecked && files.len() == manifest.files.len() && files.iter().all(|f| f.keep);
        match u32::try_from(library.tags().len()) {
            Ok(count) if whole && count != NO_TAG_COUNTS => {
                table.u32(count);
                for tag in library.tags() {
                    table.str(&tag.name);
                    table.u64(tag.stories.len() as u64);
                }
            }
            _ => table.u32(NO_TAG_COUNTS),
        }
        // The story records are encoded on every core, a run of files
        // each, then put end to end: each run's records and bodies were
        // placed from its own start. A body's place is worked out from its
        // length: the bodies are encoded only when written.
        let encode = |run: &[&FileRecord]| {
            let mut part = Part::default();
            part.records.bytes.reserve(run.iter().map(|f| f.count).sum::<usize>() * 512);
            for file in run {
                part.starts.push(part.records.bytes.len());
                if !file.keep {
                    continue;
                }
                for (n, story) in stories[file.first..file.first + file.count].iter().enumerate() {
                    let (read, starred) =
                        file.marks.iter().find(|m| m.0 == n).map_or((false, false), |m| (m.1, m.2));
                    let len = encoded_len(story.body()) + 8;
                    let line = lines.get(file.first + n).copied().flatten();
                    let place =
                        rank.get(file.first + n).map_or(u32::MAX, |&r| u32::try_from(r).unwrap_or(u32::MAX));
                    let at = BodyAt { offset: part.bodies_len, len, item: 0 };
                    part.records.story(story, place, (read, starred), line, at);
                    // Where the body's offset went: the fields end with it
                    // and the body's length.
                    part.body_offsets.push(part.records.bytes.len() - 16);
                    part.bodies_len += len;
                    part.bodies.push(story.body().clone());
                }
            }
            part
        };
        let runs = runs_of_stories(&files, runs);
        let parts = crate::parallel::map_parts(&runs, |_, run| encode(run));
        let mut bodies = Vec::with_capacity(needed.len());
        let mut bodies_len = 0u64;
        let mut slot = slots.iter();
        // Each run's records are placed after the table and the runs
        // before: the table's offsets and the bodies' places are put right,
        // and the records stay where their thread wrote them.
        let mut index_len = table.bytes.len();
        let mut records = Vec::with_capacity(runs.len());
        for (run, part) in runs.iter().zip(parts) {
            // A thread that failed (a bug) leaves its run to this one.
            let part = part.unwrap_or_else(|| encode(run));
            let (base, shift) = (index_len, bodies_len);
            for start in &part.starts {
                let (Some(&slot), Ok(at)) = (slot.next(), u64::try_from(base + start)) else { continue };
                table.bytes[slot..slot + 8].copy_from_slice(&at.to_le_bytes());
            }
            let mut run_records = part.records.bytes;
            for &at in &part.body_offsets {
                let offset = u64::from_le_bytes(run_records[at..at + 8].try_into().unwrap_or([0; 8])) + shift;
                run_records[at..at + 8].copy_from_slice(&offset.to_le_bytes());
            }
            index_len += run_records.len();
            records.push(run_records);
            bodies.extend(part.bodies);
            bodies_len += part.bodies_len;
        }
        Snapshot { spec: spec.clone(), table: table.bytes, records, bodies, bodies_len }
    }

    /// Write it, replacing the cache file atomically.
    pub fn write(self) -> io::Result<bool> {
        let Some(lock) = crate::atomic_file::try_lock(&self.spec.lock_path())? else {
            return Ok(false);
        };
        let written = crate::atomic_file::write_with(&lock, &self.spec.path, false, |out| {
            out.write_all(MAGIC)?;
            out.write_all(&VERSION.to_le_bytes())?;
            out.write_all(&0u32.to_le_bytes())?;
            let records: Vec<&[u8]> = self.records.iter().map(Vec::as_slice).collect();
            let index_len = self.table.len() + records.iter().map(|r| r.len()).sum::<usize>();
            let table = &self.table;
            for number in
                [table.len() as u64, fast_hash(table), index_len as u64, fast_hash_of_parts(&records)]
            {
                out.write_all(&number.to_le_bytes())?;
            }
            out.write_all(&self.bodies_len.to_le_bytes())?;
            out.write_all(table)?;
            for run in &records {
                out.write_all(run)?;
            }
            // The bodies are encoded and fingerprinted on another thread, a
            // block at a time, while this one writes the blocks before.
            let (blocks, encoded) = std::sync::mpsc::sync_channel::<io::Result<Vec<u8>>>(2);
            std::thread::scope(|scope| {
                scope.spawn(move || {
                    for run in self.bodies.chunks(BODIES_A_BLOCK) {
                        let block = encode_block(run);
                        let failed = block.is_err();
                        if blocks.send(block).is_err() || failed {
                            return;
                        }
                    }
                });
                // A write that fails drops `encoded`: the encoder stops.
                encoded.into_iter().try_for_each(|block| out.write_all(&block?))
            })
        });
        match written {
            Ok(()) => {
                remove_stale(&self.spec.path);
                Ok(true)
            }
            Err(err) => {
                // A body that could not be copied from the old cache means
                // the old one is damaged: it goes, and the next load
                // writes anew.
                let _ = fs::remove_file(&self.spec.path);
                Err(err)
            }
        }
    }
}

/// A run of files' story records, encoded by one thread from its own
/// start.
#[derive(Default)]
struct Part {
    records: Encoder,
    /// Where each file's records begin in `records`.
    starts: Vec<usize>,
    /// Where each body's offset is written in `records`.
    body_offsets: Vec<usize>,
    bodies: Vec<Body>,
    bodies_len: u64,
}

/// `files` cut into `runs` runs of about as many stories each, in order.
fn runs_of_stories<'a>(files: &[&'a FileRecord], runs: usize) -> Vec<Vec<&'a FileRecord>> {
    let total: usize = files.iter().map(|f| f.count).sum();
    let per_run = total.div_ceil(runs.max(1)).max(1);
    let mut cut: Vec<Vec<&FileRecord>> = vec![Vec::new()];
    let mut in_run = 0;
    for &file in files {
        if in_run >= per_run {
            cut.push(Vec::new());
            in_run = 0;
        }
        in_run += file.count;
        if let Some(run) = cut.last_mut() {
            run.push(file);
        }
    }
    cut
}

/// Caches not written for `STALE_DAYS` (libraries no longer opened, or
/// caches of an older version, which have other names) are removed when
/// another cache in the directory is written, so they do not pile up.
pub const STALE_DAYS: u64 = 30;

fn remove_stale(written: &Path) {
    let Some(dir) = written.parent() else {
        return;
    };
    let Ok(entries) = fs::read_dir(dir) else {
        return;
    };
    let old = |path: &Path| {
        fs::metadata(path)
            .and_then(|m| m.modified())
            .is_ok_and(|time| time.elapsed().is_ok_and(|age| age.as_secs() > STALE_DAYS * 24 * 60 * 60))
    };
    for path in entries.filter_map(Result::ok).map(|e| e.path()) {
        if path != written && path.extension().is_some_and(|e| e == "cache") && old(&path) {
            let _ = fs::remove_file(&path);
            let _ = fs::remove_file(path.with_extension("lock"));
        }
    }
}

/// A body's encoded length, without its fingerprint: a stored one is
/// copied as it is, one in memory is encoded.
fn encoded_len(body: &Body) -> u64 {
    match body.unread_at() {
        Some((_, at)) => at.len - 8,
        None => {
            // Each paragraph's length and text, after their count.
            let paragraphs = body.paragraphs();
            4 + 4 * paragraphs.len() as u64 + paragraphs.text_len() as u64
        }
    }
}

/// Bodies encoded a block at a time when the cache is written.
pub(super) const BODIES_A_BLOCK: usize = 256;

/// `bodies` encoded one after another, each followed by its fingerprint.
fn encode_block(bodies: &[Body]) -> io::Result<Vec<u8>> {
    let mut block = Vec::new();
    for body in bodies {
        let start = block.len();
        encode_body(body, &mut block)?;
        let hash = fast_hash(&block[start..]);
        block.extend_from_slice(&hash.to_le_bytes());
    }
    Ok(block)
}

fn encode_body(body: &Body, out: &mut Vec<u8>) -> io::Result<()> {
    match body.unread_at() {
        Some((source, at)) => {
            let raw = source.raw(at).ok_or_else(|| io::Error::other("a cached body is damaged"))?;
            out.extend_from_slice(&raw);
        }
        None => {
            let paragraphs = body.paragraphs();
            out.extend_from_slice(&(paragraphs.len() as u32).to_le_bytes());
            for p in paragraphs {
                out.extend_from_slice(&(p.len() as u32).to_le_bytes());
                out.extend_from_slice(p.as_bytes());
            }
        }
    }
    Ok(())
}
