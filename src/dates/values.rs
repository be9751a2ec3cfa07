//! Resolved time values: what a temporal expression means on the calendar.
//!
//! A [`TimeValue`] is typed: a calendar [`Point`] (with granularity and first/last day), a
//! range of points, a [`Duration`], a [`SetValue`] (a recurrence), a reference to the present,
//! past or future, or an unanchored relative value when the article has no publication date.
//! The TIMEX3 string ([`TimeValue::timex`]) is one rendering of it.

use chrono::{Datelike, Duration as Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};
use std::fmt;

/// The unit a value is precise to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Granularity {
    Century,
    Decade,
    Year,
    Half,
    Quarter,
    Season,
    Month,
    Week,
    Weekend,
    Day,
    PartOfDay,
    Time,
}

impl Granularity {
    /// Its name in words: "day", "part of a day", "month" ...
    pub fn name(self) -> &'static str {
        match self {
            Granularity::Century => "century",
            Granularity::Decade => "decade",
            Granularity::Year => "year",
            Granularity::Half => "half-year",
            Granularity::Quarter => "quarter",
            Granularity::Season => "season",
            Granularity::Month => "month",
            Granularity::Week => "week",
            Granularity::Weekend => "weekend",
            Granularity::Day => "day",
            Granularity::PartOfDay => "part of a day",
            Granularity::Time => "time of day",
        }
    }
}

/// A season of the (northern) year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Season {
    Spring,
    Summer,
    Autumn,
    Winter,
}

impl Season {
    fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Autumn => "FA",
            Season::Winter => "WI",
        }
    }
}

/// A part of the day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartOfDay {
    Morning,
    Afternoon,
    Evening,
    Night,
    Day,
}

impl PartOfDay {
    fn code(self) -> &'static str {
        match self {
            PartOfDay::Morning => "MO",
            PartOfDay::Afternoon => "AF",
            PartOfDay::Evening => "EV",
            PartOfDay::Night => "NI",
            PartOfDay::Day => "DT",
        }
    }
}

/// A span of the calendar at some granularity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Point {
    /// A century by its first two digits: 19 is 1900-1999. A negative one is the century
    /// before Christ of that number: -11 is the 11th century BC, 1100 to 1001 BC.
    Century(i32),
    /// A decade by its first three digits: 199 is 1990-1999.
    Decade(i32),
    Year(i32),
    /// Half 1 or 2 of a year.
    Half(i32, u8),
    /// Quarter 1-4 of a year.
    Quarter(i32, u8),
    Season(i32, Season),
    Month(i32, u32),
    /// ISO week-numbering year and week.
    Week(i32, u32),
    /// The Saturday and Sunday of an ISO week.
    Weekend(i32, u32),
    Day(NaiveDate),
    PartOfDay(NaiveDate, PartOfDay),
    /// A clock time on a day (hour, minute).
    Time(NaiveDate, u32, u32),
}

fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or(NaiveDate::MIN)
}

fn month_last(y: i32, m: u32) -> NaiveDate {
    let (ny, nm) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
    ymd(ny, nm, 1) - Days::days(1)
}

fn iso_monday(y: i32, w: u32) -> NaiveDate {
    NaiveDate::from_isoywd_opt(y, w, Weekday::Mon).unwrap_or(NaiveDate::MIN)
}

impl Point {
    /// The unit this point is precise to.
    pub fn granularity(&self) -> Granularity {
        match self {
            Point::Century(_) => Granularity::Century,
            Point::Decade(_) => Granularity::Decade,
            Point::Year(_) => Granularity::Year,
            Point::Half(..) => Granularity::Half,
            Point::Quarter(..) => Granularity::Quarter,
            Point::Season(..) => Granularity::Season,
            Point::Month(..) => Granularity::Month,
            Point::Week(..) => Granularity::Week,
            Point::Weekend(..) => Granularity::Weekend,
            Point::Day(_) => Granularity::Day,
            Point::PartOfDay(..) => Granularity::PartOfDay,
            Point::Time(..) => Granularity::Time,
        }
    }

    /// The week containing a day.
    pub fn week_of(d: NaiveDate) -> Point {
        let w = d.iso_week();
        Point::Week(w.year(), w.week())
    }

