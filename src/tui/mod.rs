//! The terminal reader: a story list, a reading pane, a tag picker and a
//! search line, driven by the keyboard and the mouse. `app` holds the state
//! and the pure `update`; `keymap` the bindings as data; `ui` the drawing;
//! `run` the event loop. This is the only part of byline that knows ratatui.

pub mod app;
pub mod keymap;
pub mod panes;
pub mod picker;
pub mod run;
pub mod search;
pub mod ui;
pub mod wrap;

pub use app::{Action, App, Effect, Focus, Overlay};

use crate::load::Loaded;

/// Whether the user asked for no colour (`NO_COLOR` set and not empty).
pub fn no_color_requested() -> bool {
    std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty())
}

/// Open the reader on a loaded library.
pub fn start(loaded: Loaded) -> std::io::Result<()> {
    let app = App::new(loaded.library, loaded.skipped.len());
    let theme = ui::theme::Theme::new(no_color_requested());
    run::run(app, &theme)
}
