import { afterEach, describe, expect, test } from '@jest/globals';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startFakeAnthropic, type FakeAnthropic } from '../fakes/anthropic-server.js';
import { DIST } from '../e2e/harness.js';

let servers: FakeAnthropic[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

function repoWithTwoCommits(): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpr-preview-'));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: dir,
        env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1' },
      },
    );
  git('init', '-q');
  mkdirSync(join(dir, 'src'));
  writeFileSync(
    join(dir, 'src/app.ts'),
    Array.from({ length: 30 }, (_, i) => `export const v${i} = ${i};`).join('\n') + '\n',
  );
  git('add', '.');
  git('commit', '-qm', 'base');
  writeFileSync(
    join(dir, 'src/app.ts'),
    Array.from({ length: 30 }, (_, i) => `export const v${i} = ${i === 12 ? 'null!' : i};`).join('\n') + '\n',
  );
  writeFileSync(join(dir, 'package-lock.json'), '{}\n');
  git('add', '.');
  git('commit', '-qm', 'Make v12 null');
  return dir;
}

async function preview(cwd: string, args: string[], env: Record<string, string> = {}, command = 'preview') {
  const child = spawn(process.execPath, [DIST, command, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stdout, stderr };
}

describe('npm run preview (the bundled CLI on a local git repository)', () => {
  test('with no key it is a dry run that shows files, size, tier, model, token plan and cost', async () => {
    const dir = repoWithTwoCommits();
    const out = await preview(dir, []);
    expect(out.stderr).toContain('2 changed line(s) to review; 1 filtered out');
    expect(out.stderr).toContain('small tier → claude-haiku-5-5');
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('dry run');
    expect(out.stdout).toContain('`src/app.ts` (+1 −1)');
    expect(out.stdout).toMatch(/`package-lock\.json` \| lock file/);
    expect(out.stdout).toContain('claude-haiku-5-5');
    expect(out.stdout).toMatch(/~[\d,]+ input tokens \(estimated\) and `max_tokens` [\d,]+/);
    expect(out.stdout).toMatch(/at most \$\d+\.\d+/);
    expect(out.stdout).toContain('No ANTHROPIC_API_KEY set');
    expect(out.stdout).not.toContain('<!--');
  });

  test('with a key it prints the real review instead of posting it', async () => {
    const dir = repoWithTwoCommits();
    const anthropic = await startFakeAnthropic({
      respond: () => ({
        toolInput: {
          summary: 'Sets v12 to a non-null assertion.',
          findings: [
            {
              path: 'src/app.ts',
              line: 13,
              side: 'RIGHT',
              severity: 'high',
              title: 'Null assertion',
              body: '`null!` is always null.',
            },
          ],
        },
      }),
    });
    servers.push(anthropic);
    const out = await preview(dir, [], {
      ANTHROPIC_API_KEY: 'sk-ant-api03-preview',
      ANTHROPIC_BASE_URL: anthropic.url,
    });
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('── src/app.ts:13');
    expect(out.stdout).toContain('Null assertion');
    expect(out.stdout).toContain('Sets v12 to a non-null assertion.');
    expect(anthropic.requestsTo('messages')).toHaveLength(1);
  });

  test('bad flags and bad refs fail with a message that says what to change', async () => {
    const dir = repoWithTwoCommits();
    const bad = await preview(dir, ['--max-tokens-per-run', 'lots']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('`max-tokens-per-run` must be a whole number');
    const ref = await preview(dir, ['--base', 'no-such-branch']);
    expect(ref.code).toBe(1);
    expect(ref.stderr).toContain('--base `no-such-branch` is not a commit');
  });
});

describe('claude-pr-review review (local changes, printed in the terminal)', () => {
  const answer = () => ({
    toolInput: {
      summary: 'Sets v12 to a non-null assertion.',
      findings: [
        {
          path: 'src/app.ts',
          line: 13,
          side: 'RIGHT',
          severity: 'high',
          title: 'Null assertion',
          body: '`null!` is always null.',
        },
      ],
    },
  });

  test('prints each finding with its location and severity, plain when not a terminal', async () => {
    const dir = repoWithTwoCommits();
    const anthropic = await startFakeAnthropic({ respond: answer });
    servers.push(anthropic);
    const base = execFileSync('git', ['rev-parse', 'HEAD~1'], { cwd: dir, encoding: 'utf8' }).trim();
    const out = await preview(
      dir,
      ['--base', base],
      { ANTHROPIC_API_KEY: 'sk-ant-api03-cli', ANTHROPIC_BASE_URL: anthropic.url },
      'review',
    );
    expect(out.code).toBe(0);
    expect(out.stdout).toContain('── src/app.ts:13');
    expect(out.stdout).toContain('🟠 High: Null assertion');
    expect(out.stdout).not.toContain('\u001b['); // no colour codes in a pipe
    expect(out.stdout).not.toContain('<!--');
  });

  test('without a key it says to set one, and that preview is the dry run', async () => {
    const dir = repoWithTwoCommits();
    const out = await preview(dir, [], {}, 'review');
    expect(out.code).toBe(1);
    expect(out.stderr).toContain('`review` needs ANTHROPIC_API_KEY');
    expect(out.stderr).toContain('`preview` is the dry run');
  });

  test('an unknown command prints the usage', async () => {
    const out = await preview(repoWithTwoCommits(), [], {}, 'reveiw');
    expect(out.code).toBe(2);
    expect(out.stderr).toContain('Usage: claude-pr-review <preview|review>');
  });
});
