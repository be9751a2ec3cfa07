//! The shipped English model: its accuracy on a fixed part of UD English EWT dev (the first 400
//! sentences, `tests/language/ewt-dev-head.conllu`, CC BY-SA 4.0), pinned so that a change to
//! the tagger, parser or model that loses accuracy fails here.

use std::path::Path;
use timeline::language::{conllu, train, Analyzer, Model, Sentence};

#[test]
fn shipped_model_accuracy_is_pinned() {
    let sents = conllu::read(Path::new("tests/language/ewt-dev-head.conllu")).expect("fixture reads");
    let acc = train::evaluate(Model::shipped(), &sents);
    println!("{acc}\n{acc:?}");
    assert_eq!(acc.words, WORDS);
    for (name, got, pinned) in [
        ("UPOS", acc.upos, UPOS),
        ("XPOS", acc.xpos, XPOS),
        ("lemma", acc.lemma, LEMMA),
        ("UAS", acc.uas, UAS),
        ("LAS", acc.las, LAS),
    ] {
        assert!(got >= pinned, "{name}: {got} words right, pinned at {pinned} of {WORDS}");
    }
}

/// Scraped news writes apostrophes curly; the treebank mostly writes them straight. The
/// analysis must not depend on which.
#[test]
fn curly_apostrophes_read_as_straight_ones() {
    let mut an = Analyzer::new();
    for curly in [
        "The ministers’ talks in London didn’t end, and Russia’s army won’t stop.",
        "Ukraine’s president said he’d rather the ’90s were over.",
        "Journalists say Zelenskyy’s decision surprised Putin’s advisers.",
    ] {
        let straight = curly.replace('’', "'");
        let (mut a, mut b) = (Sentence::default(), Sentence::default());
        an.analyze(curly, 0..curly.len(), &mut a);
        an.analyze(&straight, 0..straight.len(), &mut b);
        let view = |s: &Sentence| -> Vec<_> {
            (0..s.len()).map(|i| (s.tokens[i].upos, s.tokens[i].xpos, s.tokens[i].head, s.tokens[i].deprel)).collect()
        };
        assert_eq!(view(&a), view(&b), "{curly}");
        let lemmas = |s: &Sentence| -> Vec<String> { (0..s.len()).map(|i| s.lemma(i).replace('’', "'")).collect() };
        assert_eq!(lemmas(&a), lemmas(&b), "{curly}");
    }
}

#[test]
fn model_round_trips_and_rejects_damage() {
    let m = Model::shipped();
    let bytes = m.to_bytes();
    let back = Model::from_bytes(&bytes).expect("reads back");
    assert_eq!(back.sizes(), m.sizes());
    assert!(Model::from_bytes(&bytes[..bytes.len() / 2]).is_err());
    assert!(Model::from_bytes(b"not a model").is_err());
    assert!(bytes.len() <= 10 * 1024 * 1024, "the model must stay under 10 MB");
    assert_eq!(m.parsers().len(), 3, "three parsers vote");
}

// Measured on the shipped model; raise them when the model improves.
// 6,729 words: UPOS 95.90%, XPOS 95.32%, lemma 98.54%, UAS 84.35%, LAS 81.50% (three parsers
// voting; irregular past forms read from src/language/verb-forms.txt, closed classes from
// src/language/closed-classes.txt). The closed classes cost these 400 sentences 8 heads (UAS
// was 84.47%, LAS 81.56%): one sentence, "... you can find -- witness the features ...",
// whose "witness" the tagger had read as a preposition, accounts for 13 changed heads. On the
// whole of dev UAS is unchanged (85.63%) and LAS up (82.50% to 82.51%); on test both are up
// (86.06% to 86.08%, 83.06% to 83.09%), and UPOS is up everywhere.
const WORDS: usize = 6729;
const UPOS: usize = 6453;
const XPOS: usize = 6414;
const LEMMA: usize = 6631;
const UAS: usize = 5676;
const LAS: usize = 5484;
