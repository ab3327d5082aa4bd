import type { Config } from './config/config.js';
import { buildAnchorIndex } from './diff/anchor.js';
import { changedLines, filterFiles } from './diff/filter.js';
import { parseDiff } from './diff/parse.js';
import { runBudget, type MonthUsage } from './plan/budget.js';
import { chooseModel } from './plan/choose-model.js';
import { fileTokens } from './plan/measure.js';
import { estimateCost } from './plan/prices.js';
import { canReviewUsefully, createRunLedger, priceTable } from './plan/run-ledger.js';
import { chooseTier } from './plan/tier.js';
import type { ForgeClient, Logger, ModelClient } from './ports.js';
import type { ReviewAnswer } from './review/findings.js';
import { placeFindings, type Placement } from './review/place.js';
import { attemptPost, publishReview, publishSummary } from './review/publish.js';
import { renderSummary, type SummaryReport } from './review/render-summary.js';
import { buildReport } from './review/report.js';
import { reviewInChunks } from './review/review-chunks.js';
import { decodeState, SUMMARY_MARKER } from './state/marker.js';
import { monthStart, monthToDateTokens } from './state/month-usage.js';
import { recordRun } from './state/record-run.js';

export type RunDeps = { config: Config; forge: ForgeClient; model: ModelClient | null; log: Logger; now?: () => Date };

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

/** Summary comments updated this month are read back for the monthly budget: at most this many. */
export const MONTH_SCAN_LIMIT = 1000;

async function readMonthUsage(forge: ForgeClient, config: Config, now: Date): Promise<MonthUsage | null> {
  if (config.maxTokensPerMonth === null) return null;
  const { comments, truncated } = await forge.listRepositoryComments(monthStart(now).toISOString(), MONTH_SCAN_LIMIT);
  return { tokens: monthToDateTokens(comments, now), truncated };
}

/** One review of one pull request: diff → budget → model → review → post. */
export async function run({ config, forge, model: client, log, now = () => new Date() }: RunDeps): Promise<RunResult> {
  const pr = await forge.getPullRequest();
  const { kept, skipped } = filterFiles(parseDiff(await forge.getDiff()), config);
  const lines = changedLines(kept);
  const diffTokens = kept.reduce((n, f) => n + fileTokens(f), 0);
  log.info(`PR #${pr.number}: ${kept.length} file(s), ${lines} changed line(s); ${skipped.length} left out by filters`);

  const previous = await forge.findComment(SUMMARY_MARKER);
  const history = decodeState(previous?.body);
  const budget = runBudget(config, history, await readMonthUsage(forge, config, now()));
  const tier = budget.stepDownToSmall ? 'small' : chooseTier(lines, config);
  const usable = (m: Parameters<typeof canReviewUsefully>[2]) =>
    canReviewUsefully(config, budget.ceiling, m, diffTokens);
  const chosen = kept.length > 0 && !budget.skip ? await chooseModel(client, config, tier, usable) : null;
  if (chosen) log.info(`${chosen.tier} tier → ${chosen.model.id}; ceiling ${budget.ceiling} tokens`);
  const ledger = chosen ? createRunLedger(config, budget.ceiling, chosen.model) : null;
  const outcome =
    chosen && ledger ? await reviewInChunks({ client, ledger, config, pr, files: kept, model: chosen.model }) : null;
  const placement = outcome?.answer ? placeFindings(outcome.answer.findings, buildAnchorIndex(kept), config) : null;

  const posting = client !== null && !config.dryRun;
  const review =
    placement && posting ? await attemptPost(() => publishReview(forge, pr, placement, config.reviewEvent)) : null;
  const usage = ledger?.total() ?? { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
  const costUsd = chosen ? estimateCost(chosen.model.id, usage, priceTable(config)) : 0;
  const spent = ledger?.spent ?? 0;
  const state = recordRun(history, outcome?.status === 'reviewed', {
    at: now().toISOString(),
    sha: pr.headSha,
    model: chosen?.model.id ?? '',
    tokens: spent,
    cost: costUsd,
  });
  const extraNotes = review && !review.ok ? [`The review could not be posted inline: ${review.error}`] : [];
  const report = buildReport({
    headSha: pr.headSha,
    kept,
    skipped,
    changedLines: lines,
    tier,
    budget,
    chosen,
    outcome,
    placement,
    usage,
    costUsd,
    state,
    extraNotes,
  });
  const summaryMarkdown = renderSummary(report);
  const summary = posting ? await attemptPost(() => publishSummary(forge, previous, summaryMarkdown)) : null;

  const postingError = (review && !review.ok ? review.error : null) ?? (summary && !summary.ok ? summary.error : null);
  log.info(
    `Spent ${spent} of ${budget.ceiling} tokens; review ${review?.ok ? (review.value ?? 'not needed') : 'not posted'}`,
  );
  return {
    report,
    summaryMarkdown,
    findings: outcome?.answer ?? null,
    placement,
    postingError,
    reviewUrl: review?.ok ? review.value : null,
    summaryUrl: summary?.ok ? summary.value.url : null,
  };
}
