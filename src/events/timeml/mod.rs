//! Events as TimeML defines them: every verb, event noun or state that reports a happening, with
//! its class, tense, aspect, polarity and modality, its participants and place from the parse,
//! and the temporal expression that anchors it.
//!
//! The stage reads the date stage's [`Extraction`] (sentences and resolved expressions),
//! analyses each sentence with the [`language`](crate::language) layer, and asks the
//! [`detect::Detector`] which words are events. The rest is read off the parse:
//! [`attributes`], [`participants`], [`anchor`].
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::dates::{DateExtractor, Options};
//! use timeline::events::timeml::{EventClass, EventLayer, Relation};
//!
//! let a = Article::new("a", "Russia invaded Ukraine on Thursday, officials said.", "2022-02-26".parse().ok());
//! let dates = DateExtractor::new(Options::default()).extract(&a);
//! let events = EventLayer::new().extract(&a, &dates);
//! let invaded = events.iter().find(|e| e.text == "invaded").unwrap();
//! assert_eq!(invaded.class, EventClass::Occurrence);
//! let anchor = invaded.anchor.as_ref().unwrap();
//! assert_eq!((anchor.text.as_str(), anchor.value.timex().as_str(), anchor.relation), ("Thursday", "2022-02-24", Relation::At));
//! assert!(events.iter().any(|e| e.text == "said" && e.class == EventClass::Reporting));
//! ```

pub mod anchor;
pub mod attributes;
pub mod detect;
pub mod mend;
pub mod outside;
pub mod participants;
mod relative;
pub mod train;
pub mod types;
pub mod write;

pub use outside::Outside;
pub use participants::{Participant, Role};
pub use types::{Aspect, EventClass, Modality, Polarity, Relation, Tense};

use crate::corpus::Article;
use crate::dates::{Extraction, Mention, TimeValue};
use crate::language::{Analyzer, Sentence, Upos, Xpos};
use anchor::Timex;
use detect::Detector;
use serde::Serialize;
use std::ops::Range;

/// Where an event's anchor comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum AnchorSource {
    /// The event's clause governs the expression ("met on Monday").
    Governed,
    /// No expression governs it in the parse, but its sentence has one, nearest to it and not
    /// set off by another clause's event.
    Sentence,
    /// Its sentence has no temporal expression: the time the narrative had reached, the last
    /// calendar expression before the sentence.
    Narrative,
    /// Its sentence has no temporal expression and it is a report or a present state ("said",
    /// "is"): the day of publication, where the article names it, before the sentence ("said
    /// Wednesday") or, when no date comes before, after it.
    Published,
    /// Its sentence has no temporal expression and none comes before it: the first calendar
    /// expression after it.
    Following,
    /// A noun for an event the article dated in another clause, whose sentence dates it
    /// nowhere: the date it had there ("the shooting" after "Slepian was shot on Oct. 23"; the
    /// lead's "bombings" before "the bombings occurred on Friday").
    Earlier,
    /// A length counted from another event the article dated ("within hours of Saddam's
    /// hanging", "three days after militants kidnapped a soldier"): that event's day moved by
    /// the length; the expression is the length, the value the day.
    Relative,
}

impl AnchorSource {
    /// Whether the expression is in the event's own sentence.
    pub fn in_sentence(self) -> bool {
        matches!(self, AnchorSource::Governed | AnchorSource::Sentence)
    }
}

/// The temporal expression that places an event.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EventAnchor {
    /// Byte offsets of the expression in the article.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub value: TimeValue,
    pub relation: Relation,
    pub source: AnchorSource,
}

impl EventAnchor {
    /// The anchor at mention `m`.
    fn at(m: &Mention, relation: Relation, source: AnchorSource) -> EventAnchor {
        EventAnchor { start: m.start, end: m.end, text: m.text.clone(), value: m.value, relation, source }
    }
}

