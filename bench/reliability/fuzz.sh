#!/usr/bin/env bash
# The long fuzz run (outside CI): the recipe-loader and Arrow-validation properties with many tries.
#
#   bench/reliability/fuzz.sh [TRIES]        (default 2000 per property)
#
# The same jqwik properties run in `mvn verify` with a few tries (junit-platform.properties:
# launcher 40, module-data-arrow 12); here -Djqwik.tries.default raises them. jqwik prints the seed
# of any failure; every failure found becomes a regression test (docs/reliability.md, section 3).
# Prints the tries, failures and seconds per property. Never run it while ./scale4j runs from this
# tree (maven rebuilds the classes under it).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
TRIES="${1:-2000}"
cd "$ROOT"
start=$(date +%s)
set +e
"${MVN:-mvn}" -B -o -q -Dstyle.color=never verify -pl launcher -am \
  -Dtest='RecipeFuzzTest,ArrowFuzzTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Djqwik.tries.default="$TRIES" -Djqwik.reporting.onlyfailures=false > /tmp/scale4j-fuzz.log 2>&1
status=$?
set -e
for report in launcher/target/surefire-reports/TEST-org.scale4j.launcher.fault.RecipeFuzzTest.xml \
              module-data-arrow/target/surefire-reports/TEST-org.scale4j.data.arrow.ArrowFuzzTest.xml; do
  [ -f "$report" ] && grep -o '<testsuite [^>]*>' "$report" | grep -o 'name="[^"]*"\|tests="[0-9]*"\|failures="[0-9]*"\|errors="[0-9]*"\|time="[^"]*"' | paste -sd' '
done
grep -h 'tries\s*=\|checks\s*=\|seed\s*=' /tmp/scale4j-fuzz.log launcher/target/surefire-reports/*Fuzz*-output.txt \
  module-data-arrow/target/surefire-reports/*Fuzz*-output.txt 2>/dev/null | sort | uniq -c | head -n 20 || true
echo "tries per property: $TRIES; maven exit: $status; wall: $(( $(date +%s) - start )) s (log: /tmp/scale4j-fuzz.log)"
exit $status
