import { reviewInChunks, type ChunkedOutcome } from '../review/review-chunks.js';
import { decodeState, type RunRecord } from '../state/marker.js';
import { settleRun } from '../state/spend.js';
import type { Prepared, PullView, RunPlan, StepDeps } from './types.js';
import { verificationHold } from './verify.js';

/**
 * The model calls of the review (one, or parts run concurrently), under the run's ledger. A
 * failure records what was billed before it, then goes on up: the run's own error is what
 * the user needs to see.
 */
export async function review(
  deps: StepDeps,
  view: PullView,
  plan: RunPlan,
  prep: Prepared,
): Promise<ChunkedOutcome | null> {
  const { chosen, ledger } = plan;
  if (!chosen || !ledger || prep.standDown) return null;
  // The verification share is held back from planning: the parts cannot spend it.
  const hold = ledger.hold(verificationHold(deps, view, plan));
  const reviewing = new Set(view.files.map((f) => f.path));
  const otherFiles = view.scope.since ? view.kept.filter((f) => !reviewing.has(f.path)).map((f) => f.path) : [];
  try {
    const outcome = await reviewInChunks({
      client: deps.model,
      ledger,
      config: deps.config,
      pr: view.pr,
      files: view.files,
      model: chosen.model,
      otherFiles,
      guidelines: prep.guidelines,
      context: prep.context?.selection ?? null,
      effort: deps.config.tierEfforts[chosen.tier],
    });
    ledger.release(hold);
    return outcome;
  } catch (error) {
    ledger.release(hold);
    if (prep.reserved) await recordFailure(deps, view, prep, plan.record(ledger.committed));
    throw error;
  }
}

/**
 * What a failed run leaves: its spend recorded; a placeholder it made itself, when it spent
 * nothing and nobody else recorded anything in it, removed again (an error before any
 * billing leaves the pull request as it was).
 */
async function recordFailure(deps: StepDeps, view: PullView, prep: Prepared, spent: RunRecord): Promise<void> {
  const { forge, runId, now } = deps;
  const target = prep.target;
  try {
    if (!view.previous && target && spent.tokens === 0) {
      const current = decodeState((await forge.getComment(target.id))?.body);
      const others = (current.pending ?? []).filter((p) => p.id !== runId);
      if (current.runs.length === 0 && others.length === 0) return await forge.deleteComment(target.id);
    }
    await settleRun(forge, view.self, target, runId, spent, false, undefined, now().getTime());
  } catch {
    // The reservation stays and keeps counting in budgets; the review's error matters more.
  }
}
