import { containsWord } from './text.js';

/**
 * The repository as the selection sees it: the head and base versions of files, read on
 * demand, and a whole-word search over the head. The forge or git adapter implements it;
 * {@link snapshotFromMaps} implements it over texts already in memory.
 */
export interface Snapshot {
  /** Every file path of the head tree (the candidates for symbol search). */
  readonly paths: readonly string[];
  /** A file's text at the head commit, or null when it is absent (or binary, or too big to read). */
  readHead(path: string): Promise<string | null>;
  /** A file's text at the base commit, or null when it is absent there. */
  readBase(path: string): Promise<string | null>;
  /**
   * For each word, the head paths whose text holds it as a whole word, in `paths` order.
   * One call for many words, so an implementation can scan each file once.
   */
  filesContaining(words: readonly string[]): Promise<Map<string, string[]>>;
}

/**
 * A {@link Snapshot} over texts in memory. The search is a plain `includes` per file and
 * word, then a word-boundary check on the files that pass: for a few dozen words over a few
 * thousand files that costs tens of milliseconds and needs no index.
 */
export function snapshotFromMaps(
  head: ReadonlyMap<string, string>,
  base: ReadonlyMap<string, string> = head,
): Snapshot {
  const paths = [...head.keys()];
  return {
    paths,
    readHead: async (path) => head.get(path) ?? null,
    readBase: async (path) => base.get(path) ?? null,
    filesContaining: async (words) => {
      const out = new Map<string, string[]>(words.map((w) => [w, []]));
      for (const path of paths) {
        const text = head.get(path) ?? '';
        for (const word of words) if (containsWord(text, word)) out.get(word)!.push(path);
      }
      return out;
    },
  };
}
