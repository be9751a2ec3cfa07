//! Events: what each article reports happened, who took part, where, and which temporal
//! expression anchors it.
//!
//! [`timeml`] finds every event mention as TimeML defines it (verbs, event nouns, states),
//! from the language layer's parse and a trained detector, with its class, tense, aspect,
//! polarity, modality, participants, place and anchor. [`entries`] turns those into the
//! reports a timeline is built from ([`EventMention`]): events a reader would list, each with a
//! headline label, its kind (`triggers.ron`: "summit", "truce", "annexed", ...), its date and
//! its relations, and nothing denied or hypothetical ("does not need mobilization", "any
//! negotiations").
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::dates::{DateExtractor, Options};
//! use timeline::events::entries::EntryExtractor;
//!
//! let a = Article::new("004", "Russian President Vladimir Putin suggested on Monday that Russia and \
//!     Ukraine hold bilateral talks.", "2025-04-22".parse().ok());
//! let dates = DateExtractor::new(Options::default()).extract(&a);
//! let events = EntryExtractor::new().extract(&a, &dates);
//! assert_eq!(events[0].label, "Vladimir Putin suggested that Russia and Ukraine hold bilateral talks");
//! assert_eq!(events[0].time.as_ref().unwrap().value.timex(), "2025-04-21");
//! ```

pub mod entries;
pub mod headline;
pub mod lexicon;
mod names;
pub mod timeml;
mod triggers;

pub use triggers::Triggers;

use crate::dates::TimeValue;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// The kind of happening an event is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EventKind {
    Meeting,
    Truce,
    Proposal,
    Threat,
    Election,
    Appointment,
    Annexation,
    Invasion,
    Mobilisation,
    Decree,
    Visit,
    Statement,
}

/// The temporal expression that anchors an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventTime {
    /// The words of the expression.
    pub text: String,
    /// Byte span in the article text.
    pub span: Range<usize>,
    /// Its resolved value.
    pub value: TimeValue,
}

/// A relation the text states between this event and another happening ("following a
/// conference", "since the invasion").
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextRelation {
    /// The relation word: "following", "after", "before", "since", "until".
    pub word: String,
    /// The words it governs, up to the end of the phrase.
    pub object: String,
}

/// One report of an event in one article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventMention {
    /// The article it is reported in.
    pub article: String,
    /// Its kind, where one of the 12 applies.
    pub kind: Option<EventKind>,
    /// What happened, as a verb lemma: event nouns name their verb ("invasion" -> "invade"),
    /// so that reports merge across both.
    pub predicate: String,
    /// A short readable clause: who did what.
    pub label: String,
    /// The trigger word and its byte span.
    pub trigger: String,
    pub span: Range<usize>,
    /// Byte span and text of the sentence.
    pub sentence: Range<usize>,
    pub sentence_text: String,
    /// Who took part, by name (titles dropped, spellings folded).
    pub participants: Vec<String>,
    /// Who did it, by name: the named subjects of an active clause and the "by" phrase of a
    /// passive. Two reports with named doers none of whom they share are of two events ("Annan
    /// made the remarks", "Khalifa made the remarks").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub agents: Vec<String>,
    /// Where, when the sentence says ("in Switzerland").
    pub place: Option<String>,
    /// The temporal expression anchoring it, if any.
    pub time: Option<EventTime>,
    /// Relations to other happenings stated in the sentence.
    pub relations: Vec<TextRelation>,
    /// The report is of something planned (future tense), not yet happened.
    pub planned: bool,
    /// The report says it has happened (past tense); neither this nor `planned` when the
    /// sentence does not say (a heading).
    pub done: bool,
    /// Which occurrence of a recurring event it reports, when the sentence says ("the second
    /// round of talks", "met again").
    pub occurrence: Option<Occurrence>,
}

/// Which occurrence of a recurring event a report is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Occurrence {
    /// The n-th, 1-based ("the first round").
    Nth(u8),
    /// Not the first, which one unsaid ("met again").
    Repeat,
}

impl Occurrence {
    /// Whether two reports can be of the same occurrence.
    pub fn compatible(a: Option<Occurrence>, b: Option<Occurrence>) -> bool {
        match (a, b) {
            (Some(Occurrence::Nth(x)), Some(Occurrence::Nth(y))) => x == y,
            (Some(Occurrence::Nth(1)), Some(Occurrence::Repeat))
            | (Some(Occurrence::Repeat), Some(Occurrence::Nth(1))) => false,
            _ => true,
        }
    }
}

/// Longest stretch of text read as one sentence, in bytes. A longer "sentence" (a table, a
/// list, a transcript with no full stop) is read in pieces of about this size, cut after a
/// comma or semicolon where one is near, so that the work per sentence stays bounded and a
/// report never quotes a whole page.
const MAX_SENTENCE_BYTES: usize = 1_000;

