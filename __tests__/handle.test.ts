import { describe, expect, test } from '@jest/globals';
import { readConfig, type Config } from '../src/config/config.js';
import type { InputName } from '../src/config/inputs.js';
import { handle } from '../src/handle.js';
import { run } from '../src/run.js';
import { decodeState, SUMMARY_MARKER } from '../src/state/marker.js';
import type { Requester, Thread, Trigger } from '../src/trigger/trigger.js';
import { addedFile, codeLines } from './support/diffs.js';
import { memoryForge, type MemoryForge } from './support/memory-forge.js';
import { scriptedModel } from './support/scripted-model.js';

const silent = { info: () => {}, warning: () => {} };

function config(inputs: Partial<Record<InputName, string>> = {}): Config {
  return readConfig((name) => inputs[name] ?? '');
}

const COMMENT_ID = 555;
const owner: Requester = { commentId: COMMENT_ID, login: 'octocat', association: 'OWNER', canPush: null };
const outsider: Requester = { commentId: COMMENT_ID, login: 'mallory', association: 'NONE', canPush: null };

type Actionable = Exclude<Trigger, { kind: 'ignore' }>;
const review = (requester: Requester | null, mode: 'full' | 'incremental' = 'incremental'): Actionable => ({
  kind: 'review',
  prNumber: 7,
  request: { mode, tier: null },
  requester,
});
const help = (requester: Requester, args: string | null = null): Actionable => ({
  kind: 'help',
  prNumber: 7,
  requester,
  args,
});
const askIt = (requester: Requester, question: string, thread: Thread | null = null): Actionable => ({
  kind: 'ask',
  prNumber: 7,
  question,
  requester,
  thread,
});

const findings = () => ({
  summary: 'Adds a helper.',
  findings: [
    { path: 'src/a.ts', line: 2, side: 'RIGHT', severity: 'high', title: 'Off by one', body: 'Loop ends early.' },
  ],
});

function setup(answer: () => unknown = findings) {
  const forge = memoryForge(addedFile('src/a.ts', codeLines(5)));
  const model = scriptedModel(answer);
  const deps = { config: config(), forge, model: model.client, log: silent };
  return { forge, model, deps };
}

/** Everything the action posted anywhere on the PR. */
const posted = (forge: MemoryForge) => [...forge.comments.map((c) => c.body), ...forge.replies.map((r) => r.body)];

describe('handle: the write-access gate', () => {
  test('an unauthorised `/review` gets exactly one polite reply, no reaction, and spends nothing', async () => {
    const { forge, model, deps } = setup();
    const handled = await handle(review(outsider), deps);

    expect(handled).toEqual({
      kind: 'refused',
      reason: '@mallory does not have write access to this repository',
    });
    expect(forge.comments).toHaveLength(1);
    expect(forge.comments[0]!.body).toContain('Thanks for the interest, @mallory');
    expect(forge.comments[0]!.body).toMatch(/write access/);
    expect(forge.replies).toEqual([]);
    expect(model.calls).toHaveLength(0);
    expect(model.counts).toHaveLength(0);
    expect(forge.reviews).toHaveLength(0);
    expect(forge.reactions).toEqual([]);
  });

  test('the refusal is marked as the action’s, so it can never trigger anything itself', async () => {
    const { forge, deps } = setup();
    await handle(review(outsider), deps);
    expect(forge.comments[0]!.body).toContain('<!-- claude-pr-review');
  });

  test('a read-only collaborator is looked up and refused; help and questions are gated too', async () => {
    const { forge, model, deps } = setup();
    forge.permissions.reader = 'read';
    const reader: Requester = { commentId: 9, login: 'reader', association: 'COLLABORATOR', canPush: null };
    expect((await handle(review(reader, 'full'), deps)).kind).toBe('refused');
    expect((await handle(help(reader), deps)).kind).toBe('refused');
    expect((await handle(askIt(reader, 'why?'), deps)).kind).toBe('refused');
    expect(forge.comments).toHaveLength(3);
    expect(model.calls).toHaveLength(0);
    expect(forge.reactions).toEqual([]);
  });

  test('a refused question in a review thread is answered in that thread', async () => {
    const { forge, model, deps } = setup();
    const thread: Thread = { rootId: 42, commentId: 43, path: 'src/a.ts', line: 2, diffHunk: '@@' };
    await handle(askIt(outsider, 'why?', thread), deps);
    expect(forge.replies).toHaveLength(1);
    expect(forge.replies[0]!.to).toBe(42);
    expect(forge.replies[0]!.body).toContain('@mallory');
    expect(forge.comments).toEqual([]);
    expect(model.calls).toHaveLength(0);
  });

  test('a Gitea commenter with push permission in the payload passes when the forge will not say', async () => {
    const { forge, model, deps } = setup();
    forge.permissionOf = async () => null;
    const bob: Requester = { commentId: COMMENT_ID, login: 'bob', association: null, canPush: true };
    const handled = await handle(review(bob, 'full'), deps);
    expect(handled.kind).toBe('reviewed');
    expect(model.calls.length).toBeGreaterThan(0);
  });

  test('a pull_request event (no requester) is never gated and gets no reactions', async () => {
    const { forge, model, deps } = setup();
    const handled = await handle(review(null, 'full'), deps);
    expect(handled.kind).toBe('reviewed');
    expect(model.calls.length).toBeGreaterThan(0);
    expect(forge.reactions).toEqual([]);
  });
});

