//! The rules for each kind of expression that needs more than a line: ranges, parts of a
//! year, seasons, "today", "last week", weekdays, holidays, clock times and parts of a day.

use super::*;

impl Resolver<'_> {
    /// A range of days ("June 15-16", "from May 3 to May 5"): both ends resolved as dates.
    pub(super) fn date_range(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::DateRange(a, b) = expr else { return None };
        // A span of whole months without a year or a tense ("in the January-September
        // period", "from January to August") is a period reported on: the last one begun by
        // publication, not the nearest (next January, in a November story).
        let months = a.day.is_none() && b.day.is_none() && a.year.is_none() && b.year.is_none();
        let tense = if months && self.dir(tense).is_none() { Tense::Past } else { tense };
        let ra = self.fields(*a, tense)?;
        let from = match ra.value {
            TimeValue::Date { point, .. } => point,
            _ => return None,
        };
        let mut bf = *b;
        if bf.year.is_none() {
            bf.year = Some(from.year());
        }
        let mut to = match self.fields(bf, Tense::Unknown)?.value {
            TimeValue::Date { point, .. } => point,
            _ => return None,
        };
        if to.first() < from.first() && b.year.is_none() {
            if let Point::Day(d) = to {
                to = Point::Day(d.with_year(d.year() + 1)?);
            } else if let Point::Month(y, m) = to {
                to = Point::Month(y + 1, m);
            }
        }
        if to.first() < from.first() {
            return None;
        }
        ok(TimeValue::Range { from, to }, ra.anchor, format!("range: {}", ra.reason))
    }

    /// A part of a year ("the third quarter", "the first half of 2024").
    pub(super) fn year_part(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::YearPart { per_year, n, year } = expr else { return None };
        let dct = self.published;
        let mk = |y: i32| if *per_year == 4 { Point::Quarter(y, *n) } else { Point::Half(y, *n) };
        let part = if *per_year == 4 { "quarter" } else { "half" };
        match (year, dct) {
            (Some(YearRef::Written(y)), _) => ok(date(mk(*y)), None, format!("written {part} and year")),
            (Some(YearRef::FromPublication(k)), Some(d)) => {
                ok(date(mk(d.year() + k)), self.published_anchor(), format!("{part} of a year named from publication"))
            }
            (_, None) => ok(TimeValue::Unanchored(mk(0)), None, "no publication date: year unknown".into()),
            (None, Some(d)) => {
                let p = mk(d.year());
                if self.dir(tense) == Some(Direction::Past) && p.first() > d {
                    ok(
                        date(p.shift(-(*per_year as i32))),
                        self.published_anchor(),
                        "past tense: the last one before publication".into(),
                    )
                } else {
                    ok(date(p), self.published_anchor(), format!("{part} of the publication year"))
                }
            }
        }
    }

    /// The quarter the business story is about ("the quarter", "the year-ago quarter").
    pub(super) fn context_quarter(&mut self, expr: &Expr) -> Option<Resolved> {
        let Expr::ContextQuarter { years_back, year, current, latest, period } = expr else { return None };
        // "up 10 percent on the first half, against 6 percent in the same period last year":
        // the period named before in the sentence, a year back.
        let named = self.period_named.filter(|&(_, s)| s == self.sentence).map(|(v, _)| v);
        if let Some(v) = named.filter(|_| *period && *years_back > 0 && year.is_none()) {
            let why = "the period named before in the sentence, a year back";
            return ok(super::years_back(&v, *years_back)?, self.published_anchor(), why.into());
        }
        let dct = self.published;
        let d = dct;
        let focus = if *latest { None } else { self.quarter_focus };
        let (focus, why) = match (current, focus, d) {
            (true, _, Some(d)) => (point_of(Unit::Quarter, d)?, "the quarter of publication"),
            (false, Some(q), _) => (q, "the quarter the story is about"),
            (false, None, Some(d)) => {
                (point_of(Unit::Quarter, d)?.shift(-1), "the last full quarter before publication")
            }
            (_, _, None) => return ok(TimeValue::Unanchored(Point::Quarter(0, 1)), None, "no publication date".into()),
        };
        let q = match (year, focus) {
            (Some(YearRef::Written(y)), Point::Quarter(_, n)) => Point::Quarter(*y, n),
            (Some(YearRef::FromPublication(k)), Point::Quarter(_, n)) => Point::Quarter(d?.year() + k, n),
            _ => focus,
        };
        ok(date(q.shift(-4 * years_back)), self.published_anchor(), why.into())
    }

    /// A season ("last spring", "the summer of 2023").
    pub(super) fn season(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::Season { season, year, det } = expr else { return None };
        let dct = self.published;
        let mk = |y: i32| Some(Point::Season(y, *season));
        if let Some(y) = year {
            return ok(date(Point::Season(*y, *season)), None, "written season and year".into());
        }
        let Some(d) = dct else {
            return ok(TimeValue::Unanchored(Point::Season(0, *season)), None, "no publication date".into());
        };
        let (p, why) = match det {
            Some(Det::Last | Det::Past | Det::Previous) => (
                (d.year() - 2..=d.year()).rev().filter_map(mk).find(|p| p.last() < d)?,
                "the last one before publication".to_string(),
            ),
            Some(Det::Next | Det::Following) => (
                (d.year() - 1..=d.year() + 1).filter_map(mk).find(|p| p.first() > d)?,
                "the next one after publication".to_string(),
            ),
            Some(Det::This | Det::Same | Det::That) => (Point::Season(d.year(), *season), "this year's".to_string()),
            _ => (choose(d, self.dir(tense), mk)?, self.dir_word(tense).to_string()),
        };
        ok(date(p), self.published_anchor(), why)
    }

    /// "Today", "yesterday", "tomorrow" (and a part of that day), from publication.
    pub(super) fn deictic(&mut self, expr: &Expr) -> Option<Resolved> {
        let Expr::Deictic { days, part } = expr else { return None };
        let dct = self.published;
        let Some(d) = dct else {
            return ok(
                TimeValue::Unanchored(Point::Day(NaiveDate::from_ymd_opt(0, 1, 1)?)),
                None,
                "no publication date".into(),
            );
        };
        let day = add_days(d, *days);
        let p = match part {
            Some(pt) => Point::PartOfDay(day, *pt),
            None => Point::Day(day),
        };
        let why = match *days {
            0 => "the day of publication".to_string(),
            -1 => "the day before publication".to_string(),
            1 => "the day after publication".to_string(),
            n if n < 0 => format!("{} days before publication", -n),
            n => format!("{n} days after publication"),
        };
        ok(date(p), self.published_anchor(), why)
    }

    /// "Last week", "next month", "this year", from publication, or "the same week" from the story.
    pub(super) fn relative(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::Relative { det, unit, the } = expr else { return None };
        let dct = self.published;
        let shift: i64 = match det {
            Det::Last | Det::Past | Det::Previous => -1,
            Det::Next | Det::Following => 1,
            _ => 0,
        };
        let narrative =
            (*the || matches!(det, Det::Same | Det::That)) && !self.year_in_focus_is_publications(expr, tense);
        // "last week ... the previous week", "this year ... the previous year": the unit named
        // earlier in the sentence, whether or not it moved the narrative.
        let grain = point_of(*unit, NaiveDate::from_ymd_opt(2000, 1, 1)?).map(|p| p.granularity());
        let counts_on = *the && matches!(det, Det::Previous | Det::Following | Det::Next);
        let named = grain.filter(|_| counts_on).and_then(|g| self.point_in_sentence(g));
        let (base, anchor, why) = if let Some(p) = named {
            (
                p.first(),
                Some(Anchor { date: p.first(), kind: AnchorKind::Narrative }),
                "from the date named earlier in the sentence",
            )
        } else if narrative {
            let (p, a) = self.story_anchor()?;
            // "the next day" after "in 1991" has nothing to count from.
            let vague = too_coarse_for(p, *unit);
            // "by the end of the month" after "in 1997": the month in focus is publication's.
            if let (true, Det::This, Some(d)) = (vague, det, dct) {
                return self.relative_to(d, *unit, shift, self.published_anchor(), "from publication");
            }
            if vague {
                return unplaced(*unit);
            }
            (
                p.first(),
                Some(a),
                if a.kind == AnchorKind::Narrative {
                    "from the narrative's date"
                } else {
                    "from publication (no earlier date in the story)"
                },
            )
        } else {
            match dct {
                Some(d) => (d, self.published_anchor(), "from publication"),
                None => return ok(TimeValue::Unanchored(unknown(*unit)?), None, "no publication date".into()),
            }
        };
        self.relative_to(base, *unit, shift, anchor, why)
    }

    /// The unit around `base`, moved on by `shift` units.
    fn relative_to(
        &self,
        base: NaiveDate,
        unit: Unit,
        shift: i64,
        anchor: Option<Anchor>,
        why: &str,
    ) -> Option<Resolved> {
        if matches!(unit, Unit::Week) {
            return ok(self.week(base, shift), anchor, format!("{why}, a week"));
        }
        let p = point_of(unit, base)?.shift(shift as i32 * units_per(unit));
        ok(date(p), anchor, why.to_string())
    }

    /// Whether "the year" ("by the end of the year", "for the year") is publication's rather
    /// than the narrative's: when the narrative's year is past and the clause speaks of the
    /// future ("has shut two units in 2003 and is to shut the others by the end of the year"),
    /// or when the narrative's year lies ahead and was only guessed ("on January 25", in a
    /// December story). "The same year" always follows the narrative.
    fn year_in_focus_is_publications(&self, expr: &Expr, tense: Tense) -> bool {
        let (Expr::Relative { det: Det::This, unit: Unit::Year, the: true }, Some(d), Some((p, _))) =
            (expr, self.published, self.narrative)
        else {
            return false;
        };
        let (year, now) = (p.first().year(), d.year());
        (year < now && self.dir(tense) == Some(Direction::Future)) || (year > now && !self.narrative_year_written)
    }

    /// "The same month last year": the day, week or month in focus, a year back.
    pub(super) fn same_year_back(&mut self, unit: Unit) -> Option<Resolved> {
        let (p, anchor) = self.story_anchor()?;
        let grain = point_of(unit, p.first())?;
        if coarser(p.granularity(), grain.granularity()) {
            return unplaced(unit);
        }
        let back = match grain {
            Point::Week(y, w) => Point::Week(y - 1, w),
            Point::Month(y, m) => Point::Month(y - 1, m),
            _ => Point::Day(p.first().with_year(p.first().year() - 1).unwrap_or(p.first() - chrono::Days::new(365))),
        };
        ok(date(back), Some(anchor), "the one in focus, a year back".into())
    }

    /// "The weekend", this or last, as the tense says.
    pub(super) fn weekend(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::Weekend = expr else { return None };
        let dct = self.published;
        let Some(d) = dct else {
            return ok(TimeValue::Unanchored(Point::Weekend(0, 0)), None, "no publication date".into());
        };
        let wd = d.weekday().number_from_monday() as i64;
        let future = self.dir(tense) == Some(Direction::Future);
        // Saturday of the weekend: this one if publication falls in it.
        let sat = if wd >= 6 || future { add_days(d, 6 - wd) } else { add_days(d, -(wd + 1)) };
        let w = sat.iso_week();
        let why = if wd >= 6 {
            "the weekend of publication"
        } else if future {
            "future tense: the coming weekend"
        } else {
            "the last weekend before publication"
        };
        ok(date(Point::Weekend(w.year(), w.week())), self.published_anchor(), why.into())
    }

    /// A month placed by a determiner ("last April", "next March").
    pub(super) fn relative_month(&mut self, expr: &Expr) -> Option<Resolved> {
        let Expr::RelativeMonth { det, month } = expr else { return None };
        let dct = self.published;
        let Some(d) = dct else {
            return ok(TimeValue::Unanchored(Point::Month(0, *month)), None, "no publication date".into());
        };
        let y = match det {
            // "last February" said in March is a year back: the month just gone is "last month".
            Det::Last | Det::Past | Det::Previous => {
                if *month + 1 < d.month() {
                    d.year()
                } else {
                    d.year() - 1
                }
            }
            Det::Next | Det::Following => {
                if *month > d.month() {
                    d.year()
                } else {
                    d.year() + 1
                }
            }
            _ => d.year(),
        };
        ok(date(Point::Month(y, *month)), self.published_anchor(), "month named relative to publication".into())
    }

    /// A weekday ("Saturday", "on Monday morning"), the way the tense or the run points.
    pub(super) fn weekday(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::Weekday { det, weekday, part, lean } = expr else { return None };
        let dct = self.published;
        let Some(d) = dct else {
            return ok(
                TimeValue::Unanchored(unanchored_weekday(*weekday)),
                None,
                "no publication date: week unknown".into(),
            );
        };
        let today = d.weekday().number_from_monday() as i64;
        let wd = *weekday as i64;
        let back = (today - wd).rem_euclid(7); // days back to the last such weekday (0 = today)
        let fwd = (wd - today).rem_euclid(7);
        let (day, why) = match det {
            Some(Det::Last | Det::Past | Det::Previous) => {
                (add_days(d, -(if back == 0 { 7 } else { back })), "\"last\": the one before publication".to_string())
            }
            Some(Det::Next) => {
                (add_days(d, if fwd == 0 { 7 } else { fwd }), "\"next\": the one after publication".to_string())
            }
            Some(_) => {
                let monday = add_days(d, -(today - 1));
                (add_days(monday, wd - 1), "\"this\": in the week of publication".to_string())
            }
            None => {
                let listed = self.weekday_dir.filter(|&(_, s)| s == self.sentence).map(|(d, _)| d);
                // "Later Friday" is later on that Friday: the tense says which Friday ("Later
                // Friday, the government called", in Saturday's paper, is the day before), and
                // the word only where there is none.
                let leaning = lean.map(|l| if l == Lean::Earlier { Direction::Past } else { Direction::Future });
                // A day something is set for ("a strike for Monday") is the nearest one.
                let nearest = if fwd <= back { Direction::Future } else { Direction::Past };
                let near = (tense == Tense::Near && self.opts.prefer.is_none()).then_some(nearest);
                let dir = self.dir(tense).or(near).or(leaning).or(listed).or(Some(Direction::Past));
                if lean.is_none() {
                    if let Some(d) = self.dir(tense) {
                        self.weekday_dir = Some((d, self.sentence));
                    }
                }
                let why = match lean {
                    Some(Lean::Earlier) if self.dir(tense).is_none() => {
                        "\"earlier\" that day, no tense: the last one".to_string()
                    }
                    Some(Lean::Later) if self.dir(tense).is_none() => {
                        "\"later\" that day, no tense: the coming one".to_string()
                    }
                    _ if near.is_some() => "a day set for: the nearest one".to_string(),
                    None if self.dir(tense).is_none() && listed == Some(Direction::Future) => {
                        "no tense: the coming one, as the day named before it in the sentence".to_string()
                    }
                    None if self.dir(tense).is_none() => "no tense: the last one (news looks back)".to_string(),
                    _ => format!(
                        "{}, the {} one",
                        self.dir_word(tense),
                        if dir == Some(Direction::Past) { "last" } else { "coming" }
                    ),
                };
                match dir {
                    Some(Direction::Future) => (add_days(d, fwd), why),
                    _ => (add_days(d, -back), why),
                }
            }
        };
        let p = match part {
            Some(pt) => Point::PartOfDay(day, *pt),
            None => Point::Day(day),
        };
        ok(date(p), self.published_anchor(), format!("{}: {why}", weekday_name(*weekday)))
    }

    /// A weekday of a week placed by a determiner ("Wednesday of next week").
    pub(super) fn weekday_of_week(&mut self, expr: &Expr) -> Option<Resolved> {
        let Expr::WeekdayOfWeek { weekday, det } = expr else { return None };
        let dct = self.published;
        let Some(d) = dct else {
            return ok(TimeValue::Unanchored(unanchored_weekday(*weekday)), None, "no publication date".into());
        };
        let shift: i64 = match det {
            Det::Last | Det::Past | Det::Previous => -1,
            Det::Next | Det::Following => 1,
            _ => 0,
        };
        let monday = add_days(d, -(d.weekday().num_days_from_monday() as i64) + 7 * shift);
        let day = add_days(monday, *weekday as i64 - 1);
        ok(date(Point::Day(day)), self.published_anchor(), format!("{} of the week named", weekday_name(*weekday)))
    }

    /// The `nth` weekday of a month ("the first Tuesday of November"): the month as a month
    /// alone is read (in the year written, else by tense near publication), then its day; a
    /// month without that day ("the fifth Monday of February 2024") is the month.
    pub(super) fn weekday_of_month(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::WeekdayOfMonth { nth, weekday, month } = expr else { return None };
        let found = self.fields(*month, tense)?;
        let TimeValue::Date { point: Point::Month(y, m), .. } = found.value else { return None };
        let wd = chrono::Weekday::try_from(u8::try_from(*weekday).ok()?.checked_sub(1)?).ok()?;
        let day = match *nth {
            -1 => {
                let last = Point::Month(y, m).last();
                let back = (7 + last.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
                add_days(last, -(back as i64))
            }
            n => match NaiveDate::from_weekday_of_month_opt(y, m, wd, u8::try_from(n).ok()?) {
                Some(d) => d,
                // "the fifth Monday of February 2024": no such day, but the month is said
                None => return Some(found),
            },
        };
        const NTH: [&str; 5] = ["first", "second", "third", "fourth", "fifth"];
        let which = usize::try_from(*nth - 1).ok().and_then(|k| NTH.get(k)).unwrap_or(&"last");
        let why = format!("the {which} {} of the month; {}", weekday_name(*weekday), found.reason);
        ok(date(Point::Day(day)), found.anchor, why)
    }

    /// A holiday ("Easter", "Christmas 2024", "Ramadan"), in the year said, named earlier or
    /// of publication: a day, or for Ramadan the month's days.
    pub(super) fn holiday(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::Holiday { index, year, det } = expr else { return None };
        let dct = self.published;
        let h = self.lex.holidays.get(*index)?;
        let name = holiday_name(&h.words);
        let lunar = if h.rule.by_sighting() { SIGHTING_CAVEAT } else { "" };
        if let Some(y) = year {
            let o = holidays::of(h, *y).into_iter().next()?;
            return ok(o.value(), None, format!("{name} of a written year{lunar}"));
        }
        if let (None, Some((y, anchor))) = (det, self.year_in_sentence()) {
            let o = holidays::of(h, y).into_iter().next()?;
            return ok(o.value(), Some(anchor), format!("{name} of the year named earlier in the sentence{lunar}"));
        }
        let Some(d) = dct else {
            return ok(
                TimeValue::Unanchored(Point::Day(NaiveDate::from_ymd_opt(0, 1, 1)?)),
                None,
                "no publication date".into(),
            );
        };
        let all: Vec<Occurrence> = (d.year() - 2..=d.year() + 1).flat_map(|y| holidays::of(h, y)).collect();
        let (o, why) = match det {
            Some(Det::Last) => (all.iter().rev().find(|o| o.first < d).copied()?, "the last one".to_string()),
            Some(Det::Next) => (all.iter().find(|o| o.first > d).copied()?, "the next one".to_string()),
            Some(_) => (
                choose_span(d, None, all.into_iter().filter(|o| o.first.year() == d.year()).collect(), span)?,
                "this year's".to_string(),
            ),
            None => match self.run_up(d, tense, &all) {
                Some((o, days)) => (o, format!("{}, but {days} days ahead: news runs up to it", self.dir_word(tense))),
                None => {
                    let near: Vec<Occurrence> =
                        all.into_iter().filter(|o| (o.first.year() - d.year()).abs() <= 1).collect();
                    (choose_span(d, self.dir(tense), near, span)?, self.dir_word(tense).to_string())
                }
            },
        };
        // The tables put the day after publication, but the clause tells of it as past: the
        // month opened on a sighting a day earlier (Eid al-Adha 2006 was kept on 30 December,
        // the tables' 31st).
        let sighted_earlier = h.rule.by_sighting() && det.is_none() && self.dir(tense) == Some(Direction::Past);
        if sighted_earlier && o.first == add_days(d, 1) {
            let why = "past tense, the day before the Umm al-Qura calendar's, which is after publication";
            return ok(o.day_before().value(), self.published_anchor(), format!("{name}: {why}"));
        }
        ok(o.value(), self.published_anchor(), format!("{name}: {why}{lunar}"))
    }

    /// A holiday a past-tense sentence names within [`HOLIDAY_RUN_UP_DAYS`] before it comes:
    /// the coming one, and how many days ahead ("police said they would guard churches on
    /// Christmas Eve", written on December 21). News in the run-up to a holiday is about it.
    fn run_up(&self, d: NaiveDate, tense: Tense, all: &[Occurrence]) -> Option<(Occurrence, i64)> {
        if self.dir(tense) != Some(Direction::Past) || self.opts.prefer.is_some() {
            return None;
        }
        all.iter().find_map(|o| {
            let days = (o.first - d).num_days();
            (days > 0 && days <= HOLIDAY_RUN_UP_DAYS).then_some((*o, days))
        })
    }

    /// A clock time ("at 3 p.m."), on the day said or of the story.
    pub(super) fn clock(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::Clock { hour, minute, day } = expr else { return None };
        let dct = self.published;
        if let Some(day) = day {
            let r = self.resolve_inner(day, tense, self.sentence)?;
            if let TimeValue::Date { point: Point::Day(d), .. } = r.value {
                return ok(date(Point::Time(d, *hour, *minute)), r.anchor, format!("a clock time on {}", r.reason));
            }
            return None;
        }
        let (day, anchor) = match self.narrative {
            Some((Point::Day(day) | Point::PartOfDay(day, _), s)) if s == self.sentence => {
                (day, Some(Anchor { date: day, kind: AnchorKind::Narrative }))
            }
            _ => match dct {
                Some(d) => (d, self.published_anchor()),
                None => return None,
            },
        };
        ok(date(Point::Time(day, *hour, *minute)), anchor, "a clock time on the day in context".into())
    }

    /// A part of a day ("Monday morning", "that night").
    pub(super) fn part(&mut self, expr: &Expr, tense: Tense) -> Option<Resolved> {
        let Expr::Part { part, inner } = expr else { return None };
        let mut r = self.resolve_inner(inner, tense, self.sentence)?;
        match r.value {
            TimeValue::Date { point, .. } => r.value = TimeValue::Date { point, modifier: Some(part_modifier(*part)) },
            // A span of days, as a week that starts on Sunday is ("early this week" with
            // `week=sunday`): the part of its days, by the rule of a part of a date.
            TimeValue::Range { from: Point::Day(a), to: Point::Day(b) } => {
                let (a, b) = crate::dates::values::part_of_days(a, b, Some(part_modifier(*part)));
                r.value = if a == b {
                    TimeValue::Date { point: Point::Day(a), modifier: None }
                } else {
                    TimeValue::Range { from: Point::Day(a), to: Point::Day(b) }
                };
            }
            TimeValue::Unanchored(_) => {}
            _ => return None,
        }
        r.reason = format!(
            "the {} of it; {}",
            match part {
                Part::Start => "start",
                Part::Mid => "middle",
                Part::End => "end",
            },
            r.reason
        );
        Some(r)
    }

    /// The week a day falls in ("the week of March 6", "Easter week").
    pub(super) fn week_of(&mut self, inner: &Expr, tense: Tense) -> Option<Resolved> {
        let r = self.resolve_inner(inner, tense, self.sentence)?;
        let (first, last) = r.value.days()?;
        if first != last {
            return None;
        }
        Some(Resolved { value: self.week(first, 0), anchor: r.anchor, reason: format!("the week of it; {}", r.reason) })
    }

    /// Days of a month ("the first week of October", "the second half of March"): the month
    /// resolved as a month is, then the days counted from its first day or its last (-1).
    pub(super) fn days_of_month(&mut self, from: i8, to: i8, month: &Expr, tense: Tense) -> Option<Resolved> {
        let r = self.resolve_inner(month, tense, self.sentence)?;
        let TimeValue::Date { point: p @ Point::Month(..), .. } = r.value else { return None };
        let day = |d: i8| {
            let d = i64::from(d);
            if d > 0 {
                add_days(p.first(), d - 1)
            } else {
                add_days(p.last(), d + 1)
            }
        };
        let (first, last) = (day(from), day(to));
        (first <= last).then(|| Resolved {
            value: TimeValue::Range { from: Point::Day(first), to: Point::Day(last) },
            anchor: r.anchor,
            reason: format!("days of the month; {}", r.reason),
        })
    }
}

