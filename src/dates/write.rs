//! Writing what the date stage found: one JSON record a mention (the `timeline dates --format
//! jsonl` contract) or text for a person.

use super::{AnchorKind, Extraction, Mention};
use crate::corpus::Article;
use serde::Serialize;
use std::io::{self, Write};

/// One mention as a JSONL record:
/// `{"id", "start", "end", "text", "type", "value", "mod", "granularity", "first", "last",
/// "anchor", "anchor_kind", "reason"}`. `start`/`end` are byte offsets into the article text;
/// `first`/`last` the first and last calendar day, for values placed on the calendar.
#[derive(Debug, Serialize)]
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
    pub anchor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub anchor_kind: Option<AnchorKind>,
    pub reason: &'a str,
}

/// The JSONL record of a mention.
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
