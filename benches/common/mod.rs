//! What the benchmarks share: the silver news corpus from the project's shared folder, and the
//! peak memory of a `timeline` command on it (via GNU time).

use flate2::read::GzDecoder;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// The project's shared folder (`../shared`, or `TIMELINE_SHARED`).
pub fn shared() -> PathBuf {
    std::env::var_os("TIMELINE_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

/// The silver corpus as JSONL text and its path; `None` (with a message) when it is absent.
pub fn silver() -> Option<(String, PathBuf)> {
    let gz = shared().join("data/news-silver.jsonl.gz");
    let mut jsonl = String::new();
    match std::fs::File::open(&gz) {
        Ok(f) => {
            GzDecoder::new(f).read_to_string(&mut jsonl).expect("news-silver.jsonl.gz decompresses");
            Some((jsonl, gz))
        }
        Err(e) => {
            eprintln!("cannot open {} ({e}); this benchmark needs the project's shared folder", gz.display());
            None
        }
    }
}

/// Runs `timeline ARGS FILE` on the corpus repeated `copies` times (ids made distinct) under
/// GNU time, and prints its peak memory and wall time.
pub fn peak_memory(jsonl: &str, copies: usize, args: &[&str]) {
    let time = Path::new("/usr/bin/time");
    if !time.is_file() {
        println!("(no /usr/bin/time: peak memory not measured)");
        return;
    }
    let tmp = std::env::temp_dir().join(format!("timeline-bench-{}-{copies}.jsonl", std::process::id()));
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
        .arg(env!("CARGO_BIN_EXE_timeline"))
        .args(args)
        .arg(&tmp)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .output()
        .expect("runs /usr/bin/time");
    let err = String::from_utf8_lossy(&out.stderr);
    let last = err.lines().last().unwrap_or("").to_string();
    let mut it = last.split_whitespace();
    println!(
        "timeline {}, {copies}x corpus ({:.1} MB of JSONL): peak RSS {} KB, {} s end to end{}",
        args.first().unwrap_or(&""),
        big.len() as f64 / 1e6,
        it.next().unwrap_or("?"),
        it.next().unwrap_or("?"),
        if out.status.success() { "" } else { " (FAILED)" }
    );
    let _ = std::fs::remove_file(&tmp);
}
