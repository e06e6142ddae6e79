//! The in-memory library: every story, its reading order, and a tag index
//! (tag name -> stories, with counts) that answers "stories tagged Ruto" by
//! whole-word name match. Stories can be added in batches while the rest
//! are still loading; a story's index never changes once it is added. No I/O.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;
use std::sync::OnceLock;

mod order;
mod people;
mod retire;
mod tags;

pub use order::SortOrder;
use order::{QuickKey, merge, quick_key, reading_order, sort_on_two_threads};

use crate::bitset::BitSet;
use crate::model::Story;
use crate::name_match::{name_words, words_match};
use crate::parse::Draft;
use crate::search_index::{self, WordHasher, WordIndex};
use crate::state::State;

/// A tag name and the stories that carry it (indices, in the order added).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagCount {
    /// The tag as written (the first spelling met).
    pub name: String,
    /// Indices of the stories that carry it.
    pub stories: Vec<usize>,
    /// Some story wrote this tag with separators: segmentation trusts it.
    pub(crate) written: bool,
}

/// Stories in reading order, with a tag index and a word index: what
/// every filter and search runs on.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// In the order they were added: a story's index is its position here.
    stories: Vec<Story>,
    /// Indices of the stories in reading order, up to `ordered`.
    order: Vec<usize>,
    /// Stories before this index are in `order`.
    ordered: usize,
    /// Space-joined tag lines waiting for every story's tags to be known,
    /// with the fingerprint of the written tags a cache segmented them with
    /// (the story's `tags` are then that segmentation).
    pending: Vec<(usize, String, Option<u64>)>,
    /// The tag lines segmented, by story: what a cache keeps.
    tag_lines: Vec<(usize, String)>,
    /// Most used first, then by name (after `order_new_stories`).
    tags: Vec<TagCount>,
    /// Each tag's lower-case words, parallel to `tags`.
    tag_words: Vec<Vec<String>>,
    /// Lower-case word -> tags containing it.
    by_word: HashMap<String, Vec<usize>>,
    /// Lower-case name -> tag. Until `segment_tag_lines`, only tags written with
    /// separators are in it: what segmentation trusts.
    by_name: HashMap<String, usize, BuildHasherDefault<WordHasher>>,
    /// The search index, when one was asked for (`index_words`).
    words: Option<WordIndex>,
    /// Stories marked read, and starred: kept with the stories' own flags
    /// by `set_marks` and `apply_state`, so filters never visit stories.
    read: BitSet,
    starred: BitSet,
    /// Each story's date and title as two numbers (`quick_key`): most
    /// reading-order comparisons end there, without touching the stories.
    quick_keys: Vec<QuickKey>,
    /// The orders other than the reading order, each made when first
    /// asked for and dropped when stories arrive.
    sorted: [OnceLock<Vec<usize>>; 3],
    /// Every source with its stories, made when first asked for and
    /// dropped when stories arrive.
    sources: OnceLock<Vec<SourceCount>>,
    /// Everyone the stories name, as far as found (`library/people.rs`).
    people: crate::people::People,
    /// Stories given new text since they were indexed (`set_full_text`):
    /// searches read them directly.
    rewritten: Vec<usize>,
    /// Stories whose file changed or went away after they were shown
    /// (`retire`): they keep their index but no filter passes them.
    retired: BitSet,
}

/// A source (`Story::source_name`) and the stories from it, in reading
/// order. Names that differ only in case are one source, named as first
/// met.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceCount {
    /// The source's name.
    pub name: String,
    /// Indices of its stories, in reading order.
    pub stories: Vec<usize>,
}

impl Library {
    /// Assemble a library from every parsed draft at once.
    pub fn from_drafts(drafts: Vec<Draft>) -> Library {
        let mut library = Library::default();
        library.extend(drafts);
        library.segment_tag_lines();
        library
    }

    /// Index finished stories as they are.
    pub fn from_stories(stories: Vec<Story>) -> Library {
        let drafts = stories.into_iter().map(Draft::from_story).collect();
        Library::from_drafts(drafts)
    }

    /// Make room for `more` stories to come, and a few beyond: a check
    /// that finds files changed (`load::take_in`) then adds their stories
    /// without moving the whole library to new memory (25 ms at 100,000
    /// stories). Room never written to costs no memory.
    pub fn reserve(&mut self, more: usize) {
        let more = more + more / 64 + 64;
        self.stories.reserve(more);
        self.quick_keys.reserve(more);
        self.pending.reserve(more);
    }

    /// Add a batch of stories. They are indexed by tag at once; call
    /// `order_new_stories` to put them in reading order, and `segment_tag_lines` once the last
    /// batch is in.
    /// If this library keeps a search index, the batch is indexed here.
    pub fn extend(&mut self, drafts: Vec<Draft>) {
        let base = self.stories.len();
        for draft in drafts {
            let index = self.stories.len();
            match draft.unsegmented_tags {
                Some(line) => self.pending.push((index, line, draft.cached_tags)),
                None => self.index_tags(index, &draft.story.tags, true),
            }
            let mut key = quick_key(&draft.story);
            key.rank = draft.cached_rank.unwrap_or(order::NO_RANK);
            self.quick_keys.push(key);
            self.read.grow(index + 1);
            self.starred.grow(index + 1);
            self.read.set(index, draft.story.read);
            self.starred.set(index, draft.story.starred);
            self.stories.push(draft.story);
        }
        if let Some(index) = &mut self.words {
            index.merge(WordIndex::build(&self.stories[base..]), base);
        }
    }

