import { afterEach, describe, expect, test } from '@jest/globals';
import { decodeState, SUMMARY_MARKER } from '../../src/state/marker.js';
import type { FakeMessagesBody } from '../fakes/anthropic-server.js';
import { addedFile, codeLines, editedFile } from '../support/diffs.js';
import { FINDING, world, type ForgeKindUnderTest, type World } from './trust-world.js';

/**
 * Fewer, truer findings, as users see them: every candidate is checked by a second call before
 * it is posted; the rejected ones are listed with the reason; the checks are billed inside the
 * ceiling; thinking never breaks the answer; duplicates across parts become one; and a finding
 * the next push fixed gets its thread resolved.
 */

let worlds: World[] = [];
afterEach(async () => {
  await Promise.all(worlds.map((w) => w.close()));
  worlds = [];
});

async function open(
  kind: ForgeKindUnderTest,
  ...rest: Parameters<typeof world> extends [unknown, ...infer R] ? R : never
) {
  const w = await world(kind, ...rest);
  worlds.push(w);
  return w;
}

const THREE = [
  { ...FINDING, line: 12, title: 'Unchecked result', scenario: 'compute() returns null → crash at line 13' },
  { ...FINDING, line: 11, title: 'Defined elsewhere', body: 'x1 is not defined.', scenario: 'x1 → ReferenceError' },
  { ...FINDING, line: 13, title: 'Maybe slow', body: 'This could be slow.', scenario: 'a big input → slow' },
];
const three = () => ({ toolInput: { summary: 'Rewrites lines 10-14.', findings: THREE } });
/** The verifier: the first confirmed, the second rejected, the third confirmed below the bar. */
const judge = (body: FakeMessagesBody) => {
  const ids = [...JSON.stringify(body.messages).matchAll(/\{\\"id\\":\\"(f\d+)\\",[^\n]*?\\"title\\":\\"([^\\]+)\\"/g)];
  const byTitle: Record<string, object> = {
    'Unchecked result': { verdict: 'confirmed', confidence: 92, reason: 'compute() can return null.' },
    'Defined elsewhere': { verdict: 'rejected', confidence: 95, reason: 'x1 is defined in the hunk above.' },
    'Maybe slow': { verdict: 'confirmed', confidence: 40, reason: 'Only with inputs that do not occur.' },
  };
  return { toolInput: { verdicts: ids.map((m) => ({ id: m[1], ...byTitle[m[2]!] })) } };
};

const ownSummary = (w: World) => w.comments().find((c) => c.user === w.bot && c.body.startsWith(SUMMARY_MARKER))!.body;
const inline = (w: World) => w.postedReviews().flatMap((r) => r.comments);

describe.each(['github', 'gitea'] as const)('on %s, every finding is verified before it is posted', (kind) => {
  test('only confirmed findings at or above min-confidence are posted; the others are listed with the reason', async () => {
    const w = await open(kind, three, { verify: judge });
    const run = await w.run();
    expect(run.code).toBe(0);
    expect(inline(w)).toHaveLength(1);
    expect(inline(w)[0]).toContain('Unchecked result');
    // Evidence and the failing case in one line.
    expect(inline(w)[0]).toMatch(/_Why:_ .*fails when: compute\(\) returns null → crash at line 13/);
    const summary = ownSummary(w);
    expect(summary).toContain('**Verification:** 3 candidates, 1 confirmed');
    expect(summary).toMatch(/<details>\n<summary>2 not posted: rejected, uncertain or below confidence 70<\/summary>/);
    expect(summary).toContain('x1 is defined in the hunk above.');
    expect(summary).toMatch(/low confidence \(40\)/);
    // The review call and one verification call, both inside the ceiling.
    const calls = w.anthropic.requestsTo('messages');
    expect(calls).toHaveLength(2);
    expect(Number(run.outputs['total-tokens'])).toBeLessThanOrEqual(60_000);
    expect(decodeState(summary).runs[0]!.tokens).toBe(Number(run.outputs['total-tokens']));
  });

  test('no request carries sampling parameters, and every request to a 5.x model carries an effort', async () => {
    const w = await open(kind, three, { verify: judge });
    expect((await w.run()).code).toBe(0);
    for (const r of w.anthropic.requestsTo('messages')) {
      const body = r.body as Record<string, unknown> & { output_config?: { effort?: string } };
      expect(Object.keys(body)).not.toEqual(expect.arrayContaining(['temperature']));
      for (const p of ['temperature', 'top_p', 'top_k']) expect(body).not.toHaveProperty(p);
      expect(body.output_config?.effort).toMatch(/^(low|medium|high|xhigh|max)$/);
    }
  });

  test('a tight ceiling on an always-thinking model still gets an answer, and the verifier fits or says why', async () => {
    const w = await open(kind, three, { verify: judge });
    const run = await w.run({ model: 'opus', 'max-tokens-per-run': '14000' });
    expect(run.code).toBe(0);
    expect(Number(run.outputs['total-tokens'])).toBeLessThanOrEqual(14_000);
    const summary = ownSummary(w);
    // The review answered (thinking left room for it): findings are posted or listed.
    expect(summary).toMatch(/Verification:\*\* 3 candidates|could not be verified and are posted marked unverified/);
    expect(run.summary).not.toMatch(/wrote no answer/);
  });

  test('the same finding from two parts of a large review is posted once', async () => {
    // 40 files of 300 lines each: more than one part.
    const big = [
      editedFile('src/app.ts', 60, 10, 14),
      ...Array.from({ length: 40 }, (_, i) => addedFile(`src/m${i}.ts`, codeLines(300))),
    ].join('');
    const w = await open(kind, () => ({ toolInput: { summary: 'A part.', findings: [THREE[0]] } }), { diff: big });
    const run = await w.run({ 'max-tokens-per-run': '400000' });
    expect(run.code).toBe(0);
    const reviewCalls = w.anthropic
      .requestsTo('messages')
      .filter((r) => !JSON.stringify((r.body as FakeMessagesBody).output_config).includes('verdicts'));
    expect(reviewCalls.length).toBeGreaterThanOrEqual(2);
    expect(inline(w).filter((c) => c.includes('Unchecked result'))).toHaveLength(1);
    expect(ownSummary(w)).toMatch(/duplicate finding\(s\) from different parts were merged/);
  }, 30_000);

  test('a finding the next push fixed: its thread is resolved (GitHub) or noted as fixed (Gitea)', async () => {
    let call = 0;
    const w = await open(kind, () => ({
      toolInput: { summary: 'ok', findings: call++ === 0 ? [THREE[0]] : [] },
    }));
    expect((await w.run()).code).toBe(0);
    expect(inline(w)).toHaveLength(1);
    w.push('c3'.repeat(20));
    const second = await w.run();
    expect(second.code).toBe(0);
    const summary = ownSummary(w);
    expect(summary).toMatch(/1 earlier finding\(s\) fixed by the new commits: /);
    if (kind === 'github') expect(summary).toMatch(/1 thread\(s\) resolved/);
    else expect(summary).toMatch(/left open \(the forge cannot resolve them\)/);
    expect(w.violations()).toEqual([]);
  });
});
