import type { DiffFile } from '../diff/types.js';
import type { SkippedFile } from '../diff/filter.js';
import type { RunBudget } from '../plan/budget.js';
import { coverage, type LeftOut } from '../plan/chunks.js';
import type { ChosenModel } from '../plan/choose-model.js';
import type { Tier } from '../plan/tier.js';
import type { TokenUsage } from '../ports.js';
import type { PendingRun, ReviewState } from '../state/marker.js';
import type { RunContext } from '../context/for-run.js';
import type { OpenFinding } from './fingerprint.js';
import type { Guidelines } from './guidelines.js';
import type { Placement } from './place.js';
import type { SummaryReport } from './render-summary.js';
import type { ChunkedOutcome } from './review-chunks.js';

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
  const byPath = new Map(kept.map((f) => [f.path, f]));
  const budgetSkips = leftOut.map((l) => {
    const total = byPath.get(l.path);
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

/** Everything the summary shows about one run, from what each step produced. */
export function buildReport(r: {
  headSha: string;
  kept: DiffFile[];
  skipped: SkippedFile[];
  changedLines: number;
  tier: Tier;
  budget: RunBudget;
  chosen: ChosenModel | null;
  outcome: ChunkedOutcome | null;
  placement: Placement | null;
  open: OpenFinding[];
  usage: TokenUsage;
  costUsd: number;
  state: ReviewState;
  extraNotes: string[];
  /** The guidelines the review was given, if any. */
  guidelines?: Guidelines | null;
  /** Another run's reservation for the same head: this run stood down for it. */
  busy?: PendingRun | null;
  forgeHost?: string | null;
  /** The code around the change that the review was shown. */
  context?: RunContext | null;
  /** The verification pass, rendered ("9 candidates, 4 confirmed" and what was not posted). */
  verification?: string | null;
}): SummaryReport {
  const { outcome, chosen, budget } = r;
  const status = r.busy ? 'busy' : budget.skip ? 'over-budget' : (outcome?.status ?? 'nothing-to-review');
  return {
    status,
    headSha: r.headSha,
    prSummary: outcome?.answer?.summary ?? '',
    placement: r.placement,
    open: r.open,
    ...coverageLists(r.kept, r.skipped, outcome?.leftOut ?? []),
    changedLines: r.changedLines,
    coverage: outcome && outcome.calls > 0 ? coverage(outcome) : null,
    tier: chosen?.tier ?? r.tier,
    model: chosen?.model ?? null,
    usage: r.usage,
    ceiling: budget.ceiling,
    costUsd: r.costUsd,
    notes: [
      ...(r.busy
        ? [
            `Not reviewed here: another run of this action started reviewing ${r.busy.sha.slice(0, 7)} at ${r.busy.at}. No tokens were spent.`,
          ]
        : []),
      ...(budget.skip && !r.busy ? [`Not reviewed: ${budget.skip}. No tokens were spent.`] : []),
      ...budget.notes,
      ...(chosen?.notes ?? []),
      ...(outcome?.notes ?? []),
      ...r.extraNotes,
    ],
    state: r.state,
    guidelines: r.guidelines ? { paths: r.guidelines.paths, cut: r.guidelines.cut } : null,
    forgeHost: r.forgeHost ?? null,
    verification: r.verification ?? null,
    context: r.context
      ? { line: r.context.line, files: r.context.files, tokens: r.context.selection.stats.tokens }
      : null,
  };
}
