// Writes a sample audit log with node:crypto, following only docs/audit.md ("Canonical form"): an
// independent implementation of the record layout, so `switchyard audit verify` accepting it shows
// an auditor can rebuild verification from the documentation alone.
import { createHash, createHmac } from 'node:crypto';
import { writeFileSync } from 'node:fs';

const GENESIS = '0'.repeat(64);

// A line = {"seq":..,"ts":..,"event":..,"prev":..,"kid":.., <members>, "mac":".."}
export function signLine(key, kid, seq, ts, event, prev, members) {
  let body = `{"seq":${seq},"ts":${JSON.stringify(ts)},"event":${JSON.stringify(event)},` +
             `"prev":"${prev}","kid":${JSON.stringify(kid)}`;
  for (const [name, value] of Object.entries(members)) {
    body += `,${JSON.stringify(name)}:${JSON.stringify(value)}`;
  }
  const mac = createHmac('sha256', key).update(body + '}').digest('hex');
  return `${body},"mac":"${mac}"}`;
}

const CLIENTS = ['marketing-app', 'support-bot', 'finance-tools', 'hr-portal'];
const RULES = [
  { id: 'globex.codenames', category: 'codename', handling: 'internal' },
  { id: 'secrets.aws_access_key', category: 'secret', handling: 'block' },
  { id: 'pii.email', category: 'pii', handling: 'redact' },
];

// Returns the expected figures alongside writing `requests` decision/outcome pairs over `hours`.
export function writeSampleLog(path, { key, kid = 'k1', requests = 120, hours = 6 } = {}) {
  const lines = [];
  let prev = GENESIS;
  let seq = 1;
  const push = (ts, event, members) => {
    const line = signLine(key, kid, seq++, ts, event, prev, members);
    prev = createHash('sha256').update(line).digest('hex');
    lines.push(line);
  };
  const start = Date.parse('2026-11-03T08:00:00Z');
  const stamp = (ms) => new Date(ms).toISOString().replace('Z', '000Z');  // microseconds
  push(stamp(start), 'start', { reason: 'new', version: 'e2e', pid: 1 });
  const expected = { requests, blocked: 0, byClient: {}, byRule: {}, errorsForClient1: 0 };
  for (let i = 0; i < requests; i++) {
    const t = start + Math.floor((i / requests) * hours * 3600e3) + 1000;
    const client = CLIENTS[i % CLIENTS.length];
    const rule = i % 5 === 0 ? RULES[1] : i % 3 === 0 ? RULES[0] : i % 7 === 0 ? RULES[2] : null;
    const handling = rule ? rule.handling : 'vendor';
    const status = handling === 'block' ? 403 : i % 11 === 0 ? 502 : 200;
    const id = `req-${String(i).padStart(4, '0')}`;
    push(stamp(t), 'decision', {
      request_id: id, client, api: 'openai', model: 'gpt-4o', stream: i % 2 === 0, handling,
      level: handling === 'vendor' ? 'public' : 'confidential',
      route: handling === 'block' ? 'blocked' : handling === 'internal' ? 'internal' : 'vendor',
      upstream: handling === 'block' ? null : handling === 'internal' ? 'local' : 'openai',
      upstream_model: handling === 'internal' ? 'llama3.1:8b' : 'gpt-4o',
      rules: rule ? [{ id: rule.id, category: rule.category, count: 1, handling: rule.handling }] : [],
      policy: { name: 'globex', version: '2026.11.1', sha256: 'ab'.repeat(32) },
      prompt: { bytes: 200 + i, segments: 1, hmac: 'cd'.repeat(32) },
    });
    push(stamp(t + 850), 'outcome', {
      request_id: id, client, api: 'openai', status,
      error: status === 403 ? 'policy_blocked' : status === 502 ? 'upstream_unavailable' : null,
      usage: { input_tokens: 20 + i, output_tokens: 7 }, latency_ms: 850.5, upstream_ms: 840,
      overhead_ms: 1.2,
    });
    if (handling === 'block') expected.blocked++;
    expected.byClient[client] = (expected.byClient[client] || 0) + 1;
    if (rule) expected.byRule[rule.id] = (expected.byRule[rule.id] || 0) + 1;
    if (client === CLIENTS[1] && status >= 400 && handling !== 'block') expected.errorsForClient1++;
  }
  push(stamp(start + hours * 3600e3 + 5000), 'seal', { reason: 'shutdown', first_seq: 1 });
  writeFileSync(path, lines.join('\n') + '\n');
  expected.clients = CLIENTS;
  return expected;
}
