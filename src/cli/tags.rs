//! `byline tags`: tag names with their story counts, most used first.

use std::io::{self, Write};

use byline_engine::library::Library;

pub fn write(out: &mut dyn Write, library: &Library) -> io::Result<()> {
    let width = library.tags().first().map_or(1, |t| t.stories.len().to_string().len());
    for tag in library.tags() {
        writeln!(out, "{:>width$}  {}", tag.stories.len(), tag.name)?;
    }
    Ok(())
}
