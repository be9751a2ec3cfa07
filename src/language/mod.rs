//! Language: English sentences as words with parts of speech, lemmas and a dependency parse.
//!
//! Each story sentence the date stage found is split into words ([`tokenize`]), tagged
//! ([`tagger`]: UPOS and XPOS), lemmatised ([`lemma`]) and parsed ([`parser`]: UD relations;
//! the model's parsers read the sentence in different ways and [`vote`] on the tree).
//! The statistical models are averaged perceptrons trained on Universal Dependencies English EWT
//! ([`train`], `timeline train-language`); the shipped model ([`Model::shipped`]) is read once,
//! lazily, and needs nothing downloaded. It derives from CC BY-SA 4.0 data: see
//! `src/language/model/NOTICE`.
//!
//! ```
//! use timeline::language::{Analyzer, Deprel, Sentence, Upos};
//!
//! let text = "Russia invaded Ukraine on Thursday.";
//! let mut s = Sentence::default();
//! Analyzer::new().analyze(text, 0..text.len(), &mut s);
//! let verb = s.root().unwrap();
//! assert_eq!((s.word(text, verb), s.lemma(verb), s.tokens[verb].upos), ("invaded", "invade", Upos::Verb));
//! let subject = s.children(verb).find(|&c| s.tokens[c].deprel == Deprel::Nsubj).unwrap();
//! assert_eq!(s.word(text, subject), "Russia");
//! ```

pub mod conllu;
mod feature_table;
pub mod lemma;
pub mod lists;
pub mod model;
pub mod parser;
mod particles;
pub mod perceptron;
mod plurals;
pub mod readings;
mod relative;
pub mod tagger;
pub mod tags;
pub mod tokenize;
pub mod train;
pub mod truecase;
pub mod verb_forms;
pub mod vote;
pub mod words;

pub use model::Model;
pub use relative::{relative_root, Relative};
pub use tags::{Deprel, Upos, Xpos};

use std::ops::Range;
use words::WordView;

/// Longest run of words parsed as one unit. A longer "sentence" (a table, a list, a transcript
/// without full stops) is parsed in pieces of this many words, so the cost of a sentence never
/// grows faster than its length.
pub const MAX_PARSE_WORDS: usize = 200;

/// What a parser's vote for an arc gains for each unit (in the trainer's units) by which the
/// move that made the arc beat the next best: a parser sure of an arc outvotes one that is
/// not. Chosen on EWT dev with three parsers (UAS 85.45 at 0, 85.72 at 0.05, 85.70 at 0.1,
/// 85.61 at 0.3, 85.59 at 1).
const MARGIN_VOTE: f32 = 0.1;

/// One word of an analysed sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Byte offsets of the word in the text.
    pub start: usize,
    pub end: usize,
    pub upos: Upos,
    pub xpos: Xpos,
    /// Index of the head word in the sentence; `None` for a root.
    pub head: Option<usize>,
    pub deprel: Deprel,
    lemma: Range<u32>,
}

/// An analysed sentence. Reused between sentences: [`Analyzer::analyze`] overwrites it.
#[derive(Debug, Clone, Default)]
pub struct Sentence {
    /// Byte range of the sentence in the text.
    pub span: Range<usize>,
    pub tokens: Vec<Token>,
    lemmas: String,
    /// Children of each word, as ranges into `kids`.
    kid_ranges: Vec<Range<u32>>,
    kids: Vec<u32>,
}

impl Sentence {
    /// The lemma of word `i`.
    pub fn lemma(&self, i: usize) -> &str {
        let r = &self.tokens[i].lemma;
        &self.lemmas[r.start as usize..r.end as usize]
    }

