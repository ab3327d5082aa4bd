import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import type { Price } from '../plan/prices.js';
import { validateGlobs } from '../diff/glob.js';
import { isModelLine, MODEL_LINES } from '../plan/models.js';
import { SEVERITIES, type Severity } from '../review/findings.js';
import { platformValueProblem, PROVIDERS, type PlatformConfig, type PlatformInput } from './platform.js';
import { INPUT_DEFAULTS, INPUT_NAMES, NOT_IN_CONFIG_FILE, type InputName } from './inputs.js';

export type ReviewEventPolicy = 'COMMENT' | 'REQUEST_CHANGES-on-critical';

export type Config = {
  credentials: { apiKey?: string; authToken?: string; baseUrl?: string };
  /** How long one API request may wait before it counts as failed (then retried). */
  timeoutSeconds: number;
  /** `provider` and its region/project inputs; empty ones are filled from the environment by main.ts. */
  platform: PlatformConfig;
  githubToken: string;
  /**
   * The `bot-login` input: the login the token posts as, when the forge cannot be asked
   * (see ForgeClient.identity); null: ask the forge.
   */
  botLogin: string | null;
  /** Forces one model (line or id) whatever the size. */
  model: string | null;
  tierModels: { small: string; medium: string; large: string };
  smallMaxLines: number;
  mediumMaxLines: number;
  maxTokensPerRun: number;
  maxOutputTokens: number;
  /**
   * Most tokens of code around the change (enclosing functions, definitions, call sites) a
   * run may send, after the diff; never more than CONTEXT_SHARE of the ceiling. 0: none.
   */
  contextTokens: number;
  /** Cumulative tokens across all runs on one PR; null: no limit. */
  maxTokensPerPr: number | null;
  /** Tokens across the repository in a calendar month (UTC); null: no limit. */
  maxTokensPerMonth: number | null;
  budgetMode: 'hard' | 'soft';
  /** Estimated US dollars per run; null: no limit. */
  maxCostUsd: number | null;
  /** Prices that override or extend the built-in table, by model id prefix. */
  priceTable: Record<string, Price>;
  maxConcurrency: number;
  include: string[];
  exclude: string[];
  minSeverity: Severity;
  maxComments: number;
  reviewEvent: ReviewEventPolicy;
  reviewDrafts: boolean;
  /** Words that start a comment command: the `trigger-phrase` input and `@claude-review`. */
  triggerPhrases: string[];
  dryRun: boolean;
  /** Files read from the base commit and given to the model as the project's review guidelines. */
  guidelinesFiles: string[];
  /** The `config-file` input: where the repository config file is (see `loadRepoConfig`). */
  configFile: string;
};

export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Splits a list input written one per line or comma-separated; blank entries and `#` comments are dropped. */
export function splitList(value: string): string[] {
  const items: string[] = [];
  let current = '';
  let depth = 0; // commas inside `{a,b}` belong to a brace glob
  for (const ch of value) {
    if (ch === '{') depth++;
    else if (ch === '}') depth = Math.max(0, depth - 1);
    if (ch === '\n' || (ch === ',' && depth === 0)) {
      items.push(current);
      current = '';
      if (ch === '\n') depth = 0;
    } else current += ch;
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s !== '' && !s.startsWith('#'));
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

function optionalInteger(name: InputName, min: number) {
  return z.string().transform((raw, ctx) => {
    if (raw.trim() === '') return null;
    const text = raw.trim().replace(/_/g, '');
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (Number.isSafeInteger(n) && n >= min) return n;
    ctx.addIssue({
      code: 'custom',
      message: `input \`${name}\` must be empty (no limit) or a whole number of at least ${min}; got "${raw}"`,
    });
    return z.NEVER;
  });
}

const priceSchema = z.object({
  input: z.number().nonnegative(),
  output: z.number().nonnegative(),
  cacheWrite: z.number().nonnegative().optional(),
  cacheRead: z.number().nonnegative().optional(),
});

/** `price-table`: YAML or JSON mapping a model id prefix to US $ per million tokens. */
const priceTable = z.string().transform((raw, ctx) => {
  if (raw.trim() === '') return {};
  const form =
    'a YAML or JSON mapping like `claude-sonnet-5-5: { input: 2, output: 10, cacheWrite: 2.5, cacheRead: 0.1 }` (US $ per million tokens)';
  let data: unknown;
  try {
    data = parseYaml(raw);
  } catch {
    ctx.addIssue({ code: 'custom', message: `input \`price-table\` is not valid YAML/JSON; expected ${form}` });
    return z.NEVER;
  }
  const parsed = z.record(z.string().min(1), priceSchema).safeParse(data);
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') ?? '';
    ctx.addIssue({ code: 'custom', message: `input \`price-table\` must be ${form}; problem at \`${where}\`` });
    return z.NEVER;
  }
  const table: Record<string, Price> = {};
  for (const [id, p] of Object.entries(parsed.data)) {
    table[id] = {
      input: p.input,
      output: p.output,
      cacheWrite: p.cacheWrite ?? p.input * 1.25,
      cacheRead: p.cacheRead ?? p.input * 0.1,
    };
  }
  return table;
});

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
    // A bare word is a model line; an unknown one is a typo to report now, not after requests.
    const knownLine = !isModelLine(v) || MODEL_LINES.includes(v);
    if (v === '' || (MODEL_SPEC.test(v) && knownLine)) return v;
    ctx.addIssue({
      code: 'custom',
      message: `input \`${name}\` must be a model line (\`haiku\`, \`sonnet\`, \`opus\`) or a model id such as \`claude-sonnet-5-5\`; got "${raw}"`,
    });
    return z.NEVER;
  });
}

