//! Resolving expressions: each [`Expr`] becomes a [`TimeValue`] against the article's
//! publication date, the tense of its clause and the narrative so far.
//!
//! The rules, in the order a reader applies them:
//! - written dates with a year need no anchor;
//! - expressions relative to "now" ("last week", "yesterday", "three days ago") count from the
//!   publication date;
//! - expressions relative to the story ("the next day", "a few days earlier", "that same day",
//!   "a year earlier") count from the last date the narrative reached;
//! - a weekday, a month or a day without a year goes the way the clause's tense points (past
//!   tense: the last one; future: the next one), unless the run prefers a direction.

/// How far back or on an offset may reach: the years an era writes with five digits ("99999
/// BC"), which the calendar holds.
const MAX_ERA_YEARS: i32 = 99_999;

mod expressions;
mod holidays;
mod story;
mod tense;

pub use holidays::{easter, occurrences, orthodox_easter, Occurrence};
pub use tense::{pointer, tense};

use super::lexicon::{Det, Lexicon, Part};
use super::scan::{Expr, Fields, Lean, YearRef};
use super::values::{Amount, Granularity, Modifier, PartOfDay, Point, Reference, TimeValue, Unit};
use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::{Deserialize, Serialize};

/// Which way ambiguous expressions go.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Direction {
    Past,
    Future,
}

/// The tense of a clause, as far as its words show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tense {
    Past,
    Future,
    Unknown,
    /// A day something is set for ("a strike for Monday"): the nearest, before or after
    /// publication.
    Near,
}

/// What a value was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Anchor {
    /// The anchor day.
    pub date: NaiveDate,
    /// Where the anchor comes from.
    pub kind: AnchorKind,
}

impl std::fmt::Display for AnchorKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            AnchorKind::Published => "publication date",
            AnchorKind::Narrative => "the narrative's date",
        })
    }
}

/// Where an anchor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorKind {
    /// The article's publication date.
    Published,
    /// The last date the narrative reached.
    Narrative,
}

/// How ambiguous expressions are resolved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Force a direction for weekdays, months and days without a year; `None` lets the tense
    /// of each clause decide.
    pub prefer: Option<Direction>,
    /// First day of the week for "this week", "last week": ISO Monday by default.
    pub week_start: Weekday,
    /// The order of day and month in all-number dates such as 04/05/2025.
    pub numeric: super::numeric::NumericOrder,
}

impl Default for Options {
    fn default() -> Self {
        Options { prefer: None, week_start: Weekday::Mon, numeric: super::numeric::NumericOrder::Auto }
    }
}

/// The state of one article's resolution: its anchor and where the narrative is.
#[derive(Debug)]
pub struct Resolver<'o> {
    opts: &'o Options,
    published: Option<NaiveDate>,
    /// The last calendar point the narrative reached, and the sentence it was in.
    narrative: Option<(Point, usize)>,
    /// Whether the narrative's point came with its year written ("May 2003", "in 2003"), not
    /// guessed from publication ("January 25" in a December story).
    narrative_year_written: bool,
    /// The quarter the story is about, once one is named ("third-quarter profit").
    quarter_focus: Option<Point>,
    /// The sentence being resolved.
    sentence: usize,
    /// A year that scopes the rest of its sentence ("Last year, ...", "In 1996, ...", "last
    /// year's"), and its sentence ([`Resolver::scope_year`]).
    year_named: Option<(i32, usize)>,
    /// The last calendar point any expression named ("last week", "this year", "May 3"), and
    /// its sentence: "the previous week" later in that sentence counts from it.
    point_named: Option<(Point, usize)>,
    /// The last period of a year an expression named (a half, a quarter, a month or a range of
    /// months: "the first half", "January-October"), and its sentence: "the same period last
    /// year" later in that sentence is that period a year back.
    period_named: Option<(TimeValue, usize)>,
    /// The way the last weekday a tense placed went, and its sentence: a list of days after it
    /// goes the same way ("by Friday morning; ... Saturday morning; ... Sunday morning").
    weekday_dir: Option<(Direction, usize)>,
    lex: &'static Lexicon,
}

