import type { DiffFile } from './types.js';
import { DEFAULT_EXCLUDES } from './default-excludes.js';
import { compileGlob, type GlobMatcher } from './glob.js';

export { validateGlobs } from './glob.js';

/** A file left out of the review and a short human reason ("lock file", "binary", …). */
export type SkippedFile = { path: string; reason: string };

export type FilterOptions = { include: string[]; exclude: string[] };

const DEFAULT_MATCHERS: { reason: string; matchers: GlobMatcher[] }[] = Object.entries(DEFAULT_EXCLUDES).map(
  ([reason, patterns]) => ({ reason, matchers: patterns.map((p) => compileGlob(p, { nocase: true })) }),
);

/**
 * Splits files into those worth reviewing and those left out, with a reason for each.
 *
 * Precedence: the user's `exclude` always wins; with a non-empty `include`, only matching
 * paths are kept and a match overrides the built-in excludes (lock files, minified,
 * generated, vendored, binary extensions). Files with nothing to read — binary content,
 * submodule pointers, zero hunks — are skipped whatever the patterns say. Deleted files
 * are kept: removing code can be the bug.
 */
export function filterFiles(files: DiffFile[], opts: FilterOptions): { kept: DiffFile[]; skipped: SkippedFile[] } {
  const include = opts.include.map((p) => compileGlob(p));
  const exclude = opts.exclude.map((p) => compileGlob(p));
  const kept: DiffFile[] = [];
  const skipped: SkippedFile[] = [];
  for (const file of files) {
    const reason = skipReason(file, include, exclude);
    if (reason === null) kept.push(file);
    else skipped.push({ path: file.path, reason });
  }
  return { kept, skipped };
}

function skipReason(file: DiffFile, include: GlobMatcher[], exclude: GlobMatcher[]): string | null {
  const excludedBy = exclude.find((m) => m.test(file.path));
  if (excludedBy) return `excluded by pattern \`${excludedBy.pattern}\``;
  const included = include.some((m) => m.test(file.path));
  if (include.length > 0 && !included) return 'not matched by include';
  if (file.submodule) return 'submodule pointer';
  // The path's kind comes before the diff's "Binary files differ": a bundle marked `-diff` in
  // .gitattributes (as actions mark dist/) is a generated file, not a binary one.
  if (!included) {
    for (const group of DEFAULT_MATCHERS) {
      if (group.matchers.some((m) => m.test(file.path))) return group.reason;
    }
  }
  if (file.binary) return 'binary';
  if (file.hunks.length === 0) {
    return file.status === 'added' || file.status === 'deleted' ? 'empty file' : 'no content change';
  }
  return null;
}

/**
 * Files that hold secrets rather than code: never read as context, whatever the patterns say
 * (the model must not be sent a checked-in key or `.env`).
 */
const SECRET_FILES = [
  '.env',
  '.env.*',
  '*.pem',
  '*.key',
  '*.p12',
  '*.pfx',
  'id_rsa*',
  'id_ed25519*',
  '*.keystore',
  '.npmrc',
  '.pypirc',
  '.netrc',
].map((p) => compileGlob(p, { nocase: true }));

/**
 * Whether a path may never be shown as context: the user's `exclude`, the built-in excludes
 * (lock files, minified, generated, vendored, binaries) and files that hold secrets.
 * `include` does not narrow context: a definition outside it still explains the change.
 */
export function contextExcluded(opts: FilterOptions): (path: string) => boolean {
  const exclude = opts.exclude.map((p) => compileGlob(p));
  return (path) =>
    exclude.some((m) => m.test(path)) ||
    SECRET_FILES.some((m) => m.test(path)) ||
    DEFAULT_MATCHERS.some((g) => g.matchers.some((m) => m.test(path)));
}

/** Size of a change as the tier rules count it: additions plus deletions. */
export function changedLines(files: DiffFile[]): number {
  let total = 0;
  for (const f of files) total += f.additions + f.deletions;
  return total;
}
