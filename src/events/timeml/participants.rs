//! Who takes part in an event and where, from its dependents in the parse.

use crate::language::{Deprel, Sentence, Upos, Xpos};
use serde::Serialize;
use std::ops::Range;

/// The part someone or something plays in an event.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Role {
    /// Who does it (or, in the passive, undergoes it).
    Subject,
    /// What or whom it is done to.
    Object,
    /// To or for whom ("gave Ukraine aid").
    Recipient,
    /// Who does it, named in a passive's "by" phrase.
    Agent,
    /// A named oblique ("talks with Russia", "a deal between the EU and China").
    With,
    /// Where it happens ("in Istanbul"): only ever an event's `place`.
    Place,
}

/// One participant: its role and words.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Participant {
    pub role: Role,
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// The name it stands for, from earlier in the article: "he" for "Vladimir Putin", "the
    /// company" for "Northrop Grumman Corp.", "Gallois" for "Louis Gallois".
    #[serde(skip_serializing_if = "Option::is_none")]
    pub refers: Option<String>,
    /// Its head word in the sentence.
    #[serde(skip)]
    pub head: usize,
}

/// For a relative pronoun ("which", "who", "that") of a relative clause headed by `h`, the noun
/// the clause is about: "the peninsula, which Russia annexed" -> "peninsula". When that noun
/// stands in apposition to a name, the name: "Ahmadinejad, a revolutionary who won the
/// election" -> "Ahmadinejad".
pub fn relative_antecedent(s: &Sentence, h: usize, pronoun: usize) -> Option<usize> {
    let relative =
        s.tokens[pronoun].upos == Upos::Pron && matches!(s.lemma(pronoun), "which" | "who" | "whom" | "that");
    let noun = (relative && s.tokens[h].deprel == Deprel::AclRelcl).then(|| s.tokens[h].head).flatten()?;
    // a clause the parse hung on a verb is about no noun, unless a determiner shows the verb
    // was a name the tagger misread ("The Fed, which halted")
    let determined = noun > 0 && s.tokens[noun - 1].upos == Upos::Det;
    if matches!(s.tokens[noun].upos, Upos::Verb | Upos::Aux) && !determined {
        return None;
    }
    // not a day or month the parse took for the name ("On Saturday, the largest temblor that")
    let calendar = |n: usize| {
        let lower = s.lemma(n).to_ascii_lowercase();
        crate::dates::lexicon::Lexicon::get().names_month_or_weekday(&lower)
    };
    let named = s.tokens[noun].head.filter(|&n| {
        s.tokens[noun].deprel == Deprel::Appos && s.tokens[n].upos == Upos::Propn && n < noun && !calendar(n)
    });
    Some(named.unwrap_or(noun))
}

/// The phrase a nominal word heads, cut to its name: the word with its compounds, flat
/// names, possessors, numbers and adjectives, and the determiner when it is "the". A word
/// written with a hyphen at either end is kept whole ("China-based websites", however the
/// treebank's tokens split it and the parse attached its parts).
pub fn phrase(s: &Sentence, i: usize) -> Range<usize> {
    let Range { start: mut lo, end } = parsed_phrase(s, i);
    let mut hi = end - 1;
    while lo >= 2 && hyphen_joins(s, lo - 1) {
        lo -= 2;
    }
    while hi + 2 < s.len() && hyphen_joins(s, hi + 1) {
        hi += 2;
    }
    lo..hi + 1
}

/// Whether word `k` is a hyphen written with no space on either side, between two words of
/// one ("US-led", "38-year-old").
pub fn hyphen_joins(s: &Sentence, k: usize) -> bool {
    let tight = |a: usize| a + 1 < s.len() && s.tokens[a].end == s.tokens[a + 1].start;
    k >= 1 && s.tokens[k].xpos == Xpos::Hyph && tight(k - 1) && tight(k)
}

