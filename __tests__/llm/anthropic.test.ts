import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ModelRequest } from '../../src/ports.js';
import { createAnthropicModelClient } from '../../src/llm/anthropic.js';
import {
  DEFAULT_MODELS,
  estimateTokens,
  startFakeAnthropic,
  type FakeAnthropic,
  type FakeMessagesBody,
} from '../fakes/anthropic-server.js';

const API_KEY = 'sk-ant-api03-test-key';
const GATEWAY_TOKEN = 'gateway-token-123';

const finding = {
  type: 'object',
  additionalProperties: false,
  properties: { path: { type: 'string' }, line: { type: 'integer' }, title: { type: 'string' } },
  required: ['path', 'line', 'title'],
};
const schema = {
  type: 'object',
  additionalProperties: false,
  properties: { summary: { type: 'string' }, findings: { type: 'array', items: finding } },
  required: ['summary', 'findings'],
};

const request: ModelRequest = {
  model: 'claude-sonnet-5-5',
  system: [{ text: 'You review pull requests.' }, { text: 'Guidelines: be brief.', cache: true }],
  user: [{ text: 'diff --git a/x b/x\n+const a = 1;', cache: true }, { text: 'Review the diff above.' }],
  outputSchema: schema,
};

let fake: FakeAnthropic;

beforeAll(async () => {
  fake = await startFakeAnthropic({ credentials: { key: API_KEY, gateway: GATEWAY_TOKEN } });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.reset();
  fake.setEndpoint('models', 'on');
  fake.setEndpoint('countTokens', 'on');
  fake.setRespond(() => ({ toolInput: { summary: 'Adds a constant.', findings: [] } }));
});

const client = () => createAnthropicModelClient({ apiKey: API_KEY, baseUrl: fake.url });

describe('listModels', () => {
  it('follows every page and maps the catalogue', async () => {
    const paged = await startFakeAnthropic({ modelsPageSize: 2 });
    try {
      const models = await createAnthropicModelClient({ apiKey: 'k', baseUrl: paged.url }).listModels();
      const listed = DEFAULT_MODELS.filter((m) => m.lifecycle !== 'retired');
      expect(models?.map((m) => m.id)).toEqual(listed.map((m) => m.id));
      const pages = paged.requestsTo('models');
      expect(pages).toHaveLength(Math.ceil(listed.length / 2));
      expect(pages[1]?.query['after_id']).toBe(listed[1]?.id);
      expect(models?.find((m) => m.id === 'claude-haiku-5-5')).toEqual({
        id: 'claude-haiku-5-5',
        line: 'haiku',
        active: true,
        createdAt: '2026-05-20T00:00:00Z',
        maxInputTokens: 200_000,
        maxOutputTokens: 64_000,
      });
      expect(models?.find((m) => m.id === 'claude-sonnet-4-5-20250929')?.active).toBe(false);
      expect(models?.find((m) => m.id === 'claude-mythos-preview')?.line).toBeNull();
    } finally {
      await paged.close();
    }
  });

  it('returns null when a gateway has no Models API', async () => {
    fake.setEndpoint('models', 'missing');
    await expect(client().listModels()).resolves.toBeNull();
  });

  it.each([405, 501])('returns null on %i', async (status) => {
    fake.failNext({ status, route: 'models', times: 3, headers: { 'retry-after': '0.01' } });
    await expect(client().listModels()).resolves.toBeNull();
  });

  it('returns null when nothing listens (connection refused)', async () => {
    const gone = await startFakeAnthropic();
    const url = gone.url;
    await gone.close();
    const models = await createAnthropicModelClient({ apiKey: 'k', baseUrl: url, maxRetries: 0 }).listModels();
    expect(models).toBeNull();
  });

  it('returns null for an empty list', async () => {
    const empty = await startFakeAnthropic({ models: [] });
    try {
      await expect(createAnthropicModelClient({ apiKey: 'k', baseUrl: empty.url }).listModels()).resolves.toBeNull();
    } finally {
      await empty.close();
    }
  });

  it.each([401, 403])('propagates %i: the credential is bad', async (status) => {
    fake.failNext({ status, route: 'models' });
    await expect(client().listModels()).rejects.toMatchObject({ name: 'ModelError', status });
  });
});

