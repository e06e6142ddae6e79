//! Every colour and style of the interface. With `NO_COLOR` set, nothing is
//! coloured: selection, quotes and matches still show, by reverse video,
//! bold and underline.

use ratatui::style::{Color, Modifier, Style};

use crate::config::{Colour, ThemeConfig};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Theme {
    pub border: Style,
    pub border_focused: Style,
    pub title: Style,
    pub selected: Style,
    pub unread: Style,
    pub read: Style,
    pub star: Style,
    pub tags: Style,
    pub story_title: Style,
    pub caption: Style,
    pub meta: Style,
    pub body: Style,
    pub reader: Style,
    pub quote: Style,
    pub quote_current: Style,
    pub found: Style,
    pub found_current: Style,
    pub status: Style,
    pub status_key: Style,
    pub help_key: Style,
    pub status_filter: Style,
    pub message: Style,
    pub popup: Style,
    pub dim: Style,
}

impl Theme {
    /// The default theme; colourless when `no_color`.
    pub fn new(no_color: bool) -> Theme {
        if no_color { Theme::monochrome() } else { Theme::coloured() }
    }

    /// The default theme with the user's colours; `NO_COLOR` wins over them.
    pub fn with_config(no_color: bool, config: &ThemeConfig) -> Theme {
        let mut theme = Theme::new(no_color);
        if no_color {
            return theme;
        }
        let colour = |c: &Option<Colour>| c.map(|c| c.0);
        if let Some(c) = colour(&config.list) {
            theme.body = theme.body.fg(c);
        }
        if let Some(c) = colour(&config.selected) {
            theme.selected = theme.selected.bg(c);
        }
        if let Some(c) = colour(&config.unread) {
            theme.unread = theme.unread.fg(c);
        }
        if let Some(c) = colour(&config.reader) {
            theme.reader = theme.reader.fg(c);
        }
        if let Some(c) = colour(&config.quote) {
            theme.quote = theme.quote.fg(c);
        }
        if let Some(c) = colour(&config.quote_current) {
            theme.quote_current = theme.quote_current.bg(c);
        }
        if let Some(c) = colour(&config.tags) {
            theme.tags = theme.tags.fg(c);
            theme.meta = theme.meta.fg(c);
        }
        if let Some(c) = colour(&config.status) {
            for style in
                [&mut theme.status, &mut theme.status_key, &mut theme.status_filter, &mut theme.message]
            {
                *style = style.bg(c);
            }
        }
        if let Some(c) = colour(&config.border) {
            theme.border_focused = theme.border_focused.fg(c);
        }
        theme
    }

    fn coloured() -> Theme {
        let plain = Style::new();
        Theme {
            border: plain.fg(Color::DarkGray),
            border_focused: plain.fg(Color::Cyan),
            title: plain.add_modifier(Modifier::BOLD),
            selected: plain.bg(Color::Blue).fg(Color::White).add_modifier(Modifier::BOLD),
            unread: plain.fg(Color::Cyan),
            read: plain,
            star: plain.fg(Color::Yellow),
            tags: plain.fg(Color::DarkGray),
            story_title: plain.add_modifier(Modifier::BOLD),
            caption: plain.fg(Color::Gray).add_modifier(Modifier::DIM),
            meta: plain.fg(Color::Magenta),
            body: plain,
            reader: plain,
            quote: plain.fg(Color::Green),
            quote_current: plain.fg(Color::Black).bg(Color::Green),
            found: plain.fg(Color::Black).bg(Color::Yellow),
            found_current: plain.fg(Color::Black).bg(Color::LightRed),
            status: plain.bg(Color::DarkGray).fg(Color::White),
            status_key: plain.bg(Color::DarkGray).fg(Color::Yellow).add_modifier(Modifier::BOLD),
            help_key: plain.fg(Color::Yellow).add_modifier(Modifier::BOLD),
            status_filter: plain.bg(Color::DarkGray).fg(Color::Cyan).add_modifier(Modifier::BOLD),
            message: plain.bg(Color::DarkGray).fg(Color::LightYellow),
            popup: plain,
            dim: plain.add_modifier(Modifier::DIM),
        }
    }

    fn monochrome() -> Theme {
        let plain = Style::new();
        let bold = plain.add_modifier(Modifier::BOLD);
        let reversed = plain.add_modifier(Modifier::REVERSED);
        Theme {
            border: plain,
            border_focused: bold,
            title: bold,
            selected: reversed,
            unread: bold,
            read: plain,
            star: bold,
            tags: plain,
            story_title: bold,
            caption: plain.add_modifier(Modifier::DIM),
            meta: plain,
            body: plain,
            reader: plain,
            quote: plain.add_modifier(Modifier::UNDERLINED),
            quote_current: reversed,
            found: plain.add_modifier(Modifier::UNDERLINED | Modifier::BOLD),
            found_current: reversed.add_modifier(Modifier::BOLD),
            status: reversed,
            status_key: reversed.add_modifier(Modifier::BOLD),
            help_key: bold,
            status_filter: reversed.add_modifier(Modifier::BOLD),
            message: reversed,
            popup: plain,
            dim: plain.add_modifier(Modifier::DIM),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_theme_uses_no_colours() {
        let t = Theme::new(true);
        let styles = [t.selected, t.quote, t.quote_current, t.found, t.status, t.unread, t.border_focused];
        for style in styles {
            assert_eq!(style.fg, None);
            assert_eq!(style.bg, None);
        }
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.quote.add_modifier.contains(Modifier::UNDERLINED));
    }

    #[test]
    fn configured_colours_apply_unless_no_color() {
        let config = ThemeConfig { quote: Some(Colour(Color::Magenta)), ..ThemeConfig::default() };
        assert_eq!(Theme::with_config(false, &config).quote.fg, Some(Color::Magenta));
        assert_eq!(Theme::with_config(true, &config).quote.fg, None);
    }
}
