/** The fake's own contract, so tests elsewhere can trust it. */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import Anthropic from '@anthropic-ai/sdk';
import { DEFAULT_MODELS, startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server.js';

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const get = (path: string, headers: Record<string, string> = { 'x-api-key': 'k' }) =>
  fetch(`${fake.url}${path}`, { headers });
const post = (path: string, body: unknown, headers: Record<string, string> = { 'x-api-key': 'k' }) =>
  fetch(`${fake.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });

describe('GET /v1/models', () => {
  it('pages like the API, newest first, without retired models', async () => {
    const first = (await (await get('/v1/models?limit=3')).json()) as Record<string, unknown>;
    expect(first).toMatchObject({ has_more: true, first_id: DEFAULT_MODELS[0]?.id, last_id: DEFAULT_MODELS[2]?.id });
    const rest = (await (await get(`/v1/models?limit=100&after_id=${DEFAULT_MODELS[2]?.id}`)).json()) as {
      data: Array<{ id: string; lifecycle: string; type: string }>;
      has_more: boolean;
    };
    expect(rest.has_more).toBe(false);
    expect(rest.data.every((m) => m.lifecycle !== 'retired' && m.type === 'model')).toBe(true);
    expect(rest.data).toHaveLength(DEFAULT_MODELS.length - 1 - 3);
  });

  it('lists retired models only when asked', async () => {
    const body = (await (await get('/v1/models?lifecycle=retired')).json()) as { data: Array<{ id: string }> };
    expect(body.data.map((m) => m.id)).toEqual(['claude-3-5-haiku-20241022']);
  });

  it('has a catalogue with each line in several versions, one deprecated', () => {
    for (const line of ['haiku', 'sonnet', 'opus']) {
      const versions = DEFAULT_MODELS.filter((m) => m.line === line);
      expect(versions.length).toBeGreaterThanOrEqual(2);
      expect(versions.some((m) => m.lifecycle === 'deprecated')).toBe(true);
      expect(versions.every((m) => m.max_input_tokens && m.max_tokens)).toBe(true);
    }
  });

  it('answers 404 in plain text when switched off, like a gateway', async () => {
    fake.setEndpoint('models', 'missing');
    const response = await get('/v1/models');
    expect(response.status).toBe(404);
    expect(await response.text()).toBe('Not Found');
    fake.setEndpoint('models', 'on');
  });
});

describe('requests are recorded without secrets', () => {
  it('notes which auth header was used', async () => {
    await get('/v1/models', { 'x-api-key': 'secret-a' });
    await get('/v1/models', { authorization: 'Bearer secret-b' });
    expect(await get('/v1/models', {}).then((r) => r.status)).toBe(401);
    expect(fake.requests.map((r) => r.auth)).toEqual(['x-api-key', 'bearer', 'none']);
    expect(JSON.stringify(fake.requests)).not.toMatch(/secret-/);
  });
});

describe('POST /v1/messages/count_tokens', () => {
  it('counts the JSON outputs schema like the tools', async () => {
    const schema = { type: 'object', additionalProperties: false, properties: {} };
    const body = {
      model: 'claude-haiku-5-5',
      system: 'abcd',
      messages: [{ role: 'user', content: 'efgh' }],
      output_config: { format: { type: 'json_schema', schema } },
    };
    const response = (await (await post('/v1/messages/count_tokens', body)).json()) as { input_tokens: number };
    expect(response.input_tokens).toBe(Math.ceil((8 + JSON.stringify(schema).length) / 4) + 10);
  });

  it('estimates ceil(chars / 4) + 10 over system, messages and tools', async () => {
    const tools = [{ name: 't', input_schema: { type: 'object' } }];
    const body = { model: 'claude-haiku-5-5', system: 'abcd', messages: [{ role: 'user', content: 'efgh' }], tools };
    const response = (await (await post('/v1/messages/count_tokens', body)).json()) as { input_tokens: number };
    expect(response.input_tokens).toBe(Math.ceil((8 + JSON.stringify(tools).length) / 4) + 10);
  });
});

describe('POST /v1/messages', () => {
  const sdk = () => new Anthropic({ apiKey: 'k', baseURL: fake.url, maxRetries: 0 });
  const params = {
    model: 'claude-haiku-5-5',
    max_tokens: 300,
    messages: [{ role: 'user' as const, content: 'hello' }],
    tools: [{ name: 'submit_review', input_schema: { type: 'object' as const } }],
    tool_choice: { type: 'tool' as const, name: 'submit_review' },
  };
  const { tools: _tools, tool_choice: _choice, ...noTools } = params;

  it('answers without streaming, with the scripted tool input and usage', async () => {
    fake.setRespond(() => ({ toolInput: { ok: true }, usage: { output_tokens: 7 } }));
    const message = await sdk().messages.create(params);
    expect(message.content).toEqual([
      expect.objectContaining({ type: 'tool_use', name: 'submit_review', input: { ok: true } }),
    ]);
    expect(message.stop_reason).toBe('tool_use');
    expect(message.usage).toMatchObject({ output_tokens: 7, cache_read_input_tokens: 0 });
  });

  it('streams text then tool input that the SDK assembles', async () => {
    fake.setRespond(() => ({ text: 'Thinking out loud. '.repeat(5), toolInput: { findings: [1, 2, 3] } }));
    const message = await sdk().messages.stream(params).finalMessage();
    expect(message.content.map((b) => b.type)).toEqual(['text', 'tool_use']);
    expect(message.content[1]).toMatchObject({ input: { findings: [1, 2, 3] } });
  });

  it('targets faults at one route, `times` times', async () => {
    fake.failNext({ status: 503, route: 'count_tokens', times: 2 });
    await sdk().messages.create(params);
    const counts = [
      await post('/v1/messages/count_tokens', params),
      await post('/v1/messages/count_tokens', params),
      await post('/v1/messages/count_tokens', params),
    ];
    expect(counts.map((r) => r.status)).toEqual([503, 503, 200]);
    expect(await counts[0]?.json()).toEqual({
      type: 'error',
      error: { type: 'api_error', message: expect.any(String) },
    });
  });

  it('answers JSON outputs with one text block of the scripted JSON, streamed as text deltas', async () => {
    const schema = { type: 'object', additionalProperties: false, properties: { findings: { type: 'array' } } };
    const json = { ...noTools, output_config: { format: { type: 'json_schema' as const, schema } } };
    fake.setRespond(() => ({ thinking: 'Let me see.', toolInput: { findings: [1, 2, 3] } }));
    const events: string[] = [];
    const stream = sdk().messages.stream(json);
    stream.on('streamEvent', (event) => {
      if (event.type === 'content_block_delta') events.push(event.delta.type);
    });
    const message = await stream.finalMessage();
    expect(message.content.map((b) => b.type)).toEqual(['thinking', 'text']);
    expect(message.content[1]).toMatchObject({ text: '{"findings":[1,2,3]}' });
    expect(message.stop_reason).toBe('end_turn');
    expect(events).toEqual(['thinking_delta', 'signature_delta', 'text_delta']);
    // Cut by max_tokens: the JSON text stops where the budget ends.
    fake.setRespond(() => ({ toolInput: { findings: Array.from({ length: 200 }, (_, i) => i) } }));
    const cut = await sdk().messages.create({ ...json, max_tokens: 20 });
    expect(cut.stop_reason).toBe('max_tokens');
    const text = cut.content[0]?.type === 'text' ? cut.content[0].text : '';
    expect(text.length).toBe((20 - 5) * 4);
    expect(text.startsWith('{"findings":[0,1,2')).toBe(true);
  });

  it('refuses forced tool use on Sonnet 5.5 and Opus 5.5, as the API does', async () => {
    for (const model of ['claude-sonnet-5-5', 'claude-opus-5-5']) {
      for (const path of ['/v1/messages', '/v1/messages/count_tokens']) {
        const response = await post(path, { ...params, model });
        expect(response.status).toBe(400);
        expect(await response.json()).toEqual({
          type: 'error',
          error: { type: 'invalid_request_error', message: expect.stringMatching(/forced tool use is not supported/) },
        });
      }
    }
    expect((await post('/v1/messages', { ...params, model: 'claude-sonnet-5' })).status).toBe(200);
  });

  it('refuses an object schema without additionalProperties: false', async () => {
    const loose = { ...noTools, output_config: { format: { type: 'json_schema', schema: { type: 'object' } } } };
    const response = await post('/v1/messages', loose);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toMatch(/additionalProperties/);
  });

  it('refuses what the API refuses', async () => {
    expect((await post('/v1/messages', { ...params, max_tokens: 0 })).status).toBe(400);
    expect((await post('/v1/messages', { ...params, tool_choice: { type: 'tool', name: 'other' } })).status).toBe(400);
    expect((await post('/v1/messages', { ...params, model: 'claude-3-5-haiku-20241022' })).status).toBe(404);
    const tooLong = { ...params, messages: [{ role: 'user', content: 'x'.repeat(4 * 200_001) }] };
    expect((await post('/v1/messages', tooLong)).status).toBe(400);
  });
});

describe('the 5.x models, as the API documents them', () => {
  const base = { max_tokens: 2_000, messages: [{ role: 'user', content: 'Hello' }] };
  const message = async (body: Record<string, unknown>) => {
    const res = await post('/v1/messages', { ...base, ...body });
    return { status: res.status, json: (await res.json()) as Record<string, unknown> };
  };

  it.each(['temperature', 'top_p', 'top_k'])('refuses %s on a 5.x model, accepts it on a 4.x one', async (key) => {
    const refused = await message({ model: 'claude-sonnet-5-5', [key]: 0.5 });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.json)).toContain(key);
    expect((await message({ model: 'claude-sonnet-4-5-20250929', [key]: 0.5 })).status).toBe(200);
  });

  it('refuses a manual thinking budget on 5.x models, and turning thinking off on Opus 5.5', async () => {
    const manual = { thinking: { type: 'enabled', budget_tokens: 1_024 } };
    expect((await message({ model: 'claude-haiku-5-5', ...manual })).status).toBe(400);
    expect((await message({ model: 'claude-sonnet-4-5-20250929', ...manual })).status).toBe(200);
    expect((await message({ model: 'claude-opus-5-5', thinking: { type: 'disabled' } })).status).toBe(400);
    expect((await message({ model: 'claude-sonnet-5-5', thinking: { type: 'disabled' } })).status).toBe(200);
  });

  it('accepts and records output_config.effort, and refuses a value the API does not know', async () => {
    expect((await message({ model: 'claude-sonnet-5-5', output_config: { effort: 'xhigh' } })).status).toBe(200);
    expect(fake.requestsTo('messages').at(-1)?.effort).toBe('xhigh');
    const bad = await message({ model: 'claude-sonnet-5-5', output_config: { effort: 'extreme' } });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.json)).toContain('output_config.effort');
    expect((await message({ model: 'claude-haiku-4-5-20251001', output_config: { effort: 'low' } })).status).toBe(400);
    expect(fake.requestsTo('messages').at(0)?.effort).toBe('xhigh');
  });

  it('Opus 5.5 always thinks: a thinking block first, its tokens in output_tokens and inside max_tokens', async () => {
    fake.setRespond(() => ({ text: 'Hi.' }));
    const low = await message({ model: 'claude-opus-5-5', output_config: { effort: 'low' } });
    const high = await message({ model: 'claude-opus-5-5', output_config: { effort: 'high' } });
    const types = (low.json.content as Array<{ type: string }>).map((b) => b.type);
    expect(types).toEqual(['thinking', 'text']);
    const out = (r: { json: Record<string, unknown> }) => (r.json.usage as { output_tokens: number }).output_tokens;
    expect(out(high)).toBeGreaterThan(out(low));
    expect(out(low)).toBeGreaterThanOrEqual(40);
    // Thinking shares max_tokens with the answer: a small max_tokens ends inside the thinking.
    const cut = await message({ model: 'claude-opus-5-5', max_tokens: 30, output_config: { effort: 'high' } });
    expect(cut.json.stop_reason).toBe('max_tokens');
    expect((cut.json.content as Array<{ type: string }>).map((b) => b.type)).toEqual(['thinking']);
    expect(out(cut)).toBe(30);
    // Other 5.x models think only when the script says so.
    const sonnet = await message({ model: 'claude-sonnet-5-5' });
    expect((sonnet.json.content as Array<{ type: string }>).map((b) => b.type)).toEqual(['text']);
  });
});
