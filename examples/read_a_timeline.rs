//! # Reading a timeline back, and asking it questions
//!
//! Run it with:
//!
//! ```sh
//! cargo run --example read_a_timeline
//! ```
//!
//! A timeline written as RON or JSON is a contract: any program can read it, and this crate
//! reads it back into the same typed model it wrote. This lesson loads the bundled corpus's
//! checked-in timeline (`timelines/ukraine-ceasefire/timeline.ron` and `.json`) and asks it
//! the questions an editor asks: what happened in this week, what did this article report,
//! what could not be dated and what do we know about when it happened.

use chrono::NaiveDate;
use std::path::Path;
use timeline::timeline::{write, Timeline};

fn main() -> Result<(), timeline::Error> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire");

    // Step 1: load. `Timeline::load` tells RON from JSON by the extension; both hold the same
    // timeline. A file that is not a timeline is an error naming the file and the place.
    let t = Timeline::load(dir.join("timeline.ron"))?;
    let same = Timeline::load(dir.join("timeline.json"))?;
    println!("{}", t.title.as_deref().unwrap_or("(untitled)"));
    println!(
        "{} events, {} relations, {} conflicts; RON and JSON agree: {}\n",
        t.events.len(),
        t.relations.len(),
        t.conflicts.len(),
        t == same
    );

    // Step 2: events in a date range. An event overlaps the range if any of its days do:
    // "week of Apr 14, 2025" is in a range that starts on Apr 18.
    let (from, to) = (day(2025, 4, 18), day(2025, 4, 23));
    println!("Between {from} and {to}:");
    for e in t.between(from, to) {
        println!("  {:<22} {}  [{}]", write::date_column(e), e.label, e.sources().join(", "));
    }
    println!();

    // Step 3: what one article reported, with the words each date came from. `reported_by`
    // takes an article id or a source (outlet) name.
    println!("Reported by article 003:");
    for e in t.reported_by("003") {
        for m in e.mentions.iter().filter(|m| m.article == "003") {
            let words = m.time_text.as_deref().map(|w| format!("\"{w}\"")).unwrap_or_else(|| "no date words".into());
            println!("  {} {:<45} dated by {words}", e.id, e.label);
        }
    }
    println!();

    // Step 4: events that are not pinned to a date. An undated event keeps what bounds it: the
    // publication date of the articles that report it as done, or an event the text puts it
    // after or before. An approximate date ("before May 25, 2024") carries its bounds too.
    println!("Undated or only bounded:");
    for e in t.events.iter().filter(|e| e.when.is_none() || e.bounds.is_some()) {
        println!("  {} {} ({})", e.id, e.label, write::date_column(e));
        if let Some(b) = &e.bounds {
            for reason in b.after_reason.iter().chain(&b.before_reason) {
                println!("      because: {reason}");
            }
        }
    }
    println!("  ({} with no date at all)\n", t.undated().count());

    // Step 5: the order the text itself states. Relations whose evidence is a sentence, not
    // just two dates, are what placed events like "a few days earlier".
    println!("Orderings the articles state in words:");
    for r in t.relations.iter().filter(|r| r.evidence != "dates") {
        let label = |id: &str| t.event(id).map(|e| e.label.as_str()).unwrap_or("?");
        println!("  {} before {}: {} -> {}", r.before, r.after, label(&r.before), label(&r.after));
        println!("      {}: \"{}\"", r.article.as_deref().unwrap_or("?"), r.evidence.trim());
    }
    Ok(())
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}
