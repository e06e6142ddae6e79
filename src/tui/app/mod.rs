//! The reader's state and everything a user can do to it. `App::update`
//! takes an `Action`, changes the state and returns the `Effect` the event
//! loop must carry out. No terminal, no clock, no files: every behaviour is
//! testable by feeding actions.

mod background;
pub mod clusters;
pub mod fetching;
mod full_text;
mod links;
mod list;
pub mod loading;
mod marks;
mod navigate;
mod overlays;
pub mod people;
pub mod recheck;
mod triage;

use ratatui::layout::Rect;

use super::keymap::{Context, Keymap};
pub use super::msg::{Action, Effect, Msg};
use super::panes::Panes;
use super::people::PeoplePane;
use super::picker::Picker;
use super::wrap::ReaderLayout;
use std::collections::BTreeMap;

use crate::config::PickerPlacement;
use byline_engine::filter::Filter;
use byline_engine::library::Library;

/// Which pane keys go to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Stories,
    Reader,
}

/// What is drawn over the panes and takes the keys.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Overlay {
    None,
    Help {
        scroll: usize,
    },
    Picker(Picker),
    /// The search line, with the search that was active before it opened.
    Search {
        input: String,
        previous: String,
    },
    /// The story's links, one highlighted.
    Links {
        links: Vec<String>,
        selected: usize,
    },
    /// The people pane: everyone quoted, or one person's quotes.
    People(Box<PeoplePane>),
}

/// The story in the reading pane and where the reader is in it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Reader {
    /// Library index of the story shown.
    pub story: Option<usize>,
    /// First line shown.
    pub scroll: usize,
    /// The quote highlighted, by index in the story's quotes.
    pub quote: Option<usize>,
    /// The search match highlighted, by index in the story's matches.
    pub found: Option<usize>,
    /// The person whose quotes `]` and `[` go through, when the story was
    /// opened at one of them from the people pane.
    pub follow: Option<people::Follow>,
    /// The people pane to go back to (Esc), when the story was opened from
    /// it.
    pub back_to_people: Option<Box<PeoplePane>>,
}

pub struct App {
    pub library: Library,
    pub filter: Filter,
    /// Library indices of the stories the list shows, a row each: those
    /// the filter lets through, or with `grouping` one row a cluster (its
    /// lead) and the members of those expanded.
    pub visible: Vec<usize>,
    /// Library indices of the stories the filter lets through, in order.
    pub passing: Vec<usize>,
    /// Position in `visible` of the selected story.
    pub selected: usize,
    /// First row shown in the story list.
    pub list_offset: usize,
    pub focus: Focus,
    pub overlay: Overlay,
    pub reader: Reader,
    /// The shown story laid out for the reader's width.
    pub layout: ReaderLayout,
    /// Which story `layout` was made for.
    pub(super) layout_story: Option<usize>,
    /// The time, from the last `Msg::Tick` (the Unix epoch in UTC until
    /// then): dates are shown relative to it, in its time zone.
    pub now: chrono::DateTime<chrono::FixedOffset>,
    /// The story list's columns after the marks, in order.
    pub list_columns: Vec<crate::config::ListColumn>,
    /// The stories the last mark-all-read changed, for its one undo.
    undo_read: Vec<usize>,
    /// A mark changed during this update.
    pub(super) marks_changed: bool,
    pub size: (u16, u16),
    /// A one-line message for the status bar, cleared by the next key.
    pub message: Option<String>,
    /// Files that could not be read, for the status bar.
    pub skipped: usize,
    pub keymap: Keymap,
    /// Width of the story list in percent of a wide terminal.
    pub list_percent: u16,
    /// The longest line the reader shows.
    pub wrap_width: Option<u16>,
    pub picker_placement: PickerPlacement,
    /// Ids of stories whose marks changed since the state was last saved.
    pub changed: BTreeMap<String, usize>,
    /// Names this library in the saved positions.
    pub library_key: String,
    /// Set while stories are still arriving.
    pub loading: Option<loading::LoadProgress>,
    /// Fetching subscriptions: asked for, running, or done.
    pub fetch: fetching::FetchStatus,
    /// A saved position whose story has not arrived yet.
    pub(super) pending_position: Option<byline_engine::state::Position>,
    /// The user has acted since the reader opened: new stories no longer
    /// move the selection.
    pub(super) user_moved: bool,
    /// The parsed cache to write when loading ends.
    pub cache: Option<byline_engine::cache::CacheSpec>,
    /// What the load walked and read, for the cache.
    pub(super) manifest: byline_engine::cache::Manifest,
    /// A cache ready to be written by a thread.
    pub(super) cache_snapshot: Option<byline_engine::cache::Snapshot>,
    /// Texts ready to be indexed by a thread.
    pub(super) index_job: Option<crate::tui::msg::IndexJob>,
    /// Finding everyone's quotes for the people pane.
    pub people: people::PeopleWork,
    /// Parts of the library ready for threads to find their people.
    pub(super) people_jobs: Vec<crate::tui::msg::PeopleJob>,
    /// Stories about one event as one row, and the clustering behind it.
    pub grouping: clusters::Grouping,
    /// Stories whose web page is being fetched (`F`).
    pub(super) pages_fetching: Vec<usize>,
    /// How the files were read, to read again those found changed after
    /// a load that took them on the cache's word (`recheck.rs`).
    pub reread: Option<byline_engine::load::Options>,
    /// Files ready for a thread to check.
    pub(super) recheck_job: Option<recheck::RecheckJob>,
    /// Where the check of the files taken on the cache's word is.
    pub(super) check: recheck::CheckState,
    /// The check's outcome is shown; the word index, the cache and the
    /// people start once it is drawn (`Msg::StartBackgroundWork`).
    pub(super) background_after_draw: bool,
}