    /// The words of word `i` in `text`.
    pub fn word<'t>(&self, text: &'t str, i: usize) -> &'t str {
        &text[self.tokens[i].start..self.tokens[i].end]
    }

    /// The dependents of word `i`, in text order.
    pub fn children(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let r = self.kid_ranges.get(i).cloned().unwrap_or(0..0);
        self.kids[r.start as usize..r.end as usize].iter().map(|&k| k as usize)
    }

    /// Word `i` and its heads, up to the root (at most as many as there are words).
    pub fn ancestors(&self, i: usize) -> impl Iterator<Item = usize> + '_ {
        let mut k = Some(i).filter(|&i| i < self.len());
        std::iter::from_fn(move || {
            let here = k?;
            k = self.tokens[here].head;
            Some(here)
        })
        .take(self.len())
    }

    /// The first and last word of the subtree word `i` heads.
    pub fn subtree_span(&self, i: usize) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut seen = 0;
        while let Some(k) = stack.pop() {
            seen += 1;
            if seen > self.len() {
                break;
            }
            for c in self.children(k) {
                lo = lo.min(c);
                hi = hi.max(c);
                stack.push(c);
            }
        }
        (lo, hi)
    }

    /// The first root word.
    pub fn root(&self) -> Option<usize> {
        self.tokens.iter().position(|t| t.head.is_none())
    }

    /// The number of words.
    pub fn len(&self) -> usize {
        self.tokens.len()
    }

    /// Whether the sentence has no word.
    pub fn is_empty(&self) -> bool {
        self.tokens.is_empty()
    }

    /// Gives words new heads and relations, all at once: `(word, head, relation)`. Refused
    /// (the parse unchanged, `false`) when a move names a word out of range or would make a
    /// cycle.
    pub fn reattach(&mut self, moves: &[(usize, Option<usize>, Deprel)]) -> bool {
        let n = self.len();
        if moves.iter().any(|&(w, h, _)| w >= n || h.is_some_and(|h| h >= n || h == w)) {
            return false;
        }
        let before: Vec<(Option<usize>, Deprel)> =
            moves.iter().map(|&(w, ..)| (self.tokens[w].head, self.tokens[w].deprel)).collect();
        for &(w, h, d) in moves {
            self.tokens[w].head = h;
            self.tokens[w].deprel = d;
        }
        // Every word must reach a root in fewer steps than there are words.
        let acyclic = (0..n).all(|i| {
            let mut k = self.tokens[i].head;
            for _ in 0..n {
                match k {
                    None => return true,
                    Some(h) => k = self.tokens[h].head,
                }
            }
            false
        });
        if !acyclic {
            for (&(w, ..), &(h, d)) in moves.iter().zip(&before) {
                self.tokens[w].head = h;
                self.tokens[w].deprel = d;
            }
            return false;
        }
        self.index_children();
        true
    }

    fn index_children(&mut self) {
        let n = self.tokens.len();
        self.kid_ranges.clear();
        self.kids.clear();
        let mut counts = vec![0u32; n + 1];
        for t in &self.tokens {
            if let Some(h) = t.head {
                counts[h + 1] += 1;
            }
        }
        for i in 0..n {
            counts[i + 1] += counts[i];
        }
        self.kids.resize(counts[n] as usize, 0);
        let mut fill = counts.clone();
        for (d, t) in self.tokens.iter().enumerate() {
            if let Some(h) = t.head {
                self.kids[fill[h] as usize] = d as u32;
                fill[h] += 1;
            }
        }
        self.kid_ranges.extend((0..n).map(|i| counts[i]..counts[i + 1]));
    }
}

/// Writes an analysed sentence as CoNLL-U (with its article and byte offsets as comments).
pub fn write_conllu(out: &mut impl std::io::Write, article: &str, text: &str, s: &Sentence) -> std::io::Result<()> {
    let clean = |w: &str| w.replace(['\t', '\n', '\r'], " ");
    writeln!(out, "# article = {}", clean(article))?;
    writeln!(out, "# bytes = {}-{}", s.span.start, s.span.end)?;
    writeln!(out, "# text = {}", clean(&text[s.span.clone()]))?;
    for (i, t) in s.tokens.iter().enumerate() {
        writeln!(
            out,
            "{}\t{}\t{}\t{}\t{}\t_\t{}\t{}\t_\t_",
            i + 1,
            clean(s.word(text, i)),
            clean(s.lemma(i)),
            t.upos,
            t.xpos,
            t.head.map_or(0, |h| h + 1),
            t.deprel
        )?;
    }
    writeln!(out)
}