const secret = z.string().transform((s) => s.trim());

/** Most files `guidelines-files` may name: each is one request to the forge. */
const MAX_GUIDELINES_FILES = 20;

/** A problem with a repository-relative file path, or null when it is one. */
function pathProblem(path: string): string | null {
  if (path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path)) return 'must be relative to the repository root';
  if (path.split(/[\\/]/).includes('..')) return 'must not contain `..`';
  if (/[*?[\]{}]/.test(path)) return 'must be a file path, not a glob';
  return null;
}

const guidelinesFiles = z.string().transform((raw, ctx) => {
  const paths = splitList(raw);
  const problems = paths.flatMap((p) => {
    const problem = pathProblem(p);
    return problem ? [`\`${p}\` ${problem}`] : [];
  });
  if (paths.length > MAX_GUIDELINES_FILES) problems.push(`at most ${MAX_GUIDELINES_FILES} files; got ${paths.length}`);
  if (problems.length === 0) return [...new Set(paths)];
  ctx.addIssue({
    code: 'custom',
    message: `input \`guidelines-files\` must list repository file paths (one per line or comma-separated): ${problems.join('; ')}`,
  });
  return z.NEVER;
});

const configFile = z.string().transform((raw, ctx) => {
  const v = raw.trim();
  const problem = pathProblem(v);
  if (!problem) return v;
  ctx.addIssue({ code: 'custom', message: `input \`config-file\` ${problem}; got "${raw}"` });
  return z.NEVER;
});

/** An optional region or project input: empty, or a value of the accepted form. */
function platformValue(name: PlatformInput) {
  return z.string().transform((raw, ctx) => {
    const v = raw.trim();
    const problem = v === '' ? null : platformValueProblem(name, v);
    if (!problem) return v === '' ? null : v;
    ctx.addIssue({ code: 'custom', message: problem });
    return z.NEVER;
  });
}

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
  provider: oneOf('provider', PROVIDERS),
  'aws-region': platformValue('aws-region'),
  'vertex-region': platformValue('vertex-region'),
  'vertex-project-id': platformValue('vertex-project-id'),
  'github-token': secret,
  'bot-login': z.string().transform((raw, ctx) => {
    const login = raw.trim();
    // Logins are letters, digits, hyphens (GitHub adds `[bot]` for Apps; Gitea allows . and _).
    if (login === '' || /^[A-Za-z0-9][A-Za-z0-9._-]*(\[bot\])?$/.test(login)) return login;
    ctx.addIssue({
      code: 'custom',
      message: `input \`bot-login\` must be a login such as \`my-app[bot]\`; got "${raw}"`,
    });
    return z.NEVER;
  }),
  'anthropic-timeout-seconds': integer('anthropic-timeout-seconds', 1, 3600),
  model: modelSpec('model'),
  'model-small': modelSpec('model-small'),
  'model-medium': modelSpec('model-medium'),
  'model-large': modelSpec('model-large'),
  'small-max-lines': integer('small-max-lines', 0),
  'medium-max-lines': integer('medium-max-lines', 0),
  'max-tokens-per-run': integer('max-tokens-per-run', 1),
  'max-output-tokens': integer('max-output-tokens', 256, 128_000),
  'context-tokens': integer('context-tokens', 0, 1_000_000),
  'max-tokens-per-pr': optionalInteger('max-tokens-per-pr', 1),
  'max-tokens-per-month': optionalInteger('max-tokens-per-month', 1),
  'budget-mode': oneOf('budget-mode', ['hard', 'soft'] as const),
  'max-cost-usd': z.string().transform((raw, ctx) => {
    if (raw.trim() === '') return null;
    const n = /^\d+(\.\d+)?$/.test(raw.trim()) ? Number(raw.trim()) : NaN;
    if (n > 0) return n;
    ctx.addIssue({
      code: 'custom',
      message: `input \`max-cost-usd\` must be empty (no limit) or a positive number of US dollars such as 0.50; got "${raw}"`,
    });
    return z.NEVER;
  }),
  'price-table': priceTable,
  'max-concurrency': integer('max-concurrency', 1, 16),
  include: z.string(),
  exclude: z.string(),
  'min-severity': oneOf('min-severity', SEVERITIES),
  'max-comments': integer('max-comments', 0, 1000),
  'review-event': oneOf('review-event', ['COMMENT', 'REQUEST_CHANGES-on-critical'] as const),
  'review-drafts': boolean('review-drafts'),
  'trigger-phrase': z.string().transform((raw, ctx) => {
    const v = raw.trim();
    if (/^[/@!]?[A-Za-z][\w-]{1,40}$/.test(v)) return v;
    ctx.addIssue({
      code: 'custom',
      message: `input \`trigger-phrase\` must be one word such as \`/review\` or \`@my-bot\`; got "${raw}"`,
    });
    return z.NEVER;
  }),
  'dry-run': boolean('dry-run'),
  'guidelines-files': guidelinesFiles,
  'config-file': configFile,
});

