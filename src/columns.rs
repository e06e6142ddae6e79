//! Text fitted to terminal columns by display width (CJK and emoji take
//! two cells): the CLI's aligned output and the reader's panes both use it.

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// `100000` as `100,000`.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// `text` cut to at most `width` display cells, with `…` where it was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// `text` padded with spaces to `width` display cells.
pub fn pad(text: &str, width: usize) -> String {
    let fill = width.saturating_sub(text.width());
    format!("{text}{}", " ".repeat(fill))
}

/// The widest of some texts, in display cells, capped.
pub fn column_width<'a>(texts: impl Iterator<Item = &'a str>, cap: usize) -> usize {
    texts.map(UnicodeWidthStr::width).max().unwrap_or(0).min(cap)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_separated() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(100_000), "100,000");
        assert_eq!(thousands(1_234_567), "1,234,567");
    }

    #[test]
    fn wide_characters_count_two_cells() {
        assert_eq!(pad("東京", 6), "東京  ");
        assert_eq!(truncate("東京の朝", 5), "東京…");
        assert_eq!(truncate("short", 10), "short");
        assert_eq!(column_width(["ab", "東京"].into_iter(), 10), 4);
    }
}
