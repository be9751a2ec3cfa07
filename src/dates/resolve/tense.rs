//! The tense of an expression's clause, as far as the words around it show it, and the words
//! right before or after it that point its direction whatever the tense ("until Friday",
//! "since Monday", "Wednesday's ruling").

use super::Tense;
use crate::dates::lexicon::{Aux, Lexicon};
use crate::dates::scan::{Kind, Token};

/// How far [`tense`] looks either way for a marker.
const TENSE_REACH: usize = 12;
/// How far it looks to the left for an expression that an "in" or "on" makes an adverb of its
/// clause, when nothing nearer said: the verb of a long clause ("The Reserve Bank last lifted
/// its key official cash rate 25 basis points to 5.50 percent in March").
const ADVERB_REACH: usize = 16;

/// The tense of the clause around tokens `first..=last` of a sentence: the nearest tense
/// marker, looking up to 12 tokens either way and not past a quotation mark (16 to the left
/// for "in March", "on Sunday"). A participle takes its tense from the auxiliaries before it:
/// "will be held" is future, "was held" past, "is held" present.
pub fn tense(text: &str, sent: &[Token], first: usize, last: usize) -> Tense {
    if scheduled(text, sent, first) || delivery_month(text, sent, first, last) {
        return Tense::Future;
    }
    let near = tense_within(text, sent, first, last);
    let word = |k: usize| sent.get(k).map_or("", |n| &text[n.start..n.end]);
    // A time set off at the head of its sentence ("In January, a week after the anniversary of
    // the decision, a clinic bombing killed a guard") takes the tense of the clause it heads,
    // however far its verb.
    let fronted = first <= 1 && word(last + 1) == ",";
    if near == Tense::Unknown && fronted {
        return (last + TENSE_REACH + 1..sent.len())
            .take_while(|&k| !quote(sent, k))
            .map(|k| marker(text, sent, k, false))
            .find(|&t| t != Tense::Unknown)
            .unwrap_or(Tense::Unknown);
    }
    if near != Tense::Unknown
        || first == 0
        || !(word(first - 1).eq_ignore_ascii_case("in") || word(first - 1).eq_ignore_ascii_case("on"))
    {
        return near;
    }
    // Not across an infinitive, whose time is its own ("agreed to purchase the line for $22
    // million in February" may be a purchase to come).
    let infinitive = |k: usize| {
        word(k).eq_ignore_ascii_case("to")
            && sent.get(k + 1).is_some_and(|n| n.kind == Kind::Word && !n.cap && n.word.is_none_or(|w| w.det.is_none()))
            && !sent[k + 1].word.is_some_and(|w| w.noun_determiner)
    };
    // Nor across the start of a clause of its own ("the territory, which returns to Chinese
    // rule on July 1").
    let opens_clause = |k: usize| {
        ["which", "who", "whom", "whose", "that", "when", "where", "while", "because", "if", "as"]
            .iter()
            .any(|w| word(k).eq_ignore_ascii_case(w))
    };
    if (first.saturating_sub(TENSE_REACH)..first).any(opens_clause) {
        return near;
    }
    // Past an infinitive, only a future holds: what is done to some end under a plan is to
    // come as well ("We will go back to Baidoa to present our laws to the parliament on
    // Sunday"), where a past verb is not the infinitive's time.
    let mut past_infinitive = (first.saturating_sub(TENSE_REACH)..first).any(infinitive);
    for d in TENSE_REACH + 1..=ADVERB_REACH.min(first) {
        if quote(sent, first - d) || opens_clause(first - d) {
            break;
        }
        past_infinitive |= infinitive(first - d);
        let t = marker(text, sent, first - d, true);
        if t != Tense::Unknown {
            return if past_infinitive && t != Tense::Future { Tense::Unknown } else { t };
        }
    }
    Tense::Unknown
}

/// Whether a schedule's participle comes right before the expression that starts at token
/// `first` ("a match starting Thursday", "a summit opening here Saturday", "checks starting
/// from Friday"): it sets when something begins or ends, still to come.
fn scheduled(text: &str, sent: &[Token], first: usize) -> bool {
    let word = |k: usize| &text[sent[k].start..sent[k].end];
    let between = |k: usize| ["on", "from", "here", "there"].iter().any(|w| word(k).eq_ignore_ascii_case(w));
    let k = match first.checked_sub(1) {
        Some(k) if between(k) => k.checked_sub(1),
        k => k,
    };
    k.is_some_and(|k| sent[k].kind == Kind::Word && !sent[k].cap && sent[k].word.is_some_and(|w| w.schedule_participle))
}

