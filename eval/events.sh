#!/usr/bin/env bash
# Scores `timeline events` against TimeML gold EVENTs and their anchors (TempEval-3 Task B):
#   eval/events.sh aquaint  [-v]   AQUAINT (63 articles, 3,941 events)
#   eval/events.sh timebank [-v]   TimeBank 1.2 (183 articles, 6,698 events)
# Reaches for the project's shared folder (../shared, or TIMELINE_SHARED): the gold data and the
# scorer live there, not in a user's clone. The shipped detector is trained on both sets, so
# these scores are on training data; the held-out figures come from `timeline train-events`
# (TimeBank alone, scored on AQUAINT; or --folds). The anchor figures are not trained on either.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${TIMELINE_SHARED:-$root/../shared}"
what="${1:?usage: eval/events.sh aquaint|timebank [-v]}"; shift
case "$what" in
  aquaint|timebank) articles="$shared/data/$what.jsonl"; gold="$shared/data/$what-gold.json" ;;
  *) echo "usage: eval/events.sh aquaint|timebank [-v]" >&2; exit 2 ;;
esac
cargo build --release --quiet --manifest-path "$root/Cargo.toml"
out="$(mktemp -d)"
"$root/target/release/timeline" events "$articles" --format jsonl > "$out/timeline.jsonl"
python3 "$shared/gold/score_events.py" "$gold" "$articles" "$out/timeline.jsonl" "$@"
