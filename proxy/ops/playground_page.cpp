// The playground page: plain HTML, CSS and JavaScript with no dependency and no network access
// beyond its own endpoints. Everything that comes from the user or the server is put in the page
// as DOM text (textContent), never parsed as HTML.
#include "proxy/ops/playground_page.h"

namespace switchyard::proxy {

namespace {

constexpr std::string_view kHead = R"html(<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Switchyard policy playground</title>
)html";

constexpr std::string_view kStyle = R"css(
:root {
  --ink: #1d2430; --muted: #5b6575; --line: #d9dee6; --panel: #ffffff; --page: #f4f6f9;
  --accent: #2456c7; --vendor: #1f7a3d; --redact: #8a5a00; --pseudonymize: #6b4fb0;
  --internal: #1b5fa8; --block: #b3261e; --mark: #ffe08a;
}
* { box-sizing: border-box; }
body { margin: 0; background: var(--page); color: var(--ink);
  font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif; }
header { display: flex; align-items: baseline; gap: 16px; padding: 10px 20px;
  background: var(--panel); border-bottom: 1px solid var(--line); }
header h1 { font-size: 17px; margin: 0; }
header .sub { color: var(--muted); }
main { display: grid; grid-template-columns: minmax(360px, 5fr) minmax(400px, 6fr); gap: 16px;
  padding: 16px 20px; max-width: 1600px; margin: 0 auto; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; } }
section { background: var(--panel); border: 1px solid var(--line); border-radius: 8px;
  padding: 12px 14px; margin-bottom: 16px; min-width: 0; }
h2 { font-size: 14px; margin: 0 0 8px; text-transform: uppercase; letter-spacing: .04em;
  color: var(--muted); }
label { font-weight: 600; margin-right: 6px; }
textarea { width: 100%; resize: vertical; border: 1px solid var(--line); border-radius: 6px;
  padding: 8px; font: 13px/1.4 ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace; }
