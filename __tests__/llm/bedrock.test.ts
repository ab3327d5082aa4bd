import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ModelRequest } from '../../src/ports.js';
import { ModelError } from '../../src/llm/anthropic.js';
import { createBedrockModelClient, type BedrockClientOptions } from '../../src/llm/bedrock.js';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server.js';

const KEYS = {
  accessKeyId: 'AKIAFAKEBEDROCK00001',
  secretAccessKey: 'fake/secret+Key0000000000000000000000000',
  sessionToken: 'FwoGZXIvYXdzEFAKESESSIONTOKEN000000000000',
};
const MODEL = 'global.anthropic.claude-sonnet-5-5';

const request: ModelRequest = {
  model: MODEL,
  system: [{ text: 'You review pull requests.' }, { text: 'Guidelines: be brief.', cache: true }],
  user: [{ text: 'diff --git a/x b/x\n+const a = 1;', cache: true }, { text: 'Review the diff above.' }],
  outputSchema: {
    type: 'object',
    additionalProperties: false,
    properties: { summary: { type: 'string' } },
    required: ['summary'],
  },
};

let fake: FakeBedrock;
beforeAll(async () => {
  fake = await startFakeBedrock({ region: 'eu-west-1', ...KEYS, apiKey: 'bedrock-api-key-1' });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.backend.reset();
  fake.backend.setRespond(() => ({ toolInput: { summary: 'Adds a constant.', findings: [] } }));
});

const client = (extra: Partial<BedrockClientOptions> = {}) =>
  createBedrockModelClient({
    region: 'eu-west-1',
    baseUrl: fake.url,
    credentials: async () => KEYS,
    secrets: [KEYS.secretAccessKey, KEYS.sessionToken],
    maxRetries: 0,
    ...extra,
  });

async function failure(promise: Promise<unknown>): Promise<ModelError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ModelError);
    return error as ModelError;
  }
  throw new Error('expected a ModelError');
}

