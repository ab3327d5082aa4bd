import type { ForgeClient, Identity, IssueComment } from '../ports.js';
import { SUMMARY_MARKER, type ReviewState, type RunRecord } from '../state/marker.js';
import { settleRun } from '../state/spend.js';
import { capComment, refreshSummary, renderSummary, shortSha, type SummaryReport } from './render-summary.js';

/**
 * How this run's summary comment reads for a given state: the full summary, or, when the run
 * found nothing new, the previous summary kept as it was with the run's notes on top.
 */
export function summaryRenderer(
  report: SummaryReport,
  keptBody: string | null,
  notes: string[],
): (state: ReviewState) => string {
  return (state) => (keptBody ? refreshSummary(keptBody, notes, state) : renderSummary({ ...report, state }));
}

/** The smallest summary that still records the spend, for when the forge refuses the full one. */
function minimalSummary(report: SummaryReport, state: ReviewState, why: string): string {
  const body = [
    SUMMARY_MARKER,
    `### Claude review of ${shortSha(report.headSha)}`,
    '',
    `The full summary could not be posted (${why}); the job summary of the workflow run has it.`,
  ].join('\n');
  return capComment(body, '', state);
}

/**
 * Writes the run's summary and its spend into the action's summary comment (merged with what
 * overlapping runs recorded meanwhile). A summary the forge refuses (422: too long, or
 * content it will not take) is replaced by a minimal one, so the spend is recorded anyway.
 */
export async function publishRunSummary(
  forge: ForgeClient,
  self: Identity | null,
  target: IssueComment | null,
  runId: string,
  spent: RunRecord,
  reviewed: boolean,
  render: (state: ReviewState) => string,
  report: SummaryReport,
  now = Date.now(),
): Promise<IssueComment | null> {
  const settle = (body: (state: ReviewState) => string) =>
    settleRun(forge, self, target, runId, spent, reviewed, body, now).then((w) => w.comment);
  try {
    return await settle(render);
  } catch (error) {
    if ((error as { status?: unknown }).status !== 422) throw error;
    return settle((state) => minimalSummary(report, state, 'the forge answered 422'));
  }
}
