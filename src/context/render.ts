import type { LineRange } from './ranges.js';
import type { ContextPiece, ContextStats, PieceKind, Side } from './types.js';

/**
 * How context blocks read, for the prompt. The caller wraps the whole in its untrusted-data
 * element; nothing here is escaped because nothing needs to be: the blocks are plain lines,
 * and the element's random tag keeps the code inside from closing it.
 */
export const CONTEXT_NOTE =
  'Context is read-only: comment only on lines of the diff. Each block is `### path:start-end (why)` ' +
  'followed by `<number> | <code>` lines of the head version (the pull request), or of the base version ' +
  '(before it) when marked `@base`; `…` lines mark code left out.';

/** Longest code line shown; longer ones (minified or generated code) are cut. */
const MAX_LINE_CHARS = 240;

function inside(line: number, ranges: readonly LineRange[]): boolean {
  return ranges.some(([s, e]) => line >= s && line <= e);
}

function allInside(from: number, to: number, ranges: readonly LineRange[]): boolean {
  for (let l = from; l <= to; l++) if (!inside(l, ranges)) return false;
  return true;
}

function inDiffMarker(pad: string, from: number, to: number): string {
  return `${pad} | … line${from === to ? ` ${from} is` : `s ${from}-${to} are`} in the diff …`;
}

/**
 * The numbered lines of `ranges` of a file, with one marker line per gap: "in the diff" when
 * every line of the gap is shown in the diff (`diffRanges`), else "N lines elided". When the
 * block's `extent` (the scope it was cut from) runs on into the diff before or after the
 * lines shown, a marker says so too.
 */
export function renderPieceBody(
  lines: readonly string[],
  ranges: readonly LineRange[],
  diffRanges: readonly LineRange[] = [],
  extent?: LineRange,
): string {
  const last = ranges.at(-1)?.[1] ?? 0;
  const width = String(Math.max(last, extent?.[1] ?? 0)).length;
  const pad = ' '.repeat(width);
  const out: string[] = [];
  const first = ranges[0]?.[0] ?? 0;
  if (extent && extent[0] < first && allInside(extent[0], first - 1, diffRanges))
    out.push(inDiffMarker(pad, extent[0], first - 1));
  ranges.forEach(([start, end], i) => {
    const prev = ranges[i - 1];
    if (prev && start > prev[1] + 1) {
      const from = prev[1] + 1;
      const to = start - 1;
      const count = to - from + 1;
      out.push(
        allInside(from, to, diffRanges)
          ? inDiffMarker(pad, from, to)
          : `${pad} | … ${count} line${count === 1 ? '' : 's'} elided …`,
      );
    }
    for (let l = start; l <= end; l++) {
      const code = lines[l - 1] ?? '';
      const cut = code.length > MAX_LINE_CHARS ? `${code.slice(0, MAX_LINE_CHARS)} …` : code;
      out.push(`${String(l).padStart(width)} | ${cut}`.trimEnd());
    }
  });
  if (extent && extent[1] > last && allInside(last + 1, extent[1], diffRanges))
    out.push(inDiffMarker(pad, last + 1, extent[1]));
  return out.join('\n');
}

/** The header line of a block: `### path:start-end (why)`, with `@base` for the version before the PR. */
export function renderPieceHeader(path: string, side: Side, start: number, end: number, reason: string): string {
  const span = start === end ? `${start}` : `${start}-${end}`;
  return `### ${path}:${span}${side === 'base' ? ' @base' : ''} (${reason})`;
}

/** The context section for the prompt: the note, then each block; empty when there is none. */
export function renderContext(pieces: readonly ContextPiece[]): string {
  if (pieces.length === 0) return '';
  return [CONTEXT_NOTE, ...pieces.map((p) => p.text)].join('\n\n');
}

const ORDER: readonly [PieceKind, string, string][] = [
  ['scope', 'enclosing scope', 'enclosing scopes'],
  ['whole-file', 'whole file', 'whole files'],
  ['same-file', 'same-file definition', 'same-file definitions'],
  ['definition', 'definition', 'definitions'],
  ['reference', 'call site', 'call sites'],
];

function joinWords(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}

/**
 * The summary line: "context: 14 definitions and 6 call sites from 9 files, 3,100 tokens".
 * Kinds with no piece are left out; "context: none" when nothing was selected.
 */
export function describeContext(stats: ContextStats): string {
  const parts = ORDER.filter(([kind]) => stats.byKind[kind] > 0).map(
    ([kind, one, many]) => `${stats.byKind[kind].toLocaleString('en-US')} ${stats.byKind[kind] === 1 ? one : many}`,
  );
  if (parts.length === 0) return 'context: none';
  const files = `${stats.files.toLocaleString('en-US')} file${stats.files === 1 ? '' : 's'}`;
  return `context: ${joinWords(parts)} from ${files}, ${stats.tokens.toLocaleString('en-US')} tokens`;
}
