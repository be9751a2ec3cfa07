//! The phrase a label writes for a participant: a noun with its compounds, names, adjectives
//! and numbers ([`nominal`]), a name run to its end and cut to its person ("U.S. President
//! Donald Trump" -> "Donald Trump"), and whether a name may be a person's.

use crate::language::{Deprel, Sentence, Upos, Xpos};
use rustc_hash::FxHashSet;
use std::sync::OnceLock;

/// Longest phrase kept for one participant, in words.
pub(super) const MAX_PHRASE: usize = 7;

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
    // (not a time the parse set in apposition: "defended his EU budget deal Saturday")
    if let Some(n) = name_after(s, i).filter(|&n| !skip(n)) {
        return nominal(s, n, skip);
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
pub(super) fn modifiers(s: &Sentence, i: usize, skip: &dyn Fn(usize) -> bool) -> Vec<usize> {
    let mut out = vec![i];
    let mut stack = vec![(i, 0u8)];
    while let Some((k, depth)) = stack.pop() {
        for c in s.children(k) {
            // a kept possessor or name keeps its "'s" and the rest of its name however long the
            // phrase ("the Dalai Lama's recent six-day visit", "Dick Cheney's former top aide")
            let whole = k != i
                && match s.tokens[c].deprel {
                    Deprel::Case => s.tokens[c].upos == Upos::Part,
                    Deprel::Flat | Deprel::Compound => {
                        s.tokens[k].upos == Upos::Propn && s.tokens[c].upos == Upos::Propn
                    }
                    _ => false,
                }
                // and a number keeps its digits and what qualifies it ("more than 200 billion")
                || s.tokens[k].upos == Upos::Num && matches!(s.tokens[c].upos, Upos::Num)
                || s.tokens[k].upos == Upos::Num && s.tokens[c].deprel == Deprel::Advmod;
            if skip(c) || out.len() >= MAX_PHRASE && !whole {
                continue;
            }
            let d = s.tokens[c].deprel;
            if age(s, k, c) {
                continue;
            }
            let keep = match d {
                Deprel::Compound | Deprel::Flat | Deprel::Amod | Deprel::Nummod | Deprel::NmodPoss => true,
                // what qualifies a number ("at least six", "nearly 100"), with its fixed words
                Deprel::Advmod => s.tokens[k].upos == Upos::Num,
                Deprel::Case => k != i || s.tokens[c].upos == Upos::Part, // "'s" of a possessor
                Deprel::Det => {
                    let l = s.lemma(c).to_lowercase();
                    article_of_number(s, c)
                        || l == "the" && k != i
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
                if d == Deprel::Advmod {
                    out.extend(s.children(c).filter(|&x| s.tokens[x].deprel == Deprel::Fixed));
                }
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
    // conjunction between words of the phrase is one of them; so is an "of" the parse hung on
    // the head when it stands between its words ("one of three men", "all of the hostages").
    let (lo, hi) = (out.iter().min().copied().unwrap_or(i), out.iter().max().copied().unwrap_or(i));
    let joined: Vec<usize> = out
        .iter()
        .flat_map(|&k| s.children(k))
        .filter(|&c| lo < c && c < hi)
        .filter(|&c| {
            let d = s.tokens[c].deprel;
            d == Deprel::Cc || d == Deprel::Case && s.tokens[c].head == Some(i) && s.lemma(c).eq_ignore_ascii_case("of")
        })
        .collect();
    out.extend(joined.into_iter().filter(|&c| !skip(c)));
    out.sort_unstable();
    out.dedup();
    out
}

/// Whether word `c` of name `k` is a person's age set off by commas ("Ahmad Mahmud, 20, was
/// killed"): no part of the name.
fn age(s: &Sentence, k: usize, c: usize) -> bool {
    s.tokens[c].upos == Upos::Num && s.tokens[k].upos == Upos::Propn && c > 0 && s.tokens[c - 1].xpos == Xpos::Comma
}

/// Completes the phrase `out` (sorted) of proper-noun head `i`: a name's run of proper nouns,
/// however the parse attached them ("Marco Rubio"); after the head, the words the parse hung
/// beside it, as it ("Northrop | Grumman | Corp. won"). A name keeps its person, not the office
/// before it: "U.S. President Donald Trump" -> "Donald Trump", "Secretary of State Marco Rubio"
/// -> "Marco Rubio".
pub(super) fn name_run(s: &Sentence, i: usize, skip: &dyn Fn(usize) -> bool, out: &mut Vec<usize>) {
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
pub(super) fn contiguous(out: &[usize], i: usize) -> Vec<usize> {
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
pub(crate) fn beside(s: &Sentence, i: usize, k: usize) -> bool {
    let (a, b) = (&s.tokens[i], &s.tokens[k]);
    a.head.is_some()
        && a.head == b.head
        && a.deprel == b.deprel
        && (a.deprel.is_subject() || a.deprel == Deprel::Obj || a.deprel.is_nmod())
}

/// Whether word `k` is "a", "an", "the" or "some" of a number, and so part of it: "nearly a
/// dozen teams", "a million people", "Some 50 of them".
pub(super) fn article_of_number(s: &Sentence, k: usize) -> bool {
    ["a", "an", "the", "some"].iter().any(|w| s.lemma(k).eq_ignore_ascii_case(w))
        && s.tokens[k].head.is_some_and(|h| s.tokens[h].upos == Upos::Num)
}

/// Whether word `k` is a title ("President", "Secretary"; the trigger list's titles).
pub(crate) fn is_title(s: &Sentence, k: usize) -> bool {
    crate::events::Triggers::get().is_title(s.lemma(k))
}

/// The name in an office's "of" phrase, when the office is a title the parse made the head of
/// it ("Secretary of State Marco Rubio", "Secretary" at the head): a proper noun with a name of
/// two words or more ("of State" alone names no one).
pub(super) fn holder_of_office(s: &Sentence, i: usize) -> Option<usize> {
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

/// A noun the parse made the head of the name that follows it with no comma between ("OPEC's
/// rotating President Edmund Daukoru", read as "rotating" with "Daukoru" in apposition): the
/// name, which the noun only describes. An apposition set off by a comma ("the minister,
/// Ali Hassan,") leaves the noun the head, and so does a name that begins a clause ("a letter
/// Chan wrote"). The caller passes over a temporal expression ("defended his deal Saturday").
fn name_after(s: &Sentence, i: usize) -> Option<usize> {
    if s.tokens[i].upos != Upos::Noun {
        return None;
    }
    let n = s.children(i).find(|&n| n > i && s.tokens[n].deprel == Deprel::Appos)?;
    let (_, last) = name_span(s, n);
    let clause = s.tokens.get(last + 1).is_some_and(|t| matches!(t.upos, Upos::Verb | Upos::Aux));
    let set_off = (i + 1..n).any(|k| s.tokens[k].upos == Upos::Punct);
    (s.tokens[n].upos == Upos::Propn && !clause && !set_off).then_some(n)
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
        include_str!("../not-people.txt")
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .collect()
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
