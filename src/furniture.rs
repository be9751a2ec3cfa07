//! Page furniture: the parts of a scraped page that are not the story ("Read also: ...",
//! "PREV ...", "You May Also Like" and everything under it, comment forms, image credits).
//!
//! Detection is by general rules over lines, kept as data in [`RULES`]: prompts that open a line,
//! headings that open a trailing block of links, credit and share lines, teasers cut off with
//! an ellipsis, and lone interface words. What is skipped is reported with the rule that
//! skipped it, so a verbose run can show it.

use std::ops::Range;

/// How a rule matches a (trimmed, lower-cased) line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// The line starts with the phrase.
    Prefix,
    /// The line is the phrase (a trailing `:` allowed).
    Whole,
    /// The line contains the phrase and is short (at most [`SHORT_LINE_WORDS`] words).
    ShortContains,
    /// The line starts with the phrase written exactly so (navigation markers in capitals).
    Marker,
}

/// What a matching line means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Effect {
    /// The line alone is furniture.
    Line,
    /// The line opens a block of links or comments that runs to the end of the page.
    Tail,
}

/// One furniture rule: a phrase, how it matches, what it means.
#[derive(Debug, Clone, Copy)]
pub struct Rule {
    pub phrase: &'static str,
    pub how: Match,
    pub effect: Effect,
}

/// Lines with more words than this are never matched by [`Match::ShortContains`].
pub const SHORT_LINE_WORDS: usize = 16;

macro_rules! rules {
    ($($phrase:literal $how:ident $effect:ident),* $(,)?) => {
        &[$(Rule { phrase: $phrase, how: Match::$how, effect: Effect::$effect }),*]
    };
}

/// The rules, as data. Phrases are lower case but for [`Match::Marker`] ones.
pub const RULES: &[Rule] = rules![
    // Prompts and navigation that open a line.
    "read also" Prefix Line, "also read" Prefix Line, "read more" Prefix Line,
    "see also" Prefix Line, "you may be interested" Prefix Line, "you might be interested" Prefix Line,
    "PREV " Marker Line, "NEXT " Marker Line, "previous article" Prefix Line, "next article" Prefix Line,
    "advertisement" Prefix Line, "share this" Prefix Line, "share on" Prefix Line,
    "follow us" Prefix Line, "for latest updates" Prefix Line, "subscribe" Prefix Line,
    "sign up" Prefix Line, "click here" Prefix Line, "back to top" Prefix Line,
    "main image source" Prefix Line, "image source" Prefix Line, "photo:" Prefix Line,
    "image:" Prefix Line, "caption:" Prefix Line, "tags:" Prefix Line, "posted in" Prefix Line,
    "filed under" Prefix Line, "copyright" Prefix Line, "©" Prefix Line,
    "your email address will not be published" Prefix Line, "required fields are marked" Prefix Line,
    "did you find a mistake" Prefix Line, "highlight the phrase" Prefix Line,
    "ctrl" Whole Line, "enter" Whole Line, "-" Whole Line, "–" Whole Line, "share" Whole Line,
    // Headings that open the trailing block of links, teasers or comments.
    "you may also like" Whole Tail, "you might also like" Whole Tail, "related" Whole Tail,
    "related news" Whole Tail, "related articles" Whole Tail, "related stories" Whole Tail,
    "related posts" Whole Tail, "more stories" Whole Tail, "more from" Prefix Tail,
    "recommended" Whole Tail, "recommended for you" Whole Tail, "read next" Whole Tail,
    "trending" Whole Tail, "trending stories" Whole Tail, "trending now" Whole Tail,
    "most read" Whole Tail, "most popular" Whole Tail, "editor's picks" Whole Tail,
    "editors' picks" Whole Tail, "public reaction" Whole Tail, "leave a reply" Whole Tail,
    "leave a comment" Whole Tail, "add a comment" Whole Tail, "comments" Whole Tail,
    "latest news" Whole Tail, "popular posts" Whole Tail,
    // Credits and share prompts anywhere in a short line.
    "follow us" ShortContains Line, "mandatory credit" ShortContains Line,
    "getty images" ShortContains Line, "photo by" ShortContains Line, "epa/" ShortContains Line,
    "afp/" ShortContains Line, "ap photo" ShortContains Line, "reuters/" ShortContains Line,
    "subscribe to" ShortContains Line,
];

/// Prefix phrases that label what follows them (an advertisement slot, a photo credit) rather
/// than link elsewhere: on a page flattened to one line they cover only themselves (and a
/// short credit), and the story after them is kept. A link prompt ("Read also: ...") covers
/// its whole line.
const LABELS: &[&str] = &["advertisement", "photo:", "image:", "caption:", "image source", "main image source"];

