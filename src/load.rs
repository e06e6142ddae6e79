//! Reading stories from disk: walking files and directories (recursively,
//! hidden entries skipped, symlink loops survived), parsing each file, and
//! keeping a reason for every file that yields nothing. One bad file never
//! stops the others.

use std::collections::HashSet;
use std::fmt;
use std::fs;
use std::path::{Path, PathBuf};

use crate::library::Library;
use crate::parse::{self, Draft, InputFormat};

/// Files larger than this are skipped: no article is 64 MiB.
pub const MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

use crate::parse::detect::EXTENSIONS as ARTICLE_EXTENSIONS;

/// A file that yielded no story, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

impl fmt::Display for Skipped {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "skipped {}: {}", self.path, self.reason)
    }
}

/// Something worth telling about a file that still loaded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Warning {
    pub path: String,
    pub message: String,
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "warning: {}: {}", self.path, self.message)
    }
}

/// A path named by the user that is not there.
#[derive(Debug, thiserror::Error)]
#[error("{path}: {reason}")]
pub struct LoadError {
    pub path: String,
    pub reason: String,
}

/// What a load produced.
#[derive(Debug, Default)]
pub struct Loaded {
    pub library: Library,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
}

/// Load every article under `paths`. Paths that do not exist are an error
/// before anything is read; problems with individual files are collected.
pub fn load_paths(paths: &[PathBuf]) -> Result<Loaded, LoadError> {
    load_paths_as(paths, None)
}

/// As `load_paths`, reading every file with the `forced` parser if given.
pub fn load_paths_as(paths: &[PathBuf], forced: Option<InputFormat>) -> Result<Loaded, LoadError> {
    for path in paths {
        if let Err(err) = fs::metadata(path) {
            return Err(LoadError { path: path.display().to_string(), reason: io_reason(&err) });
        }
    }
    let mut files = Vec::new();
    let mut skipped = Vec::new();
    for path in paths {
        collect(path, &mut files, &mut skipped, &mut HashSet::new(), true);
    }
    let inputs = files.into_iter().map(|path| {
        let source = path.display().to_string();
        let bytes = read_file(&path);
        (source, bytes)
    });
    Ok(assemble(inputs, skipped, forced))
}

/// The sample corpus bundled into the binary, so an installed byline opens
/// something from any directory.
pub fn load_sample() -> Loaded {
    let inputs =
        crate::sample::FILES.iter().map(|(name, bytes)| (format!("assets/{name}"), Ok(bytes.to_vec())));
    assemble(inputs, Vec::new(), None)
}

fn assemble(
    inputs: impl Iterator<Item = (String, Result<Vec<u8>, String>)>,
    mut skipped: Vec<Skipped>,
    forced: Option<InputFormat>,
) -> Loaded {
    let mut drafts: Vec<Draft> = Vec::new();
    let mut warnings = Vec::new();
    for (source, bytes) in inputs {
        match bytes.and_then(|b| parse::parse_file(&source, &b, forced)) {
            Ok(parsed) => {
                for draft in &parsed.drafts {
                    for message in &draft.warnings {
                        warnings.push(Warning { path: source.clone(), message: message.clone() });
                    }
                }
                for problem in parsed.problems {
                    skipped.push(Skipped { path: source.clone(), reason: problem });
                }
                drafts.extend(parsed.drafts);
            }
            Err(reason) => skipped.push(Skipped { path: source, reason }),
        }
    }
    Loaded { library: Library::from_drafts(drafts), skipped, warnings }
}

fn read_file(path: &Path) -> Result<Vec<u8>, String> {
    let meta = fs::metadata(path).map_err(|e| io_reason(&e))?;
    if meta.len() > MAX_FILE_SIZE {
        return Err(format!(
            "file too large ({} MiB; the limit is {} MiB)",
            meta.len() / (1024 * 1024),
            MAX_FILE_SIZE / (1024 * 1024)
        ));
    }
    fs::read(path).map_err(|e| io_reason(&e))
}

