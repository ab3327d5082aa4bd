import type { Comparison } from '../ports.js';

/**
 * Pure translation of Gitea's and Forgejo's `GET /repos/{owner}/{repo}/compare/{base}...{head}`
 * (Gitea ≥ 1.22, `Compare` in modules/structs) into a Comparison.
 *
 * What the API gives: `commits`, every commit in `git log <merge base>..head` (never cut:
 * `total_commits` is their number), each with its `parents` and, by default, the `files` it
 * touched; Forgejo also sends `files`, the concatenation of those lists.
 *
 * What it does not give, and what is done instead:
 * - No `status`: head descends from base exactly when one of the listed commits has base as
 *   a parent (a walk from head back to base must step off a listed commit onto base). No
 *   commits at all means head is base or an ancestor of it (`behind`). Commits without any
 *   `parents` field leave the question open (`unknown`).
 * - No diff text for a range (only for one commit), so `diff` is null: callers that need
 *   it diff locally.
 * - No file list of the range itself: the union of the commits' files. It can name a file
 *   whose change a later commit undid, and after a merge of the base branch into the head
 *   it names the files that merge brought in (GitHub's list does the same).
 * - A commit that no longer exists (force push, then garbage collection) answers 404,
 *   which the adapter turns into `unknown`.
 */

type GiteaCommitRef = { sha?: string };
type GiteaAffectedFile = { filename?: string };
export type GiteaCommit = {
  sha?: string;
  parents?: GiteaCommitRef[] | null;
  files?: GiteaAffectedFile[] | null;
};
export type GiteaCompare = {
  total_commits?: number;
  commits?: GiteaCommit[] | null;
  files?: GiteaAffectedFile[] | null;
};

export const UNKNOWN_COMPARISON: Comparison = { status: 'unknown', diff: null, files: [] };

export function toComparison(base: string, data: GiteaCompare | null | undefined): Comparison {
  const commits = Array.isArray(data?.commits) ? data.commits : [];
  if (commits.length === 0) return { status: 'behind', diff: null, files: [] };
  const listed = Array.isArray(data?.files) ? data.files : commits.flatMap((c) => c.files ?? []);
  const files = [...new Set(listed.map((f) => f.filename).filter((f): f is string => typeof f === 'string'))];
  if (!commits.some((c) => Array.isArray(c.parents))) return { status: 'unknown', diff: null, files };
  const ahead = commits.some((c) => (c.parents ?? []).some((p) => sameCommit(p.sha, base)));
  return { status: ahead ? 'ahead' : 'diverged', diff: null, files };
}

/** Full SHAs compare equal; an abbreviated `base` matches the full SHA it starts. */
function sameCommit(sha: string | undefined, base: string): boolean {
  if (!sha) return false;
  const a = sha.toLowerCase();
  const b = base.toLowerCase();
  return a === b || (b.length >= 7 && a.startsWith(b));
}
