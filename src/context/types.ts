import type { LineRange } from './ranges.js';

/** What a piece of context is, by how it bears on the change. */
export type PieceKind = 'scope' | 'whole-file' | 'same-file' | 'definition' | 'reference';

/** `head` is the pull request's version of a file; `base` the version before it (removed code). */
export type Side = 'head' | 'base';

/** One read-only block of code shown beside the diff. */
export type ContextPiece = {
  path: string;
  side: Side;
  /** 1-based, inclusive: the first and last line shown. */
  startLine: number;
  endLine: number;
  kind: PieceKind;
  /** Why it is shown, in a few words ("function roundTo, called on src/cart.ts:14"). */
  reason: string;
  /** The rendered block: header line, then numbered lines (see render.ts). */
  text: string;
  /** The estimate of `text`, as the budget counted it. */
  tokens: number;
  /** The rank: higher bears more directly on a changed line. */
  score: number;
  /** The line ranges shown; the gaps between them are elided or already in the diff. */
  ranges: LineRange[];
};

/** What the selection found and kept, for the summary line and the log. */
export type ContextStats = {
  /** Kept evidence by kind, counted before overlapping pieces of a file were merged into one block. */
  byKind: Record<PieceKind, number>;
  /** Blocks in the prompt (after merging). */
  pieces: number;
  files: number;
  /** The estimate of the whole rendered context, note included. */
  tokens: number;
  /** Candidates found, and those left out for the budget. */
  candidates: number;
  dropped: number;
  /** Files parsed with tree-sitter, and files read as text only because they could not be. */
  parsed: number;
  unparsed: number;
};

/** The outcome of a selection: the blocks, best first, and what they add up to. */
export type ContextSelection = { pieces: ContextPiece[]; stats: ContextStats };

/** A candidate before packing: where, what, why and how strongly. */
export type Candidate = {
  path: string;
  side: Side;
  ranges: LineRange[];
  kind: PieceKind;
  reason: string;
  score: number;
  /** How many changed lines it bears on (a tie-breaker). */
  bears: number;
};

/** The knobs of a selection; every one has a default (see DEFAULT_LIMITS). */
export type ContextLimits = {
  /** An enclosing scope longer than this is cut to its header, the lines around the change and its end. */
  scopeMaxLines: number;
  /** Lines kept on each side of a changed line in a cut scope. */
  scopeRadius: number;
  /** A changed file of at most this many lines is offered whole. */
  wholeFileMaxLines: number;
  /** A definition longer than this is cut to its signature and the first `definitionBodyLines` of its body. */
  definitionMaxLines: number;
  definitionBodyLines: number;
  /** A call site's scope longer than this is cut to its header and the lines around the call. */
  referenceMaxLines: number;
  referenceRadius: number;
  /** Names searched over the snapshot (callees with no import to follow, changed definitions). */
  maxSearchWords: number;
  /** Files parsed per searched name, best candidates first. */
  maxFilesPerName: number;
  /** Call sites kept per changed definition, and per file and definition. */
  maxReferencesPerName: number;
  maxReferencesPerFile: number;
};

export const DEFAULT_LIMITS: ContextLimits = {
  scopeMaxLines: 80,
  scopeRadius: 6,
  wholeFileMaxLines: 150,
  definitionMaxLines: 30,
  definitionBodyLines: 12,
  referenceMaxLines: 14,
  referenceRadius: 3,
  maxSearchWords: 60,
  maxFilesPerName: 8,
  maxReferencesPerName: 6,
  maxReferencesPerFile: 2,
};
