//! Which temporal expression places an event: the one its clause governs ("met on Monday",
//! "the 1997 summit", "talks were held Monday"), with the relation its preposition gives
//! ("before", "after", "since", "until", "during"; else "at"). Not simply the nearest date.

use super::types::Relation;
use crate::dates::{Mention, TimexType};
use crate::language::{Deprel, Sentence, Upos, Xpos};
use chrono::NaiveDate;
use std::ops::Range;

/// A temporal expression placed in the parse: its words and its head word.
#[derive(Debug, Clone)]
pub struct Timex {
    /// Index into the sentence's date mentions.
    pub mention: usize,
    /// Its words (indexes into the sentence's tokens).
    pub words: Range<usize>,
    /// The word that attaches it to the rest of the sentence.
    pub head: usize,
    /// A set ("weekly", "every day").
    pub set: bool,
    /// A length of time ("two weeks", "for 30 hours").
    pub duration: bool,
    /// A span from one time to another ("1989 to 2003", "June 15-16").
    pub range: bool,
    /// A length counted from an event ("hours after the execution", "two days after the
    /// vote", "within hours of the hanging"): it places the event less well than a date its
    /// clause also gives.
    pub counted: bool,
}

/// Places each mention in the sentence's words.
pub fn place(s: &Sentence, mentions: &[&Mention], out: &mut Vec<Timex>) {
    out.clear();
    for (m_i, m) in mentions.iter().enumerate() {
        let first = s.tokens.partition_point(|t| t.end <= m.start);
        let last = s.tokens.partition_point(|t| t.start < m.end);
        if first >= last {
            continue;
        }
        let words = first..last;
        let head = words.clone().find(|&k| s.tokens[k].head.is_none_or(|h| !words.contains(&h))).unwrap_or(last - 1);
        let set = m.timex_type() == TimexType::Set;
        let duration = m.timex_type() == TimexType::Duration;
        let range = matches!(m.value, crate::dates::TimeValue::Range { .. });
        // "hours after the execution", "within hours of the hanging"
        let next = |w: &[&str]| last < s.len() && w.contains(&s.lemma(last));
        let within = first > 0 && s.lemma(first - 1).eq_ignore_ascii_case("within");
        let counted = duration && (next(&["after", "before", "following"]) || within && next(&["of"]));
        out.push(Timex { mention: m_i, words, head, set, duration, range, counted });
    }
}

/// Verbs whose object or subject is the event they report ("held talks", "talks took place"),
/// so that the event shares their time. Not the entry stage's `events::lexicon::LIGHT_VERBS`,
/// which decides whose clause writes an entry's label: "occur", "close" or "schedule" lend a
/// time, "host" or "win" a label. One attends a summit when it takes place: "attend" lends both.
const TIME_SHARING_VERBS: &[&str] = &[
    "hold", "take", "make", "have", "conduct", "stage", "launch", "carry", "give", "sign", "schedule", "plan", "set",
    "occur", "happen", "come", "begin", "start", "end", "resume", "continue", "open", "close", "finish", "attend",
];

/// The relation a temporal expression's preposition or subordinator gives; "from" or "between"
/// before a span says the event lasted through it ("a civil war from 1989 to 2003").
pub fn relation(s: &Sentence, text: &str, t: &Timex) -> Relation {
    let mut rel = Relation::At;
    // A preposition of place as well as time that the parse hung on the expression across a
    // noun, a name or a verb is another phrase's ("was rushed to the NHI early Thursday
    // morning", "approved by the Security Council March 28", "retrieved from the pit Tuesday
    // night"); function words, adjectives, numbers and a possessor may stand between ("for
    // the last six or seven days", "from the country's first days"). A word of time alone
    // orders the event whatever stands between ("since her graduation four months ago").
    let next_to = |c: usize| {
        let spatial = ["to", "from", "by", "for", "over", "through", "within"];
        !spatial.iter().any(|w| s.word(text, c).eq_ignore_ascii_case(w))
            || (c + 1..t.words.start).all(|k| {
                let possessor = s.tokens.get(k + 1).is_some_and(|n| n.xpos == Xpos::Pos);
                // a weekday outside the expression the date stage read ("by Monday noon", a
                // clock time read without its day)
                let weekday = crate::dates::lexicon::Lexicon::get().names_weekday(&s.lemma(k).to_ascii_lowercase());
                !matches!(s.tokens[k].upos, Upos::Noun | Upos::Propn | Upos::Verb | Upos::Pron) || possessor || weekday
            })
    };
    let words = s.children(t.head).filter(|&c| matches!(s.tokens[c].deprel, Deprel::Case | Deprel::Mark) && next_to(c));
    // The word before the expression, when the parse did not attach it ("since 1997").
    let before = t.words.start.checked_sub(1);
    for c in words.chain(before) {
        let w = s.word(text, c).to_ascii_lowercase();
        rel = match w.as_str() {
            "before" | "by" | "prior" | "ahead" => Relation::Before,
            "after" | "following" => Relation::After,
            "from" | "between" if t.range => Relation::During,
            "since" | "from" => Relation::Since,
            // "through the night" lasts it, "through March" ends with it
            "through" if whole_day_or_part(s, text, t) => Relation::During,
            "until" | "till" | "through" | "to" => Relation::Until,
            "during" | "throughout" | "for" | "over" | "within" => Relation::During,
            _ => continue,
        };
        break;
    }
    rel
}

