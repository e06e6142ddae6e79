//! The in-memory library: every story in reading order, plus a tag index
//! (tag name -> stories, with counts) that answers "stories tagged Ruto" by
//! whole-word name match. No I/O.

use std::collections::{HashMap, HashSet};

use crate::filter::{name_words, words_match};
use crate::model::Story;
use crate::parse::{self, Draft};

/// A tag name and the stories that carry it (indices, ascending).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    pub name: String,
    pub stories: Vec<usize>,
}

#[derive(Debug, Clone, Default)]
pub struct Library {
    stories: Vec<Story>,
    /// Most used first, then by name.
    tags: Vec<TagCount>,
    /// Each tag's lower-case words, parallel to `tags`.
    tag_words: Vec<Vec<String>>,
    /// Lower-case word -> tags containing it.
    by_word: HashMap<String, Vec<usize>>,
    /// Lower-case name -> tag.
    by_name: HashMap<String, usize>,
}

impl Library {
    /// Assemble a library from parsed drafts: segment space-joined tag lines
    /// with the tags other stories wrote with separators, put stories in
    /// reading order, and index the tags.
    pub fn from_drafts(mut drafts: Vec<Draft>) -> Library {
        let known: HashSet<String> = drafts
            .iter()
            .filter(|d| d.unsegmented_tags.is_none())
            .flat_map(|d| d.story.tags.iter().map(|t| t.to_lowercase()))
            .collect();
        for draft in drafts.iter_mut().filter(|d| d.unsegmented_tags.is_some()) {
            parse::segment_tags(draft, &known);
        }
        Library::from_stories(drafts.into_iter().map(|d| d.story).collect())
    }

    /// Index stories as they are, sorting them into reading order: newest
    /// first where a date is known, then by title, then by source.
    pub fn from_stories(mut stories: Vec<Story>) -> Library {
        stories.sort_by_cached_key(|s| {
            (
                s.published.is_none(),
                std::cmp::Reverse(s.published.clone()),
                s.title.to_lowercase(),
                s.source.clone(),
            )
        });
        let mut first_seen: HashMap<String, usize> = HashMap::new();
        let mut tags: Vec<TagCount> = Vec::new();
        for (i, story) in stories.iter().enumerate() {
            for tag in &story.tags {
                let at = *first_seen.entry(tag.to_lowercase()).or_insert_with(|| {
                    tags.push(TagCount { name: tag.clone(), stories: Vec::new() });
                    tags.len() - 1
                });
                if tags[at].stories.last() != Some(&i) {
                    tags[at].stories.push(i);
                }
            }
        }
        tags.sort_by(|a, b| {
            b.stories
                .len()
                .cmp(&a.stories.len())
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        let tag_words: Vec<Vec<String>> = tags.iter().map(|t| name_words(&t.name)).collect();
        let mut by_word: HashMap<String, Vec<usize>> = HashMap::new();
        for (t, words) in tag_words.iter().enumerate() {
            for w in words {
                let list = by_word.entry(w.clone()).or_default();
                if list.last() != Some(&t) {
                    list.push(t);
                }
            }
        }
        let by_name = tags.iter().enumerate().map(|(i, t)| (t.name.to_lowercase(), i)).collect();
        Library { stories, tags, tag_words, by_word, by_name }
    }

    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    pub fn story_mut(&mut self, index: usize) -> Option<&mut Story> {
        self.stories.get_mut(index)
    }

    /// Every story, to set read and starred marks. Tags and text must not
    /// change through this: the indexes would no longer match them.
    pub fn stories_mut(&mut self) -> &mut [Story] {
        &mut self.stories
    }

    /// Every tag with its stories, most used first.
    pub fn tags(&self) -> &[TagCount] {
        &self.tags
    }

    /// Tags whose name contains the query's words as whole words (indices
    /// into `tags()`, most used first).
    pub fn tags_matching(&self, query: &str) -> Vec<usize> {
        let query = name_words(query);
        let Some(first) = query.first() else {
            return Vec::new();
        };
        let Some(candidates) = self.by_word.get(first) else {
            return Vec::new();
        };
        candidates.iter().copied().filter(|&t| words_match(&self.tag_words[t], &query)).collect()
    }

    /// Stories carrying exactly this tag (ignoring case), in library order.
    pub fn stories_with_tag(&self, name: &str) -> Vec<usize> {
        self.by_name.get(&name.to_lowercase()).map(|&t| self.tags[t].stories.clone()).unwrap_or_default()
    }

    /// Stories carrying any tag that matches the query, in library order.
    pub fn stories_tagged(&self, query: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self
            .tags_matching(query)
            .into_iter()
            .flat_map(|t| self.tags[t].stories.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn story(title: &str, tags: &[&str], published: Option<&str>) -> Story {
        let mut s = Story::new("x", Format::Text, title.into(), vec![]);
        s.tags = tags.iter().map(|t| t.to_string()).collect();
        s.published = published.map(str::to_string);
        s
    }

    fn library() -> Library {
        Library::from_stories(vec![
            story("Beta", &["President Ruto", "Kenya"], None),
            story("Alpha", &["William Ruto", "Haiti"], None),
            story("Gamma", &["Haiti", "Ruto"], Some("2025-01-02T00:00:00Z")),
            story("Delta", &["Rutoville"], Some("2025-03-01T00:00:00Z")),
        ])
    }

    #[test]
    fn stories_sorted_newest_first_then_by_title() {
        let lib = library();
        let titles: Vec<&str> = lib.stories().iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles, ["Delta", "Gamma", "Alpha", "Beta"]);
    }

    #[test]
    fn tag_query_matches_whole_words_of_names() {
        let lib = library();
        let titles = |q: &str| -> Vec<String> {
            lib.stories_tagged(q).into_iter().map(|i| lib.stories()[i].title.clone()).collect()
        };
        assert_eq!(titles("Ruto"), ["Gamma", "Alpha", "Beta"]);
        assert_eq!(titles("haiti"), ["Gamma", "Alpha"]);
        assert_eq!(titles("president ruto"), ["Beta"]);
        assert!(titles("Nairobi").is_empty());
        let exact: Vec<&str> =
            lib.stories_with_tag("ruto").into_iter().map(|i| lib.stories()[i].title.as_str()).collect();
        assert_eq!(exact, ["Gamma"]);
    }

    #[test]
    fn tags_counted_most_used_first() {
        let lib = library();
        let counts: Vec<(String, usize)> =
            lib.tags().iter().map(|t| (t.name.clone(), t.stories.len())).collect();
        assert_eq!(counts[0], ("Haiti".to_string(), 2));
        assert_eq!(counts.len(), 6);
    }

    #[test]
    fn tags_differing_only_in_case_are_one_tag() {
        let lib = Library::from_stories(vec![story("A", &["haiti"], None), story("B", &["Haiti"], None)]);
        assert_eq!(lib.tags().len(), 1);
        assert_eq!(lib.tags()[0].stories.len(), 2);
    }
}
