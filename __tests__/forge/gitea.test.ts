import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import {
  createGiteaForge,
  ForgeError,
  resolveForgeKind,
  resolveGiteaKind,
  type GiteaForgeOptions,
} from '../../src/forge/gitea.js';
import type { ReviewToPost } from '../../src/ports.js';
import { startFakeGitea, type FakeGitea, type FakeGiteaInit } from '../fakes/gitea-server.js';

const DIFF =
  'diff --git a/app.ts b/app.ts\nindex e031777..b93085a 100644\n--- a/app.ts\n+++ b/app.ts\n@@ -1,5 +1,6 @@\n one\n-two\n+TWO\n+2b\n three\n four\n five\n';
const TOKEN = 'gta_s3cr3tT0kenValue0123456789';
const HEAD = 'c'.repeat(40);
const ROOT = 'https://gitea.example.org';

let fake: FakeGitea;
let logs: string[];

async function start(init: FakeGiteaInit = {}): Promise<void> {
  fake = await startFakeGitea({
    token: TOKEN,
    rootUrl: ROOT,
    pulls: [{ number: 7, title: 'Add things', body: 'Why', user: 'alice', draft: true, headSha: HEAD, diff: DIFF }],
    ...init,
  });
}

function forge(overrides: Partial<GiteaForgeOptions> = {}) {
  return createGiteaForge({
    kind: 'gitea',
    token: TOKEN,
    apiUrl: fake.url,
    owner: 'octo',
    repo: 'repo',
    pullNumber: 7,
    log: (msg) => logs.push(msg),
    retry: { retries: 2, msPerSecond: 1 },
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<ForgeError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ForgeError);
  return error as ForgeError;
}

const review = (over: Partial<ReviewToPost> = {}): ReviewToPost => ({
  commitId: HEAD,
  body: 'Summary',
  event: 'COMMENT',
  comments: [{ path: 'app.ts', body: 'Uppercase?', line: 2, side: 'RIGHT' }],
  ...over,
});

const calls = () => fake.requests.map((r) => `${r.method} ${r.path}${queryText(r.query)}`);
const queryText = (q: Record<string, string | string[]>) =>
  Object.keys(q).length === 0 ? '' : `?${new URLSearchParams(q as Record<string, string>).toString()}`;
const iso = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString().replace('.000', '');

beforeEach(() => {
  logs = [];
});

afterEach(async () => {
  await fake.close();
});

describe('Gitea forge against the fake Gitea', () => {
  describe('every request conforms to the swagger subset and nothing is silently changed', () => {
    afterEach(() => {
      expect(fake.violations).toEqual([]);
      expect(fake.quirks).toEqual([]);
      expect(fake.state.ambiguousPositions).toEqual([]);
      for (const r of fake.requests) expect(r.headers.authorization).toBe('token [redacted]');
    });

    it('reads the pull request, with the link from ROOT_URL', async () => {
      await start();
      expect(await forge().getPullRequest()).toEqual({
        number: 7,
        title: 'Add things',
        body: 'Why',
        author: 'alice',
        draft: true,
        headSha: HEAD,
        baseSha: 'a'.repeat(40),
        baseRef: 'main',
        htmlUrl: `${ROOT}/octo/repo/pulls/7`,
      });
      expect(calls()).toEqual(['GET /api/v1/repos/octo/repo/pulls/7']);
    });

    it('reads the diff from the .diff endpoint', async () => {
      await start();
      expect(await forge().getDiff()).toBe(DIFF);
      expect(calls()).toEqual(['GET /api/v1/repos/octo/repo/pulls/7.diff']);
    });

    it('posts a COMMENT review: new_position for RIGHT, old_position for LEFT, one comment per range', async () => {
      await start();
      const result = await forge().createReview(
        review({
          comments: [
            { path: 'app.ts', body: 'Uppercase?', line: 2, side: 'RIGHT' },
            { path: 'app.ts', body: 'Why remove?', line: 2, side: 'LEFT' },
            { path: 'app.ts', body: 'This block', line: 4, side: 'RIGHT', startLine: 2 },
            { path: 'app.ts', body: 'Same line range', line: 3, side: 'RIGHT', startLine: 3 },
          ],
        }),
      );
      const post = fake.requests.find((r) => r.method === 'POST');
      expect(post?.body).toEqual({
        commit_id: HEAD,
        body: 'Summary',
        event: 'COMMENT',
        comments: [
          { path: 'app.ts', body: 'Uppercase?', new_position: 2 },
          { path: 'app.ts', body: 'Why remove?', old_position: 2 },
          { path: 'app.ts', body: 'Lines 2–4:\n\nThis block', new_position: 4 },
          { path: 'app.ts', body: 'Same line range', new_position: 3 },
        ],
      });
      const [stored] = fake.state.reviews;
      expect(stored?.state).toBe('COMMENT');
      expect(stored?.comments.map((c) => c.line)).toEqual([2, -2, 4, 3]);
      expect(result.url).toBe(`${ROOT}/octo/repo/pulls/7#issuecomment-${stored?.anchorId}`);
      expect(calls()).toEqual([
        'GET /api/v1/user',
        'GET /api/v1/repos/octo/repo/pulls/7/reviews?page=1&limit=50',
        'POST /api/v1/repos/octo/repo/pulls/7/reviews',
      ]);
    });

    it('requests changes with an event Gitea accepts', async () => {
      await start();
      await forge().createReview(review({ event: 'REQUEST_CHANGES', comments: [] }));
      expect(fake.requests.at(-1)?.body).toMatchObject({ event: 'REQUEST_CHANGES' });
      expect(fake.state.reviews[0]?.state).toBe('REQUEST_CHANGES');
    });

    it("deletes the bot's stale pending review first and leaves another user's alone", async () => {
      await start({
        reviews: [
          {
            pullNumber: 7,
            user: 'gitea-actions',
            state: 'PENDING',
            comments: [{ path: 'app.ts', body: 'stale', new_position: 1 }],
          },
          {
            pullNumber: 7,
            user: 'bob',
            state: 'PENDING',
            comments: [{ path: 'app.ts', body: 'draft', new_position: 1 }],
          },
          { pullNumber: 7, user: 'bob', state: 'COMMENT', body: 'earlier' },
        ],
      });
      const [stale, bobsDraft] = fake.state.reviews;
      await forge().createReview(review());
      expect(calls()).toContain(`DELETE /api/v1/repos/octo/repo/pulls/7/reviews/${stale?.id}`);
      const posted = fake.state.reviews.find((r) => r.user === 'gitea-actions');
      expect(posted?.comments.map((c) => c.body)).toEqual(['Uppercase?']);
      expect(fake.state.reviews.map((r) => r.id)).toContain(bobsDraft?.id);
      expect(logs.join('\n')).toMatch(/deleted a pending review/);
    });

    it("does not touch other users' pending reviews when an admin token can see them", async () => {
      await start({
        bot: { login: 'admin', id: 1, isAdmin: true },
        reviews: [{ pullNumber: 7, user: 'bob', state: 'PENDING' }],
      });
      await forge().createReview(review());
      expect(fake.requests.filter((r) => r.method === 'DELETE')).toEqual([]);
      expect(fake.state.reviews.filter((r) => r.state === 'PENDING').map((r) => r.user)).toEqual(['bob']);
    });

    it('finds the stale review past a page that came back short', async () => {
      // Page 1: 50 reviews in the database, 10 of them other users' drafts that Gitea hides.
      const others = Array.from({ length: 50 }, (_, i) => ({
        pullNumber: 7,
        user: i % 5 === 0 ? 'bob' : 'carol',
        state: i % 5 === 0 ? 'PENDING' : 'COMMENT',
      }));
      await start({
        reviews: [...others, ...others, { pullNumber: 7, user: 'gitea-actions', state: 'PENDING' }],
      });
      await forge().createReview(review());
      expect(calls().filter((c) => c.includes('/reviews?'))).toEqual([
        'GET /api/v1/repos/octo/repo/pulls/7/reviews?page=1&limit=50',
        'GET /api/v1/repos/octo/repo/pulls/7/reviews?page=2&limit=50',
        'GET /api/v1/repos/octo/repo/pulls/7/reviews?page=3&limit=50',
        'GET /api/v1/repos/octo/repo/pulls/7/reviews?page=4&limit=50',
      ]);
      expect(fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
      expect(fake.state.reviews.filter((r) => r.user === 'gitea-actions').map((r) => r.state)).toEqual(['COMMENT']);
    });

    it('retries a review that failed half-way without posting its first comments twice', async () => {
      await start();
      fake.breakCommentOn('b.ts');
      await forge().createReview(
        review({
          comments: [
            { path: 'app.ts', body: 'first', line: 2, side: 'RIGHT' },
            { path: 'b.ts', body: 'second', line: 1, side: 'RIGHT' },
          ],
        }),
      );
      const mine = fake.state.reviews.filter((r) => r.user === 'gitea-actions');
      expect(mine).toHaveLength(1);
      expect(mine[0]?.state).toBe('COMMENT');
      expect(mine[0]?.comments.map((c) => c.body)).toEqual(['first', 'second']);
      expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.status)).toEqual([500, 200]);
      expect(fake.requests.filter((r) => r.method === 'DELETE')).toHaveLength(1);
      expect(logs.join('\n')).toMatch(/createReview failed \(500\); retrying/);
    });

    it('reads the issue comments, with their authors, in one unpaginated request', async () => {
      await start({
        issueComments: Array.from({ length: 120 }, (_, i) => ({
          issueNumber: 7,
          body: i === 119 ? '<!-- claude-pr-review:summary -->\nold summary' : `comment ${i}`,
          ...(i === 119 ? { user: 'gitea-actions' } : {}),
        })),
      });
      const all = await forge().listComments();
      expect(all).toHaveLength(120);
      expect(all[119]).toEqual({
        id: 120,
        body: '<!-- claude-pr-review:summary -->\nold summary',
        url: `${ROOT}/octo/repo/pulls/7#issuecomment-120`,
        author: { id: -2, login: 'gitea-actions' },
      });
      expect(calls()).toEqual(['GET /api/v1/repos/octo/repo/issues/7/comments']);
    });

    it('learns whom the token posts as from GET /user, by id', async () => {
      await start();
      expect(await forge().identity()).toEqual({ id: -2, login: 'gitea-actions', source: 'GET /user' });
      expect(await forge({ botLogin: 'ci-bot' }).identity()).toEqual({
        id: null,
        login: 'ci-bot',
        source: 'the bot-login input',
      });
    });

    it('reads one comment back, answers null when it is gone, and deletes one', async () => {
      await start();
      const created = await forge().createComment('hello');
      expect((await forge().getComment(created.id))?.body).toBe('hello');
      await forge().deleteComment(created.id);
      expect(await forge().getComment(created.id)).toBeNull();
      expect(fake.violations).toEqual([]);
    });

    it('creates and then updates a comment', async () => {
      await start();
      const created = await forge().createComment('hello');
      expect(created).toEqual({
        id: 1,
        body: 'hello',
        url: `${ROOT}/octo/repo/pulls/7#issuecomment-1`,
        author: { id: -2, login: 'gitea-actions' },
      });
      const updated = await forge().updateComment(created.id, 'bye');
      expect(updated).toEqual({ ...created, body: 'bye' });
      expect(calls()).toEqual([
        'POST /api/v1/repos/octo/repo/issues/7/comments',
        'PATCH /api/v1/repos/octo/repo/issues/comments/1',
      ]);
      expect(fake.state.issueComments[0]?.user).toBe('gitea-actions');
    });

    it('lists repository comments updated since a time, oldest first, across pages, and says when it stopped early', async () => {
      await start({
        issueComments: [
          { issueNumber: 3, body: 'too old', updatedAt: iso(0) },
          ...Array.from({ length: 120 }, (_, i) => ({
            issueNumber: 7 + (i % 3),
            body: `c${i}`,
            updatedAt: iso(10 + i),
          })),
        ],
      });
      const everyone = () => true;
      const some = await forge().listRepositoryComments(iso(5), 75, everyone);
      expect(some.complete).toBe(false);
      expect(some.comments.map((c) => c.body)).toEqual(Array.from({ length: 100 }, (_, i) => `c${i}`));
      expect(calls()).toEqual([
        `GET /api/v1/repos/octo/repo/issues/comments?since=${encodeURIComponent(iso(5))}&page=1&limit=50`,
        `GET /api/v1/repos/octo/repo/issues/comments?since=${encodeURIComponent(iso(5))}&page=2&limit=50`,
      ]);

      fake.requests.length = 0;
      const all = await forge().listRepositoryComments(iso(5), 500, everyone);
      expect(all).toMatchObject({ complete: true, read: 120 });
      expect(all.comments).toHaveLength(120);
      // X-Total-Count says where the end is: no empty page is fetched.
      expect(fake.requests).toHaveLength(3);

      fake.requests.length = 0;
      const exact = await forge().listRepositoryComments(iso(5), 120, everyone);
      expect(exact.complete).toBe(true);
      expect(exact.comments).toHaveLength(120);
    });

    it('retries a server error and names the forge as Forgejo when it is one', async () => {
      await start({ flavor: 'forgejo' });
      fake.failNext('GET', /\/pulls\/7$/, 502);
      const client = forge({ kind: 'forgejo' });
      expect(client.kind).toBe('forgejo');
      expect((await client.getPullRequest()).number).toBe(7);
      expect(fake.requests.map((r) => r.status)).toEqual([502, 200]);
      await client.createComment('hi');
      expect(fake.state.issueComments[0]?.user).toBe('forgejo-actions');
    });
  });

  describe('errors', () => {
    it('explains a read-only token (fork PR) with status 403', async () => {
      await start({ readOnly: true });
      for (const attempt of [
        () => forge().createComment('x'),
        () => forge().createReview(review()),
        () => forge().updateComment(1, 'x'),
      ]) {
        const error = await failure(attempt());
        expect(error.status).toBe(403);
        expect(error.message).toMatch(
          /read-only: on Gitea the automatic token is read-only on pull requests from forks/,
        );
        expect(error.message).toMatch(/README's fork section/);
        expect(error.message).toMatch(/permissions: pull-requests: write/);
      }
      // Reads still work, and nothing was retried.
      expect((await forge().getPullRequest()).number).toBe(7);
      expect(fake.requests.filter((r) => r.status === 403)).toHaveLength(3);
    });

    it('explains 401, 404 and 422 without retrying them', async () => {
      await start({ pulls: [{ number: 7, state: 'closed', headSha: HEAD }] });
      const bad = await failure(forge({ token: 'wrong-token-value' }).getPullRequest());
      expect(bad.status).toBe(401);
      expect(bad.message).toMatch(/github-token/);
      const missing = await failure(forge({ pullNumber: 99 }).getDiff());
      expect(missing.status).toBe(404);
      expect(missing.message).toMatch(/pull request #99 of octo\/repo was not found.*1\.16/);
      const closed = await failure(forge().createReview(review()));
      expect(closed.status).toBe(422);
      expect(closed.operation).toBe('createReview');
      expect(closed.message).toMatch(/Gitea rejected the review: the pull request is closed/);
      expect(fake.requests.filter((r) => r.status >= 400)).toHaveLength(3);
    });

    it('gives up on 5xx after the configured retries', async () => {
      await start();
      fake.failNext('POST', /\/comments$/, 503, { times: 5 });
      const error = await failure(forge({ retry: { retries: 1, msPerSecond: 1 } }).createComment('x'));
      expect(error.status).toBe(503);
      expect(error.message).toMatch(/server error/);
      expect(fake.requests).toHaveLength(2);
    });

    it('reports an unreachable API without a status', async () => {
      await start();
      const url = fake.url;
      await fake.close();
      const error = await failure(forge({ apiUrl: url, retry: { retries: 0 } }).listComments());
      expect(error.status).toBeNull();
      expect(error.message).toMatch(/GITHUB_API_URL/);
      fake = await startFakeGitea();
    });

    it('never puts the token in messages or logs, even when the server echoes it', async () => {
      await start();
      fake.failNext('POST', /\/reviews$/, 500, { times: 9, body: { message: `bad token ${TOKEN}` } });
      const error = await failure(forge().createReview(review()));
      expect(error.message).not.toContain(TOKEN);
      expect(error.message).toContain('***');
      expect(logs.join('\n')).not.toContain(TOKEN);
      expect(fake.requests.filter((r) => r.method === 'POST')).toHaveLength(3);
    });
  });

  describe('telling Forgejo from Gitea', () => {
    it('reads /version: Forgejo names the Gitea version it is compatible with', async () => {
      await start({ flavor: 'forgejo' });
      expect(await resolveGiteaKind(fake.url, TOKEN)).toBe('forgejo');
      expect(await resolveForgeKind('forgejo-or-gitea', fake.url, TOKEN)).toBe('forgejo');
      await fake.close();
      await start({ version: '1.24.0' });
      expect(await resolveGiteaKind(fake.url, TOKEN)).toBe('gitea');
      expect(fake.violations).toEqual([]);
    });

    it('asks the server only when the environment cannot tell', async () => {
      await start();
      expect(await resolveForgeKind('github', fake.url, TOKEN)).toBe('github');
      expect(await resolveForgeKind('forgejo', fake.url, TOKEN)).toBe('forgejo');
      expect(fake.requests).toEqual([]);
    });

    it('assumes Gitea when /version cannot be read', async () => {
      await start();
      fake.failNext('GET', /\/version$/, 404);
      const said: string[] = [];
      expect(await resolveGiteaKind(fake.url, TOKEN, (m) => said.push(m))).toBe('gitea');
      expect(said.join('\n')).toMatch(/assuming Gitea/);
    });
  });
});
