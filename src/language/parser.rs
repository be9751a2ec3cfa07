//! Dependency parsing: a greedy arc-eager transition system scored by an averaged perceptron.
//!
//! Words are numbered from 1; 0 is the root. The parser holds a stack and a buffer and, at each
//! step, takes the best-scoring valid transition: shift the buffer's front, reduce the stack's
//! top, or attach one to the other with a label. Features ([`features`]) follow Zhang and Nivre
//! (2011): words and tags of the stack and buffer, their heads and outermost children, the
//! labels already given, the distance between them and how many children they have.

use super::perceptron::{feature, Weights};
use super::tags::Deprel;
use super::words::WordView;

/// No word (an empty slot, or no head yet).
pub const NONE: u32 = u32::MAX;

/// A transition. Classes are numbered: shift 0, reduce 1, left-arc `2 + 2l`, right-arc `3 + 2l`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    Shift,
    Reduce,
    Left(Deprel),
    Right(Deprel),
}

impl Move {
    /// Number of classes.
    pub fn classes() -> usize {
        2 + 2 * Deprel::ALL.len()
    }

    pub fn class(self) -> usize {
        match self {
            Move::Shift => 0,
            Move::Reduce => 1,
            Move::Left(l) => 2 + 2 * l.index(),
            Move::Right(l) => 3 + 2 * l.index(),
        }
    }

    pub fn from_class(c: usize) -> Move {
        match c {
            0 => Move::Shift,
            1 => Move::Reduce,
            c if c % 2 == 0 => Move::Left(Deprel::ALL[(c - 2) / 2]),
            c => Move::Right(Deprel::ALL[(c - 3) / 2]),
        }
    }
}

/// How a parser reads a sentence: from its first word or from its last, and whether the root
/// takes its child while parsing (early) or only once every word has been read (late: the word
/// left without a head that has the most children). Parsers that read differently make
/// different mistakes, which is what [`super::vote`] profits from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reading {
    pub backward: bool,
    pub late_root: bool,
}

impl Reading {
    /// From the first word, the root taking its child while parsing.
    pub const FORWARD: Reading = Reading { backward: false, late_root: false };

    /// The reading as one byte, as the model file keeps it.
    pub fn to_byte(self) -> u8 {
        self.backward as u8 | (self.late_root as u8) << 1
    }

    pub fn from_byte(b: u8) -> Option<Reading> {
        (b < 4).then_some(Reading { backward: b & 1 != 0, late_root: b & 2 != 0 })
    }
}

impl std::fmt::Display for Reading {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let way = if self.backward { "backward" } else { "forward" };
        write!(f, "{way}{}", if self.late_root { ", late root" } else { "" })
    }
}

impl std::str::FromStr for Reading {
    type Err = String;
    /// `forward`, `backward`, each optionally followed by `-late` (the late root).
    fn from_str(s: &str) -> Result<Reading, String> {
        let (way, late_root) = match s.strip_suffix("-late") {
            Some(w) => (w, true),
            None => (s, false),
        };
        match way {
            "forward" => Ok(Reading { backward: false, late_root }),
            "backward" => Ok(Reading { backward: true, late_root }),
            _ => Err(format!("expected forward, backward, forward-late or backward-late, found {s:?}")),
        }
    }
}

/// A parser configuration, with the bookkeeping features need.
#[derive(Default)]
pub struct State {
    /// Words, root included (index 0).
    pub n: u32,
    /// The root takes its child only in [`State::finish`] (see [`Reading`]).
    pub late_root: bool,
    pub stack: Vec<u32>,
    /// Front of the buffer (the buffer is `front..n`).
    pub front: u32,
    pub heads: Vec<u32>,
    pub labels: Vec<Deprel>,
    /// Leftmost, second-leftmost, rightmost, second-rightmost children.
    l1: Vec<u32>,
    l2: Vec<u32>,
    r1: Vec<u32>,
    r2: Vec<u32>,
    nleft: Vec<u8>,
    nright: Vec<u8>,
    lset: Vec<u64>,
    rset: Vec<u64>,
}

