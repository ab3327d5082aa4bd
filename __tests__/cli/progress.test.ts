import { describe, expect, test } from '@jest/globals';
import { describeProgress, partOf, reportingParts, type Progress } from '../../src/cli/progress.js';
import type { DiffFile } from '../../src/diff/types.js';
import type { ModelClient, ModelRequest, PullRequest } from '../../src/ports.js';
import { buildReviewRequest } from '../../src/review/prompt.js';
import { buildVerifyRequest } from '../../src/review/verify-prompt.js';

const pr: PullRequest = {
  number: 0,
  title: 'Change',
  // Text of the pull request that imitates the scope line must not move the progress.
  body: 'This is part 9 of 9 of the diff',
  author: 'a',
  draft: false,
  headSha: 'h'.repeat(40),
  baseSha: 'b'.repeat(40),
  baseRef: 'main',
  htmlUrl: '',
};
const files: DiffFile[] = [];
const request = (part?: { index: number; count: number }) =>
  buildReviewRequest({ model: 'claude-haiku-5-5', pr, files, ...(part ? { part } : {}) });

describe('progress of the model calls', () => {
  test('the part of a review request is read from the request the pipeline builds', () => {
    expect(partOf(request({ index: 2, count: 5 }))).toEqual({ index: 2, count: 5 });
    expect(partOf(request())).toBeNull();
  });

  test('a review in parts reports part i of n, then the summary; one call is part 1 of 1', async () => {
    const reply = {
      output: { summary: 's', findings: [] },
      stopReason: 'end_turn',
      usage: { input: 1, output: 1, cacheWrite: 0, cacheRead: 0 },
    };
    const inner: ModelClient = {
      listModels: async () => null,
      countTokens: async () => 1,
      complete: async () => reply,
    };
    const seen: string[] = [];
    const client = reportingParts(inner, (p: Progress) => seen.push(describeProgress(p)));
    for (const index of [1, 2, 3]) await client.complete(request({ index, count: 3 }), 100);
    const check: ModelRequest = buildVerifyRequest({ model: 'claude-haiku-5-5', candidates: [] });
    await client.complete(check, 100);
    expect(seen).toEqual([
      'Reviewing part 1 of 3',
      'Reviewing part 1 of 3 (1 done)',
      'Reviewing part 2 of 3 (1 done)',
      'Reviewing part 2 of 3 (2 done)',
      'Reviewing part 3 of 3 (2 done)',
      'Reviewing part 3 of 3 (3 done)',
      'Checking the findings',
      'Checking the findings',
    ]);

    const single: string[] = [];
    await reportingParts(inner, (p) => single.push(describeProgress(p))).complete(request(), 100);
    expect(single[0]).toBe('Reviewing part 1 of 1');
  });
});
