//! Matching names and text: whole-word, case-insensitive name matching for
//! tags and speakers (`Ruto` finds `President Ruto`), full-text search, and
//! the `Filter` that the CLI and the UI apply to a library.

use crate::library::Library;
use crate::model::Story;

/// The lower-case words of a name: letters and digits, apostrophes inside a
/// word kept (`Nyong'o`; a curly apostrophe counts as a straight one).
pub fn name_words(name: &str) -> Vec<String> {
    name.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’'))
        .map(|w| w.trim_matches(['\'', '’']).to_lowercase().replace('’', "'"))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `query`'s words appear in `name` as whole, consecutive words,
/// ignoring case: `Ruto` matches `President Ruto` and `William Ruto`, not
/// `Rutoville`.
pub fn name_matches(name: &str, query: &str) -> bool {
    words_match(&name_words(name), &name_words(query))
}

pub(crate) fn words_match(name: &[String], query: &[String]) -> bool {
    !query.is_empty() && name.windows(query.len()).any(|w| w == query)
}

/// Every word of the query occurs (case-insensitive, anywhere in a word) in
/// the story's title, text, caption, tags or quote speakers.
pub fn story_matches_search(story: &Story, query: &str) -> bool {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    if words.is_empty() {
        return true;
    }
    let fields = std::iter::once(story.title.as_str())
        .chain(story.caption.as_deref())
        .chain(story.paragraphs.iter().map(String::as_str))
        .chain(story.tags.iter().map(String::as_str))
        .chain(story.quotes().iter().filter_map(|q| q.speaker.as_deref()));
    let haystack: Vec<String> = fields.map(str::to_lowercase).collect();
    words.iter().all(|w| haystack.iter().any(|h| h.contains(w.as_str())))
}

/// One tag condition of a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagFilter {
    /// Tags whose name contains these words (`Ruto` -> `President Ruto`).
    Name(String),
    /// Exactly this tag (ignoring case), as picked from the tag list.
    Exact(String),
}

impl TagFilter {
    pub fn label(&self) -> &str {
        match self {
            TagFilter::Name(n) | TagFilter::Exact(n) => n,
        }
    }
}

/// What narrows the story list. Empty fields do not narrow.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// Tag conditions; a story must meet every one.
    pub tags: Vec<TagFilter>,
    pub search: String,
    pub unread_only: bool,
    pub starred_only: bool,
}

impl Filter {
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// Indices of the matching stories, in library order.
    pub fn apply(&self, library: &Library) -> Vec<usize> {
        let mut selected: Option<Vec<usize>> = None;
        for tag in &self.tags {
            let tagged = match tag {
                TagFilter::Name(name) => library.stories_tagged(name),
                TagFilter::Exact(name) => library.stories_with_tag(name),
            };
            selected = Some(match selected {
                None => tagged,
                Some(prev) => intersect(&prev, &tagged),
            });
        }
        let candidates = selected.unwrap_or_else(|| (0..library.stories().len()).collect());
        candidates
            .into_iter()
            .filter(|&i| {
                let story = &library.stories()[i];
                (!self.unread_only || !story.read)
                    && (!self.starred_only || story.starred)
                    && story_matches_search(story, &self.search)
            })
            .collect()
    }
}

/// Intersection of two sorted index lists.
pub fn intersect(a: &[usize], b: &[usize]) -> Vec<usize> {
    let (mut i, mut j, mut out) = (0, 0, Vec::new());
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                out.push(a[i]);
                i += 1;
                j += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    #[test]
    fn names_match_on_whole_words_ignoring_case() {
        assert!(name_matches("President Ruto", "Ruto"));
        assert!(name_matches("William Ruto", "ruto"));
        assert!(name_matches("Haiti", "HAITI"));
        assert!(!name_matches("Rutoville", "Ruto"));
        assert!(name_matches("US Secretary of State", "secretary of state"));
        assert!(!name_matches("State Secretary", "secretary of state"));
        assert!(!name_matches("Haiti", ""));
    }

    #[test]
    fn apostrophes_stay_inside_names() {
        assert!(name_matches("Lupita Nyong'o", "nyong'o"));
        assert!(name_matches("Lupita Nyong’o", "Nyong'o"));
        assert!(!name_matches("Lupita Nyong'o", "Nyong"));
    }

    #[test]
    fn search_looks_at_title_text_tags_and_speakers() {
        let mut s = Story::new("x", Format::Text, "Floods in Kisumu".into(), vec!["Water rose fast.".into()]);
        s.tags = vec!["Weather".into()];
        assert!(story_matches_search(&s, "kisumu"));
        assert!(story_matches_search(&s, "WATER rose"));
        assert!(story_matches_search(&s, "weather"));
        assert!(!story_matches_search(&s, "kisumu drought"));
    }

    #[test]
    fn intersect_sorted_lists() {
        assert_eq!(intersect(&[1, 3, 5, 7], &[2, 3, 7, 9]), [3, 7]);
    }
}
