import { renderFileForPrompt } from '../diff/render.js';
import type { DiffFile, Hunk } from '../diff/types.js';
import { estimateTokens } from './estimate.js';
import { classifyFile, isDeletionOnly, rankOf, type FileKind } from './priority.js';
import { indexHunk, sliceHunk, type HunkIndex } from './slice.js';

/**
 * Part of one file that goes into one model call. `hunks` is a subset of `file.hunks` in
 * file order, where a hunk too big for one call appears as a re-cut piece (see `sliceHunk`).
 * Render it with `renderFileForPrompt({ ...file, hunks })`.
 */
export type FileSlice = {
  file: DiffFile;
  hunks: Hunk[];
  /** Planned diff tokens of the rendered slice (an upper bound for the default measure). */
  tokens: number;
  /** Added + deleted lines in `hunks`. */
  lines: number;
};

/** The diff of one model call. */
export type Chunk = { slices: FileSlice[]; tokens: number; lines: number };

/** A file, or the part of it, that no chunk reviews. */
export type LeftOut = {
  path: string;
  /** Why, for the summary: "token ceiling reached (test file, lower priority)", … */
  reason: string;
  /** Changed lines of this file that are not reviewed. */
  lines: number;
  /** True when another part of the file is reviewed. */
  partial: boolean;
};

export type ChunkPlan = {
  /** Most important first (by the best `hunkRank` they hold), then path order. */
  chunks: Chunk[];
  /** In path order. */
  leftOut: LeftOut[];
  reviewedLines: number;
  /** Added + deleted lines over all files given. */
  totalLines: number;
};

export type PlanOptions = {
  /** Diff tokens available across all chunks (already net of prompt overhead and answer room). */
  budgetTokens: number;
  /** Most diff tokens one chunk may hold (from the model's context window). */
  maxChunkTokens: number;
  /** Preferred chunk size so work spreads over parallel calls; chunks are packed up to this, never above maxChunkTokens. */
  targetChunkTokens: number;
  /**
   * Tokens each chunk costs besides its diff (prompt, answer room), also charged against
   * `budgetTokens`: then `sum(chunk.tokens) + chunkOverheadTokens × chunks ≤ budgetTokens`.
   * Default 0, for callers that already took the overhead out of the budget.
   */
  chunkOverheadTokens?: number;
  /** Token size of the rendered slice; default: estimateTokens(renderFileForPrompt({...file, hunks})). */
  tokensOf?: (file: DiffFile, hunks: Hunk[]) => number;
  /**
   * Multiplies every measured size (default 1): the caller's calibration of the estimate
   * against an exact count, applied without giving up the fast default measure.
   */
  scale?: number;
};

/** Coverage as a percentage with one decimal, 100 when totalLines is 0. */
export function coverage(plan: Pick<ChunkPlan, 'reviewedLines' | 'totalLines'>): number {
  if (plan.totalLines <= 0) return 100;
  // Rounded down, so that 100 is shown only when nothing at all was left out.
  return Math.floor((Math.min(plan.reviewedLines, plan.totalLines) * 1000) / plan.totalLines) / 10;
}

/**
 * Splits the diff into chunks, one per model call, under the token budget.
 *
 * When everything fits, every file is planned: whole files where they fit
 * `targetChunkTokens`, bigger files cut at hunk boundaries, and a single hunk bigger than
 * that cut into consecutive line pieces. Otherwise hunks are chosen by `hunkRank`
 * (code, tests, docs, config; deletion-only hunks last) and, within the rank where the
 * budget runs out, by water-filling: a per-file cap rises until the budget is spent, so
 * every file of that rank gets a share before any file gets more. Lower ranks then get
 * nothing, so a test is never reviewed while code is left out. What is not chosen is
 * listed in `leftOut` with its reason.
 *
 * Costs are additive: a slice costs its file header plus the cost of each hunk (or piece)
 * in it, each measured once, so planning is about linear in the diff (plus log factors in
 * the water-filling search). With the default measure, that sum is never below
 * `estimateTokens(renderFileForPrompt({ ...file, hunks }))` for the slice. Guarantees:
 * `sum(chunk.tokens) + overhead × chunks ≤ budgetTokens`; every chunk ≤ maxChunkTokens;
 * every changed line is in at most one slice; reviewed + left-out lines = total lines.
 * Deterministic: the same input gives the same plan.
 */
