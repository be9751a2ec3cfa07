//! The graph stage: event mentions from many articles become one set of events, merged,
//! related and ordered.
//!
//! - [`merge`]: mentions of one real event are joined (blocked candidates, union-find);
//! - here: each event takes the most precise compatible date of its mentions; edges are laid
//!   from dates and from the text's own relation words ("following", "since", "after",
//!   "before"); the graph is sorted topologically (petgraph), a cycle being reported as a
//!   conflict with its evidence, never silently broken; an undated event is bounded by what
//!   the graph and its articles' publication dates allow.

pub mod merge;

use crate::dates::TimeValue;
use crate::events::{EventKind, EventMention};
use chrono::NaiveDate;
use petgraph::algo::toposort;
use petgraph::graph::{DiGraph, NodeIndex};
use rustc_hash::FxHashMap;

/// One real event, with every report of it.
#[derive(Debug, Clone)]
pub struct MergedEvent {
    pub kind: Option<EventKind>,
    pub label: String,
    /// Its date: the most precise value its reports agree on.
    pub when: Option<TimeValue>,
    /// First and last day that date allows.
    pub days: Option<(NaiveDate, NaiveDate)>,
    /// The date is approximate or only a part of a span ("mid-June", "a few days earlier").
    pub approximate: bool,
    /// For an undated (or approximate) event: what bounds it.
    pub after: Option<(NaiveDate, String)>,
    pub before: Option<(NaiveDate, String)>,
    pub participants: Vec<String>,
    pub place: Option<String>,
    pub planned: bool,
    /// The reports, in article order.
    pub mentions: Vec<EventMention>,
}

/// Why one event comes before another.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// Their dates say so.
    Dates,
    /// A sentence says so (its article and text).
    Text { article: String, sentence: String },
}

/// An ordering edge: `before` happened before `after`.
#[derive(Debug, Clone)]
pub struct OrderEdge {
    pub before: usize,
    pub after: usize,
    pub evidence: Evidence,
}

/// Something the sources disagree on.
#[derive(Debug, Clone)]
pub struct Contradiction {
    /// The events concerned (indices into [`Ordered::events`]).
    pub events: Vec<usize>,
    pub reason: String,
    /// The sentences that disagree, as (article, sentence).
    pub evidence: Vec<(String, String)>,
}

/// The graph stage's result: events in chronological order, the relations between them and
/// the contradictions found.
#[derive(Debug, Clone, Default)]
pub struct Ordered {
    pub events: Vec<MergedEvent>,
    pub edges: Vec<OrderEdge>,
    pub conflicts: Vec<Contradiction>,
}

fn approximate(v: &TimeValue) -> bool {
    v.modifier().is_some() || matches!(v, TimeValue::Unanchored(_))
}

/// Builds the ordered events from every article's event mentions. `published` gives each
/// article's publication date, which bounds what its undated reports can refer to.
pub fn build(mentions: Vec<EventMention>, published: &FxHashMap<&str, NaiveDate>) -> Ordered {
    let (clusters, merge_conflicts) = merge::merge(&mentions, published);
    // Which cluster each mention went to, for the conflicts found while merging.
    let mut cluster_of = vec![0; mentions.len()];
    for (c, members) in clusters.iter().enumerate() {
        for &m in members {
            cluster_of[m] = c;
        }
    }
    // The conflicts' sentences, before the reports move into their events.
    let conflict_evidence: Vec<[(String, String); 2]> = merge_conflicts
        .iter()
        .map(|c| [c.a, c.b].map(|m| (mentions[m].article.clone(), mentions[m].sentence_text.clone())))
        .collect();
    // Each report moves into its event, never copied: memory stays one copy of the reports.
    let mut slots: Vec<Option<EventMention>> = mentions.into_iter().map(Some).collect();
    let events: Vec<MergedEvent> = clusters
        .iter()
        .map(|members| event_of(members.iter().filter_map(|&i| slots[i].take()).collect(), published))
        .collect();
    drop(slots);

    let (mut events, rank) = in_order(events);
    let edges = order_edges(&events);
    let mut conflicts: Vec<Contradiction> = cycle(events.len(), &edges).into_iter().collect();
    bound_undated(&mut events, &edges);
    // One conflict per pair of events: copies of a report disagree with the other side once.
    let mut reported = rustc_hash::FxHashSet::default();
    for (c, evidence) in merge_conflicts.into_iter().zip(conflict_evidence) {
        let (ea, eb) = (rank[cluster_of[c.a]], rank[cluster_of[c.b]]);
        if !reported.insert((ea.min(eb), ea.max(eb))) {
            continue;
        }
        conflicts.push(Contradiction {
            events: vec![ea.min(eb), ea.max(eb)],
            reason: c.reason,
            evidence: evidence.into(),
        });
    }
    Ordered { events, edges, conflicts }
}