/// One event mention.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TimemlEvent {
    /// Byte offsets of the event word in the article.
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub lemma: String,
    pub pos: Upos,
    pub class: EventClass,
    pub tense: Tense,
    pub aspect: types::Aspect,
    pub polarity: Polarity,
    pub modality: Modality,
    /// Byte range of its sentence.
    pub sentence: Range<usize>,
    pub participants: Vec<Participant>,
    pub place: Option<Participant>,
    pub anchor: Option<EventAnchor>,
}

/// Sentence `s` as the parser gave it: the copy kept before [`mend`] changed it, when `s` is
/// the sentence being read.
fn as_parsed<'s>(mended: bool, unmended: &'s Sentence, s: &'s Sentence) -> &'s Sentence {
    if mended && unmended.span == s.span && unmended.len() == s.len() {
        unmended
    } else {
        s
    }
}

/// The parse the detector reads word `i` in: the sentence as parsed ([`as_parsed`]), unless a
/// mend made the word a past tense the parse had taken for a participle ("The United Nations
/// imposed sanctions"): then the mended one, where it is the verb of its clause and has a
/// subject.
fn parse_for<'s>(mended: bool, unmended: &'s Sentence, s: &'s Sentence, i: usize) -> &'s Sentence {
    let finite = mended
        && s.tokens[i].xpos == Xpos::Vbd
        && unmended.tokens.get(i).is_some_and(|t| t.xpos != Xpos::Vbd)
        && s.children(i).any(|c| s.tokens[c].deprel.is_subject());
    if finite {
        s
    } else {
        as_parsed(mended, unmended, s)
    }
}

/// Sentences (or 1,000-byte pieces) from which an article's parsing is spread over the cores.
pub const PARALLEL_SENTENCES: usize = 256;

/// Finds the TimeML events of articles. Holds its buffers between articles.
pub struct EventLayer<'d> {
    analyzer: Analyzer<'static>,
    detector: &'d Detector,
    sentence: Sentence,
    feats: Vec<u64>,
    scores: Vec<f32>,
    timexes: Vec<Timex>,
    /// The sentence as parsed, when [`mend`] changed it: what the detector reads.
    unmended: Sentence,
    mended: bool,
    /// The events of the article so far that their clause dated, by lemma ([`same_event`]).
    dated: rustc_hash::FxHashMap<String, EventAnchor>,
}

impl Default for EventLayer<'static> {
    fn default() -> Self {
        EventLayer::new()
    }
}

impl EventLayer<'static> {
    /// An event layer with the shipped language and event models.
    pub fn new() -> Self {
        EventLayer::with_detector(Detector::shipped())
    }
}

impl<'d> EventLayer<'d> {
    /// An event layer with this detector (one trained by `timeline train-events`, for
    /// training and evaluation).
    pub fn with_detector(detector: &'d Detector) -> Self {
        EventLayer {
            analyzer: Analyzer::new(),
            detector,
            sentence: Sentence::default(),
            feats: Vec::new(),
            scores: Vec::new(),
            timexes: Vec::new(),
            unmended: Sentence::default(),
            mended: false,
            dated: Default::default(),
        }
    }

    /// The events of one article's story sentences, in text order.
    /// A participant that stands for a name given earlier ("he", "the company", a family name)
    /// carries that name in `refers`.
    pub fn extract(&mut self, article: &Article, dates: &Extraction) -> Vec<TimemlEvent> {
        let mut out = Vec::new();
        let mut names = crate::events::names::Names::default();
        self.each_sentence(article, dates, |s, text, mentions, timexes, outside, layer| {
            let from = out.len();
            layer.sentence_events(s, text, mentions, timexes, outside, &mut out);
            for e in &mut out[from..] {
                let Ok(i) = s.tokens.binary_search_by_key(&e.start, |t| t.start) else { continue };
                for p in &mut e.participants {
                    p.refers = participants::refers(s, text, i, p, &|n| names.full(n));
                }
            }
            names.learn(s, text);
            names.next_sentence();
        });
        later_same_event(&mut out);
        out
    }

