//! The event loop: read terminal events, turn them into messages through
//! the keymap, hand them and the background work's replies to `App::update`,
//! draw, and carry out the effects. The terminal itself, taken and given
//! back on every way out, is `terminal`'s.

use std::io::{self, IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, Event, KeyEvent, KeyEventKind, KeyModifiers, MouseEvent, MouseEventKind,
};

use super::app::{App, Effect, Msg};
use super::keymap::Key;
use super::terminal::{
    draw, give_back_terminal, install_panic_hook, suspend, take_terminal, watch_for_termination,
};
use super::ui::theme::Theme;
use super::workers::{Fetcher, Incoming, LOADING_TICK, Saver};
use byline_engine::search_index::WordIndex;
use byline_engine::state::StateFile;

/// Whether the loop goes on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Flow {
    Continue,
    Quit,
}

/// The loop's helpers: the workers whose replies become messages, and the
/// carrying out of the app's effects.
struct Background<'a> {
    saver: Saver,
    incoming: Option<&'a mut Incoming>,
    fetcher: &'a mut Fetcher,
    /// The minute of the last `Msg::Tick`.
    minute: i64,
    /// The thread writing the parsed cache, if one was started.
    cache_writer: Option<std::thread::JoinHandle<()>>,
    /// The word index being built by a thread.
    indexing: Option<std::sync::mpsc::Receiver<Msg>>,
    /// The reader is ending (a quit, or SIGTERM/SIGHUP): the word index
    /// is then given up.
    stop: Arc<AtomicBool>,
    /// Everyone's quotes and people being found by threads, a part of the
    /// library each.
    peopling: Vec<std::sync::mpsc::Receiver<Msg>>,
    /// The stories being clustered by a thread.
    clustering: Option<std::sync::mpsc::Receiver<Msg>>,
    /// The files of a cached load being checked by a thread.
    rechecking: Option<std::sync::mpsc::Receiver<Msg>>,
    /// A frame was drawn since the app asked to start its background
    /// work once one is.
    drawn: bool,
    /// The app waits for a frame to start its background work.
    start_after_draw: bool,
}

