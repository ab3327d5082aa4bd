import type { RunStatus } from './review/render-summary.js';
import type { RunResult } from './run.js';

/**
 * The `status` output, for `if:` in later steps: `reviewed` (the model reviewed the change;
 * findings may be none), `answered` (a question or `/review help`), `skipped` (nothing
 * reviewed, on purpose: `skip-reason` says why) or `failed` (the step failed).
 */
export type ActionStatus = 'reviewed' | 'answered' | 'skipped' | 'failed';

/** Why nothing was reviewed; '' unless `status` is `skipped`. */
export type SkipReason =
  | 'not-triggered'
  | 'not-allowed'
  | 'fork'
  | 'nothing-to-review'
  | 'over-budget'
  | 'over-ceiling'
  | 'busy'
  | 'dry-run'
  | 'declined';

/** Every value of `skip-reason`, for action.yml and the docs (checked in tests). */
export const SKIP_REASONS: readonly SkipReason[] = [
  'not-triggered',
  'not-allowed',
  'fork',
  'nothing-to-review',
  'over-budget',
  'over-ceiling',
  'busy',
  'dry-run',
  'declined',
];

/** The `status` and `skip-reason` outputs, as strings. */
export function statusOutputs(status: ActionStatus, reason: SkipReason | '' = ''): Record<string, string> {
  return { status, 'skip-reason': status === 'skipped' ? reason : '' };
}

/** How a review run ended, as the two status outputs. */
export function runStatus(status: RunStatus): Record<string, string> {
  return status === 'reviewed' ? statusOutputs('reviewed') : statusOutputs('skipped', status);
}

/** The step outputs of DESIGN.md, plus the status, as strings. */
export function actionOutputs(result: RunResult, findingsFile: string, sarifFile: string): Record<string, string> {
  const { report } = result;
  const u = report.usage;
  const input = u.input + u.cacheWrite + u.cacheRead;
  const posted = report.placement ? report.placement.inline.length + report.placement.unplaced.length : 0;
  return {
    ...runStatus(report.status),
    model: report.model?.id ?? '',
    tier: report.tier,
    'input-tokens': String(input),
    'output-tokens': String(u.output),
    'total-tokens': String(input + u.output),
    'cost-usd': report.costUsd.toFixed(6),
    'findings-count': String(posted),
    'findings-file': findingsFile,
    'sarif-file': sarifFile,
    'review-url': result.reviewUrl ?? '',
    'skipped-files': JSON.stringify(report.skipped),
  };
}
