import type { ContextPiece } from '../context/types.js';
import type { Finding } from '../review/findings.js';
import { mergeFindings } from '../review/merge-findings.js';
import type { VerificationSummary } from '../review/render-verdicts.js';
import type { ChunkedOutcome } from '../review/review-chunks.js';
import { hunkFor } from '../review/verify-prompt.js';
import { expectedFindings, verificationShare, verifyFindings } from '../review/verify.js';
import type { Prepared, PullView, RunPlan, StepDeps } from './types.js';

/** Most of the ceiling held back for verification before the review is planned. */
const MAX_VERIFY_SHARE = 0.15;

/** What the verification pass decided, for the summary. */
export type Verification = { summary: VerificationSummary; notes: string[] };

/**
 * Tokens held back for verification before the review's parts are planned (the planner would
 * otherwise spend the whole ceiling on the review), or 0 when no verification will run.
 */
export function verificationHold(deps: StepDeps, view: PullView, plan: RunPlan): number {
  if (!plan.chosen || !deps.model || deps.config.dryRun) return 0;
  const expected = expectedFindings(view.lines, deps.config.maxComments);
  const share = verificationShare({ expectedFindings: expected, model: plan.chosen.model.id });
  // The review comes first: under a tight ceiling verification gets at most this share of it
  // (and says so when that is too little: the findings are then posted marked unverified).
  return Math.min(share, Math.floor(view.budget.ceiling * MAX_VERIFY_SHARE));
}

/** The context pieces that bear on a finding: those of its file and of the files its evidence names. */
function contextOf(finding: Finding, pieces: readonly ContextPiece[]): string[] {
  const paths = new Set([finding.path, ...(finding.evidence ?? []).map((e) => e.path)]);
  return pieces.filter((p) => paths.has(p.path)).map((p) => p.text);
}

/** A finding no verdict was given for keeps its place, saying so and why. */
function markUnverified(finding: Finding, reason: string): Finding {
  return { ...finding, body: `${finding.body}\n\n_Not verified: ${reason}._` };
}

/**
 * A second look at every candidate finding: duplicates from different parts are merged, then
 * each is checked by a separate call that sees the finding, its hunk and the context gathered
 * for it, under the same ledger. Only confirmed findings at or above `min-confidence` stay,
 * plus those that could not be verified (marked so, with the reason); the rejected ones go to
 * the summary with their reason.
 */
export async function verify(
  deps: StepDeps,
  view: PullView,
  plan: RunPlan,
  prep: Prepared,
  outcome: ChunkedOutcome | null,
): Promise<{ outcome: ChunkedOutcome | null; verification: Verification | null }> {
  const { chosen, ledger } = plan;
  const answer = outcome?.answer;
  if (!outcome || !answer || !chosen || !ledger || !deps.model || deps.config.dryRun || prep.standDown) {
    return { outcome, verification: null };
  }
  const { findings, merged } = mergeFindings(answer.findings);
  const notes = merged > 0 ? [`${merged} duplicate finding(s) from different parts were merged.`] : [];
  if (findings.length === 0)
    return { outcome: { ...outcome, notes: [...outcome.notes, ...notes] }, verification: null };
  const pieces = prep.context?.selection.pieces ?? [];
  const result = await verifyFindings({
    client: deps.model,
    ledger,
    model: chosen.model.id,
    findings,
    code: (f) => ({ hunk: hunkFor(f, view.files), context: contextOf(f, pieces) }),
    minConfidence: deps.config.minConfidence,
    maxOutput: Math.min(deps.config.maxOutputTokens, chosen.model.maxOutputTokens),
  });
  const summary: VerificationSummary = {
    candidates: findings.length,
    confirmed: result.confirmed.length,
    rejected: result.rejected,
    unverified: result.unverified,
    minConfidence: deps.config.minConfidence,
  };
  const kept = [...result.confirmed, ...result.unverified.map((u) => markUnverified(u.finding, u.reason))];
  return {
    outcome: {
      ...outcome,
      answer: { ...answer, findings: kept },
      notes: [...outcome.notes, ...notes, ...result.notes],
    },
    verification: { summary, notes: result.notes },
  };
}
