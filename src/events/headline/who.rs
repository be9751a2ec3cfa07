//! Who did it: the clause's subject, in full where the article allows ("he" for the person
//! named as subject before, "it" or "the company" for the organisation, "they" for a plural
//! subject of the clause above), and the pieces of a subject the parse split.

use super::phrase::*;
use super::Parts;
use crate::events::timeml::participants::relative_antecedent;
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// Who: the clause's subject (else, for a conjoined or controlled verb, its head's), in full
/// where the article allows. Whether it is a name.
pub(super) fn who(
    s: &Sentence,
    text: &str,
    h: usize,
    skip: &dyn Fn(usize) -> bool,
    full_name: &dyn Fn(&str) -> Option<String>,
    parts: &mut Parts,
) -> bool {
    let own = subject_not_time(s, h, skip);
    let subject = own.or_else(|| shared_subject(s, h));
    // A participle that describes a noun is said of it: "the Doha round, launched in Doha in
    // 2001" was launched; "droppings collected at the harbor" were collected.
    let subject = subject.or_else(|| described(s, h, skip));
    let Some(x) = subject.map(|x| relative_antecedent(s, h, x).unwrap_or(x)) else { return false };
    // The parties to the subject ([`parties`]) where it is the clause's own: not one shared
    // with a verb above ("the group ... included a rock star turned politician"), nor the noun a
    // relative pronoun stands for, which may be the party as likely ("the group with
    // Blanchett, who won").
    let with_parties = own.is_some() && subject == Some(x);
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
    let mut words = subject_words(s, text, h, x, skip);
    if let (Some(&first), Some(&last)) = (words.first(), words.last()) {
        if let Some(full) = full_name(&text[s.tokens[first].start..s.tokens[last].end]) {
            parts.replace.push((first, last, full));
        }
    }
    if with_parties {
        words.extend(parties(s, x, words.last().copied(), skip));
    }
    parts.words.extend(words);
    s.tokens[x].upos == Upos::Propn
}

/// The words of the phrase of subject `x` that names the parties to it, right after the
/// subject's last word `last`: "Talks between the two sides collapsed" is not "Talks
/// collapsed". After "between", two parties joined or a plural ("between Israel and the
/// Palestinians", "between police and protesters", "between the two countries"; not "between
/// those supporting"); after "with", a name ("a row with Washington", "negotiations with the
/// Taliban"; not "an earthquake with a magnitude of 5.9", "a glider with two people aboard").
fn parties(s: &Sentence, x: usize, last: Option<usize>, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let Some(last) = last else { return Vec::new() };
    let joined = |c: usize| s.children(c).any(|k| s.tokens[k].deprel == Deprel::Conj);
    let party = |c: &usize| {
        let c = *c;
        let named = s.tokens[c].upos == Upos::Propn;
        // (not "between the ages of three and 69", a range)
        let plural = s.tokens[c].upos == Upos::Noun
            && matches!(s.tokens[c].xpos, Xpos::Nns | Xpos::Nnps)
            && !s.lemma(c).eq_ignore_ascii_case("age");
        let fits = match crate::events::timeml::participants::case_of(s, c) {
            Some("between") => joined(c) || plural,
            Some("with") => named,
            _ => false,
        };
        fits && s.tokens[c].deprel.is_nmod() && !skip(c) && s.subtree_span(c).0 == last + 1
    };
    let Some(c) = s.children(x).find(party) else { return Vec::new() };
    let mut out: Vec<usize> = s.children(c).filter(|&k| s.tokens[k].deprel == Deprel::Case).collect();
    out.extend(nominal(s, c, skip));
    out
}

/// The subject clause `h` shares with the verb it is joined to or completes ("entered the city
/// and fired", "agreed to hold talks"), where it has none of its own.
pub(super) fn shared_subject(s: &Sentence, h: usize) -> Option<usize> {
    let head = s.tokens[h].head?;
    // a noun joined to a verb (a misparse) shares no subject with it
    let noun = matches!(s.tokens[h].upos, Upos::Noun | Upos::Propn) && s.tokens[head].upos == Upos::Verb;
    (matches!(s.tokens[h].deprel, Deprel::Conj | Deprel::Xcomp) && !noun).then(|| subject_of(s, head)).flatten()
}

/// The noun a participle clause `h` describes ("the round, launched in 2001"), when a date
/// follows in the clause (a participle with no date of its own describes the noun: "routes
/// served by the group"), and the participle does not bring out a text ("a report released on
/// Monday").
fn described(s: &Sentence, h: usize, skip: &dyn Fn(usize) -> bool) -> Option<usize> {
    let participle = matches!(s.tokens[h].xpos, Xpos::Vbn | Xpos::Vbg)
        && !crate::events::lexicon::PUBLISHING_VERBS.contains(&s.lemma(h));
    let dated = (h + 1..=s.subtree_span(h).1).any(skip);
    let noun = s.tokens[h].head.filter(|&n| matches!(s.tokens[n].upos, Upos::Noun | Upos::Propn))?;
    (participle && dated && s.tokens[h].deprel == Deprel::Acl && noun < h).then_some(noun)
}

/// The words of subject `x` of clause `h`. A clause has one subject: another one right after
/// it, before the verb, is a piece of the same phrase the parser split off ("Burma's | military
/// authorities maintained", "the Rules | and Administration Committee angered"), and joins it.
pub(super) fn subject_words(s: &Sentence, text: &str, h: usize, x: usize, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
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
        // (past a clause whose subject is this same "it": "it will cancel a flight and will
        // change the timings", the second verb sharing the first one's subject)
        let c = s.ancestors(h).skip(1).find_map(|a| subject_of(s, a).filter(|&c| c != x));
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
pub(super) fn phrase(s: &Sentence, text: &str, c: usize, skip: &dyn Fn(usize) -> bool) -> Option<String> {
    let words = nominal(s, c, skip);
    let (first, last) = (*words.first()?, *words.last()?);
    Some(text[s.tokens[first].start..s.tokens[last].end].to_string())
}

/// What "they", subject `x` of clause `h`, stands for in its own sentence: a plural subject
/// ("rebels", "Russia and Ukraine") before it, of a clause this one depends on ("Kabila's rebels
/// have captured half the country since they launched their offensive") or of a clause that
/// leads into it ("When the rebels captured Kasenga, they went through Zambia").
pub(super) fn plural_antecedent(s: &Sentence, h: usize, x: usize) -> Option<usize> {
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

/// The clause's subject word, if it has one.
pub(super) fn subject_of(s: &Sentence, h: usize) -> Option<usize> {
    s.children(h).find(|&c| s.tokens[c].deprel.is_subject())
}

/// The subject of clause `h` that is not a temporal expression (`skip`): "But Saturday, Kabila
/// toughened his position" parses with two subjects, the day and the man; else its first.
/// When the only subject is a time the parse hung the real one on ("negotiations earlier this
/// month failed", with "negotiations" the subject of "month"), that one.
pub(super) fn subject_not_time(s: &Sentence, h: usize, skip: &dyn Fn(usize) -> bool) -> Option<usize> {
    let subject = |c: usize| s.tokens[c].deprel.is_subject() && !skip(c);
    s.children(h).find(|&c| subject(c)).or_else(|| {
        let time = subject_of(s, h)?;
        let hung =
            s.children(time).find(|&c| c < time && subject(c) && matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn));
        hung.or(Some(time))
    })
}