impl App {
    /// The reader on a library. It keeps a search index, so that search
    /// never reads story text per keystroke; stories added later (while
    /// loading) bring their batch's index.
    pub fn new(mut library: Library, skipped: usize) -> App {
        library.index_words();
        let mut app = App {
            visible: library.order().to_vec(),
            passing: library.order().to_vec(),
            library,
            filter: Filter::default(),
            selected: 0,
            list_offset: 0,
            focus: Focus::Stories,
            overlay: Overlay::None,
            reader: Reader::default(),
            layout: ReaderLayout::default(),
            layout_story: None,
            now: chrono::DateTime::UNIX_EPOCH.fixed_offset(),
            undo_read: Vec::new(),
            list_columns: crate::config::ListColumns::default().0,
            marks_changed: false,
            size: (80, 24),
            message: None,
            skipped,
            keymap: Keymap::default(),
            list_percent: 40,
            wrap_width: None,
            picker_placement: PickerPlacement::Popup,
            changed: BTreeMap::new(),
            library_key: String::new(),
            loading: None,
            fetch: fetching::FetchStatus::Idle,
            pending_position: None,
            user_moved: false,
            cache: None,
            manifest: byline_engine::cache::Manifest::default(),
            cache_snapshot: None,
            index_job: None,
            people: people::PeopleWork::default(),
            people_jobs: Vec::new(),
            grouping: clusters::Grouping::default(),
            pages_fetching: Vec::new(),
            reread: None,
            recheck_job: None,
            check: recheck::CheckState::default(),
            background_after_draw: false,
        };
        app.refresh_view();
        app
    }

    /// Which bindings apply now.
    pub fn context(&self) -> Context {
        match (&self.overlay, self.focus) {
            (Overlay::Help { .. }, _) => Context::Help,
            (Overlay::Picker(_), _) => Context::Picker,
            (Overlay::Search { .. }, _) => Context::Search,
            (Overlay::Links { .. }, _) => Context::Links,
            (Overlay::People(pane), _) if pane.quotes.is_some() => Context::PersonQuotes,
            (Overlay::People(_), _) => Context::People,
            (Overlay::None, Focus::Stories) => Context::List,
            (Overlay::None, Focus::Reader) => Context::Reader,
        }
    }

    pub fn panes(&self) -> Panes {
        Panes::new(Rect::new(0, 0, self.size.0, self.size.1), self.focus, self.list_percent)
    }

    /// The selected story's library index.
    pub fn selected_story(&self) -> Option<usize> {
        self.visible.get(self.selected).copied()
    }

