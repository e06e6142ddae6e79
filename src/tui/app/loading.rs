//! Stories arriving while the reader is open: each batch from the loading
//! threads joins the library, the list and the tag picker, and the status
//! bar counts files read. Until the user moves, the selection stays on the
//! first story (or goes to the saved position once its story arrives).

use super::{App, Overlay};
use byline_engine::cache::{Snapshot, Walk};
use byline_engine::load::Batch;
use byline_engine::search_index::WordIndex;
use std::sync::Arc;

use crate::tui::msg::Job;
use byline_engine::state::{Position, State};

/// Tag lines segmented between two looks at the keyboard: a few
/// milliseconds of work.
const FINISH_SLICE: usize = 2000;

/// Stories that join the list as each batch arrives; beyond this, they
/// join in growing steps.
const SHOWN_AT_ONCE: usize = 5000;

/// How far loading has got, for the status bar.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LoadProgress {
    pub files_read: usize,
    /// Known once the walk of the paths is done.
    pub files_found: Option<usize>,
    /// The parsed cache said which files there are and holds this many
    /// stories: the load takes tenths of a second, so after the first
    /// screenful the list is put in order once, at the end, rather than
    /// in steps that take the loading threads' time.
    pub from_cache: usize,
}

impl App {
    /// Loading has begun; `position` is the saved place to return to when
    /// its story arrives.
    pub fn start_loading(&mut self, position: Option<Position>) {
        self.loading = Some(LoadProgress::default());
        self.pending_position = position;
        // The word index is built once every story is in, by a thread:
        // until then a search reads the stories.
        self.library.drop_words();
    }

    /// The walk is done: this many files are read in all; `skipped` paths
    /// could not be.
    pub(super) fn files_found(&mut self, files: usize, skipped: usize, walk: Walk) {
        if let Some(progress) = &mut self.loading {
            progress.files_found = Some(files);
            progress.from_cache = walk.stories;
        }
        self.library.reserve(walk.stories);
        self.start_check(walk.check.clone());
        self.manifest.walked(files, walk);
        self.skipped += skipped;
    }

    /// Take in batches of stories that came at once, with the saved marks
    /// for them; the list is put in order once for all of them.
    pub(super) fn add_batches(&mut self, batches: Vec<Batch>, marks: &State) {
        for batch in batches {
            self.add_batch(batch, marks);
        }
        // Each merge into the list costs a pass over the stories already
        // in it: while loading, the list is brought up to date when the
        // stories waiting are a quarter of those shown (so the merges cost
        // a few passes in all, not one a batch), and at the end.
        let (shown, all) = (self.library.order().len(), self.library.len());
        let in_steps = self.loading.is_none_or(|progress| progress.from_cache == 0);
        if shown < SHOWN_AT_ONCE || (in_steps && (all - shown) * 4 >= shown) {
            self.stories_arrived();
        }
    }

    /// Take in a batch of stories, with the saved marks for them, without
    /// reordering the list yet.
    pub(super) fn add_batch(&mut self, mut batch: Batch, marks: &State) {
        let from = self.library.len();
        self.manifest.add(from, std::mem::take(&mut batch.cacheable), batch.parsed);
        self.library.extend(batch.drafts);
        self.library.apply_state(marks, from);
        self.skipped += batch.skipped.len();
        if let Some(progress) = &mut self.loading {
            progress.files_read += batch.files;
        }
    }

    /// Put the stories added by `add_batch` in order and in the list.
    pub(super) fn stories_arrived(&mut self) {
        self.library.order_new_stories();
        self.refresh_stories();
        // Stories fetched later are clustered with the rest.
        if self.grouping.on && self.loading.is_none() {
            self.want_people();
        }
    }

    /// Everything is read: tag lines written without separators are
    /// segmented now that every tag is known, a slice of them at a time so
    /// that keys are answered between slices. Loading ends (`loading` is
    /// `None`) with the last slice.
    pub(super) fn finish_loading_step(&mut self) {
        if !self.library.segment_some_tag_lines(FINISH_SLICE) {
            return;
        }
        self.loading = None;
        self.refresh_stories();
        if self.pending_position.take().is_some() && self.message.is_none() {
            self.message = Some("the story you were reading is no longer here".into());
        }
    }

    /// Loading is over and its last frame drawn: hand the word index and
    /// the parsed cache to threads. Taking what they need costs a few
    /// tenths of a second at 100,000 stories, after the user sees the
    /// whole list rather than before.
    pub(super) fn after_loading(&mut self) {
        // Files taken on the cache's word are being checked; the rest
        // waits for that (`rechecked`).
        if self.check_after_loading() {
            return;
        }
        self.start_background_work();
    }

    /// The word index, the cache and the people (or groups), each by a
    /// thread, once the stories are in and checked.
    pub(super) fn start_background_work(&mut self) {
        if !self.library.has_words() {
            self.index_job = Some(Job(Arc::new(self.library.index_texts())));
        }
        // What was parsed is kept for the next start, written by a thread.
        self.cache_snapshot = self.cache_to_write();
        // Grouping stories needs everyone's quotes.
        if self.people.wanted || self.grouping.on {
            self.want_people();
        }
    }

    /// The parsed cache as it should be written, when the load calls for
    /// writing it; also what a user quitting right after loading leaves
    /// (without the word index, which nobody would use).
    pub fn cache_to_write(&self) -> Option<Snapshot> {
        let spec = self.cache.as_ref().filter(|spec| spec.wants(&self.manifest))?;
        Some(Snapshot::take(spec, &self.library, &self.manifest))
    }

    /// The word index built by a thread arrived: searches use it from now
    /// on (their results are the same).
    pub(super) fn words_indexed(&mut self, index: WordIndex, covered: usize) {
        self.library.set_words(index, covered);
        self.apply_filter();
    }

    /// The user did something: from now on the selection follows their
    /// story, not the top of the list.
    pub(super) fn user_acted(&mut self) {
        self.user_moved = true;
        self.pending_position = None;
    }

    pub(super) fn refresh_stories(&mut self) {
        self.apply_filter();
        if !self.user_moved {
            self.selected = 0;
            self.list_offset = 0;
        }
        if let Overlay::Picker(picker) = &mut self.overlay {
            picker.reload(&self.library);
        }
        if let Some(position) = self.pending_position.clone()
            && self.visible.iter().any(|&i| self.library.stories()[i].id() == position.story)
        {
            self.restore(&position);
            self.user_acted();
        }
        self.refresh_view();
    }
}
