//! Typed errors of the library. Every error names where the problem is (file, line, article)
//! and what was expected, so a user can fix the input from the message alone.

use std::path::PathBuf;

/// Where in the input a problem was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Location {
    /// The file, or `<stdin>`.
    pub file: PathBuf,
    /// 1-based line number, when the input is line-oriented.
    pub line: Option<usize>,
}

impl std::fmt::Display for Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}", self.file.display(), l),
            None => write!(f, "{}", self.file.display()),
        }
    }
}

/// Errors raised while reading articles, manifests and timelines, and writing results.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file or directory could not be read at all.
    #[error("{path}: cannot read: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// Output could not be written.
    #[error("{path}: cannot write: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    /// The bytes are not UTF-8 text.
    #[error("{at}: not UTF-8 text (invalid byte at offset {offset}); convert the file to UTF-8")]
    NotUtf8 { at: Location, offset: usize },
    /// A JSONL line is not a JSON object of the expected shape.
    #[error("{at}: invalid article JSON: {message}; expected an object like {{\"id\": \"004\", \"published\": \"2025-04-22\", \"text\": \"...\"}}")]
    Json { at: Location, message: String },
    /// A required field is missing or empty.
    #[error("{at}: article{} has no `{field}` field", .id.as_ref().map(|i| format!(" {i}")).unwrap_or_default())]
    MissingField { at: Location, id: Option<String>, field: &'static str },
    /// The publication date could not be understood.
    #[error("{at}: article {id}: cannot read publication date {value:?}; expected a date or date-time such as 2025-04-22, 2025-04-21T18:34:00Z or \"Mon, 21 Apr 2025 18:34:00 GMT\"")]
    BadPublished { at: Location, id: String, value: String },
    /// A RON manifest does not parse.
    #[error("{at}: invalid manifest: {message}")]
    Manifest { at: Location, message: String },
    /// A path names nothing we can read articles from.
    #[error("{path}: no articles found (expected .jsonl, .json, .txt or .ron manifest files)")]
    NoArticles { path: PathBuf },
    /// Two articles share an id.
    #[error("{at}: duplicate article id {id:?} (first seen in {first})")]
    DuplicateId { at: Location, id: String, first: Location },
    /// A timeline file (JSON or RON) does not parse as the timeline contract.
    #[error(
        "{path}: invalid timeline: {message}; expected the JSON or RON that `timeline build --format json|ron` writes"
    )]
    Timeline { path: PathBuf, message: String },
    /// A file name whose extension names no format we write or read.
    #[error("{path}: unknown format {extension:?}; expected one of {expected}")]
    UnknownFormat { path: PathBuf, extension: String, expected: &'static str },
    /// A timeline could not be rendered in a format (a bug, never the input's fault).
    #[error("cannot write the timeline as {format}: {message}")]
    Render { format: &'static str, message: String },
    /// A warning, made an error by `--strict`.
    #[error("{at}: {message} (an error under --strict)")]
    Strict { at: Location, message: String },
    /// The output file is one of the inputs (or would be read as one).
    #[error("{path}: refusing to overwrite an input; write the output elsewhere")]
    OutputIsInput { path: PathBuf },
    /// A manifest names a file outside its own folder.
    #[error(
        "{at}: article {id}: file {file:?} is outside the manifest's folder; move it in, or pass --allow-outside-paths"
    )]
    OutsidePath { at: Location, id: String, file: PathBuf },
    /// `timeline build` was given articles beside map output (`*.entries.jsonl`).
    #[error("{path}: a build reads either articles or map output (*.entries.jsonl), not both")]
    MixedBuildInputs { path: PathBuf },
    /// An event model file is not one this version writes.
    #[error("{path}: not a model written by `{written_by}` (of this version)")]
    NotAModel { path: PathBuf, written_by: &'static str },
    /// A language model file does not read.
    #[error("{path}: {source}")]
    LanguageModel {
        path: PathBuf,
        #[source]
        source: crate::language::model::ModelError,
    },
    /// A date given on the command line or in the API could not be read.
    #[error("cannot read date {value:?}: expected a date such as 2025-04-22")]
    BadDate { value: String },
}

/// Result alias for this crate.
pub type Result<T, E = Error> = std::result::Result<T, E>;