/// Tags, lemmatises and parses sentences. Holds its buffers between sentences, so a corpus is
/// read without allocating per word.
pub struct Analyzer<'m> {
    model: &'m Model,
    ranges: Vec<Range<usize>>,
    views: Vec<WordView>,
    classes: Vec<usize>,
    /// Each word's (UPOS, XPOS), as tagged and then as [`particles::retag`] and
    /// [`plurals::retag`] leave them.
    tags: Vec<(Upos, Xpos)>,
    xpos: Vec<u8>,
    upos: Vec<u8>,
    commas: Vec<u16>,
    tag_buf: tagger::TagBuffers,
    parse_buf: parser::ParseBuffers,
    /// A piece's words in reverse, for parsers that read backwards.
    reversed: Reversed,
    votes: Vec<vote::Vote>,
    vote_buf: vote::Buffers,
    heads: Vec<u32>,
    labels: Vec<Deprel>,
    lower: String,
    /// What each word may be tagged as ([`readings::reading`]).
    readings: Vec<readings::Reading>,
    /// The model's past-tense, participle and adjective classes ([`tagger::Lexical`]).
    class_flags: tagger::ClassFlags,
}

/// The words of a piece, last first.
#[derive(Default)]
struct Reversed {
    views: Vec<WordView>,
    xpos: Vec<u8>,
    upos: Vec<u8>,
    commas: Vec<u16>,
}

impl Default for Analyzer<'static> {
    fn default() -> Self {
        Analyzer::new()
    }
}

impl Analyzer<'static> {
    /// An analyser with the shipped English model.
    pub fn new() -> Self {
        Analyzer::with_model(Model::shipped())
    }
}

impl<'m> Analyzer<'m> {
    /// An analyser with this model.
    pub fn with_model(model: &'m Model) -> Self {
        Analyzer {
            model,
            ranges: Vec::new(),
            views: Vec::new(),
            classes: Vec::new(),
            tags: Vec::new(),
            xpos: Vec::new(),
            upos: Vec::new(),
            commas: Vec::new(),
            tag_buf: Default::default(),
            parse_buf: Default::default(),
            reversed: Default::default(),
            votes: Vec::new(),
            vote_buf: Default::default(),
            heads: Vec::new(),
            labels: Vec::new(),
            lower: String::new(),
            readings: Vec::new(),
            class_flags: tagger::ClassFlags::of(&model.tags),
        }
    }

    /// The hashed views of the last analysed sentence's words (for models built on the
    /// analysis, such as the event detector).
    pub fn views(&self) -> &[WordView] {
        &self.views
    }

    /// Takes a sentence another analyser analysed (in parallel, say) as its current one: the
    /// word views that [`Analyzer::views`] gives are made from its words.
    pub fn adopt(&mut self, text: &str, sentence: &Sentence) {
        self.views.clear();
        self.views.extend(sentence.tokens.iter().map(|t| WordView::of_text(&text[t.start..t.end])));
        self.ranges.clear();
        self.ranges.extend(sentence.tokens.iter().map(|t| t.start..t.end));
        truecase::apply(text, &self.ranges, &mut self.views, &mut self.lower);
    }

    /// Splits `text[span]` (one sentence) into words and analyses them into `out`.
    pub fn analyze(&mut self, text: &str, span: Range<usize>, out: &mut Sentence) {
        let mut ranges = std::mem::take(&mut self.ranges);
        ranges.clear();
        tokenize::tokenize(text, span.clone(), &mut ranges);
        self.analyze_words(text, span, &ranges, out);
        self.ranges = ranges;
    }

