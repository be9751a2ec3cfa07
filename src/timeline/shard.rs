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
use crate::events::timeml::detect::Detector;
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
pub struct Mapper<'d> {
    dates: DateExtractor,
    entries: EntryExtractor<'d>,
}

impl Mapper<'static> {
    /// A mapper with these date-resolution options and the shipped models.
    pub fn new(opts: Options) -> Self {
        Mapper::with_detector(opts, Detector::shipped())
    }
}

impl<'d> Mapper<'d> {
    /// A mapper whose events come from this detector (`timeline events --event-model`).
    pub fn with_detector(opts: Options, detector: &'d Detector) -> Self {
        Mapper { entries: EntryExtractor::with_detector(detector).for_options(&opts), dates: DateExtractor::new(opts) }
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
    let mut gathered = Gathered::default();
    for r in records {
        gathered.push(r);
    }
    reduce_gathered(title, gathered)
}

/// Map output gathered for the reduce: each article's record with its entries moved out (and
/// how many it had), and every entry in order, so that a report is held once.
#[derive(Debug, Default)]
pub struct Gathered {
    pub records: Vec<ArticleEntries>,
    pub counts: Vec<usize>,
    pub entries: Vec<EventMention>,
}

impl Gathered {
    /// Adds an article's record, moving its entries to the end of [`Gathered::entries`].
    pub fn push(&mut self, mut r: ArticleEntries) {
        self.counts.push(r.entries.len());
        self.entries.append(&mut r.entries);
        r.entries = Vec::new();
        self.records.push(r);
    }
}

/// [`reduce`] on map output already gathered ([`gather`]).
pub fn reduce_gathered(title: Option<String>, g: Gathered) -> Timeline {
    let Gathered { records, counts, entries } = g;
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
        .into_iter()
        .zip(counts)
        .map(|(r, events)| ArticleInfo {
            id: r.id,
            title: r.title,
            source: r.source,
            published: r.published.map(|d| d.to_string()),
            events,
        })
        .collect();
    let published: rustc_hash::FxHashMap<&str, NaiveDate> =
        facts.iter().filter_map(|f| f.published.map(|p| (f.id.as_str(), p))).collect();
    let ordered = graph::build(entries, &published);
    let mut t = Timeline::from_graph(title, articles, ordered);
    rank::rank(&mut t.events, &facts);
    t
}

/// Reads the records a map task wrote (`timeline events --format entries`): one JSON object a
/// line. A bad line is an error naming the file and the line.
pub fn read(path: &Path) -> Result<Vec<ArticleEntries>> {
    let mut out = Vec::new();
    each_record(path, |_, r| {
        out.push(r);
        Ok(())
    })?;
    Ok(out)
}

/// Calls `f` on each record of a file with its 1-based line number, reading line by line: the
/// file is never held whole beside what it parses into.
fn each_record(path: &Path, mut f: impl FnMut(usize, ArticleEntries) -> Result<()>) -> Result<()> {
    use std::io::BufRead;
    let io = |e| Error::Io { path: path.into(), source: e };
    let file = std::io::BufReader::new(std::fs::File::open(path).map_err(io)?);
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
        f(n + 1, r)?;
    }
    Ok(())
}

/// Reads the records of several map outputs, in order, refusing an article that two records
/// give (overlapping shards would otherwise count its reports twice), as reading the articles
/// themselves refuses a duplicate id.
pub fn read_all(paths: &[impl AsRef<Path>]) -> Result<Vec<ArticleEntries>> {
    Ok(gather(paths)?.into_records())
}

/// [`read_all`], gathered for [`reduce_gathered`] as it is read.
pub fn gather(paths: &[impl AsRef<Path>]) -> Result<Gathered> {
    let mut g = Gathered::default();
    // where each id was first seen, as (input, line): a few bytes an article
    let mut first: rustc_hash::FxHashMap<String, (usize, usize)> = rustc_hash::FxHashMap::default();
    let at =
        |input: usize, line: usize| crate::error::Location { file: paths[input].as_ref().into(), line: Some(line) };
    for (k, p) in paths.iter().enumerate() {
        each_record(p.as_ref(), |n, r| {
            if let Some(&(fk, fl)) = first.get(&r.id) {
                return Err(Error::DuplicateId { at: at(k, n), id: r.id, first: at(fk, fl) });
            }
            first.insert(r.id.clone(), (k, n));
            g.push(r);
            Ok(())
        })?;
    }
    Ok(g)
}

impl Gathered {
    /// The records with their entries put back.
    pub fn into_records(self) -> Vec<ArticleEntries> {
        let mut entries = self.entries.into_iter();
        self.records
            .into_iter()
            .zip(self.counts)
            .map(|(mut r, n)| {
                r.entries = entries.by_ref().take(n).collect();
                r
            })
            .collect()
    }
}

/// Whether a path names map output: `*.entries.jsonl`.
pub fn is_entries_file(path: &Path) -> bool {
    path.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.to_ascii_lowercase().ends_with(".entries.jsonl"))
}
