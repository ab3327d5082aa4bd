/** Sizing: what each file, hunk and run of lines costs in tokens, as the prompt will render it. */
import { renderFileForPrompt } from '../diff/render.js';
import type { DiffFile, Hunk } from '../diff/types.js';
import { estimateTokens } from './estimate.js';
import { classifyFile, isDeletionOnly, rankOf } from './priority.js';
import { indexHunk, sliceHunk, type HunkIndex } from './slice.js';
import type { Atom, FileInfo, FileMeter, HunkInfo, Limits } from './chunk-types.js';
import type { PlanOptions } from './chunks.js';

export function prepareFiles(files: DiffFile[], tokensOf: PlanOptions['tokensOf'], scale: number): FileInfo[] {
  // Path order keeps a directory's files next to each other in the chunks.
  const ordered = files
    .map((file, i) => ({ file, i }))
    .sort((a, b) => (a.file.path < b.file.path ? -1 : a.file.path > b.file.path ? 1 : a.i - b.i));
  const infos: FileInfo[] = [];
  for (const { file } of ordered) {
    const kind = classifyFile(file.path);
    const hunks: HunkInfo[] = [];
    let total = 0;
    let deletionOnly = 0;
    file.hunks.forEach((hunk, index) => {
      let changed = 0;
      for (const line of hunk.lines) if (line.kind !== 'context') changed++;
      if (changed === 0) return; // context only: nothing to review
      const delOnly = isDeletionOnly(hunk);
      hunks.push({ index, hunk, changed, rank: rankOf(kind, delOnly), cut: null });
      total += changed;
      if (delOnly) deletionOnly += changed;
    });
    if (total === 0) continue;
    const measured =
      (tokensOf === undefined ? renderMeter(file) : null) ?? measureMeter(file, tokensOf ?? defaultTokensOf);
    const meter = scale === 1 ? measured : scaledMeter(measured, scale);
    infos.push({ file, kind, meter, hunks, total, deletionOnly, tooLong: 0 });
  }
  return infos;
}

/** A meter whose sizes are `scale` times the measured ones (rounded up, so never below them × scale). */
export function scaledMeter(m: FileMeter, scale: number): FileMeter {
  return {
    header: Math.ceil(m.header * scale),
    cost: (h, from, to) => Math.ceil(m.cost(h, from, to) * scale),
    // ceil(c × scale) ≤ limit exactly when c ≤ floor(limit) / scale.
    maxEnd: (h, from, to, limit) => m.maxEnd(h, from, to, Math.floor(limit) / scale),
  };
}

export function defaultTokensOf(file: DiffFile, hunks: Hunk[]): number {
  return estimateTokens(renderFileForPrompt({ ...file, hunks }));
}

export function cutIndex(h: HunkInfo): HunkIndex {
  h.cut ??= indexHunk(h.hunk);
  return h.cut;
}

export function changedIn(h: HunkInfo, from: number, to: number): number {
  if (from === 0 && to === h.hunk.lines.length) return h.changed;
  const before = cutIndex(h).changedBefore;
  return (before[to] as number) - (before[from] as number);
}

export function makeAtom(f: FileInfo, h: HunkInfo, from: number, to: number): Atom {
  return { f, h, from, to, cost: f.meter.cost(h.index, from, to), lines: changedIn(h, from, to) };
}

/**
 * The default measure, from one rendering of the whole file: a hunk (or piece) costs
 * `estimateTokens` of its own rendered text with the line break before it. Splitting the
 * file's text keeps the line-number column as wide as the whole file's, which a slice never
 * exceeds, and a ceiling per part is never below the ceiling of the parts joined, so the sum
 * over a slice never under-counts its rendering. Returns null when the text does not have
 * the shape this expects (one `@@` line per hunk, then one row per line plus `\` notes),
 * and the caller falls back to measuring each hunk with `renderFileForPrompt`.
 */
