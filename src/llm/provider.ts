/**
 * The `provider` input: which Claude platform the model calls go to. `checkPlatform` settles the
 * region and project of Amazon Bedrock or Vertex AI from the inputs, else from the variables
 * that `aws-actions/configure-aws-credentials` and `google-github-actions/auth` export, before
 * any request is made. Pure: main.ts passes the environment in.
 */
import type { Config } from '../config/config.js';
import { platformValueProblem, type PlatformInput } from '../config/platform.js';
import type { ModelClient } from '../ports.js';
import { createBedrockModelClient } from './bedrock.js';
import { isOAuthToken, OAUTH_REFUSAL } from './credentials.js';
import { createVertexModelClient } from './vertex.js';

export type PlatformSettings =
  | { provider: 'bedrock'; region: string; baseUrl?: string; apiKey?: string; secrets: string[] }
  | { provider: 'vertex'; region: string; projectId: string; baseUrl?: string };

export type PlatformCheck =
  | {
      ok: true;
      settings: PlatformSettings;
      notes: string[];
      /** Credentials found in the environment, to mask in the log. */
      secrets: string[];
    }
  | { ok: false; error: string };

type Env = Record<string, string | undefined>;

/** Environment variables read for each input, first set wins. */
export const PLATFORM_ENV: Record<PlatformInput, readonly string[]> = {
  'aws-region': ['AWS_REGION', 'AWS_DEFAULT_REGION'],
  'vertex-region': ['CLOUD_ML_REGION'],
  'vertex-project-id': ['GOOGLE_CLOUD_PROJECT', 'GCLOUD_PROJECT'],
};

/** AWS secrets that may be in the environment (the access key id is not one). */
const AWS_SECRETS = ['AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_BEARER_TOKEN_BEDROCK'];

/** Vertex AI's newest models are served from the global endpoint, so it is the default. */
const DEFAULT_VERTEX_REGION = 'global';

/**
 * Settings for `provider: bedrock` or `vertex`, or the problems that stop the run, each
 * naming the input to set. An Anthropic credential is not needed (and not sent) there, but a
 * subscription OAuth token is refused all the same.
 */
export function checkPlatform(config: Pick<Config, 'platform' | 'credentials'>, env: Env): PlatformCheck {
  const provider = config.platform.provider;
  if (provider === 'anthropic') return { ok: false, error: 'checkPlatform is for `provider: bedrock` or `vertex`' };
  const { apiKey, authToken, baseUrl } = config.credentials;
  const unused = `With \`provider: ${provider}\` no Anthropic credential is needed: remove it from the workflow.`;
  if (isOAuthToken(apiKey?.trim()) || isOAuthToken(authToken?.trim())) {
    return { ok: false, error: `${OAUTH_REFUSAL} ${unused}` };
  }
  const notes: string[] = [];
  if (apiKey || authToken) {
    notes.push(
      `\`${apiKey ? 'anthropic-api-key' : 'anthropic-auth-token'}\` is ignored with \`provider: ${provider}\`, which uses ${
        provider === 'bedrock' ? 'AWS' : 'Google Cloud'
      } credentials. ${unused}`,
    );
  }
  if (baseUrl)
    notes.push(
      `Requests go to \`anthropic-base-url\` (${hostOf(baseUrl)}) instead of the ${label(provider)} endpoint.`,
    );

  const problems: string[] = [];
  const value = (input: PlatformInput, given: string | null): string | null => {
    if (given) return given;
    for (const name of PLATFORM_ENV[input]) {
      const v = env[name]?.trim();
      if (!v) continue;
      const problem = platformValueProblem(input, v, name);
      if (problem) problems.push(problem);
      return problem ? null : v;
    }
    return null;
  };

  if (provider === 'bedrock') {
    const region = value('aws-region', config.platform.awsRegion);
    if (!region && problems.length === 0) {
      problems.push(
        'AWS_REGION is not set, and `provider: bedrock` needs the region: run `aws-actions/configure-aws-credentials` ' +
          'with its `aws-region` before this step (it exports AWS_REGION), or set AWS_REGION in the job’s `env:`.',
      );
    }
    if (!region || problems.length > 0) return { ok: false, error: problems.join('\n') };
    const secrets = AWS_SECRETS.map((name) => env[name]?.trim()).filter((s): s is string => Boolean(s));
    const bearer = env['AWS_BEARER_TOKEN_BEDROCK']?.trim();
    if (bearer)
      notes.push('Using the Bedrock API key in AWS_BEARER_TOKEN_BEDROCK instead of signing with AWS credentials.');
    return {
      ok: true,
      settings: {
        provider,
        region,
        ...(baseUrl ? { baseUrl } : {}),
        ...(bearer ? { apiKey: bearer } : {}),
        secrets,
      },
      notes,
      secrets,
    };
  }

  let region = value('vertex-region', config.platform.vertexRegion);
  const projectId = value('vertex-project-id', config.platform.vertexProjectId);
  if (!projectId && !problems.some((p) => p.includes('vertex-project-id'))) {
    problems.push(
      'GOOGLE_CLOUD_PROJECT is not set, and `provider: vertex` needs the project: run `google-github-actions/auth` ' +
        'with its `project_id` before this step (it exports GOOGLE_CLOUD_PROJECT), or set it in the job’s `env:`.',
    );
  }
  if (problems.length > 0 || !projectId) return { ok: false, error: problems.join('\n') };
  if (!region) {
    region = DEFAULT_VERTEX_REGION;
    notes.push('CLOUD_ML_REGION is not set: using the `global` endpoint of Vertex AI.');
  }
  return {
    ok: true,
    settings: { provider, region, projectId, ...(baseUrl ? { baseUrl } : {}) },
    notes,
    secrets: [],
  };
}

/** The ModelClient for checked settings. */
export function createPlatformClient(settings: PlatformSettings, options: { timeoutMs?: number } = {}): ModelClient {
  const timeout = options.timeoutMs !== undefined ? { timeoutMs: options.timeoutMs } : {};
  if (settings.provider === 'bedrock') {
    return createBedrockModelClient({
      ...timeout,
      region: settings.region,
      ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
      ...(settings.apiKey ? { apiKey: settings.apiKey } : {}),
      secrets: settings.secrets,
    });
  }
  return createVertexModelClient({
    ...timeout,
    region: settings.region,
    projectId: settings.projectId,
    ...(settings.baseUrl ? { baseUrl: settings.baseUrl } : {}),
  });
}

function label(provider: 'bedrock' | 'vertex'): string {
  return provider === 'bedrock' ? 'Amazon Bedrock' : 'Vertex AI';
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'the given URL';
  }
}
