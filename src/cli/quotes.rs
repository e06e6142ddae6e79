//! `byline quotes`: who said what - speaker, quote, story title - one quote a
//! line, optionally narrowed by speaker name and story tags, and with the
//! attribution phrase that named the speaker (`--cues`).

use std::io::{self, Write};

use super::{column_width, pad};
use byline_engine::filter::name_matches;
use byline_engine::model::{Quote, Story};

/// Shown where a quote's speaker is not known.
const UNKNOWN: &str = "(unknown)";

/// Shown in the cue column where no phrase named the speaker (the quote
/// continues the one before it).
const NO_CUE: &str = "(no cue)";

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

/// One quote a line: the speaker, with `cues` the phrase that named them,
/// the quote and the story's title, columns aligned.
pub fn write(out: &mut dyn Write, quotes: &[(&Story, &Quote)], cues: bool) -> io::Result<()> {
    let width = column_width(quotes.iter().map(|(_, q)| q.speaker.as_deref().unwrap_or(UNKNOWN)), 30);
    let cue_width = if cues {
        column_width(quotes.iter().map(|(_, q)| q.cue.as_deref().unwrap_or(NO_CUE)), 24)
    } else {
        0
    };
    for (story, quote) in quotes {
        let speaker = quote.speaker.as_deref().unwrap_or(UNKNOWN);
        write!(out, "{}  ", pad(speaker, width))?;
        if cues {
            write!(out, "{}  ", pad(quote.cue.as_deref().unwrap_or(NO_CUE), cue_width))?;
        }
        writeln!(out, "“{}”  — {}", quote.text, story.title())?;
    }
    Ok(())
}