impl State {
    /// The start configuration for `words` words (root not counted), the root early.
    pub fn reset(&mut self, words: usize) {
        self.reset_for(words, false);
    }

    /// The start configuration for `words` words, the root early or late (see [`Reading`]):
    /// late, it is not on the stack, and no move attaches to it.
    pub fn reset_for(&mut self, words: usize, late_root: bool) {
        let n = words as u32 + 1;
        self.n = n;
        self.late_root = late_root;
        self.stack.clear();
        if !late_root {
            self.stack.push(0);
        }
        self.front = 1;
        for v in [&mut self.heads, &mut self.l1, &mut self.l2, &mut self.r1, &mut self.r2] {
            v.clear();
            v.resize(n as usize, NONE);
        }
        self.labels.clear();
        self.labels.resize(n as usize, Deprel::Dep);
        for v in [&mut self.nleft, &mut self.nright] {
            v.clear();
            v.resize(n as usize, 0);
        }
        for v in [&mut self.lset, &mut self.rset] {
            v.clear();
            v.resize(n as usize, 0);
        }
    }

    pub fn terminal(&self) -> bool {
        self.front >= self.n
    }

    pub fn s0(&self) -> u32 {
        *self.stack.last().unwrap_or(&NONE)
    }

    fn root_taken(&self) -> bool {
        self.r1[0] != NONE
    }

    /// Whether `m` may be applied now.
    pub fn valid(&self, m: Move) -> bool {
        let s0 = self.s0();
        let has_buffer = !self.terminal();
        match m {
            Move::Shift => has_buffer,
            Move::Reduce => s0 != NONE && s0 != 0 && self.heads[s0 as usize] != NONE,
            Move::Left(l) => {
                has_buffer && s0 != NONE && s0 != 0 && self.heads[s0 as usize] == NONE && l != Deprel::Root
            }
            Move::Right(l) => {
                has_buffer && s0 != NONE && ((s0 == 0) == (l == Deprel::Root)) && !(s0 == 0 && self.root_taken())
            }
        }
    }

    fn arc(&mut self, head: u32, dep: u32, label: Deprel) {
        let (h, d) = (head as usize, dep as usize);
        self.heads[d] = head;
        self.labels[d] = label;
        let bit = 1u64 << label.index();
        if dep < head {
            self.nleft[h] = self.nleft[h].saturating_add(1);
            self.lset[h] |= bit;
            if self.l1[h] == NONE || dep < self.l1[h] {
                self.l2[h] = self.l1[h];
                self.l1[h] = dep;
            } else if self.l2[h] == NONE || dep < self.l2[h] {
                self.l2[h] = dep;
            }
        } else {
            self.nright[h] = self.nright[h].saturating_add(1);
            self.rset[h] |= bit;
            if self.r1[h] == NONE || dep > self.r1[h] {
                self.r2[h] = self.r1[h];
                self.r1[h] = dep;
            } else if self.r2[h] == NONE || dep > self.r2[h] {
                self.r2[h] = dep;
            }
        }
    }

    /// Applies a valid move.
    pub fn apply(&mut self, m: Move) {
        match m {
            Move::Shift => {
                self.stack.push(self.front);
                self.front += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().unwrap_or(NONE);
                self.arc(self.front, s0, l);
            }
            Move::Right(l) => {
                let s0 = self.s0();
                self.arc(s0, self.front, l);
                self.stack.push(self.front);
                self.front += 1;
            }
        }
    }

    /// Gives every word still without a head one: the first becomes the root if the root has
    /// no child (with the late root, the one with the most children), the others attach to the
    /// root's child.
    pub fn finish(&mut self) {
        if self.late_root && !self.root_taken() {
            let mut best: Option<(u32, u16)> = None;
            for d in 1..self.n {
                let children = self.nleft[d as usize] as u16 + self.nright[d as usize] as u16;
                if self.heads[d as usize] == NONE && best.is_none_or(|(_, c)| children > c) {
                    best = Some((d, children));
                }
            }
            if let Some((d, _)) = best {
                self.arc(0, d, Deprel::Root);
            }
        }
        for d in 1..self.n {
            if self.heads[d as usize] != NONE {
                continue;
            }
            if self.root_taken() {
                let top = self.r1[0];
                self.arc(top, d, Deprel::Parataxis);
            } else {
                self.arc(0, d, Deprel::Root);
            }
        }
    }
}

