// Pseudonymization with the official SDKs (issue 18): the shipped default policy pseudonymizes the
// e-mail address, the phone number and the name; the vendors echo what they received, a few
// characters per stream event, so the placeholders they saw come back cut between events. Each SDK
// must get back exactly the text it sent, in text and in tool call arguments, streaming or not,
// translated or not, while no vendor ever receives a value and the audit log holds none.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import Anthropic from '@anthropic-ai/sdk';
import OpenAI from 'openai';
import { outcomeFor, receivedText, startFakeUpstream, startProxy } from './support.mjs';

const TEXT = 'Name: Jane Roe\nPlease write to jane.roe@brightwater-logistics.com or call +44 20 7946 0958 about invoice 4411.';
const VALUES = ['Jane Roe', 'jane.roe@brightwater-logistics.com', '+44 20 7946 0958'];
const KEY = 'e2e-pseudonym-key-0123456789abcdef';

let internal, openaiVendor, anthropicVendor, proxy, crossProxy;

before(async () => {
  internal = await startFakeUpstream('openai', 'internal', { echo: 3 });
  openaiVendor = await startFakeUpstream('openai', 'openai-vendor', { echo: 3 });
  anthropicVendor = await startFakeUpstream('anthropic', 'anthropic-vendor', { echo: 3 });
  const upstreams = [
    { name: 'local', api: 'openai', trust: 'internal', baseUrl: internal.baseUrl },
    { name: 'openai', api: 'openai', trust: 'vendor', baseUrl: openaiVendor.baseUrl },
    { name: 'anthropic', api: 'anthropic', trust: 'vendor', baseUrl: anthropicVendor.baseUrl },
  ];
  const policy = path.join(process.env.SWITCHYARD_SOURCE_DIR, 'policies/packs/default.yaml');
  const env = { SWITCHYARD_PSEUDONYM_KEY: KEY };
  proxy = await startProxy({ upstreams, policy, env, routes: { internal: 'local', openai: 'openai', anthropic: 'anthropic' } });
  crossProxy = await startProxy({ upstreams, policy, env, routes: { internal: 'local', openai: 'anthropic', anthropic: 'openai' } });
});

after(async () => {
  await proxy?.stop();
  await crossProxy?.stop();
  for (const u of [internal, openaiVendor, anthropicVendor]) await u?.close();
});

const chatTool = { type: 'function', function: { name: 'echo', description: 'Repeat the text',
  parameters: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } } };
const messagesTool = { name: 'echo', description: 'Repeat the text',
  input_schema: { type: 'object', properties: { text: { type: 'string' } }, required: ['text'] } };

// What the vendor received: placeholders of each type, never a value.
function assertVendorSawPlaceholders(vendor) {
  const seen = vendor.requests.at(-1);
  for (const value of VALUES) assert.ok(!seen.body.includes(value), `the vendor received ${value}`);
  const text = receivedText(seen.json);
  assert.match(text, /^Name: PERSON-NAME-[0-9a-f]{6}\nPlease write to EMAIL-[0-9a-f]{6} or call PHONE-[0-9a-f]{6} about invoice 4411\.$/);
}

async function assertAudited(p, requestId) {
  const { decision, outcome } = await outcomeFor(p, requestId);
  assert.equal(decision.handling, 'pseudonymize');
  assert.equal(decision.route, 'vendor');
  assert.equal(decision.pseudonymized, 3);
  const counted = Object.fromEntries(decision.rules.filter((r) => r.pseudonymized).map((r) => [r.id, r.pseudonymized]));
  assert.equal(counted['pii.email'], 1);
  assert.equal(counted['pii.person-name'], 1);
  assert.equal(outcome.status, 200);
  const log = readFileSync(path.join(p.dir, 'audit', 'audit.jsonl'), 'utf8');
  for (const value of VALUES) assert.ok(!log.includes(value), `the audit log holds ${value}`);
  assert.ok(!/EMAIL-[0-9a-f]{6}/.test(log), 'the audit log holds a placeholder');
}