    /// Keep a search index from now on, starting with the stories already in.
    pub fn index_words(&mut self) {
        if self.words.is_none() {
            let mut index = WordIndex::build(&self.stories);
            index.prepare();
            self.words = Some(index);
        }
    }

    /// Whether stories are waiting for `segment_tag_lines`.
    pub fn is_finished(&self) -> bool {
        self.pending.is_empty() && self.ordered == self.stories.len()
    }

    /// Put the stories added since the last call into reading order and
    /// rank the tags again.
    pub fn order_new_stories(&mut self) {
        if self.ordered < self.stories.len() {
            let mut added: Vec<usize> = (self.ordered..self.stories.len()).collect();
            let (stories, keys) = (&self.stories, &self.quick_keys);
            let cmp = |a: &usize, b: &usize| reading_order(&stories[*a], &stories[*b], keys[*a], keys[*b]);
            // Stories that all have a place recorded by a cache are in
            // reading order by that place alone: a sort of numbers, most
            // of them in order already.
            if added.iter().all(|&i| keys[i].rank != order::NO_RANK) {
                added.sort_unstable_by_key(|&i| keys[i].rank);
            } else {
                sort_on_two_threads(&mut added, cmp);
            }
            self.order = merge(&self.order, &added, cmp);
            self.ordered = stories.len();
            self.sorted = Default::default();
            self.sources = OnceLock::new();
        }
        self.rank_tags();
        if let Some(words) = &mut self.words {
            words.prepare();
        }
    }

    /// Every story, by index (the order they were added).
    pub fn stories(&self) -> &[Story] {
        &self.stories
    }

    /// How many stories.
    pub fn len(&self) -> usize {
        self.stories.len()
    }

    /// Whether there are no stories.
    pub fn is_empty(&self) -> bool {
        self.stories.is_empty()
    }

    /// Story indices in reading order: newest first where a date is known,
    /// then by title, then by source. Stories added since the last `order_new_stories`
    /// are not in it yet.
    pub fn order(&self) -> &[usize] {
        &self.order
    }

    /// The stories in reading order.
    pub fn in_order(&self) -> impl Iterator<Item = &Story> {
        self.order.iter().map(|&i| &self.stories[i])
    }

    /// Set a story's read and starred marks.
    pub fn set_marks(&mut self, index: usize, read: bool, starred: bool) {
        if let Some(story) = self.stories.get_mut(index) {
            story.read = read;
            story.starred = starred;
            self.read.set(index, read);
            self.starred.set(index, starred);
        }
    }

    /// Take the saved marks for the stories from index `from` on.
    pub fn apply_state(&mut self, state: &State, from: usize) {
        if state.stories.is_empty() {
            return;
        }
        for index in from..self.stories.len() {
            if let Some(mark) = state.stories.get(self.stories[index].id()) {
                self.set_marks(index, mark.read, mark.starred);
            }
        }
    }

    /// Stories marked read.
    pub fn read_set(&self) -> &BitSet {
        &self.read
    }

