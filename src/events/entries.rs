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

use super::headline::{self, nominal};
pub use super::lexicon::{Predicates, NEWS_STATEMENTS, REPORTING_VERBS};
use super::lexicon::{HEDGES, LIGHT_VERBS, PLANS};
use super::names::Names;
use super::timeml::anchor::{self, Timex};
use super::timeml::participants;
use super::timeml::{AnchorSource, EventClass, EventLayer, Polarity, Relation, Tense, TimemlEvent};
use super::triggers::Role;
use super::{EventKind, EventMention, EventTime, Occurrence, Triggers};
use crate::corpus::Article;
use crate::dates::{Extraction, TimexType};
use crate::language::{Deprel, Sentence, Upos, Xpos};

/// Finds the entries of articles. Holds the event layer and its buffers between articles.
pub struct EntryExtractor {
    layer: EventLayer,
    t: &'static Triggers,
    predicates: &'static Predicates,
}

impl Default for EntryExtractor {
    fn default() -> Self {
        Self::new()
    }
}

impl EntryExtractor {
    /// An extractor with the shipped models and lexicons.
    pub fn new() -> Self {
        EntryExtractor { layer: EventLayer::new(), t: Triggers::get(), predicates: Predicates::get() }
    }

    /// The entries one article reports, in text order.
    pub fn extract(&mut self, article: &Article, dates: &Extraction) -> Vec<EventMention> {
        let (t, predicates) = (self.t, self.predicates);
        let mut names = Names::default();
        let mut out = Vec::new();
        let mut events: Vec<TimemlEvent> = Vec::new();
        self.layer.each_sentence(article, dates, |s, text, mentions, timexes, outside, layer| {
            events.clear();
            layer.sentence_events(s, text, mentions, timexes, outside, &mut events);
            let cx = Clause { s, text, timexes, events: &events, t, predicates, names: &names, article };
            cx.entries(&mut out);
            names.learn(s, text);
            names.learn_plural(s, text);
            names.next_sentence();
        });
        out
    }
}

/// What an entry reports: whether its word is a reporting verb, the event it reports or
/// carries, its predicate and its kind.
struct What {
    reporting: bool,
    complement: Option<usize>,
    carried: Option<usize>,
    predicate: String,
    kind: Option<EventKind>,
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
}

