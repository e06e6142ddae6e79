//! `byline list`: one line a story - by default short id, date, source,
//! title, tags - in columns aligned by display width. `--columns` chooses
//! which and in what order; the short id comes first by default so a
//! script can cut it.

use std::io::{self, Write};

use chrono::{DateTime, FixedOffset};

use super::{column_width, pad, truncate};
use byline_engine::model::Story;

/// Titles wider than this are cut so the columns after stay in view.
const TITLE_CAP: usize = 60;
/// Sources wider than this are cut.
const SOURCE_CAP: usize = 24;

/// A column of `byline list`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    /// The first eight characters of the story's id.
    Id,
    /// The date, compact and in the local time zone (`14:05`, `Mon`,
    /// `12 Nov`, `2024-11-12`).
    Date,
    /// The feed's title, the site's host or the folder's name.
    Source,
    Title,
    Tags,
}

impl Column {
    /// Every column, in the default order.
    pub const DEFAULT: [Column; 5] = [Column::Id, Column::Date, Column::Source, Column::Title, Column::Tags];

    /// The column called `name` (`id`, `date`, `source`, `title`, `tags`).
    pub fn from_name(name: &str) -> Option<Column> {
        Column::DEFAULT.into_iter().find(|c| c.name() == name)
    }

    /// Its name on the command line.
    pub fn name(self) -> &'static str {
        match self {
            Column::Id => "id",
            Column::Date => "date",
            Column::Source => "source",
            Column::Title => "title",
            Column::Tags => "tags",
        }
    }

    fn text(self, story: &Story, now: DateTime<FixedOffset>) -> String {
        match self {
            Column::Id => story.short_id().to_string(),
            Column::Date => crate::dates::short(story.published.as_deref(), now),
            Column::Source => story.source_name().to_string(),
            Column::Title => story.title().to_string(),
            Column::Tags => story.tags.join(", "),
        }
    }

    fn cap(self) -> usize {
        match self {
            Column::Title => TITLE_CAP,
            Column::Source => SOURCE_CAP,
            _ => usize::MAX,
        }
    }
}

/// One line a story with `columns`, each as wide as its widest cell (up to
/// its cap); a column empty in every story is left out. Dates are relative
/// to `now`, in its time zone.
pub fn write(
    out: &mut dyn Write,
    stories: &[&Story],
    columns: &[Column],
    now: DateTime<FixedOffset>,
) -> io::Result<()> {
    let cells: Vec<Vec<String>> =
        stories.iter().map(|s| columns.iter().map(|c| c.text(s, now)).collect()).collect();
    let widths: Vec<usize> = columns
        .iter()
        .enumerate()
        .map(|(at, column)| column_width(cells.iter().map(|row| row[at].as_str()), column.cap()))
        .collect();
    for row in &cells {
        let mut line = String::new();
        for (at, cell) in row.iter().enumerate() {
            if widths[at] == 0 {
                continue;
            }
            if !line.is_empty() {
                line.push_str("  ");
            }
            line.push_str(&pad(&truncate(cell, widths[at]), widths[at]));
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
