/**
 * The public inputs of the action (names are part of the contract) with their defaults.
 * action.yml, the README table and `readConfig` are all checked against this list in tests.
 */
export const INPUT_DEFAULTS = {
  'anthropic-api-key': '',
  'anthropic-auth-token': '',
  'anthropic-base-url': '',
  'github-token': '',
  model: '',
  'model-small': 'haiku',
  'model-medium': 'sonnet',
  'model-large': 'opus',
  'small-max-lines': '200',
  'medium-max-lines': '1500',
  'max-tokens-per-run': '100000',
  'max-output-tokens': '8192',
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
} as const;

export type InputName = keyof typeof INPUT_DEFAULTS;
export const INPUT_NAMES = Object.keys(INPUT_DEFAULTS) as InputName[];
