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
