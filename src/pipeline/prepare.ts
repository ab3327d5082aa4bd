import { contextBudget, gatherContext, type RunContext } from '../context/for-run.js';
import type { DiffFile } from '../diff/types.js';
import type { IssueComment, PullRequest } from '../ports.js';
import { decodeState } from '../state/marker.js';
import { readGuidelines } from '../review/guidelines.js';
import { attemptPost } from '../review/publish.js';
import { reserveRun, settleRun } from '../state/spend.js';
import type { Prepared, PullView, RunPlan, StepDeps } from './types.js';

/** Most tokens of one call besides diff and context (prompt, description, schema), for the context budget. */
const PROMPT_ALLOWANCE_TOKENS = 6000;

/**
 * What must be in place before the first model call, in one round of requests beside the
 * model choice: the run's reservation in the summary (so neither a cancelled run nor an
 * overlapping one can lose spend, and a second run for the same head stands down), the
 * guidelines from the base commit, and the code around the change from the head.
 */
export async function prepare(deps: StepDeps, view: PullView, planning: Promise<RunPlan>): Promise<Prepared> {
  const { config, forge, log, now } = deps;
  const none = { target: view.previous, reserved: false, guidelines: null, context: null };
  if (view.files.length === 0 || view.budget.skip || view.busy) return final({ ...none, standDown: view.busy });
  const ceiling = view.budget.ceiling;
  const pending = { id: deps.runId, at: now().toISOString(), sha: view.pr.headSha, tokens: ceiling };
  const recording = deps.model !== null && !config.dryRun && forge.kind !== 'local';
  // The diff comes first; context takes what is left (the ledger checks each call exactly).
  const room = ceiling - config.maxOutputTokens;
  const contextRoom = contextBudget(config.contextTokens, ceiling, room, view.diffTokens, PROMPT_ALLOWANCE_TOKENS);
  const settled = planning.then(
    (plan) => ({ plan, error: null }),
    (error: unknown) => ({ plan: null, error }),
  );
  let firstWrite: (comment: IssueComment) => void = () => {};
  const written = new Promise<IssueComment>((resolve) => (firstWrite = resolve));
  const reserving = recording
    ? attemptPost(() => reserveRun(forge, view.self, view.previous, pending, now().getTime(), firstWrite))
    : Promise.resolve(null);
  // The model may start once the forge has taken the reservation: reading it back (and merging
  // a summary an overlapping run created at the same moment) goes on while the model works.
  const taken = Promise.race([reserving, written]);
  const [, guidelines, context, planned] = await Promise.all([
    taken,
    readGuidelines(forge, view.pr.baseSha, config.guidelinesFiles, log),
    readContext(deps, view.files, view.pr, contextRoom),
    settled,
  ]);
  if (!planned.plan) {
    // The model could not be chosen (a bad key, an unknown model): nothing was billed, so the
    // reservation goes again, and with it a placeholder this run made.
    const attempt = await reserving;
    if (attempt?.ok && attempt.value.ok) await withdraw(deps, view, attempt.value.comment);
    throw planned.error;
  }
  const plan = planned.plan;
  // Taken by the forge, not yet read back (or the read-back failed): the reservation stands as written.
  const asWritten = (comment: IssueComment) => ({
    target: comment,
    reserved: true,
    standDown: null,
    guidelines,
    context,
  });
  const confirmed = reserving.then(
    (attempt): Prepared => {
      // A token that cannot write (a fork's) cannot record anything either: the review still runs.
      const reserved = attempt?.ok ? attempt.value : null;
      if (reserved && !reserved.ok) return final({ ...none, standDown: reserved.busy });
      const target = reserved?.ok ? reserved.comment : view.previous;
      return final({ target, reserved: reserved?.ok ?? false, standDown: null, guidelines, context });
    },
    async () => final(asWritten(await written)),
  );
  const { ledger } = plan;
  if (recording && ledger) {
    deps.onCancel?.(async () => {
      const held = await confirmed;
      if (!held.reserved) return;
      const spent = plan.record(ledger.committed);
      await settleRun(forge, view.self, held.target, deps.runId, spent, false, undefined, now().getTime());
    });
  }
  const early = await Promise.race([confirmed, written.then(() => null)]);
  if (early) return early;
  // Written, not yet read back: the first model call goes out now.
  return { ...asWritten(await written), confirmed };
}

/** A preparation that is already as it will stay. */
function final(prep: Omit<Prepared, 'confirmed'>): Prepared {
  const done = { ...prep } as Prepared;
  done.confirmed = Promise.resolve(done);
  return done;
}

/**
 * Takes this run's reservation out of the summary, when it spent nothing: the placeholder it
 * made is deleted when nobody else recorded anything in it.
 */
export async function withdraw(deps: StepDeps, view: PullView, target: IssueComment | null): Promise<void> {
  const { forge, runId, now } = deps;
  try {
    if (!view.previous && target) {
      const current = decodeState((await forge.getComment(target.id))?.body);
      const others = (current.pending ?? []).filter((p) => p.id !== runId);
      if (current.runs.length === 0 && others.length === 0) return await forge.deleteComment(target.id);
    }
    const none = { at: now().toISOString(), sha: view.pr.headSha, model: '', tokens: 0, cost: 0 };
    await settleRun(forge, view.self, target, runId, none, false, undefined, now().getTime());
  } catch {
    // The reservation stays and keeps counting; the run's own error matters more.
  }
}

/**
 * The code around the change, within `budget`; a snapshot that cannot be read is noted in the
 * log and the review goes on with the diff alone (as it did before context existed).
 */
async function readContext(
  deps: StepDeps,
  files: DiffFile[],
  pr: PullRequest,
  budget: number,
): Promise<RunContext | null> {
  const { forge, config, log } = deps;
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
