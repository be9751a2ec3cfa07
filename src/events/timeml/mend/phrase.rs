//! Noun phrases the parse broke apart, which leave a clause with a subject, an object or an
//! oblique that is a piece of a phrase: an amount read apart from its unit ("rose to 15.6
//! percent", "15.6" the oblique and "percent" a second one), and a hyphenated modifier read as
//! a phrase of its own ("the month-on-month inflation rose", "month" the subject and
//! "inflation" its modifier). The treebank splits a hyphenated word into its pieces, and has
//! few of the modifiers news writes so ("year-on-year", "face-to-face", "right-wing").

use super::{Move, Timex};
use crate::language::{Deprel, Sentence, Upos, Xpos};
use std::ops::RangeInclusive;

/// Whether a relation makes a word the head of a phrase of its clause (or of another phrase),
/// not a modifier inside one.
fn heads_phrase(d: Deprel) -> bool {
    d.is_oblique()
        || d.is_subject()
        || d.is_nmod()
        || matches!(d, Deprel::Obj | Deprel::Iobj | Deprel::Conj | Deprel::Appos | Deprel::Root)
}

/// The moves that make the unit after a number the head of the amount, where the parse hung
/// the unit apart ("Inflation rose to 15.6 percent": "15.6" the oblique of "rose", with "to",
/// and "percent" another). The unit takes the number's place in the tree, with what stood
/// before the number and the phrases after it ("to", "and", "the"); the number counts the
/// unit (`nummod`) and keeps its own modifiers ("about", "billion"). A number that is not a
/// phrase's head ("flat" in a name) only goes under its unit. Word `u` is the unit.
pub(super) fn amount_before_unit(s: &Sentence, u: usize) -> Vec<Move> {
    let Some(n) = u.checked_sub(1) else { return Vec::new() };
    // the cheap tests first: a noun after a number, not hung on its unit already
    if s.tokens[n].upos != Upos::Num
        || !matches!(s.tokens[u].upos, Upos::Noun | Upos::Sym)
        || s.tokens[n].head == Some(u)
    {
        return Vec::new();
    }
    if !crate::events::lexicon::UNITS.iter().any(|w| w.eq_ignore_ascii_case(s.lemma(u))) {
        return Vec::new();
    }
    let number = &s.tokens[n];
    if !heads_phrase(number.deprel) {
        return match s.tokens[u].head == Some(n) {
            true => Vec::new(),
            false => vec![(n, Some(u), Deprel::Nummod)],
        };
    }
    let mut moves = vec![(u, number.head, number.deprel), (n, Some(u), Deprel::Nummod)];
    let phrase = |c: usize| {
        let d = s.tokens[c].deprel;
        matches!(d, Deprel::Case | Deprel::Cc | Deprel::Det) || d.is_nmod() || (d == Deprel::Punct && c < n)
    };
    moves.extend(s.children(n).filter(|&c| c != u && phrase(c)).map(|c| (c, Some(u), s.tokens[c].deprel)));
    moves
}

/// The words of the hyphenated word that begins at word `first` ("month - on - month"): its
/// pieces and the hyphens between them, written with no space; none for a word that is not
/// hyphenated or does not begin there.
pub(super) fn hyphenated(s: &Sentence, first: usize) -> Option<RangeInclusive<usize>> {
    let joined = |k: usize| {
        k + 2 < s.len()
            && s.tokens[k + 1].xpos == Xpos::Hyph
            && s.tokens[k].end == s.tokens[k + 1].start
            && s.tokens[k + 1].end == s.tokens[k + 2].start
    };
    if (first >= 2 && joined(first - 2)) || !joined(first) {
        return None;
    }
    let mut last = first;
    while joined(last) {
        last += 2;
    }
    Some(first..=last)
}

/// Relations by which a piece of a hyphenated word may hang outside it and still be a
/// modifier of the noun the word modifies.
fn modifies(d: Deprel) -> bool {
    matches!(d, Deprel::Compound | Deprel::Amod | Deprel::Nummod | Deprel::Advmod | Deprel::Det | Deprel::Punct)
}

/// The relation of a piece inside its hyphenated word, to the word's last piece.
fn inside(upos: Upos) -> Deprel {
    match upos {
        Upos::Adp => Deprel::Case,
        Upos::Num => Deprel::Nummod,
        Upos::Adj => Deprel::Amod,
        Upos::Adv => Deprel::Advmod,
        Upos::Det => Deprel::Det,
        Upos::Punct => Deprel::Punct,
        _ => Deprel::Compound,
    }
}