/// Feature template ids (part of the model: never renumber).
mod t {
    pub const S0W: u64 = 1;
    pub const S0P: u64 = 2;
    pub const S0WP: u64 = 3;
    pub const B0W: u64 = 4;
    pub const B0P: u64 = 5;
    pub const B0WP: u64 = 6;
    pub const B1W: u64 = 7;
    pub const B1P: u64 = 8;
    pub const B1WP: u64 = 9;
    pub const B2W: u64 = 10;
    pub const B2P: u64 = 11;
    pub const B2WP: u64 = 12;
    pub const S0WP_B0WP: u64 = 13;
    pub const S0WP_B0W: u64 = 14;
    pub const S0W_B0WP: u64 = 15;
    pub const S0WP_B0P: u64 = 16;
    pub const S0P_B0WP: u64 = 17;
    pub const S0W_B0W: u64 = 18;
    pub const S0P_B0P: u64 = 19;
    pub const B0P_B1P: u64 = 20;
    pub const B0P_B1P_B2P: u64 = 21;
    pub const S0P_B0P_B1P: u64 = 22;
    pub const S0HP_S0P_B0P: u64 = 23;
    pub const S0P_S0LP_B0P: u64 = 24;
    pub const S0P_S0RP_B0P: u64 = 25;
    pub const S0P_B0P_B0LP: u64 = 26;
    pub const S0W_D: u64 = 27;
    pub const S0P_D: u64 = 28;
    pub const B0W_D: u64 = 29;
    pub const B0P_D: u64 = 30;
    pub const S0W_B0W_D: u64 = 31;
    pub const S0P_B0P_D: u64 = 32;
    pub const S0W_VR: u64 = 33;
    pub const S0P_VR: u64 = 34;
    pub const S0W_VL: u64 = 35;
    pub const S0P_VL: u64 = 36;
    pub const B0W_VL: u64 = 37;
    pub const B0P_VL: u64 = 38;
    pub const S0HW: u64 = 39;
    pub const S0HP: u64 = 40;
    pub const S0L: u64 = 41;
    pub const S0LW: u64 = 42;
    pub const S0LP: u64 = 43;
    pub const S0LL: u64 = 44;
    pub const S0RW: u64 = 45;
    pub const S0RP: u64 = 46;
    pub const S0RL: u64 = 47;
    pub const B0LW: u64 = 48;
    pub const B0LP: u64 = 49;
    pub const B0LL: u64 = 50;
    pub const S0H2W: u64 = 51;
    pub const S0H2P: u64 = 52;
    pub const S0HL: u64 = 53;
    pub const S0L2W: u64 = 54;
    pub const S0L2P: u64 = 55;
    pub const S0L2L: u64 = 56;
    pub const S0R2W: u64 = 57;
    pub const S0R2P: u64 = 58;
    pub const S0R2L: u64 = 59;
    pub const B0L2W: u64 = 60;
    pub const B0L2P: u64 = 61;
    pub const B0L2L: u64 = 62;
    pub const S0P_S0LP_S0L2P: u64 = 63;
    pub const S0P_S0RP_S0R2P: u64 = 64;
    pub const S0P_S0HP_S0H2P: u64 = 65;
    pub const B0P_B0LP_B0L2P: u64 = 66;
    pub const S0W_SR: u64 = 67;
    pub const S0P_SR: u64 = 68;
    pub const S0W_SL: u64 = 69;
    pub const S0P_SL: u64 = 70;
    pub const B0W_BL: u64 = 71;
    pub const B0P_BL: u64 = 72;
    pub const S1W: u64 = 73;
    pub const S1P: u64 = 74;
    pub const S1P_S0P_B0P: u64 = 75;
    pub const B0SUF: u64 = 76;
    pub const S0SUF: u64 = 77;
    pub const S0HAS_HEAD: u64 = 78;
    pub const B3P: u64 = 79;
    pub const S0U_B0U: u64 = 80;
    pub const B0W_B1W: u64 = 81;
    pub const S0P_B0P_B1P_B2P: u64 = 82;
    pub const BIAS: u64 = 83;
    pub const S1W_S0W: u64 = 84;
    pub const S1P_S0P_D: u64 = 85;
    pub const COMMAS_S0P_B0P: u64 = 86;
    pub const S0U_B0U_D: u64 = 87;
    pub const B0W_S0HW: u64 = 88;
    pub const S0W_B0P_B1P: u64 = 89;
}

