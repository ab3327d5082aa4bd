import { fillSmallGaps, lineCount, mergeRanges, subtractRanges, type LineRange } from './ranges.js';
import { CONTEXT_NOTE, renderPieceBody, renderPieceHeader } from './render.js';
import type { Candidate, ContextPiece, PieceKind, Side } from './types.js';

/** The lines of a file on a side, or null when unknown. */
export type LinesOf = (path: string, side: Side) => readonly string[] | null;
/** The lines of a file on a side that the diff already shows. */
export type ShownOf = (path: string, side: Side) => readonly LineRange[];

export type Packed = {
  pieces: ContextPiece[];
  /** Kept evidence by kind, before merging. */
  byKind: Record<PieceKind, number>;
  /** Candidates left out because the budget was spent. */
  dropped: number;
};

/** Pieces of one file closer than this many lines are shown as one block. */
const MERGE_GAP = 3;
const MAX_REASON_CHARS = 240;

const keyOf = (path: string, side: Side): string => `${side}\0${path}`;

function compare(a: Candidate, b: Candidate): number {
  return (
    b.score - a.score ||
    b.bears - a.bears ||
    lineCount(a.ranges) - lineCount(b.ranges) ||
    a.path.localeCompare(b.path) ||
    (a.ranges[0]?.[0] ?? 0) - (b.ranges[0]?.[0] ?? 0)
  );
}

function toPiece(
  c: Pick<Candidate, 'path' | 'side' | 'kind' | 'reason' | 'score'>,
  ranges: LineRange[],
  lines: readonly string[],
  shown: readonly LineRange[],
  estimate: (text: string) => number,
  extent?: LineRange,
): ContextPiece {
  const startLine = ranges[0]?.[0] ?? 1;
  const endLine = ranges.at(-1)?.[1] ?? startLine;
  const body = renderPieceBody(lines, ranges, shown, extent);
  const text = `${renderPieceHeader(c.path, c.side, startLine, endLine, c.reason)}\n${body}`;
  const piece: ContextPiece = {
    path: c.path,
    side: c.side,
    startLine,
    endLine,
    kind: c.kind,
    reason: c.reason,
    text,
    tokens: estimate(text),
    score: c.score,
    ranges,
  };
  if (extent) extents.set(piece, extent);
  return piece;
}

/** The scope each piece was cut from, for the "in the diff" markers of merged blocks. */
const extents = new WeakMap<ContextPiece, LineRange>();

/**
 * Ranks candidates and packs them into `budget` tokens, note included: best first, each
 * trimmed of the lines the diff shows and of lines an earlier piece already holds, skipped
 * when nothing is left or it does not fit (a smaller one further down may still fit). Then
 * pieces of a file that touch or nearly touch are merged into one block.
 */
export function packCandidates(
  candidates: readonly Candidate[],
  linesOf: LinesOf,
  shownOf: ShownOf,
  budget: number,
  estimate: (text: string) => number,
): Packed {
  const byKind: Record<PieceKind, number> = { scope: 0, 'whole-file': 0, 'same-file': 0, definition: 0, reference: 0 };
  const separator = estimate('\n\n');
  const noteCost = estimate(CONTEXT_NOTE) + separator;
  const covered = new Map<string, LineRange[]>();
  const accepted: ContextPiece[] = [];
  let used = 0;
  let dropped = 0;
  for (const c of [...candidates].sort(compare)) {
    const lines = linesOf(c.path, c.side);
    if (!lines || lines.length === 0) continue;
    const key = keyOf(c.path, c.side);
    const clamped = c.ranges
      .map(([s, e]): LineRange => [Math.max(1, s), Math.min(lines.length, e)])
      .filter(([s, e]) => s <= e);
    const shown = shownOf(c.path, c.side);
    const ranges = subtractRanges(clamped, [...shown, ...(covered.get(key) ?? [])]);
    if (ranges.length === 0) continue; // all in the diff, or shown by a better piece
    const extent: LineRange = [clamped[0]?.[0] ?? 1, clamped.at(-1)?.[1] ?? 1];
    const piece = toPiece(c, ranges, lines, shown, estimate, extent);
    const cost = piece.tokens + separator + (accepted.length === 0 ? noteCost : 0);
    if (used + cost > budget) {
      dropped++;
      continue;
    }
    used += cost;
    accepted.push(piece);
    byKind[c.kind]++;
    covered.set(key, mergeRanges([...(covered.get(key) ?? []), ...ranges]));
  }
  const merged = mergePieces(accepted, linesOf, shownOf, estimate);
  const total = (list: ContextPiece[]): number =>
    list.length === 0 ? 0 : noteCost + list.reduce((n, p) => n + p.tokens + separator, 0);
  return { pieces: total(merged) <= budget ? merged : accepted, byKind, dropped };
}

/** Joins the pieces of each file whose lines touch or nearly touch; the best piece names the block. */
function mergePieces(
  pieces: ContextPiece[],
  linesOf: LinesOf,
  shownOf: ShownOf,
  estimate: (t: string) => number,
): ContextPiece[] {
  const groups: ContextPiece[][] = [];
  for (const piece of pieces) {
    const group = groups.find((g) =>
      g.some(
        (p) =>
          p.path === piece.path &&
          p.side === piece.side &&
          p.startLine <= piece.endLine + MERGE_GAP + 1 &&
          piece.startLine <= p.endLine + MERGE_GAP + 1,
      ),
    );
    if (group) group.push(piece);
    else groups.push([piece]);
  }
  return groups.map((group) => {
    const first = group[0]!;
    if (group.length === 1) return first;
    const lines = linesOf(first.path, first.side) ?? [];
    const shown = shownOf(first.path, first.side);
    const ranges = fillSmallGaps(
      group.flatMap((p) => p.ranges),
      shown,
    );
    const reasons = [...new Set(group.map((p) => p.reason))];
    let reason = reasons.join('; ');
    if (reason.length > MAX_REASON_CHARS) reason = `${reason.slice(0, MAX_REASON_CHARS - 1)}…`;
    const spans = group.map((p): LineRange => extents.get(p) ?? [p.startLine, p.endLine]);
    const extent: LineRange = [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
    return toPiece({ ...first, reason }, ranges, lines, shown, estimate, extent);
  });
}
