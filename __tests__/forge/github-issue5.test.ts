import { afterEach, describe, expect, it } from '@jest/globals';
import { createGitHubForge, ForgeError } from '../../src/forge/github.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubInit } from '../fakes/github-server.js';

// Reactions, permissions, comparisons and review threads, against the fake GitHub.

const DIFF =
  'diff --git a/app.ts b/app.ts\nindex e031777..b93085a 100644\n--- a/app.ts\n+++ b/app.ts\n' +
  '@@ -1,5 +1,5 @@\n one\n-two\n+TWO\n three\n four\n five\n@@ -10,3 +10,4 @@ nine\n ten\n eleven\n twelve\n+thirteen\n';
const NEXT =
  'diff --git a/app.ts b/app.ts\nindex b93085a..c0ffee1 100644\n--- a/app.ts\n+++ b/app.ts\n' +
  '@@ -12,2 +12,3 @@ eleven\n twelve\n thirteen\n+fourteen\n' +
  'diff --git a/lib.ts b/lib.ts\nnew file mode 100644\nindex 0000000..1234567\n--- /dev/null\n+++ b/lib.ts\n@@ -0,0 +1 @@\n+export {};\n';
const TOKEN = 'ghs_s3cr3tT0kenValue0123456789';
const BASE = 'a'.repeat(40);
const OLD_HEAD = 'b'.repeat(40);
const HEAD = 'c'.repeat(40);
const GONE = 'd'.repeat(40);

let fake: FakeGitHub;
// False in tests of the pure translations, which start no server.
let started = false;

async function start(init: FakeGitHubInit = {}): Promise<void> {
  started = true;
  fake = await startFakeGitHub({
    token: TOKEN,
    pulls: [{ number: 7, baseSha: BASE, headSha: HEAD, diff: DIFF, commits: [OLD_HEAD, HEAD] }],
    issueComments: [{ issueNumber: 7, body: '/review' }],
    ...init,
  });
}

