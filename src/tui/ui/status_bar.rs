//! The status bar: the search line while searching; otherwise the active
//! filters, the current quote and its speaker, messages, and key hints
//! generated from the keymap.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

use super::theme::Theme;
use crate::columns::thousands;
use crate::tui::app::loading::LoadProgress;
use crate::tui::app::{Action, App, Overlay};
use crate::tui::keymap::Context;
use byline_engine::filter::TagFilter;

pub struct StatusBar<'a> {
    pub app: &'a App,
    pub theme: &'a Theme,
}

impl Widget for StatusBar<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let theme = self.theme;
        buf.set_style(area, theme.status);
        if let Overlay::Search { input, .. } = &self.app.overlay {
            let count = format!("  {} of {}", self.app.visible.len(), self.app.library.live_len());
            Line::from(vec![Span::styled("/", theme.status_key), Span::raw(input.clone()), Span::raw(count)])
                .style(theme.status)
                .render(area, buf);
            return;
        }
        let left = Line::from(self.left()).style(theme.status);
        let hints = self.hints();
        let width = usize::from(area.width);
        let left_width = left.width();
        left.render(area, buf);
        let hints_width = hints.width();
        if left_width + 2 + hints_width <= width {
            let x = area.x + (width - hints_width) as u16;
            hints.render(Rect { x, width: hints_width as u16, ..area }, buf);
        }
    }
}

impl StatusBar<'_> {
    fn left(&self) -> Vec<Span<'static>> {
        let app = self.app;
        let theme = self.theme;
        let mut spans = vec![Span::raw(" ")];
        let push = |spans: &mut Vec<Span<'static>>, text: String, style| {
            if spans.len() > 1 {
                spans.push(Span::raw(" · "));
            }
            spans.push(Span::styled(text, style));
        };
        if let Some(progress) = app.loading {
            push(&mut spans, loading_text(progress, app.library.len()), theme.status_key);
        }
        if let Some(text) = app.fetch_text() {
            push(&mut spans, text, theme.status_key);
        }
        if app.grouping_pending() {
            push(&mut spans, "grouping stories by event".into(), theme.status_key);
        }
        let (speakers, tags): (Vec<&TagFilter>, Vec<&TagFilter>) =
            app.filter.tags.iter().partition(|t| matches!(t, TagFilter::Speaker(..)));
        for (conditions, label) in [(tags, "tag"), (speakers, "speaker")] {
            if !conditions.is_empty() {
                let names: Vec<&str> = conditions.iter().map(|t| t.label()).collect();
                push(&mut spans, format!("{label}: {}", names.join(" + ")), theme.status_filter);
            }
        }
        if !app.filter.search.trim().is_empty() {
            push(&mut spans, format!("search: {}", app.filter.search.trim()), theme.status_filter);
        }
        if app.filter.unread_only {
            push(&mut spans, "unread only".into(), theme.status_filter);
        }
        if app.filter.starred_only {
            push(&mut spans, "starred only".into(), theme.status_filter);
        }
        if app.filter.is_active() {
            push(&mut spans, format!("{} of {}", app.visible.len(), app.library.live_len()), theme.status);
        }
        if let (Some(q), Some(story)) = (app.reader.quote, app.reader.story) {
            let quotes = app.library.stories()[story].quotes();
            let text = match &app.reader.follow {
                Some(follow) => {
                    let at = follow.quotes.iter().position(|&f| f == q).map_or(0, |p| p + 1);
                    format!("quote {at}/{} by {}", follow.quotes.len(), follow.person.name)
                }
                None => {
                    let speaker = quotes[q].speaker.as_deref().unwrap_or("unknown speaker");
                    format!("quote {}/{} - {speaker}", q + 1, quotes.len())
                }
            };
            push(&mut spans, text, theme.status_key);
        }
        if let Some(message) = &app.message {
            push(&mut spans, message.clone(), theme.message);
        }
        if app.skipped > 0 {
            let files = if app.skipped == 1 { "file" } else { "files" };
            push(&mut spans, format!("{} {files} skipped", app.skipped), theme.message);
        }
        spans
    }

    /// A few keys for the current context, from the keymap.
    fn hints(&self) -> Line<'static> {
        let app = self.app;
        let context = app.context();
        let wanted: &[(Action, &str)] = match context {
            Context::Reader => &[
                (Action::NextQuote, "quote"),
                (Action::NextMatch, "match"),
                (Action::Back, "list"),
                (Action::ToggleHelp, "help"),
            ],
            Context::Picker => {
                &[(Action::Submit, "apply"), (Action::PickerToggle, "add"), (Action::Cancel, "cancel")]
            }
            Context::Help => &[(Action::ToggleHelp, "close")],
            Context::People => &[(Action::Submit, "quotes"), (Action::Cancel, "close")],
            Context::PersonQuotes => {
                &[(Action::Submit, "open"), (Action::CopyQuote, "copy"), (Action::Back, "back")]
            }
            _ => &[
                (Action::OpenTagPicker, "tags"),
                (Action::OpenSearch, "search"),
                (Action::NextQuote, "quotes"),
                (Action::ToggleHelp, "help"),
                (Action::Quit, "quit"),
            ],
        };
        let mut spans = Vec::new();
        for (action, label) in wanted {
            if let Some(key) = app.keymap.key_for(context, action) {
                spans.push(Span::styled(key.to_string(), self.theme.status_key));
                spans.push(Span::styled(format!(" {label}  "), self.theme.status));
            }
        }
        Line::from(spans)
    }
}

/// `loading 4,096 of 100,000 files (40%) · 4,090 stories`.
fn loading_text(progress: LoadProgress, stories: usize) -> String {
    let read = thousands(progress.files_read);
    match progress.files_found {
        Some(found) if found > 0 => {
            let percent = progress.files_read * 100 / found;
            format!(
                "loading {read} of {} files ({percent}%) · {} stories",
                thousands(found),
                thousands(stories)
            )
        }
        _ => format!("loading {read} files · {} stories", thousands(stories)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loading_progress_reads_naturally() {
        let before_walk = LoadProgress { files_read: 2048, files_found: None, from_cache: 0 };
        assert_eq!(loading_text(before_walk, 2000), "loading 2,048 files · 2,000 stories");
        let counted = LoadProgress { files_read: 25_000, files_found: Some(100_000), from_cache: 0 };
        assert_eq!(loading_text(counted, 24_990), "loading 25,000 of 100,000 files (25%) · 24,990 stories");
    }
}
