//! `byline export`: the model as JSON, exactly the schema of FORMAT.md.

use std::io::{self, Write};

use byline_engine::model::Story;

/// JSON array, or one object a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ExportFormat {
    #[default]
    Json,
    Jsonl,
}

pub fn write<'a>(
    out: &mut dyn Write,
    stories: impl Iterator<Item = &'a Story>,
    format: ExportFormat,
) -> io::Result<()> {
    match format {
        ExportFormat::Json => {
            let all: Vec<&Story> = stories.collect();
            serde_json::to_writer_pretty(&mut *out, &all)?;
            writeln!(out)
        }
        ExportFormat::Jsonl => {
            for story in stories {
                serde_json::to_writer(&mut *out, story)?;
                writeln!(out)?;
            }
            Ok(())
        }
    }
}