#text { height: 190px; }
#yaml { height: 260px; }
.row { display: flex; flex-wrap: wrap; align-items: center; gap: 10px; margin: 8px 0; }
select, button, input[type=text] { font: inherit; padding: 5px 9px; border: 1px solid var(--line);
  border-radius: 6px; background: #fff; }
button { cursor: pointer; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff;
  font-weight: 600; }
button:disabled { opacity: .6; cursor: default; }
#share { flex: 1; min-width: 160px; color: var(--muted); }
#status { color: var(--muted); }
.verdict { display: flex; flex-wrap: wrap; align-items: center; gap: 10px 18px; }
.badge { display: inline-block; padding: 2px 10px; border-radius: 999px; color: #fff;
  font-weight: 700; text-transform: uppercase; letter-spacing: .03em; }
.h-vendor { background: var(--vendor); } .h-redact { background: var(--redact); }
.h-pseudonymize { background: var(--pseudonymize); } .h-internal { background: var(--internal); }
.h-block { background: var(--block); }
.big { font-size: 18px; padding: 4px 14px; }
.meta { color: var(--muted); }
.warn { background: #fff4e5; border: 1px solid #f0c36d; border-radius: 6px; padding: 6px 10px;
  margin-top: 8px; }
.errors { background: #fdecea; border: 1px solid #f3b7b2; border-radius: 6px; padding: 6px 10px;
  margin: 8px 0 0; list-style: none; font: 12.5px/1.5 ui-monospace, Menlo, Consolas, monospace; }
.errors li { cursor: pointer; white-space: pre-wrap; word-break: break-word; }
.errors li:hover { text-decoration: underline; }
.ok { background: #e8f5ec; border: 1px solid #a8d5b5; border-radius: 6px; padding: 6px 10px;
  margin-top: 8px; }
.segment { margin-top: 10px; }
.segment .path { font: 12px ui-monospace, Menlo, Consolas, monospace; color: var(--muted); }
pre.text { margin: 4px 0 0; padding: 8px 10px; background: #fafbfc; border: 1px solid var(--line);
  border-radius: 6px; white-space: pre-wrap; word-break: break-word; max-height: 320px;
  overflow: auto; font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace; }
mark.hit { background: var(--mark); border-bottom: 2px solid #d49b00; padding: 0 1px;
  border-radius: 2px; }
table { width: 100%; border-collapse: collapse; margin-top: 6px; }
th, td { text-align: left; vertical-align: top; padding: 6px 8px; border-top: 1px solid var(--line); }
th { color: var(--muted); font-weight: 600; font-size: 12.5px; }
td code { font-size: 12.5px; }
.view { display: inline-block; font-size: 11.5px; padding: 0 6px; margin: 1px 3px 1px 0;
  border-radius: 4px; border: 1px solid var(--line); background: #f2f4f8; }
.masked { font: 12.5px ui-monospace, Menlo, Consolas, monospace; }
details summary { cursor: pointer; font-weight: 600; }
.hidden { display: none; }
)css";

constexpr std::string_view kBody = R"html(<body>
<header>
  <h1>Switchyard policy playground</h1>
  <span class="sub">What the policy decides for a text or a request, and why. Nothing here is
  sent anywhere or written to the audit log.</span>
</header>
<main>
  <div>
    <section>
      <h2>Input</h2>
      <textarea id="text" spellcheck="false"
        placeholder="Paste a prompt, or a whole request body (OpenAI or Anthropic)"></textarea>
      <div class="row">
        <span><label for="input">Read as</label>
        <select id="input">
          <option value="auto">auto-detect</option>
          <option value="text">plain text</option>
          <option value="openai.chat">OpenAI chat completions</option>
          <option value="openai.responses">OpenAI responses</option>
          <option value="openai.completions">OpenAI completions</option>
          <option value="openai.embeddings">OpenAI embeddings</option>
          <option value="anthropic.messages">Anthropic messages</option>
        </select></span>
        <span><label for="policy">Policy</label>
        <select id="policy">
          <option value="live">serving policy</option>
          <option value="shadow">shadow policy</option>
          <option value="pasted">edited below</option>
        </select></span>
        <button id="run" class="primary" type="button">Explain</button>
      </div>
      <div class="row">
        <input id="share" type="text" readonly aria-label="Link to this input">
        <button id="copy" type="button">Copy link</button>
      </div>
      <div id="status" data-state="idle">Ready. Ctrl+Enter runs.</div>
    </section>
    <section>
      <details id="editor">
        <summary>Edit a policy (YAML)</summary>
        <div class="row">
          <button id="load-live" type="button">Load the serving policy</button>
          <button id="load-shadow" type="button">Load the shadow policy</button>
          <span class="meta">Includes may name only files the serving policy loaded.</span>
        </div>
        <textarea id="yaml" spellcheck="false" placeholder="policy: my-draft
rules:
  - id: draft.codenames
    level: confidential
    keywords: [&quot;Project Kestrel&quot;]
tests:
  - text: &quot;Kestrel launch&quot;
    expect: internal"></textarea>
        <ul id="policy-errors" class="errors hidden"></ul>
        <div id="tests"></div>
      </details>
    </section>
  </div>
  <div>
    <section id="verdict-section">
      <h2>Decision</h2>
      <div id="verdict" class="verdict"><span class="meta">Run an input to see the decision.</span></div>
      <ul id="request-errors" class="errors hidden"></ul>
    </section>
    <section>
      <h2>Matched rules</h2>
      <div id="rules"><span class="meta">None yet.</span></div>
    </section>
    <section>
      <h2>Where it matched</h2>
      <div class="meta">Matched values are highlighted and masked. A view says how the value was
      found: <b>raw</b> as written, <b>normalized</b> after look-alike, full-width, invisible
      characters or spacing were undone, <b>decoded</b> after percent, HTML, \u or base64
      escapes were decoded.</div>
      <div id="segments"></div>
    </section>
  </div>
</main>
)html";

