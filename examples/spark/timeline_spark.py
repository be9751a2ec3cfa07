#!/usr/bin/env python3
"""Build a timeline on Apache Spark: the `timeline` binary does the work, Spark schedules it.

    python examples/spark/timeline_spark.py --input articles.jsonl --output timeline.json

Map: every partition of the input (JSONL articles, from any path Spark reads: a local file or
folder, hdfs://, s3a://) goes through `timeline events --format entries`, which writes one
record an article with the entries it reports. Reduce: the records, in input order, are written
to a local `*.entries.jsonl` file and `timeline build` merges, orders and ranks them, writing the
timeline in any of the tool's formats. The result is the same timeline as `timeline build` on the
input; tests/spark.rs checks it.

Options for dates (--published, --prefer, --week-start, --numeric-dates, --strict) go to the
map; --about, --top, --top-days and --format go to the reduce. A bad line fails the job with the
tool's own error, naming the input and its line; no partition is dropped.

Incremental runs: --entries-out keeps the map output (a Spark folder of part files, in order);
a later run passes it back with --entries-in, and only the new articles are mapped.
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time


def parse_args(argv=None):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--input", action="append", default=[],
                   help="JSONL articles, any path Spark reads (repeatable)")
    p.add_argument("--output", required=True, help="the timeline file to write (on the driver)")
    p.add_argument("--format", default=None,
                   help="text|json|ron|html|timelinejs|ics|markdown (default: from --output's extension)")
    p.add_argument("--partitions", type=int, default=None, help="map tasks (default: Spark's)")
    p.add_argument("--master", default=None, help="Spark master when not set by spark-submit, e.g. local[2]")
    p.add_argument("--binary", default=None,
                   help="the timeline binary: a path on every executor, or a file shipped with "
                        "spark-submit --files (default: $TIMELINE_BIN, else `timeline` on PATH)")
    p.add_argument("--entries-out", default=None, help="also keep the map output here (a Spark folder)")
    p.add_argument("--entries-in", action="append", default=[],
                   help="map output of earlier runs to merge with the new articles (repeatable)")
    p.add_argument("--timings", action="store_true", help="print the seconds each phase took on stderr")
    # passed through to the tool
    p.add_argument("--published")
    p.add_argument("--prefer", choices=["past", "future"])
    p.add_argument("--week-start", choices=["monday", "sunday"])
    p.add_argument("--numeric-dates", choices=["auto", "month-first", "day-first"])
    p.add_argument("--strict", action="store_true")
    p.add_argument("--about", action="append", default=[])
    p.add_argument("--top", type=int)
    p.add_argument("--top-days", type=int)
    args = p.parse_args(argv)
    if not args.input and not args.entries_in:
        p.error("give --input (articles) or --entries-in (earlier map output), or both")
    return args


def map_options(args):
    out = []
    for name in ("published", "prefer", "week_start", "numeric_dates"):
        value = getattr(args, name)
        if value is not None:
            out += ["--" + name.replace("_", "-"), str(value)]
    if args.strict:
        out.append("--strict")
    return out


def reduce_options(args):
    out = []
    for name in args.about:
        out += ["--about", name]
    if args.top is not None:
        out += ["--top", str(args.top)]
    if args.top_days is not None:
        out += ["--top-days", str(args.top_days)]
    if args.format:
        out += ["--format", args.format]
    return out


def resolve_binary(args):
    """The binary's path as the executors see it (resolved there, not on the driver)."""
    return args.binary or os.environ.get("TIMELINE_BIN") or "timeline"


def locate(binary):
    """On an executor: a shipped file (spark-submit --files) by its name, else the path as given."""
    if os.sep not in binary:
        try:
            from pyspark import SparkFiles
            shipped = SparkFiles.get(binary)
            if os.path.isfile(shipped):
                os.chmod(shipped, 0o755)
                return shipped
        except Exception:
            pass
        found = shutil.which(binary)
        if found:
            return found
    return binary


class ToolError(RuntimeError):
    """The tool's own error, with the input and line it names."""


def mapper(binary, options):
    """The map task: one partition of (line, file, line number) through `timeline events`.
    Gives (record, file, line number): the tool writes one record an article, in order, so each
    record keeps the place of the line it came from."""

    def run(index, rows):
        rows = list(rows)
        if not rows:
            return iter(())
        origins = [(f, n) for _, f, n in rows]
        with tempfile.TemporaryDirectory(prefix="timeline-map-") as d:
            # a file, not standard input: read as JSONL whatever its first line holds, so a
            # bad line is an error, never a plain-text article
            part = os.path.join(d, f"partition-{index}.jsonl")
            with open(part, "w", encoding="utf-8") as f:
                for line, _, _ in rows:
                    f.write(line + "\n")
            cmd = [locate(binary), "events", part, "--format", "entries"] + options
            done = subprocess.run(cmd, capture_output=True)
        err = done.stderr.decode("utf-8", "replace")
        if done.returncode != 0:
            raise ToolError(translate(err, part, origins).strip())
        if err.strip():
            # warnings (a field that looks misspelled, an undated article) go to the task's log
            sys.stderr.write(translate(err, part, origins))
        records = done.stdout.decode("utf-8").splitlines()
        if len(records) != len(rows):
            # not one record a line (blank lines): the records keep no place
            return iter((r, None, None) for r in records)
        return iter((r, f, n) for r, (f, n) in zip(records, origins))

    return run


