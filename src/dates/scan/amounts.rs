//! Amounts and what is built on them: durations and offsets ("two weeks", "a year earlier"), sets
//! ("every week"), clock times and parts of a day.

use super::*;

/// The largest count written with thousands that is read before a unit ("99,999 years").
const MAX_THOUSANDS: u32 = 99_999;

impl<'a> Parser<'a> {
    /// How many: "three", "30", "twenty-four", "a", "a few", "several", "a couple of".
    pub(super) fn amount(&self, i: usize) -> Option<(usize, Amount)> {
        let t = self.tok(i)?;
        // Part of a fraction ("1/4 hour") or a score ("3-1"): not a count of units.
        let fraction = |k: usize| self.punct(k, '/');
        if t.kind == Kind::Num && (i > 0 && fraction(i - 1) && !t.space || fraction(i + 1) && self.tight(i + 1)) {
            return None;
        }
        match t.kind {
            Kind::Num if t.digits <= 3 && t.num > 0 => {
                // "2 1/2 years", "5 1/2 hours": and a half.
                return Some(if self.and_a_half(i + 1) {
                    (i + 4, Amount::Tenths(t.num * 10 + 5))
                } else {
                    (i + 1, Amount::Exact(t.num))
                });
            }
            // "1000 years", "5000 years ago": four digits before a plural unit are a count,
            // not a year ("the 2008 Olympics")
            Kind::Num if t.digits == 4 && t.num > 0 && self.plural_unit(i + 1) => {
                return Some((i + 1, Amount::Exact(t.num)));
            }
            Kind::Amount => {
                let s = &self.text[t.start..t.end];
                // "2,500 years ago", "10,000 years": thousands before a plural unit, up to
                // 99,999 (what lies further back, "4 billion years ago", is no calendar's)
                if s.contains(',') && !s.contains('.') && self.plural_unit(i + 1) {
                    let n = s
                        .bytes()
                        .filter(u8::is_ascii_digit)
                        .try_fold(0u32, |n, b| Some(n * 10 + u32::from(b - b'0')).filter(|&n| n <= MAX_THOUSANDS));
                    return n.filter(|&n| n > 0).map(|n| (i + 1, Amount::Exact(n)));
                }
                if let Some((a, b)) = s.split_once('.') {
                    if b.len() == 1 {
                        if let (Ok(a), Ok(b)) = (a.parse::<u32>(), b.parse::<u32>()) {
                            return a
                                .checked_mul(10)
                                .and_then(|a| a.checked_add(b))
                                .map(|t| (i + 1, Amount::Tenths(t)));
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
            return Some(self.article_amount(i));
        }
        // "half an hour", "half a century ago"
        if self.is(i, "half") && self.is_any(i + 1, &["a", "an"]) {
            return Some((i + 2, Amount::Tenths(5)));
        }
        if w.vague {
            // "the next couple of years", "the past couple of months"
            let after_det = i > 0 && self.word(i - 1).is_some_and(|p| p.det.is_some());
            if self.is(i, "couple") && self.is(i + 1, "of") && after_det {
                return Some((i + 2, Amount::Exact(2)));
            }
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

    /// "1/2" written after a whole number at word `k` ("2 1/2").
    fn and_a_half(&self, k: usize) -> bool {
        self.num(k) == Some((1, 1))
            && self.tok(k).is_some_and(|x| x.space)
            && self.punct(k + 1, '/')
            && self.tight(k + 1)
            && self.num(k + 2) == Some((2, 1))
            && self.tight(k + 2)
    }

    /// How many an article at word `i` says: "a few", "a couple of", "a number of", "a
    /// dozen", "a half", else one.
    fn article_amount(&self, i: usize) -> (usize, Amount) {
        if self.is(i + 1, "few") {
            (i + 2, Amount::Unknown)
        } else if self.is(i + 1, "couple") {
            (if self.is(i + 2, "of") { i + 3 } else { i + 2 }, Amount::Exact(2))
        } else if self.is(i + 1, "number") && self.is(i + 2, "of") {
            (i + 3, Amount::Unknown)
        } else if self.is(i + 1, "dozen") {
            (i + 2, Amount::Exact(12))
        } else if self.is(i + 1, "half") {
            (i + 2, Amount::Tenths(5))
        } else {
            (i + 1, Amount::Exact(1))
        }
    }

    /// Whether the unit at word `u` after an amount from word `j` names no length: a title
    /// ("CBS's 60 Minutes", "28 Days Later": capitalised mid-sentence), or "a second" as the
    /// ordinal before its noun ("a second betrayal", "a second term"), or a quarter of a quantity
    /// ("a quarter point", "a quarter-percentage point").
    fn names_no_length(&self, j: usize, u: usize, unit: Unit) -> bool {
        let k = if self.dash(u + 1) { u + 2 } else { u + 1 };
        let share = unit == Unit::Quarter && self.word(k).is_some_and(|w| w.quantity_noun);
        share
            || self.t[u].cap && !self.t[j].cap
            || unit == Unit::Second
                && self.is_any(j, &["a", "an"])
                && self.tok(u + 1).is_some_and(|n| n.kind == Kind::Word)
                && !self.is_any(u + 1, &["later", "earlier", "ago", "before", "after", "or", "and", "longer"])
    }

    /// Lengths of time and offsets from the anchor: "three years", "30-hour", "more than three
    /// years", "the past three months", "two days ago", "a year earlier", "a few days later",
    /// "year-earlier", "for years".
    pub(super) fn duration_or_offset(&self, i: usize) -> Option<(usize, Expr)> {
        self.length_at(i, true)
    }

    /// [`Self::duration_or_offset`]; `join`: a length may go on in a smaller unit
    /// ([`Self::goes_on`]). The second length of two is read with `join` off, so a chain of
    /// lengths costs two reads, not one per link.
    fn length_at(&self, i: usize, join: bool) -> Option<(usize, Expr)> {
        let (j, modifier) = self.qualifier(i);
        let (j, the_span) = match self.span_after_the(j) {
            Some(k) => (k, true),
            None => (j, false),
        };
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
            None => return self.bare_unit(j, modifier),
        };
        let hyphen = self.dash(k) && self.tight(k) && self.tight(k + 1);
        // "two more weeks", "three additional years", "an extra day"; "eight trading days",
        // "five working days": days of a kind, counted as days.
        let more = !hyphen
            && (self.is_any(k, &["additional", "extra", "further"])
                || self.is(k, "more") && !(k == j + 1 && self.is_any(j, &["a", "an"])))
            && self.word(k + 1).is_some_and(|w| w.unit.is_some());
        let days_of_a_kind = !hyphen
            && self.is_any(k, &["business", "trading", "working", "school"])
            && self.word(k + 1).is_some_and(|w| w.unit == Some(Unit::Day));
        let u = if hyphen || more || days_of_a_kind { k + 1 } else { k };
        let w = self.word(u)?;
        let unit = w.unit?;
        if self.names_no_length(j, u, unit) {
            return None;
        }
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
        if !w.plural && self.frequency(j) {
            return Some((end, Expr::Set(SetValue::Every(Duration::new(Amount::Exact(1), unit)))));
        }
        if !hyphen && !the_span {
            if let Some(offset) = self.offset(end, amount, unit) {
                return Some(offset);
            }
        }
        let duration = Duration::new(amount, unit);
        if join && !hyphen {
            if let Some((end, duration)) = self.goes_on(end, duration) {
                return Some((end, Expr::Duration { duration, modifier }));
            }
        }
        Some((end, Expr::Duration { duration, modifier }))
    }

    /// A length that goes on in a smaller unit after word `end`: "two hours and 17 minutes",
    /// "14 years, nine months" (after a comma, only the next unit down: "20 years, five days
    /// after" is two lengths). Not when the second length is an offset ("two hours and 17
    /// minutes later"), nor has a modifier of its own.
    fn goes_on(&self, end: usize, first: Duration) -> Option<(usize, Duration)> {
        let comma = self.punct(end, ',');
        if !(comma || self.is(end, "and")) {
            return None;
        }
        let (next_end, Expr::Duration { duration: d, modifier: None }) = self.length_at(end + 1, false)? else {
            return None;
        };
        let (Amount::Exact(_), Amount::Exact(n)) = (first.amount, d.amount) else { return None };
        let (big, small) = (first.unit.length_rank()?, d.unit.length_rank()?);
        let next_unit_down = big == small + 1 || (first.unit, d.unit) == (Unit::Month, Unit::Day);
        (small < big && (next_unit_down || !comma)).then_some((next_end, Duration { rest: Some((n, d.unit)), ..first }))
    }

    /// "the past three months", "the first nine months", "the next two weeks": the word where
    /// the amount starts after the "the" at word `j`, if one does.
    fn span_after_the(&self, j: usize) -> Option<usize> {
        if !self.is(j, "the") {
            return None;
        }
        let mut k = j + 1;
        if self.word(k).and_then(|w| w.det).is_some() || self.is_any(k, &["first", "last", "final", "initial"]) {
            k += 1;
        }
        self.amount(k)
            .is_some_and(|(_, a)| !matches!(a, Amount::Exact(1)) || !self.is_any(k, &["a", "an"]))
            .then_some(k)
    }

    /// Whether the "a" or "per" at word `j`, before a singular unit, makes a frequency: "twice a
    /// week", "three times per day", "$5 a year", "6% a year".
    fn frequency(&self, j: usize) -> bool {
        self.is_any(j, &["a", "per"])
            && j > 0
            && (self.is_any(j - 1, &["once", "twice", "times", "percent"])
                || self.t[j - 1].kind == Kind::Num
                || self.t[j - 1].kind == Kind::Amount
                || self.punct(j - 1, '%'))
    }

    /// A qualifier before an amount ("more than", "at least", "up to", "about", "nearly"): where
    /// the amount starts and the modifier it gives.
    fn qualifier(&self, i: usize) -> (usize, Option<Modifier>) {
        let mut j = i;
        let mut modifier = None;
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
        (j, modifier)
    }

    /// A unit with no amount: "decades-long", "a weeks-long siege", a bare plural after "for",
    /// "over", "within" ("for years", "over decades"; "years ago" is the past) and one before
    /// "after", "before" or "following" ("hours after the execution").
    fn bare_unit(&self, j: usize, modifier: Option<Modifier>) -> Option<(usize, Expr)> {
        let w = self.word(j)?;
        let unit = w.unit?;
        // "day-long", "decades-long", "a weeks-long siege": a length of time.
        if self.dash(j + 1) && self.tight(j + 1) && self.tight(j + 2) && self.is(j + 2, "long") {
            let amount = if w.plural { Amount::Unknown } else { Amount::Exact(1) };
            return Some((j + 3, Expr::Duration { duration: Duration::new(amount, unit), modifier }));
        }
        // "hours after the execution", "in the weeks before the shooting", "days after a sniper
        // killed": a length counted from an event, as "two days after the vote" is
        let from_event = self.is_any(j + 1, &["after", "before", "following"]) && !self.is(j + 2, "that");
        if !w.plural || modifier.is_some() {
            return None;
        }
        if !from_event && (j == 0 || !self.is_any(j - 1, &["for", "over", "within"])) {
            return None;
        }
        if self.is(j + 1, "ago") {
            return Some((j + 2, Expr::Ref(Reference::Past)));
        }
        Some((j + 1, Expr::Duration { duration: Duration::new(Amount::Unknown, unit), modifier: None }))
    }

    /// An amount of time counted from a point: "two days ago", "a week earlier", "three months
    /// later", "a year from now"; `end` is the word after the unit.
    fn offset(&self, end: usize, amount: Amount, unit: Unit) -> Option<(usize, Expr)> {
        // "a minute and a half later", "over an hour later": a clock time nobody wrote down; the
        // length is what the text gives, as TimeBank and AQUAINT mark it.
        if matches!(unit, Unit::Second | Unit::Minute | Unit::Hour) && !self.is(end, "ago") {
            return None;
        }
        if self.is(end, "ago") {
            return Some((end + 1, Expr::Offset { amount, unit, sign: -1, narrative: false }));
        }
        if self.is_any(end, &["earlier", "previously"])
            || self.is_any(end, &["before", "prior"]) && self.ends_phrase(end + 1)
        {
            return Some((end + 1, Expr::Offset { amount, unit, sign: -1, narrative: true }));
        }
        if self.is_any(end, &["later", "afterwards", "afterward"]) || self.is(end, "after") && self.ends_phrase(end + 1)
        {
            return Some((end + 1, Expr::Offset { amount, unit, sign: 1, narrative: true }));
        }
        if self.is(end, "from") && self.is_any(end + 1, &["now", "today"]) {
            return Some((end + 2, Expr::Offset { amount, unit, sign: 1, narrative: false }));
        }
        None
    }

    /// Nothing follows that the previous word could govern ("two days before." vs "two days
    /// before the vote"). A clause is something it governs: "a day after he was hounded" counts
    /// from his hounding, not from the narrative's date, so "a day" is a length.
    pub(super) fn ends_phrase(&self, i: usize) -> bool {
        match self.tok(i) {
            None => true,
            Some(t) => t.kind == Kind::Punct || self.is_any(i, &["and", "but", "when", "that"]),
        }
    }

    /// "every Monday", "each year", "every two weeks", "daily", "nightly", "annually".
    pub(super) fn set(&self, i: usize) -> Option<(usize, Expr)> {
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
            return Some((i + 1, Expr::Set(SetValue::Every(Duration::new(Amount::Exact(n), unit)))));
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
            return Some((j + 1, Expr::Set(SetValue::Every(Duration::new(Amount::Exact(n), unit)))));
        }
        if let Some((k, amount)) = self.amount(j) {
            if let Some(unit) = self.word(k).and_then(|w| w.unit) {
                return Some((k + 1, Expr::Set(SetValue::Every(Duration::new(amount, unit)))));
            }
        }
        None
    }

    /// "10 a.m.", "4:30 p.m.", "10am", "noon", "midnight", "at 14:30".
    pub(super) fn clock(&self, i: usize) -> Option<(usize, Expr)> {
        let (end, hour, minute) = self.clock_time(i)?;
        // "noon Thursday", "10 a.m. on Monday", "8 p.m. yesterday", "5 p.m. EST, Nov. 6",
        // "10:35 a.m. (0735 GMT) Friday", "10:00 am in Moscow on Monday": on that day, but the
        // day keeps an expression of its own beyond the brackets or the place.
        let place = self.place_after_time(end);
        let after_brackets = if self.punct(place, '(') {
            (place + 1..(place + 12).min(self.t.len())).find(|&k| self.punct(k, ')'))
        } else {
            None
        };
        let end_of_time = after_brackets.map_or(place, |k| k + 1);
        let k = if self.is(end_of_time, "on") || self.punct(end_of_time, ',') { end_of_time + 1 } else { end_of_time };
        // "4 in the morning (4 a.m. EDT Thursday)": the day may stand inside the brackets, last,
        // when they say the same time again; not after another zone's time ("8:30 a.m. (2330 GMT
        // Thursday)" in Tokyo is Friday)
        let same_time = self.clock_time(place + 1).is_some_and(|(_, h, m)| (h, m) == (hour, minute));
        let inside = after_brackets
            .map(|close| close - 1)
            .filter(|&d| same_time && self.word(d).is_some_and(|w| w.weekday.is_some()));
        let parsers = [Self::weekday as ParseFn<'a>, Self::deictic, Self::month_first];
        for (k, p) in inside.into_iter().chain([k]).flat_map(|k| parsers.map(|p| (k, p))) {
            if let Some((e, day)) = p(self, k) {
                if matches!(
                    day,
                    Expr::Weekday { part: None, .. }
                        | Expr::Deictic { part: None, .. }
                        | Expr::Date(Fields { day: Some(_), .. })
                ) {
                    let e = if after_brackets.is_some() || place > end { end } else { e };
                    return Some((e, Expr::Clock { hour, minute, day: Some(Box::new(day)) }));
                }
            }
        }
        Some((end, Expr::Clock { hour, minute, day: None }))
    }

    pub(super) fn clock_time(&self, i: usize) -> Option<(usize, u32, u32)> {
        if self.is(i, "noon") || self.is(i, "midday") {
            return Some((i + 1, 12, 0));
        }
        if self.is(i, "midnight") {
            return Some((i + 1, 0, 0));
        }
        if let Some(t) = self.dotted_clock(i).or_else(|| self.zoned_four_digits(i)) {
            return Some(t);
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
        let (k, pm) = self.meridiem(k, h, colon);
        let hour = match pm {
            // "12 o'clock" is noon
            Some(false) if h == 12 && self.is(k - 1, "clock") => 12,
            Some(pm) if h <= 12 => on_24_hour_clock(h, pm),
            None if colon && i > 0 && self.is_any(i - 1, &["at", "by", "until", "from"]) => h,
            _ => return None,
        };
        Some((self.time_zone(k), hour, minute))
    }

    /// "9.30pm", "10.15 a.m.": hours and minutes with a dot, as British papers write them; read
    /// only with "a.m." or "p.m." after them, since "9.30" alone is an amount.
    fn dotted_clock(&self, i: usize) -> Option<(usize, u32, u32)> {
        let t = self.tok(i).filter(|t| t.kind == Kind::Amount)?;
        let (h, m) = self.text[t.start..t.end].split_once('.')?;
        if m.len() != 2 || h.len() > 2 {
            return None;
        }
        let (h, m) = (h.parse::<u32>().ok()?, m.parse::<u32>().ok()?);
        if !(1..=12).contains(&h) || m > 59 || !self.is_any(i + 1, &MERIDIEM_WORDS) {
            return None;
        }
        let (k, pm) = self.meridiem(i + 1, h, true);
        Some((self.time_zone(k), on_24_hour_clock(h, pm?), m))
    }

    /// "0735 GMT", "1400 UTC": hours and minutes in four digits, as wire stories give them; read
    /// only before the zone, since "1400" alone is a year or a count. Not in brackets, where
    /// they say again in another zone the time just given ("at 10:35 a.m. (0735 GMT) Friday").
    fn zoned_four_digits(&self, i: usize) -> Option<(usize, u32, u32)> {
        if i > 0 && self.punct(i - 1, '(') {
            return None;
        }
        let (n, 4) = self.num(i)? else { return None };
        let (h, m) = (n / 100, n % 100);
        (h <= 23 && m <= 59 && self.is_any(i + 1, &["gmt", "utc"])).then_some((i + 2, h, m))
    }

    /// What says a clock time's half of the day, from word `k` after hour `h` (`colon`: written
    /// with minutes): "a.m.", "pm", "o'clock" (the morning's), "in the morning", "in the evening",
    /// "at night". The word after it, and whether the hour is after noon (`None`: unsaid).
    fn meridiem(&self, k: usize, h: u32, colon: bool) -> (usize, Option<bool>) {
        if self.is_any(k, &["am", "pm"]) {
            return (k + 1, Some(self.is(k, "pm")));
        }
        if self.is_any(k, &["a", "p"])
            && self.punct(k + 1, '.')
            && self.is(k + 2, "m")
            && self.tight(k + 1)
            && self.tight(k + 2)
        {
            let end = if self.punct(k + 3, '.') && self.tight(k + 3) { k + 4 } else { k + 3 };
            return (end, Some(self.is(k, "p")));
        }
        if self.is(k, "o") && self.apostrophe(k + 1) && self.is(k + 2, "clock") {
            return (k + 3, Some(false));
        }
        // "4 in the morning", "9 in the evening": the part of the day gives a.m. or p.m.
        if !colon
            && self.is(k, "in")
            && self.is(k + 1, "the")
            && self.is_any(k + 2, &["morning", "afternoon", "evening"])
        {
            return (k + 3, Some(!self.is(k + 2, "morning")));
        }
        if !colon && self.is(k, "at") && self.is(k + 1, "night") && h >= 6 {
            return (k + 2, Some(true));
        }
        (k, None)
    }

    /// The word after a time zone at word `k` ("EST", "GMT", "local time"), or `k` itself.
    fn time_zone(&self, k: usize) -> usize {
        if self.tok(k).is_some_and(|t| {
            t.kind == Kind::Word
                && t.cap
                && (t.end - t.start) <= 4
                && self.text[t.start..t.end].chars().all(|c| c.is_ascii_uppercase())
        }) {
            k + 1
        } else if self.is(k, "local") && self.is(k + 1, "time") {
            k + 2
        } else if self.is(k + 1, "time") && self.plain_name(k) {
            // "8 p.m. Beijing time", "noon Moscow time"
            k + 2
        } else {
            k
        }
    }

    /// Whether word `k` is a capitalised word that names no time of its own ("Beijing",
    /// "Geneva"; not "Monday", "June"): part of a place's or a zone's name.
    fn plain_name(&self, k: usize) -> bool {
        self.tok(k).is_some_and(|t| t.kind == Kind::Word && t.cap)
            && !self.word(k).is_some_and(|w| w.weekday.is_some() || w.month.is_some() || w.part_of_day.is_some())
    }

    /// The end of a place named after a clock time, before the day it is on: "10:00 am in
    /// Moscow (0700 GMT) on Monday", "10 a.m. in New York on Friday". One to three capitalised
    /// words after "in"; `k` itself when there is none.
    fn place_after_time(&self, k: usize) -> usize {
        if !self.is(k, "in") {
            return k;
        }
        let names = (k + 1..k + 4).take_while(|&j| self.plain_name(j)).count();
        if names == 0 {
            k
        } else {
            k + 1 + names
        }
    }

    /// Parts of spans: "mid-June", "early 2024", "late last year", "the end of last week",
    /// "earlier this month", "the beginning of March", "late yesterday".
    pub(super) fn part(&self, i: usize) -> Option<(usize, Expr)> {
        if let Some(found) = self.week_of(i).or_else(|| self.year_end(i)) {
            return Some(found);
        }
        let (part, j) = self.part_words(i)?;
        // "the end of the month", "the start of the quarter": the one in focus.
        if self.is(j, "the")
            && self.is_any(j + 1, &["month", "quarter"])
            && !self.dash(j + 2)
            && !self.is(j + 2, "of")
            && !self.cup_round(j + 1)
        {
            let unit = self.word(j + 1)?.unit?;
            let inner = Expr::Relative { det: Det::This, unit, the: true };
            return Some((j + 2, Expr::Part { part, inner: Box::new(inner) }));
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
        // "by mid-morning", "in late afternoon": of the day in focus, as "in the afternoon"
        let bare_part_of_day = || {
            let after_preposition = i > 0 && self.is_any(i - 1, super::relative::PART_PREPOSITIONS);
            let of_day = self.part_word(j).filter(|_| after_preposition && self.phrase_ends(j + 1))?;
            Some((j + 1, Expr::DayInFocus { part: Some(of_day) }))
        };
        let (end, inner) = best.or_else(bare_part_of_day)?;
        Some((end, Expr::Part { part, inner: Box::new(inner) }))
    }

    /// "the week of March 6", "the week of Jan. 10, 2000": the week that day falls in.
    fn week_of(&self, i: usize) -> Option<(usize, Expr)> {
        if !(self.is(i, "the") && self.is(i + 1, "week") && self.is(i + 2, "of")) {
            return None;
        }
        let (end, inner) = [Self::month_first, Self::day_first, Self::holiday]
            .into_iter()
            .filter_map(|p| p(self, i + 3))
            .filter(|(_, e)| matches!(e, Expr::Date(Fields { day: Some(_), .. }) | Expr::Holiday { .. }))
            .max_by_key(|(end, _)| *end)?;
        Some((end, Expr::WeekOf(Box::new(inner))))
    }

    /// "year-end", "year end", "year's end": the end of this year; "mid-year", "midyear": its
    /// middle.
    fn year_end(&self, i: usize) -> Option<(usize, Expr)> {
        let this_year = || Box::new(Expr::Relative { det: Det::This, unit: Unit::Year, the: false });
        if self.is(i, "midyear") || self.is(i, "mid") && self.dash(i + 1) && self.tight(i + 1) && self.is(i + 2, "year")
        {
            let end = if self.is(i, "midyear") { i + 1 } else { i + 3 };
            return Some((end, Expr::Part { part: Part::Mid, inner: this_year() }));
        }
        if !self.is(i, "year") {
            return None;
        }
        let k = if self.is(i + 1, "end") {
            i + 2
        } else if self.dash(i + 1) && self.is(i + 2, "end") {
            i + 3
        } else if self.apostrophe(i + 1) && self.is(i + 2, "s") && self.is(i + 3, "end") {
            i + 4
        } else {
            return None;
        };
        Some((k, Expr::Part { part: Part::End, inner: this_year() }))
    }

    /// The words that pick a part of a span, and where the span starts: "the end of", "earlier
    /// this", "mid-", "early", "late".
    fn part_words(&self, i: usize) -> Option<(Part, usize)> {
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
        Some((part, j))
    }
}

/// An hour of 1 to 12 with its half of the day (`pm`) on the 24-hour clock: 12 a.m. is 0.
fn on_24_hour_clock(h: u32, pm: bool) -> u32 {
    match (pm, h) {
        (true, 12) => 12,
        (true, h) => h + 12,
        (false, 12) => 0,
        (false, h) => h,
    }
}
