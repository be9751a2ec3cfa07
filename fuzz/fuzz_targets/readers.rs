//! The article readers (JSONL, JSON, RON manifest) on any bytes: an article list or a typed
//! error, never a panic; a manifest never reads a file outside its folder unless allowed; and
//! streaming a JSONL file gives the articles reading it whole does.
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::path::{Path, PathBuf};
use timeline::corpus::{stream, Corpus, ReadOptions};

#[derive(Debug, Arbitrary)]
struct Input {
    kind: Kind,
    strict: bool,
    allow_outside: bool,
    data: Vec<u8>,
}

#[derive(Debug, Arbitrary)]
enum Kind {
    Jsonl,
    Json,
    Ndjson,
    Manifest,
}

const SECRET: &str = "SECRET-OUTSIDE-THE-MANIFEST";

/// A folder of this process's own, with a file outside the corpus folder and two inside it.
fn scratch() -> PathBuf {
    let root = std::env::temp_dir().join(format!("timeline-fuzz-readers-{}", std::process::id()));
    let corpus = root.join("corpus");
    if !corpus.join("sub").is_dir() {
        std::fs::create_dir_all(corpus.join("sub")).unwrap();
        std::fs::write(root.join("private.txt"), SECRET).unwrap();
        std::fs::write(corpus.join("a.txt"), "Talks were held in Geneva on Monday.").unwrap();
        std::fs::write(corpus.join("sub/b.txt"), "A truce began on Easter Sunday.").unwrap();
    }
    corpus
}

fn write(path: &Path, data: &[u8]) {
    std::fs::write(path, data).unwrap();
}

fuzz_target!(|input: Input| {
    let dir = scratch();
    let opts = ReadOptions { strict: input.strict, allow_outside_paths: input.allow_outside, ..Default::default() };
    let path = match input.kind {
        Kind::Jsonl => dir.join("in.jsonl"),
        Kind::Ndjson => dir.join("in.ndjson"),
        Kind::Json => dir.join("in.json"),
        Kind::Manifest => dir.join("manifest.ron"),
    };
    write(&path, &input.data);
    let read = Corpus::read(&[path.clone()], &opts);
    if let Ok(c) = &read {
        assert_eq!(c.articles.len(), c.origins.len());
        let mut ids: Vec<&str> = c.articles.iter().map(|a| a.id.as_str()).collect();
        ids.sort();
        assert!(ids.windows(2).all(|w| w[0] != w[1]), "duplicate ids accepted");
        if !input.allow_outside {
            assert!(c.articles.iter().all(|a| !a.text.contains(SECRET)), "a manifest read outside its folder");
        }
    }
    if matches!(input.kind, Kind::Jsonl | Kind::Ndjson) {
        let mut streamed = Vec::new();
        let s = stream(&[path.clone()], &opts, |a, _| {
            streamed.push(a);
            Ok(())
        });
        match (&read, &s) {
            (Ok(c), Ok(n)) => {
                assert_eq!(*n, c.articles.len());
                assert_eq!(streamed, c.articles);
            }
            (Err(_), Err(_)) => {}
            _ => panic!("reading whole and streaming disagree: {:?} / {:?}", read.as_ref().err(), s.as_ref().err()),
        }
    }
    let _ = std::fs::remove_file(&path);
});
