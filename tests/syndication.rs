//! Syndication: one wire report run by many outlets is one entry that lists every outlet, at
//! any number of copies. Merging caps its comparisons, never the merging itself.

use std::path::PathBuf;
use timeline::corpus::{Article, Corpus, ReadOptions};
use timeline::timeline::Timeline;

fn bundled_article(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire/articles");
    std::fs::read_to_string(dir.join(name)).unwrap()
}

fn copies(text: &str, n: usize, published: &str) -> Vec<Article> {
    (0..n).map(|i| Article::new(format!("outlet-{i}"), text, published.parse().ok())).collect()
}

/// The entries of a timeline as (date, number of distinct sources).
fn shape(t: &Timeline) -> Vec<(Option<String>, usize)> {
    t.events.iter().map(|e| (e.when.as_ref().map(|w| w.value.clone()), e.sources().len())).collect()
}

#[test]
fn copies_of_one_report_are_one_entry_each_listing_every_outlet() {
    let text = bundled_article("001_10c24a268c9e1f96.txt");
    let one = Timeline::build(None, &copies(&text, 1, "2025-04-20"));
    assert!(one.events.len() >= 3, "the report gives a few entries: {:#?}", one.events);
    // 65 is one more than the old cap on a shared key; 300 is well past any window
    for n in [2, 65, 300] {
        let t = Timeline::build(None, &copies(&text, n, "2025-04-20"));
        assert_eq!(t.events.len(), one.events.len(), "{n} copies");
        let expected: Vec<_> = shape(&one).into_iter().map(|(d, _)| (d, n)).collect();
        assert_eq!(shape(&t), expected, "{n} copies: every entry lists every outlet");
        assert!(t.conflicts.is_empty(), "copies never disagree with each other: {:#?}", t.conflicts);
    }
}

#[test]
fn near_copies_merge_too() {
    // The same wire story under other outlets, each with its own byline and one sentence edited.
    let text = "KYIV, April 20 (Wire) - Russia and Ukraine held talks in Istanbul on Saturday, \
                officials said. The delegations agreed to exchange 1,000 prisoners each.";
    let mut articles = Vec::new();
    for i in 0..80 {
        let edited =
            text.replace("(Wire)", &format!("(Outlet {i})")).replace("officials said", &format!("{i} officials said"));
        articles.push(Article::new(format!("outlet-{i}"), edited, "2025-04-20".parse().ok()));
    }
    let t = Timeline::build(None, &articles);
    let talks: Vec<_> = t.events.iter().filter(|e| e.label.contains("talks")).collect();
    assert_eq!(talks.len(), 1, "{:#?}", t.events.iter().map(|e| &e.label).collect::<Vec<_>>());
    assert_eq!(talks[0].sources().len(), 80);
    assert_eq!(talks[0].when.as_ref().unwrap().value, "2025-04-19");
}

#[test]
fn a_common_word_still_merges_reports_of_one_day() {
    // 150 different reports that share "Geneva" (past any comparison window) and one day.
    let mut articles = Vec::new();
    for i in 0..150 {
        let text = format!("Spokesman number {i} said Russia and Ukraine held talks in Geneva on June 17.");
        articles.push(Article::new(format!("a{i}"), text, "2024-06-20".parse().ok()));
    }
    let t = Timeline::build(None, &articles);
    let talks: Vec<_> = t.events.iter().filter(|e| e.label.contains("talks")).collect();
    assert_eq!(talks.len(), 1, "{:#?}", t.events.iter().map(|e| &e.label).collect::<Vec<_>>());
    assert_eq!(talks[0].sources().len(), 150);
}

#[test]
fn copies_that_disagree_give_one_conflict_not_one_per_pair() {
    let a = "The peace summit in Geneva on June 3 gathered Zelensky, Macron and Scholz.";
    let b = "The peace summit in Geneva on June 10 gathered Zelensky, Macron and Scholz.";
    let mut articles = Vec::new();
    for i in 0..100 {
        articles.push(Article::new(format!("a{i}"), a, "2024-06-20".parse().ok()));
        articles.push(Article::new(format!("b{i}"), b, "2024-06-20".parse().ok()));
    }
    let t = Timeline::build(None, &articles);
    assert_eq!(t.events.len(), 2, "{:#?}", t.events);
    assert_eq!(t.conflicts.len(), 1, "{:#?}", t.conflicts.len());
}

#[test]
fn the_bundled_corpus_doubled_under_new_ids_keeps_its_entries() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire");
    let c = Corpus::read(&[dir], &ReadOptions::default()).unwrap();
    let once = Timeline::build(None, &c.articles);
    let mut doubled = c.articles.clone();
    for a in &c.articles {
        let mut copy = a.clone();
        copy.id = format!("{}-syndicated", a.id);
        doubled.push(copy);
    }
    let twice = Timeline::build(None, &doubled);
    let labels = |t: &Timeline| t.events.iter().map(|e| e.label.clone()).collect::<Vec<_>>();
    assert_eq!(labels(&twice), labels(&once));
    for (x, y) in once.events.iter().zip(&twice.events) {
        assert_eq!(y.sources().len(), 2 * x.sources().len(), "{}", x.label);
    }
}
