//! The words the entry stage reads ([`super::entries`]): which verbs report, which reports are
//! news, which adverbs hedge, which words announce a plan, which verbs carry an event noun, and
//! the event nouns' verbs (`predicates.txt`).

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

/// Reporting verbs whose statement is itself news.
pub const NEWS_STATEMENTS: &[&str] = &[
    "announce", "declare", "proclaim", "threaten", "demand", "vow", "pledge", "warn", "urge", "call", "deny",
    "confirm", "accuse", "admit", "reject",
];

/// Verbs that report what someone said, whatever class the detector gives them in a sentence:
/// never entries of their own (see [`NEWS_STATEMENTS`] for those that are).
pub const REPORTING_VERBS: &[&str] = &[
    "say",
    "state",
    "tell",
    "add",
    "note",
    "stress",
    "claim",
    "explain",
    "report",
    "insist",
    "comment",
    "reply",
    "remark",
    "emphasize",
    "emphasise",
    "argue",
    "write",
    "quote",
    "announce",
    "declare",
    "warn",
    "urge",
    "confirm",
    "deny",
    "threaten",
    "demand",
    "vow",
    "pledge",
    "reaffirm",
    "reiterate",
    "affirm",
    "assert",
    "acknowledge",
    "describe",
    "cite",
    "mention",
    "reveal",
    "disclose",
    "inform",
];

/// Words that make a phrasal verb with the verb before them ("gunned down", "called off").
pub const PARTICLES: &[&str] = &["away", "back", "out", "off", "down", "up", "ahead", "aside"];

/// Units an amount counts in, as lemmas: the unit heads the amount ("to 15.6 percent", "2.5
/// billion yuan"), the number counts it.
pub const UNITS: &[&str] = &[
    "percent", "pct", "%", "point", "dollar", "euro", "pound", "pence", "yuan", "ringgit", "won", "rupiah", "rupee",
    "peso", "baht", "ruble", "rouble", "dinar", "riyal", "shekel", "franc", "dong", "naira", "rand",
];

/// Predicates whose object, or a noun's "to" phrase, is where the event happens: "Hu will
/// visit Laos", "his visit to India", "troops entered Lebanon".
pub const DESTINATION_PREDICATES: &[&str] = &["visit", "tour", "enter", "invade", "travel", "fly", "arrive"];

/// Adverbs that make a report a hope or a guess, not news that it happened ("he hopefully
/// reached an agreement this week").
pub const HEDGES: &[&str] = &["hopefully", "possibly", "perhaps", "maybe", "probably", "likely"];

/// Verbs and adjectives that, with an infinitive, report a plan or what is likely to come ("the
/// summit is scheduled to take place in Istanbul", "Zelensky is due to travel to Ankara",
/// "Putin intends to attend"): TimeML reads them as states, but the report is news of a
/// planned event.
pub const PLANS: &[&str] =
    &["schedule", "set", "due", "slate", "poise", "expect", "likely", "plan", "intend", "prepare", "aim"];

/// Words that, with an infinitive, say it will not be or was not done ("is unlikely to hold
/// elections", "failed to reach an agreement", "refused to sign the deal").
pub const NOT_TO_BE: &[&str] =
    &["unlikely", "unable", "fail", "refuse", "decline", "reluctant", "unwilling", "impossible", "hesitate"];

/// Verbs that call off the event their object (or a passive's subject) names ("cancelled the
/// summit", "the strike was called off"): that event will not happen as planned. "Call" and
/// "put" count with "off".
pub const CANCEL_VERBS: &[&str] =
    &["cancel", "postpone", "scrap", "delay", "abandon", "suspend", "shelve", "defer", "call", "put"];

/// Verbs that say of their subject that it happens ("the meeting never happened", "the talks
/// did not begin"): negated, they deny the event their subject names. "Take" counts with
/// "place", "go" with "ahead" or "forward".
pub const HAPPEN_VERBS: &[&str] =
    &["happen", "occur", "materialize", "materialise", "proceed", "start", "begin", "resume", "take", "go"];

