//! Parsers: pure functions from a file's bytes to stories. Each input format
//! has its own file; `quotes` and `tags` are shared by all of them. Nothing
//! here touches the disk or knows about the user interface.

mod attribution;
pub mod clean;
pub(crate) mod date;
mod declaration;
pub(crate) mod detect;
pub(crate) mod feed;
pub mod full_text;
pub(crate) mod html;
pub(crate) mod html_text;
pub(crate) mod json;
pub(crate) mod lexicon;
pub(crate) mod markdown;
pub(crate) mod names;
pub mod quotes;
pub mod tags;
pub(crate) mod text;

pub use clean::Unreadable;
pub use detect::InputFormat;

use crate::error::{ParseError, Problem};

use crate::model::Story;

/// Feeds and JSON Lines files larger than this are parsed in parts, one a
/// core.
pub(crate) const SPLIT_ABOVE: usize = 2 * 1024 * 1024;

/// `parse` run on each part (with its number) on a thread of its own: the
/// results in the parts' order, `None` for a part that failed or whose
/// thread panicked (the caller then parses the file whole).
pub(crate) fn in_parallel<P: Sync, T: Send>(
    parts: &[P],
    parse: impl Fn(usize, &P) -> Option<T> + Sync,
) -> Option<Vec<T>> {
    crate::parallel::map_parts(parts, parse).into_iter().map(Option::flatten).collect()
}

/// A parsed story before the library is assembled: tag lines written
/// without separators are segmented again once every story's tags are known.
#[derive(Debug, Clone)]
pub struct Draft {
    /// The story, complete but for segmenting its tag line.
    pub story: Story,
    /// The raw space-joined tag line, when the article had one.
    pub unsegmented_tags: Option<String>,
    /// Things the user should know about the file that did not stop it.
    pub warnings: Vec<String>,
    /// A feed item's own id (RSS `guid`, Atom `id`, JSON Feed `id`), when
    /// it has one.
    pub guid: Option<String>,
    /// The story was read from a cache with its tag line segmented (its
    /// `tags`), with the tags written with separators that have this
    /// fingerprint (`Library::written_tags_fingerprint`): the segmentation
    /// holds when the library's are the same.
    pub cached_tags: Option<u64>,
    /// The story's place in reading order among the stories of the cache
    /// it was read from: between two such stories it decides the order
    /// without comparing titles.
    pub cached_rank: Option<u32>,
}

impl Draft {
    /// A story built by a program rather than parsed from a file: no tag
    /// line to segment, nothing to warn about.
    pub fn from_story(story: Story) -> Draft {
        new_draft(story, None, Vec::new())
    }
}

/// What one file yielded: stories, and the records in it that could not be
/// read, each with its position (`record 3: ...`).
#[derive(Debug, Default)]
pub struct Parsed {
    /// The stories read.
    pub drafts: Vec<Draft>,
    /// The parts that could not be read, with their positions.
    pub problems: Vec<Problem>,
    /// A feed's own title.
    pub feed_title: Option<String>,
}

impl Parsed {
    /// A feed's stories come from the publication the feed is titled after.
    fn name_the_site(&mut self) {
        if let Some(title) = &self.feed_title {
            for draft in &mut self.drafts {
                draft.story.site.get_or_insert_with(|| title.clone());
            }
        }
    }

    /// What the parts of one file yielded, in order, as one: the first
    /// part's stories are kept where they are and room made for the rest
    /// at once (a story is large; growing by doubling would copy them
    /// again into fresh memory).
    pub(crate) fn joined(parts: impl IntoIterator<Item = Parsed>) -> Parsed {
        let parts: Vec<Parsed> = parts.into_iter().collect();
        let total = parts.iter().map(|p| p.drafts.len()).sum::<usize>();
        let mut parts = parts.into_iter();
        let mut joined = parts.next().unwrap_or_default();
        joined.drafts.reserve(total - joined.drafts.len());
        for part in parts {
            joined.drafts.extend(part.drafts);
            joined.problems.extend(part.problems);
            joined.feed_title = joined.feed_title.take().or(part.feed_title);
        }
        joined
    }
}

/// Parse a file's bytes with the parser its name and content call for, or
/// the one `forced`. `Err` when nothing in the file could be read.
pub fn parse_file(source: &str, bytes: &[u8], forced: Option<InputFormat>) -> Result<Parsed, ParseError> {
    let decoded = clean::decode(bytes)?;
    let format = forced.unwrap_or_else(|| detect::detect(source, &decoded.text));
    let mut parsed = match format {
        InputFormat::Text => {
            let draft = text::parse_decoded(source, &decoded);
            if draft.story.title().is_empty() {
                // Nothing was left once control characters were removed.
                return Err(Unreadable::Empty.into());
            }
            return Ok(Parsed { drafts: vec![draft], ..Parsed::default() });
        }
        InputFormat::Json if json::is_json_feed(&decoded.text) => feed::parse(source, bytes)?,
        InputFormat::Json => json::parse(source, &decoded.text)?,
        InputFormat::Feed => feed::parse(source, &declaration::for_feed_reader(bytes, &decoded.text))?,
        InputFormat::Markdown => {
            Parsed { drafts: vec![markdown::parse(source, &decoded.text)], ..Parsed::default() }
        }
        InputFormat::Html if html_text::nests_deeper_than(&decoded.text, html_text::MAX_NESTING) => {
            return Err(ParseError::TooDeep { max: html_text::MAX_NESTING });
        }
        InputFormat::Html => Parsed { drafts: vec![html::parse(source, &decoded.text)], ..Parsed::default() },
    };
    if decoded.lossy
        && let Some(first) = parsed.drafts.first_mut()
    {
        first.warnings.push("invalid UTF-8 bytes were replaced".to_string());
    }
    if parsed.drafts.is_empty() && parsed.problems.is_empty() {
        return Err(ParseError::NoStories);
    }
    parsed.name_the_site();
    Ok(parsed)
}

/// A document fetched from a feed's URL: only a feed will do (a web page
/// in its place is an error, not an article).
pub fn parse_feed(source: &str, bytes: &[u8]) -> Result<Parsed, ParseError> {
    let decoded = clean::decode(bytes)?;
    let mut parsed = feed::parse(source, &declaration::for_feed_reader(bytes, &decoded.text))?;
    parsed.name_the_site();
    Ok(parsed)
}

/// Complete a story. A space-joined tag line stays unsegmented until the
/// library knows every story's tags (`Library::from_drafts`); quotes are
/// found when first asked for.
pub(crate) fn new_draft(story: Story, unsegmented: Option<String>, warnings: Vec<String>) -> Draft {
    Draft { story, unsegmented_tags: unsegmented, warnings, guid: None, cached_tags: None, cached_rank: None }
}

/// Segment a draft's space-joined tag line with what the library knows.
pub fn segment_tags(draft: &mut Draft, known_tags: &dyn tags::KnownTags) {
    if let Some(line) = &draft.unsegmented_tags {
        draft.story.tags = segment_line(&draft.story, line, known_tags);
    }
}

/// Segment a story's space-joined tag line using the tags the library knows
/// and the story's own text.
pub fn segment_line(story: &Story, line: &str, known_tags: &dyn tags::KnownTags) -> Vec<String> {
    let text: Vec<&str> =
        std::iter::once(story.title()).chain(story.caption()).chain(story.paragraphs()).collect();
    let knowledge = tags::Knowledge { known_tags, text: &text };
    tags::segment(line, &knowledge)
}
