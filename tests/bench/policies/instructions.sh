#!/usr/bin/env bash
# Instructions per classification of 1 MiB of license prose with the default pack (or the policy
# given), counted by callgrind (Debian package valgrind); see classify_instructions.cpp. Prints
# the total and the ten functions with the most instructions.
#   tests/bench/policies/instructions.sh [POLICY.yaml]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
binary=${CLASSIFY_INSTRUCTIONS_BINARY:-$root/build/release/tests/bench/classify_instructions}
command -v valgrind >/dev/null || { echo "instructions.sh: valgrind is missing (apt-get install valgrind)" >&2; exit 2; }
[[ -x $binary ]] || { echo "instructions.sh: no $binary (cmake --build build/release --target classify_instructions)" >&2; exit 2; }
out=$(mktemp /tmp/switchyard-callgrind.XXXXXX)
trap 'rm -f "$out"' EXIT
valgrind --tool=callgrind --callgrind-out-file="$out" --toggle-collect='*measured*' "$binary" "$@" >/dev/null 2>&1
total=$(awk '/^totals:/ {print $2}' "$out")
echo "instructions per classification of 1 MiB: $((total / 5)); by function, over all 5 runs:"
callgrind_annotate "$out" 2>/dev/null | awk '/file:function/ {on = 1; next} on && NF' | head -10 |
  sed -E 's/\(std::basic_string_view.*//; s/ \[.*//'
