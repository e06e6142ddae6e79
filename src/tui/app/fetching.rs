//! Fetching subscriptions while the reader stays open: `r` asks, the event
//! loop fetches on other threads, and each feed's result comes back here -
//! its new stories join the list at once, and the status bar counts feeds
//! done, stories new and feeds failed.

use super::{App, Effect};
use byline_engine::feeds::{FeedResult, Outcome};
use byline_engine::load::Batch;
use byline_engine::state::State;

/// Where fetching stands.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum FetchStatus {
    #[default]
    Idle,
    /// Asked for while stories were still loading: starts once they are in
    /// (so a story being loaded from the store is not added twice).
    Wanted,
    Running(FetchProgress),
}

/// How far a fetch has got.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FetchProgress {
    pub total: usize,
    pub done: usize,
    /// New stories so far.
    pub new: usize,
    /// `title: reason` of every feed that failed.
    pub failed: Vec<String>,
}

impl App {
    /// `r`: fetch now, or once loading is done, or say a fetch is running.
    pub(super) fn ask_to_fetch(&mut self) -> Option<Effect> {
        match &self.fetch {
            FetchStatus::Running(progress) => {
                self.message =
                    Some(format!("already fetching: {} of {} feeds done", progress.done, progress.total));
                None
            }
            FetchStatus::Wanted => None,
            FetchStatus::Idle if self.loading.is_some() => {
                self.fetch = FetchStatus::Wanted;
                self.message = Some("will fetch once every story is loaded".into());
                None
            }
            FetchStatus::Idle => Some(Effect::Fetch),
        }
    }

    /// Whether a fetch asked for during loading may start now; it is then
    /// no longer waiting.
    pub(super) fn take_wanted_fetch(&mut self) -> bool {
        if self.fetch == FetchStatus::Wanted && self.loading.is_none() {
            self.fetch = FetchStatus::Idle;
            return true;
        }
        false
    }

    /// The loop started fetching `total` feeds.
    pub(super) fn fetch_started(&mut self, total: usize) {
        self.fetch = FetchStatus::Running(FetchProgress { total, ..FetchProgress::default() });
    }

    /// The loop could not start fetching: say why.
    pub(super) fn fetch_refused(&mut self, reason: String) {
        self.fetch = FetchStatus::Idle;
        self.message = Some(reason);
    }

    /// Some feeds are done: their new stories join the library with their
    /// saved marks, and the list, once for all of them.
    pub(super) fn feeds_fetched(&mut self, results: Vec<FeedResult>, state: &State) {
        let mut arrived = false;
        for result in results {
            let FetchStatus::Running(progress) = &mut self.fetch else { return };
            progress.done += 1;
            match &result.outcome {
                Outcome::Fetched { new, .. } => progress.new += new,
                Outcome::Unchanged { .. } => {}
                Outcome::Failed(reason) => progress.failed.push(format!("{}: {reason}", result.title)),
            }
            if !result.new_stories.is_empty() {
                self.add_batch(Batch { drafts: result.new_stories, ..Batch::default() }, state);
                arrived = true;
            }
        }
        if arrived {
            self.stories_arrived();
        }
    }

    /// Every feed is done: the status bar says what came of it.
    pub(super) fn fetch_finished(&mut self) {
        let FetchStatus::Running(progress) = std::mem::take(&mut self.fetch) else { return };
        let stories = if progress.new == 1 { "story" } else { "stories" };
        let feeds = if progress.done == 1 { "feed" } else { "feeds" };
        let mut message = format!("fetched {} {feeds}: {} new {stories}", progress.done, progress.new);
        match progress.failed.as_slice() {
            [] => {}
            [one] => message.push_str(&format!("; failed: {one}")),
            [first, rest @ ..] => {
                message.push_str(&format!("; {} failed: {first} (and {} more)", rest.len() + 1, rest.len()))
            }
        }
        self.message = Some(message);
    }

    /// The status bar's words for a running fetch.
    pub fn fetch_text(&self) -> Option<String> {
        let FetchStatus::Running(progress) = &self.fetch else { return None };
        let mut text = format!("fetching {} of {} feeds", progress.done, progress.total);
        if progress.new > 0 {
            text.push_str(&format!(" · {} new", progress.new));
        }
        if !progress.failed.is_empty() {
            text.push_str(&format!(" · {} failed", progress.failed.len()));
        }
        Some(text)
    }
}
