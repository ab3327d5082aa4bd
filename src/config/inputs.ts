/**
 * The public inputs of the action (names are part of the contract) with their defaults.
 * action.yml, the README table and `readConfig` are all checked against this list in tests.
 */
export const INPUT_DEFAULTS = {
  'anthropic-api-key': '',
  'anthropic-auth-token': '',
  'anthropic-base-url': '',
  'anthropic-timeout-seconds': '120',
  provider: 'anthropic',
  'aws-region': '',
  'vertex-region': '',
  'vertex-project-id': '',
  'github-token': '',
  'bot-login': '',
  model: '',
  'model-small': 'haiku',
  'model-medium': 'sonnet',
  'model-large': 'opus',
  'small-max-lines': '200',
  'medium-max-lines': '1500',
  'max-tokens-per-run': '100000',
  'max-output-tokens': '8192',
  'context-tokens': '20000',
  'max-tokens-per-pr': '',
  'max-tokens-per-month': '',
  'budget-mode': 'hard',
  'max-cost-usd': '',
  'price-table': '',
  'max-concurrency': '4',
  include: '',
  exclude: '',
  'min-severity': 'low',
  'max-comments': '20',
  'review-event': 'COMMENT',
  'review-drafts': 'false',
  'trigger-phrase': '/review',
  'dry-run': 'false',
  'guidelines-files': 'CLAUDE.md, AGENTS.md, .github/claude-review.md, .gitea/CLAUDE.md, .mokogitea/CLAUDE.md',
  'config-file': '.github/claude-review.yml',
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[];

/** Where the repository config file is looked for, in order, when `config-file` is left at its default. */
export const DEFAULT_CONFIG_FILES = [
  INPUT_DEFAULTS['config-file'],
  '.gitea/claude-review.yml',
  '.forgejo/claude-review.yml',
] as const;

/**
 * Inputs the repository config file may not set, and why. Secrets belong in the workflow's
 * `secrets` context, never in a file; settings that route a credential (base URL, provider,
 * cloud region and project) stay with the workflow that holds it; `config-file` names the file itself; and
 * `trigger-phrase` decides whether a comment starts the action at all, which is settled
 * before the forge is asked for anything (so before the file can be read).
 */
export const NOT_IN_CONFIG_FILE: Partial<Record<InputName, string>> = {
  'anthropic-api-key': 'a secret: pass it from the workflow (`${{ secrets.ANTHROPIC_API_KEY }}`)',
  'anthropic-auth-token': 'a secret: pass it from the workflow (`${{ secrets.… }}`)',
  'github-token': 'a secret: pass it from the workflow (default `${{ github.token }}`)',
  // Anyone who can change a file in a pull request's base branch must not be able to send the
  // workflow's secrets somewhere else: these decide where the credential goes.
  'anthropic-base-url': 'it decides where the API key is sent: set it in the workflow',
  provider: 'it decides where the credentials are sent: set it in the workflow',
  'aws-region': 'it decides where the AWS credentials are sent: set it in the workflow (or AWS_REGION)',
  'vertex-region': 'it decides where the Google credentials are sent: set it in the workflow',
  'vertex-project-id': 'it decides where the Google credentials are sent: set it in the workflow',
  'bot-login': 'it decides whose comments the action trusts as its own: set it in the workflow',
  'config-file': 'it names the config file itself: set it in the workflow',
  'trigger-phrase': 'it decides whether a comment starts the action, before the file is read: set it in the workflow',
};

/** Inputs the config file may set: every input except those above. */
export const CONFIG_FILE_KEYS = INPUT_NAMES.filter((name) => !(name in NOT_IN_CONFIG_FILE));

/** Inputs that take a list (one per line or comma-separated); the config file may give a YAML list. */
export const LIST_INPUTS: readonly InputName[] = ['include', 'exclude', 'guidelines-files'];
