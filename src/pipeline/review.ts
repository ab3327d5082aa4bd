import { reviewInChunks, type ChunkedOutcome } from '../review/review-chunks.js';
import type { RunRecord } from '../state/marker.js';
import { withdraw } from './prepare.js';
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
    const held = await prep.confirmed;
    if (held.reserved) await recordFailure(deps, view, held, plan.record(ledger.committed));
    throw error;
  }
}

/**
 * What a failed run leaves: its spend recorded; when it spent nothing, its reservation (and a
 * placeholder it made) withdrawn, so an error before any billing leaves the PR as it was.
 */
async function recordFailure(deps: StepDeps, view: PullView, prep: Prepared, spent: RunRecord): Promise<void> {
  if (spent.tokens === 0) return withdraw(deps, view, prep.target);
  try {
    await settleRun(deps.forge, view.self, prep.target, deps.runId, spent, false, undefined, deps.now().getTime());
  } catch {
    // The reservation stays and keeps counting in budgets; the review's error matters more.
  }
}
