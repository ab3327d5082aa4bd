import { expect, test } from '@jest/globals';
import { renderContext } from '../../src/context/render.js';
import { selectContext } from '../../src/context/select.js';
import { snapshotFromMaps } from '../../src/context/snapshot.js';
import { estimateTokens } from '../../src/plan/estimate.js';
import { syntheticRepo } from './synthetic-repo.js';

/** The generator the benchmark uses, at a size a test can afford: it must keep producing real evidence. */
test('a synthetic repository: every changed file gets its scope, callees are found, the budget holds', async () => {
  const repo = syntheticRepo(400, 12);
  expect(repo.diff).toHaveLength(12);
  const budget = 6_000;
  const { pieces, stats } = await selectContext({
    files: repo.diff,
    snapshot: snapshotFromMaps(repo.head, repo.base),
    budget,
    estimate: estimateTokens,
  });
  expect(estimateTokens(renderContext(pieces))).toBe(stats.tokens);
  expect(stats.tokens).toBeLessThanOrEqual(budget);
  expect(stats.byKind.scope).toBe(12);
  expect(stats.byKind.definition).toBeGreaterThan(0);
  const reasons = pieces.filter((x) => x.kind === 'definition').map((p) => p.reason);
  for (const r of reasons)
    expect(r).toMatch(/^(function helper|constant LIMIT)_\d+_\d+, (called|used) on \S+, imported from /);
  expect(reasons.some((r) => /^function helper_\d+_\d+, called on /.test(r))).toBe(true);
});
