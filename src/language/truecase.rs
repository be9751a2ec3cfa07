//! Headlines in title case ("Ferry Sinks Off Indonesian Coast, Killing 30"): the tagger learned
//! capitals as the mark of a name, and reads such a line as a run of proper nouns, with no
//! verb. A sentence in title case is tagged as if written in sentence case: each capitalised
//! word is read in lower case unless the article itself writes it capitalised mid-sentence and
//! never in lower case (a name: "Putin", "Indonesian"). The words' text is not touched; only
//! what the tagger and parser see of them ([`WordView`]).

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
    let mut letters = 0;
    let (mut long, mut long_capital, mut shouted) = (0, 0, 0);
    let mut small_capital = false;
    for (i, r) in words.iter().enumerate() {
        let w = &text[r.clone()];
        let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else { continue };
        letters += 1;
        if w.chars().count() >= 4 {
            long += 1;
            long_capital += first.is_uppercase() as usize;
            shouted += w.chars().all(|c| !c.is_lowercase()) as usize;
        }
        small_capital |= i > 0 && first.is_uppercase() && TITLE_SMALL_WORDS.iter().any(|s| s.eq_ignore_ascii_case(w));
    }
    let stop = words.last().is_some_and(|r| matches!(&text[r.clone()], "." | "!" | "?"));
    letters >= 4 && small_capital && long > 0 && long_capital * 5 >= long * 4 && !stop && shouted < 2
}

/// How far around a title-case line the article is searched for how it writes the line's
/// words: the story under a headline. A bound, so that an article of a thousand headlines is
/// read in time linear in its length, not its square.
const EVIDENCE_BYTES: usize = 4 * 1024;

/// The longest line read as a headline, in words.
const HEADLINE_WORDS: usize = 40;

/// Whether `word` (capitalised, in the sentence `span` of `text`) is a name by the article's
/// own evidence near the line ([`EVIDENCE_BYTES`]): written capitalised elsewhere, after a word
/// of running text, and never in lower case.
fn is_name(text: &str, span: &Range<usize>, word: &str, lower: &str) -> bool {
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let from = floor(span.start.saturating_sub(EVIDENCE_BYTES));
    let to = floor((span.end + EVIDENCE_BYTES).min(text.len()));
    let span = span.start - from..span.end - from;
    let text = &text[from..to];
    let bounded = |at: usize, len: usize| {
        let before = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let after = text[at + len..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        before && after
    };
    let outside = |at: usize| at < span.start || at >= span.end;
    if text.match_indices(lower).any(|(at, _)| outside(at) && bounded(at, lower.len())) {
        return false;
    }
    text.match_indices(word).any(|(at, _)| {
        // after a word of running text, not at a sentence's start, nor in another headline
        let prev = text[..at].trim_end().chars().next_back();
        outside(at)
            && bounded(at, word.len())
            && prev.is_some_and(|c| c.is_alphanumeric() || c == ',')
            && !capitalised_line(text, at)
    })
}

/// Whether the line around byte `at` capitalises four in five of its words of four letters or
/// more (at least four of them): a headline, whose capitals say nothing of names.
fn capitalised_line(text: &str, at: usize) -> bool {
    let start = text[..at].rfind('\n').map_or(0, |k| k + 1);
    let end = text[at..].find('\n').map_or(text.len(), |k| at + k);
    let (mut long, mut capital) = (0, 0);
    for w in text[start..end].split(|c: char| !c.is_alphanumeric()).filter(|w| w.chars().count() >= 4) {
        long += 1;
        capital += w.chars().next().is_some_and(char::is_uppercase) as usize;
    }
    long >= 4 && capital * 5 >= long * 4
}

/// Replaces the views of the capitalised words of a title-case sentence that are not names
/// with the views of their lower case; `lower` is a buffer.
pub fn apply(text: &str, span: &Range<usize>, words: &[Range<usize>], views: &mut [WordView], lower: &mut String) {
    if words.len() > HEADLINE_WORDS || !is_title_case(text, words) {
        return;
    }
    for (r, view) in words.iter().zip(views.iter_mut()) {
        let w = &text[r.clone()];
        let capital = w.chars().next().is_some_and(char::is_uppercase);
        let acronym = w.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase);
        if !capital || acronym {
            continue;
        }
        lower.clear();
        lower.extend(w.chars().flat_map(char::to_lowercase));
        if !is_name(text, span, w, lower) {
            *view = WordView::of_text(lower);
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
        apply(text, &head, &ws, &mut views, &mut String::new());
        let lowered: Vec<bool> =
            ws.iter().zip(&views).map(|(r, v)| v.form != WordView::of_text(&text[r.clone()]).form).collect();
        // "Putin" and "Ukraine" stay names; "Proposes", "Talks" and "With" are read in lower
        // case ("talks" is written so in the body; the others have no evidence either way)
        assert_eq!(lowered, [false, true, true, true, false]);
    }
}
