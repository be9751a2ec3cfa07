//! A sentence the parser took for its relative clause: "Niyazov, who died Thursday at 66, was
//! buried in his home village", parsed with "died" the root and "buried" hung on it. A greedy
//! parser reads the clause first and commits to it; parsed again apart from it, the sentence
//! finds its own verb.

use super::{Analyzer, Deprel, Sentence, Upos, Xpos};
use std::ops::Range;

/// A relative clause the parse made the root of its sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Relative {
    /// The clause's verb, the parse's root.
    pub root: usize,
    /// Its relative pronoun ("who", "which", "that") or adverb ("when", "where").
    pub pronoun: usize,
    /// Whether that is an adverb: its antecedent is a time or a place ("In contrast to
    /// Thursday, when 133 people were arrested, protesters were calmer Friday"), not the
    /// sentence's subject.
    pub adverb: bool,
    /// The first verb after the clause, when it is a participle with no auxiliary: to be read
    /// as the sentence's past tense ("Tomlinson, who finished with 103 yards, scored on a
    /// six-yard run", "scored" tagged a participle).
    pub participle: Option<usize>,
    /// The clause with the commas or dashes that set it off (its first and last word).
    pub set_off: Range<usize>,
}

/// Relative pronouns, "whose" with them ("Egypt, whose only title came in 1999, conceded").
const PRONOUNS: [&str; 4] = ["who", "which", "that", "whose"];
/// Relative adverbs.
const ADVERBS: [&str; 2] = ["when", "where"];

/// The relative clause a parse took for its sentence: the root is a verb whose clause a
/// relative pronoun or adverb in lower case opens right after a comma or dash, with no other
/// verb between them and no relative word before; the clause ends at the next like mark; and a
/// verb comes after it to be the sentence's: a finite one (not one a relative pronoun opens),
/// or a participle with no auxiliary before it. A clause not set off so is left alone: where
/// it ends is guesswork ("the man who said he was tired left").
pub fn relative_root(text: &str, s: &Sentence) -> Option<Relative> {
    let r = s.root().filter(|&r| s.tokens[r].upos == Upos::Verb)?;
    let pronoun = |k: usize| PRONOUNS.iter().any(|p| s.lemma(k).eq_ignore_ascii_case(p));
    let adverb = |k: usize| s.tokens[k].xpos == Xpos::Wrb && ADVERBS.iter().any(|a| s.lemma(k).eq_ignore_ascii_case(a));
    // in lower case: "WHO's epidemic alert coordinator" is no clause
    let lower =
        |k: usize| text.get(s.tokens[k].start..s.tokens[k].end).is_some_and(|w| w.starts_with(char::is_lowercase));
    let relative = |k: usize| {
        lower(k) && (matches!(s.tokens[k].xpos, Xpos::Wdt | Xpos::Wp | Xpos::WpS) && pronoun(k) || adverb(k))
    };
    // the relative word nearest before the root, with no other verb between them; not one
    // clause within or after another ("the bishop, who studied at the Seminary, where he was
    // rector, obtained")
    let w = (2..r).rev().find(|&k| relative(k))?;
    if (w + 1..r).any(|k| s.tokens[k].upos == Upos::Verb) || (0..w).any(relative) {
        return None;
    }
    let set_off = set_off(text, s, w)?;
    let finite = |k: usize| matches!(s.tokens[k].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md) && !pronoun(k - 1);
    let auxiliary = |k: usize| (k.saturating_sub(3)..k).any(|a| matches!(s.lemma(a), "have" | "be" | "get"));
    let participle = |k: usize| s.tokens[k].xpos == Xpos::Vbn && !auxiliary(k);
    let verb = (set_off.end..s.len()).find(|&k| finite(k) || participle(k))?;
    Some(Relative { root: r, pronoun: w, adverb: adverb(w), participle: participle(verb).then_some(verb), set_off })
}

/// The clause that starts at pronoun `w`, with the comma or dash before it and the first like
/// one after it, if a word follows that.
fn set_off(text: &str, s: &Sentence, w: usize) -> Option<Range<usize>> {
    let open = w - 1;
    let form = |k: usize| text.get(s.tokens[k].start..s.tokens[k].end).unwrap_or("");
    if !matches!(form(open), "," | "--" | "-" | "\u{2013}" | "\u{2014}") {
        return None;
    }
    // not a mark inside quotation marks or brackets ("who said it was ``thoroughly, thoroughly
    // possible''")
    let mut depth = 0i32;
    let mut quoted = false;
    let close = (w + 1..s.len()).find(|&k| {
        match form(k) {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = (depth - 1).max(0),
            "``" | "`" | "\u{201c}" => quoted = true,
            "''" | "'" | "\u{201d}" => quoted = false,
            "\"" => quoted = !quoted,
            _ => {}
        }
        depth == 0 && !quoted && form(k) == form(open)
    })?;
    (close + 1 < s.len()).then_some(open..close + 1)
}

