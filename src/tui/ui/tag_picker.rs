//! The tag picker popup: what has been typed, the typed text offered as a
//! name filter, and the matching tags with their story counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::columns::{pad, truncate};
use crate::tui::panes::inner;
use crate::tui::picker::{Picker, PickerKind};
use byline_engine::filter::TagFilter;

pub struct TagPicker<'a> {
    pub picker: &'a Picker,
    pub theme: &'a Theme,
}

impl Widget for TagPicker<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        let picker = self.picker;
        Clear.render(area, buf);
        let (noun, prompt) = match picker.kind {
            PickerKind::Tags => ("Tags", "Tag: "),
            PickerKind::Sources => ("Sources", "Source: "),
        };
        let title = format!(
            " {noun} ({}) ",
            picker.items.iter().filter(|i| matches!(i.filter, TagFilter::Exact(_))).count()
        );
        Block::new()
            .borders(Borders::ALL)
            .border_style(theme.border_focused)
            .title(Span::styled(title, theme.title))
            .title_bottom(Line::from(" Enter apply · Space add · Esc cancel ").right_aligned())
            .render(area, buf);
        let body = inner(area);
        if body.height == 0 || body.width == 0 {
            return;
        }
        let width = usize::from(body.width);
        let input = Line::from(vec![
            Span::styled(prompt, theme.title),
            Span::raw(picker.input.clone()),
            Span::styled("▏", theme.dim),
        ]);
        input.render(Rect { height: 1, ..body }, buf);
        let rows = usize::from(body.height.saturating_sub(1));
        if rows == 0 {
            return;
        }
        let offset = picker.selected.saturating_sub(rows - 1);
        for (row, (i, item)) in picker.items.iter().enumerate().skip(offset).take(rows).enumerate() {
            let chosen = picker.chosen.contains(&item.filter);
            let mark = if chosen { "✓ " } else { "  " };
            let count = match item.unread {
                Some(unread) => format!("{} · {unread} unread", item.stories),
                None => item.stories.to_string(),
            };
            let label = match &item.filter {
                TagFilter::Name(text) => format!("any tag naming “{text}”"),
                TagFilter::Exact(name) if name.is_empty() => "(no source)".to_string(),
                TagFilter::Exact(name) => name.clone(),
            };
            let room = width.saturating_sub(mark.len() + count.len() + 1);
            let mut line = Line::from(vec![
                Span::styled(mark, theme.star),
                Span::raw(pad(&truncate(&label, room), room)),
                Span::raw(" "),
                Span::styled(count, theme.tags),
            ]);
            if i == picker.selected {
                line = line.patch_style(theme.selected);
            }
            line.render(Rect { y: body.y + 1 + row as u16, height: 1, ..body }, buf);
        }
        if picker.items.is_empty() && rows > 0 {
            Line::styled(
                if picker.kind == PickerKind::Tags { "no tag matches" } else { "no source matches" },
                theme.dim,
            )
            .render(Rect { y: body.y + 1, height: 1, ..body }, buf);
        }
    }
}
