//! The jobs behind the command line, each from inputs to a writer: `src/main.rs` reads its
//! arguments into these types and calls one function. Articles are streamed (only `build`
//! holds the corpus), analysed across every core where the work is per article, and written
//! in input order.
//!
//! ```
//! use timeline::corpus::ReadOptions;
//! use timeline::run::{self, DatesFormat, Inputs};
//! let inputs = Inputs::new(Vec::new(), ReadOptions::default(), Default::default()); // the bundled corpus
//! let mut out = Vec::new();
//! run::dates(&inputs, DatesFormat::Jsonl, false, &mut out, &mut std::io::sink())?;
//! assert!(String::from_utf8(out).unwrap().contains("\"value\":\"2025-04-19\""));
//! # Ok::<(), timeline::Error>(())
//! ```

use crate::corpus::{self, Article, Corpus, ReadOptions};
use crate::dates::{DateExtractor, Options};
use crate::error::{Error, Result};
use crate::events::timeml::{detect::Detector, write as events_write, EventLayer};
use crate::timeline::{shard, write::html, Format, Timeline};
use rayon::prelude::*;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Articles a batch of `events` analyses across the cores before writing them.
const BATCH: usize = 256;

/// What a run reads: the input paths (the bundled corpus when none), how articles are read,
/// and how their dates resolve.
pub struct Inputs {
    pub paths: Vec<PathBuf>,
    pub read: ReadOptions,
    pub opts: Options,
}

impl Inputs {
    /// The inputs; no path means the bundled corpus.
    pub fn new(paths: Vec<PathBuf>, read: ReadOptions, opts: Options) -> Inputs {
        let paths = if paths.is_empty() { vec![corpus::bundled()] } else { paths };
        Inputs { paths, read, opts }
    }

    /// Calls `f` on each article, in input order.
    fn each(&self, f: impl FnMut(Article, &crate::error::Location) -> Result<()>) -> Result<usize> {
        corpus::stream(&self.paths, &self.read, f)
    }
}

/// A failed write to a run's output (standard output, for the command line).
fn output(e: std::io::Error) -> Error {
    Error::Write { path: "<output>".into(), source: e }
}

/// How `timeline dates` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatesFormat {
    /// One JSON object a mention (a range written as its two ends, as well).
    Jsonl,
    /// For a person: article, expression, value, why.
    Text,
}

/// `timeline dates`: every temporal expression of the articles, written as they are read.
/// With `verbose`, the page furniture skipped is reported too: in the text, or on `notes`
/// beside JSONL.
pub fn dates(
    inputs: &Inputs,
    format: DatesFormat,
    verbose: bool,
    out: &mut dyn Write,
    notes: &mut dyn Write,
) -> Result<()> {
    let mut extractor = DateExtractor::new(inputs.opts);
    inputs.each(|article, _| {
        let found = extractor.extract(&article);
        match format {
            DatesFormat::Jsonl => {
                for m in &found.mentions {
                    crate::dates::write::jsonl_records(&article.id, m).iter().try_for_each(|r| json_line(out, r))?;
                }
                for s in found.skipped.iter().filter(|_| verbose) {
                    let (span, rule) = (&s.span, s.rule);
                    let what = &article.text[span.clone()];
                    writeln!(
                        notes,
                        "{}: skipped furniture at bytes {}..{} ({rule}): {what:?}",
                        article.id, span.start, span.end
                    )
                    .map_err(output)?;
                }
            }
            DatesFormat::Text => {
                crate::dates::write::text(&mut &mut *out, &article, &found, verbose).map_err(output)?
            }
        }
        Ok(())
    })?;
    out.flush().map_err(output)
}

/// How `timeline events` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EventsFormat {
    /// For a person: each article's events with their attributes.
    Text,
    /// One JSON object an event mention.
    Jsonl,
    /// One JSON object an article: its timeline entries and what merging and ranking need
    /// (the map step of a build, [`shard`]).
    Entries,
}

