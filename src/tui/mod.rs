//! The terminal reader: a story list, a reading pane, a tag picker and a
//! search line, driven by the keyboard and the mouse. `app` holds the state
//! and the pure `update`; `keymap` the bindings as data; `ui` the drawing;
//! `run` the event loop. This is the only part of byline that knows ratatui.

pub mod app;
pub mod clipboard;
pub mod keymap;
pub mod msg;
pub mod panes;
pub mod people;
pub mod picker;
pub mod run;
pub mod search;
mod terminal;
pub mod ui;
pub mod workers;
pub mod wrap;

pub use app::{Action, App, Effect, Focus, Msg, Overlay};

use std::sync::Arc;
use std::sync::mpsc::Receiver;

use crate::config::Config;
use byline_engine::load::{Loaded, Progress, Skipped, Warning};
use byline_engine::state::{State, StateFile};

/// Whether the user asked for no colour (`NO_COLOR` set and not empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// What the reader starts with besides the stories.
pub struct Options {
    pub config: Config,
    /// Where marks are saved; `None` with `--no-state`.
    pub state_file: Option<StateFile>,
    /// The state loaded at start: marks and the saved positions.
    pub state: State,
    /// A line for the status bar about the state file.
    pub notice: Option<String>,
    /// Names this library in the saved positions.
    pub library_key: String,
    /// Subscriptions, for `r`; `None` without a home directory.
    pub feeds: Option<workers::FeedSetup>,
    /// The parsed cache to write once the library is loaded; `None` when
    /// there is none (`--no-cache`, `cache = false`, the sample).
    pub cache: Option<byline_engine::cache::CacheSpec>,
}

/// The app for a library, set up as the config and saved state say.
pub fn build_app(loaded: Loaded, options: &Options) -> App {
    let config = &options.config;
    let mut app = App::new(loaded.library, loaded.skipped.len());
    let overrides: Vec<(Action, Vec<keymap::Key>)> =
        config.keys.iter().map(|(name, keys)| (name.0, keys.0.clone())).collect();
    app.keymap = keymap::Keymap::default().with_overrides(&overrides);
    app.list_percent = config.layout.list_width.0;
    app.wrap_width = config.wrap_width;
    app.picker_placement = config.layout.tag_picker;
    app.filter.sort = config.sort;
    app.list_columns = config.layout.columns.0.clone();
    app.library_key = options.library_key.clone();
    app.cache = options.cache.clone();
    app.grouping.on = config.group_stories.unwrap_or(true);
    if app.grouping.on {
        app.want_people();
    }
    app.message = options.notice.clone();
    if let Some(position) = options.state.positions.get(&options.library_key) {
        app.restore(position);
    }
    if config.fetch_on_start {
        app.fetch = app::fetching::FetchStatus::Wanted;
    }
    app
}

/// Where the reader's stories come from.
pub enum Stories {
    /// Read already, marks applied (the bundled sample).
    Loaded(Box<Loaded>),
    /// Arriving from `load::spawn`: the reader opens at once and shows
    /// them as they come.
    Loading(Receiver<Progress>, byline_engine::load::Options),
}

/// Open the reader. Returns the reports about files that came in while it
/// was open, to print once the terminal is back.
pub fn start(stories: Stories, options: Options) -> std::io::Result<(Vec<Skipped>, Vec<Warning>)> {
    let theme = ui::theme::Theme::with_config(no_color_requested(), &options.config.theme);
    match stories {
        Stories::Loaded(loaded) => {
            let app = build_app(*loaded, &options);
            let mut fetcher = workers::Fetcher::new(options.feeds, Arc::new(options.state));
            run::run(app, &theme, options.state_file, None, &mut fetcher)?;
            Ok((Vec::new(), Vec::new()))
        }
        Stories::Loading(progress, read_with) => {
            let mut app = build_app(Loaded::default(), &options);
            app.reread = Some(read_with);
            app.start_loading(options.state.positions.get(&options.library_key).cloned());
            let state = Arc::new(options.state);
            let mut fetcher = workers::Fetcher::new(options.feeds, Arc::clone(&state));
            let mut incoming = workers::Incoming::new(progress, state);
            run::run(app, &theme, options.state_file, Some(&mut incoming), &mut fetcher)?;
            Ok((incoming.skipped, incoming.warnings))
        }
    }
}
