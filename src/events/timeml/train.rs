//! Training the event detector on TimeML gold (TimeBank, AQUAINT) and measuring it.
//!
//! The gold is what `../shared/gold/timeml.py` writes: articles as JSONL and a JSON file of
//! EVENTs with code-point offsets. Training words are the language layer's, on the date
//! stage's sentences, exactly as at run time.

use super::detect::Detector;
use super::EventLayer;
use crate::corpus::Article;
use crate::dates::{DateExtractor, Options};
use rayon::prelude::*;
use serde::Deserialize;
use std::path::Path;

/// A gold EVENT, in byte offsets.
#[derive(Debug, Clone)]
pub struct GoldEvent {
    pub start: usize,
    pub end: usize,
    /// Class index as the detector numbers them (1.. for [`super::EventClass::ALL`]).
    pub class: usize,
    /// The temporal expression a TLINK places it at (byte span), if any.
    pub anchor: Option<(usize, usize)>,
}

/// TLINK relations that place an event at a temporal expression (as the scorer counts them).
const AT: &[&str] = &[
    "IS_INCLUDED",
    "DURING",
    "SIMULTANEOUS",
    "INCLUDES",
    "BEGINS",
    "ENDS",
    "BEGUN_BY",
    "ENDED_BY",
    "IDENTITY",
    "DURING_INV",
];

#[derive(Deserialize)]
struct GoldFile {
    events: Vec<GoldEventJson>,
    #[serde(default)]
    items: Vec<GoldTimexJson>,
    #[serde(default)]
    tlinks: Vec<GoldLinkJson>,
}

#[derive(Deserialize)]
struct GoldEventJson {
    id: String,
    eid: Option<String>,
    start: usize,
    end: usize,
    class: Option<String>,
}

#[derive(Deserialize)]
struct GoldTimexJson {
    id: String,
    tid: Option<String>,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct GoldLinkJson {
    id: String,
    from: String,
    to: String,
    rel: String,
}

/// Why gold data could not be read.
#[derive(Debug, thiserror::Error)]
pub enum GoldError {
    #[error("{path}: {message}")]
    Read { path: String, message: String },
}

/// Articles with their gold events.
pub fn load(articles: &Path, gold: &Path) -> Result<Vec<(Article, Vec<GoldEvent>)>, GoldError> {
    let err = |p: &Path, m: String| GoldError::Read { path: p.display().to_string(), message: m };
    let corpus = crate::corpus::Corpus::read(&[articles.to_path_buf()], &Default::default())
        .map_err(|e| err(articles, e.to_string()))?;
    let text = std::fs::read_to_string(gold).map_err(|e| err(gold, e.to_string()))?;
    let g: GoldFile = serde_json::from_str(&text).map_err(|e| err(gold, e.to_string()))?;
    let mut by_doc: rustc_hash::FxHashMap<&str, Vec<&GoldEventJson>> = Default::default();
    for e in &g.events {
        by_doc.entry(e.id.as_str()).or_default().push(e);
    }
    let timex: rustc_hash::FxHashMap<(&str, &str), (usize, usize)> =
        g.items.iter().filter_map(|t| Some(((t.id.as_str(), t.tid.as_deref()?), (t.start, t.end)))).collect();
    // (doc, eid) -> the expression's code-point span, first link wins (as the scorer does).
    let mut anchors: rustc_hash::FxHashMap<(&str, &str), (usize, usize)> = Default::default();
    for l in g.tlinks.iter().filter(|l| AT.contains(&l.rel.as_str())) {
        let (a, b) = if l.from.starts_with('t') && l.to.starts_with('e') { (&l.to, &l.from) } else { (&l.from, &l.to) };
        if a.starts_with('e') && b.starts_with('t') && b != "t0" {
            if let Some(&span) = timex.get(&(l.id.as_str(), b.as_str())) {
                anchors.entry((l.id.as_str(), a.as_str())).or_insert(span);
            }
        }
    }
    Ok(corpus
        .articles
        .into_iter()
        .map(|a| {
            // Code points to bytes.
            let bytes: Vec<usize> = a.text.char_indices().map(|(b, _)| b).chain([a.text.len()]).collect();
            let at = |cp: usize| bytes.get(cp).copied().unwrap_or(a.text.len());
            let events =
                by_doc
                    .get(a.id.as_str())
                    .map(|v| {
                        v.iter()
                            .map(|e| GoldEvent {
                                start: at(e.start),
                                end: at(e.end),
                                anchor: e
                                    .eid
                                    .as_deref()
                                    .and_then(|eid| anchors.get(&(a.id.as_str(), eid)))
                                    .map(|&(s, t)| (at(s), at(t))),
                                class: e.class.as_deref().and_then(super::EventClass::parse).map_or(1, |c| {
                                    super::EventClass::ALL.iter().position(|x| *x == c).unwrap_or(0) + 1
                                }),
                            })
                            .collect()
                    })
                    .unwrap_or_default();
            (a, events)
        })
        .collect())
}

/// Training examples from documents: each word's features and gold class (0: not an event).
pub fn examples(docs: &[(Article, Vec<GoldEvent>)]) -> Vec<(Vec<u64>, usize)> {
    docs.par_iter()
        .map(|(a, gold)| {
            let dates = DateExtractor::new(Options::default()).extract(a);
            let mut layer = EventLayer::with_detector(Detector::untrained());
            let mut words = Vec::new();
            layer.each_sentence(a, &dates, |s, text, _, timexes, _, layer| {
                for i in 0..s.len() {
                    let t = &s.tokens[i];
                    let class = gold.iter().find(|g| g.start < t.end && t.start < g.end).map_or(0, |g| g.class);
                    words.push((layer.features(s, text, timexes, i).to_vec(), class));
                }
            });
            words
        })
        .flatten()
        .collect()
}

/// Trains a detector on documents; `seed` orders the training shuffles.
pub fn train(docs: &[(Article, Vec<GoldEvent>)], epochs: usize, seed: u64) -> Detector {
    Detector::train(&examples(docs), epochs, seed)
}

/// Scores of a detector on documents, as `score_events.py` counts them.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// Gold events found (overlapping spans, one to one), events found, gold events.
    pub hit: usize,
    pub found: usize,
    pub gold: usize,
    /// Found with the right class.
    pub class_ok: usize,
    /// Found gold events a TLINK anchors, and those whose anchor is that expression.
    pub anchored: usize,
    pub anchor_ok: usize,
}

