//! Words of a sentence, as the English treebanks split them: punctuation apart, clitics apart
//! ("do|n't", "Putin|'s", "ca|n't"), hyphenated compounds split at the hyphen, abbreviations and
//! numbers kept whole ("U.S.", "Jan.", "3.5", "1,000", "10:35").
//!
//! One pass over the text, byte offsets out, nothing allocated but the output.

use std::ops::Range;

/// Abbreviations that keep their period (lower case, without it).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "jr", "sr", "st", "gen", "gov", "sen", "rep", "lt", "col", "capt", "sgt", "maj", "prof",
    "inc", "corp", "co", "ltd", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "no", "mt", "ft", "ave", "blvd", "adm", "cmdr", "rev", "dept", "est", "fig", "gov", "hon", "messrs",
    "pres", "supt", "univ", "approx",
];

const OPENERS: &[char] =
    &['"', '\'', '“', '‘', '(', '[', '{', '<', '«', '`', '$', '£', '€', '¥', '#', '*', '—', '–', '…'];
const CLOSERS: &[char] =
    &['"', '\'', '”', '’', ')', ']', '}', '>', '»', ',', ';', ':', '!', '?', '%', '*', '—', '–', '…'];

/// Splits `text[span]` into words; appends their byte ranges to `out`.
pub fn tokenize(text: &str, span: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[span.clone()];
    let mut start = None;
    for (i, c) in s.char_indices().chain(std::iter::once((s.len(), ' '))) {
        if c.is_whitespace() {
            if let Some(b) = start.take() {
                chunk(text, span.start + b..span.start + i, out);
            }
        } else if start.is_none() {
            start = Some(i);
        }
    }
}

/// One whitespace-delimited chunk.
fn chunk(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &text[r.clone()];
    if s.contains("://") || s.starts_with("www.") || (s.contains('@') && s.contains('.')) {
        let core = s.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', '"', '\'']);
        out.push(r.start..r.start + core.len());
        trailing(text, r.start + core.len()..r.end, out);
        return;
    }
    // Openers.
    let mut a = r.start;
    while a < r.end {
        let c = text[a..r.end].chars().next().unwrap_or(' ');
        let rest = &text[a + c.len_utf8()..r.end];
        let is_open = OPENERS.contains(&c) && !rest.is_empty();
        // '90s keeps its apostrophe.
        let decade = c == '\'' || c == '’';
        if !is_open || (decade && rest.starts_with(|d: char| d.is_ascii_digit())) {
            break;
        }
        if c == '-' {
            break;
        }
        out.push(a..a + c.len_utf8());
        a += c.len_utf8();
    }
    // Closers, from the end.
    let mut b = r.end;
    loop {
        if b <= a {
            break;
        }
        let word = &text[a..b];
        let c = word.chars().next_back().unwrap_or(' ');
        if word.ends_with("...") && word.len() > 3 {
            b -= 3;
            continue;
        }
        if c == '.' && word.len() > 1 {
            if keeps_period(&word[..word.len() - 1]) {
                break;
            }
            b -= 1;
            continue;
        }
        // Possessive plural: "parents'" (the quote is a word of its own).
        if CLOSERS.contains(&c) && word.len() > c.len_utf8() {
            b -= c.len_utf8();
            continue;
        }
        break;
    }
    if a < b {
        core(text, a..b, out);
    }
    // The closers, in text order.
    while b < r.end {
        let n = if text[b..r.end].starts_with("...") { 3 } else { text[b..].chars().next().map_or(1, char::len_utf8) };
        out.push(b..b + n);
        b += n;
    }
}

fn trailing(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    for (i, c) in text[r.clone()].char_indices() {
        out.push(r.start + i..r.start + i + c.len_utf8());
    }
}