/// Platforms named by "Read us on X" prompts at the end of a paragraph.
const PLATFORMS: &[&str] = &["telegram", "facebook", "twitter", "whatsapp", "google news", "instagram", "youtube"];

/// A skipped stretch of the text and the rule that skipped it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Skipped {
    /// Byte range in the article text.
    pub span: Range<usize>,
    /// The phrase or rule that matched.
    pub rule: &'static str,
}

/// The article split into story and furniture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Layout {
    /// Byte ranges of story text, in order; each is one line (or part of one).
    pub story: Vec<Range<usize>>,
    /// What was skipped, in order.
    pub skipped: Vec<Skipped>,
}

impl Layout {
    /// Whether a byte offset falls in story text.
    pub fn is_story(&self, offset: usize) -> bool {
        let i = self.story.partition_point(|r| r.end <= offset);
        self.story.get(i).is_some_and(|r| r.start <= offset)
    }
}

/// Splits an article's text into story lines and furniture.
///
/// ```
/// use timeline::furniture::layout;
/// let text = "Talks were held on Monday.\nRead also: Putin flew to China\nYou May Also Like\nThe war continues. Thursday is the 596th day";
/// let l = layout(text);
/// assert_eq!(&text[l.story[0].clone()], "Talks were held on Monday.");
/// assert_eq!(l.story.len(), 1);
/// assert_eq!(l.skipped.len(), 3);
/// ```
pub fn layout(text: &str) -> Layout {
    let mut out = Layout::default();
    let mut lower = String::new();
    let mut pos = 0;
    let mut tail: Option<&'static str> = None;
    // The story lines kept so far, word for word.
    let mut seen: rustc_hash::FxHashSet<&str> = Default::default();
    // Lines end at "\n", "\r\n" or a lone "\r" (old Mac exports, some scrapers).
    for raw in lines_inclusive(text) {
        let start = pos;
        pos += raw.len();
        let line = raw.trim_end_matches(['\n', '\r']);
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            continue;
        }
        let span = start + lead..start + lead + trimmed.len();
        if let Some(rule) = tail {
            out.skipped.push(Skipped { span, rule });
            continue;
        }
        // Rules read a line's head (prefixes, whole short lines) and all of a short line:
        // lower-case just that much.
        let short = is_short(trimmed);
        lower.clear();
        lower.push_str(if short { trimmed } else { head(trimmed, PREFIX_BYTES) });
        lower.make_ascii_lowercase();
        if let Some(rule) = match_rule(trimmed, &lower, short) {
            // A heading that opens the trailing block only does so after some story: at the
            // top of a page it is a label, not the start of the links.
            if rule.effect == Effect::Tail && !out.story.is_empty() {
                tail = Some(rule.phrase);
            }
            // A prompt or credit opening a long line (a page flattened to one line) covers
            // its own words, not the story after it.
            let flattened = !short || more_than_one_sentence(trimmed);
            let cut = match rule.how {
                Match::Prefix if flattened && LABELS.contains(&rule.phrase) => furniture_head(trimmed, rule),
                _ => trimmed.len(),
            };
            out.skipped.push(Skipped { span: span.start..span.start + cut, rule: rule.phrase });
            let rest = &trimmed[cut..];
            let lead = rest.len() - rest.trim_start().len();
            if !rest.trim().is_empty() {
                out.story.push(span.start + cut + lead..span.end);
            }
            continue;
        }
        if is_teaser(trimmed) {
            out.skipped.push(Skipped { span, rule: "teaser cut off with an ellipsis" });
            continue;
        }
        // A page that prints its headline (or a paragraph) again: the scrape of a title, a
        // heading and a social card. The first copy is the story.
        if !seen.insert(trimmed) {
            out.skipped.push(Skipped { span, rule: REPEATED });
            continue;
        }
        // A closing "Read X on Telegram!" prompt inside the last sentence of a paragraph.
        let (story_end, prompt) = trailing_prompt(trimmed);
        if let Some(p) = prompt {
            out.skipped.push(Skipped { span: span.start + story_end..span.end, rule: p });
        }
        if story_end > 0 {
            out.story.push(span.start..span.start + story_end);
        }
    }
    out
}

/// The rule name of a line that repeats an earlier story line word for word.
pub const REPEATED: &str = "a line the page repeats";