/// Whether expression `t` is a day or a part of one named with "the" ("the night", "the
/// afternoon"), which an event "through" it lasts.
fn whole_day_or_part(s: &Sentence, text: &str, t: &Timex) -> bool {
    const PARTS: [&str; 6] = ["day", "night", "morning", "afternoon", "evening", "weekend"];
    s.word(text, t.words.start).eq_ignore_ascii_case("the")
        && PARTS.iter().any(|p| s.lemma(t.head).eq_ignore_ascii_case(p))
}

/// Whether event word `i` is in a clause on temporal expression `t` ("Thursday, when 133
/// people were arrested and police were forced": the clause's verb, or a conjunct of it).
pub fn clause_on(s: &Sentence, i: usize, t: &Timex) -> bool {
    s.ancestors(i).find(|&k| s.tokens[k].deprel != Deprel::Conj).is_some_and(|k| {
        matches!(s.tokens[k].deprel, Deprel::Acl | Deprel::AclRelcl)
            && s.tokens[k].head.is_some_and(|h| t.words.contains(&h))
    })
}

fn direct(s: &Sentence, i: usize, timexes: &[Timex]) -> Option<usize> {
    timexes
        .iter()
        .enumerate()
        .filter(|(_, t)| s.tokens[t.head].head == Some(i) && !t.words.contains(&i))
        .min_by_key(|(_, t)| (t.counted, amount(s, t), t.head.abs_diff(i), argument(s.tokens[t.head].deprel)))
        .map(|(k, _)| k)
}

/// Whether expression `t` is a length an event comes to, not a time it is at ("sentenced him to
/// 10 years in prison on Friday", "cut the week to four days"); not the end of a range of
/// lengths ("out for four to six weeks").
pub fn amount(s: &Sentence, t: &Timex) -> bool {
    let range = t.words.start >= 2 && s.tokens[t.words.start - 2].upos == Upos::Num;
    t.duration && !range && super::participants::case_of(s, t.head) == Some("to")
}

/// Whether a word is its head's subject or object: an expression there names what the clause is
/// about ("June 5 was postponed"), and when one stands as near as an oblique, the oblique places
/// the event ("was postponed on Tuesday").
fn argument(d: Deprel) -> bool {
    matches!(d, Deprel::Nsubj | Deprel::NsubjPass | Deprel::Obj | Deprel::Iobj)
}

/// The temporal expression (index into `timexes`) that event word `i` is governed by.
pub fn governed(s: &Sentence, i: usize, timexes: &[Timex]) -> Option<usize> {
    let mut k = i;
    for _ in 0..4 {
        if let Some(t) = direct(s, k, timexes) {
            return Some(t);
        }
        k = climb(s, k)?;
    }
    None
}

/// The word whose time event word `k` shares, when it is one: a conjunct's head ("entered the
/// city and fired"), the light verb that carries an event noun ("held talks Monday", "talks
/// took place Monday") or a verbal complement ("began talking on Monday").
pub fn climb(s: &Sentence, k: usize) -> Option<usize> {
    let tok = &s.tokens[k];
    let h = tok.head?;
    let light = TIME_SHARING_VERBS.contains(&s.lemma(h));
    let shares = match tok.deprel {
        Deprel::Conj => s.tokens[h].upos == tok.upos || tok.upos == Upos::Verb,
        Deprel::Obj | Deprel::NsubjPass | Deprel::Nsubj => matches!(tok.upos, Upos::Noun | Upos::Propn) && light,
        Deprel::Xcomp => light,
        _ => false,
    };
    shares.then_some(h)
}