describe('OpenAI SDK', () => {
  const client = (p) => new OpenAI({ baseURL: `${p.url}/v1`, apiKey: 'sk-client', maxRetries: 0 });

  test('chat completion with a tool call gets its values back', async () => {
    const { data, response } = await client(proxy).chat.completions.create({ model: 'gpt-4o',
      tools: [chatTool], messages: [{ role: 'user', content: TEXT }] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'vendor');
    assert.equal(data.choices[0].message.content, TEXT);
    assert.equal(JSON.parse(data.choices[0].message.tool_calls[0].function.arguments).text, TEXT);
    assertVendorSawPlaceholders(openaiVendor);
    await assertAudited(proxy, response.headers.get('x-switchyard-request-id'));
  });

  test('streamed chat completion, placeholders cut between chunks', async () => {
    for (const p of [proxy, crossProxy]) {
      const stream = client(p).chat.completions.stream({ model: 'gpt-4o', tools: [chatTool],
        messages: [{ role: 'user', content: TEXT }] });
      let text = '';
      stream.on('content', (delta) => { text += delta; });
      const final = await stream.finalChatCompletion();
      assert.equal(text, TEXT);
      assert.equal(final.choices[0].message.content, TEXT);
      assert.equal(JSON.parse(final.choices[0].message.tool_calls[0].function.arguments).text, TEXT);
      assertVendorSawPlaceholders(p === proxy ? openaiVendor : anthropicVendor);
    }
  });

  test('Responses API, streaming and not', async () => {
    const input = { model: 'gpt-4o', input: TEXT, tools: [{ type: 'function', ...chatTool.function }] };
    const plain = await client(proxy).responses.create(input);
    assert.equal(plain.output_text, TEXT);
    assert.equal(JSON.parse(plain.output.find((o) => o.type === 'function_call').arguments).text, TEXT);
    const stream = client(proxy).responses.stream(input);
    let deltas = '';
    stream.on('response.output_text.delta', (e) => { deltas += e.delta; });
    const final = await stream.finalResponse();
    assert.equal(deltas, TEXT);
    assert.equal(final.output.find((o) => o.type === 'message').content[0].text, TEXT);
    assert.equal(JSON.parse(final.output.find((o) => o.type === 'function_call').arguments).text, TEXT);
    assertVendorSawPlaceholders(openaiVendor);
  });
});

describe('Anthropic SDK', () => {
  const client = (p) => new Anthropic({ baseURL: p.url, apiKey: 'sk-ant-client', maxRetries: 0 });

  test('message with a tool use gets its values back', async () => {
    const { data, response } = await client(proxy).messages.create({ model: 'claude-sonnet-4', max_tokens: 256,
      tools: [messagesTool], messages: [{ role: 'user', content: TEXT }] }).withResponse();
    assert.equal(data.content[0].text, TEXT);
    assert.equal(data.content.find((b) => b.type === 'tool_use').input.text, TEXT);
    assertVendorSawPlaceholders(anthropicVendor);
    await assertAudited(proxy, response.headers.get('x-switchyard-request-id'));
  });

  test('streamed message, same API and translated', async () => {
    for (const p of [proxy, crossProxy]) {
      const stream = client(p).messages.stream({ model: 'claude-sonnet-4', max_tokens: 256,
        tools: [messagesTool], messages: [{ role: 'user', content: TEXT }] });
      let text = '';
      stream.on('text', (t) => { text += t; });
      const final = await stream.finalMessage();
      assert.equal(text, TEXT);
      assert.equal(final.content.find((b) => b.type === 'tool_use').input.text, TEXT);
      assertVendorSawPlaceholders(p === proxy ? anthropicVendor : openaiVendor);
    }
  });

  test('the internal route gets the real values', async () => {
    const sensitive = `${TEXT} Card 4539 1488 0343 6467.`;
    const { data, response } = await client(proxy).messages.create({ model: 'claude-sonnet-4', max_tokens: 64,
      messages: [{ role: 'user', content: sensitive }] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'internal');
    assert.equal(data.content[0].text, sensitive);
    assert.equal(receivedText(internal.requests.at(-1).json), sensitive);
  });
});