    /// Analyses a sentence already split into words (byte ranges into `text`).
    pub fn analyze_words(&mut self, text: &str, span: Range<usize>, words: &[Range<usize>], out: &mut Sentence) {
        out.span = span;
        out.tokens.clear();
        out.lemmas.clear();
        self.views.clear();
        self.views.extend(words.iter().map(|r| WordView::of_text(&text[r.clone()])));
        truecase::apply(text, words, &mut self.views, &mut self.lower);
        let model = self.model;
        self.readings.clear();
        self.readings.extend(self.views.iter().map(|v| readings::reading(v.lower)));
        // Tagged again where the first word was a name read by its ending as a verb or an
        // adverb ("Beijing warned", "Italy dispatched"): as the article's evidence says it is.
        for _ in 0..2 {
            let lexical = self.class_flags.for_words(&self.readings);
            tagger::tag_twice(
                &model.tagger,
                &model.tagger2,
                &self.views,
                Some(&lexical),
                &mut self.tag_buf,
                &mut self.classes,
            );
            if !truecase::names_misread(text, words, &self.classes, &self.class_flags, &mut self.readings) {
                break;
            }
        }
        self.xpos.clear();
        self.upos.clear();
        self.tags.clear();
        self.tags
            .extend((0..words.len()).map(|i| model.tags.get(self.classes[i]).copied().unwrap_or((Upos::X, Xpos::Xx))));
        particles::retag(text, words, &mut self.tags);
        plurals::retag(text, words, &mut self.tags);
        for (i, r) in words.iter().enumerate() {
            let (upos, xpos) = self.tags[i];
            self.upos.push(upos.index() as u8);
            self.xpos.push(xpos.index() as u8);
            let start = out.lemmas.len() as u32;
            model.lemmas.lemma(&text[r.clone()], xpos, &mut self.lower, &mut out.lemmas);
            let lemma = start..out.lemmas.len() as u32;
            out.tokens.push(Token { start: r.start, end: r.end, upos, xpos, head: None, deprel: Deprel::Root, lemma });
        }
        self.parse(out);
    }

    /// Parses `s` again where the tagger read a past tense as a participle (see
    /// [`finite_participles`]: "a bus carrying 50 students veered off a bridge", where
    /// "veered" had hung on "students"), keeping the parse as given in `given` first. `s` is
    /// the sentence this analyser analysed or adopted last. Whether it changed.
    ///
    /// A sentence left with no finite verb at all, its predicate a noun with a subject
    /// ([`lost_verb`]: "China's Ministry of Agriculture on Tuesday confirmed bird flu
    /// outbreaks", parsed as a noun phrase whose head is "outbreaks"), is parsed again with its
    /// lost verb given a finite tag and read as a verb. The new parse is kept only if that verb
    /// then has a subject; else the sentence is left as it was given.
    ///
    /// A sentence whose root is a relative clause set off by commas ([`relative_root`]:
    /// "Niyazov, who died Thursday, was buried in his village", with "died" the root) is parsed
    /// again apart from that clause, kept only if the sentence then has a verb of its own whose
    /// subject holds the clause.
    pub fn reparse_past_tenses(&mut self, text: &str, s: &mut Sentence, given: &mut Sentence) -> bool {
        let past = finite_participles(text, s);
        let lost = if past.is_empty() { lost_verb(text, s) } else { None };
        let relative = if past.is_empty() && lost.is_none() { relative_root(text, s) } else { None };
        if past.is_empty() && lost.is_none() && relative.is_none() {
            return false;
        }
        given.clone_from(s);
        self.xpos.clear();
        self.upos.clear();
        for (i, t) in s.tokens.iter_mut().enumerate() {
            if past.contains(&i) {
                t.xpos = Xpos::Vbd;
            }
            if let Some((_, xpos)) = lost.filter(|&(v, _)| v == i) {
                (t.upos, t.xpos) = (Upos::Verb, xpos);
            }
            if relative.as_ref().is_some_and(|r| r.participle == Some(i)) {
                t.xpos = Xpos::Vbd;
            }
            self.xpos.push(t.xpos.index() as u8);
            self.upos.push(t.upos.index() as u8);
        }
        match &relative {
            Some(rel) => self.parse_relative(s, rel),
            None => self.parse(s),
        }
        let kept = match (lost, &relative) {
            (Some((v, _)), _) => s.children(v).any(|c| s.tokens[c].deprel.is_subject()),
            (_, Some(rel)) => rel.main_clause_found(s),
            _ => true,
        };
        if !kept {
            s.clone_from(given);
        }
        kept
    }