/// [`phrase`] as the parse cuts it, a hyphenated word's parts left where the parse put them:
/// what a doer is compared by ("Hamas-led government" is not a doer named "Hamas").
pub fn parsed_phrase(s: &Sentence, i: usize) -> Range<usize> {
    let (mut lo, mut hi) = (i, i);
    let mut stack = vec![i];
    let mut steps = 0;
    while let Some(k) = stack.pop() {
        steps += 1;
        if steps > 64 {
            break;
        }
        for c in s.children(k) {
            let d = s.tokens[c].deprel;
            let keep = matches!(
                d,
                Deprel::Compound | Deprel::Flat | Deprel::Amod | Deprel::Nummod | Deprel::NmodPoss | Deprel::Case
            ) && !(d == Deprel::Case && k == i);
            let contiguous = c + 1 >= lo && c <= hi + 1;
            if keep && (contiguous || (c > lo.saturating_sub(4) && c < hi + 4)) {
                lo = lo.min(c);
                hi = hi.max(c);
                stack.push(c);
            }
        }
    }
    lo..hi + 1
}

/// The participant headed by word `head`: its [`phrase`], cut before a temporal expression
/// the parse hung after the head ("met Kabila Friday", "condemned John Howard on Thursday"
/// name Kabila and John Howard).
fn span(s: &Sentence, text: &str, head: usize, role: Role, timex: &dyn Fn(usize) -> bool) -> Participant {
    let mut r = phrase(s, head);
    if let Some(k) = (head + 1..r.end).find(|&k| timex(k)) {
        r.end = k;
        while r.end > head + 1 && matches!(s.tokens[r.end - 1].upos, Upos::Adp | Upos::Punct) {
            r.end -= 1;
        }
    }
    let (start, end) = (s.tokens[r.start].start, s.tokens[r.end - 1].end);
    Participant { role, text: text[start..end].to_string(), start, end, refers: None, head }
}

/// Whether the word names someone or something (a proper noun, a noun, a pronoun).
fn nominal(s: &Sentence, i: usize) -> bool {
    matches!(s.tokens[i].upos, Upos::Propn | Upos::Noun | Upos::Pron | Upos::Num)
}

/// Words that measure a change without a number ("by a quarter point", "by half").
const MEASURES: &[&str] = &["percent", "point", "points", "quarter", "half"];

/// Whether noun `c` names an amount: it, or a number or compound of its own, is a number or a
/// measure ("6.5 percent", "10 pence", "a quarter point", "42 runs"); not a number further down
/// its phrase ("the EU, which urges the two sides").
pub fn amount_noun(s: &Sentence, c: usize) -> bool {
    let counts = |k: usize| k == c || matches!(s.tokens[k].deprel, Deprel::Nummod | Deprel::Compound);
    let measure = |k: usize| counts(k) && (s.tokens[k].upos == Upos::Num || MEASURES.contains(&s.lemma(k)));
    measure(c) || s.children(c).any(measure)
}

/// The case marker (preposition) of an oblique or nominal modifier, lower case.
pub fn case_of(s: &Sentence, i: usize) -> Option<&str> {
    s.children(i).find(|&c| s.tokens[c].deprel == Deprel::Case).map(|c| s.lemma(c))
}

const PLACE_PREPOSITIONS: &[&str] = &["in", "at", "near", "outside", "inside"];
const WITH_PREPOSITIONS: &[&str] = &["with", "between", "against", "to", "for", "from", "among", "on"];

/// The nouns [`located`] reads on its way down (`place-nouns.txt`): those whose "of" names a
/// place ("the town of Beit Hanoun"), those of a phrase that works as a preposition ("in the
/// wake of"), which it does not descend, and the heads of names of buildings and grounds ("City
/// Hall"), places even with "a" before them.
struct PlaceNouns {
    places: Vec<&'static str>,
    venues: Vec<&'static str>,
    prepositions: Vec<&'static str>,
}

fn place_nouns() -> &'static PlaceNouns {
    static NOUNS: std::sync::OnceLock<PlaceNouns> = std::sync::OnceLock::new();
    NOUNS.get_or_init(|| {
        let mut nouns = PlaceNouns { places: Vec::new(), venues: Vec::new(), prepositions: Vec::new() };
        for line in include_str!("place-nouns.txt").lines().map(|l| l.split('#').next().unwrap_or("")) {
            let Some((kind, words)) = line.split_once(':') else { continue };
            match kind.trim() {
                "place" => nouns.places.extend(words.split_whitespace()),
                "venue" => nouns.venues.extend(words.split_whitespace()),
                "preposition" => nouns.prepositions.extend(words.split_whitespace()),
                _ => {}
            }
        }
        nouns
    })
}

