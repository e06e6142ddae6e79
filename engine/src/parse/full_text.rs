//! The whole text of a feed item, from its web page (`feeds::pages`
//! fetches it): kept with the item in the store, read back with it by the
//! JSON parser, and given to the story in place of the feed's summary.

use serde::{Deserialize, Serialize};

use super::tags::dedupe;
use crate::model::Story;

/// What fetching an item's page gave, kept with the item in the store.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct FullText {
    /// When the page was fetched, RFC 3339.
    pub fetched: String,
    /// The page's address (the item's link).
    pub page: String,
    /// The article's paragraphs; empty when the summary was kept.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub paragraphs: Vec<String>,
    /// The page's byline, used when the feed names no author.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub author: Option<String>,
    /// The page's date, used when the feed gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The page's keywords, added after the item's own tags.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// The links of the article's text, for `L` in the reader.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub links: Vec<String>,
    /// Why the feed's summary was kept instead (then `paragraphs` is empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kept_summary: Option<String>,
    /// The failure may pass (a timeout, a name not found, a refused
    /// connection, 429 or 5xx):
    /// the page is tried again at the next fetch. Otherwise a page is never
    /// fetched again unless its item changes.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub retry: bool,
}

impl FullText {
    /// Whether this holds the page's article (rather than a reason).
    pub fn has_text(&self) -> bool {
        self.kept_summary.is_none() && !self.paragraphs.is_empty()
    }

    /// Give `story` the page's text: its paragraphs and links, its author
    /// and date where the feed gave none, its tags after the story's own.
    /// Nothing changes when the summary was kept.
    pub fn apply_to(&self, story: &mut Story) {
        if !self.has_text() {
            return;
        }
        self.apply_text_to(story);
        if story.published.is_none() {
            story.published.clone_from(&self.published);
        }
        if !self.tags.is_empty() {
            story.tags = dedupe(story.tags.iter().chain(&self.tags).cloned());
        }
    }

    /// Give `story` the page's paragraphs and links, and its author where
    /// the story names none; its date and tags, which place it in a
    /// library's order and tag index, stay as they are.
    pub fn apply_text_to(&self, story: &mut Story) {
        if !self.has_text() {
            return;
        }
        story.set_text(self.paragraphs.clone());
        if story.author.is_none() {
            story.author.clone_from(&self.author);
        }
        if !self.links.is_empty() {
            story.links.clone_from(&self.links);
        }
    }

    pub(crate) fn kept(page: &str, now: &str, reason: String, retry: bool) -> FullText {
        FullText {
            fetched: now.to_string(),
            page: page.to_string(),
            kept_summary: Some(reason),
            retry,
            ..FullText::default()
        }
    }
}
