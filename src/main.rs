//! The `byline` binary: parse the command line, load the library, then hand
//! over to the terminal reader or a CLI command. The only place errors become
//! exit codes.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context as _;
use args::{Cli, Command, JsonStyle};
use byline::cli::feeds::{FeedsCommand, Places};
use byline::cli::fetch::FetchArgs;
use byline::cli::list::Column;
use byline::cli::progress::{self, ProgressBar};
use byline::cli::{self, export::ExportFormat};
use byline::config::{Config, Paths};
use byline::tui::Stories;
use byline_engine::cache::{Cache, CacheSpec};
use byline_engine::filter::TagFilter;
use byline_engine::load::{self, Skipped, Warning};
use byline_engine::parse::InputFormat;
use byline_engine::state::{LoadedState, StateFile, library_key};
use byline_engine::{Filter, Library, Loaded, Story};
use clap::Parser;

/// Loading parses on every core at once, and glibc's per-thread arenas grow
/// a few pages at a time under that (tens of thousands of `mprotect` calls
/// in one load). Measured at 100,000 stories: jemalloc makes `byline tags`
/// and `byline quotes` about a tenth faster in the same memory; mimalloc
/// gained less and took 7 % more memory (`bench/RESULTS.md`).
#[global_allocator]
static ALLOCATOR: tikv_jemallocator::Jemalloc = tikv_jemallocator::Jemalloc;

mod args;