/// How much of a long line a matching rule covers: when the phrase introduces something
/// ("Photo: Reuters.", "You may be interested: <headline>"), up to the end of that first
/// sentence if it is short, else the whole line (a link); a lone word ("Advertisement")
/// covers itself.
fn furniture_head(line: &str, rule: &Rule) -> usize {
    let phrase_end = head(line, rule.phrase.len()).len();
    let introduces = rule.phrase.ends_with(':') || line[phrase_end..].trim_start().starts_with(':');
    if introduces {
        let mut words = 0;
        for (i, c) in line.char_indices() {
            if c.is_whitespace() {
                words += 1;
                if words > SHORT_LINE_WORDS {
                    break;
                }
            }
            if matches!(c, '.' | '!' | '?') && line[i + 1..].starts_with(char::is_whitespace) {
                return i + 1;
            }
        }
        return line.len();
    }
    phrase_end
}

/// Whether a line holds a sentence end followed by more text ("... said. Talks were ...").
fn more_than_one_sentence(line: &str) -> bool {
    line.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?')
            && line[i + 1..].starts_with(' ')
            && line[i + 1..].trim_start().starts_with(char::is_uppercase)
            && line[..i].split_whitespace().count() > 2
    })
}

/// The text's lines with their ends, as `split_inclusive(['\n', '\r'])` gives them, found by a
/// byte search (a char-by-char split decodes every character of the text).
fn lines_inclusive(text: &str) -> impl Iterator<Item = &str> {
    let mut pos = 0;
    std::iter::from_fn(move || {
        if pos >= text.len() {
            return None;
        }
        let start = pos;
        pos = memchr::memchr2(b'\n', b'\r', &text.as_bytes()[start..]).map_or(text.len(), |k| start + k + 1);
        Some(&text[start..pos])
    })
}

/// How much of a long line's start the prefix rules read: every phrase is shorter.
const PREFIX_BYTES: usize = 48;

/// A short line: at most [`SHORT_LINE_WORDS`] words in at most 200 bytes.
fn is_short(line: &str) -> bool {
    if line.len() > 200 {
        return false;
    }
    // Words counted by their first bytes, in one plain loop that the compiler can unroll.
    let mut words = 0;
    let mut after_space = true;
    for &b in line.as_bytes() {
        let space = b.is_ascii_whitespace();
        words += usize::from(after_space && !space);
        after_space = space;
    }
    words <= SHORT_LINE_WORDS
}

/// The longest prefix of `s` of at most `n` bytes that ends on a character boundary.
fn head(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut k = n;
    while !s.is_char_boundary(k) {
        k -= 1;
    }
    &s[..k]
}

/// `lower` is the lower-cased line if it is short, else its lower-cased head.
fn match_rule(line: &str, lower: &str, short: bool) -> Option<&'static Rule> {
    let whole = lower.trim_end_matches(':').trim();
    let (first, first_lower) = (line.as_bytes().first().copied(), lower.as_bytes().first().copied());
    // Cheap rejection before any comparison: a phrase that opens the line (or is all of it)
    // shares its first byte, so only the rules the index gives for that byte are tried, in
    // the order of [`RULES`].
    let index = RuleIndex::get();
    let mut maybe = first.map_or(0, |b| index.marker[b as usize]);
    if let Some(b) = first_lower {
        maybe |= index.prefix[b as usize];
        if short {
            maybe |= index.whole[b as usize] | index.contains;
        }
    }
    while maybe != 0 {
        let r = &RULES[maybe.trailing_zeros() as usize];
        maybe &= maybe - 1;
        let hit = match r.how {
            // A whole word or phrase: "advertisement" does not open "Advertisements that ...".
            Match::Prefix => {
                lower.starts_with(r.phrase)
                    && (r.phrase.ends_with(|c: char| !c.is_alphanumeric())
                        || !lower[r.phrase.len()..].starts_with(char::is_alphanumeric))
            }
            Match::Marker => line.starts_with(r.phrase),
            Match::Whole => whole == r.phrase,
            Match::ShortContains => lower.contains(r.phrase),
        };
        if hit {
            return Some(r);
        }
    }
    None
}

/// [`RULES`] by the first byte of their phrase, as bit sets over the rules' positions: which
/// rules can match a line that starts with a given byte.
struct RuleIndex {
    /// [`Match::Prefix`] rules, by the first byte of the lower-cased line.
    prefix: [u128; 256],
    /// [`Match::Marker`] rules, by the first byte of the line as written.
    marker: [u128; 256],
    /// [`Match::Whole`] rules, by the first byte of the lower-cased line.
    whole: [u128; 256],
    /// [`Match::ShortContains`] rules, whatever the line starts with.
    contains: u128,
}

const _: () = assert!(RULES.len() <= 128, "the rule index holds at most 128 rules");

