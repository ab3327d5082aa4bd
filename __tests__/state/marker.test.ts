import { describe, expect, test } from '@jest/globals';
import {
  decodeState,
  EMPTY_STATE,
  encodeState,
  SUMMARY_MARKER,
  type ReviewState,
  type RunRecord,
} from '../../src/state/marker.js';
import { recordRun } from '../../src/state/record-run.js';

const run = (i: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  at: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
  sha: `${i.toString(16).padStart(7, '0')}${'a'.repeat(33)}`,
  model: 'claude-sonnet-5-5',
  tokens: 1000 + i,
  cost: 0.013 + i / 1000,
  ...extra,
});

const STATE: ReviewState = {
  v: 1,
  reviewedSha: '0123456789abcdef0123456789abcdef01234567',
  runs: [run(1), run(2, { model: 'claude-haiku-5-5', tokens: 0, cost: 0 })],
};

describe('encodeState / decodeState', () => {
  test('the state survives a round trip inside a summary comment', () => {
    const body = `${SUMMARY_MARKER}\n### Claude review\n\nSome text --> with arrows.\n${encodeState(STATE)}`;
    expect(decodeState(body)).toEqual(STATE);
  });

  test('the encoded line is one hidden HTML comment with no `-->` inside it', () => {
    const tricky: ReviewState = { v: 1, reviewedSha: 'x-->y', runs: [run(1, { model: 'a --> b <!-- c' })] };
    const line = encodeState(tricky);
    expect(line.startsWith('<!--')).toBe(true);
    expect(line.endsWith(' -->')).toBe(true);
    expect(line.indexOf('-->')).toBe(line.length - 3);
    expect(line).not.toContain('\n');
    expect(decodeState(line)).toEqual(tricky);
  });

  test('the empty state round-trips', () => {
    expect(decodeState(encodeState(EMPTY_STATE))).toEqual(EMPTY_STATE);
  });

  test.each([
    ['no body', null],
    ['an empty body', ''],
    ['a body without the marker', 'Looks good to me! <!-- some other bot:state abc -->'],
    ['a state line never closed', '<!-- claude-pr-review:state eyJ2IjoxfQ'],
    ['garbage instead of base64 JSON', '<!-- claude-pr-review:state !!!not*base64$$$ -->'],
    ['a `-->` right after the prefix', '<!-- claude-pr-review:state --> trailing'],
    [
      'base64 of text that is not JSON',
      `<!-- claude-pr-review:state ${Buffer.from('hello').toString('base64url')} -->`,
    ],
    [
      'JSON of another version',
      `<!-- claude-pr-review:state ${Buffer.from(JSON.stringify({ v: 2, reviewedSha: null, runs: [] })).toString('base64url')} -->`,
    ],
    [
      'JSON with a negative token count',
      `<!-- claude-pr-review:state ${Buffer.from(JSON.stringify({ v: 1, reviewedSha: null, runs: [run(1, { tokens: -5 })] })).toString('base64url')} -->`,
    ],
  ])('%s decodes to the empty state', (_name, body) => {
    expect(decodeState(body)).toEqual(EMPTY_STATE);
  });

  test('more than 50 runs are folded into 50, keeping the token and cost totals', () => {
    const runs = Array.from({ length: 120 }, (_, i) => run(i));
    const decoded = decodeState(encodeState({ v: 1, reviewedSha: 'abc', runs }));
    expect(decoded.runs).toHaveLength(50);
    expect(decoded.runs.reduce((s, r) => s + r.tokens, 0)).toBe(runs.reduce((s, r) => s + r.tokens, 0));
    expect(decoded.runs.reduce((s, r) => s + r.cost, 0)).toBeCloseTo(
      runs.reduce((s, r) => s + r.cost, 0),
      6,
    );
    // the newest 49 runs are kept as they were, and in order
    expect(decoded.runs.slice(1)).toEqual(runs.slice(-49));
    expect(decoded.runs[0]!.model).toBe('earlier runs');
    expect(decoded.reviewedSha).toBe('abc');
  });

  test('folding is stable: re-encoding an already folded state keeps the totals', () => {
    let state: ReviewState = { v: 1, reviewedSha: null, runs: [] };
    for (let i = 0; i < 130; i++) state = decodeState(encodeState(recordRun(state, true, run(i))));
    expect(state.runs).toHaveLength(50);
    const expectedTokens = Array.from({ length: 130 }, (_, i) => 1000 + i).reduce((a, b) => a + b, 0);
    expect(state.runs.reduce((s, r) => s + r.tokens, 0)).toBe(expectedTokens);
    expect(state.reviewedSha).toBe(run(129).sha);
  });

  test('exactly 50 runs are kept as they are', () => {
    const runs = Array.from({ length: 50 }, (_, i) => run(i));
    expect(decodeState(encodeState({ v: 1, reviewedSha: null, runs })).runs).toEqual(runs);
  });

  test('a state that fills its comment stays small: 1,000 runs fit in a few kilobytes', () => {
    const runs = Array.from({ length: 1000 }, (_, i) => run(i));
    expect(encodeState({ v: 1, reviewedSha: 'a'.repeat(40), runs }).length).toBeLessThan(12_000);
  });
});
