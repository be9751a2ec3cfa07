//! Mending the parse where the date stage knows better. The parser, trained on web text, often
//! reads a trailing time as the head of the noun phrase before it: in "will present evidence
//! about the invasion next week" it makes "week" the noun that "invasion" modifies, and in
//! "is going to visit Moscow next month" it makes "Moscow" a compound of "month". The date
//! stage has found "next week" as a whole expression; what comes before it is another phrase.
//! The word before it takes the expression's place in the tree, and the expression goes to the
//! clause, as the treebank attaches a time of its own (`obl:unmarked`, or `obl` with a
//! preposition). A few failures of the parse that no date is needed to see are mended here
//! too: a participle taken for the clause's verb (`verb`, `participle`), a relative clause hung
//! on the wrong word (`relative`), a prepositional phrase made a second subject, a time hung
//! under punctuation.

mod participle;
mod phrase;
mod relative;
mod verb;

use super::anchor::Timex;
use crate::language::{Deprel, Sentence, Upos, Xpos};
use relative::{relative_after_comma, relative_after_noun, relative_as_root};
use verb::{conjunct_of, finish_clause, report_before_complement, reported_clause, unfinished_clause};

/// A move of the parse: a word, its new head (none: the root) and its new relation, as
/// [`Sentence::reattach`] takes them.
type Move = (usize, Option<usize>, Deprel);

/// Relations by which a noun before a time may have been hung on it by mistake.
fn swallowed(d: Deprel) -> bool {
    matches!(
        d,
        Deprel::Compound | Deprel::Flat | Deprel::Nmod | Deprel::NmodUnmarked | Deprel::NmodDesc | Deprel::Appos
    )
}

/// Words that begin a time a clause takes as an adverb, with no preposition: "next week", "last
/// month", "this year"; and the words for a day, "Monday", "yesterday" ([`crate::language::DAY_WORDS`]).
/// A written date after a noun ("stock of record Nov. 10") is as often a part of the noun
/// phrase, and is left as parsed.
const ADVERBIAL_STARTS: &[&str] = &["next", "last", "this", "past", "coming"];

fn adverbial(s: &Sentence, t: &Timex) -> bool {
    let first = s.lemma(t.words.start).to_lowercase();
    ADVERBIAL_STARTS.contains(&first.as_str()) || crate::language::DAY_WORDS.contains(&first.as_str())
}

