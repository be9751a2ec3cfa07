#!/usr/bin/env bash
# Scores `timeline dates` on the five seed articles against their gold temporal expressions,
# beside the peers when their outputs are given. Reaches for ../shared (the gold scorer and the
# peers' runners), which a user's clone does not have; `cargo test` checks the same gold
# without it (tests/seeds.rs).
# Usage: eval/seeds.sh [PEER_OUTPUT.jsonl ...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TIMELINE_SHARED:-$root/../shared}"
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
out="$(mktemp -d)"
"$root/target/release/timeline" dates "$shared/peers/seeds.jsonl" --format jsonl > "$out/timeline.jsonl"
python3 "$shared/gold/score_timex.py" "$shared/gold/seeds-timex.json" "$shared/peers/seeds.jsonl" "$out/timeline.jsonl" "$@"
