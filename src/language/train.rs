//! Training and measuring the English model on a treebank (UD English EWT).
//!
//! Deterministic: sentences are shuffled by a seeded generator, folds and epochs run in a fixed
//! order, and the model's bytes depend on nothing else. The parser learns from tags the tagger
//! predicted for text it had not seen (five-fold jackknifing), as it will meet them at run time,
//! and with a dynamic oracle (Goldberg and Nivre, 2012): after the first epoch it follows its own
//! predictions, mistakes included, and learns the best move from wherever they lead.

use super::conllu::GoldSentence;
use super::lemma::Lemmatizer;
use super::model::Model;
use super::parser::{self, best_valid, Move, Reading, State, Words, NONE};
use super::perceptron::Trainer;
use super::tagger::{self, argmax};
use super::tags::{Deprel, Upos, Xpos};
use super::words::WordView;
use super::{Analyzer, Sentence};
use rayon::prelude::*;
use std::time::Instant;

/// How to train.
#[derive(Debug, Clone)]
pub struct Settings {
    pub tagger_epochs: usize,
    pub parser_epochs: usize,
    /// Folds for the parser's predicted training tags.
    pub folds: usize,
    pub seed: u64,
    /// The parsers to train, each by how it reads a sentence; more than one vote.
    pub readings: Vec<Reading>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { tagger_epochs: 10, parser_epochs: 15, folds: 5, seed: 2026, readings: vec![Reading::FORWARD] }
    }
}

/// A small seeded generator (xorshift64*): shuffles are the same on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            v.swap(i, self.below(i + 1));
        }
    }
}

/// Trains a model on treebank sentences; `log` hears of progress.
pub fn train(sents: &[GoldSentence], settings: &Settings, log: &(dyn Fn(String) + Sync)) -> Model {
    let mut tags: Vec<(Upos, Xpos)> = sents.iter().flat_map(|s| s.words.iter().map(|w| (w.upos, w.xpos))).collect();
    tags.sort();
    tags.dedup();
    let class_of = |u: Upos, x: Xpos| tags.binary_search(&(u, x)).unwrap_or(0);
    let views: Vec<Vec<WordView>> =
        sents.iter().map(|s| s.words.iter().map(|w| WordView::of(&w.form)).collect()).collect();
    let gold: Vec<Vec<usize>> =
        sents.iter().map(|s| s.words.iter().map(|w| class_of(w.upos, w.xpos)).collect()).collect();

    // Jackknifed tags for the parser, then the tagger on everything.
    let folds = settings.folds.max(2);
    let predicted: Vec<Vec<Vec<usize>>> = (0..folds)
        .into_par_iter()
        .map(|f| {
            let train_idx: Vec<usize> = (0..sents.len()).filter(|i| i % folds != f).collect();
            let w = train_tagger(&views, &gold, &train_idx, tags.len(), settings.tagger_epochs, settings.seed, None);
            log(format!("tagger fold {}/{folds} trained", f + 1));
            let mut buf = tagger::TagBuffers::default();
            (0..sents.len())
                .filter(|i| i % folds == f)
                .map(|i| {
                    let mut out = Vec::new();
                    tagger::tag(&w, &views[i], None, &mut buf, &mut out);
                    out
                })
                .collect()
        })
        .collect();
    let mut jack: Vec<Vec<usize>> = vec![Vec::new(); sents.len()];
    for (f, fold) in predicted.into_iter().enumerate() {
        for (k, tags_of) in fold.into_iter().enumerate() {
            jack[f + k * folds] = tags_of;
        }
    }
    let all: Vec<usize> = (0..sents.len()).collect();
    let ((tagger_w, tagger2_w), parser_w) = rayon::join(
        || {
            let w = train_tagger(&views, &gold, &all, tags.len(), settings.tagger_epochs, settings.seed, None);
            log("tagger trained".into());
            // The second pass learns from first-pass tags of text the first pass had not seen.
            let w2 = train_tagger(&views, &gold, &all, tags.len(), settings.tagger_epochs, settings.seed, Some(&jack));
            log("second tagger pass trained".into());
            (w, w2)
        },
        || {
            settings
                .readings
                .par_iter()
                .map(|&reading| (reading, train_parser(sents, &views, &jack, &tags, reading, settings, log)))
                .collect::<Vec<_>>()
        },
    );
    let lemmas = Lemmatizer::train(
        sents.iter().flat_map(|s| s.words.iter().map(|w| (w.form.as_str(), w.xpos, w.lemma.as_str()))),
    );
    Model { tags, tagger: tagger_w, tagger2: tagger2_w, parsers: parser_w, lemmas }
}

