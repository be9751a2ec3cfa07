//! A past tense the tagger took for a participle and the parser hung on a noun as its
//! modifier, though it gave the verb a subject of its own: "The United Nations imposed
//! sanctions on Iraq after it invaded Kuwait" parsed as "imposed sanctions" (a kind of
//! sanctions) that "invaded Kuwait"; "a German court implicated Iranian leaders" as leaders a
//! court implicated, after which the call came. A participle that modifies a noun has no
//! subject ("the imposed sanctions"); one with a subject before it is the verb of a clause, and
//! takes the noun's place in the tree.

use super::Move;
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// Words that open a clause in time or cause where the parse made them a noun's preposition
/// ("after a German court implicated Iranian leaders").
const SUBORDINATORS: &[&str] = &["after", "before", "since", "until", "as", "while", "when", "because", "once"];

/// The first participle or past tense of the sentence hung on a noun as its modifier while
/// having a subject before it and no auxiliary, with the moves that make it the verb of its
/// clause; `None` where the noun's place in the tree gives no clause to put it in.
pub(super) fn participle_with_subject(s: &Sentence) -> Option<(Vec<Move>, usize)> {
    (0..s.len()).find_map(|v| {
        let tok = &s.tokens[v];
        // cheap tests first: most words are no verb hung on a noun
        let modifier = tok.upos == Upos::Verb
            && matches!(tok.xpos, Xpos::Vbn | Xpos::Vbd)
            && matches!(tok.deprel, Deprel::Amod | Deprel::Acl);
        let m = tok.head.filter(|&m| modifier && matches!(s.tokens[m].upos, Upos::Noun | Upos::Propn))?;
        let n = s.children(v).find(|&c| s.tokens[c].deprel == Deprel::Nsubj && c < v)?;
        let helped = s.children(v).any(|c| matches!(s.tokens[c].deprel, Deprel::Aux | Deprel::AuxPass | Deprel::Cop));
        if helped {
            return None;
        }
        let moves = if m > v { before_noun(s, v, n, m) } else { after_root(s, v, n, m) };
        (!moves.is_empty()).then_some((moves, v))
    })
}

/// Verb `v` with subject `n` before noun `m` it was hung on ("imposed sanctions"): the noun
/// becomes its object and the verb takes the noun's place. Where the noun was the subject of
/// another clause, that clause hangs on the verb ("after it invaded Kuwait"; "methods to put an
/// end": on the noun); where it was an oblique opened by a word of time or cause, the verb is
/// an adverbial clause there; where it was the root, the verb is.
fn before_noun(s: &Sentence, v: usize, n: usize, m: usize) -> Vec<Move> {
    let lo = s.subtree_span(n).0;
    let mut out = vec![(m, Some(v), Deprel::Obj)];
    let mark = |c: usize| s.tokens[c].deprel == Deprel::Mark;
    match s.tokens[m].deprel {
        Deprel::Root => out.push((v, None, Deprel::Root)),
        Deprel::Nsubj | Deprel::NsubjPass => {
            let Some(h) = s.tokens[m].head else { return Vec::new() };
            let other_subject = s.children(h).any(|c| c != m && s.tokens[c].deprel.is_subject());
            let infinitive = s.children(h).any(|c| mark(c) && s.tokens[c].xpos == Xpos::To);
            let opened = s.children(h).any(|c| mark(c) && s.tokens[c].upos == Upos::Sconj);
            if infinitive && !other_subject {
                out.push((h, Some(m), Deprel::Acl));
            } else if opened || other_subject {
                out.push((h, Some(v), Deprel::Advcl));
            } else {
                return Vec::new();
            }
            out.push((v, s.tokens[h].head, s.tokens[h].deprel));
            // what the other clause governed before the verb's subject is the verb's
            out.extend(s.children(h).filter(|&c| c < lo).map(|c| (c, Some(v), s.tokens[c].deprel)));
        }
        d if d.is_oblique() || d.is_nmod() => {
            let opener = s.children(m).find(|&c| {
                c < lo
                    && s.tokens[c].deprel == Deprel::Case
                    && SUBORDINATORS.contains(&s.lemma(c).to_lowercase().as_str())
            });
            let Some(c) = opener else { return Vec::new() };
            out.push((v, s.tokens[m].head, Deprel::Advcl));
            out.push((c, Some(v), Deprel::Mark));
        }
        _ => return Vec::new(),
    }
    // the noun's words before the subject: a determiner is the subject's ("The United
    // Nations"), anything else the verb's
    for c in s.children(m).filter(|&c| c < lo) {
        match s.tokens[c].deprel {
            Deprel::Det => out.push((c, Some(n), Deprel::Det)),
            Deprel::Case => {}
            d => out.push((c, Some(v), d)),
        }
    }
    // and its punctuation after the verb's clause
    out.extend(
        s.children(m).filter(|&c| c > m && s.tokens[c].deprel == Deprel::Punct).map(|c| (c, Some(v), Deprel::Punct)),
    );
    out
}

/// Verb `v` with subject `n` hung on the root noun `m` before them ("Hanbo, the country's 14th
/// largest conglomerate, collapsed"; "European Union foreign ministers made"): the verb is the
/// root; the noun, set off by a comma, its subject with the phrase after it in apposition, or
/// else a part of the subject's name.
fn after_root(s: &Sentence, v: usize, n: usize, m: usize) -> Vec<Move> {
    if s.tokens[m].deprel != Deprel::Root {
        return Vec::new();
    }
    let lo = s.subtree_span(n).0;
    let comma = (m + 1..lo).any(|k| s.tokens[k].xpos == Xpos::Comma);
    let mut out = vec![(v, None, Deprel::Root)];
    if comma {
        out.extend([(m, Some(v), Deprel::Nsubj), (n, Some(m), Deprel::Appos)]);
    } else if lo == m + 1 {
        out.push((m, Some(n), Deprel::Compound));
    } else {
        return Vec::new();
    }
    // what the root governed after the verb's clause is the verb's
    out.extend(s.children(m).filter(|&c| c > v).map(|c| (c, Some(v), s.tokens[c].deprel)));
    out
}
