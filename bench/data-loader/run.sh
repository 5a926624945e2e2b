#!/usr/bin/env bash
# Loader throughput benchmark (not a test): samples/s and MB/s from memory-mapped shards, beside a
# plain memory copy of the same bytes, plus peak RSS.
#   bench/data-loader/run.sh [PRESET] [ROWS] [SAMPLES] [WARMUP]   e.g. bench/data-loader/run.sh paper 2000 8000
# At least WARMUP (default 2000) samples per phase are loaded untimed first, and on until the JIT compiler
# has finished no compilation for 3 s (at most 60 s).
# Datasets are generated once under bench/data-loader/work/ (gitignored).
# MODALITIES=text,table (environment) times only those modalities: the cost of one modality alone.
# The shards are first dropped from the page cache and read back, so that they sit there as a dataset read from
# disk does (readahead: large folios on kernels and file systems that have them) and not as the generator's writes
# left them (4 KB pages, looked up one by one by every pread: see docs/data.md section 7); PAGE_CACHE=as-is skips it.
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
JAVA=(java -Xmx2g ${BENCH_JAVA_OPTS:-} --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -cp "$CLASSES:$CP")
DATA="$OUT/$PRESET-$ROWS"
[ -f "$DATA/manifest.json" ] || "${JAVA[@]}" LoaderBench "$PRESET" "$ROWS" "$DATA" 0
if [ "${PAGE_CACHE:-}" != as-is ]; then
  find "$DATA" -name '*.arrow' | while read -r f; do
    dd if=/dev/null of="$f" oflag=nocache conv=notrunc,fdatasync count=0 status=none # POSIX_FADV_DONTNEED
    cat "$f" >/dev/null
  done
  echo "page cache: the shards were dropped and read back (PAGE_CACHE=as-is keeps them as they are)"
fi
taskset -c 0 "${JAVA[@]}" LoaderBench "$PRESET" "$ROWS" "$DATA" "$SAMPLES" 32 "${4:-2000}"
