//! An entry's label, written as a headline from the parse: who (in full), did what, to whom,
//! and where when it matters, in the sentence's own words ("Hungarian parliament ratified NATO
//! membership"; "Northrop Grumman and EADS beat Boeing for US Air Force tanker contract").
//!
//! The words are the sentence's, in its order; only names may be completed from earlier in
//! the article ("Gallois" is written "Louis Gallois" once the article has named him so). A
//! label never ends on a function word, and never is a bare "X said".

use crate::events::timeml::participants::relative_antecedent;
use crate::language::{Deprel, Sentence, Upos, Xpos};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Longest phrase kept for one participant, in words.
const MAX_PHRASE: usize = 7;
/// Longest label, in words.
const MAX_WORDS: usize = 18;

/// Prepositions whose phrase a headline keeps after the verb ("talks with Russia", "a deal
/// on gas", "a vote for independence").
const KEPT_CASES: &[&str] =
    &["with", "to", "for", "against", "between", "on", "into", "from", "over", "of", "in", "at", "as", "across"];

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

/// The phrase a nominal heads, for a label: its compounds, names, adjectives, numbers,
/// possessors, and an "of" phrase or a conjunct ("Russia and Ukraine"); at most
/// `MAX_PHRASE` (7) words, never across a clause.
pub fn nominal(s: &Sentence, i: usize, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
    // An office the parse made the head of its holder's name ("Secretary" of "Secretary of State
    // Marco Rubio"): the phrase is the person's.
    if let Some(n) = holder_of_office(s, i) {
        let mut out = nominal(s, n, skip);
        // and the names joined to it ("... and U.S. President Donald Trump")
        for c in s.children(i).filter(|&c| s.tokens[c].deprel == Deprel::Conj && s.tokens[c].upos != Upos::Verb) {
            out.extend(s.children(c).filter(|&x| s.tokens[x].deprel == Deprel::Cc));
            out.extend(nominal(s, c, skip));
        }
        out.sort_unstable();
        out.dedup();
        return out;
    }
    let mut out = modifiers(s, i, skip);
    if s.tokens[i].upos == Upos::Propn {
        name_run(s, i, skip, &mut out);
    }
    contiguous(&out, i)
}

/// Head `i` and the words that make its phrase with it, sorted: compounds, adjectives,
/// numbers, possessors, determiners that say something ("his", not "a"), a first "of" phrase
/// and joined nouns, to two levels down.
fn modifiers(s: &Sentence, i: usize, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut out = vec![i];
    let mut stack = vec![(i, 0u8)];
    while let Some((k, depth)) = stack.pop() {
        for c in s.children(k) {
            if skip(c) || out.len() >= MAX_PHRASE {
                continue;
            }
            let d = s.tokens[c].deprel;
            let keep = match d {
                Deprel::Compound | Deprel::Flat | Deprel::Amod | Deprel::Nummod | Deprel::NmodPoss => true,
                Deprel::Case => k != i || s.tokens[c].upos == Upos::Part, // "'s" of a possessor
                Deprel::Det => {
                    let l = s.lemma(c).to_lowercase();
                    l == "the" && k != i
                        || !matches!(
                            l.as_str(),
                            "a" | "an" | "the" | "this" | "that" | "these" | "those" | "any" | "no" | "some"
                        )
                }
                Deprel::Conj => depth == 0 && k == i && s.tokens[c].upos != Upos::Verb,
                d if d.is_nmod() => depth == 0 && (crate::events::timeml::participants::case_of(s, c) == Some("of")),
                _ => false,
            };
            // A joined name whose office the parse made its head ("Donald Trump and Secretary of
            // State Marco Rubio"): the person's name.
            if let Some(n) = (keep && d == Deprel::Conj).then(|| holder_of_office(s, c)).flatten() {
                out.extend(s.children(c).filter(|&x| s.tokens[x].deprel == Deprel::Cc));
                out.extend(n..=name_span(s, n).1);
                continue;
            }
            if keep {
                out.push(c);
                if d == Deprel::Conj {
                    out.extend(s.children(c).filter(|&x| s.tokens[x].deprel == Deprel::Cc));
                }
                if depth < 2 {
                    stack.push((c, depth + 1));
                }
            }
        }
    }
    // "the U.S. and European nations", where the parse hung "and" on the head noun: a
    // conjunction between words of the phrase is one of them.
    let (lo, hi) = (out.iter().min().copied().unwrap_or(i), out.iter().max().copied().unwrap_or(i));
    let joined: Vec<usize> = out
        .iter()
        .flat_map(|&k| s.children(k))
        .filter(|&c| s.tokens[c].deprel == Deprel::Cc && lo < c && c < hi)
        .collect();
    out.extend(joined.into_iter().filter(|&c| !skip(c)));
    out.sort_unstable();
    out.dedup();
    out
}