/// What features know of the sentence's words.
pub struct Words<'a> {
    pub views: &'a [WordView],
    /// XPOS of each word (index), and UPOS.
    pub xpos: &'a [u8],
    pub upos: &'a [u8],
    /// Commas before each word (prefix counts; one more entry than words).
    pub commas: &'a [u16],
}

/// Fills `out` with the prefix counts of commas that [`Words::commas`] holds.
pub fn comma_counts(xpos: &[u8], out: &mut Vec<u16>) {
    out.clear();
    out.push(0);
    let comma = super::tags::Xpos::Comma.index() as u8;
    let mut n = 0u16;
    for &x in xpos {
        n = n.saturating_add((x == comma) as u16);
        out.push(n);
    }
}

impl Words<'_> {
    /// Lower-case hash of word `k` (1-based; 0 is the root).
    fn w(&self, k: u32) -> u64 {
        match k {
            NONE => 1,
            0 => 2,
            k => self.views[k as usize - 1].lower,
        }
    }
    fn p(&self, k: u32) -> u64 {
        match k {
            NONE => 1000,
            0 => 1001,
            k => self.xpos[k as usize - 1] as u64,
        }
    }
    fn u(&self, k: u32) -> u64 {
        match k {
            NONE => 1000,
            0 => 1001,
            k => self.upos[k as usize - 1] as u64,
        }
    }
    fn suf(&self, k: u32) -> u64 {
        match k {
            NONE | 0 => 3,
            k => self.views[k as usize - 1].suffix[2],
        }
    }
}

/// The words a configuration's features look at: the stack's top two, the buffer's first
/// four, the top's head and grandparent, its and the buffer front's outermost children.
struct Slots {
    s0: u32,
    s1: u32,
    b0: u32,
    b1: u32,
    b2: u32,
    b3: u32,
    s0h: u32,
    s0h2: u32,
    s0l: u32,
    s0l2: u32,
    s0r: u32,
    s0r2: u32,
    b0l: u32,
    b0l2: u32,
    /// Words between `s0` and `b0`, capped at 6.
    dist: u64,
    /// Commas between `s0` and `b0` (9 when either is missing).
    commas: u64,
}

impl Slots {
    #[inline]
    fn of(s: &State, words: &Words<'_>) -> Slots {
        let get = |v: &Vec<u32>, k: u32| if k == NONE { NONE } else { v[k as usize] };
        let s0 = s.s0();
        let s1 = if s.stack.len() >= 2 { s.stack[s.stack.len() - 2] } else { NONE };
        let b = |k: u32| if s.front + k < s.n { s.front + k } else { NONE };
        let b0 = b(0);
        let s0h = get(&s.heads, s0);
        // Commas between s0 and b0 (words are 1-based; the counts are per 0-based word).
        let commas = if s0 != NONE && s0 > 0 && b0 != NONE {
            let at = |k: u32| words.commas.get(k as usize).copied().unwrap_or(0);
            at(b0 - 1).saturating_sub(at(s0)) as u64
        } else {
            9
        };
        Slots {
            s0,
            s1,
            b0,
            b1: b(1),
            b2: b(2),
            b3: b(3),
            s0h,
            s0h2: get(&s.heads, s0h),
            s0l: get(&s.l1, s0),
            s0l2: get(&s.l2, s0),
            s0r: get(&s.r1, s0),
            s0r2: get(&s.r2, s0),
            b0l: get(&s.l1, b0),
            b0l2: get(&s.l2, b0),
            dist: if s0 != NONE && b0 != NONE { (b0 - s0).min(6) as u64 } else { 0 },
            commas,
        }
    }
}

