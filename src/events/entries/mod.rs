//! The entries of a timeline, from the TimeML event layer: of every event an article mentions,
//! those it asserts happened (or is set to happen) and that are news.
//!
//! - **Asserted**: not negated, not under a modal ("could", "would"), not in a condition ("if",
//!   "unless", over the whole clause); not a state, a wish or a belief (TimeML's STATE, I_STATE,
//!   PERCEPTION); not an order (a bare verb with no subject).
//! - **News**: its participants are named, or its clause places it at a date.
//! - **Reporting is transparent**: "said", "told" are never entries; what they report is. A
//!   statement is an entry only when the statement is the news ([`NEWS_STATEMENTS`]: a
//!   declaration, an announcement, a threat, a demand), dated, and says what.
//! - **One entry a happening a clause**: an event inside another entry's clause ("agreed to
//!   hold talks", "launched an attack") is part of that entry; an aspectual verb gives its
//!   event's predicate ("began talks": the talks, with their start).
//! - The 12 kinds of the trigger list (`triggers.ron`) stay as an attribute where a word has
//!   one; they no longer decide what is an event.
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::dates::{DateExtractor, Options};
//! use timeline::events::entries::EntryExtractor;
//!
//! let a = Article::new("a", "The Hungarian parliament ratified NATO membership on Tuesday, officials said.",
//!     "1999-02-11".parse().ok());
//! let dates = DateExtractor::new(Options::default()).extract(&a);
//! let entries = EntryExtractor::new().extract(&a, &dates);
//! assert_eq!(entries.len(), 1);
//! assert_eq!(entries[0].label, "Hungarian parliament ratified NATO membership");
//! assert_eq!(entries[0].time.as_ref().unwrap().value.timex(), "1999-02-09");
//! ```

mod assertion;
mod what;

use what::says_something;

use super::headline::{self, nominal};
pub use super::lexicon::{Predicates, NEWS_STATEMENTS, REPORTING_VERBS};
use super::lexicon::{CANCEL_VERBS, DESTINATION_PREDICATES, HAPPEN_VERBS, HEDGES, LIGHT_VERBS, NOT_TO_BE, PLANS};
use super::names::Names;
use super::timeml::anchor::{self, Timex};
use super::timeml::participants;
use super::timeml::{
    detect::Detector, AnchorSource, EventAnchor, EventClass, EventLayer, Polarity, Relation, Tense, TimemlEvent,
};
use super::triggers::Role;
use super::{EventKind, EventMention, EventTime, Occurrence, Triggers};
use crate::corpus::Article;
use crate::dates::{Extraction, Options, TimexType};
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// Finds the entries of articles. Holds the event layer and its buffers between articles.
pub struct EntryExtractor<'d> {
    layer: EventLayer<'d>,
    t: &'static Triggers,
    predicates: &'static Predicates,
    /// The run's dates were resolved in one direction, as the user asked (`--prefer`): a past
    /// happening keeps a date after publication.
    preferred: bool,
}

impl Default for EntryExtractor<'static> {
    fn default() -> Self {
        Self::new()
    }
}

impl EntryExtractor<'static> {
    /// An extractor with the shipped models and lexicons.
    pub fn new() -> Self {
        EntryExtractor::with_detector(Detector::shipped())
    }
}

impl<'d> EntryExtractor<'d> {
    /// An extractor whose events come from this detector (one `timeline train-events` wrote).
    pub fn with_detector(detector: &'d Detector) -> Self {
        EntryExtractor {
            layer: EventLayer::with_detector(detector),
            t: Triggers::get(),
            predicates: Predicates::get(),
            preferred: false,
        }
    }

    /// This extractor for dates resolved with `opts`: where they prefer a direction
    /// (`--prefer future`), a past happening is dated where the user's direction put it, even
    /// after publication.
    pub fn for_options(mut self, opts: &Options) -> Self {
        self.preferred = opts.prefer.is_some();
        self
    }

