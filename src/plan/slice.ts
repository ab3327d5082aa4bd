import type { DiffLine, Hunk } from '../diff/types.js';

/**
 * Prefix counts over one hunk's lines, so that cutting it into many pieces stays linear in
 * its size instead of rescanning from the top for every piece.
 */
export type HunkIndex = {
  /** `changedBefore[k]`: added + deleted lines among `lines[0..k)`; length `lines.length + 1`. */
  changedBefore: Int32Array;
  /** Old-side (deleted or context) lines among `lines[0..k)`. */
  oldBefore: Int32Array;
  /** New-side (added or context) lines among `lines[0..k)`. */
  newBefore: Int32Array;
  /** Index of the last old-side line, -1 if none: where `\ No newline` of the old side belongs. */
  lastOld: number;
  /** Index of the last new-side line, -1 if none. */
  lastNew: number;
  /** Old number of the hunk's first old-side line (git's `oldStart + 1` when the old side is empty). */
  firstOld: number;
  /** New number of the hunk's first new-side line (git's `newStart + 1` when the new side is empty). */
  firstNew: number;
};

/** Builds the {@link HunkIndex} of a hunk in one pass. */
export function indexHunk(hunk: Hunk): HunkIndex {
  const n = hunk.lines.length;
  const changedBefore = new Int32Array(n + 1);
  const oldBefore = new Int32Array(n + 1);
  const newBefore = new Int32Array(n + 1);
  let lastOld = -1;
  let lastNew = -1;
  let firstOld: number | null = null;
  let firstNew: number | null = null;
  for (let k = 0; k < n; k++) {
    const line = hunk.lines[k] as DiffLine;
    const isOld = line.kind !== 'add';
    const isNew = line.kind !== 'del';
    changedBefore[k + 1] = (changedBefore[k] as number) + (line.kind === 'context' ? 0 : 1);
    oldBefore[k + 1] = (oldBefore[k] as number) + (isOld ? 1 : 0);
    newBefore[k + 1] = (newBefore[k] as number) + (isNew ? 1 : 0);
    if (line.oldLine !== null) {
      lastOld = k;
      firstOld ??= line.oldLine;
    }
    if (line.newLine !== null) {
      lastNew = k;
      firstNew ??= line.newLine;
    }
  }
  return {
    changedBefore,
    oldBefore,
    newBefore,
    lastOld,
    lastNew,
    // Git writes the line *before* an insertion as the start of an empty side (`@@ -10,0 +11,2 @@`).
    firstOld: firstOld ?? hunk.oldStart + 1,
    firstNew: firstNew ?? hunk.newStart + 1,
  };
}

/**
 * Re-cuts lines `[from, to)` of `hunk` into a hunk of their own with a valid header: starts
 * are the numbers of the piece's first old/new-side lines, counts are its old/new-side lines,
 * and a side with no line in the piece starts, as git writes it, at the line just before
 * (so `@@ -10,0 +11,3 @@` for three lines inserted after old line 10). The `\ No newline`
 * flags stay only on the piece that holds the last line of that side. The piece shares
 * its `DiffLine` objects with the original. The whole range returns `hunk` itself.
 */
export function sliceHunk(hunk: Hunk, from: number, to: number, index: HunkIndex = indexHunk(hunk)): Hunk {
  const n = hunk.lines.length;
  if (!(Number.isInteger(from) && Number.isInteger(to) && from >= 0 && to <= n && from < to)) {
    throw new RangeError(`sliceHunk: bad range [${from}, ${to}) of a ${n}-line hunk`);
  }
  if (from === 0 && to === n) return hunk;
  const lines = hunk.lines.slice(from, to);
  const oldBefore = index.oldBefore[from] as number;
  const newBefore = index.newBefore[from] as number;
  const oldLines = (index.oldBefore[to] as number) - oldBefore;
  const newLines = (index.newBefore[to] as number) - newBefore;
  let oldStart: number | null = null;
  let newStart: number | null = null;
  for (const line of lines) {
    if (oldStart === null && line.oldLine !== null) oldStart = line.oldLine;
    if (newStart === null && line.newLine !== null) newStart = line.newLine;
    if (oldStart !== null && newStart !== null) break;
  }
  return {
    oldStart: oldStart ?? index.firstOld + oldBefore - 1,
    oldLines,
    newStart: newStart ?? index.firstNew + newBefore - 1,
    newLines,
    section: hunk.section,
    lines,
    oldNoNewlineAtEnd: hunk.oldNoNewlineAtEnd && index.lastOld >= from && index.lastOld < to,
    newNoNewlineAtEnd: hunk.newNoNewlineAtEnd && index.lastNew >= from && index.lastNew < to,
  };
}