/// The moves that give the phrase before temporal expression `t` back its place, if the parse
/// hung it on the expression: `(word, head, relation)` as [`Sentence::reattach`] takes them.
pub fn moves(s: &Sentence, t: &Timex) -> Vec<Move> {
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

/// The move that gives a time the parse hung on a noun as an oblique back to its clause:
/// obliques are a clause's, never a noun's ("closed at fresh record highs Thursday", where
/// "Thursday" hung on "highs"). The time goes to the first verb above the noun, with its
/// relation. Only a time a clause takes as an adverb ("Thursday", "next week").
fn oblique_on_noun(s: &Sentence, t: &Timex) -> Option<Move> {
    let tok = &s.tokens[t.head];
    let g = tok.head?;
    if t.set || !tok.deprel.is_oblique() || !matches!(s.tokens[g].upos, Upos::Noun | Upos::Propn) || !adverbial(s, t) {
        return None;
    }
    let v = s.ancestors(g).find(|&a| s.tokens[a].upos == Upos::Verb && !t.words.contains(&a))?;
    Some((t.head, Some(v), tok.deprel))
}

/// The move that makes a time right after a verb, which the parse made the verb's subject
/// ("Ericsson said Saturday it will invest", "Saturday" the subject of "said"), the time the
/// clause takes (`obl:unmarked`). A subject after its verb is rare in news, a time as one rarer.
fn subject_after_verb(s: &Sentence, t: &Timex) -> Option<Move> {
    let tok = &s.tokens[t.head];
    let v = tok.head?;
    let subject = matches!(tok.deprel, Deprel::Nsubj | Deprel::NsubjPass);
    (subject && !t.set && t.words.start == v + 1 && s.tokens[v].upos == Upos::Verb && adverbial(s, t)).then_some((
        t.head,
        Some(v),
        Deprel::OblUnmarked,
    ))
}

/// The moves that undo a relative clause the parse made of a time between a subject and its
/// verb ("The Turkish parliament last Friday approved a free trade agreement": "Friday" the
/// subject of "approved", and "approved" a relative clause of "parliament", the root). A time
/// is not a subject in news; the noun before it, with nothing of the clause between them, is.
/// The verb takes the noun's place as the root, the noun becomes its subject and the time its
/// oblique. Only a noun that is the root: one that has a clause of its own is left as parsed.
fn time_as_subject(s: &Sentence, t: &Timex) -> Vec<Move> {
    let x = t.head;
    let Some(v) = s.tokens[x].head.filter(|&v| v > x && s.tokens[v].deprel == Deprel::AclRelcl) else {
        return Vec::new();
    };
    let shape = s.tokens[x].deprel.is_subject() && !t.set && !t.duration && adverbial(s, t);
    let n = s.tokens[v].head.filter(|&n| n < t.words.start && s.tokens[n].deprel == Deprel::Root);
    let Some(n) = n.filter(|&n| shape && matches!(s.tokens[n].upos, Upos::Noun | Upos::Propn)) else {
        return Vec::new();
    };
    // the words between the noun and the time are the noun's phrase ("troops on display")
    let of_noun = |k: usize| s.ancestors(k).take_while(|&a| a != v).any(|a| a == n);
    // the verb has no subject but the time, nor a relative pronoun ("which last year signed")
    let other = s
        .children(v)
        .any(|c| c != x && (s.tokens[c].deprel.is_subject() || matches!(s.tokens[c].xpos, Xpos::Wdt | Xpos::Wp)));
    if other || !(n + 1..t.words.start).all(of_noun) {
        return Vec::new();
    }
    let mut out = finish_clause(s, v, n);
    out.push((x, Some(v), Deprel::OblUnmarked));
    out
}

/// The move that makes a name or noun the parse set in apposition to a time the clause's
/// subject ("On Thursday, Ichiro Ozawa, who heads the main opposition party, promised to
/// support the bill": "Ozawa" in apposition to "Thursday", and "promised" with no subject; "On
/// Thursday a tourist board launched"). A time is seldom renamed, and never so when the verb it
/// belongs to lacks a subject: the name or noun before that verb is the one who did it. A verb
/// with a subject of its own leaves the apposition be ("On Thursday, Independence Day, the
/// president spoke").
fn name_after_time(s: &Sentence, t: &Timex) -> Option<Move> {
    let v = s.tokens[t.head].head.filter(|&v| s.tokens[v].upos == Upos::Verb && !t.set)?;
    let name = |c: &usize| {
        *c >= t.words.end
            && *c < v
            && s.tokens[*c].deprel == Deprel::Appos
            && matches!(s.tokens[*c].upos, Upos::Propn | Upos::Noun)
    };
    let a = s.children(t.head).find(name)?;
    let subject = s.children(v).any(|c| s.tokens[c].deprel.is_subject());
    (!subject).then_some((a, Some(v), Deprel::Nsubj))
}

/// The words the parse gave two subjects, with the first two: `(verb, first, second)`.
fn two_subjects(s: &Sentence) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
    let subject = |c: &usize| matches!(s.tokens[*c].deprel, Deprel::Nsubj | Deprel::NsubjPass);
    (0..s.len()).filter_map(move |v| {
        let mut subjects = s.children(v).filter(subject);
        Some((v, subjects.next()?, subjects.next()?))
    })
}

/// Prepositions the tagger may read as subordinators when a noun, not a clause, follows them.
const PREPOSITIONS_AS_MARKS: &[&str] = &["since", "after", "before", "until", "till"];