    /// The one way the reader's state changes: apply `msg`, and say what
    /// the event loop must do (save, open a link, fetch, quit...).
    pub fn update(&mut self, msg: impl Into<Msg>) -> Vec<Effect> {
        let msg = msg.into();
        if msg.is_input() {
            if !matches!(msg, Msg::Scroll { .. }) {
                self.message = None;
            }
            self.user_acted();
        }
        let effect = match msg {
            Msg::Action(action) => self.act(action),
            Msg::Resize(w, h) => {
                self.size = (w, h);
                None
            }
            Msg::Insert(c) => {
                self.type_char(c);
                None
            }
            // The list of links takes no mouse.
            Msg::Scroll { .. } | Msg::Click { .. } if matches!(self.overlay, Overlay::Links { .. }) => None,
            // The wheel moves through the people pane, as the arrows do.
            Msg::Scroll { down, .. } if matches!(self.overlay, Overlay::People(_)) => {
                if let Overlay::People(pane) = &mut self.overlay {
                    pane.move_by(if down { 3 } else { -3 });
                }
                None
            }
            Msg::Scroll { column, row, down } => {
                self.scroll_at(column, row, down);
                None
            }
            Msg::Click { column, row } => {
                self.click(column, row);
                None
            }
            reply => {
                self.reply(reply);
                None
            }
        };
        self.refresh_view();
        let mut effects: Vec<Effect> = effect.into_iter().collect();
        if effects.is_empty() && self.marks_changed {
            effects.push(Effect::SaveState);
        }
        self.marks_changed = false;
        if self.take_wanted_fetch() {
            effects.push(Effect::Fetch);
        }
        if let Some(job) = self.recheck_job.take() {
            effects.push(Effect::Recheck(job));
        }
        if let Some(job) = self.index_job.take() {
            effects.push(Effect::IndexWords(job));
        }
        effects.extend(self.people_jobs.drain(..).map(Effect::FindPeople));
        if let Some(job) = self.cluster_job() {
            effects.push(Effect::Cluster(job));
        }
        if let Some(snapshot) = self.cache_snapshot.take() {
            effects.push(Effect::WriteCache(Box::new(snapshot)));
        }
        effects
    }

    /// A worker's reply: stories loaded or fetched, state saved, a link
    /// opened.
    fn reply(&mut self, msg: Msg) {
        match msg {
            Msg::FilesFound { files, skipped, walk } => self.files_found(files, skipped.len(), walk),
            Msg::Loaded { batches, marks } => self.add_batches(batches, &marks),
            Msg::FinishLoading => self.finish_loading_step(),
            Msg::AfterLoading => self.after_loading(),
            Msg::Rechecked(found) => self.check_done(*found),
            Msg::StartBackgroundWork => {
                if std::mem::take(&mut self.background_after_draw) {
                    self.start_background_work();
                }
            }
            Msg::WordsIndexed { index, covered } => self.words_indexed(*index, covered),
            Msg::PeopleFound(found) => self.people_found(found),
            Msg::PeopleDone { started } => self.people_done(started),
            Msg::Clustered { clusters, features } => self.clustered(*clusters, features),
            Msg::ClusteringStopped => self.clustering_stopped(),
            Msg::FetchStarted { total } => self.fetch_started(total),
            Msg::FetchRefused(reason) => self.fetch_refused(reason),
            Msg::Fetched { results, marks } => self.feeds_fetched(results, &marks),
            Msg::FetchDone => self.fetch_finished(),
            Msg::Tick(now) => {
                // The reader's header shows the date in the time zone: lay
                // it out again only when that changed.
                if now.offset() != self.now.offset() {
                    self.layout_story = None;
                }
                self.now = now;
            }
            Msg::Saved(Ok(merged)) => self.saved(&merged),
            Msg::Saved(Err(reason)) => self.message = Some(reason),
            Msg::LinkOpened { url, result } => {
                self.message = Some(match result {
                    Ok(()) => format!("opened {url}"),
                    Err(reason) => reason,
                })
            }
            Msg::PageFetched { story, page, kept } => self.page_fetched(story, &page, kept),
            Msg::Action(_) | Msg::Insert(_) | Msg::Resize(..) | Msg::Scroll { .. } | Msg::Click { .. } => {}
        }
    }

