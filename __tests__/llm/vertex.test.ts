import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { GoogleAuth, OAuth2Client } from 'google-auth-library';
import type { ModelRequest } from '../../src/ports.js';
import { ModelError } from '../../src/llm/anthropic.js';
import { createVertexModelClient, vertexBaseUrl, type VertexClientOptions } from '../../src/llm/vertex.js';
import { estimateTokens } from '../fakes/anthropic-server.js';
import { externalAccountCredentials, startFakeVertex, type FakeVertex } from '../fakes/vertex-server.js';

const TOKEN = 'ya29.unit-test-access-token';
const PROJECT = 'my-project-123';
const MODEL = 'claude-sonnet-5-5';

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

/** A google-auth-library client holding a token, as `authClient` accepts. */
function tokenClient(token = TOKEN): OAuth2Client {
  const auth = new OAuth2Client();
  auth.setCredentials({ access_token: token, expiry_date: Date.now() + 3_600_000 });
  return auth;
}

let fake: FakeVertex;
beforeAll(async () => {
  fake = await startFakeVertex({ project: PROJECT, region: 'us-east5', accessTokens: [TOKEN] });
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.backend.reset();
  fake.backend.setRespond(() => ({ toolInput: { summary: 'Adds a constant.', findings: [] } }));
});