    /// Stories marked with a star.
    pub fn starred_set(&self) -> &BitSet {
        &self.starred
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

    /// The set of stories carrying exactly this tag (ignoring case).
    pub fn with_tag(&self, name: &str) -> BitSet {
        let tag = self.by_name.get(&name.to_lowercase()).map(|&t| &self.tags[t]);
        BitSet::of(self.len(), tag.into_iter().flat_map(|t| t.stories.iter().copied()))
    }

    /// The set of stories carrying any tag that matches the query.
    pub fn tagged(&self, query: &str) -> BitSet {
        let tags = self.tags_matching(query);
        BitSet::of(self.len(), tags.into_iter().flat_map(|t| self.tags[t].stories.iter().copied()))
    }

    /// Give story `index` the whole text of its web page (`F` in the
    /// reader). Its id, place and tags stay; searches read its new text
    /// directly, as the word index holds the old.
    pub fn set_full_text(&mut self, index: usize, page: &crate::parse::full_text::FullText) {
        let Some(story) = self.stories.get_mut(index) else { return };
        page.apply_text_to(story);
        if !self.rewritten.contains(&index) {
            self.rewritten.push(index);
        }
        // The people pane counts the new text's people.
        if self.people.has(index) {
            self.people.forget(&BitSet::of(self.stories.len(), [index]));
            self.people.add(index, self.stories[index].people());
        }
    }

    /// Stop keeping a word index (until `set_words`): a reader loading a
    /// library builds it once every story is in, on another thread.
    pub fn drop_words(&mut self) {
        self.words = None;
    }

    /// What the word index needs of every story, for a thread to build it
    /// (`WordIndex::build_texts_unless`).
    pub fn index_texts(&self) -> Vec<search_index::IndexText> {
        self.stories.iter().map(search_index::IndexText::of).collect()
    }

    /// Keep `index`, built from the first `covered` stories
    /// (`index_texts`); stories added since are indexed here.
    pub fn set_words(&mut self, mut index: WordIndex, covered: usize) {
        if covered < self.stories.len() {
            index.merge(WordIndex::build(&self.stories[covered..]), covered);
        }
        index.prepare();
        self.words = Some(index);
    }

    /// Whether the library keeps a word index.
    pub fn has_words(&self) -> bool {
        self.words.is_some()
    }

    /// Whether a search is answered from the word index now (rather than by
    /// reading every story).
    pub fn searches_by_index(&self) -> bool {
        self.words.as_ref().is_some_and(WordIndex::is_prepared)
    }

    /// The stories matching a search query (see `words`): from the word
    /// index when the library keeps one, else by reading every story.
    pub fn search(&self, query: &[String]) -> BitSet {
        if query.is_empty() {
            let mut all = BitSet::full(self.len());
            all.subtract(&self.retired);
            return all;
        }
        if let Some(mut set) = self.words.as_ref().and_then(|w| w.search(query, self.len())) {
            for &i in &self.rewritten {
                set.set(i, search_index::story_matches(&self.stories[i], query));
            }
            set.subtract(&self.retired);
            return set;
        }
        let mut set = BitSet::new(self.len());
        for (i, story) in self.stories.iter().enumerate() {
            if !self.retired.contains(i) && search_index::story_matches(story, query) {
                set.insert(i);
            }
        }
        set
    }

    /// The stories of a set, in reading order.
    pub fn ordered(&self, set: &BitSet) -> Vec<usize> {
        self.ordered_by(set, SortOrder::Newest)
    }

    /// Every story in `order`.
    pub fn order_by(&self, order: SortOrder) -> &[usize] {
        let slot = match order {
            SortOrder::Newest => return &self.order,
            SortOrder::Oldest => &self.sorted[0],
            SortOrder::Source => &self.sorted[1],
            SortOrder::Title => &self.sorted[2],
        };
        slot.get_or_init(|| order::sorted(&self.stories, &self.order, order))
    }

    /// How many of `stories` are unread.
    pub fn unread_in(&self, stories: &[usize]) -> usize {
        stories.iter().filter(|&&i| !self.read.contains(i)).count()
    }

    /// How many stories are unread, without visiting them (but the few
    /// retired).
    pub fn unread(&self) -> usize {
        let unread = self.stories.len() - self.read.count();
        if self.retired.is_empty() {
            return unread;
        }
        let mut retired_unread = self.retired.clone();
        retired_unread.subtract(&self.read);
        unread - retired_unread.count()
    }

    /// How many stories there are to show: all but those retired.
    pub fn live_len(&self) -> usize {
        self.stories.len() - self.retired.count()
    }

    /// Whether story `index` was retired.
    pub fn is_retired(&self, index: usize) -> bool {
        self.retired.contains(index)
    }

    /// Every source, most stories first, then by name.
    pub fn sources(&self) -> &[SourceCount] {
        self.sources.get_or_init(|| {
            let mut at: HashMap<String, usize> = HashMap::new();
            let mut sources: Vec<SourceCount> = Vec::new();
            for &index in self.order.iter().filter(|&&i| !self.retired.contains(i)) {
                let name = self.stories[index].source_name();
                let slot = *at.entry(name.to_lowercase()).or_insert_with(|| {
                    sources.push(SourceCount { name: name.to_string(), stories: Vec::new() });
                    sources.len() - 1
                });
                sources[slot].stories.push(index);
            }
            sources.sort_by(|a, b| b.stories.len().cmp(&a.stories.len()).then_with(|| a.name.cmp(&b.name)));
            sources
        })
    }

    /// The stories from any of these sources (names ignoring case).
    pub fn from_sources(&self, names: &[String]) -> BitSet {
        let wanted: Vec<String> = names.iter().map(|n| n.to_lowercase()).collect();
        let mut set = BitSet::new(self.stories.len());
        for source in self.sources().iter().filter(|s| wanted.contains(&s.name.to_lowercase())) {
            for &index in &source.stories {
                set.insert(index);
            }
        }
        set
    }

    /// The stories of a set, in `order`.
    pub fn ordered_by(&self, set: &BitSet, order: SortOrder) -> Vec<usize> {
        self.order_by(order).iter().copied().filter(|&i| set.contains(i)).collect()
    }

    /// Stories carrying exactly this tag (ignoring case), in reading order.
    pub fn stories_with_tag(&self, name: &str) -> Vec<usize> {
        self.ordered(&self.with_tag(name))
    }

    /// Stories carrying any tag that matches the query, in reading order.
    pub fn stories_tagged(&self, query: &str) -> Vec<usize> {
        self.ordered(&self.tagged(query))
    }
}

#[cfg(test)]
mod tests;
