//! The days holidays fall on: fixed days, the Easter computus, the n-th weekday of a month,
//! and the Islamic (Umm al-Qura), Hebrew, Chinese and Persian calendars, which `icu_calendar`
//! converts.
//!
//! A holiday is an [`Occurrence`], a first and a last day: one day for most, a whole month for
//! Ramadan. An Islamic year is eleven days shorter than the Gregorian, so one holiday can fall
//! twice in a Gregorian year (Eid al-Fitr on 8 January and 27 December 2000).

use super::{add_days, date, ymd};
use crate::dates::lexicon::{Holiday, HolidayRule};
use crate::dates::values::{Point, TimeValue};
use chrono::{Datelike, NaiveDate, Weekday};
use icu_calendar::cal::Hijri;
use icu_calendar::types::Month;
use icu_calendar::{AsCalendar, Date, Iso};

/// One holiday's days in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    pub first: NaiveDate,
    pub last: NaiveDate,
}

impl Occurrence {
    fn day(d: NaiveDate) -> Occurrence {
        Occurrence { first: d, last: d }
    }

    /// The occurrence as a value: a day, or a range of days (Ramadan, Hanukkah).
    pub fn value(self) -> TimeValue {
        if self.first == self.last {
            date(Point::Day(self.first))
        } else {
            TimeValue::Range { from: Point::Day(self.first), to: Point::Day(self.last) }
        }
    }

    /// The occurrence a day earlier.
    pub fn day_before(self) -> Occurrence {
        Occurrence { first: add_days(self.first, -1), last: add_days(self.last, -1) }
    }
}

/// The Gregorian years in which the lunar calendars are converted: those a four-digit number is
/// read as a year in (`scan::calendar`). Outside them a lunar holiday has no date.
const LUNAR_YEARS: std::ops::RangeInclusive<i32> = 1000..=2200;

/// Western (Gregorian) Easter Sunday: the anonymous Gregorian computus.
pub fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    ymd(y, month as u32, day as u32)
}

/// Orthodox Easter Sunday in the Gregorian calendar: the Julian computus (Meeus), then the
/// Julian-Gregorian difference of the century.
pub fn orthodox_easter(y: i32) -> Option<NaiveDate> {
    let a = y % 4;
    let b = y % 7;
    let c = y % 19;
    let d = (19 * c + 15) % 30;
    let e = (2 * a + 4 * b - d + 34) % 7;
    let month = (d + e + 114) / 31;
    let day = (d + e + 114) % 31 + 1;
    let julian = ymd(y, month as u32, day as u32)?;
    let diff = y / 100 - y / 400 - 2;
    Some(add_days(julian, diff as i64))
}

fn nth_weekday(y: i32, m: u32, wd: u32, n: i32) -> Option<NaiveDate> {
    let wd = Weekday::try_from((wd as u8 + 6) % 7).ok()?;
    if n > 0 {
        NaiveDate::from_weekday_of_month_opt(y, m, wd, n as u8)
    } else {
        // The last one: step back from the next month's first day.
        let first_next = if m == 12 { ymd(y + 1, 1, 1)? } else { ymd(y, m + 1, 1)? };
        let mut d = first_next.pred_opt()?;
        while d.weekday() != wd {
            d = d.pred_opt()?;
        }
        Some(d)
    }
}

/// The occurrences of a holiday that begin in Gregorian year `y`, earliest first.
pub fn occurrences(rule: HolidayRule, y: i32) -> Vec<Occurrence> {
    let one = |d: Option<NaiveDate>| d.map(Occurrence::day).into_iter().collect();
    match rule {
        HolidayRule::Fixed(m, d) => one(ymd(y, m, d)),
        HolidayRule::Easter(off) => one(easter(y).map(|d| add_days(d, off))),
        HolidayRule::OrthodoxEaster(off) => one(orthodox_easter(y).map(|d| add_days(d, off))),
        HolidayRule::NthWeekday(m, wd, n, off) => one(nth_weekday(y, m, wd, n).map(|d| add_days(d, off))),
        _ if !LUNAR_YEARS.contains(&y) => Vec::new(),
        HolidayRule::Hijri(m, d) => in_year(y, hijri_years(y), |h| hijri_day(h, m, d).map(Occurrence::day)),
        HolidayRule::HijriMonth(m) => in_year(y, hijri_years(y), |h| {
            let first = Date::try_new_hijri_with_calendar(h, m, 1, Hijri::new_umm_al_qura()).ok()?;
            let len = first.days_in_month() as i64;
            let first = naive(&first)?;
            Some(Occurrence { first, last: add_days(first, len - 1) })
        }),
        // Tishrei, which opens the Hebrew year, falls in September or October: year y + 3761
        // opens in Gregorian y, and its months from Tevet on fall in y + 1.
        HolidayRule::Hebrew(m, d) => in_year(y, y + 3760..=y + 3761, |h| {
            naive(&Date::try_new_hebrew_v2(h, Month::new(m), d).ok()?).map(Occurrence::day)
        }),
        // The Persian year opens at the March equinox.
        HolidayRule::Persian(m, d) => {
            in_year(y, y - 622..=y - 621, |p| naive(&Date::try_new_persian(p, m, d).ok()?).map(Occurrence::day))
        }
        // A Chinese year opens between 21 January and 20 February of its Gregorian year.
        HolidayRule::Chinese(m, d) => in_year(y, y - 1..=y, |c| {
            naive(&Date::try_new_chinese_traditional(c, Month::new(m), d).ok()?).map(Occurrence::day)
        }),
    }
}

