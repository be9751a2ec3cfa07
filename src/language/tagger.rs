//! Part-of-speech tagging: a greedy left-to-right averaged perceptron over a window of words
//! and the two tags before. Each class is a (UPOS, XPOS) pair seen in training, so the two tags
//! always agree.

use super::perceptron::{feature, Weights};
use super::readings::{closed_bit, Form, Reading};
use super::tags::{Upos, Xpos};
use super::words::WordView;

/// Tag of a position before the sentence start.
const START: u64 = 0xFFFF;

/// The feature templates, one id each (ids are part of the model: never renumber).
mod t {
    pub const BIAS: u64 = 1;
    pub const FORM: u64 = 2;
    pub const LOWER: u64 = 3;
    pub const SUFFIX: u64 = 4; // + 0..4
    pub const PREFIX: u64 = 8; // + 0..3
    pub const SHAPE: u64 = 11;
    pub const FLAGS: u64 = 12;
    pub const PREV_TAG: u64 = 13;
    pub const PREV_TAGS: u64 = 14;
    pub const PREV_TAG_WORD: u64 = 15;
    pub const PREV_WORD: u64 = 16;
    pub const PREV_SUFFIX: u64 = 17;
    pub const PREV2_WORD: u64 = 18;
    pub const NEXT_WORD: u64 = 19;
    pub const NEXT_SUFFIX: u64 = 20;
    pub const NEXT2_WORD: u64 = 21;
    pub const PREV_WORD_WORD: u64 = 22;
    pub const WORD_NEXT_WORD: u64 = 23;
    pub const PREV_TAG_NEXT_WORD: u64 = 24;
    pub const NEXT_SHAPE: u64 = 25;
    pub const FIRST_FLAGS: u64 = 26;
    pub const PREV_SHAPE: u64 = 27;
    pub const NEXT_FLAGS: u64 = 28;
    pub const PREV_TAG_SUFFIX: u64 = 29;
    pub const NEXT2_SUFFIX: u64 = 30;
    pub const PREV_WORD_SUFFIX: u64 = 31;
    pub const NEXT_WORDS: u64 = 32;
    pub const PREV2_TAG_WORD: u64 = 33;
    // Second pass: the first pass's tags to the right, and its own.
    pub const FIRST_OWN: u64 = 40;
    pub const FIRST_NEXT: u64 = 41;
    pub const FIRST_NEXT2: u64 = 42;
    pub const FIRST_NEXT_WORD: u64 = 43;
    pub const FIRST_NEXT_NEXT2: u64 = 44;
    pub const PREV_FIRST_NEXT: u64 = 45;
    pub const FIRST_OWN_WORD: u64 = 46;
}

/// The features of position `i`, given the tags chosen for the two before (class indexes).
pub fn features(words: &[WordView], i: usize, prev: Option<usize>, prev2: Option<usize>, out: &mut Vec<u64>) {
    out.clear();
    let w = &words[i];
    let p1 = prev.map_or(START, |c| c as u64);
    let p2 = prev2.map_or(START, |c| c as u64);
    let none = WordView::default();
    let at = |k: isize| -> &WordView {
        let j = i as isize + k;
        if j < 0 || j as usize >= words.len() {
            &none
        } else {
            &words[j as usize]
        }
    };
    let (b1, b2, a1, a2) = (at(-1), at(-2), at(1), at(2));
    out.push(feature(t::BIAS, 0, 0, 0));
    out.push(feature(t::FORM, w.form, 0, 0));
    out.push(feature(t::LOWER, w.lower, 0, 0));
    for k in 0..4 {
        out.push(feature(t::SUFFIX + k as u64, w.suffix[k], 0, 0));
    }
    for k in 0..3 {
        out.push(feature(t::PREFIX + k as u64, w.prefix[k], 0, 0));
    }
    out.push(feature(t::SHAPE, w.shape, 0, 0));
    out.push(feature(t::FLAGS, w.flags, 0, 0));
    out.push(feature(t::PREV_TAG, p1, 0, 0));
    out.push(feature(t::PREV_TAGS, p1, p2, 0));
    out.push(feature(t::PREV_TAG_WORD, p1, w.lower, 0));
    out.push(feature(t::PREV_WORD, b1.lower, 0, 0));
    out.push(feature(t::PREV_SUFFIX, b1.suffix[2], 0, 0));
    out.push(feature(t::PREV2_WORD, b2.lower, 0, 0));
    out.push(feature(t::NEXT_WORD, a1.lower, 0, 0));
    out.push(feature(t::NEXT_SUFFIX, a1.suffix[2], 0, 0));
    out.push(feature(t::NEXT2_WORD, a2.lower, 0, 0));
    out.push(feature(t::PREV_WORD_WORD, b1.lower, w.lower, 0));
    out.push(feature(t::WORD_NEXT_WORD, w.lower, a1.lower, 0));
    out.push(feature(t::PREV_TAG_NEXT_WORD, p1, a1.lower, 0));
    out.push(feature(t::NEXT_SHAPE, a1.shape, 0, 0));
    out.push(feature(t::FIRST_FLAGS, (i == 0) as u64, w.flags, 0));
    out.push(feature(t::PREV_SHAPE, b1.shape, 0, 0));
    out.push(feature(t::NEXT_FLAGS, a1.flags, 0, 0));
    out.push(feature(t::PREV_TAG_SUFFIX, p1, w.suffix[2], 0));
    out.push(feature(t::NEXT2_SUFFIX, a2.suffix[2], 0, 0));
    out.push(feature(t::PREV_WORD_SUFFIX, b1.lower, w.suffix[2], 0));
    out.push(feature(t::NEXT_WORDS, a1.lower, a2.lower, 0));
    out.push(feature(t::PREV2_TAG_WORD, p2, w.lower, 0));
}

