//! The formats to publish, read back: the iCalendar file parsed by the `icalendar` crate's
//! parser and checked event by event against the timeline; the TimelineJS document's dates at
//! their precision; the Markdown chronology's order and quotes; the HTML page's structure and
//! escaping. (The page and TimelineJS in a real browser: tests/browser.rs.)

use chrono::{Days, NaiveDate};
use icalendar::{Calendar, CalendarComponent, Component, DatePerhapsTime, EventLike};
use timeline::corpus::{bundled, Article, Corpus, ReadOptions};
use timeline::timeline::write::{date_column, html, ics, markdown, timelinejs};
use timeline::timeline::Timeline;

fn bundled_timeline() -> Timeline {
    let c = Corpus::read(&[bundled()], &ReadOptions::default()).unwrap();
    Timeline::build(c.title.clone(), &c.articles)
}

fn day_of(d: DatePerhapsTime) -> NaiveDate {
    match d {
        DatePerhapsTime::Date(d) => d,
        other => panic!("an all-day event has a DATE value, not {other:?}"),
    }
}

#[test]
fn icalendar_reads_back_event_by_event() {
    let t = bundled_timeline();
    let text = ics::calendar(&t);
    let cal: Calendar = text.parse().expect("the iCalendar output parses");
    let events: Vec<&icalendar::Event> = cal
        .components
        .iter()
        .filter_map(|c| match c {
            CalendarComponent::Event(e) => Some(e),
            _ => None,
        })
        .collect();
    let in_calendar: Vec<&timeline::timeline::Event> = t.events.iter().filter(|e| ics::in_calendar(e)).collect();
    assert_eq!(events.len(), in_calendar.len());
    assert!(events.len() >= 12, "the month-to-day events of the story: {}", events.len());
    let mut uids = std::collections::HashSet::new();
    for (ev, e) in events.iter().zip(&in_calendar) {
        assert_eq!(ev.get_summary(), Some(e.label.as_str()));
        let (first, last) = e.days().unwrap();
        assert_eq!(day_of(ev.get_start().unwrap()), first, "{}", e.label);
        // DTEND of an all-day event is the day after its last (RFC 5545, 3.6.1)
        assert_eq!(day_of(ev.get_end().unwrap()), last.checked_add_days(Days::new(1)).unwrap(), "{}", e.label);
        let desc = ev.get_description().unwrap();
        assert!(desc.starts_with(&date_column(e)), "{desc}");
        for s in e.sources() {
            assert!(desc.contains(&format!("{s}: \"")), "{}: evidence of {s} in {desc}", e.label);
        }
        assert!(uids.insert(ev.get_uid().unwrap().to_string()), "UIDs are unique");
        assert_eq!(ev.get_location(), e.place.as_deref());
    }
    // the summit: two whole days
    let label = summit_of(&bundled_timeline()).label.clone();
    let summit = events.iter().find(|e| e.get_summary() == Some(label.as_str())).unwrap();
    assert_eq!(day_of(summit.get_start().unwrap()).to_string(), "2024-06-15");
    assert_eq!(day_of(summit.get_end().unwrap()).to_string(), "2024-06-17");
    // what a calendar cannot hold is named, not dropped
    let about = cal.get_description().unwrap();
    assert!(
        about.contains("Andrei Belousov appointed") && about.contains("2014: Crimean Peninsula annexed"),
        "{about}"
    );
    // the same articles give the same file
    assert_eq!(ics::calendar(&bundled_timeline()), text);
}

