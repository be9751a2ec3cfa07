//! # Key events: the 20 entries that matter in a story of 44 articles
//!
//! Run it with:
//!
//! ```sh
//! cargo run --example key_events
//! ```
//!
//! A story followed for weeks gives more entries than an editor can publish. Every entry of a
//! timeline carries an `importance` (see `timeline::timeline::rank`), and `Timeline::top`
//! keeps the K that matter most, in date order, as `timeline build --top K` does. This lesson
//! reads 44 wire stories about bird flu from November 2005 (`examples/data/bird-flu-2005.jsonl`,
//! from the TempEval-3 silver corpus), keeps 20 entries, and shows why each was chosen. Then it
//! ranks the days, as `timeline build --top-days K` does: a day's importance is what its entries
//! add up to.

use std::path::Path;
use timeline::corpus::{Corpus, ReadOptions};
use timeline::timeline::{rank, write, Timeline};

fn main() -> Result<(), timeline::Error> {
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/bird-flu-2005.jsonl");

    // Step 1: build the whole timeline. Ranking is part of every build: nothing to switch on.
    let corpus = Corpus::read(&[story], &ReadOptions::default())?;
    let all = Timeline::build(Some("Bird flu, November 2005".into()), &corpus.articles);
    println!("{} entries from {} articles\n", all.events.len(), all.articles.len());

    // Step 2: what weighs. Each entry's `signals` hold what its importance was computed from:
    // how many articles report it, how many other articles refer to its date (those published
    // more than a week later count double: the story looks back to it), whether a lead
    // sentence or a headline reports it, how prominent its participants are, how precise its
    // date is, and whether it was done or only planned.
    let first = &all.events[rank::order(&all)[0]];
    println!("The most important entry: {} ({})", first.label, write::date_column(first));
    println!("  {:?}\n", first.signals);

    // Step 3: the 20 key events, in date order, each with the reason for its rank. `top`
    // keeps the ids of the full timeline, so an entry can be looked up in either.
    let key = all.top(20);
    let why = rank::explanations(&all);
    println!("The 20 key events:");
    for e in &key.events {
        let at = all.events.iter().position(|f| f.id == e.id).expect("the same ids");
        println!("{:<14} {}  [{} sources]", write::date_column(e), e.label, e.sources().len());
        println!("{:<14}   {}", "", why[at]);
    }
    println!();

    // Step 4: the key days. Days are ranked by what their entries add up to; `top_days` keeps
    // every entry of the best K.
    println!("The 5 most important days:");
    for d in all.days().iter().take(5) {
        println!("  {}  importance {:>6.2}  {} entries", d.day, d.importance, d.events.len());
    }
    let days = all.top_days(5);
    println!("\n`timeline build --top-days 5` keeps {} entries.", days.events.len());
    Ok(())
}
