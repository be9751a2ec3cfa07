//! The whole pipeline: the bundled corpus's timeline against its checked-in snapshot (any
//! change to the result shows in review), round trips of the JSON/RON contract, the story's
//! order, and small hand-made article sets for each merging and ordering rule.
//!
//! After an intended change, run `TIMELINE_BLESS=1 cargo test --test timeline` and review the
//! diff of `timelines/ukraine-ceasefire/timeline.*`.

use std::path::{Path, PathBuf};
use timeline::corpus::{Article, Corpus, ReadOptions};
use timeline::events::EventKind;
use timeline::timeline::{Format, Timeline};

fn corpus_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire")
}

fn bundled() -> Timeline {
    let c = Corpus::read(&[corpus_dir()], &ReadOptions::default()).unwrap();
    Timeline::build(c.title.clone(), &c.articles)
}

fn check_snapshot(path: &Path, fresh: &str) {
    if std::env::var_os("TIMELINE_BLESS").is_some() {
        std::fs::write(path, fresh).unwrap();
        return;
    }
    let old = std::fs::read_to_string(path).unwrap_or_default();
    if old != fresh {
        let at = old
            .lines()
            .zip(fresh.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(old.lines().count().min(fresh.lines().count()));
        panic!(
            "{} differs from the pipeline's output at line {}:\n  checked in: {:?}\n  now:        {:?}\n(review, then TIMELINE_BLESS=1 cargo test --test timeline)",
            path.display(),
            at + 1,
            old.lines().nth(at),
            fresh.lines().nth(at)
        );
    }
}

#[test]
fn bundled_timeline_matches_its_snapshot() {
    let t = bundled();
    // every format `timeline build` writes, as checked in beside the corpus
    for &format in Format::ALL {
        let path = corpus_dir().join(format!("timeline.{}", format.extension()));
        check_snapshot(&path, &t.render(format).unwrap());
    }
}

#[test]
fn ron_and_json_read_back_to_the_same_value() {
    let t = bundled();
    assert_eq!(Timeline::from_ron(&t.to_ron().unwrap()).unwrap(), t);
    assert_eq!(Timeline::from_json(&t.to_json().unwrap()).unwrap(), t);
    if std::env::var_os("TIMELINE_BLESS").is_none() {
        // (while blessing, the snapshot test is rewriting this file)
        let checked_in = std::fs::read_to_string(corpus_dir().join("timeline.ron")).unwrap();
        assert_eq!(Timeline::from_ron(&checked_in).unwrap(), t);
    }
}

#[test]
fn the_story_in_order_each_event_once() {
    let t = bundled();
    // (kind, TIMEX3 value or "" for undated, articles that must all be among its sources).
    // Bare statements ("Blinken told reporters in Kiev", "Putin said ...") are not entries.
    let story: &[(EventKind, &str, &[&str])] = &[
        (EventKind::Annexation, "2014", &["001"]),
        (EventKind::Invasion, "2022-02", &["003", "004"]),
        (EventKind::Mobilisation, "2022-09", &["001"]),
        (EventKind::Election, "2024-03", &["001"]),
        (EventKind::Appointment, "", &["001"]),
        (EventKind::Meeting, "2024-06-15/2024-06-16", &["001", "002"]),
        (EventKind::Meeting, "2025-W16", &["004"]),
        (EventKind::Threat, "2025-04-18", &["003", "004"]),
        (EventKind::Statement, "2025-W16", &["003"]),
        // The Easter truce: announced over the weekend, held on Easter Sunday. (An entry on
        // Apr 19 once came from "A ceasefire ... Zelenskiy had stated earlier Saturday": the
        // day of the statement, not of a ceasefire.)
        (EventKind::Truce, "2025-04-20", &["004"]),
        (EventKind::Proposal, "2025-04-21", &["003", "004"]),
        (EventKind::Meeting, "2025-04-23", &["004"]),
    ];
    let mut last = 0;
    for (kind, value, sources) in story {
        let hits: Vec<usize> = t
            .events
            .iter()
            .enumerate()
            .filter(|(_, e)| e.kind == Some(*kind) && e.when.as_ref().map_or(value.is_empty(), |w| w.value == *value))
            .map(|(i, _)| i)
            .collect();
        assert_eq!(hits.len(), 1, "{kind:?} {value}: expected once, found {}", hits.len());
        let e = &t.events[hits[0]];
        for s in *sources {
            assert!(e.mentions.iter().any(|m| m.article == *s), "{kind:?} {value}: no source {s}");
        }
        // dated events in date order (the undated appointment stands where its bounds put it)
        if !value.is_empty() {
            assert!(hits[0] >= last, "{kind:?} {value} is out of order");
            last = hits[0];
        }
    }
    // Every entry shows its sources and the words its date came from.
    for e in t.events.iter().filter(|e| e.when.is_some()) {
        assert!(e.mentions.iter().any(|m| m.time_text.is_some()), "{}: no date words", e.label);
    }
}

fn build(articles: &[(&str, &str, &str)]) -> Timeline {
    let a: Vec<Article> = articles.iter().map(|(id, d, text)| Article::new(*id, *text, d.parse().ok())).collect();
    Timeline::build(None, &a)
}

#[test]
fn same_event_in_different_words_is_one_entry() {
    let t = build(&[
        ("a", "2024-06-20", "Leaders held a peace summit in Geneva on Monday."),
        ("b", "2024-06-21", "The peace conference in Geneva on June 17 drew 90 countries, officials said."),
    ]);
    let summits: Vec<_> = t.events.iter().filter(|e| e.kind == Some(EventKind::Meeting)).collect();
    assert_eq!(summits.len(), 1, "{:#?}", t.events);
    assert_eq!(summits[0].when.as_ref().unwrap().value, "2024-06-17");
    assert_eq!(summits[0].mentions.len(), 2);
}

#[test]
fn different_events_on_one_day_stay_apart() {
    let t = build(&[
        ("a", "2024-06-20", "Russia and Ukraine held talks in Istanbul on Monday."),
        ("b", "2024-06-20", "Israel announced a truce in Gaza on Monday."),
    ]);
    assert_eq!(t.events.len(), 2, "{:#?}", t.events);
    assert!(t.events.iter().all(|e| e.when.as_ref().unwrap().value == "2024-06-17"));
}

#[test]
fn incompatible_dates_of_one_event_are_a_conflict() {
    let t = build(&[
        ("a", "2024-06-20", "The peace summit in Geneva on June 3 gathered Zelensky, Macron and Scholz."),
        ("b", "2024-06-20", "The peace summit in Geneva on June 10 gathered Zelensky, Macron and Scholz."),
    ]);
    assert_eq!(t.conflicts.len(), 1, "{:#?}", t);
    assert_eq!(t.conflicts[0].evidence.len(), 2);
    assert_eq!(t.events.len(), 2, "conflicting reports are not averaged into one");
}

#[test]
fn an_undated_event_is_placed_between_what_bounds_it() {
    let t = build(&[
        (
            "a",
            "2024-05-20",
            "Russia invaded the region on May 3. Since the invasion, Putin has appointed Ivan Petrov as governor.",
        ),
        ("b", "2024-06-01", "A truce in the region was announced on May 28."),
    ]);
    let i = t.events.iter().position(|e| e.kind == Some(EventKind::Appointment)).expect("the appointment");
    let e = &t.events[i];
    assert!(e.when.is_none());
    let b = e.bounds.as_ref().expect("bounds");
    assert_eq!(b.after.as_deref(), Some("2024-05-03"));
    assert_eq!(b.before.as_deref(), Some("2024-05-20"));
    let invasion = t.events.iter().position(|e| e.kind == Some(EventKind::Invasion)).unwrap();
    let truce = t.events.iter().position(|e| e.kind == Some(EventKind::Truce)).unwrap();
    assert!(invasion < i && i < truce, "{:#?}", t.events.iter().map(|e| &e.label).collect::<Vec<_>>());
}

#[test]
fn a_relation_orders_only_the_events_it_names() {
    // "Following a conference in Paris" puts the exploring after the conference; it says
    // nothing of where either stands against the London talks.
    let t = build(&[(
        "a",
        "2025-04-22",
        "Talks will be held in London on Wednesday. Following a conference in Paris last week, \
         the U.S. and European nations explored ways to end the war.",
    )]);
    assert_eq!(t.events.iter().filter(|e| e.kind == Some(EventKind::Meeting)).count(), 2, "{:#?}", t.events);
    let london = t.events.iter().find(|e| e.label.contains("London")).expect("the London talks");
    let paris = t.events.iter().find(|e| e.label.contains("Paris")).expect("the Paris conference");
    for r in t.relations.iter().filter(|r| r.evidence != "dates") {
        assert!(r.before != london.id && r.after != london.id, "{r:?}");
        assert_eq!(r.before, paris.id, "{r:?}");
    }
}

#[test]
fn reports_of_different_rounds_stay_apart() {
    // A heading about the second round, in an article that dates only the first: the heading
    // may not take the first round's date.
    let t = build(&[(
        "a",
        "2025-06-02",
        "Second round of Istanbul talks ends within an hour\n\nThe first round of talks was held in Istanbul on May 16.",
    )]);
    let dated: Vec<&str> = t
        .events
        .iter()
        .filter(|e| e.when.as_ref().is_some_and(|w| w.value == "2025-05-16"))
        .map(|e| e.label.as_str())
        .collect();
    assert_eq!(dated, ["First round of talks held in Istanbul"], "{:#?}", t.events);
    assert!(t.events.iter().filter(|e| e.label.contains("Second")).all(|e| e.when.is_none()));
}

#[test]
fn a_demanded_ceasefire_is_not_a_ceasefire() {
    let t = build(&[(
        "a",
        "2025-05-12",
        "On Saturday, European leaders had demanded an unconditional ceasefire. Zelensky urged Russia \
         to agree to a full ceasefire from Monday.",
    )]);
    assert!(t.events.iter().all(|e| e.kind != Some(EventKind::Truce)), "{:#?}", t.events);
}

#[test]
fn an_entry_is_planned_until_a_later_report_says_otherwise() {
    // A report of the coming summit, and one that names it without saying whether it happened.
    let coming = ("a", "2024-06-10", "Zelensky will attend the peace summit in Geneva on June 17.");
    let named = ("b", "2024-06-12", "The peace summit in Geneva with Zelensky is important.");
    let t = build(&[coming, named]);
    let summit = t.events.iter().find(|e| e.kind == Some(EventKind::Meeting)).expect("the summit");
    assert_eq!(summit.mentions.len(), 2, "{:#?}", t.events);
    assert!(summit.planned, "a report that says neither does not make it done: {summit:#?}");
    // The same report published after the summit's day: it has happened by then.
    let t = build(&[coming, ("b", "2024-06-20", named.2)]);
    let summit = t.events.iter().find(|e| e.kind == Some(EventKind::Meeting)).expect("the summit");
    assert_eq!(summit.mentions.len(), 2, "{:#?}", t.events);
    assert!(!summit.planned, "{summit:#?}");
}
