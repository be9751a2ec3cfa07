//! Training the event detector on TimeML gold (TimeBank, AQUAINT) and measuring it.
//!
//! The gold is what `../shared/gold/timeml.py` writes: articles as JSONL and a JSON file of
//! EVENTs with code-point offsets. Training words are the language layer's, on the date
//! stage's sentences, exactly as at run time.

use super::detect::{self, Detector};
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
}

#[derive(Deserialize)]
struct GoldFile {
    events: Vec<GoldEventJson>,
}

#[derive(Deserialize)]
struct GoldEventJson {
    id: String,
    start: usize,
    end: usize,
    class: Option<String>,
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
            let mut out = Vec::new();
            layer.each_sentence(a, &dates, |s, text, _, timexes, layer| {
                for i in 0..s.len() {
                    let t = &s.tokens[i];
                    let class = gold.iter().find(|g| g.start < t.end && t.start < g.end).map_or(0, |g| g.class);
                    out.push((layer.features(s, text, timexes, i).to_vec(), class));
                }
            });
            out
        })
        .flatten()
        .collect()
}

/// Trains a detector on documents.
pub fn train(docs: &[(Article, Vec<GoldEvent>)], epochs: usize) -> Detector {
    Detector::train(&examples(docs), epochs, 2026)
}

/// Word-level scores of a detector on documents: (events found right, events found, gold
/// events, right class among those found right).
pub fn score(detector: &'static Detector, docs: &[(Article, Vec<GoldEvent>)]) -> (usize, usize, usize, usize) {
    let _ = detect::classes;
    docs.par_iter()
        .map(|(a, gold)| {
            let dates = DateExtractor::new(Options::default()).extract(a);
            let found = EventLayer::with_detector(detector).extract(a, &dates);
            let mut hit = 0;
            let mut class_ok = 0;
            for g in gold {
                if let Some(e) = found.iter().find(|e| e.start < g.end && g.start < e.end) {
                    hit += 1;
                    let gc = super::EventClass::ALL[g.class.saturating_sub(1).min(6)];
                    class_ok += (e.class == gc) as usize;
                }
            }
            (hit, found.len(), gold.len(), class_ok)
        })
        .reduce(|| (0, 0, 0, 0), |a, b| (a.0 + b.0, a.1 + b.1, a.2 + b.2, a.3 + b.3))
}
