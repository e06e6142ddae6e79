//! Moving within a story and with the mouse: the reading pane's keys,
//! jumping between quotes and search matches, scrolling them into view,
//! the wheel and clicks.

use ratatui::layout::Rect;

use super::{Action, App, Focus, Overlay};

impl App {
    /// A key in the reading pane: scrolling, quotes (only the followed
    /// person's when there is one), search matches.
    pub(super) fn reader_action(&mut self, action: Action) {
        let page = self.panes().reader_rows().saturating_sub(1).max(1);
        let max = self.max_scroll();
        let scroll = self.reader.scroll;
        match action {
            Action::Down => self.reader.scroll = (scroll + 1).min(max),
            Action::Up => self.reader.scroll = scroll.saturating_sub(1),
            Action::Top => self.reader.scroll = 0,
            Action::Bottom => self.reader.scroll = max,
            Action::PageDown => self.reader.scroll = (scroll + page).min(max),
            Action::PageUp => self.reader.scroll = scroll.saturating_sub(page),
            Action::Back if self.reader.back_to_people.is_some() => {
                if let Some(pane) = self.reader.back_to_people.take() {
                    self.overlay = Overlay::People(pane);
                }
                self.focus = Focus::Stories;
            }
            Action::Back | Action::SwitchFocus => self.focus = Focus::Stories,
            Action::NextQuote | Action::PrevQuote => match self.step_quote(action == Action::NextQuote) {
                Ok(q) => self.show_quote(q),
                Err(why) => self.message = Some(why.into()),
            },
            Action::NextMatch if self.filter.search.is_empty() => self.next_unread(),
            Action::NextMatch | Action::PrevMatch => self.jump_match(action == Action::NextMatch),
            other => self.common_action(other),
        }
    }

    pub(super) fn quote_count(&self) -> usize {
        self.reader.story.map_or(0, |s| self.library.stories()[s].quotes().len())
    }

    /// Highlight quote `q` and scroll it into view.
    pub(super) fn show_quote(&mut self, q: usize) {
        let Some(story) = self.reader.story else { return };
        let quote = &self.library.stories()[story].quotes()[q];
        let (para, start) = (quote.paragraph, quote.start);
        self.reader.quote = Some(q);
        self.reveal(para, start);
    }

    pub(super) fn jump_match(&mut self, forward: bool) {
        let Some(story) = self.reader.story else { return };
        let matches = crate::tui::search::matches(&self.library.stories()[story], &self.filter.search);
        if matches.is_empty() {
            self.message = Some(if self.filter.search.trim().is_empty() {
                "no search: press / to search".into()
            } else {
                "no match in this story".into()
            });
            return;
        }
        let n = matches.len();
        let next = match self.reader.found {
            None if forward => 0,
            None => n - 1,
            Some(i) if forward => (i + 1) % n,
            Some(i) => (i + n - 1) % n,
        };
        self.reader.found = Some(next);
        let m = matches[next];
        self.reveal(m.para, m.start);
        self.message = Some(format!("match {}/{}", next + 1, n));
    }

    /// Scroll so that character `at` of paragraph `para` is in view, with a
    /// little context above it.
    pub(super) fn reveal(&mut self, para: usize, at: usize) {
        self.refresh_view();
        let Some(line) = self.layout.line_of(para, at) else { return };
        let rows = self.panes().reader_rows().max(1);
        if line < self.reader.scroll || line >= self.reader.scroll + rows {
            self.reader.scroll = line.saturating_sub(rows.min(6) / 3);
        }
        self.reader.scroll = self.reader.scroll.min(self.max_scroll());
    }

    pub(super) fn max_scroll(&self) -> usize {
        self.layout.lines.len().saturating_sub(self.panes().reader_rows())
    }

    pub(super) fn scroll_at(&mut self, column: u16, row: u16, down: bool) {
        let panes = self.panes();
        let step = 3;
        if panes.list.is_some_and(|r| contains(r, column, row)) && self.overlay == Overlay::None {
            let last = self.visible.len().saturating_sub(1);
            self.selected = if down {
                self.selected.saturating_add(step).min(last)
            } else {
                self.selected.saturating_sub(step)
            };
        } else if panes.reader.is_some_and(|r| contains(r, column, row)) {
            let max = self.max_scroll();
            let scroll = self.reader.scroll;
            self.reader.scroll = if down { (scroll + step).min(max) } else { scroll.saturating_sub(step) };
        }
    }

    pub(super) fn click(&mut self, column: u16, row: u16) {
        if self.overlay != Overlay::None {
            return;
        }
        let panes = self.panes();
        if let Some(inner) = panes.list_inner()
            && contains(inner, column, row)
        {
            let position = self.list_offset + usize::from(row - inner.y);
            if position < self.visible.len() {
                self.selected = position;
                self.focus = Focus::Stories;
            }
        } else if panes.reader.is_some_and(|r| contains(r, column, row)) && self.reader.story.is_some() {
            self.focus = Focus::Reader;
        }
    }
}

fn contains(rect: Rect, column: u16, row: u16) -> bool {
    column >= rect.x && column < rect.right() && row >= rect.y && row < rect.bottom()
}
