//! Merging event mentions that report one real event, within and across articles.
//!
//! Candidates are blocked, never all pairs: mentions are indexed by (kind, key term), where
//! the key terms are the names and places a mention involves; only mentions sharing a posting
//! list are compared. Two mentions merge when they are of the same kind, their times are
//! compatible (their calendar spans overlap; an undated mention is compatible with any time its
//! article allows), and they share enough evidence (names, places, content words of their
//! labels). Merging is union-find (petgraph's), and a cluster keeps the intersection of its
//! members' times, so a chain of undated mentions never joins two events of different dates.
//! Mentions with strong shared evidence but incompatible dates stay apart and are reported as
//! a conflict.

use crate::events::lexicon::countries;
use crate::events::{EventKind, EventMention, Occurrence};
use chrono::{Days, NaiveDate};
use petgraph::unionfind::UnionFind;
use rustc_hash::FxHashMap;
use std::collections::BTreeSet;

/// The span of days a mention's time allows, widened for approximate values.
pub fn span_of(m: &EventMention) -> Option<(NaiveDate, NaiveDate)> {
    let t = m.time.as_ref()?;
    let (a, b) = t.value.days()?;
    if t.value.modifier() == Some(crate::dates::values::Modifier::Approx) {
        return Some((a.checked_sub_days(Days::new(3))?, b.checked_add_days(Days::new(3))?));
    }
    Some((a, b))
}

/// The evidence a mention offers for identity: folded names and places, and label words.
#[derive(Debug, Clone)]
pub struct Evidence {
    pub names: BTreeSet<String>,
    /// Names of more than one word, whole ("vladimir putin"): a match is worth more.
    pub full_names: BTreeSet<String>,
    pub place: Option<String>,
    pub words: BTreeSet<String>,
}

/// The words of a label, a number whole with its separators ("34,000", "1.5"): split at
/// them, "34,000" and "180,000" would share a word, "000".
fn label_words(label: &str) -> impl Iterator<Item = &str> {
    label.split_whitespace().flat_map(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        let number = w.bytes().next().is_some_and(|b| b.is_ascii_digit());
        let cut = move |c: char| !c.is_alphanumeric() && c != '-' && !(number && matches!(c, ',' | '.'));
        w.split(cut)
    })
}

impl Evidence {
    pub fn of(m: &EventMention) -> Evidence {
        // names match by their last word: "Vladimir Putin" and "Putin" are one person
        let names: BTreeSet<String> =
            m.participants.iter().filter_map(|p| p.split_whitespace().last()).map(str::to_lowercase).collect();
        let stop = crate::events::Triggers::get();
        let fold = |w: &str| {
            let w = w.to_lowercase();
            w.strip_suffix('s').filter(|s| s.len() > 3).map(str::to_string).unwrap_or(w)
        };
        // The trigger is no evidence: reports are compared only within one predicate already.
        // Nor are the words of a name or place, which count once, as the name.
        let trigger = fold(&m.trigger);
        let named: BTreeSet<String> =
            m.participants.iter().chain(m.place.iter()).flat_map(|p| p.split_whitespace()).map(fold).collect();
        let words = label_words(&m.label)
            .map(fold)
            .filter(|w| w.len() > 2 && !stop.is_label_stopword(w) && !names.contains(w) && !named.contains(w))
            .filter(|w| *w != trigger && *w != m.predicate)
            .collect();
        let place = m.place.as_ref().and_then(|p| p.split_whitespace().last()).map(str::to_lowercase);
        let full_names = m.participants.iter().filter(|p| p.contains(' ')).map(|p| p.to_lowercase()).collect();
        Evidence { names, full_names, place, words }
    }

    /// No evidence at all (for a copy, which is never compared).
    fn none() -> Evidence {
        Evidence { names: BTreeSet::new(), full_names: BTreeSet::new(), place: None, words: BTreeSet::new() }
    }

