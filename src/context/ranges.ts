import type { Definition } from './symbols.js';

/** A 1-based inclusive line range. */
export type LineRange = [start: number, end: number];

/** Sorted, with ranges that overlap or lie within `gap` lines of each other joined. */
export function mergeRanges(ranges: readonly LineRange[], gap = 0): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: LineRange[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + gap + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** The lines of `ranges` that are not in `remove`. */
export function subtractRanges(ranges: readonly LineRange[], remove: readonly LineRange[]): LineRange[] {
  let current = mergeRanges(ranges);
  for (const [rs, re] of mergeRanges(remove)) {
    const next: LineRange[] = [];
    for (const [s, e] of current) {
      if (re < s || rs > e) next.push([s, e]);
      else {
        if (s < rs) next.push([s, rs - 1]);
        if (e > re) next.push([re + 1, e]);
      }
    }
    current = next;
  }
  return current;
}

/**
 * Fills the gaps of at most `maxGap` lines between ranges, except gaps holding a line of
 * `keepOut` (lines the diff shows): a one-line marker would cost as much as the lines.
 */
export function fillSmallGaps(ranges: readonly LineRange[], keepOut: readonly LineRange[], maxGap = 2): LineRange[] {
  const out: LineRange[] = [];
  for (const r of mergeRanges(ranges)) {
    const last = out[out.length - 1];
    const gap = last ? r[0] - last[1] - 1 : Infinity;
    const clear = last !== undefined && lineCount(subtractRanges([[last[1] + 1, r[0] - 1]], keepOut)) === gap;
    if (last && gap <= maxGap && clear) last[1] = r[1];
    else out.push([r[0], r[1]]);
  }
  return out;
}

/** Number of lines in the ranges. */
export function lineCount(ranges: readonly LineRange[]): number {
  return ranges.reduce((n, [s, e]) => n + e - s + 1, 0);
}

/** True when `line` lies in one of the ranges. */
export function inRanges(line: number, ranges: readonly LineRange[]): boolean {
  return ranges.some(([s, e]) => line >= s && line <= e);
}

/** Compact form of a list of lines for a reason: "14", "14-16", "14-16, 20". */
export function describeLines(lines: readonly number[]): string {
  const ranges = mergeRanges(lines.map((l): LineRange => [l, l]));
  const parts = ranges.slice(0, 3).map(([s, e]) => (s === e ? `${s}` : `${s}-${e}`));
  return ranges.length > 3 ? `${parts.join(', ')}, …` : parts.join(', ');
}

const CONTAINER_KINDS = new Set(['class', 'struct', 'interface', 'enum', 'module', 'impl']);

/**
 * The lines to show of a definition: all of it when short; a long type as its header, the
 * first line of each member and its end (an outline); a long function as its signature, the
 * start of its body and its end.
 */
export function definitionRanges(
  def: Definition,
  all: readonly Definition[],
  maxLines: number,
  bodyLines: number,
): LineRange[] {
  const { startLine: start, endLine: end } = def;
  if (end - start + 1 <= maxLines) return [[start, end]];
  // A long doc comment is cut to its first lines; the header runs from the code to the body's first line.
  const code = def.codeLine;
  const doc: LineRange[] = code > start ? [[start, Math.min(code - 1, start + 4)]] : [];
  const header = Math.min(end, Math.max(def.headerEnd, code));
  if (CONTAINER_KINDS.has(def.kind)) {
    const members = all
      .filter((d) => d !== def && d.codeLine > header && d.endLine <= end && d.container === def.name)
      .slice(0, 40)
      .map((d): LineRange => [d.codeLine, Math.min(d.codeLine + d.signature.split('\n').length - 1, d.endLine)]);
    return mergeRanges([...doc, [code, header], ...members, [end, end]]);
  }
  return mergeRanges([...doc, [code, Math.min(end, header + bodyLines)], [end, end]]);
}