constexpr std::string_view kScript = R"js(
'use strict';
const $ = (id) => document.getElementById(id);
function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text !== undefined && text !== null) e.textContent = String(text);
  return e;
}
function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }
const HANDLINGS = ['vendor', 'redact', 'pseudonymize', 'internal', 'block'];
function badge(handling, big) {
  const known = HANDLINGS.includes(handling) ? handling : 'block';
  return el('span', 'badge h-' + known + (big ? ' big' : ''), handling);
}
function setStatus(text, state) {
  const s = $('status');
  s.textContent = text;
  s.dataset.state = state;
}
function listErrors(target, lines) {
  clear(target);
  target.classList.toggle('hidden', lines.length === 0);
  for (const line of lines) {
    const li = el('li', '', line);
    li.title = 'Show in the editor';
    li.addEventListener('click', () => jumpTo(line));
    target.appendChild(li);
  }
}
// FILE:LINE:COL of the pasted policy: put the cursor there.
function jumpTo(line) {
  const m = /^playground\.yaml:(\d+):(\d+)/.exec(line);
  if (!m) return;
  const yaml = $('yaml');
  const lines = yaml.value.split('\n');
  let offset = 0;
  for (let i = 0; i < Number(m[1]) - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Number(m[2]) - 1;
  $('editor').open = true;
  yaml.focus();
  yaml.setSelectionRange(offset, offset + 1);
}
function shareLink() {
  const params = new URLSearchParams();
  params.set('text', $('text').value);
  if ($('input').value !== 'auto') params.set('input', $('input').value);
  if ($('policy').value === 'shadow') params.set('policy', 'shadow');
  // A draft policy travels in the link too while it is small enough for one.
  if ($('policy').value === 'pasted' && $('yaml').value.length <= 6000) {
    params.set('policy', 'pasted');
    params.set('yaml', $('yaml').value);
  }
  return location.origin + location.pathname + '?' + params.toString();
}
function renderVerdict(data) {
  const v = $('verdict');
  clear(v);
  v.appendChild(badge(data.handling, true));
  const level = el('span', '', '');
  level.appendChild(el('b', '', 'level '));
  level.appendChild(document.createTextNode(data.level));
  v.appendChild(level);
  const p = data.policy;
  v.appendChild(el('span', 'meta', (p.source === 'pasted' ? 'edited policy ' : p.source === 'shadow'
    ? 'shadow policy ' : 'serving policy ') + p.name + ' ' + (p.version || '') + ' (sha256 ' +
    p.sha256.slice(0, 12) + '…)'));
  v.appendChild(el('span', 'meta', 'read as ' + data.input.kind + ', ' + data.input.segments +
    (data.input.segments === 1 ? ' text segment' : ' text segments')));
  if (data.classifier_error) {
    v.appendChild(el('div', 'warn', 'The classifier could not check this input (' +
      data.classifier_error + '), so the strictest handling applies.'));
  }
}
function renderRules(data) {
  const box = $('rules');
  clear(box);
  if (data.rules.length === 0) {
    box.appendChild(el('span', 'meta', 'No rule matched.'));
    return;
  }
  const table = el('table');
  const head = el('tr');
  for (const h of ['Rule', 'Category', 'Level', 'Handling', 'Found', 'Views', 'Values (masked)']) {
    head.appendChild(el('th', '', h));
  }
  table.appendChild(head);
  for (const r of data.rules) {
    const tr = el('tr');
    tr.className = 'rule';
    tr.dataset.rule = r.id;
    const id = el('td');
    id.appendChild(el('code', 'rule-id', r.id));
    if (r.description) id.appendChild(el('div', 'meta', r.description));
    if (r.location) id.title = 'defined at ' + r.location;
    tr.appendChild(id);
    tr.appendChild(el('td', '', r.category));
    tr.appendChild(el('td', '', r.level));
    const h = el('td');
    h.appendChild(badge(r.handling, false));
    tr.appendChild(h);
    tr.appendChild(el('td', '', r.count + (r.count === 1 ? ' time' : ' times')));
    const views = el('td');
    for (const view of [...new Set(r.findings.map((f) => f.view))]) {
      views.appendChild(el('span', 'view', view));
    }
    tr.appendChild(views);
    const values = el('td');
    for (const f of r.findings.slice(0, 8)) {
      const line = el('div', 'masked', f.masked);
      if (f.path) line.title = f.path;
      values.appendChild(line);
    }
    if (r.findings.length > 8) values.appendChild(el('div', 'meta', '…'));
    tr.appendChild(values);
    table.appendChild(tr);
  }
  box.appendChild(table);
}
function renderSegments(data) {
  const box = $('segments');
  clear(box);
  for (const s of data.segments) {
    const div = el('div', 'segment');
    if (s.path) div.appendChild(el('div', 'path', s.path));
    const pre = el('pre', 'text');
    for (const piece of s.pieces) {
      if (piece.text !== undefined) {
        pre.appendChild(document.createTextNode(piece.text));
      } else {
        const mark = el('mark', 'hit', piece.masked);
        mark.dataset.rules = piece.rules.join(' ');
        mark.title = piece.rules.join(', ') + ' (' + piece.views.join(', ') + ')';
        pre.appendChild(mark);
      }
    }
    div.appendChild(pre);
    box.appendChild(div);
  }
  if (data.truncated) box.appendChild(el('div', 'meta', 'Only the first matches are highlighted.'));
}
function renderTests(data) {
  const box = $('tests');
  clear(box);
  if (!data || !data.tests) return;
  const t = data.tests;
  const summary = el('div', t.failed === 0 ? 'ok' : 'warn',
    t.passed + ' passed, ' + t.failed + ' failed' + (t.failed === 0 ? '' :
    ': the proxy would refuse to load this policy'));
  summary.id = 'test-summary';
  box.appendChild(summary);
  if (t.failures.length) {
    listErrors(box.appendChild(el('ul', 'errors')),
      t.failures.map((f) => f.location + ': ' + f.message));
  }
}
let running = false;
async function run() {
  if (running) return;
  running = true;
  $('run').disabled = true;
  setStatus('Running…', 'running');
  const body = { text: $('text').value, input: $('input').value, policy: $('policy').value };
  if (body.policy === 'pasted') body.policy_yaml = $('yaml').value;
  $('share').value = shareLink();
  history.replaceState(null, '', $('share').value);
  try {
    const res = await fetch('/policy/explain', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body),
    });
    const data = await res.json();
    listErrors($('request-errors'), []);
    if (body.policy === 'pasted') listErrors($('policy-errors'), []);
    if (!res.ok) {
      const e = data.error || { message: 'HTTP ' + res.status };
      if (e.code === 'policy_invalid' || e.code === 'policy_too_large') {
        $('editor').open = true;
        listErrors($('policy-errors'), [e.message].concat(e.errors || []));
        renderTests(null);
      } else {
        listErrors($('request-errors'), [e.message]);
      }
      setStatus('Error: ' + e.message, 'error');
      return;
    }
    renderVerdict(data);
    renderRules(data);
    renderSegments(data);
    if (body.policy === 'pasted') renderTests(data);
    setStatus('Done: ' + data.handling + ', ' + data.rules.length +
      (data.rules.length === 1 ? ' rule' : ' rules') + ' matched.', 'done');
  } catch (err) {
    listErrors($('request-errors'), ['The request failed: ' + err]);
    setStatus('Error', 'error');
  } finally {
    running = false;
    $('run').disabled = false;
  }
}
async function loadSource(which) {
  const res = await fetch('/policy/source' + (which === 'shadow' ? '?policy=shadow' : ''));
  const data = await res.json();
  if (!res.ok) {
    listErrors($('policy-errors'), [(data.error && data.error.message) || 'HTTP ' + res.status]);
    return;
  }
  $('yaml').value = data.yaml;
  $('policy').value = 'pasted';
  listErrors($('policy-errors'), []);
}
$('run').addEventListener('click', run);
$('copy').addEventListener('click', async () => {
  $('share').value = shareLink();
  $('share').select();
  try { await navigator.clipboard.writeText($('share').value); setStatus('Link copied.', 'done'); }
  catch (e) { document.execCommand('copy'); }
});
$('load-live').addEventListener('click', () => loadSource('live'));
$('load-shadow').addEventListener('click', () => loadSource('shadow'));
for (const id of ['text', 'yaml']) {
  $(id).addEventListener('keydown', (e) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); run(); }
  });
}
const params = new URLSearchParams(location.search);
if (params.has('input')) $('input').value = params.get('input');
if (params.get('policy') === 'shadow') $('policy').value = 'shadow';
if (params.get('policy') === 'pasted' && params.has('yaml')) {
  $('yaml').value = params.get('yaml');
  $('policy').value = 'pasted';
  $('editor').open = true;
}
$('share').value = shareLink();
if (params.has('text')) {
  $('text').value = params.get('text');
  $('share').value = shareLink();
  run();
}
)js";

}  // namespace

PlaygroundPageParts playground_page_parts() { return {kHead, kStyle, kBody, kScript}; }

}  // namespace switchyard::proxy
