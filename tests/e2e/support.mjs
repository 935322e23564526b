// Test support for the end-to-end suite: fake upstream model servers (OpenAI-style and
// Anthropic-style, recording what reached them) and a real `switchyard serve` child process.
// Everything binds 127.0.0.1 port 0.
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, readFileSync, existsSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const binary = process.env.SWITCHYARD_BINARY;

// A fake model server. `kind` is 'openai' or 'anthropic'. Every request is recorded; replies are
// built from the request so tests can tell which server answered. With `echo`, the server repeats
// the last user text it received (and calls the request's first tool with {"text": that text}),
// streaming `echo` characters per event.
export async function startFakeUpstream(kind, name, { echo = 0 } = {}) {
  const requests = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c) => { body += c; });
    req.on('end', () => {
      let json = null;
      try { json = JSON.parse(body); } catch { /* recorded as text */ }
      requests.push({ method: req.method, url: req.url, headers: req.headers, body, json });
      try {
        // A prompt containing UPSTREAM400 makes the upstream refuse it, in its own error format.
        if (json && typeof json === 'object' && body.includes('UPSTREAM400')) {
          upstreamError(kind, res);
          return;
        }
        if (echo) echoReply(req, json, res, echo);
        else if (kind === 'openai') openaiReply(name, req, json, res);
        else anthropicReply(name, req, json, res);
      } catch (e) {
        res.writeHead(500, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ error: { message: String(e), type: 'server_error' } }));
      }
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const port = server.address().port;
  return {
    name, kind, requests, port,
    baseUrl: kind === 'openai' ? `http://127.0.0.1:${port}/v1` : `http://127.0.0.1:${port}`,
    close: () => new Promise((r) => server.close(r)),
  };
}

function upstreamError(kind, res) {
  res.writeHead(400, { 'content-type': 'application/json' });
  res.end(JSON.stringify(kind === 'openai'
    ? { error: { message: 'upstream refused: bad temperature', type: 'invalid_request_error', param: 'temperature', code: null } }
    : { type: 'error', error: { type: 'invalid_request_error', message: 'upstream refused: bad temperature' } }));
}

function sse(res, events, named) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events) {
    if (named) res.write(`event: ${e.type}\n`);
    res.write(`data: ${JSON.stringify(e)}\n\n`);
  }
  if (!named) res.write('data: [DONE]\n\n');
  res.end();
}

// The last user text of a request as received: chat/messages `messages`, Responses `input`.
export function receivedText(json) {
  if (typeof json.input === 'string') return json.input;
  if (Array.isArray(json.input)) return lastUserText(json.input);
  return lastUserText((json.messages ?? []).filter((m) => m.role === 'user'));
}

function cut(text, n) {
  const out = [];
  for (let i = 0; i < text.length; i += n) out.push(text.slice(i, i + n));
  return out.length ? out : [''];
}

