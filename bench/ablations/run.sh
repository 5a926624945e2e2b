#!/usr/bin/env bash
# Trains every ablation recipe (recipes/ablations/*.yaml, issue 6) on the synthetic tiny data and
# writes one comparison table: bench/ablations/results.md (rates x100), with the untrained
# initialisation of the five-modality run as the first column.
#
#   bench/ablations/run.sh                 # the recipes' 300 steps each (about 3-4 min a run on 2 idle cores)
#   STEPS=100 bench/ablations/run.sh       # fewer steps (a quick look; the table says how many)
#   ONLY="modalities-1-text modalities-5-audio" bench/ablations/run.sh   # a subset, by file name
#   PARALLEL=2 bench/ablations/run.sh      # two runs at a time (each then takes longer)
#
# The runs go to bench/ablations/work/runs/<name>/version_N (not committed). The table is the
# output of `scale4j eval --compare RUN... --markdown`, preceded by the command line and the load.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
OUT="${OUT:-bench/ablations/results.md}"
WORK="bench/ablations/work"
mkdir -p "$WORK"
SETS=(--set "run.out=$WORK/runs")
if [ -n "${STEPS:-}" ]; then
  SETS+=(--set "trainer.steps=$STEPS" --set "checkpoint.every=$STEPS" --set "trainer.val_every=$STEPS")
fi

# The last modality recipe must be the quickstart itself, under another run name.
./scale4j recipe print recipes/quickstart.yaml | sed 1d | grep -v '^  name: ' > "$WORK/quickstart.resolved"
./scale4j recipe print recipes/ablations/modalities-5-audio.yaml | sed 1d | grep -v '^  name: ' > "$WORK/five.resolved"
if ! diff -q "$WORK/quickstart.resolved" "$WORK/five.resolved" > /dev/null; then
  echo "recipes/ablations/modalities-5-audio.yaml no longer resolves to recipes/quickstart.yaml:" >&2
  diff "$WORK/quickstart.resolved" "$WORK/five.resolved" >&2 || true
  exit 1
fi

RECIPES=(modalities-1-text modalities-2-image modalities-3-table modalities-4-video modalities-5-audio
         harmonizer-uniform contrastive-pairwise-infonce fusion-late-sum)
if [ -n "${ONLY:-}" ]; then
  read -r -a RECIPES <<< "$ONLY"
fi
RUNS=()
BASELINE=""
START=$(date +%s)
PARALLEL="${PARALLEL:-1}"
train() {   # recipe name -> its log; the run directory is the log's first line
  ./scale4j train "recipes/ablations/$1.yaml" "${SETS[@]}" > "$WORK/$1.log" 2>&1
}
./scale4j recipe validate recipes/ablations/*.yaml > /dev/null   # builds once, before any run starts
export SCALE4J_NO_BUILD=1
for ((i = 0; i < ${#RECIPES[@]}; i += PARALLEL)); do
  group=("${RECIPES[@]:i:PARALLEL}")
  t0=$(date +%s)
  pids=()
  for name in "${group[@]}"; do
    echo "== recipes/ablations/$name.yaml (log: $WORK/$name.log)"
    train "$name" & pids+=($!)
  done
  for j in "${!pids[@]}"; do
    wait "${pids[$j]}" || { echo "${group[$j]} failed, see $WORK/${group[$j]}.log" >&2; tail -20 "$WORK/${group[$j]}.log" >&2; exit 1; }
  done
  for name in "${group[@]}"; do
    log="$WORK/$name.log"
    run=$(sed -n 's/^run \(.*\) on .*$/\1/p' "$log" | head -1)
    echo "   $name: $run ($(( $(date +%s) - t0 )) s); loss $(grep -m1 '^step 1/' "$log" | awk '{print $4}') -> $(grep '^step ' "$log" | tail -1 | awk '{print $4}')"
    grep -A4 '^verdict' "$log" | sed 's/^/   /' || true
    RUNS+=("$run")
    if [ "$name" = modalities-5-audio ]; then
      BASELINE="$run/untrained"
    fi
  done
done
TOTAL=$(( $(date +%s) - START ))
STEPS_TEXT="${STEPS:-300, as the recipes say}"

{
  echo "# Ablations on the synthetic tiny data"
  echo
  echo "Produced by \`${STEPS:+STEPS=$STEPS }${ONLY:+ONLY=\"$ONLY\" }PARALLEL=$PARALLEL bench/ablations/run.sh\` on $(date -u +%Y-%m-%d), $(nproc) cores,"
  echo "load average $(cut -d' ' -f1-3 /proc/loadavg) at the end, $TOTAL s in all, $PARALLEL run(s) at a time; steps per run:"
  echo "$STEPS_TEXT. Columns, in order: the untrained five-modality model, then"
  echo "$(printf '`%s` ' "${RECIPES[@]}")(recipes/ablations/). Rates x100; test split of"
  echo "\`data/synthetic-tiny-seed7\`; \`all\` is the sum of every modality's fused summary (spec 3.2)."
  echo
  echo '```'
  echo "./scale4j eval --compare ${BASELINE:+$BASELINE }${RUNS[*]} --markdown"
  echo '```'
  echo
  ./scale4j eval --compare ${BASELINE:+"$BASELINE"} "${RUNS[@]}" --markdown
} > "$OUT.tmp"
mv "$OUT.tmp" "$OUT"
echo "wrote $OUT"