    /// The entries one article reports, in text order.
    pub fn extract(&mut self, article: &Article, dates: &Extraction) -> Vec<EventMention> {
        let (t, predicates, preferred) = (self.t, self.predicates, self.preferred);
        let mut names = Names::default();
        let mut out = Vec::new();
        let mut events: Vec<TimemlEvent> = Vec::new();
        self.layer.each_sentence(article, dates, |s, text, mentions, timexes, outside, layer| {
            events.clear();
            layer.sentence_events(s, text, mentions, timexes, outside, &mut events);
            let cx = Clause { s, text, timexes, events: &events, t, predicates, names: &names, article, preferred };
            cx.entries(&mut out);
            names.learn(s, text);
            names.learn_plural(s, text);
            names.next_sentence();
        });
        out
    }
}

/// One sentence's analysis and events, and what the entries are read with.
struct Clause<'a> {
    s: &'a Sentence,
    text: &'a str,
    timexes: &'a [Timex],
    events: &'a [TimemlEvent],
    t: &'static Triggers,
    predicates: &'static Predicates,
    names: &'a Names,
    article: &'a Article,
    /// See [`EntryExtractor::for_options`].
    preferred: bool,
}

impl Clause<'_> {
    fn word_of(&self, e: &TimemlEvent) -> Option<usize> {
        let i = self.s.tokens.partition_point(|t| t.start < e.start);
        (i < self.s.len() && self.s.tokens[i].start == e.start).then_some(i)
    }

    /// The events whose word is word `k` (one at most, as the detector reads a word once).
    fn events_at(&self, k: usize) -> impl Iterator<Item = &TimemlEvent> + '_ {
        self.events.iter().filter(move |x| self.word_of(x) == Some(k))
    }

    /// Words a label leaves out: temporal expressions, except one that names what a noun is
    /// ("the Easter truce", "a 30-hour truce", "the 1997 summit") and a length the event comes
    /// to ("sentenced him to 10 years").
    fn date_words(&self, k: usize) -> bool {
        let s = self.s;
        self.timexes.iter().any(|t| {
            // "the Oct. 15 elections" names the elections; "In 2004-05 one million participants
            // were tested", a time opening a phrase that a count follows, is the clause's time
            // however the parse hung it ("begin 2007 Six Nations" names the tournament)
            let opens = t.words.start == 0 || s.tokens[t.words.start - 1].upos == Upos::Adp;
            let in_timex = |k: usize| self.timexes.iter().any(|o| o.words.contains(&k));
            let counted_between =
                |h: usize| opens && (t.words.end..h).any(|k| s.tokens[k].upos == Upos::Num && !in_timex(k));
            let modifies = matches!(s.tokens[t.head].deprel, Deprel::Compound | Deprel::Amod | Deprel::Nummod)
                && s.tokens[t.head]
                    .head
                    .is_some_and(|h| s.tokens[h].upos == Upos::Noun && !t.words.contains(&h) && !counted_between(h));
            t.words.contains(&k) && !modifies && !crate::events::timeml::anchor::amount(s, t)
        })
    }

    /// Whether the expression starting at byte `start` modifies another event noun of the
    /// sentence than `i` ("since the invasion in February 2022": the invasion's date), or
    /// is a year that qualifies a thing ("Ukraine's 1991 borders": no event's date at all).
    fn dates_another_event(&self, start: usize, i: usize) -> bool {
        let s = self.s;
        let Some(t) = self.timexes.iter().find(|t| s.tokens[t.words.start].start == start) else { return false };
        // ... one of its own clause's words ("announced a truce on Monday") is no other event
        let within = |mut k: usize| {
            for _ in 0..4 {
                if temporal_case(s, k) {
                    return false;
                }
                match s.tokens[k].head {
                    Some(h) if h == i => return true,
                    Some(h) => k = h,
                    None => return false,
                }
            }
            false
        };
        // A bare year before a noun ("1991 borders"); not "the Easter ceasefire", which dates.
        let year = {
            let w = s.word(self.text, t.head);
            w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit())
        };
        let qualifier = year
            && t.words.len() == 1
            && matches!(s.tokens[t.head].deprel, Deprel::Compound | Deprel::Amod | Deprel::Nummod | Deprel::NmodPoss);
        let describes_event = |noun: usize| self.events_at(noun).next().is_some();
        // The first verb above the expression, when it does not place the event, owns it
        // ("neither side has withdrawn from the truce signed in 2002", "students demonstrated
        // Wednesday to protest the occupation"); unless that verb's clause describes an event
        // the event's own clause names ("the offensive, which began on Monday, killed 12").
        if !anchor::owner_places(s, i, t) && !right_after_noun(s, self.text, i, t) {
            let of_argument = anchor::owner(s, i, t).is_some_and(|v| {
                matches!(s.tokens[v].deprel, Deprel::Acl | Deprel::AclRelcl)
                    && s.tokens[v].head.is_some_and(|n| describes_event(n) && s.tokens[n].head == Some(i))
            });
            if !of_argument {
                return true;
            }
        }
        // An expression inside a relative clause that does not hold the event dates that
        // clause's event when the clause describes a thing ("announced the restoration of
        // Crimea, which it annexed in 2014"); describing an event ("the strike, which began on
        // Monday, cost ..."), it dates that event.
        if other_relative(s, i, t.head).and_then(|c| s.tokens[c].head).is_some_and(|noun| !describes_event(noun)) {
            return true;
        }
        s.tokens[t.head].head.is_some_and(|h| {
            h != i
                && !within(h)
                && (s.tokens[h].upos == Upos::Noun && self.events_at(h).next().is_some()
                    || qualifier && matches!(s.tokens[h].upos, Upos::Noun | Upos::Propn))
        })
    }

    /// Whether another entry's clause holds word `i`: walking up the parse through objects,
    /// complements and obliques, an asserted event that is not a reporting verb.
    fn absorbed(&self, i: usize, entries: &[usize]) -> bool {
        let s = self.s;
        let mut k = i;
        for _ in 0..3 {
            let d = s.tokens[k].deprel;
            // ... but not across a relation in time ("proposed talks since the invasion": two
            // events)
            let temporal = temporal_case(s, k);
            let through = matches!(d, Deprel::Obj | Deprel::Xcomp | Deprel::Ccomp | Deprel::Iobj)
                || (d.is_oblique() || d.is_nmod()) && !temporal
                || d.is_subject() && matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn);
            let Some(h) = s.tokens[k].head.filter(|_| through) else { return false };
            if entries.contains(&h) {
                return true;
            }
            k = h;
        }
        false
    }

    /// Whether a word span holds a proper noun.
    fn named(&self, start: usize, end: usize) -> bool {
        self.s.tokens.iter().any(|t| t.start >= start && t.end <= end && t.upos == Upos::Propn)
    }

    fn entries(&self, out: &mut Vec<EventMention>) {
        let s = self.s;
        let mut candidates: Vec<usize> =
            self.events.iter().filter_map(|e| self.word_of(e).filter(|&i| self.asserted(e, i))).collect();
        // A light verb that carries an event noun ("held talks", "talks took place") is not an
        // entry of its own: the noun is, labelled from the verb's clause.
        let carries = |h: usize| {
            LIGHT_VERBS.contains(&s.lemma(h))
                && s.children(h).any(|c| {
                    candidates.contains(&c)
                        && matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn)
                        && (s.tokens[c].deprel == Deprel::Obj || s.tokens[c].deprel.is_subject())
                })
        };
        let light: Vec<usize> = candidates.iter().copied().filter(|&h| carries(h)).collect();
        candidates.retain(|c| !light.contains(c));
        for e in self.events {
            let Some(i) = self.word_of(e) else { continue };
            // an event inside another's argument is part of it, unless dated apart ("will
            // present evidence about the 2003 invasion")
            if !candidates.contains(&i) || self.absorbed(i, &candidates) && !self.dated_in_the_past(e, i) {
                continue;
            }
            if let Some(m) = self.entry(e, i, &candidates) {
                // one entry a happening a sentence: "a conference that will be held" is one
                let same = |o: &EventMention| o.sentence == m.sentence && o.predicate == m.predicate;
                if !out.iter().rev().take_while(|o| o.sentence == m.sentence).any(same) {
                    out.push(m);
                }
            }
        }
    }

    /// Whether clause `h` comments on the clause before it: its subject is ", which" after a
    /// word that is no noun ("Putin wants to occupy as much territory as possible, which
    /// increases pressure on Kiev"). What it says is not a happening of its own, and it has no
    /// one to name in a label ("Increases pressure on Kiev"). After a noun, "which" stands for
    /// the noun, however the parse attached the clause.
    fn comment(&self, h: usize) -> bool {
        let s = self.s;
        // the word before the comma, past closing quotes, brackets and an adverb set off by
        // commas ("Their citation documents, however, which were printed")
        let before =
            |c: usize| (0..c.saturating_sub(1)).rev().find(|&k| !matches!(s.tokens[k].upos, Upos::Punct | Upos::Adv));
        let nominal = |k: usize| matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Num | Upos::Pron);
        s.children(h).any(|c| {
            s.tokens[c].deprel.is_subject()
                && s.tokens[c].xpos == Xpos::Wdt
                && s.lemma(c).eq_ignore_ascii_case("which")
                && c >= 2
                && s.tokens[c - 1].xpos == Xpos::Comma
                && before(c).is_some_and(|k| !nominal(k))
                && participants::relative_antecedent(s, h, c).is_none()
        })
    }

    fn entry(&self, e: &TimemlEvent, i: usize, candidates: &[usize]) -> Option<EventMention> {
        let (s, text) = (self.s, self.text);
        let time = self.time_of(e, i);
        // Named within its own clause: the noun a relative clause is about ("Ali, who suffers
        // from Parkinson's disease") makes the clause background, not news.
        let (lo, hi) = s.subtree_span(i);
        let within = |p: &participants::Participant| p.start < s.tokens[hi].end && s.tokens[lo].start < p.end;
        let named = e.participants.iter().any(|p| within(p) && self.named(p.start, p.end));
        if time.is_none() && (!named || self.plans(i) || self.plan_head(i).is_some()) {
            // a plan with no date says nothing of when: not an entry of a timeline
            return None;
        }
        // A noun carried by a light verb ("held talks") is labelled from the verb's clause.
        let head = self.light_verb(e, i).or_else(|| self.plan_head(i));
        if self.comment(head.unwrap_or(i)) {
            return None;
        }
        let skip = |k: usize| self.date_words(k);
        let full = |p: &str| self.names.full(p);
        let units: Vec<_> =
            self.timexes.iter().filter(|t| !self.date_words(t.words.start)).map(|t| t.words.clone()).collect();
        let headline = headline::headline(s, text, (head.unwrap_or(i), i), &skip, &units, &full);
        let what = self.what(e, i, candidates);
        if !says_something(e, &what, &headline, time.is_some()) {
            return None;
        }
        let (planned, done) = self.planned_or_done(e, time.as_ref());
        let mut participants: Vec<String> = e
            .participants
            .iter()
            .filter(|p| self.named(p.start, p.end))
            .map(|p| self.display(p.start, p.end))
            .collect();
        participants.dedup();
        let agents = self.doers(i);
        // The place of the event, else of the noun its verb carries, else of the light verb that
        // carries it ("a conference will be held in Switzerland") or its relative clause.
        let place = e
            .place
            .as_ref()
            .map(|p| self.display(p.start, p.end))
            .or_else(|| what.carried.or(what.complement).and_then(|n| self.place_of(n)))
            .or_else(|| head.and_then(|h| self.place_of(h)))
            .or_else(|| {
                // "a conference that will be held in Switzerland"
                s.children(i)
                    .filter(|&c| s.tokens[c].deprel == Deprel::AclRelcl && LIGHT_VERBS.contains(&s.lemma(c)))
                    .find_map(|c| self.place_of(c))
            })
            .or_else(|| self.destination(e, &what.predicate));
        let sentence = s.span.clone();
        Some(EventMention {
            article: self.article.id.clone(),
            kind: what.kind,
            predicate: what.predicate,
            label: headline.text,
            trigger: e.text.clone(),
            span: e.start..e.end,
            sentence_text: text[sentence.clone()].to_string(),
            relations: super::text_relations(text, sentence.clone(), e.start),
            sentence,
            participants,
            agents,
            place,
            time,
            planned,
            done,
            occurrence: self.occurrence(i),
        })
    }

    /// The date of event `i`'s entry: its anchor, when its own clause places it. A noun a light
    /// verb carries is placed as that verb is ("when the rebels signed a peace deal": "deal"
    /// is dated as "signed" would be).
    fn time_of(&self, e: &TimemlEvent, i: usize) -> Option<EventTime> {
        let clause = self.light_verb(e, i).unwrap_or(i);
        e.anchor
            .as_ref()
            .filter(|a| {
                a.source == AnchorSource::Relative
                    || a.source.in_sentence() && !self.dates_another_event(a.start, clause)
            })
            // "suggested on Monday ... for the first time since the beginning of the conflict":
            // an event that orders another takes no date from before its preposition; nor one
            // after the event it is ordered by, which dates that event whatever the parse says
            // ("proposed for the first time since Russia's invasion ... in February 2022")
            .filter(|a| a.source == AnchorSource::Governed || self.ordering_case(i).is_none_or(|c| a.end > c))
            .filter(|a| self.ordering_noun(i).is_none_or(|n| a.start < self.s.tokens[n].start))
            .filter(|a| self.ordering_clause(clause).is_none_or(|k| a.start < k))
            .filter(|a| matches!(a.relation, Relation::At | Relation::During))
            .filter(|a| matches!(a.value.timex_type(), TimexType::Date | TimexType::Time) && a.value.days().is_some())
            .filter(|a| !self.past_after_publication(e, i, a))
            .map(|a| EventTime { text: a.text.clone(), span: a.start..a.end, value: a.value })
    }

    /// Whether a happening told in the past tense (event word `i`) would be dated after the
    /// day after publication: the time is another event's, which the parse hung on it
    /// ("Crvenkovski made the appeal ahead of a summit Thursday", "Agassi pulled out due to
    /// injuries on Monday" read as the coming Monday). A plan, a wish or a report may name a
    /// time to come, and so may a participle without an auxiliary ("the summit scheduled for
    /// Nov. 18-19") or a plan's word the tagger read as a past ("the Games slated for Dec.
    /// 1-15"); a day's slack spares a story dated the evening before; and a run that prefers a
    /// direction keeps the dates the user asked for.
    fn past_after_publication(&self, e: &TimemlEvent, i: usize, a: &EventAnchor) -> bool {
        let happening = matches!(e.class, EventClass::Occurrence | EventClass::Aspectual | EventClass::Perception);
        let Some(day) = self.article.published.and_then(|p| p.succ_opt()) else { return false };
        let after = a.value.days().is_some_and(|(first, _)| first > day);
        if self.preferred || !happening || !after || e.tense != Tense::Past {
            return false;
        }
        let plan = crate::events::lexicon::PLANS.iter().any(|p| e.lemma.eq_ignore_ascii_case(p));
        !plan && !super::timeml::attributes::bare_participle(self.s, i)
    }

    /// Where a clause opens that orders event `i` by another and sets it apart in time: "since"
    /// ("have been killed since the insurgency took place in February 1996") or "until", or
    /// "after" or "before" counted in days or more ("came five days after a German court
    /// implicated Iranian leaders in the killing ... in 1982"). A time past its opening word is
    /// as likely that clause's, however the parse hung it, and does not date `i`.
    fn ordering_clause(&self, i: usize) -> Option<usize> {
        let s = self.s;
        let apart = |m: usize| match s.lemma(m) {
            "since" | "until" => true,
            "after" | "before" => {
                m > 0
                    && matches!(
                        s.lemma(m - 1).to_ascii_lowercase().as_str(),
                        "day" | "week" | "month" | "year" | "decade"
                    )
            }
            _ => false,
        };
        s.children(i)
            .filter(|&k| s.tokens[k].deprel == Deprel::Advcl && k > i)
            .find_map(|k| s.children(k).find(|&m| s.tokens[m].deprel == Deprel::Mark && apart(m)))
            .map(|m| s.tokens[m].start)
    }

    /// The noun of the phrase that orders event `i` ("since the invasion": "invasion").
    fn ordering_noun(&self, i: usize) -> Option<usize> {
        let s = self.s;
        s.children(i).find(|&n| {
            (s.tokens[n].deprel.is_oblique() || s.tokens[n].deprel.is_nmod()) && self.ordering_case(n).is_some()
        })
    }

    /// Where the preposition starts that makes word `i` an event another is ordered by
    /// ("since the beginning", "after the talks").
    fn ordering_case(&self, i: usize) -> Option<usize> {
        let s = self.s;
        s.children(i)
            .find(|&c| {
                s.tokens[c].deprel == Deprel::Case
                    && matches!(s.lemma(c), "since" | "after" | "before" | "following" | "until")
            })
            .map(|c| s.tokens[c].start)
    }

    /// The place word `n` names with "in" or "at" ("the summit in Geneva", "held in Geneva"),
    /// or that its time names ("held on June 15-16 in Switzerland"); never a date ("in May").
    fn place_of(&self, n: usize) -> Option<String> {
        let s = self.s;
        let named_place = |c: usize| {
            s.tokens[c].upos == Upos::Propn
                && !self.in_timex(c)
                && matches!(crate::events::timeml::participants::case_of(s, c), Some("in" | "at"))
        };
        let c = s.children(n).find(|&c| named_place(c)).or_else(|| {
            s.children(n).filter(|&t| self.in_timex(t)).find_map(|t| s.children(t).find(|&c| named_place(c)))
        })?;
        let words = nominal(s, c, &|k| self.in_timex(k));
        Some(self.display(s.tokens[*words.first()?].start, s.tokens[*words.last()?].end))
    }

    /// Where a visit or an entry goes, when its predicate says the place is its goal: its named
    /// object ("will visit Laos"), or a noun's "to" phrase ("his visit to India").
    fn destination(&self, e: &TimemlEvent, predicate: &str) -> Option<String> {
        if !DESTINATION_PREDICATES.contains(&predicate) {
            return None;
        }
        let s = self.s;
        let goal = e.participants.iter().find(|p| {
            s.tokens[p.head].upos == Upos::Propn
                && match p.role {
                    participants::Role::Object => true,
                    participants::Role::With => participants::case_of(s, p.head) == Some("to"),
                    _ => false,
                }
        })?;
        Some(self.display(goal.start, goal.end))
    }

    /// Whether word `k` is part of a temporal expression.
    fn in_timex(&self, k: usize) -> bool {
        self.timexes.iter().any(|t| t.words.contains(&k))
    }

    /// Who did what word `i` tells, by name: the named subjects of its active clause (those of
    /// the verb it is conjoined to when it has none: "Annan arrived and made the remarks") and
    /// the "by" phrase of a passive.
    fn doers(&self, i: usize) -> Vec<String> {
        let s = self.s;
        let has_subject = |k: usize| s.children(k).any(|c| s.tokens[c].deprel.is_subject());
        let passive =
            |k: usize| s.children(k).any(|c| matches!(s.tokens[c].deprel, Deprel::NsubjPass | Deprel::AuxPass));
        let mut k = i;
        for _ in 0..8 {
            match s.tokens[k].head {
                Some(h) if s.tokens[k].deprel == Deprel::Conj && !has_subject(k) && !passive(k) => k = h,
                _ => break,
            }
        }
        let active = !passive(k);
        let mut out: Vec<String> = Vec::new();
        for c in s.children(k) {
            let d = s.tokens[c].deprel;
            if !(d == Deprel::Nsubj && active || d == Deprel::OblAgent) {
                continue;
            }
            // "the rebels, who seized the town": the rebels did.
            let c = participants::relative_antecedent(s, k, c).unwrap_or(c);
            let conjoined = s.children(c).filter(|&cc| s.tokens[cc].deprel == Deprel::Conj);
            for w in std::iter::once(c).chain(conjoined) {
                let r = participants::parsed_phrase(s, w);
                let (start, end) = (s.tokens[r.start].start, s.tokens[r.end - 1].end);
                if self.named(start, end) {
                    out.push(self.display(start, end));
                }
            }
        }
        out.dedup();
        out
    }

    /// A participant's name as a timeline shows it: titles and "the" dropped, completed from
    /// earlier in the article.
    fn display(&self, start: usize, end: usize) -> String {
        let s = self.s;
        let words: Vec<usize> =
            (0..s.len()).filter(|&k| s.tokens[k].start >= start && s.tokens[k].end <= end).collect();
        let first = words
            .iter()
            .position(|&k| {
                let w = s.word(self.text, k).to_lowercase();
                // "U.S.-led forces" keeps its "U.S.", a word of the hyphenated one.
                k + 1 < s.len() && participants::hyphen_joins(s, k + 1)
                    || !(s.tokens[k].upos == Upos::Det || self.t.has(&w, |r| matches!(r, Role::Title)))
            })
            .unwrap_or(0);
        let Some((&a, &b)) = words.get(first).zip(words.last()) else { return self.text[start..end].to_string() };
        let name = &self.text[s.tokens[a].start..s.tokens[b].end];
        let name = name.strip_suffix("'s").or_else(|| name.strip_suffix("’s")).unwrap_or(name);
        self.names.full(name).unwrap_or_else(|| name.to_string())
    }

    /// Which occurrence of a recurring event the clause names ("the second round", "met again").
    fn occurrence(&self, i: usize) -> Option<Occurrence> {
        let near = (1..=6).flat_map(|d| [i.checked_sub(d), Some(i + d)]).flatten().filter(|&j| j < self.s.len());
        near.map(|j| self.s.word(self.text, j).to_lowercase()).find_map(|w| {
            self.t.roles(&w).iter().find_map(|r| match r {
                Role::Ordinal(n) => Some(Occurrence::Nth(*n)),
                Role::Repeat => Some(Occurrence::Repeat),
                _ => None,
            })
        })
    }
}

