//! A past tense the tagger took for a participle, and the parser for a modifier of a noun: the
//! verb of a sentence with no other ("Talks between the two sides collapsed"), or a report
//! whose clause the parse made the root ("The company announced on Tuesday that it would cut
//! 2,000 jobs"). The clause the verb heads is given back to it.

use super::{two_subjects, Move};
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// Participles that open a phrase as a preposition does ("compared with a year earlier",
/// "based in Paris"): never a clause's verb.
const PREPOSITION_PARTICIPLES: &[&str] = &["compare", "base"];

/// A sentence with no finite verb whose root is a noun with a past participle right after it
/// ("Australian share prices closed at fresh record highs Thursday", "The composite index
/// gained 7.48 points"), or right after the noun's phrase, hung on its last noun ("Talks
/// between the two sides collapsed", "The index of leading shares rose": "collapsed" a
/// modifier of "sides"), or one the parser made a modifier of the noun after it ("The central
/// bank raised interest rates", "raised" a kind of rates): the tagger took a past tense for a
/// participle, and the parser made the verb a modifier. A sentence of the news has a finite
/// verb; the participle, unless a "by" phrase that names no quantity makes it a passive, is it.
/// Returns the verb and its subject, the root.
pub(super) fn unfinished_clause(s: &Sentence) -> Option<(usize, usize)> {
    let finite = |k: usize| matches!(s.tokens[k].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md);
    if (0..s.len()).any(finite) {
        return None;
    }
    let n = s.root().filter(|&n| matches!(s.tokens[n].upos, Upos::Noun | Upos::Propn))?;
    // the first verb after the noun, not one that stands for a preposition ("compared with")
    let v = (n + 1..s.len()).find(|&k| s.tokens[k].upos == Upos::Verb)?;
    if PREPOSITION_PARTICIPLES.contains(&s.lemma(v)) {
        return None;
    }
    let modifier = match s.tokens[v].head {
        Some(h) if s.tokens[v].deprel == Deprel::Acl => v == n + 1 && h == n || last_of_phrase(s, n, h, v),
        _ => v == n + 1 && kind_of_object(s, v, n).is_some(),
    };
    let participle = s.tokens[v].xpos == Xpos::Vbn && modifier && !passive(s, v);
    // Another participle later, not set off by a comma, may be the verb instead ("A resolution
    // adopted in 1977 designated Nov. 29 ..."): then neither is taken. Not one joined to it
    // ("The boat capsized and sank": both are the clause's), one before its noun ("Jiang's
    // reported promise"), nor one with a subject of its own ("as investors bought").
    let rival = (v + 1..s.len()).any(|w| {
        let tok = &s.tokens[w];
        let determined = matches!(s.tokens[w - 1].xpos, Xpos::Dt | Xpos::Pos | Xpos::PrpS | Xpos::Jj);
        let before_noun = tok.deprel == Deprel::Amod && tok.head == Some(w + 1) && determined;
        let own_subject = s.children(w).any(|c| s.tokens[c].deprel.is_subject());
        tok.xpos == Xpos::Vbn
            && !passive(s, w)
            && s.tokens[w - 1].xpos != Xpos::Comma
            && !conjunct_of(s, w, v)
            && !before_noun
            && !own_subject
    });
    (participle && !rival).then_some((v, n))
}

/// Whether noun `h`, which the participle `v` hangs on, ends the phrase of root noun `n`: every
/// word between `n` and `v` is of `n`'s phrase, and `h` is a noun of it that only nouns lead
/// down to from `n` ("Talks between the two sides", "The index of leading shares"), not a
/// conjunct ("magnets and radio-frequency used in MRI") nor a noun set beside another ("Later
/// Friday, the Zairean government called": a time is no subject).
fn last_of_phrase(s: &Sentence, n: usize, h: usize, v: usize) -> bool {
    let noun = |k: usize| matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn);
    let link = |k: usize| matches!(s.tokens[k].deprel, Deprel::Nmod | Deprel::Compound | Deprel::Flat);
    let path = s.ancestors(h).take_while(|&a| a != n).all(|a| noun(a) && link(a));
    let of_noun = |k: usize| s.ancestors(k).any(|a| a == n);
    (n + 1..v).contains(&h) && path && (n + 1..v).all(of_noun)
}

/// Whether participle `k` is a passive: a "by" phrase names who did it ("led by banks"), not
/// by how much a verb of change changed ("fell by 6.5 percent", "rose by a quarter point";
/// `participants::amount_noun`, as the label reads it), its own or a later conjunct's ("met on
/// Tuesday and cut rates by half a point", the phrase hung on "met": [`changed_by`]).
fn passive(s: &Sentence, k: usize) -> bool {
    s.children(k).any(|c| s.tokens[c].deprel == Deprel::OblAgent && changed_by(s, k, c).is_none())
}

/// For a "by" phrase `c` of verb `k` that is an amount, the verb of change it measures: `k`
/// itself, or the last of its conjuncts before the phrase.
fn changed_by(s: &Sentence, k: usize, c: usize) -> Option<usize> {
    let change = |w: usize| crate::events::lexicon::CHANGE_VERBS.contains(&s.lemma(w));
    let conjunct = s.children(k).filter(|&w| w < c && conjunct_of(s, w, k) && change(w)).last();
    let verb = conjunct.or(Some(k).filter(|&k| change(k)))?;
    crate::events::timeml::participants::amount_noun(s, c).then_some(verb)
}

