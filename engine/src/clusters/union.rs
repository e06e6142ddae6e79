//! Stories joined into groups (union-find), never stretched over more than
//! `MAX_DAYS`.

use super::MAX_DAYS;

/// Union-find over story indices, with each group's earliest and latest
/// date: a join that would stretch a group over more than `MAX_DAYS` is
/// refused, so that pairs of close stories never chain into a month.
#[derive(Debug, Clone, Default)]
pub(super) struct Union {
    parent: Vec<usize>,
    span: Vec<Option<(i64, i64)>>,
}

impl Union {
    pub(super) fn new(n: usize) -> Union {
        let mut union = Union::default();
        union.grow(n);
        union
    }

    /// Room for `n` stories, those added each alone.
    pub(super) fn grow(&mut self, n: usize) {
        let from = self.parent.len();
        self.parent.extend(from..n.max(from));
        self.span.resize(self.parent.len(), None);
    }

    pub(super) fn root(&mut self, mut s: usize) -> usize {
        while self.parent[s] != s {
            self.parent[s] = self.parent[self.parent[s]];
            s = self.parent[s];
        }
        s
    }

    /// Join the groups of `a` and `b` (dated `ta`, `tb`); false when that
    /// would make a group too long.
    pub(super) fn join(&mut self, a: usize, b: usize, ta: Option<i64>, tb: Option<i64>) -> bool {
        let (ra, rb) = (self.root(a), self.root(b));
        if ra == rb {
            return true;
        }
        let widen = |span: Option<(i64, i64)>, t: Option<i64>| match (span, t) {
            (Some((lo, hi)), Some(t)) => Some((lo.min(t), hi.max(t))),
            (Some(span), None) => Some(span),
            (None, t) => t.map(|t| (t, t)),
        };
        let sa = widen(self.span[ra], ta);
        let sb = widen(self.span[rb], tb);
        let joined = match (sa, sb) {
            (Some((l1, h1)), Some((l2, h2))) => Some((l1.min(l2), h1.max(h2))),
            (one, None) | (None, one) => one,
        };
        if joined.is_some_and(|(lo, hi)| hi - lo > MAX_DAYS * 86_400) {
            return false;
        }
        let (keep, gone) = (ra.min(rb), ra.max(rb));
        self.parent[gone] = keep;
        self.span[keep] = joined;
        true
    }
}
