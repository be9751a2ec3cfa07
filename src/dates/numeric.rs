//! All-number dates whose order of day and month the digits leave open: "04/05/2025" is
//! April 5 in New York and 4 May in London.
//!
//! An article settles it by its own unambiguous dates ("17/5/2024" is day first, "5/17/2024"
//! month first), else the separator does by custom: a slash reads month first (American wire
//! style), a dot day first (European style). The run can fix the order for every article.
//! Whatever decides, an ambiguous date says so in its reason, with the other reading.

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

/// How the day and the month of an all-number date are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum NumericOrder {
    /// The article's own unambiguous dates decide, else the separator's custom.
    #[default]
    Auto,
    /// 04/05/2025 is April 5.
    MonthFirst,
    /// 04/05/2025 is 4 May.
    DayFirst,
}

/// What decided the order of an article's ambiguous dates, for their reasons.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Decided {
    /// The run's option.
    Option,
    /// Another date in the article that only one order can read.
    Article,
    /// The separator's custom.
    Custom,
}

/// The order an article's own unambiguous all-number dates show, if any and if they agree
/// ("17/5/2024" shows day first). One pass over the bytes that looks closer only at the start
/// of each run of digits.
pub fn shown_by(text: &str) -> Option<NumericOrder> {
    let b = text.as_bytes();
    let (mut day_first, mut month_first) = (0, 0);
    let mut i = 0;
    while let Some(d) = b[i..].iter().position(u8::is_ascii_digit) {
        i += d;
        let Some((a, m, next)) = triple(b, i) else {
            // no date starts inside this run of digits either
            i += b[i..].iter().position(|c| !c.is_ascii_digit()).unwrap_or(b.len() - i);
            continue;
        };
        if a > 12 && (1..=12).contains(&m) {
            day_first += 1;
        } else if m > 12 && (1..=12).contains(&a) {
            month_first += 1;
        }
        i = next;
    }
    match (day_first, month_first) {
        (0, 0) => None,
        (_, 0) => Some(NumericOrder::DayFirst),
        (0, _) => Some(NumericOrder::MonthFirst),
        _ => None,
    }
}

/// Whether an all-number date ("4/5/2025", "04.05.25") starts at byte `i`: its two first
/// numbers and where it ends.
pub fn all_number_date(b: &[u8], i: usize) -> Option<(u32, u32, usize)> {
    triple(b, i)
}

/// "n1 sep n2 sep year" at byte `i` (a start of a number): the two first numbers and where
/// the match ends.
fn triple(b: &[u8], i: usize) -> Option<(u32, u32, usize)> {
    if i > 0 && (b[i - 1].is_ascii_digit() || b[i - 1] == b'/' || b[i - 1] == b'.') {
        return None;
    }
    let (a, j) = number(b, i, 2)?;
    let sep = *b.get(j).filter(|c| matches!(c, b'/' | b'.'))?;
    let (m, k) = number(b, j + 1, 2)?;
    if b.get(k) != Some(&sep) {
        return None;
    }
    let (_, end) = number(b, k + 1, 4)?;
    let year_digits = end - k - 1;
    (year_digits == 2 || year_digits == 4).then_some((a, m, end))
}

/// A run of 1 to `max` digits at `i` that no further digit follows.
fn number(b: &[u8], i: usize, max: usize) -> Option<(u32, usize)> {
    let mut j = i;
    let mut n = 0u32;
    while j < b.len() && b[j].is_ascii_digit() {
        if j - i == max {
            return None;
        }
        n = n * 10 + u32::from(b[j] - b'0');
        j += 1;
    }
    (j > i).then_some((n, j))
}

