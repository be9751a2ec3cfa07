#!/usr/bin/env bash
# Sets up what the Spark job and its test need, on a fresh machine:
#   - Java 17 or later (Spark 4 runs on it): checked, and installed through apt-get where it can;
#   - a virtual environment with pyspark, in target/spark-venv (TIMELINE_SPARK_VENV to move it).
# Prints the venv's python on its last line. Idempotent: a second run checks and returns.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
venv="${TIMELINE_SPARK_VENV:-$root/target/spark-venv}"

java_major() {
  command -v java >/dev/null || { echo 0; return; }
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

if [ "$(java_major)" -lt 17 ] 2>/dev/null || [ -z "$(java_major)" ]; then
  echo "Java 17 or later not found; installing openjdk-17-jre-headless with apt-get" >&2
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  if command -v apt-get >/dev/null; then
    { $sudo apt-get install -y --no-install-recommends openjdk-17-jre-headless >/tmp/timeline-spark-apt.log 2>&1 \
      || { $sudo apt-get update >>/tmp/timeline-spark-apt.log 2>&1 \
           && $sudo apt-get install -y --no-install-recommends openjdk-17-jre-headless >>/tmp/timeline-spark-apt.log 2>&1; }; } || true
  fi
  if [ "$(java_major)" -lt 17 ] 2>/dev/null || [ -z "$(java_major)" ]; then
    echo "error: Spark needs Java 17 or later, and it could not be installed here." >&2
    echo "  Debian/Ubuntu: sudo apt-get install openjdk-17-jre-headless" >&2
    echo "  elsewhere: install a JDK 17 and put its java on PATH (or set JAVA_HOME)" >&2
    exit 1
  fi
fi

if ! "$venv/bin/python" -c "import pyspark" 2>/dev/null; then
  echo "creating $venv with pyspark (about 0.5 GB)" >&2
  python3 -m venv "$venv"
  "$venv/bin/pip" install --quiet --disable-pip-version-check "pyspark>=3.5" >&2
fi
"$venv/bin/python" -c "import pyspark; print('pyspark', pyspark.__version__)" >&2
echo "$venv/bin/python"
