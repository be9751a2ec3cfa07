//! Finding temporal expressions: one pass over a story line that cuts it into tokens, splits
//! sentences, skips those with no temporal cue, and runs the candidate parsers on the rest.
//!
//! Parsers are small functions, each named for the form it reads (`month_day`, `duration`,
//! `weekday`, ...); the longest candidate at a position wins, then refiners join ranges
//! ("from May 3 to May 5", "2014-2022"). A candidate carries an unresolved [`Expr`]; the
//! resolver turns it into a value.
//!
//! - `tokens`: tokens, sentences and the cheap test for a temporal cue;
//! - `calendar`: written and numeric dates, years, decades, parts of a year, seasons;
//! - `relative`: "today", "last week", weekdays, "the same day", holidays;
//! - `amounts`: amounts, durations and offsets, sets ("every week"), clock times, parts of a day.

mod amounts;
mod calendar;
mod eras;
mod relative;
mod tokens;

use super::lexicon::{Det, Lexicon, Part, Word};
use super::values::{Amount, Duration, Modifier, PartOfDay, Reference, Season, SetValue, Unit};
pub use tokens::{has_cue, sentences, tokenize};

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
    /// Which candidate parsers may start here ([`P_ALL`] bits; a word's come from the
    /// lexicon), kept in the token so the scan reads no lexicon entry for it.
    pub starts: u16,
    /// Whether the token can begin or anchor a temporal expression: a number, or a cue word
    /// ([`Word::is_cue`]).
    pub cue: bool,
}

