//! Key events: each entry's importance, the ranking of days, `top` and `top_days`, and the
//! words that explain a rank. The bundled corpus's five key events are a snapshot
//! (`timelines/ukraine-ceasefire/key-events.txt`; bless as in `tests/timeline.rs`).

use std::path::PathBuf;
use timeline::corpus::{Article, Corpus, ReadOptions};
use timeline::timeline::{rank, Timeline};

fn bundled() -> Timeline {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire");
    let c = Corpus::read(&[dir], &ReadOptions::default()).unwrap();
    Timeline::build(c.title.clone(), &c.articles)
}

fn article(id: &str, text: &str, published: &str) -> Article {
    Article::new(id, text, published.parse().ok())
}

fn event<'a>(t: &'a Timeline, label_part: &str) -> &'a timeline::timeline::Event {
    t.events.iter().find(|e| e.label.contains(label_part)).unwrap_or_else(|| panic!("no event {label_part:?}"))
}

#[test]
fn the_ranking_is_the_same_on_every_build() {
    let (a, b) = (bundled(), bundled());
    assert_eq!(a, b);
    assert_eq!(rank::order(&a), rank::order(&b));
    assert!(a.events.iter().all(|e| e.importance > 0.0));
}

#[test]
fn top_keeps_the_k_most_important_in_date_order_with_their_ids() {
    let t = bundled();
    for k in [0, 1, 5, t.events.len(), t.events.len() + 3] {
        let key = t.top(k);
        assert_eq!(key.events.len(), k.min(t.events.len()));
        let least_kept = key.events.iter().map(|e| e.importance).fold(f64::INFINITY, f64::min);
        let dropped = t.events.iter().filter(|e| !key.events.iter().any(|k| k.id == e.id));
        assert!(dropped.into_iter().all(|e| e.importance <= least_kept), "top {k} keeps the most important");
        // in the full timeline's (date) order, with the same ids
        let positions: Vec<usize> = key.events.iter().map(|e| t.events.iter().position(|f| f == e).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]));
        // relations only among kept entries
        assert!(key.relations.iter().all(|r| key.event(&r.before).is_some() && key.event(&r.after).is_some()));
    }
}

#[test]
fn a_day_is_what_its_entries_add_up_to() {
    let t = bundled();
    let days = t.days();
    assert!(!days.is_empty());
    assert!(days.windows(2).all(|w| w[0].importance >= w[1].importance));
    for d in &days {
        let sum: f64 = d.events.iter().map(|id| t.event(id).unwrap().importance).sum();
        assert!((sum - d.importance).abs() < 1e-3, "{}: {sum} against {}", d.day, d.importance);
    }
    let key = t.top_days(2);
    let chosen: Vec<_> = days.iter().take(2).map(|d| d.day).collect();
    assert_eq!(key.events.len(), days.iter().take(2).map(|d| d.events.len()).sum::<usize>());
    assert!(key.events.iter().all(|e| chosen.contains(&rank::day_of(e).unwrap())));
}

#[test]
fn more_reports_and_more_references_matter_more() {
    let t = Timeline::build(
        None,
        &[
            article(
                "a",
                "The army annexed the island on Monday. A new governor was appointed on Tuesday.",
                "2024-03-06",
            ),
            article("b", "The army annexed the island on March 4, witnesses said.", "2024-03-07"),
            article("c", "Since the island fell on March 4, prices have doubled.", "2024-03-30"),
            article("d", "Markets were quiet on March 4.", "2024-03-05"),
        ],
    );
    let annexed = event(&t, "nnexed");
    assert_eq!(annexed.when.as_ref().unwrap().value, "2024-03-04");
    assert_eq!(annexed.signals.reports, 2);
    // c and d refer to March 4 without reporting the annexation; c looks back weeks later
    assert_eq!(annexed.signals.referred_by, 2);
    assert_eq!(annexed.signals.retrospective, 1);
    assert!(annexed.signals.lead, "a's first sentence reports it");
    let appointed = event(&t, "appointed");
    assert_eq!(appointed.signals.reports, 1);
    assert_eq!(appointed.signals.referred_by, 0);
    assert!(annexed.importance > appointed.importance);
    assert_eq!(t.top(1).events[0].id, annexed.id);
}

#[test]
fn planned_and_coarse_entries_weigh_less() {
    let t = Timeline::build(
        None,
        &[
            article("a", "Ministers will hold talks on March 20 in Geneva.", "2024-03-06"),
            article("b", "The president visited Geneva on March 1.", "2024-03-06"),
            article("c", "A truce was agreed in Geneva in February.", "2024-03-06"),
        ],
    );
    let planned = t.events.iter().find(|e| e.planned).expect("a planned meeting");
    let done = t.events.iter().find(|e| e.when.as_ref().is_some_and(|w| w.value == "2024-03-01")).unwrap();
    let month = t.events.iter().find(|e| e.when.as_ref().is_some_and(|w| w.value == "2024-02")).unwrap();
    assert!(done.importance > planned.importance);
    assert!(done.importance > month.importance);
}

#[test]
fn the_rank_is_explained_in_words() {
    let t = bundled();
    let why = rank::explanations(&t);
    let first = rank::order(&t)[0];
    assert!(why[first].starts_with(&format!("rank 1 of {}", t.events.len())), "{}", why[first]);
    assert!(why.iter().all(|w| w.contains("reported by ")));
    let summit =
        t.events.iter().position(|e| e.when.as_ref().is_some_and(|w| w.value == "2024-06-15/2024-06-16")).unwrap();
    assert!(why[summit].contains("reported by 2 articles"), "{}", why[summit]);
    assert!(why[summit].contains("dated to the day"), "{}", why[summit]);
}

#[test]
fn the_bundled_key_events_match_their_snapshot() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire/key-events.txt");
    let fresh = timeline::timeline::write::text(&bundled().top(5), true);
    if std::env::var_os("TIMELINE_BLESS").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let old = std::fs::read_to_string(&path).unwrap_or_default();
    assert_eq!(old, fresh, "{} differs (review, then TIMELINE_BLESS=1 cargo test --test rank)", path.display());
}
