//! Headlines in title case ("Ferry Sinks Off Indonesian Coast, Killing 30"): the tagger learned
//! capitals as the mark of a name, and reads such a line as a run of proper nouns, with no
//! verb. A sentence in title case is tagged as if written in sentence case: each capitalised
//! word is read in lower case unless the article itself writes it capitalised mid-sentence and
//! never in lower case (a name: "Putin", "Indonesian"). The words' text is not touched; only
//! what the tagger and parser see of them ([`WordView`]).

use super::readings::Reading;
use super::tagger::ClassFlags;
use super::words::WordView;
use std::ops::Range;

/// Short words a title capitalises and running text does not.
const TITLE_SMALL_WORDS: &[&str] =
    &["a", "an", "the", "of", "in", "on", "at", "to", "for", "and", "or", "by", "from", "with", "as", "off", "over"];

/// Whether the words (byte ranges into `text`) are a headline in title case: at least four words
/// of letters, at least one small word capitalised after the first word ("Sinks Off", "Talks
/// In"), at least four in five words of four letters or more capitalised; no full stop at the
/// end (a sentence of running text that capitalises, such as a broadcast's sign-off "For The
/// World I'm Nancy Marshall in Washington."), and no two words of four letters or more in
/// capitals (a signature, "BRUCE R. BENT President The Reserve Fund").
pub fn is_title_case(text: &str, words: &[Range<usize>]) -> bool {
    // Cheapest first: most sentences end with a full stop, and most have no capitalised "In".
    if words.last().is_some_and(|r| matches!(&text[r.clone()], "." | "!" | "?")) {
        return false;
    }
    let small_capital = words.iter().skip(1).map(|r| &text[r.clone()]).any(|w| {
        w.len() <= 4 && w.starts_with(char::is_uppercase) && TITLE_SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w))
    });
    if !small_capital {
        return false;
    }
    let lettered = || words.iter().map(|r| &text[r.clone()]).filter(|w| w.starts_with(char::is_alphabetic));
    let shouted = lettered().filter(|w| w.chars().count() >= 4 && w.chars().all(|c| !c.is_lowercase())).count();
    let (long, capital) = capitals(lettered());
    lettered().count() >= 4 && long > 0 && capital * 5 >= long * 4 && shouted < 2
}

/// The longest line read as a headline, in words.
const HEADLINE_WORDS: usize = 40;

/// How an article writes its words outside its headlines, read once per article and only when
/// it has a line in title case: for each word (in lower case), whether it is ever written in
/// lower case, and whether it is written capitalised after a word of running text (a name:
/// "President Putin", "talks with Ukraine"). Linear in the article, however many headlines it
/// has.
#[derive(Debug, Default)]
pub struct Evidence {
    /// The article read: its text's address, length and a sample of its bytes (a text freed
    /// and another of the same length put at its address must not pass for it).
    of: Option<(usize, usize, u64)>,
    words: rustc_hash::FxHashMap<Box<str>, u8>,
}

const LOWER: u8 = 1;
const NAME: u8 = 2;

impl Evidence {
    fn read(&mut self, text: &str) {
        let key = (text.as_ptr() as usize, text.len(), sample(text.as_bytes()));
        if self.of == Some(key) {
            return;
        }
        self.of = Some(key);
        self.words.clear();
        let mut lower = String::new();
        for line in text.split('\n').filter(|l| !capitalised(l)) {
            // the last character before the word that is not a space
            let mut prev: Option<char> = None;
            for (at, word) in words_of(line) {
                if at > 0 {
                    prev = line[..at].trim_end().chars().next_back().or(prev);
                }
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                let flag = if word == lower {
                    LOWER
                } else if word.starts_with(char::is_uppercase) && prev.is_some_and(|c| c.is_alphanumeric() || c == ',')
                {
                    NAME
                } else {
                    0
                };
                if flag != 0 {
                    *self.words.entry(lower.as_str().into()).or_default() |= flag;
                }
            }
        }
    }

