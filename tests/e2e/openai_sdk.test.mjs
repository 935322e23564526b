// The official `openai` npm SDK as the client (issue 4): chat plain and streaming with tool calls,
// completions, embeddings, redaction, and errors surfaced as the SDK's own exception types.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import OpenAI from 'openai';
import { auditFor, outcomeFor, startFakeUpstream, startProxy } from './support.mjs';

let internal, vendor, anthropicVendor, proxy, client;

before(async () => {
  internal = await startFakeUpstream('openai', 'internal');
  vendor = await startFakeUpstream('openai', 'vendor');
  anthropicVendor = await startFakeUpstream('anthropic', 'anthropic-vendor');
  proxy = await startProxy({
    upstreams: [
      { name: 'local', api: 'openai', trust: 'internal', baseUrl: internal.baseUrl,
        models: { 'kestrel-private': 'llama-kestrel', '*': 'llama-local' } },
      { name: 'openai', api: 'openai', trust: 'vendor', baseUrl: vendor.baseUrl },
      { name: 'anthropic', api: 'anthropic', trust: 'vendor', baseUrl: anthropicVendor.baseUrl },
    ],
    routes: { internal: 'local', openai: 'openai', anthropic: 'anthropic' },
  });
  client = new OpenAI({ baseURL: `${proxy.url}/v1`, apiKey: 'sk-client-key', maxRetries: 0 });
});

after(async () => {
  await proxy?.stop();
  await internal?.close();
  await vendor?.close();
  await anthropicVendor?.close();
});

const counts = () => ({ internal: internal.requests.length, vendor: vendor.requests.length });

