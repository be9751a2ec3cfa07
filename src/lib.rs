//! # timeline
//!
//! Turns a pile of news articles about one evolving story into a single, merged, deduplicated
//! chronology. The library is a pipeline; each module is one stage and takes the previous
//! stage's types:
//!
//! 1. [`corpus`]: articles in (JSONL, JSON, text files, RON manifests) with their publication
//!    context;
//! 2. [`furniture`]: page furniture ("Read also", "You May Also Like", comment forms) told
//!    apart from the story;
//! 3. [`language`]: English sentences as words with parts of speech, lemmas and a dependency
//!    parse, from a model trained on UD English EWT (read once, nothing downloaded);
//! 4. [`dates`]: temporal expressions found ([`dates::scan`]) and resolved
//!    ([`dates::resolve`]) to typed values ([`dates::values`]);
//! 5. [`events`]: what each article reports happened, who, where, and which temporal
//!    expression anchors it; [`events::timeml`] finds every event as TimeML defines it, from
//!    the parse;
//! 6. [`graph`]: mentions of one event merged across articles, events related and ordered
//!    (petgraph);
//! 7. [`timeline`]: the result as a serde model, written as JSON, RON and text, and as HTML,
//!    TimelineJS, iCalendar and Markdown to publish ([`timeline::write`]);
//! 8. [`run`]: the command line's jobs (`dates`, `events`, `parse`, `build`), each from input
//!    paths to a writer, streamed and spread over the cores.
//!
//! The tutorials in `examples/` (`cargo run --example quickstart`, `resolve_dates`,
//! `your_own_corpus`, `read_a_timeline`, `merge_new_articles`) are the way in.
//!
//! A timeline from a folder of articles, in four lines:
//!
//! ```
//! use timeline::corpus::{bundled, Corpus, ReadOptions};
//! use timeline::timeline::{Format, Timeline};
//!
//! let corpus = Corpus::read(&[bundled()], &ReadOptions::default())?;
//! let t = Timeline::build(corpus.title.clone(), &corpus.articles);
//! let summit = t.events.iter().find(|e| e.label.contains("in Switzerland") && e.when.is_some()).unwrap();
//! assert_eq!(summit.when.as_ref().unwrap().value, "2024-06-15/2024-06-16");
//! assert_eq!(summit.sources(), ["001", "002"]);
//! print!("{}", t.render(Format::Text)?);
//! # Ok::<(), timeline::Error>(())
//! ```
//!
//! One sentence's dates, resolved against a publication date:
//!
//! ```
//! use timeline::dates::resolve_text;
//! let found = resolve_text("Zelenskiy had stated earlier Saturday that a ceasefire ...",
//!                          "2025-04-22".parse().ok());
//! assert_eq!(found[0].value.timex(), "2025-04-19");
//! ```

pub mod corpus;
pub mod dates;
pub mod error;
pub mod events;
pub mod furniture;
pub mod graph;
pub mod language;
pub mod run;
pub mod timeline;

pub use error::{Error, Result};
