//! The text chronology: a date column at the date's real precision ("Jun 15-16, 2024", "week
//! of May 13, 2024", "Mar 2024", "before May 25, 2024"), the label, and the sources; verbose
//! adds each report's sentence and the words its date came from.

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
}

impl Format {
    /// Every format, in the order the CLI lists them.
    pub const ALL: &'static [Format] = &[Format::Text, Format::Json, Format::Ron];

    /// The format's name, as the CLI's `--format` takes it.
    pub fn name(self) -> &'static str {
        match self {
            Format::Text => "text",
            Format::Json => "json",
            Format::Ron => "ron",
        }
    }

    /// The file extension it is saved under.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Text => "txt",
            other => other.name(),
        }
    }

    /// The format a file name's extension names.
    ///
    /// ```
    /// use timeline::timeline::Format;
    /// assert_eq!(Format::from_path("out/timeline.ron")?, Format::Ron);
    /// assert!(Format::from_path("timeline.docx").is_err());
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn from_path(path: impl AsRef<Path>) -> Result<Format> {
        let path = path.as_ref();
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("").to_ascii_lowercase();
        Format::ALL
            .iter()
            .copied()
            .find(|f| f.extension() == ext || f.name() == ext)
            .ok_or_else(|| Error::UnknownFormat { path: path.into(), extension: ext, expected: "txt, json or ron" })
    }
}

/// The timeline in `format`, ending with a newline.
pub fn render(t: &Timeline, format: Format) -> Result<String> {
    let err = |message: String| Error::Render { format: format.name(), message };
    Ok(match format {
        Format::Text => text(t, false),
        Format::Json => t.to_json().map_err(|e| err(e.to_string()))? + "\n",
        Format::Ron => t.to_ron().map_err(|e| err(e.to_string()))? + "\n",
    })
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn day(d: NaiveDate) -> String {
    format!("{} {}, {}", MONTHS[d.month0() as usize], d.day(), d.year())
}

fn parse(s: &str) -> Option<NaiveDate> {
    s.parse().ok()
}

/// An event's date as a person writes it, at its precision.
pub fn date_column(e: &Event) -> String {
    match &e.when {
        Some(w) => when_text(w),
        None => match &e.bounds {
            Some(b) => match (b.after.as_deref().and_then(parse), b.before.as_deref().and_then(parse)) {
                (Some(a), Some(z)) => format!("between {} and {}", day(a), day(z)),
                (Some(a), None) => format!("after {}", day(a)),
                (None, Some(z)) => format!("before {}", day(z)),
                (None, None) => "undated".into(),
            },
            None => "undated".into(),
        },
    }
}

fn when_text(w: &When) -> String {
    let (Some(a), Some(b)) = (parse(&w.start), parse(&w.end)) else { return w.value.clone() };
    let prefix = match w.modifier.as_deref() {
        Some("START") => "early ",
        Some("MID") => "mid-",
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
        Granularity::Week => format!("week of {}", day(a)),
        Granularity::Weekend => format!("weekend of {} {}-{}, {}", m(a), a.day(), b.day(), a.year()),
        Granularity::Month => format!("{} {}", m(a), a.year()),
        Granularity::Quarter => format!("Q{} {}", a.month0() / 3 + 1, a.year()),
        Granularity::Half => format!("H{} {}", a.month0() / 6 + 1, a.year()),
        Granularity::Season => format!("{} {}", w.value.get(5..).unwrap_or(""), a.year()),
        Granularity::Year => a.year().to_string(),
        Granularity::Decade => format!("{}s", a.year()),
        Granularity::Century => format!("{}th century", a.year() / 100 + 1),
        _ => format!("{} - {}", day(a), day(b)),
    };
    format!("{prefix}{body}")
}

/// The chronology as text. `verbose` adds the sentences each entry comes from.
pub fn text(t: &Timeline, verbose: bool) -> String {
    let mut out = String::new();
    if let Some(title) = &t.title {
        let _ = writeln!(out, "{title}");
    }
    let _ = writeln!(out, "{} events from {} articles\n", t.events.len(), t.articles.len());
    let width = t.events.iter().map(|e| date_column(e).chars().count()).max().unwrap_or(10).min(34);
    for e in &t.events {
        let mut sources: Vec<&str> = e.mentions.iter().map(|m| m.article.as_str()).collect();
        sources.dedup();
        let planned = if e.planned { " (planned)" } else { "" };
        let _ = writeln!(out, "{:<width$}  {}{planned}  [{}]", date_column(e), e.label, sources.join(", "));
        if verbose {
            for m in &e.mentions {
                let from = m.time_text.as_deref().map(|t| format!(" (date from \"{t}\")")).unwrap_or_default();
                let _ = writeln!(out, "{:width$}    {}: \"{}\"{from}", "", m.article, m.text.trim());
            }
            if let Some(b) = &e.bounds {
                for r in b.after_reason.iter().chain(b.before_reason.iter()) {
                    let _ = writeln!(out, "{:width$}    bound: {r}", "");
                }
            }
        }
    }
    if !t.conflicts.is_empty() {
        let _ = writeln!(out, "\nConflicts:");
        for c in &t.conflicts {
            let _ = writeln!(out, "  {}: {}", c.events.join(", "), c.reason);
            for (a, s) in &c.evidence {
                let _ = writeln!(out, "    {a}: \"{}\"", s.trim());
            }
        }
    }
    out
}
