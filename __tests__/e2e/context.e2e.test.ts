import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startFakeAnthropic, type FakeAnthropic, type FakeMessagesBody } from '../fakes/anthropic-server.js';
import { startFakeGitea } from '../fakes/gitea-server.js';
import { startFakeGitHub } from '../fakes/github-server.js';
import { GITEA_OWNER, GITEA_REPO, GITEA_ROOT_URL, giteaPayload } from './gitea-payloads.js';
import { DIST, runAction } from './harness.js';
import { githubPayload } from './payloads.js';

/**
 * The model is shown the code a reviewer needs, on every forge and in the local CLI: a real
 * multi-file repository (the context fixtures' TypeScript repo) served as the PR's snapshot,
 * with planted bugs of each kind — enclosing scope, same-file constant, callee in another
 * file, caller in another file — at the default ceiling and at a 30,000-token one.
 */

const KEY = 'sk-ant-api03-context-e2e-0000000000000000';
const TOKEN = 'context-e2e-forge-token-0123456789';
const FIXTURE = join(dirname(fileURLToPath(import.meta.url)), '../context/fixtures/ts-repo');

/** What the model must see for each planted bug (a line of the evidence, and its file). */
const EVIDENCE = [
  ['callee in another file', 'src/money.ts', 'export function convert(amount: number, rate: number): number {'],
  ['caller in another file', 'src/handlers/profile.ts', 'return user.name;'],
  ['same-file constant', 'src/retry.ts', 'const BACKOFF_MS = 200;'],
  ['enclosing scope', 'src/report.ts', 'const maxRows = 20;'],
] as const;

function readTree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string): void => {
    for (const name of readdirSync(d).sort()) {
      const full = join(d, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.set(relative(dir, full).replace(/\.txt$/, ''), readFileSync(full, 'utf8'));
    }
  };
  walk(dir);
  return out;
}

type Repo = {
  dir: string;
  base: Map<string, string>;
  head: Map<string, string>;
  baseSha: string;
  headSha: string;
  diff: string;
};

/** The fixture as a real git repository: a base commit, then the PR's commit on top. */
function fixtureRepo(): Repo {
  const base = readTree(join(FIXTURE, 'base'));
  const head = new Map([...base, ...readTree(join(FIXTURE, 'head'))]);
  const dir = mkdtempSync(join(tmpdir(), 'cpr-context-'));
  const env = { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull };
  const git = (...args: string[]) =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.test', ...args], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
  const write = (files: Map<string, string>) => {
    for (const [path, text] of files) {
      mkdirSync(dirname(join(dir, path)), { recursive: true });
      writeFileSync(join(dir, path), text);
    }
  };
  git('init', '-q', '-b', 'main');
  write(base);
  git('add', '-A');
  git('commit', '-qm', 'base');
  const baseSha = git('rev-parse', 'HEAD').trim();
  git('checkout', '-qb', 'feature');
  write(head);
  git('add', '-A');
  git('commit', '-qm', 'Change money, users, retry and report');
  const headSha = git('rev-parse', 'HEAD').trim();
  return { dir, base, head, baseSha, headSha, diff: git('diff', `${baseSha}...${headSha}`) };
}

let servers: Array<{ close(): Promise<void> }> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function model(): Promise<FakeAnthropic> {
  const anthropic = await startFakeAnthropic({
    respond: () => ({ toolInput: { summary: 'Changes four modules.', findings: [] } }),
    credentials: { key: KEY },
  });
  servers.push(anthropic);
  return anthropic;
}

/** Everything the model was sent in review calls. */
const prompts = (anthropic: FakeAnthropic) =>
  anthropic
    .requestsTo('messages')
    .map((r) => JSON.stringify((r.body as FakeMessagesBody).messages))
    .join('\n');

