import { randomUUID } from 'node:crypto';
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
import type { ForgeClient, Identity, IssueComment, Logger, ModelClient, PullRequest } from './ports.js';
import { contextBudget, gatherContext, type RunContext } from './context/for-run.js';
import type { DiffFile } from './diff/types.js';
import { capDescription } from './review/description.js';
import type { ReviewAnswer } from './review/findings.js';
import { dropRepeats } from './review/fingerprint.js';
import { placeFindings, type Placement } from './review/place.js';
import { asPosted, attemptPost, hostOf, publishReview } from './review/publish.js';
import { type SummaryReport } from './review/render-summary.js';
import { readGuidelines } from './review/guidelines.js';
import { buildReport } from './review/report.js';
import { reviewInChunks } from './review/review-chunks.js';
import { reviewScope } from './review/scope.js';
import { publishRunSummary, summaryRenderer } from './review/summary-writer.js';
import { decodeState, type RunRecord } from './state/marker.js';
import { readMonthUsage } from './state/month-usage.js';
import { isOwn } from './state/own.js';
import { recordRun } from './state/record-run.js';
import { reserveRun, settleRun } from './state/spend.js';
import { loadSummary, reviewInProgress } from './state/summary-store.js';
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

const NO_USAGE = { input: 0, output: 0, cacheWrite: 0, cacheRead: 0 };
const UNKNOWN_SELF = 'the action could not tell which comments are its own';

/** One review of one pull request: diff → scope → budget → reserve → model → review → post → record. */
export async function run(deps: RunDeps): Promise<RunResult> {
  const { config, forge, model: client, log, now = () => new Date() } = deps;
  const request = deps.request ?? { mode: 'incremental', tier: null };
  const runId = deps.runId ?? randomUUID();
  const [fullPr, diff, self] = await Promise.all([forge.getPullRequest(), forge.getDiff(), forge.identity()]);
  const { pr, note: descriptionNote } = capDescription(fullPr);
  const { kept, skipped } = filterFiles(parseDiff(diff), config);
  // Only the action's own summary carries state: anyone else's marker is just text.
  const { comment: previous, state: history } = await loadSummary(forge, self);
  const scope = await reviewScope(forge, request, history, pr.headSha, kept);
  const files = scope.files;
  const lines = changedLines(files);
  log.info(
    `PR #${pr.number}: ${files.length} file(s), ${lines} changed line(s) to review; ${skipped.length} filtered out`,
  );
  if (!self) log.warning(`Earlier summaries and budgets are ignored: ${UNKNOWN_SELF} (set \`bot-login\`).`);

  const month = await readMonthUsage(forge, config, now(), self);
  const budget = runBudget(config, history, month, self ? null : UNKNOWN_SELF);
  const busy = reviewInProgress(history, pr.headSha, runId, now().getTime());
  const tier = budget.stepDownToSmall ? 'small' : (request.tier ?? chooseTier(lines, config));
  const diffTokens = files.reduce((n, f) => n + fileTokens(f), 0);
  const usable = (m: ResolvedModel) => canReviewUsefully(config, budget.ceiling, m, diffTokens);
  const wanted = files.length > 0 && !budget.skip && !busy;
  const chosen = wanted ? await chooseModel(client, config, tier, usable) : null;
  if (chosen) log.info(`${chosen.tier} tier → ${chosen.model.id}; ceiling ${budget.ceiling} tokens`);
  const ledger = chosen ? createRunLedger(config, budget.ceiling, chosen.model) : null;
  const posting = client !== null && !config.dryRun;
  const at = now().toISOString();
  const record = (tokens: number, cost = 0): RunRecord => ({
    at,
    sha: pr.headSha,
    model: chosen?.model.id ?? '',
    tokens,
    cost,
  });

  // Before any model call: the most this run may spend is recorded, so that neither a cancelled
  // run nor one overlapping it can lose spend, and a second run for the same head stands down.
  let target = previous;
  const reservation = { id: runId, at, sha: pr.headSha, tokens: budget.ceiling };
  const attempt =
    chosen && posting && forge.kind !== 'local'
      ? await attemptPost(() => reserveRun(forge, self, previous, reservation, now().getTime()))
      : null;
  // A token that cannot write (a fork's) cannot record anything either: the review still runs.
  const reserved = attempt?.ok ? attempt.value : null;
  const standDown = busy ?? (reserved && !reserved.ok ? reserved.busy : null);
  if (reserved?.ok) target = reserved.comment;
  if (ledger && reserved?.ok) {
    deps.onCancel?.(async () => {
      await settleRun(forge, self, target, runId, record(ledger.committed), false, undefined, now().getTime());
    });
  }

  // Guidelines (base commit) and the code around the change (head snapshot) are read together.
  const room = chosen && ledger ? ledger.inputRoom(Math.min(config.maxOutputTokens, chosen.model.maxOutputTokens)) : 0;
  const contextRoom = contextBudget(config.contextTokens, budget.ceiling, room, diffTokens, PROMPT_ALLOWANCE_TOKENS);
  const [guidelines, context] =
    chosen && !standDown
      ? await Promise.all([
          readGuidelines(forge, pr.baseSha, config.guidelinesFiles, log),
          readContext(forge, config, files, pr, contextRoom, log),
        ])
      : [null, null];
  const reviewing = new Set(files.map((f) => f.path));
  const otherFiles = scope.since ? kept.filter((f) => !reviewing.has(f.path)).map((f) => f.path) : [];
  const outcome =
    chosen && ledger && !standDown
      ? await reviewInChunks({
          client,
          ledger,
          config,
          pr,
          files,
          model: chosen.model,
          otherFiles,
          guidelines,
          context: context?.selection ?? null,
        }).catch(async (error: unknown) => {
          // What was billed before the failure still counts against the PR's and the month's budgets.
          if (reserved?.ok) await recordFailure(forge, self, previous, target, runId, record(ledger.committed), now());
          throw error;
        })
      : null;
  const placed = outcome?.answer ? placeFindings(outcome.answer.findings, buildAnchorIndex(kept), config) : null;

  // Findings the action already posted on this PR, in comments still open, are not posted again.
  const own =
    posting && !standDown ? (await forge.listReviewComments()).filter((c) => isOwnReviewComment(c, self)) : [];
  const deduped = posting && !standDown ? dropRepeats(placed, kept, own) : null;
  const placement = deduped?.placement ?? placed;
  const review =
    placement && posting ? await attemptPost(() => publishReview(forge, pr, placement, config.reviewEvent)) : null;

  const usage = ledger?.total() ?? NO_USAGE;
  const costUsd = chosen ? estimateCost(chosen.model.id, usage, priceTable(config)) : 0;
  const upToDate = outcome?.status === 'reviewed' || (scope.since !== null && files.length === 0);
  const spent = record(ledger?.spent ?? 0, costUsd);
  const repeated = deduped?.repeated ?? 0;
  const extraNotes = [
    ...(self ? [] : [`⚠️ Earlier summaries and budgets were ignored: ${UNKNOWN_SELF}. Set \`bot-login\`.`]),
    ...(descriptionNote ? [descriptionNote] : []),
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
    state: recordRun(history, upToDate, spent),
    extraNotes,
    guidelines,
    busy: standDown,
    forgeHost: hostOf(pr.htmlUrl),
    context,
  });
  const nothingNew = scope.since !== null && files.length === 0;
  const render = summaryRenderer(report, nothingNew ? (previous?.body ?? null) : null, scope.notes);
  const summaryMarkdown = render(report.state);
  // A run that stands down for another leaves the summary to that run.
  const summary =
    posting && !standDown
      ? await attemptPost(() =>
          publishRunSummary(forge, self, target, runId, spent, upToDate, render, report, now().getTime()),
        )
      : null;

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
    summaryUrl: summary?.ok ? (summary.value?.url ?? null) : null,
  };
}