/// Reads an event model written by `timeline train-events`.
pub fn event_model(path: &Path) -> Result<Detector> {
    let bytes = std::fs::read(path).map_err(|e| Error::Io { path: path.into(), source: e })?;
    Detector::from_bytes(&bytes)
        .ok_or_else(|| Error::NotAModel { path: path.into(), written_by: "timeline train-events" })
}

/// `timeline events`: the TimeML events of the articles (or, as [`EventsFormat::Entries`],
/// their timeline entries), found by `detector`. Articles are read as a stream and analysed
/// in batches across every core; the output keeps the input's order.
pub fn events(inputs: &Inputs, detector: &Detector, format: EventsFormat, out: &mut dyn Write) -> Result<()> {
    let mut batch: Vec<Article> = Vec::with_capacity(BATCH);
    let mut flush = |batch: &mut Vec<Article>| -> Result<()> {
        write_events(batch, inputs.opts, detector, format, &mut *out)?;
        batch.clear();
        Ok(())
    };
    inputs.each(|article, _| {
        batch.push(article);
        if batch.len() >= BATCH {
            flush(&mut batch)?;
        }
        Ok(())
    })?;
    flush(&mut batch)?;
    out.flush().map_err(output)
}

/// Analyses one batch of articles across the cores and writes what they hold, in order.
fn write_events(
    batch: &[Article],
    opts: Options,
    detector: &Detector,
    format: EventsFormat,
    out: &mut dyn Write,
) -> Result<()> {
    if format == EventsFormat::Entries {
        let records: Vec<_> =
            batch.par_iter().map_init(|| shard::Mapper::with_detector(opts, detector), |m, a| m.map(a)).collect();
        return records.iter().try_for_each(|r| json_line(out, r));
    }
    let found: Vec<_> = batch
        .par_iter()
        .map_init(
            || (DateExtractor::new(opts), EventLayer::with_detector(detector)),
            |(d, l), a| l.extract(a, &d.extract(a)),
        )
        .collect();
    for (a, events) in batch.iter().zip(&found) {
        match format {
            EventsFormat::Text => events_write::text(&mut &mut *out, a, events).map_err(output)?,
            _ => events.iter().try_for_each(|e| json_line(out, &events_write::jsonl_record(a, e)))?,
        }
    }
    Ok(())
}

/// Writes `record` as one JSON line.
fn json_line(out: &mut dyn Write, record: &impl serde::Serialize) -> Result<()> {
    serde_json::to_writer(&mut *out, record).map_err(|e| output(e.into()))?;
    out.write_all(b"\n").map_err(output)
}

/// `timeline parse`: each story sentence as CoNLL-U, tagged and parsed; `mended`, as the event
/// stage reads it.
pub fn parse(inputs: &Inputs, mended: bool, out: &mut dyn Write) -> Result<()> {
    use crate::events::timeml::EventLayer;
    use crate::language::{write_conllu, Analyzer, Sentence};
    let mut dates = DateExtractor::new(inputs.opts);
    let mut analyzer = Analyzer::new();
    let mut layer = EventLayer::new();
    let mut s = Sentence::default();
    inputs.each(|article, _| {
        let extraction = dates.extract(&article);
        if mended {
            let mut written = Ok(());
            layer.each_sentence(&article, &extraction, |s, text, _, _, _, _| {
                if written.is_ok() {
                    written = write_conllu(&mut &mut *out, &article.id, text, s);
                }
            });
            return written.map_err(output);
        }
        for span in extraction.sentences {
            analyzer.analyze(&article.text, span, &mut s);
            write_conllu(&mut &mut *out, &article.id, &article.text, &s).map_err(output)?;
        }
        Ok(())
    })?;
    out.flush().map_err(output)
}

/// What `timeline build` reads: articles, or what `timeline events --format entries` wrote
/// for them (the reduce step), never both.
pub enum BuildInput {
    Articles(Corpus),
    Entries(shard::Gathered),
}