function echoReply(req, json, res, n) {
  const text = receivedText(json);
  const tools = Array.isArray(json.tools) && json.tools.length > 0;
  const args = JSON.stringify({ text });
  const url = req.url;
  if (url.endsWith('/chat/completions')) {
    const base = { id: 'chatcmpl-echo', object: 'chat.completion.chunk', created: 1, model: json.model };
    const toolCall = { id: 'call_1', type: 'function', function: { name: tools ? json.tools[0].function.name : '', arguments: args } };
    if (!json.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0,
        message: { role: 'assistant', content: text, ...(tools ? { tool_calls: [toolCall] } : {}) },
        finish_reason: tools ? 'tool_calls' : 'stop' }], usage: { prompt_tokens: 5, completion_tokens: 5, total_tokens: 10 } }));
      return;
    }
    const events = [{ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }];
    for (const piece of cut(text, n)) events.push({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
    if (tools) {
      events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, ...toolCall, function: { name: toolCall.function.name, arguments: '' } }] }, finish_reason: null }] });
      for (const piece of cut(args, n)) {
        events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: piece } }] }, finish_reason: null }] });
      }
    }
    events.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: tools ? 'tool_calls' : 'stop' }] });
    sse(res, events, false);
    return;
  }
  if (url.endsWith('/responses')) {
    const output = [{ type: 'message', id: 'msg_echo', status: 'completed', role: 'assistant',
      content: [{ type: 'output_text', text, annotations: [] }] }];
    if (tools) output.push({ type: 'function_call', id: 'fc_echo', call_id: 'call_1', name: json.tools[0].name, arguments: args, status: 'completed' });
    const response = { id: `resp_echo_${Math.floor(Math.random() * 1e9)}`, object: 'response', created_at: 1,
      status: 'completed', model: json.model, output, usage: { input_tokens: 5, output_tokens: 5, total_tokens: 10 } };
    if (!json.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(response));
      return;
    }
    let seq = 0;
    const events = [{ type: 'response.created', sequence_number: seq++, response: { ...response, status: 'in_progress', output: [] } },
      { type: 'response.output_item.added', sequence_number: seq++, output_index: 0,
        item: { type: 'message', id: 'msg_echo', status: 'in_progress', role: 'assistant', content: [] } },
      { type: 'response.content_part.added', sequence_number: seq++, item_id: 'msg_echo', output_index: 0, content_index: 0,
        part: { type: 'output_text', text: '', annotations: [] } }];
    for (const piece of cut(text, n)) {
      events.push({ type: 'response.output_text.delta', sequence_number: seq++, item_id: 'msg_echo', output_index: 0, content_index: 0, delta: piece });
    }
    events.push({ type: 'response.output_text.done', sequence_number: seq++, item_id: 'msg_echo', output_index: 0, content_index: 0, text });
    events.push({ type: 'response.content_part.done', sequence_number: seq++, item_id: 'msg_echo', output_index: 0, content_index: 0,
      part: { type: 'output_text', text, annotations: [] } });
    events.push({ type: 'response.output_item.done', sequence_number: seq++, output_index: 0, item: output[0] });
    if (tools) {
      events.push({ type: 'response.output_item.added', sequence_number: seq++, output_index: 1, item: { ...output[1], arguments: '', status: 'in_progress' } });
      for (const piece of cut(args, n)) {
        events.push({ type: 'response.function_call_arguments.delta', sequence_number: seq++, item_id: 'fc_echo', output_index: 1, delta: piece });
      }
      events.push({ type: 'response.function_call_arguments.done', sequence_number: seq++, item_id: 'fc_echo', output_index: 1, arguments: args });
      events.push({ type: 'response.output_item.done', sequence_number: seq++, output_index: 1, item: output[1] });
    }
    events.push({ type: 'response.completed', sequence_number: seq++, response });
    sse(res, events, true);
    return;
  }
  if (url.startsWith('/v1/messages')) {
    const content = [{ type: 'text', text }];
    if (tools) content.push({ type: 'tool_use', id: 'toolu_echo', name: json.tools[0].name, input: { text } });
    const message = { id: 'msg_echo', type: 'message', role: 'assistant', model: json.model, content,
      stop_reason: tools ? 'tool_use' : 'end_turn', stop_sequence: null, usage: { input_tokens: 5, output_tokens: 5 } };
    if (!json.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(message));
      return;
    }
    const events = [{ type: 'message_start', message: { ...message, content: [], stop_reason: null } },
      { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } }];
    for (const piece of cut(text, n)) events.push({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
    events.push({ type: 'content_block_stop', index: 0 });
    if (tools) {
      events.push({ type: 'content_block_start', index: 1, content_block: { type: 'tool_use', id: 'toolu_echo', name: json.tools[0].name, input: {} } });
      for (const piece of cut(args, n)) events.push({ type: 'content_block_delta', index: 1, delta: { type: 'input_json_delta', partial_json: piece } });
      events.push({ type: 'content_block_stop', index: 1 });
    }
    events.push({ type: 'message_delta', delta: { stop_reason: message.stop_reason, stop_sequence: null }, usage: { output_tokens: 5 } });
    events.push({ type: 'message_stop' });
    sse(res, events, true);
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
}

function lastUserText(messages) {
  for (let i = messages.length - 1; i >= 0; --i) {
    const m = messages[i];
    if (typeof m.content === 'string') return m.content;
    if (Array.isArray(m.content)) {
      const t = m.content.find((p) => p.type === 'text' || p.type === 'input_text');
      if (t) return t.text;
    }
  }
  return '';
}

function openaiReply(name, req, json, res) {
  const url = req.url;
  if (url.endsWith('/chat/completions')) {
    const wantsTool = Array.isArray(json.tools) && json.tools.length > 0 &&
      !json.messages.some((m) => m.role === 'tool');
    const text = `${name} says hello`;
    const usage = { prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 };
    if (!json.stream) {
      const message = wantsTool
        ? { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function',
            function: { name: json.tools[0].function.name, arguments: '{"city":"Paris"}' } }] }
        : { role: 'assistant', content: text };
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'chatcmpl-1', object: 'chat.completion', created: 1, model: json.model,
        choices: [{ index: 0, message, finish_reason: wantsTool ? 'tool_calls' : 'stop' }], usage }));
      return;
    }
    const base = { id: 'chatcmpl-1', object: 'chat.completion.chunk', created: 1, model: json.model };
    const events = [{ ...base, choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] }];
    if (wantsTool) {
      events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, id: 'call_1', type: 'function',
        function: { name: json.tools[0].function.name, arguments: '' } }] }, finish_reason: null }] });
      events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '{"city":' } }] }, finish_reason: null }] });
      events.push({ ...base, choices: [{ index: 0, delta: { tool_calls: [{ index: 0, function: { arguments: '"Paris"}' } }] }, finish_reason: null }] });
      events.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'tool_calls' }] });
    } else {
      for (const piece of [name, ' says', ' hello']) {
        events.push({ ...base, choices: [{ index: 0, delta: { content: piece }, finish_reason: null }] });
      }
      events.push({ ...base, choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] });
    }
    if (json.stream_options && json.stream_options.include_usage) events.push({ ...base, choices: [], usage });
    sse(res, events, false);
    return;
  }
  if (url.endsWith('/completions')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ id: 'cmpl-1', object: 'text_completion', created: 1, model: json.model,
      choices: [{ index: 0, text: `${name} completes`, finish_reason: 'stop', logprobs: null }],
      usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 } }));
    return;
  }
  if (url.endsWith('/embeddings')) {
    const inputs = Array.isArray(json.input) ? json.input : [json.input];
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ object: 'list', model: json.model,
      data: inputs.map((_, i) => ({ object: 'embedding', index: i, embedding: [0.1, 0.2, 0.3] })),
      usage: { prompt_tokens: 4, total_tokens: 4 } }));
    return;
  }
  if (url.endsWith('/responses')) {
    const id = `resp_${name}_${Math.floor(Math.random() * 1e9)}`;
    const text = `${name} responds`;
    const response = { id, object: 'response', created_at: 1, status: 'completed', model: json.model,
      output: [{ type: 'message', id: 'msg_1', status: 'completed', role: 'assistant',
        content: [{ type: 'output_text', text, annotations: [] }] }],
      usage: { input_tokens: 7, output_tokens: 2, total_tokens: 9 } };
    if (!json.stream) {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(response));
      return;
    }
    let seq = 0;
    const inProgress = { ...response, status: 'in_progress', output: [], usage: null };
    sse(res, [
      { type: 'response.created', sequence_number: seq++, response: inProgress },
      { type: 'response.output_item.added', sequence_number: seq++, output_index: 0,
        item: { type: 'message', id: 'msg_1', status: 'in_progress', role: 'assistant', content: [] } },
      { type: 'response.output_text.delta', sequence_number: seq++, item_id: 'msg_1', output_index: 0, content_index: 0, delta: text },
      { type: 'response.output_text.done', sequence_number: seq++, item_id: 'msg_1', output_index: 0, content_index: 0, text },
      { type: 'response.completed', sequence_number: seq++, response },
    ], true);
    return;
  }
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message: 'not found', type: 'invalid_request_error' } }));
}

