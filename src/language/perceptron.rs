//! The averaged perceptron both statistical models share: the tagger (one class a tag) and the
//! parser (one class a transition).
//!
//! Features are 64-bit hashes ([`feature`]); a class's score is the sum of its weights over the
//! features that fire. Training keeps each weight's running total so the model it returns is the
//! average of every weight vector seen, which generalises far better than the last one. The
//! trained model keeps only weights that matter, quantised to 16 bits: a few megabytes, read in
//! a blink.

use super::feature_table::{prefetch, FeatureTable, Row, MAX_START};
use rustc_hash::FxHashMap;

/// Hashes bytes (FNV-1a, 64 bits): the same value on every platform, so a model trained on one
/// machine reads the same on another.
#[inline]
pub fn hash_bytes(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= b as u64;
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// Combines a feature template's id with up to three values into one feature hash.
#[inline]
pub fn feature(template: u64, a: u64, b: u64, c: u64) -> u64 {
    let mut h = template.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    for v in [a, b, c] {
        h = (h.rotate_left(27) ^ v).wrapping_mul(0xA24B_AED4_963E_E407);
    }
    h ^ (h >> 31)
}

/// Weights being learned, with what averaging needs.
#[derive(Default)]
pub struct Trainer {
    classes: usize,
    weights: FxHashMap<u64, Vec<Acc>>,
    /// Number of updates so far (the averaging clock).
    now: u32,
}

#[derive(Clone, Copy)]
struct Acc {
    class: u16,
    w: f32,
    total: f64,
    stamp: u32,
}

impl Trainer {
    /// A trainer for this many classes.
    pub fn new(classes: usize) -> Self {
        assert!(classes < 256, "class indexes and row lengths are kept in a byte");
        Trainer { classes, weights: FxHashMap::default(), now: 0 }
    }

    /// Scores every class (into `out`, cleared first).
    pub fn score(&self, feats: &[u64], out: &mut Vec<f32>) {
        out.clear();
        out.resize(self.classes, 0.0);
        for f in feats {
            if let Some(row) = self.weights.get(f) {
                for a in row {
                    out[a.class as usize] += a.w;
                }
            }
        }
    }

    /// Moves weights toward `truth` and away from `guess`; counts one step of the clock either
    /// way.
    pub fn update(&mut self, truth: usize, guess: usize, feats: &[u64]) {
        self.now += 1;
        if truth == guess {
            return;
        }
        let now = self.now;
        for &f in feats {
            let row = self.weights.entry(f).or_default();
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0)] {
                let class = class as u16;
                let acc = match row.iter_mut().position(|a| a.class == class) {
                    Some(i) => &mut row[i],
                    None => {
                        row.push(Acc { class, w: 0.0, total: 0.0, stamp: now });
                        row.last_mut().expect("just pushed")
                    }
                };
                acc.total += (now - acc.stamp) as f64 * acc.w as f64;
                acc.stamp = now;
                acc.w += delta;
            }
        }
    }

    /// The averaged weights, with near-zero ones dropped and the rest quantised.
    pub fn average(&self) -> Weights {
        let now = self.now.max(1) as f64;
        let mut keys: Vec<u64> = self.weights.keys().copied().collect();
        keys.sort_unstable();
        let mut averaged: Vec<(u64, Vec<(u16, f32)>)> = Vec::with_capacity(keys.len());
        let mut max = 0.0f32;
        for k in keys {
            let row: Vec<(u16, f32)> = self.weights[&k]
                .iter()
                .map(|a| {
                    let total = a.total + (self.now - a.stamp) as f64 * a.w as f64;
                    (a.class, (total / now) as f32)
                })
                .collect();
            for &(_, w) in &row {
                max = max.max(w.abs());
            }
            averaged.push((k, row));
        }
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let mut out = Weights { classes: self.classes, scale, ..Default::default() };
        for (k, mut row) in averaged {
            row.retain(|&(_, w)| (w / scale).round() != 0.0);
            row.sort_unstable_by_key(|&(c, _)| c);
            if row.is_empty() {
                continue;
            }
            // The table packs a row's start in 24 bits: a model 50 times the shipped one's size.
            assert!(out.entries.len() <= MAX_START as usize, "more weights than a feature table holds");
            let at = Row { start: out.entries.len() as u32, len: row.len() as u16 };
            if out.index.insert(key(k), at) {
                out.entries.extend(row.iter().map(|&(c, w)| (c as u8, (w / scale).round() as i16)));
            }
        }
        out
    }
}

/// Trained weights: a feature's classes and quantised weights.
///
/// Features are kept by a 32-bit fold of their hash: a model holds about a million, so a few
/// dozen pairs may share a key, which costs nothing measurable and halves the file.
#[derive(Default, Debug)]
pub struct Weights {
    classes: usize,
    /// What one quantised unit is worth.
    scale: f32,
    index: FeatureTable,
    entries: Vec<(u8, i16)>,
}

/// The 32-bit key a feature hash is kept under.
#[inline]
fn key(f: u64) -> u32 {
    (f ^ (f >> 32)) as u32
}

impl Weights {
    /// How many classes it scores.
    pub fn classes(&self) -> usize {
        self.classes
    }

