import type { DiffFile, Hunk } from '../diff/types.js';
import type { Limits } from './chunk-types.js';
import { finish, pack } from './chunk-packing.js';
import { select, sliceAll, sumTokens } from './chunk-selection.js';
import { atomsOf, prepareFiles } from './chunk-sizing.js';

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
