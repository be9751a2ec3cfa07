//! `timeline`: the command-line front of the library. It parses arguments, calls the library
//! and prints; all the work is in the library.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use timeline::corpus::{self, parse_published, Corpus, ReadOptions};
use timeline::dates::{DateExtractor, Direction, Options};
use timeline::timeline::{Changes, Format as TimelineFormat, Timeline};

/// Turn news articles about one story into a dated, ordered timeline.
#[derive(Parser)]
#[command(name = "timeline", version, about, long_about = None)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build one merged, dated, ordered timeline from the articles.
    ///
    /// Events reported by several articles become one entry with every source; entries are in
    /// chronological order, undated ones between what bounds them. With no INPUT, builds the
    /// bundled corpus (timelines/ukraine-ceasefire).
    Build {
        /// Articles, as for `timeline dates`.
        input: Vec<PathBuf>,
        /// Output format: a text chronology, the JSON / RON contract, or a format to publish.
        /// Default: named by the extension of -o FILE (.txt, .json, .ron, .html,
        /// .timelinejs.json, .ics, .md), else text.
        #[arg(long, value_enum)]
        format: Option<BuildFormat>,
        /// Write to this file instead of standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        #[command(flatten)]
        resolve: ResolveArgs,
        /// Text: quote each entry's sources; also list articles that yielded no event.
        #[arg(short, long)]
        verbose: bool,
    },
    /// Say what changed between two timelines of one story: new events, events that gained
    /// sources, changed date, were joined, split or dropped.
    ///
    /// Build the timeline again with the new articles added, then compare it with the old one
    /// (both as written by `timeline build --format json|ron`). Events are matched by the
    /// reports they share, not by id.
    Diff {
        /// The timeline before the articles were added (.json or .ron).
        old: PathBuf,
        /// The timeline after (.json or .ron).
        new: PathBuf,
        /// Print the changes as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Find every temporal expression in the articles and resolve it to a calendar value.
    ///
    /// Each expression is printed with its TIMEX3 type and value, the anchor it was resolved
    /// against and why. With no INPUT, reads the bundled corpus (timelines/ukraine-ceasefire).
    Dates {
        /// Articles: .jsonl (one {"id", "published", "text"} a line), .json, .txt, a directory,
        /// or a manifest.ron; `-` reads JSONL from standard input.
        input: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        #[command(flatten)]
        resolve: ResolveArgs,
        /// Also report the page furniture that was skipped.
        #[arg(short, long)]
        verbose: bool,
    },
}

/// How dates are resolved and articles read: shared by every subcommand.
#[derive(clap::Args)]
struct ResolveArgs {
    /// Resolve weekdays, months and days without a year this way for the whole run,
    /// whatever the tense of their clause.
    #[arg(long, value_enum)]
    prefer: Option<Prefer>,
    /// Publication date for articles that have none (plain .txt files without a manifest).
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// First day of the week for "this week", "last week".
    #[arg(long, value_enum, default_value_t = WeekStart::Monday)]
    week_start: WeekStart,
}

impl ResolveArgs {
    fn read_options(&self) -> Result<ReadOptions, timeline::Error> {
        let default_published = match &self.published {
            Some(s) => Some(parse_published(s).ok_or(timeline::Error::BadDate { value: s.clone() })?),
            None => None,
        };
        Ok(ReadOptions { default_published })
    }

