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
    /// stay. A tag only they had goes from the picker, and the rest are
    /// ranked by what is left, at the next `order_new_stories`.
    pub fn retire(&mut self, ranges: &[std::ops::Range<usize>]) {
        let gone = BitSet::of(self.stories.len(), ranges.iter().flat_map(Clone::clone));
        self.retired.grow(self.stories.len());
        for i in ranges.iter().flat_map(Clone::clone) {
            self.retired.insert(i);
        }
        for tag in &mut self.tags {
            tag.stories.retain(|&i| !gone.contains(i));
        }
        // Out of the people pane, yet counted as done: never looked for.
        self.people.forget(&gone);
        for i in ranges.iter().flat_map(Clone::clone) {
            self.people.add(i, &[]);
        }
        self.sources = OnceLock::new();
    }
}
