//! # Your own corpus: articles in, RON and JSON out
//!
//! Run it with:
//!
//! ```sh
//! cargo run --example your_own_corpus
//! ```
//!
//! Articles usually arrive in two shapes: a crawler's JSONL, one article a line with its
//! publication date-time, and plain text files that someone saved by hand. This lesson reads
//! both at once from `examples/data/istanbul-talks/` (five short articles about the Russia-
//! Ukraine talks in Istanbul in May and June 2025, written for this tutorial), builds one
//! timeline, and writes it as RON and JSON, the two forms other tools read.
//!
//! Look at the inputs while you read:
//! - `crawl.jsonl`: `{"id", "source", "url", "published", "title", "text"}` a line; `id` and
//!   `text` are required, `published` may be any common date or date-time form;
//! - `manifest.ron`: text files in `articles/`, each with its id, date, title and source.

use std::path::{Path, PathBuf};
use timeline::corpus::{Corpus, ReadOptions};
use timeline::timeline::{write, Format, Timeline};

fn main() -> Result<(), timeline::Error> {
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/istanbul-talks");

    // Step 1: read both inputs into one corpus. Ids must be unique across all inputs; a bad
    // line stops the read with the file, the line and what was expected.
    let inputs = [data.join("manifest.ron"), data.join("crawl.jsonl")];
    let corpus = Corpus::read(&inputs, &ReadOptions::default())?;
    for (a, origin) in corpus.articles.iter().zip(&corpus.origins) {
        let file = origin.file.file_name().map(|f| f.to_string_lossy()).unwrap_or_default();
        let line = origin.line.map(|l| format!(":{l}")).unwrap_or_default();
        println!(
            "{:<11} {}  {:<18} from {file}{line}",
            a.id,
            a.published.map(|d| d.to_string()).unwrap_or_default(),
            a.source.as_deref().unwrap_or("")
        );
    }
    println!();

    // Step 2: build. The manifest's title names the timeline; the wire's date-times
    // ("2025-05-16T18:05:00+03:00") were read as calendar dates.
    let t = Timeline::build(corpus.title.clone(), &corpus.articles);
    print!("{}", write::text(&t, false));
    println!();

    // Step 3: the page furniture ("Read also: ...", "You May Also Like", the comment form)
    // was set aside before any date or event was read: the "May 12, 2025" under "You May
    // Also Like" is not an event of the story. An article that yields no event is listed in
    // `articles` with `events: 0`, so nothing is dropped silently.
    for a in &t.articles {
        println!("{:<11} {} event{}", a.id, a.events, if a.events == 1 { "" } else { "s" });
    }
    println!();

    // Step 4: write the contract. RON and JSON hold the same model; `save` picks the format
    // from the extension, `render` gives the text. Here they go to a scratch folder.
    let out: PathBuf = std::env::temp_dir().join("timeline-your-own-corpus");
    std::fs::create_dir_all(&out).map_err(|e| timeline::Error::Write { path: out.clone(), source: e })?;
    for format in [Format::Ron, Format::Json] {
        let path = out.join(format!("timeline.{}", format.extension()));
        t.save(&path)?;
        // Reading it back gives the same timeline: the files are a contract, not a dump.
        let back = Timeline::load(&path)?;
        println!("wrote {} ({} bytes); reads back identical: {}", path.display(), t.render(format)?.len(), back == t);
    }

    // A taste of the JSON, for a program that reads it: the Istanbul meeting of May 16, as the
    // entry of that day with the most sources reports it.
    let may_16 = t.events.iter().filter(|e| e.when.as_ref().is_some_and(|w| w.value == "2025-05-16"));
    if let Some(e) = may_16.max_by_key(|e| (e.sources().len(), std::cmp::Reverse(e.id.clone()))) {
        let json = serde_json::to_string_pretty(&e.when).unwrap_or_default();
        println!("\n{} \"{}\", when = {json}\nsources: {}", e.id, e.label, e.sources().join(", "));
    }
    Ok(())
}
