//! The story list: marks for unread and starred stories, the date, the
//! source, the title and the tags in short form, in columns aligned across
//! the rows on screen. Only the rows on screen are built.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};
use unicode_width::UnicodeWidthStr;

use super::theme::Theme;
use crate::columns::{pad, truncate};
use crate::config::ListColumn;
use crate::dates;
use crate::tui::app::App;
use crate::tui::app::clusters::RowKind;
use crate::tui::panes::inner;
use byline_engine::library::SortOrder;
use byline_engine::model::Story;

pub struct StoryList<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for StoryList<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let total = app.library.live_len();
        // Every story is shown when no filter is on: count without visiting.
        let unread =
            if app.filter.is_active() { app.library.unread_in(&app.passing) } else { app.library.unread() };
        let count = if app.filter.is_active() {
            format!(" {unread} unread · {} of {} ", app.passing.len(), total)
        } else {
            format!(" {unread} unread · {total} ")
        };
        let border = if self.focused { self.theme.border_focused } else { self.theme.border };
        Block::new()
            .borders(Borders::ALL)
            .border_style(border)
            .title(Span::styled(
                match app.filter.sort {
                    SortOrder::Newest => " Stories ".to_string(),
                    other => format!(" Stories · {} ", other.name()),
                },
                self.theme.title,
            ))
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
        let shown: Vec<Row> = app
            .visible
            .iter()
            .enumerate()
            .skip(app.list_offset)
            .take(usize::from(rows.height))
            .map(|(position, &index)| Row::new(index, position == app.selected, app))
            .collect();
        let columns = Columns::fit(usize::from(rows.width), &shown, &app.list_columns);
        for (at, row) in shown.iter().enumerate() {
            let line_area = Rect { y: rows.y + at as u16, height: 1, ..rows };
            self.line(row, &columns).render(line_area, buf);
        }
    }
}

/// What one row on screen shows, worked out once for both measuring the
/// columns and drawing them.
struct Row<'a> {
    story: &'a Story,
    selected: bool,
    date: String,
    source: &'a str,
    tags: String,
    kind: RowKind,
}

impl<'a> Row<'a> {
    fn new(index: usize, selected: bool, app: &'a App) -> Row<'a> {
        let story = &app.library.stories()[index];
        let date = dates::short(story.published.as_deref(), app.now);
        let kind = app.row_kind(index);
        Row { story, selected, date, source: story.source_name(), tags: short_tags(&story.tags), kind }
    }

    /// The title cell: a cluster's row opens with its fold mark and ends
    /// with its other sources and unread count, a member is indented
    /// under its lead.
    fn title_spans(&self, width: usize, theme: &Theme) -> Vec<Span<'static>> {
        let title = self.story.title();
        let (before, after) = match self.kind {
            RowKind::Story => (String::new(), String::new()),
            RowKind::Member => ("  ↳ ".to_string(), String::new()),
            RowKind::Cluster { others, unread, open } => {
                let mark = if open { "▾ " } else { "▸ " };
                // The unread count in words when the title keeps room to
                // be read, else beside the list's unread mark, else only
                // the other sources.
                let mut forms = vec![format!(" +{others}")];
                if unread > 0 {
                    forms.insert(0, format!(" +{others} ●{unread}"));
                    forms.insert(0, format!(" +{others} · {unread} unread"));
                }
                let title_keeps = |form: &String, least: usize| width >= least + form.width() + mark.width();
                let after = match forms.iter().position(|f| title_keeps(f, TITLE_MIN / 2)) {
                    Some(0) => forms.swap_remove(0),
                    _ => forms.into_iter().skip(1).find(|f| title_keeps(f, 4)).unwrap_or_default(),
                };
                (mark.to_string(), after)
            }
        };
        let room = width.saturating_sub(before.width() + after.width());
        let title = truncate(title, room);
        let fill = width.saturating_sub(before.width() + title.width() + after.width());
        vec![
            Span::styled(before, theme.meta),
            Span::styled(title, theme.body),
            Span::styled(after, theme.meta),
            Span::raw(" ".repeat(fill)),
        ]
    }
}

