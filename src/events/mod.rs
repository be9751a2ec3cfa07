//! Events: what each article reports happened, who took part, where, and which temporal
//! expression anchors it.
//!
//! The stage reads the date stage's output ([`Extraction`]: the story's sentences and the
//! resolved temporal expressions) and finds event triggers, words that report a happening
//! (`triggers.ron`: "summit", "truce", "proposed", "annexed", ...). A trigger becomes an
//! [`EventMention`] unless the words before it deny it or make it hypothetical ("does not need
//! mobilization", "would require another mobilization", "any negotiations"). Nouns and
//! statements must be pinned down by a date, a name or a place ("the London talks", "a
//! conference in Paris last week", "stated on Friday"); the topic words of a story ("a
//! ceasefire", "peace talks" in general) are not events.
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::dates::{DateExtractor, Options};
//! use timeline::events::EventExtractor;
//!
//! let a = Article::new("004", "Russian President Vladimir Putin suggested on Monday that Russia and \
//!     Ukraine hold bilateral talks.", "2025-04-22".parse().ok());
//! let dates = DateExtractor::new(Options::default()).extract(&a);
//! let events = EventExtractor::new().extract(&a, &dates);
//! assert_eq!(events[0].label, "Putin suggested that Russia and Ukraine hold bilateral talks");
//! assert_eq!(events[0].time.as_ref().unwrap().value.timex(), "2025-04-21");
//! ```

pub mod entries;
pub mod headline;
pub mod timeml;
mod triggers;

use triggers::Role;
pub use triggers::Triggers;

use crate::corpus::Article;
use crate::dates::{Extraction, Mention, TimeValue};
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
    cap: bool,
    /// Punctuation that follows the word directly (",", ";", ".", ...), if any.
    punct_after: Option<char>,
}

/// Finds the events each article reports.
pub struct EventExtractor {
    t: &'static Triggers,
}

impl Default for EventExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl EventExtractor {
    pub fn new() -> Self {
        EventExtractor { t: Triggers::get() }
    }

    /// The events of one article, from its text and what the date stage found in it.
    pub fn extract(&self, article: &Article, dates: &Extraction) -> Vec<EventMention> {
        let text = &article.text;
        let mut out = Vec::new();
        let mut words = Vec::new();
        let windows: Vec<Range<usize>> = dates.sentences.iter().flat_map(|s| bounded(text, s.clone())).collect();
        for s in &windows {
            if !self.has_trigger(&text[s.clone()]) {
                continue;
            }
            // The sentence's temporal expressions: mentions are in text order, so a binary
            // search finds the first, and the rest follow.
            let first = dates.mentions.partition_point(|m| m.start < s.start);
            let mentions: Vec<&Mention> = dates.mentions[first..].iter().take_while(|m| m.end <= s.end).collect();
            words.clear();
            words_of(text, s.clone(), &mut words);
            for k in 0..words.len() {
                let Some((kind, verb)) = self.t.roles(&words[k].lower).iter().find_map(|r| match r {
                    Role::Trigger(kind, verb) => Some((*kind, *verb)),
                    _ => None,
                }) else {
                    continue;
                };
                // A word inside a temporal expression ("the weekend truce" is fine, but
                // "Easter" in a date is not a trigger) is not a trigger.
                if mentions.iter().any(|m| m.start <= words[k].start && words[k].end <= m.end) {
                    continue;
                }
                if let Some(e) = self.event_at(article, s.clone(), &words, k, kind, verb, &mentions) {
                    // One event a kind a sentence: "talks ... negotiations" in one sentence
                    // report one thing.
                    if !out.iter().any(|o: &EventMention| o.sentence == e.sentence && o.kind == e.kind) {
                        out.push(e);
                    }
                }
            }
        }
        out
    }

