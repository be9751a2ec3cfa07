"""Driven by tests/spark.rs: runs the Spark job (examples/spark/timeline_spark.py) in local[2]
on the inputs the test wrote to WORK, in one Spark session, and writes what it gave beside
them for the test to compare with direct builds.

    python check.py WORK BINARY
"""
import os
import sys

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "..", "examples", "spark"))
import timeline_spark  # noqa: E402
from pyspark.sql import SparkSession  # noqa: E402

work, binary = sys.argv[1], sys.argv[2]
spark = SparkSession.builder.master("local[2]").appName("timeline-test").getOrCreate()
spark.sparkContext.setLogLevel("OFF")


def job(*argv):
    return timeline_spark.run(spark, timeline_spark.parse_args(["--binary", binary, *argv]))


def at(name):
    return os.path.join(work, name)


try:
    for parts in (1, 3):
        job("--input", at("bundled.jsonl"), "--partitions", str(parts), "--output", at(f"spark-bundled-{parts}.json"))
    for parts in (2, 7):
        job("--input", at("many.jsonl"), "--partitions", str(parts), "--output", at(f"spark-many-{parts}.json"))
    # the tool's options pass through: entity timeline and key events, in text
    job("--input", at("many.jsonl"), "--partitions", "3", "--about", "Ukraine", "--top", "5",
        "--format", "text", "--output", at("spark-many-about.txt"))
    # incremental: yesterday's map output kept, only today's articles mapped
    job("--input", at("first.jsonl"), "--partitions", "3", "--entries-out", at("first-entries"),
        "--output", at("spark-first.json"))
    job("--entries-in", at("first-entries"), "--input", at("second.jsonl"), "--partitions", "2",
        "--output", at("spark-incremental.json"))
    # a malformed line in one partition fails the job with the tool's own error
    try:
        job("--input", at("bad.jsonl"), "--partitions", "4", "--output", at("spark-bad.json"))
        message = "no error"
    except Exception as e:  # noqa: BLE001
        message = timeline_spark.error_text(e)
    with open(at("spark-bad.txt"), "w", encoding="utf-8") as f:
        f.write(message)
    # an article two inputs give is refused by the reduce, which names both inputs' lines
    try:
        job("--input", at("first.jsonl"), "--input", at("dup.jsonl"), "--partitions", "2",
            "--output", at("spark-dup.json"))
        message = "no error"
    except Exception as e:  # noqa: BLE001
        message = timeline_spark.error_text(e)
    with open(at("spark-dup.txt"), "w", encoding="utf-8") as f:
        f.write(message)
finally:
    spark.stop()
print("spark checks ran")
