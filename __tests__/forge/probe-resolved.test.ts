import { afterEach, describe, expect, it } from '@jest/globals';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGiteaForge } from '../../src/forge/gitea.js';
import { toReviewComments } from '../../src/forge/gitea-review-comments.js';
import { createGitHubForge, ForgeError } from '../../src/forge/github.js';
import type { InlineComment } from '../../src/ports.js';
import { startFakeGitea, type FakeGitea, type FakeGiteaInit } from '../fakes/gitea-server.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubInit } from '../fakes/github-server.js';

// probeAnchor (GitHub: a pending review deleted at once; Gitea: no request) and the
// `resolved` flag of review comments (GitHub: GraphQL review threads; Gitea: `resolver`).

const DIFF =
  'diff --git a/app.ts b/app.ts\nindex e031777..b93085a 100644\n--- a/app.ts\n+++ b/app.ts\n' +
  '@@ -1,5 +1,5 @@\n one\n-two\n+TWO\n three\n four\n five\n@@ -10,3 +10,4 @@ nine\n ten\n eleven\n twelve\n+thirteen\n';
const TOKEN = 'ghs_s3cr3tT0kenValue0123456789';
const HEAD = 'c'.repeat(40);
const IN_DIFF: InlineComment = { path: 'app.ts', body: 'Uppercase?', line: 2, side: 'RIGHT' };
const RANGE: InlineComment = { path: 'app.ts', body: 'These three', line: 13, startLine: 11, side: 'RIGHT' };
const OUTSIDE: InlineComment = { path: 'app.ts', body: 'Not shown', line: 8, side: 'RIGHT' };
const OTHER_FILE: InlineComment = { path: 'nope.ts', body: 'No such file', line: 1, side: 'RIGHT' };

let github: FakeGitHub | null = null;
let gitea: FakeGitea | null = null;

afterEach(async () => {
  if (github) {
    expect(github.violations).toEqual([]);
    for (const r of github.requests) expect(r.headers.authorization).toBe('token [redacted]');
    await github.close();
    github = null;
  }
  if (gitea) {
    expect(gitea.violations).toEqual([]);
    await gitea.close();
    gitea = null;
  }
});

async function startGitHub(init: FakeGitHubInit = {}): Promise<FakeGitHub> {
  github = await startFakeGitHub({
    token: TOKEN,
    pulls: [{ number: 7, headSha: HEAD, diff: DIFF }],
    ...init,
  });
  return github;
}

function gitHubForge(fake: FakeGitHub, log: (msg: string) => void = () => {}) {
  return createGitHubForge({
    token: TOKEN,
    apiUrl: fake.url,
    owner: 'octo',
    repo: 'repo',
    pullNumber: 7,
    log,
    retry: { retries: 2, msPerSecond: 1, spaceWrites: false },
  });
}

const calls = (fake: FakeGitHub) => fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForgeError);
  return error as ForgeError;
}

/** A pending review made straight through the fake's API, as a person's draft would be. */
async function postPending(fake: FakeGitHub): Promise<Response> {
  return fetch(`${fake.url}/repos/octo/repo/pulls/7/reviews`, {
    method: 'POST',
    headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ commit_id: HEAD, comments: [{ path: 'app.ts', body: 'draft', line: 2, side: 'RIGHT' }] }),
  });
}

