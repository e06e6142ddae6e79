//! The parsed cache: a library's stories as they were parsed, in one file
//! per library, so that the next start reads them back instead of parsing
//! every file again.
//!
//! # What is in it
//!
//! A 56-byte header (magic, version, the lengths of the sections and the
//! fingerprints of the two parts of the index), then the **index**, then
//! the **bodies**.
//! The index names the library it belongs to (`CacheSpec::key`), when the
//! load that wrote it began, every directory walked and every file read
//! with its size and times (`Stamp`), the library's tags with their
//! counts, and each file's stories: every field but the paragraphs, which
//! are in the bodies section, each body followed by its own fingerprint.
//!
//! # How it is read
//!
//! The index has two parts, each with its fingerprint: the table of
//! directories, files and tag counts, read and checked when the cache is
//! opened, and
//! the story records, read and checked by the loader's walking thread
//! while the workers stamp the files (a stat each, most of the work), so
//! that neither waits for the other. Damaged records are not used: every
//! file is then parsed. A body is read with one positioned read when its
//! story is first opened, quoted or searched (`BodySource`), and checked
//! then. The file is never mapped: a positioned read costs the
//! same for one story, needs no `unsafe`, and a cache file truncated by
//! someone else while byline reads it gives an empty body, never a crash
//! (`SIGBUS`). A file whose size or times differ from its entry is parsed
//! again; when no directory changed, the walk is skipped and the index's
//! file list is used. A command that only counts tags (`byline tags`)
//! reads no story record when every file is as recorded
//! (`Cache::unchanged_tags`). A file modified less than `RACY_SECS` before the
//! load that wrote the cache began is parsed again whatever its stamp says,
//! as a file system with coarse times could hide a change made in the same
//! instant.
//!
//! # How it is written
//!
//! Whole, to a temporary file renamed over the old one (`atomic_file`),
//! under a lock taken without waiting: when another byline process is
//! writing the same cache, this one leaves it to that one. A missing,
//! truncated, corrupt or other-version cache is not an error: it is
//! ignored, and the next load writes a new one.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{SystemTime, UNIX_EPOCH};

use crate::model::fast_hash;

mod codec;
mod read;
#[cfg(test)]
mod tests;
mod write;

pub use read::{Cache, CacheError};
pub use write::{STALE_DAYS, Snapshot, write};

/// Change this when the layout changes or a parser reads files
/// differently: caches of another version are rebuilt.
pub const VERSION: u32 = 6;

/// Files modified this close to (or after) the start of the load that wrote
/// the cache are parsed again.
pub const RACY_SECS: i64 = 2;

const MAGIC: &[u8; 8] = b"BYLNCACH";
/// In place of the number of tags: the cache records no tag counts.
const NO_TAG_COUNTS: u32 = u32::MAX;
const HEADER: usize = 56;

/// Which cache a library uses, and what makes it that library.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CacheSpec {
    /// The cache file.
    pub path: PathBuf,
    /// What the library is: its paths and every option that changes how
    /// files are read. A cache written for another key is not used.
    pub key: String,
    /// The least a library holds to be worth a cache: (files, bytes),
    /// either one. A command run on an article or two (a script's
    /// `byline export story.txt`) parses it faster than it would find a
    /// cache, and leaves no cache file behind.
    pub smallest: (usize, u64),
}

impl CacheSpec {
    /// The cache for the library of `paths`, read with `options` (any
    /// text that changes how files are read: the forced format, the size
    /// cap), kept in `dir`.
    pub fn new(dir: &Path, paths: &[PathBuf], options: &str) -> CacheSpec {
        let mut key = format!("byline {} cache {VERSION}\n{options}\n", env!("CARGO_PKG_VERSION"));
        for path in paths {
            let path = fs::canonicalize(path).unwrap_or_else(|_| path.clone());
            key.push_str(&path.to_string_lossy());
            key.push('\n');
        }
        let name = format!("{:016x}.cache", fast_hash(key.as_bytes()));
        CacheSpec { path: dir.join(name), key, smallest: (64, 4 * 1024 * 1024) }
    }

    /// Whether a load that read what `manifest` records should write this
    /// cache: something changed (`Manifest::needs_write`) in a library
    /// large enough to be worth it (`smallest`).
    pub fn wants(&self, manifest: &Manifest) -> bool {
        let bytes: u64 = manifest.files.iter().map(|f| f.stamp.size).sum();
        let large = manifest.files.len() >= self.smallest.0 || bytes >= self.smallest.1;
        large && manifest.needs_write()
    }

    fn lock_path(&self) -> PathBuf {
        self.path.with_extension("lock")
    }
}

