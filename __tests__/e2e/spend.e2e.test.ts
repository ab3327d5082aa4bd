import { afterEach, describe, expect, test } from '@jest/globals';
import { decodeState, SUMMARY_MARKER } from '../../src/state/marker.js';
import type { RespondHook } from '../fakes/anthropic-server.js';
import { FINDING, world, type ForgeKindUnderTest, type World } from './trust-world.js';

/**
 * Spend is never lost: a run the runner cancels records what it may have been billed, and runs
 * that overlap (no concurrency group) leave one summary, one review and every token recorded.
 */

let worlds: World[] = [];
afterEach(async () => {
  await Promise.all(worlds.map((w) => w.close()));
  worlds = [];
});

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A model that takes `ms` to answer each review call. */
const slow =
  (ms: number): RespondHook =>
  async () => {
    await sleep(ms);
    return { toolInput: { summary: 'Rewrites lines 10-14.', findings: [FINDING] } };
  };

async function open(kind: ForgeKindUnderTest, respond: RespondHook) {
  const w = await world(kind, respond);
  worlds.push(w);
  return w;
}

const ownSummaries = (w: World) => w.comments().filter((c) => c.user === w.bot && c.body.startsWith(SUMMARY_MARKER));
const recorded = (w: World) => decodeState(ownSummaries(w)[0]?.body);
const total = (w: World) => recorded(w).runs.reduce((n, r) => n + r.tokens, 0);

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error('timed out waiting');
    await sleep(20);
  }
}

describe.each(['github', 'gitea'] as const)('on %s, spend is never lost', (kind) => {
  test('SIGTERM during a model call: the run records what it may have been billed before it exits', async () => {
    const w = await open(kind, slow(4000));
    const { child, done } = w.start();
    await until(() => w.anthropic.requestsTo('messages').length > 0);
    // The reservation is already on the forge while the call runs.
    expect(recorded(w).pending).toHaveLength(1);
    child.kill('SIGTERM');
    const run = await done;
    expect(run.code).not.toBe(0);
    expect(run.stdout).toMatch(/Cancelled \(SIGTERM\): recording the tokens spent so far/);
    const state = recorded(w);
    expect(state.pending ?? []).toEqual([]);
    expect(state.runs).toHaveLength(1);
    // What the unfinished call could have billed: at least its input, at most the ceiling.
    const sent = w.anthropic.requestsTo('messages')[0]!.body as { max_tokens: number };
    expect(total(w)).toBeGreaterThan(sent.max_tokens);
    expect(total(w)).toBeLessThanOrEqual(60_000);
  }, 30_000);

  test('two runs for the same head at once: one summary, one review, and the spend of both recorded', async () => {
    const w = await open(kind, slow(1500));
    const [a, b] = await Promise.all([w.run(), w.run()]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(ownSummaries(w)).toHaveLength(1);
    expect(w.postedReviews()).toHaveLength(1);
    // One of them stood down and says why (the first model call does not wait for the
    // reservation's read-back, so it may have made it): whatever both were billed is recorded.
    const spent = [a, b].map((r) => Number(r.outputs['total-tokens'] ?? 0));
    expect([a.summary, b.summary].join('\n')).toMatch(/another run of this action started reviewing/);
    expect(total(w)).toBe(spent[0]! + spent[1]!);
    expect(recorded(w).pending ?? []).toEqual([]);
    expect(w.violations()).toEqual([]);
  }, 30_000);

  test('a push while a review runs: both heads are reviewed and both runs are recorded', async () => {
    const w = await open(kind, slow(1500));
    const first = w.start();
    await until(() => w.anthropic.requestsTo('messages').length > 0);
    w.push('c3'.repeat(20));
    const second = w.start();
    const [a, b] = await Promise.all([first.done, second.done]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect(ownSummaries(w)).toHaveLength(1);
    const state = recorded(w);
    expect(state.runs).toHaveLength(2);
    expect(total(w)).toBe(Number(a.outputs['total-tokens']) + Number(b.outputs['total-tokens']));
    expect(state.pending ?? []).toEqual([]);
  }, 30_000);
});
