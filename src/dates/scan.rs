//! Finding temporal expressions: one pass over a story line that cuts it into tokens, splits
//! sentences, skips those with no temporal cue, and runs the candidate parsers on the rest.
//!
//! Parsers are small functions, each named for the form it reads (`month_day`, `duration`,
//! `weekday`, ...); the longest candidate at a position wins, then refiners join ranges
//! ("from May 3 to May 5", "2014-2022"). A candidate carries an unresolved [`Expr`]; the
//! resolver turns it into a value.

use super::lexicon::{Det, Lexicon, Part, Word};
use super::values::{Amount, Duration, Modifier, PartOfDay, Reference, Season, SetValue, Unit};

/// The kind of a token.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Word,
    /// Plain digits ("2024", "17").
    Num,
    /// Digits with an ordinal suffix ("17th").
    Ordinal,
    /// A number with separators or decimals ("2,000", "3.5"): an amount, never a date.
    Amount,
    Punct,
}

/// A token of a story line, with byte offsets into the article text.
#[derive(Debug, Clone, Copy)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    /// The punctuation character, for [`Kind::Punct`].
    pub ch: char,
    /// The value, for numbers.
    pub num: u32,
    /// Number of digits, for numbers.
    pub digits: u8,
    /// Whitespace comes before the token.
    pub space: bool,
    /// The word starts with a capital letter.
    pub cap: bool,
    /// What the lexicon knows of the word.
    pub word: Option<&'static Word>,
}

/// Cuts `text[range]` into tokens, appending to `out`. No allocation per token: words are
/// lower-cased into a stack buffer only to look them up.
///
/// `caseless` says the text has no capital letters at all (chat, commands, lower-cased
/// corpora): then capitalisation is no evidence, and calendar words count as capitalised.
pub fn tokenize(
    text: &str,
    range: std::ops::Range<usize>,
    lex: &'static Lexicon,
    caseless: bool,
    out: &mut Vec<Token>,
) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    let mut space = true;
    let mut buf = [0u8; 32];
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let tok_start = i;
        if b.is_ascii_digit() {
            let mut num: u64 = 0;
            let mut digits = 0u8;
            while i < end && bytes[i].is_ascii_digit() {
                num = (num * 10 + (bytes[i] - b'0') as u64).min(u32::MAX as u64);
                digits = digits.saturating_add(1);
                i += 1;
            }
            let mut kind = Kind::Num;
            // "04.05.2025" is a date, not the amount 04.05 and a number
            let dotted_date = bytes[i..end].first() == Some(&b'.') && {
                // this number opens the date, or is its month after "04."
                let before = bytes[..tok_start].strip_suffix(b".").map(|b| b.len());
                let opener = before.map(|e| e - bytes[..e].iter().rev().take_while(|c| c.is_ascii_digit()).count());
                [Some(tok_start), opener.filter(|&o| Some(o) != before)]
                    .into_iter()
                    .flatten()
                    .any(|at| super::numeric::all_number_date(&bytes[..end], at).is_some())
            };
            // Thousands groups and decimals make an amount.
            while !dotted_date
                && i + 1 < end
                && (bytes[i] == b',' || bytes[i] == b'.')
                && bytes[i + 1].is_ascii_digit()
                && (bytes[i] == b'.'
                    || (i + 3 < end + 1
                        && bytes[i + 1..(i + 4).min(end)].iter().all(u8::is_ascii_digit)
                        && (i + 4 >= end || !bytes[i + 4].is_ascii_digit())))
            {
                kind = Kind::Amount;
                i += 1;
                while i < end && bytes[i].is_ascii_digit() {
                    i += 1;
                }
            }
            if kind == Kind::Num && i + 1 < end {
                let s = &bytes[i..(i + 2).min(end)];
                let suffix = s.eq_ignore_ascii_case(b"st")
                    || s.eq_ignore_ascii_case(b"nd")
                    || s.eq_ignore_ascii_case(b"rd")
                    || s.eq_ignore_ascii_case(b"th");
                if suffix && (i + 2 >= end || !bytes[i + 2].is_ascii_alphabetic()) {
                    kind = Kind::Ordinal;
                    i += 2;
                }
            }
            out.push(Token {
                start: tok_start,
                end: i,
                kind,
                ch: '0',
                num: num as u32,
                digits,
                space,
                cap: false,
                word: None,
            });
        } else if b.is_ascii_alphabetic() || b >= 0x80 && text[i..].chars().next().is_some_and(char::is_alphabetic) {
            let cap = if b.is_ascii() {
                b.is_ascii_uppercase()
            } else {
                text[i..].chars().next().is_some_and(char::is_uppercase)
            };
            let mut n = 0usize;
            let mut ascii = true;
            while i < end {
                let c = bytes[i];
                if c.is_ascii_alphabetic() {
                    // ASCII fast path: lower-case into the buffer as we go.
                    if n < buf.len() {
                        buf[n] = c.to_ascii_lowercase();
                    }
                    n += 1;
                    i += 1;
                } else if c >= 0x80 {
                    match text[i..].chars().next() {
                        Some(ch) if ch.is_alphabetic() => {
                            ascii = false;
                            i += ch.len_utf8();
                        }
                        _ => break,
                    }
                } else {
                    break;
                }
            }
            let word = if ascii && n <= lex.max_word_len() { lex.word_bytes(&buf[..n]) } else { None };
            let cap =
                cap || caseless && word.is_some_and(|w| w.month.is_some() || w.weekday.is_some() || w.holiday_start);
            out.push(Token {
                start: tok_start,
                end: i,
                kind: Kind::Word,
                ch: 'a',
                num: 0,
                digits: 0,
                space,
                cap,
                word,
            });
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                space = true;
                continue;
            }
            out.push(Token {
                start: tok_start,
                end: i,
                kind: Kind::Punct,
                ch: c,
                num: 0,
                digits: 0,
                space,
                cap: false,
                word: None,
            });
        }
        space = false;
    }
}

/// Words before a period that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "inc", "corp", "co", "ltd", "jr", "sr", "no", "vs",
    "prof", "lt", "col", "sgt", "capt", "cmdr", "adm", "rev", "mt", "ft", "est", "approx",
];

/// Splits tokens into sentences: index ranges into `toks`.
pub fn sentences(text: &str, toks: &[Token], out: &mut Vec<std::ops::Range<usize>>) {
    let mut start = 0;
    for i in 0..toks.len() {
        let t = &toks[i];
        if t.kind != Kind::Punct || !matches!(t.ch, '.' | '!' | '?') {
            continue;
        }
        let next = toks.get(i + 1);
        let ends = match next {
            None => true,
            Some(n) => {
                n.space
                    && (n.cap || n.kind != Kind::Word)
                    && !(t.ch == '.' && i > 0 && is_abbreviation(text, &toks[i - 1]))
            }
        };
        if ends {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
}

fn is_abbreviation(text: &str, t: &Token) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = &text[t.start..t.end];
    // Single letters ("U.S."), month and weekday abbreviations, titles.
    w.len() == 1
        || t.word.is_some_and(|x| x.month_abbrev || x.weekday_abbrev)
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Whether a sentence holds anything that can start a temporal expression.
pub fn has_cue(toks: &[Token]) -> bool {
    toks.iter().any(|t| match t.kind {
        Kind::Num | Kind::Ordinal => true,
        Kind::Word => t.word.is_some_and(Word::is_cue),
        _ => false,
    })
}

/// Which calendar fields a written date gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Fields {
    pub year: Option<i32>,
    pub month: Option<u32>,
    pub day: Option<u32>,
    /// A weekday written beside the date ("Saturday, April 25"): it picks the year.
    pub weekday: Option<u32>,
}

/// An unresolved temporal expression: what the words say, before the anchor is applied.
#[derive(Debug, Clone, PartialEq)]
pub enum Expr {
    /// A written date, complete or partial ("May 17", "September 2022", "2014", "in March").
    Date(Fields),
    /// A range of written dates ("June 15-16", "2014-2022").
    DateRange(Fields, Fields),
    /// A decade by its first three digits.
    Decade(i32),
    /// A century by its first two digits.
    Century(i32),
    /// A quarter or half of a year: `per_year` 4 for quarters, 2 for halves.
    YearPart { per_year: u8, n: u8, year: Option<YearRef> },
    /// "the quarter", "the latest quarter", "the year-ago quarter", "the 1988 period": the
    /// quarter in focus (or, `current`, the quarter of publication; `latest`, the last full
    /// quarter before publication), in another year if one is
    /// given, moved back by whole years.
    ContextQuarter { years_back: i32, year: Option<YearRef>, current: bool, latest: bool },
    /// A season, with a year or a determiner.
    Season { season: Season, year: Option<i32>, det: Option<Det> },
    /// "today", "yesterday", "tonight", optionally a part of that day.
    Deictic { days: i64, part: Option<PartOfDay> },
    /// A unit placed by a determiner: "last week", "this year", "the next day" (`the` set).
    Relative { det: Det, unit: Unit, the: bool },
    /// "the weekend": the one the tense points to.
    Weekend,
    /// A part of a day placed by a determiner: "this morning", "last night".
    RelativePart { det: Det, part: PartOfDay },
    /// A month placed by a determiner: "last April".
    RelativeMonth { det: Det, month: u32 },
    /// A weekday, with a determiner, a part of the day, or "earlier"/"later" before it.
    Weekday { det: Option<Det>, weekday: u32, part: Option<PartOfDay>, lean: Option<Lean> },
    /// A weekday of a week placed by a determiner: "Wednesday of next week".
    WeekdayOfWeek { weekday: u32, det: Det },
    /// "three days ago" (`narrative` false), "a few days earlier" (`narrative` true).
    Offset { amount: Amount, unit: Unit, sign: i8, narrative: bool },
    /// A length of time.
    Duration { duration: Duration, modifier: Option<Modifier> },
    /// A recurrence.
    Set(SetValue),
    /// "now", "recently", "the future".
    Ref(Reference),
    /// A named day, by its index in the lexicon's holiday list.
    Holiday { index: usize, year: Option<i32>, det: Option<Det> },
    /// A clock time, on a day if one is named beside it ("noon Thursday").
    Clock { hour: u32, minute: u32, day: Option<Box<Expr>> },
    /// Part of a span: "mid-June", "early 2024", "the end of last week".
    Part { part: Part, inner: Box<Expr> },
}

/// A year named with a quarter or half: written ("1988") or relative to publication ("this
/// year's": 0, "last year's": -1).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearRef {
    Written(i32),
    FromPublication(i32),
}

