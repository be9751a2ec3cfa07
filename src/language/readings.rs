//! What the lexicons allow a word to be tagged as, whatever its spelling suggests to the
//! tagger ([`super::tagger::Lexical`]). A past form of [`super::verb_forms`] is a verb, or, a
//! participle, an adjective: the treebank lacks about half of them, and an unseen "sank" would
//! be read by its spelling. The closed classes (pronouns, determiners, adpositions,
//! auxiliaries, conjunctions, particles: `closed-classes.txt`) take only the words listed for
//! them: an unseen name or verb that looks like a little word ("Ibrahim", "Alexander",
//! "withdraw", "tore") was read as one.

use super::tags::Upos;
use super::verb_forms::past_form;
use super::words::lower_hash;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// What a word may be tagged as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Reading {
    /// What a past form must be.
    pub form: Form,
    /// The closed classes the word may take ([`closed_bit`] of each).
    pub closed: u8,
    /// A name by the article's evidence ([`super::truecase::names_misread`]): a noun or an
    /// adjective, whatever its ending ("Beijing", "Italy").
    pub name: bool,
}

impl Default for Reading {
    /// Whatever the tagger says.
    fn default() -> Self {
        Reading { form: Form::Any, closed: u8::MAX, name: false }
    }
}

/// What a past form of the verb lexicon must be tagged as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Form {
    /// Whatever the tagger says.
    #[default]
    Any,
    /// A past tense or participle (VBD, VBN): "sank", "swore".
    Past,
    /// A past tense, a participle or an adjective: "slain", "sworn", "wept".
    PastOrAdjective,
}

/// The bit of a closed class in [`Reading::closed`]; none for an open class (nouns, verbs,
/// adjectives, adverbs, names, numbers, interjections, symbols, punctuation, other).
pub fn closed_bit(upos: Upos) -> u8 {
    match upos {
        Upos::Pron => 1,
        Upos::Det => 2,
        Upos::Adp => 4,
        Upos::Aux => 8,
        Upos::Cconj => 16,
        Upos::Sconj => 32,
        Upos::Part => 64,
        _ => 0,
    }
}

/// The closed-class lexicon: the lower-case hash of each form ([`lower_hash`]) to the bits of
/// the classes it is listed under.
fn closed() -> &'static FxHashMap<u64, u8> {
    static TABLE: OnceLock<FxHashMap<u64, u8>> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("closed-classes.txt")))
}

fn parse(text: &str) -> FxHashMap<u64, u8> {
    let mut table = FxHashMap::default();
    let mut bit = 0;
    for line in text.lines().map(|l| l.split('#').next().unwrap_or("").trim()) {
        if let Some(class) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            bit = closed_bit(Upos::parse(class));
            assert!(bit != 0, "closed-classes.txt: {class} is not a closed class");
            continue;
        }
        for form in line.split_whitespace() {
            *table.entry(lower_hash(form)).or_insert(0) |= bit;
        }
    }
    table
}

/// What the tagger may read a word (its lower-case hash, [`super::words::WordView::lower`])
/// as: a past form of the lexicon that is never a common noun is a verb (or an adjective),
/// and a word takes only the closed classes it is listed under.
pub fn reading(lower: u64) -> Reading {
    let form = match past_form(lower) {
        Some(f) if !f.noun_too && f.participle => Form::PastOrAdjective,
        Some(f) if !f.noun_too => Form::Past,
        _ => Form::Any,
    };
    Reading { form, closed: closed().get(&lower).copied().unwrap_or(0), name: false }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn past_forms_are_verbs() {
        assert_eq!(reading(lower_hash("slew")).form, Form::Past);
        assert_eq!(reading(lower_hash("slain")).form, Form::PastOrAdjective);
        assert_eq!(reading(lower_hash("fled")).form, Form::PastOrAdjective, "a participle too");
        assert_eq!(reading(lower_hash("shot")).form, Form::Any, "a shot is a noun too");
    }

    #[test]
    fn only_listed_words_take_a_closed_class() {
        let pron = closed_bit(Upos::Pron);
        for w in ["he", "Him", "its", "themselves", "there", "whom", "nobody", "'s", "’s"] {
            assert!(reading(lower_hash(w)).closed & pron != 0, "{w}");
        }
        for w in ["Ibrahim", "Alexander", "withdraw", "tore", "noting", "Summit"] {
            assert_eq!(reading(lower_hash(w)).closed, 0, "{w}");
        }
        let that = reading(lower_hash("That")).closed;
        for class in [Upos::Pron, Upos::Det, Upos::Sconj] {
            assert!(that & closed_bit(class) != 0, "{class:?}");
        }
        assert_eq!(that & closed_bit(Upos::Aux), 0);
        assert!(closed().len() > 250);
    }
}
