import { describe, expect, test } from '@jest/globals';
import { buildAnchorIndex, checkAnchor, nearestAnchor } from '../../src/diff/anchor.js';
import { parseDiff } from '../../src/diff/parse.js';
import type { DiffFile, DiffLine, Hunk } from '../../src/diff/types.js';

/*
 * src/a.ts, two hunks:
 *   hunk 1: old 10..14 (L10 ctx, L11 del, L12 del, L13 ctx, L14 ctx) / new 10..13 (10 ctx, 11 add, 12 ctx, 13 ctx)
 *   hunk 2: old 40..42 / new 39..42 (39 ctx, 40 add, 41 ctx, 42 ctx)
 * src/new.ts: added, new 1..3. src/gone.ts: deleted, old 1..2. lib/moved.ts renamed from lib/old.ts.
 */
const DIFF = `diff --git a/src/a.ts b/src/a.ts
index 1111111..2222222 100644
--- a/src/a.ts
+++ b/src/a.ts
@@ -10,5 +10,4 @@ function f() {
 ten
-eleven
-twelve
+ELEVEN
 thirteen
 fourteen
@@ -40,3 +39,4 @@ function g() {
 forty
+inserted
 forty-one
 forty-two
diff --git a/src/new.ts b/src/new.ts
new file mode 100644
index 0000000..3333333
--- /dev/null
+++ b/src/new.ts
@@ -0,0 +1,3 @@
+a
+b
+c
diff --git a/src/gone.ts b/src/gone.ts
deleted file mode 100644
index 4444444..0000000
--- a/src/gone.ts
+++ /dev/null
@@ -1,2 +0,0 @@
-x
-y
diff --git a/lib/old.ts b/lib/moved.ts
similarity index 90%
rename from lib/old.ts
rename to lib/moved.ts
index 5555555..6666666 100644
--- a/lib/old.ts
+++ b/lib/moved.ts
@@ -1 +1 @@
-q
+Q
`;

const index = buildAnchorIndex(parseDiff(DIFF));
const right = (line: number, startLine?: number) =>
  checkAnchor(index, { path: 'src/a.ts', side: 'RIGHT', line, ...(startLine === undefined ? {} : { startLine }) });
const left = (line: number, startLine?: number) =>
  checkAnchor(index, { path: 'src/a.ts', side: 'LEFT', line, ...(startLine === undefined ? {} : { startLine }) });

describe('checkAnchor', () => {
  test('RIGHT: added and context lines of a hunk, by new numbers', () => {
    for (const n of [10, 11, 12, 13, 39, 40, 41, 42]) expect(right(n)).toEqual({ ok: true });
    for (const n of [1, 9, 14, 38, 43, 1000]) expect(right(n).ok).toBe(false);
  });

  test('LEFT: deleted and context lines, by old numbers', () => {
    for (const n of [10, 11, 12, 13, 14, 40, 41, 42]) expect(left(n)).toEqual({ ok: true });
    for (const n of [9, 15, 39, 43]) expect(left(n).ok).toBe(false);
  });

  test('reasons say what is wrong', () => {
    expect(right(20)).toEqual({ ok: false, reason: 'line 20 is not in a RIGHT-side hunk of `src/a.ts`' });
    expect(checkAnchor(index, { path: 'nope.ts', side: 'RIGHT', line: 1 })).toEqual({
      ok: false,
      reason: 'path `nope.ts` is not in the diff',
    });
    expect(checkAnchor(index, { path: 'lib/old.ts', side: 'RIGHT', line: 1 })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('renamed to `lib/moved.ts`'),
    });
    expect(right(0).ok).toBe(false);
    expect(right(1.5).ok).toBe(false);
  });

  test('added and deleted files: only their own side exists', () => {
    expect(checkAnchor(index, { path: 'src/new.ts', side: 'RIGHT', line: 3 })).toEqual({ ok: true });
    expect(checkAnchor(index, { path: 'src/new.ts', side: 'LEFT', line: 1 }).ok).toBe(false);
    expect(checkAnchor(index, { path: 'src/gone.ts', side: 'LEFT', line: 2 })).toEqual({ ok: true });
    expect(checkAnchor(index, { path: 'src/gone.ts', side: 'RIGHT', line: 1 }).ok).toBe(false);
    expect(checkAnchor(index, { path: 'lib/moved.ts', side: 'RIGHT', line: 1 })).toEqual({ ok: true });
  });

  test('ranges must lie inside one hunk with start below line', () => {
    expect(right(13, 10)).toEqual({ ok: true });
    expect(left(14, 11)).toEqual({ ok: true });
    expect(right(40, 12)).toEqual({ ok: false, reason: 'start_line 12 and line 40 are not in the same hunk' });
    expect(right(13, 5).ok).toBe(false);
    expect(right(12, 12).ok).toBe(false);
    expect(right(11, 13).ok).toBe(false);
  });
});

