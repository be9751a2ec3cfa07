//! Name particles: the lower-case words inside a proper name ("Dar es Salaam", "Eduardo dos
//! Santos", "Osama bin Laden"), tagged as proper nouns before the parse. The list is data,
//! `name-particles.txt`.

use super::tags::{Upos, Xpos};
use std::ops::Range;
use std::sync::OnceLock;

fn particles() -> &'static Vec<&'static str> {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| super::lists::words(include_str!("name-particles.txt")).collect())
}

/// The longest particle's length in bytes ("della"): a longer word is none.
const LONGEST: usize = 5;

fn capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// Retags, as a proper noun (`PROPN`, `NNP`), each name particle written in lower case between
/// a word tagged as a proper noun and a capitalised word. `tags` holds each word's (UPOS,
/// XPOS) as the tagger gave them.
pub fn retag(text: &str, words: &[Range<usize>], tags: &mut [(Upos, Xpos)]) {
    for i in 1..words.len().saturating_sub(1) {
        // the cheap tests first: a proper noun before, a capital after, a short word
        if tags[i - 1].0 != Upos::Propn || words[i].len() > LONGEST || !capitalised(&text[words[i + 1].clone()]) {
            continue;
        }
        let word = &text[words[i].clone()];
        if !capitalised(word) && particles().contains(&word) {
            tags[i] = (Upos::Propn, Xpos::Nnp);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
            match (c == ' ', start) {
                (true, Some(s)) => {
                    out.push(s..i);
                    start = None;
                }
                (false, None) => start = Some(i),
                _ => {}
            }
        }
        out
    }

    #[test]
    fn a_particle_between_names_is_a_proper_noun() {
        let text = "landed in Dar es Salaam and saw the cat es";
        let w = words(text);
        let mut tags: Vec<(Upos, Xpos)> = w
            .iter()
            .map(|r| if capitalised(&text[r.clone()]) { (Upos::Propn, Xpos::Nnp) } else { (Upos::Verb, Xpos::Vbz) })
            .collect();
        retag(text, &w, &mut tags);
        assert_eq!(tags[3], (Upos::Propn, Xpos::Nnp)); // "es" of Dar es Salaam
        assert_eq!(tags[9], (Upos::Verb, Xpos::Vbz)); // a last word is never between names
        assert_eq!(tags[1], (Upos::Verb, Xpos::Vbz)); // "in" is no particle
    }

    #[test]
    fn the_list_holds_lower_case_particles_and_no_english_word() {
        assert!(particles().len() > 20 && particles().contains(&"dos") && particles().contains(&"bin"));
        assert!(particles().iter().all(|p| !capitalised(p) && p.len() <= LONGEST));
        assert!(!particles().iter().any(|p| ["of", "and", "the", "for", "on"].contains(p)));
    }
}