impl Background<'_> {
    /// Every reply waiting: a save that fell due, stories loaded, feeds
    /// fetched.
    fn poll(&mut self, app: &App) -> Vec<Msg> {
        let mut msgs: Vec<Msg> = self.saver.save_if_due(app).into_iter().collect();
        // The time zone is looked up only when the minute has changed.
        let since_epoch =
            std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default();
        let minute = (since_epoch.as_secs() / 60) as i64;
        if minute != self.minute {
            self.minute = minute;
            msgs.push(Msg::Tick(crate::dates::local_now()));
        }
        if let Some(incoming) = self.incoming.as_mut() {
            msgs.extend(incoming.poll(app));
        }
        if self.drawn && app.wants_background_work() {
            msgs.push(Msg::StartBackgroundWork);
        }
        msgs.extend(self.fetcher.poll());
        let threads =
            [(&mut self.indexing, false), (&mut self.clustering, true), (&mut self.rechecking, false)];
        for (waiting, clustering) in threads {
            let Some(thread) = waiting else { continue };
            match thread.try_recv() {
                Ok(msg) => {
                    if let (Msg::Rechecked(found), Some(incoming)) = (&msg, self.incoming.as_mut()) {
                        incoming.add_reports(&found.batch);
                    }
                    msgs.push(msg);
                    *waiting = None;
                }
                // The thread ended without an answer (a bug): stop waiting.
                Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                    *waiting = None;
                    if clustering {
                        msgs.push(Msg::ClusteringStopped);
                    }
                }
                Err(std::sync::mpsc::TryRecvError::Empty) => {}
            }
        }
        // Every part found so far, as one message: the app keeps them all
        // before it draws again; then one message for each part done.
        let mut found = Vec::new();
        let mut done = 0;
        self.peopling.retain(|part| {
            loop {
                match part.try_recv() {
                    Ok(Msg::PeopleFound(some)) => found.extend(some),
                    Ok(other) => msgs.push(other),
                    Err(std::sync::mpsc::TryRecvError::Empty) => break true,
                    Err(std::sync::mpsc::TryRecvError::Disconnected) => {
                        done += 1;
                        break false;
                    }
                }
            }
        });
        if !found.is_empty() {
            msgs.push(Msg::PeopleFound(found));
        }
        msgs.extend((0..done).map(|_| Msg::PeopleDone { started: true }));
        msgs
    }

    /// How long the loop may wait for an event before looking again.
    fn wait(&self) -> Duration {
        if self.start_after_draw {
            return Duration::ZERO;
        }
        let working = self.indexing.is_some() || !self.peopling.is_empty() || self.clustering.is_some();
        let indexing = working.then_some(INDEXING_TICK);
        let rechecking = self.rechecking.is_some().then_some(RECHECK_TICK);
        [self.incoming.as_ref().and_then(|i| i.wait()), self.fetcher.wait(), indexing, rechecking]
            .into_iter()
            .flatten()
            .fold(self.saver.wait(), Duration::min)
    }

    /// Hand `msg` to the app and carry out what it asks for; an effect's
    /// own outcome (a save, a fetch started, a link opened) goes back to
    /// the app as a message in turn.
    fn dispatch(&mut self, app: &mut App, msg: Msg, terminal: &mut DefaultTerminal) -> io::Result<Flow> {
        let mut queue = std::collections::VecDeque::from([msg]);
        while let Some(msg) = queue.pop_front() {
            for effect in app.update(msg) {
                match effect {
                    Effect::Quit => return Ok(Flow::Quit),
                    Effect::Suspend => {
                        queue.extend(self.saver.save(app));
                        suspend(terminal)?;
                        let size = terminal.size()?;
                        queue.push_back(Msg::Resize(size.width, size.height));
                    }
                    Effect::SaveState => self.saver.request(),
                    Effect::Fetch => queue.push_back(self.fetcher.start()),
                    Effect::FetchPage { story, request } => {
                        queue.extend(self.fetcher.fetch_page(story, request))
                    }
                    Effect::IndexWords(job) => {
                        let (tx, rx) = std::sync::mpsc::channel();
                        let stop = Arc::clone(&self.stop);
                        let built = byline_engine::parallel::spawn_named("index", move || {
                            let texts = &job.0;
                            if let Some(index) = WordIndex::build_texts_unless(texts, &stop) {
                                let _ = tx
                                    .send(Msg::WordsIndexed { index: Box::new(index), covered: texts.len() });
                            }
                        });
                        self.indexing = built.ok().map(|()| rx);
                    }
                    Effect::FindPeople(job) => {
                        let (tx, rx) = std::sync::mpsc::channel();
                        let started = byline_engine::parallel::spawn_named("people", move || {
                            byline_engine::people::StoryText::find_all(&job.0, |found| {
                                tx.send(Msg::PeopleFound(found)).is_ok()
                            });
                        });
                        // A thread that cannot start leaves the pane as
                        // far as it is.
                        match started {
                            Ok(()) => self.peopling.push(rx),
                            Err(_) => queue.push_back(Msg::PeopleDone { started: false }),
                        }
                    }
                    Effect::Cluster(job) => {
                        let (tx, rx) = std::sync::mpsc::channel();
                        let started = byline_engine::parallel::spawn_named("clusters", move || {
                            let (clusters, features) = job.run();
                            let _ = tx.send(Msg::Clustered { clusters: Box::new(clusters), features });
                        });
                        match started {
                            Ok(()) => self.clustering = Some(rx),
                            Err(_) => queue.push_back(Msg::ClusteringStopped),
                        }
                    }
                    Effect::Recheck(job) => {
                        let (tx, rx) = std::sync::mpsc::channel();
                        let started = byline_engine::parallel::spawn_named("recheck", move || {
                            let _ = tx.send(Msg::Rechecked(Box::new(job.run())));
                        });
                        self.rechecking = started.ok().map(|()| rx);
                    }
                    Effect::Copy(text) => {
                        let backend = terminal.backend_mut();
                        backend.write_all(super::clipboard::osc52(&text).as_bytes())?;
                        backend.flush()?;
                    }
                    Effect::WriteCache(snapshot) => {
                        // A cache not written costs the next start time,
                        // nothing more: a failure is not worth a message.
                        let writer = std::thread::Builder::new().name("cache".into()).spawn(move || {
                            let _ = snapshot.write();
                        });
                        self.cache_writer = writer.ok();
                    }
                    Effect::OpenLink(url) => {
                        let result = crate::opener::open(&url).map_err(|err| err.to_string());
                        queue.push_back(Msg::LinkOpened { url, result });
                    }
                }
            }
        }
        // Work that waits for a frame waits for one drawn after it was
        // asked for; keys handled since do not hold it back.
        let wants = app.wants_background_work();
        if wants && !self.start_after_draw {
            self.drawn = false;
        }
        self.start_after_draw = wants;
        Ok(Flow::Continue)
    }

    /// Hand every message to the app in turn, stopping if one quits.
    fn dispatch_all(
        &mut self,
        app: &mut App,
        msgs: Vec<Msg>,
        terminal: &mut DefaultTerminal,
    ) -> io::Result<Flow> {
        for msg in msgs {
            if self.dispatch(app, msg, terminal)? == Flow::Quit {
                return Ok(Flow::Quit);
            }
        }
        Ok(Flow::Continue)
    }
}

