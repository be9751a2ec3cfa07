//! `dates` on any text with any publication date (any year chrono can hold, and none) and any
//! preference: never a panic, and every mention a valid span of the text whose value's days,
//! when it has them, run forwards.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{NaiveDate, Weekday};
use libfuzzer_sys::fuzz_target;
use timeline::corpus::Article;
use timeline::dates::{DateExtractor, Direction, Options};

#[derive(Debug, Arbitrary)]
struct Input {
    year: i32,
    ordinal: u16,
    dated: bool,
    prefer: u8,
    sunday_weeks: bool,
    text: String,
}

fuzz_target!(|input: Input| {
    let published =
        if input.dated { NaiveDate::from_yo_opt(input.year % 300_000, u32::from(input.ordinal % 367)) } else { None };
    let prefer = match input.prefer % 3 {
        0 => None,
        1 => Some(Direction::Past),
        _ => Some(Direction::Future),
    };
    let week_start = if input.sunday_weeks { Weekday::Sun } else { Weekday::Mon };
    let mut dates = DateExtractor::new(Options { prefer, week_start, ..Options::default() });
    let found = dates.extract(&Article::new("fuzz", input.text.as_str(), published));
    let mut last = 0;
    for m in &found.mentions {
        assert!(m.start < m.end && m.end <= input.text.len(), "{m:?}");
        assert!(input.text.is_char_boundary(m.start) && input.text.is_char_boundary(m.end));
        assert_eq!(&input.text[m.start..m.end], m.text);
        assert!(m.start >= last, "mentions out of text order");
        last = m.start;
        if let Some((a, b)) = m.value.days() {
            assert!(a <= b, "{m:?}");
        }
    }
});
