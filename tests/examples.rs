//! Every tutorial under `examples/` runs, and says what its prose says it says: a tutorial
//! never rots. `cargo test` builds the examples before it runs the tests; a test run that
//! did not (`cargo test --test examples`) builds them into a target folder of its own.

use std::path::PathBuf;
use std::process::Command;

/// Lines (or parts of lines) each example must print, in this order.
const EXPECTED: &[(&str, &[&str])] = &[
    (
        "quickstart",
        &[
            "Read 5 articles:",
            "  000 (2024-05-25) They affirm that Putin would be willing",
            "35 events from 5 articles",
            "Apr 21, 2025                      Vladimir Putin suggested that Russia and Ukraine hold bilateral talks  [003, 004]",
            "in Switzerland (Jun 15-16, 2024)",
            "  reported by 001, 002",
            "  001 dates it by \"mid-June\":",
            "  002 dates it by \"June 15-16\":",
        ],
    ),
    (
        "resolve_dates",
        &[
            "\"Monday\"               2025-04-21",
            "why: Monday: past tense, the last one",
            "\"Wednesday\"            2025-04-23",
            "why: Wednesday: future tense, the coming one",
            "\"the end of last week\" 2025-W16                 a date: 2025-04-18 .. 2025-04-20",
            "\"Two days later\"       2024-06-17               a date: 2024-06-17; counted from 2024-06-15 (the narrative's date)",
            "\"Easter\"               2025-04-20",
            "\"Orthodox Easter\"      2024-05-05",
            "why: Orthodox Easter of the year named earlier in the sentence",
            "\"May\"                  2024-05",
            "\"Ramadan\"              2025-03-01/2025-03-29",
            "why: Ramadan: past tense, by the Umm al-Qura calendar",
            "\"Eid al-Fitr\"          2025-03-30",
            "\"Yom Kippur\"           2024-10-12",
            "\"Lunar New Year\"       2025-01-29",
            "PT30H                    a duration: no calendar span",
            "\"more than three years\" P3Y",
            "\"nightly\"              P1D                      a recurrence",
            "\"Monday\"               XXXX-WXX-1",
            "\"24 April 2025\"        2025-04-24",
            "\"Friday\"               2025-04-25",
            "why: Friday: future preferred, the coming one",
        ],
    ),
    (
        "your_own_corpus",
        &[
            "daily-0512  2025-05-12  The Example Daily  from daily-0512.txt",
            "wire-0516   2025-05-16  Example Wire       from crawl.jsonl:2",
            "Russia-Ukraine talks in Istanbul, May-June 2025",
            "May 11, 2025                        Putin proposed Istanbul talks  [daily-0512, wire-0511, wire-0516]",
            "May 16, 2025                        Delegations met in Istanbul  [daily-0517, wire-0516]",
            "daily-0517  3 events",
            "timeline.ron (",
            "reads back identical: true",
            "timeline.json (",
            "reads back identical: true",
            "\"value\": \"2025-05-16\"",
            "sources: daily-0517, wire-0516",
        ],
    ),
    (
        "read_a_timeline",
        &[
            "Ukraine: talk of a ceasefire, May 2024 - April 2025",
            "35 events, 8 relations, 0 conflicts; RON and JSON agree: true",
            "Between 2025-04-18 and 2025-04-23:",
            "  week of Apr 14, 2025   Conference in Paris  [004]",
            "  Apr 23, 2025           Ukraine will participate in negotiations  [004]",
            "Reported by article 003:",
            "dated by \"February 2022\"",
            "Undated or only bounded:",
            "Andrei Belousov appointed as new defense minister (before May 25, 2024)",
            "because: reported in article 001 of 2024-05-25",
            "Orderings the articles state in words:",
            "e22 before e21: Moscow announced 30-hour Easter truce -> Combat returned following Easter ceasefire",
        ],
    ),
    (
        "key_events",
        &[
            "entries from 44 articles",
            "The most important entry: ",
            "Signals { reports: ",
            "The 20 key events:",
            "rank 1 of ",
            "The 5 most important days:",
            "`timeline build --top-days 5` keeps ",
        ],
    ),
    (
        "entity_timeline",
        &[
            "entries from 44 articles",
            "Aliases in the reports:",
            "  WHO = World Health Organization",
            "Searched as: World Health Organization | WHO",
            "Joint expert team of WHO and China's Ministry of Health arrived in Hunan",
            "WHO or a ministry of health: 5 events",
            "China's Ministry of Health confirmed two human bird flu cases in country  (same entry in the full timeline: true)",
        ],
    ),
    (
        "merge_new_articles",
        &[
            "Before: 35 events from 5 articles",
            "After:  40 events from 8 articles",
            "merged (was e16) e16  Jun 15-16, 2024  Peace conference will be held in Switzerland  (+ 005)",
            "new              e37  Apr 28, 2025  Vladimir Putin declared ceasefire  (+ 007)",
            "34 events unchanged",
            "now has 3 sources: 001, 002, 005",
        ],
    ),
];

