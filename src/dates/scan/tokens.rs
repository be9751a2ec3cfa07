//! Tokens and sentences: one pass over a story line, and the cheap test that skips a sentence with
//! no temporal cue.

use super::*;

/// Cuts `text[range]` into tokens, appending to `out`. No allocation per token: words are
/// lower-cased into a stack buffer only to look them up.
///
/// `caseless` says the text has no capital letters at all (chat, commands, lower-cased
/// corpora): then capitalisation is no evidence, and calendar words count as capitalised.
pub fn tokenize(
    text: &str,
    range: std::ops::Range<usize>,
    lex: &'static Lexicon,
    caseless: bool,
    out: &mut Vec<Token>,
) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end;
    let mut space = true;
    let mut buf = [0u8; 32];
    while i < end {
        let b = bytes[i];
        if b.is_ascii_whitespace() {
            space = true;
            i += 1;
            continue;
        }
        let tok_start = i;
        if b.is_ascii_digit() {
            i = number(bytes, tok_start, end, space, out);
        } else if b.is_ascii_alphabetic() || b >= 0x80 && text[i..].chars().next().is_some_and(char::is_alphabetic) {
            i = word(text, tok_start, end, space, (lex, caseless), &mut buf, out);
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_whitespace() {
                space = true;
                continue;
            }
            let (starts, cue) = Token::starts_and_cue(Kind::Punct, c, None);
            out.push(Token {
                start: tok_start,
                end: i,
                kind: Kind::Punct,
                ch: c,
                num: 0,
                digits: 0,
                space,
                cap: false,
                word: None,
                starts,
                cue,
            });
        }
        space = false;
    }
}

/// A number at `start` ("12", "1,000", "3.5", "21st"): pushes its token, gives where it ends.
#[inline]
fn number(bytes: &[u8], start: usize, end: usize, space: bool, out: &mut Vec<Token>) -> usize {
    let tok_start = start;
    let mut i = start;
    let mut num: u64 = 0;
    let mut digits = 0u8;
    while i < end && bytes[i].is_ascii_digit() {
        num = (num * 10 + (bytes[i] - b'0') as u64).min(u32::MAX as u64);
        digits = digits.saturating_add(1);
        i += 1;
    }
    let mut kind = Kind::Num;
    // "04.05.2025" is a date, not the amount 04.05 and a number
    let dotted_date = bytes[i..end].first() == Some(&b'.') && {
        // this number opens the date, or is its month after "04."
        let before = bytes[..tok_start].strip_suffix(b".").map(|b| b.len());
        let opener = before.map(|e| e - bytes[..e].iter().rev().take_while(|c| c.is_ascii_digit()).count());
        [Some(tok_start), opener.filter(|&o| Some(o) != before)]
            .into_iter()
            .flatten()
            .any(|at| crate::dates::numeric::all_number_date(&bytes[..end], at).is_some())
    };
    // Thousands groups and decimals make an amount.
    while !dotted_date
        && i + 1 < end
        && (bytes[i] == b',' || bytes[i] == b'.')
        && bytes[i + 1].is_ascii_digit()
        && (bytes[i] == b'.'
            || (i + 3 < end + 1
                && bytes[i + 1..(i + 4).min(end)].iter().all(u8::is_ascii_digit)
                && (i + 4 >= end || !bytes[i + 4].is_ascii_digit())))
    {
        kind = Kind::Amount;
        i += 1;
        while i < end && bytes[i].is_ascii_digit() {
            i += 1;
        }
    }
    if kind == Kind::Num && i + 1 < end {
        let s = &bytes[i..(i + 2).min(end)];
        let suffix = s.eq_ignore_ascii_case(b"st")
            || s.eq_ignore_ascii_case(b"nd")
            || s.eq_ignore_ascii_case(b"rd")
            || s.eq_ignore_ascii_case(b"th");
        if suffix && (i + 2 >= end || !bytes[i + 2].is_ascii_alphabetic()) {
            kind = Kind::Ordinal;
            i += 2;
        }
    }
    let (starts, cue) = Token::starts_and_cue(kind, '0', None);
    let (ch, num, cap, word) = ('0', num as u32, false, None);
    out.push(Token { start: tok_start, end: i, kind, ch, num, digits, space, cap, word, starts, cue });
    i
}

