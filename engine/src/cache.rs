//! The parsed cache: a library's stories as they were parsed, in one file
//! per library, so that the next start reads them back instead of parsing
//! every file again.
//!
//! # What is in it
//!
//! A 40-byte header (magic, version, the lengths of the two sections and a
//! fingerprint of the first), then the **index**, then the **bodies**.
//! The index names the library it belongs to (`CacheSpec::key`), when the
//! load that wrote it began, every directory walked and every file read
//! with its size and times (`Stamp`), and each file's stories: every field
//! but the paragraphs, which are in the bodies section, each body followed
//! by its own fingerprint.
//!
//! # How it is read
//!
//! The index is read whole and checked; a body is read with one positioned
//! read when its story is first opened, quoted or searched (`BodySource`),
//! and checked then. The file is never mapped: a positioned read costs the
//! same for one story, needs no `unsafe`, and a cache file truncated by
//! someone else while byline reads it gives an empty body, never a crash
//! (`SIGBUS`). A file whose size or times differ from its entry is parsed
//! again; when no directory changed, the walk is skipped and the index's
//! file list is used. A file modified less than `RACY_SECS` before the
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

use std::collections::HashMap;
use std::fs::{self, File};
use std::hash::BuildHasherDefault;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::library::Library;
use crate::model::{Body, BodyAt, BodySource, Format, Story, fast_hash};
use crate::parse::{CachedTags, Draft, InputFormat};
use crate::search_index::WordHasher;

/// Change this when the layout changes or a parser reads files
/// differently: caches of another version are rebuilt.
pub const VERSION: u32 = 3;

/// Files modified this close to (or after) the start of the load that wrote
/// the cache are parsed again.
pub const RACY_SECS: i64 = 2;

const MAGIC: &[u8; 8] = b"BYLNCACH";
const HEADER: usize = 40;

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
    /// The path as walked.
    pub path: PathBuf,
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
}

impl Manifest {
    /// Take in what a walk saw.
    pub fn walked(&mut self, walk: Walk) {
        self.started = walk.started;
        self.dirs = walk.dirs;
        self.walked = walk.walked;
    }

    /// Take in a batch's files, its first story being at `base`;
    /// `parsed` of them were parsed rather than found in the cache.
    pub fn add(&mut self, base: usize, files: Vec<FileRecord>, parsed: usize) {
        self.parsed += parsed;
        self.files.extend(files.into_iter().map(|f| FileRecord { first: base + f.first, ..f }));
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
}

/// A cache file opened for reading: its index, checked.
#[derive(Debug)]
pub struct Cache {
    file: Arc<CacheFile>,
    index: Vec<u8>,
    started: i128,
    written_tags: u64,
    dirs: Vec<(PathBuf, Stamp)>,
    /// The walk was recorded whole (`Manifest::dirs` was not `None`).
    walk_recorded: bool,
    by_path: OnceLock<HashMap<String, usize, BuildHasherDefault<WordHasher>>>,
}

#[derive(Debug)]
struct CachedFile {
    path: PathBuf,
    /// Its stories are in the cache (else it is read every time).
    keep: bool,
    stamp: Stamp,
    /// Offset of its first story record in the index.
    records: usize,
    count: usize,
}

/// Why a cache was not used.
#[derive(Debug, thiserror::Error)]
pub enum CacheError {
    /// It could not be read.
    #[error("{0}")]
    Io(#[from] io::Error),
    /// It is not a cache of this version, or not whole.
    #[error("not a byline cache of this version")]
    Version,
    /// It belongs to another library.
    #[error("a cache of another library")]
    OtherLibrary,
    /// Its bytes are not what was written.
    #[error("damaged")]
    Damaged,
}

impl Cache {
    /// Open and check a cache file written for `spec`.
    /// `forced`: the format every file is read with (as the load that
    /// wrote it), to read a file again if a body is damaged.
    pub fn open(spec: &CacheSpec, forced: Option<InputFormat>) -> Result<Cache, CacheError> {
        let mut file = File::open(&spec.path)?;
        let mut header = [0u8; HEADER];
        file.read_exact(&mut header).map_err(|_| CacheError::Version)?;
        let mut head = Decoder { bytes: &header, at: 0 };
        if head.take(8) != Some(MAGIC.as_slice()) || head.u32() != Some(VERSION) {
            return Err(CacheError::Version);
        }
        let _reserved = head.u32();
        let (index_len, index_hash, bodies_len) =
            (head.u64().ok_or(CacheError::Version)?, head.u64(), head.u64().ok_or(CacheError::Version)?);
        let total = file.metadata()?.len();
        if (HEADER as u64).checked_add(index_len).and_then(|n| n.checked_add(bodies_len)) != Some(total) {
            return Err(CacheError::Damaged);
        }
        let mut index = vec![0; usize::try_from(index_len).map_err(|_| CacheError::Damaged)?];
        file.read_exact(&mut index)?;
        if Some(fast_hash(&index)) != index_hash {
            return Err(CacheError::Damaged);
        }
        let body_base = HEADER as u64 + index_len;
        let mut cache = Cache {
            file: Arc::new(CacheFile {
                file,
                base: body_base,
                end: total,
                path: spec.path.clone(),
                forced,
                files: Vec::new(),
            }),
            index: Vec::new(),
            started: 0,
            written_tags: 0,
            dirs: Vec::new(),
            walk_recorded: false,
            by_path: OnceLock::new(),
        };
        let files = cache.read_index(&index, spec).ok_or(CacheError::Damaged)??;
        if let Some(file) = Arc::get_mut(&mut cache.file) {
            file.files = files;
        }
        cache.index = index;
        Ok(cache)
    }