/// Whether a temporal expression attached to verb `v` places event word `i`. It does when `v`
/// is the event, a word the event's time climbs to ([`climb`]) or one that climbs to the event
/// ("started casting ballots Sunday"); a clause describing the event ("the talks, which began
/// on Monday", "the summit scheduled for June"); the event's complement ("fought to save his
/// job Friday"); or a clause that happens at the same time, either way ("kick off on Wednesday
/// when Parma host Inter", "attacked the city on Monday, killing 12"). Another verb's
/// expression places that verb's event ("neither side has withdrawn from the truce signed in
/// 2002", "demonstrated Wednesday to protest the occupation").
pub fn verb_places(s: &Sentence, i: usize, v: usize) -> bool {
    let reaches = |from: usize, to: usize| {
        let mut k = from;
        for _ in 0..5 {
            if k == to {
                return true;
            }
            match climb(s, k) {
                Some(h) => k = h,
                None => return false,
            }
        }
        false
    };
    if reaches(i, v) || reaches(v, i) {
        return true;
    }
    let child_of = |c: usize, h: usize| s.tokens[c].head == Some(h);
    let rel = |c: usize| s.tokens[c].deprel;
    // "plunged 228 points to close at 18,954 on Monday": a light verb's clause is the event's end
    let describes = child_of(v, i)
        && (matches!(rel(v), Deprel::Acl | Deprel::AclRelcl | Deprel::Xcomp)
            || rel(v) == Deprel::Advcl && TIME_SHARING_VERBS.contains(&s.lemma(v)));
    // "reiterated the charges on Monday at a rally", "said Wednesday during talks"
    let setting = child_of(i, v)
        && rel(i).is_oblique()
        && matches!(super::participants::case_of(s, i), None | Some("at" | "during" | "in" | "on"));
    // a clause at the time of a word the event shares its time with: "17 people were killed and
    // 26 wounded in fighting on Sunday" (the fighting is the wounding's, and so the killing's)
    let with_shared =
        s.tokens[v].head.is_some_and(|h| h != i && (reaches(i, h) || reaches(h, i)) && simultaneous(s, v, h));
    describes || setting || simultaneous(s, v, i) || simultaneous(s, i, v) || with_shared
}

/// The word that owns expression `t`: the first verb above it, or event word `i` if met first.
pub fn owner(s: &Sentence, i: usize, t: &Timex) -> Option<usize> {
    s.ancestors(t.head).skip(1).take(8).find(|&k| k == i || s.tokens[k].upos == Upos::Verb)
}

/// Whether the owner of expression `t` ([`owner`]) places event word `i` ([`verb_places`]);
/// an expression with no verb above it places anything.
pub fn owner_places(s: &Sentence, i: usize, t: &Timex) -> bool {
    owner(s, i, t).is_none_or(|v| verb_places(s, i, v))
}

/// Whether clause `c` is one its head `h` happens with: "when", "as" or "while" opens it, "in"
/// or "during" a participle ("were killed in fighting"), or it is a participle without a
/// subordinator ("..., killing 12").
fn simultaneous(s: &Sentence, c: usize, h: usize) -> bool {
    let tok = &s.tokens[c];
    if tok.head != Some(h) || tok.deprel != Deprel::Advcl {
        return false;
    }
    // UD makes "when" an adverb of its clause, "as" and "while" its markers.
    let opener = |k: usize| {
        let d = s.tokens[k].deprel;
        d == Deprel::Mark || d == Deprel::Advmod && s.lemma(k).eq_ignore_ascii_case("when")
    };
    let mut openers = s.children(c).filter(|&k| opener(k)).peekable();
    match openers.peek() {
        None => tok.xpos == Xpos::Vbg,
        Some(_) => openers.all(|k| {
            ["when", "as", "while"].iter().any(|w| s.lemma(k).eq_ignore_ascii_case(w))
                || tok.xpos == Xpos::Vbg && ["in", "during"].iter().any(|w| s.lemma(k).eq_ignore_ascii_case(w))
        }),
    }
}

/// The sentence's temporal expression nearest word `i` (by words), for events the parse does
/// not tie to one; never one that contains the word itself, nor a set ("his weekly address"),
/// which places nothing.
pub fn nearest(i: usize, timexes: &[Timex]) -> Option<usize> {
    nearest_where(i, timexes, |_, _| true)
}

/// How far before an expression [`since_clause`] looks for its "since".
const SINCE_REACH: usize = 10;

/// Where the clause that "since" opens before expression `t` starts ("since Paris and Beijing
/// established diplomatic relations in 1964"), with no punctuation between: such
/// an expression starts a period that lasts to the present, and dates only what its own clause
/// tells.
pub fn since_clause(s: &Sentence, t: &Timex) -> Option<usize> {
    let first = t.words.start;
    let since = (first.saturating_sub(SINCE_REACH)..first)
        .rev()
        .take_while(|&k| s.tokens[k].upos != Upos::Punct)
        .find(|&k| s.lemma(k).eq_ignore_ascii_case("since"))?;
    // a clause, with its verb: not "rose 20% since January", which the verb before it governs
    (since + 1..first).any(|k| s.tokens[k].upos == Upos::Verb).then_some(since)
}

