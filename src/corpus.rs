//! Articles in: reading JSONL, JSON, plain-text files, directories and RON manifests into
//! [`Article`]s with their publication context.
//!
//! Formats:
//! - JSONL, one article a line: `{"id": "004", "published": "2025-04-22", "title": "...", "text": "..."}`
//!   (`source` and `url` optional; `-` reads standard input);
//! - a `.json` file holding one such object or an array of them;
//! - `.txt` files, the article id being the file stem, dated by a manifest or by a default date;
//! - a RON manifest (`manifest.ron`) listing article files with their dates (see [`Manifest`]);
//! - a directory: its `manifest.ron` if it has one, otherwise every `.txt`, `.jsonl` and `.json`
//!   file in it, in name order;
//! - any of these files gzip-compressed, named with `.gz` after its own extension
//!   (`crawl.jsonl.gz`).

use crate::error::{Error, Location, Result};
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// One news article with its context.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier, unique in a corpus.
    pub id: String,
    /// Headline, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Outlet or author, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Address of the original, when known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date: the anchor of every relative expression. `None` when unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<NaiveDate>,
    /// The article text, as scraped.
    #[serde(skip)]
    pub text: String,
}

impl Article {
    /// An article from its id, text and publication date.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// let a = Article::new("004", "Putin suggested on Monday ...", "2025-04-22".parse().ok());
    /// assert_eq!(a.published.unwrap().to_string(), "2025-04-22");
    /// ```
    pub fn new(id: impl Into<String>, text: impl Into<String>, published: Option<NaiveDate>) -> Self {
        Article { id: id.into(), title: None, source: None, url: None, published, text: text.into() }
    }

    /// The line that opens an article in text output: `== id (published): title`.
    ///
    /// ```
    /// use timeline::corpus::Article;
    /// assert_eq!(Article::new("004", "...", None).heading(), "== 004 (no publication date)");
    /// ```
    pub fn heading(&self) -> String {
        let published = self.published.map(|d| d.to_string()).unwrap_or_else(|| "no publication date".into());
        let title = self.title.as_deref().map(|t| format!(": {t}")).unwrap_or_default();
        format!("== {} ({published}){title}", self.id)
    }
}

/// The folder of the corpus bundled with the crate, `timelines/ukraine-ceasefire`: five
/// articles on talk of a ceasefire in Ukraine (May 2024 and April 2025) with their manifest.
/// [`Corpus::read`] reads it like any other folder.
///
/// ```
/// use timeline::corpus::{bundled, Corpus, ReadOptions};
/// let corpus = Corpus::read(&[bundled()], &ReadOptions::default())?;
/// assert_eq!(corpus.articles.len(), 5);
/// assert_eq!(corpus.articles[0].published.unwrap().to_string(), "2024-05-25");
/// # Ok::<(), timeline::Error>(())
/// ```
pub fn bundled() -> PathBuf {
    let built_from = Path::new(env!("CARGO_MANIFEST_DIR")).join("timelines/ukraine-ceasefire");
    if built_from.is_dir() {
        built_from
    } else {
        // The binary was moved away from its sources: look beside the working directory.
        PathBuf::from("timelines/ukraine-ceasefire")
    }
}

/// A RON manifest: the articles of one corpus with their publication context.
///
/// ```ron
/// Manifest(
///     title: "Ukraine: ceasefire talk, 2024-2025",
///     articles: [
///         (id: "000", file: "articles/000.txt", published: "2024-05-25", source: Some("...")),
///     ],
/// )
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// The story's title.
    #[serde(default)]
    pub title: Option<String>,
    /// The articles, each naming its file relative to the manifest.
    pub articles: Vec<ManifestEntry>,
}

/// One article of a [`Manifest`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ManifestEntry {
    pub id: String,
    /// Text file, relative to the manifest's folder.
    pub file: PathBuf,
    /// Publication date or date-time, any common written form.
    #[serde(default)]
    pub published: Option<String>,
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
}