/// Whether the article's ambiguous dates read day first, and what decided it.
pub fn day_first(option: NumericOrder, text: &str) -> (bool, bool, Decided) {
    // (slash day first, dot day first, decided by)
    match option {
        NumericOrder::MonthFirst => (false, false, Decided::Option),
        NumericOrder::DayFirst => (true, true, Decided::Option),
        NumericOrder::Auto => match shown_by(text) {
            Some(o) => {
                let d = o == NumericOrder::DayFirst;
                (d, d, Decided::Article)
            }
            None => (false, true, Decided::Custom),
        },
    }
}

/// An article's order of day and month ([`day_first`]), worked out on first need and kept for
/// its other sentences: most articles hold no all-number date, and their text is then never
/// searched for one.
pub struct ArticleOrder<'a> {
    option: NumericOrder,
    text: &'a str,
    order: std::cell::OnceCell<(bool, bool, Decided)>,
}

impl<'a> ArticleOrder<'a> {
    pub fn new(option: NumericOrder, text: &'a str) -> Self {
        ArticleOrder { option, text, order: std::cell::OnceCell::new() }
    }

    /// Whether ambiguous dates with slashes and with dots read day first, and what decided it.
    pub fn get(&self) -> (bool, bool, Decided) {
        *self.order.get_or_init(|| day_first(self.option, self.text))
    }

    /// Whether an ambiguous date written with `sep` reads day first.
    pub fn day_first(&self, sep: char) -> bool {
        let (slash, dot, _) = self.get();
        if sep == '.' {
            dot
        } else {
            slash
        }
    }
}

/// For an expression that is an ambiguous all-number date ("04/05/2025": both numbers 1-12 and
/// different), the other reading of the day `read`.
pub fn other_reading(expr: &str, read: NaiveDate) -> Option<NaiveDate> {
    let (a, m, end) = triple(expr.as_bytes(), 0)?;
    if end != expr.len() || a == m || a > 12 || m > 12 {
        return None;
    }
    NaiveDate::from_ymd_opt(read.year(), read.day(), read.month())
}

/// The words a reason adds for an ambiguous date.
pub fn note(read: NaiveDate, other: NaiveDate, day_first: bool, decided: Decided) -> String {
    let order = if day_first { "day first" } else { "month first" };
    let why = match decided {
        Decided::Option => "as the run asks",
        Decided::Article => "as the article's other dates are",
        Decided::Custom => "by the separator's custom",
    };
    format!("ambiguous: read {order} ({read}) {why}; the other reading is {other}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unambiguous_dates_show_the_order() {
        assert_eq!(shown_by("Signed 17/5/2024, then 04/05/2025."), Some(NumericOrder::DayFirst));
        assert_eq!(shown_by("Signed 5/17/2024, then 04/05/2025."), Some(NumericOrder::MonthFirst));
        assert_eq!(shown_by("Only 04/05/2025 here."), None);
        assert_eq!(shown_by("Both 17/5/2024 and 5/17/2024."), None, "disagreeing dates settle nothing");
        assert_eq!(shown_by("A ratio of 13/5, a code 113/5/2024 and 13/5/20245"), None);
        assert_eq!(shown_by("31.12.99 at midnight"), Some(NumericOrder::DayFirst));
    }

    #[test]
    fn only_ambiguous_dates_have_another_reading() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(other_reading("04/05/2025", d("2025-04-05")), Some(d("2025-05-04")));
        assert_eq!(other_reading("4.5.25", d("2025-05-04")), Some(d("2025-04-05")));
        assert_eq!(other_reading("05/05/2025", d("2025-05-05")), None);
        assert_eq!(other_reading("17/05/2025", d("2025-05-17")), None);
        assert_eq!(other_reading("2025-04-05", d("2025-04-05")), None);
    }

    #[test]
    fn the_option_overrides_the_article() {
        assert_eq!(day_first(NumericOrder::MonthFirst, "17/5/2024"), (false, false, Decided::Option));
        assert_eq!(day_first(NumericOrder::Auto, "17/5/2024"), (true, true, Decided::Article));
        assert_eq!(day_first(NumericOrder::Auto, "no dates"), (false, true, Decided::Custom));
    }
}
