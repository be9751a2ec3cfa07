//! What an entry is about: the event its word reports or carries (an announcement's truce,
//! a light verb's talks), its predicate and its kind.

use super::*;

/// What an entry reports: whether its word is a reporting verb, the event it reports or
/// carries, its predicate and its kind.
pub(super) struct What {
    pub(super) reporting: bool,
    pub(super) complement: Option<usize>,
    pub(super) carried: Option<usize>,
    pub(super) predicate: String,
    pub(super) kind: Option<EventKind>,
}

impl Clause<'_> {
    /// What happened: the event the entry is about, its predicate and its kind.
    pub(super) fn what(&self, e: &TimemlEvent, i: usize, candidates: &[usize]) -> What {
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
        let complement_event = complement.and_then(|c| self.events_at(c).next());
        let kind = threat
            .then_some(EventKind::Threat)
            .or_else(|| complement_event.filter(|_| declares).and_then(|c| self.kind_of(c)))
            .or_else(|| carried.and_then(|c| self.word_kind(c)))
            .or_else(|| self.kind_of(e).filter(|k| *k != EventKind::Statement || reporting));
        What { reporting, complement, carried, predicate, kind }
    }

    /// The anchor, when the event's clause places it at a calendar date (not a narrative's
    /// date, not another event noun's, not a bound).
    /// The light verb that carries event noun `i` ("held talks", "signed a peace deal").
    pub(super) fn light_verb(&self, e: &TimemlEvent, i: usize) -> Option<usize> {
        let s = self.s;
        s.tokens[i].head.filter(|&h| {
            matches!(e.pos, Upos::Noun | Upos::Propn)
                && s.tokens[h].upos == Upos::Verb
                && (s.tokens[i].deprel == Deprel::Obj || s.tokens[i].deprel.is_subject())
                && LIGHT_VERBS.contains(&s.lemma(h))
        })
    }

    /// The event noun a light verb carries: its object, its subject, or the noun its relative
    /// clause is about ("a conference that will be held").
    pub(super) fn carried_noun(&self, h: usize) -> Option<usize> {
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
    pub(super) fn subject_event(&self, h: usize) -> Option<usize> {
        let s = self.s;
        s.children(h).find(|&c| {
            s.tokens[c].deprel.is_subject()
                && matches!(s.tokens[c].upos, Upos::Noun | Upos::Propn)
                && (self.events_at(c).any(|e| e.class != EventClass::State)
                    || self.predicates.names_a_verb(&s.lemma(c).to_lowercase()))
        })
    }

    /// The kind of the 12 an event word has, if any.
    pub(super) fn kind_of(&self, e: &TimemlEvent) -> Option<EventKind> {
        self.word_of(e).and_then(|k| self.word_kind(k))
    }

    /// The kind of the 12 word `k` of the sentence has, if any.
    pub(super) fn word_kind(&self, k: usize) -> Option<EventKind> {
        let lower = self.s.word(self.text, k).to_lowercase();
        self.t.roles(&lower).iter().chain(self.t.roles(self.s.lemma(k))).find_map(|r| match r {
            Role::Trigger(k, _) => Some(*k),
            _ => None,
        })
    }
}

/// Whether an entry's headline tells news. A statement does only when dated and when it says
/// what: never a bare "X said", however long the name of who said it. Any headline says who did
/// what: three words at least ("Troops crossed border"), or a name and its verb ("Putin
/// resigned"); or, dated, one of the 12 kinds in a word or two ("Mobilization", "Truce
/// announced").
pub(super) fn says_something(e: &TimemlEvent, what: &What, headline: &headline::Headline, dated: bool) -> bool {
    let words = headline.text.split_whitespace().count();
    let bare = headline.text.split_whitespace().last().is_some_and(|w| w.eq_ignore_ascii_case(&e.text));
    if what.reporting && what.complement.is_none() && (!dated || words <= 5 || bare) {
        return false;
    }
    let listed = dated && what.kind.is_some_and(|k| k != EventKind::Statement);
    listed || words > 2 || words == 2 && headline.named_subject
}