/// The direction "earlier Saturday" / "later Monday" lean to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lean {
    Earlier,
    Later,
}

/// A candidate: an expression over tokens `first..=last` of a sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Cand {
    pub first: usize,
    pub last: usize,
    pub expr: Expr,
}

// Parser bits: which parsers a token may start (see `starts_for`).
const P_NUMERIC: u16 = 1 << 0;
const P_MONTH: u16 = 1 << 1;
const P_DAY_FIRST: u16 = 1 << 2;
const P_YEAR: u16 = 1 << 3;
const P_YEAR_PART: u16 = 1 << 4;
const P_SEASON: u16 = 1 << 5;
const P_DEICTIC: u16 = 1 << 6;
const P_RELATIVE: u16 = 1 << 7;
const P_WEEKDAY: u16 = 1 << 8;
const P_DURATION: u16 = 1 << 9;
const P_SET: u16 = 1 << 10;
const P_REFERENCE: u16 = 1 << 11;
const P_HOLIDAY: u16 = 1 << 12;
const P_CLOCK: u16 = 1 << 13;
const P_PART: u16 = 1 << 14;
const P_DECADE: u16 = 1 << 15;
/// Every parser.
pub const P_ALL: u16 = u16::MAX;

/// The parsers a word may start, from what the lexicon knows of it. Computed once per word
/// when the lexicon loads, so the scanner tries only the parsers that can match.
pub fn starts_for(word: &str, w: &Word) -> u16 {
    let mut m = 0;
    let flag = |b: bool, bits: u16| if b { bits } else { 0 };
    m |= flag(w.month.is_some(), P_MONTH | P_HOLIDAY);
    m |= flag(w.weekday.is_some(), P_WEEKDAY);
    m |= flag(w.det.is_some(), P_RELATIVE | P_SEASON | P_WEEKDAY | P_HOLIDAY | P_YEAR_PART);
    m |= flag(w.number.is_some() || w.vague, P_DURATION);
    m |= flag(w.ordinal.is_some(), P_YEAR_PART | P_DECADE | P_DAY_FIRST);
    m |= flag(w.unit.is_some(), P_DURATION | P_PART);
    m |= flag(w.deictic.is_some(), P_DEICTIC);
    m |= flag(w.season.is_some(), P_SEASON);
    m |= flag(w.reference.is_some(), P_REFERENCE);
    m |= flag(w.set.is_some(), P_SET);
    m |= flag(w.holiday_start, P_HOLIDAY);
    m |= flag(w.part.is_some(), P_PART);
    m |= match word {
        "the" => P_YEAR_PART | P_RELATIVE | P_REFERENCE | P_DURATION | P_PART | P_YEAR | P_DEICTIC,
        "day" => P_DURATION | P_PART | P_DEICTIC,
        "at" => P_DURATION | P_REFERENCE,
        "every" | "each" => P_SET,
        "fiscal" | "fy" => P_YEAR | P_YEAR_PART,
        "nineteen" | "twenty" => P_YEAR | P_DURATION,
        "q" => P_YEAR_PART,
        "earlier" | "later" => P_WEEKDAY | P_PART,
        "these" => P_REFERENCE,
        "noon" | "midnight" | "midday" => P_CLOCK,
        _ if w.starter => P_DURATION,
        _ => 0,
    };
    m
}

/// A candidate parser: from a token index, the index after the expression and what it says.
type ParseFn<'a> = fn(&Parser<'a>, usize) -> Option<(usize, Expr)>;

/// The parsers' view of one sentence.
pub struct Parser<'a> {
    pub text: &'a str,
    pub t: &'a [Token],
    pub lex: &'static Lexicon,
    /// Whether ambiguous all-number dates read day first: with slashes, with dots.
    pub slash_day_first: bool,
    pub dot_day_first: bool,
}

