//! Times counted from another event: "within hours of Saddam's dawn hanging, a car bomb
//! exploded", "on June 28, three days after militants kidnapped a soldier, warplanes shelled the
//! plant". The date stage finds the length ("hours", "three days") and can place it nowhere; here
//! the length places one event from the other's date. The event counted from takes its date
//! from its own clause or from the article ("the hanging" after "was hanged on Saturday"); the
//! event the length places takes that date moved by the length. Or, the other way, the event
//! the length places is dated in its clause ("On June 28"), and the event counted from is that
//! date moved back. Lengths under a day ("hours", "minutes") keep the day; days and weeks move
//! it; a length of unknown days ("days after") or of months places nothing.

use super::anchor::Timex;
use super::{AnchorSource, EventAnchor, Relation, TimemlEvent};
use crate::dates::values::{Amount, Modifier, Point, Unit};
use crate::dates::{Mention, TimeValue};
use crate::language::{Sentence, Upos, Xpos};
use chrono::{Duration, NaiveDate};

/// A length counted from an event: the word that says which way ("after"), the words of the
/// phrase that names the event counted from (to a comma, or to the end of the clause "after"
/// opens), and the whole days from that event to the one the length places (negative before
/// it).
struct Count {
    way: usize,
    phrase: std::ops::Range<usize>,
    days: i64,
    /// "nearly four weeks", "more than three weeks": the day is known to its week only.
    rough: bool,
}

/// Words before a length that make it a stretch of time, not a count ("during the last week
/// before the changeover", "for days after").
const STRETCH: &[&str] = &["the", "last", "past", "first", "final", "during", "for", "over", "throughout"];

/// The count of expression `t` (a length followed by "after", "before" or "following"), when
/// its length is whole days or weeks, or under a day. "Within 30 days after" is a deadline, not
/// a day.
fn count(s: &Sentence, t: &Timex, m: &Mention) -> Option<Count> {
    let before = |w: &[&str]| t.words.start > 0 && w.iter().any(|x| s.lemma(t.words.start - 1).eq_ignore_ascii_case(x));
    if !t.counted || before(STRETCH) {
        return None;
    }
    let w = t.words.end;
    // the phrase runs to a comma, or past it to the end of the subtree of the word "after" hangs
    // on ("three days after three militant groups, headed by Hamas, abducted a soldier"), unless
    // the parse made that word the sentence's root or a head of the length ("three days after
    // militants kidnapped a soldier, warplanes shelled", read with "kidnapped" the root)
    let comma = (w + 1..s.len()).find(|&k| s.tokens[k].xpos == Xpos::Comma).unwrap_or(s.len());
    let sane = |h: &usize| *h > w && s.tokens[*h].head.is_some() && !s.ancestors(t.head).any(|a| a == *h);
    let end = s.tokens[w].head.filter(sane).map_or(comma, |h| comma.max(s.subtree_span(h).1 + 1));
    // "He left hours after": no event is named
    if w + 1 >= end {
        return None;
    }
    let TimeValue::Duration { duration, modifier } = m.value else { return None };
    let n = match duration.amount {
        Amount::Exact(n) => i64::from(n),
        Amount::Unknown | Amount::Tenths(_) => 0,
    };
    let days = match duration.unit {
        Unit::Hour | Unit::Minute | Unit::Second => 0,
        Unit::Day if n > 0 && !before(&["within"]) => n,
        Unit::Week if n > 0 && !before(&["within"]) => 7 * n,
        _ => return None,
    };
    let sign = if s.lemma(w) == "before" { -1 } else { 1 };
    let rough = days != 0 && modifier.is_some_and(|m| m != Modifier::Approx);
    Some(Count { way: w, phrase: w + 1..end, days: sign * days, rough })
}

/// The day an anchor places an event on, when it is one day.
fn day_of(a: &EventAnchor) -> Option<NaiveDate> {
    a.value.days().filter(|(first, last)| first == last).map(|(d, _)| d)
}

/// What a count is about: the byte span of the phrase that names the event counted from.
#[derive(Clone, Copy)]
struct Phrase {
    lo: usize,
    hi: usize,
}

impl Phrase {
    fn holds(self, byte: usize) -> bool {
        (self.lo..self.hi).contains(&byte)
    }
}

/// A day moved by whole days.
fn moved(d: NaiveDate, days: i64) -> Option<NaiveDate> {
    d.checked_add_signed(Duration::days(days))
}

