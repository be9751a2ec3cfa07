//! TimeML event cases from `tests/events/timeml-cases.txt`: a sentence and its publication
//! date, then the events expected with their class, grammar, participants and anchor.

use timeline::corpus::Article;
use timeline::dates::{DateExtractor, Options};
use timeline::events::timeml::{EventLayer, TimemlEvent};

fn check(e: &TimemlEvent, key: &str, want: &str) -> Result<(), String> {
    let want = want.replace('_', " ");
    let got = match key {
        "lemma" => e.lemma.clone(),
        "tense" => e.tense.to_string(),
        "aspect" => e.aspect.to_string(),
        "polarity" => e.polarity.to_string(),
        "modality" => e.modality.unwrap_or("none").to_string(),
        "place" => e.place.as_ref().map_or("none".into(), |p| p.text.clone()),
        "subject" | "object" => {
            let role = if key == "subject" { "subject" } else { "object" };
            let names: Vec<String> = e
                .participants
                .iter()
                .filter(|p| format!("{:?}", p.role).eq_ignore_ascii_case(role))
                .map(|p| p.text.clone())
                .collect();
            if names.contains(&want) {
                return Ok(());
            }
            names.join(", ")
        }
        "refers" => {
            let names: Vec<String> = e.participants.iter().filter_map(|p| p.refers.clone()).collect();
            if names.contains(&want) {
                return Ok(());
            }
            names.join(", ")
        }
        "anchor" => {
            e.anchor.as_ref().map_or("none".into(), |a| format!("{}:{}:{}", a.relation, a.text, a.value.timex()))
        }
        k => return Err(format!("unknown key {k:?}")),
    };
    // Underscores stand for spaces in the case file, so a value's own ("PRESENT_REF") too.
    if got.replace('_', " ") == want {
        Ok(())
    } else {
        Err(format!("{key}: expected {want:?}, got {got:?}"))
    }
}

#[test]
fn timeml_cases() {
    let cases = include_str!("events/timeml-cases.txt");
    let mut layer = EventLayer::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for (line_no, line) in cases.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let parts: Vec<&str> = line.splitn(3, '|').map(str::trim).collect();
        assert_eq!(parts.len(), 3, "line {}: expected `published | sentence | events`", line_no + 1);
        let article = Article::new("case", parts[1], parts[0].parse().ok());
        let dates = DateExtractor::new(Options::default()).extract(&article);
        let events = layer.extract(&article, &dates);
        for expected in parts[2].split(';').map(str::trim) {
            n += 1;
            let mut words = expected.split_whitespace();
            let word = words.next().unwrap_or_default();
            let Some(e) = events.iter().find(|e| e.text == word) else {
                failures.push(format!("line {}: no event {word:?} in {:?}", line_no + 1, parts[1]));
                continue;
            };
            for w in words {
                let result = match w.split_once('=') {
                    Some((k, v)) => check(e, k, v),
                    None if e.class.as_str() == w => Ok(()),
                    None => Err(format!("class: expected {w}, got {}", e.class)),
                };
                if let Err(msg) = result {
                    failures.push(format!("line {}: {word:?}: {msg}", line_no + 1));
                }
            }
        }
    }
    assert!(n >= 15, "the case file holds {n} expected events");
    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
}
