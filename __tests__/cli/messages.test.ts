import { describe, expect, test } from '@jest/globals';
import { localLogLine } from '../../src/cli/log-lines.js';
import { credentialsFromEnvironment, inCliTerms, unknownModelWarnings } from '../../src/cli/messages.js';
import { PRICE_TABLE } from '../../src/plan/prices.js';

describe('messages in the terms of the command line', () => {
  test("the action's input names become flags, its secrets environment variables", () => {
    expect(inCliTerms('Invalid input:\n- `max-tokens-per-run` must be a whole number')).toBe(
      'Invalid option:\n- `--max-tokens-per-run` must be a whole number',
    );
    expect(inCliTerms('model `x` not found: check the `model` input (or `model-small`/`model-medium`).')).toBe(
      'model `x` not found: check the `--model` option (or `--model-small`/`--model-medium`).',
    );
    expect(inCliTerms('the credential was rejected: check the `anthropic-api-key` secret.')).toBe(
      'the credential was rejected: check ANTHROPIC_API_KEY.',
    );
    // Code that is not an input name is left alone.
    expect(inCliTerms('`max_tokens` (8,192) and `claude-haiku-5-5`')).toBe(
      '`max_tokens` (8,192) and `claude-haiku-5-5`',
    );
  });

  test('credential problems from the environment name the variable and never echo the value', () => {
    const spaced = credentialsFromEnvironment({ ANTHROPIC_API_KEY: 'sk-ant-api03 oops' });
    expect(spaced).toEqual({ ok: false, error: expect.stringContaining('ANTHROPIC_API_KEY contains whitespace') });
    expect(JSON.stringify(spaced)).not.toContain('oops');
    const token = credentialsFromEnvironment({ ANTHROPIC_AUTH_TOKEN: 'sk-ant-oat01-abc' });
    expect(token).toEqual({
      ok: false,
      error: expect.stringContaining('ANTHROPIC_AUTH_TOKEN holds a Claude subscription OAuth token'),
    });
    const url = credentialsFromEnvironment({ ANTHROPIC_API_KEY: 'k', ANTHROPIC_BASE_URL: 'ftp://x' });
    expect(url).toEqual({ ok: false, error: expect.stringContaining('ANTHROPIC_BASE_URL is not an http(s) URL') });
    expect(credentialsFromEnvironment({ ANTHROPIC_API_KEY: ' sk-ant-api03-k\n' })).toEqual({
      ok: true,
      credentials: { apiKey: 'sk-ant-api03-k' },
    });
  });

  test('only a model id that no table knows is warned about', () => {
    const given = { model: 'claude-sonet-5-5', 'model-small': 'haiku', 'model-large': 'claude-opus-4-5-20251101' };
    expect(unknownModelWarnings(given, PRICE_TABLE)).toEqual([
      expect.stringMatching(/^--model `claude-sonet-5-5` matches no known model/),
    ]);
  });

  test("the pipeline's log lines name the range, group digits, and leave the closing line to the CLI", () => {
    const range = 'main...HEAD (abc1234..def5678)';
    expect(localLogLine('PR #0: 3 file(s), 12345 changed line(s) to review; 2 filtered out', range)).toBe(
      'main...HEAD (abc1234..def5678): 3 file(s), 12,345 changed line(s) to review; 2 filtered out',
    );
    expect(localLogLine('large tier → claude-sonnet-4-5-20250929; ceiling 100000 tokens', range)).toBe(
      'large tier → claude-sonnet-4-5-20250929; ceiling 100,000 tokens',
    );
    expect(localLogLine('Spent 1234 of 100000 tokens; review not posted', range)).toBeNull();
  });
});
