//! The timeline as the JSON that Knight Lab's TimelineJS 3 loads
//! (<https://timeline.knightlab.com/docs/json-format.html>): a title slide, and one slide per
//! event with its start and end dates at the precision known (a year is only a year, a month
//! has no day), a headline, a text with the sources and the quoted evidence, and a group for
//! the cluster of coverage its sources belong to.
//!
//! An undated event bounded by dates is drawn at its bound with a `display_date` that says
//! so ("between Apr 10, 2024 and May 25, 2024"); an event with nothing to place it is not a
//! slide, and the title slide lists it.

use super::{coverage, coverage_of, date_column, html::escape, Timeline};
use crate::dates::Granularity;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// The whole document.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub title: Slide,
    pub events: Vec<Slide>,
}

/// One slide.
#[derive(Debug, Clone, Serialize)]
pub struct Slide {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub start_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub end_date: Option<Date>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_date: Option<String>,
    pub text: Text,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unique_id: Option<String>,
}

/// A slide's words; `text` is HTML.
#[derive(Debug, Clone, Serialize)]
pub struct Text {
    pub headline: String,
    pub text: String,
}

/// A TimelineJS date: only the parts known.
#[derive(Debug, Clone, Serialize)]
pub struct Date {
    pub year: i32,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub month: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub day: Option<u32>,
}

fn date(d: NaiveDate, granularity: Granularity) -> Date {
    let (month, day) = match granularity {
        Granularity::Century | Granularity::Decade | Granularity::Year => (None, None),
        Granularity::Half | Granularity::Quarter | Granularity::Season | Granularity::Month => (Some(d.month()), None),
        _ => (Some(d.month()), Some(d.day())),
    };
    // TimelineJS counts years before Christ as negative numbers from -1 (1 BC), with no year 0
    let year = if d.year() >= 1 { d.year() } else { d.year() - 1 };
    Date { year, month, day }
}

/// The TimelineJS document of a timeline.
pub fn document(t: &Timeline) -> Document {
    let groups = coverage(t);
    let group_of = coverage_of(&groups);
    let mut events = Vec::new();
    let mut unplaced = Vec::new();
    for e in &t.events {
        let (start_date, end_date, display_date) = match (&e.when, e.days()) {
            (Some(w), Some((a, b))) => {
                let (first, last) = (date(a, w.granularity), date(b, w.granularity));
                let end = ((first.year, first.month, first.day) != (last.year, last.month, last.day)).then_some(last);
                // TimelineJS writes a day range as two full dates; say it the way a reader does
                (Some(first), end, Some(date_column(e)))
            }
            _ => {
                let bound = e.bounds.as_ref().and_then(|b| b.after.as_ref().or(b.before.as_ref()));
                match bound.and_then(|d| d.parse::<NaiveDate>().ok()) {
                    Some(d) => (Some(date(d, Granularity::Day)), None, Some(format!("undated: {}", date_column(e)))),
                    None => {
                        unplaced.push(format!("{} ({})", e.label, e.sources().join(", ")));
                        continue;
                    }
                }
            }
        };
        let mut text = format!("<p>Sources: {}</p>", escape(&e.sources().join(", ")));
        for m in &e.mentions {
            let from = m
                .time_text
                .as_deref()
                .map(|w| format!(" <em>(date from \u{201c}{}\u{201d})</em>", escape(w)))
                .unwrap_or_default();
            text.push_str(&format!(
                "<blockquote>{}: \u{201c}{}\u{201d}{from}</blockquote>",
                escape(&m.article),
                escape(m.text.trim())
            ));
        }
        let group = e.mentions.first().and_then(|m| group_of.get(m.article.as_str())).map(|g| g.to_string());
        events.push(Slide {
            start_date,
            end_date,
            display_date,
            text: Text { headline: escape(&e.label), text },
            group: group.filter(|_| groups.len() > 1),
            unique_id: Some(e.id.clone()),
        });
    }
    let mut intro = format!("<p>{} events from {} articles.</p>", t.events.len(), t.articles.len());
    if !unplaced.is_empty() {
        intro.push_str("<p>Not on the timeline (undated):</p><ul>");
        for u in &unplaced {
            intro.push_str(&format!("<li>{}</li>", escape(u)));
        }
        intro.push_str("</ul>");
    }
    Document {
        title: Slide {
            start_date: None,
            end_date: None,
            display_date: None,
            text: Text { headline: escape(t.title.as_deref().unwrap_or("Timeline")), text: intro },
            group: None,
            unique_id: Some("title".into()),
        },
        events,
    }
}

/// The TimelineJS document as pretty JSON.
///
/// ```
/// use timeline::corpus::Article;
/// use timeline::timeline::{write::timelinejs, Timeline};
/// let t = Timeline::build(None, &[Article::new("a", "The peace summit will be held on June \
///     15-16 in Switzerland.", "2024-05-25".parse().ok())]);
/// let json: serde_json::Value = serde_json::from_str(&timelinejs::to_json(&t).unwrap()).unwrap();
/// assert_eq!(json["events"][0]["start_date"], serde_json::json!({"year": 2024, "month": 6, "day": 15}));
/// assert_eq!(json["events"][0]["end_date"]["day"], 16);
/// ```
pub fn to_json(t: &Timeline) -> serde_json::Result<String> {
    serde_json::to_string_pretty(&document(t))
}