    /// Parses the words of `out` by their tags in `self.xpos` and `self.upos`, in pieces of at
    /// most [`MAX_PARSE_WORDS`]. With more than one parser, their trees vote ([`vote`]).
    fn parse(&mut self, out: &mut Sentence) {
        let model = self.model;
        let n = out.tokens.len();
        let mut from = 0;
        parser::comma_counts(&self.xpos, &mut self.commas);
        while from < n {
            let to = (from + MAX_PARSE_WORDS).min(n);
            let m = to - from;
            self.votes.clear();
            for &(reading, ref weights) in &model.parsers {
                let unit = weights.scale() * MARGIN_VOTE;
                self.parse_piece(from..to, reading, weights);
                let (st, margins) = (&self.parse_buf.state, &self.parse_buf.margins);
                // The piece's word k (1-based) is the parser's word k, or m + 1 - k read backwards.
                let at = |k: u32| if reading.backward && k != 0 && k != parser::NONE { m as u32 + 1 - k } else { k };
                self.votes.extend((1..=m as u32).map(|k| {
                    let j = at(k) as usize;
                    vote::Vote { head: at(st.heads[j]), label: st.labels[j], weight: 1.0 + unit * margins[j] }
                }));
            }
            if model.parsers.len() == 1 {
                self.heads.clear();
                self.heads.push(parser::NONE);
                self.heads.extend(self.votes.iter().map(|v| v.head));
                self.labels.clear();
                self.labels.push(Deprel::Root);
                self.labels.extend(self.votes.iter().map(|v| v.label));
            } else {
                vote::combine(&self.votes, m, &mut self.vote_buf, &mut self.heads, &mut self.labels);
            }
            for k in 1..=m {
                let t = &mut out.tokens[from + k - 1];
                let h = self.heads[k];
                t.head = if h == 0 || h == parser::NONE { None } else { Some(from + h as usize - 1) };
                t.deprel = self.labels[k];
            }
            from = to;
        }
        out.index_children();
    }

    /// Parses the words `piece` with one parser, into `self.parse_buf` (in the parser's order).
    fn parse_piece(&mut self, piece: Range<usize>, reading: parser::Reading, weights: &perceptron::Weights) {
        if !reading.backward {
            let words = parser::Words {
                views: &self.views[piece.clone()],
                xpos: &self.xpos[piece.clone()],
                upos: &self.upos[piece.start..piece.end],
                commas: &self.commas[piece.start..=piece.end],
            };
            parser::parse(weights, reading, &words, &mut self.parse_buf);
            return;
        }
        let r = &mut self.reversed;
        r.views.clear();
        r.views.extend(self.views[piece.clone()].iter().rev().cloned());
        r.xpos.clear();
        r.xpos.extend(self.xpos[piece.clone()].iter().rev());
        r.upos.clear();
        r.upos.extend(self.upos[piece].iter().rev());
        parser::comma_counts(&r.xpos, &mut r.commas);
        let words = parser::Words { views: &r.views, xpos: &r.xpos, upos: &r.upos, commas: &r.commas };
        parser::parse(weights, reading, &words, &mut self.parse_buf);
    }
}

/// Participles whose object may be a second complement of a reduced relative ("a group dubbed
/// the Zvornik Seven", "widely considered an authority") or that stand for a preposition
/// ("given the differences"): never read as past tenses by [`finite_participles`].
const PARTICIPLE_WITH_OBJECT: [&str; 7] = ["give", "consider", "deem", "dub", "regard", "project", "name"];

/// Words for a day that a clause takes with no preposition ("published Saturday", "met
/// yesterday"): the parser may read them as an object, never one for [`finite_participles`].
pub const DAY_WORDS: [&str; 11] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "yesterday",
    "tomorrow",
    "tonight",
];

