import type { Side } from '../ports.js';
import type { DiffFile, Hunk } from './types.js';

/** Where a comment would go: `line` (and optional range start) on one side of one file. */
export type Anchor = { path: string; line: number; side: Side; startLine?: number };

export type AnchorCheck = { ok: true } | { ok: false; reason: string };

/** Inclusive line span of one hunk on one side. */
type Span = { lo: number; hi: number };

type FileSpans = Record<Side, Span[]>;

/**
 * Per-file hunk spans, sorted, for each side. A hunk's new-side lines are exactly its added
 * and context lines and they are contiguous (likewise deleted + context on the old side),
 * so one span per hunk answers "is this line commentable" in O(log hunks).
 */
export type AnchorIndex = {
  files: Map<string, FileSpans>;
  /** Old path → new path, to tell the model why an old name is refused. */
  renamed: Map<string, string>;
};

/** Indexes the commentable lines of every file, the way GitHub validates review anchors. */
export function buildAnchorIndex(files: DiffFile[]): AnchorIndex {
  const index: AnchorIndex = { files: new Map(), renamed: new Map() };
  for (const file of files) {
    const spans: FileSpans = { RIGHT: [], LEFT: [] };
    for (const hunk of file.hunks) {
      const right = spanOf(hunk, 'RIGHT');
      const left = spanOf(hunk, 'LEFT');
      if (right) spans.RIGHT.push(right);
      if (left) spans.LEFT.push(left);
    }
    spans.RIGHT.sort((a, b) => a.lo - b.lo);
    spans.LEFT.sort((a, b) => a.lo - b.lo);
    index.files.set(file.path, spans);
    if (file.oldPath !== null && file.status === 'renamed') index.renamed.set(file.oldPath, file.path);
  }
  return index;
}

/**
 * Says whether GitHub would accept the anchor: RIGHT lines must be added or context lines
 * (new numbers), LEFT lines deleted or context lines (old numbers), and a range
 * `startLine..line` must lie on one side inside one hunk with `startLine < line`.
 */
export function checkAnchor(index: AnchorIndex, anchor: Anchor): AnchorCheck {
  const spans = index.files.get(anchor.path);
  if (!spans) {
    const moved = index.renamed.get(anchor.path);
    const hint = moved === undefined ? '' : ` (it was renamed to \`${moved}\`)`;
    return fail(`path \`${anchor.path}\` is not in the diff${hint}`);
  }
  if (!isLineNumber(anchor.line)) return fail(`line must be a positive integer, got ${anchor.line}`);
  const list = spans[anchor.side];
  const end = findSpan(list, anchor.line);
  if (end < 0) return fail(`line ${anchor.line} is not in a ${anchor.side}-side hunk of \`${anchor.path}\``);
  if (anchor.startLine === undefined) return { ok: true };
  if (!isLineNumber(anchor.startLine)) return fail(`start_line must be a positive integer, got ${anchor.startLine}`);
  if (anchor.startLine >= anchor.line) {
    return fail(`start_line (${anchor.startLine}) must be less than line (${anchor.line})`);
  }
  const start = findSpan(list, anchor.startLine);
  if (start !== end) {
    return fail(`start_line ${anchor.startLine} and line ${anchor.line} are not in the same hunk`);
  }
  return { ok: true };
}

/**
 * Repairs an anchor instead of dropping it: a valid anchor comes back unchanged; a range
 * that overlaps hunks is clipped to the hunk it overlaps most (ties go to the hunk nearer
 * `line`); a single line or range that touches no hunk gives null. Never switches side.
 */
export function nearestAnchor(index: AnchorIndex, anchor: Anchor): Anchor | null {
  if (checkAnchor(index, anchor).ok) return anchor;
  const spans = index.files.get(anchor.path);
  if (!spans || !isLineNumber(anchor.line)) return null;
  if (anchor.startLine !== undefined && !isLineNumber(anchor.startLine)) return null;
  const from = Math.min(anchor.startLine ?? anchor.line, anchor.line);
  const to = Math.max(anchor.startLine ?? anchor.line, anchor.line);
  const list = spans[anchor.side];
  let best: { lo: number; hi: number; size: number } | null = null;
  for (let i = firstSpanEndingAtOrAfter(list, from); i < list.length; i++) {
    const span = list[i] as Span;
    if (span.lo > to) break;
    const lo = Math.max(from, span.lo);
    const hi = Math.min(to, span.hi);
    const size = hi - lo + 1;
    if (!best || size >= best.size) best = { lo, hi, size };
  }
  if (!best) return null;
  const repaired: Anchor = { path: anchor.path, line: best.hi, side: anchor.side };
  if (best.lo < best.hi) repaired.startLine = best.lo;
  return repaired;
}

function spanOf(hunk: Hunk, side: Side): Span | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const l of hunk.lines) {
    const n = side === 'RIGHT' ? l.newLine : l.oldLine;
    if (n === null) continue;
    if (n < lo) lo = n;
    if (n > hi) hi = n;
  }
  return lo <= hi ? { lo, hi } : null;
}

/** Index of the span containing `line`, or -1. */
function findSpan(list: Span[], line: number): number {
  const i = firstSpanEndingAtOrAfter(list, line);
  const span = list[i];
  return span !== undefined && span.lo <= line ? i : -1;
}

/** Binary search: first span whose `hi` is at least `line` (spans are sorted and disjoint). */
function firstSpanEndingAtOrAfter(list: Span[], line: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as Span).hi < line) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function isLineNumber(n: number): boolean {
  return Number.isInteger(n) && n > 0;
}

function fail(reason: string): AnchorCheck {
  return { ok: false, reason };
}
