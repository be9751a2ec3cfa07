//! The table that finds a feature's row of weights: open addressing with linear probing over
//! one flat array of 8-byte slots, so a look-up is one cache line in the common case (a
//! smaller slot is a smaller table that more of fits in the cache: going from 12 bytes to 8
//! made `timeline build` 7% faster, and 16 bytes made it 7% slower), and the lines a set of
//! features needs can be fetched from memory together ([`FeatureTable::prefetch`]) instead of
//! one after another. Scoring is almost all of the language layer's time, and almost all of
//! that is waiting for these lines: a model holds about a million features.

/// Where a feature's weights lie in the entries array.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Row {
    pub start: u32,
    /// Never 0 for a stored row: 0 marks an empty slot.
    pub len: u16,
}

impl Row {
    /// No weights.
    pub const EMPTY: Row = Row { start: 0, len: 0 };

    /// The row's range in the entries array.
    pub fn range(self) -> std::ops::Range<usize> {
        self.start as usize..self.start as usize + self.len as usize
    }
}

/// Eight bytes, eight to a cache line: the row's start and length are packed into one word
/// (the start in the top 24 bits, the length in the low 8; 0 marks an empty slot).
#[derive(Debug, Clone, Copy)]
struct Slot {
    key: u32,
    row: u32,
}

const EMPTY_SLOT: Slot = Slot { key: 0, row: 0 };

/// The most entries before a row's start: it must fit in 24 bits.
pub const MAX_START: u32 = (1 << 24) - 1;

impl Slot {
    #[inline]
    fn row(self) -> Row {
        Row { start: self.row >> 8, len: (self.row & 0xff) as u16 }
    }
}

/// Feature keys to rows. At most 7 slots in 10 are used.
#[derive(Debug, Clone)]
pub struct FeatureTable {
    slots: Vec<Slot>,
    /// `32 - log2(slots)`: a key's home slot is the top bits of its Fibonacci hash.
    shift: u32,
    len: usize,
}

impl Default for FeatureTable {
    fn default() -> Self {
        FeatureTable::with_capacity(0)
    }
}

impl FeatureTable {
    /// An empty table with room for `n` rows before it grows.
    pub fn with_capacity(n: usize) -> FeatureTable {
        let slots = (n * 10 / 7 + 1).next_power_of_two().max(16);
        FeatureTable { slots: vec![EMPTY_SLOT; slots], shift: 32 - slots.trailing_zeros(), len: 0 }
    }

    #[inline]
    fn home(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9E37_79B9) >> self.shift) as usize
    }

    /// Stores `row` under `key`, unless the key is there already: then it keeps the first row
    /// and says so with `false`. A row that cannot be stored (empty, longer than 255 entries or
    /// starting past [`MAX_START`]) is not, and gets `false` too.
    pub fn insert(&mut self, key: u32, row: Row) -> bool {
        if row.len == 0 || row.len > 0xff || row.start > MAX_START {
            return false;
        }
        if (self.len + 1) * 10 > self.slots.len() * 7 {
            self.grow();
        }
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = &mut self.slots[i];
            if slot.row == 0 {
                *slot = Slot { key, row: row.start << 8 | row.len as u32 };
                self.len += 1;
                return true;
            }
            if slot.key == key {
                return false;
            }
            i = (i + 1) & mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::replace(self, FeatureTable::with_capacity(self.slots.len()));
        for s in old.slots.into_iter().filter(|s| s.row != 0) {
            self.insert(s.key, s.row());
        }
    }

    /// The row stored under `key`.
    #[inline]
    pub fn get(&self, key: u32) -> Option<Row> {
        let mask = self.slots.len() - 1;
        let mut i = self.home(key);
        loop {
            let slot = self.slots[i];
            if slot.row == 0 {
                return None;
            }
            if slot.key == key {
                return Some(slot.row());
            }
            i = (i + 1) & mask;
        }
    }

    /// Asks the processor to fetch `key`'s home slot into the cache, so that a later
    /// [`FeatureTable::get`] does not wait for memory.
    #[inline]
    pub fn prefetch(&self, key: u32) {
        prefetch(&self.slots[self.home(key)]);
    }

    /// Number of rows stored.
    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every key and its row, in no particular order.
    pub fn iter(&self) -> impl Iterator<Item = (u32, Row)> + '_ {
        self.slots.iter().filter(|s| s.row != 0).map(|s| (s.key, s.row()))
    }
}

/// A hint to bring the cache line holding `x` closer; it never changes what a program
/// computes.
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is only a hint. It reads nothing into the program, cannot fault, and
    // the pointer comes from a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>((x as *const T).cast::<i8>());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_finds_and_grows() {
        let mut t = FeatureTable::with_capacity(2);
        // Keys that share a home slot and keys that do not, past several growths.
        for k in 0..5_000u32 {
            let key = k.wrapping_mul(2_654_435_761) ^ (k << 20);
            assert!(t.insert(key, Row { start: k, len: 1 + (k % 7) as u16 }));
        }
        assert_eq!(t.len(), 5_000);
        assert!(!t.insert(0, Row { start: 99, len: 1 }), "a key already stored keeps its row");
        // What a slot cannot hold is refused, not stored wrong.
        for row in [Row { start: 1, len: 0 }, Row { start: 1, len: 256 }, Row { start: MAX_START + 1, len: 1 }] {
            assert!(!t.insert(77_777, row), "{row:?}");
        }
        assert!(t.insert(77_777, Row { start: MAX_START, len: 255 }));
        assert_eq!(t.get(77_777), Some(Row { start: MAX_START, len: 255 }));
        for k in 0..5_000u32 {
            let key = k.wrapping_mul(2_654_435_761) ^ (k << 20);
            assert_eq!(t.get(key), Some(Row { start: k, len: 1 + (k % 7) as u16 }));
        }
        assert_eq!(t.get(12_345_678), None);
        assert_eq!(t.iter().count(), 5_001);
    }
}
