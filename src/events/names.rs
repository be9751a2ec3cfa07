//! The names an article has given, so that a later short one ("Gallois"), a pronoun ("he") or
//! a common noun ("the company") can be read as the full name in labels.

use super::headline;
use crate::language::{Deprel, Sentence, Upos, Xpos};
use rustc_hash::FxHashMap;

/// Full names an article has given, to complete a later short one ("Gallois" -> "Louis
/// Gallois"): by last word, the latest given.
#[derive(Debug, Default)]
pub(super) struct Names {
    by_last: FxHashMap<String, String>,
    /// The same by first word, the first given, for a person the news calls by it ("Saddam"
    /// after "Saddam Hussein", "Hu" after "Hu Jintao").
    by_first: FxHashMap<String, String>,
    /// The last full name that was a clause's subject: "he" or "she" in the next sentences.
    last_subject: Option<String>,
    /// The full name a sentence's subject gave, to become `last_subject` after it.
    pending: Option<String>,
    /// The last organisation named in full, by the kind its name ends with ("Northrop
    /// Grumman Corp." a company): "the company" refers to it.
    last_org: FxHashMap<&'static str, String>,
    /// The plural subject of the last sentence's main clause ("The refugees went on a
    /// five-month trek"): "they" as the next sentence's subject ("They escaped to Zaire").
    last_plural: Option<String>,
}

/// What "the company", "the alliance", ... may refer to: the last name ending with one of
/// these words.
const ORG_NOUNS: &[(&str, &[&str])] = &[
    ("company", &["company", "corp", "corporation", "inc", "ltd", "co", "plc", "llc", "group", "ag", "sa"]),
    ("firm", &["company", "corp", "corporation", "inc", "ltd", "co", "plc", "llc", "group", "ag", "sa"]),
    ("alliance", &["alliance", "organization", "organisation"]),
    ("organization", &["organization", "organisation"]),
    ("bank", &["bank"]),
    ("party", &["party"]),
    ("ministry", &["ministry"]),
    ("agency", &["agency"]),
    ("union", &["union"]),
    ("council", &["council"]),
];

impl Names {
    /// Learns the multi-word proper names of a sentence.
    pub(super) fn learn(&mut self, s: &Sentence, text: &str) {
        for i in 0..s.len() {
            // a name's head, not a word inside a name ("Donald" in "Donald Trump"); a name joined
            // to another ("Marco Rubio and Donald Trump") is a name of its own
            let inside = matches!(s.tokens[i].deprel, Deprel::Compound | Deprel::Flat)
                && s.tokens[i].head.is_some_and(|h| s.tokens[h].upos == Upos::Propn)
                || i > 0 && s.tokens[i - 1].upos == Upos::Propn && headline::beside(s, i - 1, i);
            if s.tokens[i].upos != Upos::Propn || inside {
                continue;
            }
            let (lo, hi) = headline::name_span(s, i);
            // A family name the article gave in full before ("Rubinstein said"): the subject
            // "he" or "she" stands for next, as the full name would be.
            if hi == lo && s.tokens[i].deprel.is_subject() && self.pending.is_none() {
                let full = self.by_last.get(&s.word(text, i).to_lowercase()).cloned();
                self.pending = full.filter(|f| f.contains(' '));
            }
            // The name is the run of proper nouns that ends the phrase: a title the parse put
            // at its head stays out ("Attorney General Elyakim Rubinstein": "Elyakim Rubinstein").
            let lo = (lo..=hi).rev().take_while(|&k| s.tokens[k].upos == Upos::Propn).last().unwrap_or(hi);
            // A person's name leaves out the office before it ("Oil Minister Amer Rashid": "Amer
            // Rashid"); an organisation keeps its words ("General Motors").
            let first = (lo..hi).rev().find(|&k| headline::is_title(s, k)).map_or(lo, |t| t + 1);
            // up to four capitalised words, and the particles between them ("Luiz Inacio Lula
            // da Silva")
            let short = |from: usize| {
                let capitals = (from..=hi).filter(|&k| s.word(text, k).starts_with(char::is_uppercase)).count();
                hi > from && capitals <= 4 && hi - from < 6
            };
            let (whole, named) = (short(lo), short(first));
            if whole || named {
                let full = &text[s.tokens[lo].start..s.tokens[hi].end];
                // Completing a short name is for people ("Gallois" is "Louis Gallois"): a place's
                // or an organisation's one word is its name ("China" is not "Northeast China").
                // (a phrase too long with its office, "U.S. President George W. Bush", gives a
                // person's name of three words at most, not "Pacific Fleet Gary Roughead")
                let person = headline::may_be_person(full) && named && (whole || hi - first < 3);
                let name = &text[s.tokens[first].start..s.tokens[hi].end];
                if person {
                    self.by_last.insert(s.word(text, hi).to_lowercase(), name.to_string());
                    self.learn_first(s, text, first..hi + 1, name);
                }
                if s.tokens[i].deprel.is_subject() && self.pending.is_none() && person {
                    self.pending = Some(name.to_string());
                }
                let last = s.word(text, hi).trim_end_matches('.').to_lowercase();
                for (noun, endings) in ORG_NOUNS.iter().filter(|_| whole) {
                    if endings.contains(&last.as_str()) {
                        self.last_org.insert(noun, full.to_string());
                    }
                }
            }
        }
    }

