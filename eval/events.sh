#!/usr/bin/env bash
# Scores `timeline events` against TimeML gold EVENTs and their anchors (TempEval-3 Task B):
#   eval/events.sh aquaint  [-v]       AQUAINT (63 articles, 3,941 events)
#   eval/events.sh timebank [-v]       TimeBank 1.2 (183 articles, 6,698 events)
#   eval/events.sh aquaint-held [-v]   AQUAINT's held quarter (every fourth article,
#       eval/aquaint-split.py), by a detector trained here on TimeBank and the other three
#       quarters, so that nothing scored was trained on
# Reaches for the project's shared folder (../shared, or TIMELINE_SHARED): the gold data and the
# scorer live there, not in a user's clone. The shipped detector is trained on both sets, so
# the first two score training data; the held-out figures come from `aquaint-held` and from
# `timeline train-events` (TimeBank alone, scored on AQUAINT; or --folds). The anchor rules are
# not trained on either.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TIMELINE_SHARED:-$root/../shared}"
what="${1:?usage: eval/events.sh aquaint|timebank|aquaint-held [-v]}"; shift
timeline="$root/target/release/timeline"
out="$(mktemp -d)"
model=()
case "$what" in
  aquaint|timebank) articles="$shared/data/$what.jsonl"; gold="$shared/data/$what-gold.json" ;;
  aquaint-held)
    python3 "$root/eval/aquaint-split.py" "$shared/data" "$out"
    articles="$out/held.jsonl"; gold="$out/held-gold.json"; model=(--event-model "$out/events.bin") ;;
  *) echo "usage: eval/events.sh aquaint|timebank|aquaint-held [-v]" >&2; exit 2 ;;
esac
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
if [ "$what" = aquaint-held ]; then
  "$timeline" train-events --train "$shared/data/timebank.jsonl" "$shared/data/timebank-gold.json" \
    --train "$out/tune.jsonl" "$out/tune-gold.json" --test "$articles" "$gold" -o "$out/events.bin" >&2
fi
"$timeline" events "${model[@]}" "$articles" --format jsonl > "$out/timeline.jsonl"
python3 "$shared/gold/score_events.py" "$gold" "$articles" "$out/timeline.jsonl" "$@"
