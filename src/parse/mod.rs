//! Parsers: pure functions from a file's bytes to stories. Each input format
//! has its own file; `quotes` and `tags` are shared by all of them. Nothing
//! here touches the disk or knows about the user interface.

pub mod clean;
pub mod lexicon;
pub mod names;
pub mod quotes;
pub mod tags;
pub mod text;

use std::collections::HashSet;

pub use clean::Unreadable;

use crate::model::Story;

/// A parsed story before the library is assembled: tag lines written
/// without separators are segmented again once every story's tags are known.
#[derive(Debug, Clone)]
pub struct Draft {
    pub story: Story,
    /// The raw space-joined tag line, when the article had one.
    pub unsegmented_tags: Option<String>,
    /// Things the user should know about the file that did not stop it.
    pub warnings: Vec<String>,
}

/// Complete a story: find its quotes and give a space-joined tag line a first
/// segmentation from the story's own text.
pub(crate) fn finish(mut story: Story, unsegmented: Option<String>, warnings: Vec<String>) -> Draft {
    let mut context: Vec<&str> = vec![&story.title];
    context.extend(story.caption.as_deref());
    story.quotes = quotes::find_quotes(&story.paragraphs, &context);
    let mut draft = Draft { story, unsegmented_tags: unsegmented, warnings };
    segment_tags(&mut draft, &HashSet::new());
    draft
}

/// Segment a draft's space-joined tag line with what the library knows.
pub fn segment_tags(draft: &mut Draft, known_tags: &HashSet<String>) {
    let Some(line) = &draft.unsegmented_tags else {
        return;
    };
    let story = &draft.story;
    let mut text = String::with_capacity(4096);
    for part in std::iter::once(&story.title).chain(story.caption.as_ref()).chain(story.paragraphs.iter()) {
        text.push_str(part);
        text.push('\n');
    }
    let knowledge = tags::Knowledge { known_tags, text: &text };
    draft.story.tags = tags::segment(line, &knowledge);
}