/// A set of articles read from one or more inputs.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// Title from a manifest, if one was read.
    pub title: Option<String>,
    /// The articles in input order.
    pub articles: Vec<Article>,
    /// Where each article came from (parallel to `articles`).
    pub origins: Vec<Location>,
}

/// How to read inputs.
#[derive(Debug, Clone, Default)]
pub struct ReadOptions {
    /// Publication date for articles that carry none (plain `.txt` without a manifest).
    pub default_published: Option<NaiveDate>,
    /// Let a manifest name files outside its own folder (by default refused: a corpus someone
    /// sent must not pull in other files).
    pub allow_outside_paths: bool,
    /// Turn warnings (a field that looks misspelled, an article left undated, a file skipped)
    /// into errors.
    pub strict: bool,
    /// Where warnings go (the CLI prints them on standard error); `None` drops them.
    pub warn: Option<fn(&Location, &str)>,
}

/// Reports a warning as `opts` says: an error under `strict`, else to `opts.warn`.
fn warn(opts: &ReadOptions, at: &Location, message: String) -> Result<()> {
    if opts.strict {
        return Err(Error::Strict { at: at.clone(), message });
    }
    if let Some(w) = opts.warn {
        w(at, &message);
    }
    Ok(())
}

/// Names an article that has no publication date.
fn warn_undated(a: &Article, at: &Location, opts: &ReadOptions) -> Result<()> {
    if a.published.is_some() {
        return Ok(());
    }
    warn(
        opts,
        at,
        format!(
            "article {} has no publication date: relative dates stay unanchored (give `published`, or --published)",
            a.id
        ),
    )
}

/// The known field a misspelled or foreign one most likely means ("publised", "date",
/// "published_at" -> "published").
fn known_field_for(key: &str) -> Option<&'static str> {
    const KNOWN: &[&str] = &["id", "text", "published", "title", "source", "url"];
    let k = key.to_ascii_lowercase().replace(['-', ' '], "_");
    let alias = match k.as_str() {
        "date" | "published_at" | "publication_date" | "pubdate" | "pub_date" | "datepublished" | "date_published"
        | "created_at" | "timestamp" | "time" | "dct" | "creation_date" => Some("published"),
        "body" | "content" | "article" | "full_text" | "fulltext" | "story" => Some("text"),
        "headline" | "heading" => Some("title"),
        "link" | "href" => Some("url"),
        "outlet" | "publisher" | "author" => Some("source"),
        "doc_id" | "docid" | "uid" | "_id" | "identifier" => Some("id"),
        _ => None,
    };
    alias.or_else(|| {
        (k.len() >= 4).then(|| KNOWN.iter().copied().find(|f| f.len() >= 4 && edit_distance(&k, f) <= 2)).flatten()
    })
}

