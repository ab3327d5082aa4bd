/**
 * Runs the bundled CLI as a user would: `node dist/index.js <command> …` in a temporary git
 * repository, with only the environment given (no key unless a test passes one).
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DIST } from '../e2e/harness.js';

export { DIST };

export type Repo = {
  dir: string;
  git: (...args: string[]) => string;
  write: (path: string, text: string) => void;
  commit: (message: string) => string;
};

/** A repository whose git sees no user or system configuration (deterministic diffs). */
export function makeRepo(prefix = 'cpr-cli-'): Repo {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      ['-c', 'user.name=t', '-c', 'user.email=t@example.test', '-c', 'commit.gpgsign=false', ...args],
      {
        cwd: dir,
        encoding: 'utf8',
        env: { PATH: process.env.PATH ?? '', HOME: dir, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull },
      },
    ).trim();
  git('init', '-q', '-b', 'main');
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  };
  const commit = (message: string) => {
    git('add', '-A');
    git('commit', '-qm', message);
    return git('rev-parse', 'HEAD');
  };
  return { dir, git, write, commit };
}

export const lines = (n: number, at: (i: number) => string) =>
  Array.from({ length: n }, (_, i) => at(i)).join('\n') + '\n';

/** The usual fixture: a base commit, then a commit that changes one line of src/app.ts and adds a lock file. */
export function repoWithTwoCommits(): Repo {
  const repo = makeRepo();
  repo.write(
    'src/app.ts',
    lines(30, (i) => `export const v${i} = ${i};`),
  );
  repo.commit('base');
  repo.write(
    'src/app.ts',
    lines(30, (i) => `export const v${i} = ${i === 12 ? 'null!' : i};`),
  );
  repo.write('package-lock.json', '{}\n');
  repo.commit('Make v12 null');
  return repo;
}

export type CliRun = { code: number | null; stdout: string; stderr: string };

export async function runCli(cwd: string, args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, [DIST, ...args], {
    cwd,
    env: { PATH: process.env.PATH ?? '', HOME: cwd, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  return { code, stdout, stderr };
}

/** One finding on src/app.ts line 13 (the changed line), as the fake model's structured answer. */
export const ONE_FINDING = () => ({
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

/**
 * What a terminal shows after `raw` was written to it: `\r` returns to the line's start,
 * `ESC[2K` erases the line, other escape codes are dropped. Enough to see whether a status
 * line was left behind or printed over.
 */
export function screen(raw: string): string[] {
  const rows: string[] = [''];
  let col = 0;
  const text = raw.replace(/\r\n/g, '\n');
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\u001b') {
      // eslint-disable-next-line no-control-regex -- reading terminal escape codes is the point
      const m = /^\u001b\[(\d*)([A-Za-z])/.exec(text.slice(i));
      if (m) {
        if (m[2] === 'K' && m[1] === '2') rows[rows.length - 1] = '';
        i += m[0].length - 1;
        continue;
      }
    }
    if (ch === '\r') col = 0;
    else if (ch === '\n') {
      rows.push('');
      col = 0;
    } else {
      const row = rows[rows.length - 1]!.padEnd(col);
      rows[rows.length - 1] = row.slice(0, col) + ch + row.slice(col + 1);
      col++;
    }
  }
  return rows;
}