const unescape = (s: string) => s.replace(/\\n/g, '\n').replace(/\\"/g, '"');

function expectEvidence(sent: string): void {
  const text = unescape(sent);
  expect(text).toMatch(/<untrusted-context-[0-9a-f]{16}>/);
  expect(text).toContain('comment only on lines of the diff');
  for (const [, path, line] of EVIDENCE) {
    // Each block is labelled with its path and line range, and shows the evidence line.
    expect(text).toMatch(new RegExp(`### ${path.replace(/[./]/g, '\\$&')}:\\d+(-\\d+)?`));
    expect(text).toContain(line);
  }
}

const inputs = (anthropic: FakeAnthropic, extra: Record<string, string>) => ({
  'anthropic-api-key': KEY,
  'anthropic-base-url': anthropic.url,
  'github-token': TOKEN,
  ...extra,
});

describe.each([
  { ceiling: 'the default ceiling', extra: {} as Record<string, string> },
  { ceiling: 'a 30,000-token ceiling', extra: { 'max-tokens-per-run': '30000' } as Record<string, string> },
])('context at $ceiling', ({ extra }) => {
  test('GitHub: the prompt shows the scope, the constant, the callee and the caller the bugs need', async () => {
    const repo = fixtureRepo();
    const anthropic = await model();
    const github = await startFakeGitHub({
      owner: 'Codertocat',
      repo: 'Hello-World',
      token: TOKEN,
      files: { [repo.baseSha]: Object.fromEntries(repo.base), [repo.headSha]: Object.fromEntries(repo.head) },
      pulls: [{ number: 2, diff: repo.diff, headSha: repo.headSha, baseSha: repo.baseSha }],
    });
    servers.push(github);
    const payload = githubPayload('pull_request', 'opened');
    const run = await runAction({
      eventName: 'pull_request',
      payload,
      inputs: inputs(anthropic, extra),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(0);
    expectEvidence(prompts(anthropic));
    expect(github.violations).toEqual([]);
    const summary = github.state.issueComments.find((c) => c.body.includes('claude-pr-review:summary'))!.body;
    expect(summary).toMatch(/Context: .*from \d+ files?, [\d,]+ tokens \(`src\//);
    expect(summary).toMatch(/\(context ≈[\d,]+\)/);
    // The ceiling holds with context in.
    expect(Number(run.outputs['total-tokens'])).toBeLessThanOrEqual(
      Number(extra['max-tokens-per-run' as never] ?? 100_000),
    );
  }, 30_000);

  test.each(['gitea', 'forgejo'] as const)(
    '%s: the same evidence, read through its archive',
    async (flavor) => {
      const repo = fixtureRepo();
      const anthropic = await model();
      const opened = giteaPayload('opened');
      opened.pull_request.head.sha = repo.headSha;
      opened.pull_request.base.sha = repo.baseSha;
      const p = opened.pull_request;
      const gitea = await startFakeGitea({
        flavor,
        owner: GITEA_OWNER,
        repo: GITEA_REPO,
        rootUrl: GITEA_ROOT_URL,
        token: TOKEN,
        files: { [repo.baseSha]: Object.fromEntries(repo.base), [repo.headSha]: Object.fromEntries(repo.head) },
        pulls: [
          {
            number: p.number as number,
            title: 'Change four modules',
            body: '',
            user: p.user.login as string,
            headSha: repo.headSha,
            baseSha: repo.baseSha,
            mergeBase: repo.baseSha,
            headRef: 'feature',
            baseRef: 'main',
            headRepo: p.head.repo.full_name as string,
            diff: repo.diff,
          },
        ],
      });
      servers.push(gitea);
      const run = await runAction({
        eventName: 'pull_request',
        payload: opened,
        inputs: inputs(anthropic, extra),
        apiUrl: gitea.url,
        repository: `${GITEA_OWNER}/${GITEA_REPO}`,
        env: {
          GITEA_ACTIONS: 'true',
          ...(flavor === 'forgejo' ? { FORGEJO_ACTIONS: 'true' } : {}),
          GITHUB_SERVER_URL: gitea.url.replace(/\/api\/v1$/, ''),
        },
      });
      expect(run.code).toBe(0);
      expectEvidence(prompts(anthropic));
      expect(gitea.violations).toEqual([]);
      // The first reads went out while the bundle loaded, and each was answered once (src/early/).
      const reads = new Map<string, number>();
      for (const r of gitea.requests.filter((q) => q.method === 'GET' && !q.path.includes('/comments'))) {
        const key = `${r.path}?${new URLSearchParams(r.query as Record<string, string>)}`;
        reads.set(key, (reads.get(key) ?? 0) + 1);
      }
      expect([...reads].filter(([, times]) => times > 1)).toEqual([]);
    },
    30_000,
  );
});

describe('context elsewhere', () => {
  test('the local CLI reads the same context from git', async () => {
    const repo = fixtureRepo();
    const anthropic = await model();
    const child = spawn(process.execPath, [DIST, 'review', '--base', 'main'], {
      cwd: repo.dir,
      env: { PATH: process.env.PATH ?? '', HOME: repo.dir, ANTHROPIC_API_KEY: KEY, ANTHROPIC_BASE_URL: anthropic.url },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    const code = await new Promise<number | null>((done) => child.on('close', done));
    expect({ code, out }).toMatchObject({ code: 0 });
    expectEvidence(prompts(anthropic));
  }, 30_000);

  test('`context-tokens: 0` turns context off', async () => {
    const repo = fixtureRepo();
    const anthropic = await model();
    const github = await startFakeGitHub({
      owner: 'Codertocat',
      repo: 'Hello-World',
      token: TOKEN,
      files: { [repo.baseSha]: Object.fromEntries(repo.base), [repo.headSha]: Object.fromEntries(repo.head) },
      pulls: [{ number: 2, diff: repo.diff, headSha: repo.headSha, baseSha: repo.baseSha }],
    });
    servers.push(github);
    const run = await runAction({
      eventName: 'pull_request',
      payload: githubPayload('pull_request', 'opened'),
      inputs: inputs(anthropic, { 'context-tokens': '0' }),
      apiUrl: github.url,
      repository: 'Codertocat/Hello-World',
    });
    expect(run.code).toBe(0);
    expect(prompts(anthropic)).not.toMatch(/untrusted-context-/);
    expect(github.requests.some((r) => r.path.includes('/tarball/') || r.path.includes('/git/trees/'))).toBe(false);
  }, 30_000);
});