/// A file's or directory's size and times: when they are what the cache
/// recorded, it has not changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Stamp {
    /// Length in bytes.
    pub size: u64,
    /// Last modification, nanoseconds since 1970.
    pub modified: i128,
    /// Last change of the inode (Unix), nanoseconds since 1970: catches an
    /// edit that kept the modification time.
    pub changed: i128,
}

impl Stamp {
    /// The stamp of what `meta` describes.
    pub fn of(meta: &fs::Metadata) -> Stamp {
        Stamp { size: meta.len(), modified: meta.modified().map_or(0, nanos), changed: changed(meta) }
    }
}

/// Stamps files, each looked up from its directory, which is kept open
/// for the files after it: the kernel then looks up one name instead of
/// every component of the path. A cached library is checked a stat a
/// file, so this is most of the work of opening it (at 100,000 files,
/// 65 ms instead of 100-130 ms on two cores). A cache lists its files in
/// reading order, so directories come back in turn: up to `OPEN_DIRS` stay
/// open, and files in others are looked up by their whole path.
#[derive(Debug, Default)]
pub struct Stamper {
    #[cfg(unix)]
    dirs: std::collections::HashMap<PathBuf, fs::File>,
}

/// Directories a `Stamper` keeps open.
#[cfg(unix)]
const OPEN_DIRS: usize = 128;

impl Stamper {
    /// The stamp of the file at `path`, following symbolic links.
    pub fn stamp(&mut self, path: &Path) -> std::io::Result<Stamp> {
        #[cfg(unix)]
        if let Some(stamp) = self.in_dir(path) {
            return Ok(stamp);
        }
        fs::metadata(path).map(|meta| Stamp::of(&meta))
    }

    /// The stamp through the open directory; `None` when that does not
    /// work, and the path is then looked up whole (which also says why).
    #[cfg(unix)]
    #[allow(clippy::unnecessary_cast)] // the field types differ between systems
    fn in_dir(&mut self, path: &Path) -> Option<Stamp> {
        let (dir, name) = (path.parent().filter(|d| !d.as_os_str().is_empty())?, path.file_name()?);
        if !self.dirs.contains_key(dir) && self.dirs.len() < OPEN_DIRS {
            self.dirs.insert(dir.to_path_buf(), fs::File::open(dir).ok()?);
        }
        let stat = rustix::fs::statat(self.dirs.get(dir)?, name, rustix::fs::AtFlags::empty()).ok()?;
        let time = |secs: i64, nanos: i64| i128::from(secs) * 1_000_000_000 + i128::from(nanos);
        Some(Stamp {
            size: stat.st_size as u64,
            modified: time(stat.st_mtime as i64, stat.st_mtime_nsec as i64),
            changed: time(stat.st_ctime as i64, stat.st_ctime_nsec as i64),
        })
    }
}

/// Files stamped between two looks at whether to go on.
const STAMPS_AT_A_TIME: usize = 256;

/// Which of `files` no longer have the stamp `file` gives for them (or
/// are gone), stamped on every core, `STAMPS_AT_A_TIME` files at a time
/// with `before_run` called before each run. `first_only`: every thread
/// stops once one change is found. `None` if a thread failed (a bug).
pub(crate) fn changed_files<T: Sync>(
    files: &[T],
    file: impl Fn(&T) -> (&Arc<Path>, Stamp) + Sync,
    first_only: bool,
    before_run: impl Fn() + Sync,
) -> Option<Vec<&T>> {
    let found_one = std::sync::atomic::AtomicBool::new(false);
    let size = files.len().div_ceil(crate::parallel::cores()).max(1);
    let parts: Vec<&[T]> = files.chunks(size).collect();
    let found = crate::parallel::map_parts(&parts, |_, part| {
        let mut stamper = Stamper::default();
        let mut changed = Vec::new();
        for run in part.chunks(STAMPS_AT_A_TIME) {
            if first_only && found_one.load(std::sync::atomic::Ordering::Relaxed) {
                break;
            }
            before_run();
            for item in run {
                let (path, stamp) = file(item);
                if stamper.stamp(path).ok() != Some(stamp) {
                    changed.push(item);
                }
            }
            if !changed.is_empty() {
                found_one.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        }
        changed
    });
    found.into_iter().try_fold(Vec::new(), |mut all, part| {
        all.extend(part?);
        Some(all)
    })
}

fn nanos(time: SystemTime) -> i128 {
    match time.duration_since(UNIX_EPOCH) {
        Ok(after) => after.as_nanos() as i128,
        Err(before) => -(before.duration().as_nanos() as i128),
    }
}

#[cfg(unix)]
fn changed(meta: &fs::Metadata) -> i128 {
    use std::os::unix::fs::MetadataExt;
    i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec())
}

