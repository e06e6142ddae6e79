//! Files that two byline processes may write at once: a lock file beside
//! each, and writes that replace the whole file atomically (a temporary
//! file in the same directory, flushed and synced, then renamed), so a
//! reader or a crash only ever sees the old file or the new one.
//!
//! A write needs the file's lock (`write` takes the `Lock` as proof). Only
//! one writer of a file can then be at work, so its temporary file has a
//! fixed name, `.<name>.tmp`: one a killed writer left behind is simply
//! overwritten by the next write, and nothing ever lists a directory to
//! clean up.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

/// An exclusive lock, held until the value is dropped.
#[derive(Debug)]
pub struct Lock(#[allow(dead_code)] File);

/// Lock `path` (a lock file, created if needed and never removed: removing
/// it would let two processes lock two different files).
pub fn lock(path: &Path) -> io::Result<Lock> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(path)?;
    file.lock()?;
    Ok(Lock(file))
}

/// Lock `path` as `lock` does, unless another process holds it: then
/// `None` at once, without waiting.
pub fn try_lock(path: &Path) -> io::Result<Option<Lock>> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(path)?;
    match file.try_lock() {
        Ok(()) => Ok(Some(Lock(file))),
        Err(fs::TryLockError::WouldBlock) => Ok(None),
        Err(fs::TryLockError::Error(err)) => Err(err),
    }
}

/// The temporary file a write of `path` goes through: hidden, so the loader
/// never reads a half-written one.
fn temp_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or("file".into(), |n| n.to_string_lossy());
    path.with_file_name(format!(".{name}.tmp"))
}

/// Replace `path` with what `write` produces, atomically, holding `_lock`
/// (the lock that guards `path`); the directory is created if needed.
pub fn write(
    lock: &Lock,
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    write_with(lock, path, true, write)
}

/// As `write`; `sync`: flush the file to the disk before it replaces the
/// old one. A cache that can be rebuilt skips that (a damaged one is
/// noticed and rebuilt); what the user made (marks, subscriptions) never
/// does.
pub fn write_with(
    _lock: &Lock,
    path: &Path,
    sync: bool,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let temp = temp_path(path);
    let written = (|| {
        let mut out = BufWriter::new(File::create(&temp)?);
        write(&mut out)?;
        let file = out.into_inner().map_err(io::IntoInnerError::into_error)?;
        if sync {
            file.sync_all()?;
        }
        fs::rename(&temp, path)
    })();
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    if sync && let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dir: &Path) -> Vec<String> {
        let mut names: Vec<_> =
            fs::read_dir(dir).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        names
    }

    #[test]
    fn a_write_replaces_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/file.txt");
        let held = lock(&dir.path().join("file.lock")).unwrap();
        write(&held, &path, |out| out.write_all(b"first")).unwrap();
        write(&held, &path, |out| out.write_all(b"second")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        assert_eq!(names(path.parent().unwrap()), ["file.txt"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file_and_removes_its_temporary_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file.txt");
        let held = lock(&dir.path().join(".file.lock")).unwrap();
        write(&held, &path, |out| out.write_all(b"kept")).unwrap();
        let failed = write(&held, &path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "kept");
        assert_eq!(names(dir.path()), [".file.lock", "file.txt"]);
    }

    #[test]
    fn a_temporary_file_left_by_a_killed_writer_is_taken_over_by_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        // Another file's write in progress is never touched.
        fs::write(dir.path().join(".a.json.tmp"), "half of a dead write").unwrap();
        fs::write(dir.path().join(".b.json.tmp"), "b being written").unwrap();
        let held = lock(&dir.path().join(".a.lock")).unwrap();
        write(&held, &path, |out| out.write_all(b"whole")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "whole");
        assert_eq!(names(dir.path()), [".a.lock", ".b.json.tmp", "a.json"]);
    }
}
