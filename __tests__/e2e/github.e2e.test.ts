import { afterEach, describe, expect, test } from '@jest/globals';
import { startFakeAnthropic, type FakeAnthropic, type FakeMessagesBody } from '../fakes/anthropic-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { addedFile, codeLines, editedFile } from '../support/diffs.js';
import { githubPayload } from './payloads.js';
import { decodeState } from '../../src/state/marker.js';
import { runAction } from './harness.js';

const KEY = 'sk-ant-api03-e2e-test-key-000000000000';
const GH_TOKEN = 'ghs_e2eTestToken0000000000000000';
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';

let servers: Array<FakeAnthropic | FakeGitHub> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/** The diff text of every path the model is told about, to find a line that really is in it. */
function reviewAnswer(body: FakeMessagesBody) {
  const text = JSON.stringify(body.messages);
  return {
    toolInput: {
      summary: `Reviewed ${text.includes('src/app.ts') ? 'src/app.ts' : 'the change'}.`,
      findings: [
        {
          path: 'src/app.ts',
          line: 12,
          side: 'RIGHT',
          severity: 'high',
          title: 'Unchecked result',
          body: 'The result of `compute` is ignored.',
        },
        {
          path: 'src/app.ts',
          line: 400,
          side: 'RIGHT',
          severity: 'low',
          title: 'Far away',
          body: 'This line is not part of the change.',
        },
        {
          path: 'src/app.ts',
          line: 10,
          start_line: 2,
          side: 'RIGHT',
          severity: 'medium',
          title: 'Range across hunks',
          body: 'Spans outside.',
        },
      ],
    },
  };
}

async function setup(diff: string, opts: { headSha?: string } = {}) {
  const anthropic = await startFakeAnthropic({ respond: reviewAnswer, credentials: { key: KEY } });
  const github = await startFakeGitHub({
    owner: 'Codertocat',
    repo: 'Hello-World',
    token: GH_TOKEN,
    pulls: [{ number: 2, diff, headSha: opts.headSha ?? HEAD, title: 'Update the README', body: 'Some change' }],
  });
  servers.push(anthropic, github);
  return { anthropic, github };
}

function inputs(anthropic: FakeAnthropic, extra: Record<string, string> = {}) {
  return {
    'anthropic-api-key': KEY,
    'anthropic-base-url': anthropic.url,
    'github-token': GH_TOKEN,
    'max-tokens-per-run': '60000',
    ...extra,
  };
}

const opened = () => githubPayload('pull_request', 'opened');