describe('chat completions', () => {
  test('clean prompt goes to the vendor with the client key', async () => {
    const before = counts();
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'Summarize our public press release' }] })
      .withResponse();
    assert.equal(data.choices[0].message.content, 'vendor says hello');
    assert.equal(response.headers.get('x-switchyard-route'), 'vendor');
    assert.ok(response.headers.get('x-switchyard-request-id'));
    assert.ok(response.headers.get('x-switchyard-overhead-ms') !== null);
    assert.equal(vendor.requests.length, before.vendor + 1);
    assert.equal(internal.requests.length, before.internal);
    assert.equal(vendor.requests.at(-1).headers.authorization, 'Bearer sk-client-key');
    const { decision, outcome } = auditFor(proxy, response.headers.get('x-switchyard-request-id'));
    assert.equal(decision.handling, 'vendor');
    assert.equal(outcome.status, 200);
  });

  test('sensitive prompt goes to the internal model, renamed, without any key', async () => {
    const before = counts();
    const { data, response } = await client.chat.completions
      .create({ model: 'gpt-4o', messages: [{ role: 'system', content: 'Be brief' },
        { role: 'user', content: 'Draft the Project Kestrel launch memo' }] })
      .withResponse();
    assert.equal(data.choices[0].message.content, 'internal says hello');
    assert.equal(response.headers.get('x-switchyard-route'), 'internal');
    assert.equal(vendor.requests.length, before.vendor, 'nothing may reach the vendor');
    const seen = internal.requests.at(-1);
    assert.equal(seen.json.model, 'llama-local');
    assert.equal(seen.headers.authorization, undefined);
    const { decision } = auditFor(proxy, response.headers.get('x-switchyard-request-id'));
    assert.equal(decision.handling, 'internal');
    assert.ok(!JSON.stringify(decision).includes('Kestrel launch memo'), 'no prompt text in the audit');
  });

  test('streaming clean and sensitive, same text as non-streaming', async () => {
    for (const [prompt, who] of [['Write a haiku about autumn', 'vendor'], ['Project Kestrel status', 'internal']]) {
      const stream = await client.chat.completions.create({ model: 'gpt-4o', stream: true,
        messages: [{ role: 'user', content: prompt }] });
      let text = '';
      let usageChunks = 0;
      for await (const chunk of stream) {
        if (chunk.usage) usageChunks += 1;
        text += chunk.choices[0]?.delta?.content ?? '';
      }
      assert.equal(text, `${who} says hello`);
      assert.equal(usageChunks, 0, 'the client did not ask for usage');
    }
  });

  test('streamed usage: in the audit outcome always, to the client only when asked', async () => {
    const { data: quiet, response } = await client.chat.completions.create({ model: 'gpt-4o', stream: true,
      messages: [{ role: 'user', content: 'Count to three' }] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'vendor');
    assert.match(response.headers.get('content-type'), /^text\/event-stream/);
    for await (const chunk of quiet) assert.equal(chunk.usage ?? undefined, undefined);
    const { decision, outcome } = await outcomeFor(proxy, response.headers.get('x-switchyard-request-id'));
    assert.equal(decision.stream, true);
    assert.ok(outcome, 'an outcome record for the stream');
    assert.equal(outcome.status, 200);
    assert.equal(outcome.usage.input_tokens, 11);
    assert.equal(outcome.usage.output_tokens, 5);

    const asked = await client.chat.completions.create({ model: 'gpt-4o', stream: true,
      stream_options: { include_usage: true }, messages: [{ role: 'user', content: 'Count to three' }] });
    const usages = [];
    for await (const chunk of asked) if (chunk.usage) usages.push(chunk.usage);
    assert.deepEqual(usages, [{ prompt_tokens: 11, completion_tokens: 5, total_tokens: 16 }]);
  });

  test('streaming tool calls arrive as the SDK expects; tool arguments are classified', async () => {
    const tools = [{ type: 'function', function: { name: 'get_weather', description: 'Weather for a city',
      parameters: { type: 'object', properties: { city: { type: 'string' } } } } }];
    const stream = client.chat.completions.stream({ model: 'gpt-4o', tools,
      messages: [{ role: 'user', content: 'Weather in Paris?' }] });
    const final = await stream.finalChatCompletion();
    const call = final.choices[0].message.tool_calls[0];
    assert.equal(call.function.name, 'get_weather');
    assert.deepEqual(JSON.parse(call.function.arguments), { city: 'Paris' });

    // A secret hidden inside earlier tool-call arguments routes the whole request internally.
    const before = counts();
    const { response } = await client.chat.completions.create({ model: 'gpt-4o', tools, messages: [
      { role: 'user', content: 'Weather?' },
      { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function',
        function: { name: 'get_weather', arguments: '{"city":"Project Kestrel HQ"}' } }] },
      { role: 'tool', tool_call_id: 'call_1', content: 'sunny' },
    ] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'internal');
    assert.equal(vendor.requests.length, before.vendor);
  });

  test('redaction rewrites the matched span before the vendor sees it', async () => {
    const { response } = await client.chat.completions.create({ model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Close ticket REDACTME-4711 please' }] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'vendor');
    const seen = vendor.requests.at(-1).json.messages[0].content;
    assert.equal(seen, 'Close ticket [REDACTED:ticket] please');
  });

  test('blocked prompt is a PermissionDeniedError naming the rule', async () => {
    const before = counts();
    await assert.rejects(
      client.chat.completions.create({ model: 'gpt-4o', messages: [{ role: 'user', content: 'BLOCKME now' }] }),
      (err) => {
        assert.ok(err instanceof OpenAI.PermissionDeniedError, err.constructor.name);
        assert.equal(err.status, 403);
        assert.equal(err.code, 'policy_blocked');
        assert.match(err.message, /test\.block/);
        assert.ok(!err.message.includes('BLOCKME'), 'never the matched text');
        assert.equal(err.headers.get('x-switchyard-route'), 'blocked');
        return true;
      });
    assert.deepEqual(counts(), before);
  });
});

describe('internal-only models', () => {
  test('a model only the internal upstream lists goes internal even for a clean prompt', async () => {
    const before = counts();
    const { data, response } = await client.chat.completions.create({ model: 'kestrel-private',
      messages: [{ role: 'user', content: 'Say hi' }] }).withResponse();
    assert.equal(response.headers.get('x-switchyard-route'), 'internal');
    assert.equal(data.choices[0].message.content, 'internal says hello');
    assert.equal(internal.requests.at(-1).json.model, 'llama-kestrel');
    assert.equal(vendor.requests.length, before.vendor);
  });
});