/// The features of a configuration: of its words (`word_features`) and of the tree built so
/// far (`tree_features`).
pub fn features(s: &State, words: &Words<'_>, out: &mut Vec<u64>) {
    out.clear();
    let x = Slots::of(s, words);
    word_features(&x, words, out);
    tree_features(&x, s, words, out);
}

/// Features of the words in the slots: forms, tags, suffixes, pairs and triples, distance.
#[inline]
fn word_features(x: &Slots, words: &Words<'_>, out: &mut Vec<u64>) {
    let (w, p) = (|k| words.w(k), |k| words.p(k));
    let f = |tpl, a, b_, c| feature(tpl, a, b_, c);
    out.extend([
        f(t::BIAS, 0, 0, 0),
        f(t::S0W, w(x.s0), 0, 0),
        f(t::S0P, p(x.s0), 0, 0),
        f(t::S0WP, w(x.s0), p(x.s0), 0),
        f(t::B0W, w(x.b0), 0, 0),
        f(t::B0P, p(x.b0), 0, 0),
        f(t::B0WP, w(x.b0), p(x.b0), 0),
        f(t::B1W, w(x.b1), 0, 0),
        f(t::B1P, p(x.b1), 0, 0),
        f(t::B1WP, w(x.b1), p(x.b1), 0),
        f(t::B2W, w(x.b2), 0, 0),
        f(t::B2P, p(x.b2), 0, 0),
        f(t::B2WP, w(x.b2), p(x.b2), 0),
        f(t::S0WP_B0WP, w(x.s0), p(x.s0), w(x.b0) ^ p(x.b0).rotate_left(40)),
        f(t::S0WP_B0W, w(x.s0), p(x.s0), w(x.b0)),
        f(t::S0W_B0WP, w(x.s0), w(x.b0), p(x.b0)),
        f(t::S0WP_B0P, w(x.s0), p(x.s0), p(x.b0)),
        f(t::S0P_B0WP, p(x.s0), w(x.b0), p(x.b0)),
        f(t::S0W_B0W, w(x.s0), w(x.b0), 0),
        f(t::S0P_B0P, p(x.s0), p(x.b0), 0),
        f(t::B0P_B1P, p(x.b0), p(x.b1), 0),
        f(t::B0P_B1P_B2P, p(x.b0), p(x.b1), p(x.b2)),
        f(t::S0P_B0P_B1P, p(x.s0), p(x.b0), p(x.b1)),
        f(t::S0W_D, w(x.s0), x.dist, 0),
        f(t::S0P_D, p(x.s0), x.dist, 0),
        f(t::B0W_D, w(x.b0), x.dist, 0),
        f(t::B0P_D, p(x.b0), x.dist, 0),
        f(t::S0W_B0W_D, w(x.s0), w(x.b0), x.dist),
        f(t::S0P_B0P_D, p(x.s0), p(x.b0), x.dist),
        f(t::S1W, w(x.s1), 0, 0),
        f(t::S1P, p(x.s1), 0, 0),
        f(t::S1P_S0P_B0P, p(x.s1), p(x.s0), p(x.b0)),
        f(t::B0SUF, words.suf(x.b0), p(x.b0), 0),
        f(t::S0SUF, words.suf(x.s0), p(x.s0), 0),
        f(t::B3P, p(x.b3), 0, 0),
        f(t::S0U_B0U, words.u(x.s0), words.u(x.b0), 0),
        f(t::B0W_B1W, w(x.b0), w(x.b1), 0),
        f(t::S0P_B0P_B1P_B2P, p(x.s0), p(x.b0), p(x.b1) ^ p(x.b2).rotate_left(16)),
        f(t::S1W_S0W, w(x.s1), w(x.s0), 0),
        f(t::S1P_S0P_D, p(x.s1), p(x.s0), if x.s1 != NONE && x.s0 != NONE { (x.s0 - x.s1).min(6) as u64 } else { 9 }),
        f(t::COMMAS_S0P_B0P, x.commas.min(3), p(x.s0), p(x.b0)),
        f(t::S0U_B0U_D, words.u(x.s0), words.u(x.b0), x.dist),
        f(t::S0W_B0P_B1P, w(x.s0), p(x.b0), p(x.b1)),
    ]);
}

