//! The terminal while the reader has it: taken (raw mode, the alternate
//! screen, the mouse), drawn to a whole frame at a time, and given back as
//! it was on every way out: quit, Ctrl-Z, SIGTERM or SIGHUP, a closed
//! window, and a crash in the reader's own thread.

use std::io;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use ratatui::crossterm::{execute, queue};

use super::app::App;
use super::ui::{self, theme::Theme};

/// How long the loop has to notice SIGTERM or SIGHUP and end cleanly.
const GRACE: Duration = Duration::from_secs(2);

/// On SIGTERM or SIGHUP, ask the loop to stop (it saves state and restores
/// the terminal). If the terminal hung up, crossterm 0.29 can spin reading
/// end-of-file without ever returning to the loop; after a grace period
/// this thread then restores what it can and ends the process itself, so
/// a closed terminal never leaves a byline burning a core.
pub(super) fn watch_for_termination(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    byline_engine::parallel::spawn_named("signals", move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            give_back_terminal();
            std::process::exit(128 + signal);
        }
    })
}

/// A panic in the reader's own thread ends the reader: the terminal is
/// given back first, then the crash report is written (the hook that
/// `crash::install` set). A panic in another thread is one that thread's
/// own (a parser that falls over on one file, caught): the reader goes on
/// with its screen, keys and mouse as they are. (ratatui's hook would
/// restore the terminal whatever the thread.)
pub(super) fn install_panic_hook() {
    let report = std::panic::take_hook();
    let reader = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == reader {
            give_back_terminal();
        }
        report(info);
    }));
}

/// Take the terminal for the reader, as `ratatui::try_init` does but
/// without its panic hook: raw mode, the alternate screen, and the mouse
/// where the terminal reports it. A new terminal value has an empty back
/// buffer, so its first frame is drawn whole.
pub(super) fn take_terminal() -> io::Result<DefaultTerminal> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen)?;
    let _ = execute!(io::stdout(), EnableMouseCapture);
    ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))
}

/// Give the terminal back as byline found it: mouse reporting off, a
/// synchronized update a crash may have left open in the middle of a
/// frame ended, raw mode off, the main screen back. Errors are ignored: a
/// terminal that went away (a closed window) cannot be restored, and
/// saying so on its stderr would fail too (`ratatui::restore` panics
/// then, which in the signal thread left byline spinning on the dead
/// terminal instead of ending).
pub(super) fn give_back_terminal() {
    let _ = execute!(io::stdout(), EndSynchronizedUpdate, DisableMouseCapture);
    let _ = ratatui::try_restore();
}

/// Draw a frame as one synchronized update (DEC mode 2026): a terminal
/// that knows the mode shows the frame whole, never half drawn, and one
/// that does not ignores the two marks.
pub(super) fn draw(terminal: &mut DefaultTerminal, app: &App, theme: &Theme) -> io::Result<()> {
    queue!(terminal.backend_mut(), BeginSynchronizedUpdate)?;
    terminal.draw(|frame| ui::draw(frame, app, theme))?;
    execute!(terminal.backend_mut(), EndSynchronizedUpdate)
}

/// Ctrl-Z: give the terminal back as it was, stop until the shell's `fg`
/// continues byline, then take the terminal again and redraw it all. (In
/// raw mode the terminal sends Ctrl-Z as a key, not as SIGTSTP.) When no
/// shell can continue it (an orphaned process group) the stop signal is
/// discarded and the reader simply comes back.
pub(super) fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    give_back_terminal();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    // The next frame is drawn whole on the new terminal value.
    // (`Terminal::clear` would ask the terminal where its cursor is, and
    // not every terminal answers.)
    *terminal = take_terminal()?;
    Ok(())
}
