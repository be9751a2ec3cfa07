//! The chronology as Markdown, for wikis and reports: a heading per year, one list item per
//! event with its date at its real precision, its label and its sources, the quoted evidence
//! beneath, then the conflicts and the articles read.

use super::{date_column, Timeline};
use std::fmt::Write as _;

/// Escapes the characters Markdown would read as markup in running text.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(if c == '\n' { ' ' } else { c });
    }
    out
}

/// The timeline as a Markdown document.
///
/// ```
/// use timeline::corpus::Article;
/// use timeline::timeline::{write::markdown, Timeline};
/// let t = Timeline::build(Some("Talks".into()), &[Article::new("a", "Putin suggested on \
///     Monday that Russia and Ukraine hold bilateral talks.", "2025-04-22".parse().ok())]);
/// let md = markdown::chronology(&t);
/// assert!(md.starts_with("# Talks\n"));
/// assert!(md.contains("## 2025\n\n- **Apr 21, 2025**: Putin suggested"));
/// ```
pub fn chronology(t: &Timeline) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", esc(t.title.as_deref().unwrap_or("Timeline")));
    let _ = writeln!(out, "{} events from {} articles.\n", t.events.len(), t.articles.len());
    let mut heading: Option<String> = None;
    for e in &t.events {
        // Undated events stay where their bounds put them, under the year they fall in; an
        // event with nothing to place it goes under "Undated".
        let year = e
            .when
            .as_ref()
            .map(|w| year_of(&w.start))
            .or_else(|| e.bounds.as_ref().and_then(|b| b.before.as_ref().or(b.after.as_ref())).map(|d| year_of(d)))
            .unwrap_or_else(|| "Undated".into());
        if heading.as_deref() != Some(year.as_str()) {
            let _ = writeln!(out, "## {year}\n");
            heading = Some(year);
        }
        let planned = if e.planned { " *(planned)*" } else { "" };
        let sources = e.sources().join(", ");
        let _ = writeln!(out, "- **{}**: {}{planned} ({sources})", esc(&date_column(e)), esc(&e.label));
        for m in &e.mentions {
            let from = m.time_text.as_deref().map(|w| format!(" (date from \"{}\")", esc(w))).unwrap_or_default();
            let _ = writeln!(out, "  > {}: \"{}\"{from}", esc(&m.article), esc(&m.text));
            let _ = writeln!(out, "  >");
        }
        if let Some(b) = &e.bounds {
            for r in b.after_reason.iter().chain(&b.before_reason) {
                let _ = writeln!(out, "  > bound: {}", esc(r));
            }
        }
        // a blockquote's trailing empty line ends it
        if out.ends_with("  >\n") {
            out.truncate(out.len() - 4);
        }
        out.push('\n');
    }
    if !t.conflicts.is_empty() {
        let _ = writeln!(out, "## Conflicts\n");
        for c in &t.conflicts {
            let _ = writeln!(out, "- {}: {}", c.events.join(", "), esc(&c.reason));
            for (a, s) in &c.evidence {
                let _ = writeln!(out, "  > {}: \"{}\"", esc(a), esc(s));
            }
            out.push('\n');
        }
    }
    let _ = writeln!(out, "## Articles\n");
    let _ = writeln!(out, "| id | published | source | title | events |\n|---|---|---|---|---|");
    for a in &t.articles {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            esc(&a.id),
            a.published.as_deref().unwrap_or(""),
            esc(a.source.as_deref().unwrap_or("")),
            esc(a.title.as_deref().unwrap_or("")),
            a.events
        );
    }
    out
}

/// The year of an ISO day as a heading names it ("2025", "551 BC").
fn year_of(day: &str) -> String {
    match day.parse::<chrono::NaiveDate>() {
        Ok(d) => super::year_name(chrono::Datelike::year(&d)),
        Err(_) => day.get(..4).unwrap_or("").to_string(),
    }
}