/// Dates the events of one sentence (`events`, in word order) that a length counted from
/// another event places, or the event counted from, by the other's date. `earlier` gives the
/// date the article gave an event before, by its word's lemma, part of speech and whether it
/// is a verb in "-ing".
pub fn place(
    s: &Sentence,
    timexes: &[Timex],
    mentions: &[&Mention],
    events: &mut [TimemlEvent],
    earlier: &dyn Fn(&str, Upos, bool) -> Option<EventAnchor>,
) {
    for t in timexes {
        let m = mentions[t.mention];
        let Some(c) = count(s, t, m) else { continue };
        let phrase = Phrase { lo: s.tokens[c.phrase.start].start, hi: s.tokens[c.phrase.end - 1].end };
        // the event counted from: the word "after" is the case of ("after the execution") or
        // marks ("after militants kidnapped"), else the first event of its phrase
        let head = s.tokens[c.way].head.map(|h| s.tokens[h].start).filter(|&h| phrase.holds(h));
        let f = events
            .iter()
            .position(|e| Some(e.start) == head)
            .or_else(|| events.iter().position(|e| phrase.holds(e.start)));
        // it is dated by its own phrase ("two days after the June 25 kidnapping"), else by the
        // article before, under its name or another word of the phrase ("within hours of
        // Saddam's dawn hanging"); not by the clause the length is in
        let own = f.and_then(|f| own_date(s, timexes, mentions, &events[f], phrase));
        let before = s.tokens[0].start;
        let dated_before = |k: usize| {
            earlier(s.lemma(k), s.tokens[k].upos, s.tokens[k].xpos == Xpos::Vbg)
                .filter(|a| a.start < before && day_of(a).is_some())
        };
        let words =
            f.map(|f| s.tokens.partition_point(|t| t.start < events[f].start)).into_iter().chain(c.phrase.clone());
        let from_date = own.or_else(|| words.into_iter().find_map(dated_before));
        let relative = |d: NaiveDate| EventAnchor {
            start: m.start,
            end: m.end,
            text: m.text.clone(),
            value: if c.rough {
                TimeValue::Date { point: Point::week_of(d), modifier: None }
            } else {
                TimeValue::day(d)
            },
            relation: Relation::At,
            source: AnchorSource::Relative,
        };
        let at_t = |e: &TimemlEvent| e.anchor.as_ref().is_some_and(|a| a.start == m.start && a.end == m.end);
        if let Some(from) = from_date {
            // "Within hours of Saddam's dawn hanging, a car bomb exploded": the events the length
            // placed are the hanging's day
            let Some(d) = day_of(&from).and_then(|d| moved(d, c.days)) else { continue };
            for (k, e) in events.iter_mut().enumerate() {
                if Some(k) == f {
                    if e.anchor.as_ref() != Some(&from) {
                        e.anchor = Some(EventAnchor { source: AnchorSource::Earlier, ..from.clone() });
                    }
                } else if at_t(e) {
                    e.anchor = Some(relative(d));
                }
            }
        } else if let Some(f) = f {
            // "On June 28, three days after militants kidnapped a soldier, warplanes shelled":
            // the kidnapping is three days before the day the shelling has
            let d = clause_day(s, t, events, phrase, &at_t).and_then(|d| moved(d, -c.days));
            if let Some(d) = d {
                events[f].anchor = Some(relative(d));
            }
        }
    }
}

/// The day event `e`'s anchor gives, when an expression in the count's phrase that `e` governs
/// gives it.
fn own_date(
    s: &Sentence,
    timexes: &[Timex],
    mentions: &[&Mention],
    e: &TimemlEvent,
    phrase: Phrase,
) -> Option<EventAnchor> {
    let i = s.tokens.partition_point(|t| t.start < e.start);
    let governs = |a: &EventAnchor| {
        a.source == AnchorSource::Governed
            && timexes.iter().any(|x| mentions[x.mention].start == a.start && s.tokens[x.head].head == Some(i))
    };
    e.anchor.clone().filter(|a| phrase.holds(a.start) && governs(a) && day_of(a).is_some())
}

/// The day of the clause a length is in: the day its sentence gives the event the length hangs
/// on, else the event dated nearest the length; never a date of the count's phrase.
fn clause_day(
    s: &Sentence,
    t: &Timex,
    events: &[TimemlEvent],
    phrase: Phrase,
    at_t: &dyn Fn(&TimemlEvent) -> bool,
) -> Option<NaiveDate> {
    let placed = s.tokens[t.head].head.map(|h| s.tokens[h].start);
    let day = |e: &TimemlEvent| {
        let outside = |a: &&EventAnchor| a.source.in_sentence() && !at_t(e) && !phrase.holds(a.start);
        if phrase.holds(e.start) {
            return None;
        }
        e.anchor.as_ref().filter(outside).and_then(day_of)
    };
    let here = s.tokens[t.words.start].start;
    let dated: Vec<(NaiveDate, &TimemlEvent)> = events.iter().filter_map(|e| day(e).map(|d| (d, e))).collect();
    dated
        .iter()
        .find(|(_, e)| Some(e.start) == placed)
        .or_else(|| dated.iter().min_by_key(|(_, e)| e.anchor.as_ref().map_or(usize::MAX, |a| a.start.abs_diff(here))))
        .map(|(d, _)| *d)
}

#[cfg(test)]
mod tests {
    use crate::corpus::Article;
    use crate::dates::{DateExtractor, Options};
    use crate::events::timeml::EventLayer;

    fn anchors(text: &str, published: &str) -> Vec<(String, Option<String>)> {
        let a = Article::new("a", text, published.parse().ok());
        let dates = DateExtractor::new(Options::default()).extract(&a);
        let events = EventLayer::new().extract(&a, &dates);
        events.into_iter().map(|e| (e.text, e.anchor.map(|x| x.value.timex()))).collect()
    }

    #[test]
    fn a_length_that_ends_the_text_names_no_event() {
        // the phrase after "after" is empty: nothing to count from, and no panic
        for text in ["He left hours after", "He left hours after,", "Days before"] {
            let got = anchors(text, "2006-12-30");
            assert!(got.iter().all(|(_, a)| a.as_deref() != Some("2006-12-30")), "{text}: {got:?}");
        }
    }

    #[test]
    fn the_day_of_an_event_moves_by_the_length() {
        let got = anchors("Police arrested Smith on Monday. Two days after the arrest, he was freed.", "2006-12-30");
        let freed = got.iter().find(|(w, _)| w == "freed").and_then(|(_, a)| a.clone());
        assert_eq!(freed.as_deref(), Some("2006-12-27"), "{got:?}");
    }
}
