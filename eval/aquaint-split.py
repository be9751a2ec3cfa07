#!/usr/bin/env python3
"""Splits AQUAINT (from the project's shared folder) into the part date rules may be tuned on
and the part held back: every fourth article, in file order, starting with the fourth.

Usage: aquaint-split.py SHARED_DATA_DIR OUT_DIR
Writes OUT_DIR/{tune,held}.jsonl and OUT_DIR/{tune,held}-gold.json (the gold keeps TIMEX3s,
EVENTs and TLINKs of the part's articles). The held part's misses are not to be studied
while rules change; it is scored, and reported, separately (`eval/score.sh aquaint-held`).
"""
import json
import os
import sys

data, out = sys.argv[1], sys.argv[2]
os.makedirs(out, exist_ok=True)
lines = [l for l in open(os.path.join(data, "aquaint.jsonl")) if l.strip()]
gold = json.load(open(os.path.join(data, "aquaint-gold.json")))
parts = {"tune": [], "held": []}
for i, line in enumerate(lines):
    parts["held" if i % 4 == 3 else "tune"].append(line)
for name, part in parts.items():
    ids = {str(json.loads(l)["id"]) for l in part}
    with open(os.path.join(out, f"{name}.jsonl"), "w") as f:
        f.writelines(part)
    sub = {k: ([x for x in v if str(x.get("id")) in ids] if isinstance(v, list) else v) for k, v in gold.items()}
    with open(os.path.join(out, f"{name}-gold.json"), "w") as f:
        json.dump(sub, f)
