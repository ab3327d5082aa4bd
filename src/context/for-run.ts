import { languageForPath } from './languages.js';
import { loadLanguage } from './parser.js';
import type { DiffFile } from '../diff/types.js';
import { contextExcluded, filterFiles, type FilterOptions } from '../diff/filter.js';
import { parseDiff } from '../diff/parse.js';
import { estimateTokens } from '../plan/estimate.js';
import { DEFAULT_SNAPSHOT_BOUNDS, loadSnapshot } from './load-snapshot.js';
import { describeContext } from './render.js';
import { selectContext } from './select.js';
import type { SnapshotReader } from './snapshot-port.js';
import type { ContextSelection } from './types.js';

/** Most of the run's ceiling that context may take, whatever `context-tokens` says: the diff comes first. */
export const CONTEXT_SHARE = 0.25;

/**
 * The context budget of a run: `context-tokens`, at most a quarter of the ceiling, and only
 * what the diff leaves (`inputRoom` is what the ledger can still send, `diffTokens` the diff's
 * estimate and `promptTokens` the rest of one call).
 */
export function contextBudget(
  configured: number,
  ceiling: number,
  inputRoom: number,
  diffTokens: number,
  promptTokens: number,
): number {
  const left = inputRoom - diffTokens - promptTokens;
  return Math.max(0, Math.floor(Math.min(configured, ceiling * CONTEXT_SHARE, left)));
}

export type RunContext = {
  selection: ContextSelection;
  /** The summary line: "context: 14 definitions and 6 call sites from 9 files, 3,100 tokens". */
  line: string;
  /** Files the context came from, for the job summary. */
  files: string[];
  /** How the snapshot was read, for the log. */
  how: 'archive' | 'files';
};

/** The base versions context will read first: files whose hunks delete lines (removed code may still have callers). */
function baseFilesWanted(files: DiffFile[], keep: (path: string) => boolean): string[] {
  return files
    .filter((f) => f.status !== 'added' && f.hunks.some((h) => h.lines.some((l) => l.kind === 'del')))
    .map((f) => f.oldPath ?? f.path)
    .filter(keep);
}

/**
 * Starts reading the base files context will want, before the run's settings are complete
 * (the config file is still on its way): `gatherContext` later finds them in the reader,
 * which remembers its reads. Read under the workflow's filters; a file the config file then
 * excludes is read for nothing and never shown. Never fails: the real read says what is wrong.
 */
export function prefetchContextBase(reader: SnapshotReader, diff: string, base: string, filters: FilterOptions): void {
  const excluded = contextExcluded(filters);
  const paths = baseFilesWanted(filterFiles(parseDiff(diff), filters).kept, (p) => !excluded(p));
  if (paths.length > 0) reader.readFiles(paths, base).catch(() => {});
}

/**
 * Reads the pull request's head (and base) through the forge's snapshot reader and picks the
 * code that bears on the change within `budget` tokens. Excluded and secret files are never
 * read as context. Nothing of the repository is executed.
 */
export async function gatherContext(args: {
  reader: SnapshotReader;
  files: DiffFile[];
  head: string;
  base: string;
  budget: number;
  filters: FilterOptions;
}): Promise<RunContext | null> {
  if (args.budget <= 0 || args.files.length === 0) return null;
  // The grammars compile (WebAssembly, tens of milliseconds) while the snapshot downloads.
  for (const id of new Set(args.files.map((f) => languageForPath(f.path)))) if (id) void loadLanguage(id);
  const excluded = contextExcluded(args.filters);
  const keep = (path: string) => !excluded(path);
  const changed = args.files.map((f) => f.path);
  const prefetchBase = baseFilesWanted(args.files, keep);
  const loaded = await loadSnapshot(args.reader, { head: args.head, base: args.base }, changed, {
    ...DEFAULT_SNAPSHOT_BOUNDS,
    keep,
    prefetchBase,
  });
  const selection = await selectContext({
    files: args.files,
    snapshot: loaded.snapshot,
    budget: args.budget,
    estimate: estimateTokens,
    excluded,
  });
  if (selection.pieces.length === 0) return null;
  const files = [...new Set(selection.pieces.map((p) => p.path))];
  return { selection, line: describeContext(selection.stats), files, how: loaded.how };
}