    /// Shared names (a place counts twice, a whole name of more than one word too), plus shared
    /// label words, less one when both labels have words and share none.
    pub fn score(&self, other: &Evidence) -> usize {
        // names and place of each side taken together, counted once, without building sets
        let in_other = |x: &String| other.names.contains(x) || other.place.as_ref() == Some(x);
        let own_place = self.place.as_ref().filter(|p| !self.names.contains(*p));
        let names = self.names.iter().chain(own_place).filter(|x| in_other(x)).count();
        let place = usize::from(self.place.is_some() && self.place == other.place);
        let full = self.full_names.intersection(&other.full_names).count();
        let words = self.words.intersection(&other.words).count();
        // Labels that both say what was done, in no word in common, speak against one event:
        // "Putin expressed his willingness", "Putin expressed his frustration".
        let apart = usize::from(self.apart(other));
        (names + full + place + words).saturating_sub(apart)
    }

    /// Whether the two name someone or somewhere in common: a name, a word of a whole name or the
    /// place of one that is a name, place or label word of the other ("Saddam Hussein and two
    /// aides sentenced", "Trial of Saddam and six aides sentenced"), a capital standing for its
    /// country ("Russia welcomed the changes", "Moscow welcomed the changes").
    pub fn names_shared(&self, other: &Evidence) -> bool {
        fn keys(x: &Evidence) -> impl Iterator<Item = &str> {
            let whole = x.full_names.iter().flat_map(|f| f.split_whitespace());
            x.names.iter().chain(x.place.iter()).map(String::as_str).chain(whole)
        }
        let country = |w: &str| countries().get(w).copied();
        let holds = |y: &Evidence, n: &str| {
            let same = |m: &str| m == n || country(m).is_some_and(|c| country(n) == Some(c));
            keys(y).chain(y.words.iter().map(String::as_str)).any(same)
        };
        keys(self).any(|n| holds(other, n)) || keys(other).any(|n| holds(self, n))
    }

    /// Both labels say what was done, in no word in common.
    pub fn apart(&self, other: &Evidence) -> bool {
        !self.words.is_empty() && !other.words.is_empty() && self.words.is_disjoint(&other.words)
    }

    fn has(&self, key: &String) -> bool {
        self.names.contains(key) || self.place.as_ref() == Some(key) || self.words.contains(key)
    }

    fn keys(&self) -> impl Iterator<Item = &String> {
        self.names.iter().chain(self.place.iter()).chain(self.words.iter())
    }
}

/// Two mentions with this much shared evidence and incompatible dates are a conflict.
pub const CONFLICT_EVIDENCE: usize = 4;

/// A reported disagreement between mentions that look like one event.
#[derive(Debug, Clone)]
pub struct MergeConflict {
    pub a: usize,
    pub b: usize,
    pub reason: String,
}

/// How many mentions of one posting list each mention is compared with, at most, once the list
/// is longer than this: its neighbours in time.
pub const WINDOW: usize = 64;

/// For each mention, the first mention that is a copy of it (itself when none comes before):
/// the same sentence, label, predicate and time in another article, as when one wire report
/// runs under many outlets' names. Copies are one report; they merge without being compared.
pub fn copies(mentions: &[EventMention]) -> Vec<usize> {
    type Key<'a> = (&'a str, &'a str, &'a str, Option<crate::dates::values::TimeValue>, bool, bool, Option<Occurrence>);
    let mut first: FxHashMap<Key<'_>, usize> = FxHashMap::default();
    mentions
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let key = (
                m.predicate.as_str(),
                m.label.as_str(),
                m.sentence_text.as_str(),
                m.time.as_ref().map(|t| t.value),
                m.planned,
                m.done,
                m.occurrence,
            );
            *first.entry(key).or_insert(i)
        })
        .collect()
}