/// The participles (VBN) that are past tenses the tagger misread: they take a direct object
/// with no auxiliary, none just before them ("had", "been", "got"), and do not open their
/// sentence or a phrase set off by punctuation ("Given the risk, ..."). A conjunct is one only
/// after a past tense ("sealed off access and arrested leaders", not "well armed and well paid
/// soldiers"); a verb whose past is its stem ("set", "put") is left as tagged.
pub fn finite_participles(text: &str, s: &Sentence) -> Vec<usize> {
    let mut past: Vec<usize> = Vec::new();
    for i in 1..s.tokens.len() {
        if s.tokens[i].xpos != Xpos::Vbn || s.tokens[i - 1].upos == Upos::Punct {
            continue;
        }
        let lemma = s.lemma(i);
        let form = text.get(s.tokens[i].start..s.tokens[i].end).unwrap_or("");
        if PARTICIPLE_WITH_OBJECT.contains(&lemma) || lemma.eq_ignore_ascii_case(form) {
            continue;
        }
        let after_past = s.tokens[i].deprel != Deprel::Conj
            || s.tokens[i].head.is_some_and(|h| s.tokens[h].xpos == Xpos::Vbd || past.contains(&h));
        // An object that is a day ("a poll published Saturday") is a time misread.
        let takes_object = s.children(i).any(|c| {
            matches!(s.tokens[c].deprel, Deprel::Obj | Deprel::Iobj)
                && !DAY_WORDS.iter().any(|t| t.eq_ignore_ascii_case(s.lemma(c)))
        });
        let auxiliary = s.children(i).any(|c| matches!(s.tokens[c].deprel, Deprel::Aux | Deprel::AuxPass))
            || (i.saturating_sub(3)..i).any(|k| matches!(s.lemma(k), "have" | "be" | "get"));
        if takes_object && !auxiliary && after_past && !adjectival(s, i) && !reduced_relative(s, i) {
            past.push(i);
        }
    }
    past
}

/// The word that was the verb of a sentence the parse found no verb in, and its finite tag: no
/// word is a finite verb, and the root is a noun with a subject and no copula (a noun is a
/// predicate only with one). The verb is the first word within [`LOST_VERB_REACH`] after the
/// subject that comes right after it, or after an adverb, a day or a phrase set off by commas
/// ("chain recently negotiated", "Ministry of Agriculture on Tuesday confirmed", "Quiroga, for
/// his part, promised"), and can be read as one: a participle (the parse may have hung it on
/// the subject: "ministers called for support") as a past, unless its past is its stem ("set");
/// outside the subject's phrase, a plural noun after a singular subject as a present ("the
/// electricity often breaks down"), a noun that is a listed past as one ("oil prices shot
/// above"), or a noun after a plural subject as a present ("insurgents often kidnap
/// foreigners"). A word after another noun is as often a clause on that noun ("a holding
/// company based in the British Virgin Islands, owns": "owns" is the verb).
pub fn lost_verb(text: &str, s: &Sentence) -> Option<(usize, Xpos)> {
    let finite = |k: usize| matches!(s.tokens[k].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md);
    if (0..s.len()).any(finite) {
        return None;
    }
    let r = s.root().filter(|&r| matches!(s.tokens[r].upos, Upos::Noun | Upos::Propn))?;
    if s.children(r).any(|c| s.tokens[c].deprel == Deprel::Cop) {
        return None;
    }
    let n = s.children(r).find(|&c| s.tokens[c].deprel.is_subject())?;
    let form = |k: usize| text.get(s.tokens[k].start..s.tokens[k].end).unwrap_or("");
    // what the word after the subject is, read as a finite verb: a participle its past, a
    // plural noun after a singular subject its present ("poverty affects"), a noun a listed
    // past ("prices rose") or, after a plural subject, a present ("companies invest")
    let plural = matches!(s.tokens[n].xpos, Xpos::Nns | Xpos::Nnps);
    let singular = matches!(s.tokens[n].xpos, Xpos::Nn | Xpos::Nnp);
    let finite_tag = |k: usize| match s.tokens[k].xpos {
        Xpos::Vbn if !s.lemma(k).eq_ignore_ascii_case(form(k)) => Some(Xpos::Vbd),
        // not an abbreviation ("Italy vs United States")
        Xpos::Nns if singular && form(k).len() > 3 && form(k).ends_with('s') => Some(Xpos::Vbz),
        Xpos::Nn if verb_forms::past_form(words::lower_hash(form(k))).is_some_and(|f| f.past) => Some(Xpos::Vbd),
        Xpos::Nn if plural => Some(Xpos::Vbp),
        _ => None,
    };
    let day = |p: usize| DAY_WORDS.iter().any(|d| s.lemma(p).eq_ignore_ascii_case(d));
    // a phrase set off by commas between them ("Quiroga, for his part, promised")
    let comma = |k: usize| s.tokens[k].xpos == Xpos::Comma;
    let set_off = |p: usize| comma(p) && (n + 1..p).any(comma);
    let after_subject = |p: usize| p == n || s.tokens[p].xpos == Xpos::Rb || day(p) || set_off(p);
    // a participle the parse may have hung on the subject ("ministers called for support"); a
    // noun outside the subject's phrase
    let candidate = |k: usize| match s.tokens[k].xpos {
        Xpos::Vbn => true,
        Xpos::Nn | Xpos::Nns => !s.ancestors(k).any(|a| a == n),
        _ => false,
    };
    (n + 1..s.len().min(n + 1 + LOST_VERB_REACH))
        .filter(|&k| candidate(k) && after_subject(k - 1))
        .find_map(|k| finite_tag(k).map(|x| (k, x)))
}

