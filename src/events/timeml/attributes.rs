//! Tense, aspect, polarity and modality of an event, read off its verb group in the parse:
//! the auxiliaries, modals, negations and infinitive marker that depend on it.

use super::types::{Aspect, Modality, Polarity, Tense, MODALS};
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// The grammatical attributes of word `i`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attributes {
    pub tense: Tense,
    pub aspect: Aspect,
    pub polarity: Polarity,
    pub modality: Modality,
}

fn is_negation(lemma: &str) -> bool {
    matches!(lemma, "not" | "n't" | "never" | "no" | "neither" | "nor" | "without")
}

/// Reads the attributes of word `i` from its dependents (and a copula's, for predicates).
pub fn attributes(s: &Sentence, text: &str, i: usize) -> Attributes {
    let tok = &s.tokens[i];
    let mut out = Attributes { tense: Tense::None, aspect: Aspect::None, polarity: Polarity::Pos, modality: None };
    let verbal = tok.upos == Upos::Verb || tok.xpos.is_verb();
    let mut has_have = false;
    let mut has_be_progressive = false;
    let mut first_finite: Option<Xpos> = None;
    let mut has_to = false;
    let mut future = false;
    let mut copula = false;
    for c in s.children(i) {
        let ct = &s.tokens[c];
        let lemma = s.lemma(c);
        let lower_word = s.word(text, c).to_ascii_lowercase();
        match ct.deprel {
            Deprel::Aux | Deprel::AuxPass | Deprel::Cop if c < i => {
                if ct.deprel == Deprel::Cop {
                    copula = true;
                }
                if ct.xpos == Xpos::Md {
                    let w = lower_word.trim_end_matches("'ll");
                    match w {
                        "will" | "shall" | "'ll" | "wo" | "" => future = true,
                        w => {
                            out.modality = MODALS.iter().copied().find(|m| *m == w || (w == "ca" && *m == "can"));
                        }
                    }
                }
                if lemma == "have" && ct.deprel == Deprel::Aux {
                    has_have = true;
                }
                if lemma == "be" && ct.deprel == Deprel::Aux && tok.xpos == Xpos::Vbg {
                    has_be_progressive = true;
                }
                if first_finite.is_none() {
                    first_finite = Some(ct.xpos);
                }
            }
            Deprel::Mark if lemma == "to" && c < i => has_to = true,
            Deprel::Advmod | Deprel::Det | Deprel::Cc if is_negation(lemma) => out.polarity = Polarity::Neg,
            _ => {}
        }
    }
    if !verbal && !copula {
        return out;
    }
    out.aspect = match (has_have, has_be_progressive) {
        (true, true) => Aspect::PerfectiveProgressive,
        (true, false) => Aspect::Perfective,
        (false, true) => Aspect::Progressive,
        _ => Aspect::None,
    };
    let head_form = first_finite.unwrap_or(tok.xpos);
    out.tense = if future {
        Tense::Future
    } else if out.modality.is_some() {
        Tense::None
    } else if has_to && first_finite.is_none_or(|x| x == Xpos::Vb) {
        Tense::Infinitive
    } else {
        match head_form {
            Xpos::Vbd => Tense::Past,
            Xpos::Vbz | Xpos::Vbp => Tense::Present,
            Xpos::Vbg if first_finite.is_none() => Tense::PresPart,
            Xpos::Vbn if first_finite.is_none() => Tense::PastPart,
            Xpos::Vb if first_finite.is_none() && has_to => Tense::Infinitive,
            _ => Tense::None,
        }
    };
    out
}
