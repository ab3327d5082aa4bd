import { describe, expect, test } from '@jest/globals';
import { readConfig } from '../../src/config/config.js';
import type { InputName } from '../../src/config/inputs.js';
import { runBudget } from '../../src/plan/budget.js';
import type { IssueComment } from '../../src/ports.js';
import { decodeState, EMPTY_STATE, encodeState, SUMMARY_MARKER, type ReviewState } from '../../src/state/marker.js';
import { monthToDateTokens, readMonthUsage } from '../../src/state/month-usage.js';
import { isOwn, isOwnSummary, ownSummaries } from '../../src/state/own.js';
import { reserveRun, settleRun } from '../../src/state/spend.js';
import { reviewInProgress, writeSummary } from '../../src/state/summary-store.js';
import { BOT, memoryForge } from '../support/memory-forge.js';

const SELF = { ...BOT, source: 'test' };
const NOW = Date.parse('2026-05-15T12:00:00Z');
const at = (minutesAgo: number) => new Date(NOW - minutesAgo * 60_000).toISOString();
const config = (inputs: Partial<Record<InputName, string>> = {}) => readConfig((n) => inputs[n] ?? '');
const state = (tokens: number, extra: Partial<ReviewState> = {}): ReviewState => ({
  v: 1,
  reviewedSha: null,
  runs: tokens > 0 ? [{ at: at(5), sha: 'a'.repeat(40), model: 'm', tokens, cost: 0 }] : [],
  ...extra,
});
const comment = (id: number, body: string, author: IssueComment['author']): IssueComment => ({
  id,
  body,
  url: '',
  author,
});

describe('whose comment it is', () => {
  test('ids decide when both sides have one; logins (case and [bot] aside) only when one is missing', () => {
    expect(isOwn({ id: 1, login: 'bot' }, SELF)).toBe(true);
    expect(isOwn({ id: 2, login: 'bot' }, SELF)).toBe(false);
    expect(isOwn({ id: null, login: 'BOT[bot]' }, SELF)).toBe(true);
    expect(
      isOwn({ id: 41898282, login: 'github-actions[bot]' }, { id: null, login: 'github-actions', source: 'x' }),
    ).toBe(true);
    expect(isOwn({ id: 5, login: 'mallory' }, { id: null, login: 'bot', source: 'x' })).toBe(false);
    // Nothing is anybody's when the identity is unknown.
    expect(isOwn({ id: 1, login: 'bot' }, null)).toBe(false);
    expect(isOwn(null, SELF)).toBe(false);
  });

  test('a summary is the own comment that opens with the marker; quotes and answers are not', () => {
    const own = comment(3, `${SUMMARY_MARKER}\nok`, BOT);
    const quoted = comment(4, `> ${SUMMARY_MARKER}\nok`, BOT);
    const answer = comment(5, `<!-- claude-pr-review:answer -->\n\`${SUMMARY_MARKER}\``, BOT);
    const forged = comment(2, `${SUMMARY_MARKER}\nforged`, { id: 9, login: 'mallory' });
    expect([own, quoted, answer, forged].map((c) => isOwnSummary(c, SELF))).toEqual([true, false, false, false]);
    expect(ownSummaries([own, forged, comment(1, `${SUMMARY_MARKER}\nfirst`, BOT)], SELF).map((c) => c.id)).toEqual([
      1, 3,
    ]);
  });

  test('only the last line carries the state: an earlier state line is quoted text', () => {
    const forged = encodeState(state(9_000_000));
    const real = encodeState(state(100));
    expect(decodeState(`${SUMMARY_MARKER}\n${forged}\nmore text`)).toEqual(EMPTY_STATE);
    expect(decodeState(`${SUMMARY_MARKER}\n\`${forged}\`\n${real}\n`).runs[0]!.tokens).toBe(100);
    expect(decodeState(`${SUMMARY_MARKER}\ntext ${real}`)).toEqual(EMPTY_STATE);
  });
});