impl RuleIndex {
    fn get() -> &'static RuleIndex {
        static INDEX: std::sync::OnceLock<RuleIndex> = std::sync::OnceLock::new();
        INDEX.get_or_init(|| {
            let mut ix = RuleIndex { prefix: [0; 256], marker: [0; 256], whole: [0; 256], contains: 0 };
            for (i, r) in RULES.iter().enumerate() {
                let bit = 1u128 << i;
                let first = r.phrase.as_bytes()[0] as usize;
                match r.how {
                    Match::Prefix => ix.prefix[first] |= bit,
                    Match::Marker => ix.marker[first] |= bit,
                    Match::Whole => ix.whole[first] |= bit,
                    Match::ShortContains => ix.contains |= bit,
                }
            }
            ix
        })
    }
}

/// A teaser line: one fragment cut off by the page with the ellipsis character ("The war in
/// Ukraine continues. Thursday is the 596th day of the…"), short, with no complete paragraph
/// before the cut. Three dots typed by a writer are story.
fn is_teaser(line: &str) -> bool {
    let Some(body) = line.strip_suffix('…') else { return false };
    !body.ends_with(['.', '!', '?', '"', '”']) && line.split_whitespace().count() <= 30
}

/// Finds a "Read/Follow ... on <platform>" prompt opening the last sentence of a line; returns
/// the length of the story before it and the rule that matched.
fn trailing_prompt(line: &str) -> (usize, Option<&'static str>) {
    // A prompt of at most eight words sits in the last few dozen bytes: walk back over its
    // sentence ends, and look closer only where the next word starts like a prompt.
    let b = line.as_bytes();
    let from = line.len().saturating_sub(120);
    let window = &b[from..line.len().saturating_sub(1)];
    // Sentence ends, last first: ". ! ?" and straight quotes by one search, the closing quote
    // (its last byte) by another, merged.
    let mut stops = memchr::memrchr3_iter(b'.', b'!', b'?', window).peekable();
    let mut quotes = memchr::memrchr2_iter(b'"', 0x9d, window).peekable();
    loop {
        let i = match (stops.peek(), quotes.peek()) {
            (Some(&s), Some(&q)) if s > q => stops.next(),
            (Some(_), None) => stops.next(),
            (_, Some(_)) => quotes.next(),
            (None, None) => None,
        };
        let Some(i) = i.map(|k| k + from) else { break };
        if b[i] == 0x9d && !(i >= 2 && &b[i - 2..=i] == "”".as_bytes()) {
            continue;
        }
        let end = i + 1;
        let rest = line[end..].trim_start();
        let opens = rest.as_bytes().first().is_some_and(|c| matches!(c.to_ascii_lowercase(), b'r' | b'f' | b's'));
        if !opens {
            continue;
        }
        let starts = |p: &str| rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
        if (starts("read ") || starts("follow ") || starts("subscribe"))
            && rest.split_whitespace().count() <= 8
            && PLATFORMS.iter().any(|p| rest.to_ascii_lowercase().contains(p))
        {
            return (line[..end].trim_end().len(), Some("prompt to follow on a platform"));
        }
    }
    (line.len(), None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn skipped_rules(text: &str) -> Vec<&'static str> {
        layout(text).skipped.iter().map(|s| s.rule).collect()
    }

    #[test]
    fn lines_split_as_split_inclusive_does() {
        for t in ["", "a", "a\n", "a\r\nb\rc\n\nd", "\n\r\r\n", "é\nü\r"] {
            let want: Vec<&str> = t.split_inclusive(['\n', '\r']).collect();
            assert_eq!(lines_inclusive(t).collect::<Vec<_>>(), want, "{t:?}");
        }
    }

    #[test]
    fn a_short_line_has_at_most_sixteen_words_in_200_bytes() {
        let words = |n: usize| vec!["word"; n].join(" \t ");
        assert!(is_short(&words(SHORT_LINE_WORDS)));
        assert!(!is_short(&words(SHORT_LINE_WORDS + 1)));
        assert!(is_short(""));
        assert!(!is_short(&"a".repeat(201)));
        // Credits match only on short lines, and rules are tried in the order of RULES.
        assert_eq!(skipped_rules(&format!("{} getty images", words(14))), ["getty images"]);
        assert!(skipped_rules(&format!("{} getty images", words(15))).is_empty());
        assert_eq!(skipped_rules("Follow us on X"), ["follow us"]);
    }

    #[test]
    fn tail_block_swallows_everything_after_it() {
        let t = "Story line.\n\nLeave a Reply\n\nYour email address will not be published.\nYou May Also Like\nEU sanctions approved\n";
        let l = layout(t);
        assert_eq!(l.story, vec![0..11]);
        assert_eq!(skipped_rules(t), ["leave a reply", "leave a reply", "leave a reply", "leave a reply"]);
    }

    #[test]
    fn prompts_credits_and_lone_words() {
        let t = "Read also: Sikorsky: The cost\nPREV French left agrees\nRussian President Vladimir PutinEPA/Mikhail Metzel/Sputnik/Kremlin, mandatory credit\nCtrl\nKeep this.";
        let l = layout(t);
        assert_eq!(l.story.len(), 1);
        assert_eq!(&t[l.story[0].clone()], "Keep this.");
    }

    #[test]
    fn a_repeated_headline_is_kept_once() {
        let t = "Putin would negotiate\n\nPutin would negotiate\n  Putin would negotiate \nPutin said so on Monday.\nPutin would negotiate today";
        let l = layout(t);
        let story: Vec<&str> = l.story.iter().map(|r| &t[r.clone()]).collect();
        assert_eq!(story, ["Putin would negotiate", "Putin said so on Monday.", "Putin would negotiate today"]);
        assert_eq!(skipped_rules(t), [REPEATED, REPEATED]);
    }

    #[test]
    fn cut_off_teasers_are_furniture_but_typed_dots_are_story() {
        let l = layout("The disappearance of a plane in 2014 was one…\nHe paused... then spoke...\n");
        assert_eq!(l.skipped.len(), 1);
        assert_eq!(l.story.len(), 1);
    }

    #[test]
    fn trailing_platform_prompt_is_cut_from_the_paragraph() {
        let t = "Currently, all eyes are on Kyiv. Read 'Zamin' on Telegram!";
        let l = layout(t);
        assert_eq!(&t[l.story[0].clone()], "Currently, all eyes are on Kyiv.");
        assert_eq!(l.skipped[0].rule, "prompt to follow on a platform");
    }

    #[test]
    fn trailing_prompt_after_quotes_and_near_the_end_only() {
        // after a closing curly quote, a straight quote, and the last of several sentence ends
        for (t, story) in [
            ("He said “we will meet on Friday.” Follow us on Twitter", "He said “we will meet on Friday.”"),
            ("He said \"no.\" Subscribe to our Telegram channel.", "He said \"no.\""),
            ("Talks end. Read on. Read us on Facebook.", "Talks end. Read on."),
        ] {
            assert_eq!(trailing_prompt(t), (story.len(), Some("prompt to follow on a platform")), "{t}");
        }
        // a prompt more than 120 bytes from the end, or of more than eight words, is story
        let far = format!("Talks end. Read us on Telegram and {}", "word ".repeat(30));
        let long = "Talks end. Read what the ministers of both countries said on Telegram today.";
        for t in [far.as_str(), long, "Stop. Stop.", "", "."] {
            assert_eq!(trailing_prompt(t), (t.len(), None), "{t}");
        }
    }

    #[test]
    fn story_lines_starting_with_next_are_kept_navigation_markers_are_not() {
        let t = "Next week, the leaders meet again.\nNEXT The UN and the EU showed support\n";
        let l = layout(t);
        assert_eq!(l.story.len(), 1);
        assert_eq!(skipped_rules(t), ["NEXT "]);
    }
}

