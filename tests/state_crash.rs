//! A process saving state is killed with SIGKILL at many moments; every
//! state file it leaves must parse. The writer is this test binary run
//! again with `BYLINE_STATE_WRITER` set: it saves in a loop and reports each
//! save on stdout, and the parent kills it after a varying number of saves,
//! so the kill lands at different points of a write.

#![allow(clippy::unwrap_used)]

use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};

use byline_engine::state::{Mark, State, StateFile};

const WRITER: &str = "BYLINE_STATE_WRITER";

#[test]
#[ignore = "the writer half of kill_9_never_leaves_a_broken_state_file; runs only as its child"]
fn state_writer_child() {
    let Some(path) = std::env::var_os(WRITER) else { return };
    let mut file = StateFile::new(PathBuf::from(path));
    // Bounded, so a writer whose parent died does not run for ever.
    for round in 0u64..5_000 {
        let mut state = State::default();
        // A few hundred marks that change every round, so each write takes
        // a while and differs from the last.
        for i in 0..300u64 {
            let id = format!("{i:016x}");
            let mark = Mark { read: (i + round) % 2 == 0, starred: (i + round) % 3 == 0, changed: round + 1 };
            state.stories.insert(id, mark);
        }
        file.save(&state).unwrap();
        println!("saved {round}");
    }
}

/// A child process that is killed when the test ends, however it ends.
struct KillOnDrop(std::process::Child);

impl Drop for KillOnDrop {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[test]
fn kill_9_never_leaves_a_broken_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("state.json");
    let me = std::env::current_exe().unwrap();
    let mut survived = 0;
    for round in 0..40 {
        let mut child = KillOnDrop(
            Command::new(&me)
                .args(["--exact", "state_writer_child", "--ignored", "--nocapture", "--test-threads=1"])
                .env(WRITER, &path)
                .stdout(Stdio::piped())
                .stderr(Stdio::null())
                .spawn()
                .unwrap(),
        );
        let wanted = format!("saved {}", round % 5);
        // The test harness may print its own words before the first line.
        let mut lines = BufReader::new(child.0.stdout.take().unwrap()).lines();
        assert!(
            lines.by_ref().map_while(Result::ok).any(|line| line.ends_with(&wanted)),
            "the writer stopped before {wanted}"
        );
        child.0.kill().unwrap(); // SIGKILL, mid-way through a later save
        child.0.wait().unwrap();
        let bytes = std::fs::read(&path).expect("a state file exists after the first save");
        let state: State = serde_json::from_slice(&bytes)
            .unwrap_or_else(|e| panic!("round {round}: state file does not parse: {e}"));
        assert_eq!(state.stories.len(), 300, "round {round}: a whole state, not a part of one");
        survived += 1;
    }
    assert_eq!(survived, 40);
    // The next save clears the temporary files the killed writers left.
    StateFile::new(path).save(&State::default()).unwrap();
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}
