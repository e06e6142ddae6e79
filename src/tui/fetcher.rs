//! The event loop's side of fetching: start `feeds::fetch_all` on its own
//! thread when the app asks, and hand each feed's result to the app as it
//! comes.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use super::app::App;
use byline_engine::feeds::http::Limits;
use byline_engine::feeds::{FeedResult, Store, SubscriptionFile};
use byline_engine::state::State;

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
}

/// While fetching, the screen is redrawn at least this often.
const FETCH_TICK: Duration = Duration::from_millis(100);

impl Fetcher {
    /// `setup` is `None` when there is nowhere to keep subscriptions (no
    /// home directory).
    pub fn new(setup: Option<FeedSetup>, state: Arc<State>) -> Fetcher {
        Fetcher { setup, state, results: None }
    }

    /// Start fetching every subscription, or tell the app why not.
    pub fn start(&mut self, app: &mut App) {
        let Some(setup) = self.setup.clone() else {
            app.fetch_refused("no place for subscriptions: HOME is not set".into());
            return;
        };
        let subs = match setup.file.load() {
            Ok(subs) if subs.is_empty() => {
                app.fetch_refused("no subscriptions yet: add one with `byline feeds add URL`".into());
                return;
            }
            Ok(subs) => subs,
            Err(err) => {
                app.fetch_refused(format!("cannot fetch: {err}"));
                return;
            }
        };
        let (tx, rx) = mpsc::channel();
        let total = subs.len();
        let spawned = std::thread::Builder::new().name("fetch".into()).spawn(move || {
            byline_engine::feeds::fetch_all(&subs, &setup.store, setup.limits, setup.jobs, &tx);
        });
        match spawned {
            Ok(_) => {
                self.results = Some(rx);
                app.fetch_started(total);
            }
            Err(err) => app.fetch_refused(format!("cannot start fetching: {err}")),
        }
    }

    /// Take in the feeds done since the last look; whether any were.
    pub fn pump(&mut self, app: &mut App) -> bool {
        if app.take_wanted_fetch() {
            self.start(app);
            return true;
        }
        let Some(results) = &self.results else { return false };
        let mut done = Vec::new();
        let finished = loop {
            match results.try_recv() {
                Ok(result) => done.push(result),
                Err(TryRecvError::Empty) => break false,
                Err(TryRecvError::Disconnected) => break true,
            }
        };
        let any = !done.is_empty();
        // Every feed done since the last look joins the list at once: one
        // reordering of the library, not one a feed.
        app.feeds_fetched(done, &self.state);
        if finished {
            self.results = None;
            app.fetch_finished();
        }
        any || finished
    }

    /// How long the loop may wait for a key before looking again.
    pub fn wait(&self) -> Option<Duration> {
        self.results.as_ref().map(|_| FETCH_TICK)
    }
}
