//! `config.toml`: optional, every setting with a default in code. Values are
//! checked while they are read, so a mistake is reported with its file,
//! line and column and what was expected, and never silently ignored.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

pub use crate::keys::{ActionName, KeyList};

/// The settings. Field names are the keys of the config file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct Config {
    /// Paths opened when none are given on the command line.
    pub library: Vec<String>,
    /// The longest line the reader shows, in columns.
    pub wrap_width: Option<u16>,
    /// Files larger than this many MiB are skipped (default 64).
    pub max_file_mib: Option<std::num::NonZeroU32>,
    /// Fetch every subscription when the reader opens.
    pub fetch_on_start: bool,
    /// Keep the parsed cache of each library (default true).
    pub cache: Option<bool>,
    /// Stories about one event from several sources are one row in the
    /// list (default true).
    pub group_stories: Option<bool>,
    /// Feeds fetched at once (default 8).
    pub fetch_jobs: Option<std::num::NonZeroU16>,
    /// Seconds a feed's fetch may take, retries included, before it is
    /// given up (default 30).
    pub fetch_timeout_secs: Option<std::num::NonZeroU16>,
    /// Further attempts after a failure that may pass (default 2).
    pub fetch_retries: Option<u8>,
    /// Feed responses larger than this many MiB are refused (default 32).
    pub max_response_mib: Option<std::num::NonZeroU32>,
    /// Action name -> key or keys, replacing the default keys.
    pub keys: BTreeMap<ActionName, KeyList>,
    pub theme: ThemeConfig,
    /// How the story list is sorted when the reader opens (`newest`,
    /// `oldest`, `source`, `title`).
    pub sort: byline_engine::library::SortOrder,
    pub layout: LayoutConfig,
}

/// Named colours for parts of the screen; unset parts keep the default.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ThemeConfig {
    /// Story titles in the list.
    pub list: Option<Colour>,
    /// Background of the selected story.
    pub selected: Option<Colour>,
    /// The unread marker.
    pub unread: Option<Colour>,
    /// Body text in the reader.
    pub reader: Option<Colour>,
    /// Quotes in the reader.
    pub quote: Option<Colour>,
    /// Background of the current quote.
    pub quote_current: Option<Colour>,
    /// Tags in the list and the reader.
    pub tags: Option<Colour>,
    /// Status bar background.
    pub status: Option<Colour>,
    /// Border of the focused pane.
    pub border: Option<Colour>,
}

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct LayoutConfig {
    /// Width of the story list, in percent of a wide terminal.
    pub list_width: Percent,
    /// Where the tag picker opens.
    pub tag_picker: PickerPlacement,
    /// The story list's columns after the marks, in order.
    pub columns: ListColumns,
}

impl Default for LayoutConfig {
    fn default() -> LayoutConfig {
        LayoutConfig {
            list_width: Percent(40),
            tag_picker: PickerPlacement::Popup,
            columns: ListColumns::default(),
        }
    }
}

/// A column of the story list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ListColumn {
    Date,
    Source,
    Title,
    Tags,
}

/// The story list's columns in order; the title must be one of them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListColumns(pub Vec<ListColumn>);

impl Default for ListColumns {
    fn default() -> ListColumns {
        ListColumns(vec![ListColumn::Date, ListColumn::Source, ListColumn::Title, ListColumn::Tags])
    }
}

impl<'de> Deserialize<'de> for ListColumns {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let columns = Vec::<ListColumn>::deserialize(d)?;
        if !columns.contains(&ListColumn::Title) {
            return Err(serde::de::Error::custom("the list's columns must include \"title\""));
        }
        Ok(ListColumns(columns))
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PickerPlacement {
    /// Over the middle of the screen.
    #[default]
    Popup,
    /// In place of the story list.
    Panel,
}

/// A width in percent, 10 to 90.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Percent(pub u16);

impl<'de> Deserialize<'de> for Percent {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let value = i64::deserialize(d)?;
        match u16::try_from(value) {
            Ok(p) if (10..=90).contains(&p) => Ok(Percent(p)),
            _ => Err(serde::de::Error::custom(format!(
                "list width {value} is out of range, expected 10 to 90"
            ))),
        }
    }
}

