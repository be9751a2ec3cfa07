//! Data-driven date-resolution tests: every line of `tests/dates/cases.txt` is a case.

use chrono::Weekday;
use timeline::corpus::Article;
use timeline::dates::numeric::NumericOrder;
use timeline::dates::{DateExtractor, Direction, Options};

struct Case {
    line: usize,
    published: chrono::NaiveDate,
    text: String,
    span: (usize, usize),
    expected: String,
    opts: Options,
    kind: Option<String>,
    modifier: Option<String>,
    /// The expression found must be the bracketed words, no more and no less.
    exact: bool,
}

fn parse_cases() -> Vec<Case> {
    let data = include_str!("dates/cases.txt");
    let mut out = Vec::new();
    for (i, raw) in data.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split(" | ").map(str::trim).collect();
        assert!(cols.len() >= 3, "cases.txt:{}: expected `published | text | value [| options]`", i + 1);
        let published = cols[0].parse().unwrap_or_else(|_| panic!("cases.txt:{}: bad date {:?}", i + 1, cols[0]));
        let marked = cols[1];
        let open = marked.find('[').unwrap_or_else(|| panic!("cases.txt:{}: no [expression]", i + 1));
        // Several bracketed stretches (negative cases): the span runs from the first to the last.
        let close = marked.rfind(']').unwrap_or_else(|| panic!("cases.txt:{}: no closing ]", i + 1));
        let text: String = marked.chars().filter(|&c| c != '[' && c != ']').collect();
        let brackets_before_close = marked[..close].matches(['[', ']']).count();
        let span = (open, close - brackets_before_close);
        let mut opts = Options::default();
        let (mut kind, mut modifier, mut exact) = (None, None, false);
        for opt in cols.get(3).map(|s| s.split_whitespace().collect::<Vec<_>>()).unwrap_or_default() {
            match opt.split_once('=') {
                Some(("prefer", "past")) => opts.prefer = Some(Direction::Past),
                Some(("prefer", "future")) => opts.prefer = Some(Direction::Future),
                Some(("week", "sunday")) => opts.week_start = Weekday::Sun,
                Some(("numeric", "day-first")) => opts.numeric = NumericOrder::DayFirst,
                Some(("numeric", "month-first")) => opts.numeric = NumericOrder::MonthFirst,
                Some(("type", t)) => kind = Some(t.to_string()),
                Some(("mod", m)) => modifier = Some(m.to_string()),
                Some(("span", "exact")) => exact = true,
                _ => panic!("cases.txt:{}: unknown option {opt:?}", i + 1),
            }
        }
        out.push(Case {
            line: i + 1,
            published,
            text,
            span,
            expected: cols[2].to_string(),
            opts,
            kind,
            modifier,
            exact,
        });
    }
    out
}

#[test]
fn every_case_in_cases_txt() {
    let cases = parse_cases();
    assert!(cases.len() > 80, "the case file was not read");
    let mut failures = Vec::new();
    for c in &cases {
        let article = Article::new("case", c.text.clone(), Some(c.published));
        let found = DateExtractor::new(c.opts).extract(&article).mentions;
        let hits: Vec<_> = found.iter().filter(|m| m.start < c.span.1 && c.span.0 < m.end).collect();
        let want = &c.text[c.span.0..c.span.1];
        if c.expected == "-" {
            if !hits.is_empty() {
                failures.push(format!(
                    "line {}: {want:?} should not be a date, got {:?}",
                    c.line,
                    hits.iter().map(|m| (&m.text, m.value.timex())).collect::<Vec<_>>()
                ));
            }
            continue;
        }
        let Some(m) = hits.first() else {
            failures.push(format!(
                "line {}: {want:?} not found (found {:?})",
                c.line,
                found.iter().map(|m| &m.text).collect::<Vec<_>>()
            ));
            continue;
        };
        if m.value.timex() != c.expected {
            failures.push(format!(
                "line {}: {want:?} = {} ({}), expected {}",
                c.line,
                m.value.timex(),
                m.reason,
                c.expected
            ));
        }
        if c.exact && (m.start, m.end) != c.span {
            failures.push(format!("line {}: {want:?} found as {:?}", c.line, m.text));
        }
        if let Some(k) = &c.kind {
            if m.timex_type().to_string() != *k {
                failures.push(format!("line {}: {want:?} typed {}, expected {k}", c.line, m.timex_type()));
            }
        }
        if let Some(md) = &c.modifier {
            if m.value.modifier().map(|x| x.timex()) != Some(md.as_str()) {
                failures.push(format!("line {}: {want:?} mod {:?}, expected {md}", c.line, m.value.modifier()));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

#[test]
fn without_a_publication_date_relative_expressions_are_unanchored() {
    let a = Article::new("x", "Putin spoke on Monday and again last week, in March and in 2014.", None);
    let found = DateExtractor::new(Options::default()).extract(&a).mentions;
    let v: Vec<(String, String)> = found.iter().map(|m| (m.text.clone(), m.value.timex())).collect();
    assert_eq!(
        v,
        [
            ("Monday".into(), "XXXX-WXX-1".into()),
            ("last week".into(), "XXXX-WXX".into()),
            ("March".into(), "XXXX-03".into()),
            ("2014".into(), "2014".into())
        ]
    );
    assert!(found[..3].iter().all(|m| m.anchor.is_none() && m.reason.contains("no publication date")));
}

#[test]
fn an_ambiguous_all_number_date_says_so_and_gives_the_other_reading() {
    let found = |text: &str| {
        let a = Article::new("a", text, "2025-06-01".parse().ok());
        DateExtractor::new(Options::default()).extract(&a).mentions
    };
    let m = found("Signed on 04/05/2025 in Kyiv.");
    assert_eq!(m[0].value.timex(), "2025-04-05");
    assert!(m[0].reason.contains("ambiguous") && m[0].reason.contains("2025-05-04"), "{}", m[0].reason);
    let m = found("The 17/3/2025 deal was amended on 04/05/2025.");
    assert_eq!(m[1].value.timex(), "2025-05-04", "the article's own dates read day first");
    assert!(m[1].reason.contains("the other reading is 2025-04-05"), "{}", m[1].reason);
    assert!(!m[0].reason.contains("ambiguous"), "17/3/2025 has one reading");
}