    /// A key's action, in whichever pane or overlay has the keyboard.
    fn act(&mut self, action: Action) -> Option<Effect> {
        match action {
            Action::Quit => Some(Effect::Quit),
            Action::Suspend => Some(Effect::Suspend),
            Action::Fetch if matches!(self.overlay, Overlay::None | Overlay::Help { .. }) => {
                self.ask_to_fetch()
            }
            Action::OpenUrl if self.overlay == Overlay::None => self.story_url(),
            Action::FullText if self.overlay == Overlay::None => self.ask_for_full_text(),
            Action::ShowLinks if self.overlay == Overlay::None => {
                self.show_links();
                None
            }
            action if matches!(self.overlay, Overlay::Links { .. }) => self.links_action(action),
            action if matches!(self.overlay, Overlay::People(_)) => self.people_action(action),
            Action::CopyQuote if self.overlay == Overlay::None => {
                match (self.reader.story, self.reader.quote) {
                    (Some(story), Some(quote)) => self.copy_quote(story, quote),
                    _ => {
                        self.message = Some("no quote highlighted: ] goes to the next".into());
                        None
                    }
                }
            }
            action => {
                match &self.overlay {
                    Overlay::Help { .. } => self.help_action(action),
                    Overlay::Picker(_) => self.picker_action(action),
                    Overlay::Search { .. } => self.search_action(action),
                    // Handled before this match, where they may return an effect.
                    Overlay::Links { .. } | Overlay::People(_) => {}
                    Overlay::None if self.focus == Focus::Stories => self.list_action(action),
                    Overlay::None => self.reader_action(action),
                }
                None
            }
        }
    }

    /// Keys that mean the same in the list and the reader.
    pub(super) fn common_action(&mut self, action: Action) {
        match action {
            Action::ToggleStar => {
                let starred = self.selected_story().is_some_and(|i| self.library.stories()[i].starred);
                self.set_marks(None, Some(!starred));
                self.message = Some(if starred { "unstarred" } else { "starred" }.into());
            }
            Action::ToggleRead => {
                let read = self.selected_story().is_some_and(|i| self.library.stories()[i].read);
                self.set_marks(Some(!read), None);
                self.message = Some(if read { "marked unread" } else { "marked read" }.into());
            }
            Action::ToggleHelp => self.overlay = Overlay::Help { scroll: 0 },
            Action::NextUnread => self.next_unread(),
            // On an event's row, its stories; elsewhere everything shown.
            Action::MarkAllRead if self.mark_cluster_read() => {}
            Action::MarkAllRead => self.mark_all_shown_read(),
            Action::UndoMarkAll => self.undo_mark_all(),
            Action::OpenTagPicker => {
                self.want_people();
                self.overlay = Overlay::Picker(Picker::new(&self.library, self.filter.tags.clone()));
            }
            Action::OpenSourcePicker => {
                self.overlay = Overlay::Picker(Picker::sources(&self.library, &self.filter.sources));
            }
            Action::OpenPeople => self.open_people(),
            Action::OpenSearch => {
                let previous = self.filter.search.clone();
                self.overlay = Overlay::Search { input: previous.clone(), previous };
            }
            _ => {}
        }
    }

    /// Bring derived state in line: the reader shows the selected story, its
    /// layout fits the pane, and the list and reader offsets are in range.
    pub(super) fn refresh_view(&mut self) {
        let story = self.selected_story();
        if self.reader.story != story {
            self.reader = Reader { story, ..Reader::default() };
            if story.is_none() {
                self.focus = Focus::Stories;
            }
        }
        let panes = self.panes();
        let pane_width = panes.reader_text().map_or(0, |r| r.width);
        let width = usize::from(self.wrap_width.map_or(pane_width, |w| w.min(pane_width)));
        if let Some(index) = story
            && (self.layout.width != width.max(1)
                || self.layout.lines.is_empty()
                || self.layout_story != Some(index))
        {
            let stories = self.library.stories();
            let story = &stories[index];
            // Copies from other feeds or files: one story, its other sources.
            let mut also: Vec<&str> = Vec::new();
            for copy in self.copies_of(index) {
                let source = stories[copy].source_name();
                if source != story.source_name() && !also.contains(&source) {
                    also.push(source);
                }
            }
            self.layout = ReaderLayout::with_copies(story, &also, width, self.now);
            self.layout_story = Some(index);
        }
        if story.is_none() {
            self.layout = ReaderLayout::default();
            self.layout_story = None;
        }
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
        let rows = panes.list_rows().max(1);
        if self.selected < self.list_offset {
            self.list_offset = self.selected;
        } else if self.selected >= self.list_offset + rows {
            self.list_offset = self.selected + 1 - rows;
        }
        self.list_offset = self.list_offset.min(self.visible.len().saturating_sub(rows));
    }
}

#[cfg(test)]
mod tests;
