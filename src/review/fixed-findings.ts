/**
 * Which of the action's earlier findings the new commits fixed, so that their threads can be
 * resolved on a re-review. A finding counts as fixed when the code it was anchored to changed
 * (its comment is outdated, or the new commits rewrote its lines) and the new review does not
 * report it again. Threads someone replied to are left alone: people are discussing them. Pure.
 */
import type { DiffFile } from '../diff/types.js';
import type { ReviewComment } from '../ports.js';
import { readFingerprint } from './fingerprint.js';
import { titleWords } from './merge-findings.js';

/** A finding of the new review, as far as recognising a repeat needs it. */
export type NewFinding = { path: string; title: string; fingerprint?: string };

export type FixedFindings = {
  /** The action's own thread-opening comments whose finding was fixed. */
  fixed: ReviewComment[];
  /** Own open findings whose code changed but that stay open, and why. */
  kept: { comment: ReviewComment; reason: string }[];
};

/** The title in a comment's first line (`**<badge>: <title>**`), or '' when it has none. */
function titleOf(body: string): string {
  const first = body.split('\n', 1)[0] ?? '';
  const m = /^\*\*[^:]*: (.*)\*\*$/.exec(first);
  return m ? m[1]! : '';
}

/** New-side lines the new commits added or rewrote in each file, and where they removed lines. */
function touchedLines(files: DiffFile[]): Map<string, Set<number>> {
  const touched = new Map<string, Set<number>>();
  for (const f of files) {
    const lines = new Set<number>();
    for (const h of f.hunks) {
      let lastNew = h.newStart - 1;
      for (const l of h.lines) {
        if (l.kind === 'add') lines.add(l.newLine);
        // A removal sits just before the next new line: that line now stands where it was.
        if (l.kind === 'del') lines.add(lastNew + 1);
        if (l.newLine !== null) lastNew = l.newLine;
      }
    }
    touched.set(f.path, lines);
    if (f.oldPath) touched.set(f.oldPath, lines);
  }
  return touched;
}

/**
 * Decides which earlier findings were fixed. `comments` are the pull request's review comments
 * (by anyone: replies tell which threads are being discussed); `isOwn` tells the action's own;
 * `newDiffFiles` is the diff of the new commits (last reviewed head → new head); `newFindings`
 * are the new review's findings. A finding reported again — same fingerprint, or same path and
 * the same title words — is not fixed, whatever its lines did.
 */
export function fixedFindings(
  comments: ReviewComment[],
  isOwn: (c: ReviewComment) => boolean,
  newDiffFiles: DiffFile[],
  newFindings: NewFinding[],
): FixedFindings {
  const touched = touchedLines(newDiffFiles);
  const prints = new Set(newFindings.map((f) => f.fingerprint).filter((p): p is string => !!p));
  const titles = newFindings.map((f) => ({ path: f.path, words: [...titleWords(f.title)].sort().join(' ') }));
  const out: FixedFindings = { fixed: [], kept: [] };
  for (const c of comments) {
    if (!isOwn(c) || c.inReplyTo !== null || c.resolved) continue;
    const fp = readFingerprint(c.body);
    if (!fp) continue; // Not a finding of the action (an answer, an old comment without identity).
    const changed = c.outdated || c.line === null || (touched.get(c.path)?.has(c.line) ?? false);
    if (!changed) continue;
    const discussed = comments.some((r) => r.inReplyTo === c.id && !isOwn(r));
    if (discussed) {
      out.kept.push({ comment: c, reason: 'people are discussing it' });
      continue;
    }
    const words = [...titleWords(titleOf(c.body))].sort().join(' ');
    const again = prints.has(fp) || titles.some((t) => t.path === c.path && words !== '' && t.words === words);
    if (again) out.kept.push({ comment: c, reason: 'the new review reports it again' });
    else out.fixed.push(c);
  }
  return out;
}

/** The reply (where a forge can only reply) and the log line for a fixed finding. */
export function fixedNote(headSha: string): string {
  return `Fixed in ${headSha.slice(0, 7)}: the code this comment was on has changed and the new review no longer finds the problem.`;
}