/// A resolved value with its anchor and the reason for it.
#[derive(Debug, Clone)]
pub struct Resolved {
    pub value: TimeValue,
    pub anchor: Option<Anchor>,
    pub reason: String,
}

/// A calendar date value with no modifier.
fn date(point: Point) -> TimeValue {
    TimeValue::Date { point, modifier: None }
}

/// A resolution, as every rule returns it.
fn ok(value: TimeValue, anchor: Option<Anchor>, reason: String) -> Option<Resolved> {
    Some(Resolved { value, anchor, reason })
}

fn ymd(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn add_days(d: NaiveDate, n: i64) -> NaiveDate {
    if n >= 0 {
        d.checked_add_days(Days::new(n as u64)).unwrap_or(d)
    } else {
        d.checked_sub_days(Days::new((-n) as u64)).unwrap_or(d)
    }
}

/// The point of a unit containing a day.
fn point_of(unit: Unit, d: NaiveDate) -> Option<Point> {
    Some(match unit {
        Unit::Day => Point::Day(d),
        Unit::Night => Point::PartOfDay(d, super::values::PartOfDay::Night),
        Unit::Week | Unit::Fortnight => Point::week_of(d),
        Unit::Weekend => {
            let w = d.iso_week();
            Point::Weekend(w.year(), w.week())
        }
        Unit::Month => Point::Month(d.year(), d.month()),
        Unit::Quarter => Point::Quarter(d.year(), d.month0() as u8 / 3 + 1),
        Unit::Year => Point::Year(d.year()),
        Unit::Decade => Point::Decade(d.year().div_euclid(10)),
        Unit::Century => Point::Century(d.year().div_euclid(100)),
        Unit::Second | Unit::Minute | Unit::Hour => return None,
    })
}

/// Whether a value is a period of a year that "the same period last year" can mirror: a half, a
/// quarter, a month, or a range of months.
fn year_period(v: &TimeValue) -> bool {
    let period = |p: &Point| matches!(p, Point::Half(..) | Point::Quarter(..) | Point::Month(..));
    match v {
        TimeValue::Date { point, modifier: None } => period(point),
        TimeValue::Range { from: Point::Month(..), to: Point::Month(..) } => true,
        _ => false,
    }
}

/// A period of a year ([`year_period`]) `years` years earlier.
fn years_back(v: &TimeValue, years: i32) -> Option<TimeValue> {
    let back = |p: &Point| match *p {
        Point::Half(y, h) => Some(Point::Half(y - years, h)),
        Point::Quarter(y, q) => Some(Point::Quarter(y - years, q)),
        Point::Month(y, m) => Some(Point::Month(y - years, m)),
        _ => None,
    };
    match v {
        TimeValue::Date { point, modifier } => Some(TimeValue::Date { point: back(point)?, modifier: *modifier }),
        TimeValue::Range { from, to } => Some(TimeValue::Range { from: back(from)?, to: back(to)? }),
        _ => None,
    }
}

/// Whether an offset is a reference to the past or future rather than a date: an unknown
/// number of months, years, decades or centuries ("years ago", "several months later").
fn a_reference(amount: Amount, unit: Unit) -> bool {
    amount == Amount::Unknown && matches!(unit, Unit::Year | Unit::Decade | Unit::Century | Unit::Month)
}

/// Whether story point `p` is too coarse to count `unit`s from: "the next day" or "a day
/// earlier" after "in 1991".
fn too_coarse_for(p: Point, unit: Unit) -> bool {
    point_of(unit, p.first()).is_some_and(|u| coarser(p.granularity(), u.granularity()))
}

/// Whether granularity `a` is coarser than `b` on the calendar (a year is coarser than a day;
/// a week and a month are not compared by this, they nest in neither direction).
fn coarser(a: Granularity, b: Granularity) -> bool {
    use Granularity as G;
    let rank = |g: G| match g {
        G::Century => 0,
        G::Decade => 1,
        G::Year => 2,
        G::Half | G::Quarter | G::Season => 3,
        G::Month => 4,
        G::Week | G::Weekend => 5,
        G::Day | G::PartOfDay | G::Time => 6,
    };
    rank(a) < rank(b) && !(matches!(a, G::Month) && matches!(b, G::Week | G::Weekend))
}

fn units_per(unit: Unit) -> i32 {
    match unit {
        Unit::Fortnight => 2,
        _ => 1,
    }
}

/// Chooses among the occurrences of something in the years around `dct`: the last one not
/// after it (past), the first one not before it (future), or the nearest.
fn choose<F: Fn(i32) -> Option<Point>>(dct: NaiveDate, dir: Option<Direction>, f: F) -> Option<Point> {
    let cands: Vec<Point> = (dct.year() - 1..=dct.year() + 1).filter_map(&f).collect();
    choose_span(dct, dir, cands, |p| (p.first(), p.last()))
}

/// Chooses among candidates spanning the days `span` gives: the last one begun by `dct`
/// (past), the first one not over by it (future), or the nearest.
fn choose_span<T, S>(dct: NaiveDate, dir: Option<Direction>, cands: Vec<T>, span: S) -> Option<T>
where
    S: Fn(&T) -> (NaiveDate, NaiveDate),
{
    match dir {
        Some(Direction::Past) => cands.into_iter().filter(|c| span(c).0 <= dct).max_by_key(|c| span(c).0),
        Some(Direction::Future) => cands.into_iter().filter(|c| span(c).1 >= dct).min_by_key(|c| span(c).0),
        None => cands.into_iter().min_by_key(|c| {
            let (first, last) = span(c);
            if first <= dct && dct <= last {
                0
            } else {
                (first - dct).num_days().abs().min((last - dct).num_days().abs())
            }
        }),
    }
}

/// Days by which a date of the publication year may lie on the wrong side of publication and
/// still be taken over the tense: "payable Dec. 15" in a past-tense sentence of early November
/// is this December, not last.
const TENSE_SLACK_DAYS: i64 = 62;

/// How far ahead a holiday may lie and still be the one a past-tense sentence means: three
/// weeks, the run-up in which news is about the coming holiday.
const HOLIDAY_RUN_UP_DAYS: i64 = 21;

/// Like [`choose`], but a date of the publication year within [`TENSE_SLACK_DAYS`] on the
/// wrong side of publication is kept: the tense of a clause is weak evidence against a
/// nearby date.
fn choose_near<F: Fn(i32) -> Option<Point>>(dct: NaiveDate, dir: Option<Direction>, f: F) -> Option<Point> {
    if let (Some(dir), Some(own)) = (dir, f(dct.year())) {
        let wrong_side = match dir {
            Direction::Past => (own.first() - dct).num_days(),
            Direction::Future => (dct - own.last()).num_days(),
        };
        if wrong_side <= TENSE_SLACK_DAYS {
            return choose(dct, Some(dir), &f).filter(|p| p.year() == dct.year()).or(Some(own));
        }
    }
    choose(dct, dir, f)
}

/// Whether an expression writes its year ("May 2003", "in 2003", "Easter 2025", "the 1990s").
fn year_written(e: &Expr) -> bool {
    match e {
        Expr::Date(f) => f.year.is_some(),
        Expr::DateRange(a, b) => a.year.is_some() || b.year.is_some(),
        Expr::Decade(_) | Expr::Century(_) | Expr::DateInYear { .. } => true,
        Expr::YearPart { year, .. } | Expr::ContextQuarter { year, .. } => matches!(year, Some(YearRef::Written(_))),
        Expr::Season { year, .. } | Expr::Holiday { year, .. } => year.is_some(),
        Expr::Part { inner, .. } | Expr::WeekOf(inner) | Expr::DaysOfMonth { month: inner, .. } => year_written(inner),
        Expr::Clock { day: Some(day), .. } => year_written(day),
        _ => false,
    }
}

fn part_modifier(p: Part) -> Modifier {
    match p {
        Part::Start => Modifier::Start,
        Part::Mid => Modifier::Mid,
        Part::End => Modifier::End,
    }
}

fn weekday_name(wd: u32) -> &'static str {
    ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"][(wd as usize + 6) % 7]
}

