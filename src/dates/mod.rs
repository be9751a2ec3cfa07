//! Dates: finding every temporal expression in an article's story text and resolving it to a
//! calendar value against the article's context.
//!
//! - [`scan`]: tokens, sentences, candidate parsers (what the words say);
//! - [`resolve`]: anchors, tense and narrative (what the words mean on the calendar);
//! - [`values`]: the typed values ([`TimeValue`]) and their TIMEX3 renderings;
//! - [`lexicon`]: the English temporal words, as data;
//! - [`numeric`]: the order of day and month in all-number dates.
//!
//! ```
//! use timeline::corpus::Article;
//! use timeline::dates::{DateExtractor, Options};
//!
//! let article = Article::new("004", "Russian President Vladimir Putin suggested on Monday that \
//!     Russia and Ukraine hold bilateral talks.", "2025-04-22".parse().ok());
//! let mut dates = DateExtractor::new(Options::default());
//! let found = dates.extract(&article).mentions;
//! assert_eq!(found[0].text, "Monday");
//! assert_eq!(found[0].value.timex(), "2025-04-21");
//! ```

pub mod lexicon;
pub mod numeric;
pub mod resolve;
pub mod scan;
pub mod values;
pub mod write;

pub use resolve::{Anchor, AnchorKind, Direction, Options};
pub use values::{Granularity, Point, TimeValue, TimexType};

use crate::corpus::Article;
use crate::furniture::{self, Skipped};
use lexicon::Lexicon;
use scan::{Cand, Parser, Token};
use serde::Serialize;
use std::ops::Range;

/// One temporal expression found in an article, with its resolved value.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    /// Byte offsets of the expression in the article text.
    pub start: usize,
    pub end: usize,
    /// The words of the expression.
    pub text: String,
    /// What it means.
    pub value: TimeValue,
    /// What it was resolved against, if anything.
    pub anchor: Option<Anchor>,
    /// Why it has this value, in a line.
    pub reason: String,
    /// Byte range of the sentence it stands in.
    pub sentence: Range<usize>,
    /// For a range written as two dates with a word between ("from 1991 to 1997", "between
    /// Aug. 26 and Oct. 20"), the byte ranges of the two dates. TimeML marks each as an
    /// expression of its own, and the JSONL output does so too.
    pub ends: Option<[Range<usize>; 2]>,
}

impl Mention {
    /// The TIMEX3 type.
    pub fn timex_type(&self) -> TimexType {
        self.value.timex_type()
    }
}

/// What the date stage found in one article.
#[derive(Debug, Clone, Default)]
pub struct Extraction {
    /// Temporal expressions in text order.
    pub mentions: Vec<Mention>,
    /// Page furniture that was not read.
    pub skipped: Vec<Skipped>,
    /// Byte ranges of the story's sentences, in order.
    pub sentences: Vec<Range<usize>>,
}

/// Finds and resolves temporal expressions. Holds its buffers between articles, so reading a
/// corpus allocates nothing per token.
pub struct DateExtractor {
    opts: Options,
    lex: &'static Lexicon,
    toks: Vec<Token>,
    sents: Vec<Range<usize>>,
    cands: Vec<Cand>,
}

impl DateExtractor {
    /// An extractor with these resolution options.
    pub fn new(opts: Options) -> Self {
        DateExtractor { opts, lex: Lexicon::get(), toks: Vec::new(), sents: Vec::new(), cands: Vec::new() }
    }