    /// Whether a capitalised word (`lower`, in lower case) is a name by the article's evidence:
    /// written capitalised in running text and never in lower case.
    fn is_name(&self, lower: &str) -> bool {
        self.words.get(lower).is_some_and(|&f| f & NAME != 0 && f & LOWER == 0)
    }
}

/// A hash of a text's first and last 256 bytes and of 64 bytes spread between: constant work.
fn sample(b: &[u8]) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = rustc_hash::FxHasher::default();
    b[..b.len().min(256)].hash(&mut h);
    b[b.len().saturating_sub(256)..].hash(&mut h);
    let step = (b.len() / 64).max(1);
    b.iter().step_by(step).take(64).for_each(|x| x.hash(&mut h));
    h.finish()
}

/// The words of a line (runs of letters and digits) with their byte offsets; what separates
/// them may be of any width ("Putin’s", "Kyiv — Talks").
fn words_of(line: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = line.char_indices().peekable();
    std::iter::from_fn(move || {
        let start = loop {
            let (i, c) = chars.next()?;
            if c.is_alphanumeric() {
                break i;
            }
        };
        let mut end = line.len();
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                end = i;
                break;
            }
            chars.next();
        }
        Some((start, &line[start..end]))
    })
}

/// How many words of four letters or more there are, and how many of them are capitalised.
fn capitals<'a>(words: impl Iterator<Item = &'a str>) -> (usize, usize) {
    let (mut long, mut capital) = (0, 0);
    for w in words.filter(|w| w.chars().count() >= 4) {
        long += 1;
        capital += w.starts_with(char::is_uppercase) as usize;
    }
    (long, capital)
}

/// Whether a line of the article looks like a headline: four in five of its words of four
/// letters or more (at least four of them) capitalised. Its capitals say nothing of names.
fn capitalised(line: &str) -> bool {
    let (long, capital) = capitals(words_of(line).map(|(_, w)| w));
    long >= 4 && capital * 5 >= long * 4
}

thread_local! {
    /// The evidence of the article last read on this thread: one article's sentences are
    /// analysed by a few analysers at most, on rayon's threads, and each thread reads it once.
    static EVIDENCE: std::cell::RefCell<Evidence> = std::cell::RefCell::default();
}

/// Replaces the views of the capitalised words of a title-case sentence that are not names
/// with the views of their lower case; `lower` is a buffer. The article's [`Evidence`] is read
/// the first time one of its sentences is in title case.
pub fn apply(text: &str, words: &[Range<usize>], views: &mut [WordView], lower: &mut String) {
    if words.len() > HEADLINE_WORDS || !is_title_case(text, words) {
        return;
    }
    EVIDENCE.with_borrow_mut(|evidence| evidence.apply(text, words, views, lower));
}

/// Marks as a name in `readings` the capitalised first word of a sentence (not an acronym)
/// that the tagger read as a verb or an adverb (`classes`, by [`ClassFlags`]) and that the
/// article writes capitalised in running text and never in lower case ("Beijing warned",
/// "Italy dispatched troops": names read by their endings, where a capital says nothing).
/// Whether it marked one. The article's [`Evidence`] is read the first time a first word is
/// read so.
pub fn names_misread(
    text: &str,
    words: &[Range<usize>],
    classes: &[usize],
    flags: &ClassFlags,
    readings: &mut [Reading],
) -> bool {
    // the first word of the sentence, or of a quotation or bracket that opens it: where a
    // capital says nothing (a word capitalised elsewhere is its own evidence)
    let Some(k) = words.iter().position(|r| text[r.clone()].chars().any(char::is_alphanumeric)) else { return false };
    let w = &text[words[k].clone()];
    let acronym = w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
    let suspect = classes.get(k).is_some_and(|&c| flags.verb_or_adverb(c)) && w.starts_with(char::is_uppercase);
    if !suspect || acronym || k >= readings.len() {
        return false;
    }
    EVIDENCE.with_borrow_mut(|evidence| {
        evidence.read(text);
        let lower: String = w.chars().flat_map(char::to_lowercase).collect();
        readings[k].name = evidence.is_name(&lower);
        readings[k].name
    })
}

