//! Reading a cache file: its index checked whole, each body read with one
//! positioned read when first needed (`BodySource`), and a damaged body
//! read again from its own file.

use std::collections::HashMap;
use std::fs::{self, File};
use std::hash::BuildHasherDefault;
use std::io::{self, Read};
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use super::codec::{Decoder, format_from};
use super::{CacheSpec, HEADER, MAGIC, NO_TAG_COUNTS, RACY_SECS, Stamp, VERSION};
use crate::model::{Body, BodyAt, BodySource, Paragraphs, Story, fast_hash};
use crate::parse::{Draft, InputFormat};
use crate::search_index::WordHasher;

/// A cache file opened for reading: its table of files checked, its
/// story records read and checked on first use.
#[derive(Debug)]
pub struct Cache {
    file: Arc<CacheFile>,
    /// Where the story records are (after the table of files), and their
    /// fingerprint: read and checked once, on first use (`records`).
    records_at: (u64, usize, u64),
    /// The story records, or `None` when they are damaged.
    records: OnceLock<Option<Vec<u8>>>,
    /// Where the records begin in the index (file records count from the
    /// index's start).
    table_len: usize,
    started: i128,
    written_tags: u64,
    dirs: Vec<(PathBuf, Stamp)>,
    /// The walk was recorded whole (`Manifest::dirs` was not `None`).
    walk_recorded: bool,
    by_path: OnceLock<HashMap<String, usize, BuildHasherDefault<WordHasher>>>,
    /// The library's tags with their counts as recorded (decoded when
    /// asked for), when the cache holds every file's stories.
    tag_counts: Option<Vec<u8>>,
}