/// A word at `start`, looked up in the lexicon when it is short and ASCII (lower-cased into
/// `buf` for that): pushes its token, gives where it ends.
#[inline]
fn word(
    text: &str,
    start: usize,
    end: usize,
    space: bool,
    (lex, caseless): (&'static Lexicon, bool),
    buf: &mut [u8; 32],
    out: &mut Vec<Token>,
) -> usize {
    let bytes = text.as_bytes();
    let (tok_start, mut i, b) = (start, start, bytes[start]);
    let cap =
        if b.is_ascii() { b.is_ascii_uppercase() } else { text[i..].chars().next().is_some_and(char::is_uppercase) };
    let mut n = 0usize;
    let mut ascii = true;
    while i < end {
        let c = bytes[i];
        if c.is_ascii_alphabetic() {
            // ASCII fast path: lower-case into the buffer as we go.
            if n < buf.len() {
                buf[n] = c.to_ascii_lowercase();
            }
            n += 1;
            i += 1;
        } else if c >= 0x80 {
            match text[i..].chars().next() {
                Some(ch) if ch.is_alphabetic() => {
                    ascii = false;
                    i += ch.len_utf8();
                }
                _ => break,
            }
        } else {
            break;
        }
    }
    let word = if ascii && n <= lex.max_word_len() { lex.word_bytes(&buf[..n]) } else { None };
    let cap = cap || caseless && word.is_some_and(|w| w.month.is_some() || w.weekday.is_some() || w.holiday_start);
    let (starts, cue) = Token::starts_and_cue(Kind::Word, 'a', word);
    out.push(Token {
        start: tok_start,
        end: i,
        kind: Kind::Word,
        ch: 'a',
        num: 0,
        digits: 0,
        space,
        cap,
        word,
        starts,
        cue,
    });
    i
}

/// Words before a period that do not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "inc", "corp", "co", "ltd", "jr", "sr", "no", "vs",
    "prof", "lt", "col", "sgt", "capt", "cmdr", "adm", "rev", "mt", "ft", "est", "approx",
];

/// Splits tokens into sentences: index ranges into `toks`. A sentence ends at ". ! ?" and the
/// closing quotes or brackets written right after it ("... are “impossible.” Journalists
/// report ...").
pub fn sentences(text: &str, toks: &[Token], out: &mut Vec<std::ops::Range<usize>>) {
    let mut start = 0;
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        if t.kind != Kind::Punct || !matches!(t.ch, '.' | '!' | '?') {
            i += 1;
            continue;
        }
        let mut last = i;
        while toks.get(last + 1).is_some_and(|c| !c.space && c.kind == Kind::Punct && is_closer(c.ch)) {
            last += 1;
        }
        let ends = match toks.get(last + 1) {
            None => true,
            Some(n) => {
                n.space
                    && (n.cap || n.kind != Kind::Word)
                    && !(t.ch == '.'
                        && last == i
                        && i > 0
                        && is_abbreviation(text, &toks[i - 1])
                        && !closes_era(text, t.end))
                    && !(last == i && broken_decimal(text, toks, i))
            }
        };
        if ends {
            out.push(start..last + 1);
            start = last + 1;
        }
        i = last + 1;
    }
    if start < toks.len() {
        out.push(start..toks.len());
    }
}

/// Whether the full stop at token `i` is the point of a number the source split with a space
/// ("Sino Land slipped 1. 2 percent", "59. 2 percent of the votes"): at most three digits
/// before it, right against it, and an amount after it.
fn broken_decimal(text: &str, toks: &[Token], i: usize) -> bool {
    let (Some(before), Some(after), Some(unit)) =
        (i.checked_sub(1).map(|k| &toks[k]), toks.get(i + 1), toks.get(i + 2))
    else {
        return false;
    };
    let amount = unit.kind == Kind::Punct && unit.ch == '%'
        || ["percent", "per", "pct", "points", "point", "million", "billion"]
            .iter()
            .any(|w| text[unit.start..unit.end].eq_ignore_ascii_case(w));
    toks[i].ch == '.'
        && !toks[i].space
        && before.kind == Kind::Num
        && before.end - before.start <= 3
        && after.kind == Kind::Num
        && !text[after.start..after.end].contains(['.', ','])
        && amount
}

