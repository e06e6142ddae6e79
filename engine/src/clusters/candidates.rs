//! The pairs of stories worth scoring: those sharing a quote span, a rare
//! name, a MinHash band, a link or a text. Never all pairs: each kind of
//! evidence is a sorted list of (key, story), and only stories in the same
//! run of keys are paired.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::{CROWD, Features, ROWS, mix};
use crate::search_index::WordHasher;

/// What was found shared by a candidate pair.
#[derive(Debug, Clone, Default)]
pub(super) struct Shared {
    pub(super) copy: bool,
    /// A quote span both carry.
    pub(super) quote: bool,
    pub(super) names: Vec<u64>,
    /// Found in a MinHash band.
    pub(super) similar: bool,
}

/// The pairs worth scoring: those sharing a quote span, a rare name, a
/// MinHash band or a link. Each kind of evidence is one sorted list of
/// (key, story) rather than a map of lists. Quote spans are the most (six
/// million at 100,000 generated stories): they are listed by the top half
/// of their hash and story in one `u64`, which sorts several times faster
/// than wider entries, and a pair found by them is checked against the
/// stories' whole hashes.
pub(super) fn candidates(features: &[Features]) -> Pairs {
    // The four lists are built and sorted on two threads.
    // The spans in two halves by their top bit, each sorted on a thread
    // of its own: one after the other, they are all in order.
    let (low, high) = crate::parallel::join(|| span_list(features, false), || span_list(features, true));
    let mut spans = low.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
    spans.extend(high);
    let (names, bands, links) = (name_list(features), band_list(features), link_list(features));
    let mut pairs = Pairs::default();
    // Quote spans: the quote of the first story of each pair, when their
    // whole hashes agree too.
    let mut maybe: Vec<(u32, u32)> = Vec::new();
    for run in runs(&spans, |x| x >> 32) {
        for_pairs(run, |a, b| maybe.push((a as u32, b as u32)));
    }
    maybe.sort_unstable();
    maybe.dedup();
    for (a, b) in maybe {
        if share_a_span(&features[a as usize].spans, &features[b as usize].spans) {
            pairs.entry((a, b)).or_default().quote = true;
        }
    }
    // Rare names: named by at most a few stories of the library.
    let rare = (features.len() / 500).max(5);
    for run in runs(&names, |x| x.0).filter(|run| run.len() <= rare) {
        for_pairs(run, |a, b| pairs.entry((a.1, b.1)).or_default().names.push(a.0));
    }
    for run in runs(&bands, |x| x.0) {
        for_pairs(run, |a, b| pairs.entry((a.1, b.1)).or_default().similar = true);
    }
    for run in runs(&links, |x| x.0) {
        for_pairs(run, |a, b| pairs.entry((a.1, b.1)).or_default().copy = true);
    }
    pairs
}

/// Candidate pairs and what they share.
pub(super) type Pairs = HashMap<(u32, u32), Shared, BuildHasherDefault<WordHasher>>;

/// Every story's quote spans whose hash has its top bit `high`, sorted:
/// the top 32 bits of the span's hash above the story.
fn span_list(features: &[Features], high: bool) -> Vec<u64> {
    let mut spans: Vec<u64> = features
        .iter()
        .enumerate()
        .flat_map(|(s, f)| {
            f.spans
                .iter()
                .filter(move |&&h| (h >> 63 == 1) == high)
                .map(move |&h| (h & !0xffff_ffff) | s as u64)
        })
        .collect();
    spans.sort_unstable();
    spans.dedup();
    spans
}

/// Whether two sorted lists of span hashes have one in common.
fn share_a_span(a: &[u64], b: &[u64]) -> bool {
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => return true,
        }
    }
    false
}

/// Every story's names, sorted: (name, story).
fn name_list(features: &[Features]) -> Vec<(u64, u32)> {
    let mut names: Vec<(u64, u32)> =
        features.iter().enumerate().flat_map(|(s, f)| f.names.iter().map(move |&n| (n, s as u32))).collect();
    names.sort_unstable();
    names
}

/// Every story's MinHash bands, sorted: (band, story).
fn band_list(features: &[Features]) -> Vec<(u64, u32)> {
    let mut bands: Vec<(u64, u32)> =
        features.iter().enumerate().flat_map(|(s, f)| band_keys(f).map(move |key| (key, s as u32))).collect();
    bands.sort_unstable();
    bands
}

/// A story's MinHash bands, each as one key.
pub(super) fn band_keys(f: &Features) -> impl Iterator<Item = u64> + '_ {
    f.minhash
        .chunks(ROWS)
        .enumerate()
        .map(|(band, rows)| rows.iter().fold(band as u64, |h, &r| mix(h ^ u64::from(r))))
}

/// Every story's link and text hash (copies share one), sorted.
fn link_list(features: &[Features]) -> Vec<(u64, u32)> {
    let mut links: Vec<(u64, u32)> = features
        .iter()
        .enumerate()
        .flat_map(|(s, f)| {
            let link = f.link.map(|l| (l, s as u32));
            link.into_iter().chain([(f.text, s as u32)])
        })
        .collect();
    links.sort_unstable();
    links
}

/// The runs of equal keys in a sorted list.
fn runs<T>(list: &[T], key: impl Fn(&T) -> u64) -> impl Iterator<Item = &[T]> {
    list.chunk_by(move |a, b| key(a) == key(b))
}

/// Each pair of different stories in a run (story is the second field;
/// the run is sorted by it), the smaller first; nothing for a run of more
/// than `CROWD` stories, which is boilerplate or everyday news.
fn for_pairs<T: Copy + StoryOf>(run: &[T], mut pair: impl FnMut(T, T)) {
    if run.len() < 2 || run.len() > CROWD {
        return;
    }
    for (i, &a) in run.iter().enumerate() {
        for &b in &run[i + 1..] {
            if a.story() != b.story() {
                pair(a, b);
            }
        }
    }
}

/// The story an entry of a sorted list belongs to.
trait StoryOf {
    fn story(&self) -> u32;
}

impl StoryOf for (u64, u32) {
    fn story(&self) -> u32 {
        self.1
    }
}

/// A quote span's entry: the story is the low half.
impl StoryOf for u64 {
    fn story(&self) -> u32 {
        *self as u32
    }
}
