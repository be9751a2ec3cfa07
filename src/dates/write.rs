//! Writing what the date stage found: one JSON record a mention (the `timeline dates --format
//! jsonl` contract) or text for a person.

use super::{AnchorKind, Extraction, Mention, TimeValue};
use crate::corpus::Article;
use serde::Serialize;
use std::io::{self, Write};

/// One mention as a JSONL record:
/// `{"id", "start", "end", "text", "type", "value", "mod", "granularity", "first", "last",
/// "range", "anchor", "anchor_kind", "reason"}`. `start`/`end` are byte offsets into the article text;
/// `first`/`last` the first and last calendar day, for values placed on the calendar.
#[derive(Debug, Clone, Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    #[serde(rename = "type")]
    pub kind: String,
    pub value: String,
    #[serde(rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<&'static str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub granularity: Option<super::Granularity>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub first: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last: Option<String>,
    /// For one end of a range written as two dates: the whole range's value.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub range: Option<String>,
    pub anchor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_kind: Option<AnchorKind>,
    pub reason: &'a str,
}

/// The JSONL records of a mention: one, or two for a range written as two dates ("from 1991
/// to 1997"), each end with its own span and value, as TimeML marks them.
pub fn jsonl_records<'a>(id: &'a str, m: &'a Mention) -> Vec<Record<'a>> {
    let whole = jsonl_record(id, m);
    let (Some(ends), TimeValue::Range { from, to }) = (&m.ends, &m.value) else { return vec![whole] };
    [(&ends[0], from), (&ends[1], to)]
        .into_iter()
        .map(|(span, point)| Record {
            start: span.start,
            end: span.end,
            text: &m.text[span.start - m.start..span.end - m.start],
            kind: "DATE".to_string(),
            value: point.timex(),
            granularity: Some(point.granularity()),
            first: Some(point.first().to_string()),
            last: Some(point.last().to_string()),
            range: Some(whole.value.clone()),
            ..whole.clone()
        })
        .collect()
}

/// The JSONL record of a mention as one expression.
pub fn jsonl_record<'a>(id: &'a str, m: &'a Mention) -> Record<'a> {
    let days = m.value.days();
    Record {
        id,
        start: m.start,
        end: m.end,
        text: &m.text,
        kind: m.timex_type().to_string(),
        value: m.value.timex(),
        modifier: m.value.modifier().map(|x| x.timex()),
        granularity: m.value.granularity(),
        first: days.map(|d| d.0.to_string()),
        last: days.map(|d| d.1.to_string()),
        range: None,
        anchor: m.anchor.map(|a| a.date.to_string()),
        anchor_kind: m.anchor.map(|a| a.kind),
        reason: &m.reason,
    }
}

/// Text for a person: the article, then a line a mention: expression, type, value, why.
pub fn text(out: &mut impl Write, article: &Article, found: &Extraction, verbose: bool) -> io::Result<()> {
    writeln!(out, "{}", article.heading())?;
    if found.mentions.is_empty() {
        writeln!(out, "   (no temporal expressions)")?;
    }
    for m in &found.mentions {
        writeln!(
            out,
            "   {:<28} {:<8} {:<24} {}",
            format!("{:?}", m.text),
            m.timex_type().to_string(),
            m.value.to_string(),
            m.reason
        )?;
    }
    if verbose {
        for s in &found.skipped {
            let t = &article.text[s.span.clone()];
            let short: String = t.chars().take(70).collect();
            writeln!(out, "   skipped ({}): {short:?}", s.rule)?;
        }
    }
    writeln!(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str) -> Vec<(String, String, Option<String>)> {
        let found = super::super::resolve_text(text, "2024-06-20".parse().ok());
        let recs: Vec<Record> = found.iter().flat_map(|m| jsonl_records("a", m)).collect();
        for r in &recs {
            assert_eq!(&text[r.start..r.end], r.text);
        }
        recs.into_iter().map(|r| (r.text.to_string(), r.value, r.range)).collect()
    }

    #[test]
    fn a_range_written_as_two_dates_gives_two_records() {
        let r = |t: &str, v: &str| (t.to_string(), v.to_string(), Some("1991/1997".to_string()));
        assert_eq!(records("He was convicted twice from 1991 to 1997."), [r("1991", "1991"), r("1997", "1997")]);
        let got = records("Talks ran between Aug. 26 and Oct. 20, 2023.");
        assert_eq!(got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(), ["2023-08-26", "2023-10-20"]);
        assert_eq!(got[0].0, "Aug. 26");
        assert_eq!(got[1].2.as_deref(), Some("2023-08-26/2023-10-20"));
        let got = records("Talks ran from Dec. 28 to Jan. 3, 2024.");
        assert_eq!(got.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(), ["2023-12-28", "2024-01-03"]);
    }

    #[test]
    fn a_range_written_as_one_date_stays_one_record() {
        let one = |v: &str| vec![("June 15-16".to_string(), v.to_string(), None)];
        assert_eq!(records("The summit on June 15-16 ended."), one("2024-06-15/2024-06-16"));
    }
}
