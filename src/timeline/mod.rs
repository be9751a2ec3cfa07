//! The timeline: the pipeline's result as one serde model, written as JSON and RON (a stable
//! contract other tools may read) and as a text chronology a person reads top to bottom.
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::timeline::Timeline;
//!
//! let articles = vec![Article::new("a", "Putin suggested on Monday that Russia and Ukraine hold \
//!     bilateral talks.", "2025-04-22".parse().ok())];
//! let t = Timeline::build(None, &articles);
//! assert_eq!(t.events[0].when.as_ref().unwrap().value, "2025-04-21");
//! let ron = t.to_ron().unwrap();
//! assert_eq!(Timeline::from_ron(&ron).unwrap(), t);
//! ```

pub mod write;

use crate::corpus::Article;
use crate::dates::{DateExtractor, Granularity, Options};
use crate::events::{EventExtractor, EventKind};
use crate::graph::{self, Evidence};
use serde::{Deserialize, Serialize};

/// A merged, dated, ordered timeline of one story.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timeline {
    /// The story's title, if the corpus has one.
    pub title: Option<String>,
    /// The articles read.
    pub articles: Vec<ArticleInfo>,
    /// Events in chronological order; undated ones where their bounds put them.
    pub events: Vec<Event>,
    /// Ordering relations between events, with their evidence.
    pub relations: Vec<Relation>,
    /// What the sources disagree on.
    pub conflicts: Vec<Conflict>,
}

/// An article the timeline was built from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleInfo {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    /// Publication date, ISO.
    pub published: Option<String>,
    /// How many events it reports.
    pub events: usize,
}

/// One event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    /// `e1`, `e2`, ... in chronological order.
    pub id: String,
    pub kind: EventKind,
    /// Who did what, in a short clause.
    pub label: String,
    /// When: `null` for an undated event.
    pub when: Option<When>,
    /// What bounds an undated or approximate event.
    pub bounds: Option<Bounds>,
    pub participants: Vec<String>,
    pub place: Option<String>,
    /// Reported as planned (future) by all its sources.
    pub planned: bool,
    /// Every report of it.
    pub mentions: Vec<MentionRef>,
}

/// An event's date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct When {
    /// TIMEX3 value: `2024-06-15/2024-06-16`, `2024-W20`, `2022-02`.
    pub value: String,
    /// First and last day, ISO.
    pub start: String,
    pub end: String,
    pub granularity: Granularity,
    /// Approximate or a part of a span ("mid-June", "a few days earlier").
    pub approximate: bool,
    /// The TIMEX3 modifier, if any: `START`, `MID`, `END`, `APPROX`.
    #[serde(default)]
    pub modifier: Option<String>,
}

/// What bounds an event: it happened after `after` and before `before` (ISO days), for the
/// reasons given.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bounds {
    pub after: Option<String>,
    pub after_reason: Option<String>,
    pub before: Option<String>,
    pub before_reason: Option<String>,
}

/// One report of an event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MentionRef {
    /// The article's id.
    pub article: String,
    /// The sentence that reports it.
    pub text: String,
    /// The words its date came from, if any.
    pub time_text: Option<String>,
    /// Byte span of the sentence in the article's text.
    pub start: usize,
    pub end: usize,
    /// The word that reports the event.
    pub trigger: String,
}

/// `before` happened before `after` (event ids).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Relation {
    pub before: String,
    pub after: String,
    /// `dates`, or the sentence that says so.
    pub evidence: String,
    pub article: Option<String>,
}

/// A contradiction between sources.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Conflict {
    pub events: Vec<String>,
    pub reason: String,
    /// The disagreeing sentences, as (article, sentence).
    pub evidence: Vec<(String, String)>,
}

impl Timeline {
    /// Runs the whole pipeline on a set of articles: dates, events, merging and ordering.
    pub fn build(title: Option<String>, articles: &[Article]) -> Timeline {
        Self::build_with(title, articles, Options::default())
    }

