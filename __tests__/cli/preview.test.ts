import { afterEach, describe, expect, test } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server.js';
import { DIST, lines, makeRepo, repoWithTwoCommits, runCli } from './cli-harness.js';

let servers: FakeAnthropic[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

/**
 * A branch that changed one line of one file, while main moved on by 15 commits touching 15
 * other files: what a pull request of the branch shows is that one line.
 */
function branchBehindMain() {
  const repo = makeRepo();
  repo.write(
    'src/app.ts',
    lines(30, (i) => `export const v${i} = ${i};`),
  );
  repo.commit('base');
  repo.git('checkout', '-qb', 'feature');
  repo.write(
    'src/app.ts',
    lines(30, (i) => `export const v${i} = ${i === 3 ? 'null!' : i};`),
  );
  const head = repo.commit('feature: one line');
  repo.git('checkout', '-q', 'main');
  for (let i = 0; i < 15; i++) {
    repo.write(
      `lib/m${i}.ts`,
      lines(10, (j) => `export const m${i}_${j} = ${j};`),
    );
    repo.commit(`main ${i}`);
  }
  repo.git('checkout', '-q', 'feature');
  const mergeBase = repo.git('merge-base', 'main', 'feature');
  return { repo, head, mergeBase };
}

describe('claude-pr-review preview (the bundled CLI on a local git repository)', () => {
  test('with no key it is a dry run that shows files, size, tier, model, planned tokens and cost', async () => {
    const repo = repoWithTwoCommits();
    const out = await runCli(repo.dir, ['preview']);
    expect(out.code).toBe(0);
    expect(out.stderr).toMatch(
      /^HEAD~1\.\.\.HEAD \([0-9a-f]{7}\.\.[0-9a-f]{7}\): 1 file\(s\), 2 changed line\(s\) to review; 1 filtered out$/m,
    );
    expect(out.stderr).toContain('small tier → claude-haiku-5-5; ceiling 100,000 tokens');
    expect(out.stderr).not.toContain('PR #0');
    expect(out.stdout).toMatch(/^Claude review of HEAD~1\.\.\.HEAD \(\w{7}\.\.\w{7}\): dry run, nothing was sent$/m);
    // Plain aligned text: no HTML, hidden markers or Markdown tables.
    for (const markup of ['<details', '<summary', '<sub>', '<!--', '|---', '| Model'])
      expect(out.stdout).not.toContain(markup);
    expect(out.stdout).toMatch(/^Files +2 changed: 1 to review, 1 left out$/m);
    expect(out.stdout).toMatch(/^ +to review +src\/app\.ts +\+1 −1$/m);
    expect(out.stdout).toMatch(/^ +left out +package-lock\.json +lock file$/m);
    expect(out.stdout).toMatch(/^Model +claude-haiku-5-5 \(built-in table\)$/m);
    // The plan, not 0 / 0 and $0.00.
    expect(out.stdout).toMatch(/^Tokens +~[1-9][\d,]* in \/ up to 8,192 out, planned in one call/m);
    expect(out.stdout).toMatch(/^Est\. cost +at most \$0\.0*[1-9]\d*$/m);
    expect(out.stdout).not.toMatch(/0 \/ 0|\$0\.00\b/);
    const last = out.stdout.split('\n').at(-2);
    expect(out.stdout.endsWith('\n')).toBe(true);
    expect(last).toMatch(
      /^Dry run, nothing was sent: planned at most [1-9]\d{0,2}(,\d{3})* of 100,000 tokens, est\. at most \$[\d.]+\. /,
    );
  });

  test('never calls the model, even with ANTHROPIC_API_KEY exported', async () => {
    const repo = repoWithTwoCommits();
    const anthropic = await startFakeAnthropic({});
    servers.push(anthropic);
    const out = await runCli(repo.dir, ['preview'], {
      ANTHROPIC_API_KEY: 'sk-ant-api03-exported',
      ANTHROPIC_BASE_URL: anthropic.url,
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('dry run, nothing was sent');
    expect(out.stderr).toContain('`preview` never calls the model');
    expect(anthropic.requests).toEqual([]);
  });

  test('--base main reviews what the pull request shows: the changes since the merge base', async () => {
    const { repo, head, mergeBase } = branchBehindMain();
    const spaced = await runCli(repo.dir, ['preview', '--base', 'main']);
    const joined = await runCli(repo.dir, ['preview', '--base=main']);
    expect(spaced.code).toBe(0);
    expect(joined.stdout).toBe(spaced.stdout);
    const range = `main...HEAD (${mergeBase.slice(0, 7)}..${head.slice(0, 7)})`;
    expect(spaced.stderr).toContain(`${range}: 1 file(s), 2 changed line(s) to review; 0 filtered out`);
    expect(spaced.stdout).toContain(`Claude review of ${range}: dry run`);
    expect(spaced.stdout).toMatch(/^Files +1 changed: 1 to review, 0 left out$/m);
    expect(spaced.stdout).toMatch(/^Tier +small \(2 changed lines\)$/m);
    expect(spaced.stdout).not.toContain('lib/m');
  });

  test('a branch with no changes of its own says there is nothing to review', async () => {
    const repo = repoWithTwoCommits();
    const out = await runCli(repo.dir, ['preview', '--base', 'HEAD']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Claude review of HEAD\.\.\.HEAD \(\w{7}\.\.\w{7}\): nothing to review$/m);
    expect(out.stdout.split('\n').at(-2)).toBe('Nothing to review, so nothing was sent.');
  });

  test('--repo DIR reviews another repository than the current directory', async () => {
    const repo = repoWithTwoCommits();
    const elsewhere = makeRepo('cpr-elsewhere-');
    const out = await runCli(elsewhere.dir, ['preview', '--repo', repo.dir]);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/to review +src\/app\.ts/);
  });

  test('a partly reviewed file is counted once, and the counts add up to the changed files', async () => {
    const repo = makeRepo();
    repo.write('small.ts', 'a\n');
    repo.commit('base');
    repo.write('small.ts', 'a\nb\n');
    repo.write(
      'big.ts',
      lines(4000, (i) => `export const value${i} = compute(${i}, "${i * 7}");`),
    );
    repo.commit('big');
    const out = await runCli(repo.dir, ['preview', '--max-tokens-per-run', '20000']);
    expect(out.code).toBe(0);
    expect(out.stdout).toMatch(/^Files +2 changed: 1 to review, 1 partly to review, 0 left out$/m);
    expect(out.stdout).toMatch(/^ +partly +big\.ts +[\d,]+ of 4,000 changed lines/m);
    expect(out.stdout.match(/big\.ts/g)).toHaveLength(1);
  });

  test('a model id that no table knows is warned about; a known one is not', async () => {
    const repo = repoWithTwoCommits();
    const typo = await runCli(repo.dir, ['preview', '--model', 'claude-sonet-5-5']);
    expect(typo.code).toBe(0);
    expect(typo.stderr).toContain('warning: --model `claude-sonet-5-5` matches no known model');
    const known = await runCli(repo.dir, ['preview', '--model', 'claude-sonnet-5-5']);
    expect(known.stderr).not.toContain('matches no known model');
  });

  test('--version prints the package version and -h the usage, both with exit code 0', async () => {
    const dir = repoWithTwoCommits().dir;
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    const version = await runCli(dir, ['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `${pkg.version}\n` });
    const help = await runCli(dir, ['-h']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: claude-pr-review <preview|review>');
    expect(help.stdout).toContain('ANTHROPIC_API_KEY');
  });

  test('run alone, outside a runner, it prints the usage instead of starting the action', async () => {
    const out = await runCli(repoWithTwoCommits().dir, []);
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('no command given');
    expect(out.stderr).toContain('Usage: claude-pr-review <preview|review>');
  });

  test('the bundle starts with a shebang, so the package.json bin runs it with node', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      bin: Record<string, string>;
    };
    expect(pkg.bin['claude-pr-review']).toBe('dist/index.js');
    expect(readFileSync(DIST, 'utf8').split('\n', 1)[0]).toBe('#!/usr/bin/env node');
  });
});
