//! Drawing: one file per panel, each a small struct borrowing what it shows
//! and implementing `Widget`; `theme` holds every style.

mod help;
mod people;
mod reader;
mod status_bar;
mod story_list;
mod tag_picker;
pub mod theme;

use ratatui::Frame;
use ratatui::layout::{Constraint, Flex, Layout, Rect};

use super::app::{App, Focus, Overlay};
use crate::config::PickerPlacement;
use theme::Theme;

/// Draw the whole screen for the app's state.
pub fn draw(frame: &mut Frame, app: &App, theme: &Theme) {
    let panes = app.panes();
    if let Some(area) = panes.list {
        frame.render_widget(story_list::StoryList { app, theme, focused: app.focus == Focus::Stories }, area);
    }
    if let Some(area) = panes.reader {
        frame.render_widget(reader::ReaderView { app, theme, focused: app.focus == Focus::Reader }, area);
    }
    if let Some(area) = panes.status {
        frame.render_widget(status_bar::StatusBar { app, theme }, area);
        if let Overlay::Search { input, .. } = &app.overlay {
            let x = area.x + 1 + unicode_width::UnicodeWidthStr::width(input.as_str()) as u16;
            if x < area.right() {
                frame.set_cursor_position((x, area.y));
            }
        }
    }
    match &app.overlay {
        Overlay::Help { scroll } => frame.render_widget(
            help::Help { keymap: &app.keymap, theme, scroll: *scroll },
            popup(frame.area(), 72, 90),
        ),
        Overlay::Picker(picker) => {
            let area = match app.picker_placement {
                PickerPlacement::Panel => panes.list.or(panes.reader).unwrap_or(frame.area()),
                PickerPlacement::Popup => popup(frame.area(), 60, 70),
            };
            frame.render_widget(tag_picker::TagPicker { picker, theme }, area)
        }
        Overlay::Links { links, selected } => {
            let lines: Vec<String> = links.clone();
            frame.render_widget(
                help::LinkList { links: &lines, selected: *selected, theme },
                popup(frame.area(), 90, 50),
            )
        }
        Overlay::People(pane) => {
            // Still loading, the finding starts once every story is in.
            let finding = (app.people.running() || app.loading.is_some())
                .then(|| (app.library.people().covered(), app.library.len()));
            let view = people::PeopleView { pane, library: &app.library, finding, now: app.now, theme };
            frame.render_widget(view, popup(frame.area(), 100, 90))
        }
        Overlay::Search { .. } | Overlay::None => {}
    }
}

/// The line of a pane that takes typing: its prompt, the text typed and
/// a bar where the next character goes.
fn typed_line(prompt: &'static str, input: &str, theme: &Theme) -> ratatui::text::Line<'static> {
    use ratatui::text::{Line, Span};
    Line::from(vec![
        Span::styled(prompt, theme.title),
        Span::raw(input.to_string()),
        Span::styled("▏", theme.dim),
    ])
}

/// A centred rectangle of at most `width` columns and `percent` of the
/// height, leaving the status bar visible.
fn popup(area: Rect, width: u16, percent: u16) -> Rect {
    let body = Rect { height: area.height.saturating_sub(1), ..area };
    let [row] = body.layout(&Layout::vertical([Constraint::Percentage(percent)]).flex(Flex::Center));
    let [cell] = row.layout(&Layout::horizontal([Constraint::Max(width)]).flex(Flex::Center));
    cell
}