/// The events in order, dated by their days and undated by their bounds, with each old
/// index's new place.
fn in_order(events: Vec<MergedEvent>) -> (Vec<MergedEvent>, Vec<usize>) {
    let key = |e: &MergedEvent| -> (NaiveDate, NaiveDate, u8) {
        match (e.days, &e.before, &e.after) {
            (Some((a, b)), _, _) => (a, b, 1),
            (None, Some((d, _)), _) => (d.pred_opt().unwrap_or(*d), *d, 0),
            (None, None, Some((d, _))) => (d.succ_opt().unwrap_or(*d), *d, 2),
            _ => (NaiveDate::MAX, NaiveDate::MAX, 3),
        }
    };
    let mut order: Vec<usize> = (0..events.len()).collect();
    order.sort_by(|&a, &b| key(&events[a]).cmp(&key(&events[b])).then(events[a].label.cmp(&events[b].label)));
    let mut rank = vec![0; order.len()];
    for (pos, &e) in order.iter().enumerate() {
        rank[e] = pos;
    }
    let mut unsorted: Vec<Option<MergedEvent>> = events.into_iter().map(Some).collect();
    (order.iter().filter_map(|&i| unsorted[i].take()).collect(), rank)
}

/// What orders the events: each dated event before the next one that starts after it ends;
/// and the text's relations ("following X", "after X", "since X" put X before; "before X",
/// "until X" after), each pair once.
fn order_edges(events: &[MergedEvent]) -> Vec<OrderEdge> {
    let mut edges = Vec::new();
    let dated: Vec<usize> = (0..events.len()).filter(|&i| events[i].days.is_some()).collect();
    for w in dated.windows(2) {
        let (a, b) = (events[w[0]].days.unwrap_or_default(), events[w[1]].days.unwrap_or_default());
        if a.1 < b.0 {
            edges.push(OrderEdge { before: w[0], after: w[1], evidence: Evidence::Dates });
        }
    }
    let mut linked: rustc_hash::FxHashSet<(usize, usize)> = edges.iter().map(|x| (x.before, x.after)).collect();
    // Which events each article that states a relation reports (for the referent's "same
    // article" preference), built once: never a scan of every event's reports per relation.
    let relating: rustc_hash::FxHashSet<&str> = events
        .iter()
        .flat_map(|e| e.mentions.iter().filter(|m| !m.relations.is_empty()).map(|m| m.article.as_str()))
        .collect();
    let reports: rustc_hash::FxHashSet<(&str, usize)> = events
        .iter()
        .enumerate()
        .flat_map(|(j, e)| {
            e.mentions.iter().map(|m| m.article.as_str()).filter(|a| relating.contains(a)).map(move |a| (a, j))
        })
        .collect();
    // The events each relation's object could name, with the words they share with it, once
    // for each object: copies of a report (one sentence under many outlets) cost one look-up.
    let labels: Vec<String> = events.iter().map(|e| e.label.to_lowercase()).collect();
    let mut named: FxHashMap<&str, Vec<(usize, usize)>> = FxHashMap::default();
    for (i, e) in events.iter().enumerate() {
        for m in &e.mentions {
            for r in &m.relations {
                let candidates =
                    named.entry(r.object.as_str()).or_insert_with(|| candidates(events, &labels, &r.object));
                let same = |j: usize| reports.contains(&(m.article.as_str(), j));
                let earlier = matches!(r.word.as_str(), "before" | "until");
                let order = |j: usize| if earlier { (i, j) } else { (j, i) };
                let fits = |j: usize| {
                    let (before, after) = order(j);
                    can_precede(&events[before], &events[after])
                };
                let Some(j) = find_referent(candidates, i, same, fits) else { continue };
                let (before, after) = order(j);
                if linked.insert((before, after)) {
                    let evidence = Evidence::Text { article: m.article.clone(), sentence: m.sentence_text.clone() };
                    edges.push(OrderEdge { before, after, evidence });
                }
            }
        }
    }
    edges
}

