#!/usr/bin/env python3
"""Events of whole stories: how many of the events we listed (eval/story-events/NAME.events)
the timeline finds, dates right, merges into one entry, and puts in the right order.

Reaches for ../shared (the silver corpus, ../shared/data/news-silver.jsonl.gz): an evaluation
script, not needed by the tests. The story's articles are eval/key-days/NAME.ids.

- found: an entry whose label holds one of the line's words (whole words, any case) and whose
  date overlaps the day (or, undated, is bounded around it);
- dated right: found, and the entry is dated to that very day;
- merged: the entries found for one event are one entry;
- in order: of the events found and dated, pairs in the listed order that the timeline orders
  the same way.

    python3 eval/story-events.py
"""
import gzip, json, os, re, subprocess, tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SILVER = os.path.join(HERE, "..", "..", "shared", "data", "news-silver.jsonl.gz")
BIN = os.path.join(HERE, "..", "target", "release", "timeline")


def words_in(label, alternatives):
    low = label.lower()
    return any(re.search(r"\b" + re.escape(w.lower()) + r"\b", low) for w in alternatives)


def main():
    with gzip.open(SILVER, "rt") as f:
        articles = {a["id"]: a for a in map(json.loads, f)}
    totals = [0, 0, 0, 0, 0, 0]
    for name in sorted(n[:-7] for n in os.listdir(os.path.join(HERE, "story-events")) if n.endswith(".events")):
        ids = open(os.path.join(HERE, "key-days", name + ".ids")).read().split()
        gold = []
        for line in open(os.path.join(HERE, "story-events", name + ".events")):
            if line.strip() and not line.startswith("#"):
                day, words, what = [x.strip() for x in line.split("|")]
                gold.append((day, words.split("/"), what))
        with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as tmp:
            for i in ids:
                tmp.write(json.dumps(articles[i]) + "\n")
        t = json.loads(subprocess.run([BIN, "build", tmp.name, "--format", "json"], check=True,
                                      capture_output=True, text=True).stdout)
        os.unlink(tmp.name)
        events = t["events"]
        found = dated = merged = 0
        positions = []
        for day, words, what in gold:
            hits = []
            for pos, e in enumerate(events):
                w = e["when"]
                if w and w["start"] <= day <= w["end"] and words_in(e["label"], words):
                    hits.append((pos, w["start"] == day == w["end"]))
            if hits:
                found += 1
                exact = [p for p, ok in hits if ok]
                if exact:
                    dated += 1
                    positions.append(exact[0])
                if len(hits) == 1:
                    merged += 1
            print(f"  {name} {day} {'found' if hits else 'MISSED':6} {len(hits)} entr{'y' if len(hits) == 1 else 'ies'}: {what}")
        pairs = [(a, b) for i, a in enumerate(positions) for b in positions[i + 1:]]
        ordered = sum(1 for a, b in pairs if a <= b)
        n = len(gold)
        print(f"{name}: {n} events; found {found} ({100*found/n:.0f}%), dated right {dated} ({100*dated/n:.0f}%), "
              f"one entry {merged} of {found} found, in order {ordered} of {len(pairs)} pairs")
        for k, v in enumerate([n, found, dated, merged, ordered, len(pairs)]):
            totals[k] += v
    n, found, dated, merged, ordered, pairs = totals
    print(f"all: {n} events; found {100*found/n:.0f}%, dated right {100*dated/n:.0f}%, "
          f"one entry {100*merged/max(found,1):.0f}% of found, in order {100*ordered/max(pairs,1):.0f}% of pairs")


if __name__ == "__main__":
    main()