function anthropicReply(name, req, json, res) {
  if (!req.url.startsWith('/v1/messages')) {
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ type: 'error', error: { type: 'not_found_error', message: 'not found' } }));
    return;
  }
  if (req.url.startsWith('/v1/messages/count_tokens')) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ input_tokens: 42 }));
    return;
  }
  const wantsTool = Array.isArray(json.tools) && json.tools.length > 0 &&
    !json.messages.some((m) => Array.isArray(m.content) && m.content.some((b) => b.type === 'tool_result'));
  const text = `${name} says hello`;
  const message = { id: 'msg_1', type: 'message', role: 'assistant', model: json.model,
    content: wantsTool ? [{ type: 'tool_use', id: 'toolu_1', name: json.tools[0].name, input: { city: 'Paris' } }]
      : [{ type: 'text', text }],
    stop_reason: wantsTool ? 'tool_use' : 'end_turn', stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 6 } };
  if (!json.stream) {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(message));
    return;
  }
  const events = [
    { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { input_tokens: 12, output_tokens: 1 } } },
  ];
  if (wantsTool) {
    events.push({ type: 'content_block_start', index: 0, content_block: { type: 'tool_use', id: 'toolu_1', name: json.tools[0].name, input: {} } });
    events.push({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '{"city":' } });
    events.push({ type: 'content_block_delta', index: 0, delta: { type: 'input_json_delta', partial_json: '"Paris"}' } });
  } else {
    events.push({ type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } });
    for (const piece of [name, ' says', ' hello']) {
      events.push({ type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: piece } });
    }
  }
  events.push({ type: 'content_block_stop', index: 0 });
  events.push({ type: 'message_delta', delta: { stop_reason: wantsTool ? 'tool_use' : 'end_turn', stop_sequence: null }, usage: { output_tokens: 6 } });
  events.push({ type: 'message_stop' });
  sse(res, events, true);
}

