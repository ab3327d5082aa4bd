import type { Snapshot } from './snapshot.js';
import { snapshotFromMaps } from './snapshot.js';
import type { SnapshotReader } from './snapshot-port.js';
import { containsWord } from './text.js';

export type SnapshotBounds = {
  /** Most bytes one archive download may take in; past it, files are read one batch at a time. */
  maxArchiveBytes: number;
  /** Most files read for the word search when there is no archive (largest repositories). */
  maxSearchFiles: number;
  /** Paths worth reading: source text the run may show (its excludes and binaries are not). */
  keep: (path: string) => boolean;
  /** Paths whose base version will be wanted (changed files with removed lines): read at once. */
  prefetchBase?: readonly string[];
};

/** Defaults: a 64 MB archive covers all but the largest monorepos; past it, 1,500 files are searched. */
export const DEFAULT_SNAPSHOT_BOUNDS: Omit<SnapshotBounds, 'keep'> = {
  maxArchiveBytes: 64 * 1024 * 1024,
  maxSearchFiles: 1500,
};

export type LoadedSnapshot = {
  snapshot: Snapshot;
  /** How the head was read, for the log: `archive`, or `files` (targeted reads). */
  how: 'archive' | 'files';
  /** Files the word search could not look at (a huge repository read file by file). */
  unsearched: number;
};

/**
 * The head (and, on demand, base) snapshot of a pull request through a forge's
 * SnapshotReader. One archive download when the repository is small enough (the fastest by
 * far on a real network); otherwise the tree listing plus batched reads, with the word
 * search limited to the files nearest the change, so a monorepo never costs gigabytes.
 */
export async function loadSnapshot(
  reader: SnapshotReader,
  refs: { head: string; base: string },
  changedPaths: readonly string[],
  bounds: SnapshotBounds,
): Promise<LoadedSnapshot> {
  const readBase = batched((paths) => reader.readFiles(paths, refs.base));
  // The base versions the selection will need go out with the head's archive, not after it.
  for (const path of bounds.prefetchBase ?? []) readBase(path).catch(() => null);
  const all = reader.readAll
    ? await reader.readAll(refs.head, { maxBytes: bounds.maxArchiveBytes, keep: bounds.keep })
    : null;
  if (all) {
    const head = snapshotFromMaps(all);
    return { snapshot: { ...head, readBase }, how: 'archive', unsearched: 0 };
  }
  const listing = await reader.listFiles(refs.head);
  const paths = listing.files.map((f) => f.path).filter(bounds.keep);
  const texts = new Map<string, string>();
  const readHeadBatch = batched((paths) => reader.readFiles(paths, refs.head));
  const read = async (wanted: string[]) => {
    const missing = wanted.filter((p) => !texts.has(p));
    if (missing.length === 0) return;
    const got = await Promise.all(missing.map((p) => readHeadBatch(p)));
    missing.forEach((p, i) => texts.set(p, got[i] ?? ''));
  };
  // The word search reads the files nearest the change first: same folder, then parents.
  const searchable = nearestFirst(paths, changedPaths).slice(0, bounds.maxSearchFiles);
  let searched = false;
  const snapshot: Snapshot = {
    paths,
    readHead: async (path) => {
      await read([path]);
      const text = texts.get(path);
      return text === undefined || (text === '' && !paths.includes(path)) ? null : text;
    },
    readBase,
    filesContaining: async (words) => {
      if (!searched) {
        await read(searchable);
        searched = true;
      }
      const out = new Map<string, string[]>(words.map((w) => [w, []]));
      for (const path of searchable) {
        const text = texts.get(path) ?? '';
        for (const word of words) if (containsWord(text, word)) out.get(word)!.push(path);
      }
      return out;
    },
  };
  return { snapshot, how: 'files', unsearched: paths.length - searchable.length };
}

/**
 * Reads of single paths, each answered from one cache, where the reads asked for in the same
 * tick go to the forge as one batch (one GraphQL query or file-contents request, not one
 * round trip a file).
 */
export function batched(
  readMany: (paths: string[]) => Promise<Map<string, string>>,
): (path: string) => Promise<string | null> {
  const cache = new Map<string, Promise<string | null>>();
  let queue: string[] = [];
  let flush: Promise<Map<string, string>> | null = null;
  return (path) => {
    const known = cache.get(path);
    if (known) return known;
    queue.push(path);
    flush ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      const paths = queue;
      queue = [];
      flush = null;
      return readMany(paths);
    });
    const text = flush.then((m) => m.get(path) ?? null);
    cache.set(path, text);
    return text;
  };
}

/** `paths` ordered by how many leading folders they share with the nearest changed path (most first). */
export function nearestFirst(paths: readonly string[], changed: readonly string[]): string[] {
  const dirs = changed.map((p) => p.split('/').slice(0, -1));
  const closeness = (path: string) => {
    const parts = path.split('/').slice(0, -1);
    let best = 0;
    for (const d of dirs) {
      let i = 0;
      while (i < d.length && i < parts.length && d[i] === parts[i]) i++;
      best = Math.max(best, i);
    }
    return best;
  };
  return paths
    .map((path, i) => ({ path, i, c: closeness(path) }))
    .sort((a, b) => b.c - a.c || a.i - b.i)
    .map((x) => x.path);
}
