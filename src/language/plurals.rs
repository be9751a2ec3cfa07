//! Counted plurals: a plural noun after a number that the tagger read as a verb's third person
//! ("the court heard two Kurdish witnesses on Monday", "80,000 Rwandan Hutu refugees around the
//! camp"). EWT, written by web users, has few counts of people before a clause goes on; news has
//! many, and a count read as a verb leaves the parse a clause with no subject and the sentence
//! two verbs. Retagged before the parse, as a plural noun, only where nothing else can be meant:
//! the word ends in "s" and is no auxiliary, a number other than "one" stands before it with
//! nothing but adjectives, names and nouns between, what follows cannot begin its object (a
//! preposition, a relative pronoun, a conjunction, an adverb, punctuation or a verb) and the
//! sentence has a finite verb besides it.

use super::tags::{Upos, Xpos};
use std::ops::Range;

/// Third persons the tagger is right to read after a number ("April 12 is a date", "the 1983
/// state has ..."): never counted plurals.
const AUXILIARIES: &[&str] = &["is", "has", "does", "was", "'s"];

/// Words that may stand between a number and the noun it counts.
fn modifier(x: Xpos) -> bool {
    matches!(x, Xpos::Jj | Xpos::Jjr | Xpos::Jjs | Xpos::Nn | Xpos::Nnp | Xpos::Hyph)
}

/// Tags after a noun that no verb's object can begin with.
fn no_object(x: Xpos) -> bool {
    matches!(
        x,
        Xpos::In
            | Xpos::Wdt
            | Xpos::Wp
            | Xpos::Cc
            | Xpos::Rb
            | Xpos::To
            | Xpos::Md
            | Xpos::Vbd
            | Xpos::Vbp
            | Xpos::Comma
            | Xpos::Period
            | Xpos::Colon
            | Xpos::Rrb
            | Xpos::OpenQuote
            | Xpos::CloseQuote
    )
}

fn finite(x: Xpos) -> bool {
    matches!(x, Xpos::Vbd | Xpos::Vbp | Xpos::Vbz | Xpos::Md)
}

/// Retags each counted plural the tagger read as `VBZ` as a plural noun (`NOUN`, `NNS`).
/// `tags` holds each word's (UPOS, XPOS) as the tagger gave them. One pass: the word before the
/// current run of modifiers is carried along, and the finite verbs are counted once.
pub fn retag(text: &str, words: &[Range<usize>], tags: &mut [(Upos, Xpos)]) {
    let mut finite_verbs = None;
    // the last word before the run of modifiers that ends at the current word
    let mut before_run: Option<usize> = None;
    for i in 0..words.len() {
        if modifier(tags[i].1) {
            continue;
        }
        let counted = before_run.filter(|&n| tags[n].1 == Xpos::Cd && i > 0);
        before_run = Some(i);
        // the cheap tests first: a third person in "s" after a number and its modifiers
        let Some(n) = counted.filter(|_| tags[i].1 == Xpos::Vbz) else { continue };
        let word = &text[words[i].clone()];
        if !word.ends_with('s')
            || AUXILIARIES.iter().any(|a| a.eq_ignore_ascii_case(word))
            || text[words[n].clone()].eq_ignore_ascii_case("one")
        {
            continue;
        }
        let next = tags.get(i + 1).map_or(Xpos::Period, |t| t.1);
        // another finite verb than this one (a word retagged before is none any more)
        let verbs = finite_verbs.get_or_insert_with(|| tags.iter().filter(|t| finite(t.1)).count());
        if no_object(next) && *verbs > 1 {
            tags[i] = (Upos::Noun, Xpos::Nns);
            *verbs -= 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Words split at spaces, each tagged as given ("word/TAG").
    fn tagged(s: &str) -> (String, Vec<Range<usize>>, Vec<(Upos, Xpos)>) {
        let mut text = String::new();
        let (mut words, mut tags) = (Vec::new(), Vec::new());
        for item in s.split(' ') {
            let (w, t) = item.rsplit_once('/').expect("word/TAG");
            if !text.is_empty() {
                text.push(' ');
            }
            words.push(text.len()..text.len() + w.len());
            text.push_str(w);
            let x = Xpos::parse(t);
            tags.push((if x.is_verb() { Upos::Verb } else { Upos::Noun }, x));
        }
        (text, words, tags)
    }

    fn retagged(s: &str) -> Vec<Xpos> {
        let (text, words, mut tags) = tagged(s);
        retag(&text, &words, &mut tags);
        tags.into_iter().map(|t| t.1).collect()
    }

    #[test]
    fn a_count_before_a_preposition_is_a_plural_noun() {
        let t = retagged("the/DT court/NN heard/VBD two/CD Kurdish/NNP witnesses/VBZ on/IN Monday/NNP ./.");
        assert_eq!(t[5], Xpos::Nns);
        let t = retagged("he/PRP flew/VBD 1,800/CD Angolan/JJ refugees/VBZ who/WP had/VBD fled/VBN");
        assert_eq!(t[4], Xpos::Nns);
    }

    #[test]
    fn a_verb_after_a_number_stays_a_verb() {
        // an object follows
        assert_eq!(retagged("The/DT Boeing/NNP 787/CD provides/VBZ breakthrough/NN technology/NN")[3], Xpos::Vbz);
        // an auxiliary
        assert_eq!(retagged("April/NNP 12/CD is/VBZ a/DT date/NN")[2], Xpos::Vbz);
        // "one" is as often a pronoun: "no one knows about it"
        assert_eq!(retagged("no/DT one/CD knows/VBZ about/IN it/PRP ,/, he/PRP said/VBD")[2], Xpos::Vbz);
        // the sentence's only finite verb, and the last of two counts read as verbs
        assert_eq!(retagged("Five/CD -/HYPH day/NN public/JJ holiday/NN begins/VBZ as/IN part/NN")[5], Xpos::Vbz);
        let t = retagged("two/CD witnesses/VBZ ,/, three/CD suspects/VBZ ./.");
        assert_eq!((t[1], t[4]), (Xpos::Nns, Xpos::Vbz));
    }
}