/// Completes the phrase `out` (sorted) of proper-noun head `i`: a name's run of proper nouns,
/// however the parse attached them ("Marco Rubio"); after the head, the words the parse hung
/// beside it, as it ("Northrop | Grumman | Corp. won"). A name keeps its person, not the office
/// before it: "U.S. President Donald Trump" -> "Donald Trump", "Secretary of State Marco Rubio"
/// -> "Marco Rubio".
fn name_run(s: &Sentence, i: usize, skip: &dyn Fn(usize) -> bool, out: &mut Vec<usize>) {
    let mut k = i;
    while k > 0 && s.tokens[k - 1].upos == Upos::Propn && s.tokens[k - 1].end < s.tokens[k].start && !skip(k - 1) {
        k -= 1;
        if !out.contains(&k) {
            out.push(k);
        }
    }
    let mut k = i;
    while k + 1 < s.len() && s.tokens[k + 1].upos == Upos::Propn && !skip(k + 1) && beside(s, i, k + 1) {
        k += 1;
        if !out.contains(&k) {
            out.push(k);
        }
    }
    out.sort_unstable();
    if let Some(t) = out.iter().rposition(|&k| k < i && is_title(s, k)) {
        let cut = out[t];
        out.retain(|&k| k > cut || k > i);
        // and nothing of the office's own phrase ("of State")
        while out.first().is_some_and(|&k| k < i && s.tokens[k].upos != Upos::Propn) {
            out.remove(0);
        }
    }
}

/// The one contiguous run of `out` (sorted) around head `i`: a word far from the rest is
/// another phrase.
fn contiguous(out: &[usize], i: usize) -> Vec<usize> {
    let at = out.iter().position(|&x| x == i).unwrap_or(0);
    let (mut lo, mut hi) = (at, at);
    while lo > 0 && out[lo - 1] + 1 >= out[lo].saturating_sub(1) {
        lo -= 1;
    }
    while hi + 1 < out.len() && out[hi + 1] <= out[hi] + 4 {
        hi += 1;
    }
    out[lo..=hi].to_vec()
}

/// Whether word `k` hangs beside name head `i` as the parse would hang a second name on the
/// same word in the same role, which a clause or phrase has only one of.
pub(super) fn beside(s: &Sentence, i: usize, k: usize) -> bool {
    let (a, b) = (&s.tokens[i], &s.tokens[k]);
    a.head.is_some()
        && a.head == b.head
        && a.deprel == b.deprel
        && (a.deprel.is_subject() || a.deprel == Deprel::Obj || a.deprel.is_nmod())
}

/// Whether word `k` is a title ("President", "Secretary"; the trigger list's titles).
fn is_title(s: &Sentence, k: usize) -> bool {
    crate::events::Triggers::get().has(&s.lemma(k).to_lowercase(), |r| matches!(r, super::triggers::Role::Title))
}