    /// What one quantised unit of [`Weights::score`] is worth in the trainer's units.
    pub fn scale(&self) -> f32 {
        self.scale
    }

    /// Scores every class (into `out`, cleared first), in quantised units.
    ///
    /// Features go in chunks: the table slots of a whole chunk are fetched from memory at
    /// once, then their rows of weights, and only then are the rows added up. Always inlined:
    /// left to the compiler, whether it is depends on how unrelated code falls into codegen
    /// units, and the parser ran 9-20% slower when it was not (measured).
    #[inline(always)]
    pub fn score(&self, feats: &[u64], out: &mut Vec<f32>) {
        const CHUNK: usize = 16;
        // Sums in whole quantised units, indexed by a class's byte: no bounds check, and no
        // conversion for each weight.
        let mut sums = [0i32; 256];
        let mut rows = [Row::EMPTY; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            for f in chunk {
                self.index.prefetch(key(*f));
            }
            for (row, f) in rows.iter_mut().zip(chunk) {
                *row = self.index.get(key(*f)).unwrap_or(Row::EMPTY);
                if let Some(first) = self.entries.get(row.start as usize).filter(|_| row.len > 0) {
                    prefetch(first);
                }
            }
            for row in &rows[..chunk.len()] {
                for &(c, w) in &self.entries[row.range()] {
                    sums[c as usize] += w as i32;
                }
            }
        }
        out.clear();
        out.extend(sums[..self.classes].iter().map(|&v| v as f32));
    }

    /// Drops weights worth less than `min` (in the units the trainer counted) and features left
    /// with none: a smaller model that scores nearly the same.
    pub fn prune(&mut self, min: f32) {
        let min_q = (min / self.scale).round() as i32;
        let mut keys: Vec<(u32, Row)> = self.index.iter().collect();
        keys.sort_unstable_by_key(|&(k, _)| k);
        let old = std::mem::take(&mut self.entries);
        let mut index = FeatureTable::with_capacity(keys.len());
        for (k, row) in keys {
            let begin = self.entries.len() as u32;
            self.entries.extend(old[row.range()].iter().filter(|&&(_, w)| (w as i32).abs() >= min_q.max(1)));
            let n = self.entries.len() as u32 - begin;
            if n > 0 {
                index.insert(k, Row { start: begin, len: n as u16 });
            }
        }
        self.index = index;
    }

    /// Rounds every weight to a multiple of `step` (in the trainer's units), which becomes the
    /// new quantisation unit: weights then take fewer distinct values, which the model file's
    /// compression packs tighter. Weights that round to nothing are dropped.
    pub fn coarsen(&mut self, step: f32) {
        if step <= self.scale {
            return;
        }
        let ratio = step / self.scale;
        for e in &mut self.entries {
            e.1 = (e.1 as f32 / ratio).round() as i16;
        }
        self.scale = step;
        self.prune(step);
    }

    /// Number of features kept.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// Whether no feature was kept.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// Writes the weights (little-endian; features in ascending order, so the same model gives
    /// the same bytes). Like goes with like, which the file's compression rewards: all keys,
    /// then all row lengths, then all classes, then all weights.
    pub fn write(&self, out: &mut Vec<u8>) {
        let mut keys: Vec<(u32, Row)> = self.index.iter().collect();
        keys.sort_unstable_by_key(|&(k, _)| k);
        out.extend((self.classes as u32).to_le_bytes());
        out.extend(self.scale.to_le_bytes());
        out.extend((keys.len() as u32).to_le_bytes());
        let mut last = 0u32;
        for &(k, _) in &keys {
            // Keys ascend: each is written as its distance from the last.
            write_varint(out, k - last);
            last = k;
        }
        out.extend(keys.iter().map(|(_, row)| row.len as u8));
        out.extend(keys.iter().flat_map(|(_, row)| self.entries[row.range()].iter().map(|&(c, _)| c)));
        for (_, row) in &keys {
            for &(_, w) in &self.entries[row.range()] {
                // Zigzag: small weights of either sign take one byte.
                write_varint(out, ((w as i32) << 1 ^ (w as i32) >> 15) as u32 & 0xffff);
            }
        }
    }

    /// Reads what [`Weights::write`] wrote.
    pub fn read(r: &mut Reader<'_>) -> Option<Weights> {
        let classes = r.u32()? as usize;
        if classes > 256 {
            // A class is one byte: a larger count is a damaged file.
            return None;
        }
        let scale = f32::from_bits(r.u32()?);
        let n = r.u32()? as usize;
        // A feature takes at least two bytes: a damaged count cannot make a huge table.
        let room = n.min(r.len() / 2);
        let mut keys = Vec::with_capacity(room);
        let mut last = 0u32;
        for _ in 0..n {
            last = last.checked_add(r.varint()?)?;
            keys.push(last);
        }
        let lens = r.bytes(n)?;
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        if total > MAX_START as usize {
            // More weights than the table can place: refused whole, not read in part.
            return None;
        }
        let class_of = r.bytes(total)?;
        let mut w = Weights { classes, scale, index: FeatureTable::with_capacity(keys.len()), entries: Vec::new() };
        w.entries.reserve(total);
        for &c in class_of {
            if c as usize >= classes {
                return None;
            }
            let z = r.varint()?;
            w.entries.push((c, ((z >> 1) as i32 ^ -((z & 1) as i32)) as i16));
        }
        let mut start = 0u32;
        for (&k, &len) in keys.iter().zip(lens) {
            if len > 0 {
                w.index.insert(k, Row { start, len: len as u16 });
            }
            start += len as u32;
        }
        Some(w)
    }
}