impl Relative {
    /// Whether a parse found the sentence's own clause: a root after the relative clause, whose
    /// subject comes before the pronoun and holds the clause ("Niyazov ... was buried", the
    /// clause on "Niyazov"); after an adverb, also a root whose subjects all come after the
    /// clause and that holds it ("protesters were calmer", the clause on "Thursday" under it).
    pub fn main_clause_found(&self, s: &Sentence) -> bool {
        let Some(root) = s.root().filter(|&v| v >= self.set_off.end) else { return false };
        let holds = |c: usize| s.ancestors(self.root).any(|a| a == c);
        let subjects = || s.children(root).filter(|&c| s.tokens[c].deprel.is_subject());
        if subjects().any(|c| c < self.pronoun && holds(c)) {
            return true;
        }
        // a clause of its own after a time or a place: its subjects come after ("from Kenya,
        // where they were created, but the administration has been divided" is not one)
        self.adverb && subjects().next().is_some() && subjects().all(|c| c >= self.set_off.end) && holds(root)
    }
}

/// Whether word `i`'s heads lead to a root, not round a cycle.
fn reaches_root(s: &Sentence, i: usize) -> bool {
    let mut k = i;
    for _ in 0..=s.len() {
        match s.tokens[k].head {
            Some(h) => k = h,
            None => return true,
        }
    }
    false
}