fn main() -> ExitCode {
    let cli = Cli::parse();
    // The crash hook writes a report and prints nothing: a panic anywhere
    // ends here with one line naming the report.
    match byline_engine::crash::guard(|| run(cli)) {
        Ok(Ok(code)) => code,
        // stderr may be a terminal that went away: a line that cannot be
        // written is dropped (`eprintln!` would panic).
        Ok(Err(err)) => {
            let _ = writeln!(io::stderr(), "byline: {err:#}");
            ExitCode::from(2)
        }
        Err(crashed) => {
            let _ = writeln!(io::stderr(), "byline: {crashed}");
            ExitCode::from(101)
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let dirs = Paths::discover();
    byline_engine::crash::install(dirs.as_ref().and_then(|d| d.state_file.parent().map(Into::into)));
    let config_path = cli.config.clone().or_else(|| dirs.as_ref().map(|d| d.config_file.clone()));
    // Before the config is read, so a broken one can still be found.
    if let Some(Command::Config { default, .. }) = &cli.command {
        let shown = if *default {
            cli::config::Shown::DefaultFile
        } else {
            cli::config::Shown::Path(config_path.context("no config directory: HOME is not set")?)
        };
        write_stdout(|out| cli::config::write(out, &shown)).context("writing output")?;
        return Ok(ExitCode::SUCCESS);
    }
    let context = Context::resolve(&cli, dirs.as_ref(), config_path.as_deref())?;
    match cli.command {
        Some(Command::Feeds { command }) => feeds_command(command, &context),
        Some(Command::Fetch(args)) => fetch_command(args, &context),
        None => read_command(cli.paths, cli.format.or(cli.input_format), context),
        Some(command) => {
            let formats = (cli.format, cli.input_format);
            library_command(command, cli.paths, formats, context)
        }
    }
}

/// What every command needs, resolved once from the arguments and the
/// config file.
struct Context {
    config: Config,
    /// `None` with `--no-state` or without a home directory.
    state_file: Option<StateFile>,
    /// Subscriptions and fetched items; `None` without a home directory.
    places: Option<Places>,
    /// Where parsed caches are kept; `None` with `--no-cache`,
    /// `cache = false` or without a home directory.
    cache_dir: Option<PathBuf>,
}

impl Context {
    fn resolve(
        cli: &Cli,
        dirs: Option<&Paths>,
        config_path: Option<&std::path::Path>,
    ) -> anyhow::Result<Context> {
        let mut config = match config_path {
            Some(path) => Config::load(path, cli.config.is_some())?,
            None => Config::default(),
        };
        if let Some(mib) = cli.max_file_mib {
            config.max_file_mib = Some(mib);
        }
        let state_file = dirs.filter(|_| !cli.no_state).map(|d| StateFile::new(d.state_file.clone()));
        // Subscriptions sit beside the config file in use (`--config` too).
        let places = dirs.map(|d| Places {
            file: byline_engine::feeds::SubscriptionFile::new(match &cli.config {
                Some(config) => config.with_file_name("feeds.toml"),
                None => d.feeds_file.clone(),
            }),
            store: byline_engine::feeds::Store::new(&d.data_dir),
            limits: config.fetch_limits(),
        });
        let cache_dir =
            dirs.filter(|_| !cli.no_cache && config.cache != Some(false)).map(|d| d.cache_dir.clone());
        Ok(Context { config, state_file, places, cache_dir })
    }

    fn places(&self) -> anyhow::Result<&Places> {
        self.places.as_ref().ok_or_else(|| anyhow::anyhow!("no place for subscriptions: HOME is not set"))
    }

    /// The saved marks and positions; a notice (a state file set aside) is
    /// printed.
    fn load_state(&mut self) -> LoadedState {
        let loaded = self.state_file.as_mut().map(StateFile::load).unwrap_or_default();
        if let Some(notice) = &loaded.notice {
            eprintln!("byline: {notice}");
        }
        loaded
    }

    /// The parsed cache for a library of `paths` read with `forced`.
    fn cache_spec(&self, paths: &[PathBuf], forced: Option<InputFormat>) -> Option<CacheSpec> {
        self.cache_dir
            .as_ref()
            .filter(|_| !paths.is_empty())
            .map(|dir| self.config.cache_spec(dir, paths, forced))
    }

    /// The paths named, or with none the configured library and the
    /// fetched stories.
    fn library_paths(&self, named: Vec<PathBuf>) -> Vec<PathBuf> {
        if !named.is_empty() {
            return named;
        }
        let mut paths = self.config.library_paths();
        paths.extend(self.places.as_ref().map(|p| &p.store).filter(|s| s.has_items()).map(|s| s.items_dir()));
        paths
    }
}

/// `byline feeds ...`: manage subscriptions.
fn feeds_command(command: FeedsCommand, context: &Context) -> anyhow::Result<ExitCode> {
    let places = context.places()?;
    write_stdout(|out| cli::feeds::run(command, places, out).map_err(io::Error::other))?;
    Ok(ExitCode::SUCCESS)
}

/// `byline fetch`: every subscription (or those named) now; status 1 if
/// any failed.
fn fetch_command(FetchArgs { urls, jobs }: FetchArgs, context: &Context) -> anyhow::Result<ExitCode> {
    let Places { file, store, .. } = context.places()?;
    let subs = cli::fetch::chosen(file.load()?, &urls)?;
    if subs.is_empty() {
        eprintln!("byline: no subscriptions yet; add one with `byline feeds add URL`");
        return Ok(ExitCode::SUCCESS);
    }
    let config = &context.config;
    let jobs = jobs.map_or(config.fetch_jobs(), |n| usize::from(n.get()));
    let mut out = io::stdout().lock();
    let summary = cli::fetch::fetch(&subs, store, config.fetch_limits(), jobs, &mut out)?;
    Ok(if summary.failed == 0 { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// `byline [PATH...]`: the terminal reader. It opens at once and shows
/// stories as they load.
fn read_command(
    named: Vec<PathBuf>,
    forced: Option<InputFormat>,
    mut context: Context,
) -> anyhow::Result<ExitCode> {
    let LoadedState { state, notice } = context.load_state();
    let paths = context.library_paths(named);
    let cache = context.cache_spec(&paths, forced);
    let Context { config, state_file, places, .. } = context;
    let stories = if paths.is_empty() {
        let mut loaded = byline::sample::load();
        loaded.library.apply_state(&state, 0);
        Stories::Loaded(Box::new(loaded))
    } else {
        let max_file_size = config.max_file_size();
        // Ids are worked out on the loading threads when marks are kept
        // (saved marks and places are looked up by id, and each save
        // matches marks by id); with --no-state only the cache needs them,
        // after loading.
        let story_ids = state_file.is_some();
        // The reader shows a cached library before checking its files,
        // and checks them after (`App::reread`).
        let options = load::Options {
            forced,
            max_file_size,
            story_ids,
            cache: cache.clone(),
            trust_stamps: true,
            keep_text: true,
        };
        Stories::Loading(load::spawn(&paths, options.clone())?, options)
    };
    let feeds = places.map(|Places { file, store, .. }| byline::tui::workers::FeedSetup {
        file,
        store,
        limits: config.fetch_limits(),
        jobs: config.fetch_jobs(),
    });
    let library_key = library_key(&paths);
    let options = byline::tui::Options { config, state_file, state, notice, library_key, feeds, cache };
    let (skipped, warnings) = byline::tui::start(stories, options).context("running the terminal reader")?;
    report(&skipped, &warnings);
    Ok(ExitCode::SUCCESS)
}

/// `export`, `list`, `tags`, `quotes`: load the library, print, and exit 2
/// if any file was skipped. `--format` before `export` names the input
/// format (after it, the output format); `--input-format` applies to all.
fn library_command(
    command: Command,
    mut named: Vec<PathBuf>,
    (top_format, input_format): (Option<InputFormat>, Option<InputFormat>),
    mut context: Context,
) -> anyhow::Result<ExitCode> {
    let (forced, paths) = match &command {
        Command::Export { paths, .. } => (top_format, paths),
        Command::List { format, paths, .. }
        | Command::Tags { format, paths, .. }
        | Command::Sources { format, paths, .. }
        | Command::Quotes { format, paths, .. }
        | Command::People { format, paths, .. }
        | Command::Clusters { format, paths, .. } => (*format, paths),
        Command::Config { .. } | Command::Feeds { .. } | Command::Fetch(_) => {
            unreachable!("run() dispatches these before loading")
        }
    };
    let forced = forced.or(input_format);
    // Paths may come before the command (`byline ~/news list`) or after it.
    named.extend(paths.iter().cloned());
    let LoadedState { state, .. } = context.load_state();
    let paths = context.library_paths(named);
    // Tag counts and quotes do not depend on read and starred marks: those
    // commands never need a story's id.
    let marks_matter =
        !matches!(command, Command::Tags { .. } | Command::Quotes { .. } | Command::People { .. });
    let max_file_size = context.config.max_file_size();
    let cache = context.cache_spec(&paths, forced);
    // Tags counted in a library the cache saw as it is now: the cache's
    // own counts, no story read.
    if let (Command::Tags { .. }, Some(spec)) = (&command, &cache)
        && let Some(tags) = Cache::open(spec, forced).ok().and_then(|cache| cache.unchanged_tags())
    {
        write_stdout(|out| cli::tags::write(out, tags.iter().map(|(name, count)| (name.as_str(), *count))))
            .context("writing output")?;
        return Ok(ExitCode::SUCCESS);
    }
    // Counting tags and sources, and listing without a search, never read
    // a story's text: unless a cache is to be written with it, it is
    // dropped as each file is parsed.
    let reads_text = match &command {
        Command::Tags { .. } | Command::Sources { .. } => false,
        Command::List { search, .. } => search.is_some(),
        _ => true,
    };
    let options = load::Options {
        forced,
        max_file_size,
        story_ids: marks_matter,
        cache: cache.clone(),
        trust_stamps: false,
        keep_text: reads_text || cache.is_some(),
    };
    let mut loaded = load(&paths, options)?;
    report(&loaded.skipped, &loaded.warnings);
    if marks_matter {
        loaded.library.apply_state(&state, 0);
    }
    write_stdout(|out| print_command(command, &loaded.library, out)).context("writing output")?;
    // The output is out: the cache is written after it, so a pipe reads
    // no later for it. It is a cache: a failure to write it costs only
    // the next start's time.
    if let Some(spec) = cache.filter(|spec| spec.wants(&loaded.manifest)) {
        let _ = byline_engine::cache::write(&spec, &loaded.library, &loaded.manifest);
    }
    let code = if loaded.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(2) };
    // The process ends here: freeing a million strings one by one would
    // only delay the exit (tenths of a second at 100,000 stories).
    std::mem::forget(loaded);
    Ok(code)
}

/// The output of a library command.
fn print_command(command: Command, library: &Library, out: &mut dyn Write) -> io::Result<()> {
    match command {
        Command::Export { format, .. } => {
            let format = match format {
                JsonStyle::Json => ExportFormat::Json,
                JsonStyle::Jsonl => ExportFormat::Jsonl,
            };
            // The people are found with the quotes, in one reading; the
            // clusters from both.
            let clusters = byline_engine::clusters::cluster(library.stories());
            let stories =
                library.order().iter().map(|&i| (&library.stories()[i], clusters.id_of(i).unwrap_or("")));
            cli::export::write(out, stories, format)
        }
        Command::List { tags, sources, search, unread, starred, sort, columns, .. } => {
            let filter = Filter {
                tags: tag_filters(&tags),
                sources,
                search: search.unwrap_or_default(),
                unread_only: unread,
                starred_only: starred,
                sort: sort.unwrap_or_default(),
            };
            let columns = if columns.is_empty() { Column::DEFAULT.to_vec() } else { columns };
            cli::list::write(out, &select(library, &filter), &columns, byline::dates::local_now())
        }
        Command::Tags { .. } => {
            cli::tags::write(out, library.tags().iter().map(|t| (t.name.as_str(), t.stories.len())))
        }
        Command::Sources { .. } => cli::sources::write(out, library),
        Command::Quotes { speaker, tags, cues, .. } => {
            let stories = select(library, &Filter { tags: tag_filters(&tags), ..Filter::default() });
            byline_engine::model::find_all_quotes(&stories);
            let quotes = cli::quotes::select(&stories, speaker.as_deref());
            cli::quotes::write(out, &quotes, cues)
        }
        Command::People { tags, sources, quoted, .. } => {
            let filter = Filter { tags: tag_filters(&tags), sources, ..Filter::default() };
            cli::people::print(out, library, &filter, quoted)
        }
        Command::Clusters { tags, .. } => {
            cli::clusters::print(out, library, &Filter { tags: tag_filters(&tags), ..Filter::default() })
        }
        Command::Config { .. } | Command::Feeds { .. } | Command::Fetch(_) => Ok(()),
    }
}

/// `--tag NAME` options as filters by name.
fn tag_filters(tags: &[String]) -> Vec<TagFilter> {
    tags.iter().map(|t| TagFilter::Name(t.clone())).collect()
}

/// The stories `filter` lets through, in reading order.
fn select<'a>(library: &'a Library, filter: &Filter) -> Vec<&'a Story> {
    filter.apply(library).into_iter().map(|i| &library.stories()[i]).collect()
}

/// Load for a command, with a progress bar on stderr when that is a
/// terminal and the load takes a while.
fn load(paths: &[PathBuf], options: load::Options) -> anyhow::Result<Loaded> {
    if paths.is_empty() {
        return Ok(byline::sample::load());
    }
    let progress = load::spawn(paths, options)?;
    if !io::stderr().is_terminal() {
        return Ok(load::receive_all(&progress, |_, _| {}));
    }
    let mut bar = ProgressBar::new(io::stderr(), progress::delay());
    let loaded = load::receive_all(&progress, |done, total| bar.update(done, total));
    bar.finish();
    Ok(loaded)
}

/// Tell the user, on stderr, about every file skipped or patched.
fn report(skipped: &[Skipped], warnings: &[Warning]) {
    let mut err = io::stderr().lock();
    for skipped in skipped {
        let _ = writeln!(err, "byline: {skipped}");
    }
    for warning in warnings {
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
