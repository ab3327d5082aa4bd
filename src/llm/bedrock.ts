/**
 * Claude on Amazon Bedrock through `@anthropic-ai/bedrock-sdk`. Requests are SigV4-signed with
 * the AWS credentials of the environment (what `aws-actions/configure-aws-credentials` leaves:
 * AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN; else the SDK's default chain), or
 * carry a Bedrock API key as a bearer token. Replies are streamed (InvokeModelWithResponseStream,
 * AWS event-stream framing that the SDK turns back into the Messages API's events). Bedrock has
 * no Models API and the SDK no token counting, so both answer null.
 */
import type { ModelClient } from '../ports.js';
import { createPlatformModelClient, type PlatformSdkClient } from './platform.js';

export type AwsCredentials = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

export type BedrockClientOptions = {
  region: string;
  /** Endpoint override (a VPC endpoint, or a test's fake). Default: bedrock-runtime of `region`. */
  baseUrl?: string;
  /** A Bedrock API key, sent as a bearer token instead of signing with AWS credentials. */
  apiKey?: string;
  /** Where AWS credentials come from; default: the environment, then the SDK's default chain. */
  credentials?: () => Promise<AwsCredentials>;
  /** Values never to show in an error (the secret key, session token, API key). */
  secrets?: string[];
  maxRetries?: number;
  timeoutMs?: number;
};

export function bedrockBaseUrl(region: string): string {
  return `https://bedrock-runtime.${region}.amazonaws.com`;
}

export function createBedrockModelClient(opts: BedrockClientOptions): ModelClient {
  const baseUrl = opts.baseUrl ?? bedrockBaseUrl(opts.region);
  const where = `the AWS region (${opts.region}, from AWS_REGION)${opts.baseUrl ? ' and `anthropic-base-url`' : ''}`;
  const credentials = opts.credentials;
  const sdk = async () => {
    const { AnthropicBedrock } = await import('@anthropic-ai/bedrock-sdk');
    return new AnthropicBedrock({
      awsRegion: opts.region,
      // Explicit, so that the SDK does not read ANTHROPIC_BEDROCK_BASE_URL: main.ts decides where requests go.
      baseURL: baseUrl,
      // `null` keeps the SDK from reading AWS_BEARER_TOKEN_BEDROCK itself (main.ts passes it).
      apiKey: opts.apiKey ?? null,
      ...(credentials ? { providerChainResolver: async () => credentials } : {}),
      maxRetries: opts.maxRetries ?? 2,
      ...(opts.timeoutMs !== undefined ? { timeout: opts.timeoutMs } : {}),
    }) as unknown as PlatformSdkClient;
  };

  const wire = {
    countTokens: false,
    // Ids versioned like `…-v1:0` (the 4.5 generation and older) take only Bedrock's first API version.
    apiVersion: (model: string) => (/-v\d+:\d+$/.test(model) ? 'bedrock-2023-05-31' : null),
  };
  return createPlatformModelClient(
    sdk,
    {
      label: 'Amazon Bedrock',
      baseUrl,
      where,
      secrets: opts.secrets ?? [],
      credentialFailure: /Failed to resolve AWS credentials/i,
      badCredentials:
        /UnrecognizedClient|InvalidSignature|ExpiredToken|security token included in the request is (invalid|expired)|signature we calculated does not match/i,
      credentials:
        'Run `aws-actions/configure-aws-credentials` before this step (it leaves AWS_ACCESS_KEY_ID, ' +
        'AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN in the environment) with a role that may invoke ' +
        'Bedrock models, or set AWS_BEARER_TOKEN_BEDROCK to a Bedrock API key.',
      permission: (model) =>
        `the AWS identity may not invoke \`${model}\` in ${opts.region}: allow \`bedrock:InvokeModelWithResponseStream\` ` +
        'on the model and its inference profile, and enable access to the model in the Bedrock console.',
      modelNotFound: (model) =>
        `model \`${model}\` is not available on Bedrock in ${where}: check the \`model\` input (or ` +
        '`model-small`/`model-medium`/`model-large`): a line, or a Bedrock model or inference profile id such as ' +
        '`global.anthropic.claude-sonnet-5-5` or `us.anthropic.claude-sonnet-5-5`.',
      badModelId: (model, said) =>
        /inference profile|on-demand throughput|model identifier is invalid/i.test(said)
          ? `Bedrock will not invoke \`${model}\` by this id: set \`model\` (or \`model-small\`/\`model-medium\`/\`model-large\`) ` +
            'to an inference profile id such as `global.anthropic.claude-sonnet-5-5` or `us.anthropic.claude-sonnet-5-5`.'
          : null,
    },
    wire,
  );
}
