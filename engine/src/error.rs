//! What can go wrong reading news files, as types a program can match on.
//! The words each prints are the ones byline shows its user.
//!
//! - [`ParseError`]: a whole file yielded no story (empty, binary, not JSON,
//!   not a feed...).
//! - [`Problem`]: one part of a file could not be read while the rest was,
//!   with its position (record, line, item).
//! - [`SkipReason`]: why the loader skipped a path or part of a file: one of
//!   the above, or the file system's answer.

/// Why a file is not text at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Unreadable {
    /// Nothing in it, or nothing left once control characters are gone.
    #[error("empty file")]
    Empty,
    /// Not text: the reason (`contains NUL bytes`).
    #[error("binary file ({0})")]
    Binary(&'static str),
}

/// Why a whole file yielded no story.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ParseError {
    /// Empty, or not text at all.
    #[error(transparent)]
    Unreadable(#[from] Unreadable),
    /// HTML nested deeper than any article is: refused rather than parsed.
    #[error("HTML nested more than {max} levels deep: not an article, not read")]
    TooDeep {
        /// The deepest nesting read.
        max: usize,
    },
    /// Not JSON, and not one line of it is JSON either.
    #[error("invalid JSON: {message}")]
    InvalidJson {
        /// The JSON parser's own words, with its line and column.
        message: String,
        /// 1-based line of the first mistake.
        line: usize,
        /// 1-based column of the first mistake.
        column: usize,
    },
    /// JSON, but neither a story object nor a list of them.
    #[error("expected a list of stories or a story object")]
    NotStories,
    /// Not a feed that can be read, even cut short.
    #[error("not a readable feed ({reason})")]
    NotAFeed {
        /// The feed reader's words.
        reason: String,
    },
    /// The file parsed, and held no story.
    #[error("no stories in it")]
    NoStories,
}

/// A part of a file that could not be read, where it is and why; the rest
/// of the file still yields its stories.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Problem {
    /// A story object of a JSON list (1-based).
    #[error("record {record}: {reason}")]
    Record {
        /// 1-based position in the list.
        record: usize,
        /// What was wrong with it (`` `title` must be a string, not a number``).
        reason: String,
    },
    /// A line of a JSON Lines file (1-based).
    #[error("line {line}: {reason}")]
    Line {
        /// 1-based line number.
        line: usize,
        /// What was wrong with it.
        reason: String,
    },
    /// A feed item with neither a title nor any text (1-based).
    #[error("item {item}: no title and no text")]
    EmptyItem {
        /// 1-based position in the feed.
        item: usize,
    },
    /// A feed cut short: the items before the break were read.
    #[error("the feed breaks off after item {after} ({reason})")]
    Truncated {
        /// How many whole items came before the break.
        after: usize,
        /// The feed reader's words.
        reason: String,
    },
}

/// Why the loader skipped a path, or part of a file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum SkipReason {
    /// The file could not be opened or read (`permission denied`).
    #[error("{0}")]
    Io(String),
    /// Larger than the configured cap.
    #[error("file too large (over {limit_mib} MiB; raise max_file_mib in the config or pass --max-file-mib)")]
    TooLarge {
        /// The cap, in MiB.
        limit_mib: u64,
    },
    /// A path named on the command line that is neither file nor directory.
    #[error("not a regular file")]
    NotRegularFile,
    /// A directory reached again through a symbolic link.
    #[error("directory symlink loop")]
    SymlinkLoop,
    /// A parser crashed (a bug in byline) on this file; only it was lost.
    #[error("not read: byline {0}")]
    Crashed(String),
    /// Nothing in the file could be read.
    #[error(transparent)]
    Parse(#[from] ParseError),
    /// Part of the file could not be read; the rest was.
    #[error(transparent)]
    Part(#[from] Problem),
}

impl SkipReason {
    /// An I/O error as a short lower-case reason.
    pub fn io(err: &std::io::Error) -> SkipReason {
        SkipReason::Io(match err.kind() {
            std::io::ErrorKind::NotFound => "no such file or directory".into(),
            std::io::ErrorKind::PermissionDenied => "permission denied".into(),
            _ => {
                let text = err.to_string();
                text.split(" (os error").next().unwrap_or(&text).to_lowercase()
            }
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{InputFormat, parse_file};

    #[test]
    fn a_program_tells_a_binary_file_from_json_of_the_wrong_shape() {
        let binary = parse_file("x.json", b"\x89PNG\r\n\x1a\n\x00\x00\x00", None).unwrap_err();
        assert!(matches!(binary, ParseError::Unreadable(Unreadable::Binary(_))), "{binary:?}");
        let number = parse_file("x.json", b"42", Some(InputFormat::Json)).unwrap_err();
        assert_eq!(number, ParseError::NotStories);
        assert_eq!(number.to_string(), "expected a list of stories or a story object");
    }

    #[test]
    fn broken_json_names_its_line_and_column() {
        let err = parse_file("x.json", b"[\n  {\"title\": }\n]", Some(InputFormat::Json)).unwrap_err();
        let ParseError::InvalidJson { line, column, .. } = err else { panic!("{err:?}") };
        assert_eq!((line, column), (2, 13));
    }

    #[test]
    fn a_bad_record_keeps_its_position_and_the_words_a_user_sees() {
        let parsed = parse_file("x.json", br#"[{"title": "Good"}, {"title": 5}]"#, None).unwrap();
        let [Problem::Record { record, reason }] = parsed.problems.as_slice() else {
            panic!("{:?}", parsed.problems)
        };
        assert_eq!(*record, 2);
        assert_eq!(reason, "`title` must be a string, not a number");
        assert_eq!(parsed.problems[0].to_string(), "record 2: `title` must be a string, not a number");
    }

    #[test]
    fn a_skipped_file_reads_as_before() {
        let missing = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(SkipReason::io(&missing).to_string(), "no such file or directory");
        assert_eq!(
            SkipReason::TooLarge { limit_mib: 64 }.to_string(),
            "file too large (over 64 MiB; raise max_file_mib in the config or pass --max-file-mib)"
        );
    }
}