#[cfg(not(unix))]
fn changed(_: &fs::Metadata) -> i128 {
    0
}

/// The time now, in the units of `Stamp`.
pub fn now() -> i128 {
    nanos(SystemTime::now())
}

/// One file read by a load, with where its stories went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRecord {
    /// The path as walked, shared with the cache's table it came from and
    /// with a check's list of files (no copy of 100,000 paths for either).
    pub path: Arc<Path>,
    /// Its stamp, taken before it was read.
    pub stamp: Stamp,
    /// Index of its first story in the library (in a batch: in the batch).
    pub first: usize,
    /// How many stories it gave.
    pub count: usize,
    /// Its stories that the file itself marks read or starred (an export
    /// read back in): (offset among its stories, read, starred). The
    /// library's own marks are the user's and are not cached.
    pub marks: Vec<(usize, bool, bool)>,
    /// Its stories can be kept; false when reading it gave a problem
    /// (skipped, or a warning), so it is read again each time.
    pub keep: bool,
}

/// What a load walked and read: what a cache written after it records.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Manifest {
    /// When the load began, in the units of `Stamp`.
    pub started: i128,
    /// Every directory walked, with its stamp; `None` when the walk was
    /// not recorded whole (a name that is not UTF-8), so the next load
    /// must walk.
    pub dirs: Option<Vec<(PathBuf, Stamp)>>,
    /// Every file read.
    pub files: Vec<FileRecord>,
    /// How many of them were parsed, not found in the cache.
    pub parsed: usize,
    /// The paths were walked: no cache said which files there are.
    pub walked: bool,
    /// The files were taken on the cache's word (`load::Options::
    /// trust_stamps`): `load::recheck` has yet to stamp them.
    pub unchecked: bool,
}

impl Manifest {
    /// Take in what a walk saw, with room for the `files` it found.
    pub fn walked(&mut self, files: usize, walk: Walk) {
        self.files.reserve(files);
        self.started = walk.started;
        self.dirs = walk.dirs;
        self.walked = walk.walked;
        self.unchecked = walk.check.is_some();
    }

    /// Take in a batch's files, its first story being at `base`;
    /// `parsed` of them were parsed rather than found in the cache.
    pub fn add(&mut self, base: usize, files: Vec<FileRecord>, parsed: usize) {
        self.parsed += parsed;
        self.files.extend(files.into_iter().map(|f| FileRecord { first: base + f.first, ..f }));
    }

    /// Where each of `paths` is in `files` (the same path, byte for
    /// byte), in `files`' order; a path not there is left out.
    pub fn positions<'a>(&self, paths: impl Iterator<Item = &'a Arc<Path>>) -> Vec<usize> {
        let wanted: Vec<&std::ffi::OsStr> = paths.map(|p| p.as_os_str()).collect();
        let files = self.files.iter().enumerate();
        // A few changed files (the usual case) are looked for by a scan
        // that compares lengths first; many, through a set.
        let found: Vec<usize> = if wanted.len() <= 16 {
            files.filter(|(_, f)| wanted.contains(&f.path.as_os_str())).map(|(n, _)| n).collect()
        } else {
            let wanted: std::collections::HashSet<&std::ffi::OsStr> = wanted.into_iter().collect();
            files.filter(|(_, f)| wanted.contains(f.path.as_os_str())).map(|(n, _)| n).collect()
        };
        found
    }

    /// Whether the cache should be written after this load: the paths had
    /// to be walked (files came or went: without a new cache every open
    /// would walk again), or more than one file in a hundred was parsed. A
    /// few files edited in place are cheaper to parse again at each open
    /// than the whole cache is to rewrite (at 100,000 stories, a file
    /// parsed costs microseconds, a cache written a quarter of a second).
    pub fn needs_write(&self) -> bool {
        self.walked || self.parsed * 100 > self.files.len()
    }
}

/// What a walk of the paths saw, for the parsed cache.
#[derive(Debug, Clone, Default)]
pub struct Walk {
    /// When the load began (`cache::now`).
    pub started: i128,
    /// Every directory walked with its stamp; `None` when one could not
    /// be recorded.
    pub dirs: Option<Vec<(PathBuf, Stamp)>>,
    /// The paths were walked: a cache did not tell which files there are.
    pub walked: bool,
    /// How many stories the cache holds for these files (room is made
    /// for them at once); 0 when not known.
    pub stories: usize,
    /// The files were taken on the cache's word, not stamped: each with
    /// the stamp it was taken on, for `load::recheck`. Known when the
    /// cache is opened, so that the check can start while the stories
    /// are read.
    pub check: Option<Arc<crate::load::ToCheck>>,
}
