//! Writing event mentions: one JSON record a mention (the `timeline events --format jsonl`
//! contract) or text for a person.

use super::{Participant, TimemlEvent};
use crate::corpus::Article;
use serde::Serialize;
use std::io::{self, Write};

/// The anchor of a record.
#[derive(Debug, Serialize)]
pub struct AnchorRecord<'a> {
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub value: String,
    pub relation: super::Relation,
    pub source: super::AnchorSource,
}

/// One mention as a JSONL record:
/// `{"id", "published", "start", "end", "text", "lemma", "pos", "class", "tense", "aspect",
/// "polarity", "modality", "sentence": [start, end], "participants": [{"role", "text", "start",
/// "end"}], "place", "anchor": {"start", "end", "text", "value", "relation", "source"} | null}`.
/// Offsets are bytes into the article text, as in `timeline dates`.
#[derive(Debug, Serialize)]
pub struct Record<'a> {
    pub id: &'a str,
    pub published: Option<String>,
    pub start: usize,
    pub end: usize,
    pub text: &'a str,
    pub lemma: &'a str,
    pub pos: crate::language::Upos,
    pub class: super::EventClass,
    pub tense: super::Tense,
    pub aspect: super::Aspect,
    pub polarity: super::Polarity,
    pub modality: Option<&'static str>,
    pub sentence: [usize; 2],
    pub participants: &'a [Participant],
    pub place: Option<&'a Participant>,
    pub anchor: Option<AnchorRecord<'a>>,
}

/// The JSONL record of an event mention.
pub fn jsonl_record<'a>(article: &'a Article, e: &'a TimemlEvent) -> Record<'a> {
    Record {
        id: &article.id,
        published: article.published.map(|d| d.to_string()),
        start: e.start,
        end: e.end,
        text: &e.text,
        lemma: &e.lemma,
        pos: e.pos,
        class: e.class,
        tense: e.tense,
        aspect: e.aspect,
        polarity: e.polarity,
        modality: e.modality,
        sentence: [e.sentence.start, e.sentence.end],
        participants: &e.participants,
        place: e.place.as_ref(),
        anchor: e.anchor.as_ref().map(|a| AnchorRecord {
            start: a.start,
            end: a.end,
            text: &a.text,
            value: a.value.timex(),
            relation: a.relation,
            source: a.source,
        }),
    }
}

/// Text for a person: the article, then a line an event: word, class, grammar, who, where,
/// when.
pub fn text(out: &mut impl Write, article: &Article, events: &[TimemlEvent]) -> io::Result<()> {
    writeln!(out, "{}", article.heading())?;
    if events.is_empty() {
        writeln!(out, "   (no events)")?;
    }
    for e in events {
        let mut grammar = vec![e.tense.as_str().to_ascii_lowercase()];
        if e.aspect != super::Aspect::None {
            grammar.push(e.aspect.as_str().to_ascii_lowercase());
        }
        if e.polarity == super::Polarity::Neg {
            grammar.push("negated".into());
        }
        if let Some(m) = e.modality {
            grammar.push(m.into());
        }
        let who: Vec<String> = e
            .participants
            .iter()
            .map(|p| {
                let role = format!("{:?}", p.role).to_lowercase();
                match &p.refers {
                    Some(name) => format!("{role}: {} (= {name})", p.text),
                    None => format!("{role}: {}", p.text),
                }
            })
            .collect();
        let mut line =
            format!("   {:<18} {:<11} {:<22}", format!("{:?}", e.text), e.class.as_str(), grammar.join(", "));
        if !who.is_empty() {
            line.push_str(&format!(" {}", who.join("; ")));
        }
        if let Some(p) = &e.place {
            line.push_str(&format!(" | in {}", p.text));
        }
        if let Some(a) = &e.anchor {
            line.push_str(&format!(" | {} {:?} = {}", a.relation.as_str(), a.text, a.value.timex()));
            match a.source {
                super::AnchorSource::Narrative => line.push_str(" (narrative)"),
                super::AnchorSource::Published => line.push_str(" (day of publication)"),
                super::AnchorSource::Following => line.push_str(" (next date)"),
                super::AnchorSource::Relative => line.push_str(" (counted from another event)"),
                _ => {}
            }
        }
        writeln!(out, "{}", line.trim_end())?;
    }
    writeln!(out)
}