describe('the Bedrock adapter', () => {
  it('streams a forced-tool answer over InvokeModelWithResponseStream, SigV4-signed in the region', async () => {
    const reply = await client().complete(request, 2048);
    expect(reply.output).toEqual({ summary: 'Adds a constant.', findings: [] });
    expect(reply.stopReason).toBe('end_turn');
    expect(reply.usage.input).toBeGreaterThan(0);
    expect(reply.usage.output).toBeGreaterThan(0);

    expect(fake.requests).toHaveLength(1);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe(`/model/${MODEL}/invoke-with-response-stream`);
    expect(sent).toMatchObject({ model: MODEL, stream: true, auth: 'sigv4', signatureValid: true, sessionToken: true });
    expect(sent.scope).toEqual({ region: 'eu-west-1', service: 'bedrock' });
    // The model and stream flag live in the path; the API version in the body.
    expect(sent.body).not.toHaveProperty('model');
    expect(sent.body).not.toHaveProperty('stream');
    expect(typeof sent.body?.['anthropic_version']).toBe('string');
    // JSON outputs, never a forced tool: Claude Sonnet 5.5 answers 400 to `tool_choice: {type: 'tool'}`.
    expect(sent.body?.['output_config']).toEqual({ format: { type: 'json_schema', schema: request.outputSchema } });
    expect(sent.body).not.toHaveProperty('tool_choice');
    expect(sent.body).not.toHaveProperty('tools');
    expect(sent.body?.['max_tokens']).toBe(2048);
    // Prompt-cache markers are sent as on the Anthropic API.
    expect(JSON.stringify(sent.body?.['system'])).toContain('cache_control');
    // Nothing recorded carries a credential.
    const recorded = JSON.stringify(fake.requests);
    for (const secret of Object.values(KEYS)) expect(recorded).not.toContain(secret);
  });

  it('has no Models API and no token counting: both answer null without a request', async () => {
    const bedrock = client();
    expect(await bedrock.listModels()).toBeNull();
    expect(await bedrock.countTokens(request)).toBeNull();
    expect(fake.requests).toHaveLength(0);
  });

  it('sends a Bedrock API key as a bearer token instead of signing', async () => {
    await client({ apiKey: 'bedrock-api-key-1' }).complete(request, 1024);
    expect(fake.requests[0]).toMatchObject({ auth: 'bearer', scope: null, status: 200 });
  });

  it('passes a full model id through to the path, ARN characters encoded', async () => {
    const id = 'us.anthropic.claude-sonnet-4-5-20250929-v1:0';
    await client().complete({ ...request, model: id }, 1024);
    expect(fake.requests[0]).toMatchObject({ model: id, signatureValid: true, status: 200 });
    // Such date-versioned ids take only Bedrock's first API version; newer ids get the SDK's.
    expect(fake.requests[0]!.body?.['anthropic_version']).toBe('bedrock-2023-05-31');
    await client().complete(request, 1024);
    expect(fake.requests[1]!.body?.['anthropic_version']).not.toBe('bedrock-2023-05-31');
  });

  it('a wrong secret key fails the signature check: an auth error naming the step to fix', async () => {
    const error = await failure(
      client({
        credentials: async () => ({ ...KEYS, secretAccessKey: 'wrong-secret-000000000000000000000000000' }),
      }).complete(request, 1024),
    );
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(403);
    expect(error.message).toContain('Amazon Bedrock (HTTP 403): the credentials were rejected');
    expect(error.message).toContain('aws-actions/configure-aws-credentials');
    expect(fake.requests[0]).toMatchObject({ auth: 'sigv4', signatureValid: false });
  });

  it('a 403 for a model the role may not invoke names the IAM action', async () => {
    fake.backend.failNext({ status: 403 });
    const error = await failure(client().complete(request, 1024));
    expect(error.kind).toBe('permission');
    expect(error.message).toContain('bedrock:InvokeModelWithResponseStream');
    expect(error.message).toContain(MODEL);
  });

  it('credentials that cannot be found say to run configure-aws-credentials', async () => {
    const error = await failure(
      client({
        credentials: async () => {
          throw new Error('Could not load credentials from any providers');
        },
      }).complete(request, 1024),
    );
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('aws-actions/configure-aws-credentials');
    expect(error.message).toContain('Could not load credentials');
  });

  it('an unknown model is model-not-found and names the inputs and a Bedrock id form', async () => {
    const strict = await startFakeBedrock({ region: 'eu-west-1', ...KEYS, models: [MODEL] });
    try {
      const error = await failure(
        createBedrockModelClient({
          region: 'eu-west-1',
          baseUrl: strict.url,
          credentials: async () => KEYS,
          maxRetries: 0,
        }).complete({ ...request, model: 'anthropic.claude-nope' }, 1024),
      );
      expect(error.kind).toBe('model-not-found');
      expect(error.message).toContain('the AWS region (eu-west-1, from AWS_REGION)');
      expect(error.message).toContain('global.anthropic.claude-sonnet-5-5');
      expect(error.message).toContain('Could not resolve the foundation model');
    } finally {
      await strict.close();
    }
  });

  it('a bare model id that needs an inference profile says so', async () => {
    fake.backend.failNext({
      status: 400,
      body: {
        type: 'error',
        error: {
          type: 'invalid_request_error',
          message:
            "Invocation of model ID anthropic.claude-sonnet-5-5 with on-demand throughput isn't supported. Retry your request with the ID or ARN of an inference profile that contains this model.",
        },
      },
    });
    const error = await failure(client().complete({ ...request, model: 'anthropic.claude-sonnet-5-5' }, 1024));
    expect(error.kind).toBe('model-not-found');
    expect(error.message).toContain('inference profile id');
  });

  it('throttling is rate-limited, retried by the SDK, and the retries are counted', async () => {
    fake.backend.failNext({ status: 429, times: 2 });
    const error = await failure(client({ maxRetries: 1 }).complete(request, 1024));
    expect(error.kind).toBe('rate-limited');
    expect(error.retries).toBe(1);
    expect(fake.requests).toHaveLength(2);
  });

  it('an exception frame in the middle of the stream is a stream cut with the usage so far', async () => {
    fake.backend.cutStreamAfterEvents(3, 'error');
    const error = await failure(client().complete(request, 1024));
    expect(error.kind).toBe('stream-cut');
    expect(error.message).toContain('serviceUnavailableException');
    expect(error.usage?.input).toBeGreaterThan(0);
  });

  it('a dropped connection mid-stream is a stream cut', async () => {
    fake.backend.cutStreamAfterEvents(4, 'destroy');
    const error = await failure(client().complete(request, 1024));
    expect(error.kind).toBe('stream-cut');
  });

  it('never shows a secret in an error', async () => {
    fake.backend.failNext({
      status: 400,
      body: {
        type: 'error',
        error: { type: 'invalid_request_error', message: `bad ${KEYS.secretAccessKey} ${KEYS.sessionToken}` },
      },
    });
    const error = await failure(client().complete(request, 1024));
    expect(error.message).not.toContain(KEYS.secretAccessKey);
    expect(error.message).not.toContain(KEYS.sessionToken);
  });
});
