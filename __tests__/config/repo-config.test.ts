import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, test } from '@jest/globals';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { ConfigError, readConfig } from '../../src/config/config.js';
import {
  CONFIG_FILE_KEYS,
  DEFAULT_CONFIG_FILES,
  INPUT_NAMES,
  NOT_IN_CONFIG_FILE,
  type InputName,
} from '../../src/config/inputs.js';
import { loadRepoConfig, parseRepoConfig } from '../../src/config/repo-config.js';
import { SEVERITIES } from '../../src/review/findings.js';
import { memoryForge } from '../support/memory-forge.js';

// ajv-formats is CommonJS; under NodeNext its default import is typed as the module object.
const addFormats = addFormatsImport as unknown as typeof addFormatsImport.default;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FILE = '.github/claude-review.yml';

/** getInput as the runner gives it: '' for anything the workflow does not set. */
const workflow =
  (set: Partial<Record<InputName, string>> = {}) =>
  (name: InputName) =>
    set[name] ?? '';

function problemOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as Error).message;
  }
  throw new Error('expected a ConfigError');
}

const logs = () => {
  const seen = { info: [] as string[], warning: [] as string[] };
  return { seen, log: { info: (m: string) => seen.info.push(m), warning: (m: string) => seen.warning.push(m) } };
};