impl std::ops::Add for Scores {
    type Output = Scores;
    fn add(self, o: Scores) -> Scores {
        Scores {
            hit: self.hit + o.hit,
            found: self.found + o.found,
            gold: self.gold + o.gold,
            class_ok: self.class_ok + o.class_ok,
            anchored: self.anchored + o.anchored,
            anchor_ok: self.anchor_ok + o.anchor_ok,
        }
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let p = self.hit as f64 / self.found.max(1) as f64;
        let r = self.hit as f64 / self.gold.max(1) as f64;
        let f1 = 2.0 * p * r / (p + r).max(1e-9);
        write!(
            f,
            "{} gold events, {} found; relaxed P {:.1} R {:.1} F1 {:.1}; class F1 {:.1}; anchor right {:.1}% of {}",
            self.gold,
            self.found,
            100.0 * p,
            100.0 * r,
            100.0 * f1,
            100.0 * f1 * self.class_ok as f64 / self.hit.max(1) as f64,
            100.0 * self.anchor_ok as f64 / self.anchored.max(1) as f64,
            self.anchored
        )
    }
}

/// Scores a detector on documents.
pub fn score(detector: &Detector, docs: &[(Article, Vec<GoldEvent>)]) -> Scores {
    docs.par_iter()
        .map(|(a, gold)| {
            let dates = DateExtractor::new(Options::default()).extract(a);
            let mut found = EventLayer::with_detector(detector).extract(a, &dates);
            let mut sc = Scores { found: found.len(), gold: gold.len(), ..Default::default() };
            for g in gold {
                let Some(k) = found.iter().position(|e| e.start < g.end && g.start < e.end) else { continue };
                let e = found.remove(k);
                sc.hit += 1;
                let gc = super::EventClass::ALL[g.class.saturating_sub(1).min(6)];
                sc.class_ok += (e.class == gc) as usize;
                if let Some((s, t)) = g.anchor {
                    sc.anchored += 1;
                    sc.anchor_ok += e.anchor.as_ref().is_some_and(|x| x.start < t && s < x.end) as usize;
                }
            }
            sc
        })
        .reduce(Scores::default, |a, b| a + b)
}
