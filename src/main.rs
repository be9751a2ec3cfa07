//! `timeline`: the command-line front of the library. It parses arguments, calls the library
//! and prints; all the work is in the library.

use clap::{Parser, Subcommand, ValueEnum};
use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use timeline::corpus::{self, parse_published, ReadOptions};
use timeline::dates::numeric::NumericOrder;
use timeline::dates::{Direction, Options};
use timeline::events::timeml::detect::Detector;
use timeline::run::{self, Inputs, Selection};
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
        /// Keep the events in which NAME takes part (as a participant, the place, or in the
        /// label), with the aliases the articles give it ("EADS" / "European Aeronautic
        /// Defence and Space Company"). Repeat for several names; --top applies after.
        #[arg(long, value_name = "NAME")]
        about: Vec<String>,
        /// Keep the K most important entries (see `importance` in the contract), in date order.
        #[arg(long, value_name = "K", conflicts_with = "top_days")]
        top: Option<usize>,
        /// Keep every entry of the K most important days (a day's importance is what its
        /// entries add up to).
        #[arg(long, value_name = "K")]
        top_days: Option<usize>,
        /// Text: quote each entry's sources and say why it ranks where it does; also list
        /// articles that yielded no event.
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
    /// Find every event the articles report, as TimeML defines them: the word, its class,
    /// tense, aspect, polarity and modality, who takes part, where, and the temporal
    /// expression that anchors it.
    ///
    /// With no INPUT, reads the bundled corpus (timelines/ukraine-ceasefire).
    Events {
        /// Articles, as for `timeline dates`.
        input: Vec<PathBuf>,
        /// Output format: text, one JSON object an event (jsonl), or one object an article
        /// with the timeline entries it gives (entries: the map step of a build over shards;
        /// `timeline build` reads files named *.entries.jsonl).
        #[arg(long, value_enum, default_value_t = EventsFormat::Text)]
        format: EventsFormat,
        #[command(flatten)]
        resolve: ResolveArgs,
        /// Use this event model (as `timeline train-events` writes) instead of the shipped one.
        #[arg(long, value_name = "FILE")]
        event_model: Option<PathBuf>,
    },
    /// Show the language layer's analysis of each story sentence, as CoNLL-U: words, lemmas,
    /// parts of speech and the dependency parse.
    Parse {
        /// Articles, as for `timeline dates`.
        input: Vec<PathBuf>,
        /// Show the parse the event stage reads: mended where the date stage knows better and
        /// where the parse fails in ways seen in news (a past tense read as a participle, a
        /// relative clause hung on the wrong word)
        #[arg(long)]
        mended: bool,
        #[command(flatten)]
        resolve: ResolveArgs,
    },
    /// Train the event detector on TimeML gold (TimeBank) and write its model.
    ///
    /// Reads ARTICLES.jsonl and GOLD.json pairs as `../shared/gold/timeml.py` writes them,
    /// trains on the first pair (and any more given with --train), and scores word-level event
    /// F1 on the --test pair, which it does not train on.
    TrainEvents {
        /// Training articles (JSONL) and their gold (JSON), as pairs: A.jsonl A-gold.json ...
        #[arg(long, num_args = 2, value_names = ["ARTICLES", "GOLD"], action = clap::ArgAction::Append,
              default_values = ["../shared/data/timebank.jsonl", "../shared/data/timebank-gold.json"])]
        train: Vec<PathBuf>,
        /// Held-out articles and gold to measure on.
        #[arg(long, num_args = 2, value_names = ["ARTICLES", "GOLD"],
              default_values = ["../shared/data/aquaint.jsonl", "../shared/data/aquaint-gold.json"])]
        test: Vec<PathBuf>,
        /// Where to write the model.
        #[arg(short, long, value_name = "FILE", default_value = "src/events/timeml/model/events.bin")]
        output: PathBuf,
        /// Training epochs. Four, chosen on TimeBank halves and AQUAINT's studied quarters to
        /// TimeBank (fewer over-fit TimeBank's habits less; AQUAINT's own folds held at four).
        #[arg(long, default_value_t = 4)]
        epochs: usize,
        /// Seed of the training shuffles: the shipped model uses the default; others measure
        /// how far a figure moves with the order of training alone.
        #[arg(long, default_value_t = 2026)]
        seed: u64,
        /// Also train on the --test articles, measured by this many folds: each fold is scored
        /// by a model trained without it; the model written is trained on everything.
        #[arg(long)]
        folds: Option<usize>,
    },
    /// Train the English tagger, lemmatiser and parser on UD English EWT and write the model.
    ///
    /// Reads `en_ewt-ud-{train,dev,test}.conllu.gz` from DIR, trains on train (deterministic:
    /// the same data give the same bytes), prints accuracy on dev and test and writes the model
    /// (by default over the shipped one, `src/language/model/english-ewt.bin`). Takes a few
    /// minutes on two cores.
    TrainLanguage(LanguageTraining),
    /// Find every temporal expression in the articles and resolve it to a calendar value.
    ///
    /// Each expression is printed with its TIMEX3 type and value, the anchor it was resolved
    /// against and why. With no INPUT, reads the bundled corpus (timelines/ukraine-ceasefire).
    Dates {
        /// Articles: .jsonl (one {"id", "published", "text"} a line), .json, .txt, a directory,
        /// or a manifest.ron; `-` reads standard input (JSONL, or one plain-text article).
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
    /// The order of day and month in all-number dates such as 04/05/2025. `auto` follows the
    /// article's own unambiguous dates (17/5/2024), else reads slashes month first and dots
    /// day first; an ambiguous date's reason always gives the other reading.
    #[arg(long, value_enum, default_value_t = NumericDates::Auto)]
    numeric_dates: NumericDates,
    /// Let a manifest name files outside its own folder (refused by default, so that a corpus
    /// someone sent cannot pull other files into a page you publish).
    #[arg(long)]
    allow_outside_paths: bool,
    /// Make every warning an error (a field that looks misspelled, an undated article, a
    /// skipped file): for pipelines that must not go on with less than they were given.
    #[arg(long)]
    strict: bool,
}

