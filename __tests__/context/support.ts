import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { devNull, tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseDiff } from '../../src/diff/parse.js';
import type { DiffFile } from '../../src/diff/types.js';
import type { ContextPiece } from '../../src/context/types.js';

export const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');

/** A fixture file's text. Fixtures of TS/JS carry a `.txt` suffix so the project's tsc and eslint leave them alone. */
export function fixture(path: string): string {
  return readFileSync(join(FIXTURES, path), 'utf8');
}

/** 1-based line of the first line of `text` that contains `needle`; throws when there is none (a broken fixture). */
export function lineOf(text: string, needle: string, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i]!.includes(needle)) return i + 1;
  throw new Error(`fixture has no line with ${JSON.stringify(needle)}`);
}

/** 1-based line, at or after `from`, whose whole text is `line`. */
export function exactLineOf(text: string, line: string, from = 1): number {
  const lines = text.split('\n');
  for (let i = from - 1; i < lines.length; i++) if (lines[i] === line) return i + 1;
  throw new Error(`fixture has no line ${JSON.stringify(line)}`);
}

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

/** A fixture repository: `base/` is the tree before the PR, `head/` overlays the files it changes or adds. */
export type FixtureRepo = { base: Map<string, string>; head: Map<string, string>; diff: DiffFile[] };

/** Loads `fixtures/<name>/` and diffs base against head with real git, as the forge would. */
export function loadRepo(name: string): FixtureRepo {
  const base = readTree(join(FIXTURES, name, 'base'));
  return gitRepo(base, readTree(join(FIXTURES, name, 'head')));
}

/**
 * A repository from texts: `base` is the tree before the PR; `changes` maps each path the PR
 * touches to its new text, or to null when the PR deletes it. Diffed with real git.
 */
export function gitRepo(
  base: ReadonlyMap<string, string> | Record<string, string>,
  changes: ReadonlyMap<string, string | null> | Record<string, string | null>,
): FixtureRepo {
  const baseMap = new Map(base instanceof Map ? base : Object.entries(base));
  const changeMap = new Map(changes instanceof Map ? changes : Object.entries(changes));
  const head = new Map(baseMap);
  for (const [path, text] of changeMap) {
    if (text === null) head.delete(path);
    else head.set(path, text);
  }
  const dir = mkdtempSync(join(tmpdir(), 'ctx-repo-'));
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: devNull };
  const git = (...args: string[]): string =>
    execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], {
      cwd: dir,
      env,
      encoding: 'utf8',
    });
  try {
    git('init', '-q');
    const write = (files: Map<string, string | null>): void => {
      for (const [path, text] of files) {
        if (text === null) {
          rmSync(join(dir, path));
          continue;
        }
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), text);
      }
    };
    write(baseMap);
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    write(changeMap);
    git('add', '-A');
    git('commit', '-q', '--allow-empty', '-m', 'head');
    return { base: baseMap, head, diff: parseDiff(git('diff', 'HEAD~1', 'HEAD')) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** True when some piece shows line `line` of `path` (head side unless told). */
export function shows(
  pieces: readonly ContextPiece[],
  path: string,
  line: number,
  side: 'head' | 'base' = 'head',
): boolean {
  return pieces.some((p) => p.path === path && p.side === side && p.ranges.some(([s, e]) => line >= s && line <= e));
}