    /// Finds every temporal expression in the article's story text and resolves it; page
    /// furniture is skipped and reported.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// use timeline::dates::{DateExtractor, Options};
    /// let mut dates = DateExtractor::new(Options::default());
    /// let a = Article::new("a", "Talks were held last week.\n\nRead also: Markets rally on Monday", "2025-04-22".parse().ok());
    /// let found = dates.extract(&a);
    /// assert_eq!(found.mentions.len(), 1); // "Monday" sits in page furniture
    /// assert_eq!((found.mentions[0].text.as_str(), found.mentions[0].value.timex()), ("last week", "2025-W16".into()));
    /// assert_eq!(found.mentions[0].reason, "from publication, a week");
    /// ```
    pub fn extract(&mut self, article: &Article) -> Extraction {
        let text = article.text.as_str();
        let layout = furniture::layout(text);
        // A publication date outside years 1-9999 (possible through the library) anchors
        // nothing: relative dates would leave the calendar. Readers refuse such dates.
        let published = article.published.filter(|&d| crate::corpus::published_in_range(d));
        let mut resolver = resolve::Resolver::new(&self.opts, published);
        let mut out = Extraction { skipped: layout.skipped, ..Default::default() };
        let mut sentence_no = 0;
        let caseless = !text.bytes().any(|b| b.is_ascii_uppercase());
        let facts = scan::ArticleFacts::new(text, self.lex, self.opts.numeric);
        let order = facts.order();
        for line in &layout.story {
            self.toks.clear();
            self.sents.clear();
            scan::tokenize(text, line.clone(), self.lex, caseless, &mut self.toks);
            scan::sentences(text, &self.toks, &mut self.sents);
            for s in &self.sents {
                sentence_no += 1;
                let toks = &self.toks[s.clone()];
                let (Some(first), Some(last)) = (toks.first(), toks.last()) else { continue };
                let sent_span = first.start..last.end;
                out.sentences.push(sent_span.clone());
                // Cheap rejection: most sentences have no temporal cue at all.
                if !scan::has_cue(text, toks) {
                    continue;
                }
                self.cands.clear();
                let parser = Parser { text, t: toks, lex: self.lex, article: &facts };
                parser.candidates(&mut self.cands);
                for c in &self.cands {
                    let tense = resolve::pointer(text, toks, c.first, c.last, self.lex)
                        .unwrap_or_else(|| resolve::tense(text, toks, c.first, c.last));
                    let known = known_day(self.lex, text, toks, c, published);
                    let expr = known.as_ref().map_or(&c.expr, |(e, _)| e);
                    let Some(mut r) = resolver.resolve(expr, tense, sentence_no) else { continue };
                    if parser.scopes_sentence(c) {
                        resolver.scope_year(&r.value, sentence_no);
                    }
                    if let Some((_, k)) = known {
                        r.reason = format!("{}: a known date", k.name);
                    }
                    let (start, end) = (toks[c.first].start, toks[c.last].end);
                    let mut reason = r.reason;
                    if let Some((read, _)) = r.value.days().filter(|(a, b)| a == b) {
                        if let Some(other) = numeric::other_reading(&text[start..end], read) {
                            let sep = if text[start..end].contains('.') { '.' } else { '/' };
                            let decided = order.get().2;
                            reason = format!("{reason}; {}", numeric::note(read, other, order.day_first(sep), decided));
                        }
                    }
                    out.mentions.push(Mention {
                        start,
                        end,
                        text: text[start..end].to_string(),
                        value: r.value,
                        anchor: r.anchor,
                        reason,
                        sentence: sent_span.clone(),
                        ends: c.joined.map(|(a, b)| [start..toks[a].end, toks[b].start..end]),
                    });
                }
            }
        }
        out
    }
}

/// Days after a known event's anniversary within which its month and day may as well name a
/// new event of that year ("the Oct. 7 attack" in a story of October 20 of a later year).
const KNOWN_DAY_RECENT_DAYS: i64 = 60;

/// A month and day without a year that a following word makes a known event's
/// ([`lexicon::KnownDay`]): the expression with that year written, and the event. Only for a
/// story published after the event, and, unless written in figures, not within
/// [`KNOWN_DAY_RECENT_DAYS`] after another year's same day.
fn known_day<'l>(
    lex: &'l Lexicon,
    text: &str,
    toks: &[Token],
    c: &Cand,
    published: Option<chrono::NaiveDate>,
) -> Option<(scan::Expr, &'l lexicon::KnownDay)> {
    use chrono::Datelike;
    let scan::Expr::Date(f @ scan::Fields { year: None, month: Some(m), day: Some(d), .. }) = c.expr else {
        return None;
    };
    let next = toks.get(c.last + 1).filter(|t| t.kind == scan::Kind::Word)?;
    let word = &text[next.start..next.end];
    let k = lex
        .known_days
        .iter()
        .find(|k| k.month == m && k.day == d && k.nouns.iter().any(|n| n.eq_ignore_ascii_case(word)))?;
    let p = published?;
    let event = chrono::NaiveDate::from_ymd_opt(k.year, m, d)?;
    let this_year = chrono::NaiveDate::from_ymd_opt(p.year(), m, d);
    // In figures ("the 9/11 attacks") the day is the event's name, however recent another
    // year's same day.
    let figures = text[toks[c.first].start..toks[c.last].end].contains('/');
    let recent = !figures
        && this_year.is_some_and(|t| p.year() != k.year && (0..=KNOWN_DAY_RECENT_DAYS).contains(&(p - t).num_days()));
    (p > event && !recent).then_some((scan::Expr::Date(scan::Fields { year: Some(k.year), ..f }), k))
}

