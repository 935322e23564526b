// The official `@anthropic-ai/sdk` and `openai` SDKs through translation (issue 5): Anthropic
// Messages plain and streaming with tool use to an OpenAI-style internal model, OpenAI chat to an
// Anthropic-style vendor, and the Responses API plain and streaming.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { auditFor, startFakeUpstream, startProxy } from './support.mjs';

let internal, openaiVendor, anthropicVendor, proxy, crossProxy;

before(async () => {
  internal = await startFakeUpstream('openai', 'internal');          // speaks only OpenAI
  openaiVendor = await startFakeUpstream('openai', 'vendor');
  anthropicVendor = await startFakeUpstream('anthropic', 'claude');
  const upstreams = [
    { name: 'local', api: 'openai', trust: 'internal', baseUrl: internal.baseUrl, models: { '*': 'qwen-local' } },
    { name: 'openai', api: 'openai', trust: 'vendor', baseUrl: openaiVendor.baseUrl },
    { name: 'anthropic', api: 'anthropic', trust: 'vendor', baseUrl: anthropicVendor.baseUrl },
  ];
  proxy = await startProxy({ upstreams, routes: { internal: 'local', openai: 'openai', anthropic: 'anthropic' } });
  // Same upstreams, but OpenAI clients' general traffic goes to Claude.
  crossProxy = await startProxy({ upstreams, routes: { internal: 'local', openai: 'anthropic', anthropic: 'anthropic' } });
});

after(async () => {
  await proxy?.stop();
  await crossProxy?.stop();
  await internal?.close();
  await openaiVendor?.close();
  await anthropicVendor?.close();
});

const weatherTool = { name: 'get_weather', description: 'Weather for a city',
  input_schema: { type: 'object', properties: { city: { type: 'string' } }, required: ['city'] } };

