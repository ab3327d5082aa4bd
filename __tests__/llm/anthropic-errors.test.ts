import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ModelRequest } from '../../src/ports.js';
import { createAnthropicModelClient, ModelError } from '../../src/llm/anthropic.js';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server.js';

const API_KEY = 'sk-ant-api03-very-secret-key';
const TOKEN = 'gw-very-secret-token';
/** Retry-After in (fractional) seconds, as the SDK reads it; keeps the tests fast. */
const SHORT_WAIT = { 'retry-after': '0.01' };

const request: ModelRequest = {
  model: 'claude-opus-5-5',
  system: [{ text: 'You review pull requests.' }],
  user: [{ text: 'diff --git a/x b/x\n+x' }],
  outputSchema: { type: 'object', additionalProperties: false, properties: { summary: { type: 'string' } } },
};

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic({ credentials: { key: API_KEY, gateway: TOKEN } });
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const client = (maxRetries?: number) =>
  createAnthropicModelClient({
    apiKey: API_KEY,
    baseUrl: fake.url,
    ...(maxRetries !== undefined ? { maxRetries } : {}),
  });

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ModelError);
  const modelError = error as ModelError;
  // No credential in the message, nor anywhere else on the error.
  for (const secret of [API_KEY, TOKEN]) {
    expect(modelError.message).not.toContain(secret);
    expect(JSON.stringify({ ...modelError, message: modelError.message })).not.toContain(secret);
  }
  return modelError;
}

describe('retries are the SDK’s', () => {
  it('waits out a 429 with retry-after, then succeeds', async () => {
    fake.failNext({ status: 429, route: 'messages', headers: SHORT_WAIT });
    const reply = await client().complete(request, 200);
    expect(reply.output).toEqual({ summary: 'The change looks fine; no problems found.', findings: [] });
    const attempts = fake.requestsTo('messages');
    expect(attempts.map((r) => r.status)).toEqual([429, 200]);
    expect(attempts.map((r) => r.headers['x-stainless-retry-count'])).toEqual(['0', '1']);
  });

  it('gives up on 529 after the configured retries, with a helpful message', async () => {
    fake.failNext({ status: 529, route: 'messages', times: 10, headers: SHORT_WAIT });
    const error = await failure(client(3).complete(request, 200));
    expect(fake.requestsTo('messages')).toHaveLength(4);
    expect(error).toMatchObject({ kind: 'overloaded', status: 529, retries: 3 });
    expect(error.message).toMatch(/overloaded after 3 retries: try again later/);
  });

  it('reports a rate limit that outlasts the retries', async () => {
    fake.failNext({ status: 429, route: 'messages', times: 10, headers: SHORT_WAIT });
    const error = await failure(client(1).complete(request, 200));
    expect(error).toMatchObject({ kind: 'rate-limited', status: 429, retries: 1 });
    expect(error.message).toMatch(/rate limited after 1 retry/);
  });

  it('retries a 500 and succeeds', async () => {
    fake.failNext({ status: 500, route: 'count_tokens', headers: SHORT_WAIT });
    await expect(client().countTokens(request)).resolves.toEqual(expect.any(Number));
    expect(fake.requestsTo('count_tokens').map((r) => r.status)).toEqual([500, 200]);
  });
});

describe('errors say what to fix', () => {
  it('401 names the input that holds the credential', async () => {
    const bad = createAnthropicModelClient({ apiKey: 'sk-ant-api03-wrong', baseUrl: fake.url });
    const error = await failure(bad.complete(request, 200));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retries: 0 });
    expect(error.message).toMatch(/check the `anthropic-api-key` secret/);
    expect(error.message).not.toContain('sk-ant-api03-wrong');
  });

  it('401 with a gateway token names `anthropic-auth-token`', async () => {
    const bad = createAnthropicModelClient({ authToken: 'wrong-token', baseUrl: fake.url });
    const error = await failure(bad.countTokens(request));
    expect(error.message).toMatch(/check the `anthropic-auth-token` secret/);
  });

  it('404 on messages names the model and the input', async () => {
    const strict = await startFakeAnthropic({ rejectUnknownModels: true });
    try {
      const model = createAnthropicModelClient({ apiKey: API_KEY, baseUrl: strict.url });
      const error = await failure(model.complete({ ...request, model: 'claude-opus-9' }, 200));
      expect(error).toMatchObject({ kind: 'model-not-found', status: 404 });
      expect(error.message).toMatch(/model `claude-opus-9` not found: check the `model` input/);
    } finally {
      await strict.close();
    }
  });

  it('400 carries the API’s explanation', async () => {
    const error = await failure(client().complete(request, 999_999));
    expect(error).toMatchObject({ kind: 'bad-request', status: 400 });
    expect(error.message).toMatch(/maximum allowed number of output tokens/);
  });

  it('scrubs a credential that the server echoes back', async () => {
    fake.failNext({
      status: 403,
      body: {
        type: 'error',
        error: { type: 'permission_error', message: `key ${API_KEY} may not use this; also sk-ant-api03-other` },
      },
    });
    const error = await failure(client().complete(request, 200));
    expect(error).toMatchObject({ kind: 'permission', status: 403 });
    expect(error.message).toContain('***');
    expect(error.message).not.toContain('sk-ant-api03-other');
  });

  it('a refused connection names the host, not the credential', async () => {
    const gone = await startFakeAnthropic();
    await gone.close();
    const model = createAnthropicModelClient({ apiKey: API_KEY, baseUrl: gone.url, maxRetries: 0 });
    const error = await failure(model.complete(request, 200));
    expect(error.kind).toBe('connection');
    expect(error.message).toContain(new URL(gone.url).host);
  });

  it('times out with a hint', async () => {
    fake.setDelay(300);
    try {
      const slow = createAnthropicModelClient({ apiKey: API_KEY, baseUrl: fake.url, maxRetries: 0, timeoutMs: 50 });
      const error = await failure(slow.countTokens(request));
      expect(error.kind).toBe('timeout');
      expect(error.message).toMatch(/timed out/);
    } finally {
      fake.setDelay(0);
    }
  });
});

describe('a stream cut midway', () => {
  it.each(['destroy', 'close'] as const)('(%s) fails with the usage seen so far', async (how) => {
    fake.setRespond(() => ({ toolInput: { summary: 'y'.repeat(2000), findings: [] } }));
    // message_start, ping, content_block_start, two deltas.
    fake.cutStreamAfterEvents(5, how);
    const error = await failure(client().complete(request, 4000));
    expect(error.kind).toBe('stream-cut');
    expect(error.usage?.input).toBeGreaterThan(0);
    expect(error.usage?.output).toBeGreaterThanOrEqual(1);
    // The SDK does not retry once the reply has started.
    expect(fake.requestsTo('messages')).toHaveLength(1);
  });

  it('(error event) fails with the usage seen so far', async () => {
    fake.cutStreamAfterEvents(3, 'error');
    const error = await failure(client().complete(request, 4000));
    expect(error.kind).toBe('stream-cut');
    expect(error.message).toMatch(/overloaded/);
    expect(error.status).toBeUndefined();
    expect(error.usage?.input).toBeGreaterThan(0);
  });

  it('before any event: no usage to report', async () => {
    fake.cutStreamAfterEvents(0, 'destroy');
    const error = await failure(client(0).complete(request, 4000));
    expect(error.usage).toBeUndefined();
  });
});