/// Levenshtein distance between two short ASCII words.
fn edit_distance(a: &str, b: &str) -> usize {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for i in 1..=a.len() {
        let mut cur = vec![i; b.len() + 1];
        for j in 1..=b.len() {
            let sub = prev[j - 1] + (a[i - 1] != b[j - 1]) as usize;
            cur[j] = sub.min(prev[j] + 1).min(cur[j - 1] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

/// Whether writing to `output` would overwrite one of `inputs`, or put a file where a folder
/// input would read it as an article.
pub fn is_input(output: &Path, inputs: &[PathBuf]) -> bool {
    let canon = |p: &Path| std::fs::canonicalize(p).ok();
    let out_parent = output.parent().map(|p| if p.as_os_str().is_empty() { Path::new(".") } else { p }).and_then(canon);
    let out = canon(output);
    inputs.iter().filter(|p| p.as_os_str() != "-").any(|p| {
        let Some(inp) = canon(p) else { return false };
        if out.as_ref() == Some(&inp) {
            return true;
        }
        inp.is_dir()
            && out_parent.as_ref() == Some(&inp)
            && matches!(ext(output).as_str(), "txt" | "json" | "jsonl" | "ndjson" | "ron")
    })
}

/// Reads a publication date or date-time in any common form and returns its calendar date
/// (the local date where an offset is given).
///
/// ```
/// use timeline::corpus::parse_published;
/// assert_eq!(parse_published("2025-04-22").unwrap().to_string(), "2025-04-22");
/// assert_eq!(parse_published("Mon, 21 Apr 2025 18:34:00 GMT").unwrap().to_string(), "2025-04-21");
/// assert_eq!(parse_published("2025-04-21T23:30:00-05:00").unwrap().to_string(), "2025-04-21");
/// assert!(parse_published("next tuesday-ish").is_none());
/// assert!(parse_published("-262143-01-01").is_none(), "years 1 to 9999 only");
/// ```
pub fn parse_published(s: &str) -> Option<NaiveDate> {
    parse_any_date(s).filter(|d| (1..=9999).contains(&d.year()))
}

/// Whether a publication date lies in the years dates are resolved in (1 to 9999): outside
/// them, "last week" would leave the calendar.
pub fn published_in_range(d: NaiveDate) -> bool {
    (1..=9999).contains(&d.year())
}

fn parse_any_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    if s.is_empty() {
        return None;
    }
    if let Ok(d) = NaiveDate::parse_from_str(s, "%Y-%m-%d") {
        return Some(d);
    }
    if let Ok(d) = DateTime::parse_from_rfc3339(s) {
        return Some(d.date_naive());
    }
    if let Ok(d) = DateTime::parse_from_rfc2822(s) {
        return Some(d.date_naive());
    }
    dateparser::parse_with(s, &Utc, NaiveTime::MIN).ok().map(|d| d.date_naive())
}

#[derive(Deserialize)]
struct JsonArticle {
    #[serde(default)]
    id: Option<serde_json::Value>,
    #[serde(default)]
    text: Option<String>,
    #[serde(default)]
    published: Option<serde_json::Value>,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    source: Option<String>,
    #[serde(default)]
    url: Option<String>,
    /// Fields we do not read, kept by name to warn about look-alikes.
    #[serde(flatten)]
    extra: std::collections::BTreeMap<String, serde::de::IgnoredAny>,
}

/// Reads the inputs one article at a time, calling `f` on each, without holding the corpus
/// in memory: JSONL files and standard input are read line by line. Returns how many articles
/// were read. Errors are as for [`Corpus::read`], including duplicate ids.
pub fn stream(
    inputs: &[PathBuf],
    opts: &ReadOptions,
    mut f: impl FnMut(Article, &Location) -> Result<()>,
) -> Result<usize> {
    // Ids seen so far, with where (input index, line): a few dozen bytes an article, the only
    // memory that grows with the corpus.
    let mut seen: HashMap<Box<str>, (u32, u32)> = HashMap::new();
    let mut n = 0;
    let mut take =
        |a: Article, at: Location, input: usize, f: &mut dyn FnMut(Article, &Location) -> Result<()>| -> Result<()> {
            let here = (input as u32, at.line.unwrap_or(0) as u32);
            if let Some(&(fi, fl)) = seen.get(a.id.as_str()) {
                let file = if inputs[fi as usize].as_os_str() == "-" {
                    PathBuf::from("<stdin>")
                } else {
                    inputs[fi as usize].clone()
                };
                let first = Location { file, line: (fl > 0).then_some(fl as usize) };
                return Err(Error::DuplicateId { at, id: a.id, first });
            }
            seen.insert(a.id.as_str().into(), here);
            n += 1;
            warn_undated(&a, &at, opts)?;
            f(a, &at)
        };
    for (input, p) in inputs.iter().enumerate() {
        let is_stdin = p.as_os_str() == "-";
        let mut stdin_reader = is_stdin.then(|| BufReader::new(std::io::stdin().lock()));
        if let Some(r) = stdin_reader.as_mut() {
            // Standard input is JSONL when it opens with `{`; anything else is one article of
            // plain text.
            let head = r.fill_buf().map_err(|e| Error::Io { path: "<stdin>".into(), source: e })?;
            let text = String::from_utf8_lossy(head);
            let first = text.trim_start_matches('\u{feff}').trim_start().chars().next();
            if first.is_some_and(|c| c != '{') {
                let at = Location { file: "<stdin>".into(), line: None };
                take(plain_text_article(r, opts)?, at, input, &mut f)?;
                continue;
            }
        }
        if is_stdin || matches!(ext(p).as_str(), "jsonl" | "ndjson") && p.is_file() {
            let file = if is_stdin { PathBuf::from("<stdin>") } else { p.clone() };
            let reader: Box<dyn BufRead> = if let Some(r) = stdin_reader { Box::new(r) } else { open(p)? };
            let mut count = 0;
            for_each_line(reader, &file, |line, at| {
                // A UTF-8 byte order mark opens some exported files: it is not part of the data.
                let line = if at.line == Some(1) { line.trim_start_matches('\u{feff}') } else { line };
                let ja: JsonArticle =
                    serde_json::from_str(line).map_err(|e| Error::Json { at: at.clone(), message: e.to_string() })?;
                count += 1;
                take(article_from_json(ja, &at, opts)?, at, input, &mut f)
            })?;
            if count == 0 {
                return Err(Error::NoArticles { path: file });
            }
        } else {
            let c = Corpus::read_quietly(std::slice::from_ref(p), opts)?;
            for (a, at) in c.articles.into_iter().zip(c.origins) {
                take(a, at, input, &mut f)?;
            }
        }
    }
    Ok(n)
}

/// Calls `f` on each non-blank line with its location, reusing one buffer.
fn for_each_line(mut r: impl BufRead, file: &Path, mut f: impl FnMut(&str, Location) -> Result<()>) -> Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0;
    loop {
        buf.clear();
        let n = r.read_until(b'\n', &mut buf).map_err(|e| Error::Io { path: file.into(), source: e })?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let at = Location { file: file.into(), line: Some(line_no) };
        let line = std::str::from_utf8(&buf).map_err(|e| Error::NotUtf8 { at: at.clone(), offset: e.valid_up_to() })?;
        if line.trim().is_empty() {
            continue;
        }
        f(line, at)?;
    }
}

impl Corpus {
    /// Reads every input path into one corpus: JSONL, JSON, text files, folders and RON
    /// manifests, in any mix (see the [module](self) for the formats). `-` is standard input
    /// (JSONL). Article ids must be unique across all inputs.
    ///
    /// ```
    /// use std::path::PathBuf;
    /// use timeline::corpus::{Corpus, ReadOptions};
    /// let dir = std::env::temp_dir().join("timeline-doc-corpus-read");
    /// std::fs::create_dir_all(&dir).unwrap();
    /// let file = dir.join("crawl.jsonl");
    /// std::fs::write(&file, r#"{"id": "a", "published": "2025-04-22T08:00:00Z", "text": "Talks resumed on Monday."}"#).unwrap();
    /// let corpus = Corpus::read(&[file], &ReadOptions::default())?;
    /// assert_eq!(corpus.articles[0].published.unwrap().to_string(), "2025-04-22");
    ///
    /// // Errors name the file and line, and what was expected.
    /// let bad = dir.join("bad.jsonl");
    /// std::fs::write(&bad, "{\"id\": \"b\"}\n").unwrap();
    /// let err = Corpus::read(&[bad], &ReadOptions::default()).unwrap_err();
    /// assert!(err.to_string().ends_with("bad.jsonl:1: article b has no `text` field"));
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn read(inputs: &[PathBuf], opts: &ReadOptions) -> Result<Corpus> {
        let corpus = Corpus::read_quietly(inputs, opts)?;
        for (a, at) in corpus.articles.iter().zip(&corpus.origins) {
            warn_undated(a, at, opts)?;
        }
        Ok(corpus)
    }

    /// [`Corpus::read`] without the warnings about undated articles (the caller gives them).
    fn read_quietly(inputs: &[PathBuf], opts: &ReadOptions) -> Result<Corpus> {
        let mut corpus = Corpus::default();
        for p in inputs {
            corpus.read_path(p, opts)?;
        }
        corpus.check_ids()?;
        Ok(corpus)
    }

    /// Parses JSONL text (one article a line) as if read from `file` (which is only named in
    /// errors).
    ///
    /// ```
    /// use std::path::Path;
    /// use timeline::corpus::Corpus;
    /// let corpus = Corpus::from_jsonl(
    ///     "{\"id\": \"a\", \"published\": \"2025-04-22\", \"text\": \"Talks resumed on Monday.\"}\n",
    ///     Path::new("crawl.jsonl"),
    /// )?;
    /// assert_eq!(corpus.articles[0].id, "a");
    /// # Ok::<(), timeline::Error>(())
    /// ```
    pub fn from_jsonl(text: &str, file: &Path) -> Result<Corpus> {
        let mut c = Corpus::default();
        c.push_jsonl(text, file, &ReadOptions::default())?;
        c.check_ids()?;
        Ok(c)
    }

    fn check_ids(&self) -> Result<()> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for (i, a) in self.articles.iter().enumerate() {
            if let Some(&j) = seen.get(a.id.as_str()) {
                return Err(Error::DuplicateId {
                    at: self.origins[i].clone(),
                    id: a.id.clone(),
                    first: self.origins[j].clone(),
                });
            }
            seen.insert(&a.id, i);
        }
        Ok(())
    }

    fn read_path(&mut self, path: &Path, opts: &ReadOptions) -> Result<()> {
        if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf).map_err(|e| Error::Io { path: path.into(), source: e })?;
            let text = utf8(buf, Path::new("<stdin>"))?;
            let body = text.trim_start_matches('\u{feff}');
            if body.trim_start().starts_with('{') {
                return self.push_jsonl(body, Path::new("<stdin>"), opts);
            }
            // Not JSON: one article of plain text.
            let a = plain_text_article(body.as_bytes(), opts)?;
            self.push(a, Location { file: "<stdin>".into(), line: None });
            return Ok(());
        }
        let meta = std::fs::metadata(path).map_err(|e| Error::Io { path: path.into(), source: e })?;
        if meta.is_dir() {
            let manifest = path.join("manifest.ron");
            if manifest.is_file() {
                return self.read_manifest(&manifest, opts);
            }
            let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
                .map_err(|e| Error::Io { path: path.into(), source: e })?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .collect();
            entries.sort();
            let mut files = Vec::new();
            for p in entries {
                let hidden = p.file_name().is_some_and(|n| n.to_string_lossy().starts_with('.'));
                if p.is_file() && matches!(ext(&p).as_str(), "txt" | "jsonl" | "ndjson" | "json") {
                    files.push(p);
                } else if !hidden {
                    let why = if p.is_dir() {
                        "a folder inside a folder input is not read; name it as an input of its own"
                    } else {
                        "not an article file (.txt, .json, .jsonl, .ndjson, or one of these .gz)"
                    };
                    warn(opts, &Location { file: p.clone(), line: None }, format!("skipped: {why}"))?;
                }
            }
            if files.is_empty() {
                return Err(Error::NoArticles { path: path.into() });
            }
            let before = self.articles.len();
            for f in files {
                self.read_path(&f, opts)?;
            }
            if self.articles.len() == before {
                return Err(Error::NoArticles { path: path.into() });
            }
            return Ok(());
        }
        match ext(path).as_str() {
            "ron" => self.read_manifest(path, opts),
            "jsonl" | "ndjson" => {
                let text = read_text(path)?;
                self.push_jsonl(&text, path, opts)
            }
            "json" => {
                let text = read_text(path)?;
                self.push_json(&text, path, opts)
            }
            _ => {
                let text = read_text(path)?;
                let stem = |p: &Path| p.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
                let id = if gzipped(path) { stem(Path::new(&stem(path))) } else { stem(path) };
                let mut a = Article::new(id, text, opts.default_published);
                a.title = first_line_title(&a.text);
                self.push(a, Location { file: path.into(), line: None });
                Ok(())
            }
        }
    }

    fn push(&mut self, a: Article, at: Location) {
        self.articles.push(a);
        self.origins.push(at);
    }

    fn read_manifest(&mut self, path: &Path, opts: &ReadOptions) -> Result<()> {
        let text = read_text(path)?;
        let m: Manifest = ron::from_str(&text).map_err(|e| Error::Manifest {
            at: Location { file: path.into(), line: Some(e.span.start.line) },
            message: e.code.to_string(),
        })?;
        if m.articles.is_empty() {
            return Err(Error::NoArticles { path: path.into() });
        }
        let dir = path.parent().unwrap_or(Path::new("."));
        let at = Location { file: path.into(), line: None };
        for e in m.articles {
            let published = match e.published.as_deref() {
                None => None,
                Some(s) => Some(parse_published(s).ok_or_else(|| Error::BadPublished {
                    at: at.clone(),
                    id: e.id.clone(),
                    value: s.to_string(),
                })?),
            };
            let file = dir.join(&e.file);
            let inside = std::fs::canonicalize(&file)
                .ok()
                .zip(std::fs::canonicalize(dir).ok())
                .is_some_and(|(f, d)| f.starts_with(d));
            if !inside && !opts.allow_outside_paths && file.exists() {
                return Err(Error::OutsidePath { at: at.clone(), id: e.id, file: e.file });
            }
            let text = read_text(&file)?;
            let title = e.title.or_else(|| first_line_title(&text));
            let a = Article { id: e.id, title, source: e.source, url: e.url, published, text };
            self.push(a, Location { file, line: None });
        }
        if self.title.is_none() {
            self.title = m.title;
        }
        Ok(())
    }

    fn push_json(&mut self, text: &str, file: &Path, opts: &ReadOptions) -> Result<()> {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| Error::Json {
            at: Location { file: file.into(), line: Some(e.line()) },
            message: e.to_string(),
        })?;
        let items = match v {
            serde_json::Value::Array(a) => a,
            other => vec![other],
        };
        if items.is_empty() {
            return Err(Error::NoArticles { path: file.into() });
        }
        for (i, item) in items.into_iter().enumerate() {
            let at = Location { file: file.into(), line: None };
            let ja: JsonArticle = serde_json::from_value(item)
                .map_err(|e| Error::Json { at: at.clone(), message: format!("item {}: {e}", i + 1) })?;
            let a = article_from_json(ja, &at, opts)?;
            self.push(a, at);
        }
        Ok(())
    }

    fn push_jsonl(&mut self, text: &str, file: &Path, opts: &ReadOptions) -> Result<()> {
        let before = self.articles.len();
        for (i, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let at = Location { file: file.into(), line: Some(i + 1) };
            let ja: JsonArticle =
                serde_json::from_str(line).map_err(|e| Error::Json { at: at.clone(), message: e.to_string() })?;
            let a = article_from_json(ja, &at, opts)?;
            self.push(a, at);
        }
        if self.articles.len() == before {
            return Err(Error::NoArticles { path: file.into() });
        }
        Ok(())
    }
}