describe('GitHub probeAnchor', () => {
  it('an anchor in the diff: a pending review (no event) is made, then deleted, and the answer is true', async () => {
    const fake = await startGitHub();
    expect(await gitHubForge(fake).probeAnchor(HEAD, IN_DIFF)).toBe(true);
    const [post, del] = fake.requests;
    expect(post).toMatchObject({
      method: 'POST',
      path: '/repos/octo/repo/pulls/7/reviews',
      body: { commit_id: HEAD, comments: [{ path: 'app.ts', body: 'Uppercase?', line: 2, side: 'RIGHT' }] },
      status: 200,
    });
    expect(post?.body).not.toHaveProperty('event');
    expect(calls(fake)[1]).toMatch(/^DELETE \/repos\/octo\/repo\/pulls\/7\/reviews\/\d+ 200$/);
    expect(del?.body).toBeUndefined();
    expect(fake.requests).toHaveLength(2);
    // Nothing left behind: no review at all, and no review comment listed.
    expect(fake.state.reviews).toEqual([]);
    expect(await gitHubForge(fake).listReviewComments()).toEqual([]);
  });

  it('a range is sent as createReview sends it', async () => {
    const fake = await startGitHub();
    expect(await gitHubForge(fake).probeAnchor(HEAD, RANGE)).toBe(true);
    expect(fake.requests[0]?.body).toEqual({
      commit_id: HEAD,
      comments: [{ path: 'app.ts', body: 'These three', line: 13, side: 'RIGHT', start_line: 11, start_side: 'RIGHT' }],
    });
    expect(fake.state.reviews).toEqual([]);
  });

  it('an anchor outside the diff, or in a file the PR does not touch, is refused (422): false, nothing to delete', async () => {
    const fake = await startGitHub();
    const forge = gitHubForge(fake);
    expect(await forge.probeAnchor(HEAD, OUTSIDE)).toBe(false);
    expect(await forge.probeAnchor(HEAD, OTHER_FILE)).toBe(false);
    expect(calls(fake)).toEqual([
      'POST /repos/octo/repo/pulls/7/reviews 422',
      'POST /repos/octo/repo/pulls/7/reviews 422',
    ]);
    expect(fake.state.reviews).toEqual([]);
  });

  it('concurrent probes run one at a time, each pending review deleted before the next is made', async () => {
    const fake = await startGitHub();
    const forge = gitHubForge(fake);
    const answers = await Promise.all([
      forge.probeAnchor(HEAD, IN_DIFF),
      forge.probeAnchor(HEAD, OUTSIDE),
      forge.probeAnchor(HEAD, RANGE),
      forge.probeAnchor(HEAD, OTHER_FILE),
      forge.probeAnchor(HEAD, IN_DIFF),
    ]);
    expect(answers).toEqual([true, false, true, false, true]);
    expect(calls(fake).map((c) => c.replace(/\/\d+ /, '/{id} '))).toEqual([
      'POST /repos/octo/repo/pulls/7/reviews 200',
      'DELETE /repos/octo/repo/pulls/7/reviews/{id} 200',
      'POST /repos/octo/repo/pulls/7/reviews 422',
      'POST /repos/octo/repo/pulls/7/reviews 200',
      'DELETE /repos/octo/repo/pulls/7/reviews/{id} 200',
      'POST /repos/octo/repo/pulls/7/reviews 422',
      'POST /repos/octo/repo/pulls/7/reviews 200',
      'DELETE /repos/octo/repo/pulls/7/reviews/{id} 200',
    ]);
    expect(fake.state.reviews).toEqual([]);
  });

  it('a failed probe does not stop the probes queued behind it', async () => {
    const fake = await startGitHub();
    const forge = gitHubForge(fake);
    fake.failNext('POST', /\/reviews$/, 403, { body: { message: 'Resource not accessible by integration' } });
    const [first, second] = await Promise.allSettled([
      forge.probeAnchor(HEAD, IN_DIFF),
      forge.probeAnchor(HEAD, IN_DIFF),
    ]);
    expect(first.status).toBe('rejected');
    expect((first as PromiseRejectedResult).reason).toMatchObject({ operation: 'probeAnchor', status: 403 });
    expect((first as PromiseRejectedResult).reason.message).toContain('pull-requests: write');
    expect(second).toEqual({ status: 'fulfilled', value: true });
  });

  it('the fake holds GitHub to one pending review per user and pull request', async () => {
    const fake = await startGitHub();
    expect((await postPending(fake)).status).toBe(200);
    const second = await postPending(fake);
    expect(second.status).toBe(422);
    expect(await second.json()).toMatchObject({ errors: ['User can only have one pending review per pull request'] });
  });

  it("a pending review already held by the token's user is an error, not a refused anchor", async () => {
    const fake = await startGitHub();
    await postPending(fake);
    const error = await failure(gitHubForge(fake).probeAnchor(HEAD, IN_DIFF));
    expect(error).toMatchObject({ operation: 'probeAnchor', status: 422 });
    expect(error.message).toContain('already has a pending (unsubmitted) review');
    expect(error.message).not.toContain(TOKEN);
  });

  it('a pending review that cannot be deleted is an error, and the log names it', async () => {
    const fake = await startGitHub();
    const logs: string[] = [];
    fake.failNext('DELETE', /\/reviews\/\d+$/, 500, { times: 3 });
    const error = await failure(gitHubForge(fake, (m) => logs.push(m)).probeAnchor(HEAD, IN_DIFF));
    expect(error).toMatchObject({ operation: 'probeAnchor', status: 500 });
    const [left] = fake.state.reviews;
    expect(left?.state).toBe('PENDING');
    expect(logs.some((l) => l.includes(`pending review #${left?.id}`))).toBe(true);
  });

  it('deleting a submitted review is refused by the fake (422)', async () => {
    const fake = await startGitHub();
    await gitHubForge(fake).createReview({ commitId: HEAD, body: 'Done', event: 'COMMENT', comments: [IN_DIFF] });
    const id = fake.state.reviews[0]?.id;
    const res = await fetch(`${fake.url}/repos/octo/repo/pulls/7/reviews/${id}`, {
      method: 'DELETE',
      headers: { authorization: `token ${TOKEN}` },
    });
    expect(res.status).toBe(422);
    expect(fake.state.reviews).toHaveLength(1);
  });
});

