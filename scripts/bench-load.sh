#!/usr/bin/env bash
# Runs the shared load harness (../shared/bench/run.sh: nginx stub, nginx as a plain proxy, wrk,
# h2load) with Switchyard added as a target, in the same interleaved rounds. Extra arguments go to
# run.sh (e.g. --quick, --only direct,nginx, --scenarios chat,rate).
#   scripts/bench-load.sh                    # switchyard with audit (fsync batch)
#   BENCH_AUDIT_FSYNC=never scripts/bench-load.sh
#   SWITCHYARD_BINARY=build/h-e2e/proxy/switchyard scripts/bench-load.sh --quick --scenarios chat,rate
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
harness=${BENCH_HARNESS:-$root/../shared/bench/run.sh}
[[ -x $harness || -f $harness ]] || { echo "bench-load: harness not found at $harness" >&2; exit 2; }
binary=${SWITCHYARD_BINARY:-$root/build/release/proxy/switchyard}
[[ -x $binary ]] || { echo "bench-load: no binary at $binary: build first (make build) or set SWITCHYARD_BINARY" >&2; exit 2; }
export BENCH_AUDIT_DIR=${BENCH_AUDIT_DIR:-$(mktemp -d /tmp/switchyard-bench-audit.XXXXXX)}
export BENCH_AUDIT_FSYNC=${BENCH_AUDIT_FSYNC:-batch}
export SWITCHYARD_AUDIT_KEY=${SWITCHYARD_AUDIT_KEY:-bench-only-audit-key-not-secret}
export SWITCHYARD_LOG_LEVEL=${SWITCHYARD_LOG_LEVEL:-warn}
cmd="$binary serve --config $root/tests/bench/load/switchyard-bench.yaml"
exec bash "$harness" --only "${BENCH_ONLY:-direct,nginx}" \
  --target "switchyard=http://127.0.0.1:19000" --target-cmd "switchyard=$cmd" "$@"