/// How many nouns down [`located`] looks: "in the shelling of homes in the town of Beit Hanun".
const PLACE_DEPTH: usize = 3;

/// For an oblique noun `c` with a place preposition ("in a coal mine", "at the hospital"), the
/// named place it lies in, by the same prepositions, through nouns it is of: "in a coal mine
/// in southern Poland" -> "Poland", "at a market in Baghdad" -> "Baghdad", "in the shelling of
/// homes in the town of Beit Hanun" -> "Beit Hanun". A noun that is no place ("in a speech in
/// Paris") still takes the event there.
fn located(s: &Sentence, c: usize, case: &str, timex: &dyn Fn(usize) -> bool) -> Option<usize> {
    if s.tokens[c].upos != Upos::Noun || !PLACE_PREPOSITIONS.contains(&case) {
        return None;
    }
    let depth = if place_nouns().prepositions.contains(&s.lemma(c)) { 1 } else { PLACE_DEPTH };
    place_under(s, c, depth, timex)
}

/// Whether name `c` has an indefinite article and is no building or ground: a thing of that
/// make or kind ("in a Citroen", "at an Olympic Games"), not a place ("in a brightly decorated
/// City Hall" is one).
fn indefinite(s: &Sentence, c: usize) -> bool {
    let article =
        |d: usize| s.tokens[d].deprel == Deprel::Det && ["a", "an"].iter().any(|a| s.lemma(d).eq_ignore_ascii_case(a));
    // the article first: most names have none, and the venue list is not read for them
    s.children(c).any(article) && !place_nouns().venues.iter().any(|v| s.lemma(c).eq_ignore_ascii_case(v))
}

/// The first proper noun hung on noun `k` as a place ("in Baghdad", "the town of Beit Hanun"),
/// else one under the nouns hung on it by a place preposition or "of", `depth` nouns down.
fn place_under(s: &Sentence, k: usize, depth: usize, timex: &dyn Fn(usize) -> bool) -> Option<usize> {
    let named = place_nouns().places.contains(&s.lemma(k));
    let hung = |c: usize, upos: Upos| s.tokens[c].upos == upos && s.tokens[c].deprel.is_nmod() && !timex(c);
    let place = s.children(k).find(|&c| {
        let case = case_of(s, c).unwrap_or("");
        hung(c, Upos::Propn) && !indefinite(s, c) && (PLACE_PREPOSITIONS.contains(&case) || named && case == "of")
    });
    if place.is_some() || depth <= 1 {
        return place;
    }
    s.children(k)
        .filter(|&c| {
            hung(c, Upos::Noun) && matches!(case_of(s, c), Some(w) if w == "of" || PLACE_PREPOSITIONS.contains(&w))
        })
        .find_map(|c| place_under(s, c, depth - 1, timex))
}

