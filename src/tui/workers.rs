//! The event loop's side of the background work: stories arriving from the
//! loading threads, feeds fetched on a thread of their own, and the state
//! saved a little after marks change. Each turns what happened into
//! messages for `App::update`.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::{Duration, Instant};

use super::app::{App, Msg};
use byline_engine::feeds::http::Limits;
use byline_engine::feeds::pages::{FullText, PageRequest};
use byline_engine::feeds::{FeedResult, Store, SubscriptionFile};
use byline_engine::load::{Progress, Skipped, Warning};
use byline_engine::state::State;
use byline_engine::state::{StateFile, now_millis};

/// Where subscriptions and fetched items live, and how to fetch.
#[derive(Debug, Clone)]
pub struct FeedSetup {
    pub file: SubscriptionFile,
    pub store: Store,
    pub limits: Limits,
    pub jobs: usize,
}

/// Fetches started from the reader.
pub struct Fetcher {
    setup: Option<FeedSetup>,
    /// Saved marks, for the fetched stories.
    state: Arc<State>,
    results: Option<Receiver<FeedResult>>,
    /// Pages asked for with `F`, each on a thread of its own.
    pages: Vec<Receiver<Msg>>,
}

/// While fetching, the screen is redrawn at least this often.
const FETCH_TICK: Duration = Duration::from_millis(100);

impl Fetcher {
    /// `setup` is `None` when there is nowhere to keep subscriptions (no
    /// home directory).
    pub fn new(setup: Option<FeedSetup>, state: Arc<State>) -> Fetcher {
        Fetcher { setup, state, results: None, pages: Vec::new() }
    }

    /// Fetch story `story`'s web page on a thread; the page comes back as
    /// `Msg::PageFetched` from `poll`.
    pub fn fetch_page(&mut self, story: usize, request: PageRequest) -> Option<Msg> {
        let (limits, store) = match &self.setup {
            Some(setup) => (setup.limits, Some(setup.store.clone())),
            None => (Limits::default(), None),
        };
        let (tx, rx) = mpsc::channel();
        let spawned = byline_engine::parallel::spawn_named("page", move || {
            let (page, kept) = request.fetch(limits, store.as_ref());
            let _ = tx.send(Msg::PageFetched { story, page: Box::new(page), kept });
        });
        match spawned {
            Ok(()) => {
                self.pages.push(rx);
                None
            }
            Err(err) => Some(Msg::PageFetched {
                story,
                page: Box::new(FullText {
                    kept_summary: Some(format!("cannot start: {err}")),
                    ..FullText::default()
                }),
                kept: Ok(false),
            }),
        }
    }

    /// Start fetching every subscription: the message says it started, or
    /// why it could not.
    pub fn start(&mut self) -> Msg {
        let Some(setup) = self.setup.clone() else {
            return Msg::FetchRefused("no place for subscriptions: HOME is not set".into());
        };
        let subs = match setup.file.load() {
            Ok(subs) if subs.is_empty() => {
                return Msg::FetchRefused("no subscriptions yet: add one with `byline feeds add URL`".into());
            }
            Ok(subs) => subs,
            Err(err) => return Msg::FetchRefused(format!("cannot fetch: {err}")),
        };
        let (tx, rx) = mpsc::channel();
        let total = subs.len();
        let spawned = byline_engine::parallel::spawn_named("fetch", move || {
            byline_engine::feeds::fetch_all(&subs, &setup.store, setup.limits, setup.jobs, &tx);
        });
        match spawned {
            Ok(_) => {
                self.results = Some(rx);
                Msg::FetchStarted { total }
            }
            Err(err) => Msg::FetchRefused(format!("cannot start fetching: {err}")),
        }
    }

    /// The feeds done since the last look, and whether all are.
    pub fn poll(&mut self) -> Vec<Msg> {
        let mut msgs = Vec::new();
        self.pages.retain(|page| match page.try_recv() {
            Ok(msg) => {
                msgs.push(msg);
                false
            }
            Err(TryRecvError::Empty) => true,
            Err(TryRecvError::Disconnected) => false,
        });
        let Some(results) = &self.results else { return msgs };
        let mut done = Vec::new();
        let finished = loop {
            match results.try_recv() {
                Ok(result) => done.push(result),
                Err(TryRecvError::Empty) => break false,
                Err(TryRecvError::Disconnected) => break true,
            }
        };
        // Every feed done since the last look joins the list at once: one
        // reordering of the library, not one a feed.
        if !done.is_empty() {
            msgs.push(Msg::Fetched { results: done, marks: Arc::clone(&self.state) });
        }
        if finished {
            self.results = None;
            msgs.push(Msg::FetchDone);
        }
        msgs
    }

    /// How long the loop may wait for a key before looking again.
    pub fn wait(&self) -> Option<Duration> {
        (self.results.is_some() || !self.pages.is_empty()).then_some(FETCH_TICK)
    }
}

