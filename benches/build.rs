//! Building one timeline from 2,452 real news articles: time, throughput and peak memory.
//!
//! This benchmark reads `../shared/data/news-silver.jsonl.gz`, outside the repository (set
//! `TIMELINE_SHARED` to point elsewhere):
//!
//!     cargo bench --bench build
//!
//! It prints the time of `Timeline::build` over the whole corpus (median of 5 runs), the share
//! of it that ranking takes (key events), and the
//! peak memory of `timeline build` on the corpus and on the corpus repeated 4 times, which
//! must grow no more than linearly.

mod common;

use std::time::Instant;
use timeline::corpus::Corpus;
use timeline::timeline::Timeline;

fn main() {
    let Some((jsonl, gz)) = common::silver() else { return };
    let corpus = Corpus::from_jsonl(&jsonl, &gz).expect("the silver corpus parses");
    let mb = corpus.articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;
    let mut runs = Vec::new();
    let mut last = None;
    for _ in 0..5 {
        let t = Instant::now();
        let tl = Timeline::build(None, &corpus.articles);
        runs.push(t.elapsed().as_secs_f64());
        last = Some(tl);
    }
    runs.sort_by(f64::total_cmp);
    let secs = runs[runs.len() / 2];
    let tl = last.expect("ran");
    let mentions: usize = tl.events.iter().map(|e| e.mentions.len()).sum();
    println!("corpus: {} articles, {mb:.2} MB of text", corpus.articles.len());
    println!(
        "Timeline::build: {secs:.3} s (median of {}), {:.0} articles/s, {:.1} MB/s; {} events from {mentions} reports, {} relations, {} conflicts",
        runs.len(),
        corpus.articles.len() as f64 / secs,
        mb / secs,
        tl.events.len(),
        tl.relations.len(),
        tl.conflicts.len()
    );
    // Ranking (key events): the article facts it reads and the ranking itself, against the
    // whole build.
    let mut dates = timeline::dates::DateExtractor::new(timeline::dates::Options::default());
    let extractions: Vec<_> = corpus.articles.iter().map(|a| dates.extract(a)).collect();
    let mut rruns: Vec<f64> = (0..5)
        .map(|_| {
            let mut events = tl.events.clone();
            let t = Instant::now();
            let facts: Vec<_> = corpus
                .articles
                .iter()
                .zip(&extractions)
                .map(|(a, x)| timeline::timeline::rank::ArticleFacts::new(a, x))
                .collect();
            timeline::timeline::rank::rank(&mut events, &facts);
            t.elapsed().as_secs_f64()
        })
        .collect();
    rruns.sort_by(f64::total_cmp);
    println!("ranking: {:.1} ms, {:.1}% of the build", rruns[2] * 1e3, 100.0 * rruns[2] / secs);
    // Scaling on distinct articles: the first half against the whole.
    let half = &corpus.articles[..corpus.articles.len() / 2];
    let mut hruns: Vec<f64> = (0..5)
        .map(|_| {
            let t = Instant::now();
            let _ = Timeline::build(None, half);
            t.elapsed().as_secs_f64()
        })
        .collect();
    hruns.sort_by(f64::total_cmp);
    println!(
        "scaling: half the articles {:.3} s, all {secs:.3} s: {:.2}x the time for 2x the articles",
        hruns[2],
        secs / hruns[2]
    );
    for copies in [1, 4] {
        common::peak_memory(&jsonl, copies, &["build", "--format", "json", "-o", "/dev/null"]);
    }
}