impl<'a> Parser<'a> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.t.get(i)
    }
    fn word(&self, i: usize) -> Option<&'static Word> {
        self.t.get(i).and_then(|t| t.word)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && self.text[t.start..t.end].eq_ignore_ascii_case(w))
    }
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.t.get(i).is_some_and(|t| {
            t.kind == Kind::Word && ws.iter().any(|w| self.text[t.start..t.end].eq_ignore_ascii_case(w))
        })
    }
    fn punct(&self, i: usize, c: char) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && t.ch == c)
    }
    fn dash(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, '-' | '–' | '—'))
    }
    /// Token `i` follows `i - 1` with no space.
    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| !t.space)
    }
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        self.t.get(i).filter(|t| t.kind == Kind::Num).map(|t| (t.num, t.digits))
    }
    fn apostrophe(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Punct && matches!(t.ch, '\'' | '’'))
    }

    /// All candidates of the sentence, longest first at each position, then refined.
    pub fn candidates(&self, out: &mut Vec<Cand>) {
        let n = self.t.len();
        let mut i = 0;
        let base = out.len();
        while i < n {
            let t = &self.t[i];
            let starts = match t.kind {
                Kind::Num => P_NUMERIC | P_DAY_FIRST | P_YEAR | P_YEAR_PART | P_DURATION | P_CLOCK | P_DECADE,
                Kind::Ordinal => P_DAY_FIRST | P_YEAR_PART | P_DECADE,
                Kind::Amount => P_DURATION,
                Kind::Word => t.word.map_or(0, |w| w.starts),
                Kind::Punct if matches!(t.ch, '\'' | '’') => P_DECADE,
                Kind::Punct => 0,
            };
            let starts = if starts != 0 && t.kind == Kind::Word { self.refine_starts(i, starts) } else { starts };
            if starts != 0 {
                if let Some(c) = self.longest_at(i, starts) {
                    i = c.last + 1;
                    out.push(c);
                    continue;
                }
            }
            i += 1;
        }
        self.join_ranges(out, base);
    }

    /// Narrows the parsers a frequent word starts by a look at the next token: "the" and
    /// determiners ("that", "this") open an expression only before a temporal word or a number.
    fn refine_starts(&self, i: usize, mut starts: u16) -> u16 {
        let next = self.tok(i + 1);
        let next_word = next.and_then(|n| n.word);
        let numeric = next.is_some_and(|n| {
            matches!(n.kind, Kind::Num | Kind::Ordinal) || n.kind == Kind::Punct && matches!(n.ch, '\'' | '’')
        });
        if self.is(i, "the") {
            let ok = numeric
                || next_word.is_some_and(|w| {
                    w.is_cue() || w.det.is_some() || w.number.is_some() || w.ordinal.is_some() || w.vague || w.after_the
                });
            return if ok { starts } else { 0 };
        }
        let w = self.t[i].word;
        if w.is_some_and(|w| w.det.is_some()) {
            let ok = numeric || next_word.is_some_and(|n| n.is_cue() || n.det.is_some() || n.number.is_some());
            if !ok {
                starts &= !(P_RELATIVE | P_SEASON | P_WEEKDAY | P_HOLIDAY | P_YEAR_PART);
            }
        }
        // A length of time has its unit within a few words ("more than three years").
        if starts & P_DURATION != 0 && !(0..=5).any(|d| self.word(i + d).is_some_and(|x| x.unit.is_some())) {
            starts &= !P_DURATION;
        }
        starts
    }

    fn longest_at(&self, i: usize, starts: u16) -> Option<Cand> {
        let parsers: [ParseFn<'a>; 16] = [
            Self::numeric_date,
            Self::month_first,
            Self::day_first,
            Self::year,
            Self::year_part,
            Self::season,
            Self::deictic,
            Self::relative,
            Self::weekday,
            Self::duration_or_offset,
            Self::set,
            Self::reference,
            Self::holiday,
            Self::clock,
            Self::part,
            Self::decade,
        ];
        let mut best: Option<(usize, Expr)> = None;
        for (bit, p) in parsers.into_iter().enumerate() {
            if starts & (1 << bit) == 0 {
                continue;
            }
            if let Some((end, e)) = p(self, i) {
                if best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, e));
                }
            }
        }
        best.map(|(end, expr)| Cand { first: i, last: end - 1, expr })
    }

    // ---- months and written dates ----

    /// A month name at `i`: (month, index after it, consuming an abbreviation's period).
    fn month(&self, i: usize, strict_context: bool) -> Option<(u32, usize)> {
        let t = self.tok(i)?;
        let w = t.word?;
        let m = w.month?;
        let mut next = i + 1;
        if w.month_abbrev {
            if !t.cap {
                return None;
            }
            if self.punct(next, '.') && self.tight(next) {
                next += 1;
            } else if self.num(next).is_none() {
                return None;
            }
        }
        if (w.ambiguous_month || strict_context) && !t.cap {
            return None;
        }
        Some((m, next))
    }

    fn day_number(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num if t.digits <= 2 && (1..=31).contains(&t.num) => Some(t.num),
            Kind::Ordinal if (1..=31).contains(&t.num) => Some(t.num),
            Kind::Word => t.word.and_then(|w| w.ordinal).filter(|&n| n <= 31 && self.is(i + 1, "of")),
            _ => None,
        }
    }

    fn year_number(&self, i: usize) -> Option<i32> {
        let (n, d) = self.num(i)?;
        (d == 4 && (1000..=2200).contains(&n) && !self.is_quantity(i)).then_some(n as i32)
    }

    /// A year at `k`, or after one of `joiners` (words, or "," for the comma) at `k`: the year
    /// and the index after it. "May 17, 2024", "the summer of 2023", "the first quarter of 1989".
    fn trailing_year(&self, k: usize, joiners: &[&str]) -> Option<(i32, usize)> {
        let joined = joiners.iter().any(|j| if *j == "," { self.punct(k, ',') } else { self.is(k, j) });
        let k = if joined { k + 1 } else { k };
        self.year_number(k).map(|y| (y, k + 1))
    }

    fn is_quantity(&self, i: usize) -> bool {
        // A number straight after a name inside a sentence labels it ("Orion 1980", "Windows
        // 2000"), unless the name is a calendar word or a preposition of a title ("In 2014").
        let named = i >= 2
            && self.t[i - 1].kind == Kind::Word
            && self.t[i - 1].cap
            && self.t[i - 1].word.is_none_or(|w| !w.is_cue() && w.det.is_none())
            && !self.word(i - 1).is_some_and(|w| w.month_preposition)
            && !self.apostrophe(i - 2);
        named
            || self.punct(i + 1, '%')
            || self.word(i + 1).is_some_and(|w| w.quantity_noun)
            || i > 0 && (self.t[i - 1].kind == Kind::Punct && matches!(self.t[i - 1].ch, '$' | '€' | '£' | '#' | '№'))
            || i > 0 && self.word(i - 1).is_some_and(|w| w.label_noun)
    }

    /// "May 17", "May 17, 2024", "Sept. 30", "June 15-16", "May 2024", "March", "May of 2023".
    fn month_first(&self, i: usize) -> Option<(usize, Expr)> {
        let (m, j) = self.month(i, false)?;
        if let Some(d) = self.day_number(j).filter(|_| self.tok(j).is_some_and(|t| t.kind != Kind::Word)) {
            let mut k = j + 1;
            // A range of days in the month, or up to a day of another month.
            let mut to: Option<Fields> = None;
            if self.dash(k)
                || self.is_any(k, &["to", "through", "until", "till"])
                || self.is(k, "and") && i > 0 && self.is(i - 1, "between")
            {
                if let Some(d2) = self.day_number(k + 1).filter(|&d2| d2 > d) {
                    to = Some(Fields { year: None, month: Some(m), day: Some(d2), weekday: None });
                    k += 2;
                } else if let Some((m2, j2)) = self.month(k + 1, false) {
                    if let Some(d2) = self.day_number(j2) {
                        to = Some(Fields { year: None, month: Some(m2), day: Some(d2), weekday: None });
                        k = j2 + 1;
                    }
                }
            }
            let mut year = None;
            if let Some((y, next)) = self.trailing_year(k, &[","]) {
                year = Some(y);
                k = next;
            }
            let from = Fields { year, month: Some(m), day: Some(d), weekday: None };
            return Some(match to {
                Some(mut t) => {
                    t.year = year;
                    (k, Expr::DateRange(from, t))
                }
                None => (k, Expr::Date(from)),
            });
        }
        // Month and year.
        if let Some((y, next)) = self.trailing_year(j, &[",", "of"]) {
            return Some((next, Expr::Date(Fields { year: Some(y), month: Some(m), day: None, weekday: None })));
        }
        // A bare month: capitalised, and for "May"/"March" only after a temporal preposition.
        let t = &self.t[i];
        if !t.cap {
            return None;
        }
        let w = t.word?;
        if w.ambiguous_month && !(i > 0 && self.word(i - 1).is_some_and(|w| w.month_preposition)) {
            return None;
        }
        if w.month_abbrev && !self.punct(i + 1, '.') {
            return None;
        }
        // "March on Washington", "May Day" are not months.
        if self.tok(j).is_some_and(|n| {
            n.cap
                && n.kind == Kind::Word
                && n.word.is_none_or(|w| w.holiday_start || w.unit.is_none() && w.month.is_none())
        }) && w.ambiguous_month
        {
            return None;
        }
        Some((j, Expr::Date(Fields { year: None, month: Some(m), day: None, weekday: None })))
    }

    /// "17 May 2024", "17th of May", "15-16 June 2024".
    fn day_first(&self, i: usize) -> Option<(usize, Expr)> {
        let d = self.day_number(i)?;
        let mut j = i + 1;
        let mut d2 = None;
        let range_word = self.dash(j)
            || self.is_any(j, &["to", "through", "until", "till"]) && i > 0 && self.is_any(i - 1, &["from", "the"])
            || self.is(j, "and") && i > 0 && self.is(i - 1, "between");
        if range_word {
            let k = if self.is(j + 1, "the") { j + 2 } else { j + 1 };
            if let Some(x) = self.day_number(k).filter(|&x| x > d) {
                d2 = Some(x);
                j = k + 1;
            }
        }
        if self.is(j, "of") {
            j += 1;
        }
        let (m, mut k) = self.month(j, false)?;
        let mut year = None;
        if let Some(y) = self.year_number(k) {
            year = Some(y);
            k += 1;
        }
        let from = Fields { year, month: Some(m), day: Some(d), weekday: None };
        Some(match d2 {
            Some(d2) => (k, Expr::DateRange(from, Fields { year, month: Some(m), day: Some(d2), weekday: None })),
            None => (k, Expr::Date(from)),
        })
    }

    /// "2024-05-17", "2024-05", "5/17/2024", "17/5/2024", "10.31.1974", "2/15" after "on".
    fn numeric_date(&self, i: usize) -> Option<(usize, Expr)> {
        let (a, da) = self.num(i)?;
        let sep = self.tok(i + 1).filter(|t| t.kind == Kind::Punct && !t.space && matches!(t.ch, '-' | '/' | '.'))?.ch;
        let (b, db) = self.num(i + 2).filter(|_| self.tight(i + 2))?;
        let third = (self.tok(i + 3).is_some_and(|t| t.kind == Kind::Punct && t.ch == sep && !t.space)
            && self.tight(i + 4))
        .then(|| self.num(i + 4))
        .flatten();
        let valid = |y: i32, m: u32, d: u32| chrono::NaiveDate::from_ymd_opt(y, m, d).is_some();
        if da == 4 && sep != '.' {
            let y = a as i32;
            if let Some((c, dc)) = third {
                if db <= 2 && dc <= 2 && valid(y, b, c) {
                    return Some((
                        i + 5,
                        Expr::Date(Fields { year: Some(y), month: Some(b), day: Some(c), weekday: None }),
                    ));
                }
                return None;
            }
            if sep == '-' && db == 2 && (1..=12).contains(&b) && (1900..=2100).contains(&a) {
                return Some((i + 3, Expr::Date(Fields { year: Some(y), month: Some(b), day: None, weekday: None })));
            }
            return None;
        }
        if da > 2 || db > 2 {
            return None;
        }
        match third {
            Some((c, dc)) if dc == 4 || dc == 2 && sep != '.' => {
                let y = if dc == 4 {
                    c as i32
                } else if c < 50 {
                    2000 + c as i32
                } else {
                    1900 + c as i32
                };
                let day_first = if sep == '.' { self.dot_day_first } else { self.slash_day_first };
                let (m, d) = if a > 12 || day_first && b <= 12 { (b, a) } else { (a, b) };
                valid(y, m, d)
                    .then(|| (i + 5, Expr::Date(Fields { year: Some(y), month: Some(m), day: Some(d), weekday: None })))
            }
            None if sep == '/' && i > 0 && self.is_any(i - 1, &["on", "since", "until", "by", "from"]) => {
                valid(2000, a, b)
                    .then(|| (i + 3, Expr::Date(Fields { year: None, month: Some(a), day: Some(b), weekday: None })))
            }
            _ => None,
        }
    }

    /// A year in words: "nineteen ninety-six", "twenty twenty", "the year two thousand".
    fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
        if self.is(i, "the") && self.is(i + 1, "year") && self.is(i + 2, "two") && self.is(i + 3, "thousand") {
            let mut k = i + 4;
            let mut y = 2000;
            if self.is(k, "and") {
                k += 1;
            }
            if let Some((e, Amount::Exact(n))) = self.amount(k).filter(|_| !self.is_any(k, &["a", "an"])) {
                if n < 100 {
                    y += n as i32;
                    k = e;
                }
            }
            return Some((k, y));
        }
        let century = if self.is(i, "nineteen") {
            1900
        } else if self.is(i, "twenty") {
            2000
        } else {
            return None;
        };
        let tens =
            self.word(i + 1)?.number.filter(|&n| (10..100).contains(&n) && n % 10 == 0 || (10..20).contains(&n))?;
        let mut y = century + tens as i32;
        let mut k = i + 2;
        if tens >= 20 {
            let kk = if self.dash(k) { k + 1 } else { k };
            if let Some(u) =
                self.word(kk).and_then(|w| w.number).filter(|&u| (1..10).contains(&u) && !self.is_any(kk, &["a", "an"]))
            {
                y += u as i32;
                k = kk + 1;
            }
        }
        Some((k, y))
    }

    /// A year: "2014", "in 1812", "fiscal 1989", "2014-2022", "2014-15".
    fn year(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some((k, y)) = self.spelled_year(i) {
            return Some((k, Expr::Date(Fields { year: Some(y), month: None, day: None, weekday: None })));
        }
        let j = if self.is_any(i, &["fiscal", "fy"]) { i + 1 } else { i };
        let (n, d) = self.num(j)?;
        if d != 4 || self.is_quantity(j) {
            return None;
        }
        let y = n as i32;
        let prev_ok = j > 0
            && self.is_any(
                j - 1,
                &[
                    "in", "since", "of", "from", "until", "by", "year", "during", "the", "before", "after", "fiscal",
                    "fy", "to", "between", "and",
                ],
            );
        if !((1900..=2100).contains(&n) || prev_ok && (1000..=2100).contains(&n)) {
            return None;
        }
        // "1990s" is a decade.
        if self.is(j + 1, "s") && self.tight(j + 1) {
            return None;
        }
        // Year ranges: 2014-2022, 2014-15.
        if self.dash(j + 1) && self.tight(j + 1) && self.tight(j + 2) {
            if let Some((m, dm)) = self.num(j + 2) {
                let y2 = match dm {
                    4 if m > n && m <= 2100 => Some(m as i32),
                    2 if (m as i32) > y % 100 => Some(y - y % 100 + m as i32),
                    _ => None,
                };
                if let Some(y2) = y2 {
                    let f = |y| Fields { year: Some(y), month: None, day: None, weekday: None };
                    return Some((j + 3, Expr::DateRange(f(y), f(y2))));
                }
                return None;
            }
        }
        Some((j + 1, Expr::Date(Fields { year: Some(y), month: None, day: None, weekday: None })))
    }

    /// "the 1990s", "1990s", "the '90s", "the 20th century".
    fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some((n, 4)) = self.num(i) {
            if n % 10 == 0 && self.is(i + 1, "s") && self.tight(i + 1) {
                return Some((i + 2, Expr::Decade(n as i32 / 10)));
            }
        }
        if self.apostrophe(i) {
            if let Some((n, 2)) = self.num(i + 1).filter(|_| self.tight(i + 1)) {
                if n % 10 == 0 && self.is(i + 2, "s") && self.tight(i + 2) {
                    let century = if n >= 30 { 190 } else { 200 };
                    return Some((i + 3, Expr::Decade(century + n as i32 / 10)));
                }
            }
        }
        // Centuries: "20th century", "the twentieth century".
        let n = match self.tok(i) {
            Some(t) if t.kind == Kind::Ordinal => Some(t.num),
            Some(t) => t.word.and_then(|w| w.ordinal),
            None => None,
        }?;
        if self.is_any(i + 1, &["century"]) && (1..=22).contains(&n) {
            return Some((i + 2, Expr::Century(n as i32 - 1)));
        }
        None
    }

    /// "the third quarter", "third-quarter", "Q3 2024", "the first half of 2023", "this year's
    /// third quarter", "the 1988 second quarter", "the quarter", "the latest quarter", "the
    /// year-ago quarter", "the current quarter", "the 1988 period".
    fn year_part(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut year: Option<YearRef> = None;
        let mut the = false;
        // "this year's", "last year's"
        if let Some(d) = self.word(j).and_then(|w| w.det) {
            if self.is(j + 1, "year") && self.apostrophe(j + 2) && self.is(j + 3, "s") {
                let k = match d {
                    Det::Last | Det::Past | Det::Previous => -1,
                    Det::Next | Det::Following => 1,
                    _ => 0,
                };
                year = Some(YearRef::FromPublication(k));
                j += 4;
            }
        }
        if year.is_none() && self.is(j, "the") {
            the = true;
            j += 1;
        }
        // "the 1988 third quarter", "the 1988 period"
        if the {
            if let Some(y) = self.year_number(j) {
                year = Some(YearRef::Written(y));
                j += 1;
            }
        }
        if self.is(j, "fiscal") {
            j += 1;
        }
        // Q3
        if self.is(j, "q") && self.tight(j + 1) {
            if let Some((q @ 1..=4, 1)) = self.num(j + 1) {
                let mut k = j + 2;
                if let Some(y) = self.year_number(k) {
                    year = Some(YearRef::Written(y));
                    k += 1;
                }
                return Some((k, Expr::YearPart { per_year: 4, n: q as u8, year }));
            }
            return None;
        }
        let ord = match self.tok(j) {
            Some(t) if t.kind == Kind::Ordinal => Some(t.num),
            Some(_) if (the || year.is_some()) && self.is_any(j, &["last", "final"]) => Some(u32::MAX),
            Some(t) => t.word.and_then(|w| w.ordinal),
            None => None,
        };
        if let Some(n) = ord {
            let mut k = j + 1;
            if self.dash(k) {
                k += 1;
            }
            if self.is(k, "fiscal") {
                k += 1;
            }
            let per_year = if self.word(k).is_some_and(|w| w.unit == Some(Unit::Quarter) && !w.plural) {
                4
            } else if self.is(k, "half") {
                2
            } else {
                return None;
            };
            // "final quarter", "the last half" are the last ones.
            let n = if n == u32::MAX || self.is(j, "final") { per_year as u32 } else { n };
            if !(1..=per_year as u32).contains(&n) {
                return None;
            }
            k += 1;
            let of = if self.is_any(k, &["of", "in"]) && self.is(k + 1, "fiscal") { k + 1 } else { k };
            if let Some((y, next)) = self.trailing_year(of, &["of", "in", "fiscal"]) {
                year = Some(YearRef::Written(y));
                k = next;
            }
            return Some((k, Expr::YearPart { per_year, n: n as u8, year }));
        }
        if !the {
            return None;
        }
        // The quarter in focus.
        let mut k = j;
        let mut years_back = 0;
        let mut current = false;
        let mut latest = false;
        let mut qualified = year.is_some();
        if self.is_any(k, &["latest", "recent", "most", "comparable", "corresponding", "same", "current"]) {
            current = self.is(k, "current");
            latest = self.is_any(k, &["latest", "recent", "most"]);
            if self.is(k, "most") {
                k += 1;
            }
            k += 1;
            qualified = true;
        }
        if self.is(k, "year") && self.dash(k + 1) && self.is_any(k + 2, &["ago", "earlier"]) {
            years_back = 1;
            k += 3;
            qualified = true;
        }
        if self.is(k, "fiscal") {
            k += 1;
        }
        let period = self.is(k, "period") && qualified && !current;
        if self.word(k).is_some_and(|w| w.unit == Some(Unit::Quarter) && !w.plural) || period {
            return Some((k + 1, Expr::ContextQuarter { years_back, year, current, latest }));
        }
        None
    }

    /// "summer", "this summer", "last winter", "summer 2023", "the summer of 2023".
    fn season(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut det = None;
        if let Some(d) = self.word(j).and_then(|w| w.det) {
            det = Some(d);
            j += 1;
        }
        let s = self.word(j)?.season?;
        // "fall" the verb: only a season after a determiner or before a year.
        let (year, k) = match self.trailing_year(j + 1, &["of"]) {
            Some((y, next)) => (Some(y), next),
            None => (None, j + 1),
        };
        if self.is(j, "fall") && det.is_none() && year.is_none() {
            return None;
        }
        if det.is_none()
            && year.is_none()
            && !(j > 0
                && self.is_any(j - 1, &["in", "the", "this", "during", "until", "since", "by", "early", "late", "mid"]))
        {
            return None;
        }
        Some((k, Expr::Season { season: s, year, det }))
    }

    /// "today", "yesterday", "tomorrow", "tonight", "yesterday morning", "the day after
    /// tomorrow", "the day before yesterday".
    fn deictic(&self, i: usize) -> Option<(usize, Expr)> {
        let j = if self.is(i, "the") { i + 1 } else { i };
        if self.is(j, "day") && self.is_any(j + 1, &["after", "before"]) {
            let base = self.word(j + 2)?.deictic.filter(|&d| d != 0)?;
            let days = base + if self.is(j + 1, "after") { 1 } else { -1 };
            return (days.abs() == 2).then_some((j + 3, Expr::Deictic { days, part: None }));
        }
        let days = self.word(i)?.deictic?;
        let mut part = if self.is(i, "tonight") { Some(PartOfDay::Night) } else { None };
        let mut k = i + 1;
        if part.is_none() {
            if let Some(p) = self.word(k).and_then(|w| w.part_of_day) {
                if !self.is(k, "overnight") {
                    part = Some(p);
                    k += 1;
                }
            }
        }
        Some((k, Expr::Deictic { days, part }))
    }

    /// "last week", "this year", "next month", "the next day", "that same day", "last April",
    /// "this morning", "last night", "the past year".
    fn relative(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let the = self.is(j, "the");
        if the {
            j += 1;
        }
        if the && self.is(j, "weekend") {
            return Some((j + 1, Expr::Weekend));
        }
        // "the week": the one in focus; "the full year", "the fiscal year": this one.
        if the && self.is(j, "week") {
            return Some((j + 1, Expr::Relative { det: Det::Same, unit: Unit::Week, the: true }));
        }
        // "for the year", "in the year ended Sept. 30": the year the story reports on.
        // "the year ended Sept. 30" is a fiscal year: a length of time ending then.
        if the
            && self.is(j, "year")
            && i > 0
            && self.is_any(i - 1, &["for", "in", "during", "through", "throughout", "of"])
            && !self.dash(j + 1)
        {
            if self.is_any(j + 1, &["ended", "ending", "to"]) {
                return Some((
                    j + 1,
                    Expr::Duration {
                        duration: Duration { amount: Amount::Exact(1), unit: Unit::Year },
                        modifier: None,
                    },
                ));
            }
            return Some((j + 1, Expr::Relative { det: Det::Same, unit: Unit::Year, the: true }));
        }
        if the && self.is_any(j, &["full", "fiscal"]) && self.is(j + 1, "year") {
            return Some((j + 2, Expr::Relative { det: Det::This, unit: Unit::Year, the: false }));
        }
        let mut det = self.word(j)?.det?;
        if the && det == Det::This && self.is(j, "current") {
            // "the current year": this one, counted from publication.
            let k = if self.is(j + 1, "fiscal") { j + 2 } else { j + 1 };
            let unit =
                self.word(k).and_then(|w| w.unit).filter(|u| matches!(u, Unit::Week | Unit::Month | Unit::Year))?;
            return Some((k + 1, Expr::Relative { det, unit, the: false }));
        }
        if the && matches!(det, Det::This | Det::That) {
            return None;
        }
        if !the && det == Det::Past && !self.word(j + 1).is_some_and(|w| w.unit.is_some() && !w.plural) {
            return None;
        }
        j += 1;
        if det == Det::That && self.is(j, "same") {
            det = Det::Same;
            j += 1;
        }
        let w = self.word(j)?;
        // "This Week With David Brinkley" is a title.
        if !the
            && self.t[i].cap
            && self.t[j].cap
            && i > 0
            && self.tok(j + 1).is_some_and(|n| n.cap && n.kind == Kind::Word)
        {
            return None;
        }
        if let Some(unit) = w.unit {
            if w.plural || unit == Unit::Night && !the {
                if unit == Unit::Night && matches!(det, Det::Last | Det::This) {
                    return Some((j + 1, Expr::RelativePart { det, part: PartOfDay::Night }));
                }
                return None;
            }
            if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) {
                return None;
            }
            // "the past year" is a length of time; "past week" without "the" is last week.
            if !the && det == Det::Past {
                return Some((j + 1, Expr::Relative { det: Det::Last, unit, the }));
            }
            if the && matches!(det, Det::Past | Det::Last) {
                return Some((
                    j + 1,
                    Expr::Duration { duration: Duration { amount: Amount::Exact(1), unit }, modifier: None },
                ));
            }
            if det == Det::Latest {
                return None;
            }
            // "the day before", "the week after".
            return Some((j + 1, Expr::Relative { det, unit, the }));
        }
        if let Some(part) = w.part_of_day {
            if !the && matches!(det, Det::This | Det::Last) {
                return Some((j + 1, Expr::RelativePart { det, part }));
            }
            return None;
        }
        if let Some((m, k)) = self.month(j, false) {
            if !the && matches!(det, Det::Last | Det::Next | Det::This | Det::Past) && self.day_number(k).is_none() {
                return Some((k, Expr::RelativeMonth { det, month: m }));
            }
        }
        None
    }

    /// "Friday", "on Monday", "last Friday", "Saturday night", "earlier Saturday",
    /// "Sunday, March 3", never "Sunday Times".
    fn weekday(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut det = None;
        let mut lean = None;
        if let Some(d) = self
            .word(j)
            .and_then(|w| w.det)
            .filter(|d| matches!(d, Det::Last | Det::Next | Det::This | Det::Past | Det::Previous))
        {
            det = Some(d);
            j += 1;
        } else if self.is(j, "earlier") {
            lean = Some(Lean::Earlier);
            j += 1;
        } else if self.is(j, "later") {
            lean = Some(Lean::Later);
            j += 1;
        }
        let t = self.tok(j)?;
        let w = t.word?;
        let wd = w.weekday?;
        let text = &self.text[t.start..t.end];
        let plural = text.ends_with('s')
            && text.len() > 6
            && !text.eq_ignore_ascii_case("tues")
            && !text.eq_ignore_ascii_case("thurs");
        let dated = |k: usize| self.punct(k, ',') && self.word(k + 1).is_some_and(|w| w.month.is_some());
        if w.weekday_abbrev && !(t.cap && (self.punct(j + 1, '.') && self.tight(j + 1) || dated(j + 1))) {
            return None;
        }
        let mut k = j + 1;
        if w.weekday_abbrev && self.punct(k, '.') {
            k += 1;
        }
        // "Sunday Times", "Saturday Night Live", "Good Friday" (a holiday, read elsewhere).
        if let Some(n) = self.tok(k) {
            if n.cap && n.kind == Kind::Word && n.word.is_some_and(|w| w.name_head) {
                return None;
            }
        }
        if plural {
            if det.is_some() {
                return None;
            }
            return Some((k, Expr::Set(SetValue::Weekday(wd))));
        }
        // "Sunday, March 3, 2024": the written date decides.
        let mut kk = k;
        if self.punct(kk, ',') {
            kk += 1;
        }
        if self.word(kk).is_some_and(|w| w.month.is_some()) {
            if let Some((end, Expr::Date(mut f @ Fields { day: Some(_), .. }))) = self.month_first(kk) {
                f.weekday = Some(wd);
                return Some((end, Expr::Date(f)));
            }
        }
        let mut part = None;
        if let Some(p) = self.word(k).and_then(|w| w.part_of_day) {
            if !self.is(k, "overnight") {
                part = Some(p);
                k += 1;
            }
        }
        // "Wednesday of next week", "Sunday of last week", "Monday this week".
        if det.is_none() && lean.is_none() && part.is_none() {
            let kk = if self.is_any(k, &["of", "from"]) { k + 1 } else { k };
            if let Some((end, Expr::Relative { det: wdet, unit: Unit::Week, the: false })) = self.relative(kk) {
                return Some((end, Expr::WeekdayOfWeek { weekday: wd, det: wdet }));
            }
        }
        let day = Expr::Weekday { det, weekday: wd, part, lean };
        // "Monday at 10 a.m."
        if part.is_none() && self.is(k, "at") {
            if let Some((end, Expr::Clock { hour, minute, day: None })) = self.clock(k + 1) {
                return Some((end, Expr::Clock { hour, minute, day: Some(Box::new(day)) }));
            }
        }
        Some((k, day))
    }

    /// How many: "three", "30", "twenty-four", "a", "a few", "several", "a couple of".
    fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.tok(i)?;
        // Part of a fraction ("1/4 hour") or a score ("3-1"): not a count of units.
        let fraction = |k: usize| self.tok(k).is_some_and(|x| x.kind == Kind::Punct && x.ch == '/');
        if t.kind == Kind::Num && (i > 0 && fraction(i - 1) && !t.space || fraction(i + 1) && self.tight(i + 1)) {
            return None;
        }
        match t.kind {
            Kind::Num if t.digits <= 3 && t.num > 0 => return Some((i + 1, Amount::Exact(t.num))),
            Kind::Amount => {
                let s = &self.text[t.start..t.end];
                if let Some((a, b)) = s.split_once('.') {
                    if b.len() == 1 {
                        if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
                            return Some((i + 1, Amount::Tenths(a * 10 + b)));
                        }
                    }
                }
                return None;
            }
            Kind::Word => {}
            _ => return None,
        }
        let w = t.word?;
        if self.is_any(i, &["a", "an"]) {
            if self.is(i + 1, "few") {
                return Some((i + 2, Amount::Unknown));
            }
            if self.is(i + 1, "couple") {
                let k = if self.is(i + 2, "of") { i + 3 } else { i + 2 };
                return Some((k, Amount::Exact(2)));
            }
            if self.is(i + 1, "number") && self.is(i + 2, "of") {
                return Some((i + 3, Amount::Unknown));
            }
            if self.is(i + 1, "dozen") {
                return Some((i + 2, Amount::Exact(12)));
            }
            if self.is(i + 1, "half") {
                return Some((i + 2, Amount::Tenths(5)));
            }
            return Some((i + 1, Amount::Exact(1)));
        }
        if w.vague {
            if self.is(i, "number") || self.is(i, "couple") {
                return None;
            }
            return Some((i + 1, Amount::Unknown));
        }
        let mut n = w.number?;
        if self.is(i, "both") || self.is(i, "single") {
            return None;
        }
        let mut k = i + 1;
        // twenty-four, twenty four
        if n >= 20 && n % 10 == 0 && n < 100 {
            let kk = if self.dash(k) { k + 1 } else { k };
            if let Some(u) =
                self.word(kk).and_then(|w| w.number).filter(|&u| (1..10).contains(&u) && !self.is_any(kk, &["a", "an"]))
            {
                n += u;
                k = kk + 1;
            }
        }
        if self.is(k, "hundred") {
            n *= 100;
            k += 1;
        }
        if self.is(k, "and") && self.is(k + 1, "a") && self.is(k + 2, "half") {
            return Some((k + 3, Amount::Tenths(n * 10 + 5)));
        }
        Some((k, Amount::Exact(n)))
    }

    /// Lengths of time and offsets from the anchor: "three years", "30-hour", "more than three
    /// years", "the past three months", "two days ago", "a year earlier", "a few days later",
    /// "year-earlier", "for years".
    fn duration_or_offset(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut modifier = None;
        // Leading qualifiers.
        if self.is_any(j, &["more", "less", "fewer"]) && self.is(j + 1, "than") {
            modifier = Some(if self.is(j, "more") { Modifier::MoreThan } else { Modifier::LessThan });
            j += 2;
        } else if self.is(j, "at") && self.is_any(j + 1, &["least", "most"]) {
            modifier = Some(if self.is(j + 1, "least") { Modifier::EqualOrMore } else { Modifier::EqualOrLess });
            j += 2;
        } else if self.is(j, "up") && self.is(j + 1, "to") {
            modifier = Some(Modifier::EqualOrLess);
            j += 2;
        } else if self
            .is_any(j, &["about", "around", "approximately", "roughly", "some", "nearly", "almost", "over", "under"])
            && self.amount(j + 1).is_some()
        {
            modifier = Some(match () {
                _ if self.is_any(j, &["nearly", "almost", "under"]) => Modifier::LessThan,
                _ if self.is(j, "over") => Modifier::MoreThan,
                _ => Modifier::Approx,
            });
            j += 1;
        }
        // "the past three months", "the first nine months", "the next two weeks".
        let mut the_span = false;
        if self.is(j, "the") {
            let mut k = j + 1;
            if self.word(k).and_then(|w| w.det).is_some() || self.is_any(k, &["first", "last", "final", "initial"]) {
                k += 1;
            }
            if self.amount(k).is_some_and(|(_, a)| !matches!(a, Amount::Exact(1)) || !self.is_any(k, &["a", "an"])) {
                j = k;
                the_span = true;
            }
        }
        // "year-earlier", "year-ago" adjectives.
        if self.is(j, "year") && self.dash(j + 1) && self.tight(j + 1) && self.is_any(j + 2, &["earlier", "ago"]) {
            if self.is_any(j + 3, &["quarter", "period"]) {
                return None; // read as a context quarter
            }
            return Some((
                j + 3,
                Expr::Offset { amount: Amount::Exact(1), unit: Unit::Year, sign: -1, narrative: true },
            ));
        }
        let (k, amount) = match self.amount(j) {
            Some(x) => x,
            None => {
                // A bare plural unit after "for", "over", "in recent": "for years", "decades".
                let w = self.word(j)?;
                let unit = w.unit?;
                if !w.plural || j == 0 || !self.is_any(j - 1, &["for", "over", "within"]) || modifier.is_some() {
                    return None;
                }
                if self.is(j + 1, "ago") {
                    return Some((j + 2, Expr::Ref(Reference::Past)));
                }
                return Some((
                    j + 1,
                    Expr::Duration { duration: Duration { amount: Amount::Unknown, unit }, modifier: None },
                ));
            }
        };
        let hyphen = self.dash(k) && self.tight(k) && self.tight(k + 1);
        let u = if hyphen { k + 1 } else { k };
        let w = self.word(u)?;
        let unit = w.unit?;
        let one = matches!(amount, Amount::Exact(1)) || matches!(amount, Amount::Tenths(5));
        if hyphen {
            if w.plural {
                return None;
            }
        } else if one && w.plural && !self.is_any(j, &["one"]) {
            return None;
        }
        // A number written with digits before a singular unit without hyphen ("5 year") is fine;
        // a bare "a"/"an" needs a singular unit and must not be an article before a noun
        // phrase such as "a day when": accept, the unit alone carries the meaning.
        let mut end = u + 1;
        // "a minute and a half", "two years and a half"
        let amount = match amount {
            Amount::Exact(n)
                if self.is(end, "and") && self.is_any(end + 1, &["a", "one"]) && self.is(end + 2, "half") =>
            {
                end += 3;
                Amount::Tenths(n * 10 + 5)
            }
            a => a,
        };
        // Ages ("52 years old", "a 136-year-old bank") are not times.
        if self.is(end, "old") || self.dash(end) && self.is(end + 1, "old") {
            return None;
        }
        // "a year-earlier loss": the adjective, an offset.
        if unit == Unit::Year && one && self.dash(end) && self.tight(end) && self.is_any(end + 1, &["earlier", "ago"]) {
            return Some((end + 2, Expr::Offset { amount: Amount::Exact(1), unit, sign: -1, narrative: true }));
        }
        // "twice a week", "$5 a year": a frequency.
        if self.is_any(j, &["a", "per"])
            && !w.plural
            && j > 0
            && (self.is_any(j - 1, &["once", "twice", "times", "percent"])
                || self.t[j - 1].kind == Kind::Num
                || self.t[j - 1].kind == Kind::Amount
                || self.punct(j - 1, '%'))
        {
            return Some((end, Expr::Set(SetValue::Every(Duration { amount: Amount::Exact(1), unit }))));
        }
        if !hyphen && !the_span {
            // Offsets.
            if self.is(end, "ago") {
                return Some((end + 1, Expr::Offset { amount, unit, sign: -1, narrative: false }));
            }
            if self.is_any(end, &["earlier", "previously"])
                || self.is_any(end, &["before", "prior"]) && self.ends_phrase(end + 1)
            {
                return Some((end + 1, Expr::Offset { amount, unit, sign: -1, narrative: true }));
            }
            if self.is_any(end, &["later", "afterwards", "afterward"])
                || self.is(end, "after") && self.ends_phrase(end + 1)
            {
                return Some((end + 1, Expr::Offset { amount, unit, sign: 1, narrative: true }));
            }
            if self.is(end, "from") && self.is_any(end + 1, &["now", "today"]) {
                return Some((end + 2, Expr::Offset { amount, unit, sign: 1, narrative: false }));
            }
        }
        Some((end, Expr::Duration { duration: Duration { amount, unit }, modifier }))
    }

    /// Nothing follows that the previous word could govern ("two days before." vs "two days
    /// before the vote").
    fn ends_phrase(&self, i: usize) -> bool {
        match self.tok(i) {
            None => true,
            Some(t) => {
                t.kind == Kind::Punct
                    || self.is_any(i, &["and", "but", "when", "that", "he", "she", "they", "it", "we"])
            }
        }
    }

    /// "every Monday", "each year", "every two weeks", "daily", "nightly", "annually".
    fn set(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        let w = t.word?;
        if let Some((n, unit, attributive)) = w.set {
            if t.cap && i > 0 {
                return None; // "Daily Mail"
            }
            // An adjective before its noun ("a quarterly dividend", "the annual meeting")
            // names a kind of thing, unless the lexicon says the word stays a recurrence.
            if !attributive
                && self.tok(i + 1).is_some_and(|n| n.kind == Kind::Word)
                && !self.is_any(
                    i + 1,
                    &[
                        "and", "or", "but", "in", "on", "at", "for", "by", "from", "with", "to", "since", "until",
                        "through",
                    ],
                )
            {
                return None;
            }
            return Some((i + 1, Expr::Set(SetValue::Every(Duration { amount: Amount::Exact(n), unit }))));
        }
        if !self.is_any(i, &["every", "each"]) {
            return None;
        }
        let mut j = i + 1;
        if self.is(j, "other") {
            j += 1;
        }
        if let Some(wd) = self.word(j).and_then(|w| w.weekday) {
            return Some((j + 1, Expr::Set(SetValue::Weekday(wd))));
        }
        if let Some(p) = self.word(j).and_then(|w| w.part_of_day) {
            return Some((j + 1, Expr::Set(SetValue::PartOfDay(p))));
        }
        if let Some(m) = self.word(j).and_then(|w| w.month).filter(|_| self.tok(j).is_some_and(|t| t.cap)) {
            return Some((j + 1, Expr::Set(SetValue::Month(m))));
        }
        if let Some(unit) = self.word(j).and_then(|w| w.unit).filter(|_| !self.word(j).is_some_and(|w| w.plural)) {
            let n = if self.is(i + 1, "other") { 2 } else { 1 };
            return Some((j + 1, Expr::Set(SetValue::Every(Duration { amount: Amount::Exact(n), unit }))));
        }
        if let Some((k, amount)) = self.amount(j) {
            if let Some(unit) = self.word(k).and_then(|w| w.unit) {
                return Some((k + 1, Expr::Set(SetValue::Every(Duration { amount, unit }))));
            }
        }
        None
    }

    /// "now", "currently", "recently", "the past", "the future", "recent years".
    fn reference(&self, i: usize) -> Option<(usize, Expr)> {
        if self.is(i, "the") {
            if self.is(i + 1, "past")
                && !self.word(i + 2).is_some_and(|w| w.unit.is_some() || w.number.is_some() || w.vague)
                && self.tok(i + 2).is_none_or(|t| t.kind != Kind::Num)
            {
                return Some((i + 2, Expr::Ref(Reference::Past)));
            }
            if self.is(i + 1, "future") || self.is(i + 1, "near") && self.is(i + 2, "future") {
                let e = if self.is(i + 1, "near") { i + 3 } else { i + 2 };
                return Some((e, Expr::Ref(Reference::Future)));
            }
            if self.is(i + 1, "present") && self.ends_phrase(i + 2) {
                return Some((i + 2, Expr::Ref(Reference::Present)));
            }
            return None;
        }
        if self.is(i, "these") && self.is(i + 1, "days") {
            return Some((i + 2, Expr::Ref(Reference::Present)));
        }
        if self.is(i, "at") && self.is(i + 1, "present") {
            return Some((i + 2, Expr::Ref(Reference::Present)));
        }
        let t = self.tok(i)?;
        let r = t.word?.reference?;
        if self.is_any(i, &["past", "future"]) {
            return None;
        }
        // "recent years", "recent months".
        if self.is(i, "recent") && self.word(i + 1).is_some_and(|w| w.unit.is_some() && w.plural) {
            return Some((i + 2, Expr::Ref(Reference::Past)));
        }
        Some((i + 1, Expr::Ref(r)))
    }

    /// "Easter", "Orthodox Easter", "Christmas Eve", "New Year's Day", "last Christmas",
    /// "Easter 2025".
    fn holiday(&self, i: usize) -> Option<(usize, Expr)> {
        let mut j = i;
        let mut det = None;
        if let Some(d) = self.word(j).and_then(|w| w.det).filter(|d| matches!(d, Det::Last | Det::Next | Det::This)) {
            det = Some(d);
            j += 1;
        }
        let t = self.tok(j)?;
        if !t.word?.holiday_start || !t.cap {
            return None;
        }
        'outer: for (index, h) in self.lex.holidays.iter().enumerate() {
            let mut k = j;
            for (n, w) in h.words.iter().enumerate() {
                if n > 0 && w == "s" && self.apostrophe(k) {
                    k += 1;
                }
                if !self.is(k, w) {
                    continue 'outer;
                }
                k += 1;
            }
            // "Victory Day parade" is still the day; but "Easter Island" is not.
            if self.tok(k).is_some_and(|n| {
                n.cap && n.kind == Kind::Word && n.word.is_none() && !self.is_any(k, &["truce", "ceasefire"])
            }) && h.words.len() == 1
            {
                continue;
            }
            let mut year = None;
            if let Some(y) = self.year_number(k) {
                year = Some(y);
                k += 1;
            }
            return Some((k, Expr::Holiday { index, year, det }));
        }
        None
    }

    /// "10 a.m.", "4:30 p.m.", "10am", "noon", "midnight", "at 14:30".
    fn clock(&self, i: usize) -> Option<(usize, Expr)> {
        let (end, hour, minute) = self.clock_time(i)?;
        // "noon Thursday", "10 a.m. on Monday", "8 p.m. yesterday"
        let k = if self.is(end, "on") { end + 1 } else { end };
        for p in [Self::weekday as ParseFn<'a>, Self::deictic, Self::month_first] {
            if let Some((e, day)) = p(self, k) {
                if matches!(
                    day,
                    Expr::Weekday { part: None, .. }
                        | Expr::Deictic { part: None, .. }
                        | Expr::Date(Fields { day: Some(_), .. })
                ) {
                    return Some((e, Expr::Clock { hour, minute, day: Some(Box::new(day)) }));
                }
            }
        }
        Some((end, Expr::Clock { hour, minute, day: None }))
    }

    fn clock_time(&self, i: usize) -> Option<(usize, u32, u32)> {
        if self.is(i, "noon") || self.is(i, "midday") {
            return Some((i + 1, 12, 0));
        }
        if self.is(i, "midnight") {
            return Some((i + 1, 0, 0));
        }
        let (h, dh) = self.num(i)?;
        if dh > 2 || h > 23 {
            return None;
        }
        let mut k = i + 1;
        let mut minute = 0;
        let mut colon = false;
        if self.punct(k, ':') && self.tight(k) && self.tight(k + 1) {
            let (m, dm) = self.num(k + 1)?;
            if dm != 2 || m > 59 {
                return None;
            }
            minute = m;
            colon = true;
            k += 2;
        }
        // a.m. / p.m. / am / pm
        let mut pm = None;
        if self.is_any(k, &["am", "pm"]) {
            pm = Some(self.is(k, "pm"));
            k += 1;
        } else if self.is_any(k, &["a", "p"])
            && self.punct(k + 1, '.')
            && self.is(k + 2, "m")
            && self.tight(k + 1)
            && self.tight(k + 2)
        {
            pm = Some(self.is(k, "p"));
            k += 3;
            if self.punct(k, '.') && self.tight(k) {
                k += 1;
            }
        } else if self.is(k, "o") && self.apostrophe(k + 1) && self.is(k + 2, "clock") {
            k += 3;
            pm = Some(false);
        }
        let hour = match pm {
            Some(true) if h <= 12 => {
                if h == 12 {
                    12
                } else {
                    h + 12
                }
            }
            Some(false) if h <= 12 => {
                if h == 12 && !self.is(k - 1, "clock") {
                    0
                } else {
                    h
                }
            }
            None if colon && i > 0 && self.is_any(i - 1, &["at", "by", "until", "from"]) => h,
            _ => return None,
        };
        // Time zones: "EST", "GMT", "local time".
        if self.tok(k).is_some_and(|t| {
            t.kind == Kind::Word
                && t.cap
                && (t.end - t.start) <= 4
                && self.text[t.start..t.end].chars().all(|c| c.is_ascii_uppercase())
        }) {
            k += 1;
        } else if self.is(k, "local") && self.is(k + 1, "time") {
            k += 2;
        }
        Some((k, hour, minute))
    }

    /// Parts of spans: "mid-June", "early 2024", "late last year", "the end of last week",
    /// "earlier this month", "the beginning of March", "late yesterday".
    fn part(&self, i: usize) -> Option<(usize, Expr)> {
        // "year-end", "year end": the end of this year.
        if self.is(i, "year") && (self.dash(i + 1) && self.is(i + 2, "end") || self.is(i + 1, "end")) {
            let k = if self.is(i + 1, "end") { i + 2 } else { i + 3 };
            let inner = Expr::Relative { det: Det::This, unit: Unit::Year, the: false };
            return Some((k, Expr::Part { part: Part::End, inner: Box::new(inner) }));
        }
        let mut j = i;
        let part;
        if self.is(j, "the") {
            j += 1;
            part = self.word(j)?.part?;
            if !matches!(part, Part::Start | Part::Mid | Part::End) || self.is_any(j, &["early", "late", "mid"]) {
                return None;
            }
            j += 1;
            if !self.is(j, "of") {
                return None;
            }
            j += 1;
        } else if self.is_any(j, &["earlier", "later"]) && self.is(j + 1, "this") {
            part = if self.is(j, "earlier") { Part::Start } else { Part::End };
            j += 1;
        } else {
            let w = self.word(j)?;
            part = w.part?;
            if !self.is_any(j, &["early", "mid", "late", "end"]) {
                return None;
            }
            j += 1;
            if self.is(j - 1, "end") && !(self.dash(j) || self.is(j, "of")) {
                return None;
            }
            if self.dash(j) && self.tight(j) || self.is(j, "of") && self.is(j - 1, "end") {
                j += 1;
            }
        }
        let inner_parsers: [ParseFn<'a>; 7] = [
            Self::month_first_lenient,
            Self::year,
            Self::decade,
            Self::season,
            Self::relative,
            Self::deictic,
            Self::weekday,
        ];
        let mut best: Option<(usize, Expr)> = None;
        for p in inner_parsers {
            if let Some((end, e)) = p(self, j) {
                if matches!(e, Expr::Duration { .. }) {
                    continue;
                }
                if best.as_ref().is_none_or(|(b, _)| end > *b) {
                    best = Some((end, e));
                }
            }
        }
        let (end, inner) = best?;
        Some((end, Expr::Part { part, inner: Box::new(inner) }))
    }

    /// A month after "mid-", "early", "late": "May" is then a month.
    fn month_first_lenient(&self, i: usize) -> Option<(usize, Expr)> {
        let t = self.tok(i)?;
        if t.word.is_some_and(|w| w.month.is_some()) && t.cap {
            if let Some(r) = self.month_first(i) {
                return Some(r);
            }
            let (m, j) = self.month(i, false)?;
            let mut k = j;
            let mut year = None;
            if let Some(y) = self.year_number(k) {
                year = Some(y);
                k += 1;
            }
            return Some((k, Expr::Date(Fields { year, month: Some(m), day: None, weekday: None })));
        }
        None
    }

    /// Joins "May 3 to May 5", "from 2014 to 2022", "between May and June 2024", "May-June":
    /// one pass over the sentence's candidates, compacting in place.
    fn join_ranges(&self, out: &mut Vec<Cand>, base: usize) {
        let mut w = base; // next slot to write
        let mut r = base; // next candidate to read
        while r < out.len() {
            let cur = out[r].clone();
            r += 1;
            if w > base {
                let prev = &out[w - 1];
                if let Some(joined) = self.join(prev, &cur) {
                    out[w - 1] = joined;
                    continue;
                }
            }
            out[w] = cur;
            w += 1;
        }
        out.truncate(w);
    }

    /// Two written dates with only a range word between them, of the same shape.
    fn join(&self, a: &Cand, b: &Cand) -> Option<Cand> {
        let gap = b.first.checked_sub(a.last + 1)?;
        let joiner = gap == 1
            && (self.dash(a.last + 1)
                || self.is_any(a.last + 1, &["to", "through", "until", "till"])
                || self.is(a.last + 1, "and") && a.first > 0 && self.is(a.first - 1, "between"));
        match (joiner, &a.expr, &b.expr) {
            (true, Expr::Date(fa), Expr::Date(fb))
                if fa.day.is_some() == fb.day.is_some() && fa.month.is_some() == fb.month.is_some() && fa != fb =>
            {
                let mut fa = *fa;
                if fa.year.is_none() {
                    fa.year = fb.year;
                }
                Some(Cand { first: a.first, last: b.last, expr: Expr::DateRange(fa, *fb) })
            }
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn exprs(s: &str) -> Vec<(String, Expr)> {
        let lex = Lexicon::get();
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), lex, false, &mut toks);
        let p = Parser { text: s, t: &toks, lex, slash_day_first: false, dot_day_first: true };
        let mut out = Vec::new();
        p.candidates(&mut out);
        out.into_iter().map(|c| (s[toks[c.first].start..toks[c.last].end].to_string(), c.expr)).collect()
    }

    fn texts(s: &str) -> Vec<String> {
        exprs(s).into_iter().map(|(t, _)| t).collect()
    }

    #[test]
    fn tokens_keep_offsets_and_kinds() {
        let s = "On 17th May, 2,000 troops… 3.5";
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), Lexicon::get(), false, &mut toks);
        let kinds: Vec<Kind> = toks.iter().map(|t| t.kind).collect();
        assert_eq!(
            kinds,
            [Kind::Word, Kind::Ordinal, Kind::Word, Kind::Punct, Kind::Amount, Kind::Word, Kind::Punct, Kind::Amount]
        );
        assert_eq!(&s[toks[4].start..toks[4].end], "2,000");
    }

    #[test]
    fn month_day_forms() {
        assert_eq!(texts("held on June 15-16 in Switzerland"), ["June 15-16"]);
        assert_eq!(texts("on May 17, Putin said"), ["May 17"]);
        assert_eq!(texts("Sept. 30, 1989 was"), ["Sept. 30, 1989"]);
        assert_eq!(texts("from May 3 to May 5"), ["May 3 to May 5"]);
        assert_eq!(texts("the 17th of May 2024"), ["17th of May 2024"]);
    }

    #[test]
    fn may_and_march_the_words_are_not_months() {
        assert!(texts("We may see talks. They march on.").is_empty());
        assert_eq!(texts("He was elected in March."), ["March"]);
        assert!(texts("The Sunday Times reported").is_empty());
    }

    #[test]
    fn numbers_that_are_not_years() {
        assert!(texts("It cost $2014 and 1,991 people, 1500 troops").is_empty());
        assert_eq!(texts("Ukraine's 1991 borders"), ["1991"]);
    }

    #[test]
    fn durations_and_offsets() {
        assert!(matches!(exprs("a 30-hour truce")[0].1, Expr::Duration { .. }));
        assert!(matches!(
            exprs("more than three years")[0].1,
            Expr::Duration { modifier: Some(Modifier::MoreThan), .. }
        ));
        assert!(matches!(exprs("three days ago")[0].1, Expr::Offset { sign: -1, narrative: false, .. }));
        assert!(matches!(
            exprs("A few days earlier, he left")[0].1,
            Expr::Offset { amount: Amount::Unknown, narrative: true, .. }
        ));
    }
}