    /// Denied or hypothetical: a negation or a hypothetical word in the few words before `k`,
    /// within its clause.
    fn denied(&self, w: &[W], k: usize) -> bool {
        for d in 1..=4 {
            let Some(j) = k.checked_sub(d) else { break };
            if w[j].punct_after.is_some_and(|p| matches!(p, ',' | ';' | ':' | '.' | '–' | '—')) {
                break;
            }
            let l = &w[j].lower;
            if l.ends_with("n't")
                || l.ends_with("n’t")
                || self.t.has(l, |r| matches!(r, Role::Negation | Role::Hypothetical))
            {
                return true;
            }
        }
        false
    }

    /// Whether any word of the sentence is a trigger: a look-up per word, lower-cased in a
    /// stack buffer, before anything is allocated.
    fn has_trigger(&self, sentence: &str) -> bool {
        let mut buf = [0u8; 24];
        sentence.split(|c: char| !c.is_ascii_alphabetic() && c != '-').any(|word| {
            if word.is_empty() || word.len() > buf.len() {
                return false;
            }
            for (d, b) in buf.iter_mut().zip(word.bytes()) {
                *d = b.to_ascii_lowercase();
            }
            std::str::from_utf8(&buf[..word.len()]).is_ok_and(|l| self.t.has(l, |r| matches!(r, Role::Trigger(..))))
        })
    }