export function planChunks(files: DiffFile[], opts: PlanOptions): ChunkPlan {
  // NaN would make every comparison false (and the overhead loop endless): read it as 0.
  const num = (n: number | undefined): number => (n === undefined || Number.isNaN(n) ? 0 : n);
  const max = Math.max(0, num(opts.maxChunkTokens));
  const target = num(opts.targetChunkTokens) > 0 ? Math.min(opts.targetChunkTokens, max) : max;
  const limits: Limits = { max, target };
  const overhead = Math.max(0, num(opts.chunkOverheadTokens));
  const budget = num(opts.budgetTokens);

  const infos = prepareFiles(files, opts.tokensOf, opts.scale ?? 1);
  const atoms = infos.map((f) => atomsOf(f, limits));

  const everything = sliceAll(infos, atoms, limits);
  const packed = pack(everything, target);
  if (sumTokens(everything) + overhead * packed.length <= budget) return finish(infos, packed);

  // Reserve overhead for as many chunks as the last try made, until the chosen diff fits
  // with its own chunk count. Each round reserves more, and with no budget left nothing is
  // chosen, so this ends; it usually ends on the first or second round.
  let reserved = overhead > 0 ? 1 : 0;
  for (let round = 0; ; round++) {
    const chosen = select(infos, atoms, budget - overhead * reserved, limits);
    const chunks = pack(chosen, target);
    if (overhead === 0 || chunks.length === 0 || sumTokens(chosen) + overhead * chunks.length <= budget) {
      return finish(infos, chunks);
    }
    reserved = Math.max(chunks.length, round >= 8 ? reserved * 2 : reserved + 1);
  }
}

type Limits = { max: number; target: number };

/** Token costs of one file's parts; see {@link renderMeter} and {@link measureMeter}. */
interface FileMeter {
  /** Tokens of the file's `##` header line, paid once per slice. */
  readonly header: number;
  /** Tokens that lines `[from, to)` of hunk `h`, as one (re-cut) hunk, add to a slice. */
  cost(h: number, from: number, to: number): number;
  /** The largest `end` in `[from, to]` with `cost(h, from, end) ≤ limit`; `from` when not even one line fits. */
  maxEnd(h: number, from: number, to: number, limit: number): number;
}

type HunkInfo = {
  index: number;
  hunk: Hunk;
  changed: number;
  rank: number;
  /** Built on first use: only hunks that get cut need it. */
  cut: HunkIndex | null;
};

type FileInfo = {
  file: DiffFile;
  kind: FileKind;
  meter: FileMeter;
  /** Hunks with at least one changed line. */
  hunks: HunkInfo[];
  /** Changed lines of the file. */
  total: number;
  /** Changed lines in deletion-only hunks. */
  deletionOnly: number;
  /** Changed lines on a line so long that no chunk can hold it. */
  tooLong: number;
};

/** A run of lines of one hunk, the unit the planner chooses and packs. */
type Atom = { f: FileInfo; h: HunkInfo; from: number; to: number; cost: number; lines: number };

/** A slice being built: atoms in the order they were chosen, tokens including the header. */
type SliceAcc = { f: FileInfo; atoms: Atom[]; tokens: number; rank: number };

