//! The reading order of a library: newest first, then by title, with the
//! date and the start of the title kept as numbers so that most
//! comparisons never touch a story; sorting and merging by it.

use std::cmp::Ordering;

use crate::model::Story;

/// Newest first where a date is known, then by title ignoring case, then by
/// source, then by id: a total order, so stories that arrive in a different
/// order from the loading threads still come out the same. The quick keys
/// (functions of the date and title) are compared first.
pub(super) fn reading_order(a: &Story, b: &Story, a_key: QuickKey, b_key: QuickKey) -> Ordering {
    b_key
        .date
        .cmp(&a_key.date)
        .then(a_key.title.cmp(&b_key.title))
        .then_with(|| b.published.cmp(&a.published))
        .then_with(|| cmp_ignoring_case(a.title(), b.title()))
        .then_with(|| a.source.cmp(&b.source))
        .then_with(|| a.id().cmp(b.id()))
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
}

pub(super) fn quick_key(story: &Story) -> QuickKey {
    let date = story.published.as_deref().map_or(0, |d| {
        let digits = d.bytes().filter(u8::is_ascii_digit).take(14);
        let (value, count) = digits.fold((0u64, 0), |(v, n), c| (v * 10 + u64::from(c - b'0'), n + 1));
        (value * 10u64.pow(14 - count)).max(1)
    });
    let title = story.title();
    let mut bytes = [0u8; 16];
    let lowered = lower(title.get(..title.len().min(48)).unwrap_or(title));
    for (slot, b) in bytes.iter_mut().zip(lowered.bytes()) {
        *slot = b;
    }
    QuickKey { date, title: u128::from_be_bytes(bytes) }
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
