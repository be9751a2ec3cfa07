//! Properties that hold on any input, checked on generated cases (proptest, stable toolchain):
//! the short, always-on companion of the fuzz targets under `fuzz/`.

use proptest::prelude::*;
use timeline::corpus::{Article, Corpus};
use timeline::dates::{DateExtractor, Options};
use timeline::timeline::{Format, Timeline};

/// Sentences made of the words stories are made of, so that generated text has dates and
/// events to find, joined with noise.
fn story() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "Russia and Ukraine held talks in Istanbul on Monday.",
        "The summit will be held on June 15-16 in Switzerland.",
        "A truce began on Easter Sunday, officials said.",
        "Two days later the ceasefire collapsed.",
        "Putin suggested last week that talks resume.",
        "The deal was signed on 04/05/2025 in Kyiv.",
        "Zelensky met Trump in Washington in February 2025.",
        "\n\nAdvertisement\n",
        "Related: ",
        "\u{feff}",
        "no full stop here and none after",
    ]);
    prop::collection::vec(prop_oneof![4 => pieces.prop_map(String::from), 1 => ".{0,40}"], 0..12)
        .prop_map(|v| v.join(" "))
}

fn date() -> impl Strategy<Value = Option<chrono::NaiveDate>> {
    prop_oneof![
        1 => Just(None),
        4 => (1900i32..2100, 1u32..366).prop_map(|(y, d)| chrono::NaiveDate::from_yo_opt(y, d)),
        1 => (-262_000i32..262_000, 1u32..366).prop_map(|(y, d)| chrono::NaiveDate::from_yo_opt(y, d)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn dates_are_spans_of_the_text_in_order(text in story(), published in date()) {
        let found = DateExtractor::new(Options::default()).extract(&Article::new("p", text.as_str(), published));
        let mut last = 0;
        for m in &found.mentions {
            prop_assert!(m.start < m.end && m.end <= text.len());
            prop_assert_eq!(&text[m.start..m.end], m.text.as_str());
            prop_assert!(m.start >= last);
            last = m.start;
            if let Some((a, b)) = m.value.days() {
                prop_assert!(a <= b);
            }
        }
    }

    #[test]
    fn jsonl_reads_back_what_was_written(texts in prop::collection::vec((".{0,60}", date()), 1..6)) {
        let lines: Vec<String> = texts
            .iter()
            .enumerate()
            .map(|(i, (text, d))| {
                let mut a = serde_json::json!({"id": format!("id {i} \"q\" é"), "text": text});
                if let Some(d) = d.filter(|d| timeline::corpus::published_in_range(*d)) {
                    a["published"] = serde_json::json!(d.to_string());
                }
                a.to_string()
            })
            .collect();
        let c = Corpus::from_jsonl(&lines.join("\n"), std::path::Path::new("p.jsonl")).unwrap();
        prop_assert_eq!(c.articles.len(), texts.len());
        for (a, (text, _)) in c.articles.iter().zip(&texts) {
            prop_assert_eq!(&a.text, text);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(16))]

    #[test]
    fn build_keeps_every_report_and_renders_every_format(texts in prop::collection::vec((story(), date()), 1..5)) {
        let articles: Vec<Article> =
            texts.iter().enumerate().map(|(i, (t, d))| Article::new(format!("a{i}"), t.as_str(), *d)).collect();
        let t = Timeline::build(None, &articles);
        let mut ids: Vec<&str> = t.events.iter().map(|e| e.id.as_str()).collect();
        ids.sort();
        ids.dedup();
        prop_assert_eq!(ids.len(), t.events.len(), "entry ids are unique");
        prop_assert!(t.events.iter().all(|e| !e.mentions.is_empty()));
        for f in Format::ALL {
            prop_assert!(t.render(*f).is_ok());
        }
    }

    #[test]
    fn copies_add_sources_not_entries(text in story(), published in date(), copies in 2usize..5) {
        let one = Timeline::build(None, &[Article::new("a", text.as_str(), published)]);
        let many: Vec<Article> = (0..copies).map(|i| Article::new(format!("outlet {i}"), text.as_str(), published)).collect();
        let t = Timeline::build(None, &many);
        prop_assert_eq!(t.events.len(), one.events.len());
        for e in &t.events {
            prop_assert_eq!(e.sources().len(), copies);
        }
    }
}