/// The name in an office's "of" phrase, when the office is a title the parse made the head of
/// it ("Secretary of State Marco Rubio", "Secretary" at the head): a proper noun with a name of
/// two words or more ("of State" alone names no one).
fn holder_of_office(s: &Sentence, i: usize) -> Option<usize> {
    if s.tokens[i].upos != Upos::Propn || !is_title(s, i) {
        return None;
    }
    s.children(i).find(|&n| {
        s.tokens[n].upos == Upos::Propn
            && s.tokens[n].deprel == Deprel::Nmod
            && s.children(n).any(|c| s.tokens[c].deprel == Deprel::Case && s.lemma(c) == "of")
            && (s.children(n).any(|c| s.tokens[c].deprel == Deprel::Flat && s.tokens[c].upos == Upos::Propn)
                || s.tokens.get(n + 1).is_some_and(|t| t.upos == Upos::Propn) && beside(s, n, n + 1))
    })
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

/// Who: the clause's subject (else, for a conjoined or controlled verb, its head's), in full
/// where the article allows. Whether it is a name.
fn who(
    s: &Sentence,
    text: &str,
    h: usize,
    skip: &dyn Fn(usize) -> bool,
    full_name: &dyn Fn(&str) -> Option<String>,
    parts: &mut Parts,
) -> bool {
    let subject = subject_not_time(s, h, skip).or_else(|| {
        let head = s.tokens[h].head?;
        // a noun joined to a verb (a misparse) shares no subject with it
        let noun = matches!(s.tokens[h].upos, Upos::Noun | Upos::Propn) && s.tokens[head].upos == Upos::Verb;
        (matches!(s.tokens[h].deprel, Deprel::Conj | Deprel::Xcomp) && !noun).then(|| subject_of(s, head)).flatten()
    });
    let Some(x) = subject.map(|x| relative_antecedent(s, h, x).unwrap_or(x)) else { return false };
    if let Some(c) = plural_antecedent(s, h, x) {
        if let Some(they) = phrase(s, text, c, skip) {
            parts.words.push(x);
            parts.replace.push((x, x, they));
            return s.tokens[c].upos == Upos::Propn;
        }
    }
    let referred = referent(s, text, h, x, skip, full_name);
    if let Some(full) = referred {
        parts.words.push(x);
        parts.replace.push((x, x, full));
        // "it" is an organisation named earlier: a name, but not one that makes a headline of
        // two words ("Kosovo run")
        return !s.lemma(x).eq_ignore_ascii_case("it");
    }
    if skip(x) || s.tokens[x].upos == Upos::Pron {
        return false;
    }
    let words = subject_words(s, text, h, x, skip);
    if let (Some(&first), Some(&last)) = (words.first(), words.last()) {
        if let Some(full) = full_name(&text[s.tokens[first].start..s.tokens[last].end]) {
            parts.replace.push((first, last, full));
        }
    }
    parts.words.extend(words);
    s.tokens[x].upos == Upos::Propn
}

/// The words of subject `x` of clause `h`. A clause has one subject: another one right after
/// it, before the verb, is a piece of the same phrase the parser split off ("Burma's | military
/// authorities maintained", "the Rules | and Administration Committee angered"), and joins it.
fn subject_words(s: &Sentence, text: &str, h: usize, x: usize, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut words = nominal(s, x, skip);
    if s.tokens[x].head != Some(h) {
        // the antecedent of a relative clause ("the party that dominated")
        return words;
    }
    // ... or a hyphen written inside a word ("the China-ASEAN Expo", whatever tag it got)
    let tight = |a: usize| a + 1 < s.len() && s.tokens[a].end == s.tokens[a + 1].start;
    let joins = |k: usize| {
        !skip(k)
            && (matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Num | Upos::Cconj | Upos::Part)
                || k > 0 && s.word(text, k) == "-" && tight(k - 1) && tight(k))
    };
    let split = |c: usize| {
        c > x
            && c < h
            && s.tokens[c].deprel.is_subject()
            && matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn | Upos::Num)
            && !skip(c)
    };
    for y in s.children(h).filter(|&c| split(c)) {
        let more = nominal(s, y, skip);
        let (Some(&last), Some(&first)) = (words.last(), more.first()) else { break };
        if first <= last || first - last > 3 || !(last + 1..first).all(joins) {
            break;
        }
        words.extend(last + 1..first);
        words.extend(more);
    }
    words
}