    fn read_index(&mut self, index: &[u8], spec: &CacheSpec) -> Option<Result<Vec<CachedFile>, CacheError>> {
        let mut d = Decoder { bytes: index, at: 0 };
        if d.str()? != spec.key {
            return Some(Err(CacheError::OtherLibrary));
        }
        self.started = d.i128()?;
        self.written_tags = d.u64()?;
        self.walk_recorded = d.u8()? == 1;
        for _ in 0..d.u32()? {
            let path = PathBuf::from(d.str()?);
            self.dirs.push((path, d.stamp()?));
        }
        let count = d.u32()? as usize;
        let mut files = Vec::with_capacity(count.min(index.len()));
        for _ in 0..count {
            let (path, keep) = (d.str()?, d.u8()? == 1);
            let (stamp, records, count) = (d.stamp()?, d.u64()? as usize, d.u32()? as usize);
            if records > index.len() {
                return None;
            }
            files.push(CachedFile { path: PathBuf::from(path), keep, stamp, records, count });
        }
        Some(Ok(files))
    }

    /// Whether every directory the cached load walked is as it was: the
    /// files are then the ones in `files()`, and no walk is needed.
    /// A library of named files only (no directory) is unchanged while
    /// each is still a file.
    pub fn tree_unchanged(&self) -> bool {
        if !self.walk_recorded {
            return false;
        }
        if self.dirs.is_empty() {
            return self.file.files.iter().all(|f| fs::metadata(&f.path).is_ok_and(|m| m.is_file()));
        }
        self.dirs.iter().all(|(dir, stamp)| {
            fs::metadata(dir).is_ok_and(|m| m.is_dir() && Stamp::of(&m) == *stamp && self.trusted(stamp))
        })
    }

    /// The directories the cached load walked, with their stamps.
    pub fn dirs(&self) -> &[(PathBuf, Stamp)] {
        &self.dirs
    }

    /// How many files the cached load read.
    pub fn files(&self) -> usize {
        self.file.files.len()
    }

    /// The path of file `n` of the cached load.
    pub fn path(&self, n: usize) -> &Path {
        &self.file.files[n].path
    }

    /// Which cached file `path` is, if any. The lookup is made on first
    /// use: a load whose tree has not changed goes by number and never
    /// needs it.
    pub fn find(&self, path: &Path) -> Option<usize> {
        let by_path = self.by_path.get_or_init(|| {
            self.file
                .files
                .iter()
                .enumerate()
                .filter_map(|(n, f)| Some((f.path.to_str()?.to_string(), n)))
                .collect()
        });
        by_path.get(path.to_str()?).copied()
    }