/// A colour, read from a name (`red`, `light-blue`, `reset`), `#rrggbb`,
/// or 0 to 255.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Colour(pub ratatui::style::Color);

impl<'de> Deserialize<'de> for Colour {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.trim().parse().map(Colour).map_err(|_| {
            serde::de::Error::custom(format!(
                "impossible colour `{text}`, expected a name such as red or light-blue, #rrggbb, or 0 to 255"
            ))
        })
    }
}

/// A config file that could not be used: where, and what was expected.
pub type ConfigError = byline_engine::toml_file::TomlError;

use byline_engine::toml_file::parse_toml;

impl Config {
    /// The parsed cache, in `dir`, of the library of `paths` read with
    /// `forced` and these settings.
    pub fn cache_spec(
        &self,
        dir: &Path,
        paths: &[PathBuf],
        forced: Option<byline_engine::parse::InputFormat>,
    ) -> byline_engine::cache::CacheSpec {
        let options = format!("format {forced:?}, max {}", self.max_file_size());
        byline_engine::cache::CacheSpec::new(dir, paths, &options)
    }

    /// The size above which files are skipped, in bytes.
    pub fn max_file_size(&self) -> u64 {
        self.max_file_mib.map_or(byline_engine::load::MAX_FILE_SIZE, |mib| u64::from(mib.get()) * 1024 * 1024)
    }

    /// Parse config text; `path` names it in errors.
    pub fn parse(text: &str, path: &str) -> Result<Config, ConfigError> {
        parse_toml(text, path)
    }

    /// Read the config file. A missing file at the usual place means the
    /// defaults; a file named with `--config` must exist.
    pub fn load(path: &Path, required: bool) -> Result<Config, ConfigError> {
        let shown = path.display().to_string();
        match std::fs::read_to_string(path) {
            Ok(text) => Config::parse(&text, &shown),
            Err(err) if err.kind() == std::io::ErrorKind::NotFound && !required => Ok(Config::default()),
            Err(err) => Err(ConfigError::whole_file(&shown, &err)),
        }
    }

    /// The limits of the HTTP client.
    pub fn fetch_limits(&self) -> byline_engine::feeds::http::Limits {
        let mut limits = byline_engine::feeds::http::Limits::default();
        if let Some(secs) = self.fetch_timeout_secs {
            limits.timeout = std::time::Duration::from_secs(u64::from(secs.get()));
        }
        if let Some(retries) = self.fetch_retries {
            limits.retries = u32::from(retries);
        }
        if let Some(mib) = self.max_response_mib {
            limits.max_bytes = u64::from(mib.get()) * 1024 * 1024;
        }
        limits
    }

    /// Feeds fetched at once.
    pub fn fetch_jobs(&self) -> usize {
        self.fetch_jobs.map_or(byline_engine::feeds::fetch::DEFAULT_JOBS, |n| usize::from(n.get()))
    }

    /// The library paths, with a leading `~` meaning the home directory.
    pub fn library_paths(&self) -> Vec<PathBuf> {
        let home = directories::BaseDirs::new().map(|b| b.home_dir().to_path_buf());
        self.library
            .iter()
            .map(|p| match (p.strip_prefix("~/"), &home) {
                (Some(rest), Some(home)) => home.join(rest),
                _ => PathBuf::from(p),
            })
            .collect()
    }
}

/// Where byline keeps its files, following the platform's conventions (on
/// Linux the XDG directories).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paths {
    pub config_file: PathBuf,
    pub state_file: PathBuf,
    pub data_dir: PathBuf,
    /// The subscriptions, `feeds.toml` beside the config file.
    pub feeds_file: PathBuf,
    /// The parsed caches, one a library.
    pub cache_dir: PathBuf,
}

