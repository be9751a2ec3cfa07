#!/usr/bin/env bash
# TempEval-3-style scores of `timeline dates` on TimeBank 1.2 (183 articles, 1,243 gold TIMEX3),
# beside the peers when their outputs are given. Reaches for ../shared (TimeBank and the
# scorer), which a user's clone does not have.
# Usage: eval/timebank.sh [-v] [PEER_OUTPUT.jsonl ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TIMELINE_SHARED:-$root/../shared}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
out="$(mktemp -d)"
"$root/target/release/timeline" dates "$shared/data/timebank.jsonl" --format jsonl > "$out/timeline.jsonl"
python3 "$shared/gold/score_timeml.py" "$shared/data/timebank-gold.json" "$shared/data/timebank.jsonl" "$out/timeline.jsonl" "$@"
