//! Parsers that vote: each parser of the model proposes a head and label for every word, and
//! the tree kept is the projective tree with one root whose arcs gather the most votes
//! (Eisner's algorithm; Sagae and Lavie, 2006). Parsers that read the sentence differently
//! ([`super::parser::Reading`]) make different mistakes, so where one errs the others often
//! outvote it.

use super::tags::Deprel;

/// A parser's proposal for one word: its head (0 the root), label and weight.
#[derive(Debug, Clone, Copy)]
pub struct Vote {
    pub head: u32,
    pub label: Deprel,
    pub weight: f32,
}

/// Buffers for [`combine`], kept between sentences.
#[derive(Debug, Default)]
pub struct Buffers {
    score: Vec<f32>,
    /// Best span scores: complete and incomplete, head on the left (right-facing) or right.
    complete: [Vec<f32>; 2],
    incomplete: [Vec<f32>; 2],
    /// Where each best span was split.
    complete_at: [Vec<u32>; 2],
    incomplete_at: [Vec<u32>; 2],
    todo: Vec<(u32, u32, u8, bool)>,
}

const LEFT: usize = 0;
const RIGHT: usize = 1;

/// Combines the votes for a sentence of `words` words: `votes[p * words + i]` is parser `p`'s
/// vote for word `i + 1` (words are numbered from 1). Writes each word's head and label into
/// `heads` and `labels` (index 0 is the root, as [`super::parser::State`] numbers them). An arc
/// no parser proposed may be kept where a projective tree needs it; it takes the first
/// parser's label.
pub fn combine(votes: &[Vote], words: usize, buf: &mut Buffers, heads: &mut Vec<u32>, labels: &mut Vec<Deprel>) {
    let n = words + 1;
    let parsers = votes.len() / words.max(1);
    buf.score.clear();
    buf.score.resize(n * n, 0.0);
    for p in 0..parsers {
        for (i, v) in votes[p * words..(p + 1) * words].iter().enumerate() {
            if (v.head as usize) < n && v.head as usize != i + 1 {
                buf.score[v.head as usize * n + i + 1] += v.weight;
            }
        }
    }
    eisner(n, buf);
    heads.clear();
    heads.resize(n, u32::MAX);
    backtrack(n, buf, heads);
    labels.clear();
    labels.push(Deprel::Root);
    for d in 1..n {
        let h = heads[d];
        // The label of the surest parser that chose this head.
        let mut best: Option<(Deprel, f32)> = None;
        for p in 0..parsers {
            let v = votes[p * words + d - 1];
            if v.head == h && best.is_none_or(|(_, w)| v.weight > w) {
                best = Some((v.label, v.weight));
            }
        }
        let label = best.map_or(votes[d - 1].label, |(l, _)| l);
        // The root's one child is labelled root, and no other word is.
        labels.push(match (h == 0, label == Deprel::Root) {
            (true, _) => Deprel::Root,
            (false, true) => Deprel::Parataxis,
            (false, false) => label,
        });
    }
}

/// Fills the span tables: the best projective tree over nodes `0..n` whose root (node 0) has
/// exactly one child.
fn eisner(n: usize, b: &mut Buffers) {
    for t in b.complete.iter_mut().chain(b.incomplete.iter_mut()) {
        t.clear();
        t.resize(n * n, f32::NEG_INFINITY);
    }
    for t in b.complete_at.iter_mut().chain(b.incomplete_at.iter_mut()) {
        t.clear();
        t.resize(n * n, 0);
    }
    for s in 0..n {
        b.complete[LEFT][s * n + s] = 0.0;
        b.complete[RIGHT][s * n + s] = 0.0;
    }
    for len in 1..n {
        for s in 0..n - len {
            let t = s + len;
            let at = s * n + t;
            // Incomplete spans: an arc between s and t over two complete halves. Node 0 is never
            // a dependent, and takes its one child over nothing but itself.
            let splits = if s == 0 { 0..1 } else { s..t };
            let (mut best, mut arg) = (f32::NEG_INFINITY, s);
            for r in splits {
                let v = b.complete[RIGHT][s * n + r] + b.complete[LEFT][(r + 1) * n + t];
                if v > best {
                    (best, arg) = (v, r);
                }
            }
            if s > 0 {
                b.incomplete[LEFT][at] = best + b.score[t * n + s];
                b.incomplete_at[LEFT][at] = arg as u32;
            }
            b.incomplete[RIGHT][at] = best + b.score[s * n + t];
            b.incomplete_at[RIGHT][at] = arg as u32;
            // Complete spans.
            if s > 0 {
                let (mut best, mut arg) = (f32::NEG_INFINITY, s);
                for r in s..t {
                    let v = b.complete[LEFT][s * n + r] + b.incomplete[LEFT][r * n + t];
                    if v > best {
                        (best, arg) = (v, r);
                    }
                }
                b.complete[LEFT][at] = best;
                b.complete_at[LEFT][at] = arg as u32;
            }
            let (mut best, mut arg) = (f32::NEG_INFINITY, t);
            for r in s + 1..=t {
                let v = b.incomplete[RIGHT][s * n + r] + b.complete[RIGHT][r * n + t];
                if v > best {
                    (best, arg) = (v, r);
                }
            }
            b.complete[RIGHT][at] = best;
            b.complete_at[RIGHT][at] = arg as u32;
        }
    }
}