fn train_tagger(
    views: &[Vec<WordView>],
    gold: &[Vec<usize>],
    idx: &[usize],
    classes: usize,
    epochs: usize,
    seed: u64,
    first: Option<&[Vec<usize>]>,
) -> super::perceptron::Weights {
    let mut t = Trainer::new(classes);
    let mut order = idx.to_vec();
    let mut rng = Rng(seed | 1);
    let (mut feats, mut scores, mut out) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &s in &order {
            out.clear();
            for (i, &truth) in gold[s].iter().enumerate() {
                let prev = i.checked_sub(1).map(|j| out[j]);
                let prev2 = i.checked_sub(2).map(|j| out[j]);
                match first {
                    Some(f) => tagger::features_second(&views[s], i, prev, prev2, &f[s], &mut feats),
                    None => tagger::features(&views[s], i, prev, prev2, &mut feats),
                }
                t.score(&feats, &mut scores);
                let guess = argmax(&scores);
                t.update(truth, guess, &feats);
                out.push(guess);
            }
        }
    }
    t.average()
}

/// What each move costs: the gold arcs it makes unreachable (Goldberg and Nivre's arc-eager
/// dynamic oracle, labelled). Invalid moves get `None`. With the late root, the root counts as
/// standing after the buffer's last word: its child is reachable until it gets another head.
fn costs(s: &State, heads: &[u32], labels: &[Deprel], out: &mut Vec<Option<u32>>) {
    out.clear();
    let s0 = s.s0();
    let b0 = if s.terminal() { NONE } else { s.front };
    let in_stack = |k: u32| s.stack.contains(&k);
    let range = s.front..s.n;
    let late = s.late_root;
    let buffer = move |k: u32| range.contains(&k) || (late && k == 0);
    let (mut shift, mut reduce, mut left, mut right) = (0u32, 0u32, 0u32, 0u32);
    if b0 != NONE {
        // Shift: b0's head or headless dependents in the stack are lost.
        for &k in &s.stack {
            if heads[b0 as usize] == k {
                shift += 1;
            }
            if k != 0 && heads[k as usize] == b0 && s.heads[k as usize] == NONE {
                shift += 1;
            }
        }
        // Right-arc: b0's other head in stack or buffer, its dependents in the stack.
        let h = heads[b0 as usize];
        if h != s0 && (in_stack(h) || buffer(h)) {
            right += 1;
        }
        for &k in &s.stack {
            if k != 0 && heads[k as usize] == b0 && s.heads[k as usize] == NONE {
                right += 1;
            }
        }
    }
    if s0 != NONE && s0 != 0 {
        for k in s.front..s.n {
            if heads[k as usize] == s0 {
                reduce += 1;
                left += 1;
            }
        }
        let h = heads[s0 as usize];
        if h != b0 && buffer(h) {
            left += 1;
        }
    }
    for c in 0..Move::classes() {
        let m = Move::from_class(c);
        out.push(s.valid(m).then(|| match m {
            Move::Shift => shift,
            Move::Reduce => reduce,
            Move::Left(l) => left + (heads[s0 as usize] == b0 && labels[s0 as usize] != l) as u32,
            Move::Right(l) => right + (heads[b0 as usize] == s0 && labels[b0 as usize] != l) as u32,
        }));
    }
}

