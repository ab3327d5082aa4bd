import { describe, expect, test } from '@jest/globals';
import { BUILT_IN_MODELS, isModelLine, resolveModel } from '../../src/plan/models.js';
import type { ModelDescriptor } from '../../src/ports.js';

function model(
  id: string,
  line: string | null,
  createdAt: string,
  extra: Partial<ModelDescriptor> = {},
): ModelDescriptor {
  return { id, line, active: true, createdAt, maxInputTokens: 200_000, maxOutputTokens: 64_000, ...extra };
}

/** A catalogue in no particular order, as the Models API may page it. */
const CATALOGUE: ModelDescriptor[] = [
  model('claude-sonnet-4-5', 'sonnet', '2025-09-29T00:00:00Z'),
  model('claude-sonnet-5-5', 'sonnet', '2026-08-01T00:00:00Z', { maxInputTokens: 1_000_000, maxOutputTokens: 128_000 }),
  model('claude-sonnet-6-0-preview', 'sonnet', '2026-12-01T00:00:00Z', { active: false }),
  model('claude-sonnet-5', 'sonnet', '2026-03-01T00:00:00Z'),
  model('claude-haiku-5-5', 'haiku', '2026-05-20T00:00:00Z', { maxInputTokens: null, maxOutputTokens: null }),
  model('claude-opus-5-5', 'opus', '2026-07-01T00:00:00Z', { active: false }),
  model('claude-mythos-1', null, '2026-10-01T00:00:00Z'),
];

describe('isModelLine', () => {
  test('lines are lower-case words; ids are not', () => {
    expect(['haiku', 'sonnet', 'opus'].every(isModelLine)).toBe(true);
    expect(['claude-sonnet-5-5', 'claude', 'us.anthropic.claude-opus-5-5:0', 'sonnet5'].some(isModelLine)).toBe(false);
  });
});

describe('resolveModel with a Models API catalogue', () => {
  test('a line resolves to its newest active model by createdAt, with its listed limits', () => {
    expect(resolveModel('sonnet', CATALOGUE)).toEqual({
      id: 'claude-sonnet-5-5',
      source: 'models-api',
      maxInputTokens: 1_000_000,
      maxOutputTokens: 128_000,
    });
  });

  test('a deprecated (inactive) model is never chosen, however new', () => {
    const r = resolveModel('sonnet', CATALOGUE);
    expect('id' in r && r.id).not.toBe('claude-sonnet-6-0-preview');
  });

  test('createdAt decides, not the order of the list', () => {
    const reversed = resolveModel('sonnet', [...CATALOGUE].reverse());
    expect('id' in reversed && reversed.id).toBe('claude-sonnet-5-5');
  });

  test('a listed model without limits gets conservative ones', () => {
    const r = resolveModel('haiku', CATALOGUE);
    expect(r).toEqual({
      id: 'claude-haiku-5-5',
      source: 'models-api',
      maxInputTokens: 200_000,
      maxOutputTokens: 32_000,
    });
  });

  test('a line with no active model is an error that lists the lines available', () => {
    const r = resolveModel('opus', CATALOGUE);
    expect('error' in r).toBe(true);
    if (!('error' in r)) return;
    expect(r.error).toContain('`opus`');
    expect(r.error).toContain('lines available: haiku, sonnet');
    expect(r.error).toContain('model id');
  });

  test('an empty catalogue says no line is available', () => {
    const r = resolveModel('haiku', []);
    expect('error' in r && r.error).toContain('lines available: none');
  });

  test('a full id passes through unchanged, taking the listed limits', () => {
    expect(resolveModel('claude-sonnet-4-5', CATALOGUE)).toEqual({
      id: 'claude-sonnet-4-5',
      source: 'as-given',
      maxInputTokens: 200_000,
      maxOutputTokens: 64_000,
    });
  });

  test('a full id that is not listed (even a retired one) still passes through, with conservative limits', () => {
    expect(resolveModel('claude-3-5-haiku-20241022', CATALOGUE)).toEqual({
      id: 'claude-3-5-haiku-20241022',
      source: 'as-given',
      maxInputTokens: 200_000,
      maxOutputTokens: 32_000,
    });
  });

  test('surrounding whitespace is ignored', () => {
    const r = resolveModel('  sonnet ', CATALOGUE);
    expect('id' in r && r.id).toBe('claude-sonnet-5-5');
  });
});

describe('resolveModel without a catalogue (a gateway)', () => {
  test.each(['haiku', 'sonnet', 'opus'])('%s comes from the built-in table', (line) => {
    expect(resolveModel(line, null)).toEqual({ ...BUILT_IN_MODELS[line], source: 'built-in' });
  });

  test('an unknown line is an error naming the accepted lines', () => {
    const r = resolveModel('gpt', null);
    expect('error' in r && r.error).toMatch(/unknown model line `gpt`.*`haiku`, `sonnet`, `opus`.*full model id/);
  });

  test('a full id from the table keeps the table limits', () => {
    expect(resolveModel('claude-opus-5-5', null)).toEqual({
      id: 'claude-opus-5-5',
      source: 'as-given',
      maxInputTokens: BUILT_IN_MODELS.opus!.maxInputTokens,
      maxOutputTokens: BUILT_IN_MODELS.opus!.maxOutputTokens,
    });
  });

  test('every built-in id belongs to its line', () => {
    for (const [line, m] of Object.entries(BUILT_IN_MODELS)) expect(m.id).toContain(`-${line}-`);
  });
});
