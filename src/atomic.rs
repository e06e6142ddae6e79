//! Files that two byline processes may write at once: a lock file beside
//! each, and writes that replace the whole file atomically (a temporary
//! file in the same directory, flushed and synced, then renamed), so a
//! reader or a crash only ever sees the old file or the new one.

use std::fs::{self, File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::Path;

/// Temporary files are `.<name>.<random>.tmp` beside the file `<name>`
/// they will replace: hidden, so the loader never reads a half-written
/// one, and named after their file, so the leftovers of one file can be
/// cleaned while another file in the same directory is being written.
const TEMP_SUFFIX: &str = ".tmp";

fn temp_prefix(path: &Path) -> String {
    format!(".{}.", path.file_name().map_or("file".into(), |n| n.to_string_lossy()))
}

/// An exclusive lock on `path`, held until the value is dropped. The lock
/// file is created if needed and never removed (removing it would let two
/// processes lock two different files).
pub fn lock(path: &Path) -> io::Result<File> {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir)?;
    }
    let file = OpenOptions::new().create(true).truncate(false).write(true).open(path)?;
    file.lock()?;
    Ok(file)
}

/// Replace `path` with what `write` produces, atomically; the directory is
/// created if needed.
pub fn write(path: &Path, write: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    fs::create_dir_all(dir)?;
    let prefix = temp_prefix(path);
    let temp = tempfile::Builder::new().prefix(&prefix).suffix(TEMP_SUFFIX).tempfile_in(dir)?;
    let mut out = BufWriter::new(temp);
    write(&mut out)?;
    let temp = out.into_inner().map_err(io::IntoInnerError::into_error)?;
    temp.as_file().sync_all()?;
    temp.persist(path).map_err(|e| e.error)?;
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Remove the temporary files that writers of `path` left when they died
/// mid-write. Call it with the lock of `path` held: then every one found
/// is a leftover.
pub fn remove_leftovers(path: &Path) {
    let Some(dir) = path.parent() else { return };
    let Ok(entries) = fs::read_dir(dir) else { return };
    let prefix = temp_prefix(path);
    for entry in entries.filter_map(Result::ok) {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with(&prefix) && name.ends_with(TEMP_SUFFIX) {
            let _ = fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_write_replaces_the_whole_file_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/file.txt");
        write(&path, |out| out.write_all(b"first")).unwrap();
        write(&path, |out| out.write_all(b"second")).unwrap();
        assert_eq!(fs::read_to_string(&path).unwrap(), "second");
        let names: Vec<_> =
            fs::read_dir(path.parent().unwrap()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["file.txt"]);
    }

    #[test]
    fn a_failed_write_keeps_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("file.txt");
        write(&path, |out| out.write_all(b"kept")).unwrap();
        let failed = write(&path, |out| {
            out.write_all(b"half")?;
            Err(io::Error::other("disk full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&path).unwrap(), "kept");
    }

    #[test]
    fn leftovers_of_dead_writers_of_a_file_are_removed_and_nothing_else() {
        let dir = tempfile::tempdir().unwrap();
        // Another file's write in progress must survive the cleaning.
        for name in [".a.json.x1.tmp", ".a.json.x2.tmp", ".b.json.x3.tmp", "a.json", ".hidden"] {
            fs::write(dir.path().join(name), "x").unwrap();
        }
        remove_leftovers(&dir.path().join("a.json"));
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, [".b.json.x3.tmp", ".hidden", "a.json"]);
    }
}
