//! TOML files a person edits (byline's config, the subscriptions): read
//! into typed values, with a mistake reported at its line and column.

use std::fmt;

/// A TOML file that could not be used: where, and what was expected.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TomlError {
    /// The file as the user named it.
    pub path: String,
    /// 1-based; 0 when the whole file is at fault (it could not be read).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What was wrong, in the words the user sees.
    pub message: String,
}

impl fmt::Display for TomlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            write!(f, "{}: {}", self.path, self.message)
        } else {
            write!(f, "{}:{}:{}: {}", self.path, self.line, self.column, self.message)
        }
    }
}

impl std::error::Error for TomlError {}

impl TomlError {
    /// A file that could not be read at all.
    pub fn whole_file(path: &str, err: &std::io::Error) -> TomlError {
        TomlError { path: path.to_string(), line: 0, column: 0, message: err.to_string().to_lowercase() }
    }
}

/// Read a TOML file's text into `T`; `path` names it in errors, which give
/// the line and column of the mistake.
pub fn parse_toml<T: serde::de::DeserializeOwned>(text: &str, path: &str) -> Result<T, TomlError> {
    toml::from_str(text).map_err(|err| {
        let at = err.span().map_or(0, |s| s.start);
        let (line, column) = line_column(text, at);
        TomlError { path: path.to_string(), line, column, message: err.message().trim().to_string() }
    })
}

/// The 1-based line and column of byte `at`.
fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = &text[..at.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}
