/**
 * The zod schema of every setting as input text: each field's normalisation and an error
 * message that names the setting and the accepted form (readConfig collects them all).
 */
import { z } from 'zod';
import { parseEffort, type EffortInput } from './effort.js';
import { parse as parseYaml } from 'yaml';
import type { Price } from '../plan/prices.js';
import { isModelLine, MODEL_LINES } from '../plan/models.js';
import { SEVERITIES } from '../review/findings.js';
import { PROVIDERS } from './platform.js';
import type { InputName } from './inputs.js';

/** The `review-event` values, as written, and the policy each stands for (src/review/publish.ts). */
export const REVIEW_EVENTS = {
  comment: 'COMMENT',
  'request-changes-on-critical': 'REQUEST_CHANGES-on-critical',
} as const;

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

/** One tier's `effort-*` setting (see config/effort.ts). */
function effort(name: EffortInput) {
  return z.string().transform((raw, ctx) => {
    const parsed = parseEffort(name, raw);
    if (parsed.ok) return parsed.value;
    ctx.addIssue({ code: 'custom', message: parsed.error });
    return z.NEVER;
  });
}

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

export const rawSchema = z.object({
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
  'timeout-seconds': integer('timeout-seconds', 1, 3600),
  model: modelSpec('model'),
  'model-small': modelSpec('model-small'),
  'model-medium': modelSpec('model-medium'),
  'model-large': modelSpec('model-large'),
  'max-lines-small': integer('max-lines-small', 0),
  'max-lines-medium': integer('max-lines-medium', 0),
  'max-tokens-per-run': integer('max-tokens-per-run', 1),
  'max-output-tokens': integer('max-output-tokens', 256, 128_000),
  'effort-small': effort('effort-small'),
  'effort-medium': effort('effort-medium'),
  'effort-large': effort('effort-large'),
  'min-confidence': integer('min-confidence', 0, 100),
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
  'review-event': oneOf('review-event', Object.keys(REVIEW_EVENTS) as (keyof typeof REVIEW_EVENTS)[]),
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
