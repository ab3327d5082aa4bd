import { describe, expect, test } from '@jest/globals';
import { parseDiff } from '../../src/diff/parse.js';
import type { Comparison, ForgeClient } from '../../src/ports.js';
import { narrowToChanges, reviewScope } from '../../src/review/scope.js';
import { EMPTY_STATE, type ReviewState } from '../../src/state/marker.js';
import { addedFile, codeLines, editedFile } from '../support/diffs.js';
import { memoryForge } from '../support/memory-forge.js';

const OLD = '1234567'.padEnd(40, '0');
const HEAD = 'abcdef0'.padEnd(40, '9');

/** A modified file of `total` lines where each `[from, to]` range was replaced: one hunk per range. */
function editedRanges(path: string, total: number, ranges: [number, number][]): string {
  const out = [`diff --git a/${path} b/${path}`, 'index 1111111..2222222 100644', `--- a/${path}`, `+++ b/${path}`];
  for (const [from, to] of ranges) {
    const before = Math.max(1, from - 3);
    const after = Math.min(total, to + 3);
    const n = after - before + 1;
    out.push(`@@ -${before},${n} +${before},${n} @@`);
    for (let i = before; i < from; i++) out.push(` line ${i}`);
    for (let i = from; i <= to; i++) out.push(`-line ${i}`);
    for (let i = from; i <= to; i++) out.push(`+line ${i} changed`);
    for (let i = to + 1; i <= after; i++) out.push(` line ${i}`);
  }
  out.push('');
  return out.join('\n');
}

/** The PR: two far-apart edits in src/a.ts, one in src/b.ts, a new src/c.ts. */
const PR_DIFF =
  editedRanges('src/a.ts', 100, [
    [10, 11],
    [60, 61],
  ]) +
  editedFile('src/b.ts', 40, 20, 20) +
  addedFile('src/c.ts', codeLines(5));
const prFiles = () => parseDiff(PR_DIFF);

const history = (sha: string | null): ReviewState => ({ ...EMPTY_STATE, reviewedSha: sha });

function forgeWith(cmp: Comparison | null): ForgeClient & { compared: string[] } {
  const forge = memoryForge(PR_DIFF);
  const compared: string[] = [];
  const inner = forge.compare.bind(forge);
  if (cmp) forge.comparisons[`${OLD}...${HEAD}`] = cmp;
  forge.compare = async (base, head) => {
    compared.push(`${base}...${head}`);
    return inner(base, head);
  };
  return Object.assign(forge, { compared });
}

describe('narrowToChanges with a diff of the increment (GitHub)', () => {
  test('keeps only the PR hunks the increment touched, and recounts their lines', () => {
    // Since the last review only line 60 of src/a.ts changed.
    const increment = editedFile('src/a.ts', 100, 60, 60);
    const narrowed = narrowToChanges(prFiles(), { status: 'ahead', diff: increment, files: ['src/a.ts'] });
    expect(narrowed.map((f) => f.path)).toEqual(['src/a.ts']);
    expect(narrowed[0]!.hunks).toHaveLength(1);
    expect(narrowed[0]!.hunks[0]!.newStart).toBe(57);
    expect(narrowed[0]!.additions).toBe(2);
    expect(narrowed[0]!.deletions).toBe(2);
  });

  test('an increment touching both hunks of a file keeps both', () => {
    const increment = editedRanges('src/a.ts', 100, [
      [11, 11],
      [61, 61],
    ]);
    const [a] = narrowToChanges(prFiles(), { status: 'ahead', diff: increment, files: ['src/a.ts'] });
    expect(a!.hunks.map((h) => h.newStart)).toEqual([7, 57]);
    expect(a!.additions).toBe(4);
  });

  test('an increment that touches a file only outside the PR’s hunks leaves nothing of it', () => {
    const increment = editedFile('src/a.ts', 100, 35, 35);
    expect(narrowToChanges(prFiles(), { status: 'ahead', diff: increment, files: ['src/a.ts'] })).toEqual([]);
  });

  test('files the increment does not touch are dropped, several touched files are kept in PR order', () => {
    const increment = addedFile('src/c.ts', codeLines(5)) + editedFile('src/b.ts', 40, 20, 20);
    const narrowed = narrowToChanges(prFiles(), { status: 'ahead', diff: increment, files: [] });
    expect(narrowed.map((f) => f.path)).toEqual(['src/b.ts', 'src/c.ts']);
  });

  test('an increment that only deletes lines still selects the hunk around them', () => {
    const increment = [
      'diff --git a/src/b.ts b/src/b.ts',
      'index 2222222..3333333 100644',
      '--- a/src/b.ts',
      '+++ b/src/b.ts',
      '@@ -19,3 +19,2 @@',
      ' line 19',
      '-line 20 changed',
      ' line 21',
      '',
    ].join('\n');
    const narrowed = narrowToChanges(prFiles(), { status: 'ahead', diff: increment, files: ['src/b.ts'] });
    expect(narrowed.map((f) => f.path)).toEqual(['src/b.ts']);
  });
});