describe('Anthropic Messages', () => {
  const anthropic = () => new Anthropic({ baseURL: proxy.url, apiKey: 'sk-ant-client', maxRetries: 0 });

  test('clean message goes to the Anthropic vendor unchanged', async () => {
    const n = anthropicVendor.requests.length;
    const { data, response } = await anthropic().messages.create({ model: 'claude-sonnet-5', max_tokens: 64,
      system: 'Be brief', messages: [{ role: 'user', content: 'Hello there' }] }).withResponse();
    assert.equal(data.content[0].text, 'claude says hello');
    assert.equal(response.headers.get('x-switchyard-route'), 'vendor');
    assert.equal(anthropicVendor.requests.length, n + 1);
    const seen = anthropicVendor.requests.at(-1);
    assert.equal(seen.headers['x-api-key'], 'sk-ant-client');
    assert.ok(seen.headers['anthropic-version']);
  });

  test('anthropic-beta is forwarded; Authorization: Bearer is accepted on the way in', async () => {
    const bearer = new Anthropic({ baseURL: proxy.url, apiKey: null, authToken: 'sk-ant-bearer', maxRetries: 0,
      defaultHeaders: { 'anthropic-beta': 'e2e-feature-2026-01-01' } });
    const res = await bearer.messages.create({ model: 'claude-sonnet-5', max_tokens: 16,
      messages: [{ role: 'user', content: 'Hi' }] });
    assert.equal(res.content[0].text, 'claude says hello');
    const seen = anthropicVendor.requests.at(-1).headers;
    assert.equal(seen['anthropic-beta'], 'e2e-feature-2026-01-01');
    assert.ok(seen['x-api-key'] === 'sk-ant-bearer' || seen.authorization === 'Bearer sk-ant-bearer',
      'the client key reaches the vendor');
  });

  test('count_tokens: clean to the vendor; an internal target that cannot count says so', async () => {
    const n = { vendor: anthropicVendor.requests.length, internal: internal.requests.length };
    const clean = await anthropic().messages.countTokens({ model: 'claude-sonnet-5',
      messages: [{ role: 'user', content: 'Hello there' }] });
    assert.equal(clean.input_tokens, 42);
    assert.ok(anthropicVendor.requests.at(-1).url.startsWith('/v1/messages/count_tokens'));
    await assert.rejects(anthropic().messages.countTokens({ model: 'claude-sonnet-5',
      messages: [{ role: 'user', content: 'Project Kestrel sizing' }] }),
    (err) => err instanceof Anthropic.APIError && err.status >= 400 && err.error?.type === 'error' &&
      typeof err.error?.error?.message === 'string');
    assert.equal(anthropicVendor.requests.length, n.vendor + 1, 'the sensitive count never reaches the vendor');
  });

  test('sensitive message is translated to the OpenAI-only internal model', async () => {
    const before = { vendor: anthropicVendor.requests.length, internal: internal.requests.length };
    const { data, response } = await anthropic().messages.create({ model: 'claude-sonnet-5', max_tokens: 64,
      messages: [{ role: 'user', content: 'Plan the Project Kestrel rollout' }] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'internal');
    assert.equal(data.type, 'message');
    assert.equal(data.content[0].type, 'text');
    assert.equal(data.content[0].text, 'internal says hello');
    assert.equal(anthropicVendor.requests.length, before.vendor);
    const seen = internal.requests.at(-1);
    assert.ok(seen.url.endsWith('/chat/completions'));
    assert.equal(seen.json.model, 'qwen-local');
    assert.equal(seen.headers['x-api-key'], undefined);
    assert.equal(seen.headers.authorization, undefined);
  });

  test('streaming with tool use through translation', async () => {
    const stream = anthropic().messages.stream({ model: 'claude-sonnet-5', max_tokens: 128,
      tools: [weatherTool], messages: [{ role: 'user', content: 'Project Kestrel site weather?' }] });
    const final = await stream.finalMessage();
    assert.equal(final.stop_reason, 'tool_use');
    const block = final.content.find((b) => b.type === 'tool_use');
    assert.equal(block.name, 'get_weather');
    assert.deepEqual(block.input, { city: 'Paris' });

    // Second turn: the tool result goes back, still internal, and text streams back.
    const stream2 = anthropic().messages.stream({ model: 'claude-sonnet-5', max_tokens: 128, tools: [weatherTool],
      messages: [
        { role: 'user', content: 'Project Kestrel site weather?' },
        { role: 'assistant', content: final.content },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: block.id, content: 'sunny, 21C' }] },
      ] });
    let text = '';
    stream2.on('text', (t) => { text += t; });
    const final2 = await stream2.finalMessage();
    assert.equal(text, 'internal says hello');
    assert.equal(final2.stop_reason, 'end_turn');
    const seen = internal.requests.at(-1).json;
    assert.ok(seen.messages.some((m) => m.role === 'tool' && m.content.includes('sunny')));
  });

  test('translated stream: event order and usage exactly as the Messages API sends them', async () => {
    const stream = await anthropic().messages.create({ model: 'claude-sonnet-5', max_tokens: 64, stream: true,
      messages: [{ role: 'user', content: 'Project Kestrel summary' }] });
    const events = [];
    for await (const event of stream) if (event.type !== 'ping') events.push(event);
    const types = events.map((e) => e.type);
    assert.equal(types[0], 'message_start', types.join());
    assert.equal(types.at(-1), 'message_stop', types.join());
    assert.equal(types.at(-2), 'message_delta', types.join());
    assert.equal(events[0].message.role, 'assistant');
    assert.deepEqual(events[0].message.content, []);
    const starts = events.filter((e) => e.type === 'content_block_start');
    assert.deepEqual(starts.map((e) => e.index), [0]);
    assert.ok(events.filter((e) => e.type === 'content_block_delta').every((e) => e.index === 0));
    assert.equal(types.filter((t) => t === 'content_block_stop').length, 1);
    const delta = events.at(-2);
    assert.equal(delta.delta.stop_reason, 'end_turn');
    assert.equal(typeof delta.usage.output_tokens, 'number');
  });

  test('a secret inside a tool_result routes internally', async () => {
    const before = anthropicVendor.requests.length;
    const { response } = await anthropic().messages.create({ model: 'claude-sonnet-5', max_tokens: 64, tools: [weatherTool],
      messages: [
        { role: 'user', content: 'weather?' },
        { role: 'assistant', content: [{ type: 'tool_use', id: 'toolu_9', name: 'get_weather', input: { city: 'Oslo' } }] },
        { role: 'user', content: [{ type: 'tool_result', tool_use_id: 'toolu_9', content: [{ type: 'text', text: 'Project Kestrel office' }] }] },
      ] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'internal');
    assert.equal(anthropicVendor.requests.length, before);
  });

  test('blocked message is a PermissionDeniedError in Anthropic format', async () => {
    await assert.rejects(anthropic().messages.create({ model: 'claude-sonnet-5', max_tokens: 8,
      messages: [{ role: 'user', content: 'BLOCKME' }] }),
    (err) => err instanceof Anthropic.PermissionDeniedError && err.status === 403 &&
      err.error?.type === 'error' && err.error?.error?.type === 'permission_error');
  });
});