/// How many words after its subject [`lost_verb`] looks for the verb.
pub const LOST_VERB_REACH: usize = 16;

/// Adverbs that make a participle after them an adjective ("well armed", "heavily guarded").
const ADJECTIVE_MAKERS: [&str; 12] = [
    "well", "ill", "heavily", "lightly", "highly", "poorly", "badly", "newly", "fully", "widely", "densely", "hastily",
];

/// Whether participle `i` modifies a noun as an adjective does: so parsed, after a determiner
/// or a possessive, with an adverb between or not ("Baghdad's highly fortified Green Zone"), or
/// after an adverb that makes it one ("hired well armed and well paid soldiers").
fn adjectival(s: &Sentence, i: usize) -> bool {
    let determiner = |k: usize| matches!(s.tokens[k].xpos, Xpos::Dt | Xpos::PrpS | Xpos::Pos);
    let adverb = s.tokens[i - 1].xpos == Xpos::Rb;
    let before = if adverb { i.checked_sub(2) } else { Some(i - 1) };
    s.tokens[i].deprel == Deprel::Amod
        || before.is_some_and(determiner)
        || adverb && ADJECTIVE_MAKERS.iter().any(|a| s.lemma(i - 1).eq_ignore_ascii_case(a))
}

/// Whether participle `i` belongs to the subject of a finite verb after it: it is that subject,
/// or a clause on it ("the other sites awarded the certificates include the capital cities").
/// Not when that verb has a subject of its own, as a report after a comma has ("a bombing
/// killed four soldiers on Monday, the military said").
fn reduced_relative(s: &Sentence, i: usize) -> bool {
    let finite_after = |k: usize| k > i && matches!(s.tokens[k].xpos, Xpos::Vbd | Xpos::Vbz | Xpos::Vbp | Xpos::Md);
    let sole_subject = |k: usize, f: usize| s.children(f).all(|c| c == k || !s.tokens[c].deprel.is_subject());
    let subject_of_finite = |k: usize| {
        s.tokens[k].deprel.is_subject() && s.tokens[k].head.is_some_and(|f| finite_after(f) && sole_subject(k, f))
    };
    subject_of_finite(i) || s.tokens[i].deprel == Deprel::Acl && s.tokens[i].head.is_some_and(subject_of_finite)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `text` analysed, and the index of a word of it.
    fn parsed(text: &str) -> (Sentence, impl Fn(&Sentence, &str) -> usize + '_) {
        let mut s = Sentence::default();
        Analyzer::new().analyze(text, 0..text.len(), &mut s);
        (s, move |s: &Sentence, w: &str| (0..s.len()).find(|&i| s.word(text, i) == w).unwrap())
    }

    #[test]
    fn irregular_pasts_the_treebank_lacks_are_verbs() {
        let (s, at) = parsed("The ship sank and the crew swore.");
        for (w, lemma) in [("sank", "sink"), ("swore", "swear")] {
            let i = at(&s, w);
            assert_eq!((s.tokens[i].upos, s.tokens[i].xpos, s.lemma(i)), (Upos::Verb, Xpos::Vbd, lemma), "{w}");
        }
        // a form that is a noun too is the tagger's to read
        let (s, at) = parsed("He took a shot at the goal.");
        assert_eq!(s.tokens[at(&s, "shot")].upos, Upos::Noun);
    }

    #[test]
    fn participles_with_an_object_and_no_auxiliary_are_past_tenses() {
        let past = |text: &str| {
            let (s, _) = parsed(text);
            finite_participles(text, &s).into_iter().map(|i| s.word(text, i).to_string()).collect::<Vec<_>>()
        };
        assert_eq!(past("Eight children died when a bus carrying 50 students veered off a bridge."), ["veered"]);
        assert!(past("The leaders have signed the treaty.").is_empty(), "an auxiliary");
        assert!(past("They hired well armed and well paid soldiers.").is_empty(), "after no past tense");
        assert!(past("Turnout rose, given the large crowds in the capital.").is_empty(), "a preposition");
        assert!(past("The institutes said so in a report published Tuesday.").is_empty(), "a day");
        assert!(past("He escaped from Baghdad's highly fortified Green Zone.").is_empty(), "an adjective");
        let relative = "The other sites awarded the certificates include the capital cities and tombs of the ancient \
                        Koguryo Kingdom of China.";
        assert!(past(relative).is_empty(), "a reduced relative");
        let reported = "A suicide car bombing attack killed four US soldiers south of Baghdad on Monday, the US \
                        military said in a statement.";
        assert_eq!(past(reported), ["killed"], "a report after a comma");
    }

    #[test]
    fn a_sentence_parsed_without_a_verb_gets_it_back() {
        let lost = |text: &str| {
            let (s, _) = parsed(text);
            lost_verb(text, &s).map(|(i, _)| s.word(text, i).to_string())
        };
        let text = "China's Ministry of Agriculture on Tuesday confirmed bird flu outbreaks in northwest China's \
                    Xinjiang Uygur Autonomous Region.";
        assert_eq!(lost(text).as_deref(), Some("confirmed"));
        let (mut an, mut s, mut given) = (Analyzer::new(), Sentence::default(), Sentence::default());
        an.analyze(text, 0..text.len(), &mut s);
        assert!(an.reparse_past_tenses(text, &mut s, &mut given));
        assert_eq!(s.root().map(|r| s.word(text, r)), Some("confirmed"));
        // a clause on a noun inside the subject is not the verb; the plural noun after it is
        let based = "China Energy, a holding company based in the British Virgin Islands, owns 80 percent of \
                     Mishan Hua Xing Coke Limited.";
        assert_eq!(lost(based).as_deref(), Some("owns"));
        assert_eq!(lost("Oil prices shot above 61 dollars per barrel.").as_deref(), Some("shot"));
        assert_eq!(lost("Italy vs United States;"), None, "an abbreviation");
        assert_eq!(lost("The ministers called for support."), None, "a sentence with a verb");
    }

    #[test]
    fn ancestors_and_subtrees_follow_the_parse() {
        let text = "Russia annexed Crimea, which it had seized in 2014.";
        let (s, at) = parsed(text);
        let find = |w: &str| at(&s, w);
        let (root, seized, year) = (s.root().unwrap(), find("seized"), find("2014"));
        let up: Vec<usize> = s.ancestors(year).collect();
        assert_eq!((up.first(), up.last()), (Some(&year), Some(&root)));
        assert!(up.contains(&seized));
        assert_eq!(s.subtree_span(root), (0, s.len() - 1));
        let (lo, hi) = s.subtree_span(seized);
        assert!(lo <= find("which") && hi >= year && hi < s.len() - 1);
        assert_eq!(s.ancestors(s.len()).count(), 0);
    }

    #[test]
    fn reattaching_keeps_a_tree() {
        let (mut s, at) = parsed("Russia annexed Crimea in 2014.");
        let (annexed, crimea, year) = (at(&s, "annexed"), at(&s, "Crimea"), at(&s, "2014"));
        // a cycle is refused, and nothing changes
        let before = s.tokens.clone();
        assert!(!s.reattach(&[(annexed, Some(crimea), Deprel::Obj), (crimea, Some(annexed), Deprel::Obj)]));
        assert!(!s.reattach(&[(year, Some(s.len()), Deprel::Obl)]));
        assert_eq!(s.tokens, before);
        assert!(s.reattach(&[(year, Some(crimea), Deprel::Nmod)]));
        assert_eq!(s.tokens[year].head, Some(crimea));
        assert!(s.children(crimea).any(|c| c == year));
        assert!(!s.children(annexed).any(|c| c == year));
    }
}