/// Closing quotes and brackets that may follow a sentence's last stop.
fn is_closer(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

fn is_abbreviation(text: &str, t: &Token) -> bool {
    if t.kind != Kind::Word {
        return false;
    }
    let w = &text[t.start..t.end];
    // Single letters ("U.S."), month and weekday abbreviations, titles.
    w.len() == 1
        || t.word.is_some_and(|x| x.month_abbrev || x.weekday_abbrev)
        || ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(w))
}

/// Whether the period that ends at byte `end` closes a dotted era marker written after a year
/// ("unified China in 221 B.C. The museum"): the year ends its sentence as any word would.
fn closes_era(text: &str, end: usize) -> bool {
    let b = text.as_bytes();
    let (mut letters, mut n, mut s) = ([0u8; 3], 0, end);
    // all capitals or all small, as `Parser::era` reads them ("B.C.", "a.d.")
    let upper = end >= 2 && b[end - 2].is_ascii_uppercase();
    let letter = |c: u8| c.is_ascii_alphabetic() && c.is_ascii_uppercase() == upper;
    while n < letters.len() && s >= 2 && b[s - 1] == b'.' && letter(b[s - 2]) {
        letters[n] = b[s - 2].to_ascii_lowercase();
        n += 1;
        s -= 2;
    }
    letters[..n].reverse();
    let era = n >= 2 && Lexicon::get().word_bytes(&letters[..n]).is_some_and(|w| w.era.is_some());
    let before = text[..s].trim_end_matches(' ');
    era && before.len() < s && before.ends_with(|c: char| c.is_ascii_digit())
}

/// Whether a sentence holds anything that can start a temporal expression: a cue, or an
/// amount before the half of the day that makes it a clock time ("7.15 a.m.", "9.30pm").
pub fn has_cue(text: &str, toks: &[Token]) -> bool {
    let meridiem =
        |t: &Token| t.kind == Kind::Word && MERIDIEM_WORDS.iter().any(|w| text[t.start..t.end].eq_ignore_ascii_case(w));
    toks.iter().enumerate().any(|(k, t)| t.cue || t.kind == Kind::Amount && toks.get(k + 1).is_some_and(meridiem))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        let mut toks = Vec::new();
        tokenize(s, 0..s.len(), Lexicon::get(), false, &mut toks);
        let mut out = Vec::new();
        sentences(s, &toks, &mut out);
        out.into_iter().map(|r| &s[toks[r.start].start..toks[r.end - 1].end]).collect()
    }

    #[test]
    fn sentences_end_after_closing_quotes_and_brackets() {
        assert_eq!(
            split("Talks are “impossible.” Journalists report it. He left (quietly.) Then “Why?” she asked."),
            ["Talks are “impossible.”", "Journalists report it.", "He left (quietly.)", "Then “Why?” she asked."]
        );
        assert_eq!(split("``We cannot stop!'' The rally went on."), ["``We cannot stop!''", "The rally went on."]);
        assert_eq!(split("Mr. Smith met Gen. Lee. They talked."), ["Mr. Smith met Gen. Lee.", "They talked."]);
    }

    #[test]
    fn a_year_of_an_era_ends_its_sentence_and_a_country_does_not() {
        assert_eq!(
            split("China was unified in 221 B.C. The museum opened."),
            ["China was unified in 221 B.C.", "The museum opened."]
        );
        assert_eq!(split("He flew to the U.S. The trip was long."), ["He flew to the U.S. The trip was long."]);
        assert_eq!(split("Augustus died in 14 a.d. He was 75."), ["Augustus died in 14 a.d.", "He was 75."]);
    }

    #[test]
    fn a_number_split_at_its_point_does_not_end_a_sentence() {
        assert_eq!(split("Sino Land slipped 1. 2 percent. It fell."), ["Sino Land slipped 1. 2 percent.", "It fell."]);
        assert_eq!(split("Sales hit 1. 086 million vehicles."), ["Sales hit 1. 086 million vehicles."]);
        // a year or a count that starts the next sentence still ends this one
        assert_eq!(split("It rose in 1997. 1998 was worse."), ["It rose in 1997.", "1998 was worse."]);
        assert_eq!(split("He won in round 2. 30 people watched."), ["He won in round 2.", "30 people watched."]);
    }
}
