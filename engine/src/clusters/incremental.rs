//! Stories that arrive after a library was clustered (fetched, or loaded
//! later) join its clusters without clustering the library again: the new
//! stories are signed with the common words the library had, one pass over
//! the library finds which stories share evidence with them, and only
//! those pairs are scored and joined. Clusters already made only grow or
//! merge.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::features::sign;
use super::{CROWD, Clusters, Features, Pairs, Shared, assemble, band_keys, join_strongest_first};
use crate::search_index::WordHasher;

/// A kind of evidence, as a key is shared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Kind {
    Span,
    Name,
    Band,
    Copy,
}

/// A key the new stories have: which new stories, and which stories of
/// the library (new ones included) have it.
#[derive(Default)]
struct Key {
    news: Vec<u32>,
    hits: Vec<u32>,
}

type Keys = HashMap<(Kind, u64), Key, BuildHasherDefault<WordHasher>>;

/// Every key of a story's evidence, with its kind.
fn each_key(f: &Features, mut visit: impl FnMut(Kind, u64)) {
    f.spans.iter().for_each(|&h| visit(Kind::Span, h));
    f.names.iter().for_each(|&h| visit(Kind::Name, h));
    band_keys(f).for_each(|h| visit(Kind::Band, h));
    f.link.iter().chain([&f.text]).for_each(|&h| visit(Kind::Copy, h));
}

impl Clusters {
    /// Cluster the stories `features[self.len()..]` (library order, after
    /// those clustered already) with the rest: each joins the cluster its
    /// evidence leads to, or stays alone.
    pub fn add(&mut self, features: &mut [Features]) {
        let from = self.len();
        if features.len() <= from {
            return;
        }
        for f in &mut features[from..] {
            f.minhash = sign(f, &self.common);
            f.words = Box::default();
        }
        let mut keys = Keys::default();
        for (n, f) in features.iter().enumerate().skip(from) {
            each_key(f, |kind, h| {
                let key = keys.entry((kind, h)).or_default();
                if key.news.last() != Some(&(n as u32)) {
                    key.news.push(n as u32);
                }
            });
        }
        // One pass over the library: the stories with each key.
        for (at, f) in features.iter().enumerate() {
            each_key(f, |kind, h| {
                if let Some(key) = keys.get_mut(&(kind, h))
                    && key.hits.last() != Some(&(at as u32))
                {
                    key.hits.push(at as u32);
                }
            });
        }
        // A key in a crowd is not evidence; each pair once, from the
        // earlier story's side.
        let rare = (features.len() / 500).max(5);
        let mut pairs = Pairs::default();
        for ((kind, h), key) in &keys {
            let limit = if *kind == Kind::Name { rare.min(CROWD) } else { CROWD };
            if key.hits.len() > limit {
                continue;
            }
            for &s in &key.hits {
                for &n in key.news.iter().filter(|&&n| s < n) {
                    let shared: &mut Shared = pairs.entry((s, n)).or_default();
                    match kind {
                        Kind::Span => shared.quote = true,
                        Kind::Name if !shared.names.contains(h) => shared.names.push(*h),
                        Kind::Name => {}
                        Kind::Band => shared.similar = true,
                        Kind::Copy => shared.copy = true,
                    }
                }
            }
        }
        let mut union = std::mem::take(&mut self.union);
        union.grow(features.len());
        let mut joins = std::mem::take(&mut self.joins);
        joins.extend(join_strongest_first(features, pairs, &mut union));
        joins.sort_by_key(|j| (j.a, j.b));
        let common = std::mem::take(&mut self.common);
        *self = assemble(features, &mut union, joins);
        self.union = union;
        self.common = common;
    }
}