/// Clusters of mention indices, each one real event, and the conflicts found on the way.
pub fn merge(
    mentions: &[EventMention],
    published: &FxHashMap<&str, NaiveDate>,
) -> (Vec<Vec<usize>>, Vec<MergeConflict>) {
    let n = mentions.len();
    // Copies of one report take part once, through the first of them: only it needs evidence.
    let copies = copies(mentions);
    let evidence: Vec<Evidence> = mentions
        .iter()
        .enumerate()
        .map(|(i, m)| if copies[i] == i { Evidence::of(m) } else { Evidence::none() })
        .collect();
    let spans: Vec<Option<(NaiveDate, NaiveDate)>> = mentions.iter().map(span_of).collect();
    let pairs = candidate_pairs(mentions, published, &copies, &evidence, &spans);
    let mut c = Clusters::new(mentions, &spans, published);
    let mut conflicts = Vec::new();
    for (i, &first) in copies.iter().enumerate() {
        if first != i {
            c.join_copy(first, i);
        }
    }
    for (a, b, score) in pairs {
        let same_article = mentions[a].article == mentions[b].article;
        let (ra, rb) = (c.uf.find(a), c.uf.find(b));
        if ra == rb || !Occurrence::compatible(c.occurrence[ra], c.occurrence[rb]) {
            continue;
        }
        // Named doers, none in common: two people did the same thing ("Annan made the
        // remarks", "Khalifa made the remarks"), not one event.
        if c.doers[ra].differ(&c.doers[rb]) {
            continue;
        }
        // Placed in two countries, none in common: two events ("killed in northeast China",
        // "killed in southern Poland"), however alike their reports read.
        if c.countries[ra].differ(&c.countries[rb]) {
            continue;
        }
        let both_dated = c.window[ra].is_some() && c.window[rb].is_some();
        let Some(joined) = meet(c.window[ra], c.window[rb]) else {
            conflicts.extend(conflict(mentions, &evidence, &spans, (a, b), score));
            continue;
        };
        // Undated reports bound the event by their articles' dates; a cluster whose bounds
        // cross, or miss its dates, would be two events.
        let bounds = c.allowed[ra].and(c.allowed[rb]);
        if !bounds.admits(joined) {
            continue;
        }
        // Two reports of two articles dated to a day need a name in common, or more than one
        // word: on one day many things happen alike ("closed", "were killed"). A month or a year
        // is the background that articles recall in their own words ("the March 2003 invasion",
        // "US-led forces invaded"), and joins on one.
        let day = |x: usize| spans[x].is_some_and(|(lo, hi)| lo == hi);
        let need = if same_article || both_dated && !(day(a) && day(b)) {
            1
        } else if both_dated {
            // (a score of two joins either way: no need to look for names)
            if score >= 2 || evidence[a].names_shared(&evidence[b]) {
                1
            } else {
                2
            }
        } else {
            let (undated, other) = if c.window[ra].is_none() { (a, b) } else { (b, a) };
            let named = !evidence[a].names.is_disjoint(&evidence[b].names) && !evidence[a].apart(&evidence[b]);
            // Two undated reports: each is most likely of the days before its own article, so
            // their articles' distance counts as a dated report's would.
            let when = joined.or_else(|| published.get(mentions[other].article.as_str()).map(|&d| (d, d)));
            let apart = |x: usize, y: usize| match (
                published.get(mentions[x].article.as_str()),
                published.get(mentions[y].article.as_str()),
            ) {
                (Some(&p), Some(&q)) => (p - q).num_days().abs() > UNDATED_APART_DAYS,
                _ => false,
            };
            if joined.is_none() && apart(a, b) {
                continue;
            }
            undated_need(&mentions[undated], published, when, named)
        };
        if score >= need {
            c.join(a, b, joined, bounds);
        }
    }
    (c.groups(n), conflicts)
}

/// What merging knows of each cluster, kept at its root.
struct Clusters {
    uf: UnionFind<usize>,
    /// The intersection of its members' times, and its latest possible day.
    window: Vec<Option<(NaiveDate, NaiveDate)>>,
    /// Which occurrence of a recurring event it is, once a report says.
    occurrence: Vec<Option<Occurrence>>,
    /// Who did it, by its reports' named doers.
    doers: Vec<Doers>,
    /// Where it happened, by the countries its reports' places lie in.
    countries: Vec<Countries>,
    /// The days its undated reports allow (see [`Allowed`]).
    allowed: Vec<Allowed>,
}