    fn trusted(&self, stamp: &Stamp) -> bool {
        stamp.modified < self.started - i128::from(RACY_SECS) * 1_000_000_000
    }

    /// The stories of cached file `n`, if its stamp (taken now) is the
    /// one recorded: bodies stay in the cache file until first read.
    /// `None` when the file must be parsed again.
    pub fn stories(&self, n: usize, stamp: &Stamp) -> Option<Vec<Draft>> {
        let file = self.file.files.get(n)?;
        if !file.keep || file.stamp != *stamp || !self.trusted(stamp) {
            return None;
        }
        let mut d = Decoder { bytes: &self.index, at: file.records };
        let mut drafts = Vec::with_capacity(file.count);
        for nth in 0..file.count {
            drafts.push(self.story(&mut d, (n as u64) << 32 | nth as u64)?);
        }
        Some(drafts)
    }

    fn story(&self, d: &mut Decoder, item: u64) -> Option<Draft> {
        let rank = d.u32()?;
        let flags = d.u8()?;
        let format = format_from(d.u8()?)?;
        let id = d.str()?;
        let (source, title) = (d.str()?, d.string()?);
        let mut story = Story::new(source, format, title, Vec::new());
        if !id.is_empty() {
            story.set_id(id.to_string());
        }
        story.set_caption(d.opt()?);
        story.credit = d.opt()?;
        story.author = d.opt()?;
        story.url = d.opt()?;
        story.site = d.opt()?;
        story.published = d.opt()?;
        story.tags = d.strings()?;
        story.links = d.strings()?;
        let line = d.opt()?;
        let at = BodyAt { offset: d.u64()?, len: d.u64()?, item };
        story.set_stored_body(Body::stored(self.file.clone(), at));
        story.read = flags & 1 != 0;
        story.starred = flags & 2 != 0;
        let cached_tags =
            line.is_some().then(|| CachedTags { written: self.written_tags, tags: story.tags.clone() });
        let mut draft = Draft::from_story(story);
        draft.unsegmented_tags = line;
        draft.cached_tags = cached_tags;
        draft.cached_rank = (rank != u32::MAX).then_some(rank);
        Some(draft)
    }
}

/// The cache file, from which bodies are read when first needed.
#[derive(Debug)]
struct CacheFile {
    file: File,
    /// Where the bodies section begins.
    base: u64,
    /// The file's length.
    end: u64,
    /// Where it is, to be removed if found damaged.
    path: PathBuf,
    /// How the files were read.
    forced: Option<InputFormat>,
    /// The files the cached load read.
    files: Vec<CachedFile>,
}

impl CacheFile {
    /// A body was damaged: the cache goes (the next load writes a new
    /// one), and the story's file is read again for its paragraphs.
    fn recover(&self, at: BodyAt) -> Option<Vec<String>> {
        let _ = fs::remove_file(&self.path);
        let file = self.files.get(usize::try_from(at.item >> 32).ok()?)?;
        let nth = (at.item & 0xffff_ffff) as usize;
        let bytes = fs::read(&file.path).ok()?;
        let source = file.path.display().to_string();
        let parsed =
            crate::crash::guard(|| crate::parse::parse_file(&source, &bytes, self.forced)).ok()?.ok()?;
        parsed.drafts.get(nth).map(|draft| draft.story.paragraphs().to_vec())
    }

    fn decode(&self, at: BodyAt) -> Option<Vec<String>> {
        let raw = self.raw(at)?;
        let mut d = Decoder { bytes: &raw, at: 0 };
        let count = d.u32()? as usize;
        let mut paragraphs = Vec::with_capacity(count.min(raw.len() / 4));
        for _ in 0..count {
            paragraphs.push(d.string()?);
        }
        Some(paragraphs)
    }
}

impl BodySource for CacheFile {
    fn paragraphs(&self, at: BodyAt) -> Option<Vec<String>> {
        self.decode(at).or_else(|| self.recover(at))
    }

