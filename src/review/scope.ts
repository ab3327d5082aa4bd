import { parseDiff } from '../diff/parse.js';
import type { DiffFile, Hunk } from '../diff/types.js';
import type { Comparison, ForgeClient } from '../ports.js';
import type { ReviewState } from '../state/marker.js';
import type { ReviewRequest } from '../trigger/trigger.js';
import { shortSha } from './render-summary.js';

export type Scope = {
  /** What this run reviews: every kept file, or only what changed since the last review. */
  files: DiffFile[];
  /** The commit the review is incremental from, or null for a full review. */
  since: string | null;
  notes: string[];
  /**
   * What the new commits changed (last reviewed head → head), when the forge gives that diff;
   * null for a full review. Used to tell which earlier findings they fixed.
   */
  increment?: DiffFile[] | null;
};

/** New-side line ranges touched by a diff, per path. */
function touched(diff: string): Map<string, [number, number][]> {
  const ranges = new Map<string, [number, number][]>();
  for (const f of parseDiff(diff)) {
    const list = f.hunks.map((h): [number, number] => [h.newStart, h.newStart + Math.max(h.newLines, 1) - 1]);
    ranges.set(f.path, list);
  }
  return ranges;
}

const overlaps = (h: Hunk, ranges: [number, number][]) =>
  ranges.some(([lo, hi]) => h.newStart <= hi && lo <= h.newStart + Math.max(h.newLines, 1) - 1);

/**
 * The PR's hunks that the changes since the last review touch. With a diff of the increment
 * (GitHub) that is hunk-exact; with only its file list (Gitea/Forgejo) it is whole files.
 */
export function narrowToChanges(files: DiffFile[], cmp: Comparison): DiffFile[] {
  if (cmp.diff !== null) {
    const ranges = touched(cmp.diff);
    return files
      .filter((f) => ranges.has(f.path))
      .map((f) => ({ ...f, hunks: f.hunks.filter((h) => overlaps(h, ranges.get(f.path)!)) }))
      .map((f) => ({
        ...f,
        additions: f.hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === 'add').length, 0),
        deletions: f.hunks.reduce((n, h) => n + h.lines.filter((l) => l.kind === 'del').length, 0),
      }))
      .filter((f) => f.hunks.length > 0);
  }
  const changed = new Set(cmp.files);
  return files.filter((f) => changed.has(f.path) || (f.oldPath !== null && changed.has(f.oldPath)));
}

/**
 * What this run should review. An incremental request reviews only what changed since the
 * head the summary records; when that commit is no longer an ancestor of the head (a force
 * push or rebase) it falls back to a full review and says why.
 */
export async function reviewScope(
  forge: ForgeClient,
  request: ReviewRequest,
  history: ReviewState,
  headSha: string,
  files: DiffFile[],
): Promise<Scope> {
  const last = history.reviewedSha;
  if (request.mode === 'full' || last === null) return { files, since: null, notes: [] };
  if (last === headSha) {
    return {
      files: [],
      since: last,
      notes: [
        `Nothing new since ${shortSha(last)}, which was already reviewed. Comment \`/review full\` to review everything again.`,
      ],
    };
  }
  const cmp = await forge.compare(last, headSha);
  if (cmp.status === 'ahead' || cmp.status === 'identical') {
    const narrowed = cmp.status === 'identical' ? [] : narrowToChanges(files, cmp);
    const what =
      narrowed.length === 0 ? 'nothing to review (only excluded files changed, or none)' : `${narrowed.length} file(s)`;
    return {
      files: narrowed,
      since: last,
      notes: [`Incremental review: changes since ${shortSha(last)}: ${what}.`],
      // Without the increment's diff (Gitea), the files it touched stand for it, whole.
      increment: cmp.diff !== null ? parseDiff(cmp.diff) : narrowed,
    };
  }
  return {
    files,
    since: null,
    notes: [
      `Full review: ${shortSha(last)}, the last reviewed commit, is no longer an ancestor of the head (force push or rebase).`,
    ],
  };
}
