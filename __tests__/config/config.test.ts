import { describe, expect, test } from '@jest/globals';
import { ConfigError, readConfig, splitList } from '../../src/config/config.js';
import {
  FILE_SETTING_NAMES,
  INPUT_DEFAULTS,
  INPUT_NAMES,
  RETIRED_INPUTS,
  WORKFLOW_INPUT_NAMES,
  type InputName,
} from '../../src/config/inputs.js';

/** getInput as the runner gives it: '' for anything not set in the workflow. */
function inputs(set: Partial<Record<InputName, string>>): (name: InputName) => string {
  return (name) => set[name] ?? '';
}

function errorOf(set: Partial<Record<InputName, string>>): ConfigError {
  try {
    readConfig(inputs(set));
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error(`expected readConfig to reject ${JSON.stringify(set)}`);
}

describe('readConfig defaults', () => {
  test('an empty workflow step gets the documented defaults', () => {
    const c = readConfig(inputs({}));
    expect(c).toEqual({
      credentials: { apiKey: undefined, authToken: undefined, baseUrl: undefined },
      platform: { provider: 'anthropic', awsRegion: null, vertexRegion: null, vertexProjectId: null },
      githubToken: '',
      botLogin: null,
      contextTokens: 20000,
      tierEfforts: { small: 'low', medium: 'medium', large: 'high' },
      minConfidence: 70,
      timeoutSeconds: 120,
      maxTokensPerPr: null,
      maxTokensPerMonth: null,
      budgetMode: 'hard',
      maxCostUsd: null,
      priceTable: {},
      maxConcurrency: 4,
      triggerPhrases: ['/review', '@claude-review'],
      model: null,
      tierModels: { small: 'haiku', medium: 'sonnet', large: 'opus' },
      smallMaxLines: 200,
      mediumMaxLines: 1500,
      maxTokensPerRun: 100000,
      maxOutputTokens: 8192,
      include: [],
      exclude: [],
      minSeverity: 'low',
      maxComments: 20,
      reviewEvent: 'COMMENT',
      reviewDrafts: false,
      dryRun: false,
      guidelinesFiles: [
        'CLAUDE.md',
        'AGENTS.md',
        '.github/claude-review.md',
        '.gitea/CLAUDE.md',
        '.mokogitea/CLAUDE.md',
      ],
      configFile: '.github/claude-review.yml',
    });
  });

  test('an input set to whitespace only counts as unset', () => {
    const c = readConfig(inputs({ 'max-lines-small': '   ', 'model-small': ' \n', 'dry-run': ' ' }));
    expect(c.smallMaxLines).toBe(200);
    expect(c.tierModels.small).toBe('haiku');
    expect(c.dryRun).toBe(false);
  });

  test('every setting has a default entry; getInput is asked for every one of them and every retired name', () => {
    const asked: string[] = [];
    readConfig((name) => {
      asked.push(name);
      return '';
    });
    expect([...new Set(asked)].sort()).toEqual([...INPUT_NAMES, ...Object.keys(RETIRED_INPUTS)].sort());
    expect(Object.keys(INPUT_DEFAULTS).sort()).toEqual([...INPUT_NAMES].sort());
    expect(INPUT_NAMES).toEqual([...WORKFLOW_INPUT_NAMES, ...FILE_SETTING_NAMES]);
  });
});

describe('readConfig accepts well-formed values', () => {
  test('numbers, booleans, enums and models are parsed', () => {
    const c = readConfig(
      inputs({
        'max-lines-small': '50',
        'max-lines-medium': '1_000',
        'max-tokens-per-run': ' 250000 ',
        'max-output-tokens': '256',
        'max-comments': '0',
        'min-severity': 'high',
        'review-event': 'request-changes-on-critical',
        'review-drafts': 'TRUE',
        'dry-run': 'False',
        model: 'claude-sonnet-5-5',
        'model-large': 'us.anthropic.claude-opus-5-5:0',
      }),
    );
    expect(c.smallMaxLines).toBe(50);
    expect(c.mediumMaxLines).toBe(1000);
    expect(c.maxTokensPerRun).toBe(250000);
    expect(c.maxOutputTokens).toBe(256);
    expect(c.maxComments).toBe(0);
    expect(c.minSeverity).toBe('high');
    expect(c.reviewEvent).toBe('REQUEST_CHANGES-on-critical');
    expect(c.reviewDrafts).toBe(true);
    expect(c.dryRun).toBe(false);
    expect(c.model).toBe('claude-sonnet-5-5');
    expect(c.tierModels.large).toBe('us.anthropic.claude-opus-5-5:0');
  });

  test('secrets are trimmed (a pasted key often carries a newline)', () => {
    const c = readConfig(
      inputs({
        'anthropic-api-key': '  sk-ant-api03-abc\n',
        'anthropic-auth-token': '\tgw-token ',
        'github-token': ' ghs_123\n',
      }),
    );
    expect(c.credentials.apiKey).toBe('sk-ant-api03-abc');
    expect(c.credentials.authToken).toBe('gw-token');
    expect(c.githubToken).toBe('ghs_123');
  });

  test('a base URL loses its trailing slashes; http and https are both accepted', () => {
    expect(readConfig(inputs({ 'anthropic-base-url': 'https://gw.example.com/anthropic//' })).credentials.baseUrl).toBe(
      'https://gw.example.com/anthropic',
    );
    expect(readConfig(inputs({ 'anthropic-base-url': 'http://127.0.0.1:8080' })).credentials.baseUrl).toBe(
      'http://127.0.0.1:8080',
    );
  });

  test('max-lines-medium equal to max-lines-small is allowed', () => {
    const c = readConfig(inputs({ 'max-lines-small': '300', 'max-lines-medium': '300' }));
    expect([c.smallMaxLines, c.mediumMaxLines]).toEqual([300, 300]);
  });
});

describe('readConfig rejects bad values, naming the input and the accepted form', () => {
  const wholeNumbers: [InputName, string, RegExp][] = [
    ['max-lines-small', '-1', /from 0 to/],
    ['max-lines-medium', 'lots', /from 0 to/],
    ['max-tokens-per-run', '0', /from 1 to/],
    ['max-tokens-per-run', '1e5', /from 1 to/],
    ['max-tokens-per-run', '12.5', /from 1 to/],
    ['max-output-tokens', '255', /from 256 to 128000/],
    ['max-output-tokens', '128001', /from 256 to 128000/],
    ['max-comments', '1001', /from 0 to 1000/],
    ['max-comments', '9007199254740993', /from 0 to 1000/],
  ];
  test.each(wholeNumbers)('%s = %j', (name, value, range) => {
    const e = errorOf({ [name]: value });
    expect(e.message).toContain(`\`${name}\``);
    expect(e.message).toMatch(/whole number/);
    expect(e.message).toMatch(range);
    expect(e.message).toContain(`"${value}"`);
  });

  test.each([['review-drafts'], ['dry-run']] as [InputName][])('%s must be true or false', (name) => {
    const e = errorOf({ [name]: 'yes' });
    expect(e.message).toContain(`\`${name}\``);
    expect(e.message).toContain('`true` or `false`');
    expect(e.message).toContain('"yes"');
  });

  test('min-severity lists every severity', () => {
    const e = errorOf({ 'min-severity': 'major' });
    expect(e.message).toContain('`min-severity`');
    for (const s of ['critical', 'high', 'medium', 'low', 'nit']) expect(e.message).toContain(`\`${s}\``);
    expect(e.message).toContain('"major"');
  });

  test('review-event lists both policies (and is case-sensitive)', () => {
    const e = errorOf({ 'review-event': 'request_changes' });
    expect(e.message).toContain('`review-event`');
    expect(e.message).toContain('`comment`');
    expect(e.message).toContain('`request-changes-on-critical`');
  });

  test.each([['model'], ['model-small'], ['model-medium'], ['model-large']] as [InputName][])(
    '%s rejects something that is not a model line or id',
    (name) => {
      const e = errorOf({ [name]: 'claude sonnet; rm -rf' });
      expect(e.message).toContain(`\`${name}\``);
      expect(e.message).toMatch(/model line .*haiku.*sonnet.*opus.* or a model id/);
    },
  );

  test.each(['not a url', 'ftp://example.com', 'file:///etc/passwd', 'example.com'])('anthropic-base-url = %j', (v) => {
    const e = errorOf({ 'anthropic-base-url': v });
    expect(e.message).toContain('`anthropic-base-url`');
    expect(e.message).toContain('http(s) URL');
  });

  test('several bad inputs are reported together, one line each', () => {
    const e = errorOf({
      'max-tokens-per-run': 'many',
      'dry-run': 'maybe',
      'min-severity': 'bad',
      'anthropic-base-url': 'nope',
    });
    const lines = e.message.split('\n').filter((l) => l.startsWith('- '));
    expect(lines).toHaveLength(4);
    for (const name of ['max-tokens-per-run', 'dry-run', 'min-severity', 'anthropic-base-url']) {
      expect(lines.some((l) => l.includes(`\`${name}\``))).toBe(true);
    }
  });

  test('max-lines-medium below max-lines-small is rejected, naming both values', () => {
    const e = errorOf({ 'max-lines-small': '500', 'max-lines-medium': '100' });
    expect(e.message).toContain('`max-lines-medium` (100)');
    expect(e.message).toContain('`max-lines-small` (500)');
  });

  test('max-lines-medium below the default max-lines-small is rejected too', () => {
    expect(errorOf({ 'max-lines-medium': '199' }).message).toContain('`max-lines-small` (200)');
  });

  // BUG: the tier-order check runs only after every other input parsed, so it is not
  // reported together with the other mistakes (config.ts, readConfig).
  test('the tier-order mistake is reported together with the other bad inputs', () => {
    const e = errorOf({ 'max-lines-small': '500', 'max-lines-medium': '100', 'dry-run': 'maybe' });
    expect(e.message).toContain('`dry-run`');
    expect(e.message).toContain('`max-lines-medium` (100)');
  });

  test('a rejected secret never appears in the message', () => {
    const e = errorOf({ 'anthropic-api-key': 'sk-ant-api03-SECRET', 'dry-run': 'maybe' });
    expect(e.message).not.toContain('SECRET');
  });
});

describe('list inputs', () => {
  test('split on newlines and commas, trimmed, blanks and # comments dropped', () => {
    expect(splitList('src/**\n  lib/*.ts , test/**\n\n# generated code\n  # another comment\ndocs/**,')).toEqual([
      'src/**',
      'lib/*.ts',
      'test/**',
      'docs/**',
    ]);
  });

  test('CRLF line endings leave no stray carriage returns', () => {
    expect(splitList('a/**\r\nb/**\r\n')).toEqual(['a/**', 'b/**']);
  });

  test('include and exclude come out of readConfig as lists', () => {
    const c = readConfig(inputs({ include: 'src/**\n# not me\nlib/**', exclude: '**/*.lock, dist/**' }));
    expect(c.include).toEqual(['src/**', 'lib/**']);
    expect(c.exclude).toEqual(['**/*.lock', 'dist/**']);
  });

  // BUG: commas are list separators even inside a brace glob, so `*.{ts,tsx}` is broken
  // into two meaningless patterns (config.ts, splitList).
  test('a brace glob such as src/**/*.{ts,tsx} stays one pattern', () => {
    expect(splitList('src/**/*.{ts,tsx}\ndocs/**')).toEqual(['src/**/*.{ts,tsx}', 'docs/**']);
  });
});

describe('globs are checked before any request', () => {
  test('an unbalanced bracket in include or exclude fails, naming the input and the pattern', () => {
    const e = errorOf({ include: 'src/**\nsrc/[abc', exclude: 'docs/{a,b' });
    expect(e.message).toContain('input `include`: Invalid glob pattern `src/[abc`');
    expect(e.message).toContain('input `exclude`');
  });

  test('good globs pass', () => {
    expect(readConfig(inputs({ include: 'src/**/*.{ts,tsx}', exclude: '*.md' })).include).toEqual([
      'src/**/*.{ts,tsx}',
    ]);
  });
});

describe('model inputs are checked before any request', () => {
  test('an unknown model line is refused with the accepted values', () => {
    const e = errorOf({ 'model-small': 'gpt', model: 'sonet' });
    expect(e.message).toContain('input `model-small` must be a model line (`haiku`, `sonnet`, `opus`)');
    expect(e.message).toContain('input `model`');
  });

  test('known lines and full ids pass', () => {
    const c = readConfig(inputs({ 'model-large': 'claude-opus-5-5', 'model-small': 'haiku' }));
    expect(c.tierModels).toEqual({ small: 'haiku', medium: 'sonnet', large: 'claude-opus-5-5' });
  });
});

/** getInput of a workflow step: the runner passes whatever `with:` holds, declared or not. */
function workflowError(set: Record<string, string>): string {
  try {
    readConfig((name) => set[name] ?? '', {}, undefined, 'workflow');
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).message;
  }
  throw new Error(`expected readConfig to reject ${JSON.stringify(set)}`);
}