/// [`nearest`], among the expressions `keep` accepts (given their index and themselves).
pub fn nearest_where(i: usize, timexes: &[Timex], keep: impl Fn(usize, &Timex) -> bool) -> Option<usize> {
    timexes
        .iter()
        .enumerate()
        .filter(|&(k, t)| !t.words.contains(&i) && !t.set && keep(k, t))
        .min_by_key(|(_, t)| if t.words.start > i { t.words.start - i } else { i - t.words.end + 1 })
        .map(|(k, _)| k)
}

/// For expression `k` that closes a period ("the year ended Sept. 30", "the quarter ending
/// June 30"), the period itself, unless event word `i` is the word that closes it: a company
/// earns or loses over the year, and TimeBank anchors its reports there (19 of 23 times).
pub fn period_closed_by(s: &Sentence, text: &str, i: usize, k: usize, timexes: &[Timex]) -> Option<usize> {
    let e = timexes[k].words.start.checked_sub(1).filter(|&e| e != i)?;
    let closes = ["ended", "ending"].iter().any(|w| s.word(text, e).eq_ignore_ascii_case(w));
    if !closes {
        return None;
    }
    timexes.iter().position(|p| p.words.end == e && !p.set && !p.range)
}

/// Whether a quotation mark stands between word `i` and expression `t` an odd number of times:
/// one is quoted and the other not ("``The struggle must not stop for one minute!'' said a
/// message"), so the nearness of the two says nothing of when the event was.
pub fn across_quote(s: &Sentence, text: &str, i: usize, t: &Timex) -> bool {
    let (a, b) = if t.words.start > i { (i, t.words.start) } else { (t.words.end - 1, i) };
    let between = &text[s.tokens[a].end..s.tokens[b].start];
    let doubled = between.matches("``").count() + between.matches("''").count();
    let single = between.chars().filter(|c| matches!(c, '"' | '\u{201c}' | '\u{201d}')).count();
    (doubled + single) % 2 == 1
}

/// Whether an expression begins after the publication day (`day`): a past event is never there
/// unless its clause says so. An expression without calendar days ("now") does not.
pub fn after_publication(m: &Mention, day: Option<NaiveDate>) -> bool {
    day.is_some_and(|p| m.value.days().is_some_and(|(a, _)| a > p))
}

/// Whether an expression ended more than a month before the publication day (`day`): what
/// "will" happen is not there unless its clause says so ("will narrate the fiercest battle of
/// ... the third century AD"). The month spares a weekday resolved a week off.
pub fn long_before_publication(m: &Mention, day: Option<NaiveDate>) -> bool {
    day.is_some_and(|p| m.value.days().is_some_and(|(_, b)| b + chrono::Days::new(31) < p))
}

/// Whether an expression is the baseline of a comparison: "from $85 million a year ago", "the
/// year-ago quarter", "compared with a loss a year earlier". A figure's change is reported for
/// the period the sentence is about, not for its baseline.
pub fn baseline(s: &Sentence, text: &str, t: &Timex) -> bool {
    let has = |range: Range<usize>, ws: &[&str]| {
        range.into_iter().any(|k| ws.iter().any(|w| s.word(text, k).eq_ignore_ascii_case(w)))
    };
    // The words of "year-ago" are "year", "-", "ago": read the expression's text.
    let written = &text.as_bytes()[s.tokens[t.words.start].start..s.tokens[t.words.end - 1].end];
    let contains = |w: &str| written.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w.as_bytes()));
    if contains("year-ago") || contains("year-earlier") {
        return true;
    }
    // "the same period last year", "the corresponding quarter of the previous year"
    if has(t.words.clone(), &["same", "corresponding", "comparable"]) && has(t.words.clone(), &["year"]) {
        return true;
    }
    // "from $4 million, or 24 cents a share, a year earlier": the comparison word may stand a
    // dozen words back (TimeBank anchors 87.0% to 87.2% against eight words).
    let back = has(t.words.clone(), &["year"]) && has(t.words.clone(), &["ago", "earlier"]);
    back && has(t.words.start.saturating_sub(12)..t.words.start, &["from", "compared", "than", "versus"])
}

/// For a verb whose governed expression is a comparison's baseline ("dropped to $663 million
/// from $1 billion a year ago"), the sentence's nearest expression that is not one
/// ("Third-quarter loan originations dropped ..."), if there is one.
pub fn instead_of_baseline(s: &Sentence, text: &str, i: usize, k: usize, timexes: &[Timex]) -> Option<usize> {
    if s.tokens[i].upos != Upos::Verb || !baseline(s, text, &timexes[k]) {
        return None;
    }
    nearest_where(i, timexes, |j, t| j != k && !baseline(s, text, t))
}