const client = (extra: Partial<VertexClientOptions> = {}) =>
  createVertexModelClient({
    region: 'us-east5',
    projectId: PROJECT,
    baseUrl: fake.baseUrl,
    authClient: tokenClient(),
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

describe('the Vertex AI adapter', () => {
  it('streams a JSON-outputs answer from streamRawPredict with a bearer token', async () => {
    const reply = await client().complete(request, 2048);
    expect(reply.output).toEqual({ summary: 'Adds a constant.', findings: [] });
    expect(reply.stopReason).toBe('end_turn');
    expect(reply.usage.input).toBeGreaterThan(0);
    const sent = fake.requests[0]!;
    expect(sent.path).toBe(
      `/v1/projects/${PROJECT}/locations/us-east5/publishers/anthropic/models/${MODEL}:streamRawPredict`,
    );
    expect(sent).toMatchObject({ route: 'stream', auth: 'bearer', tokenValid: true, model: MODEL });
    const body = sent.body as Record<string, unknown>;
    expect(body).not.toHaveProperty('model');
    expect(typeof body['anthropic_version']).toBe('string');
    expect(body['output_config']).toEqual({ format: { type: 'json_schema', schema: request.outputSchema } });
    expect(body).not.toHaveProperty('tool_choice');
    expect(body).not.toHaveProperty('tools');
    expect(JSON.stringify(fake.requests)).not.toContain(TOKEN);
  });

  it('has no Models API (null, no request) and counts tokens on the count-tokens endpoint', async () => {
    const vertex = client();
    expect(await vertex.listModels()).toBeNull();
    const counted = await vertex.countTokens(request);
    expect(fake.requests).toHaveLength(1);
    expect(fake.requests[0]).toMatchObject({ route: 'count', status: 200 });
    expect((fake.requests[0]!.body as { model?: string }).model).toBe(MODEL);
    expect(counted).toBe(estimateTokens(fake.requests[0]!.body as never));
  });

  it('answers null from countTokens where the region has no count-tokens endpoint', async () => {
    const bare = await startFakeVertex({
      project: PROJECT,
      region: 'us-east5',
      accessTokens: [TOKEN],
      countTokensEndpoint: 'missing',
    });
    try {
      const vertex = createVertexModelClient({
        region: 'us-east5',
        projectId: PROJECT,
        baseUrl: bare.baseUrl,
        authClient: tokenClient(),
        maxRetries: 0,
      });
      expect(await vertex.countTokens(request)).toBeNull();
    } finally {
      await bare.close();
    }
  });

  it('gets its token from Workload Identity Federation credentials (OIDC token → STS), as google-github-actions/auth sets up', async () => {
    const auth = new GoogleAuth({
      credentials: externalAccountCredentials(fake, 'runner-request-token') as never,
      scopes: 'https://www.googleapis.com/auth/cloud-platform',
    });
    const reply = await client({ authClient: await auth.getClient() }).complete(request, 1024);
    expect(reply.output).toEqual({ summary: 'Adds a constant.', findings: [] });
    expect(fake.requests.map((r) => r.route)).toEqual(['oidc', 'sts', 'stream']);
    expect(fake.requests[2]).toMatchObject({ tokenValid: true, status: 200 });
    expect(fake.issuedTokens).toHaveLength(1);
  });

  it('sends the Vertex AI API version for a date-versioned id, passed through unchanged', async () => {
    await client().complete({ ...request, model: 'claude-sonnet-4-5@20250929' }, 1024);
    expect(fake.requests[0]!.model).toBe('claude-sonnet-4-5@20250929');
    expect((fake.requests[0]!.body as Record<string, unknown>)['anthropic_version']).toBe('vertex-2023-10-16');
  });

  it('a rejected token is an auth error that names google-github-actions/auth', async () => {
    const error = await failure(client({ authClient: tokenClient('ya29.not-a-token') }).complete(request, 1024));
    expect(error.kind).toBe('auth');
    expect(error.status).toBe(401);
    expect(error.message).toContain('Vertex AI (HTTP 401)');
    expect(error.message).toContain('google-github-actions/auth');
    expect(error.message).not.toContain('ya29.not-a-token');
  });

  it('credentials that cannot be had are an auth error, not a connection error', async () => {
    const broken = tokenClient();
    broken.getRequestHeaders = async () => {
      throw new Error('Could not load the default credentials.');
    };
    const error = await failure(client({ authClient: broken }).complete(request, 1024));
    expect(error.kind).toBe('auth');
    expect(error.message).toContain('Could not load the default credentials');
    expect(error.message).toContain('google-github-actions/auth');
  });

  it('a wrong project is a permission error naming the inputs and the IAM role', async () => {
    const error = await failure(client({ projectId: 'other-project' }).complete(request, 1024));
    expect(error.kind).toBe('permission');
    expect(error.message).toContain('the Google Cloud project (other-project, from GOOGLE_CLOUD_PROJECT)');
    expect(error.message).toContain('roles/aiplatform.user');
    expect(error.message).toContain("Permission 'aiplatform.endpoints.predict' denied");
  });

  it('a model the region does not serve is model-not-found naming `vertex-region`', async () => {
    const error = await failure(client({ region: 'europe-west1' }).complete(request, 1024));
    expect(error.kind).toBe('model-not-found');
    expect(error.message).toContain('region (europe-west1, from CLOUD_ML_REGION)');
    expect(error.message).toContain('Model Garden');
  });

  it('overload, server errors and a cut stream map as on the Anthropic API', async () => {
    fake.backend.failNext({ status: 529 });
    expect((await failure(client().complete(request, 1024))).kind).toBe('overloaded');
    fake.backend.failNext({ status: 500 });
    expect((await failure(client().complete(request, 1024))).kind).toBe('server');
    fake.backend.cutStreamAfterEvents(3, 'error');
    const cut = await failure(client().complete(request, 1024));
    expect(cut.kind).toBe('stream-cut');
    expect(cut.usage?.input).toBeGreaterThan(0);
  });

  it('a request slower than the timeout is a timeout naming `anthropic-timeout-seconds`', async () => {
    fake.backend.setDelay(400);
    try {
      const error = await failure(client({ timeoutMs: 50 }).complete(request, 1024));
      expect(error.kind).toBe('timeout');
      expect(error.message).toContain('`timeout-seconds`');
    } finally {
      fake.backend.setDelay(0);
    }
  });

  it('builds the platform endpoint from the region when no base URL is given', () => {
    expect(vertexBaseUrl('global')).toBe('https://aiplatform.googleapis.com/v1');
    expect(vertexBaseUrl('us')).toBe('https://aiplatform.us.rep.googleapis.com/v1');
    expect(vertexBaseUrl('us-east5')).toBe('https://us-east5-aiplatform.googleapis.com/v1');
  });
});
