#!/usr/bin/env bash
# Import throughput at paper-sized features (36x2048 float32 regions, 12x1024 float16 video,
# 80x751 float32 audio per product) on THREADS cores, and the JVM's peak RSS, at two input sizes
# (peak RSS must not grow with the input: the import streams).
#
#   bench/import/run.sh                 # SIZES="500 2000" THREADS=2 TSVS=4 FLOAT16=false
#   SIZES=2000 FLOAT16=true bench/import/run.sh
#
# Needs python3 with numpy (the fixtures are written with numpy, as the authors' tools do); with pyarrow
# installed, every imported value is also checked against its source by pyarrow + numpy.
set -euo pipefail
JAVA_HEAP=${JAVA_HEAP:-512m}   # a fixed heap, so that peak RSS shows the bound rather than lazy heap growth
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SIZES=${SIZES:-"500 2000"}
THREADS=${THREADS:-2}
TSVS=${TSVS:-4}
FLOAT16=${FLOAT16:-false}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/scale4j-import-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

cd "$ROOT"
mvn -B -o -q package -pl module-import -am -DskipTests
mvn -B -o -q dependency:build-classpath -pl module-import -Dmdep.includeScope=runtime \
    -Dmdep.outputFile="$WORK/cp.txt" >/dev/null
CP="$ROOT/module-import/target/scale4j-import-0.1.0-SNAPSHOT.jar:$ROOT/module-api/target/scale4j-api-0.1.0-SNAPSHOT.jar:$(cat "$WORK/cp.txt")"
export DJL_CACHE_DIR="$ROOT/.djl-cache" DJL_OFFLINE=true OPT_OUT_TRACKING=true

for ITEMS in $SIZES; do
    SRC="$WORK/src-$ITEMS"
    python3 bench/import/make_fixture.py "$SRC" "$ITEMS" "$TSVS"
    echo "fixture: $ITEMS products, $(du -sh "$SRC" | cut -f1) in $TSVS TSVs + captions + npy"
    sync
    /usr/bin/time -f "wall=%es cpu_user=%Us cpu_sys=%Ss maxrss_kb=%M" \
        java -Xmx"$JAVA_HEAP" -cp "$CP" --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
        -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error \
        bench/import/ImportBench.java "$SRC" "$WORK/out-$ITEMS" "$THREADS" "$FLOAT16"
    echo "output: $(du -sh "$WORK/out-$ITEMS" | cut -f1)"
    if python3 -c "import pyarrow" 2>/dev/null; then
        python3 bench/import/verify_with_pyarrow.py "$SRC" "$WORK/out-$ITEMS"
    else
        echo "pyarrow not installed: the cross-check of values with pyarrow+numpy is skipped"
    fi
    rm -rf "$SRC" "$WORK/out-$ITEMS"
done