/// A cycle in the order is a contradiction: the text orders events against their dates.
fn cycle(events: usize, edges: &[OrderEdge]) -> Option<Contradiction> {
    let mut graph: DiGraph<usize, ()> = DiGraph::new();
    let nodes: Vec<NodeIndex> = (0..events).map(|i| graph.add_node(i)).collect();
    for x in edges {
        graph.add_edge(nodes[x.before], nodes[x.after], ());
    }
    let at = graph[toposort(&graph, None).err()?.node_id()];
    let involved: Vec<&OrderEdge> = edges.iter().filter(|x| x.before == at || x.after == at).collect();
    Some(Contradiction {
        events: involved
            .iter()
            .flat_map(|x| [x.before, x.after])
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect(),
        reason: "the text orders these events against their dates".into(),
        evidence: involved
            .iter()
            .filter_map(|x| match &x.evidence {
                Evidence::Text { article, sentence } => Some((article.clone(), sentence.clone())),
                Evidence::Dates => None,
            })
            .collect(),
    })
}

/// Bounds of undated events from the text's relations: after the last day of what precedes
/// them, before the first day of what follows. A relation that would bound an event after a
/// day later than the day it is already bounded before contradicts the dates, and bounds
/// nothing.
fn bound_undated(events: &mut [MergedEvent], edges: &[OrderEdge]) {
    for x in edges {
        if let Evidence::Text { .. } = x.evidence {
            if events[x.after].days.is_none() {
                if let Some((_, last)) = events[x.before].days {
                    let label = events[x.before].label.clone();
                    let e = &mut events[x.after];
                    if e.after.is_none() && e.before.as_ref().is_none_or(|(b, _)| last <= *b) {
                        e.after = Some((last, format!("after \"{label}\"")));
                    }
                }
            }
            if events[x.before].days.is_none() {
                if let Some((first, _)) = events[x.after].days {
                    let label = events[x.after].label.clone();
                    let e = &mut events[x.before];
                    if e.before.as_ref().is_none_or(|(d, _)| first < *d)
                        && e.after.as_ref().is_none_or(|(a, _)| *a <= first)
                    {
                        e.before = Some((first, format!("before \"{label}\"")));
                    }
                }
            }
        }
    }
}

/// The events a relation's object ("the invasion") could name: those of a kind it names, in
/// order, each with how many of the object's words its label shares.
fn candidates(events: &[MergedEvent], labels: &[String], object: &str) -> Vec<(usize, usize)> {
    let lower = object.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| w.len() > 3).collect();
    let kinds = crate::events::Triggers::get().kinds_named(&lower);
    events
        .iter()
        .enumerate()
        .filter(|(_, e)| e.kind.is_some_and(|k| kinds.contains(&k)))
        .map(|(j, _)| (j, words.iter().filter(|w| labels[j].contains(*w)).count()))
        .collect()
}

