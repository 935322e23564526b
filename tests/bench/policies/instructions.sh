#!/usr/bin/env bash
# Instructions per classification, counted by callgrind (Debian package valgrind); see
# classify_instructions.cpp. Prints the count per classification and the ten functions with the
# most instructions over all runs.
#   tests/bench/policies/instructions.sh [--chat|--short] [POLICY.yaml]
#     default: 1 MiB of license prose, 5 runs; --chat: a 1 KB chat request, 1,000 runs;
#     --short: one 24-byte segment (the fixed cost of a call), 1,000 runs
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
binary=${CLASSIFY_INSTRUCTIONS_BINARY:-$root/build/release/tests/bench/classify_instructions}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
[[ -x $binary ]] || { echo "instructions.sh: no $binary (cmake --build build/release --target classify_instructions)" >&2; exit 2; }
out=$(mktemp /tmp/switchyard-callgrind.XXXXXX)
trap 'rm -f "$out"' EXIT
runs=$(valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='*measured*' "$binary" "$@" 2>/dev/null |
  sed -n 's/^runs=\([0-9]*\).*/\1/p')
total=$(awk '/^totals:/ {print $2}' "$out")
echo "instructions per classification: $((total / runs)) (over $runs runs; by function, all runs:)"
callgrind_annotate "$out" 2>/dev/null | awk '/file:function/ {on = 1; next} on && NF' | head -10 |
  sed -E 's/\(std::basic_string_view.*//; s/ \[.*//'