/// The moves that give a clause back its subject when the parse gave it two, the first opened
/// by a preposition read as a subordinator and set off by a comma ("Since the invasion,
/// President Putin has appointed ...": "invasion" is the verb's oblique, "Since" its case).
fn second_subject(s: &Sentence) -> Vec<Move> {
    for (v, a, b) in two_subjects(s) {
        let (start, end) = s.subtree_span(a);
        let mark = start.checked_sub(1).filter(|&m| {
            s.tokens[m].head == Some(v)
                && s.tokens[m].deprel == Deprel::Mark
                && PREPOSITIONS_AS_MARKS.iter().any(|w| s.lemma(m).eq_ignore_ascii_case(w))
        });
        // The comma right after the first subject's phrase (a comma, not a hyphen the tagger
        // took for one: a space follows it), the second subject's phrase right after it, and
        // not a relative pronoun ("after Josip Simunic, who also scored").
        let c = end + 1;
        let comma = c + 1 < s.len()
            && s.tokens[c].xpos == Xpos::Comma
            && s.tokens[c + 1].start > s.tokens[c].end
            && s.subtree_span(b).0 == c + 1
            && !matches!(s.tokens[b].xpos, Xpos::Wdt | Xpos::Wp);
        if let Some(m) = mark.filter(|_| comma && matches!(s.tokens[a].upos, Upos::Noun | Upos::Propn)) {
            return vec![(m, Some(a), Deprel::Case), (a, Some(v), Deprel::Obl)];
        }
    }
    Vec::new()
}

/// The move that puts an office back before its holder's name when the parse made the two
/// subjects of one verb ("Commerce Secretary | Carlos Gutierrez will join", "Iraqi Oil
/// Minister | Amer Rashid said"): the title, with nothing of its own after it, is a compound of
/// the name that follows it.
fn title_as_subject(s: &Sentence) -> Option<Move> {
    two_subjects(s).find_map(|(_, a, b)| {
        let right_before = s.subtree_span(a).1 + 1 == s.subtree_span(b).0 && a < b;
        let title = s.tokens[a].upos == Upos::Propn && crate::events::headline::is_title(s, a);
        let name = (a + 1..=b).all(|k| s.tokens[k].upos == Upos::Propn);
        (right_before && title && name).then_some((a, Some(b), Deprel::Compound))
    })
}

/// Words that open a clause as often as a phrase ("after Trescothick put them in", "as trucks
/// leave"): after them a second subject may be the clause's own.
const SUBORDINATORS: &[&str] = &["after", "as", "before", "since", "until", "till", "because", "while", "once", "than"];

/// The moves that give a subject's phrase back a prepositional phrase the parse made a second
/// subject, its preposition a subordinator ("Gonzalez's second letter to Reno in two weeks was
/// published on Tuesday": "weeks" was a subject of "published", "in" its marker; "A former
/// agent of the FBI said"): the phrase right after the first subject's is that noun's modifier,
/// or, a date or a time, the verb's oblique ("The Centers for Disease Control on Tuesday
/// announced").
fn phrase_as_subject(s: &Sentence, timexes: &[Timex]) -> Vec<Move> {
    for (v, a, b) in two_subjects(s) {
        let m = s.subtree_span(b).0.wrapping_sub(1);
        let preposition = m < s.len()
            && m == s.subtree_span(a).1 + 1
            && s.tokens[m].head == Some(v)
            && s.tokens[m].deprel == Deprel::Mark
            && s.tokens[m].upos == Upos::Adp
            && !SUBORDINATORS.iter().any(|w| s.lemma(m).eq_ignore_ascii_case(w));
        if !preposition || !matches!(s.tokens[b].upos, Upos::Noun | Upos::Propn) {
            continue;
        }
        // A length of time stays with the noun ("the second letter in two weeks").
        let time = timexes.iter().any(|t| t.head == b && !t.duration);
        let (head, rel) = if time { (v, Deprel::Obl) } else { (a, Deprel::Nmod) };
        return vec![(m, Some(b), Deprel::Case), (b, Some(head), rel)];
    }
    Vec::new()
}