function prepareFiles(files: DiffFile[], tokensOf: PlanOptions['tokensOf'], scale: number): FileInfo[] {
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
function scaledMeter(m: FileMeter, scale: number): FileMeter {
  return {
    header: Math.ceil(m.header * scale),
    cost: (h, from, to) => Math.ceil(m.cost(h, from, to) * scale),
    // ceil(c × scale) ≤ limit exactly when c ≤ floor(limit) / scale.
    maxEnd: (h, from, to, limit) => m.maxEnd(h, from, to, Math.floor(limit) / scale),
  };
}

function defaultTokensOf(file: DiffFile, hunks: Hunk[]): number {
  return estimateTokens(renderFileForPrompt({ ...file, hunks }));
}

function cutIndex(h: HunkInfo): HunkIndex {
  h.cut ??= indexHunk(h.hunk);
  return h.cut;
}

function changedIn(h: HunkInfo, from: number, to: number): number {
  if (from === 0 && to === h.hunk.lines.length) return h.changed;
  const before = cutIndex(h).changedBefore;
  return (before[to] as number) - (before[from] as number);
}

function makeAtom(f: FileInfo, h: HunkInfo, from: number, to: number): Atom {
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
function renderMeter(file: DiffFile): FileMeter | null {
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
function measureMeter(file: DiffFile, tokensOf: (file: DiffFile, hunks: Hunk[]) => number): FileMeter {
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
function atomsOf(f: FileInfo, limits: Limits): Atom[] {
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

/** What taking `a` next adds to its file's slices: into the open slice if it fits the target, else a new slice. */
function addCost(slices: SliceAcc[], a: Atom, limits: Limits): number {
  const open = slices[slices.length - 1];
  if (open && open.tokens + a.cost <= limits.target) return a.cost;
  const fresh = a.f.meter.header + a.cost;
  return fresh <= limits.max ? fresh : Infinity;
}

function take(slices: SliceAcc[], a: Atom, limits: Limits): void {
  const open = slices[slices.length - 1];
  if (open && open.tokens + a.cost <= limits.target) {
    open.atoms.push(a);
    open.tokens += a.cost;
    open.rank = Math.min(open.rank, a.h.rank);
  } else {
    slices.push({ f: a.f, atoms: [a], tokens: a.f.meter.header + a.cost, rank: a.h.rank });
  }
}

/** Every atom, each file's slices cut at atom boundaries in file order. */
function sliceAll(infos: FileInfo[], atoms: Atom[][], limits: Limits): SliceAcc[] {
  const out: SliceAcc[] = [];
  infos.forEach((_, i) => {
    const slices: SliceAcc[] = [];
    for (const a of atoms[i] ?? []) take(slices, a, limits);
    for (const s of slices) out.push(s);
  });
  return out;
}

/** One file's atoms of one rank, consumed front to back. */
type Entry = { slices: SliceAcc[]; atoms: Atom[]; next: number };

/**
 * Chooses atoms by rank under `budget`, spreading the rank where the budget runs out.
 * Returns the slices of all files in path order.
 */
function select(infos: FileInfo[], atoms: Atom[][], budget: number, limits: Limits): SliceAcc[] {
  const perFile: SliceAcc[][] = infos.map(() => []);
  const ranks = rankOf('config', true) + 1;
  const groups: Entry[][] = Array.from({ length: ranks }, () => []);
  infos.forEach((_, i) => {
    const byRank = new Map<number, Atom[]>();
    for (const a of atoms[i] ?? []) {
      const list = byRank.get(a.h.rank);
      if (list) list.push(a);
      else byRank.set(a.h.rank, [a]);
    }
    for (const [rank, list] of byRank) groups[rank]?.push({ slices: perFile[i] as SliceAcc[], atoms: list, next: 0 });
  });

  let left = budget;
  for (const group of groups) {
    if (group.length === 0) continue;
    if (left <= 0) break;
    const cums = group.map((e) => cumulative(e, limits));
    let need = 0;
    for (const c of cums) need += c[c.length - 1] ?? 0;
    if (need <= left) {
      for (const e of group) while (e.next < e.atoms.length) take(e.slices, e.atoms[e.next++] as Atom, limits);
      left -= need;
      continue;
    }
    waterFill(group, cums, left, limits);
    break; // lower ranks wait until this one is fully covered
  }
  return perFile.flatMap((slices) =>
    slices.sort((a, b) => firstPos(a) - firstPos(b) || (a.atoms[0]?.from ?? 0) - (b.atoms[0]?.from ?? 0)),
  );
}

function firstPos(s: SliceAcc): number {
  let best = Infinity;
  for (const a of s.atoms) best = Math.min(best, a.h.index);
  return best;
}

/** `cum[k]`: what taking the entry's first k+1 atoms would add, slices included. */
function cumulative(e: Entry, limits: Limits): number[] {
  const open = e.slices[e.slices.length - 1];
  let tokens = open ? open.tokens : -1;
  let sum = 0;
  const cum: number[] = [];
  for (const a of e.atoms) {
    if (tokens >= 0 && tokens + a.cost <= limits.target) {
      tokens += a.cost;
      sum += a.cost;
    } else {
      tokens = a.f.meter.header + a.cost;
      sum += tokens > limits.max ? Infinity : tokens;
    }
    cum.push(sum);
  }
  return cum;
}

/** How many of the ascending `cum` are ≤ cap. */
function countUpTo(cum: number[], cap: number): number {
  let lo = 0;
  let hi = cum.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((cum[mid] as number) <= cap) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Spends `budget` over the group so that coverage is spread: find the highest per-file
 * cap whose total fits (each file takes its whole atoms up to the cap, or a piece of its
 * first atom cut to the cap), take that, then hand what is left round-robin, one whole atom
 * per file per round. Returns the tokens spent.
 */
function waterFill(group: Entry[], cums: number[][], budget: number, limits: Limits): number {
  // A file whose first atom exceeds the cap is charged the whole cap: its cut piece costs at most that.
  const atCap = (cum: number[], cap: number): number => {
    const k = countUpTo(cum, cap);
    return k > 0 ? (cum[k - 1] as number) : cap;
  };
  const fits = (cap: number): boolean => {
    let sum = 0;
    for (const cum of cums) {
      sum += atCap(cum, cap);
      if (sum > budget) return false;
    }
    return true;
  };
  let lo = 0;
  let hi = 1;
  for (const cum of cums) for (const c of cum) if (Number.isFinite(c)) hi = Math.max(hi, c + 1);
  while (hi - lo > 1) {
    const mid = Math.floor((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid;
  }
  const cap = lo;

  let spent = 0;
  group.forEach((e, i) => {
    const k = countUpTo(cums[i] as number[], cap);
    if (k > 0) {
      spent += (cums[i] as number[])[k - 1] as number;
      while (e.next < k) take(e.slices, e.atoms[e.next++] as Atom, limits);
    } else if (cap > 0) {
      spent += cutFirst(e, cap, limits);
    }
  });

  let active = group.filter((e) => e.next < e.atoms.length);
  while (active.length > 0) {
    const still: Entry[] = [];
    for (const e of active) {
      const a = e.atoms[e.next] as Atom;
      const cost = addCost(e.slices, a, limits);
      // The budget only shrinks, so an entry that cannot take its next atom never will.
      if (spent + cost > budget) continue;
      take(e.slices, a, limits);
      spent += cost;
      e.next++;
      if (e.next < e.atoms.length) still.push(e);
    }
    active = still;
  }
  return spent;
}

/**
 * Takes the leading piece of the entry's next atom that costs at most `cap` (in the open
 * slice if that leaves more room, else in a new one) and leaves the rest as its next atom.
 */
function cutFirst(e: Entry, cap: number, limits: Limits): number {
  const a = e.atoms[e.next] as Atom;
  const { f, h } = a;
  const open = e.slices[e.slices.length - 1];
  const inOpen = open ? Math.min(cap, limits.target - open.tokens) : -Infinity;
  const inNew = Math.min(cap, limits.target) - f.meter.header;
  const limit = Math.max(inOpen, inNew);
  if (limit <= 0) return 0;
  // Leading context costs a small share without adding coverage: keep one line of it.
  const lines = h.hunk.lines;
  let start = a.from;
  while (start + 1 < a.to && lines[start]?.kind === 'context' && lines[start + 1]?.kind === 'context') start++;
  const end = f.meter.maxEnd(h.index, start, a.to, limit);
  if (end === start) return 0;
  const piece = makeAtom(f, h, start, end);
  if (piece.lines === 0) return 0;
  let spent: number;
  if (open && inOpen >= inNew) {
    open.atoms.push(piece);
    open.tokens += piece.cost;
    open.rank = Math.min(open.rank, h.rank);
    spent = piece.cost;
  } else {
    spent = f.meter.header + piece.cost;
    e.slices.push({ f, atoms: [piece], tokens: spent, rank: h.rank });
  }
  const rest = end < a.to ? makeAtom(f, h, end, a.to) : null;
  if (rest && rest.lines > 0 && f.meter.header + rest.cost <= limits.max) e.atoms[e.next] = rest;
  else e.next++;
  return spent;
}

function sumTokens(slices: SliceAcc[]): number {
  let sum = 0;
  for (const s of slices) sum += s.tokens;
  return sum;
}

/** How many recent chunks a slice may join: enough to fill gaps, few enough to stay linear and keep directories together. */
const PACK_WINDOW = 8;

type ChunkAcc = { slices: SliceAcc[]; tokens: number; rank: number };

/** Packs slices, in order, into chunks of at most the target (first fit over the last few chunks). */
function pack(slices: SliceAcc[], target: number): ChunkAcc[] {
  const chunks: ChunkAcc[] = [];
  for (const s of slices) {
    let home: ChunkAcc | undefined;
    for (let c = Math.max(0, chunks.length - PACK_WINDOW); c < chunks.length; c++) {
      const chunk = chunks[c] as ChunkAcc;
      if (chunk.tokens + s.tokens <= target) {
        home = chunk;
        break;
      }
    }
    if (home) {
      home.slices.push(s);
      home.tokens += s.tokens;
      home.rank = Math.min(home.rank, s.rank);
    } else {
      chunks.push({ slices: [s], tokens: s.tokens, rank: s.rank });
    }
  }
  return chunks;
}

function finish(infos: FileInfo[], packed: ChunkAcc[]): ChunkPlan {
  const reviewed = new Map<FileInfo, number>();
  const chunks: Chunk[] = packed
    .map((c, order) => ({ c, order }))
    .sort((a, b) => a.c.rank - b.c.rank || a.order - b.order)
    .map(({ c }) => {
      const slices = c.slices.map((s) => toFileSlice(s));
      let lines = 0;
      for (const [i, s] of slices.entries()) {
        lines += s.lines;
        const f = (c.slices[i] as SliceAcc).f;
        reviewed.set(f, (reviewed.get(f) ?? 0) + s.lines);
      }
      return { slices, tokens: c.tokens, lines };
    });

  const leftOut: LeftOut[] = [];
  let totalLines = 0;
  let reviewedLines = 0;
  for (const f of infos) {
    const done = reviewed.get(f) ?? 0;
    totalLines += f.total;
    reviewedLines += done;
    if (done < f.total)
      leftOut.push({ path: f.file.path, reason: reasonFor(f, done), lines: f.total - done, partial: done > 0 });
  }
  return { chunks, leftOut, reviewedLines, totalLines };
}

function toFileSlice(s: SliceAcc): FileSlice {
  const atoms = [...s.atoms].sort((a, b) => a.h.index - b.h.index || a.from - b.from);
  let lines = 0;
  const hunks = atoms.map((a) => {
    lines += a.lines;
    return a.from === 0 && a.to === a.h.hunk.lines.length ? a.h.hunk : sliceHunk(a.h.hunk, a.from, a.to, cutIndex(a.h));
  });
  return { file: s.f.file, hunks, tokens: s.tokens, lines };
}

function reasonFor(f: FileInfo, reviewed: number): string {
  const missing = f.total - reviewed;
  const tooLong = f.tooLong >= missing ? 'lines too long for one model call' : null;
  if (reviewed > 0) return `${tooLong ?? 'token ceiling reached'}: ${reviewed} of ${f.total} changed lines reviewed`;
  if (tooLong) return tooLong;
  if (f.deletionOnly === f.total) return 'deletion-only change, lowest priority';
  if (f.kind !== 'code') return `token ceiling reached (${f.kind} file, lower priority)`;
  return 'token ceiling reached';
}
