//! The timeline as one self-contained HTML page: no network request, no external asset, so it
//! opens offline, from an e-mail attachment, or from a newsroom's CMS as it is.
//!
//! - a vertical timeline, each entry with its date at its real precision ("Jun 15-16, 2024",
//!   "week of May 13, 2024", "Mar 2024"), its label and its sources, and the quoted evidence
//!   (each report's sentence, the words its date came from marked) on expand;
//! - undated events where their bounds put them, saying so ("undated: between ... and ...");
//! - conflicts flagged on their entries and listed with the disagreeing sentences;
//! - filters by source (article), by date range and by words (in labels and quotes), with a
//!   count of what is shown;
//! - a "key events" switch that keeps the N most important entries (N set on the page; 20 by
//!   default, or `timeline build --top N`, which turns the switch on);
//! - a layout that reads on a phone, and prints with every entry's evidence expanded.
//!
//! The page's structure is part of the contract for scripts that read it: every entry is an
//! `li.event` with `id` (the event id), `data-start`/`data-end` (ISO days; an undated event's
//! bounds, possibly empty), `data-rank` (1 for the most important; see
//! [`crate::timeline::rank`]), `data-importance`, `data-sources` (indexes into the article list, space-separated:
//! ids may hold spaces; each source checkbox carries its id as `data-id`) and `data-kind`.

use super::{coverage, coverage_of, date_column, Timeline};
use std::fmt::Write as _;

/// Escapes text for HTML element content and double-quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// A report's sentence, escaped, with the words its date came from marked.
fn quote(sentence: &str, date_words: Option<&str>) -> String {
    let s = sentence.trim();
    match date_words.and_then(|w| s.find(w).map(|at| (at, w.len()))) {
        Some((at, len)) => {
            format!("{}<mark>{}</mark>{}", escape(&s[..at]), escape(&s[at..at + len]), escape(&s[at + len..]))
        }
        None => escape(s),
    }
}

