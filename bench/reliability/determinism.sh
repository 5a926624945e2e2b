#!/usr/bin/env bash
# Are two uninterrupted runs of the same recipe equal? Trains the fault tests' tiny recipe N times
# (default 4) for STEPS steps (default 3) and prints each run's logged losses and how many runs
# skipped a step for a non-finite gradient. Identical lines for every run = reproducible.
#
#   bench/reliability/determinism.sh [N] [STEPS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
N="${1:-4}"
STEPS="${2:-3}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
cd "$WORK"
for i in $(seq "$N"); do
  SCALE4J_NO_BUILD=1 "$ROOT/scale4j" train "$ROOT/launcher/src/test/resources/fault/tiny.yaml" \
    --set run.name=det --set trainer.steps="$STEPS" --set checkpoint.every="$STEPS" > "run-$i.log" 2>&1
  grep -E '^step [0-9]+/|^warning: step' "run-$i.log" | sed -E 's/ [0-9.]+ samples\/s.*//; s/\(loss ([^,]*), gradient norm ([^)]*)\).*/(gradient norm \2)/' \
    | paste -sd'|' | sed "s/^/run $i: /"
done | tee runs.txt
echo "distinct outcomes: $(cut -d: -f2- runs.txt | sort -u | wc -l) of $N runs;" \
  "runs with a skipped non-finite step: $(grep -c 'non-finite' runs.txt || true)"
