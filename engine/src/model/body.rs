//! A story's body: its paragraphs in one buffer (`Paragraphs`), in memory
//! or still in a store such as the parsed cache (`Body`, `BodySource`).

use std::fmt;
use std::ops::Index;
use std::sync::{Arc, OnceLock};

use serde::Serialize;

/// A story's paragraphs, their text one after another in one buffer with
/// where each ends: one allocation a story instead of one a paragraph (at
/// 100,000 stories, a million allocations and about 40 MB fewer).
#[derive(Clone, Default, PartialEq, Eq, Hash)]
pub struct Paragraphs {
    text: String,
    ends: Box<[u32]>,
}

impl Paragraphs {
    /// No paragraphs.
    pub fn new() -> Paragraphs {
        Paragraphs::default()
    }

    /// How many paragraphs.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// Whether there are none.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The bytes of every paragraph together, known without reading
    /// their text (the cache places 100,000 bodies by their lengths).
    pub fn text_len(&self) -> usize {
        self.text.len()
    }

    /// Paragraph `n`, if there is one.
    pub fn get(&self, n: usize) -> Option<&str> {
        let end = *self.ends.get(n)? as usize;
        let start = if n == 0 { 0 } else { self.ends[n - 1] as usize };
        self.text.get(start..end)
    }

    /// Every paragraph, in order.
    pub fn iter(&self) -> Iter<'_> {
        Iter { paragraphs: self, front: 0, back: self.len() }
    }

    /// Each paragraph as its own String.
    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }

    /// The paragraphs joined with `separator`.
    pub fn join(&self, separator: &str) -> String {
        self.iter().collect::<Vec<_>>().join(separator)
    }
}

/// Paragraphs from any list of texts.
impl<S: AsRef<str>> FromIterator<S> for Paragraphs {
    fn from_iter<I: IntoIterator<Item = S>>(texts: I) -> Paragraphs {
        let mut paragraphs = Paragraphs::build(String::new(), texts);
        paragraphs.text.shrink_to_fit();
        paragraphs
    }
}

impl From<Vec<String>> for Paragraphs {
    fn from(paragraphs: Vec<String>) -> Paragraphs {
        let bytes = paragraphs.iter().map(String::len).sum();
        Paragraphs::from_texts(paragraphs, bytes)
    }
}

impl Paragraphs {
    /// The texts, which add up to `bytes`. A body of 4 GiB or more (which
    /// no size cap lets through) keeps the paragraphs that fit.
    pub fn from_texts<S: AsRef<str>>(texts: impl IntoIterator<Item = S>, bytes: usize) -> Paragraphs {
        Paragraphs::build(String::with_capacity(bytes), texts)
    }

    fn build<S: AsRef<str>>(mut text: String, texts: impl IntoIterator<Item = S>) -> Paragraphs {
        let texts = texts.into_iter();
        let mut ends = Vec::with_capacity(texts.size_hint().0);
        for paragraph in texts {
            let paragraph = paragraph.as_ref();
            let Ok(end) = u32::try_from(text.len() + paragraph.len()) else {
                break;
            };
            text.push_str(paragraph);
            ends.push(end);
        }
        Paragraphs { text, ends: ends.into_boxed_slice() }
    }
}

impl Index<usize> for Paragraphs {
    type Output = str;

    fn index(&self, n: usize) -> &str {
        match self.get(n) {
            Some(paragraph) => paragraph,
            None => panic!("paragraph {n} of {}", self.len()),
        }
    }
}

/// Paragraphs in order, from either end.
#[derive(Debug, Clone)]
pub struct Iter<'a> {
    paragraphs: &'a Paragraphs,
    front: usize,
    back: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = &'a str;

    fn next(&mut self) -> Option<&'a str> {
        (self.front < self.back).then(|| {
            self.front += 1;
            self.paragraphs.get(self.front - 1).unwrap_or_default()
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.back - self.front, Some(self.back - self.front))
    }
}

impl DoubleEndedIterator for Iter<'_> {
    fn next_back(&mut self) -> Option<Self::Item> {
        (self.front < self.back).then(|| {
            self.back -= 1;
            self.paragraphs.get(self.back).unwrap_or_default()
        })
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl<'a> IntoIterator for &'a Paragraphs {
    type Item = &'a str;
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Iter<'a> {
        self.iter()
    }
}

impl fmt::Debug for Paragraphs {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// As a list of strings (the export's `paragraphs`).
impl Serialize for Paragraphs {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter())
    }
}

