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

pub mod about;
pub mod changes;
pub mod rank;
pub mod shard;
pub mod write;

pub use changes::{Changes, EventChange};
pub use rank::{Day, Signals};
pub use write::Format;

use crate::corpus::Article;
use crate::dates::{Granularity, Options};
use crate::error::{Error, Result};
use crate::events::EventKind;
use crate::graph::{self, Evidence};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::path::Path;

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
    /// Its kind, where one of the 12 applies (`meeting`, `truce`, ...); else `null`.
    #[serde(default)]
    pub kind: Option<EventKind>,
    /// Who did what, in a short clause.
    pub label: String,
    /// When: `null` for an undated event.
    pub when: Option<When>,
    /// What bounds an undated or approximate event.
    pub bounds: Option<Bounds>,
    pub participants: Vec<String>,
    pub place: Option<String>,
    /// Planned: a source reports it as planned (future), none as done, and none that does not
    /// call it planned was published after its first day.
    pub planned: bool,
    /// Every report of it.
    pub mentions: Vec<MentionRef>,
    /// How much it matters, for the key events (higher matters more; see [`rank`]).
    #[serde(default)]
    pub importance: f64,
    /// What its importance was computed from.
    #[serde(default)]
    pub signals: Signals,
}

impl Event {
    /// The first and last day of its date, if it is dated.
    ///
    /// ```
    /// # let t = timeline::timeline::Timeline::build(None, &[timeline::corpus::Article::new("a",
    /// #     "The peace summit will be held on June 15-16 in Switzerland.", "2024-05-25".parse().ok())]);
    /// let summit = &t.events[0];
    /// let (first, last) = summit.days().unwrap();
    /// assert_eq!((first.to_string(), last.to_string()), ("2024-06-15".into(), "2024-06-16".into()));
    /// ```
    pub fn days(&self) -> Option<(NaiveDate, NaiveDate)> {
        let w = self.when.as_ref()?;
        Some((w.start.parse().ok()?, w.end.parse().ok()?))
    }

    /// The ids of the articles that report it, each once, in the order of its reports.
    pub fn sources(&self) -> Vec<&str> {
        let mut seen = rustc_hash::FxHashSet::default();
        self.mentions.iter().map(|m| m.article.as_str()).filter(|a| seen.insert(*a)).collect()
    }

    /// Whether an article reports it.
    pub fn reported_by(&self, article: &str) -> bool {
        self.mentions.iter().any(|m| m.article == article)
    }
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

/// Writes a file atomically: to a temporary file beside it, then renamed over it, so a run that
/// is stopped halfway never leaves half a file.
///
/// ```
/// let path = std::env::temp_dir().join("timeline-doc-write-file.txt");
/// timeline::timeline::write_file(&path, b"all or nothing\n")?;
/// assert_eq!(std::fs::read_to_string(&path).unwrap(), "all or nothing\n");
/// # Ok::<(), timeline::Error>(())
/// ```
pub fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    write_file_with(path, |w| w.write_all(bytes))
}

/// [`write_file`] for output written piece by piece (a large timeline streamed as JSON), with
/// the same all-or-nothing rename.
pub fn write_file_with(path: &Path, write: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>) -> Result<()> {
    use std::io::Write as _;
    let err = |e| Error::Write { path: path.into(), source: e };
    // A device or a pipe (`-o /dev/null`, `-o /dev/stdout`, a FIFO) is written through: renaming
    // a file over it would replace it.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        let through = std::fs::OpenOptions::new().write(true).open(path).and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            write(&mut w)?;
            w.flush()
        });
        return through.map_err(err);
    }
    // A symbolic link keeps pointing where it did: its target is what is replaced.
    let resolved = if path.is_symlink() { std::fs::canonicalize(path).map_err(err)? } else { path.to_path_buf() };
    let path = resolved.as_path();
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_else(|| "timeline".into());
    let tmp = path.with_file_name(format!(".{name}.{}.tmp", std::process::id()));
    let result = std::fs::File::create(&tmp)
        .and_then(|f| {
            let mut w = std::io::BufWriter::new(f);
            write(&mut w)?;
            w.flush()
        })
        .and_then(|()| std::fs::rename(&tmp, path));
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result.map_err(err)
}

impl Timeline {
    /// Runs the whole pipeline on a set of articles: dates, events, merging and ordering.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// use timeline::timeline::Timeline;
    /// let t = Timeline::build(Some("Swiss summit".into()), &[
    ///     Article::new("a", "The peace summit will be held on June 15-16 in Switzerland.", "2024-05-25".parse().ok()),
    ///     Article::new("b", "Dozens of leaders attended the peace summit in Switzerland on June 15-16.", "2024-06-17".parse().ok()),
    /// ]);
    /// assert_eq!(t.events.len(), 1); // one event, two sources
    /// assert_eq!(t.events[0].sources(), ["a", "b"]);
    /// ```
    pub fn build(title: Option<String>, articles: &[Article]) -> Timeline {
        Self::build_with(title, articles, Options::default())
    }

