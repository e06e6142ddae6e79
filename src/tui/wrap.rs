//! The reading pane's lines: a story wrapped to a width by display width
//! (CJK and emoji take two cells), each line remembering which paragraph and
//! character it starts at, so quotes and search matches can be highlighted
//! and scrolled into view. Pure: no terminal.

use chrono::{DateTime, FixedOffset};
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use byline_engine::model::Story;

/// What a line of the reader shows, for styling.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineKind {
    Title,
    Caption,
    Meta,
    /// The story's web address, on a line of its own.
    Url,
    Body,
    Blank,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReaderLine {
    pub kind: LineKind,
    pub text: String,
    /// For body lines: the paragraph and the character it starts at.
    pub para: Option<usize>,
    pub start: usize,
}

/// A story laid out for one width.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReaderLayout {
    pub width: usize,
    pub lines: Vec<ReaderLine>,
}

impl ReaderLayout {
    /// `now` gives the time zone the date is shown in.
    pub fn new(story: &Story, width: usize, now: DateTime<FixedOffset>) -> ReaderLayout {
        ReaderLayout::with_copies(story, &[], width, now)
    }

    /// The layout of a story that other feeds or files carry too (`also`:
    /// their sources), said under its byline.
    pub fn with_copies(
        story: &Story,
        also: &[&str],
        width: usize,
        now: DateTime<FixedOffset>,
    ) -> ReaderLayout {
        let width = width.max(1);
        let mut lines = Vec::new();
        let mut push = |kind: LineKind, text: &str, para: Option<usize>| {
            for (start, line) in wrap(text, width) {
                lines.push(ReaderLine { kind, text: line, para, start });
            }
        };
        push(LineKind::Title, story.title(), None);
        let caption = match (story.caption(), &story.credit) {
            (Some(c), Some(cr)) => Some(format!("{c} {cr}")),
            (Some(c), None) => Some(c.to_string()),
            (None, Some(cr)) => Some(cr.clone()),
            (None, None) => None,
        };
        let byline = [
            story.author.as_deref().map(authors).filter(|a| !a.is_empty()).map(|a| format!("By {a}")),
            Some(story.source_name().to_string()).filter(|s| !s.is_empty()),
            crate::dates::long(story.published.as_deref(), now),
        ];
        let byline: Vec<String> = byline.into_iter().flatten().collect();
        let tags = (!story.tags.is_empty()).then(|| format!("Tags: {}", story.tags.join(" · ")));
        let url = story.url.as_deref().filter(|u| !u.is_empty());
        if !byline.is_empty() || tags.is_some() || url.is_some() {
            push(LineKind::Blank, "", None);
        }
        if !byline.is_empty() {
            push(LineKind::Meta, &byline.join("  ·  "), None);
        }
        if !also.is_empty() {
            push(LineKind::Meta, &format!("Also from: {}", also.join(", ")), None);
        }
        if let Some(tags) = tags {
            push(LineKind::Meta, &tags, None);
        }
        if let Some(url) = url {
            push(LineKind::Url, url, None);
        }
        if let Some(caption) = caption {
            push(LineKind::Blank, "", None);
            push(LineKind::Caption, &caption, None);
        }
        for (i, paragraph) in story.paragraphs().iter().enumerate() {
            push(LineKind::Blank, "", None);
            push(LineKind::Body, paragraph, Some(i));
        }
        ReaderLayout { width, lines }
    }

    /// The line showing character `at` of paragraph `para`.
    pub fn line_of(&self, para: usize, at: usize) -> Option<usize> {
        self.lines.iter().rposition(|l| l.para == Some(para) && l.start <= at)
    }
}