/// The second pass's features of position `i`: the first pass's, and the tags the first pass
/// gave this word and the two after it (`first`), so the tag can depend on what follows.
pub fn features_second(
    words: &[WordView],
    i: usize,
    prev: Option<usize>,
    prev2: Option<usize>,
    first: &[usize],
    out: &mut Vec<u64>,
) {
    features(words, i, prev, prev2, out);
    let at = |k: usize| first.get(k).map_or(START, |&c| c as u64);
    let (own, n1, n2) = (at(i), at(i + 1), at(i + 2));
    let p1 = prev.map_or(START, |c| c as u64);
    out.push(feature(t::FIRST_OWN, own, 0, 0));
    out.push(feature(t::FIRST_NEXT, n1, 0, 0));
    out.push(feature(t::FIRST_NEXT2, n2, 0, 0));
    out.push(feature(t::FIRST_NEXT_WORD, n1, words[i].lower, 0));
    out.push(feature(t::FIRST_NEXT_NEXT2, n1, n2, 0));
    out.push(feature(t::PREV_FIRST_NEXT, p1, n1, 0));
    out.push(feature(t::FIRST_OWN_WORD, own, words[i].lower, 0));
}

/// Buffers for tagging, kept between sentences.
#[derive(Default)]
pub struct TagBuffers {
    feats: Vec<u64>,
    scores: Vec<f32>,
    first: Vec<usize>,
}

/// Which of a model's tagger classes are past tenses or participles (VBD, VBN), which
/// adjectives, and which closed class each is of: what [`Lexical`] chooses among. Worked out
/// once a model.
#[derive(Debug, Clone, Default)]
pub struct ClassFlags {
    past: Vec<bool>,
    adjective: Vec<bool>,
    /// The bit of the class's closed class ([`closed_bit`]); 0 for an open one.
    closed: Vec<u8>,
    /// Whether the class is a verb's or an adverb's, which a name is not.
    verb_or_adverb: Vec<bool>,
    /// Whether the class is one a name takes: a proper or common noun's, or an adjective's
    /// ("Chinese").
    nominal: Vec<bool>,
}

impl ClassFlags {
    /// The flags of a model's classes, each a (UPOS, XPOS) pair.
    pub fn of(tags: &[(Upos, Xpos)]) -> Self {
        ClassFlags {
            past: tags.iter().map(|&(_, x)| matches!(x, Xpos::Vbd | Xpos::Vbn)).collect(),
            adjective: tags.iter().map(|&(u, _)| u == Upos::Adj).collect(),
            closed: tags.iter().map(|&(u, _)| closed_bit(u)).collect(),
            verb_or_adverb: tags.iter().map(|&(u, _)| matches!(u, Upos::Verb | Upos::Adv)).collect(),
            nominal: tags.iter().map(|&(u, _)| matches!(u, Upos::Propn | Upos::Noun | Upos::Adj)).collect(),
        }
    }

    /// Whether class `c` is a verb's or an adverb's.
    pub fn verb_or_adverb(&self, c: usize) -> bool {
        self.verb_or_adverb.get(c).copied().unwrap_or(false)
    }

    /// The constraint for a sentence whose words may be read as `words` says.
    pub fn for_words<'a>(&'a self, words: &'a [Reading]) -> Lexical<'a> {
        Lexical { words, classes: self }
    }
}

