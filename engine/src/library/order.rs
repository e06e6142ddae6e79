//! The reading order of a library: newest first, then by title, with the
//! date and the start of the title kept as numbers so that most
//! comparisons never touch a story; sorting and merging by it.

use std::cmp::Ordering;
use std::hash::BuildHasherDefault;

use crate::search_index::WordHasher;

use crate::model::Story;

/// Newest first where a date is known, then by title ignoring case, then by
/// source, then by id: a total order, so stories that arrive in a different
/// order from the loading threads still come out the same. The quick keys
/// (functions of the date and title) are compared first.
pub(super) fn reading_order(a: &Story, b: &Story, a_key: QuickKey, b_key: QuickKey) -> Ordering {
    // Two stories whose places a cache recorded: the places decide, as
    // the order of two stories depends on them alone.
    if a_key.rank != NO_RANK && b_key.rank != NO_RANK {
        return a_key.rank.cmp(&b_key.rank);
    }
    b_key
        .date
        .cmp(&a_key.date)
        .then(a_key.title.cmp(&b_key.title))
        .then(a_key.title_more.cmp(&b_key.title_more))
        .then_with(|| b.published.cmp(&a.published))
        .then_with(|| cmp_ignoring_case(a.title(), b.title()))
        .then_with(|| a.source.cmp(&b.source))
        .then_with(|| a.id().cmp(b.id()))
}

/// How the story list is sorted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Newest first; undated stories last (the reading order).
    #[default]
    Newest,
    /// Oldest first; undated stories last.
    Oldest,
    /// By source name, newest first within a source.
    Source,
    /// By title, ignoring case.
    Title,
}

impl SortOrder {
    /// Every order, in the order `next` cycles through them.
    pub const ALL: [SortOrder; 4] =
        [SortOrder::Newest, SortOrder::Oldest, SortOrder::Source, SortOrder::Title];

    /// The order after this one.
    pub fn next(self) -> SortOrder {
        let at = SortOrder::ALL.iter().position(|&o| o == self).unwrap_or(0);
        SortOrder::ALL[(at + 1) % SortOrder::ALL.len()]
    }

    /// Its name in the config file and on screen.
    pub fn name(self) -> &'static str {
        match self {
            SortOrder::Newest => "newest",
            SortOrder::Oldest => "oldest",
            SortOrder::Source => "source",
            SortOrder::Title => "title",
        }
    }
}

/// `newest` (the reading order) rearranged into `order`. Ties keep the
/// reading order, so every order is total and stable across runs.
pub(super) fn sorted(stories: &[Story], newest: &[usize], order: SortOrder) -> Vec<usize> {
    match order {
        SortOrder::Newest => newest.to_vec(),
        SortOrder::Oldest => {
            let (dated, undated): (Vec<usize>, Vec<usize>) =
                newest.iter().partition(|&&i| stories[i].published.is_some());
            dated.into_iter().rev().chain(undated).collect()
        }
        SortOrder::Source => {
            let names = keys_of(newest, |i| stories[i].source_name());
            // Stories share a few hundred sources at most: each distinct
            // name is lower-cased and ranked once.
            sort_by_keys(newest, &rank_ignoring_case(&names))
        }
        SortOrder::Title => sort_by_keys(newest, &keys_of(newest, |i| stories[i].title().to_lowercase())),
    }
}

/// `key` of every story in `newest`, on every core.
fn keys_of<'a, K: Send>(newest: &[usize], key: impl Fn(usize) -> K + Sync + 'a) -> Vec<K> {
    let parts: Vec<&[usize]> =
        newest.chunks(newest.len().div_ceil(crate::parallel::cores()).max(1024)).collect();
    let keyed =
        crate::parallel::map_parts(&parts, |_, part| part.iter().map(|&i| key(i)).collect::<Vec<K>>());
    // A part that panicked (a bug) would leave the keys short: the caller
    // then falls back to the reading order.
    keyed.into_iter().flat_map(Option::unwrap_or_default).collect()
}

/// Each name's rank in case-blind order, one a name in `names`; names
/// that differ only in case share one. Each distinct name is lower-cased
/// once.
fn rank_ignoring_case(names: &[&str]) -> Vec<u32> {
    let mut index: std::collections::HashMap<&str, u32, BuildHasherDefault<WordHasher>> =
        std::collections::HashMap::default();
    let ids: Vec<u32> = names
        .iter()
        .map(|name| {
            let next = index.len() as u32;
            *index.entry(name).or_insert(next)
        })
        .collect();
    let mut lower: Vec<(String, u32)> = index.iter().map(|(name, &id)| (name.to_lowercase(), id)).collect();
    lower.sort_unstable();
    let mut rank_of = vec![0u32; lower.len()];
    let mut rank = 0;
    for (at, (name, id)) in lower.iter().enumerate() {
        if at > 0 && *name != lower[at - 1].0 {
            rank += 1;
        }
        rank_of[*id as usize] = rank;
    }
    ids.into_iter().map(|id| rank_of[id as usize]).collect()
}

