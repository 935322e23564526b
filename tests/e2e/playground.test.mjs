// The policy playground (GET /playground on the admin listener) in headless Chromium: a shared
// link (?text=...) fills the page and runs it on load, and the rendered page shows the handling,
// the matched rule ids and the masked, highlighted spans; a pasted request body is read with the
// proxy's adapters; markup in the input is shown as text, never run. With SWITCHYARD_SCREENSHOTS
// set to a directory, the test also saves screenshots there (docs/playground-*.png).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startProxy } from './support.mjs';

let proxy;
let adminPort;
let browser;

// Opens the page, waits until its own status says the explain finished (done or error), and
// returns the page and its DOM.
async function open(url, { width = 1440, height = 900 } = {}) {
  const page = await browser.newPage({ viewport: { width, height } });
  await page.goto(url);
  await page.waitForSelector('#status[data-state="done"], #status[data-state="error"]', { timeout: 60_000 });
  return { page, dom: await page.content() };
}
const pageUrl = (params) => `http://127.0.0.1:${adminPort}/playground?${new URLSearchParams(params)}`;

before(async () => {
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
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
  if (browser) await browser.close();
  if (proxy) await proxy.stop();
});

test('a shared ?text= link runs on load and shows the rule ids, handling and masked spans', async () => {
  const { page, dom } = await open(pageUrl({ text: 'Ship Project Kestrel and ticket REDACTME-42 today' }));
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
  // What a person sees: the rule ids in the rendered table.
  assert.deepEqual(await page.locator('code.rule-id').allTextContents(), ['test.codename', 'test.redact']);
  await page.close();
});

test('a pasted request body is read with the proxy adapters, and the view that matched is named', async () => {
  const body = JSON.stringify({
    model: 'gpt-4o-mini',
    messages: [{ role: 'system', content: 'be brief' }, { role: 'user', content: 'the ｐｒｏｊｅｃｔ kestrel plan' }],
  });
  const { page, dom } = await open(pageUrl({ text: body }));
  assert.match(dom, /read as openai\.chat, 2 text segments/);
  assert.match(dom, /<div class="path">\/messages\/1\/content<\/div>/);
  assert.match(dom, /data-rule="test\.codename"/);
  assert.match(dom, /<span class="view">normalized<\/span>/);
  await page.close();
});

test('markup in the input is shown as text, never run', async () => {
  const attack = '<img src=x onerror="document.title=\'pwned\'"><script>document.title="pwned"</script> BLOCKME';
  const { page, dom } = await open(pageUrl({ text: attack }));
  assert.match(dom, /data-state="done"/);
  assert.equal(await page.title(), 'Switchyard policy playground');
  assert.match(dom, /<title>Switchyard policy playground<\/title>/);
  assert.doesNotMatch(dom, /<img/);
  assert.match(dom, /&lt;img src=x onerror=/);
  assert.match(dom, /<span class="badge h-block big">block<\/span>/);
  await page.close();
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

test('an edited policy runs with its own test results, and its errors point at lines', async () => {
  let { page, dom } = await open(pageUrl({ text: 'Kestrel ships', policy: 'pasted', yaml: DRAFT }));
  assert.match(dom, /data-state="done"/);
  assert.match(dom, /data-rule="draft\.kestrel"/);
  assert.match(dom, /edited policy draft d1/);
  assert.match(dom, /id="test-summary"[^>]*>1 passed, 1 failed: the proxy would refuse to load this policy/);
  assert.match(dom, /playground\.yaml:12:5: tests\[1\]: expected vendor, got internal/);
  // Edited in the page: a level that does not exist, run with the button.
  await page.fill('#yaml', DRAFT.replace('level: confidential', 'level: secretish'));
  await page.click('#run');
  await page.waitForSelector('#status[data-state="error"]');
  dom = await page.content();
  assert.match(dom, /<li title="Show in the editor">playground\.yaml:6:12: rules\[0\]\.level: unknown level 'secretish'/);
  // Clicking the error puts the cursor on that line and column of the editor.
  await page.click('#policy-errors li:nth-child(2)');
  const caret = await page.$eval('#yaml', (t) => t.value.slice(0, t.selectionStart).split('\n'));
  assert.equal(caret.length, 6);
  assert.equal(caret[5].length, 11);
  await page.close();
});

test('screenshots for the docs', { skip: !process.env.SWITCHYARD_SCREENSHOTS }, async () => {
  const dir = process.env.SWITCHYARD_SCREENSHOTS;
  const shots = [
    ['playground-text.png', { text: 'Please ship Project Kestrel to the team and close ticket REDACTME-42 before the review.' }],
    ['playground-request.png', { text: JSON.stringify({ model: 'claude-sonnet-4', max_tokens: 256, system: 'You are a helpful assistant.', messages: [{ role: 'user', content: 'Summarize the Prоject Kеstrel roadmap (Cyrillic о and е) and REDACTME-7.' }] }, null, 2) }],
    ['playground-policy.png', { text: 'Kestrel ships in May', policy: 'pasted', yaml: DRAFT }],
  ];
  for (const [name, params] of shots) {
    const { page } = await open(pageUrl(params), { width: 1440, height: 900 });
    const file = join(dir, name);
    await page.screenshot({ path: file, fullPage: true });
    await page.close();
    assert.ok(existsSync(file), `${file} written`);
  }
});
