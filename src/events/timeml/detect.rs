//! Which words are events, and of which class: averaged perceptrons over each word's lemma,
//! part of speech and place in the parse, trained on TimeBank's EVENTs (`timeline
//! train-events`). The model is data: `src/events/timeml/model/events.bin`.
//!
//! A detector sums three perceptrons trained alike on differently shuffled examples: one
//! perceptron's classes move by a few tenths of F1 with any change to its features (the order of
//! its updates changes), and the sum moves less and scores higher. TimeBank to AQUAINT class F1
//! 70.9 with one, 71.7 with three, 71.9 with five; AQUAINT in three folds 78.2, 78.7, 78.7;
//! AQUAINT's tune part to TimeBank 60.0, 60.4, 60.2; TimeBank halves, each scored by a detector
//! trained on the other, 66.6 and 64.3, 66.5 and 64.9, 66.2 and 65.2.
//!
//! Two features carry what one corpus cannot teach about another: the class TimeML's guidelines
//! give a lemma by its meaning (`verb-classes.txt`), and a phrasal verb's particle. With them and
//! four epochs, the mean over six seeds of TimeBank to AQUAINT class F1 is 72.45 (71.78 before);
//! `eval/event-seeds.sh` measures it.

use super::types::EventClass;
use crate::language::perceptron::{feature, Reader, Trainer, Weights};
use crate::language::tagger::argmax;
use crate::language::words::{lower_hash, WordView};
use crate::language::Sentence;
use std::sync::OnceLock;

const MAGIC: &[u8] = b"timeline events model v3\n";

/// Feature template ids (part of the model: never renumber).
mod t {
    pub const BIAS: u64 = 1;
    pub const LEMMA: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const UPOS: u64 = 4;
    pub const XPOS: u64 = 5;
    pub const LEMMA_UPOS: u64 = 6;
    pub const DEPREL: u64 = 7;
    pub const DEPREL_UPOS: u64 = 8;
    pub const HEAD_LEMMA: u64 = 9;
    pub const HEAD_UPOS_DEPREL: u64 = 10;
    pub const HEAD_LEMMA_DEPREL: u64 = 11;
    pub const SUFFIX3: u64 = 12;
    pub const SUFFIX4: u64 = 13;
    pub const CHILD: u64 = 14;
    pub const CHILD_LEMMA: u64 = 15;
    pub const PREV: u64 = 16;
    pub const NEXT: u64 = 17;
    pub const PREV_XPOS: u64 = 18;
    pub const NEXT_XPOS: u64 = 19;
    pub const IN_TIMEX: u64 = 20;
    pub const TITLE_UPOS: u64 = 21;
    pub const LEMMA_DEPREL: u64 = 22;
    pub const HEAD_DEPREL: u64 = 23;
    pub const SUFFIX2_UPOS: u64 = 24;
    pub const PREV_LEMMA_UPOS: u64 = 25;
    pub const LEMMA_XPOS: u64 = 26;
    pub const EVENT_NOUN: u64 = 27;
    pub const LEMMA_COMP: u64 = 28;
    pub const LEMMA_OBJ_EVENT: u64 = 29;
    pub const LEMMA_OBL_CASE: u64 = 30;
    pub const LEXICON_CLASS: u64 = 31;
    pub const LEMMA_PARTICLE: u64 = 32;
}

/// Nouns that name happenings (`event-nouns.txt`), as lemma hashes.
fn event_nouns() -> &'static rustc_hash::FxHashSet<u64> {
    static NOUNS: OnceLock<rustc_hash::FxHashSet<u64>> = OnceLock::new();
    NOUNS.get_or_init(|| crate::language::lists::words(include_str!("event-nouns.txt")).map(lower_hash).collect())
}

/// Predicates whose class TimeML fixes by meaning (`verb-classes.txt`): lemma hash to the class's
/// index in [`EventClass::ALL`].
fn lexicon_classes() -> &'static rustc_hash::FxHashMap<u64, u8> {
    static CLASSES: OnceLock<rustc_hash::FxHashMap<u64, u8>> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let mut map = rustc_hash::FxHashMap::default();
        for line in include_str!("verb-classes.txt").lines() {
            let Some((class, lemmas)) = line.split('#').next().unwrap_or("").split_once(':') else { continue };
            let Some(k) = EventClass::ALL.iter().position(|c| c.as_str() == class.trim()) else { continue };
            for lemma in lemmas.split_whitespace() {
                map.insert(lower_hash(lemma), k as u8);
            }
        }
        map
    })
}