const STYLE: &str = r#"
:root { --ink: #1d1d1f; --muted: #5f6368; --line: #c9ccd1; --accent: #0b57d0; --warn: #b3261e; --paper: #fff; --soft: #f3f5f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--paper); }
header, main, form { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
header h1 { font-size: 1.6rem; margin: 1.5rem 0 0.25rem; }
.summary { color: var(--muted); margin: 0 0 1rem; }
form { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: flex-start; padding-top: 0.75rem; padding-bottom: 0.75rem; background: var(--soft); border-radius: 8px; }
fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; }
#sources { max-height: 9.5rem; overflow-y: auto; }
input[type=search] { font: inherit; min-width: 14rem; }
legend { font-weight: 600; float: left; margin-right: 0.5rem; }
label { white-space: nowrap; }
label .title { color: var(--muted); font-size: 0.85em; }
button { font: inherit; padding: 0.2rem 0.8rem; }
#count { margin: 0; color: var(--muted); width: 100%; }
ol.timeline { list-style: none; margin: 1.5rem 0; padding: 0; position: relative; }
ol.timeline::before { content: ""; position: absolute; left: 11.25rem; top: 0; bottom: 0; border-left: 2px solid var(--line); }
li.event { display: grid; grid-template-columns: 10.5rem 1fr; gap: 0 1.5rem; padding: 0.5rem 0; position: relative; }
li.event::before { content: ""; position: absolute; left: calc(11.25rem - 5px); top: 1.05rem; width: 12px; height: 12px; border-radius: 50%; background: var(--accent); }
li.event.undated::before { background: var(--paper); border: 2px dashed var(--accent); }
li.event.conflict::before { background: var(--warn); }
li.event[hidden] { display: none; }
.date { text-align: right; font-weight: 600; font-variant-numeric: tabular-nums; padding-top: 0.3rem; }
.undated .date { font-weight: 400; font-style: italic; color: var(--muted); }
.body h2 { font-size: 1.05rem; margin: 0.25rem 0 0.1rem; }
.planned { font-size: 0.8em; color: var(--muted); font-weight: 400; }
.sources { margin: 0; color: var(--muted); font-size: 0.9rem; }
.source { display: inline-block; background: var(--soft); border: 1px solid var(--line); border-radius: 4px; padding: 0 0.35rem; margin-right: 0.25rem; color: var(--ink); }
.flag { color: var(--warn); font-size: 0.9rem; margin: 0.2rem 0 0; }
.flag a { color: inherit; }
details { margin: 0.25rem 0 0.5rem; }
summary { cursor: pointer; color: var(--accent); font-size: 0.9rem; }
blockquote { margin: 0.4rem 0; padding: 0.3rem 0.75rem; border-left: 3px solid var(--line); background: var(--soft); font-size: 0.95rem; }
blockquote cite { font-style: normal; font-weight: 600; margin-right: 0.3rem; }
mark { background: #fde68a; padding: 0 0.1em; }
.bound { font-size: 0.9rem; color: var(--muted); margin: 0.2rem 0; }
section { margin: 2rem 0; }
section h2 { font-size: 1.2rem; border-bottom: 1px solid var(--line); padding-bottom: 0.25rem; }
table { border-collapse: collapse; width: 100%; font-size: 0.9rem; }
th, td { text-align: left; padding: 0.3rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
footer { max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: var(--muted); font-size: 0.85rem; }
@media (max-width: 40rem) {
  ol.timeline::before { left: 0.4rem; }
  li.event { grid-template-columns: 1fr; padding-left: 1.5rem; }
  li.event::before { left: 0; top: 0.8rem; }
  .date { text-align: left; padding-top: 0.4rem; }
  label { white-space: normal; }
  table, tbody, tr, td, th { display: block; }
  thead { display: none; }
  td { border: 0; padding: 0.1rem 0; }
  tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
}
@media print {
  form, summary, footer { display: none; }
  li.event[hidden] { display: grid; }
  li.event { break-inside: avoid; }
  body { font-size: 11pt; }
  mark { background: none; font-weight: 600; }
}
"#;

const SCRIPT: &str = r#"
(function () {
  var form = document.getElementById('filters');
  var events = Array.prototype.slice.call(document.querySelectorAll('li.event'));
  var count = document.getElementById('count');
  function apply() {
    var on = {};
    Array.prototype.forEach.call(form.querySelectorAll('input[name=source]:checked'), function (i) { on[i.value] = true; });
    var from = form.elements.from.value, to = form.elements.to.value, undated = form.elements.undated.checked;
    var key = form.elements.key.checked, keyn = parseInt(form.elements.keyn.value, 10) || 0;
    var words = form.elements.q.value.toLowerCase().split(/\s+/).filter(function (w) { return w; });
    var shown = 0;
    events.forEach(function (li) {
      var show = li.dataset.sources.split(' ').some(function (s) { return on[s]; });
      if (words.length) {
        var text = li.textContent.toLowerCase();
        show = show && words.every(function (w) { return text.indexOf(w) >= 0; });
      }
      var s = li.dataset.start, e = li.dataset.end;
      if (li.classList.contains('undated') && !undated) show = false;
      if (from && e && e < from) show = false;
      if (to && s && s > to) show = false;
      if (key && +li.dataset.rank > keyn) show = false;
      li.hidden = !show;
      if (show) shown++;
    });
    count.textContent = shown + ' of ' + events.length + ' events shown';
  }
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('reset', function () { setTimeout(apply, 0); });
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  // Print every entry with its evidence.
  var opened = [];
  window.addEventListener('beforeprint', function () {
    opened = Array.prototype.filter.call(document.querySelectorAll('details'), function (d) { return !d.open; });
    opened.forEach(function (d) { d.open = true; });
  });
  window.addEventListener('afterprint', function () { opened.forEach(function (d) { d.open = false; }); });
  apply();
})();
"#;

/// The timeline as one HTML page.
///
/// ```
/// use timeline::corpus::Article;
/// use timeline::timeline::{write::html, Timeline};
/// let t = Timeline::build(Some("Talks".into()), &[Article::new("a", "Putin suggested on \
///     Monday that Russia and Ukraine hold bilateral talks.", "2025-04-22".parse().ok())]);
/// let page = html::page(&t);
/// assert!(page.contains(r#"<li class="event" id="e1" data-start="2025-04-21" data-end="2025-04-21""#));
/// assert!(page.contains("suggested on <mark>Monday</mark> that"));
/// assert!(!page.contains("http://") && !page.contains("https://")); // nothing to fetch
/// ```
pub fn page(t: &Timeline) -> String {
    page_with(t, KeyEvents::default())
}

/// The page's "key events" switch: how many entries it keeps, and whether it starts on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KeyEvents {
    pub count: usize,
    pub on: bool,
}

impl Default for KeyEvents {
    /// 20 entries, off.
    fn default() -> Self {
        KeyEvents { count: 20, on: false }
    }
}

/// The timeline as one HTML page, with its key-events switch set.
///
/// ```
/// use timeline::corpus::{bundled, Corpus, ReadOptions};
/// use timeline::timeline::{write::html, Timeline};
/// let c = Corpus::read(&[bundled()], &ReadOptions::default())?;
/// let page = html::page_with(&Timeline::build(None, &c.articles), html::KeyEvents { count: 5, on: true });
/// assert!(page.contains(r#"<input type="checkbox" name="key" checked>"#));
/// assert!(page.contains(r#"name="keyn" value="5""#));
/// assert!(page.contains(r#"data-rank="1""#));
/// # Ok::<(), timeline::Error>(())
/// ```
pub fn page_with(t: &Timeline, key: KeyEvents) -> String {
    let title = escape(t.title.as_deref().unwrap_or("Timeline"));
    let mut out = String::with_capacity(16 * 1024 + t.events.len() * 1024);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"timeline {}\">\n<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        env!("CARGO_PKG_VERSION")
    );
    let _ = writeln!(
        out,
        "<header>\n<h1>{title}</h1>\n<p class=\"summary\">{} events from {} articles</p>\n</header>",
        t.events.len(),
        t.articles.len()
    );
    filters(&mut out, t, key);
    out.push_str("<main>\n<ol class=\"timeline\">\n");
    entries(&mut out, t);
    out.push_str("</ol>\n");
    conflicts(&mut out, t);
    articles(&mut out, t);
    let _ = writeln!(
        out,
        "<footer>Built by timeline {}: every entry quotes the sentences it comes from; dates are shown at the precision the sources give.</footer>",
        env!("CARGO_PKG_VERSION")
    );
    let _ = write!(out, "<script>{SCRIPT}</script>\n</body>\n</html>\n");
    out
}

/// The form that filters the entries: sources, dates, words, key events.
fn filters(out: &mut String, t: &Timeline, key: KeyEvents) {
    // a date input takes days of the common era: one before Christ is before any it can hold
    let days: Vec<&str> = t
        .events
        .iter()
        .filter_map(|e| e.when.as_ref())
        .flat_map(|w| [w.start.as_str(), w.end.as_str()])
        .filter(|d| !d.starts_with('-'))
        .collect();
    let (min, max) = (days.iter().min().copied().unwrap_or(""), days.iter().max().copied().unwrap_or(""));
    out.push_str("<form id=\"filters\" aria-label=\"Filters\">\n<fieldset id=\"sources\"><legend>Sources</legend>\n");
    for (i, a) in t.articles.iter().enumerate() {
        let about = [a.source.as_deref(), a.published.as_deref(), a.title.as_deref()]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", ");
        let _ = writeln!(
            out,
            "<label title=\"{}\"><input type=\"checkbox\" name=\"source\" value=\"{i}\" data-id=\"{}\" checked> {} <span class=\"title\">{}</span></label>",
            escape(&about),
            escape(&a.id),
            escape(&a.id),
            escape(a.published.as_deref().unwrap_or(""))
        );
    }
    let _ = writeln!(
        out,
        "</fieldset>\n<fieldset id=\"dates\"><legend>Dates</legend>\n\
         <label>from <input type=\"date\" name=\"from\" min=\"{min}\" max=\"{max}\"></label>\n\
         <label>to <input type=\"date\" name=\"to\" min=\"{min}\" max=\"{max}\"></label>\n\
         <label><input type=\"checkbox\" name=\"undated\" checked> undated events</label>\n\
         </fieldset>\n<fieldset id=\"words\"><legend>Words</legend>\n\
         <input type=\"search\" name=\"q\" placeholder=\"in labels and quotes\" aria-label=\"Words in labels and quotes\">\n\
         <button type=\"reset\">Show all</button>\n</fieldset>\n\
         <fieldset id=\"key-events\"><legend>Key events</legend>\n\
         <label><input type=\"checkbox\" name=\"key\"{checked}> only the</label>\n\
         <label><input type=\"number\" name=\"keyn\" value=\"{keyn}\" min=\"1\" max=\"{n}\" aria-label=\"How many key events\"> most important</label>\n\
         </fieldset>\n\
         <p id=\"count\" aria-live=\"polite\">{n} of {n} events shown</p>\n</form>",
        n = t.events.len(),
        checked = if key.on { " checked" } else { "" },
        keyn = key.count.clamp(1, t.events.len().max(1)),
    );
}

