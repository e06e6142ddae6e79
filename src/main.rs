//! The `byline` binary: parse the command line, load the library, then hand
//! over to the terminal reader or a CLI command. The only place errors become
//! exit codes.

use std::io::{self, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use byline::cli::{self, export::ExportFormat};
use byline::filter::TagFilter;
use byline::{Filter, Loaded, Story};
use clap::{Parser, Subcommand, ValueEnum};

/// A terminal news reader: story list, reading pane, tag filter and quote
/// jumping over the news files you keep.
#[derive(Debug, Parser)]
#[command(name = "byline", version, args_conflicts_with_subcommands = true)]
#[command(
    after_help = "With no PATH, byline opens its bundled sample corpus.\nRun `byline` and press ? for the keys."
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,

    /// Files or directories of articles to read
    paths: Vec<PathBuf>,
}

#[derive(Debug, Subcommand)]
enum Command {
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
        /// Only stories with a tag matching NAME (whole words, any case); repeat for all of several
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
        /// Only stories whose title, text, tags or speakers contain every word of TEXT
        #[arg(long, value_name = "TEXT")]
        search: Option<String>,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Tag names with their story counts, most used first
    Tags {
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
    /// Who said what: speaker, quote, story title
    Quotes {
        /// Only quotes whose speaker matches NAME (whole words, any case)
        #[arg(long, value_name = "NAME")]
        speaker: Option<String>,
        /// Only stories with a tag matching NAME; repeat for all of several
        #[arg(long = "tag", value_name = "NAME")]
        tags: Vec<String>,
        /// Files or directories of articles
        paths: Vec<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum JsonStyle {
    Json,
    Jsonl,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            eprintln!("byline: {err:#}");
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let paths = match &cli.command {
        None => &cli.paths,
        Some(
            Command::Export { paths, .. }
            | Command::List { paths, .. }
            | Command::Tags { paths }
            | Command::Quotes { paths, .. },
        ) => paths,
    };
    let loaded = load(paths)?;
    report(&loaded);
    let Some(command) = cli.command else {
        byline_tui(loaded)?;
        return Ok(ExitCode::SUCCESS);
    };
    let library = &loaded.library;
    let select = |tags: &[String], search: Option<&str>| -> Vec<&Story> {
        let filter = Filter {
            tags: tags.iter().map(|t| TagFilter::Name(t.clone())).collect(),
            search: search.unwrap_or_default().to_string(),
            ..Filter::default()
        };
        filter.apply(library).into_iter().map(|i| &library.stories()[i]).collect()
    };
    let written = match command {
        Command::Export { format, .. } => {
            let format = match format {
                JsonStyle::Json => ExportFormat::Json,
                JsonStyle::Jsonl => ExportFormat::Jsonl,
            };
            write_stdout(|out| cli::export::write(out, library.stories().iter(), format))
        }
        Command::List { tags, search, .. } => {
            let stories = select(&tags, search.as_deref());
            write_stdout(|out| cli::list::write(out, &stories))
        }
        Command::Tags { .. } => write_stdout(|out| cli::tags::write(out, library)),
        Command::Quotes { speaker, tags, .. } => {
            let stories = select(&tags, None);
            let quotes = cli::quotes::select(&stories, speaker.as_deref());
            write_stdout(|out| cli::quotes::write(out, &quotes))
        }
    };
    written.context("writing output")?;
    Ok(if loaded.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) })
}

fn load(paths: &[PathBuf]) -> anyhow::Result<Loaded> {
    if paths.is_empty() {
        return Ok(byline::load_sample());
    }
    Ok(byline::load_paths(paths)?)
}

/// Tell the user, on stderr, about every file skipped or patched.
fn report(loaded: &Loaded) {
    let mut err = io::stderr().lock();
    for skipped in &loaded.skipped {
        let _ = writeln!(err, "byline: {skipped}");
    }
    for warning in &loaded.warnings {
        let _ = writeln!(err, "byline: {warning}");
    }
}

/// Write to stdout through a buffer; a reader that went away (`| head -1`)
/// ends the output quietly.
fn write_stdout(f: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match f(&mut out).and_then(|()| out.flush()) {
        Err(err) if err.kind() == io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

fn byline_tui(loaded: Loaded) -> anyhow::Result<()> {
    byline::tui::start(loaded).context("running the terminal reader")
}