    #[allow(clippy::too_many_arguments)]
    fn event_at(
        &self,
        article: &Article,
        sentence: Range<usize>,
        w: &[W],
        k: usize,
        kind: EventKind,
        verb: bool,
        mentions: &[&Mention],
    ) -> Option<EventMention> {
        let text = &article.text;
        if self.denied(w, k) {
            return None;
        }
        // A noun inside what a verb reports ("suggested that they hold bilateral talks") is part
        // of that report, not an event of its own.
        if !verb {
            let clause_start = (0..k)
                .rev()
                .find(|&j| w[j].punct_after.is_some_and(|p| matches!(p, ',' | ';' | ':' | '.')))
                .map_or(0, |j| j + 1);
            // ... unless a relation word stands between: "stated that after the mobilization in
            // September 2022" refers to a mobilization that happened.
            let relation_between = |j: usize| (j + 1..k).any(|r| self.t.is_relation_word(&w[r].lower));
            let reported = (clause_start..k)
                .any(|j| self.t.has(&w[j].lower, |r| matches!(r, Role::Trigger(_, true))) && !relation_between(j));
            if reported {
                return None;
            }
        }
        // A statement takes the kind of what it reports: "announced a truce" is a truce,
        // "stated that Washington could end the talks if ..." a threat.
        let mut kind = kind;
        let mut converted = false;
        if kind == EventKind::Statement {
            // "the Easter ceasefire, which he declared on Saturday": a clause about that event.
            let about = (k.saturating_sub(8)..k).any(|j| {
                self.t.has(&w[j].lower, |r| matches!(r, Role::Trigger(kd, false) if *kd != EventKind::Statement))
                    && w[j..k].iter().any(|x| matches!(x.lower.as_str(), "which" | "that" | "who"))
            });
            if about {
                return None;
            }
            let end = (k + 1..w.len())
                .find(|&j| w[j].punct_after.is_some_and(|p| matches!(p, ';' | '.' | ',')))
                .map_or(w.len(), |j| j + 1);
            let in_relation = |j: usize| (k + 1..j).any(|r| self.t.is_relation_word(&w[r].lower));
            let reported = (k + 1..end).find_map(|j| {
                let kd = self.t.roles(&w[j].lower).iter().find_map(|r| match r {
                    Role::Trigger(kd, false) if *kd != EventKind::Statement => Some(*kd),
                    _ => None,
                })?;
                (!in_relation(j) && !self.denied(w, j)).then_some(kd)
            });
            let object = &w[k + 1..end];
            let conditional = object.iter().any(|x| matches!(x.lower.as_str(), "if" | "unless"));
            let threat = conditional && object.iter().any(|x| self.t.has(&x.lower, |r| matches!(r, Role::ThreatWord)));
            if threat {
                kind = EventKind::Threat;
                converted = true;
            } else if let Some(kd) = reported {
                kind = kd;
                converted = true;
            }
        }
        let is_trigger = |x: &W| self.t.has(&x.lower, |r| matches!(r, Role::Trigger(..)));
        let time = anchor(w, k, mentions, is_trigger);
        let names = name_runs(text, w, self.t, mentions);
        let place = names
            .iter()
            .find(|n| n.place && n.first > k && n.first <= k + 8 || n.place && n.last < k && k - n.last <= 8 && !verb)
            .map(|n| n.display.clone());
        let subject = names.iter().rev().find(|n| n.last < k && k - n.last <= 6 && !n.place);
        // "the London talks", "the Easter ceasefire": a capitalised word names the event
        let modifier_name = k > 1
            && w[k - 1].cap
            && w[k - 1].punct_after.is_none()
            && !self.t.has(&w[k - 1].lower, |r| matches!(r, Role::NotName));
        // Statements must be dated close to their verb ("stated on Friday", "told reporters
        // in Kiev last week"); nouns must be pinned down by a date, a name or a place.
        let dated_close = time.as_ref().is_some_and(|(_, dist)| *dist <= 6);
        if (kind == EventKind::Statement || converted) && !dated_close {
            return None;
        }
        // a place pins a meeting or a visit ("a conference in Paris"), not a truce "in Ukraine"
        let place_pins = place.is_some() && matches!(kind, EventKind::Meeting | EventKind::Visit);
        let pinned = time.as_ref().is_some_and(|(_, dist)| *dist <= 8) || place_pins || modifier_name;
        if !verb && !pinned {
            return None;
        }
        if verb && kind != EventKind::Statement && subject.is_none() && time.is_none() {
            return None;
        }
        // Tense of the report: planned ("will be held", "is preparing talks"), done ("was
        // elected", "announced a truce", "has proposed"), or not said (a heading).
        let window = &w[k.saturating_sub(5)..(k + 5).min(w.len())];
        let planned = window.iter().any(|x| self.t.has(&x.lower, |r| matches!(r, Role::Future)));
        let done = !planned
            && (verb && is_past(&w[k].lower)
                || window.iter().any(|x| self.t.has(&x.lower, |r| matches!(r, Role::Past)) || is_past(&x.lower)));
        // The nearest ordinal or repeat word within the clause around the trigger.
        let occurrence =
            (1..=6).flat_map(|d| [k.checked_sub(d), Some(k + d)]).flatten().filter(|&j| j < w.len()).find_map(|j| {
                self.t.roles(&w[j].lower).iter().find_map(|r| match r {
                    Role::Ordinal(n) => Some(Occurrence::Nth(*n)),
                    Role::Repeat => Some(Occurrence::Repeat),
                    _ => None,
                })
            });
        let mut participants: Vec<String> = names.iter().filter(|n| !n.place).map(|n| n.display.clone()).collect();
        participants.dedup();
        let label =
            self.label(text, w, k, verb, subject.map(|n| (n.first, n.display.as_str())), place.as_deref(), mentions);
        // A statement with nothing said ("Zelensky stated") is no entry of a timeline.
        if kind == EventKind::Statement && label.split_whitespace().count() < 3 {
            return None;
        }
        Some(EventMention {
            article: article.id.clone(),
            kind: Some(kind),
            predicate: format!("{kind:?}").to_lowercase(),
            label,
            trigger: text[w[k].start..w[k].end].to_string(),
            span: w[k].start..w[k].end,
            sentence_text: text[sentence.clone()].to_string(),
            sentence,
            participants,
            place,
            time: time.map(|(m, _)| {
                // a date that modifies the trigger ("the Easter truce") names the occasion:
                // about that date
                let modifies = w.iter().any(|x| x.start == m.end + 1 && is_trigger(x));
                let value = match m.value {
                    TimeValue::Date { point, modifier: None } if modifies => {
                        TimeValue::Date { point, modifier: Some(crate::dates::values::Modifier::Approx) }
                    }
                    v => v,
                };
                EventTime { text: m.text.clone(), span: m.start..m.end, value }
            }),
            relations: relations(text, w, k),
            planned,
            done,
            occurrence,
        })
    }

