#!/usr/bin/env bash
# Blocked top-k retrieval over N x N items of dimension DIM versus one large matmul of the same FLOPs.
#
#   bench/eval/run.sh                 # N=100000 DIM=768 THREADS=2
#   N=20000 bench/eval/run.sh         # smaller run
#   N=20000 THREADS=1 REF_MAX_BYTES=$((4<<30)) bench/eval/run.sh
#   N=100000 QUERIES=5000 bench/eval/run.sh   # full 100k gallery, 5000 queries; full time ESTIMATED from it
#
# Each mode runs in its own JVM so the peak RSS (VmHWM) it prints is its own. The reference matmul stores the full
# N x N float score matrix (as the released Python script does); above REF_MAX_BYTES (default 2 GiB) it runs the
# largest square size that fits and prints a FLOP-scaled ESTIMATE, clearly labelled.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${N:-100000}"
DIM="${DIM:-768}"
THREADS="${THREADS:-2}"
QUERIES="${QUERIES:-$N}"
REF_MAX_BYTES="${REF_MAX_BYTES:-$((2 << 30))}"
CLASSES=module-training/target/classes
MAIN=org/scale4j/training/eval/bench/RetrievalBench.class
if [[ ! -f "$CLASSES/$MAIN" || -n "$(find module-training/src/main/java/org/scale4j/training/eval -newer "$CLASSES/$MAIN" -name '*.java' -print -quit)" ]]; then
  echo "building module-training ..."
  mvn -B -o -q compile -pl module-training -am
fi
# Features: N*DIM floats; retrieval needs little else. The reference needs min(N*N, REF_MAX_BYTES/4) floats more.
FEATURE_MB=$(( N * DIM * 4 / 1048576 ))
RET_HEAP=$(( FEATURE_MB + 512 ))
REF_HEAP=$(( FEATURE_MB + 2 * REF_MAX_BYTES / 1048576 + 512 ))  # the score matrix must fit in the old generation
JAVA_OPTS="-XX:+UseParallelGC"
echo "== N=$N QUERIES=$QUERIES DIM=$DIM THREADS=$THREADS (FLOPs = 2*N*N*DIM = $(python3 -c "print(f'{2*$N*$N*$DIM:.3e}')" 2>/dev/null || echo '?'))"
java $JAVA_OPTS -Xmx${RET_HEAP}m -cp "$CLASSES" org.scale4j.training.eval.bench.RetrievalBench retrieval "$N" "$DIM" "$THREADS" "$QUERIES"
java $JAVA_OPTS -Xmx${REF_HEAP}m -cp "$CLASSES" org.scale4j.training.eval.bench.RetrievalBench matmul "$N" "$DIM" "$THREADS" "$REF_MAX_BYTES"