/// A unit counted from a story date coarser than itself ("the next day" after "in 1991"):
/// placed nowhere.
pub(super) fn unplaced(unit: Unit) -> Option<Resolved> {
    ok(TimeValue::Unanchored(unknown(unit)?), None, "the story has no date that precise to count from".into())
}

/// A unit with nothing known of where it falls: "XXXX-XX" for a month, "XXXX-WXX" for a week.
fn unknown(unit: Unit) -> Option<Point> {
    match point_of(unit, NaiveDate::from_ymd_opt(0, 1, 1)?)? {
        Point::Month(y, _) => Some(Point::Month(y, 0)),
        p => Some(p),
    }
}

/// An occurrence's first and last day, for [`choose_span`].
fn span(o: &Occurrence) -> (NaiveDate, NaiveDate) {
    (o.first, o.last)
}

/// What the reason adds to a day of the Islamic calendar, whose months open, in many
/// countries, on a sighting of the new moon rather than by the tables.
const SIGHTING_CAVEAT: &str =
    ", by the Umm al-Qura calendar (where the month opens on a sighting of the moon, a day either way)";

/// A holiday's name as written in a reason: "Christmas Eve", "New Year's Day", "Eid al-Adha",
/// "Feast of the Sacrifice".
fn holiday_name(words: &[String]) -> String {
    let mut name = String::new();
    for (n, w) in words.iter().enumerate() {
        let particle = n > 0 && matches!(w.as_str(), "al" | "ul" | "el" | "of" | "the");
        if w == "s" && n > 0 {
            name.push_str("'s");
            continue;
        }
        if n > 0 && !name.ends_with('-') {
            name.push(' ');
        }
        if particle {
            name.push_str(w);
            if matches!(w.as_str(), "al" | "ul" | "el") {
                name.push('-');
            }
        } else {
            let mut c = w.chars();
            name.extend(c.next().map(|f| f.to_ascii_uppercase()));
            name.push_str(c.as_str());
        }
    }
    name
}
