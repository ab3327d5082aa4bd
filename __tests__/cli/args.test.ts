import { describe, expect, test } from '@jest/globals';
import { parseCliArgs, UsageError } from '../../src/cli/args.js';

const usage = (argv: string[]) => {
  try {
    parseCliArgs(argv);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error(`expected a usage error for ${argv.join(' ')}`);
};

describe('command line arguments', () => {
  test('`--base=main` and `--base main` mean the same; inputs pass as flags', () => {
    const spaced = parseCliArgs(['review', '--base', 'main', '--max-tokens-per-run', '50000', '--model', 'sonnet']);
    const joined = parseCliArgs(['review', '--base=main', '--max-tokens-per-run=50000', '--model=sonnet']);
    expect(joined).toEqual(spaced);
    expect(spaced).toMatchObject({
      command: 'review',
      base: 'main',
      inputs: { 'max-tokens-per-run': '50000', model: 'sonnet' },
    });
  });

  test('switches take no value; -h, --help, help and --version need no command', () => {
    expect(parseCliArgs(['preview', '--dry-run', '--review-drafts']).inputs).toEqual({
      'dry-run': 'true',
      'review-drafts': 'true',
    });
    expect(parseCliArgs(['-h']).help).toBe(true);
    expect(parseCliArgs(['--help']).help).toBe(true);
    expect(parseCliArgs(['help']).help).toBe(true);
    expect(parseCliArgs(['--version']).version).toBe(true);
    expect(usage(['preview', '--dry-run=false'])).toContain('`--dry-run` is a switch and takes no value');
    expect(usage(['preview', '--dry-run', 'true'])).toContain('unexpected argument `true`');
  });

  test('--repo and --head are read; a missing value says how to give one', () => {
    expect(parseCliArgs(['preview', '--repo', '../other', '--head', 'feature'])).toMatchObject({
      repo: '../other',
      head: 'feature',
    });
    expect(usage(['preview', '--base'])).toBe('`--base` needs a value, as in `--base VALUE` or `--base=VALUE`.');
  });

  test('credentials are refused as flags and named as the environment variables to set', () => {
    expect(usage(['review', '--anthropic-api-key', 'sk-ant-api03-x'])).toBe(
      '--anthropic-api-key is not an option: export ANTHROPIC_API_KEY instead.',
    );
    expect(usage(['review', '--anthropic-auth-token=t'])).toContain('export ANTHROPIC_AUTH_TOKEN');
    expect(usage(['review', '--github-token', 't'])).toContain('posts nothing');
  });

  test('a name renamed or removed before 1.0 says what it is now', () => {
    expect(usage(['preview', '--small-max-lines', '300'])).toBe('--small-max-lines is now --max-lines-small.');
    expect(usage(['review', '--anthropic-timeout-seconds=60'])).toBe(
      '--anthropic-timeout-seconds is now --timeout-seconds.',
    );
    expect(usage(['review', '--aws-region', 'us-east-1'])).toMatch(
      /^--aws-region is no longer an option: .*AWS_REGION/,
    );
    expect(parseCliArgs(['preview', '--max-lines-small', '300', '--max-comments=5']).inputs).toEqual({
      'max-lines-small': '300',
      'max-comments': '5',
    });
  });

  test('unknown options and commands, and no command at all, are usage errors', () => {
    expect(usage(['preview', '--bsae', 'main'])).toContain('unknown option `--bsae`');
    expect(usage(['reveiw'])).toContain('unknown command `reveiw`');
    expect(usage([])).toContain('no command given');
  });
});
