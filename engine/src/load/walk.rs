//! Finding the files under the paths a user named: directories walked
//! in name order, hidden entries and files of other kinds left out, each
//! directory recorded with its stamp for the parsed cache, symbolic-link
//! loops and unreadable paths reported.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use super::Skipped;
use crate::cache::Stamp;
use crate::error::SkipReason;
use crate::parse::detect::EXTENSIONS as ARTICLE_EXTENSIONS;

/// Gather files under `path`. `named`: the user named this path, so it is
/// read whatever its name or ending.
pub(super) fn collect(
    path: &Path,
    found: &mut impl FnMut(PathBuf),
    skipped: &mut Vec<Skipped>,
    dirs: &mut Option<Vec<(PathBuf, Stamp)>>,
    visiting: &mut HashSet<PathBuf>,
    named: bool,
) {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(err) => {
            skipped.push(Skipped { path: path.display().to_string(), reason: SkipReason::io(&err) });
            return;
        }
    };
    if meta.is_file() {
        if named || has_article_extension(path) {
            found(path.to_path_buf());
        }
        return;
    }
    if !meta.is_dir() {
        if named {
            skipped.push(Skipped { path: path.display().to_string(), reason: SkipReason::NotRegularFile });
        }
        return;
    }
    match dirs {
        Some(list) if path.to_str().is_some() => list.push((path.to_path_buf(), Stamp::of(&meta))),
        _ => *dirs = None,
    }
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    if !visiting.insert(real.clone()) {
        skipped.push(Skipped { path: path.display().to_string(), reason: SkipReason::SymlinkLoop });
        return;
    }
    // The entry's type comes with the directory listing: no stat per file.
    let mut entries: Vec<(PathBuf, Option<fs::FileType>)> = match fs::read_dir(path) {
        Ok(entries) => entries.filter_map(Result::ok).map(|e| (e.path(), e.file_type().ok())).collect(),
        Err(err) => {
            skipped.push(Skipped { path: path.display().to_string(), reason: SkipReason::io(&err) });
            visiting.remove(&real);
            return;
        }
    };
    // Siblings differ only in their names: compare the bytes.
    entries.sort_by(|a, b| a.0.as_os_str().as_encoded_bytes().cmp(b.0.as_os_str().as_encoded_bytes()));
    for (entry, kind) in entries {
        let hidden = entry.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."));
        if hidden {
            continue;
        }
        if kind.is_some_and(|k| k.is_file()) {
            if has_article_extension(&entry) {
                found(entry);
            }
        } else {
            collect(&entry, found, skipped, dirs, visiting, false);
        }
    }
    visiting.remove(&real);
}

fn has_article_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ARTICLE_EXTENSIONS.iter().any(|a| a.eq_ignore_ascii_case(e)))
}