/// Prints a reader's warning on standard error.
fn print_warning(at: &timeline::error::Location, message: &str) {
    eprintln!("timeline: warning: {at}: {message}");
}

impl ResolveArgs {
    /// The run's inputs: these paths, read and resolved as the arguments say.
    fn inputs(&self, paths: Vec<PathBuf>) -> Result<Inputs, timeline::Error> {
        Ok(Inputs::new(paths, self.read_options()?, self.options()))
    }

    fn read_options(&self) -> Result<ReadOptions, timeline::Error> {
        let default_published = match &self.published {
            Some(s) => Some(parse_published(s).ok_or(timeline::Error::BadDate { value: s.clone() })?),
            None => None,
        };
        Ok(ReadOptions {
            default_published,
            allow_outside_paths: self.allow_outside_paths,
            strict: self.strict,
            warn: Some(print_warning),
        })
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
            numeric: match self.numeric_dates {
                NumericDates::Auto => NumericOrder::Auto,
                NumericDates::MonthFirst => NumericOrder::MonthFirst,
                NumericDates::DayFirst => NumericOrder::DayFirst,
            },
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum NumericDates {
    /// The article's own dates decide, else the separator's custom.
    Auto,
    /// 04/05/2025 is April 5.
    MonthFirst,
    /// 04/05/2025 is 4 May.
    DayFirst,
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

/// What `timeline events` writes.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum EventsFormat {
    /// For a person: each article's events with their attributes.
    Text,
    /// One JSON object an event mention.
    Jsonl,
    /// One JSON object an article: its timeline entries and what merging and ranking need.
    Entries,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// One JSON object a mention: {"id","start","end","text","type","value","anchor","reason"}.
    Jsonl,
    /// For a person: article, expression, value, why.
    Text,
}

impl From<BuildFormat> for TimelineFormat {
    fn from(f: BuildFormat) -> Self {
        match f {
            BuildFormat::Text => TimelineFormat::Text,
            BuildFormat::Json => TimelineFormat::Json,
            BuildFormat::Ron => TimelineFormat::Ron,
            BuildFormat::Html => TimelineFormat::Html,
            BuildFormat::Timelinejs => TimelineFormat::TimelineJs,
            BuildFormat::Ics => TimelineFormat::Ics,
            BuildFormat::Markdown => TimelineFormat::Markdown,
        }
    }
}

impl From<EventsFormat> for run::EventsFormat {
    fn from(f: EventsFormat) -> Self {
        match f {
            EventsFormat::Text => run::EventsFormat::Text,
            EventsFormat::Jsonl => run::EventsFormat::Jsonl,
            EventsFormat::Entries => run::EventsFormat::Entries,
        }
    }
}

impl From<Format> for run::DatesFormat {
    fn from(f: Format) -> Self {
        match f {
            Format::Jsonl => run::DatesFormat::Jsonl,
            Format::Text => run::DatesFormat::Text,
        }
    }
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

/// How `timeline train-language` trains and measures the English model.
#[derive(clap::Args)]
struct LanguageTraining {
    /// Folder with the UD English EWT CoNLL-U files.
    #[arg(long, value_name = "DIR", default_value = "../shared/data/ud-english-ewt")]
    ud: PathBuf,
    /// Where to write the model.
    #[arg(short, long, value_name = "FILE", default_value = "src/language/model/english-ewt.bin")]
    output: PathBuf,
    /// Only measure the model in FILE (-o) on dev and test; train nothing.
    #[arg(long)]
    evaluate_only: bool,
    /// Parser epochs.
    #[arg(long, default_value_t = 15)]
    parser_epochs: usize,
    /// Tagger epochs.
    #[arg(long, default_value_t = 10)]
    tagger_epochs: usize,
    /// Drop tagger weights smaller than this (keeps the model small).
    #[arg(long, default_value_t = 0.5)]
    prune_tagger: f32,
    /// Drop parser weights smaller than this.
    #[arg(long, default_value_t = 2.0)]
    prune_parser: f32,
    /// Round the taggers' weights to multiples of this (0: keep them as trained).
    #[arg(long, default_value_t = 0.1)]
    coarsen_tagger: f32,
    /// Round the parsers' weights to multiples of this (0: keep them as trained).
    #[arg(long, default_value_t = 0.25)]
    coarsen_parser: f32,
    /// The parsers to train, by how each reads a sentence (forward, backward, forward-late,
    /// backward-late: "late" attaches the root after the last word); more than one vote.
    #[arg(long, value_delimiter = ',', default_values = ["forward", "backward-late", "forward-late"])]
    readings: Vec<timeline::language::parser::Reading>,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stops early (`| head`) closed the pipe: nothing is lost, end quietly.
        Err(e) if closed_pipe(e.as_ref()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("timeline: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// Whether the error, or one it wraps, is a write to a closed pipe.
fn closed_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    let mut cur = Some(e);
    while let Some(err) = cur {
        if let Some(io) = err.downcast_ref::<std::io::Error>() {
            if io.kind() == std::io::ErrorKind::BrokenPipe {
                return true;
            }
        }
        if let Some(timeline::Error::Write { source, .. }) = err.downcast_ref::<timeline::Error>() {
            if source.kind() == std::io::ErrorKind::BrokenPipe {
                return true;
            }
        }
        cur = err.source();
    }
    false
}

fn run(cli: Cli) -> Result<(), Box<dyn std::error::Error>> {
    let stdout = || BufWriter::new(std::io::stdout().lock());
    match cli.command {
        Command::Build { input, format, output, resolve, about, top, top_days, verbose } => {
            build(resolve.inputs(input)?, format, output, Selection { about, top, top_days }, verbose)
        }
        Command::Events { input, format, resolve, event_model } => {
            let model = event_model.as_deref().map(run::event_model).transpose()?;
            let detector = model.as_ref().unwrap_or_else(|| Detector::shipped());
            Ok(run::events(&resolve.inputs(input)?, detector, format.into(), &mut stdout())?)
        }
        Command::Parse { input, mended, resolve } => Ok(run::parse(&resolve.inputs(input)?, mended, &mut stdout())?),
        Command::TrainEvents { train, test, output, epochs, seed, folds } => {
            train_events(train, test, output, (epochs, seed), folds)
        }
        Command::TrainLanguage(how) => train_language(how),
        Command::Diff { old, new, json } => {
            let (old_t, new_t) = (Timeline::load(&old)?, Timeline::load(&new)?);
            let changes = Changes::between(&old_t, &new_t);
            let text = if json { serde_json::to_string_pretty(&changes)? + "\n" } else { changes.to_string() };
            std::io::stdout().write_all(text.as_bytes())?;
            Ok(())
        }
        Command::Dates { input, format, resolve, verbose } => {
            let inputs = resolve.inputs(input)?;
            Ok(run::dates(&inputs, format.into(), verbose, &mut stdout(), &mut std::io::stderr())?)
        }
    }
}

/// `timeline build`: the timeline of articles, or of map output (the reduce step).
fn build(
    inputs: Inputs,
    format: Option<BuildFormat>,
    output: Option<PathBuf>,
    select: Selection,
    verbose: bool,
) -> Result<(), Box<dyn std::error::Error>> {
    if let Some(path) = output.as_ref().filter(|p| corpus::is_input(p, &inputs.paths)) {
        return Err(timeline::Error::OutputIsInput { path: path.clone() }.into());
    }
    let input = run::BuildInput::read(&inputs)?;
    let selected = select.apply(build_with_progress(input, inputs.opts));
    let format = match (format, &output) {
        (Some(f), _) => f.into(),
        (None, Some(path)) => TimelineFormat::from_path(path)?,
        (None, None) => TimelineFormat::Text,
    };
    if verbose {
        for a in selected.shown().articles.iter().filter(|a| a.events == 0) {
            eprintln!("{}: no events found", a.id);
        }
    }
    match output {
        Some(path) => timeline::timeline::write_file_with(&path, |w| selected.write(format, verbose, w))?,
        None => {
            let mut out = BufWriter::new(std::io::stdout().lock());
            selected
                .write(format, verbose, &mut out)
                .and_then(|()| out.flush())
                .map_err(|e| timeline::Error::Write { path: "<stdout>".into(), source: e })?;
        }
    }
    Ok(())
}

/// Articles from which a build shows a progress bar (on a terminal only).
const PROGRESS_FROM: usize = 300;

/// Builds the timeline; on a terminal, with a progress bar on standard error when there are
/// more than a few hundred articles. Quiet when standard error is piped or redirected.
fn build_with_progress(input: run::BuildInput, opts: Options) -> Timeline {
    use std::io::IsTerminal;
    let n = input.articles();
    if n < PROGRESS_FROM || !std::io::stderr().is_terminal() {
        return input.build(opts, &|| {});
    }
    let bar = indicatif::ProgressBar::new(n as u64);
    let style = indicatif::ProgressStyle::with_template("{bar:40} {pos}/{len} articles, {per_sec}, {eta} left")
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar());
    bar.set_style(style);
    let t = input.build(opts, &|| bar.inc(1));
    bar.finish_and_clear();
    t
}

fn train_events(
    train: Vec<PathBuf>,
    test: Vec<PathBuf>,
    output: PathBuf,
    (epochs, seed): (usize, u64),
    folds: Option<usize>,
) -> Result<(), Box<dyn std::error::Error>> {
    use timeline::events::timeml::train as tr;
    let mut docs = Vec::new();
    for pair in train.chunks(2) {
        docs.extend(tr::load(&pair[0], &pair[1])?);
    }
    let held = tr::load(&test[0], &test[1])?;
    let mut scores = tr::Scores::default();
    let k = folds.unwrap_or(1).max(1);
    for f in 0..k {
        let mut fold_train = docs.clone();
        if folds.is_some() {
            fold_train.extend(held.iter().enumerate().filter(|(i, _)| i % k != f).map(|(_, d)| d.clone()));
        }
        let det = tr::train(&fold_train, epochs, seed);
        let fold_test: Vec<_> = held.iter().enumerate().filter(|(i, _)| i % k == f).map(|(_, d)| d.clone()).collect();
        scores = scores + tr::score(&det, &fold_test);
    }
    if folds.is_some() {
        docs.extend(held.iter().cloned());
    }
    eprintln!("training on {} articles", docs.len());
    let started = std::time::Instant::now();
    let det = tr::train(&docs, epochs, seed);
    let bytes = det.to_bytes();
    std::fs::write(&output, &bytes).map_err(|e| timeline::Error::Write { path: output.clone(), source: e })?;
    eprintln!("trained in {:.0} s; {} bytes -> {}", started.elapsed().as_secs_f64(), bytes.len(), output.display());
    let on = format!("{}{}", test[0].display(), folds.map(|k| format!(", {k} folds")).unwrap_or_default());
    println!("held out ({on}): {scores}");
    Ok(())
}

fn train_language(how: LanguageTraining) -> Result<(), Box<dyn std::error::Error>> {
    use timeline::language::{conllu, train, Model};
    let LanguageTraining {
        ud,
        output,
        evaluate_only,
        parser_epochs,
        tagger_epochs,
        prune_tagger,
        prune_parser,
        coarsen_tagger,
        coarsen_parser,
        readings,
    } = how;
    let read = |split: &str| conllu::read(&ud.join(format!("en_ewt-ud-{split}.conllu.gz")));
    let model = if evaluate_only {
        let bytes = std::fs::read(&output).map_err(|e| timeline::Error::Io { path: output.clone(), source: e })?;
        let mut m = Model::from_bytes(&bytes)
            .map_err(|e| timeline::Error::LanguageModel { path: output.clone(), source: e })?;
        if prune_tagger > 0.0 || prune_parser > 0.0 || coarsen_tagger > 0.0 || coarsen_parser > 0.0 {
            m.prune(prune_tagger, prune_parser);
            m.coarsen(coarsen_tagger, coarsen_parser);
            eprintln!("pruned: {} bytes", m.to_bytes().len());
        }
        m
    } else {
        let sents = read("train")?;
        eprintln!("training on {} sentences", sents.len());
        let settings = train::Settings { parser_epochs, tagger_epochs, readings, ..Default::default() };
        let started = std::time::Instant::now();
        let mut model = train::train(&sents, &settings, &|m| eprintln!("  {m}"));
        model.prune(prune_tagger, prune_parser);
        model.coarsen(coarsen_tagger, coarsen_parser);
        let bytes = model.to_bytes();
        std::fs::write(&output, &bytes).map_err(|e| timeline::Error::Write { path: output.clone(), source: e })?;
        let (t, p) = model.sizes();
        eprintln!(
            "trained in {:.0} s; {} bytes, {t} tagger and {p} parser features -> {}",
            started.elapsed().as_secs_f64(),
            bytes.len(),
            output.display()
        );
        model
    };
    for split in ["dev", "test"] {
        println!("EWT {split}: {}", train::evaluate(&model, &read(split)?));
    }
    Ok(())
}
