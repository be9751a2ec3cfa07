//! English verbs whose past forms are not made with "-ed" ("sink, sank, sunk"): lexicon data
//! (`verb-forms.txt`), read once. The tagger learned from a treebank that lacks about half of
//! these forms, and tags a word it never saw by its spelling; the lexicon keeps "sank" a verb
//! ([`super::readings`]) and gives it its lemma ("sink").

use super::words::lower_hash;
use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// A past tense or past participle of the lexicon.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PastForm {
    /// The verb's base form: its lemma.
    pub lemma: &'static str,
    /// Whether the form is also a common noun ("shot", "thought"), so never forced to a verb.
    pub noun_too: bool,
    /// Whether it is a past participle ("sunk", "slain"), which may modify a noun as an
    /// adjective does; else it is a past tense only ("sank").
    pub participle: bool,
    /// Whether it is a past tense ("sank", "bent"); a participle that is not ("sunk", "taken")
    /// reads as a past only with its auxiliary.
    pub past: bool,
}

/// The lexicon: lower-case hash of each past form ([`lower_hash`]) to what it is. A form that
/// is also its verb's base ("put", "cast") is left out: it needs no lemma, and its tag is the
/// tagger's to choose.
fn table() -> &'static FxHashMap<u64, PastForm> {
    static TABLE: OnceLock<FxHashMap<u64, PastForm>> = OnceLock::new();
    TABLE.get_or_init(|| parse(include_str!("verb-forms.txt")))
}

fn parse(text: &'static str) -> FxHashMap<u64, PastForm> {
    let mut table = FxHashMap::default();
    for (form, lemma, noun_too, participle) in lines(text) {
        let entry =
            table.entry(lower_hash(form)).or_insert(PastForm { lemma, noun_too, participle: false, past: false });
        entry.participle |= participle && entry.lemma == lemma;
        entry.past |= !participle && entry.lemma == lemma;
    }
    table
}

/// The lexicon's past forms as written: each form other than its verb's base, with that base,
/// whether it is also a noun, and whether it is the participle (else the past tense).
fn lines(text: &'static str) -> impl Iterator<Item = (&'static str, &'static str, bool, bool)> {
    text.lines().map(|l| l.split('#').next().unwrap_or("")).flat_map(|line| {
        let mut words = line.split_whitespace();
        let lemma = words.next().unwrap_or("");
        words.take(2).enumerate().flat_map(move |(k, forms)| {
            forms.split('/').filter_map(move |form| {
                let (form, noun_too) = match form.strip_suffix('*') {
                    Some(f) => (f, true),
                    None => (form, false),
                };
                (!form.is_empty() && form != lemma).then_some((form, lemma, noun_too, k == 1))
            })
        })
    })
}

/// The past tenses of the lexicon that are never common nouns, as written ("froze", "slew";
/// not "shot" or "rose"): words that mark a clause as past, for the date stage. Not the
/// participles: without an auxiliary they say nothing of the time ("the turnout seen likely
/// to", "would not be known until").
pub fn verb_only_past_tenses() -> impl Iterator<Item = &'static str> {
    lines(include_str!("verb-forms.txt"))
        .filter(|&(_, _, noun_too, participle)| !noun_too && !participle)
        .map(|(form, ..)| form)
}

/// The past form whose lower-case hash is `lower` ([`super::words::WordView::lower`]), if the
/// lexicon has it.
pub fn past_form(lower: u64) -> Option<PastForm> {
    table().get(&lower).copied()
}

/// Whether the word (its lower-case hash) is a past participle of the lexicon that is not also
/// a past tense: "taken", "begun", "withdrawn" (not "bent", "put").
pub fn participle_only(lower: u64) -> bool {
    past_form(lower).is_some_and(|f| f.participle && !f.past)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lexicon() {
        assert_eq!(past_form(lower_hash("sank")).map(|f| f.lemma), Some("sink"));
        assert_eq!(past_form(lower_hash("Sunk")).map(|f| f.lemma), Some("sink"));
        assert_eq!(past_form(lower_hash("born")).map(|f| f.lemma), Some("bear"));
        assert_eq!(past_form(lower_hash("lay")).map(|f| f.lemma), Some("lie"), "the past of lie");
        assert!(past_form(lower_hash("put")).is_none(), "the same as its base");
        assert!(past_form(lower_hash("summit")).is_none());
        assert!(table().len() > 200);
    }

    #[test]
    fn tells_a_participle_that_is_not_a_past() {
        for w in ["taken", "begun", "Withdrawn", "sunk"] {
            assert!(participle_only(lower_hash(w)), "{w}");
        }
        for w in ["sank", "fled", "bent", "rejected", "put"] {
            assert!(!participle_only(lower_hash(w)), "{w}");
        }
    }

    #[test]
    fn gives_the_date_stage_past_tenses_that_are_never_nouns() {
        let pasts: Vec<&str> = verb_only_past_tenses().collect();
        for w in ["froze", "slew", "sank", "fled"] {
            assert!(pasts.contains(&w), "{w}");
        }
        for w in ["frozen", "seen", "known", "shot", "rose", "put"] {
            assert!(!pasts.contains(&w), "{w}");
        }
    }
}