/// The widths of the list's columns for the rows on screen: marks, date,
/// source, title, tags. Narrow lists drop the tags first, then the
/// source, then the date; the title keeps what is left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Columns {
    date: usize,
    source: usize,
    title: usize,
    tags: usize,
}

/// Columns are separated by this many spaces.
const GAP: usize = 2;
/// The read and star marks, and a space.
const MARKS: usize = 3;
/// The title keeps at least this many cells before other columns show.
const TITLE_MIN: usize = 24;
/// The longest source shown.
const SOURCE_CAP: usize = 16;

impl Columns {
    fn fit(width: usize, shown: &[Row], wanted: &[ListColumn]) -> Columns {
        let room = width.saturating_sub(MARKS);
        let widest = |cell: fn(&Row) -> usize| shown.iter().map(cell).max().unwrap_or(0);
        let widest_date = widest(|r| r.date.width());
        let date = if widest_date == 0 { 0 } else { widest_date.max(5) };
        let with = |n: usize| if n > 0 { n + GAP } else { 0 };
        let wants = |c: ListColumn| wanted.contains(&c);
        let mut columns = Columns {
            date: if wants(ListColumn::Date) { date } else { 0 },
            source: if wants(ListColumn::Source) { widest(|r| r.source.width()).min(SOURCE_CAP) } else { 0 },
            title: 0,
            tags: if wants(ListColumn::Tags) { widest(|r| r.tags.width()).min(room / 4) } else { 0 },
        };
        let title = |c: &Columns| room.saturating_sub(with(c.date) + with(c.source) + with(c.tags));
        // The title comes first: drop the tags, then the source, then the
        // date until it has room to be read.
        if title(&columns) < TITLE_MIN {
            columns.tags = 0;
        }
        if title(&columns) < TITLE_MIN {
            columns.source = 0;
        }
        if title(&columns) < TITLE_MIN / 2 {
            columns.date = 0;
        }
        columns.title = title(&columns);
        columns
    }
}

impl StoryList<'_> {
    fn line(&self, row: &Row, columns: &Columns) -> Line<'static> {
        let theme = self.theme;
        let story = row.story;
        let read = if story.read { Span::styled(" ", theme.read) } else { Span::styled("●", theme.unread) };
        let star = if story.starred { Span::styled("★ ", theme.star) } else { Span::raw("  ") };
        let mut spans = vec![read, star];
        for column in &self.app.list_columns {
            let cell: Vec<Span<'static>> = match column {
                ListColumn::Date => plain(&row.date, columns.date, theme.dim),
                ListColumn::Source => plain(row.source, columns.source, theme.meta),
                ListColumn::Title if row.kind == RowKind::Story => {
                    plain(story.title(), columns.title, theme.body)
                }
                ListColumn::Title if columns.title > 0 => row.title_spans(columns.title, theme),
                ListColumn::Title => Vec::new(),
                ListColumn::Tags => plain(&row.tags, columns.tags, theme.tags),
            };
            if !cell.is_empty() {
                spans.extend(cell);
                spans.push(Span::raw(" ".repeat(GAP)));
            }
        }
        // No gap after the last column.
        spans.pop();
        let line = Line::from(spans);
        if row.selected { line.patch_style(theme.selected) } else { line }
    }
}

/// A cell of one text, `width` wide (nothing when the column is hidden).
fn plain(text: &str, width: usize, style: ratatui::style::Style) -> Vec<Span<'static>> {
    if width == 0 {
        return Vec::new();
    }
    vec![Span::styled(pad(&truncate(text, width), width), style)]
}

/// The first two tags, and how many more.
fn short_tags(tags: &[String]) -> String {
    let mut text = tags.iter().take(2).cloned().collect::<Vec<_>>().join(", ");
    if tags.len() > 2 {
        text.push_str(&format!(" +{}", tags.len() - 2));
    }
    text
}