impl Token {
    /// The parsers that may start at a token of this kind and word, and whether it is a cue.
    fn starts_and_cue(kind: Kind, ch: char, word: Option<&Word>) -> (u16, bool) {
        match kind {
            Kind::Num => (P_NUMERIC | P_DAY_FIRST | P_YEAR | P_YEAR_PART | P_DURATION | P_CLOCK | P_DECADE, true),
            Kind::Ordinal => (P_DAY_FIRST | P_YEAR_PART | P_DECADE, true),
            Kind::Amount => (P_DURATION | P_CLOCK, false),
            Kind::Word => word.map_or((0, false), |w| (w.starts, w.is_cue())),
            Kind::Punct if matches!(ch, '\'' | '’') => (P_DECADE, false),
            Kind::Punct => (0, false),
        }
    }
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
    ContextQuarter { years_back: i32, year: Option<YearRef>, current: bool, latest: bool, period: bool },
    /// A season, with a year or a determiner.
    Season { season: Season, year: Option<i32>, det: Option<Det> },
    /// "today", "yesterday", "tonight", optionally a part of that day.
    Deictic { days: i64, part: Option<PartOfDay> },
    /// A unit placed by a determiner: "last week", "this year", "the next day" (`the` set).
    Relative { det: Det, unit: Unit, the: bool },
    /// The day, week or month in focus, a year back: "the same month last year", "the same
    /// week a year earlier".
    SameYearBack { unit: Unit },
    /// "the weekend": the one the tense points to.
    Weekend,
    /// The day the story is at, or a part of it, named with no day ("later in the day", "in
    /// the afternoon", "by mid-morning"): the narrative's day, else the day of publication.
    DayInFocus { part: Option<PartOfDay> },
    /// "overnight": the night before the day the story is at, else before publication.
    Overnight,
    /// A part of a day placed by a determiner: "this morning", "last night".
    RelativePart { det: Det, part: PartOfDay },
    /// A month placed by a determiner: "last April".
    RelativeMonth { det: Det, month: u32 },
    /// A weekday, with a determiner, a part of the day, or "earlier"/"later" before it.
    Weekday { det: Option<Det>, weekday: u32, part: Option<PartOfDay>, lean: Option<Lean> },
    /// A weekday of a week placed by a determiner: "Wednesday of next week".
    WeekdayOfWeek { weekday: u32, det: Det },
    /// The `nth` weekday of a month (from 1; -1 the last): "the first Tuesday of November",
    /// "the last Sunday of March 2014".
    WeekdayOfMonth { nth: i8, weekday: u32, month: Fields },
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
    /// The week a day falls in: "the week of March 6", "Easter week".
    WeekOf(Box<Expr>),
    /// Days of a month, counted from its first day (1) or from its last (-1): "the first
    /// week of October" (1 to 7), "the second half of March" (16 to -1), "the last week of
    /// this month" (-7 to -1).
    DaysOfMonth { from: i8, to: i8, month: Box<Expr> },
    /// A month, or a month's day, in a year named from publication: "July last year" (-1),
    /// "October 12 last year", "November of this year" (0), "March next year" (1); or a range
    /// of them, `to` its end ("June 15-16 last year", "from January to August this year").
    /// With `from_story`, the year is named from the story's date instead: "September that
    /// year", "March the same year" (0), "May the following year" (1), "June the previous
    /// year" (-1).
    DateInYear { date: Fields, to: Option<Fields>, years: i32, from_story: bool },
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
    /// For two written dates joined by a range word ("1991 to 1997"): the last token of the
    /// first and the first token of the second.
    pub joined: Option<(usize, usize)>,
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

/// The words that say a clock time's half of the day, "a.m." and "p.m." as the tokenizer splits
/// them ("a" "." "m" "."), and "am", "pm".
const MERIDIEM_WORDS: [&str; 4] = ["a", "p", "am", "pm"];

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
    m |= flag(w.decade.is_some(), P_DECADE);
    m |= flag(w.unit.is_some(), P_DURATION | P_PART);
    m |= flag(w.deictic.is_some(), P_DEICTIC);
    m |= flag(w.season.is_some(), P_SEASON);
    m |= flag(w.reference.is_some(), P_REFERENCE);
    m |= flag(w.set.is_some(), P_SET);
    m |= flag(w.holiday_start, P_HOLIDAY);
    m |= flag(w.part.is_some(), P_PART);
    m |= flag(w.era.is_some(), P_YEAR);
    m |= match word {
        "the" => P_YEAR_PART | P_RELATIVE | P_REFERENCE | P_DURATION | P_PART | P_YEAR | P_DEICTIC,
        "day" => P_DURATION | P_PART | P_DEICTIC,
        "at" => P_DURATION | P_REFERENCE,
        "every" | "each" => P_SET,
        "fiscal" | "fy" => P_YEAR | P_YEAR_PART,
        "nineteen" | "twenty" => P_YEAR | P_DURATION,
        "q" => P_YEAR_PART,
        "earlier" | "later" => P_WEEKDAY | P_PART,
        "these" | "coming" | "upcoming" => P_REFERENCE,
        // "a" opens "a few days"; "A.D." a year
        "a" => P_REFERENCE | P_YEAR,
        "noon" | "midnight" | "midday" => P_CLOCK,
        "overnight" => P_DEICTIC,
        "midyear" => P_PART,
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
    /// What the parsers ask of the whole article.
    pub article: &'a ArticleFacts<'a>,
}

/// What the parsers ask of a whole article, each worked out on first need and kept for its
/// other sentences: most articles need neither, and their text is then not searched again.
pub struct ArticleFacts<'a> {
    text: &'a str,
    lex: &'static Lexicon,
    /// The order of day and month of its all-number dates.
    order: super::numeric::ArticleOrder<'a>,
    /// Whether it reports a game ([`Lexicon::reports_play`]).
    play: std::cell::OnceCell<bool>,
}

impl<'a> ArticleFacts<'a> {
    pub fn new(text: &'a str, lex: &'static Lexicon, numeric: super::numeric::NumericOrder) -> Self {
        let order = super::numeric::ArticleOrder::new(numeric, text);
        ArticleFacts { text, lex, order, play: std::cell::OnceCell::new() }
    }

    /// The order of day and month of the article's ambiguous all-number dates.
    pub fn order(&self) -> &super::numeric::ArticleOrder<'a> {
        &self.order
    }

    /// Whether the article reports a game ([`Lexicon::reports_play`]).
    pub fn reports_play(&self) -> bool {
        *self.play.get_or_init(|| self.lex.reports_play(self.text))
    }
}