    /// First day of the span.
    pub fn first(&self) -> NaiveDate {
        match *self {
            Point::Century(c) if c < 0 => ymd(1 + 100 * c, 1, 1),
            Point::Century(c) => ymd(c * 100, 1, 1),
            Point::Decade(d) => ymd(d * 10, 1, 1),
            Point::Year(y) => ymd(y, 1, 1),
            Point::Half(y, h) => ymd(y, if h == 1 { 1 } else { 7 }, 1),
            Point::Quarter(y, q) => ymd(y, 3 * q as u32 - 2, 1),
            Point::Season(y, s) => match s {
                Season::Spring => ymd(y, 3, 20),
                Season::Summer => ymd(y, 6, 21),
                Season::Autumn => ymd(y, 9, 22),
                Season::Winter => ymd(y, 12, 21),
            },
            Point::Month(y, m) => ymd(y, m, 1),
            Point::Week(y, w) => iso_monday(y, w),
            Point::Weekend(y, w) => iso_monday(y, w) + Days::days(5),
            Point::Day(d) | Point::PartOfDay(d, _) | Point::Time(d, ..) => d,
        }
    }

    /// Last day of the span.
    pub fn last(&self) -> NaiveDate {
        match *self {
            Point::Century(c) if c < 0 => ymd(100 * (c + 1), 12, 31),
            Point::Century(c) => ymd(c * 100 + 99, 12, 31),
            Point::Decade(d) => ymd(d * 10 + 9, 12, 31),
            Point::Year(y) => ymd(y, 12, 31),
            Point::Half(y, h) => {
                if h == 1 {
                    ymd(y, 6, 30)
                } else {
                    ymd(y, 12, 31)
                }
            }
            Point::Quarter(y, q) => month_last(y, 3 * q as u32),
            Point::Season(y, s) => match s {
                Season::Spring => ymd(y, 6, 20),
                Season::Summer => ymd(y, 9, 21),
                Season::Autumn => ymd(y, 12, 20),
                Season::Winter => ymd(y + 1, 3, 19),
            },
            Point::Month(y, m) => month_last(y, m),
            Point::Week(y, w) | Point::Weekend(y, w) => iso_monday(y, w) + Days::days(6),
            Point::Day(d) | Point::PartOfDay(d, _) | Point::Time(d, ..) => d,
        }
    }

    /// The year the span starts in.
    pub fn year(&self) -> i32 {
        match *self {
            Point::Year(y) | Point::Half(y, _) | Point::Quarter(y, _) | Point::Season(y, _) | Point::Month(y, _) => y,
            _ => self.first().year(),
        }
    }

    /// The same kind of span moved by `n` of its own units (a quarter by quarters, a week by
    /// weeks...). Points finer than a day move by days.
    pub fn shift(&self, n: i32) -> Point {
        match *self {
            Point::Century(c) => Point::Century(c + n),
            Point::Decade(d) => Point::Decade(d + n),
            Point::Year(y) => Point::Year(y + n),
            Point::Half(y, h) => {
                let i = y * 2 + h as i32 - 1 + n;
                Point::Half(i.div_euclid(2), (i.rem_euclid(2) + 1) as u8)
            }
            Point::Quarter(y, q) => {
                let i = y * 4 + q as i32 - 1 + n;
                Point::Quarter(i.div_euclid(4), (i.rem_euclid(4) + 1) as u8)
            }
            Point::Season(y, s) => Point::Season(y + n, s),
            Point::Month(y, m) => {
                let i = y * 12 + m as i32 - 1 + n;
                Point::Month(i.div_euclid(12), (i.rem_euclid(12) + 1) as u32)
            }
            Point::Week(..) | Point::Weekend(..) => {
                let d = self.first() + Days::weeks(n as i64);
                let w = d.iso_week();
                if matches!(self, Point::Week(..)) {
                    Point::Week(w.year(), w.week())
                } else {
                    Point::Weekend(w.year(), w.week())
                }
            }
            Point::Day(d) => Point::Day(d + Days::days(n as i64)),
            Point::PartOfDay(d, p) => Point::PartOfDay(d + Days::days(n as i64), p),
            Point::Time(d, h, m) => Point::Time(d + Days::days(n as i64), h, m),
        }
    }