describe('GitHub resolved review threads (GraphQL)', () => {
  const seeded: FakeGitHubInit['reviewComments'] = [
    { path: 'app.ts', body: 'Uppercase?', line: 2, user: 'mona', resolved: true },
    { path: 'app.ts', body: 'Removed?', line: 2, side: 'LEFT', user: 'mona' },
    { path: 'app.ts', body: 'Why thirteen?', line: 13, user: 'hubot' },
    { path: 'app.ts', body: 'Style guide', replyTo: 0, user: 'octocat' },
    { path: 'app.ts', body: 'Agreed', replyTo: 3, user: 'hubot' },
    { path: 'app.ts', body: 'Fixed, resolving', replyTo: 2, user: 'octocat', resolved: true },
  ];

  it('marks the first comment and every reply of a resolved thread; others stay unresolved', async () => {
    const fake = await startGitHub({ reviewComments: seeded });
    const comments = await gitHubForge(fake).listReviewComments();
    expect(comments.map((c) => [c.body, c.resolved])).toEqual([
      ['Uppercase?', true],
      ['Removed?', false],
      ['Why thirteen?', true],
      ['Style guide', true],
      ['Agreed', true],
      ['Fixed, resolving', true],
    ]);
    expect(calls(fake)).toEqual(['GET /repos/octo/repo/pulls/7/comments 200', 'POST /graphql 200']);
    const query = fake.requests[1]?.body as { query: string; variables: Record<string, unknown> };
    expect(query.query).toContain('reviewThreads(first: 100, after: $cursor)');
    expect(query.variables).toEqual({ owner: 'octo', name: 'repo', number: 7, cursor: null });
  });

  it('follows the cursor through every page of threads', async () => {
    const many = Array.from({ length: 130 }, (_, i) => ({
      path: 'app.ts',
      body: `c${i}`,
      line: 13,
      resolved: i % 3 === 0,
    }));
    const fake = await startGitHub({ reviewComments: many });
    const comments = await gitHubForge(fake).listReviewComments();
    expect(comments.map((c) => c.resolved)).toEqual(many.map((c) => c.resolved));
    const graphql = fake.requests.filter((r) => r.path === '/graphql');
    expect(graphql.map((r) => (r.body as { variables: { cursor: unknown } }).variables.cursor)).toEqual([
      null,
      expect.any(String),
    ]);
  });

  it('follows threads resolved after the start (state changes)', async () => {
    const fake = await startGitHub({ reviewComments: seeded });
    const forge = gitHubForge(fake);
    const removed = fake.state.reviews.flatMap((r) => r.comments).find((c) => c.body === 'Removed?');
    if (removed) removed.resolved = true;
    expect((await forge.listReviewComments()).find((c) => c.body === 'Removed?')?.resolved).toBe(true);
  });

  it.each([
    ['a 404 (a proxy that passes only REST)', 404, undefined],
    ['a 502', 502, undefined],
    [
      'GraphQL errors in a 200',
      200,
      { errors: [{ type: 'FORBIDDEN', message: 'Resource not accessible by integration' }] },
    ],
  ])('GraphQL failing with %s leaves every thread unresolved, with a log line', async (_what, status, body) => {
    const fake = await startGitHub({ reviewComments: seeded });
    fake.failNext('POST', /^\/graphql$/, status, { times: 3, ...(body ? { body } : {}) });
    const logs: string[] = [];
    const comments = await gitHubForge(fake, (m) => logs.push(m)).listReviewComments();
    expect(comments).toHaveLength(6);
    expect(comments.every((c) => !c.resolved)).toBe(true);
    const line = logs.find((l) => l.includes('every thread counts as unresolved'));
    expect(line).toBeDefined();
    if (status !== 200) expect(line).toContain(`HTTP ${status}`);
    expect(logs.join('\n')).not.toContain(TOKEN);
  });

  it('asks GraphQL nothing when there are no review comments', async () => {
    const fake = await startGitHub();
    expect(await gitHubForge(fake).listReviewComments()).toEqual([]);
    expect(calls(fake)).toEqual(['GET /repos/octo/repo/pulls/7/comments 200']);
  });

  it('on GitHub Enterprise Server (`…/api/v3`) GraphQL is asked at `/api/graphql`', async () => {
    const paths: string[] = [];
    const server = createServer((req, res) => {
      paths.push(`${req.method} ${req.url}`);
      res.writeHead(200, { 'content-type': 'application/json' });
      if (req.url?.startsWith('/api/v3/repos/octo/repo/pulls/7/comments')) {
        res.end(JSON.stringify([{ id: 5, body: 'Hm', path: 'app.ts', line: 2, position: 2, user: { login: 'mona' } }]));
        return;
      }
      const threads = { pageInfo: { hasNextPage: false, endCursor: null }, nodes: [] as unknown[] };
      threads.nodes.push({ isResolved: true, comments: { nodes: [{ databaseId: 5 }] } });
      res.end(JSON.stringify({ data: { repository: { pullRequest: { reviewThreads: threads } } } }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/v3`;
      const forge = createGitHubForge({ token: TOKEN, apiUrl: url, owner: 'octo', repo: 'repo', pullNumber: 7 });
      expect(await forge.listReviewComments()).toMatchObject([{ id: 5, resolved: true }]);
      expect(paths).toEqual(['GET /api/v3/repos/octo/repo/pulls/7/comments?per_page=100', 'POST /api/graphql']);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});

describe('Gitea/Forgejo probeAnchor and resolved conversations', () => {
  async function startGitea(init: FakeGiteaInit = {}): Promise<FakeGitea> {
    gitea = await startFakeGitea({
      token: TOKEN,
      pulls: [{ number: 7, user: 'alice', headSha: HEAD }],
      ...init,
    });
    return gitea;
  }
  const giteaForge = (fake: FakeGitea, kind: 'gitea' | 'forgejo' = 'gitea') =>
    createGiteaForge({
      kind,
      token: TOKEN,
      apiUrl: fake.url,
      owner: 'octo',
      repo: 'repo',
      pullNumber: 7,
      retry: { retries: 0, msPerSecond: 1 },
    });

  it.each(['gitea', 'forgejo'] as const)('%s: probeAnchor is true for any anchor, without a request', async (kind) => {
    const fake = await startGitea({ flavor: kind });
    const forge = giteaForge(fake, kind);
    expect(await Promise.all([IN_DIFF, OUTSIDE, OTHER_FILE, RANGE].map((c) => forge.probeAnchor(HEAD, c)))).toEqual([
      true,
      true,
      true,
      true,
    ]);
    expect(fake.requests).toEqual([]);
  });

  it('a comment with a resolver is resolved, and so are the UI replies in its conversation', async () => {
    const fake = await startGitea({
      reviews: [
        {
          pullNumber: 7,
          user: 'bob',
          state: 'COMMENT',
          comments: [
            { path: 'src/app.ts', body: 'Why uppercase?', new_position: 12, resolver: 'alice' },
            { path: 'src/app.ts', body: 'Why remove?', old_position: 11 },
            { path: 'src/app.ts', body: 'Style guide.', new_position: 12, user: 'alice', reply: true },
            { path: 'src/app.ts', body: 'Still?', old_position: 11, user: 'alice', reply: true },
          ],
        },
      ],
    });
    const comments = await giteaForge(fake).listReviewComments();
    expect(comments.map((c) => [c.body, c.resolved])).toEqual([
      ['Why uppercase?', true],
      ['Why remove?', false],
      ['Style guide.', true],
      ['Still?', false],
    ]);
    const listed = fake.requests.find((r) => r.path.endsWith('/comments'));
    expect(listed?.status).toBe(200);
  });

  it('toReviewComments: resolver null or absent is unresolved', () => {
    const review = { user: { login: 'bob' }, submitted_at: '2025-01-01T12:00:00Z' };
    const out = toReviewComments(
      [
        { id: 1, body: 'a', path: 'x.ts', position: 3, resolver: null },
        { id: 2, body: 'b', path: 'x.ts', position: 4 },
        { id: 3, body: 'c', path: 'x.ts', position: 5, resolver: { login: 'carol' } },
        { id: 4, body: 'd', path: 'x.ts', position: 5, created_at: '2025-01-02T00:00:00Z', resolver: null },
      ],
      review,
    );
    expect(out.map((c) => [c.id, c.resolved, c.inReplyTo])).toEqual([
      [1, false, null],
      [2, false, null],
      [3, true, null],
      [4, true, 3],
    ]);
  });
});