impl Paths {
    pub fn discover() -> Option<Paths> {
        let dirs = directories::ProjectDirs::from("", "", "byline")?;
        let state_dir = dirs.state_dir().unwrap_or(dirs.data_local_dir()).to_path_buf();
        Some(Paths {
            config_file: dirs.config_dir().join("config.toml"),
            state_file: state_dir.join("state.json"),
            data_dir: dirs.data_dir().to_path_buf(),
            feeds_file: dirs.config_dir().join("feeds.toml"),
            cache_dir: dirs.cache_dir().join("libraries"),
        })
    }
}

/// The commented default config file that `byline config --default` prints.
pub const DEFAULT_FILE: &str = r##"# byline configuration. Every setting is optional; the values shown are
# the defaults. Remove the leading "# " of a line to change it.

# Files or directories opened when none are given on the command line,
# together with the stories fetched from subscriptions (`byline feeds`).
# With neither: the bundled sample corpus.
# library = ["~/news", "~/Documents/saved-articles"]

# The longest line the reader shows, in columns (unset: the pane's width).
# wrap_width = 100

# How the story list is sorted when the reader opens: "newest", "oldest",
# "source" or "title" (S in the list cycles through them).
# sort = "newest"

# Files larger than this many MiB are skipped with a message, not read.
# max_file_mib = 64

# Keep what was parsed in a cache (one file a library, in the platform's
# cache directory) so that the next start reads only the files that
# changed. --no-cache turns it off for one run.
# cache = true

# Stories about one event from several sources (sharing a quote, rare names,
# or much of their title and lead, within a few days) are one row in the
# list, with +N for the other sources; z lists them under it. Set this to
# false for the flat list.
# group_stories = true

# Subscriptions (feeds.toml beside this file) are fetched only when asked:
# `byline fetch`, or r in the reader. Set this to fetch when the reader opens.
# fetch_on_start = false
# Feeds fetched at once.
# fetch_jobs = 8
# Seconds a feed may take to answer in full, retries included, before it is
# given up.
# fetch_timeout_secs = 30
# Further attempts, while time is left, after a refused or dropped
# connection, 408, 429 or 5xx.
# fetch_retries = 2
# Feed responses larger than this many MiB are refused.
# max_response_mib = 32

[layout]
# Width of the story list, in percent of a terminal 80 columns or wider.
# list_width = 40
# Where the tag picker opens: "popup" or "panel" (in place of the list).
# tag_picker = "popup"
# The story list's columns after the read and star marks, in order; a
# narrow list drops tags, then source, then date. "title" must be one.
# columns = ["date", "source", "title", "tags"]

[theme]
# Colours: a name (black, red, green, yellow, blue, magenta, cyan, gray,
# dark-gray, light-red, ..., white, reset), "#rrggbb", or 0 to 255.
# list = "reset"
# selected = "blue"
# unread = "cyan"
# reader = "reset"
# quote = "green"
# quote_current = "green"
# tags = "dark-gray"
# status = "dark-gray"
# border = "cyan"

[keys]
# Action = key or list of keys; these replace the action's default keys.
# Keys: a character, or Enter, Esc, Tab, Shift-Tab, Space, Backspace, Up,
# Down, Left, Right, Home, End, PgUp, PgDn, with Ctrl- or Alt- in front.
# Actions: quit, toggle_help, down, up, top, bottom, page_down, page_up,
# open, back, switch_focus, next_quote, prev_quote, next_match, prev_match,
# open_tag_picker, open_search, clear_filters, toggle_star, toggle_read,
# unread_only, starred_only, fetch, picker_toggle, submit, cancel,
# delete_back.
# down = ["j", "Down"]
# next_quote = "]"
"##;

#[cfg(test)]
mod tests;
