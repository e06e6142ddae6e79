//! `byline sources`: every source (a feed's title, a site's host, a
//! folder's name) with its story and unread counts, most stories first.

use std::io::{self, Write};

use byline_engine::library::Library;

/// One line a source: stories, unread, name; counts aligned.
pub fn write(out: &mut dyn Write, library: &Library) -> io::Result<()> {
    let width = library.sources().first().map_or(1, |s| s.stories.len().to_string().len());
    for source in library.sources() {
        let unread = library.unread_in(&source.stories);
        let name = if source.name.is_empty() { "(none)" } else { source.name.as_str() };
        writeln!(out, "{:>width$}  {:>width$}  {name}", source.stories.len(), unread)?;
    }
    Ok(())
}