    /// The point's TIMEX3 value: `2024`, `2024-06`, `2024-06-15`, `2024-W20`, `2024-W20-WE`,
    /// `2024-Q2`, `2024-H1`, `2024-SU`, `199` (the 1990s), `2024-06-15TMO`, `2024-06-15T10:30`.
    pub fn timex(&self) -> String {
        match *self {
            Point::Century(c) if c < 0 => format!("BC{:02}", -c - 1),
            Point::Century(c) => format!("{c:02}"),
            Point::Decade(d) => format!("{d:03}"),
            Point::Year(y) => year_code(y),
            Point::Half(y, h) => format!("{}-H{h}", year_code(y)),
            Point::Quarter(y, q) => format!("{}-Q{q}", year_code(y)),
            Point::Season(y, s) => format!("{}-{}", year_code(y), s.code()),
            Point::Month(y, m) => format!("{}-{m:02}", year_code(y)),
            Point::Week(y, w) => format!("{}-W{w:02}", year_code(y)),
            Point::Weekend(y, w) => format!("{}-W{w:02}-WE", year_code(y)),
            Point::Day(d) => ymd_string(d),
            Point::PartOfDay(d, p) => format!("{}T{}", ymd_string(d), p.code()),
            Point::Time(d, h, m) => format!("{}T{h:02}:{m:02}", ymd_string(d)),
        }
    }
}

/// `YYYY-MM-DD`.
fn ymd_string(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year_code(d.year()), d.month(), d.day())
}

/// A year as TIMEX3 writes it: four digits, and a year before Christ (year 0 or less in the
/// proleptic calendar) with "BC" before its number: 100 BC, year -99, is `BC0100`.
fn year_code(y: i32) -> String {
    if y >= 1 {
        format!("{y:04}")
    } else {
        format!("BC{:04}", 1 - y)
    }
}

/// A TIMEX3 modifier: where in the span, or how approximate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum Modifier {
    Start,
    Mid,
    End,
    Approx,
    Before,
    After,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
}

impl Modifier {
    /// The TIMEX3 `mod` attribute.
    pub fn timex(self) -> &'static str {
        match self {
            Modifier::Start => "START",
            Modifier::Mid => "MID",
            Modifier::End => "END",
            Modifier::Approx => "APPROX",
            Modifier::Before => "BEFORE",
            Modifier::After => "AFTER",
            Modifier::LessThan => "LESS_THAN",
            Modifier::MoreThan => "MORE_THAN",
            Modifier::EqualOrLess => "EQUAL_OR_LESS",
            Modifier::EqualOrMore => "EQUAL_OR_MORE",
        }
    }
}

/// A unit of time for durations and offsets.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Night,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The unit's English name, singular: `day`, `week`, `fortnight`.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Second => "second",
            Unit::Minute => "minute",
            Unit::Hour => "hour",
            Unit::Day => "day",
            Unit::Night => "night",
            Unit::Week => "week",
            Unit::Weekend => "weekend",
            Unit::Fortnight => "fortnight",
            Unit::Month => "month",
            Unit::Quarter => "quarter",
            Unit::Year => "year",
            Unit::Decade => "decade",
            Unit::Century => "century",
        }
    }

    /// The TIMEX3 duration designator and whether it belongs after `T`; fortnights are two
    /// weeks, nights days.
    /// Where the unit stands among those a length written in two units uses (seconds 0 up to
    /// years 6), smallest first; `None` for the others (quarters, decades, nights ...).
    pub fn length_rank(self) -> Option<usize> {
        [Unit::Second, Unit::Minute, Unit::Hour, Unit::Day, Unit::Week, Unit::Month, Unit::Year]
            .iter()
            .position(|&u| u == self)
    }

    fn designator(self) -> (&'static str, bool, u32) {
        match self {
            Unit::Second => ("S", true, 1),
            Unit::Minute => ("M", true, 1),
            Unit::Hour => ("H", true, 1),
            Unit::Day | Unit::Night => ("D", false, 1),
            Unit::Week | Unit::Weekend => ("W", false, 1),
            Unit::Fortnight => ("W", false, 2),
            Unit::Month => ("M", false, 1),
            Unit::Quarter => ("Q", false, 1),
            Unit::Year => ("Y", false, 1),
            Unit::Decade => ("Y", false, 10),
            Unit::Century => ("Y", false, 100),
        }
    }
}

/// How many units: exact, a fraction (`1.5`), or unknown ("several years", "decades").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Amount {
    Exact(u32),
    /// Tenths: 15 is one and a half.
    Tenths(u32),
    Unknown,
}

/// A length of time, never placed on the calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Duration {
    pub amount: Amount,
    pub unit: Unit,
    /// The rest of a length written in two units, in the smaller one: the 17 minutes of "two
    /// hours and 17 minutes".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rest: Option<(u32, Unit)>,
}

impl Duration {
    /// A length of `amount` units.
    pub fn new(amount: Amount, unit: Unit) -> Duration {
        Duration { amount, unit, rest: None }
    }

