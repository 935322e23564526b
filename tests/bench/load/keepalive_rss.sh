#!/usr/bin/env bash
# Memory with many idle clients (issue 4: "resident memory under 64 MB with 1,000 open keep-alive
# connections"). Starts `switchyard serve` on 127.0.0.1:0 with mock upstreams and the default
# policy, opens N client connections that each complete one chat request (so every connection has
# been through the whole pipeline and is parked in keep-alive), then prints the proxy's
# VmRSS/VmHWM from /proc before and with the connections open. Loopback only.
#   tests/bench/load/keepalive_rss.sh [N]        # N defaults to 1000
#   SWITCHYARD_BINARY=build/h-e2e/proxy/switchyard tests/bench/load/keepalive_rss.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../../.." && pwd)
conns=${1:-1000}
binary=${SWITCHYARD_BINARY:-$root/build/release/proxy/switchyard}
[[ -x $binary ]] || { echo "keepalive_rss: no binary at $binary (set SWITCHYARD_BINARY)" >&2; exit 2; }
work=$(mktemp -d /tmp/switchyard-keepalive.XXXXXX)
cat >"$work/config.yaml" <<YAML
listen: 127.0.0.1:0
policy: $root/policies/packs/default.yaml
upstreams:
  - { name: mock-internal, api: mock, trust: internal }
  - { name: mock-vendor, api: mock, trust: vendor }
routes:
  internal: mock-internal
  vendor: { openai: mock-vendor, anthropic: mock-vendor }
audit:
  path: $work/audit.jsonl
  fsync: batch
  hmac_key_env: SWITCHYARD_AUDIT_KEY
limits:
  read_timeout_ms: 300000   # keep idle connections open while we measure
YAML
export SWITCHYARD_AUDIT_KEY=keepalive-bench-key-not-secret
export SWITCHYARD_PSEUDONYM_KEY=keepalive-bench-pseudonym-key-not-secret
"$binary" serve --config "$work/config.yaml" 2>"$work/stderr.log" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null || true; wait $pid 2>/dev/null || true' EXIT
port=""
for _ in $(seq 1 300); do  # the bound port is in the "switchyard serving" log line
  port=$(grep -o '"listen":"[^"]*"' "$work/stderr.log" 2>/dev/null | head -1 | sed 's/.*:\([0-9]*\)"$/\1/' || true)
  [[ -n $port ]] && break
  kill -0 $pid 2>/dev/null || { cat "$work/stderr.log" >&2; exit 1; }
  sleep 0.1
done
[[ -n $port ]] || { echo "keepalive_rss: proxy did not report its port" >&2; exit 1; }
mem() { awk '/^(VmRSS|VmHWM):/ {printf "%s %.1f MiB  ", $1, $2/1024}' /proc/$pid/status; echo; }
threads() { awk '/^Threads:/ {print $2}' /proc/$pid/status; }
echo "switchyard pid $pid on 127.0.0.1:$port, $(threads) threads"
echo -n "after start:             "; mem
PORT=$port CONNS=$conns PID=$pid node - <<'JS'
// Opens CONNS sockets, sends one keep-alive chat request on each (in batches, to stay polite to a
// loaded machine), waits for every full response, then holds them idle and reports.
const net = require('node:net');
const { readFileSync } = require('node:fs');
const port = Number(process.env.PORT), conns = Number(process.env.CONNS), pid = process.env.PID;
const body = JSON.stringify({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Say hello to the load test' }] });
const request = `POST /v1/chat/completions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer test\r\n` +
  `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: keep-alive\r\n\r\n${body}`;
function one() {
  return new Promise((resolve, reject) => {
    const s = net.connect(port, '127.0.0.1');
    let buf = '';
    s.setEncoding('utf8');
    s.on('error', reject);
    s.on('close', () => reject(new Error('closed by proxy before measuring')));
    s.on('connect', () => s.write(request));
    s.on('data', (d) => {
      buf += d;
      const end = buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const m = /content-length:\s*(\d+)/i.exec(buf.slice(0, end));
      if (!buf.startsWith('HTTP/1.1 200')) { reject(new Error(buf.split('\r\n')[0])); return; }
      if (m && buf.length - end - 4 >= Number(m[1])) resolve(s);
    });
  });
}
const status = () => Object.fromEntries(readFileSync(`/proc/${pid}/status`, 'utf8').split('\n')
  .filter((l) => /^(VmRSS|VmHWM):/.test(l)).map((l) => [l.split(':')[0], (parseInt(l.split(/\s+/)[1], 10) / 1024).toFixed(1) + ' MiB']));
(async () => {
  const sockets = [];
  for (let i = 0; i < conns; i += 50) {
    const batch = [];
    for (let j = i; j < Math.min(conns, i + 50); ++j) batch.push(one());
    sockets.push(...await Promise.all(batch));
  }
  let closed = 0;
  for (const s of sockets) { s.removeAllListeners('close'); s.on('close', () => { closed += 1; }); }
  await new Promise((r) => setTimeout(r, 2000));  // let the proxy settle; we measure a steady state
  const st = status();
  console.log(`with ${sockets.length} idle keep-alive connections (${closed} closed by the proxy): VmRSS ${st.VmRSS}  VmHWM ${st.VmHWM}`);
  // Server-side sockets: local address on the proxy's port, state 01 (ESTABLISHED).
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  const established = readFileSync('/proc/net/tcp', 'utf8').split('\n').slice(1)
    .map((l) => l.trim().split(/\s+/)).filter((f) => f[1]?.endsWith(`:${hexPort}`) && f[3] === '01').length;
  console.log(`proxy-side ESTABLISHED sockets (/proc/net/tcp): ${established}`);
  for (const s of sockets) s.destroy();
})().catch((e) => { console.error('keepalive_rss:', e.message); process.exit(1); });
JS
echo -n "after closing them:      "; mem
