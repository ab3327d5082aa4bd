import { afterEach, describe, expect, test } from '@jest/globals';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';
import { editedFile } from '../support/diffs.js';
import { DIST, runAction } from './harness.js';
import { githubPayload } from './payloads.js';

/**
 * The first reads of a run go out while the bundle loads (src/early/) and are answered once
 * each to the clients' own requests: a review asks GitHub and the model API for nothing twice,
 * the first model call is not held up by a count, and nothing is sent early where the full
 * path would send nothing.
 */

const KEY = 'sk-ant-api03-first-reads-00000000000000';
const TOKEN = 'ghs_firstReadsToken000000000000000000';
// The SHAs the webhook example carries, so the event and the fake agree, as on GitHub.
const HEAD = 'ec26c3e57ca3a959ca5aad62de7213c562f8c821';
const BASE = 'f95f852bd8fca8fcc58a9a2d6c842781e32a215e';

let servers: Array<FakeAnthropic | FakeGitHub> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function file(changed: boolean): string {
  const lines = Array.from({ length: 60 }, (_, i) => `line ${i + 1}${changed && i >= 9 && i < 14 ? ' changed' : ''}`);
  return `${lines.join('\n')}\n`;
}

async function world() {
  const anthropic = await startFakeAnthropic({ credentials: { key: KEY } });
  const github = await startFakeGitHub({
    owner: 'Codertocat',
    repo: 'Hello-World',
    token: TOKEN,
    pulls: [{ number: 2, diff: editedFile('src/app.ts', 60, 10, 14), headSha: HEAD, baseSha: BASE, commits: [HEAD] }],
    files: { [HEAD]: { 'src/app.ts': file(true) }, [BASE]: { 'src/app.ts': file(false) } },
  });
  servers.push(anthropic, github);
  return { anthropic, github };
}

const inputs = (anthropic: FakeAnthropic, extra: Record<string, string> = {}) => ({
  'anthropic-api-key': KEY,
  'anthropic-base-url': anthropic.url,
  'github-token': TOKEN,
  ...extra,
});

/** How often each read was made: `METHOD path[?query] (accept)`, GraphQL by its first words. */
function tally(github: FakeGitHub): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of github.requests) {
    if (r.method !== 'GET' && r.path !== '/graphql') continue;
    const query = Object.keys(r.query).length ? `?${new URLSearchParams(r.query as Record<string, string>)}` : '';
    const graphql = r.path === '/graphql' ? ` ${JSON.stringify(r.body).slice(0, 40)}` : '';
    const key = `${r.method} ${r.path}${query} ${r.headers.accept ?? ''}${graphql}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** The bundle on a `pull_request` opened event against `w`. */
function opened(w: { anthropic: FakeAnthropic; github: FakeGitHub }, env: Record<string, string> = {}, entry?: string) {
  return runAction({
    eventName: 'pull_request',
    payload: githubPayload('pull_request', 'opened'),
    inputs: inputs(w.anthropic),
    apiUrl: w.github.url,
    repository: 'Codertocat/Hello-World',
    env,
    ...(entry ? { entry } : {}),
  });
}

describe('the first reads (GitHub)', () => {
  test('a review reads the pull request, its diff, config, guidelines, archive, base files and models once each', async () => {
    const { anthropic, github } = await world();
    const run = await opened({ anthropic, github });
    expect(run.code).toBe(0);
    expect(github.state.reviews.length + github.state.issueComments.length).toBeGreaterThan(0);
    const twice = [...tally(github)].filter(([key, n]) => n > 1 && !key.includes('/comments'));
    expect(twice).toEqual([]);
    // The tarball and the base file's blob were each fetched once, and the prompt had the context.
    expect(github.requests.filter((r) => r.path.includes('/tarball/'))).toHaveLength(1);
    expect(anthropic.requestsTo('models')).toHaveLength(1);
    // A small review fits its ceiling by the estimate: no count before the call.
    expect(anthropic.requestsTo('count_tokens')).toHaveLength(0);
    expect(JSON.stringify(anthropic.requestsTo('messages')[0]!.body)).toContain('untrusted-context-');
    expect(github.violations).toEqual([]);
  });

  test('`/review` reads the commits from the pull request, then the rest once each', async () => {
    const { anthropic, github } = await world();
    const payload = githubPayload('issue_comment', 'created');
    payload.issue.number = 2;
    payload.issue.pull_request = { url: `${github.url}/repos/Codertocat/Hello-World/pulls/2` };
    payload.comment.body = '/review';
    payload.comment.author_association = 'OWNER';
    const at = new Date().toISOString();
    github.state.issueComments.push({
      id: payload.comment.id,
      issueNumber: 2,
      body: '/review',
      user: payload.comment.user.login,
      createdAt: at,
      updatedAt: at,
    });
    const run = await runAction({
      eventName: 'issue_comment',
      payload,
      inputs: inputs(anthropic),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(0);
    const twice = [...tally(github)].filter(([key, n]) => n > 1 && !key.includes('/comments'));
    expect(twice).toEqual([]);
    expect(github.requests.filter((r) => r.path.includes('/contents/') && r.query.ref !== BASE)).toEqual([]);
    expect(anthropic.requestsTo('models')).toHaveLength(1);
  });

  test('a runner that starts dist/index.js itself (not the CommonJS entry) reviews the same, reading each thing once', async () => {
    const { anthropic, github } = await world();
    const run = await opened({ anthropic, github }, {}, DIST);
    expect(run.code).toBe(0);
    expect(run.outputs.status).toBe('reviewed');
    expect([...tally(github)].filter(([key, n]) => n > 1 && !key.includes('/comments'))).toEqual([]);
    expect(anthropic.requestsTo('messages').length).toBeGreaterThan(0);
  });

  test('the early reads are exactly the reads the clients make: a run without them (behind a proxy) asks the same', async () => {
    const reads = async (env: Record<string, string>) => {
      const { anthropic, github } = await world();
      const run = await opened({ anthropic, github }, env);
      expect(run.code).toBe(0);
      const models = anthropic.requestsTo('models').length;
      return { forge: [...tally(github)].filter(([key]) => !key.includes('/comments')).sort(), models };
    };
    const early = await reads({});
    // Behind a proxy nothing is sent early (it would bypass the proxy); loopback is exempt here.
    const late = await reads({ HTTPS_PROXY: 'http://192.0.2.1:9', NO_PROXY: '127.0.0.1,localhost' });
    expect(early).toEqual(late);
  });
});