export function renderMeter(file: DiffFile): FileMeter | null {
  const head = renderFileForPrompt({ ...file, hunks: [] });
  const text = renderFileForPrompt(file);
  if (!text.startsWith(head)) return null;
  const nextBreak = (from: number): number => {
    const at = text.indexOf('\n', from);
    return at < 0 ? text.length : at;
  };
  const sections: string[] = [];
  const whole: number[] = [];
  // offsets[h][k]: where the line break before row k of hunk h starts; [n] is the hunk's end.
  const offsets: Int32Array[] = [];
  let pos = head.length;
  for (const hunk of file.hunks) {
    if (text.charCodeAt(pos) !== 10 || !text.startsWith('@@', pos + 1)) return null;
    const start = pos;
    pos = nextBreak(pos + 1);
    sections.push(text.slice(start + 1, pos));
    const n = hunk.lines.length;
    const offs = new Int32Array(n + 1);
    for (let k = 0; k < n; k++) {
      offs[k] = pos;
      const first = text.charCodeAt(pos + 1);
      // 64 '@' starts a hunk, 92 '\' a no-newline note: neither can start a code row.
      if (pos >= text.length || first === 64 || first === 92) return null;
      pos = nextBreak(pos + 1);
      while (pos < text.length && text.charCodeAt(pos + 1) === 92) pos = nextBreak(pos + 1);
    }
    offs[n] = pos;
    offsets.push(offs);
    whole.push(estimateTokens(text.slice(start, pos)));
  }
  if (pos !== text.length) return null;
  const sectionCost = sections.map((s) => estimateTokens(`\n${s}`));
  // A piece whose old or new side is empty at the top of the file starts at line 0, and
  // render sizes its number column from "0 - 1" = "-1": two characters where a file of
  // single-digit line numbers otherwise has one. Price such files' pieces one column wider.
  const narrow = file.hunks.every((h) => h.oldStart + h.oldLines <= 10 && h.newStart + h.newLines <= 10);

  // prefix[h][k]: summed cost of rows [0, k) each measured alone; built for hunks that get cut.
  const prefix: (Float64Array | undefined)[] = [];
  const rowPrefix = (h: number): Float64Array => {
    let p = prefix[h];
    if (p) return p;
    const offs = offsets[h] as Int32Array;
    p = new Float64Array(offs.length);
    for (let k = 0; k + 1 < offs.length; k++) {
      const row = text.slice(offs[k], offs[k + 1]);
      p[k + 1] = (p[k] as number) + estimateTokens(narrow ? `${row} ` : row);
    }
    prefix[h] = p;
    return p;
  };

  return {
    header: estimateTokens(head),
    cost(h, from, to) {
      const offs = offsets[h] as Int32Array;
      if (from === 0 && to === offs.length - 1) return whole[h] as number;
      if (narrow) {
        const p = rowPrefix(h);
        return (sectionCost[h] as number) + (p[to] as number) - (p[from] as number);
      }
      // Measured in two parts to avoid copying the piece into a new string; at most one token over.
      return (sectionCost[h] as number) + estimateTokens(text.slice(offs[from], offs[to]));
    },
    maxEnd(h, from, to, limit) {
      // The rows' separate costs add up to at least the piece's cost, so this is safe.
      const p = rowPrefix(h);
      const room = limit - (sectionCost[h] as number) + (p[from] as number);
      let lo = from;
      let hi = to + 1;
      while (hi - lo > 1) {
        const mid = (lo + hi) >>> 1;
        if ((p[mid] as number) <= room) lo = mid;
        else hi = mid;
      }
      return lo;
    },
  };
}

/**
 * A measure from any `tokensOf`: the header is `tokensOf(file, [])`, a hunk or piece what
 * it adds to that. One call per hunk; cutting a hunk searches with more calls (doubling,
 * then bisection), which stays near-linear for any measure that grows with the lines.
 */
export function measureMeter(file: DiffFile, tokensOf: (file: DiffFile, hunks: Hunk[]) => number): FileMeter {
  const header = tokensOf(file, []);
  const whole = new Map<number, number>();
  const indexes = new Map<number, HunkIndex>();
  const cost = (h: number, from: number, to: number): number => {
    const hunk = file.hunks[h] as Hunk;
    if (from === 0 && to === hunk.lines.length) {
      let c = whole.get(h);
      if (c === undefined) {
        c = Math.max(0, tokensOf(file, [hunk]) - header);
        whole.set(h, c);
      }
      return c;
    }
    let index = indexes.get(h);
    if (!index) {
      index = indexHunk(hunk);
      indexes.set(h, index);
    }
    return Math.max(0, tokensOf(file, [sliceHunk(hunk, from, to, index)]) - header);
  };
  return {
    header,
    cost,
    maxEnd(h, from, to, limit) {
      if (from >= to || cost(h, from, from + 1) > limit) return from;
      let good = from + 1;
      let bad = -1;
      while (good < to) {
        const probe = Math.min(to, from + 2 * (good - from));
        if (cost(h, from, probe) <= limit) good = probe;
        else {
          bad = probe;
          break;
        }
      }
      if (bad < 0) return good;
      while (bad - good > 1) {
        const mid = (good + bad) >>> 1;
        if (cost(h, from, mid) <= limit) good = mid;
        else bad = mid;
      }
      return good;
    },
  };
}

/**
 * A file's hunks as atoms of at most the target size with the header: whole hunks where
 * they fit, else consecutive line pieces. A single line that alone is above the target gets
 * a piece of its own; one that even alone overflows `max` is counted as too long.
 */
export function atomsOf(f: FileInfo, limits: Limits): Atom[] {
  const out: Atom[] = [];
  const { header } = f.meter;
  for (const h of f.hunks) {
    const n = h.hunk.lines.length;
    const whole = f.meter.cost(h.index, 0, n);
    if (header + whole <= limits.target) {
      out.push({ f, h, from: 0, to: n, cost: whole, lines: h.changed });
      continue;
    }
    let i = 0;
    while (i < n) {
      let end = f.meter.maxEnd(h.index, i, n, limits.target - header);
      if (end === i) end = i + 1;
      const atom = makeAtom(f, h, i, end);
      if (header + atom.cost > limits.max) f.tooLong += atom.lines;
      // A piece of context alone has nothing to review.
      else if (atom.lines > 0) out.push(atom);
      i = end;
    }
  }
  return out;
}