/// The name word `x` of clause `h` stands for, from the article: "he" or "she" for the person
/// named as the subject of a clause this one depends on ("Trump stated that he reached an
/// agreement"), else as a subject in an earlier sentence; "it" for an organisation named so;
/// "the company", "the alliance" for the organisation of that kind named last. `full_name`
/// reads what the article has named.
pub(crate) fn referent(
    s: &Sentence,
    text: &str,
    h: usize,
    x: usize,
    skip: &dyn Fn(usize) -> bool,
    full_name: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    // "he" or "she", when the article has named that person as a subject just before
    let pronoun = s.tokens[x].upos == Upos::Pron && matches!(s.lemma(x), "he" | "she");
    let it = s.tokens[x].upos == Upos::Pron
        && s.lemma(x).eq_ignore_ascii_case("it")
        && s.tokens[h].upos == Upos::Verb
        && !s.children(h).any(|c| s.tokens[c].deprel == Deprel::Cop);
    // "the company", "the alliance": the organisation the article named last, where it did
    let definite = s.tokens[x].upos == Upos::Noun
        && s.children(x).all(|c| s.tokens[c].deprel == Deprel::Det && s.lemma(c).eq_ignore_ascii_case("the"))
        && s.children(x).next().is_some();
    if pronoun {
        // A name that is the subject of a clause this one depends on ("Trump stated that he
        // reached an agreement"), else the last one of an earlier sentence.
        s.ancestors(h)
            .skip(1)
            .find_map(|a| subject_of(s, a).filter(|&c| c < x && s.tokens[c].upos == Upos::Propn))
            .and_then(|c| {
                let (first, last) = name_span(s, c);
                let name = &text[s.tokens[first].start..s.tokens[last].end];
                let full = full_name(name).unwrap_or_else(|| name.to_string());
                // A single word may be a country or a club ("Britain said he ..."); a title may
                // say the name is not the pronoun's ("Mrs Ford said he ...").
                let fits = full.contains(' ') && may_be_person(&full) && !other_gender(&full, s.lemma(x));
                fits.then_some(full)
            })
            .or_else(|| full_name(s.lemma(x)))
    } else if it {
        // "it": an organisation named as the subject of a clause this one depends on
        // ("Ericsson said Saturday it will invest"), never a name that may be a person's (one
        // the article gave in full as a person's, or "Louis Gallois"); not with a copula
        let c = s.ancestors(h).skip(1).find_map(|a| subject_of(s, a));
        let c = c.filter(|&c| c < x && s.tokens[c].upos == Upos::Propn && !skip(c))?;
        let (first, last) = name_span(s, c);
        let name = &text[s.tokens[first].start..s.tokens[last].end];
        let organisation = if first == last { full_name(name).is_none() } else { !may_be_person(name) };
        organisation.then(|| phrase(s, text, c, skip)).flatten()
    } else if definite && !skip(x) {
        full_name(&format!("the {}", s.lemma(x).to_lowercase()))
    } else if let Some(c) = plural_antecedent(s, h, x) {
        phrase(s, text, c, skip)
    } else if s.lemma(x).eq_ignore_ascii_case("they") && s.root() == Some(h) && s.tokens[x].upos == Upos::Pron {
        // the subject of the main clause: the plural subject of the sentence before
        full_name("they")
    } else {
        None
    }
}

/// The words a label writes for the noun phrase headed by `c`, as the text writes them.
fn phrase(s: &Sentence, text: &str, c: usize, skip: &dyn Fn(usize) -> bool) -> Option<String> {
    let words = nominal(s, c, skip);
    let (first, last) = (*words.first()?, *words.last()?);
    Some(text[s.tokens[first].start..s.tokens[last].end].to_string())
}

/// What "they", subject `x` of clause `h`, stands for in its own sentence: a plural subject
/// ("rebels", "Russia and Ukraine") before it, of a clause this one depends on ("Kabila's rebels
/// have captured half the country since they launched their offensive") or of a clause that
/// leads into it ("When the rebels captured Kasenga, they went through Zambia").
fn plural_antecedent(s: &Sentence, h: usize, x: usize) -> Option<usize> {
    if s.tokens[x].upos != Upos::Pron || !s.lemma(x).eq_ignore_ascii_case("they") {
        return None;
    }
    let plural = |c: usize| {
        let t = &s.tokens[c];
        c < x
            && matches!(t.upos, Upos::Noun | Upos::Propn)
            && (matches!(t.xpos, Xpos::Nns | Xpos::Nnps) || s.children(c).any(|k| s.tokens[k].deprel == Deprel::Conj))
    };
    // The nearest clause above with a subject, not beyond a clause that modifies a noun ("the
    // town they had captured" is not about the subject of the clause that names the town).
    let mut up = s.ancestors(h).skip(1);
    let governing = if matches!(s.tokens[h].deprel, Deprel::Acl | Deprel::AclRelcl) {
        None
    } else {
        up.find_map(|a| subject_of(s, a)).filter(|&c| plural(c))
    };
    governing.or_else(|| {
        s.children(h)
            .filter(|&k| k < x && s.tokens[k].deprel == Deprel::Advcl)
            .find_map(|k| subject_of(s, k).filter(|&c| plural(c)))
    })
}