    fn raw(&self, at: BodyAt) -> Option<Vec<u8>> {
        let start = self.base.checked_add(at.offset)?;
        if at.len < 8 || start.checked_add(at.len)? > self.end {
            return None;
        }
        let mut raw = vec![0; usize::try_from(at.len).ok()?];
        read_at(&self.file, &mut raw, start).ok()?;
        let (body, hash) = raw.split_at(raw.len() - 8);
        (u64::from_le_bytes(hash.try_into().ok()?) == fast_hash(body)).then_some(())?;
        raw.truncate(raw.len() - 8);
        Some(raw)
    }
}

#[cfg(unix)]
fn read_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    std::os::unix::fs::FileExt::read_exact_at(file, buf, offset)
}

#[cfg(windows)]
fn read_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset)? {
            0 => return Err(io::ErrorKind::UnexpectedEof.into()),
            n => {
                buf = &mut buf[n..];
                offset += n as u64;
            }
        }
    }
    Ok(())
}

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
    index: Vec<u8>,
    bodies: Vec<Body>,
    bodies_len: u64,
}

/// Two snapshots are equal when they would write the same index (the
/// bodies' places and lengths are in it).
impl PartialEq for Snapshot {
    fn eq(&self, other: &Snapshot) -> bool {
        self.spec == other.spec && self.index == other.index && self.bodies_len == other.bodies_len
    }
}

impl Eq for Snapshot {}

impl Snapshot {
    /// Take what the cache of `library` holds. Every story's id is
    /// computed first (on every core) if not known, so that a reader
    /// opening the cache matches saved marks without reading bodies.
    pub fn take(spec: &CacheSpec, library: &Library, manifest: &Manifest) -> Snapshot {
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
        let lines: HashMap<usize, &str> = library.tag_lines().iter().map(|(i, l)| (*i, l.as_str())).collect();

        let mut index = Encoder::default();
        index.str(&spec.key);
        index.i128(manifest.started);
        index.u64(library.written_tags_fingerprint());
        index.u8(u8::from(manifest.dirs.is_some()));
        let dirs = manifest.dirs.as_deref().unwrap_or(&[]);
        index.u32(dirs.len() as u32);
        for (dir, stamp) in dirs {
            index.str(&dir.to_string_lossy());
            index.stamp(stamp);
        }
        index.u32(files.len() as u32);
        let mut slots = Vec::with_capacity(files.len());
        for file in &files {
            index.str(file.path.to_str().unwrap_or_default());
            index.u8(u8::from(file.keep));
            index.stamp(&file.stamp);
            slots.push(index.bytes.len());
            index.u64(0);
            index.u32(if file.keep { file.count as u32 } else { 0 });
        }
        // Each body's place is worked out from its length: the bodies are
        // encoded only when written.
        let mut offset = 0u64;
        let mut bodies = Vec::with_capacity(needed.len());
        for (file, slot) in files.iter().zip(slots) {
            let at = index.bytes.len() as u64;
            index.bytes[slot..slot + 8].copy_from_slice(&at.to_le_bytes());
            if !file.keep {
                continue;
            }
            for (n, story) in stories[file.first..file.first + file.count].iter().enumerate() {
                let (read, starred) =
                    file.marks.iter().find(|m| m.0 == n).map_or((false, false), |m| (m.1, m.2));
                let len = encoded_len(story.body()) + 8;
                let line = lines.get(&(file.first + n)).copied();
                let place =
                    rank.get(file.first + n).map_or(u32::MAX, |&r| u32::try_from(r).unwrap_or(u32::MAX));
                index.story(story, place, (read, starred), line, BodyAt { offset, len, item: 0 });
                offset += len;
                bodies.push(story.body().clone());
            }
        }
        Snapshot { spec: spec.clone(), index: index.bytes, bodies, bodies_len: offset }
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
            out.write_all(&(self.index.len() as u64).to_le_bytes())?;
            out.write_all(&fast_hash(&self.index).to_le_bytes())?;
            out.write_all(&self.bodies_len.to_le_bytes())?;
            out.write_all(&self.index)?;
            let mut buf = Vec::new();
            for body in &self.bodies {
                buf.clear();
                encode_body(body, &mut buf)?;
                let hash = fast_hash(&buf);
                out.write_all(&buf)?;
                out.write_all(&hash.to_le_bytes())?;
            }
            Ok(())
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
    match (body.loaded(), body.stored_at()) {
        (None, Some((_, at))) => at.len - 8,
        _ => 4 + body.paragraphs().iter().map(|p| 4 + p.len() as u64).sum::<u64>(),
    }
}

fn encode_body(body: &Body, out: &mut Vec<u8>) -> io::Result<()> {
    match (body.loaded(), body.stored_at()) {
        (None, Some((source, at))) => {
            let raw = source.raw(at).ok_or_else(|| io::Error::other("a cached body is damaged"))?;
            out.extend_from_slice(&raw);
        }
        _ => {
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

#[derive(Default)]
struct Encoder {
    bytes: Vec<u8>,
}

impl Encoder {
    fn u8(&mut self, n: u8) {
        self.bytes.push(n);
    }
    fn u32(&mut self, n: u32) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }
    fn u64(&mut self, n: u64) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }
    fn i128(&mut self, n: i128) {
        self.bytes.extend_from_slice(&n.to_le_bytes());
    }
    fn str(&mut self, s: &str) {
        self.u32(s.len() as u32);
        self.bytes.extend_from_slice(s.as_bytes());
    }
    fn opt(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.u8(1);
                self.str(s);
            }
            None => self.u8(0),
        }
    }
    fn strings(&mut self, list: &[String]) {
        self.u32(list.len() as u32);
        for s in list {
            self.str(s);
        }
    }
    fn stamp(&mut self, stamp: &Stamp) {
        self.u64(stamp.size);
        self.i128(stamp.modified);
        self.i128(stamp.changed);
    }
    fn story(
        &mut self,
        story: &Story,
        rank: u32,
        (read, starred): (bool, bool),
        line: Option<&str>,
        body: BodyAt,
    ) {
        self.u32(rank);
        self.u8(u8::from(read) | u8::from(starred) << 1);
        self.u8(format_code(story.format));
        self.str(story.id());
        self.str(&story.source);
        self.str(story.title());
        self.opt(story.caption());
        self.opt(story.credit.as_deref());
        self.opt(story.author.as_deref());
        self.opt(story.url.as_deref());
        self.opt(story.site.as_deref());
        self.opt(story.published.as_deref());
        self.strings(&story.tags);
        self.strings(&story.links);
        self.opt(line);
        self.u64(body.offset);
        self.u64(body.len);
    }
}

