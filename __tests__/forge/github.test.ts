import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { createGitHubForge, ForgeError, type GitHubForgeOptions } from '../../src/forge/github.js';
import { secondaryRateLimit, startFakeGitHub, type FakeGitHub, type FakeGitHubInit } from '../fakes/github-server.js';

// Output of a real `git diff --cached -M`: a modification in two hunks, a deletion, a
// binary, a new file whose name has a space and no final newline, and a rename with edits.
const DIFF =
  'diff --git a/app.ts b/app.ts\nindex e031777..b93085a 100644\n--- a/app.ts\n+++ b/app.ts\n@@ -1,5 +1,5 @@\n one\n-two\n+TWO\n three\n four\n five\n@@ -10,3 +10,4 @@ nine\n ten\n eleven\n twelve\n+thirteen\n' +
  'diff --git a/gone.txt b/gone.txt\ndeleted file mode 100644\nindex d498ffc..0000000\n--- a/gone.txt\n+++ /dev/null\n@@ -1,2 +0,0 @@\n-keep\n-old\n' +
  'diff --git a/logo.png b/logo.png\nindex 8352675..c5793f9 100644\nBinary files a/logo.png and b/logo.png differ\n' +
  'diff --git a/new file.txt b/new file.txt\nnew file mode 100644\nindex 0000000..9db7df0\n--- /dev/null\n+++ b/new file.txt\t\n@@ -0,0 +1,2 @@\n+hello\n+world\n\\ No newline at end of file\n' +
  'diff --git a/old-name.md b/new-name.md\nsimilarity index 74%\nrename from old-name.md\nrename to new-name.md\nindex 7a28df3..600d48a 100644\n--- a/old-name.md\n+++ b/new-name.md\n@@ -2,3 +2,4 @@ alpha\n beta\n gamma\n delta\n+epsilon\n';

const TOKEN = 'ghs_s3cr3tT0kenValue0123456789';
const HEAD = 'c'.repeat(40);

let fake: FakeGitHub;
let logs: string[];

async function start(init: FakeGitHubInit = {}): Promise<void> {
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: [{ number: 7, title: 'Add things', body: null, user: 'mona', draft: true, headSha: HEAD, diff: DIFF }],
    ...init,
  });
}