/// A verb's clause: its verb group, an xcomp verb ("agreed to hold talks") or purpose clause
/// ("went to catch"), their objects, a passive's doer when `agent` ("replaced by his deputy"),
/// and one oblique, a named one first ("hanged in Baghdad", not "at dawn").
fn verb_clause(s: &Sentence, text: &str, h: usize, skip: &dyn Fn(usize) -> bool, agent: bool, out: &mut Vec<usize>) {
    verb_group(s, text, h, agent, out);
    let mut heads = vec![h];
    // A purpose clause after a verb with no object counts as its complement ("went to catch the
    // soldiers": UD makes "catch" an advcl, where the parser often says xcomp); after an object
    // the label has said what was done ("ordered the forces (to find ...)").
    let has_object = s.children(h).any(|c| s.tokens[c].deprel == Deprel::Obj);
    let purpose = |c: usize| {
        c > h && !has_object && s.children(c).any(|m| s.tokens[m].deprel == Deprel::Mark && s.lemma(m) == "to")
    };
    let complement =
        |c: usize| s.tokens[c].deprel == Deprel::Xcomp || s.tokens[c].deprel == Deprel::Advcl && purpose(c);
    if let Some(x) = s.children(h).find(|&c| complement(c) && !skip(c)) {
        // "to hold", "to be named"
        out.extend(
            s.children(x).filter(|&c| matches!(s.tokens[c].deprel, Deprel::Mark | Deprel::Aux | Deprel::AuxPass)),
        );
        out.push(x);
        heads.push(x);
    }
    // A particle the parse read as a preposition ("called off the talks", "off" the case of
    // "talks") is the verb's: the phrase is what was called off.
    let particle_case = |v: usize, c: usize| {
        s.children(c).any(|k| k == v + 1 && s.tokens[k].deprel == Deprel::Case && PARTICLES.contains(&s.lemma(k)))
    };
    let kept_case = |v: usize, c: usize| {
        crate::events::timeml::participants::case_of(s, c).is_some_and(|k| KEPT_CASES.contains(&k))
            || particle_case(v, c)
    };
    // "In addition, ...", "For his part, ...", "As part of the talks, ...": a phrase set off at
    // the head of the clause frames it and says nothing of what was done.
    let framing = |v: usize, c: usize| {
        let end = s.subtree_span(c).1;
        let comma = |k: usize| s.tokens.get(k).is_some_and(|t| t.xpos == Xpos::Comma);
        c < v && s.tokens[c].upos != Upos::Propn && (comma(end) || comma(end + 1))
    };
    let keepable = |v: usize, c: usize| kept_case(v, c) && !follows_oblique(s, v, c, skip) && !framing(v, c);
    let named_oblique = heads
        .iter()
        .flat_map(|&v| s.children(v).map(move |c| (v, c)))
        .find(|&(v, c)| {
            s.tokens[c].deprel.is_oblique() && s.tokens[c].upos == Upos::Propn && !skip(c) && keepable(v, c)
        })
        .map(|(_, c)| c);
    let mut oblique_taken = false;
    for &v in &heads {
        for c in s.children(v).filter(|&c| !skip(c)) {
            match s.tokens[c].deprel {
                Deprel::Obj | Deprel::Iobj => {
                    let c = relative_antecedent(s, v, c).unwrap_or(c);
                    if s.tokens[c].upos != Upos::Pron {
                        out.extend(nominal(s, c, skip).into_iter().filter(|&k| k != c || !measures_relation(s, k)));
                    }
                }
                // a passive's doer, as an active verb's object
                Deprel::OblAgent if agent && s.tokens[c].upos != Upos::Pron => {
                    out.extend(preposition(s, c));
                    out.extend(nominal(s, c, skip));
                }
                // "came under fire", "fell under suspicion": a phrase of "under" right after the
                // verb says what happened, as an object would, beside any other oblique
                d if d.is_oblique() && under_right_after(s, v, c) => {
                    out.extend(preposition(s, c));
                    out.extend(nominal(s, c, skip));
                }
                d if d.is_oblique()
                    && !oblique_taken
                    && !matches!(s.tokens[c].upos, Upos::Pron | Upos::Adv)
                    && named_oblique.is_none_or(|n| n == c)
                    && keepable(v, c) =>
                {
                    out.extend(preposition(s, c));
                    out.extend(nominal(s, c, skip));
                    oblique_taken = true;
                }
                _ => {}
            }
        }
    }
}

/// Whether oblique `c` of verb `v` is a phrase of "under" that starts right after the verb
/// ("came under intense criticism").
fn under_right_after(s: &Sentence, v: usize, c: usize) -> bool {
    s.tokens[c].upos != Upos::Pron
        && s.subtree_span(c).0 == v + 1
        && crate::events::timeml::participants::case_of(s, c) == Some("under")
}

