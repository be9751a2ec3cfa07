//! Key events: an importance for each entry, a ranking of days, and the top K.
//!
//! An entry's importance weighs, from the corpus as a whole:
//!
//! - **reports**: how many articles report it;
//! - **references**: how many other articles refer to its date, whatever they say happened
//!   then. A date the whole story keeps coming back to matters. An article counts double when
//!   it was published more than [`LATER`] days after that date (a *retrospective* reference:
//!   the story looks back to it). The references to a date are shared among the entries on
//!   that date in proportion to their reports, so a busy day does not count them once per
//!   entry;
//! - **lead**: an article's first sentence or its headline reports it (×[`LEAD`]);
//! - **prominence**: its best-known participant, as the share of articles whose events name
//!   it (×1 to ×[`PROMINENT`]);
//! - **precision**: a day beats a week, a month, a year (×1 down to ×0.1; undated ×0.1);
//! - **asserted and done** rather than planned (planned ×[`PLANNED`]).
//!
//! A day's importance is what its entries (those dated to that day, or to a span starting it)
//! add up to. Ties are broken by date order, so the ranking is stable for the same input.

use super::{Event, Timeline};
use crate::dates::Granularity;
use chrono::NaiveDate;
use rustc_hash::{FxHashMap, FxHashSet};
use serde::{Deserialize, Serialize};

/// Days after a date beyond which an article's reference to it is retrospective.
pub const LATER: i64 = 7;
/// The factor for an entry reported in a lead sentence or a headline.
pub const LEAD: f64 = 1.5;
/// The factor for an entry whose participant every article names.
pub const PROMINENT: f64 = 1.5;
/// The factor for an entry all its sources report as planned.
pub const PLANNED: f64 = 0.5;

/// What an entry's importance was computed from: part of the contract, so a reader (or `-v`)
/// can say why an entry ranks where it does.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    /// Articles that report the event.
    pub reports: usize,
    /// Other articles that refer to its date.
    pub referred_by: usize,
    /// Of the reports and references, those published more than [`LATER`] days after it.
    pub retrospective: usize,
    /// A lead sentence or a headline reports it.
    pub lead: bool,
    /// Share of the corpus's articles whose events name its best-known participant (0 to 1).
    pub prominence: f64,
}

/// What the ranking needs to know of one article besides its events: its publication date,
/// the dates it refers to, where its lead sentence starts and its headline.
#[derive(Debug, Clone, Default)]
pub struct ArticleFacts {
    pub id: String,
    pub published: Option<NaiveDate>,
    /// First and last day of each calendar date it refers to, each once.
    pub refers_to: Vec<(NaiveDate, NaiveDate)>,
    /// Byte offset of its first story sentence.
    pub lead: Option<usize>,
    /// Its headline, lowercased.
    pub title: Option<String>,
}

impl ArticleFacts {
    /// The facts of one article from what the date stage found in it.
    pub fn new(article: &crate::corpus::Article, dates: &crate::dates::Extraction) -> ArticleFacts {
        let mut refers_to: Vec<(NaiveDate, NaiveDate)> = dates
            .mentions
            .iter()
            .filter(|m| m.timex_type() == crate::dates::TimexType::Date && m.value.modifier().is_none())
            .filter_map(|m| m.value.days())
            .collect();
        refers_to.sort_unstable();
        refers_to.dedup();
        ArticleFacts {
            id: article.id.clone(),
            published: article.published,
            refers_to,
            lead: dates.sentences.first().map(|s| s.start),
            title: article.title.as_ref().map(|t| t.to_lowercase()),
        }
    }
}

/// How much a date's precision lets an entry matter: a day 1, down to a century 0.1.
pub fn precision(e: &Event) -> f64 {
    let Some(w) = &e.when else { return 0.1 };
    match w.granularity {
        Granularity::Day | Granularity::PartOfDay | Granularity::Time => 1.0,
        Granularity::Weekend | Granularity::Week => 0.6,
        Granularity::Month => 0.4,
        Granularity::Season | Granularity::Quarter | Granularity::Half => 0.3,
        Granularity::Year => 0.2,
        _ => 0.1,
    }
}

/// The day an entry counts for in the ranking of days: a day-precise date (or a span of days)
/// gives its first day; coarser or no date, none.
pub fn day_of(e: &Event) -> Option<NaiveDate> {
    let w = e.when.as_ref()?;
    match w.granularity {
        Granularity::Day | Granularity::PartOfDay | Granularity::Time if !w.approximate => e.days().map(|d| d.0),
        _ => None,
    }
}

