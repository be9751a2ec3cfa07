//! What an article says of time outside a sentence: the expressions an event whose own
//! sentence places it nowhere is anchored to, read by a cursor that moves forward through the
//! article's date mentions, sentence by sentence.

use super::anchor;
use crate::dates::{AnchorKind, Mention, TimexType};
use chrono::NaiveDate;

/// What an article says of time outside a sentence: the expressions an event with no
/// expression of its own is anchored to.
#[derive(Debug, Clone, Copy, Default)]
pub struct Outside<'m> {
    /// The last calendar expression before the sentence.
    pub narrative: Option<&'m Mention>,
    /// The last calendar expression before the sentence that a past event can lie in: one that
    /// begins no later than the publication day ("now", "the future", "Thursday" of next week
    /// cannot).
    pub narrative_past: Option<&'m Mention>,
    /// The last expression before the sentence whose value is the publication day; a time of
    /// that day ("Wednesday night") only when the day itself came before it.
    pub published: Option<&'m Mention>,
    /// The first calendar expression after the sentence.
    pub following: Option<&'m Mention>,
    /// The first expression after the sentence whose value is the publication day.
    pub following_published: Option<&'m Mention>,
    /// The publication day.
    pub day: Option<chrono::NaiveDate>,
}

/// Reads an article's mentions in order, for each sentence the [`Outside`] before it.
#[derive(Debug)]
pub struct Cursor<'m> {
    mentions: &'m [Mention],
    day: Option<NaiveDate>,
    /// Mentions before `seen` have been looked at for the publication day and the narrative.
    seen: usize,
    published: Option<&'m Mention>,
    narrative: Option<&'m Mention>,
    narrative_past: Option<&'m Mention>,
    /// The first calendar mention, and the first of the publication day, not before the
    /// sentence's end (for `following` and `following_published`).
    next: usize,
    next_published: usize,
    /// The mentions that are a comparison's baseline (indexes into `mentions`, rising).
    baselines: Vec<usize>,
}

/// The first mention from cursor `k` on (moved to `first` at least, and kept where the mention
/// is found) that begins at or after byte `end` and that `keep` accepts.
fn first_after<'m>(
    all: &'m [Mention],
    k: &mut usize,
    first: usize,
    end: usize,
    keep: impl Fn(&Mention) -> bool,
) -> Option<&'m Mention> {
    *k = (*k).max(first);
    while *k < all.len() && (all[*k].start < end || !keep(&all[*k])) {
        *k += 1;
    }
    all.get(*k)
}

/// Adjectives of time that describe a noun ("the current fronts", "recent gains"): the story
/// is not at them after their sentence. (Within it, `anchor_of` reads the same from the parse,
/// which is not kept for the sentences before.)
const DESCRIBING: &[&str] = &["current", "recent"];

/// Whether a mention can be where the narrative is: a date or a time, not a describing
/// adjective.
fn calendar(m: &Mention) -> bool {
    matches!(m.timex_type(), TimexType::Date | TimexType::Time)
        && !DESCRIBING.iter().any(|w| m.text.eq_ignore_ascii_case(w))
}

impl<'m> Cursor<'m> {
    pub fn new(mentions: &'m [Mention], day: Option<NaiveDate>) -> Self {
        Cursor {
            mentions,
            day,
            seen: 0,
            published: None,
            narrative: None,
            narrative_past: None,
            next: 0,
            next_published: 0,
            baselines: Vec::new(),
        }
    }

    /// What lies outside the sentence whose first mention is `first` and which ends at byte
    /// `end`. Sentences come in order.
    pub fn before(&mut self, first: usize, end: usize) -> Outside<'m> {
        let all = self.mentions;
        // The time the narrative had reached: the last calendar expression before the
        // sentence, and the last one a past event can lie in. The cursor only moves forward.
        // The publication day is the last mention of it, a time of that day ("Wednesday night")
        // only until the day itself is named: what is told that day, not at a time of it, is
        // at the day.
        for (k, m) in all.iter().enumerate().take(first).skip(self.seen) {
            let time = |a: &Mention| a.timex_type() == TimexType::Time;
            let keeps_day = self.published.is_some_and(|q| !time(q)) && time(m);
            if !keeps_day && self.day.is_some_and(|p| m.value.days() == Some((p, p))) {
                self.published = Some(m);
            }
            if calendar(m) && self.baselines.binary_search(&k).is_err() && !self.names_narrative_again(m) {
                self.narrative = Some(m);
                if !anchor::after_publication(m, self.day) {
                    self.narrative_past = Some(m);
                }
            }
        }
        self.seen = self.seen.max(first);
        // Only sentences before the first date look ahead: to the first calendar expression
        // after them, and the first whose value is the publication day.
        let (mut following, mut following_published) = (None, None);
        if self.narrative.is_none() {
            following = first_after(all, &mut self.next, first, end, calendar);
            if let Some(p) = self.day {
                let on_the_day = |m: &Mention| m.value.days() == Some((p, p));
                following_published = first_after(all, &mut self.next_published, first, end, on_the_day);
            }
        }
        Outside {
            narrative: self.narrative,
            narrative_past: self.narrative_past,
            published: self.published,
            following,
            following_published,
            day: self.day,
        }
    }

    /// Whether mention `m` names the narrative's day again, counted from it ("that day", "later
    /// in the day", "that night" after "Friday"): the story stays at the expression that named
    /// the day, which the text's own links point back to.
    fn names_narrative_again(&self, m: &Mention) -> bool {
        let Some(n) = self.narrative.and_then(|n| n.value.days()) else { return false };
        let again = m.value.days().is_some_and(|(first, last)| n.0 <= first && last <= n.1);
        again && m.anchor.is_some_and(|a| a.kind == AnchorKind::Narrative)
    }

    /// Notes mentions (indexes, rising, after any noted before) that are a comparison's
    /// baseline: they do not move the narrative.
    pub fn baselines(&mut self, ks: impl Iterator<Item = usize>) {
        self.baselines.extend(ks);
    }
}