/// Features of the tree built so far: heads, outermost children, their labels, how many
/// children a word has and which labels they bear.
#[inline]
fn tree_features(x: &Slots, s: &State, words: &Words<'_>, out: &mut Vec<u64>) {
    let (w, p) = (|k| words.w(k), |k| words.p(k));
    let f = |tpl, a, b_, c| feature(tpl, a, b_, c);
    let lab = |k: u32| if k == NONE || s.heads[k as usize] == NONE { 99 } else { s.labels[k as usize].index() as u64 };
    let count = |v: &Vec<u8>, k: u32| if k == NONE { 0 } else { v[k as usize] as u64 };
    let set = |v: &Vec<u64>, k: u32| if k == NONE { 0 } else { v[k as usize] };
    let (vr, vl, bvl) = (count(&s.nright, x.s0), count(&s.nleft, x.s0), count(&s.nleft, x.b0));
    out.extend([
        f(t::S0HP_S0P_B0P, p(x.s0h), p(x.s0), p(x.b0)),
        f(t::S0P_S0LP_B0P, p(x.s0), p(x.s0l), p(x.b0)),
        f(t::S0P_S0RP_B0P, p(x.s0), p(x.s0r), p(x.b0)),
        f(t::S0P_B0P_B0LP, p(x.s0), p(x.b0), p(x.b0l)),
        f(t::S0W_VR, w(x.s0), vr, 0),
        f(t::S0P_VR, p(x.s0), vr, 0),
        f(t::S0W_VL, w(x.s0), vl, 0),
        f(t::S0P_VL, p(x.s0), vl, 0),
        f(t::B0W_VL, w(x.b0), bvl, 0),
        f(t::B0P_VL, p(x.b0), bvl, 0),
        f(t::S0HW, w(x.s0h), 0, 0),
        f(t::S0HP, p(x.s0h), 0, 0),
        f(t::S0L, lab(x.s0), 0, 0),
        f(t::S0LW, w(x.s0l), 0, 0),
        f(t::S0LP, p(x.s0l), 0, 0),
        f(t::S0LL, lab(x.s0l), 0, 0),
        f(t::S0RW, w(x.s0r), 0, 0),
        f(t::S0RP, p(x.s0r), 0, 0),
        f(t::S0RL, lab(x.s0r), 0, 0),
        f(t::B0LW, w(x.b0l), 0, 0),
        f(t::B0LP, p(x.b0l), 0, 0),
        f(t::B0LL, lab(x.b0l), 0, 0),
        f(t::S0H2W, w(x.s0h2), 0, 0),
        f(t::S0H2P, p(x.s0h2), 0, 0),
        f(t::S0HL, lab(x.s0h), 0, 0),
        f(t::S0L2W, w(x.s0l2), 0, 0),
        f(t::S0L2P, p(x.s0l2), 0, 0),
        f(t::S0L2L, lab(x.s0l2), 0, 0),
        f(t::S0R2W, w(x.s0r2), 0, 0),
        f(t::S0R2P, p(x.s0r2), 0, 0),
        f(t::S0R2L, lab(x.s0r2), 0, 0),
        f(t::B0L2W, w(x.b0l2), 0, 0),
        f(t::B0L2P, p(x.b0l2), 0, 0),
        f(t::B0L2L, lab(x.b0l2), 0, 0),
        f(t::S0P_S0LP_S0L2P, p(x.s0), p(x.s0l), p(x.s0l2)),
        f(t::S0P_S0RP_S0R2P, p(x.s0), p(x.s0r), p(x.s0r2)),
        f(t::S0P_S0HP_S0H2P, p(x.s0), p(x.s0h), p(x.s0h2)),
        f(t::B0P_B0LP_B0L2P, p(x.b0), p(x.b0l), p(x.b0l2)),
        f(t::S0W_SR, w(x.s0), set(&s.rset, x.s0), 0),
        f(t::S0P_SR, p(x.s0), set(&s.rset, x.s0), 0),
        f(t::S0W_SL, w(x.s0), set(&s.lset, x.s0), 0),
        f(t::S0P_SL, p(x.s0), set(&s.lset, x.s0), 0),
        f(t::B0W_BL, w(x.b0), set(&s.lset, x.b0), 0),
        f(t::B0P_BL, p(x.b0), set(&s.lset, x.b0), 0),
        f(t::S0HAS_HEAD, (x.s0h != NONE) as u64, p(x.s0), p(x.b0)),
        f(t::B0W_S0HW, w(x.b0), w(x.s0h), 0),
    ]);
}

