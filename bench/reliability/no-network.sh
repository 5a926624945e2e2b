#!/usr/bin/env bash
# A short real training with the network unavailable, counting the connections it tries.
#
#   bench/reliability/no-network.sh [STEPS]
#
# Runs `./scale4j train` on the fault tests' tiny recipe (launcher/src/test/resources/fault/tiny.yaml,
# synthetic data generated on first use) inside a fresh network namespace (`unshare -n`: no
# interface but a loopback that is down), under `strace -f -e trace=connect`, and prints the number
# of connect() calls per address family. scale4j is offline by design (DJL_OFFLINE, no telemetry,
# no downloads), so the expected count for AF_INET and AF_INET6 is 0. Needs root (or unprivileged
# user namespaces for `unshare -rn`), strace, and a built tree (run ./scale4j once first).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)"
STEPS="${1:-6}"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT

if [ "$(id -u)" = 0 ]; then UNSHARE=(unshare -n); else UNSHARE=(unshare -rn); fi
if ! "${UNSHARE[@]}" true 2>/dev/null; then
  echo "no-network: cannot create a network namespace here (${UNSHARE[*]} failed)" >&2
  exit 3
fi
command -v strace >/dev/null || { echo "no-network: strace is not installed" >&2; exit 3; }

cd "$WORK"
echo "interfaces inside the namespace:"
"${UNSHARE[@]}" ip -brief link 2>/dev/null || "${UNSHARE[@]}" cat /proc/net/dev
set +e
SCALE4J_NO_BUILD=1 "${UNSHARE[@]}" strace -f -qq -e trace=connect -o "$WORK/connect.trace" \
  "$ROOT/scale4j" train "$ROOT/launcher/src/test/resources/fault/tiny.yaml" \
  --set trainer.steps="$STEPS" --set checkpoint.every="$STEPS" > "$WORK/train.log" 2>&1
status=$?
set -e
tail -n 3 "$WORK/train.log"
echo "exit status: $status"
inet=$(grep -c 'sa_family=AF_INET,' "$WORK/connect.trace" || true)
inet6=$(grep -c 'sa_family=AF_INET6' "$WORK/connect.trace" || true)
unix=$(grep -c 'sa_family=AF_UNIX' "$WORK/connect.trace" || true)
total=$(grep -c 'connect(' "$WORK/connect.trace" || true)
echo "connect() calls: AF_INET $inet, AF_INET6 $inet6, AF_UNIX $unix, total $total"
if [ "$inet" -gt 0 ] || [ "$inet6" -gt 0 ]; then
  grep -E 'AF_INET6?[,)]' "$WORK/connect.trace" | head -n 20
fi
[ "$status" = 0 ] && [ "$inet" = 0 ] && [ "$inet6" = 0 ]
