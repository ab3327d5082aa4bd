import { z } from 'zod';
import { SEVERITIES, type Severity } from '../review/findings.js';
import { INPUT_DEFAULTS, INPUT_NAMES, type InputName } from './inputs.js';

export type ReviewEventPolicy = 'COMMENT' | 'REQUEST_CHANGES-on-critical';

export type Config = {
  credentials: { apiKey?: string; authToken?: string; baseUrl?: string };
  githubToken: string;
  /** Forces one model (line or id) whatever the size. */
  model: string | null;
  tierModels: { small: string; medium: string; large: string };
  smallMaxLines: number;
  mediumMaxLines: number;
  maxTokensPerRun: number;
  maxOutputTokens: number;
  include: string[];
  exclude: string[];
  minSeverity: Severity;
  maxComments: number;
  reviewEvent: ReviewEventPolicy;
  reviewDrafts: boolean;
  dryRun: boolean;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Splits a list input written one per line or comma-separated; blank entries and `#` comments are dropped. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((s) => s.trim())
    .filter((s) => s !== '' && !s.startsWith('#'));
}

const MODEL_SPEC = /^[A-Za-z0-9][A-Za-z0-9._:@/-]*$/;

function integer(name: InputName, min: number, max = Number.MAX_SAFE_INTEGER) {
  return z.string().transform((raw, ctx) => {
    const text = raw.trim().replace(/_/g, '');
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(n) || n < min || n > max) {
      ctx.addIssue({
        code: 'custom',
        message: `input \`${name}\` must be a whole number from ${min} to ${max}; got "${raw}"`,
      });
      return z.NEVER;
    }
    return n;
  });
}

function boolean(name: InputName) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim().toLowerCase();
    if (v === 'true' || v === 'false') return v === 'true';
    ctx.addIssue({ code: 'custom', message: `input \`${name}\` must be \`true\` or \`false\`; got "${raw}"` });
    return z.NEVER;
  });
}

function oneOf<T extends string>(name: InputName, values: readonly T[]) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim() as T;
    if (values.includes(v)) return v;
    ctx.addIssue({
      code: 'custom',
      message: `input \`${name}\` must be one of ${values.map((x) => `\`${x}\``).join(', ')}; got "${raw}"`,
    });
    return z.NEVER;
  });
}

function modelSpec(name: InputName) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (v === '' || MODEL_SPEC.test(v)) return v;
    ctx.addIssue({
      code: 'custom',
      message: `input \`${name}\` must be a model line (\`haiku\`, \`sonnet\`, \`opus\`) or a model id such as \`claude-sonnet-5-5\`; got "${raw}"`,
    });
    return z.NEVER;
  });
}

const secret = z.string().transform((s) => s.trim());

const rawSchema = z.object({
  'anthropic-api-key': secret,
  'anthropic-auth-token': secret,
  'anthropic-base-url': z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (v === '') return v;
    try {
      const u = new URL(v);
      if (u.protocol === 'http:' || u.protocol === 'https:') return v.replace(/\/+$/, '');
    } catch {
      /* reported below */
    }
    ctx.addIssue({ code: 'custom', message: `input \`anthropic-base-url\` must be an http(s) URL; got "${raw}"` });
    return z.NEVER;
  }),
  'github-token': secret,
  model: modelSpec('model'),
  'model-small': modelSpec('model-small'),
  'model-medium': modelSpec('model-medium'),
  'model-large': modelSpec('model-large'),
  'small-max-lines': integer('small-max-lines', 0),
  'medium-max-lines': integer('medium-max-lines', 0),
  'max-tokens-per-run': integer('max-tokens-per-run', 1),
  'max-output-tokens': integer('max-output-tokens', 256, 128_000),
  include: z.string(),
  exclude: z.string(),
  'min-severity': oneOf('min-severity', SEVERITIES),
  'max-comments': integer('max-comments', 0, 1000),
  'review-event': oneOf('review-event', ['COMMENT', 'REQUEST_CHANGES-on-critical'] as const),
  'review-drafts': boolean('review-drafts'),
  'dry-run': boolean('dry-run'),
});

/**
 * Reads every input through `getInput` (which returns '' for an unset input) and validates
 * them together, so a user sees every mistake at once, each naming the input and the accepted form.
 */
export function readConfig(getInput: (name: InputName) => string): Config {
  const raw: Record<string, string> = {};
  for (const name of INPUT_NAMES) {
    const value = getInput(name);
    raw[name] = value.trim() === '' ? INPUT_DEFAULTS[name] : value;
  }
  const parsed = rawSchema.safeParse(raw);
  if (!parsed.success) {
    throw new ConfigError(`Invalid input:\n${parsed.error.issues.map((i) => `- ${i.message}`).join('\n')}`);
  }
  const v = parsed.data;
  if (v['medium-max-lines'] < v['small-max-lines']) {
    throw new ConfigError(
      `Invalid input:\n- input \`medium-max-lines\` (${v['medium-max-lines']}) must be at least \`small-max-lines\` (${v['small-max-lines']})`,
    );
  }
  const optional = (s: string) => (s === '' ? undefined : s);
  return {
    credentials: {
      apiKey: optional(v['anthropic-api-key']),
      authToken: optional(v['anthropic-auth-token']),
      baseUrl: optional(v['anthropic-base-url']),
    },
    githubToken: v['github-token'],
    model: v.model === '' ? null : v.model,
    tierModels: { small: v['model-small'], medium: v['model-medium'], large: v['model-large'] },
    smallMaxLines: v['small-max-lines'],
    mediumMaxLines: v['medium-max-lines'],
    maxTokensPerRun: v['max-tokens-per-run'],
    maxOutputTokens: v['max-output-tokens'],
    include: splitList(v.include),
    exclude: splitList(v.exclude),
    minSeverity: v['min-severity'],
    maxComments: v['max-comments'],
    reviewEvent: v['review-event'],
    reviewDrafts: v['review-drafts'],
    dryRun: v['dry-run'],
  };
}
