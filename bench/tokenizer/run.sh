#!/usr/bin/env bash
# Title tokenization benchmark (not a test): the Java WordPiece encoder against the native call it replaces,
# over the titles of one shard of the data-loader benchmark's dataset (generate it first with
# bench/data-loader/run.sh paper 2000 ...), with the tokenizer that run built from them.
#   bench/tokenizer/run.sh [ROUNDS]
set -euo pipefail
cd "$(dirname "$0")/../.."
DATA=bench/data-loader/work/paper-2000
OUT=module-data-arrow/target/tokenizer-bench
mkdir -p "$OUT"
mvn -B -o -q compile -pl module-data-arrow -am
mvn -B -o -q dependency:build-classpath -pl module-data-arrow -Dmdep.outputFile="$PWD/$OUT/cp.txt" >/dev/null
CP="$PWD/module-api/target/classes:$PWD/module-data-arrow/target/classes:$(cat "$OUT/cp.txt")"
javac -d "$OUT/classes" -cp "$CP" bench/tokenizer/TitleTokenizerBench.java
export DJL_CACHE_DIR="$PWD/.djl-cache" DJL_OFFLINE=true OPT_OUT_TRACKING=true TOKENIZERS_PARALLELISM=false
taskset -c 0 java -Xmx1g --add-opens=java.base/java.nio=ALL-UNNAMED -Dai.djl.offline=true \
  -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -Dorg.slf4j.simpleLogger.log.ai.djl.util.cuda.CudaUtils=error -cp "$OUT/classes:$CP" \
  TitleTokenizerBench "$DATA/train/part-00000.arrow" "$DATA/tokenizers/text-title-wordpiece-30000-1.tokenizer.json" "${1:-20}"
