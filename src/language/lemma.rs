//! Lemmas: "invaded" -> "invade", "talks" -> "talk", "was" -> "be".
//!
//! Learned from the treebank: each (word, tag) seen gets an edit rule (strip so many characters,
//! append these) and the rules are counted by tag and word ending. An unseen word takes the most
//! frequent rule of its longest known ending that yields a lemma the treebank knows, else the
//! most frequent one. Only words the rules get wrong are kept as exceptions ("was" -> "be").

use super::perceptron::{hash_bytes, write_str, Reader};
use super::tags::Xpos;
use super::words::fold_apostrophe;
use rustc_hash::{FxHashMap, FxHashSet};

/// Longest word ending rules look at.
const MAX_SUFFIX: usize = 5;

/// An edit from a lower-case word to its lemma.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Rule {
    strip: u8,
    append: String,
}

/// The learned lemmatiser.
#[derive(Debug, Default)]
pub struct Lemmatizer {
    /// (tag, hash of an ending) -> rules, most frequent first.
    rules: FxHashMap<(Xpos, u64), Vec<Rule>>,
    /// (tag, hash of the lower-case word) -> lemma, where the rules are wrong.
    exceptions: FxHashMap<(Xpos, u64), String>,
    /// Hashes of the lemmas the treebank has.
    known: FxHashSet<u64>,
}

fn rule_of(lower: &str, lemma: &str) -> Option<Rule> {
    let common = lower.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
    let strip = lower.chars().count() - common;
    let append: String = lemma.chars().skip(common).collect();
    (strip <= 255).then_some(Rule { strip: strip as u8, append })
}

fn apply(lower: &str, r: &Rule, out: &mut String) -> bool {
    let n = lower.chars().count();
    if r.strip as usize >= n && !(r.strip == 0 && n == 0) {
        return false;
    }
    out.extend(lower.chars().take(n - r.strip as usize));
    out.push_str(&r.append);
    true
}

/// Endings of a lower-case word, longest first (the empty ending last).
fn endings(lower: &str) -> impl Iterator<Item = &str> {
    let mut starts = [lower.len(); MAX_SUFFIX + 1];
    let mut n = 1;
    for (i, _) in lower.char_indices().rev().take(MAX_SUFFIX) {
        starts[n] = i;
        n += 1;
    }
    (0..n).rev().map(move |k| &lower[starts[k]..])
}

