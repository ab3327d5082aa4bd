import type { SnapshotReader } from './snapshot-port.js';

/**
 * The reader with `readFiles` remembered per commit and path: a read started early (the base
 * files context will want, while the config file is still on its way) answers the same read
 * later, and a file two steps want is fetched once. A failed read is forgotten, so that it
 * can be asked again. Snapshots are by commit, so what was read stays true.
 */
export function rememberReads(reader: SnapshotReader): SnapshotReader {
  const known = new Map<string, Promise<string | null>>();
  const key = (ref: string, path: string) => `${ref}\u0000${path}`;
  const remembered: SnapshotReader = {
    listFiles: (ref) => reader.listFiles(ref),
    async readFiles(paths, ref) {
      const missing = [...new Set(paths.filter((p) => !known.has(key(ref, p))))];
      if (missing.length > 0) {
        const batch = reader.readFiles(missing, ref);
        for (const path of missing) {
          const one = batch.then((texts) => texts.get(path) ?? null);
          known.set(key(ref, path), one);
          one.catch(() => known.delete(key(ref, path)));
        }
      }
      const texts = await Promise.all(paths.map((p) => known.get(key(ref, p))!));
      return new Map(paths.flatMap((p, i) => (texts[i] == null ? [] : [[p, texts[i]] as const])));
    },
  };
  if (reader.readAll) remembered.readAll = reader.readAll.bind(reader);
  return remembered;
}
