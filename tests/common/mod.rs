//! Shared by the integration tests: run the real binary with config, state
//! and data directories of its own, so no test sees or changes the
//! developer's.

#![allow(dead_code, clippy::unwrap_used)]

pub mod frames;
pub mod http;
pub mod pty;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// The XDG variables pointing into `home`.
pub fn xdg_env(home: &Path) -> [(&'static str, PathBuf); 4] {
    [
        ("XDG_CACHE_HOME", home.join("cache")),
        ("XDG_CONFIG_HOME", home.join("config")),
        ("XDG_STATE_HOME", home.join("state")),
        ("XDG_DATA_HOME", home.join("data")),
    ]
}

/// `byline ARGS` run from the repository with its directories in `home`.
pub fn byline_in(home: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_byline"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .envs(xdg_env(home))
        .output()
        .unwrap()
}