/// For participle `v` right after root noun `n`, hung as a modifier before a noun of `n`'s
/// phrase ("The central bank raised interest rates": "rates" a modifier of "bank"), that noun:
/// the verb's object once the verb is the clause's.
fn kind_of_object(s: &Sentence, v: usize, n: usize) -> Option<usize> {
    let m = s.tokens[v].head.filter(|&m| m > v && s.tokens[v].deprel == Deprel::Amod)?;
    let of_root = s.ancestors(m).skip(1).take(3).any(|a| a == n);
    (of_root && matches!(s.tokens[m].upos, Upos::Noun | Upos::Propn)).then_some(m)
}

/// Whether word `w` is a conjunct of verb `v` ("capsized and sank").
pub(super) fn conjunct_of(s: &Sentence, w: usize, v: usize) -> bool {
    s.tokens[w].deprel == Deprel::Conj && s.tokens[w].head == Some(v)
}

/// The moves that make verb `v` the clause [`unfinished_clause`] found, with noun `n`, the
/// root, its subject: the verb the root, and the punctuation and bare times the noun governed
/// after the verb the verb's (a time its `obl:unmarked`, as the treebank attaches one). A verb
/// hung before a noun of the subject's phrase takes that noun as its object and the subject's
/// later phrases as its obliques; an amount the parse made its agent ("fell by 6.5 percent")
/// is an oblique.
pub(super) fn finish_clause(s: &Sentence, v: usize, n: usize) -> Vec<Move> {
    // the verb hung before a noun of the subject's phrase: that noun is its object, and the
    // phrases the subject governed after it the verb's obliques ("by a quarter point")
    let object = (n + 1 == v).then(|| kind_of_object(s, v, n)).flatten();
    let mut out = vec![(v, None, Deprel::Root), (n, Some(v), Deprel::Nsubj)];
    if let Some(m) = object {
        out.push((m, Some(v), Deprel::Obj));
    }
    // "fell by 6.5 percent": an active verb's amount, no agent, on the verb it measures
    for c in s.children(v).filter(|&c| s.tokens[c].deprel == Deprel::OblAgent && !passive(s, v)) {
        out.push((c, changed_by(s, v, c), Deprel::Obl));
    }
    for c in s.children(n).filter(|&c| c > v) {
        match s.tokens[c].deprel {
            Deprel::Nmod if object.is_some_and(|m| c != m) => out.push((c, Some(v), Deprel::Obl)),
            Deprel::Punct => out.push((c, Some(v), Deprel::Punct)),
            Deprel::Vocative | Deprel::NmodUnmarked | Deprel::Appos
                if matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn) =>
            {
                out.push((c, Some(v), Deprel::OblUnmarked))
            }
            _ => {}
        }
    }
    out
}

/// A report whose verb the parse made the root of the clause it reports ("Suspected bombs
/// exploded outside the embassies on Friday, killing dozens, witnesses said"): the tagger took
/// the reported past tense for a participle, the parser made it a modifier of its subject and
/// gave "said" two subjects. The participle, unless a "by" phrase makes it a passive, is the
/// clause's verb, and the report a parenthetical to it (`parataxis`, as the treebank has it).
/// Returns the moves and the verb.
pub(super) fn reported_clause(s: &Sentence) -> Option<(Vec<Move>, usize)> {
    two_subjects(s).find_map(|(v, a, b)| {
        let p = a + 1;
        let report = s.tokens[v].deprel == Deprel::Root
            && crate::events::lexicon::REPORTING_VERBS.contains(&s.lemma(v))
            && p < b
            && s.tokens[p].head == Some(a)
            && s.tokens[p].deprel == Deprel::Acl
            && s.tokens[p].xpos == Xpos::Vbn
            && !s.children(p).any(|c| s.tokens[c].deprel == Deprel::OblAgent);
        report.then(|| (vec![(p, None, Deprel::Root), (a, Some(p), Deprel::Nsubj), (v, Some(p), Deprel::Parataxis)], p))
    })
}

/// A report the parse hung on its own subject as a participle, with the clause it reports
/// made the root ("The company announced on Tuesday that it would cut 2,000 jobs": "company"
/// the outer subject of "cut", "announced" a modifier of "company"). A root opened by "that"
/// has a report above it; the participle between the subject and "that", a reporting verb
/// with no "by" phrase, is that report, and the reported clause, with a subject of its own,
/// its complement. Returns the moves and the verb.
pub(super) fn report_before_complement(s: &Sentence) -> Option<(Vec<Move>, usize)> {
    let r = s.root()?;
    let m = s.children(r).find(|&c| s.tokens[c].deprel == Deprel::Mark && s.lemma(c).eq_ignore_ascii_case("that"))?;
    let mut subjects = s.children(r).filter(|&c| s.tokens[c].deprel.is_subject());
    let n = subjects.next().filter(|&n| n < m)?;
    // the reported clause's own subject, after "that"
    subjects.next().filter(|&o| o > m)?;
    let v = s.children(n).find(|&v| {
        let tok = &s.tokens[v];
        v < m
            && tok.deprel == Deprel::Acl
            && matches!(tok.xpos, Xpos::Vbn | Xpos::Vbd)
            && crate::events::lexicon::REPORTING_VERBS.contains(&s.lemma(v))
            && !s.children(v).any(|c| s.tokens[c].deprel == Deprel::OblAgent)
    })?;
    Some((vec![(v, None, Deprel::Root), (n, Some(v), Deprel::Nsubj), (r, Some(v), Deprel::Ccomp)], v))
}
