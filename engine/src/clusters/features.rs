//! What each story brings to the clustering: its quotes' word spans, its
//! names, a MinHash signature of its title and lead, its date and link.

use std::collections::{HashMap, HashSet};
use std::hash::BuildHasherDefault;

use super::{CROWD, HASHES, MIN_WORDS, QUOTE_WORDS};

/// Content words enough for a lead: the second paragraph is read only
/// when the title and the first give fewer.
const LEAD_WORDS: usize = 24;
use crate::model::{Named, Paragraphs, Quote, Story, fast_hash};
use crate::name_match::each_word;
use crate::parse::lexicon::Words;
use crate::search_index::WordHasher;

/// What a story brings to the comparison (`Features::of`), worked out on
/// any thread; clustering needs nothing else of the story.
#[derive(Debug, Clone, Default)]
pub struct Features {
    /// Hashes of every `QUOTE_WORDS`-word span of its quotes, sorted.
    pub(super) spans: Box<[u64]>,
    /// Hashes of its people's and organisations' names.
    pub(super) names: Box<[u64]>,
    /// Hashes (32 bits: they are only counted and signed) of the content
    /// words of the title and lead; let go once signed.
    pub(super) words: Box<[u32]>,
    /// MinHash of `words` less the library's common ones (empty when too
    /// few are left).
    pub(super) minhash: Box<[u32]>,
    /// Seconds since 1970, when dated.
    pub(super) time: Option<i64>,
    /// A hash of the link, normalised (no scheme, `www.`, query or
    /// trailing slash).
    pub(super) link: Option<u64>,
    /// A hash of the title, the lead and the body's length: the same in
    /// copies of one text.
    pub(super) text: u64,
    /// How many quotes it has.
    pub(super) quotes: u32,
}

/// What `Features::from_parts` reads of a story.
pub(crate) struct Parts<'a> {
    pub(crate) title: &'a str,
    pub(crate) paragraphs: &'a Paragraphs,
    pub(crate) published: Option<&'a str>,
    pub(crate) url: Option<&'a str>,
    pub(crate) quotes: &'a [Quote],
    pub(crate) people: &'a [Named],
}

impl Features {
    /// A story's evidence (its quotes and people are found if not yet).
    pub fn of(story: &Story) -> Features {
        Features::from_parts(&Parts {
            title: story.title(),
            paragraphs: story.paragraphs(),
            published: story.published.as_deref(),
            url: story.url.as_deref(),
            quotes: story.quotes(),
            people: story.people(),
        })
    }

    /// The evidence of a story given by its parts, as a thread that found
    /// its quotes and people has them.
    pub(crate) fn from_parts(story: &Parts) -> Features {
        let mut spans: Vec<u64> = story.quotes.iter().flat_map(|q| quote_spans(&q.text)).collect();
        spans.sort_unstable();
        spans.dedup();
        // Names of two words or more: a single word (`BAAR`, a dateline's
        // town in capitals, or an acronym) is too often not a name at all.
        let mut names: Vec<u64> =
            story.people.iter().filter(|n| n.name.contains(' ')).map(|n| name_key(&n.name)).collect();
        names.sort_unstable();
        names.dedup();
        // Names count as names (rare ones only), not as words alike: a
        // president in every story makes no two stories similar.
        let mut named: Vec<u64> = story.people.iter().flat_map(|n| word_hashes(&n.name)).collect();
        named.sort_unstable();
        let mut text = story.title.to_string();
        for paragraph in story.paragraphs.iter().take(2) {
            text.push(' ');
            text.push_str(paragraph);
        }
        // The title and the first paragraph; the second too when they are
        // short (a one-line lead).
        let mut words: Vec<u32> = Vec::new();
        let lead = std::iter::once(story.title).chain(story.paragraphs.iter().take(2));
        for (at, part) in lead.enumerate() {
            if at == 2 && words.len() >= LEAD_WORDS {
                break;
            }
            each_word(part, |w| {
                if w.len() >= 3 && (w.is_ascii() || w.chars().count() >= 3) {
                    let h = fast_hash(w.as_bytes());
                    if named.binary_search(&h).is_err() && !STOPWORDS.has(w) {
                        words.push(h as u32);
                    }
                }
            });
        }
        words.sort_unstable();
        words.dedup();
        let length: usize = story.paragraphs.iter().map(str::len).sum();
        Features {
            spans: spans.into(),
            names: names.into(),
            words: words.into(),
            minhash: Box::default(),
            time: story
                .published
                .and_then(|p| chrono::DateTime::parse_from_rfc3339(p).ok())
                .map(|t| t.timestamp()),
            link: story.url.map(|url| fast_hash(normal_link(url).as_bytes())),
            text: mix(fast_hash(text.as_bytes()) ^ length as u64),
            quotes: story.quotes.len() as u32,
        }
    }
}

/// Word hashes, as a set.
pub(super) type WordSet = HashSet<u32, BuildHasherDefault<WordHasher>>;