impl Clusters {
    /// Each mention a cluster of its own.
    fn new(
        mentions: &[EventMention],
        spans: &[Option<(NaiveDate, NaiveDate)>],
        published: &FxHashMap<&str, NaiveDate>,
    ) -> Self {
        Clusters {
            uf: UnionFind::new(mentions.len()),
            window: spans.to_vec(),
            occurrence: mentions.iter().map(|m| m.occurrence).collect(),
            doers: mentions.iter().map(Doers::of).collect(),
            countries: mentions.iter().map(|m| Countries::of(m.place.as_deref())).collect(),
            allowed: mentions.iter().zip(spans).map(|(m, span)| Allowed::of(m, span.is_some(), published)).collect(),
        }
    }

    /// Joins copy `i` of a report to its first copy.
    fn join_copy(&mut self, first: usize, i: usize) {
        let both = self.allowed[self.uf.find(first)].and(self.allowed[i]);
        self.uf.union(first, i);
        let r = self.uf.find(i);
        self.allowed[r] = both;
    }

    /// Joins the clusters of `a` and `b`, whose times meet in `window` within `allowed`.
    fn join(&mut self, a: usize, b: usize, window: Option<(NaiveDate, NaiveDate)>, allowed: Allowed) {
        let (ra, rb) = (self.uf.find(a), self.uf.find(b));
        self.uf.union(a, b);
        let r = self.uf.find(a);
        self.window[r] = window;
        self.allowed[r] = allowed;
        let absorbed = std::mem::take(&mut self.doers[if r == ra { rb } else { ra }]);
        self.doers[r].absorb(absorbed);
        let absorbed = std::mem::take(&mut self.countries[if r == ra { rb } else { ra }]);
        self.countries[r].0.extend(absorbed.0);
        self.occurrence[r] = match (self.occurrence[ra], self.occurrence[rb]) {
            (Some(Occurrence::Nth(n)), _) | (_, Some(Occurrence::Nth(n))) => Some(Occurrence::Nth(n)),
            (x, y) => x.or(y),
        };
    }

    /// The clusters of mentions `0..n`, each sorted, in order of their first mention.
    fn groups(self, n: usize) -> Vec<Vec<usize>> {
        let mut clusters: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
        for i in 0..n {
            clusters.entry(self.uf.find(i)).or_default().push(i);
        }
        let mut out: Vec<Vec<usize>> = clusters.into_values().collect();
        out.sort();
        out
    }
}

/// Where two clusters' times meet: the intersection of two windows, the one window when a
/// cluster has none; `None` when two windows do not meet.
fn meet(
    x: Option<(NaiveDate, NaiveDate)>,
    y: Option<(NaiveDate, NaiveDate)>,
) -> Option<Option<(NaiveDate, NaiveDate)>> {
    match (x, y) {
        (Some(x), Some(y)) => {
            let (lo, hi) = (x.0.max(y.0), x.1.min(y.1));
            (lo <= hi).then_some(Some((lo, hi)))
        }
        (x, y) => Some(x.or(y)),
    }
}

/// Who did what a report tells, by name: countries (a capital or a short form standing for its
/// country, from `countries.txt`) and the words of other names, lower case. "Kofi Annan" and
/// "Annan" share a word, and so do "Hu Jintao" and "Hu", whose family name comes first.
#[derive(Debug, Clone, Default)]
pub struct Doers {
    countries: BTreeSet<&'static str>,
    words: BTreeSet<String>,
}

impl Doers {
    pub fn of(m: &EventMention) -> Doers {
        let mut d = Doers::default();
        for name in &m.agents {
            let lower = name.to_lowercase();
            let folded = lower.strip_prefix("the ").unwrap_or(&lower);
            if let Some(&country) = countries().get(folded) {
                d.countries.insert(country);
                continue;
            }
            d.words.extend(
                name.split_whitespace()
                    .filter(|w| w.len() > 1 && !["of", "the", "and", "for"].iter().any(|s| w.eq_ignore_ascii_case(s)))
                    .map(str::to_lowercase)
                    .filter(|w| !kind_words().contains(w.as_str())),
            );
        }
        d
    }