impl Evidence {
    fn apply(&mut self, text: &str, words: &[Range<usize>], views: &mut [WordView], lower: &mut String) {
        self.read(text);
        for (r, view) in words.iter().zip(views.iter_mut()) {
            let w = &text[r.clone()];
            let capital = w.chars().next().is_some_and(char::is_uppercase);
            let acronym = w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
            if !capital || acronym {
                continue;
            }
            lower.clear();
            lower.extend(w.chars().flat_map(char::to_lowercase));
            if !self.is_name(lower) {
                *view = WordView::of_text(lower);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        super::super::tokenize::tokenize(text, 0..text.len(), &mut out);
        out
    }

    #[test]
    fn tells_title_case() {
        for (t, want) in [
            ("Ferry Sinks Off Indonesian Coast, Killing 30", true),
            ("Putin Proposes Talks With Ukraine For The First Time", true),
            ("Israeli Prime Minister Ariel Sharon and Foreign Minister Silvan Shalom began a meeting", false),
            ("A ferry sank off the Indonesian coast on Friday.", false),
            ("NATO Summit", false),
            ("NATO Leaders Meet In Brussels On Enlargement", true),
            ("For The World I'm Nancy Marshall in Washington.", false),
            ("BRUCE R. BENT President The Reserve Fund New York", false),
        ] {
            assert_eq!(is_title_case(t, &words(t)), want, "{t}");
        }
    }

    #[test]
    fn names_are_those_the_article_writes_capitalised() {
        let text = "Putin Proposes Talks With Ukraine\n\nPresident Putin proposed talks with Ukraine on Monday.";
        let head = 0..text.find('\n').unwrap();
        let ws = words(&text[head.clone()]);
        let mut views: Vec<WordView> = ws.iter().map(|r| WordView::of_text(&text[r.clone()])).collect();
        apply(text, &ws, &mut views, &mut String::new());
        let lowered: Vec<bool> =
            ws.iter().zip(&views).map(|(r, v)| v.form != WordView::of_text(&text[r.clone()]).form).collect();
        // "Putin" and "Ukraine" stay names; "Proposes", "Talks" and "With" are read in lower
        // case ("talks" is written so in the body; the others have no evidence either way)
        assert_eq!(lowered, [false, true, true, true, false]);
    }

    #[test]
    fn other_headlines_are_no_evidence_of_names() {
        let text = "Rebels Attack Army Base In North\n\nRebels Attack Police Post In South\n\nMuseveni said on Monday.";
        let head = 0..text.find('\n').unwrap();
        let ws = words(&text[head]);
        let mut views: Vec<WordView> = ws.iter().map(|r| WordView::of_text(&text[r.clone()])).collect();
        apply(text, &ws, &mut views, &mut String::new());
        // "Attack" follows "Rebels" in the second headline too, but a headline's capitals say
        // nothing: every word is read in lower case
        assert!(ws.iter().zip(&views).all(|(r, v)| v.form != WordView::of_text(&text[r.clone()]).form));
    }

    #[test]
    fn wide_separators_keep_words_whole() {
        let line = "Putin\u{2019}s Talks \u{2014} With Ukraine\u{a0}In Kyiv";
        let got: Vec<&str> = words_of(line).map(|(at, w)| &line[at..at + w.len()]).collect();
        assert_eq!(got, ["Putin", "s", "Talks", "With", "Ukraine", "In", "Kyiv"]);
        // an article with them has its evidence read without a panic, and its names known
        let text = "Putin\u{2019}s Envoy Holds Talks \u{2014} With Ukraine In Kyiv\n\nThe talks \u{2014} with Ukraine\u{2019}s \u{a0}envoy \u{2014} began.";
        let head = 0..text.find('\n').unwrap();
        let ws = words(&text[head]);
        let mut views: Vec<WordView> = ws.iter().map(|r| WordView::of_text(&text[r.clone()])).collect();
        apply(text, &ws, &mut views, &mut String::new());
        let lowered =
            |w: &str| ws.iter().zip(&views).any(|(r, v)| &text[r.clone()] == w && v.form != WordView::of_text(w).form);
        assert!(lowered("Talks") && lowered("Holds") && !lowered("Ukraine"));
    }
}
