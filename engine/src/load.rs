//! Reading stories from disk: walking files and directories (recursively,
//! hidden entries skipped, symlink loops survived), parsing each file, and
//! keeping a reason for every file that yields nothing. One bad file never
//! stops the others.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::PathBuf;
use std::sync::mpsc::{self, Receiver, Sender};
use std::sync::{Arc, Mutex};

use crate::cache::{Cache, CacheSpec, FileRecord, Manifest, Stamp, Stamper, Walk};
use crate::error::SkipReason;
use crate::library::Library;
use crate::parse::{Draft, InputFormat};
use one_file::{Work, from_cache, parse_into, read_one, send, take_waiting};
use walk::collect;

/// Files larger than this are skipped unless the user says otherwise
/// (`max_file_mib`, `--max-file-mib`): no article is 64 MiB, though a
/// large feed may be.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// A file, or a part of one, that yielded no story, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// The file as the user sees it named.
    pub path: String,
    /// Why; its words are the ones shown after the path.
    pub reason: SkipReason,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "skipped {}: {}", self.path, self.reason)
    }
}

/// Something worth telling about a file that still loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    /// The file as the user sees it named.
    pub path: String,
    /// What to tell the user (`invalid UTF-8 bytes were replaced`).
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}: {}", self.path, self.message)
    }
}

/// Why a load could not begin.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum LoadError {
    /// A path named by the user that is not there, or cannot be read.
    #[error("{path}: {reason}")]
    Named {
        /// The path as the user gave it.
        path: String,
        /// What the file system said.
        reason: SkipReason,
    },
    /// The loading thread could not be started.
    #[error("cannot start loading: {0}")]
    NoThread(String),
}

/// What a load produced.
#[derive(Debug, Default)]
pub struct Loaded {
    /// Every story that could be read.
    pub library: Library,
    /// Files, and parts of files, that yielded no story, with the reason.
    pub skipped: Vec<Skipped>,
    /// Files read with something worth telling.
    pub warnings: Vec<Warning>,
    /// What was walked and read, for the parsed cache.
    pub manifest: Manifest,
    /// The files taken on the cache's word (`Options::trust_stamps`),
    /// for `recheck`.
    pub check: Option<Arc<ToCheck>>,
}

/// What the loading threads report, in the order it happens.
#[derive(Debug)]
pub enum Progress {
    /// The paths were walked: this many files are read in all. Comes once,
    /// when the walk ends (batches may come before it).
    Found {
        /// Files to read in all.
        files: usize,
        /// Paths that could not be walked or read.
        skipped: Vec<Skipped>,
        /// What the walk saw, for the parsed cache.
        walk: Walk,
    },
    /// Some files were read.
    Batch(Batch),
}

/// The stories and problems of a few hundred files.
#[derive(Debug, Clone, Default)]
pub struct Batch {
    /// How many files this batch covers.
    pub files: usize,
    /// The stories read.
    pub drafts: Vec<Draft>,
    /// Files, and parts of files, that yielded no story.
    pub skipped: Vec<Skipped>,
    /// Files read with something worth telling.
    pub warnings: Vec<Warning>,
    /// Every file read, for the cache (`first` counting from the batch's
    /// first draft).
    pub cacheable: Vec<FileRecord>,
    /// How many files whose stories can be cached were parsed (not found
    /// in the cache).
    pub parsed: usize,
}

impl Batch {
    /// An empty batch with room for `BATCH_FILES` files of a story each:
    /// growing it a story at a time would copy every story again into
    /// fresh memory, a page fault a few stories.
    fn with_room() -> Batch {
        Batch {
            drafts: Vec::with_capacity(BATCH_FILES),
            cacheable: Vec::with_capacity(BATCH_FILES),
            ..Batch::default()
        }
    }

    /// Whether it is time to send it: `BATCH_FILES` files or
    /// `BATCH_STORIES` stories.
    pub(crate) fn is_full(&self) -> bool {
        self.files >= BATCH_FILES || self.drafts.len() >= BATCH_STORIES
    }
}

/// How to load.
#[derive(Debug, Clone)]
pub struct Options {
    /// Read every file with this parser.
    pub forced: Option<InputFormat>,
    /// Files larger than this many bytes are skipped.
    pub max_file_size: u64,
    /// Compute every story's id on the loading threads, for commands that
    /// will need them all (saved marks, listings, export). Otherwise an id
    /// is computed when first asked for, but for a load with a cache,
    /// which records every story's id.
    pub story_ids: bool,
    /// Read what a parsed cache holds instead of parsing files that have
    /// not changed (the cache is written by `cache::write` after a load).
    pub cache: Option<CacheSpec>,
    /// When no directory changed, take each cached file's stories on the
    /// stamp the cache recorded, without a stat a file (most of a cached
    /// load's time): for a reader, which shows them at once and then
    /// checks every file with `recheck` (`Manifest::unchecked` says so).
    pub trust_stamps: bool,
    /// Keep each parsed story's paragraphs. A command that never reads
    /// them (`byline tags`, with no cache to write) sets it false: the
    /// text, most of a library's memory, is then dropped as each file is
    /// parsed, but for stories with a space-joined tag line (segmented
    /// with it). Ids are worked out before, if `story_ids` asks for them.
    pub keep_text: bool,
}