/** Where a value came from, for error messages. */
type Source = 'workflow' | 'file' | 'default';

/**
 * Reads every input through `getInput` (which returns '' for an input the workflow does not
 * set) and validates them together, so a user sees every mistake at once, each naming the
 * input and the accepted form. `fileValues` are the settings of the repository config file
 * (`loadRepoConfig`), named `fileName` in errors: a value the workflow sets wins over the
 * file's, and the file's wins over the default. Secrets and `config-file` are never taken
 * from the file.
 */
export function readConfig(
  getInput: (name: InputName) => string,
  fileValues: Partial<Record<InputName, string>> = {},
  fileName = 'the config file',
): Config {
  const raw: Record<string, string> = {};
  const source: Partial<Record<InputName, Source>> = {};
  for (const name of INPUT_NAMES) {
    const value = getInput(name);
    const fromFile = name in NOT_IN_CONFIG_FILE ? undefined : fileValues[name];
    if (value.trim() !== '') [raw[name], source[name]] = [value, 'workflow'];
    else if (fromFile !== undefined && fromFile.trim() !== '') [raw[name], source[name]] = [fromFile, 'file'];
    else [raw[name], source[name]] = [INPUT_DEFAULTS[name], 'default'];
  }
  const where = (name: InputName) => (source[name] === 'file' ? ` (set in \`${fileName}\`)` : '');
  const parsed = rawSchema.safeParse(raw);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.message}${where(i.path[0] as InputName)}`);
  // Checked on the raw text so it is reported together with any other mistake.
  const small = Number(raw['small-max-lines']);
  const medium = Number(raw['medium-max-lines']);
  if (medium < small) {
    problems.push(
      `input \`medium-max-lines\` (${medium})${where('medium-max-lines')} must be at least \`small-max-lines\` (${small})${where('small-max-lines')}`,
    );
  }
  for (const name of ['include', 'exclude'] as const) {
    const problem = validateGlobs(splitList(raw[name] ?? ''));
    if (problem) problems.push(`input \`${name}\`${where(name)}: ${problem}`);
  }
  if (!parsed.success || problems.length > 0) {
    throw new ConfigError(`Invalid input:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
  const v = parsed.data;
  const optional = (s: string) => (s === '' ? undefined : s);
  return {
    credentials: {
      apiKey: optional(v['anthropic-api-key']),
      authToken: optional(v['anthropic-auth-token']),
      baseUrl: optional(v['anthropic-base-url']),
    },
    platform: {
      provider: v.provider,
      awsRegion: v['aws-region'],
      vertexRegion: v['vertex-region'],
      vertexProjectId: v['vertex-project-id'],
    },
    githubToken: v['github-token'],
    botLogin: v['bot-login'].trim() === '' ? null : v['bot-login'].trim(),
    timeoutSeconds: v['anthropic-timeout-seconds'],
    model: v.model === '' ? null : v.model,
    tierModels: { small: v['model-small'], medium: v['model-medium'], large: v['model-large'] },
    smallMaxLines: v['small-max-lines'],
    mediumMaxLines: v['medium-max-lines'],
    maxTokensPerRun: v['max-tokens-per-run'],
    maxOutputTokens: v['max-output-tokens'],
    contextTokens: v['context-tokens'],
    maxTokensPerPr: v['max-tokens-per-pr'],
    maxTokensPerMonth: v['max-tokens-per-month'],
    budgetMode: v['budget-mode'],
    maxCostUsd: v['max-cost-usd'],
    priceTable: v['price-table'],
    maxConcurrency: v['max-concurrency'],
    include: splitList(v.include),
    exclude: splitList(v.exclude),
    minSeverity: v['min-severity'],
    maxComments: v['max-comments'],
    reviewEvent: v['review-event'],
    reviewDrafts: v['review-drafts'],
    triggerPhrases: [...new Set([v['trigger-phrase'], '@claude-review'])],
    dryRun: v['dry-run'],
    guidelinesFiles: v['guidelines-files'],
    configFile: v['config-file'],
  };
}