impl<'a> Parser<'a> {
    fn tok(&self, i: usize) -> Option<&Token> {
        self.t.get(i)
    }
    fn word(&self, i: usize) -> Option<&'static Word> {
        self.t.get(i).and_then(|t| t.word)
    }
    fn is(&self, i: usize, w: &str) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && self.spells(t, w))
    }
    fn is_any(&self, i: usize, ws: &[&str]) -> bool {
        self.t.get(i).is_some_and(|t| t.kind == Kind::Word && ws.iter().any(|w| self.spells(t, w)))
    }
    /// Whether token `t` is `w` in any case: lengths first, then bytes (no slicing of the
    /// text at character boundaries, which costs two checks a call).
    #[inline]
    fn spells(&self, t: &Token, w: &str) -> bool {
        t.end - t.start == w.len() && self.text.as_bytes()[t.start..t.end].eq_ignore_ascii_case(w.as_bytes())
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

    /// Whether candidate `c` scopes the rest of its sentence: it opens the sentence, at most
    /// after "in", "during", "throughout", "early", "late" or punctuation ("Last year, ...", "In
    /// 1996, ...", "Last year Orthodox Easter fell in May"), or it owns what follows ("last
    /// year's August-21 attack").
    pub fn scopes_sentence(&self, c: &Cand) -> bool {
        let opens = c.first <= 2
            && (0..c.first).all(|k| {
                self.t[k].kind == Kind::Punct || self.is_any(k, &["in", "during", "throughout", "early", "late"])
            });
        let owns = self.apostrophe(c.last + 1) && self.is(c.last + 2, "s");
        opens || owns
    }

    /// All candidates of the sentence, longest first at each position, then refined.
    pub fn candidates(&self, out: &mut Vec<Cand>) {
        let n = self.t.len();
        let mut i = 0;
        let base = out.len();
        while i < n {
            let t = &self.t[i];
            let starts = if t.starts != 0 && t.kind == Kind::Word { self.refine_starts(i, t.starts) } else { t.starts };
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
        best.map(|(end, expr)| Cand { first: i, last: end - 1, expr, joined: None })
    }

    // ---- months and written dates ----

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

    /// Whether two dates with written years run backwards.
    fn backwards(&self, a: &Fields, b: &Fields) -> bool {
        a.year.is_some() && b.year.is_some() && (a.year, a.month, a.day) > (b.year, b.month, b.day)
    }

    /// Two written dates with only a range word between them, of the same shape.
    fn join(&self, a: &Cand, b: &Cand) -> Option<Cand> {
        let gap = b.first.checked_sub(a.last + 1)?;
        let joiner = gap == 1
            && (self.dash(a.last + 1)
                || self.is_any(a.last + 1, &calendar::RANGE_WORDS)
                || self.is(a.last + 1, "and") && a.first > 0 && self.is(a.first - 1, "between"));
        match (joiner, &a.expr, &b.expr) {
            // not a range that runs backwards, "moved the end of the term from 2010 to 2008": two
            // dates; but years before Christ count down ("from 1354 to 1345 B.C.")
            (true, Expr::Date(fa), Expr::Date(fb))
                if fa.day.is_some() == fb.day.is_some()
                    && fa.month.is_some() == fb.month.is_some()
                    && fa != fb
                    && (!self.backwards(fa, fb) || self.is_any(b.last + 1, &["B", "BC", "BCE", "B.C."])) =>
            {
                let mut fa = *fa;
                if fa.year.is_none() {
                    // "Dec. 28 to Jan. 3, 2024" starts the year before.
                    let wraps = fa.month.zip(fb.month).is_some_and(|(ma, mb)| ma > mb);
                    fa.year = fb.year.map(|y| if wraps { y - 1 } else { y });
                }
                Some(Cand {
                    first: a.first,
                    last: b.last,
                    expr: Expr::DateRange(fa, *fb),
                    joined: Some((a.last, b.first)),
                })
            }
            // "from January to August this year": both in the year the end names.
            (true, Expr::Date(fa), Expr::DateInYear { date: fb, to: None, years, from_story })
                if fa.year.is_none() && fa.day.is_some() == fb.day.is_some() && fa.month.is_some() && fa != fb =>
            {
                Some(Cand {
                    first: a.first,
                    last: b.last,
                    expr: Expr::DateInYear { date: *fa, to: Some(*fb), years: *years, from_story: *from_story },
                    joined: Some((a.last, b.first)),
                })
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
        let article = ArticleFacts::new(s, lex, Default::default());
        let p = Parser { text: s, t: &toks, lex, article: &article };
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
