#!/usr/bin/env bash
# Measures the event detector across training seeds, on four splits where the scored news was
# not trained on: TimeBank to AQUAINT, AQUAINT's studied quarters to TimeBank, and each TimeBank
# half (even and odd articles) to the other. A figure of one seed moves by a few tenths with the
# order of training alone; the mean over seeds is what a change should move.
#
# Reaches for ../shared/data (TimeBank and AQUAINT with gold EVENTs): an evaluation script, not
# part of the tool. Writes scratch files under a temporary folder; the shipped model is untouched.
#
# Usage: eval/event-seeds.sh [EPOCHS] [SEED...]   (defaults: train-events' epochs; 2026 11 12 13 14 15)
set -euo pipefail
cd "$(dirname "$0")/.."
data=../shared/data
bin=./target/release/timeline
[ -x "$bin" ] || cargo build --release --quiet
epochs=${1:-}
shift || true
seeds=${*:-2026 11 12 13 14 15}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 eval/aquaint-split.py "$data" "$tmp/split" >/dev/null
python3 - "$data" "$tmp" <<'PY'
import json, os, sys
data, tmp = sys.argv[1], sys.argv[2]
lines = [l for l in open(os.path.join(data, "timebank.jsonl")) if l.strip()]
gold = json.load(open(os.path.join(data, "timebank-gold.json")))
for h in (0, 1):
    part = lines[h::2]
    ids = {str(json.loads(l)["id"]) for l in part}
    open(os.path.join(tmp, f"tb{h}.jsonl"), "w").writelines(part)
    sub = {k: ([x for x in v if str(x.get("id")) in ids] if isinstance(v, list) else v) for k, v in gold.items()}
    json.dump(sub, open(os.path.join(tmp, f"tb{h}-gold.json"), "w"))
PY
run() { # TRAIN_ARTICLES TRAIN_GOLD TEST_ARTICLES TEST_GOLD SEED
  "$bin" train-events --train "$1" "$2" --test "$3" "$4" --seed "$5" ${epochs:+--epochs "$epochs"} -o "$tmp/m.bin" 2>/dev/null |
    tail -1 | sed 's/.*F1 \([0-9.]*\); class F1 \([0-9.]*\); anchor right \([0-9.]*\)%.*/\1 \2 \3/'
}
echo "seed | TimeBank->AQUAINT | AQUAINT studied->TimeBank | TimeBank half 0->1 | half 1->0   (relaxed F1, class F1, anchors %)"
for s in $seeds; do
  echo "$s | $(run $data/timebank.jsonl $data/timebank-gold.json $data/aquaint.jsonl $data/aquaint-gold.json "$s")" \
    "| $(run "$tmp/split/tune.jsonl" "$tmp/split/tune-gold.json" $data/timebank.jsonl $data/timebank-gold.json "$s")" \
    "| $(run "$tmp/tb0.jsonl" "$tmp/tb0-gold.json" "$tmp/tb1.jsonl" "$tmp/tb1-gold.json" "$s")" \
    "| $(run "$tmp/tb1.jsonl" "$tmp/tb1-gold.json" "$tmp/tb0.jsonl" "$tmp/tb0-gold.json" "$s")"
done | tee "$tmp/rows"
python3 - "$tmp/rows" <<'PY'
import statistics, sys
rows = [l.split("|")[1:] for l in open(sys.argv[1])]
out = []
for k in range(4):
    v = [list(map(float, r[k].split())) for r in rows]
    out.append(" ".join(f"{statistics.mean(x[i] for x in v):.2f}" for i in range(3))
               + f" (class sd {statistics.pstdev(x[1] for x in v):.2f})")
print("mean | " + " | ".join(out))
PY
