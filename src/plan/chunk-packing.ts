/** Packing: the chosen slices into parts of about the target size, and the plan's report. */
import type { Chunk, ChunkPlan, FileSlice, LeftOut } from './chunks.js';
import type { FileInfo, SliceAcc } from './chunk-types.js';
import { cutIndex } from './chunk-sizing.js';
import { sliceHunk } from './slice.js';

/** How many recent chunks a slice may join: enough to fill gaps, few enough to stay linear and keep directories together. */
export const PACK_WINDOW = 8;

export type ChunkAcc = { slices: SliceAcc[]; tokens: number; rank: number };

/** Packs slices, in order, into chunks of at most the target (first fit over the last few chunks). */
export function pack(slices: SliceAcc[], target: number): ChunkAcc[] {
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

export function finish(infos: FileInfo[], packed: ChunkAcc[]): ChunkPlan {
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

export function toFileSlice(s: SliceAcc): FileSlice {
  const atoms = [...s.atoms].sort((a, b) => a.h.index - b.h.index || a.from - b.from);
  let lines = 0;
  const hunks = atoms.map((a) => {
    lines += a.lines;
    return a.from === 0 && a.to === a.h.hunk.lines.length ? a.h.hunk : sliceHunk(a.h.hunk, a.from, a.to, cutIndex(a.h));
  });
  return { file: s.f.file, hunks, tokens: s.tokens, lines };
}

export function reasonFor(f: FileInfo, reviewed: number): string {
  const missing = f.total - reviewed;
  const tooLong = f.tooLong >= missing ? 'lines too long for one model call' : null;
  if (reviewed > 0) return `${tooLong ?? 'token ceiling reached'}: ${reviewed} of ${f.total} changed lines reviewed`;
  if (tooLong) return tooLong;
  if (f.deletionOnly === f.total) return 'deletion-only change, lowest priority';
  if (f.kind !== 'code') return `token ceiling reached (${f.kind} file, lower priority)`;
  return 'token ceiling reached';
}
