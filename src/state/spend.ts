import type { ForgeClient, Identity, IssueComment } from '../ports.js';
import { replaceState, type PendingRun, type ReviewState, type RunRecord } from './marker.js';
import { recordRun } from './record-run.js';
import { placeholderBody, reviewInProgress, withoutPending, writeSummary } from './summary-store.js';

/**
 * Spend is recorded in two steps, so no way a run can end loses it: before the first model
 * call the run writes a reservation of the most it may spend (its ceiling), and when it ends
 * (done, failed or cancelled) the reservation is replaced by what it was billed.
 */

/** The text a write keeps: the comment as it is, with only its state line replaced. */
export function keepBody(state: ReviewState, current: string | null): string {
  return current ? replaceState(current, state) : placeholderBody(state);
}

export type Reserved = { ok: true; comment: IssueComment | null } | { ok: false; busy: PendingRun };

/**
 * Records this run's reservation in the summary. Refused, writing nothing, when another run's
 * live reservation names the same head commit: that run is reviewing it already. `wrote` is
 * told as soon as the forge has taken the first write, before it is read back.
 */
export async function reserveRun(
  forge: ForgeClient,
  self: Identity | null,
  known: IssueComment | null,
  pending: PendingRun,
  now = Date.now(),
  wrote?: (comment: IssueComment) => void,
): Promise<Reserved> {
  let busy: PendingRun | null = null;
  const written = await writeSummary(
    forge,
    self,
    known,
    {
      next: (fresh) => {
        busy = reviewInProgress(fresh, pending.sha, pending.id, now);
        if (busy) return null;
        return { ...fresh, pending: [...(fresh.pending ?? []).filter((p) => p.id !== pending.id), pending] };
      },
      body: keepBody,
      held: (state) => (state.pending ?? []).some((p) => p.id === pending.id),
      ...(wrote ? { wrote } : {}),
    },
    now,
  );
  if (busy) return { ok: false, busy };
  return { ok: true, comment: written.comment };
}

/**
 * Replaces run `runId`'s reservation by its record (`run`), into the state as it is on the
 * forge now, so that what overlapping runs recorded meanwhile is kept. `body` renders the
 * comment around the state (default: keep the text, change only the state line).
 */
export async function settleRun(
  forge: ForgeClient,
  self: Identity | null,
  known: IssueComment | null,
  runId: string,
  run: RunRecord,
  reviewed: boolean,
  body: (state: ReviewState, current: string | null) => string = keepBody,
  now = Date.now(),
): Promise<{ comment: IssueComment | null; state: ReviewState }> {
  const key = (r: RunRecord) => `${r.at}|${r.sha}|${r.tokens}`;
  const written = await writeSummary(
    forge,
    self,
    known,
    {
      next: (fresh) => recordRun(withoutPending(fresh, runId), reviewed, run),
      body,
      // A run that spent nothing adds no record: then only the reservation's removal must hold.
      held: (state) =>
        !(state.pending ?? []).some((p) => p.id === runId) &&
        (run.tokens === 0 || state.runs.some((r) => key(r) === key(run))),
    },
    now,
  );
  return { comment: written.comment, state: written.state };
}
