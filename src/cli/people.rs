//! `byline people`: everyone the stories name - name, kind (person or
//! organisation), stories, quotes - most quoted first with `--quoted`,
//! else most named first.

use std::io::{self, Write};

use super::{column_width, pad};
use byline_engine::people::{People, Person};
use byline_engine::{Filter, Library, Story};

/// Everyone named in the stories `filter` lets through. Names are told
/// apart over the whole library (a bare `Rubio` is the one `Marco Rubio`
/// there), counted over those stories.
pub fn print(out: &mut dyn Write, library: &Library, filter: &Filter, quoted: bool) -> io::Result<()> {
    let everyone: Vec<(usize, &Story)> = library.stories().iter().enumerate().collect();
    let rows = People::of(&everyone).rows(Some(&super::shown(library, filter)), quoted);
    write(out, rows, quoted)
}

/// One person a line, columns aligned. `quoted`: the rows count the
/// stories that quote each one, most quoted first; else the stories that
/// name them, most of those first.
pub fn write(out: &mut dyn Write, mut rows: Vec<Person>, quoted: bool) -> io::Result<()> {
    if !quoted {
        rows.sort_by(|a, b| {
            (b.stories, b.quotes).cmp(&(a.stories, a.quotes)).then_with(|| a.name.cmp(&b.name))
        });
    }
    let name_width = column_width(rows.iter().map(|r| &*r.name), 40);
    let stories_width = rows.iter().map(|r| r.stories.to_string().len()).max().unwrap_or(1);
    for row in rows {
        writeln!(
            out,
            "{}  {:<12}  {:>stories_width$} {}  {} {}",
            pad(&row.name, name_width),
            row.kind.name(),
            row.stories,
            if row.stories == 1 { "story  " } else { "stories" },
            row.quotes,
            if row.quotes == 1 { "quote" } else { "quotes" },
        )?;
    }
    Ok(())
}
