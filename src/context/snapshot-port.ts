/**
 * How the context core reads the repository at a commit: through the forge's API (GitHub,
 * Gitea, Forgejo) or local git, never a checkout, and nothing of the repository executes.
 * Type-only, so the pure core can depend on it; the adapters live in `src/forge/*-snapshot.ts`.
 *
 * What every adapter guarantees:
 * - Paths are repository-relative with `/` separators, as git stores them.
 * - Only regular files count: directories, symbolic links and submodules are never listed.
 * - A text is the file's bytes decoded as UTF-8. A file whose first 8,000 bytes hold a NUL
 *   byte is binary (git's own test) and is never returned, nor is one over the adapter's
 *   per-file cap (512 KiB by default).
 * - Failures are ForgeErrors whose message says what to do (e.g. grant `contents: read`).
 */

/** A file of a commit's tree and its size in bytes. */
export type SnapshotFile = { path: string; size: number };

/** What `readAll` may take in, and which of the files it reads are worth keeping. */
export type ReadAllOptions = {
  /**
   * Most bytes the adapter may take in (the uncompressed archive, where the forge sends one;
   * the kept files' bytes for local git). Over it the answer is null, not an error.
   */
  maxBytes: number;
  /** Whether a path's text is wanted (e.g. source files only); others are read past. */
  keep: (path: string) => boolean;
};

/** A read-only view of the repository's snapshots, by commit SHA (or any ref the forge resolves). */
export interface SnapshotReader {
  /**
   * Every file in the commit with its size; `truncated` when the forge cut the listing (a
   * GitHub tree of more than 100,000 entries), so that paths not listed may still exist.
   * A commit that does not exist (or that the token may not read) is a ForgeError.
   */
  listFiles(ref: string): Promise<{ files: SnapshotFile[]; truncated: boolean }>;
  /**
   * Texts of the given paths at `ref`, keyed by path. Missing, binary or too-large files are
   * absent from the map, as is every path of a commit that does not exist.
   */
  readFiles(paths: string[], ref: string): Promise<Map<string, string>>;
  /**
   * The text of every kept file of the commit in one go (one archive download), or null when
   * that would take in more than `maxBytes` or the forge has no archive of it (a 404, which
   * GitHub and Gitea also answer for a missing commit): the caller then falls back to
   * `listFiles` + `readFiles`, and `listFiles` says what is wrong. Other failures throw.
   * Optional: an adapter where one go is never cheaper may leave it out.
   */
  readAll?(ref: string, opts: ReadAllOptions): Promise<Map<string, string> | null>;
}