impl Clause<'_> {
    fn word_of(&self, e: &TimemlEvent) -> Option<usize> {
        let i = self.s.tokens.partition_point(|t| t.start < e.start);
        (i < self.s.len() && self.s.tokens[i].start == e.start).then_some(i)
    }

    /// Words a label leaves out: temporal expressions, except one that names what a noun is
    /// ("the Easter truce", "a 30-hour truce", "the 1997 summit").
    fn date_words(&self, k: usize) -> bool {
        let s = self.s;
        self.timexes.iter().any(|t| {
            let modifies = matches!(s.tokens[t.head].deprel, Deprel::Compound | Deprel::Amod | Deprel::Nummod)
                && s.tokens[t.head].head.is_some_and(|h| s.tokens[h].upos == Upos::Noun && !t.words.contains(&h));
            t.words.contains(&k) && !modifies
        })
    }

    /// Whether an event is asserted and of a class that can be an entry.
    fn asserted(&self, e: &TimemlEvent, i: usize) -> bool {
        if e.polarity == Polarity::Neg || e.modality.is_some() {
            return false;
        }
        let s = self.s;
        if self.in_condition(i) {
            return false;
        }
        // "not", "never" on the event or on the verb that carries it ("have not held direct
        // negotiations"); "any" or "no" before an event noun ("any talks with Putin").
        let denied = |k: usize| {
            s.children(k).any(|c| s.tokens[c].deprel == Deprel::Advmod && matches!(s.lemma(c), "not" | "never" | "n't"))
        };
        if denied(i) || s.tokens[i].head.is_some_and(|h| s.tokens[i].deprel == Deprel::Obj && denied(h)) {
            return false;
        }
        if s.children(i).any(|c| s.tokens[c].deprel == Deprel::Det && matches!(s.lemma(c), "any" | "no")) {
            return false;
        }
        // An event noun named with its own past date ("the 2003 invasion", "the 1982
        // killings") is a fact, whatever the clause around it says of it.
        if self.dated_in_the_past(e, i) {
            return true;
        }
        // Inside what someone believes, wants or denies, or what may be ("did not believe Putin
        // was interested in serious negotiations", "could use the talks to support a
        // withdrawal"): not asserted.
        let mut k = i;
        for _ in 0..6 {
            let Some(h) = s.tokens[k].head else { break };
            let d = s.tokens[k].deprel;
            // an adverbial clause ("while Putin suggested ...") is embedded only under a modal
            let adverbial = d == Deprel::Advcl;
            let embedded = matches!(d, Deprel::Ccomp | Deprel::Xcomp | Deprel::Obj | Deprel::Advcl)
                || d.is_oblique()
                || d.is_nmod();
            if embedded && temporal_case(s, k) {
                break;
            }
            let believed = self.events.iter().any(|x| {
                self.word_of(x) == Some(h)
                    && (matches!(x.class, EventClass::IState | EventClass::State) && x.pos != Upos::Noun && !adverbial
                        || x.modality.is_some())
            });
            if embedded && (denied(h) || believed) {
                return false;
            }
            k = h;
        }
        let verb = e.pos != Upos::Noun && e.pos != Upos::Propn;
        if verb && matches!(e.tense, Tense::Infinitive | Tense::PresPart) && self.plan_head(i).is_none() {
            return false;
        }
        // A bare verb with no subject: an order or what another verb makes happen ("defeat
        // Russia on the battlefield", "helped rebuild the road"), not a report that it happened.
        // With a subject it may be a past the tagger read as a base form ("the minister quit").
        if verb && e.tense == Tense::None && !s.children(i).any(|c| s.tokens[c].deprel.is_subject()) {
            return false;
        }
        // "made it clear that ...": a statement, as "said" is
        let made_clear =
            e.lemma == "make" && s.children(i).any(|c| s.tokens[c].deprel == Deprel::Xcomp && s.lemma(c) == "clear");
        if made_clear {
            return false;
        }
        if REPORTING_VERBS.contains(&e.lemma.as_str()) {
            return NEWS_STATEMENTS.contains(&e.lemma.as_str()) || self.warns(i);
        }
        match e.class {
            EventClass::Occurrence | EventClass::IAction | EventClass::Aspectual => true,
            EventClass::IState | EventClass::State if self.plans(i) => true,
            // A verb the detector read as reporting that reports no clause is an act ("will
            // present evidence", "filed a complaint"): there is nothing to be transparent to.
            EventClass::Reporting if !self.is_report(e, i) => true,
            EventClass::Reporting => NEWS_STATEMENTS.contains(&e.lemma.as_str()) || self.warns(i),
            // A word of the 12 kinds read as a state ("the peninsula, which it annexed in
            // 2014") still reports that happening.
            _ => self.kind_of(e).is_some_and(|k| k != EventKind::Statement),
        }
    }

    /// Whether event noun `i` is named with a date of its own that lies before publication:
    /// the date qualifies the noun ("the 2003 invasion", "last year's election").
    fn dated_in_the_past(&self, e: &TimemlEvent, i: usize) -> bool {
        let s = self.s;
        let Some(a) = e.anchor.as_ref().filter(|_| e.pos == Upos::Noun) else { return false };
        let before_publication = match (a.value.days(), self.article.published) {
            (Some((_, last)), Some(p)) => last < p,
            _ => false,
        };
        before_publication
            && self.timexes.iter().any(|t| {
                s.tokens[t.words.start].start == a.start
                    && s.tokens[t.head].head == Some(i)
                    && matches!(
                        s.tokens[t.head].deprel,
                        Deprel::Compound | Deprel::Amod | Deprel::Nummod | Deprel::NmodPoss
                    )
            })
    }

    /// Whether word `i` stands in a condition ("if", "unless", "whether"): the mark sits on its
    /// clause's first verb, so climb from the event through objects, obliques and conjuncts to
    /// it ("unless Russia bypassed him and struck a deal").
    fn in_condition(&self, i: usize) -> bool {
        let s = self.s;
        let conditional = |k: usize| {
            s.children(k)
                .any(|c| s.tokens[c].deprel == Deprel::Mark && matches!(s.lemma(c), "if" | "unless" | "whether"))
        };
        let mut k = i;
        for _ in 0..6 {
            if conditional(k) {
                return true;
            }
            let inside = matches!(s.tokens[k].deprel, Deprel::Obj | Deprel::Iobj | Deprel::Conj | Deprel::Xcomp)
                || s.tokens[k].deprel.is_oblique()
                || s.tokens[k].deprel.is_nmod();
            match s.tokens[k].head {
                Some(h) if inside || k == i => k = h,
                _ => break,
            }
        }
        false
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
        let describes_event = |noun: usize| self.events.iter().any(|e| self.word_of(e) == Some(noun));
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
                && (s.tokens[h].upos == Upos::Noun && self.events.iter().any(|e| self.word_of(e) == Some(h))
                    || qualifier && matches!(s.tokens[h].upos, Upos::Noun | Upos::Propn))
        })
    }

    /// The event noun a light verb carries: its object, its subject, or the noun its relative
    /// clause is about ("a conference that will be held").
    fn carried_noun(&self, h: usize) -> Option<usize> {
        let s = self.s;
        let eventive = |k: usize| {
            matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
                && self.predicates.names_a_verb(&s.lemma(k).to_lowercase())
        };
        let own = s.children(h).find(|&c| {
            let d = s.tokens[c].deprel;
            (d == Deprel::Obj
                || d.is_subject()
                || d.is_oblique() && crate::events::timeml::participants::case_of(s, c) == Some("in"))
                && eventive(c)
        });
        own.or_else(|| {
            let relative = s.tokens[h].deprel == Deprel::AclRelcl;
            s.tokens[h].head.filter(|&n| relative && eventive(n))
        })
    }

    /// The event noun that is a verb's subject ("the summit gathered 90 leaders", "a truce was
    /// announced"): the clause is about that event.
    fn subject_event(&self, h: usize) -> Option<usize> {
        let s = self.s;
        s.children(h).find(|&c| {
            s.tokens[c].deprel.is_subject()
                && matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn)
                && (self.events.iter().any(|e| self.word_of(e) == Some(c) && e.class != EventClass::State)
                    || self.predicates.names_a_verb(&s.lemma(c).to_lowercase()))
        })
    }

    /// Whether word `i` reports a plan: one of [`PLANS`] with an infinitive complement, which
    /// names what is planned ("is scheduled to take place").
    fn plans(&self, i: usize) -> bool {
        let s = self.s;
        // "is going to visit": a plan; "was going to visit" may never have happened
        let going = s.lemma(i) == "go"
            && s.tokens[i].xpos == Xpos::Vbg
            && s.children(i)
                .any(|c| s.tokens[c].deprel == Deprel::Aux && s.lemma(c) == "be" && s.tokens[c].xpos != Xpos::Vbd);
        // "is preparing to launch" is a plan, "was prepared to engage" a willingness
        let listed = PLANS.contains(&s.lemma(i)) && (s.lemma(i) != "prepare" || s.tokens[i].xpos == Xpos::Vbg);
        // "expect Russia's allies to attend": what the subject expects of others, not a plan
        let of_others = s.children(i).any(|c| s.tokens[c].deprel == Deprel::Obj);
        // "stories scheduled to be covered": a plan is news of someone's or something's
        let subject = s.children(i).any(|c| s.tokens[c].deprel.is_subject());
        (listed || going)
            && subject
            && !of_others
            && s.children(i).any(|c| {
                s.tokens[c].deprel == Deprel::Xcomp
                    && s.tokens[c].upos == Upos::Verb
                    && s.children(c).any(|m| s.tokens[m].deprel == Deprel::Mark && s.lemma(m) == "to")
            })
    }

    /// The plan word an infinitive depends on when that word is not an event of its own ("the
    /// vote is likely to take place"): the infinitive is the entry, labelled from that word's
    /// clause.
    fn plan_head(&self, i: usize) -> Option<usize> {
        let s = self.s;
        let h = s.tokens[i].head?;
        (s.tokens[i].deprel == Deprel::Xcomp
            && s.tokens[i].upos == Upos::Verb
            && self.plans(h)
            && !self.events.iter().any(|x| self.word_of(x) == Some(h)))
        .then_some(h)
    }

    /// Whether a reporting verb says what will happen if a condition is not met ("stated that
    /// Washington could end the talks if no progress was made"): a threat.
    fn warns(&self, i: usize) -> bool {
        let s = self.s;
        s.children(i).filter(|&c| s.tokens[c].deprel == Deprel::Ccomp).any(|c| {
            s.children(c).any(|a| {
                s.tokens[a].deprel == Deprel::Advcl
                    && s.children(a)
                        .any(|m| s.tokens[m].deprel == Deprel::Mark && matches!(s.lemma(m), "if" | "unless"))
            })
        })
    }

    /// Whether event `e` (word `i`) reports something: a reporting verb of the lexicon
    /// ([`REPORTING_VERBS`], [`NEWS_STATEMENTS`]), or a verb the detector read as reporting that
    /// reports a clause.
    fn is_report(&self, e: &TimemlEvent, i: usize) -> bool {
        let lemma = e.lemma.as_str();
        REPORTING_VERBS.contains(&lemma)
            || e.class == EventClass::Reporting && (NEWS_STATEMENTS.contains(&lemma) || self.reports_clause(i))
    }

    /// Whether word `i` governs a clause it reports ("said that ...", "said, ..."), or is
    /// itself set beside the clause it reports ("..., the minister said").
    fn reports_clause(&self, i: usize) -> bool {
        let s = self.s;
        let clause = |d: Deprel| matches!(d, Deprel::Ccomp | Deprel::Xcomp | Deprel::Parataxis | Deprel::Csubj);
        clause(s.tokens[i].deprel) || s.children(i).any(|c| clause(s.tokens[c].deprel))
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
            });
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

    /// The anchor, when the event's clause places it at a calendar date (not a narrative's
    /// date, not another event noun's, not a bound).
    /// The light verb that carries event noun `i` ("held talks", "signed a peace deal").
    fn light_verb(&self, e: &TimemlEvent, i: usize) -> Option<usize> {
        let s = self.s;
        s.tokens[i].head.filter(|&h| {
            matches!(e.pos, Upos::Noun | Upos::Propn)
                && s.tokens[h].upos == Upos::Verb
                && (s.tokens[i].deprel == Deprel::Obj || s.tokens[i].deprel.is_subject())
                && LIGHT_VERBS.contains(&s.lemma(h))
        })
    }

    /// The date of event `i`'s entry: its anchor, when its own clause places it. A noun a light
    /// verb carries is placed as that verb is ("when the rebels signed a peace deal": "deal"
    /// is dated as "signed" would be).
    fn time_of(&self, e: &TimemlEvent, i: usize) -> Option<EventTime> {
        let clause = self.light_verb(e, i).unwrap_or(i);
        e.anchor
            .as_ref()
            .filter(|a| a.source.in_sentence() && !self.dates_another_event(a.start, clause))
            // "suggested on Monday ... for the first time since the beginning of the conflict":
            // an event that orders another takes no date from before its preposition; nor one
            // after the event it is ordered by, which dates that event whatever the parse says
            // ("proposed for the first time since Russia's invasion ... in February 2022")
            .filter(|a| a.source == AnchorSource::Governed || self.ordering_case(i).is_none_or(|c| a.end > c))
            .filter(|a| self.ordering_noun(i).is_none_or(|n| a.start < self.s.tokens[n].start))
            .filter(|a| matches!(a.relation, Relation::At | Relation::During))
            .filter(|a| matches!(a.value.timex_type(), TimexType::Date | TimexType::Time) && a.value.days().is_some())
            .map(|a| EventTime { text: a.text.clone(), span: a.start..a.end, value: a.value })
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

    /// What happened: the event the entry is about, its predicate and its kind.
    fn what(&self, e: &TimemlEvent, i: usize, candidates: &[usize]) -> What {
        let s = self.s;
        let reporting = self.is_report(e, i);
        // An aspectual verb names its event's start or end, an announcement its event ("announced
        // a truce"); what is demanded or urged has not happened.
        let complement = (e.class == EventClass::Aspectual || reporting)
            .then(|| {
                s.children(i)
                    .find(|&c| matches!(s.tokens[c].deprel, Deprel::Obj | Deprel::Xcomp) && candidates.contains(&c))
                    // "a truce was announced": the passive's subject is what was announced
                    .or_else(|| self.subject_event(i).filter(|&c| s.tokens[c].deprel == Deprel::NsubjPass))
            })
            .flatten();
        let declares =
            e.class == EventClass::Aspectual || matches!(e.lemma.as_str(), "announce" | "declare" | "proclaim");
        let threat = reporting && !NEWS_STATEMENTS.contains(&e.lemma.as_str());
        // A light verb ("the conference that will be held", "held talks") names the event
        // noun it carries; a clause whose subject is an event is about that event.
        let carried =
            if LIGHT_VERBS.contains(&e.lemma.as_str()) { self.carried_noun(i) } else { self.subject_event(i) };
        let predicate = if threat {
            "threaten".to_string()
        } else {
            self.predicates.of(s.lemma(complement.filter(|_| declares).or(carried).unwrap_or(i)))
        };
        let complement_event = complement.and_then(|c| self.events.iter().find(|x| self.word_of(x) == Some(c)));
        let kind = threat
            .then_some(EventKind::Threat)
            .or_else(|| complement_event.filter(|_| declares).and_then(|c| self.kind_of(c)))
            .or_else(|| carried.and_then(|c| self.word_kind(c)))
            .or_else(|| self.kind_of(e).filter(|k| *k != EventKind::Statement || reporting));
        What { reporting, complement, carried, predicate, kind }
    }

    /// Whether the report is of something planned, or of something done.
    fn planned_or_done(&self, e: &TimemlEvent, time: Option<&EventTime>) -> (bool, bool) {
        let published = self.article.published;
        let day = time.and_then(|t| t.value.days());
        let s = self.s;
        let hedged = self.word_of(e).is_some_and(|i| {
            s.children(i).any(|c| s.tokens[c].deprel == Deprel::Advmod && HEDGES.contains(&s.lemma(c)))
        });
        let planned = e.tense == Tense::Future
            || hedged
            || self.word_of(e).is_some_and(|i| self.plans(i) || self.plan_head(i).is_some())
            || !self.finite_past(e) && day.zip(published).is_some_and(|(d, p)| d.0 > p);
        let done = !planned
            && (matches!(e.tense, Tense::Past | Tense::PastPart)
                || e.aspect != super::timeml::Aspect::None
                || day.zip(published).is_some_and(|(d, p)| d.1 < p));
        (planned, done)
    }

    /// Whether event `e` is in the past tense by its verb group ("sank", "was sunk"), not a
    /// participle alone ("talks scheduled for next week", which TimeML also calls past).
    fn finite_past(&self, e: &TimemlEvent) -> bool {
        e.tense == Tense::Past
            && !self.word_of(e).is_some_and(|i| super::timeml::attributes::bare_participle(self.s, i))
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

    /// Whether word `k` is part of a temporal expression.
    fn in_timex(&self, k: usize) -> bool {
        self.timexes.iter().any(|t| t.words.contains(&k))
    }

    /// The kind of the 12 an event word has, if any.
    fn kind_of(&self, e: &TimemlEvent) -> Option<EventKind> {
        self.word_of(e).and_then(|k| self.word_kind(k))
    }

    /// The kind of the 12 word `k` of the sentence has, if any.
    fn word_kind(&self, k: usize) -> Option<EventKind> {
        let lower = self.s.word(self.text, k).to_lowercase();
        self.t.roles(&lower).iter().chain(self.t.roles(self.s.lemma(k))).find_map(|r| match r {
            Role::Trigger(k, _) => Some(*k),
            _ => None,
        })
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

/// Whether word `k` is an oblique of time relation ("since the invasion", "after the talks"):
/// another event, not a part of its head's.
/// Whether an entry's headline tells news. A statement does only when dated and when it says
/// what: never a bare "X said", however long the name of who said it. Any headline says who did
/// what: three words at least ("Troops crossed border"), or a name and its verb ("Putin
/// resigned"); or, dated, one of the 12 kinds in a word or two ("Mobilization", "Truce
/// announced").
fn says_something(e: &TimemlEvent, what: &What, headline: &headline::Headline, dated: bool) -> bool {
    let words = headline.text.split_whitespace().count();
    let bare = headline.text.split_whitespace().last().is_some_and(|w| w.eq_ignore_ascii_case(&e.text));
    if what.reporting && what.complement.is_none() && (!dated || words <= 5 || bare) {
        return false;
    }
    let listed = dated && what.kind.is_some_and(|k| k != EventKind::Statement);
    listed || words > 2 || words == 2 && headline.named_subject
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