class Origins:
    """Where each line of the reduce's input came from, as (file, 0-based line number): a few
    bytes a line, so that an error the reduce finds names the input, not the driver's file."""

    def __init__(self):
        import array
        self.files, self.index = [], {}
        self.file_of, self.line_of = array.array("l"), array.array("q")

    def add(self, f, n):
        if f is None:
            self.file_of.append(-1)
            self.line_of.append(-1)
            return
        if f not in self.index:
            self.index[f] = len(self.files)
            self.files.append(f)
        self.file_of.append(self.index[f])
        self.line_of.append(n)

    def __len__(self):
        return len(self.file_of)

    def __getitem__(self, k):
        i = self.file_of[k]
        return (self.files[i], self.line_of[k]) if i >= 0 else None


def translate(message, part, origins):
    """`partition-K.jsonl:3` in the tool's message is the partition's third line: name the
    input file and its line instead."""
    import re

    def line(m):
        k = int(m.group(1))
        if 0 < k <= len(origins) and origins[k - 1] is not None:
            f, n = origins[k - 1]
            return f"{local_name(f)}:{n + 1}"
        return m.group(0)

    return re.sub(re.escape(part) + r":(\d+)", line, message)


def local_name(uri):
    """A local file's path without Hadoop's `file:` prefix; other schemes as they are."""
    for prefix in ("file://", "file:"):
        if uri.startswith(prefix):
            return uri[len(prefix):]
    return uri


def ordered_files(sc, path):
    """The files of a path in name order (a folder's part files, a folder of JSONL), through
    Hadoop's file system API so that any scheme Spark reads works. Spark's own listing of a
    folder keeps no order, and the order of the records is the order of the timeline's merging."""
    jvm = sc._jvm
    p = jvm.org.apache.hadoop.fs.Path(path)
    fs = p.getFileSystem(sc._jsc.hadoopConfiguration())
    if not fs.getFileStatus(p).isDirectory():
        return [path]
    names = [s.getPath().toString() for s in fs.listStatus(p) if s.isFile()]
    return sorted(n for n in names if not os.path.basename(n).startswith(("_", ".")))


def read_ordered(sc, path, partitions=None, numbered=False):
    """Lines of a file or a folder's files, in order (a union keeps its parts' order); with
    `numbered`, each as (line, file, 0-based line number) to name a bad line."""
    files = ordered_files(sc, path)
    each = max(1, (partitions or 0) // max(1, len(files)))
    rdds = []
    for f in files:
        rdd = sc.textFile(f, minPartitions=each) if partitions else sc.textFile(f)
        if numbered:
            rdd = rdd.zipWithIndex().map(lambda x, f=f: (x[0], f, x[1]))
        rdds.append(rdd)
    return rdds[0] if len(rdds) == 1 else sc.union(rdds)


def run(spark, args):
    """Runs the job on an existing session; returns the path written."""
    sc = spark.sparkContext
    if __name__ != "__main__":
        # imported (as by a test or another job): the map tasks need this module too
        sc.addPyFile(os.path.abspath(__file__))
    binary = resolve_binary(args)
    started = time.monotonic()
    work = tempfile.mkdtemp(prefix="timeline-spark-")
    entries = os.path.join(work, "all.entries.jsonl")
    origins = Origins()
    try:
        with open(entries, "w", encoding="utf-8") as out:
            for path in args.entries_in:
                # earlier map output, in its order
                for record, f, n in read_ordered(sc, path, numbered=True).toLocalIterator():
                    if record.strip():
                        out.write(record + "\n")
                        origins.add(f, n)
            mapped = None
            for path in args.input:
                # in the input's order, each line with its file and number
                numbered = read_ordered(sc, path, args.partitions, numbered=True)
                part = numbered.mapPartitionsWithIndex(mapper(binary, map_options(args)))
                mapped = part if mapped is None else mapped.union(part)
            if mapped is not None:
                if args.entries_out:
                    # kept on disk, so that saving it and reading it back maps once
                    from pyspark import StorageLevel
                    mapped = mapped.persist(StorageLevel.DISK_ONLY)
                    mapped.map(lambda t: t[0]).saveAsTextFile(args.entries_out)
                for record, f, n in mapped.toLocalIterator():
                    out.write(record + "\n")
                    origins.add(f, n)
                if args.entries_out:
                    mapped.unpersist()
        mapped_at = time.monotonic()
        cmd = [locate(binary), "build", entries, "-o", args.output] + reduce_options(args)
        done = subprocess.run(cmd, capture_output=True, text=True)
        if done.returncode != 0:
            # a line of the driver's file is named as the input line it came from
            raise ToolError(translate(done.stderr, entries, origins).strip())
        if args.timings:
            print(f"timings: map {mapped_at - started:.2f} s (Spark jobs, the tool's extraction, records to the "
                  f"driver), reduce {time.monotonic() - mapped_at:.2f} s (timeline build)", file=sys.stderr)
        return args.output
    finally:
        shutil.rmtree(work, ignore_errors=True)


def error_text(e):
    """The tool's own error ("timeline: error: FILE:LINE: ..."), however deep in Spark's report
    it sits; else Spark's."""
    text = str(e)
    marker = "ToolError: "
    if marker in text:
        # the tool writes its error on one line; Spark appends its own stack
        text = text[text.index(marker) + len(marker):].split("\n")[0].strip()
    return text if text.startswith("timeline: ") else f"timeline-spark: error: {text}"


def main(argv=None):
    args = parse_args(argv)
    from pyspark.sql import SparkSession

    started = time.monotonic()
    builder = SparkSession.builder.appName("timeline")
    if args.master:
        builder = builder.master(args.master)
    spark = builder.getOrCreate()
    if args.timings:
        print(f"timings: Spark session {time.monotonic() - started:.2f} s", file=sys.stderr)
    spark.sparkContext.setLogLevel("ERROR")
    try:
        print(run(spark, args))
    except Exception as e:
        print(error_text(e), file=sys.stderr)
        return 1
    finally:
        spark.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