impl Lemmatizer {
    /// Learns from (word, tag, lemma) triples.
    pub fn train<'a>(items: impl Iterator<Item = (&'a str, Xpos, &'a str)> + Clone) -> Lemmatizer {
        let mut counts: FxHashMap<(Xpos, u64), FxHashMap<Rule, u32>> = FxHashMap::default();
        let mut known = FxHashSet::default();
        let mut seen: FxHashMap<(Xpos, String), FxHashMap<String, u32>> = FxHashMap::default();
        for (form, tag, lemma) in items.clone() {
            let lower = form.to_lowercase();
            let lemma_l = lemma.to_lowercase();
            known.insert(hash_bytes(lemma_l.as_bytes()));
            *seen.entry((tag, lower.clone())).or_default().entry(lemma_l.clone()).or_default() += 1;
            let Some(rule) = rule_of(&lower, &lemma_l) else { continue };
            for e in endings(&lower) {
                *counts.entry((tag, hash_bytes(e.as_bytes()))).or_default().entry(rule.clone()).or_default() += 1;
            }
        }
        let mut rules = FxHashMap::default();
        for (k, m) in counts {
            let mut v: Vec<(Rule, u32)> = m.into_iter().collect();
            v.sort_by(|a, b| {
                b.1.cmp(&a.1).then_with(|| a.0.strip.cmp(&b.0.strip)).then_with(|| a.0.append.cmp(&b.0.append))
            });
            v.truncate(4);
            rules.insert(k, v.into_iter().map(|(r, _)| r).collect());
        }
        let mut l = Lemmatizer { rules, exceptions: FxHashMap::default(), known };
        let mut buf = String::new();
        let mut keys: Vec<_> = seen.into_iter().collect();
        keys.sort_by(|a, b| a.0.cmp(&b.0));
        for ((tag, lower), lemmas) in keys {
            let mut v: Vec<(String, u32)> = lemmas.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            let best = v.swap_remove(0).0;
            buf.clear();
            l.by_rules(&lower, tag, &mut buf);
            if buf != best {
                l.exceptions.insert((tag, hash_bytes(lower.as_bytes())), best);
            }
        }
        l
    }

    fn by_rules(&self, lower: &str, tag: Xpos, out: &mut String) {
        let start = out.len();
        for e in endings(lower) {
            let Some(rules) = self.rules.get(&(tag, hash_bytes(e.as_bytes()))) else { continue };
            let mut first = None;
            for r in rules {
                out.truncate(start);
                if !apply(lower, r, out) {
                    continue;
                }
                if self.known.contains(&hash_bytes(&out.as_bytes()[start..])) {
                    return;
                }
                first.get_or_insert(r);
            }
            out.truncate(start);
            if let Some(r) = first {
                apply(lower, r, out);
                return;
            }
        }
        out.push_str(lower);
    }

    /// Appends the lemma of `form` tagged `tag` to `out`. Proper nouns keep their form.
    pub fn lemma(&self, form: &str, tag: Xpos, lower_buf: &mut String, out: &mut String) {
        if matches!(tag, Xpos::Nnp | Xpos::Nnps) {
            out.push_str(form);
            return;
        }
        lower_buf.clear();
        lower_buf.extend(form.chars().map(fold_apostrophe).flat_map(char::to_lowercase));
        if let Some(l) = self.exceptions.get(&(tag, hash_bytes(lower_buf.as_bytes()))) {
            out.push_str(l);
            return;
        }
        if matches!(tag, Xpos::Vbd | Xpos::Vbn) {
            if let Some(f) = super::verb_forms::past_form(super::words::lower_hash(lower_buf)) {
                out.push_str(f.lemma);
                return;
            }
        }
        let start = out.len();
        self.by_rules(lower_buf, tag, out);
        // A past tense and a participle share their spelling rules: when this tag's rules make
        // a lemma the treebank does not know ("exploded" as VBN -> "explod", by "loaded"), the
        // other's may ("explode"). Only a lemma within a letter of the first: the rules of the
        // two differ by the "e" of "-ed", and a far shorter known word is a rule gone astray
        // ("razed" -> "re").
        let sibling = match tag {
            Xpos::Vbd => Xpos::Vbn,
            Xpos::Vbn => Xpos::Vbd,
            _ => return,
        };
        if self.known.contains(&hash_bytes(&out.as_bytes()[start..])) {
            return;
        }
        let mid = out.len();
        self.by_rules(lower_buf, sibling, out);
        let near = out[mid..].chars().count().abs_diff(out[start..mid].chars().count()) <= 1;
        if near && self.known.contains(&hash_bytes(&out.as_bytes()[mid..])) {
            out.replace_range(start..mid, "");
        } else {
            out.truncate(mid);
        }
    }

    pub fn write(&self, out: &mut Vec<u8>) {
        let mut rules: Vec<_> = self.rules.iter().collect();
        rules.sort_by(|a, b| a.0.cmp(b.0));
        out.extend((rules.len() as u32).to_le_bytes());
        for ((tag, end), rs) in rules {
            out.push(tag.index() as u8);
            out.extend(end.to_le_bytes());
            out.push(rs.len() as u8);
            for r in rs {
                out.push(r.strip);
                write_str(out, &r.append);
            }
        }
        let mut ex: Vec<_> = self.exceptions.iter().collect();
        ex.sort();
        out.extend((ex.len() as u32).to_le_bytes());
        for ((tag, w), l) in ex {
            out.push(tag.index() as u8);
            out.extend(w.to_le_bytes());
            write_str(out, l);
        }
        let mut known: Vec<_> = self.known.iter().collect();
        known.sort();
        out.extend((known.len() as u32).to_le_bytes());
        for k in known {
            out.extend(k.to_le_bytes());
        }
    }

    pub fn read(r: &mut Reader<'_>) -> Option<Lemmatizer> {
        let tag = |r: &mut Reader<'_>| -> Option<Xpos> {
            let i = r.u8()? as usize;
            Xpos::ALL.get(i).copied()
        };
        let mut l = Lemmatizer::default();
        for _ in 0..r.u32()? {
            let t = tag(r)?;
            let end = r.u64()?;
            let n = r.u8()?;
            let mut rs = Vec::with_capacity(n as usize);
            for _ in 0..n {
                let strip = r.u8()?;
                rs.push(Rule { strip, append: r.str()?.to_string() });
            }
            l.rules.insert((t, end), rs);
        }
        for _ in 0..r.u32()? {
            let t = tag(r)?;
            let w = r.u64()?;
            l.exceptions.insert((t, w), r.str()?.to_string());
        }
        for _ in 0..r.u32()? {
            l.known.insert(r.u64()?);
        }
        Some(l)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_rules_and_exceptions() {
        let data = [
            ("walked", Xpos::Vbd, "walk"),
            ("talked", Xpos::Vbd, "talk"),
            ("traded", Xpos::Vbd, "trade"),
            ("was", Xpos::Vbd, "be"),
            ("invade", Xpos::Vb, "invade"),
            ("talks", Xpos::Nns, "talk"),
            ("cities", Xpos::Nns, "city"),
        ];
        let l = Lemmatizer::train(data.iter().map(|&(a, b, c)| (a, b, c)));
        let lemma = |w: &str, t| {
            let (mut b, mut o) = (String::new(), String::new());
            l.lemma(w, t, &mut b, &mut o);
            o
        };
        assert_eq!(lemma("Was", Xpos::Vbd), "be");
        assert_eq!(lemma("invaded", Xpos::Vbd), "invade", "the known lemma wins");
        assert_eq!(lemma("jumped", Xpos::Vbd), "jump");
        assert_eq!(lemma("summits", Xpos::Nns), "summit");
        assert_eq!(lemma("Kyiv", Xpos::Nnp), "Kyiv");
        let mut bytes = Vec::new();
        l.write(&mut bytes);
        let back = Lemmatizer::read(&mut Reader::new(&bytes)).unwrap();
        assert_eq!(back.exceptions, l.exceptions);
    }

    #[test]
    fn a_participle_takes_the_past_tense_rule_that_makes_a_known_lemma() {
        let data = [("needed", Xpos::Vbn, "need"), ("seceded", Xpos::Vbd, "secede"), ("cede", Xpos::Vb, "cede")];
        let l = Lemmatizer::train(data.iter().map(|&(a, b, c)| (a, b, c)));
        let lemma = |w: &str, t| {
            let (mut b, mut o) = (String::new(), String::from("kept "));
            l.lemma(w, t, &mut b, &mut o);
            o
        };
        // The participle's own rule ("needed") gives "ced"; the past tense's ("seceded")
        // gives "cede", which the treebank knows.
        assert_eq!(lemma("ceded", Xpos::Vbn), "kept cede");
        assert_eq!(lemma("ceded", Xpos::Vbd), "kept cede");
        // Where neither makes a known lemma, the tag's own rule stands.
        assert_eq!(lemma("weeded", Xpos::Vbn), "kept weed");
        // So it does where the other's known lemma is more than a letter away ("razed" -> "re"
        // was one such): here a made-up past tense rule of "-azed" strips four letters.
        let data = [("needed", Xpos::Vbn, "need"), ("gazed", Xpos::Vbd, "g"), ("r", Xpos::Nn, "r")];
        let l = Lemmatizer::train(data.iter().map(|&(a, b, c)| (a, b, c)));
        let (mut b, mut o) = (String::new(), String::new());
        l.lemma("razed", Xpos::Vbn, &mut b, &mut o);
        assert_eq!(o, "raz");
    }
}
