#!/usr/bin/env python3
"""Spark against a direct build, on the silver corpus repeated N times (ids made distinct).

Reaches for ../shared (the silver corpus, ../shared/data/news-silver.jsonl.gz, or
TIMELINE_SHARED): a benchmark, not needed by the tests. Run with the venv examples/spark/setup.sh
makes, after `cargo build --release`:

    target/spark-venv/bin/python examples/spark/bench.py [--copies 8] [--partitions 8]

Prints the wall time of `timeline build` on the JSONL and of the Spark job in local[2] with the
same binary (start-up included), their ratio, the Spark job's phases, and a projection for a
cluster from the measured per-article cost.
"""
import argparse
import gzip
import json
import os
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.abspath(os.path.join(here, "..", ".."))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--copies", type=int, default=8)
    p.add_argument("--partitions", type=int, default=8)
    args = p.parse_args()
    shared = os.environ.get("TIMELINE_SHARED", os.path.join(root, "..", "shared"))
    binary = os.path.join(root, "target", "release", "timeline")
    with tempfile.TemporaryDirectory() as d:
        src = os.path.join(d, "silver.jsonl")
        n = 0
        with gzip.open(os.path.join(shared, "data", "news-silver.jsonl.gz"), "rt") as f:
            lines = [json.loads(l) for l in f if l.strip()]
        with open(src, "w") as out:
            for c in range(args.copies):
                for a in lines:
                    a = dict(a, id=f"{c}-{a['id']}")
                    out.write(json.dumps(a) + "\n")
                    n += 1
        mb = os.path.getsize(src) / 1e6
        print(f"input: {n} articles, {mb:.1f} MB of JSONL (silver corpus x{args.copies})")
        t = time.monotonic()
        subprocess.run([binary, "build", src, "--format", "json", "-o", os.path.join(d, "direct.json")], check=True)
        direct = time.monotonic() - t
        print(f"direct timeline build: {direct:.1f} s ({n / direct:.0f} articles/s)")
        t = time.monotonic()
        job = subprocess.run(
            [sys.executable, os.path.join(here, "timeline_spark.py"), "--master", "local[2]", "--binary", binary,
             "--input", src, "--partitions", str(args.partitions), "--output", os.path.join(d, "spark.json"),
             "--timings"],
            capture_output=True, text=True)
        spark = time.monotonic() - t
        if job.returncode != 0:
            sys.exit(job.stderr)
        for line in job.stderr.splitlines():
            if line.startswith("timings:"):
                print("spark " + line)
        same = open(os.path.join(d, "direct.json")).read() == open(os.path.join(d, "spark.json")).read()
        print(f"spark local[2], {args.partitions} partitions: {spark:.1f} s end to end "
              f"({spark / direct:.2f}x the direct build); same timeline: {same}")
        per_article = direct * 2 / n  # core-seconds an article, from the direct build on 2 cores
        print(f"per-article cost: {per_article * 1e3:.2f} ms of one core")
        for executors in (10, 100):
            arts = 2_500_000
            print(f"PROJECTION (not measured): {arts} articles on {executors} executors of 2 cores: map "
                  f"{arts * per_article / (2 * executors) / 60:.1f} min, plus start-up and the reduce")


if __name__ == "__main__":
    main()
