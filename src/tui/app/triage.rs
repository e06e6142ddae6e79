//! Triage, as a newsboat user does it a hundred times a day: open the
//! next unread story (wrapping to the top), and mark every story shown
//! read at once, with one undo.

use super::App;
use byline_engine::bitset::BitSet;

impl App {
    /// Open the next unread story after the selected one, wrapping to the
    /// top of the list.
    pub(super) fn next_unread(&mut self) {
        let count = self.visible.len();
        // Which stories pass, for the members of folded events.
        let passing = self
            .grouping
            .clusters
            .as_ref()
            .map(|_| BitSet::of(self.library.len(), self.passing.iter().copied()));
        let next = (1..=count).map(|step| (self.selected + step) % count).find_map(|p| {
            let story = self.unread_at(p, passing.as_ref())?;
            Some((p, story))
        });
        match next {
            Some((position, story)) => {
                let wrapped = position <= self.selected;
                self.select(position);
                // An unread story folded into its event: list the event's
                // stories and go to it.
                if self.selected_story() != Some(story) {
                    self.toggle_cluster();
                    self.selected = self.visible.iter().position(|&s| s == story).unwrap_or(self.selected);
                }
                self.open();
                if wrapped && count > 1 {
                    self.message = Some("next unread, from the top".into());
                }
            }
            None => self.message = Some("no unread story here".into()),
        }
    }

    /// The unread story the row at `position` stands for: its own story,
    /// or on a folded event's row the event's first unread story that the
    /// filters let through.
    fn unread_at(&self, position: usize, passing: Option<&BitSet>) -> Option<usize> {
        let story = *self.visible.get(position)?;
        let unread = |s: usize| !self.library.stories()[s].read;
        if unread(story) {
            return Some(story);
        }
        match self.row_kind(story) {
            super::clusters::RowKind::Cluster { open: false, .. } => {
                let members = self.cluster_of(story)?;
                let passes = |m: usize| passing.is_some_and(|p| p.contains(m));
                members[1..].iter().copied().find(|&m| unread(m) && passes(m))
            }
            _ => None,
        }
    }

    /// Mark every story the filters let through read; `U` undoes it once.
    pub(super) fn mark_all_shown_read(&mut self) {
        let unread: Vec<usize> =
            self.passing.iter().copied().filter(|&i| !self.library.stories()[i].read).collect();
        if unread.is_empty() {
            self.message = Some("every story shown is read already".into());
            return;
        }
        self.message = Some(format!("marked {} read; U undoes it", self.mark_read(&unread, true)));
        self.undo_read = unread;
    }

    /// Mark unread again what the last mark-all-read marked read.
    pub(super) fn undo_mark_all(&mut self) {
        let undo = std::mem::take(&mut self.undo_read);
        if undo.is_empty() {
            self.message = Some("nothing to undo".into());
            return;
        }
        self.message = Some(format!("marked {} unread again", self.mark_read(&undo, false)));
    }

    /// Mark `stories` read (or unread), keeping an unread-only list up to
    /// date; how many, in words (`3 stories`).
    pub(super) fn mark_read(&mut self, stories: &[usize], read: bool) -> String {
        for &index in stories {
            self.set_marks_of(index, Some(read), None);
        }
        if self.filter.unread_only {
            self.apply_filter();
        }
        format!("{} {}", stories.len(), if stories.len() == 1 { "story" } else { "stories" })
    }
}
