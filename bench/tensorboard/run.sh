#!/usr/bin/env bash
# Benchmarks of the TensorBoard writer and listener (numbers, not tests).
#   bench/tensorboard/run.sh [histogram size] [listener steps]
# Builds module-training and its upstream modules (tests skipped, nothing installed), then runs
#   - org.scale4j.tensorboard/...bench.WriterBench: 100,000 scalars and 1,000 histograms to disk;
#   - org.scale4j.training/...monitor.bench.ListenerBench: the per-step cost of TensorBoardListener
#     with 30 scalars per step, on the module path, as the launcher would run it. Its "burst" run
#     overruns the writer thread on purpose, so queue-full warnings there are expected; the "paced"
#     run is the cost a real training step pays.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
hist_size="${1:-10000}"
steps="${2:-20000}"
mvn -B -o -q package dependency:build-classpath -DskipTests -DincludeScope=runtime \
    -Dmdep.outputFile=target/bench.classpath -pl module-training -am
modpath="module-training/target/scale4j-training-0.1.0-SNAPSHOT.jar:$(cat module-training/target/bench.classpath)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
echo "# $(date -u +%FT%TZ)  $(java -version 2>&1 | head -1)  $(nproc) cores"
java -p "$modpath" -m org.scale4j.tensorboard/org.scale4j.tensorboard.bench.WriterBench "$scratch/writer" "$hist_size"
java -p "$modpath" -m org.scale4j.training/org.scale4j.training.monitor.bench.ListenerBench "$scratch/listener" "$steps"
