//! Building one timeline from 2,452 real news articles: time, throughput and peak memory.
//!
//! This benchmark reads `../shared/data/news-silver.jsonl.gz`, outside the repository (set
//! `TIMELINE_SHARED` to point elsewhere):
//!
//!     cargo bench --bench build
//!
//! It prints the time of `Timeline::build` over the whole corpus (median of 5 runs), and the
//! peak memory of `timeline build` on the corpus and on the corpus repeated 4 times, which
//! must grow no more than linearly.

use flate2::read::GzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;
use timeline::corpus::Corpus;
use timeline::timeline::Timeline;

fn main() {
    let shared = std::env::var_os("TIMELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"));
    let gz = shared.join("data/news-silver.jsonl.gz");
    let mut jsonl = String::new();
    match std::fs::File::open(&gz) {
        Ok(f) => GzDecoder::new(f).read_to_string(&mut jsonl).expect("news-silver.jsonl.gz decompresses"),
        Err(e) => {
            eprintln!("build: cannot open {} ({e}); this benchmark needs ../shared", gz.display());
            return;
        }
    };
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
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        return;
    }
    let bin = env!("CARGO_BIN_EXE_timeline");
    for copies in [1usize, 4] {
        let tmp = std::env::temp_dir().join(format!("timeline-build-bench-{}-{copies}.jsonl", std::process::id()));
        let mut big = String::with_capacity(jsonl.len() * copies);
        for c in 0..copies {
            for line in jsonl.lines() {
                big.push_str(&line.replacen("{\"id\": \"", &format!("{{\"id\": \"{c}-"), 1));
                big.push('\n');
            }
        }
        std::fs::write(&tmp, &big).expect("temp file");
        let out = Command::new(time)
            .args(["-f", "%M %e"])
            .arg(bin)
            .args(["build", "--format", "json", "-o", "/dev/null"])
            .arg(&tmp)
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .output()
            .expect("runs /usr/bin/time");
        let err = String::from_utf8_lossy(&out.stderr);
        let last = err.lines().last().unwrap_or("").to_string();
        let mut it = last.split_whitespace();
        println!(
            "timeline build, {copies}x corpus ({:.1} MB JSONL): peak RSS {} KB, {} s end to end{}",
            big.len() as f64 / 1e6,
            it.next().unwrap_or("?"),
            it.next().unwrap_or("?"),
            if out.status.success() { "" } else { " (FAILED)" }
        );
        let _ = std::fs::remove_file(&tmp);
    }
}
