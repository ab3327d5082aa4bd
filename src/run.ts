import type { Config } from './config/config.js';
import { buildAnchorIndex } from './diff/anchor.js';
import { changedLines, filterFiles } from './diff/filter.js';
import { parseDiff } from './diff/parse.js';
import { runBudget } from './plan/budget.js';
import { chooseModel } from './plan/choose-model.js';
import { fileTokens } from './plan/measure.js';
import type { ResolvedModel } from './plan/models.js';
import { estimateCost } from './plan/prices.js';
import { canReviewUsefully, createRunLedger, priceTable } from './plan/run-ledger.js';
import { chooseTier } from './plan/tier.js';
import type { ForgeClient, Logger, ModelClient } from './ports.js';
import type { ReviewAnswer } from './review/findings.js';
import { dropRepeats } from './review/fingerprint.js';
import { placeFindings, type Placement } from './review/place.js';
import { asPosted, attemptPost, publishReview, publishSummary } from './review/publish.js';
import { refreshSummary, renderSummary, type SummaryReport } from './review/render-summary.js';
import { readGuidelines } from './review/guidelines.js';
import { buildReport } from './review/report.js';
import { reviewInChunks } from './review/review-chunks.js';
import { reviewScope } from './review/scope.js';
import { decodeState, SUMMARY_MARKER } from './state/marker.js';
import { readMonthUsage } from './state/month-usage.js';
import { recordRun } from './state/record-run.js';
import { saveState } from './state/save-state.js';
import type { ReviewRequest } from './trigger/trigger.js';

export type RunDeps = {
  config: Config;
  forge: ForgeClient;
  model: ModelClient | null;
  log: Logger;
  /** What was asked for: incremental (the default), full, or a tier (comment commands). */
  request?: ReviewRequest;
  now?: () => Date;
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

const NO_USAGE = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };

/** One review of one pull request: diff → scope → budget → model → review → post. */
export async function run(deps: RunDeps): Promise<RunResult> {
  const { config, forge, model: client, log, now = () => new Date() } = deps;
  const request = deps.request ?? { mode: 'incremental', tier: null };
  const pr = await forge.getPullRequest();
  const { kept, skipped } = filterFiles(parseDiff(await forge.getDiff()), config);
  const previous = await forge.findComment(SUMMARY_MARKER);
  const history = decodeState(previous?.body);
  const scope = await reviewScope(forge, request, history, pr.headSha, kept);
  const files = scope.files;
  const lines = changedLines(files);
  log.info(
    `PR #${pr.number}: ${files.length} file(s), ${lines} changed line(s) to review; ${skipped.length} filtered out`,
  );

  const budget = runBudget(config, history, await readMonthUsage(forge, config, now()));
  const tier = budget.stepDownToSmall ? 'small' : (request.tier ?? chooseTier(lines, config));
  const diffTokens = files.reduce((n, f) => n + fileTokens(f), 0);
  const usable = (m: ResolvedModel) => canReviewUsefully(config, budget.ceiling, m, diffTokens);
  const chosen = files.length > 0 && !budget.skip ? await chooseModel(client, config, tier, usable) : null;
  if (chosen) log.info(`${chosen.tier} tier → ${chosen.model.id}; ceiling ${budget.ceiling} tokens`);
  const ledger = chosen ? createRunLedger(config, budget.ceiling, chosen.model) : null;
  // Read from the base commit, and only when a model call is planned.
  const guidelines = chosen ? await readGuidelines(forge, pr.baseSha, config.guidelinesFiles, log) : null;
  const reviewing = new Set(files.map((f) => f.path));
  const otherFiles = scope.since ? kept.filter((f) => !reviewing.has(f.path)).map((f) => f.path) : [];
  const posting = client !== null && !config.dryRun;
  const outcome =
    chosen && ledger
      ? await reviewInChunks({ client, ledger, config, pr, files, model: chosen.model, otherFiles, guidelines }).catch(
          async (error: unknown) => {
            // What was billed before the failure still counts against the PR's and the month's budgets.
            const spent = {
              at: now().toISOString(),
              sha: pr.headSha,
              model: chosen.model.id,
              tokens: ledger.spent,
              cost: 0,
            };
            if (posting && ledger.spent > 0)
              await saveState(forge, previous, recordRun(history, false, spent)).catch(() => {});
            throw error;
          },
        )
      : null;
  const placed = outcome?.answer ? placeFindings(outcome.answer.findings, buildAnchorIndex(kept), config) : null;

  // Findings already posted on this PR, in comments still open, are not posted again.
  const deduped = posting ? dropRepeats(placed, kept, await forge.listReviewComments()) : null;
  const placement = deduped?.placement ?? placed;
  const review =
    placement && posting ? await attemptPost(() => publishReview(forge, pr, placement, config.reviewEvent)) : null;

  const usage = ledger?.total() ?? NO_USAGE;
  const costUsd = chosen ? estimateCost(chosen.model.id, usage, priceTable(config)) : 0;
  const upToDate = outcome?.status === 'reviewed' || (scope.since !== null && files.length === 0);
  const state = recordRun(history, upToDate, {
    at: now().toISOString(),
    sha: pr.headSha,
    model: chosen?.model.id ?? '',
    tokens: ledger?.spent ?? 0,
    cost: costUsd,
  });
  const repeated = deduped?.repeated ?? 0;
  const extraNotes = [
    ...scope.notes,
    ...(repeated > 0
      ? [`${repeated} finding(s) already posted in an earlier review, and still open, were not repeated.`]
      : []),
    ...(review && !review.ok ? [`The review could not be posted inline: ${review.error}`] : []),
  ];
  const report = buildReport({
    headSha: pr.headSha,
    kept: files,
    skipped,
    changedLines: lines,
    tier,
    budget,
    chosen,
    outcome,
    placement: placement ? asPosted(placement, review) : null,
    open: deduped?.open ?? [],
    usage,
    costUsd,
    state,
    extraNotes,
    guidelines,
  });
  const nothingNew = scope.since !== null && files.length === 0;
  const summaryMarkdown =
    nothingNew && previous ? refreshSummary(previous.body, scope.notes, state) : renderSummary(report);
  const summary = posting ? await attemptPost(() => publishSummary(forge, previous, summaryMarkdown)) : null;

  const postingError = (review && !review.ok ? review.error : null) ?? (summary && !summary.ok ? summary.error : null);
  log.info(
    `Spent ${ledger?.spent ?? 0} of ${budget.ceiling} tokens; review ${review?.ok ? (review.value.url ?? 'not needed') : 'not posted'}`,
  );
  return {
    report,
    summaryMarkdown,
    findings: outcome?.answer ?? null,
    placement,
    postingError,
    reviewUrl: review?.ok ? review.value.url : null,
    summaryUrl: summary?.ok ? summary.value.url : null,
  };
}