/// The move that gives a verb back its particle when the parse made it the preposition of the
/// time after it ("The election kicked off last Wednesday", "blasted off Saturday": "off" the
/// case of "Wednesday"): a time is not "off" or "up". The particle is the verb's
/// (`compound:prt`), and the time, now with no preposition, its `obl:unmarked`.
fn particle_before_time(s: &Sentence, t: &Timex) -> Vec<Move> {
    let Some(c) = t.words.start.checked_sub(1) else { return Vec::new() };
    let v = s.tokens[t.head].head.filter(|&v| v + 1 == c && s.tokens[v].upos == Upos::Verb);
    let particle = s.tokens[c].deprel == Deprel::Case
        && s.tokens[c].head == Some(t.head)
        && crate::events::lexicon::PARTICLES.contains(&s.lemma(c));
    match v.filter(|_| particle && !t.set) {
        Some(v) => vec![(c, Some(v), Deprel::CompoundPrt), (t.head, Some(v), Deprel::OblUnmarked)],
        None => Vec::new(),
    }
}

/// The move that takes a time the parse hung under punctuation ("... to a state grand jury as
/// early as next week.", where "as early as next week" hung on the full stop: punctuation
/// governs nothing in the treebank) to the last verb before it, as an oblique.
fn under_punctuation(s: &Sentence, t: &Timex) -> Option<Move> {
    // Up through the expression's words and the little words around it ("as early as"), not
    // through a noun or a verb: then a full stop or a comma, outside the expression.
    let little = |k: usize| matches!(s.tokens[k].upos, Upos::Adv | Upos::Adp | Upos::Sconj | Upos::Adj);
    let above = s.ancestors(t.head).skip(1).take(8).find(|&k| !t.words.contains(&k) && !little(k));
    let punct = above.is_some_and(|k| matches!(s.tokens[k].xpos, Xpos::Period | Xpos::Comma));
    if !punct || t.set {
        return None;
    }
    let v = (0..t.words.start).rev().find(|&k| s.tokens[k].upos == Upos::Verb)?;
    let case = s.children(t.head).any(|k| s.tokens[k].deprel == Deprel::Case);
    Some((t.head, Some(v), if case { Deprel::Obl } else { Deprel::OblUnmarked }))
}

/// The moves that undo a garden path of business news: "For the year ended Sept. 30, Ralston
/// earned $422.5 million", parsed with "ended" the sentence's verb, "the year" its subject and
/// "earned" a clause under it. A period the parse made the subject of "ended" or "ending" right
/// after it, with the closing date right after that, is a phrase of the clause after the comma:
/// that clause's verb becomes the root, the period its oblique, and "ended" the period's
/// modifier (`acl`, a participle). Returns the moves and the word "ended".
fn closed_period(s: &Sentence, timexes: &[Timex]) -> Option<(Vec<Move>, usize)> {
    for t in timexes.iter().filter(|t| !t.set && !t.range) {
        let e = t.words.end;
        let garden = e < s.len()
            && s.tokens[e].deprel == Deprel::Root
            && s.lemma(e).eq_ignore_ascii_case("end")
            && matches!(s.tokens[e].xpos, Xpos::Vbd | Xpos::Vbn | Xpos::Vbg)
            && s.tokens[t.head].head == Some(e)
            && s.tokens[t.head].deprel.is_subject();
        let Some(date) = timexes.iter().find(|d| d.words.start == e + 1).filter(|_| garden) else { continue };
        let clause = |c: &usize| {
            *c > date.words.end
                && s.tokens[*c].upos == Upos::Verb
                && matches!(s.tokens[*c].deprel, Deprel::Ccomp | Deprel::Parataxis | Deprel::Conj | Deprel::Advcl)
        };
        let Some(v) = s.children(e).find(clause) else { continue };
        let mut moves = vec![(v, None, Deprel::Root), (e, Some(t.head), Deprel::Acl), (t.head, Some(v), Deprel::Obl)];
        moves.extend(s.children(e).filter(|&c| c > date.words.end && c != v).map(|c| (c, Some(v), s.tokens[c].deprel)));
        return Some((moves, e));
    }
    None
}

