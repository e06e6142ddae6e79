//! The event loop: read terminal events, turn them into actions through the
//! keymap, update the app, draw, and carry out effects. The terminal is set
//! up and restored by ratatui (whose panic hook restores it too); SIGTERM
//! and SIGHUP end the loop so the terminal is restored on those as well.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableMouseCapture, EnableMouseCapture, Event, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent,
    MouseEventKind,
};
use ratatui::crossterm::execute;

use std::sync::mpsc::{Receiver, TryRecvError};

use super::app::{App, Effect, Msg};
use super::fetcher::Fetcher;
use super::keymap::{Context, Key};
use super::ui::{self, theme::Theme};
use byline_engine::load::{Progress, Skipped, Warning};
use byline_engine::state::{State, StateFile, now_millis};

/// Stories still arriving from the loading threads, and the reports about
/// files that came with them (printed when the reader closes).
pub struct Incoming {
    pub progress: Receiver<Progress>,
    /// Saved marks, for the stories as they arrive (shared with the
    /// fetcher, not copied).
    pub state: Arc<State>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
    /// Every file is read; the library is finishing, a slice a pump.
    read: bool,
    done: bool,
}

/// While loading, the screen is redrawn at least this often.
const LOADING_TICK: Duration = Duration::from_millis(50);

impl Incoming {
    pub fn new(progress: Receiver<Progress>, state: Arc<State>) -> Incoming {
        Incoming { progress, state, skipped: Vec::new(), warnings: Vec::new(), read: false, done: false }
    }

    /// Take in everything that has arrived; whether anything did.
    pub fn pump(&mut self, app: &mut App) -> bool {
        if self.done {
            return false;
        }
        if self.read {
            if app.finish_loading_step() {
                self.done = true;
            }
            return true;
        }
        let mut batches = 0;
        loop {
            match self.progress.try_recv() {
                Ok(Progress::Found { files, skipped }) => {
                    app.files_found(files);
                    app.skipped += skipped.len();
                    self.skipped.extend(skipped);
                }
                Ok(Progress::Batch(batch)) => {
                    let (skipped, warnings) = app.add_batch(batch, &self.state);
                    self.skipped.extend(skipped);
                    self.warnings.extend(warnings);
                    batches += 1;
                }
                Err(TryRecvError::Empty) => {
                    if batches > 0 {
                        app.stories_arrived();
                    }
                    return batches > 0;
                }
                Err(TryRecvError::Disconnected) => {
                    self.read = true;
                    if batches > 0 {
                        app.stories_arrived();
                    }
                    byline_engine::load::sort_reports(&mut self.skipped, &mut self.warnings);
                    return true;
                }
            }
        }
    }

    /// How long the loop may wait for a key before pumping again: a tick
    /// while files are read, none while the library finishes.
    fn wait(&self) -> Option<Duration> {
        match (self.done, self.read) {
            (true, _) => None,
            (false, false) => Some(LOADING_TICK),
            (false, true) => Some(Duration::ZERO),
        }
    }
}

/// Marks are saved this long after the first change, so a burst of keys
/// costs one write.
const SAVE_DELAY: Duration = Duration::from_millis(500);

/// Saves state when marks change (coalesced) and at the end.
struct Saver {
    file: Option<StateFile>,
    due: Option<Instant>,
}

impl Saver {
    fn request(&mut self) {
        if self.file.is_some() && self.due.is_none() {
            self.due = Some(Instant::now() + SAVE_DELAY);
        }
    }

    /// How long the loop may wait for an event before a save is due.
    fn wait(&self) -> Duration {
        let tick = Duration::from_millis(200);
        self.due.map_or(tick, |due| due.saturating_duration_since(Instant::now()).min(tick))
    }

    fn save_if_due(&mut self, app: &mut App) {
        if self.due.is_some_and(|due| Instant::now() >= due) {
            self.save(app);
        }
    }

    fn save(&mut self, app: &mut App) {
        self.due = None;
        let Some(file) = &mut self.file else { return };
        match file.save(&app.unsaved(now_millis())) {
            Ok(merged) => app.saved(&merged),
            Err(err) => {
                app.message = Some(format!("could not save state to {}: {err}", file.path().display()))
            }
        }
    }
}

/// Run the reader until the user quits or a terminating signal arrives,
/// saving state on the way out.
pub fn run(
    mut app: App,
    theme: &Theme,
    state: Option<StateFile>,
    mut incoming: Option<&mut Incoming>,
    fetcher: &mut Fetcher,
) -> io::Result<()> {
    let mut saver = Saver { file: state, due: None };
    let stop = Arc::new(AtomicBool::new(false));
    watch_for_termination(Arc::clone(&stop))?;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the reader needs a terminal; to print stories use `byline list` or `byline export`",
        ));
    }
    let mut terminal = ratatui::try_init()?;
    install_mouse_release_on_panic();
    let _ = execute!(io::stdout(), EnableMouseCapture);
    // A panic in the loop (a bug) is caught here: the terminal is restored
    // and the marks saved as on any other exit, and the user gets one line
    // naming the crash report instead of a trace over the screen.
    let result = byline_engine::crash::guard(|| {
        event_loop(&mut terminal, &mut app, theme, &stop, &mut saver, &mut incoming, fetcher)
    })
    .unwrap_or_else(|crashed| Err(io::Error::other(crashed)));
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    saver.save(&mut app);
    if let Some(message) = app.message.as_ref().filter(|m| m.starts_with("could not save")) {
        eprintln!("byline: {message}");
    }
    result
}

