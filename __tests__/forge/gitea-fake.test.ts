import { afterEach, describe, expect, it } from '@jest/globals';
import { toGiteaComment, toGiteaReview } from '../../src/forge/gitea-review.js';
import { startFakeGitea, type FakeGitea } from '../fakes/gitea-server.js';

// The checks the adapter tests rely on must be able to fail: these send what a
// GitHub-minded client would, straight to the fake, and expect it to be caught.

let fake: FakeGitea;

afterEach(async () => {
  await fake.close();
});

async function call(method: string, path: string, body?: unknown) {
  const res = await fetch(`${fake.url}${path}`, {
    method,
    headers: { authorization: 'token t', 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, data: text ? (JSON.parse(text) as unknown) : null };
}

const REVIEWS = '/repos/octo/repo/pulls/7/reviews';

describe('the fake Gitea catches what Gitea would silently get wrong', () => {
  it("turns GitHub's APPROVE into a PENDING review, which the contract alone does not flag", async () => {
    fake = await startFakeGitea({ pulls: [{ number: 7 }] });
    const { status, data } = await call('POST', REVIEWS, { body: 'LGTM', event: 'APPROVE', comments: [] });
    // Gitea answers 200: the mistake is invisible to the client...
    expect(status).toBe(200);
    expect(data).toMatchObject({ state: 'PENDING' });
    // ...and to the swagger check (ReviewStateType is a plain string), but not to `quirks`.
    expect(fake.violations).toEqual([]);
    expect(fake.quirks).toEqual(['review event "APPROVE" is not a Gitea event: the review silently stays PENDING']);
  });

  it('records comments that set both positions (Gitea anchors them on the old side)', async () => {
    fake = await startFakeGitea({ pulls: [{ number: 7 }] });
    await call('POST', REVIEWS, {
      body: 'x',
      event: 'COMMENT',
      comments: [{ path: 'a.ts', body: 'y', new_position: 5, old_position: 3 }],
    });
    expect(fake.state.ambiguousPositions).toEqual([{ path: 'a.ts', new_position: 5, old_position: 3 }]);
    expect(fake.state.reviews[0]?.comments[0]?.line).toBe(-3);
    expect(fake.quirks).toHaveLength(1);
  });

  it('attaches a new review to the stale pending one, which is why the adapter deletes it', async () => {
    fake = await startFakeGitea({
      pulls: [{ number: 7 }],
      reviews: [
        {
          pullNumber: 7,
          user: 'gitea-actions',
          state: 'PENDING',
          comments: [{ path: 'a.ts', body: 'old', new_position: 1 }],
        },
      ],
    });
    await call('POST', REVIEWS, {
      body: 'x',
      event: 'COMMENT',
      comments: [{ path: 'a.ts', body: 'new', new_position: 2 }],
    });
    expect(fake.state.reviews).toHaveLength(1);
    expect(fake.state.reviews[0]?.comments.map((c) => c.body)).toEqual(['old', 'new']);
  });

  it('rejects a body that breaks the contract with 422 and records the violation', async () => {
    fake = await startFakeGitea({ pulls: [{ number: 7 }] });
    const { status } = await call('POST', REVIEWS, {
      event: 'COMMENT',
      comments: [{ path: 'a.ts', new_position: 'two' }],
    });
    expect(status).toBe(422);
    expect(fake.violations).toEqual([`POST /api/v1${REVIEWS}: body/comments/0/new_position must be integer`]);
  });

  it('flags GitHub-style paging and paths that Gitea does not have', async () => {
    fake = await startFakeGitea({ pulls: [{ number: 7 }] });
    await call('GET', '/repos/octo/repo/issues/7/comments?per_page=100');
    await call('GET', '/repos/octo/repo/pulls/7/comments');
    expect(fake.violations).toEqual([
      'GET /api/v1/repos/octo/repo/issues/7/comments: query parameter per_page is not in the API description',
      'GET /api/v1/repos/octo/repo/pulls/7/comments: no such path in the API description',
    ]);
  });

  it("refuses to delete another user's review and lists pages without Link, capped at 50", async () => {
    fake = await startFakeGitea({
      pulls: [{ number: 7 }],
      reviews: Array.from({ length: 60 }, () => ({ pullNumber: 7, user: 'bob', state: 'COMMENT' })),
    });
    const first = fake.state.reviews[0]?.id;
    expect((await call('DELETE', `${REVIEWS}/${first}`)).status).toBe(403);
    const page = await call('GET', `${REVIEWS}?page=1&limit=100`);
    expect(page.data).toHaveLength(50);
    expect(page.headers.get('link')).toBeNull();
    expect((await call('GET', REVIEWS)).data).toHaveLength(30);
  });

  it('serves the version, the bot user and read-only tokens as configured', async () => {
    fake = await startFakeGitea({ flavor: 'forgejo', readOnly: true, pulls: [{ number: 7 }] });
    expect((await call('GET', '/version')).data).toEqual({ version: '11.0.1+gitea-1.22.0' });
    expect((await call('GET', '/user')).data).toMatchObject({ login: 'forgejo-actions', id: -2 });
    expect((await call('POST', '/repos/octo/repo/issues/7/comments', { body: 'x' })).status).toBe(403);
    const pull = await call('GET', '/repos/octo/repo/pulls/7');
    expect(pull.data).toMatchObject({
      html_url: 'https://git.example.com/octo/repo/pulls/7',
      head: { repo: { full_name: 'octo/repo' } },
      base: { repo: { full_name: 'octo/repo' } },
      merge_base: 'a'.repeat(40),
    });
    expect(fake.url).not.toContain('git.example.com');
  });
});

describe('toGiteaReview', () => {
  it('never sends both positions, maps events, and drops an empty commit id', () => {
    expect(toGiteaComment({ path: 'a', body: 'b', line: 3, side: 'LEFT', startLine: 1 })).toEqual({
      path: 'a',
      body: 'Lines 1–3:\n\nb',
      old_position: 3,
    });
    expect(toGiteaReview({ commitId: '', body: 'x', event: 'REQUEST_CHANGES', comments: [] })).toEqual({
      body: 'x',
      event: 'REQUEST_CHANGES',
      comments: [],
    });
  });
});