/// Whether word `k` is a unit of time that measures the relation after it ("posted his reply
/// hours after Putin proposed talks", "left days before"), which the parse may have taken for
/// the head of an object: it says how long after, not what was done.
fn measures_relation(s: &Sentence, k: usize) -> bool {
    s.tokens[k].upos == Upos::Noun
        && k + 1 < s.len()
        && matches!(s.lemma(k + 1), "after" | "before" | "later" | "earlier")
        && crate::dates::lexicon::Lexicon::get().word(s.lemma(k)).is_some_and(|w| w.unit.is_some())
}

/// Whether oblique `c` of verb `v` starts right where another oblique of `v` ends: "emerged
/// under pressure from the United States", where the parse may have hung "from the United
/// States" on the verb though it belongs to "pressure". Kept alone, it would say something
/// the sentence does not ("emerged from United States"). A place ("opened fire at their car
/// in Baghdad") belongs to the verb however it follows, and a temporal expression before it
/// ("hanged at dawn in Baghdad") leaves no doubt.
fn follows_oblique(s: &Sentence, v: usize, c: usize, skip: &dyn Fn(usize) -> bool) -> bool {
    if matches!(crate::events::timeml::participants::case_of(s, c), Some("in" | "at" | "across")) {
        return false;
    }
    let first = s.subtree_span(c).0;
    s.children(v).any(|o| o != c && s.tokens[o].deprel.is_oblique() && !skip(o) && s.subtree_span(o).1 + 1 == first)
}

/// What a proposal, a threat or a demand says, when it has no object: "suggested that Russia
/// and Ukraine hold bilateral talks", "stated that Washington could end the talks".
fn complement(s: &Sentence, text: &str, h: usize, skip: &dyn Fn(usize) -> bool, out: &mut Vec<usize>) {
    if s.children(h).any(|c| s.tokens[c].deprel == Deprel::Obj) {
        return;
    }
    let Some(c) = s.children(h).find(|&c| s.tokens[c].deprel == Deprel::Ccomp) else { return };
    out.extend(s.children(c).filter(|&k| s.tokens[k].deprel == Deprel::Mark && s.lemma(k) == "that"));
    let sub = subject_of(s, c).filter(|&x| !skip(x));
    if let Some(sub) = sub {
        out.extend(nominal(s, sub, skip));
    }
    out.extend(
        s.children(c).filter(|&k| s.tokens[k].deprel == Deprel::Aux && s.tokens[k].xpos == crate::language::Xpos::Md),
    );
    verb_group(s, text, c, sub.is_some(), out);
    for k in s.children(c) {
        if !skip(k) && matches!(s.tokens[k].deprel, Deprel::Obj | Deprel::Xcomp) {
            out.extend(nominal(s, k, skip));
        }
    }
}

/// Prepositions whose phrase an event noun's label keeps: where it went or what it was
/// about ("visit to Kenya", "talks with Russia", "conference in Switzerland", "settlement at
/// Abu Ghneim", "attack by rebels", "sanctions against Iran").
const NOUN_CASES: &[&str] = &["to", "by", "in", "at", "between", "with", "on", "against", "over", "into", "for"];

/// Most phrases an event noun's label keeps after the noun.
const NOUN_PHRASES: usize = 2;

/// An event noun: the phrase it heads, and where and with whom ("visit to Kenya", "peace
/// conference in Switzerland"): at most [`NOUN_PHRASES`] of its phrases, each right after the
/// words kept so far (a phrase further on is more often attached by mistake: "the murder of
/// Gongadze ... to the Supreme Court").
fn noun_phrase(s: &Sentence, e: usize, skip: &dyn Fn(usize) -> bool, out: &mut Vec<usize>) {
    let start = out.len();
    out.extend(nominal(s, e, skip));
    let mut kept = 0;
    for c in s.children(e).filter(|&c| c > e && !skip(c) && s.tokens[c].deprel.is_nmod()) {
        let case = crate::events::timeml::participants::case_of(s, c);
        let end = out[start..].iter().copied().max().unwrap_or(e);
        // Only a time ("the meeting on Monday in Helsinki"), punctuation or the rest of a kept
        // phrase ("the murder of a militant and his family in Narathiwat") may come between.
        let kept_words = &out[start..];
        let next = ((end + 1)..s.subtree_span(c).0).all(|k| {
            skip(k)
                || s.tokens[k].upos == Upos::Punct
                || s.tokens[k].head.is_some_and(skip)
                || s.ancestors(k).take_while(|&a| a != e).any(|a| kept_words.contains(&a))
        });
        if kept == NOUN_PHRASES || !next || !case.is_some_and(|x| NOUN_CASES.contains(&x)) {
            continue;
        }
        out.extend(s.children(c).find(|&k| s.tokens[k].deprel == Deprel::Case));
        out.extend(nominal(s, c, skip));
        kept += 1;
    }
}