    /// TIMEX3 value: `P3Y`, `PT30H`, `P30D`, `PXY` for an unknown number of years, `PT2H17M`
    /// for a length in two units.
    ///
    /// ```
    /// use timeline::dates::values::{Amount, Duration, Unit};
    /// assert_eq!(Duration::new(Amount::Exact(30), Unit::Hour).timex(), "PT30H");
    /// assert_eq!(Duration::new(Amount::Unknown, Unit::Year).timex(), "PXY");
    /// let d = Duration { rest: Some((17, Unit::Minute)), ..Duration::new(Amount::Exact(2), Unit::Hour) };
    /// assert_eq!(d.timex(), "PT2H17M");
    /// let d = Duration { rest: Some((18, Unit::Hour)), ..Duration::new(Amount::Exact(1), Unit::Day) };
    /// assert_eq!(d.timex(), "P1DT18H");
    /// let d = Duration { rest: Some((3, Unit::Day)), ..Duration::new(Amount::Exact(2), Unit::Week) };
    /// assert_eq!(d.timex(), "P17D");
    /// ```
    pub fn timex(&self) -> String {
        if let (Amount::Exact(n), Some((m, small))) = (self.amount, self.rest) {
            // ISO 8601 writes weeks alone: "two weeks and three days" is 17 days.
            if (self.unit, small) == (Unit::Week, Unit::Day) {
                return format!("P{}D", n * 7 + m);
            }
            let ((d1, t1, k1), (d2, t2, k2)) = (self.unit.designator(), small.designator());
            let first = format!("{}{}{d1}", if t1 { "T" } else { "" }, n * k1);
            let second = format!("{}{}{d2}", if t2 && !t1 { "T" } else { "" }, m * k2);
            return format!("P{first}{second}");
        }
        let (d, t, mult) = self.unit.designator();
        let n = match self.amount {
            Amount::Exact(n) => (n * mult).to_string(),
            Amount::Tenths(n) if n * mult % 10 == 0 => (n * mult / 10).to_string(),
            Amount::Tenths(n) => {
                // "two and a half years" is P2Y6M, "5 1/2 hours" PT5H30M: a half in the next
                // smaller unit, as TimeML writes them; other fractions stay decimal.
                let (whole, rest) = (n * mult / 10, n * mult % 10);
                let smaller = match (d, t) {
                    ("Y", false) => Some(("M", false, 12)),
                    ("D", false) => Some(("H", true, 24)),
                    ("H", true) => Some(("M", true, 60)),
                    ("M", true) => Some(("S", true, 60)),
                    _ => None,
                };
                if let Some((sd, st, per)) = smaller.filter(|_| rest == 5) {
                    let whole = if whole > 0 { format!("{whole}{d}") } else { String::new() };
                    let t = if t { "T" } else { "" };
                    let st = if st && t.is_empty() { "T" } else { "" };
                    return format!("P{t}{whole}{st}{}{sd}", rest * per / 10);
                }
                format!("{}", n as f64 * mult as f64 / 10.0)
            }
            Amount::Unknown => "X".to_string(),
        };
        let d = match (self.amount, self.unit) {
            (Amount::Unknown, Unit::Decade) => "DE",
            (Amount::Unknown, Unit::Century) => "CE",
            _ => d,
        };
        format!("P{}{n}{d}", if t { "T" } else { "" })
    }
}

/// A recurrence ("every Monday", "nightly", "annually").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum SetValue {
    /// Once every so many units.
    Every(Duration),
    /// Every given weekday (1 = Monday).
    Weekday(u32),
    /// Every given part of the day.
    PartOfDay(PartOfDay),
    /// Every given month ("each July").
    Month(u32),
}

impl SetValue {
    pub fn timex(&self) -> String {
        match self {
            SetValue::Every(d) => d.timex(),
            SetValue::Weekday(w) => format!("XXXX-WXX-{w}"),
            SetValue::PartOfDay(p) => format!("T{}", p.code()),
            SetValue::Month(m) => format!("XXXX-{m:02}"),
        }
    }
}

/// A reference to the present, the past or the future with no more precision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Reference {
    Present,
    Past,
    Future,
}

/// The TIMEX3 type of an expression.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl fmt::Display for TimexType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        })
    }
}

