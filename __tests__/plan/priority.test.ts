import { describe, expect, test } from '@jest/globals';
import type { DiffFile, DiffLine, Hunk } from '../../src/diff/types.js';
import { classifyFile, hunkRank, isDeletionOnly, PRIORITY_ORDER_TEXT, type FileKind } from '../../src/plan/priority.js';

function hunk(ops: string): Hunk {
  let oldNo = 1;
  let newNo = 1;
  const lines: DiffLine[] = [...ops].map((op) => {
    if (op === '+') return { kind: 'add', oldLine: null, newLine: newNo++, text: 'x' };
    if (op === '-') return { kind: 'del', oldLine: oldNo++, newLine: null, text: 'x' };
    return { kind: 'context', oldLine: oldNo++, newLine: newNo++, text: 'x' };
  });
  return {
    oldStart: oldNo > 1 ? 1 : 0,
    oldLines: oldNo - 1,
    newStart: newNo > 1 ? 1 : 0,
    newLines: newNo - 1,
    section: '',
    lines,
    oldNoNewlineAtEnd: false,
    newNoNewlineAtEnd: false,
  };
}

function file(path: string, hunks: Hunk[], extra: Partial<DiffFile> = {}): DiffFile {
  return {
    path,
    oldPath: null,
    status: 'modified',
    binary: false,
    modeChange: null,
    submodule: false,
    hunks,
    additions: 0,
    deletions: 0,
    ...extra,
  };
}

describe('classifyFile', () => {
  const table: [string, FileKind][] = [
    ['src/index.ts', 'code'],
    ['lib/parser.py', 'code'],
    ['cmd/main.go', 'code'],
    ['Makefile', 'code'],
    ['src/contest.ts', 'code'],
    ['src/Contest.java', 'code'],
    ['src/docs.ts', 'code'],
    ['src/testing.ts', 'code'],
    ['src/latest.ts', 'code'],
    ['__tests__/plan/chunks.test.ts', 'test'],
    ['test/helpers.js', 'test'],
    ['tests/conftest.py', 'test'],
    ['spec/models/user_spec.rb', 'test'],
    ['src/app.test.ts', 'test'],
    ['src/app.spec.tsx', 'test'],
    ['pkg/server/handler_test.go', 'test'],
    ['pkg/test_utils.py', 'test'],
    ['src/test/java/com/x/FooTest.java', 'test'],
    ['Sources/AppTests.swift', 'test'],
    ['conftest.py', 'test'],
    ['src/__mocks__/fs.ts', 'test'],
    ['tests/fixtures/data.json', 'test'],
    ['README.md', 'docs'],
    ['docs/guide/intro.rst', 'docs'],
    ['notes.txt', 'docs'],
    ['docs/conf.py', 'docs'],
    ['doc/api.html', 'docs'],
    ['LICENSE', 'docs'],
    ['CHANGELOG', 'docs'],
    ['tests/README.md', 'docs'],
    ['package.json', 'config'],
    ['tsconfig.json', 'config'],
    ['config/app.yml', 'config'],
    ['docker-compose.yaml', 'config'],
    ['pyproject.toml', 'config'],
    ['setup.cfg', 'config'],
    ['tox.ini', 'config'],
    ['.github/workflows/test.yml', 'config'],
    ['.github/scripts/release.js', 'config'],
    ['.gitea/workflows/ci.yaml', 'config'],
    ['Dockerfile', 'config'],
    ['docker/Dockerfile.dev', 'config'],
    ['.gitignore', 'config'],
    ['.eslintrc.cjs', 'config'],
    ['jest.config.js', 'config'],
    ['vite.config.mts', 'config'],
    ['pom.xml', 'config'],
  ];
  test.each(table)('%s → %s', (path, kind) => {
    expect(classifyFile(path)).toBe(kind);
  });
});

describe('hunkRank', () => {
  const adds = hunk(' +-');
  const dels = hunk(' -- ');
  test('code < test < docs < config for hunks that add lines', () => {
    const ranks = ['src/a.ts', 'src/a.test.ts', 'README.md', 'package.json'].map((p) =>
      hunkRank(file(p, [adds]), adds),
    );
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(new Set(ranks).size).toBe(4);
  });

  test('every deletion-only hunk ranks after every hunk with additions, kinds in the same order', () => {
    const paths = ['src/a.ts', 'src/a.test.ts', 'README.md', 'package.json'];
    const withAdds = paths.map((p) => hunkRank(file(p, [adds]), adds));
    const deletionOnly = paths.map((p) => hunkRank(file(p, [dels]), dels));
    expect(Math.min(...deletionOnly)).toBeGreaterThan(Math.max(...withAdds));
    expect(deletionOnly).toEqual([...deletionOnly].sort((a, b) => a - b));
  });

  test('an edited rename is ranked by its hunks like any other file', () => {
    const renamed = file('src/b.ts', [adds], { oldPath: 'src/a.ts', status: 'renamed' });
    expect(hunkRank(renamed, adds)).toBe(hunkRank(file('src/b.ts', [adds]), adds));
  });

  test('isDeletionOnly: no added line', () => {
    expect(isDeletionOnly(hunk('--'))).toBe(true);
    expect(isDeletionOnly(hunk(' - '))).toBe(true);
    expect(isDeletionOnly(hunk('-+'))).toBe(false);
    expect(isDeletionOnly(hunk('+'))).toBe(false);
  });
});

describe('PRIORITY_ORDER_TEXT', () => {
  test('is a short Markdown list naming the order', () => {
    const lines = PRIORITY_ORDER_TEXT.split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.length).toBeLessThanOrEqual(6);
    for (const line of lines) expect(line).toMatch(/^\d+\. /);
    expect(PRIORITY_ORDER_TEXT).toMatch(/Code first, then tests, then docs, then config/);
    expect(PRIORITY_ORDER_TEXT).toMatch(/only delete lines/);
  });
});