/// Stories still arriving from the loading threads, and the reports about
/// files that came with them (printed when the reader closes).
pub struct Incoming {
    pub progress: Receiver<Progress>,
    /// Saved marks, for the stories as they arrive (shared with the
    /// fetcher, not copied).
    pub state: Arc<State>,
    pub skipped: Vec<Skipped>,
    pub warnings: Vec<Warning>,
    /// Every file is read; the library is segmenting its tag lines, a slice a look.
    read: bool,
    done: bool,
}

/// While stories arrive, the screen is redrawn this often.
pub const LOADING_TICK: Duration = Duration::from_millis(50);

/// While files are read, the loop looks for stories this often: they
/// join the library as they come, so that the last ones (and the end of
/// loading) wait for no tick; the screen still shows them every
/// `LOADING_TICK`.
const LOADING_LOOK: Duration = Duration::from_millis(2);

impl Incoming {
    pub fn new(progress: Receiver<Progress>, state: Arc<State>) -> Incoming {
        Incoming { progress, state, skipped: Vec::new(), warnings: Vec::new(), read: false, done: false }
    }

    /// Every file is read but `Msg::AfterLoading` has not been sent yet
    /// (the user quit at once).
    pub fn after_loading_pending(&self) -> bool {
        self.read && !self.done
    }

    /// Files found changed after loading (`load::recheck`) that could not
    /// be read, or were read with something to tell: reported with the
    /// rest when the reader closes.
    pub fn add_reports(&mut self, batch: &byline_engine::load::Batch) {
        self.skipped.extend(batch.skipped.iter().cloned());
        self.warnings.extend(batch.warnings.iter().cloned());
        byline_engine::load::sort_reports(&mut self.skipped, &mut self.warnings);
    }

    /// What has arrived since the last look, as messages for the app; the
    /// reports about files are kept to print when the reader closes.
    pub fn poll(&mut self, app: &App) -> Vec<Msg> {
        if self.done {
            return Vec::new();
        }
        if self.read {
            if app.loading.is_none() {
                self.done = true;
                return vec![Msg::AfterLoading];
            }
            return vec![Msg::FinishLoading];
        }
        let mut msgs = Vec::new();
        let mut batches = Vec::new();
        loop {
            match self.progress.try_recv() {
                Ok(Progress::Found { files, skipped, walk }) => {
                    self.skipped.extend(skipped.iter().cloned());
                    msgs.push(Msg::FilesFound { files, skipped, walk });
                }
                Ok(Progress::Batch(batch)) => {
                    self.skipped.extend(batch.skipped.iter().cloned());
                    self.warnings.extend(batch.warnings.iter().cloned());
                    batches.push(batch);
                }
                Err(TryRecvError::Empty) => break,
                Err(TryRecvError::Disconnected) => {
                    self.read = true;
                    byline_engine::load::sort_reports(&mut self.skipped, &mut self.warnings);
                    break;
                }
            }
        }
        if !batches.is_empty() {
            msgs.push(Msg::Loaded { batches, marks: Arc::clone(&self.state) });
        }
        if self.read && msgs.is_empty() {
            msgs.push(Msg::FinishLoading);
        }
        msgs
    }

    /// How long the loop may wait for a key before looking again: a tick
    /// while files are read, none while the library finishes.
    pub fn wait(&self) -> Option<Duration> {
        match (self.done, self.read) {
            (true, _) => None,
            (false, false) => Some(LOADING_LOOK),
            (false, true) => Some(Duration::ZERO),
        }
    }
}

/// Marks are saved this long after the first change, so a burst of keys
/// costs one write.
const SAVE_DELAY: Duration = Duration::from_millis(500);

/// Saves state when marks change (coalesced) and at the end.
pub struct Saver {
    file: Option<StateFile>,
    due: Option<Instant>,
}

impl Saver {
    /// Saving to `file`; nothing is saved without one (`--no-state`).
    pub fn new(file: Option<StateFile>) -> Saver {
        Saver { file, due: None }
    }

    /// A save is wanted: it happens a little later, once for a burst.
    pub fn request(&mut self) {
        if self.file.is_some() && self.due.is_none() {
            self.due = Some(Instant::now() + SAVE_DELAY);
        }
    }

    /// How long the loop may wait for an event before a save is due.
    pub fn wait(&self) -> Duration {
        let tick = Duration::from_millis(200);
        self.due.map_or(tick, |due| due.saturating_duration_since(Instant::now()).min(tick))
    }

    pub fn save_if_due(&mut self, app: &App) -> Option<Msg> {
        if self.due.is_some_and(|due| Instant::now() >= due) {
            return self.save(app);
        }
        None
    }

    /// Write the marks now; the message says how it went.
    pub fn save(&mut self, app: &App) -> Option<Msg> {
        self.due = None;
        let file = self.file.as_mut()?;
        let result = file.save(&app.unsaved(now_millis()));
        Some(Msg::Saved(
            result.map_err(|err| format!("could not save state to {}: {err}", file.path().display())),
        ))
    }
}