/// How often the loop looks for the word index while a thread builds it.
const INDEXING_TICK: Duration = Duration::from_millis(25);

/// How often it looks for the check of a cached library's files: what the
/// check finds is shown (a changed story, a message), so it is taken as
/// soon as it is there, not up to a tick later. (The thread cannot wake
/// the loop, which waits in crossterm's poll.) A look costs microseconds.
const RECHECK_TICK: Duration = Duration::from_millis(2);

/// Run the reader until the user quits or a terminating signal arrives,
/// saving state on the way out.
pub fn run(
    mut app: App,
    theme: &Theme,
    state: Option<StateFile>,
    incoming: Option<&mut Incoming>,
    fetcher: &mut Fetcher,
) -> io::Result<()> {
    let stop = Arc::new(AtomicBool::new(false));
    let mut workers = Background {
        saver: Saver::new(state),
        incoming,
        fetcher,
        minute: 0,
        cache_writer: None,
        indexing: None,
        stop: Arc::clone(&stop),
        peopling: Vec::new(),
        clustering: None,
        rechecking: None,
        drawn: false,
        start_after_draw: false,
    };
    watch_for_termination(Arc::clone(&stop))?;
    if !io::stdin().is_terminal() || !io::stdout().is_terminal() {
        return Err(io::Error::other(
            "the reader needs a terminal; to print stories use `byline list` or `byline export`",
        ));
    }
    install_panic_hook();
    let mut terminal = take_terminal()?;
    // A panic in the loop (a bug) is caught here: the terminal is restored
    // and the marks saved as on any other exit, and the user gets one line
    // naming the crash report instead of a trace over the screen.
    let result =
        byline_engine::crash::guard(|| event_loop(&mut terminal, &mut app, theme, &stop, &mut workers))
            .unwrap_or_else(|crashed| Err(io::Error::other(crashed)));
    give_back_terminal();
    if let Some(saved) = workers.saver.save(&app) {
        app.update(saved);
    }
    if let Some(message) = app.message.as_ref().filter(|m| m.starts_with("could not save")) {
        let _ = writeln!(io::stderr(), "byline: {message}");
    }
    // A cache being written is finished (the terminal is already back):
    // quitting at once after the first load must not lose it, nor
    // quitting before the work that follows loading began.
    if let Some(writer) = workers.cache_writer.take() {
        // Nobody will search or read the people pane any more: the word
        // index stops within a few hundred stories and the people's
        // threads at their next answer, leaving the cores to the writer.
        stop.store(true, Ordering::Relaxed);
        workers.peopling.clear();
        let _ = writer.join();
    }
    if workers.incoming.as_ref().is_some_and(|i| i.after_loading_pending())
        && app.loading.is_none()
        && let Some(snapshot) = app.cache_to_write()
    {
        let _ = snapshot.write();
    }
    // The process ends soon after: freeing a library of 100,000 stories
    // piece by piece would only delay the exit.
    std::mem::forget(app);
    result
}