describe('countTokens', () => {
  it('counts exactly what complete() sends', async () => {
    const counted = await client().countTokens(request);
    await client().complete(request, 20_000);
    const [countBody] = fake.requestsTo('count_tokens').map((r) => r.body as FakeMessagesBody);
    const [sentBody] = fake.requestsTo('messages').map((r) => r.body as FakeMessagesBody);
    expect(counted).toBe(estimateTokens(countBody ?? {}));
    const { max_tokens: _max, stream: _stream, ...sentWithoutOutput } = sentBody ?? {};
    expect(countBody).toEqual(sentWithoutOutput);
  });

  it('returns what the count hook says', async () => {
    fake.setCountTokens(() => 4242);
    await expect(client().countTokens(request)).resolves.toBe(4242);
    fake.setCountTokens(undefined);
  });

  it('returns null when the endpoint is missing', async () => {
    fake.setEndpoint('countTokens', 'missing');
    await expect(client().countTokens(request)).resolves.toBeNull();
  });

  it('throws for an unknown model instead of pretending the endpoint is missing', async () => {
    fake.failNext({
      status: 404,
      route: 'count_tokens',
      body: { type: 'error', error: { type: 'not_found_error', message: 'model: claude-nope' } },
    });
    await expect(client().countTokens({ ...request, model: 'claude-nope' })).rejects.toThrow(
      /model `claude-nope` not found: check the `model` input/,
    );
  });

  it('propagates other errors', async () => {
    fake.failNext({ status: 400, route: 'count_tokens' });
    await expect(client().countTokens(request)).rejects.toMatchObject({ kind: 'bad-request', status: 400 });
  });
});