/// Greedy word wrap by display width. Returns each line with the character
/// offset where it starts; words wider than the line are broken.
pub fn wrap(text: &str, width: usize) -> Vec<(usize, String)> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut line_start = 0;
    let mut line_width = 0;
    let mut pos = 0;
    for word in text.split(' ') {
        let word_width = word.width();
        if line_width > 0 && line_width + 1 + word_width > width {
            lines.push((line_start, std::mem::take(&mut line)));
            line_width = 0;
        }
        if line_width > 0 {
            line.push(' ');
            line_width += 1;
        } else {
            line_start = pos;
        }
        if word_width <= width - line_width {
            line.push_str(word);
            line_width += word_width;
        } else {
            for (i, c) in word.chars().enumerate() {
                let w = c.width().unwrap_or(0);
                if line_width + w > width && line_width > 0 {
                    lines.push((line_start, std::mem::take(&mut line)));
                    line_width = 0;
                    line_start = pos + i;
                }
                line.push(c);
                line_width += w;
            }
        }
        pos += word.chars().count() + 1;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push((line_start, line));
    }
    lines
}

/// The authors of a byline, each once (`A, B, A, B` is `A, B`).
fn authors(byline: &str) -> String {
    let mut seen: Vec<String> = Vec::new();
    let mut names = Vec::new();
    for name in byline.split([',', ';']).flat_map(|part| part.split(" and ")).map(str::trim) {
        let key = name.to_lowercase();
        if !name.is_empty() && !seen.contains(&key) {
            seen.push(key);
            names.push(name);
        }
    }
    names.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use byline_engine::model::Format;

    #[test]
    fn wraps_at_word_boundaries_with_offsets() {
        assert_eq!(
            wrap("the quick brown fox jumps", 10),
            [(0, "the quick".to_string()), (10, "brown fox".to_string()), (20, "jumps".to_string())]
        );
    }

    #[test]
    fn wide_characters_take_two_cells() {
        let lines = wrap("東京 大阪 京都", 5);
        assert_eq!(lines, [(0, "東京".to_string()), (3, "大阪".to_string()), (6, "京都".to_string())]);
        assert!(lines.iter().all(|(_, l)| l.width() <= 5));
    }

    #[test]
    fn long_words_are_broken() {
        assert_eq!(
            wrap("abcdefgh", 3),
            [(0, "abc".to_string()), (3, "def".to_string()), (6, "gh".to_string())]
        );
    }

    #[test]
    fn the_header_names_each_author_once_and_leaves_out_what_is_unknown() {
        let mut story =
            Story::new("news/coast/ferry.txt", Format::Text, "Ferry".into(), vec!["Body.".into()]);
        story.author = Some("Amina Said, Joe Otieno, Amina Said and Joe Otieno".into());
        story.published = Some("2026-12-02T11:05:00Z".into());
        story.url = Some("https://coast.example/ferry".into());
        let nairobi = chrono::DateTime::parse_from_rfc3339("2026-12-02T18:30:00+03:00").unwrap();
        let layout = ReaderLayout::new(&story, 200, nairobi);
        let text: Vec<&str> = layout.lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(
            text[..5],
            [
                "Ferry",
                "",
                "By Amina Said, Joe Otieno  ·  coast.example  ·  Wed 2 Dec 2026 14:05",
                "https://coast.example/ferry",
                ""
            ]
        );
        assert_eq!(layout.lines[3].kind, LineKind::Url);
        let bare = Story::new("alone.txt", Format::Text, "Alone".into(), vec!["Body.".into()]);
        let text: Vec<String> =
            ReaderLayout::new(&bare, 200, nairobi).lines.into_iter().map(|l| l.text).collect();
        assert_eq!(text, ["Alone", "", "Body."], "no empty header line, no stray separator");
    }

    #[test]
    fn width_zero_does_not_loop_forever() {
        assert_eq!(wrap("ab", 0).len(), 2);
    }

    #[test]
    fn layout_locates_paragraph_characters() {
        let story = Story::new("x", Format::Text, "T".into(), vec!["one two three four".into()]);
        let layout = ReaderLayout::new(&story, 8, chrono::DateTime::UNIX_EPOCH.fixed_offset());
        let first = layout.line_of(0, 0).unwrap();
        assert_eq!(layout.lines[first].text, "one two");
        assert_eq!(layout.line_of(0, 9), Some(first + 1));
    }
}
