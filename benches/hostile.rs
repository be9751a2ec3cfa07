//! Hostile sizes: the cost per MB of text must stay near the silver corpus's own, whatever the
//! shape of the input. Measures `Timeline::build` (in process, all cores) on
//!
//! - the 2,452 silver articles, the reference;
//! - one 1 MB article with no full stop, no line break and no question or exclamation mark
//!   (a scraped table, an unpunctuated transcript);
//! - 1,000 copies of one report under different ids (a wire story that many outlets ran);
//! - the silver corpus repeated 8 times under new ids;
//! - the reduce step alone on the silver corpus's map output, once and 32 times under new ids
//!   (every relation and conflict of a report repeated with it);
//!
//! and prints each one's seconds per MB against the reference's. It reads
//! `../shared/data/news-silver.jsonl.gz`, outside the repository (set `TIMELINE_SHARED` to point
//! elsewhere):
//!
//!     cargo bench --bench hostile

mod common;

use std::time::Instant;
use timeline::corpus::{Article, Corpus};
use timeline::timeline::Timeline;

/// Median seconds of `runs` builds, and the entries of the last.
fn time(articles: &[Article], runs: usize) -> (f64, usize) {
    let mut secs = Vec::new();
    let mut entries = 0;
    for _ in 0..runs {
        let t = Instant::now();
        let tl = Timeline::build(None, articles);
        secs.push(t.elapsed().as_secs_f64());
        entries = tl.events.len();
    }
    secs.sort_by(f64::total_cmp);
    (secs[secs.len() / 2], entries)
}

fn mb(articles: &[Article]) -> f64 {
    articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6
}

fn report(name: &str, articles: &[Article], runs: usize, reference: Option<f64>) -> f64 {
    let (secs, entries) = time(articles, runs);
    let size = mb(articles);
    let per_mb = secs / size;
    let ratio = reference.map_or(String::new(), |r| format!(", {:.2}x the reference's time per MB", per_mb / r));
    println!(
        "{name}: {} articles, {size:.2} MB: {secs:.2} s (median of {runs}), {per_mb:.2} s/MB, {entries} entries{ratio}",
        articles.len()
    );
    per_mb
}

fn main() {
    let Some((jsonl, gz)) = common::silver() else { return };
    let silver = Corpus::from_jsonl(&jsonl, &gz).expect("the silver corpus parses").articles;
    let reference = report("silver corpus (reference)", &silver, 3, None);

    // One article of 1 MB with no sentence end: the silver text, flattened.
    let mut flat = String::with_capacity(1_100_000);
    for a in silver.iter().cycle() {
        if flat.len() >= 1_000_000 {
            break;
        }
        flat.extend(a.text.chars().map(|c| if matches!(c, '.' | '!' | '?' | '\n' | '\r') { ' ' } else { c }));
        flat.push(' ');
    }
    let published = silver[0].published;
    report("1 MB article, no full stop", &[Article::new("flat", flat, published)], 3, Some(reference));

    // 1,000 copies of one report of median length.
    let mut by_len: Vec<&Article> = silver.iter().collect();
    by_len.sort_by_key(|a| a.text.len());
    let median = by_len[by_len.len() / 2];
    let copies: Vec<Article> = (0..1000)
        .map(|i| {
            let mut a = median.clone();
            a.id = format!("outlet-{i}");
            a
        })
        .collect();
    report("1,000 copies of one report", &copies, 3, Some(reference));

    // The corpus 8 times under new ids.
    let eight: Vec<Article> = (0..8)
        .flat_map(|c| {
            silver.iter().map(move |a| {
                let mut a = a.clone();
                a.id = format!("{c}-{}", a.id);
                a
            })
        })
        .collect();
    report("silver corpus x8", &eight, 1, Some(reference));
    common::peak_memory(&jsonl, 8, &["build", "--format", "json", "-o", "/dev/null"]);

    // The reduce alone: the map output once, then 32 times under new ids.
    let mut mapper = timeline::timeline::shard::Mapper::new(Default::default());
    let records: Vec<_> = silver.iter().map(|a| mapper.map(a)).collect();
    let reduce = |copies: usize| {
        let many: Vec<_> = (0..copies)
            .flat_map(|c| {
                records.iter().map(move |r| {
                    let mut r = r.clone();
                    r.id = format!("{c}-{}", r.id);
                    r.entries.iter_mut().for_each(|e| e.article = r.id.clone());
                    r
                })
            })
            .collect();
        let t = Instant::now();
        let tl = timeline::timeline::shard::reduce(None, many);
        (t.elapsed().as_secs_f64(), tl.events.len())
    };
    let (one, n1) = reduce(1);
    let (many, n32) = reduce(32);
    println!(
        "reduce of the map output: x1 {one:.2} s ({n1} entries), x32 {many:.2} s ({n32} entries): {:.2}x the time of one copy for each copy",
        many / one / 32.0
    );
}