/// Sets each event's [`Signals`] and importance from the articles it was built from.
pub fn rank(events: &mut [Event], facts: &[ArticleFacts]) {
    let index: FxHashMap<&str, usize> = facts.iter().enumerate().map(|(i, f)| (f.id.as_str(), i)).collect();
    // Which articles refer to each span of days.
    let mut referring: FxHashMap<(NaiveDate, NaiveDate), Vec<usize>> = FxHashMap::default();
    for (i, f) in facts.iter().enumerate() {
        for &span in &f.refers_to {
            referring.entry(span).or_default().push(i);
        }
    }
    // Prominence: the articles whose events name each participant.
    let mut naming: FxHashMap<&str, FxHashSet<usize>> = FxHashMap::default();
    for e in events.iter() {
        let sources: Vec<usize> = e.sources().iter().filter_map(|s| index.get(s).copied()).collect();
        for p in &e.participants {
            naming.entry(p.as_str()).or_default().extend(sources.iter().copied());
        }
    }
    let corpus = facts.len().max(1) as f64;
    let prominences: Vec<f64> = events
        .iter()
        .map(|e| {
            let named = |p: &String| naming.get(p.as_str()).map_or(0, FxHashSet::len) as f64 / corpus;
            e.participants.iter().map(named).fold(0.0, f64::max)
        })
        .collect();
    drop(naming);
    // The reports of all entries on each span, to share its references among them.
    let mut reports_on: FxHashMap<(NaiveDate, NaiveDate), usize> = FxHashMap::default();
    let sources: Vec<Vec<usize>> = events
        .iter()
        .map(|e| {
            let mut s: Vec<usize> = e.sources().iter().filter_map(|s| index.get(s).copied()).collect();
            s.sort_unstable();
            s
        })
        .collect();
    for (e, s) in events.iter().zip(&sources) {
        if let Some(span) = e.days() {
            *reports_on.entry(span).or_default() += s.len();
        }
    }
    for ((e, s), prominence) in events.iter_mut().zip(&sources).zip(prominences) {
        let span = e.days();
        let later = |i: usize| match (span, facts[i].published) {
            (Some((_, last)), Some(p)) => (p - last).num_days() > LATER,
            _ => false,
        };
        let others: Vec<usize> = span
            .and_then(|sp| referring.get(&sp))
            .map(|r| r.iter().copied().filter(|i| s.binary_search(i).is_err()).collect())
            .unwrap_or_default();
        let retrospective = s.iter().chain(&others).filter(|&&i| later(i)).count();
        let lead = e.mentions.iter().any(|m| {
            index.get(m.article.as_str()).is_some_and(|&i| {
                facts[i].lead == Some(m.start)
                    || facts[i].title.as_deref().is_some_and(|t| super::about::has_phrase(t, &m.trigger))
            })
        });
        e.signals = Signals { reports: s.len(), referred_by: others.len(), retrospective, lead, prominence };
        // The references to the span, weighted (a later one counts double), shared among its
        // entries by their reports.
        let weighted: f64 = others.iter().map(|&i| if later(i) { 2.0 } else { 1.0 }).sum();
        let share = span.and_then(|sp| reports_on.get(&sp)).map_or(0.0, |&all| s.len() as f64 / all.max(1) as f64);
        let reported: f64 = s.iter().map(|&i| if later(i) { 2.0 } else { 1.0 }).sum();
        e.importance = round((reported + weighted * share) * factors(e));
    }
}

/// The multiplicative part of importance: precision, planned, lead, prominence.
fn factors(e: &Event) -> f64 {
    let s = &e.signals;
    precision(e)
        * if e.planned { PLANNED } else { 1.0 }
        * if s.lead { LEAD } else { 1.0 }
        * (1.0 + (PROMINENT - 1.0) * s.prominence.clamp(0.0, 1.0))
}

/// Importance to four decimals: the same on every machine and through JSON and RON.
fn round(x: f64) -> f64 {
    (x * 10_000.0).round() / 10_000.0
}

/// One day of the ranking of days.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Day {
    pub day: NaiveDate,
    /// What its entries' importances add up to.
    pub importance: f64,
    /// Its entries' ids, most important first.
    pub events: Vec<String>,
}