fn train_parser(
    sents: &[GoldSentence],
    views: &[Vec<WordView>],
    predicted: &[Vec<usize>],
    tags: &[(Upos, Xpos)],
    reading: Reading,
    settings: &Settings,
    log: &(dyn Fn(String) + Sync),
) -> super::perceptron::Weights {
    let mut t = Trainer::new(Move::classes());
    let mut order: Vec<usize> = (0..sents.len()).collect();
    let mut rng = Rng(settings.seed.wrapping_mul(31) | 1);
    let (mut feats, mut scores, mut cost) = (Vec::new(), Vec::new(), Vec::new());
    let mut state = State::default();
    for epoch in 0..settings.parser_epochs {
        rng.shuffle(&mut order);
        let started = Instant::now();
        for &si in &order {
            let s = &sents[si];
            let m = s.words.len() as u32;
            // A backward reading sees word k as word m + 1 - k.
            let at = |k: u32| if reading.backward && k != 0 { m + 1 - k } else { k };
            let ordered = |i: usize| if reading.backward { s.words.len() - 1 - i } else { i };
            let order_of = (0..s.words.len()).map(ordered);
            let xpos: Vec<u8> = order_of.clone().map(|i| tags[predicted[si][i]].1.index() as u8).collect();
            let upos: Vec<u8> = order_of.clone().map(|i| tags[predicted[si][i]].0.index() as u8).collect();
            let word_views: Vec<WordView> = order_of.clone().map(|i| views[si][i]).collect();
            let mut commas = Vec::new();
            parser::comma_counts(&xpos, &mut commas);
            let words = Words { views: &word_views, xpos: &xpos, upos: &upos, commas: &commas };
            let mut heads = vec![NONE];
            heads.extend(order_of.clone().map(|i| at(s.words[i].head as u32)));
            let mut labels = vec![Deprel::Root];
            labels.extend(order_of.map(|i| s.words[i].deprel));
            state.reset_for(s.words.len(), reading.late_root);
            while !state.terminal() {
                parser::features(&state, &words, &mut feats);
                t.score(&feats, &mut scores);
                costs(&state, &heads, &labels, &mut cost);
                let guess = best_valid(&state, &scores);
                let min = cost.iter().flatten().min().copied().unwrap_or(0);
                let mut best: Option<usize> = None;
                for (c, k) in cost.iter().enumerate() {
                    if *k == Some(min) && best.is_none_or(|b| scores[c] > scores[b]) {
                        best = Some(c);
                    }
                }
                let Some(best) = best else { break };
                t.update(best, guess.class(), &feats);
                let explore = epoch > 0 && rng.below(10) != 0;
                state.apply(if explore { guess } else { Move::from_class(best) });
            }
        }
        log(format!(
            "parser ({reading}) epoch {}/{} ({:.1} s)",
            epoch + 1,
            settings.parser_epochs,
            started.elapsed().as_secs_f64()
        ));
    }
    t.average()
}

/// Accuracy of a model on treebank sentences (every word counted, punctuation included, as in
/// the CoNLL 2018 shared task's evaluation on gold tokenisation).
#[derive(Debug, Clone, Copy, Default, serde::Serialize)]
pub struct Accuracy {
    pub words: usize,
    pub upos: usize,
    pub xpos: usize,
    pub lemma: usize,
    /// Right head.
    pub uas: usize,
    /// Right head and label.
    pub las: usize,
    /// Seconds spent analysing.
    pub seconds: f64,
}

impl Accuracy {
    pub fn pct(&self, n: usize) -> f64 {
        100.0 * n as f64 / self.words.max(1) as f64
    }
}

impl std::fmt::Display for Accuracy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} words: UPOS {:.2}%, XPOS {:.2}%, lemma {:.2}%, UAS {:.2}%, LAS {:.2}% ({:.0} words/s)",
            self.words,
            self.pct(self.upos),
            self.pct(self.xpos),
            self.pct(self.lemma),
            self.pct(self.uas),
            self.pct(self.las),
            self.words as f64 / self.seconds.max(1e-9)
        )
    }
}