describe('nearestAnchor', () => {
  const near = (line: number, startLine?: number, side: 'RIGHT' | 'LEFT' = 'RIGHT') =>
    nearestAnchor(index, { path: 'src/a.ts', side, line, ...(startLine === undefined ? {} : { startLine }) });

  test('valid anchors come back unchanged', () => {
    expect(near(12, 10)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 12, startLine: 10 });
    expect(near(11)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 11 });
  });

  test('a range partly outside a hunk is clipped to it', () => {
    expect(near(20, 12)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 13, startLine: 12 });
    expect(near(41, 30)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 41, startLine: 39 });
    expect(near(13, 5, 'LEFT')).toEqual({ path: 'src/a.ts', side: 'LEFT', line: 13, startLine: 10 });
  });

  test('a range over two hunks keeps the one it overlaps most', () => {
    // 11..13 overlaps hunk 1 by three lines, 39..40 overlaps hunk 2 by two.
    expect(near(40, 11)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 13, startLine: 11 });
    // 12..13 (two lines) against 39..42 (four lines).
    expect(near(45, 12)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 42, startLine: 39 });
  });

  test('a one-line overlap drops start_line; a reversed range is normalised', () => {
    expect(near(20, 13)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 13 });
    expect(near(10, 13)).toEqual({ path: 'src/a.ts', side: 'RIGHT', line: 13, startLine: 10 });
  });

  test('nothing overlapping gives null', () => {
    expect(near(30, 20)).toBeNull();
    expect(near(25)).toBeNull();
    expect(nearestAnchor(index, { path: 'nope.ts', side: 'RIGHT', line: 1 })).toBeNull();
  });
});

describe('scale', () => {
  test('3,000 files and 100k lines index and answer quickly', () => {
    const files: DiffFile[] = [];
    for (let f = 0; f < 3000; f++) {
      const hunks: Hunk[] = [];
      for (let h = 0; h < 3; h++) {
        const start = 1 + h * 100;
        const lines: DiffLine[] = [];
        for (let i = 0; i < 11; i++) {
          lines.push(
            i % 3 === 0
              ? { kind: 'add', oldLine: null, newLine: start + i, text: 'x' }
              : { kind: 'context', oldLine: start + i, newLine: start + i, text: 'x' },
          );
        }
        hunks.push({
          oldStart: start,
          oldLines: 7,
          newStart: start,
          newLines: 11,
          section: '',
          lines,
          oldNoNewlineAtEnd: false,
          newNoNewlineAtEnd: false,
        });
      }
      files.push({
        path: `pkg${f % 50}/file${f}.ts`,
        oldPath: null,
        status: 'modified',
        binary: false,
        modeChange: null,
        submodule: false,
        hunks,
        additions: 12,
        deletions: 0,
      });
    }
    const started = performance.now();
    const big = buildAnchorIndex(files);
    let ok = 0;
    for (let q = 0; q < 100_000; q++) {
      const path = `pkg${q % 50}/file${(q * 7) % 3000}.ts`;
      if (checkAnchor(big, { path, side: 'RIGHT', line: (q % 320) + 1, startLine: q % 2 === 0 ? undefined : 1 }).ok)
        ok++;
      nearestAnchor(big, { path, side: 'RIGHT', line: (q % 320) + 5, startLine: (q % 320) + 1 });
    }
    expect(ok).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