impl<S: AsRef<str>> PartialEq<[S]> for Paragraphs {
    fn eq(&self, other: &[S]) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for Paragraphs {
    fn eq(&self, other: &[S; N]) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Paragraphs {
    fn eq(&self, other: &Vec<S>) -> bool {
        *self == other[..]
    }
}

impl<S: AsRef<str>, const N: usize> PartialEq<[S; N]> for &Paragraphs {
    fn eq(&self, other: &[S; N]) -> bool {
        **self == other[..]
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for &Paragraphs {
    fn eq(&self, other: &Vec<S>) -> bool {
        **self == other[..]
    }
}

/// Where a stored body is: its bytes' offset and length in the store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BodyAt {
    /// Byte offset in the store.
    pub offset: u64,
    /// Length in bytes.
    pub len: u64,
    /// Which story of the store it is, in the store's own numbering: lets
    /// a store find the story again elsewhere when its bytes are damaged.
    pub item: u64,
}

/// Somewhere story bodies wait until they are read: the parsed cache.
pub trait BodySource: Send + Sync + fmt::Debug {
    /// The paragraphs stored at `at`; `None` when they cannot be read, or
    /// are not what was written there.
    fn paragraphs(&self, at: BodyAt) -> Option<Paragraphs>;
    /// The stored bytes at `at`, checked, to be copied to a new store
    /// without reading them as paragraphs.
    fn raw(&self, at: BodyAt) -> Option<Vec<u8>>;
}

/// A story's paragraphs: in memory, or still in a store (`BodySource`) and
/// read on first use. Cloning shares the paragraphs.
#[derive(Debug, Clone)]
pub struct Body(Arc<BodyCell>);

#[derive(Debug)]
struct BodyCell {
    paragraphs: OnceLock<Paragraphs>,
    stored: Option<(Arc<dyn BodySource>, BodyAt)>,
}

impl Body {
    /// Paragraphs already in memory.
    pub fn new(paragraphs: Paragraphs) -> Body {
        Body(Arc::new(BodyCell { paragraphs: OnceLock::from(paragraphs), stored: None }))
    }

    /// Paragraphs to be read from `source` when first asked for.
    pub fn stored(source: Arc<dyn BodySource>, at: BodyAt) -> Body {
        Body(Arc::new(BodyCell { paragraphs: OnceLock::new(), stored: Some((source, at)) }))
    }

    /// The paragraphs, read from the store the first time if they are
    /// there. A stored body that cannot be read intact is empty: never
    /// another story's text.
    pub fn paragraphs(&self) -> &Paragraphs {
        self.0.paragraphs.get_or_init(|| {
            self.0.stored.as_ref().and_then(|(source, at)| source.paragraphs(*at)).unwrap_or_default()
        })
    }

    /// Hand the paragraphs to `f` without keeping them in memory if they
    /// are still in the store: for a pass over every story (the word
    /// index) that must not load a whole library's text at once.
    pub fn read<R>(&self, f: impl FnOnce(&Paragraphs) -> R) -> R {
        match (self.loaded(), &self.0.stored) {
            (Some(paragraphs), _) => f(paragraphs),
            (None, Some((source, at))) => match source.paragraphs(*at) {
                Some(paragraphs) => f(&paragraphs),
                None => f(self.paragraphs()),
            },
            (None, None) => f(self.paragraphs()),
        }
    }

    /// The paragraphs if they are in memory (never stored, or read).
    pub fn loaded(&self) -> Option<&Paragraphs> {
        self.0.paragraphs.get()
    }

    /// Where the body is stored, if it came from a store and has not been
    /// read: its bytes can then be copied without reading them.
    pub fn unread_at(&self) -> Option<(&Arc<dyn BodySource>, BodyAt)> {
        self.0.stored.as_ref().filter(|_| self.loaded().is_none()).map(|(source, at)| (source, *at))
    }
}

#[cfg(test)]
mod tests {
    use super::Paragraphs;

    #[test]
    fn paragraphs_in_one_buffer_read_back_as_they_were_given() {
        let given = vec!["First, with “quotes”.".to_string(), String::new(), "Last é.".to_string()];
        let paragraphs = Paragraphs::from(given.clone());
        assert_eq!(paragraphs, given);
        assert_eq!(paragraphs.len(), 3);
        assert_eq!(&paragraphs[0], "First, with “quotes”.");
        assert_eq!(paragraphs.get(1), Some(""));
        assert_eq!(paragraphs.get(3), None);
        assert_eq!(paragraphs.iter().rev().collect::<Vec<_>>(), ["Last é.", "", "First, with “quotes”."]);
        assert_eq!(paragraphs.join("\n"), given.join("\n"));
        assert_eq!(serde_json::to_string(&paragraphs).unwrap(), serde_json::to_string(&given).unwrap());
        assert_eq!(Paragraphs::from_iter(&given), paragraphs);
        assert!(Paragraphs::new().is_empty());
        assert_eq!(paragraphs.text_len(), given.iter().map(String::len).sum::<usize>());
        assert_eq!(Paragraphs::new().text_len(), 0);
        assert_ne!(Paragraphs::from_iter(["ab", "c"]), Paragraphs::from_iter(["a", "bc"]));
    }
}
