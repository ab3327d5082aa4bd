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
  fake.state.issueComments.forEach((c, i) => (c.createdAt = i === 0 ? '2024-06-01T00:00:00Z' : iso(i - 1)));
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

describe('GitHub listRepositoryComments', () => {
  it('reads comments updated since a time, oldest first, stopping at the limit', async () => {
    await start();
    const result = await forge().listRepositoryComments('2025-01-01T00:00:00Z', 150);
    expect(result.truncated).toBe(true);
    expect(result.comments.map((c) => c.body)).toEqual(Array.from({ length: 150 }, (_, i) => `c${i}`));
    expect(result.comments[0]?.url).toMatch(/\/pull\/7#issuecomment-\d+$/);
    expect(fake.requests.map((r) => r.query)).toEqual([
      { since: '2025-01-01T00:00:00Z', sort: 'updated', direction: 'asc', per_page: '100' },
      { since: '2025-01-01T00:00:00Z', sort: 'updated', direction: 'asc', per_page: '100', page: '2' },
    ]);
    expect(fake.requests.every((r) => r.path === '/repos/octo/repo/issues/comments')).toBe(true);
  });

  it('reads every page when the limit is not reached', async () => {
    await start();
    const result = await forge().listRepositoryComments(iso(200), 1000);
    expect(result).toMatchObject({ truncated: false });
    expect(result.comments.map((c) => c.body)).toEqual(Array.from({ length: 50 }, (_, i) => `c${200 + i}`));
    expect(fake.requests).toHaveLength(1);
  });

  it('is not truncated when exactly the limit exists', async () => {
    await start();
    const result = await forge().listRepositoryComments(iso(50), 200);
    expect(result.comments).toHaveLength(200);
    expect(result.truncated).toBe(false);
  });

  it('turns a failure into a ForgeError naming the operation', async () => {
    await start();
    fake.failNext('GET', /\/issues\/comments$/, 404);
    const error = await forge()
      .listRepositoryComments(iso(0), 10)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as ForgeError).operation).toBe('listRepositoryComments');
    expect((error as ForgeError).message).toMatch(/repository octo\/repo was not found/);
  });
});
