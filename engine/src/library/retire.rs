//! Retiring the stories of files that changed or went away after they
//! were shown (a reader's check of a cached library): out of every list,
//! count and filter, while the other stories keep their indices.

use std::sync::OnceLock;

use super::Library;
use crate::bitset::BitSet;

impl Library {
    /// Take the stories in `ranges` out of every list, count and filter:
    /// their files changed or went away after they were shown, and what
    /// they hold now is added as new stories. Indices of the other stories
    /// stay. A tag only they had goes; the rest are ranked by what is left
    /// at the next `order_new_stories`.
    pub fn retire(&mut self, ranges: &[std::ops::Range<usize>]) {
        let gone = BitSet::of(self.stories.len(), ranges.iter().flat_map(Clone::clone));
        self.retired.grow(self.stories.len());
        for i in ranges.iter().flat_map(Clone::clone) {
            self.retired.insert(i);
        }
        self.untag(&gone);
        // Out of the people pane, yet counted as done: never looked for.
        self.people.forget(&gone);
        for i in ranges.iter().flat_map(Clone::clone) {
            self.people.add(i, &[]);
        }
        self.sources = OnceLock::new();
    }

    /// After stories were retired and files read again: which tags some
    /// live story wrote with separators is counted again, and if that set
    /// changed, every space-joined tag line is segmented again with it,
    /// as a load of the files as they are now would. The stories are then
    /// put in reading order and the tags ranked.
    pub fn segment_after_retiring(&mut self, written_before: u64) {
        let lined = BitSet::of(
            self.stories.len(),
            self.tag_lines.iter().map(|(i, _)| *i).chain(self.pending.iter().map(|p| p.0)),
        );
        // A tag is written with separators when a live story without a tag
        // line has it: found in each tag's own list of stories, mostly at
        // its first.
        for tag in &mut self.tags {
            tag.written = tag.stories.iter().any(|&i| !lined.contains(i) && !self.retired.contains(i));
        }
        if self.written_tags_fingerprint() != written_before {
            let lines: Vec<(usize, String)> = std::mem::take(&mut self.tag_lines);
            self.untag(&BitSet::of(self.stories.len(), lines.iter().map(|(i, _)| *i)));
            let live = lines.into_iter().filter(|(i, _)| !self.retired.contains(*i));
            self.pending.extend(live.map(|(i, line)| (i, line, None)));
        }
        self.segment_tag_lines();
    }

    /// Take the stories of `gone` out of every tag's list. A tag left with
    /// none goes at once, so that no tag line is segmented with it; the
    /// rest are ranked again at the next `order_new_stories`.
    fn untag(&mut self, gone: &BitSet) {
        for tag in &mut self.tags {
            tag.stories.retain(|&i| !gone.contains(i));
        }
        if self.tags.iter().any(|tag| tag.stories.is_empty()) {
            self.tags.retain(|tag| !tag.stories.is_empty());
            self.by_name = super::tags::by_name(&self.tags);
        }
    }
}
