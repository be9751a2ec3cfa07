//! Writing a timeline: the contract (JSON, RON), the text chronology, and the formats people
//! publish and share: a self-contained HTML page ([`html`]), TimelineJS 3 JSON
//! ([`timelinejs`]), iCalendar ([`ics`]) and Markdown ([`markdown`]).
//!
//! The text chronology has a date column at the date's real precision ("Jun 15-16, 2024",
//! "week of May 13, 2024", "Mar 2024", "before May 25, 2024"), the label, and the sources;
//! verbose adds each report's sentence and the words its date came from.

pub mod html;
pub mod ics;
pub mod markdown;
pub mod timelinejs;

use super::{Event, Timeline, When};
use crate::dates::Granularity;
use crate::error::{Error, Result};
use chrono::{Datelike, NaiveDate};
use std::fmt::Write as _;
use std::path::Path;

/// The formats a timeline is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// The chronology for a person to read ([`text`]).
    Text,
    /// The contract as pretty JSON ([`Timeline::to_json`]).
    Json,
    /// The contract as pretty RON ([`Timeline::to_ron`]).
    Ron,
    /// One self-contained HTML page, readable offline ([`html`]).
    Html,
    /// The JSON Knight Lab's TimelineJS 3 loads ([`timelinejs`]).
    TimelineJs,
    /// iCalendar, RFC 5545: all-day events for dated entries ([`ics`]).
    Ics,
    /// A chronology for wikis and reports ([`markdown`]).
    Markdown,
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: &'static [Format] =
        &[Format::Text, Format::Json, Format::Ron, Format::Html, Format::TimelineJs, Format::Ics, Format::Markdown];

    /// The format's name, as the CLI's `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Ron => "ron",
            Format::Html => "html",
            Format::TimelineJs => "timelinejs",
            Format::Ics => "ics",
            Format::Markdown => "markdown",
        }
    }

    /// The file extension it is saved under (TimelineJS: `.timelinejs.json`).
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            Format::TimelineJs => "timelinejs.json",
            Format::Markdown => "md",
            other => other.name(),
        }
    }

    /// The format a file name's extension names.
    ///
    /// ```
    /// use timeline::timeline::Format;
    /// assert_eq!(Format::from_path("out/timeline.ron")?, Format::Ron);
    /// assert_eq!(Format::from_path("story.timelinejs.json")?, Format::TimelineJs);
    /// assert_eq!(Format::from_path("story.htm")?, Format::Html);
    /// assert!(Format::from_path("timeline.docx").is_err());
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Format> {
        let path = path.as_ref();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        let name = path.file_name().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        if name.ends_with(".timelinejs.json") {
            return Ok(Format::TimelineJs);
        }
        match ext.as_str() {
            "htm" => return Ok(Format::Html),
            "markdown" => return Ok(Format::Markdown),
            _ => {}
        }
        Format::ALL.iter().copied().find(|f| f.extension() == ext || f.name() == ext).ok_or_else(|| {
            Error::UnknownFormat {
                path: path.into(),
                extension: ext,
                expected: "txt, json, ron, html, timelinejs.json, ics or md",
            }
        })
    }
}

/// The timeline in `format`, ending with a newline.
pub fn render(t: &Timeline, format: Format) -> Result<String> {
    let err = |message: String| Error::Render { format: format.name(), message };
    Ok(match format {
        Format::Text => text(t, false),
        Format::Json => t.to_json().map_err(|e| err(e.to_string()))? + "\n",
        Format::Ron => t.to_ron().map_err(|e| err(e.to_string()))? + "\n",
        Format::Html => html::page(t),
        Format::TimelineJs => timelinejs::to_json(t).map_err(|e| err(e.to_string()))? + "\n",
        Format::Ics => ics::calendar(t),
        Format::Markdown => markdown::chronology(t),
    })
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// A day as the chronology writes it: `Jun 15, 2024`.
pub fn day(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), year_name(d.year()))
}

/// A year as a reader writes it: a year before Christ (0 or less in the proleptic calendar)
/// by its number and "BC" ("100 BC" for -99).
pub fn year_name(y: i32) -> String {
    if y >= 1 {
        y.to_string()
    } else {
        format!("{} BC", 1 - y)
    }
}

