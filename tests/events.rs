//! The entries of the event stage (`events::entries`, what `timeline build` merges) on the
//! bundled corpus and on small hand-made sentences: what each article reports happened, of
//! which kind, with the date that anchors it; nothing denied, hypothetical or from page
//! furniture.

use std::path::PathBuf;
use timeline::corpus::{Article, Corpus, ReadOptions};
use timeline::dates::{DateExtractor, Options};
use timeline::events::entries::EntryExtractor;
use timeline::events::{EventKind, EventMention};

fn events_of(a: &Article) -> Vec<EventMention> {
    let dates = DateExtractor::new(Options::default()).extract(a);
    EntryExtractor::new().extract(a, &dates)
}

fn bundled() -> Vec<(Article, Vec<EventMention>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire");
    let corpus = Corpus::read(&[dir], &ReadOptions::default()).unwrap();
    corpus
        .articles
        .into_iter()
        .map(|a| {
            let e = events_of(&a);
            (a, e)
        })
        .collect()
}

/// (article, kind, TIMEX3 value of the anchor or "-" for undated, a word of the label)
const EXPECTED: &[(&str, EventKind, &str, &str)] = &[
    ("001", EventKind::Annexation, "2014", "annexed"),
    ("003", EventKind::Invasion, "2022-02", "invasion"),
    ("004", EventKind::Invasion, "2022-02", "invasion"),
    ("001", EventKind::Mobilisation, "2022-09", "Mobilization"),
    ("001", EventKind::Election, "2024-03", "elected"),
    ("001", EventKind::Meeting, "2024-06", "conference"),
    ("002", EventKind::Meeting, "2024-06-15/2024-06-16", "conference"),
    ("004", EventKind::Meeting, "2025-W16", "Paris"),
    ("004", EventKind::Threat, "2025-04-18", "Trump"),
    ("003", EventKind::Threat, "2025-04-19", "threatened"),
    ("004", EventKind::Truce, "2025-W16-WE", "truce"),
    ("004", EventKind::Proposal, "2025-04-21", "bilateral talks"),
    ("003", EventKind::Proposal, "-", "Putin proposed"),
    ("004", EventKind::Meeting, "2025-04-23", "Ukraine will participate in negotiations"),
];

#[test]
fn bundled_corpus_reports_the_story_events() {
    let all = bundled();
    let mut missing = Vec::new();
    for (id, kind, value, word) in EXPECTED {
        let found = all.iter().filter(|(a, _)| a.id == *id).flat_map(|(_, e)| e).any(|e| {
            e.kind == Some(*kind)
                && e.time.as_ref().map_or("-".to_string(), |t| t.value.timex()) == *value
                && e.label.to_lowercase().contains(&word.to_lowercase())
        });
        if !found {
            missing.push(format!("{id} {kind:?} {value} {word:?}"));
        }
    }
    let listing: Vec<String> = all
        .iter()
        .flat_map(|(_, e)| e)
        .map(|e| format!("{} {:?} {:?} {:?}", e.article, e.kind, e.label, e.time.as_ref().map(|t| t.value.timex())))
        .collect();
    assert!(missing.is_empty(), "missing events:\n{}\nfound:\n{}", missing.join("\n"), listing.join("\n"));
    // Planned events are marked as such.
    assert!(all.iter().flat_map(|(_, e)| e).any(|e| e.planned && e.place.as_deref() == Some("London")));
}

#[test]
fn nothing_from_page_furniture_and_no_duration_as_an_anchor() {
    for (a, events) in bundled() {
        let layout = timeline::furniture::layout(&a.text);
        for e in &events {
            assert!(layout.is_story(e.span.start), "{}: event {:?} read from furniture", a.id, e.label);
            if let Some(t) = &e.time {
                assert!(
                    t.value.days().is_some() || t.value.timex().starts_with('X'),
                    "{} {:?} anchored by {}",
                    a.id,
                    e.label,
                    t.value
                );
            }
        }
    }
}

fn one(text: &str, published: &str) -> Vec<EventMention> {
    events_of(&Article::new("t", text, published.parse().ok()))
}

#[test]
fn denied_and_hypothetical_reports_are_not_events() {
    assert!(one("Peskov said, \"Russia does not need mobilization.\"", "2024-05-25")
        .iter()
        .all(|e| e.kind != Some(EventKind::Mobilisation)));
    assert!(one("More successes will require another mobilization, which he does not want.", "2024-05-25").is_empty());
    assert!(one("Any negotiations must be based on new realities.", "2024-05-25").is_empty());
}

#[test]
fn a_year_that_modifies_a_noun_does_not_anchor_an_event() {
    let e = one("Zelensky insists on Ukraine's 1991 borders and has signed a decree banning talks.", "2024-05-25");
    assert!(e.iter().all(|e| e.time.is_none()), "{e:?}");
}

#[test]
fn a_statement_takes_the_kind_of_what_it_reports() {
    let e = one("Moscow announced a 30-hour Easter truce over the weekend.", "2025-04-22");
    assert_eq!(e.len(), 1, "{e:?}");
    assert_eq!(e[0].kind, Some(EventKind::Truce));
    assert_eq!(e[0].time.as_ref().unwrap().value.timex(), "2025-W16-WE");
    assert_eq!(e[0].label, "Moscow announced 30-hour Easter truce");
    let e = one("Trump stated on Friday that Washington could end the talks if no progress was made.", "2025-04-22");
    assert_eq!(e[0].kind, Some(EventKind::Threat));
}

#[test]
fn topic_words_alone_are_not_events() {
    // "a ceasefire" as the topic of a sentence, with no date, name or place pinning it down
    assert!(one("Putin is also ready for a ceasefire and a freeze on the war.", "2024-05-25").is_empty());
}
