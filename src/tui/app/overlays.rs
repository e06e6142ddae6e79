//! Keys while an overlay is open: the help screen scrolls and closes, the
//! tag picker narrows and applies, the search line narrows the list as it
//! is typed.

use super::{Action, App, Focus, Overlay};
use crate::tui::picker::PickerKind;

impl App {
    pub(super) fn help_action(&mut self, action: Action) {
        if let Overlay::Help { scroll } = &mut self.overlay {
            match action {
                Action::Down => *scroll += 1,
                Action::Up => *scroll = scroll.saturating_sub(1),
                Action::ToggleHelp | Action::Cancel => self.overlay = Overlay::None,
                _ => {}
            }
        }
    }

    pub(super) fn picker_action(&mut self, action: Action) {
        let Overlay::Picker(picker) = &mut self.overlay else { return };
        match action {
            Action::DeleteBack => picker.delete_back(&self.library),
            Action::Down => picker.move_by(1),
            Action::Up => picker.move_by(-1),
            Action::PickerToggle => picker.toggle(),
            Action::Submit => {
                let picked = picker.result();
                match picker.kind {
                    PickerKind::Tags => self.filter.tags = picked,
                    PickerKind::Sources => {
                        self.filter.sources = picked.into_iter().map(|f| f.label().to_string()).collect();
                    }
                }
                self.overlay = Overlay::None;
                self.focus = Focus::Stories;
                self.apply_filter();
                if self.visible.is_empty() {
                    self.message = Some("no story matches what was picked".into());
                }
            }
            Action::Cancel => self.overlay = Overlay::None,
            _ => {}
        }
    }

    /// A character typed: it goes to the picker or the search line, and
    /// means nothing elsewhere.
    pub(super) fn type_char(&mut self, c: char) {
        match &mut self.overlay {
            Overlay::Picker(picker) => picker.type_char(c, &self.library),
            Overlay::People(pane) if pane.quotes.is_none() => pane.type_char(c),
            Overlay::Search { input, .. } => {
                input.push(c);
                self.filter.search = input.clone();
                self.apply_filter();
            }
            _ => {}
        }
    }

    pub(super) fn search_action(&mut self, action: Action) {
        let Overlay::Search { input, previous } = &mut self.overlay else { return };
        match action {
            Action::DeleteBack => {
                input.pop();
            }
            Action::Submit => {
                self.overlay = Overlay::None;
                self.focus = Focus::Stories;
                return;
            }
            Action::Cancel => {
                self.filter.search = std::mem::take(previous);
                self.overlay = Overlay::None;
                self.apply_filter();
                return;
            }
            _ => return,
        }
        self.filter.search = input.clone();
        self.apply_filter();
    }
}
