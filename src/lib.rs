//! byline: a terminal news reader.
//!
//! The crate reads the news files people keep (scraped plain-text articles
//! first; see `FORMAT.md` in the project's shared notes) into an in-memory
//! [`Library`] of [`Story`] values, each with its tags and its direct
//! [`Quote`]s attributed to speakers. The `byline` binary puts a terminal
//! reader and a scriptable CLI (`export`, `list`, `tags`, `quotes`) on top.
//!
//! - [`parse`]: pure functions from bytes to stories, one file per format.
//! - [`library`]: stories in reading order plus the tag index.
//! - [`filter`]: name matching (`Ruto` finds `President Ruto`) and search.
//! - [`load`]: walking paths and collecting skipped-file reasons.
//! - [`cli`]: the text and JSON output of each subcommand.
//! - [`tui`]: the terminal reader (the only module that knows ratatui).

pub mod atomic_file;
pub mod bitset;
pub mod cli;
pub mod config;
pub mod crash;
pub mod feeds;
pub mod filter;
pub mod library;
pub mod load;
pub mod model;
pub mod opener;
pub mod parse;
pub mod search_index;
pub mod state;
pub mod tui;

/// The sample corpus from `assets/`, bundled at build time.
pub mod sample {
    include!(concat!(env!("OUT_DIR"), "/sample.rs"));
}

pub use filter::Filter;
pub use library::{Library, TagCount};
pub use load::{Loaded, Skipped, load_paths, load_sample};
pub use model::{Format, Quote, Story};