/// Each story's MinHash signature, over its words less those in many
/// stories of the library (in more than one in a hundred, and more than
/// `CROWD`): a word every story uses says nothing of an event. Those
/// common words, for stories signed later.
pub(super) fn sign_common_words_out(features: &mut [Features]) -> WordSet {
    let mut df: HashMap<u32, u32, BuildHasherDefault<WordHasher>> = HashMap::default();
    for f in features.iter() {
        for &w in &f.words {
            *df.entry(w).or_default() += 1;
        }
    }
    let limit = (features.len() / 100).max(CROWD) as u32;
    let common: WordSet = df.into_iter().filter(|&(_, n)| n > limit).map(|(w, _)| w).collect();
    // Signing is most of the work here: on every core.
    let part = features.len().div_ceil(crate::parallel::cores()).max(1);
    let parts: Vec<&[Features]> = features.chunks(part).collect();
    let signed = crate::parallel::map_parts(&parts, |_, part| {
        part.iter().map(|f| sign(f, &common)).collect::<Vec<_>>()
    });
    for (chunk, signed) in features.chunks_mut(part).zip(signed) {
        for (f, minhash) in chunk.iter_mut().zip(signed.unwrap_or_default()) {
            f.minhash = minhash;
            // Signed: the words are not needed again.
            f.words = Box::default();
        }
    }
    common
}

/// A story's MinHash signature over its words less `common` ones; empty
/// when fewer than `MIN_WORDS` are left (a few words alike, a place and a
/// number, are not a similar story).
pub(super) fn sign(f: &Features, common: &WordSet) -> Box<[u32]> {
    let kept: Vec<u64> = f.words.iter().filter(|w| !common.contains(w)).map(|&w| u64::from(w)).collect();
    if kept.len() >= MIN_WORDS { minhash(&kept).into() } else { Box::default() }
}

/// The hashes of every `QUOTE_WORDS`-word span of a quote.
pub(super) fn quote_spans(quote: &str) -> Vec<u64> {
    // A rolling hash (each word weighted by a power of an odd number by
    // its place in the span), finished by `mix`: one step a span rather
    // than one a word of it.
    const BASE: u64 = 0x100_0000_01b3;
    let top = (1..QUOTE_WORDS).fold(1u64, |p, _| p.wrapping_mul(BASE));
    let words = word_hashes(quote);
    let mut spans = Vec::with_capacity(words.len().saturating_sub(QUOTE_WORDS - 1));
    let mut rolling = 0u64;
    for (i, &w) in words.iter().enumerate() {
        if i >= QUOTE_WORDS {
            rolling = rolling.wrapping_sub(words[i - QUOTE_WORDS].wrapping_mul(top));
        }
        rolling = rolling.wrapping_mul(BASE).wrapping_add(w);
        if i + 1 >= QUOTE_WORDS {
            spans.push(mix(rolling));
        }
    }
    spans
}

/// The hashes of `text`'s words as `name_words` gives them.
pub(super) fn word_hashes(text: &str) -> Vec<u64> {
    let mut hashes = Vec::new();
    each_word(text, |w| hashes.push(fast_hash(w.as_bytes())));
    hashes
}

/// A name as compared across stories: its lower-case words.
pub(super) fn name_key(name: &str) -> u64 {
    let mut key = 0;
    each_word(name, |w| key = mix(key ^ fast_hash(w.as_bytes())));
    key
}

/// `https://www.news.example/a/b/?utm=x#top` -> `news.example/a/b`.
pub(super) fn normal_link(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let rest = rest.strip_prefix("www.").unwrap_or(rest);
    let rest = rest.split(['?', '#']).next().unwrap_or(rest);
    rest.trim_end_matches('/').to_lowercase()
}

/// The minimum of each of `HASHES` hash functions over `words`.
pub(super) fn minhash(words: &[u64]) -> Vec<u32> {
    (0..HASHES as u64)
        .map(|i| {
            let seed = 0x9e37_79b9_7f4a_7c15u64.wrapping_mul(i + 1);
            words.iter().map(|&w| (mix(w ^ seed) >> 32) as u32).min().unwrap_or(u32::MAX)
        })
        .collect()
}

/// A 64-bit finaliser (splitmix64's).
pub(super) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The share of hash functions whose minimum agrees: an estimate of the
/// Jaccard similarity of the two word sets.
pub(super) fn similarity(a: &[u32], b: &[u32]) -> f32 {
    if a.is_empty() || a.len() != b.len() {
        return 0.0;
    }
    let same = a.iter().zip(b).filter(|(x, y)| x == y && **x != u32::MAX).count();
    same as f32 / a.len() as f32
}

/// Words that say nothing of an event: function words and the words of
/// every news story.
static STOPWORDS: Words = Words::new(&[
    "the",
    "and",
    "for",
    "that",
    "with",
    "was",
    "were",
    "are",
    "has",
    "have",
    "had",
    "his",
    "her",
    "its",
    "their",
    "they",
    "this",
    "from",
    "but",
    "not",
    "who",
    "will",
    "would",
    "said",
    "says",
    "told",
    "after",
    "before",
    "about",
    "more",
    "than",
    "into",
    "over",
    "also",
    "been",
    "our",
    "out",
    "one",
    "two",
    "all",
    "new",
    "year",
    "years",
    "last",
    "first",
    "day",
    "days",
    "week",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "which",
    "when",
    "where",
    "what",
    "there",
    "been",
    "can",
    "could",
    "should",
    "may",
    "now",
    "people",
    "government",
    "since",
    "still",
    "some",
    "most",
    "many",
    "told",
    "reporters",
    "say",
    "according",
    "per",
    "cent",
    "percent",
    "such",
    "other",
    "only",
    "just",
]);
