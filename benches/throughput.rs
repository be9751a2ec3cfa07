//! Throughput of `timeline dates` beside chrono-node, in one run, on real news.
//!
//! This benchmark reaches outside the repository: it reads `../shared/data/news-silver.jsonl.gz`
//! (2,452 news articles, 3.9 MB of text) and runs the chrono-node peer from `../shared/peers/`
//! (install it once with `../shared/peers/setup.sh`). Set `TIMELINE_SHARED` to point elsewhere.
//!
//!     cargo bench --bench throughput
//!
//! It prints, for both tools, MB of article text per second of parsing (start-up and reading
//! excluded on both sides; median and best of several runs), the ratios, and the peak memory of the `timeline dates` binary on the
//! corpus and on the corpus repeated 8 times (memory must stay flat: articles are streamed).

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;
use timeline::corpus::Corpus;
use timeline::dates::{DateExtractor, Options};

fn main() {
    let shared = common::shared();
    let Some((jsonl, gz)) = common::silver() else { return };
    let corpus = Corpus::from_jsonl(&jsonl, &gz).expect("the silver corpus parses");
    let bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let mb = bytes as f64 / 1e6;
    println!("corpus: {} articles, {mb:.2} MB of text", corpus.articles.len());

    let mut ex = DateExtractor::new(Options::default());
    let ours = ours(&mut ex, &corpus, mb);
    long_article(&mut ex, &corpus);
    if shared.join("peers/node_modules/chrono-node").is_dir() {
        // Like with like: the machine's load moves both tools' speeds from run to run, so the
        // ratio is given of the medians and of the best runs.
        if let Some(theirs) = chrono(&shared, &jsonl) {
            println!(
                "ratio          : {:8.1}x chrono-node (medians; best runs {:.1}x)",
                ours.median / theirs.median,
                ours.best / theirs.best
            );
        }
    } else {
        println!("chrono-node    : not installed (run {}/peers/setup.sh)", shared.display());
    }

    // Peak memory of the CLI on the corpus and on the corpus 8 times over.
    for copies in [1, 8] {
        common::peak_memory(&jsonl, copies, &["dates", "--format", "jsonl"]);
    }
}

/// MB per second over several runs.
struct Speed {
    median: f64,
    best: f64,
}

/// timeline: extraction only (text already in memory, as chrono.mjs measures itself), median
/// and best of 15 runs.
fn ours(ex: &mut DateExtractor, corpus: &Corpus, mb: f64) -> Speed {
    let mentions: usize = corpus.articles.iter().map(|a| ex.extract(a).mentions.len()).sum();
    let mut runs = Vec::new();
    for _ in 0..15 {
        let t = Instant::now();
        let n: usize = corpus.articles.iter().map(|a| ex.extract(a).mentions.len()).sum();
        runs.push(t.elapsed().as_secs_f64());
        assert_eq!(n, mentions);
    }
    runs.sort_by(f64::total_cmp);
    let speed = Speed { median: mb / runs[runs.len() / 2], best: mb / runs[0] };
    println!(
        "timeline dates : {:8.1} MB/s  (median of {} runs; best {:.1}; {mentions} mentions)",
        speed.median,
        runs.len(),
        speed.best
    );
    speed
}

/// One 10 MB article made of the corpus's own text: time must stay linear in the input. Each
/// copy of the corpus tags its lines with a word of its own ("Qa", "Qb" ...), or the layout
/// would skip the second copy's lines as lines the page repeats.
fn long_article(ex: &mut DateExtractor, corpus: &Corpus) {
    let mut long = String::with_capacity(10_500_000);
    'fill: for tag in ('a'..='z').map(|c| format!("Q{c} ")) {
        for a in &corpus.articles {
            for line in a.text.lines() {
                long.push_str(&tag);
                long.push_str(line);
                long.push('\n');
            }
            if long.len() >= 10_000_000 {
                break 'fill;
            }
        }
    }
    let article = timeline::corpus::Article::new("long", long, "2013-01-01".parse().ok());
    let t = Instant::now();
    let n = ex.extract(&article).mentions.len();
    let secs = t.elapsed().as_secs_f64();
    println!("one 10 MB article: {:8.1} MB/s  ({n} mentions)", article.text.len() as f64 / 1e6 / secs);
}

/// chrono-node on the same text, in the same run: the speed it reports of itself over five
/// runs, or None when it cannot run.
fn chrono(shared: &Path, jsonl: &str) -> Option<Speed> {
    let script = shared.join("peers/chrono.mjs");
    let tmp = std::env::temp_dir().join(format!("timeline-bench-{}.jsonl", std::process::id()));
    std::fs::write(&tmp, jsonl).expect("temp file");
    let mut theirs: Vec<f64> = Vec::new();
    let mut found = 0;
    for _ in 0..5 {
        let out = Command::new("node")
            .arg(&script)
            .stdin(std::fs::File::open(&tmp).expect("temp file"))
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output();
        let Ok(out) = out else {
            println!("chrono-node    : node not found");
            break;
        };
        let stats: serde_json::Value = match serde_json::from_slice(&out.stderr) {
            Ok(v) => v,
            Err(_) => {
                println!("chrono-node    : failed: {}", String::from_utf8_lossy(&out.stderr));
                break;
            }
        };
        theirs.push(stats["mb_s"].as_f64().unwrap_or(0.0));
        found = stats["mentions"].as_u64().unwrap_or(0);
    }
    let _ = std::fs::remove_file(&tmp);
    if theirs.is_empty() {
        return None;
    }
    theirs.sort_by(f64::total_cmp);
    let speed = Speed { median: theirs[theirs.len() / 2], best: theirs[theirs.len() - 1] };
    println!(
        "chrono-node    : {:8.1} MB/s  (median of {} runs; best {:.1}; {found} mentions)",
        speed.median,
        theirs.len(),
        speed.best
    );
    Some(speed)
}