impl Options {
    /// Whether parsed stories get their ids on the loading threads: when
    /// asked, and for a cache, which records every story's id (else they
    /// would be worked out on the reader's thread when it is written).
    pub(crate) fn ids_while_loading(&self) -> bool {
        self.story_ids || self.cache.is_some()
    }
}

impl Default for Options {
    fn default() -> Options {
        Options {
            forced: None,
            max_file_size: MAX_FILE_SIZE,
            story_ids: true,
            cache: None,
            trust_stamps: false,
            keep_text: true,
        }
    }
}

/// Files a worker reads before it reports: small enough that the first
/// stories show at once, large enough that reports stay cheap.
pub const BATCH_FILES: usize = 128;

/// Stories after which a worker reports, whatever the number of files: a
/// store of feeds holds hundreds of stories a file.
pub const BATCH_STORIES: usize = 256;

/// Load every article under `paths`. Paths that do not exist are an error
/// before anything is read; problems with individual files are collected.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_paths_as(paths, None)
}

/// As `load_paths`, reading every file with the `forced` parser if given.
pub fn load_paths_as(paths: &[PathBuf], forced: Option<InputFormat>) -> Result<Loaded, LoadError> {
    let progress = spawn(paths, Options { forced, ..Options::default() })?;
    Ok(receive_all(&progress, |_, _| {}))
}

/// Start loading in the background: the paths are walked and the files
/// parsed on every core, and what is read arrives on the channel as it is
/// read. The channel closes when everything is read. Paths that do not exist
/// are an error at once.
pub fn spawn(paths: &[PathBuf], options: Options) -> Result<Receiver<Progress>, LoadError> {
    check_named(paths)?;
    let paths = paths.to_vec();
    let (tx, rx) = mpsc::channel();
    crate::parallel::spawn_named("load", move || walk_and_read(&paths, &options, &tx))
        .map_err(|e| LoadError::NoThread(e.to_string()))?;
    Ok(rx)
}

/// Gather everything a loader sends into a finished library. `on_progress`
/// hears (files read, files found) after each batch.
pub fn receive_all(progress: &Receiver<Progress>, mut on_progress: impl FnMut(usize, usize)) -> Loaded {
    let mut loaded = Loaded::default();
    let (mut done, mut total) = (0, 0);
    for message in progress {
        match message {
            Progress::Found { files, skipped, walk } => {
                total = files;
                loaded.skipped.extend(skipped);
                loaded.library.reserve(walk.stories);
                loaded.check = walk.check.clone();
                loaded.manifest.walked(files, walk);
            }
            Progress::Batch(batch) => {
                done += batch.files;
                loaded.absorb(batch);
                on_progress(done, total);
            }
        }
    }
    loaded.complete();
    loaded
}

impl Loaded {
    /// Take in one batch.
    pub fn absorb(&mut self, batch: Batch) {
        self.manifest.add(self.library.len(), batch.cacheable, batch.parsed);
        self.library.extend(batch.drafts);
        self.skipped.extend(batch.skipped);
        self.warnings.extend(batch.warnings);
    }

    /// Everything is in: segment the tag lines and put the reports in path
    /// order, whichever thread found them.
    pub fn complete(&mut self) {
        self.library.segment_tag_lines();
        sort_reports(&mut self.skipped, &mut self.warnings);
    }
}

/// Reports in path order, whichever thread found them.
pub fn sort_reports(skipped: &mut [Skipped], warnings: &mut [Warning]) {
    skipped.sort_by(|a, b| a.path.cmp(&b.path));
    warnings.sort_by(|a, b| a.path.cmp(&b.path));
}

/// Stories from files already in memory, each with the name it is shown
/// under (`assets/dispatch.article`): how an application loads a corpus
/// bundled into its binary.
pub fn load_named_bytes<'a>(files: impl IntoIterator<Item = (String, &'a [u8])>) -> Loaded {
    let mut batch = Batch::default();
    for (name, bytes) in files {
        read_one(&name, Ok(bytes), None, &mut batch);
    }
    let mut loaded = Loaded::default();
    loaded.absorb(batch);
    loaded.complete();
    loaded
}

fn check_named(paths: &[PathBuf]) -> Result<(), LoadError> {
    for path in paths {
        if let Err(err) = fs::metadata(path) {
            return Err(LoadError::Named { path: path.display().to_string(), reason: SkipReason::io(&err) });
        }
    }
    Ok(())
}

/// Files handed to a worker at a time.
const CHUNK_FILES: usize = 16;