impl Analyzer<'_> {
    /// Parses `s` again, by the tags in `self.xpos` and `self.upos`, apart from its relative
    /// clause `rel`: the clause keeps the arcs the parse gave it (it parsed it as a sentence)
    /// and hangs on the word before it (or on what that word is in apposition to: "Gough, 35,
    /// who"), with the commas that set it off; the rest is parsed as a sentence of its own.
    pub(super) fn parse_relative(&mut self, s: &mut Sentence, rel: &Relative) {
        let (open, close) = (rel.set_off.start, rel.set_off.end - 1);
        // the closing mark stays where a phrase set off as well follows ("Niyazov, who died
        // Thursday, according to officials, was buried")
        let next = &s.tokens[close + 1];
        let verb_next =
            next.upos == Upos::Adv || matches!(next.xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md | Xpos::Vbn);
        let rest: Vec<usize> = (0..open).chain(if verb_next { close + 1 } else { close }..s.len()).collect();
        let mut part = Sentence::default();
        self.parse_words(s, &rest, &mut part);
        // The words before the clause keep the arcs among them that the parse gave ("The
        // four-day Arab Junior Athletics Championship, which"), but for the clause's antecedent;
        // the rest parse says where the others hang, and everything after the clause. Where the
        // two make a cycle, the rest parse alone.
        let given: Vec<(Option<usize>, Deprel)> = s.tokens.iter().map(|t| (t.head, t.deprel)).collect();
        for keep_before in [true, false] {
            for (k, &i) in rest.iter().enumerate() {
                let t = &part.tokens[k];
                let before = keep_before && i + 1 < open && given[i].0.is_some_and(|h| h < open);
                (s.tokens[i].head, s.tokens[i].deprel) =
                    if before { given[i] } else { (t.head.map(|h| rest[h]), t.deprel) };
            }
            if !keep_before || rest.iter().all(|&i| reaches_root(s, i)) {
                break;
            }
        }
        let mut antecedent = open - 1;
        while matches!(s.tokens[antecedent].deprel, Deprel::Appos | Deprel::Nummod | Deprel::Amod) {
            match s.tokens[antecedent].head.filter(|&h| h < open) {
                Some(h) => antecedent = h,
                None => break,
            }
        }
        // The clause keeps its arcs, unless one of its words hung outside it ("which evacuated
        // 5 employees Sunday", "employees" the subject of the sentence's verb): then it is
        // parsed again after its antecedent ("TDH which evacuated 5 employees Sunday").
        let inside = open + 1..close;
        let outside = |i: usize| i != rel.root && !given[i].0.is_some_and(|h| inside.contains(&h));
        if inside.clone().any(outside) {
            let words: Vec<usize> = std::iter::once(open - 1).chain(inside.clone()).collect();
            self.parse_words(s, &words, &mut part);
            for (k, &i) in words.iter().enumerate().skip(1) {
                let t = &part.tokens[k];
                (s.tokens[i].head, s.tokens[i].deprel) = match t.head {
                    None => (Some(antecedent), Deprel::AclRelcl),
                    Some(0) => (Some(antecedent), t.deprel),
                    Some(h) => (Some(words[h]), t.deprel),
                };
            }
        } else {
            let root = &mut s.tokens[rel.root];
            (root.head, root.deprel) = (Some(antecedent), Deprel::AclRelcl);
        }
        for mark in [open, close] {
            if mark == open || verb_next {
                (s.tokens[mark].head, s.tokens[mark].deprel) = (Some(rel.root), Deprel::Punct);
            }
        }
        s.index_children();
    }

    /// Parses words `words` of `s` as a sentence of their own, into `part` (word `k` of `part`
    /// is word `words[k]` of `s`).
    fn parse_words(&mut self, s: &Sentence, words: &[usize], part: &mut Sentence) {
        let (views, xpos, upos) =
            (std::mem::take(&mut self.views), std::mem::take(&mut self.xpos), std::mem::take(&mut self.upos));
        self.views.extend(words.iter().map(|&i| views[i]));
        self.xpos.extend(words.iter().map(|&i| xpos[i]));
        self.upos.extend(words.iter().map(|&i| upos[i]));
        part.tokens.clear();
        part.tokens.extend(words.iter().map(|&i| s.tokens[i].clone()));
        part.lemmas.clone_from(&s.lemmas);
        self.parse(part);
        (self.views, self.xpos, self.upos) = (views, xpos, upos);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The root of `text` as the event stage reads it (analysed, then parsed again where
    /// [`Analyzer::reparse_past_tenses`] says), and what the word `word` hangs on.
    fn reparsed(text: &str, word: &str) -> (String, String) {
        let (mut an, mut s, mut given) = (Analyzer::new(), Sentence::default(), Sentence::default());
        an.analyze(text, 0..text.len(), &mut s);
        an.reparse_past_tenses(text, &mut s, &mut given);
        let root = s.root().map_or("", |r| s.word(text, r)).to_string();
        let w = (0..s.len()).find(|&i| s.word(text, i) == word).expect("the word is in the sentence");
        let head = s.tokens[w].head.map_or("", |h| s.word(text, h)).to_string();
        (root, format!("{head} {}", s.tokens[w].deprel))
    }

    #[test]
    fn a_sentence_parsed_as_its_relative_clause_gets_its_verb_back() {
        let text = "Niyazov, who died Thursday at 66 from a heart attack, according to officials, was to be \
                    buried at the family mausoleum in his home village of Kipchak.";
        assert_eq!(reparsed(text, "died"), ("buried".into(), "Niyazov acl:relcl".into()));
        let text = "TDH, which evacuated 5 employees Sunday, has suspended its Darfur operations until January.";
        assert_eq!(reparsed(text, "evacuated"), ("suspended".into(), "TDH acl:relcl".into()));
        // a clause after an apposition hangs on the name; a comma in quotation marks is the quote's
        let text = "Goldstein, who said it was ``thoroughly, thoroughly possible'' that the issue would \
                    surface, defended the use of the issue.";
        assert_eq!(reparsed(text, "said"), ("defended".into(), "Goldstein acl:relcl".into()));
        // a clause "whose" opens
        let text = "Egypt, whose only title came in 1999, conceded without playing the third match.";
        assert_eq!(reparsed(text, "came"), ("conceded".into(), "Egypt acl:relcl".into()));
        // a clause on a time
        let text = "In contrast to Thursday, when 133 people were arrested and police were forced to use tear \
                    gas, protesters in Miami were much calmer Friday.";
        assert_eq!(reparsed(text, "arrested"), ("calmer".into(), "Thursday acl:relcl".into()));
    }

    #[test]
    fn only_a_clause_set_off_and_followed_by_a_verb_is_taken() {
        let root = |text: &str| {
            let (mut an, mut s) = (Analyzer::new(), Sentence::default());
            an.analyze(text, 0..text.len(), &mut s);
            relative_root(text, &s).map(|r| s.word(text, r.root).to_string())
        };
        let text = "Ramgoolam, who met Monday with Li, was due to meet Tuesday with Chinese President Jiang Zemin.";
        assert_eq!(root(text).as_deref(), Some("met"));
        assert_eq!(root("They met Smith, who resigned on Monday."), None, "no verb after the clause");
        assert_eq!(root("Police arrested a man who fled on Monday."), None, "the parse's root is the sentence's");
    }
}