/// An event noun's possessive pronoun written as the name it stands for, when a clause the
/// noun depends on has that person as its subject: "Recalling his visit to Kenya, Hu Jintao
/// said ..." -> "Hu Jintao's visit to Kenya".
fn owner(s: &Sentence, text: &str, e: usize, full_name: &dyn Fn(&str) -> Option<String>, parts: &mut Parts) {
    let Some((x, pronoun)) = s.children(e).find_map(|c| {
        let pronoun = match s.lemma(c).to_lowercase().as_str() {
            "his" | "he" => "he",
            "her" | "she" => "she",
            _ => return None,
        };
        (s.tokens[c].deprel == Deprel::NmodPoss && s.tokens[c].upos == Upos::Pron).then_some((c, pronoun))
    }) else {
        return;
    };
    let name = s.ancestors(e).skip(1).find_map(|a| subject_of(s, a).filter(|&c| s.tokens[c].upos == Upos::Propn));
    let Some(c) = name else { return };
    let (first, last) = name_span(s, c);
    let written = &text[s.tokens[first].start..s.tokens[last].end];
    let full = full_name(written).unwrap_or_else(|| written.to_string());
    if full.contains(' ') && may_be_person(&full) && !other_gender(&full, pronoun) {
        parts.words.push(x);
        parts.replace.push((x, x, format!("{full}'s")));
    }
}

/// A label, and whether it names who did it.
#[derive(Debug, Clone, PartialEq)]
pub struct Headline {
    pub text: String,
    /// Its subject is a proper name ("Putin resigned"), not a pronoun or nothing.
    pub named_subject: bool,
}

/// The preposition of oblique `c`, every word of it: "out of the region", "ahead of the
/// vote" (case words side by side; a second one apart from the first is a parse's slip).
fn preposition(s: &Sentence, c: usize) -> impl Iterator<Item = usize> + '_ {
    let mut last: Option<usize> = None;
    s.children(c).filter(|&k| s.tokens[k].deprel == Deprel::Case).take_while(move |&k| {
        let next = last.is_none_or(|l| k == l + 1);
        last = Some(k);
        next
    })
}

/// Words that make a phrasal verb with the verb before them ("gunned down", "called off").
const PARTICLES: &[&str] = &["away", "back", "out", "off", "down", "up", "ahead", "aside"];

/// Whether word `c` is its verb's particle: so parsed, or an adverb of the list right after it.
fn is_particle(s: &Sentence, c: usize) -> bool {
    let d = s.tokens[c].deprel;
    d == Deprel::CompoundPrt
        || d == Deprel::Advmod
            && c.checked_sub(1).is_some_and(|p| s.tokens[c].head == Some(p))
            && PARTICLES.contains(&s.lemma(c))
}

/// A verb and its group: "will" (and the passive's "be" with it) for the planned, modals kept
/// out (never entries), particles ("called off", and the adverbs the treebank does not call
/// particles: "stayed away", "pulled back"). A past passive keeps its participle alone ("was
/// appointed" -> "appointed"), as headlines write it; so does an active perfect whose
/// participle is also its past ("has rejected" -> "rejected"), but one whose participle is not
/// keeps its "has" or "had" beside a `subject` ("China has taken measures", not "China taken
/// measures"; `language::verb_forms`).
fn verb_group(s: &Sentence, text: &str, h: usize, subject: bool, out: &mut Vec<usize>) {
    let future = s.children(h).any(|c| s.tokens[c].deprel == Deprel::Aux && matches!(s.lemma(c), "will" | "shall"));
    let passive = s.children(h).any(|c| s.tokens[c].deprel == Deprel::AuxPass);
    // not an infinitive's ("was to have begun": what was to be, not what was)
    let infinitive = s.children(h).any(|c| s.tokens[c].deprel == Deprel::Mark && s.lemma(c) == "to");
    let perfect_kept = subject && !passive && !infinitive && participle_only(s.word(text, h));
    for c in s.children(h) {
        let d = s.tokens[c].deprel;
        let perfect = perfect_kept && d == Deprel::Aux && s.lemma(c) == "have";
        if is_particle(s, c) || future && matches!(d, Deprel::Aux | Deprel::AuxPass) || perfect {
            out.push(c);
        }
    }
    out.push(h);
}

