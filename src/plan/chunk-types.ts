/** The planner's working types, shared by its sizing, selection and packing steps. */
import type { DiffFile, Hunk } from '../diff/types.js';
import type { FileKind } from './priority.js';
import type { HunkIndex } from './slice.js';

export type Limits = { max: number; target: number };

/** Token costs of one file's parts; see {@link renderMeter} and {@link measureMeter}. */
export interface FileMeter {
  /** Tokens of the file's `##` header line, paid once per slice. */
  readonly header: number;
  /** Tokens that lines `[from, to)` of hunk `h`, as one (re-cut) hunk, add to a slice. */
  cost(h: number, from: number, to: number): number;
  /** The largest `end` in `[from, to]` with `cost(h, from, end) ≤ limit`; `from` when not even one line fits. */
  maxEnd(h: number, from: number, to: number, limit: number): number;
}

export type HunkInfo = {
  index: number;
  hunk: Hunk;
  changed: number;
  rank: number;
  /** Built on first use: only hunks that get cut need it. */
  cut: HunkIndex | null;
};

export type FileInfo = {
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
export type Atom = { f: FileInfo; h: HunkInfo; from: number; to: number; cost: number; lines: number };

/** A slice being built: atoms in the order they were chosen, tokens including the header. */
export type SliceAcc = { f: FileInfo; atoms: Atom[]; tokens: number; rank: number };
