//! Full-text search: the words of a story, a query's meaning, and the word
//! index (word -> stories) that answers a search keystroke without reading
//! any text.
//!
//! A query is words; a story matches when it contains every word, the last
//! one as a prefix (it may still be being typed): `rift val` finds "Rift
//! Valley". Words are runs of letters and digits (an apostrophe inside a
//! word is kept: `nyong'o`), compared in lower case. Title, caption, body
//! and tags are searched.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::bitset::BitSet;
use crate::model::{Body, Story};

/// Call `f` with each word of `text`, lower-cased (a curly apostrophe made
/// straight). `buf` is scratch space, so no word is allocated.
pub fn for_each_word(text: &str, buf: &mut String, mut f: impl FnMut(&str)) {
    for_each_word_at(text, buf, |w, _| f(w));
}

/// As `for_each_word`, with each word's byte range in `text`.
pub fn for_each_word_at(text: &str, buf: &mut String, mut f: impl FnMut(&str, std::ops::Range<usize>)) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let (c, len) = char_at(text, i);
        if !is_word_char(c) {
            i += len;
            continue;
        }
        buf.clear();
        let start = i;
        while i < bytes.len() {
            // Runs of ASCII letters and digits, the bulk of most text, a byte
            // at a time.
            while let Some(&b) = bytes.get(i).filter(|b| b.is_ascii_alphanumeric()) {
                buf.push(char::from(b.to_ascii_lowercase()));
                i += 1;
            }
            if i == bytes.len() {
                break;
            }
            let (c, len) = char_at(text, i);
            if is_word_char(c) {
                push_lower(buf, c);
            } else if is_apostrophe(c) && i + len < bytes.len() && is_word_char(char_at(text, i + len).0) {
                buf.push('\'');
            } else {
                break;
            }
            i += len;
        }
        f(buf, start..i);
    }
}

fn char_at(text: &str, i: usize) -> (char, usize) {
    let b = text.as_bytes()[i];
    if b.is_ascii() {
        return (char::from(b), 1);
    }
    let c = text[i..].chars().next().unwrap_or(' ');
    (c, c.len_utf8())
}

fn is_word_char(c: char) -> bool {
    if c.is_ascii() { c.is_ascii_alphanumeric() } else { c.is_alphanumeric() }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

fn push_lower(buf: &mut String, c: char) {
    if c.is_ascii() {
        buf.push(c.to_ascii_lowercase());
    } else {
        buf.extend(c.to_lowercase());
    }
}

/// The words of a query, lower-cased.
pub fn query_words(query: &str) -> Vec<String> {
    let mut words = Vec::new();
    for_each_word(query, &mut String::new(), |w| words.push(w.to_string()));
    words
}

/// Every searchable field of a story.
fn fields(story: &Story) -> impl Iterator<Item = &str> {
    std::iter::once(story.title())
        .chain(story.caption())
        .chain(story.paragraphs())
        .chain(story.tags.iter().map(String::as_str))
}

/// What the word index reads of a story, taken from a library so that a
/// thread can index it while the library goes on changing: the body is
/// shared, not copied.
#[derive(Debug, Clone)]
pub struct IndexText {
    /// The headline.
    pub title: String,
    /// The photo caption.
    pub caption: Option<String>,
    /// The tags.
    pub tags: Vec<String>,
    /// The paragraphs.
    pub body: Body,
}

impl IndexText {
    /// What `story` gives the index.
    pub fn of(story: &Story) -> IndexText {
        IndexText {
            title: story.title().to_string(),
            caption: story.caption().map(str::to_string),
            tags: story.tags.clone(),
            body: story.body().clone(),
        }
    }
}

/// Whether a story matches a query, by reading its text: the same answer
/// the index gives, for one story or a one-off command.
pub fn story_matches(story: &Story, query: &[String]) -> bool {
    let Some((last, whole)) = query.split_last() else {
        return true;
    };
    let mut found = vec![false; whole.len()];
    let mut last_found = false;
    let mut buf = String::new();
    for field in fields(story) {
        for_each_word(field, &mut buf, |w| {
            for (q, seen) in whole.iter().zip(found.iter_mut()) {
                *seen |= w == q;
            }
            last_found |= w.starts_with(last.as_str());
        });
    }
    last_found && found.iter().all(|&f| f)
}

/// A multiply-rotate hash over eight bytes at a time (as rustc's FxHash):
/// words are short, and SipHash's protection against crafted keys buys
/// nothing for an index of the user's own files.
#[derive(Default)]
pub struct WordHasher(u64);

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8])));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(last) ^ bytes.len() as u64);
    }
    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type WordMap<V> = HashMap<Box<str>, V, BuildHasherDefault<WordHasher>>;

/// Word -> the stories that contain it. Built in parts (on every core, by
/// a thread once the library is loaded) and merged into the library's
/// index.
#[derive(Debug, Clone, Default)]
pub struct WordIndex {
    /// Word -> position in `postings`.
    ids: WordMap<u32>,
    words: Vec<Box<str>>,
    /// Story indices for each word, ascending.
    postings: Vec<Vec<u32>>,
    /// Word ids sorted by word, for prefix ranges. Ids are given in order,
    /// so the words not yet in it are the ids from `sorted.len()` on.
    sorted: Vec<u32>,
}

