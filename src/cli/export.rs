//! `byline export`: the model as JSON, exactly the schema of FORMAT.md,
//! with each story's `cluster`.

use std::io::{self, Write};

use byline_engine::model::Story;
use serde::Serialize;

/// JSON array, or one object a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    #[default]
    Json,
    Jsonl,
}

/// A story as exported: its fields, then the id of its cluster (stories
/// about the same event share it).
#[derive(Serialize)]
struct Exported<'a> {
    #[serde(flatten)]
    story: &'a Story,
    cluster: &'a str,
}

pub fn write<'a>(
    out: &mut dyn Write,
    stories: impl Iterator<Item = (&'a Story, &'a str)>,
    format: ExportFormat,
) -> io::Result<()> {
    let stories = stories.map(|(story, cluster)| Exported { story, cluster });
    match format {
        ExportFormat::Json => {
            let all: Vec<Exported> = stories.collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)
        }
        ExportFormat::Jsonl => {
            for story in stories {
                serde_json::to_writer(&mut *out, &story)?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