impl BuildInput {
    /// Reads the inputs: map output when any path is an `.entries.jsonl` file.
    pub fn read(inputs: &Inputs) -> Result<BuildInput> {
        if !inputs.paths.iter().any(|p| shard::is_entries_file(p)) {
            return Ok(BuildInput::Articles(Corpus::read(&inputs.paths, &inputs.read)?));
        }
        if let Some(p) = inputs.paths.iter().find(|p| !shard::is_entries_file(p)) {
            return Err(Error::MixedBuildInputs { path: p.clone() });
        }
        Ok(BuildInput::Entries(shard::gather(&inputs.paths)?))
    }

    /// The articles a build from this input will read (none for map output, already read).
    pub fn articles(&self) -> usize {
        match self {
            BuildInput::Articles(c) => c.articles.len(),
            BuildInput::Entries(_) => 0,
        }
    }

    /// The timeline, calling `done` once an article is read (from any thread).
    pub fn build(self, opts: Options, done: &(dyn Fn() + Sync)) -> Timeline {
        match self {
            BuildInput::Articles(c) => Timeline::build_reporting(c.title.clone(), &c.articles, opts, done),
            BuildInput::Entries(g) => shard::reduce_gathered(None, g),
        }
    }
}

/// What of the timeline `timeline build` shows: `--about`, `--top`, `--top-days`.
#[derive(Debug, Clone, Default)]
pub struct Selection {
    pub about: Vec<String>,
    pub top: Option<usize>,
    pub top_days: Option<usize>,
}

/// A built timeline and what the selection keeps of it.
pub struct Selected {
    /// The timeline about the selection's names (the whole timeline without any).
    pub full: Timeline,
    /// The key events or key days kept of `full`, if asked for.
    pub kept: Option<Timeline>,
    /// `--top`: the page shows every entry, its key events switched on and set to this.
    top: Option<usize>,
}

impl Selection {
    /// Applies the selection to a built timeline.
    pub fn apply(&self, full: Timeline) -> Selected {
        let full = if self.about.is_empty() {
            full
        } else {
            full.about(&self.about.iter().map(String::as_str).collect::<Vec<_>>())
        };
        let kept = match (self.top, self.top_days) {
            (Some(k), _) => Some(full.top(k)),
            (None, Some(k)) => Some(full.top_days(k)),
            (None, None) => None,
        };
        Selected { full, kept, top: self.top }
    }
}

impl Selected {
    /// The timeline shown: what the selection kept.
    pub fn shown(&self) -> &Timeline {
        self.kept.as_ref().unwrap_or(&self.full)
    }

    /// Writes the shown timeline in `format`. JSON is streamed: a timeline of millions of
    /// reports is never held as one string. `verbose` text adds the sentences each entry comes from.
    pub fn write(&self, format: Format, verbose: bool, out: &mut dyn Write) -> std::io::Result<()> {
        let t = self.shown();
        let text = match format {
            Format::Json => return t.write_json(out),
            Format::Text if verbose => crate::timeline::write::text(t, true),
            Format::Html if self.top.is_some() => {
                html::page_with(&self.full, html::KeyEvents { count: self.top.unwrap_or_default(), on: true })
            }
            _ => t.render(format).map_err(std::io::Error::other)?,
        };
        out.write_all(text.as_bytes())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn build_input_refuses_articles_beside_map_output() {
        let paths = vec![PathBuf::from("a.entries.jsonl"), PathBuf::from("b.jsonl")];
        let inputs = Inputs::new(paths, ReadOptions::default(), Options::default());
        let err = BuildInput::read(&inputs).err().map(|e| e.to_string()).unwrap_or_default();
        assert!(err.starts_with("b.jsonl: a build reads either articles or map output"), "{err}");
    }

    #[test]
    fn events_keep_the_input_order() {
        let inputs = Inputs::new(Vec::new(), ReadOptions::default(), Options::default());
        let mut out = Vec::new();
        events(&inputs, Detector::shipped(), EventsFormat::Jsonl, &mut out).unwrap();
        let ids: Vec<String> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].as_str().unwrap_or("").to_string())
            .collect();
        let mut sorted = ids.clone();
        sorted.sort();
        assert!(!ids.is_empty());
        assert_eq!(ids, sorted, "the seeds are read in id order, and written so");
    }
}