/// What a temporal expression means.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeValue {
    /// A span of the calendar, possibly narrowed by a modifier ("mid-June", "early 2024").
    Date { point: Point, modifier: Option<Modifier> },
    /// An inclusive range of spans ("June 15-16", "from May 3 to May 5").
    Range { from: Point, to: Point },
    /// A length of time ("30-hour", "more than three years").
    Duration { duration: Duration, modifier: Option<Modifier> },
    /// A recurrence.
    Set(SetValue),
    /// "now", "recently", "in the future".
    Reference(Reference),
    /// A relative expression with nothing to anchor it (the article has no publication date):
    /// known only as its TIMEX3 pattern, e.g. a Monday is `XXXX-WXX-1`.
    Unanchored(Point),
}

impl TimeValue {
    /// A day.
    pub fn day(d: NaiveDate) -> TimeValue {
        TimeValue::Date { point: Point::Day(d), modifier: None }
    }

    /// "now", "currently": the moment of speaking.
    pub fn is_present_reference(&self) -> bool {
        matches!(self, TimeValue::Reference(Reference::Present))
    }

    /// The TIMEX3 type.
    pub fn timex_type(&self) -> TimexType {
        match self {
            TimeValue::Date { point: Point::PartOfDay(..) | Point::Time(..), .. } => TimexType::Time,
            TimeValue::Date { .. } | TimeValue::Range { .. } | TimeValue::Reference(_) | TimeValue::Unanchored(_) => {
                TimexType::Date
            }
            TimeValue::Duration { .. } => TimexType::Duration,
            TimeValue::Set(_) => TimexType::Set,
        }
    }

    /// The TIMEX3 value string.
    ///
    /// ```
    /// use timeline::dates::values::{Point, TimeValue};
    /// let d = |s: &str| s.parse().unwrap();
    /// let r = TimeValue::Range { from: Point::Day(d("2024-06-15")), to: Point::Day(d("2024-06-16")) };
    /// assert_eq!(r.timex(), "2024-06-15/2024-06-16");
    /// assert_eq!(TimeValue::Date { point: Point::Week(2024, 20), modifier: None }.timex(), "2024-W20");
    /// ```
    pub fn timex(&self) -> String {
        match self {
            TimeValue::Date { point, .. } => point.timex(),
            TimeValue::Range { from, to } => format!("{}/{}", from.timex(), to.timex()),
            TimeValue::Duration { duration, .. } => duration.timex(),
            TimeValue::Set(s) => s.timex(),
            TimeValue::Reference(r) => match r {
                Reference::Present => "PRESENT_REF",
                Reference::Past => "PAST_REF",
                Reference::Future => "FUTURE_REF",
            }
            .to_string(),
            TimeValue::Unanchored(p) => unanchored_timex(p),
        }
    }

    /// The TIMEX3 `mod`, if any.
    pub fn modifier(&self) -> Option<Modifier> {
        match self {
            TimeValue::Date { modifier, .. } | TimeValue::Duration { modifier, .. } => *modifier,
            _ => None,
        }
    }

    /// First and last day on the calendar, for values placed on it.
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        match self {
            TimeValue::Date { point, modifier } => Some(part_of_days(point.first(), point.last(), *modifier)),
            TimeValue::Range { from, to } => Some((from.first(), to.last())),
            _ => None,
        }
    }

    /// The granularity of a value placed on the calendar.
    pub fn granularity(&self) -> Option<Granularity> {
        match self {
            TimeValue::Date { point, .. } | TimeValue::Unanchored(point) => Some(point.granularity()),
            TimeValue::Range { from, .. } => Some(from.granularity()),
            _ => None,
        }
    }
}

/// The part of the days `a` to `b` a modifier names: the first, middle or last third (at least
/// a day); all of them for no modifier or another one.
pub fn part_of_days(a: NaiveDate, b: NaiveDate, modifier: Option<Modifier>) -> (NaiveDate, NaiveDate) {
    let len = (b - a).num_days();
    match modifier {
        Some(Modifier::Start) if len >= 2 => (a, a + Days::days(len / 3)),
        Some(Modifier::Mid) if len >= 2 => (a + Days::days(len / 3), b - Days::days(len / 3)),
        Some(Modifier::End) if len >= 2 => (b - Days::days(len / 3), b),
        _ => (a, b),
    }
}

