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

/// Whether word `i` is a past participle with no auxiliary, copula or modal before it ("the
/// boat capsized and sank" as the tagger may read it, "the troops sent to Kosovo"): TimeML's
/// tense calls it a past, but nothing in its verb group says it is done.
pub fn bare_participle(s: &Sentence, i: usize) -> bool {
    s.tokens[i].xpos == Xpos::Vbn
        && !s.children(i).any(|c| c < i && matches!(s.tokens[c].deprel, Deprel::Aux | Deprel::AuxPass | Deprel::Cop))
}

/// Whether a word ends in "'ll", any case ("I'll", "THEY'LL").
fn ends_with_ll(word: &str) -> bool {
    word.len() >= 3 && word.is_char_boundary(word.len() - 3) && word[word.len() - 3..].eq_ignore_ascii_case("'ll")
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
        let word = s.word(text, c);
        match ct.deprel {
            Deprel::Aux | Deprel::AuxPass | Deprel::Cop if c < i => {
                if ct.deprel == Deprel::Cop {
                    copula = true;
                }
                if ct.xpos == Xpos::Md {
                    let w = if ends_with_ll(word) { &word[..word.len() - 3] } else { word };
                    let is = |m: &str| w.eq_ignore_ascii_case(m);
                    if ["will", "shall", "'ll", "wo", ""].into_iter().any(is) {
                        future = true;
                    } else {
                        out.modality = MODALS.iter().copied().find(|m| is(m) || (is("ca") && *m == "can"));
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
            // A participle with no auxiliary is a past tense where it heads a clause of its
            // own or modifies a noun ("the boat capsized and sank", "the troops sent to Kosovo"),
            // as TimeBank and AQUAINT annotate it; opening an adverbial clause it stays a
            // participle ("Rescued by fishermen, the boy ...").
            Xpos::Vbn if first_finite.is_none() && tok.deprel == Deprel::Advcl => Tense::PastPart,
            Xpos::Vbn if first_finite.is_none() => Tense::Past,
            Xpos::Vb if first_finite.is_none() && has_to => Tense::Infinitive,
            _ => Tense::None,
        }
    };
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::Analyzer;

    /// The attributes of `word` in `text`.
    fn of(text: &str, word: &str) -> Attributes {
        let mut s = Sentence::default();
        Analyzer::new().analyze(text, 0..text.len(), &mut s);
        let i = (0..s.len()).find(|&i| s.word(text, i) == word).expect("the word is there");
        attributes(&s, text, i)
    }

    #[test]
    fn modals_of_any_length_and_case() {
        let a = of("They won't go.", "go");
        assert_eq!((a.tense, a.polarity, a.modality), (Tense::Future, Polarity::Neg, None));
        assert_eq!(of("I can't say.", "say").modality, Some("can"));
        assert_eq!(of("THEY'LL win.", "win").tense, Tense::Future);
        assert_eq!(of("He MAY win.", "win").modality, Some("may"));
    }

    #[test]
    fn a_participle_alone_is_past_unless_it_opens_an_adverbial_clause() {
        assert_eq!(of("The troops sent to Kosovo returned.", "sent").tense, Tense::Past);
        assert_eq!(of("Rescued by fishermen, the boy was taken to Miami.", "Rescued").tense, Tense::PastPart);
        assert_eq!(of("The boy was taken to Miami.", "taken").tense, Tense::Past);
    }
}