/// Walk the paths on this thread while workers (one a core) parse the files
/// already found, so reading starts with the first directory listed. Each
/// worker reports every `BATCH_FILES` files or `BATCH_STORIES` stories, and
/// stops early if nobody is listening any more.
fn walk_and_read(paths: &[PathBuf], options: &Options, tx: &Sender<Progress>) {
    let started = crate::cache::now();
    let cache = options.cache.as_ref().and_then(|spec| Cache::open(spec, options.forced).ok());
    let (work_tx, work_rx) = mpsc::channel::<Vec<Work>>();
    let work = Mutex::new(work_rx);
    let read = || {
        let mut batch = Batch::with_room();
        let mut buf = Vec::with_capacity(64 * 1024);
        let mut stamper = Stamper::default();
        // Cached files stamped before the cache's story records were read:
        // their stories are taken once the records are in.
        let mut waiting = Vec::new();
        loop {
            let next = work.lock().map_err(|_| ()).and_then(|rx| rx.recv().map_err(|_| ()));
            let Ok(chunk) = next else {
                break;
            };
            for item in chunk {
                if batch.is_full() && !send(&mut batch, options, tx) {
                    return;
                }
                let path = match item {
                    Work::Path(path) => {
                        let cached = cache.as_ref().and_then(|c| Some((c, c.find(&path)?)));
                        if let Some((cache, n)) = cached
                            && let Ok(stamp) = stamper.stamp(cache.path(n))
                            && from_cache(cache, n, stamp, &mut batch)
                        {
                            continue;
                        }
                        path
                    }
                    Work::Cached(n) => match &cache {
                        Some(cache) => match trusted_or_stamped(cache, n, options.trust_stamps, &mut stamper)
                        {
                            Ok(stamp) if !cache.records_ready() => {
                                waiting.push((n, stamp));
                                continue;
                            }
                            Ok(stamp) if from_cache(cache, n, stamp, &mut batch) => continue,
                            _ => cache.path(n).to_path_buf(),
                        },
                        None => continue,
                    },
                };
                parse_into(path, &mut buf, options, &mut batch);
            }
            if let Some(cache) = cache.as_ref().filter(|c| c.records_ready())
                && !take_waiting(cache, &mut waiting, &mut buf, (options, tx), &mut batch)
            {
                return;
            }
            if batch.is_full() && !send(&mut batch, options, tx) {
                return;
            }
        }
        if let Some(cache) = &cache
            && !take_waiting(cache, &mut waiting, &mut buf, (options, tx), &mut batch)
        {
            return;
        }
        send(&mut batch, options, tx);
    };
    // Once the workers are done (or gone), a check waiting for them goes on.
    let checking = std::sync::OnceLock::<Arc<ToCheck>>::new();
    let _decoded = Finally(|| {
        if let Some(check) = checking.get() {
            check.set_decoding(false);
        }
    });
    crate::parallel::alongside(crate::parallel::cores(), read, || {
        let mut walk = Walk { started, dirs: Some(Vec::new()), walked: true, stories: 0, check: None };
        if let Some(cache) = cache.as_ref().filter(|c| c.tree_unchanged()) {
            let count = cache.files();
            for first in (0..count).step_by(CHUNK_FILES) {
                let _ = work_tx.send((first..count.min(first + CHUNK_FILES)).map(Work::Cached).collect());
            }
            drop(work_tx);
            let stories = cache.story_count();
            // Files whose stories are taken on their recorded stamps; the
            // others are parsed, and stamped as they are.
            let check = options.trust_stamps.then(|| Arc::new(ToCheck::new(cache.kept_files())));
            if let Some(check) = &check {
                let _ = checking.set(Arc::clone(check));
            }
            walk = Walk { started, dirs: Some(cache.dirs().to_vec()), walked: false, stories, check };
            let _ = tx.send(Progress::Found { files: count, skipped: Vec::new(), walk });
            cache.read_records();
            // The workers decode the stories now: a check started early
            // waits for them.
            if let Some(check) = checking.get() {
                check.set_decoding(true);
            }
            return;
        }
        let mut files = 0;
        let mut chunk = Vec::with_capacity(CHUNK_FILES);
        let mut skipped = Vec::new();
        let mut found = |path: PathBuf| {
            files += 1;
            chunk.push(Work::Path(path));
            if chunk.len() == CHUNK_FILES {
                let _ = work_tx.send(std::mem::replace(&mut chunk, Vec::with_capacity(CHUNK_FILES)));
            }
        };
        for path in paths {
            collect(path, &mut found, &mut skipped, &mut walk.dirs, &mut HashSet::new(), true);
        }
        if !chunk.is_empty() {
            let _ = work_tx.send(chunk);
        }
        drop(work_tx);
        let _ = tx.send(Progress::Found { files, skipped, walk });
    });
}

/// Runs its function when dropped, on every way out (a worker's panic
/// included).
struct Finally<F: FnMut()>(F);

impl<F: FnMut()> Drop for Finally<F> {
    fn drop(&mut self) {
        (self.0)();
    }
}

/// Cached file `n`'s stamp: the one recorded when `trust` (no stat),
/// else the file's now.
fn trusted_or_stamped(cache: &Cache, n: usize, trust: bool, stamper: &mut Stamper) -> std::io::Result<Stamp> {
    if trust { Ok(cache.recorded_stamp(n)) } else { stamper.stamp(cache.path(n)) }
}

mod one_file;
mod recheck;
mod walk;
pub use recheck::{Rechecked, ToCheck, recheck, take_in};
#[cfg(test)]
mod tests;
