//! An entry's label, written as a headline from the parse: who (in full), did what, to whom,
//! and where when it matters, in the sentence's own words ("Hungarian parliament ratified NATO
//! membership"; "Northrop Grumman and EADS beat Boeing for US Air Force tanker contract").
//!
//! The words are the sentence's, in its order; only names may be completed from earlier in
//! the article ("Gallois" is written "Louis Gallois" once the article has named him so). A
//! label never ends on a function word, and never is a bare "X said".

mod clause;
mod phrase;
mod who;

use crate::language::{Deprel, Sentence, Upos};
use clause::{complement, is_particle, noun_phrase, owner, verb_clause};
pub(crate) use phrase::{beside, is_title};
pub use phrase::{may_be_person, name_span, nominal, other_gender};
pub(crate) use who::referent;
use who::who;

/// Longest label, in words.
const MAX_WORDS: usize = 18;

/// Words a label may not end on.
pub const DANGLING: &[&str] = &[
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "by", "with", "from", "that", "its", "his", "her", "their",
    "and", "or", "but", "as", "is", "was", "were", "be", "which", "who", "this", "said",
];

/// The words of a label: ranges of token indexes, each written as the text has it.
#[derive(Debug, Default)]
pub struct Parts {
    words: Vec<usize>,
    /// A name written in full in place of the words of this range (first, last word).
    replace: Vec<(usize, usize, String)>,
}

/// The label of an event whose clause head is `h` (the event word, or the light verb that
/// carries an event noun: "held talks"), `e` being the event word itself. `skip` marks the
/// words of temporal expressions (never in a label); `units` are runs of words a label keeps
/// whole or not at all (a date that names what a noun is: "the Oct. 15 elections"); `full_name`
/// completes a name from earlier in the article.
pub fn headline(
    s: &Sentence,
    text: &str,
    (h, e): (usize, usize),
    skip: &dyn Fn(usize) -> bool,
    units: &[std::ops::Range<usize>],
    full_name: &dyn Fn(&str) -> Option<String>,
) -> Headline {
    let mut parts = Parts::default();
    let named = who(s, text, h, skip, full_name, &mut parts);
    // "due to travel", "set to meet": an adjective with an infinitive heads a clause
    let adjective_clause = s.tokens[h].upos == Upos::Adj && s.children(h).any(|c| s.tokens[c].deprel == Deprel::Xcomp);
    if matches!(s.tokens[h].upos, Upos::Verb | Upos::Aux) || h != e || adjective_clause {
        // a passive's doer, or a perfect's "has", only beside its subject: "the proposal,
        // presented by the State Department" is a thing described, not news
        let agent = !parts.words.is_empty();
        verb_clause(s, text, h, skip, agent, &mut parts.words);
        if h != e && !parts.words.contains(&e) {
            parts.words.extend(nominal(s, e, skip));
        }
        complement(s, text, h, skip, &mut parts.words);
    } else {
        noun_phrase(s, e, skip, &mut parts.words);
        owner(s, text, e, full_name, &mut parts);
    }
    for unit in units {
        if parts.words.iter().any(|w| unit.contains(w)) {
            parts.words.extend(unit.clone());
        }
    }
    let (text, first) = write(s, text, parts);
    Headline { text, named_subject: named || first.is_some_and(|k| s.tokens[k].upos == Upos::Propn) }
}

/// A label, and whether it names who did it.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub text: String,
    /// Its subject is a proper name ("Putin resigned"), not a pronoun or nothing.
    pub named_subject: bool,
}

/// The label's words in text order, as the text writes them, cut to [`MAX_WORDS`], with no
/// dangling function word at either end.
fn write(s: &Sentence, text: &str, mut parts: Parts) -> (String, Option<usize>) {
    parts.words.sort_unstable();
    parts.words.dedup();
    parts.words.retain(|&k| s.tokens[k].upos != Upos::Punct);
    // A word written with a hyphen or slash ("full-scale", "co-chair") is kept whole, however
    // the treebank's tokens split it and the parse attached its parts.
    let tight = |k: usize| k + 1 < s.len() && s.tokens[k].end == s.tokens[k + 1].start;
    let joiner = |k: usize| k < s.len() && s.tokens[k].upos == Upos::Punct && matches!(s.word(text, k), "-" | "/");
    let mut glued = Vec::new();
    for &w in &parts.words {
        let (mut lo, mut hi) = (w, w);
        while lo >= 2 && joiner(lo - 1) && tight(lo - 2) && tight(lo - 1) {
            lo -= 2;
        }
        while hi + 2 < s.len() && joiner(hi + 1) && tight(hi) && tight(hi + 1) {
            hi += 2;
        }
        glued.extend(lo..=hi);
    }
    parts.words.extend(glued);
    parts.words.sort_unstable();
    parts.words.dedup();
    // Not "the" or "a" at the start, unless it is a number's ("A million people"); no
    // dangling word at the end. A pronoun that stands for a name ("he" for "Volodymyr
    // Zelensky") is the name, and stays.
    // A function word that is part of a hyphenated word ("by-elections", "All-Star",
    // "Class-A") is not trimmed off it.
    let replaced = |k: usize| parts.replace.iter().any(|r| r.0 == k);
    while parts.words.first().is_some_and(|&k| {
        matches!(s.tokens[k].upos, Upos::Det | Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Pron | Upos::Part)
            && !(replaced(k) || joiner(k + 1) && tight(k) || phrase::article_of_number(s, k))
    }) {
        parts.words.remove(0);
    }
    parts.words.truncate(MAX_WORDS);
    while let Some(&k) = parts.words.last() {
        let w = s.word(text, k).to_lowercase();
        let in_word = k >= 2 && joiner(k - 1) && tight(k - 1) && parts.words.contains(&(k - 1));
        // A verb's particle ends a label well: "Cerpa and his comrades gunned down".
        let dangling = joiner(k)
            || !in_word
                && !is_particle(s, k)
                && (DANGLING.contains(&w.as_str())
                    || matches!(s.tokens[k].upos, Upos::Det | Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Part));
        if dangling && parts.words.len() > 1 {
            parts.words.pop();
        } else {
            break;
        }
    }
    let mut out = String::new();
    let mut prev: Option<usize> = None;
    let mut k = 0;
    while k < parts.words.len() {
        let w = parts.words[k];
        if let Some(&(first, last, ref full)) = parts.replace.iter().find(|r| r.0 == w) {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(full);
            while k < parts.words.len() && parts.words[k] <= last {
                k += 1;
            }
            prev = Some(last);
            let _ = first;
            continue;
        }
        let word = s.word(text, w);
        // Clitics and possessive marks join the word before them, as written.
        let joined = prev.is_some_and(|p| p + 1 == w && s.tokens[p].end == s.tokens[w].start);
        if !out.is_empty() && !joined {
            out.push(' ');
        }
        out.push_str(word);
        prev = Some(w);
        k += 1;
    }
    (capitalise(&out), parts.words.first().copied())
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Whether a label is a fragment: it ends on a function word.
pub fn is_fragment(label: &str) -> bool {
    label.split_whitespace().last().is_some_and(|w| DANGLING.contains(&w.to_lowercase().as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_end_on_function_words() {
        assert!(is_fragment("Said its gross margins declined in its"));
        assert!(!is_fragment("Hungarian parliament ratified NATO membership"));
        assert_eq!(capitalise("putin proposed talks"), "Putin proposed talks");
    }
}
