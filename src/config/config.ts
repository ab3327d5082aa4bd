import type { TierEfforts } from './effort.js';
import { validateGlobs } from '../diff/glob.js';
import type { Price } from '../plan/prices.js';
import type { Severity } from '../review/findings.js';
import type { PlatformConfig } from './platform.js';
import { rawSchema, REVIEW_EVENTS, splitList } from './input-schema.js';
import {
  INPUT_DEFAULTS,
  INPUT_NAMES,
  isFileSetting,
  NOT_IN_CONFIG_FILE,
  RETIRED_INPUTS,
  RETIRED_VALUES,
  retiredAdvice,
  type InputName,
} from './inputs.js';

export { splitList } from './input-schema.js';

/** What the review posts (src/review/publish.ts): always a comment, or changes requested on a critical finding. */
export type ReviewEventPolicy = (typeof REVIEW_EVENTS)[keyof typeof REVIEW_EVENTS];

export type Config = {
  credentials: { apiKey?: string; authToken?: string; baseUrl?: string };
  /** How long one API request may wait before it counts as failed (then retried). */
  timeoutSeconds: number;
  /**
   * `provider`; the region and project are always null here: they come from the environment
   * the cloud login steps set (checkPlatform reads it), never from an input.
   */
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
  /** How hard each tier's model thinks (`output_config.effort`; lowered when `max_tokens` is tight). */
  tierEfforts: TierEfforts;
  /** Verified findings below this confidence (0–100) are listed in the summary, not posted. */
  minConfidence: number;
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

/** Where a value came from, for error messages. */
type Source = 'workflow' | 'file' | 'default';

/**
 * Where `getInput` reads: a workflow step's `with:` (only the inputs action.yml declares), or
 * the CLI's flags and tests, which may give any setting.
 */
export type InputLayer = 'workflow' | 'flags';

/**
 * Problems with names that are no longer read: a retired input given by `getInput`, and, from
 * a workflow, a setting that only the config file takes (the runner would pass it on with a
 * mere warning, and the user would believe it applies).
 */
function surfaceProblems(getInput: (name: string) => string, layer: InputLayer): string[] {
  const problems: string[] = [];
  const given = (name: string) => getInput(name).trim() !== '';
  for (const [old, retired] of Object.entries(RETIRED_INPUTS)) {
    if (given(old)) problems.push(`input \`${old}\`: ${retiredAdvice(retired, layer)}`);
  }
  if (layer === 'workflow') {
    for (const name of INPUT_NAMES.filter((n) => isFileSetting(n) && given(n))) {
      problems.push(
        `input \`${name}\` is not a workflow input: set it in the repository config file (\`.github/claude-review.yml\`, or the \`config-file\` input's path)`,
      );
    }
  }
  return problems;
}

/**
 * Reads every setting through `getInput` (which returns '' for one the workflow does not set)
 * and validates them together, so a user sees every mistake at once, each naming the setting
 * and the accepted form. `getInput` is also asked for the retired names (RETIRED_INPUTS), so
 * that an old name fails with what to write instead. `fileValues` are the settings of the
 * repository config file (`loadRepoConfig`), named `fileName` in errors: a value `getInput`
 * gives wins over the file's, and the file's wins over the default. Secrets and the other
 * workflow-only inputs are never taken from the file. With `layer: 'workflow'`, a setting only
 * the config file takes is refused from `getInput`.
 */
export function readConfig(
  getInput: (name: InputName) => string,
  fileValues: Partial<Record<InputName, string>> = {},
  fileName = 'the config file',
  layer: InputLayer = 'flags',
): Config {
  const raw: Record<string, string> = {};
  const source: Partial<Record<InputName, Source>> = {};
  // Old names are asked through the same function: core.getInput, flags or a test's map all
  // answer '' for a name they do not hold.
  const problems = surfaceProblems(getInput as (name: string) => string, layer);
  for (const name of INPUT_NAMES) {
    const value = layer === 'workflow' && isFileSetting(name) ? '' : getInput(name);
    const fromFile = name in NOT_IN_CONFIG_FILE ? undefined : fileValues[name];
    if (value.trim() !== '') [raw[name], source[name]] = [value, 'workflow'];
    else if (fromFile !== undefined && fromFile.trim() !== '') [raw[name], source[name]] = [fromFile, 'file'];
    else [raw[name], source[name]] = [INPUT_DEFAULTS[name], 'default'];
  }
  const where = (name: InputName) => (source[name] === 'file' ? ` (set in \`${fileName}\`)` : '');
  for (const [name, values] of Object.entries(RETIRED_VALUES) as [InputName, Record<string, string>][]) {
    const given = raw[name]!.trim();
    const instead = Object.hasOwn(values, given) ? values[given] : undefined;
    if (instead === undefined) continue;
    problems.push(`input \`${name}\`${where(name)}: \`${given}\` is now written \`${instead}\``);
    raw[name] = INPUT_DEFAULTS[name]; // reported once, here, not again as an unknown value
  }
  const parsed = rawSchema.safeParse(raw);
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => `${i.message}${where(i.path[0] as InputName)}`));
  // Checked on the raw text so it is reported together with any other mistake.
  const small = Number(raw['max-lines-small']);
  const medium = Number(raw['max-lines-medium']);
  if (medium < small) {
    problems.push(
      `input \`max-lines-medium\` (${medium})${where('max-lines-medium')} must be at least \`max-lines-small\` (${small})${where('max-lines-small')}`,
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
    platform: { provider: v.provider, awsRegion: null, vertexRegion: null, vertexProjectId: null },
    githubToken: v['github-token'],
    botLogin: v['bot-login'].trim() === '' ? null : v['bot-login'].trim(),
    timeoutSeconds: v['timeout-seconds'],
    model: v.model === '' ? null : v.model,
    tierModels: { small: v['model-small'], medium: v['model-medium'], large: v['model-large'] },
    smallMaxLines: v['max-lines-small'],
    mediumMaxLines: v['max-lines-medium'],
    maxTokensPerRun: v['max-tokens-per-run'],
    maxOutputTokens: v['max-output-tokens'],
    tierEfforts: { small: v['effort-small'], medium: v['effort-medium'], large: v['effort-large'] },
    minConfidence: v['min-confidence'],
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
    reviewEvent: REVIEW_EVENTS[v['review-event']],
    reviewDrafts: v['review-drafts'],
    triggerPhrases: [...new Set([v['trigger-phrase'], '@claude-review'])],
    dryRun: v['dry-run'],
    guidelinesFiles: v['guidelines-files'],
    configFile: v['config-file'],
  };
}
