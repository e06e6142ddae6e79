//! `byline list`: one line a story - short id, title, tags - in aligned
//! columns.

use std::io::{self, Write};

use super::{column_width, pad, truncate};
use byline_engine::model::Story;

/// Titles wider than this are cut so the tags column stays in view.
const TITLE_CAP: usize = 60;

pub fn write(out: &mut dyn Write, stories: &[&Story]) -> io::Result<()> {
    let width = column_width(stories.iter().map(|s| s.title()), TITLE_CAP);
    for story in stories {
        let title = pad(&truncate(story.title(), width), width);
        let line = format!("{}  {}  {}", story.short_id(), title, story.tags.join(", "));
        writeln!(out, "{}", line.trim_end())?;
    }
    Ok(())
}
