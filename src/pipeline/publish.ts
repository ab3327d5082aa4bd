import { settleRun } from '../state/spend.js';
import { buildAnchorIndex } from '../diff/anchor.js';
import { estimateCost } from '../plan/prices.js';
import { priceTable } from '../plan/run-ledger.js';
import { buildLineTexts, dropRepeats, fingerprint } from '../review/fingerprint.js';
import { fixedFindings, fixedNote } from '../review/fixed-findings.js';
import { placeFindings, type Placement } from '../review/place.js';
import type { ReviewComment } from '../ports.js';
import { hostOf } from '../review/neutralize.js';
import { asPosted, attemptPost, publishReview } from '../review/publish.js';
import { buildReport } from '../review/report.js';
import type { ChunkedOutcome } from '../review/review-chunks.js';
import { renderSummary } from '../review/render-summary.js';
import { publishRunSummary, summaryRenderer } from '../review/summary-writer.js';
import { isOwnReviewComment } from '../state/own.js';
import { recordRun } from '../state/record-run.js';
import type { RunResult } from '../run.js';
import { UNKNOWN_SELF } from './read-pull.js';
import type { Prepared, PullView, RunPlan, StepDeps } from './types.js';
import type { Verification } from './verify.js';
import { renderVerification } from '../review/render-verdicts.js';

const NO_USAGE = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };

/**
 * Resolves the threads of the action's earlier findings that the new commits fixed (their code
 * changed and the new review does not report them again); threads people replied to stay open.
 * Returns the summary's note, if any.
 */
async function resolveFixed(
  deps: StepDeps,
  view: PullView,
  placed: Placement | null,
  threads: ReviewComment[],
  mine: (c: ReviewComment) => boolean,
): Promise<string[]> {
  if (view.scope.since === null || !view.scope.increment) return [];
  const texts = buildLineTexts(view.kept);
  const found = (placed?.inline ?? []).map((p) => ({
    path: p.anchor.path,
    title: p.finding.title,
    fingerprint: fingerprint(p, texts),
  }));
  const unplaced = (placed?.unplaced ?? []).map((u) => ({ path: u.finding.path, title: u.finding.title }));
  const { fixed } = fixedFindings(threads, mine, view.scope.increment, [...found, ...unplaced]);
  if (fixed.length === 0) return [];
  const note = fixedNote(view.pr.headSha);
  const done = { resolved: 0, replied: 0, unsupported: 0, failed: 0 };
  for (const c of fixed) {
    // A courtesy: a thread the forge will not resolve is left open, never a failed run.
    const r = await attemptPost(() => deps.forge.resolveThread(c, note)).catch(() => ({ ok: false as const }));
    if (r.ok) done[r.value]++;
    else done.failed++;
  }
  const how = [
    done.resolved > 0 ? `${done.resolved} thread(s) resolved` : '',
    done.replied > 0 ? `${done.replied} answered "fixed"` : '',
    done.unsupported + done.failed > 0
      ? `${done.unsupported + done.failed} left open (the forge cannot resolve them)`
      : '',
  ].filter((x) => x !== '');
  return [`${fixed.length} earlier finding(s) fixed by the new commits: ${how.join(', ')}.`];
}

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
  verification: Verification | null,
): Promise<RunResult> {
  const { config, forge, log, now } = deps;
  const { pr, kept, self, scope, files } = view;
  const { chosen, ledger, posting } = plan;
  const writing = posting && !prep.standDown;
  const placed = outcome?.answer ? placeFindings(outcome.answer.findings, buildAnchorIndex(kept), config) : null;
  // Findings the action itself posted on this PR, in comments still open, are not posted again.
  const mine = (c: ReviewComment) => isOwnReviewComment(c, self);
  const threads = writing ? await forge.listReviewComments() : [];
  const deduped = writing ? dropRepeats(placed, kept, threads.filter(mine)) : null;
  // On a re-review, the action's findings that the new commits fixed get their threads resolved.
  const fixedNotes =
    writing && outcome?.status === 'reviewed' ? await resolveFixed(deps, view, placed, threads, mine) : [];
  const placement = deduped?.placement ?? placed;
  const posted =
    placement && writing ? await attemptPost(() => publishReview(forge, pr, placement, config.reviewEvent)) : null;

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
      ...fixedNotes,
    ],
    guidelines: prep.guidelines,
    busy: prep.standDown,
    forgeHost: hostOf(pr.htmlUrl),
    context: prep.context,
    verification: verification ? renderVerification(verification.summary, { forgeHost: hostOf(pr.htmlUrl) }) : null,
  });
  const render = summaryRenderer(report, nothingNew ? (view.previous?.body ?? null) : null, scope.notes);
  // The job summary has room for every file left out; the comment points to it.
  const summaryMarkdown = nothingNew ? render(report.state) : renderSummary(report, { whole: true });
  const summary = writing
    ? await attemptPost(() =>
        publishRunSummary(forge, self, prep.target, deps.runId, spent, upToDate, render, report, now().getTime()),
      )
    : null;
  // Another run took this head while this one's model calls ran: its spend still counts.
  if (posting && prep.standDown && spent.tokens > 0) {
    await attemptPost(() =>
      settleRun(forge, self, view.previous, deps.runId, spent, false, undefined, now().getTime()),
    );
  }

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
