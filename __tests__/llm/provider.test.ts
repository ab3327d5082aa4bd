import { describe, expect, test } from '@jest/globals';
import { readConfig } from '../../src/config/config.js';
import type { InputName } from '../../src/config/inputs.js';
import { checkPlatform, createPlatformClient } from '../../src/llm/provider.js';

function config(set: Partial<Record<InputName, string>>) {
  return readConfig((name) => set[name] ?? '');
}

function problem(set: Partial<Record<InputName, string>>, env: Record<string, string> = {}): string {
  const checked = checkPlatform(config(set), env);
  if (checked.ok) throw new Error(`expected a problem, got ${JSON.stringify(checked.settings)}`);
  return checked.error;
}

describe('checkPlatform for provider: bedrock', () => {
  test('the region comes from AWS_REGION, else AWS_DEFAULT_REGION (no input sets it)', () => {
    const bedrock = { provider: 'bedrock' };
    const env = { AWS_REGION: 'eu-west-1', AWS_DEFAULT_REGION: 'us-west-2' };
    expect(checkPlatform(config(bedrock), env)).toMatchObject({
      ok: true,
      settings: { provider: 'bedrock', region: 'eu-west-1' },
    });
    expect(checkPlatform(config(bedrock), { AWS_DEFAULT_REGION: 'us-west-2' })).toMatchObject({
      ok: true,
      settings: { region: 'us-west-2' },
    });
  });

  test('no region anywhere fails naming the step that sets it', () => {
    const error = problem({ provider: 'bedrock' });
    expect(error).toContain('`provider: bedrock` needs the region');
    expect(error).toContain('aws-actions/configure-aws-credentials');
    expect(error).toContain('AWS_REGION');
  });

  test('a malformed region from the environment names the variable', () => {
    expect(problem({ provider: 'bedrock' }, { AWS_REGION: 'Frankfurt' })).toBe(
      'AWS_REGION (read because input `aws-region` is empty) must be an AWS region such as `us-east-1` or `eu-central-1`; got "Frankfurt"',
    );
  });

  test('no Anthropic key is needed; one given is ignored with a note, never sent', () => {
    const checked = checkPlatform(config({ provider: 'bedrock', 'anthropic-api-key': 'sk-ant-api03-x' }), {
      AWS_REGION: 'us-east-1',
    });
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.notes.join('\n')).toContain('`anthropic-api-key` is ignored with `provider: bedrock`');
    expect(JSON.stringify(checked.settings)).not.toContain('sk-ant-api03-x');
  });

  test('a subscription OAuth token is refused even though no key is needed', () => {
    for (const input of ['anthropic-api-key', 'anthropic-auth-token'] as const) {
      const error = problem({ provider: 'bedrock', [input]: 'sk-ant-oat01-abc' }, { AWS_REGION: 'us-east-1' });
      expect(error).toContain('subscription OAuth token');
      expect(error).toContain('With `provider: bedrock` no Anthropic credential is needed');
      expect(error).not.toContain('sk-ant-oat01-abc');
    }
  });

  test('AWS secrets in the environment are returned for masking; a Bedrock API key is used as the bearer', () => {
    const env = {
      AWS_REGION: 'us-east-1',
      AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      AWS_SECRET_ACCESS_KEY: 'secret-key',
      AWS_SESSION_TOKEN: 'session-token',
      AWS_BEARER_TOKEN_BEDROCK: 'bedrock-key',
    };
    const checked = checkPlatform(config({ provider: 'bedrock' }), env);
    expect(checked).toMatchObject({ ok: true, secrets: ['secret-key', 'session-token', 'bedrock-key'] });
    expect(checked.ok && checked.settings).toMatchObject({ apiKey: 'bedrock-key' });
  });

  test('`anthropic-base-url` points the platform client at another endpoint, with a note', () => {
    const checked = checkPlatform(
      config({
        provider: 'bedrock',
        'anthropic-base-url': 'https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com',
      }),
      { AWS_REGION: 'us-east-1' },
    );
    expect(checked).toMatchObject({
      ok: true,
      settings: { baseUrl: 'https://vpce-1.bedrock-runtime.us-east-1.vpce.amazonaws.com' },
    });
    expect(checked.ok && checked.notes.join()).toContain('vpce-1.bedrock-runtime');
  });
});

describe('checkPlatform for provider: vertex', () => {
  test('the project comes from GOOGLE_CLOUD_PROJECT, else GCLOUD_PROJECT (no input sets it)', () => {
    const vertex = { provider: 'vertex' };
    expect(
      checkPlatform(config(vertex), {
        CLOUD_ML_REGION: 'us-east5',
        GOOGLE_CLOUD_PROJECT: 'env-project',
        GCLOUD_PROJECT: 'other-project',
      }),
    ).toMatchObject({
      ok: true,
      settings: { provider: 'vertex', region: 'us-east5', projectId: 'env-project' },
    });
    expect(checkPlatform(config(vertex), { GCLOUD_PROJECT: 'other-project' })).toMatchObject({
      ok: true,
      settings: { projectId: 'other-project' },
    });
  });

  test('the region comes from CLOUD_ML_REGION, else the global endpoint with a note', () => {
    const vertex = { provider: 'vertex' };
    const project = { GOOGLE_CLOUD_PROJECT: 'my-project-1' };
    expect(checkPlatform(config(vertex), { ...project, CLOUD_ML_REGION: 'europe-west1' })).toMatchObject({
      ok: true,
      settings: { region: 'europe-west1' },
    });
    const global = checkPlatform(config(vertex), project);
    expect(global).toMatchObject({ ok: true, settings: { region: 'global' } });
    expect(global.ok && global.notes.join()).toContain('using the `global` endpoint');
  });

  test('no project anywhere fails naming google-github-actions/auth', () => {
    const error = problem({ provider: 'vertex' });
    expect(error).toContain('`provider: vertex` needs the project');
    expect(error).toContain('google-github-actions/auth');
    expect(error).toContain('GOOGLE_CLOUD_PROJECT');
  });

  test('bad values from the environment are all reported, each naming its variable', () => {
    const error = problem({ provider: 'vertex' }, { CLOUD_ML_REGION: 'Iowa', GOOGLE_CLOUD_PROJECT: '123456789012' });
    expect(error).toContain(
      'CLOUD_ML_REGION (read because input `vertex-region` is empty) must be a Vertex AI location',
    );
    expect(error).toContain(
      'GOOGLE_CLOUD_PROJECT (read because input `vertex-project-id` is empty) must be a Google Cloud project id',
    );
    expect(error).not.toContain('is required');
  });
});

describe('createPlatformClient', () => {
  test('makes a client without any request or credential lookup; it has no Models API', async () => {
    const bedrock = createPlatformClient({
      provider: 'bedrock',
      region: 'us-east-1',
      baseUrl: 'http://127.0.0.1:9',
      secrets: [],
    });
    const vertex = createPlatformClient({
      provider: 'vertex',
      region: 'global',
      projectId: 'p-123456',
      baseUrl: 'http://127.0.0.1:9/v1',
    });
    expect(await bedrock.listModels()).toBeNull();
    expect(await vertex.listModels()).toBeNull();
    expect(await bedrock.countTokens({ model: 'x', system: [], user: [], outputSchema: {} })).toBeNull();
  });
});
