//! `byline quotes`: who said what - speaker, quote, story title - one quote a
//! line, optionally narrowed by speaker name and story tags.

use std::io::{self, Write};

use super::{column_width, pad};
use crate::filter::name_matches;
use crate::model::{Quote, Story};

/// Shown where a quote's speaker is not known.
const UNKNOWN: &str = "(unknown)";

/// The quotes of `stories`, keeping those whose speaker matches `speaker`
/// by whole words (`Rubio` finds `Marco Rubio`).
pub fn select<'a>(stories: &[&'a Story], speaker: Option<&str>) -> Vec<(&'a Story, &'a Quote)> {
    stories
        .iter()
        .flat_map(|s| s.quotes().iter().map(move |q| (*s, q)))
        .filter(|(_, q)| match speaker {
            None => true,
            Some(name) => q.speaker.as_deref().is_some_and(|s| name_matches(s, name)),
        })
        .collect()
}

pub fn write(out: &mut dyn Write, quotes: &[(&Story, &Quote)]) -> io::Result<()> {
    let width = column_width(quotes.iter().map(|(_, q)| q.speaker.as_deref().unwrap_or(UNKNOWN)), 30);
    for (story, quote) in quotes {
        let speaker = quote.speaker.as_deref().unwrap_or(UNKNOWN);
        writeln!(out, "{}  “{}”  — {}", pad(speaker, width), quote.text, story.title)?;
    }
    Ok(())
}
