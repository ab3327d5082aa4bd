import { randomUUID } from 'node:crypto';
import type { Config } from './config/config.js';
import { planRun } from './pipeline/plan-run.js';
import { prepare } from './pipeline/prepare.js';
import { publish } from './pipeline/publish.js';
import { readPull } from './pipeline/read-pull.js';
import { review } from './pipeline/review.js';
import { verify } from './pipeline/verify.js';
import type { ForgeClient, Logger, ModelClient } from './ports.js';
import type { ReviewAnswer } from './review/findings.js';
import type { Placement } from './review/place.js';
import type { SummaryReport } from './review/render-summary.js';
import type { ReviewRequest } from './trigger/trigger.js';

export type RunDeps = {
  config: Config;
  forge: ForgeClient;
  model: ModelClient | null;
  log: Logger;
  /** What was asked for: incremental (the default), full, or a tier (comment commands). */
  request?: ReviewRequest;
  now?: () => Date;
  /** Names this run's reservation in the summary's state (default: random). */
  runId?: string;
  /** Hands over what must happen when the runner cancels the job mid-run: record the spend. */
  onCancel?: (flush: () => Promise<void>) => void;
};

export type RunResult = {
  report: SummaryReport;
  summaryMarkdown: string;
  findings: ReviewAnswer | null;
  placement: Placement | null;
  reviewUrl: string | null;
  summaryUrl: string | null;
  /** Why the review or summary could not be posted (a read-only token), or null. */
  postingError: string | null;
};

/**
 * One review of one pull request: read the PR and what the action recorded on it → plan the
 * tier, model and ceiling → reserve the spend and read guidelines and context → the model
 * calls → verify every finding → post the review and the summary, recording what was billed.
 */
export async function run(deps: RunDeps): Promise<RunResult> {
  const steps = {
    ...deps,
    request: deps.request ?? { mode: 'incremental' as const, tier: null },
    now: deps.now ?? (() => new Date()),
    runId: deps.runId ?? randomUUID(),
  };
  const view = await readPull(steps);
  // The model is chosen while the reservation, guidelines and context are read.
  const planning = planRun(steps, view);
  const prep = await prepare(steps, view, planning);
  const plan = await planning;
  const reviewed = await review(steps, view, plan, prep);
  // The reservation was read back while the model worked: where it is, or another run holds the head.
  const held = await prep.confirmed;
  const { outcome, verification } = await verify(steps, view, plan, held, reviewed);
  return publish(steps, view, plan, held, outcome, verification);
}
