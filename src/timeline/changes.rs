//! What changed between two timelines of one story: which events are new, which gained
//! sources, which changed date, which were joined, split or dropped.
//!
//! A timeline is rebuilt, not patched, when articles arrive: one new report can bridge two
//! events or give an undated one its date, so merging has to see every report again (it costs
//! a fraction of a millisecond an article). [`Changes::between`] then says what the new
//! articles did, matching events across the two timelines by the reports they share (a report
//! is an article, a sentence and a trigger word), never by their ids or labels, which may move.
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::timeline::{Changes, Timeline};
//!
//! let first = Article::new("a", "The peace summit will be held on June 15-16 in Switzerland.",
//!     "2024-05-25".parse().ok());
//! let second = Article::new("b", "Dozens of leaders attended the peace summit in Switzerland \
//!     on June 15-16.", "2024-06-17".parse().ok());
//! let old = Timeline::build(None, &[first.clone()]);
//! let new = Timeline::build(None, &[first, second]);
//! let changes = Changes::between(&old, &new);
//! assert_eq!(changes.merged().count(), 1);
//! assert_eq!(changes.merged().next().unwrap().added, ["b"]);
//! assert_eq!(changes.new_events().count(), 0);
//! ```

use super::{write::date_column, Timeline};
use rustc_hash::FxHashMap;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How a new timeline differs from an old one.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Changes {
    /// Every event of the new timeline that is new or changed, in its order.
    pub events: Vec<EventChange>,
    /// Events of the old timeline none of whose reports is in the new one (ids in the old).
    pub removed: Vec<String>,
    /// Old events whose reports now stand in several events: (old id, new ids).
    pub split: Vec<(String, Vec<String>)>,
    /// How many events are the same in both (same reports, same date).
    pub unchanged: usize,
}

/// One event of the new timeline and what it was before.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventChange {
    /// Its id in the new timeline.
    pub event: String,
    /// Its date as the chronology writes it, and its label, in the new timeline.
    pub date: String,
    pub label: String,
    /// The old events it continues (ids in the old timeline): none for a new event, two or
    /// more when a new report joined them.
    pub was: Vec<String>,
    /// Articles whose reports it gained, each once.
    pub added: Vec<String>,
    /// Its old date, as the chronology writes it, when its date changed.
    pub date_was: Option<String>,
}

impl EventChange {
    /// No old event had any of its reports.
    pub fn is_new(&self) -> bool {
        self.was.is_empty()
    }
}

impl Changes {
    /// Compares two timelines of one story, `old` built before articles were added, `new` after.
    pub fn between(old: &Timeline, new: &Timeline) -> Changes {
        type Key<'a> = (&'a str, usize, &'a str);
        let mut owner: FxHashMap<Key, usize> = FxHashMap::default();
        for (i, e) in old.events.iter().enumerate() {
            for m in &e.mentions {
                owner.insert((m.article.as_str(), m.start, m.trigger.as_str()), i);
            }
        }
        // For each old event, the new events holding its reports.
        let mut now_in: Vec<Vec<usize>> = vec![Vec::new(); old.events.len()];
        let mut out = Changes::default();
        for (j, e) in new.events.iter().enumerate() {
            let mut was: Vec<usize> = Vec::new();
            let mut added: Vec<String> = Vec::new();
            for m in &e.mentions {
                match owner.get(&(m.article.as_str(), m.start, m.trigger.as_str())) {
                    Some(&i) => {
                        if !was.contains(&i) {
                            was.push(i);
                        }
                        if !now_in[i].contains(&j) {
                            now_in[i].push(j);
                        }
                    }
                    None if !added.contains(&m.article) => added.push(m.article.clone()),
                    None => {}
                }
            }
            was.sort_unstable();
            let date_was = match was.as_slice() {
                [i] if old.events[*i].when != e.when => Some(date_column(&old.events[*i])),
                _ => None,
            };
            let same_reports =
                was.len() == 1 && added.is_empty() && old.events[was[0]].mentions.len() == e.mentions.len();
            if same_reports && date_was.is_none() {
                out.unchanged += 1;
                continue;
            }
            out.events.push(EventChange {
                event: e.id.clone(),
                date: date_column(e),
                label: e.label.clone(),
                was: was.iter().map(|&i| old.events[i].id.clone()).collect(),
                added,
                date_was,
            });
        }
        for (i, js) in now_in.iter().enumerate() {
            match js.len() {
                0 => out.removed.push(old.events[i].id.clone()),
                1 => {}
                _ => out.split.push((old.events[i].id.clone(), js.iter().map(|&j| new.events[j].id.clone()).collect())),
            }
        }
        out
    }

    /// Events no old event had a report of.
    pub fn new_events(&self) -> impl Iterator<Item = &EventChange> {
        self.events.iter().filter(|c| c.is_new())
    }

    /// Old events that gained reports from the added articles.
    pub fn merged(&self) -> impl Iterator<Item = &EventChange> {
        self.events.iter().filter(|c| !c.is_new() && !c.added.is_empty())
    }

    /// Old events whose date changed (more precise, or different).
    pub fn redated(&self) -> impl Iterator<Item = &EventChange> {
        self.events.iter().filter(|c| c.date_was.is_some())
    }

    /// Nothing changed.
    pub fn is_empty(&self) -> bool {
        self.events.is_empty() && self.removed.is_empty() && self.split.is_empty()
    }
}

/// One line a change: `new     e16  May 8-10, 2025  Putin declared a ceasefire  (+ 007)`.
impl fmt::Display for Changes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in &self.events {
            let what = if c.is_new() {
                "new".to_string()
            } else if c.was.len() > 1 {
                format!("joined {}", c.was.join(" + "))
            } else if !c.added.is_empty() {
                format!("merged (was {})", c.was[0])
            } else {
                format!("changed (was {})", c.was[0])
            };
            write!(f, "{what:<16} {:<4} {}  {}", c.event, c.date, c.label)?;
            if !c.added.is_empty() {
                write!(f, "  (+ {})", c.added.join(", "))?;
            }
            if let Some(d) = &c.date_was {
                write!(f, "  (date was {d})")?;
            }
            writeln!(f)?;
        }
        for (old, new) in &self.split {
            writeln!(f, "split {old} into {}", new.join(", "))?;
        }
        for old in &self.removed {
            writeln!(f, "removed {old}")?;
        }
        writeln!(f, "{} events unchanged", self.unchanged)
    }
}
