#!/usr/bin/env bash
# Bulk classification against the engine's own speed (issue 19): `switchyard classify` and
# `switchyard policy diff` over a corpus of ~1 KB JSON lines, next to plain RE2::Set over the same
# patterns with the texts already in memory (bulk_baseline). Policy load is excluded: each command
# also runs on an empty corpus, and that time is subtracted. Runs alternate so drift hits all.
# Speeds are per CPU second (user + system), single-threaded (--jobs 1), so that other work on the
# machine does not move them; JOBS=N adds wall-clock runs with N threads (meaningful on an idle
# machine only).
#   tests/bench/policies/bulk_classify.sh [MBYTES=20] [RUNS=5]
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
mb=${1:-20}
runs=${2:-5}
bin=$root/build/release/proxy/switchyard
base=$root/build/release/tests/bench/bulk_baseline
policy=$root/policies/packs/default.yaml
work=$(mktemp -d /tmp/switchyard-bulk.XXXXXX)
trap 'rm -rf "$work"' EXIT

"$base" gen "$work/corpus.jsonl" "$mb" >&2
: >"$work/empty.jsonl"
# The NEW policy for diff: the default pack plus one keyword rule that matches some lines.
cp -r "$root/policies/packs" "$work/packs"
cat >"$work/packs/bench-new.yaml" <<'YAML'
policy: bench-new
include: [default.yaml]
rules:
  - id: bench.licensor
    level: confidential
    category: codename
    keywords: ["Licensor"]
YAML
bytes=$(stat -c %s "$work/corpus.jsonl")

cpu() {  # command... -> CPU seconds (user + system)
  /usr/bin/time -f '%U %S' -o "$work/time" "$@" >/dev/null 2>&1 || true
  awk '{print $1 + $2}' "$work/time"
}
wall() {  # command... -> wall seconds
  /usr/bin/time -f '%e' -o "$work/time" "$@" >/dev/null 2>&1 || true
  cat "$work/time"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

: >"$work/plain" ; : >"$work/classify" ; : >"$work/diff" ; : >"$work/classify_wall" ; : >"$work/diff_wall"
jobs=${JOBS:-0}
for i in $(seq "$runs"); do
  "$base" plain "$policy" "$work/corpus.jsonl" | sed -E 's/.* ([0-9.]+) MB of corpus per CPU second.*/\1/' >>"$work/plain"
  full=$(cpu "$bin" classify --jobs 1 --policy "$policy" "$work/corpus.jsonl")
  load=$(cpu "$bin" classify --jobs 1 --policy "$policy" "$work/empty.jsonl")
  echo "$bytes / 1000000 / ($full - $load)" | bc -l >>"$work/classify"
  full=$(cpu "$bin" policy diff --jobs 1 "$policy" "$work/packs/bench-new.yaml" --corpus "$work/corpus.jsonl")
  load=$(cpu "$bin" policy diff --jobs 1 "$policy" "$work/packs/bench-new.yaml" --corpus "$work/empty.jsonl")
  echo "$bytes / 1000000 / ($full - $load)" | bc -l >>"$work/diff"
  if ((jobs > 0)); then
    full=$(wall "$bin" classify --jobs "$jobs" --policy "$policy" "$work/corpus.jsonl")
    load=$(wall "$bin" classify --jobs "$jobs" --policy "$policy" "$work/empty.jsonl")
    echo "$bytes / 1000000 / ($full - $load)" | bc -l >>"$work/classify_wall"
    full=$(wall "$bin" policy diff --jobs "$jobs" "$policy" "$work/packs/bench-new.yaml" --corpus "$work/corpus.jsonl")
    load=$(wall "$bin" policy diff --jobs "$jobs" "$policy" "$work/packs/bench-new.yaml" --corpus "$work/empty.jsonl")
    echo "$bytes / 1000000 / ($full - $load)" | bc -l >>"$work/diff_wall"
  fi
done
plain=$(median <"$work/plain")
classify=$(median <"$work/classify")
diff=$(median <"$work/diff")
printf 'corpus %.1f MB, %s runs, medians, MB of corpus per CPU second (policy load excluded)\n' \
  "$(echo "$bytes / 1000000" | bc -l)" "$runs"
printf '  plain RE2::Set (texts in memory)  %7.1f   runs: %s\n' "$plain" "$(xargs printf '%.0f ' <"$work/plain")"
printf '  switchyard classify --jobs 1      %7.1f   %.2fx plain   runs: %s\n' "$classify" \
  "$(echo "$classify / $plain" | bc -l)" "$(xargs printf '%.0f ' <"$work/classify")"
printf '  switchyard policy diff --jobs 1   %7.1f   %.2fx plain   runs: %s\n' "$diff" \
  "$(echo "$diff / $plain" | bc -l)" "$(xargs printf '%.0f ' <"$work/diff")"
if ((jobs > 0)); then
  printf 'wall clock with --jobs %s (MB/s):\n' "$jobs"
  printf '  switchyard classify               %7.1f   runs: %s\n' "$(median <"$work/classify_wall")" \
    "$(xargs printf '%.0f ' <"$work/classify_wall")"
  printf '  switchyard policy diff            %7.1f   runs: %s\n' "$(median <"$work/diff_wall")" \
    "$(xargs printf '%.0f ' <"$work/diff_wall")"
fi
