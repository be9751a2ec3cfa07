//! The timeline as iCalendar (RFC 5545), written with the `icalendar` crate: one all-day
//! event (`VEVENT` with `DTSTART;VALUE=DATE` and an exclusive `DTEND`) per dated entry,
//! spanning its first to last day; the summary is the label, the description holds the date
//! as the chronology writes it, the sources and the quoted evidence.
//!
//! Undated events have no place in a calendar and are left out; so are events known only to a
//! century, a decade or a year, which would fill a calendar with year-long blocks: they are
//! listed in the calendar's description instead, so nothing is dropped silently. The `UID` of
//! an event is stable across runs (its first report: article and byte offset), and `DTSTAMP`
//! is the newest publication date of the corpus, so the same articles give the same file.

use super::{date_column, Timeline};
use crate::dates::Granularity;
use crate::timeline::Event;
use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use icalendar::{Calendar, Component, EventLike};

/// Whether an entry goes into the calendar as an all-day event: dated, at month precision or
/// finer, in the common era (iCalendar writes a year in four digits, from 0001).
pub fn in_calendar(e: &Event) -> bool {
    e.when
        .as_ref()
        .is_some_and(|w| !matches!(w.granularity, Granularity::Year | Granularity::Decade | Granularity::Century))
        && e.days().is_some_and(|(a, _)| a.year() >= 1)
}

/// The timeline as an iCalendar file.
///
/// ```
/// use timeline::corpus::Article;
/// use timeline::timeline::{write::ics, Timeline};
/// let t = Timeline::build(None, &[Article::new("a", "The peace summit will be held on June \
///     15-16 in Switzerland.", "2024-05-25".parse().ok())]);
/// let text = ics::calendar(&t);
/// assert!(text.contains("DTSTART;VALUE=DATE:20240615"));
/// assert!(text.contains("DTEND;VALUE=DATE:20240617")); // the day after the last: exclusive
/// ```
pub fn calendar(t: &Timeline) -> String {
    let title = t.title.clone().unwrap_or_else(|| "Timeline".into());
    let stamp = t
        .articles
        .iter()
        .filter_map(|a| a.published.as_deref()?.parse::<NaiveDate>().ok())
        .max()
        .unwrap_or_default()
        .and_time(NaiveTime::MIN)
        .and_utc();
    let left_out: Vec<String> =
        t.events.iter().filter(|e| !in_calendar(e)).map(|e| format!("{}: {}", date_column(e), e.label)).collect();
    let mut cal = Calendar::new();
    cal.name(&title);
    let mut about = format!("{} events from {} articles, built by timeline.", t.events.len(), t.articles.len());
    if !left_out.is_empty() {
        about.push_str("\nNot in this calendar (undated, or known only to the year):\n");
        about.push_str(&left_out.join("\n"));
    }
    cal.description(&about);
    for e in t.events.iter().filter(|e| in_calendar(e)) {
        let Some((first, last)) = e.days() else { continue };
        let end = last.checked_add_days(Days::new(1)).unwrap_or(last);
        let mut desc = format!("{}\nSources: {}", date_column(e), e.sources().join(", "));
        for m in &e.mentions {
            let from = m.time_text.as_deref().map(|w| format!(" (date from \"{w}\")")).unwrap_or_default();
            desc.push_str(&format!("\n{}: \"{}\"{from}", m.article, m.text.trim()));
        }
        let uid =
            e.mentions.first().map(|m| format!("{}-{}-{}@timeline", m.article, m.start, m.trigger)).unwrap_or_default();
        let mut ev = icalendar::Event::new();
        ev.uid(&uid).timestamp(stamp).summary(&e.label).description(&desc).starts(first).ends(end);
        if let Some(p) = &e.place {
            ev.location(p);
        }
        cal.push(ev.done());
    }
    cal.done().to_string()
}
