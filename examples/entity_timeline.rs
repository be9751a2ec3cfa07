//! # Entity timelines: what one organisation did, in order
//!
//! Run it with:
//!
//! ```sh
//! cargo run --example entity_timeline
//! ```
//!
//! A reader following one actor through a story wants only the events that actor takes part
//! in. `Timeline::about` (and `timeline build --about NAME`, repeatable) keeps the events in
//! which a name is a participant, the place, or stands in the label, in date order. A
//! one-word name finds the full one ("Gallois": "Louis Gallois"), and the aliases the
//! articles give, a name with its acronym in brackets, count as the name: asking for the
//! "World Health Organization" finds "WHO" too. This lesson reads the 44 bird-flu wire stories
//! of `examples/data/bird-flu-2005.jsonl`.

use std::path::Path;
use timeline::corpus::{Corpus, ReadOptions};
use timeline::timeline::{about, write, Timeline};

fn main() -> Result<(), timeline::Error> {
    let story = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/bird-flu-2005.jsonl");
    let corpus = Corpus::read(&[story], &ReadOptions::default())?;
    let all = Timeline::build(Some("Bird flu, November 2005".into()), &corpus.articles);
    println!("{} entries from {} articles\n", all.events.len(), all.articles.len());

    // Step 1: the aliases the reports give, read from "a name (ACRONYM)" and the reverse.
    println!("Aliases in the reports:");
    for (long, short) in about::aliases(&all) {
        println!("  {short} = {long}");
    }
    println!();

    // Step 2: one entity. The names searched are the one asked for and its aliases.
    let who = ["World Health Organization"];
    println!("Searched as: {}", about::names_with_aliases(&all, &who).join(" | "));
    let t = all.about(&who);
    for e in &t.events {
        println!("  {:<20} {}  [{}]", write::date_column(e), e.label, e.sources().join(", "));
    }
    println!();

    // Step 3: several names at once: the events of any of them, still in date order. Ids are
    // those of the full timeline, so an entry can be looked up there.
    let health = all.about(&["World Health Organization", "Ministry of Health"]);
    println!("WHO or a ministry of health: {} events", health.events.len());
    for e in &health.events {
        let same = all.event(&e.id).is_some_and(|f| f == e);
        println!("  {} {:<20} {}  (same entry in the full timeline: {same})", e.id, write::date_column(e), e.label);
    }
    Ok(())
}