/// Participants and place of event word `i`; `timex` tells which words are temporal
/// expressions (never a participant or a place).
pub fn participants(
    s: &Sentence,
    text: &str,
    i: usize,
    timex: &dyn Fn(usize) -> bool,
) -> (Vec<Participant>, Option<Participant>) {
    let mut out = Vec::new();
    let mut place = None;
    // A passive's or nominal's subject may sit on the copula's or light verb's head: take the
    // event's own dependents, and for a noun that is a verb's object, nothing more.
    for c in s.children(i) {
        if timex(c) {
            // "On Wednesday in London": the place the parse hangs on the event's time; "in
            // Istanbul yesterday", parsed as one phrase, the place before the time.
            let time_case = PLACE_PREPOSITIONS.contains(&case_of(s, c).unwrap_or(""));
            let on_time = s.children(c).find(|&k| {
                let case = PLACE_PREPOSITIONS.contains(&case_of(s, k).unwrap_or(""));
                s.tokens[k].upos == Upos::Propn
                    && !timex(k)
                    && (s.tokens[k].deprel.is_nmod() && case
                        || s.tokens[k].deprel == Deprel::Compound && k < c && time_case)
            });
            if let (None, Some(k)) = (&place, on_time) {
                place = Some(span(s, text, k, Role::Place, timex));
            }
            continue;
        }
        if !nominal(s, c) {
            continue;
        }
        let d = s.tokens[c].deprel;
        let role = match d {
            d if d.is_subject() => Some(Role::Subject),
            Deprel::Obj => Some(Role::Object),
            Deprel::Iobj => Some(Role::Recipient),
            Deprel::OblAgent => Some(Role::Agent),
            d if d.is_oblique() || d.is_nmod() || d == Deprel::NmodPoss => {
                let case = case_of(s, c).unwrap_or("");
                if s.tokens[c].upos == Upos::Propn && PLACE_PREPOSITIONS.contains(&case) && !indefinite(s, c) {
                    if place.is_none() {
                        place = Some(span(s, text, c, Role::Place, timex));
                    }
                    None
                } else if let Some(k) = located(s, c, case, timex).filter(|_| place.is_none() && d.is_oblique()) {
                    // "killed in a coal mine in southern Poland": where the mine is
                    place = Some(span(s, text, k, Role::Place, timex));
                    None
                } else if case == "by" && s.tokens[c].upos != Upos::Noun {
                    Some(Role::Agent)
                } else if d == Deprel::NmodPoss && s.tokens[c].upos == Upos::Propn {
                    Some(Role::Subject)
                } else if s.tokens[c].upos == Upos::Propn && WITH_PREPOSITIONS.contains(&case) {
                    Some(Role::With)
                } else if d.is_nmod() && case == "of" && s.tokens[i].upos == Upos::Noun {
                    Some(Role::Object)
                } else {
                    None
                }
            }
            _ => None,
        };
        if let Some(role) = role {
            // "the states, which joined the bloc": the states joined it.
            let c = match relative_antecedent(s, i, c).filter(|&a| nominal(s, a) && !timex(a)) {
                Some(a) => a,
                // A relative pronoun the parse gives no noun ("which" on a clause) names no one.
                None if matches!(s.tokens[c].xpos, Xpos::Wdt | Xpos::Wp) => continue,
                None => c,
            };
            out.push(span(s, text, c, role, timex));
            // Conjoined participants ("Russia and Ukraine").
            for cc in s.children(c) {
                if s.tokens[cc].deprel == Deprel::Conj && nominal(s, cc) && !timex(cc) {
                    out.push(span(s, text, cc, role, timex));
                }
            }
        }
    }
    (out, place)
}

/// The name participant `p` of event word `i` stands for, if the article gave one before: a
/// pronoun or "the company" (`events::headline::referent`), or a one-word name the
/// article gave in full ("Gallois" for "Louis Gallois"). `full_name` reads the article's names.
pub fn refers(
    s: &Sentence,
    text: &str,
    i: usize,
    p: &Participant,
    full_name: &dyn Fn(&str) -> Option<String>,
) -> Option<String> {
    let one_word = s.tokens[p.head].upos == Upos::Propn && !p.text.contains(char::is_whitespace);
    crate::events::headline::referent(s, text, i, p.head, &|_| false, full_name)
        .or_else(|| one_word.then(|| full_name(&p.text)).flatten())
        .filter(|name| *name != p.text)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every line of `place-nouns.txt` is a kind the reader knows, so none is dropped unread.
    #[test]
    fn place_nouns_are_all_read() {
        let lines = include_str!("place-nouns.txt").lines().map(|l| l.split('#').next().unwrap_or("").trim());
        let words: usize = lines.filter(|l| !l.is_empty()).map(|l| l.split_whitespace().count() - 1).sum();
        let nouns = place_nouns();
        assert_eq!(nouns.places.len() + nouns.prepositions.len() + nouns.venues.len(), words);
        assert!(
            nouns.places.contains(&"city") && nouns.prepositions.contains(&"wake") && nouns.venues.contains(&"hall")
        );
    }
}