describe('parseRepoConfig', () => {
  test('every value becomes the text the same input would have in the workflow', () => {
    const values = parseRepoConfig(
      [
        'max-tokens-per-run: 50000',
        'exclude: ["docs/**", "*.md"]',
        'include: src/**, lib/**',
        'dry-run: true',
        'model: ~',
        'min-severity: medium',
        'price-table:',
        '  claude-x: { input: 1, output: 5 }',
      ].join('\n'),
      FILE,
    );
    expect(values).toEqual({
      'max-tokens-per-run': '50000',
      exclude: 'docs/**\n*.md',
      include: 'src/**, lib/**',
      'dry-run': 'true',
      model: '',
      'min-severity': 'medium',
      'price-table': '{"claude-x":{"input":1,"output":5}}',
    });
  });

  test('an empty file, or one with only comments, sets nothing', () => {
    expect(parseRepoConfig('', FILE)).toEqual({});
    expect(parseRepoConfig('# nothing yet\n', FILE)).toEqual({});
  });

  test('secrets, credential routing, config-file and trigger-phrase are refused, each named with its line and why', () => {
    const message = problemOf(() =>
      parseRepoConfig(
        [
          'anthropic-api-key: sk-ant-api03-x',
          'anthropic-auth-token: t',
          'github-token: ghs_x',
          'anthropic-base-url: https://collector.example',
          'provider: bedrock',
          'bot-login: mallory',
          'config-file: other.yml',
          'trigger-phrase: /ai',
        ].join('\n'),
        FILE,
      ),
    );
    expect(message).toContain(`Invalid config file \`${FILE}\``);
    for (const [line, key] of Object.keys(NOT_IN_CONFIG_FILE).entries()) {
      expect(message).toContain(`line ${line + 1}: \`${key}\` cannot be set in the config file`);
    }
    expect(message).toMatch(/anthropic-api-key.*secret/);
    expect(message).toMatch(/anthropic-base-url.*decides where the API key is sent: set it in the workflow/);
    expect(message).not.toContain('sk-ant-api03-x');
  });

  test('unknown keys are refused with the accepted names, and a near miss gets a suggestion', () => {
    const message = problemOf(() => parseRepoConfig('max_comments: 3\nreviewers: [a]\n', FILE));
    expect(message).toContain('line 1: `max_comments` is not a setting (did you mean `max-comments`?)');
    expect(message).toContain('line 2: `reviewers` is not a setting');
    const accepted = /accepted names: (.*)$/m.exec(message)![1]!;
    expect(accepted.split(', ').map((n) => n.replace(/`/g, ''))).toEqual(CONFIG_FILE_KEYS);
  });

  test('renamed and removed names fail with what to write instead, each with its line', () => {
    const message = problemOf(() =>
      parseRepoConfig(
        'small-max-lines: 100\nanthropic-timeout-seconds: 300\naws-region: us-east-1\nconstructor: 1\n',
        FILE,
      ),
    );
    expect(message).toContain('line 1: `small-max-lines`: it is now `max-lines-small`');
    expect(message).toContain(
      'line 2: `anthropic-timeout-seconds`: it is now `timeout-seconds` (it applies to Bedrock and Vertex AI too)',
    );
    expect(message).toMatch(/line 3: `aws-region`: it is no longer read: .*AWS_REGION/);
    expect(message).toContain('line 4: `constructor` is not a setting');
  });

  test('an old value from the file is refused with the new spelling and the file named', () => {
    const file = parseRepoConfig('review-event: REQUEST_CHANGES-on-critical\n', FILE);
    expect(problemOf(() => readConfig(workflow(), file, FILE))).toContain(
      'input `review-event` (set in `.github/claude-review.yml`): `REQUEST_CHANGES-on-critical` is now written `request-changes-on-critical`',
    );
  });

  test('malformed YAML names the file and the line', () => {
    expect(problemOf(() => parseRepoConfig('model: sonnet\nexclude: [docs/**\nmin-severity: low\n', FILE))).toMatch(
      /^Invalid config file `\.github\/claude-review\.yml`:\n- not valid YAML at line \d+, column \d+: /,
    );
    expect(problemOf(() => parseRepoConfig('model: a\nmodel: b\n', FILE))).toMatch(
      /line 2, column 1: Map keys must be unique/,
    );
    expect(problemOf(() => parseRepoConfig('- just\n- a list\n', FILE))).toContain('line 1: must be a mapping');
  });

  test('a list where one value is expected, or a mapping outside price-table, is refused', () => {
    const message = problemOf(() => parseRepoConfig('model: [a, b]\nmin-severity: { a: 1 }\n', FILE));
    expect(message).toContain('line 1: `model` takes one value, not a list');
    expect(message).toContain('line 2: `min-severity` takes one value, not a mapping');
  });
});

describe('readConfig with the config file', () => {
  test('the workflow wins where it sets an input; the file beats the defaults', () => {
    const file = parseRepoConfig('max-tokens-per-run: 50000\nmin-severity: high\nexclude: ["docs/**"]\n', FILE);
    const c = readConfig(workflow({ 'max-tokens-per-run': '70000' }), file, FILE);
    expect(c.maxTokensPerRun).toBe(70000);
    expect(c.minSeverity).toBe('high');
    expect(c.exclude).toEqual(['docs/**']);
    expect(c.maxComments).toBe(20);
  });

  test("a bad value from the file is reported with the input's own message and the file's name", () => {
    const file = parseRepoConfig('budget-mode: sometimes\nmax-tokens-per-run: lots\n', FILE);
    const message = problemOf(() => readConfig(workflow(), file, FILE));
    expect(message).toContain(
      'input `budget-mode` must be one of `hard`, `soft`; got "sometimes" (set in `.github/claude-review.yml`)',
    );
    expect(message).toContain('input `max-tokens-per-run` must be a whole number');
    // The workflow's value is checked as the workflow's: no file named.
    expect(problemOf(() => readConfig(workflow({ 'budget-mode': 'x' }), {}, FILE))).not.toContain(FILE);
  });

  test('secrets and config-file handed to readConfig as file values are ignored', () => {
    const c = readConfig(workflow(), { 'anthropic-api-key': 'sk-ant-api03-file', 'config-file': 'x.yml' }, FILE);
    expect(c.credentials.apiKey).toBeUndefined();
    expect(c.configFile).toBe(FILE);
  });

  test('guidelines-files takes paths, never globs or paths outside the repository', () => {
    expect(
      readConfig(workflow({ 'guidelines-files': 'CLAUDE.md\ndocs/REVIEW.md, CLAUDE.md' })).guidelinesFiles,
    ).toEqual(['CLAUDE.md', 'docs/REVIEW.md']);
    const message = problemOf(() => readConfig(workflow({ 'guidelines-files': '/etc/passwd, ../x.md, docs/*.md' })));
    expect(message).toMatch(
      /`guidelines-files`.*`\/etc\/passwd` must be relative.*`\.\.\/x\.md` must not contain `\.\.`.*`docs\/\*\.md` must be a file path/,
    );
  });
});

describe('loadRepoConfig', () => {
  const BASE = 'b'.repeat(40);
  const HEAD = 'a'.repeat(40);

  test("reads the file at the pull request's base commit, never the head", async () => {
    const forge = memoryForge('');
    forge.files[`${BASE}:${FILE}`] = 'max-tokens-per-run: 40000\n';
    forge.files[`${HEAD}:${FILE}`] = 'max-tokens-per-run: 999999\nmin-severity: nit\n';
    const { log, seen } = logs();
    const loaded = await loadRepoConfig(forge, forge.pr.baseSha, FILE, log);
    expect(loaded).toEqual({ path: FILE, values: { 'max-tokens-per-run': '40000' } });
    expect(forge.fileReads.every((r) => r.ref === BASE)).toBe(true);
    expect(seen.info).toEqual([`Settings from ${FILE} at base bbbbbbb: max-tokens-per-run.`]);
  });

  test.each([
    ['.github/claude-review.yml', ['.github/claude-review.yml']],
    ['.gitea/claude-review.yml', ['.github/claude-review.yml', '.gitea/claude-review.yml']],
    [
      '.forgejo/claude-review.yml',
      ['.github/claude-review.yml', '.gitea/claude-review.yml', '.forgejo/claude-review.yml'],
    ],
  ])('at the default, %s is found (the earlier places %j being absent)', async (where, looked) => {
    const forge = memoryForge('');
    forge.files[where] = 'max-comments: 5\n';
    const loaded = await loadRepoConfig(forge, forge.pr.baseSha, FILE, logs().log);
    expect(loaded.path).toBe(where);
    expect(loaded.values).toEqual({ 'max-comments': '5' });
    // Every place is asked at once: one round trip, not one per place.
    expect(forge.fileReads.map((r) => r.path)).toEqual([...DEFAULT_CONFIG_FILES]);
    expect(looked.at(-1)).toBe(where);
  });

  test('.github wins when several exist; a named config-file is the only place looked', async () => {
    const forge = memoryForge('');
    forge.files['.github/claude-review.yml'] = 'max-comments: 1\n';
    forge.files['.gitea/claude-review.yml'] = 'max-comments: 2\n';
    expect((await loadRepoConfig(forge, forge.pr.baseSha, FILE, logs().log)).values).toEqual({ 'max-comments': '1' });
    forge.fileReads.length = 0;
    const named = await loadRepoConfig(forge, forge.pr.baseSha, '.gitea/claude-review.yml', logs().log);
    expect(named.values).toEqual({ 'max-comments': '2' });
    expect(forge.fileReads.map((r) => r.path)).toEqual(['.gitea/claude-review.yml']);
  });

  test('no file: nothing set; a named file that is missing gets a warning, not a failure', async () => {
    const forge = memoryForge('');
    const quiet = logs();
    expect(await loadRepoConfig(forge, forge.pr.baseSha, FILE, quiet.log)).toEqual({ path: null, values: {} });
    expect(quiet.seen.warning).toEqual([]);
    const named = logs();
    expect(await loadRepoConfig(forge, forge.pr.baseSha, 'ci/review.yml', named.log)).toEqual({
      path: null,
      values: {},
    });
    expect(named.seen.warning[0]).toMatch(/ci\/review\.yml.*base commit bbbbbbb.*applies once it is merged/);
  });

  test('a forge error other than "not found" fails the run: the file may hold the budgets', async () => {
    const forge = memoryForge('');
    forge.readFile = () => Promise.reject(new Error('GitHub readFile failed (HTTP 403)'));
    await expect(loadRepoConfig(forge, forge.pr.baseSha, FILE, logs().log)).rejects.toThrow(/403/);
  });
});

describe('schema/claude-review.schema.json', () => {
  const schema = JSON.parse(readFileSync(resolve(root, 'schema/claude-review.schema.json'), 'utf8')) as {
    $schema: string;
    additionalProperties: boolean;
    properties: Record<string, { enum?: string[]; description?: string }>;
  };
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  const sample = [
    'max-tokens-per-run: 50000',
    'max-tokens-per-pr: 400000',
    'max-cost-usd: 0.5',
    'model-large: sonnet',
    'min-severity: medium',
    'review-event: request-changes-on-critical',
    'max-lines-small: 100',
    'timeout-seconds: 300',
    'review-drafts: true',
    'exclude: ["docs/**", "*.snap"]',
    'include: src/**',
    'guidelines-files: [CLAUDE.md, docs/REVIEWING.md]',
    'price-table:',
    '  claude-sonnet-9: { input: 3, output: 15 }',
  ].join('\n');

  test('is draft-07, closed, and has one property per input the file may set', () => {
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.additionalProperties).toBe(false);
    expect(Object.keys(schema.properties).sort()).toEqual(INPUT_NAMES.filter((n) => !(n in NOT_IN_CONFIG_FILE)).sort());
    for (const p of Object.values(schema.properties)) expect(p.description?.length).toBeGreaterThan(10);
  });

  test('inputs with fixed values have the same enum as the code', () => {
    expect(schema.properties['min-severity']!.enum).toEqual([...SEVERITIES]);
    expect(schema.properties['budget-mode']!.enum).toEqual(['hard', 'soft']);
    expect(schema.properties['review-event']!.enum).toEqual(['comment', 'request-changes-on-critical']);
  });

  test('a sample file validates, and the action reads the same file without complaint', async () => {
    const { parse } = await import('yaml');
    expect(validate(parse(sample))).toBe(true);
    const c = readConfig(workflow(), parseRepoConfig(sample, FILE), FILE);
    expect(c.maxCostUsd).toBe(0.5);
    expect([c.reviewEvent, c.smallMaxLines, c.timeoutSeconds]).toEqual(['REQUEST_CHANGES-on-critical', 100, 300]);
    expect(c.guidelinesFiles).toEqual(['CLAUDE.md', 'docs/REVIEWING.md']);
    expect(c.priceTable['claude-sonnet-9']).toMatchObject({ input: 3, output: 15 });
  });

  test('the schema refuses what the action refuses: secrets, unknown keys, values outside an enum', () => {
    expect(validate({ 'anthropic-api-key': 'x' })).toBe(false);
    expect(validate({ reviewers: ['a'] })).toBe(false);
    expect(validate({ 'min-severity': 'urgent' })).toBe(false);
    expect(validate({ 'max-tokens-per-run': 0 })).toBe(false);
  });
});
