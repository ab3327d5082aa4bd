import type { Config } from '../config/config.js';
import { stateTokens, type ReviewState } from '../state/marker.js';

/** Below this many tokens a run cannot make a useful review, so it is skipped rather than started. */
export const MIN_RUN_TOKENS = 3000;

/** What this month's runs recorded; `complete` false (with `why`) when not all of it could be read. */
export type MonthUsage = { tokens: number; complete: boolean; why?: string };

export type RunBudget = {
  /** The token ceiling for this run: the smallest of the per-run, per-PR and (hard) monthly room. */
  ceiling: number;
  /** Why the run is skipped, or null. */
  skip: string | null;
  /** Soft monthly budget used up: review with the small tier. */
  stepDownToSmall: boolean;
  notes: string[];
};

function num(n: number): string {
  return n.toLocaleString('en-US');
}

/**
 * The room this run has, from the per-run ceiling and what earlier runs recorded: on this PR
 * (its summary's hidden state) and across the repository this month.
 */
export function runBudget(
  config: Config,
  prState: ReviewState,
  month: MonthUsage | null,
  /** Why the PR's recorded spend cannot be known (the action cannot tell its own comments), or null. */
  prUnknown: string | null = null,
): RunBudget {
  const budget: RunBudget = { ceiling: config.maxTokensPerRun, skip: null, stepDownToSmall: false, notes: [] };
  if (config.maxTokensPerPr !== null && prUnknown !== null) {
    if (config.budgetMode === 'hard') {
      budget.skip = `the per-PR budget could not be checked (${prUnknown}); \`budget-mode: hard\` does not review without it`;
      return budget;
    }
    budget.stepDownToSmall = true;
    budget.notes.push(`⚠️ The per-PR budget could not be checked (${prUnknown}); reviewing with the small tier.`);
  } else if (config.maxTokensPerPr !== null) {
    const used = stateTokens(prState);
    const left = config.maxTokensPerPr - used;
    if (left < MIN_RUN_TOKENS) {
      budget.skip = `the per-PR budget is used up: ${num(used)} of \`max-tokens-per-pr\` (${num(config.maxTokensPerPr)}) tokens spent on this pull request`;
      return budget;
    }
    if (left < budget.ceiling) {
      budget.ceiling = left;
      budget.notes.push(
        `Ceiling lowered to ${num(left)} tokens: what is left of \`max-tokens-per-pr\` (${num(used)} of ${num(config.maxTokensPerPr)} used).`,
      );
    }
  }
  if (config.maxTokensPerMonth !== null && month) {
    const left = config.maxTokensPerMonth - month.tokens;
    const used = `${num(month.tokens)}${month.complete ? '' : '+'} of \`max-tokens-per-month\` (${num(config.maxTokensPerMonth)})`;
    if (!month.complete) {
      // Fail closed: a partial sum could hide most of the month's spend.
      const why = month.why ?? 'the scan did not finish';
      if (config.budgetMode === 'hard') {
        budget.skip = `the monthly budget could not be checked (${why}); \`budget-mode: hard\` does not review without it`;
        return budget;
      }
      budget.stepDownToSmall = true;
      budget.notes.push(
        `⚠️ The monthly budget could not be checked (${why}); \`budget-mode: soft\` reviews with the small tier.`,
      );
    }
    if (config.budgetMode === 'hard') {
      if (left < MIN_RUN_TOKENS) {
        budget.skip = `the monthly budget is used up: ${used} tokens spent in this repository this month`;
        return budget;
      }
      if (left < budget.ceiling) {
        budget.ceiling = left;
        budget.notes.push(`Ceiling lowered to ${num(left)} tokens: what is left of the monthly budget (${used} used).`);
      }
    } else if (left <= 0) {
      budget.stepDownToSmall = true;
      budget.notes.push(
        `⚠️ The monthly budget is used up (${used} tokens); \`budget-mode: soft\` reviews with the small tier until the month ends.`,
      );
    }
  }
  return budget;
}