/// Positions of the events, most important first; ties in date order.
pub fn order(t: &Timeline) -> Vec<usize> {
    let mut order: Vec<usize> = (0..t.events.len()).collect();
    order.sort_by(|&a, &b| t.events[b].importance.total_cmp(&t.events[a].importance).then(a.cmp(&b)));
    order
}

/// The days that have day-precise entries, most important first; ties in date order.
pub fn days(t: &Timeline) -> Vec<Day> {
    let mut by_day: FxHashMap<NaiveDate, Day> = FxHashMap::default();
    for i in order(t) {
        let e = &t.events[i];
        let Some(d) = day_of(e) else { continue };
        let day = by_day.entry(d).or_insert_with(|| Day { day: d, importance: 0.0, events: Vec::new() });
        day.importance += e.importance;
        day.events.push(e.id.clone());
    }
    let mut days: Vec<Day> = by_day.into_values().collect();
    for d in &mut days {
        d.importance = round(d.importance);
    }
    days.sort_by(|a, b| b.importance.total_cmp(&a.importance).then(a.day.cmp(&b.day)));
    days
}

/// The timeline kept to the events at `keep` (positions), in date order, with the relations
/// and conflicts among them. Ids stay as they were, so they still match the full timeline.
pub(crate) fn keep(t: &Timeline, keep: &[usize]) -> Timeline {
    let mut keep = keep.to_vec();
    keep.sort_unstable();
    let events: Vec<Event> = keep.iter().map(|&i| t.events[i].clone()).collect();
    let ids: FxHashSet<&str> = events.iter().map(|e| e.id.as_str()).collect();
    Timeline {
        title: t.title.clone(),
        articles: t.articles.clone(),
        relations: t
            .relations
            .iter()
            .filter(|r| ids.contains(r.before.as_str()) && ids.contains(r.after.as_str()))
            .cloned()
            .collect(),
        conflicts: t.conflicts.iter().filter(|c| c.events.iter().all(|e| ids.contains(e.as_str()))).cloned().collect(),
        events,
    }
}

/// The `k` most important entries, in date order.
pub fn top(t: &Timeline, k: usize) -> Timeline {
    let order = order(t);
    keep(t, &order[..k.min(order.len())])
}

/// Every entry of the `k` most important days, in date order.
pub fn top_days(t: &Timeline, k: usize) -> Timeline {
    let chosen: FxHashSet<NaiveDate> = days(t).into_iter().take(k).map(|d| d.day).collect();
    let at: Vec<usize> =
        (0..t.events.len()).filter(|&i| day_of(&t.events[i]).is_some_and(|d| chosen.contains(&d))).collect();
    keep(t, &at)
}

/// Why each entry ranks where it does, in words, by its position in the timeline: "rank 3
/// of 40 (importance 12.5): reported by 14 articles; its date referred to by 31 other
/// articles; ...".
pub fn explanations(t: &Timeline) -> Vec<String> {
    let mut out = vec![String::new(); t.events.len()];
    for (rank, i) in order(t).into_iter().enumerate() {
        out[i] = format!(
            "rank {} of {} (importance {}): {}",
            rank + 1,
            t.events.len(),
            t.events[i].importance,
            reasons(&t.events[i])
        );
    }
    out
}

/// The signals of an entry's importance, in words.
fn reasons(e: &Event) -> String {
    let s = &e.signals;
    let articles = |n: usize| if n == 1 { "1 article".to_string() } else { format!("{n} articles") };
    let mut why = vec![format!("reported by {}", articles(s.reports))];
    if s.referred_by > 0 {
        let other = if s.referred_by == 1 { "other article" } else { "other articles" };
        why.push(format!("its date referred to by {} {other}", s.referred_by));
    }
    if s.retrospective > 0 {
        why.push(format!("{} of these published more than {LATER} days after it", s.retrospective));
    }
    if s.lead {
        why.push("in a lead or a headline".into());
    }
    if s.prominence >= 0.05 {
        why.push(format!("its participants named in {:.0}% of articles", s.prominence * 100.0));
    }
    why.push(match &e.when {
        None => "undated".to_string(),
        Some(w) => format!("dated to the {}", w.granularity.name()),
    });
    if e.planned {
        why.push("planned, not done".into());
    }
    why.join("; ")
}
