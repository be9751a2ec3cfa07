//! # Quickstart: a timeline from the bundled corpus
//!
//! Run it with:
//!
//! ```sh
//! cargo run --example quickstart
//! ```
//!
//! The crate ships one corpus, `timelines/ukraine-ceasefire`: five news articles, as scraped,
//! on talk of a ceasefire in Ukraine (three from May 2024, two from April 2025), with a
//! manifest that gives each its publication date. This lesson reads them, builds the
//! timeline with the library, prints the chronology, and then looks closely at one entry to
//! show where its date and its sources come from.

use timeline::corpus::{self, Corpus, ReadOptions};
use timeline::timeline::{write, Timeline};

fn main() -> Result<(), timeline::Error> {
    // Step 1: read the articles.
    //
    // `Corpus::read` takes any mix of inputs: JSONL files, JSON, plain text, folders and RON
    // manifests. The bundled corpus is a folder with a `manifest.ron`, which lists each
    // article's file, id, title and publication date. The publication date matters: it is
    // what "last week" and "on Saturday" are counted from.
    let corpus = Corpus::read(&[corpus::bundled()], &ReadOptions::default())?;
    println!("Read {} articles:", corpus.articles.len());
    for a in &corpus.articles {
        let published = a.published.map(|d| d.to_string()).unwrap_or_else(|| "undated".into());
        println!("  {} ({published}) {}", a.id, a.title.as_deref().unwrap_or(""));
    }
    println!();

    // Step 2: build the timeline.
    //
    // One call runs the whole pipeline: page furniture is set aside, dates are found and
    // resolved, events are extracted, reports of one event are merged across articles, and
    // the events are ordered.
    let t = Timeline::build(corpus.title.clone(), &corpus.articles);

    // Step 3: print the chronology, as `timeline build` does. Each line has the date at its
    // real precision, the event, and the articles that report it.
    print!("{}", write::text(&t, false));
    println!();

    // Step 4: one entry up close. The Swiss peace summit is reported by two of the five
    // articles, in different words; it is one entry with two sources. Every report keeps
    // its sentence and the words its date came from, so a reader can check it.
    if let Some(summit) = t.events.iter().find(|e| e.when.as_ref().is_some_and(|w| w.value == "2024-06-15/2024-06-16"))
    {
        println!("{}: {} ({})", summit.id, summit.label, write::date_column(summit));
        println!("  reported by {}", summit.sources().join(", "));
        for m in &summit.mentions {
            let date_words = m.time_text.as_deref().unwrap_or("(no date in this sentence)");
            println!("  {} dates it by \"{date_words}\":", m.article);
            println!("      \"{}\"", m.text.trim());
        }
    }
    Ok(())
}