/// Whether the expression at tokens `first..=last` is a month a commodity is traded for: "for
/// January delivery", "the December contract", "for delivery in January".
fn delivery_month(text: &str, sent: &[Token], first: usize, last: usize) -> bool {
    let delivery = |k: usize| sent.get(k).is_some_and(|t| t.kind == Kind::Word && t.word.is_some_and(|w| w.delivery));
    let month = sent[first..=last].iter().any(|t| t.word.is_some_and(|w| w.month.is_some()));
    let word = |k: usize| &text[sent[k].start..sent[k].end];
    // "for delivery in January", not "awarded contracts in June"
    let delivered = |k: usize| sent[k].kind == Kind::Word && sent[k].word.is_some_and(|w| w.delivered_in);
    let after_in = first >= 2 && word(first - 1).eq_ignore_ascii_case("in") && delivered(first - 2);
    month && (delivery(last + 1) || after_in)
}

/// A word after the expression that opens another clause, whose verb has a tense of its own:
/// "will return to work Sunday after the government agreed", "suffered an injury in the win
/// on Sunday and whether he can play will be known today".
fn opens_clause_after(sent: &[Token], k: usize) -> bool {
    sent[k].kind == Kind::Word && sent[k].word.is_some_and(|w| w.clause_opener_after)
}

/// [`tense`] within [`TENSE_REACH`] tokens either way.
fn tense_within(text: &str, sent: &[Token], first: usize, last: usize) -> Tense {
    let (mut left, mut right) = (true, true);
    // past a comma to the right, a report's frame ("will speak Thursday, a spokesman
    // announced Wednesday") says nothing of the expression's clause
    let mut comma_right = false;
    let frame = |k: usize| sent[k].kind == Kind::Word && sent[k].word.is_some_and(|w| w.reporting);
    for d in 1..=TENSE_REACH {
        if left && first >= d {
            if quote(sent, first - d) {
                left = false;
            } else {
                let t = marker(text, sent, first - d, true);
                if t != Tense::Unknown {
                    return t;
                }
            }
        }
        if right && last + d < sent.len() {
            // (not the comma that sets off a time at the head of the sentence: "On Tuesday,
            // China announced plans")
            let comma = sent[last + d].kind == Kind::Punct && sent[last + d].ch == ',';
            comma_right |= comma && !(first <= 1 && d == 1);
            if quote(sent, last + d) || opens_clause_after(sent, last + d) {
                right = false;
            } else if !(comma_right && frame(last + d)) {
                let t = marker(text, sent, last + d, false);
                if t != Tense::Unknown {
                    return t;
                }
            }
        }
    }
    Tense::Unknown
}

/// A quotation mark, which ends the clause: quoted words and the words that report them ("...
/// Thursday,'' Castro said") have tenses of their own.
fn quote(sent: &[Token], i: usize) -> bool {
    let t = &sent[i];
    let doubled = |k: usize| sent.get(k).is_some_and(|n| n.kind == Kind::Punct && n.ch == t.ch);
    t.kind == Kind::Punct
        && (matches!(t.ch, '"' | '\u{201c}' | '\u{201d}')
            || matches!(t.ch, '\'' | '`') && (doubled(i.wrapping_sub(1)) || doubled(i + 1)))
}

/// Whether a token is a past participle or a past form: a listed one, or a regular "-ed".
fn participle(text: &str, t: &Token) -> bool {
    if t.kind != Kind::Word || t.cap || t.word.is_some_and(|w| w.not_past) {
        return false;
    }
    let s = &text[t.start..t.end];
    t.word.is_some_and(|w| w.past) || s.len() >= 5 && s.ends_with("ed")
}

