//! Read and starred marks on the app side: changing them, handing the
//! changes to the state file, taking in what other processes saved, and
//! restoring the saved position.

use super::App;
use byline_engine::state::{Mark, Position, State};

impl App {
    /// Change the selected story's read or starred mark.
    pub(super) fn set_marks(&mut self, read: Option<bool>, starred: Option<bool>) {
        let Some(index) = self.selected_story() else {
            self.message = Some("no story selected".into());
            return;
        };
        self.set_marks_of(index, read, starred);
    }

    /// Change the marks of story `index` and of its copies from other
    /// feeds or files (one story, several sources); `None` leaves a mark
    /// as it is.
    pub(super) fn set_marks_of(&mut self, index: usize, read: Option<bool>, starred: Option<bool>) {
        for index in std::iter::once(index).chain(self.copies_of(index)) {
            let story = &self.library.stories()[index];
            let (read, starred) = (read.unwrap_or(story.read), starred.unwrap_or(story.starred));
            self.changed.insert(story.id().to_string(), index);
            self.library.set_marks(index, read, starred);
        }
        self.marks_changed = true;
    }

    /// The marks changed since the last save, stamped with `now`, and the
    /// reader's position: what the state file must take in.
    pub fn unsaved(&self, now: u64) -> State {
        let mut state = State::default();
        for story in self.changed.values().filter_map(|&i| self.library.stories().get(i)) {
            state.stories.insert(
                story.id().to_string(),
                Mark { read: story.read, starred: story.starred, changed: now },
            );
        }
        if let Some(index) = self.selected_story() {
            let story = self.library.stories()[index].id().to_string();
            state.positions.insert(self.library_key.clone(), Position { story, scroll: self.reader.scroll });
        }
        state
    }

    /// After a save: forget what was saved and take in marks that another
    /// byline process saved meanwhile.
    pub(super) fn saved(&mut self, merged: &State) {
        self.changed.clear();
        self.library.apply_state(merged, 0);
    }

    /// Select the story and reader position saved for this library.
    pub fn restore(&mut self, position: &Position) {
        let found = self.visible.iter().position(|&i| self.library.stories()[i].id() == position.story);
        if let Some(at) = found {
            self.selected = at;
            self.refresh_view();
            self.reader.scroll = position.scroll.min(self.max_scroll());
        }
    }
}