/// The moves that give the noun after a hyphenated modifier its phrase back, where the parse
/// made a piece of the word the phrase's head ("The month-on-month inflation also rose":
/// "month" the subject and "inflation" its `nmod`; "The year-on-year growth rate fell", the
/// first "year" a second subject; "the Conference of Sino-Arab Friendship", "of Sino" the
/// conference's `nmod`). The noun the word modifies (the head of the noun phrase right after
/// it) takes the role the piece had, a noun's role, and what hung on the pieces from outside
/// ("The", "overall", "of"); the pieces hang inside the word, and the word on the noun. Left
/// as parsed: a piece that only modifies the noun from outside the word ("anti-Israeli
/// violence", both "anti" and "Israeli" on "violence"), a name ("Al-Qaeda"), a word whose
/// pieces the parse made clauses or particles (too far from a noun phrase to mend), or the root
/// with no finite verb after the noun ("plunged into the earthquake-hit Pakistan-controlled
/// Kashmir on Sunday, killing", "controlled" the root), a word
/// that ends in a little word ("bottom-of-the table"), and a noun with a phrase of its own
/// after a noun written as one word ("the cease-fire Monday").
pub(super) fn hyphenated_modifier(s: &Sentence, timexes: &[Timex], word: RangeInclusive<usize>) -> Vec<Move> {
    let (first, last) = (*word.start(), *word.end());
    let time = |k: usize| timexes.iter().any(|t| t.words.contains(&k));
    let Some(mut p) = Some(last + 1).filter(|&k| k < s.len() && !time(k)) else { return Vec::new() };
    let noun = |k: usize| matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn);
    let content = matches!(s.tokens[last].upos, Upos::Noun | Upos::Propn | Upos::Adj | Upos::Verb | Upos::Num);
    if !noun(p) || !content || word.clone().step_by(2).all(|k| s.tokens[k].upos == Upos::Propn) {
        return Vec::new();
    }
    // up the noun phrase after the word: "face-to-face peace | talks"
    while let Some(h) = s.tokens[p]
        .head
        .filter(|&h| h > p && noun(h) && matches!(s.tokens[p].deprel, Deprel::Compound | Deprel::Amod | Deprel::Nummod))
    {
        p = h;
    }
    let outside = |k: usize| !word.contains(&k);
    // the piece with a noun's role outside the word; none where a piece has another one
    let mut role = None;
    for k in word.clone().step_by(2) {
        let d = s.tokens[k].deprel;
        if s.tokens[k].head.is_some_and(|h| !outside(h)) || (k == last && s.tokens[k].head == Some(p)) {
            continue;
        }
        match (heads_phrase(d), modifies(d)) {
            // the sentence's root: a noun may take its place only with a finite verb after it
            // for the mends of the clause to make the root (`mend::verb::unfinished_clause`)
            (true, _) if d == Deprel::Root && !finite_after(s, p) => return Vec::new(),
            (true, _) => role = role.or(Some(k)),
            (false, true) => {}
            (false, false) => return Vec::new(),
        }
    }
    // a noun with a phrase of its own after a noun that is one word ("the cease-fire |
    // Monday") is another phrase
    let hangs_on_word = s.tokens[p].head.is_some_and(|h| !outside(h));
    let Some(role) = role.filter(|&k| hangs_on_word || k != last) else { return Vec::new() };
    let mut moves = vec![(p, s.tokens[role].head, s.tokens[role].deprel)];
    let last_rel = match s.tokens[last].upos {
        Upos::Adj | Upos::Verb => Deprel::Amod,
        upos => inside(upos),
    };
    moves.push((last, Some(p), last_rel));
    for k in first..last {
        if s.tokens[k].head.is_none_or(outside) {
            moves.push((k, Some(if s.tokens[k].xpos == Xpos::Hyph { k + 1 } else { last }), inside(s.tokens[k].upos)));
        }
    }
    // what hung on the word from outside is the noun's ("The", "overall")
    for k in word.clone() {
        moves.extend(s.children(k).filter(|&c| outside(c) && c != p).map(|c| (c, Some(p), s.tokens[c].deprel)));
    }
    moves
}

/// Whether a finite verb follows word `p`.
fn finite_after(s: &Sentence, p: usize) -> bool {
    s.tokens[p + 1..].iter().any(|t| matches!(t.xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md))
}