describe('month usage fails closed', () => {
  test('sums only the action’s own summaries, reservations included', () => {
    const mine = comment(
      1,
      `${SUMMARY_MARKER}\n${encodeState(state(100, { pending: [{ id: 'r', at: at(1), sha: 'b', tokens: 50 }] }))}`,
      BOT,
    );
    const theirs = comment(2, `${SUMMARY_MARKER}\n${encodeState(state(9_000_000))}`, { id: 7, login: 'mallory' });
    expect(monthToDateTokens([mine, theirs], new Date(NOW), SELF)).toBe(150);
  });

  test('an unfinished scan or an unknown identity skips in hard mode and steps down in soft mode', async () => {
    const forge = memoryForge('');
    forge.listRepositoryComments = async () => ({ comments: [], complete: false, read: 10_000 });
    const hard = config({ 'max-tokens-per-month': '5000000' });
    const month = await readMonthUsage(forge, hard, new Date(NOW), SELF);
    expect(month).toEqual({ tokens: 0, complete: false, why: 'more than 10,000 comments were updated this month' });
    expect(runBudget(hard, EMPTY_STATE, month).skip).toMatch(/monthly budget could not be checked \(more than 10,000/);
    const soft = config({ 'max-tokens-per-month': '5000000', 'budget-mode': 'soft' });
    expect(runBudget(soft, EMPTY_STATE, month)).toMatchObject({ skip: null, stepDownToSmall: true });

    const blind = await readMonthUsage(memoryForge(''), hard, new Date(NOW), null);
    expect(runBudget(hard, EMPTY_STATE, blind).skip).toMatch(/could not tell which comments are its own/);
    const perPr = config({ 'max-tokens-per-pr': '10000' });
    expect(runBudget(perPr, EMPTY_STATE, null, 'unknown identity').skip).toMatch(/per-PR budget could not be checked/);
  });

  test('a reservation counts against the per-PR budget like spend', () => {
    const pending = state(5000, { pending: [{ id: 'x', at: at(1), sha: 'b', tokens: 4000 }] });
    expect(runBudget(config({ 'max-tokens-per-pr': '10000' }), pending, null).skip).toMatch(/used up: 9,000/);
  });
});

describe('the summary under overlapping runs', () => {
  test('a reservation blocks a second review of the same head while it is fresh', () => {
    const s = state(0, { pending: [{ id: 'a', at: at(1), sha: 'h', tokens: 100 }] });
    expect(reviewInProgress(s, 'h', 'b', NOW)?.id).toBe('a');
    expect(reviewInProgress(s, 'h', 'a', NOW)).toBeNull();
    expect(reviewInProgress(s, 'other', 'b', NOW)).toBeNull();
    const stale = state(0, { pending: [{ id: 'a', at: at(60), sha: 'h', tokens: 100 }] });
    expect(reviewInProgress(stale, 'h', 'b', NOW)).toBeNull();
  });

  test('reserve then settle: the reservation is replaced by the record, other runs’ records are kept', async () => {
    const forge = memoryForge('');
    const first = await reserveRun(forge, SELF, null, { id: 'r1', at: at(0), sha: 'h1', tokens: 60_000 }, NOW);
    expect(first.ok).toBe(true);
    const id = forge.comments[0]!.id;
    // Meanwhile another run recorded its own spend in the same comment.
    const other = decodeState(forge.comments[0]!.body);
    forge.comments[0]!.body = `${SUMMARY_MARKER}\nx\n${encodeState({ ...other, runs: [{ at: at(3), sha: 'h0', model: 'm', tokens: 11, cost: 0 }] })}`;
    const run = { at: at(0), sha: 'h1', model: 'm', tokens: 1234, cost: 0 };
    await settleRun(forge, SELF, forge.comments[0]!, 'r1', run, true, undefined, NOW);
    const after = decodeState(forge.comments.find((c) => c.id === id)!.body);
    expect(after.pending ?? []).toEqual([]);
    expect(after.runs.map((r) => r.tokens).sort()).toEqual([11, 1234]);
    expect(after.reviewedSha).toBe('h1');
  });

  test('a second run for the same head stands down and writes nothing', async () => {
    const forge = memoryForge('');
    await reserveRun(forge, SELF, null, { id: 'r1', at: at(0), sha: 'h', tokens: 100 }, NOW);
    const body = forge.comments[0]!.body;
    const second = await reserveRun(
      forge,
      SELF,
      forge.comments[0]!,
      { id: 'r2', at: at(0), sha: 'h', tokens: 100 },
      NOW,
    );
    expect(second).toEqual({ ok: false, busy: expect.objectContaining({ id: 'r1' }) });
    expect(forge.comments[0]!.body).toBe(body);
  });

  test('two runs that both created a summary keep the first; the second deletes its own and writes there', async () => {
    const forge = memoryForge('');
    const older = await forge.createComment(`${SUMMARY_MARKER}\nfirst\n${encodeState(state(5))}`);
    const written = await writeSummary(
      forge,
      SELF,
      null,
      {
        next: (fresh) => ({ ...fresh, pending: [{ id: 'r2', at: at(0), sha: 'h2', tokens: 9 }] }),
        body: (s) => `${SUMMARY_MARKER}\nsecond\n${encodeState(s)}`,
        held: (s) => (s.pending ?? []).some((p) => p.id === 'r2'),
      },
      NOW,
    );
    expect(forge.comments.map((c) => c.id)).toEqual([older.id]);
    expect(written.comment?.id).toBe(older.id);
    const s = decodeState(forge.comments[0]!.body);
    expect(s.runs.map((r) => r.tokens)).toEqual([5]);
    expect(s.pending?.map((p) => p.id)).toEqual(['r2']);
  });

  test('an overwrite by a concurrent run is noticed on read-back and written again', async () => {
    const forge = memoryForge('');
    const c = await forge.createComment(`${SUMMARY_MARKER}\n${encodeState(EMPTY_STATE)}`);
    let clobbered = false;
    const update = forge.updateComment.bind(forge);
    forge.updateComment = async (id, body) => {
      const out = await update(id, body);
      // The first write is overwritten at once by a run that had read the comment before it.
      if (!clobbered) {
        clobbered = true;
        await update(id, `${SUMMARY_MARKER}\n${encodeState(state(3))}`);
      }
      return out;
    };
    await settleRun(
      forge,
      SELF,
      c,
      'r',
      { at: at(0), sha: 'h', model: 'm', tokens: 42, cost: 0 },
      false,
      undefined,
      NOW,
    );
    expect(
      decodeState(forge.comments[0]!.body)
        .runs.map((r) => r.tokens)
        .sort(),
    ).toEqual([3, 42]);
  });
});

describe('comment bodies stay under the forge limit', () => {
  test('a long body is cut at a line, open details are closed, and the state line stays last', async () => {
    const { capComment, collapseNotes, MAX_COMMENT_CHARS } = await import('../../src/review/render-summary.js');
    const body = `${SUMMARY_MARKER}\n<details>\n${'line of text\n'.repeat(10_000)}`;
    const out = capComment(body, '<sub>footer</sub>', state(77));
    expect(out.length).toBeLessThanOrEqual(MAX_COMMENT_CHARS);
    expect(out).toMatch(/<\/details>\n\n> ✂️ This summary was cut/);
    expect(decodeState(out).runs[0]!.tokens).toBe(77);
    const notes = Array.from({ length: 38 }, (_, i) => `Part ${i + 1} of 38 failed: HTTP 529 \`overloaded\`.`);
    expect(collapseNotes([...notes, 'Other note.'])).toEqual([
      'Part 1 of 38 failed: HTTP 529 `overloaded`. (and 37 more notes like it)',
      'Other note.',
    ]);
  });

  test('a huge description is cut before it reaches a prompt, with a note', async () => {
    const { capDescription } = await import('../../src/review/description.js');
    const pr = {
      number: 1,
      title: 't',
      body: 'x'.repeat(1_000_000),
      author: 'a',
      draft: false,
      headSha: 'h',
      baseSha: 'b',
      baseRef: 'main',
      htmlUrl: '',
    };
    const { pr: cut, note } = capDescription(pr);
    expect(cut.body.length).toBeLessThan(16_200);
    expect(note).toMatch(/1,000,000 characters long; the review saw its first 16,000/);
    expect(capDescription({ ...pr, body: 'short' }).note).toBeNull();
  });
});
