//! Written and numeric dates, years, decades, parts of a year and seasons: "May 17", "17 May 2024",
//! "5/17/2024", "the 1990s", "the third quarter", "last spring".

use super::*;

/// Words that join the two ends of a range of dates ("June 15 to 16", "July 13 thru 15").
pub(super) const RANGE_WORDS: [&str; 5] = ["to", "through", "thru", "until", "till"];

impl<'a> Parser<'a> {
    /// A month name at `i`: (month, index after it, consuming an abbreviation's period).
    pub(super) fn month(&self, i: usize, strict_context: bool) -> Option<(u32, usize)> {
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

    pub(super) fn day_number(&self, i: usize) -> Option<u32> {
        let t = self.tok(i)?;
        match t.kind {
            Kind::Num if t.digits <= 2 && (1..=31).contains(&t.num) => Some(t.num),
            Kind::Ordinal if (1..=31).contains(&t.num) => Some(t.num),
            Kind::Word => t.word.and_then(|w| w.ordinal).filter(|&n| n <= 31 && self.is(i + 1, "of")),
            _ => None,
        }
    }

    pub(super) fn year_number(&self, i: usize) -> Option<i32> {
        self.four_digit_year(i).filter(|_| !self.is_quantity(i))
    }

    /// A number at `i` of four digits that can be a year (1000-2200), whatever its context.
    pub(super) fn four_digit_year(&self, i: usize) -> Option<i32> {
        let (n, d) = self.num(i)?;
        (d == 4 && (1000..=2200).contains(&n)).then_some(n as i32)
    }

    /// A year at `k`, or after one of `joiners` (words, or "," for the comma) at `k`: the year
    /// and the index after it. "May 17, 2024", "the summer of 2023", "the first quarter of 1989",
    /// and a year in words, as transcripts of broadcasts write it ("January nineteen
    /// ninety-seven", "the winter of nineteen ninety-four").
    pub(super) fn trailing_year(&self, k: usize, joiners: &[&str]) -> Option<(i32, usize)> {
        let joined = joiners.iter().any(|j| if *j == "," { self.punct(k, ',') } else { self.is(k, j) });
        let k = if joined { k + 1 } else { k };
        if let Some(era) = self.era_single(k) {
            return Some(era);
        }
        match self.year_number(k) {
            Some(y) => Some((y, k + 1)),
            None => self.spelled_year(k).map(|(next, y)| (y, next)),
        }
    }

    pub(super) fn is_quantity(&self, i: usize) -> bool {
        // A number straight after a name inside a sentence labels it ("Orion 1980", "Windows
        // 2000"), unless the name is a calendar word or a preposition of a title ("In 2014").
        let named = i >= 2
            && self.t[i - 1].kind == Kind::Word
            && self.t[i - 1].cap
            && self.t[i - 1].word.is_none_or(|w| !w.is_cue() && w.det.is_none())
            && !self.word(i - 1).is_some_and(|w| w.month_preposition)
            && !self.apostrophe(i - 2);
        named
            || self.counts_after(i)
            || i > 0 && (self.t[i - 1].kind == Kind::Punct && matches!(self.t[i - 1].ch, '$' | '€' | '£' | '#' | '№'))
            || i > 0 && self.word(i - 1).is_some_and(|w| w.label_noun)
    }

    /// Whether what follows the number at `i` makes it a count: "2000 people", "1999%",
    /// "the 1000-km pipeline".
    pub(super) fn counts_after(&self, i: usize) -> bool {
        let compound = self.dash(i + 1)
            && self.tight(i + 1)
            && self.tight(i + 2)
            && self.word(i + 2).is_some_and(|w| w.compound_unit);
        compound || self.punct(i + 1, '%') || self.word(i + 1).is_some_and(|w| w.quantity_noun)
    }

    /// "May 17", "May 17, 2024", "Sept. 30", "June 15-16", "May 2024", "March", "May of 2023".
    pub(super) fn month_first(&self, i: usize) -> Option<(usize, Expr)> {
        let (m, j) = self.month(i, false)?;
        if let Some(d) = self.day_number(j).filter(|_| self.tok(j).is_some_and(|t| t.kind != Kind::Word)) {
            let mut k = j + 1;
            // A range of days in the month. Up to a day of another month ("Aug. 26 to Oct.
            // 20") is two dates, joined as a range after scanning.
            let mut to: Option<Fields> = None;
            if self.dash(k) || self.is_any(k, &RANGE_WORDS) || self.is(k, "and") && i > 0 && self.is(i - 1, "between") {
                if let Some(d2) = self.day_number(k + 1).filter(|&d2| d2 > d) {
                    to = Some(Fields { year: None, month: Some(m), day: Some(d2), weekday: None });
                    k += 2;
                }
            }
            let mut year = None;
            if let Some((y, next)) = self.trailing_year(k, &[","]) {
                year = Some(y);
                k = next;
            }
            let from = Fields { year, month: Some(m), day: Some(d), weekday: None };
            if let (None, Some((k, years, from_story))) = (year, self.year_named_after(k)) {
                return Some((k, Expr::DateInYear { date: from, to, years, from_story }));
            }
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
        // or tied by a dash to another month, the two alone ("January-March", "May-June"; not
        // a chain of them)
        let month_at = |k: usize| self.word(k).and_then(|w| w.month);
        let tied_next = self.dash(j) && self.tight(j) && self.tight(j + 1);
        let tied_prev = i >= 2 && self.dash(i - 1) && self.tight(i - 1) && self.tight(i);
        let next = month_at(j + 1).filter(|&n| tied_next && n != m);
        let prev = i.checked_sub(2).and_then(month_at).filter(|&p| tied_prev && p != m);
        let dashed = next.is_some() && prev.is_none() && !tied_prev || prev.is_some() && next.is_none() && !tied_next;
        if w.ambiguous_month && !dashed && !(i > 0 && self.word(i - 1).is_some_and(|w| w.month_preposition)) {
            // or, as a noun's modifier, between a determiner and an event the lexicon lists or a
            // word it does not know ("the May elections", "a March general election", "the May
            // curbs"; not "The March of Dimes", "the March to the sea")
            let determined = i > 0 && self.word(i - 1).is_some_and(|w| w.noun_determiner);
            let before_noun =
                self.tok(j).is_some_and(|n| n.kind == Kind::Word && !n.cap && n.word.is_none_or(|w| w.fixture));
            if !(determined && before_noun) {
                return None;
            }
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
        let month = Fields { year: None, month: Some(m), day: None, weekday: None };
        if let Some((k, years, from_story)) = self.year_named_after(j) {
            return Some((k, Expr::DateInYear { date: month, to: None, years, from_story }));
        }
        Some((j, Expr::Date(month)))
    }

    /// "last year", "this year", "next year" right after a month or a day (after a comma or
    /// "of": "October 12, last year", "November of this year"), not "last year's": the year
    /// from publication. Or "that year", "the same year", "the following year", "the next
    /// year", "the previous year": the year from the story's date ("In September that year,
    /// Callaghan had raised ..." after "the December 1976 note"). The token after it, the
    /// years and whether they count from the story.
    fn year_named_after(&self, k: usize) -> Option<(usize, i32, bool)> {
        let k = if self.punct(k, ',') || self.is(k, "of") { k + 1 } else { k };
        let (k, the) = if self.is(k, "the") { (k + 1, true) } else { (k, false) };
        if !self.is(k + 1, "year") || self.apostrophe(k + 2) {
            return None;
        }
        let (years, from_story) = match (self.word(k)?.det?, the) {
            (Det::Last, false) if self.is(k, "last") => (-1, false),
            (Det::This, false) if self.is(k, "this") => (0, false),
            (Det::Next, false) if self.is(k, "next") => (1, false),
            (Det::That, false) if self.is(k, "that") => (0, true),
            (Det::Same, true) => (0, true),
            (Det::Following, true) => (1, true),
            (Det::Next, true) if self.is(k, "next") => (1, true),
            (Det::Previous, true) => (-1, true),
            _ => return None,
        };
        Some((k + 2, years, from_story))
    }

    /// "17 May 2024", "17th of May", "15-16 June 2024".
    pub(super) fn day_first(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(nth) = self.weekday_of_month(i) {
            return Some(nth);
        }
        let d = self.day_number(i)?;
        let mut j = i + 1;
        let mut d2 = None;
        let range_word = self.dash(j)
            // "from 15 to 16 June", "the 15th to the 16th", "23rd to 26th Oct"
            || self.is_any(j, &RANGE_WORDS)
                && (i > 0 && self.is_any(i - 1, &["from", "the"]) || self.tok(i).is_some_and(|t| t.kind == Kind::Ordinal))
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
        // after its day a month may be abbreviated without a period ("26th Oct in Doha")
        let bare_abbrev = || {
            let t = self.tok(j).filter(|t| t.cap)?;
            t.word.filter(|w| w.month_abbrev).and_then(|w| w.month).map(|m| (m, j + 1))
        };
        let Some((m, mut k)) = self.month(j, false).or_else(bare_abbrev) else { return self.day_alone(i) };
        let mut year = None;
        if let Some(y) = self.year_number(k) {
            year = Some(y);
            k += 1;
        }
        let from = Fields { year, month: Some(m), day: Some(d), weekday: None };
        let to = d2.map(|d2| Fields { year, month: Some(m), day: Some(d2), weekday: None });
        if let (None, Some((k, years, from_story))) = (year, self.year_named_after(k)) {
            return Some((k, Expr::DateInYear { date: from, to, years, from_story }));
        }
        Some(match to {
            Some(to) => (k, Expr::DateRange(from, to)),
            None => (k, Expr::Date(from)),
        })
    }

    /// "2024-05-17", "2024-05", "5/17/2024", "17/5/2024", "10.31.1974", "2/15" after "on".
    pub(super) fn numeric_date(&self, i: usize) -> Option<(usize, Expr)> {
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
            // "2004-05" is a season or a fiscal year in prose ("the 2008-09 season", "In
            // 2004-05 one million were tested"), read as two years, not May 2004; another
            // month is a month ("2006-04").
            let next_year = b == (a + 1) % 100;
            if sep == '-' && db == 2 && (1..=12).contains(&b) && (1900..=2100).contains(&a) && !next_year {
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
                let day_first = self.article.order().day_first(sep);
                let (m, d) = if a > 12 || day_first && b <= 12 { (b, a) } else { (a, b) };
                valid(y, m, d)
                    .then(|| (i + 5, Expr::Date(Fields { year: Some(y), month: Some(m), day: Some(d), weekday: None })))
            }
            // "on 2/15"; "the 9/11 attacks", a known day named by its figures.
            None if sep == '/'
                && (i > 0 && self.is_any(i - 1, &["on", "since", "until", "by", "from"])
                    || self.known_day(a, b, i + 3)) =>
            {
                valid(2000, a, b)
                    .then(|| (i + 3, Expr::Date(Fields { year: None, month: Some(a), day: Some(b), weekday: None })))
            }
            _ => None,
        }
    }

    /// Whether word `k` names the event of a known day of this month and day ("9/11 attacks").
    fn known_day(&self, month: u32, day: u32, k: usize) -> bool {
        self.lex.known_days.iter().any(|d| d.month == month && d.day == day && d.nouns.iter().any(|n| self.is(k, n)))
    }

    /// A year in words: "nineteen ninety-six", "twenty twenty", "the year two thousand".
    pub(super) fn spelled_year(&self, i: usize) -> Option<(usize, i32)> {
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
    pub(super) fn year(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(era) = self.era_year(i) {
            return Some(era);
        }
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

    /// "the 1990s", "1990s", "the '90s", "the nineties", "the 1800s" (a century), "the 20th
    /// century".
    pub(super) fn decade(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some((n, 4)) = self.num(i) {
            if n % 10 == 0 && self.is(i + 1, "s") && self.tight(i + 1) {
                // "the 1800s", "the early 1900s": the century those years begin; "the 2000s"
                // is read as the decade it mostly means in news
                if n % 100 == 0 && n < 2000 {
                    return Some((i + 2, Expr::Century(n as i32 / 100)));
                }
                return Some((i + 2, Expr::Decade(n as i32 / 10)));
            }
        }
        if let Some(d) = self.word(i).and_then(|w| w.decade) {
            return self.spelled_decade(i).then_some((i + 1, Expr::Decade(190 + d as i32 / 10)));
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
        // "his first century", "their 27th century" in a cricket report are a hundred runs.
        let owned = i.checked_sub(1).and_then(|k| self.tok(k)).and_then(|t| t.word).is_some_and(|w| w.owner);
        // The century right after its ordinal: not the adjective "the 15th-century navigator",
        // which tells the age of a thing, and would place the sentence's events there.
        if self.is(i + 1, "century") && !owned {
            // "the 11th century BC"; a century of the common era up to the 22nd
            let (end, century) = self.era_century(i + 1, n)?;
            let common = matches!(century, Expr::Century(c) if c >= 0);
            return (!common || (1..=22).contains(&n)).then_some((end, century));
        }
        None
    }

    /// Whether decade word `i` ("nineties") names a decade: after "the", with "early", "mid" or
    /// "late" between ("the late nineties", "the mid-nineties"); not an age ("in his forties",
    /// "her mid-thirties") nor a temperature ("the low seventies").
    fn spelled_decade(&self, i: usize) -> bool {
        let mut k = i;
        while k > 0 && (self.is_any(k - 1, &["early", "mid", "late"]) || self.dash(k - 1)) {
            k -= 1;
        }
        k > 0 && self.is(k - 1, "the")
    }

    /// "the third quarter", "third-quarter", "Q3 2024", "the first half of 2023", "this year's
    /// third quarter", "the 1988 second quarter", "the quarter", "the latest quarter", "the
    /// year-ago quarter", "the current quarter", "the 1988 period".
    pub(super) fn year_part(&self, i: usize) -> Option<(usize, Expr)> {
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
            return self.ordinal_part(j, n, year);
        }
        if !the {
            return None;
        }
        self.context_quarter(j, year)
    }

    /// "of last year", "this year", "of next year" at word `k`, after a part of a year ("the
    /// first half of last year"): the year's shift from publication and the word after it.
    /// Not "the year", whose year is the story's, nor a possessive ("this year's").
    fn year_from_publication(&self, k: usize) -> Option<(i32, usize)> {
        let d = if self.is_any(k, &["of", "in"]) { k + 1 } else { k };
        let shift = match self.word(d)?.det? {
            Det::This => 0,
            Det::Last | Det::Past => -1,
            Det::Next => 1,
            _ => return None,
        };
        (self.is(d + 1, "year") && !self.apostrophe(d + 2)).then_some((shift, d + 2))
    }

    /// "third quarter", "first-half", "final quarter of 2023": the ordinal `n` at word `j`
    /// (`u32::MAX` for "last"), then its unit and any year.
    fn ordinal_part(&self, j: usize, n: u32, mut year: Option<YearRef>) -> Option<(usize, Expr)> {
        if let Some(found) = self.month_part(j, n).filter(|_| year.is_none()) {
            return Some(found);
        }
        let mut k = j + 1;
        if self.dash(k) {
            k += 1;
        }
        if self.is(k, "fiscal") {
            k += 1;
        }
        let per_year = if self.word(k).is_some_and(|w| w.unit == Some(Unit::Quarter) && !w.plural) && !self.cup_round(k)
        {
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
        } else if let Some((shift, next)) = self.year_from_publication(k) {
            year = Some(YearRef::FromPublication(shift));
            k = next;
        }
        if year.is_none() && self.period_of_play(k) {
            return None;
        }
        Some((k, Expr::YearPart { per_year, n: n as u8, year }))
    }

    /// "the first week of October", "the second half of March", "the last week of this
    /// month": days of a month, from the ordinal `n` at word `j` (`u32::MAX` for "last").
    /// Counted from the month's end (-1 its last day) where they end with it.
    fn month_part(&self, j: usize, n: u32) -> Option<(usize, Expr)> {
        let k = j + 1;
        let last = n == u32::MAX || self.is(j, "final");
        let (from, to) = if self.is(k, "half") {
            match n {
                _ if last => (16, -1),
                1 => (1, 15),
                2 => (16, -1),
                _ => return None,
            }
        } else if self.is(k, "week") && !self.dash(k + 1) {
            match n {
                _ if last => (-7, -1),
                1..=4 => (7 * n as i8 - 6, 7 * n as i8),
                _ => return None,
            }
        } else {
            return None;
        };
        if !self.is(k + 1, "of") {
            return None;
        }
        let (end, month) = self.whole_month(k + 2)?;
        Some((end, Expr::DaysOfMonth { from, to, month: Box::new(month) }))
    }

    /// A whole month at word `k`: "October", "March 2024", "this month", "last month"; unlike
    /// [`Self::month_of`], also a month placed by a determiner or in a year named from
    /// publication ("March this year"), and a capitalised "May" or "March" without a preposition
    /// before it (the caller has read "of").
    fn whole_month(&self, k: usize) -> Option<(usize, Expr)> {
        if let Some(det) = self.word(k).and_then(|w| w.det) {
            let placed = matches!(det, Det::This | Det::Last | Det::Next | Det::Past | Det::Previous);
            return (placed && self.is(k + 1, "month") && !self.apostrophe(k + 2))
                .then_some((k + 2, Expr::Relative { det, unit: Unit::Month, the: false }));
        }
        match self.month_first_lenient(k)? {
            found @ (_, Expr::Date(Fields { month: Some(_), day: None, .. })) => Some(found),
            found @ (_, Expr::DateInYear { date: Fields { day: None, .. }, to: None, .. }) => Some(found),
            _ => None,
        }
    }

    /// Whether the word `k`, a quarter, is the round of a cup: "the quarter-finals", "the last
    /// quarter-final".
    pub(super) fn cup_round(&self, k: usize) -> bool {
        self.dash(k + 1) && self.is_any(k + 2, &["final", "finals"])
    }

    /// Whether a half or quarter with no year, ending before word `k`, is a period of a game:
    /// its sentence reports one ([`Word::game_word`]: "the only goal six minutes into the second
    /// half"; not a goal set, "its goal of a reduction", "the goal is to") and it is not said to
    /// be the year's ("the second half of the year").
    fn period_of_play(&self, k: usize) -> bool {
        let of_year = self.is(k, "of") && (k + 1..k + 4).any(|j| self.is(j, "year"));
        let cue = |i: usize| {
            self.word(i).is_some_and(|w| w.game_word) && !self.is_any(i + 1, &["of", "to", "is", "was", "will"])
        };
        !of_year && ((0..self.t.len()).any(cue) || self.article.reports_play())
    }

    /// "the quarter", "the latest quarter", "the year-ago quarter", "the current quarter", "the
    /// 1988 period": the quarter in focus, from word `j` after "the".
    fn context_quarter(&self, j: usize, year: Option<YearRef>) -> Option<(usize, Expr)> {
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
        if !(self.word(k).is_some_and(|w| w.unit == Some(Unit::Quarter) && !w.plural) || period) {
            return None;
        }
        // "the quarter-finals", and a game's quarter ("scored 12 points in the quarter"); the
        // sentence is looked through only once a quarter is found
        let not_a_quarter = self.cup_round(k) || year.is_none() && self.period_of_play(k + 1);
        if not_a_quarter {
            return None;
        }
        if !qualified && !period {
            if let Some(q) = self.closed_on_quarter_end(k + 1) {
                return Some((k + 1, q));
            }
        }
        // "the same period last year", "the same quarter of the previous year": a year back.
        let (end, back) = match self.year_back(k + 1) {
            Some(end) if year.is_none() && !current && !latest => (end, 1),
            _ => (k + 1, 0),
        };
        Some((end, Expr::ContextQuarter { years_back: years_back + back, year, current, latest, period }))
    }

    /// "the quarter ended June 30", "the quarter ending Dec. 31, 1990": from word `k`, the
    /// calendar quarter that the date closes, when it is a quarter's last day (another day
    /// closes a fiscal quarter, which the story's focus tells better). The date keeps an
    /// expression of its own.
    fn closed_on_quarter_end(&self, k: usize) -> Option<Expr> {
        if !self.is_any(k, &["ended", "ending"]) {
            return None;
        }
        let month = self.word(k + 1)?.month?;
        let d = k + 2 + usize::from(self.punct(k + 2, '.'));
        let (day, _) = self.num(d)?;
        let last = match month {
            3 | 12 => 31,
            6 | 9 => 30,
            _ => return None,
        };
        if day != last {
            return None;
        }
        let y = d + 1 + usize::from(self.punct(d + 1, ','));
        let year = self.year_number(y).map(YearRef::Written);
        Some(Expr::YearPart { per_year: 4, n: (month / 3) as u8, year })
    }

    /// "last year", "a year earlier", "a year ago", "the previous year" (after "of" or "in"),
    /// from token `k`: the token after it.
    pub(super) fn year_back(&self, k: usize) -> Option<usize> {
        let k = if self.is(k, "in") { k + 1 } else { k };
        if let Some((end, -1, false)) = self.year_named_after(k) {
            return Some(end);
        }
        let k = if self.is(k, "of") { k + 1 } else { k };
        if self.is(k, "a") && self.is(k + 1, "year") && self.is_any(k + 2, &["earlier", "ago", "before"]) {
            return Some(k + 3);
        }
        (self.is(k, "the") && self.is_any(k + 1, &["previous", "preceding", "prior"]) && self.is(k + 2, "year"))
            .then_some(k + 3)
    }

    /// "summer", "this summer", "last winter", "summer 2023", "the summer of 2023".
    pub(super) fn season(&self, i: usize) -> Option<(usize, Expr)> {
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
        // "the Spring Festival", "the Winter Palace": a capitalised season before a name.
        let named = |k: usize| self.tok(k).is_some_and(|t| t.cap && t.kind == Kind::Word && t.word.is_none());
        if year.is_none() && self.tok(j).is_some_and(|t| t.cap) && named(j + 1) {
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

    /// A month after "mid-", "early", "late": "May" is then a month.
    pub(super) fn month_first_lenient(&self, i: usize) -> Option<(usize, Expr)> {
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
}
