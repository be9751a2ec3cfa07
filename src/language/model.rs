//! The English model: tag set, tagger and parser weights, lemmatiser, in one file.
//!
//! The shipped model (`src/language/model/english-ewt.bin`, with its `NOTICE`) is built into
//! the binary and read once, on first use. `timeline train-language` rebuilds it from UD English
//! EWT.

use super::lemma::Lemmatizer;
use super::parser::Reading;
use super::perceptron::{Reader, Weights};
use super::tags::{Upos, Xpos};
use std::sync::OnceLock;

const MAGIC: &[u8] = b"timeline english model v4\n";

/// A trained English model.
#[derive(Debug, Default)]
pub struct Model {
    /// The tagger's classes: each a (UPOS, XPOS) pair.
    pub(crate) tags: Vec<(Upos, Xpos)>,
    pub(crate) tagger: Weights,
    /// The tagger's second pass, which also sees the first pass's tags to the right.
    pub(crate) tagger2: Weights,
    /// The parsers, each with how it reads a sentence; more than one vote ([`super::vote`]).
    pub(crate) parsers: Vec<(Reading, Weights)>,
    pub(crate) lemmas: Lemmatizer,
}

/// A model file that cannot be read.
#[derive(Debug, thiserror::Error)]
#[error("not a timeline English model, or a damaged one (expected {expected:?} at the start)")]
pub struct ModelError {
    expected: &'static str,
}

static SHIPPED: OnceLock<Model> = OnceLock::new();
static SHIPPED_BYTES: &[u8] = include_bytes!("model/english-ewt.bin");

impl Model {
    /// The model shipped with the crate, read on first use.
    pub fn shipped() -> &'static Model {
        SHIPPED.get_or_init(|| {
            Model::from_bytes(SHIPPED_BYTES).expect("the shipped model reads (tests/language.rs checks it)")
        })
    }

    /// The model as bytes: the same model always gives the same bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut raw = Vec::new();
        raw.extend(MAGIC);
        raw.push(self.tags.len() as u8);
        for &(u, x) in &self.tags {
            raw.push(u.index() as u8);
            raw.push(x.index() as u8);
        }
        self.tagger.write(&mut raw);
        self.tagger2.write(&mut raw);
        raw.push(self.parsers.len() as u8);
        for (reading, weights) in &self.parsers {
            raw.push(reading.to_byte());
            weights.write(&mut raw);
        }
        self.lemmas.write(&mut raw);
        let mut z = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
        std::io::Write::write_all(&mut z, &raw).expect("writing to memory");
        z.finish().expect("writing to memory")
    }

    /// Reads what [`Model::to_bytes`] wrote.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        let err = ModelError { expected: "timeline english model v4" };
        let mut raw = Vec::new();
        std::io::Read::read_to_end(&mut flate2::read::DeflateDecoder::new(bytes), &mut raw)
            .map_err(|_| ModelError { expected: err.expected })?;
        let body = raw.strip_prefix(MAGIC).ok_or(ModelError { expected: err.expected })?;
        let mut r = Reader::new(body);
        let read = |r: &mut Reader<'_>| -> Option<Model> {
            let n = r.u8()? as usize;
            let mut tags = Vec::with_capacity(n);
            for _ in 0..n {
                let u = *Upos::ALL.get(r.u8()? as usize)?;
                let x = *Xpos::ALL.get(r.u8()? as usize)?;
                tags.push((u, x));
            }
            let tagger = Weights::read(r)?;
            let tagger2 = Weights::read(r)?;
            let mut parsers = Vec::new();
            for _ in 0..r.u8()? {
                let reading = Reading::from_byte(r.u8()?)?;
                let weights = Weights::read(r)?;
                if weights.classes() != super::parser::Move::classes() {
                    return None;
                }
                parsers.push((reading, weights));
            }
            let lemmas = Lemmatizer::read(r)?;
            (tagger.classes() == tags.len() && tagger2.classes() == tags.len() && !parsers.is_empty())
                .then_some(Model { tags, tagger, tagger2, parsers, lemmas })
        };
        let m = read(&mut r).ok_or(err)?;
        if !r.is_empty() {
            return Err(ModelError { expected: "timeline english model v4" });
        }
        Ok(m)
    }

    /// Drops the tagger's and parsers' weights worth less than these (see [`Weights::prune`]).
    pub fn prune(&mut self, tagger_min: f32, parser_min: f32) {
        self.tagger.prune(tagger_min);
        self.tagger2.prune(tagger_min);
        for (_, p) in &mut self.parsers {
            p.prune(parser_min);
        }
    }

    /// Rounds the taggers' and parsers' weights to multiples of these steps (in the trainer's
    /// units; see [`Weights::coarsen`]): a smaller file.
    pub fn coarsen(&mut self, tagger_step: f32, parser_step: f32) {
        self.tagger.coarsen(tagger_step);
        self.tagger2.coarsen(tagger_step);
        for (_, p) in &mut self.parsers {
            p.coarsen(parser_step);
        }
    }

    /// The tagger's weights.
    pub fn tagger(&self) -> &Weights {
        &self.tagger
    }

    /// The tagger's second pass.
    pub fn tagger2(&self) -> &Weights {
        &self.tagger2
    }

    /// The first parser's weights.
    pub fn parser(&self) -> &Weights {
        &self.parsers[0].1
    }

    /// The parsers, each with how it reads a sentence.
    pub fn parsers(&self) -> &[(Reading, Weights)] {
        &self.parsers
    }

    /// The tagger's classes, as (UPOS, XPOS) pairs.
    pub fn tags(&self) -> &[(Upos, Xpos)] {
        &self.tags
    }

    /// Features kept: (tagger, both passes; parser).
    pub fn sizes(&self) -> (usize, usize) {
        (self.tagger.len() + self.tagger2.len(), self.parsers.iter().map(|(_, p)| p.len()).sum())
    }
}