#[test]
fn timelinejs_dates_are_at_the_precision_known() {
    let t = bundled_timeline();
    let doc: serde_json::Value = serde_json::from_str(&timelinejs::to_json(&t).unwrap()).unwrap();
    let events = doc["events"].as_array().unwrap();
    assert_eq!(events.len(), t.events.iter().filter(|e| e.when.is_some() || e.bounds.is_some()).count());
    let by_id = |id: &str| events.iter().find(|e| e["unique_id"] == id).unwrap();
    let year = t.events.iter().find(|e| e.label == "Crimean Peninsula annexed").unwrap();
    assert_eq!(by_id(&year.id)["start_date"], serde_json::json!({"year": 2014}));
    assert!(by_id(&year.id).get("end_date").is_none());
    let summit = summit_of(&t);
    assert_eq!(by_id(&summit.id)["end_date"], serde_json::json!({"year": 2024, "month": 6, "day": 16}));
    assert_eq!(by_id(&summit.id)["display_date"], "Jun 15-16, 2024");
    let groups: std::collections::BTreeSet<&str> = events.iter().filter_map(|e| e["group"].as_str()).collect();
    assert_eq!(groups.into_iter().collect::<Vec<_>>(), ["Coverage of Apr 22, 2025", "Coverage of May 25, 2024"]);
    assert!(doc["title"]["text"]["text"].as_str().unwrap().contains("Decision of Volodymyr Zelensky (000, 001)"));
}

#[test]
fn markdown_lists_every_event_in_order_with_its_quotes() {
    let t = bundled_timeline();
    let md = markdown::chronology(&t);
    let items: Vec<&str> = md.lines().filter(|l| l.starts_with("- **")).collect();
    assert_eq!(items.len(), t.events.len());
    for (line, e) in items.iter().zip(&t.events) {
        assert!(line.contains(&format!("({})", e.sources().join(", "))), "{line}");
    }
    assert!(md.contains("## 2024\n") && md.contains("## 2025\n"));
    assert!(md.contains("- **Jun 15\\-16, 2024**") || md.contains("- **Jun 15-16, 2024**"), "{md}");
    assert!(md.contains("  > 002: \"The country is now preparing for the “peace summit”"));
}

#[test]
fn html_escapes_what_the_articles_say() {
    let t = Timeline::build(
        Some("<script>alert(1)</script> & co".into()),
        &[Article::new(
            "<b>x</b>",
            "Putin suggested on Monday that \"Russia & Ukraine\" hold <i>bilateral</i> talks.",
            "2025-04-22".parse().ok(),
        )],
    );
    let page = html::page(&t);
    assert!(!page.contains("<script>alert"));
    assert!(page.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"));
    assert!(page.contains("data-sources=\"0\""), "sources are article indexes");
    assert!(page.contains("data-id=\"&lt;b&gt;x&lt;/b&gt;\""));
    assert!(page.contains("&quot;Russia &amp; Ukraine&quot; hold &lt;i&gt;bilateral&lt;/i&gt;"));
    assert_eq!(page.matches("<script>").count(), 1, "only the page's own script");
    let md = markdown::chronology(&t);
    assert!(md.contains("\\<i\\>bilateral\\</i\\>"), "{md}");
}

#[test]
fn html_shows_conflicts_on_their_entries_and_lists_them() {
    let t = Timeline::build(
        None,
        &[
            Article::new(
                "a",
                "The peace summit in Geneva on June 3 gathered Zelensky, Macron and Scholz.",
                "2024-06-20".parse().ok(),
            ),
            Article::new(
                "b",
                "The peace summit in Geneva on June 10 gathered Zelensky, Macron and Scholz.",
                "2024-06-20".parse().ok(),
            ),
        ],
    );
    assert_eq!(t.conflicts.len(), 1);
    let page = html::page(&t);
    assert_eq!(page.matches("<li class=\"event conflict\"").count(), 2, "{page}");
    assert_eq!(page.matches("<a href=\"#conflict-1\">").count(), 2);
    assert!(page.contains("<section id=\"conflicts\">") && page.contains("<div id=\"conflict-1\">"));
    assert!(page.contains("<cite>a</cite>\u{201c}The peace summit in Geneva on June 3"));
}

#[test]
fn every_format_renders_a_hand_edited_timeline_without_panicking() {
    // A timeline read back from a file someone edited: dates that are not dates, short and
    // multi-byte strings where ISO days belong, an event with no report.
    let json = r#"{"title": "é", "articles": [{"id": "ü", "title": null, "source": null, "published": "yesterday", "events": 1}],
      "events": [
        {"id": "e1", "kind": "meeting", "label": "<x>", "when": {"value": "2024", "start": "é", "end": "2024-13-40",
         "granularity": "day", "approximate": false, "modifier": "MID"}, "bounds": null, "participants": [], "place": "P",
         "planned": true, "mentions": []},
        {"id": "e2", "kind": "truce", "label": "", "when": null, "bounds": {"after": "9", "after_reason": null,
         "before": "ß", "before_reason": "x"}, "participants": [], "place": null, "planned": false,
         "mentions": [{"article": "ü", "text": "", "time_text": "not in the text", "start": 5, "end": 1, "trigger": ""}]}
      ],
      "relations": [{"before": "e9", "after": "e1", "evidence": "dates", "article": null}],
      "conflicts": [{"events": ["e1", "e404"], "reason": "r", "evidence": [["ü", "s"]]}]}"#;
    let t = Timeline::from_json(json).unwrap();
    for &format in timeline::timeline::Format::ALL {
        let out = t.render(format).unwrap();
        assert!(!out.is_empty(), "{format:?}");
    }
    let _ = timeline::timeline::Changes::between(&t, &t);
    let _ = timeline::timeline::write::coverage(&t);
}

