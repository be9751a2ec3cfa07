//! What was done, to whom and where: a verb's group, its objects, a passive's doer and one
//! oblique; what a statement says; an event noun's own phrases ("visit to Kenya").

use super::phrase::*;
use super::who::*;
use super::Parts;
use crate::events::lexicon;
use crate::events::timeml::participants::{amount_noun, relative_antecedent};
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// Prepositions whose phrase a headline keeps after the verb ("talks with Russia", "a deal
/// on gas", "a vote for independence", "fled following an abortive uprising", "rose amid supply
/// concerns", "swept through the region", "struck off the coast", "exploded outside the
/// embassy"; "following" is tagged a verb, and its lemma may be "follow").
pub(super) const KEPT_CASES: &[&str] = &[
    "with",
    "to",
    "for",
    "against",
    "between",
    "on",
    "into",
    "from",
    "over",
    "of",
    "in",
    "at",
    "as",
    "across",
    "through",
    "throughout",
    "off",
    "near",
    "outside",
    "inside",
    "toward",
    "towards",
    "amid",
    "following",
    "follow",
];

/// A verb's clause: its verb group, an xcomp verb ("agreed to hold talks") or purpose clause
/// ("went to catch"), their objects, a passive's doer when `agent` ("replaced by his deputy"),
/// and one oblique, a named one first ("hanged in Baghdad", not "at dawn").
pub(super) fn verb_clause(
    s: &Sentence,
    text: &str,
    h: usize,
    skip: &dyn Fn(usize) -> bool,
    agent: bool,
    out: &mut Vec<usize>,
) {
    verb_group(s, text, h, agent, out);
    let heads = complements(s, h, skip, out);
    // The last verb of the chain says what was done: with nothing after it ("called on both
    // parties to refrain"), it keeps its own oblique, whatever an earlier verb kept.
    let last = heads[heads.len() - 1];
    let bare = |v: usize| !s.children(v).any(|c| !skip(c) && matches!(s.tokens[c].deprel, Deprel::Obj | Deprel::Xcomp));
    let keepable = |v: usize, c: usize| keepable(s, h, v, c, skip);
    let named_oblique = heads
        .iter()
        .flat_map(|&v| s.children(v).map(move |c| (v, c)))
        .find(|&(v, c)| {
            s.tokens[c].deprel.is_oblique() && s.tokens[c].upos == Upos::Propn && !skip(c) && keepable(v, c)
        })
        .map(|(_, c)| c);
    let mut oblique_taken = false;
    for &v in &heads {
        let own = v == last && v != h && bare(v);
        if own {
            oblique_taken = false;
        }
        for c in s.children(v).filter(|&c| !skip(c)) {
            match s.tokens[c].deprel {
                Deprel::Obj | Deprel::Iobj => {
                    let c = relative_antecedent(s, v, c).unwrap_or(c);
                    if s.tokens[c].upos != Upos::Pron {
                        out.extend(nominal(s, c, skip).into_iter().filter(|&k| k != c || !measures_relation(s, k)));
                    }
                }
                // said as an object is, beside any other oblique: a passive's doer, and a phrase
                // of "under" right after the verb ("came under fire", "fell under suspicion")
                d if d.is_oblique()
                    && s.tokens[c].upos != Upos::Pron
                    && (d == Deprel::OblAgent && agent || under_right_after(s, v, c)) =>
                {
                    out.extend(preposition(s, c));
                    out.extend(nominal(s, c, skip));
                }
                d if d.is_oblique()
                    && !oblique_taken
                    && !matches!(s.tokens[c].upos, Upos::Pron | Upos::Adv)
                    && (own || named_oblique.is_none_or(|n| n == c))
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

/// Whether word `k` negates its verb ("not", "never"): a label keeps it.
fn negation(s: &Sentence, k: usize) -> bool {
    s.tokens[k].deprel == Deprel::Advmod && matches!(s.lemma(k), "not" | "never")
}

/// How many verbs deep a label follows complements ("refused to agree to renounce").
const COMPLEMENTS: usize = 2;

/// Verb `h` and the complements its label goes on to, each with its group ("to hold", "to be
/// named", "not to hide", "to step down", "in order to"): a complement's own complement too
/// ("refused to agree to renounce violence"), up to [`COMPLEMENTS`] deep, past the first an
/// xcomp only (a purpose there is another matter: "prepared to engage in dialogue (in order to
/// fulfil its proposal)"). Their words go to `out`; the verbs are returned, `h` first.
fn complements(s: &Sentence, h: usize, skip: &dyn Fn(usize) -> bool, out: &mut Vec<usize>) -> Vec<usize> {
    let next = |v: usize| complement_of(s, v, skip).filter(|&x| v == h || s.tokens[x].deprel == Deprel::Xcomp);
    let group = |c: usize| {
        matches!(s.tokens[c].deprel, Deprel::Mark | Deprel::Aux | Deprel::AuxPass)
            || negation(s, c)
            || is_particle(s, c)
    };
    let mut heads = vec![h];
    while let Some(x) = heads.last().and_then(|&v| next(v)).filter(|_| heads.len() <= COMPLEMENTS) {
        // "called for Blair to resign", "called for him to resign": "for" comes with the
        // clause's subject, or not at all ("labored for months to reach", where the parse made
        // the time the subject)
        let subject = subject_of(s, x).filter(|&k| !skip(k));
        let for_mark = s.children(x).find(|&c| s.tokens[c].deprel == Deprel::Mark && s.lemma(c) == "for");
        if let (Some(_), Some(k)) = (for_mark, subject) {
            out.extend(nominal(s, k, skip));
        }
        let orphan = for_mark.filter(|_| subject.is_none());
        for c in s.children(x).filter(|&c| group(c) && Some(c) != orphan) {
            // a mark of more than one word, whole
            out.extend(s.children(c).filter(|&f| s.tokens[f].deprel == Deprel::Fixed));
            out.push(c);
        }
        out.push(x);
        heads.push(x);
    }
    heads
}

/// The verb a clause's label goes on to: an xcomp ("agreed to hold talks"), or a purpose clause
/// after a verb with no object, which counts as its complement ("went to catch the soldiers":
/// UD makes "catch" an advcl, where the parser often says xcomp); after an object the label has
/// said what was done ("ordered the forces (to find ...)").
fn complement_of(s: &Sentence, h: usize, skip: &dyn Fn(usize) -> bool) -> Option<usize> {
    let has_object = s.children(h).any(|c| s.tokens[c].deprel == Deprel::Obj);
    let purpose = |c: usize| {
        c > h && !has_object && s.children(c).any(|m| s.tokens[m].deprel == Deprel::Mark && s.lemma(m) == "to")
    };
    let complement =
        |c: usize| s.tokens[c].deprel == Deprel::Xcomp || s.tokens[c].deprel == Deprel::Advcl && purpose(c);
    s.children(h).find(|&c| complement(c) && !skip(c))
}

/// Whether oblique `c` of verb `v`, in the chain of clause `h`, may go in the label: its
/// preposition is one the label keeps, an amount after "by" ([`amount`]), or a particle the
/// parse read as one ("called off the talks", "off" the case of "talks": the
/// phrase is what was called off); it is not after another oblique ([`follows_oblique`]) and
/// does not frame the clause ([`framing`]).
fn keepable(s: &Sentence, h: usize, v: usize, c: usize, skip: &dyn Fn(usize) -> bool) -> bool {
    let particle_case = s
        .children(c)
        .any(|k| k == v + 1 && s.tokens[k].deprel == Deprel::Case && lexicon::PARTICLES.contains(&s.lemma(k)));
    let case = crate::events::timeml::participants::case_of(s, c);
    let kept_case = case.is_some_and(|k| KEPT_CASES.contains(&k))
        || particle_case
        || case == Some("by") && amount(s, h, v, c, skip);
    kept_case && !follows_oblique(s, v, c, skip) && !framing(s, v, c)
}

/// Whether the label names the subject of clause `v`, its own or the one it shares
/// ([`shared_subject`]): a noun, or a "they" the label reads as the plural before it
/// ([`plural_antecedent`]).
fn subject_named(s: &Sentence, v: usize, skip: &dyn Fn(usize) -> bool) -> bool {
    let x = subject_not_time(s, v, skip).or_else(|| shared_subject(s, v));
    x.is_some_and(|x| s.tokens[x].upos != Upos::Pron || plural_antecedent(s, v, x).is_some())
}

/// Whether phrase `c` of verb `v`, in the chain of clause `h` ("voted to raise rates by a
/// quarter point"), is an amount ([`amount_noun`]) after a verb of change in
/// the active ("fell by 6.5 percent", "raised rates by a quarter point", "won by 42 runs"). After
/// "by" it says how much, and a label keeps it, as it keeps no doer or means ("followed a rally
/// by about 3,000 people", "a statement issued by the EU", "rose by selling assets"); only where
/// the label names what changed, the subject of `h` (not "it rose by nine percent": "Rose by
/// nine percent" says nothing).
fn amount(s: &Sentence, h: usize, v: usize, c: usize, skip: &dyn Fn(usize) -> bool) -> bool {
    let change = crate::events::lexicon::CHANGE_VERBS.contains(&s.lemma(v));
    change && subject_named(s, h, skip) && amount_noun(s, c)
}

/// Whether oblique `c` of verb `v` is set off at the head of the clause and frames it, saying
/// nothing of what was done ("In addition, ...", "For his part, ...", "As part of the talks,
/// ..."). What a clause follows frames it, named or not ("Following the Beijing Olympics, ..."),
/// and so does a place named ahead of the subject ("In Solo, PPP supporters clashed": the label
/// would read "Solo PPP supporters clashed", its preposition trimmed).
fn framing(s: &Sentence, v: usize, c: usize) -> bool {
    let end = s.subtree_span(c).1;
    let comma = |k: usize| s.tokens.get(k).is_some_and(|t| t.xpos == Xpos::Comma);
    let after = matches!(crate::events::timeml::participants::case_of(s, c), Some("following" | "follow" | "amid"));
    let before_subject = subject_of(s, v).is_some_and(|x| end < s.subtree_span(x).0);
    c < v && (s.tokens[c].upos != Upos::Propn || after || before_subject) && (comma(end) || comma(end + 1))
}

/// Whether oblique `c` of verb `v` is a phrase of "under" that starts right after the verb
/// ("came under intense criticism").
pub(super) fn under_right_after(s: &Sentence, v: usize, c: usize) -> bool {
    s.subtree_span(c).0 == v + 1 && crate::events::timeml::participants::case_of(s, c) == Some("under")
}

/// Whether word `k` is a unit of time that measures the relation after it ("posted his reply
/// hours after Putin proposed talks", "left days before"), which the parse may have taken for
/// the head of an object: it says how long after, not what was done.
pub(super) fn measures_relation(s: &Sentence, k: usize) -> bool {
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
pub(super) fn follows_oblique(s: &Sentence, v: usize, c: usize, skip: &dyn Fn(usize) -> bool) -> bool {
    if matches!(crate::events::timeml::participants::case_of(s, c), Some("in" | "at" | "across")) {
        return false;
    }
    let first = s.subtree_span(c).0;
    s.children(v).any(|o| o != c && s.tokens[o].deprel.is_oblique() && !skip(o) && s.subtree_span(o).1 + 1 == first)
}

/// What a proposal, a threat or a demand says, when it has no object: "suggested that Russia
/// and Ukraine hold bilateral talks", "stated that Washington could end the talks".
pub(super) fn complement(s: &Sentence, text: &str, h: usize, skip: &dyn Fn(usize) -> bool, out: &mut Vec<usize>) {
    if s.children(h).any(|c| s.tokens[c].deprel == Deprel::Obj) {
        return;
    }
    let Some(c) = s.children(h).find(|&c| s.tokens[c].deprel == Deprel::Ccomp) else { return };
    out.extend(s.children(c).filter(|&k| s.tokens[k].deprel == Deprel::Mark && s.lemma(k) == "that"));
    let sub = subject_of(s, c).filter(|&x| !skip(x));
    if let Some(sub) = sub {
        out.extend(nominal(s, sub, skip));
    }
    // A negated statement keeps its negation and the auxiliaries that carry it ("complained
    // that they did not have sufficient tools"): without them the label says the opposite.
    let negation = |k: usize| negation(s, k);
    let negated = s.children(c).any(negation);
    out.extend(s.children(c).filter(|&k| {
        let d = s.tokens[k].deprel;
        d == Deprel::Aux && (negated || s.tokens[k].xpos == Xpos::Md) || d == Deprel::AuxPass && negated || negation(k)
    }));
    verb_group(s, text, c, sub.is_some(), out);
    for k in s.children(c) {
        if !skip(k) && matches!(s.tokens[k].deprel, Deprel::Obj | Deprel::Xcomp) {
            // an infinitive keeps its "to" ("tools to enhance")
            if s.tokens[k].deprel == Deprel::Xcomp {
                out.extend(s.children(k).filter(|&m| s.tokens[m].deprel == Deprel::Mark && s.lemma(m) == "to"));
            }
            out.extend(nominal(s, k, skip));
        }
    }
}

/// Prepositions whose phrase an event noun's label keeps: where it went or what it was
/// about ("visit to Kenya", "talks with Russia", "conference in Switzerland", "settlement at
/// Abu Ghneim", "attack by rebels", "sanctions against Iran").
pub(super) const NOUN_CASES: &[&str] =
    &["to", "by", "in", "at", "between", "with", "on", "against", "over", "into", "for"];

/// Most phrases an event noun's label keeps after the noun.
pub(super) const NOUN_PHRASES: usize = 2;

/// An event noun: the phrase it heads, and where and with whom ("visit to Kenya", "peace
/// conference in Switzerland"): at most [`NOUN_PHRASES`] of its phrases, each right after the
/// words kept so far (a phrase further on is more often attached by mistake: "the murder of
/// Gongadze ... to the Supreme Court").
pub(super) fn noun_phrase(s: &Sentence, e: usize, skip: &dyn Fn(usize) -> bool, out: &mut Vec<usize>) {
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
pub(super) fn owner(s: &Sentence, text: &str, e: usize, full_name: &dyn Fn(&str) -> Option<String>, parts: &mut Parts) {
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

/// The preposition of oblique `c`, every word of it: "out of the region", "ahead of the
/// vote" (case words side by side; a second one apart from the first is a parse's slip).
pub(super) fn preposition(s: &Sentence, c: usize) -> impl Iterator<Item = usize> + '_ {
    let mut last: Option<usize> = None;
    s.children(c).filter(|&k| s.tokens[k].deprel == Deprel::Case).take_while(move |&k| {
        let next = last.is_none_or(|l| k == l + 1);
        last = Some(k);
        next
    })
}

/// Whether word `c` is its verb's particle: so parsed, or an adverb of the list right after it.
pub(super) fn is_particle(s: &Sentence, c: usize) -> bool {
    let d = s.tokens[c].deprel;
    d == Deprel::CompoundPrt
        || d == Deprel::Advmod
            && c.checked_sub(1).is_some_and(|p| s.tokens[c].head == Some(p))
            && lexicon::PARTICLES.contains(&s.lemma(c))
}

/// A verb and its group: "will" (and the passive's "be" with it) for the planned, modals kept
/// out (never entries), particles ("called off", and the adverbs the treebank does not call
/// particles: "stayed away", "pulled back"). A past passive keeps its participle alone ("was
/// appointed" -> "appointed"), as headlines write it; so does an active perfect whose
/// participle is also its past ("has rejected" -> "rejected"), but one whose participle is not
/// keeps its "has" or "had" beside a `subject` ("China has taken measures", not "China taken
/// measures"; `language::verb_forms`).
pub(super) fn verb_group(s: &Sentence, text: &str, h: usize, subject: bool, out: &mut Vec<usize>) {
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
pub(super) fn participle_only(word: &str) -> bool {
    crate::language::verb_forms::participle_only(crate::language::words::lower_hash(word))
}
