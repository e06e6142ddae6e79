//! The `Filter` that the CLI and the UI apply to a library: tag
//! conditions (by name, `Ruto` finds `President Ruto`), full-text search,
//! unread and starred.

use crate::library::{Library, SortOrder};
use crate::model::NameKind;
pub use crate::name_match::name_matches;
use crate::search_index::query_words;

/// One tag condition of a filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TagFilter {
    /// Tags whose name contains these words (`Ruto` -> `President Ruto`).
    Name(String),
    /// Exactly this tag (ignoring case), as picked from the tag list.
    Exact(String),
    /// Stories that quote this person (or organisation), as picked in
    /// the people pane.
    Speaker(String, NameKind),
    /// Stories that name this person or organisation, as picked among the
    /// tag picker's people.
    Named(String, NameKind),
}

impl TagFilter {
    /// The text the user typed or picked.
    pub fn label(&self) -> &str {
        match self {
            TagFilter::Name(n) | TagFilter::Exact(n) | TagFilter::Speaker(n, _) | TagFilter::Named(n, _) => n,
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
    /// Only stories from one of these sources (`Story::source_name`,
    /// ignoring case); none named: every source.
    pub sources: Vec<String>,
    /// The order the stories are listed in; not a condition.
    pub sort: SortOrder,
}

impl Filter {
    /// Whether any condition is set (the sort order is not one).
    pub fn is_active(&self) -> bool {
        *self != Filter { sort: self.sort, ..Filter::default() }
    }

    /// Indices of the matching stories, in the filter's order. Tags, search and
    /// marks are each a set of stories from the library's indexes; their
    /// intersection is read off in one pass over the reading order.
    pub fn apply(&self, library: &Library) -> Vec<usize> {
        let mut set = library.search(&query_words(&self.search));
        for tag in &self.tags {
            set.intersect_with(&match tag {
                TagFilter::Name(name) => library.tagged(name),
                TagFilter::Exact(name) => library.with_tag(name),
                TagFilter::Speaker(name, kind) => library.naming(name, *kind, true),
                TagFilter::Named(name, kind) => library.naming(name, *kind, false),
            });
        }
        if !self.sources.is_empty() {
            set.intersect_with(&library.from_sources(&self.sources));
        }
        if self.unread_only {
            set.subtract(library.read_set());
        }
        if self.starred_only {
            set.intersect_with(library.starred_set());
        }
        library.ordered_by(&set, self.sort)
    }
}