/// Whether a word is a past participle that is not also a past tense ("taken", "begun").
fn participle_only(word: &str) -> bool {
    crate::language::verb_forms::participle_only(crate::language::words::lower_hash(word))
}

/// The words of the name whose head is `i`: it and its compound or flat proper-noun
/// dependents ("Volodymyr Zelensky"), as first and last word.
pub fn name_span(s: &Sentence, i: usize) -> (usize, usize) {
    let (mut lo, mut hi) = (i, i);
    for c in s.children(i) {
        if s.tokens[c].upos != Upos::Propn {
            continue;
        }
        match s.tokens[c].deprel {
            Deprel::Compound | Deprel::Flat if c < lo => lo = c,
            Deprel::Flat if c > hi => hi = c,
            _ => {}
        }
    }
    // A flat name hung on the name's last word ("Attorney General Elyakim Rubinstein" parsed as
    // Attorney <- Elyakim <- Rubinstein) goes on to its end.
    while let Some(c) =
        s.children(hi).find(|&c| c > hi && s.tokens[c].deprel == Deprel::Flat && s.tokens[c].upos == Upos::Propn)
    {
        hi = c;
    }
    // and the proper nouns hung beside it ("Northrop | Grumman | Corp. won")
    while hi + 1 < s.len() && s.tokens[hi + 1].upos == Upos::Propn && beside(s, i, hi + 1) {
        hi += 1;
    }
    // "Secretary of State Christopher Hill": a word right after "of" ends a title, not a name.
    while lo < hi && lo > 0 && s.lemma(lo - 1) == "of" {
        lo += 1;
    }
    (lo, hi)
}

/// Whether a name may be a person's, whom "he" or "she" may stand for: none of its words is
/// one of `not-people.txt` (data), which mark organisations, newspapers and places.
pub fn may_be_person(name: &str) -> bool {
    static WORDS: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let words = WORDS.get_or_init(|| {
        include_str!("not-people.txt").lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
    });
    !name.split_whitespace().any(|w| words.contains(w.trim_end_matches('.').to_lowercase().as_str()))
}

/// Whether a name's title ("Mrs Ford", "King Abdullah") is of the other gender than
/// `pronoun` ("he" or "she").
pub fn other_gender(name: &str, pronoun: &str) -> bool {
    const WOMEN: &[&str] = &["mrs", "ms", "miss", "madam", "queen", "lady", "princess", "dame"];
    const MEN: &[&str] = &["mr", "sir", "king", "prince", "lord"];
    let titles = if pronoun == "he" { WOMEN } else { MEN };
    name.split_whitespace().next().is_some_and(|w| titles.contains(&w.trim_end_matches('.').to_lowercase().as_str()))
}

/// The clause's subject word, if it has one.
fn subject_of(s: &Sentence, h: usize) -> Option<usize> {
    s.children(h).find(|&c| s.tokens[c].deprel.is_subject())
}

/// The subject of clause `h` that is not a temporal expression (`skip`): "But Saturday, Kabila
/// toughened his position" parses with two subjects, the day and the man; else its first.
fn subject_not_time(s: &Sentence, h: usize, skip: &dyn Fn(usize) -> bool) -> Option<usize> {
    s.children(h).find(|&c| s.tokens[c].deprel.is_subject() && !skip(c)).or_else(|| subject_of(s, h))
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
    // Not "the" or "a" at the start; no dangling word at the end. A pronoun that stands for a
    // name ("he" for "Volodymyr Zelensky") is the name, and stays.
    // A function word that is part of a hyphenated word ("by-elections", "All-Star",
    // "Class-A") is not trimmed off it.
    let replaced = |k: usize| parts.replace.iter().any(|r| r.0 == k);
    while parts.words.first().is_some_and(|&k| {
        matches!(s.tokens[k].upos, Upos::Det | Upos::Adp | Upos::Cconj | Upos::Sconj | Upos::Pron | Upos::Part)
            && !replaced(k)
            && !(joiner(k + 1) && tight(k))
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
