#!/usr/bin/env bash
# The smoke test both scripts/image-test.sh runs share: the container image and the installed
# Debian package. It talks to a running Switchyard whose upstreams are tests/image/mock_upstreams.py
# (internal=openai, openai=openai, anthropic=anthropic) and checks health, readiness, one request
# per route (vendor by OpenAI, vendor by Anthropic, internal, blocked) and that each upstream saw
# only what the policy allows it to see.
#
#   smoke.sh CLIENT_URL ADMIN_URL MOCK_LOG
#
# Run it where those URLs are reachable (scripts/image-test.sh runs it inside the test's network
# namespace). Exits non-zero with a message on the first failure.
set -euo pipefail
client=$1 admin=$2 mock_log=$3

fail() {
  echo "smoke: FAIL: $*" >&2
  exit 1
}
say() { echo "smoke: $*"; }

# curl to a file; prints the status code. Headers go to $out.h.
call() {
  local out=$1
  shift
  curl -sS -o "$out" -D "$out.h" -w '%{http_code}' --max-time 20 "$@"
}
header() { tr -d '\r' <"$2" | awk -v h="$1" 'tolower($1) == tolower(h) ":" {print $2}' | tail -n1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Health and readiness. Readiness may need a moment after start (policy loading, first probes).
[[ $(call "$work/healthz" "$admin/healthz") == 200 ]] || fail "/healthz: $(cat "$work/healthz")"
for _ in $(seq 1 50); do
  [[ $(call "$work/readyz" "$admin/readyz") == 200 ]] && break
  sleep 0.2
done
[[ $(call "$work/readyz" "$admin/readyz") == 200 ]] || fail "/readyz not ready: $(cat "$work/readyz")"
python3 - "$work/readyz" <<'EOF' || fail "/readyz detail: $(cat "$work/readyz")"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["ready"] is True and r["draining"] is False, r
assert r["policy"]["loaded"] is True, r
assert r["audit"]["writable"] is True, r
names = {u["name"]: u for u in r["upstreams"]}
# Every mock listens: each is reported reachable (and none gates readiness unless configured to).
for name in ("local", "openai", "anthropic"):
    assert names[name]["reachable"] is True, names
EOF
say "healthz 200, readyz 200 (policy loaded, audit writable, 3 upstreams reachable)"

general='Write a Python function that parses ISO 8601 dates and add unit tests.'
secret='CONFIDENTIAL: customer 4539 1488 0343 6467 disputes the charge'

# 1. OpenAI chat, general text: the OpenAI vendor.
status=$(call "$work/r1" "$client/v1/chat/completions" -H 'content-type: application/json' \
  -d "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"$general\"}]}")
[[ $status == 200 ]] || fail "openai vendor: $status $(cat "$work/r1")"
[[ $(header x-switchyard-route "$work/r1.h") == vendor ]] || fail "openai vendor: route $(header x-switchyard-route "$work/r1.h")"
grep -q 'mock openai answered' "$work/r1" || fail "openai vendor: reply $(cat "$work/r1")"
say "openai chat -> vendor (openai) 200"

# 2. Anthropic messages, general text: the Anthropic vendor.
status=$(call "$work/r2" "$client/v1/messages" -H 'content-type: application/json' \
  -H 'anthropic-version: 2023-06-01' \
  -d "{\"model\":\"claude-3-5-haiku-latest\",\"max_tokens\":64,\"messages\":[{\"role\":\"user\",\"content\":\"$general\"}]}")
[[ $status == 200 ]] || fail "anthropic vendor: $status $(cat "$work/r2")"
[[ $(header x-switchyard-route "$work/r2.h") == vendor ]] || fail "anthropic vendor: route $(header x-switchyard-route "$work/r2.h")"
grep -q 'mock anthropic answered' "$work/r2" || fail "anthropic vendor: reply $(cat "$work/r2")"
say "anthropic messages -> vendor (anthropic) 200"

# 3. Sensitive text, streamed: the internal model, never a vendor.
status=$(call "$work/r3" "$client/v1/chat/completions" -H 'content-type: application/json' \
  -d "{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"$secret\"}]}")
[[ $status == 200 ]] || fail "internal: $status $(cat "$work/r3")"
[[ $(header x-switchyard-route "$work/r3.h") == internal ]] || fail "internal: route $(header x-switchyard-route "$work/r3.h")"
grep -q 'mock local answered' "$work/r3" || fail "internal: reply $(cat "$work/r3")"
grep -q 'data: \[DONE\]' "$work/r3" || fail "internal: stream not finished: $(cat "$work/r3")"
say "sensitive chat (streamed) -> internal 200"

# 4. A private key: blocked, in the client's error format; no upstream sees it.
status=$(call "$work/r4" "$client/v1/chat/completions" -H 'content-type: application/json' \
  -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"-----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIIrYSSNQFaA2Hwf1duRSxKtLYX5CB04fSeQ6tF1aY/PuoAoGCCqGSM49\n-----END EC PRIVATE KEY-----"}]}')
[[ $status == 403 ]] || fail "block: $status $(cat "$work/r4")"
grep -q '"policy_blocked"' "$work/r4" || fail "block: body $(cat "$work/r4")"
say "private key -> blocked 403 policy_blocked"

# What each upstream saw: the vendors never the sensitive text or the key, the internal model the
# sensitive request only.
python3 - "$mock_log" "$secret" <<'EOF' || fail "upstream traffic: $(cat "$mock_log")"
import json, sys
seen = [json.loads(line) for line in open(sys.argv[1])]
by = {}
for r in seen:
    by.setdefault(r["upstream"], []).append(json.dumps(r["body"]))
assert len(by.get("openai", [])) == 1 and len(by.get("anthropic", [])) == 1, by
assert len(by.get("local", [])) == 1 and "4539 1488 0343 6467" in by["local"][0], by
for vendor in ("openai", "anthropic"):
    for body in by[vendor]:
        assert "4539" not in body and "PRIVATE KEY" not in body, (vendor, body)
assert not any("PRIVATE KEY" in b for b in by.get("local", [])), by
EOF
say "upstreams saw: openai 1, anthropic 1, internal 1 (the sensitive one); no vendor saw it"

# Metrics: the per-upstream reachability gauge and the requests just made.
[[ $(call "$work/metrics" "$admin/metrics") == 200 ]] || fail "/metrics"
grep -q '^switchyard_upstream_reachable{upstream="openai"} 1' "$work/metrics" ||
  fail "/metrics: no switchyard_upstream_reachable for openai"
grep -q '^switchyard_requests_total{' "$work/metrics" || fail "/metrics: no requests counted"
say "metrics: switchyard_upstream_reachable and switchyard_requests_total present"