fn temporal_case(s: &Sentence, k: usize) -> bool {
    matches!(
        crate::events::timeml::participants::case_of(s, k),
        Some("since" | "after" | "before" | "following" | "until" | "during" | "amid" | "despite")
    )
}

/// The phrase a word heads, as a label writes it (for tests and tools).
pub fn phrase(s: &Sentence, text: &str, i: usize) -> String {
    let words = nominal(s, i, &|_| false);
    match (words.first(), words.last()) {
        (Some(&a), Some(&b)) => text[s.tokens[a].start..s.tokens[b].end].to_string(),
        _ => String::new(),
    }
}

/// Whether expression `t` comes right after the phrase event noun `i` heads, alone or after
/// "in" or "on" ("Russia's invasion in February 2022", "a conference in Paris last week"): it
/// dates the noun, wherever the parser attached it.
fn right_after_noun(s: &Sentence, text: &str, i: usize, t: &Timex) -> bool {
    if s.tokens[i].upos != Upos::Noun {
        return false;
    }
    let (_, last) = s.subtree_span(i);
    let start = t.words.start;
    start == last + 1 || start == last + 2 && matches!(s.word(text, last + 1), "in" | "on")
}

/// The relative clause (its verb) that word `w` lies in, when it does not hold word `i`.
fn other_relative(s: &Sentence, i: usize, w: usize) -> Option<usize> {
    let clause = s.ancestors(w).find(|&k| s.tokens[k].deprel == Deprel::AclRelcl)?;
    (!s.ancestors(i).any(|k| k == clause)).then_some(clause)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_nouns_name_their_verbs() {
        let p = Predicates::parse("# comment\ninvasion invade\nelection elect\n");
        assert_eq!(p.of("invasion"), "invade");
        assert_eq!(p.of("Election"), "elect");
        assert_eq!(p.of("meet"), "meet");
        assert_eq!(Predicates::get().of("talks"), "talk");
    }
}
