#!/usr/bin/env bash
# Scores `timeline dates` against gold temporal expressions, beside the peers when their
# outputs are given:
#   eval/score.sh seeds    [PEER_OUTPUT.jsonl ...]   the five seed articles (23 gold expressions)
#   eval/score.sh timebank [-v] [PEER_OUTPUT.jsonl ...]   TimeBank 1.2 (1,243 TIMEX3, TempEval-3 style)
#   eval/score.sh aquaint|aquaint-tune|aquaint-held [-v] [PEER_OUTPUT.jsonl ...]
#       AQUAINT (63 articles, 502 TIMEX3); its tune part (three articles in four) and held part
#       (every fourth, eval/aquaint-split.py), which rules are not tuned on; a peer's output on
#       all of AQUAINT is scored on the part's articles alone
# Reaches for the project's shared folder (../shared, or TIMELINE_SHARED): the gold data and
# scorers live there, not in a user's clone. `cargo test` checks the seed gold without it.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TIMELINE_SHARED:-$root/../shared}"
what="${1:?usage: eval/score.sh seeds|timebank|aquaint|aquaint-tune|aquaint-held [PEER_OUTPUT.jsonl ...]}"; shift
case "$what" in
  seeds)    articles="$shared/peers/seeds.jsonl"; scorer="$shared/gold/score_timex.py"; gold="$shared/gold/seeds-timex.json" ;;
  timebank) articles="$shared/data/timebank.jsonl"; scorer="$shared/gold/score_timeml.py"; gold="$shared/data/timebank-gold.json" ;;
  aquaint)  articles="$shared/data/aquaint.jsonl"; scorer="$shared/gold/score_timeml.py"; gold="$shared/data/aquaint-gold.json" ;;
  aquaint-tune|aquaint-held)
    part="${what#aquaint-}"; split="$(mktemp -d)"
    python3 "$root/eval/aquaint-split.py" "$shared/data" "$split"
    articles="$split/$part.jsonl"; scorer="$shared/gold/score_timeml.py"; gold="$split/$part-gold.json" ;;
  *) echo "usage: eval/score.sh seeds|timebank|aquaint|aquaint-tune|aquaint-held [PEER_OUTPUT.jsonl ...]" >&2; exit 2 ;;
esac
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
out="$(mktemp -d)"
"$root/target/release/timeline" dates "$articles" --format jsonl > "$out/timeline.jsonl"
python3 "$scorer" "$gold" "$articles" "$out/timeline.jsonl" "$@"
