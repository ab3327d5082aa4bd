/**
 * The action's settings (names are part of the contract) with their defaults, in two lists:
 * the workflow inputs that action.yml declares (what most users set in `with:`), and the
 * settings only the repository config file takes. `readConfig`, `parseRepoConfig`, action.yml,
 * the schema and the README tables are all checked against these lists in tests.
 */

/** Inputs of the workflow step: credentials, ceiling and budgets, triggers and the switches people flip. */
export const WORKFLOW_INPUTS = {
  'anthropic-api-key': '',
  'anthropic-auth-token': '',
  'anthropic-base-url': '',
  provider: 'anthropic',
  'github-token': '',
  'bot-login': '',
  'max-tokens-per-run': '100000',
  'max-tokens-per-pr': '',
  'max-tokens-per-month': '',
  'budget-mode': 'hard',
  'max-cost-usd': '',
  model: '',
  'min-severity': 'low',
  include: '',
  exclude: '',
  'context-tokens': '20000',
  'trigger-phrase': '/review',
  'review-drafts': 'false',
  'dry-run': 'false',
  'config-file': '.github/claude-review.yml',
} as const;

/**
 * Settings only the repository config file takes (action.yml does not declare them): tuning
 * that a project sets once, next to its code, rather than in every workflow.
 */
export const FILE_SETTINGS = {
  'model-small': 'haiku',
  'model-medium': 'sonnet',
  'model-large': 'opus',
  'max-lines-small': '200',
  'max-lines-medium': '1500',
  'max-output-tokens': '8192',
  'effort-small': 'low',
  'effort-medium': 'medium',
  'effort-large': 'high',
  'min-confidence': '70',
  'max-concurrency': '4',
  'max-comments': '20',
  'review-event': 'comment',
  'timeout-seconds': '120',
  'price-table': '',
  'guidelines-files': 'CLAUDE.md, AGENTS.md, .github/claude-review.md, .gitea/CLAUDE.md, .mokogitea/CLAUDE.md',
} as const;

export type WorkflowInput = keyof typeof WORKFLOW_INPUTS;
export type FileSetting = keyof typeof FILE_SETTINGS;
export type InputName = WorkflowInput | FileSetting;

export const INPUT_DEFAULTS: Readonly<Record<InputName, string>> = { ...WORKFLOW_INPUTS, ...FILE_SETTINGS };
export const WORKFLOW_INPUT_NAMES = Object.keys(WORKFLOW_INPUTS) as WorkflowInput[];
export const FILE_SETTING_NAMES = Object.keys(FILE_SETTINGS) as FileSetting[];
/** Every setting: the workflow's inputs, then the file's. */
export const INPUT_NAMES: InputName[] = [...WORKFLOW_INPUT_NAMES, ...FILE_SETTING_NAMES];

export function isFileSetting(name: string): name is FileSetting {
  return Object.hasOwn(FILE_SETTINGS, name);
}

/** Where the repository config file is looked for, in order, when `config-file` is left at its default. */
export const DEFAULT_CONFIG_FILES = [
  WORKFLOW_INPUTS['config-file'],
  '.gitea/claude-review.yml',
  '.forgejo/claude-review.yml',
] as const;

/**
 * Workflow inputs the repository config file may not set, and why. Secrets belong in the
 * workflow's `secrets` context, never in a file; settings that route a credential (base URL,
 * provider) or decide whose comments are trusted stay with the workflow that holds it;
 * `config-file` names the file itself; and `trigger-phrase` decides whether a comment starts
 * the action at all, which is settled before the forge is asked for anything (so before the
 * file can be read).
 */
export const NOT_IN_CONFIG_FILE: Partial<Record<InputName, string>> = {
  'anthropic-api-key': 'a secret: pass it from the workflow (`${{ secrets.ANTHROPIC_API_KEY }}`)',
  'anthropic-auth-token': 'a secret: pass it from the workflow (`${{ secrets.… }}`)',
  'github-token': 'a secret: pass it from the workflow (default `${{ github.token }}`)',
  // Anyone who can change a file in a pull request's base branch must not be able to send the
  // workflow's secrets somewhere else: these decide where the credential goes.
  'anthropic-base-url': 'it decides where the API key is sent: set it in the workflow',
  provider: 'it decides where the credentials are sent: set it in the workflow',
  'bot-login': 'it decides whose comments the action trusts as its own: set it in the workflow',
  'config-file': 'it names the config file itself: set it in the workflow',
  'trigger-phrase': 'it decides whether a comment starts the action, before the file is read: set it in the workflow',
};

/** Settings the config file may set: every setting except those above. */
export const CONFIG_FILE_KEYS: InputName[] = INPUT_NAMES.filter((name) => !(name in NOT_IN_CONFIG_FILE));

/** Settings that take a list (one per line or comma-separated); the config file may give a YAML list. */
export const LIST_INPUTS: readonly InputName[] = ['include', 'exclude', 'guidelines-files'];

/** A name that is no longer read: renamed to `now` (with why), or replaced by the environment. */
export type Retired = { now: InputName; why?: string } | { environment: string };

/**
 * Names that were inputs before 1.0 and are no more: each fails the run, in the workflow, in
 * the config file and on the command line, with what to write instead (a silently ignored
 * setting is worse than an error: the user believes it applies).
 */
export const RETIRED_INPUTS: Readonly<Record<string, Retired>> = {
  'anthropic-timeout-seconds': { now: 'timeout-seconds', why: 'it applies to Bedrock and Vertex AI too' },
  'small-max-lines': { now: 'max-lines-small' },
  'medium-max-lines': { now: 'max-lines-medium' },
  // Region and project route the cloud credentials, and the login steps already export them.
  'aws-region': {
    environment:
      'the Bedrock region comes from the environment: AWS_REGION (exported by `aws-actions/configure-aws-credentials` from its `aws-region`) or AWS_DEFAULT_REGION',
  },
  'vertex-region': {
    environment:
      'the Vertex AI location comes from the environment: CLOUD_ML_REGION (e.g. `env: { CLOUD_ML_REGION: us-east5 }` on the step), else `global`',
  },
  'vertex-project-id': {
    environment:
      'the Google Cloud project comes from the environment: GOOGLE_CLOUD_PROJECT (exported by `google-github-actions/auth` from its `project_id`) or GCLOUD_PROJECT',
  },
};

/** The retired entry for `name`, if it is one (own keys only: `constructor` is not a retired input). */
export function retiredInput(name: string): Retired | undefined {
  return Object.hasOwn(RETIRED_INPUTS, name) ? RETIRED_INPUTS[name] : undefined;
}

/**
 * What to write instead of a retired name, for where it was found: a workflow is also told
 * when the new name is a config file setting.
 */
export function retiredAdvice(retired: Retired, where: 'workflow' | 'file' | 'flags'): string {
  if ('environment' in retired) return `it is no longer read: ${retired.environment}`;
  const why = retired.why ? ` (${retired.why})` : '';
  const inFile = where === 'workflow' && isFileSetting(retired.now) ? ', a setting of the repository config file' : '';
  return `it is now \`${retired.now}\`${why}${inFile}`;
}

/** Values that were accepted before 1.0, per setting, with the value to write instead. */
export const RETIRED_VALUES: Readonly<Partial<Record<InputName, Readonly<Record<string, string>>>>> = {
  'review-event': { COMMENT: 'comment', 'REQUEST_CHANGES-on-critical': 'request-changes-on-critical' },
};
