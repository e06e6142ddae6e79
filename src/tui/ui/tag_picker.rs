//! The tag picker popup: what has been typed, the typed text offered as a
//! name filter, and the matching tags with their story counts.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::columns::{pad, truncate};
use crate::tui::panes::inner;
use crate::tui::picker::{Picker, PickerItem, PickerKind};
use byline_engine::filter::TagFilter;
use byline_engine::model::NameKind;

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
        let input = super::typed_line(prompt, &picker.input, theme);
        input.render(Rect { height: 1, ..body }, buf);
        let rows = usize::from(body.height.saturating_sub(1));
        if rows == 0 {
            return;
        }
        // Each item a row, with a heading before the first person and the
        // first organisation.
        let mut lines: Vec<Line> = Vec::with_capacity(picker.items.len() + 2);
        let mut selected_line = 0;
        let mut section = None;
        for (i, item) in picker.items.iter().enumerate() {
            if let TagFilter::Named(_, kind) = &item.filter
                && section != Some(*kind)
            {
                section = Some(*kind);
                let heading = match kind {
                    NameKind::Person => "People",
                    NameKind::Organisation => "Organisations",
                };
                lines.push(Line::styled(heading, theme.title));
            }
            if i == picker.selected {
                selected_line = lines.len();
            }
            lines.push(self.item_line(item, width, i == picker.selected));
        }
        let offset = selected_line.saturating_sub(rows - 1);
        for (row, line) in lines.into_iter().skip(offset).take(rows).enumerate() {
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

impl TagPicker<'_> {
    /// One item: chosen mark, name, its story count (and unread).
    fn item_line(&self, item: &PickerItem, width: usize, highlighted: bool) -> Line<'static> {
        let theme = self.theme;
        let chosen = self.picker.chosen.contains(&item.filter);
        let mark = if chosen { "✓ " } else { "  " };
        let count = match item.unread {
            Some(unread) => format!("{} · {unread} unread", item.stories),
            None => item.stories.to_string(),
        };
        let label = match &item.filter {
            TagFilter::Name(text) => format!("any tag naming “{text}”"),
            TagFilter::Exact(name) if name.is_empty() => "(no source)".to_string(),
            TagFilter::Exact(name) | TagFilter::Named(name, _) => name.clone(),
            TagFilter::Speaker(name, _) => format!("quoting {name}"),
        };
        let room = width.saturating_sub(mark.len() + count.len() + 1);
        let line = Line::from(vec![
            Span::styled(mark, theme.star),
            Span::raw(pad(&truncate(&label, room), room)),
            Span::raw(" "),
            Span::styled(count, theme.tags),
        ]);
        if highlighted { line.patch_style(theme.selected) } else { line }
    }
}
