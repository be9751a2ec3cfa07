//! The HTML page and the TimelineJS document, opened in headless Chromium as a reader meets
//! them (`tests/browser/check.mjs`, driven by playwright-core): every event shown in order
//! with its sources, filters that work, evidence that expands, a phone layout, print; and
//! TimelineJS 3 rendering every slide without an error. Screenshots and a PDF are left in
//! `target/tmp/browser/`.
//!
//! Needs Node.js, `npm ci --prefix tests/browser` and Chromium (`/usr/bin/chromium`, or the
//! `CHROMIUM` variable). `.ci/run` installs them and sets `TIMELINE_BROWSER_TESTS=require`, so
//! in CI a missing piece fails the test; elsewhere it is skipped with a notice saying what is
//! missing.

use std::path::{Path, PathBuf};
use std::process::Command;
use timeline::corpus::{bundled, Article, Corpus, ReadOptions};
use timeline::timeline::{Format, Timeline};

fn missing() -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut missing = Vec::new();
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        missing.push("Node.js (`node`)".to_string());
    }
    for m in ["playwright-core", "@knight-lab/timelinejs"] {
        if !root.join("tests/browser/node_modules").join(m).is_dir() {
            missing.push(format!("{m} (run `npm ci --prefix tests/browser`)"));
        }
    }
    let chromium = std::env::var_os("CHROMIUM").map(PathBuf::from).unwrap_or_else(|| "/usr/bin/chromium".into());
    if !chromium.is_file() {
        missing.push(format!("Chromium at {} (Debian: `apt-get install chromium`)", chromium.display()));
    }
    missing
}

#[test]
fn html_and_timelinejs_in_headless_chromium() {
    let missing = missing();
    if !missing.is_empty() {
        let msg = format!("browser tests need: {}", missing.join("; "));
        assert!(std::env::var("TIMELINE_BROWSER_TESTS").as_deref() != Ok("require"), "{msg}");
        eprintln!("SKIPPED html_and_timelinejs_in_headless_chromium: {msg}");
        return;
    }
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("browser");
    std::fs::create_dir_all(&out).unwrap();
    let corpus = Corpus::read(&[bundled()], &ReadOptions::default()).unwrap();
    let t = Timeline::build(corpus.title.clone(), &corpus.articles);
    for (format, file) in [
        (Format::Json, "timeline.json"),
        (Format::Html, "timeline.html"),
        (Format::TimelineJs, "timeline.timelinejs.json"),
    ] {
        std::fs::write(out.join(file), t.render(format).unwrap()).unwrap();
    }
    // Ids that must be data, not markup or space-split text: "AP" beside "AP 1", a quote and
    // angle brackets, non-ASCII.
    let odd = [
        ("AP 1", "2024-06-20", "Russia and Ukraine held talks in Istanbul on Monday."),
        ("AP", "2024-06-21", "The peace summit in Geneva on June 3 gathered Zelensky, Macron and Scholz."),
        ("Reuters \"wire\" <b>", "2024-06-21", "Israel announced a truce in Gaza on June 18."),
        (
            "Київ Post – é",
            "2024-06-22",
            "Russia and Ukraine held talks in Istanbul on Monday. Hamas rejected the truce in Gaza on Wednesday.",
        ),
    ];
    let articles: Vec<Article> = odd.iter().map(|(id, d, text)| Article::new(*id, *text, d.parse().ok())).collect();
    let t = Timeline::build(Some("Odd ids".into()), &articles);
    std::fs::write(out.join("odd-ids.json"), t.render(Format::Json).unwrap()).unwrap();
    std::fs::write(out.join("odd-ids.html"), t.render(Format::Html).unwrap()).unwrap();
    let run = Command::new("node")
        .arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser/check.mjs"))
        .arg(&out)
        .output()
        .expect("node runs");
    let log = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    println!("{log}");
    assert!(run.status.success(), "browser checks failed:\n{log}");
    assert!(log.contains("ok   TimelineJS 3 renders every slide without errors"), "{log}");
    assert!(out.join("timeline.png").is_file());
}