/// Verbs of telling someone something: after their object, "that" opens what they tell.
const TELLING: &[&str] =
    &["tell", "inform", "assure", "reassure", "warn", "remind", "notify", "convince", "persuade", "advise"];

/// The moves that make a clause the parse hung on a telling verb's object as a relative clause
/// ("Putin told a reporter that combat had returned": "that" the object of "returned") what
/// the verb tells (its `ccomp`, "that" its marker), when the clause has a subject of its own.
fn told_as_relative(s: &Sentence) -> Vec<Move> {
    for t in 0..s.len() {
        let tok = &s.tokens[t];
        if tok.xpos != Xpos::Wdt || tok.deprel != Deprel::Obj || !s.lemma(t).eq_ignore_ascii_case("that") {
            continue;
        }
        let Some(v) = tok.head.filter(|&v| s.tokens[v].deprel == Deprel::AclRelcl) else { continue };
        let Some(n) = s.tokens[v].head.filter(|&n| matches!(s.tokens[n].deprel, Deprel::Obj | Deprel::Iobj)) else {
            continue;
        };
        let Some(g) = s.tokens[n].head.filter(|&g| TELLING.contains(&s.lemma(g))) else { continue };
        let own_subject = s.children(v).any(|c| c != t && s.tokens[c].deprel.is_subject());
        let tells_already = s.children(g).any(|c| s.tokens[c].deprel == Deprel::Ccomp);
        if own_subject && !tells_already && t == n + 1 {
            return vec![(v, Some(g), Deprel::Ccomp), (t, Some(v), Deprel::Mark)];
        }
    }
    Vec::new()
}

/// "At least" or "at most" before a number, which the parser may read as an oblique of the
/// verb ("At least six people were killed": "least" an `obl` of "killed") or of the number
/// (an `nmod` of "50" in "at least 50 were injured"): the pair qualifies the number, "at" its
/// `advmod` and "least" `fixed` to it, as the treebank has them. Every pair of the sentence.
fn at_least(s: &Sentence) -> Vec<Move> {
    (0..s.len().saturating_sub(2))
        .filter(|&t| {
            s.lemma(t).eq_ignore_ascii_case("at")
                && s.tokens[t].head == Some(t + 1)
                && matches!(s.lemma(t + 1).to_lowercase().as_str(), "least" | "most")
                && (s.tokens[t + 1].deprel.is_oblique() || s.tokens[t + 1].deprel.is_nmod())
                && s.tokens[t + 2].upos == Upos::Num
        })
        .flat_map(|t| [(t, Some(t + 2), Deprel::Advmod), (t + 1, Some(t), Deprel::Fixed)])
        .collect()
}

/// Words that open a clause as well as a phrase ("after the vote", "after the leaders
/// retreated").
const OPENERS: &[&str] = &["after", "before", "since", "until", "till", "as", "when", "while"];