fn unanchored_weekday(wd: u32) -> Point {
    // 0001-01-01 is a Monday: a day in year 1 stands for "this weekday, week unknown".
    Point::Day(add_days(NaiveDate::from_ymd_opt(1, 1, 1).unwrap_or(NaiveDate::MIN), wd as i64 - 1))
}

impl<'o> Resolver<'o> {
    /// A resolver for one article.
    pub fn new(opts: &'o Options, published: Option<NaiveDate>) -> Self {
        Resolver {
            opts,
            published,
            narrative: None,
            narrative_year_written: false,
            quarter_focus: None,
            sentence: 0,
            year_named: None,
            point_named: None,
            period_named: None,
            weekday_dir: None,
            lex: Lexicon::get(),
        }
    }

    /// The occurrence of a yearless date to take: as [`choose`] when the user asked for a
    /// direction (`--prefer`: always honoured), as [`choose_near`] when the tense gave it.
    fn pick<F: Fn(i32) -> Option<Point>>(&self, dct: NaiveDate, dir: Option<Direction>, f: F) -> Option<Point> {
        if self.opts.prefer.is_some() {
            choose(dct, dir, f)
        } else {
            choose_near(dct, dir, f)
        }
    }

    fn dir(&self, tense: Tense) -> Option<Direction> {
        self.opts.prefer.or(match tense {
            Tense::Past => Some(Direction::Past),
            Tense::Future => Some(Direction::Future),
            Tense::Unknown | Tense::Near => None,
        })
    }