    /// A short clause: the subject, the trigger and what follows it, without dates.
    #[allow(clippy::too_many_arguments)]
    fn label(
        &self,
        text: &str,
        w: &[W],
        k: usize,
        verb: bool,
        subject: Option<(usize, &str)>,
        place: Option<&str>,
        mentions: &[&Mention],
    ) -> String {
        // calendar dates leave the label, unless they modify the next word ("Easter truce");
        // lengths of time stay ("30-hour truce")
        let in_date = |x: &W| {
            mentions.iter().any(|m| {
                m.start <= x.start
                    && x.end <= m.end
                    && matches!(m.value, TimeValue::Date { .. } | TimeValue::Range { .. } | TimeValue::Unanchored(_))
                    && !w
                        .iter()
                        .any(|y| y.start == m.end + 1 && self.t.has(&y.lower, |r| matches!(r, Role::Trigger(..))))
            })
        };
        let mut parts: Vec<String> = Vec::new();
        if verb {
            if let Some((_, name)) = subject {
                parts.push(name.to_string());
            }
            // Auxiliaries between subject and verb ("has proposed", "had threatened") go.
            parts.push(w[k].lower.clone());
            let mut taken = 0;
            for x in &w[k + 1..] {
                if taken >= 8 || self.t.is_phrase_stop(&x.lower) && taken > 0 {
                    break;
                }
                if in_date(x) {
                    if taken > 0 {
                        break;
                    }
                    continue;
                }
                if x.lower == "on" && taken == 0 {
                    continue;
                }
                parts.push(if x.cap { as_written(text, x) } else { x.lower.clone() });
                taken += 1;
                if x.punct_after.is_some_and(|p| matches!(p, ',' | ';' | '.' | ':' | '—' | '–' | '!' | '?')) {
                    break;
                }
            }
        } else {
            // Modifiers before the noun: adjectives, names, "30-hour", not articles or dates.
            let mut start = k;
            while start > 0 && k - start < 3 {
                let x = &w[start - 1];
                let function = matches!(
                    x.lower.as_str(),
                    "a" | "an"
                        | "the"
                        | "its"
                        | "his"
                        | "her"
                        | "their"
                        | "our"
                        | "of"
                        | "in"
                        | "on"
                        | "to"
                        | "that"
                        | "this"
                ) || self.t.has(&x.lower, |r| matches!(r, Role::Trigger(_, true)));
                if function || x.punct_after.is_some() || in_date(x) && !x.cap {
                    break;
                }
                start -= 1;
            }
            if let Some((first, name)) = subject {
                if first + 6 >= start && !w[start..k].iter().any(|x| x.lower == name.to_lowercase()) {
                    parts.push(name.to_string());
                    // the verb that governs the noun ("announced a truce")
                    if let Some(v) = (first + 1..start).rev().find(|&j| is_verbish(&w[j].lower)) {
                        parts.push(w[v].lower.clone());
                    }
                }
            }
            if parts.is_empty() && start > 0 && start - 1 < w.len() {
                // "signed a decree": the verb right before the noun phrase
                if let Some(v) = (start.saturating_sub(2)..start)
                    .rev()
                    .find(|&j| is_past(&w[j].lower) || matches!(w[j].lower.as_str(), "signed" | "held" | "declared"))
                {
                    parts.push(w[v].lower.clone());
                }
            }
            for x in &w[start..=k] {
                parts.push(if x.cap { as_written(text, x) } else { x.lower.clone() });
            }
            // what the decree, proposal or threat says, briefly
            if self.t.has(&w[k].lower, |r| *r == Role::ObjectNoun) && w[k].punct_after.is_none() {
                for x in w[k + 1..].iter().take(6) {
                    if in_date(x) || self.t.is_phrase_stop(&x.lower) {
                        break;
                    }
                    parts.push(if x.cap { as_written(text, x) } else { x.lower.clone() });
                    if x.punct_after.is_some() {
                        break;
                    }
                }
            }
            if let Some(p) = place {
                if !parts.iter().any(|x| x == p) {
                    parts.push(format!("in {p}"));
                }
            }
        }
        while parts.last().is_some_and(|l| {
            matches!(
                l.as_str(),
                "the" | "a" | "an" | "to" | "of" | "and" | "in" | "on" | "that" | "with" | "from" | "for" | "at" | "by"
            )
        }) {
            parts.pop();
        }
        while parts.first().is_some_and(|l| self.t.is_relation_word(&l.to_lowercase())) {
            parts.remove(0);
        }
        let mut s = parts.join(" ");
        s = s.trim_matches(|c: char| !c.is_alphanumeric() && c != ')' && c != '"').to_string();
        let mut c = s.chars();
        match c.next() {
            Some(f) => f.to_uppercase().chain(c).collect(),
            None => s,
        }
    }
}

