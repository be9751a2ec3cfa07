//! The same timeline on Apache Spark as from a direct build: `examples/spark/timeline_spark.py`
//! run in local mode (`local[2]`) in several partitions, on the bundled corpus and on a few
//! hundred articles made here from the repository's own data, must give the very JSON contract
//! `timeline build` gives on the same input; options pass through; yesterday's map output plus
//! today's articles give the timeline of both; a malformed line fails the job with the tool's
//! own error, naming the input and its line.
//!
//! Needs Java 17+ and pyspark: the test runs `examples/spark/setup.sh` (a virtual environment in
//! `target/spark-venv`, and Java through apt-get where it can) when they are missing, and fails
//! with the command that fixes what it could not set up. `TIMELINE_SPARK_TESTS=skip` skips it,
//! with a notice.

use std::path::{Path, PathBuf};
use std::process::Command;
use timeline::corpus::{bundled, Article, Corpus, ReadOptions};

const BIN: &str = env!("CARGO_BIN_EXE_timeline");

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The venv's python, after setting up what is missing.
fn python() -> Result<PathBuf, String> {
    let out = Command::new(root().join("examples/spark/setup.sh"))
        .output()
        .map_err(|e| format!("cannot run examples/spark/setup.sh: {e}"))?;
    let stdout = String::from_utf8_lossy(&out.stdout);
    if !out.status.success() {
        return Err(format!("examples/spark/setup.sh failed:\n{}", String::from_utf8_lossy(&out.stderr)));
    }
    Ok(PathBuf::from(stdout.lines().last().unwrap_or_default().trim()))
}

fn jsonl(articles: &[Article]) -> String {
    articles
        .iter()
        .map(|a| {
            let mut v = serde_json::json!({"id": a.id, "text": a.text});
            if let Some(t) = &a.title {
                v["title"] = t.as_str().into();
            }
            if let Some(d) = a.published {
                v["published"] = d.to_string().into();
            }
            v.to_string() + "\n"
        })
        .collect()
}

/// A few hundred articles from the repository's own data: every paragraph of the bundled and
/// example articles as an article of its own, published on its article's day or up to two
/// days later.
fn many() -> Vec<Article> {
    let mut sources = Corpus::read(&[bundled()], &ReadOptions::default()).unwrap().articles;
    for f in ["examples/data/bird-flu-2005.jsonl", "examples/data/new-articles.jsonl", "examples/data/istanbul-talks"] {
        sources.extend(Corpus::read(&[root().join(f)], &ReadOptions::default()).unwrap().articles);
    }
    let mut out = Vec::new();
    for a in &sources {
        for (k, para) in a.text.split("\n\n").filter(|p| p.trim().len() > 80).enumerate() {
            let published = a.published.and_then(|d| d.checked_add_days(chrono::Days::new(k as u64 % 3)));
            out.push(Article::new(format!("{}-p{k}", a.id), para.trim(), published));
        }
    }
    out
}

fn direct(input: &Path, extra: &[&str]) -> String {
    let out = Command::new(BIN).arg("build").arg(input).args(extra).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn spark_builds_the_timeline_a_direct_build_gives() {
    if std::env::var("TIMELINE_SPARK_TESTS").as_deref() == Ok("skip") {
        eprintln!("SKIPPED spark_builds_the_timeline_a_direct_build_gives: TIMELINE_SPARK_TESTS=skip");
        return;
    }
    let python = python().unwrap_or_else(|e| panic!("{e}"));
    let work = Path::new(env!("CARGO_TARGET_TMPDIR")).join("spark");
    let _ = std::fs::remove_dir_all(&work);
    std::fs::create_dir_all(&work).unwrap();
    let at = |name: &str| work.join(name);

    let corpus = Corpus::read(&[bundled()], &ReadOptions::default()).unwrap();
    std::fs::write(at("bundled.jsonl"), jsonl(&corpus.articles)).unwrap();
    let many = many();
    assert!((200..1000).contains(&many.len()), "a few hundred articles: {}", many.len());
    std::fs::write(at("many.jsonl"), jsonl(&many)).unwrap();
    let (first, second) = many.split_at(many.len() / 2);
    std::fs::write(at("first.jsonl"), jsonl(first)).unwrap();
    std::fs::write(at("second.jsonl"), jsonl(second)).unwrap();
    // a record with no text, in the third of four partitions
    let mut bad: Vec<String> = jsonl(first).lines().map(String::from).collect();
    let line = bad.len() * 5 / 8;
    bad.insert(line, r#"{"id": "broken", "published": "2025-04-22"}"#.into());
    std::fs::write(at("bad.jsonl"), bad.join("\n") + "\n").unwrap();
    // the first article of first.jsonl again, as the second line of another input
    std::fs::write(at("dup.jsonl"), jsonl(&[second[0].clone(), first[0].clone()])).unwrap();

    let run = Command::new(&python).arg(root().join("tests/spark/check.py")).arg(&work).arg(BIN).output().unwrap();
    let log = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "the Spark job failed:\n{log}");

    let read = |name: &str| std::fs::read_to_string(at(name)).unwrap_or_else(|e| panic!("{name}: {e}\n{log}"));
    let bundled_direct = direct(&at("bundled.jsonl"), &["--format", "json"]);
    assert!(bundled_direct.contains("Jun 15") || bundled_direct.contains("2024-06-15"));
    for parts in [1, 3] {
        assert!(read(&format!("spark-bundled-{parts}.json")) == bundled_direct, "bundled corpus, {parts} partitions");
    }
    let many_direct = direct(&at("many.jsonl"), &["--format", "json"]);
    for parts in [2, 7] {
        assert!(
            read(&format!("spark-many-{parts}.json")) == many_direct,
            "{} articles, {parts} partitions",
            many.len()
        );
    }
    assert_eq!(
        read("spark-many-about.txt"),
        direct(&at("many.jsonl"), &["--about", "Ukraine", "--top", "5", "--format", "text"]),
        "options pass through"
    );
    assert!(read("spark-first.json") == direct(&at("first.jsonl"), &["--format", "json"]));
    assert!(read("spark-incremental.json") == many_direct, "yesterday's entries and today's articles");
    let bad_message = read("spark-bad.txt");
    let want = format!("{}:{}: article broken has no `text` field", at("bad.jsonl").display(), line + 1);
    assert_eq!(bad_message, format!("timeline: error: {want}"), "the tool's own error, and only it");
    let dup = format!(
        "timeline: error: {}:2: duplicate article id {:?} (first seen in {}:1)",
        at("dup.jsonl").display(),
        first[0].id,
        at("first.jsonl").display()
    );
    assert_eq!(read("spark-dup.txt"), dup, "the reduce names the inputs, not the driver's file");
}