    fn dir_word(&self, tense: Tense) -> &'static str {
        match (self.opts.prefer, tense) {
            (Some(Direction::Past), _) => "past preferred",
            (Some(Direction::Future), _) => "future preferred",
            (None, Tense::Past) => "past tense",
            (None, Tense::Future) => "future tense",
            (None, Tense::Unknown) => "no tense",
            (None, Tense::Near) => "a day set for",
        }
    }

    /// A year the current sentence has already named ("Last year, ... in May"): a month, day
    /// or holiday without a year later in the sentence is in it.
    /// Makes a whole year just resolved (`value`) the year of the months and days without one
    /// later in its sentence: the caller says it scopes them, as a year opening the sentence
    /// does ("Last year, a massive show of street power after the February assassination";
    /// "In 1996, Nov. 7 was renamed") or one that owns them ("last year's August-21 attack").
    /// A year named anywhere else in the sentence ("in Congress since 1991, announced in
    /// July", "new models for 2007 ... opened on November 30") does not: on the silver corpus
    /// that reading was wrong 24 times for 7 right.
    pub fn scope_year(&mut self, value: &TimeValue, sentence: usize) {
        if let TimeValue::Date { point: Point::Year(y), modifier: None } = *value {
            self.year_named = Some((y, sentence));
        }
    }

    fn year_in_sentence(&self) -> Option<(i32, Anchor)> {
        match self.year_named {
            Some((y, s)) if s == self.sentence => {
                Some((y, Anchor { date: Point::Year(y).first(), kind: AnchorKind::Narrative }))
            }
            _ => None,
        }
    }

    /// The point an earlier expression of the current sentence named, if it is of granularity
    /// `g` ("rose to 4.32 percent last week from 4.26 percent the previous week").
    fn point_in_sentence(&self, g: Granularity) -> Option<Point> {
        self.point_named.filter(|&(p, s)| s == self.sentence && p.granularity() == g).map(|(p, _)| p)
    }

    fn published_anchor(&self) -> Option<Anchor> {
        self.published.map(|date| Anchor { date, kind: AnchorKind::Published })
    }

    /// The day the story is at, with its anchor: the narrative's, when it is a day (or a part
    /// of one) that `keep` accepts (given the day and the sentence that named it), else the day
    /// of publication.
    fn day_in_focus(&self, keep: impl Fn(NaiveDate, usize) -> bool) -> Option<(NaiveDate, Anchor)> {
        match self.narrative {
            Some((Point::Day(day) | Point::PartOfDay(day, _), s)) if keep(day, s) => {
                Some((day, Anchor { date: day, kind: AnchorKind::Narrative }))
            }
            _ => Some((self.published?, self.published_anchor()?)),
        }
    }

    /// The narrative's anchor: the last point reached, else the publication date.
    fn story_anchor(&self) -> Option<(Point, Anchor)> {
        match self.narrative {
            Some((p, _)) => Some((p, Anchor { date: p.first(), kind: AnchorKind::Narrative })),
            None => self.published.map(|d| (Point::Day(d), Anchor { date: d, kind: AnchorKind::Published })),
        }
    }

    pub(super) fn week(&self, d: NaiveDate, shift: i64) -> TimeValue {
        if self.opts.week_start == Weekday::Mon {
            let p = Point::week_of(d).shift(shift as i32);
            return TimeValue::Date { point: p, modifier: None };
        }
        let back =
            (7 + d.weekday().num_days_from_monday() as i64 - self.opts.week_start.num_days_from_monday() as i64) % 7;
        let start = add_days(d, -back + 7 * shift);
        TimeValue::Range { from: Point::Day(start), to: Point::Day(add_days(start, 6)) }
    }

    /// Resolves one expression found in sentence number `sentence` of the article.
    pub fn resolve(&mut self, expr: &Expr, tense: Tense, sentence: usize) -> Option<Resolved> {
        let r = self.resolve_inner(expr, tense, sentence)?;
        // Dates the text names move the narrative on; offsets and references to the present
        // do not (so "a year earlier" twice is not two years).
        let names_a_date = |e: &Expr| {
            matches!(
                e,
                Expr::Date(_)
                    | Expr::DateInYear { .. }
                    | Expr::DateRange(..)
                    | Expr::Weekday { .. }
                    | Expr::Deictic { .. }
                    | Expr::Holiday { .. }
                    | Expr::YearPart { .. }
                    | Expr::Clock { .. }
                    | Expr::Season { year: Some(_), .. }
            ) || matches!(e, Expr::Relative { the: true, .. })
        };
        let moves = match expr {
            Expr::Part { inner, .. } | Expr::WeekOf(inner) => names_a_date(inner),
            Expr::DaysOfMonth { .. } => true,
            e => names_a_date(e),
        };
        if let (
            Expr::YearPart { .. } | Expr::ContextQuarter { years_back: 0, year: None, .. },
            TimeValue::Date { point: p @ Point::Quarter(..), .. },
        ) = (expr, r.value)
        {
            self.quarter_focus = Some(p);
        }
        if let TimeValue::Date { point, .. } = r.value {
            self.point_named = Some((point, sentence));
        }
        if year_period(&r.value) {
            self.period_named = Some((r.value, sentence));
        }
        if moves {
            let point = match r.value {
                TimeValue::Date { point, .. } => Some(point),
                TimeValue::Range { from, .. } => Some(from),
                _ => None,
            };
            if let Some(point) = point {
                self.narrative = Some((point, sentence));
                // "The same year" keeps the year it counts from.
                if !matches!(expr, Expr::Relative { the: true, .. }) {
                    self.narrative_year_written = year_written(expr);
                }
            }
        }
        Some(r)
    }

    fn resolve_inner(&mut self, expr: &Expr, tense: Tense, sentence: usize) -> Option<Resolved> {
        let dct = self.published;
        self.sentence = sentence;
        match expr {
            Expr::Date(f) => self.fields(*f, tense).or_else(|| match *f {
                Fields { year: None, month: None, weekday: Some(weekday), .. } => {
                    self.weekday(&Expr::Weekday { det: None, weekday, part: None, lean: None }, tense)
                }
                _ => None,
            }),
            Expr::DateRange(..) => self.date_range(expr, tense),
            Expr::Decade(d) => ok(date(Point::Decade(*d)), None, "a decade".into()),
            Expr::Century(c) => ok(date(Point::Century(*c)), None, "a century".into()),
            Expr::YearPart { .. } => self.year_part(expr, tense),
            Expr::ContextQuarter { .. } => self.context_quarter(expr),
            Expr::Season { .. } => self.season(expr, tense),
            Expr::Deictic { .. } => self.deictic(expr),
            Expr::Relative { .. } => self.relative(expr, tense),
            Expr::Weekend => self.weekend(expr, tense),
            Expr::SameYearBack { unit } => self.same_year_back(*unit),
            Expr::RelativePart {
                det: det @ (Det::Next | Det::Following | Det::Previous | Det::Same | Det::That),
                part,
            } => self.narrative_part_of_day(*det, *part),
            Expr::DayInFocus { part } => self.day_in_focus_expr(*part),
            Expr::Overnight => self.overnight(sentence),
            Expr::RelativePart { det, part } => {
                let d = dct?;
                let day = if *det == Det::Last { add_days(d, -1) } else { d };
                ok(date(Point::PartOfDay(day, *part)), self.published_anchor(), "from publication".into())
            }
            Expr::RelativeMonth { .. } => self.relative_month(expr),
            Expr::Weekday { .. } => self.weekday(expr, tense),
            Expr::WeekdayOfWeek { .. } => self.weekday_of_week(expr),
            Expr::WeekdayOfMonth { .. } => self.weekday_of_month(expr, tense),
            Expr::Offset { amount, unit, sign, narrative } => self.offset(*amount, *unit, *sign, *narrative),
            Expr::Duration { duration, modifier } => {
                ok(TimeValue::Duration { duration: *duration, modifier: *modifier }, None, "a length of time".into())
            }
            Expr::Set(s) => ok(TimeValue::Set(*s), None, "a recurrence".into()),
            Expr::Ref(r) => ok(
                TimeValue::Reference(*r),
                self.published_anchor(),
                "a reference to the present, past or future".into(),
            ),
            Expr::Holiday { .. } => self.holiday(expr, tense),
            Expr::Clock { .. } => self.clock(expr, tense),
            Expr::Part { .. } => self.part(expr, tense),
            Expr::WeekOf(inner) => self.week_of(inner, tense),
            Expr::DaysOfMonth { from, to, month } => self.days_of_month(*from, *to, month, tense),
            Expr::DateInYear { date, to, years, from_story } => {
                self.date_in_year(*date, *to, *years, *from_story, tense)
            }
        }
    }

    /// Written dates, complete or partial.
    fn fields(&self, f: Fields, tense: Tense) -> Option<Resolved> {
        let date = |point: Point| TimeValue::Date { point, modifier: None };
        match (f.year, f.month, f.day) {
            (Some(y), Some(m), Some(d)) => Some(Resolved {
                value: date(Point::Day(ymd(y, m, d)?)),
                anchor: None,
                reason: "a full written date".into(),
            }),
            (Some(y), Some(m), None) => (1..=12).contains(&m).then(|| Resolved {
                value: date(Point::Month(y, m)),
                anchor: None,
                reason: "written month and year".into(),
            }),
            (Some(y), None, _) => {
                Some(Resolved { value: date(Point::Year(y)), anchor: None, reason: "a written year".into() })
            }
            (None, Some(m), day) => {
                if let Some((y, anchor)) = self.year_in_sentence() {
                    let p = match day {
                        Some(dd) => Point::Day(ymd(y, m, dd)?),
                        None => Point::Month(y, m),
                    };
                    let reason = "no year written: the year named earlier in the sentence".into();
                    return Some(Resolved { value: date(p), anchor: Some(anchor), reason });
                }
                let Some(d) = self.published else {
                    let p = match day {
                        Some(dd) => {
                            ymd(2000, m, dd)?;
                            return Some(Resolved {
                                value: TimeValue::Unanchored(Point::Month(0, m)),
                                anchor: None,
                                reason: "no publication date: year unknown".into(),
                            });
                        }
                        None => Point::Month(0, m),
                    };
                    return Some(Resolved {
                        value: TimeValue::Unanchored(p),
                        anchor: None,
                        reason: "no publication date: year unknown".into(),
                    });
                };
                let dir = self.dir(tense);
                let p = match (day, f.weekday) {
                    // A weekday beside the date picks the year it falls on that weekday.
                    (Some(dd), Some(wd)) => (d.year() - 3..=d.year() + 3)
                        .filter_map(|y| ymd(y, m, dd))
                        .filter(|x| x.weekday().number_from_monday() == wd)
                        .min_by_key(|x| (*x - d).num_days().abs())
                        .map(Point::Day)
                        .or_else(|| self.pick(d, dir, |y| ymd(y, m, dd).map(Point::Day)))?,
                    (Some(dd), None) => self.pick(d, dir, |y| ymd(y, m, dd).map(Point::Day))?,
                    (None, _) => self.pick(d, dir, |y| Some(Point::Month(y, m)))?,
                };
                let wrong_side = match dir {
                    Some(Direction::Past) => p.first() > d,
                    Some(Direction::Future) => p.last() < d,
                    None => false,
                };
                let why = match dir {
                    None => "no year written: the nearest to publication".to_string(),
                    _ if wrong_side => format!(
                        "no year written; {}, but this year's, within two months of publication",
                        self.dir_word(tense)
                    ),
                    _ => format!("no year written; {}", self.dir_word(tense)),
                };
                Some(Resolved { value: date(p), anchor: self.published_anchor(), reason: why })
            }
            // "Tuesday the 19th": the month, near publication, whose 19th is a Tuesday; with none
            // within three months, None: the weekday alone is read instead (see `Expr::Date` above)
            (None, None, Some(dd)) if f.weekday.is_none() => self.day_alone(dd, tense),
            (None, None, Some(dd)) => {
                let (wd, d) = (f.weekday?, self.published?);
                let day = (-3..=3)
                    .filter_map(|k| {
                        let m = Point::Month(d.year(), d.month()).shift(k);
                        ymd(m.year(), m.first().month(), dd)
                    })
                    .filter(|x| x.weekday().number_from_monday() == wd)
                    .min_by_key(|x| (*x - d).num_days().abs())?;
                let reason = "a day of the month named with its weekday: the nearest to publication".into();
                Some(Resolved { value: date(Point::Day(day)), anchor: self.published_anchor(), reason })
            }
            _ => None,
        }
    }

    /// What an offset counts from: the story's date (`narrative`) or publication. `Err` holds
    /// the answer when there is nothing to count from.
    fn offset_base(
        &self,
        amount: Amount,
        unit: Unit,
        sign: i8,
        narrative: bool,
    ) -> Result<(Point, Anchor), Option<Resolved>> {
        let published = || {
            let d = self.published.ok_or(None)?;
            Ok((Point::Day(d), Anchor { date: d, kind: AnchorKind::Published }))
        };
        if !narrative {
            return published();
        }
        let (p, anchor) = self.story_anchor().ok_or(None)?;
        // "a day earlier" after "elected in 2005": the story has no day to count from. Back
        // from the report it is ("... valued at 1.22 billion ringgit a day earlier"); "a few
        // days later" is nowhere. A number of months or years is a reference still.
        if a_reference(amount, unit) || !too_coarse_for(p, unit) {
            Ok((p, anchor))
        } else if sign > 0 {
            Err(expressions::unplaced(unit))
        } else {
            published()
        }
    }

    fn offset(&self, amount: Amount, unit: Unit, sign: i8, narrative: bool) -> Option<Resolved> {
        if let Some((n, smaller)) = in_smaller_unit(amount, unit) {
            return self.offset(Amount::Exact(n), smaller, sign, narrative);
        }
        let (base_point, anchor) = match self.offset_base(amount, unit, sign, narrative) {
            Ok(base) => base,
            Err(answer) => return answer,
        };
        let base = base_point.first();
        let n = match amount {
            Amount::Exact(n) => n as i32,
            Amount::Tenths(t) => ((t + 5) / 10) as i32,
            Amount::Unknown => {
                if a_reference(amount, unit) {
                    let r = if sign < 0 { Reference::Past } else { Reference::Future };
                    return Some(Resolved {
                        value: TimeValue::Reference(r),
                        anchor: Some(anchor),
                        reason: "an unknown number of units away".into(),
                    });
                }
                // "a few days earlier": about three units, approximate.
                let p = point_of(unit, base)?.shift(3 * sign as i32);
                return Some(Resolved {
                    value: TimeValue::Date { point: p, modifier: Some(Modifier::Approx) },
                    anchor: Some(anchor),
                    reason: "a few units from the anchor, approximate".into(),
                });
            }
        };
        let k = n * sign as i32;
        // "a year earlier" in a story about a quarter (or month) is that quarter a year before.
        if unit == Unit::Year {
            if let Some(p) = self.quarter_focus {
                return Some(Resolved {
                    value: TimeValue::Date { point: p.shift(k * 4), modifier: None },
                    anchor: Some(Anchor { date: p.first(), kind: AnchorKind::Narrative }),
                    reason: "the quarter the story is about, years away".into(),
                });
            }
        }
        let p = match unit {
            Unit::Decade => Point::Year(base.year() + 10 * k),
            Unit::Century => Point::Year(base.year() + 100 * k),
            Unit::Hour | Unit::Minute | Unit::Second => Point::Day(base),
            Unit::Fortnight => point_of(Unit::Week, base)?.shift(2 * k),
            u => point_of(u, base)?.shift(k),
        };
        // no calendar reaches "9999 centuries ago": further than an era's five-digit years
        if !(-MAX_ERA_YEARS..=MAX_ERA_YEARS).contains(&p.year()) {
            return None;
        }
        let why = if anchor.kind == AnchorKind::Narrative {
            "counted from the narrative's date"
        } else {
            "counted from publication"
        };
        Some(Resolved {
            value: TimeValue::Date { point: p, modifier: None },
            anchor: Some(anchor),
            reason: format!(
                "{n} {} {}, {why}",
                match (n, unit) {
                    (1, u) => u.name().to_string(),
                    (_, Unit::Century) => "centuries".to_string(),
                    (_, u) => format!("{}s", u.name()),
                },
                if sign < 0 { "back" } else { "on" }
            ),
        })
    }
}

/// A count with a half in it, as a whole count of a smaller unit where that comes out whole:
/// "half a century ago" is 50 years back, "a year and a half ago" 18 months. Shorter units keep
/// their count rounded: "a day and a half later" in hours would fall on the anchor's day.
fn in_smaller_unit(amount: Amount, unit: Unit) -> Option<(u32, Unit)> {
    let Amount::Tenths(t) = amount else { return None };
    let (per, smaller) = match unit {
        Unit::Century => (100, Unit::Year),
        Unit::Decade => (10, Unit::Year),
        Unit::Year => (12, Unit::Month),
        _ => return None,
    };
    let whole = t.checked_mul(per)?;
    (t % 10 != 0 && whole % 10 == 0).then_some((whole / 10, smaller))
}
