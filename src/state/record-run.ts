import type { ReviewState, RunRecord } from './marker.js';

/**
 * The state after this run: every run that spent tokens is recorded (budgets add them up);
 * the reviewed head moves only when a review actually happened.
 */
export function recordRun(previous: ReviewState, reviewed: boolean, run: RunRecord): ReviewState {
  return {
    v: 1,
    reviewedSha: reviewed ? run.sha : previous.reviewedSha,
    runs: run.tokens > 0 ? [...previous.runs, run] : previous.runs,
  };
}