#[test]
fn every_format_names_each_source_once_whatever_the_order_of_reports() {
    let mut t = bundled_timeline();
    let at = t.events.iter().position(|e| e.id == summit_of(&t).id).unwrap();
    let e = &mut t.events[at];
    // reports 001, 002: one of 001's again at the end, as a hand-edited file may have it
    let again = e.mentions[0].clone();
    assert_eq!(again.article, "001");
    e.mentions.push(again);
    let label = e.label.clone();
    let text = timeline::timeline::write::text(&t, false);
    assert!(text.lines().any(|l| l.contains(&label) && l.ends_with("  [001, 002]")), "{text}");
    let md = markdown::chronology(&t);
    assert!(md.lines().any(|l| l.contains(&label) && l.ends_with("(001, 002)")), "{md}");
}

/// The Swiss peace summit of the bundled story.
fn summit_of(t: &timeline::timeline::Timeline) -> &timeline::timeline::Event {
    t.events.iter().find(|e| e.when.as_ref().is_some_and(|w| w.value == "2024-06-15/2024-06-16")).expect("the summit")
}

#[test]
fn years_before_christ_are_written_for_each_format() {
    let text = "Confucius was born in 551 BC in the state of Lu. Caesar was killed on March 15, 44 BC in \
                Rome. The museum opened on Monday in Beijing.";
    let t = Timeline::build(None, &[Article::new("bc", text, "2006-11-21".parse().ok())]);
    let born = t.events.iter().find(|e| e.label.starts_with("Confucius born")).expect("the birth is an entry");
    let killed = t.events.iter().find(|e| e.label.starts_with("Caesar killed")).expect("the killing is an entry");
    assert_eq!(date_column(born), "551 BC");
    assert_eq!(date_column(killed), "Mar 15, 44 BC");
    // oldest first: the proleptic years order them before the common era
    assert!(t.events.iter().position(|e| e.id == born.id) < t.events.iter().position(|e| e.id == killed.id));
    // iCalendar writes years from 0001: a day before Christ stays out of the calendar
    assert!(!ics::in_calendar(killed));
    let cal: Calendar = ics::calendar(&t).parse().expect("the iCalendar output parses");
    assert_eq!(cal.components.iter().filter(|c| matches!(c, CalendarComponent::Event(_))).count(), 1);
    // TimelineJS counts 1 BC as -1
    let doc: serde_json::Value = serde_json::from_str(&timelinejs::to_json(&t).unwrap()).unwrap();
    let slide = |id: &str| doc["events"].as_array().unwrap().iter().find(|e| e["unique_id"] == id).unwrap().clone();
    assert_eq!(slide(&born.id)["start_date"], serde_json::json!({"year": -551}));
    assert_eq!(slide(&killed.id)["start_date"], serde_json::json!({"year": -44, "month": 3, "day": 15}));
    let md = markdown::chronology(&t);
    assert!(md.contains("## 551 BC\n") && md.contains("## 44 BC\n") && md.contains("## 2006\n"), "{md}");
    // the page's date filter takes days of the common era only
    assert!(!html::page(&t).contains("min=\"-"));
}