describe('the bundled action on a GitHub pull_request event', () => {
  test('posts one review on diff lines only, one summary, and edits that summary on the next push', async () => {
    const diff = editedFile('src/app.ts', 60, 10, 14) + addedFile('package-lock.json', ['{}']);
    const { anthropic, github } = await setup(diff);

    const first = await runAction({
      eventName: 'pull_request',
      payload: opened(),
      inputs: inputs(anthropic),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(first.stderr + first.stdout).not.toMatch(/::error::/);
    expect(first.code).toBe(0);
    expect([first.outputs.status, first.outputs['skip-reason']]).toEqual(['reviewed', '']);
    expect(github.violations).toEqual([]);
    expect(github.state.reviews).toHaveLength(1);
    const review = github.state.reviews[0]!;
    expect(review.commitId).toBe(HEAD);
    expect(review.event).toBe('COMMENT');
    // Only the finding on a changed line is inline; the range was clipped into its hunk.
    expect(review.comments.map((c) => [c.path, c.line])).toEqual([
      ['src/app.ts', 12],
      ['src/app.ts', 10],
    ]);
    const summaries = github.state.issueComments.filter((c) => c.body.includes('claude-pr-review:summary'));
    expect(summaries).toHaveLength(1);
    expect(summaries[0]!.body).toContain('Far away');
    expect(summaries[0]!.body).toContain('package-lock.json');
    expect(first.outputs['review-url']).toMatch(/pullrequestreview-/);
    expect(first.outputs.tier).toBe('small');
    expect(first.outputs.model).toBe('claude-haiku-5-5');
    expect(Number(first.outputs['total-tokens'])).toBeGreaterThan(0);
    expect(Number(first.outputs['total-tokens'])).toBeLessThanOrEqual(60000);
    expect(Number(first.outputs['findings-count'])).toBe(3);
    expect(JSON.parse(first.outputs['skipped-files']!)).toEqual([{ path: 'package-lock.json', reason: 'lock file' }]);
    expect(first.summary).toContain('Claude review of ec26c3e');

    // The next push: a synchronize event on a new head.
    const next = 'f'.repeat(40);
    github.state.pulls[0]!.headSha = next;
    github.state.pulls[0]!.commits.push(next);
    // The push changed lines 10-14 of src/app.ts again: the incremental review looks at that hunk.
    github.state.compares[`${HEAD}...${next}`] = {
      status: 'ahead',
      diff: editedFile('src/app.ts', 60, 10, 14),
      files: ['src/app.ts'],
    };
    const push = githubPayload('pull_request', 'synchronize');
    push.pull_request.number = 2;
    push.number = 2;
    const second = await runAction({
      eventName: 'pull_request',
      payload: push,
      inputs: inputs(anthropic),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(second.code).toBe(0);
    const after = github.state.issueComments.filter((c) => c.body.includes('claude-pr-review:summary'));
    expect(after).toHaveLength(1);
    expect(after[0]!.id).toBe(summaries[0]!.id);
    expect(after[0]!.body).toContain('Claude review of fffffff');
    // Each run first records its reservation, then its summary and spend: edits, never a second comment.
    expect(github.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/issues/2/comments'))).toHaveLength(1);
    expect(decodeState(after[0]!.body).pending ?? []).toEqual([]);
    expect(decodeState(after[0]!.body).runs).toHaveLength(2);
    expect(github.violations).toEqual([]);
  });

  test.each([
    [150, 'small', 'claude-haiku-5-5'],
    [900, 'medium', 'claude-sonnet-5-5'],
    [1800, 'large', 'claude-opus-5-5'],
  ])('%i changed lines → %s tier → %s, within the ceiling', async (lines, tier, model) => {
    const { anthropic, github } = await setup(addedFile('src/app.ts', codeLines(lines)));
    const run = await runAction({
      eventName: 'pull_request',
      payload: opened(),
      inputs: inputs(anthropic, { 'max-tokens-per-run': '90000' }),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(0);
    expect(run.outputs.tier).toBe(tier);
    expect(run.outputs.model).toBe(model);
    const calls = anthropic.requestsTo('messages');
    expect(calls.length).toBeGreaterThanOrEqual(1);
    for (const call of calls) expect((call.body as { model: string }).model).toBe(model);
    expect(Number(run.outputs['total-tokens'])).toBeLessThanOrEqual(90000);
  });

  test('a subscription OAuth token is refused before any request, and never printed', async () => {
    const { anthropic, github } = await setup(addedFile('src/app.ts', codeLines(5)));
    const oauth = 'sk-ant-oat01-subscription-token-secret';
    const run = await runAction({
      eventName: 'pull_request',
      payload: opened(),
      inputs: inputs(anthropic, { 'anthropic-api-key': '', 'anthropic-auth-token': oauth }),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*OAuth/i);
    expect(run.stdout).toMatch(/API key|anthropic-api-key/);
    expect(anthropic.requests).toHaveLength(0);
    expect(github.requests).toHaveLength(0);
    expect(run.everything).not.toContain(oauth);
  });

  test('a missing credential fails with an error naming the input', async () => {
    const { anthropic, github } = await setup(addedFile('src/app.ts', codeLines(5)));
    const run = await runAction({
      eventName: 'pull_request',
      payload: opened(),
      inputs: inputs(anthropic, { 'anthropic-api-key': '' }),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/::error::.*anthropic-api-key/);
    expect(anthropic.requests).toHaveLength(0);
  });

  test('a draft is skipped with a notice, spending nothing', async () => {
    const { anthropic, github } = await setup(addedFile('src/app.ts', codeLines(5)));
    const payload = opened();
    payload.pull_request.draft = true;
    const run = await runAction({
      eventName: 'pull_request',
      payload,
      inputs: inputs(anthropic),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/::notice::.*draft.*review-drafts/);
    expect(run.summary).toMatch(/skipped/);
    expect(anthropic.requests).toHaveLength(0);
  });

  test('the API key never appears in anything the run wrote', async () => {
    const { anthropic, github } = await setup(editedFile('src/app.ts', 60, 10, 14));
    const run = await runAction({
      eventName: 'pull_request',
      payload: opened(),
      inputs: inputs(anthropic),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(0);
    expect(run.everything).not.toContain(KEY);
    expect(run.everything).not.toContain(GH_TOKEN);
    for (const c of github.state.issueComments) expect(c.body).not.toContain(KEY);
  });
});