/// The example's binary, as `cargo test` built it, or built now into a folder of our own.
fn example_binary(name: &str) -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    // target/<profile>/deps/examples-<hash> -> target/<profile>/examples/<name>
    let profile_dir = exe.parent().and_then(|d| d.parent()).expect("target/<profile>");
    let built = profile_dir.join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX));
    let fresh = |bin: &PathBuf| {
        let built_at = std::fs::metadata(bin).and_then(|m| m.modified()).ok();
        built_at.is_some_and(|t| newest_source().is_none_or(|s| s <= t))
    };
    if fresh(&built) {
        return built;
    }
    let target = profile_dir.join("example-tests");
    let status = Command::new(env!("CARGO"))
        .args([
            "build",
            "--quiet",
            "--example",
            name,
            "--manifest-path",
            concat!(env!("CARGO_MANIFEST_DIR"), "/Cargo.toml"),
        ])
        .env("CARGO_TARGET_DIR", &target)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "cargo build --example {name} failed");
    target.join("debug").join("examples").join(format!("{name}{}", std::env::consts::EXE_SUFFIX))
}

/// When the sources the examples are built from last changed.
fn newest_source() -> Option<std::time::SystemTime> {
    fn walk(p: &std::path::Path, newest: &mut Option<std::time::SystemTime>) {
        let Ok(meta) = std::fs::metadata(p) else { return };
        if meta.is_dir() {
            for e in std::fs::read_dir(p).into_iter().flatten().flatten() {
                walk(&e.path(), newest);
            }
        } else if let Ok(t) = meta.modified() {
            *newest = (*newest).max(Some(t));
        }
    }
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut newest = None;
    for p in ["src", "examples", "Cargo.toml"] {
        walk(&root.join(p), &mut newest);
    }
    newest
}

#[test]
fn every_example_runs_and_prints_what_its_lesson_says() {
    let on_disk: Vec<String> = std::fs::read_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/examples"))
        .expect("examples/")
        .filter_map(|e| e.ok()?.file_name().to_str()?.strip_suffix(".rs").map(str::to_string))
        .collect();
    for name in &on_disk {
        assert!(
            EXPECTED.iter().any(|(n, _)| n == name),
            "examples/{name}.rs has no expected output in tests/examples.rs"
        );
    }
    for (name, expected) in EXPECTED {
        // run from somewhere else: a tutorial must not depend on the working directory
        let out = Command::new(example_binary(name)).current_dir(std::env::temp_dir()).output().expect("runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(out.status.success(), "{name} failed:\n{}\n{stdout}", String::from_utf8_lossy(&out.stderr));
        let mut rest: &str = &stdout;
        for line in *expected {
            match rest.find(line) {
                Some(at) => rest = &rest[at + line.len()..],
                None => panic!("{name}: expected, in order, {line:?}; its output was:\n{stdout}"),
            }
        }
    }
}
