import { buildAnchorIndex } from '../diff/anchor.js';
import { estimateCost } from '../plan/prices.js';
import { priceTable } from '../plan/run-ledger.js';
import { dropRepeats } from '../review/fingerprint.js';
import { placeFindings } from '../review/place.js';
import { asPosted, attemptPost, hostOf, publishReview } from '../review/publish.js';
import { buildReport } from '../review/report.js';
import type { ChunkedOutcome } from '../review/review-chunks.js';
import { renderSummary } from '../review/render-summary.js';
import { publishRunSummary, summaryRenderer } from '../review/summary-writer.js';
import { isOwn } from '../state/own.js';
import { recordRun } from '../state/record-run.js';
import type { RunResult } from '../run.js';
import { UNKNOWN_SELF } from './read-pull.js';
import type { Prepared, PullView, RunPlan, StepDeps } from './types.js';

const NO_USAGE = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };

/**
 * Posts what the review found: the inline findings not already open from an earlier review,
 * as one review; then the summary with this run's spend, merged into the action's summary
 * comment. A run that stood down for another posts nothing.
 */
export async function publish(
  deps: StepDeps,
  view: PullView,
  plan: RunPlan,
  prep: Prepared,
  outcome: ChunkedOutcome | null,
): Promise<RunResult> {
  const { config, forge, log, now } = deps;
  const { pr, kept, self, scope, files } = view;
  const { chosen, ledger, posting } = plan;
  const writing = posting && !prep.standDown;
  const placed = outcome?.answer ? placeFindings(outcome.answer.findings, buildAnchorIndex(kept), config) : null;
  // Findings the action itself posted on this PR, in comments still open, are not posted again.
  const own = writing
    ? (await forge.listReviewComments()).filter((c) => isOwn({ id: c.authorId, login: c.author }, self))
    : [];
  const deduped = writing ? dropRepeats(placed, kept, own) : null;
  const placement = deduped?.placement ?? placed;
  const posted =
    placement && posting ? await attemptPost(() => publishReview(forge, pr, placement, config.reviewEvent)) : null;

  const usage = ledger?.total() ?? NO_USAGE;
  const costUsd = chosen ? estimateCost(chosen.model.id, usage, priceTable(config)) : 0;
  const nothingNew = scope.since !== null && files.length === 0;
  const upToDate = outcome?.status === 'reviewed' || nothingNew;
  const spent = plan.record(ledger?.spent ?? 0, costUsd);
  const repeated = deduped?.repeated ?? 0;
  const report = buildReport({
    headSha: pr.headSha,
    kept: files,
    skipped: view.skipped,
    changedLines: view.lines,
    tier: plan.tier,
    budget: view.budget,
    chosen,
    outcome,
    placement: placement ? asPosted(placement, posted) : null,
    open: deduped?.open ?? [],
    usage,
    costUsd,
    state: recordRun(view.history, upToDate, spent),
    extraNotes: [
      ...(self ? [] : [`⚠️ Earlier summaries and budgets were ignored: ${UNKNOWN_SELF}. Set \`bot-login\`.`]),
      ...(view.descriptionNote ? [view.descriptionNote] : []),
      ...scope.notes,
      ...(repeated > 0
        ? [`${repeated} finding(s) already posted in an earlier review, and still open, were not repeated.`]
        : []),
      ...(posted && !posted.ok ? [`The review could not be posted inline: ${posted.error}`] : []),
    ],
    guidelines: prep.guidelines,
    busy: prep.standDown,
    forgeHost: hostOf(pr.htmlUrl),
    context: prep.context,
  });
  const render = summaryRenderer(report, nothingNew ? (view.previous?.body ?? null) : null, scope.notes);
  // The job summary has room for every file left out; the comment points to it.
  const summaryMarkdown = nothingNew ? render(report.state) : renderSummary(report, { whole: true });
  const summary = writing
    ? await attemptPost(() =>
        publishRunSummary(forge, self, prep.target, deps.runId, spent, upToDate, render, report, now().getTime()),
      )
    : null;

  const postingError = (posted && !posted.ok ? posted.error : null) ?? (summary && !summary.ok ? summary.error : null);
  const where = posted?.ok ? (posted.value.url ?? 'not needed') : 'not posted';
  log.info(
    `Spent ${spent.tokens.toLocaleString('en-US')} of ${view.budget.ceiling.toLocaleString('en-US')} tokens; review ${where}`,
  );
  return {
    report,
    summaryMarkdown,
    findings: outcome?.answer ?? null,
    placement,
    postingError,
    reviewUrl: posted?.ok ? posted.value.url : null,
    summaryUrl: summary?.ok ? (summary.value?.url ?? null) : null,
  };
}