fn article_from_json(ja: JsonArticle, at: &Location, opts: &ReadOptions) -> Result<Article> {
    for key in ja.extra.keys() {
        if let Some(known) = known_field_for(key) {
            warn(opts, at, format!("unknown field `{key}`: did you mean `{known}`? (it is not read)"))?;
        }
    }
    let id = match ja.id {
        Some(serde_json::Value::String(s)) if !s.trim().is_empty() => s,
        Some(serde_json::Value::Number(n)) => n.to_string(),
        _ => return Err(Error::MissingField { at: at.clone(), id: None, field: "id" }),
    };
    let text = match ja.text {
        Some(t) => t,
        None => return Err(Error::MissingField { at: at.clone(), id: Some(id), field: "text" }),
    };
    let published = match ja.published {
        None | Some(serde_json::Value::Null) => None,
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => None,
        Some(v) => {
            let raw = match &v {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            Some(parse_published(&raw).ok_or_else(|| Error::BadPublished {
                at: at.clone(),
                id: id.clone(),
                value: raw.clone(),
            })?)
        }
    };
    Ok(Article { id, title: ja.title, source: ja.source, url: ja.url, published, text })
}

/// The format's extension, lower case; through a `.gz` ("crawl.jsonl.gz" is `jsonl`).
fn ext(p: &Path) -> String {
    let of = |p: &Path| p.extension().map(|e| e.to_string_lossy().to_ascii_lowercase()).unwrap_or_default();
    match (gzipped(p), p.file_stem()) {
        (true, Some(stem)) => of(Path::new(stem)),
        _ => of(p),
    }
}

/// Whether the file is gzip-compressed (its name ends in `.gz`).
fn gzipped(p: &Path) -> bool {
    p.extension().is_some_and(|e| e.eq_ignore_ascii_case("gz"))
}

/// A file's bytes as a reader, decompressed when its name ends in `.gz`.
fn open(path: &Path) -> Result<Box<dyn BufRead>> {
    let file = std::fs::File::open(path).map_err(|e| Error::Io { path: path.into(), source: e })?;
    Ok(if gzipped(path) {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(BufReader::new(file))
    })
}

fn utf8(buf: Vec<u8>, file: &Path) -> Result<String> {
    String::from_utf8(buf).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let line = bytes[..offset].iter().filter(|&&b| b == b'\n').count() + 1;
        Error::NotUtf8 { at: Location { file: file.into(), line: Some(line) }, offset }
    })
}

