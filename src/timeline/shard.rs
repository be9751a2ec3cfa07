//! Building as map and reduce: extraction is independent per article, so it can run as map
//! tasks anywhere (every core here, or a cluster's mappers over shards of the input), each
//! writing one [`ArticleEntries`] record an article (`timeline events --format entries`); the
//! reduce step ([`reduce`], `timeline build` on `.entries.jsonl` files) merges, orders and ranks
//! them. The result is the same timeline as a build from the articles, when the records come
//! in the articles' order.
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::timeline::{shard, Timeline};
//! let a = [Article::new("a", "Israel announced a truce in Gaza on Monday.", "2024-06-20".parse().ok())];
//! let mut mapper = shard::Mapper::new(Default::default());
//! let records: Vec<_> = a.iter().map(|a| mapper.map(a)).collect();
//! let line = serde_json::to_string(&records[0]).unwrap(); // what a map task writes
//! let back: shard::ArticleEntries = serde_json::from_str(&line).unwrap();
//! assert_eq!(shard::reduce(None, vec![back]), Timeline::build(None, &a));
//! ```

use super::{rank, ArticleInfo, Timeline};
use crate::corpus::Article;
use crate::dates::{DateExtractor, Options};
use crate::error::{Error, Result};
use crate::events::entries::EntryExtractor;
use crate::events::EventMention;
use crate::graph;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

/// What a map task writes for one article: the article's identity and publication date, what
/// ranking needs of it (the dates it refers to, where its lead sentence starts), and its
/// entries with everything merging needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArticleEntries {
    pub id: String,
    pub title: Option<String>,
    pub source: Option<String>,
    pub published: Option<NaiveDate>,
    /// First and last day of each calendar date the article refers to, each once.
    pub refers_to: Vec<(NaiveDate, NaiveDate)>,
    /// Byte offset of its first story sentence.
    pub lead: Option<usize>,
    pub entries: Vec<EventMention>,
}

/// A map task: the date stage and the entries of the event layer, with their buffers.
pub struct Mapper {
    dates: DateExtractor,
    entries: EntryExtractor,
}

impl Mapper {
    /// A mapper with these date-resolution options.
    pub fn new(opts: Options) -> Mapper {
        Mapper { dates: DateExtractor::new(opts), entries: EntryExtractor::new() }
    }

    /// The record of one article.
    pub fn map(&mut self, a: &Article) -> ArticleEntries {
        let found = self.dates.extract(a);
        let facts = rank::ArticleFacts::new(a, &found);
        ArticleEntries {
            id: a.id.clone(),
            title: a.title.clone(),
            source: a.source.clone(),
            published: a.published,
            refers_to: facts.refers_to,
            lead: facts.lead,
            entries: self.entries.extract(a, &found),
        }
    }
}

/// The reduce step: one timeline from the records of every article, in their order.
pub fn reduce(title: Option<String>, records: Vec<ArticleEntries>) -> Timeline {
    let facts: Vec<rank::ArticleFacts> = records
        .iter()
        .map(|r| rank::ArticleFacts {
            id: r.id.clone(),
            published: r.published,
            refers_to: r.refers_to.clone(),
            lead: r.lead,
            title: r.title.as_ref().map(|t| t.to_lowercase()),
        })
        .collect();
    let articles: Vec<ArticleInfo> = records
        .iter()
        .map(|r| ArticleInfo {
            id: r.id.clone(),
            title: r.title.clone(),
            source: r.source.clone(),
            published: r.published.map(|d| d.to_string()),
            events: r.entries.len(),
        })
        .collect();
    let published: rustc_hash::FxHashMap<&str, NaiveDate> =
        facts.iter().filter_map(|f| f.published.map(|p| (f.id.as_str(), p))).collect();
    // the reports move out of their records: one copy in memory
    let mut mentions: Vec<EventMention> = Vec::with_capacity(records.iter().map(|r| r.entries.len()).sum());
    mentions.extend(records.into_iter().flat_map(|r| r.entries));
    let ordered = graph::build(mentions, &published);
    let mut t = Timeline::from_graph(title, articles, ordered);
    rank::rank(&mut t.events, &facts);
    t
}

/// Reads the records a map task wrote (`timeline events --format entries`): one JSON object a
/// line. A bad line is an error naming the file and the line.
pub fn read(path: &Path) -> Result<Vec<ArticleEntries>> {
    Ok(read_lines(path)?.into_iter().map(|(_, r)| r).collect())
}

/// The records of one file with their 1-based line numbers.
fn read_lines(path: &Path) -> Result<Vec<(usize, ArticleEntries)>> {
    use std::io::BufRead;
    let io = |e| Error::Io { path: path.into(), source: e };
    // line by line: the file is never held whole beside what it parses into
    let file = std::io::BufReader::new(std::fs::File::open(path).map_err(io)?);
    let mut out = Vec::new();
    for (n, line) in file.lines().enumerate() {
        let l = line.map_err(io)?;
        if l.trim().is_empty() {
            continue;
        }
        let r = serde_json::from_str(&l).map_err(|e| Error::Timeline {
            path: path.into(),
            message: format!(
                "line {}: not an article's entries as `timeline events --format entries` writes them: {e}",
                n + 1
            ),
        })?;
        out.push((n + 1, r));
    }
    Ok(out)
}

/// Reads the records of several map outputs, in order, refusing an article that two records
/// give (overlapping shards would otherwise count its reports twice), as reading the articles
/// themselves refuses a duplicate id.
pub fn read_all(paths: &[impl AsRef<Path>]) -> Result<Vec<ArticleEntries>> {
    let mut records = Vec::new();
    let mut first: std::collections::HashMap<String, crate::error::Location> = std::collections::HashMap::new();
    for p in paths {
        let p = p.as_ref();
        for (n, r) in read_lines(p)? {
            let at = crate::error::Location { file: p.into(), line: Some(n) };
            if let Some(before) = first.get(&r.id) {
                return Err(Error::DuplicateId { at, id: r.id, first: before.clone() });
            }
            first.insert(r.id.clone(), at);
            records.push(r);
        }
    }
    Ok(records)
}

/// Whether a path names map output: `*.entries.jsonl`.
pub fn is_entries_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.to_ascii_lowercase().ends_with(".entries.jsonl"))
}
