//! Matching names and text: whole-word, case-insensitive name matching for
//! tags and speakers (`Ruto` finds `President Ruto`), full-text search, and
//! the `Filter` that the CLI and the UI apply to a library.

use crate::library::Library;
use crate::search_index::query_words;

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

/// One tag condition of a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagFilter {
    /// Tags whose name contains these words (`Ruto` -> `President Ruto`).
    Name(String),
    /// Exactly this tag (ignoring case), as picked from the tag list.
    Exact(String),
}

impl TagFilter {
    /// The text the user typed or picked.
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
    /// Words every story must contain (the last may be a prefix).
    pub search: String,
    /// Only stories not yet read.
    pub unread_only: bool,
    /// Only starred stories.
    pub starred_only: bool,
}

impl Filter {
    /// Whether any condition is set.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// Indices of the matching stories, in reading order. Tags, search and
    /// marks are each a set of stories from the library's indexes; their
    /// intersection is read off in one pass over the reading order.
    pub fn apply(&self, library: &Library) -> Vec<usize> {
        let mut set = library.search(&query_words(&self.search));
        for tag in &self.tags {
            set.intersect_with(&match tag {
                TagFilter::Name(name) => library.tagged(name),
                TagFilter::Exact(name) => library.with_tag(name),
            });
        }
        if self.unread_only {
            set.subtract(library.read_set());
        }
        if self.starred_only {
            set.intersect_with(library.starred_set());
        }
        library.ordered(&set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
