//! The event loop's side of fetching: start `feeds::fetch_all` on its own
//! thread when the app asks, and turn each feed's result into a message
//! for the app as it comes.

use std::sync::Arc;
use std::sync::mpsc::{self, Receiver, TryRecvError};
use std::time::Duration;

use super::app::Msg;
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
        let Some(results) = &self.results else { return Vec::new() };
        let mut done = Vec::new();
        let finished = loop {
            match results.try_recv() {
                Ok(result) => done.push(result),
                Err(TryRecvError::Empty) => break false,
                Err(TryRecvError::Disconnected) => break true,
            }
        };
        let mut msgs = Vec::new();
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
        self.results.as_ref().map(|_| FETCH_TICK)
    }
}
