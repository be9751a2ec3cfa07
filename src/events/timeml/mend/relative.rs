//! A relative clause the parse hung on the wrong word: on another verb, where it is said of the
//! noun before it ("Kenya, which helped form the Somali government in 2004, asked"), or made
//! the root of the sentence whose subject it describes ("Vladimir Putin, who was elected for
//! another term in March, wants"). The clause goes back to its noun.

use super::Move;
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// The relative pronoun `t` that is a clause's subject, and the head of the name or noun phrase
/// right before it: the antecedent. After a comma, "which" or "who" (", which helped form");
/// with none, "that", "which" or "who" ("the revolution that overthrew the dynasty"), where a
/// number or a month or day right before it is passed for the noun it is said of ("the
/// revolution of 1911 that", "attacks since late September which"). Not "who" after a place
/// ("a farmer surnamed Zhou in Zongyang County, who died" is about the farmer).
pub(super) fn relative_after_noun(s: &Sentence, t: usize) -> Option<usize> {
    if t < 2 {
        return None;
    }
    let tok = &s.tokens[t];
    let lemma = s.lemma(t).to_ascii_lowercase();
    let comma = s.tokens[t - 1].xpos == Xpos::Comma;
    let pronoun = match comma {
        true => matches!(lemma.as_str(), "which" | "who"),
        false => matches!(lemma.as_str(), "which" | "who" | "that"),
    };
    let relative =
        matches!(tok.xpos, Xpos::Wdt | Xpos::Wp) && matches!(tok.deprel, Deprel::Nsubj | Deprel::NsubjPass) && pronoun;
    let mut n = if comma { t - 2 } else { t - 1 };
    if !comma && (s.tokens[n].upos == Upos::Num || calendar_word(s, n)) {
        n = s.tokens[n].head.filter(|&h| h < n && s.tokens[n].deprel.is_nmod())?;
    }
    if !relative || !matches!(s.tokens[n].upos, Upos::Noun | Upos::Propn) || calendar_word(s, n) {
        return None;
    }
    // the head of the name or noun phrase that ends there ("Le Kha | Phieu ,")
    while let Some(h) = s.tokens[n].head.filter(|&h| {
        h < t && matches!(s.tokens[n].deprel, Deprel::Flat | Deprel::Compound) && s.tokens[h].upos == s.tokens[n].upos
    }) {
        n = h;
    }
    let place = !crate::events::headline::may_be_person(s.lemma(n));
    (!place || lemma != "who").then_some(n)
}

/// Whether word `k` names a month or a day of the week.
fn calendar_word(s: &Sentence, k: usize) -> bool {
    let lower = s.lemma(k).to_ascii_lowercase();
    crate::dates::lexicon::Lexicon::get().names_month_or_weekday(&lower)
}

/// The move that hangs the relative clause whose pronoun is word `t` on `n`, the noun before
/// it ([`relative_after_noun`]), where the parse made the clause's verb a conjunct, a
/// parataxis, a complement or an adverbial clause of another verb ("Regional peacemaker Kenya,
/// which helped form the Somali government in 2004, asked Ethiopia ...": "helped" had hung on
/// "asked"), or, with no comma before the pronoun, a relative clause about the whole clause or
/// one hung on a verb ("swept away by Tuesday's vote which gave Savimbi the right": about the
/// vote).
pub(super) fn relative_after_comma(s: &Sentence, t: usize, n: usize) -> Option<Move> {
    let comma = s.tokens[t - 1].xpos == Xpos::Comma;
    let verb = |h: Option<usize>| h.is_some_and(|h| matches!(s.tokens[h].upos, Upos::Verb | Upos::Aux));
    let v = s.tokens[t].head.filter(|&v| match s.tokens[v].deprel {
        Deprel::Conj | Deprel::Parataxis | Deprel::Ccomp | Deprel::Advcl => true,
        Deprel::AdvclRelcl => !comma,
        // a relative clause the parse hung on a verb ("swept away by Tuesday's vote which gave")
        Deprel::AclRelcl => verb(s.tokens[v].head),
        _ => false,
    })?;
    Some((v, Some(n), Deprel::AclRelcl))
}

/// The moves that give a sentence back its main clause when the parse made the relative clause
/// of its subject the root and the main clause's verb a conjunct of it ("Vladimir Putin, who was
/// elected for another term in March, wants to take advantage of ...": "elected" the root,
/// "wants" its conjunct, and "Putin" a noun in apposition to an oblique before it). The
/// conjunct, after a comma and with no subject of its own, becomes the root; the relative
/// clause hangs on its noun, and that noun (or the phrase it heads, unless that is an
/// oblique, "According to Reuters sources, Vladimir Putin") is the subject. What the clause
/// governed before the noun and after the conjunct goes with the conjunct. `t` is the relative
/// pronoun, `n` its noun ([`relative_after_noun`]).
pub(super) fn relative_as_root(s: &Sentence, t: usize, n: usize) -> Vec<Move> {
    let Some(v) = s.tokens[t].head.filter(|&v| v > t && s.tokens[v].deprel == Deprel::Root) else {
        return Vec::new();
    };
    let main = |w: &usize| {
        let lo = s.subtree_span(*w).0;
        *w > v
            && matches!(s.tokens[*w].deprel, Deprel::Conj | Deprel::Parataxis)
            && matches!(s.tokens[*w].upos, Upos::Verb | Upos::Aux)
            && (lo..=lo + 1).any(|k| k > 0 && s.tokens[k - 1].xpos == Xpos::Comma)
            && !s.children(*w).any(|c| s.tokens[c].deprel.is_subject())
    };
    let Some(w) = s.children(v).find(main) else { return Vec::new() };
    // the phrase the noun is in, as the parse hung it on the relative clause's verb
    let Some(top) = s.ancestors(n).find(|&a| s.tokens[a].head == Some(v)) else { return Vec::new() };
    let oblique = s.children(top).any(|c| s.tokens[c].deprel == Deprel::Case);
    let subject = if oblique { n } else { top };
    let mut out = vec![(w, None, Deprel::Root), (v, Some(n), Deprel::AclRelcl), (subject, Some(w), Deprel::Nsubj)];
    let moved = |c: usize| c != subject && c != w && (c + 1 < t || c > w);
    out.extend(s.children(v).filter(|&c| moved(c)).map(|c| (c, Some(w), s.tokens[c].deprel)));
    out
}
