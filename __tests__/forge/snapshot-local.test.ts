import { afterEach, describe, expect, test } from '@jest/globals';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ForgeError } from '../../src/forge/forge-error.js';
import { createLocalSnapshot } from '../../src/forge/local-snapshot.js';
import { makeRepo, type TempRepo } from '../diff/git-repo.js';

// The local snapshot reader against a real git repository: ls-tree and cat-file only.

const LONG = `${'nested/'.repeat(30)}deep.ts`;
let repo: TempRepo;
afterEach(() => repo?.cleanup());

function build(): { first: string; second: string } {
  repo = makeRepo();
  repo.write('src/a.ts', 'export const a = 1;\n');
  repo.write('docs/a b/ünï.md', 'odd ✓\n');
  repo.write('img/logo.png', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 1, 2]));
  repo.write('big.txt', 'x'.repeat(2000));
  repo.write(LONG, 'deep\n');
  repo.write('empty.txt', '');
  fs.symlinkSync('src/a.ts', path.join(repo.dir, 'link.ts'));
  const first = repo.commit('one');
  // A submodule as git records it: a gitlink entry, whose commit is not in this repository.
  repo.git('update-index', '--add', '--cacheinfo', `160000,${'1'.repeat(40)},vendor/lib`);
  repo.git('commit', '-q', '-m', 'submodule');
  repo.write('src/a.ts', 'export const a = 2;\n');
  const second = repo.commit('two');
  return { first, second };
}

describe('local snapshot (git plumbing)', () => {
  test('listFiles: regular files and sizes, from any folder; no links, submodules or folders', async () => {
    const { second } = build();
    const reader = createLocalSnapshot({ cwd: path.join(repo.dir, 'docs') });
    const { files, truncated } = await reader.listFiles(second);
    expect(truncated).toBe(false);
    expect(files.sort((a, b) => a.path.localeCompare(b.path))).toEqual(
      [
        { path: 'big.txt', size: 2000 },
        { path: 'docs/a b/ünï.md', size: Buffer.byteLength('odd ✓\n') },
        { path: 'empty.txt', size: 0 },
        { path: 'img/logo.png', size: 8 },
        { path: LONG, size: 5 },
        { path: 'src/a.ts', size: 20 },
      ].sort((a, b) => a.path.localeCompare(b.path)),
    );
  });

  test('readFiles reads each commit; binary, too-large, missing and folder paths are absent', async () => {
    const { first, second } = build();
    const reader = createLocalSnapshot({ cwd: repo.dir, maxFileBytes: 1000 });
    const wanted = ['src/a.ts', 'docs/a b/ünï.md', 'img/logo.png', 'big.txt', 'nope.ts', 'src', LONG, 'empty.txt'];
    expect([...(await reader.readFiles(wanted, second))]).toEqual([
      ['src/a.ts', 'export const a = 2;\n'],
      ['docs/a b/ünï.md', 'odd ✓\n'],
      [LONG, 'deep\n'],
      ['empty.txt', ''],
    ]);
    expect((await reader.readFiles(['src/a.ts'], first)).get('src/a.ts')).toBe('export const a = 1;\n');
    expect((await reader.readFiles(['src/a.ts'], 'HEAD~2')).get('src/a.ts')).toBe('export const a = 1;\n');
  });

  test('an unknown commit: listFiles says to fetch it; readFiles reads nothing', async () => {
    build();
    const reader = createLocalSnapshot({ cwd: repo.dir });
    const error = await reader.listFiles('f'.repeat(40)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ForgeError);
    expect((error as Error).message).toMatch(/is not a commit of the repository at .*git fetch origin/);
    expect((await reader.readFiles(['src/a.ts'], 'f'.repeat(40))).size).toBe(0);
  });

  test('a ref that git would take for an option is refused before git runs', async () => {
    build();
    const reader = createLocalSnapshot({ cwd: repo.dir });
    await expect(reader.listFiles('--output=/tmp/x')).rejects.toThrow(/is not a commit name/);
    await expect(reader.readFiles(['a'], '-p')).rejects.toThrow(/is not a commit name/);
  });

  test('readAll: the kept texts, or null when their sizes add up past maxBytes', async () => {
    const { second } = build();
    const reader = createLocalSnapshot({ cwd: repo.dir });
    const keep = (p: string) => p.endsWith('.ts') || p.endsWith('.txt');
    const texts = await reader.readAll!(second, { maxBytes: 1 << 20, keep });
    expect([...(texts?.keys() ?? [])].sort()).toEqual(['big.txt', 'empty.txt', LONG, 'src/a.ts'].sort());
    expect(await reader.readAll!(second, { maxBytes: 1000, keep })).toBeNull();
  });

  test('reads many files in one go (one cat-file --batch, not a process per file)', async () => {
    repo = makeRepo();
    for (let i = 0; i < 500; i++) repo.write(`f/${i}.ts`, `export const v${i} = ${i};\n`);
    const head = repo.commit('many');
    const reader = createLocalSnapshot({ cwd: repo.dir });
    const texts = await reader.readFiles(
      Array.from({ length: 500 }, (_, i) => `f/${i}.ts`),
      head,
    );
    expect(texts.size).toBe(500);
    expect(texts.get('f/0.ts')).toBe('export const v0 = 0;\n');
    expect(texts.get('f/499.ts')).toBe('export const v499 = 499;\n');
  });
});