    /// Two sets of doers that tell two events apart: in countries or in other names, both name
    /// someone and no one in common, while the other kind does not name one doer on both sides.
    /// A country and a person are never compared: "Washington threatened to end the talks" and
    /// "Rubio stated that Washington could end the talks" may be one event.
    pub fn differ(&self, other: &Doers) -> bool {
        fn apart<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> bool {
            !a.is_empty() && !b.is_empty() && a.is_disjoint(b)
        }
        fn shared<T: Ord>(a: &BTreeSet<T>, b: &BTreeSet<T>) -> bool {
            !a.is_disjoint(b)
        }
        apart(&self.countries, &other.countries) && !shared(&self.words, &other.words)
            || apart(&self.words, &other.words) && !shared(&self.countries, &other.countries)
    }

    fn absorb(&mut self, other: Doers) {
        self.countries.extend(other.countries);
        self.words.extend(other.words);
    }
}

/// The countries a report's place lies in, as far as `countries.txt` tells: a country or its
/// capital that ends the place or owns what follows ("southern Poland", "China's Heilongjiang
/// Province", "Kabul"). A country that only describes ("the U.S. Embassy") says nothing of
/// where, nor does a place the list does not know ("Busan").
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Countries(BTreeSet<&'static str>);

impl Countries {
    /// The longest name the list knows among `MAX_WORDS` words.
    const MAX_WORDS: usize = 4;

    pub fn of(place: Option<&str>) -> Countries {
        let mut out = BTreeSet::new();
        let Some(place) = place else { return Countries(out) };
        let words: Vec<&str> = place.split_whitespace().collect();
        let mut i = 0;
        while i < words.len() {
            // Not the end of a longer name: "New Mexico", "Northern Ireland", "Papua New Guinea"
            // (a capitalised word before it, not set off by a comma)
            let inside = i > 0 && {
                let before = words[i - 1];
                before.starts_with(char::is_uppercase) && !before.ends_with([',', ';'])
            };
            if inside {
                i += 1;
                continue;
            }
            let found = (1..=Self::MAX_WORDS.min(words.len() - i)).rev().find_map(|n| {
                let last = words[i + n - 1];
                let (bare, owns) = match last.strip_suffix("'s").or_else(|| last.strip_suffix("’s")) {
                    Some(bare) => (bare, true),
                    None => (last, false),
                };
                if !(owns || i + n == words.len()) {
                    return None;
                }
                let mut name = words[i..i + n - 1].join(" ");
                if !name.is_empty() {
                    name.push(' ');
                }
                name.push_str(bare);
                let name = name.to_lowercase();
                let name = name.strip_prefix("the ").unwrap_or(&name);
                // "U.S." as listed, "Poland," at a phrase's end
                let trimmed = name.trim_end_matches([',', '.', ')', ';']);
                countries().get(name).or_else(|| countries().get(trimmed)).map(|&country| (country, n))
            });
            match found {
                Some((country, n)) => {
                    out.insert(country);
                    i += n;
                }
                None => i += 1,
            }
        }
        Countries(out)
    }

    /// Both placed, in no country in common.
    pub fn differ(&self, other: &Countries) -> bool {
        !self.0.is_empty() && !other.0.is_empty() && self.0.is_disjoint(&other.0)
    }
}

/// Words that say what kind of thing a name names (`kind-words.txt`): "index", "exchange", "bank".
fn kind_words() -> &'static rustc_hash::FxHashSet<&'static str> {
    static SET: std::sync::OnceLock<rustc_hash::FxHashSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| crate::language::lists::words(include_str!("kind-words.txt")).collect())
}