describe('completions and embeddings', () => {
  test('completions route by policy', async () => {
    const clean = await client.completions.create({ model: 'gpt-3.5-turbo-instruct', prompt: 'Say hi' });
    assert.equal(clean.choices[0].text, 'vendor completes');
    const secret = await client.completions.create({ model: 'gpt-3.5-turbo-instruct',
      prompt: ['fine', 'Project Kestrel roadmap'] });
    assert.equal(secret.choices[0].text, 'internal completes');
  });

  test('embeddings route by policy', async () => {
    const before = counts();
    const res = await client.embeddings.create({ model: 'text-embedding-3-small',
      input: ['hello', 'Project Kestrel'] });
    assert.equal(res.data.length, 2);
    assert.equal(internal.requests.length, before.internal + 1);
    assert.equal(vendor.requests.length, before.vendor);
  });

  test('token-array input cannot be classified and is refused', async () => {
    const before = counts();
    await assert.rejects(client.embeddings.create({ model: 'text-embedding-3-small', input: [[1, 2, 3]] }),
      (err) => err instanceof OpenAI.BadRequestError);
    assert.deepEqual(counts(), before);
  });
});

describe('errors in OpenAI format', () => {
  test('malformed body is a BadRequestError', async () => {
    await assert.rejects(client.chat.completions.create({ model: 'gpt-4o', messages: 'not an array' }),
      (err) => err instanceof OpenAI.BadRequestError && err.status === 400);
  });

  test('unknown endpoint is a NotFoundError and is never passed through', async () => {
    const before = counts();
    await assert.rejects(client.post('/fine_tuning/jobs', { body: { model: 'x' } }),
      (err) => err instanceof OpenAI.NotFoundError);
    assert.deepEqual(counts(), before);
  });

  test('models list answers from configuration', async () => {
    const page = await client.models.list();
    assert.ok(Array.isArray(page.data));
    assert.ok(page.data.some((m) => m.id === 'kestrel-private'), JSON.stringify(page.data));
  });

  test('an upstream 400 reaches the client as the SDK error, with its message', async () => {
    await assert.rejects(client.chat.completions.create({ model: 'gpt-4o',
      messages: [{ role: 'user', content: 'UPSTREAM400 please' }] }),
    (err) => err instanceof OpenAI.BadRequestError && err.status === 400 && /bad temperature/.test(err.message));
  });
});

describe('fail closed', () => {
  test('internal model down: 503 internal_upstream_unavailable, vendor untouched', async () => {
    // The internal model is down: it drops every connection as soon as it is made. (A port found
    // free and closed again could be taken by a test running in parallel.)
    const { createServer } = await import('node:net');
    const dead = createServer((socket) => socket.destroy());
    await new Promise((resolve) => dead.listen(0, '127.0.0.1', resolve));
    const deadPort = dead.address().port;
    const vendor2 = await startFakeUpstream('openai', 'vendor2');
    const p2 = await startProxy({
      upstreams: [
        { name: 'local', api: 'openai', trust: 'internal', baseUrl: `http://127.0.0.1:${deadPort}/v1` },
        { name: 'openai', api: 'openai', trust: 'vendor', baseUrl: vendor2.baseUrl },
      ],
      routes: { internal: 'local', openai: 'openai', anthropic: 'openai' },
    });
    try {
      const c2 = new OpenAI({ baseURL: `${p2.url}/v1`, apiKey: 'k', maxRetries: 2 });
      await assert.rejects(c2.chat.completions.create({ model: 'gpt-4o',
        messages: [{ role: 'user', content: 'Project Kestrel numbers' }] }),
      (err) => err instanceof OpenAI.InternalServerError && err.status === 503 &&
        err.code === 'internal_upstream_unavailable');
      assert.equal(vendor2.requests.length, 0, 'sensitive content never reaches a vendor');
    } finally {
      await p2.stop();
      await vendor2.close();
      await new Promise((resolve) => dead.close(resolve));
    }
  });
});