describe('OpenAI chat to an Anthropic-style vendor', () => {
  const openai = () => new OpenAI({ baseURL: `${crossProxy.url}/v1`, apiKey: 'sk-client', maxRetries: 0 });

  test('plain', async () => {
    const n = anthropicVendor.requests.length;
    const res = await openai().chat.completions.create({ model: 'claude-sonnet-5',
      messages: [{ role: 'system', content: 'Be brief' }, { role: 'user', content: 'Hello' }] });
    assert.equal(res.choices[0].message.content, 'claude says hello');
    assert.equal(res.choices[0].finish_reason, 'stop');
    assert.equal(anthropicVendor.requests.length, n + 1);
    const seen = anthropicVendor.requests.at(-1).json;
    assert.equal(seen.system, 'Be brief');
    assert.ok(seen.max_tokens > 0);
    const headers = anthropicVendor.requests.at(-1).headers;
    assert.equal(headers['anthropic-version'], '2023-06-01');
    assert.equal(headers['x-api-key'], 'sk-client', 'the client key, as Anthropic expects it');
  });

  test('an Anthropic vendor error becomes the OpenAI SDK error', async () => {
    await assert.rejects(openai().chat.completions.create({ model: 'claude-sonnet-5',
      messages: [{ role: 'user', content: 'UPSTREAM400 please' }] }),
    (err) => err instanceof OpenAI.BadRequestError && err.status === 400 && /bad temperature/.test(err.message));
  });

  test('streaming with tool calls', async () => {
    const stream = openai().chat.completions.stream({ model: 'claude-sonnet-5',
      tools: [{ type: 'function', function: { name: 'get_weather', parameters: weatherTool.input_schema } }],
      messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    const final = await stream.finalChatCompletion();
    assert.equal(final.choices[0].finish_reason, 'tool_calls');
    const call = final.choices[0].message.tool_calls[0];
    assert.equal(call.function.name, 'get_weather');
    assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });
  });
});

describe('OpenAI Responses', () => {
  const openai = () => new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'sk-client', maxRetries: 0 });

  test('plain: clean to the vendor, sensitive to the internal model', async () => {
    const clean = await openai().responses.create({ model: 'gpt-4o', input: 'Tell me a joke' });
    assert.equal(clean.output_text, 'vendor responds');
    const secret = await openai().responses.create({ model: 'gpt-4o', instructions: 'Project Kestrel context',
      input: 'Summarize' });
    assert.equal(secret.output_text, 'internal responds');
  });

  test('streaming', async () => {
    const stream = await openai().responses.create({ model: 'gpt-4o', input: 'Project Kestrel', stream: true });
    let text = '';
    let completed = false;
    for await (const event of stream) {
      if (event.type === 'response.output_text.delta') text += event.delta;
      if (event.type === 'response.completed') completed = true;
    }
    assert.equal(text, 'internal responds');
    assert.ok(completed);
  });

  test('a conversation started internally stays internal', async () => {
    const first = await openai().responses.create({ model: 'gpt-4o', input: 'Project Kestrel kickoff' });
    const n = openaiVendor.requests.length;
    const { data, response } = await openai().responses.create({ model: 'gpt-4o', input: 'and next steps?',
      previous_response_id: first.id }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'internal');
    assert.equal(data.output_text, 'internal responds');
    assert.equal(openaiVendor.requests.length, n);
  });

  test('a sensitive turn cannot continue a vendor-held conversation', async () => {
    const first = await openai().responses.create({ model: 'gpt-4o', input: 'Hello' });
    const n = { vendor: openaiVendor.requests.length, internal: internal.requests.length };
    await assert.rejects(openai().responses.create({ model: 'gpt-4o', input: 'Project Kestrel budget',
      previous_response_id: first.id }),
    (err) => err instanceof OpenAI.ConflictError && err.status === 409 && err.code === 'vendor_held_conversation');
    assert.equal(openaiVendor.requests.length, n.vendor);
    assert.equal(internal.requests.length, n.internal);
    const ok = await openai().responses.create({ model: 'gpt-4o', input: 'thanks', previous_response_id: first.id });
    assert.equal(ok.output_text, 'vendor responds');
  });
});
