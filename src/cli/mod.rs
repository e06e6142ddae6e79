//! The CLI's output: one file per subcommand, writing to any `Write` so that
//! tests can capture it. Text output is aligned by display width (CJK and
//! emoji take two cells) and holds no control characters.

pub mod clusters;
pub mod config;
pub mod export;
pub mod feeds;
pub mod fetch;
pub mod list;
pub mod people;
pub mod progress;
pub mod quotes;
pub mod sources;
pub mod tags;

pub use crate::columns::{column_width, pad, thousands, truncate};

/// The stories `filter` lets through, as a set: what a command counts
/// over while it reads the whole library.
pub fn shown(
    library: &byline_engine::Library,
    filter: &byline_engine::Filter,
) -> byline_engine::bitset::BitSet {
    byline_engine::bitset::BitSet::of(library.len(), filter.apply(library))
}
