//! Years written with their era: "100 B.C.", "1354 to 1345 BC", "555 AD", "AD 79", "A.D.
//! 1066", and centuries: "the 11th century B.C.", "the third century AD". A year before Christ
//! is kept as the proleptic calendar numbers it (1 BC is year 0, 100 BC is -99), so that it
//! orders with every other date; a century before Christ is `Century(-n)`, the nth.

use super::calendar::RANGE_WORDS;
use super::{Expr, Fields, Kind, Parser};
use crate::dates::lexicon::Era;

/// The most letters a dotted era marker has ("B.C.E.").
const MAX_LETTERS: usize = 3;

/// The largest ordinal read as a century before Christ ("the 30th century BC").
const MAX_CENTURY_BC: u32 = 99;

impl Parser<'_> {
    /// The era marker at token `k`: a word of the lexicon's eras in capitals ("BC", "BCE",
    /// "AD", "CE"), or its letters each followed by a dot, in capitals or not ("B.C.", "A.D.",
    /// "B.C.E.", "a.d."; the last dot may be missing). Gives the era and the index after the
    /// marker. A marker word before a capitalised word names something else ("BC Hydro", "the
    /// 2011 BC Lions").
    pub(super) fn era(&self, k: usize) -> Option<(Era, usize)> {
        let t = self.tok(k).filter(|t| t.kind == Kind::Word)?;
        let bytes = self.text.as_bytes();
        if t.end - t.start > 1 {
            if !bytes[t.start..t.end].iter().all(u8::is_ascii_uppercase) {
                return None;
            }
            let era = self.word(k)?.era?;
            let names = self.tok(k + 1).is_some_and(|n| n.kind == Kind::Word && n.cap);
            return (!names).then_some((era, k + 1));
        }
        // dotted, its letters all capitals or all small ("14 a.d.")
        let upper = bytes[t.start].is_ascii_uppercase();
        let mut letters = [0u8; MAX_LETTERS];
        let (mut n, mut j) = (0, k);
        while let Some(t) = self.tok(j) {
            let letter = t.kind == Kind::Word
                && t.end - t.start == 1
                && bytes[t.start].is_ascii_alphabetic()
                && bytes[t.start].is_ascii_uppercase() == upper;
            if !letter || n == MAX_LETTERS || n > 0 && !self.tight(j) {
                break;
            }
            letters[n] = bytes[t.start].to_ascii_lowercase();
            n += 1;
            j += 1;
            if !(self.punct(j, '.') && self.tight(j)) {
                break;
            }
            j += 1;
        }
        if n < 2 {
            return None;
        }
        Some((self.lex.word_bytes(&letters[..n])?.era?, j))
    }

    /// A year with its era after it ("100 B.C.", "555 AD"); two that share the era written
    /// after the second ("1354 to 1345 BC", "1354-1345 B.C.", "between 1354 and 1345 BC"); or
    /// "AD" before a year ("AD 79", "A.D. 1066").
    pub(super) fn era_year(&self, i: usize) -> Option<(usize, Expr)> {
        let f = |y: i32| Fields { year: Some(y), month: None, day: None, weekday: None };
        if let Some((Era::After, j)) = self.era(i) {
            return Some((j + 1, Expr::Date(f(self.era_number(j)? as i32))));
        }
        let first = self.era_number(i)?;
        let between = i > 0 && self.is(i - 1, "between");
        let joiner = self.dash(i + 1) || self.is_any(i + 1, &RANGE_WORDS) || between && self.is(i + 1, "and");
        let last = joiner.then(|| self.era_number(i + 2)).flatten();
        let (era, end) = self.era(if last.is_some() { i + 3 } else { i + 1 })?;
        let year = |n: u32| match era {
            Era::Before => 1 - n as i32,
            Era::After => n as i32,
        };
        Some((
            end,
            match last {
                Some(l) => Expr::DateRange(f(year(first)), f(year(l))),
                None => Expr::Date(f(year(first))),
            },
        ))
    }

    /// A year written with its era at `k`, alone ("44 BC", "AD 79"): the year and the index
    /// after it. What a written date ends with ("March 15, 44 BC").
    pub(super) fn era_single(&self, k: usize) -> Option<(i32, usize)> {
        match self.era_year(k)? {
            (end, Expr::Date(Fields { year: Some(y), .. })) => Some((y, end)),
            _ => None,
        }
    }

    /// A number at `k` that can be a year of an era: a whole number from 1, of up to five
    /// digits.
    fn era_number(&self, k: usize) -> Option<u32> {
        self.num(k).filter(|&(n, digits)| n >= 1 && digits <= 5).map(|(n, _)| n)
    }

    /// The century of ordinal `n` that ends at token `k` ("century"), with an era marker after
    /// it if one is written: the index after it and the century.
    pub(super) fn era_century(&self, k: usize, n: u32) -> Option<(usize, Expr)> {
        match self.era(k + 1) {
            Some((Era::Before, end)) => (1..=MAX_CENTURY_BC).contains(&n).then_some((end, Expr::Century(-(n as i32)))),
            Some((Era::After, end)) => Some((end, Expr::Century(n as i32 - 1))),
            None => Some((k + 1, Expr::Century(n as i32 - 1))),
        }
    }
}
