#!/usr/bin/env bash
# Forward+backward time per step of the SCALE model on CPU: the near-zero-FLOP copy (framework
# cost), the quickstart model at batch 32 and the paper model at batch 8, plus a large matmul.
# Usage: [THREADS=n] [BENCH_JAVA_OPTS=...] bench/model/run.sh [steps=10] [models=micro,quickstart,paper]
# oneDNN CPU kernels are off as in training (trainer.onednn: false); BENCH_JAVA_OPTS=-Dbench.onednn=true
# measures PyTorch's default. Use 60+ steps for the framework-cost ratio: fewer leave JIT warm-up in it.
# THREADS sets PyTorch's intra-op (and inter-op) threads; on a shared, oversubscribed machine
# THREADS=1 avoids OpenMP threads spinning against each other (10x faster steps were measured).
# With THREADS=1 the micro step drops from about 22 to 15-16 ms (the rest of the fixed cost is
# thread fork/join on tiny ops) while the quickstart step rises from about 150-200 to 220-260 ms.
# (MKL_NUM_THREADS=1 does the same: PyTorch takes its intra-op thread count from MKL.)
# Determinism probe (same classpath, class org.scale4j.training.model.bench.GradientRepeatProbe,
# -Dprobe.objective=KEY for one objective's loss): are one batch's loss and gradients bitwise equal
# across repeats and processes? (It found the SIMCL gather whose backward used parallel atomic adds;
# GradientDeterminismTest now guards it.)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mvn -B -o -q -pl module-training -am test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="module-training/target/test-classes:module-training/target/classes:$(cat module-training/target/bench.classpath)"
export DJL_CACHE_DIR="$root/.djl-cache" DJL_OFFLINE=true OPT_OUT_TRACKING=true
threads=()
if [[ -n "${THREADS:-}" ]]; then
  threads=(-Dai.djl.pytorch.num_threads="$THREADS" -Dai.djl.pytorch.num_interop_threads="$THREADS")
fi
exec java -cp "$cp" ${BENCH_JAVA_OPTS:-} -Dai.djl.offline=true -DOPT_OUT_TRACKING=true "${threads[@]}" \
    -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
    org.scale4j.training.model.bench.ModelBench "$@"
