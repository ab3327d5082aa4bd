import { afterEach, describe, expect, test } from '@jest/globals';
import { createGiteaForge, type GiteaKind } from '../../src/forge/gitea.js';
import { createGitHubForge, ForgeError } from '../../src/forge/github.js';
import { createLocalForge } from '../../src/forge/local.js';
import { makeRepo } from '../diff/git-repo.js';
import { startFakeGitea, type FakeGitea } from '../fakes/gitea-server.js';
import { startFakeGitHub, type FakeGitHub } from '../fakes/github-server.js';

// `readFile`: the text of a file at one commit, null when there is none, on every forge.

const TOKEN = 'tok_s3cr3tT0kenValue0123456789';
const BASE = 'a'.repeat(40);
const HEAD = 'b'.repeat(40);
const FILES: Record<string, Record<string, string>> = {
  [BASE]: {
    '.github/claude-review.yml': 'max-tokens-per-run: 50000\n',
    'CLAUDE.md': 'Use tabs. — ünïcode ✓\n',
    'docs/a b/R#1.md': 'odd name',
    'docs/guide.md': 'guide',
  },
  [HEAD]: { '.github/claude-review.yml': 'max-tokens-per-run: 9999999\n' },
};

let servers: Array<FakeGitHub | FakeGitea> = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

describe('GitHub readFile (contents API)', () => {
  async function setup(files: Record<string, Record<string, string>> = FILES) {
    const fake = await startFakeGitHub({ token: TOKEN, files, pulls: [{ number: 7, baseSha: BASE, headSha: HEAD }] });
    servers.push(fake);
    const logged: string[] = [];
    const forge = createGitHubForge({
      token: TOKEN,
      apiUrl: fake.url,
      owner: 'octo',
      repo: 'repo',
      pullNumber: 7,
      log: (m) => logged.push(m),
      retry: { retries: 0, msPerSecond: 1, spaceWrites: false },
    });
    return { fake, forge, logged };
  }

  test('decodes the file at the commit asked for, with the ref in the request', async () => {
    const { fake, forge } = await setup();
    expect(await forge.readFile('.github/claude-review.yml', BASE)).toBe('max-tokens-per-run: 50000\n');
    expect(await forge.readFile('CLAUDE.md', BASE)).toBe('Use tabs. — ünïcode ✓\n');
    expect(await forge.readFile('docs/a b/R#1.md', BASE)).toBe('odd name');
    expect(fake.requests.map((r) => r.query.ref)).toEqual([BASE, BASE, BASE]);
    expect(fake.violations).toEqual([]);
  });

  test('a missing file, a missing commit or a directory is null', async () => {
    const { fake, forge } = await setup();
    expect(await forge.readFile('AGENTS.md', BASE)).toBeNull();
    expect(await forge.readFile('CLAUDE.md', 'f'.repeat(40))).toBeNull();
    expect(await forge.readFile('docs', BASE)).toBeNull();
    expect(fake.violations).toEqual([]);
  });

  test('a file over 1 MB (sent without content) is null, with a log line', async () => {
    const { forge, logged } = await setup({ [BASE]: { 'CLAUDE.md': 'x'.repeat(1024 * 1024 + 1) } });
    expect(await forge.readFile('CLAUDE.md', BASE)).toBeNull();
    expect(logged).toEqual([expect.stringMatching(/CLAUDE\.md at aaaaaaa is 1048577 bytes, over 1 MB; not read/)]);
  });

  test('403 is an error that names the permission to add', async () => {
    const { fake, forge } = await setup();
    fake.failNext('GET', /\/contents\//, 403, { body: { message: 'Resource not accessible by integration' } });
    const error = await forge.readFile('CLAUDE.md', BASE).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as Error).message).toMatch(/readFile failed \(HTTP 403.*contents: read/);
  });
});

describe.each<GiteaKind>(['gitea', 'forgejo'])('%s readFile (contents API)', (kind) => {
  async function setup() {
    const fake = await startFakeGitea({
      flavor: kind,
      token: TOKEN,
      files: FILES,
      pulls: [{ number: 7, baseSha: BASE, headSha: HEAD }],
    });
    servers.push(fake);
    const forge = createGiteaForge({
      kind,
      token: TOKEN,
      apiUrl: fake.url,
      owner: 'octo',
      repo: 'repo',
      pullNumber: 7,
      retry: { retries: 0, msPerSecond: 1 },
    });
    return { fake, forge };
  }

  test('sends the path with its slashes (Gitea does not take an escaped one) and the ref', async () => {
    const { fake, forge } = await setup();
    expect(await forge.readFile('.github/claude-review.yml', BASE)).toBe('max-tokens-per-run: 50000\n');
    expect(await forge.readFile('docs/a b/R#1.md', BASE)).toBe('odd name');
    expect(await forge.readFile('CLAUDE.md', BASE)).toBe('Use tabs. — ünïcode ✓\n');
    expect(fake.requests.map((r) => [r.path, r.query.ref])).toEqual([
      ['/api/v1/repos/octo/repo/contents/.github/claude-review.yml', BASE],
      ['/api/v1/repos/octo/repo/contents/docs/a%20b/R%231.md', BASE],
      ['/api/v1/repos/octo/repo/contents/CLAUDE.md', BASE],
    ]);
    expect(fake.violations).toEqual([]);
    expect(fake.quirks).toEqual([]);
  });

  test('a missing file or a directory is null', async () => {
    const { forge } = await setup();
    expect(await forge.readFile('AGENTS.md', BASE)).toBeNull();
    expect(await forge.readFile('docs', BASE)).toBeNull();
    expect(await forge.readFile('CLAUDE.md', HEAD)).toBeNull();
  });
});

describe('local readFile (git)', () => {
  test('reads a blob at a commit; a missing path, a directory or an unknown commit is null', async () => {
    const repo = makeRepo();
    try {
      repo.write('CLAUDE.md', 'first\n');
      repo.write('docs/guide.md', 'guide\n');
      const first = repo.commit('one');
      repo.write('CLAUDE.md', 'second\n');
      const second = repo.commit('two');
      const forge = createLocalForge({ cwd: repo.dir, print: () => {} });
      expect(await forge.readFile('CLAUDE.md', first)).toBe('first\n');
      expect(await forge.readFile('CLAUDE.md', second)).toBe('second\n');
      expect(await forge.readFile('AGENTS.md', first)).toBeNull();
      expect(await forge.readFile('docs', first)).toBeNull();
      expect(await forge.readFile('CLAUDE.md', 'f'.repeat(40))).toBeNull();
      // The local pull request's base is HEAD~1 by default: the first version.
      expect(await forge.readFile('CLAUDE.md', (await forge.getPullRequest()).baseSha)).toBe('first\n');
    } finally {
      repo.cleanup();
    }
  });
});