/// Measures a model on treebank sentences, with the treebank's words.
pub fn evaluate(model: &Model, sents: &[GoldSentence]) -> Accuracy {
    let mut acc = Accuracy::default();
    let mut an = Analyzer::with_model(model);
    let mut out = Sentence::default();
    let (mut text, mut ranges) = (String::new(), Vec::new());
    for s in sents {
        text.clear();
        ranges.clear();
        for w in &s.words {
            if !text.is_empty() {
                text.push(' ');
            }
            ranges.push(text.len()..text.len() + w.form.len());
            text.push_str(&w.form);
        }
        let started = Instant::now();
        an.analyze_words(&text, 0..text.len(), &ranges, &mut out);
        acc.seconds += started.elapsed().as_secs_f64();
        for (i, (g, t)) in s.words.iter().zip(&out.tokens).enumerate() {
            acc.words += 1;
            acc.upos += (g.upos == t.upos) as usize;
            acc.xpos += (g.xpos == t.xpos) as usize;
            let lemma_ok = out.lemma(i) == g.lemma || out.lemma(i).eq_ignore_ascii_case(&g.lemma);
            acc.lemma += lemma_ok as usize;
            let head = t.head.map_or(0, |h| h + 1);
            if head == g.head {
                acc.uas += 1;
                acc.las += (t.deprel == g.deprel) as usize;
            }
        }
    }
    acc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows the oracle through the first 400 sentences of EWT dev, taking a random valid move
    /// instead once in `wander` steps (never if 0), the root early or late; gives the share of
    /// words with their gold head, and the sentences whose labelled errors exceed the costs the
    /// oracle charged.
    fn follow(wander: usize, late_root: bool) -> (f64, usize) {
        let sents = super::super::conllu::read(std::path::Path::new("tests/language/ewt-dev-head.conllu"))
            .expect("the test fixture reads");
        let (mut right, mut all, mut undercharged) = (0usize, 0usize, 0usize);
        let (mut rng, mut cost, mut state) = (Rng(7), Vec::new(), State::default());
        for s in &sents {
            let heads: Vec<u32> = std::iter::once(NONE).chain(s.words.iter().map(|w| w.head as u32)).collect();
            let labels: Vec<Deprel> = std::iter::once(Deprel::Root).chain(s.words.iter().map(|w| w.deprel)).collect();
            state.reset_for(s.words.len(), late_root);
            let mut charged = 0;
            while !state.terminal() {
                costs(&state, &heads, &labels, &mut cost);
                let valid: Vec<usize> = (0..cost.len()).filter(|&c| cost[c].is_some()).collect();
                let min = valid.iter().filter_map(|&c| cost[c]).min().expect("a valid move");
                let best: Vec<usize> = valid.iter().copied().filter(|&c| cost[c] == Some(min)).collect();
                let c = if wander > 0 && rng.below(wander) == 0 {
                    valid[rng.below(valid.len())]
                } else {
                    best[rng.below(best.len())]
                };
                charged += cost[c].unwrap_or(0);
                state.apply(Move::from_class(c));
            }
            // Late, the root's child is chosen after the moves, by a rule the oracle does not
            // price: count what the moves decided, a head given wrong or a word left without
            // one that was not the root's child.
            let before: Vec<u32> = state.heads.clone();
            state.finish();
            let mut wrong = 0;
            for (i, w) in s.words.iter().enumerate() {
                all += 1;
                right += (state.heads[i + 1] == w.head as u32) as usize;
                let missed = state.heads[i + 1] != w.head as u32 || state.labels[i + 1] != w.deprel;
                wrong += match (late_root, before[i + 1]) {
                    (true, NONE) => (w.head != 0) as u32,
                    _ => missed as u32,
                };
            }
            undercharged += (wrong > charged) as usize;
        }
        (100.0 * right as f64 / all as f64, undercharged)
    }

    #[test]
    fn the_oracle_rebuilds_gold_trees() {
        // Only non-projective arcs are out of reach; with the late root too, where the root's
        // child is the one word left without a head.
        for late_root in [false, true] {
            let (uas, undercharged) = follow(0, late_root);
            assert!(uas > 99.5, "{uas}, late root {late_root}");
            assert_eq!(undercharged, 0);
        }
    }

    #[test]
    fn the_oracle_never_calls_a_losing_move_free() {
        // After mistakes, what the oracle says a move costs is at least what it loses.
        for late_root in [false, true] {
            let (uas, undercharged) = follow(5, late_root);
            assert!(uas < 90.0, "mistakes were made: {uas}, late root {late_root}");
            assert_eq!(undercharged, 0, "late root {late_root}");
        }
    }
}
