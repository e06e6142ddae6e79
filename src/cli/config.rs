//! `byline config`: where the config file is read from, or a commented
//! config file with every setting and its default.

use std::io::{self, Write};
use std::path::PathBuf;

use crate::config::DEFAULT_FILE;

/// What `byline config` prints.
pub enum Shown {
    /// The path the config file is read from (`--path`, the default).
    Path(PathBuf),
    /// A commented config file with every setting (`--default`).
    DefaultFile,
}

/// Print what was asked for.
pub fn write(out: &mut dyn Write, shown: &Shown) -> io::Result<()> {
    match shown {
        Shown::Path(path) => writeln!(out, "{}", path.display()),
        Shown::DefaultFile => out.write_all(DEFAULT_FILE.as_bytes()),
    }
}
