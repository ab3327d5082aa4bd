import type { ReviewState, RunRecord } from './marker.js';

const same = (a: RunRecord, b: RunRecord) => a.at === b.at && a.sha === b.sha && a.tokens === b.tokens;

/**
 * The state after this run: every run that spent tokens is recorded once (budgets add them
 * up); the reviewed head moves only when a review actually happened. Other runs'
 * reservations are kept.
 */
export function recordRun(previous: ReviewState, reviewed: boolean, run: RunRecord): ReviewState {
  const known = previous.runs.some((r) => same(r, run));
  return {
    ...previous,
    v: 1,
    reviewedSha: reviewed ? run.sha : previous.reviewedSha,
    runs: run.tokens > 0 && !known ? [...previous.runs, run] : previous.runs,
  };
}