/// Whether verb `i` takes an event as an argument: a clause ("tried to leave", "said that"), or
/// a verb or an event noun as its object or oblique ("ordered an investigation").
pub fn has_event_argument(s: &Sentence, i: usize) -> bool {
    use crate::language::Deprel as D;
    s.children(i).any(|c| {
        let t = &s.tokens[c];
        match t.deprel {
            D::Xcomp | D::Ccomp | D::Csubj => true,
            D::Obj | D::NsubjPass | D::Obl | D::Iobj | D::Advcl => {
                t.upos == crate::language::Upos::Verb || event_nouns().contains(&lower_hash(s.lemma(c)))
            }
            _ => false,
        }
    })
}

/// The features of word `i`, whose hashed views the language layer computed (`view`);
/// `in_timex` says whether it lies inside a temporal expression.
pub fn features(s: &Sentence, text: &str, i: usize, view: &WordView, in_timex: bool, out: &mut Vec<u64>) {
    out.clear();
    let tok = &s.tokens[i];
    let lemma = lower_hash(s.lemma(i));
    let upos = tok.upos.index() as u64;
    let xpos = tok.xpos.index() as u64;
    let dep = tok.deprel.index() as u64;
    let (h_lemma, h_upos, h_dep) = match tok.head {
        Some(h) => (lower_hash(s.lemma(h)), s.tokens[h].upos.index() as u64, s.tokens[h].deprel.index() as u64),
        None => (1, 99, 99),
    };
    let prev = i.checked_sub(1);
    let next = (i + 1 < s.len()).then_some(i + 1);
    let word = |k: Option<usize>| k.map_or(1, |k| lower_hash(s.word(text, k)));
    let xp = |k: Option<usize>| k.map_or(99, |k| s.tokens[k].xpos.index() as u64);
    out.extend([
        feature(t::BIAS, 0, 0, 0),
        feature(t::LEMMA, lemma, 0, 0),
        feature(t::LOWER, view.lower, 0, 0),
        feature(t::UPOS, upos, 0, 0),
        feature(t::XPOS, xpos, 0, 0),
        feature(t::LEMMA_UPOS, lemma, upos, 0),
        feature(t::LEMMA_XPOS, lemma, xpos, 0),
        feature(t::DEPREL, dep, 0, 0),
        feature(t::DEPREL_UPOS, dep, upos, 0),
        feature(t::HEAD_LEMMA, h_lemma, 0, 0),
        feature(t::HEAD_UPOS_DEPREL, h_upos, dep, upos),
        feature(t::HEAD_LEMMA_DEPREL, h_lemma, dep, 0),
        feature(t::HEAD_DEPREL, h_dep, dep, upos),
        feature(t::SUFFIX3, view.suffix[2], upos, 0),
        feature(t::SUFFIX4, view.suffix[3], upos, 0),
        feature(t::SUFFIX2_UPOS, view.suffix[1], upos, 0),
        feature(t::PREV, word(prev), 0, 0),
        feature(t::NEXT, word(next), 0, 0),
        feature(t::PREV_XPOS, xp(prev), xpos, 0),
        feature(t::NEXT_XPOS, xp(next), xpos, 0),
        feature(t::IN_TIMEX, in_timex as u64, upos, 0),
        feature(t::TITLE_UPOS, view.flags & 1, upos, 0),
        feature(t::LEMMA_DEPREL, lemma, dep, 0),
        feature(t::PREV_LEMMA_UPOS, prev.map_or(1, |p| lower_hash(s.lemma(p))), upos, 0),
        feature(t::EVENT_NOUN, event_nouns().contains(&lemma) as u64, upos, dep),
    ]);
    use crate::language::Deprel as D;
    let mut comp = false;
    for c in s.children(i) {
        let cd = s.tokens[c].deprel;
        out.push(feature(t::CHILD, cd.index() as u64, s.tokens[c].upos.index() as u64, upos));
        match cd {
            // A clause the word governs: what sets intensional and aspectual verbs apart.
            D::Xcomp | D::Ccomp => {
                comp = true;
                out.push(feature(t::LEMMA_COMP, lemma, cd.index() as u64, s.tokens[c].xpos.index() as u64));
            }
            D::Obj | D::Nsubj | D::NsubjPass => {
                let ev = event_nouns().contains(&lower_hash(s.lemma(c)));
                out.push(feature(t::LEMMA_OBJ_EVENT, lemma, cd.index() as u64, ev as u64));
            }
            // A phrasal verb is a predicate of its own: "call off" is no "call".
            D::CompoundPrt => out.push(feature(t::LEMMA_PARTICLE, lemma, lower_hash(s.lemma(c)), 0)),
            D::Obl | D::Nmod => {
                if let Some(k) = s.children(c).find(|&k| s.tokens[k].deprel == D::Case) {
                    out.push(feature(t::LEMMA_OBL_CASE, lemma, lower_hash(s.lemma(k)), 0));
                }
            }
            _ => {}
        }
        if matches!(cd, D::Aux | D::AuxPass | D::Det | D::Case | D::Mark | D::Cop | D::Advmod) {
            out.push(feature(t::CHILD_LEMMA, cd.index() as u64, lower_hash(s.lemma(c)), 0));
        }
    }
    if !comp && tok.upos == crate::language::Upos::Verb {
        out.push(feature(t::LEMMA_COMP, lemma, 0, 0));
    }
    if let Some(&class) = lexicon_classes().get(&lemma) {
        out.push(feature(t::LEXICON_CLASS, 1 + class as u64, upos, comp as u64));
        out.push(feature(t::LEXICON_CLASS, 1 + class as u64, 0, 9));
    }
}