/// Whether a word followed by a period is an abbreviation that keeps it.
fn keeps_period(w: &str) -> bool {
    if w.is_empty() {
        return false;
    }
    let mut chars = w.chars();
    let first = chars.next().unwrap_or(' ');
    // One letter ("J."), or letters with periods between ("U.S", "a.m").
    if first.is_alphabetic() && chars.as_str().is_empty() {
        return true;
    }
    if w.contains('.') && w.split('.').all(|p| p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)) {
        return true;
    }
    ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// A word without outer punctuation: clitics and hyphens split.
fn core(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let w = &text[r.clone()];
    let lower_end = |suffix: &str| w.len() > suffix.len() && ends_with_ci(w, suffix);
    // "cannot" -> "can" "not".
    if w.eq_ignore_ascii_case("cannot") {
        out.push(r.start..r.start + 3);
        out.push(r.start + 3..r.end);
        return;
    }
    for clitic in ["n't", "n’t"] {
        if lower_end(clitic) {
            let cut = r.end - clitic.len();
            hyphens(text, r.start..cut, out);
            out.push(cut..r.end);
            return;
        }
    }
    for clitic in ["'s", "'re", "'ve", "'ll", "'d", "'m", "’s", "’re", "’ve", "’ll", "’d", "’m"] {
        if lower_end(clitic) {
            let cut = r.end - clitic.len();
            hyphens(text, r.start..cut, out);
            out.push(cut..r.end);
            return;
        }
    }
    hyphens(text, r, out);
}

fn ends_with_ci(w: &str, suffix: &str) -> bool {
    w.len() >= suffix.len()
        && w.is_char_boundary(w.len() - suffix.len())
        && w[w.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Splits at hyphens between letters ("Al-Zaman" -> "Al" "-" "Zaman"); numbers with hyphens
/// ("571-9571", "1998-99") and a leading minus stay whole.
fn hyphens(text: &str, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let w = &text[r.clone()];
    let mut start = r.start;
    let bytes = w.as_bytes();
    let mut i = 1;
    while i + 1 < bytes.len() {
        let at = r.start + i;
        let split = bytes[i] == b'-'
            && (bytes[i - 1].is_ascii_alphabetic() || bytes[i + 1].is_ascii_alphabetic() || bytes[i + 1] == b'-');
        if split && at > start {
            out.push(start..at);
            let mut end = at + 1;
            while end < r.end && text.as_bytes()[end] == b'-' {
                end += 1;
            }
            out.push(at..end);
            start = end;
            i = end - r.start;
            continue;
        }
        i += 1;
    }
    if start < r.end {
        out.push(start..r.end);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        out.into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_as_the_treebank_does() {
        assert_eq!(words("Putin's talks didn't end."), ["Putin", "'s", "talks", "did", "n't", "end", "."]);
        assert_eq!(
            words("The U.S. and Mr. Smith (R-Texas) met."),
            ["The", "U.S.", "and", "Mr.", "Smith", "(", "R", "-", "Texas", ")", "met", "."]
        );
        assert_eq!(
            words("\"It cost $3.5 million, 10%,\" he said..."),
            ["\"", "It", "cost", "$", "3.5", "million", ",", "10", "%", ",", "\"", "he", "said", "..."]
        );
        assert_eq!(
            words("We cannot go; the '90s ended."),
            ["We", "can", "not", "go", ";", "the", "'90s", "ended", "."]
        );
        assert_eq!(words("See http://x.org/a-b. Call 571-9571"), ["See", "http://x.org/a-b", ".", "Call", "571-9571"]);
        assert_eq!(words("a cease-fire -- now"), ["a", "cease", "-", "fire", "--", "now"]);
        assert_eq!(words("“Yes”, ‘Sir’"), ["“", "Yes", "”", ",", "‘", "Sir", "’"]);
        assert!(words("").is_empty());
        assert_eq!(words("'"), ["'"]);
        assert_eq!(words("-"), ["-"]);
        assert_eq!(words("日本語。"), ["日本語。"]);
    }
}
