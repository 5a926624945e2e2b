#!/usr/bin/env bash
# Loader throughput benchmark (not a test): samples/s and MB/s from memory-mapped shards, beside a
# plain memory copy of the same bytes, plus peak RSS.
#   bench/data-loader/run.sh [PRESET] [ROWS] [SAMPLES] [WARMUP]   e.g. bench/data-loader/run.sh paper 2000 8000
# At least WARMUP (default 2000) samples per phase are loaded untimed first, and on until the JIT compiler
# has finished no compilation for 3 s (at most 20x WARMUP).
# Datasets are generated once under bench/data-loader/work/ (gitignored).
# MODALITIES=text,table (environment) times only those modalities: the cost of one modality alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
PRESET=${1:-paper}
ROWS=${2:-2000}
SAMPLES=${3:-2000}
OUT=bench/data-loader/work
mkdir -p "$OUT"
mvn -B -o -q test-compile -pl module-data-arrow -am
mvn -B -o -q dependency:build-classpath -pl module-data-arrow -Dmdep.outputFile="$PWD/$OUT/cp.txt" -Dmdep.includeScope=test >/dev/null
CP="$PWD/module-api/target/classes:$PWD/module-data-arrow/target/classes:$(cat "$OUT/cp.txt")"
# Compiled ahead, not run as a source file: the source launcher's in-memory javac kept the JIT compiler busy
# compiling javac itself for about 20 s, on the pinned core, during the timed phases.
CLASSES=module-data-arrow/target/loader-bench-classes
javac -d "$CLASSES" -cp "$CP" bench/data-loader/LoaderBench.java
export DJL_CACHE_DIR="$PWD/.djl-cache" DJL_OFFLINE=true OPT_OUT_TRACKING=true TOKENIZERS_PARALLELISM=false
taskset -c 0 java -Xmx2g ${BENCH_JAVA_OPTS:-} --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -cp "$CLASSES:$CP" \
  LoaderBench "$PRESET" "$ROWS" "$OUT/$PRESET-$ROWS" "$SAMPLES" 32 "${4:-2000}"
