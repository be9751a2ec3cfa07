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
//! 3. [`dates`]: temporal expressions found ([`dates::scan`]) and resolved
//!    ([`dates::resolve`]) to typed values ([`dates::values`]);
//! 4. [`events`]: what each article reports happened, who, where, and which temporal
//!    expression anchors it;
//! 5. [`graph`]: mentions of one event merged across articles, events related and ordered
//!    (petgraph);
//! 6. [`timeline`]: the result as a serde model, written as JSON, RON and text.
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
pub mod timeline;

pub use error::{Error, Result};