/// How long the loop has to notice SIGTERM or SIGHUP and end cleanly.
const GRACE: Duration = Duration::from_secs(2);

/// On SIGTERM or SIGHUP, ask the loop to stop (it saves state and restores
/// the terminal). If the terminal hung up, crossterm 0.29 can spin reading
/// end-of-file without ever returning to the loop; after a grace period
/// this thread then restores what it can and ends the process itself, so
/// a closed terminal never leaves a byline burning a core.
fn watch_for_termination(stop: Arc<AtomicBool>) -> io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            stop.store(true, Ordering::Relaxed);
            std::thread::sleep(GRACE);
            let _ = execute!(io::stdout(), DisableMouseCapture);
            ratatui::restore();
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

/// ratatui's panic hook restores the screen but not mouse reporting: turn
/// that off first, then hand over to it.
fn install_mouse_release_on_panic() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        let _ = execute!(io::stdout(), DisableMouseCapture);
        let _ = io::stdout().flush();
        previous(info);
    }));
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicBool,
    saver: &mut Saver,
    incoming: &mut Option<&mut Incoming>,
    fetcher: &mut Fetcher,
) -> io::Result<()> {
    // Start crossterm's event reader (and its SIGWINCH handler) before the
    // first frame, so a resize during start-up is not lost.
    let _ = event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    app.update(Msg::Resize(size.width, size.height));
    'frames: loop {
        terminal.draw(|frame| ui::draw(frame, app, theme))?;
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            // A bounded wait, so a signal, a due save or arriving stories
            // are noticed even when no key comes.
            let wait = [incoming.as_ref().and_then(|i| i.wait()), fetcher.wait()]
                .into_iter()
                .flatten()
                .fold(saver.wait(), Duration::min);
            if event::poll(wait)? {
                break;
            }
            saver.save_if_due(app);
            let loaded = incoming.as_mut().is_some_and(|i| i.pump(app));
            if fetcher.pump(app) || loaded {
                continue 'frames;
            }
        }
        // Take every event already queued before drawing again.
        loop {
            let effects = to_msg(app, event::read()?).map(|msg| app.update(msg)).unwrap_or_default();
            for effect in effects {
                match effect {
                    Effect::Quit => return Ok(()),
                    Effect::Suspend => {
                        saver.save(app);
                        suspend(terminal)?;
                        let size = terminal.size()?;
                        app.update(Msg::Resize(size.width, size.height));
                    }
                    Effect::SaveState => saver.request(),
                    Effect::Fetch => fetcher.start(app),
                    Effect::OpenLink(url) => {
                        app.message = Some(match crate::opener::open(&url) {
                            Ok(()) => format!("opened {url}"),
                            Err(err) => err.to_string(),
                        });
                    }
                }
            }
            if !event::poll(Duration::ZERO)? {
                break;
            }
        }
        saver.save_if_due(app);
        if let Some(incoming) = incoming.as_mut() {
            incoming.pump(app);
        }
        fetcher.pump(app);
    }
}

/// Ctrl-Z: give the terminal back as it was, stop until the shell's `fg`
/// continues byline, then take the terminal again and redraw it all. (In
/// raw mode the terminal sends Ctrl-Z as a key, not as SIGTSTP.) When no
/// shell can continue it (an orphaned process group) the stop signal is
/// discarded and the reader simply comes back.
fn suspend(terminal: &mut DefaultTerminal) -> io::Result<()> {
    use ratatui::crossterm::terminal::{EnterAlternateScreen, enable_raw_mode};
    let _ = execute!(io::stdout(), DisableMouseCapture);
    ratatui::restore();
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP)?;
    enable_raw_mode()?;
    execute!(io::stdout(), EnterAlternateScreen, EnableMouseCapture)?;
    // A new terminal value has an empty back buffer, so the next frame is
    // drawn whole. (`Terminal::clear` would ask the terminal where its
    // cursor is, and not every terminal answers.)
    *terminal = ratatui::Terminal::new(ratatui::backend::CrosstermBackend::new(io::stdout()))?;
    Ok(())
}

/// What a terminal event means in the app's current context.
pub fn to_msg(app: &App, event: Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_msg(app, key),
        Event::Mouse(mouse) => mouse_msg(mouse),
        Event::Resize(w, h) => Some(Msg::Resize(w, h)),
        _ => None,
    }
}

fn key_msg(app: &App, event: KeyEvent) -> Option<Msg> {
    // For the tests of crash handling only: `!` panics when asked to.
    if event.code == event::KeyCode::Char('!') && std::env::var_os("BYLINE_CRASH_TEST").is_some() {
        panic!("crash test: `!` pressed with BYLINE_CRASH_TEST set");
    }
    let context = app.context();
    let key = Key::from_event(event);
    if let Some(action) = app.keymap.action(context, key) {
        return Some(Msg::Action(action));
    }
    let typing = matches!(context, Context::Picker | Context::Search);
    match event.code {
        event::KeyCode::Char(c)
            if typing && !event.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) =>
        {
            Some(Msg::Insert(c))
        }
        _ => None,
    }
}

fn mouse_msg(mouse: MouseEvent) -> Option<Msg> {
    let (column, row) = (mouse.column, mouse.row);
    match mouse.kind {
        MouseEventKind::ScrollDown => Some(Msg::Scroll { column, row, down: true }),
        MouseEventKind::ScrollUp => Some(Msg::Scroll { column, row, down: false }),
        MouseEventKind::Down(event::MouseButton::Left) => Some(Msg::Click { column, row }),
        _ => None,
    }
}
