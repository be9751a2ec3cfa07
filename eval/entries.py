#!/usr/bin/env python3
"""The silver-corpus checks of a timeline's entries (issue 10), on a timeline written as JSON.

Reaches for ../shared through its default input (the 2,452 articles of
../shared/data/news-silver.jsonl.gz): an evaluation script, not needed by the tests.

    python3 eval/entries.py [TIMELINE.json]     # default: builds the silver corpus first

Each count must stay at or under 2% of entries:
- joined across time: dated to a month or finer, reports from articles published more than
  400 days apart;
- fragment label: its last word a function word (the, a, of, to, ..., said);
- reporting-only: at most five words, one of them a reporting verb.
And one that must be nought:
- bounds crossed: an undated entry bounded after a day later than the day it is bounded before.
"""
import gzip, json, os, subprocess, sys, tempfile
from datetime import date

HERE = os.path.dirname(os.path.abspath(__file__))
DANGLING = set("the a an of to in on at for by with from that its his her their and or but as is was were be which who this said".split())
REPORTING = set("said says say told tells tell stated states state reported reports added adds noted notes stressed "
                "stresses explained explains announced announces declared declares warned warns claimed claims "
                "according replied replies commented comments insisted insists confirmed confirms".split())
FINE = {"month", "week", "weekend", "day", "partofday", "time"}


def main():
    if len(sys.argv) > 1:
        t = json.load(open(sys.argv[1]))
    else:
        silver = os.path.join(HERE, "..", "..", "shared", "data", "news-silver.jsonl.gz")
        with tempfile.TemporaryDirectory() as d:
            src = os.path.join(d, "silver.jsonl")
            with gzip.open(silver, "rt") as f, open(src, "w") as g:
                g.write(f.read())
            out = os.path.join(d, "t.json")
            subprocess.run([os.path.join(HERE, "..", "target", "release", "timeline"), "build", src, "-o", out], check=True)
            t = json.load(open(out))
    pub = {a["id"]: a["published"] for a in t["articles"]}
    n = len(t["events"])
    joined = fragment = reporting = crossed = 0
    for e in t["events"]:
        b = e.get("bounds") or {}
        if b.get("after") and b.get("before") and b["after"] > b["before"]:
            crossed += 1
        words = e["label"].split()
        if words and words[-1].lower().strip(".,;:") in DANGLING:
            fragment += 1
        if len(words) <= 5 and any(w.lower().strip(".,;:") in REPORTING for w in words):
            reporting += 1
        if e["when"] and e["when"]["granularity"] in FINE:
            days = [date.fromisoformat(pub[m["article"]]) for m in e["mentions"] if pub.get(m["article"])]
            if days and (max(days) - min(days)).days > 400:
                joined += 1
    pct = lambda x: 100.0 * x / max(n, 1)
    print(f"{n} entries from {len(t['articles'])} articles")
    print(f"joined across time: {joined} ({pct(joined):.1f}%)")
    print(f"fragment label:     {fragment} ({pct(fragment):.1f}%)")
    print(f"reporting-only:     {reporting} ({pct(reporting):.1f}%)")
    print(f"bounds crossed:     {crossed}")


if __name__ == "__main__":
    main()
