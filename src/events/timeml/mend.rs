//! Mending the parse where the date stage knows better. The parser, trained on web text, often
//! reads a trailing time as the head of the noun phrase before it: in "will present evidence
//! about the invasion next week" it makes "week" the noun that "invasion" modifies, and in
//! "is going to visit Moscow next month" it makes "Moscow" a compound of "month". The date
//! stage has found "next week" as a whole expression; what comes before it is another phrase.
//! The word before it takes the expression's place in the tree, and the expression goes to the
//! clause, as the treebank attaches a time of its own (`obl:unmarked`, or `obl` with a
//! preposition).

use super::anchor::Timex;
use crate::language::{Deprel, Sentence, Upos};

/// Relations by which a noun before a time may have been hung on it by mistake.
fn swallowed(d: Deprel) -> bool {
    matches!(d, Deprel::Compound | Deprel::Flat | Deprel::Nmod | Deprel::NmodUnmarked | Deprel::Appos)
}

/// Words that begin a time a clause takes as an adverb, with no preposition: "next week", "last
/// month", "this year", "Monday", "yesterday". A written date after a noun ("stock of record
/// Nov. 10") is as often a part of the noun phrase, and is left as parsed.
const ADVERBIAL_STARTS: &[&str] = &[
    "next",
    "last",
    "this",
    "past",
    "coming",
    "yesterday",
    "today",
    "tomorrow",
    "tonight",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

fn adverbial(s: &Sentence, t: &Timex) -> bool {
    ADVERBIAL_STARTS.contains(&s.lemma(t.words.start).to_lowercase().as_str())
}

/// The moves that give the phrase before temporal expression `t` back its place, if the parse
/// hung it on the expression: `(word, head, relation)` as [`Sentence::reattach`] takes them.
pub fn moves(s: &Sentence, t: &Timex) -> Vec<(usize, Option<usize>, Deprel)> {
    let h = t.head;
    let (first, tok) = (t.words.start, &s.tokens[h]);
    // Only an expression that is itself a noun phrase, attached to something as an argument
    // or a phrase of its own: not a modifier inside another ("a 30-hour Easter truce").
    let Some(g) = tok.head else { return Vec::new() };
    let phrase =
        matches!(tok.deprel, Deprel::Obj | Deprel::Nsubj | Deprel::NsubjPass | Deprel::Nmod | Deprel::NmodUnmarked)
            || tok.deprel.is_oblique();
    if t.set || !phrase || !matches!(tok.upos, Upos::Noun | Upos::Propn) || first == 0 || !adverbial(s, t) {
        return Vec::new();
    }
    // The noun right before the expression, if the expression's words govern it.
    let c = first - 1;
    let governed_by_expression = s.tokens[c].head.is_some_and(|x| t.words.contains(&x));
    if !governed_by_expression
        || !matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn)
        || !swallowed(s.tokens[c].deprel)
        || s.subtree_span(c).1 != c
    {
        return Vec::new();
    }
    // The clause the expression belongs to: the first verb above it.
    let Some(v) = s.ancestors(g).find(|&a| matches!(s.tokens[a].upos, Upos::Verb | Upos::Aux)) else {
        return Vec::new();
    };
    let mut out = vec![(c, Some(g), tok.deprel)];
    // What stood before the noun and hung on the expression ("about", "the") is the noun's.
    for w in t.words.clone() {
        out.extend(s.children(w).filter(|&k| k < c).map(|k| (k, Some(c), s.tokens[k].deprel)));
    }
    let relation = if s.children(h).any(|k| t.words.contains(&k) && s.tokens[k].deprel == Deprel::Case) {
        Deprel::Obl
    } else {
        Deprel::OblUnmarked
    };
    out.push((h, Some(v), relation));
    out
}

/// Mends the parse around every temporal expression of the sentence; says whether it changed.
/// Before the first change, the sentence as parsed is copied into `unmended`.
pub fn mend(s: &mut Sentence, timexes: &[Timex], unmended: &mut Sentence) -> bool {
    let mut changed = false;
    for t in timexes {
        let m = moves(s, t);
        if m.is_empty() {
            continue;
        }
        if !changed {
            unmended.clone_from(s);
        }
        changed |= s.reattach(&m);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::resolve_text;
    use crate::language::Analyzer;

    /// The parse of `text` after mending, and the head and relation of each word named.
    fn heads(text: &str, words: &[&str]) -> Vec<(String, String)> {
        let mut s = Sentence::default();
        Analyzer::new().analyze(text, 0..text.len(), &mut s);
        let mentions = resolve_text(text, "2024-05-25".parse().ok());
        let refs: Vec<_> = mentions.iter().collect();
        let mut timexes = Vec::new();
        super::super::anchor::place(&s, &refs, &mut timexes);
        mend(&mut s, &timexes, &mut Sentence::default());
        let find = |w: &str| (0..s.len()).find(|&i| s.word(text, i) == w).unwrap();
        words
            .iter()
            .map(|w| {
                let t = &s.tokens[find(w)];
                (t.head.map_or("ROOT", |h| s.word(text, h)).to_string(), format!("{:?}", t.deprel))
            })
            .collect()
    }

    #[test]
    fn a_trailing_time_goes_to_its_clause() {
        let got =
            heads("Prosecutors will present evidence about the invasion next week.", &["week", "invasion", "about"]);
        assert_eq!(got[0].0, "present");
        assert_eq!(got[1].0, "evidence");
        assert_eq!(got[2].0, "invasion");
    }

    #[test]
    fn a_time_that_modifies_a_noun_stays() {
        // "the Monday meeting", "a 30-hour Easter truce": the time modifies the noun after it
        let got = heads("The Monday meeting ended early.", &["Monday"]);
        assert_eq!(got[0].0, "meeting");
        let got = heads("Moscow announced a 30-hour Easter truce over the weekend.", &["Easter", "hour"]);
        assert_eq!((got[0].0.as_str(), got[1].0.as_str()), ("truce", "Easter"));
    }
}