describe('complete', () => {
  it('asks for JSON outputs (no tools), streams the JSON text and parses it, with usage', async () => {
    const reply = await client().complete(request, 2000);
    expect(reply.output).toEqual({ summary: 'Adds a constant.', findings: [] });
    expect(reply.stopReason).toBe('end_turn');
    const [sent] = fake.requestsTo('messages');
    const body = sent?.body as FakeMessagesBody;
    expect(body.stream).toBe(true);
    expect(body.max_tokens).toBe(2000);
    // Every request to a 5.x model carries an effort (medium when the caller gives none).
    expect(body.output_config).toEqual({ format: { type: 'json_schema', schema }, effort: 'medium' });
    expect(body).not.toHaveProperty('tools');
    expect(body).not.toHaveProperty('tool_choice');
    expect(reply.usage).toEqual({
      input: estimateTokens(body),
      output: expect.any(Number),
      cacheWrite: 0,
      cacheRead: 0,
    });
    expect(reply.usage.output).toBeGreaterThan(0);
  });

  it('puts cache_control on exactly the blocks marked `cache`', async () => {
    await client().complete(request, 500);
    const body = fake.requestsTo('messages')[0]?.body as FakeMessagesBody;
    expect(body.system).toEqual([
      { type: 'text', text: 'You review pull requests.' },
      { type: 'text', text: 'Guidelines: be brief.', cache_control: { type: 'ephemeral' } },
    ]);
    expect(body.messages).toEqual([
      {
        role: 'user',
        content: [
          { type: 'text', text: 'diff --git a/x b/x\n+const a = 1;', cache_control: { type: 'ephemeral' } },
          { type: 'text', text: 'Review the diff above.' },
        ],
      },
    ]);
  });

  it('reports cache writes, then cache reads, from the usage', async () => {
    const cached = await startFakeAnthropic({ minCacheTokens: 1 });
    try {
      const model = createAnthropicModelClient({ apiKey: 'k', baseUrl: cached.url });
      const first = await model.complete(request, 500);
      const second = await model.complete(request, 500);
      expect(first.usage.cacheWrite).toBeGreaterThan(0);
      expect(first.usage.cacheRead).toBe(0);
      expect(second.usage.cacheRead).toBe(first.usage.cacheWrite);
      expect(second.usage.input + second.usage.cacheRead).toBe(first.usage.input + first.usage.cacheWrite);
    } finally {
      await cached.close();
    }
  });

  it('returns null output when the model answers with text only', async () => {
    fake.setRespond(() => ({ text: 'I would rather not.' }));
    const reply = await client().complete(request, 500);
    expect(reply.output).toBeNull();
    expect(reply.stopReason).toBe('end_turn');
  });

  it('never reports more output than max_tokens, and says it was cut', async () => {
    fake.setRespond(() => ({ toolInput: { summary: 'x'.repeat(4000), findings: [] } }));
    const reply = await client().complete(request, 50);
    expect(reply.stopReason).toBe('max_tokens');
    expect(reply.usage.output).toBeLessThanOrEqual(50);
  });

  it('salvages the complete findings of a reply cut by max_tokens', async () => {
    const findings = Array.from({ length: 40 }, (_, i) => ({ path: `src/f${i}.ts`, line: i + 1, title: `Issue ${i}` }));
    const answer = { summary: 'Many problems.', findings };
    fake.setRespond(() => ({ toolInput: answer }));
    const maxTokens = 200;
    const reply = await client().complete(request, maxTokens);
    expect(reply.stopReason).toBe('max_tokens');
    const output = reply.output as { summary: string; findings: Array<Record<string, unknown>> };
    expect(output.summary).toBe('Many problems.');
    const whole = output.findings.filter((f) => Object.keys(f).length === 3);
    expect(whole.length).toBeGreaterThan(0);
    expect(whole.length).toBeLessThan(findings.length);
    expect(whole).toEqual(findings.slice(0, whole.length));
    // Only the last one may be cut short; nothing is invented.
    expect(output.findings.length - whole.length).toBeLessThanOrEqual(1);
  });

  it('ignores thinking blocks (adaptive thinking) and parses only the text', async () => {
    fake.setRespond(() => ({
      thinking: 'Let me look at {"summary": "not this", "findings": [',
      toolInput: { summary: 'Adds a constant.', findings: [] },
    }));
    const reply = await client().complete(request, 2000);
    expect(reply.output).toEqual({ summary: 'Adds a constant.', findings: [] });
    expect(reply.stopReason).toBe('end_turn');
  });

  it('returns null output when the reply is cut inside thinking, before any text', async () => {
    fake.setRespond(() => ({ thinking: 'hmm '.repeat(500), toolInput: { summary: 'late', findings: [] } }));
    const reply = await client().complete(request, 50);
    expect(reply.stopReason).toBe('max_tokens');
    expect(reply.output).toBeNull();
  });

  it('never sends a forced tool to Claude Sonnet 5.5 (the API refuses one with a 400)', async () => {
    const sonnet = { ...request, model: 'claude-sonnet-5-5' };
    await client().countTokens(sonnet);
    const reply = await client().complete(sonnet, 500);
    expect(reply.output).toEqual({ summary: 'Adds a constant.', findings: [] });
    const sent = [...fake.requestsTo('count_tokens'), ...fake.requestsTo('messages')];
    expect(sent).toHaveLength(2);
    for (const { body, status } of sent) {
      expect(status).toBe(200);
      expect(body).not.toHaveProperty('tool_choice');
      expect(body).not.toHaveProperty('tools');
      expect(body).toHaveProperty('output_config.format.type', 'json_schema');
    }
  });

  it('sends an API key, and a gateway token as a bearer token', async () => {
    await client().complete(request, 100);
    await createAnthropicModelClient({ authToken: GATEWAY_TOKEN, baseUrl: fake.url }).complete(request, 100);
    const [withKey, withToken] = fake.requestsTo('messages');
    // SDK 1.12 sends both kinds of credential as `Authorization: Bearer`.
    expect(withKey).toMatchObject({ auth: 'bearer', credential: 'key', status: 200 });
    expect(withToken).toMatchObject({ auth: 'bearer', credential: 'gateway', status: 200 });
    expect(JSON.stringify(fake.requests)).not.toContain(API_KEY);
    expect(JSON.stringify(fake.requests)).not.toContain(GATEWAY_TOKEN);
  });

  it('uses the API key when both are given', async () => {
    await createAnthropicModelClient({ apiKey: API_KEY, authToken: GATEWAY_TOKEN, baseUrl: fake.url }).complete(
      request,
      100,
    );
    expect(fake.requestsTo('messages')[0]?.credential).toBe('key');
  });

  it('refuses an OAuth subscription token before any request', () => {
    expect(() => createAnthropicModelClient({ apiKey: 'sk-ant-oat01-abc', baseUrl: fake.url })).toThrow(/bots or CI/);
    expect(fake.requests).toHaveLength(0);
  });
});