/// Reads what `Encoder` wrote; `None` at any step past the end or not
/// UTF-8.
struct Decoder<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Decoder<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(n)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }
    fn array<const N: usize>(&mut self) -> Option<[u8; N]> {
        self.take(N)?.try_into().ok()
    }
    fn u8(&mut self) -> Option<u8> {
        Some(self.take(1)?[0])
    }
    fn u32(&mut self) -> Option<u32> {
        self.array().map(u32::from_le_bytes)
    }
    fn u64(&mut self) -> Option<u64> {
        self.array().map(u64::from_le_bytes)
    }
    fn i128(&mut self) -> Option<i128> {
        self.array().map(i128::from_le_bytes)
    }
    fn str(&mut self) -> Option<&'a str> {
        let len = self.u32()? as usize;
        std::str::from_utf8(self.take(len)?).ok()
    }
    fn string(&mut self) -> Option<String> {
        self.str().map(str::to_string)
    }
    fn opt(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => self.string().map(Some),
            _ => None,
        }
    }
    fn strings(&mut self) -> Option<Vec<String>> {
        let count = self.u32()? as usize;
        let mut list = Vec::with_capacity(count.min(self.bytes.len() - self.at));
        for _ in 0..count {
            list.push(self.string()?);
        }
        Some(list)
    }
    fn stamp(&mut self) -> Option<Stamp> {
        Some(Stamp { size: self.u64()?, modified: self.i128()?, changed: self.i128()? })
    }
}

const FORMATS: [Format; 7] =
    [Format::Text, Format::Json, Format::Markdown, Format::Rss, Format::Atom, Format::Jsonfeed, Format::Html];

fn format_code(format: Format) -> u8 {
    FORMATS.iter().position(|f| *f == format).unwrap_or(0) as u8
}

fn format_from(code: u8) -> Option<Format> {
    FORMATS.get(usize::from(code)).copied()
}

#[cfg(test)]
mod tests;
