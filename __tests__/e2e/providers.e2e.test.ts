/**
 * The bundled action with `provider: bedrock` and `provider: vertex`, spawned as a runner does,
 * with the credentials the cloud login actions leave in the environment, against fake
 * platform endpoints and the fake GitHub.
 */
import { afterEach, describe, expect, test } from '@jest/globals';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FakeMessagesBody } from '../fakes/anthropic-server.js';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { externalAccountCredentials, startFakeVertex, type FakeVertex } from '../fakes/vertex-server.js';
import { editedFile } from '../support/diffs.js';
import { githubPayload } from './payloads.js';
import { runAction } from './harness.js';

const GH_TOKEN = 'ghs_e2eProviderToken000000000000';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
/** What `aws-actions/configure-aws-credentials` exports after assuming a role. */
const AWS = {
  AWS_ACCESS_KEY_ID: 'ASIAE2EFAKEKEY000001',
  AWS_SECRET_ACCESS_KEY: 'e2e/Fake+SecretAccessKey00000000000000000',
  AWS_SESSION_TOKEN: 'IQoJb3JpZ2luX2VjEFAKE-e2e-session-token-0000000000',
  AWS_REGION: 'eu-central-1',
  AWS_DEFAULT_REGION: 'eu-central-1',
};
const RUNNER_REQUEST_TOKEN = 'runner-oidc-request-token-e2e';

let servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function answer(body: FakeMessagesBody) {
  const reviewed = JSON.stringify(body.messages).includes('src/app.ts');
  return {
    toolInput: {
      summary: reviewed ? 'Reviewed src/app.ts.' : 'Reviewed the change.',
      findings: [
        {
          path: 'src/app.ts',
          line: 12,
          side: 'RIGHT',
          severity: 'high',
          title: 'Unchecked result',
          body: 'The result of `compute` is ignored.',
        },
      ],
    },
  };
}

async function github(): Promise<FakeGitHub> {
  const gh = await startFakeGitHub({
    owner: 'Codertocat',
    repo: 'Hello-World',
    token: GH_TOKEN,
    pulls: [
      { number: 2, diff: editedFile('src/app.ts', 60, 10, 14), headSha: HEAD, title: 'Update', body: 'Some change' },
    ],
  });
  servers.push(gh);
  return gh;
}

const run = (gh: FakeGitHub, inputs: Record<string, string>, env: Record<string, string>) =>
  runAction({
    eventName: 'pull_request',
    payload: githubPayload('pull_request', 'opened'),
    inputs: { 'github-token': GH_TOKEN, 'max-tokens-per-run': '60000', ...inputs },
    apiUrl: gh.url,
    repository: 'Codertocat/Hello-World',
    env,
  });

function expectOneReview(gh: FakeGitHub) {
  expect(gh.violations).toEqual([]);
  expect(gh.state.reviews).toHaveLength(1);
  expect(gh.state.reviews[0]!.comments.map((c) => [c.path, c.line])).toEqual([['src/app.ts', 12]]);
  const summaries = gh.state.issueComments.filter((c) => c.body.includes('claude-pr-review:summary'));
  expect(summaries).toHaveLength(1);
  return summaries[0]!.body;
}

