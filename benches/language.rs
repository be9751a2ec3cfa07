//! Speed of the language layer and the event stage on real news: model load time, tagger and
//! parser words per second, and `timeline events` over the whole corpus.
//!
//! This benchmark reaches outside the repository: it reads `../shared/data/news-silver.jsonl.gz`
//! (2,452 news articles, 3.9 MB of text). Set `TIMELINE_SHARED` to point elsewhere.
//!
//!     cargo bench --bench language

#[allow(dead_code)]
mod common;

use rayon::prelude::*;
use std::ops::Range;
use std::time::Instant;
use timeline::corpus::Corpus;
use timeline::dates::{DateExtractor, Options};
use timeline::events::timeml::EventLayer;
use timeline::language::words::WordView;
use timeline::language::{parser, readings, tagger, tokenize, Analyzer, Model, Sentence, MAX_PARSE_WORDS};

fn main() {
    let Some((jsonl, gz)) = common::silver() else { return };
    let corpus = Corpus::from_jsonl(&jsonl, &gz).expect("the silver corpus parses");
    let mb: f64 = corpus.articles.iter().map(|a| a.text.len()).sum::<usize>() as f64 / 1e6;

    let t = Instant::now();
    let model = Model::shipped();
    println!("model load: {:.3} s (once, on first use)", t.elapsed().as_secs_f64());

    let (sentences, spans) = sentences_of(&corpus);
    let words: usize = sentences.iter().map(Vec::len).sum();
    println!("corpus: {} articles, {mb:.2} MB, {} sentences, {words} words", corpus.articles.len(), sentences.len());
    tagger_and_parser(model, &sentences, words);
    analysis(model, &corpus, &spans, words);
    event_stage(&corpus, mb);
}

/// A sentence's article (its index in the corpus) and span.
type Span = (usize, Range<usize>);

/// Sentences and words, as the event stage sees them, with each sentence's article and span.
fn sentences_of(corpus: &Corpus) -> (Vec<Vec<WordView>>, Vec<Span>) {
    let mut dates = DateExtractor::new(Options::default());
    let mut sentences: Vec<Vec<WordView>> = Vec::new();
    let mut spans = Vec::new();
    let mut ranges = Vec::new();
    for (k, a) in corpus.articles.iter().enumerate() {
        for s in dates.extract(a).sentences {
            spans.push((k, s.clone()));
            ranges.clear();
            tokenize::tokenize(&a.text, s, &mut ranges);
            sentences.push(ranges.iter().map(|r| WordView::of(&a.text[r.clone()])).collect());
        }
    }
    (sentences, spans)
}

/// The tagger and the first parser alone, one core, best of three runs.
fn tagger_and_parser(model: &Model, sentences: &[Vec<WordView>], words: usize) {
    let mut best_tag = f64::MAX;
    let mut best_parse = f64::MAX;
    let (mut tb, mut pb) = (tagger::TagBuffers::default(), parser::ParseBuffers::default());
    let (mut classes, mut xpos, mut upos, mut commas) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut tagged: Vec<(Vec<u8>, Vec<u8>)> = Vec::with_capacity(sentences.len());
    // as the analyser tags: irregular past forms and closed classes read from the lexicons
    // (language::readings)
    let class_flags = tagger::ClassFlags::of(model.tags());
    let mut allowed = Vec::new();
    for _ in 0..3 {
        tagged.clear();
        let t = Instant::now();
        for s in sentences {
            allowed.clear();
            allowed.extend(s.iter().map(|v| readings::reading(v.lower)));
            let forms = class_flags.for_words(&allowed);
            tagger::tag_twice(model.tagger(), model.tagger2(), s, Some(&forms), &mut tb, &mut classes);
            xpos.clear();
            upos.clear();
            for &c in &classes {
                let (u, x) = model.tags()[c];
                upos.push(u.index() as u8);
                xpos.push(x.index() as u8);
            }
            tagged.push((xpos.clone(), upos.clone()));
        }
        best_tag = best_tag.min(t.elapsed().as_secs_f64());
        let t = Instant::now();
        for (s, (x, u)) in sentences.iter().zip(&tagged) {
            for chunk in 0..s.len().div_ceil(MAX_PARSE_WORDS) {
                let r = chunk * MAX_PARSE_WORDS..((chunk + 1) * MAX_PARSE_WORDS).min(s.len());
                parser::comma_counts(&x[r.clone()], &mut commas);
                let w = parser::Words { views: &s[r.clone()], xpos: &x[r.clone()], upos: &u[r], commas: &commas };
                parser::parse(model.parser(), parser::Reading::FORWARD, &w, &mut pb);
            }
        }
        best_parse = best_parse.min(t.elapsed().as_secs_f64());
    }
    println!("tagger: {:.0} words/s (one core, best of 3)", words as f64 / best_tag);
    println!(
        "parser: {:.0} words/s (one core, best of 3; the first of the model's parsers)",
        words as f64 / best_parse
    );
}

/// The whole analysis as the event stage runs it: words, tags, lemmas, and every parser of the
/// model voting; one core, best of two runs.
fn analysis(model: &Model, corpus: &Corpus, spans: &[Span], words: usize) {
    let mut an = Analyzer::new();
    let mut out = Sentence::default();
    let mut best_all = f64::MAX;
    for _ in 0..2 {
        let t = Instant::now();
        for (k, span) in spans {
            an.analyze(&corpus.articles[*k].text, span.clone(), &mut out);
        }
        best_all = best_all.min(t.elapsed().as_secs_f64());
    }
    println!(
        "analysis (tags, lemmas, {} parsers voting): {:.0} words/s (one core, best of 2)",
        model.parsers().len(),
        words as f64 / best_all
    );
}

/// The event stage end to end (dates, language, events), on one core and on every core.
fn event_stage(corpus: &Corpus, mb: f64) {
    let t = Instant::now();
    let mut dates = DateExtractor::new(Options::default());
    let mut layer = EventLayer::new();
    let mut n = 0;
    for a in &corpus.articles {
        n += layer.extract(a, &dates.extract(a)).len();
    }
    let one = t.elapsed().as_secs_f64();
    let t = Instant::now();
    let m: usize = corpus
        .articles
        .par_iter()
        .map_init(
            || (DateExtractor::new(Options::default()), EventLayer::new()),
            |(d, l), a| l.extract(a, &d.extract(a)).len(),
        )
        .sum();
    let all = t.elapsed().as_secs_f64();
    assert_eq!(n, m);
    println!(
        "events: {n} mentions; {:.2} MB/s on one core ({one:.1} s), {:.2} MB/s on {} cores ({all:.1} s)",
        mb / one,
        mb / all,
        rayon::current_num_threads()
    );
}