/// Verbs of a change by an amount, or of a margin ("prices fell by 6.5 percent", "raised rates
/// by a quarter point", "won by 42 runs"): after one of them, a "by" phrase with a number says
/// how much, not who did it.
pub const CHANGE_VERBS: &[&str] = &[
    "rise",
    "fall",
    "grow",
    "increase",
    "decrease",
    "drop",
    "gain",
    "lose",
    "cut",
    "raise",
    "reduce",
    "boost",
    "lift",
    "lower",
    "climb",
    "slip",
    "slide",
    "jump",
    "surge",
    "soar",
    "plunge",
    "tumble",
    "decline",
    "dip",
    "ease",
    "edge",
    "shed",
    "expand",
    "shrink",
    "contract",
    "narrow",
    "widen",
    "advance",
    "retreat",
    "rally",
    "fluctuate",
    "recover",
    "rebound",
    "sink",
    "slump",
    "slash",
    "trim",
    "hike",
    "push",
    "win",
    "lead",
    "beat",
    "trail",
    "outnumber",
    "miss",
    "better",
    "exceed",
    "revise",
    "improve",
    "worsen",
    "outpace",
];

/// Verbs that bring a text out ("a report released on Monday", "a statement issued
/// Thursday"): a participle of one describes the source of the news, not the news, and lends
/// its noun no label of its own (see `headline::who`).
pub const PUBLISHING_VERBS: &[&str] =
    &["release", "issue", "publish", "post", "carry", "read", "quote", "date", "air", "broadcast", "receive", "cite"];

/// Verbs that carry an event noun as their object or subject ("held talks", "talks took
/// place"): the noun is the event, the verb writes its label.
pub const LIGHT_VERBS: &[&str] = &[
    "hold",
    "take",
    "make",
    "have",
    "conduct",
    "stage",
    "launch",
    "carry",
    "give",
    "sign",
    "reach",
    "begin",
    "start",
    "end",
    "resume",
    "open",
    "host",
    "attend",
    "win",
    "lose",
    "participate",
    "join",
];

/// Event nouns and the verbs they name ("invasion" -> "invade"), so that reports merge across
/// both: `predicates.txt`, data.
pub struct Predicates {
    map: FxHashMap<String, String>,
}

impl Predicates {
    /// The shipped lexicon.
    pub fn get() -> &'static Predicates {
        static P: OnceLock<Predicates> = OnceLock::new();
        P.get_or_init(|| Predicates::parse(include_str!("predicates.txt")))
    }

    /// Reads "noun verb" lines; `#` starts a comment.
    pub fn parse(text: &str) -> Predicates {
        let map = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .filter_map(|l| l.split_once(char::is_whitespace))
            .map(|(n, v)| (n.to_string(), v.trim().to_string()))
            .collect();
        Predicates { map }
    }

    /// Whether a lemma (lower case) is an event noun of the lexicon.
    pub fn names_a_verb(&self, lemma: &str) -> bool {
        self.map.contains_key(lemma)
    }

    /// The predicate a lemma names: the verb of an event noun, else the lemma itself.
    pub fn of(&self, lemma: &str) -> String {
        let l = lemma.to_lowercase();
        self.map.get(&l).cloned().unwrap_or(l)
    }
}

/// Every name of `countries.txt` (a country, its capital, its short forms; lower case) to its
/// country's name: "Moscow" and "Russia" name one doer (`graph::merge`), and neither is a
/// person's first name (`names`).
pub fn countries() -> &'static FxHashMap<&'static str, &'static str> {
    static MAP: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    MAP.get_or_init(|| {
        let mut map = FxHashMap::default();
        for line in include_str!("countries.txt").lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (country, others) = line.split_once(':').unwrap_or((line, ""));
            let country = country.trim();
            map.insert(country, country);
            for other in others.split(',').map(str::trim).filter(|o| !o.is_empty()) {
                map.insert(other, country);
            }
        }
        map
    })
}
