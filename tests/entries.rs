//! Timeline entries from the event layer, one sentence at a time: which events are entries,
//! their headline labels and their dates. The cases are data (`tests/events/entries-cases.txt`):
//! `published | text | label | value`, where the label `-` wants no entry at all and `!label`
//! wants no entry of that label and value. A label ending in " (planned)" wants the entry
//! marked planned (hoped for, announced, to come), as the text chronology writes it; after `!`,
//! it forbids only a planned entry of that label.

use timeline::corpus::Article;
use timeline::dates::{DateExtractor, Options};
use timeline::events::entries::EntryExtractor;

#[test]
fn entries_of_single_sentences() {
    let cases = include_str!("events/entries-cases.txt");
    let mut dates = DateExtractor::new(Options::default());
    let mut entries = EntryExtractor::new();
    let mut failures = Vec::new();
    let mut n = 0;
    for (no, line) in cases.lines().enumerate().filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#')) {
        n += 1;
        let f: Vec<&str> = line.split('|').map(str::trim).collect();
        let (published, text, label) = (f[0], f[1], f[2]);
        let value = f.get(3).copied().unwrap_or("");
        let a = Article::new("case", text, published.parse().ok());
        let found = entries.extract(&a, &dates.extract(&a));
        let got: Vec<(String, String, bool)> = found
            .iter()
            .map(|m| (m.label.clone(), m.time.as_ref().map(|t| t.value.timex()).unwrap_or_default(), m.planned))
            .collect();
        let (label, want_planned) = match label.strip_suffix(" (planned)") {
            Some(l) => (l, true),
            None => (label, false),
        };
        let ok = match label.strip_prefix('!') {
            _ if label == "-" => got.is_empty(),
            // "!label | value": no entry has that label and date ("!label (planned)": no
            // planned one)
            Some(not) => !got.iter().any(|(l, v, p)| l == not && v == value && (*p || !want_planned)),
            None => got.iter().any(|(l, v, p)| l == label && v == value && (*p || !want_planned)),
        };
        if !ok {
            failures.push(format!("line {}: {text}\n  want {label:?} {value:?}\n  got  {got:?}", no + 1));
        }
    }
    assert!(n >= 10);
    assert!(failures.is_empty(), "{} of {n} cases fail:\n{}", failures.len(), failures.join("\n"));
}
