//! The people pane: everyone quoted in the stories shown with their quote
//! and story counts, narrowed by what is typed; or one person's quotes,
//! wrapped, each with its story's title, source and date.

use chrono::{DateTime, FixedOffset};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Widget};

use super::theme::Theme;
use crate::columns::{pad, thousands, truncate};
use crate::tui::panes::inner;
use crate::tui::people::{PeoplePane, PersonQuotes};
use crate::tui::wrap::wrap;
use byline_engine::library::Library;
use unicode_width::UnicodeWidthStr;

pub struct PeopleView<'a> {
    pub pane: &'a PeoplePane,
    pub library: &'a Library,
    /// Stories whose quotes are still being found, when some are.
    pub finding: Option<(usize, usize)>,
    pub now: DateTime<FixedOffset>,
    pub theme: &'a Theme,
}

impl Widget for PeopleView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Clear.render(area, buf);
        let (title, keys) = match &self.pane.quotes {
            None => (
                format!(" People quoted ({}) ", thousands(self.pane.rows.len())),
                " Enter quotes · Ctrl-f their stories · Esc close ",
            ),
            Some(level) => (
                format!(" {} · {} ", level.person.name, count(level.quotes.len(), "quote", "quotes")),
                " Enter open · f their stories · y copy · Esc back ",
            ),
        };
        let mut title = vec![Span::styled(title, self.theme.title)];
        if let Some((done, total)) = self.finding {
            title.push(Span::styled(
                format!(" finding quotes: {} of {} stories ", thousands(done), thousands(total)),
                self.theme.status_key,
            ));
        }
        Block::new()
            .borders(Borders::ALL)
            .border_style(self.theme.border_focused)
            .title(Line::from(title))
            .title_bottom(Line::from(keys).right_aligned())
            .render(area, buf);
        let body = inner(area);
        if body.height == 0 || body.width == 0 {
            return;
        }
        match &self.pane.quotes {
            None => self.people(body, buf),
            Some(level) => self.quotes(level, body, buf),
        }
    }
}

impl PeopleView<'_> {
    /// The typed name, then a row a person: name, quotes, stories.
    fn people(&self, body: Rect, buf: &mut Buffer) {
        let (pane, theme) = (self.pane, self.theme);
        let input = super::typed_line("Name: ", &pane.input, theme);
        input.render(Rect { height: 1, ..body }, buf);
        let rows = usize::from(body.height.saturating_sub(1));
        if rows == 0 {
            return;
        }
        if pane.matching.is_empty() {
            let empty = match self.finding {
                Some(_) => "nobody quoted yet: still finding quotes",
                None if pane.rows.is_empty() => "nobody is quoted in the stories shown",
                None => "nobody quoted by that name",
            };
            Line::styled(empty, theme.dim).render(Rect { y: body.y + 1, height: 1, ..body }, buf);
            return;
        }
        let width = usize::from(body.width);
        let offset = pane.selected.saturating_sub(rows - 1);
        for (row, (position, &r)) in pane.matching.iter().enumerate().skip(offset).take(rows).enumerate() {
            let person = &pane.rows[r];
            // A narrow pane keeps the name and gives up the counts' words,
            // then the counts.
            let full = format!(
                "{} · {}",
                count(person.quotes, "quote", "quotes"),
                count(person.stories, "story", "stories")
            );
            let counts = [full, thousands(person.quotes), String::new()]
                .into_iter()
                .find(|c| width >= c.width() + 4 + NAME_ROOM.min(person.name.width()))
                .unwrap_or_default();
            let room = width.saturating_sub(counts.width() + 4);
            let mut line = Line::from(vec![
                Span::raw(" "),
                Span::raw(pad(&truncate(&person.name, room), room)),
                Span::raw("  "),
                Span::styled(counts, theme.tags),
                Span::raw(" "),
            ]);
            if position == pane.selected {
                line = line.patch_style(theme.selected);
            }
            line.render(Rect { y: body.y + 1 + row as u16, height: 1, ..body }, buf);
        }
    }

    /// One person's quotes: each wrapped, then its story's title, source
    /// and date, then a blank line; the highlighted one kept in view.
    fn quotes(&self, level: &PersonQuotes, body: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        if level.quotes.is_empty() {
            Line::styled("no quotes in the stories shown", theme.dim).render(Rect { height: 1, ..body }, buf);
            return;
        }
        let width = usize::from(body.width).saturating_sub(2).max(1);
        // Only the quotes on screen are laid out: a person quoted in
        // thousands of stories draws as fast as one quoted once.
        let item = |i: usize| -> Vec<Line> {
            let (story, quote) = level.quotes[i];
            let story = &self.library.stories()[story];
            let text = story.quotes().get(quote).map_or("", |q| q.text.as_str());
            let style = if i == level.selected { theme.quote_current } else { theme.quote };
            let mut lines: Vec<Line> = wrap(&format!("“{text}”"), width)
                .into_iter()
                .map(|(_, l)| Line::from(vec![Span::raw(" "), Span::styled(l, style)]))
                .collect();
            let mut meta = vec![story.title().to_string()];
            meta.extend(Some(story.source_name().to_string()).filter(|s| !s.is_empty()));
            meta.extend(crate::dates::long(story.published.as_deref(), self.now));
            let meta = truncate(&meta.join(" · "), width.saturating_sub(2));
            lines.push(Line::from(vec![Span::raw("   "), Span::styled(meta, theme.meta)]));
            lines.push(Line::raw(""));
            lines
        };
        // From the highlighted quote back, as many as fit above it; then
        // on down from the first of those until the pane is full.
        let rows = usize::from(body.height);
        let mut first = level.selected;
        let mut used = item(first).len();
        while first > 0 {
            let above = item(first - 1).len();
            if used + above > rows {
                break;
            }
            first -= 1;
            used += above;
        }
        let lines = (first..level.quotes.len()).flat_map(item);
        for (y, line) in lines.take(rows).enumerate() {
            line.render(Rect { y: body.y + y as u16, height: 1, ..body }, buf);
        }
    }
}

/// Cells a name keeps before its counts are shortened.
const NAME_ROOM: usize = 16;

/// `1 quote`, `2 quotes`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}