function forge(overrides: Partial<GitHubForgeOptions> = {}) {
  return createGitHubForge({
    token: TOKEN,
    apiUrl: fake.url,
    owner: 'octo',
    repo: 'repo',
    pullNumber: 7,
    log: (msg) => logs.push(msg),
    // Waits in milliseconds instead of seconds, and no write spacing, so tests stay fast.
    retry: { retries: 2, msPerSecond: 1, spaceWrites: false },
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

const withoutGitIndexLines = (diff: string) =>
  diff
    .split('\n')
    .filter((l) => !l.startsWith('index ') && !l.startsWith('similarity index '))
    .join('\n');

beforeEach(() => {
  logs = [];
});

afterEach(async () => {
  await fake.close();
});

describe('GitHub forge against the fake GitHub', () => {
  describe('every request the adapter sends conforms to the OpenAPI description', () => {
    afterEach(() => {
      expect(fake.violations).toEqual([]);
      for (const r of fake.requests) expect(r.headers.authorization).toBe('token [redacted]');
    });

    it('reads the pull request', async () => {
      await start();
      expect(await forge().getPullRequest()).toEqual({
        number: 7,
        title: 'Add things',
        body: '',
        author: 'mona',
        draft: true,
        headSha: HEAD,
        baseSha: 'a'.repeat(40),
        baseRef: 'main',
        htmlUrl: 'https://github.com/octo/repo/pull/7',
      });
    });

    it('reads the diff with the diff media type', async () => {
      await start();
      expect(await forge().getDiff()).toBe(DIFF);
      expect(fake.requests[0]?.headers.accept).toBe('application/vnd.github.v3.diff');
    });

    it('rebuilds the same diff from the file list when GitHub answers 406', async () => {
      await start({ pulls: [{ number: 7, headSha: HEAD, diff: DIFF, diffTooLarge: true }] });
      const diff = await forge().getDiff();
      expect(withoutGitIndexLines(diff)).toBe(withoutGitIndexLines(DIFF));
      expect(fake.requests.map((r) => [r.method, r.path, r.status])).toEqual([
        ['GET', '/repos/octo/repo/pulls/7', 406],
        ['GET', '/repos/octo/repo/pulls/7/files', 200],
      ]);
      expect(fake.requests[1]?.query).toEqual({ per_page: '100' });
      expect(logs.join('\n')).toMatch(/too large/);
    });

    it('follows the pages of the file list', async () => {
      const files = Array.from({ length: 250 }, (_, i) => ({
        filename: `f${i}.ts`,
        status: 'modified',
        additions: 1,
        deletions: 0,
        changes: 1,
        patch: '@@ -1 +1,2 @@\n a\n+b',
      }));
      await start({ pulls: [{ number: 7, headSha: HEAD, files, diffTooLarge: true }] });
      const diff = await forge().getDiff();
      expect(diff.match(/^diff --git /gm)).toHaveLength(250);
      expect(diff).toContain('diff --git a/f249.ts b/f249.ts');
      expect(fake.requests.filter((r) => r.path.endsWith('/files')).map((r) => r.query.page)).toEqual([
        undefined,
        '2',
        '3',
      ]);
    });

    it('posts a review with GitHub line/side anchors and returns its link', async () => {
      await start();
      const result = await forge().createReview({
        commitId: HEAD,
        body: 'Summary',
        event: 'COMMENT',
        comments: [
          { path: 'app.ts', body: 'one line', line: 13, side: 'RIGHT' },
          { path: 'app.ts', body: 'a range', line: 3, side: 'RIGHT', startLine: 1 },
          { path: 'gone.txt', body: 'deleted line', line: 2, side: 'LEFT' },
        ],
      });
      const review = fake.state.reviews[0];
      expect(result.url).toBe(`https://github.com/octo/repo/pull/7#pullrequestreview-${review?.id}`);
      const post = fake.requests.find((r) => r.method === 'POST');
      expect(post?.path).toBe('/repos/octo/repo/pulls/7/reviews');
      expect(post?.body).toEqual({
        commit_id: HEAD,
        body: 'Summary',
        event: 'COMMENT',
        comments: [
          { path: 'app.ts', body: 'one line', line: 13, side: 'RIGHT' },
          { path: 'app.ts', body: 'a range', line: 3, side: 'RIGHT', start_line: 1, start_side: 'RIGHT' },
          { path: 'gone.txt', body: 'deleted line', line: 2, side: 'LEFT' },
        ],
      });
      expect(review?.state).toBe('COMMENTED');
    });

    it('sends no range fields when a range starts on its own last line', async () => {
      await start();
      await forge().createReview({
        commitId: HEAD,
        body: 'x',
        event: 'REQUEST_CHANGES',
        comments: [{ path: 'app.ts', body: 'b', line: 2, side: 'RIGHT', startLine: 2 }],
      });
      expect(fake.state.reviews[0]?.comments[0]).not.toHaveProperty('start_line');
      expect(fake.state.reviews[0]?.state).toBe('CHANGES_REQUESTED');
    });

    it('reads every conversation comment, with its author, across pages', async () => {
      const issueComments = Array.from({ length: 250 }, (_, i) => ({ issueNumber: 7, body: `comment ${i}` }));
      issueComments[249] = { issueNumber: 7, body: '<!-- claude-pr-review:summary -->\nSummary' };
      await start({ issueComments, userIds: { octocat: 583231 } });
      const all = await forge().listComments();
      expect(all).toHaveLength(250);
      expect(all[249]?.url).toBe(`https://github.com/octo/repo/pull/7#issuecomment-${all[249]?.id}`);
      expect(all[0]?.author).toEqual({ id: 583231, login: 'octocat' });
      const lists = fake.requests.filter((r) => r.path === '/repos/octo/repo/issues/7/comments');
      expect(lists.map((r) => r.query)).toEqual([
        { per_page: '100' },
        { per_page: '100', page: '2' },
        { per_page: '100', page: '3' },
      ]);
    });

    it('learns whom an installation token posts as from GraphQL viewer, by id', async () => {
      await start();
      expect(await forge().identity()).toEqual({ id: 41898282, login: 'github-actions', source: 'GraphQL viewer' });
      const created = await forge().createComment('x');
      expect(created.author).toEqual({ id: 41898282, login: 'github-actions[bot]' });
    });

    it('falls back to GET /user for a personal token when GraphQL does not answer', async () => {
      await start({ noViewer: true, personalToken: true, botLogin: 'review-bot', userIds: { 'review-bot': 77 } });
      expect(await forge().identity()).toEqual({ id: 77, login: 'review-bot', source: 'GET /user' });
    });

    it('says it cannot tell when neither GraphQL nor GET /user answers, and bot-login overrides both', async () => {
      await start({ noViewer: true });
      const said: string[] = [];
      const unknown = forge({ log: (m) => said.push(m) });
      expect(await unknown.identity()).toBeNull();
      expect(said.join('\n')).toMatch(/could not learn whom the token posts as/);
      const named = forge({ botLogin: 'my-app[bot]' });
      expect(await named.identity()).toEqual({ id: null, login: 'my-app[bot]', source: 'the bot-login input' });
    });

    it('creates and then updates a comment', async () => {
      await start();
      const created = await forge().createComment('first');
      expect(created).toEqual({
        id: created.id,
        body: 'first',
        url: `https://github.com/octo/repo/pull/7#issuecomment-${created.id}`,
        author: { id: 41898282, login: 'github-actions[bot]' },
      });
      const updated = await forge().updateComment(created.id, 'second');
      expect(updated).toEqual({ ...created, body: 'second' });
      expect(fake.state.issueComments).toHaveLength(1);
      expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
        'POST /repos/octo/repo/issues/7/comments',
        `PATCH /repos/octo/repo/issues/comments/${created.id}`,
      ]);
    });
  });

  describe('routes kept for later features', () => {
    it('answers collaborator permission and reactions within the contract', async () => {
      await start({ permissions: { mona: 'maintain' }, issueComments: [{ issueNumber: 7, body: '/review' }] });
      const get = (path: string) => fetch(`${fake.url}${path}`, { headers: { authorization: `token ${TOKEN}` } });
      expect(await (await get('/repos/octo/repo/collaborators/mona/permission')).json()).toMatchObject({
        permission: 'write',
        role_name: 'maintain',
      });
      expect(await (await get('/repos/octo/repo/collaborators/stranger/permission')).json()).toMatchObject({
        permission: 'none',
      });
      const react = () =>
        fetch(`${fake.url}/repos/octo/repo/issues/comments/1/reactions`, {
          method: 'POST',
          headers: { authorization: `token ${TOKEN}`, 'content-type': 'application/json' },
          body: JSON.stringify({ content: 'eyes' }),
        });
      expect((await react()).status).toBe(201);
      expect((await react()).status).toBe(200);
      expect(fake.state.reactions).toEqual([{ id: 2, commentId: 1, content: 'eyes', user: 'github-actions[bot]' }]);
      expect(fake.violations).toEqual([]);
    });

    it('keeps GitHub write pacing by default without slowing a single write', async () => {
      await start();
      const client = forge({ retry: { retries: 2, msPerSecond: 1 } });
      expect((await client.createComment('only')).body).toBe('only');
    });
  });

  describe('the contract check itself', () => {
    it('reports requests that break the description', async () => {
      await start();
      const post = (path: string, body: unknown, method = 'POST') =>
        fetch(`${fake.url}${path}`, {
          method,
          headers: { authorization: `token ${TOKEN}` },
          body: JSON.stringify(body),
        });
      // Gitea's review shape sent to GitHub: wrong event name, wrong types.
      const bad = await post('/repos/octo/repo/pulls/7/reviews', {
        event: 'APPROVED',
        comments: [{ path: 'app.ts', body: 'x', new_position: 3, line: '3' }],
      });
      expect(bad.status).toBe(422);
      await post('/repos/octo/repo/issues/comments/1', { body: 42 }, 'PATCH');
      await fetch(`${fake.url}/repos/octo/repo/issues/7/comments?limit=50`, {
        headers: { authorization: `token ${TOKEN}` },
      });
      await fetch(`${fake.url}/repos/octo/repo/pulls/seven`, { headers: { authorization: `token ${TOKEN}` } });
      await post('/repos/octo/repo/pulls/7/merge', {}, 'PUT');
      const all = fake.violations.join('\n');
      expect(all).toMatch(
        /POST \/repos\/octo\/repo\/pulls\/7\/reviews: body\/event must be equal to one of the allowed values/,
      );
      expect(all).toMatch(/body\/comments\/0\/line must be integer/);
      expect(all).toMatch(/PATCH \/repos\/octo\/repo\/issues\/comments\/1: body\/body must be string/);
      expect(all).toMatch(/query parameter limit is not in the API description/);
      expect(all).toMatch(/GET \/repos\/octo\/repo\/pulls\/seven: path parameter pull_number must be integer/);
      expect(all).toMatch(/PUT \/repos\/octo\/repo\/pulls\/7\/merge: no such path/);
      expect(fake.state.reviews).toHaveLength(0);
    });
  });

  describe('errors', () => {
    it('names the missing permission on 403', async () => {
      await start();
      fake.failNext('POST', /\/reviews$/, 403, { body: { message: 'Resource not accessible by integration' } });
      const error = await failure(forge().createReview({ commitId: HEAD, body: 'b', event: 'COMMENT', comments: [] }));
      expect(error.status).toBe(403);
      expect(error.operation).toBe('createReview');
      expect(error.message).toMatch(/createReview.*HTTP 403.*Resource not accessible by integration/);
      expect(error.message).toContain('add `permissions: pull-requests: write` to the workflow');
      expect(fake.requests).toHaveLength(1);
    });

    it('explains 401 and 404 without retrying them', async () => {
      await start();
      const wrongToken = await failure(forge({ token: 'ghs_wrong' }).getPullRequest());
      expect(wrongToken.status).toBe(401);
      expect(wrongToken.message).toMatch(/`github-token` input/);
      const missing = await failure(forge({ pullNumber: 99 }).getPullRequest());
      expect(missing.status).toBe(404);
      expect(missing.message).toContain('pull request #99 of octo/repo was not found');
      expect(fake.requests).toHaveLength(2);
    });

    it('turns a line outside the diff (422) into an error that says so', async () => {
      await start();
      const error = await failure(
        forge().createReview({
          commitId: HEAD,
          body: 'b',
          event: 'COMMENT',
          comments: [{ path: 'app.ts', body: 'x', line: 7, side: 'RIGHT' }],
        }),
      );
      expect(error.status).toBe(422);
      expect(error.message).toMatch(/line must be part of the diff.*outside the diff/);
      expect(fake.state.reviews).toHaveLength(0);
      expect(fake.requests).toHaveLength(1);
    });

    it('reports an unreachable API without a status', async () => {
      await start();
      const client = forge();
      await fake.close();
      const error = await failure(client.getPullRequest());
      expect(error.status).toBeNull();
      expect(error.message).toContain(`could not reach ${fake.url}`);
      fake = await startFakeGitHub();
    });

    it('never puts the token in messages or logs, even when GitHub echoes it', async () => {
      await start();
      fake.failNext('GET', /\/pulls\/7$/, 500, { body: { message: `boom for token ${TOKEN}` }, times: 3 });
      const error = await failure(forge().getPullRequest());
      expect(error.status).toBe(500);
      expect(error.message).toContain('boom for token ***');
      expect(`${error.message}\n${String(error.stack)}\n${logs.join('\n')}`).not.toContain(TOKEN);
    });
  });

  describe('retries', () => {
    it('retries a 500 and succeeds', async () => {
      await start();
      fake.failNext('GET', /\/pulls\/7$/, 500);
      expect((await forge().getPullRequest()).number).toBe(7);
      expect(fake.requests.map((r) => r.status)).toEqual([500, 200]);
    });

    it('gives up on 5xx after the configured retries', async () => {
      await start();
      fake.failNext('POST', /\/issues\/7\/comments$/, 502, { times: 10 });
      const error = await failure(forge().createComment('x'));
      expect(error.status).toBe(502);
      expect(error.message).toContain('server error');
      expect(fake.requests).toHaveLength(3);
    });

    it('waits out a secondary rate limit (403 + retry-after)', async () => {
      await start();
      fake.failNext('POST', /\/reviews$/, 403, secondaryRateLimit(2));
      const result = await forge().createReview({ commitId: HEAD, body: 'b', event: 'COMMENT', comments: [] });
      expect(result.url).toMatch(/#pullrequestreview-\d+$/);
      expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
      expect(logs.join('\n')).toMatch(/secondary rate limit .* retrying in 2s \(1\/2\)/);
      expect(fake.state.reviews).toHaveLength(1);
    });

    it('bounds secondary rate limit retries', async () => {
      await start();
      fake.failNext('POST', /\/comments$/, 403, secondaryRateLimit(1, 10));
      const error = await failure(forge().createComment('x'));
      expect(error.status).toBe(403);
      expect(error.message).toMatch(/rate limit/);
      expect(error.message).not.toContain('pull-requests: write');
      expect(fake.requests).toHaveLength(3);
    });

    it('does not wait longer than the cap', async () => {
      await start();
      fake.failNext('GET', /\/pulls\/7$/, 429, secondaryRateLimit(3600));
      const error = await failure(
        forge({ retry: { retries: 2, msPerSecond: 1, maxRetryAfterSeconds: 60 } }).getPullRequest(),
      );
      expect(error.status).toBe(429);
      expect(fake.requests).toHaveLength(1);
      expect(logs.join('\n')).toMatch(/not waiting 3600s/);
    });

    it('waits for a primary rate limit reset', async () => {
      await start();
      const reset = String(Math.floor(Date.now() / 1000) + 1);
      fake.failNext('GET', /\/pulls\/7$/, 403, {
        headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset },
        body: { message: 'API rate limit exceeded for installation ID 1.' },
      });
      expect((await forge().getPullRequest()).number).toBe(7);
      expect(fake.requests.map((r) => r.status)).toEqual([403, 200]);
      expect(logs.join('\n')).toMatch(/primary rate limit/);
    });
  });
});