/// A word as written, possessive and all, for labels.
fn as_written(text: &str, x: &W) -> String {
    text[x.start..x.end].to_string()
}

/// A word as written, without a possessive "'s".
fn original(text: &str, x: &W) -> String {
    let w = &text[x.start..x.end];
    w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w).to_string()
}

/// A regular past form ("announced", "proposed"), not an adjective of that shape.
fn is_past(l: &str) -> bool {
    l.len() > 4
        && l.ends_with("ed")
        && !matches!(l, "need" | "united" | "related" | "interested" | "based" | "limited" | "concerned")
}

fn is_verbish(l: &str) -> bool {
    l.len() > 4 && (l.ends_with("ed") || l.ends_with("es")) || matches!(l, "held" | "made" | "set" | "put" | "won")
}

/// The calendar-valued temporal expression nearest the trigger (in words), and the distance.
/// A date right before a noun trigger modifies it ("Easter truce") and is not its anchor.
/// A date governed by "since", "after", "before" or "until" bounds the event, and a year
/// before a noun modifies it ("Ukraine's 1991 borders"): neither anchors it. A date right
/// before a trigger word ("the Easter truce") anchors it only when no explicit date is near.
fn anchor<'m>(
    w: &[W],
    k: usize,
    mentions: &[&'m Mention],
    is_trigger: impl Fn(&W) -> bool,
) -> Option<(&'m Mention, usize)> {
    let word_index = |pos: usize| w.iter().position(|x| x.start >= pos).unwrap_or(w.len());
    // governed, unless the trigger itself stands between the relation word and the date
    // ("after the mobilization in September 2022": that date is the mobilization's)
    let governed = |m: &Mention| {
        let i = word_index(m.start);
        (i.saturating_sub(10)..i).any(|j| {
            Triggers::get().is_relation_word(&w[j].lower)
                && !(j < k && k < i)
                && !w[j..i].iter().any(|x| x.punct_after.is_some_and(|p| p != '\''))
        })
    };
    let modifier = |m: &Mention| {
        let after = word_index(m.end);
        matches!(m.value.granularity(), Some(crate::dates::Granularity::Year))
            && w.get(after).is_some_and(|x| {
                !x.cap
                    && x.start == m.end + 1
                    && !matches!(x.lower.as_str(), "and" | "or" | "to" | "when" | "the" | "a")
            })
            && w.get(after.wrapping_sub(1)).is_none_or(|x| x.punct_after.is_none())
    };
    mentions
        .iter()
        .filter(|m| matches!(m.value, TimeValue::Date { .. } | TimeValue::Range { .. } | TimeValue::Unanchored(_)))
        .filter(|m| !governed(m) && !modifier(m))
        .map(|m| {
            let (a, b) = (word_index(m.start), word_index(m.end));
            let dist = if b <= k { k - b + 1 } else { a.saturating_sub(k) };
            // crossing a clause boundary counts extra
            // (from the date's own last word: its comma may close the clause)
            let (lo, hi) = if b <= k { (b.saturating_sub(1), k) } else { (k, a) };
            let span = &w[lo.min(w.len())..hi.min(w.len())];
            let crossing = span
                .iter()
                .enumerate()
                .filter(|(n, x)| {
                    x.punct_after.is_some_and(|p| matches!(p, ';' | ':' | '—' | '–'))
                        || x.punct_after == Some(',')
                            && span
                                .get(n + 1)
                                .is_some_and(|y| matches!(y.lower.as_str(), "and" | "but" | "while" | "as"))
                })
                .count();
            // a date right before the trigger modifies it ("the Easter truce", "a December
            // 15-16 summit"): it anchors the event unless an explicit date is close
            let modifies = w.get(word_index(m.end)).is_some_and(|x| x.start == m.end + 1 && is_trigger(x));
            (*m, dist + 6 * crossing + if modifies { 6 } else { 0 })
        })
        .min_by_key(|(_, d)| *d)
}

