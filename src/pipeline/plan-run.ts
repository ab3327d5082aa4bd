import { chooseModel } from '../plan/choose-model.js';
import type { ResolvedModel } from '../plan/models.js';
import { canReviewUsefully, createRunLedger } from '../plan/run-ledger.js';
import { chooseTier } from '../plan/tier.js';
import type { RunRecord } from '../state/marker.js';
import type { PullView, RunPlan, StepDeps } from './types.js';

/**
 * The tier, the model and the ledger of this run, from the size of the change and the budget
 * left; no model is chosen when there is nothing to review, the budget is used up, or another
 * run is already reviewing this head.
 */
export async function planRun(deps: StepDeps, view: PullView): Promise<RunPlan> {
  const { config, model: client, log, now } = deps;
  const { budget, files, pr } = view;
  const tier = budget.stepDownToSmall ? 'small' : (deps.request.tier ?? chooseTier(view.lines, config));
  const usable = (m: ResolvedModel) => canReviewUsefully(config, budget.ceiling, m, view.diffTokens);
  const wanted = files.length > 0 && !budget.skip && !view.busy;
  const chosen = wanted ? await chooseModel(client, config, tier, usable) : null;
  if (chosen) log.info(`${chosen.tier} tier → ${chosen.model.id}; ceiling ${budget.ceiling} tokens`);
  const ledger = chosen ? createRunLedger(config, budget.ceiling, chosen.model) : null;
  const at = now().toISOString();
  const record = (tokens: number, cost = 0): RunRecord => ({
    at,
    sha: pr.headSha,
    model: chosen?.model.id ?? '',
    tokens,
    cost,
  });
  return { tier, chosen, ledger, posting: client !== null && !config.dryRun, record };
}