/// The pairs of reports worth comparing, each once, with their score, strongest first.
///
/// Blocking: (predicate, key) -> reports. "invaded" and "the invasion" share the predicate
/// "invade"; a meeting never merges with an election. A long posting list (a common word, or a
/// report many outlets ran) is compared in a window over time, not all pairs: the comparisons
/// are capped, the merging never is.
fn candidate_pairs(
    mentions: &[EventMention],
    published: &FxHashMap<&str, NaiveDate>,
    copies: &[usize],
    evidence: &[Evidence],
    spans: &[Option<(NaiveDate, NaiveDate)>],
) -> Vec<(usize, usize, usize)> {
    let mut postings: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
    for (i, e) in evidence.iter().enumerate() {
        for k in e.keys() {
            postings.entry((mentions[i].predicate.as_str(), k.as_str())).or_default().push(i);
        }
    }
    let time_key: Vec<NaiveDate> = (0..mentions.len())
        .map(|i| {
            spans[i]
                .map(|s| s.0)
                .or_else(|| published.get(mentions[i].article.as_str()).copied())
                .unwrap_or(NaiveDate::MIN)
        })
        .collect();
    // Copies of one report take part once, through the first of them. A key that more than
    // WINDOW distinct reports share still blocks, but counts as evidence only between reports
    // dated within a week: "won" in two reports of 2002 says nothing, "Geneva" in two
    // reports of June 17 does.
    for list in postings.values_mut() {
        list.retain(|&i| copies[i] == i);
    }
    let common: rustc_hash::FxHashSet<(&str, &str)> =
        postings.iter().filter(|(_, l)| l.len() > WINDOW).map(|(k, _)| *k).collect();
    let precise = |i: usize| spans[i].is_some_and(|(lo, hi)| (hi - lo).num_days() < 7);
    let score = |a: usize, b: usize| {
        if precise(a) && precise(b) {
            return evidence[a].score(&evidence[b]);
        }
        let predicate = mentions[a].predicate.as_str();
        let weak =
            evidence[a].keys().filter(|k| common.contains(&(predicate, k.as_str())) && evidence[b].has(k)).count();
        evidence[a].score(&evidence[b]).saturating_sub(weak)
    };
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    let mut seen = rustc_hash::FxHashSet::default();
    for list in postings.values_mut().filter(|l| l.len() > 1) {
        let window = if list.len() > WINDOW {
            list.sort_by_key(|&i| (time_key[i], i));
            WINDOW
        } else {
            list.len()
        };
        for (x, &a) in list.iter().enumerate() {
            for &b in list.iter().skip(x + 1).take(window) {
                if seen.insert((a.min(b), a.max(b))) {
                    pairs.push((a, b, score(a, b)));
                }
            }
        }
    }
    pairs.sort_by(|x, y| y.2.cmp(&x.2).then(x.0.cmp(&y.0)).then(x.1.cmp(&y.1)));
    pairs
}

/// Two reports whose clusters' times do not meet: a conflict when they disagree themselves
/// (not merely a cluster's narrowed window), with strong evidence and two names in common; for
/// kinds the same people repeat (meetings, visits, statements), the same place too.
fn conflict(
    mentions: &[EventMention],
    evidence: &[Evidence],
    spans: &[Option<(NaiveDate, NaiveDate)>],
    (a, b): (usize, usize),
    score: usize,
) -> Option<MergeConflict> {
    let own_disjoint = match (spans[a], spans[b]) {
        (Some(x), Some(y)) => x.1 < y.0 || y.1 < x.0,
        _ => false,
    };
    let named = evidence[a].names.intersection(&evidence[b].names).nth(1).is_some();
    let recurring =
        matches!(mentions[a].kind, None | Some(EventKind::Meeting | EventKind::Visit | EventKind::Statement));
    let same_place = evidence[a].place.is_some() && evidence[a].place == evidence[b].place;
    if score < CONFLICT_EVIDENCE || !own_disjoint || !named || (recurring && !same_place) {
        return None;
    }
    let value = |m: &EventMention| m.time.as_ref().map(|t| t.value.timex()).unwrap_or_default();
    Some(MergeConflict {
        a,
        b,
        reason: format!(
            "same {} by names and words, but dated {} and {}",
            mentions[a].kind.map_or_else(|| mentions[a].predicate.clone(), |k| format!("{k:?}")),
            value(&mentions[a]),
            value(&mentions[b])
        ),
    })
}

/// An undated report in another article than the cluster's reports is evidence of the cluster's
/// event only when enough is shared (names, a place, words of the label), and the more the
/// further its article's publication lies from the cluster's time: news dates what is not
/// recent, so a report without a time is most likely of the days before its article. Within
/// those days, one participant in common is enough ("Putin proposed talks" the day after "Putin
/// proposed Istanbul talks"), unless the labels say different things (see [`Evidence::score`]).
const UNDATED_NEED: [(i64, usize); 3] = [(7, 2), (31, 3), (i64::MAX, 4)];