describe('the bundled action on Amazon Bedrock', () => {
  test('signs with the AWS credentials in the environment and posts one review', async () => {
    const bedrock: FakeBedrock = await startFakeBedrock({
      region: 'eu-central-1',
      accessKeyId: AWS.AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS.AWS_SECRET_ACCESS_KEY,
      sessionToken: AWS.AWS_SESSION_TOKEN,
      backend: { respond: answer },
    });
    servers.push(bedrock);
    const gh = await github();

    const result = await run(gh, { provider: 'bedrock', 'anthropic-base-url': bedrock.url }, AWS);
    expect(result.stderr + result.stdout).not.toMatch(/::error::/);
    expect(result.code).toBe(0);
    const summary = expectOneReview(gh);

    // Every call: streamed, SigV4-signed for bedrock in the region from AWS_REGION, session token sent.
    expect(bedrock.requests.length).toBeGreaterThan(0);
    for (const r of bedrock.requests) {
      expect(r).toMatchObject({
        stream: true,
        auth: 'sigv4',
        signatureValid: true,
        sessionToken: true,
        scope: { region: 'eu-central-1', service: 'bedrock' },
        status: 200,
      });
    }
    // The small tier's line resolved from the built-in table to the Bedrock inference profile.
    expect(bedrock.requests[0]!.model).toBe('global.anthropic.claude-haiku-5-5');
    expect(result.outputs.model).toBe('global.anthropic.claude-haiku-5-5');
    expect(summary).toContain('global.anthropic.claude-haiku-5-5');
    expect(summary).toContain('built-in table');
    expect(Number(result.outputs['cost-usd'])).toBeLessThan(0.05); // priced as Haiku, not as an unknown model
    // No AWS secret reaches anything the run wrote; the step masks them.
    for (const secret of [AWS.AWS_SECRET_ACCESS_KEY, AWS.AWS_SESSION_TOKEN]) {
      expect(result.everything).not.toContain(secret);
      expect(result.stdout).toContain(`::add-mask::${secret}`);
      expect(JSON.stringify(gh.state)).not.toContain(secret);
    }
  });

  test('a full inference profile id in `model` is used as it is', async () => {
    const bedrock = await startFakeBedrock({
      region: 'eu-central-1',
      accessKeyId: AWS.AWS_ACCESS_KEY_ID,
      secretAccessKey: AWS.AWS_SECRET_ACCESS_KEY,
      backend: { respond: answer },
    });
    servers.push(bedrock);
    const gh = await github();
    const { AWS_SESSION_TOKEN: _unused, ...longTerm } = AWS;
    const result = await run(
      gh,
      { provider: 'bedrock', model: 'eu.anthropic.claude-sonnet-5-5', 'anthropic-base-url': bedrock.url },
      longTerm,
    );
    expect(result.code).toBe(0);
    expectOneReview(gh);
    expect(new Set(bedrock.requests.map((r) => r.model))).toEqual(new Set(['eu.anthropic.claude-sonnet-5-5']));
    expect(bedrock.requests[0]).toMatchObject({ sessionToken: false, signatureValid: true });
  });

  test('no region anywhere fails before any request, naming AWS_REGION and the step that sets it', async () => {
    const bedrock = await startFakeBedrock({ backend: { respond: answer } });
    servers.push(bedrock);
    const gh = await github();
    const { AWS_REGION: _r, AWS_DEFAULT_REGION: _d, ...noRegion } = AWS;
    const result = await run(gh, { provider: 'bedrock', 'anthropic-base-url': bedrock.url }, noRegion);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('AWS_REGION is not set, and `provider: bedrock` needs the region');
    expect(bedrock.requests).toHaveLength(0);
    expect(gh.state.reviews).toHaveLength(0);
  });
});

describe('the bundled action on Vertex AI', () => {
  test('takes a token through the GOOGLE_APPLICATION_CREDENTIALS of google-github-actions/auth and posts one review', async () => {
    const vertex: FakeVertex = await startFakeVertex({
      project: 'my-project-123',
      region: 'us-east5',
      oidcToken: 'github-oidc-jwt',
      backend: { respond: answer },
    });
    servers.push(vertex);
    const gh = await github();
    // What google-github-actions/auth writes and exports for Workload Identity Federation.
    const dir = mkdtempSync(join(tmpdir(), 'cpr-gcp-'));
    const credentials = join(dir, 'gha-creds.json');
    writeFileSync(credentials, JSON.stringify(externalAccountCredentials(vertex, RUNNER_REQUEST_TOKEN)));
    const env = {
      GOOGLE_APPLICATION_CREDENTIALS: credentials,
      GOOGLE_GHA_CREDS_PATH: credentials,
      CLOUDSDK_AUTH_CREDENTIAL_FILE_OVERRIDE: credentials,
      GOOGLE_CLOUD_PROJECT: 'my-project-123',
      GCLOUD_PROJECT: 'my-project-123',
      CLOUD_ML_REGION: 'us-east5',
      // Keep google-auth-library off the network if it ever looked for a metadata server.
      METADATA_SERVER_DETECTION: 'none',
    };

    const result = await run(gh, { provider: 'vertex', 'anthropic-base-url': vertex.baseUrl }, env);
    expect(result.stderr + result.stdout).not.toMatch(/::error::/);
    expect(result.code).toBe(0);
    const summary = expectOneReview(gh);

    const calls = vertex.requests.filter((r) => r.route === 'stream' || r.route === 'count');
    expect(calls.length).toBeGreaterThan(0);
    for (const r of calls) {
      expect(r).toMatchObject({
        project: 'my-project-123',
        region: 'us-east5',
        auth: 'bearer',
        tokenValid: true,
        status: 200,
      });
    }
    // The OIDC token was exchanged at STS once (the access token is cached for the run).
    expect(vertex.requests.filter((r) => r.route === 'sts')).toHaveLength(1);
    expect(vertex.requests.find((r) => r.route === 'stream')!.model).toBe('claude-haiku-5-5');
    expect(result.outputs.model).toBe('claude-haiku-5-5');
    expect(summary).toContain('built-in table');
    for (const token of vertex.issuedTokens) expect(result.everything).not.toContain(token);
  });

  test('no project anywhere fails before any request, naming GOOGLE_CLOUD_PROJECT and the step that sets it', async () => {
    const vertex = await startFakeVertex({ backend: { respond: answer } });
    servers.push(vertex);
    const gh = await github();
    const result = await run(gh, { provider: 'vertex', 'anthropic-base-url': vertex.baseUrl }, {});
    expect(result.code).not.toBe(0);
    expect(result.stdout).toContain('GOOGLE_CLOUD_PROJECT is not set, and `provider: vertex` needs the project');
    expect(vertex.requests).toHaveLength(0);
  });
});