/// One list item an entry, with its evidence.
fn entries(out: &mut String, t: &Timeline) {
    let rank: Vec<usize> = {
        let mut r = vec![0; t.events.len()];
        for (pos, i) in crate::timeline::rank::order(t).into_iter().enumerate() {
            r[i] = pos + 1;
        }
        r
    };

    let mut conflict_at: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for (i, c) in t.conflicts.iter().enumerate() {
        for e in &c.events {
            conflict_at.entry(e.as_str()).or_insert(i);
        }
    }
    let conflict_of = |id: &str| conflict_at.get(id).copied();
    let article_index: std::collections::HashMap<&str, usize> =
        t.articles.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    for (i, e) in t.events.iter().enumerate() {
        entry(out, t, e, (rank[i], conflict_of(&e.id)), &article_index);
    }
}

/// One entry: its date, label, sources, conflict flag and evidence, with its rank and the
/// conflict it is in; `article_index` numbers the articles.
fn entry(
    out: &mut String,
    t: &Timeline,
    e: &crate::timeline::Event,
    (rank, conflict): (usize, Option<usize>),
    article_index: &std::collections::HashMap<&str, usize>,
) {
    let undated = e.when.is_none();
    let (start, end) = match (&e.when, &e.bounds) {
        (Some(w), _) => (w.start.clone(), w.end.clone()),
        (None, Some(b)) => (b.after.clone().unwrap_or_default(), b.before.clone().unwrap_or_default()),
        (None, None) => (String::new(), String::new()),
    };
    let mut class = String::from("event");
    if undated {
        class.push_str(" undated");
    }
    if conflict.is_some() {
        class.push_str(" conflict");
    }
    let sources = e.sources();
    // Sources as article indexes: ids may hold spaces or quotes, indexes never do.
    let source_indexes: Vec<String> =
        sources.iter().filter_map(|s| article_index.get(s).map(|i| i.to_string())).collect();
    let date = if undated { format!("undated: {}", date_column(e)) } else { date_column(e) };
    let date = date.replace("undated: undated", "undated");
    let datetime = e.when.as_ref().map(|w| format!(" datetime=\"{}\"", escape(&w.value))).unwrap_or_default();
    let _ = writeln!(
        out,
        "<li class=\"{class}\" id=\"{}\" data-start=\"{}\" data-end=\"{}\" data-rank=\"{}\" data-importance=\"{}\" data-sources=\"{}\" data-kind=\"{}\">",
        escape(&e.id),
        escape(&start),
        escape(&end),
        rank,
        e.importance,
        source_indexes.join(" "),
        e.kind.and_then(|k| serde_json::to_value(k).ok()).and_then(|v| v.as_str().map(str::to_string)).unwrap_or_default()
    );
    let tag = if undated { "span" } else { "time" };
    let _ = writeln!(out, "<{tag} class=\"date\"{datetime}>{}</{tag}>", escape(&date));
    let planned = if e.planned { " <span class=\"planned\">(planned)</span>" } else { "" };
    let _ = writeln!(out, "<div class=\"body\">\n<h2 class=\"label\">{}{planned}</h2>", escape(&e.label));
    out.push_str("<p class=\"sources\">Sources: ");
    for s in &sources {
        let _ = write!(out, "<span class=\"source\">{}</span>", escape(s));
    }
    out.push_str("</p>\n");
    if let Some(i) = conflict {
        let _ = writeln!(
            out,
            "<p class=\"flag\">Sources disagree: <a href=\"#conflict-{}\">{}</a></p>",
            i + 1,
            escape(&t.conflicts[i].reason)
        );
    }
    evidence(out, e);
    out.push_str("</div>\n</li>\n");
}

