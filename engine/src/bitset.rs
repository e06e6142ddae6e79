//! A fixed-size set of story indices, one bit each: 100,000 stories fit in
//! 12.5 KB, so filters combine by whole words instead of sorted lists.

/// A set of story indices, one bit each: filters combine by whole words.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct BitSet {
    words: Vec<u64>,
    len: usize,
}

impl BitSet {
    /// An empty set for indices below `len`.
    pub fn new(len: usize) -> BitSet {
        BitSet { words: vec![0; len.div_ceil(64)], len }
    }

    /// The set of `indices` (those below `len`).
    pub fn of(len: usize, indices: impl IntoIterator<Item = usize>) -> BitSet {
        let mut set = BitSet::new(len);
        indices.into_iter().for_each(|i| set.insert(i));
        set
    }

    /// Every index below `len`.
    pub fn full(len: usize) -> BitSet {
        let mut set = BitSet { words: vec![u64::MAX; len.div_ceil(64)], len };
        if let Some(last) = set.words.last_mut()
            && !len.is_multiple_of(64)
        {
            *last = (1u64 << (len % 64)) - 1;
        }
        set
    }

    /// Indices at or above `len` are ignored.
    pub fn insert(&mut self, index: usize) {
        if index < self.len {
            self.words[index / 64] |= 1 << (index % 64);
        }
    }

    /// Make room for indices below `len`; new ones are not in the set.
    pub fn grow(&mut self, len: usize) {
        if len > self.len {
            self.len = len;
            self.words.resize(len.div_ceil(64), 0);
        }
    }

    /// Put `index` in the set or take it out.
    pub fn set(&mut self, index: usize, on: bool) {
        if index < self.len {
            let bit = 1 << (index % 64);
            if on {
                self.words[index / 64] |= bit;
            } else {
                self.words[index / 64] &= !bit;
            }
        }
    }

    /// Take out every index that is in `other`.
    pub fn subtract(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(&other.words) {
            *a &= !b;
        }
    }

    /// Whether story `index` is in the set.
    pub fn contains(&self, index: usize) -> bool {
        index < self.len && self.words[index / 64] & (1 << (index % 64)) != 0
    }

    /// Keep only the indices also in `other`.
    pub fn intersect_with(&mut self, other: &BitSet) {
        for (a, b) in self.words.iter_mut().zip(other.words.iter().chain(std::iter::repeat(&0))) {
            *a &= b;
        }
    }

    /// How many stories are in the set.
    pub fn count(&self) -> usize {
        self.words.iter().map(|w| w.count_ones() as usize).sum()
    }

    /// Whether no story is in the set.
    pub fn is_empty(&self) -> bool {
        self.words.iter().all(|&w| w == 0)
    }
}

impl FromIterator<usize> for BitSet {
    /// Collect indices; the set is as long as the largest one needs.
    fn from_iter<I: IntoIterator<Item = usize>>(iter: I) -> BitSet {
        let items: Vec<usize> = iter.into_iter().collect();
        let mut set = BitSet::new(items.iter().max().map_or(0, |m| m + 1));
        for i in items {
            set.insert(i);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_sets_hold_exactly_their_length() {
        for len in [0, 1, 63, 64, 65, 130] {
            let set = BitSet::full(len);
            assert_eq!(set.count(), len);
            assert!(!set.contains(len));
        }
    }

    #[test]
    fn insert_contains_and_intersect() {
        let mut a = BitSet::new(200);
        for i in [0, 5, 64, 199, 500] {
            a.insert(i);
        }
        assert_eq!(a.count(), 4, "500 is out of range");
        assert!(a.contains(64) && !a.contains(63));
        let b: BitSet = [5, 199, 7].into_iter().collect();
        a.intersect_with(&b);
        assert_eq!((0..200).filter(|&i| a.contains(i)).collect::<Vec<_>>(), [5, 199]);
        assert!(!a.is_empty());
        a.intersect_with(&BitSet::new(0));
        assert!(a.is_empty());
    }

    #[test]
    fn grow_set_and_subtract() {
        let mut a = BitSet::full(10);
        a.grow(70);
        assert_eq!(a.count(), 10, "grown indices start outside the set");
        a.set(69, true);
        a.set(3, false);
        assert!(a.contains(69) && !a.contains(3));
        let b: BitSet = [0, 1, 69].into_iter().collect();
        a.subtract(&b);
        assert_eq!((0..70).filter(|&i| a.contains(i)).collect::<Vec<_>>(), [2, 4, 5, 6, 7, 8, 9]);
    }
}
