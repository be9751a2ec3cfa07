//! Which events an article asserts, so that they can be entries: not denied, not under a
//! modal or a condition, not inside what someone believes or wants, of a class that reports a
//! happening; and whether an entry is planned or done.

use super::*;

impl Clause<'_> {
    /// Whether an event is asserted and of a class that can be an entry.
    pub(super) fn asserted(&self, e: &TimemlEvent, i: usize) -> bool {
        if e.polarity == Polarity::Neg || e.modality.is_some() || self.in_condition(i) {
            return false;
        }
        let s = self.s;
        // "not", "never" on the event or on the verb that carries it ("have not held direct
        // negotiations"); "any" or "no" before an event noun ("any talks with Putin").
        if self.denied(i)
            || s.tokens[i].head.is_some_and(|h| s.tokens[i].deprel == Deprel::Obj && self.denied(h))
            || self.denied_happening(i)
            || self.done_by_none(i)
            || self.light_verb(e, i).is_some_and(|h| self.unasserted_verb(h))
            || self.called_off(i)
            || self.undergoes_maybe(i)
        {
            return false;
        }
        if s.children(i).any(|c| s.tokens[c].deprel == Deprel::Det && s.lemma(c) == "any") || self.none_of(i) {
            return false;
        }
        // An event noun named with its own past date ("the 2003 invasion", "the 1982
        // killings") is a fact, whatever the clause around it says of it.
        if self.dated_in_the_past(e, i) {
            return true;
        }
        if self.embedded_unasserted(i) {
            return false;
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
        !made_clear && self.class_makes_entry(e, i)
    }

    /// Whether "not", "never" or "n't" qualifies word `k`.
    fn denied(&self, k: usize) -> bool {
        let s = self.s;
        s.children(k).any(|c| s.tokens[c].deprel == Deprel::Advmod && matches!(s.lemma(c), "not" | "never" | "n't"))
    }

    /// Whether word `i` is the subject of a predicate that denies it happened: "the talks did
    /// not take place", "the meeting never happened", "a visit was not on the agenda" (a
    /// negated copula). A subject of another negated verb happened all the same ("the war did
    /// not end").
    fn denied_happening(&self, i: usize) -> bool {
        let s = self.s;
        let Some(h) = s.tokens[i].head.filter(|_| s.tokens[i].deprel.is_subject()) else { return false };
        if !self.denied(h) {
            return false;
        }
        let with = |w: &[&str]| s.children(h).any(|c| w.contains(&s.lemma(c)));
        let copula = s.children(h).any(|c| s.tokens[c].deprel == Deprel::Cop);
        copula
            || match s.lemma(h) {
                "take" => with(&["place"]),
                "go" => with(&["ahead", "forward"]),
                lemma => HAPPEN_VERBS.contains(&lemma),
            }
    }

    /// Whether verb `h` is negated ("did not reach an agreement"), under a modal, done by none
    /// ("reached no agreement"), or what a word says will not be ("is unlikely to hold
    /// elections", "failed to reach"): the event noun a light verb carries is labelled from the
    /// verb's clause, and is asserted only as the verb would be.
    fn unasserted_verb(&self, h: usize) -> bool {
        let s = self.s;
        let negated = self.events_at(h).any(|x| x.polarity == Polarity::Neg || x.modality.is_some());
        let not_to_be =
            s.tokens[h].deprel == Deprel::Xcomp && s.tokens[h].head.is_some_and(|w| NOT_TO_BE.contains(&s.lemma(w)));
        negated || not_to_be || self.denied(h) || self.done_by_none(h)
    }

    /// Whether event noun `i` is what a verb under a modal would have done to it: "a continuation
    /// of the truce would be welcomed", "the deal could be signed". Such a noun is spoken of, not
    /// reported; a plan ("will be held") has no modal.
    fn undergoes_maybe(&self, i: usize) -> bool {
        let s = self.s;
        s.tokens[i].deprel == Deprel::NsubjPass
            && matches!(s.tokens[i].upos, Upos::Noun | Upos::Propn)
            && s.tokens[i].head.is_some_and(|h| self.events_at(h).any(|x| x.modality.is_some()))
    }

    /// Whether word `i` names, or describes in a clause on it, an event that a verb calls off:
    /// "the summit was cancelled", "the strike planned for Monday was called off" (neither the
    /// strike nor its being planned is news; the calling off is).
    fn called_off(&self, i: usize) -> bool {
        let s = self.s;
        let cancels = |v: usize| self.calls_off(v) || CANCEL_VERBS.contains(&s.lemma(v));
        let mut k = i;
        for _ in 0..3 {
            let Some(h) = s.tokens[k].head else { return false };
            let called = matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn)
                && matches!(s.tokens[k].deprel, Deprel::NsubjPass | Deprel::Obj)
                && cancels(h);
            if called {
                return true;
            }
            if !matches!(s.tokens[k].deprel, Deprel::Acl | Deprel::AclRelcl) {
                return false;
            }
            k = h;
        }
        false
    }

    /// Whether verb `v` is "call off" or "put off", whether the parse took "off" for a particle
    /// or a preposition: a cancelling, never a statement.
    fn calls_off(&self, v: usize) -> bool {
        let s = self.s;
        let off = |c: usize, d: &[Deprel]| s.lemma(c) == "off" && d.contains(&s.tokens[c].deprel);
        matches!(s.lemma(v), "call" | "put")
            && s.children(v).any(|c| {
                off(c, &[Deprel::CompoundPrt, Deprel::Advmod])
                    // "called off the talks" parsed with "off" as the talks' preposition, right
                    // after the verb (not "called for talks off the coast")
                    || matches!(s.tokens[c].deprel, Deprel::Obj | Deprel::Obl)
                        && s.children(c).any(|k| k == v + 1 && off(k, &[Deprel::Case]))
            })
    }

    /// Whether verb `i` has "no" one doing it or nothing done: "no agreement was reached",
    /// "neither side fired a shot", "nobody was hurt", "reached no agreement".
    fn done_by_none(&self, i: usize) -> bool {
        let s = self.s;
        s.children(i)
            .any(|c| matches!(s.tokens[c].deprel, Deprel::Nsubj | Deprel::NsubjPass | Deprel::Obj) && self.none_of(c))
    }

    /// Whether word `c` names none of its kind: "no agreement", "neither side", "nobody".
    fn none_of(&self, c: usize) -> bool {
        let s = self.s;
        matches!(s.lemma(c), "nobody" | "nothing" | "none" | "noone")
            || s.children(c).any(|d| s.tokens[d].deprel == Deprel::Det && matches!(s.lemma(d), "no" | "neither"))
    }

    /// Whether word `i` lies inside what someone believes, wants, denies or will say, or what
    /// may be ("did not believe Putin was interested in serious negotiations", "could use the talks to
    /// support a withdrawal"), up to six heads above it and not across a relation in time.
    fn embedded_unasserted(&self, i: usize) -> bool {
        let s = self.s;
        let mut k = i;
        for _ in 0..6 {
            let Some(h) = s.tokens[k].head else { break };
            let d = s.tokens[k].deprel;
            // an adverbial clause ("while Putin suggested ...") is embedded only under a modal
            let adverbial = d == Deprel::Advcl;
            let embedded = matches!(d, Deprel::Ccomp | Deprel::Xcomp | Deprel::Obj | Deprel::Advcl)
                || d.is_oblique()
                || d.is_nmod();
            // a relation in time: "were feared drowned when a boat collided with a ship" (the
            // collision is what places the fear, not part of it)
            let temporal_clause = adverbial
                && s.children(k).any(|c| match s.tokens[c].deprel {
                    Deprel::Mark => {
                        matches!(s.lemma(c), "when" | "after" | "before" | "while" | "since" | "until" | "once")
                    }
                    Deprel::Advmod => s.lemma(c) == "when",
                    _ => false,
                });
            if embedded && temporal_case(s, k) || temporal_clause {
                break;
            }
            // what someone will say is not yet said ("Putin will say that NATO attacked us")
            let believed = self.events_at(h).any(|x| {
                matches!(x.class, EventClass::IState | EventClass::State) && x.pos != Upos::Noun && !adverbial
                    || x.modality.is_some()
                    || x.class == EventClass::Reporting && x.tense == Tense::Future
            });
            if embedded && (self.denied(h) || believed) {
                return true;
            }
            k = h;
        }
        false
    }

    /// Whether event `e` (word `i`) is of a class that reports a happening: an occurrence, an
    /// intensional act or an aspectual verb; a plan; a statement that is news; a word of the
    /// 12 kinds whatever its class.
    fn class_makes_entry(&self, e: &TimemlEvent, i: usize) -> bool {
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
    pub(super) fn dated_in_the_past(&self, e: &TimemlEvent, i: usize) -> bool {
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
    pub(super) fn in_condition(&self, i: usize) -> bool {
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

    /// Whether word `i` reports a plan: one of [`PLANS`] with an infinitive complement, which
    /// names what is planned ("is scheduled to take place").
    pub(super) fn plans(&self, i: usize) -> bool {
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
    pub(super) fn plan_head(&self, i: usize) -> Option<usize> {
        let s = self.s;
        let h = s.tokens[i].head?;
        (s.tokens[i].deprel == Deprel::Xcomp
            && s.tokens[i].upos == Upos::Verb
            && self.plans(h)
            && self.events_at(h).next().is_none())
        .then_some(h)
    }

    /// Whether a reporting verb says what will happen if a condition is not met ("stated that
    /// Washington could end the talks if no progress was made"): a threat.
    pub(super) fn warns(&self, i: usize) -> bool {
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
    pub(super) fn is_report(&self, e: &TimemlEvent, i: usize) -> bool {
        let lemma = e.lemma.as_str();
        !self.calls_off(i)
            && (REPORTING_VERBS.contains(&lemma)
                || e.class == EventClass::Reporting && (NEWS_STATEMENTS.contains(&lemma) || self.reports_clause(i)))
    }

    /// Whether word `i` governs a clause it reports ("said that ...", "said, ..."), or is
    /// itself set beside the clause it reports ("..., the minister said").
    pub(super) fn reports_clause(&self, i: usize) -> bool {
        let s = self.s;
        let clause = |d: Deprel| matches!(d, Deprel::Ccomp | Deprel::Xcomp | Deprel::Parataxis | Deprel::Csubj);
        clause(s.tokens[i].deprel) || s.children(i).any(|c| clause(s.tokens[c].deprel))
    }

    /// Whether the report is of something planned, or of something done.
    pub(super) fn planned_or_done(&self, e: &TimemlEvent, time: Option<&EventTime>) -> (bool, bool) {
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
                || e.aspect != crate::events::timeml::Aspect::None
                || day.zip(published).is_some_and(|(d, p)| d.1 < p));
        (planned, done)
    }

    /// Whether event `e` is in the past tense by its verb group ("sank", "was sunk"), not a
    /// participle alone ("talks scheduled for next week", which TimeML also calls past).
    pub(super) fn finite_past(&self, e: &TimemlEvent) -> bool {
        e.tense == Tense::Past
            && !self.word_of(e).is_some_and(|i| crate::events::timeml::attributes::bare_participle(self.s, i))
    }
}
