//! Where each pane goes for a terminal size: the story list and reader side
//! by side when there is room (80 columns or more), one at a time when not,
//! and the status bar on the last row. Pure, shared by drawing and `update`.

use ratatui::layout::{Constraint, Layout, Rect};

use super::app::Focus;

/// Terminals narrower than this show one pane at a time.
pub const WIDE: u16 = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Panes {
    pub list: Option<Rect>,
    pub reader: Option<Rect>,
    pub status: Option<Rect>,
}

impl Panes {
    pub fn new(area: Rect, focus: Focus, list_percent: u16) -> Panes {
        let (body, status) = if area.height >= 2 {
            let [body, status] = area.layout(&Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]));
            (body, Some(status))
        } else {
            (area, None)
        };
        if area.width >= WIDE {
            let percent = list_percent.clamp(10, 90);
            let [list, reader] = body.layout(&Layout::horizontal([
                Constraint::Percentage(percent),
                Constraint::Percentage(100 - percent),
            ]));
            Panes { list: Some(list), reader: Some(reader), status }
        } else if focus == Focus::Reader {
            Panes { list: None, reader: Some(body), status }
        } else {
            Panes { list: Some(body), reader: None, status }
        }
    }

    /// The list's rows, inside its border.
    pub fn list_inner(&self) -> Option<Rect> {
        self.list.map(inner)
    }

    pub fn list_rows(&self) -> usize {
        self.list_inner().map_or(0, |r| usize::from(r.height))
    }

    /// Where the reader's text goes: inside the border, one column of
    /// padding each side.
    pub fn reader_text(&self) -> Option<Rect> {
        self.reader.map(|r| {
            let inside = inner(r);
            if inside.width > 2 {
                Rect { x: inside.x + 1, width: inside.width - 2, ..inside }
            } else {
                inside
            }
        })
    }

    pub fn reader_rows(&self) -> usize {
        self.reader_text().map_or(0, |r| usize::from(r.height))
    }
}

/// A rectangle less its one-cell border, where there is room for one.
pub fn inner(r: Rect) -> Rect {
    if r.width >= 2 && r.height >= 2 { Rect::new(r.x + 1, r.y + 1, r.width - 2, r.height - 2) } else { r }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_terminals_show_both_panes() {
        let p = Panes::new(Rect::new(0, 0, 100, 30), Focus::Stories, 40);
        assert_eq!(p.list.unwrap().width + p.reader.unwrap().width, 100);
        assert_eq!(p.status.unwrap().y, 29);
        assert_eq!(p.list_rows(), 27);
    }

    #[test]
    fn narrow_terminals_show_the_focused_pane() {
        let p = Panes::new(Rect::new(0, 0, 60, 20), Focus::Stories, 40);
        assert!(p.list.is_some() && p.reader.is_none());
        let p = Panes::new(Rect::new(0, 0, 60, 20), Focus::Reader, 40);
        assert!(p.list.is_none() && p.reader.is_some());
    }

    #[test]
    fn tiny_terminals_have_no_negative_sizes() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 3), (3, 2)] {
            let p = Panes::new(Rect::new(0, 0, w, h), Focus::Stories, 40);
            assert!(p.list_rows() <= usize::from(h));
        }
    }
}