/// What the lexicons allow each word of a sentence ([`super::readings`]): a word takes the
/// best class among the closed ones it is listed under and the open ones (a name only a
/// noun's or an adjective's); a past form takes
/// the best past-tense or participle class (or adjective, where it allows one) when the
/// tagger's best is another.
pub struct Lexical<'a> {
    /// One a word of the sentence.
    words: &'a [Reading],
    classes: &'a ClassFlags,
}

impl Lexical<'_> {
    /// The class of word `i` from its scores.
    fn choose(&self, i: usize, scores: &[f32]) -> usize {
        let is = |flags: &[bool], c: usize| flags.get(c).copied().unwrap_or(false);
        let reading = self.words.get(i).copied().unwrap_or_default();
        let closed = &self.classes.closed;
        let allowed = |c: usize| {
            closed.get(c).copied().unwrap_or(0) & !reading.closed == 0
                && (!reading.name || is(&self.classes.nominal, c))
        };
        // the best class `take` takes (the first on ties, as argmax)
        let best_of = |take: &dyn Fn(usize) -> bool| {
            let mut pick: Option<usize> = None;
            for c in (0..scores.len()).filter(|&c| take(c)) {
                if pick.is_none_or(|p| scores[c] > scores[p]) {
                    pick = Some(c);
                }
            }
            pick
        };
        let mut best = argmax(scores);
        if !allowed(best) {
            best = best_of(&allowed).unwrap_or(best);
        }
        let (past, adjective) = (&self.classes.past, &self.classes.adjective);
        match reading.form {
            Form::Any => best,
            _ if is(past, best) => best,
            Form::PastOrAdjective if is(adjective, best) => best,
            _ => best_of(&|c| is(past, c)).unwrap_or(best),
        }
    }
}

/// The class of word `i` from its scores, under `lexical` if given.
fn choose(lexical: Option<&Lexical<'_>>, i: usize, scores: &[f32]) -> usize {
    lexical.map_or_else(|| argmax(scores), |n| n.choose(i, scores))
}

/// Tags a sentence in two passes: left to right with `first`, then again with `second`, which
/// also sees the first pass's tags of the words to the right.
pub fn tag_twice(
    first: &Weights,
    second: &Weights,
    words: &[WordView],
    lexical: Option<&Lexical<'_>>,
    buf: &mut TagBuffers,
    out: &mut Vec<usize>,
) {
    let mut first_tags = std::mem::take(&mut buf.first);
    tag(first, words, lexical, buf, &mut first_tags);
    out.clear();
    for i in 0..words.len() {
        let prev = i.checked_sub(1).map(|j| out[j]);
        let prev2 = i.checked_sub(2).map(|j| out[j]);
        features_second(words, i, prev, prev2, &first_tags, &mut buf.feats);
        second.score(&buf.feats, &mut buf.scores);
        out.push(choose(lexical, i, &buf.scores));
    }
    buf.first = first_tags;
}

/// Tags a sentence greedily: `out` gets one class index a word.
pub fn tag(
    weights: &Weights,
    words: &[WordView],
    lexical: Option<&Lexical<'_>>,
    buf: &mut TagBuffers,
    out: &mut Vec<usize>,
) {
    out.clear();
    for i in 0..words.len() {
        let prev = i.checked_sub(1).map(|j| out[j]);
        let prev2 = i.checked_sub(2).map(|j| out[j]);
        features(words, i, prev, prev2, &mut buf.feats);
        weights.score(&buf.feats, &mut buf.scores);
        out.push(choose(lexical, i, &buf.scores));
    }
}

/// The index of the highest score (the first on ties, so results are deterministic).
pub fn argmax(scores: &[f32]) -> usize {
    let mut best = 0;
    for (i, &s) in scores.iter().enumerate() {
        if s > scores[best] {
            best = i;
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_takes_the_best_noun_or_adjective_class() {
        let tags = [(Upos::Verb, Xpos::Vbd), (Upos::Adv, Xpos::Rb), (Upos::Sym, Xpos::Sym), (Upos::Propn, Xpos::Nnp)];
        let flags = ClassFlags::of(&tags);
        let scores = [4.0, 3.0, 2.0, 1.0];
        let any = [Reading::default()];
        assert_eq!(flags.for_words(&any).choose(0, &scores), 0, "the tagger's best");
        let name = [Reading { name: true, ..Reading::default() }];
        assert_eq!(flags.for_words(&name).choose(0, &scores), 3, "not a verb, an adverb or a symbol");
    }
}
