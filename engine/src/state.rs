//! What the user has read and starred, and where they were, kept per story
//! id in `state.json`. Writes are atomic (a temporary file in the same
//! directory, flushed and synced, then renamed) and merge with what is on
//! disk under a lock, so two byline processes never lose each other's marks.
//! A corrupt state file is moved aside, never overwritten.

use std::collections::BTreeMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::atomic_file;
use crate::model::Story;

/// One story's marks and when they last changed (milliseconds since the
/// Unix epoch): the later change wins when two processes disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mark {
    /// The user read the story.
    #[serde(default)]
    pub read: bool,
    /// The user starred the story.
    #[serde(default)]
    pub starred: bool,
    /// When the marks last changed (ms since the Unix epoch).
    #[serde(default)]
    pub changed: u64,
}

/// Where the reader was in a library.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Id of the selected story.
    pub story: String,
    /// First line shown in the reader.
    #[serde(default)]
    pub scroll: usize,
}

/// The reading state kept between sessions: marks by story id, and where
/// the reader was in each library.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct State {
    /// Story id -> marks.
    #[serde(default)]
    pub stories: BTreeMap<String, Mark>,
    /// Library key -> position.
    #[serde(default)]
    pub positions: BTreeMap<String, Position>,
}

impl State {
    /// Set each story's read and starred flags from its mark.
    pub fn apply(&self, stories: &mut [Story]) {
        for story in stories {
            if let Some(mark) = self.stories.get(story.id()) {
                story.read = mark.read;
                story.starred = mark.starred;
            }
        }
    }

    /// Take in another state: per story the later change wins; positions
    /// from `newer` replace ours.
    pub fn merge(&mut self, newer: &State) {
        for (id, mark) in &newer.stories {
            let keep_ours = self.stories.get(id).is_some_and(|ours| ours.changed > mark.changed);
            if !keep_ours {
                self.stories.insert(id.clone(), *mark);
            }
        }
        for (key, position) in &newer.positions {
            self.positions.insert(key.clone(), position.clone());
        }
    }
}

/// What loading found.
#[derive(Debug, Default)]
pub struct LoadedState {
    /// The state read (empty when there was no file).
    pub state: State,
    /// One line for the user when the file had to be set aside.
    pub notice: Option<String>,
}

/// The state file on disk.
#[derive(Debug, Clone)]
pub struct StateFile {
    path: PathBuf,
    /// Set when a bad file could not be moved aside: never write over it.
    read_only: bool,
}

impl StateFile {
    /// The state file at `path` (created when first saved).
    pub fn new(path: PathBuf) -> StateFile {
        StateFile { path, read_only: false }
    }

    /// Where the file is.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Read the state. A file that cannot be read or parsed is moved to
    /// `state.json.corrupt-<time>` and the user is told; byline then starts
    /// with empty state.
    pub fn load(&mut self) -> LoadedState {
        match read_state(&self.path) {
            Ok(state) => LoadedState { state, notice: None },
            Err(reason) => {
                let notice = self.set_aside(&reason);
                LoadedState { state: State::default(), notice: Some(notice) }
            }
        }
    }

    /// Merge `ours` into what is on disk and write the result atomically.
    /// Returns the merged state, which may hold another process's marks.
    pub fn save(&mut self, ours: &State) -> io::Result<State> {
        if self.read_only {
            return Ok(ours.clone());
        }
        let lock = atomic_file::lock(&lock_path(&self.path))?;
        let mut merged = match read_state(&self.path) {
            Ok(on_disk) => on_disk,
            Err(reason) => {
                self.set_aside(&reason);
                if self.read_only {
                    return Ok(ours.clone());
                }
                State::default()
            }
        };
        merged.merge(ours);
        atomic_file::write(&lock, &self.path, |out| {
            serde_json::to_writer_pretty(&mut *out, &merged)?;
            out.write_all(b"\n")
        })?;
        drop(lock);
        Ok(merged)
    }

    fn set_aside(&mut self, reason: &str) -> String {
        let aside = self.path.with_file_name(format!(
            "{}.corrupt-{}",
            self.path.file_name().map_or("state.json".into(), |n| n.to_string_lossy()),
            now_millis() / 1000
        ));
        match fs::rename(&self.path, &aside) {
            Ok(()) => format!(
                "the state file {} was unreadable ({reason}); moved it to {} and started with empty state",
                self.path.display(),
                aside.display()
            ),
            Err(err) => {
                self.read_only = true;
                format!(
                    "the state file {} is unreadable ({reason}) and could not be moved aside ({}); read and starred marks will not be saved",
                    self.path.display(),
                    err.to_string().to_lowercase()
                )
            }
        }
    }
}

fn lock_path(path: &Path) -> PathBuf {
    path.with_extension("lock")
}

/// The state on disk: empty when there is no file yet.
fn read_state(path: &Path) -> Result<State, String> {
    match fs::read(path) {
        Ok(bytes) => serde_json::from_slice(&bytes).map_err(|e| e.to_string()),
        Err(err) if err.kind() == io::ErrorKind::NotFound => Ok(State::default()),
        Err(err) => Err(err.to_string().to_lowercase()),
    }
}

/// The current time in milliseconds since the Unix epoch.
pub fn now_millis() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| u64::try_from(d.as_millis()).unwrap_or(u64::MAX))
}

/// A name for a set of library paths, to remember a position per library.
pub fn library_key(paths: &[PathBuf]) -> String {
    if paths.is_empty() {
        return "sample".to_string();
    }
    let mut names: Vec<String> = paths
        .iter()
        .map(|p| fs::canonicalize(p).unwrap_or_else(|_| p.clone()).display().to_string())
        .collect();
    names.sort();
    names.join("\n")
}

#[cfg(test)]
mod tests;
