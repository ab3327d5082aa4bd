import { describe, expect, test } from '@jest/globals';
import { decodeState, encodeState, type ReviewState, type RunRecord } from '../../src/state/marker.js';
import { recordRun } from '../../src/state/record-run.js';

const run = (i: number, extra: Partial<RunRecord> = {}): RunRecord => ({
  at: new Date(Date.UTC(2026, 0, 1) + i * 3600_000).toISOString(),
  sha: `sha-${i}`,
  model: 'claude-sonnet-5-5',
  tokens: 1000 + i,
  cost: 0.01,
  ...extra,
});

describe('recordRun', () => {
  const previous: ReviewState = { v: 1, reviewedSha: 'old-sha', runs: [run(1)] };

  test('a review moves the reviewed head and records the run', () => {
    const next = recordRun(previous, true, run(2, { sha: 'new-sha' }));
    expect(next.reviewedSha).toBe('new-sha');
    expect(next.runs).toEqual([run(1), run(2, { sha: 'new-sha' })]);
  });

  test('a run that spent tokens but did not review keeps the reviewed head, and its tokens still count', () => {
    const next = recordRun(previous, false, run(2, { sha: 'new-sha', tokens: 500 }));
    expect(next.reviewedSha).toBe('old-sha');
    expect(next.runs.map((r) => r.tokens)).toEqual([1001, 500]);
  });

  test('a run that spent nothing leaves no record', () => {
    const next = recordRun(previous, false, run(2, { tokens: 0, cost: 0 }));
    expect(next).toEqual(previous);
  });

  test('a run without a review survives the round trip through the summary comment', () => {
    const next = decodeState(encodeState(recordRun(previous, false, run(2, { sha: 'new-sha' }))));
    expect(next.reviewedSha).toBe('old-sha');
    expect(next.runs.map((r) => r.sha)).toEqual(['sha-1', 'new-sha']);
  });

  test('the previous state is not mutated', () => {
    const copy = structuredClone(previous);
    recordRun(previous, true, run(3));
    expect(previous).toEqual(copy);
  });
});