#[cfg(test)]
mod flattened_pages {
    use super::*;

    fn story(text: &str) -> String {
        layout(text).story.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join("|")
    }

    #[test]
    fn a_page_on_one_line_keeps_its_story() {
        let t = "Advertisement Russia invaded Ukraine on Thursday, officials said. Talks were held on Monday.";
        assert_eq!(story(t), "Russia invaded Ukraine on Thursday, officials said. Talks were held on Monday.");
        let t = "Photo: Reuters. Russia invaded Ukraine on Thursday, officials said, and talks were held on Monday in Geneva after weeks of shelling.";
        assert!(story(t).starts_with("Russia invaded"), "{}", story(t));
    }

    #[test]
    fn lone_carriage_returns_end_lines() {
        let t = "Photo: Reuters.\rRussia invaded Ukraine on Thursday.\rTalks were held on Monday.";
        assert_eq!(story(t), "Russia invaded Ukraine on Thursday.|Talks were held on Monday.");
    }

    #[test]
    fn a_tail_heading_at_the_top_is_only_a_label() {
        let t = "Advertisements that were not approved were banned on Monday.";
        assert_eq!(story(t), t, "a prefix phrase matches whole words only");
        let t = "Related\nRussia invaded Ukraine on Thursday.\n\nTalks were held on Monday.\n\nRelated\nOther story";
        assert_eq!(story(t), "Russia invaded Ukraine on Thursday.|Talks were held on Monday.");
    }
}