/// Two undated reports whose articles lie further apart than this many days are never one
/// event: news dates what is not recent, and what both leave undated recurs (a market's daily
/// move, "made the remarks at a press conference").
const UNDATED_APART_DAYS: i64 = 31;

/// The evidence an undated report needs to join a cluster dated `window` (for a cluster of
/// undated reports too, the other report's publication day), from another article; `named`:
/// they have a participant in common and their labels do not say different things.
fn undated_need(
    m: &EventMention,
    published: &FxHashMap<&str, NaiveDate>,
    window: Option<(NaiveDate, NaiveDate)>,
    named: bool,
) -> usize {
    let away = match (window, published.get(m.article.as_str())) {
        (Some((lo, hi)), Some(&p)) => (p - hi).num_days().max((lo - p).num_days()).max(0),
        _ => 0,
    };
    let need = UNDATED_NEED.iter().find(|(days, _)| away <= *days).map_or(4, |(_, need)| *need);
    if named && away <= UNDATED_NEED[0].0 {
        need - 1
    } else {
        need
    }
}

/// The days a cluster's undated reports allow: an undated report of something done is of
/// something before its article was published (`by`); of something planned, after (`from`).
/// A report that says neither (a heading) may be either.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Allowed {
    from: Option<NaiveDate>,
    by: Option<NaiveDate>,
}

impl Allowed {
    fn of(m: &EventMention, dated: bool, published: &FxHashMap<&str, NaiveDate>) -> Allowed {
        let p = published.get(m.article.as_str()).copied().filter(|_| !dated);
        Allowed { from: p.filter(|_| m.planned), by: p.filter(|_| m.done) }
    }

    /// What two clusters' reports allow together.
    fn and(self, other: Allowed) -> Allowed {
        let later = |x: Option<NaiveDate>, y: Option<NaiveDate>| x.max(y);
        let earlier = |x: Option<NaiveDate>, y: Option<NaiveDate>| match (x, y) {
            (Some(x), Some(y)) => Some(x.min(y)),
            (x, y) => x.or(y),
        };
        Allowed { from: later(self.from, other.from), by: earlier(self.by, other.by) }
    }

    /// Whether one event can be both what the reports allow and dated `window`.
    fn admits(self, window: Option<(NaiveDate, NaiveDate)>) -> bool {
        let crossed = self.from.zip(self.by).is_some_and(|(from, by)| from > by);
        let missed =
            window.is_some_and(|(lo, hi)| self.by.is_some_and(|by| lo > by) || self.from.is_some_and(|f| hi < f));
        !crossed && !missed
    }
}

#[cfg(test)]
mod tests {
    use super::Countries;

    fn of(place: &str) -> Vec<&'static str> {
        Countries::of(Some(place)).0.into_iter().collect()
    }

    #[test]
    fn a_place_lies_in_the_country_it_ends_with_or_that_owns_it() {
        assert_eq!(of("southern Poland"), ["poland"]);
        assert_eq!(of("Kabul"), ["afghanistan"]);
        assert_eq!(of("China's Heilongjiang Province"), ["china"]);
        assert_eq!(of("the United States"), ["united states"]);
        assert_eq!(of("Doha of Qatar"), ["qatar"]);
    }

    #[test]
    fn a_country_that_only_describes_or_an_unknown_place_tells_nothing() {
        assert!(of("U.S. Embassy").is_empty());
        assert!(of("Busan").is_empty());
        assert!(of("New Mexico").is_empty());
        assert!(of("Northern Ireland").is_empty());
        assert_eq!(of("Papua New Guinea"), ["papua new guinea"]);
        assert_eq!(of("Krefeld, Germany"), ["germany"]);
        assert!(Countries::of(None).0.is_empty());
    }

    #[test]
    fn two_places_differ_only_when_both_are_known_and_share_no_country() {
        let (kabul, baghdad, iraq) =
            (Countries::of(Some("Kabul")), Countries::of(Some("Baghdad")), Countries::of(Some("Iraq")));
        assert!(kabul.differ(&baghdad));
        assert!(!baghdad.differ(&iraq));
        assert!(!kabul.differ(&Countries::of(Some("Busan"))));
    }
}