/// The event a relation names among its candidates that can stand in its order (`fits`):
/// preferring events that the relation's own article reports (`same`), then more shared words,
/// then the nearest in the list.
fn find_referent(
    candidates: &[(usize, usize)],
    me: usize,
    same: impl Fn(usize) -> bool,
    fits: impl Fn(usize) -> bool,
) -> Option<usize> {
    candidates
        .iter()
        .filter(|&&(j, _)| j != me && fits(j))
        .max_by_key(|(j, shared)| (2 * usize::from(same(*j)) + shared, usize::MAX - j.abs_diff(me)))
        .map(|(j, _)| *j)
}

/// Whether `before` can have come before `after` when either is undated. An undated report of
/// a done event happened by its article's day, so it cannot follow an event that began later
/// ("after returning from a foreign trip" in 2005 does not name a visit of 2006); a planned one
/// cannot come before an event that was over by its article's day. Two dated events are not
/// judged here: a text that orders them against their dates is a contradiction to report.
fn can_precede(before: &MergedEvent, after: &MergedEvent) -> bool {
    if before.days.is_some() && after.days.is_some() {
        return true;
    }
    // What comes first must be over by the time what follows is known to have happened.
    let over = before.days.map(|d| d.1).or(before.after.as_ref().map(|a| a.0));
    let known = after.days.map(|d| d.0).or(after.before.as_ref().map(|b| b.0));
    over.zip(known).is_none_or(|(over, known)| over <= known)
}

fn precision(v: &TimeValue) -> i64 {
    v.days().map_or(i64::MAX, |(a, b)| (b - a).num_days() + if approximate(v) { 1000 } else { 0 })
}

/// A day an event is known to come after or before, and why.
type Bound = (NaiveDate, String);

/// The bounds an undated event's reports give it, as (after, before) with the reason: a past
/// event happened before its article was published (the earliest such article), a planned
/// one after (the latest).
fn bounds(ms: &[EventMention], published: &FxHashMap<&str, NaiveDate>) -> (Option<Bound>, Option<Bound>) {
    let mut before = None;
    let mut after = None;
    for m in ms {
        let Some(&p) = published.get(m.article.as_str()) else { continue };
        if m.planned {
            if after.as_ref().is_none_or(|(d, _)| p > *d) {
                after = Some((p, format!("planned in article {} of {p}", m.article)));
            }
        } else if m.done && before.as_ref().is_none_or(|(d, _)| p < *d) {
            before = Some((p, format!("reported in article {} of {p}", m.article)));
        }
    }
    (after, before)
}

