import { afterEach, describe, expect, test } from '@jest/globals';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewCalls, startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server.js';
import { DIST, lines, makeRepo, ONE_FINDING, repoWithTwoCommits, runCli, screen } from './cli-harness.js';

let servers: FakeAnthropic[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function fake(opts: Parameters<typeof startFakeAnthropic>[0] = { respond: ONE_FINDING }) {
  const server = await startFakeAnthropic(opts);
  servers.push(server);
  return server;
}

describe('claude-pr-review review (local changes, printed in the terminal)', () => {
  test('prints each finding with its location and severity, then the summary and a closing line', async () => {
    const repo = repoWithTwoCommits();
    const anthropic = await fake();
    const out = await runCli(repo.dir, ['review', '--base', 'HEAD~1'], {
      ANTHROPIC_API_KEY: 'sk-ant-api03-cli',
      ANTHROPIC_BASE_URL: anthropic.url,
    });
    expect(out.code).toBe(0);
    expect(reviewCalls(anthropic)).toHaveLength(1);
    expect(out.stdout).toContain('── src/app.ts:13\n🟠 High: Null assertion\n`null!` is always null.');
    expect(out.stdout).toMatch(/^Claude review of HEAD~1\.\.\.HEAD \(\w{7}\.\.\w{7}\)$/m);
    expect(out.stdout).toContain('Sets v12 to a non-null assertion.');
    expect(out.stdout).toMatch(/^Findings +🟠 High 1$/m);
    expect(out.stdout).toMatch(/^Tokens +[1-9][\d,]* in \/ [1-9][\d,]* out$/m);
    expect(out.stdout).not.toContain('\u001b['); // no colour codes in a pipe
    for (const markup of ['<!--', '<details', '|---']) expect(out.stdout).not.toContain(markup);
    expect(out.stdout.endsWith('\n')).toBe(true);
    expect(out.stdout.split('\n').at(-2)).toMatch(
      /^Done: 1 finding; spent [1-9]\d{0,2}(,\d{3})* of 100,000 tokens, est\. \$[\d.]+\.$/,
    );
    expect(out.stderr).not.toMatch(/^Spent \d+ of \d+ tokens/m);
  });

  test('review --dry-run plans with exact counts from the API and sends no review request', async () => {
    const anthropic = await fake();
    const out = await runCli(repoWithTwoCommits().dir, ['review', '--dry-run'], {
      ANTHROPIC_API_KEY: 'sk-ant-api03-cli',
      ANTHROPIC_BASE_URL: anthropic.url,
    });
    expect(out.code).toBe(0);
    expect(anthropic.requestsTo('messages')).toEqual([]);
    expect(anthropic.requestsTo('count_tokens').length).toBeGreaterThan(0);
    expect(out.stdout).toMatch(/^Tokens +[1-9][\d,]* in \/ up to [\d,]+ out, planned in one call/m);
    expect(out.stdout.split('\n').at(-2)).toMatch(
      /^Dry run, nothing was sent: .* Without --dry-run, `review` runs it\.$/,
    );
  });

  test('without a key it names the variable to set and that preview is the dry run', async () => {
    const out = await runCli(repoWithTwoCommits().dir, ['review']);
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('`review` calls the model and needs ANTHROPIC_API_KEY');
    expect(out.stderr).toContain('`claude-pr-review preview` is the dry run');
    expect(out.stderr).not.toContain('anthropic-api-key');
  });

  test('a subscription OAuth token is refused before any request, with what to use instead', async () => {
    const anthropic = await fake();
    const out = await runCli(repoWithTwoCommits().dir, ['review'], {
      ANTHROPIC_API_KEY: 'sk-ant-oat01-subscription',
      ANTHROPIC_BASE_URL: anthropic.url,
    });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('ANTHROPIC_API_KEY holds a Claude subscription OAuth token');
    expect(out.stderr).toContain('console.anthropic.com');
    expect(out.stderr).not.toContain('sk-ant-oat01-subscription');
    expect(anthropic.requests).toEqual([]);
  });

  test('a rejected key (401) ends with the variable to check and how to get a key', async () => {
    const anthropic = await fake({ respond: ONE_FINDING, credentials: { good: 'sk-ant-api03-good' } });
    const out = await runCli(repoWithTwoCommits().dir, ['review'], {
      ANTHROPIC_API_KEY: 'sk-ant-api03-wrong',
      ANTHROPIC_BASE_URL: anthropic.url,
    });
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('HTTP 401');
    expect(out.stderr).toContain('check ANTHROPIC_API_KEY');
    expect(out.stderr).toContain('console.anthropic.com → API keys');
    expect(out.stderr).not.toContain('`anthropic-api-key`');
    expect(out.stderr).not.toContain('sk-ant-api03-wrong');
    expect(anthropic.requestsTo('messages')).toEqual([]);
  });

  test('outside a git repository, and with an unknown ref, it says what to do', async () => {
    const plain = mkdtempSync(join(tmpdir(), 'cpr-not-a-repo-'));
    const notRepo = await runCli(plain, ['preview']);
    expect(notRepo.code).toBe(1);
    expect(notRepo.stderr).toContain(
      'is not a git repository: run claude-pr-review inside a clone, or pass --repo DIR',
    );
    const missing = await runCli(plain, ['preview', '--repo', join(plain, 'nowhere')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('is not a directory');

    const repo = repoWithTwoCommits();
    const ref = await runCli(repo.dir, ['review', '--base', 'no-such-branch'], { ANTHROPIC_API_KEY: 'sk-ant-api03-x' });
    expect(ref.code).toBe(1);
    expect(ref.stderr).toContain('--base `no-such-branch` is not a commit');
    expect(ref.stderr).toContain('git branch -a');
    repo.git('update-ref', 'refs/remotes/origin/trunk', 'HEAD~1');
    const remote = await runCli(repo.dir, ['preview', '--base', 'trunk']);
    expect(remote.stderr).toContain('did you mean `--base origin/trunk`?');
  });

  test('a bad flag value names the flag; an unknown command prints the usage with exit code 2', async () => {
    const dir = repoWithTwoCommits().dir;
    const bad = await runCli(dir, ['preview', '--max-tokens-per-run', 'lots']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('`--max-tokens-per-run` must be a whole number');
    const unknown = await runCli(dir, ['reveiw']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Usage: claude-pr-review <preview|review>');
  });

  // A real pseudo-terminal (util-linux `script`), where the status line is drawn.
  const hasScript = spawnSync('script', ['--version']).status === 0;
  (hasScript ? test : test.skip)(
    'on a terminal the status line shows part i of n and leaves nothing behind',
    async () => {
      const repo = makeRepo();
      repo.write('a.ts', 'a\n');
      repo.commit('base');
      // Enough diff for several parts: every part's request is one Messages call.
      for (let f = 0; f < 8; f++) {
        repo.write(
          `src/f${f}.ts`,
          lines(2500, (i) => `export const f${f}_${i} = compute(${i}, "${'x'.repeat(20)}");`),
        );
      }
      repo.commit('large');
      const anthropic = await fake({ respond: () => ({ toolInput: { summary: 'Part.', findings: [] } }), delayMs: 20 });
      const command = [process.execPath, DIST, 'review', '--model', 'sonnet', '--max-tokens-per-run', '900000']
        .map((a) => `'${a}'`)
        .join(' ');
      // Spawned, not run synchronously: the fake server answers from this process's event loop.
      const child = spawn('script', ['-qfec', command, devNull], {
        cwd: repo.dir,
        env: {
          PATH: process.env.PATH ?? '',
          HOME: repo.dir,
          NO_COLOR: '1',
          GIT_CONFIG_GLOBAL: devNull,
          ANTHROPIC_API_KEY: 'sk-ant-api03-tty',
          ANTHROPIC_BASE_URL: anthropic.url,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let raw = '';
      child.stdout.on('data', (d: Buffer) => (raw += d.toString()));
      const code = await new Promise<number | null>((done) => child.on('close', done));
      expect(code).toBe(0);
      expect(anthropic.requestsTo('messages').length).toBeGreaterThan(2);
      expect(raw).toMatch(/Reviewing part \d+ of (?:[2-9]|\d\d+)/);
      const shown = screen(raw).filter((l) => l.trim() !== '');
      expect(shown.some((l) => /Reviewing part|Planning|Checking the findings/.test(l))).toBe(false);
      expect(shown.at(-1)).toMatch(/^Done: 0 findings; spent [\d,]+ of 900,000 tokens, est\. \$[\d.]+\.$/);
    },
  );
});
