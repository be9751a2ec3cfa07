//! The trigger lexicon (`triggers.ron`): the words that name the twelve kinds of event, and
//! the words around them that deny, hedge, date or relate a report. Loaded once.

use super::EventKind;
use rustc_hash::FxHashMap;
use serde::Deserialize;
use std::sync::OnceLock;

#[derive(Deserialize)]
struct KindData {
    kind: EventKind,
    nouns: Vec<String>,
    verbs: Vec<String>,
}

#[derive(Deserialize)]
#[serde(rename = "Triggers")]
struct Data {
    kinds: Vec<KindData>,
    negations: Vec<String>,
    hypothetical: Vec<String>,
    titles: Vec<String>,
    not_names: Vec<String>,
    threat_words: Vec<String>,
    future: Vec<String>,
    past: Vec<String>,
    ordinals: Vec<String>,
    repeats: Vec<String>,
    relation_words: Vec<String>,
    label_stopwords: Vec<String>,
    object_nouns: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Role {
    Trigger(EventKind, bool), // kind, is a verb
    Negation,
    Hypothetical,
    Title,
    NotName,
    /// A word that, in a conditional, makes a statement a threat ("end", "abandon").
    ThreatWord,
    /// A word that makes a report planned ("will", "preparing").
    Future,
    /// A word that makes a report done ("was", "had").
    Past,
    /// "first", "second", ...: the n-th occurrence (1-based).
    Ordinal(u8),
    /// "again", "resumed": not the first occurrence.
    Repeat,
    /// "following", "since": relates an event to another happening.
    Relation,
    /// A label word that is no evidence of which event it is.
    LabelStop,
    /// A noun whose label keeps what it says ("decree stating that ...").
    ObjectNoun,
}

/// The trigger lexicon, loaded once from `triggers.ron`.
#[derive(Debug)]
pub struct Triggers {
    words: FxHashMap<Box<str>, Vec<Role>>,
}

impl Triggers {
    /// The bundled lexicon.
    pub fn get() -> &'static Triggers {
        static T: OnceLock<Triggers> = OnceLock::new();
        T.get_or_init(|| Triggers::parse(include_str!("triggers.ron")).expect("the bundled triggers.ron is valid"))
    }

    /// Parses a trigger lexicon from RON text.
    pub fn parse(text: &str) -> Result<Triggers, ron::error::SpannedError> {
        let d: Data = ron::from_str(text)?;
        let mut words: FxHashMap<Box<str>, Vec<Role>> = FxHashMap::default();
        let mut add = |w: &str, r: Role| words.entry(w.into()).or_default().push(r);
        for k in &d.kinds {
            k.nouns.iter().for_each(|w| add(w, Role::Trigger(k.kind, false)));
            k.verbs.iter().for_each(|w| add(w, Role::Trigger(k.kind, true)));
        }
        d.negations.iter().for_each(|w| add(w, Role::Negation));
        d.hypothetical.iter().for_each(|w| add(w, Role::Hypothetical));
        d.titles.iter().for_each(|w| add(w, Role::Title));
        d.not_names.iter().for_each(|w| add(w, Role::NotName));
        d.threat_words.iter().for_each(|w| add(w, Role::ThreatWord));
        d.future.iter().for_each(|w| add(w, Role::Future));
        d.past.iter().for_each(|w| add(w, Role::Past));
        d.ordinals.iter().zip(1u8..).for_each(|(w, n)| add(w, Role::Ordinal(n)));
        d.repeats.iter().for_each(|w| add(w, Role::Repeat));
        d.relation_words.iter().for_each(|w| add(w, Role::Relation));
        d.label_stopwords.iter().for_each(|w| add(w, Role::LabelStop));
        d.object_nouns.iter().for_each(|w| add(w, Role::ObjectNoun));
        Ok(Triggers { words })
    }

    /// The kinds of event a phrase names ("the invasion", "the Easter ceasefire").
    pub fn kinds_named(&self, phrase: &str) -> Vec<EventKind> {
        let mut out: Vec<EventKind> = phrase
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter_map(|w| {
                self.roles(&w.to_lowercase()).iter().find_map(|r| match r {
                    Role::Trigger(k, _) => Some(*k),
                    _ => None,
                })
            })
            .collect();
        out.dedup();
        out
    }

    pub(super) fn roles(&self, lower: &str) -> &[Role] {
        self.words.get(lower).map_or(&[], Vec::as_slice)
    }

    /// Whether a word is a title ("President", "Secretary"), in any case.
    pub fn is_title(&self, word: &str) -> bool {
        self.has(&word.to_lowercase(), |r| matches!(r, Role::Title))
    }

    pub(super) fn has(&self, lower: &str, f: impl Fn(&Role) -> bool) -> bool {
        self.roles(lower).iter().any(f)
    }

    /// Whether a (lower-case) word relates an event to another happening: "following",
    /// "since", "before".
    pub fn is_relation_word(&self, lower: &str) -> bool {
        self.has(lower, |r| *r == Role::Relation)
    }

    /// Whether a (lower-case) label word says nothing of which event it is ("the", "said").
    pub fn is_label_stopword(&self, lower: &str) -> bool {
        self.has(lower, |r| *r == Role::LabelStop)
    }
}