fn event_of(mut ms: Vec<EventMention>, published: &FxHashMap<&str, NaiveDate>) -> MergedEvent {
    ms.sort_by(|a, b| a.article.cmp(&b.article).then(a.span.start.cmp(&b.span.start)));
    // The most precise date wins; its report gives the label.
    let best = ms.iter().filter(|m| m.time.as_ref().is_some_and(|t| t.value.days().is_some())).min_by_key(|m| {
        precision(
            &m.time.as_ref().map(|t| t.value).unwrap_or(TimeValue::Reference(crate::dates::values::Reference::Present)),
        )
    });
    // ... but a day inside a span of days another report states ("on Sunday" of a summit
    // "held on June 15-16") is a part of the event, not a more precise date of it.
    let best = best.map(|b| {
        let inner = b.time.as_ref().and_then(|t| t.value.days());
        ms.iter()
            .filter(|m| {
                m.time.as_ref().is_some_and(|t| {
                    matches!(t.value, TimeValue::Range { .. })
                        && !approximate(&t.value)
                        && t.value.days().zip(inner).is_some_and(|((a, z), (x, y))| a < z && a <= x && y <= z)
                })
            })
            .min_by_key(|m| m.time.as_ref().map_or(i64::MAX, |t| precision(&t.value)))
            .unwrap_or(b)
    });
    let when = best.and_then(|m| m.time.as_ref().map(|t| t.value));
    // The label: a report that names the event's place or people, in a few words, preferring
    // the most precisely dated one.
    let best_precision = best.and_then(|m| m.time.as_ref()).map(|t| precision(&t.value));
    let label = ms
        .iter()
        .max_by_key(|m| {
            let names = m.place.iter().chain(m.participants.iter()).any(|n| m.label.contains(n.as_str()));
            let words = m.label.split_whitespace().count();
            let precise = m.time.as_ref().map(|t| precision(&t.value)) == best_precision && best_precision.is_some();
            (names, (3..=10).contains(&words), precise, std::cmp::Reverse(m.label.len()))
        })
        .map(|m| m.label.clone())
        .unwrap_or_default();
    let mut participants: Vec<String> = ms.iter().flat_map(|m| m.participants.iter().cloned()).collect();
    participants.sort();
    participants.dedup();
    let place = ms.iter().find_map(|m| m.place.clone());
    let days = when.and_then(|v| v.days());
    // Planned when a report says so, none says it happened, and none that does not call it
    // planned was published after its first day. A report that says neither ("negotiations
    // with Ukraine") does not make it done.
    let reported_since = |first: NaiveDate| {
        ms.iter().any(|m| !m.planned && published.get(m.article.as_str()).is_some_and(|&p| p > first))
    };
    let planned = ms.iter().any(|m| m.planned)
        && !ms.iter().any(|m| m.done)
        && !days.is_some_and(|(first, _)| reported_since(first));
    let approximate = when.is_some_and(|v| approximate(&v));
    let (after, before) = if when.is_none() { bounds(&ms, published) } else { (None, None) };
    MergedEvent {
        kind: ms[0].kind,
        label,
        when,
        days,
        approximate,
        after,
        before,
        participants,
        place,
        planned,
        mentions: ms,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event(label: &str, days: Option<(u32, u32)>) -> MergedEvent {
        let day = |d: u32| NaiveDate::from_ymd_opt(2006, 11, d).expect("a day of November");
        MergedEvent {
            kind: None,
            label: label.to_string(),
            when: None,
            days: days.map(|(a, b)| (day(a), day(b))),
            approximate: false,
            after: None,
            before: None,
            participants: Vec::new(),
            place: None,
            planned: false,
            mentions: Vec::new(),
        }
    }

    fn text(before: usize, after: usize) -> OrderEdge {
        OrderEdge { before, after, evidence: Evidence::Text { article: "a".into(), sentence: "s".into() } }
    }

    #[test]
    fn relations_bound_an_undated_event_between_its_neighbours() {
        let mut events = vec![event("talks", Some((3, 3))), event("meeting", None), event("vote", Some((9, 10)))];
        bound_undated(&mut events, &[text(0, 1), text(1, 2)]);
        assert_eq!(events[1].after.as_ref().map(|a| a.0.to_string()), Some("2006-11-03".into()));
        assert_eq!(events[1].before.as_ref().map(|b| b.0.to_string()), Some("2006-11-09".into()));
    }

    #[test]
    fn relations_that_contradict_the_dates_never_cross_the_bounds() {
        // after the 13th by one relation, before the 1st by another: the second bounds nothing
        let mut events = vec![event("talks", Some((13, 13))), event("meeting", None), event("vote", Some((1, 1)))];
        bound_undated(&mut events, &[text(0, 1), text(1, 2)]);
        let (after, before) = (&events[1].after, &events[1].before);
        assert_eq!(after.as_ref().map(|a| a.0.to_string()), Some("2006-11-13".into()));
        assert!(before.is_none(), "{before:?}");
        // and the other way round: a before first keeps a later after out
        let mut events = vec![event("talks", Some((13, 13))), event("meeting", None), event("vote", Some((1, 1)))];
        bound_undated(&mut events, &[text(1, 2), text(0, 1)]);
        assert!(events[1].after.is_none() && events[1].before.is_some());
    }
}
