import { afterEach, describe, expect, it } from '@jest/globals';
import { createGiteaForge, ForgeError, type GiteaKind } from '../../src/forge/gitea.js';
import { toComparison } from '../../src/forge/gitea-compare.js';
import { toReviewComments } from '../../src/forge/gitea-review-comments.js';
import { startFakeGitea, type FakeGitea, type FakeGiteaInit } from '../fakes/gitea-server.js';

// Reactions, permissions, comparisons and review comments, against the fake Gitea/Forgejo.

const TOKEN = 'gta_s3cr3tT0kenValue0123456789';
const ROOT = 'https://gitea.example.org';
const sha = (c: string) => c.repeat(40);
// History: base ← c1 ← c2 (first reviewed head) ← c3 (new head); c2x is a force push of c2 onto base.
const BASE = sha('a');
const C1 = sha('1');
const C2 = sha('2');
const C3 = sha('3');
const C2X = sha('4');
const GONE = sha('d');
const COMMITS = [
  { sha: BASE, files: ['README.md'] },
  { sha: C1, parents: [BASE], files: ['src/app.ts'] },
  { sha: C2, parents: [C1], files: ['src/app.ts', 'src/util.ts'] },
  { sha: C3, parents: [C2], files: ['src/util.ts', 'docs/guide.md'] },
  { sha: C2X, parents: [C1], files: ['src/other.ts'] },
];

let fake: FakeGitea;
// False in tests of the pure translations, which start no server.
let started = false;

async function start(init: FakeGiteaInit = {}): Promise<void> {
  started = true;
  fake = await startFakeGitea({
    token: TOKEN,
    rootUrl: ROOT,
    pulls: [{ number: 7, user: 'alice', baseSha: BASE, mergeBase: BASE, headSha: C3 }],
    issueComments: [{ issueNumber: 7, body: '/review', user: 'alice' }],
    commits: COMMITS,
    ...init,
  });
}