/// Class index 0 is "not an event"; 1.. are [`EventClass::ALL`].
pub const fn classes() -> usize {
    EventClass::ALL.len() + 1
}

/// How far (in perceptron updates) the best class of event may score below "not an event" and
/// still be taken. Both corpora annotate fewer events than a model trained on one finds on the
/// other's news, so leaning toward an event pays on unseen text: chosen with AQUAINT training
/// and TimeBank scored (relaxed F1 77.9 at 0, 78.0 at 1 and 2, 78.1 at 4, 77.8 at 6), never on
/// AQUAINT.
const EVENT_MARGIN: f32 = 4.0;

/// The trained detector: which words are events, and of which class.
#[derive(Debug)]
pub struct Detector {
    /// Perceptrons trained alike on differently shuffled examples; their scores are summed.
    members: Vec<Weights>,
}

/// How many perceptrons a detector sums.
const MEMBERS: usize = 3;

static SHIPPED: OnceLock<Detector> = OnceLock::new();
static SHIPPED_BYTES: &[u8] = include_bytes!("model/events.bin");

impl Detector {
    /// The detector shipped with the crate, read on first use.
    pub fn shipped() -> &'static Detector {
        SHIPPED.get_or_init(|| Detector::from_bytes(SHIPPED_BYTES).expect("the shipped event model reads"))
    }

    /// A detector with no weights, for reading features before any model exists. Every class
    /// scores alike, so through the margin an event needs it reads every word as an event.
    pub fn untrained() -> &'static Detector {
        static EMPTY: OnceLock<Detector> = OnceLock::new();
        EMPTY.get_or_init(|| Detector { members: vec![Trainer::new(classes()).average()] })
    }

    /// The class of word `i`, if it is an event.
    pub fn classify(&self, feats: &[u64], scores: &mut Vec<f32>) -> Option<EventClass> {
        let mut sum = [0f32; classes()];
        for m in &self.members {
            m.score(feats, scores);
            for (s, x) in sum.iter_mut().zip(scores.iter()) {
                *s += x * m.scale();
            }
        }
        let n = self.members.len() as f32;
        let best = 1 + argmax(&sum[1..]);
        (sum[best] / n + EVENT_MARGIN > sum[0] / n).then(|| EventClass::ALL[best - 1])
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = MAGIC.to_vec();
        out.push(self.members.len() as u8);
        for m in &self.members {
            m.write(&mut out);
        }
        out
    }

    pub fn from_bytes(bytes: &[u8]) -> Option<Detector> {
        let mut r = Reader::new(bytes.strip_prefix(MAGIC)?);
        let n = r.u8()?;
        let members =
            (0..n).map(|_| Weights::read(&mut r).filter(|w| w.classes() == classes())).collect::<Option<Vec<_>>>()?;
        (r.is_empty() && n > 0).then_some(Detector { members })
    }

    /// Trains on examples: each a word's features and its class (0: no event).
    pub fn train(examples: &[(Vec<u64>, usize)], epochs: usize, seed: u64) -> Detector {
        use rayon::prelude::*;
        let members =
            (0..MEMBERS as u64).into_par_iter().map(|k| Self::train_one(examples, epochs, seed + 7919 * k)).collect();
        Detector { members }
    }

    fn train_one(examples: &[(Vec<u64>, usize)], epochs: usize, seed: u64) -> Weights {
        let mut tr = Trainer::new(classes());
        let mut order: Vec<usize> = (0..examples.len()).collect();
        let mut state = seed | 1;
        let mut scores = Vec::new();
        for _ in 0..epochs {
            for i in (1..order.len()).rev() {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                order.swap(i, (state % (i as u64 + 1)) as usize);
            }
            for &k in &order {
                let (f, gold) = &examples[k];
                tr.score(f, &mut scores);
                tr.update(*gold, argmax(&scores), f);
            }
        }
        tr.average()
    }
}
