import type { Config } from './config/config.js';
import { buildAnchorIndex } from './diff/anchor.js';
import { changedLines, filterFiles } from './diff/filter.js';
import { parseDiff } from './diff/parse.js';
import { UsageLedger } from './llm/ledger.js';
import { chooseModel } from './plan/choose-model.js';
import { estimateCost } from './plan/prices.js';
import { chooseTier } from './plan/tier.js';
import type { ForgeClient, Logger, ModelClient } from './ports.js';
import { placeFindings } from './review/place.js';
import { publishReview, publishSummary } from './review/publish.js';
import { renderSummary, type SummaryReport } from './review/render-summary.js';
import { reviewDiff, type ReviewOutcome } from './review/review-diff.js';
import { recordRun } from './state/record-run.js';
import { decodeState, SUMMARY_MARKER } from './state/marker.js';

export type RunDeps = { config: Config; forge: ForgeClient; model: ModelClient | null; log: Logger; now?: () => Date };

export type RunResult = {
  report: SummaryReport;
  summaryMarkdown: string;
  findings: NonNullable<ReviewOutcome['answer']> | null;
  reviewUrl: string | null;
  summaryUrl: string | null;
};

/** One review of one pull request: diff → plan → review → post. */
export async function run({ config, forge, model: client, log, now = () => new Date() }: RunDeps): Promise<RunResult> {
  const pr = await forge.getPullRequest();
  const { kept, skipped } = filterFiles(parseDiff(await forge.getDiff()), config);
  const lines = changedLines(kept);
  const tier = chooseTier(lines, config);
  log.info(`PR #${pr.number}: ${kept.length} file(s), ${lines} changed line(s) → ${tier} tier; ${skipped.length} left out`);

  const previous = await forge.findComment(SUMMARY_MARKER);
  const ledger = new UsageLedger(config.maxTokensPerRun);
  const chosen = kept.length > 0 ? await chooseModel(client, config, tier) : null;
  const outcome: ReviewOutcome | null = chosen
    ? await reviewDiff({ client, ledger, config, pr, files: kept, model: chosen.model })
    : null;
  const placement = outcome?.answer ? placeFindings(outcome.answer.findings, buildAnchorIndex(kept), config) : null;
  const posting = client !== null && !config.dryRun;
  const reviewUrl = placement && posting ? await publishReview(forge, pr, placement, config.reviewEvent) : null;

  const usage = ledger.total();
  const costUsd = chosen ? estimateCost(chosen.model.id, usage) : 0;
  const state = recordRun(decodeState(previous?.body), outcome?.status === 'reviewed', {
    at: now().toISOString(), sha: pr.headSha, model: chosen?.model.id ?? '', tokens: ledger.spent, cost: costUsd,
  });
  const report: SummaryReport = {
    status: outcome?.status ?? 'nothing-to-review', headSha: pr.headSha, prSummary: outcome?.answer?.summary ?? '',
    placement, reviewed: kept, skipped, changedLines: lines, tier, model: chosen?.model ?? null, usage,
    ceiling: config.maxTokensPerRun, costUsd, notes: [...(chosen?.notes ?? []), ...(outcome?.notes ?? [])], state,
  };
  const summaryMarkdown = renderSummary(report);
  const summary = posting ? await publishSummary(forge, previous, summaryMarkdown) : null;
  log.info(`Spent ${ledger.spent} of ${config.maxTokensPerRun} tokens; review ${reviewUrl ?? 'not posted'}`);
  return { report, summaryMarkdown, findings: outcome?.answer ?? null, reviewUrl, summaryUrl: summary?.url ?? null };
}
