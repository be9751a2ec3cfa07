#!/usr/bin/env python3
"""Coverage of duckling's English time corpus by `timeline dates`.

Reads ../shared/data/duckling/time_en.jsonl (not part of a user's clone: this script reaches
for the project's shared folder; pass another path as the first argument). Every phrase becomes
one article published on duckling's reference day, 2013-02-12, read with `--prefer future`
(duckling resolves bare weekdays forward). For each phrase it reports whether a temporal
expression covering most of it was found (recognised), and whether its value agrees with
duckling's at duckling's grain (right value). Negative phrases must yield nothing.

Usage: eval/duckling.py [time_en.jsonl] [--binary target/release/timeline] [-v]
"""
import datetime as dt
import json
import os
import subprocess
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
REF = "2013-02-12"


def expected(values, grain, kind):
    """duckling's value as (first day, last day, time or None) at its grain; a year before
    Christ (duckling's "-2014" for "2014 BC") as the TIMEX3 value ("BC2014"), since Python's
    dates start at year 1."""
    if values[0].startswith("-"):
        return ("BC" + values[0][1:5], None, None)
    a = dt.datetime.fromisoformat(values[0])
    if grain in ("Hour", "Minute", "Second") and len(values) == 1:
        return (a.date(), a.date(), a.strftime("%H:%M"))
    if len(values) == 2:
        b = dt.datetime.fromisoformat(values[1])
        if grain in ("Hour", "Minute", "Second"):
            # a part of a day or a span of hours: compare the day(s) only
            last = (b - dt.timedelta(seconds=1)).date()
            return (a.date(), last, None)
        # duckling's interval ends are exclusive at its grain
        step = {"Day": dt.timedelta(days=1)}.get(grain)
        if step:
            return (a.date(), (b - step).date(), None)
        return (a.date(), (b - dt.timedelta(days=1)).date(), None)
    d = a.date()
    if grain == "Day":
        return (d, d, None)
    if grain == "Week":
        mon = d - dt.timedelta(days=d.weekday())
        return (mon, mon + dt.timedelta(days=6), None)
    if grain == "Month":
        nxt = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return (d.replace(day=1), nxt - dt.timedelta(days=1), None)
    if grain == "Quarter":
        q0 = (d.month - 1) // 3 * 3 + 1
        first = d.replace(month=q0, day=1)
        nxt = (first.replace(day=28) + dt.timedelta(days=70)).replace(day=1)
        return (first, nxt - dt.timedelta(days=1), None)
    if grain == "Year":
        return (d.replace(month=1, day=1), d.replace(month=12, day=31), None)
    return (d, d, None)


def agrees(m, exp):
    if isinstance(exp[0], str):
        return m["value"] == exp[0]
    if not m.get("first") or m["first"].startswith("-"):
        return False
    first, last = dt.date.fromisoformat(m["first"]), dt.date.fromisoformat(m["last"])
    if exp[2] is not None:
        return first == exp[0] and m["value"].endswith("T" + exp[2])
    # a part of the day ("morning") is right when its day is
    if "T" in m["value"] and exp[0] == exp[1]:
        return first == exp[0]
    return (first, last) == (exp[0], exp[1])


def main():
    argv = sys.argv[1:]
    # positional arguments: not options, nor the value after --binary
    args = [a for k, a in enumerate(argv) if not a.startswith("-") and (k == 0 or argv[k - 1] != "--binary")]
    verbose = "-v" in sys.argv
    corpus = args[0] if args else os.path.join(ROOT, "..", "shared", "data", "duckling", "time_en.jsonl")
    binary = os.path.join(ROOT, "target", "release", "timeline")
    if "--binary" in sys.argv:
        binary = sys.argv[sys.argv.index("--binary") + 1]
    groups = [json.loads(l) for l in open(corpus)]
    articles, meta = [], {}
    for gi, g in enumerate(groups):
        for pi, p in enumerate(g["phrases"]):
            aid = f"{gi}.{pi}"
            articles.append(json.dumps({"id": aid, "published": REF, "text": p}))
            meta[aid] = (g, p)
    out = subprocess.run([binary, "dates", "-", "--format", "jsonl", "--prefer", "future"],
                         input="\n".join(articles) + "\n", capture_output=True, text=True, check=True).stdout
    found = {}
    for line in out.splitlines():
        m = json.loads(line)
        found.setdefault(m["id"], []).append(m)
    totals, recog, right = Counter(), Counter(), Counter()
    neg_total = neg_clean = 0
    misses = []
    for aid, (g, p) in meta.items():
        ms = found.get(aid, [])
        if g["kind"] == "negative":
            neg_total += 1
            neg_clean += not ms
            if ms and verbose:
                misses.append(f"negative {p!r}: {[m['text'] for m in ms]}")
            continue
        k = g["kind"]
        totals[k] += 1
        # the mention covering most of the phrase
        best = max(ms, key=lambda m: m["end"] - m["start"], default=None)
        if best is None or (best["end"] - best["start"]) * 2 < len(p.encode()):
            if verbose:
                misses.append(f"{k} {p!r}: not recognised ({[m['text'] for m in ms]})")
            continue
        recog[k] += 1
        exp = expected(g["values"], g["grain"], k)
        if agrees(best, exp):
            right[k] += 1
        elif verbose:
            misses.append(f"{k} {p!r}: gave {best['value']} ({best.get('first')}..{best.get('last')}), duckling {g['values']} {g['grain']}")
    for x in misses:
        print("  " + x)
    n, r, v = sum(totals.values()), sum(recog.values()), sum(right.values())
    print(f"{'kind':<24} {'phrases':>7} {'recognised':>10} {'right value':>11}")
    for k in sorted(totals):
        print(f"{k:<24} {totals[k]:7} {recog[k]:10} {right[k]:11}")
    print(f"{'all':<24} {n:7} {r:10} ({100*r/n:.1f}%) {v:4} ({100*v/n:.1f}%)")
    print(f"negative phrases yielding nothing: {neg_clean}/{neg_total}")


if __name__ == "__main__":
    main()
