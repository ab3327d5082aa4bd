/**
 * Claude on Google Cloud Vertex AI through `@anthropic-ai/vertex-sdk`. Requests carry an OAuth
 * access token from Google application default credentials: the GOOGLE_APPLICATION_CREDENTIALS
 * file that `google-github-actions/auth` leaves (Workload Identity Federation or a service
 * account key), else gcloud's or the metadata server's. Replies stream as SSE from
 * `…/publishers/anthropic/models/{id}:streamRawPredict`; token counting uses the platform's
 * count-tokens endpoint where the region has it. Vertex AI has no Models API: listModels is null.
 */
import type { AnthropicVertex } from '@anthropic-ai/vertex-sdk';
import type { ModelClient } from '../ports.js';
import { createPlatformModelClient, type PlatformSdkClient } from './platform.js';

type VertexSdkOptions = NonNullable<ConstructorParameters<typeof AnthropicVertex>[0]>;

export type VertexClientOptions = {
  region: string;
  projectId: string;
  /** Endpoint override, including its `/v1` (a Private Service Connect endpoint, or a test's fake). */
  baseUrl?: string;
  /** A google-auth-library client to take tokens from instead of application default credentials. */
  authClient?: VertexSdkOptions['authClient'];
  maxRetries?: number;
  timeoutMs?: number;
};

/** The SDK's endpoint for a region, computed here so that ANTHROPIC_VERTEX_BASE_URL is never read. */
export function vertexBaseUrl(region: string): string {
  if (region === 'global') return 'https://aiplatform.googleapis.com/v1';
  if (region === 'us' || region === 'eu') return `https://aiplatform.${region}.rep.googleapis.com/v1`;
  return `https://${region}-aiplatform.googleapis.com/v1`;
}

export function createVertexModelClient(opts: VertexClientOptions): ModelClient {
  const baseUrl = opts.baseUrl ?? vertexBaseUrl(opts.region);
  const where =
    `the Google Cloud project (${opts.projectId}, from GOOGLE_CLOUD_PROJECT) and region (${opts.region}, from CLOUD_ML_REGION)` +
    (opts.baseUrl ? ' and `anthropic-base-url`' : '');
  const sdk = async () => {
    const { AnthropicVertex } = await import('@anthropic-ai/vertex-sdk');
    return new AnthropicVertex({
      region: opts.region,
      projectId: opts.projectId,
      baseURL: baseUrl,
      ...(opts.authClient ? { authClient: opts.authClient } : {}),
      maxRetries: opts.maxRetries ?? 2,
      ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
    }) as unknown as PlatformSdkClient;
  };

  const wire = {
    countTokens: true,
    // Ids versioned like `…@20250929` (the 4.5 generation and older) take only Vertex AI's first API version.
    apiVersion: (model: string) => (/@\d{8}$/.test(model) ? 'vertex-2023-10-16' : null),
  };
  return createPlatformModelClient(
    sdk,
    {
      label: 'Vertex AI',
      baseUrl,
      where,
      secrets: [],
      credentialFailure: /Failed to acquire Google OAuth credentials/i,
      credentials:
        'Run `google-github-actions/auth` before this step (it sets GOOGLE_APPLICATION_CREDENTIALS) with a ' +
        'Workload Identity Federation provider or service account that may use Vertex AI.',
      permission: (model) =>
        `the Google identity may not use \`${model}\` in ${where}: grant it the Vertex AI User role ` +
        '(`roles/aiplatform.user`) on the project and enable the model in Model Garden.',
      modelNotFound: (model) =>
        `model \`${model}\` is not available in ${where}: check the \`model\` input (or ` +
        '`model-small`/`model-medium`/`model-large`): a line, or a Vertex AI id such as `claude-sonnet-5-5`; ' +
        'enable the model in Model Garden, and note that newer models are served in the `global` region.',
    },
    wire,
  );
}
