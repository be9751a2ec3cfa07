//! The seed articles against their gold temporal expressions (`tests/fixtures/seeds-timex.json`,
//! offsets in code points): every gold expression found with the right value, durations typed
//! as durations, nothing found outside the gold, nothing read from page furniture.

use chrono::{Datelike, NaiveDate, Weekday};
use serde_json::Value;
use std::path::PathBuf;
use timeline::corpus::{Corpus, ReadOptions};
use timeline::dates::{DateExtractor, Options, TimexType};

/// First and last day of a TIMEX3 date value (the forms the gold uses).
fn interval(v: &str) -> Option<(NaiveDate, NaiveDate)> {
    if let Some((a, b)) = v.split_once('/') {
        return Some((interval(a)?.0, interval(b)?.1));
    }
    let p: Vec<&str> = v.split('-').collect();
    let y: i32 = p.first()?.parse().ok()?;
    match p.as_slice() {
        [_] => Some((NaiveDate::from_ymd_opt(y, 1, 1)?, NaiveDate::from_ymd_opt(y, 12, 31)?)),
        [_, w] | [_, w, _] if w.starts_with('W') => {
            let mon = NaiveDate::from_isoywd_opt(y, w[1..].parse().ok()?, Weekday::Mon)?;
            let we = p.len() == 3;
            Some(if we {
                (mon + chrono::Days::new(5), mon + chrono::Days::new(6))
            } else {
                (mon, mon + chrono::Days::new(6))
            })
        }
        [_, m] => {
            let first = NaiveDate::from_ymd_opt(y, m.parse().ok()?, 1)?;
            let next = if first.month() == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)?
            } else {
                NaiveDate::from_ymd_opt(y, first.month() + 1, 1)?
            };
            Some((first, next.pred_opt()?))
        }
        [_, m, d] => {
            let day = NaiveDate::from_ymd_opt(y, m.parse().ok()?, d.parse().ok()?)?;
            Some((day, day))
        }
        _ => None,
    }
}

#[test]
fn seed_articles_match_the_gold() {
    let gold: Value = serde_json::from_str(include_str!("fixtures/seeds-timex.json")).unwrap();
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire");
    let corpus = Corpus::read(&[dir], &ReadOptions::default()).unwrap();
    assert_eq!(corpus.articles.len(), 5);
    let mut ex = DateExtractor::new(Options::default());
    // Mentions as (article, code-point span, mention).
    let mut found = Vec::new();
    for a in &corpus.articles {
        assert_eq!(
            a.published.unwrap().to_string(),
            gold["published"][&a.id].as_str().unwrap(),
            "manifest date of {}",
            a.id
        );
        for m in ex.extract(a).mentions {
            let cp = |b: usize| a.text[..b].chars().count();
            found.push((a.id.clone(), (cp(m.start), cp(m.end)), m));
        }
    }
    let overlaps = |a: (usize, usize), b: (usize, usize)| a.0 < b.1 && b.0 < a.1;
    let span = |g: &Value| (g["start"].as_u64().unwrap() as usize, g["end"].as_u64().unwrap() as usize);
    let mut errors = Vec::new();
    let items = gold["items"].as_array().unwrap();
    for g in items {
        let id = g["id"].as_str().unwrap();
        let hits: Vec<_> = found.iter().filter(|(a, s, _)| a == id && overlaps(*s, span(g))).collect();
        let Some((_, _, m)) = hits.first() else {
            errors.push(format!("{id} {:?}: not found", g["text"]));
            continue;
        };
        let ok = if g["kind"] == "duration" {
            m.timex_type() == TimexType::Duration && m.value.timex().starts_with('P')
        } else {
            let (gi, si) = (interval(g["value"].as_str().unwrap()), m.value.days());
            match (gi, si, g["compare"].as_str()) {
                (Some(gi), Some(si), Some("equal")) => gi == si || interval(&m.value.timex()) == Some(gi),
                (Some(gi), Some(si), _) => gi.0 <= si.0 && si.1 <= gi.1,
                _ => false,
            }
        };
        if !ok {
            errors.push(format!("{id} {:?}: gave {} ({}), gold {}", g["text"], m.value, m.reason, g["value"]));
        }
    }
    let known: Vec<(&str, (usize, usize))> = ["items", "ignore", "boilerplate"]
        .iter()
        .flat_map(|k| gold[*k].as_array().unwrap().iter())
        .map(|g| (g["id"].as_str().unwrap(), span(g)))
        .collect();
    let boiler: Vec<(&str, (usize, usize))> =
        gold["boilerplate"].as_array().unwrap().iter().map(|g| (g["id"].as_str().unwrap(), span(g))).collect();
    for (id, s, m) in &found {
        if boiler.iter().any(|(b, bs)| b == id && overlaps(*s, *bs)) {
            errors.push(format!("{id} {:?}: read from page furniture", m.text));
        } else if !known.iter().any(|(k, ks)| k == id && overlaps(*s, *ks)) {
            errors.push(format!("{id} {:?} = {}: spurious", m.text, m.value));
        }
    }
    assert!(errors.is_empty(), "{} problems against the seed gold:\n{}", errors.len(), errors.join("\n"));
    assert_eq!(items.len(), 23);
}