/// A run of capitalised words: a name.
struct NameRun {
    first: usize,
    last: usize,
    display: String,
    place: bool,
}

fn name_runs(text: &str, w: &[W], t: &Triggers, mentions: &[&Mention]) -> Vec<NameRun> {
    let in_date = |x: &W| mentions.iter().any(|m| m.start <= x.start && x.end <= m.end);
    let mut out = Vec::new();
    let mut i = 0;
    while i < w.len() {
        let sentence_start = i == 0;
        if !w[i].cap || in_date(&w[i]) || sentence_start && t.has(&w[i].lower, |r| matches!(r, Role::NotName)) {
            i += 1;
            continue;
        }
        let first = i;
        let mut j = i;
        while j + 1 < w.len()
            && w[j].punct_after.is_none()
            && !in_date(&w[j + 1])
            && (w[j + 1].cap || w[j + 1].lower == "of" && w.get(j + 2).is_some_and(|x| x.cap))
        {
            j += 1;
        }
        // Titles go; the name is what is left, its last word the key for people.
        let kept: Vec<&W> = w[first..=j].iter().filter(|x| !t.has(&x.lower, |r| matches!(r, Role::Title))).collect();
        if let Some(last) = kept.last() {
            let key = fold(&last.lower);
            // A title in or just before the run marks a person, named by surname as reports
            // refer back to them ("President Vladimir Putin" -> Putin); other names keep every
            // word ("Crimean Peninsula", "United States").
            let titled =
                kept.len() < j - first + 1 || first > 0 && t.has(&w[first - 1].lower, |r| matches!(r, Role::Title));
            let display = t.aliases.get(&key).cloned().unwrap_or_else(|| {
                if titled || kept.len() == 1 || kept.len() > 4 {
                    original(text, last)
                } else {
                    kept.iter().map(|x| original(text, x)).collect::<Vec<_>>().join(" ")
                }
            });
            let place = first > 0 && matches!(w[first - 1].lower.as_str(), "in" | "at" | "to" | "from");
            out.push(NameRun { first, last: j, display, place });
        }
        i = j + 1;
    }
    out
}

/// Folds spelling variants of a transliterated name: "Zelenskiy", "Zelenskyy" and "Zelensky"
/// fold alike (y as i, doubled letters as one).
fn fold(lower: &str) -> String {
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars().filter(|c| c.is_alphabetic()) {
        let c = if c == 'y' { 'i' } else { c };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
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
            out.push(W {
                start: range.start + start,
                end: range.start + i,
                cap: word.chars().next().is_some_and(char::is_uppercase),
                lower,
                punct_after,
            });
        } else {
            i += c.len_utf8();
        }
    }
}

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
