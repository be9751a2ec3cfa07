#!/usr/bin/env python3
"""Key days: date F1 of `timeline build --top-days K` against hand-made key days.

Reaches for ../shared (the silver corpus, ../shared/data/news-silver.jsonl.gz): an evaluation
script, not needed by the tests. For each story in eval/key-days/ (article ids in NAME.ids,
key days in NAME.days, written by us from reading the articles), it builds the story's
timeline with --top-days K (K = the number of key days) and scores the days of the entries
kept, against two baselines: every publication date, and the K dates most articles were
published on.

    python3 eval/key-days.py [--timeline target/release/timeline]
"""
import argparse, gzip, json, os, subprocess, sys, tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SILVER = os.path.join(HERE, "..", "..", "shared", "data", "news-silver.jsonl.gz")


def f1(pred, gold):
    hit = len(pred & gold)
    p = hit / len(pred) if pred else 0.0
    r = hit / len(gold) if gold else 0.0
    return (2 * p * r / (p + r)) if p + r else 0.0


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--timeline", default=os.path.join(HERE, "..", "target", "release", "timeline"))
    args = ap.parse_args()
    with gzip.open(SILVER, "rt") as f:
        articles = {a["id"]: a for a in map(json.loads, f)}
    names = sorted(n[:-4] for n in os.listdir(os.path.join(HERE, "key-days")) if n.endswith(".ids"))
    rows = []
    for name in names:
        ids = [l.strip() for l in open(os.path.join(HERE, "key-days", name + ".ids")) if l.strip()]
        gold = {l.split()[0] for l in open(os.path.join(HERE, "key-days", name + ".days"))
                if l.strip() and not l.startswith("#")}
        k = len(gold)
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
            for i in ids:
                tmp.write(json.dumps(articles[i]) + "\n")
        out = subprocess.run([args.timeline, "build", tmp.name, "--top-days", str(k), "--format", "json"],
                             check=True, capture_output=True, text=True).stdout
        full = subprocess.run([args.timeline, "build", tmp.name, "--format", "json"],
                              check=True, capture_output=True, text=True).stdout
        os.unlink(tmp.name)
        day_grain = ("day", "partofday", "time")
        days = lambda t: {e["when"]["start"] for e in t["events"]
                          if e["when"] and e["when"]["granularity"] in day_grain and not e["when"]["approximate"]}
        top = days(json.loads(out))
        every = days(json.loads(full))
        pubs = Counter(articles[i]["published"][:10] for i in ids)
        top_pubs = {d for d, _ in sorted(pubs.items(), key=lambda x: (-x[1], x[0]))[:k]}
        row = (name, len(ids), k, f1(top, gold), f1(every, gold), f1(set(pubs), gold), f1(top_pubs, gold))
        rows.append(row)
        print(f"{name:16} {len(ids):3} articles, {k} key days: top-days F1 {row[3]:.3f}  "
              f"(all entry days {row[4]:.3f}; all publication dates {row[5]:.3f}; top-{k} publication dates {row[6]:.3f})"
              f"  kept {sorted(top)}")
    n = len(rows)
    avg = [sum(r[i] for r in rows) / n for i in (3, 4, 5, 6)]
    print(f"{'mean':16} top-days F1 {avg[0]:.3f}  all entry days {avg[1]:.3f}  "
          f"all publication dates {avg[2]:.3f}  top-k publication dates {avg[3]:.3f}")


if __name__ == "__main__":
    sys.exit(main())
