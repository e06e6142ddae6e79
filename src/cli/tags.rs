//! `byline tags`: tag names with their story counts, most used first.

use std::io::{self, Write};

/// Write `tags` (name, stories), most used first, counts aligned right.
pub fn write<'a>(out: &mut dyn Write, tags: impl IntoIterator<Item = (&'a str, usize)>) -> io::Result<()> {
    let mut tags = tags.into_iter().peekable();
    let width = tags.peek().map_or(1, |(_, count)| count.to_string().len());
    for (name, count) in tags {
        writeln!(out, "{count:>width$}  {name}")?;
    }
    Ok(())
}
