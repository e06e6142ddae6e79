//! Triage, as a newsboat user does it a hundred times a day: open the
//! next unread story (wrapping to the top), and mark every story shown
//! read at once, with one undo.

use super::App;

impl App {
    /// Open the next unread story after the selected one, wrapping to the
    /// top of the list.
    pub(super) fn next_unread(&mut self) {
        let count = self.visible.len();
        let unread = |app: &App, position: usize| !app.library.stories()[app.visible[position]].read;
        let next = (1..=count).map(|step| (self.selected + step) % count).find(|&p| unread(self, p));
        match next {
            Some(position) => {
                let wrapped = position <= self.selected;
                self.select(position);
                self.open();
                if wrapped && count > 1 {
                    self.message = Some("next unread, from the top".into());
                }
            }
            None => self.message = Some("no unread story here".into()),
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