/// TIMEX3 with unknown parts written as X: what the expression pins down without an anchor.
/// A day in year 1 stands for a weekday of an unknown week; year 0 for an unknown year.
fn unanchored_timex(p: &Point) -> String {
    let m = |m: u32| if m == 0 { "XX".to_string() } else { format!("{m:02}") };
    match *p {
        Point::Day(d) if d.year() == 1 => format!("XXXX-WXX-{}", d.weekday().number_from_monday()),
        Point::Day(_) => "XXXX-XX-XX".into(),
        Point::PartOfDay(_, pd) => format!("XXXX-XX-XXT{}", pd.code()),
        Point::Time(_, h, mi) => format!("XXXX-XX-XXT{h:02}:{mi:02}"),
        Point::Century(_) => "XX".into(),
        Point::Decade(_) => "XXX".into(),
        Point::Year(_) => "XXXX".into(),
        Point::Half(_, h) => format!("XXXX-H{h}"),
        Point::Quarter(_, q) => format!("XXXX-Q{q}"),
        Point::Season(_, s) => format!("XXXX-{}", s.code()),
        Point::Month(_, mo) => format!("XXXX-{}", m(mo)),
        Point::Week(..) => "XXXX-WXX".into(),
        Point::Weekend(..) => "XXXX-WXX-WE".into(),
    }
}

impl fmt::Display for TimeValue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.timex())?;
        if let Some(m) = self.modifier() {
            write!(f, " ({})", m.timex())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_know_their_days() {
        assert_eq!(Point::Week(2024, 20).first(), ymd(2024, 5, 13));
        assert_eq!(Point::Weekend(2025, 16).first(), ymd(2025, 4, 19));
        assert_eq!(Point::Weekend(2025, 16).last(), ymd(2025, 4, 20));
        assert_eq!(Point::Quarter(2024, 1).last(), ymd(2024, 3, 31));
        assert_eq!(Point::Month(2024, 2).last(), ymd(2024, 2, 29));
        assert_eq!(Point::Decade(199).timex(), "199");
    }

    #[test]
    fn years_before_christ_count_back_from_year_one() {
        // 551 BC is the proleptic year -550; the 11th century BC runs from 1100 to 1001 BC
        assert_eq!(Point::Year(-550).timex(), "BC0551");
        assert_eq!(Point::Year(0).timex(), "BC0001");
        assert_eq!(Point::Year(1).timex(), "0001");
        assert_eq!(Point::Day(ymd(-43, 3, 15)).timex(), "BC0044-03-15");
        assert_eq!(Point::Century(-11).timex(), "BC10");
        assert_eq!((Point::Century(-11).first(), Point::Century(-11).last()), (ymd(-1099, 1, 1), ymd(-1000, 12, 31)));
        assert_eq!((Point::Century(-1).first(), Point::Century(-1).last()), (ymd(-99, 1, 1), ymd(0, 12, 31)));
        // the century after the first before Christ is the first of the common era
        assert_eq!(Point::Century(-1).shift(1), Point::Century(0));
    }

    #[test]
    fn shifting_keeps_the_granularity() {
        assert_eq!(Point::Quarter(1989, 1).shift(-1), Point::Quarter(1988, 4));
        assert_eq!(Point::Month(2024, 1).shift(-1), Point::Month(2023, 12));
        assert_eq!(Point::Week(2025, 1).shift(-1), Point::Week(2024, 52));
        assert_eq!(Point::Half(2024, 2).shift(1), Point::Half(2025, 1));
    }

    #[test]
    fn modifiers_narrow_the_days() {
        let v = TimeValue::Date { point: Point::Month(2024, 6), modifier: Some(Modifier::Mid) };
        let (a, b) = v.days().unwrap();
        assert!(a > ymd(2024, 6, 5) && b < ymd(2024, 6, 25));
    }

    #[test]
    fn durations_render_as_timex() {
        let d = |amount, unit| Duration::new(amount, unit).timex();
        assert_eq!(d(Amount::Exact(3), Unit::Year), "P3Y");
        assert_eq!(d(Amount::Exact(30), Unit::Day), "P30D");
        assert_eq!(d(Amount::Exact(1), Unit::Fortnight), "P2W");
        assert_eq!(d(Amount::Tenths(15), Unit::Minute), "PT1M30S");
        assert_eq!(d(Amount::Tenths(25), Unit::Year), "P2Y6M");
        assert_eq!(d(Amount::Tenths(55), Unit::Hour), "PT5H30M");
        assert_eq!(d(Amount::Tenths(15), Unit::Day), "P1DT12H");
        assert_eq!(d(Amount::Tenths(5), Unit::Day), "PT12H");
        assert_eq!(d(Amount::Tenths(15), Unit::Week), "P1.5W");
        assert_eq!(d(Amount::Tenths(23), Unit::Year), "P2.3Y");
    }
}