/// Stories indexed between two looks at whether to stop.
const STOP_EVERY: usize = 256;

impl WordIndex {
    /// The index of a batch of stories, numbered from 0.
    pub fn build(stories: &[Story]) -> WordIndex {
        WordIndex::of_each(stories, &AtomicBool::new(false), |story, add| fields(story).for_each(add))
            .unwrap_or_default()
    }

    /// The index of `items`, numbered from 0: `read` hands each item's
    /// fields to `add`.
    /// `None` if `stop` was set on the way (looked at every
    /// `STOP_EVERY` items).
    fn of_each<T>(
        items: &[T],
        stop: &AtomicBool,
        read: impl Fn(&T, &mut dyn FnMut(&str)),
    ) -> Option<WordIndex> {
        let mut index = WordIndex::default();
        let mut buf = String::new();
        for (n, item) in items.iter().enumerate() {
            if n % STOP_EVERY == 0 && stop.load(Ordering::Relaxed) {
                return None;
            }
            let n = u32::try_from(n).unwrap_or(u32::MAX);
            read(item, &mut |field| for_each_word(field, &mut buf, |w| index.add(w, n)));
        }
        Some(index)
    }

    /// The index of stories' texts taken from a library (`IndexText`),
    /// built on every core: each part is indexed on its own and the parts
    /// merged. Given up within a few hundred stories once `stop` is set
    /// (a reader ending, whose cache writer needs the cores): `None` then.
    pub fn build_texts_unless(texts: &[IndexText], stop: &AtomicBool) -> Option<WordIndex> {
        let chunk = texts.len().div_ceil(crate::parallel::cores()).max(1024);
        let parts: Vec<&[IndexText]> = texts.chunks(chunk).collect();
        // The fields in the order `fields` gives a story's.
        let built = crate::parallel::map_parts(&parts, |_, part| {
            WordIndex::of_each(part, stop, |text, add| {
                add(&text.title);
                text.caption.as_deref().map(&mut *add);
                text.body.read(|paragraphs| paragraphs.iter().for_each(&mut *add));
                text.tags.iter().for_each(|t| add(t));
            })
        });
        let mut index = WordIndex::default();
        let mut base = 0;
        for (part, built) in parts.iter().zip(built) {
            // A part that panicked (a bug, reported by the crash hook)
            // leaves its stories out of the index rather than the reader.
            if let Some(built) = built {
                index.merge(built?, base);
            }
            base += part.len();
        }
        Some(index)
    }

    /// The id of `word`, given a new one (and an empty posting list) the
    /// first time it is seen.
    fn id_of(&mut self, word: &str) -> usize {
        if let Some(&id) = self.ids.get(word) {
            return id as usize;
        }
        let id = self.words.len();
        self.ids.insert(word.into(), u32::try_from(id).unwrap_or(u32::MAX));
        self.words.push(word.into());
        self.postings.push(Vec::new());
        id
    }

    fn add(&mut self, word: &str, story: u32) {
        let id = self.id_of(word);
        let list = &mut self.postings[id];
        if list.last() != Some(&story) {
            list.push(story);
        }
    }

    /// Index more text of one story (its tags, once segmented).
    pub fn add_words(&mut self, story: usize, texts: &[String]) {
        let story = u32::try_from(story).unwrap_or(u32::MAX);
        let mut buf = String::new();
        for text in texts {
            for_each_word(text, &mut buf, |w| self.add(w, story));
        }
    }

    /// Add a batch's index whose story 0 is story `base` here.
    pub fn merge(&mut self, batch: WordIndex, base: usize) {
        let base = u32::try_from(base).unwrap_or(u32::MAX);
        for (word, list) in batch.words.iter().zip(batch.postings) {
            let id = self.id_of(word);
            self.postings[id].extend(list.into_iter().map(|s| s + base));
        }
    }

    /// Bring the sorted word list up to date for prefix search: the new
    /// words are sorted and merged in, so a batch costs its own words plus
    /// one pass, not a sort of the whole vocabulary.
    pub fn prepare(&mut self) {
        let known = self.sorted.len();
        if known == self.words.len() {
            return;
        }
        let words = &self.words;
        let mut added: Vec<u32> =
            (known..words.len()).map(|id| u32::try_from(id).unwrap_or(u32::MAX)).collect();
        added.sort_unstable_by(|&a, &b| words[a as usize].cmp(&words[b as usize]));
        let mut merged = Vec::with_capacity(words.len());
        let (mut i, mut j) = (0, 0);
        while i < known && j < added.len() {
            if words[added[j] as usize] < words[self.sorted[i] as usize] {
                merged.push(added[j]);
                j += 1;
            } else {
                merged.push(self.sorted[i]);
                i += 1;
            }
        }
        merged.extend_from_slice(&self.sorted[i..]);
        merged.extend_from_slice(&added[j..]);
        self.sorted = merged;
    }

