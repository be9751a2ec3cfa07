//! Reading treebanks in CoNLL-U, for training and measuring the models.

use super::tags::{Deprel, Upos, Xpos};
use std::path::Path;

/// One word of a treebank sentence.
#[derive(Debug, Clone)]
pub struct GoldWord {
    pub form: String,
    pub lemma: String,
    pub upos: Upos,
    pub xpos: Xpos,
    /// 0 for the root, else the 1-based number of the head word.
    pub head: usize,
    pub deprel: Deprel,
}

/// One treebank sentence (syntactic words; multi-word token lines and empty nodes skipped).
#[derive(Debug, Clone, Default)]
pub struct GoldSentence {
    pub words: Vec<GoldWord>,
}

/// Why a CoNLL-U file could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConlluError {
    #[error("{path}: cannot read: {source}")]
    Io { path: String, source: std::io::Error },
    #[error("line {line}: {message}")]
    Line { line: usize, message: String },
}

/// Parses CoNLL-U text.
pub fn parse(text: &str) -> Result<Vec<GoldSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut cur = GoldSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        let bad = |message: String| ConlluError::Line { line: n + 1, message };
        if cols.len() != 10 {
            return Err(bad(format!("expected 10 tab-separated columns, found {}", cols.len())));
        }
        if cols[0].contains(['-', '.']) {
            continue;
        }
        let head = cols[6].parse().map_err(|_| bad(format!("head {:?} is not a number", cols[6])))?;
        cur.words.push(GoldWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: Upos::parse(cols[3]),
            xpos: Xpos::parse(cols[4]),
            head,
            deprel: Deprel::parse(cols[7]),
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for s in &out {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(ConlluError::Line { line: 0, message: "a head points past its sentence".into() });
        }
    }
    Ok(out)
}

/// Reads a CoNLL-U file, gzipped when its name ends in `.gz`.
pub fn read(path: &Path) -> Result<Vec<GoldSentence>, ConlluError> {
    use std::io::Read;
    let io = |source| ConlluError::Io { path: path.display().to_string(), source };
    let bytes = std::fs::read(path).map_err(io)?;
    let mut text = String::new();
    if path.extension().is_some_and(|e| e == "gz") {
        flate2::read::GzDecoder::new(&bytes[..]).read_to_string(&mut text).map_err(io)?;
    } else {
        text = String::from_utf8(bytes).map_err(|e| io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))?;
    }
    parse(&text)
}
