//! byline, the application: a terminal news reader and a scriptable CLI on
//! top of [`byline_engine`], which reads the files into stories.
//!
//! - [`config`]: `config.toml` turned into typed values once.
//! - [`cli`]: one file per command; the text and JSON each prints.
//! - [`tui`]: the terminal reader (the only module that knows ratatui).
//! - [`opener`]: links opened in the user's browser, never through a shell.
//! - [`sample`]: the sample corpus from `assets/`, bundled at build time.

pub mod cli;
pub mod columns;
pub mod config;
pub mod dates;
pub mod keys;
pub mod opener;
pub mod tui;

/// The sample corpus from `assets/`, bundled at build time, so an installed
/// byline opens something from any directory.
pub mod sample {
    include!(concat!(env!("OUT_DIR"), "/sample.rs"));

    /// The sample stories, parsed straight from the binary's bytes; each
    /// story's source reads `assets/<file>`.
    pub fn load() -> byline_engine::Loaded {
        byline_engine::load::load_named_bytes(
            FILES.iter().map(|(name, bytes)| (format!("assets/{name}"), *bytes)),
        )
    }

    #[cfg(test)]
    mod tests {
        #[test]
        fn the_sample_corpus_is_bundled() {
            let loaded = super::load();
            assert!(loaded.library.stories().len() >= 12);
            assert!(loaded.skipped.is_empty());
            assert!(loaded.library.stories().iter().all(|s| s.source.starts_with("assets/")));
        }
    }
}