/// Writes `v` in 7-bit groups, low first, the high bit marking that more follow.
fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    loop {
        let b = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

/// Reads little-endian values from a model file; `None` when it ends too soon.
pub struct Reader<'a> {
    bytes: &'a [u8],
}

impl<'a> Reader<'a> {
    pub fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes }
    }
    fn take<const N: usize>(&mut self) -> Option<[u8; N]> {
        let (head, rest) = self.bytes.split_first_chunk::<N>()?;
        self.bytes = rest;
        Some(*head)
    }
    pub fn u8(&mut self) -> Option<u8> {
        self.take::<1>().map(|b| b[0])
    }
    pub fn u16(&mut self) -> Option<u16> {
        self.take::<2>().map(u16::from_le_bytes)
    }
    pub fn u32(&mut self) -> Option<u32> {
        self.take::<4>().map(u32::from_le_bytes)
    }
    pub fn u64(&mut self) -> Option<u64> {
        self.take::<8>().map(u64::from_le_bytes)
    }
    /// A string written as a u16 length and UTF-8 bytes.
    pub fn str(&mut self) -> Option<&'a str> {
        let n = self.u16()? as usize;
        std::str::from_utf8(self.bytes(n)?).ok()
    }
    /// The next `n` bytes.
    pub fn bytes(&mut self, n: usize) -> Option<&'a [u8]> {
        if self.bytes.len() < n {
            return None;
        }
        let (s, rest) = self.bytes.split_at(n);
        self.bytes = rest;
        Some(s)
    }
    /// A number `write_varint` wrote.
    pub fn varint(&mut self) -> Option<u32> {
        let mut v = 0u32;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= ((b & 0x7f) as u32).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
    /// Whether everything was read.
    pub fn is_empty(&self) -> bool {
        self.bytes.is_empty()
    }
    /// Bytes left to read.
    pub fn len(&self) -> usize {
        self.bytes.len()
    }
}

/// Writes a string as [`Reader::str`] reads it.
pub fn write_str(out: &mut Vec<u8>, s: &str) {
    let s = &s.as_bytes()[..s.len().min(u16::MAX as usize)];
    out.extend((s.len() as u16).to_le_bytes());
    out.extend(s);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // Class 0 when feature 1 fires, class 1 when feature 2 fires.
        let mut t = Trainer::new(2);
        let mut scores = Vec::new();
        for _ in 0..5 {
            for (f, truth) in [(1u64, 0usize), (2, 1)] {
                t.score(&[f, 99], &mut scores);
                let guess = if scores[1] > scores[0] { 1 } else { 0 };
                t.update(truth, guess, &[f, 99]);
            }
        }
        let w = t.average();
        let mut bytes = Vec::new();
        w.write(&mut bytes);
        let back = Weights::read(&mut Reader::new(&bytes)).unwrap();
        for (f, truth) in [(1u64, 0usize), (2, 1)] {
            back.score(&[f, 99], &mut scores);
            assert!(scores[truth] > scores[1 - truth]);
        }
        assert!(Weights::read(&mut Reader::new(&bytes[..bytes.len() - 1])).is_none());
        // A damaged count of four billion features is an error, not a table of that size.
        let mut damaged = bytes[..8].to_vec();
        damaged.extend(u32::MAX.to_le_bytes());
        damaged.extend(&bytes[12..]);
        assert!(Weights::read(&mut Reader::new(&damaged)).is_none());
        // So is a class count past what a byte numbers, which scoring could not index.
        let mut damaged = 257u32.to_le_bytes().to_vec();
        damaged.extend(&bytes[4..]);
        assert!(Weights::read(&mut Reader::new(&damaged)).is_none());
    }

    #[test]
    fn a_model_with_more_weights_than_the_table_places_is_refused_whole() {
        // 65,794 features of 255 weights each: past the 2^24 a row's start is packed in.
        let (features, row) = (65_794u32, 255u8);
        let mut bytes = Vec::new();
        bytes.extend(2u32.to_le_bytes());
        bytes.extend(1.0f32.to_le_bytes());
        bytes.extend(features.to_le_bytes());
        bytes.extend(std::iter::repeat_n(1u8, features as usize)); // each key one past the last
        bytes.extend(std::iter::repeat_n(row, features as usize));
        let total = features as usize * row as usize;
        assert!(total > MAX_START as usize + 1);
        bytes.extend(std::iter::repeat_n(0u8, total)); // classes
        bytes.extend(std::iter::repeat_n(2u8, total)); // weights: 1, zigzagged
        assert!(Weights::read(&mut Reader::new(&bytes)).is_none());
    }
}