describe('handle: reactions on the command comment', () => {
  test('an authorised `/review` gets 👀 then 👍, in that order, on the command comment', async () => {
    const { forge, model, deps } = setup();
    const handled = await handle(review(owner), deps);
    expect(handled.kind).toBe('reviewed');
    expect(model.calls.length).toBeGreaterThan(0);
    expect(forge.reactions).toEqual([
      { commentId: COMMENT_ID, reaction: 'eyes' },
      { commentId: COMMENT_ID, reaction: '+1' },
    ]);
  });

  test('👍 also when the review found nothing', async () => {
    const { forge, deps } = setup(() => ({ summary: 'Fine.', findings: [] }));
    await handle(review(owner, 'full'), deps);
    expect(forge.reactions.map((r) => r.reaction)).toEqual(['eyes', '+1']);
    expect(forge.comments[0]!.body).toContain('No problems found.');
  });

  test('👀 is added before the model is called', async () => {
    const forge = memoryForge(addedFile('src/a.ts', codeLines(5)));
    let reactionsAtCall: string[] | null = null;
    const model = scriptedModel(() => {
      reactionsAtCall ??= forge.reactions.map((r) => r.reaction);
      return findings();
    });
    await handle(review(owner, 'full'), { config: config(), forge, model: model.client, log: silent });
    expect(reactionsAtCall).toEqual(['eyes']);
  });

  test('a forge that refuses reactions does not fail the review; a warning is logged', async () => {
    const { forge, deps } = setup();
    forge.react = async () => {
      throw new Error('403 reactions disabled');
    };
    const warnings: string[] = [];
    const handled = await handle(review(owner, 'full'), {
      ...deps,
      log: { info: () => {}, warning: (m) => warnings.push(m) },
    });
    expect(handled.kind).toBe('reviewed');
    expect(forge.reviews).toHaveLength(1);
    expect(warnings.join('\n')).toMatch(/Could not react/);
  });

  test('a failing model: 😕, the error is rethrown, and the summary says the request failed', async () => {
    const { forge, deps } = setup(() => {
      throw new Error('overloaded_error: the API is overloaded');
    });
    await expect(handle(review(owner, 'full'), deps)).rejects.toThrow('overloaded_error');
    expect(forge.reactions).toEqual([
      { commentId: COMMENT_ID, reaction: 'eyes' },
      { commentId: COMMENT_ID, reaction: 'confused' },
    ]);
    const summary = forge.comments.find((c) => c.body.includes(SUMMARY_MARKER));
    expect(summary).toBeDefined();
    expect(summary!.body).toMatch(/last review request failed: .*overloaded_error/);
  });

  test('a failure after an earlier review puts the line at the top of the existing summary, keeping its state', async () => {
    const { forge, model, deps } = setup();
    await run({ ...deps, request: { mode: 'full', tier: null } });
    const before = forge.comments[0]!;
    const stateBefore = decodeState(before.body);
    expect(stateBefore.runs).toHaveLength(1);

    const failing = scriptedModel(() => {
      throw new Error('boom: connection reset');
    });
    forge.pr = { ...forge.pr, headSha: 'c'.repeat(40) };
    await expect(handle(review(owner, 'full'), { ...deps, model: failing.client })).rejects.toThrow('boom');

    expect(forge.comments).toHaveLength(1);
    const lines = forge.comments[0]!.body.split('\n');
    expect(lines[0]).toBe(SUMMARY_MARKER);
    expect(lines[1]).toMatch(/^> ⚠️ The last review request failed: boom: connection reset/);
    // The earlier runs are kept, and the failed one is added with what it was billed before failing.
    const stateAfter = decodeState(forge.comments[0]!.body);
    expect(stateAfter.reviewedSha).toBe(stateBefore.reviewedSha);
    expect(stateAfter.runs.slice(0, stateBefore.runs.length)).toEqual(stateBefore.runs);
    expect(stateAfter.runs.length).toBeGreaterThanOrEqual(stateBefore.runs.length);
    expect(model.calls.length).toBeGreaterThan(0);

    // A second failure replaces the line rather than piling up another.
    await expect(handle(review(owner, 'full'), { ...deps, model: failing.client })).rejects.toThrow('boom');
    expect(forge.comments[0]!.body.match(/last review request failed/g)).toHaveLength(1);
  });

  test('a successful review after a failure removes the failure line', async () => {
    const { forge, deps } = setup();
    const failing = scriptedModel(() => {
      throw new Error('boom');
    });
    await expect(handle(review(owner, 'full'), { ...deps, model: failing.client })).rejects.toThrow('boom');
    await handle(review(owner, 'full'), deps);
    expect(forge.comments.filter((c) => c.body.includes(SUMMARY_MARKER))).toHaveLength(1);
    expect(forge.comments[0]!.body).not.toMatch(/last review request failed/);
  });

  test('a failure of a pull_request run (no requester) is rethrown without a reaction or a summary note', async () => {
    const { forge, deps } = setup(() => {
      throw new Error('boom');
    });
    await expect(handle(review(null, 'full'), deps)).rejects.toThrow('boom');
    expect(forge.reactions).toEqual([]);
  });
});