#[derive(Debug)]
struct CachedFile {
    path: Arc<Path>,
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
        let mut number = || head.u64().ok_or(CacheError::Version);
        let (table_len, table_hash, index_len, records_hash, bodies_len) =
            (number()?, number()?, number()?, number()?, number()?);
        let total = file.metadata()?.len();
        if table_len > index_len
            || (HEADER as u64).checked_add(index_len).and_then(|n| n.checked_add(bodies_len)) != Some(total)
        {
            return Err(CacheError::Damaged);
        }
        let damaged = |_| CacheError::Damaged;
        let mut table = vec![0; usize::try_from(table_len).map_err(damaged)?];
        file.read_exact(&mut table)?;
        if fast_hash(&table) != table_hash {
            return Err(CacheError::Damaged);
        }
        let records_len = usize::try_from(index_len - table_len).map_err(damaged)?;
        let mut cache = Cache {
            file: Arc::new(CacheFile {
                file,
                base: HEADER as u64 + index_len,
                end: total,
                path: spec.path.clone(),
                forced,
                files: Vec::new(),
            }),
            records_at: (HEADER as u64 + table_len, records_len, records_hash),
            records: OnceLock::new(),
            table_len: table.len(),
            started: 0,
            written_tags: 0,
            dirs: Vec::new(),
            walk_recorded: false,
            by_path: OnceLock::new(),
            tag_counts: None,
        };
        let files = cache.read_table(&table, spec).ok_or(CacheError::Damaged)??;
        if let Some(file) = Arc::get_mut(&mut cache.file) {
            file.files = files;
        }
        Ok(cache)
    }

    /// The story records, read and checked the first time they are asked
    /// for; a caller that asks while another thread reads them waits for
    /// it. `None` when they are damaged: every file is then parsed.
    fn records(&self) -> Option<&[u8]> {
        self.records
            .get_or_init(|| {
                let (offset, len, hash) = self.records_at;
                let mut records = vec![0; len];
                read_at(&self.file.file, &mut records, offset).ok()?;
                (fast_hash(&records) == hash).then_some(records)
            })
            .as_deref()
    }

    /// Read the story records now, on this thread (a loader's walking
    /// thread, idle once it has handed out the files), while the workers
    /// stamp the files.
    pub fn read_records(&self) {
        let _ = self.records();
    }

    /// Whether the story records have been read (or found damaged): a
    /// file's stories can then be taken without waiting.
    pub fn records_ready(&self) -> bool {
        self.records.get().is_some()
    }

    fn read_table(&mut self, table: &[u8], spec: &CacheSpec) -> Option<Result<Vec<CachedFile>, CacheError>> {
        let mut d = Decoder { bytes: table, at: 0 };
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
        let mut files = Vec::with_capacity(count.min(table.len()));
        for _ in 0..count {
            let (path, keep) = (d.str()?, d.u8()? == 1);
            let (stamp, records, count) = (d.stamp()?, d.u64()? as usize, d.u32()? as usize);
            if records < table.len() {
                return None;
            }
            files.push(CachedFile { path: Arc::from(Path::new(path)), keep, stamp, records, count });
        }
        let tags_at = d.at;
        if d.u32()? != NO_TAG_COUNTS {
            self.tag_counts = Some(table[tags_at..].to_vec());
        }
        Some(Ok(files))
    }

    /// The library's tags, most used first, with how many stories carry
    /// each, as the cache recorded them: when the library is the one the
    /// cache saw, a command that only counts tags needs no story. That
    /// holds when no directory changed and every file is there with the
    /// stamp recorded, its stories cached (no file gave a problem), and
    /// not modified just before the load that wrote the cache. `None`
    /// when any of that fails: the library must be loaded.
    pub fn unchanged_tags(&self) -> Option<Vec<(String, usize)>> {
        let counts = self.tag_counts.as_deref()?;
        let files = &self.file.files;
        if !files.iter().all(|f| f.keep && self.trusted(&f.stamp)) || !self.tree_unchanged() {
            return None;
        }
        // A stat a file, on every core; all stop at the first change.
        if !super::changed_files(files, |f| (&f.path, f.stamp), true, || {})?.is_empty() {
            return None;
        }
        let mut d = Decoder { bytes: counts, at: 0 };
        let count = d.u32()?;
        let mut tags = Vec::with_capacity(count.min(1 << 16) as usize);
        for _ in 0..count {
            tags.push((d.string()?, usize::try_from(d.u64()?).ok()?));
        }
        Some(tags)
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

    /// How many stories the cache holds.
    pub fn story_count(&self) -> usize {
        self.file.files.iter().filter(|f| f.keep).map(|f| f.count).sum()
    }

    /// The files whose stories the cache holds, with their recorded
    /// stamps.
    pub fn kept_files(&self) -> Vec<(Arc<Path>, Stamp)> {
        self.file.files.iter().filter(|f| f.keep).map(|f| (Arc::clone(&f.path), f.stamp)).collect()
    }

    /// The stamp the cache recorded for file `n`.
    pub fn recorded_stamp(&self, n: usize) -> Stamp {
        self.file.files.get(n).map(|f| f.stamp).unwrap_or_default()
    }

    /// The path of file `n` of the cached load.
    pub fn path(&self, n: usize) -> &Arc<Path> {
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

    /// Append the stories of cached file `n` to `drafts`, if its stamp
    /// (taken now) is the one recorded: bodies stay in the cache file
    /// until first read. False, with `drafts` as it was, when the file
    /// must be parsed again.
    pub fn stories(&self, n: usize, stamp: &Stamp, drafts: &mut Vec<Draft>) -> bool {
        let before = drafts.len();
        let taken = self.stories_into(n, stamp, drafts).is_some();
        if !taken {
            drafts.truncate(before);
        }
        taken
    }

    fn stories_into(&self, n: usize, stamp: &Stamp, drafts: &mut Vec<Draft>) -> Option<()> {
        let file = self.file.files.get(n)?;
        if !file.keep || file.stamp != *stamp || !self.trusted(stamp) {
            return None;
        }
        let mut d = Decoder { bytes: self.records()?, at: file.records.checked_sub(self.table_len)? };
        for nth in 0..file.count {
            drafts.push(self.story(&mut d, (n as u64) << 32 | nth as u64)?);
        }
        Some(())
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
        let cached_tags = line.is_some().then_some(self.written_tags);
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
    fn recover(&self, at: BodyAt) -> Option<Paragraphs> {
        let _ = fs::remove_file(&self.path);
        let file = self.files.get(usize::try_from(at.item >> 32).ok()?)?;
        let nth = (at.item & 0xffff_ffff) as usize;
        let bytes = fs::read(&file.path).ok()?;
        let source = file.path.display().to_string();
        let parsed =
            crate::crash::guard(|| crate::parse::parse_file(&source, &bytes, self.forced)).ok()?.ok()?;
        parsed.drafts.get(nth).map(|draft| draft.story.paragraphs().clone())
    }

    fn decode(&self, at: BodyAt) -> Option<Paragraphs> {
        let raw = self.raw(at)?;
        let mut d = Decoder { bytes: &raw, at: 0 };
        let count = d.u32()? as usize;
        let mut texts = Vec::with_capacity(count.min(raw.len() / 4));
        for _ in 0..count {
            texts.push(d.str()?);
        }
        // Each paragraph is its length (4 bytes) and its text.
        let bytes = raw.len().saturating_sub(4 + 4 * count);
        Some(Paragraphs::from_texts(texts, bytes))
    }
}

impl BodySource for CacheFile {
    fn paragraphs(&self, at: BodyAt) -> Option<Paragraphs> {
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
