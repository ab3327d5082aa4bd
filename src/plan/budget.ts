import type { Config } from '../config/config.js';
import type { ReviewState } from '../state/marker.js';

/** Below this many tokens a run cannot make a useful review, so it is skipped rather than started. */
export const MIN_RUN_TOKENS = 3000;

export type MonthUsage = { tokens: number; truncated: boolean };

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
export function runBudget(config: Config, prState: ReviewState, month: MonthUsage | null): RunBudget {
  const budget: RunBudget = { ceiling: config.maxTokensPerRun, skip: null, stepDownToSmall: false, notes: [] };
  if (config.maxTokensPerPr !== null) {
    const used = prState.runs.reduce((sum, r) => sum + r.tokens, 0);
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
    const used = `${num(month.tokens)}${month.truncated ? '+' : ''} of \`max-tokens-per-month\` (${num(config.maxTokensPerMonth)})`;
    if (month.truncated) {
      budget.notes.push(
        'Month-to-date usage is a lower bound: more summary comments were updated this month than the scan reads.',
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