/// Buffers for parsing, kept between sentences.
#[derive(Default)]
pub struct ParseBuffers {
    pub state: State,
    /// For each word, by how much (in the model's units) the move that gave it its head beat
    /// the next best valid move; 0 for a head [`State::finish`] gave.
    pub margins: Vec<f32>,
    feats: Vec<u64>,
    scores: Vec<f32>,
}

/// The best valid move for the scores.
pub fn best_valid(state: &State, scores: &[f32]) -> Move {
    best_two_valid(state, scores).0
}

/// The best valid move for the scores, and by how much it beats the next best valid one (0
/// when it is the only one).
fn best_two_valid(state: &State, scores: &[f32]) -> (Move, f32) {
    let (mut best, mut second): (Option<(usize, f32)>, Option<f32>) = (None, None);
    for (c, &sc) in scores.iter().enumerate() {
        if second.is_some_and(|b| sc <= b) || !state.valid(Move::from_class(c)) {
            continue;
        }
        match best {
            Some((_, b)) if sc <= b => second = Some(sc),
            _ => {
                second = best.map(|(_, b)| b);
                best = Some((c, sc));
            }
        }
    }
    match best {
        Some((c, b)) => (Move::from_class(c), second.map_or(0.0, |s| b - s)),
        None => (Move::Shift, 0.0),
    }
}

/// Parses a sentence as `reading` says of the root (the caller reverses the words of a
/// backward reading); the result is in `buf.state` (`heads`, `labels`; index 0 is the root)
/// and `buf.margins`.
pub fn parse(weights: &Weights, reading: Reading, words: &Words<'_>, buf: &mut ParseBuffers) {
    buf.state.reset_for(words.views.len(), reading.late_root);
    buf.margins.clear();
    buf.margins.resize(buf.state.n as usize, 0.0);
    while !buf.state.terminal() {
        features(&buf.state, words, &mut buf.feats);
        weights.score(&buf.feats, &mut buf.scores);
        let (m, margin) = best_two_valid(&buf.state, &buf.scores);
        match m {
            Move::Left(_) => buf.margins[buf.state.s0() as usize] = margin,
            Move::Right(_) => buf.margins[buf.state.front as usize] = margin,
            _ => {}
        }
        buf.state.apply(m);
    }
    buf.state.finish();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_number_and_apply() {
        for c in 0..Move::classes() {
            assert_eq!(Move::from_class(c).class(), c);
        }
        let mut s = State::default();
        s.reset(3);
        // "Putin met Trump": met is the root, Putin its subject, Trump its object.
        assert!(!s.valid(Move::Left(Deprel::Nsubj)), "the root cannot be attached");
        s.apply(Move::Shift);
        s.apply(Move::Left(Deprel::Nsubj));
        s.apply(Move::Right(Deprel::Root));
        assert!(!s.valid(Move::Right(Deprel::Root)));
        s.apply(Move::Right(Deprel::Obj));
        assert!(s.terminal());
        s.finish();
        assert_eq!(s.heads[1..], [2, 0, 2]);
        assert_eq!(s.labels[1..], [Deprel::Nsubj, Deprel::Root, Deprel::Obj]);
    }
}