fn event_loop(
    terminal: &mut DefaultTerminal,
    app: &mut App,
    theme: &Theme,
    stop: &AtomicBool,
    workers: &mut Background,
) -> io::Result<()> {
    // Start crossterm's event reader (and its SIGWINCH handler) before the
    // first frame, so a resize during start-up is not lost.
    let _ = event::poll(Duration::ZERO)?;
    let size = terminal.size()?;
    let first = vec![Msg::Resize(size.width, size.height)];
    let replies = workers.poll(app);
    if workers.dispatch_all(app, [first, replies].concat(), terminal)? == Flow::Quit {
        return Ok(());
    }
    loop {
        draw(terminal, app, theme)?;
        let drawn_at = Instant::now();
        workers.drawn = true;
        // Stories taken in since the frame, not drawn yet.
        let mut undrawn = false;
        // A bounded wait, so a signal, a due save or arriving stories are
        // noticed even when no key comes; a reply is drawn at once, but
        // stories joining a list already shown once a `LOADING_TICK`.
        loop {
            if stop.load(Ordering::Relaxed) {
                return Ok(());
            }
            if event::poll(workers.wait())? {
                break;
            }
            let replies = workers.poll(app);
            let due = drawn_at.elapsed() >= LOADING_TICK;
            if replies.is_empty() {
                if undrawn && due {
                    break;
                }
                continue;
            }
            let only_stories = replies.iter().all(|msg| matches!(msg, Msg::Loaded { .. }));
            let was_empty = app.library.is_empty();
            if workers.dispatch_all(app, replies, terminal)? == Flow::Quit {
                return Ok(());
            }
            // The first stories are shown at once (a batch of files that
            // gave none is not a first story).
            let first_stories = was_empty && !app.library.is_empty();
            if !only_stories || first_stories || due {
                break;
            }
            undrawn = true;
        }
        // Take every event already queued before drawing again.
        while event::poll(Duration::ZERO)? {
            if let Some(msg) = to_msg(app, event::read()?)
                && workers.dispatch(app, msg, terminal)? == Flow::Quit
            {
                return Ok(());
            }
        }
        let replies = workers.poll(app);
        if workers.dispatch_all(app, replies, terminal)? == Flow::Quit {
            return Ok(());
        }
    }
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
    // For the tests of crash handling only: `!` panics when asked to, in
    // the reader's own thread or (`worker`) in a thread whose panic is
    // caught, as a parser's is.
    if event.code == event::KeyCode::Char('!')
        && let Some(test) = std::env::var_os("BYLINE_CRASH_TEST")
    {
        if test == "worker" {
            let worker = std::thread::spawn(|| {
                byline_engine::crash::guard(|| panic!("crash test: a worker thread fell over"))
            });
            let _ = worker.join();
            return None;
        }
        panic!("crash test: `!` pressed with BYLINE_CRASH_TEST set");
    }
    let context = app.context();
    let key = Key::from_event(event);
    if let Some(action) = app.keymap.action(context, key) {
        return Some(Msg::Action(action));
    }
    let typing = context.is_typing();
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