/// The tense word `i` of a sentence marks, if any; `before`: it comes before the expression.
fn marker(text: &str, sent: &[Token], i: usize, before: bool) -> Tense {
    let t = &sent[i];
    if t.kind != Kind::Word {
        return Tense::Unknown;
    }
    if let Some(tense) = plan(text, sent, i) {
        return tense;
    }
    let word = |k: usize| sent.get(k).map_or("", |n| &text[n.start..n.end]);
    // "agreed to hold talks in May": what a commitment commits to is to come.
    if before && t.word.is_some_and(|w| w.commits_before_to) && word(i + 1).eq_ignore_ascii_case("to") {
        return Tense::Future;
    }
    // "may vote on Tuesday" is to come; "may have left on Monday" is past. Only before the
    // expression: one after it is often the verb of a subject that holds it ("Byrd, who
    // turned 35 on Saturday, can receive ...").
    if t.word.is_some_and(|w| w.modal_ahead) && !t.cap {
        if !before {
            return Tense::Unknown;
        }
        let next = if word(i + 1).eq_ignore_ascii_case("not") { i + 2 } else { i + 1 };
        let perfect =
            word(next).eq_ignore_ascii_case("have") && sent.get(next + 1).is_some_and(|n| participle(text, n));
        return if perfect { Tense::Past } else { Tense::Future };
    }
    // "would on Wednesday attend briefings", "would elect their leaders Wednesday": a plan
    // reported; not "would not comment Tuesday", which reports a refusal, nor "would have".
    if before && text[t.start..t.end].eq_ignore_ascii_case("would") {
        let next = word(i + 1);
        let refusal = ["not", "n't", "have", "never"].iter().any(|w| next.eq_ignore_ascii_case(w));
        return if refusal { Tense::Unknown } else { Tense::Future };
    }
    if t.word.is_some_and(|w| w.future) {
        // "next to the embassy" is a place, not a time to come.
        let place = text[t.start..t.end].eq_ignore_ascii_case("next") && word(i + 1).eq_ignore_ascii_case("to");
        // "announced the plan Aug. 21", "unveiled its plans on Tuesday": a plan named, not a
        // clause about what is to come.
        let named = t.word.is_some_and(|w| w.plan_noun) && i > 0 && determines(text, sent, i - 1);
        return if place || named { Tense::Unknown } else { Tense::Future };
    }
    if !participle(text, t) {
        return Tense::Unknown;
    }
    verb_group(text, sent, i)
}

/// Whether token `k` of a sentence is a determiner or the end of a possessive, which make the
/// next word a noun ("the", "its", "Reno's").
fn determines(text: &str, sent: &[Token], k: usize) -> bool {
    let t = &sent[k];
    let apostrophe = |j: usize| sent.get(j).is_some_and(|a| a.kind == Kind::Punct && matches!(a.ch, '\'' | '’'));
    t.word.is_some_and(|w| w.noun_determiner) || &text[t.start..t.end] == "s" && k > 0 && apostrophe(k - 1)
}

/// The tense a plan, a threat or a likelihood starting at word `i` gives what follows it,
/// if one does: it is still to come, unless a past "was" or "were" puts the plan behind.
fn plan(text: &str, sent: &[Token], i: usize) -> Option<Tense> {
    let t = &sent[i];
    let word = |k: usize| sent.get(k).map_or("", |n| &text[n.start..n.end]);
    // "he would be holding a press conference": a plan reported, where a bare "would" may
    // be a habit of the past ("he would go there every week").
    if word(i).eq_ignore_ascii_case("would")
        && word(i + 1).eq_ignore_ascii_case("be")
        && word(i + 2).len() > 4
        && word(i + 2).ends_with("ing")
    {
        return Some(Tense::Future);
    }
    if t.word.is_some_and(|w| w.future_before_to) && word(i + 1).eq_ignore_ascii_case("to") {
        let was = |k: usize| word(k).eq_ignore_ascii_case("was") || word(k).eq_ignore_ascii_case("were");
        return Some(if i > 0 && (was(i - 1) || i > 1 && was(i - 2)) { Tense::Past } else { Tense::Future });
    }
    // "was to return to Washington Monday", "were to be flown home on Wednesday": a plan
    // reported, still to come (not "was to have begun on Thursday", which did not happen).
    if (word(i).eq_ignore_ascii_case("was") || word(i).eq_ignore_ascii_case("were"))
        && word(i + 1).eq_ignore_ascii_case("to")
        && !word(i + 2).eq_ignore_ascii_case("have")
    {
        return Some(Tense::Future);
    }
    let present = t.word.is_some_and(|w| w.aux == Some(Aux::Present));
    // "is to be presented on Tuesday", "are to meet": a plan.
    if present && word(i + 1).eq_ignore_ascii_case("to") {
        return Some(Tense::Future);
    }
    // "is threatening to cut supplies on Monday", "is sentenced to die on Tuesday": what a
    // present threat, plan or sentence leads to is still to come (not after the lexicon's
    // `not_plans`: "is said to have").
    let verb = word(i + 1);
    if present
        && word(i + 2).eq_ignore_ascii_case("to")
        && verb.len() > 4
        && (verb.ends_with("ing") || verb.ends_with("ed"))
        && !sent[i + 1].word.is_some_and(|w| w.not_plan)
        && !word(i + 3).eq_ignore_ascii_case("have")
    {
        return Some(Tense::Future);
    }
    // "were planning to drive around the airport on Monday", "was due to arrive": a plan
    // reported in the past is still to come.
    if t.word.is_some_and(|w| w.past)
        && sent.get(i + 1).is_some_and(|n| n.word.is_some_and(|w| w.future) && !n.cap)
        && !word(i + 1).eq_ignore_ascii_case("next")
    {
        return Some(Tense::Future);
    }
    None
}

