//! The reading pane: title, caption and credit, tags, then the paragraphs
//! wrapped to the pane's width, with quotes set apart from narration, the
//! current quote and search matches highlighted, and the scroll position.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Widget};

use super::theme::Theme;
use crate::tui::app::App;
use crate::tui::search::{self, Match};
use crate::tui::wrap::{LineKind, ReaderLine};
use byline_engine::model::{Quote, Story};

pub struct ReaderView<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
    pub focused: bool,
}

impl Widget for ReaderView<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let app = self.app;
        let theme = self.theme;
        let border = if self.focused { theme.border_focused } else { theme.border };
        let text_area = app.panes().reader_text().unwrap_or(area);
        let rows = usize::from(text_area.height);
        let total = app.layout.lines.len();
        let position = if total <= rows {
            "all".to_string()
        } else if app.reader.scroll == 0 {
            "top".to_string()
        } else if app.reader.scroll + rows >= total {
            "end".to_string()
        } else {
            format!("{}%", (app.reader.scroll + rows) * 100 / total)
        };
        let mut block = Block::new()
            .borders(Borders::ALL)
            .border_style(border)
            .title(Span::styled(" Reader ", theme.title));
        if app.reader.story.is_some() {
            block = block.title_bottom(Line::from(format!(" {position} ")).right_aligned());
        }
        block.render(area, buf);
        let Some(index) = app.reader.story else {
            Line::styled("Nothing to read.", theme.dim).render(text_area, buf);
            return;
        };
        let story = &app.library.stories()[index];
        let found = search::matches(story, &app.filter.search);
        let marks =
            Marks { story, found: &found, current_quote: app.reader.quote, current_found: app.reader.found };
        for (row, line) in app.layout.lines.iter().skip(app.reader.scroll).take(rows).enumerate() {
            let line_area = Rect { y: text_area.y + row as u16, height: 1, ..text_area };
            self.line(line, &marks).render(line_area, buf);
        }
    }
}

/// What is highlighted in the story.
struct Marks<'a> {
    story: &'a Story,
    found: &'a [Match],
    current_quote: Option<usize>,
    current_found: Option<usize>,
}

impl ReaderView<'_> {
    fn line(&self, line: &ReaderLine, marks: &Marks) -> Line<'static> {
        let theme = self.theme;
        let style = match line.kind {
            LineKind::Title => theme.story_title,
            LineKind::Caption => theme.caption,
            LineKind::Meta => theme.meta,
            LineKind::Url => theme.dim,
            LineKind::Body | LineKind::Blank => theme.reader,
        };
        let Some(para) = line.para else {
            return Line::styled(line.text.clone(), style);
        };
        // Style each character, then join runs of the same style.
        let styles: Vec<Style> = (line.start..line.start + line.text.chars().count())
            .map(|at| self.style_at(para, at, marks))
            .collect();
        let mut spans = Vec::new();
        let mut run = String::new();
        let mut run_style = styles.first().copied().unwrap_or(style);
        for (c, s) in line.text.chars().zip(styles) {
            if s != run_style && !run.is_empty() {
                spans.push(Span::styled(std::mem::take(&mut run), run_style));
            }
            run_style = s;
            run.push(c);
        }
        spans.push(Span::styled(run, run_style));
        Line::from(spans)
    }

    fn style_at(&self, para: usize, at: usize, marks: &Marks) -> Style {
        let theme = self.theme;
        if let Some(i) = marks.found.iter().position(|m| m.para == para && m.start <= at && at < m.end) {
            return if Some(i) == marks.current_found { theme.found_current } else { theme.found };
        }
        match marks.story.quotes().iter().position(|q| covers(q, para, at)) {
            Some(q) if Some(q) == marks.current_quote => theme.quote_current,
            Some(_) => theme.quote,
            None => theme.reader,
        }
    }
}

/// Whether character `at` of paragraph `para` lies inside the quote.
fn covers(q: &Quote, para: usize, at: usize) -> bool {
    (para, at) >= (q.paragraph, q.start) && (para, at) < (q.end_paragraph, q.end)
}
