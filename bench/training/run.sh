#!/usr/bin/env bash
# Training throughput and memory of the quickstart recipe (issue 5): trains recipes/quickstart.yaml
# for STEPS steps (default 1,000) with the downstream evaluation and validation off and one
# checkpoint at the end (everything else as the recipe says), and prints
#   - throughput in samples/s between step 100 and the last step (wall clock, batch 32), and the
#     mean of the rates the trainer logs;
#   - the process's resident memory (VmRSS from /proc/<pid>/status) when the log shows step 100
#     and step 990, and whether they are within 5% of each other (no leak), plus its trajectory
#     every 100 steps and the value at step 1,000 (with the final checkpoint being written).
#
#   bench/training/run.sh              # 1,000 steps (about 3 min on 2 idle cores)
#   STEPS=400 bench/training/run.sh    # shorter; RSS is then compared at 100 and STEPS-10
#   BENCH_SET="trainer.onednn=true" bench/training/run.sh   # extra --set overrides, space-separated
#
# The run goes to bench/training/work/runs (not committed); its log is bench/training/work/train.log.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"
STEPS="${STEPS:-1000}"
FIRST=100
BATCH=32
WORK="bench/training/work"
mkdir -p "$WORK"
LOG="$WORK/train.log"
: > "$LOG"

EXTRA=()
for override in ${BENCH_SET:-}; do EXTRA+=(--set "$override"); done
./scale4j recipe validate recipes/quickstart.yaml > /dev/null   # builds first, outside the timing
SCALE4J_NO_BUILD=1 ./scale4j train recipes/quickstart.yaml --set "run.out=$WORK/runs" \
    --set "trainer.steps=$STEPS" --set "eval.tasks=[]" --set trainer.val_every=0 \
    --set "checkpoint.every=$STEPS" ${EXTRA[@]+"${EXTRA[@]}"} > "$LOG" 2>&1 &
PID=$!   # the launcher script execs java, so this is the JVM

rss_kb() { awk '/^VmRSS:/ {print $2}' "/proc/$PID/status" 2>/dev/null || echo 0; }
RSS_FIRST=""; RSS_LAST=""; T_FIRST=""; T_LAST=""
seen_first=false
TRACE=""; next_trace=$FIRST; RSS_BEFORE_END=""
while kill -0 "$PID" 2>/dev/null; do
  # the trajectory every 100 steps tells a leak (steady climb) from allocator high-water steps
  if [ "$next_trace" -lt "$STEPS" ] && grep -q "^step $next_trace/$STEPS " "$LOG"; then
    RSS_NOW=$(rss_kb); TRACE="$TRACE $next_trace:$((RSS_NOW / 1024))"
    if [ "$next_trace" -eq $((STEPS - 10)) ]; then
      RSS_BEFORE_END=$RSS_NOW; next_trace=$STEPS
    else
      next_trace=$((next_trace + 100)); [ "$next_trace" -ge "$STEPS" ] && next_trace=$((STEPS - 10))
    fi
  fi
  if ! $seen_first && grep -q "^step $FIRST/$STEPS " "$LOG"; then
    RSS_FIRST=$(rss_kb); T_FIRST=$(date +%s.%N); seen_first=true
    echo "step $FIRST: VmRSS $((RSS_FIRST / 1024)) MiB"
  fi
  if grep -q "^step $STEPS/$STEPS " "$LOG"; then
    RSS_LAST=$(rss_kb); T_LAST=$(date +%s.%N)
    echo "step $STEPS: VmRSS $((RSS_LAST / 1024)) MiB"
    break
  fi
  sleep 0.2
done
wait "$PID" || { echo "training failed, see $LOG" >&2; tail -20 "$LOG" >&2; exit 1; }
if [ -z "$RSS_FIRST" ] || [ -z "$RSS_LAST" ]; then
  echo "did not see both step $FIRST and step $STEPS in $LOG" >&2
  exit 1
fi

# The leak check compares step FIRST with step STEPS-10, the last progress line before the final
# step: at step STEPS the final checkpoint's serialisation buffers (about 25 MB for the quickstart)
# may or may not be resident yet when RSS is read, which made the same code read +1% or +7%.
if [ -z "$RSS_BEFORE_END" ]; then
  echo "step $((STEPS - 10)) was never logged (trainer.log_every must divide it): cannot check for a leak" >&2
  exit 1
fi
echo "step $((STEPS - 10)): VmRSS $((RSS_BEFORE_END / 1024)) MiB (leak check); step $STEPS (final checkpoint being written): $((RSS_LAST / 1024)) MiB"
awk -v f="$RSS_FIRST" -v l="$RSS_BEFORE_END" -v t0="$T_FIRST" -v t1="$T_LAST" -v n=$((STEPS - FIRST)) -v b=$BATCH \
    -v first=$FIRST -v last="$STEPS" -v checked="$((STEPS - 10))" '
  BEGIN {
    printf "throughput: %.1f samples/s (steps %d-%d, %d samples in %.1f s wall clock)\n", n * b / (t1 - t0), first, last, n * b, t1 - t0
    d = 100 * (l - f) / f
    printf "RSS: %.0f MiB at step %d, %.0f MiB at step %d: %+.1f%% (%s)\n", f / 1024, first, l / 1024, checked, d, (d <= 5 && d >= -5) ? "within 5%: no leak" : "NOT within 5%"
  }'
grep '^step ' "$LOG" | awk '{for (i = 1; i < NF; i++) if ($(i + 1) == "samples/s") {s += $i; n++}} END {if (n) printf "logged rate: mean %.1f samples/s over %d log lines\n", s / n, n}'
echo "RSS trajectory (step:MiB):$TRACE"
grep '^training took' "$LOG" || true
echo "loss: $(grep -m1 "^step 1/" "$LOG" | awk '{print $4}') at step 1, $(grep "^step $STEPS/" "$LOG" | awk '{print $4}') at step $STEPS"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) ($(nproc) cores)"
