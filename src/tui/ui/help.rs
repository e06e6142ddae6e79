//! The help overlay, generated from the keymap so it always shows the keys
//! in force.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::theme::Theme;
use crate::columns::pad;
use crate::tui::keymap::{Context, Keymap};

pub struct Help<'a> {
    pub keymap: &'a Keymap,
    pub theme: &'a Theme,
    pub scroll: usize,
}

impl Help<'_> {
    /// The help text: one section per context, a row per binding.
    pub fn lines(&self) -> Vec<Line<'static>> {
        let mut lines = Vec::new();
        let contexts = [
            Context::List,
            Context::Reader,
            Context::Picker,
            Context::Search,
            Context::Links,
            Context::People,
            Context::PersonQuotes,
            Context::Global,
        ];
        for context in contexts {
            let rows: Vec<_> = self.keymap.bindings.iter().filter(|b| b.context == context).collect();
            if rows.is_empty() {
                continue;
            }
            if !lines.is_empty() {
                lines.push(Line::raw(""));
            }
            lines.push(Line::styled(context.title().to_string(), self.theme.title));
            for binding in rows {
                let keys = binding.keys.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ");
                lines.push(Line::from(vec![
                    Span::styled(format!("  {}", pad(&keys, 22)), self.theme.help_key),
                    Span::raw(binding.description),
                ]));
            }
        }
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            "Mouse: the wheel scrolls the pane under it; a click selects a story.",
            self.theme.dim,
        ));
        lines
    }
}

impl Widget for Help<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(self.theme.border_focused)
            .title(Span::styled(" Keys ", self.theme.title))
            .title_bottom(Line::from(" ? or Esc closes ").right_aligned());
        let lines = self.lines();
        let max = lines.len().saturating_sub(usize::from(area.height.saturating_sub(2)));
        let scroll = self.scroll.min(max) as u16;
        Paragraph::new(lines).block(block).style(self.theme.popup).scroll((scroll, 0)).render(area, buf);
    }
}

/// The story's links, for `L`: one highlighted, Enter opens it.
pub struct LinkList<'a> {
    pub links: &'a [String],
    pub selected: usize,
    pub theme: &'a Theme,
}

impl Widget for LinkList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let block = Block::new()
            .borders(Borders::ALL)
            .border_style(self.theme.border_focused)
            .title(Span::styled(" Links ", self.theme.title))
            .title_bottom(Line::from(" Enter opens · Esc closes ").right_aligned());
        let rows = usize::from(area.height.saturating_sub(2)).max(1);
        let offset = self.selected.saturating_sub(rows - 1);
        let lines: Vec<Line> = self
            .links
            .iter()
            .enumerate()
            .skip(offset)
            .map(|(i, link)| {
                let line = Line::raw(link.clone());
                if i == self.selected { line.style(self.theme.selected) } else { line }
            })
            .collect();
        Paragraph::new(lines).block(block).render(area, buf);
    }
}