/// A holiday's occurrences that begin in Gregorian year `y`, each as long as the festival
/// lasts.
pub fn of(h: &Holiday, y: i32) -> Vec<Occurrence> {
    let mut all = occurrences(h.rule, y);
    if h.days > 1 {
        for o in &mut all {
            o.last = add_days(o.first, h.days as i64 - 1);
        }
    }
    all
}

/// The occurrences, over the given years of another calendar, that begin in Gregorian `y`.
fn in_year<F>(y: i32, years: std::ops::RangeInclusive<i32>, f: F) -> Vec<Occurrence>
where
    F: Fn(i32) -> Option<Occurrence>,
{
    let mut out: Vec<Occurrence> = years.filter_map(f).filter(|o| o.first.year() == y).collect();
    out.sort_by_key(|o| o.first);
    out.dedup();
    out
}

/// The Islamic years that can have days in Gregorian year `y`: the Islamic year is 354 or
/// 355 days, so 33 of them pass in 32 Gregorian years, counted from 622.
fn hijri_years(y: i32) -> std::ops::RangeInclusive<i32> {
    let h = (y - 622) * 33 / 32;
    h - 1..=h + 2
}

/// A day of the Umm al-Qura calendar, Saudi Arabia's, which most news of Islamic holidays
/// follows. Where a month opens on the sighting of the moon, the day kept may be one later.
fn hijri_day(h: i32, m: u8, d: u8) -> Option<NaiveDate> {
    naive(&Date::try_new_hijri_with_calendar(h, m, d, Hijri::new_umm_al_qura()).ok()?)
}

/// An ICU date of any calendar as a chrono day.
fn naive<A: AsCalendar>(d: &Date<A>) -> Option<NaiveDate> {
    let iso = d.to_calendar(Iso);
    NaiveDate::from_ymd_opt(iso.year().extended_year(), iso.month().ordinal as u32, iso.day_of_month().0 as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> Occurrence {
        Occurrence::day(NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn easter_dates() {
        assert_eq!(easter(2024), ymd(2024, 3, 31));
        assert_eq!(easter(2025), ymd(2025, 4, 20));
        assert_eq!(orthodox_easter(2024), ymd(2024, 5, 5));
        assert_eq!(orthodox_easter(2025), ymd(2025, 4, 20));
        assert_eq!(orthodox_easter(2023), ymd(2023, 4, 16));
    }

    #[test]
    fn nth_weekdays() {
        assert_eq!(nth_weekday(2024, 11, 4, 4), ymd(2024, 11, 28)); // Thanksgiving
        assert_eq!(nth_weekday(2024, 5, 1, -1), ymd(2024, 5, 27)); // Memorial Day
    }

    #[test]
    fn islamic_holidays_twice_in_a_year() {
        // Eid al-Fitr, 1 Shawwal: twice in 2000, once in 2018.
        assert_eq!(occurrences(HolidayRule::Hijri(10, 1), 2000), vec![day(2000, 1, 8), day(2000, 12, 27)]);
        assert_eq!(occurrences(HolidayRule::Hijri(10, 1), 2018), vec![day(2018, 6, 15)]);
        // Ramadan 2018: 16 May to 14 June, 30 days.
        let r = occurrences(HolidayRule::HijriMonth(9), 2018)[0];
        assert_eq!((r.first, r.last), (day(2018, 5, 16).first, day(2018, 6, 14).first));
    }

    fn first_in(rule: HolidayRule, y: i32) -> Option<Occurrence> {
        occurrences(rule, y).into_iter().next()
    }

    #[test]
    fn hebrew_and_chinese_holidays() {
        assert_eq!(first_in(HolidayRule::Hebrew(1, 10), 2018), Some(day(2018, 9, 19))); // Yom Kippur
        assert_eq!(first_in(HolidayRule::Hebrew(7, 15), 2018), Some(day(2018, 3, 31))); // Passover
        assert_eq!(first_in(HolidayRule::Hebrew(6, 14), 2014), Some(day(2014, 3, 16))); // Purim, Adar II
        assert_eq!(first_in(HolidayRule::Chinese(1, 1), 2007), Some(day(2007, 2, 18)));
        assert_eq!(first_in(HolidayRule::Chinese(8, 15), 2006), Some(day(2006, 10, 6))); // Mid-Autumn
        assert!(occurrences(HolidayRule::Chinese(1, 1), 9999).is_empty());
    }
}