export const testPolicy = `policy: e2e-test
version: "1"
rules:
  - id: test.codename
    level: confidential
    category: codename
    keywords: ["Project Kestrel"]
  - id: test.redact
    level: internal
    category: ticket
    regex: 'REDACTME-[0-9]+'
    handling: redact
  - id: test.block
    level: restricted
    category: forbidden
    keywords: ["BLOCKME"]
    handling: block
tests:
  - text: "Project Kestrel launch"
    expect: internal
  - text: "hello"
    expect: vendor
`;

// Starts `switchyard serve` with a config built from the given upstreams. `routes` names them.
// `policy`: a policy file to use instead of the test policy; `env`: more environment variables.
export async function startProxy({ upstreams, routes, extra = '', policy = null, env = {} }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'switchyard-e2e-'));
  writeFileSync(path.join(dir, 'policy.yaml'), testPolicy);
  const ups = upstreams.map((u) => {
    let s = `  - name: ${u.name}\n    api: ${u.api}\n    trust: ${u.trust}\n`;
    if (u.baseUrl) s += `    base_url: ${u.baseUrl}\n`;
    if (u.apis) s += `    apis: [${u.apis.join(', ')}]\n`;
    if (u.models) s += `    models: ${JSON.stringify(u.models)}\n`;
    if (u.keyEnv) s += `    api_key_env: ${u.keyEnv}\n`;
    return s;
  }).join('');
  const config = `listen: 127.0.0.1:0
policy: ${policy ?? 'policy.yaml'}
upstreams:
${ups}routes:
  internal: ${routes.internal}
  vendor: { openai: ${routes.openai}, anthropic: ${routes.anthropic} }
${routes.fallback ? `  vendor_fallback: ${routes.fallback}\n` : ''}audit:
  path: audit/audit.jsonl
  fsync: batch
  hmac_key_env: SWITCHYARD_AUDIT_KEY
${extra}`;
  writeFileSync(path.join(dir, 'config.yaml'), config);
  const child = spawn(binary, ['serve', '--config', path.join(dir, 'config.yaml')], {
    env: { ...process.env, SWITCHYARD_AUDIT_KEY: 'e2e-audit-key', VENDOR_KEY: 'sk-vendor-injected', ...env },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  const port = await new Promise((resolve, reject) => {
    // An upper bound only: on the default pack the proxy runs the pack tests as it loads, which
    // took over 30 s under ASan+UBSan on a busy 2-core machine.
    const timer = setTimeout(() => reject(new Error(`proxy did not start:\n${stderr}`)), 180000);
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      for (const line of stderr.split('\n')) {
        if (!line.includes('switchyard serving')) continue;
        try {
          const listen = JSON.parse(line).listen;
          clearTimeout(timer);
          resolve(Number(listen.slice(listen.lastIndexOf(':') + 1)));
          return;
        } catch { /* partial line */ }
      }
    });
    child.on('exit', (code) => { clearTimeout(timer); reject(new Error(`proxy exited ${code}:\n${stderr}`)); });
  });
  const auditFile = path.join(dir, 'audit', 'audit.jsonl');
  return {
    port, dir, child,
    url: `http://127.0.0.1:${port}`,
    stderr: () => stderr,
    // The live file ends in zero-filled space (docs/audit.md): everything from the first NUL on is
    // not written yet.
    audit: () => (existsSync(auditFile) ? readFileSync(auditFile, 'utf8').replace(/\0[\s\S]*$/, '').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l)) : []),
    stop: () => new Promise((resolve) => {
      if (child.exitCode !== null) { resolve(child.exitCode); return; }
      child.on('exit', (code) => resolve(code));
      child.kill('SIGTERM');
    }),
  };
}

// Audit records for one request id, by event.
export function auditFor(proxy, requestId) {
  const records = proxy.audit().filter((r) => r.request_id === requestId);
  return { decision: records.find((r) => r.event === 'decision'), outcome: records.find((r) => r.event === 'outcome') };
}

// The outcome record is written when the reply (or stream) ends, asynchronously to the client
// seeing its last byte; the file is the only signal, so poll it with a deadline.
export async function outcomeFor(proxy, requestId, timeoutMs = 10000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = auditFor(proxy, requestId);
    if (found.outcome || Date.now() > deadline) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
}