/// `newest` sorted by `keys` (one a story, in the same order), stories with
/// equal keys in reading order; the reading order itself if the keys are
/// short.
fn sort_by_keys<K: Ord + Sync>(newest: &[usize], keys: &[K]) -> Vec<usize> {
    if keys.len() != newest.len() {
        return newest.to_vec();
    }
    let mut at: Vec<usize> = (0..newest.len()).collect();
    sort_on_two_threads(&mut at, |a, b| keys[*a].cmp(&keys[*b]).then(a.cmp(b)));
    at.into_iter().map(|p| newest[p]).collect()
}

/// A story's date and the start of its title as numbers, compared before
/// anything else in the reading order.
#[derive(Debug, Clone, Copy)]
pub(super) struct QuickKey {
    /// The date's first 14 digits (`20250603030000`); 0 for no date, which
    /// sorts after every date.
    date: u64,
    /// The first sixteen bytes of the lower-cased title, big-endian and
    /// zero-padded: ordered as the titles are.
    title: u128,
    /// The next sixteen: titles often share a first few words.
    title_more: u128,
    /// The story's place in reading order when a cache was written
    /// (`NO_RANK` for a story parsed now).
    pub(super) rank: u32,
}

/// No recorded place.
pub(super) const NO_RANK: u32 = u32::MAX;

pub(super) fn quick_key(story: &Story) -> QuickKey {
    let date = story.published.as_deref().map_or(0, |d| {
        let digits = d.bytes().filter(u8::is_ascii_digit).take(14);
        let (value, count) = digits.fold((0u64, 0), |(v, n), c| (v * 10 + u64::from(c - b'0'), n + 1));
        (value * 10u64.pow(14 - count)).max(1)
    });
    let title = story.title();
    let mut bytes = [0u8; 32];
    let lowered = lower(title.get(..title.len().min(96)).unwrap_or(title));
    for (slot, b) in bytes.iter_mut().zip(lowered.bytes()) {
        *slot = b;
    }
    let (first, more) = bytes.split_at(16);
    let word = |half: &[u8]| u128::from_be_bytes(half.try_into().unwrap_or_default());
    QuickKey { date, title: word(first), title_more: word(more), rank: NO_RANK }
}

/// Lower case for ordering: each character's lower case, the ASCII ones
/// without decoding.
fn lower(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.chars().flat_map(char::to_lowercase).collect()
    }
}

fn cmp_ignoring_case(a: &str, b: &str) -> Ordering {
    if a.is_ascii() && b.is_ascii() {
        a.bytes().map(|c| c.to_ascii_lowercase()).cmp(b.bytes().map(|c| c.to_ascii_lowercase()))
    } else {
        lower(a).cmp(&lower(b))
    }
}

/// Sort a long list as two halves side by side, then merge them; a short
/// one in place.
pub(super) fn sort_on_two_threads(items: &mut Vec<usize>, cmp: impl Fn(&usize, &usize) -> Ordering + Sync) {
    if items.len() < 20_000 {
        items.sort_unstable_by(&cmp);
        return;
    }
    let half = items.len() / 2;
    let (left, right) = items.split_at_mut(half);
    let (sorted, ()) = crate::parallel::join(|| left.sort_unstable_by(&cmp), || right.sort_unstable_by(&cmp));
    if let Err(panic) = sorted {
        std::panic::resume_unwind(panic);
    }
    let (left, right) = items.split_at(half);
    *items = merge(left, right, cmp);
}

/// Merge two sorted lists into one, `a`'s items first among equals.
pub(super) fn merge(a: &[usize], b: &[usize], cmp: impl Fn(&usize, &usize) -> Ordering) -> Vec<usize> {
    let mut out = Vec::with_capacity(a.len() + b.len());
    let (mut i, mut j) = (0, 0);
    while i < a.len() && j < b.len() {
        if cmp(&b[j], &a[i]) == Ordering::Less {
            out.push(b[j]);
            j += 1;
        } else {
            out.push(a[i]);
            i += 1;
        }
    }
    out.extend_from_slice(&a[i..]);
    out.extend_from_slice(&b[j..]);
    out
}
