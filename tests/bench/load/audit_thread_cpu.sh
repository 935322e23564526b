#!/usr/bin/env bash
# Where the audit's CPU goes (issue 6): runs the proxy in front of the shared harness's nginx stub
# at a fixed request rate (h2load, so every variant does the same work per second) and prints CPU
# per request split by thread: sy-worker (HTTP, policy, building records) and sy-audit (the
# writer: signing, write(), fdatasync, and its own sleeps and wake-ups). Variants: the audit with
# fsync batch, fsync never, and the bench-only build without an audit sink. Loopback only.
#   tests/bench/load/audit_thread_cpu.sh [ROUNDS] [SECONDS]     # defaults: 3 rounds of 5 s
#   RATE_PER_CLIENT=150 CLIENTS=32 ...                          # 4,800 requests/s by default
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
rounds=${1:-3}
secs=${2:-5}
clients=${CLIENTS:-32}
rate=${RATE_PER_CLIENT:-150}
bench=${BENCH_DIR:-$root/../shared/bench}
binary=${SWITCHYARD_BINARY:-$root/build/release/proxy/switchyard}
noaudit=${SWITCHYARD_NOAUDIT_BINARY:-$root/build/release/tests/bench/bench_serve_without_audit}
for b in "$binary" "$noaudit"; do
  [[ -x $b ]] || { echo "audit_thread_cpu: no $b (make build; cmake --build build/release --target bench_serve_without_audit)" >&2; exit 2; }
done
for tool in nginx h2load curl; do
  command -v $tool >/dev/null || { echo "audit_thread_cpu: $tool is missing (make bench-deps)" >&2; exit 2; }
done
work=$(mktemp -d /tmp/switchyard-audit-cpu.XXXXXX)
mkdir -p "$work/stub/logs" "$work/stub/tmp"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# The harness's stub upstream (127.0.0.1:18080, as in switchyard-bench.yaml); not while run.sh runs.
nginx -p "$work/stub/" -c "$bench/stub-nginx.conf" >"$work/stub.log" 2>&1 &
pids+=($!)
for _ in $(seq 50); do curl -s -o /dev/null http://127.0.0.1:18080/ && break; sleep 0.1; done
curl -s -o /dev/null http://127.0.0.1:18080/ ||
  { echo "audit_thread_cpu: the stub did not start on 127.0.0.1:18080 (port in use?):" >&2; cat "$work/stub.log" >&2; exit 2; }
export SWITCHYARD_AUDIT_KEY=${SWITCHYARD_AUDIT_KEY:-bench-only-audit-key-not-secret}
export SWITCHYARD_PSEUDONYM_KEY=${SWITCHYARD_PSEUDONYM_KEY:-bench-only-pseudonym-key-not-secret}
export SWITCHYARD_LOG_LEVEL=warn
config=$root/tests/bench/load/switchyard-bench.yaml
load() {  # load SECONDS: h2load at the fixed rate against port 19300
  h2load --h1 -t1 -c"$clients" --rps="$rate" -D "$1" -d "$bench/request-openai.json" \
    -H 'content-type: application/json' -H 'authorization: Bearer bench' \
    http://127.0.0.1:19300/v1/chat/completions
}
thread_ticks() {  # thread_ticks PID: "name ticks" per thread name (utime + stime)
  for t in /proc/"$1"/task/*; do echo "$(cat "$t/comm") $(awk '{print $14 + $15}' "$t/stat")"; done |
    awk '{a[$1] += $2} END {for (k in a) print k, a[k]}' | sort
}
run() {  # run NAME FSYNC
  local name=$1 fsync=$2 cmd pid
  rm -rf "$work/audit"; mkdir -p "$work/audit"
  if [[ $fsync == none ]]; then cmd=("$noaudit" --config "$config"); else cmd=("$binary" serve --config "$config"); fi
  env BENCH_AUDIT_DIR="$work/audit" BENCH_AUDIT_FSYNC="${fsync/none/never}" BENCH_PORT=19300 \
    BENCH_ADMIN_PORT=19390 "${cmd[@]}" >"$work/proxy.log" 2>&1 &
  pid=$!
  for _ in $(seq 100); do curl -sf -o /dev/null http://127.0.0.1:19390/readyz && break; sleep 0.1; done
  load 1 >/dev/null 2>&1  # warm-up
  thread_ticks "$pid" >"$work/t0"
  load "$secs" >"$work/h2load.out" 2>&1
  thread_ticks "$pid" >"$work/t1"
  kill "$pid"; wait "$pid" 2>/dev/null || true
  local requests ok
  requests=$(grep -o 'requests: [0-9]* total' "$work/h2load.out" | awk '{print $2}')
  ok=$(grep -o 'status codes: [0-9]* 2xx' "$work/h2load.out" | awk '{print $3}')
  # A run with failed or non-2xx requests measures error paths, not the audit: refuse it.
  if [[ -z $requests || $requests == 0 || $ok != "$requests" ]]; then
    echo "audit_thread_cpu: $name: $ok of ${requests:-0} requests got 2xx; proxy log:" >&2
    tail -5 "$work/proxy.log" >&2
    exit 1
  fi
  join "$work/t0" "$work/t1" | awk -v n="$name" -v r="$requests" -v hz="$(getconf CLK_TCK)" '
    { d = ($3 - $2) * 1e6 / hz / r; total += d
      if ($1 == "sy-worker" || $1 == "sy-audit") part[$1] = d; else other += d }
    END { printf "%-8s %6.1f us/req   sy-worker %6.1f   sy-audit %5.1f   other %4.1f   (%d requests)\n",
          n, total, part["sy-worker"], part["sy-audit"], other, r }'
}
echo "fixed rate: $clients clients x $rate requests/s, $secs s per run, $rounds rounds"
for ((i = 1; i <= rounds; i++)); do
  run batch batch
  run never never
  run noaudit none
done
