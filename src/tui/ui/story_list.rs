//! The story list: a marker for unread and starred stories, the title, and
//! the tags in short form. Only the rows on screen are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::columns::{pad, truncate};
use crate::tui::app::App;
use crate::tui::panes::inner;
use byline_engine::model::Story;

pub struct StoryList<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for StoryList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let total = app.library.stories().len();
        let count = if app.filter.is_active() {
            format!(" {} of {} ", app.visible.len(), total)
        } else {
            format!(" {total} ")
        };
        let border = if self.focused { self.theme.border_focused } else { self.theme.border };
        Block::new()
            .borders(Borders::ALL)
            .border_style(border)
            .title(Span::styled(" Stories ", self.theme.title))
            .title(Line::from(count).right_aligned())
            .render(area, buf);
        let rows = inner(area);
        if rows.width == 0 || rows.height == 0 {
            return;
        }
        if app.visible.is_empty() {
            let text = match (total, app.loading.is_some()) {
                (0, true) => "Loading stories...",
                (0, false) => "No stories.",
                (_, true) => "No story matches yet. Esc clears the filters.",
                _ => "No story matches. Esc clears the filters.",
            };
            Line::styled(truncate(text, usize::from(rows.width)), self.theme.dim).render(rows, buf);
            return;
        }
        let shown = app.visible.iter().enumerate().skip(app.list_offset).take(usize::from(rows.height));
        for (row, (position, &index)) in shown.enumerate() {
            let line_area = Rect { y: rows.y + row as u16, height: 1, ..rows };
            let story = &app.library.stories()[index];
            let selected = position == app.selected;
            self.row(story, selected, usize::from(rows.width)).render(line_area, buf);
        }
    }
}

impl StoryList<'_> {
    fn row(&self, story: &Story, selected: bool, width: usize) -> Line<'static> {
        let theme = self.theme;
        let marker =
            if story.read { Span::styled("  ", theme.read) } else { Span::styled("● ", theme.unread) };
        let star = if story.starred { Span::styled("★ ", theme.star) } else { Span::raw("") };
        let used = 2 + if story.starred { 2 } else { 0 };
        let room = width.saturating_sub(used);
        let tags = short_tags(&story.tags);
        let tag_room = if room >= 40 { (room / 3).min(tags.width()) } else { 0 };
        let title_room = room.saturating_sub(if tag_room > 0 { tag_room + 2 } else { 0 });
        let title = pad(&truncate(story.title(), title_room), title_room);
        let mut spans = vec![marker, star, Span::styled(title, theme.body)];
        if tag_room > 0 {
            spans.push(Span::raw("  "));
            spans.push(Span::styled(truncate(&tags, tag_room), theme.tags));
        }
        let line = Line::from(spans);
        if selected { line.patch_style(theme.selected) } else { line }
    }
}

/// The first two tags, and how many more.
fn short_tags(tags: &[String]) -> String {
    let mut text = tags.iter().take(2).cloned().collect::<Vec<_>>().join(", ");
    if tags.len() > 2 {
        text.push_str(&format!(" +{}", tags.len() - 2));
    }
    text
}
