import { afterEach, describe, expect, it } from '@jest/globals';
import { createGitHubForge, ForgeError } from '../../src/forge/github.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';

const TOKEN = 'ghs_s3cr3tT0kenValue0123456789';
const iso = (minute: number) => new Date(Date.UTC(2025, 0, 1, 12, minute)).toISOString();

let fake: FakeGitHub;

afterEach(async () => {
  expect(fake.violations).toEqual([]);
  await fake.close();
});

/** 250 comments on three issues, updated one a minute from 12:00, plus one long before. */
async function start(): Promise<void> {
  fake = await startFakeGitHub({
    token: TOKEN,
    issueComments: [
      { issueNumber: 3, body: 'too old' },
      ...Array.from({ length: 250 }, (_, i) => ({ issueNumber: 7 + (i % 3), body: `c${i}` })),
    ],
  });
  fake.state.issueComments.forEach(
    (c, i) => (c.createdAt = c.updatedAt = i === 0 ? '2024-06-01T00:00:00Z' : iso(i - 1)),
  );
  // Newest first in storage, so the order of the answer must come from `sort`/`direction`.
  fake.state.issueComments.reverse();
}

const forge = () =>
  createGitHubForge({
    token: TOKEN,
    apiUrl: fake.url,
    owner: 'octo',
    repo: 'repo',
    pullNumber: 7,
    retry: { retries: 0, msPerSecond: 1, spaceWrites: false },
  });

const all = () => true;

describe('GitHub listRepositoryComments', () => {
  it('reads comments updated since a time, newest first, and says when it stopped at the limit', async () => {
    await start();
    const result = await forge().listRepositoryComments('2025-01-01T00:00:00Z', 150, all);
    expect(result.complete).toBe(false);
    expect(result.comments.map((c) => c.body)).toEqual(Array.from({ length: 200 }, (_, i) => `c${249 - i}`));
    expect(result.comments[0]?.url).toMatch(/\/pull\/\d+#issuecomment-\d+$/);
    expect(fake.requests.map((r) => r.query)).toEqual([
      { since: '2025-01-01T00:00:00Z', sort: 'updated', direction: 'desc', per_page: '100' },
      { since: '2025-01-01T00:00:00Z', sort: 'updated', direction: 'desc', per_page: '100', page: '2' },
      { since: '2025-01-01T00:00:00Z', sort: 'updated', direction: 'desc', per_page: '100', page: '3' },
    ]);
    expect(fake.requests.every((r) => r.path === '/repos/octo/repo/issues/comments')).toBe(true);
  });

  it('keeps only the comments the filter accepts, reading every page below the limit', async () => {
    await start();
    const result = await forge().listRepositoryComments(iso(200), 1000, (c) => c.body.endsWith('0'));
    expect(result).toMatchObject({ complete: true, read: 50 });
    expect(result.comments.map((c) => c.body)).toEqual(['c240', 'c230', 'c220', 'c210', 'c200']);
    expect(fake.requests).toHaveLength(1);
  });

  it('is complete when exactly the limit exists', async () => {
    await start();
    const result = await forge().listRepositoryComments(iso(50), 200, all);
    expect(result.comments).toHaveLength(200);
    expect(result.complete).toBe(true);
  });

  it('turns a failure into a ForgeError naming the operation', async () => {
    await start();
    fake.failNext('GET', /\/issues\/comments$/, 404);
    const error = await forge()
      .listRepositoryComments(iso(0), 10, all)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).operation).toBe('listRepositoryComments');
    expect((error as ForgeError).message).toMatch(/repository octo\/repo was not found/);
  });
});