/// An entry's evidence, folded: each report quoted with the words its date came from, and the
/// reasons for its bounds.
fn evidence(out: &mut String, e: &crate::timeline::Event) {
    let reports = e.mentions.len();
    let _ = writeln!(
        out,
        "<details>\n<summary>Evidence: {reports} report{}</summary>",
        if reports == 1 { "" } else { "s" }
    );
    for m in &e.mentions {
        let from = m
            .time_text
            .as_deref()
            .map(|w| format!(" <span class=\"from\">(date from \u{201c}{}\u{201d})</span>", escape(w)))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "<blockquote data-article=\"{}\"><cite>{}</cite>\u{201c}{}\u{201d}{from}</blockquote>",
            escape(&m.article),
            escape(&m.article),
            quote(&m.text, m.time_text.as_deref())
        );
    }
    if let Some(b) = &e.bounds {
        for r in b.after_reason.iter().chain(&b.before_reason) {
            let _ = writeln!(out, "<p class=\"bound\">Bound: {}</p>", escape(r));
        }
    }
    out.push_str("</details>\n");
}

/// The conflicts section, when the sources disagree.
fn conflicts(out: &mut String, t: &Timeline) {
    if !t.conflicts.is_empty() {
        out.push_str("<section id=\"conflicts\">\n<h2>Conflicts</h2>\n");
        for (i, c) in t.conflicts.iter().enumerate() {
            let links: Vec<String> =
                c.events.iter().map(|id| format!("<a href=\"#{0}\">{0}</a>", escape(id))).collect();
            let _ =
                writeln!(out, "<div id=\"conflict-{}\">\n<p>{}: {}</p>", i + 1, links.join(", "), escape(&c.reason));
            for (a, s) in &c.evidence {
                let _ = writeln!(
                    out,
                    "<blockquote><cite>{}</cite>\u{201c}{}\u{201d}</blockquote>",
                    escape(a),
                    escape(s.trim())
                );
            }
            out.push_str("</div>\n");
        }
        out.push_str("</section>\n");
    }
}

/// The articles table.
fn articles(out: &mut String, t: &Timeline) {
    out.push_str("<section id=\"articles\">\n<h2>Articles</h2>\n<table>\n<thead><tr><th>id</th><th>published</th><th>source</th><th>title</th><th>events</th><th>coverage</th></tr></thead>\n<tbody>\n");
    let groups = coverage(t);
    let group_of = coverage_of(&groups);
    for a in &t.articles {
        let group = group_of.get(a.id.as_str()).copied().unwrap_or("");
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            escape(&a.id),
            escape(a.published.as_deref().unwrap_or("")),
            escape(a.source.as_deref().unwrap_or("")),
            escape(a.title.as_deref().unwrap_or("")),
            a.events,
            escape(group)
        );
    }
    out.push_str("</tbody>\n</table>\n</section>\n</main>\n");
}
