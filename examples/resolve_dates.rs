//! # Resolving dates, and why each value is what it is
//!
//! Run it with:
//!
//! ```sh
//! cargo run --example resolve_dates
//! ```
//!
//! News text rarely writes a full date. "On Saturday", "last week", "a few days earlier",
//! "the Easter truce" only mean a day once you know when the article was published, the tense
//! of the clause, and the dates the story has already given. This lesson feeds a few short
//! articles to the date stage and prints, for every expression, its value, its first and last
//! day, what it was counted from, and the reason in words.

use timeline::corpus::Article;
use timeline::dates::{DateExtractor, Direction, Options, TimexType};

/// Prints every temporal expression of one article, with its value and the reason for it.
fn explain(dates: &mut DateExtractor, article: &Article) {
    let published = article.published.map(|d| d.to_string()).unwrap_or_else(|| "unknown".into());
    println!("{} (published {published}):", article.id);
    println!("  \"{}\"", article.text);
    for m in dates.extract(article).mentions {
        // A value is typed: a calendar point with its granularity, a range, a duration, a
        // set... The TIMEX3 string is one way to write it; `days()` gives the calendar span
        // for the values that have one.
        let days = match m.value.days() {
            Some((a, b)) if a == b => format!("{a}"),
            Some((a, b)) => format!("{a} .. {b}"),
            None if m.timex_type() == TimexType::Date => "no calendar day without a publication date".into(),
            None => "no calendar span".into(),
        };
        let kind = match m.timex_type() {
            TimexType::Duration => "a duration",
            TimexType::Set => "a recurrence",
            TimexType::Time => "a time",
            TimexType::Date => "a date",
        };
        // The anchor is the day it was counted from: the publication date, or the date the
        // narrative had reached.
        let from = match &m.anchor {
            Some(a) => format!("counted from {} ({})", a.date, a.kind),
            None => "needs no anchor".into(),
        };
        println!("  {:<22} {:<24} {kind}: {days}; {from}", format!("\"{}\"", m.text), m.value.timex());
        println!("  {:<22} why: {}", "", m.reason);
    }
    println!();
}

fn main() {
    let day = |s: &str| s.parse().ok();
    let mut dates = DateExtractor::new(Options::default());

    // 1. Tense decides the direction. Published on Tuesday 22 April 2025: "said on Monday" is
    //    the Monday before, "will meet on Wednesday" the Wednesday after.
    explain(
        &mut dates,
        &Article::new(
            "tense",
            "Putin suggested on Monday that Russia and Ukraine hold talks. \
             Officials will meet in London on Wednesday.",
            day("2025-04-22"),
        ),
    );

    // 2. Relative to the publication date: weeks follow ISO weeks (Monday first), and "the end
    //    of last week" keeps its modifier.
    explain(
        &mut dates,
        &Article::new(
            "relative",
            "Blinken visited Kyiv last week. At the end of last week the United States threatened \
             to step back, and a decision is expected this week.",
            day("2025-04-22"),
        ),
    );

    // 3. The narrative anchor: once the story has reached 15 June, "two days later" counts
    //    from there, not from publication.
    explain(
        &mut dates,
        &Article::new(
            "narrative",
            "The summit opened on June 15 in Switzerland. Two days later, the delegations had \
             left.",
            day("2024-06-25"),
        ),
    );

    // 4. Holidays are computed, not listed: Easter moves every year (and Orthodox Easter
    //    differs from Western Easter in most years).
    explain(
        &mut dates,
        &Article::new(
            "holiday",
            "Moscow declared a truce for Easter. Last year Orthodox Easter fell in May.",
            day("2025-04-22"),
        ),
    );
    //    So do the holidays of the Islamic, Hebrew and Chinese calendars. Ramadan is its
    //    month's days; an Islamic day comes from the Umm al-Qura tables, and where a month
    //    opens on a sighting of the moon the day kept may differ by one, as the reason says.
    explain(
        &mut dates,
        &Article::new(
            "lunar-holidays",
            "Markets closed during Ramadan and reopened after Eid al-Fitr. Israel sealed the \
             crossings for Yom Kippur, and millions travelled for the Lunar New Year.",
            day("2025-04-22"),
        ),
    );

    // 5. Durations and recurrences are never placed on the calendar.
    explain(
        &mut dates,
        &Article::new(
            "not-dates",
            "The 30-hour truce ended after more than three years of war; Zelenskiy speaks in a \
             nightly address.",
            day("2025-04-22"),
        ),
    );

    // 6. Without a publication date, absolute dates still resolve and relative ones are left
    //    unanchored (a pattern such as XXXX-WXX-1 for "Monday"), never guessed.
    explain(
        &mut dates,
        &Article::new("no-date", "Talks began on Monday in Istanbul and ended on 24 April 2025.", None),
    );

    // 7. Options: a calendar or an assistant reads "Friday" as the coming one whatever the
    //    tense; `prefer` sets that for the whole run.
    let mut future = DateExtractor::new(Options { prefer: Some(Direction::Future), ..Options::default() });
    explain(&mut future, &Article::new("prefer-future", "The envoy arrived on Friday.", day("2025-04-22")));
}
