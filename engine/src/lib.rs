//! byline's engine: the news files people keep, read into stories a
//! program can filter, search and quote.
//!
//! A file's bytes become [`Story`] values (plain-text articles, JSON, Markdown,
//! RSS/Atom/JSON feeds, saved web pages; see `FORMAT.md`); each story finds
//! its direct [`Quote`]s and who said them when first asked; a [`Library`]
//! holds stories in reading order with a tag index and a word index, and a
//! [`Filter`] narrows it by tags and words. Around that: loading paths on
//! every core ([`load`]), the reading state ([`state`]) and feeds fetched
//! over HTTP ([`feeds`]).
//!
//! The engine knows no terminal, no argument parser and no `anyhow`: it is
//! its own crate and none of those is a dependency. The `byline` application
//! (the terminal reader and the CLI) is built on it.
//!
//! # The life of a story
//!
//! ```
//! use byline_engine::{parse, Filter, Library, filter::TagFilter};
//!
//! // Bytes, as a scraper saved them: title, body, tag line.
//! let article = "Ferry service resumes on the lake\n\
//!     \n\
//!     The first boat left at dawn. \"We waited three weeks for this,\" \
//!     said Amina Otieno, a trader on the pier.\n\
//!     \n\
//!     Tags: Kisumu, Transport\n";
//! let parsed = parse::parse_file("ferry.txt", article.as_bytes(), None)?;
//! let story = &parsed.drafts[0].story;
//! assert_eq!(story.title(), "Ferry service resumes on the lake");
//! assert_eq!(story.tags, ["Kisumu", "Transport"]);
//!
//! // Quotes are found, with their speakers, when first asked for.
//! let quote = &story.quotes()[0];
//! assert_eq!(quote.text, "We waited three weeks for this,");
//! assert_eq!(quote.speaker.as_deref(), Some("Amina Otieno"));
//!
//! // A library of stories, filtered by a tag.
//! let library = Library::from_drafts(parsed.drafts);
//! let filter = Filter { tags: vec![TagFilter::Name("Kisumu".into())], ..Filter::default() };
//! assert_eq!(filter.apply(&library), vec![0]);
//! # Ok::<(), byline_engine::ParseError>(())
//! ```

#![deny(unsafe_code)]
#![warn(missing_docs)]

pub mod atomic_file;
pub mod bitset;
pub mod cache;
pub mod clusters;
pub mod crash;
pub mod error;
pub mod feeds;
pub mod filter;
pub mod library;
pub mod load;
pub mod model;
pub mod name_match;
pub mod parallel;
pub mod parse;
pub mod people;
pub mod search_index;
pub mod state;
pub mod toml_file;

pub use error::{ParseError, Problem, SkipReason};
pub use filter::Filter;
pub use library::{Library, TagCount};
pub use load::{LoadError, Loaded, Skipped, load_paths};
pub use model::{Format, Quote, Story};