describe('renamed and removed inputs fail loudly with what to write instead', () => {
  test('each old name in the workflow fails, all at once, naming the new one', () => {
    const message = workflowError({
      'anthropic-timeout-seconds': '300',
      'small-max-lines': '100',
      'medium-max-lines': '900',
      'aws-region': 'us-east-1',
      'vertex-region': 'us-east5',
      'vertex-project-id': 'my-project',
    });
    expect(message).toContain(
      '- input `anthropic-timeout-seconds`: it is now `timeout-seconds` (it applies to Bedrock and Vertex AI too), a setting of the repository config file',
    );
    expect(message).toContain(
      '- input `small-max-lines`: it is now `max-lines-small`, a setting of the repository config file',
    );
    expect(message).toContain('- input `medium-max-lines`: it is now `max-lines-medium`');
    expect(message).toMatch(
      /- input `aws-region`: it is no longer read: the Bedrock region comes from the environment: AWS_REGION/,
    );
    expect(message).toMatch(/- input `vertex-region`: .*CLOUD_ML_REGION/);
    expect(message).toMatch(/- input `vertex-project-id`: .*GOOGLE_CLOUD_PROJECT/);
  });

  test('an old name fails on the command line and in tests too, not only in a workflow', () => {
    expect(errorOf({ 'small-max-lines': '10' } as Partial<Record<InputName, string>>).message).toContain(
      'input `small-max-lines`: it is now `max-lines-small`',
    );
  });

  test.each([
    ['COMMENT', 'comment'],
    ['REQUEST_CHANGES-on-critical', 'request-changes-on-critical'],
  ])('review-event %s is refused with the new spelling %s', (old, now) => {
    const message = errorOf({ 'review-event': old }).message;
    expect(message.split('\n')).toEqual([
      'Invalid input:',
      `- input \`review-event\`: \`${old}\` is now written \`${now}\``,
    ]);
  });

  test('a setting only the config file takes is refused from the workflow, saying where it goes', () => {
    const message = workflowError({ 'max-comments': '5', 'model-large': 'sonnet', 'max-tokens-per-run': '50000' });
    expect(message).toContain(
      '- input `max-comments` is not a workflow input: set it in the repository config file (`.github/claude-review.yml`',
    );
    expect(message).toContain('- input `model-large` is not a workflow input');
    expect(message).not.toContain('max-tokens-per-run');
  });

  test('from a workflow, file settings still come from the file', () => {
    const c = readConfig(
      () => '',
      { 'max-comments': '5', 'max-lines-small': '50' },
      '.github/claude-review.yml',
      'workflow',
    );
    expect([c.maxComments, c.smallMaxLines]).toEqual([5, 50]);
  });
});