/// The sentence, or its pieces when it is longer than [`MAX_SENTENCE_BYTES`].
pub(crate) fn bounded(text: &str, s: Range<usize>) -> Vec<Range<usize>> {
    if s.len() <= MAX_SENTENCE_BYTES {
        return vec![s];
    }
    let mut out = Vec::new();
    let mut start = s.start;
    while s.end - start > MAX_SENTENCE_BYTES {
        let mut end = start + MAX_SENTENCE_BYTES;
        while !text.is_char_boundary(end) {
            end -= 1;
        }
        let window = &text[start..end];
        // Prefer a clause break in the second half of the window, else the last space.
        let half = window.len() / 2;
        let half = (0..=half).rev().find(|&h| window.is_char_boundary(h)).unwrap_or(0);
        let cut = window[half..]
            .rfind([',', ';', ':'])
            .map(|i| half + i + 1)
            .or_else(|| window.rfind(char::is_whitespace))
            .filter(|&c| c > 0)
            .unwrap_or(window.len());
        out.push(start..start + cut);
        start += cut;
        while start < s.end && text.as_bytes()[start].is_ascii_whitespace() {
            start += 1;
        }
    }
    if start < s.end {
        out.push(start..s.end);
    }
    out
}

/// A word of a sentence.
#[derive(Debug, Clone)]
struct W {
    start: usize,
    end: usize,
    lower: String,
    /// Punctuation that follows the word directly (",", ";", ".", ...), if any.
    punct_after: Option<char>,
}

fn relations(text: &str, w: &[W], k: usize) -> Vec<TextRelation> {
    let mut out = Vec::new();
    for (i, x) in w.iter().enumerate() {
        if !Triggers::get().is_relation_word(&x.lower) || x.punct_after.is_some() {
            continue;
        }
        let mut end = i;
        while end + 1 < w.len() && end - i < 5 && w[end].punct_after.is_none() {
            end += 1;
        }
        // "Following a conference in Paris, ...": the relation is about the trigger itself,
        // which is what follows; it says nothing of this event's place in the order.
        if end > i && !(i < k && k <= end) {
            out.push(TextRelation { word: x.lower.clone(), object: text[w[i + 1].start..w[end].end].to_string() });
        }
    }
    out
}

/// The relations a sentence states to other happenings ("following", "since", "after"), for
/// the event whose word starts at byte `at`.
pub(crate) fn text_relations(text: &str, sentence: Range<usize>, at: usize) -> Vec<TextRelation> {
    let mut w = Vec::new();
    words_of(text, sentence, &mut w);
    let k = w.iter().position(|x| x.start >= at).unwrap_or(w.len());
    relations(text, &w, k)
}

/// The words of a sentence, with what punctuation follows each.
fn words_of(text: &str, range: Range<usize>, out: &mut Vec<W>) {
    let s = &text[range.clone()];
    let mut i = 0;
    while i < s.len() {
        let c = s[i..].chars().next().unwrap_or(' ');
        if c.is_alphanumeric() {
            let start = i;
            while i < s.len() {
                let c = s[i..].chars().next().unwrap_or(' ');
                let inner = matches!(c, '-' | '\'' | '’' | '.')
                    && s[i + c.len_utf8()..].chars().next().is_some_and(char::is_alphanumeric)
                    && (c != '.' || i > start && i - start <= 2);
                if c.is_alphanumeric() || inner {
                    i += c.len_utf8();
                } else {
                    break;
                }
            }
            let word = &s[start..i];
            // trailing possessive stays with the word for lookups as "putin's" -> keep base
            let lower = word.to_lowercase();
            let lower =
                lower.strip_suffix("'s").or_else(|| lower.strip_suffix("’s")).map(str::to_string).unwrap_or(lower);
            let punct_after = s[i..].chars().next().filter(|c| !c.is_alphanumeric() && !c.is_whitespace());
            out.push(W { start: range.start + start, end: range.start + i, lower, punct_after });
        } else {
            i += c.len_utf8();
        }
    }
}

#[cfg(test)]
#[cfg(test)]
mod bounded_sentences {
    use super::*;

    #[test]
    fn a_long_sentence_is_read_in_pieces_that_cover_it() {
        let text = "Talks é, ".repeat(500) + "end";
        let pieces = bounded(&text, 0..text.len());
        assert!(pieces.len() > 3);
        assert!(pieces.iter().all(|p| p.len() <= MAX_SENTENCE_BYTES && text.is_char_boundary(p.start)));
        assert_eq!(pieces[0].start, 0);
        assert_eq!(pieces.last().unwrap().end, text.len());
        let short = "Putin met Trump.";
        assert_eq!(bounded(short, 0..short.len()), vec![0..short.len()]);
    }
}
