//! Merging reports across articles: what counts as evidence that two reports are one event.
//! The word that triggers both is none (they are compared only when their predicate is one),
//! and a report without a date of its own needs more the further its article lies from the
//! entry's time. The cases of which reports become one entry are data
//! (`tests/merging/cases.txt`: adding a case is adding lines); the tests below check what a
//! line cannot say (an entry's place, its bounds).

use timeline::corpus::Article;
use timeline::timeline::Timeline;

fn article(id: &str, published: &str, text: &str) -> Article {
    Article::new(id.to_string(), text, published.parse().ok())
}

/// One case of `cases.txt`: what it shows, its articles, and the entries expected (the words
/// of a label, and the entry's sources).
struct Case {
    name: String,
    articles: Vec<Article>,
    entries: Vec<(String, Vec<String>)>,
}

fn cases() -> Vec<Case> {
    let mut out: Vec<Case> = Vec::new();
    for (n, line) in include_str!("merging/cases.txt").lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(name) = line.strip_prefix("==") {
            out.push(Case { name: name.trim().to_string(), articles: Vec::new(), entries: Vec::new() });
            continue;
        }
        let case = out.last_mut().unwrap_or_else(|| panic!("cases.txt:{}: a line before any \"==\"", n + 1));
        if let Some(expect) = line.strip_prefix('>') {
            let (words, ids) =
                expect.split_once('|').unwrap_or_else(|| panic!("cases.txt:{}: \"> words | ids\"", n + 1));
            let mut ids: Vec<String> = ids.split_whitespace().map(str::to_string).collect();
            ids.sort();
            case.entries.push((words.trim().to_string(), ids));
        } else {
            let f: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
            assert_eq!(f.len(), 3, "cases.txt:{}: \"id | published | text\"", n + 1);
            case.articles.push(article(f[0], f[1], f[2]));
        }
    }
    out
}

/// The sources of the entry whose label holds `words`, one entry expected.
fn sources_of(t: &Timeline, words: &str) -> Result<Vec<String>, String> {
    let hits: Vec<_> = t.events.iter().filter(|e| e.label.contains(words)).collect();
    if hits.len() != 1 {
        let labels: Vec<_> = t.events.iter().map(|e| &e.label).collect();
        return Err(format!("{} entries of {words:?}, one expected: {labels:?}", hits.len()));
    }
    let mut sources: Vec<String> = hits[0].sources().into_iter().map(|s| s.to_string()).collect();
    sources.sort();
    Ok(sources)
}

#[test]
fn merging_cases() {
    let cases = cases();
    assert!(cases.len() >= 9, "the case file is read");
    let mut failed = Vec::new();
    for case in &cases {
        assert!(!case.articles.is_empty() && !case.entries.is_empty(), "{}: articles and entries", case.name);
        let t = Timeline::build(None, &case.articles);
        for (words, expected) in &case.entries {
            match sources_of(&t, words) {
                Ok(got) if &got == expected => {}
                Ok(got) => failed.push(format!("{}: {words:?} from {got:?}, expected {expected:?}", case.name)),
                Err(e) => failed.push(format!("{}: {e}", case.name)),
            }
        }
    }
    assert!(failed.is_empty(), "{} of {} cases:\n{}", failed.len(), cases.len(), failed.join("\n"));
}

#[test]
fn one_summit_named_with_its_place_by_a_light_verb_is_one_entry() {
    // the place of "held in Switzerland" is the conference's, whether the verb carries the noun
    // or a relative clause does
    let t = Timeline::build(
        None,
        &[
            article("a", "2024-05-20", "In mid-June, a peace conference will be held in Switzerland."),
            article(
                "b",
                "2024-05-25",
                "The country is now preparing for the peace summit, an international conference that will be held \
                 on June 15-16 in Switzerland.",
            ),
        ],
    );
    let hits: Vec<_> = t.events.iter().filter(|e| e.label.to_lowercase().contains("conference")).collect();
    assert_eq!(hits.len(), 1, "{:#?}", t.events.iter().map(|e| &e.label).collect::<Vec<_>>());
    assert_eq!(hits[0].place.as_deref(), Some("Switzerland"));
    assert_eq!(hits[0].sources().len(), 2);
}

#[test]
fn a_report_done_before_one_article_and_a_plan_after_a_later_one_stay_apart() {
    // Reported done by 2005-11-16 and planned after 2006-12-04: no one event is both.
    let t = Timeline::build(
        None,
        &[
            article(
                "knicks",
                "2005-11-16",
                "Brown took the New York job, and got off to an 0-5 start before the Knicks won at Sacramento.",
            ),
            article(
                "hull",
                "2006-12-04",
                "Hull coaches Colin Murphy and Phil Brown will take charge of the first team on a temporary basis.",
            ),
        ],
    );
    assert_eq!(sources_of(&t, "New York job"), Ok(vec!["knicks".to_string()]));
    for e in &t.events {
        if let Some(b) = &e.bounds {
            if let (Some(after), Some(before)) = (&b.after, &b.before) {
                assert!(after <= before, "{:?} is bounded after {after} and before {before}", e.label);
            }
        }
    }
}

#[test]
fn what_a_report_follows_is_never_an_event_that_began_after_the_report() {
    // "after returning from a foreign trip" in 2005 names no visit of 2006.
    let t = Timeline::build(
        None,
        &[
            article(
                "nepal",
                "2005-12-07",
                "King Gyanendra of Nepal reshuffled his cabinet on Wednesday shortly after returning from a \
                 foreign trip during which Maoist rebels and opposition parties lined up against him.",
            ),
            article(
                "oli",
                "2006-11-09",
                "He told the media after returning from India visit on Wednesday that the Indian government \
                 was also positive.",
            ),
        ],
    );
    let labels: Vec<_> = t.events.iter().map(|e| (&e.label, &e.bounds)).collect();
    let lined = t.events.iter().find(|e| e.label.contains("lined")).unwrap_or_else(|| panic!("{labels:#?}"));
    let bounds = lined.bounds.as_ref().expect("an undated report is bounded by its article");
    assert_eq!(bounds.before.as_deref(), Some("2005-12-07"));
    assert!(bounds.after.as_ref().is_none_or(|a| a.as_str() <= "2005-12-07"), "{bounds:?}");
}
