#!/usr/bin/env bash
# Step time of the quickstart model on one device and on two CPU replicas (issue 5, item 2).
# Trains recipes/quickstart.yaml for STEPS steps (default 60; evaluation, validation, TensorBoard
# off; every dropout 0 so that the runs compute the same losses) three ways:
#   cpu              one device, the whole batch of 32 at once
#   cpu micro 2      one device, two micro-batches of 16 (the sharding alone)
#   cpu:2            two replicas on the CPU, 16 samples each (sharding + parameter copies +
#                    device boundaries + gradient reduction + replica refresh)
# ROUNDS times (default 2), interleaved, and prints per run the median step time over the logged
# steps (every second step, after the first log line) and the last logged loss, then the fastest
# run of each way. Both
# replicas share the same cores, so cpu:2 measures the data-parallel overhead, never a speed-up; on
# GPUs each replica has a device of its own. PyTorch's threads spin when the cores are shared with
# other jobs, which can slow single steps tenfold: hence medians, and the fastest run.
#
#   bench/parallel/run.sh                     # about 3 min on 2 idle cores
#   STEPS=200 ROUNDS=3 bench/parallel/run.sh
#
# Runs go to bench/parallel/work (not committed).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STEPS="${STEPS:-60}"
ROUNDS="${ROUNDS:-2}"
WORK="bench/parallel/work"
rm -rf "$WORK"
mkdir -p "$WORK"
./scale4j recipe validate recipes/quickstart.yaml > /dev/null   # builds first, outside the timing

# every dropout off (hidden and attention, per encoder and in the fusion): shards draw their own masks,
# so with dropout the three runs would be equally valid but not comparable loss for loss
NO_DROPOUT=""
for m in text table image video audio; do
  NO_DROPOUT="$NO_DROPOUT --set model.encoders.$m.dropout=0 --set model.encoders.$m.attention_dropout=0"
done
NO_DROPOUT="$NO_DROPOUT --set model.fusion.dropout=0 --set model.fusion.attention_dropout=0"

run() {
  local label="$1" devices="$2" micro="$3" log="$WORK/$4-$round.log"
  SCALE4J_NO_BUILD=1 ./scale4j train recipes/quickstart.yaml --set "run.out=$WORK/runs-$4-$round" \
      --set "trainer.steps=$STEPS" --set "trainer.devices=$devices" --set "trainer.micro_batches=$micro" \
      --set "eval.tasks=[]" --set trainer.val_every=0 --set model.dropout=0 $NO_DROPOUT --set tensorboard.enabled=false \
      --set trainer.log_every=2 --set "checkpoint.every=$STEPS" > "$log" 2>&1 \
      || { echo "$label failed, see $log" >&2; tail -20 "$log" >&2; exit 1; }
  # progress lines: "step N/M loss L lr R S samples/s ..."; the first one includes warm-up
  local loss median
  loss=$(grep '^step ' "$log" | tail -1 | awk '{for (i = 1; i < NF; i++) if ($i == "loss") print $(i + 1)}')
  median=$(grep '^step ' "$log" | tail -n +2 \
    | awk '{for (i = 1; i < NF; i++) if ($(i + 1) == "samples/s") print 32000 / $i}' | sort -n \
    | awk '{a[NR] = $1} END {printf "%.0f %d", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2, NR}')
  printf "%-14s %6s ms/step (median of %s logged steps)  last loss %s\n" "$label" ${median% *} ${median#* } "$loss" \
    | tee -a "$WORK/summary.txt"
}

for round in $(seq 1 "$ROUNDS"); do
  echo "round $round"
  run "cpu" cpu 1 one
  run "cpu micro 2" cpu 2 micro
  run "cpu:2" cpu:2 1 replicas
done
echo "fastest of $ROUNDS rounds:"
sort -k1,1 -s "$WORK/summary.txt" | awk '
  { label = ($2 == "micro") ? $1 " " $2 " " $3 : $1; ms = ($2 == "micro") ? $4 : $2
    if (!(label in best) || ms < best[label]) best[label] = ms }
  END { for (l in best) printf "  %-14s %6.0f ms/step\n", l, best[l] }' | sort
