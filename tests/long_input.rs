//! A long page full of dates: a 10 MB article is read in one pass and every date in it found.
//! (How fast is measured by the benchmark, `cargo bench --bench throughput`, not here.)

use timeline::corpus::Article;
use timeline::dates::{DateExtractor, Options};

#[test]
fn ten_megabyte_article_full_of_dates() {
    // One paragraph, no line breaks, a date or two in every sentence, ranges chained together.
    let unit = "On May 5, 2024 the talks resumed; from June 1 to June 3 they stalled - June 4 - June 5 - \
                June 6, and last week, three days ago, officials met again on Monday. ";
    let copies = 10_000_000 / unit.len() + 1;
    let text = unit.repeat(copies);
    assert!(text.len() >= 10_000_000);
    let article = Article::new("long", text, "2024-06-20".parse().ok());
    let found = DateExtractor::new(Options::default()).extract(&article).mentions;
    // Per copy: May 5, 2024; the June 1-3 range; June 4, 5, 6 chained into one range with it
    // or apart; last week; three days ago; Monday.
    let per_copy = found.len() as f64 / copies as f64;
    assert!((6.0..=9.0).contains(&per_copy), "{per_copy} mentions a copy");
    assert!(found.iter().any(|m| m.value.timex() == "2024-05-05"));
    assert!(found.iter().any(|m| m.value.timex() == "2024-W24"));
}

#[test]
fn a_sentence_of_chained_lengths_joins_them_two_by_two() {
    // 2 MB of "1 hour and 1 minute and 1 second and ..." in one sentence: each length joins at
    // most the next, smaller one, so the read stays one pass (a join that went on joining
    // would walk the rest of the chain from every link).
    let unit = "1 hour and 1 minute and 1 second and ";
    let copies = 2_000_000 / unit.len();
    let article = Article::new("chain", unit.repeat(copies) + "1 day.", "2024-06-20".parse().ok());
    let found = DateExtractor::new(Options::default()).extract(&article).mentions;
    let values: Vec<String> = found.iter().take(4).map(|m| m.value.timex()).collect();
    assert_eq!(values, ["PT1H1M", "PT1S", "PT1H1M", "PT1S"]);
    assert_eq!(found.len(), 2 * copies + 1);
}

#[test]
fn a_line_of_nothing_but_numbers_and_dashes() {
    let text = "1-2-3-4-5-6-7-8-9-".repeat(200_000) + &"May-".repeat(200_000);
    let article = Article::new("noise", text, "2024-06-20".parse().ok());
    let found = DateExtractor::new(Options::default()).extract(&article).mentions;
    assert!(found.len() < 1000, "{} false dates in noise", found.len());
}

#[test]
fn a_long_article_without_full_stops_is_read_in_bounded_pieces() {
    // 380 KB in one "sentence": the event layer reads it in pieces of about 1,000 bytes, so
    // every report quotes a piece, not the page, and the work grows with the length, not its
    // square.
    let unit = "Officials met in Geneva on Monday and talks were held with Russia and the army attacked \
                the city while leaders announced a truce ";
    let text = unit.repeat(3000);
    let a = timeline::corpus::Article::new("long", text.as_str(), "2024-06-20".parse().ok());
    let t = timeline::timeline::Timeline::build(None, std::slice::from_ref(&a));
    assert!(!t.events.is_empty());
    for m in t.events.iter().flat_map(|e| &e.mentions) {
        assert!(m.end - m.start <= 1_000, "a report quotes {} bytes", m.end - m.start);
    }
}

#[test]
fn an_article_of_title_case_lines_is_read_in_linear_time() {
    // Each line a headline in title case, whose words the language layer looks for elsewhere in
    // the article (to tell names): the look-up must not scan the whole article for every word of
    // every line (it looks near the line only). 500 KB of 8,000 headlines.
    let mut text = String::new();
    let mut i = 0;
    while text.len() < 500_000 {
        text += &format!("Rebels Attack Army Base {i} In Northern Uganda, Killing {}\n\n", i % 97);
        i += 1;
    }
    let article = Article::new("headlines", text.as_str(), "2024-06-20".parse().ok());
    let dates = DateExtractor::new(Options::default()).extract(&article);
    let events = timeline::events::timeml::EventLayer::new().extract(&article, &dates);
    // "Killing" read as a verb, as in sentence case, where a run of proper nouns had none; the
    // other headlines around a line are no evidence that its words are names
    assert!(events.len() > i / 4, "{} events in {i} headlines", events.len());
}