/// The tense of participle `i`, from the auxiliaries before it: "will be held" is future, "was
/// held" past, "is held" present (no direction), "to be held" an infinitive; none: past. A
/// prefix joined by a hyphen is the participle's ("will be re-opened").
fn verb_group(text: &str, sent: &[Token], i: usize) -> Tense {
    let joined = |a: usize| sent[a].end == sent[a + 1].start;
    let prefixed = i >= 2 && sent[i - 1].kind == Kind::Punct && sent[i - 1].ch == '-' && joined(i - 2) && joined(i - 1);
    let i = if prefixed { i - 2 } else { i };
    let mut k = i;
    while k > 0 && i - k < 3 {
        k -= 1;
        let a = &sent[k];
        if a.word.is_some_and(|w| w.future) {
            return Tense::Future;
        }
        match a.word.and_then(|w| w.aux) {
            Some(Aux::Neutral) => continue,
            Some(Aux::Present) => return Tense::Unknown,
            Some(Aux::Past) => return Tense::Past,
            None => {}
        }
        // "to be held": an infinitive, no tense of its own.
        if text[a.start..a.end].eq_ignore_ascii_case("to")
            && k + 1 < i
            && sent[k + 1].word.is_some_and(|w| w.aux == Some(Aux::Neutral))
        {
            return Tense::Unknown;
        }
        break;
    }
    Tense::Past
}

/// What the words right around tokens `first..=last` of a sentence say of their direction,
/// before any tense: a phrase of the lexicon just before them ("as soon as Tuesday", "until
/// Friday", "payable Jan. 2": after publication; "since Monday": before), or a possessive
/// ("Wednesday's ruling": a day that has come, unless awaited: "ahead of Sunday's elections",
/// "will attend Sunday's meeting"). "Until" in a clause that looks back from it
/// ("Until Thursday, they had not called him a suspect", "he did not learn of it until
/// Monday") points back. `None` leaves it to the clause's tense.
pub fn pointer(text: &str, sent: &[Token], first: usize, last: usize, lex: &Lexicon) -> Option<Tense> {
    let (start, end) = (sent[first].start, sent[last].end);
    let after = text.get(end..).unwrap_or("");
    let before = text.get(..start).unwrap_or("").trim_end();
    let ends_with = |phrase: &str| ends_with_phrase(before, phrase);
    if after.starts_with("'s") || after.starts_with("\u{2019}s") {
        // "Wednesday's ruling" has come, unless what comes before says it is awaited ("ahead
        // of Sunday's elections", "will attend Sunday's meeting").
        // A future before it awaits only a fixture ("will attend Sunday's meeting"), not what
        // was done ("will fight Wednesday's ruling").
        let fixture = (last + 1..(last + 5).min(sent.len())).any(|k| sent[k].word.is_some_and(|w| w.fixture));
        let future_before = (first.saturating_sub(6)..first)
            .rev()
            .take_while(|&k| !quote(sent, k))
            .find_map(|k| Some(marker(text, sent, k, true)).filter(|&t| t != Tense::Unknown))
            == Some(Tense::Future);
        let awaited = lex.awaiting_phrases.iter().any(|p| ends_with(p)) || fixture && future_before;
        // The day a fixture is set for ("the eight seeds for Friday's draw") is the nearest
        // one ([`Tense::Near`]), unless the clause looks back ("had been rested for Saturday's
        // derby"); what was done stays past ("paid for Monday's first airlift").
        let set_for = fixture && ends_with("for") && !looks_back(text, sent, first, last);
        return Some(if awaited {
            Tense::Future
        } else if set_for {
            Tense::Near
        } else {
            Tense::Past
        });
    }
    if awaited(text, sent, first, last, lex) {
        return Some(Tense::Future);
    }
    // A day something is set for ("has called a mass strike for Monday", "rallies were
    // announced for Sunday"), and any date a plan the clause looks back on was for ("had been
    // initially scheduled for January 25, but was indefinitely delayed"), is the nearest: told
    // in the past, it may have come ("A memorial service planned for Saturday was canceled",
    // in Sunday's paper), or not.
    let weekday = first == last && sent[first].word.is_some_and(|w| w.weekday.is_some());
    if ends_with("for") && (weekday || looks_back(text, sent, first, last)) {
        return Some(Tense::Near);
    }
    if lex.forward_phrases.iter().any(|p| ends_with(p)) {
        let until = ends_with("until") || ends_with("till");
        Some(if until && looks_back(text, sent, first, last) { Tense::Past } else { Tense::Future })
    } else if lex.back_phrases.iter().any(|p| ends_with(p)) {
        Some(Tense::Past)
    } else {
        None
    }
}