function forge() {
  return createGitHubForge({
    token: TOKEN,
    apiUrl: fake.url,
    owner: 'octo',
    repo: 'repo',
    pullNumber: 7,
    retry: { retries: 2, msPerSecond: 1, spaceWrites: false },
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

const calls = () => fake.requests.map((r) => `${r.method} ${r.path} ${r.status}`);

afterEach(async () => {
  if (!started) return;
  started = false;
  expect(fake.violations).toEqual([]);
  for (const r of fake.requests) expect(r.headers.authorization).toBe('token [redacted]');
  await fake.close();
});

describe('GitHub react', () => {
  it('adds each reaction once; reacting twice is not an error', async () => {
    await start();
    const client = forge();
    await client.react(1, 'eyes');
    await client.react(1, 'eyes');
    await client.react(1, '+1');
    await client.react(1, 'confused');
    expect(calls()).toEqual([
      'POST /repos/octo/repo/issues/comments/1/reactions 201',
      'POST /repos/octo/repo/issues/comments/1/reactions 200',
      'POST /repos/octo/repo/issues/comments/1/reactions 201',
      'POST /repos/octo/repo/issues/comments/1/reactions 201',
    ]);
    expect(fake.requests.map((r) => r.body)).toEqual([
      { content: 'eyes' },
      { content: 'eyes' },
      { content: '+1' },
      { content: 'confused' },
    ]);
    expect(fake.state.reactions.map((r) => r.content)).toEqual(['eyes', '+1', 'confused']);
  });

  it('throws a ForgeError for the caller to weigh when the comment is gone', async () => {
    await start();
    const error = await failure(forge().react(99, 'eyes'));
    expect(error.operation).toBe('react');
    expect(error.status).toBe(404);
    expect(error.message).toContain('the comment no longer exists');
    expect(error.message).not.toContain(TOKEN);
  });
});

describe('GitHub permissionOf', () => {
  it('maps every role and a missing user', async () => {
    await start({
      permissions: { ada: 'admin', max: 'maintain', wes: 'write', tri: 'triage', rea: 'read', non: 'none' },
      missingUsers: ['ghost'],
    });
    const client = forge();
    const answers: Record<string, unknown> = {};
    for (const login of ['ada', 'max', 'wes', 'tri', 'rea', 'non', 'stranger', 'ghost']) {
      answers[login] = await client.permissionOf(login);
    }
    expect(answers).toEqual({
      ada: 'admin',
      max: 'write',
      wes: 'write',
      tri: 'read',
      rea: 'read',
      non: 'none',
      stranger: 'none',
      ghost: 'none',
    });
    expect(fake.requests.at(-1)).toMatchObject({
      path: '/repos/octo/repo/collaborators/ghost/permission',
      status: 404,
    });
  });

  it('falls back to role_name when permission is not one it knows', async () => {
    await start();
    fake.failNext('GET', /\/permission$/, 200, { body: { permission: 'custom', role_name: 'maintain' } });
    fake.failNext('GET', /\/permission$/, 200, { body: { permission: 'custom', role_name: 'reviewer' } });
    expect(await forge().permissionOf('max')).toBe('write');
    expect(await forge().permissionOf('rev')).toBeNull();
  });

  it('throws on other failures (the caller then uses the payload)', async () => {
    await start();
    fake.failNext('GET', /\/permission$/, 403, { body: { message: 'Resource not accessible by integration' } });
    const error = await failure(forge().permissionOf('ada'));
    expect(error).toMatchObject({ operation: 'permissionOf', status: 403 });
  });
});

describe('GitHub compare', () => {
  it('ahead: the status and files, then the diff text', async () => {
    await start({ compares: { [`${OLD_HEAD}...${HEAD}`]: { status: 'ahead', diff: NEXT } } });
    expect(await forge().compare(OLD_HEAD, HEAD)).toEqual({ status: 'ahead', diff: NEXT, files: ['app.ts', 'lib.ts'] });
    expect(calls()).toEqual([
      `GET /repos/octo/repo/compare/${OLD_HEAD}...${HEAD} 200`,
      `GET /repos/octo/repo/compare/${OLD_HEAD}...${HEAD} 200`,
    ]);
    expect(fake.requests[0]?.headers.accept).toBe('application/vnd.github.v3+json');
    expect(fake.requests[1]?.headers.accept).toBe('application/vnd.github.v3.diff');
  });

  it("ahead by the pull request's own base and head, worked out by the fake", async () => {
    await start();
    expect(await forge().compare(BASE, HEAD)).toEqual({ status: 'ahead', diff: DIFF, files: ['app.ts'] });
  });

  it('force push, old head gone: 404 becomes unknown', async () => {
    await start();
    expect(await forge().compare(GONE, HEAD)).toEqual({ status: 'unknown', diff: null, files: [] });
    expect(calls()).toEqual([`GET /repos/octo/repo/compare/${GONE}...${HEAD} 404`]);
  });

  it('force push, old head still there: diverged, without asking for a diff', async () => {
    await start({ compares: { [`${OLD_HEAD}...${HEAD}`]: { status: 'diverged', diff: NEXT } } });
    expect(await forge().compare(OLD_HEAD, HEAD)).toEqual({
      status: 'diverged',
      diff: null,
      files: ['app.ts', 'lib.ts'],
    });
    expect(fake.requests).toHaveLength(1);
  });

  it('behind: head is an older commit of the history', async () => {
    await start();
    expect(await forge().compare(HEAD, OLD_HEAD)).toEqual({ status: 'behind', diff: null, files: [] });
  });

  it('identical: the same commit needs no request; GitHub saying so gives an empty diff', async () => {
    await start({ compares: { [`${OLD_HEAD}...${HEAD}`]: { status: 'identical' } } });
    expect(await forge().compare(HEAD, HEAD)).toEqual({ status: 'identical', diff: '', files: [] });
    expect(fake.requests).toHaveLength(0);
    expect(await forge().compare(OLD_HEAD, HEAD)).toEqual({ status: 'identical', diff: '', files: [] });
    expect(fake.requests).toHaveLength(1);
  });

  it('other failures are ForgeErrors', async () => {
    await start();
    fake.failNext('GET', /\/compare\//, 503, { times: 3 });
    const error = await failure(forge().compare(OLD_HEAD, HEAD));
    expect(error).toMatchObject({ operation: 'compare', status: 503 });
  });
});

describe('GitHub review comments', () => {
  const seeded: FakeGitHubInit['reviewComments'] = [
    { path: 'app.ts', body: 'Uppercase?', line: 2, user: 'mona' },
    { path: 'app.ts', body: 'Removed on purpose?', line: 2, side: 'LEFT', user: 'mona' },
    { path: 'app.ts', body: 'Was about line 4', line: 4, outdated: true, user: 'hubot' },
    { path: 'app.ts', body: 'Yes, style guide', replyTo: 0, user: 'octocat' },
    { path: 'app.ts', body: 'Agreed', replyTo: 3, user: 'hubot' },
    { path: 'app.ts', body: 'Still outdated', replyTo: 2, user: 'mona' },
  ];

  it('maps lines, outdated comments and replies, oldest first', async () => {
    await start({ reviewComments: seeded });
    const comments = await forge().listReviewComments();
    const [first, left, outdated, reply, replyToReply, outdatedReply] = comments;
    expect(comments).toHaveLength(6);
    expect(first).toEqual({
      id: first?.id,
      body: 'Uppercase?',
      path: 'app.ts',
      line: 2,
      outdated: false,
      resolved: false,
      inReplyTo: null,
      author: 'mona',
      authorId: expect.any(Number),
    });
    expect(left).toMatchObject({ line: 2, outdated: false, inReplyTo: null });
    expect(outdated).toMatchObject({ line: null, outdated: true, inReplyTo: null, author: 'hubot' });
    expect(reply).toMatchObject({ body: 'Yes, style guide', line: 2, inReplyTo: first?.id, author: 'octocat' });
    // A reply to a reply hangs off the thread's first comment.
    expect(replyToReply).toMatchObject({ inReplyTo: first?.id });
    expect(outdatedReply).toMatchObject({ line: null, outdated: true, inReplyTo: outdated?.id });
    expect(comments.map((c) => c.id)).toEqual([...comments.map((c) => c.id)].sort((a, b) => a - b));
    // The REST listing, then GraphQL for which threads are resolved (REST does not say).
    expect(fake.requests.map((r) => [r.path, r.query])).toEqual([
      ['/repos/octo/repo/pulls/7/comments', { per_page: '100' }],
      ['/graphql', {}],
    ]);
  });

  it("includes the bot's own review comments and reads every page", async () => {
    const many = Array.from({ length: 120 }, (_, i) => ({ path: 'app.ts', body: `c${i}`, line: 13 }));
    await start({ reviewComments: many });
    await forge().createReview({
      commitId: HEAD,
      body: 'Summary',
      event: 'COMMENT',
      comments: [{ path: 'app.ts', body: 'Bot note', line: 13, side: 'RIGHT' }],
    });
    const comments = await forge().listReviewComments();
    expect(comments).toHaveLength(121);
    expect(comments.at(-1)).toMatchObject({ body: 'Bot note', author: 'github-actions[bot]', line: 13 });
    expect(fake.requests.filter((r) => r.method === 'GET').map((r) => r.query.page)).toEqual([undefined, '2']);
  });

  it('replies in a thread and the reply is listed in it', async () => {
    await start({ reviewComments: seeded });
    const [first] = await forge().listReviewComments();
    const reply = await forge().replyToReviewComment(first?.id ?? 0, 'Answer from the bot');
    expect(reply.url).toBe(`https://github.com/octo/repo/pull/7#discussion_r${reply.id}`);
    const post = fake.requests.find((r) => r.method === 'POST' && r.path.endsWith('/replies'));
    expect(post).toMatchObject({
      path: `/repos/octo/repo/pulls/7/comments/${first?.id}/replies`,
      body: { body: 'Answer from the bot' },
      status: 201,
    });
    const listed = (await forge().listReviewComments()).find((c) => c.id === reply.id);
    expect(listed).toEqual({
      id: reply.id,
      body: 'Answer from the bot',
      path: 'app.ts',
      line: 2,
      outdated: false,
      resolved: false,
      inReplyTo: first?.id,
      author: 'github-actions[bot]',
      authorId: 41898282,
    });
  });

  it('a reply to a comment that is gone is a 404 ForgeError', async () => {
    await start();
    const error = await failure(forge().replyToReviewComment(4242, 'hello'));
    expect(error).toMatchObject({ operation: 'replyToReviewComment', status: 404 });
    expect(error.message).toContain('the review comment no longer exists');
  });
});