    /// Analyses each story sentence and hands it, with its temporal expressions, to `f`.
    pub fn each_sentence(
        &mut self,
        article: &Article,
        dates: &Extraction,
        mut f: impl FnMut(&Sentence, &str, &[&Mention], &[Timex], Outside<'_>, &mut EventLayer),
    ) {
        let text = article.text.as_str();
        let mut sentence = std::mem::take(&mut self.sentence);
        let mut timexes = std::mem::take(&mut self.timexes);
        let mut mentions: Vec<&Mention> = Vec::new();
        let mut outside = outside::Cursor::new(&dates.mentions, article.published);
        self.dated.clear();
        // A "sentence" longer than 1,000 bytes (a table, a transcript with no full stop) is read
        // in pieces cut at a clause break: the work per sentence stays bounded.
        let spans: Vec<Range<usize>> =
            dates.sentences.iter().flat_map(|s| crate::events::bounded(text, s.clone())).collect();
        // A very long article is tagged and parsed on every core (each sentence on its own);
        // what reads across sentences then runs in order, as for any article.
        let mut parsed = Self::parse_in_parallel(text, &spans).into_iter();
        for span in &spans {
            match parsed.next() {
                Some(p) => {
                    sentence = p;
                    self.analyzer.adopt(text, &sentence);
                }
                None => self.analyzer.analyze(text, span.clone(), &mut sentence),
            }
            let reparsed = self.analyzer.reparse_past_tenses(text, &mut sentence, &mut self.unmended);
            let first = dates.mentions.partition_point(|m| m.start < span.start);
            mentions.clear();
            mentions.extend(dates.mentions[first..].iter().take_while(|m| m.end <= span.end));
            anchor::place(&sentence, &mentions, &mut timexes);
            // The detector reads the parse as the parser gave it, as it was trained (but for a
            // past tense a mend gave back its clause, [`parse_for`]); the rest reads it mended
            // where the date stage knows better.
            self.mended = mend::mend(&mut sentence, &timexes, &mut self.unmended, reparsed) || reparsed;
            if self.mended {
                anchor::place(&sentence, &mentions, &mut timexes);
            }
            let here = outside.before(first, span.end);
            // A comparison's baseline ("from $1 billion a year ago") is not where the story is.
            outside
                .baselines(timexes.iter().filter(|t| anchor::baseline(&sentence, text, t)).map(|t| first + t.mention));
            f(&sentence, text, &mentions, &timexes, here, self);
        }
        self.sentence = sentence;
        self.timexes = timexes;
        self.mended = false;
    }

    /// The sentences of an article of at least [`PARALLEL_SENTENCES`] sentences, analysed in
    /// chunks on rayon's threads; none for a shorter one (articles are already spread over the
    /// cores).
    fn parse_in_parallel(text: &str, spans: &[Range<usize>]) -> Vec<Sentence> {
        use rayon::prelude::*;
        if spans.len() < PARALLEL_SENTENCES {
            return Vec::new();
        }
        spans
            .par_chunks(64)
            .map_init(Analyzer::new, |analyzer, chunk| {
                chunk
                    .iter()
                    .map(|span| {
                        let mut s = Sentence::default();
                        analyzer.analyze(text, span.clone(), &mut s);
                        s
                    })
                    .collect::<Vec<_>>()
            })
            .collect::<Vec<_>>()
            .into_iter()
            .flatten()
            .collect()
    }

    /// Whether word `i` lies in a temporal expression.
    fn in_timex(timexes: &[Timex], i: usize) -> bool {
        timexes.iter().any(|t| t.words.contains(&i))
    }

    /// The class the detector gives word `i`, if it is an event.
    pub fn classify(&mut self, s: &Sentence, text: &str, timexes: &[Timex], i: usize) -> Option<EventClass> {
        // Words of a temporal expression are never events: no features needed.
        if Self::in_timex(timexes, i) {
            return None;
        }
        let parsed = parse_for(self.mended, &self.unmended, s, i);
        detect::features(parsed, text, i, &self.analyzer.views()[i], false, &mut self.feats);
        let class = self.detector.classify(&self.feats, &mut self.scores)?;
        // TimeML's I_ACTION introduces an event ("ordered an inquiry", "tried to leave"): a verb
        // the detector takes for one with no event to introduce is an occurrence ("asked for a
        // visa", "sought asylum"). TimeBank to AQUAINT class F1 70.2 -> 71.3, three folds 77.8
        // -> 78.0, TimeBank halves 66.5 and 63.8 -> 66.5 and 64.0; an I_STATE rule alike, or one
        // for nouns, lost on all of them.
        if class == EventClass::IAction && s.tokens[i].upos == Upos::Verb && !detect::has_event_argument(s, i) {
            return Some(EventClass::Occurrence);
        }
        Some(class)
    }

    /// The features of word `i` (for training), read in the parse as the parser gave it: the
    /// shipped model was trained so, and a retrain gives it back byte for byte.
    pub fn features(&mut self, s: &Sentence, text: &str, timexes: &[Timex], i: usize) -> &[u64] {
        let parsed = as_parsed(self.mended, &self.unmended, s);
        detect::features(parsed, text, i, &self.analyzer.views()[i], Self::in_timex(timexes, i), &mut self.feats);
        &self.feats
    }

    /// Remembers an event its clause dated, by lemma; and gives a noun whose sentence dates it
    /// nowhere the date of the same event named earlier: "the shooting", "the slaying" after
    /// "was shot on Oct. 23" or "the Oct. 23 slaying" (a gerund names its verb's event).
    fn same_event(&mut self, lemma: &str, upos: Upos, anchor: &mut Option<EventAnchor>) {
        let key = || event_key(lemma, upos);
        match anchor {
            Some(a) if a.source == AnchorSource::Governed && a.value.days().is_some() => {
                self.dated.insert(key(), a.clone());
            }
            // A noun its own sentence does not date, once some event was dated.
            _ if upos != Upos::Noun
                || self.dated.is_empty()
                || anchor.as_ref().is_some_and(|a| a.source.in_sentence()) => {}
            _ => {
                if let Some(earlier) = self.dated.get(&key()) {
                    *anchor = Some(EventAnchor { source: AnchorSource::Earlier, ..earlier.clone() });
                }
            }
        }
    }

    /// The anchor the article gave the event a word names in an earlier clause
    /// ([`Self::same_event`]), by its lemma and part of speech: only a noun, or a verb in "-ing"
    /// standing as one ("Saddam's dawn hanging"); a verb in another form ("were killed") is as
    /// often another event of its kind.
    fn earlier(&self, lemma: &str, upos: Upos, gerund: bool) -> Option<EventAnchor> {
        let noun = upos == Upos::Noun || gerund;
        noun.then(|| self.dated.get(&event_key(lemma, upos)).cloned()).flatten()
    }

    pub(crate) fn sentence_events(
        &mut self,
        s: &Sentence,
        text: &str,
        mentions: &[&Mention],
        timexes: &[Timex],
        outside: Outside<'_>,
        out: &mut Vec<TimemlEvent>,
    ) {
        let from = out.len();
        for i in 0..s.len() {
            let Some(class) = self.classify(s, text, timexes, i) else { continue };
            let attrs = attributes::attributes(s, text, i);
            let is_timex = |k: usize| Self::in_timex(timexes, k);
            let (participants, place) = participants::participants(s, text, i, &is_timex);
            let mut anchor = anchor_of(s, text, i, class, &attrs, mentions, timexes, outside);
            let tok = &s.tokens[i];
            self.same_event(s.lemma(i), tok.upos, &mut anchor);
            out.push(TimemlEvent {
                start: tok.start,
                end: tok.end,
                text: s.word(text, i).to_string(),
                lemma: s.lemma(i).to_string(),
                pos: tok.upos,
                class,
                tense: attrs.tense,
                aspect: attrs.aspect,
                polarity: attrs.polarity,
                modality: attrs.modality,
                sentence: s.span.clone(),
                participants,
                place,
                anchor,
            });
        }
        relative::place(s, timexes, mentions, &mut out[from..], &|lemma, upos, gerund| {
            self.earlier(lemma, upos, gerund)
        });
        // what a count dated is remembered as dated so
        for e in &out[from..] {
            if let Some(a) = e.anchor.as_ref().filter(|a| a.source == AnchorSource::Relative) {
                self.dated.insert(event_key(&e.lemma, e.pos), a.clone());
            }
        }
    }
}

/// Gives a noun that neither its sentence nor an earlier clause dates the date its clause
/// gives the same event later in the article: the lead's "Terrorist bombings at U.S. embassies
/// ... blew apart buildings" before "The suspected car bombings occurred ... on Friday".
fn later_same_event(events: &mut [TimemlEvent]) {
    let mut dated: rustc_hash::FxHashMap<String, EventAnchor> = Default::default();
    for e in events.iter_mut().rev() {
        if let Some(a) = e.anchor.as_ref().filter(|a| a.source == AnchorSource::Governed && a.value.days().is_some()) {
            dated.insert(event_key(&e.lemma, e.pos), a.clone());
            continue;
        }
        let source = e.anchor.as_ref().map(|a| a.source);
        // a noun dated only by the narrative, the publication day or what follows
        let undated =
            !source.is_some_and(|s| s.in_sentence() || matches!(s, AnchorSource::Earlier | AnchorSource::Relative));
        if e.pos == Upos::Noun && undated && !dated.is_empty() {
            if let Some(later) = dated.get(&event_key(&e.lemma, e.pos)) {
                e.anchor = Some(EventAnchor { source: AnchorSource::Earlier, ..later.clone() });
            }
        }
    }
}

/// The word an event is remembered by, whatever its form: its lemma in lower case, a noun in
/// "-ing" without it ("kidnapping": "kidnap"; "killing": "kill").
fn event_key(lemma: &str, upos: Upos) -> String {
    let key = lemma.to_lowercase();
    match key.strip_suffix("ing").filter(|k| upos == Upos::Noun && k.len() >= 3) {
        Some(k) => {
            let b = k.as_bytes();
            let doubled = b.len() >= 4 && b[b.len() - 1] == b[b.len() - 2] && !matches!(b[b.len() - 1], b'l' | b's');
            k[..k.len() - doubled as usize].to_string()
        }
        None => key,
    }
}

/// Whether event noun `i` is what a past verb above it did, met or told ("told a news
/// conference", "attended the summit"): it lies no later than the publication day.
fn told_in_past(s: &Sentence, text: &str, i: usize) -> bool {
    if s.tokens[i].upos != Upos::Noun {
        return false;
    }
    let Some(v) = s.ancestors(i).skip(1).take(3).find(|&k| s.tokens[k].upos == Upos::Verb) else { return false };
    attributes::attributes(s, text, v).tense == Tense::Past && !attributes::bare_participle(s, v)
}

/// The expression that places event word `i` of class `class`: the one its clause governs
/// (not a comparison's baseline), else the nearest in its sentence that can place it, else
/// one the article gave outside the sentence ([`Outside`]).
#[allow(clippy::too_many_arguments)]
fn anchor_of(
    s: &Sentence,
    text: &str,
    i: usize,
    class: EventClass,
    attrs: &attributes::Attributes,
    mentions: &[&Mention],
    timexes: &[Timex],
    outside: Outside<'_>,
) -> Option<EventAnchor> {
    let governed = anchor::governed(s, i, timexes);
    let instead = governed.and_then(|k| anchor::instead_of_baseline(s, text, i, k, timexes));
    // A length counted from another event ("entered Mogadishu on Thursday hours after ...")
    // places the event only where the sentence gives no date ([`relative`]).
    let calendar = |k: usize| !timexes[k].duration && !timexes[k].set;
    let counted = governed.filter(|&k| timexes[k].counted && (0..timexes.len()).any(calendar));
    let governed = governed.filter(|_| instead.is_none() && counted.is_none());
    // A past event is not at a time after publication its clause does not govern, a future
    // one not at a time that ended a month before it, nor a report at a time in what it
    // quotes, unless that is the moment of speaking ("now").
    let past = attrs.tense == Tense::Past && !attributes::bare_participle(s, i);
    let reports = class == EventClass::Reporting;
    let nearest = anchor::nearest_where(i, timexes, |_, t| {
        let m = mentions[t.mention];
        let later = past && anchor::after_publication(m, outside.day);
        // what is going on now ("heads a team that is investigating the bombings which killed
        // ... on Aug. 7, 1998"; "who arrived in 1961, believes") is not at a time long gone
        // either, unless its verb group says it has gone on since ("has been")
        let now = attrs.tense == Tense::Present && matches!(attrs.aspect, Aspect::None | Aspect::Progressive);
        let earlier = (attrs.tense == Tense::Future || now) && anchor::long_before_publication(m, outside.day);
        let quoted = reports && anchor::across_quote(s, text, i, t) && !m.value.is_present_reference();
        // "the current fronts": an adjective of another noun places nothing else
        let describes = t.words.len() == 1
            && s.tokens[t.head].deprel == crate::language::Deprel::Amod
            && s.tokens[t.head].head != Some(i);
        // "since ... in 1964" dates the clause "since" opens and the verb right before it
        // ("have been built since it entered production in February 1947"), not an event
        // elsewhere ("During his visit, the first ... since Paris and Beijing established
        // relations in 1964, Millon held talks")
        let elsewhere = anchor::since_clause(s, t).is_some_and(|k| !(k.saturating_sub(2)..t.words.start).contains(&i));
        !later && !earlier && !quoted && !describes && !elsewhere
    });
    let chosen = governed.or(instead).or(nearest.filter(|&k| counted.is_none() || calendar(k))).or(counted);
    // "For the year ended Sept. 30, Ralston earned": the year
    let chosen = chosen.map(|k| anchor::period_closed_by(s, text, i, k, timexes).unwrap_or(k));
    let narrative = || {
        // A report or a present state is told on the day of publication; other events
        // where the narrative is, or, before any date, where it goes next.
        let reported = class == EventClass::Reporting || attrs.tense == Tense::Present;
        // A past event, a participle without an auxiliary too ("The letter, written in
        // Havana"), or one a past verb above it did or told ("told a news conference"), is
        // where the narrative was last at a time that has come.
        let narrative = if attrs.tense == Tense::Past || told_in_past(s, text, i) {
            outside.narrative_past
        } else {
            outside.narrative
        };
        let published = outside.published.or(outside.following_published);
        let (m, source) = match (published.filter(|_| reported), narrative) {
            (Some(m), _) => (m, AnchorSource::Published),
            (None, Some(m)) => (m, AnchorSource::Narrative),
            (None, None) => (outside.following?, AnchorSource::Following),
        };
        // What "will" happen is after the time the story tells it at.
        let relation = if attrs.tense == Tense::Future { Relation::After } else { Relation::At };
        Some(EventAnchor::at(m, relation, source))
    };
    chosen
        .map(|k| {
            let source = if governed.is_some() { AnchorSource::Governed } else { AnchorSource::Sentence };
            let t = &timexes[k];
            // a clause on the time is at it, whatever the time's preposition ("In contrast to
            // Thursday, when 133 people were arrested")
            let relation = if anchor::clause_on(s, i, t) { Relation::At } else { anchor::relation(s, text, t) };
            EventAnchor::at(mentions[t.mention], relation, source)
        })
        .or_else(narrative)
}
