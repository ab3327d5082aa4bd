import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * A throwaway git repository for producing REAL `git diff` output. The user's own git
 * configuration is shut out so options like diff.noprefix cannot change the format.
 */
export type TempRepo = {
  dir: string;
  git: (...args: string[]) => string;
  write: (file: string, content: string | Buffer) => void;
  remove: (file: string) => void;
  makeExecutable: (file: string) => void;
  /** Stages everything and commits; returns the commit SHA. */
  commit: (message?: string) => string;
  cleanup: () => void;
};

const ENV = {
  ...process.env,
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: os.devNull,
  GIT_AUTHOR_DATE: '2024-01-01T00:00:00Z',
  GIT_COMMITTER_DATE: '2024-01-01T00:00:00Z',
};

export function makeRepo(): TempRepo {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-test-'));
  const git = (...args: string[]): string =>
    execFileSync(
      'git',
      ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', '-c', 'core.autocrlf=false', ...args],
      { cwd: dir, env: ENV, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
    );
  git('init', '-q');
  const full = (file: string): string => path.join(dir, file);
  return {
    dir,
    git,
    write: (file, content) => {
      fs.mkdirSync(path.dirname(full(file)), { recursive: true });
      fs.writeFileSync(full(file), content);
    },
    remove: (file) => fs.rmSync(full(file)),
    makeExecutable: (file) => fs.chmodSync(full(file), 0o755),
    commit: (message = 'c') => {
      git('add', '-A');
      git('commit', '-q', '--allow-empty', '-m', message);
      return git('rev-parse', 'HEAD').trim();
    },
    cleanup: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}

/** Runs `body` with a fresh repo and always removes it. */
export function withRepo<T>(body: (repo: TempRepo) => T): T {
  const repo = makeRepo();
  try {
    return body(repo);
  } finally {
    repo.cleanup();
  }
}

/** Base commit from `before`, head commit after `change`; returns `git diff base head` (+ args). */
export function diffOf(
  before: (repo: TempRepo) => void,
  change: (repo: TempRepo) => void,
  args: string[] = ['-M'],
): string {
  return withRepo((repo) => {
    before(repo);
    const base = repo.commit('base');
    change(repo);
    const head = repo.commit('head');
    return repo.git('diff', ...args, base, head);
  });
}