/// Standard input read as one plain-text article (id `stdin`), dated by `--published` when
/// given; without it, it is undated and says so, as a `.txt` file does.
fn plain_text_article(mut r: impl Read, opts: &ReadOptions) -> Result<Article> {
    let mut buf = Vec::new();
    r.read_to_end(&mut buf).map_err(|e| Error::Io { path: "<stdin>".into(), source: e })?;
    let mut text = utf8(buf, Path::new("<stdin>"))?;
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    if text.trim().is_empty() {
        return Err(Error::NoArticles { path: "<stdin>".into() });
    }
    let mut a = Article::new("stdin", text, opts.default_published);
    a.title = first_line_title(&a.text);
    Ok(a)
}

fn read_text(path: &Path) -> Result<String> {
    let mut buf = Vec::new();
    open(path)?.read_to_end(&mut buf).map_err(|e| Error::Io { path: path.into(), source: e })?;
    let mut text = utf8(buf, path)?;
    // A UTF-8 byte order mark is not part of the text.
    if text.starts_with('\u{feff}') {
        text.drain(..'\u{feff}'.len_utf8());
    }
    Ok(text)
}

/// The first non-empty line, when it is short enough to be a headline.
fn first_line_title(text: &str) -> Option<String> {
    let line = text.lines().map(str::trim).find(|l| !l.is_empty())?;
    (line.chars().count() <= 200).then(|| line.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jsonl_reads_ids_dates_and_reports_line_of_error() {
        let c = Corpus::from_jsonl(
            "{\"id\": 7, \"published\": \"2024-05-25\", \"text\": \"a\"}\n\n{\"id\": \"x\", \"text\": \"b\"}\n",
            Path::new("in.jsonl"),
        )
        .unwrap();
        assert_eq!(c.articles[0].id, "7");
        assert_eq!(c.articles[1].published, None);
        let e = Corpus::from_jsonl("{\"id\": \"a\", \"text\": \"x\"}\n{\"id\": \"b\"}\n", Path::new("in.jsonl"))
            .unwrap_err();
        assert_eq!(e.to_string(), "in.jsonl:2: article b has no `text` field");
        let e = Corpus::from_jsonl("{\"id\": \"a\", \"text\": \"x\", \"published\": \"soonish\"}", Path::new("f"))
            .unwrap_err();
        assert!(e.to_string().starts_with("f:1: article a: cannot read publication date \"soonish\""), "{e}");
    }

    #[test]
    fn duplicate_ids_are_an_error() {
        let e = Corpus::from_jsonl("{\"id\":\"a\",\"text\":\"x\"}\n{\"id\":\"a\",\"text\":\"y\"}", Path::new("f"))
            .unwrap_err();
        assert_eq!(e.to_string(), "f:2: duplicate article id \"a\" (first seen in f:1)");
    }
}
