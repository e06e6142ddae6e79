//! The story list: its keys, the rows it shows (the stories the filter
//! lets through, grouped by event), and opening the selected story.

use super::{Action, App, Focus};
use byline_engine::filter::Filter;

impl App {
    /// A key in the story list.
    pub(super) fn list_action(&mut self, action: Action) {
        let page = self.panes().list_rows().max(1);
        let last = self.visible.len().saturating_sub(1);
        match action {
            Action::Down => self.select(self.selected.saturating_add(1).min(last)),
            Action::Up => self.select(self.selected.saturating_sub(1)),
            Action::Top => self.select(0),
            Action::Bottom => self.select(last),
            Action::PageDown => self.select(self.selected.saturating_add(page).min(last)),
            Action::PageUp => self.select(self.selected.saturating_sub(page)),
            Action::Open | Action::SwitchFocus => {
                self.open();
            }
            Action::NextQuote | Action::PrevQuote => {
                if self.open() {
                    let count = self.quote_count();
                    if count == 0 {
                        self.message = Some("no quotes in this story".into());
                    } else {
                        let at = if action == Action::NextQuote { 0 } else { count - 1 };
                        self.show_quote(at);
                    }
                }
            }
            Action::ToggleCluster => self.toggle_cluster(),
            Action::UnreadOnly => {
                self.filter.unread_only = !self.filter.unread_only;
                self.apply_filter();
            }
            Action::StarredOnly => {
                self.filter.starred_only = !self.filter.starred_only;
                self.apply_filter();
            }
            Action::CycleSort => {
                self.filter.sort = self.filter.sort.next();
                self.apply_filter();
                self.message = Some(format!("sorted by {}", self.filter.sort.name()));
            }
            Action::ClearFilters => {
                if self.filter.is_active() {
                    self.filter = Filter { sort: self.filter.sort, ..Filter::default() };
                    self.apply_filter();
                    self.message = Some("filters cleared".into());
                }
            }
            other => self.common_action(other),
        }
    }

    /// Recompute the visible stories, keeping the selected story selected
    /// when it is still there.
    pub(super) fn apply_filter(&mut self) {
        let before = self.selected_story();
        self.passing = self.filter.apply(&self.library);
        self.visible = self.group_rows(&self.passing).unwrap_or_else(|| self.passing.clone());
        // A story folded into its cluster leaves the cluster's row selected.
        let row_of = |s: usize| {
            let lead = self.cluster_of(s).map_or(s, |members| members[0]);
            self.visible.iter().position(|&v| v == s).or_else(|| self.visible.iter().position(|&v| v == lead))
        };
        self.selected = before.and_then(row_of).unwrap_or(0);
    }

    pub(super) fn select(&mut self, position: usize) {
        self.selected = position;
    }

    /// Open the selected story in the reader and mark it read.
    pub(super) fn open(&mut self) -> bool {
        let Some(index) = self.selected_story() else {
            self.message = Some("no story to open".into());
            return false;
        };
        self.focus = Focus::Reader;
        if !self.library.stories()[index].read {
            self.set_marks(Some(true), None);
        }
        self.refresh_view();
        true
    }
}
