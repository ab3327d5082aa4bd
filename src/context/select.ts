import type { DiffFile } from '../diff/types.js';
import { analyzeChangedFile, describeChange, type ChangedDefinition, type ChangedFile, type Want } from './gather.js';
import { findCallSites, findDefinitions, type LookupContext } from './lookup.js';
import { packCandidates } from './pack.js';
import type { LineRange } from './ranges.js';
import { renderContext } from './render.js';
import { indexPaths } from './resolve.js';
import type { Snapshot } from './snapshot.js';
import { splitLines } from './text.js';
import { DEFAULT_LIMITS, type Candidate, type ContextLimits, type ContextSelection, type Side } from './types.js';

export type SelectContextInput = {
  /** The diff files kept for review (after excludes and the plan). */
  files: readonly DiffFile[];
  snapshot: Snapshot;
  /** Tokens the context may take, note included. */
  budget: number;
  /** The token estimate the plan uses (plan/estimate.ts), so the budget means the same thing. */
  estimate: (text: string) => number;
  /** Paths never to show (the run's excludes: generated, vendored, secrets). */
  excluded?: (path: string) => boolean;
  limits?: Partial<ContextLimits>;
};

/**
 * Picks the context of a review: for each changed line, its enclosing scope, the same-file
 * definitions it uses, the definitions in other files of what it calls, and the unchanged
 * call sites of what the pull request changes or removes; ranked by how directly each bears
 * on a changed line and packed into `budget` tokens. The diff itself is not included.
 *
 * Pure but for the snapshot it is handed: no network, no environment, no files but the
 * tree-sitter wasm. Files that cannot be parsed are read by indentation instead.
 */
export async function selectContext(input: SelectContextInput): Promise<ContextSelection> {
  const limits: ContextLimits = { ...DEFAULT_LIMITS, ...input.limits };
  const excluded = input.excluded ?? ((): boolean => false);
  const { snapshot } = input;
  // Every changed file's head and base are asked for at once: on a forge each read is a round
  // trip, and a snapshot reader can batch the ones asked together.
  const wanted = input.files.filter((file) => !(file.binary || file.submodule || excluded(file.path)));
  const changedFiles: ChangedFile[] = await Promise.all(
    wanted.map(async (file) => {
      const needBase = file.status !== 'added' && file.hunks.some((h) => h.lines.some((l) => l.kind === 'del'));
      const [head, base] = await Promise.all([
        file.status === 'deleted' ? null : snapshot.readHead(file.path),
        needBase ? snapshot.readBase(file.oldPath ?? file.path) : null,
      ]);
      return describeChange(file, head, base);
    }),
  );
  const ctx: LookupContext = {
    snapshot,
    index: indexPaths(snapshot.paths),
    limits,
    changedPaths: new Set(input.files.flatMap((f) => (f.oldPath ? [f.path, f.oldPath] : [f.path]))),
    excluded,
    texts: new Map(),
    outlines: new Map(),
    fromImports: new Map(),
    counts: { parsed: 0, unparsed: 0 },
  };
  const candidates: Candidate[] = [];
  const wants: Want[] = [];
  const changed: ChangedDefinition[] = [];
  for (const file of changedFiles) {
    if (file.head !== null) ctx.texts.set(file.path, file.head);
    const analysis = await analyzeChangedFile(file, limits);
    candidates.push(...analysis.candidates);
    wants.push(...analysis.wants);
    changed.push(...analysis.changed);
    ctx.counts.parsed += analysis.parsed;
    ctx.counts.unparsed += analysis.unparsed;
    ctx.fromImports.set(file.path, analysis.imports);
  }
  candidates.push(...(await findDefinitions(ctx, wants)));
  candidates.push(...(await findCallSites(ctx, changed)));

  const byPath = new Map(changedFiles.map((f) => [f.path, f]));
  const linesCache = new Map<string, readonly string[] | null>();
  const linesOf = (path: string, side: Side): readonly string[] | null => {
    const key = `${side}\0${path}`;
    if (!linesCache.has(key)) {
      const text = side === 'head' ? (ctx.texts.get(path) ?? null) : (byPath.get(path)?.base ?? null);
      linesCache.set(key, text === null ? null : splitLines(text));
    }
    return linesCache.get(key) ?? null;
  };
  const shownOf = (path: string, side: Side): readonly LineRange[] => {
    const file = byPath.get(path);
    return file ? (side === 'head' ? file.shownHead : file.shownBase) : [];
  };
  const packed = packCandidates(candidates, linesOf, shownOf, input.budget, input.estimate);
  const pieces = packed.pieces;
  return {
    pieces,
    stats: {
      byKind: packed.byKind,
      pieces: pieces.length,
      files: new Set(pieces.map((p) => p.path)).size,
      tokens: pieces.length === 0 ? 0 : input.estimate(renderContext(pieces)),
      candidates: candidates.length,
      dropped: packed.dropped,
      parsed: ctx.counts.parsed,
      unparsed: ctx.counts.unparsed,
    },
  };
}