fn parse(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

/// An event's date as a person writes it, at its precision.
pub fn date_column(e: &Event) -> String {
    match &e.when {
        Some(w) => when_text(w),
        None => match &e.bounds {
            Some(b) => bounds_text(b.after.as_deref().and_then(parse), b.before.as_deref().and_then(parse)),
            None => "undated".into(),
        },
    }
}

/// An undated event's place by its bounds: after one day, before another.
fn bounds_text(after: Option<NaiveDate>, before: Option<NaiveDate>) -> String {
    match (after, before) {
        // bounded on both sides by the same day: on that day
        (Some(a), Some(z)) if a == z => format!("on {}", day(a)),
        (Some(a), Some(z)) => format!("between {} and {}", day(a), day(z)),
        (Some(a), None) => format!("after {}", day(a)),
        (None, Some(z)) => format!("before {}", day(z)),
        (None, None) => "undated".into(),
    }
}

fn when_text(w: &When) -> String {
    let (Some(a), Some(b)) = (parse(&w.start), parse(&w.end)) else { return w.value.clone() };
    // a part of one day is "late on Dec 8, 2006", of a longer time "late Dec 2006"
    let one_day = a == b && matches!(w.granularity, Granularity::Day | Granularity::PartOfDay | Granularity::Time);
    // a part of a week is named by the week ("late in the week of Apr 14, 2025"), not by the
    // first day of the part
    let week = w.granularity == Granularity::Week;
    let prefix = match w.modifier.as_deref() {
        Some("START") if week => "early in the ",
        Some("MID") if week => "in the middle of the ",
        Some("END") if week => "late in the ",
        Some("START") if one_day => "early on ",
        Some("START") => "early ",
        Some("MID") if one_day => "in the middle of ",
        Some("MID") => "mid-",
        Some("END") if one_day => "late on ",
        Some("END") => "late ",
        Some("APPROX") => "about ",
        _ => "",
    };
    let m = |d: NaiveDate| MONTHS[d.month0() as usize];
    let body = match w.granularity {
        Granularity::Day | Granularity::PartOfDay | Granularity::Time if a == b => day(a),
        Granularity::Day if a.year() == b.year() && a.month() == b.month() => {
            format!("{} {}-{}, {}", m(a), a.day(), b.day(), a.year())
        }
        Granularity::Day => format!("{} - {}", day(a), day(b)),
        // a part of an ISO week starts inside it; a whole week (Monday, or Sunday with
        // `week=sunday`) is named by its first day
        Granularity::Week if w.modifier.is_some() => {
            format!("week of {}", day(a.week(chrono::Weekday::Mon).checked_first_day().unwrap_or(a)))
        }
        Granularity::Week => format!("week of {}", day(a)),
        Granularity::Weekend => format!("weekend of {} {}-{}, {}", m(a), a.day(), b.day(), a.year()),
        // a span of several months, quarters, years or decades ("January to October", "the
        // 2004-05 fiscal year") names its first and last
        Granularity::Month if (a.year(), a.month()) == (b.year(), b.month()) => format!("{} {}", m(a), a.year()),
        Granularity::Month if a.year() == b.year() => format!("{} - {} {}", m(a), m(b), a.year()),
        Granularity::Month => format!("{} {} - {} {}", m(a), a.year(), m(b), b.year()),
        Granularity::Quarter if (a.year(), a.month0() / 3) == (b.year(), b.month0() / 3) => {
            format!("Q{} {}", a.month0() / 3 + 1, a.year())
        }
        Granularity::Quarter => format!("Q{} {} - Q{} {}", a.month0() / 3 + 1, a.year(), b.month0() / 3 + 1, b.year()),
        Granularity::Half => format!("H{} {}", a.month0() / 6 + 1, a.year()),
        Granularity::Season => season(&w.value, a, b),
        Granularity::Year if a.year() == b.year() => year_name(a.year()),
        Granularity::Year if a.year() >= 1 => format!("{}-{}", a.year(), b.year()),
        Granularity::Year => format!("{} - {}", year_name(a.year()), year_name(b.year())),
        Granularity::Decade if a.year() / 10 == b.year() / 10 => format!("{}s", a.year()),
        Granularity::Decade => format!("{}s-{}s", a.year(), b.year() / 10 * 10),
        // a century before Christ starts in its year 100 ("the 11th century BC": 1100 BC)
        Granularity::Century if a.year() <= 0 => format!("{} century BC", ordinal((1 - a.year()) / 100)),
        Granularity::Century => format!("{} century", ordinal(a.year().div_euclid(100) + 1)),
        _ => format!("{} - {}", day(a), day(b)),
    };
    format!("{prefix}{body}")
}

/// A number as an English ordinal: "1st", "2nd", "3rd", "11th", "21st".
fn ordinal(n: i32) -> String {
    let suffix = match (n.rem_euclid(10), n.rem_euclid(100)) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

/// A season by its name ("spring 2006"), a winter by both its years ("winter 2005-06"); the
/// value's code (`2005-WI`) is for machines.
fn season(value: &str, a: NaiveDate, b: NaiveDate) -> String {
    let name = match value.get(5..) {
        Some("SP") => "spring",
        Some("SU") => "summer",
        Some("FA") => "autumn",
        Some("WI") => "winter",
        _ => return format!("{} - {}", day(a), day(b)),
    };
    if a.year() == b.year() {
        format!("{name} {}", a.year())
    } else {
        format!("{name} {}-{:02}", a.year(), b.year().rem_euclid(100))
    }
}

/// A value on one line: line breaks and other control characters written as escapes, so an
/// id or a label can never forge a line of the chronology.
fn one_line(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.chars().any(char::is_control) {
        return s.into();
    }
    s.chars()
        .map(|c| match c {
            '\n' => "\\n".to_string(),
            '\r' => "\\r".to_string(),
            '\t' => "\\t".to_string(),
            c if c.is_control() => format!("\\u{{{:x}}}", c as u32),
            c => c.to_string(),
        })
        .collect::<String>()
        .into()
}

/// The chronology as text. `verbose` adds the sentences each entry comes from.
pub fn text(t: &Timeline, verbose: bool) -> String {
    let mut out = String::new();
    if let Some(title) = &t.title {
        let _ = writeln!(out, "{}", one_line(title));
    }
    let _ = writeln!(out, "{} events from {} articles\n", t.events.len(), t.articles.len());
    let width = t.events.iter().map(|e| date_column(e).chars().count()).max().unwrap_or(10).min(34);
    let why = if verbose { super::rank::explanations(t) } else { Vec::new() };
    for (i, e) in t.events.iter().enumerate() {
        let sources = e.sources();
        let planned = if e.planned { " (planned)" } else { "" };
        let sources: Vec<_> = sources.iter().map(|s| one_line(s)).collect();
        let _ = writeln!(out, "{:<width$}  {}{planned}  [{}]", date_column(e), one_line(&e.label), sources.join(", "));
        if verbose {
            for m in &e.mentions {
                let from =
                    m.time_text.as_deref().map(|t| format!(" (date from \"{}\")", one_line(t))).unwrap_or_default();
                let _ =
                    writeln!(out, "{:width$}    {}: \"{}\"{from}", "", one_line(&m.article), one_line(m.text.trim()));
            }
            if let Some(b) = &e.bounds {
                for r in b.after_reason.iter().chain(b.before_reason.iter()) {
                    let _ = writeln!(out, "{:width$}    bound: {r}", "");
                }
            }
            let _ = writeln!(out, "{:width$}    why: {}", "", why[i]);
        }
    }
    if !t.conflicts.is_empty() {
        let _ = writeln!(out, "\nConflicts:");
        for c in &t.conflicts {
            let _ = writeln!(out, "  {}: {}", c.events.join(", "), one_line(&c.reason));
            for (a, s) in &c.evidence {
                let _ = writeln!(out, "    {}: \"{}\"", one_line(a), one_line(s.trim()));
            }
        }
    }
    out
}

/// A cluster of coverage: articles that report events in common, directly or through others.
#[derive(Debug, Clone, PartialEq)]
pub struct Coverage {
    /// "Coverage of May 25, 2024", or of a span of publication dates.
    pub name: String,
    /// Article ids, in the timeline's order.
    pub articles: Vec<String>,
}

/// The clusters of coverage of a timeline, in order of their first article's publication.
///
/// ```
/// use timeline::corpus::{bundled, Corpus, ReadOptions};
/// use timeline::timeline::{write::coverage, Timeline};
/// let c = Corpus::read(&[bundled()], &ReadOptions::default())?;
/// let groups = coverage(&Timeline::build(None, &c.articles));
/// assert_eq!(groups.iter().map(|g| g.name.as_str()).collect::<Vec<_>>(),
///            ["Coverage of May 25, 2024", "Coverage of Apr 22, 2025"]);
/// # Ok::<(), timeline::Error>(())
/// ```
pub fn coverage(t: &Timeline) -> Vec<Coverage> {
    let index: std::collections::HashMap<&str, usize> =
        t.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut uf = petgraph::unionfind::UnionFind::<usize>::new(t.articles.len());
    for e in &t.events {
        let ids: Vec<usize> = e.mentions.iter().filter_map(|m| index.get(m.article.as_str()).copied()).collect();
        for w in ids.windows(2) {
            uf.union(w[0], w[1]);
        }
    }
    let mut slot: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let mut groups: Vec<(usize, Vec<usize>)> = Vec::new();
    for i in 0..t.articles.len() {
        let r = uf.find(i);
        let g = *slot.entry(r).or_insert_with(|| {
            groups.push((r, Vec::new()));
            groups.len() - 1
        });
        groups[g].1.push(i);
    }
    let published = |i: &usize| t.articles[*i].published.as_deref().and_then(parse);
    let mut out: Vec<(Option<NaiveDate>, Coverage)> = groups
        .into_iter()
        .map(|(_, members)| {
            let first = members.iter().filter_map(published).min();
            let last = members.iter().filter_map(published).max();
            let name = match (first, last) {
                (Some(a), Some(b)) if a == b => format!("Coverage of {}", day(a)),
                (Some(a), Some(b)) => format!("Coverage of {} - {}", day(a), day(b)),
                _ => format!(
                    "Articles {}",
                    members.iter().map(|&i| t.articles[i].id.as_str()).collect::<Vec<_>>().join(", ")
                ),
            };
            (first, Coverage { name, articles: members.iter().map(|&i| t.articles[i].id.clone()).collect() })
        })
        .collect();
    out.sort_by_key(|(first, _)| first.unwrap_or(NaiveDate::MAX));
    // two clusters of one day are told apart by their first article
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    for (_, c) in &out {
        *seen.entry(c.name.clone()).or_default() += 1;
    }
    for (_, c) in out.iter_mut() {
        if seen.get(&c.name).is_some_and(|&n| n > 1) {
            c.name = format!("{} ({})", c.name, c.articles[0]);
        }
    }
    out.into_iter().map(|(_, c)| c).collect()
}

/// Each article's cluster of coverage, by article id: the name of its [`Coverage`].
pub fn coverage_of(groups: &[Coverage]) -> std::collections::HashMap<&str, &str> {
    groups.iter().flat_map(|g| g.articles.iter().map(move |a| (a.as_str(), g.name.as_str()))).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(value: &str, start: &str, end: &str, granularity: Granularity) -> When {
        When {
            value: value.into(),
            start: start.into(),
            end: end.into(),
            granularity,
            approximate: false,
            modifier: None,
        }
    }

    #[test]
    fn seasons_are_named_and_a_winter_has_both_its_years() {
        let winter = when("2005-WI", "2005-12-21", "2006-03-19", Granularity::Season);
        assert_eq!(when_text(&winter), "winter 2005-06");
        let summer = when("2006-SU", "2006-06-21", "2006-09-22", Granularity::Season);
        assert_eq!(when_text(&summer), "summer 2006");
        let odd = when("2006-XX", "2006-06-21", "2006-09-22", Granularity::Season);
        assert_eq!(when_text(&odd), "Jun 21, 2006 - Sep 22, 2006");
    }

    #[test]
    fn bounds_on_one_day_are_that_day() {
        let d = |s: &str| s.parse::<NaiveDate>().ok();
        assert_eq!(bounds_text(d("2006-11-26"), d("2006-11-26")), "on Nov 26, 2006");
        assert_eq!(bounds_text(d("2006-11-26"), d("2006-11-28")), "between Nov 26, 2006 and Nov 28, 2006");
        assert_eq!(bounds_text(None, d("2006-11-28")), "before Nov 28, 2006");
        assert_eq!(bounds_text(None, None), "undated");
    }

    #[test]
    fn a_part_of_a_week_is_named_by_the_week() {
        let mut end = when("2025-W16", "2025-04-18", "2025-04-20", Granularity::Week);
        end.modifier = Some("END".into());
        assert_eq!(when_text(&end), "late in the week of Apr 14, 2025");
        let whole = when("2025-W16", "2025-04-14", "2025-04-20", Granularity::Week);
        assert_eq!(when_text(&whole), "week of Apr 14, 2025");
    }

    #[test]
    fn a_part_of_one_day_reads_as_english() {
        let mut late = when("2006-12-08", "2006-12-08", "2006-12-08", Granularity::Day);
        late.modifier = Some("END".into());
        assert_eq!(when_text(&late), "late on Dec 8, 2006");
        let mut early = when("2006-12", "2006-12-01", "2006-12-31", Granularity::Month);
        early.modifier = Some("START".into());
        assert_eq!(when_text(&early), "early Dec 2006");
    }

    #[test]
    fn a_span_of_months_quarters_or_years_names_its_first_and_last() {
        let months = when("2006-01/2006-10", "2006-01-01", "2006-10-31", Granularity::Month);
        assert_eq!(when_text(&months), "Jan - Oct 2006");
        let across = when("2005-12/2006-02", "2005-12-01", "2006-02-28", Granularity::Month);
        assert_eq!(when_text(&across), "Dec 2005 - Feb 2006");
        let quarters = when("2006-Q1/2006-Q3", "2006-01-01", "2006-09-30", Granularity::Quarter);
        assert_eq!(when_text(&quarters), "Q1 2006 - Q3 2006");
        let years = when("2004/2005", "2004-01-01", "2005-12-31", Granularity::Year);
        assert_eq!(when_text(&years), "2004-2005");
        let decades = when("198/199", "1980-01-01", "1999-12-31", Granularity::Decade);
        assert_eq!(when_text(&decades), "1980s-1990s");
        let mut early = when("1997", "1997-01-01", "1997-04-30", Granularity::Year);
        early.modifier = Some("START".into());
        assert_eq!(when_text(&early), "early 1997");
    }

    #[test]
    fn centuries_take_their_ordinal_suffix() {
        let third = when("02", "0200-01-01", "0299-12-31", Granularity::Century);
        assert_eq!(when_text(&third), "3rd century");
        let cases = [(1, "1st"), (2, "2nd"), (11, "11th"), (12, "12th"), (13, "13th"), (20, "20th"), (21, "21st")];
        for (n, text) in cases {
            assert_eq!(ordinal(n), text);
        }
    }

    #[test]
    fn years_before_christ_are_named_with_bc() {
        let eleventh = when("BC10", "-1099-01-01", "-1000-12-31", Granularity::Century);
        assert_eq!(when_text(&eleventh), "11th century BC");
        let first = when("BC00", "-0099-01-01", "0000-12-31", Granularity::Century);
        assert_eq!(when_text(&first), "1st century BC");
        let year = when("BC0551", "-0550-01-01", "-0550-12-31", Granularity::Year);
        assert_eq!(when_text(&year), "551 BC");
        let reign = when("BC1354/BC1345", "-1353-01-01", "-1344-12-31", Granularity::Year);
        assert_eq!(when_text(&reign), "1354 BC - 1345 BC");
        let ides = when("BC0044-03-15", "-0043-03-15", "-0043-03-15", Granularity::Day);
        assert_eq!(when_text(&ides), "Mar 15, 44 BC");
        assert_eq!(year_name(1), "1");
        assert_eq!(year_name(0), "1 BC");
    }
}
