#!/usr/bin/env bash
# Runs the shared load harness (../shared/bench/run.sh: nginx stub, nginx as a plain proxy, wrk,
# h2load) with Switchyard added as a target, in the same interleaved rounds. Extra arguments go to
# run.sh (e.g. --quick, --only direct,nginx, --scenarios chat,rate).
#   scripts/bench-load.sh                    # switchyard with audit (fsync batch)
#   BENCH_AUDIT_FSYNC=never scripts/bench-load.sh
#   BENCH_AUDIT_COMPARE=1 scripts/bench-load.sh --scenarios chat
#       adds switchyard-never (audit written, never synced), switchyard-append (fsync batch into a
#       growing file, zero_fill_bytes: 0) and switchyard-noaudit (the bench-only
#       build tests/bench/load/serve_without_audit.cpp, audit sink discarding records) to the
#       same run: the audit's cost is switchyard minus switchyard-noaudit.
#   BENCH_FLOOR=1 scripts/bench-load.sh --scenarios chat,rate
#       adds beast-floor: tests/bench/load/beast_floor.cpp, a bare Beast/Asio reverse proxy built the
#       way Switchyard is (no inspection, JSON or audit), timeouts kept by DeadlineStream: what the
#       design card's stack itself costs per request, next to nginx in the same run.
#   SWITCHYARD_BINARY=build/h-e2e/proxy/switchyard scripts/bench-load.sh --quick --scenarios chat,rate
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
harness=${BENCH_HARNESS:-$root/../shared/bench/run.sh}
[[ -x $harness || -f $harness ]] || { echo "bench-load: harness not found at $harness" >&2; exit 2; }
binary=${SWITCHYARD_BINARY:-$root/build/release/proxy/switchyard}
[[ -x $binary ]] || { echo "bench-load: no binary at $binary: build first (make build) or set SWITCHYARD_BINARY" >&2; exit 2; }
config=$root/tests/bench/load/switchyard-bench.yaml
audit_root=${BENCH_AUDIT_DIR:-$(mktemp -d /tmp/switchyard-bench-audit.XXXXXX)}
mkdir -p "$audit_root/batch" "$audit_root/never" "$audit_root/append" "$audit_root/noaudit"
export SWITCHYARD_AUDIT_KEY=${SWITCHYARD_AUDIT_KEY:-bench-only-audit-key-not-secret}
export SWITCHYARD_PSEUDONYM_KEY=${SWITCHYARD_PSEUDONYM_KEY:-bench-only-pseudonym-key-not-secret}
export SWITCHYARD_LOG_LEVEL=${SWITCHYARD_LOG_LEVEL:-warn}
fsync=${BENCH_AUDIT_FSYNC:-batch}
targets=(--target "switchyard=http://127.0.0.1:19000"
  --target-cmd "switchyard=env BENCH_AUDIT_DIR=$audit_root/batch BENCH_AUDIT_FSYNC=$fsync BENCH_PORT=19000 BENCH_ADMIN_PORT=19090 $binary serve --config $config")
if [[ ${BENCH_AUDIT_COMPARE:-0} == 1 ]]; then
  noaudit=${SWITCHYARD_NOAUDIT_BINARY:-$(dirname "$binary")/../tests/bench/bench_serve_without_audit}
  [[ -x $noaudit ]] || { echo "bench-load: no $noaudit: cmake --build build/release --target bench_serve_without_audit" >&2; exit 2; }
  targets+=(--target "switchyard-never=http://127.0.0.1:19001"
    --target-cmd "switchyard-never=env BENCH_AUDIT_DIR=$audit_root/never BENCH_AUDIT_FSYNC=never BENCH_PORT=19001 BENCH_ADMIN_PORT=19091 $binary serve --config $config"
    --target "switchyard-append=http://127.0.0.1:19004"
    --target-cmd "switchyard-append=env BENCH_AUDIT_DIR=$audit_root/append BENCH_AUDIT_FSYNC=$fsync BENCH_ZERO_FILL=0 BENCH_PORT=19004 BENCH_ADMIN_PORT=19094 $binary serve --config $config"
    --target "switchyard-noaudit=http://127.0.0.1:19002"
    --target-cmd "switchyard-noaudit=env BENCH_AUDIT_DIR=$audit_root/noaudit BENCH_PORT=19002 BENCH_ADMIN_PORT=19092 $noaudit --config $config")
fi
if [[ ${BENCH_FLOOR:-0} == 1 ]]; then
  floor=${SWITCHYARD_FLOOR_BINARY:-$(dirname "$binary")/../tests/bench/bench_beast_floor}
  [[ -x $floor ]] || { echo "bench-load: no $floor: cmake --build build/release --target bench_beast_floor" >&2; exit 2; }
  targets+=(--target "beast-floor=http://127.0.0.1:19003"
    --target-cmd "beast-floor=$floor --deadline-stream --listen 19003 --upstream 127.0.0.1:18080")
fi
exec bash "$harness" --only "${BENCH_ONLY:-direct,nginx}" "${targets[@]}" "$@"