    /// Whether every word is in the sorted list, so `search` can answer.
    pub fn is_prepared(&self) -> bool {
        self.sorted.len() == self.words.len()
    }

    /// Number of distinct words.
    pub fn len(&self) -> usize {
        self.words.len()
    }

    /// Whether no word is indexed.
    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The stories (below `stories`) matching a query. `None` when the
    /// index cannot answer: `prepare` was not called since words were added.
    pub fn search(&self, query: &[String], stories: usize) -> Option<BitSet> {
        let Some((last, whole)) = query.split_last() else {
            return Some(BitSet::full(stories));
        };
        if !self.is_prepared() {
            return None;
        }
        let mut set = BitSet::new(stories);
        let from = self.sorted.partition_point(|&id| *self.words[id as usize] < **last);
        for &id in
            self.sorted[from..].iter().take_while(|&&id| self.words[id as usize].starts_with(last.as_str()))
        {
            self.postings[id as usize].iter().for_each(|&s| set.insert(s as usize));
        }
        for word in whole {
            let mut exact = BitSet::new(stories);
            if let Some(&id) = self.ids.get(word.as_str()) {
                self.postings[id as usize].iter().for_each(|&s| exact.insert(s as usize));
            }
            set.intersect_with(&exact);
        }
        Some(set)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn words(text: &str) -> Vec<String> {
        query_words(text)
    }

    fn story(title: &str, body: &str, tags: &[&str]) -> Story {
        let mut s = Story::new("x", Format::Text, title.into(), vec![body.into()]);
        s.tags = tags.iter().map(|t| t.to_string()).collect();
        s
    }

    #[test]
    fn an_index_given_up_is_none_and_one_not_is_the_whole_index() {
        let stories: Vec<Story> = (0..2 * STOP_EVERY)
            .map(|n| story(&format!("Ferry {n}"), "Harbour reopens.", &["Transport"]))
            .collect();
        let texts: Vec<IndexText> = stories.iter().map(IndexText::of).collect();
        assert!(WordIndex::build_texts_unless(&texts, &AtomicBool::new(true)).is_none());
        let mut whole = WordIndex::build_texts_unless(&texts, &AtomicBool::new(false)).unwrap();
        whole.prepare();
        let found = whole.search(&query_words("harbour"), stories.len()).unwrap();
        assert_eq!(found.count(), stories.len());
        let found = whole.search(&query_words("ferry 300"), stories.len()).unwrap();
        assert_eq!(found.count(), 1);
    }

    #[test]
    fn words_are_lower_case_runs_of_letters_and_digits() {
        assert_eq!(words("Rift Valley's 2025 rains—“heavy”"), ["rift", "valley's", "2025", "rains", "heavy"]);
        assert_eq!(words("Nyong’o SÉVERINE 'quoted'"), ["nyong'o", "séverine", "quoted"]);
        assert!(words(" -- ").is_empty());
    }

    #[test]
    fn every_word_must_match_and_the_last_may_be_a_prefix() {
        let s = story("Floods in Kisumu", "Water rose fast near the lake.", &["Weather"]);
        let q = |text: &str| story_matches(&s, &words(text));
        assert!(q("kisumu"));
        assert!(q("WATER rose"));
        assert!(q("weath"), "tags are searched, the last word as a prefix");
        assert!(q("water ro"));
        assert!(!q("wat rose"), "earlier words are whole words");
        assert!(!q("kisumu drought"));
        assert!(!q("isumu"), "a prefix, not any part of a word");
        assert!(q(""));
    }

    #[test]
    fn the_index_gives_the_same_answers_as_reading_the_text() {
        let stories = [
            story("Floods in Kisumu", "Water rose fast.", &["Weather"]),
            story("Rift Valley rains", "Farmers watch the water.", &["Farming"]),
            story("Nyong’o speaks", "The senator spoke.", &[]),
        ];
        let mut index = WordIndex::default();
        index.merge(WordIndex::build(&stories[..1]), 0);
        index.prepare();
        index.merge(WordIndex::build(&stories[1..2]), 1);
        index.merge(WordIndex::build(&stories[2..]), 2);
        assert!(index.search(&words("water"), 3).is_none(), "not prepared yet");
        index.prepare();
        let sorted: Vec<&str> = index.sorted.iter().map(|&id| &*index.words[id as usize]).collect();
        assert!(sorted.is_sorted(), "merged in order: {sorted:?}");
        for query in
            ["water", "wat", "water rose", "rift val", "nyong'o", "NYONG", "fa", "x", "", "the water"]
        {
            let q = words(query);
            let set = index.search(&q, 3).unwrap();
            let by_index: Vec<usize> = (0..3).filter(|&i| set.contains(i)).collect();
            let by_text: Vec<usize> = (0..3).filter(|&i| story_matches(&stories[i], &q)).collect();
            assert_eq!(by_index, by_text, "{query:?}");
        }
        assert_eq!(index.search(&words("wat"), 3).unwrap().count(), 2);
    }
}