/// The moves that make a clause of what the parse read as a phrase and a conjunct: in "rolled
/// into Mogadishu Thursday after Islamist leaders retreated", "after Islamist leaders" was an
/// oblique of "rolled" and "retreated" a second verb of the same subject, with no "and". A
/// finite verb hung as a conjunct with no conjunction, or as an adverbial clause, and with no
/// subject, right after an oblique noun phrase of the same verb that a word of [`OPENERS`]
/// opens, is that phrase's verb: the noun is its subject, the word its marker, and the clause
/// an adverbial clause. Not a participle that goes on ("the Conference expected to take
/// place", "a plan approved by").
fn clause_after_preposition(s: &Sentence) -> Vec<Move> {
    for v in 1..s.len() {
        let tok = &s.tokens[v];
        let finite = matches!(tok.xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp) && tok.upos == Upos::Verb;
        // a conjunct, or an adverbial clause whose opener the parse gave the noun ("made 322-5
        // after Andrew Symonds scored a magnificent 156": "after Andrew Symonds" an oblique)
        let hung = matches!(tok.deprel, Deprel::Conj | Deprel::Advcl);
        let Some(g) = tok.head.filter(|_| finite && hung) else { continue };
        let own = s.children(v).any(|c| s.tokens[c].deprel == Deprel::Cc || s.tokens[c].deprel.is_subject());
        let goes_on = v + 1 < s.len() && ["to", "by"].iter().any(|w| s.lemma(v + 1).eq_ignore_ascii_case(w));
        if own || goes_on || !matches!(s.tokens[v - 1].upos, Upos::Noun | Upos::Propn | Upos::Pron) {
            continue;
        }
        // the oblique phrase that ends right before the verb
        let Some(h) = std::iter::once(v - 1)
            .chain(s.ancestors(v - 1))
            .take(4)
            .take_while(|&a| a < v)
            .find(|&a| s.tokens[a].deprel.is_oblique() && s.tokens[a].head == Some(g))
        else {
            continue;
        };
        if s.subtree_span(h).1 != v - 1 {
            continue;
        }
        let opener = s.children(h).find(|&c| {
            s.tokens[c].deprel == Deprel::Case && OPENERS.iter().any(|w| s.lemma(c).eq_ignore_ascii_case(w))
        });
        if let Some(c) = opener {
            return vec![(v, Some(g), Deprel::Advcl), (h, Some(v), Deprel::Nsubj), (c, Some(v), Deprel::Mark)];
        }
    }
    Vec::new()
}

/// Mends the parse around every temporal expression of the sentence; says whether it changed.
/// Before the first change, the sentence as parsed is copied into `unmended` (unless `saved`:
/// it is there already).
pub fn mend(s: &mut Sentence, timexes: &[Timex], unmended: &mut Sentence, saved: bool) -> bool {
    let mut mending = Mending { unmended, saved, changed: false };
    mend_phrases(s, timexes, &mut mending);
    mend_clauses(s, timexes, &mut mending);
    mend_times(s, timexes, &mut mending);
    mending.changed
}

/// The moves made on one sentence, and its parse before the first of them.
struct Mending<'u> {
    unmended: &'u mut Sentence,
    saved: bool,
    changed: bool,
}

impl Mending<'_> {
    /// Applies `moves` (none: nothing), keeping the parse as it was before the first change;
    /// says whether the tree changed.
    fn apply(&mut self, s: &mut Sentence, moves: &[Move]) -> bool {
        if moves.is_empty() {
            return false;
        }
        if !self.changed && !self.saved {
            self.unmended.clone_from(s);
        }
        let moved = s.reattach(moves);
        self.changed |= moved;
        moved
    }
}

/// The noun phrases the parse broke apart ([`phrase`]): each amount whose unit it hung apart,
/// each hyphenated modifier it read as a phrase of its own.
fn mend_phrases(s: &mut Sentence, timexes: &[Timex], m: &mut Mending<'_>) {
    for u in 1..s.len() {
        let moves = phrase::amount_before_unit(s, u);
        m.apply(s, &moves);
    }
    let mut k = 0;
    while k < s.len() {
        let Some(word) = phrase::hyphenated(s, k) else {
            k += 1;
            continue;
        };
        k = *word.end() + 1;
        let moves = phrase::hyphenated_modifier(s, timexes, word);
        m.apply(s, &moves);
    }
}