describe('handle: help', () => {
  test('`/review help` replies with the command list, spends nothing, and reacts 👀 👍', async () => {
    const { forge, model, deps } = setup();
    expect(await handle(help(owner), deps)).toEqual({ kind: 'helped' });
    expect(forge.comments).toHaveLength(1);
    const body = forge.comments[0]!.body;
    for (const c of ['`/review`', '`/review full`', '`/review ask <question>`', '`/review help`'])
      expect(body).toContain(c);
    expect(body).not.toMatch(/I don't know/);
    expect(model.calls).toHaveLength(0);
    expect(model.counts).toHaveLength(0);
    expect(forge.reactions.map((r) => r.reaction)).toEqual(['eyes', '+1']);
  });

  test('an unknown argument gets the help text naming the unknown word', async () => {
    const { forge, model, deps } = setup();
    await handle(help(owner, 'frobnicate'), deps);
    expect(forge.comments[0]!.body).toContain("I don't know `frobnicate`");
    expect(forge.comments[0]!.body).toContain('`/review full`');
    expect(model.calls).toHaveLength(0);
  });

  test('the help text uses the configured phrase', async () => {
    const { forge, deps } = setup();
    await handle(help(owner), { ...deps, config: config({ 'trigger-phrase': '/ai' }) });
    expect(forge.comments[0]!.body).toContain('`/ai full`');
  });
});

describe('handle: a question in a review thread', () => {
  const thread: Thread = {
    rootId: 0,
    commentId: 9001,
    path: 'src/a.ts',
    line: 2,
    diffHunk: '@@ -0,0 +1,5 @@\n+const x0 = compute(0);\n+const x1 = compute(1);',
  };

  async function withPostedFinding() {
    const { forge, model, deps } = setup();
    await run({ ...deps, request: { mode: 'full', tier: null } });
    const root = forge.reviewComments[0]!;
    expect(root.body).toMatch(/<!-- claude-pr-review:fp=[0-9a-f]{16} -->/);
    const asking = scriptedModel(() => ({ answer: 'Because the loop uses `<` where `<=` is needed.' }));
    return { forge, model, asking, deps, root };
  }

  test('the answer is posted in the thread (a reply to its root), with no reactions', async () => {
    const { forge, asking, deps, root } = await withPostedFinding();
    const handled = await handle(askIt(owner, 'Why is this off by one?', { ...thread, rootId: root.id }), {
      ...deps,
      model: asking.client,
    });
    expect(handled.kind).toBe('answered');
    expect(asking.calls).toHaveLength(1);
    expect(forge.replies).toHaveLength(1);
    expect(forge.replies[0]!.to).toBe(root.id);
    expect(forge.replies[0]!.body).toContain('Because the loop uses');
    expect(forge.reactions).toEqual([]);
  });

  test('the model sees the finding, the replies so far and the diff hunk', async () => {
    const { forge, asking, deps, root } = await withPostedFinding();
    forge.reviewComments.push({
      id: 7777,
      body: 'Are you sure?',
      path: 'src/a.ts',
      line: 2,
      outdated: false,
      resolved: false,
      inReplyTo: root.id,
      author: 'octocat',
      authorId: 9,
    });
    await handle(askIt(owner, 'Explain', { ...thread, rootId: root.id }), { ...deps, model: asking.client });
    const prompt = asking.calls[0]!.request.user.map((b) => b.text).join('\n');
    expect(prompt).toContain('Off by one');
    expect(prompt).toContain('@octocat: Are you sure?');
    expect(prompt).toContain('+const x1 = compute(1);');
    expect(prompt).toContain('Explain');
  });

  test('a thread that is not one of the action’s (no fingerprint on its root): nothing posted, no tokens', async () => {
    const { forge, model, deps } = setup();
    forge.reviewComments.push({
      id: 31,
      body: 'A colleague’s comment',
      path: 'src/a.ts',
      line: 2,
      outdated: false,
      resolved: false,
      inReplyTo: null,
      author: 'alice',
      authorId: 12,
    });
    const handled = await handle(askIt(owner, 'what do you think?', { ...thread, rootId: 31 }), deps);
    expect(handled).toMatchObject({ kind: 'answered', result: { answered: false, tokens: 0 } });
    expect(posted(forge)).toEqual([]);
    expect(model.calls).toHaveLength(0);
    expect(model.counts).toHaveLength(0);
  });

  test('a thread whose root no longer exists: nothing posted, no tokens', async () => {
    const { forge, model, deps } = setup();
    const handled = await handle(askIt(owner, 'hello?', { ...thread, rootId: 404 }), deps);
    expect(handled).toMatchObject({ kind: 'answered', result: { answered: false, tokens: 0 } });
    expect(posted(forge)).toEqual([]);
    expect(model.calls).toHaveLength(0);
  });

  test('without a model client a question fails clearly (😕), never silently', async () => {
    const { forge, deps } = setup();
    await expect(handle(askIt(owner, 'why?'), { ...deps, model: null })).rejects.toThrow(/anthropic-api-key/);
    expect(forge.reactions.map((r) => r.reaction)).toEqual(['eyes', 'confused']);
  });
});

describe('handle: `/review ask` as a PR comment', () => {
  test('answers in a comment and reacts 👀 👍 on the command', async () => {
    const { forge, deps } = setup();
    const asking = scriptedModel(() => ({ answer: 'It caches the parsed config.' }));
    const handled = await handle(askIt(owner, 'What does this PR do?'), { ...deps, model: asking.client });
    expect(handled.kind).toBe('answered');
    expect(forge.comments).toHaveLength(2); // the answer, and the placeholder that records its tokens
    expect(forge.comments[0]!.body).toContain('It caches the parsed config.');
    expect(forge.reactions.map((r) => r.reaction)).toEqual(['eyes', '+1']);
  });
});