/** Most tokens of one call besides diff and context (prompt, description, schema), for the context budget. */
const PROMPT_ALLOWANCE_TOKENS = 6000;

/**
 * The code around the change, within `budget`; a snapshot that cannot be read is noted in the
 * log and the review goes on with the diff alone (as it did before context existed).
 */
async function readContext(
  forge: ForgeClient,
  config: Config,
  files: DiffFile[],
  pr: PullRequest,
  budget: number,
  log: Logger,
): Promise<RunContext | null> {
  if (!forge.snapshot || config.contextTokens === 0 || budget <= 0) return null;
  try {
    const context = await gatherContext({
      reader: forge.snapshot,
      files,
      head: pr.headSha,
      base: pr.baseSha,
      budget,
      filters: config,
    });
    if (context) log.info(`Context (${context.how}): ${context.line}`);
    return context;
  } catch (error) {
    // Context is a help, not a requirement: the review goes on, and the log says why it had none.
    const why = error instanceof Error ? error.message : String(error);
    log.info(`The code around the change could not be read (${why}); the review sees the diff only.`);
    return null;
  }
}

/**
 * What a failed run leaves: its spend recorded; a placeholder it made itself, when it spent
 * nothing, removed again (an error before any billing should leave the pull request as it was).
 */
async function recordFailure(
  forge: ForgeClient,
  self: Identity | null,
  previous: IssueComment | null,
  target: IssueComment | null,
  runId: string,
  spent: RunRecord,
  now: Date,
): Promise<void> {
  try {
    if (!previous && target && spent.tokens === 0) {
      // Only a placeholder that records nobody else's spend (an overlapping run may share it).
      const current = decodeState((await forge.getComment(target.id))?.body);
      const others = (current.pending ?? []).filter((p) => p.id !== runId);
      if (current.runs.length === 0 && others.length === 0) return await forge.deleteComment(target.id);
    }
    await settleRun(forge, self, target, runId, spent, false, undefined, now.getTime());
  } catch {
    // The run's own error is what the user needs to see; the reservation still counts in budgets.
  }
}

/** A review comment the action itself posted: only those carry fingerprints it trusts. */
function isOwnReviewComment(c: { author: string; authorId: number | null }, self: Identity | null) {
  return isOwn({ id: c.authorId, login: c.author }, self);
}
