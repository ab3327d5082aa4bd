import { afterEach, describe, expect, it } from '@jest/globals';
import { createGiteaForge } from '../../src/forge/gitea.js';
import { createGitHubForge } from '../../src/forge/github.js';
import type { ReviewComment } from '../../src/ports.js';
import { startFakeGitea, type FakeGitea } from '../fakes/gitea-server.js';
import { startFakeGitHub, type FakeGitHub, type FakeGitHubInit } from '../fakes/github-server.js';

const DIFF =
  'diff --git a/app.ts b/app.ts\nindex e031777..b93085a 100644\n--- a/app.ts\n+++ b/app.ts\n' +
  '@@ -1,5 +1,5 @@\n one\n-two\n+TWO\n three\n four\n five\n@@ -10,3 +10,4 @@ nine\n ten\n eleven\n twelve\n+thirteen\n';
const TOKEN = 'ghs_s3cr3tT0kenValue0123456789';
const HEAD = 'c'.repeat(40);
const NOTE = 'Fixed in ccccccc.';

let github: FakeGitHub | null = null;
let gitea: FakeGitea | null = null;
afterEach(async () => {
  await github?.close();
  await gitea?.close();
  github = null;
  gitea = null;
});

async function startGitHub(init: FakeGitHubInit = {}) {
  github = await startFakeGitHub({ token: TOKEN, pulls: [{ number: 7, headSha: HEAD, diff: DIFF }], ...init });
  const forge = createGitHubForge({
    token: TOKEN,
    apiUrl: github.url,
    owner: 'octo',
    repo: 'repo',
    pullNumber: 7,
    retry: { retries: 0, msPerSecond: 1, spaceWrites: false },
  });
  return { fake: github, forge };
}

const seeded: FakeGitHubInit['reviewComments'] = [
  { path: 'app.ts', body: 'Uppercase?', line: 2, user: 'github-actions[bot]' },
  { path: 'app.ts', body: 'Thirteen?', line: 13, user: 'github-actions[bot]', resolved: true },
];

describe('resolveThread on GitHub (GraphQL resolveReviewThread)', () => {
  it('resolves the thread by its node id, and the listing then says it is resolved', async () => {
    const { fake, forge } = await startGitHub({ reviewComments: seeded });
    const [first] = await forge.listReviewComments();
    expect(await forge.resolveThread(first!, NOTE)).toBe('resolved');
    expect(fake.state.resolvedThreads).toEqual([first!.id]);
    const mutation = fake.requests.filter((r) => r.path === '/graphql').at(-1)?.body as {
      query: string;
      variables: Record<string, unknown>;
    };
    expect(mutation.query).toContain('resolveReviewThread(input: { threadId: $threadId })');
    expect(mutation.variables).toEqual({ threadId: `PRRT_fake${first!.id}` });
    expect((await forge.listReviewComments())[0]?.resolved).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('a thread already resolved is left as it is (no mutation)', async () => {
    const { fake, forge } = await startGitHub({ reviewComments: seeded });
    const second = (await forge.listReviewComments())[1]!;
    expect(await forge.resolveThread(second, NOTE)).toBe('resolved');
    expect(fake.state.resolvedThreads).toEqual([]);
  });

  it('without GraphQL (a REST-only proxy) it replies in the thread instead', async () => {
    const { fake, forge } = await startGitHub({ reviewComments: seeded });
    const [first] = await forge.listReviewComments();
    fake.failNext('POST', /^\/graphql$/, 404);
    expect(await forge.resolveThread(first!, NOTE)).toBe('replied');
    const reply = fake.state.reviews.flatMap((r) => r.comments).find((c) => c.body === NOTE);
    expect(reply?.in_reply_to_id).toBe(first!.id);
    expect(fake.violations).toEqual([]);
  });
});

describe('resolveThread on Gitea and Forgejo', () => {
  const comment: ReviewComment = {
    id: 5,
    body: 'x',
    path: 'app.ts',
    line: 2,
    outdated: false,
    resolved: false,
    inReplyTo: null,
    author: 'bot',
    authorId: 1,
  };
  const forgeFor = (fake: FakeGitea, kind: 'gitea' | 'forgejo') =>
    createGiteaForge({ kind, token: TOKEN, apiUrl: fake.url, owner: 'octo', repo: 'repo', pullNumber: 7 });

  it('Forgejo has no resolve endpoint and cannot reply in a thread: unsupported, nothing sent', async () => {
    gitea = await startFakeGitea({
      token: TOKEN,
      flavor: 'forgejo',
      pulls: [{ number: 7, user: 'alice', headSha: HEAD }],
    });
    expect(await forgeFor(gitea, 'forgejo').resolveThread(comment, NOTE)).toBe('unsupported');
    expect(gitea.requests).toEqual([]);
  });

  it('Gitea: its API description has no resolve call either: unsupported, nothing sent', async () => {
    gitea = await startFakeGitea({ token: TOKEN, pulls: [{ number: 7, user: 'alice', headSha: HEAD }] });
    expect(await forgeFor(gitea, 'gitea').resolveThread(comment, NOTE)).toBe('unsupported');
    expect(gitea.requests).toEqual([]);
  });
});