/// Gather files under `path`. `named`: the user named this path, so it is
/// read whatever its name or ending.
fn collect(
    path: &Path,
    files: &mut Vec<PathBuf>,
    skipped: &mut Vec<Skipped>,
    visiting: &mut HashSet<PathBuf>,
    named: bool,
) {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) => {
            skipped.push(Skipped { path: path.display().to_string(), reason: io_reason(&err) });
            return;
        }
    };
    if meta.is_file() {
        if named || has_article_extension(path) {
            files.push(path.to_path_buf());
        }
        return;
    }
    if !meta.is_dir() {
        if named {
            skipped.push(Skipped { path: path.display().to_string(), reason: "not a regular file".into() });
        }
        return;
    }
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !visiting.insert(real.clone()) {
        skipped.push(Skipped { path: path.display().to_string(), reason: "directory symlink loop".into() });
        return;
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(path) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| e.path()).collect(),
        Err(err) => {
            skipped.push(Skipped { path: path.display().to_string(), reason: io_reason(&err) });
            visiting.remove(&real);
            return;
        }
    };
    entries.sort();
    for entry in entries {
        let hidden = entry.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if !hidden {
            collect(&entry, files, skipped, visiting, false);
        }
    }
    visiting.remove(&real);
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}

/// An I/O error as a short lower-case reason.
fn io_reason(err: &std::io::Error) -> String {
    match err.kind() {
        std::io::ErrorKind::NotFound => "no such file or directory".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => {
            let text = err.to_string();
            text.split(" (os error").next().unwrap_or(&text).to_lowercase()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn write(dir: &Path, name: &str, body: &[u8]) {
        let path = dir.join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, body).unwrap();
    }

    #[test]
    fn directories_are_walked_recursively_skipping_hidden_entries() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a.txt", b"First\n\nBody.\n");
        write(dir.path(), "sub/b.txt", b"Second\n\nBody.\n");
        write(dir.path(), ".hidden/c.txt", b"Hidden\n\nBody.\n");
        write(dir.path(), ".d.txt", b"Hidden file\n\nBody.\n");
        write(dir.path(), "photo.jpg", b"\xff\xd8\xff\x00");
        let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
        let titles: Vec<&str> = loaded.library.in_order().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["First", "Second"]);
        assert!(loaded.skipped.is_empty());
    }

    #[test]
    fn bad_files_are_skipped_with_reasons_and_the_rest_loads() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "good.txt", b"Good\n\nBody.\n");
        write(dir.path(), "empty.txt", b"");
        write(dir.path(), "binary.txt", b"\x00\x01\x02");
        let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(loaded.library.stories().len(), 1);
        let reasons: Vec<String> = loaded.skipped.iter().map(|s| s.to_string()).collect();
        assert_eq!(reasons.len(), 2);
        assert!(reasons[0].ends_with("binary.txt: binary file (contains NUL bytes)"), "{reasons:?}");
        assert!(reasons[1].ends_with("empty.txt: empty file"), "{reasons:?}");
    }

    #[test]
    fn a_missing_path_is_an_error() {
        let err = load_paths(&[PathBuf::from("/no/such/place")]).unwrap_err();
        assert_eq!(err.to_string(), "/no/such/place: no such file or directory");
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_are_survived_and_reported() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "a/story.txt", b"Looped\n\nBody.\n");
        std::os::unix::fs::symlink(dir.path().join("a"), dir.path().join("a/again")).unwrap();
        let loaded = load_paths(&[dir.path().to_path_buf()]).unwrap();
        assert_eq!(loaded.library.stories().len(), 1);
        assert!(loaded.skipped.iter().any(|s| s.reason == "directory symlink loop"));
    }

    #[test]
    fn a_named_file_is_read_whatever_its_ending() {
        let dir = tempfile::tempdir().unwrap();
        write(dir.path(), "notes.article", b"Named\n\nBody.\n");
        let loaded = load_paths(&[dir.path().join("notes.article")]).unwrap();
        assert_eq!(loaded.library.stories()[0].title, "Named");
    }

    #[test]
    fn the_sample_corpus_is_bundled() {
        let loaded = load_sample();
        assert!(loaded.library.stories().len() >= 12);
        assert!(loaded.skipped.is_empty());
        assert!(loaded.library.stories().iter().all(|s| s.source.starts_with("assets/")));
    }
}
