/**
 * Which Claude platform serves the model calls, and the checks on the region and project
 * values that the cloud login steps leave in the environment. Pure: the environment is never
 * read here (main.ts passes it in).
 */

export const PROVIDERS = ['anthropic', 'bedrock', 'vertex'] as const;
export type Provider = (typeof PROVIDERS)[number];

/** The platform: `provider`, and a region or project given directly (always null from readConfig: they come from the environment). */
export type PlatformConfig = {
  provider: Provider;
  awsRegion: string | null;
  vertexRegion: string | null;
  vertexProjectId: string | null;
};

/** What a value is for (the names the inputs had before 1.0; now each is an environment variable's job). */
export type PlatformInput = 'aws-region' | 'vertex-region' | 'vertex-project-id';

/** us-east-1, eu-central-1, ap-southeast-2, us-gov-west-1, il-central-1, … */
const AWS_REGION = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;
/** `global`, the multi-regions `us`/`eu`, or a region such as us-east5, europe-west4, asia-northeast1. */
const VERTEX_REGION = /^(global|us|eu|[a-z]+-[a-z]+\d{1,2})$/;
/** 6–30 characters, lower-case letters, digits and hyphens; legacy ids carry a `domain:` prefix. */
const GCP_PROJECT = /^([a-z0-9][a-z0-9.-]{0,61}[a-z0-9]:)?[a-z][a-z0-9-]{4,28}[a-z0-9]$/;

const FORMS: Record<PlatformInput, { pattern: RegExp; form: string }> = {
  'aws-region': { pattern: AWS_REGION, form: 'an AWS region such as `us-east-1` or `eu-central-1`' },
  'vertex-region': {
    pattern: VERTEX_REGION,
    form: 'a Vertex AI location such as `global`, `us-east5` or `europe-west1`',
  },
  'vertex-project-id': {
    pattern: GCP_PROJECT,
    form: 'a Google Cloud project id such as `my-project-123` (not the project number or name)',
  },
};

/**
 * Null when `value` is a valid value of `input`, else the problem. `source` says where the
 * value came from when it was not the input itself (an environment variable).
 */
export function platformValueProblem(input: PlatformInput, value: string, source?: string): string | null {
  const { pattern, form } = FORMS[input];
  if (pattern.test(value)) return null;
  const where = source ? `${source} (read because input \`${input}\` is empty)` : `input \`${input}\``;
  return `${where} must be ${form}; got "${value}"`;
}