    /// [`Timeline::build`] with date-resolution options.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// use timeline::dates::{Direction, Options};
    /// use timeline::timeline::Timeline;
    /// let a = [Article::new("a", "Putin suggested on Monday that Russia and Ukraine hold talks.", "2025-04-22".parse().ok())];
    /// let future = Options { prefer: Some(Direction::Future), ..Options::default() };
    /// assert_eq!(Timeline::build_with(None, &a, future).events[0].when.as_ref().unwrap().value, "2025-04-28");
    /// ```
    pub fn build_with(title: Option<String>, articles: &[Article], opts: Options) -> Timeline {
        Self::build_reporting(title, articles, opts, &|| {})
    }

    /// [`Timeline::build_with`], calling `done` once for each article read (from any thread),
    /// for a progress bar.
    ///
    /// ```
    /// use std::sync::atomic::{AtomicUsize, Ordering};
    /// use timeline::corpus::Article;
    /// use timeline::timeline::Timeline;
    /// let read = AtomicUsize::new(0);
    /// let a = [Article::new("a", "Talks were held in Geneva on Monday.", "2024-06-20".parse().ok())];
    /// Timeline::build_reporting(None, &a, Default::default(), &|| { read.fetch_add(1, Ordering::Relaxed); });
    /// assert_eq!(read.into_inner(), 1);
    /// ```
    pub fn build_reporting(
        title: Option<String>,
        articles: &[Article],
        opts: Options,
        done: &(dyn Fn() + Sync),
    ) -> Timeline {
        use rayon::prelude::*;
        // Articles are independent: extracted across every core, in input order.
        let records: Vec<shard::ArticleEntries> = articles
            .par_iter()
            .map_init(
                || shard::Mapper::new(opts),
                |mapper, a| {
                    let record = mapper.map(a);
                    done();
                    record
                },
            )
            .collect();
        shard::reduce(title, records)
    }

    fn from_graph(title: Option<String>, articles: Vec<ArticleInfo>, g: graph::Ordered) -> Timeline {
        let id = |i: usize| format!("e{}", i + 1);
        // The merged events move into the timeline's, report by report: never two copies.
        let events = g
            .events
            .into_iter()
            .enumerate()
            .map(|(i, e)| Event {
                id: id(i),
                kind: e.kind,
                label: e.label,
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
                participants: e.participants,
                place: e.place,
                planned: e.planned,
                mentions: e
                    .mentions
                    .into_iter()
                    .map(|m| MentionRef {
                        article: m.article,
                        text: m.sentence_text,
                        time_text: m.time.map(|t| t.text),
                        start: m.sentence.start,
                        end: m.sentence.end,
                        trigger: m.trigger,
                    })
                    .collect(),
                importance: 0.0,
                signals: Signals::default(),
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
        Timeline { title, articles, events, relations, conflicts }
    }

    /// The dated events whose days overlap `from..=to`, in chronological order. An event
    /// dated "June 2024" overlaps June 10-12; undated events are never included (see
    /// [`Timeline::undated`]).
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// use timeline::timeline::Timeline;
    /// let t = Timeline::build(None, &[Article::new("a", "Putin suggested on Monday that Russia \
    ///     and Ukraine hold bilateral talks.", "2025-04-22".parse().ok())]);
    /// let april = |d| chrono::NaiveDate::from_ymd_opt(2025, 4, d).unwrap();
    /// assert_eq!(t.between(april(20), april(22)).count(), 1);
    /// assert_eq!(t.between(april(1), april(10)).count(), 0);
    /// ```
    pub fn between(&self, from: NaiveDate, to: NaiveDate) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(move |e| e.days().is_some_and(|(a, b)| a <= to && b >= from))
    }

    /// The events an article reports, by the article's id or its source (outlet) name.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// use timeline::timeline::Timeline;
    /// let mut wire = Article::new("w1", "Putin suggested on Monday that Russia and Ukraine hold \
    ///     bilateral talks.", "2025-04-22".parse().ok());
    /// wire.source = Some("Example Wire".into());
    /// let t = Timeline::build(None, &[wire]);
    /// assert_eq!(t.reported_by("w1").count(), 1);
    /// assert_eq!(t.reported_by("Example Wire").count(), 1);
    /// assert_eq!(t.reported_by("Other Daily").count(), 0);
    /// ```
    pub fn reported_by<'a>(&'a self, id_or_source: &'a str) -> impl Iterator<Item = &'a Event> + 'a {
        let ids: Vec<&str> = self
            .articles
            .iter()
            .filter(|a| a.id == id_or_source || a.source.as_deref() == Some(id_or_source))
            .map(|a| a.id.as_str())
            .collect();
        self.events.iter().filter(move |e| ids.iter().any(|id| e.reported_by(id)))
    }