/// Whether `before` ends with the words of `phrase`, in any case, not inside a longer word.
fn ends_with_phrase(before: &str, phrase: &str) -> bool {
    let n = phrase.len();
    before.len() >= n
        && before.is_char_boundary(before.len() - n)
        && before[before.len() - n..].eq_ignore_ascii_case(phrase)
        && !before[..before.len() - n].chars().next_back().is_some_and(|c| c.is_alphanumeric())
}

/// Whether the expression at tokens `first..=last` is awaited: a phrase of waiting comes right
/// before it ("ahead of Sunday", "in the run-up to the Christmas holidays") or before a
/// fixture it sets ("ahead of the election Thursday", "in the run-up to the general election
/// on May 1", "ahead of his funeral Wednesday", "ahead of the Monday balloting"). Other words
/// between are no waiting: "finished ahead of Federer on Sunday", "ahead of schedule on
/// Monday".
fn awaited(text: &str, sent: &[Token], first: usize, last: usize, lex: &Lexicon) -> bool {
    let word = |k: usize| &text[sent[k].start..sent[k].end];
    let fixture_at = |k: usize| sent.get(k).is_some_and(|t| t.word.is_some_and(|w| w.fixture));
    let determiner = |k: usize| sent[k].word.is_some_and(|w| w.noun_determiner);
    let waits_before = |k: usize| {
        let before = text[..sent[k].start].trim_end();
        lex.awaiting_phrases.iter().any(|p| ends_with_phrase(before, p))
    };
    let mut k = first;
    if k > 0 && ["on", "in", "at"].iter().any(|w| word(k - 1).eq_ignore_ascii_case(w)) {
        k -= 1;
    }
    // Back over the noun phrase before the expression, four words at most.
    let mut fixture = fixture_at(last + 1);
    let mut only_determiners = k == first;
    for _ in 0..=4 {
        if waits_before(k) && (fixture || only_determiners) {
            return true;
        }
        if k == 0 || sent[k - 1].kind != Kind::Word {
            return false;
        }
        k -= 1;
        fixture |= fixture_at(k);
        only_determiners &= determiner(k);
    }
    false
}

/// Whether the clause around tokens `first..=last` has a past perfect ("had not called", "had
/// been rested") or a negated past ("did not learn", "didn't"), up to 12 tokens either way and
/// not past a quotation mark: the clause looks back from the time "until" names.
fn looks_back(text: &str, sent: &[Token], first: usize, last: usize) -> bool {
    let word = |k: usize| sent.get(k).map_or("", |n| &text[n.start..n.end]);
    let marks = |k: usize| {
        let w = word(k);
        let next = if matches!(word(k + 1), "not" | "n't" | "never") { k + 2 } else { k + 1 };
        w.eq_ignore_ascii_case("had")
            && sent.get(next).is_some_and(|n| participle(text, n) || text[n.start..n.end].eq_ignore_ascii_case("been"))
            || w.eq_ignore_ascii_case("did") && matches!(word(k + 1), "not" | "n't" | "never")
            || w.len() >= 4 && w.is_char_boundary(4) && w[..4].eq_ignore_ascii_case("didn")
    };
    let left = (first.saturating_sub(12)..first).rev().take_while(|&k| !quote(sent, k)).any(marks);
    let right = (last + 1..(last + 13).min(sent.len())).take_while(|&k| !quote(sent, k)).any(marks);
    left || right
}
