//! `build` end to end on any text: split into articles at NUL bytes, each with a publication
//! date near or far, then rendered in every format. Never a panic, and time bounded by the
//! input's length: a fixed cost plus a cost per byte, so a stall (a cost that grows faster
//! than the text) fails.
#![no_main]

use arbitrary::Arbitrary;
use chrono::{Days, NaiveDate};
use libfuzzer_sys::fuzz_target;
use std::sync::Once;
use std::time::{Duration, Instant};
use timeline::corpus::Article;
use timeline::timeline::{Format, Timeline};

#[derive(Debug, Arbitrary)]
struct Input {
    /// Days after 1990-01-01 for each article (cycled), none for an undated one.
    published: Vec<Option<u16>>,
    text: String,
}

/// What one run may take: generous for a sanitizer build on a loaded machine, but a cost that
/// grows with the square of the text does not fit it for long.
fn allowed(bytes: usize) -> Duration {
    Duration::from_millis(500) + Duration::from_micros(400) * bytes as u32
}

fuzz_target!(|input: Input| {
    static WARM: Once = Once::new();
    // The language model loads once, lazily; that is not the input's cost.
    WARM.call_once(|| {
        Timeline::build(None, &[Article::new("warm", "Talks were held on Monday.", None)]);
    });
    let base = NaiveDate::from_ymd_opt(1990, 1, 1).unwrap();
    let articles: Vec<Article> = input
        .text
        .split('\0')
        .take(16)
        .enumerate()
        .map(|(i, text)| {
            let d = if input.published.is_empty() { None } else { input.published[i % input.published.len()] };
            Article::new(format!("a{i}"), text, d.and_then(|d| base.checked_add_days(Days::new(u64::from(d)))))
        })
        .collect();
    let started = Instant::now();
    let t = Timeline::build(None, &articles);
    for f in Format::ALL {
        let _ = t.render(*f);
    }
    let took = started.elapsed();
    assert!(took <= allowed(input.text.len()), "{} bytes took {took:?}", input.text.len());
    assert!(t.events.iter().all(|e| !e.mentions.is_empty()), "an entry with no report");
});