    fn options(&self) -> Options {
        Options {
            prefer: self.prefer.map(|p| match p {
                Prefer::Past => Direction::Past,
                Prefer::Future => Direction::Future,
            }),
            week_start: match self.week_start {
                WeekStart::Monday => chrono::Weekday::Mon,
                WeekStart::Sunday => chrono::Weekday::Sun,
            },
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum BuildFormat {
    /// A chronology for a person to read.
    Text,
    /// The timeline contract as JSON.
    Json,
    /// The timeline contract as RON.
    Ron,
    /// One self-contained HTML page, readable offline, with filters.
    Html,
    /// The JSON that Knight Lab's TimelineJS 3 loads.
    Timelinejs,
    /// iCalendar (RFC 5545): all-day events for dated entries.
    Ics,
    /// A chronology in Markdown, for wikis and reports.
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object a mention: {"id","start","end","text","type","value","anchor","reason"}.
    Jsonl,
    /// For a person: article, expression, value, why.
    Text,
}

#[derive(Clone, Copy, ValueEnum)]
enum Prefer {
    Past,
    Future,
}

#[derive(Clone, Copy, ValueEnum)]
enum WeekStart {
    Monday,
    Sunday,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("timeline: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    match cli.command {
        Command::Build { input, format, output, resolve, verbose } => {
            let inputs = if input.is_empty() { vec![corpus::bundled()] } else { input };
            let corpus = Corpus::read(&inputs, &resolve.read_options()?)?;
            let t = Timeline::build_with(corpus.title.clone(), &corpus.articles, resolve.options());
            let format = match (format, &output) {
                (Some(BuildFormat::Text), _) => TimelineFormat::Text,
                (Some(BuildFormat::Json), _) => TimelineFormat::Json,
                (Some(BuildFormat::Ron), _) => TimelineFormat::Ron,
                (Some(BuildFormat::Html), _) => TimelineFormat::Html,
                (Some(BuildFormat::Timelinejs), _) => TimelineFormat::TimelineJs,
                (Some(BuildFormat::Ics), _) => TimelineFormat::Ics,
                (Some(BuildFormat::Markdown), _) => TimelineFormat::Markdown,
                (None, Some(path)) => TimelineFormat::from_path(path)?,
                (None, None) => TimelineFormat::Text,
            };
            let text = match format {
                TimelineFormat::Text if verbose => timeline::timeline::write::text(&t, true),
                _ => t.render(format)?,
            };
            if verbose {
                for a in t.articles.iter().filter(|a| a.events == 0) {
                    eprintln!("{}: no events found", a.id);
                }
            }
            match output {
                Some(path) => std::fs::write(&path, text).map_err(|e| timeline::Error::Write { path, source: e })?,
                None => std::io::stdout().write_all(text.as_bytes())?,
            }
            Ok(())
        }
        Command::Diff { old, new, json } => {
            let (old_t, new_t) = (Timeline::load(&old)?, Timeline::load(&new)?);
            let changes = Changes::between(&old_t, &new_t);
            let text = if json { serde_json::to_string_pretty(&changes)? + "\n" } else { changes.to_string() };
            std::io::stdout().write_all(text.as_bytes())?;
            Ok(())
        }
        Command::Dates { input, format, resolve, verbose } => {
            let default_published = resolve.read_options()?.default_published;
            let inputs = if input.is_empty() { vec![corpus::bundled()] } else { input };
            let opts = resolve.options();
            let mut extractor = DateExtractor::new(opts);
            let stdout = std::io::stdout();
            let mut out = BufWriter::new(stdout.lock());
            corpus::stream(&inputs, &ReadOptions { default_published }, |article, _| {
                let found = extractor.extract(&article);
                let io = |e: std::io::Error| timeline::Error::Write { path: "<stdout>".into(), source: e };
                match format {
                    Format::Jsonl => {
                        for m in &found.mentions {
                            serde_json::to_writer(&mut out, &timeline::dates::write::jsonl_record(&article.id, m))
                                .map_err(|e| io(e.into()))?;
                            out.write_all(b"\n").map_err(io)?;
                        }
                        if verbose {
                            for s in &found.skipped {
                                eprintln!(
                                    "{}: skipped furniture at bytes {}..{} ({}): {:?}",
                                    article.id,
                                    s.span.start,
                                    s.span.end,
                                    s.rule,
                                    &article.text[s.span.clone()]
                                );
                            }
                        }
                    }
                    Format::Text => timeline::dates::write::text(&mut out, &article, &found, verbose).map_err(io)?,
                }
                Ok(())
            })?;
            out.flush()?;
            Ok(())
        }
    }
}
