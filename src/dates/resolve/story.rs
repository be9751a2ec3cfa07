//! Expressions counted from the day the story is at, or named in a year counted from it: "the
//! next morning", "that night", "later in the day", "overnight", "March 3 this year".

use super::*;

impl Resolver<'_> {
    /// "the next morning", "the previous evening", "that night": a part of the day before,
    /// at or after the narrative's day; unanchored when the story has no day to count from.
    pub(super) fn narrative_part_of_day(&mut self, det: Det, part: PartOfDay) -> Option<Resolved> {
        let (p, anchor) = self.story_anchor()?;
        if coarser(p.granularity(), Granularity::Day) {
            return ok(
                TimeValue::Unanchored(Point::PartOfDay(NaiveDate::from_ymd_opt(0, 1, 1)?, part)),
                None,
                "the story has no day to count from".into(),
            );
        }
        let (shift, why) = match det {
            Det::Previous => (-1, "the day before the narrative's"),
            Det::Same | Det::That => (0, "of the narrative's day"),
            _ => (1, "the day after the narrative's"),
        };
        ok(date(Point::PartOfDay(add_days(p.first(), shift), part)), Some(anchor), why.into())
    }

    /// "later in the day", "by mid-morning": the narrative's day (or a part of it), else the
    /// day of publication.
    pub(super) fn day_in_focus_expr(&mut self, part: Option<PartOfDay>) -> Option<Resolved> {
        let (day, anchor) = self.day_in_focus(|_, _| true)?;
        let why = match anchor.kind {
            AnchorKind::Narrative => "the narrative's day",
            AnchorKind::Published => "the day of publication (the story is at no earlier day)",
        };
        let point = part.map_or(Point::Day(day), |p| Point::PartOfDay(day, p));
        ok(date(point), Some(anchor), why.into())
    }

    /// "overnight": the night before the day the story is at ("dashed Friday ... overnight
    /// losses"), else before publication; not before a day the story told of long ago ("the
    /// sites struck overnight" after "the Aug. 7 attacks"), unless this sentence named it.
    pub(super) fn overnight(&mut self, sentence: usize) -> Option<Resolved> {
        let dct = self.published;
        let recent = |day: NaiveDate| dct.is_some_and(|d| (0..=7).contains(&(d - day).num_days()));
        let (day, anchor) = self.day_in_focus(|day, s| s == sentence || recent(day))?;
        let why = match anchor.kind {
            AnchorKind::Narrative => "the night before the narrative's day",
            AnchorKind::Published => "the night before publication",
        };
        ok(date(Point::PartOfDay(add_days(day, -1), PartOfDay::Night)), Some(anchor), why.into())
    }

    /// A day of the month alone ("on the 15th"): of the month of the day the story is at,
    /// when it tells of one within two months of publication and that day is on the side of
    /// publication the tense points to; else of the month of publication or the one before or
    /// after it, the last by then in the past tense, the next from then in the future, else
    /// the nearest.
    pub(super) fn day_alone(&self, dd: u32, tense: Tense) -> Option<Resolved> {
        let dct = self.published?;
        let recent = |day: NaiveDate| (day - dct).num_days().abs() <= 62;
        let (day, anchor) = self.day_in_focus(|day, _| recent(day))?;
        let dir = self.dir(tense);
        // not, for what is told in the past, a day still to come, nor the other way round
        let wrong_side = |x: NaiveDate| match dir {
            Some(Direction::Past) => x > dct,
            Some(Direction::Future) => x < dct,
            None => false,
        };
        let of_narrative = ymd(day.year(), day.month(), dd).filter(|&x| !wrong_side(x));
        if let (AnchorKind::Narrative, Some(day)) = (anchor.kind, of_narrative) {
            return ok(
                date(Point::Day(day)),
                Some(anchor),
                "a day of the month alone: of the narrative's month".into(),
            );
        }
        let anchor = self.published_anchor()?;
        let month = Point::Month(dct.year(), dct.month());
        let candidates = (-1..=1).filter_map(|k| {
            let m = month.shift(k);
            ymd(m.year(), m.first().month(), dd)
        });
        let day = match dir {
            Some(Direction::Past) => candidates.filter(|&x| x <= dct).max(),
            Some(Direction::Future) => candidates.filter(|&x| x >= dct).min(),
            None => candidates.min_by_key(|&x| (x - dct).num_days().abs()),
        }?;
        let why = format!("a day of the month alone: {}", self.dir_word(tense));
        ok(date(Point::Day(day)), Some(anchor), why)
    }

    /// A date, or a range of dates `date` to `to`, in the year `years` from the story's year
    /// (`from_story`) or the publication's: "March 3 this year", "Dec. 28 to Jan. 3 this
    /// year" (which starts the year before).
    pub(super) fn date_in_year(
        &mut self,
        date: Fields,
        to: Option<Fields>,
        years: i32,
        from_story: bool,
        tense: Tense,
    ) -> Option<Resolved> {
        let (base, anchor, why) = if from_story {
            let (p, a) = self.story_anchor()?;
            (p.first().year(), Some(a), "its year named from the story's date")
        } else {
            (self.published?.year(), self.published_anchor(), "its year named from publication")
        };
        let year = base + years;
        let r = match to {
            Some(to) => {
                let wraps = date.month.zip(to.month).is_some_and(|(a, b)| a > b);
                let from = Fields { year: Some(if wraps { year - 1 } else { year }), ..date };
                self.date_range(&Expr::DateRange(from, Fields { year: Some(year), ..to }), tense)?
            }
            None => self.fields(Fields { year: Some(year), ..date }, tense)?,
        };
        ok(r.value, anchor, why.into())
    }
}