/// Resolves every temporal expression in one piece of text against a publication date: a
/// shortcut for one-off use.
///
/// ```
/// let found = timeline::dates::resolve_text("Talks were held last week.", "2024-05-25".parse().ok());
/// assert_eq!(found[0].value.timex(), "2024-W20");
/// ```
pub fn resolve_text(text: &str, published: Option<chrono::NaiveDate>) -> Vec<Mention> {
    DateExtractor::new(Options::default()).extract(&Article::new("text", text, published)).mentions
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator: no dependency needed for a shuffle of fragments.
    struct Lcg(u64);
    impl Lcg {
        fn next(&mut self) -> usize {
            self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            (self.0 >> 33) as usize
        }
    }

    /// Fragments of date expressions, numbers at the edges, punctuation and other scripts,
    /// joined at random into text the extractor must survive.
    const FRAGMENTS: &[&str] = &[
        "May",
        "march",
        "the",
        "next",
        "day",
        "-",
        "–",
        "/",
        ".",
        ",",
        "'",
        "’",
        "s",
        "2024",
        "99",
        "31",
        "0",
        "9999",
        "1/",
        "/2",
        "9/11",
        "2/30",
        "attacks",
        "Q",
        "Q9",
        "third",
        "quarter",
        "half",
        "of",
        "mid",
        "early",
        "end",
        "last",
        "week",
        "year-",
        "-ago",
        "a",
        "few",
        "ago",
        "earlier",
        "Easter",
        "New",
        "Year",
        "Eve",
        "at",
        "noon",
        "12:",
        ":60",
        "p.m.",
        "a.m",
        "o'clock",
        "\n",
        "  ",
        "é",
        "日本",
        "Friday",
        "Fri.",
        "every",
        "nineteen",
        "ninety-",
        "the year two thousand and",
        "31st",
        "Feb",
        "30",
        "29",
        "1900s",
        "'90s",
        "4294967296",
        "00",
        "to",
        "between",
        "and",
        "Dec.",
        "1991",
        "Aug. 26",
        "BC",
        "B.C.",
        "A.D.",
        "a.d",
        "AD",
        "C.E.",
        "century",
        "Tuesday",
        "first",
        "thru",
        "99999",
        "9,999",
        "years",
        "ago",
    ];

    #[test]
    fn no_panic_on_adversarial_text() {
        // Ranges of two written dates at the calendar's edges, then random fragments.
        let edges = [
            "from 1991 to 1997",
            "between Dec. 28 and Jan. 3, 0001",
            "from Dec. 31 to Jan. 1, 9999",
            "Feb. 29 to March 1, 1900",
            "from 2100 to 1900",
            "between Aug. 26 and Aug. 26",
            "from 99999 BC to 99999 AD",
            "the 99th century B.C.",
            "March 31, 99999 B.C.",
            "the fifth Monday of February 2024",
            "Monday the 31st, said",
            "the last Sunday of December AD 1",
            "the first Monday of January 1 BC",
            "4,000,000,000 years ago",
            "99,999 years ago and 9999 centuries later",
            "9,999 weeks from now",
        ];
        let mut rng = Lcg(7);
        for published in
            [None, NaiveDateOpt::some("2024-02-29"), NaiveDateOpt::some("0001-01-01"), NaiveDateOpt::some("9999-12-31")]
        {
            let mut ex = DateExtractor::new(Options::default());
            for k in 0..300 + edges.len() {
                let text = match edges.get(k) {
                    Some(edge) => edge.to_string(),
                    None => {
                        let n = rng.next() % 40;
                        let text: Vec<&str> = (0..n).map(|_| FRAGMENTS[rng.next() % FRAGMENTS.len()]).collect();
                        text.join(if rng.next().is_multiple_of(2) { " " } else { "" })
                    }
                };
                let found = ex.extract(&Article::new("x", text.clone(), published));
                for m in &found.mentions {
                    assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end) && m.start < m.end);
                    let _ = m.value.timex();
                    // a value's days are in order and inside the calendar it counts in
                    if let Some((a, b)) = m.value.days() {
                        assert!(a <= b && a > chrono::NaiveDate::MIN, "{text:?}: {:?}", m.value);
                    }
                    // a range's two ends lie inside it, in order, and are what the records say
                    for r in write::jsonl_records("x", m) {
                        assert!(m.start <= r.start && r.start < r.end && r.end <= m.end);
                        assert_eq!(&text[r.start..r.end], r.text);
                    }
                }
            }
        }
    }

    struct NaiveDateOpt;
    impl NaiveDateOpt {
        fn some(s: &str) -> Option<chrono::NaiveDate> {
            s.parse().ok()
        }
    }
}
