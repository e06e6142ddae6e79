//! The library's tag index: each story's tags counted under their name
//! (case ignored), the tags ranked most used first, and the space-joined
//! tag lines segmented once every story's tags are known.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::{Library, TagCount};
use crate::model::Story;
use crate::name_match::name_words;
use crate::parse;
use crate::parse::tags::KnownTags;
use crate::search_index::WordHasher;

impl Library {
    /// The last batch is in: segment the space-joined tag lines with every
    /// tag the library knows, then order the stories and rank the tags.
    pub fn segment_tag_lines(&mut self) {
        while !self.segment_some_tag_lines(usize::MAX) {}
    }

    /// As `segment_tag_lines`, a slice at a time, for a reader that must keep
    /// answering keys: segments up to `max` tag lines and reports whether
    /// the library is finished. Lines whose cached segmentation holds cost
    /// next to nothing and are not counted in `max`. Each line is segmented
    /// with the tags written with separators only, so slicing never
    /// changes the result.
    pub fn segment_some_tag_lines(&mut self, max: usize) -> bool {
        // A cache's segmentation holds when the tags written with
        // separators are the ones it was made with.
        let written = self.pending.iter().any(|p| p.2.is_some()).then(|| self.written_tags_fingerprint());
        let (mut take, mut costly) = (0, 0);
        for pending in &mut self.pending {
            pending.2 = pending.2.filter(|cached| Some(*cached) == written);
            if pending.2.is_none() {
                if costly == max {
                    break;
                }
                costly += 1;
            }
            take += 1;
        }
        let slice: Vec<(usize, String, Option<u64>)> = self.pending.drain(..take).collect();
        let written = WrittenTags { by_name: &self.by_name, tags: &self.tags };
        let segmented = segment_all(&self.stories, &slice, &written);
        for ((index, line, _), tags) in slice.into_iter().zip(segmented) {
            // `None`: the cache's segmentation, already the story's tags.
            let tags = tags.unwrap_or_else(|| std::mem::take(&mut self.stories[index].tags));
            self.tag_lines.push((index, line));
            self.index_tags(index, &tags, false);
            if let Some(words) = &mut self.words {
                words.add_words(index, &tags);
            }
            self.stories[index].tags = tags;
        }
        if self.pending.is_empty() {
            self.order_new_stories();
            return true;
        }
        false
    }

    /// The space-joined tag lines segmented so far, by story index, in
    /// the order they were segmented.
    pub fn tag_lines(&self) -> &[(usize, String)] {
        &self.tag_lines
    }

    /// A fingerprint of the tags written with separators (the ones tag
    /// lines are segmented with): a cached segmentation made with the
    /// same one is still right.
    pub fn written_tags_fingerprint(&self) -> u64 {
        let mut names: Vec<&str> =
            self.by_name.iter().filter(|(_, t)| self.tags[**t].written).map(|(n, _)| n.as_str()).collect();
        names.sort_unstable();
        crate::model::fast_hash(names.join("\n").as_bytes())
    }

    /// Add a story's tags to the index; `written`: with separators.
    pub(super) fn index_tags(&mut self, index: usize, tags: &[String], written: bool) {
        let mut lower = String::new();
        for tag in tags {
            // Most tags are ASCII: lowered in one reused buffer.
            if tag.is_ascii() {
                lower.clear();
                lower.push_str(tag);
                lower.make_ascii_lowercase();
            } else {
                lower = tag.to_lowercase();
            }
            let at = match self.by_name.get(&lower) {
                Some(&at) => at,
                None => {
                    self.by_name.insert(lower.clone(), self.tags.len());
                    self.tags.push(TagCount { name: tag.clone(), stories: Vec::new(), written });
                    self.tags.len() - 1
                }
            };
            self.tags[at].written |= written;
            if self.tags[at].stories.last() != Some(&index) {
                self.tags[at].stories.push(index);
            }
        }
    }

    /// Sort the tags most used first and rebuild the lookups by position.
    pub(super) fn rank_tags(&mut self) {
        self.tags.sort_by_cached_key(|t| (std::cmp::Reverse(t.stories.len()), t.name.to_lowercase()));
        self.tag_words = self.tags.iter().map(|t| name_words(&t.name)).collect();
        self.by_word.clear();
        for (t, words) in self.tag_words.iter().enumerate() {
            for w in words {
                let list = self.by_word.entry(w.clone()).or_default();
                if list.last() != Some(&t) {
                    list.push(t);
                }
            }
        }
        self.by_name = by_name(&self.tags);
    }
}

/// Each tag's position by its name, case ignored.
pub(super) fn by_name(tags: &[TagCount]) -> HashMap<String, usize, BuildHasherDefault<WordHasher>> {
    tags.iter().enumerate().map(|(i, t)| (t.name.to_lowercase(), i)).collect()
}

/// The tags some story wrote with separators, which segmentation trusts.
struct WrittenTags<'a> {
    by_name: &'a HashMap<String, usize, BuildHasherDefault<WordHasher>>,
    tags: &'a [TagCount],
}

impl KnownTags for WrittenTags<'_> {
    fn knows(&self, name: &str) -> bool {
        self.by_name.get(name).is_some_and(|&t| self.tags[t].written)
    }
}

/// Segment space-joined tag lines, on every core: each line is scored
/// against the story's text, which takes a few microseconds a story.
fn segment_all(
    stories: &[Story],
    pending: &[(usize, String, Option<u64>)],
    known: &dyn KnownTags,
) -> Vec<Option<Vec<String>>> {
    let segment = |(index, line, cached): &(usize, String, Option<u64>)| match cached {
        Some(_) => None,
        None => Some(parse::segment_line(&stories[*index], line, known)),
    };
    let chunk = pending.len().div_ceil(crate::parallel::cores()).max(256);
    let parts: Vec<_> = pending.chunks(chunk).collect();
    let segmented =
        crate::parallel::map_parts(&parts, |_, part| part.iter().map(segment).collect::<Vec<_>>());
    // A part that panicked (a bug, reported by the crash hook) leaves its
    // stories without tags rather than giving them another's.
    segmented
        .into_iter()
        .zip(&parts)
        .flat_map(|(tags, part)| tags.unwrap_or_else(|| vec![Some(Vec::new()); part.len()]))
        .collect()
}
