//! The command line as clap reads it: the options, the commands and
//! their arguments, and the parsers of option values.

use std::path::PathBuf;

use byline::cli::feeds::FeedsCommand;
use byline::cli::fetch::FetchArgs;
use byline::cli::list::Column;
use byline_engine::library::SortOrder;
use byline_engine::parse::InputFormat;
use clap::{Parser, Subcommand, ValueEnum};

/// A terminal news reader: story list, reading pane, tag filter and quote
/// jumping over the news files you keep.
#[derive(Debug, Parser)]
#[command(name = "byline", version, subcommand_precedence_over_arg = true)]
#[command(
    after_help = "With no PATH, byline opens the `library` of its config file and every story fetched\nfrom your subscriptions (see `byline feeds --help`); with neither, its bundled sample corpus.\nRun `byline` and press ? for the keys."
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Option<Command>,

    /// Files or directories of articles to read
    pub(crate) paths: Vec<PathBuf>,

    /// Read settings from FILE instead of the usual config.toml
    #[arg(long, global = true, value_name = "FILE")]
    pub(crate) config: Option<PathBuf>,

    /// Neither read nor save read/starred marks and positions
    #[arg(long, global = true)]
    pub(crate) no_state: bool,

    /// Neither read nor write the parsed cache: parse every file
    #[arg(long, global = true)]
    pub(crate) no_cache: bool,

    /// Skip files larger than N MiB (default 64, or max_file_mib in the config)
    #[arg(long, global = true, value_name = "N")]
    pub(crate) max_file_mib: Option<std::num::NonZeroU32>,

    /// Read every file as FORMAT (text, json, markdown, rss, atom, jsonfeed, html)
    /// whatever its name or content
    #[arg(long = "input-format", global = true, value_name = "FORMAT", value_parser = parse_input_format)]
    pub(crate) input_format: Option<InputFormat>,

    /// Same as --input-format (for the reader; `export --format` is the output format)
    #[arg(long = "format", value_name = "FORMAT", value_parser = parse_input_format, hide = true)]
    pub(crate) format: Option<InputFormat>,
}

pub(crate) fn parse_input_format(name: &str) -> Result<InputFormat, String> {
    InputFormat::from_name(name).ok_or_else(|| {
        format!("unknown format `{name}`; expected text, json, markdown, rss, atom, jsonfeed or html")
    })
}

pub(crate) fn parse_column(name: &str) -> Result<Column, String> {
    Column::from_name(name.trim())
        .ok_or_else(|| format!("unknown column `{name}`; expected id, date, source, title or tags"))
}

pub(crate) fn parse_sort(name: &str) -> Result<SortOrder, String> {
    SortOrder::ALL
        .into_iter()
        .find(|o| o.name() == name)
        .ok_or_else(|| format!("unknown order `{name}`; expected newest, oldest, source or title"))
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Print the stories as JSON (the schema of FORMAT.md)
    Export {
        /// json: one array; jsonl: one object a line
        #[arg(long, value_enum, default_value_t = JsonStyle::Json)]
        format: JsonStyle,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// List stories: short id, title, tags
    List {
        /// Read every file as FORMAT, whatever its name or content
        #[arg(long = "format", value_name = "FORMAT", value_parser = parse_input_format)]
        format: Option<InputFormat>,
        /// Only stories with a tag matching NAME (whole words, any case); repeat for all of several
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
        /// Only stories whose title, text or tags hold every word of TEXT (the last may be a prefix)
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Only stories not yet read
        #[arg(long)]
        unread: bool,
        /// Only starred stories
        #[arg(long)]
        starred: bool,
        /// Only stories from SOURCE (a feed's title, a site's host, a folder's
        /// name; any case); repeat for any of several
        #[arg(long = "source", value_name = "SOURCE")]
        sources: Vec<String>,
        /// Print COLUMNS, comma-separated, in this order: id, date, source,
        /// title, tags (the default: all five)
        #[arg(long, value_name = "COLUMNS", value_delimiter = ',', value_parser = parse_column)]
        columns: Vec<Column>,
        /// List in ORDER: newest (the default), oldest, source or title
        #[arg(long, value_name = "ORDER", value_parser = parse_sort)]
        sort: Option<SortOrder>,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Tag names with their story counts, most used first
    Tags {
        /// Read every file as FORMAT, whatever its name or content
        #[arg(long = "format", value_name = "FORMAT", value_parser = parse_input_format)]
        format: Option<InputFormat>,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Sources (feed titles, site hosts, folder names) with their story and unread counts
    Sources {
        /// Read every file as FORMAT, whatever its name or content
        #[arg(long = "format", value_name = "FORMAT", value_parser = parse_input_format)]
        format: Option<InputFormat>,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Who said what: speaker, quote, story title
    Quotes {
        /// Read every file as FORMAT, whatever its name or content
        #[arg(long = "format", value_name = "FORMAT", value_parser = parse_input_format)]
        format: Option<InputFormat>,
        /// Only quotes whose speaker matches NAME (whole words, any case)
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only stories with a tag matching NAME; repeat for all of several
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
        /// Show the attribution phrase that names each speaker (`said`,
        /// `told reporters`, `according to`)
        #[arg(long)]
        cues: bool,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Everyone the stories name: name, kind (person or organisation),
    /// stories, quotes
    People {
        /// Read every file as FORMAT, whatever its name or content
        #[arg(long = "format", value_name = "FORMAT", value_parser = parse_input_format)]
        format: Option<InputFormat>,
        /// Only stories with a tag matching NAME; repeat for all of several
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
        /// Only stories from SOURCE (any case); repeat for any of several
        #[arg(long = "source", value_name = "SOURCE")]
        sources: Vec<String>,
        /// Only people quoted, most quoted first, counting the stories that quote them
        #[arg(long)]
        quoted: bool,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Stories about the same event from different sources: each group's
    /// size, sources, titles and what joined them
    Clusters {
        /// Read every file as FORMAT, whatever its name or content
        #[arg(long = "format", value_name = "FORMAT", value_parser = parse_input_format)]
        format: Option<InputFormat>,
        /// Only clusters with a story tagged NAME; repeat for all of several
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Manage subscriptions: add, list, remove, import and export feeds
    Feeds {
        #[command(subcommand)]
        command: FeedsCommand,
    },
    /// Fetch every subscription now; exit status 1 if any feed failed
    Fetch(FetchArgs),
    /// Show where the config file is, or print a commented default one
    Config {
        /// Print a commented config file with every setting and its default
        #[arg(long, conflicts_with = "path")]
        default: bool,
        /// Print the path the config file is read from (the default action)
        #[arg(long)]
        path: bool,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(crate) enum JsonStyle {
    Json,
    Jsonl,
}
