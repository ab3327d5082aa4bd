import { describe, expect, test } from '@jest/globals';
import { ANSWER_MARKER, ask } from '../src/ask.js';
import { readConfig, type Config } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import { run } from '../src/run.js';
import { decodeState, encodeState, SUMMARY_MARKER, type ReviewState } from '../src/state/marker.js';
import type { Thread } from '../src/trigger/trigger.js';
import { addedFile, codeLines } from './support/diffs.js';
import { BOT, memoryForge } from './support/memory-forge.js';
import { scriptedModel } from './support/scripted-model.js';

const silent = { info: () => {}, warning: () => {} };
const NOW = new Date('2026-05-15T12:00:00Z');

function config(inputs: Partial<Record<InputName, string>> = {}): Config {
  return readConfig((name) => inputs[name] ?? '');
}

function setup(answer: unknown = { answer: 'It parses the config once, before the loop.' }) {
  const forge = memoryForge(addedFile('src/a.ts', codeLines(5)));
  const model = scriptedModel(() => answer);
  return { forge, model };
}

const summaryWith = (state: ReviewState) => `${SUMMARY_MARKER}\n### Claude review of aaaaaaa\n\n${encodeState(state)}`;

describe('ask: a `/review ask` question answered as a PR comment', () => {
  test('the answer quotes the question and who asked, and ends with a footer of model and tokens', async () => {
    const { forge, model } = setup();
    const result = await ask({
      config: config(),
      forge,
      model: model.client,
      log: silent,
      question: 'What does\nthis change do?',
      asker: 'octocat',
      thread: null,
      now: () => NOW,
    });

    expect(model.calls).toHaveLength(1);
    // No count_tokens round trip first: the estimate leaves the answer its whole room.
    expect(model.counts).toHaveLength(0);
    expect(result.answered).toBe(true);
    expect(result.tokens).toBeGreaterThan(0);
    // The answer, and a placeholder summary that records the tokens for the PR's budgets.
    expect(forge.comments).toHaveLength(2);
    expect(decodeState(forge.comments[1]!.body).runs[0]!.tokens).toBe(result.tokens);
    const body = forge.comments[0]!.body;
    expect(body.startsWith(ANSWER_MARKER)).toBe(true);
    expect(body).toContain('> @octocat asked: What does this change do?');
    expect(body).toContain('It parses the config once, before the loop.');
    const footer = body.split('\n').at(-1)!;
    expect(footer).toMatch(/^<sub>claude-pr-review · `claude-haiku-9` · [\d,]+ tokens · \$[\d.]+<\/sub>$/);
    expect(footer).toContain(`${result.tokens.toLocaleString('en-US')} tokens`);
  });

  test('the model is shown the question and the PR diff', async () => {
    const { forge, model } = setup();
    await ask({
      config: config(),
      forge,
      model: model.client,
      log: silent,
      question: 'Is x3 needed?',
      asker: 'a',
      thread: null,
    });
    const prompt = model.calls[0]!.request.user.map((b) => b.text).join('\n');
    expect(prompt).toContain('Is x3 needed?');
    expect(prompt).toContain('compute(3)');
  });

  test('the answer stays under the per-run ceiling', async () => {
    const { forge, model } = setup();
    const ceiling = 4000;
    const result = await ask({
      config: config({ 'max-tokens-per-run': String(ceiling) }),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread: null,
    });
    expect(result.tokens).toBeLessThanOrEqual(ceiling);
    const input = await model.client.countTokens(model.calls[0]!.request);
    expect(input! + model.calls[0]!.maxTokens).toBeLessThanOrEqual(ceiling);
  });

  test('the tokens are recorded in the summary’s hidden state, which otherwise stays as it was', async () => {
    const { forge, model } = setup();
    const reviewer = scriptedModel(() => ({ summary: 'ok', findings: [] }));
    await run({
      config: config(),
      forge,
      model: reviewer.client,
      log: silent,
      request: { mode: 'full', tier: null },
      now: () => NOW,
    });
    const before = decodeState(forge.comments[0]!.body);
    expect(before.runs).toHaveLength(1);
    const visibleBefore = forge.comments[0]!.body.replace(/<!-- claude-pr-review:state [^>]*-->/, '');

    const result = await ask({
      config: config(),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread: null,
      now: () => NOW,
    });

    const summary = forge.comments.find((c) => c.body.includes(SUMMARY_MARKER))!;
    const after = decodeState(summary.body);
    expect(after.reviewedSha).toBe(before.reviewedSha);
    expect(after.runs).toHaveLength(2);
    expect(after.runs[1]).toEqual({
      at: NOW.toISOString(),
      sha: forge.pr.headSha,
      model: 'claude-haiku-9',
      tokens: result.tokens,
      cost: result.costUsd,
    });
    expect(summary.body.replace(/<!-- claude-pr-review:state [^>]*-->/, '')).toBe(visibleBefore);
    expect(forge.comments).toHaveLength(2);
  });

  test('without a summary comment the answer is still posted and a placeholder records the tokens', async () => {
    const { forge, model } = setup();
    await ask({
      config: config(),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread: null,
    });
    expect(forge.comments).toHaveLength(2);
    expect(forge.comments[0]!.body).not.toContain(SUMMARY_MARKER);
    expect(forge.comments[1]!.body).toContain('No review yet');
  });

  test('`max-tokens-per-pr` used up: a reply saying so, and zero model requests', async () => {
    const { forge, model } = setup();
    const state: ReviewState = {
      v: 1,
      reviewedSha: forge.pr.headSha,
      runs: [{ at: NOW.toISOString(), sha: forge.pr.headSha, model: 'claude-haiku-9', tokens: 9_000, cost: 0.01 }],
    };
    await forge.createComment(summaryWith(state));
    const result = await ask({
      config: config({ 'max-tokens-per-pr': '10000' }),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread: null,
    });
    expect(result).toEqual(expect.objectContaining({ answered: false, tokens: 0, costUsd: 0, model: null }));
    expect(model.calls).toHaveLength(0);
    expect(model.counts).toHaveLength(0);
    const reply = forge.comments[1]!.body;
    expect(reply).toContain(ANSWER_MARKER);
    expect(reply).toMatch(/I can't answer right now: the per-PR budget is used up/);
    expect(reply).toContain('max-tokens-per-pr');
    expect(decodeState(forge.comments[0]!.body)).toEqual(state);
  });

  test('what is left of `max-tokens-per-pr` caps the answer', async () => {
    const { forge, model } = setup();
    const state: ReviewState = {
      v: 1,
      reviewedSha: null,
      runs: [{ at: NOW.toISOString(), sha: 'x', model: 'm', tokens: 5_000, cost: 0 }],
    };
    await forge.createComment(summaryWith(state));
    const result = await ask({
      config: config({ 'max-tokens-per-pr': '10000' }),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread: null,
    });
    expect(result.tokens).toBeLessThanOrEqual(5_000);
    const input = await model.client.countTokens(model.calls[0]!.request);
    expect(input! + model.calls[0]!.maxTokens).toBeLessThanOrEqual(5_000);
  });

  // BUG: ask() calls runBudget(config, history, null): the monthly budget is never read, so
  // with `budget-mode: hard` and the month used up a question still calls the model.
  test('the monthly hard budget used up: a reply saying so, and zero model requests', async () => {
    const { forge, model } = setup();
    const spent: ReviewState = {
      v: 1,
      reviewedSha: null,
      runs: [{ at: NOW.toISOString(), sha: 'x', model: 'm', tokens: 50_000, cost: 1 }],
    };
    // Another PR's summary, updated this month, recorded the whole monthly budget.
    forge.comments.push({ id: 1, body: summaryWith(spent), url: 'https://example.test/o/r/pull/3#c1', author: BOT });
    const result = await ask({
      config: config({ 'max-tokens-per-month': '50000', 'budget-mode': 'hard' }),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread: null,
      now: () => NOW,
    });
    expect(model.calls).toHaveLength(0);
    expect(result.answered).toBe(false);
  });

  test('the model’s text cannot ping people, link issues or hide text', async () => {
    const { forge, model } = setup({
      answer: 'Ask @alice or @org/security-team, see #12 and other/repo#3 <!-- hidden -->. Code `@keep` stays.',
    });
    await ask({
      config: config(),
      forge,
      model: model.client,
      log: silent,
      question: 'Who owns this?',
      asker: 'bob',
      thread: null,
    });
    const body = forge.comments[0]!.body;
    const answer = body.split('\n').find((l) => l.startsWith('Ask '))!;
    expect(answer).not.toMatch(/@alice|@org\//);
    expect(answer).toContain('@\u200balice');
    expect(answer).toContain('@\u200borg/security-team');
    expect(answer).not.toMatch(/(^|\s)#12/);
    expect(answer).not.toContain('<!-- hidden');
    expect(answer).toContain('`@keep`');
  });

  test('an empty answer says it could not answer within the ceiling, and still shows what it cost', async () => {
    const { forge, model } = setup({ answer: '   ' });
    const result = await ask({
      config: config(),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread: null,
    });
    expect(result.answered).toBe(false);
    expect(forge.comments[0]!.body).toMatch(/could not answer within `max-tokens-per-run`/);
    expect(forge.comments[0]!.body).toMatch(/tokens · \$/);
  });
});

describe('ask: in a review thread', () => {
  async function withFinding() {
    const { forge, model } = setup({ answer: 'The loop should use `<=`.' });
    const reviewer = scriptedModel(() => ({
      summary: 'ok',
      findings: [{ path: 'src/a.ts', line: 2, side: 'RIGHT', severity: 'high', title: 'Off by one', body: 'b' }],
    }));
    await run({
      config: config(),
      forge,
      model: reviewer.client,
      log: silent,
      request: { mode: 'full', tier: null },
      now: () => NOW,
    });
    const root = forge.reviewComments[0]!;
    const thread: Thread = {
      rootId: root.id,
      commentId: 1,
      path: 'src/a.ts',
      line: 2,
      diffHunk: '@@ -0,0 +1,5 @@\n+x',
    };
    return { forge, model, root, thread };
  }

  test('the answer is a reply to the thread’s root, without quoting the question, with the footer', async () => {
    const { forge, model, root, thread } = await withFinding();
    const comments = forge.comments.length;
    const result = await ask({
      config: config(),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'octocat',
      thread,
      now: () => NOW,
    });
    expect(result.answered).toBe(true);
    expect(forge.replies).toHaveLength(1);
    expect(forge.replies[0]!.to).toBe(root.id);
    const body = forge.replies[0]!.body;
    expect(body).toContain(ANSWER_MARKER);
    expect(body).toContain('The loop should use `<=`.');
    expect(body).not.toContain('asked:');
    expect(body).toMatch(/tokens · \$/);
    expect(forge.comments).toHaveLength(comments);
    // The tokens count against the PR like a review's.
    expect(decodeState(forge.comments[0]!.body).runs.at(-1)!.tokens).toBe(result.tokens);
  });

  test('the per-PR budget used up: the refusal goes to the thread, zero model requests', async () => {
    const { forge, model, thread } = await withFinding();
    const used = decodeState(forge.comments[0]!.body).runs[0]!.tokens;
    const result = await ask({
      config: config({ 'max-tokens-per-pr': String(used + 100) }),
      forge,
      model: model.client,
      log: silent,
      question: 'Why?',
      asker: 'a',
      thread,
    });
    expect(result.answered).toBe(false);
    expect(model.calls).toHaveLength(0);
    expect(forge.replies).toHaveLength(1);
    expect(forge.replies[0]!.body).toMatch(/I can't answer right now/);
  });
});
