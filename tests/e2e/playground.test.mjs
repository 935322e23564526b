// The policy playground (GET /playground on the admin listener) in headless Chromium: a shared
// link (?text=...) fills the page and runs it on load, and the rendered page shows the handling,
// the matched rule ids and the masked, highlighted spans; a pasted request body is read with the
// proxy's adapters; markup in the input is shown as text, never run. With SWITCHYARD_SCREENSHOTS
// set to a directory, the test also saves screenshots there (docs/playground-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startProxy } from './support.mjs';

const CHROMIUM = '/usr/bin/chromium';
let proxy;
let adminPort;
let profileRoot;

function chromium(args) {
  const profile = mkdtempSync(join(profileRoot, 'profile-'));
  const result = spawnSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`, '--virtual-time-budget=10000', ...args,
  ], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.equal(result.status, 0, `chromium failed: ${result.stderr}`);
  return result.stdout;
}

const pageUrl = (params) => `http://127.0.0.1:${adminPort}/playground?${new URLSearchParams(params)}`;

before(async () => {
  profileRoot = mkdtempSync(join(tmpdir(), 'switchyard-playground-e2e-'));
  proxy = await startProxy({
    upstreams: [
      { name: 'internal-mock', api: 'mock', trust: 'internal' },
      { name: 'vendor-mock', api: 'mock', trust: 'vendor' },
    ],
    routes: { internal: 'internal-mock', openai: 'vendor-mock', anthropic: 'vendor-mock' },
    extra: 'admin_listen: 127.0.0.1:0\n',
  });
  const deadline = Date.now() + 30_000;
  while (!adminPort && Date.now() < deadline) {
    for (const line of proxy.stderr().split('\n')) {
      if (!line.includes('admin listener started')) continue;
      try { adminPort = Number(JSON.parse(line).port); } catch { /* partial line */ }
    }
    if (!adminPort) await new Promise((r) => setTimeout(r, 20));
  }
  assert.ok(adminPort, `no admin listener:\n${proxy.stderr()}`);
});

after(async () => {
  if (proxy) await proxy.stop();
  if (profileRoot) rmSync(profileRoot, { recursive: true, force: true });
});

test('a shared ?text= link runs on load and shows the rule ids, handling and masked spans', () => {
  const dom = chromium(['--dump-dom', pageUrl({ text: 'Ship Project Kestrel and ticket REDACTME-42 today' })]);
  assert.match(dom, /id="status" data-state="done"/, 'the page ran the explain on load');
  assert.match(dom, /<tr class="rule" data-rule="test\.codename">/);
  assert.match(dom, /<tr class="rule" data-rule="test\.redact">/);
  assert.match(dom, /<code class="rule-id">test\.codename<\/code>/);
  assert.match(dom, /<span class="badge h-internal big">internal<\/span>/);
  // Highlighted and masked: the marks carry the masked value, never the matched text.
  assert.match(dom, /<mark class="hit" data-rules="test\.codename"[^>]*>Pr\*{11}el<\/mark>/);
  assert.match(dom, /<mark class="hit" data-rules="test\.redact"[^>]*>RE\*{7}42<\/mark>/);
  assert.doesNotMatch(dom, /REDACTME-42<\/mark>/);
  assert.match(dom, /<span class="view">raw<\/span>/);
  // The text around the spans is shown as it was written.
  assert.match(dom, /<pre class="text">Ship <mark/);
});

test('a pasted request body is read with the proxy adapters, and the view that matched is named', () => {
  const body = JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'the ｐｒｏｊｅｃｔ kestrel plan' }],
  });
  const dom = chromium(['--dump-dom', pageUrl({ text: body })]);
  assert.match(dom, /read as openai\.chat, 2 text segments/);
  assert.match(dom, /<div class="path">\/messages\/1\/content<\/div>/);
  assert.match(dom, /data-rule="test\.codename"/);
  assert.match(dom, /<span class="view">normalized<\/span>/);
});

test('markup in the input is shown as text, never run', () => {
  const attack = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script> BLOCKME';
  const dom = chromium(['--dump-dom', pageUrl({ text: attack })]);
  assert.match(dom, /data-state="done"/);
  assert.match(dom, /<title>Switchyard policy playground<\/title>/);
  assert.doesNotMatch(dom, /<img/);
  assert.match(dom, /&lt;img src=x onerror=/);
  assert.match(dom, /<span class="badge h-block big">block<\/span>/);
});

const DRAFT = `policy: draft
version: "d1"
rules:
  - id: draft.kestrel
    description: The Kestrel codename, spelled any way
    level: confidential
    category: codename
    keywords: ["Kestrel"]
tests:
  - text: "Kestrel launch"
    expect: internal
  - text: "a kestrel is a small falcon"
    expect: vendor
`;

test('an edited policy runs with its own test results, and its errors point at lines', () => {
  let dom = chromium(['--dump-dom', pageUrl({ text: 'Kestrel ships', policy: 'pasted', yaml: DRAFT })]);
  assert.match(dom, /data-state="done"/);
  assert.match(dom, /data-rule="draft\.kestrel"/);
  assert.match(dom, /edited policy draft d1/);
  assert.match(dom, /id="test-summary"[^>]*>1 passed, 1 failed: the proxy would refuse to load this policy/);
  assert.match(dom, /playground\.yaml:12:5: tests\[1\]: expected vendor, got internal/);
  const broken = DRAFT.replace('level: confidential', 'level: secretish');
  dom = chromium(['--dump-dom', pageUrl({ text: 'Kestrel ships', policy: 'pasted', yaml: broken })]);
  assert.match(dom, /data-state="error"/);
  assert.match(dom, /<li title="Show in the editor">playground\.yaml:6:12: rules\[0\]\.level: unknown level 'secretish'/);
});

test('screenshots for the docs', { skip: !process.env.SWITCHYARD_SCREENSHOTS }, () => {
  const dir = process.env.SWITCHYARD_SCREENSHOTS;
  const shots = [
    ['playground-text.png', { text: 'Please ship Project Kestrel to the team and close ticket REDACTME-42 before the review.' }],
    ['playground-request.png', { text: JSON.stringify({ model: 'claude-sonnet-4', max_tokens: 256, system: 'You are a helpful assistant.', messages: [{ role: 'user', content: 'Summarize the ｐｒｏｊｅｃｔ kestrel roadmap and REDACTME-7.' }] }, null, 2) }],
    ['playground-policy.png', { text: 'Kestrel ships in May', policy: 'pasted', yaml: DRAFT }],
  ];
  for (const [name, params] of shots) {
    const file = join(dir, name);
    chromium(['--window-size=1440,900', '--hide-scrollbars', `--screenshot=${file}`, pageUrl(params)]);
    assert.ok(existsSync(file), `${file} written`);
  }
});