    /// The entity timeline of one or more names: the events in which any of them takes part
    /// (as a participant, the place, or in the label), with the aliases the reports give them
    /// ("EADS" / "European Aeronautic Defence and Space Company"), in date order. Ids stay
    /// those of the full timeline; the relations and conflicts kept are those among them.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// use timeline::timeline::Timeline;
    /// let t = Timeline::build(None, &[
    ///     Article::new("a", "The European Aeronautic Defence and Space Company (EADS) won a tanker \
    ///         contract on Friday.", "2008-03-01".parse().ok()),
    ///     Article::new("b", "EADS opened a plant in Alabama on Monday.", "2008-03-04".parse().ok()),
    ///     Article::new("c", "Boeing protested the award on Tuesday.", "2008-03-12".parse().ok()),
    /// ]);
    /// let eads = t.about(&["European Aeronautic Defence and Space Company"]);
    /// assert_eq!(eads.events.len(), 2);
    /// assert!(eads.events.iter().all(|e| !e.label.contains("Boeing")));
    /// ```
    pub fn about(&self, names: &[&str]) -> Timeline {
        let names = about::names_with_aliases(self, names);
        let at: Vec<usize> = (0..self.events.len()).filter(|&i| about::is_about(&self.events[i], &names)).collect();
        rank::keep(self, &at)
    }

    /// The `k` most important entries (by [`Event::importance`]), in date order, with the
    /// relations and conflicts among them; ids stay those of the full timeline.
    ///
    /// ```
    /// use timeline::corpus::{bundled, Corpus, ReadOptions};
    /// use timeline::timeline::Timeline;
    /// let c = Corpus::read(&[bundled()], &ReadOptions::default())?;
    /// let t = Timeline::build(None, &c.articles);
    /// let key = t.top(3);
    /// assert_eq!(key.events.len(), 3);
    /// assert!(key.events.iter().all(|e| e.importance >= t.events.iter().map(|e| e.importance).fold(0.0, f64::max) / 10.0));
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn top(&self, k: usize) -> Timeline {
        rank::top(self, k)
    }

    /// Every entry of the `k` most important days, in date order: a day's importance is what
    /// its day-precise entries add up to ([`Timeline::days`]).
    pub fn top_days(&self, k: usize) -> Timeline {
        rank::top_days(self, k)
    }

    /// The days that have day-precise entries, most important first.
    pub fn days(&self) -> Vec<Day> {
        rank::days(self)
    }

    /// The events no report dates, each with the [`Bounds`] that place it, if any.
    pub fn undated(&self) -> impl Iterator<Item = &Event> {
        self.events.iter().filter(|e| e.when.is_none())
    }

    /// The event with this id (`e1`, `e2`, ...).
    pub fn event(&self, id: &str) -> Option<&Event> {
        self.events.iter().find(|e| e.id == id)
    }

    /// Reads a timeline written as JSON or RON (told apart by the file's extension, `.json` or
    /// `.ron`).
    ///
    /// ```no_run
    /// let t = timeline::timeline::Timeline::load("timelines/ukraine-ceasefire/timeline.ron")?;
    /// println!("{} events", t.events.len());
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<Timeline> {
        let path = path.as_ref();
        let format = Format::from_path(path)?;
        let text = std::fs::read_to_string(path).map_err(|e| Error::Io { path: path.into(), source: e })?;
        let bad = |message: String| Error::Timeline { path: path.into(), message };
        match format {
            Format::Json => Self::from_json(&text).map_err(|e| bad(e.to_string())),
            Format::Ron => Self::from_ron(&text).map_err(|e| bad(e.to_string())),
            _ => Err(Error::UnknownFormat {
                path: path.into(),
                extension: format.extension().into(),
                expected: "json or ron (a timeline is read back from its contract)",
            }),
        }
    }

    /// Writes the timeline to `path` in the format its extension names (see [`Format`]):
    /// `.json`, `.ron`, `.txt`, `.html`, `.timelinejs.json`, `.ics`, `.md`.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// use timeline::timeline::Timeline;
    /// let t = Timeline::build(None, &[Article::new("a", "Putin suggested on Monday that Russia \
    ///     and Ukraine hold bilateral talks.", "2025-04-22".parse().ok())]);
    /// let dir = std::env::temp_dir();
    /// t.save(dir.join("doc-save.ron"))?;
    /// t.save(dir.join("doc-save.html"))?;
    /// assert_eq!(Timeline::load(dir.join("doc-save.ron"))?, t);
    /// assert!(t.save(dir.join("doc-save.pdf")).is_err()); // not a format we write
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn save(&self, path: impl AsRef<Path>) -> Result<()> {
        let path = path.as_ref();
        let text = self.render(Format::from_path(path)?)?;
        write_file(path, text.as_bytes())
    }

    /// The timeline in one of the formats it is written in, ending with a newline.
    ///
    /// ```
    /// use timeline::timeline::{Format, Timeline};
    /// let t = Timeline::build(Some("Nothing yet".into()), &[]);
    /// assert!(t.render(Format::Text)?.starts_with("Nothing yet\n0 events from 0 articles"));
    /// assert!(t.render(Format::Json)?.contains(r#""title": "Nothing yet""#));
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn render(&self, format: Format) -> Result<String> {
        write::render(self, format)
    }

    /// The timeline as pretty JSON, written piece by piece (the bytes [`Timeline::render`] gives
    /// for [`Format::Json`], without holding them in memory).
    pub fn write_json(&self, w: &mut dyn std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut *w, self)?;
        w.write_all(b"\n")
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