describe('narrowToChanges with only a file list (Gitea/Forgejo)', () => {
  test('whole files named in the comparison are kept, hunks untouched', () => {
    const files = prFiles();
    const narrowed = narrowToChanges(files, { status: 'ahead', diff: null, files: ['src/a.ts', 'README.md'] });
    expect(narrowed).toEqual([files[0]]);
    expect(narrowed[0]!.hunks).toHaveLength(2);
  });

  test('a renamed file is found by its old path too', () => {
    const renamed = parseDiff(
      [
        'diff --git a/src/old.ts b/src/new.ts',
        'similarity index 90%',
        'rename from src/old.ts',
        'rename to src/new.ts',
        'index 1111111..2222222 100644',
        '--- a/src/old.ts',
        '+++ b/src/new.ts',
        '@@ -1,2 +1,2 @@',
        '-a',
        '+b',
        ' c',
        '',
      ].join('\n'),
    );
    expect(narrowToChanges(renamed, { status: 'ahead', diff: null, files: ['src/old.ts'] })).toHaveLength(1);
  });
});

describe('reviewScope', () => {
  test('a full request reviews every file and never compares', async () => {
    const forge = forgeWith(null);
    const files = prFiles();
    const scope = await reviewScope(forge, { mode: 'full', tier: null }, history(OLD), HEAD, files);
    expect(scope).toEqual({ files, since: null, notes: [] });
    expect(forge.compared).toEqual([]);
  });

  test('no earlier review: an incremental request reviews every file', async () => {
    const forge = forgeWith(null);
    const files = prFiles();
    const scope = await reviewScope(forge, { mode: 'incremental', tier: null }, EMPTY_STATE, HEAD, files);
    expect(scope).toEqual({ files, since: null, notes: [] });
    expect(forge.compared).toEqual([]);
  });

  test('the head was already reviewed: nothing to review, and the note says how to review again', async () => {
    const forge = forgeWith(null);
    const scope = await reviewScope(forge, { mode: 'incremental', tier: null }, history(HEAD), HEAD, prFiles());
    expect(scope.files).toEqual([]);
    expect(scope.since).toBe(HEAD);
    expect(scope.notes.join('\n')).toContain('`/review full`');
    expect(scope.notes.join('\n')).toContain('abcdef0');
    expect(forge.compared).toEqual([]);
  });

  test('ahead with a diff: only the PR hunks the push touched, “changes since <short sha>”', async () => {
    const forge = forgeWith({ status: 'ahead', diff: editedFile('src/b.ts', 40, 20, 20), files: ['src/b.ts'] });
    const scope = await reviewScope(forge, { mode: 'incremental', tier: null }, history(OLD), HEAD, prFiles());
    expect(forge.compared).toEqual([`${OLD}...${HEAD}`]);
    expect(scope.files.map((f) => f.path)).toEqual(['src/b.ts']);
    expect(scope.since).toBe(OLD);
    expect(scope.notes).toEqual(['Incremental review: changes since 1234567: 1 file(s).']);
  });

  test('ahead without a diff (Gitea): the whole files named are reviewed', async () => {
    const forge = forgeWith({ status: 'ahead', diff: null, files: ['src/a.ts', 'src/c.ts'] });
    const scope = await reviewScope(forge, { mode: 'incremental', tier: null }, history(OLD), HEAD, prFiles());
    expect(scope.files.map((f) => f.path)).toEqual(['src/a.ts', 'src/c.ts']);
    expect(scope.files[0]!.hunks).toHaveLength(2);
    expect(scope.since).toBe(OLD);
  });

  test('ahead but only files outside the review changed: nothing to review, said so', async () => {
    const forge = forgeWith({ status: 'ahead', diff: addedFile('package-lock.json', ['{}']), files: [] });
    const scope = await reviewScope(forge, { mode: 'incremental', tier: null }, history(OLD), HEAD, prFiles());
    expect(scope.files).toEqual([]);
    expect(scope.since).toBe(OLD);
    expect(scope.notes[0]).toMatch(/changes since 1234567: nothing to review/);
  });

  test('identical commits: nothing to review', async () => {
    const forge = forgeWith({ status: 'identical', diff: '', files: [] });
    const scope = await reviewScope(forge, { mode: 'incremental', tier: null }, history(OLD), HEAD, prFiles());
    expect(scope.files).toEqual([]);
    expect(scope.since).toBe(OLD);
  });

  test.each(['diverged', 'behind', 'unknown'] as const)(
    '%s (force push or rebase): a full review, and the note says why',
    async (status) => {
      const forge = forgeWith({ status, diff: null, files: [] });
      const files = prFiles();
      const scope = await reviewScope(forge, { mode: 'incremental', tier: null }, history(OLD), HEAD, files);
      expect(scope.files).toEqual(files);
      expect(scope.since).toBeNull();
      expect(scope.notes).toHaveLength(1);
      expect(scope.notes[0]).toContain('1234567');
      expect(scope.notes[0]).toMatch(/force push or rebase/);
      expect(scope.notes[0]).toMatch(/^Full review/);
    },
  );

  test('a comparison the memory forge does not know answers unknown: full review', async () => {
    const forge = forgeWith(null);
    const scope = await reviewScope(forge, { mode: 'incremental', tier: 'large' }, history(OLD), HEAD, prFiles());
    expect(scope.since).toBeNull();
    expect(scope.files).toHaveLength(3);
  });
});
