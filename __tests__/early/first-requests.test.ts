import { describe, expect, test } from '@jest/globals';
import { firstRequests } from '../../src/early/first-requests.js';
import { startEarlyReads } from '../../src/early/start.js';
import type { Requester } from '../../src/trigger/trigger.js';

const HEAD = 'a'.repeat(40);
const BASE = 'b'.repeat(40);
const ENV = {
  GITHUB_EVENT_NAME: 'pull_request',
  GITHUB_REPOSITORY: 'octo/repo',
  GITHUB_API_URL: 'https://api.github.com',
  'INPUT_GITHUB-TOKEN': 'ghs_token',
  'INPUT_ANTHROPIC-API-KEY': 'sk-ant-api03-key',
};
const PULL = { number: 2, pull_request: { number: 2, head: { sha: HEAD }, base: { sha: BASE } } };
const COMMENT = { issue: { number: 2, pull_request: { url: 'x' } }, comment: { id: 9, body: '/review' } };
const urls = (env: Record<string, string>, payload: unknown, command: Requester | null = null) =>
  firstRequests(env, payload, command).map((r) => `${r.method} ${r.url}`);

describe('the first reads', () => {
  test('a pull request event reads everything at the commits its payload names, at once', () => {
    const got = urls(ENV, PULL);
    const repo = 'https://api.github.com/repos/octo/repo';
    expect(got).toEqual(
      expect.arrayContaining([
        `GET ${repo}/pulls/2`,
        `GET ${repo}/issues/2/comments?per_page=100`,
        'POST https://api.github.com/graphql',
        `GET ${repo}/contents/.github%2Fclaude-review.yml?ref=${BASE}`,
        `GET ${repo}/contents/CLAUDE.md?ref=${BASE}`,
        `GET ${repo}`,
        `GET ${repo}/tarball/${HEAD}`,
        'GET https://api.anthropic.com/v1/models',
      ]),
    );
    expect(got.filter((u) => u === `GET ${repo}/pulls/2`)).toHaveLength(2); // the JSON and the diff
  });

  test('a comment names no commit: the reads at them wait for the pull request', () => {
    const reads = firstRequests({ ...ENV, GITHUB_EVENT_NAME: 'issue_comment' }, COMMENT);
    expect(reads.some((r) => r.url.includes('/contents/') || r.url.includes('/tarball/'))).toBe(false);
    // A comment may be `help`, a question or from someone without access: the model API waits.
    expect(reads.some((r) => r.url.includes('/v1/models'))).toBe(false);
    const pull = reads.find((r) => r.url.endsWith('/pulls/2') && r.then);
    const next = pull!.then!({ head: { sha: HEAD }, base: { sha: BASE } }).map((r) => r.url);
    expect(next).toContain(`https://api.github.com/repos/octo/repo/tarball/${HEAD}`);
    expect(next).toContain(`https://api.github.com/repos/octo/repo/contents/AGENTS.md?ref=${BASE}`);
    expect(pull!.then!({ head: {} })).toEqual([]);
  });

  test('`/review` from the owner lists the models early; anyone else but an outsider is looked up at once', () => {
    const env = { ...ENV, GITHUB_EVENT_NAME: 'issue_comment' };
    const who = (association: string) => ({ commentId: 9, login: 'octo-dev', association, canPush: null });
    const owner = urls(env, COMMENT, who('OWNER'));
    expect(owner).toContain('GET https://api.anthropic.com/v1/models');
    expect(owner.some((u) => u.includes('/collaborators/'))).toBe(false);
    const member = urls(env, COMMENT, who('MEMBER'));
    expect(member).toContain('GET https://api.github.com/repos/octo/repo/collaborators/octo-dev/permission');
    expect(member).toContain('GET https://api.anthropic.com/v1/models');
    const contributor = urls(env, COMMENT, who('CONTRIBUTOR'));
    expect(contributor).toContain('GET https://api.github.com/repos/octo/repo/collaborators/octo-dev/permission');
    expect(contributor.some((u) => u.includes('/v1/models'))).toBe(false);
    const outsider = urls(env, COMMENT, who('NONE'));
    expect(outsider.some((u) => u.includes('/collaborators/') || u.includes('/v1/models'))).toBe(false);
  });

  test('a draft, or `context-tokens: 0`, leaves out what it will not need', () => {
    const draft = { ...PULL, pull_request: { ...PULL.pull_request, draft: true } };
    expect(urls(ENV, draft).some((u) => u.includes('/v1/models'))).toBe(false);
    expect(urls({ ...ENV, 'INPUT_CONTEXT-TOKENS': '0' }, PULL).some((u) => u.includes('/tarball/'))).toBe(false);
    const reply = urls({ ...ENV, GITHUB_EVENT_NAME: 'pull_request_review_comment' }, PULL);
    expect(reply.some((u) => u.includes('/v1/models'))).toBe(false);
  });

  test('a custom config file is the only one read; a GHES API has its GraphQL beside it', () => {
    const got = urls(
      { ...ENV, 'INPUT_CONFIG-FILE': 'ci/review.yml', GITHUB_API_URL: 'https://ghe.example.com/api/v3' },
      PULL,
    );
    expect(got.filter((u) => u.includes('claude-review.yml'))).toEqual([]);
    expect(got).toContain(`GET https://ghe.example.com/api/v3/repos/octo/repo/contents/ci%2Freview.yml?ref=${BASE}`);
    expect(got).toContain('POST https://ghe.example.com/api/graphql');
  });

  test('the key goes only to the configured endpoint, as the SDK sends it', () => {
    const model = firstRequests({ ...ENV, 'INPUT_ANTHROPIC-BASE-URL': 'https://gw.example.com/' }, PULL).find((r) =>
      r.url.includes('/v1/models'),
    );
    expect(model?.url).toBe('https://gw.example.com/v1/models');
    expect(model?.headers.authorization).toBe('Bearer sk-ant-api03-key');
    const bedrock = firstRequests({ ...ENV, INPUT_PROVIDER: 'bedrock' }, PULL);
    expect(bedrock.some((r) => r.url.includes('/v1/models'))).toBe(false);
  });

  test('Gitea and Forgejo are read as their adapter reads them', () => {
    const env = { ...ENV, GITHUB_API_URL: 'https://git.example.com/api/v1' };
    const repo = 'https://git.example.com/api/v1/repos/octo/repo';
    const gitea = urls({ ...env, GITEA_ACTIONS: 'true' }, PULL);
    expect(gitea).toEqual(
      expect.arrayContaining([
        `GET ${repo}/pulls/2`,
        `GET ${repo}/pulls/2.diff`,
        `GET ${repo}/issues/2/comments`,
        'GET https://git.example.com/api/v1/user',
        'GET https://git.example.com/api/v1/version',
        `GET ${repo}/contents/.gitea/claude-review.yml?ref=${BASE}`,
        `GET ${repo}/archive/${HEAD}.tar.gz`,
      ]),
    );
    expect(gitea.some((u) => u.includes('/graphql') || u.includes('/tarball/'))).toBe(false);
    // A Forgejo runner says what it is: the version is not asked.
    expect(urls({ ...env, FORGEJO_ACTIONS: 'true' }, PULL)).not.toContain('GET https://git.example.com/api/v1/version');
  });

  test('nothing is sent early behind a proxy, or without a pull request', () => {
    expect(firstRequests({ ...ENV, https_proxy: 'http://proxy:3128' }, PULL)).toEqual([]);
    expect(firstRequests(ENV, { issue: { number: 3 } })).toEqual([]);
    expect(firstRequests({ ...ENV, 'INPUT_GITHUB-TOKEN': '' }, PULL)).toEqual([]);
  });

  test('a refused credential, or a fork without the secret, sends nothing at all', () => {
    expect(startEarlyReads({ ...ENV, 'INPUT_ANTHROPIC-API-KEY': 'sk-ant-oat01-subscription' }, PULL)).toBeNull();
    const fork = {
      ...PULL,
      pull_request: {
        ...PULL.pull_request,
        head: { sha: HEAD, repo: { full_name: 'x/repo' } },
        base: { sha: BASE, repo: { full_name: 'octo/repo' } },
      },
    };
    expect(startEarlyReads({ ...ENV, 'INPUT_ANTHROPIC-API-KEY': '' }, fork)).toBeNull();
  });
});
