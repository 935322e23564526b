// `switchyard audit verify|report` end to end: a log written from the documented canonical form
// (audit_sample_log.mjs) verifies, a tampered copy does not, and the HTML report renders its charts
// and table in headless Chromium, with the filters applied from the URL fragment.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSampleLog } from './audit_sample_log.mjs';

const BINARY = process.env.SWITCHYARD_BINARY;
const CHROMIUM = '/usr/bin/chromium';
const KEY = 'e2e-audit-key-' + 'f'.repeat(40);

let dir;
let logPath;
let reportPath;
let expected;

function run(args, env = {}) {
  return spawnSync(BINARY, args, {
    encoding: 'utf8',
    env: { ...process.env, SWITCHYARD_AUDIT_KEY: KEY, ...env },
    timeout: 60_000,
  });
}

// Loads the page in headless Chromium and returns the DOM after the inline scripts ran.
function dumpDom(file, fragment = '') {
  const profile = mkdtempSync(join(dir, 'chromium-'));
  const result = spawnSync(CHROMIUM, [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
    `--user-data-dir=${profile}`, '--virtual-time-budget=5000', '--dump-dom',
    `file://${file}${fragment}`,
  ], { encoding: 'utf8', timeout: 120_000, maxBuffer: 64 << 20 });
  assert.equal(result.status, 0, `chromium failed: ${result.stderr}`);
  return result.stdout;
}

function count(text, pattern) {
  return (text.match(pattern) || []).length;
}

function shownCount(dom) {
  const m = dom.match(/<span id="count"[^>]*>(\d+) of (\d+) requests shown<\/span>/);
  assert.ok(m, 'the table shows its row count');
  return [Number(m[1]), Number(m[2])];
}

before(() => {
  assert.ok(BINARY, 'SWITCHYARD_BINARY is set by ctest');
  dir = mkdtempSync(join(tmpdir(), 'switchyard-audit-e2e-'));
  logPath = join(dir, 'audit.jsonl');
  reportPath = join(dir, 'report.html');
  expected = writeSampleLog(logPath, { key: KEY, requests: 120 });
});

after(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

test('verify accepts a log written from the documented canonical form', () => {
  const result = run(['audit', 'verify', logPath]);
  assert.equal(result.status, 0, result.stdout + result.stderr);
  assert.match(result.stdout, /^OK +242 records in 1 file/);
});

test('verify names an edited record and exits 1', () => {
  const lines = readFileSync(logPath, 'utf8').split('\n');
  lines[10] = lines[10].replace('"handling":"vendor"', '"handling":"internal"')
                       .replace('"handling":"block"', '"handling":"vendor"')
                       .replace('"client":"', '"client":"x');
  const tampered = join(dir, 'tampered.jsonl');
  writeFileSync(tampered, lines.join('\n'));
  const result = run(['audit', 'verify', tampered]);
  assert.equal(result.status, 1);
  assert.match(result.stdout, /^FAIL .*tampered\.jsonl:11: edited: /);
});

test('verify with the wrong key says so', () => {
  const result = run(['audit', 'verify', logPath], { SWITCHYARD_AUDIT_KEY: 'not-the-key' });
  assert.equal(result.status, 1);
  assert.match(result.stdout, /audit\.jsonl:1: wrong key/);
});

test('the report is one self-contained page', () => {
  const result = run(['audit', 'report', logPath, '--html', reportPath]);
  assert.equal(result.status, 0, result.stderr);
  const html = readFileSync(reportPath, 'utf8');
  assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
  assert.doesNotMatch(html, /<(script|link|img)[^>]+(src|href)=/i, 'no external resources');
  assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'no network address');
});

test('the report renders charts and the table in Chromium', { skip: !existsSync(CHROMIUM) &&
    'chromium is not installed (apt-get install chromium); the report was not rendered' }, () => {
  if (!existsSync(reportPath)) run(['audit', 'report', logPath, '--html', reportPath]);
  const dom = dumpDom(reportPath);
  assert.match(dom, /<body[^>]*data-rendered="true"/, 'the inline script ran to the end');

  // Decisions over time: stacked bars per handling, drawn by the script into the SVG.
  const timeChart = dom.match(/<svg id="chart-time"[\s\S]*?<\/svg>/)[0];
  assert.ok(count(timeChart, /<rect class="bar vendor"/g) > 0);
  assert.ok(count(timeChart, /<rect class="bar block"/g) > 0);
  assert.ok(count(timeChart, /<rect class="bar internal"/g) > 0);

  // Top rules and top clients, the largest first.
  const rulesChart = dom.match(/<svg id="chart-rules"[\s\S]*?<\/svg>/)[0];
  const ruleKeys = [...rulesChart.matchAll(/data-key="([^"]+)"/g)].map((m) => m[1]);
  const byRule = Object.entries(expected.byRule).sort((a, b) => b[1] - a[1]).map((e) => e[0]);
  assert.deepEqual(ruleKeys, byRule);
  const clientsChart = dom.match(/<svg id="chart-clients"[\s\S]*?<\/svg>/)[0];
  assert.equal(count(clientsChart, /<rect class="bar"/g), expected.clients.length);

  // The table: one row per request, and the summary figures.
  assert.equal(count(dom, /<tr class="row">/g), expected.requests);
  assert.deepEqual(shownCount(dom), [expected.requests, expected.requests]);
  assert.match(dom, /<b id="kpi-requests">120<\/b>/);
  const blockedShare = (100 * expected.blocked / expected.requests).toFixed(1) + '%';
  assert.match(dom, new RegExp(`<b id="kpi-blocked">${blockedShare.replace('.', '\\.')}</b>`));
});

test('the report filters from the URL fragment', { skip: !existsSync(CHROMIUM) &&
    'chromium is not installed (apt-get install chromium); the report was not rendered' }, () => {
  if (!existsSync(reportPath)) run(['audit', 'report', logPath, '--html', reportPath]);
  const blocked = dumpDom(reportPath, '#handling=block');
  assert.deepEqual(shownCount(blocked), [expected.blocked, expected.requests]);
  assert.equal(count(blocked, /<tr class="row">/g), expected.blocked);
  assert.equal(count(blocked, /<span class="tag block">/g), expected.blocked);
  assert.equal(count(blocked, /<span class="tag vendor">/g), 0);

  const client = expected.clients[1];
  const errors = dumpDom(reportPath, `#client=${client}&status=error`);
  assert.deepEqual(shownCount(errors), [expected.errorsForClient1, expected.requests]);

  const none = dumpDom(reportPath, '#text=no-such-request');
  assert.deepEqual(shownCount(none), [0, expected.requests]);
  assert.match(none, /No request matches the filters\./);
});