/// Reads the heads of the best tree out of the tables [`eisner`] filled.
fn backtrack(n: usize, b: &mut Buffers, heads: &mut [u32]) {
    b.todo.clear();
    // (s, t, direction, complete)
    b.todo.push((0, n as u32 - 1, RIGHT as u8, true));
    while let Some((s, t, dir, complete)) = b.todo.pop() {
        let (s, t, d) = (s as usize, t as usize, dir as usize);
        if s == t {
            continue;
        }
        let at = s * n + t;
        if complete {
            let r = if d == LEFT { b.complete_at[LEFT][at] } else { b.complete_at[RIGHT][at] } as usize;
            if d == LEFT {
                b.todo.push((s as u32, r as u32, LEFT as u8, true));
                b.todo.push((r as u32, t as u32, LEFT as u8, false));
            } else {
                b.todo.push((s as u32, r as u32, RIGHT as u8, false));
                b.todo.push((r as u32, t as u32, RIGHT as u8, true));
            }
        } else {
            let r = b.incomplete_at[d][at] as usize;
            if d == LEFT {
                heads[s] = t as u32;
            } else {
                heads[t] = s as u32;
            }
            b.todo.push((s as u32, r as u32, RIGHT as u8, true));
            b.todo.push((r as u32 + 1, t as u32, LEFT as u8, true));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vote(head: u32, label: Deprel, weight: f32) -> Vote {
        Vote { head, label, weight }
    }

    fn run(votes: &[Vote], words: usize) -> (Vec<u32>, Vec<Deprel>) {
        let (mut heads, mut labels, mut buf) = (Vec::new(), Vec::new(), Buffers::default());
        combine(votes, words, &mut buf, &mut heads, &mut labels);
        (heads[1..].to_vec(), labels[1..].to_vec())
    }

    #[test]
    fn one_parser_keeps_its_projective_tree() {
        use Deprel::*;
        // "Putin met Trump in Geneva"
        let tree = [(2, Nsubj), (0, Root), (2, Obj), (5, Case), (2, Obl)];
        let votes: Vec<Vote> = tree.iter().map(|&(h, l)| vote(h, l, 1.0)).collect();
        let (heads, labels) = run(&votes, 5);
        assert_eq!(heads, [2, 0, 2, 5, 2]);
        assert_eq!(labels, [Nsubj, Root, Obj, Case, Obl]);
    }

    #[test]
    fn the_majority_wins_each_arc() {
        use Deprel::*;
        // Two of three parsers hang "in Geneva" on "met", one on "Trump".
        let a = [(2, Nsubj), (0, Root), (2, Obj), (5, Case), (2, Obl)];
        let b = [(2, Nsubj), (0, Root), (2, Obj), (5, Case), (3, Nmod)];
        let mut votes: Vec<Vote> = b.iter().map(|&(h, l)| vote(h, l, 1.0)).collect();
        votes.extend(a.iter().map(|&(h, l)| vote(h, l, 1.0)));
        votes.extend(a.iter().map(|&(h, l)| vote(h, l, 1.0)));
        let (heads, labels) = run(&votes, 5);
        assert_eq!(heads, [2, 0, 2, 5, 2]);
        assert_eq!(labels[4], Obl);
    }

    #[test]
    fn the_tree_has_one_root_and_no_cycle() {
        use Deprel::*;
        // Votes for two roots and for a cycle between words 3 and 4.
        let a = [(0, Root), (0, Root), (4, Dep), (3, Dep)];
        let votes: Vec<Vote> = a.iter().map(|&(h, l)| vote(h, l, 1.0)).collect();
        let (heads, labels) = run(&votes, 4);
        assert_eq!(heads.iter().filter(|&&h| h == 0).count(), 1, "{heads:?}");
        assert_eq!(labels.iter().filter(|&&l| l == Root).count(), 1, "{labels:?}");
        for start in 1..=4u32 {
            let (mut at, mut steps) = (start, 0);
            while at != 0 && steps < 5 {
                at = heads[at as usize - 1];
                steps += 1;
            }
            assert_eq!(at, 0, "word {start} reaches the root: {heads:?}");
        }
    }
}