/// The clauses the parse got wrong: a verb taken for a participle or a relative clause, a
/// second subject, a subordinator taken for a preposition. A moved word whose part of speech
/// the mistake came from gets the right one.
fn mend_clauses(s: &mut Sentence, timexes: &[Timex], m: &mut Mending<'_>) {
    if let Some((v, n)) = unfinished_clause(s) {
        if m.apply(s, &finish_clause(s, v, n)) {
            past_tense_clause(s, timexes, v, m);
        }
    }
    if let Some((moves, v)) = participle::participle_with_subject(s) {
        if m.apply(s, &moves) {
            past_tense_clause(s, timexes, v, m);
        }
    }
    if let Some((moves, v)) = reported_clause(s).or_else(|| report_before_complement(s)) {
        if m.apply(s, &moves) {
            past_tense_clause(s, timexes, v, m);
        }
    }
    let mut subject = second_subject(s);
    if subject.is_empty() {
        subject = phrase_as_subject(s, timexes);
    }
    if m.apply(s, &subject) {
        s.tokens[subject[0].0].upos = Upos::Adp;
    }
    if let Some(title) = title_as_subject(s) {
        m.apply(s, &[title]);
    }
    // every such clause of the sentence, each move on the tree the last one left
    for t in 0..s.len() {
        let Some(n) = relative_after_noun(s, t) else { continue };
        if let Some(one) = relative_after_comma(s, t, n) {
            m.apply(s, &[one]);
        } else {
            m.apply(s, &relative_as_root(s, t, n));
        }
    }
    if let Some((moves, e)) = closed_period(s, timexes) {
        if m.apply(s, &moves) && s.tokens[e].xpos == Xpos::Vbd {
            s.tokens[e].xpos = Xpos::Vbn;
        }
    }
    let least = at_least(s);
    if m.apply(s, &least) {
        for &(t, _, relation) in &least {
            if relation == Deprel::Advmod {
                s.tokens[t].upos = Upos::Adv;
            }
        }
    }
    // every such clause (each mended one is no conjunct any more), a few at most
    for _ in 0..4 {
        let clause = clause_after_preposition(s);
        if !m.apply(s, &clause) {
            break;
        }
        s.tokens[clause[2].0].upos = Upos::Sconj;
    }
    let told = told_as_relative(s);
    if m.apply(s, &told) {
        s.tokens[told[1].0].upos = Upos::Sconj;
    }
}

/// Verb `v`, a participle the parse had made a noun's modifier, is now its clause's past tense:
/// so are its conjuncts without an auxiliary ("Rebels ambushed and killed five soldiers"), and
/// a noun the parse hung on it as an oblique with no preposition, right after the verb or a
/// conjunct of it, is its object, since a participle takes none ("five soldiers"); not a time
/// ("closed Thursday").
fn past_tense_clause(s: &mut Sentence, timexes: &[Timex], v: usize, m: &mut Mending<'_>) {
    for w in v..s.len() {
        if w == v || conjunct_of(s, w, v) && super::attributes::bare_participle(s, w) {
            s.tokens[w].xpos = Xpos::Vbd;
        }
    }
    if s.children(v).any(|c| s.tokens[c].deprel == Deprel::Obj) {
        return;
    }
    let bare_noun = |c: usize| {
        s.tokens[c].deprel == Deprel::Obl
            && matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn | Upos::Pron)
            && !s.children(c).any(|k| s.tokens[k].deprel == Deprel::Case)
            && !timexes.iter().any(|t| t.words.contains(&c))
    };
    let verb_before = |c: usize| s.subtree_span(c).0.checked_sub(1).is_some_and(|w| w == v || conjunct_of(s, w, v));
    let object = s.children(v).find(|&c| c > v && bare_noun(c) && verb_before(c));
    if let Some(o) = object {
        m.apply(s, &[(o, Some(v), Deprel::Obj)]);
    }
}

/// The phrases around each temporal expression: the first mend that applies to it.
fn mend_times(s: &mut Sentence, timexes: &[Timex], m: &mut Mending<'_>) {
    for t in timexes {
        let mut moves = moves(s, t);
        if moves.is_empty() {
            moves = time_as_subject(s, t);
        }
        if moves.is_empty() {
            moves = particle_before_time(s, t);
        }
        if moves.is_empty() {
            moves.extend(
                oblique_on_noun(s, t)
                    .or_else(|| subject_after_verb(s, t))
                    .or_else(|| under_punctuation(s, t))
                    .or_else(|| name_after_time(s, t)),
            );
        }
        m.apply(s, &moves);
    }
}

#[cfg(test)]
mod tests;