    /// Learns the first word of a person's name of two or three words (`words`): no title
    /// ("King Hussein" is not "King"), no acronym ("APEC SOM" is not what "APEC" stands for),
    /// no country or capital ("China" is not "China Unicom").
    fn learn_first(&mut self, s: &Sentence, text: &str, words: std::ops::Range<usize>, full: &str) {
        let first = s.word(text, words.start).to_lowercase();
        let acronym = s.word(text, words.start).chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        let titled = words.clone().any(|k| headline::is_title(s, k));
        let country = super::lexicon::countries().contains_key(first.as_str());
        if words.len() <= 3 && !acronym && !titled && !country {
            self.by_first.entry(first).or_insert_with(|| full.to_string());
        }
    }

    /// Learns what "they" in the next sentence stands for: the plural noun phrase that is the
    /// subject of this sentence's main clause; nothing after a singular one. A main clause whose
    /// subject is "they", or that has none, keeps what "they" stood for.
    pub(super) fn learn_plural(&mut self, s: &Sentence, text: &str) {
        let Some(root) = s.root() else { return };
        let Some(c) = s.children(root).find(|&c| s.tokens[c].deprel.is_subject()) else { return };
        let tok = &s.tokens[c];
        if tok.upos == Upos::Pron && s.lemma(c).eq_ignore_ascii_case("they") {
            return;
        }
        let plural = matches!(tok.xpos, Xpos::Nns | Xpos::Nnps)
            || matches!(tok.upos, Upos::Noun | Upos::Propn)
                && s.children(c).any(|k| s.tokens[k].deprel == Deprel::Conj);
        self.last_plural = plural
            .then(|| {
                // not across a comma ("On Wednesday, ministers")
                let after_comma = |k: usize| !(k..c).any(|j| s.tokens[j].upos == Upos::Punct);
                let words = headline::nominal(s, c, &|k| !after_comma(k));
                let (first, last) = (*words.first()?, *words.last()?);
                Some(text[s.tokens[first].start..s.tokens[last].end].to_string())
            })
            .flatten();
    }

    /// After a sentence: its subject's name is the one "he" or "she" refers to next.
    pub(super) fn next_sentence(&mut self) {
        if let Some(p) = self.pending.take() {
            self.last_subject = Some(p);
        }
    }

    /// The full name of a one-word name, if the article gave one (by its last word, else its
    /// first); for "he" or "she", the last
    /// named subject of an earlier sentence; for "the company", "the alliance" ..., the last
    /// organisation of that kind named in full.
    pub(super) fn full(&self, phrase: &str) -> Option<String> {
        if matches!(phrase, "he" | "she") {
            return self.last_subject.clone().filter(|name| !headline::other_gender(name, phrase));
        }
        if phrase == "they" {
            return self.last_plural.clone();
        }
        // "the company": the organisation of that kind the article named last
        if let Some(noun) = phrase.strip_prefix("the ") {
            return self.last_org.get(noun).cloned();
        }
        if phrase.contains(char::is_whitespace) || !phrase.starts_with(char::is_uppercase) {
            return None;
        }
        let key = phrase.to_lowercase();
        self.by_last.get(&key).or_else(|| self.by_first.get(&key)).cloned()
    }
}
