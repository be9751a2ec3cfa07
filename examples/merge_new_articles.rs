//! # New articles arrive: what merged, what is new
//!
//! Run it with:
//!
//! ```sh
//! cargo run --example merge_new_articles
//! ```
//!
//! A story goes on, and so does its coverage. This lesson takes the bundled corpus's timeline
//! as "yesterday's", adds three later wire reports (`examples/data/new-articles.jsonl`,
//! written for this tutorial), and shows which reports joined events already on the timeline,
//! which events are new, and which dates changed.
//!
//! The timeline is rebuilt from all the articles rather than patched: one new report can join
//! two entries or date an undated one, so merging has to see every report again. It costs a
//! fraction of a millisecond an article. `Changes::between` then compares the two timelines
//! event by event, matching them by the reports they share (article, sentence and trigger
//! word), never by id or label, which may move when events are added before them.

use std::path::Path;
use timeline::corpus::{self, Corpus, ReadOptions};
use timeline::timeline::{write, Changes, Timeline};

fn main() -> Result<(), timeline::Error> {
    let new_articles = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/data/new-articles.jsonl");

    // Step 1: yesterday's timeline, from the five bundled articles. In practice you would
    // `Timeline::load` the file you wrote yesterday; here we build it, so the lesson runs
    // anywhere.
    let old_corpus = Corpus::read(&[corpus::bundled()], &ReadOptions::default())?;
    let old = Timeline::build(old_corpus.title.clone(), &old_corpus.articles);
    println!("Before: {} events from {} articles", old.events.len(), old.articles.len());

    // Step 2: today's articles, read together with yesterday's. Ids must stay unique across
    // the corpus: "005" would be refused if it were already taken.
    let corpus = Corpus::read(&[corpus::bundled(), new_articles], &ReadOptions::default())?;
    let new = Timeline::build(corpus.title.clone(), &corpus.articles);
    println!("After:  {} events from {} articles\n", new.events.len(), new.articles.len());

    // Step 3: what changed. `Changes` says, for every event of the new timeline that is not
    // the same as before, which old events it continues and which articles it gained.
    let changes = Changes::between(&old, &new);
    print!("{changes}");
    println!();

    // Step 4: look at a merge. The Swiss summit already had three sources; the new wire
    // report of June 17 is a fourth, and its own words ("held on June 15-16") agree with the
    // date the timeline had. Its "on Sunday" names one day of the summit, which does not
    // narrow the two-day event.
    for c in changes.merged() {
        let Some(e) = new.event(&c.event) else { continue };
        println!(
            "{} ({}) now has {} sources: {}",
            e.label,
            write::date_column(e),
            e.sources().len(),
            e.sources().join(", ")
        );
        for m in e.mentions.iter().filter(|m| c.added.contains(&m.article)) {
            let words = m.time_text.as_deref().map(|w| format!(" [date from \"{w}\"]")).unwrap_or_default();
            println!("    + {}: \"{}\"{words}", m.article, m.text.trim());
        }
    }
    println!();

    // Step 5: the new events, in their place on the timeline.
    for c in changes.new_events() {
        let Some(e) = new.event(&c.event) else { continue };
        let at = new.events.iter().position(|x| x.id == e.id).unwrap_or(0);
        let before = at.checked_sub(1).and_then(|i| new.events.get(i)).map(|x| x.label.as_str()).unwrap_or("-");
        println!("New: {} ({}), right after \"{before}\"", e.label, write::date_column(e));
    }

    // From the command line, the same comparison is:
    //   timeline build -o old.ron
    //   timeline build timelines/ukraine-ceasefire examples/data/new-articles.jsonl -o new.ron
    //   timeline diff old.ron new.ron
    Ok(())
}