    /// [`Timeline::build`] with date-resolution options.
    pub fn build_with(title: Option<String>, articles: &[Article], opts: Options) -> Timeline {
        let mut dates = DateExtractor::new(opts);
        let events = EventExtractor::new();
        let mut mentions = Vec::new();
        let mut counts = Vec::with_capacity(articles.len());
        for a in articles {
            let found = events.extract(a, &dates.extract(a));
            counts.push(found.len());
            mentions.extend(found);
        }
        let published: rustc_hash::FxHashMap<&str, chrono::NaiveDate> =
            articles.iter().filter_map(|a| a.published.map(|p| (a.id.as_str(), p))).collect();
        let ordered = graph::build(mentions, &published);
        Self::from_graph(title, articles, &counts, ordered)
    }

    fn from_graph(title: Option<String>, articles: &[Article], counts: &[usize], g: graph::Ordered) -> Timeline {
        let id = |i: usize| format!("e{}", i + 1);
        let events = g
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| Event {
                id: id(i),
                kind: e.kind,
                label: e.label.clone(),
                when: e.when.zip(e.days).map(|(v, (a, b))| When {
                    value: v.timex(),
                    start: a.to_string(),
                    end: b.to_string(),
                    granularity: v.granularity().unwrap_or(Granularity::Day),
                    approximate: e.approximate,
                    modifier: v.modifier().map(|m| m.timex().to_string()),
                }),
                bounds: (e.after.is_some() || e.before.is_some()).then(|| Bounds {
                    after: e.after.as_ref().map(|(d, _)| d.to_string()),
                    after_reason: e.after.as_ref().map(|(_, r)| r.clone()),
                    before: e.before.as_ref().map(|(d, _)| d.to_string()),
                    before_reason: e.before.as_ref().map(|(_, r)| r.clone()),
                }),
                participants: e.participants.clone(),
                place: e.place.clone(),
                planned: e.planned,
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| MentionRef {
                        article: m.article.clone(),
                        text: m.sentence_text.clone(),
                        time_text: m.time.as_ref().map(|t| t.text.clone()),
                        start: m.sentence.start,
                        end: m.sentence.end,
                        trigger: m.trigger.clone(),
                    })
                    .collect(),
            })
            .collect();
        let relations = g
            .edges
            .iter()
            .map(|x| Relation {
                before: id(x.before),
                after: id(x.after),
                evidence: match &x.evidence {
                    Evidence::Dates => "dates".into(),
                    Evidence::Text { sentence, .. } => sentence.clone(),
                },
                article: match &x.evidence {
                    Evidence::Dates => None,
                    Evidence::Text { article, .. } => Some(article.clone()),
                },
            })
            .collect();
        let conflicts = g
            .conflicts
            .iter()
            .map(|c| Conflict {
                events: c.events.iter().map(|&i| id(i)).collect(),
                reason: c.reason.clone(),
                evidence: c.evidence.clone(),
            })
            .collect();
        let articles = articles
            .iter()
            .zip(counts)
            .map(|(a, &n)| ArticleInfo {
                id: a.id.clone(),
                title: a.title.clone(),
                source: a.source.clone(),
                published: a.published.map(|d| d.to_string()),
                events: n,
            })
            .collect();
        Timeline { title, articles, events, relations, conflicts }
    }

    /// The timeline as pretty JSON.
    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self)
    }

    /// Reads a JSON timeline.
    pub fn from_json(s: &str) -> serde_json::Result<Timeline> {
        serde_json::from_str(s)
    }

    /// The timeline as pretty RON.
    pub fn to_ron(&self) -> Result<String, ron::Error> {
        ron::ser::to_string_pretty(self, ron::ser::PrettyConfig::default().struct_names(true))
    }

    /// Reads a RON timeline.
    pub fn from_ron(s: &str) -> Result<Timeline, ron::error::SpannedError> {
        ron::from_str(s)
    }
}
