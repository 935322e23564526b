#!/usr/bin/env bash
# Instructions per proxied request, which this VM's speed drift does not move: the server runs under
# callgrind twice, for 500 and for 2,500 requests of the load harness's 1 KB chat request (h2load,
# 4 connections, the harness's nginx stub as upstream), and the difference is divided by 2,000
# (Switchyard: its worker threads; the floor: the whole program).
#   tests/bench/load/request_instructions.sh noaudit   # Switchyard, audit sink discarding records
#   tests/bench/load/request_instructions.sh floor     # the bare Beast/Asio proxy (beast_floor.cpp)
# Needs valgrind, nginx and h2load (make deps installs the last two; apt-get install valgrind).
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
variant=${1:-noaudit}
bench=$root/build/release/tests/bench
work=$(mktemp -d /tmp/switchyard-instr.XXXXXX)
stub_pid=""
cleanup() {
  [[ -n $stub_pid ]] && kill "$stub_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

# The harness's nginx stub on 18080 (the bench config's upstream), unless one already runs there.
if ! curl -s -o /dev/null http://127.0.0.1:18080/; then
  mkdir -p "$work/stub/logs" "$work/stub/tmp"
  nginx -p "$work/stub/" -c "$root/../shared/bench/stub-nginx.conf" >/dev/null 2>&1 &
  stub_pid=$!
  sleep 0.5
fi

port=${INSTR_PORT:-29481}
case $variant in
  noaudit) cmd=("$bench/bench_serve_without_audit" --config "$root/tests/bench/load/switchyard-bench.yaml")
           export BENCH_PORT=$port BENCH_ADMIN_PORT=$((port + 1)) BENCH_AUDIT_DIR=$work SWITCHYARD_LOG_LEVEL=warn
           export SWITCHYARD_AUDIT_KEY=${SWITCHYARD_AUDIT_KEY:-bench-only-audit-key-not-secret} ;;
  floor) cmd=("$bench/bench_beast_floor" --deadline-stream --listen $port --upstream 127.0.0.1:18080) ;;
  *) echo "usage: $0 noaudit|floor" >&2; exit 2 ;;
esac

total() {  # N -> the program's instruction count for N requests
  local n=$1 out=$work/callgrind.$1.out
  valgrind --tool=callgrind --callgrind-out-file="$out" "${cmd[@]}" >"$work/server.log" 2>&1 &
  local pid=$!
  for _ in $(seq 300); do
    curl -s -o /dev/null -X POST -H 'content-type: application/json' -d '{}' \
      http://127.0.0.1:$port/v1/chat/completions && break
    sleep 0.2
  done
  h2load --h1 -n "$n" -c 4 -d "$root/../shared/bench/request-openai.json" \
    -H 'content-type: application/json' -H 'Authorization: Bearer test' \
    http://127.0.0.1:$port/v1/chat/completions >"$work/h2load.$n.log" 2>&1
  kill -INT $pid
  wait $pid 2>/dev/null || true
  if [[ $variant == noaudit ]]; then
    # The worker threads only: the policy reloader's thread re-reads the policy every 30 s, and a
    # run that one lands in would count a YAML parse too.
    callgrind_annotate --inclusive=yes --threshold=100 "$out" 2>/dev/null |
      awk 'index($0, "Server::start()::{lambda()#1}> > >::_M_run() [") && !done {
             gsub(",", "", $1); print $1; done = 1 }'
  else
    awk '/^(totals|summary):/ {print $2; exit}' "$out"
  fi
}
a=$(total 500)
b=$(total 2500)
echo "$variant: $(( (b - a) / 2000 )) instructions per request"
