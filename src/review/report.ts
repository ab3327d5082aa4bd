import type { DiffFile } from '../diff/types.js';
import type { LeftOut } from '../plan/chunks.js';
import type { SkippedFile } from '../diff/filter.js';

function num(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * Files the review covered and every file it did not, with the reason: filtered out, or left
 * out for the budget (whole, or partly reviewed).
 */
export function coverageLists(kept: DiffFile[], skipped: SkippedFile[], leftOut: LeftOut[]) {
  const whole = new Set(leftOut.filter((l) => !l.partial).map((l) => l.path));
  const reviewed = kept.filter((f) => !whole.has(f.path));
  const budgetSkips = leftOut.map((l) => {
    const total = kept.find((f) => f.path === l.path);
    const all = total ? total.additions + total.deletions : l.lines;
    return {
      path: l.path,
      reason: l.partial
        ? `partly reviewed: ${num(all - l.lines)} of ${num(all)} changed lines (${l.reason})`
        : l.reason,
    };
  });
  return { reviewed, skipped: [...budgetSkips, ...skipped] };
}