function forge(kind: GiteaKind = 'gitea') {
  return createGiteaForge({
    kind,
    token: TOKEN,
    apiUrl: fake.url,
    owner: 'octo',
    repo: 'repo',
    pullNumber: 7,
    retry: { retries: 2, msPerSecond: 1 },
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
  expect(fake.quirks).toEqual([]);
  for (const r of fake.requests) expect(r.headers.authorization).toBe('token [redacted]');
  await fake.close();
});

describe('Gitea react', () => {
  it('answers 201 then 200 for the same reaction, both fine', async () => {
    await start();
    const client = forge();
    await client.react(1, 'eyes');
    await client.react(1, 'eyes');
    await client.react(1, '+1');
    await client.react(1, 'confused');
    expect(calls()).toEqual([
      'POST /api/v1/repos/octo/repo/issues/comments/1/reactions 201',
      'POST /api/v1/repos/octo/repo/issues/comments/1/reactions 200',
      'POST /api/v1/repos/octo/repo/issues/comments/1/reactions 201',
      'POST /api/v1/repos/octo/repo/issues/comments/1/reactions 201',
    ]);
    expect(fake.requests[0]?.body).toEqual({ content: 'eyes' });
    expect(fake.state.reactions.map((r) => [r.content, r.user])).toEqual([
      ['eyes', 'gitea-actions'],
      ['+1', 'gitea-actions'],
      ['confused', 'gitea-actions'],
    ]);
  });

  it("a read-only token (fork PR) gets a 403 ForgeError; the caller decides it isn't fatal", async () => {
    await start({ readOnly: true });
    const error = await failure(forge().react(1, 'eyes'));
    expect(error).toMatchObject({ operation: 'react', status: 403 });
    expect(error.message).toMatch(/^Gitea react failed \(HTTP 403/);
  });

  it('a comment that is gone is a 404 ForgeError', async () => {
    await start();
    const error = await failure(forge('forgejo').react(99, 'eyes'));
    expect(error).toMatchObject({ operation: 'react', status: 404 });
    expect(error.message).toContain('Forgejo react failed');
  });
});

describe('Gitea permissionOf', () => {
  it("returns null when the forge will not say (the automatic token asking about someone else's access)", async () => {
    await start({ permissions: { alice: 'write' } });
    expect(await forge().permissionOf('alice')).toBeNull();
    expect(calls()).toEqual(['GET /api/v1/repos/octo/repo/collaborators/alice/permission 403']);
  });

  it('answers for the token user itself', async () => {
    await start();
    expect(await forge().permissionOf('gitea-actions')).toBe('write');
  });

  it('maps owner, admin, write, read and none for an admin token; a missing user is none', async () => {
    await start({
      bot: { login: 'review-bot', id: 9, isAdmin: true },
      permissions: { olga: 'owner', ada: 'admin', wes: 'write', rea: 'read', non: 'none' },
      missingUsers: ['ghost'],
    });
    const client = forge();
    const answers: Record<string, unknown> = {};
    for (const login of ['olga', 'ada', 'wes', 'rea', 'non', 'stranger', 'ghost']) {
      answers[login] = await client.permissionOf(login);
    }
    expect(answers).toEqual({
      olga: 'admin',
      ada: 'admin',
      wes: 'write',
      rea: 'read',
      non: 'none',
      stranger: 'none',
      ghost: 'none',
    });
  });

  it('a repository admin token may ask about anyone', async () => {
    await start({ bot: { login: 'review-bot', id: 9 }, permissions: { 'review-bot': 'admin', rea: 'read' } });
    expect(await forge().permissionOf('rea')).toBe('read');
  });

  it('other failures are ForgeErrors', async () => {
    await start();
    fake.failNext('GET', /\/permission$/, 401);
    const error = await failure(forge().permissionOf('alice'));
    expect(error).toMatchObject({ operation: 'permissionOf', status: 401 });
  });
});

describe.each(['gitea', 'forgejo'] as const)('compare on %s', (flavor) => {
  const begin = () => start({ flavor });

  it('ahead: head descends from base; files from the commits, no diff text', async () => {
    await begin();
    expect(await forge(flavor).compare(C2, C3)).toEqual({
      status: 'ahead',
      diff: null,
      files: ['src/util.ts', 'docs/guide.md'],
    });
    expect(calls()).toEqual([`GET /api/v1/repos/octo/repo/compare/${C2}...${C3} 200`]);
    expect(await forge(flavor).compare(BASE, C3)).toEqual({
      status: 'ahead',
      diff: null,
      files: ['src/util.ts', 'docs/guide.md', 'src/app.ts'],
    });
  });

  it('force push: diverged when the old head still exists, unknown when it is gone', async () => {
    await begin();
    expect(await forge(flavor).compare(C2X, C3)).toEqual({
      status: 'diverged',
      diff: null,
      files: ['src/util.ts', 'docs/guide.md', 'src/app.ts'],
    });
    expect(await forge(flavor).compare(GONE, C3)).toEqual({ status: 'unknown', diff: null, files: [] });
    expect(calls().at(-1)).toBe(`GET /api/v1/repos/octo/repo/compare/${GONE}...${C3} 404`);
  });

  it('behind: the new head is an ancestor of the old one', async () => {
    await begin();
    expect(await forge(flavor).compare(C3, C1)).toEqual({ status: 'behind', diff: null, files: [] });
  });

  it('identical: the same commit, without a request', async () => {
    await begin();
    expect(await forge(flavor).compare(C3, C3)).toEqual({ status: 'identical', diff: '', files: [] });
    expect(fake.requests).toHaveLength(0);
  });
});

describe('toComparison reads what each server version sends', () => {
  it('uses Forgejo top-level files, deduplicated', () => {
    const data = {
      total_commits: 2,
      commits: [
        { sha: C3, parents: [{ sha: C2 }] },
        { sha: C2, parents: [{ sha: C1 }] },
      ],
      files: [{ filename: 'a.ts' }, { filename: 'b.ts' }, { filename: 'a.ts' }],
    };
    expect(toComparison(C1, data)).toEqual({ status: 'ahead', diff: null, files: ['a.ts', 'b.ts'] });
  });

  it('cannot tell ahead from diverged without parents', () => {
    expect(toComparison(C1, { commits: [{ sha: C2, files: [{ filename: 'a.ts' }] }] })).toEqual({
      status: 'unknown',
      diff: null,
      files: ['a.ts'],
    });
  });

  it('accepts an abbreviated base', () => {
    expect(toComparison(C1.slice(0, 10), { commits: [{ sha: C2, parents: [{ sha: C1 }] }] }).status).toBe('ahead');
  });
});

describe('Gitea listReviewComments', () => {
  const reviews: FakeGiteaInit['reviews'] = [
    {
      pullNumber: 7,
      user: 'bob',
      state: 'COMMENT',
      comments: [
        { path: 'src/app.ts', body: 'Why uppercase?', new_position: 12 },
        { path: 'src/app.ts', body: 'Why remove?', old_position: 11 },
        // A reply made in the web UI: same review, path and line, another author.
        { path: 'src/app.ts', body: 'Style guide.', new_position: 12, user: 'alice', reply: true },
        // Sent with the review on a line that already had one of its comments: not a reply.
        { path: 'src/app.ts', body: 'Also: naming', new_position: 12 },
      ],
    },
    { pullNumber: 7, user: 'carol', state: 'PENDING', comments: [{ path: 'x.ts', body: 'draft', new_position: 1 }] },
    { pullNumber: 7, user: 'gitea-actions', state: 'COMMENT', body: 'Summary only' },
    {
      pullNumber: 7,
      user: 'carol',
      state: 'REQUEST_CHANGES',
      body: 'Fix',
      comments: [{ path: 'src/util.ts', body: 'Off by one', new_position: 3 }],
    },
  ];

  it('reads each submitted review with comments, maps sides and UI replies, oldest first', async () => {
    await start({ reviews });
    const comments = await forge().listReviewComments();
    const [upper, removed, reply, naming, offByOne] = comments;
    expect(comments).toHaveLength(5);
    expect(upper).toEqual({
      id: upper?.id,
      body: 'Why uppercase?',
      path: 'src/app.ts',
      line: 12,
      outdated: false,
      resolved: false,
      inReplyTo: null,
      author: 'bob',
      authorId: expect.any(Number),
    });
    expect(removed).toMatchObject({ body: 'Why remove?', line: 11, outdated: false, inReplyTo: null });
    expect(reply).toMatchObject({ body: 'Style guide.', line: 12, inReplyTo: upper?.id, author: 'alice' });
    expect(naming).toMatchObject({ body: 'Also: naming', line: 12, inReplyTo: null, author: 'bob' });
    expect(offByOne).toMatchObject({ path: 'src/util.ts', line: 3, inReplyTo: null, author: 'carol' });
    const [first, , , fourth] = fake.state.reviews;
    // Nothing asked of the pending draft nor of the review without inline comments.
    expect(calls()).toEqual([
      'GET /api/v1/repos/octo/repo/pulls/7/reviews 200',
      'GET /api/v1/repos/octo/repo/pulls/7/reviews 200',
      `GET /api/v1/repos/octo/repo/pulls/7/reviews/${first?.id}/comments 200`,
      `GET /api/v1/repos/octo/repo/pulls/7/reviews/${fourth?.id}/comments 200`,
    ]);
    expect(fake.requests[0]?.query).toEqual({ page: '1', limit: '50' });
  });

  it("skips other users' pending reviews even when an admin token sees them", async () => {
    await start({ reviews, bot: { login: 'review-bot', id: 9, isAdmin: true } });
    const comments = await forge('forgejo').listReviewComments();
    expect(comments.map((c) => c.body)).toEqual([
      'Why uppercase?',
      'Why remove?',
      'Style guide.',
      'Also: naming',
      'Off by one',
    ]);
  });

  it('pages through many reviews', async () => {
    const many = Array.from({ length: 60 }, (_, i) => ({
      pullNumber: 7,
      user: 'bob',
      state: 'COMMENT',
      comments: [{ path: 'src/app.ts', body: `n${i}`, new_position: i + 1 }],
    }));
    await start({ reviews: many });
    const comments = await forge().listReviewComments();
    expect(comments.map((c) => c.body)).toEqual(many.map((r) => r.comments[0]?.body));
    expect(fake.requests.filter((r) => r.path.endsWith('/reviews')).map((r) => r.query.page)).toEqual(['1', '2', '3']);
  });

  it('toReviewComments: a reply is later than the review, on a line the review has, same side and path', () => {
    const at = (minute: number) => `2025-01-01T12:0${minute}:00Z`;
    const review = { user: { login: 'y' }, submitted_at: at(1) };
    const out = toReviewComments(
      [
        { id: 6, path: 'a.ts', position: 3, body: 'second finding', user: { login: 'y' }, created_at: at(0) },
        { id: 5, path: 'a.ts', position: 3, body: 'reply', user: { login: 'x' }, created_at: at(2) },
        {
          id: 2,
          path: 'a.ts',
          position: 3,
          original_position: 0,
          body: 'root',
          user: { login: 'y' },
          created_at: at(0),
        },
        { id: 3, path: 'a.ts', position: 0, original_position: 3, body: 'old side', user: null, created_at: at(3) },
        { id: 4, path: 'b.ts', position: 3, original_position: 0, body: 'other file', created_at: at(4) },
      ],
      review,
    );
    expect(out.map((c) => [c.id, c.line, c.inReplyTo, c.author])).toEqual([
      [2, 3, null, 'y'],
      [3, 3, null, ''],
      [4, 3, null, ''],
      [5, 3, 2, 'x'],
      [6, 3, null, 'y'],
    ]);
  });

  it('toReviewComments without timestamps: another author on the same line replies', () => {
    const out = toReviewComments(
      [
        { id: 1, path: 'a.ts', position: 3, body: 'root', user: { login: 'y' } },
        { id: 2, path: 'a.ts', position: 3, body: 'more', user: { login: 'y' } },
        { id: 3, path: 'a.ts', position: 3, body: 'reply', user: { login: 'x' } },
      ],
      { user: { login: 'y' } },
    );
    expect(out.map((c) => c.inReplyTo)).toEqual([null, null, 1]);
  });
});

describe('Gitea replyToReviewComment', () => {
  it.each(['gitea', 'forgejo'] as const)('%s: throws without a request, pointing to /review ask', async (kind) => {
    await start();
    const error = await failure(forge(kind).replyToReviewComment(3, 'Answer'));
    expect(error.operation).toBe('replyToReviewComment');
    expect(error.status).toBeNull();
    expect(error.message).toContain(kind === 'forgejo' ? "Forgejo's API" : "Gitea's API");
    expect(error.message).toContain('`/review ask` answers in a pull request comment instead');
    expect(fake.requests).toHaveLength(0);
  });
});
