//! What reaches the reader's state, and what the event loop must do
//! afterwards. `App::update(Msg) -> Vec<Effect>` is the one way the state
//! changes: a key's action, typed text, the terminal's size and mouse, and
//! each worker's reply (files found, a batch loaded, feeds fetched, the
//! state saved, a link opened) are all messages.

use std::sync::Arc;

use byline_engine::cache::{Snapshot, Walk};
use byline_engine::clusters::{Clusters, Features};
use byline_engine::feeds::FeedResult;
use byline_engine::feeds::pages::{FullText, PageRequest};
use byline_engine::load::{Batch, Skipped};
use byline_engine::people::{Found, StoryText};
use byline_engine::search_index::{IndexText, WordIndex};
use byline_engine::state::State;

pub use super::app::clusters::ClusterJob;
pub use crate::keys::Action;

/// Something that happened, for `App::update`: the user's input, or a
/// worker's reply.
#[derive(Debug, Clone)]
pub enum Msg {
    /// A key bound to this action was pressed.
    Action(Action),
    /// A character typed into the picker or search line.
    Insert(char),
    /// The terminal now has this many columns and rows.
    Resize(u16, u16),
    /// The mouse wheel turned over a cell (`down` towards the end).
    Scroll { column: u16, row: u16, down: bool },
    /// The mouse clicked a cell.
    Click { column: u16, row: u16 },
    /// The walk of the paths is done: this many files to read in all, and
    /// these paths could not be read.
    FilesFound { files: usize, skipped: Vec<Skipped>, walk: Walk },
    /// Loading ended and the screen shows it: start the work that follows.
    AfterLoading,
    /// The word index of the first `covered` stories, built by a thread.
    WordsIndexed { index: Box<WordIndex>, covered: usize },
    /// Some stories' quotes and people, found by a thread.
    PeopleFound(Vec<Found>),
    /// A thread finding people is done with its part (`started`: it ran;
    /// false when it could not be started).
    PeopleDone { started: bool },
    /// A thread clustered the stories, and hands their features back.
    Clustered { clusters: Box<Clusters>, features: Vec<Features> },
    /// The clustering thread could not start, or ended without clusters.
    ClusteringStopped,
    /// Batches of stories that arrived together, with the saved marks to
    /// give them.
    Loaded { batches: Vec<Batch>, marks: Arc<State> },
    /// Every file is read: finish the library, one slice of work a
    /// message, so keys are answered between slices. Sent until
    /// `App::loading` is `None`.
    FinishLoading,
    /// Fetching `total` feeds has started.
    FetchStarted { total: usize },
    /// Fetching could not start, for this reason.
    FetchRefused(String),
    /// Feeds done since the last look, with the saved marks for their
    /// stories.
    Fetched { results: Vec<FeedResult>, marks: Arc<State> },
    /// Every feed is done.
    FetchDone,
    /// The state file was written (the marks as merged with other
    /// processes' marks), or why it could not be.
    Saved(Result<State, String>),
    /// The time now, sent when the minute changes: dates show relative to
    /// it, in its time zone.
    Tick(chrono::DateTime<chrono::FixedOffset>),
    /// A link was handed to the browser, or why it could not be.
    LinkOpened { url: String, result: Result<(), String> },
    /// The files taken on the cache's word were checked (`App::reread`).
    Rechecked(Box<byline_engine::load::Rechecked>),
    /// What the check changed has been drawn: start the background work
    /// that waited for it (`App::wants_background_work`).
    StartBackgroundWork,
    /// A story's web page was fetched (`F`): what it gave, and whether it
    /// was kept with the stored item (`Ok(false)`: the story is not a
    /// stored feed item; `Err`: the store could not be written).
    PageFetched { story: usize, page: Box<FullText>, kept: Result<bool, String> },
}

impl Msg {
    /// Whether the user did this (a key, the mouse, typing), rather than a
    /// worker or the terminal.
    pub fn is_input(&self) -> bool {
        matches!(self, Msg::Action(_) | Msg::Insert(_) | Msg::Scroll { .. } | Msg::Click { .. })
    }
}

impl From<Action> for Msg {
    fn from(action: Action) -> Msg {
        Msg::Action(action)
    }
}

/// What the event loop must do after an update.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Effect {
    Quit,
    /// Save, restore the terminal and stop until continued.
    Suspend,
    /// Read or starred marks changed: save the state (soon, coalesced).
    SaveState,
    /// Open this link in the browser.
    OpenLink(String),
    /// Start fetching every subscription in the background.
    Fetch,
    /// Write the parsed cache, in the background.
    WriteCache(Box<Snapshot>),
    /// Build the word index of these texts, in the background; the index
    /// comes back as `Msg::WordsIndexed`.
    IndexWords(IndexJob),
    /// Find the quotes and people of these stories, in the background;
    /// they come back as `Msg::PeopleFound`, then `Msg::PeopleDone` (one
    /// for each such effect).
    FindPeople(PeopleJob),
    /// Cluster the stories by these features, in the background; the
    /// clusters come back as `Msg::Clustered`.
    Cluster(ClusterJob),
    /// Put this text on the terminal's clipboard (OSC 52).
    Copy(String),
    /// Stamp the files taken on the cache's word, and read again those
    /// that changed, in the background; `Msg::Rechecked` comes back.
    Recheck(super::app::recheck::RecheckJob),
    /// Fetch a story's web page in the background; what it gives comes
    /// back as `Msg::PageFetched`.
    FetchPage {
        story: usize,
        request: PageRequest,
    },
}

/// What a thread is handed to work on: shared, not copied, with the
/// effect. Two jobs are equal when they are the same job.
#[derive(Debug, Clone)]
pub struct Job<T>(pub Arc<Vec<T>>);

impl<T> PartialEq for Job<T> {
    fn eq(&self, other: &Job<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Job<T> {}

/// The texts of every story loaded, for a thread to index.
pub type IndexJob = Job<IndexText>;

/// The stories whose people a thread is to find.
pub type PeopleJob = Job<StoryText>;
